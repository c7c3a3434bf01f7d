"""Products at the top level: dot, vdot, inner, outer, tensordot, kron, cross, trace.

(``matmul`` and ``vecdot`` are ufuncs, in ``_math_ufuncs.py``.) Operands are converted as
``numpy.asarray`` does, so Python scalars are strong here, as in NumPy.
"""
import warnings

import torch

from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import normalize_axis_index

_wrap = convert.wrap
_as_tensor = convert.as_tensor


def _shape_text(shape):
    return "(" + ",".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _operands(a, b):
    t1, t2 = convert.operands(a, b)
    dt1, dt2 = t1.dtype, t2.dtype
    return t1, t2, (dt1 if dt1 is dt2 else promotion.promote(dt1, dt2))


def dot(a, b, out=None):
    """Dot product of two arrays.

    torchnp implementation of :func:`numpy.dot`.
    """
    t1, t2, dt = _operands(a, b)
    if t1.ndim == 0 or t2.ndim == 0:
        res = _mul(t1, t2, dt)
    else:
        bdim = 0 if t2.ndim == 1 else t2.ndim - 2
        if t1.shape[-1] != t2.shape[bdim]:
            raise ValueError(f"shapes {_shape_text(t1.shape)} and {_shape_text(t2.shape)} not "
                             f"aligned: {t1.shape[-1]} (dim {t1.ndim - 1}) != {t2.shape[bdim]} "
                             f"(dim {bdim})")
        res = _contract(t1, t2, ([t1.ndim - 1], [bdim]), dt, t2.ndim <= 2)
    if out is not None:
        out = convert.check_out(out)
        if out._dt is not dt or not out._t.is_contiguous() or out._t.ndim != res.ndim:
            raise ValueError("output array is not acceptable (must have the right datatype, "
                             "number of dimensions, and be a C-Array)")
        if tuple(out._t.shape) != tuple(res.shape):
            raise ValueError("output array has wrong dimensions")
        convert.check_device(out._t, res)
        out._t.copy_(res)
        return out
    return _wrap(res)


def vdot(a, b, /):
    """Dot product of two flattened arrays, conjugating the first.

    torchnp implementation of :func:`numpy.vdot`.
    """
    t1, t2, dt = _operands(a, b)
    t1, t2 = t1.reshape(-1), t2.reshape(-1)
    if t1.numel() != t2.numel():
        raise ValueError(f"cannot reshape array of size {t2.numel()} into shape ({t1.numel()},)")
    if t1.dtype.is_complex:
        t1 = t1.conj()
    return _wrap(_contract(t1, t2, ([0], [0]), dt))


def inner(a, b, /):
    """Inner product of two arrays: a sum over their last axes.

    torchnp implementation of :func:`numpy.inner`.
    """
    t1, t2, dt = _operands(a, b)
    if t1.ndim == 0 or t2.ndim == 0:
        return _wrap(_mul(t1, t2, dt))
    if t1.shape[-1] != t2.shape[-1]:
        raise ValueError(f"shapes {_shape_text(t1.shape)} and {_shape_text(t2.shape)} not "
                         f"aligned: {t1.shape[-1]} (dim {t1.ndim - 1}) != {t2.shape[-1]} "
                         f"(dim {t2.ndim - 1})")
    return _wrap(_contract(t1, t2, ([t1.ndim - 1], [t2.ndim - 1]), dt))


def outer(a, b, out=None):
    """Outer product of two vectors (inputs are flattened).

    torchnp implementation of :func:`numpy.outer`.
    """
    t1, t2, dt = _operands(a, b)
    res = _mul(t1.reshape(-1, 1), t2.reshape(1, -1), dt)
    if out is not None:
        return convert.write_out(convert.check_out(out), res, "same_kind")
    return _wrap(res)


