"""Statistics: mean, variance, standard deviation, and their NaN-ignoring variants."""
import warnings

import torch

from torchnp._core import convert
from torchnp._core import dtypes as _dt
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_wrap = convert.wrap_dt
_MEAN_FAST = frozenset({torch.float64, torch.float32, torch.complex64, torch.complex128})


def _given(where):
    return where is not True and where is not NoValue


def _dts(in_dt, dtype):
    """(result dtype of the mean, dtype it is computed in): float16 computes in float32."""
    if dtype is not None:
        dt = _dt.to_torch_dtype(dtype)
        return dt, dt
    res_dt = promotion.mean_dtype(in_dt)
    return res_dt, (torch.float32 if res_dt is torch.float16 else res_dt)


def _sum(t, dims, keepdim):
    # torch: sum over dim=() sums everything; NumPy's axis=() reduces nothing.
    return torch.sum(t, dims, keepdim) if dims else t


def _count(t, dims, keepdim, mask):
    """Elements per slice: a Python int, or a tensor when a ``where`` mask is given."""
    if mask is not None:
        return _sum(mask, dims, keepdim)
    n = 1
    for d in dims:
        n *= t.shape[d]
    return n


def _mean_of(x, dims, keepdim, mask, work_dt):
    """Mean of ``x`` (in ``work_dt``) over ``dims``; masked-out elements excluded."""
    if mask is not None:
        x = torch.where(mask, x, _red.const(0, x.dtype, x.device))
    n = _count(x, dims, keepdim, mask)
    s = _sum(x, dims, keepdim)
    if s.dtype is not work_dt:
        s = s.to(work_dt)
    return s / n if (work_dt.is_floating_point or work_dt.is_complex) else (s / n).to(work_dt), n


def _warn_empty(n, message):
    if type(n) is int and n <= 0:
        warnings.warn(message, RuntimeWarning, stacklevel=4)


def mean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Arithmetic mean along the specified axis.

    torchnp implementation of :func:`numpy.mean`.
    """
    if (type(a) is ndarray and dtype is None and out is None and not _given(where)
            and a._dt in _MEAN_FAST):
        t = a._t
        if t.numel():
            if axis is None:
                if keepdims is NoValue or keepdims is False:
                    return _wrap(t.mean(), a._dt)
            elif type(axis) is int and -t.ndim <= axis < t.ndim and (
                    keepdims is False or keepdims is True or keepdims is NoValue):
                return _wrap(t.mean(axis, keepdims is True), a._dt)
    t = convert.as_tensor(a)
    out = convert.check_out(out)
    keepdim = keepdims is not NoValue and bool(keepdims)
    dims = _red.reduce_dims(axis, t.ndim, scalar_axis_ok=False)
    res_dt, work_dt = _dts(t.dtype, dtype)
    mask = _red.mask_of(where, t) if _given(where) else None
    res, n = _mean_of(t.to(work_dt), dims, keepdim, mask, work_dt)
    _warn_empty(n, "Mean of empty slice.")
    return _red.finish(res, res_dt, out, "add", keepdim)


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
        mean=NoValue, correction=NoValue):
    """Variance along the specified axis.

    torchnp implementation of :func:`numpy.var`.
    """
    res, res_dt, out, keepdim = _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction)
    return _red.finish(res, res_dt, out, "add", keepdim)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
        mean=NoValue, correction=NoValue):
    """Standard deviation along the specified axis.

    torchnp implementation of :func:`numpy.std`.
    """
    res, res_dt, out, keepdim = _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction)
    if out is not None and not promotion.can_cast_dtype(res_dt, out._t.dtype, "same_kind"):
        # NumPy takes the root with out=: the sqrt ufunc's casting error.
        return _red.write_ufunc_out(out, res.to(res_dt), "sqrt", 1)
    res = res.to(res_dt)             # NumPy takes the root of the variance in the result dtype
    if res_dt.is_floating_point:
        res = torch.sqrt(res)
    else:
        res = torch.sqrt(res.to(torch.float64)).to(res_dt)
    return _red.finish(res, res_dt, out, "add", keepdim)


def _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction):
    if correction is not NoValue and correction is not None:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    t = convert.as_tensor(a)
    out = convert.check_out(out)
    keepdim = keepdims is not NoValue and bool(keepdims)
    dims = _red.reduce_dims(axis, t.ndim, scalar_axis_ok=False)
    mean_dt, work_dt = _dts(t.dtype, dtype)
    res_dt = promotion.var_dtype(mean_dt)
    mask = _red.mask_of(where, t) if _given(where) else None
    x = t.to(work_dt)
    if mean is not NoValue and mean is not None:
        m = convert.as_tensor(mean).to(work_dt)
    else:
        m = _mean_of(x, dims, True, mask, work_dt)[0]
    d = x - m
    sq = d.real * d.real + d.imag * d.imag if d.is_complex() else d * d
    if mask is not None:
        sq = torch.where(mask, sq, _red.const(0, sq.dtype, sq.device))
    n = _count(t, dims, keepdim, mask)
    s = _sum(sq, dims, keepdim)
    if type(n) is int:
        denom = n - ddof
        if denom <= 0:
            warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=3)
            denom = 0
    else:
        denom = torch.clamp(n - ddof, min=0)
    res = s / denom
    var_work = promotion.var_dtype(work_dt)
    if res.dtype is not var_work:
        res = res.to(var_work)
    return res, res_dt, out, keepdim


# ----- NaN-ignoring -------------------------------------------------------------------------------

def _not_nan_where(t, where):
    if not (t.dtype.is_floating_point or t.dtype.is_complex):
        return where
    keep = ~torch.isnan(t)
    if _given(where):
        keep = keep & _red.mask_of(where, t)
    return _wrap(keep, torch.bool)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Arithmetic mean along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanmean`.
    """
    t = convert.as_tensor(a)
    return mean(_wrap(t, t.dtype), axis, dtype, out, keepdims, where=_not_nan_where(t, where))


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Variance along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanvar`.
    """
    t = convert.as_tensor(a)
    return var(_wrap(t, t.dtype), axis, dtype, out, ddof, keepdims,
               where=_not_nan_where(t, where), mean=mean, correction=correction)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Standard deviation along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanstd`.
    """
    t = convert.as_tensor(a)
    return std(_wrap(t, t.dtype), axis, dtype, out, ddof, keepdims,
               where=_not_nan_where(t, where), mean=mean, correction=correction)
