"""Database: closeness and equality (isclose, allclose, array_equal, array_equiv, isposinf,
isneginf), differences and sums along an axis (diff, ediff1d, gradient, trapezoid,
cumulative_sum, cumulative_prod), convolution, interpolation and the other numpy/lib math
functions (convolve, correlate, interp, sinc, nan_to_num, unwrap, fix, sort_complex, einsum_path).
"""
import numpy as np

from opinfo.core import ALL, BOOL, COMPLEX, FLOATING, INTEGER, NUMERIC, ErrorInput, OpInfo, \
    SampleInput, edge_values

REAL = BOOL + INTEGER + FLOATING


# ----- closeness and equality ---------------------------------------------------------------------

def _near(make, dtype, shape):
    """Two arrays of ``dtype``, equal in places, with NaNs and infinities where it has them."""
    a = make(shape, dtype, low=-3, high=3)
    b = a.copy()
    b.flat[::3] = make((b.flat[::3].size,), dtype, low=-3, high=3)
    if dtype.kind in "fc":
        a.flat[1], b.flat[1] = np.nan, np.nan
        a.flat[2], b.flat[2] = np.inf, np.inf
        b.flat[4] = -np.inf
    return a, b


def samples_isclose(make, dtype):
    a, b = _near(make, dtype, (3, 4))
    yield SampleInput(a, b)
    yield SampleInput(a, b, equal_nan=True)
    yield SampleInput(a, b[0], rtol=0.5, atol=1)
    yield SampleInput(a, 2)
    yield SampleInput(a, 2.5, atol=np.array([[0.0], [1.0], [2.0]]))
    yield SampleInput(b[0, 0], a)
    yield SampleInput(a, make((3,), dtype))                  # ValueError: broadcast


def samples_equal(make, dtype):
    a, b = _near(make, dtype, (3, 4))
    yield SampleInput(a, b)
    yield SampleInput(a, a.copy(), equal_nan=True)
    yield SampleInput(a, b, equal_nan=True)
    yield SampleInput(a, a[0])
    yield SampleInput(a[:1], np.broadcast_to(a[:1], (2, 4)).copy())
    yield SampleInput(a, make((3,), dtype))


def samples_equiv(make, dtype):
    for s in samples_equal(make, dtype):
        s.kwargs.pop("equal_nan", None)
        yield s


def samples_inf(make, dtype):
    a = make((3, 4), dtype)
    if dtype.kind == "f":
        a.flat[:4] = [np.inf, -np.inf, np.nan, -0.0]
    yield SampleInput(a)
    yield SampleInput(np.array(a[0, 0]))


_COMPLEX_INF = [ErrorInput(SampleInput(np.array([1j, np.inf])), TypeError, exact_message=True)]

op_db_math2 = [
    OpInfo("isclose", dtypes=ALL, samples=samples_isclose),
    OpInfo("allclose", dtypes=ALL, samples=samples_isclose,
           supports_compile=False),          # a Python bool: read off the device
    OpInfo("array_equal", dtypes=ALL, samples=samples_equal, supports_compile=False),
    OpInfo("array_equiv", dtypes=ALL, samples=samples_equiv, supports_compile=False),
    OpInfo("isposinf", dtypes=REAL, samples=samples_inf, supports_out=True, errors=_COMPLEX_INF),
    OpInfo("isneginf", dtypes=REAL, samples=samples_inf, supports_out=True, errors=_COMPLEX_INF),
]


# ----- differences, gradients, integrals, cumulative sums -----------------------------------------

def samples_diff(make, dtype):
    yield SampleInput(make((3, 5), dtype))
    yield SampleInput(make((3, 5), dtype), n=2, axis=0)
    yield SampleInput(make((6,), dtype), prepend=np.asarray(make((), dtype)),
                      append=make((2,), dtype))
    yield SampleInput(make((4,), dtype), n=0)
    yield SampleInput(make((5,), dtype), prepend=0)
    yield SampleInput(make((), dtype))                                   # ValueError: 0-d


