"""Database: sorting, searching, counting (set routines: db_setops.py)."""
import numpy as np

from opinfo.core import ALL, NUMERIC, OpInfo, SampleInput


def samples_sort(make, dtype):
    yield SampleInput(make((3, 4), dtype))
    yield SampleInput(make((3, 4), dtype), axis=0)
    yield SampleInput(make((6,), dtype), axis=None)
    yield SampleInput(make((0, 3), dtype))
    yield SampleInput(make((3, 4), dtype), axis=2)       # AxisError


def samples_stable(make, dtype):
    # values with ties: stable sorts / argsorts agree with NumPy's index order
    yield SampleInput(make((12,), dtype, low=0, high=2), kind="stable")
    yield SampleInput(make((3, 4), dtype, low=0, high=2), axis=0, stable=True)


def samples_searchsorted(make, dtype):
    a = np.sort(make((8,), dtype))
    yield SampleInput(a, make((5,), dtype))
    yield SampleInput(a, make((2, 3), dtype), side="right")
    yield SampleInput(a, a[3])


def samples_where1(make, dtype):
    yield SampleInput(make((3, 4), dtype, low=-1, high=1))
    yield SampleInput(make((5,), dtype, low=-1, high=1))


op_db_sorting = [
    OpInfo("sort", dtypes=ALL, samples=samples_sort),
    OpInfo("argsort", dtypes=ALL, samples=samples_stable, method="argsort"),
    OpInfo("searchsorted", dtypes=NUMERIC, samples=samples_searchsorted, method="searchsorted"),
    OpInfo("nonzero", dtypes=ALL, samples=samples_where1, method="nonzero"),
    OpInfo("flatnonzero", dtypes=ALL, samples=samples_where1),
    OpInfo("argwhere", dtypes=ALL, samples=samples_where1),
]


def s_partition(make, dt):
    yield SampleInput(make((3, 6), dt), 2)
    yield SampleInput(make((7,), dt), 0)
    yield SampleInput(make((3, 6), dt), 4, axis=0)                  # ValueError: kth out of bounds


def _kth(module, func, a, kth, axis=-1):
    """partition's order inside each side is unspecified: compare the kth elements only."""
    res = getattr(module, func)(a, kth, axis=axis)
    if func == "argpartition":
        res = module.take_along_axis(a, res, axis=axis)
    return module.take(res, kth, axis=axis)


def s_lexsort(make, dt):
    yield SampleInput((make((8,), dt, low=0, high=2), make((8,), dt, low=0, high=2)))
    yield SampleInput(make((2, 3, 4), dt, low=0, high=2), axis=0)


op_db_sorting += [
    OpInfo("partition", dtypes=ALL, samples=s_partition,
           op=lambda a, kth, axis=-1: _kth(__import__("torchnp"), "partition", a, kth, axis),
           ref=lambda a, kth, axis=-1: _kth(np, "partition", a, kth, axis)),
    OpInfo("argpartition", dtypes=ALL, samples=s_partition,
           op=lambda a, kth, axis=-1: _kth(__import__("torchnp"), "argpartition", a, kth, axis),
           ref=lambda a, kth, axis=-1: _kth(np, "argpartition", a, kth, axis)),
    OpInfo("lexsort", dtypes=ALL, samples=s_lexsort),
]
