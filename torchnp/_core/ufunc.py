"""The ufunc class: NumPy's universal function on torch kernels.

A ufunc knows its NumPy loops (``promotion.ufunc_loop_table``: input dtypes -> loop dtypes) and
turns each into a ``Loop``: the torch dtypes the kernel computes in (NumPy's loop dtypes, widened
where torch lacks a kernel for them, see ``_kernels.widen``), the kernel, and the output dtypes.
Loops are resolved once, at construction, into dicts keyed by input torch dtypes, so a call costs
a dict lookup, the kernel and the wrap.
"""
import os
import sys

import torch

from torchnp import _kernels
from torchnp._core import config as _config
from torchnp._core import dtypes as _dtypes
from torchnp._core import elision as _elision
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core import ufunc_call as _ufunc_call
from torchnp._core import ufunc_methods as _ufunc_methods
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_new = object.__new__
_NOARG = object()       # an argument not given (None is a valid operand: out=None)
_BY_NAME = {}           # name -> ufunc, for NumPy's ufuncs called on our arrays (__array_ufunc__)


class Loop:
    """One resolved loop for one combination of input dtypes.

    ``kernel`` takes tensors in ``compute_dts`` and returns tensor(s) in ``out_dts``; ``casts`` holds,
    per input, the dtype to cast to before the kernel, or None where the input is already in it.
    """
    __slots__ = ("in_dts", "compute_dts", "out_dts", "out_dt", "casts", "cast", "kernel")

    def __init__(self, key, dts, nin, kernel, compute_dts):
        self.in_dts = dts[:nin]
        self.out_dts = dts[nin:]
        self.out_dt = self.out_dts[0]
        self.compute_dts = compute_dts
        given = tuple(k if type(k) is torch.dtype else None for k in key)   # None: Python scalar
        self.casts = tuple(None if g is c else c for g, c in zip(given, compute_dts))
        self.cast = any(c is not None for c in self.casts)
        self.kernel = kernel

    tensors = None          # a ScalarLoop's: the fast path reads both kinds of loop alike


class ScalarLoop:
    """A fast-path loop for an ndarray and a Python scalar: ``kernel(tensor, scalar)``, after
    casting the tensor to ``casts[0]`` (None: no cast; ``cast``: whether there is one), gives
    ``out_dt``. A Python int must lie in ``[lo, hi]`` (None: any); others take the general path,
    which raises NumPy's OverflowError. (``cast``/``casts`` as in ``Loop``: the fast path reads
    both alike.) Where ``tensors`` (a ``ScalarTensors``) is not None, an int or nonzero float
    that has a 0-d tensor there goes to ``tkernel(tensor, that tensor)`` instead.
    """
    __slots__ = ("kernel", "cast", "casts", "out_dt", "lo", "hi", "tkernel", "tensors")

    def __init__(self, kernel, cast, out_dt, lo=None, hi=None, tkernel=None, tensors=None):
        self.kernel = kernel
        self.cast = cast is not None
        self.casts = (cast, None)
        self.out_dt = out_dt
        self.lo = lo
        self.hi = hi
        self.tkernel = tkernel
        self.tensors = tensors


class ScalarTensors(dict):
    """Python scalar -> the 0-d tensor of ``dtype`` that torch converts it to inside a kernel, or
    the scalar itself where there is none (an infinity, beyond the dtype's range).

    Torch wraps a Python scalar in a new int64 or float64 0-d tensor on each call and casts it to
    the other operand's dtype: ``t * 2.0`` takes ~1.5 us more than ``t * z`` with a cached
    float32 ``z`` (3x3 to 6400 float32 elements, measured), for the same bits. Making a tensor
    costs ~5 us, so a scalar gets one the second time it is seen (``seen``): a loop over changing
    scalars (``a * i``) pays only the miss (~0.3 us), not a tensor a call. The keys are ints and
    nonzero floats (a float zero would find int 0's tensor, since -0.0 == 0); NaN is never kept
    (NaN != NaN: each would be a new key). At most ``SIZE`` entries (and as many seen), then it
    starts over.
    """
    __slots__ = ("dtype", "limit", "seen")
    SIZE = 256

    def __init__(self, dtype):
        super().__init__()
        self.dtype = dtype
        self.limit = torch.finfo(dtype).max if dtype.is_floating_point or dtype.is_complex \
            else None
        self.seen = set()

    def __missing__(self, s):
        seen = self.seen
        if s not in seen:                   # the first time: the scalar itself
            if s == s:
                if len(seen) >= self.SIZE:
                    seen.clear()
                seen.add(s)
            return s
        if type(s) is float and not abs(s) <= self.limit:
            value = s
        else:       # as torch wraps it: int64 or float64, then cast; on the CPU, as torch's
            # wrapped scalars are, whatever the default device, and never an inference tensor
            # (autograd could not save it for backward)
            with torch.inference_mode(False):
                value = torch.tensor(s, dtype=torch.int64 if type(s) is int else torch.float64,
                                     device="cpu").to(self.dtype)
            if type(value) is not _Tensor:      # a mode's tensor (FakeTensorMode): not kept
                return s
        if len(self) >= self.SIZE:
            self.clear()
        self[s] = value
        return value


