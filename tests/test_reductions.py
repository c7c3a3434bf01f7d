"""Reductions (sum, prod, max, min, mean, std, var, all, any, cumsum, cumprod, nan*), clip and
round, against NumPy as the oracle."""
import warnings

import numpy
import pytest

import torchnp
from helpers import (DTYPES, assert_matches_numpy, public_exception_class, raises_like_numpy,
                     raises_with_numpys_message)

AXES = [None, 0, -1, (0, 2), ()]


def make(dtype, shape=(2, 3, 4), seed=0):
    rng = numpy.random.default_rng(seed)
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, shape).astype(dt)
    if dt.kind in "iu":
        return rng.integers(0 if dt.kind == "u" else -5, 6, shape).astype(dt)
    x = rng.standard_normal(shape)
    if dt.kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


def both(name, x, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = getattr(numpy, name)(x, *args, **kwargs)
        actual = getattr(torchnp, name)(torchnp.asarray(x), *args, **kwargs)
    return actual, expected


# ----- sum, prod, max, min, all, any, mean over axis forms and keepdims --------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "all", "any", "mean"])
def test_axis_keepdims(name, dtype):
    x = make(dtype)
    for axis in AXES:
        for keepdims in (False, True):
            actual, expected = both(name, x, axis=axis, keepdims=keepdims)
            assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["std", "var"])
def test_std_var(name, dtype):
    x = make(dtype)
    for axis in (None, 0, (0, 2)):
        for ddof in (0, 1):
            actual, expected = both(name, x, axis=axis, ddof=ddof)
            assert_matches_numpy(actual, expected, rtol=2e-3 if dtype == "float16" else None)


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "all", "any", "mean", "std",
                                  "var"])
def test_methods_match_functions(name):
    x = make("float64")
    a = torchnp.asarray(x)
    for axis in (None, 1):
        assert_matches_numpy(getattr(a, name)(axis=axis), getattr(x, name)(axis=axis))
    assert_matches_numpy(getattr(a, name)(), getattr(x, name)())


# ----- dtype= -------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["int8", "uint8", "float32", "float64", "bool"])
@pytest.mark.parametrize("name", ["sum", "prod", "cumsum", "cumprod"])
def test_dtype_argument(name, dtype):
    x = numpy.array([[0.5, 1.7, -2.2], [3.0, 100.0, 100.0]])
    if name in ("prod", "cumprod"):
        x = numpy.array([[1.5, 2.0, 3.0], [1.0, 2.0, 50.0]])
    actual, expected = both(name, x, dtype=dtype)
    assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("dtype", ["float32", "float16", "int8", "complex64"])
def test_mean_dtype(dtype):
    x = make("int8")
    actual, expected = both("mean", x, dtype=dtype)
    assert_matches_numpy(actual, expected)


def test_mean_float16_accumulates_in_float32():
    x = numpy.full(5000, 1.1, numpy.float16)
    actual, expected = both("mean", x)
    assert_matches_numpy(actual, expected)


# ----- overflow, exactness ------------------------------------------------------------------------

def test_integer_sum_wraps_and_uint64_exact():
    big = numpy.array([2**63 + 5, 2**63 + 7, 3], dtype=numpy.uint64)
    for name in ("sum", "prod", "max", "min", "cumsum"):
        actual, expected = both(name, big)
        assert_matches_numpy(actual, expected)
    x = numpy.array([2**62, 2**62, 2**62], dtype=numpy.int64)
    assert_matches_numpy(*both("sum", x))
    assert_matches_numpy(*both("sum", numpy.array([100, 100], numpy.int8), dtype=numpy.int8))


