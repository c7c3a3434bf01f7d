"""Products at the top level: dot, vdot, inner, outer, tensordot, kron, cross, trace, einsum_path.

Operands are converted as ``numpy.asarray`` does, so Python scalars are strong here, as in NumPy.
``matmul``, ``vecdot``, ``matvec`` and ``vecmat`` are ufuncs (in ``_math_ufuncs.py``); their
kernels, which check core dimensions with NumPy's messages, are at the bottom.
"""
import warnings

import numpy
import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import normalize_axis_index
from torchnp._core.ndarray import ndarray

_wrap = convert.wrap
_new = object.__new__
_mm = torch.mm
# dtypes torch's mm multiplies in themselves on every device, as NumPy's dot and matmul do
MM_DTYPES = frozenset({torch.float32, torch.float64, torch.complex64, torch.complex128})
_as_tensor = convert.as_tensor


def _operands(a, b):
    t1, t2 = convert.operands(a, b)
    dt1, dt2 = t1.dtype, t2.dtype
    return t1, t2, (dt1 if dt1 is dt2 else promotion.promote(dt1, dt2))


def _check_aligned(t1, t2, dim2):
    """NumPy's ValueError unless the last axis of ``t1`` and axis ``dim2`` of ``t2`` agree."""
    if t1.shape[-1] != t2.shape[dim2]:
        raise ValueError(f"shapes {convert.shape_text(t1.shape)} and "
                         f"{convert.shape_text(t2.shape)} not aligned: {t1.shape[-1]} (dim "
                         f"{t1.ndim - 1}) != {t2.shape[dim2]} (dim {dim2})")


_DOT_OUT_ERROR = ("output array is not acceptable (must have the right datatype, number of "
                  "dimensions, and be a C-Array)")


def dot(a, b, out=None):
    """Dot product of two arrays.

    torchnp implementation of :func:`numpy.dot`.
    """
    if type(a) is ndarray and type(b) is ndarray and a._dt is b._dt and out is None:
        t1, t2 = a._t, b._t         # the common case, two matrices: ~2 us less than below
        # (torch multiplies a CPU and a meta matrix into a CPU one: the general path refuses)
        if t1.ndim == 2 and t2.ndim == 2 and t1.is_meta is t2.is_meta:
            dt = a._dt
            if dt in MM_DTYPES:
                try:
                    r = _mm(t1, t2)
                except RuntimeError:    # shapes, devices, memory: NumPy's error, general path
                    pass
                else:
                    res = _new(ndarray)         # convert.wrap inlined, with the dtype known
                    res._t = r
                    res._dt = dt
                    res._base = None
                    res._scalar = True
                    return res
            elif t1.shape[1] == t2.shape[0] and _compute_dt(dt) is dt:
                try:
                    return _wrap(_k.matmul(t1, t2))
                except RuntimeError:    # devices, memory: the general path raises NumPy's error
                    pass
    t1, t2, dt = _operands(a, b)
    if t1.ndim == 0 or t2.ndim == 0:
        res = _mul(t1, t2, dt)
    else:
        bdim = 0 if t2.ndim == 1 else t2.ndim - 2
        _check_aligned(t1, t2, bdim)
        res = _contract(t1, t2, ([t1.ndim - 1], [bdim]), dt, t2.ndim <= 2)
    if out is not None:
        out = convert.check_out(out)
        if out._dt is not dt or not out._t.is_contiguous() or out._t.ndim != res.ndim:
            raise ValueError(_DOT_OUT_ERROR)
        convert.check_writeable(out._t, _DOT_OUT_ERROR)
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
    _check_aligned(t1, t2, t2.ndim - 1)
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

def _compute_dt(dt):
    """The dtype a product of ``dt`` operands computes in: the ufunc loops' (``_kernels``), and
    int64 for bool (tested for nonzero after: NumPy's bool dot is an OR of ANDs)."""
    return torch.int64 if dt is torch.bool else _k.compute_dtype(dt)


def _cast(t, ct):
    return t if t.dtype is ct else t.to(ct)


def _back(t, dt):
    """A result computed in ``_compute_dt(dt)`` as ``dt`` (integers wrap, as NumPy's do)."""
    if t.dtype is dt:
        return t
    return t != 0 if dt is torch.bool else t.to(dt)


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
        res = _k.matmul(c1, c2) if as_matmul else _k.tensordot(c1, c2, dims)
        return _back(res, dt)
    except RuntimeError as err:
        da, db = dims
        shape = tuple(n for d, n in enumerate(t1.shape) if d not in da) + \
            tuple(n for d, n in enumerate(t2.shape) if d not in db)
        raise convert.allocation_error(shape, dt, err) or err from None


# ----- the kernels of the gufuncs matmul, vecdot, matvec, vecmat ----------------------------------
# Core dimensions are checked here, with NumPy's messages; batch dimensions broadcast in torch.
_SIGNATURES = {"matmul": "(n?,k),(k,m?)->(n?,m?)", "vecdot": "(n),(n)->()",
               "matvec": "(m,n),(n)->(m)", "vecmat": "(n),(n,m)->(m)"}


