"""Sorting, searching and counting against NumPy, including NaN and complex orders."""
import numpy
import pytest

import torchnp
from helpers import (DTYPES, assert_matches_numpy, raises_like_numpy, raises_with_numpys_message,
                     to_numpy)



def make(shape, dtype, seed=0, special=True):
    """A NumPy array with repeated values (ties) and, for floats, NaN, infinities and signed zeros."""
    rng = numpy.random.default_rng(seed)
    n = int(numpy.prod(shape))
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind == "u":
        x = rng.integers(0, 20, n).astype(dt)
        if n > 2:
            x[1] = numpy.iinfo(dt).max
            x[2] = numpy.iinfo(dt).max // 2 + 3        # above the signed range
    elif dt.kind == "i":
        x = rng.integers(-10, 10, n).astype(dt)
    elif dt.kind == "f":
        x = rng.integers(-5, 5, n).astype(dt) / 2
        if special and n > 6:
            x[[0, 3]] = numpy.nan
            x[1], x[2], x[4] = numpy.inf, -numpy.inf, -0.0
    else:
        x = (rng.integers(-3, 3, n) + 1j * rng.integers(-3, 3, n)).astype(dt)
        if special and n > 6:
            x[0] = complex(numpy.nan, 1)
            x[2] = complex(1, numpy.nan)
            x[5] = complex(numpy.nan, numpy.nan)
            x[3] = complex(numpy.inf, -1)
    return x.reshape(shape)


def T(x):
    return torchnp.asarray(x)


def ordered(x):
    """Whether 1-D ``x`` is sorted in NumPy's order (used where ties make positions arbitrary)."""
    return numpy.array_equal(numpy.sort(x), x, equal_nan=True)


# ----- sort / argsort -----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_sort_argsort(dtype):
    x = make((4, 7), dtype)
    a = T(x)
    for axis in [-1, 0, None]:
        assert_matches_numpy(torchnp.sort(a, axis=axis), numpy.sort(x, axis=axis))
        assert_matches_numpy(torchnp.sort(a, axis=axis, stable=True), numpy.sort(x, axis=axis))
        assert_matches_numpy(torchnp.argsort(a, axis=axis, kind="stable"),
                             numpy.argsort(x, axis=axis, kind="stable"))
        assert_matches_numpy(a.argsort(axis=axis, stable=True), x.argsort(axis=axis, stable=True))
    y = x.T                                    # non-contiguous
    assert_matches_numpy(torchnp.sort(T(y)), numpy.sort(y))
    assert_matches_numpy(torchnp.argsort(a.T, stable=True), numpy.argsort(y, stable=True))


@pytest.mark.parametrize("dtype", DTYPES)
def test_ndarray_sort_in_place(dtype):
    x = make((3, 8), dtype)
    for axis in [-1, 0]:
        a = torchnp.asarray(x.copy())
        t = a.tensor
        e = x.copy()
        assert a.sort(axis=axis) is None
        e.sort(axis=axis)
        assert_matches_numpy(a, e)
        assert a.tensor is t
    # through a view: the base sees the sorted values
    base = torchnp.asarray(x.copy())
    e = x.copy()
    base.T.sort()
    e.T.sort()
    assert_matches_numpy(base, e)