@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64"])
def test_unsigned_extremes(dtype):
    """Values above the signed range order as unsigned (torch has no kernels for these dtypes)."""
    top = numpy.iinfo(dtype).max
    x = numpy.array([[1, top - 5, 3], [7, 2, top // 2 + 1]], dtype=dtype)
    for name in ("max", "min", "argmax", "argmin"):
        for axis in (None, 0, 1):
            assert_matches_numpy(*both(name, x, axis=axis))
    assert_matches_numpy(*both("clip", x, top // 2, top - 6))
    assert_matches_numpy(torchnp.bitwise_xor.reduce(torchnp.asarray(x), axis=1),
                         numpy.bitwise_xor.reduce(x, axis=1))


def test_complex_extremes_over_several_axes_take_the_first_nan():
    """NumPy's maximum/minimum.reduce over several axes returns the first element holding a NaN
    in C order, whatever order the axes are given in."""
    x = numpy.array([[[1 + 0j, 5], [complex(3, numpy.nan), 2]],
                     [[complex(numpy.nan, 1), 0], [7, 1j]]])
    for name in ("max", "min"):
        for axis in (None, (0, 1), (1, 2), (2, 0), (0, 2)):
            actual, expected = both(name, x, axis=axis)
            assert_matches_numpy(actual, expected)
            numpy.testing.assert_array_equal(numpy.asarray(actual).imag, expected.imag)


# ----- NaN ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "complex128"])
def test_nan_propagates(dtype):
    x = make(dtype, (3, 4))
    x[1, 2] = numpy.nan
    for name in ("sum", "max", "min", "mean", "std", "cumsum"):
        for axis in (None, 0, 1):
            assert_matches_numpy(*both(name, x, axis=axis),
                                 rtol=2e-3 if dtype == "float16" else None)


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
@pytest.mark.parametrize("name", ["nansum", "nanprod", "nanmax", "nanmin", "nancumsum",
                                  "nancumprod", "nanmean", "nanstd", "nanvar"])
def test_nan_functions(name, dtype):
    x = make(dtype, (3, 4))
    if dtype != "int64":
        x[1, 2] = numpy.nan
        x[0, :] = numpy.nan
    for axis in (None, 0, 1):
        assert_matches_numpy(*both(name, x, axis=axis))


def test_nanmax_all_nan_warns():
    x = numpy.full(3, numpy.nan)
    with pytest.warns(RuntimeWarning):
        r = torchnp.nanmax(torchnp.asarray(x))
    assert_matches_numpy(r, numpy.float64(numpy.nan))


def test_nanmax_nanmin_are_fmax_fmin_reductions():
    """NumPy's nanmax / nanmin are fmax / fmin reductions: their names in messages, an all-NaN
    complex slice keeps its first element, out= of an integer dtype takes the NaN cast (no warning
    about NaN slices, as isnan of out is false)."""
    nan = numpy.nan
    x = numpy.array([[1.0, nan, 3.0], [nan, nan, nan]])
    c = numpy.array([[1 + 1j, complex(nan, 0)], [complex(0, nan), complex(nan, 2)]])
    for name in ("nanmax", "nanmin"):
        raises_with_numpys_message(lambda: getattr(numpy, name)(numpy.array([])),
                                   lambda: getattr(torchnp, name)(torchnp.asarray([])))
        raises_with_numpys_message(
            lambda: getattr(numpy, name)(x, where=numpy.array([True, False, True])),
            lambda: getattr(torchnp, name)(torchnp.asarray(x), where=[True, False, True]))
        with pytest.warns(RuntimeWarning, match="All-NaN slice encountered"):
            actual = getattr(torchnp, name)(torchnp.asarray(c), axis=1)
        with pytest.warns(RuntimeWarning, match="All-NaN slice encountered"):
            assert_matches_numpy(actual, getattr(numpy, name)(c, axis=1))
        for kwargs in ({"axis": (0, 1)}, {"axis": 1, "initial": 7.0 if name == "nanmin" else -7.0},
                       {"axis": 1, "where": numpy.array([True, False, True]), "initial": 0.0}):
            assert_matches_numpy(*both(name, x, **kwargs))
        out_np, out = numpy.zeros(2, numpy.int64), torchnp.zeros(2, numpy.int64)
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)   # not the all-NaN warning
            res = getattr(torchnp, name)(torchnp.asarray(x), axis=1, out=out)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # NumPy's invalid-value cast warning
            getattr(numpy, name)(x, axis=1, out=out_np)
        assert res is out
        assert_matches_numpy(out, out_np)


# ----- empty arrays -------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "float32", "complex64"])
def test_empty(dtype):
    x = numpy.zeros((0, 3), dtype)
    for name in ("sum", "prod", "all", "any", "cumsum"):
        for axis in (None, 0, 1):
            assert_matches_numpy(*both(name, x, axis=axis))
    for name in ("max", "min"):
        raises_like_numpy(lambda: numpy.max(x), lambda: torchnp.max(torchnp.asarray(x)))
        raises_like_numpy(lambda: numpy.min(x, axis=0),
                          lambda: torchnp.min(torchnp.asarray(x), axis=0))
        assert_matches_numpy(*both(name, x, axis=1))
        assert_matches_numpy(*both(name, x, axis=()))
        assert_matches_numpy(*both(name, x, initial=5))


def test_mean_of_empty_warns():
    with pytest.warns(RuntimeWarning):
        r = torchnp.mean(torchnp.asarray(numpy.zeros(0)))
    assert_matches_numpy(r, numpy.float64(numpy.nan))
    assert_matches_numpy(*both("mean", numpy.zeros((0, 3)), axis=0))
    assert_matches_numpy(*both("var", numpy.zeros((1,)), ddof=1))


# ----- 0-d ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "all", "any", "mean", "std", "var",
                                  "cumsum", "cumprod"])
def test_zero_dim(name):
    x = numpy.array(3.5)
    for axis in (None, ()):
        if name.startswith("cum") and axis == ():
            continue
        assert_matches_numpy(*both(name, x, axis=axis))
    for axis in (0, -1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = getattr(numpy, name)(x, axis=axis)
        except Exception:      # noqa: BLE001 - mean/std/var reject axis 0 on 0-d
            raises_like_numpy(lambda: getattr(numpy, name)(x, axis=axis),
                              lambda: getattr(torchnp, name)(torchnp.asarray(x), axis=axis))
        else:
            assert_matches_numpy(getattr(torchnp, name)(torchnp.asarray(x), axis=axis), expected)


# ----- where, initial -----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "uint64", "float32", "complex128"])
def test_where_initial(dtype):
    x = make(dtype)
    mask = make("bool", (3, 4), seed=1)
    for name, initial in (("sum", 3), ("prod", 2), ("max", 4), ("min", 1)):
        if name in ("max", "min") and dtype.startswith("complex"):
            continue
        for axis in (None, 0, (0, 2)):
            kw = dict(axis=axis, where=mask)
            if name in ("sum", "prod"):
                assert_matches_numpy(*both(name, x, **kw))
            assert_matches_numpy(*both(name, x, initial=initial, **kw))
            assert_matches_numpy(*both(name, x, initial=initial, axis=axis))
    for name in ("all", "any", "mean", "std", "var"):
        assert_matches_numpy(*both(name, x, axis=0, where=mask))


def test_where_errors():
    x = make("float64")
    a = torchnp.asarray(x)
    raises_like_numpy(lambda: numpy.max(x, where=x > 0), lambda: torchnp.max(a, where=a > 0))
    raises_like_numpy(lambda: numpy.sum(x, where=numpy.ones((2, 2, 3, 4), bool)),
                      lambda: torchnp.sum(a, where=numpy.ones((2, 2, 3, 4), bool)))
    raises_like_numpy(lambda: numpy.sum(x, where=numpy.ones(4, int)),
                      lambda: torchnp.sum(a, where=numpy.ones(4, int)))


def test_initial_overflow_and_cast():
    x = numpy.arange(3, dtype=numpy.uint8)
    raises_like_numpy(lambda: numpy.sum(x, initial=-1),
                      lambda: torchnp.sum(torchnp.asarray(x), initial=-1))
    raises_like_numpy(lambda: numpy.max(x, initial=300),
                      lambda: torchnp.max(torchnp.asarray(x), initial=300))
    assert_matches_numpy(*both("max", x, initial=2.5))
    assert_matches_numpy(*both("sum", numpy.arange(3), initial=2.5))
    for data, initial in ((x, 300), (x, 2**63), (numpy.arange(3), 2**63), (x, 2**64)):
        raises_with_numpys_message(lambda: numpy.max(data, initial=initial),
                                   lambda: torchnp.max(torchnp.asarray(data), initial=initial))


# ----- out= ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "std", "var", "all", "any"])
def test_out(name):
    x = make("float64")
    for out_dtype in ("float64", "float32", "int64", "bool"):
        e_out = numpy.zeros((3, 4), out_dtype)
        a_out = torchnp.asarray(numpy.zeros((3, 4), out_dtype))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = getattr(numpy, name)(x, axis=0, out=e_out)
        except TypeError:          # std: sqrt cannot write float into an int/bool out
            raises_like_numpy(lambda: getattr(numpy, name)(x, axis=0, out=e_out),
                              lambda: getattr(torchnp, name)(torchnp.asarray(x), axis=0,
                                                             out=a_out))
            continue
        actual = getattr(torchnp, name)(torchnp.asarray(x), axis=0, out=a_out)
        assert actual is a_out
        assert_matches_numpy(actual, expected)
    a = torchnp.asarray(x)
    for shape in ((4,), (1, 3, 4), (4, 3)):
        raises_like_numpy(lambda: getattr(numpy, name)(x, axis=0, out=numpy.zeros(shape)),
                          lambda: getattr(torchnp, name)(a, axis=0,
                                                         out=torchnp.asarray(numpy.zeros(shape))))
    raises_like_numpy(lambda: getattr(numpy, name)(x, axis=0, keepdims=True, out=numpy.zeros((3, 4))),
                      lambda: getattr(torchnp, name)(a, axis=0, keepdims=True,
                                                     out=torchnp.asarray(numpy.zeros((3, 4)))))
    raises_like_numpy(lambda: getattr(numpy, name)(x, out=[1]),
                      lambda: getattr(torchnp, name)(a, out=[1]))


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
def test_cumulative_out_and_axes(name):
    x = make("int8")
    for axis in (None, 0, -1, 2):
        assert_matches_numpy(*both(name, x, axis=axis))
    e_out = numpy.zeros((2, 3, 4), numpy.float32)
    a_out = torchnp.asarray(numpy.zeros((2, 3, 4), numpy.float32))
    getattr(numpy, name)(x, axis=1, out=e_out)
    assert getattr(torchnp, name)(torchnp.asarray(x), axis=1, out=a_out) is a_out
    assert_matches_numpy(a_out, e_out)
    a = torchnp.asarray(x)
    raises_like_numpy(lambda: getattr(numpy, name)(x, out=numpy.zeros(3)),
                      lambda: getattr(torchnp, name)(a, out=torchnp.asarray(numpy.zeros(3))))
    raises_like_numpy(lambda: getattr(numpy, name)(x, axis=(0,)),
                      lambda: getattr(torchnp, name)(a, axis=(0,)))
    raises_like_numpy(lambda: getattr(numpy, name)(x, axis=3),
                      lambda: getattr(torchnp, name)(a, axis=3))


# ----- axis errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sum", "max", "all", "mean", "std"])
def test_axis_errors(name):
    x = make("float64")
    a = torchnp.asarray(x)
    for axis in (3, -4, (0, 0), (0, 3), 1.0, [0, 1]):
        raises_like_numpy(lambda: getattr(numpy, name)(x, axis=axis),
                          lambda: getattr(torchnp, name)(a, axis=axis))
    with pytest.raises(torchnp.AxisError):
        getattr(torchnp, name)(a, axis=5)


# ----- var/std options ----------------------------------------------------------------------------

def test_var_options():
    x = make("float64", (3, 4))
    assert_matches_numpy(*both("var", x, correction=1))
    assert_matches_numpy(*both("std", x, axis=1, keepdims=True, mean=x.mean(axis=1, keepdims=True)))
    raises_like_numpy(lambda: numpy.var(x, ddof=1, correction=1),
                      lambda: torchnp.var(torchnp.asarray(x), ddof=1, correction=1))
    assert_matches_numpy(*both("std", make("int8"), dtype=numpy.float32))


@pytest.mark.parametrize("name", ["var", "std", "nanvar", "nanstd"])
@pytest.mark.parametrize("dtype", ["bool", "int64", "float16", "float32", "float64",
                                   "complex128"])
def test_var_dtype_argument(name, dtype):
    """dtype= as NumPy's _var uses it: the mean in dtype=, deviations in the input's dtype
    promoted with it, squared without conjugation for real input, summed in dtype=; std's root in
    place (an integer / bool array result raises) or cast back (a scalar)."""
    x = make(dtype, (3, 4))
    for dt in (None, "bool", "int8", "int64", "float16", "float32", "complex64", "complex128"):
        for kwargs in ({}, {"axis": 0}, {"ddof": 1}, {"axis": 1, "ddof": 4}):
            np_exc, expected = _outcome(lambda: getattr(numpy, name)(x, dtype=dt, **kwargs))
            tnp_exc, actual = _outcome(lambda: getattr(torchnp, name)(torchnp.asarray(x),
                                                                       dtype=dt, **kwargs))
            where = f"dtype={dt}, {kwargs}"
            if np_exc is not None:
                assert tnp_exc is not None \
                    and issubclass(tnp_exc, public_exception_class(np_exc)), where
                continue
            assert tnp_exc is None, f"{where}: torchnp raised {tnp_exc}"
            assert_matches_numpy(actual, expected, rtol=1e-2 if "16" in str(dt) + dtype else None)


def test_var_0d_and_nan_degrees_of_freedom():
    for name in ("var", "std", "nanvar", "nanstd"):
        for ddof in (0, 1):
            assert_matches_numpy(*both(name, numpy.array(2.5), ddof=ddof))
        x = numpy.array([[1.0, numpy.nan, 3.0], [4.0, 5.0, 6.0]])
        assert_matches_numpy(*both(name, x, axis=1, ddof=2))      # nan*: NaN where ddof >= n


# ----- clip ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["int8", "uint8", "uint64", "int64", "float16", "float32",
                                   "float64"])
def test_clip(dtype):
    x = make(dtype)
    for lo, hi in ((0, 3), (1, None), (None, 2), (0.5, 2), (-1, 300), (numpy.float32(0.5), 2)):
        assert_matches_numpy(*both("clip", x, lo, hi))
    assert_matches_numpy(*both("clip", x, min=1))
    assert_matches_numpy(*both("clip", x, max=1))
    assert_matches_numpy(torchnp.asarray(x).clip(1), x.clip(1))
    assert_matches_numpy(*both("clip", x, numpy.zeros(4, dtype), 3))


_CLIP_INT_BOUNDS = {"300,400": (300, 400), "-400,-300": (-400, -300),
                    "-2**70,2**70": (-2**70, 2**70), "-2**70,-2**69": (-2**70, -2**69),
                    "2**69,2**70": (2**69, 2**70),
                    "-129,1": (-129, 1), "None,200": (None, 200), "1.5,300": (1.5, 300),
                    "-1,2**64": (-1, 2**64), "-5,1": (-5, 1), "1,2**64+5": (1, 2**64 + 5),
                    "2**64,None": (2**64, None)}


@pytest.mark.parametrize("lo, hi", _CLIP_INT_BOUNDS.values(), ids=_CLIP_INT_BOUNDS.keys())
@pytest.mark.parametrize("dtype", ["int8", "uint64"])
def test_clip_python_int_bounds(dtype, lo, hi):
    """NumPy's clip drops a Python int bound beyond an integer array's range (a lower bound at or
    below its minimum, an upper one at or above its maximum); the others are NEP 50 operands,
    which raise NumPy's OverflowError when the dtype cannot hold them."""
    x = numpy.arange(-3 if dtype == "int8" else 0, 3).astype(dtype)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = numpy.clip(x, lo, hi)
    except OverflowError:
        raises_with_numpys_message(lambda: numpy.clip(x, lo, hi),
                                   lambda: torchnp.clip(torchnp.asarray(x), lo, hi))
    else:
        assert_matches_numpy(torchnp.clip(torchnp.asarray(x), lo, hi), expected)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_clip_complex_is_lexicographic(dtype):
    x = numpy.array([1 + 5j, 3 - 1j, 2 + 2j, -1 + 0j, complex(numpy.nan, 1)], dtype=dtype)
    for lo, hi in ((1 + 1j, 2 + 3j), (1 + 1j, None), (None, 2), (0.5, 2.5)):
        assert_matches_numpy(*both("clip", x, lo, hi))


def test_clip_nan_and_out():
    x = numpy.array([numpy.nan, -1.0, 0.5, 3.0])
    assert_matches_numpy(*both("clip", x, 0, 1))
    assert_matches_numpy(*both("clip", x, numpy.nan, 1))
    e_out = numpy.zeros(4, numpy.float32)
    a_out = torchnp.asarray(numpy.zeros(4, numpy.float32))
    numpy.clip(x, 0, 1, out=e_out)
    torchnp.clip(torchnp.asarray(x), 0, 1, out=a_out)
    assert_matches_numpy(a_out, e_out)
    raises_like_numpy(lambda: numpy.clip(x, 0, 1, out=numpy.zeros(4, int)),
                      lambda: torchnp.clip(torchnp.asarray(x), 0, 1,
                                           out=torchnp.asarray(numpy.zeros(4, int))))
    raises_like_numpy(lambda: numpy.clip(x, 0), lambda: torchnp.clip(torchnp.asarray(x), 0))
    raises_like_numpy(lambda: numpy.clip(x, 0, 1, min=0),
                      lambda: torchnp.clip(torchnp.asarray(x), 0, 1, min=0))
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with "
                                         r"shapes \(4,\) \(2,\) \(\) $"):
        numpy.clip(x, numpy.ones(2), 1)
    with pytest.raises(ValueError, match=r"^operands could not be broadcast together with "
                                         r"shapes \(4,\) \(2,\) \(\) $"):
        torchnp.clip(torchnp.asarray(x), torchnp.ones(2), 1)


