"""The one reduction driver: ``axis``, ``keepdims``, ``out``, ``where`` and ``initial`` for every
reduction (``sum``, ``max``, ``all``, ``ufunc.reduce``, ...).

A ``Reduction`` describes one operation: NumPy's name for it (used in messages), its identity (or
None), whether it may reduce several axes at once, and a kernel ``kernel(t, dims, keepdim)`` that
reduces a non-empty tensor over a non-empty tuple of dims. ``reduce`` does everything else. The
caller chooses the result dtype (from ``promotion``) and casts the input where NumPy's loop does.
"""
import numbers

import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import promotion
from torchnp._core import dtypes as _dtypes
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray



class Reduction:
    """One reduction: name, identity, kernel ``(t, dims, keepdim) -> tensor``, reorderability."""
    __slots__ = ("name", "identity", "kernel", "reorderable")

    def __init__(self, name, identity, kernel, reorderable=True):
        self.name = name
        self.identity = identity
        self.kernel = kernel
        self.reorderable = reorderable


def reduce_dims(axis, ndim, scalar_axis_ok=True):
    """``axis`` (None, int, tuple) as a tuple of non-negative dims, with NumPy's errors.

    ``scalar_axis_ok``: ufunc-style reductions accept axis 0 / -1 on a 0-d array (reduce nothing).
    """
    if axis is None:
        return tuple(range(ndim))
    if type(axis) is tuple:
        dims = tuple(convert.normalize_axis_index(ax, ndim) for ax in axis)
        if len(set(dims)) != len(dims):
            raise ValueError("duplicate value in 'axis'")
        return dims
    axis = convert.operator_index(axis)
    if ndim == 0 and scalar_axis_ok and axis in (0, -1):
        return ()
    return (convert.normalize_axis_index(axis, ndim),)


def kept_shape(shape, dims, keepdims):
    """The result shape of reducing ``shape`` over ``dims``."""
    if keepdims:
        return tuple(1 if i in dims else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in dims)


def const(value, dt, device):
    """A 0-d tensor holding the Python/NumPy scalar ``value`` in ``dt`` (wrapping ints)."""
    if isinstance(value, (ndarray, torch.Tensor)):
        return convert.on_device(value, device).to(dt)
    if hasattr(value, "dtype") and hasattr(value, "item"):   # NumPy scalars and arrays
        value = value.item()    # host-data: NumPy data
    if dt in _dtypes.INTEGER_DTYPES and isinstance(value, int) and not isinstance(value, bool):
        bits = dt.itemsize * 8
        value &= (1 << bits) - 1
        if dt is torch.uint64 and value >= 1 << 63:
            # torch: a Python int >= 2**63 cannot be converted to uint64; go through int64 bits.
            return torch.tensor(value - (1 << 64), dtype=torch.int64, device=device).view(dt)
        if dt.is_signed and value >= 1 << (bits - 1):
            value -= 1 << bits
    elif dt is torch.bool:
        value = bool(value)
    elif not dt.is_complex and isinstance(value, complex):
        value = value.real
    return torch.tensor(value, dtype=dt, device=device)


def check_initial(initial, dt):
    """NumPy converts a Python int ``initial`` to the result dtype strictly: OverflowError."""
    if type(initial) is int and dt in _dtypes.INT_RANGE:
        promotion.weak_value(initial, dt)
    elif isinstance(initial, (list, tuple)) or (isinstance(initial, ndarray) and initial.ndim):
        raise ValueError("setting an array element with a sequence.")
    elif isinstance(initial, (str, bytes)) or not isinstance(initial, (numbers.Number, ndarray)):
        _dtypes.to_numpy_dtype(dt).type(initial)     # NumPy's own error for what is no number


def keepdims_flag(keepdims):
    """``keepdims`` as a bool: NumPy reads it as an integer (TypeError for None, str, ...)."""
    if keepdims is NoValue or keepdims is False:
        return False
    return keepdims is True or bool(convert.operator_index(keepdims))


def mask_of(where, t):
    """The ``where=`` argument as a bool tensor broadcast to ``t``'s shape, with NumPy's errors."""
    m = convert.on_device(where, t.device)
    if m.dtype is not torch.bool:
        raise TypeError(f"Cannot cast array data from {_dtypes.to_numpy_dtype(m.dtype)!r} to "
                        "dtype('bool') according to the rule 'safe'")
    try:
        return torch.broadcast_to(m, t.shape)
    except RuntimeError:
        raise ValueError("operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {convert.shape_text(t.shape)} "
                         f"{convert.shape_text(m.shape)} ") from None


