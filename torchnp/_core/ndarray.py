"""class ndarray: NumPy's array, wrapping exactly one torch.Tensor (``.tensor``).

Every method is a one-liner delegating to the public function of its NumPy chapter, and every
operator to its ufunc, so behaviour lives in one place; the hottest methods are those functions
themselves, assigned below the class (no extra call). The chapter modules are imported at the
bottom of this file: they import this class, so it must exist first.
"""
import types

import torch

from torchnp._core import dtypes as _dt


class ndarray:
    """An N-dimensional array of numbers: NumPy's ndarray on a torch.Tensor.

    torchnp implementation of :class:`numpy.ndarray`. Construct arrays with ``torchnp.array``,
    ``zeros``, ... ; ``ndarray(shape, dtype)`` works as in NumPy (uninitialised data).
    """
    # _t: the tensor; _dt: its dtype, cached (Tensor.dtype costs ~200 ns); _base: what a view views;
    # _scalar: whether, when 0-d, it stands where NumPy returns a scalar (a computed result, not a
    # creation or a view). Such a "scalar" is immutable and hashable as NumPy's are: in-place
    # operators rebind, item assignment and out= raise TypeError (docs/differences.md).
    __slots__ = ("_t", "_dt", "_base", "_scalar", "__weakref__")
    __array_priority__ = 100.0

    def __hash__(self):
        if self._scalar and self._t.ndim == 0:
            return hash(self._t.item())         # host-sync: a scalar hashes by its value
        raise TypeError("unhashable type: 'numpy.ndarray'")

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        return _creation.ndarray_new(cls, shape, dtype, buffer, offset, strides, order)

    # ----- attributes -------------------------------------------------------------------------
    @property
    def tensor(self):
        """The torch.Tensor underneath (shares memory)."""
        return self._t

    @property
    def shape(self):
        return tuple(self._t.shape)

    @shape.setter
    def shape(self, value):
        _manipulation.set_shape(self, value)

    @property
    def ndim(self):
        return self._t.ndim

    @property
    def size(self):
        return self._t.numel()

    @property
    def dtype(self):
        return _dt.NUMPY_OF_TORCH[self._dt]

    @property
    def itemsize(self):
        return self._t.element_size()

    @property
    def nbytes(self):
        return self._t.numel() * self._t.element_size()

    @property
    def strides(self):
        n = self._t.element_size()
        return tuple(s * n for s in self._t.stride())

    @property
    def T(self):
        return _manipulation.transpose(self)

    @property
    def mT(self):
        return _manipulation.matrix_transpose(self)

    @property
    def real(self):
        return _complex.real(self)

    @real.setter
    def real(self, value):
        _complex.set_real(self, value)

    @property
    def imag(self):
        return _complex.imag(self)

    @imag.setter
    def imag(self, value):
        _complex.set_imag(self, value)

    @property
    def flat(self):
        return _indexing_core.flatiter(self)

    @flat.setter
    def flat(self, value):
        _indexing_core.flatiter(self)[...] = value

    @property
    def base(self):
        return getattr(self, "_base", None)

    @property
    def flags(self):
        return _creation.flagsobj(self)

    @property
    def device(self):
        return self._t.device

    @property
    def data(self):
        return memoryview(self.__array__())

    # ----- autograd ---------------------------------------------------------------------------
    @property
    def requires_grad(self):
        return self._t.requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        self._t.requires_grad_(value)

    @property
    def grad(self):
        g = self._t.grad
        return None if g is None else _wrap(g)

    def backward(self, gradient=None, retain_graph=None, create_graph=False):
        g = None if gradient is None else _convert.as_tensor(gradient)
        self._t.backward(g, retain_graph=retain_graph, create_graph=create_graph)

    def detach(self):
        return _wrap(self._t.detach())

    def requires_grad_(self, requires_grad=True):
        self._t.requires_grad_(requires_grad)
        return self

    # ----- arithmetic, comparison, bitwise: each operator is its ufunc ---------------------------
    def __add__(self, other): return _u.add._call2(self, other)
    def __radd__(self, other): return _u.add._call2(other, self)
    def __iadd__(self, other): return _inplace(_u.add, self, other)
    def __sub__(self, other): return _u.subtract._call2(self, other)
    def __rsub__(self, other): return _u.subtract._call2(other, self)
    def __isub__(self, other): return _inplace(_u.subtract, self, other)
    def __mul__(self, other): return _u.multiply._call2(self, other)
    def __rmul__(self, other): return _u.multiply._call2(other, self)
    def __imul__(self, other): return _inplace(_u.multiply, self, other)
    def __truediv__(self, other): return _u.true_divide._call2(self, other)
    def __rtruediv__(self, other): return _u.true_divide._call2(other, self)
    def __itruediv__(self, other): return _inplace(_u.true_divide, self, other)
    def __floordiv__(self, other): return _u.floor_divide._call2(self, other)
    def __rfloordiv__(self, other): return _u.floor_divide._call2(other, self)
    def __ifloordiv__(self, other): return _inplace(_u.floor_divide, self, other)
    def __mod__(self, other): return _u.remainder._call2(self, other)
    def __rmod__(self, other): return _u.remainder._call2(other, self)
    def __imod__(self, other): return _inplace(_u.remainder, self, other)
    def __divmod__(self, other): return _u.divmod._call2(self, other)
    def __rdivmod__(self, other): return _u.divmod._call2(other, self)
    def __pow__(self, other, mod=None):
        # pow(a, b, mod): NumPy returns NotImplemented, so Python raises its TypeError
        return _u.power._call2(self, other) if mod is None else NotImplemented
    def __rpow__(self, other): return _u.power._call2(other, self)
    def __ipow__(self, other): return _inplace(_u.power, self, other)
    def __matmul__(self, other): return _u.matmul._call2(self, other)
    def __rmatmul__(self, other): return _u.matmul._call2(other, self)
    def __imatmul__(self, other): return _inplace(_u.matmul, self, other)
    def __and__(self, other): return _u.bitwise_and._call2(self, other)
    def __rand__(self, other): return _u.bitwise_and._call2(other, self)
    def __iand__(self, other): return _inplace(_u.bitwise_and, self, other)
    def __or__(self, other): return _u.bitwise_or._call2(self, other)
    def __ror__(self, other): return _u.bitwise_or._call2(other, self)
    def __ior__(self, other): return _inplace(_u.bitwise_or, self, other)
    def __xor__(self, other): return _u.bitwise_xor._call2(self, other)
    def __rxor__(self, other): return _u.bitwise_xor._call2(other, self)
    def __ixor__(self, other): return _inplace(_u.bitwise_xor, self, other)
    def __lshift__(self, other): return _u.left_shift._call2(self, other)
    def __rlshift__(self, other): return _u.left_shift._call2(other, self)
    def __ilshift__(self, other): return _inplace(_u.left_shift, self, other)
    def __rshift__(self, other): return _u.right_shift._call2(self, other)
    def __rrshift__(self, other): return _u.right_shift._call2(other, self)
    def __irshift__(self, other): return _inplace(_u.right_shift, self, other)
    def __eq__(self, other): return _u.equal._call2(self, other)
    def __ne__(self, other): return _u.not_equal._call2(self, other)
    def __lt__(self, other): return _u.less._call2(self, other)
    def __le__(self, other): return _u.less_equal._call2(self, other)
    def __gt__(self, other): return _u.greater._call2(self, other)
    def __ge__(self, other): return _u.greater_equal._call2(self, other)
    def __neg__(self): return _u.negative._call1(self)
    def __pos__(self): return _u.positive._call1(self)
    def __abs__(self): return _u.absolute._call1(self)
    def __invert__(self): return _u.invert._call1(self)

    # ----- Python protocols -------------------------------------------------------------------
    def __len__(self): return _creation.array_len(self)
    def __iter__(self): return _indexing_core.array_iter(self)
    def __bool__(self): return _creation.array_bool(self)
    def __float__(self): return _creation.array_float(self)
    def __int__(self): return _creation.array_int(self)
    def __index__(self): return _creation.array_index(self)
    def __complex__(self): return _creation.array_complex(self)
    def __format__(self, spec): return _printing.array_format(self, spec)
    def __round__(self, ndigits=None): return _math.array_round(self, ndigits)
    def __repr__(self): return _printing.ndarray_repr(self)
    def __str__(self): return _printing.array_str(self)
    def __contains__(self, value): return _creation.array_contains(self, value)
    def __copy__(self): return _copy(self)
    def __deepcopy__(self, memo=None): return _copy(self)
    def __array__(self, dtype=None, copy=None): return _creation.to_numpy(self, dtype, copy)
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return _ufunc_core.array_ufunc(ufunc, method, inputs, kwargs)

    def __reduce__(self):
        return _creation.from_host_array, (self.__array__(), _convert.is_scalar_like(self))

    # ----- methods: each is its chapter's function ----------------------------------------------
    def argmax(self, axis=None, out=None, *, keepdims=False):
        return _sorting.argmax(self, axis, out, keepdims=keepdims)

    def argmin(self, axis=None, out=None, *, keepdims=False):
        return _sorting.argmin(self, axis, out, keepdims=keepdims)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return _sorting.argsort(self, axis, kind, order, stable=stable)

    def clip(self, min=None, max=None, out=None, **kwargs):
        return _math.clip(self, min, max, out, **kwargs)

    def conj(self):
        return _u.conjugate._call1(self)

    def conjugate(self):
        return _u.conjugate._call1(self)

    def copy(self, order="C"):
        return _manipulation.copy(self, order)

    def cumprod(self, axis=None, dtype=None, out=None):
        return _math.cumprod(self, axis, dtype, out)

    def cumsum(self, axis=None, dtype=None, out=None):
        return _math.cumsum(self, axis, dtype, out)

    def diagonal(self, offset=0, axis1=0, axis2=1):
        return _indexing.diagonal(self, offset, axis1, axis2)

    def dot(self, b, out=None):
        return _products.dot(self, b, out)

    def fill(self, value):
        _manipulation.ndarray_fill(self, value)

    def flatten(self, order="C"):
        return _manipulation.ndarray_flatten(self, order)

    def item(self, *args):
        return _manipulation.ndarray_item(self, *args)

    def nonzero(self):
        return _indexing.nonzero(self)

    def put(self, indices, values, mode="raise"):
        return _indexing.put(self, indices, values, mode)

    def ravel(self, order="C"):
        return _manipulation.ravel(self, order)

    def repeat(self, repeats, axis=None):
        return _manipulation.repeat(self, repeats, axis)

    def round(self, decimals=0, out=None):
        return _math.round(self, decimals, out)

    def searchsorted(self, v, side="left", sorter=None):
        return _sorting.searchsorted(self, v, side, sorter)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        _sorting.ndarray_sort(self, axis, kind, order, stable)

    def squeeze(self, axis=None):
        return _manipulation.squeeze(self, axis)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
            mean=None, correction=None):
        # correction=None: not given (NumPy's method has no correction=; its function refuses None)
        return _statistics.std(self, axis, dtype, out, ddof, keepdims, where=where, mean=mean,
                               correction=_convert.NoValue if correction is None else correction)

    def swapaxes(self, axis1, axis2):
        return _manipulation.swapaxes(self, axis1, axis2)

    def take(self, indices, axis=None, out=None, mode="raise"):
        return _indexing.take(self, indices, axis, out, mode)

    def tolist(self):
        return _manipulation.ndarray_tolist(self)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        return _products.trace(self, offset, axis1, axis2, dtype, out)

    def transpose(self, *axes):
        return _manipulation.ndarray_transpose(self, axes)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
            mean=None, correction=None):
        # correction=None: not given (NumPy's method has no correction=; its function refuses None)
        return _statistics.var(self, axis, dtype, out, ddof, keepdims, where=where, mean=mean,
                               correction=_convert.NoValue if correction is None else correction)

    def view(self, dtype=None, type=None):
        return _manipulation.ndarray_view(self, dtype, type)


