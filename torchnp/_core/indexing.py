"""ndarray.__getitem__ / __setitem__, iteration and flatiter: NumPy's indexing on torch.

Keys made only of Python ints and slices without negative steps go straight to torch's own
indexing (a view, as NumPy's basic indexing). Every other key is parsed by ``_parse`` into a basic
view of the array (ints, positive slices, ``None``) plus the advanced indices (integer and boolean
arrays) applied to it, which lets us follow NumPy's rules where torch's differ:

* integer scalars count as advanced indices when any array index is present (torch applies them
  first, as basic indices, so ``a[0, :, [0, 1]]`` gets a different shape);
* advanced indices separated by a slice, ``None`` or ``...`` put their dimensions first;
* bounds are checked here, with NumPy's messages (torch raises RuntimeError, or asserts on CUDA);
* negative slice steps (torch has no negative strides: the result is a copy, see
  docs/differences.md), while *assignments* through negative-step slices write the base directly.

Full integer indexing (NumPy returns a scalar) returns a 0-d *copy*: a NumPy scalar does not change
when the array is written afterwards (``t = a[0]; a[0] = a[1]; a[1] = t`` must swap).
"""
import math
import operator
import warnings

import numpy
import torch

from torchnp import _kernels as _k
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray

_new = object.__new__
_is_dynamo = torch.compiler.is_dynamo_compiling     # ~40 ns; is_compiling ~110 ns
_wrap = convert.wrap
_wrap_dt = convert.wrap_dt
_wrap_view = convert.wrap_view

_INVALID_INDEX = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                  "integer or boolean arrays are valid indices")
_SCALAR_TYPES = (int, float, complex, bool)
_INTP_MIN, _INTP_MAX = -2**63, 2**63 - 1


# ----- __getitem__ --------------------------------------------------------------------------------

def getitem(a, key):
    """``a[key]`` with NumPy's semantics (views for basic indexing, copies for advanced)."""
    tk = type(key)
    if tk is slice and key.step is None:
        try:
            r = a._t[key]                   # a slice keeps every dimension: always a view
        except (IndexError, TypeError, ValueError, RuntimeError, OverflowError):
            return _getitem_slow(a, key)                 # NumPy's error message
    elif tk is int:
        try:
            r = a._t[key]
        except (IndexError, TypeError, ValueError, RuntimeError, OverflowError):
            return _getitem_slow(a, key)
        if r.ndim == 0:
            return _wrap_dt(r.clone(), a._dt)            # a scalar in NumPy: a copy, not a view
    elif tk is tuple:
        nint = 0
        for k in key:
            tki = type(k)
            if tki is int:
                nint += 1
            elif tki is not slice or not (k.step is None or (type(k.step) is int and k.step > 0)):
                return _getitem_slow(a, key)
        try:
            r = a._t[key]               # too many indices: IndexError, NumPy's message below
        except (IndexError, TypeError, ValueError, RuntimeError, OverflowError):
            return _getitem_slow(a, key)
        # A slice keeps its dimension, so only an all-int key (or a[()] of a 0-d) gives a scalar;
        # checking that first saves reading r.ndim (~500 instructions) for the rest.
        if nint == len(key) and r.ndim == 0:
            return _wrap_dt(r.clone(), a._dt)
    elif tk is ndarray:
        kt = key._t
        if key._dt is torch.bool:
            # A mask over the leading dimensions (0-d too): torch's rules are NumPy's, and it
            # raises IndexError on a shape mismatch (the slow path words NumPy's message). For
            # data on the CPU torch refuses a mask on another device; elsewhere it would take a
            # CPU mask, which the device rule refuses (the slow path raises its error).
            t = a._t
            fast = t.is_cpu or kt.device == t.device
            rows = False
        else:
            # One integer array along axis 0 (``a[idx]``). torch's CPU kernel checks bounds itself
            # (no host sync; not for empty data, which the slow path checks), and refuses an index
            # on another device; the slow path words NumPy's IndexError and the device rule's
            # ValueError. Other devices check first.
            fast = key._dt in _FAST_INDEX_DTYPES and a._dt in _FAST_DATA_DTYPES and kt.ndim \
                and a._t.is_cpu and a._t.numel()
            # a 1-d key: index_select, eagerly (compiled, it could not fall back on negatives)
            rows = fast and kt.ndim == 1 and a._t.ndim != 0 and not _is_dynamo()
        if fast:
            try:                                # host-sync for a mask: torch sizes the result
                r = _k.take_rows(a._t, kt) if rows else a._t[kt]
            except (IndexError, RuntimeError, NotImplementedError):    # (a meta mask)
                return _getitem_slow(a, key)
            res = _new(ndarray)                 # convert.wrap_dt inlined
            res._t = r
            res._dt = a._dt
            res._base = None
            res._scalar = True
            return res
        return _getitem_slow(a, key)
    elif tk is list:
        return _getitem_int_list(a, key)
    else:
        return _getitem_slow(a, key)
    # A view of ``a``: ``wrap_view`` inlined (~60 ns a call).
    res = _new(ndarray)
    res._t = r
    res._dt = a._dt
    b = a._base
    res._base = a if b is None else b
    res._scalar = False
    if readonly.ANY:
        readonly.inherit(r, a._t)
    return res


