"""Throughput on large arrays: torchnp against NumPy and raw torch, at one thread and at the
default thread count.

``python -m torchnp bench --throughput`` and ``benchmarks/throughput.py`` run it. Each thread
setting runs in a child process (NumPy's BLAS reads its thread count at import); inside it the
three implementations of each workload are timed alternately, and each figure is the median of
the repeats. The table gives torchnp / NumPy and torchnp / torch with their geometric means.
"""
import json
import math
import os
import statistics
import subprocess
import sys
import time

import numpy
import torch

import torchnp
from torchnp import _demo

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


# ----- whole programs: the same NumPy code for numpy and torchnp, a torch transcription ----------

def _train_torch(x, y, w1, w2, steps=300, learning_rate=1e-6):
    """``_demo.train`` written against torch, operation for operation (the copy of ``grad_h``
    and the new weights included)."""
    losses = []
    for _ in range(steps):
        h = x.mm(w1)
        h_relu = h.clamp(min=0)
        y_pred = h_relu.mm(w2)
        losses.append((y_pred - y).square().sum())
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.mm(grad_y_pred)
        grad_h_relu = grad_y_pred.mm(w2.T)
        grad_h = grad_h_relu.clone()
        grad_h[h < 0] = 0
        grad_w1 = x.T.mm(grad_h)
        w1, w2 = w1 - learning_rate * grad_w1, w2 - learning_rate * grad_w2
    return float(losses[0]), float(losses[-1])


def kmeans(np, points, centers, steps=10):
    """Lloyd's k-means in NumPy code: the centers after ``steps`` rounds."""
    k = centers.shape[0]
    for _ in range(steps):
        d = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        labels = d.argmin(axis=1)
        onehot = labels[:, None] == np.arange(k)[None, :]
        counts = onehot.sum(axis=0)
        counts = np.maximum(counts, 1).astype(points.dtype)
        centers = (onehot.T.astype(points.dtype) @ points) / counts[:, None]
    return centers


def _kmeans_torch(points, centers, steps=10):
    """``kmeans`` written against torch."""
    k = centers.shape[0]
    for _ in range(steps):
        d = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(dim=2)
        labels = d.argmin(dim=1)
        onehot = labels[:, None] == torch.arange(k)[None, :]
        counts = onehot.sum(dim=0)
        counts = counts.clamp(min=1).to(points.dtype)
        centers = (onehot.T.to(points.dtype) @ points) / counts[:, None]
    return centers


# ----- the workloads --------------------------------------------------------------------------

def _chain(np, a, b):
    return np.sqrt(np.exp(-a * b) + a * 2.0 - b)


def workloads(dtype, n, matmul_sizes=(1024, 2048)):
    """(name, torchnp callable, numpy callable, torch callable) on ``n``-element ``dtype`` data."""
    rng = numpy.random.default_rng(0)
    na, nb = rng.random(n).astype(dtype), rng.random(n).astype(dtype)
    idx = rng.integers(0, n, n)
    ta, tb, tidx = (torch.from_numpy(x.copy()) for x in (na, nb, idx))
    a, b, ia = (torchnp.asarray(x.copy()) for x in (na, nb, idx))
    cases = [
        ("a + b", lambda: a + b, lambda: na + nb, lambda: ta + tb),
        ("exp(a)", lambda: torchnp.exp(a), lambda: numpy.exp(na), lambda: torch.exp(ta)),
        ("sqrt(exp(-a*b) + a*2.0 - b)", lambda: _chain(torchnp, a, b),
         lambda: _chain(numpy, na, nb), lambda: _chain(torch, ta, tb)),
        ("a.sum()", lambda: a.sum(), lambda: na.sum(), lambda: ta.sum()),
        ("a.argmax()", lambda: a.argmax(), lambda: na.argmax(), lambda: ta.argmax()),
        ("a.cumsum()", lambda: a.cumsum(), lambda: na.cumsum(), lambda: ta.cumsum(0)),
        ("a[int array] (gather)", lambda: a[ia], lambda: na[idx], lambda: ta[tidx]),
        ("sort(a)", lambda: torchnp.sort(a), lambda: numpy.sort(na),
         lambda: torch.sort(ta).values),
    ]
    for m in matmul_sizes:
        nm, nm2 = rng.random((m, m)).astype(dtype), rng.random((m, m)).astype(dtype)
        tm, tm2 = torch.from_numpy(nm), torch.from_numpy(nm2)
        am, am2 = torchnp.asarray(nm.copy()), torchnp.asarray(nm2.copy())
        cases.append((f"matmul {m}x{m}", lambda am=am, am2=am2: am @ am2,
                      lambda nm=nm, nm2=nm2: nm @ nm2, lambda tm=tm, tm2=tm2: tm @ tm2))
    return cases + _programs(dtype)


