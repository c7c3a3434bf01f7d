"""Indexing routines: take, put, nonzero, where, diagonal, the *_along_axis pair, index builders.

torchnp implementations of the functions in NumPy's "Indexing routines" chapter. The functions
that select by index are written on top of ndarray indexing (``_core/indexing.py``), which holds
NumPy's bounds checks and casting rules, so they inherit its errors.
"""
import math
import operator

import numpy
import torch

from torchnp import _creation
from torchnp import _kernels as _k
from torchnp import _manipulation
from torchnp import _math_ufuncs as _u
from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import indexing as _ix
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core import reduction as _red
from torchnp._core.ndarray import ndarray

_wrap = convert.wrap


def _tensor(a):
    return convert.as_tensor(a)


def _index_tensor(indices, t, rule="safe"):
    """Integer indices for take/put/choose from ``indices``, whose tensor is ``t``: an array must
    cast to int64 under ``rule`` (NumPy's TypeError otherwise); floats in a list are truncated, as
    NumPy's unsafe intp cast."""
    if t.dtype is not torch.int64:
        if isinstance(indices, ndarray) and not promotion.can_cast_dtype(t.dtype, torch.int64,
                                                                         rule):
            raise TypeError(f"Cannot cast array data from {_dtypes.to_numpy_dtype(t.dtype)!r} to "
                            f"dtype('int64') according to the rule {rule!r}")
        if t.is_complex():
            raise TypeError("Cannot cast array data from dtype('complex128') to dtype('int64') "
                            "according to the rule 'safe'")
        t = t.to(torch.int64)
    return t


def _apply_mode(idx, n, mode, axis):
    """Indices normalised to [0, n) under ``mode`` ('raise', 'wrap' or 'clip')."""
    if mode == "raise" or mode is None:
        if idx.numel():
            if n == 0:
                raise IndexError("cannot do a non-empty take from an empty axes.")
            _ix._check_bounds([idx], [n], [axis])
        return torch.where(idx < 0, idx + n, idx)
    if mode == "wrap":
        return idx.remainder(n) if n else idx
    if mode == "clip":
        return idx.clamp(0, max(n - 1, 0))
    _bad_clipmode(mode)


def _bad_clipmode(mode):
    if not isinstance(mode, str):
        raise TypeError("clipmode not understood")
    raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")


# ----- take / put ---------------------------------------------------------------------------------

def take(a, indices, axis=None, out=None, mode="raise"):
    """Take elements from an array along an axis.

    torchnp implementation of :func:`numpy.take`.
    """
    t = _tensor(a)
    out = convert.check_out(out)
    t, axis = convert.flatten_for_axis(t, axis)
    try:
        idx = _index_tensor(indices, convert.on_device(indices, t.device), "same_kind")
        n = t.shape[axis]
        if n == 0 and idx.numel() and mode != "raise":
            raise IndexError("cannot do a non-empty take from an empty axes.")
        flat = _apply_mode(idx.reshape(-1), n, mode, axis)
        r = _k.unsigned_bits(torch.index_select(_k.signed_bits(t), axis, flat), t.dtype)
        r = r.reshape(tuple(t.shape[:axis]) + tuple(idx.shape) + tuple(t.shape[axis + 1:]))
    except RuntimeError as err:
        raise _take_error(t, axis, convert.as_tensor(indices), err) from None
    if out is not None:
        convert.check_writeable(out._t, "WRITEBACKIFCOPY base is read-only")
        return convert.write_out(out, r, "unsafe")      # NumPy casts into out= unsafely
    return _wrap(r)


def _take_error(t, axis, idx, err):
    """NumPy's error for a take that torch failed to allocate: for its C-contiguous int64 copy of
    the indices ``idx`` (unless they are one), else for the result."""
    shape = tuple(t.shape[:axis]) + tuple(idx.shape) + tuple(t.shape[axis + 1:])
    return convert.copy_error(idx, torch.int64, err) or \
        convert.allocation_error(shape, t.dtype, err) or err


