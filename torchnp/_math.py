"""Mathematical functions: sums, products, cumulative sums, extrema, clipping, rounding, and their
NaN-ignoring variants. Reductions go through the one driver in ``_core/reduction.py``."""
import builtins
import warnings

import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_new = object.__new__
_wrap_dt = convert.wrap_dt

# Input dtypes for which torch.sum/prod already return NumPy's result dtype (fast path).
_SUM_FAST = {torch.float64: torch.float64, torch.float32: torch.float32,
             torch.float16: torch.float16, torch.complex64: torch.complex64,
             torch.complex128: torch.complex128, torch.int64: torch.int64,
             torch.int32: torch.int64, torch.int16: torch.int64, torch.int8: torch.int64,
             torch.bool: torch.int64}
_torch_sum = torch.sum
_torch_prod = torch.prod
# Input dtypes torch.amax/amin handle directly (fast path).
_EXTREME_FAST = frozenset({torch.float64, torch.float32, torch.float16, torch.int64, torch.int32,
                           torch.int16, torch.int8, torch.uint8, torch.bool})


# ----- sum, prod ----------------------------------------------------------------------------------

def sum(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Sum of array elements over a given axis.

    torchnp implementation of :func:`numpy.sum`.
    """
    return ndarray_sum(a, axis, dtype, out, keepdims, initial, where)


def ndarray_sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    """``a.sum(...)``, and :func:`sum`'s body: a method's defaults must be constants for
    torch.compile, so both spellings of "not given" (the method's, NumPy's NoValue) are read in
    :func:`_sum_prod`.
    """
    return _sum_prod(_red.SUM, self, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Product of array elements over a given axis.

    torchnp implementation of :func:`numpy.prod`.
    """
    return ndarray_prod(a, axis, dtype, out, keepdims, initial, where)


def ndarray_prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    """``a.prod(...)``, and :func:`prod`'s body (see :func:`ndarray_sum`)."""
    return _sum_prod(_red.PROD, self, axis, dtype, out, keepdims, initial, where)


def _sum_prod(op, a, axis, dtype, out, keepdims, initial, where):
    """The body of sum and prod (``op``: the reduction). Fast path: an ndarray without dtype,
    out, initial or where, reduced over all axes, one int axis, or (sum) a tuple of axes."""
    if (type(a) is ndarray and dtype is None and out is None
            and (initial is None or initial is NoValue) and (where is True or where is NoValue)):
        dt = _SUM_FAST.get(a._dt)
        if dt is not None:
            t = None
            fn = _torch_sum if op is _red.SUM else _torch_prod
            try:        # bad axes make torch raise: the general path raises NumPy's error
                if axis is None:
                    if keepdims is False or keepdims is NoValue:
                        t = fn(a._t)
                elif keepdims is False or keepdims is True or keepdims is NoValue:
                    # torch: sum over () is over all dims; prod takes one dim
                    if type(axis) is int or (type(axis) is tuple and axis and fn is _torch_sum):
                        t = fn(a._t, axis, keepdims is True)
            except (IndexError, RuntimeError, TypeError):
                pass
            if t is not None:
                res = _new(ndarray)         # convert.wrap_dt inlined: ~10% of the overhead here
                res._t = t
                res._dt = dt
                res._base = None
                res._scalar = True
                return res
    t = convert.as_tensor(a)
    if dtype is None:
        res_dt = promotion.sum_dtype(t.dtype)
    else:
        res_dt = _dtypes.to_torch_dtype(dtype)
        t = t.to(res_dt)
    return _red.reduce(op, t, res_dt, axis, out, keepdims, initial, where)


# ----- cumulative sum, product --------------------------------------------------------------------

def cumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum of the elements along a given axis.

    torchnp implementation of :func:`numpy.cumsum`.
    """
    return _cumulative(torch.cumsum, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product of elements along a given axis.

    torchnp implementation of :func:`numpy.cumprod`.
    """
    return _cumulative(torch.cumprod, a, axis, dtype, out)


def _cumulative(fn, a, axis, dtype, out):
    t = convert.as_tensor(a)
    if axis is None or t.ndim == 0:
        t = convert.flatten_for_axis(t, None)[0]
        dim = 0 if axis is None else convert.normalize_axis_index(axis, 1)
    else:
        dim = convert.normalize_axis_index(axis, t.ndim)
    res_dt = promotion.sum_dtype(t.dtype) if dtype is None else _dtypes.to_torch_dtype(dtype)
    try:
        if dtype is not None:
            t = t.to(res_dt)
        # torch: cumsum/cumprod of integers return int64, whose bits equal NumPy's wrapped result.
        res = fn(t, dim)
        if res.dtype is not res_dt:
            res = res.to(res_dt)
    except RuntimeError as err:     # NumPy ravels a non-contiguous input into a copy first
        raise (convert.copy_error(t, t.dtype, err) if axis is None else None) or \
            convert.allocation_error(tuple(t.shape), res_dt, err) or err from None
    return _red.result_or_out(res, res_dt, convert.check_out(out), "accumulation")


# ----- max, min -----------------------------------------------------------------------------------

def max(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Maximum of an array or maximum along an axis (NaN propagates).

    torchnp implementation of :func:`numpy.max`.
    """
    return ndarray_max(a, axis, out, keepdims, initial, where)


def ndarray_max(self, axis=None, out=None, keepdims=False, initial=None, where=True):
    """``a.max(...)``, and :func:`max`'s body (see :func:`ndarray_sum`)."""
    return _max_min(torch.amax, _red.MAX, self, axis, out, keepdims, initial, where)


def min(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Minimum of an array or minimum along an axis (NaN propagates).

    torchnp implementation of :func:`numpy.min`.
    """
    return ndarray_min(a, axis, out, keepdims, initial, where)


def ndarray_min(self, axis=None, out=None, keepdims=False, initial=None, where=True):
    """``a.min(...)``, and :func:`min`'s body (see :func:`ndarray_sum`)."""
    return _max_min(torch.amin, _red.MIN, self, axis, out, keepdims, initial, where)


amax = max
amin = min


def _max_min(fn, op, a, axis, out, keepdims, initial, where):
    """The body of max and min (``fn``: torch.amax or amin; ``op``: the reduction). Fast path: an
    ndarray, no out / where / initial, axis None or an int: one torch call."""
    if (type(a) is ndarray and out is None and (where is True or where is NoValue)
            and (initial is None or initial is NoValue) and a._dt in _EXTREME_FAST):
        # Empty input and bad axes make torch raise: the general path then raises NumPy's error.
        try:
            if axis is None:
                if keepdims is NoValue or keepdims is False:
                    return _wrap_dt(fn(a._t), a._dt)
            elif type(axis) is int and (keepdims is False or keepdims is True
                                        or keepdims is NoValue):
                return _wrap_dt(fn(a._t, axis, keepdims is True), a._dt)
        except (IndexError, RuntimeError):
            pass
    return _extreme(op, a, axis, out, keepdims, initial, where)


def _extreme(op, a, axis, out, keepdims, initial, where):
    t = convert.as_tensor(a)
    return _red.reduce(op, t, t.dtype, axis, out, keepdims, initial, where)


# ----- NaN-ignoring reductions --------------------------------------------------------------------

def _nan_to(t, value):
    if t.dtype.is_floating_point or t.dtype.is_complex:
        mask = None
        try:
            mask = torch.isnan(t)
            return torch.where(mask, _red.const(value, t.dtype, t.device), t)
        except RuntimeError as err:     # NumPy's mask of the NaNs (bool), then its copy of t
            dt = torch.bool if mask is None else t.dtype
            raise convert.allocation_error(tuple(t.shape), dt, err) or err from None
    return t


def nansum(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Sum of array elements over a given axis, treating NaNs as zero.

    torchnp implementation of :func:`numpy.nansum`.
    """
    t = _nan_to(convert.as_tensor(a), 0)
    return _sum_prod(_red.SUM, _wrap_dt(t, t.dtype), axis, dtype, out, keepdims, initial, where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Product of array elements over a given axis, treating NaNs as one.

    torchnp implementation of :func:`numpy.nanprod`.
    """
    t = _nan_to(convert.as_tensor(a), 1)
    return _sum_prod(_red.PROD, _wrap_dt(t, t.dtype), axis, dtype, out, keepdims, initial, where)


def nancumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum of array elements over a given axis, treating NaNs as zero.

    torchnp implementation of :func:`numpy.nancumsum`.
    """
    t = _nan_to(convert.as_tensor(a), 0)
    return _cumulative(torch.cumsum, _wrap_dt(t, t.dtype), axis, dtype, out)


def nancumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product of array elements over a given axis, treating NaNs as one.

    torchnp implementation of :func:`numpy.nancumprod`.
    """
    t = _nan_to(convert.as_tensor(a), 1)
    return _cumulative(torch.cumprod, _wrap_dt(t, t.dtype), axis, dtype, out)


def nanmax(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Maximum of an array or along an axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanmax`.
    """
    return _nan_extreme(_red.FMAX, a, axis, out, keepdims, initial, where)


def nanmin(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """Minimum of an array or along an axis, ignoring NaNs.

    torchnp implementation of :func:`numpy.nanmin`.
    """
    return _nan_extreme(_red.FMIN, a, axis, out, keepdims, initial, where)


def _nan_extreme(op, a, axis, out, keepdims, initial, where):
    """NumPy's nanmax / nanmin: an fmax / fmin reduction, and a warning where a slice is all NaN."""
    res = _extreme(op, a, axis, out, keepdims, initial, where)
    t = res._t
    inexact = t.is_floating_point() or t.is_complex()
    if inexact and bool(torch.isnan(t).any()):     # host-sync: NumPy warns on an all-NaN slice
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
    return res


# ----- clip ---------------------------------------------------------------------------------------

def clip(a, a_min=NoValue, a_max=NoValue, out=None, *, min=NoValue, max=NoValue, **kwargs):
    """Clip (limit) the values in an array.

    torchnp implementation of :func:`numpy.clip`.
    """
    if a_min is NoValue and a_max is NoValue:
        a_min = None if min is NoValue else min
        a_max = None if max is NoValue else max
    elif a_min is NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_min'")
    elif a_max is NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_max'")
    elif min is not NoValue or max is not NoValue:
        raise ValueError("Passed `min` or `max` keyword argument when `a_min` and `a_max` were "
                         "also passed. Only one should be passed.")
    casting = kwargs.pop("casting", "same_kind")
    dtype = kwargs.pop("dtype", None)
    for name, value in kwargs.items():
        if not (name == "where" and value is True) and not (name in ("order", "subok")):
            raise NotImplementedError(f"clip: the argument {name!r} is not supported")
    t, lo, hi = convert.operands(a, a_min, a_max, weak=(1, 2))
    int_range = _dtypes.INT_RANGE.get(t.dtype)
    if int_range is not None:
        # NumPy's clip drops a Python int bound beyond an integer array's range (it clips nothing)
        if type(lo) is int and lo <= int_range[0]:
            lo = None
        if type(hi) is int and hi >= int_range[1]:
            hi = None
    res_dt = (_dtypes.to_torch_dtype(dtype) if dtype is not None
              else promotion.weak_result_dtype((t, lo, hi)))
    lo, hi = (_bound_tensor(b, res_dt, t.device) for b in (lo, hi))
    try:
        res = _clip_kernel(t.to(res_dt), lo, hi)
    except RuntimeError as err:
        shapes = [tuple(x.shape) for x in (t, lo, hi) if x is not None]
        try:
            shape = convert.broadcast_shapes(shapes)
        except ValueError:
            raise convert.broadcast_error(shapes) from None
        if not convert.is_allocation_failure(err):
            raise
        raise convert.allocation_error(shape, res_dt, err) from None
    if out is None:
        return _wrap_dt(res, res_dt)
    return _red.write_ufunc_out(out, res, "clip", 3, casting)


def _bound_tensor(b, dt, device):
    """A bound (tensor, Python scalar or None) as a tensor of ``dt`` on ``device``."""
    if b is None:
        return None
    if isinstance(b, torch.Tensor):
        return b.to(dt)
    return _red.const(promotion.weak_value(b, dt), dt, device)


def _clip_kernel(t, lo, hi):
    dt = t.dtype
    if dt.is_complex:
        maximum, minimum = _k.maximum_complex, _k.minimum_complex
    else:
        maximum, minimum = torch.maximum, torch.minimum
        t = _k.ordered_signed(t)
        lo = None if lo is None else _k.ordered_signed(lo)
        hi = None if hi is None else _k.ordered_signed(hi)
    res = t if lo is None else maximum(t, lo)
    res = res if hi is None else minimum(res, hi)
    return _k.ordered_unsigned(res.clone() if res is t else res, dt)


# ----- rounding -----------------------------------------------------------------------------------

def round(a, decimals=0, out=None):
    """Evenly round to the given number of decimals.

    torchnp implementation of :func:`numpy.round`.
    """
    t = convert.as_tensor(a)
    decimals = convert.operator_index(decimals)
    if t.dtype is torch.bool and decimals:
        # NumPy scales bools by 10**decimals in float64: into out=, or into a bool array (an error)
        if out is None:
            raise _red.ufunc_cast_error("multiply" if decimals > 0 else "divide", 2,
                                        torch.float64, torch.bool)
        t = t.to(torch.float64)
    if out is None:
        try:
            res = _round_tensor(t, decimals)
        except RuntimeError as err:
            # NumPy rounds integers to tens, hundreds, ... in a float64 temporary, made first
            dt = torch.float64 if decimals < 0 and not t.dtype.is_floating_point and \
                not t.dtype.is_complex else t.dtype
            raise convert.allocation_error(tuple(t.shape), dt, err) or err from None
        return _wrap_dt(res, res.dtype)
    out = convert.check_out(out)
    into = out._t.dtype if decimals and (out._t.is_floating_point() or out._t.is_complex()) \
        else None
    return _round_out(out, t, _round_tensor(t, decimals, into), decimals)


around = round


def _round_out(out, t, res, decimals):
    """Write round's result into ``out`` as NumPy does: ``out`` has the result's size, and the
    casting rule (same_kind) of the ufunc or copy NumPy's round writes it with; then the result
    broadcasts into it."""
    dst_dt = out._t.dtype
    if out._t.numel() != res.numel():
        raise ValueError("invalid output shape")
    dt = t.dtype
    if dt.is_complex and not dst_dt.is_complex:
        raise TypeError("array does not have imaginary part to set")
    if dt.is_floating_point or dt is torch.bool or decimals < 0:
        if not (dst_dt.is_floating_point or dst_dt.is_complex):     # rint, multiply or divide
            name = "rint" if decimals == 0 else "multiply" if decimals > 0 else "divide"
            loop_dt = res.dtype if res.dtype.is_floating_point else torch.float64
            raise _red.ufunc_cast_error(name, 1 if decimals == 0 else 2, loop_dt, dst_dt)
    elif not dt.is_complex and not promotion.can_cast_dtype(dt, dst_dt, "same_kind"):
        raise TypeError(f"Cannot cast array data from {_dtypes.to_numpy_dtype(dt)!r} to "
                        f"{_dtypes.to_numpy_dtype(dst_dt)!r} according to the rule 'same_kind'")
    return convert.write_out(out, res, "unsafe")


def _round_tensor(t, decimals, into=None):
    """``t`` rounded; ``into``: the dtype of an out= that NumPy scales into (then rounds and
    unscales in that dtype)."""
    dt = t.dtype
    if dt is torch.bool:
        return t.to(torch.float16)
    if dt.is_complex:
        into = None if into is None else into.to_real()
        return torch.complex(_round_tensor(t.real, decimals, into),
                             _round_tensor(t.imag, decimals, into))
    if dt.is_floating_point:
        if decimals == 0:
            return torch.round(t)
        f = 10.0 ** abs(decimals)           # NumPy's formula, step by step in the input dtype
        y = t * f if decimals > 0 else t / f
        if into is not None and into.to_real() is not dt:
            y = y.to(into.to_real())        # (a complex out=: its real part, imaginary 0)
        return torch.round(y) / f if decimals > 0 else torch.round(y) * f
    if decimals >= 0:
        return t.clone()
    # integers, decimals < 0: exact round-half-to-even to a multiple of 10**-decimals.
    f = 10 ** -decimals
    if f > (1 << 62):
        return torch.zeros_like(t)
    x = t.to(torch.int64)                   # (uint64 as its bits: int casts wrap, both ways)
    q = torch.div(x, f, rounding_mode="floor")
    r = x - q * f
    up = (2 * r > f) | ((2 * r == f) & (q % 2 == 1))
    return ((q + up.to(torch.int64)) * f).to(dt)


def array_round(a, ndigits=None):
    """Python's ``round(a[, ndigits])`` on a 0-d array: as on the NumPy scalar it stands for."""
    dt = a._dt
    if a._t.ndim != 0 or dt is torch.bool or dt.is_complex:
        name = "ndarray" if a._t.ndim != 0 else _dtypes.to_numpy_dtype(dt).type.__name__
        raise TypeError(f"type numpy.{name} doesn't define __round__ method")
    if ndigits is None:
        return builtins.round(a._t.item())       # host-sync: Python's round returns an int
    return round(a, ndigits)


# ----- special functions --------------------------------------------------------------------------

def i0(x):
    """Modified Bessel function of the first kind, order 0.

    torchnp implementation of :func:`numpy.i0`. Integer and boolean input is computed in float64;
    a 0-d input gives a 0-d array, as NumPy's.
    """
    t = convert.as_tensor(x)
    if t.dtype.is_complex:
        raise TypeError("i0 not supported for complex values")
    if not t.dtype.is_floating_point:
        t = t.to(torch.float64)
    return convert.wrap_array(torch.special.i0(t))
