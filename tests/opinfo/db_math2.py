"""Database: closeness and equality (isclose, allclose, array_equal, array_equiv, isposinf,
isneginf), differences and sums along an axis (diff, ediff1d, gradient, trapezoid,
cumulative_sum, cumulative_prod), convolution, interpolation and the other numpy/lib math
functions (convolve, correlate, interp, sinc, nan_to_num, unwrap, fix, sort_complex, einsum_path).
"""
import numpy as np

from opinfo.core import ALL, BOOL, COMPLEX, FLOATING, INTEGER, NUMERIC, ErrorInput, OpInfo, \
    SampleInput

REAL = BOOL + INTEGER + FLOATING


# ----- closeness and equality ---------------------------------------------------------------------

def _near(make, dtype, shape):
    """Two arrays of ``dtype``, equal in places, with NaNs and infinities where the dtype has them."""
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