def _check_core(name, t1, t2, need1, need2, size1, size2):
    for i, (t, need) in enumerate(((t1, need1), (t2, need2))):
        if t.ndim < need:
            raise ValueError(f"{name}: Input operand {i} does not have enough dimensions (has "
                             f"{t.ndim}, gufunc core with signature {_SIGNATURES[name]} requires "
                             f"{need})")
    n1 = t1.shape[size1]
    n2 = t2.shape[size2 if t2.ndim > 1 else -1]
    if n1 != n2:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {_SIGNATURES[name]} (size {n2} is different from {n1})")


def gufunc_batch_error(t1, t2, core1, core2, out_core):
    """NumPy's ValueError for batch dimensions that do not broadcast."""
    remapped = []
    for t, core in ((t1, core1), (t2, core2)):
        batch = tuple(t.shape[:t.ndim - core])
        text = ",".join([str(s) for s in batch] + ["newaxis"] * len(out_core))
        if len(batch) + len(out_core) == 1:
            text += ","
        remapped.append(f"{convert.shape_text(tuple(t.shape))}->({text})")
    return ValueError("operands could not be broadcast together with remapped shapes "
                      f"[original->remapped]: {' '.join(remapped)}  and requested shape "
                      f"{convert.shape_text(out_core)}")


def _run(product, t1, t2, core1, core2, out_core):
    try:
        return product()
    except RuntimeError:
        # torch: a batch-shape mismatch is a RuntimeError; NumPy raises ValueError.
        b1, b2 = t1.shape[:t1.ndim - core1], t2.shape[:t2.ndim - core2]
        if any(n1 != n2 and n1 != 1 and n2 != 1 for n1, n2 in zip(b1[::-1], b2[::-1])):
            raise gufunc_batch_error(t1, t2, core1, core2, out_core) from None
        raise


def matmul_kernel(t1, t2):
    if t1.is_meta is not t2.is_meta:
        # torch: matmul of a CPU and a meta tensor returns a CPU tensor (other device pairs
        # raise); the ufunc fast path takes a RuntimeError to its general path, which raises
        # NumPy's device error
        raise RuntimeError("matmul: operands on two devices")
    if t1.ndim == 2 and t2.ndim == 2 and t1.shape[1] == t2.shape[0]:    # the common case
        return _k.matmul(t1, t2)
    _check_core("matmul", t1, t2, 1, 1, -1, -2)
    core1 = min(t1.ndim, 2)
    core2 = min(t2.ndim, 2)
    out_core = tuple(t1.shape[-2:-1]) + tuple(t2.shape[-1:] if t2.ndim > 1 else ())
    return _run(lambda: _k.matmul(t1, t2), t1, t2, core1, core2, out_core)


def matmul_mm_kernel(t1, t2):
    """``matmul_kernel`` for the ``MM_DTYPES``: two matrices on one kind of device go straight to
    ``torch.mm`` (~1 us less on small matrices than reading shapes and dtype first); what it
    refuses, and every other shape, takes ``matmul_kernel`` (NumPy's checks and messages)."""
    if t1.ndim == 2 and t2.ndim == 2 and t1.is_meta is t2.is_meta:
        try:
            return _mm(t1, t2)
        except RuntimeError:
            pass
    return matmul_kernel(t1, t2)


def vecdot_kernel(t1, t2):
    _check_core("vecdot", t1, t2, 1, 1, -1, -1)
    return _run(lambda: _k.matmul(t1.conj().unsqueeze(-2), t2.unsqueeze(-1))[..., 0, 0],
                t1, t2, 1, 1, ())


def matvec_kernel(t1, t2):
    _check_core("matvec", t1, t2, 2, 1, -1, -1)
    return _run(lambda: _k.matmul(t1, t2.unsqueeze(-1))[..., 0], t1, t2, 2, 1, t1.shape[-2:-1])


def vecmat_kernel(t1, t2):
    _check_core("vecmat", t1, t2, 1, 2, -1, -2)
    return _run(lambda: _k.matmul(t1.conj().unsqueeze(-2), t2)[..., 0, :], t1, t2, 1, 2,
                t2.shape[-1:])


# ----- einsum_path --------------------------------------------------------------------------------

def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """An order of pairwise contractions for an einsum expression, and its cost.

    torchnp implementation of :func:`numpy.einsum_path`. The path depends on the operands'
    shapes only, so NumPy's own ``einsum_path`` plans it on stand-ins without data (stride-0
    views of one zero of each operand's dtype and shape): host-side metadata work, as DESIGN.md
    allows NumPy to do; no operand is read or copied. ``einsum_call=True`` returns the operands
    themselves (as torchnp arrays) with NumPy's contraction list.
    """
    arrays = {i: _as_array(op) for i, op in enumerate(operands) if _is_einsum_operand(operands, i)}
    convert.on_one_device([a._t for a in arrays.values()])
    stand_ins = [numpy.broadcast_to(numpy.zeros((), arrays[i].dtype), arrays[i].shape)
                 if i in arrays else op for i, op in enumerate(operands)]
    res = numpy.einsum_path(*stand_ins, optimize=optimize, einsum_call=einsum_call)
    if einsum_call:
        return [arrays[i] for i in sorted(arrays)], res[1]
    return res