def samples_ediff1d(make, dtype):
    yield SampleInput(make((2, 3), dtype))
    yield SampleInput(make((5,), dtype), to_begin=make((2,), dtype),
                      to_end=np.asarray(make((), dtype)))
    yield SampleInput(make((0,), dtype), to_end=make((1,), dtype))
    yield SampleInput(make((2, 3), dtype), to_begin=0, to_end=[7, 8])


def samples_gradient(make, dtype):
    yield SampleInput(make((6,), dtype))
    yield SampleInput(make((3, 4), dtype), 2.0, edge_order=2)
    yield SampleInput(make((3, 4), dtype), np.array([0.0, 1.0, 3.0]), 0.5)
    yield SampleInput(make((3, 4), dtype), np.array([0.0, 1.5, 2.0, 4.0]), axis=-1, edge_order=2)


def samples_trapezoid(make, dtype):
    yield SampleInput(make((3, 4), dtype))
    yield SampleInput(make((3, 4), dtype), x=np.array([0.0, 1.0, 3.0]), axis=0)
    yield SampleInput(make((3, 4), dtype), x=make((3, 4), "float64"))
    yield SampleInput(make((5,), dtype), dx=0.5)


def samples_cumulative(make, dtype):
    yield SampleInput(make((5,), dtype, low=-3, high=3))
    yield SampleInput(make((3, 4), dtype, low=-3, high=3), axis=1, include_initial=True)
    yield SampleInput(make((3, 4), dtype, low=-3, high=3), axis=0, dtype="float64")
    yield SampleInput(make((0, 2), dtype), axis=0, include_initial=True)
    yield SampleInput(make((3, 4), dtype))                               # ValueError: no axis


op_db_math2 += [
    OpInfo("diff", dtypes=ALL, samples=samples_diff, supports_grad=True),
    OpInfo("ediff1d", dtypes=NUMERIC, samples=samples_ediff1d),
    OpInfo("gradient", dtypes=NUMERIC, samples=samples_gradient, supports_grad=True),
    OpInfo("trapezoid", dtypes=NUMERIC, samples=samples_trapezoid, supports_grad=True),
    OpInfo("cumulative_sum", dtypes=ALL, samples=samples_cumulative, supports_grad=True,
           supports_out=True),
    OpInfo("cumulative_prod", dtypes=ALL, samples=samples_cumulative, supports_grad=True,
           supports_out=True),
]


# ----- convolution, interpolation, the rest -------------------------------------------------------

def samples_convolve(make, dtype):
    yield SampleInput(make((7,), dtype), make((3,), dtype))
    yield SampleInput(make((3,), dtype), make((6,), dtype), "same")
    yield SampleInput(make((6,), dtype), make((4,), dtype), mode="same")
    yield SampleInput(make((3,), dtype), make((5,), dtype), mode="valid")
    yield SampleInput(make((5,), dtype), make((1,), dtype), mode="full")
    yield SampleInput(make((0,), dtype), make((2,), dtype))              # ValueError: empty


def samples_interp(make, dtype):
    xp = np.array([-2.0, -0.5, 0.0, 1.5, 3.0])
    yield SampleInput(make((7,), "float64", low=-4, high=4), xp, make((5,), dtype))
    yield SampleInput(make((2, 3), "float64", low=-4, high=4), xp, make((5,), dtype),
                      left=-9, right=9)
    yield SampleInput(make((6,), "float64", low=-10, high=10), xp + 0.25, make((5,), dtype),
                      period=4)        # (no sample point at a multiple of the period: mod jumps)
    if dtype.kind != "c":                # x and xp of the dtype (complex ones: an error input)
        typed = np.array([0, 1, 2, 4, 7], dtype) if dtype.kind != "b" else xp
        yield SampleInput(make((7,), dtype, low=-1, high=8), typed,
                          np.array([1.0, 3.0, -2.0, 0.5, 4]))
        yield SampleInput(make((), dtype, low=-4, high=4), xp, np.array([1.0, 3j, -2.0, 0.5, 4]))


