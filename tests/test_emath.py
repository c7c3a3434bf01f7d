"""``torchnp.emath`` against ``numpy.emath``: real input outside the domain gives complex output,
with NumPy's choice of complex64 or complex128, on Python scalars, NumPy scalars, 0-d and N-d
arrays, signed zeros, infinities and NaNs (the operator database sweeps the dtypes)."""
import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

UNARY = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]

INPUTS = [
    -1, 4, -4.0, 0.5, 2.5, -0.0, 0.0, True, 1j, complex(-4, -0.0), complex(-4, 0.0),
    [-1, 4], [0.25, 0.5], [[-2.0, 3.0], [0.0, -0.5]], float("inf"), -float("inf"), float("nan"),
    [float("nan"), -1.0], numpy.float32(-4), numpy.float16(-0.5), numpy.int8(-2),
    numpy.uint16(3), numpy.complex64(-1), numpy.array(-4, numpy.float16),
    numpy.array([1.5, -3], numpy.float32), numpy.array([-1, 2], numpy.int16),
    numpy.array([3, 9], numpy.uint8), numpy.array([-1, 2], numpy.int32),
    numpy.array([], numpy.float64), numpy.array([True, False]),
]


def _mirror(x):
    return torchnp.asarray(x) if isinstance(x, numpy.ndarray) else x


@pytest.mark.parametrize("x", INPUTS, ids=repr)
@pytest.mark.parametrize("name", UNARY)
def test_unary_matches_numpy(name, x):
    with numpy.errstate(all="ignore"):
        expected = getattr(numpy.emath, name)(x)
    assert_matches_numpy(getattr(torchnp.emath, name)(_mirror(x)), expected, rtol=1e-6, atol=1e-7)


BINARY = [(2, -8), (-2, 8), (10, [100, -1000]), ([2, 3], [8.0, -9.0]), (numpy.float32(2), -4),
          (0.5, 0.25), (numpy.array([2, 4], numpy.int8), numpy.array([-8, 16], numpy.int8))]


@pytest.mark.parametrize("n, x", BINARY, ids=repr)
def test_logn(n, x):
    with numpy.errstate(all="ignore"):
        expected = numpy.emath.logn(n, x)
    assert_matches_numpy(torchnp.emath.logn(_mirror(n), _mirror(x)), expected, rtol=1e-6)


POWER = [(-8, 1 / 3), ([2, 4], -2), ([2, 4], 2), (-2, -2), (4, 0.5), (numpy.uint8(3), -1),
         (numpy.array([-2, 3], numpy.int16), 2), (numpy.array([2.0, 3.0], numpy.float32), -1),
         (numpy.array([1, 2]), numpy.array([-1, 2])), (-1.0, 0.5), (0, -1.0)]


@pytest.mark.parametrize("x, p", POWER, ids=repr)
def test_power(x, p):
    with numpy.errstate(all="ignore"):
        expected = numpy.emath.power(x, p)
    assert_matches_numpy(torchnp.emath.power(_mirror(x), _mirror(p)), expected, rtol=1e-6)


@pytest.mark.parametrize("name", UNARY)
def test_out_of_scope_dtypes_raise_type_error(name):
    with pytest.raises(TypeError, match="does not support"):
        getattr(torchnp.emath, name)(numpy.array(["a"]))


@pytest.mark.parametrize("name", UNARY)
def test_bad_input_raises_numpy_s_class(name):
    raises_like_numpy(lambda: getattr(numpy.emath, name)([[1], [1, 2]]),
                      lambda: getattr(torchnp.emath, name)([[1], [1, 2]]))


def test_one_host_read_decides_both_operands():
    a = torchnp.asarray([-8.0, 8.0])
    assert torchnp.emath.logn(2, a).dtype == numpy.complex128
    assert torchnp.emath.power(a, 2).dtype == numpy.complex128
    assert torchnp.emath.power(torchnp.asarray([2.0]), torchnp.asarray([-1])).dtype == \
        numpy.float64


def test_operands_on_different_devices_raise_value_error():
    a = torchnp.asarray([2.0])
    b = torchnp.asarray(torch.tensor([2.0], device="meta"))
    with pytest.raises(ValueError, match="device"):
        torchnp.emath.logn(a, b)


def test_gradient_through_the_complex_branch():
    x = torchnp.asarray([-4.0, 9.0], requires_grad=True)
    y = torchnp.emath.sqrt(x)
    assert y.dtype == numpy.complex128
    torchnp.abs(y).sum().backward()
    # |sqrt(x)| = sqrt(|x|): d/dx = sign(x) / (2 sqrt(|x|))
    numpy.testing.assert_allclose(x.grad.tensor.numpy(), [-0.25, 1 / 6])
