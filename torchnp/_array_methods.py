"""The ndarray's methods, operators and Python protocols, attached to the class defined in
``_core/ndarray.py`` (as JAX's ``_src/numpy/array_methods.py`` does). ``torchnp/__init__`` imports
this module last: it is the one place where the core meets the chapters.

Each method is its chapter's public function where the signatures agree (``ndarray.ravel is
torchnp.ravel``), else the chapter's ``ndarray_<name>`` adapter defined next to that function, else
a one-line adapter here that only re-spells arguments; every operator is its ufunc's fixed-arity
fast entry. Functions assigned as methods keep constant defaults (None, str, int, bool): Dynamo
builds a method's defaults without a source and fails on other objects (docs/design-notes.md).
``tests/test_array_methods.py`` pins the table below against the chapters.
"""
import torch

from torchnp import _complex, _creation, _indexing, _interop, _io, _logic, _manipulation, _math
from torchnp import _printing
from torchnp import _math_ufuncs as _u
from torchnp import _products, _sorting, _statistics
from torchnp._core import convert
from torchnp._core import elision as _elision
from torchnp._core import indexing as _ix
from torchnp._core import ufunc_call as _ufunc_call
from torchnp._core.ndarray import ndarray
from torchnp._core.ufunc import call1 as _f1
from torchnp._core.ufunc import call2 as _f2
from torchnp._core.ufunc import inplace2 as _fi
from torchnp._core.ufunc import SPEEDUPS as _SPEEDUPS
from torchnp._core.ufunc import ufunc as _ufunc

_BOOL = torch.bool
# The fast paths that methods and operators CPython's slots do not reach call (ufunc.call2, call1,
# inplace2: C where built, _speedups.c), and the Python methods they call instead while Dynamo
# traces, as it cannot trace C (``is_dynamo_compiling`` costs ~40 ns).
_tracing = torch.compiler.is_dynamo_compiling
_py1, _py2, _pyi = _ufunc._call1, _ufunc._call2, _ufunc._inplace2


# ----- operators: each is its ufunc's fast entry (a call saved against ``ufunc.__call__``) -------
# The reflected and in-place forms too; ``_inplace2`` rebinds a 0-d "scalar" as NumPy's do. Where
# the C extension is built, ``a + b`` runs its C twin through the number slot (installed below);
# these Python operators serve Dynamo, explicit ``a.__add__(b)``, memmap and the Python-only
# build. ``**`` keeps CPython's slot (its third argument), so its operators call the C twins.
def __add__(self, other): return _u.add._call2(self, other)
def __radd__(self, other): return _u.add._call2(other, self)
def __iadd__(self, other): return _u.add._inplace2(self, other)
def __sub__(self, other): return _u.subtract._call2(self, other)
def __rsub__(self, other): return _u.subtract._call2(other, self)
def __isub__(self, other): return _u.subtract._inplace2(self, other)
def __mul__(self, other): return _u.multiply._call2(self, other)
def __rmul__(self, other): return _u.multiply._call2(other, self)
def __imul__(self, other): return _u.multiply._inplace2(self, other)
def __truediv__(self, other): return _u.true_divide._call2(self, other)
def __rtruediv__(self, other): return _u.true_divide._call2(other, self)
def __itruediv__(self, other): return _u.true_divide._inplace2(self, other)
def __floordiv__(self, other): return _u.floor_divide._call2(self, other)
def __rfloordiv__(self, other): return _u.floor_divide._call2(other, self)
def __ifloordiv__(self, other): return _u.floor_divide._inplace2(self, other)
def __mod__(self, other): return _u.remainder._call2(self, other)
def __rmod__(self, other): return _u.remainder._call2(other, self)
def __imod__(self, other): return _u.remainder._inplace2(self, other)
def __divmod__(self, other): return _u.divmod._call2(self, other)
def __rdivmod__(self, other): return _u.divmod._call2(other, self)
def __pow__(self, other, mod=None):
    # pow(a, b, mod): NumPy returns NotImplemented, so Python raises its TypeError
    if mod is not None:
        return NotImplemented
    if self._dt is _BOOL and type(other) is int and other == 2 and \
            not (self._scalar and self._t.ndim == 0):
        # an array's ** 2 is NumPy's square: bool -> int8 (a NumPy scalar's is power: int64)
        return (_py1 if _tracing() else _f1)(_u.square, self)
    return (_py2 if _tracing() else _f2)(_u.power, self, other)
