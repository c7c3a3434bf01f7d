"""numpy/lib's math and logic functions (isclose & co., diff, gradient, convolve, interp, ...):
edge cases against NumPy. Each case is an expression run twice, with ``np`` bound to NumPy and
to torchnp: the same value, dtype, shape and kind of result, or the same exception class."""
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, public_exception_class, to_numpy


def _run(expr, module):
    with numpy.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return eval(expr, {"np": module, "numpy": numpy}), None     # noqa: S307 - test table
        except Exception as e:      # noqa: BLE001 - the class is what we compare
            return None, e


def check(expr, rtol=1e-12, atol=1e-14):
    expected, exc = _run(expr, numpy)
    actual, got = _run(expr, torchnp)
    if exc is not None:
        cls = public_exception_class(type(exc))
        assert isinstance(got, cls), f"NumPy raised {cls.__name__}: {exc}; torchnp: {got!r}"
        return
    assert got is None, f"torchnp raised {type(got).__name__}: {got}"
    assert_matches_numpy(actual, expected, rtol=rtol, atol=atol)


LOGIC = [
    "np.isclose([1e10, 1e-7], [1.00001e10, 1e-8])",
    "np.isclose(1, 1.0000001)",
    "np.isclose(np.array([1, 2], np.int8), np.array([1, 3], np.int8))",
    "np.isclose(np.array(-128, np.int8), np.array(-128, np.int8))",
    "np.isclose(np.array([1, 2], np.int64), 2**62)",
    "np.isclose(np.array([1, 2], np.float32), 2)",
    "np.isclose(np.array([1.0, 2.0], np.float32), np.float64(2))",
    "np.isclose(np.array([1.0, 2.0], np.float16), np.array([1, 2], np.uint64))",
    "np.isclose(np.array([1.0, 2.0], np.float16), 2, rtol=np.array([1e-3, 1e-5]))",
    "np.isclose(3, np.array([1.0, 2.0], np.float32))",
    "np.isclose(np.array([1, np.nan], np.float32), np.array([1, np.nan]), equal_nan=True)",
    "np.isclose(np.array([np.inf, -np.inf, np.inf]), np.array([np.inf, np.inf, 1e308]))",
    "np.isclose(np.array([1 + 1j, 2, complex(np.nan, 1)]), 1 + 1j, equal_nan=True)",
    "np.isclose(np.array([True, False]), np.array([False, False]))",
    "np.isclose(1.0, 1.0, atol=np.inf)",
    "np.isclose(np.array([1.0, 2.0]), 2.0, atol=np.array([0.0, np.nan]))",
    "np.isclose([1, 2], [1, 2, 3])",
    "np.isclose(np.zeros((0, 3)), np.zeros(3))",
    "np.allclose([1, 2], [1, 2.0000001])",
    "np.allclose([1, np.nan], [1, np.nan])",
    "np.allclose([1, np.nan], [1, np.nan], equal_nan=True)",
    "np.allclose(np.zeros((0,)), 1)",
    "np.array_equal([1, 2], [1, 2])",
    "np.array_equal([1, np.nan], [1, np.nan], equal_nan=True)",
    "np.array_equal([1, np.nan], [1, np.nan])",
    "np.array_equal([np.nan, 1], [1, np.nan], equal_nan=True)",
    "np.array_equal(np.array([complex(1, np.nan)]), [complex(np.nan, 1)], equal_nan=True)",
    "np.array_equal([1, 2], [1, 2, 3])",
    "np.array_equal(np.array([1, 2]), 3)",
    "np.array_equal(np.array([1, 2], np.int8), np.array([1.0, 2.0]))",
    "np.array_equal(np.zeros((0, 2)), np.zeros((0, 2)))",
    "np.array_equiv([1, 2], [[1, 2], [1, 2]])",
    "np.array_equiv([1, 2], [[1, 2, 1, 2]])",
    "np.array_equiv([1, 2], [[1, 2], [1, 3]])",
    "np.array_equiv(np.array([1, 1]), 1)",
    "np.isposinf(np.array([np.inf, -np.inf, 1, np.nan]))",
    "np.isneginf(np.array([np.inf, -np.inf, 1, np.nan], np.float16))",
    "np.isneginf(np.array([1, 2]))",
    "np.isneginf(-np.inf)",
    "np.isposinf(np.inf)",
    "np.isneginf(np.array([1j]))",
    "np.isposinf(np.array(1j, np.complex64))",
    "np.isposinf(np.array([np.inf, -np.inf]), out=np.zeros(2, bool))",
    "np.isneginf(np.array([np.inf, -np.inf]), out=np.zeros(2))",
    "np.isneginf(np.array([np.inf, -np.inf]), out=np.zeros(3, bool))",
]


