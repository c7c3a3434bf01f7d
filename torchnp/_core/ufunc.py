"""The ufunc class: NumPy's universal function on torch kernels.

A ufunc knows its NumPy loops (``promotion.ufunc_loop_table``) and turns each into a ``Loop``: the
torch dtypes the kernel computes in (NumPy's loop dtypes, widened where torch lacks a kernel for
them, see ``_kernels.compute_dtype``), the kernel, and the output dtypes. Loops are resolved once,
at construction, into dicts keyed by input torch dtypes, so a call costs a dict lookup, the kernel
and the wrap.
"""
import torch

from torchnp._core import dtypes as _dt
from torchnp._core import promotion
from torchnp._core.convert import NoValue
from torchnp._core.ndarray import ndarray

_new = object.__new__
_NOARG = object()       # an argument not given (None is a valid operand: out=None)


class Loop:
    """One resolved loop for one combination of input dtypes.

    ``kernel`` takes tensors in ``compute_dts`` and returns tensor(s) in ``out_dts``; ``casts`` holds,
    per input, the dtype to cast to before the kernel, or None where the input is already in it.
    """
    __slots__ = ("codes", "in_dts", "compute_dts", "out_dts", "out_dt", "casts", "cast", "kernel")

    def __init__(self, key, codes, nin, kernel, compute_dts):
        self.codes = codes
        self.in_dts = tuple(_dt.TORCH_OF_CHAR[c] for c in codes[:nin])
        self.out_dts = tuple(_dt.TORCH_OF_CHAR[c] for c in codes[nin:])
        self.out_dt = self.out_dts[0]
        self.compute_dts = compute_dts
        given = tuple(_dt.TORCH_OF_CHAR.get(c) for c in key)      # None for weak Python scalars
        self.casts = tuple(None if g is c else c for g, c in zip(given, compute_dts))
        self.cast = any(c is not None for c in self.casts)
        self.kernel = kernel


class ufunc:
    """A function that operates element by element on whole arrays.

    torchnp implementation of :class:`numpy.ufunc`.
    """

    def __init__(self, name, kernel, *, select=None, scalar=None, doc=None):
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
        # select(kernel, loop codes, nin) -> (kernel, compute torch dtypes); see _kernels
        self._select = select
        table = promotion.ufunc_loop_table(name)
        self.types = _types_list(table, nin)
        self.ntypes = len(self.types)
        self._loops = {}        # input key (torch dtypes and weak codes) -> Loop
        for key, codes in table.items():
            self._loops[_key_of_codes(key)] = self._make_loop(key, codes)
        # The fast path's view of the strong loops: dt1 -> dt2 -> Loop (unary: dt -> Loop), None
        # where there is none. Complete over the torchnp dtypes, so the fast path indexes it
        # without .get (~250 instructions a lookup).
        fast = nout == 1 and not signature
        dts = _dt.ALL_TORCH_DTYPES
        if nin == 1:
            self._fast = {d: self._loops.get((d,)) if fast else None for d in dts}
        else:
            self._fast = {d1: {d2: self._loops.get((d1, d2)) if fast else None for d2 in dts}
                          for d1 in dts}
        # The fast path's view of (ndarray, Python scalar) loops: int/float/complex -> dtype ->
        # (kernel taking (tensor, scalar), cast of the tensor, out dtype, int bounds or None), or
        # None where there is none.
        # ``scalar(codes, reverse)`` gives the kernel, or None where torch needs a tensor.
        self._fast_s = {py: dict.fromkeys(_dt.ALL_TORCH_DTYPES) for py in (int, float, complex)}
        self._fast_rs = {py: dict.fromkeys(_dt.ALL_TORCH_DTYPES) for py in (int, float, complex)}
        if scalar is not None and nin == 2 and nout == 1:
            for key, loop in self._loops.items():
                _add_scalar_entry(self, scalar, key, loop)

    def _make_loop(self, key, codes):
        from torchnp import _kernels
        select = self._select or _kernels.select_default
        kernel, compute_dts = select(self._kernel, codes, self.nin)
        return Loop(key, codes, self.nin, kernel, compute_dts)

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
            if type(x2) is ndarray:
                loop = self._fast[x1._dt][x2._dt]
                if loop is not None:
                    t1 = x1._t
                    t2 = x2._t
                    try:
                        if loop.cast:
                            c1, c2 = loop.casts
                            if c1 is not None:
                                t1 = t1.to(c1)
                            if c2 is not None:
                                t2 = t2.to(c2)
                        t = loop.kernel(t1, t2)
                    except RuntimeError:    # shapes, devices, memory: NumPy's error, general path
                        return _ufunc_call.call(self, (x1, x2), None, {})
                    res = _new(ndarray)
                    res._base = None          # every ndarray sets all its slots (see convert.wrap)
                    res._scalar = True
                    res._t = t
                    res._dt = loop.out_dt
                    return res
            else:
                inner = self._fast_s.get(type(x2))
                e = inner and inner[x1._dt]
                if e is not None and (e[3] is None or e[3] <= x2 <= e[4]):
                    t = x1._t
                    try:
                        if e[1] is not None:
                            t = t.to(e[1])
                        t = e[0](t, x2)
                    except RuntimeError:        # out of memory: NumPy's error, general path
                        return _ufunc_call.call(self, (x1, x2), None, {})
                    res = _new(ndarray)
                    res._base = None          # every ndarray sets all its slots (see convert.wrap)
                    res._scalar = True
                    res._t = t
                    res._dt = e[2]
                    return res
        elif type(x2) is ndarray:
            inner = self._fast_rs.get(type(x1))
            e = inner and inner[x2._dt]
            if e is not None and (e[3] is None or e[3] <= x1 <= e[4]):
                t = x2._t
                try:
                    if e[1] is not None:
                        t = t.to(e[1])
                    t = e[0](t, x1)
                except RuntimeError:            # out of memory: NumPy's error, general path
                    return _ufunc_call.call(self, (x1, x2), None, {})
                res = _new(ndarray)
                res._base = None          # every ndarray sets all its slots (see convert.wrap)
                res._scalar = True
                res._t = t
                res._dt = e[2]
                return res
        return _ufunc_call.call(self, (x1, x2), None, {})

    def _call1(self, x):
        if type(x) is ndarray:
            loop = self._fast[x._dt]
            if loop is not None:
                t = x._t
                c = loop.casts[0]
                try:
                    if c is not None:
                        t = t.to(c)
                    t = loop.kernel(t)
                except RuntimeError:            # out of memory: NumPy's error, general path
                    return _ufunc_call.call(self, (x,), None, {})
                res = _new(ndarray)
                res._base = None          # every ndarray sets all its slots (see convert.wrap)
                res._scalar = True
                res._t = t
                res._dt = loop.out_dt
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