def _getitem_int_list(a, key):
    """``a[[0, 2]]``: NumPy reads a list key as an array, so a non-empty list of Python ints is an
    integer index along axis 0 (torch's CPU kernel checks the bounds, unless the data is empty).
    Other lists (bools, nested, numbers of other types), empty data and other devices take the
    slow path."""
    t = a._t
    if not key or not t.is_cpu or a._dt not in _FAST_DATA_DTYPES or not t.numel():
        return _getitem_slow(a, key)
    for k in key:
        if type(k) is not int:
            return _getitem_slow(a, key)
    try:
        r = t[key if _is_dynamo() else _k.int64_of_ints(key)]    # Dynamo: no frombuffer
    except (IndexError, RuntimeError, OverflowError):   # out of bounds, 0-d, beyond int64
        return _getitem_slow(a, key)
    return _wrap_dt(r, a._dt)


# (torch reads uint8 index tensors as masks, so uint8 keys take the slow path.)
_FAST_INDEX_DTYPES = frozenset({torch.int64, torch.int32, torch.int16, torch.int8})
# torch: index kernels are missing for uint16/32/64 data; the slow path widens those.
_FAST_DATA_DTYPES = frozenset(_dtypes.ALL_TORCH_DTYPES) - _k.FEW_KERNELS


def _getitem_slow(a, key):
    """The general path. getitem's fast paths fall back to it from their ``except`` branch: an
    error raised here is NumPy's, so it hides the torch error it would be chained to."""
    try:
        return _getitem_general(a, key)
    except (IndexError, TypeError, ValueError) as e:
        e.__suppress_context__ = True
        raise


def _getitem_general(a, key):
    t = a._t
    if _is_full_mask(t, key):
        # host-sync: boolean mask (torch sizes the result)
        return _wrap(t[convert.on_device(key, t.device)])
    ix = _parse(t, key)
    view = ix.view
    if ix.adv is None:
        if ix.neg:
            # torch: no negative strides, so a negative-step slice is a copy (docs/differences.md)
            return _wrap(_k.flip(view, ix.neg))
        if ix.scalar:
            return _wrap(view.clone())
        if a._scalar and t.ndim == 0:           # s[...] of a scalar: a new 0-d array, as NumPy
            return convert.wrap_array(view.clone())
        return _wrap_view(view, a)
    if ix.neg:
        view = _k.flip(view, ix.neg)                 # advanced indexing copies anyway
    dims, idx = ix.adv_dims, ix.broadcast_indices()
    rest = [d for d in range(view.ndim) if d not in dims]
    r = view.permute(dims + rest)[tuple(idx)]
    if _k.same_storage(r, t):
        r = r.clone()                            # torch: 0-d index tensors may select a view
    r = ix.to_result_layout(r)
    if ix.ell and r.ndim == 0:      # a[..., array(0)] of 1-d: NumPy's 0-d array, not a scalar
        return convert.wrap_array(r)
    return _wrap(r)


def _is_bool_scalar(key):
    """A boolean key of no dimensions (``True``, ``numpy.True_``, a 0-d boolean array): the full
    mask of a 0-d array."""
    return type(key) is bool or isinstance(key, numpy.bool_) or (
        isinstance(key, (ndarray, numpy.ndarray)) and key.ndim == 0 and key.dtype == numpy.bool_)


def _is_full_mask(t, key):
    """Whether ``key`` is a single boolean array with the array's shape (the ``a[a > 0]`` case)."""
    kt = type(key)
    if kt is ndarray:
        return key._dt is torch.bool and key._t.shape == t.shape and t.ndim > 0
    if kt is numpy.ndarray:
        return key.dtype == numpy.bool_ and key.shape == tuple(t.shape) and t.ndim > 0
    if kt is torch.Tensor:
        return key.dtype is torch.bool and key.shape == t.shape and t.ndim > 0
    return False


# ----- parsing a key ------------------------------------------------------------------------------

