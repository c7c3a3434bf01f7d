"""Array manipulation: shapes, transposes, casts, joining, splitting, tiling, flipping.

Results that NumPy returns as views (reshape where possible, transpose, ravel, squeeze, split, ...)
are torch views of the input's tensor, made with ``convert.wrap_view`` so ``.base`` is set.
"""
import builtins
import itertools
import math
import operator
import warnings

import numpy
import torch

from torchnp import _creation
from torchnp import _kernels as _k
from torchnp import _logic
from torchnp import _math
from torchnp import _sorting
from torchnp import _statistics
from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import indexing as _ix
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core.convert import AxisError, normalize_axis_index, normalize_axis_tuple
from torchnp._core.ufunc import SPEEDUPS as _SPEEDUPS
from torchnp._core.ndarray import ndarray

_new = object.__new__
_tracing = torch.compiler.is_dynamo_compiling     # the C fast paths are eager only
_wrap_array = convert.wrap_array          # NumPy's manipulation functions return arrays, even 0-d
cast_tensor = convert.cast_tensor
_as_tensor = convert.as_tensor


def _view_of(t, a):
    """``t``, a view of ``a``'s tensor, as an ndarray (``.base`` set where ``a`` is one)."""
    if isinstance(a, ndarray):
        return convert.wrap_view(t, a)
    return _wrap_array(t)


def _np_dtype(dt):
    return _dtypes.to_numpy_dtype(dt)


# ----- shape -------------------------------------------------------------------------------------

def _unknown_shape_text(shape):
    """A shape holding -1 as NumPy's reshape error writes it: -1 as 'newaxis', without a leading
    one, and never a trailing comma (``(2,-1)`` -> ``(2,newaxis)``, ``(-1,2)`` -> ``(2)``)."""
    shape = shape[1:] if shape[0] < 0 else shape
    return "(" + ",".join("newaxis" if s < 0 else str(s) for s in shape) + ")"


def _resolve_shape(shape, size):
    """A requested shape (may hold one -1) as the concrete shape for ``size`` elements."""
    unknown = None
    known = 1
    for i, s in enumerate(shape):
        if s < 0:
            if unknown is not None:
                raise ValueError("can only specify one unknown dimension")
            unknown = i
        else:
            known *= s
    if unknown is None:
        if known != size:
            raise ValueError(f"cannot reshape array of size {size} into shape "
                             f"{convert.shape_text(shape)}")
        return tuple(shape)
    if known == 0 or size % known:
        raise ValueError(f"cannot reshape array of size {size} into shape "
                         f"{_unknown_shape_text(shape)}")
    res = list(shape)
    res[unknown] = size // known
    return tuple(res)


def _shape_arg(shape, bools=False):
    """A shape argument (int or sequence) as a tuple of ints, negatives kept (for -1). A bool is
    NumPy's TypeError unless ``bools`` (tile's ``reps`` takes them as ints)."""
    if not bools and isinstance(shape, (bool, numpy.bool_)):
        raise TypeError(f"expected a sequence of integers or a single integer, got '{shape!r}'")
    if isinstance(shape, (int, numpy.integer)) or hasattr(shape, "__index__"):
        return (convert.operator_index(shape),)
    try:
        items = tuple(shape)
    except TypeError:
        raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an "
                        "integer") from None
    index = convert.operator_index if bools else convert.dim_index
    return tuple(index(s) for s in items)     # NumPy's error names the item


def _sizes_arg(shape, negative, bools=False):
    """A shape argument of sizes as a tuple of ints; a negative one raises ValueError(negative)."""
    if not bools and isinstance(shape, (bool, numpy.bool_)):
        raise TypeError("an integer is required")
    sizes = _shape_arg(shape, bools)
    if any(s < 0 for s in sizes):
        raise ValueError(negative)
    return sizes


_REV = tuple(tuple(range(n - 1, -1, -1)) for n in range(65))


def _rev(n):
    return _REV[n] if n < 65 else tuple(range(n - 1, -1, -1))


def _reshape_tensor(t, shape, order):
    """``t`` reshaped in C or F order (a view where torch can, else a copy)."""
    if order == "F":
        return t.permute(_rev(t.ndim)).reshape(shape[::-1]).permute(_rev(len(shape)))
    return t.reshape(shape)


def _is_f_contiguous(t):
    return t.permute(_rev(t.ndim)).is_contiguous()


def _reshape(a, shape, order="C", copy=None):
    t = _as_tensor(a)
    shape = _resolve_shape(_shape_arg(shape), t.numel())
    order = convert.check_order(order, "C", "CFA")
    if order == "A":
        order = "F" if _is_f_contiguous(t) and not t.is_contiguous() else "C"
    if copy is not None and copy is not True and copy is not False:
        copy = convert.copy_flag(copy)
    try:
        if copy:
            return _wrap_array(_reshape_tensor(t, shape, order).clone())
        r = _reshape_tensor(t, shape, order)
    except RuntimeError as err:         # NumPy copies in the input's shape, then views the copy
        raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None
    if r._base is not None or r is t:    # a view (not _is_view(): a compile graph break)
        return _view_of(r, a)
    if copy is False:
        raise ValueError("Unable to avoid creating a copy while reshaping.")
    return _wrap_array(r)


def reshape(a, /, shape, order="C", *, copy=None):
    """Give a new shape to an array without changing its data.

    torchnp implementation of :func:`numpy.reshape`.
    """
    return _reshape(a, shape, order, copy)


def ndarray_reshape(a, /, *shape, order="C", copy=None):
    """``a.reshape(2, 3)`` and ``a.reshape((2, 3))``: the method itself (see ndarray.py)."""
    if order == "C" and copy is None and _SPEEDUPS is not None and not _tracing():
        res = _SPEEDUPS.reshape_view(a, shape)     # where torch can view it, in C (_speedups.c)
        if res is not NotImplemented:
            return res
    if not shape:
        raise TypeError("reshape() takes exactly 1 argument (0 given)")
    dims = None             # torch parses separate ints ~0.5 us faster than one tuple of them
    if len(shape) == 1:
        shape = shape[0]
        if type(shape) is tuple and shape:
            dims = shape
    else:
        dims = shape
    if order == "C" and copy is None and (type(shape) is not bool if dims is None
                                          else bool not in map(type, dims)):
        # fast path: torch accepts what NumPy accepts here (but bools, which NumPy refuses);
        # anything it rejects takes the slow path, which raises NumPy's error
        t = a._t
        try:
            if t.is_contiguous():            # always a view; no _is_view() (a compile graph break)
                if a._scalar and t.ndim == 0:
                    return convert.wrap_view(t.view(shape), a)      # a scalar's: a copy
                res = _new(ndarray)          # convert.wrap_view inlined: ~60 ns of a ~1.5 us call
                res._t = t.view(shape) if dims is None else t.view(*dims)
                res._dt = a._dt
                b = a._base
                res._base = a if b is None else b
                res._scalar = False
                if readonly.ANY:
                    readonly.inherit(res._t, t)
                return res
            r = t.reshape(shape) if dims is None else t.reshape(*dims)
        except (RuntimeError, TypeError, ValueError):
            return _reshape(a, shape, order, copy)
        if r._base is not None or r is t:    # a view (not _is_view(): a compile graph break)
            return convert.wrap_view(r, a, a._dt)
        return _wrap_array(r)
    return _reshape(a, shape, order, copy)


