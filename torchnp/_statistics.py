"""Statistics: mean, variance, standard deviation, and their NaN-ignoring variants."""
import math
import numbers
import warnings

import numpy
import torch

from torchnp import _creation, _indexing, _logic, _manipulation, _math, _products, _sorting
from torchnp import _kernels as _k
from torchnp import _math_ufuncs as _u
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
    if not dims:
        return t
    return _red.in_memory_order(torch.sum, t, dims, keepdim)      # NumPy's result layout


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
                    keepdims is False or keepdims is True or keepdims is NoValue) and (
                    t.ndim <= 2 or t.is_contiguous()):          # else NumPy's layout: _sum
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


def _nan_var(name, a, axis, dtype, out, ddof, keepdims, where, mean, correction):
    """``_var``'s parts for nanvar / nanstd: NaNs masked out of ``where``."""
    t = convert.as_tensor(a)
    if mean is None:
        raise TypeError(f"{name}: mean=None is not an array (leave mean out to compute it)")
    inexact = t.dtype.is_floating_point or t.dtype.is_complex
    if inexact:
        _check_inexact(dtype, out)
    return _var(_wrap_dt(t, t.dtype), axis, dtype, out, ddof, keepdims,
                _not_nan_where(t, where), mean, correction, inexact)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Variance along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanvar`.
    """
    res, res_dt, out, keepdim = _nan_var("nanvar", a, axis, dtype, out, ddof, keepdims, where,
                                         mean, correction)
    return _red.finish(res, res_dt, out, "add", keepdim)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    """Standard deviation along the specified axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanstd`.
    """
    return _std(*_nan_var("nanstd", a, axis, dtype, out, ddof, keepdims, where, mean,
                          correction))


# ----- order statistics: median, quantile, percentile and their NaN-ignoring variants ------------
# As NumPy's ``_ureduce``: the reduced axes are moved last and merged into one, each function
# reduces that last dimension, and the result takes the kept axes (and keepdims' 1s) back.

_QUANTILE_METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                     "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
                     "normal_unbiased", "lower", "higher", "midpoint", "nearest")
# alpha and beta of Hyndman & Fan's continuous methods (NumPy's _compute_virtual_index)
_ALPHA_BETA = {"interpolated_inverted_cdf": (0, 1), "hazen": (0.5, 0.5), "weibull": (0, 0),
               "median_unbiased": (1 / 3.0, 1 / 3.0), "normal_unbiased": (3 / 8.0, 3 / 8.0)}
# the methods that pick an element (NumPy's fix_gamma None): no interpolation
_DISCRETE = frozenset({"inverted_cdf", "closest_observation", "lower", "higher", "nearest"})
_ROUNDING = {"lower": torch.floor, "higher": torch.ceil, "nearest": torch.round}
_BOOL_SUBTRACT = ("numpy boolean subtract, the `-` operator, is not supported, use the "
                  "bitwise_xor, the `^` operator, or the logical_xor function instead.")
_ALL_NAN = "All-NaN slice encountered"


def _truthy(keepdims):
    """NumPy's ``_ureduce`` reads ``keepdims`` by its truth value (NoValue: False)."""
    return keepdims is not NoValue and bool(keepdims)


