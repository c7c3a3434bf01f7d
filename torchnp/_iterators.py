"""Iterating over arrays: ``broadcast``, ``nditer`` (a documented subset) and ``nested_iters``.

torchnp implementations of NumPy's iterator classes. They walk the elements in Python, one
element per step; each step indexes the operands' tensors on their device (a 0-d view or copy),
so iteration reads no values back to the host. What ``nditer`` leaves out (buffered writes,
external loops, ``op_axes``, ...) raises ``NotImplementedError`` naming it (docs/differences.md).
"""
from torchnp import _creation
from torchnp._core import convert, promotion
from torchnp._core import dtypes as _dtypes
from torchnp._core.indexing import flatiter

_MAXARGS = 64       # NumPy's NPY_MAXARGS


def _unravel(i, shape):
    """The C-order multi-index of flat position ``i`` in ``shape``."""
    out = []
    for n in reversed(shape):
        i, r = divmod(i, n)
        out.append(r)
    return tuple(reversed(out))


def _size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def _broadcast_shape(shapes):
    """NumPy's broadcast of ``shapes``, with the message of ``numpy.broadcast``."""
    try:
        return convert.broadcast_shapes(shapes)
    except ValueError:
        pass
    res = ()
    for i, s in enumerate(shapes):
        try:
            res = convert.broadcast_shapes([res, s])
        except ValueError:
            j = next(j for j in range(i) if _clash(shapes[j], s))
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                             f"Mismatch is between arg {j} with shape {shapes[j]} and arg {i} "
                             f"with shape {s}.") from None
    return res


def _clash(s1, s2):
    try:
        convert.broadcast_shapes([s1, s2])
    except ValueError:
        return True
    return False


# ----- broadcast ----------------------------------------------------------------------------------

class broadcast:
    """An object that mimics broadcasting: iterating it yields tuples of the broadcast elements.

    torchnp implementation of :class:`numpy.broadcast`. The elements are 0-d arrays standing for
    NumPy's scalars (docs/differences.md). ``iters`` are flat iterators over the broadcast views,
    positioned where the broadcast object is; advancing one of them does not move the others.
    """
    __slots__ = ("_arrays", "_ts", "_shape", "_size", "_i")

    def __init__(self, *args):
        if len(args) > _MAXARGS:
            raise ValueError(f"Need at least 0 and at most {_MAXARGS} array objects.")
        arrays = []
        for a in args:
            arrays.extend(a._arrays if isinstance(a, broadcast) else (_creation.asarray(a),))
        if len(arrays) > _MAXARGS:
            raise ValueError(f"Need at least 0 and at most {_MAXARGS} array objects.")
        self._shape = _broadcast_shape([a.shape for a in arrays])
        self._arrays = tuple(arrays)
        self._ts = tuple(a._t.expand(self._shape) for a in arrays)
        self._size = _size(self._shape)
        self._i = 0

    shape = property(lambda self: self._shape, doc="Shape of the broadcast result.")
    ndim = property(lambda self: len(self._shape), doc="Number of dimensions of the result.")
    nd = ndim
    size = property(lambda self: self._size, doc="Total size of the broadcast result.")
    numiter = property(lambda self: len(self._arrays), doc="Number of iterators it holds.")
    index = property(lambda self: self._i, doc="Current index in the broadcast result.")

    @property
    def iters(self):
        """Flat iterators over the broadcast views of the operands, at the current index."""
        out = []
        for a, t in zip(self._arrays, self._ts):
            it = flatiter(convert.wrap_view(t, a))
            for _ in range(self._i):
                next(it)
            out.append(it)
        return tuple(out)

    def reset(self):
        """Go back to the first element."""
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= self._size:
            raise StopIteration
        idx = _unravel(self._i, self._shape)
        self._i += 1
        return tuple(convert.wrap(t[idx].clone()) for t in self._ts)


# ----- nditer -------------------------------------------------------------------------------------

_GLOBAL_FLAGS = frozenset({
    "buffered", "c_index", "copy_if_overlap", "common_dtype", "delay_bufalloc", "external_loop",
    "f_index", "grow_inner", "multi_index", "ranged", "refs_ok", "reduce_ok", "zerosize_ok"})
_GLOBAL_UNSUPPORTED = frozenset({"external_loop", "ranged", "delay_bufalloc"})
_OP_FLAGS = frozenset({
    "readonly", "readwrite", "writeonly", "no_broadcast", "contig", "aligned", "nbo", "copy",
    "updateifcopy", "allocate", "no_subtype", "arraymask", "writemasked",
    "overlap_assume_elementwise", "virtual"})
