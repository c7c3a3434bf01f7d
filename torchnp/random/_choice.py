"""``choice``, ``shuffle``, ``permutation`` and ``permuted`` of ``Generator`` and ``RandomState``
(their arguments differ a little, their checks' messages more: one table per API).

Arrays are permuted on their own device with torch's ``randperm`` / random sort keys; samples
without replacement use the exponential race (weighted) or ``randperm`` / de-duplicated draws
(uniform), all vectorised.
"""
import operator
import warnings
from collections.abc import Sequence

import numpy
import torch

from torchnp._core import convert
from torchnp._core.ndarray import ndarray
from torchnp.random import _common
from torchnp.random import _params as P
from torchnp.random import _samplers as S
from torchnp.random import _torch_rng

GENERATOR = {
    "not_int": "a must be a sequence or an integer, not {}",
    "not_positive": "a must be a positive integer unless no samples are taken",
    "empty": "a cannot be empty unless no samples are taken",
    "p_ndim": "p must be 1-dimensional",
    "p_size": "a and p must have same size",
    "p_nan": "Probabilities contain NaN",
    "p_negative": "Probabilities are not non-negative",
    "p_sum": "Probabilities do not sum to 1. See Notes section of docstring for more information.",
    "too_many": "Cannot take a larger sample than population when replace is False",
}
LEGACY = {
    "not_int": "a must be 1-dimensional or an integer",
    "not_positive": "a must be greater than 0 unless no samples are taken",
    "empty": "'a' cannot be empty unless no samples are taken",
    "p_ndim": "'p' must be 1-dimensional",
    "p_size": "'a' and 'p' must have same size",
    "p_nan": "probabilities contain NaN",
    "p_negative": "probabilities are not non-negative",
    "p_sum": "probabilities do not sum to 1",
    "too_many": "Cannot take a larger sample than population when 'replace=False'",
}
_ATOL = float(numpy.sqrt(numpy.finfo(numpy.float64).eps))


# ----- choice -------------------------------------------------------------------------------------

def choice(rng, a, size, replace, p, axis, device, messages):
    """Draws from ``a`` (an int: ``arange(a)``) along ``axis``; ``messages``: GENERATOR or
    LEGACY."""
    t = P._array_tensor(a)
    host = None if t is not None else numpy.asarray(a)
    ndim = t.ndim if t is not None else host.ndim
    if ndim == 0:
        try:
            # host-data: NumPy data (_int_item marks the read of an array)
            pop = operator.index(host.item() if t is None else _int_item(t))
        except TypeError:
            raise ValueError(messages["not_int"].format(type(a))) from None
        if pop <= 0 and numpy.prod(size) != 0:
            raise ValueError(messages["not_positive"])
    else:
        if messages is LEGACY and ndim != 1:
            raise ValueError("a must be 1-dimensional")
        pop = (t.shape if t is not None else host.shape)[axis]
        if pop == 0 and numpy.prod(size) != 0:
            raise ValueError(messages["empty"])
    dev = t.device if t is not None else rng._target(device, p)
    prob = None if p is None else _probabilities(p, pop, dev, messages)
    if size is not None:
        numpy.prod(size, dtype=numpy.intp)      # NumPy counts the draws first (its errors)
    shape = () if size is None else convert.shape_tuple(size)
    idx = _indices(rng, pop, shape, replace, prob, dev, messages)
    if ndim == 0:
        return _common.finish(idx, size)
    src = t if t is not None else convert.as_tensor(a)      # lists: the default float dtype
    ax = convert.normalize_axis_index(axis, src.ndim)
    res = torch.index_select(src, ax, idx.reshape(-1).to(src.device))
    res = res.reshape(src.shape[:ax] + shape + src.shape[ax + 1:])
    return _common.finish(res, size)


def _int_item(t):
    if t.dtype.is_floating_point or t.dtype.is_complex:
        raise TypeError("not an integer")
    return int(t)       # host-sync: the population size is a Python int in NumPy too


def _probabilities(p, pop, dev, messages):
    """``p`` as a float64 tensor on ``dev``, with NumPy's checks."""
    len(p)          # NumPy asks for len(p) first (TypeError for a scalar)
    t = P._array_tensor(p)
    atol = _ATOL
    if t is not None and t.dtype.is_floating_point:
        atol = max(atol, float(numpy.sqrt(torch.finfo(t.dtype).eps)))
    elif isinstance(p, numpy.ndarray) and p.dtype.kind == "f":
        atol = max(atol, float(numpy.sqrt(numpy.finfo(p.dtype).eps)))
    prob = P.float_param(p, torch.float64, dev)
    if not P.is_tensor(prob) or prob.ndim != 1:
        raise ValueError(messages["p_ndim"])
    if prob.numel() != pop:
        raise ValueError(messages["p_size"])
    if not P.known(prob):
        return prob
    total = float(prob.sum())       # host-sync: NumPy checks the probabilities
    if total != total:
        raise ValueError(messages["p_nan"])
    if P.any_true(prob < 0):
        raise ValueError(messages["p_negative"])
    if abs(total - 1.0) > atol:
        raise ValueError(messages["p_sum"])
    return prob