class _Reduced:
    """Tensor ``t`` with the reduced axes merged into its last dimension, the kept shape and the
    shape keepdims gives (NumPy's ``_ureduce``)."""
    __slots__ = ("t", "kept", "keep_shape", "_perm", "_extent", "_axes")

    def __init__(self, t, axis):
        nd = t.ndim
        self._axes = axes = tuple(range(nd)) if axis is None else \
            convert.normalize_axis_tuple(axis, nd)
        if axis is None:
            self._perm, self.kept, self.keep_shape = None, (), (1,) * nd
        else:
            keep = [d for d in range(nd) if d not in axes]
            self._perm = keep + list(axes)
            self.kept = tuple(t.shape[d] for d in keep)
            self.keep_shape = tuple(1 if d in axes else t.shape[d] for d in range(nd))
        self._extent = 1
        for n in (t.shape if axis is None else (t.shape[d] for d in axes)):
            self._extent *= n
        self.t = self.merged(t)

    def merged(self, x):
        """``x`` (of the input's shape) with the reduced axes merged last."""
        if self._perm is None:
            return x.reshape(-1)
        return x.permute(self._perm).reshape(self.kept + (self._extent,))

    def kept_view(self, out, keepdims):
        """``out`` as the kept shape (NumPy indexes a keepdims ``out`` at 0 on the reduced
        axes); as it is when it cannot be (the reduction then raises NumPy's error)."""
        if not keepdims or out._t.ndim != len(self.keep_shape):
            return out
        index = tuple(0 if d in self._axes else slice(None) for d in range(out._t.ndim))
        return convert.wrap_view(out._t[index], out)

    def finish(self, res, keepdims, out, lead=(), array=False):
        """``res`` (kept shape, after ``lead`` dimensions of quantiles) as NumPy returns it,
        written into ``out`` when given; 0-d without keepdims: a scalar, unless ``array``."""
        res = res.reshape(lead + (self.keep_shape if keepdims else self.kept))
        if out is not None:
            return convert.write_out(out, res, "unsafe")
        return convert.wrap_array(res) if keepdims or array else convert.wrap(res)


def _checked_out(out, t):
    """``out`` (an ndarray, or None) on ``t``'s device."""
    out = convert.check_out(out)
    if out is not None:
        convert.check_device(out._t, t)
    return out


def _sorted_last(t):
    """``t`` sorted along its last dimension in NumPy's order (NaN last), with the order."""
    if t.dtype.is_complex:
        return _sorting._sort_tensor(t, t.ndim - 1)
    return torch.sort(t, dim=-1, stable=True)


def _take_last(s, idx):
    """Elements of ``s`` at indices ``idx`` (broadcast) along the last dimension."""
    idx = idx.expand(s.shape[:-1] + idx.shape[-1:])
    return _k.unsigned_bits(torch.take_along_dim(_k.signed_bits(s), idx, -1), s.dtype)


def _valid_count(t):
    """Non-NaN elements per slice (of the last dimension) of inexact ``t``."""
    return (~torch.isnan(t)).sum(-1)


def _warn_all_nan(count):
    if bool((count == 0).any()):        # host-sync: NumPy warns for all-NaN slices
        warnings.warn(_ALL_NAN, RuntimeWarning, stacklevel=4)


def _middle_mean(s, lo, hi, odd, masked):
    """The median from the middle elements ``lo`` and ``hi`` of sorted ``s`` (equal indices for an
    odd count): NumPy's ``mean`` of them, or (``masked``, as NumPy's masked median for inexact
    data) their sum halved in the input's dtype."""
    a, b = _take_last(s, lo), _take_last(s, hi)
    if masked and (s.dtype.is_floating_point or s.is_complex()):
        return (a + b) / 2
    pair = ndarray_mean(convert.wrap(torch.cat([a, b], -1)), axis=-1, keepdims=True)._t
    if odd is None:
        return pair
    return torch.where(odd, a.to(pair.dtype), pair)