def put(a, ind, v, mode="raise"):
    """Replace specified elements of an array with given values (on the flattened array).

    torchnp implementation of :func:`numpy.put`.
    """
    if not isinstance(a, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a)}")
    t = a._t
    convert.check_writeable(t, "put: output array is read-only")
    idx = _index_tensor(ind, convert.on_device(ind, t.device)).reshape(-1)
    if t.numel() == 0 and idx.numel():
        raise IndexError("cannot replace elements of an empty array")   # whatever the mode
    vt = _ix._value_tensor(v, a._dt, None, t.device).reshape(-1)     # before bounds, as NumPy
    if vt.numel() == 0:
        return              # NumPy: no values, no bounds to check
    idx = _apply_mode(idx, t.numel(), mode, 0)
    if idx.numel() == 0:
        return
    _ix.flatiter(a)[_wrap(idx)] = _wrap(vt)


# ----- nonzero / where ----------------------------------------------------------------------------

def nonzero(a):
    """Indices of the elements that are non-zero, one int64 array per dimension.

    torchnp implementation of :func:`numpy.nonzero`.
    """
    t = _tensor(a)
    if t.ndim == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use "
                         "np.atleast_1d(scalar).nonzero() instead.")
    nz = torch.nonzero(_nonzero_input(t))        # host-sync: the result's size depends on values
    return tuple(_wrap(nz[:, j]) for j in range(t.ndim))


def flatnonzero(a):
    """Indices of the non-zero elements of the flattened array.

    torchnp implementation of :func:`numpy.flatnonzero`.
    """
    t = _tensor(a).reshape(-1)
    return _wrap(torch.nonzero(_nonzero_input(t))[:, 0])   # host-sync: size depends on values


def argwhere(a):
    """Indices of the non-zero elements, grouped by element (shape ``(N, a.ndim)``).

    torchnp implementation of :func:`numpy.argwhere`.
    """
    t = _tensor(a)
    if t.ndim == 0:
        return _wrap(torch.nonzero(_nonzero_input(t).reshape(1))[:, :0])   # host-sync: size
    return _wrap(torch.nonzero(_nonzero_input(t)))   # host-sync: the result's size depends on values


def _nonzero_input(t):
    # torch: nonzero has no kernel for uint16/32/64; test against zero first (any dtype)
    return t != 0 if t.dtype in _dtypes.UNSIGNED_DTYPES and t.dtype is not torch.uint8 else t


class _WhereArgumentError(TypeError, ValueError):
    """``where(c, x)`` and ``where(c, x, None)`` look alike through NumPy's signature: NumPy raises
    ValueError for the first and makes an object array of the second (torchnp: numbers only, a
    TypeError). The one error is both."""


_new = object.__new__
_BOOL = torch.bool
_FEW_KERNELS = _k.FEW_KERNELS
_torch_where = torch.where


def where(condition, x=None, y=None, /):
    """Elements chosen from `x` or `y` depending on `condition`; ``nonzero`` with one argument.

    torchnp implementation of :func:`numpy.where`.
    """
    if type(condition) is ndarray and type(x) is ndarray and type(y) is ndarray and \
            condition._dt is _BOOL and x._dt is y._dt and x._dt not in _FEW_KERNELS:
        # The fast path: a mask and two arrays of one dtype. torch broadcasts as NumPy does; what
        # it refuses (shapes, devices) takes the general path, which raises NumPy's error.
        try:
            r = _torch_where(condition._t, x._t, y._t)
        except RuntimeError:
            pass
        else:
            res = _new(ndarray)         # convert.wrap_array inlined: ~60 ns of ~2 us
            res._t = r
            res._dt = x._dt
            res._base = None
            res._scalar = False
            return res
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        principle = _dtypes.unsupported_dtype_error(numpy.dtype(object))
        raise _WhereArgumentError("either both or neither of x and y should be given (an explicit "
                                  f"None: {principle})")
    cond, tx, ty = convert.operands(condition, x, y, weak=(1, 2))
    if cond.dtype is not torch.bool:
        cond = cond != 0
    dt = promotion.weak_result_dtype((tx, ty))
    tx, ty = (_where_operand(v, dt, cond.device) for v in (tx, ty))
    shapes = [tuple(cond.shape), tuple(tx.shape), tuple(ty.shape)]
    try:
        convert.broadcast_shapes(shapes)
    except ValueError:
        raise convert.broadcast_error(shapes) from None
    return convert.wrap_array(torch.where(cond, tx, ty))    # an array in NumPy, even 0-d


