"""The mathematical ufuncs against NumPy: trigonometric, hyperbolic, exponential and logarithmic,
rounding, floating-point functions, integer gcd/lcm/bitwise_count, and the matmul gufuncs.

Every ufunc runs on every dtype NumPy has a loop for, on representative values plus edge values
(0, -0.0, +-1, +-inf, NaN, dtype min/max, values at branch cuts); where NumPy has no loop, torchnp
raises the same exception class.
"""
import warnings

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, to_numpy

DTYPES = "?bBhHiIlLefdFD"
INT_CODES = "bBhHiIlL"

# ----- input values -------------------------------------------------------------------------------

_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.4999, 2.0, -2.0, 3.0, 10.0, -10.0,
           0.1, 1e-5, -1e-5, 0.999, 1.001, -0.999, -1.001, 1.5707963267948966, 3.141592653589793,
           -3.141592653589793, 30.0, 45.0, 88.0, 100.0, -100.0, 710.0, -745.0, 1e10, -1e10,
           numpy.inf, -numpy.inf, numpy.nan]


def _float_values(code):
    fi = numpy.finfo(code)
    edge = [fi.max, -fi.max, fi.tiny, -fi.tiny, fi.smallest_subnormal, -fi.smallest_subnormal,
            fi.eps, 1 + fi.eps]
    rng = numpy.random.default_rng(0)
    with numpy.errstate(over="ignore"):
        return numpy.concatenate([numpy.array(_FLOATS + edge, dtype=code),
                                  (rng.standard_normal(12) * 4).astype(code)])


def values(code):
    """Representative and edge values of one dtype, as a 1-d NumPy array."""
    if code == "?":
        return numpy.array([False, True])
    if code in INT_CODES:
        ii = numpy.iinfo(code)
        small = [0, 1, 2, 3, 5, 6, 7, 12, 100, ii.max, ii.max - 1, ii.max // 2 + 1]
        if ii.min < 0:
            small += [-1, -2, -6, -100, ii.min, ii.min + 1]
        rng = numpy.random.default_rng(1)
        return numpy.concatenate([numpy.array(small, dtype=code),
                                  rng.integers(ii.min, ii.max, 8, dtype=code, endpoint=True)])
    if code in "efd":
        return _float_values(code)
    real = _float_values("f" if code == "F" else "d")
    rng = numpy.random.default_rng(2)
    z = numpy.empty(60, dtype=code)
    z.real, z.imag = rng.choice(real, 60), rng.choice(real, 60)
    cuts = [2 + 0j, complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), 0.5 + 0j,
            complex(0.5, -0.0), complex(-0.5, 0.0), 1 + 0j, -1 + 0j, complex(-0.0, 0.0),
            complex(0.0, -0.0), complex(-0.0, -0.0), 2j, -2j, complex(0.0, 0.5), complex(-0.0, 2),
            complex(0.0, -2), 1j, -1j, 0.5 + 0.5j, -0.5 - 0.5j, 1e-5 + 1e-5j]
    special = [complex(x, y) for x in (numpy.inf, -numpy.inf, numpy.nan, 0.0, 1.0)
               for y in (numpy.inf, -numpy.inf, numpy.nan, 0.0, 1.0)]
    with numpy.errstate(over="ignore", invalid="ignore"):
        return numpy.concatenate([z, cuts, special]).astype(code)


def pairs(c1, c2):
    """Every value of c1 against every value of c2, as two equal-length arrays."""
    a, b = values(c1), values(c2)
    return numpy.repeat(a, len(b)), numpy.tile(b, len(a))


# ----- comparison ---------------------------------------------------------------------------------

_RTOL = {"e": 2e-3, "f": 3e-6, "d": 1e-12, "F": 1e-5, "D": 1e-12}


