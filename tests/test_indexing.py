"""Indexing (ndarray __getitem__/__setitem__, flat, iteration) and the indexing routines, against
NumPy on the same NumPy-built arrays."""
import math
import warnings

import numpy
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, raises_with_numpys_message, to_numpy

DTYPES = ["bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64", "complex128"]


def _sample(shape=(3, 4, 5), dtype="float64"):
    x = numpy.arange(int(numpy.prod(shape))).reshape(shape)
    if dtype == "bool":
        return (x % 3 == 0)
    return x.astype(dtype)


def _shares(r, a):
    """torchnp: ``r`` views ``a``'s memory."""
    if not isinstance(r, torchnp.ndarray) or r.base is None:
        return False
    return r.tensor.untyped_storage().data_ptr() == a.tensor.untyped_storage().data_ptr()


def _to_tnp_key(key):
    """The same key with NumPy arrays turned into torchnp arrays."""
    if isinstance(key, tuple):
        return tuple(_to_tnp_key(k) for k in key)
    if isinstance(key, numpy.ndarray):
        return torchnp.array(key)
    return key


def _has_negative_step(key):
    keys = key if isinstance(key, tuple) else (key,)
    return any(isinstance(k, slice) and k.step is not None and k.step < 0 for k in keys)


def check_get(x, key, tnp_key=None):
    a = torchnp.array(x)
    expected = x[key]
    actual = a[key if tnp_key is None else tnp_key]
    assert_matches_numpy(actual, expected)
    if not _has_negative_step(key):             # negative steps: copies (docs/differences.md)
        assert _shares(actual, a) == _np_view(expected, x), key
    return a, actual


def _np_view(r, x):
    """NumPy: ``r`` is a view of ``x`` (``shares_memory`` is False for empty views)."""
    return isinstance(r, numpy.ndarray) and (r.base is x or numpy.shares_memory(r, x))


# ----- getitem ------------------------------------------------------------------------------------

BASIC_KEYS = [
    0, -1, 2, slice(None), slice(1, 3), slice(None, None, 2), slice(-2, None), slice(5, 1),
    (0, 1), (0, 1, 2), (-1, -2, -3), (slice(1, 3), 2), (Ellipsis, 1), (1, Ellipsis),
    (None,), (None, 0, None), (slice(None), None, 1), Ellipsis, (), (0, Ellipsis, 0),
    (slice(100, 200),), (slice(-100, 100, 3), slice(None), slice(1, None, 2)),
    (slice(None, None, -1),), (slice(None, None, -2), 1), (slice(2, 0, -1), slice(None, None, -3)),
    (numpy.int64(1), numpy.int8(-1)),
]

ADVANCED_KEYS = [
    [0, 2], [[0, 1], [2, 0]], (slice(None), [0, 2]), (0, slice(None), [0, 1]),
    ([0, 1], [1, 2]), ([0, 1], slice(None), [1, 2]), (slice(None), [0, 1], [1, 2]),
    ([[0], [1]], [1, 2, 3]), (Ellipsis, [0, -1]), ([0, 1], None, [1, 2]), (None, [0, 2]),
    (1, [0, 1], [2, 3]), ([0, 1], 1, [2, 3]), (slice(None, None, -1), [0, 1]),
    (numpy.array([0, 2]),), numpy.array([[0, 1]]), ([],), ([0, 0, 0],), ((0, 1),),
    (numpy.array([0, 1], numpy.uint8), slice(1, 3)), numpy.array(1), (numpy.array(2), 1),
]

BOOL_KEYS = [
    numpy.array([True, False, True]), (slice(None), numpy.array([True, False, True, False])),
    numpy.ones((3, 4), bool), True, False, (True, 0), (Ellipsis, False), (0, True),
    [True, False, True], (numpy.array([True, False, True]), [0, 1]), (True, [1, 2]),
    numpy.array(True), numpy.bool_(False),
]


@pytest.mark.parametrize("key", BASIC_KEYS + ADVANCED_KEYS + BOOL_KEYS, ids=repr)
def test_getitem_matches_numpy(key):
    x = _sample()
    check_get(x, key)
    check_get(x, key, _to_tnp_key(key))


@pytest.mark.parametrize("dtype", DTYPES)
def test_getitem_dtypes(dtype):
    x = _sample((4, 3), dtype)
    for key in [0, (1, 2), slice(1, 3), [0, 3], x.astype(bool)[:, 0], (slice(None), [2, 0])]:
        check_get(x, key)


def test_full_mask():
    x = _sample((3, 4))
    a = torchnp.array(x)
    assert_matches_numpy(a[a > 4], x[x > 4])
    assert_matches_numpy(a[x > 4], x[x > 4])
    assert_matches_numpy(a[torch.tensor(x > 4)], x[x > 4])


def test_zero_d_array():
    x = numpy.array(3.5)
    for key in [(), Ellipsis, None, True, False, (None, Ellipsis)]:
        check_get(x, key)


def test_scalar_result_is_a_copy():
    x = numpy.array([1.0, 2.0, 3.0])
    a = torchnp.array(x)
    first = a[0]
    assert first.ndim == 0 and first.base is None
    a[0], a[1] = a[1], a[0]                        # the swap idiom: scalars do not alias
    assert a.tolist() == [2.0, 1.0, 3.0] if hasattr(a, "tolist") else True
    assert_matches_numpy(a, numpy.array([2.0, 1.0, 3.0]))
    assert float(first) == 1.0


def test_views_share_storage_and_writes_reach_base():
    a = torchnp.array(numpy.arange(6.0))
    v = a[1:]
    assert v.base is a
    v[0] = 9
    w = v[::2]                                       # a view of a view: base is the original
    assert w.base is a
    w[...] = -1
    expected = numpy.arange(6.0)
    ev = expected[1:]
    ev[0] = 9
    ev[::2] = -1
    assert_matches_numpy(a, expected)
    m = torchnp.array(numpy.zeros((3, 4)))
    m[1][2] = 5
    m[:, 1][0] = 7
    ref = numpy.zeros((3, 4))
    ref[1][2] = 5
    ref[:, 1][0] = 7
    assert_matches_numpy(m, ref)


def test_advanced_result_is_a_copy():
    a = torchnp.array(numpy.arange(5))
    r = a[[0, 1]]
    assert r.base is None
    r[0] = 100
    assert_matches_numpy(a, numpy.arange(5))


GET_ERRORS = [
    5, -4, (0, 5), (0, 0, 0, 0), [5], [[0, -9]], (slice(None), [4]), 1.5, (0, 1.0), "a",
    numpy.array([1.5]), [1, 2.0], (Ellipsis, Ellipsis), slice(None, None, 0), slice(1.5, 2),
    numpy.array([True, False]), (slice(None), numpy.ones(5, bool)), ([0, 1], [0, 1, 2]),
    2**70, [2**70], (0, slice(None), 0, 0), None if False else (numpy.ones((3, 4, 6), bool),),
]


@pytest.mark.parametrize("key", GET_ERRORS, ids=repr)
def test_getitem_errors(key):
    x = _sample()
    a = torchnp.array(x)
    raises_like_numpy(lambda: x[key], lambda: a[key])
    try:
        x[key]
    except Exception as e:          # noqa: BLE001
        expected = str(e)
    try:
        a[key]
    except Exception as e:          # noqa: BLE001
        assert str(e) == expected