def _check_nan_copy(has_nan, in_dt, out, scalar):
    """NumPy copies the NaNs of NaN slices (``scalar``: of its one slice) into ``out`` under
    same_kind casting."""
    if out is not None and not promotion.can_cast_dtype(in_dt, out._dt, "same_kind") and \
            bool(has_nan.any()):         # host-sync: NumPy raises only when NaNs are there
        kind = "scalar" if scalar else "array data"
        raise TypeError(f"Cannot cast {kind} from {_dtypes.to_numpy_dtype(in_dt)!r} to "
                        f"{_dtypes.to_numpy_dtype(out._dt)!r} according to the rule 'same_kind'")


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """The median along the specified axes.

    torchnp implementation of :func:`numpy.median`.

    Differences from NumPy: ``overwrite_input=True`` leaves the input as it was (NumPy leaves
    it partially sorted, its contents undefined).
    """
    t = convert.as_tensor(a)
    out = _checked_out(out, t)
    keepdims = _truthy(keepdims)
    r = _Reduced(t, axis)
    s, _ = _sorted_last(r.t)
    n = s.shape[-1]
    mid = s[..., (n - 1) // 2:n // 2 + 1] if n else s     # one or two middle elements
    target = None if out is None else r.kept_view(out, keepdims)
    res = ndarray_mean(convert.wrap(mid), axis=-1, out=target)     # (NumPy's mean, its out=)
    res_t = res._t
    if n and (t.dtype.is_floating_point or t.is_complex()):
        last = s[..., -1]
        has_nan = torch.isnan(last)
        _check_nan_copy(has_nan, t.dtype, out, not r.kept)
        res_t = torch.where(has_nan, last.to(res._dt), res_t)
        if out is not None:
            res._t.copy_(res_t)
    return out if out is not None else r.finish(res_t, keepdims, None)


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=NoValue):
    """The median along the specified axes, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanmedian`.

    Differences from NumPy: as :func:`median` for ``overwrite_input``.
    """
    t = convert.as_tensor(a)
    if t.numel() == 0:
        return nanmean(a, axis, out=out, keepdims=keepdims)
    out = _checked_out(out, t)
    r = _Reduced(t, axis)
    s, _ = _sorted_last(r.t)
    n = s.shape[-1]
    inexact = t.dtype.is_floating_point or t.is_complex()
    count = _valid_count(r.t).unsqueeze(-1) if inexact else torch.full(
        r.kept + (1,), n, device=t.device)
    lo, hi = ((count - 1) // 2).clamp(min=0), count // 2
    # NumPy: a 1-d median per slice for one axis or long slices, else its masked median
    masked = not (axis is None or t.ndim == 1 or n >= 600)
    res = _middle_mean(s, lo, hi, (count % 2 == 1) if not masked else None, masked)
    if inexact:
        _warn_all_nan(count)
        res = torch.where(count == 0, _red.const(float("nan"), res.dtype, res.device), res)
    return r.finish(res, _truthy(keepdims), out)


def _as_float(x):
    """``x``, integers as float64 (NumPy: an integer array with a Python float)."""
    return x if x.is_floating_point() else x.to(torch.float64)


def _boundary(index, keep_previous):
    """NumPy's ``_discrete_interpolation_to_boundaries``: floor(index) where ``keep_previous``
    holds, the next index elsewhere, never below 0."""
    previous = torch.floor(index)
    gamma = index - previous
    return torch.where(keep_previous(gamma, index), previous, previous + 1).to(torch.int64) \
        .clamp(min=0)


def _virtual_index(method, n, q):
    """Where the quantiles ``q`` fall in a sorted sample of ``n`` values (an int, or a tensor
    broadcasting against ``q``), computed as NumPy computes them, in the same dtypes."""
    if method == "linear":
        return (n - 1) * q
    if method in _ROUNDING:
        x = (n - 1) * q
        return (_ROUNDING[method](x) if x.is_floating_point() else x).to(torch.int64)
    if method == "averaged_inverted_cdf":
        return n * q - 1
    if method == "inverted_cdf":
        return _boundary(n * q - 1, lambda gamma, _: gamma == 0)
    if method == "closest_observation":
        # "the nearest even order statistic at g=0" (1-based): the odd index, 0-based
        return _boundary(_as_float(n * q - 1) - 0.5,
                         lambda gamma, index: (gamma == 0) & (torch.floor(index) % 2 == 1))
    qf = _as_float(q)
    if method == "midpoint":
        x = (n - 1) * qf
        return 0.5 * (torch.floor(x) + torch.ceil(x))
    alpha, beta = _ALPHA_BETA[method]
    return n * qf + (alpha + qf * (1 - alpha - beta)) - 1


def _neighbours(v, n, method):
    """(index below, index above, gamma) of virtual indices ``v`` in ``n`` sorted values, as
    NumPy's ``_get_indexes`` and ``_get_gamma`` (gamma in ``v``'s dtype)."""
    floor = torch.floor(v) if v.is_floating_point() else v
    above, below = v >= n - 1, v < 0
    last = n - 1 if type(n) is int else (n - 1).clamp(min=0)
    lo = torch.where(above, last, torch.where(below, 0, floor)).to(torch.int64)
    hi = torch.where(above, last, torch.where(below, 0, floor + 1)).to(torch.int64)
    previous = torch.where(above, -1, torch.where(below, 0, floor))   # NumPy's: -1 is the last
    gamma = v.double() - previous.double() if v.is_floating_point() else v - previous
    if method == "averaged_inverted_cdf":
        gamma = torch.where(gamma == 0, 0.5, 1.0)
    elif method == "midpoint":
        gamma = torch.where(torch.remainder(v, 1) == 0, 0.0, 0.5)
    return lo, hi, gamma.to(v.dtype)


def _lerp(a, b, gamma, weak, out_dt):
    """NumPy's ``_lerp``: ``a + (b - a) * t`` where ``t < 0.5``, ``b - (b - a) * (1 - t)`` in
    ``out_dt`` elsewhere; ``b - a`` in the data's dtype (integers wrap), the rest in the dtype
    NumPy's promotion gives (a Python float ``t`` when ``weak``)."""
    in_dt = a.dtype
    if in_dt is torch.bool:
        raise TypeError(_BOOL_SUBTRACT)
    res_dt = promotion.promote_weak(in_dt, promotion.WEAK_FLOAT) if weak else \
        promotion.promote(in_dt, gamma.dtype)
    out_dt = res_dt if out_dt is None else out_dt
    if not promotion.can_cast_dtype(res_dt, out_dt, "same_kind"):
        raise _red.ufunc_cast_error("add", 2, res_dt, out_dt)
    diff = _k.unsigned_bits(_k.signed_bits(b) - _k.signed_bits(a), in_dt).to(res_dt)
    t = gamma.double() if weak else gamma
    low = (a.to(res_dt) + diff * t.to(res_dt)).to(out_dt)
    high = b.to(out_dt) - (diff * (1 - t).to(res_dt)).to(out_dt)
    return torch.where(t >= 0.5, high, low)


def _weighted_index(order, w, q, n, valid):
    """Indices of the inverted-cdf quantiles of weighted data: the first sorted element whose
    cumulative weight reaches ``q`` (NumPy's weighted ``_quantile``)."""
    sw = torch.take_along_dim(w.expand(order.shape), order, -1)
    if valid is not None:
        sw = torch.where(valid, sw, 0)
    cdf = torch.cumsum(sw.to(torch.float64), -1)
    cdf = cdf / cdf[..., -1:]
    bad = torch.isnan(cdf[..., -1])
    if valid is not None:
        bad &= valid.any(-1)               # an all-NaN slice is NaN before its weights count
    if bool(bad.any()):                    # host-sync: NumPy's error for such weights
        raise ValueError("Weights included NaN, inf or were all zero.")
    if q.is_floating_point():
        cdf = cdf.to(q.dtype)
    cdf = torch.where(cdf == 0, -1, cdf)    # leading zero weights never hold a quantile
    qs = q.to(cdf.dtype).expand(cdf.shape[:-1] + q.shape[-1:])
    idx = torch.searchsorted(cdf.contiguous(), qs.contiguous(), side="left")
    return torch.minimum(idx, torch.as_tensor(n - 1, device=idx.device))


def _quantiles(x, q, weak, method, out, w, nan_omit):
    """The quantiles ``q`` (1-d) of ``x`` along its last dimension: a tensor of shape
    ``x.shape[:-1] + q.shape``, in NumPy's result dtype (or ``out``'s)."""
    s, order = _sorted_last(x)
    in_dt = x.dtype
    inexact = in_dt.is_floating_point
    valid = count = None
    n = x.shape[-1]
    if nan_omit and inexact:
        count = _valid_count(x).unsqueeze(-1)
        n = count
        valid = ~torch.isnan(s)
    out_dt = None if out is None else out._dt
    if w is not None:
        res = _take_last(s, _weighted_index(order, w, q, n, valid))
    else:
        v = _virtual_index(method, n, q)
        if method in _DISCRETE or not v.is_floating_point() and method == "linear":
            if out_dt is not None and not promotion.can_cast_dtype(out_dt, in_dt, "safe"):
                kind = "scalar" if out._t.ndim == 0 else "array data"
                raise TypeError(f"Cannot cast {kind} from {_dtypes.to_numpy_dtype(out_dt)!r} to "
                                f"{_dtypes.to_numpy_dtype(in_dt)!r} according to the rule 'safe'")
            res = _take_last(s, v.clamp(min=0))
        else:
            lo, hi, gamma = _neighbours(v, n, method)
            res = _lerp(_take_last(s, lo), _take_last(s, hi), gamma, weak, out_dt)
    if inexact and count is None:
        last = s[..., -1:]
        has_nan = torch.isnan(last)
        _check_nan_copy(has_nan, in_dt, out, last.ndim == 1)
        res = torch.where(has_nan, last.to(res.dtype), res)
    elif count is not None:
        res = torch.where(count == 0, _red.const(float("nan"), res.dtype, res.device), res)
    return res


def _axis_tuple(axis, nd):
    """``axis`` as a tuple, as NumPy normalizes it with ``argname="axis"`` (and words it so)."""
    try:
        return convert.normalize_axis_tuple(axis, nd, "axis")
    except convert.AxisError as err:
        raise convert.AxisError(err.axis, err.ndim, "axis") from None


def _weights_like(weights, t, axes):
    """``weights`` shaped to broadcast against ``t``, with NumPy's checks (``_weights_are_valid``):
    ``t``'s shape, or the shape of ``t`` along ``axes`` (a normalized tuple, or None)."""
    w = convert.operands(t, weights)[1]
    if tuple(w.shape) == tuple(t.shape):
        return w
    if axes is None:
        raise TypeError("Axis must be specified when shapes of a and weights differ.")
    if tuple(w.shape) != tuple(t.shape[ax] for ax in axes):
        raise ValueError("Shape of weights must be consistent with shape of a along specified "
                         "axis.")
    w = w.permute(sorted(range(len(axes)), key=axes.__getitem__))
    return w.reshape(tuple(s if ax in axes else 1 for ax, s in enumerate(t.shape)))


def _check_quantiles(q, percent, host):
    """NumPy's checks of the quantiles ``q`` (a tensor, divided by 100 already for percentiles);
    ``host``: the quantiles as given when they are host data (checked there: no read-back)."""
    if q.ndim == 2 and q.numel() == 0:
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    if host is not None:
        h = numpy.asarray(host, dtype=numpy.float64) / (100 if percent else 1)
        inside = bool(((h >= 0) & (h <= 1)).all())     # host-data: NumPy data
    else:
        inside = bool(((q >= 0) & (q <= 1)).all())   # host-sync: NumPy checks the quantiles
    if not inside:
        raise ValueError(_range_message(percent))


def _range_message(percent):
    return "Percentiles must be in the range [0, 100]" if percent else \
        "Quantiles must be in the range [0, 1]"


def _check_method(method):
    if method not in _QUANTILE_METHODS:
        names = ", ".join(repr(m) for m in _QUANTILE_METHODS)
        raise ValueError(f"{method!r} is not a valid method. Use one of: dict_keys([{names}])")


def _quantile(a, q, axis, out, method, keepdims, weights, percent, nan_omit):
    """quantile, percentile, nanquantile and nanpercentile: NumPy's checks in NumPy's order,
    then ``_quantiles`` over the merged axes."""
    weak = type(q) is int or type(q) is float        # a Python scalar: its dtype is weak
    if weak:                 # NumPy's float64 / int64 0-d array, made without a host round trip
        t = convert.as_tensor(a)
        qt = torch.tensor(q, dtype=torch.float64 if type(q) is float else torch.int64,
                          device=t.device)
    else:
        t, qt = convert.operands(a, q)
    if t.dtype.is_complex:
        raise TypeError("a must be an array of real numbers")
    if percent:
        qt = _u.true_divide(convert.wrap(qt), 100)._t
    if weak:
        if not 0 <= (q / 100 if percent else q) <= 1:      # (on the host: no read-back)
            raise ValueError(_range_message(percent))
    else:
        _check_quantiles(qt, percent, None if isinstance(q, (ndarray, torch.Tensor)) else q)
    axes = axis
    w = None
    if weights is not None:
        axes = None if axis is None else _axis_tuple(axis, t.ndim)
        if method != "inverted_cdf":
            raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
        w = _weights_like(weights, t, axes)
        if bool((w < 0).any()):                 # host-sync: NumPy checks the weights' signs
            raise ValueError("Weights must be non-negative.")
    out = _checked_out(out, t)
    if nan_omit and t.numel() == 0:
        return nanmean(a, axis, out=out, keepdims=keepdims)
    r = _Reduced(t, axes)
    if qt.ndim > 2:
        raise ValueError("q must be a scalar or 1d")
    if w is not None:
        w = r.merged(w.expand(t.shape))
    else:
        _check_method(method)
    if r.t.shape[-1] == 0:
        raise IndexError("index -1 is out of bounds for axis 0 with size 0")
    res = _quantiles(r.t, qt.reshape(-1), weak, method, None if nan_omit else out, w, nan_omit)
    if nan_omit and r.t.dtype.is_floating_point:
        res = _nan_result(r.t, res)
    # host-sync: NumPy returns the NaN itself, in the data's dtype
    elif qt.ndim == 0 and not r.kept and out is None and res.dtype is not t.dtype and \
            t.dtype.is_floating_point and bool(torch.isnan(r.t).any()):
        res = res.to(t.dtype)
    res = res.movedim(-1, 0) if qt.ndim else res.squeeze(-1)
    # NumPy's weighted quantiles fill an array (0-d too), unless the one slice is NaN
    array = w is not None and not (qt.ndim == 0 and not r.kept and _is_nan_slice(r.t, nan_omit))
    return r.finish(res, _truthy(keepdims), out, tuple(qt.shape), array)


def _is_nan_slice(x, nan_omit):
    """Whether 1-d ``x`` has a NaN (``nan_omit``: only NaNs)."""
    if not x.dtype.is_floating_point:
        return False
    nan = torch.isnan(x)
    return bool(nan.all() if nan_omit else nan.any())    # host-sync: NumPy's choice of result


def _nan_result(x, res):
    """NumPy's all-NaN slices in nanquantile: a warning, and (as ``apply_along_axis`` takes the
    dtype of the first slice's result) the input's dtype when the first slice is all NaN."""
    count = _valid_count(x)
    _warn_all_nan(count)
    if bool(count.reshape(-1)[0] == 0):     # host-sync: (read with the warning's)
        return res.to(x.dtype)
    return res


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False,
             *, weights=None):
    """The q-th quantiles of the data along the specified axes.

    torchnp implementation of :func:`numpy.quantile`.

    Differences from NumPy: as :func:`median` for ``overwrite_input``.
    """
    return _quantile(a, q, axis, out, method, keepdims, weights, False, False)


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False,
               *, weights=None):
    """The q-th percentiles of the data along the specified axes.

    torchnp implementation of :func:`numpy.percentile`.

    Differences from NumPy: as :func:`median` for ``overwrite_input``.
    """
    return _quantile(a, q, axis, out, method, keepdims, weights, True, False)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=NoValue, *, weights=None):
    """The q-th quantiles of the data along the specified axes, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanquantile`.

    Differences from NumPy: as :func:`median` for ``overwrite_input``.
    """
    return _quantile(a, q, axis, out, method, keepdims, weights, False, True)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=NoValue, *, weights=None):
    """The q-th percentiles of the data along the specified axes, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanpercentile`.

    Differences from NumPy: as :func:`median` for ``overwrite_input``.
    """
    return _quantile(a, q, axis, out, method, keepdims, weights, True, True)


