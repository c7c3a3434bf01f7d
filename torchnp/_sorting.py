"""Sorting, searching and counting: sort, argsort, searchsorted, argmax, partition, ...

NumPy's order is total: NaN sorts after every number, and complex numbers sort by real part,
then imaginary part, with ``R+Rj < R+nanj < nan+Rj < nan+nanj``. ``_kernels`` turns tensors into
keys torch orders that way (``sort_key``, ``complex_sort_keys``).
"""
import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.convert import NoValue, normalize_axis_index, normalize_axis_tuple
from torchnp._creation import asarray

_wrap = convert.wrap
_as_tensor = convert.as_tensor

_KINDS = ("quicksort", "quick", "mergesort", "merge", "heapsort", "heap", "stable")


def _check_sort_args(kind, order, stable):
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")
    if kind is not None:
        if stable is not None:
            raise ValueError("`kind` and keyword parameters can't be provided at the same time. "
                             "Use only one of them.")
        if not isinstance(kind, str):
            raise TypeError(f"sort kind must be str, not {type(kind).__name__}")
        if kind.lower() not in _KINDS:
            raise ValueError("sort kind must be one of 'quick', 'heap', or 'stable' "
                             f"(got {kind!r})")


def _bad_select_kind(kind):
    if not isinstance(kind, str):
        raise TypeError(f"select kind must be str, not {type(kind).__name__}")
    raise ValueError(f"select kind must be 'introselect' (got {kind!r})")


def _sort_tensor(t, axis):
    """(values, indices) of a stable sort of ``t`` along ``axis`` in NumPy's order."""
    if t.dtype.is_complex:
        idx = _lex_argsort(_k.complex_sort_keys(t), axis)
        return torch.take_along_dim(t, idx, axis), idx
    if _sorts_by_radix(t):
        idx = _radix_argsort(t)
        return t.index_select(0, idx), idx
    return torch.sort(t, dim=axis, stable=True)


def _argsort_tensor(t, axis):
    if t.dtype.is_complex:
        return _lex_argsort(_k.complex_sort_keys(t), axis)
    if _sorts_by_radix(t):
        return _radix_argsort(t)
    return torch.argsort(t, dim=axis, stable=True)


_RADIX_MIN = 1 << 13        # measured crossover: below, torch's float sort is faster
_RADIX_FLOATS = (torch.float16, torch.float32, torch.float64)


def _sorts_by_radix(t):
    """True for a large 1-D float tensor on the CPU: torch sorts 1-D integers by radix, 2-4x faster
    than its float sort (and than NumPy's), so sorting the floats' integer keys pays."""
    return t.ndim == 1 and t.is_cpu and t.dtype in _RADIX_FLOATS and t.numel() >= _RADIX_MIN


def _radix_argsort(t):
    # sort_key gives -0.0 and 0.0 one key, and every NaN the same last one: with a stable sort
    # the order is exactly torch's stable float sort's.
    return torch.sort(_k.sort_key(t), stable=True)[1]


def _sorted(t, axis):
    """``t`` sorted along ``axis``, as an ndarray (NumPy sorts a copy: its error if too big)."""
    try:
        return _wrap(_sort_tensor(t, axis)[0])
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None


def _arg_axis(t, axis):
    """(tensor, axis, ravelled) for argsort and argpartition: ``axis=None`` (or a 0-d ``t``)
    sorts the flattened array, as NumPy's copy of it."""
    ravelled = axis is None or t.ndim == 0
    if ravelled:
        t = convert.flatten_for_axis(t, None)[0]
        axis = 0
    return t, normalize_axis_index(axis, t.ndim), ravelled


def _argsorted(t, axis, ravelled):
    """The indices that sort ``t`` along ``axis``, as an ndarray, with NumPy's error if too big:
    for its copy of a non-contiguous input it ravelled (``ravelled``), else for the result."""
    try:
        return _wrap(_argsort_tensor(t, axis))
    except RuntimeError as err:
        raise (convert.copy_error(t, t.dtype, err) if ravelled else None) or \
            convert.allocation_error(tuple(t.shape), torch.int64, err) or err from None


def sort(a, axis=-1, kind=None, order=None, *, stable=None, descending=False):
    """A sorted copy of an array.

    torchnp implementation of :func:`numpy.sort`. ``descending=True`` (the Array API standard's
    keyword, which NumPy lacks) sorts in descending order, equal elements in their order (NaN
    first).
    """
    _check_sort_args(kind, order, stable)
    t = _as_tensor(a)
    t, axis = convert.flatten_for_axis(t, axis)
    if descending:
        return _wrap(_sorted(t.flip(axis), axis)._t.flip(axis))
    return _sorted(t, axis)


def ndarray_sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """``a.sort()``: sort in place."""
    _check_sort_args(kind, order, stable)
    t = a._t
    convert.check_writeable(t, "sort array is read-only")
    axis = normalize_axis_index(axis, t.ndim)
    convert.copy_into(t, _sort_tensor(t, axis)[0])