def _where_operand(v, dt, device):
    """An operand of where (tensor or weak Python scalar) as a tensor of ``dt``: NumPy casts a
    Python scalar unsafely here (into an integer dtype, after reading an int as a C integer)."""
    if isinstance(v, torch.Tensor):
        return v.to(dt)
    if type(v) is int and dt in _dtypes.INT_RANGE and not promotion.is_c_int(v):
        raise promotion.weak_int_error(v, dt)
    return _red.const(v, dt, device)


# ----- diagonal -----------------------------------------------------------------------------------

def diagonal(a, offset=0, axis1=0, axis2=1):
    """Specified diagonals, as a view.

    torchnp implementation of :func:`numpy.diagonal`.

    The view is read-only, as NumPy's.
    """
    t = _tensor(a)
    if type(offset) is not int:
        offset = convert.operator_index(offset)
    if t.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1 = convert.normalize_axis_index(axis1, t.ndim)
    ax2 = convert.normalize_axis_index(axis2, t.ndim)
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    r = torch.diagonal(t, offset, ax1, ax2)
    return readonly.read_only(convert.wrap_view(r, a) if isinstance(a, ndarray) else _wrap(r))


# ----- along an axis ------------------------------------------------------------------------------

def _along_axis_index(arr_shape, indices, axis):
    """NumPy's ``_make_along_axis_idx``: a fancy index selecting ``indices`` along ``axis``."""
    if indices.dtype not in _dtypes.INTEGER_DTYPES:
        raise IndexError("`indices` must be an integer array")
    if len(arr_shape) != indices.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    key = []
    ndim = indices.ndim
    for dim, n in enumerate(arr_shape):
        if dim == axis:
            key.append(indices)
        else:
            shape = [1] * ndim
            shape[dim] = n
            key.append(torch.arange(n, device=indices.device).reshape(shape))
    return tuple(_wrap(k) for k in key)


def take_along_axis(arr, indices, axis=-1):
    """Take values from the input array by matching 1-d index and data slices.

    torchnp implementation of :func:`numpy.take_along_axis`.
    """
    a = arr if isinstance(arr, ndarray) else _wrap(_tensor(arr))
    idx = convert.on_device(indices, a._t.device)
    if axis is None:
        if idx.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        a = _wrap(convert.flatten_for_axis(a._t, None)[0])
        axis = 0
    else:
        axis = convert.normalize_axis_index(axis, a.ndim)
    key = _along_axis_index(a.shape, idx, axis)
    try:
        return _ix.getitem(a, key)
    except RuntimeError as err:
        shape = convert.broadcast_shapes([tuple(k._t.shape) for k in key])
        raise convert.allocation_error(shape, a._dt, err) or err from None


def put_along_axis(arr, indices, values, axis):
    """Put values into the destination array by matching 1-d index and data slices.

    torchnp implementation of :func:`numpy.put_along_axis`.
    """
    if not isinstance(arr, ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(arr)}")
    idx = convert.on_device(indices, arr._t.device)
    if axis is None:
        if idx.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        if not arr._t.is_contiguous():
            raise NotImplementedError("put_along_axis with axis=None on a non-contiguous array")
        target = convert.wrap_view(arr._t.view(-1), arr)
        axis = 0
    else:
        target = arr
        axis = convert.normalize_axis_index(axis, arr.ndim)
    _ix.setitem(target, _along_axis_index(target.shape, idx, axis), values)


# ----- selecting by a condition ------------------------------------------------------------------

def compress(condition, a, axis=None, out=None):
    """Selected slices of an array along an axis.

    torchnp implementation of :func:`numpy.compress`.
    """
    cond, t = convert.operands(condition, a)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    positions = torch.nonzero(cond)[:, 0]        # host-sync: the result's size depends on values
    return take(t, _wrap(positions), axis=axis, out=out)