def test_empty_broadcast_skips_bounds():
    x = numpy.zeros((0, 3))
    check_get(x, ([], [5]))
    raises_like_numpy(lambda: x[:, [5]], lambda: torchnp.array(x)[:, [5]])


# ----- hypothesis: random basic keys --------------------------------------------------------------

_slice_bound = st.one_of(st.none(), st.integers(-6, 6))
_slices = st.builds(slice, _slice_bound, _slice_bound,
                    st.one_of(st.none(), st.integers(-3, 3).filter(lambda s: s != 0)))
_items = st.one_of(_slices, st.integers(-3, 2), st.none(), st.just(Ellipsis))


@settings(max_examples=100, deadline=None)
@given(st.lists(_items, max_size=4))
def test_random_basic_keys(items):
    x = _sample((3, 4, 5))
    a = torchnp.array(x)
    key = tuple(items)
    try:
        expected = x[key]
    except IndexError:
        with pytest.raises(IndexError):
            a[key]
        return
    actual = a[key]
    assert_matches_numpy(actual, expected)
    if not _has_negative_step(key):
        assert _shares(actual, a) == _np_view(expected, x)
    # the same key as an assignment target
    y = x.copy()
    b = torchnp.array(y)
    value = numpy.arange(expected.size, dtype=x.dtype).reshape(expected.shape) + 100
    y[key] = value
    b[key] = value
    assert_matches_numpy(b, y)


# ----- setitem ------------------------------------------------------------------------------------

SET_CASES = [
    (0, 7), (slice(1, 3), 7.5), ((0, 1), [1, 2, 3, 4, 5]), (slice(None), numpy.arange(5)),
    (Ellipsis, 1), ((), 2), (slice(None, None, -1), numpy.arange(60).reshape(3, 4, 5)),
    ((slice(None), slice(None, None, -2)), numpy.arange(5)), ((0, slice(3, 0, -1), 1), [1, 2, 3]),
    ([0, 2], 3), ([0, 2], numpy.ones((2, 4, 5))), ((slice(None), [0, 1]), numpy.arange(5)),
    ((0, slice(None), [0, 1]), numpy.arange(8).reshape(2, 4)), (([0, 1], slice(None), [0, 1]), 9),
    ((slice(None, None, -1), [0, 1]), numpy.arange(5)), ((slice(None), 1, [0, 4]), [[1, 2]]),
    (numpy.array([True, False, True]), -1), ((Ellipsis, numpy.array([1, 0, 0, 1, 1], bool)), 3),
    (slice(None), numpy.ones((1, 1, 4, 5))), (None, 4), ((True, 0), 6), ((False,), 2),
    (([0, 0, 0], 1, 1), [1, 2, 3]),
]


@pytest.mark.parametrize("key,value", SET_CASES, ids=repr)
def test_setitem_matches_numpy(key, value):
    x = _sample()
    a = torchnp.array(x)
    x[key] = value
    a[key] = value
    assert_matches_numpy(a, x)
    b = torchnp.array(_sample())
    b[_to_tnp_key(key)] = torchnp.array(value) if isinstance(value, numpy.ndarray) else value
    assert_matches_numpy(b, x)


def test_setitem_negative_step_view_reaches_base():
    x = numpy.arange(10)
    a = torchnp.array(x)
    a[8:2:-2] = [100, 200, 300]
    x[8:2:-2] = [100, 200, 300]
    assert_matches_numpy(a, x)


def test_setitem_mask():
    x = numpy.array([-1.0, 2.0, -3.0, 4.0])
    a = torchnp.array(x)
    a[a < 0] = 0
    x[x < 0] = 0
    assert_matches_numpy(a, x)
    a[a > 1] = [7, 8]
    x[x > 1] = [7, 8]
    assert_matches_numpy(a, x)
    a[a > 1] = torchnp.array(numpy.array([5.0]))
    x[x > 1] = numpy.array([5.0])
    assert_matches_numpy(a, x)


def test_setitem_overlapping():
    x = numpy.arange(6.0)
    a = torchnp.array(x)
    a[1:] = a[:-1]
    x[1:] = x[:-1]
    assert_matches_numpy(a, x)
    a[[0, 1]] = a[[1, 0]]
    x[[0, 1]] = x[[1, 0]]
    assert_matches_numpy(a, x)


def test_repeated_indices_last_wins():
    x = numpy.zeros(4)
    a = torchnp.array(x)
    x[[1, 1, 1, 2]] = [1, 2, 3, 4]
    a[[1, 1, 1, 2]] = [1, 2, 3, 4]
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("value", [1, 0, True, 2.7, -1, 300, 1e20, float("nan"), float("inf"),
                                   1 + 2j, 2**64, numpy.float32(2.5), numpy.int64(300)],
                         ids=repr)
def test_setitem_value_casting(dtype, value):
    x = _sample((3,), dtype)
    a = torchnp.array(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)      # NumPy's cast warnings (none in torch)
        warnings.simplefilter("error", numpy.exceptions.ComplexWarning)
        try:
            x[0] = value
            x[1:] = value
        except Exception as e:      # noqa: BLE001
            with pytest.raises(type(e)):
                a[0] = value
                a[1:] = value
            return
        a[0] = value
        a[1:] = value
    if isinstance(value, numpy.generic) and dtype in ("uint8", "int8") or \
            (isinstance(value, float) and value != value):
        return                  # unsafe casts out of range: values are platform-defined in both
    assert_matches_numpy(a, x)


def test_complex_array_into_real_warns():
    x = numpy.zeros(2)
    a = torchnp.array(x)
    v = numpy.array([1 + 2j, 3 - 1j])
    with pytest.warns(numpy.exceptions.ComplexWarning):
        x[:] = v
    with pytest.warns(numpy.exceptions.ComplexWarning):
        a[:] = v
    assert_matches_numpy(a, x)


SET_ERRORS = [
    (slice(None), [1, 2]), (slice(None), numpy.ones((2, 5))), ([0, 1], numpy.ones((3, 5))),
    (5, 1), ((0, 0), [1, 2]), ((0, 0), numpy.array([1.0])), (0, [[[1, 2, 3, 4, 5]]]),
    (1.5, 0), ("x", 0), (numpy.ones((3, 5), bool) & False | True, numpy.ones((3, 5))),
    (numpy.ones((3, 5), bool), [1, 2]),
]


@pytest.mark.parametrize("key,value", SET_ERRORS, ids=repr)
def test_setitem_errors(key, value):
    x = _sample((3, 5))
    a = torchnp.array(x)

    def np_call():
        x[key] = value

    def tnp_call():
        a[key] = value
    raises_like_numpy(np_call, tnp_call)


def test_setitem_error_messages():
    a = torchnp.array(numpy.zeros(3))
    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(2,\) "
                                         r"into shape \(3,\)"):
        a[:] = [1, 2]
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for uint8"):
        torchnp.array(numpy.zeros(3, numpy.uint8))[0] = 300
    for dtype, value in (("int64", 2**63), ("int8", 2**63), ("uint64", -1), ("uint64", 2**64),
                         ("int64", 1e19)):
        x = numpy.ones(2, dtype)
        a = torchnp.array(x)
        raises_with_numpys_message(lambda: x.__setitem__(0, value),
                                   lambda: a.__setitem__(0, value))


