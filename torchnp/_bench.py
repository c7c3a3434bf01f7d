"""Per-call overhead of torchnp over raw torch (and NumPy) on tiny arrays.

``python -m torchnp bench`` and ``benchmarks/overhead.py`` run it. The implementations of each case
are timed alternately in one process, single-threaded; each figure is the median over repeats of
the mean thread CPU time per call, and the table reports torchnp / torch ratios with a geometric
mean.
"""
import math
import statistics
import time
import timeit

import numpy
import torch

import torchnp


def _cases():
    """(name, torchnp callable, torch callable, numpy callable) on 3x3 float64 arrays."""
    n1 = numpy.arange(9.0).reshape(3, 3)
    n2 = n1 + 1
    t1, t2 = torch.from_numpy(n1.copy()), torch.from_numpy(n2.copy())
    a1, a2 = torchnp.asarray(t1), torchnp.asarray(t2)
    idx_n = numpy.array([0, 2])
    idx_t, idx_a = torch.from_numpy(idx_n), torchnp.asarray(idx_n)
    mask_n = n1 > 3
    mask_t, mask_a = torch.from_numpy(mask_n), torchnp.asarray(mask_n)
    # in-place cases write into arrays of their own (the values drift; the time does not); all
    # three run `a -= b` in one helper, so torch's column is Tensor.__isub__, i.e. torch.sub_
    n3 = n1.copy()
    t3, a3 = torch.from_numpy(n1.copy()), torchnp.asarray(n1.copy())
    return [
        ("ufunc(array, array)", lambda: torchnp.add(a1, a2), lambda: torch.add(t1, t2),
         lambda: numpy.add(n1, n2)),
        ("a + b", lambda: a1 + a2, lambda: t1 + t2, lambda: n1 + n2),
        ("ufunc(array, 2.0)", lambda: torchnp.multiply(a1, 2.0), lambda: torch.mul(t1, 2.0),
         lambda: numpy.multiply(n1, 2.0)),
        ("sin(array)", lambda: torchnp.sin(a1), lambda: torch.sin(t1), lambda: numpy.sin(n1)),
        ("a.sum()", lambda: a1.sum(), lambda: t1.sum(), lambda: n1.sum()),
        ("a.sum(axis=0, keepdims=True)", lambda: a1.sum(axis=0, keepdims=True),
         lambda: t1.sum(dim=0, keepdim=True), lambda: n1.sum(axis=0, keepdims=True)),
        ("a.sum(axis=(0, 1))", lambda: a1.sum(axis=(0, 1)), lambda: t1.sum(dim=(0, 1)),
         lambda: n1.sum(axis=(0, 1))),
        ("a.prod(axis=0)", lambda: a1.prod(axis=0), lambda: t1.prod(0), lambda: n1.prod(axis=0)),
        ("a -= b", lambda: _isub(a3, a2), lambda: _isub(t3, t2), lambda: _isub(n3, n2)),
        ("a -= 2.0", lambda: _isub(a3, 2.0), lambda: _isub(t3, 2.0), lambda: _isub(n3, 2.0)),
        ("a[1:3]", lambda: a1[1:3], lambda: t1[1:3], lambda: n1[1:3]),
        ("a[0, 1:]", lambda: a1[0, 1:], lambda: t1[0, 1:], lambda: n1[0, 1:]),
        ("a[int array]", lambda: a1[idx_a], lambda: t1[idx_t], lambda: n1[idx_n]),
        ("a[bool mask]", lambda: a1[mask_a], lambda: t1[mask_t], lambda: n1[mask_n]),
        ("a.reshape(9)", lambda: a1.reshape(9), lambda: t1.reshape(9), lambda: n1.reshape(9)),
        ("a.astype(float32)", lambda: a1.astype(torchnp.float32),
         lambda: t1.to(torch.float32), lambda: n1.astype(numpy.float32)),
        ("zeros((3, 3))", lambda: torchnp.zeros((3, 3)),
         lambda: torch.zeros(3, 3, dtype=torch.float64), lambda: numpy.zeros((3, 3))),
        ("4-op chain", lambda: (a1 * a2 + a1) / a2 - a1, lambda: (t1 * t2 + t1) / t2 - t1,
         lambda: (n1 * n2 + n1) / n2 - n1),
        ("a[[0, 2]]", lambda: a1[[0, 2]], lambda: t1[[0, 2]], lambda: n1[[0, 2]]),
        ("where(mask, a, b)", lambda: torchnp.where(mask_a, a1, a2),
         lambda: torch.where(mask_t, t1, t2), lambda: numpy.where(mask_n, n1, n2)),
        ("concatenate([a, b])", lambda: torchnp.concatenate([a1, a2]),
         lambda: torch.cat([t1, t2]), lambda: numpy.concatenate([n1, n2])),
        ("a.T", lambda: a1.T, lambda: t1.T, lambda: n1.T),
        ("a.reshape(1, 9).T", lambda: a1.reshape(1, 9).T, lambda: t1.reshape(1, 9).T,
         lambda: n1.reshape(1, 9).T),
    ]


def _isub(a, b):
    a -= b


def _per_call(fn, number):
    # the thread's CPU time, not the wall clock: on a shared machine, time spent descheduled
    # would count (torch runs these ops on the calling thread: one thread is set below)
    return timeit.timeit(fn, number=number, timer=time.thread_time) / number


def measure(repeats=15, number=2000):
    """Rows of (name, torchnp seconds, torch seconds, numpy seconds), medians of repeats."""
    torch.set_num_threads(1)
    rows = []
    for name, f_tnp, f_torch, f_np in _cases():
        for f in (f_tnp, f_torch, f_np):        # warm up
            _per_call(f, 50)
        times = ([], [], [])
        for _ in range(repeats):                # alternate so drift hits all three alike
            for sink, f in zip(times, (f_tnp, f_torch, f_np)):
                sink.append(_per_call(f, number))
        rows.append((name, *(statistics.median(ts) for ts in times)))
    return rows


def render(rows):
    lines = [f"{'case':32s} {'torchnp':>9s} {'torch':>9s} {'numpy':>9s} {'tnp/torch':>10s} "
             f"{'over torch':>11s}"]
    for name, tnp, tt, tn in rows:
        lines.append(f"{name:32s} {tnp * 1e6:7.2f}us {tt * 1e6:7.2f}us {tn * 1e6:7.2f}us "
                     f"{tnp / tt:10.2f} {(tnp - tt) * 1e6:+9.2f}us")
    geo = math.exp(statistics.fmean(math.log(tnp / tt) for _, tnp, tt, _ in rows))
    lines.append(f"geometric mean torchnp/torch: {geo:.2f}")
    return "\n".join(lines)


def main(quick=False):
    rows = measure(repeats=5 if quick else 15, number=500 if quick else 2000)
    print(render(rows))
    return 0
