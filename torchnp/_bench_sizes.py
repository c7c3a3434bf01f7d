"""Where each library wins: time per element against array size, NumPy / torch / torchnp.

``python -m torchnp bench --sizes [--max-size N] [--quick]`` sweeps float64 arrays from 1 element
to ``--max-size`` (1e8 by default) for ``a + b``, ``exp``, ``sum``, a 5-op chain and ``matmul``
(n x n, n^2 in the same range, n at most 4096), at the default thread count, prints the table
and the crossover sizes, and draws ``docs/bench-sizes.png`` (log-log, one panel per workload;
needs matplotlib, the ``bench`` extra).
"""
import math
import os
import statistics
import time

import numpy
import torch

import torchnp

LIBRARIES = ("NumPy", "torch", "torchnp")
_MATMUL_MAX_N = 4096
_TARGET_S = 0.05        # each timing runs the call enough times to last about this long


def _chain(np, a, b):
    return np.sqrt(np.exp(-a * b) + a * 2.0 - b)


def _elementwise(name, n):
    rng = numpy.random.default_rng(0)
    na, nb = rng.random(n), rng.random(n)
    ta, tb = torch.from_numpy(na.copy()), torch.from_numpy(nb.copy())
    a, b = torchnp.asarray(na.copy()), torchnp.asarray(nb.copy())
    return {
        "a + b": (lambda: na + nb, lambda: ta + tb, lambda: a + b),
        "exp(a)": (lambda: numpy.exp(na), lambda: torch.exp(ta), lambda: torchnp.exp(a)),
        "a.sum()": (lambda: na.sum(), lambda: ta.sum(), lambda: a.sum()),
        "sqrt(exp(-a*b) + a*2.0 - b)": (lambda: _chain(numpy, na, nb),
                                        lambda: _chain(torch, ta, tb),
                                        lambda: _chain(torchnp, a, b)),
    }[name]


def _matmul(m):
    rng = numpy.random.default_rng(0)
    na, nb = rng.random((m, m)), rng.random((m, m))
    ta, tb = torch.from_numpy(na.copy()), torch.from_numpy(nb.copy())
    a, b = torchnp.asarray(na.copy()), torchnp.asarray(nb.copy())
    return (lambda: na @ nb, lambda: ta @ tb, lambda: a @ b)


def _per_call(fn):
    """Seconds per call: the call repeated until it lasts ``_TARGET_S``."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= _TARGET_S or number >= 10**5:
            return elapsed / number
        number *= max(2, min(10, int(_TARGET_S / max(elapsed, 1e-7))))


def sweep(max_size, repeats):
    """{workload: [(elements, (numpy, torch, torchnp) seconds per element), ...]}."""
    decades = int(math.log10(max_size))
    sizes = [10**k for k in range(decades + 1)]
    results = {}
    workloads = ["a + b", "exp(a)", "a.sum()", "sqrt(exp(-a*b) + a*2.0 - b)"]
    for name in workloads:
        results[name] = [(n, _time_three(_elementwise(name, n), repeats, n)) for n in sizes]
    ms = sorted({min(_MATMUL_MAX_N, round(math.sqrt(n))) for n in sizes})
    results["matmul (n x n), elements = n^2"] = [(m * m, _time_three(_matmul(m), repeats, m * m))
                                                 for m in ms]
    return results


def _time_three(fns, repeats, elements):
    for f in fns:
        f()
    times = ([], [], [])
    for _ in range(repeats):                    # alternated, so drift hits all three alike
        for sink, f in zip(times, fns):
            sink.append(_per_call(f))
    return tuple(statistics.median(ts) / elements for ts in times)


def crossovers(points):
    """The sizes from which torchnp stays at least as fast as NumPy, and torch at least as fast
    as NumPy (None where never)."""
    def from_where(i):
        start = None
        for n, times in points:
            if times[i] <= times[0]:
                start = n if start is None else start
            else:
                start = None
        return start
    return from_where(2), from_where(1)


def render(results):
    lines = ["| workload | elements | NumPy ns/elt | torch ns/elt | torchnp ns/elt |",
             "|---|---|---|---|---|"]
    for name, points in results.items():
        for n, (tn, tt, tnp) in points:
            lines.append(f"| {name} | {n:.0e} | {tn * 1e9:.3g} | {tt * 1e9:.3g} | "
                         f"{tnp * 1e9:.3g} |")
    lines.append("")
    for name, points in results.items():
        ours, theirs = crossovers(points)
        lines.append(f"{name}: torchnp at least as fast as NumPy from "
                     f"{_size_words(ours)}; raw torch from {_size_words(theirs)}")
    return "\n".join(lines)


def _size_words(n):
    return "no size measured" if n is None else f"{n:.0e} elements"


def plot(results, path):
    import matplotlib                       # optional: the ``bench`` extra
    matplotlib.use("Agg")
    from matplotlib import pyplot
    fig, axes = pyplot.subplots(1, len(results), figsize=(4 * len(results), 3.6))
    for ax, (name, points) in zip(axes, results.items()):
        sizes = [n for n, _ in points]
        for i, label in enumerate(LIBRARIES):
            ax.loglog(sizes, [t[i] * 1e9 for _, t in points], marker="o", markersize=3,
                      label=label)
        ax.set_title(name, fontsize=9)
        ax.set_xlabel("elements")
        ax.grid(True, which="major", alpha=0.3)
    axes[0].set_ylabel("ns per element")
    axes[0].legend(fontsize=8)
    threads = torch.get_num_threads()
    fig.suptitle(f"float64, {threads} thread{'s' * (threads > 1)}: time per element (lower is "
                 "better)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=80)


def main(quick=False, max_size=None):
    """``max_size`` None: 1e8 elements, 1e6 with ``quick``."""
    if max_size is None:
        max_size = 10**6 if quick else 10**8
    results = sweep(max_size, 3 if quick else 5)
    print(render(results))
    path = os.path.join("docs", "bench-sizes.png")
    try:
        plot(results, path)
    except ImportError:
        print("matplotlib is not installed (pip install torchnp[bench]): no picture drawn")
        return 0
    print(f"wrote {path}")
    return 0
