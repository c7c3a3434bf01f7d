"""The ufunc methods: reduce, accumulate, reduceat, outer, at.

Ufuncs with a torch reduction use it (add -> sum, maximum -> amax, logical_and -> all, ...); every
other binary ufunc folds itself along the axis (pairwise, in log depth, where NumPy may reorder the
operation; in order otherwise: one kernel call per position along the axis, over all the other
elements at once). Dtypes come from ``promotion.reduce_dtype``.
"""
import numpy
import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_wrap_dt = convert.wrap_dt

# NumPy may reorder these reductions (reduce several axes at once); NumPy 2.4, checked by running
# ``ufunc.reduce(..., axis=(0, 1))`` on every binary ufunc.
_REORDERABLE = frozenset({
    "add", "bitwise_and", "bitwise_or", "bitwise_xor", "fmax", "fmin", "gcd", "hypot", "logaddexp",
    "logaddexp2", "logical_and", "logical_or", "logical_xor", "maximum", "minimum", "multiply"})

# Ufuncs with a torch reduction.
_FAST = {"add": _red.SUM, "multiply": _red.PROD, "maximum": _red.MAX, "minimum": _red.MIN,
         "logical_and": _red.ALL, "logical_or": _red.ANY, "bitwise_and": _red.BITWISE_AND,
         "bitwise_or": _red.BITWISE_OR, "bitwise_xor": _red.BITWISE_XOR}
_FAST_ACCUMULATE = {"add": torch.cumsum, "multiply": torch.cumprod}

_generic_ops = {}       # ufunc name -> Reduction folding that ufunc


def _check_binary(uf, method):
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"{method} only supported for binary functions")
    if uf.signature:
        raise RuntimeError(f"Reduction not defined on ufunc with signature")


def _binary(uf, dt):
    """``uf`` on two tensors of dtype ``dt`` (the reduction's loop dtype) as a tensor function,
    its result in ``dt``: the loop's kernel itself where it computes in ``dt``."""
    loop = uf._fast[dt][dt]
    if loop is not None and not loop.cast and loop.out_dt is dt:
        return loop.kernel

    def apply(t1, t2):
        res = uf(_wrap_dt(t1, dt), _wrap_dt(t2, dt))._t
        return res if res.dtype is dt else res.to(dt)
    return apply


def _op_of(uf):
    op = _FAST.get(uf.__name__)
    if op is not None:
        return op
    op = _generic_ops.get(uf.__name__)
    if op is None:
        reorderable = uf.__name__ in _REORDERABLE
        op = _red.Reduction(uf.__name__, uf.identity, _fold_kernel(uf, reorderable), reorderable)
        _generic_ops[uf.__name__] = op
    return op


def _fold_kernel(uf, reorderable):
    def one(t, dim, keepdim):
        if reorderable:
            return _red.fold_pairwise(_binary(uf, t.dtype), t, dim, keepdim)
        x = t.movedim(dim, 0)
        if x.shape[0] == 1:                   # a copy: a result never aliases its input
            acc = x[0].clone()
        else:                                 # in order: ((x0 op x1) op x2) ...
            acc = _fold_in_order(uf, x)
        return acc.unsqueeze(dim) if keepdim else acc

    def kernel(t, dims, keepdim):
        return _red.over_last(one, t, dims, keepdim)
    return kernel


def _fold_in_order(uf, x, acc=None, mask=None):
    """``uf`` folded along dim 0 of ``x`` in order: ((acc op x[0]) op x[1]) ..., from ``x[0]``
    where ``acc`` is None; rows ``mask`` leaves out keep the running value. One kernel call per
    row, over the whole row; an integer subtraction is one sum (exact: integers wrap alike in
    any order)."""
    dt = x.dtype
    if uf.__name__ == "subtract" and dt in _dtypes.INTEGER_DTYPES:
        return _subtract_integers(x, acc, mask)
    op = _binary(uf, dt)
    rows = x.unbind(0)
    if acc is None:
        acc, rows = rows[0], rows[1:]
    if mask is None:
        for row in rows:
            acc = op(acc, row)
    else:
        for row, keep in zip(rows, mask.unbind(0)):
            acc = torch.where(keep, op(acc, row), acc)
    return acc