@pytest.mark.parametrize("expr", LOGIC)
def test_logic(expr):
    check(expr)


def test_isclose_warns_for_invalid_tolerances():
    for module in (numpy, torchnp):
        with pytest.warns(RuntimeWarning, match="One of rtol or atol is not valid"):
            module.isclose(1.0, 1.0, atol=float("nan"))
        with module.errstate(invalid="raise"), pytest.raises(FloatingPointError):
            module.isclose(1.0, 1.0, rtol=module.array([1.0, float("inf")]))


MATH = [
    "np.diff(np.array([1, 4, 9, 16]))",
    "np.diff(np.array([[1, 4], [9, 16]]), axis=0)",
    "np.diff(np.array([1, 4, 9, 16], np.uint8), n=2)",
    "np.diff(np.array([True, False, False]))",
    "np.diff(np.array([1.0, 2.0]), n=3)",
    "np.diff(np.array([1, 2]), n=-1)",
    "np.diff(np.array(3))",
    "np.diff(np.array([1, 2, 5]), prepend=0, append=np.array([10, 20]))",
    "np.diff(np.array([[1, 2], [3, 5]]), prepend=0, axis=0)",
    "np.diff(np.array([1, 2]), axis=2)",
    "np.diff(np.array([1, 2], np.int8), prepend=1.5)",
    "np.ediff1d(np.array([1, 2, 4, 7]))",
    "np.ediff1d(np.array([[1, 2], [4, 7]]), to_begin=-99, to_end=np.array([88, 99]))",
    "np.ediff1d(np.array([1, 2], np.int8), to_begin=1.5)",
    "np.ediff1d(np.array([1.0, 2], np.float32), to_end=[1, 2])",
    "np.ediff1d(np.array([1]))",
    "np.ediff1d(np.array([], np.int16), to_end=3)",
    "np.gradient(np.array([1, 2, 4, 7, 11, 16], dtype=float))",
    "np.gradient(np.array([1, 2, 4, 7, 11, 16]), 2)",
    "np.gradient(np.array([1, 2, 4, 7, 11, 16], np.float32), np.array([0, 1, 1.5, 3.5, 4, 6]))",
    "np.gradient(np.array([1, 2, 4, 7, 11, 16], np.float32), [0, 1, 1.5, 3.5, 4, 6], edge_order=2)",
    "np.gradient(np.array([[1, 2, 6], [3, 4, 5]], np.float16))",
    "np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), 2, [1, 2, 4])",
    "np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), axis=1, edge_order=2)",
    "np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), axis=0, edge_order=2)",
    "np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), 1, 2, 3)",
    "np.gradient(np.array([1, 2, 6]), edge_order=3)",
    "np.gradient(np.array([1, 2, 6]), np.array([[1, 2, 3]]))",
    "np.gradient(np.array([1, 2, 6]), np.array([1, 2]))",
    "np.gradient(np.array([True, False, True]))",
    "np.gradient(np.array([1 + 1j, 2, 4j]))",
    "np.gradient(np.array([1, 2, 6], np.uint8), np.array([1, 2, 4], np.int8))",
    "np.gradient(np.array([1.0, 2, 6]), np.float32(2))",
    "np.trapezoid(np.array([1, 2, 3]))",
    "np.trapezoid(np.array([1, 2, 3]), x=np.array([4, 6, 8]))",
    "np.trapezoid(np.array([1, 2, 3], np.float32), dx=2)",
    "np.trapezoid(np.array([[1, 2, 3], [4, 5, 6]]), axis=0)",
    "np.trapezoid(np.array([[1, 2, 3], [4, 5, 6]], np.float16), x=[[1, 2, 4], [0, 1, 3]])",
    "np.trapezoid(np.array([True, False]))",
    "np.trapezoid(np.array([]))",
    "np.trapezoid(np.array(3.0))",
    "np.cumulative_sum(np.array([1, 2, 3], np.int8))",
    "np.cumulative_sum(np.array([[1, 2, 3], [4, 5, 6]]))",
    "np.cumulative_sum(np.array([[1, 2, 3], [4, 5, 6]]), axis=1, include_initial=True)",
    "np.cumulative_prod(np.array([[1, 2, 3], [4, 5, 6]], np.uint8), axis=0, include_initial=True)",
    "np.cumulative_sum(np.array([True, True]), dtype=np.float32)",
    "np.cumulative_sum(np.array(3))",
    "np.cumulative_prod(np.array([1.5, 2]), include_initial=True, out=np.zeros(3))",
    "np.cumulative_sum(np.array([1.5, 2]), out=np.zeros(2))",
    "np.cumulative_sum(np.zeros((2, 0)), axis=1, include_initial=True)",
    "np.convolve([1, 2, 3], [0, 1, 0.5])",
    'np.convolve([1, 2, 3], [0, 1, 0.5], "same")',
    'np.convolve([1, 2, 3], [0, 1, 0.5], "valid")',
    'np.convolve([1, 2, 3], [1, 2, 3, 4, 5], "same")',
    'np.convolve([1, 2, 3, 4, 5], [1, 2, 3], "same")',
    'np.convolve([1, 2, 3, 4], [1, 2], "same")',
    "np.convolve([1, 2, 3, 4], [1, 2], 1)",
    "np.convolve(np.array([1, 2], np.int8), np.array([100, 100], np.int8))",
    "np.convolve(np.array([True, True]), [True, True])",
    "np.convolve(np.array([1, 2], np.uint16), np.array([1.5], np.float32))",
    "np.convolve(1, 2)",
    "np.convolve([], [1])",
    "np.convolve([1], [])",
    'np.convolve([1, 2], [1], mode="x")',
    'np.convolve([1, 2], [1], mode="v")',
    "np.convolve([1, 2], [1], mode=3)",
    "np.convolve([[1, 2]], [1])",
    "np.correlate([1, 2, 3], [0, 1, 0.5])",
    'np.correlate([1, 2, 3], [0, 1, 0.5], "full")',
    'np.correlate([1, 2, 3], [1j, 2, 3 + 1j, 4, 5], "same")',
    'np.correlate([1j, 2, 3 + 1j, 4, 5], [1, 2, 3], "same")',
    'np.correlate([1j, 2, 3 + 1j, 4, 5], [1, 2j, 3], "full")',
    'np.correlate([1, 2, 3, 4], [1, 2, 3, 4, 5, 6, 7], "valid")',
    'np.correlate([1, 2, 3, 4], [1, 2, 3, 4, 5, 6, 7], "same")',
    'np.correlate([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4], "same")',
    'np.correlate([1, 2, 3, 4], [1, 2, 3, 4, 5, 6, 7], "full")',
    'np.correlate([1, 2, 3, 4], [1, 2, 3, 4, 5, 6], "same")',
    "np.correlate([1, 2], [])",
    "np.correlate([], [1, 2])",
    "np.interp(2.5, [1, 2, 3], [3, 2, 0])",
    "np.interp([0, 1, 1.5, 2.72, 3.14, 4], [1, 2, 3], [3, 2, 0])",
    "np.interp([0, 1, 1.5, 3.14, np.nan], [1, 2, 3], [3, 2, 0], left=-99, right=99.5)",
    'np.interp(np.array([0, 1, 1.5, 3.14], np.float32), [1, 2, 3], np.array([3, 2, 0], "f"))',
    "np.interp([0, 1, 1.5, 3.14], [1, 2, 3], [3j, 2, 1 + 0j], left=1j)",
    "np.interp([-180, -170, 185, 0, 365], [190, -190, 350, -350], [5, 10, 3, 4], period=360)",
    "np.interp([1, 2], [1, 2, 3], [1, 2, 3], period=0)",
    "np.interp([1.5, 2.5], [1, 2, 3], [1, np.inf, 3])",
    "np.interp([1.5, 2.5], [1, 2, 3], [np.inf, np.inf, 3])",
    "np.interp([0, 1, 2], [1], [5])",
    "np.interp(1, [], [])",
    "np.interp(1, [1, 2], [1, 2, 3])",
    "np.interp(1, [[1, 2]], [[1, 2]])",
    "np.interp(1j, [1, 2], [1, 2])",
    "np.interp(np.array([[1, 1.5], [2, 3]]), [1, 2], [4, 5])",
    "np.sinc(np.array([0, 0.5, 1, -1.5]))",
    "np.sinc(np.array([0, 1, 2], np.int8))",
    "np.sinc(np.array([0, 0.5], np.float32))",
    "np.sinc(np.array([0, 0.5], np.float16))",
    "np.sinc(np.array([0, 0.5 + 1j]))",
    "np.sinc(0)",
    "np.sinc(np.array([True, False]))",
    "np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]))",
    "np.nan_to_num(np.array([np.nan, np.inf, -np.inf], np.float32), nan=-1, posinf=2e3, neginf=-5)",
    "np.nan_to_num(np.array([complex(np.nan, np.inf), complex(-np.inf, 1)]))",
    "np.nan_to_num(np.array([1, 2]))",
    "np.nan_to_num(np.nan)",
    "np.nan_to_num(3)",
    "np.nan_to_num([1.0, np.nan], copy=False)",
    "np.nan_to_num(np.array([np.nan, np.inf], np.float16))",
    "np.unwrap(np.array([0, 0.5, 7, 7.5, 1.0]))",
    "np.unwrap(np.array([0, 1, 2, -1, 0], np.int64), period=4)",
    "np.unwrap(np.array([2, 3, 4, 5, 2, 3, 4, 5]), period=4)",
    "np.unwrap(np.array([1, 2, 3, 8, 9, 10, 15]), discont=3, period=5)",
    "np.unwrap(np.array([[0, 4, 8], [1, 5, 9.0]]), axis=0)",
    "np.unwrap(np.array([[0, 4, 8], [1, 5, 9.0]], np.float32))",
    "np.unwrap(np.array([0, 4, 8], np.int32), period=6)",
    "np.fix(np.array([1.5, -2.5, 3]))",
    "np.fix(np.array([1, -2], np.int8))",
    "np.fix(2.5)",
    "np.fix(np.array([True]))",
    "np.fix(np.array([1.5, -2.5]), out=np.zeros(2, np.float32))",
    "np.fix(np.array([1.5, -2.5]), out=np.zeros(2, np.int64))",
    "np.fix(np.array([1 + 1j]))",
    "np.interp(np.array(2.5), [1, 2, 3], [3, 2, 0j])",
    "np.interp(np.array(2.5), [1, 2, 3], [3, 2, 0], left=np.array(1))",
    "np.interp([0, 5], [1, 2, 3], [3, 2, 0], left=np.array([1, 2]))",
    "np.interp([0, 5], [1, 2, 3], [3, 2, 0], right=1j)",
    "np.interp([0, 5], [1, 2, 3], [3, 2, 0j], right=np.nan)",
    'np.interp([0, 5], [1, 2, 3], [3, 2, 0j], right="a")',
    "np.interp([0, 5], [1, 2, 3], np.array([3, 2, 0], np.uint64))",
    "np.interp([0, 5], np.array([1, 2, 3], np.int8), [True, False, True])",
    "np.interp([1, 1.5, 2, 3], [1, 2, 2, 3], [0, 1, 5, 6])",
    "np.interp([np.inf, -np.inf], [1, 2, 3], [0, 1, 5])",
    "np.interp([0.5, 1.5], [1, 2, np.nan], [0, 1, 5])",
    "np.cumulative_sum([[1, 2]], axis=2)",
    "np.cumulative_prod(np.array([1, 2]), dtype=np.int8, include_initial=True)",
    "np.cumulative_sum(np.array([1, 2]), axis=0, include_initial=True, out=np.zeros(2))",
]