# ----- iteration and flat -------------------------------------------------------------------------

def test_iter():
    x = _sample((3, 2))
    a = torchnp.array(x)
    rows = list(a)
    assert len(rows) == 3
    for r, e in zip(rows, x):
        assert_matches_numpy(r, e)
        assert r.base is a
    for r, e in zip(torchnp.array(x[:, 0]), x[:, 0]):
        assert_matches_numpy(r, e)
        assert r.ndim == 0
    with pytest.raises(TypeError):
        iter(torchnp.array(numpy.array(1.0)))


def test_flat():
    x = _sample((2, 3), "int64")
    a = torchnp.array(x)
    for key in [1, -1, slice(1, 4), [0, 5], numpy.array([[1], [2]]), Ellipsis,
                x.reshape(-1) > 2]:
        assert_matches_numpy(a.flat[key], x.flat[key])
    assert a.flat[slice(1, 3)].base is None
    fl = a.flat
    assert len(fl) == 6 and fl.base is a
    next(fl)
    next(fl)
    assert fl.index == 2 and fl.coords == (0, 2)
    assert [int(v) for v in a.flat] == list(x.flat)
    a.flat[[0, 1, 2, 3]] = [7, 8]
    x.flat[[0, 1, 2, 3]] = [7, 8]
    assert_matches_numpy(a, x)
    a.flat = [1, 2, 3, 4, 5]
    x.flat = [1, 2, 3, 4, 5]
    assert_matches_numpy(a, x)
    t = torchnp.array(_sample((3, 4), "float64"))
    v = t[:, 1:3]                                  # non-contiguous view: writes reach the base
    v.flat[1:3] = -1
    y = _sample((3, 4), "float64")
    y[:, 1:3].flat[1:3] = -1
    assert_matches_numpy(t, y)
    raises_like_numpy(lambda: x.flat[10], lambda: a.flat[10])
    raises_like_numpy(lambda: x.flat[1, 2], lambda: a.flat[1, 2])


# ----- indexing routines --------------------------------------------------------------------------

def _both(name, *args, **kwargs):
    expected = getattr(numpy, name)(*args, **kwargs)
    targs = [torchnp.array(v) if isinstance(v, numpy.ndarray) else v for v in args]
    actual = getattr(torchnp, name)(*targs, **kwargs)
    assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("dtype", DTYPES)
def test_take(dtype):
    x = _sample((3, 4), dtype)
    _both("take", x, [0, 5, -1])
    _both("take", x, numpy.array([[0, 2], [1, 1]]), axis=1)
    _both("take", x, 2)
    _both("take", x, [7, -9], axis=0, mode="wrap")
    _both("take", x, [7, -9], axis=1, mode="clip")
    _both("take", x, [1.7])
    assert_matches_numpy(torchnp.array(x).take([1, 2], axis=0), x.take([1, 2], axis=0))
    raises_like_numpy(lambda: numpy.take(x, [20]), lambda: torchnp.take(torchnp.array(x), [20]))
    raises_like_numpy(lambda: numpy.take(numpy.zeros(0), [0]),
                      lambda: torchnp.take(torchnp.array(numpy.zeros(0)), [0]))
    out = numpy.zeros(2, x.dtype)
    tout = torchnp.array(out)
    numpy.take(x, [1, 2], out=out)
    r = torchnp.take(torchnp.array(x), [1, 2], out=tout)
    assert r is tout
    assert_matches_numpy(tout, out)


def test_put():
    x = _sample((2, 3), "int64")
    a = torchnp.array(x)
    numpy.put(x, [0, 4], [9, 8])
    torchnp.put(a, [0, 4], [9, 8])
    assert_matches_numpy(a, x)
    numpy.put(x, [0, 1, 2], [5])
    a.put([0, 1, 2], [5])
    assert_matches_numpy(a, x)
    numpy.put(x, [10, -10], [1, 2], mode="wrap")
    torchnp.put(a, [10, -10], [1, 2], mode="wrap")
    assert_matches_numpy(a, x)
    numpy.put(x, [10, -10], [3, 4], mode="clip")
    torchnp.put(a, [10, -10], [3, 4], mode="clip")
    assert_matches_numpy(a, x)
    raises_like_numpy(lambda: numpy.put(x, [10], 1), lambda: torchnp.put(a, [10], 1))
    raises_like_numpy(lambda: numpy.put([1, 2], [0], 1), lambda: torchnp.put([1, 2], [0], 1))


@pytest.mark.parametrize("shape,key", [
    ((1, 1, 1), lambda m: (slice(None, 0), 0, Ellipsis, m.asarray(numpy.array([True])))),
    ((2, 3, 4, 5), lambda m: (slice(None), 0, Ellipsis, [0, 1])),
    ((2, 3, 4), lambda m: (slice(0, 1), [0], Ellipsis, [1, 2])),
])
def test_an_ellipsis_of_no_axes_still_parts_advanced_indices(shape, key):
    """NumPy puts the broadcast axes first when an Ellipsis stands between advanced indices, even
    one that spans no axis (found by the fuzzer), in reads and writes."""
    x = numpy.arange(math.prod(shape)).reshape(shape)
    a = torchnp.asarray(x.copy())
    assert_matches_numpy(a[key(torchnp)], x[key(numpy)])
    x[key(numpy)] = numpy.arange(x[key(numpy)].size).reshape(x[key(numpy)].shape)
    a[key(torchnp)] = numpy.arange(x[key(numpy)].size).reshape(x[key(numpy)].shape)
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("key", [True, (True,), numpy.True_, False, "0-d", "(0-d,)"])
def test_a_boolean_key_of_a_0d_array_assigns_as_a_mask(key):
    """Every boolean key of no dimensions, alone or in a 1-tuple, is a 0-d array's full mask:
    NumPy's boolean assignment rules (a value of 0 or 1 dimensions, one value per True; found by
    the long fuzz run)."""
    def k(m):
        zero_d = m.asarray(numpy.array(key is not False))
        return {"0-d": zero_d, "(0-d,)": (zero_d,)}.get(key, key) if type(key) is str else key
    for value in [lambda m: m.ones((1, 1)), lambda m: m.ones(2), lambda m: m.ones(1) * 7,
                  lambda m: m.ones(0), lambda m: 5.0, lambda m: [[3.0]]]:
        def assign(m):
            a = m.zeros(())
            a[k(m)] = value(m)
            return a
        try:
            expected = assign(numpy)
        except (TypeError, ValueError):
            raises_with_numpys_message(lambda: assign(numpy), lambda: assign(torchnp))
        else:
            assert_matches_numpy(assign(torchnp), expected)