def __rpow__(self, other): return (_py2 if _tracing() else _f2)(_u.power, other, self)
def __ipow__(self, other): return (_pyi if _tracing() else _fi)(_u.power, self, other)
def __matmul__(self, other): return _u.matmul._call2(self, other)
def __rmatmul__(self, other): return _u.matmul._call2(other, self)
def __imatmul__(self, other): return _u.matmul._inplace2(self, other)
def __and__(self, other): return _u.bitwise_and._call2(self, other)
def __rand__(self, other): return _u.bitwise_and._call2(other, self)
def __iand__(self, other): return _u.bitwise_and._inplace2(self, other)
def __or__(self, other): return _u.bitwise_or._call2(self, other)
def __ror__(self, other): return _u.bitwise_or._call2(other, self)
def __ior__(self, other): return _u.bitwise_or._inplace2(self, other)
def __xor__(self, other): return _u.bitwise_xor._call2(self, other)
def __rxor__(self, other): return _u.bitwise_xor._call2(other, self)
def __ixor__(self, other): return _u.bitwise_xor._inplace2(self, other)
def __lshift__(self, other): return _u.left_shift._call2(self, other)
def __rlshift__(self, other): return _u.left_shift._call2(other, self)
def __ilshift__(self, other): return _u.left_shift._inplace2(self, other)
def __rshift__(self, other): return _u.right_shift._call2(self, other)
def __rrshift__(self, other): return _u.right_shift._call2(other, self)
def __irshift__(self, other): return _u.right_shift._inplace2(self, other)
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


# the binary operators, which defer to an operand with __array_ufunc__ = None (NEP 13; the
# in-place ones raise NumPy's TypeError instead)
_ufunc_call.register_operators(
    __add__, __radd__, __sub__, __rsub__, __mul__, __rmul__, __truediv__, __rtruediv__,
    __floordiv__, __rfloordiv__, __mod__, __rmod__, __divmod__, __rdivmod__, __pow__, __rpow__,
    __matmul__, __rmatmul__, __and__, __rand__, __or__, __ror__, __xor__, __rxor__, __lshift__,
    __rlshift__, __rshift__, __rrshift__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__)
# the operators that may compute into a large temporary operand (_core/elision.py)
_elision.register_operators(__add__, __radd__, __sub__, __rsub__, __mul__, __rmul__, __truediv__,
                            __rtruediv__, __pow__, __rpow__, __and__, __rand__, __or__, __ror__,
                            __xor__, __rxor__)


# ----- protocol and argument adapters: nothing but re-spelt arguments ----------------------------
def __copy__(self): return _creation.ndarray_copy(self, "K")
def __deepcopy__(self, memo=None): return _creation.ndarray_copy(self, "K")


def argmax(self, axis=None, out=None, *, keepdims=False):
    return _sorting.argmax(self, axis, out, keepdims=keepdims)


def argmin(self, axis=None, out=None, *, keepdims=False):
    return _sorting.argmin(self, axis, out, keepdims=keepdims)


def clip(self, min=None, max=None, out=None, **kwargs):  # noqa: A002 (NumPy's names)
    return _math.clip(self, min, max, out, **kwargs)


def conj(self): return (_py1 if _tracing() else _f1)(_u.conjugate, self)
def conjugate(self): return (_py1 if _tracing() else _f1)(_u.conjugate, self)
def put(self, indices, values, mode="raise"): return _indexing.put(self, indices, values, mode)


# ----- autograd (a torchnp extension): torch's, on the tensor underneath ------------------------
def backward(self, gradient=None, retain_graph=None, create_graph=False):
    """Accumulate the gradient of this array into ``.grad`` of the leaves it was computed from
    (``gradient``: the outer gradient, required unless this array has one element).

    What torch refuses (an array that requires no grad, no ``gradient`` for several elements,
    a graph already freed, a ``gradient`` of another shape) raises ValueError with torch's
    explanation."""
    t = self._t
    if gradient is None and t.numel() != 1:
        raise ValueError("backward() of an array of more than one element (shape "
                         f"{convert.shape_text(tuple(t.shape))}) needs gradient=, the gradient "
                         "with respect to it; reduce it to one element (e.g. .sum()) instead")
    g = None if gradient is None else convert.as_tensor(gradient)
    try:
        t.backward(g, retain_graph=retain_graph, create_graph=create_graph)
    except RuntimeError as e:
        if convert.is_allocation_failure(e):
            raise
        raise ValueError(f"backward(): {e}") from None


def detach(self):
    """The same data, cut from the autograd graph: a view (writes reach this array)."""
    return convert.wrap_view(self._t.detach(), self)


