"""Database: set routines (unique and its Array API variants, intersect1d, union1d, setdiff1d,
setxor1d, isin)."""
import numpy as np

import torchnp
from opinfo.core import ALL, ErrorInput, OpInfo, SampleInput

# the number of values these return depends on the data (a host sync): nothing to trace
_NO_COMPILE = dict(supports_compile=False)


def _ties(make, shape, dtype):
    """Values with ties (few distinct values): what set routines are about."""
    return make(shape, dtype, low=0, high=3)


def samples_unique(make, dtype):
    x = _ties(make, (12,), dtype)
    yield SampleInput(x)
    yield SampleInput(x, return_index=True, return_inverse=True, return_counts=True)
    yield SampleInput(_ties(make, (3, 4), dtype), return_inverse=True)        # inverse: a's shape
    yield SampleInput(_ties(make, (3, 4), dtype), equal_nan=False, return_counts=True)
    yield SampleInput(_ties(make, (4, 3), dtype), axis=0, return_index=True, return_inverse=True,
                      return_counts=True)
    yield SampleInput(_ties(make, (2, 3, 2), dtype), axis=-1, return_inverse=True)
    yield SampleInput(x, axis=0, return_counts=True)                  # 1-d: the flat algorithm
    yield SampleInput(make((0,), dtype), return_index=True, return_counts=True)
    yield SampleInput(make((0, 3), dtype), axis=1, return_inverse=True)
    yield SampleInput(make((), dtype), return_inverse=True)          # a 0-d inverse
    yield SampleInput(x, axis=1)                                      # AxisError


def samples_unique_x(make, dtype):
    yield SampleInput(_ties(make, (12,), dtype))
    yield SampleInput(_ties(make, (3, 4), dtype))
    yield SampleInput(make((0,), dtype))
    yield SampleInput(make((), dtype))


def _sorted_values(module, name):
    """unique_values leaves the order unspecified (NumPy's hash order): compare sorted."""
    return lambda x: module.sort(getattr(module, name)(x))


def samples_two_sets(make, dtype):
    a, b = _ties(make, (7,), dtype), _ties(make, (5,), dtype)
    yield SampleInput(a, b)
    yield SampleInput(_ties(make, (2, 3), dtype), b)                  # ravelled
    yield SampleInput(a, make((0,), dtype))
    yield SampleInput(make((0,), dtype), make((0,), dtype))
    yield SampleInput(a, np.array([0, 2, 5], np.int16))                # promoted dtype


def samples_assume_unique(make, dtype):
    yield from samples_two_sets(make, dtype)
    a, b = np.unique(_ties(make, (9,), dtype)), np.unique(_ties(make, (6,), dtype))
    yield SampleInput(a, b, assume_unique=True)
    yield SampleInput(a[::-1].copy(), b, assume_unique=True)          # unsorted, but unique


def samples_intersect1d(make, dtype):
    yield from samples_assume_unique(make, dtype)
    a, b = _ties(make, (8,), dtype), _ties(make, (6,), dtype)
    yield SampleInput(a, b, return_indices=True)
    yield SampleInput(np.unique(a), np.unique(b), assume_unique=True, return_indices=True)


def samples_isin(make, dtype):
    a, b = _ties(make, (3, 4), dtype), _ties(make, (3,), dtype)
    yield SampleInput(a, b)
    yield SampleInput(a, b, invert=True)
    yield SampleInput(a, make((40,), dtype, low=0, high=2), kind="sort")
    yield SampleInput(a[0, 0], b)                                     # 0-d element: a 0-d array
    yield SampleInput(a, make((0,), dtype))
    yield SampleInput(a, b, kind="table")              # inexact: ValueError
    yield SampleInput(a, np.array([0, 2, 5], np.int8))                # promoted comparison
    yield SampleInput(a, 1)                                           # a scalar test element


_ERRORS_UNIQUE = [
    ErrorInput(SampleInput(np.ones((2, 3)), axis=2), np.exceptions.AxisError),
    ErrorInput(SampleInput(np.ones((2, 3)), axis=(0, 1)), ValueError),
    ErrorInput(SampleInput(np.ones(3), axis=1), np.exceptions.AxisError),
]

_ERRORS_ISIN = [
    ErrorInput(SampleInput(np.arange(3), [1], kind="hash"), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(3.0), [1], kind="table"), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(3), np.array([-2**62, 2**62]), kind="table"), RuntimeError,
               exact_message=True),
    ErrorInput(SampleInput(np.arange(3, dtype=np.uint64), np.array([0, 2**64 - 1], np.uint64),
                           kind="table"), ValueError, exact_message=True),
]

op_db_setops = [
    OpInfo("unique", dtypes=ALL, samples=samples_unique, errors=_ERRORS_UNIQUE, **_NO_COMPILE),
    OpInfo("unique_all", dtypes=ALL, samples=samples_unique_x, **_NO_COMPILE),
    OpInfo("unique_counts", dtypes=ALL, samples=samples_unique_x, **_NO_COMPILE),
    OpInfo("unique_inverse", dtypes=ALL, samples=samples_unique_x, **_NO_COMPILE),
    OpInfo("unique_values", dtypes=ALL, samples=samples_unique_x, **_NO_COMPILE,
           op=_sorted_values(torchnp, "unique_values"), ref=_sorted_values(np, "unique_values")),
    OpInfo("intersect1d", dtypes=ALL, samples=samples_intersect1d, **_NO_COMPILE),
    OpInfo("union1d", dtypes=ALL, samples=samples_two_sets, **_NO_COMPILE),
    OpInfo("setdiff1d", dtypes=ALL, samples=samples_assume_unique, **_NO_COMPILE),
    OpInfo("setxor1d", dtypes=ALL, samples=samples_assume_unique, **_NO_COMPILE),
    OpInfo("isin", dtypes=ALL, samples=samples_isin, errors=_ERRORS_ISIN),
]