def extract(condition, arr):
    """The elements of an array that satisfy a condition.

    torchnp implementation of :func:`numpy.extract`.
    """
    cond, t = convert.operands(condition, arr)
    positions = torch.nonzero(cond.reshape(-1))[:, 0]   # host-sync: the size depends on values
    return take(t, _wrap(positions))


def _check_safe_values(values, dt):
    """place / putmask take an array of values only where it casts safely (NumPy's TypeError);
    a scalar (``ndarray._scalar``), as NumPy's scalars, casts unsafely."""
    if isinstance(values, ndarray) and not promotion.can_cast_dtype(values._t.dtype, dt, "safe") \
            and not convert.is_scalar_like(values):
        what = "scalar" if values._t.ndim == 0 else "array data"
        raise TypeError(f"Cannot cast {what} from {values.dtype!r} to "
                        f"{_dtypes.to_numpy_dtype(dt)!r} according to the rule 'safe'")


def _type_name(a):
    """The name NumPy's messages give the type of ``a`` (``numpy.float64`` for a scalar)."""
    if isinstance(a, ndarray):
        return f"numpy.{a.dtype.name}"          # a scalar (``ndarray._scalar``)
    return type(a).__name__


def place(arr, mask, vals):
    """Change elements of an array based on conditional and input values (values cycle).

    torchnp implementation of :func:`numpy.place`.
    """
    if not isinstance(arr, ndarray) or convert.is_scalar_like(arr):
        raise TypeError(f"place() argument 1 must be numpy.ndarray, not {_type_name(arr)}")
    t = arr._t
    convert.check_writeable(t, "WRITEBACKIFCOPY base is read-only")
    m = convert.on_device(mask, t.device).reshape(-1)
    if m.numel() != t.numel():
        raise ValueError("place: mask and data must be the same size")
    _check_safe_values(vals, t.dtype)
    positions = torch.nonzero(m)[:, 0]           # host-sync: the selection's size depends on values
    vt = _ix._value_tensor(vals, arr._dt, None, t.device).reshape(-1)
    if positions.numel() == 0:
        return
    if vt.numel() == 0:
        raise ValueError("Cannot insert from an empty array!")
    _ix.flatiter(arr)[_wrap(positions)] = _wrap(vt)


def putmask(a, /, mask, values):
    """Set ``a.flat[n] = values[n % len(values)]`` where ``mask.flat[n]`` is true.

    torchnp implementation of :func:`numpy.putmask`.
    """
    if not isinstance(a, ndarray) or convert.is_scalar_like(a):
        raise TypeError("putmask: first argument must be an array")
    t = a._t
    convert.check_writeable(t, "putmask: output array is read-only")
    m = convert.on_device(mask, t.device)
    if m.numel() != t.numel():
        raise ValueError("putmask: mask and data must be the same size")
    _check_safe_values(values, t.dtype)
    if m.dtype is not torch.bool:
        m = m != 0
    vt = _ix._value_tensor(values, a._dt, None, t.device).reshape(-1)
    n = t.numel()
    if n == 0 or vt.numel() == 0:
        return
    if vt.numel() != n:
        vt = vt[torch.arange(n, device=t.device) % vt.numel()]
    full = vt.reshape(t.shape)
    convert.copy_into(t, torch.where(m.reshape(t.shape), _ix._no_overlap(full, t), t))


