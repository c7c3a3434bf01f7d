"""Database: mathematical functions — the ufuncs (generated from NumPy's own list) and friends."""
import numpy as np

from opinfo.core import (ALL, FLOATING, INEXACT, NUMERIC, ErrorInput, OpInfo, SampleInput,
                         UFUNC_TOL, UfuncInfo, edge_values)

# Every canonical NumPy ufunc (aliases such as abs / absolute share the entry, as they share the
# object). isnat takes datetimes only: out of scope (docs/differences.md). The gufuncs (matmul,
# vecdot, matvec, vecmat) and ldexp have their own entries below.
_SPECIAL = {"isnat", "matmul", "vecdot", "matvec", "vecmat", "ldexp"}
UFUNC_NAMES = sorted({getattr(np, n).__name__ for n in np.__all__
                      if isinstance(getattr(np, n), np.ufunc)} - _SPECIAL)

# Differentiable ufuncs (float -> float): gradcheck runs on them in float64 / complex128.
_GRAD = {"absolute", "add", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctan2",
         "arctanh", "cbrt", "conjugate", "cos", "cosh", "deg2rad", "degrees", "divide", "exp",
         "exp2", "expm1", "float_power", "fmax", "fmin", "hypot", "log", "log10", "log1p", "log2",
         "logaddexp", "logaddexp2", "maximum", "minimum", "multiply", "negative", "positive",
         "power", "rad2deg", "radians", "reciprocal", "sin", "sinh", "sqrt", "square",
         "subtract", "tan", "tanh"}

# Ufuncs whose results must equal NumPy's bit for bit (signs of zeros too); complex results too for
# those in EXACT_COMPLEX (complex products, divisions and magnitudes may differ in the last bit).
EXACT = {"add", "subtract", "multiply", "floor_divide", "remainder", "fmod", "divmod", "negative",
         "positive", "absolute", "fabs", "sign", "conjugate", "square", "equal", "not_equal",
         "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or",
         "logical_xor", "logical_not", "bitwise_and", "bitwise_or", "bitwise_xor", "invert",
         "left_shift", "right_shift", "maximum", "minimum", "fmax", "fmin", "isnan", "isinf",
         "isfinite", "signbit", "copysign", "floor", "ceil", "trunc", "rint", "spacing",
         "nextafter", "frexp", "ldexp", "modf", "gcd", "lcm", "bitwise_count", "heaviside"}
EXACT_COMPLEX = {"add", "subtract", "negative", "positive", "conjugate", "equal", "not_equal",
                 "less", "less_equal", "greater", "greater_equal", "maximum", "minimum", "fmax",
                 "fmin", "isnan", "isinf", "isfinite", "logical_and", "logical_or", "logical_xor",
                 "logical_not"}

# complex power: torch's exp(b log a) against NumPy's repeated products for integral exponents
_POWER_TOL = dict(UFUNC_TOL, F=(2e-5, UFUNC_TOL["F"][1]))

# Per-ufunc settings: domain of the random samples (edge values cover the rest), tolerances,
# expected failures (each with its reason).
_UFUNC = {
    "arccos":      dict(domain=(-1, 1)),
    "arcsin":      dict(domain=(-1, 1)),
    "arctanh":     dict(domain=(-0.9, 0.9)),
    "arccosh":     dict(domain=(1.1, 5)),
    "log":         dict(domain=(0.1, 5)),
    "log2":        dict(domain=(0.1, 5)),
    "log10":       dict(domain=(0.1, 5)),
    "log1p":       dict(domain=(-0.9, 5)),
    "sqrt":        dict(domain=(0.1, 5)),
    "cbrt":        dict(domain=(0.1, 5)),
    "reciprocal":  dict(domain=(1, 5)),
    "power":       dict(domain=(0.5, 3), approx=_POWER_TOL),
    "float_power": dict(domain=(0.5, 3), approx=_POWER_TOL),
    "left_shift":  dict(domain=(0, 5)),
    "right_shift": dict(domain=(0, 5)),
}


