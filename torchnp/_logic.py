"""Logic functions: truth-value reductions (all, any), type tests (isscalar), closeness and
equality of arrays (isclose, allclose, array_equal, array_equiv), infinities (isposinf,
isneginf)."""
import builtins
import warnings

import numpy
import torch

from torchnp import _math_ufuncs as _u
from torchnp._core import config
from torchnp._core import convert
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray
from torchnp._creation import asanyarray, asarray

_wrap_dt = convert.wrap_dt
_BOOL = torch.bool


def all(a, axis=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Test whether all array elements along a given axis evaluate to True.

    torchnp implementation of :func:`numpy.all`.
    """
    return _truth_reduction(_red.ALL, torch.Tensor.all, a, axis, out, keepdims, where)


def any(a, axis=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Test whether any array element along a given axis evaluates to True.

    torchnp implementation of :func:`numpy.any`.
    """
    return _truth_reduction(_red.ANY, torch.Tensor.any, a, axis, out, keepdims, where)


def ndarray_all(self, axis=None, out=None, keepdims=False, *, where=True):
    """``a.all(...)``: :func:`all` with the method's constant defaults (for torch.compile)."""
    return _truth_reduction(_red.ALL, torch.Tensor.all, self, axis, out, keepdims, where)


def ndarray_any(self, axis=None, out=None, keepdims=False, *, where=True):
    """``a.any(...)``: :func:`any` with the method's constant defaults."""
    return _truth_reduction(_red.ANY, torch.Tensor.any, self, axis, out, keepdims, where)


def _truth_reduction(kind, whole, a, axis, out, keepdims, where):
    if type(a) is ndarray and out is None and axis is None and (where is True or where is NoValue) \
            and (keepdims is NoValue or keepdims is False):
        r = whole(a._t)                      # fast path: the whole array, no options
        return _wrap_dt(r if a._dt is not torch.uint8 else r.to(_BOOL), _BOOL)
    return _red.reduce(kind, convert.as_tensor(a), _BOOL, axis, out, keepdims, NoValue, where)


def isscalar(element):
    """Whether ``element`` is a scalar.

    torchnp implementation of :func:`numpy.isscalar`. True, as in NumPy, for Python and NumPy
    scalars, and for the 0-d torchnp arrays that stand where NumPy returns a scalar (``a.sum()``,
    ``a[0]``: docs/differences.md); False for other arrays, 0-d ones included.
    """
    if isinstance(element, ndarray):
        return convert.is_scalar_like(element)
    return numpy.isscalar(element)


# ----- closeness and equality of arrays -----------------------------------------------------------

def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """Whether two arrays are element-wise equal within a tolerance.

    torchnp implementation of :func:`numpy.isclose`: ``|a - b| <= atol + rtol * |b|`` for finite
    ``b``, with NumPy's dtype rules (``b`` made inexact, Python scalars weak).
    """
    x, y, atol, rtol = (v if isinstance(v, (int, float, complex)) else asanyarray(v)
                        for v in (a, b, atol, rtol))
    if isinstance(y, ndarray):      # inexact, so that abs(MIN_INT) cannot overflow
        y = asanyarray(y, dtype=promotion.result_type(y, 1.0))
    elif isinstance(y, int):
        y = float(y)
    _check_tolerances(atol, rtol)
    result = _u.less_equal(_u.absolute(x - y), atol + rtol * _u.absolute(y)) \
        & _u.isfinite(y) | _u.equal(x, y)
    if equal_nan:
        result = result | _u.isnan(x) & _u.isnan(y)
    return result[()]


def _check_tolerances(atol, rtol):
    """NumPy reports non-finite tolerances under its ``invalid`` error setting."""
    if _all_finite(atol) and _all_finite(rtol):
        return
    mode = config.geterr()["invalid"]
    message = f"One of rtol or atol is not valid, atol: {atol}, rtol: {rtol}"
    if mode == "warn":
        warnings.warn(message, RuntimeWarning, stacklevel=3)
    elif mode == "raise":
        raise FloatingPointError(message)
    elif mode == "print":
        print(message)


def _all_finite(tol):
    if isinstance(tol, (int, float, complex)):
        return tol - tol == 0       # False for inf and NaN (in either part); traceable
    return builtins.bool(all(_u.isfinite(tol)))     # host-sync: NumPy checks array tolerances


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """Whether two arrays are element-wise equal within a tolerance (a Python bool).

    torchnp implementation of :func:`numpy.allclose`.
    """
    res = all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))
    return builtins.bool(res)       # host-sync: NumPy returns a Python bool


def _as_arrays_or_none(a1, a2):
    """Both as arrays, or None where either cannot be one (NumPy then answers False)."""
    try:
        return asarray(a1), asarray(a2)
    except Exception:               # noqa: BLE001 - NumPy's own rule: any failure is "not equal"
        return None


def array_equal(a1, a2, equal_nan=False):
    """Whether two arrays have the same shape and elements (a Python bool).

    torchnp implementation of :func:`numpy.array_equal`.
    """
    arrays = _as_arrays_or_none(a1, a2)
    if arrays is None or arrays[0].shape != arrays[1].shape:
        return False
    x1, x2 = arrays
    if equal_nan and x1 is not x2:
        nan1, nan2 = _u.isnan(x1), _u.isnan(x2)
        same = _u.equal(x1, x2) | nan1 & nan2
        return builtins.bool(all(same & _u.equal(nan1, nan2)))   # host-sync: a Python bool
    return builtins.bool(all(_u.equal(x1, x2)))                   # host-sync: a Python bool


def array_equiv(a1, a2):
    """Whether two arrays are shape-consistent (one broadcasts to the other) and equal.

    torchnp implementation of :func:`numpy.array_equiv`.
    """
    arrays = _as_arrays_or_none(a1, a2)
    if arrays is None:
        return False
    try:
        convert.broadcast_shapes([arrays[0].shape, arrays[1].shape])
    except ValueError:
        return False
    return builtins.bool(all(_u.equal(*arrays)))                  # host-sync: a Python bool


# ----- infinities ---------------------------------------------------------------------------------

def isposinf(x, out=None):
    """Whether each element is positive infinity.

    torchnp implementation of :func:`numpy.isposinf`.
    """
    return _u.logical_and(_u.isinf(x), _u.logical_not(_signbit(x)), out)


def isneginf(x, out=None):
    """Whether each element is negative infinity.

    torchnp implementation of :func:`numpy.isneginf`.
    """
    return _u.logical_and(_u.isinf(x), _signbit(x), out)


def _signbit(x):
    try:
        return _u.signbit(x)
    except TypeError as err:
        raise TypeError(f"This operation is not supported for {asanyarray(x).dtype} values "
                        "because it would be ambiguous.") from err