def _subtract_integers(x, acc, mask):
    """acc - x[0] - x[1] ... (from x[0] where ``acc`` is None) as acc - sum(x), in int64 (torch
    sums integers in int64) and wrapped back to ``x``'s dtype, as NumPy's integer loops wrap."""
    w = _k.signed_bits(x)             # uint16/32/64 as the signed type of their width
    if acc is None:
        acc, w = w[0], w[1:]
    else:
        acc = _k.signed_bits(acc)
    if mask is not None:
        w = torch.where(mask, w, torch.zeros((), dtype=w.dtype, device=w.device))
    return (acc.to(torch.int64) - torch.sum(w, 0)).to(x.dtype)


def _subtract_integers_running(x):
    """The running differences x[0], x[0] - x[1], x[0] - x[1] - x[2], ... along dim 0 of an
    integer ``x``, as x[0] - cumsum(x[1:]) (see ``_subtract_integers``)."""
    w = _k.signed_bits(x)
    first = w[:1].to(torch.int64)
    return torch.cat([first, first - torch.cumsum(w[1:], 0)]).to(x.dtype)


def reduce(uf, array, axis=0, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    """``ufunc.reduce``: reduce ``array``'s dimension(s) by applying the ufunc along them."""
    _check_binary(uf, "reduce")
    t = convert.as_tensor(array)
    dt = None if dtype is None else _dtypes.to_torch_dtype(dtype)
    try:
        res_dt = promotion.reduce_dtype(uf.__name__, t.dtype, dt)
    except TypeError:
        _single_out(out)                    # NumPy checks out= and the axis before the loop
        _red.reduce_dims(axis, t.ndim)
        raise
    if t.dtype is not res_dt:
        t = t.to(res_dt)
    out = _single_out(out)
    op = _op_of(uf)
    if initial is None:
        initial = NoValue
    if not op.reorderable and (initial is not NoValue or (where is not True and where is not NoValue)):
        return _reduce_in_order(uf, op, t, res_dt, axis, out, keepdims, initial, where)
    return _red.reduce(op, t, res_dt, axis, out, keepdims, initial, where)


def _reduce_in_order(uf, op, t, res_dt, axis, out, keepdims, initial, where):
    """A non-reorderable reduction with ``initial`` / ``where``: ((initial op x0) op x1) ...,
    skipping masked-out elements."""
    dims, keepdims, out, mask = _red.options(t, axis, out, keepdims, where)
    if len(dims) > 1:
        raise ValueError(f"reduction operation '{op.name}' is not reorderable, so at most one "
                         "axis may be specified")
    if initial is NoValue:
        raise ValueError(f"reduction operation '{op.name}' does not have an identity, so to use a "
                         "where mask one has to specify 'initial'")
    _red.check_initial(initial, res_dt)
    if not dims:
        return _red.reduce(op, t, res_dt, axis, out, keepdims, initial, where)
    d = dims[0]
    x = t.movedim(d, 0)
    acc = _red.const(initial, res_dt, t.device).expand(x.shape[1:]).clone()
    acc = _fold_in_order(uf, x, acc, None if mask is None else mask.movedim(d, 0))
    if keepdims:
        acc = acc.unsqueeze(d)
    return _red.finish(acc, res_dt, out, op.name, keepdims)


def _single_out(out):
    if type(out) is tuple:
        if len(out) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry")
        out = out[0]
    return convert.check_out(out)


def accumulate(uf, array, axis=0, dtype=None, out=None):
    """``ufunc.accumulate``: the running result of applying the ufunc along one axis."""
    _check_binary(uf, "accumulate")
    t = convert.as_tensor(array)
    if t.ndim == 0:
        raise TypeError("cannot accumulate on a scalar")
    if type(axis) is tuple:
        if len(axis) != 1:
            raise ValueError("accumulate does not allow multiple axes")
        axis = axis[0]
    if axis is None:
        raise ValueError("accumulate does not allow multiple axes")    # NumPy: None = all axes
    dim = convert.normalize_axis_index(axis, t.ndim)
    res_dt = promotion.reduce_dtype(uf.__name__, t.dtype,
                                    None if dtype is None else _dtypes.to_torch_dtype(dtype))
    fast = _FAST_ACCUMULATE.get(uf.__name__)
    try:
        if t.dtype is not res_dt:
            t = t.to(res_dt)
        if fast is not None:
            res = fast(t, dim)
        elif t.shape[dim] == 0:
            res = t.clone()
        elif uf.__name__ == "subtract" and res_dt in _dtypes.INTEGER_DTYPES:
            res = _subtract_integers_running(t.movedim(dim, 0)).movedim(0, dim)
        else:                               # in order, one kernel call per row
            op = _binary(uf, res_dt)
            rows = t.movedim(dim, 0).unbind(0)
            parts = [rows[0]]
            for row in rows[1:]:
                parts.append(op(parts[-1], row))
            res = torch.stack(parts).movedim(0, dim)
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), res_dt, err) or err from None
    if res.dtype is not res_dt:
        res = res.to(res_dt)
    return _red.result_or_out(res, res_dt, _single_out(out), "accumulation")