# ----- averages and correlating: average, cov, corrcoef; ptp, nanargmax, nanargmin ----------------
# Written against torchnp's own functions, as NumPy's are, so that they inherit their dtypes,
# out= and errors.

def _as_ndarray(a):
    return a if isinstance(a, ndarray) else convert.wrap_array(convert.as_tensor(a))


def average(a, axis=None, weights=None, returned=False, *, keepdims=NoValue):
    """The weighted average along the specified axes.

    torchnp implementation of :func:`numpy.average`.
    """
    a = _as_ndarray(a)
    t = a._t
    axes = None if axis is None else _axis_tuple(axis, t.ndim)
    keep = {} if keepdims is NoValue else {"keepdims": keepdims}
    if weights is None:
        avg = ndarray_mean(a, axes, **keep)
        if avg._t.numel() == 0:
            raise ZeroDivisionError("division by zero")       # NumPy's a.size / avg.size
        scl = _wrap_dt(torch.tensor(t.numel() / avg._t.numel(), dtype=avg._dt,
                                    device=t.device), avg._dt)
    else:
        w = _weights_like(weights, t, axes)
        strong = [t.dtype, w.dtype]
        if not (t.dtype.is_floating_point or t.is_complex()):
            strong.append(torch.float64)
        res_dt = promotion.result_dtype(strong)
        np_dt = _dtypes.to_numpy_dtype(res_dt)
        scl = _math.sum(convert.wrap(w), axes, dtype=np_dt, **keep)
        if bool((scl._t == 0).any()):          # host-sync: NumPy refuses a zero sum of weights
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        total = _math.sum(_u.multiply(a, convert.wrap(w), dtype=np_dt), axes, **keep)
        avg = _u.true_divide(total, scl)
    if not returned:
        return avg
    if tuple(scl._t.shape) != tuple(avg._t.shape):
        scl = convert.wrap_array(scl._t.expand(avg._t.shape).clone())
    return avg, scl


