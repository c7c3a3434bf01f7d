"""Mathematical functions: sums, products, cumulative sums, extrema, clipping, rounding, and their
NaN-ignoring variants. Reductions go through the one driver in ``_core/reduction.py``.
The numpy/lib functions at the end (differences, gradients, integrals, convolution, interpolation,
sinc, nan_to_num, unwrap, fix) are NumPy's algorithms written against torchnp's own functions."""
import builtins
import math
import warnings

import numpy
import torch

from torchnp import _kernels as _k
from torchnp import _manipulation
from torchnp import _math_ufuncs as _u
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray
from torchnp._creation import array, asanyarray, asarray, full_like, zeros_like
from torchnp._indexing import take, where
from torchnp._logic import isneginf, isposinf
from torchnp._sorting import argsort, searchsorted

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
            and (initial is None or initial is NoValue) and (where is True or where is NoValue)
            and (a._t.ndim <= 2 or a._t.is_contiguous())):     # else NumPy's layout: reduce()
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
        res = _red.in_memory_order(lambda x, d, _: fn(x, d[0]), t, [dim], True)
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
            and (initial is None or initial is NoValue) and a._dt in _EXTREME_FAST
            and (a._t.ndim <= 2 or a._t.is_contiguous())):     # else NumPy's layout: reduce()
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


# ----- differences, gradients, integrals ----------------------------------------------------------

def _along(axis, ndim, index):
    """The index tuple that picks ``index`` (an int or a slice) along ``axis``, all of the rest."""
    key = [slice(None)] * ndim
    key[axis] = index
    return tuple(key)


def _edge_for_diff(value, a, axis):
    """``prepend``/``append``: an array; a 0-d one broadcast to one slice of ``a`` along axis."""
    value = asanyarray(value)
    if value.ndim == 0:
        shape = list(a.shape)
        shape[axis] = 1
        value = _manipulation.broadcast_to(value, tuple(shape))
    return value


def diff(a, n=1, axis=-1, prepend=NoValue, append=NoValue):
    """The n-th discrete difference along the given axis.

    torchnp implementation of :func:`numpy.diff`.
    """
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = asanyarray(a)
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = convert.normalize_axis_index(axis, a.ndim)
    parts = [a]
    if prepend is not NoValue:
        parts.insert(0, _edge_for_diff(prepend, a, axis))
    if append is not NoValue:
        parts.append(_edge_for_diff(append, a, axis))
    if len(parts) > 1:
        a = _manipulation.concatenate(parts, axis)
    later, earlier = _along(axis, a.ndim, slice(1, None)), _along(axis, a.ndim, slice(None, -1))
    op = _u.not_equal if a.dtype == _dtypes.bool_ else _u.subtract
    for _ in range(n):
        a = op(a[later], a[earlier])
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    """The differences between consecutive elements of the flattened array, with optional values
    before and after.

    torchnp implementation of :func:`numpy.ediff1d`.
    """
    ary = asanyarray(ary).ravel()
    begin = _ediff1d_edge(to_begin, ary.dtype, "to_begin")
    end = _ediff1d_edge(to_end, ary.dtype, "to_end")
    diffs = _u.subtract(ary[1:], ary[:-1])
    if begin is None and end is None:
        return diffs
    parts = [p.astype(diffs.dtype) for p in (begin, diffs, end) if p is not None]
    return _manipulation.concatenate(parts)


def _ediff1d_edge(value, dt, name):
    if value is None:
        return None
    if not isinstance(value, ndarray):      # (a 0-d result stays as it is: ravel copies it)
        value = asanyarray(value)
    if not promotion.can_cast(value, dt, casting="same_kind"):
        raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under the "
                        "`same_kind` rule.")
    return value.ravel()


