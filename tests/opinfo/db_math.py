"""Database: mathematical functions — the ufuncs (generated from NumPy's own list) and friends."""
import numpy as np

from opinfo.core import (ALL, FLOATING, INEXACT, NUMERIC, OpInfo, SampleInput, UfuncInfo, XFail)

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
    "power":       dict(domain=(0.5, 3)),
    "float_power": dict(domain=(0.5, 3)),
    "left_shift":  dict(domain=(0, 5)),
    "right_shift": dict(domain=(0, 5)),
}


def _ufunc_entry(name):
    kwargs = dict(_UFUNC.get(name, {}))
    kwargs.setdefault("supports_grad", name in _GRAD)
    return UfuncInfo(name, **kwargs)


def samples_ldexp(make, dtype):
    yield SampleInput(make((2, 3), dtype), make((2, 3), np.int32, low=-3, high=3))
    yield SampleInput(make((3,), dtype), 2)
    yield SampleInput(make((), dtype), np.array(-1, np.int64))


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


def samples_diff(make, dtype):
    yield SampleInput(make((3, 4), dtype))
    yield SampleInput(make((3, 4), dtype), n=2, axis=0)
    yield SampleInput(make((5,), dtype), prepend=0)


def samples_binary_vectors(make, dtype):
    yield SampleInput(make((5,), dtype), make((3,), dtype))
    yield SampleInput(make((4,), dtype), make((4,), dtype))


def samples_cross(make, dtype):
    yield SampleInput(make((4, 3), dtype), make((4, 3), dtype))
    yield SampleInput(make((3,), dtype), make((2, 3), dtype))


def samples_nan_to_num(make, dtype):
    from opinfo.core import edge_values
    yield SampleInput(edge_values(dtype))
    yield SampleInput(make((2, 3), dtype), nan=1.5, posinf=9.0)


# float16 accumulations: torch accumulates in float32, NumPy pairwise in float16
_F16_ACC = {"float16": (1e-2, 1e-2)}

op_db_math = [_ufunc_entry(name) for name in UFUNC_NAMES] + [
    UfuncInfo("ldexp", dtypes=FLOATING, samples=samples_ldexp),
    UfuncInfo("matmul", dtypes=ALL, samples=samples_matmul, supports_grad=True),
    UfuncInfo("vecdot", dtypes=ALL, samples=samples_vecdot, supports_grad=True),
    UfuncInfo("matvec", dtypes=ALL, samples=samples_matvec, supports_grad=True),
    UfuncInfo("vecmat", dtypes=ALL, samples=samples_vecmat, supports_grad=True),
    OpInfo("clip", dtypes=NUMERIC, samples=samples_clip, method="clip", supports_out=True),
    OpInfo("round", dtypes=NUMERIC, samples=samples_round, method="round", supports_out=True),
    OpInfo("around", dtypes=NUMERIC, samples=samples_round, supports_out=True),
    OpInfo("cumsum", dtypes=ALL, samples=samples_cumulative, tol=_F16_ACC, method="cumsum", supports_out=True,
           supports_grad=True),
    OpInfo("cumprod", dtypes=ALL, samples=samples_cumulative, tol=_F16_ACC, method="cumprod", supports_out=True),
    OpInfo("diff", dtypes=NUMERIC, samples=samples_diff, supports_grad=True),
    OpInfo("convolve", dtypes=NUMERIC, samples=samples_binary_vectors),
    OpInfo("correlate", dtypes=NUMERIC, samples=samples_binary_vectors),
    OpInfo("cross", dtypes=NUMERIC, samples=samples_cross),
    OpInfo("nan_to_num", dtypes=INEXACT, samples=samples_nan_to_num),
    OpInfo("real", dtypes=ALL, samples=samples_unary_float),
    OpInfo("imag", dtypes=ALL, samples=samples_unary_float),
    OpInfo("angle", dtypes=NUMERIC, samples=samples_unary_float),
    OpInfo("sinc", dtypes=INEXACT, samples=samples_unary_float),
    OpInfo("i0", dtypes=FLOATING, samples=samples_unary_float),
    OpInfo("fix", dtypes=FLOATING, samples=samples_unary_float, supports_out=True),
]


op_db_math += [
    OpInfo("nancumsum", dtypes=INEXACT, samples=samples_cumulative, tol=_F16_ACC, supports_out=True),
    OpInfo("nancumprod", dtypes=INEXACT, samples=samples_cumulative, tol=_F16_ACC, supports_out=True),
    OpInfo("cumulative_sum", dtypes=ALL,
           samples=lambda make, dt: iter([SampleInput(make((5,), dt)),
                                          SampleInput(make((3, 4), dt), axis=1, include_initial=True)])),
    OpInfo("cumulative_prod", dtypes=ALL,
           samples=lambda make, dt: iter([SampleInput(make((5,), dt)),
                                          SampleInput(make((3, 4), dt), axis=0)])),
    OpInfo("ediff1d", dtypes=NUMERIC,
           samples=lambda make, dt: iter([SampleInput(make((5,), dt)),
                                          SampleInput(make((2, 3), dt), to_begin=0, to_end=[7, 8]),
                                          SampleInput(make((0,), dt))])),
    OpInfo("trapezoid", dtypes=INEXACT,
           samples=lambda make, dt: iter([SampleInput(make((5,), dt)),
                                          SampleInput(make((3, 4), dt), dx=0.5, axis=0)])),
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