def _programs(dtype):
    rng = numpy.random.default_rng(0)
    n, d_in, hidden, d_out = 64, 1000, 100, 10
    data = [rng.standard_normal(s).astype(dtype) for s in
            ((n, d_in), (n, d_out), (d_in, hidden), (hidden, d_out))]
    tdata = [torch.from_numpy(x) for x in data]
    adata = [torchnp.asarray(x.copy()) for x in data]
    points = rng.standard_normal((100_000, 8)).astype(dtype)
    centers = points[:16].copy()
    tp, tc = torch.from_numpy(points), torch.from_numpy(centers)
    ap, ac = torchnp.asarray(points.copy()), torchnp.asarray(centers.copy())
    return [
        ("demo training loop (300 steps)", lambda: _demo.train(torchnp, *adata),
         lambda: _demo.train(numpy, *data), lambda: _train_torch(*tdata)),
        ("k-means (1e5 x 8, k=16, 10 steps)", lambda: kmeans(torchnp, ap, ac),
         lambda: kmeans(numpy, points, centers), lambda: _kmeans_torch(tp, tc)),
    ]


def _time(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


SETTLE_S = 0.2


def _settle(fn):
    start = time.perf_counter()
    while time.perf_counter() - start < SETTLE_S:
        fn()


def measure(n, repeats, dtypes=("float64", "float32")):
    """Rows of (workload, dtype, torchnp s, numpy s, torch s): medians of alternated repeats.

    With more than one thread each timed call follows untimed calls of the same implementation
    for ``SETTLE_S``: after a call, a library's idle threads spin-wait (NumPy's OpenBLAS for about
    0.1 s), and on a 2-core machine they would take a core from the other library's next call
    (measured: a torch 1024 matmul right after NumPy's took 2.3x as long)."""
    settle = torch.get_num_threads() > 1
    rows = []
    for dt in dtypes:
        for name, *fns in workloads(numpy.dtype(dt), n):
            for f in fns:                               # warm up
                f()
            times = [[], [], []]
            for _ in range(repeats):
                for sink, f in zip(times, fns):
                    if settle:
                        _settle(f)
                    sink.append(_time(f))
            rows.append((name, dt, *(statistics.median(ts) for ts in times)))
    return rows


def _geomean(ratios):
    return math.exp(statistics.fmean(math.log(r) for r in ratios))


def render(rows, title):
    lines = [f"### {title}", "",
             "| workload | dtype | NumPy | torch | torchnp | torchnp / NumPy | torchnp / torch |",
             "|---|---|---|---|---|---|---|"]
    for name, dt, tnp, tn, tt in rows:
        lines.append(f"| {name} | {dt} | {tn * 1e3:.1f} ms | {tt * 1e3:.1f} ms | "
                     f"{tnp * 1e3:.1f} ms | {tnp / tn:.2f} | {tnp / tt:.2f} |")
    lines.append(f"| geometric mean | | | | | {_geomean(r[2] / r[3] for r in rows):.2f} | "
                 f"{_geomean(r[2] / r[4] for r in rows):.2f} |")
    return "\n".join(lines)


def _child(argv):
    """Run in a child process: print the measured rows as JSON."""
    n, repeats = int(argv[0]), int(argv[1])
    print(json.dumps(measure(n, repeats, tuple(argv[2].split(",")))))
    return 0


def _run_child(threads, n, repeats, dtypes):
    env = dict(os.environ)
    for var in _THREAD_VARS:
        if threads is None:
            env.pop(var, None)
        else:
            env[var] = str(threads)
    cmd = [sys.executable, "-m", "torchnp._bench_throughput", "--child", str(n), str(repeats),
           ",".join(dtypes)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def main(quick=False):
    n = 10**6 if quick else 10**7
    repeats = 3 if quick else 5
    dtypes = ("float64",) if quick else ("float64", "float32")
    default = torch.get_num_threads()
    for threads, label in ((1, "one thread"), (None, f"default threads ({default})")):
        rows = _run_child(threads, n, repeats, dtypes)
        print(render(rows, f"{n:.0e} elements, {label}, medians of {repeats}"))
        print()
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(_child(sys.argv[2:]))
    sys.exit(main(quick="--quick" in sys.argv))