def _indices(rng, pop, shape, replace, prob, dev, messages):
    """int64 indices into a population of ``pop``, of ``shape``."""
    g = rng._torch_generator(dev)
    n = 1
    for s in shape:
        n *= s
    if replace:
        if prob is None:
            return S.integers(g, shape, dev, 0, pop - 1)
        cdf = torch.cumsum(prob, 0)
        cdf = cdf / cdf[-1]
        u = S.uniform01(g, shape, torch.float64, dev)
        return torch.searchsorted(cdf, u.reshape(-1), right=True).reshape(shape)
    if n > pop:
        raise ValueError(messages["too_many"])
    if prob is not None:
        if P.any_true(torch.count_nonzero(prob > 0) < n):
            raise ValueError("Fewer non-zero entries in p than size")
        # the exponential race: the n smallest E_i / p_i come out in sequential-draw order
        keys = prob / S.standard_exponential(g, (pop,), torch.float64, dev)
        return torch.topk(keys, n).indices.reshape(shape)
    if pop <= max(8 * n, 2**20):
        return torch.randperm(pop, generator=g, device=dev)[:n].reshape(shape)
    return _distinct(g, pop, n, dev).reshape(shape)


def _distinct(g, pop, n, dev):
    """``n`` distinct integers of [0, pop) in random order, for n << pop: draw with replacement,
    keep first occurrences, draw again for the repeats."""
    if dev.type == "meta":
        return torch.empty(n, dtype=torch.int64, device=dev)
    chosen = torch.empty(0, dtype=torch.int64, device=dev)
    while chosen.numel() < n:               # host-sync: the count of distinct draws so far
        need = n - chosen.numel()
        cand = torch.cat([chosen, S.integers(g, (need + need // 4 + 16,), dev, 0, pop - 1)])
        ordered, order = torch.sort(cand, stable=True)
        first = torch.ones_like(ordered, dtype=torch.bool)
        first[1:] = ordered[1:] != ordered[:-1]
        keep = torch.empty_like(first)
        keep[order] = first
        chosen = cand[keep][:n]
    return chosen


# ----- shuffle, permutation, permuted -------------------------------------------------------------

def shuffle(rng, x, axis):
    """Shuffle ``x`` in place along ``axis`` (arrays) or its items (mutable sequences)."""
    n = len(x)
    t = _writable_tensor(x)
    if t is not None:
        axis = convert.normalize_axis_index(axis, t.ndim)
        if t.numel() == 0:
            return
        perm = torch.randperm(t.shape[axis], generator=rng._torch_generator(t.device),
                              device=t.device)
        t.copy_(torch.index_select(t, axis, perm))
        return
    if not isinstance(x, Sequence):
        warnings.warn(f"you are shuffling a '{type(x).__name__}' object which is not a subclass of "
                      "'Sequence'; `shuffle` is not guaranteed to behave correctly. E.g., "
                      "non-numpy array/tensor objects with view semantics may contain duplicates "
                      "after shuffling.", UserWarning, stacklevel=3)
    if axis != 0:
        raise NotImplementedError("Axis argument is only supported on ndarray objects")
    cpu = torch.device("cpu")
    perm = torch.randperm(n, generator=rng._torch_generator(cpu)).tolist()  # host-sync: items
    items = [x[i] for i in perm]
    for i, item in enumerate(items):
        x[i] = item


def _writable_tensor(x):
    """The tensor of an array ``x`` (torchnp, torch or NumPy: shuffled in place), or None."""
    if isinstance(x, numpy.ndarray):
        if not x.flags.writeable:
            raise ValueError("array is read-only")
        t = torch.from_numpy(x) if x.dtype.kind in "biufc" and x.flags.aligned else None
        return t
    t = P._array_tensor(x)
    if t is not None:
        convert.check_writeable(t, "array is read-only")
    return t


def permutation(rng, x, axis, device, legacy):
    """A permuted copy of ``x`` along ``axis``, or a permutation of ``arange(x)`` for an int."""
    if isinstance(x, (int, numpy.integer)) and not isinstance(x, bool):
        dev = rng._target(device)
        return convert.wrap_array(_randperm(rng, int(x), dev))
    t = P._array_tensor(x)
    host = numpy.asarray(x) if t is None else None
    ndim = t.ndim if t is not None else host.ndim
    if legacy and ndim == 0:
        raise IndexError("x must be an integer or at least 1-dimensional")
    axis = convert.normalize_axis_index(axis, ndim)     # before the data: NumPy's AxisError
    t = t if t is not None else convert.as_tensor(x)
    perm = _randperm(rng, t.shape[axis], t.device)
    return convert.wrap_array(torch.index_select(t, axis, perm))


def _randperm(rng, n, dev):
    return torch.randperm(max(n, 0), generator=rng._torch_generator(dev), device=dev)


def permuted(rng, x, axis, out):
    """``x`` with each slice along ``axis`` permuted independently (flattened when axis is None),
    into ``out`` when given."""
    t = convert.as_tensor(x)
    if out is not None:
        if not isinstance(out, ndarray):
            raise TypeError("out must be a numpy array")
        convert.check_writeable(out._t, "out is read-only")
        if tuple(out.shape) != tuple(t.shape):
            raise ValueError("out must have the same shape as x")
        convert.write_out(out, t, casting="safe", what="array data")
        t = out._t
    if t.ndim == 0:
        raise TypeError("len() of unsized object")
    g = rng._torch_generator(t.device)
    if axis is None:
        perm = torch.randperm(t.numel(), generator=g, device=t.device)
        res = t.reshape(-1)[perm].reshape(t.shape)
    else:
        ax = convert.normalize_axis_index(axis, t.ndim)
        keys = _torch_rng.bits63(g, tuple(t.shape), t.device)
        res = torch.gather(t, ax, torch.argsort(keys, dim=ax))
    if out is None:
        return convert.wrap_array(res)
    out._t.copy_(res)
    return out