def test_sort_shapes_and_errors():
    for shape in [(0,), (3, 0), (1,)]:
        x = make(shape, "float64")
        assert_matches_numpy(torchnp.sort(T(x)), numpy.sort(x))
        assert_matches_numpy(torchnp.argsort(T(x)), numpy.argsort(x))
    s = numpy.float64(2.0) * numpy.ones(())
    raises_like_numpy(lambda: numpy.sort(s), lambda: torchnp.sort(T(s)))
    assert_matches_numpy(torchnp.sort(T(s), axis=None), numpy.sort(s, axis=None))
    assert_matches_numpy(torchnp.argsort(T(s)), numpy.argsort(s))
    x = make((3,), "int32")
    raises_like_numpy(lambda: numpy.sort(x, kind="foo"), lambda: torchnp.sort(T(x), kind="foo"))
    raises_like_numpy(lambda: numpy.sort(x, order="f"), lambda: torchnp.sort(T(x), order="f"))
    raises_like_numpy(lambda: numpy.sort(x, kind="stable", stable=True),
                      lambda: torchnp.sort(T(x), kind="stable", stable=True))
    raises_like_numpy(lambda: numpy.sort(x, axis=1), lambda: torchnp.sort(T(x), axis=1))
    raises_like_numpy(lambda: x.copy().sort(axis=2), lambda: T(x.copy()).sort(axis=2))
    for kind in ["quicksort", "mergesort", "heapsort", "stable"]:
        assert_matches_numpy(torchnp.sort(T(x), kind=kind), numpy.sort(x, kind=kind))


def test_sort_nan_and_complex_order():
    f = numpy.array([3.0, numpy.nan, -numpy.inf, 1.0, numpy.nan, numpy.inf, -0.0, 0.0])
    assert_matches_numpy(torchnp.sort(T(f)), numpy.sort(f))
    c = numpy.array([complex(numpy.nan, 0), complex(1, numpy.nan), complex(2, 1), complex(1, 1),
                     complex(numpy.nan, numpy.nan), complex(0, numpy.nan), complex(1, -1),
                     complex(numpy.nan, -5)])
    assert_matches_numpy(torchnp.sort(T(c)), numpy.sort(c))
    assert_matches_numpy(torchnp.argsort(T(c), stable=True), numpy.argsort(c, stable=True))
    u = numpy.array([2**64 - 1, 0, 2**63, 5, 2**63 - 1], dtype=numpy.uint64)
    assert_matches_numpy(torchnp.sort(T(u)), numpy.sort(u))
    assert_matches_numpy(torchnp.argsort(T(u)), numpy.argsort(u))


# ----- partition / argpartition / lexsort ---------------------------------------------------------

@pytest.mark.parametrize("dtype", ["int8", "uint16", "float32", "complex128", "bool"])
def test_partition(dtype):
    x = make((3, 9), dtype)
    a = T(x)
    for kth in [0, 4, -1, (1, 5)]:
        r = to_numpy(torchnp.partition(a, kth))
        e = numpy.partition(x, kth)
        ks = [kth] if isinstance(kth, int) else list(kth)
        numpy.testing.assert_array_equal(r[:, ks], e[:, ks])   # the kth elements are in place
        idx = to_numpy(torchnp.argpartition(a, kth))
        numpy.testing.assert_array_equal(numpy.take_along_axis(x, idx, -1)[:, ks], e[:, ks])
        assert torchnp.partition(a, kth).dtype == e.dtype
        assert torchnp.argpartition(a, kth).dtype == numpy.argpartition(x, kth).dtype
    raises_like_numpy(lambda: numpy.partition(x, 9), lambda: torchnp.partition(a, 9))
    raises_like_numpy(lambda: numpy.partition(x, -10), lambda: torchnp.partition(a, -10))
    raises_like_numpy(lambda: numpy.argpartition(x, 9), lambda: torchnp.argpartition(a, 9))
    assert_matches_numpy(torchnp.partition(a, 2, axis=None)[2],
                         numpy.partition(x, 2, axis=None)[2])