def gradient(f, *varargs, axis=None, edge_order=1):
    """The gradient of an N-dimensional array: second order accurate central differences inside,
    first or second order one-sided differences at the boundaries.

    torchnp implementation of :func:`numpy.gradient`.
    """
    f = asanyarray(f)
    axes = tuple(range(f.ndim)) if axis is None else convert.normalize_axis_tuple(axis, f.ndim)
    spacings = _gradient_spacings(f, axes, varargs)
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    if f.dtype.kind in "iu":
        f = f.astype(_dtypes.float64)
    out_dt = f.dtype if f.dtype.kind in "fc" else _dtypes.float64
    outs = [_gradient_along(f, ax, dx, edge_order).astype(out_dt, copy=False)
            for ax, dx in zip(axes, spacings)]
    return outs[0] if len(axes) == 1 else tuple(outs)


def _gradient_spacings(f, axes, varargs):
    """One spacing per axis: a scalar, or the differences of 1-d coordinates (a scalar again
    when they are uniform)."""
    if not varargs:
        return [1.0] * len(axes)
    if len(varargs) == 1 and _ndim(varargs[0]) == 0:
        return list(varargs) * len(axes)
    if len(varargs) != len(axes):
        raise TypeError("invalid number of arguments")
    spacings = []
    for ax, distances in zip(axes, varargs):
        distances = asanyarray(distances)
        if distances.ndim == 0:
            spacings.append(varargs[len(spacings)])
            continue
        if distances.ndim != 1:
            raise ValueError("distances must be either scalars or 1d")
        if len(distances) != f.shape[ax]:
            raise ValueError("when 1d, distances must match the length of the corresponding "
                             "dimension")
        if distances.dtype.kind in "iu":
            distances = distances.astype(_dtypes.float64)
        convert.on_one_device([f._t, distances._t])
        dx = diff(distances)
        # host-sync: NumPy takes the uniform-spacing formulas when the differences are all equal
        spacings.append(dx[0] if builtins.bool((dx == dx[0]).all()) else dx)
    return spacings


def _ndim(x):
    if isinstance(x, ndarray):
        return x.ndim
    return 0 if isinstance(x, (int, float, complex)) else numpy.ndim(x)    # host data: nesting


def _gradient_along(f, axis, dx, edge_order):
    n = f.ndim
    if f.shape[axis] < edge_order + 1:
        raise ValueError("Shape of array too small to calculate a numerical gradient, at least "
                         "(edge_order + 1) elements are required.")

    def at(index):
        return f[_along(axis, n, index)]

    uniform = _ndim(dx) == 0
    if uniform:
        inner = (at(slice(2, None)) - at(slice(None, -2))) / (2.0 * dx)
    else:
        dx1, dx2 = dx[:-1], dx[1:]
        shape = [1] * n
        shape[axis] = -1
        a = (-dx2 / (dx1 * (dx1 + dx2))).reshape(shape)
        b = ((dx2 - dx1) / (dx1 * dx2)).reshape(shape)
        c = (dx1 / (dx2 * (dx1 + dx2))).reshape(shape)
        inner = a * at(slice(None, -2)) + b * at(slice(1, -1)) + c * at(slice(2, None))
    first, last = _gradient_edges(at, dx, uniform, edge_order)
    dt = promotion.result_type(inner, first, last)
    return _manipulation.concatenate([p.astype(dt, copy=False) for p in (first, inner, last)], axis)


