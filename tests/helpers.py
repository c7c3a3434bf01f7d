"""Comparing torchnp results with NumPy's: the oracle for every test."""
import numpy
import torch

import torchnp
from torchnp._core.convert import is_scalar_like


def to_numpy(x):
    """A torchnp result as NumPy data (arrays via a host copy; tuples elementwise)."""
    if isinstance(x, tuple):
        return tuple(to_numpy(e) for e in x)
    if isinstance(x, torchnp.ndarray):
        return x.tensor.detach().cpu().resolve_conj().resolve_neg().numpy()
    return x


def assert_matches_numpy(actual, expected, rtol=None, atol=0, check_dtype=True):
    """``actual`` (torchnp) equals ``expected`` (NumPy): kind of result, shape, dtype and values.

    NumPy scalars are matched by 0-d torchnp arrays (docs/differences.md); NaNs compare equal, and
    signed zeros must agree in sign.
    """
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple), f"expected a tuple, got {type(actual).__name__}"
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_matches_numpy(a, e, rtol=rtol, atol=atol, check_dtype=check_dtype)
        return
    if isinstance(expected, (numpy.ndarray, numpy.generic)):
        assert isinstance(actual, torchnp.ndarray), \
            f"expected a torchnp.ndarray, got {type(actual).__name__}"
        _assert_same_scalarness(actual, expected)
        got = to_numpy(actual)
        expected = numpy.asarray(expected)
        assert got.shape == expected.shape, f"shape {got.shape} != {expected.shape}"
        if check_dtype:
            assert actual.dtype == expected.dtype, f"dtype {actual.dtype} != {expected.dtype}"
            # The dtype an ndarray reports is cached: the tensor underneath must agree.
            assert got.dtype == expected.dtype, f"tensor dtype {got.dtype} != {expected.dtype}"
        if rtol is None:
            rtol = _default_rtol(expected.dtype)
        if expected.dtype.kind in "fc" and rtol == 0 and atol == 0:
            numpy.testing.assert_array_equal(got, expected)
            _assert_same_zero_signs(got, expected)
        elif expected.dtype.kind == "c":
            # Finite values by magnitude; a NaN in either part counts as NaN (as NumPy's
            # assert_allclose does); infinite values part by part (an inf makes |diff| nan).
            numpy.testing.assert_array_equal(numpy.isnan(got), numpy.isnan(expected))
            finite = numpy.isfinite(expected)
            numpy.testing.assert_allclose(got[finite], expected[finite], rtol=rtol, atol=atol)
            inf = ~finite & ~numpy.isnan(expected)
            for part in (numpy.real, numpy.imag):
                numpy.testing.assert_allclose(part(got[inf]), part(expected[inf]),
                                              rtol=rtol, atol=atol)
        elif expected.dtype.kind == "f":
            numpy.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
        else:
            numpy.testing.assert_array_equal(got, expected)
        return
    assert actual == expected or (actual != actual and expected != expected), \
        f"{actual!r} != {expected!r}"
    assert type(actual) is type(expected), f"type {type(actual)} != {type(expected)}"


def _assert_same_scalarness(actual, expected):
    """Where NumPy returns a scalar, torchnp's 0-d result must act as one (immutable, hashable);
    where NumPy returns a 0-d array, torchnp's must stay a mutable array."""
    if isinstance(expected, numpy.generic):
        assert is_scalar_like(actual), "NumPy returns a scalar; torchnp a mutable array"
    elif expected.ndim == 0:
        assert not is_scalar_like(actual), "NumPy returns a 0-d array; torchnp a scalar"


def _default_rtol(np_dtype):
    return {"e": 1e-3, "f": 1e-6, "d": 1e-13, "F": 1e-6, "D": 1e-13}.get(np_dtype.char, 0)


def _assert_same_zero_signs(got, expected):
    if got.dtype.kind == "f":
        zeros = expected == 0
        numpy.testing.assert_array_equal(numpy.signbit(got[zeros]), numpy.signbit(expected[zeros]))


def numpy_and_torchnp(func_name, *np_args, **kwargs):
    """Run ``func_name`` from both libraries on the same NumPy inputs; return (actual, expected)."""
    expected = getattr(numpy, func_name)(*np_args, **kwargs)
    args = [torchnp.asarray(a) if isinstance(a, numpy.ndarray) else a for a in np_args]
    actual = getattr(torchnp, func_name)(*args, **kwargs)
    return actual, expected


def public_exception_class(cls):
    """NumPy's exception class as users can name it: private subclasses (``_UFuncNoLoopError``,
    ``UFuncTypeError`` in ``numpy._core``) stand for their first public base (``TypeError``)."""
    for c in cls.__mro__:
        if not c.__module__.startswith("numpy._"):
            return c
    return cls


def raises_like_numpy(np_call, tnp_call):
    """Both calls raise, and the torchnp exception is an instance of NumPy's (public) class."""
    try:
        np_call()
    except Exception as e:      # noqa: BLE001 - the class is what we compare
        expected = public_exception_class(type(e))
    else:
        raise AssertionError("NumPy did not raise")
    try:
        tnp_call()
    except expected:
        return
    except Exception as e:      # noqa: BLE001
        raise AssertionError(f"torchnp raised {type(e).__name__}: {e}; NumPy raised "
                             f"{expected.__name__}") from e
    raise AssertionError(f"torchnp did not raise; NumPy raised {expected.__name__}")


def raises_with_numpys_message(np_call, tnp_call):
    """As ``raises_like_numpy``, and the message is NumPy's, word for word."""
    try:
        np_call()
    except Exception as e:      # noqa: BLE001 - the class and message are what we compare
        expected = e
    else:
        raise AssertionError("NumPy did not raise")
    try:
        tnp_call()
    except public_exception_class(type(expected)) as e:
        assert str(e) == str(expected), f"torchnp: {e!r}; NumPy: {expected!r}"
        return
    raise AssertionError(f"torchnp did not raise NumPy's {expected!r}")


CPU = torch.device("cpu")

# The representative dtypes the chapter tests sweep: every kind, the uint widths torch lacks
# kernels for, and float16 (the per-ufunc sweeps use all 14).
DTYPES = ["bool", "int8", "uint8", "uint16", "int32", "int64", "uint64", "float16", "float32",
          "float64", "complex64", "complex128"]
