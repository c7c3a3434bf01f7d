"""Set routines against NumPy: NaN and signed zeros, complex NaNs, the Array API result tuples,
first-occurrence indices, exact integer comparisons, isin's kinds, devices."""
import numpy
import pytest
import torch

import torchnp
from helpers import DTYPES, assert_matches_numpy, raises_like_numpy

NAN = numpy.nan


def T(x):
    return torchnp.asarray(x)


def both(name, *args, **kwargs):
    """(torchnp's result, NumPy's) of ``name`` on the same NumPy inputs."""
    tnp_args = [T(a) if isinstance(a, numpy.ndarray) else a for a in args]
    return getattr(torchnp, name)(*tnp_args, **kwargs), getattr(numpy, name)(*args, **kwargs)


def check(name, *args, **kwargs):
    assert_matches_numpy(*both(name, *args, **kwargs))


FLOATS = numpy.array([2.0, NAN, -0.0, 1.0, NAN, 0.0, 2.0, -numpy.inf, numpy.inf, 1.0])
COMPLEX = numpy.array([1 + 1j, complex(NAN, 0), complex(1, NAN), 1 + 1j, complex(NAN, NAN), 0j,
                       complex(NAN, 0), 1 - 1j])
KW_ALL = dict(return_index=True, return_inverse=True, return_counts=True)


@pytest.mark.parametrize("equal_nan", [True, False])
@pytest.mark.parametrize("x", [FLOATS, FLOATS.astype(numpy.float32), COMPLEX],
                         ids=["float64", "float32", "complex128"])
def test_unique_nans(x, equal_nan):
    """NaNs: one value with equal_nan (the first in NumPy's order: its index, its count), each
    its own without."""
    check("unique", x, equal_nan=equal_nan)
    check("unique", x, equal_nan=equal_nan, **KW_ALL)


def test_unique_rows_with_nans():
    """Along an axis NumPy compares whole slices: a NaN makes each slice distinct, and sorts last
    within its column (float16 aside: NumPy's structured order puts its NaNs first)."""
    m = numpy.array([[1, NAN], [1, NAN], [0, 1], [NAN, 0], [1, -0.0], [1, 0.0], [1, numpy.inf]])
    for dt in (numpy.float32, numpy.float64, numpy.complex64):
        check("unique", m.astype(dt), axis=0, **KW_ALL)
        check("unique", m.T.astype(dt), axis=1, return_counts=True)


@pytest.mark.parametrize("dtype", DTYPES)
def test_unique_sorted_false_gives_the_same_set(dtype):
    """sorted=False leaves NumPy's order unspecified (a hash table's): torchnp sorts; the set of
    values and the counts are NumPy's."""
    x = numpy.array([3, 1, 2, 3, 0, 1, 1]).astype(dtype)
    got, want = both("unique", x, sorted=False)
    assert_matches_numpy(got, numpy.sort(want))
    got, want = both("unique_values", x)
    assert_matches_numpy(got, numpy.sort(want))


@pytest.mark.parametrize("name, fields", [
    ("unique_all", ("values", "indices", "inverse_indices", "counts")),
    ("unique_counts", ("values", "counts")),
    ("unique_inverse", ("values", "inverse_indices")),
])
def test_array_api_results_are_named_tuples(name, fields):
    x = numpy.array([[2.0, NAN, 1.0], [NAN, 2.0, 2.0]])
    got, want = both(name, x)
    assert type(got).__name__ == type(want).__name__ and got._fields == want._fields == fields
    for field in fields:
        assert_matches_numpy(getattr(got, field), getattr(want, field))


def test_unique_inverse_rebuilds_the_input():
    x = numpy.array([[5, 3, 5], [1, 3, 3]], numpy.uint16)
    res = torchnp.unique_inverse(T(x))
    assert_matches_numpy(res.values[res.inverse_indices], x)


def test_unique_of_0d_and_python_data():
    check("unique", numpy.array(3.5), **KW_ALL)        # inverse: a 0-d array, not a scalar
    assert_matches_numpy(torchnp.unique([3, 1, 3, True]), numpy.unique([3, 1, 3, True]))


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_unique_axis_with_empty_slices(axis):
    for shape in [(0, 3), (3, 0), (2, 0, 2)]:
        check("unique", numpy.zeros(shape, numpy.int32), axis=axis, **KW_ALL)


def test_unique_axis_errors():
    m = numpy.ones((2, 3))
    for axis in [2, -3, (0, 1), (5,), 1.0]:
        raises_like_numpy(lambda: numpy.unique(m, axis=axis),
                          lambda: torchnp.unique(T(m), axis=axis))
    raises_like_numpy(lambda: numpy.unique(numpy.ones(3), axis=1),
                      lambda: torchnp.unique(T(numpy.ones(3)), axis=1))


# ----- two sets -----------------------------------------------------------------------------------