_OP_UNSUPPORTED = frozenset({"updateifcopy", "arraymask", "writemasked", "virtual"})
_RW_FLAGS = ("readonly", "readwrite", "writeonly")


def _not_supported(what):
    return NotImplementedError(
        f"torchnp.nditer does not support {what}: it iterates element by element over views of "
        "its operands (see docs/differences.md, nditer)")


def _global_flags(flags):
    if flags is None:
        return frozenset()
    if not isinstance(flags, (list, tuple)) or not all(isinstance(f, str) for f in flags):
        raise ValueError("Iterator global flags must be a list or tuple of strings")
    for f in flags:
        if f not in _GLOBAL_FLAGS:
            raise ValueError(f'Unexpected iterator global flag "{f}"')
    flags = frozenset(flags)
    if "c_index" in flags and "f_index" in flags:
        raise ValueError("Iterator flags C_INDEX and F_INDEX cannot both be specified")
    bad = sorted(flags & _GLOBAL_UNSUPPORTED)
    if bad:
        raise _not_supported(f"the flag {bad[0]!r}")
    return flags


_OP_FLAGS_SHAPE = "op_flags must be a tuple or array of per-op flag-tuples"


def _op_flags(op_flags, ops):
    """One frozenset of per-operand flags for each operand, checked as NumPy does."""
    if op_flags is None:
        per_op = [("allocate", "writeonly") if op is None else ("readonly",) for op in ops]
    elif not isinstance(op_flags, (list, tuple)):
        raise ValueError(_OP_FLAGS_SHAPE)
    elif all(isinstance(f, str) for f in op_flags):
        per_op = [op_flags] * len(ops)
    elif len(op_flags) != len(ops) or \
            not all(isinstance(f, (list, tuple)) and all(isinstance(g, str) for g in f)
                    for f in op_flags):
        raise ValueError(_OP_FLAGS_SHAPE)
    else:
        per_op = op_flags
    out = []
    for flags in per_op:
        for f in flags:
            if f not in _OP_FLAGS:
                raise ValueError(f'Unexpected per-op iterator flag "{f}"')
        flags = frozenset(flags)
        n_rw = sum(f in flags for f in _RW_FLAGS)
        if n_rw == 0:
            raise ValueError("None of the iterator flags READWRITE, READONLY, or WRITEONLY were "
                             "specified for an operand")
        if n_rw > 1:
            raise ValueError("Only one of the iterator flags READWRITE, READONLY, and WRITEONLY "
                             "may be specified for an operand")
        bad = sorted(flags & _OP_UNSUPPORTED)
        if bad:
            raise _not_supported(f"the operand flag {bad[0]!r}")
        out.append(flags)
    return out


def _operands(op):
    """The operands as a list (a tuple or list is several operands, as in NumPy)."""
    if isinstance(op, (list, tuple)):
        if len(op) > _MAXARGS:
            raise ValueError(f"Too many operands: at most {_MAXARGS} are supported")
        return list(op)
    return [op]


def _check_order(order):
    """NumPy's ``order=``: 'C', 'F', 'A' or 'K' (None: 'K')."""
    if order is None:
        return "K"
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    if order not in ("C", "F", "A", "K"):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    return order


def _cast_error(i, src, dst, casting):
    return TypeError(f"Iterator operand {i} dtype could not be cast from "
                     f"{_dtypes.to_numpy_dtype(src)!r} to {_dtypes.to_numpy_dtype(dst)!r} "
                     f"according to the rule {casting!r}")


def _k_order(axes, strides):
    """NumPy's memory order ('K') of ``axes`` (outermost first) from each operand's strides over
    them (0 where an operand is broadcast): an insertion sort that moves an axis inwards past the
    axes with larger strides, where the operands agree; C order where they do not."""
    inner_first = list(reversed(axes))
    for i0 in range(1, len(inner_first)):
        ax0 = inner_first[i0]
        pos = i0
        for i1 in range(i0 - 1, -1, -1):
            ax1 = inner_first[i1]
            ambiguous, swap = True, False
            for s in strides:
                if s[ax0] != 0 and s[ax1] != 0:
                    if abs(s[ax1]) <= abs(s[ax0]):
                        swap = False
                    elif ambiguous:
                        swap = True
                    ambiguous = False
            if not ambiguous:
                if swap:
                    pos = i1
                else:
                    break
        if pos != i0:
            inner_first.insert(pos, inner_first.pop(i0))
    return tuple(reversed(inner_first))