def _ufunc_entry(name):
    kwargs = dict(_UFUNC.get(name, {}))
    kwargs.setdefault("supports_grad", name in _GRAD)
    return UfuncInfo(name, exact=name in EXACT, exact_complex=name in EXACT_COMPLEX, **kwargs)


def _exponents(dtype):
    """ldexp's exponents: the edge values of ``dtype``, and for integers exponents past the
    float ranges."""
    e = edge_values(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        extra = [0, 1, -1, 5, -5, 60, -60, 130, -150, 1100, -1100, 2000, -2100]
        e = np.concatenate([e, np.array([v for v in extra if info.min <= v <= info.max], dtype)])
    return e


def samples_ldexp(make, dtype):
    if dtype.kind == "f":
        yield SampleInput(make((2, 3), dtype), make((2, 3), np.int32, low=-3, high=3))
        yield SampleInput(make((3,), dtype), 2)
        yield SampleInput(make((), dtype), np.array(-1, np.int64))
    else:               # NumPy decides: a float loop through a cast, or TypeError
        yield SampleInput(make((2, 3), dtype), make((2, 3), np.int64, low=-3, high=3))
    x = edge_values(dtype)
    for ecode in ALL:             # every value against every exponent, of every dtype
        e = _exponents(ecode)
        yield SampleInput(np.repeat(x, len(e)), np.tile(e, len(x))).tagged("edge")
    yield SampleInput(x, 3).tagged("edge")
    if dtype.kind == "f":         # rounding once into the subnormals
        lo = {"e": -24, "f": -149, "d": -1074}[dtype.char]
        xs = np.array([1.5, 1.75, 1.25, 3.0, 0.75, 1.0], dtype=dtype)
        es = np.array([lo, lo, lo - 1, lo - 1, lo, lo - 2], dtype=np.int64)
        yield SampleInput(xs, es).tagged("edge")
        yield SampleInput(np.array([5e-324, 2.2250738585072014e-308], dtype),
                          np.array([2000, -53], np.int32)).tagged("edge")


def _ldexp_dtypes():
    """The dtypes of x for which NumPy's ldexp(x, int) has a loop (through a cast or not)."""
    ok = []
    for d in ALL:
        try:
            np.ldexp(np.ones(2, d), np.ones(2, np.int64))
        except TypeError:
            continue
        ok.append(d)
    return tuple(ok)


def errors_ldexp(make):
    for d in ALL:
        if d not in _ldexp_dtypes():
            yield ErrorInput(SampleInput(make((3,), d), make((3,), np.int32)), TypeError)
    yield ErrorInput(SampleInput(make((3,), np.float64), make((3,), np.float64)), TypeError)


def _operand(shape, dtype, seed):
    """A gufunc operand: full-range integers (products wrap), logical bools, normal floats."""
    rng = np.random.default_rng(seed)
    if dtype.kind == "b":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, shape, dtype=dtype, endpoint=True)
    x = rng.standard_normal(shape)
    if dtype.kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


GUFUNC_SHAPES = {
    "matmul": [((3,), (3,)), ((2, 3), (3, 4)), ((5, 2, 3), (3, 4)), ((3,), (3, 4)),
               ((2, 3), (3,)), ((5, 2, 3), (5, 3, 4)), ((1, 2, 3), (4, 3, 2)), ((3,), (5, 3, 2)),
               ((5, 2, 3), (3,)), ((2, 0), (0, 3)), ((0, 3), (3, 2))],
    "vecdot": [((3,), (3,)), ((5, 3), (3,)), ((5, 3), (5, 3)), ((4, 1, 3), (5, 3)), ((0,), (0,))],
    "matvec": [((2, 3), (3,)), ((5, 2, 3), (3,)), ((2, 3), (5, 3)), ((4, 1, 2, 3), (5, 3))],
    "vecmat": [((3,), (3, 2)), ((5, 3), (3, 2)), ((3,), (5, 3, 2)), ((4, 1, 3), (5, 3, 2))],
}
# every pair of edge values meets in a product of two terms, which no summation order changes
_EDGE_PAIRS = {"matmul": lambda x, y: (x[:, None, :], y[None, :, :].swapaxes(-1, -2)),
               "vecdot": lambda x, y: (x[:, None, :], y[None, :, :]),
               "matvec": lambda x, y: (x[:, None, :], y),
               "vecmat": lambda x, y: (x, y[:, :, None])}