class _Index:
    """A parsed key: the basic view of the array and the advanced indices applied to it."""
    __slots__ = ("view", "neg", "scalar", "ell", "adv", "adv_dims", "adv_axes", "adjacent",
                 "bshape")

    def broadcast_indices(self, check=True):
        """The advanced index tensors, bounds-checked (unless ``check`` is false: assignments check
        after converting the value, as NumPy) and broadcast together."""
        idx = [i for _, i in self.adv]
        shapes = [tuple(i.shape) for i in idx]
        try:
            bshape = convert.broadcast_shapes(shapes)
        except ValueError:
            raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                             "with shapes " + "".join(f"{s} " for s in shapes)) from None
        self.bshape = tuple(bshape)
        if check:
            self.check_bounds(idx)
        return [i.expand(bshape) for i in idx]

    def check_bounds(self, idx, zero_d_only=False):
        """IndexError with NumPy's message when an index in ``idx`` is out of range; of an empty
        selection (or with ``zero_d_only``) only the 0-d indices, which NumPy takes as ints
        (``a[False, array(0)]``)."""
        if not self.adv_axes:
            return
        sizes = [self.view.shape[d] for d in self.adv_dims]
        if _prod(self.bshape) and not zero_d_only:
            _check_bounds(idx, sizes, self.adv_axes)
            return
        zero_d = [(i, n, ax) for i, n, ax in zip(idx, sizes, self.adv_axes) if i.ndim == 0]
        if zero_d:
            _check_bounds(*(list(c) for c in zip(*zero_d)))

    def result_shape(self):
        rest = [self.view.shape[d] for d in range(self.view.ndim) if d not in self.adv_dims]
        p = self.adv_dims[0] if self.adjacent else 0
        return tuple(rest[:p]) + self.bshape + tuple(rest[p:])

    def to_result_layout(self, r):
        """From (broadcast dims, other dims) to NumPy's placement of the broadcast dims."""
        p = self.adv_dims[0]
        if self.adjacent and p:
            b = len(self.bshape)
            r = r.movedim(tuple(range(b)), tuple(range(p, p + b)))
        return r

    def to_front_layout(self, v):
        p = self.adv_dims[0]
        if self.adjacent and p:
            b = len(self.bshape)
            v = v.movedim(tuple(range(p, p + b)), tuple(range(b)))
        return v

    def result_dims_of_view_dims(self, vdims):
        """Where non-advanced dims of the view land in the result."""
        rest = [d for d in range(self.view.ndim) if d not in self.adv_dims]
        p = self.adv_dims[0] if self.adjacent else 0
        b = len(self.bshape)
        out = []
        for d in vdims:
            j = rest.index(d)
            out.append(j + b if j >= p else j)
        return out


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _check_bounds(idx, sizes, axes):
    """IndexError with NumPy's message when an index is out of range (one host sync in all)."""
    checks = [(i, n, ax) for i, n, ax in zip(idx, sizes, axes) if i.numel() and ax is not None]
    if not checks:
        return
    # host-sync: NumPy raises IndexError for an index out of bounds (one read for all indices)
    ranges = torch.stack([torch.stack(torch.aminmax(i)) for i, _, _ in checks]).tolist()
    for (i, n, ax), (lo, hi) in zip(checks, ranges):
        if lo < -n or hi >= n:
            flat = i.reshape(-1)
            pos = ((flat < -n) | (flat >= n)).nonzero()[0, 0]
            value = int(flat[pos])               # host-sync: the offending index, for the message
            raise IndexError(f"index {value} is out of bounds for axis {ax} with size {n}")


def _classify(k, t):
    """(kind, value) of one index item of tensor ``t``: 'new', 'ell', 'slice', 'int', 'arr' or
    'bool'; index arrays on ``t``'s device (``convert``'s device rule)."""
    if k is None:
        return "new", None
    if k is Ellipsis:
        return "ell", None
    tk = type(k)
    if tk is slice:
        return "slice", _check_slice(k)
    if tk is int:
        return "int", k
    if tk is bool or tk is numpy.bool_:
        return "bool", torch.tensor(bool(k), device=t.device)
    if isinstance(k, numpy.integer):
        return "int", int(k)
    if tk is ndarray or isinstance(k, (ndarray, torch.Tensor, numpy.ndarray)):
        return _classify_array(convert.on_device(k, t.device),
                               "arrays used as indices must be of integer (or boolean) type")
    if tk is list or tk is tuple:
        return _classify_sequence(k, t.device)
    if isinstance(k, (float, complex, numpy.inexact, str, bytes)):
        raise IndexError(_INVALID_INDEX)
    if hasattr(k, "__index__"):
        return "int", operator.index(k)
    raise IndexError(_INVALID_INDEX)


def _classify_array(t, float_message):
    dt = t.dtype
    if dt is torch.bool:
        return "bool", t
    if dt not in _dtypes.INTEGER_DTYPES:
        raise IndexError(float_message)
    return "arr", t if dt is torch.int64 else t.to(torch.int64)   # 0-d too: advanced (a copy)