def test_lexsort():
    rng = numpy.random.default_rng(1)
    k1 = rng.integers(0, 3, 12)
    k2 = rng.integers(0, 3, 12).astype(numpy.float32)
    k2[3] = numpy.nan
    k3 = (rng.integers(0, 2, 12) + 1j * rng.integers(0, 2, 12))
    for keys in [(k1,), (k1, k2), (k2, k1), (k1, k2, k3), (k3, (k1 * 30000).astype(numpy.uint16))]:
        assert_matches_numpy(torchnp.lexsort(tuple(T(k) for k in keys)), numpy.lexsort(keys))
    m = rng.integers(0, 3, (2, 3, 4))
    assert_matches_numpy(torchnp.lexsort(T(m)), numpy.lexsort(m))
    assert_matches_numpy(torchnp.lexsort(T(m), axis=0), numpy.lexsort(m, axis=0))
    raises_like_numpy(lambda: numpy.lexsort([]), lambda: torchnp.lexsort([]))
    # 0-d keys: index 0, a scalar; a 0-d array is no sequence of keys
    for keys in (numpy.arange(3.0), [numpy.array(1.0), numpy.array(2.0)]):
        for axis in (0, -1):
            assert_matches_numpy(torchnp.lexsort(T(keys) if isinstance(keys, numpy.ndarray)
                                                 else keys, axis=axis),
                                 numpy.lexsort(keys, axis=axis))
        raises_like_numpy(lambda: numpy.lexsort(keys, axis=1),
                          lambda: torchnp.lexsort(keys, axis=1))
    raises_like_numpy(lambda: numpy.lexsort(numpy.array(2.0)),
                      lambda: torchnp.lexsort(T(numpy.array(2.0))))
    raises_like_numpy(lambda: numpy.lexsort(([1, 2], [1, 2, 3])),
                      lambda: torchnp.lexsort(([1, 2], [1, 2, 3])))


# ----- argmax / argmin ----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_argmax_argmin(dtype):
    x = make((4, 7), dtype)
    a = T(x)
    for name in ["argmax", "argmin"]:
        for axis in [None, 0, 1, -1]:
            for keepdims in [False, True]:
                assert_matches_numpy(getattr(torchnp, name)(a, axis, keepdims=keepdims),
                                     getattr(numpy, name)(x, axis, keepdims=keepdims))
            assert_matches_numpy(getattr(a, name)(axis), getattr(x, name)(axis))
        assert_matches_numpy(getattr(torchnp, name)(a.T, 1), getattr(numpy, name)(x.T, 1))
        x2 = make((7,), dtype, special=False)
        assert_matches_numpy(getattr(torchnp, name)(T(x2)), getattr(numpy, name)(x2))


def test_argmax_nan_ties_and_errors():
    f = numpy.array([1.0, numpy.nan, 5.0, numpy.nan, 5.0])
    for name in ["argmax", "argmin"]:
        assert_matches_numpy(getattr(torchnp, name)(T(f)), getattr(numpy, name)(f))
        t = numpy.array([3, 7, 7, 1, 1, 7])
        assert_matches_numpy(getattr(torchnp, name)(T(t)), getattr(numpy, name)(t))
        c = numpy.array([1 + 2j, 3 + 0j, 3 + 5j, 3 + 5j, 0 - 1j, 0 - 2j])
        assert_matches_numpy(getattr(torchnp, name)(T(c)), getattr(numpy, name)(c))
        c2 = numpy.array([1 + 2j, 3 + 0j, complex(0, numpy.nan), complex(numpy.nan, 0)])
        assert_matches_numpy(getattr(torchnp, name)(T(c2)), getattr(numpy, name)(c2))
        s = numpy.ones(())
        assert_matches_numpy(getattr(torchnp, name)(T(s)), getattr(numpy, name)(s))
        for shape, axis in [((0,), None), ((0, 3), 0), ((3, 0), None)]:
            z = numpy.zeros(shape)
            raises_like_numpy(lambda: getattr(numpy, name)(z, axis),
                              lambda: getattr(torchnp, name)(T(z), axis))
        z = numpy.zeros((0, 3))
        assert_matches_numpy(getattr(torchnp, name)(T(z), 1), getattr(numpy, name)(z, 1))
        raises_like_numpy(lambda: getattr(numpy, name)(f, 1), lambda: getattr(torchnp, name)(T(f), 1))
    with pytest.raises(ValueError, match="attempt to get argmax of an empty sequence"):
        torchnp.argmax(T(numpy.zeros(0)))
    out_np = numpy.zeros((), numpy.int64)
    out = torchnp.asarray(numpy.zeros((), numpy.int64))
    assert torchnp.argmax(T(f), out=out) is out
    assert_matches_numpy(out, numpy.argmax(f, out=out_np))
    raises_like_numpy(lambda: numpy.argmax(f, out=numpy.zeros(1, int)),
                      lambda: torchnp.argmax(T(f), out=T(numpy.zeros(1, int))))
    raises_like_numpy(lambda: numpy.argmax(f, out=numpy.zeros(())),
                      lambda: torchnp.argmax(T(f), out=T(numpy.zeros(()))))