def _strides_over(t, shape):
    """``t``'s element strides over the broadcast ``shape`` (0 where broadcast or of size 1)."""
    pad = len(shape) - t.ndim
    own = (0,) * pad + tuple(t.stride())
    dims = (1,) * pad + tuple(t.shape)
    return tuple(0 if n == 1 else s for n, s in zip(dims, own))


def _index_strides(shape, fortran):
    """Element strides of a C- (or F-) contiguous array of ``shape``: the c_index / f_index."""
    strides, acc = [0] * len(shape), 1
    for ax in (range(len(shape)) if fortran else reversed(range(len(shape)))):
        strides[ax] = acc if shape[ax] != 1 else 0
        acc *= shape[ax]
    return tuple(strides)


class nditer:
    """An efficient multi-dimensional iterator object to iterate over arrays: a subset.

    torchnp implementation of :class:`numpy.nditer`. Supported: one or more operands broadcast
    together; ``flags`` multi_index, c_index, f_index, zerosize_ok, refs_ok, buffered,
    common_dtype, grow_inner, reduce_ok, copy_if_overlap; ``op_flags`` readonly, readwrite,
    writeonly, allocate (``None`` operands), copy, no_broadcast and the layout hints; ``op_dtypes``
    and ``casting`` for read-only operands (cast copies, as NumPy's buffering gives); ``order``.

    Differences from NumPy: each value is a 0-d view of its operand, writable for a writeable
    operand even under the ``readonly`` op flag; external_loop, ranged, delay_bufalloc, ``op_axes``,
    ``itershape``, and writing through a cast raise NotImplementedError (docs/differences.md).
    """

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", op_axes=None, itershape=None, buffersize=0):
        ops = _operands(op)
        convert.operator_index(buffersize)          # NumPy's TypeError; torch needs no buffer
        if op_axes is not None:
            if not isinstance(op_axes, (list, tuple)) or len(op_axes) != len(ops):
                raise ValueError("op_axes must be a tuple/list matching the number of ops")
            raise _not_supported("op_axes")
        gflags = _global_flags(flags)
        shared = _Operands(ops, gflags, _op_flags(op_flags, ops), op_dtypes, casting)
        if itershape is not None and convert.shape_tuple(itershape) != shared.bshape:
            raise _not_supported("an itershape other than the operands' broadcast shape")
        _start(self, shared, gflags, order, range(len(shared.bshape)), None)

    # ----- position -----------------------------------------------------------------------------
    def _check_open(self):
        if self._closed:
            raise ValueError("Iterator is closed")

    def _check_live(self):
        self._check_open()
        if self._finished:
            raise ValueError("Iterator is past the end")

    def _full_index(self):
        """The current multi-index over the broadcast shape (outer iterators' axes included)."""
        idx = list(self._outer._full_index()) if self._outer is not None else \
            [0] * len(self._bshape)
        for ax, i in zip(self._axes, self._pos_index):
            idx[ax] = i
        return tuple(idx)

    def _goto(self, pos):
        self._pos = pos
        self._finished = pos >= self._size
        walk = self._walk_shape
        own = _unravel(pos, walk) if not self._finished and walk else (0,) * len(walk)
        by_axis = dict(zip(self._walk, own))
        self._pos_index = tuple(by_axis[ax] for ax in self._axes)
        if self._inner is not None:
            self._inner.reset()

    def iternext(self):
        """Advance to the next element; False once past the end."""
        self._check_open()
        if self._finished:
            return False
        self._goto(self._pos + 1)
        return not self._finished

    def reset(self):
        """Go back to the first element."""
        self._check_open()
        self._started = False
        self._goto(0)

    def __iter__(self):
        return self

    def __next__(self):
        self._check_open()
        if self._finished:
            raise StopIteration
        if self._started and not self.iternext():
            raise StopIteration
        self._started = True
        return self.value

    def __len__(self):
        return len(self._ops.ts)        # NumPy: the sequence of the current operand values

    # ----- values -------------------------------------------------------------------------------
    def _values(self):
        idx = self._full_index()
        return tuple(convert.wrap_view(t[idx], a) for t, a in zip(self._ops.ts, self._ops.views_of))

    @property
    def value(self):
        """The current element of each operand (one 0-d array, or a tuple of them)."""
        self._check_live()
        vals = self._values()
        return vals[0] if len(vals) == 1 else vals

    def __getitem__(self, i):
        self._check_live()
        return self._values()[i]

    @property
    def operands(self):
        """The operands (allocated ones included)."""
        self._check_open()
        return tuple(self._ops.arrays)

    @property
    def dtypes(self):
        return tuple(_dtypes.to_numpy_dtype(t.dtype) for t in self._ops.ts)

    @property
    def nop(self):
        return len(self._ops.ts)

    @property
    def itersize(self):
        return self._size

    @property
    def iterindex(self):
        self._check_live()
        return self._pos

    @iterindex.setter
    def iterindex(self, value):
        value = convert.operator_index(value)
        if not 0 <= value < self._size:
            raise IndexError("Iterator GotoIterIndex called with an iterindex outside the "
                             "iteration range.")
        self._goto(value)

    @property
    def finished(self):
        return self._finished

    @property
    def has_multi_index(self):
        return self._multi

    @property
    def has_index(self):
        return self._index_kind is not None

    @property
    def multi_index(self):
        """The current multi-index (over this iterator's axes)."""
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        self._check_live()
        return self._pos_index

    @property
    def index(self):
        """The current C- or Fortran-order flat index (``c_index`` / ``f_index``)."""
        if self._index_kind is None:
            raise ValueError("Iterator does not have an index")
        self._check_live()
        strides = _index_strides([self._bshape[ax] for ax in self._axes],
                                 self._index_kind == "f")
        return sum(i * s for i, s in zip(self._pos_index, strides))

    @property
    def shape(self):
        """The iterator's shape: the broadcast shape with a multi-index, else the coalesced
        dimensions from the innermost out (as NumPy reports them)."""
        self._check_live()
        if self._multi:
            return tuple(self._bshape[ax] for ax in self._axes)
        return self._coalesced()

    @property
    def ndim(self):
        return len(self._axes) if self._multi else len(self._coalesced())

    def _coalesced(self):
        inner_first = list(reversed(self._walk))
        strides = list(self._ops.strides)
        if self._index_kind is not None:
            strides.append(_index_strides(self._bshape, self._index_kind == "f"))
        dims = []           # [(size, per-operand stride)] from the innermost out
        for ax in inner_first:
            n = self._bshape[ax]
            cur = [s[ax] for s in strides]
            if dims:
                n0, s0 = dims[-1]
                if all((n0 == 1 and a == 0) or (n == 1 and b == 0) or a * n0 == b
                       for a, b in zip(s0, cur)):
                    dims[-1] = (n0 * n, [a if n0 != 1 else b for a, b in zip(s0, cur)])
                    continue
            dims.append((n, cur))
        return tuple(n for n, _ in dims)

    def remove_multi_index(self):
        """Stop tracking the multi-index."""
        self._multi = False

    def enable_external_loop(self):
        raise _not_supported("the external loop")

    def copy(self):
        """An independent copy of the iterator, at the same position."""
        new = object.__new__(nditer)
        new.__dict__.update(self.__dict__)
        return new

    def close(self):
        """Release the operands; the iterator cannot be used afterwards."""
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Operands:
    """What the iterators of one ``nditer`` or ``nested_iters`` call share: the operands (with
    the allocated ones), the tensors iterated (cast copies where asked, expanded to the broadcast
    shape), each operand's strides over that shape, and the broadcast shape."""
    __slots__ = ("arrays", "views_of", "ts", "strides", "bshape")

    def __init__(self, ops, flags, per_op, op_dtypes, casting):
        promotion.check_casting(casting)
        if not ops:
            raise ValueError("Must provide at least one operand")
        dts = _op_dtypes(op_dtypes, len(ops))
        arrays = [None if op is None else _creation.asarray(op) for op in ops]
        if any(a is None and "allocate" not in f for a, f in zip(arrays, per_op)):
            raise ValueError("Iterator operand was NULL, but neither the ALLOCATE nor the VIRTUAL "
                             "flag was specified")
        bshape = _broadcast_shape([a.shape for a in arrays if a is not None])
        inputs = [a for a in arrays if a is not None]
        for i, a in enumerate(arrays):
            if a is None:
                dt = dts[i] or (promotion.result_dtype([b._dt for b in inputs]) if inputs else None)
                if dt is None:
                    raise TypeError("no arrays or types available to calculate result type")
                arrays[i] = _creation.empty(bshape, dtype=_dtypes.to_numpy_dtype(dt),
                                            device=inputs[0].device if inputs else None)
        if "common_dtype" in flags:
            common = promotion.result_dtype([a._dt for a in arrays])
            dts = [d or common for d in dts]
        if _size(bshape) == 0 and "zerosize_ok" not in flags:
            raise ValueError("Iteration of zero-sized operands is not enabled")
        self.arrays, self.views_of, self.ts = arrays, [], []
        for i, (a, f) in enumerate(zip(arrays, per_op)):
            t = _operand_tensor(i, a, f, dts[i], flags, casting, bshape)
            self.views_of.append(a if t.dtype is a._dt else convert.wrap_array(t))
            self.ts.append(t.expand(bshape))
        self.strides = [_strides_over(a._t, bshape) for a in arrays]
        self.bshape = bshape