@pytest.mark.parametrize("expr", MATH)
def test_math(expr):
    check(expr, rtol=1e-6 if "float16" in expr or "float32" in expr else 1e-12)


def test_nan_to_num_writes_into_its_input_without_copy():
    for module in (numpy, torchnp):
        a = module.array([1.0, numpy.nan, numpy.inf])
        res = module.nan_to_num(a, copy=False)
        assert res is a
        assert a[1] == 0.0 and a[2] == numpy.finfo(numpy.float64).max
    b = torchnp.array([1.0, numpy.nan])
    torchnp.nan_to_num(b)
    assert numpy.isnan(float(b[1]))          # copy=True leaves the input alone


@pytest.mark.parametrize("expr", [
    "np.where(np.array([True, False]), 1e300, np.array([1.0, 2.0]))",
    "np.where(np.array([True, False]), 0.1, np.array([1.0, 2.0])) - 0.1",
    "np.where(np.array([True, False]), 1e300j, np.array([1.0, 2.0]))",
])
def test_where_keeps_python_floats_in_double_precision(expr):
    check(expr, rtol=0, atol=0)


def test_gradients_flow_through_x_and_fp():
    x = torch.tensor([0.5, 1.5, 2.5], dtype=torch.float64, requires_grad=True)
    fp = torch.tensor([1.0, 3.0, 2.0, 5.0], dtype=torch.float64, requires_grad=True)
    xp = torchnp.array([0.0, 1.0, 2.0, 3.0])
    assert torch.autograd.gradcheck(
        lambda x, fp: torchnp.interp(torchnp.asarray(x), xp, torchnp.asarray(fp)).tensor, (x, fp))
    assert torch.autograd.gradcheck(lambda x: torchnp.sinc(torchnp.asarray(x)).tensor, (x,))


