"""Set routines: unique (and NumPy 2's unique_all / unique_counts / unique_inverse /
unique_values), intersect1d, union1d, setdiff1d, setxor1d, isin.

Values are sorted in NumPy's order (``_sorting``'s keys: NaN last, complex numbers by real part,
then imaginary part). How many values a result holds depends on the data, so the functions that
select values read that number back (host syncs); ``isin`` does not.
"""
from typing import NamedTuple

import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core.convert import normalize_axis_index, normalize_axis_tuple
from torchnp._core.ndarray import ndarray
from torchnp._sorting import _argsort_tensor, _bisect, _lex_argsort

_wrap = convert.wrap
_wrap_array = convert.wrap_array
_as_tensor = convert.as_tensor


class UniqueAllResult(NamedTuple):
    """What :func:`unique_all` returns (NumPy's fields)."""
    values: ndarray
    indices: ndarray
    inverse_indices: ndarray
    counts: ndarray


class UniqueCountsResult(NamedTuple):
    """What :func:`unique_counts` returns (NumPy's fields)."""
    values: ndarray
    counts: ndarray


class UniqueInverseResult(NamedTuple):
    """What :func:`unique_inverse` returns (NumPy's fields)."""
    values: ndarray
    inverse_indices: ndarray


# ----- unique -------------------------------------------------------------------------------------

def _run_starts(s, equal_nan):
    """True where 1-d ``s`` (sorted) starts a run of equal values; with ``equal_nan`` the NaNs
    (the last values, complex ones with a NaN part included) make one run."""
    diff = s[1:] != s[:-1]
    if equal_nan and (s.dtype.is_floating_point or s.dtype.is_complex):
        nan = torch.isnan(s)
        diff &= ~(nan[1:] & nan[:-1])
    return torch.cat([torch.ones(min(s.shape[0], 1), dtype=torch.bool, device=s.device), diff])


def _row_starts(rows):
    """True where 2-d ``rows`` (sorted) starts a run of equal rows (NaN equals nothing, as in
    NumPy's comparison of the rows as structured elements)."""
    n = rows.shape[0]
    diff = (rows[1:] != rows[:-1]).any(dim=1) if rows.shape[1] else \
        torch.zeros(max(n - 1, 0), dtype=torch.bool, device=rows.device)
    return torch.cat([torch.ones(min(n, 1), dtype=torch.bool, device=rows.device), diff])


def _sorted_rows(rows):
    """(permutation, sorted rows) of 2-d ``rows``, stably, lexicographically by column."""
    keys = []
    for j in range(rows.shape[1]):
        col = rows[:, j]
        keys.extend(_k.complex_sort_keys(col) if col.dtype.is_complex else [col])
    perm = _lex_argsort(keys, 0) if keys else torch.arange(rows.shape[0], device=rows.device)
    return perm, rows[perm]


def _unique_parts(t, axis, equal_nan):
    """(values, perm, starts, inverse shape): the unique values (or slices along ``axis``) of
    tensor ``t``, the stable sorting permutation and the run starts behind them."""
    if axis is None or t.ndim == 1:
        if axis is not None:
            normalize_axis_index(axis, 1)
        flat = t.reshape(-1)
        perm = _argsort_tensor(flat, 0)
        s = flat[perm]
        starts = _run_starts(s, equal_nan)
        return s[starts], perm, starts, tuple(t.shape)  # host-sync: the count depends on the data
    if type(axis) is tuple or type(axis) is list:
        # NumPy's moveaxis(ar, axis, 0) reads it first: its ValueError / AxisError, then a
        # TypeError from normalize_axis_index below
        if len(normalize_axis_tuple(axis, t.ndim, "source")) != 1:
            raise ValueError("`source` and `destination` arguments must have the same number of "
                             "elements")
    axis = normalize_axis_index(axis, t.ndim)
    moved = t.movedim(axis, 0)
    n, rest = moved.shape[0], tuple(moved.shape[1:])
    width = 1
    for d in rest:
        width *= d
    perm, s = _sorted_rows(moved.reshape(n, width))
    starts = _row_starts(s)
    u = s[starts]                      # host-sync: the number of unique slices depends on the data
    return u.reshape((u.shape[0],) + rest).movedim(0, axis), perm, starts, (n,)


def _inverse(perm, starts, shape):
    inv = torch.empty_like(perm)
    inv[perm] = torch.cumsum(starts, 0) - 1
    return inv.reshape(shape)