def set_shape(a, value):
    """``a.shape = value``: reshape ``a`` itself, never copying."""
    t = a._t
    shape = _resolve_shape(_shape_arg(value), t.numel())
    try:
        r = t.view(shape)
    except RuntimeError:
        raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` to "
                             "make a copy with the desired shape.") from None
    convert.rebind(a, r)


def shape(a):
    """The shape of an array.

    torchnp implementation of :func:`numpy.shape`.
    """
    return tuple(_as_tensor(a).shape)


def ndim(a):
    """The number of dimensions of an array.

    torchnp implementation of :func:`numpy.ndim`.
    """
    return _as_tensor(a).ndim


def size(a, axis=None):
    """The number of elements along a given axis (all axes by default).

    torchnp implementation of :func:`numpy.size`.
    """
    t = _as_tensor(a)
    if axis is None:
        return t.numel()
    res = 1
    for ax in normalize_axis_tuple(axis, t.ndim):
        res *= t.shape[ax]
    return res


def ravel(a, order="C"):
    """A contiguous flattened array (a view where possible).

    torchnp implementation of :func:`numpy.ravel`.
    """
    t = _axes_in_order(_as_tensor(a), order)
    if t.is_contiguous():       # NumPy: a view exactly when contiguous in that order
        return _view_of(t.view(-1), a)
    try:
        return _wrap_array(t.contiguous().view(-1))
    except RuntimeError as err:
        raise convert.allocation_error((t.numel(),), t.dtype, err) or err from None


def _axes_in_order(t, order):
    """``t`` with its axes permuted so that reading it in C order reads it in ``order`` (an
    ``order=`` argument: None is 'C'; 'A' is 'F' for a Fortran- but not C-contiguous ``t``)."""
    order = convert.check_order(order, "C")
    if order == "A":
        order = "F" if _is_f_contiguous(t) and not t.is_contiguous() else "C"
    if order == "K":
        return t.permute(_k_order(t))
    return t.permute(_rev(t.ndim)) if order == "F" else t


def _k_order(t):
    """The axes of ``t`` in memory order ('K'), as NumPy's iterator sorts them: by decreasing
    stride, where an axis of stride 0 or length 1 compares as ambiguous and keeps its place."""
    strides = [0 if n == 1 else s for n, s in zip(t.shape, t.stride())]
    perm = list(range(t.ndim - 1, -1, -1))          # the iterator's order: the fastest axis first
    for i in range(1, len(perm)):
        ax, pos = perm[i], i
        for j in range(i - 1, -1, -1):
            s0, s1 = strides[ax], strides[perm[j]]
            if s0 and s1:
                if s1 <= s0:
                    break
                pos = j
        perm.insert(pos, perm.pop(i))
    return perm[::-1]


def ndarray_flatten(a, order="C"):
    """``a.flatten(order)``: always a copy."""
    t = _axes_in_order(a._t, order)
    try:
        r = t.reshape(-1)
        return _wrap_array(r.clone() if r is t or r._base is not None else r)
    except RuntimeError as err:
        raise convert.allocation_error((t.numel(),), t.dtype, err) or err from None


def squeeze(a, axis=None):
    """Remove axes of length one.

    torchnp implementation of :func:`numpy.squeeze`.
    """
    t = _as_tensor(a)
    if axis is None:
        dims = tuple(i for i, s in enumerate(t.shape) if s == 1)
    else:
        dims = _squeeze_axes(axis, t)
    if not dims and isinstance(a, ndarray) and not convert.is_scalar_like(a):
        return a                    # NumPy returns the array itself when nothing is squeezed
    return _view_of(t.squeeze(dims) if dims else t.view(t.shape), a)


def _squeeze_axes(axis, t):
    try:
        dims = normalize_axis_tuple(axis, t.ndim)
    except AxisError:
        if t.ndim == 0 and type(axis) is not tuple and operator.index(axis) in (0, -1):
            return ()           # NumPy lets axis 0 and -1 through on a 0-d array
        raise
    for d in dims:
        if t.shape[d] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not "
                             "equal to one")
    return dims


def expand_dims(a, axis):
    """Insert new axes of length one at the positions ``axis``.

    torchnp implementation of :func:`numpy.expand_dims`.
    """
    t = _as_tensor(a)
    if type(axis) not in (tuple, list):
        axis = (axis,)
    dims = normalize_axis_tuple(axis, t.ndim + len(axis))
    r = t.view(t.shape) if t.ndim else t.view(())
    for d in sorted(dims):
        r = r.unsqueeze(d)
    return _view_of(r, a)


# ----- transpose-like -----------------------------------------------------------------------------

def _permute(a, axes):
    t = _as_tensor(a)
    if axes is None:
        return _view_of(t.permute(_rev(t.ndim)), a)
    axes = tuple(axes)
    if len(axes) != t.ndim:
        raise ValueError("axes don't match array")
    perm = tuple(normalize_axis_index(ax, t.ndim) for ax in axes)
    if len(set(perm)) != len(perm):
        raise ValueError("repeated axis in transpose")
    return _view_of(t.permute(perm), a)


def transpose(a, axes=None):
    """Permute the axes of an array (reverse them by default); a view.

    torchnp implementation of :func:`numpy.transpose`.
    """
    return _permute(a, axes)


permute_dims = transpose      # NumPy 2: the same object


def ndarray_T(a):
    """``a.T``: ``transpose(a)``, with a fast path for up to two dimensions (``Tensor.mT``, the
    fastest, or ``Tensor.t``, a new view even of a 0-d or 1-d tensor); a scalar's (a copy) and
    more dimensions take ``transpose``."""
    if _SPEEDUPS is not None and not _tracing():
        res = _SPEEDUPS.transpose_view(a)       # the same fast path, in C (_speedups.c)
        if res is not NotImplemented:
            return res
    t = a._t
    nd = t.ndim
    if nd > 2 or (nd == 0 and a._scalar):
        return _permute(a, None)
    res = _new(ndarray)                 # convert.wrap_view inlined
    res._t = t.mT if nd == 2 else t.t()
    res._dt = a._dt
    b = a._base
    res._base = a if b is None else b
    res._scalar = False
    if readonly.ANY:
        readonly.inherit(res._t, t)
    return res


def ndarray_transpose(a, *axes):
    """``a.transpose()``, ``a.transpose(1, 0)`` and ``a.transpose((1, 0))``."""
    if len(axes) == 0 or (len(axes) == 1 and axes[0] is None):
        return _permute(a, None)
    if len(axes) == 1 and not isinstance(axes[0], (int, numpy.integer)) and \
            not hasattr(axes[0], "__index__"):
        axes = axes[0]
    return _permute(a, axes)


def matrix_transpose(x, /):
    """Transpose the last two axes of an array; a view.

    torchnp implementation of :func:`numpy.matrix_transpose`.
    """
    t = _as_tensor(x)
    if t.ndim < 2:
        raise ValueError("matrix transpose with ndim < 2 is undefined")
    return _view_of(t.transpose(-1, -2), x)


def swapaxes(a, axis1, axis2):
    """Interchange two axes of an array; a view.

    torchnp implementation of :func:`numpy.swapaxes`.
    """
    t = _as_tensor(a)
    ax1 = normalize_axis_index(axis1, t.ndim)
    ax2 = normalize_axis_index(axis2, t.ndim)
    return _view_of(t.transpose(ax1, ax2), a)


def moveaxis(a, source, destination):
    """Move axes of an array to new positions; a view.

    torchnp implementation of :func:`numpy.moveaxis`.
    """
    t = _as_tensor(a)
    source = normalize_axis_tuple(source, t.ndim, "source")
    destination = normalize_axis_tuple(destination, t.ndim, "destination")
    if len(source) != len(destination):
        raise ValueError("`source` and `destination` arguments must have the same number of "
                         "elements")
    order = [n for n in range(t.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return _view_of(t.permute(order), a)


def rollaxis(a, axis, start=0):
    """Roll axis ``axis`` backwards until it lies before position ``start``; a view.

    torchnp implementation of :func:`numpy.rollaxis`.
    """
    t = _as_tensor(a)
    n = t.ndim
    axis = normalize_axis_index(axis, n)
    if start < 0:
        start += n
    if not (0 <= start < n + 1):
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return _view_of(t.view(t.shape), a)
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return _view_of(t.permute(axes), a)


# ----- casts and copies ---------------------------------------------------------------------------

def _cast_error(from_dt, to_dt, casting):
    return TypeError(f"Cannot cast array data from {_np_dtype(from_dt)!r} to {_np_dtype(to_dt)!r} "
                     f"according to the rule {casting!r}")


def ndarray_astype(a, dtype, order="K", casting="unsafe", subok=True, copy=True):
    """``a.astype(dtype, order, casting, subok, copy)``: the method itself (see ndarray.py)."""
    dt = _dtypes.to_torch_dtype(dtype) if dtype is not None else torch.float64
    if order != "K":
        order = convert.check_order(order, "K")
    src = a._dt
    if casting != "unsafe" and not promotion.can_cast_dtype(src, dt, casting):
        raise _cast_error(src, dt, casting)
    if not copy and src is dt:
        return a
    t = a._t
    try:
        if order == "K" and src is not dt and (dt.is_complex or not src.is_complex):
            res = _new(ndarray)     # a plain cast: a copy in K order (convert.wrap_dt inlined)
            res._t = t.to(dt)
            res._dt = dt
            res._base = None
            res._scalar = a._scalar     # NumPy: a scalar's astype is a scalar, an array's an array
            return res
        r = cast_tensor(t, dt, copy=False)
        if r is t or order != "K":
            r = _creation.layout_copy(r, order)
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), dt, err) or err from None
    res = _wrap_array(r)
    res._scalar = a._scalar
    return res


def astype(x, dtype, /, *, copy=True, device=None):
    """Copy an array to a specified data type.

    torchnp implementation of :func:`numpy.astype`.
    """
    if not isinstance(x, ndarray):
        raise TypeError(f"Input should be a NumPy array. It is a {type(x)} instead.")
    dt = _dtypes.to_torch_dtype(dtype)
    t = x._t
    try:
        if device is not None and config.as_device(device) != t.device:
            return _wrap_array(cast_tensor(t, dt, copy=False).to(device))
        if not copy and t.dtype is dt:
            return x
        return _wrap_array(cast_tensor(t, dt, copy=True))
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), dt, err) or err from None


def ndarray_fill(a, value):
    """``a.fill(value)``: every element set to ``value``, converted as one item in setitem."""
    t = a._t
    if convert.is_scalar_like(a):
        t = t.clone()           # NumPy: a scalar's fill works on a copy (no effect, same errors)
    else:
        convert.check_writeable(t)
    try:
        _ix.fill_items(t, value)
    except RuntimeError as e:
        raise convert.grad_write_error(e, t) or e from None


def ndarray_item(a, *args):
    """``a.item(*args)``: one element as a Python scalar (the one place NumPy returns those)."""
    t = a._t
    if not args:
        if t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return t.reshape(()).resolve_conj().resolve_neg().item()   # host-sync: Python scalar
    if len(args) == 1 and isinstance(args[0], tuple):
        args = args[0]
    idx = [convert.operator_index(i) for i in args]
    if len(idx) == 1:
        n = t.numel()
        i = idx[0]
        if not -n <= i < n:
            raise IndexError(f"index {i} is out of bounds for axis 0 with size {n}")
        t = t.reshape(-1)
    elif len(idx) != t.ndim:
        raise ValueError("incorrect number of indices for array")
    for ax, i in enumerate(idx):
        size_ = t.shape[ax]
        if not -size_ <= i < size_:
            raise IndexError(f"index {i} is out of bounds for axis {ax} with size {size_}")
    return t[tuple(idx)].resolve_conj().resolve_neg().item()   # host-sync: Python scalar


def ndarray_tolist(a):
    """``a.tolist()``: nested lists of Python scalars."""
    return a._t.resolve_conj().resolve_neg().tolist()   # host-sync: Python objects


def ndarray_view(a, dtype=None, type=None):
    """``a.view(dtype)``: the same memory seen with another dtype (or another ndarray type)."""
    if isinstance(dtype, builtins.type) and issubclass(dtype, (ndarray, numpy.ndarray)):
        dtype, type = None, dtype
    if type is not None and not (isinstance(type, builtins.type) and issubclass(type, ndarray)):
        raise NotImplementedError("view(type=...) supports only torchnp.ndarray types")
    t = a._t
    if dtype is None:
        return convert.wrap_view(t.view(t.shape), a)
    dt = _dtypes.to_torch_dtype(dtype)
    old, new = t.element_size(), dt.itemsize
    if t.is_conj():
        t = t.resolve_conj()
    if old == new:
        return convert.wrap_view(t.view(dt), a)
    if t.ndim == 0:
        raise ValueError("Changing the dtype of a 0d array is only supported if the itemsize "
                         "is unchanged")
    if t.shape[-1] != 1 and t.stride(-1) != 1:
        raise ValueError("To change to a dtype of a different size, the last axis must be "
                         "contiguous")
    if new > old and (t.shape[-1] * old) % new:
        raise ValueError("When changing to a larger dtype, its size must be a divisor of the "
                         "total size in bytes of the last axis of the array.")
    try:
        return convert.wrap_view(t.view(dt), a)
    except RuntimeError as e:
        # torch: also needs the other strides and the offset divisible by the size ratio
        raise ValueError(f"cannot view this array as {_np_dtype(dt)}: {e}") from None


# ----- repeating, tiling, resizing ----------------------------------------------------------------

def repeat(a, repeats, axis=None):
    """Repeat each element of an array after themselves.

    torchnp implementation of :func:`numpy.repeat`.
    """
    t = _as_tensor(a)
    t, axis = convert.flatten_for_axis(t, axis)
    n = t.shape[axis]
    if isinstance(repeats, (int, numpy.integer)):
        if repeats < 0:
            raise ValueError("negative dimensions are not allowed")
        return _repeat_each(t, axis, int(repeats))
    r = convert.on_device(repeats, t.device)
    if r.dtype.is_complex and not isinstance(repeats, (ndarray, numpy.ndarray, torch.Tensor)):
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        f"not '{type(repeats).__name__}'")
    if (r.dtype.is_floating_point or r.dtype.is_complex) and \
            isinstance(repeats, (ndarray, numpy.ndarray, torch.Tensor)):
        # NumPy casts an array of counts safely, other sequences and scalars unsafely (truncating)
        raise TypeError(f"Cannot cast {'scalar' if r.ndim == 0 else 'array data'} from "
                        f"{_dtypes.to_numpy_dtype(r.dtype)!r} to dtype('int64') according to the "
                        "rule 'safe'")
    r = r.to(torch.int64).reshape(-1)
    if r.numel() != 1 and r.numel() != n:
        raise ValueError(f"operands could not be broadcast together with shape ({n},) "
                         f"({r.numel()},)")
    if bool((r < 0).any()):     # host-sync: NumPy's error depends on values
        raise ValueError("negative dimensions are not allowed")
    if r.numel() == 1:          # one count for every element (never an n-long tensor of it)
        return _repeat_each(t, axis, int(r[0]))         # host-sync: the count shapes the result
    try:
        # host-sync: the output length depends on the repeat counts (torch reads them too)
        return _wrap_array(torch.repeat_interleave(t, r, dim=axis))
    except RuntimeError as err:
        # host-sync: only after a failure, for the message
        raise _repeat_error(t, axis, int(r.sum()), err) from None


def _repeat_each(t, axis, count):
    try:
        return _wrap_array(torch.repeat_interleave(t, count, dim=axis))
    except RuntimeError as err:
        raise _repeat_error(t, axis, t.shape[axis] * count, err) from None


def _repeat_error(t, axis, total, err):
    """NumPy's error for a repeat that torch failed to allocate, ``total`` long on ``axis``.
    NumPy counts ``total`` in an intp that wraps around, as C does, after it copied a
    non-contiguous ``t`` (flattened for ``axis=None``)."""
    error = convert.copy_error(t, t.dtype, err)
    if error is not None:
        return error
    total = _dtypes.wrap_int64(total)
    if total < 0:
        return ValueError("negative dimensions are not allowed")
    shape = list(t.shape)
    shape[axis] = total
    return convert.allocation_error(shape, t.dtype, err) or err


def tile(A, reps):
    """Construct an array by repeating ``A`` the number of times given by ``reps``.

    torchnp implementation of :func:`numpy.tile`.
    """
    t = _as_tensor(A)
    reps = _sizes_arg(reps, "negative dimensions are not allowed", bools=True)
    d = len(reps)
    if d < t.ndim:
        reps = (1,) * (t.ndim - d) + reps
    try:
        return _wrap_array(t.tile(reps) if reps else t.clone())
    except RuntimeError as err:
        shape = (1,) * (len(reps) - t.ndim) + tuple(t.shape)
        raise _tile_error(shape, reps, t.dtype, err) from None


def _tile_error(shape, reps, dt, err):
    """NumPy's error for a tile that torch failed to allocate. NumPy tiles in stages, one per
    axis repeated (``c = c.reshape(-1, n).repeat(nrep, 0)``), and reports the stage that fails:
    the first too big to count, else (taken here, as which one the machine refuses varies) the
    last, which allocates the whole result."""
    n = size = math.prod(shape)
    error = err
    if n == 0:                  # nothing to allocate: not an allocation failure
        return err
    for dim_in, nrep in zip(shape, reps):
        if nrep != 1:
            rows = _dtypes.wrap_int64(size // n * nrep)
            if rows < 0:
                return ValueError("negative dimensions are not allowed")
            error = convert.allocation_error((rows, n), dt, err) or err
            if type(error) is ValueError:
                return error
            size = rows * n
        n //= dim_in
    return error


def resize(a, new_shape):
    """A new array with the given shape, filled with repeated copies of ``a``.

    torchnp implementation of :func:`numpy.resize`.
    """
    t = _as_tensor(a)
    new_shape = _sizes_arg(new_shape, "all elements of `new_shape` must be non-negative")
    new_size = math.prod(new_shape)
    flat = convert.flatten_for_axis(t, None)[0]
    if flat.numel() == 0 or new_size == 0:
        return _wrap_array(torch.zeros(new_shape, dtype=t.dtype, device=t.device))
    reps = -(-new_size // flat.numel())
    try:
        return _wrap_array(flat.repeat(reps)[:new_size].reshape(new_shape))
    except RuntimeError as err:
        raise _resize_error(flat, reps, err) from None


def _resize_error(flat, reps, err):
    """NumPy's error for a resize that torch failed to allocate. NumPy ravels the input (a copy
    unless contiguous), then builds ``(a,) * reps``, a tuple Python fails to allocate with a bare
    MemoryError where this machine refuses its ``8 * reps`` bytes, then concatenates the tuple."""
    error = convert.copy_error(flat, flat.dtype, err)
    if error is None and convert.is_allocation_failure(err) and convert.refused(8 * reps):
        return MemoryError()
    return error or convert.allocation_error((reps * flat.numel(),), flat.dtype, err) or err


# ----- joining ------------------------------------------------------------------------------------

def _join_dtype(ts, dtype, casting, what="array data"):
    if casting != "same_kind":
        promotion.check_casting(casting)
    if dtype is None:
        dt = ts[0].dtype
        if all(t.dtype is dt for t in ts):
            return dt
        return promotion.result_dtype([t.dtype for t in ts])
    dt = _dtypes.to_torch_dtype(dtype)
    for t in ts:
        if not promotion.can_cast_dtype(t.dtype, dt, casting):
            raise TypeError(f"Cannot cast {what} from {_np_dtype(t.dtype)!r} to {_np_dtype(dt)!r} "
                            f"according to the rule {casting!r}")
    return dt


def _tensors(arrays):
    if type(arrays) is list or type(arrays) is tuple:
        return convert.operands(*arrays)
    if isinstance(arrays, (ndarray, torch.Tensor)) or hasattr(arrays, "__array__"):
        t = _as_tensor(arrays)
        return list(t.unbind(0)) if t.ndim else [t]
    return convert.operands(*arrays)


def _concat_tensors(ts, axis, out, dtype, casting, fname="concatenate"):
    if out is not None and dtype is not None:
        raise TypeError(f"{fname}() only takes `out` or `dtype` as an argument, but both were "
                        "provided.")
    if not ts:
        raise ValueError("need at least one array to concatenate")
    convert.on_one_device(ts)
    if axis is None:
        ts = [t.reshape(-1) for t in ts]
        axis = 0
    nd = ts[0].ndim
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    axis = normalize_axis_index(axis, nd)       # NumPy checks the axis before the other arrays
    for i, t in enumerate(ts):
        if t.ndim != nd:
            raise ValueError("all the input arrays must have same number of dimensions, but the "
                             f"array at index 0 has {nd} dimension(s) and the array at index {i} "
                             f"has {t.ndim} dimension(s)")
    if out is not None:
        out = convert.check_out(out)
        convert.check_writeable(out._t)
        res_dt = _join_dtype(ts, out._dt, casting)
        shp = list(ts[0].shape)
        shp[axis] = builtins.sum(t.shape[axis] for t in ts)
        _check_join_shapes(ts, axis)
        if tuple(out._t.shape) != tuple(shp):
            raise ValueError("Output array is the wrong shape")
        convert.check_device(out._t, ts[0])
        torch.cat([cast_tensor(t, res_dt, copy=False) for t in ts], dim=axis, out=out._t)
        return out
    res_dt = _join_dtype(ts, dtype, casting)
    try:
        return _wrap_array(torch.cat([cast_tensor(t, res_dt, copy=False) for t in ts], dim=axis))
    except RuntimeError as e:
        err = e
    _check_join_shapes(ts, axis)    # NumPy's message, outside the except: no torch context
    shape = list(ts[0].shape)
    shape[axis] = builtins.sum(t.shape[axis] for t in ts)
    raise convert.allocation_error(shape, res_dt, err) or err


def _check_join_shapes(ts, axis):
    shape0 = ts[0].shape
    for i, t in enumerate(ts[1:], 1):
        for d in range(len(shape0)):
            if d != axis and t.shape[d] != shape0[d]:
                raise ValueError("all the input array dimensions except for the concatenation "
                                 f"axis must match exactly, but along dimension {d}, the array at "
                                 f"index 0 has size {shape0[d]} and the array at index {i} has "
                                 f"size {t.shape[d]}")


def concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Join a sequence of arrays along an existing axis.

    torchnp implementation of :func:`numpy.concatenate`.
    """
    if type(arrays) is list and type(axis) is int and out is None and dtype is None and arrays \
            and casting == "same_kind":     # (other values are checked by the general path)
        # The fast path (inlined: a call is ~5% of concatenate([a, b])): ndarrays of one dtype
        # and one number of dimensions (torch joins a 1-d empty tensor to any shape; NumPy
        # refuses), joined by torch. Anything else, or anything torch refuses (shapes, devices,
        # the axis, 0-d), takes the general path, which raises NumPy's errors. In C where built
        # (_speedups.c), unless Dynamo traces.
        a0 = arrays[0]
        if _SPEEDUPS is not None and not _tracing():
            res = _SPEEDUPS.join(arrays, axis)
            if res is not NotImplemented:
                return res
        elif type(a0) is ndarray:
            dt = a0._dt
            nd = a0._t.ndim
            ts = []
            for x in arrays:
                if type(x) is not ndarray or x._dt is not dt or x._t.ndim != nd:
                    break
                ts.append(x._t)
            else:
                try:
                    r = torch.cat(ts, axis) if axis else torch.cat(ts)   # (dim=: ~0.1 us)
                except (RuntimeError, IndexError):
                    pass
                else:
                    res = _new(ndarray)                 # convert.wrap_array inlined
                    res._t = r
                    res._dt = dt
                    res._base = None
                    res._scalar = False
                    return res
    return _concat_tensors(_tensors(arrays), axis, out, dtype, casting)


concat = concatenate          # NumPy 2: the same object


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Join a sequence of arrays along a new axis.

    torchnp implementation of :func:`numpy.stack`.
    """
    ts = _tensors(arrays)
    if not ts:
        raise ValueError("need at least one array to stack")
    if len({tuple(t.shape) for t in ts}) != 1:
        raise ValueError("all input arrays must have the same shape")
    axis = normalize_axis_index(axis, ts[0].ndim + 1)
    return _concat_tensors([t.unsqueeze(axis) for t in ts], axis, out, dtype, casting, "stack")


def _atleast(t, n):
    if t.ndim >= n:
        return t
    if n == 1:
        return t.reshape(1)
    if n == 2:
        return t.reshape(1, -1) if t.ndim == 1 else t.reshape(1, 1)
    if t.ndim == 0:
        return t.reshape(1, 1, 1)
    if t.ndim == 1:
        return t.reshape(1, -1, 1)
    return t.unsqueeze(-1)


def _atleast_public(arys, n):
    res = tuple(_view_of(_atleast(_as_tensor(a), n), a) if _as_tensor(a).ndim < n else
                (a if isinstance(a, ndarray) else _wrap_array(_as_tensor(a))) for a in arys)
    return res[0] if len(res) == 1 else res


def atleast_1d(*arys):
    """Arrays with at least one dimension.

    torchnp implementation of :func:`numpy.atleast_1d`.
    """
    return _atleast_public(arys, 1)


def atleast_2d(*arys):
    """Arrays with at least two dimensions.

    torchnp implementation of :func:`numpy.atleast_2d`.
    """
    return _atleast_public(arys, 2)


def atleast_3d(*arys):
    """Arrays with at least three dimensions.

    torchnp implementation of :func:`numpy.atleast_3d`.
    """
    return _atleast_public(arys, 3)


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Stack arrays in sequence vertically (row wise).

    torchnp implementation of :func:`numpy.vstack`.
    """
    ts = [_atleast(t, 2) for t in _tensors(tup)]
    return _concat_tensors(ts, 0, None, dtype, casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Stack arrays in sequence horizontally (column wise).

    torchnp implementation of :func:`numpy.hstack`.
    """
    ts = [_atleast(t, 1) for t in _tensors(tup)]
    axis = 0 if ts and ts[0].ndim == 1 else 1
    return _concat_tensors(ts, axis, None, dtype, casting)


def dstack(tup):
    """Stack arrays in sequence depth wise (along the third axis).

    torchnp implementation of :func:`numpy.dstack`.
    """
    return _concat_tensors([_atleast(t, 3) for t in _tensors(tup)], 2, None, None, "same_kind")


def column_stack(tup):
    """Stack 1-D arrays as columns into a 2-D array.

    torchnp implementation of :func:`numpy.column_stack`.
    """
    ts = [t.reshape(-1, 1) if t.ndim < 2 else t for t in _tensors(tup)]
    return _concat_tensors(ts, 1, None, None, "same_kind")


def append(arr, values, axis=None):
    """Append values to the end of an array.

    torchnp implementation of :func:`numpy.append`.
    """
    t, v = convert.operands(arr, values)
    if axis is None:
        t, v = convert.flatten_for_axis(t, None)[0], convert.flatten_for_axis(v, None)[0]
        try:
            return _concat_tensors([t, v], 0, None, None, "same_kind")
        except MemoryError as err:      # NumPy copies a non-contiguous input as it ravels it
            raise convert.copy_error(t, t.dtype, err) or convert.copy_error(v, v.dtype, err) \
                or err from None
    return _concat_tensors([t, v], axis, None, None, "same_kind")


def unstack(x, /, *, axis=0):
    """Split an array into a tuple of arrays along an axis (views).

    torchnp implementation of :func:`numpy.unstack`.
    """
    t = _as_tensor(x)
    if t.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    if type(axis) is tuple or type(axis) is list:
        axis = _one_source_axis(axis, t.ndim)       # NumPy: moveaxis(x, axis, 0)
    axis = normalize_axis_index(axis, t.ndim)
    if t.ndim == 1:                     # NumPy iterates: the items of a 1-d array are scalars
        return tuple(convert.wrap(p) for p in t.clone().unbind(0))
    return tuple(_view_of(p, x) for p in t.unbind(axis))


def _one_source_axis(axis, ndim):
    """A sequence ``axis`` as NumPy's ``moveaxis(a, axis, 0)`` reads it: one axis, or its errors."""
    source = normalize_axis_tuple(axis, ndim, "source")
    if len(source) != 1:
        raise ValueError("`source` and `destination` arguments must have the same number of "
                         "elements")
    return source[0]


# ----- splitting ----------------------------------------------------------------------------------

def _split_at(a, t, bounds, axis):
    n = t.shape[axis]
    res = []
    for start, stop in bounds:
        start, stop, _ = slice(start, stop).indices(n)
        res.append(_view_of(t.narrow(axis, start, builtins.max(stop - start, 0)), a))
    return res


def array_split(ary, indices_or_sections, axis=0):
    """Split an array into multiple sub-arrays (views); sections may differ in size.

    torchnp implementation of :func:`numpy.array_split`.
    """
    t = _as_tensor(ary)
    axis = normalize_axis_index(axis, t.ndim) if t.ndim else axis
    n = t.shape[axis]
    try:
        sections = len(indices_or_sections) + 1
        points = [0] + [convert.operator_index(i) for i in indices_or_sections] + [n]
    except TypeError:
        sections = convert.operator_index(indices_or_sections)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.") from None
        each, extras = divmod(n, sections)
        sizes = [0] + extras * [each + 1] + (sections - extras) * [each]
        points = [0]
        for s in sizes[1:]:
            points.append(points[-1] + s)
    return _split_at(ary, t, list(zip(points[:-1], points[1:])), axis)


def split(ary, indices_or_sections, axis=0):
    """Split an array into multiple sub-arrays of equal size (views).

    torchnp implementation of :func:`numpy.split`.
    """
    if not hasattr(indices_or_sections, "__len__"):
        t = _as_tensor(ary)
        n = t.shape[normalize_axis_index(axis, t.ndim)]
        sections = convert.operator_index(indices_or_sections)
        if sections == 0 or n % sections:
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    """Split an array horizontally (column-wise).

    torchnp implementation of :func:`numpy.hsplit`.
    """
    nd = _as_tensor(ary).ndim
    if nd == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if nd > 1 else 0)


def vsplit(ary, indices_or_sections):
    """Split an array vertically (row-wise).

    torchnp implementation of :func:`numpy.vsplit`.
    """
    if _as_tensor(ary).ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    """Split an array along the third axis (depth).

    torchnp implementation of :func:`numpy.dsplit`.
    """
    if _as_tensor(ary).ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(ary, indices_or_sections, 2)


# ----- broadcasting -------------------------------------------------------------------------------

def _broadcast_shape_of(shapes):
    try:
        return convert.broadcast_shapes([tuple(s) for s in shapes])
    except ValueError:
        pass
    nd = builtins.max((len(s) for s in shapes), default=0)
    res = [1] * nd
    for i, s in enumerate(shapes):       # find the first mismatching pair, for NumPy's message
        for d, n in enumerate(s):
            j = nd - len(s) + d
            if res[j] == 1:
                res[j] = n
            elif n != 1 and n != res[j]:
                first = next(k for k, s2 in enumerate(shapes)
                             if len(s2) >= nd - j and s2[len(s2) - nd + j] == res[j])
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                                 f"Mismatch is between arg {first} with shape "
                                 f"{tuple(shapes[first])} and arg {i} with shape {tuple(s)}.")
    raise AssertionError("unreachable: the shapes broadcast")


def broadcast_shapes(*args):
    """The shape that results from broadcasting the given shapes together.

    torchnp implementation of :func:`numpy.broadcast_shapes`.
    """
    return _broadcast_shape_of([_shape_arg(s) for s in args])


def broadcast_to(array, shape, subok=False):
    """Broadcast an array to a new shape (a view).

    torchnp implementation of :func:`numpy.broadcast_to`. The view is read-only, as NumPy's.
    """
    t = _as_tensor(array)
    shape = _sizes_arg(shape, "all elements of broadcast shape must be non-negative")
    ok = len(shape) >= t.ndim and all(
        s == n or s == 1 for s, n in zip(t.shape[::-1], shape[::-1]))
    if not ok:
        raise ValueError("operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {convert.shape_text(t.shape)}  and requested "
                         f"shape {convert.shape_text(shape)}")
    return readonly.read_only(_view_of(t.expand(shape), array))


def broadcast_arrays(*args, subok=False):
    """Broadcast any number of arrays against each other (views).

    torchnp implementation of :func:`numpy.broadcast_arrays`.
    """
    ts = [_as_tensor(a) for a in args]
    shape = _broadcast_shape_of([tuple(t.shape) for t in ts])
    return tuple(_view_of(t.expand(shape), a) if tuple(t.shape) != shape else
                 (a if isinstance(a, ndarray) else _wrap_array(t)) for t, a in zip(ts, args))


# ----- rearranging --------------------------------------------------------------------------------

def _flip_tensor(t, dims):
    try:
        return _k.flip(t, dims)
    except RuntimeError as err:         # (torch's flip is a copy: NumPy's is a view)
        raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None


def flip(m, axis=None):
    """Reverse the order of elements along the given axes.

    torchnp implementation of :func:`numpy.flip`.

    Differences from NumPy: a copy, not a view (torch tensors have no negative strides).
    """
    t = _as_tensor(m)
    dims = tuple(range(t.ndim)) if axis is None else normalize_axis_tuple(axis, t.ndim)
    if not dims:
        return convert.wrap(t.clone())  # NumPy's m[()] of a 0-d array: a scalar
    return _wrap_array(_flip_tensor(t, dims))


def fliplr(m):
    """Reverse the order of elements along axis 1 (left/right).

    torchnp implementation of :func:`numpy.fliplr`.
    """
    return _flip_axis(m, 1)


def flipud(m):
    """Reverse the order of elements along axis 0 (up/down).

    torchnp implementation of :func:`numpy.flipud`.
    """
    return _flip_axis(m, 0)


def _flip_axis(m, axis):
    """``m`` reversed along ``axis``; NumPy's ValueError when it has no such axis."""
    t = _as_tensor(m)
    if t.ndim <= axis:
        raise ValueError(f"Input must be >= {axis + 1}-d.")
    return _wrap_array(_flip_tensor(t, (axis,)))


def roll(a, shift, axis=None):
    """Roll array elements along the given axes.

    torchnp implementation of :func:`numpy.roll`.
    """
    t = _as_tensor(a)
    if axis is None:
        flat = convert.flatten_for_axis(t, None)[0]
        return _wrap_array(_roll_tensor(flat, _int_or_tuple(shift), 0).reshape(t.shape))
    shifts = _int_or_tuple(shift)
    axes = tuple(normalize_axis_index(ax, t.ndim) for ax in
                 (axis if isinstance(axis, (tuple, list)) else (axis,)))
    shifts = shifts if isinstance(shifts, tuple) else (shifts,)
    if len(shifts) != len(axes):
        if len(shifts) == 1:
            shifts = shifts * len(axes)
        elif len(axes) == 1:
            axes = axes * len(shifts)
        else:
            raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    total = {}
    for s, ax in zip(shifts, axes):
        total[ax] = total.get(ax, 0) + s
    if not total or t.numel() == 0:
        return _wrap_array(_creation.layout_copy(t, "K"))
    return _wrap_array(_roll_tensor(t, tuple(total.values()), tuple(total.keys())))


def _roll_tensor(t, shifts, dims):
    try:
        return t.roll(shifts, dims)
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None


def _int_or_tuple(x):
    if isinstance(x, (tuple, list)):
        return tuple(convert.operator_index(s) for s in x)
    if isinstance(x, ndarray) and x.ndim:
        return tuple(x.tolist())        # host-sync: shifts are Python ints
    return convert.operator_index(x)


def rot90(m, k=1, axes=(0, 1)):
    """Rotate an array by 90 degrees in the plane given by ``axes``.

    torchnp implementation of :func:`numpy.rot90`.
    """
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    t = _as_tensor(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == t.ndim:
        raise ValueError("Axes must be different.")
    if axes[0] >= t.ndim or axes[0] < -t.ndim or axes[1] >= t.ndim or axes[1] < -t.ndim:
        raise ValueError(f"Axes={axes} out of range for array of ndim={t.ndim}.")
    k %= 4
    if k == 0:
        return _view_of(t.view(t.shape), m)
    a0, a1 = axes[0] % t.ndim, axes[1] % t.ndim
    if k == 2:
        return _wrap_array(_flip_tensor(t, (a0, a1)))
    perm = list(range(t.ndim))
    perm[a0], perm[a1] = perm[a1], perm[a0]
    if k == 1:
        return _wrap_array(_flip_tensor(t, (a1,)).permute(perm))
    return _wrap_array(_flip_tensor(t.permute(perm), (a1,)))


def copyto(dst, src, casting="same_kind", where=True):
    """Copy values from one array to another, broadcasting as necessary.

    torchnp implementation of :func:`numpy.copyto`.
    """
    if not isinstance(dst, ndarray) or convert.is_scalar_like(dst):
        name = f"numpy.{dst.dtype.name}" if isinstance(dst, ndarray) else type(dst).__name__
        raise TypeError(f"copyto() argument 1 must be a numpy.ndarray, not {name}")
    d = dst._t
    promotion.check_casting(casting)
    if type(src) is ndarray and not torch.compiler.is_compiling() and _same_data(src._t, d):
        # (Dynamo cannot compare data pointers; compiled code tracks no read-only arrays)
        return      # NumPy: a copy onto itself returns first, a read-only one too
    code = promotion.weak_code(src)
    s = None
    if code is not None and casting == "equiv" and (
            promotion.promote_weak(d.dtype, code) is d.dtype or
            (code == promotion.WEAK_INT and not -2**63 <= src < 2**63)):
        # NumPy's 'equiv' errors for a scalar the dtype takes by kind come with reading it
        s = _weak_source(src, code, d.dtype, casting).to(d.device)
    elif code == promotion.WEAK_INT:        # NumPy reads a Python int before the read-only check
        if promotion.promote_weak(d.dtype, code) is not d.dtype:
            promotion.weak_value(src, torch.int64)
        elif d.dtype in _dtypes.INT_RANGE:
            promotion.weak_value(src, d.dtype)
    convert.check_writeable(d)
    if code is not None:
        if s is None:
            s = _weak_source(src, code, d.dtype, casting).to(d.device)
    else:
        s = convert.on_device(src, d.device)
        if not promotion.can_cast_dtype(s.dtype, d.dtype, casting):
            raise _cast_error(s.dtype, d.dtype, casting)
        s = cast_tensor(s, d.dtype, copy=False)
    b = _ix._broadcast_value(s, tuple(d.shape))    # leading 1s dropped, as in setitem
    if where is True:
        convert.copy_into(d, _ix._no_overlap(b, d))    # NumPy buffers an overlapping source
        return
    w = convert.on_device(where, d.device)
    if w.dtype is not torch.bool:
        raise TypeError(f"Cannot cast array data from {_np_dtype(w.dtype)!r} to dtype('bool') "
                        "according to the rule 'safe'")
    try:
        w = w.expand(d.shape) if tuple(w.shape) != tuple(d.shape) else w
    except RuntimeError:
        if _same_data(s, d):
            return              # NumPy returns before it looks at the mask: a copy onto itself
        raise ValueError(f"could not broadcast where mask from shape {convert.shape_text(w.shape)} into "
                         f"shape {convert.shape_text(d.shape)}") from None
    convert.copy_into(d, torch.where(w, b, d))


def _weak_source(src, code, dt, casting):
    """A Python scalar copied into an array of ``dt``: NumPy's range check for ints, its casting
    check, and its unsafe cast from float64 / complex128 for floats and complexes."""
    src_dt = promotion.default_dtype_of_weak(code)
    if casting == "equiv" and code == promotion.WEAK_INT and not -2**63 <= src < 2**63:
        # NumPy's uint64 of an int from 2**63 is only equivalent to uint64
        if dt is not torch.uint64 or not 0 <= src < 2**64:
            named = torch.int64 if dt is torch.bool else dt         # (NumPy's words)
            raise TypeError(f"cannot cast Python int to {_np_dtype(named)} under the casting "
                            "rule 'equiv'")
        return torch.tensor(src, dtype=dt)
    if promotion.promote_weak(dt, code) is not dt:
        if code == promotion.WEAK_INT:
            promotion.weak_value(src, src_dt)       # NumPy makes it an int64 first: OverflowError
        if not promotion.can_cast_dtype(src_dt, dt, casting):
            raise TypeError(f"Cannot cast scalar from {_np_dtype(src_dt)!r} to "
                            f"{_np_dtype(dt)!r} according to the rule {casting!r}")
    elif casting == "equiv" and dt is not promotion.WEAK_AS[code]:
        raise TypeError(f"cannot cast Python {type(src).__name__} to {_np_dtype(dt)} under the "
                        "casting rule 'equiv'")
    if code == promotion.WEAK_INT:
        if dt in _dtypes.INT_RANGE:
            promotion.weak_value(src, dt)          # NumPy's OverflowError for an int dt cannot hold
        return torch.tensor(src, dtype=dt)
    # a Python float / complex is a double: cast from it (torch.tensor(-2.5, dtype=uint8) raises)
    return cast_tensor(torch.tensor(src, dtype=promotion.WEAK_AS[code]), dt, copy=False)


def _same_data(s, d):
    """Whether tensors ``s`` and ``d`` are the same elements (a copy of one onto the other)."""
    return s.data_ptr() == d.data_ptr() and s.device == d.device and s.dtype is d.dtype and \
        s.shape == d.shape and s.stride() == d.stride()


# ----- deleting and inserting ---------------------------------------------------------------------

def delete(arr, obj, axis=None):
    """A new array with sub-arrays along an axis deleted.

    torchnp implementation of :func:`numpy.delete`.
    """
    t = _as_tensor(arr)
    ravelled = axis is None and t.ndim != 1
    t, axis = convert.flatten_for_axis(t, axis)
    n = t.shape[axis]
    try:
        keep = torch.ones(n, dtype=torch.bool, device=t.device)
    except RuntimeError as err:
        raise _delete_error(t, ravelled, axis, obj, None, err) from None
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        o = convert.on_device(obj, t.device)
        if o.dtype is torch.bool:
            if o.shape != (n,):
                raise ValueError("boolean array argument obj to delete must be one dimensional "
                                 f"and match the axis length of {n}")
            keep = ~o
        else:
            if o.dtype.is_floating_point or o.dtype.is_complex:
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            o = o.reshape(-1).to(torch.int64)
            if o.numel():
                # host-sync: NumPy's IndexError depends on the index values
                lo, hi = int(o.min()), int(o.max())
                bad = hi if hi >= n else lo
                if hi >= n or lo < -n:
                    raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {n}")
                keep[o] = False
    # host-sync: the result length depends on which indices are kept
    idx = keep.nonzero().reshape(-1)
    try:
        kept = torch.index_select(_k.signed_bits(t), axis, idx)
    except RuntimeError as err:
        raise _delete_error(t, ravelled, axis, obj, idx.numel(), err) from None
    return _wrap_array(_k.unsigned_bits(kept, t.dtype))


def _delete_error(t, ravelled, axis, obj, kept, err):
    """NumPy's error for a delete that torch failed to allocate (``kept``: the length left on
    ``axis``, None if unknown yet). NumPy first copies a non-contiguous input it ravels
    (``axis=None``, other than 1-d); then it allocates the result for a slice or one index, and
    for an array of indices a mask of the axis (bool), then the result with the axis first."""
    error = convert.copy_error(t, t.dtype, err) if ravelled else None
    if error is not None:
        return error
    n = t.shape[axis]
    o = None if isinstance(obj, slice) else _as_tensor(obj)
    single = o is None or (o.numel() == 1 and o.dtype in _dtypes.INTEGER_DTYPES)
    if kept is None:
        if not single:
            return convert.allocation_error((n,), torch.bool, err) or err
        kept = n - (1 if o is not None else len(range(*obj.indices(n))))
    shape = list(t.shape)
    if single:
        shape[axis] = kept
    else:
        del shape[axis]
        shape.insert(0, kept)
    return convert.allocation_error(shape, t.dtype, err) or err


def trim_zeros(filt, trim="fb", axis=None):
    """Trim the leading and/or trailing zeros of an array.

    torchnp implementation of :func:`numpy.trim_zeros`.
    """
    t = _as_tensor(filt)
    trim = trim.lower()
    if any(c not in "fb" for c in trim):
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    axes = tuple(range(t.ndim)) if axis is None else normalize_axis_tuple(axis, t.ndim)
    res = t
    for ax in axes:
        other = tuple(d for d in range(t.ndim) if d != ax)
        nz = (t != 0).any(dim=other) if other else (t != 0)
        idx = nz.nonzero().reshape(-1)        # host-sync: the result shape depends on values
        if idx.numel() == 0:
            start = stop = 0
        else:
            start = int(idx[0]) if "f" in trim else 0
            stop = int(idx[-1]) + 1 if "b" in trim else t.shape[ax]
        res = res.narrow(ax, start, stop - start)
    return _view_of(res, filt)


def insert(arr, obj, values, axis=None):
    """Insert values along an axis before the given indices.

    torchnp implementation of :func:`numpy.insert`.
    """
    t = _as_tensor(arr)
    ravelled = axis is None and t.ndim != 1
    t, axis = convert.flatten_for_axis(t, axis)
    n = t.shape[axis]
    scalar = False
    if isinstance(obj, slice):
        indices = list(range(*obj.indices(n)))
    else:
        o = convert.on_device(obj, t.device)
        if o.dtype is torch.bool:
            if o.ndim != 1:
                raise ValueError("boolean array argument obj to insert must be one dimensional")
            indices = o.nonzero().reshape(-1).tolist()     # host-sync: positions from a mask
        elif o.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or "
                             "scalar")
        else:
            if (o.dtype.is_floating_point or o.dtype.is_complex) and not (
                    o.numel() == 0 and not isinstance(obj, ndarray)):
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            scalar = o.ndim == 0
            indices = o.reshape(-1).tolist()     # host-sync: index positions shape the result
    v = cast_tensor(convert.on_device(values, t.device), t.dtype, copy=False)
    if v.ndim < t.ndim:
        v = v.reshape((1,) * (t.ndim - v.ndim) + tuple(v.shape))
    mt = _k.signed_bits(t)              # index writes and cat move bits only
    v = _k.signed_bits(v)
    if len(indices) == 1:
        index = indices[0]
        if not -n <= index <= n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if index < 0:
            index += n
        if scalar:
            v = v.movedim(0, axis)
        numnew = v.shape[axis]
        shape = list(t.shape)
        shape[axis] = numnew
        try:
            v = v.expand(shape)
        except RuntimeError:
            raise ValueError(f"could not broadcast input array from shape "
                             f"{convert.shape_text(v.shape)} into shape "
                             f"{convert.shape_text(shape)}") from None
        try:
            res = torch.cat([mt.narrow(axis, 0, index), v, mt.narrow(axis, index, n - index)],
                            axis)
        except RuntimeError as err:
            raise _insert_error(t, ravelled, axis, numnew, err) from None
        return _wrap_array(_k.unsigned_bits(res, t.dtype))
    for i, k in enumerate(indices):
        if not -n <= k <= n:
            raise IndexError(f"index {k} is out of bounds for axis {axis} with size {n}")
        if k < 0:
            indices[i] = k + n
    numnew = len(indices)
    order = builtins.sorted(range(numnew), key=indices.__getitem__)      # stable
    for rank, i in enumerate(order):
        indices[i] += rank
    shape = list(t.shape)
    shape[axis] += numnew
    try:
        new = torch.empty(shape, dtype=mt.dtype, device=t.device)
    except RuntimeError as err:
        raise _insert_error(t, ravelled, axis, numnew, err) from None
    pos = torch.tensor(indices, dtype=torch.int64, device=t.device)
    old_mask = torch.ones(shape[axis], dtype=torch.bool, device=t.device)
    old_mask[pos] = False
    sl = [slice(None)] * t.ndim
    sl[axis] = pos
    new_shape_v = list(shape)
    new_shape_v[axis] = numnew
    try:
        new[tuple(sl)] = v.expand(new_shape_v) if tuple(v.shape) != tuple(new_shape_v) else v
    except RuntimeError:
        raise ValueError(f"shape mismatch: value array of shape {tuple(v.shape)} could not be "
                         f"broadcast to indexing result of shape {tuple(new_shape_v)}") from None
    sl[axis] = old_mask.nonzero().reshape(-1)
    new[tuple(sl)] = mt
    return _wrap_array(_k.unsigned_bits(new, t.dtype))


def _insert_error(t, ravelled, axis, numnew, err):
    """NumPy's error for an insert that torch failed to allocate: its copy of a non-contiguous
    input it ravels (``axis=None``, other than 1-d), else the result."""
    shape = list(t.shape)
    shape[axis] += numnew
    return (convert.copy_error(t, t.dtype, err) if ravelled else None) or \
        convert.allocation_error(shape, t.dtype, err) or err


# ----- block, row_stack ---------------------------------------------------------------------------

def _block_index_text(index):
    return "arrays" + "".join(f"[{i}]" for i in index if i is not None)


def _block_depths(arrays, index=()):
    """(index of an innermost element, its list depth, the greatest array ndim), checking that
    every innermost element sits at the same list depth; NumPy's errors for tuples."""
    if isinstance(arrays, tuple):
        raise TypeError(f"{_block_index_text(index)} is a tuple. Only lists can be used to "
                        "arrange blocks, and np.block does not allow implicit conversion from "
                        "tuple to ndarray.")
    if isinstance(arrays, list):
        if not arrays:
            return index + (None,), 0
        first, max_ndim = _block_depths(arrays[0], index + (0,))
        for i, item in enumerate(arrays[1:], 1):
            where, nd = _block_depths(item, index + (i,))
            max_ndim = builtins.max(max_ndim, nd)
            if len(where) != len(first):
                raise ValueError(f"List depths are mismatched. First element was at depth "
                                 f"{len(first)}, but there is an element at depth {len(where)} "
                                 f"({_block_index_text(where)})")
            if where[-1] is None:
                first = where
        return first, max_ndim
    return index, numpy.ndim(arrays) if not isinstance(arrays, ndarray) else arrays.ndim


def _block(arrays, depth, list_ndim, result_ndim):
    if depth < list_ndim:
        return concatenate([_block(a, depth + 1, list_ndim, result_ndim) for a in arrays],
                           axis=depth - list_ndim)
    return _creation.array(arrays, copy=None, ndmin=result_ndim)


def block(arrays):
    """Assemble an array from nested lists of blocks.

    torchnp implementation of :func:`numpy.block`.
    """
    bottom, arr_ndim = _block_depths(arrays)
    if bottom and bottom[-1] is None:
        raise ValueError(f"List at {_block_index_text(bottom)} cannot be empty")
    list_ndim = len(bottom)
    res = _block(arrays, 0, list_ndim, builtins.max(arr_ndim, list_ndim))
    return _creation.copy(res) if list_ndim == 0 else res


def row_stack(tup, *, dtype=None, casting="same_kind"):
    """Deprecated alias of :func:`vstack` (NumPy 2 warns).

    torchnp implementation of :func:`numpy.row_stack`.
    """
    warnings.warn("`row_stack` alias is deprecated. Use `np.vstack` directly.",
                  DeprecationWarning, stacklevel=2)
    return vstack(tup, dtype=dtype, casting=casting)


# ----- pad ----------------------------------------------------------------------------------------

def _pairs(x, ndim, as_index=False):
    """A per-axis (before, after) argument of ``pad`` as ``ndim`` pairs, in every form NumPy
    takes (a scalar, one pair, one pair per axis). These are sizes and fill values: read on the
    host."""
    if x is None:
        return ((None, None),) * ndim
    host = numpy.array(x)                       # host-sync: pad widths decide the result's shape
    if as_index:
        host = numpy.round(host).astype(numpy.intp, copy=False)
    if host.ndim < 3 and (host.size == 1 or (host.size == 2 and host.shape != (2, 1))):
        flat = host.ravel()
        if as_index and (flat < 0).any():
            raise ValueError("index can't contain negative values")
        return ((flat[0], flat[-1]),) * ndim
    if as_index and host.size and host.min() < 0:
        raise ValueError("index can't contain negative values")
    return numpy.broadcast_to(host, (ndim, 2)).tolist()     # host-data: NumPy data


def _at(axis, sl):
    return (slice(None),) * axis + (sl,) + (Ellipsis,)


def _fill_sides(roi, axis, widths, values):
    """Write ``values`` (before, after) into the two pad areas of ``roi`` along ``axis``."""
    roi[_at(axis, slice(None, widths[0]))] = values[0]
    roi[_at(axis, slice(roi.shape[axis] - widths[1], None))] = values[1]


def _edges(roi, axis, widths):
    """The first and last rows of the data (not the padding) of ``roi`` along ``axis``."""
    end = roi.shape[axis] - widths[1]
    return roi[_at(axis, slice(widths[0], widths[0] + 1))], roi[_at(axis, slice(end - 1, end))]


def _ramps(roi, axis, widths, end_values):
    edges = _edges(roi, axis, widths)
    before, after = (_creation.linspace(v, squeeze(e, axis), num=w, endpoint=False,
                                        dtype=roi.dtype, axis=axis)
                     for v, e, w in zip(end_values, edges, widths))
    return before, flip(after, axis)


def _median_keepdims(a, axis):
    """NumPy's median along ``axis``, kept as a length-1 axis (NaN where a NaN is present)."""
    t = a._t
    dt = promotion.promote(t.dtype, torch.float64) if t.dtype in _dtypes.INTEGER_DTYPES or \
        t.dtype is torch.bool else t.dtype
    s = _sorting.sort(_wrap_array(t.to(dt)), axis=axis)._t        # complex: NumPy's order
    n = t.shape[axis]
    mid = s.narrow(axis, (n - 1) // 2, 2 - n % 2).mean(dim=axis, keepdim=True)
    if dt.is_floating_point:
        mid = torch.where(t.isnan().any(dim=axis, keepdim=True), torch.nan, mid)
    return _wrap_array(mid)


def _stat_pair(roi, axis, widths, lengths, mode):
    stat = {"maximum": _math.amax, "minimum": _math.amin, "mean": _statistics.mean}.get(mode)
    start, end = widths[0], roi.shape[axis] - widths[1]
    span = end - start
    before, after = (span if n is None or span < n else n for n in lengths)
    if mode in ("maximum", "minimum") and 0 in (before, after):
        raise ValueError("stat_length of 0 yields no value for padding")

    def stat_of(lo, hi):
        chunk = roi[_at(axis, slice(lo, hi))]
        v = _median_keepdims(chunk, axis) if stat is None else stat(chunk, axis=axis,
                                                                      keepdims=True)
        if roi.dtype.kind in "iu":
            v = _wrap_array(torch.round(v._t))
        return v

    first = stat_of(start, start + before)
    if before == after == span:
        return first, first
    return first, stat_of(end - after, end)


def _reflect_once(roi, axis, widths, odd, period, include_edge):
    """One pass of reflection into both pad areas; the widths still left to fill."""
    before, after = widths
    n = roi.shape[axis] - before - after
    if include_edge:
        n, offset = n // period * period, 1
    else:
        n, offset = (n - 1) // (period - 1) * (period - 1), 0
    if before > 0:
        k = builtins.min(n, before)
        chunk = roi[_at(axis, slice(before - offset + k, before - offset, -1))]
        if odd:
            chunk = 2 * roi[_at(axis, slice(before, before + 1))] - chunk
        roi[_at(axis, slice(before - k, before))] = chunk
        before -= k
    if after > 0:
        k = builtins.min(n, after)
        start = -after + offset - 2
        chunk = roi[_at(axis, slice(start, start - k, -1))]
        if odd:
            chunk = 2 * roi[_at(axis, slice(-after - 1, -after))] - chunk
        size = roi.shape[axis]
        roi[_at(axis, slice(size - after, size - after + k))] = chunk
        after -= k
    return before, after


def _wrap_once(roi, axis, widths, period):
    """One pass of periodic copies into both pad areas; the widths still left to fill."""
    before, after = widths
    n = (roi.shape[axis] - before - after) // period * period
    left = right = 0
    if before > 0:
        chunk = roi[_at(axis, slice(before + n - builtins.min(n, before), before + n))]
        if before > n:
            roi[_at(axis, slice(before - n, before))] = chunk
            left = before - n
        else:
            roi[_at(axis, slice(None, before))] = chunk
    if after > 0:
        start = -after - n
        chunk = roi[_at(axis, slice(start, start + builtins.min(n, after)))]
        if after > n:
            roi[_at(axis, slice(-after, -after + n))] = chunk
            right = after - n
        else:
            roi[_at(axis, slice(-after, None))] = chunk
    return left, right


_PAD_KWARGS = {"empty": (), "edge": (), "wrap": (), "constant": ("constant_values",),
               "linear_ramp": ("end_values",), "maximum": ("stat_length",),
               "mean": ("stat_length",), "median": ("stat_length",),
               "minimum": ("stat_length",), "reflect": ("reflect_type",),
               "symmetric": ("reflect_type",)}


def _padded_empty(a, widths, zeroed=False):
    """A padded array (uninitialised, or zeros) with ``a`` copied into its middle; the middle's
    index."""
    shape = tuple(lo + n + hi for n, (lo, hi) in zip(a.shape, widths))
    order = "F" if a.flags.fnc else "C"
    make = _creation.zeros if zeroed else _creation.empty
    padded = make(shape, a.dtype, order, device=a._t.device)
    middle = tuple(slice(lo, lo + n) for n, (lo, hi) in zip(a.shape, widths))
    padded[middle] = a
    return padded, middle


def pad(array, pad_width, mode="constant", **kwargs):
    """Pad an array.

    torchnp implementation of :func:`numpy.pad`.
    """
    a = _creation.asarray(array)
    widths_host = numpy.asarray(pad_width)      # host-sync: pad widths decide the result's shape
    if widths_host.dtype.kind != "i":          # NumPy: unsigned and bool widths too
        raise TypeError("`pad_width` must be of integral type.")
    widths = [tuple(int(w) for w in p) for p in _pairs(widths_host, a.ndim, as_index=True)]
    if callable(mode):
        return _pad_with_function(a, widths, mode, kwargs)
    if mode not in _PAD_KWARGS:
        raise ValueError(f"mode '{mode}' is not supported")
    unsupported = set(kwargs) - set(_PAD_KWARGS[mode])
    if unsupported:
        raise ValueError(f"unsupported keyword arguments for mode '{mode}': {unsupported}")
    padded, middle = _padded_empty(a, widths)
    if mode == "empty":
        return padded
    if mode != "constant" and a.size == 0:
        for axis, w in enumerate(widths):
            if a.shape[axis] == 0 and any(w):
                raise ValueError(f"can't extend empty axis {axis} using modes other than "
                                 "'constant' or 'empty'")
        return padded
    for axis, w in enumerate(widths):
        roi = padded[(slice(None),) * (axis + 1) + middle[axis + 1:]]
        _pad_axis(roi, a.shape[axis], axis, w, mode, kwargs)
    return padded


def _pad_axis(roi, n, axis, widths, mode, kwargs):
    """Fill the pad areas of ``roi`` along ``axis`` (the axes before it are padded already)."""
    if mode == "constant":
        _fill_sides(roi, axis, widths, _pairs(kwargs.get("constant_values", 0), roi.ndim)[axis])
    elif mode == "edge":
        _fill_sides(roi, axis, widths, _edges(roi, axis, widths))
    elif mode == "linear_ramp":
        ends = _pairs(kwargs.get("end_values", 0), roi.ndim)[axis]
        _fill_sides(roi, axis, widths, _ramps(roi, axis, widths, ends))
    elif mode in ("maximum", "minimum", "mean", "median"):
        lengths = _pairs(kwargs.get("stat_length"), roi.ndim, as_index=True)[axis]
        _fill_sides(roi, axis, widths, _stat_pair(roi, axis, widths, lengths, mode))
    elif mode == "wrap":
        while widths[0] > 0 or widths[1] > 0:
            widths = _wrap_once(roi, axis, widths, n)
    elif n == 1 and any(widths):                # reflect / symmetric of a single row: edges
        _fill_sides(roi, axis, widths, _edges(roi, axis, widths))
    else:
        odd = kwargs.get("reflect_type", "even") == "odd"
        while widths[0] > 0 or widths[1] > 0:
            widths = _reflect_once(roi, axis, widths, odd, n, mode == "symmetric")


def _pad_with_function(a, widths, function, kwargs):
    """``pad`` with a callable mode: ``function(vector, iaxis_pad_width, iaxis, kwargs)`` on
    every 1-d slice along each axis of the zero-padded array, in place."""
    padded, _ = _padded_empty(a, widths, zeroed=True)
    for axis in range(padded.ndim):
        view = moveaxis(padded, axis, -1)
        for index in itertools.product(*map(range, view.shape[:-1])):
            function(view[index + (Ellipsis,)], widths[axis], axis, kwargs)
    return padded


# ----- bit packing --------------------------------------------------------------------------------

def _bit_weights(bitorder, device):
    """The value of each bit of a byte, in the order ``bitorder`` reads them."""
    if not isinstance(bitorder, str):
        raise TypeError(f"pack() argument 3 must be str, not {type(bitorder).__name__}")
    if bitorder not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    w = torch.tensor([1, 2, 4, 8, 16, 32, 64, 128], dtype=torch.uint8, device=device)
    return w.flip(0) if bitorder == "big" else w


def _bits_axis_last(t, axis):
    """``t`` with the packing axis last: ravelled for None, a 0-d array as 1-d."""
    if axis is None or t.ndim == 0:
        if axis is not None:
            normalize_axis_index(axis, 1)
        return t.reshape(-1), 0, None
    axis = normalize_axis_index(axis, t.ndim)
    return t.movedim(axis, -1), axis, axis


def packbits(a, /, axis=None, bitorder="big"):
    """Pack the elements of a binary-valued array into the bits of a uint8 array.

    torchnp implementation of :func:`numpy.packbits`.
    """
    t = _as_tensor(a)
    if t.dtype not in _dtypes.INTEGER_DTYPES and t.dtype is not torch.bool:
        raise TypeError("Expected an input array of integer or boolean data type")
    t, axis, moved = _bits_axis_last(t, axis)
    weights = _bit_weights(bitorder, t.device)
    n = t.shape[-1]
    bits = torch.nn.functional.pad((t != 0).to(torch.uint8), (0, -n % 8))
    bits = bits.reshape(tuple(bits.shape[:-1]) + (-1, 8))
    packed = (bits * weights).sum(-1, dtype=torch.uint8)
    return _wrap_array(packed if moved is None else packed.movedim(-1, axis))


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    """Unpack the bits of a uint8 array into a binary-valued uint8 array.

    torchnp implementation of :func:`numpy.unpackbits`.
    """
    t = _as_tensor(a)
    if t.dtype is not torch.uint8:
        raise TypeError("Expected an input array of unsigned byte data type")
    t, axis, moved = _bits_axis_last(t, axis)
    weights = _bit_weights(bitorder, t.device)
    bits = (t.unsqueeze(-1) & weights).ne(0).to(torch.uint8)
    bits = bits.reshape(tuple(bits.shape[:-2]) + (-1,))
    if count is not None:
        count = operator.index(count)
        total = bits.shape[-1]
        if count < 0:
            if -count > total:
                raise ValueError("-count larger than number of elements")
            count += total
        bits = torch.nn.functional.pad(bits, (0, builtins.max(count - total, 0)))[..., :count]
    return _wrap_array(bits if moved is None else bits.movedim(-1, axis))


# ----- functional programming: apply_along_axis, apply_over_axes, piecewise -----------------------

def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """``func1d`` applied to the 1-d slices of ``arr`` along ``axis``.

    torchnp implementation of :func:`numpy.apply_along_axis`.
    """
    arr = _creation.asanyarray(arr)
    nd = arr.ndim
    axis = normalize_axis_index(axis, nd)
    dims = list(range(nd))
    slices = transpose(arr, dims[:axis] + dims[axis + 1:] + [axis])
    indices = [ind + (Ellipsis,) for ind in itertools.product(*map(range, slices.shape[:-1]))]
    if not indices:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    first = _creation.asanyarray(func1d(slices[indices[0]], *args, **kwargs))
    buff = _creation.zeros(slices.shape[:-1] + first.shape, first.dtype, device=first._t.device)
    buff[indices[0]] = first
    for ind in indices[1:]:
        buff[ind] = _creation.asanyarray(func1d(slices[ind], *args, **kwargs))
    n = buff.ndim
    bdims = list(range(n))
    return transpose(buff, bdims[:axis] + bdims[n - first.ndim:] + bdims[axis:n - first.ndim])


def apply_over_axes(func, a, axes):
    """``func(a, axis)`` applied over each of ``axes`` in turn, keeping the dimensions.

    torchnp implementation of :func:`numpy.apply_over_axes`.
    """
    val = _creation.asarray(a)
    n = a.ndim
    if isinstance(axes, int) or not isinstance(axes, (list, tuple)) and numpy.ndim(axes) == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = n + axis
        res = func(val, axis)
        if res.ndim != val.ndim:
            res = expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
        val = res
    return val


def _is_array_item(c):
    """An item of ``condlist`` that is a list or an array (a 0-d torchnp array standing for a
    scalar, as indexing a 1-d array gives, is a scalar)."""
    return isinstance(c, (list, numpy.ndarray)) or \
        (isinstance(c, ndarray) and not convert.is_scalar_like(c))


def piecewise(x, condlist, funclist, *args, **kw):
    """A piecewise-defined function: ``funclist[i]`` (a callable or a value) where
    ``condlist[i]`` holds.

    torchnp implementation of :func:`numpy.piecewise`.
    """
    x = _creation.asanyarray(x)
    convert.on_one_device([x._t] + [c._t for c in (condlist if isinstance(condlist, list) else
                                                   [condlist]) if isinstance(c, ndarray)])
    n_funcs = len(funclist)
    if numpy.isscalar(condlist) or (not _is_array_item(condlist[0]) and x.ndim != 0):
        condlist = [condlist]
    conds = _creation.asarray(condlist, dtype=bool)
    n = len(conds)
    if n == n_funcs - 1:
        otherwise = ~_logic.any(conds, axis=0, keepdims=True)
        conds = concatenate([conds, otherwise], axis=0)
        n += 1
    elif n != n_funcs:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    y = _creation.zeros_like(x)
    for cond, func in zip(conds, funclist):
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]          # host-sync: a boolean mask selects a value-dependent count
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y
