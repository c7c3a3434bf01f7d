"""Complex numbers: real and imaginary parts (views that write through), angle, and the
``iscomplex`` family."""
import math

import numpy
import torch

from torchnp import _creation
from torchnp import _math_ufuncs as _u
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray

_PY_NUMBERS = (bool, int, float, complex)


def _as_array(val):
    """``val`` as an ndarray; a NumPy scalar stays a scalar (``real``/``imag`` of one are)."""
    if isinstance(val, ndarray):
        return val
    t = convert.as_tensor(val)
    return convert.wrap(t) if isinstance(val, numpy.generic) else convert.wrap_array(t)


def _part(a, t):
    """``t``, a part of ``a``'s data: a view of an array, a new scalar for a scalar."""
    if convert.is_scalar_like(a):
        return convert.wrap(t.clone())
    return convert.wrap_view(t, a)


def real(val):
    """Return the real part of the complex argument.

    torchnp implementation of :func:`numpy.real`. For a complex array the result is a view: writes
    reach the array. For a real array it is the array itself, as in NumPy.
    """
    if type(val) in _PY_NUMBERS:
        return val.real
    a = _as_array(val)
    t = a._t
    if not t.is_complex():
        return a
    return _part(a, torch.view_as_real(t.resolve_conj())[..., 0])


def imag(val):
    """Return the imaginary part of the complex argument.

    torchnp implementation of :func:`numpy.imag`. For a complex array the result is a view: writes
    reach the array. For a real array it is a new read-only array of zeros, as in NumPy.
    """
    if type(val) in _PY_NUMBERS:
        return val.imag
    a = _as_array(val)
    t = a._t
    if not t.is_complex():                              # new zeros, a scalar for a scalar
        # in NumPy's order 'A': F-ordered for an F-contiguous array, else C-ordered
        zeros = _creation.empty_in_order(tuple(t.shape), t.dtype, t.device, "A", t).zero_()
        if convert.is_scalar_like(a):
            return convert.wrap(zeros)
        return readonly.read_only(convert.wrap_array(zeros))
    return _part(a, torch.view_as_real(t.resolve_conj())[..., 1])


def _value_tensor(value, like):
    v = convert.on_device(value, like.device)
    if v.is_complex() and not like.is_complex():
        v = v.real
    return v.to(like.dtype)


def set_real(a, value):
    """``a.real = value``: writes the real part of ``a`` (all of ``a`` when it is real)."""
    t = a._t
    convert.check_writeable(t)
    dst = torch.view_as_real(t)[..., 0] if t.is_complex() else t
    convert.copy_into(dst, _value_tensor(value, dst))


def set_imag(a, value):
    """``a.imag = value``: writes the imaginary part of complex ``a``; TypeError for real ``a``."""
    t = a._t
    if not t.is_complex():
        raise TypeError("array does not have imaginary part to set")
    convert.check_writeable(t)
    dst = torch.view_as_real(t)[..., 1]
    convert.copy_into(dst, _value_tensor(value, dst))


def angle(z, deg=False):
    """Return the angle of the complex argument.

    torchnp implementation of :func:`numpy.angle`.
    """
    a = _as_array(z)
    if a._t.is_complex():
        zimag, zreal = imag(a), real(a)
    else:
        zimag, zreal = 0, a
    res = _u.arctan2(zimag, zreal)
    if deg:
        res = _u.multiply(res, 180 / math.pi)
    return res


def iscomplex(x):
    """Returns a bool array, where True if input element is complex (non-zero imaginary part).

    torchnp implementation of :func:`numpy.iscomplex`.
    """
    a = _as_array(x)
    if a._t.is_complex():
        return _u.not_equal(imag(a), 0)
    try:
        return convert.wrap(torch.zeros(a._t.shape, dtype=torch.bool, device=a._t.device))
    except RuntimeError as err:
        raise convert.allocation_error(tuple(a._t.shape), torch.bool, err) or err from None


def isreal(x):
    """Returns a bool array, where True if input element is real (zero imaginary part).

    torchnp implementation of :func:`numpy.isreal`.
    """
    return _u.equal(imag(_as_array(x)), 0)


def iscomplexobj(x):
    """Check for a complex type or an array of complex numbers.

    torchnp implementation of :func:`numpy.iscomplexobj`.
    """
    try:
        dt = _dtypes.to_torch_dtype(x.dtype)
    except AttributeError:
        dt = convert.as_tensor(x).dtype
    return dt.is_complex


def isrealobj(x):
    """Return True if x is not a complex type or an array of complex numbers.

    torchnp implementation of :func:`numpy.isrealobj`.
    """
    return not iscomplexobj(x)


def real_if_close(a, tol=100):
    """If input is complex with all imaginary parts close to zero, return real parts.

    torchnp implementation of :func:`numpy.real_if_close`.
    """
    arr = _as_array(a)
    if convert.is_scalar_like(arr):                 # NumPy: asanyarray(a), a new 0-d array
        arr = convert.wrap_array(arr._t.clone())
    t = arr._t
    if not t.is_complex():
        return arr
    if tol > 1:
        tol = torch.finfo(_dtypes.real_dtype(t.dtype)).eps * tol
    if bool((torch.abs(t.imag) < tol).all()):      # host-sync: the result's dtype depends on values
        return real(arr)
    return arr