def choose(a, choices, out=None, mode="raise"):
    """An array built from an index array and a list of arrays to choose from.

    torchnp implementation of :func:`numpy.choose`.
    """
    if isinstance(choices, (list, tuple)):
        idx, *parts = convert.operands(a, *choices)
    else:
        idx, ct = convert.operands(a, choices)
        parts = list(ct.unbind(0))
    idx = _index_tensor(a, idx)
    n = len(parts)
    if n == 0:
        raise ValueError("0-length sequence.")
    dt = promotion.result_dtype([p.dtype for p in parts])
    try:
        shape = convert.broadcast_shapes([tuple(idx.shape)] + [tuple(p.shape) for p in parts])
    except ValueError:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape") from None
    if mode == "raise" or mode is None:
        if idx.numel() and bool(((idx < 0) | (idx >= n)).any()):   # host-sync: bounds check
            raise ValueError("invalid entry in choice array")
    elif mode == "wrap":
        idx = idx.remainder(n)
    elif mode == "clip":
        idx = idx.clamp(0, n - 1)
    else:
        _bad_clipmode(mode)
    stacked = torch.stack([_k.signed_bits(p.to(dt)).expand(shape) for p in parts])
    r = _k.unsigned_bits(torch.gather(stacked, 0, idx.expand(shape).unsqueeze(0))[0], dt)
    if out is not None:
        out = convert.check_out(out)
        if tuple(out._t.shape) != tuple(r.shape):
            raise TypeError("choose: invalid shape for output array.")
        return convert.write_out(out, r, "unsafe")            # NumPy casts into out= unsafely
    return _wrap(r)


# ----- index builders -----------------------------------------------------------------------------

def ix_(*args):
    """Open mesh from multiple sequences (for cross-product indexing).

    torchnp implementation of :func:`numpy.ix_`.
    """
    out = []
    nd = len(args)
    for k, seq in enumerate(args):
        if isinstance(seq, (list, tuple)) and len(seq) == 0:
            t = torch.empty(0, dtype=torch.int64)
        else:
            t = _tensor(seq)
        if t.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if t.dtype is torch.bool:
            t = torch.nonzero(t)[:, 0]           # host-sync: the result's size depends on values
        shape = [1] * nd
        shape[k] = t.shape[0]
        out.append(_wrap(t.reshape(shape)))
    return tuple(out)


def indices(dimensions, dtype=int, sparse=False):
    """An array representing the indices of a grid.

    torchnp implementation of :func:`numpy.indices`.
    """
    dims = convert.shape_tuple(tuple(convert.operator_index(d) for d in dimensions))
    dt = torch.float64 if dtype is None else _dtypes.to_torch_dtype(dtype)   # None: NumPy's float64
    if dt is torch.bool and any(n > 2 for n in dims):
        raise TypeError("arange() is only supported for booleans when the result has at most "
                        "length 2.")
    nd, device = len(dims), config.current_device()
    parts = []
    for k, n in enumerate(dims):
        shape = [1] * nd
        shape[k] = n
        # torch: no arange in bool, complex
        parts.append(torch.arange(n, device=device).to(dt).reshape(shape))
    if sparse:
        return tuple(_wrap(p) for p in parts)
    if nd == 0:
        return _wrap(torch.empty((0,), dtype=dt, device=device))
    return _wrap(torch.stack([p.expand(dims) for p in parts]))


def diag_indices(n, ndim=2):
    """Indices to access the main diagonal of an ``(n, n, ..., n)`` array.

    torchnp implementation of :func:`numpy.diag_indices`.
    """
    n = max(convert.operator_index(n), 0)         # NumPy: n < 0 gives no indices
    try:
        idx = torch.arange(n, device=config.current_device())
    except RuntimeError as err:
        raise convert.allocation_error((n,), torch.int64, err) or err from None
    return tuple(_wrap(idx) for _ in range(ndim))


def diag_indices_from(arr):
    """Indices to access the main diagonal of an n-dimensional array.

    torchnp implementation of :func:`numpy.diag_indices_from`.
    """
    shape = tuple(_tensor(arr).shape)
    if len(shape) < 2:
        raise ValueError("input array must be at least 2-d")
    if any(s != shape[0] for s in shape):
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(shape[0], len(shape))


def tril_indices(n, k=0, m=None):
    """Indices for the lower triangle of an ``(n, m)`` array.

    torchnp implementation of :func:`numpy.tril_indices`.
    """
    return _tri_indices(torch.tril_indices, n, k, m)


def triu_indices(n, k=0, m=None):
    """Indices for the upper triangle of an ``(n, m)`` array.

    torchnp implementation of :func:`numpy.triu_indices`.
    """
    return _tri_indices(torch.triu_indices, n, k, m)