def _is_einsum_operand(operands, i):
    """Whether ``operands[i]`` is an array: after the subscripts string, or at the even places of
    the interleaved form ``(a, [0, 1], b, [1, 2], [0, 2])`` (not its output sublist)."""
    if isinstance(operands[0], str):
        return i > 0
    return i % 2 == 0 and i < len(operands) - len(operands) % 2


def _as_array(a):
    return a if isinstance(a, ndarray) else convert.wrap_array(_as_tensor(a))


# ----- einsum -------------------------------------------------------------------------------------

def einsum(*operands, out=None, optimize=False, **kwargs):
    """Einstein summation over the operands: subscripts (``"ij,jk->ik"``, ellipses, implicit
    output) or the interleaved form ``einsum(a, [0, 1], b, [1, 2], [0, 2])``.

    torchnp implementation of :func:`numpy.einsum`, computed by ``torch.einsum`` in NumPy's
    result dtype (``dtype=`` under ``casting``; integers wrap and booleans are an OR of ANDs, as
    NumPy's). ``optimize`` is accepted; torch picks its own contraction order, which may round
    floating-point sums differently. Like NumPy, a single operand that is only transposed or
    diagonalised gives a view. ``**kwargs``: NumPy's ``dtype``, ``order`` and ``casting``.
    """
    if not isinstance(optimize, (bool, str, list, tuple)) and optimize is not None:
        raise TypeError(f"object of type '{type(optimize).__name__}' has no len()")  # NumPy's
    dtype, casting = kwargs.pop("dtype", None), kwargs.pop("casting", "safe")
    convert.check_order(kwargs.pop("order", "K"), "K")
    promotion.check_casting(casting)
    if kwargs:
        raise TypeError(f"einsum() got an unexpected keyword argument '{next(iter(kwargs))}'")
    if not operands:
        raise ValueError("No input operands")
    places = [i for i in range(len(operands)) if _is_einsum_operand(operands, i)]
    inputs = [_as_array(operands[i]) for i in places]
    tensors = [a._t for a in inputs]
    convert.on_one_device(tensors)
    dt = _einsum_dtype(tensors, dtype, casting)
    if out is not None:
        out = convert.check_out(out)
        convert.check_writeable(out._t, "operand array with iterator write flag set is read-only")
        _check_einsum_out(dt, out._t.dtype, casting, len(inputs))
        if dtype is None:           # NumPy sums in the common dtype of the operands and out=
            dt = promotion.promote(dt, out._t.dtype)
    ct = _compute_dt(dt)
    args = list(operands)
    for i, t in zip(places, tensors):
        args[i] = _cast(t, ct)
    if isinstance(args[0], str):
        args[0] = args[0].replace(" ", "")
    try:
        res = torch.einsum(*args)
    except RuntimeError as err:     # torch's check of the subscripts and shapes
        raise ValueError(f"einsum: {err}") from None
    res = _back(res, dt)
    if out is not None:
        return convert.write_out(out, res, "unsafe")
    if len(inputs) == 1 and _views(res, tensors[0]):
        return convert.wrap_view(res, inputs[0])
    return _wrap(res)


def _check_einsum_out(dt, out_dt, casting, n_inputs):
    if not promotion.can_cast_dtype(dt, out_dt, casting):
        raise TypeError(f"Iterator requested dtype could not be cast from "
                        f"{_dtypes.to_numpy_dtype(dt)!r} to {_dtypes.to_numpy_dtype(out_dt)!r}, "
                        f"the operand {n_inputs} dtype, according to the rule {casting!r}")


def _views(res, t):
    """Whether torch's result is a view of ``t``'s memory (not of a cast copy of it)."""
    base = res._base
    return base is not None and (base is t or base is t._base)


def _einsum_dtype(tensors, dtype, casting):
    """NumPy's: the operands' common dtype, or ``dtype`` if each operand casts to it."""
    if dtype is None:
        dt = tensors[0].dtype
        for t in tensors[1:]:
            dt = promotion.promote(dt, t.dtype)
        return dt
    dt = _dtypes.to_torch_dtype(dtype)
    for i, t in enumerate(tensors):
        if not promotion.can_cast_dtype(t.dtype, dt, casting):
            raise TypeError(f"Iterator operand {i} dtype could not be cast from "
                            f"{_dtypes.to_numpy_dtype(t.dtype)!r} to "
                            f"{_dtypes.to_numpy_dtype(dt)!r} according to the rule {casting!r}")
    return dt
