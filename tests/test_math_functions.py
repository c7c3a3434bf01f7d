"""numpy/lib's math and logic functions (isclose & co., diff, gradient, convolve, interp, ...):
edge cases against NumPy. Each case is an expression run twice, with ``np`` bound to NumPy and
to torchnp: the same value, dtype, shape and kind of result, or the same exception class."""
import warnings

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, public_exception_class


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
    "np.array_equal(np.array([complex(1, np.nan)]), np.array([complex(np.nan, 1)]), equal_nan=True)",
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