def _classify_sequence(k, device):
    if convert._holds_arrays(k):
        t = convert.on_device(k, device)
    else:
        host = numpy.asarray(k)
        if host.size == 0 and host.dtype.kind == "f":
            host = host.astype(numpy.intp)       # an empty list is an empty integer index
        if host.dtype.kind not in "biu":
            raise IndexError(_INVALID_INDEX)
        t = convert.on_device(host, device)
    return _classify_array(t, _INVALID_INDEX)


def _check_slice(s):
    start, stop, step = s.start, s.stop, s.step
    try:
        start = None if start is None else operator.index(start)
        stop = None if stop is None else operator.index(stop)
        step = None if step is None else operator.index(step)
    except TypeError:
        raise TypeError("slice indices must be integers or None or have an __index__ method") from None
    if step == 0:
        raise ValueError("slice step cannot be zero")
    return slice(start, stop, step)


def _parse(t, key):
    if type(key) is not tuple:
        key = (key,)
    items = [_classify(k, t) for k in key]
    ndim = t.ndim
    consumed = 0
    n_ell = 0
    has_adv = False
    for kind, val in items:
        if kind == "int" or kind == "slice" or kind == "arr":
            consumed += 1
        elif kind == "bool":
            consumed += val.ndim
        elif kind == "ell":
            n_ell += 1
        if kind == "arr" or kind == "bool":
            has_adv = True
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if consumed > ndim:
        raise IndexError(f"too many indices for array: array is {ndim}-dimensional, but "
                         f"{consumed} were indexed")
    fill = [("slice", slice(None))] * (ndim - consumed)
    scalar = n_ell == 0 and consumed == ndim and all(kind == "int" for kind, _ in items)
    gap = None          # where an Ellipsis of no dimensions was: it still parts advanced indices
    if n_ell:
        e = next(i for i, (kind, _) in enumerate(items) if kind == "ell")
        items[e:e + 1] = fill
        if not fill:
            gap = e
    else:
        items += fill

    shape = t.shape
    tkey = []
    adv = []            # (view dim, index tensor)
    adv_axes = []       # the array's axis each index refers to (None: a 0-d boolean's new axis)
    adv_pos = []        # positions in the key, for NumPy's adjacency rule
    neg = []
    vdim = 0
    axis = 0
    for pos, (kind, val) in enumerate(items):
        if gap is not None and pos >= gap:
            pos += 1
        if kind == "new":
            tkey.append(None)
            vdim += 1
        elif kind == "slice":
            start, stop, step = val.indices(shape[axis])
            if step > 0:
                tkey.append(slice(start, stop, step))
            else:
                m = len(range(start, stop, step))
                if m == 0:
                    tkey.append(slice(0, 0))
                else:
                    tkey.append(slice(start + (m - 1) * step, start + 1, -step))
                    neg.append(vdim)
            vdim += 1
            axis += 1
        elif kind == "int":
            n = shape[axis]
            if not -n <= val < n:
                if not _INTP_MIN <= val <= _INTP_MAX:
                    raise IndexError(_INVALID_INDEX)
                raise IndexError(f"index {val} is out of bounds for axis {axis} with size {n}")
            if has_adv:
                tkey.append(slice(None))
                adv.append((vdim, torch.tensor(val, device=t.device)))
                adv_axes.append(None)        # already checked
                adv_pos.append(pos)
                vdim += 1
            else:
                tkey.append(val)
            axis += 1
        elif kind == "arr":
            tkey.append(slice(None))
            adv.append((vdim, val))
            adv_axes.append(axis)
            adv_pos.append(pos)
            vdim += 1
            axis += 1
        else:  # bool
            k = val.ndim
            if k == 0:
                tkey.append(None)
                adv.append((vdim, val.reshape(1).nonzero()[:, 0]))  # host-sync: boolean index
                adv_axes.append(None)
                vdim += 1
            else:
                for j in range(k):
                    # NumPy checks only the mask's nonzero lengths: (0, 2) fits (3, 2)
                    if val.shape[j] != shape[axis + j] and val.shape[j]:
                        raise IndexError(
                            f"boolean index did not match indexed array along axis {axis + j}; "
                            f"size of axis is {shape[axis + j]} but size of corresponding boolean "
                            f"axis is {val.shape[j]}")
                tkey.extend([slice(None)] * k)
                nz = val.nonzero().unbind(1)     # host-sync: the size of a boolean selection
                for j in range(k):
                    adv.append((vdim + j, nz[j]))
                    adv_axes.append(None)        # in bounds by construction
                vdim += k
                axis += k
            adv_pos.append(pos)
    ix = _new(_Index)
    ix.view = t[tuple(tkey)] if tkey else t
    ix.neg = neg
    ix.scalar = scalar
    ix.ell = n_ell > 0
    if adv:
        ix.adv = adv
        ix.adv_dims = [d for d, _ in adv]
        ix.adv_axes = adv_axes
        ix.adjacent = adv_pos[-1] - adv_pos[0] + 1 == len(adv_pos)
    else:
        ix.adv = None
    return ix