def check_out_shape(out, shape, name, keepdims):
    """``out`` of a reduction must have the result's shape exactly (NumPy does not broadcast)."""
    convert.check_out(out)
    got = tuple(out._t.shape)
    if got == shape:
        return
    if len(got) != len(shape):
        extra = " (must match the operand's when keepdims=True)" if keepdims else ""
        raise ValueError(f"output parameter for reduction operation {name} has the wrong number "
                         f"of dimensions: Found {len(got)} but expected {len(shape)}{extra}")
    raise ValueError(f"output parameter for reduction operation {name} has a wrong shape: "
                     f"found {got} but expected {shape}")


class _UfuncName:
    """Stands for a NumPy ufunc in NumPy's casting-error classes (they read name and nin/nout)."""
    def __init__(self, name, nin):
        self.__name__ = name
        self.nin = nin
        self.nout = 1


def write_ufunc_out(out, t, name, nin, casting="same_kind"):
    """Write ``t`` into ``out`` as NumPy's ufunc ``name`` would: its casting error class."""
    convert.check_out(out)
    dst_dt = out._t.dtype
    if not promotion.can_cast_dtype(t.dtype, dst_dt, casting):
        raise ufunc_cast_error(name, nin, t.dtype, dst_dt, casting)
    return convert.write_out(out, t, "unsafe")


def ufunc_cast_error(name, nin, from_dt, to_dt, casting="same_kind"):
    """NumPy's error for ufunc ``name`` that cannot cast its output ``from_dt`` into ``to_dt``."""
    return promotion.UFuncOutputCastingError(_UfuncName(name, nin), casting,
                                             _dtypes.to_numpy_dtype(from_dt),
                                             _dtypes.to_numpy_dtype(to_dt), 0)


def finish(res, res_dt, out, name, keepdims, casting="unsafe"):
    """Cast ``res`` to ``res_dt``, then write it into ``out`` (NumPy's reductions cast unsafely
    into ``out``) or wrap it."""
    if res.dtype is not res_dt:
        res = res.to(res_dt)
    if out is None:
        return convert.wrap_dt(res, res_dt)
    check_out_shape(out, tuple(res.shape), name, keepdims)
    return convert.write_out(out, res, casting)


def options(t, axis, out, keepdims, where, scalar_axis_ok=True):
    """``(dims, keepdims, out, mask)``: the options of a reduction of tensor ``t`` read once, with
    NumPy's errors, for ``reduce`` and the reductions that compute their own way (``mean``,
    ``var``, ...): ``axis`` as a tuple of dims, ``keepdims`` as a bool, ``out`` checked (an ndarray
    or None), ``where`` as a bool mask of ``t``'s shape (None when not given). ``scalar_axis_ok``:
    see ``reduce_dims``."""
    out = convert.check_out(out)
    keepdims = keepdims_flag(keepdims)
    dims = reduce_dims(axis, t.ndim, scalar_axis_ok)
    mask = None if where is True or where is NoValue else mask_of(where, t)
    return dims, keepdims, out, mask


def reduce(op, t, res_dt, axis, out, keepdims, initial, where, scalar_axis_ok=True):
    """Reduce tensor ``t`` (already in the loop dtype) with ``op``; the result has ``res_dt``.

    ``initial`` is NoValue when not given; ``where`` is True when not given.
    """
    dims, keepdims, out, mask = options(t, axis, out, keepdims, where, scalar_axis_ok)
    if len(dims) > 1 and not op.reorderable:
        raise ValueError(f"reduction operation '{op.name}' is not reorderable, so at most one "
                         "axis may be specified")
    has_initial = initial is not NoValue and initial is not None
    if has_initial:
        check_initial(initial, res_dt)
    if mask is not None:
        if op.identity is None and not has_initial:
            raise ValueError(f"reduction operation '{op.name}' does not have an identity, so to "
                             "use a where mask one has to specify 'initial'")
        fill = op.identity if op.identity is not None else initial
        t = torch.where(mask, t, const(fill, t.dtype, t.device))
    shape = tuple(t.shape)
    extent = 1
    for d in dims:
        extent *= shape[d]
    if dims and extent == 0:
        if op.identity is None and not has_initial:
            raise ValueError(f"zero-size array to reduction operation {op.name} which has no "
                             "identity")
        value = initial if has_initial else op.identity
        res = const(value, res_dt, t.device).expand(kept_shape(shape, dims, keepdims)).clone()
        return finish(res, res_dt, out, op.name, keepdims)
    if not dims:
        res = t.clone() if t.dtype is res_dt else t.to(res_dt)
    else:
        res = in_memory_order(op.kernel, t, dims, keepdims)
    pair = _PAIRWISE.get(op) if res_dt.is_floating_point or res_dt.is_complex else None
    if pair is not None and (has_initial or not dims):
        # NumPy combines each result with the initial value, or with the identity where no axis
        # is reduced: 0 + -0.0 is 0.0, 1 * (inf+0j) is inf+nanj, -0.0 + -0.0 stays -0.0 (a
        # two-element sum would start from 0 and lose it)
        res = pair(const(initial if has_initial else op.identity, res_dt, res.device),
                   res.to(res_dt))
    elif has_initial:
        if res.dtype is not res_dt:
            res = res.to(res_dt)
        init = const(initial, res_dt, res.device).expand(res.shape)
        res = op.kernel(torch.stack([init, res]), (0,), False)
    return finish(res, res_dt, out, op.name, keepdims)