def test_intersect1d_indices_are_first_occurrences():
    a = numpy.array([4, 1, 3, 1, 4, 2, 3])
    b = numpy.array([3, 3, 4, 9, 1, 1])
    check("intersect1d", a, b, return_indices=True)
    check("intersect1d", numpy.unique(a), numpy.unique(b)[::-1].copy(), assume_unique=True,
          return_indices=True)


@pytest.mark.parametrize("name", ["intersect1d", "union1d", "setdiff1d", "setxor1d"])
def test_set_operations_with_nans(name):
    a = numpy.array([1.0, NAN, 2.0, NAN, -0.0])
    b = numpy.array([NAN, 2.0, 0.0, 3.0])
    check(name, a, b)
    check(name, a.astype(numpy.complex64), b.astype(numpy.complex64))


@pytest.mark.parametrize("name", ["intersect1d", "union1d", "setdiff1d", "setxor1d", "isin"])
@pytest.mark.parametrize("d1, d2", [("int8", "uint8"), ("int64", "float32"), ("bool", "int16"),
                                    ("float16", "complex64"), ("uint64", "uint8")])
def test_set_operations_promote(name, d1, d2):
    a = numpy.array([0, 1, 3, 1, 2]).astype(d1)
    b = numpy.array([2, 1, 7]).astype(d2)
    check(name, a, b)
    check(name, b, a)


def test_setdiff1d_assume_unique_keeps_the_order():
    check("setdiff1d", numpy.array([[5, 1], [3, 9]]), numpy.array([3, 3, 4]), assume_unique=True)


def test_setxor1d_of_empty_sets():
    check("setxor1d", numpy.array([], numpy.int8), numpy.array([], numpy.uint8))
    check("setxor1d", numpy.array([], numpy.float32), numpy.array([1, 1], numpy.int8))


def test_python_sequences():
    assert_matches_numpy(torchnp.union1d([1, 2], [2.5]), numpy.union1d([1, 2], [2.5]))
    assert_matches_numpy(torchnp.isin(2, [1, 2]), numpy.isin(2, [1, 2]))


# ----- isin ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", [None, "sort", "table"])
@pytest.mark.parametrize("invert", [False, True])
def test_isin_integers(kind, invert):
    a = numpy.array([[0, -3, 7], [100, 5, -3]], numpy.int16)
    b = numpy.array([7, -3, 8, 8, 300], numpy.int32)
    check("isin", a, b, kind=kind, invert=invert)
    check("isin", a, numpy.array([], numpy.int8), kind=kind, invert=invert)
    check("isin", a.astype(bool), numpy.array([True]), kind=kind, invert=invert)


def test_isin_nan_is_in_nothing():
    a = numpy.array([NAN, 1.0, -0.0, numpy.inf])
    check("isin", a, numpy.array([NAN, 0.0, numpy.inf]))
    check("isin", a, numpy.array([NAN, 0.0, numpy.inf]), invert=True)
    c = numpy.array([complex(NAN, 1), 1j, complex(0, -0.0)])
    check("isin", c, numpy.array([complex(NAN, 1), 0j, 1j]))


def test_isin_compares_int64_and_uint64_exactly():
    """NumPy's comparison of int64 with uint64 is exact (its loop for a few test elements);
    so is torchnp's, whatever the sizes."""
    big = numpy.array([2**64 - 1, 2**63, 5, 2**64 - 2], numpy.uint64)
    signed = numpy.array([-1, 5, -2**63, 2**62], numpy.int64)
    check("isin", big, signed)
    check("isin", signed, big)
    check("isin", numpy.array([2**53 + 1], numpy.int64), numpy.array([2**53 + 1], numpy.uint64))


def test_isin_table_errors():
    a = numpy.arange(4)
    for b, kind in [(numpy.array([0.5]), "table"), (numpy.array([1]), "hash"),
                    (numpy.array([-2**62, 2**62]), "table"),
                    (numpy.array([0, 2**64 - 1], numpy.uint64), "table")]:
        raises_like_numpy(lambda: numpy.isin(a, b, kind=kind),
                          lambda: torchnp.isin(T(a), T(b), kind=kind))
    raises_like_numpy(lambda: numpy.isin(a * 0.5, a, kind="table"),
                      lambda: torchnp.isin(T(a * 0.5), T(a), kind="table"))


@pytest.mark.parametrize("name", ["intersect1d", "union1d", "setdiff1d", "setxor1d", "isin"])
def test_two_devices_raise_value_error(name):
    a = torchnp.asarray([1, 2, 3])
    b = torchnp.asarray(torch.tensor([2, 3], device="meta"))
    with pytest.raises(ValueError, match="device"):
        getattr(torchnp, name)(a, b)


def test_host_data_follows_the_array():
    b = torchnp.asarray(torch.tensor([2, 3], device="meta"))
    res = torchnp.isin(b, [1, 2])
    assert res.tensor.device.type == "meta" and res.shape == (2,)