def _sample_weights(weights, name, n, integral):
    """fweights / aweights as float64, with NumPy's checks (``integral``: fweights)."""
    w = _creation.asarray(weights, dtype=float)
    if integral and not bool((w._t == torch.round(w._t)).all()):    # host-sync: NumPy's check
        raise TypeError("fweights must be integer")
    if w.ndim > 1:
        raise RuntimeError(f"cannot handle multidimensional {name}")
    if w.shape[0] != n:
        raise RuntimeError(f"incompatible numbers of samples and {name}")
    if bool((w._t < 0).any()):                                      # host-sync: NumPy's check
        raise ValueError(f"{name} cannot be negative")
    return w


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """The covariance matrix of the variables in ``m`` (and ``y``).

    torchnp implementation of :func:`numpy.cov`.
    """
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    mt = convert.as_tensor(m)
    if mt.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    yt = None if y is None else convert.operands(mt, y)[1]
    if yt is not None and yt.ndim > 2:
        raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = _dtypes.to_numpy_dtype(promotion.result_dtype(
            [mt.dtype, torch.float64] + ([] if yt is None else [yt.dtype])))
    x = _creation.array(convert.wrap_array(mt), ndmin=2, dtype=dtype)
    if not rowvar and mt.ndim != 1:
        x = x.T
    if x.shape[0] == 0:
        return _creation.array([], device=mt.device).reshape(0, 0)
    if yt is not None:
        y2 = _creation.array(convert.wrap_array(yt), copy=None, ndmin=2, dtype=dtype)
        if not rowvar and y2.shape[0] != 1:
            y2 = y2.T
        x = _manipulation.concatenate((x, y2), axis=0)
    if ddof is None:
        ddof = 1 if bias == 0 else 0
    w = fw = aw = None
    if fweights is not None:
        w = fw = _sample_weights(fweights, "fweights", x.shape[1], True)
    if aweights is not None:
        aw = _sample_weights(aweights, "aweights", x.shape[1], False)
        w = aw if w is None else _u.multiply(w, aw)
    avg, w_sum = average(x, axis=1, weights=w, returned=True)
    w_sum = w_sum[0]
    if w is None:
        fact = x.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aw is None:
        fact = w_sum - ddof
    else:
        fact = w_sum - ddof * _math.sum(w * aw) / w_sum
    if fact <= 0:                          # host-sync: NumPy's warning (fact is a scalar)
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        fact = 0.0
    _u.subtract(x, avg[:, None], out=x)
    x_t = x.T if w is None else (x * w).T
    c = _products.dot(x, x_t.conj())
    _u.multiply(c, _reciprocal(fact, c._t.device), out=c)
    return c.squeeze()