def tensordot(a, b, axes=2):
    """Tensor dot product over the given axes.

    torchnp implementation of :func:`numpy.tensordot`.
    """
    t1, t2, dt = _operands(a, b)
    try:
        iter(axes)
    except TypeError:
        n = convert.operator_index(axes)
        axes_a = list(range(t1.ndim - n, t1.ndim)) if n > 0 else []
        axes_b = list(range(n)) if n > 0 else []
        if n < 0 or n > t1.ndim or n > t2.ndim:
            raise ValueError("shape-mismatch for sum")
    else:
        axes_a, axes_b = axes
        axes_a = [axes_a] if isinstance(axes_a, int) else list(axes_a)
        axes_b = [axes_b] if isinstance(axes_b, int) else list(axes_b)
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    axes_a = [normalize_axis_index(ax, t1.ndim) for ax in axes_a]
    axes_b = [normalize_axis_index(ax, t2.ndim) for ax in axes_b]
    for x, y in zip(axes_a, axes_b):
        if t1.shape[x] != t2.shape[y]:
            raise ValueError("shape-mismatch for sum")
    return _wrap(_contract(t1, t2, (axes_a, axes_b), dt))


def kron(a, b):
    """Kronecker product of two arrays.

    torchnp implementation of :func:`numpy.kron`.
    """
    t1, t2, dt = _operands(a, b)
    ct = _compute_dt(dt)
    try:
        # torch: kron raises on some non-contiguous inputs ("view size is not compatible")
        res = torch.kron(_cast(t1, ct).contiguous(), _cast(t2, ct).contiguous())
        return _wrap(_back(res, dt))
    except RuntimeError as err:
        raise convert.allocation_error(_kron_shape(t1.shape, t2.shape), dt, err) or err from None