def _check(actual, expected, exact):
    """Value, dtype, shape and kind against NumPy; NaNs equal; signs of zeros equal."""
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected)
        for a, e in zip(actual, expected):
            _check(a, e, exact)
        return
    char = expected.dtype.char
    if char not in "FD":
        if exact or char not in _RTOL:
            assert_matches_numpy(actual, expected, rtol=0)
        else:
            tiny = numpy.finfo(expected.dtype).tiny
            assert_matches_numpy(actual, expected, rtol=_RTOL[char], atol=tiny * 1e3)
    else:       # complex: real and imaginary parts apart (an inf in one must not hide the other)
        assert isinstance(actual, torchnp.ndarray)
        assert actual.dtype == expected.dtype and actual.shape == expected.shape
    if char in "efdFD":
        got = numpy.asarray(to_numpy(actual))
        rtol = 0 if exact else _RTOL[char]
        atol = 0 if exact else numpy.finfo(expected.dtype).tiny * 1e3
        # Relative to the larger finite part, so a tiny part next to a large one is not held to
        # more digits than the dtype has.
        scale = numpy.maximum(_finite_abs(expected.real), _finite_abs(expected.imag))
        for g, e in ((got.real, expected.real), (got.imag, expected.imag)):
            finite = numpy.isfinite(e)
            numpy.testing.assert_array_equal(g[~finite], e[~finite])
            err = numpy.abs(g[finite].astype(numpy.float64) - e[finite])
            bad = ~(err <= atol + rtol * scale[finite])
            assert not bad.any(), (f"{bad.sum()} values differ, e.g. {g[finite][bad][:3]} "
                                   f"(torchnp) vs {e[finite][bad][:3]} (NumPy)")
            zeros = (e == 0) & (g == 0)
            numpy.testing.assert_array_equal(numpy.signbit(g[zeros]), numpy.signbit(e[zeros]),
                                             err_msg="signs of zeros differ")


def _finite_abs(x):
    return numpy.where(numpy.isfinite(x), numpy.abs(x), 0).astype(numpy.float64)