def _reciprocal(fact, device):
    """NumPy's ``true_divide(1, fact)``: a float64 scalar (made on ``device`` for a Python
    ``fact``: no default-device lookup, which torch.compile cannot trace)."""
    if isinstance(fact, ndarray):
        return _u.true_divide(1, fact)
    value = math.inf if fact == 0 else 1 / fact
    return _wrap_dt(torch.tensor(value, dtype=torch.float64, device=device), torch.float64)


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson product-moment correlation coefficients.

    torchnp implementation of :func:`numpy.corrcoef`.
    """
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim != 2:
        return _u.true_divide(c, c)           # NumPy: diag() of a scalar fails; c / c
    stddev = _u.sqrt(_indexing.diagonal(c).real)
    # (NumPy divides in place: c keeps its dtype, as these quotients do)
    t = _u.true_divide(_u.true_divide(c, stddev[:, None]), stddev[None, :])._t
    # NumPy clips the real part (and the imaginary part) into [-1, 1]
    if t.is_complex():
        return convert.wrap(torch.complex(t.real.clamp(-1, 1), t.imag.clamp(-1, 1)))
    return convert.wrap(t.clamp(-1, 1))


def ptp(a, axis=None, out=None, keepdims=NoValue):
    """Range of values (maximum - minimum) along an axis.

    torchnp implementation of :func:`numpy.ptp`.
    """
    keepdims = False if keepdims is NoValue else keepdims
    high = _math.max(a, axis, out, keepdims)
    return _u.subtract(high, _math.min(a, axis, None, keepdims), out=out)


def _nan_arg(name, a, axis, out, keepdims, fill):
    """argmax / argmin with NaNs replaced by ``fill`` (NumPy's ``_replace_nan``)."""
    t = convert.as_tensor(a)
    _checked_out(out, t)
    if t.dtype.is_floating_point or t.is_complex():
        nan = torch.isnan(t)
        if nan.numel():
            every = _logic.all(convert.wrap(nan), axis=axis)        # NumPy's axis errors too
            if bool(every._t.any()):            # host-sync: NumPy raises for an all-NaN slice
                raise ValueError(_ALL_NAN)
        a = convert.wrap(torch.where(nan, _red.const(fill, t.dtype, t.device), t))
    arg = _sorting.argmax if name == "argmax" else _sorting.argmin
    return arg(a, axis, out, keepdims=keepdims)


def nanargmax(a, axis=None, out=None, *, keepdims=NoValue):
    """Indices of the maximum values along an axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanargmax`.
    """
    return _nan_arg("argmax", a, axis, out, keepdims, float("-inf"))


def nanargmin(a, axis=None, out=None, *, keepdims=NoValue):
    """Indices of the minimum values along an axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanargmin`.
    """
    return _nan_arg("argmin", a, axis, out, keepdims, float("inf"))