def _counts(starts):
    first = starts.nonzero().reshape(-1)      # host-sync: one count per unique value
    ends = torch.cat([first[1:], torch.full((1,), starts.shape[0], device=first.device)])
    return ends[:first.shape[0]] - first


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *,
           equal_nan=True, sorted=True):
    """The sorted unique elements of an array, with optional indices, inverse and counts.

    torchnp implementation of :func:`numpy.unique`.

    Differences from NumPy: ``sorted=False`` returns the values sorted (NumPy's order for it is
    unspecified: its hash table's).
    """
    values, perm, starts, inv_shape = _unique_parts(_as_tensor(ar), axis, equal_nan)
    res = [_wrap_array(values)]
    if return_index:
        res.append(_wrap_array(perm[starts]))
    if return_inverse:
        res.append(_wrap_array(_inverse(perm, starts, inv_shape)))
    if return_counts:
        res.append(_wrap_array(_counts(starts)))
    return res[0] if len(res) == 1 else tuple(res)


def unique_all(x):
    """The unique elements, the first index of each, the inverse indices and the counts.

    torchnp implementation of :func:`numpy.unique_all`.
    """
    return UniqueAllResult(*unique(x, True, True, True, equal_nan=False))


def unique_counts(x):
    """The unique elements and how often each occurs.

    torchnp implementation of :func:`numpy.unique_counts`.
    """
    return UniqueCountsResult(*unique(x, return_counts=True, equal_nan=False))


def unique_inverse(x):
    """The unique elements and the indices that rebuild ``x`` from them.

    torchnp implementation of :func:`numpy.unique_inverse`.
    """
    return UniqueInverseResult(*unique(x, return_inverse=True, equal_nan=False))


def unique_values(x):
    """The unique elements of ``x``.

    torchnp implementation of :func:`numpy.unique_values`.

    Differences from NumPy: the values come sorted (NumPy leaves their order unspecified).
    """
    return unique(x, equal_nan=False, sorted=False)


# ----- operations on two sets ---------------------------------------------------------------------

def _joined(t1, t2):
    """``t1`` and ``t2`` ravelled and concatenated in their promoted dtype (NumPy's
    ``concatenate((ar1, ar2), axis=None)``)."""
    dt = promotion.result_dtype([t1.dtype, t2.dtype])
    return torch.cat([t1.reshape(-1).to(dt), t2.reshape(-1).to(dt)])


def _unique_values(t):
    return _unique_parts(t, None, True)[0]


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """The sorted unique values in both arrays (and where they first occur in each).

    torchnp implementation of :func:`numpy.intersect1d`.
    """
    t1, t2 = convert.operands(ar1, ar2)
    if assume_unique:
        t1, t2 = t1.reshape(-1), t2.reshape(-1)
    else:
        (t1, perm1, starts1, _), (t2, perm2, starts2, _) = \
            _unique_parts(t1, None, True), _unique_parts(t2, None, True)
    aux = _joined(t1, t2)
    order = _argsort_tensor(aux, 0)
    aux = aux[order]
    same = aux[1:] == aux[:-1]
    common = _wrap_array(aux[:-1][same])       # host-sync: the size depends on the data
    if not return_indices:
        return common
    i1, i2 = order[:-1][same], order[1:][same] - t1.shape[0]
    if not assume_unique:
        i1, i2 = perm1[starts1][i1], perm2[starts2][i2]
    return common, _wrap_array(i1), _wrap_array(i2)


def union1d(ar1, ar2):
    """The sorted unique values in either array.

    torchnp implementation of :func:`numpy.union1d`.
    """
    return _wrap_array(_unique_values(_joined(*convert.operands(ar1, ar2))))


def setdiff1d(ar1, ar2, assume_unique=False):
    """The unique values of ``ar1`` that are not in ``ar2`` (sorted unless ``assume_unique``).

    torchnp implementation of :func:`numpy.setdiff1d`.
    """
    t1, t2 = convert.operands(ar1, ar2)
    if assume_unique:
        t1 = t1.reshape(-1)
    else:
        t1, t2 = _unique_values(t1), _unique_values(t2)
    # host-sync: the size depends on the data
    return _wrap_array(t1[~_member(t1, t2.reshape(-1))])


def setxor1d(ar1, ar2, assume_unique=False):
    """The sorted unique values in exactly one of the arrays.

    torchnp implementation of :func:`numpy.setxor1d`.
    """
    t1, t2 = convert.operands(ar1, ar2)
    if not assume_unique:
        t1, t2 = _unique_values(t1), _unique_values(t2)
    aux = _joined(t1, t2)
    if aux.shape[0] == 0:
        return _wrap_array(aux)
    aux = aux[_argsort_tensor(aux, 0)]
    edge = torch.ones(1, dtype=torch.bool, device=aux.device)
    flag = torch.cat([edge, aux[1:] != aux[:-1], edge])
    return _wrap_array(aux[flag[1:] & flag[:-1]])    # host-sync: the size depends on the data