def in_memory_order(kernel, t, dims, keepdims):
    """``kernel(t, dims, keepdims)`` with NumPy's result layout: the kept axes in ``t``'s memory
    order (order 'K'; torch's result is C-ordered). The kernel runs on ``t`` with its axes sorted
    by stride and its result is viewed back, so the layout costs no copy. (Up to two dimensions
    the result has at most one axis longer than 1: any layout is NumPy's.)"""
    if t.ndim <= 2 or t.is_contiguous():
        return kernel(t, dims, keepdims)
    strides = t.stride()
    perm = sorted(range(t.ndim), key=lambda d: -strides[d])
    if perm == list(range(t.ndim)):
        return kernel(t, dims, keepdims)
    res = kernel(t.permute(perm), [perm.index(d) for d in dims], keepdims)
    kept = perm if keepdims else [d for d in perm if d not in dims]
    return res.permute(sorted(range(len(kept)), key=kept.__getitem__))


def reduce_to_index(name, kernel, t, axis, out, keepdims):
    """``argmax`` / ``argmin`` (``name``) of tensor ``t``, under NumPy's rules for these, which are
    not the ufunc reductions': ``axis`` None (the flattened array) or one int, ``keepdims`` any
    truth value, ``out=`` of exactly the result's shape, to which the int64 indices cast safely.
    ``kernel(name, t, dim)`` gives the indices of the extremes of a non-empty ``t`` along ``dim``
    (None: of a 1-d ``t``)."""
    if axis is None:
        dims = None                                 # all of them
        if t.numel() == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        res = kernel(name, t.reshape(-1), None)
    else:
        dim = convert.normalize_axis_index(axis, t.ndim or 1)     # NumPy: a 0-d array as 1-d
        dims = (dim,) if t.ndim else ()
        if dims and t.shape[dim] == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        res = kernel(name, t, dim) if dims else torch.zeros((), dtype=torch.int64, device=t.device)
    if keepdims is not NoValue and keepdims:
        shape = tuple(t.shape)
        res = res.reshape(kept_shape(shape, range(len(shape)) if dims is None else dims, True))
    if out is None:
        return convert.wrap_dt(res, torch.int64)
    out = convert.check_out(out)
    if tuple(out._t.shape) != tuple(res.shape):
        raise ValueError(f"output array does not match result of np.{name}.")
    if not promotion.can_cast_dtype(out._dt, torch.int64, "safe"):
        # NumPy checks the cast of ``out`` to the index dtype, in that direction
        what = "array data" if out._t.ndim else "scalar"
        raise TypeError(f"Cannot cast {what} from {_dtypes.to_numpy_dtype(out._dt)!r} to "
                        "dtype('int64') according to the rule 'safe'")
    convert.check_writeable(out._t, "WRITEBACKIFCOPY base is read-only")   # NumPy's message
    return convert.write_out(out, res, "unsafe")


# ----- torch kernels: (t, dims, keepdim) -> tensor ------------------------------------------------

def over_last(fn, t, dims, keepdim):
    """Apply ``fn(t, dim)`` (a one-dim reduction) over several dims, by merging them last."""
    if len(dims) == 1:
        return fn(t, dims[0], keepdim)
    kept = [d for d in range(t.ndim) if d not in dims]
    shape = t.shape
    extent = 1
    for d in dims:
        extent *= shape[d]
    merged = t.permute(kept + list(dims)).reshape([shape[d] for d in kept] + [extent])
    res = fn(merged, -1, False)
    if keepdim:
        res = res.reshape(kept_shape(tuple(shape), dims, True))
    return res


def sum_kernel(t, dims, keepdim):
    # torch: sum of integers (uint16/32/64 included) returns int64, whose bits equal NumPy's
    # wrapped int64/uint64 sums; the driver casts to the result dtype.
    return torch.sum(t, dims, keepdim)