def _op_dtypes(op_dtypes, nop):
    if op_dtypes is None:
        return [None] * nop
    if not isinstance(op_dtypes, (list, tuple)):
        op_dtypes = [op_dtypes]
    if len(op_dtypes) != nop:
        if nop == 1:            # NumPy reads the sequence as one (structured) dtype
            _dtypes.to_torch_dtype(op_dtypes)
        raise ValueError("op_dtypes must be a tuple/list matching the number of ops")
    return [None if d is None else _dtypes.to_torch_dtype(d) for d in op_dtypes]


def _start(it, ops, flags, order, axes, outer):
    """Set up nditer ``it`` over ``axes`` of the shared operands ``ops`` (an _Operands); an
    iterator of ``nested_iters`` has the ``outer`` one whose position fixes the other axes."""
    order = _check_order(order)
    it._ops = ops
    it._bshape, it._axes, it._outer, it._inner = ops.bshape, tuple(axes), outer, None
    it._walk = _walk_order(it._axes, order, ops.strides, ops.arrays)
    it._walk_shape = tuple(ops.bshape[ax] for ax in it._walk)
    it._size = _size(it._walk_shape)
    it._multi = "multi_index" in flags
    it._index_kind = "c" if "c_index" in flags else ("f" if "f_index" in flags else None)
    it._closed = False
    it._started = False
    it._goto(0)