SORT_COMPLEX = [
    "np.sort_complex(np.array([5, 3, 6, 2, 1], np.int8))",
    "np.sort_complex(np.array([5, 3, 6, 2, 1], np.uint16))",
    "np.sort_complex(np.array([5, 3, 6, 2, 1], np.int32))",
    "np.sort_complex(np.array([5, 3, 6, 2, 1], np.uint64))",
    "np.sort_complex(np.array([5.5, 3, np.nan, 2, 1], np.float16))",
    "np.sort_complex(np.array([5.5, 3, 6, 2, 1], np.float32))",
    "np.sort_complex(np.array([True, False]))",
    "np.sort_complex([1 + 2j, 2 - 1j, 3 - 2j, 3 - 3j, 3 + 5j])",
    "np.sort_complex(np.array([[3, 1j], [complex(np.nan, 0), 0]], np.complex64))",
    "np.sort_complex(np.array(3))",
    "np.sort_complex(np.zeros((0, 2)))",
]


@pytest.mark.parametrize("expr", SORT_COMPLEX)
def test_sort_complex(expr):
    check(expr)


EINSUM_PATH = [
    'np.einsum_path("ij,jk->ik", np.ones((2, 3)), np.ones((3, 4)))',
    'np.einsum_path("ij,jk,kl->il", np.ones((2, 3)), np.ones((3, 4)), np.ones((4, 5)), '
    'optimize="optimal")',
    'np.einsum_path("ij,jk,kl->il", np.ones((2, 3)), np.ones((3, 4)), np.ones((4, 5)), '
    'optimize=False)',
    'np.einsum_path(np.ones((2, 3)), [0, 1], np.ones((3, 4)), [1, 2], [0, 2])',
    'np.einsum_path(np.ones((2, 3)), [0, 1], np.ones((3, 4)), [1, 2])',
    'np.einsum_path("...i,i", np.ones((5, 2, 3), np.float32), [1, 2, 3])',
    'np.einsum_path("ij,jk", np.ones((2, 3)), np.ones((4, 4)))',
    'np.einsum_path("ij,jk->ik", np.ones((2, 3)))',
    'np.einsum_path("ij,jk->ik", np.ones((2, 3)), np.ones((3, 4)), optimize="bogus")',
]


