"""Statistics: mean, variance, standard deviation, and their NaN-ignoring variants."""
import numbers
import warnings

import torch

from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_wrap_dt = convert.wrap_dt
_MEAN_FAST = frozenset({torch.float64, torch.float32, torch.complex64, torch.complex128})


def _given(where):
    return where is not True and where is not NoValue


def _dts(in_dt, dtype):
    """(result dtype of the mean, dtype it is computed in): float16 computes in float32."""
    if dtype is not None:
        dt = _dtypes.to_torch_dtype(dtype)
        return dt, dt
    res_dt = promotion.mean_dtype(in_dt)
    return res_dt, (torch.float32 if res_dt is torch.float16 else res_dt)


def _sum(t, dims, keepdim):
    # torch: sum over dim=() sums everything; NumPy's axis=() reduces nothing.
    return torch.sum(t, dims, keepdim) if dims else t


def _count(t, dims, keepdim, mask):
    """Elements per slice: a Python int, or a tensor when a ``where`` mask is given."""
    if mask is not None:
        # (no dims, as for a 0-d array: the mask itself, as a count)
        return _sum(mask, dims, keepdim) if dims else mask.to(torch.int64)
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
    if work_dt.is_floating_point or work_dt.is_complex:
        return s / n, n
    return (s.to(torch.float64) / n).to(work_dt), n      # NumPy divides integers in float64


def _warn_empty(n, message):
    if type(n) is int and n <= 0:
        warnings.warn(message, RuntimeWarning, stacklevel=4)


def mean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Arithmetic mean along the specified axis.

    torchnp implementation of :func:`numpy.mean`.
    """
    return ndarray_mean(a, axis, dtype, out, keepdims, where=where)


def ndarray_mean(self, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """``a.mean(...)``, and :func:`mean`'s body: a method's defaults must be constants for
    torch.compile, so both spellings of "not given" (the method's, NumPy's NoValue) are read here.
    """
    if (type(self) is ndarray and dtype is None and out is None and not _given(where)
            and self._dt in _MEAN_FAST):
        t = self._t
        if t.numel():
            if axis is None:
                if keepdims is NoValue or keepdims is False:
                    return _wrap_dt(t.mean(), self._dt)
            elif type(axis) is int and -t.ndim <= axis < t.ndim and (
                    keepdims is False or keepdims is True or keepdims is NoValue):
                return _wrap_dt(t.mean(axis, keepdims is True), self._dt)
    t = convert.as_tensor(self)
    dims, keepdim, out, mask = _red.options(t, axis, out, keepdims, where, scalar_axis_ok=False)
    res_dt, work_dt = _dts(t.dtype, dtype)
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
    return _std(*_var(a, axis, dtype, out, ddof, keepdims, where, mean, correction))


def ndarray_var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
                mean=None, correction=None):
    """``a.var(...)``: NumPy's method has no ``correction=`` (None: not given), its function
    refuses None."""
    return var(self, axis, dtype, out, ddof, keepdims, where=where,
               mean=NoValue if mean is None else mean,
               correction=NoValue if correction is None else correction)


def ndarray_std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
                mean=None, correction=None):
    """``a.std(...)``: as :func:`ndarray_var`."""
    return std(self, axis, dtype, out, ddof, keepdims, where=where,
               mean=NoValue if mean is None else mean,
               correction=NoValue if correction is None else correction)


def _std(res, res_dt, out, keepdim):
    """The root of variance ``res``, taken as NumPy's std takes it: in the result's dtype (or
    ``out``'s), in place for an array (``sqrt(ret, out=ret)``), cast back for a scalar."""
    arr_dt = res_dt if out is None else out._t.dtype
    if not (arr_dt.is_floating_point or arr_dt.is_complex):
        loop_dt = promotion.ufunc_loop("sqrt", (arr_dt,))[-1]
        if out is not None or res.ndim:
            raise _red.ufunc_cast_error("sqrt", 1, loop_dt, arr_dt)   # in place: no such cast
        return _wrap_dt(torch.sqrt(res.to(res_dt).to(loop_dt)).to(res_dt), res_dt)
    if out is not None and not promotion.can_cast_dtype(res_dt, arr_dt, "same_kind"):
        res = res.to(res_dt).to(arr_dt)             # NumPy takes the root in out=
        return _red.finish(torch.sqrt(res), arr_dt, out, "add", keepdim)
    res = res.to(res_dt)             # NumPy takes the root of the variance in the result dtype
    if res_dt.is_floating_point or res_dt.is_complex:
        res = torch.sqrt(res)
    return _red.finish(res, res_dt, out, "add", keepdim)


def _check_ddof(ddof, name):
    if not isinstance(ddof, (numbers.Number, ndarray)) or isinstance(ddof, complex):
        raise TypeError(f"{name} must be a real number, not {type(ddof).__name__}")


def _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction, nan_bad=False):
    """(variance tensor, result dtype, out, keepdims), computed as NumPy's ``_var``: the mean in
    the computing dtype, deviations in the input's dtype promoted with it, squared without
    conjugation for real input, summed in ``dtype`` when given. ``nan_bad``: NaN where the degrees
    of freedom are <= 0 (nanvar), else NumPy's division by zero."""
    if correction is not NoValue:        # (None too: NumPy's functions refuse it)
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        if type(correction) is not int:
            _check_ddof(correction, "correction")
        ddof = correction
    elif type(ddof) is not int:
        _check_ddof(ddof, "ddof")
    t = convert.as_tensor(a)
    dims, keepdim, out, mask = _red.options(t, axis, out, keepdims, where, scalar_axis_ok=False)
    mean_dt, work_dt = _dts(t.dtype, dtype)
    res_dt = work_dt if dtype is not None else promotion.var_dtype(mean_dt)
    if mean is not NoValue and mean is not None:
        m = convert.on_device(mean, t.device).to(work_dt)
    else:
        m = _mean_of(t if t.dtype is work_dt else t.to(work_dt), dims, True, mask, work_dt)[0]
    if t.dtype is work_dt and work_dt is not torch.bool:
        d = t - m
    else:
        d = _deviations(t, m)
        if nan_bad and dtype is not None:
            d = d.to(t.dtype)           # nanvar subtracts in place, into the input's dtype
    if d.is_complex() and (t.is_complex() or t.dtype is torch.bool):
        sq = d.real * d.real + d.imag * d.imag
    else:
        sq = d * d                      # NumPy: real input squares even a complex deviation
    if dtype is not None and sq.dtype is not work_dt:
        sq = sq.to(work_dt)             # summed in dtype=, as NumPy's umr_sum(x, dtype=dtype)
    if mask is not None:
        sq = torch.where(mask, sq, _red.const(0, sq.dtype, sq.device))
    n = _count(t, dims, keepdim, mask)
    s = _sum(sq, dims, keepdim)
    if not (s.dtype.is_floating_point or s.is_complex()):
        s = s.to(work_dt).to(torch.float64)     # integer or bool sum: NumPy divides in float64
    if type(n) is int:
        denom = n - ddof
        if denom <= 0:
            warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=3)
            denom = 0
        res = s / denom
        if nan_bad and denom == 0:
            res = torch.full_like(res, float("nan"))
    else:
        denom = torch.clamp(n - ddof, min=0)
        res = s / denom
        if nan_bad:
            res = torch.where(denom > 0, res, _red.const(float("nan"), res.dtype, res.device))
    var_work = work_dt if dtype is not None else promotion.var_dtype(work_dt)
    if res.dtype is not var_work:
        res = res.to(var_work)
    return res, res_dt, out, keepdim