def test_put_of_no_values_checks_no_bounds():
    """NumPy returns before the bounds check when there are no values (found by the fuzzer); an
    empty array with indices, and an index array of floats, still raise."""
    for shape, ind, values in [((3,), [5], []), ((), [0, 1], numpy.zeros((1, 0), bool)),
                               ((3,), [5.5], [])]:
        x = numpy.zeros(shape)
        a = torchnp.asarray(x.copy())
        assert numpy.put(x, ind, values) is None and torchnp.put(a, ind, values) is None
        assert_matches_numpy(a, x)
    raises_with_numpys_message(lambda: numpy.put(numpy.zeros(0), [0], []),
                               lambda: torchnp.put(torchnp.zeros(0), [0], []))
    raises_with_numpys_message(
        lambda: numpy.put(numpy.zeros(3), numpy.array([5.5]), []),
        lambda: torchnp.put(torchnp.zeros(3), torchnp.asarray(numpy.array([5.5])), []))


@pytest.mark.parametrize("dtype", DTYPES)
def test_nonzero_family(dtype):
    x = _sample((3, 4), dtype)
    x.flat[::5] = 0
    _both("nonzero", x)
    _both("flatnonzero", x)
    _both("argwhere", x)
    _both("argwhere", numpy.array(5))
    _both("argwhere", numpy.array(0))
    _both("where", x)
    assert_matches_numpy(torchnp.array(x).nonzero(), x.nonzero())
    raises_like_numpy(lambda: numpy.nonzero(numpy.array(1)),
                      lambda: torchnp.nonzero(torchnp.array(numpy.array(1))))


@pytest.mark.parametrize("x,y", [
    (numpy.arange(4), numpy.zeros(4, numpy.int8)), (numpy.arange(4.0), 1), (1, 2.5),
    (numpy.ones(4, numpy.float32), 2.0), (numpy.ones(4, numpy.int8), 3), (numpy.ones((2, 1)), 1j),
    (numpy.float32(1), numpy.ones(4, numpy.float16)), (True, False),
])
def test_where(x, y):
    cond = numpy.array([True, False, False, True])
    _both("where", cond, x, y)
    _both("where", cond.astype(int), x, y)


@pytest.mark.parametrize("y", [300, -129, 2**63, 2**64, 1e300, 2.5])
@pytest.mark.parametrize("dtype", ["int8", "uint8", "float32"])
def test_where_casts_python_scalars_unsafely(dtype, y):
    """where promotes a Python scalar as a weak operand (NEP 50), then casts it unsafely into the
    result dtype; an int it cannot read as a C integer raises NumPy's OverflowError."""
    cond, x = numpy.array([True, False]), numpy.ones(2, dtype)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = numpy.where(cond, x, y)
    except OverflowError:
        raises_with_numpys_message(lambda: numpy.where(cond, x, y),
                                   lambda: torchnp.where(torchnp.array(cond), torchnp.array(x), y))
    else:
        assert_matches_numpy(torchnp.where(torchnp.array(cond), torchnp.array(x), y), expected)


def test_where_errors():
    c = numpy.array([True, False])
    raises_like_numpy(lambda: numpy.where(c, [1]), lambda: torchnp.where(torchnp.array(c), [1]))
    raises_like_numpy(lambda: numpy.where(c, [1, 2, 3], 0),
                      lambda: torchnp.where(torchnp.array(c), [1, 2, 3], 0))


def test_diagonal():
    x = _sample((3, 4, 2))
    for args in [(), (1,), (-1,), (0, 0, 2), (1, 2, 0), (5,)]:
        _both("diagonal", x, *args)
    a = torchnp.array(x)
    d = a.diagonal()
    assert d.base is a                        # a view (writable in torchnp; read-only in NumPy)
    raises_like_numpy(lambda: numpy.diagonal(numpy.ones(3)),
                      lambda: torchnp.diagonal(torchnp.array(numpy.ones(3))))
    raises_like_numpy(lambda: numpy.diagonal(x, 0, 1, 1), lambda: torchnp.diagonal(a, 0, 1, 1))
    raises_like_numpy(lambda: numpy.diagonal(x, 0, 0, 5), lambda: torchnp.diagonal(a, 0, 0, 5))


def test_along_axis():
    x = _sample((3, 4))
    idx = numpy.argsort(-x, axis=1)
    _both("take_along_axis", x, idx, 1)
    _both("take_along_axis", x, idx[:, :2], axis=1)
    _both("take_along_axis", x, numpy.array([[0, 2, -1]]).T, axis=1)
    _both("take_along_axis", x, numpy.array([5, 0]), axis=None)
    a = torchnp.array(x)
    raises_like_numpy(lambda: numpy.take_along_axis(x, numpy.array([[0.0]]), 1),
                      lambda: torchnp.take_along_axis(a, torchnp.array(numpy.array([[0.0]])), 1))
    raises_like_numpy(lambda: numpy.take_along_axis(x, numpy.array([0]), 1),
                      lambda: torchnp.take_along_axis(a, torchnp.array(numpy.array([0])), 1))
    raises_like_numpy(lambda: numpy.take_along_axis(x, numpy.array([[5]]), 1),
                      lambda: torchnp.take_along_axis(a, torchnp.array(numpy.array([[5]])), 1))
    numpy.put_along_axis(x, idx[:, :1], -1, axis=1)
    torchnp.put_along_axis(a, torchnp.array(idx[:, :1]), -1, axis=1)
    assert_matches_numpy(a, x)
    numpy.put_along_axis(x, numpy.array([[0], [1], [2]]), [[7], [8], [9]], axis=1)
    torchnp.put_along_axis(a, numpy.array([[0], [1], [2]]), [[7], [8], [9]], axis=1)
    assert_matches_numpy(a, x)


def test_compress_extract():
    x = _sample((3, 4))
    _both("compress", [0, 1, 1], x, axis=0)
    _both("compress", [True, False, True], x, axis=1)
    _both("compress", [0, 1, 0, 1], x)
    _both("compress", numpy.array([0, 1, 0, 0]), numpy.arange(3))
    raises_like_numpy(lambda: numpy.compress([0, 1, 0, 1], numpy.arange(3)),
                      lambda: torchnp.compress([0, 1, 0, 1], torchnp.array(numpy.arange(3))))
    _both("extract", x % 3 == 0, x)
    _both("extract", numpy.array([1, 0, 2]), numpy.arange(3))


def test_place_putmask():
    x = numpy.arange(6.0)
    a = torchnp.array(x)
    numpy.place(x, x > 2, [10, 20])
    torchnp.place(a, a > 2, [10, 20])
    assert_matches_numpy(a, x)
    numpy.putmask(x, x > 10, [-1, -2, -3])
    torchnp.putmask(a, a > 10, [-1, -2, -3])
    assert_matches_numpy(a, x)
    raises_like_numpy(lambda: numpy.place(x, x > 0, []), lambda: torchnp.place(a, a > 0, []))
    raises_like_numpy(lambda: numpy.place([1], [True], [1]), lambda: torchnp.place([1], [True], [1]))
    raises_like_numpy(lambda: numpy.putmask(x, [True], 1), lambda: torchnp.putmask(a, [True], 1))


