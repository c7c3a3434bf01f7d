"""What ``torchnp.compile`` buys on whole programs: a k-means loop and the demo's network training
loop, each run with NumPy, torchnp eager and torchnp.compile (inductor), medians of alternating
repeats after one warm-up run each (the warm-up compiles).

The README's table was made pinned to one core:
    OMP_NUM_THREADS=1 taskset -c 1 python benchmarks/compile_loops.py [REPEATS]
"""
import statistics
import sys
import time

import numpy

import torchnp
from torchnp import _demo


def kmeans_step(np, x, centroids):
    """Lloyd's step as NumPy code usually writes it: squared distances by broadcasting (an
    (n, k, d) temporary, which the compiler never makes), nearest centroid, each centroid moved
    to the mean of its points (kept where it has none)."""
    d = np.square(x[:, None, :] - centroids[None, :, :]).sum(axis=2)
    labels = d.argmin(axis=1)
    members = (labels[:, None] == np.arange(centroids.shape[0])).astype(x.dtype)
    counts = members.sum(axis=0)[:, None]
    return np.where(counts > 0, (members.T @ x) / np.maximum(counts, 1.0), centroids)


def kmeans(np, x, centroids, iterations=20, step_fn=None):
    step_fn = step_fn or (lambda x, c: kmeans_step(np, x, c))
    for _ in range(iterations):
        centroids = step_fn(x, centroids)
    return numpy.asarray(centroids)


def _programs():
    """name -> {implementation: run()}; each run() returns a NumPy array to compare."""
    rng = numpy.random.default_rng(0)
    x, c = rng.standard_normal((20000, 16)), rng.standard_normal((8, 16))
    tx, tc = torchnp.asarray(x), torchnp.asarray(c)
    compiled_kmeans = torchnp.compile(lambda x, c: kmeans_step(torchnp, x, c))
    net = [rng.standard_normal(s) for s in ((64, 1000), (64, 10), (1000, 100), (100, 10))]
    tnet = [torchnp.asarray(a) for a in net]
    compiled_step = torchnp.compile(_demo.torchnp_step)
    return {
        "k-means, 20 steps (20000 x 16, k = 8)": {
            "numpy": lambda: kmeans(numpy, x, c),
            "torchnp": lambda: kmeans(torchnp, tx, tc),
            "torchnp.compile": lambda: kmeans(torchnp, tx, tc, step_fn=compiled_kmeans),
        },
        "two-layer network, 300 steps (the demo)": {
            "numpy": lambda: numpy.array(_demo.train(numpy, *net)),
            "torchnp": lambda: numpy.array(_demo.train(torchnp, *tnet)),
            "torchnp.compile": lambda: numpy.array(
                _demo.train(torchnp, *tnet, step_fn=compiled_step)),
        },
    }


def _time(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(repeats=7):
    print("| program | NumPy | torchnp | torchnp.compile | compile / eager | compile / NumPy | "
          "first compiled run |")
    print("|---|---|---|---|---|---|---|")
    for name, impls in _programs().items():
        first = {k: _time(run) for k, run in impls.items()}         # warm-up (compiles)
        results = {k: run() for k, run in impls.items()}
        for k, r in results.items():
            numpy.testing.assert_allclose(r, results["numpy"], rtol=1e-9, err_msg=k)
        times = {k: [] for k in impls}
        for _ in range(repeats):                                     # alternating
            for k, run in impls.items():
                times[k].append(_time(run))
        t = {k: statistics.median(v) for k, v in times.items()}
        print(f"| {name} | {t['numpy'] * 1e3:.0f} ms | {t['torchnp'] * 1e3:.0f} ms | "
              f"{t['torchnp.compile'] * 1e3:.0f} ms | "
              f"{t['torchnp.compile'] / t['torchnp']:.2f} | "
              f"{t['torchnp.compile'] / t['numpy']:.2f} | {first['torchnp.compile']:.1f} s |")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:]))