def test_argmax_argmin_axis_keepdims_and_out_rules():
    """argmax / argmin read their options by NumPy's own rules (not the ufunc reductions'): a 0-d
    array counts as 1-d for ``axis``, ``keepdims`` is any truth value, a tuple axis is refused."""
    s, x = numpy.array(4.0), numpy.arange(6.0).reshape(2, 3)
    for name in ("argmax", "argmin"):
        np_f, t_f = getattr(numpy, name), getattr(torchnp, name)
        for axis in (0, -1):
            for keepdims in (False, True):
                assert_matches_numpy(t_f(T(s), axis, keepdims=keepdims),
                                     np_f(s, axis, keepdims=keepdims))
        for keepdims in ("x", None, 2):
            assert_matches_numpy(t_f(T(x), keepdims=keepdims), np_f(x, keepdims=keepdims))
        for bad in ((T(s), 1), (T(x), (0,)), (T(x), 2)):
            raises_with_numpys_message(lambda: np_f(to_numpy(bad[0]), bad[1]),
                                       lambda: t_f(*bad))
        for out_shape in ((), (3,)):
            raises_with_numpys_message(
                lambda: np_f(x, 0 if out_shape else None, out=numpy.zeros(out_shape)),
                lambda: t_f(T(x), 0 if out_shape else None, out=torchnp.zeros(out_shape)))


# ----- searchsorted -------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_searchsorted(dtype):
    a_np = numpy.sort(make((9,), dtype).ravel())
    v = make((3, 4), dtype, seed=5)
    for side in ["left", "right"]:
        assert_matches_numpy(torchnp.searchsorted(T(a_np), T(v), side),
                             numpy.searchsorted(a_np, v, side))
        assert_matches_numpy(T(a_np).searchsorted(T(v), side=side), a_np.searchsorted(v, side=side))
        assert_matches_numpy(torchnp.searchsorted(T(a_np), T(v[0, 0]), side),
                             numpy.searchsorted(a_np, v[0, 0], side))
    unsorted = make((9,), dtype, seed=3)
    sorter = numpy.argsort(unsorted, kind="stable")
    assert_matches_numpy(torchnp.searchsorted(T(unsorted), T(v), sorter=T(sorter)),
                         numpy.searchsorted(unsorted, v, sorter=sorter))


def test_searchsorted_special():
    a = numpy.array([1.0, 2.0, numpy.nan])
    v = numpy.array([numpy.nan, 2.0, 5.0, -0.0, -numpy.inf, numpy.inf])
    for side in ["left", "right"]:
        assert_matches_numpy(torchnp.searchsorted(T(a), T(v), side), numpy.searchsorted(a, v, side))
        z = numpy.array([-1.0, -0.0, 0.0, 0.0, 1.0])
        assert_matches_numpy(torchnp.searchsorted(T(z), T(v), side), numpy.searchsorted(z, v, side))
    u8 = numpy.array([1, 2, 3], numpy.uint8)
    for val in [-1, 2, 2.5, 300]:
        assert_matches_numpy(torchnp.searchsorted(T(u8), val), numpy.searchsorted(u8, val))
    assert_matches_numpy(torchnp.searchsorted(T(u8), [0, 4]), numpy.searchsorted(u8, [0, 4]))
    e = numpy.zeros(0)
    assert_matches_numpy(torchnp.searchsorted(T(e), T(v)), numpy.searchsorted(e, v))
    raises_like_numpy(lambda: numpy.searchsorted(numpy.ones((2, 2)), 1),
                      lambda: torchnp.searchsorted(T(numpy.ones((2, 2))), 1))
    raises_like_numpy(lambda: numpy.searchsorted(a, 1, sorter=[0, 1]),
                      lambda: torchnp.searchsorted(T(a), 1, sorter=[0, 1]))
    raises_like_numpy(lambda: numpy.searchsorted(a, 1, side="middle"),
                      lambda: torchnp.searchsorted(T(a), 1, side="middle"))