@pytest.mark.parametrize("expr", EINSUM_PATH)
def test_einsum_path(expr):
    check(expr)


def test_einsum_path_for_einsum_returns_the_operands():
    a, b = torchnp.ones((2, 3)), torchnp.ones((3, 4))
    ops, contractions = torchnp.einsum_path("ij,jk->ik", a, b, einsum_call=True)
    assert ops[0] is a and ops[1] is b
    assert contractions == numpy.einsum_path("ij,jk->ik", numpy.ones((2, 3)), numpy.ones((3, 4)),
                                             einsum_call=True)[1]


EINSUM = [
    'np.einsum("ij,jk->ik", np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))',
    'np.einsum("ij,jk", np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4))',
    'np.einsum("ii", np.arange(9).reshape(3, 3))',
    'np.einsum("ii->i", np.arange(9).reshape(3, 3))',
    'np.einsum("ij->ji", np.arange(6).reshape(2, 3))',
    'np.einsum("...ij,...jk->...ik", np.ones((5, 2, 3)), np.ones((3, 4)))',
    'np.einsum("i...->...", np.arange(6.0).reshape(2, 3))',
    'np.einsum("i,i", np.array([1, 2], np.int8), np.array([3, 4], np.float32))',
    'np.einsum("i,i", np.array([True, True]), np.array([True, False]))',
    'np.einsum("i,i", np.array([200, 100], np.uint8), np.array([2, 3], np.uint8))',
    'np.einsum("i,i", np.array([2**40, 3], np.uint64), np.array([2**30, 3], np.uint64))',
    'np.einsum("i,i", np.array([2, 3], np.uint16), np.array([40000, 3], np.uint16))',
    'np.einsum("i,i", np.array([1, 2], np.float16), np.array([3, 4], np.float16))',
    'np.einsum("i,i->", np.array([1 + 2j, 2]), np.array([3, 4j]))',
    'np.einsum(np.arange(6).reshape(2, 3), [0, 1], np.arange(12).reshape(3, 4), [1, 2], [0, 2])',
    'np.einsum(np.arange(6).reshape(2, 3), [0, 1], np.arange(12).reshape(3, 4), [1, 2])',
    'np.einsum(np.ones((4, 2, 3)), [Ellipsis, 1, 2], np.ones((3,)), [2], [Ellipsis, 1])',
    'np.einsum("ij,jk->ik", np.ones((2, 3)), np.ones((3, 4)), optimize=True)',
    'np.einsum("ij,jk,kl->il", np.ones((2, 3)), np.ones((3, 4)), np.ones((4, 2)), '
    'optimize="greedy")',
    'np.einsum("ii->i", np.ones((3, 3)), foo=1)',
    'np.einsum("i,i", np.array([1.5, 1.5]), [1.0, 1.0], out=np.zeros((), np.int64), '
    'casting="unsafe")',
    'np.einsum("i,i", np.array([True, True]), np.array([True, True]), out=np.zeros((), np.int8))',
    'np.einsum("i,i", np.array([1e-8, 1], np.float32), np.ones(2, np.float32), out=np.zeros(()))',
    'np.einsum("i,i", np.array([1, 2]), np.array([3, 4]), dtype=np.float32)',
    'np.einsum("i,i", np.array([1.5, 2]), np.array([3, 4]), dtype=np.int64)',
    'np.einsum("i,i", np.array([1.5, 2]), np.array([3, 4]), dtype=np.int64, casting="unsafe")',
    'np.einsum("i,i->i", np.array([1.5, 2]), np.array([3, 4]), out=np.zeros(2))',
    'np.einsum("i,i->i", np.array([1.5, 2]), np.array([3, 4]), out=np.zeros(2, np.int64))',
    'np.einsum("ij,jk", np.ones((3, 3)), np.ones((2, 3)))',
    'np.einsum("ij,jk->iz", np.ones((3, 3)), np.ones((3, 3)))',
    'np.einsum("ij", np.ones((3, 3)), np.ones((3, 3)))',
    'np.einsum("i j", np.ones((3, 3)))',
    'np.einsum("ij,j", np.ones((3, 3)), [1, 2, 3])',
    'np.einsum("i,i", np.ones(3), np.ones(3), casting="bogus")',
]