def requires_grad_(self, requires_grad=True):
    """Turn autograd's recording of operations on this array on or off (a leaf array only)."""
    if requires_grad:
        _creation.check_grad_dtype(self._t)
    try:
        self._t.requires_grad_(requires_grad)
    except RuntimeError:
        raise ValueError("requires_grad can only be changed on a leaf array (one not computed "
                         "from arrays that require grad); use a.detach() for an array cut from "
                         "the graph") from None
    return self


def _requires_grad(self): return self._t.requires_grad
def _set_requires_grad(self, value): requires_grad_(self, value)
def _grad(self):
    g = self._t.grad
    return None if g is None else convert.wrap_array(g)
def _set_grad(self, value): self._t.grad = None if value is None else convert.as_tensor(value)
def _data(self): return memoryview(self.__array__())
def _set_flat(self, value):
    if convert.is_scalar_like(self):
        raise AttributeError("attribute 'flat' of 'numpy.generic' objects is not writable")
    convert.check_writeable(self._t, "array is read-only")
    _ix.flatiter(self)[...] = value


# ----- the attachment: one line per name, grouped as NumPy's ndarray documents them -------------
ndarray.__new__ = staticmethod(_creation.ndarray_new)   # ndarray(shape, dtype, ...) as NumPy

# attributes the class cannot answer alone
ndarray.shape = ndarray.shape.setter(_manipulation.set_shape)
ndarray.T     = property(_manipulation.ndarray_T)
ndarray.mT    = property(_manipulation.matrix_transpose)
ndarray.real  = property(_complex.real, _complex.set_real)
ndarray.imag  = property(_complex.imag, _complex.set_imag)
ndarray.flat  = property(_ix.flatiter, _set_flat)
ndarray.flags = property(_creation.flagsobj)
ndarray.data  = property(_data)
ndarray.grad  = property(_grad, _set_grad)
ndarray.requires_grad = property(_requires_grad, _set_requires_grad)
ndarray.requires_grad_ = requires_grad_
ndarray.backward = backward
ndarray.detach   = detach

# operators
ndarray.__add__       = __add__
ndarray.__radd__      = __radd__
ndarray.__iadd__      = __iadd__
ndarray.__sub__       = __sub__
ndarray.__rsub__      = __rsub__
ndarray.__isub__      = __isub__
ndarray.__mul__       = __mul__
ndarray.__rmul__      = __rmul__
ndarray.__imul__      = __imul__
ndarray.__truediv__   = __truediv__
ndarray.__rtruediv__  = __rtruediv__
ndarray.__itruediv__  = __itruediv__
ndarray.__floordiv__  = __floordiv__
ndarray.__rfloordiv__ = __rfloordiv__
ndarray.__ifloordiv__ = __ifloordiv__
ndarray.__mod__       = __mod__
ndarray.__rmod__      = __rmod__
ndarray.__imod__      = __imod__
ndarray.__divmod__    = __divmod__
ndarray.__rdivmod__   = __rdivmod__
ndarray.__pow__       = __pow__
ndarray.__rpow__      = __rpow__
ndarray.__ipow__      = __ipow__
ndarray.__matmul__    = __matmul__
ndarray.__rmatmul__   = __rmatmul__
ndarray.__imatmul__   = __imatmul__
ndarray.__and__       = __and__
ndarray.__rand__      = __rand__
ndarray.__iand__      = __iand__
ndarray.__or__        = __or__
ndarray.__ror__       = __ror__
ndarray.__ior__       = __ior__
ndarray.__xor__       = __xor__
ndarray.__rxor__      = __rxor__
ndarray.__ixor__      = __ixor__
ndarray.__lshift__    = __lshift__
ndarray.__rlshift__   = __rlshift__
ndarray.__ilshift__   = __ilshift__
ndarray.__rshift__    = __rshift__
ndarray.__rrshift__   = __rrshift__
ndarray.__irshift__   = __irshift__
ndarray.__eq__        = __eq__
ndarray.__ne__        = __ne__
ndarray.__lt__        = __lt__
ndarray.__le__        = __le__
ndarray.__gt__        = __gt__
ndarray.__ge__        = __ge__
ndarray.__neg__       = __neg__
ndarray.__pos__       = __pos__
ndarray.__abs__       = __abs__
ndarray.__invert__    = __invert__