def _reduceat_axis(axis, ndim):
    """The one axis of a reduceat, with NumPy's errors: None is every axis; a 0-d array (which
    NumPy lets take axis 0 or -1) raises TypeError."""
    if axis is None:
        axes = tuple(range(ndim))
    elif type(axis) is tuple:
        axes = tuple(convert.normalize_axis_index(ax, ndim) for ax in axis)
    elif type(axis) is bool:
        raise TypeError("an integer is required")
    elif ndim == 0 and isinstance(axis, (int, numpy.integer)) and axis in (0, -1):
        axes = ()
    else:
        axes = (convert.normalize_axis_index(axis, ndim),)
    if ndim == 0:
        raise TypeError("cannot reduceat on a scalar")
    if len(axes) != 1:
        raise ValueError("reduceat does not allow multiple axes")
    return axes[0]


def reduceat(uf, array, indices, axis=0, dtype=None, out=None):
    """``ufunc.reduceat``: reductions over slices ``indices[i]:indices[i+1]`` along one axis."""
    _check_binary(uf, "reduceat")
    t = convert.as_tensor(array)
    if type(axis) is int and t.ndim:
        dim = convert.normalize_axis_index(axis, t.ndim)
    else:
        dim = _reduceat_axis(axis, t.ndim)
    idx = convert.as_tensor(indices)
    if idx.ndim != 1:
        raise ValueError("index array must be 1-d")
    if idx.numel() and (idx.dtype.is_floating_point or idx.dtype.is_complex):
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                        "according to the rule 'safe'")
    res_dt = promotion.reduce_dtype(uf.__name__, t.dtype,
                                    None if dtype is None else _dtypes.to_torch_dtype(dtype))
    if t.dtype is not res_dt:
        t = t.to(res_dt)
    n = t.shape[dim]
    positions = [int(i) for i in idx.tolist()]       # host-sync: the slices depend on the indices
    for i in positions:
        if not 0 <= i < n:
            raise IndexError(f"index {i} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
    op = _op_of(uf)
    parts = []
    for k, start in enumerate(positions):
        stop = positions[k + 1] if k + 1 < len(positions) else n
        if stop > start:
            parts.append(op.kernel(t.narrow(dim, start, stop - start), (dim,), True))
        else:
            parts.append(t.narrow(dim, start, 1))
    if parts:
        res = torch.cat([p if p.dtype is res_dt else p.to(res_dt) for p in parts], dim)
    else:
        shape = list(t.shape)
        shape[dim] = 0
        res = t.new_empty(shape)
    return _red.result_or_out(res, res_dt, _single_out(out), "reduction")


def outer(uf, A, B, /, **kwargs):
    """``ufunc.outer``: ``uf(a, b)`` for all pairs, with shape ``A.shape + B.shape``."""
    if uf.nin != 2:
        raise ValueError("outer product only supported for binary functions")
    if uf.signature:
        raise TypeError("method outer is not allowed in ufunc with non-trivial signature")
    ta = convert.as_tensor(A)
    tb = convert.as_tensor(B)
    ta = ta.reshape(tuple(ta.shape) + (1,) * tb.ndim)
    return uf(_wrap_dt(ta, ta.dtype), _wrap_dt(tb, tb.dtype), **kwargs)


def at(uf, a, indices, b=None):
    """``ufunc.at``: unbuffered in-place ``a[indices] = uf(a[indices], b)``; repeated indices
    apply repeatedly."""
    if not isinstance(a, ndarray) or convert.is_scalar_like(a):
        raise TypeError("first operand must be array")   # NumPy's message differs by input
    if uf.nin == 2 and b is None:
        raise ValueError("second operand needed for ufunc")
    if uf.nin == 1 and b is not None:
        raise ValueError("second operand provided when ufunc is unary")
    t = a._t
    dt = a._dt
    convert.check_writeable(t, "operand array with iterator write flag set is read-only")
    # The flat positions the index selects (ints, slices, arrays, broadcasting), in order.
    # (indexed as a torchnp array: NumPy's rules and errors for the index)
    selected = convert.wrap(torch.arange(t.numel(), device=t.device).reshape(t.shape))[indices]._t
    sel = selected.reshape(-1)
    flat = t.view(-1) if t.is_contiguous() else None
    if flat is None:
        raise NotImplementedError("ufunc.at on a non-contiguous array")
    if uf.nin == 1:
        vals = None
    else:
        shape = tuple(selected.shape)
        tb = convert.as_tensor(b)
        try:
            vals = torch.broadcast_to(tb, shape).reshape(-1)
        except RuntimeError:
            raise ValueError(f"array is not broadcastable to correct shape") from None
    unique = torch.unique(sel).numel() == sel.numel()     # host-sync: repeats apply repeatedly
    if unique:
        cur = _wrap_dt(flat[sel], dt)
        res = uf(cur) if vals is None else uf(cur, _wrap_dt(vals, vals.dtype))
        _store(flat, sel, res, uf, dt)
        return None
    if (uf.__name__ in ("add", "multiply") and vals is not None and dt is not torch.bool
            and dt not in _k.FEW_KERNELS           # torch: no index_put_ accumulation for them
            and promotion.can_cast_dtype(vals.dtype, dt, "safe")):
        # add/multiply with repeated indices: one scatter with accumulation.
        src = vals.to(dt)
        if uf.__name__ == "add":
            flat.index_put_((sel,), src, accumulate=True)
        else:
            flat.scatter_reduce_(0, sel, src, "prod")
        return None
    for k in range(sel.numel()):                      # in order, one element at a time
        p = sel[k:k + 1]
        cur = _wrap_dt(flat[p], dt)
        res = uf(cur) if vals is None else uf(cur, _wrap_dt(vals[k:k + 1], vals.dtype))
        _store(flat, p, res, uf, dt)
    return None


def _store(flat, sel, res, uf, dt):
    # NumPy's ufunc.at casts the result back into ``a`` unsafely.
    r = res._t
    if r.dtype is not dt:
        if r.is_complex() and not dt.is_complex:
            r = r.real
        r = r.to(dt)
    flat[sel] = r