def _operand_tensor(i, a, flags, dt, global_flags, casting, bshape):
    """Operand ``i``'s tensor as iterated: itself (writes reach it), or a cast copy."""
    writes = "readonly" not in flags
    if writes:
        convert.check_writeable(a._t, "operand array with iterator write flag set is read-only")
    if writes and tuple(a.shape) != tuple(bshape):
        raise ValueError("output operand requires a reduction, but reduction is not enabled: "
                         f"operand {i} of shape {a.shape} does not match the broadcast shape "
                         f"{bshape}")
    if "no_broadcast" in flags and tuple(a.shape) != tuple(bshape):
        raise ValueError(f"non-broadcastable operand with shape {a.shape} doesn't match the "
                         f"broadcast shape {bshape}")
    t = a._t
    if dt is None or dt is t.dtype:
        return t
    if not promotion.can_cast_dtype(t.dtype, dt, casting):
        raise _cast_error(i, t.dtype, dt, casting)
    if "buffered" not in global_flags and "copy" not in flags:
        raise TypeError("Iterator operand required copying or buffering, but neither copying nor "
                        "buffering was enabled")
    if writes:
        raise _not_supported("writing through a cast (a buffered or copied writable operand)")
    return convert.cast_tensor(t, dt)


def _walk_order(axes, order, strides, arrays):
    """The axes in the order the iterator walks them, outermost first."""
    if order == "A":
        order = "F" if all(a.flags.f_contiguous for a in arrays) else "C"
    if order == "C":
        return tuple(axes)
    if order == "F":
        return tuple(reversed(axes))
    return _k_order(tuple(axes), strides)


def nested_iters(op, axes, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", buffersize=0):
    """Iterators for nested loops: each walks its group of ``axes``; advancing an outer one
    resets the ones inside it.

    torchnp implementation of :func:`numpy.nested_iters`, with ``nditer``'s subset.
    """
    ops = _operands(op)
    convert.operator_index(buffersize)
    gflags = _global_flags(flags)
    shared = _Operands(ops, gflags, _op_flags(op_flags, ops), op_dtypes, casting)
    groups = [tuple(convert.normalize_axis_index(ax, len(shared.bshape)) for ax in group)
              for group in axes]
    if sorted(ax for g in groups for ax in g) != list(range(len(shared.bshape))):
        raise ValueError("axes must cover each dimension of the operands exactly once")
    iters, outer = [], None
    for group in groups:
        it = object.__new__(nditer)
        _start(it, shared, gflags, order, group, outer)
        if outer is not None:
            outer._inner = it
        iters.append(it)
        outer = it
    return tuple(iters)