# Python protocols
ndarray.__getitem__     = _ix.getitem
ndarray.__setitem__     = _ix.setitem
ndarray.__iter__        = _ix.array_iter
ndarray.__len__         = _creation.array_len
ndarray.__bool__        = _creation.array_bool
ndarray.__float__       = _creation.array_float
ndarray.__int__         = _creation.array_int
ndarray.__index__       = _creation.array_index
ndarray.__complex__     = _creation.array_complex
ndarray.__contains__    = _creation.array_contains
ndarray.__array__       = _creation.to_numpy
ndarray.__format__      = _printing.array_format
ndarray.__repr__        = _printing.ndarray_repr
ndarray.__str__         = _printing.array_str
ndarray.__round__       = _math.array_round
ndarray.__copy__        = __copy__
ndarray.__deepcopy__    = __deepcopy__
ndarray.__reduce_ex__   = _interop.ndarray_reduce_ex
ndarray.__array_ufunc__ = _interop.array_ufunc
ndarray.__array_function__ = _interop.array_function
ndarray.__dlpack__      = _interop.ndarray_dlpack
ndarray.__dlpack_device__ = _interop.ndarray_dlpack_device
ndarray.__array_namespace__ = _interop.ndarray_array_namespace
ndarray.to_device       = _interop.ndarray_to_device

# methods that are their chapter's public function (the signatures agree)
ndarray.argsort      = _sorting.argsort
ndarray.cumprod      = _math.cumprod
ndarray.cumsum       = _math.cumsum
ndarray.diagonal     = _indexing.diagonal
ndarray.dot          = _products.dot
ndarray.nonzero      = _indexing.nonzero
ndarray.ravel        = _manipulation.ravel
ndarray.repeat       = _manipulation.repeat
ndarray.round        = _math.round
ndarray.searchsorted = _sorting.searchsorted
ndarray.squeeze      = _manipulation.squeeze
ndarray.swapaxes     = _manipulation.swapaxes
ndarray.take         = _indexing.take
ndarray.trace        = _products.trace

# methods that are their chapter's ndarray_<name> (method defaults, or NumPy's method signature)
ndarray.all     = _logic.ndarray_all
ndarray.any     = _logic.ndarray_any
ndarray.astype  = _manipulation.ndarray_astype
ndarray.copy    = _creation.ndarray_copy
ndarray.fill    = _manipulation.ndarray_fill
ndarray.flatten = _manipulation.ndarray_flatten
ndarray.item    = _manipulation.ndarray_item
ndarray.max     = _math.ndarray_max
ndarray.mean    = _statistics.ndarray_mean
ndarray.min     = _math.ndarray_min
ndarray.prod    = _math.ndarray_prod
ndarray.reshape = _manipulation.ndarray_reshape
ndarray.setflags = _creation.ndarray_setflags
ndarray.sort    = _sorting.ndarray_sort
ndarray.std     = _statistics.ndarray_std
ndarray.sum     = _math.ndarray_sum
ndarray.tolist  = _manipulation.ndarray_tolist
ndarray.transpose = _manipulation.ndarray_transpose
ndarray.var     = _statistics.ndarray_var
ndarray.view    = _manipulation.ndarray_view
ndarray.tofile  = _io.ndarray_tofile
ndarray.tobytes = _io.ndarray_tobytes
ndarray.dump    = _io.ndarray_dump
ndarray.dumps   = _io.ndarray_dumps

# methods that are adapters above
ndarray.argmax    = argmax
ndarray.argmin    = argmin
ndarray.clip      = clip
ndarray.conj      = conj
ndarray.conjugate = conjugate
ndarray.put       = put

# Last, as assigning an operator resets its slot: the operator slots call the C fast paths
# directly, saving the Python operator's frame (``_speedups.c``; the operators above stay for
# Dynamo, explicit calls and the Python-only build). (Not ``__getitem__``: CPython 3.11+
# specialises ``a[k]`` to call a Python ``__getitem__`` straight, bypassing the slot.)
if _SPEEDUPS is not None:
    _SPEEDUPS.install_slots({
        "__add__": _u.add, "__sub__": _u.subtract, "__mul__": _u.multiply,
        "__truediv__": _u.true_divide, "__floordiv__": _u.floor_divide, "__mod__": _u.remainder,
        "__and__": _u.bitwise_and, "__or__": _u.bitwise_or, "__xor__": _u.bitwise_xor,
        "__lshift__": _u.left_shift, "__rshift__": _u.right_shift, "__matmul__": _u.matmul,
        "__neg__": _u.negative, "__pos__": _u.positive, "__abs__": _u.absolute,
        "__invert__": _u.invert, "__lt__": _u.less, "__le__": _u.less_equal, "__eq__": _u.equal,
        "__ne__": _u.not_equal, "__gt__": _u.greater, "__ge__": _u.greater_equal})