# ----- round --------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint8", "float16", "float32",
                                   "float64", "complex128"])
def test_round(dtype):
    x = make(dtype) * (3 if dtype != "bool" else 1)
    if numpy.dtype(dtype).kind in "fc":
        x = (x * 17.3).astype(dtype)
    for decimals in (0, 1, 2, -1):
        assert_matches_numpy(*both("round", x, decimals))
        assert_matches_numpy(*both("around", x, decimals))
    ties = numpy.array([0.5, 1.5, 2.5, -0.5, -2.5], dtype=dtype) if dtype[0] == "f" else None
    if ties is not None:
        assert_matches_numpy(*both("round", ties))
    ints = numpy.array([5, 15, 25, 17, -15, 34], numpy.int64)
    assert_matches_numpy(*both("round", ints, -1))


def _outcome(call):
    """(exception class, None) or (None, result) of ``call()``, warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return None, call()
        except Exception as e:      # noqa: BLE001 - the class is what we compare
            return type(e), None


@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint8", "float16", "float64",
                                   "complex128"])
def test_round_out(dtype):
    """out= as NumPy's round writes it: the casting rule of the ufunc (rint, multiply, divide) or
    copy it uses, the result's shape exactly; bools scaled by 10**decimals need an out=."""
    x = make(dtype, (2, 3))
    for decimals in (-1, 0, 1):
        for out_dtype in ("bool", "int8", "int64", "uint8", "float16", "float64", "complex128"):
            for shape in ((2, 3), (3,), (1, 2, 3)):
                np_out = numpy.zeros(shape, out_dtype)
                tnp_out = torchnp.asarray(np_out.copy())
                np_exc, _ = _outcome(lambda: numpy.round(x, decimals, out=np_out))
                tnp_exc, res = _outcome(lambda: torchnp.round(torchnp.asarray(x), decimals,
                                                              out=tnp_out))
                where = f"decimals={decimals}, out {out_dtype}{shape}"
                if np_exc is None:
                    assert tnp_exc is None and res is tnp_out, where
                    assert_matches_numpy(tnp_out, np_out)
                else:
                    assert tnp_exc is not None \
                        and issubclass(tnp_exc, public_exception_class(np_exc)), where
        raises_like_numpy(lambda: numpy.round(x.astype(bool), decimals or 1),
                          lambda: torchnp.round(torchnp.asarray(x.astype(bool)), decimals or 1))