def prod_kernel(t, dims, keepdim):
    # torch: prod reduces one dim at a time.
    return over_last(torch.prod, t, dims, keepdim)


def _extreme(fn, t, dims, keepdim):
    dt = t.dtype
    if dt.is_complex:
        largest = fn is torch.amax
        return over_last(lambda x, d, k: _k.complex_extreme(x, d, k, largest), t,
                         tuple(sorted(dims)), keepdim)       # the first NaN in C order wins
    return _k.ordered_unsigned(fn(_k.ordered_signed(t), dims, keepdim), dt)


def amax_kernel(t, dims, keepdim):
    return _extreme(torch.amax, t, dims, keepdim)


def amin_kernel(t, dims, keepdim):
    return _extreme(torch.amin, t, dims, keepdim)


def _nan_ignoring(extreme, fill):
    def kernel(t, dims, keepdim):
        # torch: no fmax/fmin reductions. NaNs (in either part of a complex) become the extreme's
        # identity; an all-NaN slice gives NaN, for complex its first element, as NumPy's fmax
        # keeps its first NaN.
        if not (t.is_floating_point() or t.is_complex()):
            return extreme(t, dims, keepdim)
        nan = torch.isnan(t)
        res = extreme(torch.where(nan, fill, t), dims, keepdim)
        if t.is_complex():
            first = over_last(lambda x, d, k: x.narrow(d, 0, 1) if k else x.select(d, 0),
                              t, dims, keepdim)
        else:
            first = torch.nan
        return torch.where(torch.all(nan, dims, keepdim), first, res)
    return kernel


def all_kernel(t, dims, keepdim):
    # torch: all/any of uint8 return uint8; the driver casts to bool.
    return torch.all(t, dims, keepdim)


def any_kernel(t, dims, keepdim):
    return torch.any(t, dims, keepdim)


def _bitwise(fn):
    def kernel(t, dims, keepdim):
        # torch: no bitwise reductions; fold pairwise (log depth) with the elementwise op.
        def one(x, d, k):
            return fold_pairwise(fn, x, d, k)
        return _k.unsigned_bits(over_last(one, _k.signed_bits(t), dims, keepdim), t.dtype)
    return kernel


def fold_pairwise(fn, t, dim, keepdim):
    """The binary tensor function ``fn`` folded along ``dim`` of ``t`` in log depth (pairs of
    halves), for operations NumPy may reorder; a new tensor, never a view of ``t``."""
    x = t.movedim(dim, 0)
    if x.shape[0] == 1:
        x = x.clone()                 # a result never aliases its input
    while x.shape[0] > 1:
        n = x.shape[0]
        h = n // 2
        head = fn(x[:h], x[h:2 * h])
        x = torch.cat([head, x[2 * h:]]) if n % 2 else head
    x = x[0]
    return x.unsqueeze(dim) if keepdim else x


SUM = Reduction("add", 0, sum_kernel)
PROD = Reduction("multiply", 1, prod_kernel)
MAX = Reduction("maximum", None, amax_kernel)
MIN = Reduction("minimum", None, amin_kernel)
FMAX = Reduction("fmax", None, _nan_ignoring(amax_kernel, -torch.inf))
FMIN = Reduction("fmin", None, _nan_ignoring(amin_kernel, torch.inf))
ALL = Reduction("logical_and", True, all_kernel)
ANY = Reduction("logical_or", False, any_kernel)
BITWISE_AND = Reduction("bitwise_and", -1, _bitwise(torch.bitwise_and))
BITWISE_OR = Reduction("bitwise_or", 0, _bitwise(torch.bitwise_or))
BITWISE_XOR = Reduction("bitwise_xor", 0, _bitwise(torch.bitwise_xor))
# The elementwise form of the reductions whose identity changes a float (signed zeros, complex
# infinities), to combine a result with ``initial`` or the identity as NumPy does.
_PAIRWISE = {SUM: lambda a, b: _k.add_complex(a, b) if a.is_complex() else torch.add(a, b),
             PROD: torch.mul}


def result_or_out(res, res_dt, out, what):
    """``res`` as the result, or written into ``out`` (checked ndarray or None), which must have
    exactly its shape: accumulations and reduceat, unlike reductions, do not broadcast into out."""
    if out is None:
        return convert.wrap_dt(res, res_dt)
    if tuple(out._t.shape) != tuple(res.shape):
        raise ValueError(f"provided out is the wrong size for the {what}.")
    return convert.write_out(out, res, "unsafe")