def _gradient_edges(at, dx, uniform, edge_order):
    """The one-sided differences at both ends (each keeping its axis, of length 1)."""
    def rows(i, j, k=None):
        return at(slice(i, i + 1 if i != -1 else None)), at(slice(j, j + 1 if j != -1 else None)), \
            None if k is None else at(slice(k, k + 1 if k != -1 else None))

    if edge_order == 1:
        f0, f1, _ = rows(0, 1)
        g0, g1, _ = rows(-2, -1)
        return (f1 - f0) / (dx if uniform else dx[0]), (g1 - g0) / (dx if uniform else dx[-1])
    if uniform:
        a, b, c = -1.5 / dx, 2.0 / dx, -0.5 / dx
        a2, b2, c2 = 0.5 / dx, -2.0 / dx, 1.5 / dx
    else:
        dx1, dx2 = dx[0], dx[1]
        a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2))
        b = (dx1 + dx2) / (dx1 * dx2)
        c = -dx1 / (dx2 * (dx1 + dx2))
        dx1, dx2 = dx[-2], dx[-1]
        a2 = dx2 / (dx1 * (dx1 + dx2))
        b2 = -(dx2 + dx1) / (dx1 * dx2)
        c2 = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2))
    f0, f1, f2 = rows(0, 1, 2)
    g0, g1, g2 = rows(-3, -2, -1)
    return a * f0 + b * f1 + c * f2, a2 * g0 + b2 * g1 + c2 * g2


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integrate along the given axis with the composite trapezoidal rule.

    torchnp implementation of :func:`numpy.trapezoid`.
    """
    y = asanyarray(y)
    if x is None:
        d = dx
    else:
        x = asanyarray(x)
        if x.ndim == 1:
            d = diff(x)
            shape = [1] * y.ndim
            shape[axis] = d.shape[0]
            d = d.reshape(shape)
        else:
            d = diff(x, axis=axis)
    later, earlier = _along(axis, y.ndim, slice(1, None)), _along(axis, y.ndim, slice(None, -1))
    return (d * (y[later] + y[earlier]) / 2.0).sum(axis)


# ----- cumulative sums and products (the Array API's) ---------------------------------------------

def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Cumulative sum along an axis, optionally starting with the initial zero.

    torchnp implementation of :func:`numpy.cumulative_sum`.
    """
    return _cumulative_with_initial(_u.add, x, axis, dtype, out, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Cumulative product along an axis, optionally starting with the initial one.

    torchnp implementation of :func:`numpy.cumulative_prod`.
    """
    return _cumulative_with_initial(_u.multiply, x, axis, dtype, out, include_initial)


def _cumulative_with_initial(uf, x, axis, dtype, out, include_initial):
    x = _manipulation.atleast_1d(x)
    if axis is None:
        if x.ndim >= 2:
            raise ValueError("For arrays which have more than one dimension ``axis`` argument is "
                             "required.")
        axis = 0
    if out is not None and include_initial:
        uf.accumulate(x, axis=axis, dtype=dtype, out=out[_along(axis, x.ndim, slice(1, None))])
        out[_along(axis, x.ndim, 0)] = uf.identity
        return out
    res = uf.accumulate(x, axis=axis, dtype=dtype, out=out)
    if include_initial:
        shape = list(x.shape)
        shape[convert.normalize_axis_index(axis, x.ndim)] = 1
        t = res._t
        initial = convert.wrap(torch.full(shape, uf.identity, dtype=t.dtype, device=t.device))
        res = _manipulation.concatenate([initial, res], axis=axis)
    return res


# ----- convolution, correlation -------------------------------------------------------------------

_MODES = {"valid": 0, "same": 1, "full": 2, 0: 0, 1: 1, 2: 2}


def convolve(a, v, mode="full"):
    """The discrete, linear convolution of two 1-d sequences.

    torchnp implementation of :func:`numpy.convolve`.
    """
    a, v = _manipulation.atleast_1d(asarray(a)), _manipulation.atleast_1d(asarray(v))
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    if len(v) > len(a):
        a, v = v, a
    return _correlate_mode(a, v[::-1], _mode_code(mode), swapped=False)


def correlate(a, v, mode="valid"):
    """The cross-correlation of two 1-d sequences: ``z[k] = sum_n a[n+k] * conj(v[n])``.

    torchnp implementation of :func:`numpy.correlate`.
    """
    a, v = asarray(a), asarray(v)
    if a.ndim == 0 or v.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    code = _mode_code(mode)
    if len(a) == 0:
        raise ValueError("first array argument cannot be empty")
    if len(v) == 0:
        raise ValueError("second array argument cannot be empty")
    if v.dtype.kind == "c":
        v = _u.conjugate(v)
    return _correlate_mode(a, v, code, swapped=len(v) > len(a))


def _mode_code(mode):
    code = _MODES.get(mode) if isinstance(mode, (str, int)) else None
    if code is not None:
        return code
    if isinstance(mode, int):
        raise ValueError("integer convolve/correlate mode must be 0, 1, or 2")
    if not isinstance(mode, str):
        raise TypeError("convolve/correlate mode not understood")
    if mode[:1] in ("v", "s", "f"):
        raise ValueError("Use one of 'valid', 'same', or 'full' for convolve/correlate mode")
    raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")


def _correlate_mode(a, v, code, swapped):
    """The part of the full correlation ``sum_n a[n+k] * v[n]`` (k from -(len(v)-1)) that
    ``code`` keeps; ``swapped``: NumPy computed it with the longer sequence first."""
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array")
    n, m = len(a), len(v)
    full = _correlate_full(a, v)
    longer, shorter = builtins.max(n, m), builtins.min(n, m)
    if code == 2:
        return full
    if code == 0:
        return full[shorter - 1:longer]
    start = shorter - 1 - shorter // 2
    if swapped:
        start = n + m - 1 - start - longer
    return full[start:start + longer]


def _correlate_full(a, v):
    """Every overlap of ``v`` with the zero-padded ``a`` (windows: strided views, no copy), each
    reduced by a matrix product (NumPy's dtype and integer wrapping)."""
    m = len(v)
    pad = zeros_like(a, shape=(m - 1,))
    padded = _manipulation.concatenate((pad, a, pad))
    windows = convert.wrap(padded.tensor.unfold(0, m, 1))
    return _u.matmul(windows, v.astype(promotion.result_type(a, v), copy=False))


# ----- interpolation ------------------------------------------------------------------------------

def interp(x, xp, fp, left=None, right=None, period=None):
    """One-dimensional linear interpolation for monotonically increasing sample points.

    torchnp implementation of :func:`numpy.interp`: computed in float64 (complex128 for complex
    ``fp``), differentiable in ``x`` and ``fp``.
    """
    fp = asarray(fp)
    convert.on_one_device([a._t for a in (x, xp, fp) if isinstance(a, ndarray)])
    is_complex = fp.dtype.kind == "c"
    fp_dt = _dtypes.complex128 if is_complex else _dtypes.float64
    x, xp = _real_float64(x), _real_float64(xp)
    fp = fp.astype(fp_dt, copy=False)
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        left = right = None
        if xp.ndim != 1 or fp.ndim != 1:
            raise ValueError("Data points must be 1-D sequences")
        if xp.shape[0] != fp.shape[0]:
            raise ValueError("fp and xp are not of the same length")
        x, xp = x % period, xp % period
        order = argsort(xp)         # in range: no bounds check (a read-back off the CPU)
        xp, fp = take(xp, order, mode="clip"), take(fp, order, mode="clip")
        xp = _manipulation.concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = _manipulation.concatenate((fp[-1:], fp, fp[0:1]))
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if len(xp) == 0:
        raise ValueError("array of sample points is empty")
    if len(xp) != len(fp):
        raise ValueError("fp and xp are not of the same length.")
    if is_complex:
        res = _interp_real(x, xp, fp.real, _part(left, "real"), _part(right, "real")) \
            + 1j * _interp_real(x, xp, fp.imag, _part(left, "imag"), _part(right, "imag"))
    else:
        res = _interp_real(x, xp, fp, _float_or_none(left), _float_or_none(right))
    return res[()]


def _real_float64(x):
    """``x`` as float64, as NumPy reads it: a complex array fails the safe cast, complex Python
    data fails ``float()``."""
    a = asarray(x)
    if a.dtype.kind == "c":
        if not isinstance(x, ndarray):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        what = "scalar" if a.ndim == 0 else "array data"
        raise TypeError(f"Cannot cast {what} from {a.dtype!r} to dtype('float64') according to "
                        "the rule 'safe'")
    return a.astype(_dtypes.float64, copy=False)


def _float_or_none(value):
    return None if value is None else float(_number(value, complex))


def _part(value, name):
    return None if value is None else getattr(complex(_number(value)), name)


def _number(value, refused=()):
    """``left``/``right``, which NumPy reads as C numbers: never from a string."""
    if isinstance(value, (str, bytes)) or isinstance(value, refused):
        raise TypeError(f"must be real number, not {type(value).__name__}")
    return value


def _interp_real(x, xp, fp, left, right):
    """NumPy's interpolation of real ``fp`` (float64): the slope through the neighbouring points,
    from the right-hand point where the left-hand one gives NaN (an infinite ``fp``)."""
    left = fp[0] if left is None else left
    right = fp[-1] if right is None else right
    if len(xp) == 1:
        res = full_like(x, fp[0])
    else:
        j = _u.minimum(_u.maximum(searchsorted(xp, x, side="right") - 1, 0), len(xp) - 2)
        # j is in range: take without NumPy's bounds check, which reads j back from the device
        x0, x1, f0, f1 = (take(v, k, mode="clip") for v, k in ((xp, j), (xp, j + 1), (fp, j),
                                                               (fp, j + 1)))
        slope = (f1 - f0) / (x1 - x0)
        res = slope * (x - x0) + f0
        res = where(_u.isnan(res), slope * (x - x1) + f1, res)
        res = where(_u.isnan(res) & (f0 == f1), f0, res)
        res = where(x == xp[-1], fp[-1], res)
    res = where(x < xp[0], left, where(x > xp[-1], right, res))
    return where(_u.isnan(x), x, res)


# ----- sinc, nan_to_num, unwrap, fix --------------------------------------------------------------

def sinc(x):
    """The normalized sinc function, ``sin(pi x) / (pi x)`` (1 at 0).

    torchnp implementation of :func:`numpy.sinc`.
    """
    x = asanyarray(x) * math.pi
    eps = _dtypes.finfo(x.dtype).eps if x.dtype.kind == "f" else 1e-20
    y = where(x, x, eps)
    return _u.sin(y) / y


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """NaN replaced by ``nan``, infinities by ``posinf``/``neginf`` (default: the dtype's
    largest and most negative finite values).

    torchnp implementation of :func:`numpy.nan_to_num`.
    """
    src = array(x, copy=False if convert.copy_flag(copy) is False else None)
    scalar = src.ndim == 0
    if src.dtype.kind not in "fc":
        res = array(src, copy=True) if copy else src
    else:
        fi = _dtypes.finfo(src.real.dtype)
        big = fi.max if posinf is None else posinf
        small = fi.min if neginf is None else neginf

        def replaced(part):
            return where(_u.isnan(part), nan,
                         where(isposinf(part), big, where(isneginf(part), small, part)))
        if src.dtype.kind == "c":
            res = convert.wrap(torch.complex(replaced(src.real)._t, replaced(src.imag)._t))
        else:
            res = replaced(src)
        if not copy and src is x:       # NumPy writes into the input itself
            src[...] = res
            res = src
    return res[()] if scalar else res


def unwrap(p, discont=None, axis=-1, *, period=2 * math.pi):
    """Unwrap by taking the complement of large deltas with respect to the period.

    torchnp implementation of :func:`numpy.unwrap`.
    """
    p = asarray(p)
    dd = diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    later = _along(axis, p.ndim, slice(1, None))
    dt = promotion.result_type(dd, period)
    if dt.kind in "iu":
        high, rem = divmod(period, 2)
        ambiguous = rem == 0
    else:
        high, ambiguous = period / 2, True
    low = -high
    ddmod = _u.mod(dd - low, period) + low
    if ambiguous:
        ddmod = where((ddmod == low) & (dd > 0), high, ddmod)
    correction = where(_u.absolute(dd) < discont, 0, ddmod - dd)
    first = _along(axis, p.ndim, slice(None, 1))
    return _manipulation.concatenate((p[first].astype(dt, copy=False),
                        (p[later] + correction.cumsum(axis)).astype(dt, copy=False)), axis)


def fix(x, out=None):
    """Round to the nearest integer towards zero.

    torchnp implementation of :func:`numpy.fix`.
    """
    return _u.trunc(x, out=out)