def _deviations(t, m):
    """``t - m`` in NumPy's promoted dtype of the two (NumPy's error for two bools)."""
    if t.dtype is torch.bool and m.dtype is torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    dt = promotion.promote(t.dtype, m.dtype)
    return t.to(dt) - m.to(dt)


# ----- NaN-ignoring -------------------------------------------------------------------------------

def _not_nan_where(t, where):
    if not (t.dtype.is_floating_point or t.dtype.is_complex):
        return where
    keep = ~torch.isnan(t)
    if _given(where):
        keep = keep & _red.mask_of(where, t)
    return _wrap_dt(keep, torch.bool)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    """Arithmetic mean along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanmean`.
    """
    t = convert.as_tensor(a)
    if t.dtype.is_floating_point or t.dtype.is_complex:
        _check_inexact(dtype, out)
    return mean(_wrap_dt(t, t.dtype), axis, dtype, out, keepdims, where=_not_nan_where(t, where))


def _check_inexact(dtype, out):
    """NumPy's nanmean: an inexact input keeps an inexact dtype= and out=."""
    if dtype is not None:
        dt = _dtypes.to_torch_dtype(dtype)
        if not (dt.is_floating_point or dt.is_complex):
            raise TypeError("If a is inexact, then dtype must be inexact")
    if isinstance(out, ndarray) and not (out._t.dtype.is_floating_point or out._t.is_complex()):
        raise TypeError("If a is inexact, then out must be inexact")


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Variance along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanvar`.
    """
    t = convert.as_tensor(a)
    if mean is None:
        raise TypeError("nanvar: mean=None is not an array (leave mean out to compute it)")
    inexact = t.dtype.is_floating_point or t.dtype.is_complex
    if inexact:
        _check_inexact(dtype, out)
    res, res_dt, out, keepdim = _var(_wrap_dt(t, t.dtype), axis, dtype, out, ddof, keepdims,
                                     _not_nan_where(t, where), mean, correction, inexact)
    return _red.finish(res, res_dt, out, "add", keepdim)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Standard deviation along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanstd`.
    """
    t = convert.as_tensor(a)
    if mean is None:
        raise TypeError("nanstd: mean=None is not an array (leave mean out to compute it)")
    inexact = t.dtype.is_floating_point or t.dtype.is_complex
    if inexact:
        _check_inexact(dtype, out)
    return _std(*_var(_wrap_dt(t, t.dtype), axis, dtype, out, ddof, keepdims,
                      _not_nan_where(t, where), mean, correction, inexact))