def _tri_indices(fn, n, k, m):
    n = max(convert.operator_index(n), 0)          # NumPy: a negative size gives no indices
    m = n if m is None else max(convert.operator_index(m), 0)
    try:
        r = fn(n, m, convert.operator_index(k), device=config.current_device())
    except RuntimeError as err:         # NumPy makes the (n, m) mask of the triangle first
        raise convert.allocation_error((n, m), torch.bool, err) or err from None
    return _wrap(r[0]), _wrap(r[1])


def _shape_2d(arr):
    shape = tuple(_tensor(arr).shape)
    if len(shape) != 2:
        raise ValueError("input array must be 2-d")
    return shape


def tril_indices_from(arr, k=0):
    """Indices for the lower triangle of a 2-d array.

    torchnp implementation of :func:`numpy.tril_indices_from`.
    """
    n, m = _shape_2d(arr)
    return tril_indices(n, k=k, m=m)


def triu_indices_from(arr, k=0):
    """Indices for the upper triangle of a 2-d array.

    torchnp implementation of :func:`numpy.triu_indices_from`.
    """
    n, m = _shape_2d(arr)
    return triu_indices(n, k=k, m=m)


def _arrays_on_one_device(*args):
    """The one device of the arrays among ``args`` (None: no arrays); NumPy-style ValueError
    when there are two."""
    return convert.on_one_device([x._t if isinstance(x, ndarray) else x for x in args
                                 if isinstance(x, (ndarray, torch.Tensor))])


# ----- fill_diagonal, mask_indices ----------------------------------------------------------------

def fill_diagonal(a, val, wrap=False):
    """Fill the main diagonal of ``a`` (in place) with ``val``, repeated as needed.

    torchnp implementation of :func:`numpy.fill_diagonal`.
    """
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = None
    shape = a.shape
    if a.ndim == 2:
        step = shape[1] + 1         # NumPy: a tall matrix's diagonal restarts after N columns
        if not wrap:
            end = shape[1] * shape[1]
    else:
        if any(n != shape[0] for n in shape):
            raise ValueError("All dimensions of input must be of equal length")
        step = 1 + sum(math.prod(shape[:i]) for i in range(1, len(shape)))
    _arrays_on_one_device(a, val)
    a.flat[:end:step] = val


def mask_indices(n, mask_func, k=0):
    """The indices where ``mask_func(ones((n, n), int), k)`` is nonzero.

    torchnp implementation of :func:`numpy.mask_indices`.
    """
    m = _creation.ones((n, n), int)
    return nonzero(_u.not_equal(mask_func(m, k), 0))


# ----- flat and multi-dimensional indices ---------------------------------------------------------

def _c_or_f(order):
    """``order=`` of the index arithmetic: 'C' (also None) or 'F', in either case."""
    if order is None:
        return "C"
    o = convert.check_order(order, "C")
    if o not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    return o


def _dims(shape):
    """A shape argument as a tuple of Python ints (negative ones too, as NumPy reads them)."""
    if isinstance(shape, (list, tuple)):
        return tuple(operator.index(d) for d in shape)
    return (operator.index(shape),)


def _int_indices(x):
    """Index values as an int64 tensor: integer or bool arrays only (NumPy's TypeError)."""
    t = convert.as_tensor(x)
    if t.dtype not in _dtypes.INTEGER_DTYPES and t.dtype is not torch.bool:
        if isinstance(x, (list, tuple)) and t.numel() == 0:
            raise TypeError("indices must be integral: the provided empty sequence was inferred "
                            "as float. Wrap it with 'np.array(indices, dtype=np.intp)'")
        raise TypeError("only int indices permitted")
    return t.to(torch.int64)