_PY_OF_WEAK = {promotion.WEAK_INT: int, promotion.WEAK_FLOAT: float, promotion.WEAK_COMPLEX: complex}


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
    kernel = scalar(loop.codes, pos == 0)
    if kernel is None:
        return
    bounds = (None, None)
    if code == promotion.WEAK_INT:
        if scalar_dt in _dt.INTEGER_DTYPES:
            info = torch.iinfo(scalar_dt)
            bounds = (int(info.min), int(info.max))
        elif scalar_dt is torch.bool:
            return
        else:       # torch takes Python ints within int64 only; the general path does the rest
            bounds = (-2**63, 2**63 - 1)
    elif not (scalar_dt.is_floating_point or scalar_dt.is_complex):
        return
    if code == promotion.WEAK_COMPLEX and not scalar_dt.is_complex:
        return
    cast = loop.casts[arr_i]
    entry = (kernel, cast, loop.out_dt) + bounds
    (uf._fast_rs if pos == 0 else uf._fast_s)[_PY_OF_WEAK[code]][dt] = entry


def _key_of_codes(key):
    """Table key (codes) -> dict key: torch dtypes for strong codes, the code itself for weak ones."""
    return tuple(_dt.TORCH_OF_CHAR.get(c, c) for c in key)


def _types_list(table, nin):
    """NumPy's ``ufunc.types``-style strings ('ff->f') for the strong loops torchnp has."""
    seen = []
    for key, codes in table.items():
        if all(c in _dt.TORCH_OF_CHAR for c in key):
            s = codes[:nin] + "->" + codes[nin:]
            if s not in seen:
                seen.append(s)
    return seen


def array_ufunc(np_ufunc, method, inputs, kwargs):
    """``ndarray.__array_ufunc__``: a NumPy ufunc called on torchnp arrays runs torchnp's."""
    return _ufunc_call.array_ufunc(np_ufunc, method, inputs, kwargs)


from torchnp._core import ufunc_call as _ufunc_call  # noqa: E402
from torchnp._core import ufunc_methods as _ufunc_methods  # noqa: E402