_KINDS = (None, "sort", "table")
_INTP_MAX = 2**63 - 1


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """Whether each element of ``element`` is in ``test_elements``, in ``element``'s shape.

    torchnp implementation of :func:`numpy.isin`.

    Differences from NumPy: every ``kind`` gives exact results (NumPy's ``'sort'`` compares
    int64 with uint64 values in float64); ``assume_unique`` is not needed for speed and is not
    used (NumPy's results with ``assume_unique=True`` on inputs that repeat values are undefined).
    """
    t1, t2 = convert.operands(element, test_elements)
    if kind not in _KINDS:
        raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    if kind == "table":
        _check_table(t1, t2)
    found = _member(t1.reshape(-1), t2.reshape(-1))
    if invert:
        found = ~found
    return _wrap_array(found.reshape(t1.shape))


def _check_table(t1, t2):
    """NumPy's errors for ``kind='table'``: integer data only, ``t2``'s range within its dtype."""
    for t in (t1, t2):
        if t.dtype.is_floating_point or t.dtype.is_complex:
            raise ValueError("The 'table' method is only supported for boolean or integer "
                             "arrays. Please select 'sort' or None for kind.")
    if t2.numel() == 0 or t2.dtype is torch.bool:
        return
    lo, hi = _host_extremes(t2)     # host-sync: NumPy checks the range of the values
    if hi - lo > _dtypes.INT_RANGE[t2.dtype][1]:
        raise RuntimeError("You have specified kind='table', but the range of values in `ar2` or "
                           "`ar1` exceed the maximum integer of the datatype. Please set `kind` "
                           "to None or 'sort'.")
    size = hi - lo + 1                 # NumPy's table: one bool per value in the range
    if size > _INTP_MAX:
        raise ValueError("Maximum allowed dimension exceeded")
    if convert.refused(size, t2.device):
        raise MemoryError(f"Unable to allocate {convert.binary_size(size)} for an array with "
                          f"shape ({size},) and data type bool")


def _host_extremes(t):
    k = _k.sort_key(t.reshape(-1))
    lo, hi = torch.stack([k.min(), k.max()]).tolist()      # host-sync: the range decides the method
    if t.dtype is torch.uint64:                # the key flipped the sign bit: flip it back
        lo, hi = lo + 2**63, hi + 2**63
    return lo, hi


def _member(t1, t2):
    """Whether each element of 1-d ``t1`` equals an element of 1-d ``t2``, compared as NumPy's
    ``==`` compares them (NaN equals nothing; integers exactly, whatever their dtypes)."""
    n = t2.shape[0]
    if n == 0 or t1.shape[0] == 0:
        return torch.zeros(t1.shape, dtype=torch.bool, device=t1.device)
    k1, k2 = _equality_keys(t1, t2)
    order = _lex_argsort(k2, 0)
    k2 = [k[order] for k in k2]
    if len(k1) == 1:
        idx = torch.searchsorted(k2[0].contiguous(), k1[0].contiguous())
    else:
        idx = _bisect(k2, k1, False)
    idx = idx.clamp(max=n - 1)
    found = k2[0][idx] == k1[0]
    for a, b in zip(k1[1:], k2[1:]):
        found &= b[idx] == a
    if t1.dtype.is_floating_point or t1.dtype.is_complex:
        found &= ~torch.isnan(t1)
    return found


_SIGNED = frozenset({torch.int8, torch.int16, torch.int32, torch.int64})


def _equality_keys(t1, t2):
    """Lists of keys for ``t1`` and ``t2`` that are equal, key by key, exactly where NumPy's
    ``==`` finds the values equal, and that torch sorts in one consistent order."""
    d1, d2 = t1.dtype, t2.dtype
    if (d1 is torch.uint64 and d2 in _SIGNED) or (d2 is torch.uint64 and d1 in _SIGNED):
        return _wide_int_keys(t1), _wide_int_keys(t2)   # NumPy compares these two exactly
    dt = promotion.result_dtype([d1, d2])
    if dt.is_complex:
        return _k.complex_sort_keys(t1.to(dt)), _k.complex_sort_keys(t2.to(dt))
    return [_k.sort_key(t1.to(dt))], [_k.sort_key(t2.to(dt))]


def _wide_int_keys(t):
    """(high, low) keys ordering int64 and uint64 values together: high is 1 for uint64 values
    past the int64 range."""
    low = t.view(torch.int64) if t.dtype is torch.uint64 else t.to(torch.int64)
    high = (low < 0) if t.dtype is torch.uint64 else torch.zeros_like(low, dtype=torch.bool)
    return [high.to(torch.int8), low]