# ----- count_nonzero / unique ---------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_count_nonzero(dtype):
    x = make((3, 5), dtype)
    a = T(x)
    assert_matches_numpy(torchnp.count_nonzero(a), numpy.count_nonzero(x))
    for axis in [0, 1, (0, 1), -1]:
        assert_matches_numpy(torchnp.count_nonzero(a, axis=axis), numpy.count_nonzero(x, axis=axis))
        assert_matches_numpy(torchnp.count_nonzero(a, axis=axis, keepdims=True),
                             numpy.count_nonzero(x, axis=axis, keepdims=True))


def test_count_nonzero_is_a_sum():
    """NumPy's count_nonzero with an axis or keepdims is a sum of ``a != 0``: the sum's reading of
    axis (0-d arrays take 0 and -1, duplicates are an error) and of keepdims (an integer)."""
    x, s = make((3, 5), "float64"), numpy.array(2.0)
    for a, kwargs in ((x, {"axis": ()}), (x, {"keepdims": 2}), (x, {"keepdims": ""}),
                      (s, {"axis": 0}), (s, {"axis": -1, "keepdims": True}),
                      (numpy.zeros((0, 2)), {"axis": 0})):
        assert_matches_numpy(torchnp.count_nonzero(T(a), **kwargs),
                             numpy.count_nonzero(a, **kwargs))
    for a, kwargs in ((x, {"axis": (0, 0)}), (x, {"axis": 0, "keepdims": "x"}), (s, {"axis": 1})):
        raises_with_numpys_message(lambda: numpy.count_nonzero(a, **kwargs),
                                   lambda: torchnp.count_nonzero(T(a), **kwargs))


@pytest.mark.parametrize("dtype", DTYPES)
def test_unique(dtype):
    x = make((4, 6), dtype)
    a = T(x)
    assert_matches_numpy(torchnp.unique(a), numpy.unique(x))
    kw = dict(return_index=True, return_inverse=True, return_counts=True)
    assert_matches_numpy(torchnp.unique(a, **kw), numpy.unique(x, **kw))
    assert_matches_numpy(torchnp.unique(a, return_counts=True), numpy.unique(x, return_counts=True))
    assert_matches_numpy(torchnp.unique(a, equal_nan=False), numpy.unique(x, equal_nan=False))
    assert_matches_numpy(torchnp.unique(a.T, return_inverse=True), numpy.unique(x.T, return_inverse=True))
    e = make((0,), dtype)
    assert_matches_numpy(torchnp.unique(T(e), **kw), numpy.unique(e, **kw))


def test_unique_axis():
    m = numpy.array([[1, 0, 0], [1, 0, 0], [2, 3, 4], [0, 9, 1], [2, 3, 4]], numpy.int16)
    kw = dict(return_index=True, return_inverse=True, return_counts=True)
    for axis in [0, 1, -1]:
        assert_matches_numpy(torchnp.unique(T(m), axis=axis), numpy.unique(m, axis=axis))
        assert_matches_numpy(torchnp.unique(T(m), axis=axis, **kw), numpy.unique(m, axis=axis, **kw))
    c = numpy.array([[1 + 1j, 0], [1 + 1j, 0], [0, 1j]])
    assert_matches_numpy(torchnp.unique(T(c), axis=0), numpy.unique(c, axis=0))
    raises_like_numpy(lambda: numpy.unique(m, axis=2), lambda: torchnp.unique(T(m), axis=2))