def unravel_index(indices, shape, order="C"):
    """The tuple of coordinate arrays of flat indices into an array of shape ``shape``.

    torchnp implementation of :func:`numpy.unravel_index`.
    """
    dims = _dims(shape)
    order = _c_or_f(order)
    t = _int_indices(indices)
    size = math.prod(dims)
    bad = (t < 0) | (t >= size)
    if bool(bad.any()):     # host-sync: NumPy raises for an index out of bounds
        raise ValueError(f"index {int(t[bad][0])} is out of bounds for array with size {size}")
    coords = []
    for d in (reversed(dims) if order == "C" else dims):
        coords.append(t.remainder(d))
        t = t.div(d, rounding_mode="floor")
    return tuple(_wrap(c) for c in (coords[::-1] if order == "C" else coords))


_CLIPMODE_NUMBERS = {0: "clip", 1: "wrap", 2: "raise"}      # NumPy's CLIP, WRAP, RAISE


def _clipmode(mode):
    """One clip mode as 'raise', 'wrap' or 'clip' (None: 'raise'; NumPy's integer constants)."""
    if mode is None:
        return "raise"
    if type(mode) is int:
        if mode not in _CLIPMODE_NUMBERS:
            raise ValueError("integer clipmode must be RAISE, WRAP, or CLIP")
        return _CLIPMODE_NUMBERS[mode]
    if mode not in ("raise", "wrap", "clip"):
        _bad_clipmode(mode)
    return mode


def _clipmodes(mode, n):
    if not isinstance(mode, (list, tuple)):
        return [_clipmode(mode)] * n
    if len(mode) != n:
        raise ValueError(f"list of clipmodes has wrong length ({len(mode)} instead of {n})")
    return [_clipmode(m) for m in mode]


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """Flat indices of a tuple of coordinate arrays into an array of shape ``dims``.

    torchnp implementation of :func:`numpy.ravel_multi_index`.
    """
    dims = _dims(dims)
    order = _c_or_f(order)
    if math.prod(d for d in dims if d > 0) > 2**63 - 1:
        raise ValueError("invalid dims: array size defined by dims is larger than the maximum "
                         "possible size.")
    if len(multi_index) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    modes = _clipmodes(mode, len(dims))
    _arrays_on_one_device(*multi_index)
    ts = [_int_indices(x) for x in multi_index]
    ts = torch.broadcast_tensors(*ts) if ts else ts
    if 0 in dims:
        raise ValueError("cannot unravel if shape has zero entries (is empty).")
    flat = torch.zeros((), dtype=torch.int64, device=ts[0].device if ts else None)
    stride = 1
    for i in (range(len(dims) - 1, -1, -1) if order == "C" else range(len(dims))):
        flat = flat + _coordinate(ts[i], dims[i], modes[i]) * stride
        stride *= dims[i]
    return _wrap(flat)


def _coordinate(t, d, mode):
    if mode == "wrap":
        return t.remainder(d)
    if mode == "clip":
        return t.clamp(0, d - 1)
    if bool(((t < 0) | (t >= d)).any()):     # host-sync: NumPy raises for an entry out of bounds
        raise ValueError("invalid entry in coordinates array")
    return t


# ----- select -------------------------------------------------------------------------------------

_PY_NUMBERS = (int, float, complex)


def select(condlist, choicelist, default=0):
    """Elements from ``choicelist``, chosen by the first true condition of ``condlist``.

    torchnp implementation of :func:`numpy.select`.
    """
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    device = _arrays_on_one_device(*condlist, *choicelist, default)
    choices = [c if type(c) in _PY_NUMBERS else _creation.asarray(c)
               for c in list(choicelist) + [default]]
    try:
        dt = promotion.result_type(*choices)
    except TypeError as e:
        raise TypeError(f"Choicelist and default value do not have a common dtype: {e}") from None
    conds = _manipulation.broadcast_arrays(*condlist)
    for i, cond in enumerate(conds):
        if cond.dtype != numpy.bool_:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    fill = _creation.asarray(default, device=device)    # NumPy's array: cast unsafely
    choices = _manipulation.broadcast_arrays(*choices)
    shape = conds[0].shape if choices[0].ndim == 0 else \
        _manipulation.broadcast_shapes(conds[0].shape, choices[0].shape)
    result = _creation.full(shape, fill, dt, device=device)
    for choice, cond in zip(choices[-2::-1], conds[::-1]):
        _manipulation.copyto(result, choice, where=cond)
    return result