def test_choose():
    choices = [numpy.array([1, 2, 3]), numpy.array([10, 20, 30]), numpy.array([100.0, 200, 300])]
    tchoices = [torchnp.array(c) for c in choices]
    idx = numpy.array([2, 0, 1])
    assert_matches_numpy(torchnp.choose(torchnp.array(idx), tchoices), numpy.choose(idx, choices))
    big = numpy.array([[5, -1, 1]])
    for mode in ("wrap", "clip"):
        assert_matches_numpy(torchnp.choose(big, tchoices, mode=mode),
                             numpy.choose(big, choices, mode=mode))
    raises_like_numpy(lambda: numpy.choose(big, choices), lambda: torchnp.choose(big, tchoices))
    # out=: the result's shape exactly (a broadcastable one too is TypeError), cast unsafely
    for shape, dtype in (((3,), numpy.int8), ((3,), bool), ((2, 3), float), ((1, 3), float)):
        out, tout = numpy.zeros(shape, dtype), torchnp.zeros(shape, dtype=dtype)
        np_call = lambda: numpy.choose(idx, choices, out=out)            # noqa: E731
        tnp_call = lambda: torchnp.choose(torchnp.array(idx), tchoices, out=tout)   # noqa: E731
        if shape == (3,):
            assert tnp_call() is tout
            assert_matches_numpy(tout, np_call())
        else:
            raises_like_numpy(np_call, tnp_call)


def test_index_builders():
    for args in [([0, 1], [2, 3, 4]), ([True, False, True],), ([], [1])]:
        expected = numpy.ix_(*args)
        assert_matches_numpy(torchnp.ix_(*args), expected)
    raises_like_numpy(lambda: numpy.ix_([[1]]), lambda: torchnp.ix_([[1]]))
    _both("indices", (2, 3))
    _both("indices", (2, 3), dtype=numpy.int32)
    _both("indices", (2, 3), sparse=True)
    _both("diag_indices", 3)
    _both("diag_indices", 2, 3)
    _both("diag_indices_from", numpy.ones((3, 3)))
    for n, k, m in [(3, 0, None), (4, 1, None), (3, -1, 5), (4, 2, 2)]:
        _both("tril_indices", n, k, m)
        _both("triu_indices", n, k, m)
    _both("tril_indices_from", numpy.ones((3, 4)), 1)
    _both("triu_indices_from", numpy.ones((3, 4)), -1)
    raises_like_numpy(lambda: numpy.diag_indices_from(numpy.ones((2, 3))),
                      lambda: torchnp.diag_indices_from(torchnp.array(numpy.ones((2, 3)))))
    raises_like_numpy(lambda: numpy.tril_indices_from(numpy.ones(3)),
                      lambda: torchnp.tril_indices_from(torchnp.array(numpy.ones(3))))
    x = _sample((3, 4))
    check_get(x, numpy.ix_([0, 2], [1, 3]))
    check_get(x, numpy.tril_indices(3))


# ----- regressions for differences the fuzzer found (tests/test_fuzz.py) --------------------------

@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64"])
def test_negative_step_slices_of_unsigned_arrays(dtype):
    x = numpy.arange(6).astype(dtype).reshape(2, 3)
    for key in [numpy.s_[::-1], numpy.s_[:, ::-2], numpy.s_[::-1, [0, 2]], numpy.s_[[1], ::-1]]:
        check_get(x, key)


_NP_SCALARS = [numpy.float64(300.0), numpy.float64(-2.5), numpy.float64(numpy.nan),
               numpy.float64(numpy.inf), numpy.float32(3e38), numpy.float64(1e19),
               numpy.complex64(numpy.inf), numpy.complex64(3e38), numpy.complex128(300 + 1j),
               numpy.complex64(numpy.nan), numpy.complex64(-2.5), numpy.int64(300),
               numpy.uint64(2**64 - 1), numpy.float16(numpy.inf), numpy.bool_(True)]


@pytest.mark.parametrize("dtype", ["int8", "int64", "bool", "float16", "uint8"])
@pytest.mark.parametrize("key", ["0-d", "int", "slice", "ellipsis"])
def test_numpy_scalar_into_items_converts_as_numpy(dtype, key):
    """A signed integer item takes a NumPy scalar as a Python int (its real part): ValueError for
    nan, OverflowError out of range; other dtypes cast it (unsigned: in-range values only here,
    C leaves the others undefined)."""
    for v in _NP_SCALARS:
        if dtype == "uint8" and not -2**63 <= float(numpy.real(v)) < 2**63:
            continue
        if key == "0-d":
            e, a, k = numpy.zeros((), dtype), torchnp.zeros((), dtype), ()
        else:
            k = {"int": 0, "slice": slice(None), "ellipsis": ...}[key]
            e, a = numpy.zeros(2, dtype), torchnp.zeros(2, dtype)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                e[k] = v
            except Exception:       # noqa: BLE001 - the class is compared
                raises_like_numpy(lambda: e.__setitem__(k, v), lambda: a.__setitem__(k, v))
                continue
            a[k] = v
        assert_matches_numpy(a, e)


def test_empty_value_reshapes_to_an_empty_advanced_selection():
    """NumPy reshapes a value with extra leading dims to the selection's shape when the sizes
    agree (an empty value into an empty selection), in advanced indexing only."""
    cases = [((0, 2), "bool", (numpy.array([], bool), 0), (2, 0)),
             ((0, 2), "bool", (numpy.array([], bool), 0), (3, 0)),
             ((0, 2), "bool", (numpy.array([], bool), 0), (2, 1)),
             ((0, 2), "bool", (numpy.array([], bool), 0), (1, 1, 0)),
             ((0, 2), "bool", numpy.array([], int), (5, 0, 2)),
             ((0, 2), "bool", numpy.array([], int), (5, 1, 2)),
             ((3, 2), "float64", (numpy.array([], int), 0), (2, 0)),
             ((3, 2), "float64", (numpy.array([1]), 0), (2, 1)),
             ((3, 2), "float64", (slice(0, 0), 0), (2, 0))]
    for shape, dtype, key, vshape in cases:
        e, a = numpy.zeros(shape, dtype), torchnp.zeros(shape, dtype)
        v = numpy.zeros(vshape, dtype)
        try:
            e[key] = v
        except ValueError:
            raises_like_numpy(lambda: e.__setitem__(key, v), lambda: a.__setitem__(key, v))
            continue
        a[key] = torchnp.asarray(v)
        assert_matches_numpy(a, e)


@pytest.mark.parametrize("dtype", ["bool", "int8", "float64", "complex64"])
def test_sequence_into_one_item_raises_as_numpy(dtype):
    """One item takes a sequence as NumPy's per-dtype setitem does (a bool its truth value)."""
    for v in [numpy.array([1.0]), [1.0, 2.0], (1.0,), [], [[]], numpy.zeros(0),
              numpy.array([1, 2]), numpy.zeros((1, 1))]:
        e, a = numpy.zeros(2, dtype), torchnp.zeros(2, dtype)
        try:
            e[0] = v
        except Exception:       # noqa: BLE001 - the class is compared
            raises_like_numpy(lambda: e.__setitem__(0, v), lambda: a.__setitem__(0, v))
            continue
        a[0] = v
        assert_matches_numpy(a, e)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "uint64", "float16", "complex64"])