# ----- __setitem__ --------------------------------------------------------------------------------

_BOOL = torch.bool


def setitem(a, key, value):
    """``a[key] = value`` with NumPy's casting, broadcasting and errors; writes reach the base."""
    if a._scalar and a._t.ndim == 0:          # convert.is_scalar_like inlined
        raise TypeError(f"'numpy.{a.dtype.name}' object does not support item assignment "
                        "(a 0-d result that stands for a NumPy scalar: docs/differences.md)")
    convert.check_writeable(a._t)
    tk = type(key)
    tv = type(value)
    dt = a._dt
    if (tv is float or tv is int or tv is bool) and dt is not torch.uint64:
        try:
            if tk is int or (tk is slice and key.step is None):
                a._t[key] = _scalar_value(value, dt)     # its errors too: the slow path orders them
                return
            if tk is ndarray and key._dt is _BOOL and dt not in _k.FEW_KERNELS:
                t = a._t            # a[a < 0] = 0: a full mask (~3 us less than the slow path)
                if key._t.shape == t.shape and t.ndim:
                    t.masked_fill_(key._t, _scalar_value(value, dt))
                    return
        except (IndexError, TypeError, ValueError, RuntimeError, OverflowError):
            pass                                           # NumPy's error from the slow path
    try:
        _setitem_slow(a, key, value)
    except RuntimeError as e:
        raise convert.grad_write_error(e, a._t) or e from None


def _setitem_slow(a, key, value):
    t = a._t
    dt = a._dt
    if type(key) is tuple and len(key) == 1 and (_is_full_mask(t, key[0]) or t.ndim == 0):
        key = key[0]                    # a[(mask,)] is a[mask], its value checks included
    if _is_full_mask(t, key) or (t.ndim == 0 and _is_bool_scalar(key)):
        mask = convert.on_device(key, t.device)
        if _is_scalar(value):
            _k.masked_fill_(t, mask, _scalar_value(value, dt))
            return
        vt = _value_tensor(value, dt, None, t.device)
        if vt.ndim == 0:
            _k.masked_fill_(t, mask, vt)
            return
        if vt.ndim > 1:
            raise TypeError("NumPy boolean array indexing assignment requires a 0 or 1-dimensional "
                            f"input, input has {vt.ndim} dimensions")
        if _is_dynamo():     # the count is data to Dynamo: torch's index_put checks it
            _k.index_put_(t, (mask,), _no_overlap(vt, t))
            return
        count = int(mask.sum())                    # host-sync: the size of a boolean selection
        if vt.shape[0] != count and vt.shape[0] != 1:
            raise ValueError(f"NumPy boolean array indexing assignment cannot assign {vt.shape[0]} "
                             f"input values to the {count} output values where the mask is true")
        if t.ndim == 0:         # torch: index_put_ of a 0-d tensor takes no 1-d value
            if count:
                t.copy_(vt[0])
            return
        _k.index_put_(t, (mask,), _no_overlap(vt, t).expand(count))
        return
    ix = _parse(t, key)
    view = ix.view
    if ix.adv is None:
        if ix.scalar:
            fill_items(view, value)
            return
        value = _assigned_scalar(value, dt)
        if _is_scalar(value):
            view.fill_(_scalar_value(value, dt))
            return
        vt = _broadcast_value(_value_tensor(value, dt, view.ndim, t.device), tuple(view.shape))
        if ix.neg:
            vt = _k.flip(vt, ix.neg)
        view.copy_(_no_overlap(vt, t))
        return
    try:
        dims, idx = ix.adv_dims, ix.broadcast_indices(check=False)
    except IndexError:
        if _is_scalar(value) or isinstance(value, (list, tuple)):
            _value_tensor(value, dt, None, t.device)    # NumPy converts these first: its errors
        raise
    idx_list = [i for _, i in ix.adv]
    if any(i.ndim == 0 for i in idx_list):
        # NumPy takes a 0-d integer array as an int, checked first; other indices after the value
        ix.check_bounds(idx_list, zero_d_only=True)
        idx_list = [i[None][:0] if i.ndim == 0 else i for i in idx_list]     # checked: skip them
    rest = [d for d in range(view.ndim) if d not in dims]
    target = view.permute(dims + rest)
    ints_only = all(i.ndim == 0 for _, i in ix.adv)    # 0-d integer arrays: ints to NumPy
    if ints_only:
        value = _assigned_scalar(value, dt)             # as basic indexing takes it
    if _is_scalar(value):
        vt = torch.tensor(_scalar_value(value, dt), dtype=dt, device=t.device)
    elif ints_only and not ix.ell and not rest:
        # ints and 0-d integer arrays only: NumPy takes them all as ints and sets one item
        vt = _value_tensor(value, dt, None, t.device)
        if vt.ndim:
            vt = _sequence_as_item(value, vt, dt)
        vt = _no_overlap(vt, t)
    else:
        shape = ix.result_shape()
        # NumPy converts an advanced assignment's value whole (a[[0, 1]] = [[[1, 2]]] runs); a
        # key of 0-d arrays is basic indexing, whose value has at most the view's dimensions
        vt = _value_tensor(value, dt, len(shape) if ints_only else None, t.device)
        vt = _broadcast_value(vt, shape, advanced=not ints_only)    # 0-d arrays index as ints
        if ix.neg:
            vt = _k.flip(vt, ix.result_dims_of_view_dims(ix.neg))
        vt = _no_overlap(ix.to_front_layout(vt), t)
    ix.check_bounds(idx_list)       # NumPy converts and broadcasts the value first
    # torch: index_put_ with repeated indices; serial on CPU below its grain size, so the last
    # write wins as in NumPy. (On parallel/GPU kernels the winner among duplicates is unspecified.)
    _k.index_put_(target, tuple(idx), vt)