def argsort(a, axis=-1, kind=None, order=None, *, stable=None, descending=False):
    """The indices that would sort an array.

    torchnp implementation of :func:`numpy.argsort`. ``descending=True`` (the Array API
    standard's keyword, which NumPy lacks) sorts in descending order, ties in their order.

    Differences from NumPy: the sort is always stable, so ties keep their order for every
    ``kind`` (NumPy's default quicksort may order ties either way).
    """
    _check_sort_args(kind, order, stable)
    t, axis, ravelled = _arg_axis(_as_tensor(a), axis)
    if descending:
        flipped = _argsorted(t.flip(axis), axis, ravelled)._t.flip(axis)
        return _wrap(t.shape[axis] - 1 - flipped)
    return _argsorted(t, axis, ravelled)


def _check_kth(kth, n):
    if type(kth) is int:                     # the common case: no tensor (and no graph break)
        ks = [kth]
    else:
        kth_t = _as_tensor(kth)
        if kth_t.dtype.is_floating_point or kth_t.dtype.is_complex or kth_t.dtype is torch.bool:
            raise TypeError("Partition index must be integer")
        ks = kth_t.reshape(-1).tolist()      # host-sync: kth is a small host-side argument
    for k in ks:
        if not -n <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A partitioned copy of an array: the kth element in its sorted place.

    torchnp implementation of :func:`numpy.partition`.

    Differences from NumPy: the result is fully sorted along ``axis``, which is one of the
    partitions NumPy may return.
    """
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")
    if kind != "introselect":
        _bad_select_kind(kind)
    t = _as_tensor(a)
    t, axis = convert.flatten_for_axis(t, axis)
    _check_kth(kth, t.shape[axis])
    return _sorted(t, axis)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices that partition an array around the kth element.

    torchnp implementation of :func:`numpy.argpartition`.

    Differences from NumPy: the indices fully sort the array along ``axis`` (a valid partition).
    """
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")
    if kind != "introselect":
        _bad_select_kind(kind)
    t, axis, ravelled = _arg_axis(_as_tensor(a), axis)
    _check_kth(kth, t.shape[axis])
    return _argsorted(t, axis, ravelled)


def lexsort(keys, axis=-1):
    """Indirect stable sort on several keys; the last key is the primary one.

    torchnp implementation of :func:`numpy.lexsort`.
    """
    if isinstance(keys, (list, tuple)):
        ts = convert.operands(*keys)
    else:
        t = _as_tensor(keys)
        ts = list(t.unbind(0)) if t.ndim else []        # a 0-d array: no sequence of keys
    if not ts:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    if len({tuple(k.shape) for k in ts}) != 1:
        raise ValueError("all keys need to be the same shape")
    if ts[0].ndim == 0:
        # 0-d keys (NumPy lets them take axis 0 or -1): index 0, as a scalar
        if convert.operator_index(axis) not in (0, -1):
            normalize_axis_index(axis, 0)
        return _wrap(torch.zeros((), dtype=torch.int64, device=ts[0].device))
    axis = normalize_axis_index(axis, ts[0].ndim)
    key_list = []
    for k in reversed(ts):       # primary first
        key_list.extend(_k.complex_sort_keys(k) if k.dtype.is_complex else [k])
    return _wrap(_lex_argsort(key_list, axis))


# ----- argmax / argmin ----------------------------------------------------------------------------

def argmax(a, axis=None, out=None, *, keepdims=NoValue):
    """Indices of the maximum values along an axis (the first NaN if any).

    torchnp implementation of :func:`numpy.argmax`.
    """
    return _red.reduce_to_index("argmax", _arg_kernel, _as_tensor(a), axis, out, keepdims)


def argmin(a, axis=None, out=None, *, keepdims=NoValue):
    """Indices of the minimum values along an axis (the first NaN if any).

    torchnp implementation of :func:`numpy.argmin`.
    """
    return _red.reduce_to_index("argmin", _arg_kernel, _as_tensor(a), axis, out, keepdims)


# ----- searching ----------------------------------------------------------------------------------

def searchsorted(a, v, side="left", sorter=None):
    """Indices where elements of ``v`` should be inserted into sorted ``a`` to keep its order.

    torchnp implementation of :func:`numpy.searchsorted`.
    """
    if side not in ("left", "right"):
        if not isinstance(side, str):
            raise TypeError(f"search side must be str, not {type(side).__name__}")
        raise ValueError(f"search side must be 'left' or 'right' (got {side!r})")
    ta, tv, *sorters = convert.operands(a, v, *(() if sorter is None else (sorter,)))
    if ta.ndim != 1:
        raise ValueError("object too deep for desired array")
    for ts in sorters:
        if ts.numel() != ta.numel():
            raise ValueError("sorter.size must equal a.size")
        if ts.dtype.is_floating_point or ts.dtype.is_complex:
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                            "according to the rule 'safe'")
        ta = ta[ts.reshape(-1).to(torch.int64)]
    dt = promotion.result_dtype([ta.dtype, tv.dtype])
    try:
        return _wrap(_search(ta.to(dt), tv.to(dt), side == "right"))
    except RuntimeError as err:     # NumPy copies v first, unless contiguous and of dtype dt
        raise convert.copy_error(tv, dt, err) or \
            convert.allocation_error(tuple(tv.shape), torch.int64, err) or err from None