@pytest.mark.parametrize("key", [0, numpy.int64(1), numpy.array(0), [0], slice(0, 2)])
def test_flat_item_conversion_errors_are_numpy_s_value_error(dtype, key):
    """NumPy reports any failure to convert the value of ``a.flat[i] = v`` (one item) as
    ValueError: Error setting single item of array."""
    for v in [255, -129, -1, 2**63, 2**64, 1e300, float("nan"), float("inf"), 2.5, 1j,
              numpy.float64(300.0), numpy.int64(300), numpy.complex64(numpy.inf),
              numpy.float64(numpy.nan), [1.0, 2.0], numpy.array([1.0])]:
        if dtype in ("uint8", "uint64") and isinstance(v, numpy.inexact):
            continue                        # C leaves those casts undefined
        e, a = numpy.zeros(3, dtype), torchnp.zeros(3, dtype)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                e.flat[key] = v
            except Exception:       # noqa: BLE001 - the class is compared
                raises_like_numpy(lambda: e.flat.__setitem__(key, v),
                                  lambda: a.flat.__setitem__(key, v))
                continue
            a.flat[key] = v
        assert_matches_numpy(a, e)


def test_flat_item_checks_its_index_before_the_value():
    for key in [0, numpy.int64(0), numpy.array(0), [0], numpy.array([0])]:
        e, a = numpy.zeros(0, "int8"), torchnp.zeros(0, "int8")
        raises_like_numpy(lambda: e.flat.__setitem__(key, 255),
                          lambda: a.flat.__setitem__(key, 255))


def test_setitem_converts_a_python_value_before_broadcasting_the_indices():
    key = (numpy.array([0, 0]), 0, False)               # indices that do not broadcast
    for v in (255, [255], [1j], 1j, 2.5, numpy.array([300])):
        e, a = numpy.zeros((1, 1), "int8"), torchnp.zeros((1, 1), "int8")
        raises_like_numpy(lambda: e.__setitem__(key, v), lambda: a.__setitem__(key, v))


# ----- index arithmetic, select, fill_diagonal, index tricks -------------------------------------

def _same_results(actual, expected):
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_matches_numpy(a, e)
    elif isinstance(expected, numpy.ndarray):
        assert_matches_numpy(actual, expected)
    else:
        assert actual == expected


@pytest.mark.parametrize("expr", [
    lambda np: np.unravel_index(np.arange(24), (2, 3, 4), "F"),
    lambda np: np.unravel_index(np.array(4, np.uint8), (2, 3)),
    lambda np: np.unravel_index(True, (2, 3)), lambda np: np.unravel_index(1, 6),
    lambda np: np.unravel_index(0, ()),
    lambda np: np.ravel_multi_index(([[1]], [1, 0]), (2, 3)),
    lambda np: np.ravel_multi_index((1, 1), (3, 2)),
    lambda np: np.ravel_multi_index((np.array([1]), np.array([True])), (2, 3)),
    lambda np: np.ravel_multi_index(([1, 3], [0, -1]), (3, 2), mode=("clip", "wrap")),
    lambda np: np.ravel_multi_index(([1], [2]), (2, 3), order="F", mode="wrap"),
    lambda np: np.ravel_multi_index(([1, 3], [0, -1]), (3, 2), mode=[0, "wrap"]),
    lambda np: np.ravel_multi_index(([1, 2], [0, 1]), (3, 2), order="f"),
    lambda np: np.unravel_index(3, (2, 3), order=None),
    lambda np: np.mask_indices(3, np.triu), lambda np: np.mask_indices(3, np.tril, -1),
    lambda np: np.select([np.array([True, False])], [np.array([3, 4], np.int8)], 700),
    lambda np: np.select([np.array([[True], [False]])], [np.arange(3)]),
    lambda np: np.select([np.array([True, False])], [np.array([1, 2])], np.array([5j, 6])),
    lambda np: np.select([np.array([True, False]), np.array([True, True])],
                         [np.array([1, 2]), np.array([10.5, 20])], -1),
    lambda np: np.r_[1:4, 0, 4], lambda np: np.r_[-1:1:6j, [0] * 3, 5, 6],
    lambda np: np.r_["-1", np.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)],
    lambda np: np.r_["0,2", [1, 2, 3], [4, 5, 6]], lambda np: np.r_["1,2,0", [1, 2, 3], [4, 5, 6]],
    lambda np: np.r_["0,3,1", [1, 2], [3, 4]], lambda np: np.r_["0,3,-2", [[1, 2]], [[3, 4]]],
    lambda np: np.r_[np.array([1, 2], np.int8), 3], lambda np: np.r_[np.float32(1.5), 2],
    lambda np: np.r_[0:5:2, 1.5], lambda np: np.r_[True, 2], lambda np: np.r_[3],
    lambda np: np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])],
    lambda np: np.c_[np.array([[1, 2, 3]]), 0, 0, np.array([[4, 5, 6]])],
    lambda np: np.c_[1:3, 5:7], lambda np: np.c_[0:1:3j, [1, 2, 3]],
    lambda np: np.s_[1, ::2, ...], lambda np: np.s_[::2], lambda np: np.index_exp[::2],
    lambda np: np.index_exp[1, 2],
])
def test_index_routines_match_numpy(expr):
    _same_results(expr(torchnp), expr(numpy))


@pytest.mark.parametrize("expr", [
    lambda np: np.unravel_index(10, (2, 3)), lambda np: np.unravel_index(-1, (2, 3)),
    lambda np: np.unravel_index(1.0, (2, 3)), lambda np: np.unravel_index([], (2, 3)),
    lambda np: np.unravel_index([1, 5], (2, -3)), lambda np: np.unravel_index(2, (0,)),
    lambda np: np.unravel_index(3, (2, 3), order="A"),
    lambda np: np.unravel_index(3, (2, 3), order="X"),
    lambda np: np.ravel_multi_index(([1, 3], [0, 1]), (3, 2)),
    lambda np: np.ravel_multi_index(([1, 2],), (3, 2)),
    lambda np: np.ravel_multi_index(([1.0, 2], [0, 1]), (3, 2)),
    lambda np: np.ravel_multi_index(([1, 2], [0, 1]), (3, 2), mode="bad"),
    lambda np: np.ravel_multi_index(([1], [1]), (2, 3), mode=("clip",)),
    lambda np: np.ravel_multi_index((1, 1), (2, 3), mode=3),
    lambda np: np.ravel_multi_index(([1, 3], [0, -1]), (3, 2), mode=None),
    lambda np: np.ravel_multi_index(([1, 3], [0, -1]), (3, 2), mode=True),
    lambda np: np.ravel_multi_index((1, 1), (2**40, 2**40)),
    lambda np: np.ravel_multi_index((1, 0), (2, 0)),
    lambda np: np.ravel_multi_index((1, 1), (2, -3)),
    lambda np: np.select([], []), lambda np: np.select([True], [1, 2]),
    lambda np: np.select([np.array([1, 0])], [np.array([3, 4])]),
    lambda np: np.r_[1:2, "0"], lambda np: np.r_["x", 1], lambda np: np.r_["1,x", 1],
    lambda np: np.fill_diagonal(np.zeros(3), 1),
    lambda np: np.fill_diagonal(np.zeros((3, 4, 3)), 1),
])
def test_index_routines_raise_like_numpy(expr):
    raises_like_numpy(lambda: expr(numpy), lambda: expr(torchnp))


@pytest.mark.parametrize("shape, val, wrap", [((3, 3), 5, False), ((5, 3), [1, 2], False),
                                              ((5, 3), 7, True), ((3, 3, 3), 4, False),
                                              ((4, 4), [1.5, 2.5], False), ((2, 6), 9, True)])