def fill_items(t, value):
    """Set every element of tensor ``t`` to ``value`` as NumPy sets one item (``a[i] = value``,
    ``a.fill(value)``): scalars converted as below, a 0-d array cast unsafely; ValueError for a
    sequence (of any length, as NumPy)."""
    dt = t.dtype
    value = _assigned_scalar(value, dt)
    if _is_scalar(value):
        t.fill_(_scalar_value(value, dt))
        return
    vt = _value_tensor(value, dt, None, t.device)
    if vt.ndim:
        vt = _sequence_as_item(value, vt, dt)
    t.copy_(_no_overlap(vt, t))


def _sequence_as_item(value, vt, dt):
    """A sequence assigned to one item (``vt``: it as a tensor of ``dt``), as NumPy's per-dtype
    setitem takes it: a bool item its truth value, other dtypes raise their own errors."""
    array = isinstance(value, (ndarray, numpy.ndarray, torch.Tensor))
    if dt is torch.bool:
        if not array:
            return torch.tensor(bool(value), device=vt.device)
        if vt.numel() == 1:
            return vt.reshape(())
    elif dt.is_complex:
        raise TypeError("only 0-dimensional arrays can be converted to Python scalars" if array
                        else f"must be real number, not {type(value).__name__}")
    elif dt in _dtypes.INTEGER_DTYPES and not array:
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        f"not '{type(value).__name__}'")
    raise ValueError("setting an array element with a sequence.")


def _assigned_scalar(value, dt):
    """``value`` as one item takes it: a NumPy scalar, or a 0-d result that stands for one,
    converted by ``_generic_value``; anything else unchanged."""
    if isinstance(value, numpy.generic):
        return _generic_value(value, dt)
    if type(value) is ndarray and value._scalar and value._t.ndim == 0 and \
            dt in _SIGNED_INT_DTYPES:
        # host-sync: NumPy checks a scalar's value as a Python int (its OverflowError)
        return _generic_value(value, dt)
    return value


def _generic_value(value, dt):
    """A NumPy scalar (or a 0-d torchnp result that stands for one) assigned by basic indexing or
    ``fill``: a signed integer target takes it as a Python int (its real part; ValueError for
    nan, OverflowError out of range, as NumPy); other targets cast it as a 0-d array (unsigned
    ones wrap around, as C's cast does)."""
    if dt not in _SIGNED_INT_DTYPES:
        return value
    if value.dtype.kind == "c":
        warnings.warn("Casting complex values to real discards the imaginary part",
                      numpy.exceptions.ComplexWarning, stacklevel=4)
        value = value.real
    return value.item()     # host-data: a NumPy scalar (a 0-d result's read: see the caller)


_SIGNED_INT_DTYPES = _dtypes.INTEGER_DTYPES - _dtypes.UNSIGNED_DTYPES


def _is_scalar(value):
    tv = type(value)
    return tv is float or tv is int or tv is bool or tv is complex