def _search(ta, tv, right):
    if ta.dtype.is_complex:
        return _bisect(_k.complex_sort_keys(ta), _k.complex_sort_keys(tv), right)
    return torch.searchsorted(_k.sort_key(ta).contiguous(), _k.sort_key(tv).contiguous(),
                              right=right)


def count_nonzero(a, axis=None, *, keepdims=False):
    """The number of non-zero values along an axis.

    torchnp implementation of :func:`numpy.count_nonzero`.
    """
    nz = _as_tensor(a) != 0
    if axis is None and not keepdims:
        return _wrap(nz.sum())
    return _red.reduce(_red.SUM, nz, torch.int64, axis, None, keepdims, NoValue, True)


# ----- leaves: torch orderings made NumPy's -------------------------------------------------------

def _lex_argsort(keys, axis):
    """Stable argsort by several keys along ``axis``, the first key primary."""
    idx = None
    for k in reversed(keys):
        if k.dtype in _k.FEW_KERNELS:
            k = _k.sort_key(k)        # torch: no gather kernels for uint16/32/64
        kk = k if idx is None else torch.take_along_dim(k, idx, axis)
        step = torch.argsort(kk, dim=axis, stable=True)
        idx = step if idx is None else torch.take_along_dim(idx, step, axis)
    return idx


def _arg_kernel(name, t, axis):
    """argmax/argmin of ``t`` along ``axis`` (None: ``t`` is 1-D, reduce all)."""
    dt = t.dtype
    if dt.is_complex:
        return _k.complex_arg_extreme(t, 0 if axis is None else axis, name == "argmax")
    if dt is torch.bool or dt in _k.FEW_KERNELS:
        t = _k.sort_key(t)        # torch: no argmax/argmin kernels for bool, uint16/32/64
    arg = torch.argmax if name == "argmax" else torch.argmin
    if axis is None and t.numel() >= _BLOCKED_MIN:
        return _blocked_arg_extreme(t, arg, torch.amax if name == "argmax" else torch.amin)
    return arg(t, dim=axis)


_BLOCKED_MIN = 1 << 16      # measured crossover
_BLOCK = 4096


def _blocked_arg_extreme(t, arg, extreme):
    """``arg(t)`` of a 1-D ``t`` from its blocks' extremes: torch's amax/amin streams at memory
    speed, its argmax/argmin at a quarter of it. The first block holding the extreme (or a NaN,
    which both propagate) is found in the block extremes, then the index inside that block."""
    n = t.shape[0]
    whole = n // _BLOCK
    ext = extreme(t[:whole * _BLOCK].reshape(whole, _BLOCK), 1)
    if n % _BLOCK:
        ext = torch.cat([ext, extreme(t[whole * _BLOCK:]).reshape(1)])
    start = arg(ext) * _BLOCK
    # the block's elements, padded past the end with the last element: found after the real one
    pos = (torch.arange(_BLOCK, device=t.device) + start).clamp_(max=n - 1)
    return arg(t.index_select(0, pos)) + start


def _bisect(a_keys, v_keys, right):
    """searchsorted of ``v`` in ``a`` (both as lexicographic key lists), vectorised bisection."""
    n = a_keys[0].shape[0]
    shape = v_keys[0].shape
    lo = torch.zeros(shape, dtype=torch.int64, device=v_keys[0].device)
    hi = torch.full(shape, n, dtype=torch.int64, device=v_keys[0].device)
    for _ in range(n.bit_length() + 1):
        active = lo < hi
        mid = (lo + hi) // 2
        midc = mid.clamp(max=builtin_max(n - 1, 0))
        am = [k[midc] for k in a_keys]
        go_right = ~_lex_less(v_keys, am) if right else _lex_less(am, v_keys)
        lo = torch.where(active & go_right, mid + 1, lo)
        hi = torch.where(active & ~go_right, mid, hi)
    return lo


def _lex_less(x_keys, y_keys):
    less = torch.zeros_like(x_keys[0], dtype=torch.bool)
    equal = torch.ones_like(x_keys[0], dtype=torch.bool)
    for x, y in zip(x_keys, y_keys):
        less = less | (equal & (x < y))
        equal = equal & (x == y)
    return less


builtin_max = max


# ----- sort_complex -------------------------------------------------------------------------------

_COMPLEX64_FROM = frozenset({torch.int8, torch.uint8, torch.int16, torch.uint16})


def sort_complex(a):
    """A complex array sorted by real part, then imaginary part (along the last axis).

    torchnp implementation of :func:`numpy.sort_complex`: 8- and 16-bit integers give complex64,
    other real input complex128.
    """
    b = sort(asarray(a))
    if b.dtype.kind == "c":
        return b
    return b.astype(_dtypes.complex64 if b._t.dtype in _COMPLEX64_FROM else _dtypes.complex128)