# The dtypes whose loops take a cached 0-d tensor for a Python scalar (ScalarTensors), and the
# scalar kernels that have a form taking one (the same bits: checked against NumPy by the suite).
_TENSOR_SCALAR_DTYPES = frozenset((torch.float32, torch.float64, torch.complex64,
                                   torch.complex128, torch.int8, torch.int16, torch.int32,
                                   torch.int64, torch.uint8))
_TENSOR_FORMS = {f: f for f in (torch.add, torch.sub, torch.rsub, torch.mul, torch.div, torch.eq,
                                torch.ne, torch.lt, torch.le, torch.gt, torch.ge,
                                torch.bitwise_and, torch.bitwise_or, torch.bitwise_xor)}
_TENSOR_FORMS[_kernels.maximum_scalar] = torch.maximum     # the clamp kernels take no 0-d tensor
_TENSOR_FORMS[_kernels.minimum_scalar] = torch.minimum     # as fast; NaN never has a tensor
_SCALAR_TENSORS = {dt: ScalarTensors(dt) for dt in _TENSOR_SCALAR_DTYPES}
_Tensor = torch.Tensor


class ufunc:
    """A function that operates element by element on whole arrays.

    torchnp implementation of :class:`numpy.ufunc`.

    Made from one record of the ufunc table (``_math_ufuncs.py``): ``kernel``, the torch function
    of its loops; ``loops``, the kernels of the loops torch computes differently, keyed by dtype:
    a ``torch.dtype`` (the loop's first input dtype), a frozenset of them (each of them, unless a
    key of its own names it), or a tuple (the loop's input dtypes); ``widen=False`` where the
    kernels take every dtype as it is (no uint16/32/64 widening, see ``_kernels.widen``);
    ``scalar``, ``(loop dtype, reverse) -> kernel(tensor, Python scalar)`` or None, for the
    (ndarray, Python scalar) fast path; ``inplace``, torch's in-place kernel (``Tensor.sub_``).
    """

    def __init__(self, name, kernel, *, loops=None, widen=True, scalar=None, inplace=None,
                 doc=None):
        nin, nout, identity, signature = promotion.ufunc_meta(name)
        self.__name__ = name
        self.__qualname__ = name
        self.__doc__ = doc
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.identity = identity
        self.signature = signature
        self._kernel = kernel
        table = promotion.ufunc_loop_table(name)
        self.types = _types_list(table, nin)
        self.ntypes = len(self.types)
        self._loops = _make_loops(table, nin, kernel, _by_dtype(loops or {}), widen)
        # The fast path's view of the strong loops: dt1 -> dt2 -> Loop (unary: dt -> Loop), None
        # where there is none. Complete over the torchnp dtypes, so the fast path indexes it
        # without .get (~250 instructions a lookup).
        # matmul's kernel checks its core dimensions itself (NumPy's messages), so ``a @ b``
        # takes the fast path too; the other gufuncs go through the general path
        fast = nout == 1 and (not signature or name == "matmul")
        dts = _dtypes.ALL_TORCH_DTYPES
        if nin == 1:
            self._fast = {d: self._loops.get((d,)) if fast else None for d in dts}
        else:
            self._fast = {d1: {d2: self._loops.get((d1, d2)) if fast else None for d2 in dts}
                          for d1 in dts}
        # The fast path's view of (ndarray, Python scalar) loops: int/float/complex -> dtype ->
        # ScalarLoop, or None where there is none (``_fast_rs``: the scalar on the left).
        self._fast_s = {py: dict.fromkeys(dts) for py in (int, float, complex)}
        self._fast_rs = {py: dict.fromkeys(dts) for py in (int, float, complex)}
        if scalar is not None and nin == 2 and nout == 1:
            for key, loop in self._loops.items():
                _add_scalar_entry(self, scalar, key, loop)
        # The in-place operators' fast path (``a op= b``): dt1 -> dt2 -> torch's in-place kernel
        # (``inplace``, e.g. Tensor.sub_), and int/float/complex -> dt1 -> ScalarLoop of it; None
        # where NumPy's loop does not compute in dt1 with the plain kernel (see _inplace_loop).
        self._inplace = {d1: dict.fromkeys(dts) for d1 in dts}
        self._inplace_s = {py: dict.fromkeys(dts) for py in (int, float, complex)}
        if inplace is not None and fast and nin == 2:
            for d1 in dts:
                for d2 in dts:
                    if _inplace_loop(self._fast[d1][d2], kernel, d1, d2):
                        self._inplace[d1][d2] = inplace
                for py, entries in self._fast_s.items():
                    e = entries[d1]
                    if e is not None and e.kernel is kernel and not e.cast and e.out_dt is d1:
                        self._inplace_s[py][d1] = ScalarLoop(
                            inplace, None, d1, e.lo, e.hi, e.tkernel and inplace, e.tensors)
        if fast and nin == 2:           # after _inplace, which reads the loops' compute dtypes
            for d1 in dts:
                for d2 in dts:
                    loop = _fused_cast_loop(self._fast[d1][d2], d1, d2)
                    if loop is not None:
                        self._fast[d1][d2] = loop
        _BY_NAME.setdefault(name, self)     # the table's ufunc, not a later one of that name

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, x1=_NOARG, x2=_NOARG, /, *args, **kwargs):
        # Two named positionals, not *args alone, and ``out`` left in kwargs: saves ~80 ns a call
        # on the fast paths (measured; explicit keyword-only parameters cost more than **kwargs).
        if not kwargs and not args:
            if x2 is not _NOARG:
                if self.nin == 2:
                    return self._call2(x1, x2)
            elif x1 is not _NOARG and self.nin == 1:
                return self._call1(x1)
        args = tuple(x for x in (x1, x2) if x is not _NOARG) + args
        return _ufunc_call.call(self, args, kwargs.pop("out", None), kwargs)

    # The fast paths: ndarray operands (or one Python scalar), no keywords, one output. Fixed
    # arity, so the ndarray operators call them directly. Dtypes come from the ndarrays' cached
    # ``_dt`` (reading ``Tensor.dtype`` costs ~200 ns).
    def _call2(self, x1, x2):
        if type(x1) is ndarray:
            t1 = x1._t
            if type(x2) is ndarray:
                loop = self._fast[x1._dt][x2._dt]
                t2 = x2._t
            else:                   # a Python scalar on the right
                inner = self._fast_s.get(type(x2))
                loop = inner and inner[x1._dt]
                if loop is not None and loop.lo is not None and not loop.lo <= x2 <= loop.hi:
                    loop = None
                t2 = x2
        elif type(x2) is ndarray:   # a Python scalar on the left: the kernel takes it second
            inner = self._fast_rs.get(type(x1))
            loop = inner and inner[x2._dt]
            if loop is not None and loop.lo is not None and not loop.lo <= x1 <= loop.hi:
                loop = None
            t1 = x2._t
            t2 = x1
        else:
            loop = None
        if loop is not None and not _config.FP_CHECKS:     # errstate checks: the general path
            try:
                if loop.cast:
                    c1, c2 = loop.casts
                    if c1 is not None:
                        t1 = t1.to(c1)
                    if c2 is not None:
                        t2 = t2.to(c2)
                    t = loop.kernel(t1, t2)
                elif (_ELIDE and not _is_dynamo() and (_getrefcount(x1) == _TEMP
                                                       or _getrefcount(x2) == _TEMP)
                        and t1.nbytes >= _ELIDE_BYTES):
                    t = _elision.binary(loop, x1, x2, t1, t2, _HELD, 2)   # a*2.0 - b: into a*2.0
                else:
                    tensors = loop.tensors              # a Python scalar as a cached 0-d tensor
                    if tensors is not None and (type(t2) is int or t2) and not _is_dynamo():
                        z = tensors[t2]
                        t = loop.tkernel(t1, z) if type(z) is _Tensor else loop.kernel(t1, t2)
                    else:
                        t = loop.kernel(t1, t2)
            except RuntimeError:    # shapes, devices, memory: NumPy's error, general path
                return _ufunc_call.call(self, (x1, x2), None, {})
            res = _new(ndarray)         # convert.wrap_dt inlined: a frame is ~3% of a + b
            res._t = t
            res._dt = loop.out_dt
            res._base = None
            res._scalar = True
            return res
        return _ufunc_call.call(self, (x1, x2), None, {})

    def _inplace2(self, x1, x2):
        """``x1 op= x2`` (ndarray ``x1``): NumPy's ``op(x1, x2, out=x1)``, except that a 0-d
        ndarray standing for a NumPy scalar rebinds to a new scalar, as NumPy's scalars do.

        Fast path: torch's in-place kernel, where NumPy's loop computes in x1's own dtype (its
        'same_kind' cast of the result is then the identity). Torch raises for what NumPy refuses
        (a broadcast, read-only ``x1``; ``x2`` broadcasting beyond ``x1``) and for dense partial
        overlaps; operands of one storage that are not both dense are not checked by torch, so
        views sharing a storage take the general path, which buffers ``x2`` as NumPy does (as do
        all views under torch.compile, which cannot trace the storage check).
        """
        t1 = x1._t
        if x1._scalar and t1.ndim == 0:
            return self._call2(x1, x2)
        if _config.FP_CHECKS or (readonly.ANY and readonly.is_marked(t1)):
            return _ufunc_call.call(self, (x1, x2), x1, {})     # errstate checks, NumPy's error
        if type(x2) is ndarray:
            kernel = self._inplace[x1._dt][x2._dt]
            if kernel is not None:
                t2 = x2._t
                if (t2 is t1 or (t1._base is None and t2._base is None)
                        or (not _is_compiling() and _apart(t1, t2))):
                    try:
                        kernel(t1, t2)
                        return x1
                    except RuntimeError:    # shapes, read-only, overlap: NumPy's error or result
                        pass
        else:
            inner = self._inplace_s.get(type(x2))
            sl = inner and inner[x1._dt]
            if sl is not None and (sl.lo is None or sl.lo <= x2 <= sl.hi):
                try:
                    tensors = sl.tensors
                    z = tensors[x2] if tensors is not None and (type(x2) is int or x2) \
                        and not _is_dynamo() else None
                    if type(z) is _Tensor:
                        sl.tkernel(t1, z)
                    else:
                        sl.kernel(t1, x2)
                    return x1
                except RuntimeError:            # read-only (broadcast) x1: NumPy's error
                    pass
        return _ufunc_call.call(self, (x1, x2), x1, {})

    def _call1(self, x):
        if type(x) is ndarray:
            loop = self._fast[x._dt]
            if loop is not None and not _config.FP_CHECKS:
                t = x._t
                c = loop.casts[0]
                try:
                    if c is not None:
                        t = t.to(c)
                    t = loop.kernel(t)
                except RuntimeError:            # out of memory: NumPy's error, general path
                    return _ufunc_call.call(self, (x,), None, {})
                res = _new(ndarray)     # convert.wrap_dt inlined, as in _call2
                res._t = t
                res._dt = loop.out_dt
                res._base = None
                res._scalar = True
                return res
        return _ufunc_call.call(self, (x,), None, {})

    # ----- methods ---------------------------------------------------------------------------
    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=NoValue,
               where=True):
        return _ufunc_methods.reduce(self, array, axis, dtype, out, keepdims, initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        return _ufunc_methods.accumulate(self, array, axis, dtype, out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        return _ufunc_methods.reduceat(self, array, indices, axis, dtype, out)

    def outer(self, A, B, /, **kwargs):
        return _ufunc_methods.outer(self, A, B, **kwargs)

    def at(self, a, indices, b=None, /):
        return _ufunc_methods.at(self, a, indices, b)

    def resolve_dtypes(self, dtypes, *, signature=None, casting=None, reduction=False):
        return _ufunc_call.resolve_dtypes(self, dtypes, signature, casting, reduction)


def _add_scalar_entry(uf, scalar, key, loop):
    """Register loop ``key`` = (dtype, weak code) or (weak code, dtype) for the scalar fast path."""
    if type(key[0]) is torch.dtype and type(key[1]) is str:
        pos, dt, code = 1, key[0], key[1]
    elif type(key[1]) is torch.dtype and type(key[0]) is str:
        pos, dt, code = 0, key[1], key[0]
    else:
        return
    arr_i = 1 - pos
    scalar_dt = loop.in_dts[pos]
    # Only loops torch computes in NumPy's own dtypes; float16 rounds a scalar differently in
    # torch (it computes half ops in float32 with the unrounded scalar).
    if loop.compute_dts != loop.in_dts or torch.float16 in loop.in_dts:
        return
    kernel = scalar(loop.in_dts[0], pos == 0)
    if kernel is None:
        return
    bounds = (None, None)
    if code == promotion.WEAK_INT:
        if scalar_dt is torch.bool:
            return
        # NEP 50: an int the loop dtype cannot hold raises, in the general path. torch: it takes
        # Python ints within int64 only, so the general path takes the others for float loops too.
        bounds = _dtypes.INT_RANGE.get(scalar_dt, _dtypes.INT_RANGE[torch.int64])
    elif not (scalar_dt.is_floating_point or scalar_dt.is_complex):
        return
    if code == promotion.WEAK_COMPLEX and not scalar_dt.is_complex:
        return
    tkernel = _TENSOR_FORMS.get(kernel)
    tensors = _SCALAR_TENSORS.get(scalar_dt)
    if tkernel is None or tensors is None or loop.in_dts[arr_i] is not scalar_dt \
            or code == promotion.WEAK_COMPLEX:
        tkernel = tensors = None
    entry = ScalarLoop(kernel, loop.casts[arr_i], loop.out_dt, *bounds, tkernel, tensors)
    (uf._fast_rs if pos == 0 else uf._fast_s)[promotion.TYPE_OF_WEAK[code]][dt] = entry


def _inplace_loop(loop, kernel, dt1, dt2):
    """Whether torch's in-place ``kernel`` on a ``dt1`` tensor with a ``dt2`` operand computes
    NumPy's ``loop``: the loop is the plain kernel in ``dt1`` throughout, and torch promotes the
    operands to ``dt1`` too."""
    if loop is None or loop.kernel is not kernel or loop.out_dt is not dt1:
        return False
    try:
        return loop.compute_dts == (dt1, dt1) and torch.promote_types(dt1, dt2) is dt1
    except RuntimeError:        # torch: no promotion of uint16/32/64 with other dtypes
        return False


def _fused_cast_loop(loop, dt1, dt2):
    """For mixed input dtypes ``dt1``, ``dt2``: ``loop`` without its input casts, where its kernel
    is an elementwise torch function that promotes the two dtypes to NumPy's loop dtype itself,
    casting element by element instead of copying an operand first (``int32 + float64``), else
    None. (The fast table only; ``compute_dts`` then names the inputs' own dtypes.)"""
    if loop is None or not loop.cast or loop.kernel not in _elision.OUT_KERNELS:
        return None
    cdt = loop.compute_dts[0]
    if loop.compute_dts[1] is not cdt or loop.out_dt is not cdt \
            or dt1 in _kernels.FEW_KERNELS or dt2 in _kernels.FEW_KERNELS \
            or torch.promote_types(dt1, dt2) is not cdt:
        return None
    # torch: a 0-d operand does not take part in promotion unless its category (bool, integer,
    # float, complex) is higher; so only operands of two categories, the higher one's dtype the
    # result (float32 with a 0-d float64 is float32 in torch, float64 in NumPy).
    # A 0-d complex operand gives a complex of the other's size (float16 with a 0-d complex64
    # is complex32): complex and float16 stay with their casts.
    hi, lo = (dt1, dt2) if _category(dt1) > _category(dt2) else (dt2, dt1)
    if _category(hi) == _category(lo) or cdt is not hi or hi.is_complex \
            or torch.float16 in (dt1, dt2):
        return None
    return Loop((dt1, dt2), (loop.in_dts[0], loop.in_dts[1], cdt), 2, loop.kernel, (dt1, dt2))


def _category(dt):
    return 3 if dt.is_complex else 2 if dt.is_floating_point else 0 if dt is torch.bool else 1


def _apart(t1, t2):
    """Whether tensors ``t1`` and ``t2`` are on different storages."""
    return not _kernels.same_storage(t1, t2)


_is_compiling = torch.compiler.is_compiling
_is_dynamo = torch.compiler.is_dynamo_compiling     # ~40 ns; is_compiling ~200 ns
_getrefcount = sys.getrefcount
_ELIDE = _elision.ENABLED
_TEMP = _elision.TEMP_REFS
_HELD = _elision.HELD_BY_OPERATOR
_ELIDE_BYTES = _elision.MIN_BYTES


def _by_dtype(loops):
    """A table's ``loops=`` with each frozenset key spread over its dtypes (a key of its own, a
    dtype or a tuple of dtypes, wins over a set that holds it)."""
    spread = {}
    for key, kernel in loops.items():
        if type(key) is frozenset:
            spread.update(dict.fromkeys(key, kernel))
    spread.update((key, kernel) for key, kernel in loops.items() if type(key) is not frozenset)
    return spread


def _make_loops(table, nin, kernel, loops, widen):
    """Input key -> Loop for each loop of ``table`` (input key -> loop dtypes): the kernel from
    ``loops`` by the loop's input dtypes, else its first input dtype, else ``kernel``; one kernel
    per distinct loop."""
    resolved = {}       # loop dtypes -> (kernel, compute dtypes)
    made = {}
    for key, dts in table.items():
        found = resolved.get(dts)
        if found is None:
            in_dts = dts[:nin]
            kern = loops.get(in_dts, loops.get(in_dts[0], kernel))
            found = resolved[dts] = _kernels.widen(kern, in_dts, dts[nin:]) if widen \
                else (kern, in_dts)
        made[key] = Loop(key, dts, nin, *found)
    return made


def _types_list(table, nin):
    """NumPy's ``ufunc.types`` strings ('ff->f', in this platform's type codes) for the strong
    loops torchnp has."""
    seen = []
    for key, dts in table.items():
        if all(type(k) is torch.dtype for k in key):
            chars = [_dtypes.CHAR_OF_TORCH[dt] for dt in dts]
            s = "".join(chars[:nin]) + "->" + "".join(chars[nin:])
            if s not in seen:
                seen.append(s)
    return seen


def array_ufunc(np_ufunc, method, inputs, kwargs):
    """``ndarray.__array_ufunc__``: NumPy's ufunc ``np_ufunc`` runs as torchnp's of its name."""
    ours = _BY_NAME.get(getattr(np_ufunc, "__name__", ""))
    if ours is None:
        return NotImplemented
    out = kwargs.get("out")
    if out is not None:
        for o in (out if type(out) is tuple else (out,)):
            if o is not None and not isinstance(o, ndarray):
                return NotImplemented       # NumPy arrays as out=: NumPy's TypeError
    if method == "__call__":
        return ours(*inputs, **kwargs)
    func = getattr(ours, method, None)
    if func is None:
        return NotImplemented
    return func(*inputs, **kwargs)


def _load_speedups():
    """The C twins of the fast paths (``_speedups.c``), set up; None where the extension was not
    built (no C compiler at install) or ``TORCHNP_SPEEDUPS=0`` asks for the Python code."""
    if os.environ.get("TORCHNP_SPEEDUPS") == "0":
        return None
    try:
        from torchnp._core import _speedups
    except ImportError:
        return None
    _speedups.setup(ndarray, Loop, ScalarLoop, _config, readonly, _ufunc_call.call,
                    _elision.binary, _ELIDE, _ELIDE_BYTES, torch.Tensor)
    _speedups.install_call(ufunc)       # np.add(a, b) without __call__'s frame
    _speedups.setup_views(torch.cat, readonly.inherit)
    return _speedups


# The fast paths as functions of (ufunc, operands), which the ndarray methods that no C slot
# reaches (``**``, ``conj``) call unless Dynamo traces (it cannot trace C): C where built, else the
# methods above. (Where built, ``np.add(a, b)`` takes them through the C call slot, not
# ``__call__``.)
SPEEDUPS = _load_speedups()
call2 = ufunc._call2 if SPEEDUPS is None else SPEEDUPS.call2
call1 = ufunc._call1 if SPEEDUPS is None else SPEEDUPS.call1
inplace2 = ufunc._inplace2 if SPEEDUPS is None else SPEEDUPS.inplace2