def _scalar_value(v, dt):
    """A Python scalar converted for an array of dtype ``dt`` as NumPy's setitem does."""
    tv = type(v)
    if dt is torch.bool:
        return bool(v)
    if dt.is_floating_point:
        if tv is complex:
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        if tv is int and not _INTP_MIN <= v <= _INTP_MAX:
            try:
                v = float(v)                     # torch: fill_ takes ints up to int64 only
            except OverflowError:
                raise OverflowError("int too large to convert to float") from None
        m = _NARROW_FLOAT_MAX.get(dt)
        return v if m is None or -m <= v <= m or v != v else _narrow_float(v, dt)
    if dt.is_complex:
        if tv is int and not _INTP_MIN <= v <= _INTP_MAX:
            try:
                v = complex(v)
            except OverflowError:
                raise OverflowError("int too large to convert to float") from None
        if dt is torch.complex64:
            c = complex(v)
            m = _NARROW_FLOAT_MAX[torch.float32]
            if not (-m <= c.real <= m or c.real != c.real) or \
                    not (-m <= c.imag <= m or c.imag != c.imag):
                return complex(_narrow_float(c.real, torch.float32),
                               _narrow_float(c.imag, torch.float32))
        return v
    if tv is float:
        v = int(v)       # ValueError for nan, OverflowError for inf: Python's messages are NumPy's
    elif tv is complex:
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        "not 'complex'")
    elif tv is bool:
        return int(v)
    return promotion.weak_value(v, dt)         # NumPy's OverflowError for an int dt cannot hold


# torch: fill_ / tensor() refuse Python numbers beyond float16 / float32's range ("cannot be
# converted ... without overflow"); NumPy's cast rounds them (to inf, or to max when close).
_NARROW_FLOAT_MAX = {torch.float16: 65504.0, torch.float32: float(torch.finfo(torch.float32).max)}


def _narrow_float(v, dt):
    """A Python float beyond float16 / float32's range as NumPy casts it (inf or the max)."""
    with numpy.errstate(over="ignore"):
        return float(numpy.asarray(v, dtype=_dtypes.to_numpy_dtype(dt)))


def _value_tensor(value, dt, max_ndim, device):
    """The value of an assignment as a tensor of ``dt`` on ``device``, the array's (NumPy's
    unsafe setitem cast; ``convert``'s device rule)."""
    if type(value) is ndarray or isinstance(value, (ndarray, torch.Tensor)):
        vt = convert.on_device(value, device)
    elif isinstance(value, numpy.ndarray):
        vt = convert.numpy_to_tensor(value)
    elif isinstance(value, numpy.generic):
        vt = convert.numpy_to_tensor(numpy.asarray(value))
    elif _is_scalar(value):
        return torch.tensor(_scalar_value(value, dt), dtype=dt, device=device)
    elif isinstance(value, (list, tuple)) and not convert._holds_arrays(value):
        host = numpy.asarray(value)
        if max_ndim is not None and host.ndim > max_ndim:
            raise ValueError("setting an array element with a sequence. The requested array would "
                             f"exceed the maximum number of dimension of {max_ndim}.")
        # NumPy converts the list with the array's dtype: its OverflowError / TypeError on bad items
        host = numpy.asarray(value, dtype=_dtypes.to_numpy_dtype(dt))
        vt = convert.numpy_to_tensor(host)
    else:
        vt = convert.on_device(value, device)
    return _cast_value(vt, dt).to(device)           # (host data: to the array's device)


def _cast_value(vt, dt):
    if vt.dtype is dt:
        return vt
    if dt is torch.bool:
        return vt != 0                 # complex too: nonzero in either part, and no warning
    if vt.is_complex() and not dt.is_complex:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      numpy.exceptions.ComplexWarning, stacklevel=4)
        vt = vt.real
    return vt.to(dt)


def _broadcast_value(vt, shape, advanced=False):
    vs = given = tuple(vt.shape)
    if vs == shape:
        return vt
    if advanced and len(vs) > len(shape):
        # NumPy reshapes the value to its trailing dims when the sizes agree (an empty value too)
        trailing = vs[len(vs) - len(shape):]
        if vt.numel() == math.prod(trailing):
            vt = vt.reshape(trailing)
            vs = trailing
    while len(vs) > len(shape) and vs[0] == 1:
        vt = vt[0]
        vs = vs[1:]
    ok = len(vs) <= len(shape) and all(v == s or v == 1 for v, s in zip(vs[::-1], shape[::-1]))
    if not ok:
        if advanced:
            raise ValueError("shape mismatch: value array of shape "
                             f"{convert.shape_text(given)} could not be broadcast to indexing "
                             f"result of shape {convert.shape_text(shape)}")
        raise ValueError("could not broadcast input array from shape "     # leading 1s dropped
                         f"{convert.shape_text(vt.shape)} into shape {convert.shape_text(shape)}")
    return vt.expand(shape)


def _no_overlap(vt, t):
    """``vt``, copied when it shares memory with ``t`` (NumPy buffers overlapping assignments)."""
    if vt.device == t.device and _k.same_storage(vt, t):
        return vt.clone()
    return vt


# ----- iteration ----------------------------------------------------------------------------------

def array_iter(a):
    """``iter(a)``: the sub-arrays along the first axis (0-d copies for a 1-d array)."""
    t = a._t
    if t.ndim == 0:
        raise TypeError("iteration over a 0-d array")
    return _iter_rows(a, t)