# The chapter modules import ndarray from here, so they are imported after the class exists.
from torchnp._core import convert as _convert  # noqa: E402
from torchnp._core import indexing as _indexing_core  # noqa: E402
from torchnp._core import ufunc as _ufunc_core  # noqa: E402
from torchnp import _math_ufuncs as _u  # noqa: E402
from torchnp import _complex, _creation, _indexing, _logic, _manipulation, _math, _printing  # noqa: E402
from torchnp import _products, _sorting, _statistics  # noqa: E402

_wrap = _convert.wrap


def _copy(a):
    """``copy.copy(a)``: a scalar's copy is a scalar, an array's an array."""
    res = _manipulation.copy(a)
    res._scalar = a._scalar
    return res


def _inplace(uf, a, b):
    """``a op= b``: into ``a``'s memory, except for a scalar, which rebinds as NumPy's do."""
    if a._scalar and a._t.ndim == 0:
        return uf._call2(a, b)
    return uf(a, b, out=a)

# Hot methods that are their implementing functions (plain functions bind ``self``): no extra frame.
# Their defaults must be constants (None, str, int, bool): torch.compile builds a method's defaults
# without a source, and fails on other objects (np.sum's NoValue defaults broke fullgraph tracing).


def _method(fn, defaults, kwdefaults=None):
    """NumPy function ``fn`` (array first) as an ndarray method with the method's own defaults:
    ``fn``'s code in a new function object, so ``a.sum()`` costs no extra call (~450 instructions).
    """
    method = types.FunctionType(fn.__code__, fn.__globals__, fn.__name__, defaults, fn.__closure__)
    method.__kwdefaults__ = kwdefaults
    method.__doc__ = fn.__doc__
    method.__qualname__ = f"ndarray.{fn.__name__}"
    return method


ndarray.__getitem__ = _indexing_core.getitem
ndarray.__setitem__ = _indexing_core.setitem
ndarray.reshape     = _manipulation.ndarray_reshape
ndarray.astype      = _manipulation.ndarray_astype
# (axis, dtype, out, keepdims, initial, where) as NumPy's methods have them
ndarray.sum  = _method(_math.sum, (None, None, None, False, 0, True))
ndarray.prod = _method(_math.prod, (None, None, None, False, 1, True))
ndarray.max  = _method(_math.max, (None, None, False, None, True))
ndarray.min  = _method(_math.min, (None, None, False, None, True))
ndarray.mean = _method(_statistics.mean, (None, None, None, False), {"where": True})
ndarray.all  = _method(_logic.all, (None, None, False), {"where": True})
ndarray.any  = _method(_logic.any, (None, None, False), {"where": True})