def test_python_round_on_0d():
    assert round(torchnp.asarray(numpy.array(2.5))) == round(numpy.float64(2.5))
    assert type(round(torchnp.asarray(numpy.array(2.5)))) is int
    assert_matches_numpy(round(torchnp.asarray(numpy.array(2.567)), 2),
                         round(numpy.float64(2.567), 2))
    assert_matches_numpy(round(torchnp.asarray(numpy.array(17)), -1), round(numpy.int64(17), -1))
    with pytest.raises(TypeError):
        round(torchnp.asarray(numpy.array([2.5])))
    with pytest.raises(TypeError):
        round(torchnp.asarray(numpy.array(1 + 1j)))


def test_array_likes():
    assert_matches_numpy(torchnp.sum([1, 2, 3]), numpy.sum([1, 2, 3]))
    assert_matches_numpy(torchnp.max([[1.0, 5.0], [2.0, 3.0]], axis=0),
                         numpy.max([[1.0, 5.0], [2.0, 3.0]], axis=0))
    assert_matches_numpy(torchnp.mean([1, 2]), numpy.mean([1, 2]))
    assert_matches_numpy(torchnp.all([1, 0]), numpy.all([1, 0]))


_LAYOUT_CALLS = ["sum", "prod", "max", "min", "mean", "std", "var", "all", "any", "cumsum",
                 "cumprod", "nanmean", "nansum"]