def _iter_rows(a, t):
    if t.ndim == 1:
        for r in t.unbind(0):
            yield _wrap(r.clone())
    else:
        for r in t.unbind(0):
            yield _wrap_view(r, a)


class flatiter:
    """A flat iterator over an array: ``a.flat``.

    torchnp implementation of :class:`numpy.flatiter`. Indexing returns copies, as in NumPy;
    assignment writes the array, repeating the values if there are fewer than the selected items.
    """
    __slots__ = ("_a", "_i")

    def __init__(self, a):
        if a._scalar and a._t.ndim == 0:     # NumPy: a scalar's flat iterates a 0-d array copy
            a = convert.wrap_array(a._t.clone())
        self._a = a
        self._i = 0

    @property
    def base(self):
        return self._a

    @property
    def index(self):
        return self._i

    @property
    def coords(self):
        shape = self._a.shape
        i = self._i
        out = []
        for n in reversed(shape):
            out.append(i % n if n else 0)
            i = i // n if n else 0
        return tuple(reversed(out))

    def __len__(self):
        return self._a._t.numel()

    def __iter__(self):
        return self

    def __next__(self):
        t = self._a._t
        if self._i >= t.numel():
            raise StopIteration
        r = _wrap(t.reshape(-1)[self._i].clone())
        self._i += 1
        return r

    def _flat(self):
        return _wrap(self._a._t.reshape(-1))

    def __getitem__(self, key):
        n = self._a._t.numel()
        if type(key) is tuple and len(key) > 1:
            raise IndexError("too many indices for flat iterator: flat iterator is 1-dimensional, "
                             f"but {len(key)} were indexed")
        if type(key) is int and not -n <= key < n:
            raise IndexError(f"index {key} is out of bounds for size {n}")
        r = getitem(self._flat(), key)
        return r if r.base is None else _wrap(r._t.clone())

    def __setitem__(self, key, value):
        t = self._a._t
        convert.check_writeable(t, "underlying array is read-only")
        n = t.numel()
        if type(key) is int and not -n <= key < n:
            raise IndexError(f"index {key} is out of bounds for size {n}")
        # NumPy's order of errors: a mask's shape, then the value, then integer indices' bounds
        # (one integer: its bounds first)
        mask = isinstance(key, (ndarray, numpy.ndarray)) and key.dtype == numpy.bool_
        if _is_integer_key(key):
            positions = self._positions(key)
            vt = _flat_item(value, self._a._dt, t.device)
        else:
            positions = self._positions(key) if mask else None
            vt = _value_tensor(value, self._a._dt, None, t.device)
        if vt.numel() == 0:
            return                       # nothing to write: NumPy checks no index either
        if positions is None:
            positions = self._positions(key)
        k = positions.numel()
        vt = vt.reshape(-1)
        if vt.numel() != k:
            vt = vt[torch.arange(k, device=t.device) % vt.numel()]    # NumPy repeats the values
        try:
            if t.is_contiguous():
                _k.index_put_(t.view(-1), (positions,), _no_overlap(vt, t))
            else:
                _k.index_put_(t, _unravel(positions, tuple(t.shape)), _no_overlap(vt, t))
        except RuntimeError as e:
            raise convert.grad_write_error(e, t) or e from None

    def _positions(self, key):
        """The flat positions ``key`` selects (NumPy's IndexError for a bad key)."""
        t = self._a._t
        return getitem(_wrap(torch.arange(t.numel(), device=t.device)), key)._t.reshape(-1)

    def __array__(self, dtype=None, copy=None):
        return self.copy().__array__(dtype)

    def copy(self):
        """A copy of the iterator's array, flattened."""
        return _wrap(self._a._t.reshape(-1).clone())

    def __repr__(self):
        return f"<torchnp.flatiter object at {id(self):#x}>"


def _flat_item(value, dt, device):
    """The value of ``a.flat[i] = value`` as a 0-d tensor: converted as one item of setitem (a bool
    item takes a sequence's truth value), every conversion error NumPy's ValueError."""
    try:
        value = _assigned_scalar(value, dt)
        if _is_scalar(value):
            return torch.tensor(_scalar_value(value, dt), dtype=dt, device=device)
        vt = _value_tensor(value, dt, None, device)
        return _sequence_as_item(value, vt, dt) if vt.ndim else vt
    except (TypeError, ValueError, OverflowError):
        raise ValueError("Error setting single item of array.") from None


def _is_integer_key(key):
    """An int, NumPy integer or 0-d integer array: a flat iterator takes it as one position."""
    if type(key) is int or isinstance(key, numpy.integer):
        return True
    if isinstance(key, (ndarray, numpy.ndarray)):
        return key.ndim == 0 and key.dtype.kind in "iu"
    return False


def _unravel(flat, shape):
    coords = []
    for n in reversed(shape):
        coords.append(flat % n)
        flat = flat // n
    return tuple(reversed(coords))