@pytest.mark.parametrize("expr", EINSUM)
def test_einsum(expr):
    check(expr)


def test_einsum_of_one_operand_views_it_as_numpy_does():
    a = torchnp.arange(9.0).reshape(3, 3)
    d = torchnp.einsum("ii->i", a)
    d[0] = 100.0
    assert a[0, 0] == 100.0
    assert torchnp.einsum("ij->ji", a).base is not None


def test_einsum_is_differentiable():
    x = torch.rand(2, 3, dtype=torch.float64, requires_grad=True)
    y = torch.rand(3, 4, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(
        lambda x, y: torchnp.einsum("ij,jk->ik", torchnp.asarray(x), torchnp.asarray(y)).tensor,
        (x, y))


def test_cbrt_of_subnormals_is_accurate():
    """cbrt of float64 subnormals within 2 ulps of NumPy's (its y**3 was subnormal and the Newton
    step lost digits: 5e-324 was 62 ulps off), signs and the normal range unchanged."""
    x = numpy.array([5e-324, -5e-324, 1e-320, 1e-315, -1e-310, 2.2250738585072014e-308, 1e-300,
                     -8.0, 0.0, -0.0])
    got = to_numpy(torchnp.cbrt(torchnp.asarray(x)))
    expected = numpy.cbrt(x)
    assert (numpy.signbit(got) == numpy.signbit(expected)).all()
    assert (numpy.abs(got - expected) <= 2 * numpy.spacing(numpy.abs(expected))).all()