def test_fill_diagonal_matches_numpy(shape, val, wrap):
    e, a = numpy.zeros(shape), torchnp.zeros(shape)
    assert numpy.fill_diagonal(e, val, wrap) is None and torchnp.fill_diagonal(a, val, wrap) is None
    assert_matches_numpy(a, e)


def test_index_tricks_keep_the_device_and_default_float():
    with torchnp.default_float("float32"):
        assert torchnp.r_[0:1:3j].dtype == numpy.float32
    meta = torchnp.zeros(2, device="meta")
    assert torchnp.r_[meta, meta].tensor.device.type == "meta"


def test_matrix_directives_are_out_of_scope():
    for key in ["r", "c"]:
        with pytest.raises(TypeError, match="matrix"):
            torchnp.r_[key, [1, 2], [3, 4]]
    with pytest.raises(TypeError, match="matrix"):
        torchnp.r_["1, 2; 3, 4"]


# ----- the fast paths of issue 13 (tiny arrays): each against NumPy, with what they must refuse ---

@pytest.mark.parametrize("dtype", DTYPES + ["uint16", "float16"])
def test_int_list_key(dtype):
    """``a[[0, 2]]`` (a list of Python ints: one integer index along axis 0) is a copy."""
    x = _sample((4, 3), dtype)
    for key in [[0, 2], [-1, 0, -4], [3, 3, 1], [1]]:
        a, r = check_get(x, key)
        assert r.base is None
    assert_matches_numpy(torchnp.array(x)[1:][[0, -1]], x[1:][[0, -1]])        # of a view
    assert_matches_numpy(torchnp.array(x).T[[2, 0]], x.T[[2, 0]])            # non-contiguous
    check_get(x[0], [2, 0])


@pytest.mark.parametrize("key", [[4], [-5], [0, 2**63], [0, True], [0, numpy.int64(1)], [],
                                 [[0], [1]], [0, None]], ids=repr)
def test_int_list_key_what_the_fast_path_refuses(key):
    x = _sample((4, 3))
    a = torchnp.array(x)
    try:
        expected = x[key]
    except IndexError as e:
        raises_with_numpys_message(lambda: x[key], lambda: a[key])
        assert "out of bounds" in str(e) or "only integers" in str(e)
    else:
        assert_matches_numpy(a[key], expected)
    raises_with_numpys_message(lambda: numpy.array(1.0)[[0]],
                               lambda: torchnp.array(1.0)[[0]])


@pytest.mark.parametrize("dtype", DTYPES + ["uint16", "float16"])
def test_where_of_arrays(dtype):
    """where(mask, x, y) with x and y of one dtype, broadcasting as NumPy does."""
    cond = numpy.array([[True], [False], [True]])
    x, y = _sample((3, 4), dtype), _sample((4,), dtype)[::-1].copy()
    _both("where", cond, x, y)
    _both("where", cond[0, 0], x, y)
    _both("where", numpy.array(False), x[0, 0], y[0])
    r = torchnp.where(torchnp.array(cond), torchnp.array(x), torchnp.array(x))
    assert r.base is None and not numpy.isscalar(r)


def test_where_of_arrays_errors():
    c, x = numpy.array([True, False, True]), numpy.arange(3.0)
    raises_with_numpys_message(
        lambda: numpy.where(c, x, numpy.zeros(2)),
        lambda: torchnp.where(torchnp.array(c), torchnp.array(x), torchnp.zeros(2)))
    raises_with_numpys_message(
        lambda: numpy.where(c[:2], x, x),
        lambda: torchnp.where(torchnp.array(c[:2]), torchnp.array(x), torchnp.array(x)))


def test_mask_in_a_one_tuple_assigns_as_the_mask():
    """``a[(mask,)] = v`` is ``a[mask] = v``: NumPy's TypeError for a 2-d value included."""
    for value, shape in ((numpy.zeros((2, 2)), (2, 2)), (numpy.array([7.0, 8.0]), (2, 2)),
                         (5.0, (2, 2)), (numpy.zeros((1, 0), bool), (1, 0))):
        x = numpy.arange(float(numpy.prod(shape))).reshape(shape)
        a = torchnp.asarray(x.copy())

        def assign(arr, m):
            arr[(arr > 1,)] = value if not isinstance(value, numpy.ndarray) else m.asarray(value)
            return arr
        try:
            expected = assign(x, numpy)
        except TypeError:
            raises_like_numpy(lambda: assign(x, numpy), lambda: assign(a, torchnp))
        else:
            assert_matches_numpy(assign(a, torchnp), expected)


def test_advanced_index_with_an_ellipsis_gives_a_0d_array():
    """``x[..., array(1), 2]`` indexes every axis, yet NumPy returns a 0-d array (a view's base
    for what follows), not a scalar; without the Ellipsis it is a scalar."""
    x = numpy.arange(6).reshape(2, 3)
    a = torchnp.asarray(x)
    for key in [(numpy.array(1), Ellipsis, numpy.array(0)), (Ellipsis, numpy.array(1), 2),
                (0, numpy.array(1)), (numpy.array(0), numpy.array(1))]:
        tkey = tuple(torchnp.asarray(k) if isinstance(k, numpy.ndarray) else k for k in key)
        assert_matches_numpy(a[tkey], x[key])
    r = numpy.array([False])[(Ellipsis, numpy.array(0))]
    t = torchnp.asarray([False])[(Ellipsis, torchnp.asarray(0))]
    assert numpy.shares_memory(r[None], r) and torchnp.shares_memory(t[None], t)


_ONE_ITEM_BY_0D_ARRAYS = [
    (numpy.array([-3], numpy.int8), lambda m, a: (m.asarray(numpy.array(0)),), lambda m, a: a),
    (numpy.array([-3, 4], numpy.int8), lambda m, a: (m.asarray(numpy.array(0)),),
     lambda m, a: a[:1]),
    (numpy.array([[-3, 4]], numpy.int8), lambda m, a: (0, m.asarray(numpy.array(1))),
     lambda m, a: a[0, :1]),
    (numpy.array([-3, 4], numpy.int8), lambda m, a: (m.asarray(numpy.array(0)),),
     lambda m, a: [5]),
    (numpy.array([True, False]), lambda m, a: (m.asarray(numpy.array(0)),), lambda m, a: [0]),
    (numpy.array([1, 2]), lambda m, a: (m.asarray(numpy.array(1)),),
     lambda m, a: numpy.float64(7.75)),
    (numpy.array([1 + 2j, 2]), lambda m, a: (m.asarray(numpy.array(1)),),
     lambda m, a: m.asarray(numpy.array([9.0]))),
    (numpy.array([1.5, 2.5]), lambda m, a: (Ellipsis, m.asarray(numpy.array(1))),
     lambda m, a: m.asarray(numpy.array([9.0]))),
    (numpy.array([-3, 4], numpy.int8), lambda m, a: (m.asarray(numpy.array([0])),),
     lambda m, a: a[:1]),
    # a NumPy integer scalar into a row through a 0-d index: basic indexing's OverflowError
    (numpy.array([[-3]], numpy.int8), lambda m, a: (m.asarray(numpy.array(0)),),
     lambda m, a: numpy.int16(32767)),
    (numpy.array([[-3]], numpy.int8), lambda m, a: (m.asarray(numpy.array([0])),),
     lambda m, a: numpy.int16(32767)),
    # a row through a 0-d index broadcasts the value as basic indexing does: an empty value with
    # an extra axis is NumPy's ValueError, not the advanced reshape to the trailing axes
    (numpy.zeros((1, 2, 0), bool), lambda m, a: (m.asarray(numpy.array(0)),),
     lambda m, a: m.zeros((2, 1, 0), bool)),
    (numpy.zeros((1, 2, 1)), lambda m, a: (m.asarray(numpy.array(0)),),
     lambda m, a: m.zeros((2, 1, 1))),
    (numpy.zeros((3, 2, 0)), lambda m, a: (m.asarray(numpy.array([0])),),
     lambda m, a: m.zeros((1, 1, 2, 0))),
]


