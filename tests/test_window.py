"""Window functions and i0: edge cases against NumPy (the database covers the ordinary calls)."""
import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

WINDOWS = ["bartlett", "blackman", "hamming", "hanning"]
LENGTHS = [0, -3, 1, 2, 3, 6, 51, 5.5, 2.5, 0.5, 1.0, 1.5, True, False, numpy.float32(4),
           numpy.int8(3), numpy.uint64(3), numpy.float16(5), numpy.array(4), 3 + 0j, 3 + 1j,
           1 + 0j, 2**40 + 0.5j]


@pytest.mark.parametrize("name", WINDOWS)
@pytest.mark.parametrize("M", LENGTHS, ids=repr)
def test_window_matches_numpy(name, M):
    expected = getattr(numpy, name)(M)
    actual = getattr(torchnp, name)(torchnp.asarray(M) if isinstance(M, numpy.ndarray) else M)
    assert_matches_numpy(actual, expected, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("name", WINDOWS + ["kaiser"])
@pytest.mark.parametrize("M", [None, "3", object(), [4], numpy.array([3, 4]), float("nan"),
                               float("inf"), 1e300, [[1]]],
                         ids=lambda m: "object" if type(m) is object else repr(m))
def test_window_bad_length(name, M):
    args = (M, 2.0) if name == "kaiser" else (M,)
    raises_like_numpy(lambda: getattr(numpy, name)(*args),
                      lambda: getattr(torchnp, name)(*args))


@pytest.mark.parametrize("M, beta", [(5, 3), (0, 1), (-2, 1), (1, 1), (1, 1j), (2, 0), (0.5, 2),
                                     (3, float("nan")), (3, float("inf")), (True, 2), (3.5, 2.0),
                                     (4, -3), (64, 14), (1 + 0j, 2), (7, numpy.float32(5)),
                                     (numpy.array(6), numpy.array(8.6))], ids=repr)
def test_kaiser_matches_numpy(M, beta):
    with numpy.errstate(all="ignore"):
        expected = numpy.kaiser(M, beta)
    args = [torchnp.asarray(v) if isinstance(v, numpy.ndarray) else v for v in (M, beta)]
    assert_matches_numpy(torchnp.kaiser(*args), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("M, beta", [(5, 2j), (3 + 0j, 2), (5, "1"), (5, None), (5, [1.0])],
                         ids=repr)
def test_kaiser_errors(M, beta):
    raises_like_numpy(lambda: numpy.kaiser(M, beta), lambda: torchnp.kaiser(M, beta))


@pytest.mark.parametrize("name", WINDOWS + ["kaiser"])
def test_windows_are_float64_whatever_the_default_float(name):
    args = (8, 4.0) if name == "kaiser" else (8,)
    with torchnp.default_float("float32"):
        actual = getattr(torchnp, name)(*args)
    assert_matches_numpy(actual, getattr(numpy, name)(*args), rtol=1e-12, atol=1e-15)


# ----- i0 ----------------------------------------------------------------------------------------
_EDGES = [0.0, -0.0, 0.5, 1.0, 3.0, 7.9, 8.0, 8.1, 20.0, 85.0, 88.0, 700.0, 709.0, 710.0, -3.0,
          -20.0, 1e-5, 1e10, numpy.inf, -numpy.inf, numpy.nan]
# (rtol) float16 and float32: NumPy sums its Chebyshev series in the input dtype, torch in its own
# order; a unit or two in the last place
_I0_TOL = {"float16": 2e-3, "float32": 1e-6, "float64": 1e-14}


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_i0_edge_values(dtype):
    with numpy.errstate(all="ignore"):
        x = numpy.array(_EDGES, dtype=dtype)
        expected = numpy.i0(x)
    assert_matches_numpy(torchnp.i0(torchnp.asarray(x)), expected, rtol=_I0_TOL[dtype])


@pytest.mark.parametrize("x", [numpy.array([0, 1, -3, 20], numpy.int8),
                               numpy.array([0, 7, 2**40], numpy.uint64),
                               numpy.array([True, False]), numpy.array(0.5), numpy.float32(2.5),
                               2, 1.5, True, [1, 2.5], numpy.zeros((2, 0), numpy.float32)],
                         ids=repr)
def test_i0_dtypes_and_shapes(x):
    arg = torchnp.asarray(x) if isinstance(x, numpy.ndarray) else x
    with numpy.errstate(all="ignore"):
        expected = numpy.i0(x)
    assert_matches_numpy(torchnp.i0(arg), expected, rtol=_I0_TOL[expected.dtype.name])


@pytest.mark.parametrize("x", [1j, numpy.array([1 + 1j], numpy.complex64), [1.0, 2j]], ids=repr)
def test_i0_complex_is_a_type_error(x):
    raises_like_numpy(lambda: numpy.i0(x), lambda: torchnp.i0(x))
    with pytest.raises(TypeError, match="^i0 not supported for complex values$"):
        torchnp.i0(x)


def test_i0_of_none_is_out_of_scope():
    # NumPy casts its object array [None] to float (nan); objects are out of scope here
    assert numpy.isnan(numpy.i0(None))
    with pytest.raises(TypeError, match="object"):
        torchnp.i0(None)


def test_i0_gradient():
    t = torch.tensor([-3.0, -0.5, 0.0, 0.7, 9.0], dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda t: torchnp.i0(torchnp.asarray(t)).tensor, (t,))