@pytest.mark.parametrize("name", _LAYOUT_CALLS)
def test_results_keep_the_input_s_memory_order(name):
    """NumPy lays a reduction's (and an accumulation's) result out in its input's memory order
    (order 'K'), so a transposed input gives a transposed result: same strides, and ravel copies
    where NumPy's does (found by the long fuzz run)."""
    r = torchnp.sum(torchnp.ones((3, 4, 5)).transpose(2, 0, 1), axis=1)
    assert not r.flags.c_contiguous and not torchnp.shares_memory(r.ravel(), r)
    x = numpy.arange(1.0, 61.0).reshape(3, 4, 5).transpose(2, 0, 1)
    for axis in (0, 1, 2, (0, 2)):
        if name.startswith("cum") and type(axis) is tuple:
            continue
        for keepdims in ((False, True) if not name.startswith("cum") else (None,)):
            kw = {"axis": axis} if keepdims is None else {"axis": axis, "keepdims": keepdims}
            expected = getattr(numpy, name)(x, **kw)
            got = getattr(torchnp, name)(torchnp.asarray(x), **kw)
            assert_matches_numpy(got, expected)
            # (a length-1 axis's stride never moves through memory: docs/differences.md)
            long = [i for i, n in enumerate(expected.shape) if n > 1]
            assert [got.strides[i] for i in long] == [expected.strides[i] for i in long], \
                (axis, keepdims, got.strides)