def samples_unary(make, dtype):
    yield SampleInput(make((3, 4), dtype, low=-3, high=3))
    yield SampleInput(make((), dtype, low=-3, high=3))
    yield SampleInput(make((0,), dtype))


def samples_sinc(make, dtype):
    yield from samples_unary(make, dtype)
    yield SampleInput(np.array([0, 1, 2, 3], dtype=dtype))


def samples_nan_to_num(make, dtype):
    a = make((3, 4), dtype)
    if dtype.kind in "fc":
        a.flat[:4] = [np.nan, np.inf, -np.inf, 1.0]
        if dtype.kind == "c":
            a.flat[4:7] = [complex(np.nan, np.inf), complex(1, -np.inf), complex(-np.inf, np.nan)]
    yield SampleInput(a)
    yield SampleInput(a, nan=-1.0, posinf=100, neginf=-100)
    yield SampleInput(np.array(a.flat[0]))
    yield SampleInput(edge_values(dtype), nan=1.5, posinf=9.0)


def samples_unwrap(make, dtype):
    yield SampleInput(make((8,), dtype, low=-9, high=9))
    yield SampleInput(make((3, 5), dtype, low=-9, high=9), axis=0, discont=4)
    yield SampleInput(make((6,), dtype, low=-9, high=9), period=4)
    yield SampleInput(make((6,), dtype, low=-9, high=9), period=5.5, discont=1)


op_db_math2 += [
    OpInfo("convolve", dtypes=ALL, samples=samples_convolve, supports_grad=True),
    OpInfo("correlate", dtypes=ALL, samples=samples_convolve, supports_grad=True),
    OpInfo("interp", dtypes=REAL + COMPLEX, samples=samples_interp, supports_grad=True,
           errors=[ErrorInput(SampleInput(np.array([1j]), [0.0, 1.0], [2.0, 3.0]), TypeError)]),
    OpInfo("sinc", dtypes=ALL, samples=samples_sinc, supports_grad=True,
           tol={"float16": (2e-3, 2e-3), "float32": (2e-6, 1e-6), "complex64": (2e-6, 1e-6)}),
    OpInfo("nan_to_num", dtypes=ALL, samples=samples_nan_to_num),
    OpInfo("unwrap", dtypes=REAL, samples=samples_unwrap,
           tol={"float16": (2e-3, 2e-2), "float32": (1e-5, 1e-5)}),
    OpInfo("fix", dtypes=REAL, samples=samples_unary, supports_out=True,
           errors=[ErrorInput(SampleInput(np.array([1j])), TypeError)]),
]


# ----- sort_complex, einsum_path ------------------------------------------------------------------

def samples_sort_complex(make, dtype):
    yield SampleInput(make((7,), dtype))
    yield SampleInput(make((3, 4), dtype, low=-2, high=2))
    yield SampleInput(make((), dtype))                                   # AxisError: 0-d


op_db_math2 += [
    OpInfo("sort_complex", dtypes=ALL, samples=samples_sort_complex),
]


def samples_einsum_path(make, dtype):
    yield SampleInput("ij,jk->ik", make((2, 3), dtype), make((3, 4), dtype))
    yield SampleInput("ij,jk,kl->il", make((2, 3), dtype), make((3, 4), dtype),
                      make((4, 5), dtype), optimize="optimal")
    yield SampleInput(make((2, 3), dtype), [0, 1], make((3, 4), dtype), [1, 2], [0, 2])
    yield SampleInput("...i,i", make((5, 2, 3), dtype), make((3,), dtype), optimize=False)
    yield SampleInput("ij,jk", make((2, 3), dtype), make((4, 4), dtype))    # ValueError: sizes


op_db_math2 += [
    # NumPy plans the path (shapes only): a Python list and report, not traced by torch.compile
    OpInfo("einsum_path", dtypes=ALL, samples=samples_einsum_path, supports_compile=False),
]
