"""Logic functions: truth-value reductions (all, any), type tests (isscalar)."""
import numpy
import torch

from torchnp._core import convert
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

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