# shapes on which NumPy raises ValueError: the message must be NumPy's, word for word
GUFUNC_ERRORS = {
    "matmul": [((), (3,)), ((3,), ()), ((), ()), ((3,), (2,)), ((2, 3), (2,)), ((3,), (2, 4)),
               ((2, 3), (2, 4)), ((5, 2, 3), (4, 3, 4))],
    "vecdot": [((3,), (2,)), ((), (2,)), ((5, 3), (4, 3))],
    "matvec": [((3,), (3,)), ((2, 3), (2,)), ((2, 3), ())],
    "vecmat": [((3,), (2, 3)), ((3,), (3,))],
}


def _gufunc_samples(name, random_samples):
    def samples(make, dtype):
        yield from random_samples(make, dtype)
        for i, (s1, s2) in enumerate(GUFUNC_SHAPES[name]):
            yield SampleInput(_operand(s1, dtype, 2 * i), _operand(s2, dtype, 2 * i + 1)).tagged(
                "edge")
        s1, s2 = GUFUNC_SHAPES[name][1]
        for other in (np.dtype("d"), np.dtype("l"), np.dtype("?"), np.dtype("F")):
            yield SampleInput(_operand(s1, dtype, 0), _operand(s2, other, 1)).tagged("edge")
            yield SampleInput(_operand(s1, other, 0), _operand(s2, dtype, 1)).tagged("edge")
        e = edge_values(dtype)
        e = e[: len(e) // 2 * 2].reshape(-1, 2)
        yield SampleInput(*_EDGE_PAIRS[name](e, e)).tagged("edge")
        long_ = _operand((2, 300), dtype, 7)        # long sums: bool is a logical or, ints wrap
        yield SampleInput(*_EDGE_PAIRS[name](long_, long_)).tagged("edge")
    return samples


def _gufunc_errors(name):
    return [ErrorInput(SampleInput(np.ones(s1), np.ones(s2)), ValueError, exact_message=True)
            for s1, s2 in GUFUNC_ERRORS[name]]


def samples_matmul(make, dtype):
    yield SampleInput(make((2, 3), dtype), make((3, 4), dtype))
    yield SampleInput(make((3,), dtype), make((3, 2), dtype))
    yield SampleInput(make((2, 3), dtype), make((3,), dtype))
    yield SampleInput(make((3,), dtype), make((3,), dtype))
    yield SampleInput(make((2, 2, 3), dtype), make((3, 2), dtype))
    yield SampleInput(make((2, 3), dtype), make((2, 3), dtype))           # ValueError in NumPy


def samples_vecdot(make, dtype):
    yield SampleInput(make((2, 3), dtype), make((2, 3), dtype))
    yield SampleInput(make((3,), dtype), make((4, 3), dtype))
    yield SampleInput(make((2, 3), dtype), make((3, 2), dtype), axis=0)


def samples_matvec(make, dtype):
    yield SampleInput(make((2, 3), dtype), make((3,), dtype))
    yield SampleInput(make((4, 2, 3), dtype), make((4, 3), dtype))


def samples_vecmat(make, dtype):
    yield SampleInput(make((3,), dtype), make((3, 2), dtype))
    yield SampleInput(make((4, 3), dtype), make((4, 3, 2), dtype))


# matmul & co. sum products: ten times the elementwise tolerances (results by result dtype)
_GUFUNC_TOL = {"e": (2e-2, 2e-2), "f": (3e-5, 3e-5), "d": (1e-11, 1e-11), "F": (1e-4, 1e-4),
               "D": (1e-11, 1e-11)}


def _gufunc_entry(name, random_samples):
    return UfuncInfo(name, dtypes=ALL, samples=_gufunc_samples(name, random_samples),
                     errors=_gufunc_errors(name), approx=_GUFUNC_TOL, supports_grad=True)


def samples_unary_float(make, dtype):
    yield SampleInput(make((2, 3), dtype))
    yield SampleInput(make((), dtype))


def samples_clip(make, dtype):
    x = make((2, 5), dtype)
    yield SampleInput(x, 1, 4)
    yield SampleInput(x, None, 2)
    yield SampleInput(x, make((5,), dtype), 5)


def samples_round(make, dtype):
    yield SampleInput(make((2, 5), dtype))
    yield SampleInput(make((2, 5), dtype), 1)
    yield SampleInput(make((2, 5), dtype), -1)


def samples_cumulative(make, dtype):
    yield SampleInput(make((3, 4), dtype))
    yield SampleInput(make((3, 4), dtype), axis=0)
    yield SampleInput(make((2, 3, 4), dtype), axis=-1)
    yield SampleInput(make((0, 3), dtype), axis=1)


def samples_cross(make, dtype):
    yield SampleInput(make((4, 3), dtype), make((4, 3), dtype))
    yield SampleInput(make((3,), dtype), make((2, 3), dtype))


# float16 accumulations: torch accumulates in float32, NumPy pairwise in float16
_F16_ACC = {"float16": (1e-2, 1e-2)}

op_db_math = [_ufunc_entry(name) for name in UFUNC_NAMES] + [
    UfuncInfo("ldexp", dtypes=_ldexp_dtypes(), samples=samples_ldexp, errors=errors_ldexp,
              exact=True),
    _gufunc_entry("matmul", samples_matmul),
    _gufunc_entry("vecdot", samples_vecdot),
    _gufunc_entry("matvec", samples_matvec),
    _gufunc_entry("vecmat", samples_vecmat),
    OpInfo("clip", dtypes=NUMERIC, samples=samples_clip, method="clip", supports_out=True),
    OpInfo("round", dtypes=NUMERIC, samples=samples_round, method="round", supports_out=True),
    OpInfo("around", dtypes=NUMERIC, samples=samples_round, supports_out=True),
    OpInfo("cumsum", dtypes=ALL, samples=samples_cumulative, tol=_F16_ACC, method="cumsum", supports_out=True,
           supports_grad=True),
    OpInfo("cumprod", dtypes=ALL, samples=samples_cumulative, tol=_F16_ACC, method="cumprod", supports_out=True),
    OpInfo("cross", dtypes=NUMERIC, samples=samples_cross),
    OpInfo("real", dtypes=ALL, samples=samples_unary_float),
    OpInfo("imag", dtypes=ALL, samples=samples_unary_float),
    OpInfo("angle", dtypes=NUMERIC, samples=samples_unary_float),
    OpInfo("i0", dtypes=FLOATING, samples=samples_unary_float),
]


op_db_math += [
    OpInfo("nancumsum", dtypes=INEXACT, samples=samples_cumulative, tol=_F16_ACC, supports_out=True),
    OpInfo("nancumprod", dtypes=INEXACT, samples=samples_cumulative, tol=_F16_ACC, supports_out=True),
]


def samples_type_check(make, dtype):
    yield SampleInput(make((2, 3), dtype))
    yield SampleInput(make((), dtype))
    if dtype.kind == "c":
        yield SampleInput(make((3,), dtype).real.astype(dtype))


op_db_math += [
    OpInfo("iscomplex", dtypes=ALL, samples=samples_type_check),
    OpInfo("isreal", dtypes=ALL, samples=samples_type_check),
    OpInfo("real_if_close", dtypes=ALL, samples=samples_type_check),
]