def _kron_shape(shape1, shape2):
    """The shape of the product NumPy's kron computes before it reshapes it: each axis of ``a``
    followed by the same axis of ``b``, their dimensions equalised by leading 1s."""
    if not shape1 or not shape2:
        return tuple(shape1 or shape2)
    n = max(len(shape1), len(shape2))
    shape1 = (1,) * (n - len(shape1)) + tuple(shape1)
    shape2 = (1,) * (n - len(shape2)) + tuple(shape2)
    return tuple(d for pair in zip(shape1, shape2) for d in pair)


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of two (arrays of) 2- or 3-element vectors.

    torchnp implementation of :func:`numpy.cross`.
    """
    if axis is not None:
        axisa = axisb = axisc = axis
    t1, t2, dt = _operands(a, b)
    if dt is torch.bool:
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    t1 = t1.movedim(normalize_axis_index(axisa, t1.ndim), -1)
    t2 = t2.movedim(normalize_axis_index(axisb, t2.ndim), -1)
    n1, n2 = t1.shape[-1], t2.shape[-1]
    if n1 not in (2, 3) or n2 not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    if n1 == 2 or n2 == 2:
        warnings.warn("Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                      "3-dimensional vectors instead. (deprecated in NumPy 2.0)",
                      DeprecationWarning, stacklevel=2)
    ct = _compute_dt(dt)
    t1, t2 = _cast(t1, ct), _cast(t2, ct)
    a0, a1 = t1[..., 0], t1[..., 1]
    b0, b1 = t2[..., 0], t2[..., 1]
    a2 = t1[..., 2] if n1 == 3 else None
    b2 = t2[..., 2] if n2 == 3 else None
    try:
        c2 = a0 * b1 - a1 * b0
    except RuntimeError:
        raise _cross_shape_error(a0.shape, b0.shape) from None
    if n1 == 2 and n2 == 2:
        return _wrap(_back(c2, dt))
    zero = torch.zeros((), dtype=ct, device=t1.device)
    a2 = zero if a2 is None else a2
    b2 = zero if b2 is None else b2
    res = torch.stack(torch.broadcast_tensors(a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, c2), dim=-1)
    axisc = normalize_axis_index(axisc, res.ndim)
    return _wrap(_back(res.movedim(-1, axisc), dt))


def _cross_shape_error(shape1, shape2):
    """NumPy's ValueError (np.broadcast's) when the vectors' other dimensions do not broadcast."""
    return ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                      f"is between arg 0 with shape {tuple(shape1)} and arg 1 with shape "
                      f"{tuple(shape2)}.")


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along a diagonal of an array.

    torchnp implementation of :func:`numpy.trace`.
    """
    t = _as_tensor(a)
    if t.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1 = normalize_axis_index(axis1, t.ndim)
    ax2 = normalize_axis_index(axis2, t.ndim)
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    dt = promotion.sum_dtype(t.dtype) if dtype is None else _dtypes.to_torch_dtype(dtype)
    ct = _compute_dt(dt)
    d = torch.diagonal(t, convert.operator_index(offset), ax1, ax2)
    if d.dtype.is_complex and not ct.is_complex:
        d = d.real
    res = _back(d.to(ct).sum(-1), dt)
    if out is not None:
        # NumPy's trace is an add reduction: out= of its shape exactly, cast into unsafely
        return _red.finish(res, res.dtype, convert.check_out(out), "add", False)
    return _wrap(res)


# ----- leaves -------------------------------------------------------------------------------------

# torch: no matmul/sum kernels for bool (as a ring) or uint16/32/64. Integers compute in int64,
# whose wrapping arithmetic equals the unsigned one modulo 2**16/32/64; bool computes in int64 and
# tests for nonzero (NumPy's bool dot is an OR of ANDs).
_COMPUTE = {torch.bool: torch.int64, torch.uint16: torch.int64, torch.uint32: torch.int64,
            torch.uint64: torch.int64}


def _compute_dt(dt):
    return _COMPUTE.get(dt, dt)


def _cast(t, ct):
    if t.dtype is ct:
        return t
    if t.dtype is torch.uint64 and ct is torch.int64:
        return t.view(torch.int64)
    return t.to(ct)


def _back(t, dt):
    if t.dtype is dt:
        return t
    if dt is torch.bool:
        return t != 0
    if dt is torch.uint64:
        return t.view(torch.uint64)
    return t.to(dt)


def _mul(t1, t2, dt):
    ct = _compute_dt(dt)
    try:
        return _back(_cast(t1, ct) * _cast(t2, ct), dt)
    except RuntimeError as err:
        shape = convert.broadcast_shapes([tuple(t1.shape), tuple(t2.shape)])
        raise convert.allocation_error(shape, dt, err) or err from None


def _contract(t1, t2, dims, dt, as_matmul=False):
    """tensordot of ``t1`` and ``t2`` over ``dims``, in NumPy's result dtype ``dt``.

    ``as_matmul``: the contraction is ``t1 @ t2`` (``t2`` at most 2-D), which torch does faster.
    """
    ct = _compute_dt(dt)
    try:
        c1, c2 = _cast(t1, ct), _cast(t2, ct)
        if c1.device.type != "cpu" and ct in (torch.int8, torch.uint8, torch.int16, torch.int32,
                                                torch.int64):
            # torch: no integer matmul kernels on CUDA; contract by broadcasting multiply and sum
            res = _contract_by_sum(c1, c2, dims)
        elif as_matmul:
            res = torch.matmul(c1, c2)
        else:
            res = torch.tensordot(c1, c2, dims=dims)
        return _back(res, dt)
    except RuntimeError as err:
        da, db = dims
        shape = tuple(n for d, n in enumerate(t1.shape) if d not in da) + \
            tuple(n for d, n in enumerate(t2.shape) if d not in db)
        raise convert.allocation_error(shape, dt, err) or err from None


def _contract_by_sum(t1, t2, dims):
    da, db = dims
    fa = [d for d in range(t1.ndim) if d not in da]
    fb = [d for d in range(t2.ndim) if d not in db]
    x = t1.permute(fa + list(da))
    y = t2.permute(list(db) + fb)
    k = len(da)
    xs = x.reshape(tuple(x.shape[:len(fa)]) + (1,) * len(fb) + tuple(x.shape[len(fa):]))
    ys = y.permute(list(range(k, y.ndim)) + list(range(k)))
    res = xs * ys
    return res.sum(dim=tuple(range(res.ndim - k, res.ndim)), dtype=t1.dtype) if k else res