def _numpy(func, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return func(*args)


def _run_and_compare(name, np_args, exact):
    np_func = getattr(numpy, name)
    tnp_func = getattr(torchnp, name)
    tnp_args = [torchnp.asarray(a) for a in np_args]
    try:
        expected = _numpy(np_func, *np_args)
    except Exception:           # noqa: BLE001 - no loop for these dtypes: same exception class
        raises_like_numpy(lambda: _numpy(np_func, *np_args), lambda: tnp_func(*tnp_args))
        return
    _check(tnp_func(*tnp_args), expected, exact)


# ----- unary ufuncs -------------------------------------------------------------------------------

UNARY_APPROX = ["sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
                "arcsinh", "arccosh", "arctanh", "degrees", "radians", "deg2rad", "rad2deg", "exp",
                "exp2", "expm1", "log", "log2", "log10", "log1p"]
UNARY_EXACT = ["rint", "floor", "ceil", "trunc", "spacing", "frexp", "modf", "bitwise_count"]


# torch's sinh/cosh overflow to inf slightly below NumPy's threshold (float64 |x| in 709.8..710.5,
# float32 88.7..89.4): a documented difference (docs/differences.md), so those inputs stay out.
_OVERFLOW_BAND = {"sinh", "cosh"}


@pytest.mark.parametrize("code", DTYPES)
@pytest.mark.parametrize("name", UNARY_APPROX)
def test_unary_approx(name, code):
    x = values(code)
    if name in _OVERFLOW_BAND and code in "fdFD":
        x = x[~((numpy.abs(x.real) > 88.5) & (numpy.abs(x.real) < 711))]
    _run_and_compare(name, [x], exact=False)


@pytest.mark.parametrize("name", sorted(_OVERFLOW_BAND))
def test_sinh_cosh_overflow_band_is_the_documented_difference(name):
    """Just inside NumPy's range torch gives inf; the difference is the one documented."""
    x = numpy.full(64, 710.0)          # torch's vectorised CPU path (short arrays are exact)
    assert numpy.isfinite(getattr(numpy, name)(x)).all()
    assert numpy.isinf(getattr(torchnp, name)(torchnp.asarray(x)).tensor.numpy()).all()


@pytest.mark.parametrize("code", DTYPES)
@pytest.mark.parametrize("name", UNARY_EXACT)
def test_unary_exact(name, code):
    _run_and_compare(name, [values(code)], exact=True)


@pytest.mark.parametrize("code", "bhil")
def test_bitwise_count_signed_extremes(code):
    ii = numpy.iinfo(code)
    x = numpy.array([ii.min, ii.min + 1, -1, ii.max], dtype=code)
    _run_and_compare("bitwise_count", [x], exact=True)


def test_floor_of_integers_is_a_copy():
    a = torchnp.asarray(numpy.array([1, 2, 3], dtype=numpy.uint16))
    r = torchnp.floor(a)
    assert r.dtype == numpy.uint16
    assert r.tensor.data_ptr() != a.tensor.data_ptr()


# ----- binary ufuncs ------------------------------------------------------------------------------

BINARY_APPROX = ["arctan2", "hypot", "logaddexp", "logaddexp2"]
BINARY_EXACT = ["nextafter", "gcd", "lcm", "heaviside"]


def _binary_dtype_pairs():
    seen = []
    for c in DTYPES:
        for p in ((c, c), (c, "d"), ("d", c), (c, "l"), ("l", c)):
            if p not in seen:
                seen.append(p)
    return seen


DTYPE_PAIRS = _binary_dtype_pairs()


@pytest.mark.parametrize("codes", DTYPE_PAIRS, ids="".join)
@pytest.mark.parametrize("name", BINARY_APPROX)
def test_binary_approx(name, codes):
    _run_and_compare(name, list(pairs(*codes)), exact=False)


@pytest.mark.parametrize("codes", DTYPE_PAIRS, ids="".join)
@pytest.mark.parametrize("name", BINARY_EXACT)
def test_binary_exact(name, codes):
    _run_and_compare(name, list(pairs(*codes)), exact=True)


@pytest.mark.parametrize("code", "bhilBHIL")
def test_gcd_lcm_extremes(code):
    # gcd / lcm of dtype min and max against each other and against small values, both orders.
    ii = numpy.iinfo(code)
    v = numpy.array([ii.min, ii.min + 1, ii.max, ii.max - 1, 0, 1, 2, 3, 6, 7, 42] +
                    ([-1, -2, -42] if ii.min < 0 else []), dtype=code)
    a, b = numpy.repeat(v, len(v)), numpy.tile(v, len(v))
    _run_and_compare("gcd", [a, b], exact=True)
    _run_and_compare("lcm", [a, b], exact=True)


@pytest.mark.parametrize("code", "?bBhHiIlLefdFD")
def test_ldexp_exponents(code):
    # ldexp(x, e) for x of every dtype against exponents of every dtype, with extreme exponents.
    x = values(code)
    for ecode in DTYPES:
        e = values(ecode)
        if ecode in INT_CODES:
            ii = numpy.iinfo(ecode)
            extra = [0, 1, -1, 5, -5, 60, -60, 130, -150, 1100, -1100, 2000, -2100, ii.max, ii.min]
            extra = [v for v in extra if ii.min <= v <= ii.max]
            e = numpy.concatenate([e, numpy.array(extra, dtype=ecode)])
        a, b = numpy.repeat(x, len(e)), numpy.tile(e, len(x))
        _run_and_compare("ldexp", [a, b], exact=True)


def test_ldexp_rounds_once_into_subnormals():
    x = numpy.array([1.5, 1.75, 1.25, 3.0, 0.75, 5e-324, 2.2250738585072014e-308])
    e = numpy.array([-1074, -1074, -1075, -1075, -1074, 2000, -53], dtype=numpy.int32)
    _run_and_compare("ldexp", [x, e], exact=True)
    for code, lo in (("f", -149), ("e", -24)):
        xs = numpy.array([1.5, 1.75, 1.25, 3.0, 0.75, 1.0], dtype=code)
        es = numpy.array([lo, lo, lo - 1, lo - 1, lo, lo - 2], dtype=numpy.int64)
        _run_and_compare("ldexp", [xs, es], exact=True)


@pytest.mark.parametrize("code", "efd")
def test_nextafter_signed_zeros_and_extremes(code):
    fi = numpy.finfo(code)
    v = numpy.array([0.0, -0.0, fi.max, -fi.max, numpy.inf, -numpy.inf, numpy.nan,
                     fi.smallest_subnormal, -fi.smallest_subnormal, 1.0], dtype=code)
    a, b = numpy.repeat(v, len(v)), numpy.tile(v, len(v))
    _run_and_compare("nextafter", [a, b], exact=True)


@pytest.mark.parametrize("code", "efd")
def test_logaddexp_infinities(code):
    v = numpy.array([-numpy.inf, numpy.inf, numpy.nan, 0.0, -0.0, 1.0, -1.0], dtype=code)
    a, b = numpy.repeat(v, len(v)), numpy.tile(v, len(v))
    _run_and_compare("logaddexp", [a, b], exact=True)
    _run_and_compare("logaddexp2", [a, b], exact=True)


def test_aliases_are_the_same_objects():
    for alias, name in (("asin", "arcsin"), ("acos", "arccos"), ("atan", "arctan"),
                        ("atan2", "arctan2"), ("asinh", "arcsinh"), ("acosh", "arccosh"),
                        ("atanh", "arctanh")):
        assert getattr(torchnp, alias) is getattr(torchnp, name)
        assert getattr(torchnp, alias).__name__ == getattr(numpy, alias).__name__


@pytest.mark.parametrize("name", UNARY_APPROX + UNARY_EXACT + BINARY_APPROX + BINARY_EXACT +
                         ["ldexp", "matmul", "vecdot", "matvec", "vecmat"])
def test_ufunc_attributes(name):
    u, ref = getattr(torchnp, name), getattr(numpy, name)
    assert isinstance(u, torchnp.ufunc)
    assert (u.__name__, u.nin, u.nout, u.signature) == (ref.__name__, ref.nin, ref.nout,
                                                        ref.signature)
    assert set(u.types) <= set(ref.types)


# ----- gufuncs: matmul, vecdot, matvec, vecmat ----------------------------------------------------

def _operand(shape, code, seed):
    rng = numpy.random.default_rng(seed)
    if code == "?":
        return rng.integers(0, 2, shape).astype(bool)
    if code in INT_CODES:
        ii = numpy.iinfo(code)
        return rng.integers(ii.min, ii.max, shape, dtype=code, endpoint=True)   # wraps
    x = rng.standard_normal(shape)
    if code in "FD":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(code)


GUFUNC_SHAPES = {
    "matmul": [((3,), (3,)), ((2, 3), (3, 4)), ((5, 2, 3), (3, 4)), ((3,), (3, 4)),
               ((2, 3), (3,)), ((5, 2, 3), (5, 3, 4)), ((1, 2, 3), (4, 3, 2)), ((3,), (5, 3, 2)),
               ((5, 2, 3), (3,)), ((2, 0), (0, 3)), ((0, 3), (3, 2))],
    "vecdot": [((3,), (3,)), ((5, 3), (3,)), ((5, 3), (5, 3)), ((4, 1, 3), (5, 3)), ((0,), (0,))],
    "matvec": [((2, 3), (3,)), ((5, 2, 3), (3,)), ((2, 3), (5, 3)), ((4, 1, 2, 3), (5, 3))],
    "vecmat": [((3,), (3, 2)), ((5, 3), (3, 2)), ((3,), (5, 3, 2)), ((4, 1, 3), (5, 3, 2))],
}
GUFUNC_CASES = [(name, s1, s2) for name, shapes in GUFUNC_SHAPES.items() for s1, s2 in shapes]


@pytest.mark.parametrize("code", DTYPES)
@pytest.mark.parametrize("name,shape1,shape2", GUFUNC_CASES, ids=str)
def test_gufunc_values(name, shape1, shape2, code):
    x1, x2 = _operand(shape1, code, 0), _operand(shape2, code, 1)
    expected = _numpy(getattr(numpy, name), x1, x2)
    actual = getattr(torchnp, name)(torchnp.asarray(x1), torchnp.asarray(x2))
    assert_matches_numpy(actual, expected, rtol=_RTOL.get(expected.dtype.char, 0) * 10,
                         atol=_RTOL.get(expected.dtype.char, 0) * 10)


@pytest.mark.parametrize("codes", [("b", "d"), ("?", "l"), ("H", "f"), ("F", "d"), ("L", "l")],
                         ids="".join)
def test_gufunc_mixed_dtypes(codes):
    x1, x2 = _operand((2, 3), codes[0], 0), _operand((3, 4), codes[1], 1)
    for name, (a, b) in (("matmul", (x1, x2)), ("vecdot", (x1, x2.T[:2])),
                         ("matvec", (x1, x2[:, 0])), ("vecmat", (x1[0], x2))):
        expected = _numpy(getattr(numpy, name), a, b)
        actual = getattr(torchnp, name)(torchnp.asarray(a), torchnp.asarray(b))
        assert_matches_numpy(actual, expected, rtol=1e-5, atol=1e-5)


def test_matmul_bool_is_logical_and_ints_wrap():
    a = numpy.ones((2, 300), dtype=bool)
    expected = numpy.matmul(a, a.T)
    assert_matches_numpy(torchnp.matmul(torchnp.asarray(a), torchnp.asarray(a.T)), expected)
    b = numpy.full((2, 300), 100, dtype=numpy.int8)
    expected = numpy.matmul(b, b.T)
    assert_matches_numpy(torchnp.matmul(torchnp.asarray(b), torchnp.asarray(b.T)), expected)


def test_vecdot_conjugates_first_argument():
    a = numpy.array([1 + 2j, 3 - 1j])
    b = numpy.array([2 - 1j, 1j])
    ta, tb = torchnp.asarray(a), torchnp.asarray(b)
    assert_matches_numpy(torchnp.vecdot(ta, tb), numpy.vecdot(a, b))
    m = numpy.array([[1 + 1j, 2], [3, 4j]])
    assert_matches_numpy(torchnp.vecmat(ta, torchnp.asarray(m)), numpy.vecmat(a, m))
    assert_matches_numpy(torchnp.matvec(torchnp.asarray(m), ta), numpy.matvec(m, a))


GUFUNC_ERRORS = [
    ("matmul", (), (3,)), ("matmul", (3,), ()), ("matmul", (), ()), ("matmul", (3,), (2,)),
    ("matmul", (2, 3), (2,)), ("matmul", (3,), (2, 4)), ("matmul", (2, 3), (2, 4)),
    ("matmul", (5, 2, 3), (4, 3, 4)), ("vecdot", (3,), (2,)), ("vecdot", (), (2,)),
    ("vecdot", (5, 3), (4, 3)), ("matvec", (3,), (3,)), ("matvec", (2, 3), (2,)),
    ("matvec", (2, 3), ()), ("vecmat", (3,), (2, 3)), ("vecmat", (3,), (3,)),
]


@pytest.mark.parametrize("name,shape1,shape2", GUFUNC_ERRORS, ids=str)
def test_gufunc_errors(name, shape1, shape2):
    x1, x2 = numpy.ones(shape1), numpy.ones(shape2)
    with pytest.raises(ValueError) as expected:
        getattr(numpy, name)(x1, x2)
    with pytest.raises(ValueError) as actual:
        getattr(torchnp, name)(torchnp.asarray(x1), torchnp.asarray(x2))
    assert str(actual.value) == str(expected.value)


def test_matmul_operator():
    a, b = _operand((5, 2, 3), "d", 0), _operand((3, 4), "d", 1)
    assert_matches_numpy(torchnp.asarray(a) @ torchnp.asarray(b), a @ b)


# ----- layouts and Python scalars -----------------------------------------------------------------

def _layout_inputs(name, shape_of):
    """Inputs of the dtypes ``name`` takes, each built by ``shape_of(values)``."""
    u = getattr(numpy, name)
    codes = {"ldexp": "dl", "gcd": "ll", "lcm": "ll", "bitwise_count": "l"}.get(name, "d" * u.nin)
    return [shape_of(values(c)) for c in codes]


ELEMENTWISE = UNARY_APPROX + UNARY_EXACT + BINARY_APPROX + BINARY_EXACT + ["ldexp"]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_non_contiguous_zero_d_and_empty(name):
    exact = name not in UNARY_APPROX + BINARY_APPROX
    # a transposed, strided view
    bases = _layout_inputs(name, lambda v: numpy.resize(v, (8, 6)))
    np_args = [b.T[::2] for b in bases]
    tnp_args = [torchnp.asarray(b).T[::2] for b in bases]
    assert not tnp_args[0].tensor.is_contiguous()
    _check(getattr(torchnp, name)(*tnp_args), _numpy(getattr(numpy, name), *np_args), exact)
    # 0-d and empty
    for shape_of in (lambda v: v[3].reshape(()).copy(), lambda v: v[:0].reshape(0, 3)):
        _run_and_compare(name, _layout_inputs(name, shape_of), exact)


SCALAR_CALLS = [
    ("ldexp", (numpy.array([0.5, -1.5, 0.0, numpy.nan]), 3)),
    ("heaviside", (numpy.array([1.0, -1.0, 0.0, numpy.nan]), 0.5)),
    ("arctan2", (numpy.array([0.5, -0.0, 0.0], dtype=numpy.float32), -1.0)),
    ("hypot", (3, numpy.array([4.0, numpy.inf]))),
    ("gcd", (numpy.array([12, -18, 0, 7], dtype=numpy.int16), 6)),
    ("lcm", (numpy.array([12, -18, 0, 7]), -4)),
    ("nextafter", (numpy.array([0.0, 1.0], dtype=numpy.float16), 1)),
    ("logaddexp", (numpy.array([-numpy.inf, 0.0]), -numpy.inf)),
    ("frexp", (2.5,)),
    ("modf", (-2.5,)),
    ("sin", (1,)),
    ("rint", (2.5,)),
    ("bitwise_count", (-7,)),
    ("spacing", (numpy.float32(1),)),
]


@pytest.mark.parametrize("name,args", SCALAR_CALLS, ids=[c[0] for c in SCALAR_CALLS])
def test_python_scalars(name, args):
    expected = _numpy(getattr(numpy, name), *args)
    actual = getattr(torchnp, name)(*[torchnp.asarray(a) if isinstance(a, numpy.ndarray) else a
                                      for a in args])
    _check(actual, expected, exact=name != "sin")