_ADVANCED_VALUES = [
    # NumPy converts an advanced assignment's value whole: extra leading 1s are dropped
    ((3,), lambda m: m.asarray(numpy.array([0, 1])), [[[1, 2]]]),
    ((3,), lambda m: [0, 1], [[[1]]]),
    ((2, 1, 1), lambda m: (slice(None), 0, m.asarray(numpy.array([0, 0])), True), [[[[False]]]]),
    ((2, 2), lambda m: (m.asarray(numpy.array(0)), [0, 1]), [[[1, 2]]]),
    # ... so the index's bounds error comes first, an empty selection too
    ((3,), lambda m: m.asarray(numpy.array([0, 5])), [[[1, 2]]]),
    ((0, 1, 1), lambda m: (slice(None), 0, m.asarray(numpy.array([0, 1])), True), [[[False]]]),
    # the advanced message names the value's shape as given, the basic one without leading 1s
    ((3,), lambda m: m.asarray(numpy.array([0, 1])), [[[1, 2], [3, 4]]]),
    ((3,), lambda m: slice(None), numpy.zeros((1, 2, 3))),
    # a boolean index's TypeError for a value of more than one dimension
    ((3,), lambda m: m.asarray(numpy.array([True, False, True])), [[[1]]]),
    # 0-d indices are ints, bounds-checked before the value; other arrays after it
    ((1, 0), lambda m: (m.asarray(numpy.array(0)), m.asarray(numpy.array([0, 0]))),
     [[1, 2], [3]]),
    ((1, 0), lambda m: (m.asarray(numpy.array(5)), m.asarray(numpy.array([0, 0]))),
     [[1, 2], [3]]),
    ((2, 3), lambda m: (m.asarray(numpy.array(1)), m.asarray(numpy.array([0, 7]))), [[1, 2]]),
]


@pytest.mark.parametrize("case", range(len(_ADVANCED_VALUES)))
def test_advanced_assignment_converts_the_whole_value(case):
    shape, key, value = _ADVANCED_VALUES[case]

    def assign(m):
        a = m.zeros(shape)
        a[key(m)] = m.asarray(value) if isinstance(value, numpy.ndarray) else value
        return a
    try:
        expected = assign(numpy)
    except (IndexError, TypeError, ValueError):
        raises_with_numpys_message(lambda: assign(numpy), lambda: assign(torchnp))
    else:
        assert_matches_numpy(assign(torchnp), expected)


@pytest.mark.parametrize("case", range(len(_ONE_ITEM_BY_0D_ARRAYS)))
def test_0d_integer_array_indices_set_one_item(case):
    """Keys of ints and 0-d integer arrays set one item, as ``a[0] = v``: a sequence value is
    NumPy's error (ValueError, or the dtype's TypeError), an Ellipsis makes it a 0-d array."""
    x, key, value = _ONE_ITEM_BY_0D_ARRAYS[case]

    def assign(m, arr):
        arr[key(m, arr)] = value(m, arr)
        return arr
    a = torchnp.asarray(x.copy())
    try:
        expected = assign(numpy, x.copy())
    except (TypeError, ValueError, OverflowError):
        raises_like_numpy(lambda: assign(numpy, x.copy()), lambda: assign(torchnp, a))
    else:
        assert_matches_numpy(assign(torchnp, a), expected)


def test_empty_selection_still_checks_0d_indices():
    """An empty advanced selection checks no array index, but a 0-d one is an int to NumPy and
    is bounds-checked, in reads and writes."""
    x = numpy.zeros((0, 3))
    keys = [lambda m: (m.asarray(numpy.array([], int)), m.asarray(numpy.array(5))),
            lambda m: (m.asarray(numpy.zeros(0, int)), m.asarray(numpy.array([7])))]
    for key in keys:
        try:
            expected = x[key(numpy)]
        except IndexError:
            raises_like_numpy(lambda: x[key(numpy)], lambda: torchnp.asarray(x)[key(torchnp)])

            def write(m, k=key):
                a = m.asarray(x.copy())
                a[k(m)] = 1
            raises_like_numpy(lambda: write(numpy), lambda: write(torchnp))
        else:
            assert_matches_numpy(torchnp.asarray(x)[key(torchnp)], expected)
    raises_like_numpy(lambda: numpy.array([], bool)[False, numpy.array(0)],
                      lambda: torchnp.asarray(numpy.array([], bool))[False, torchnp.asarray(0)])


@pytest.mark.parametrize("index", [[7], [6, 0], [-8], [[7]], [-7, 6]])
def test_integer_index_into_empty_data_is_bounds_checked(index):
    """torch's CPU index kernel skips its bounds check when the data is empty (shape (7, 0)):
    the fast paths leave empty data to the slow path, which checks as NumPy does."""
    x = numpy.zeros((7, 0), bool)
    for key in (lambda m: index, lambda m: m.asarray(numpy.array(index))):
        try:
            expected = x[key(numpy)]
        except IndexError:
            raises_like_numpy(lambda: x[key(numpy)], lambda: torchnp.asarray(x)[key(torchnp)])
        else:
            assert_matches_numpy(torchnp.asarray(x)[key(torchnp)], expected)


@pytest.mark.parametrize("mask_shape, lead", [((0,), 0), ((0,), 1), ((0, 0), 0), ((0, 2), 0),
                                               ((3, 0), 0)])
def test_empty_boolean_index_lengths_are_not_checked(mask_shape, lead):
    """NumPy checks only a boolean index's nonzero lengths against the array's (a legacy rule):
    an empty selection, in reads and writes; other mismatches are still its IndexError."""
    x = numpy.arange(6.0).reshape(3, 2)
    key = (slice(None),) * lead + (numpy.zeros(mask_shape, bool),)
    tkey = (slice(None),) * lead + (torchnp.zeros(mask_shape, dtype=bool),)
    assert_matches_numpy(torchnp.asarray(x)[tkey], x[key])
    a, y = torchnp.asarray(x.copy()), x.copy()
    a[tkey], y[key] = 1.0, 1.0
    assert_matches_numpy(a, y)
    raises_like_numpy(lambda: x[[True]], lambda: torchnp.asarray(x)[[True]])

    raises_like_numpy(lambda: numpy.zeros((1, 0), bool)[numpy.zeros((2, 0), bool)],
                      lambda: torchnp.zeros((1, 0), dtype=bool)[torchnp.zeros((2, 0), dtype=bool)])
