"""Temporary elision, as NumPy does it: ``a*2.0 - b`` computes the subtraction into the buffer of
the temporary ``a*2.0`` instead of allocating a new one.

An arithmetic operator may overwrite an operand only when nothing else can see it: the operand is
a large (``MIN_BYTES``) result of a computation, the interpreter's evaluation stack holds the only
reference to the ndarray (counted exactly, and the operator called straight from a ``BINARY_OP``
instruction, so no C code holds a borrowed reference), nothing else holds its tensor (no
``.tensor``, no NumPy array from ``__array__``) or its storage (no views, no memory that torch did
not allocate itself), it takes no part in autograd, and the result has its dtype and shape.
Checked in ``ufunc._call2`` on the fast path, eagerly only (never under torch.compile's tracing).
Ufunc calls (``np.exp(a*b)``) never elide, as in NumPy: a C caller such as ``sorted(arrays,
key=np.negative)`` passes a borrowed reference that counts exactly like the temporary's.
"""
import dis
import sys

import torch

from torchnp._core import convert
from torchnp._core.ndarray import ndarray

MIN_BYTES = 256 * 1024      # NumPy's NPY_MIN_ELIDE_BYTES
# ``sys.getrefcount`` of an operand in ``ufunc._call2`` when the interpreter's stack holds the only
# other reference: the stack, the operator's parameter, ``_call2``'s and getrefcount's argument.
# Python 3.14 lends stack references without counting them (a named local counts the same), so
# elision is off there; before 3.11 there is no BINARY_OP instruction.
TEMP_REFS = 4
ENABLED = (3, 11) <= sys.version_info[:2] < (3, 14)
# The tensor's, seen from ``_is_temporary``: the ndarray's slot, ``_call2``'s local, ``binary``'s
# argument, and getrefcount's.
_TENSOR_REFS = 4
# The storage's use count, our ``untyped_storage()`` object included, when one tensor owns it.
_STORAGE_USES = 2
_BINARY_OP = dis.opmap.get("BINARY_OP")
_OPERATORS = set()          # code objects of the ndarray operators that may elide
# torch kernels whose ``out=`` may be one of their inputs (elementwise, TensorIterator)
OUT_KERNELS = frozenset((torch.add, torch.sub, torch.mul, torch.div, torch.pow,
                          torch.bitwise_and, torch.bitwise_or, torch.bitwise_xor))
_storage_uses = torch._C._storage_Use_Count


def register_operators(*functions):
    """Let the ndarray operators ``functions`` (``__add__``, ...) compute into a temporary."""
    _OPERATORS.update(f.__code__ for f in functions)


def binary(loop, x1, x2, t1, t2, depth):
    """``loop.kernel(t1, t2)``, into the tensor of ``x1`` or ``x2`` where that one is a temporary
    (``ufunc._call2`` calls this only when one of them has ``TEMP_REFS`` references and ``t1``
    has ``MIN_BYTES``, so the result has too; ``t1`` is ``x2``'s tensor when ``x1`` is a Python
    scalar). ``depth``: the Python frames between the caller and the operator method, 1 from
    ``ufunc._call2``, 0 from its C twin (``_speedups.c``); the reference counts are the same."""
    if loop.kernel in OUT_KERNELS:
        dt = loop.out_dt
        if _is_temporary(x1, dt):
            target, other = t1, t2
        elif _is_temporary(x2, dt):
            target, other = (t2, t1) if type(x1) is ndarray else (t1, t2)
        else:
            target = None
        if target is not None and _from_binary_op(depth) and _holds_result(target, other):
            return loop.kernel(t1, t2, out=target)
    return loop.kernel(t1, t2)


def _from_binary_op(depth):
    """Whether the operator ``depth`` frames above ``binary``'s caller was called by a
    ``BINARY_OP`` instruction."""
    operator = sys._getframe(depth + 2)
    if operator.f_code not in _OPERATORS:
        return False
    caller = operator.f_back
    return caller is not None and caller.f_code.co_code[caller.f_lasti] == _BINARY_OP


def _is_temporary(x, dt):
    """Whether ndarray ``x`` of dtype ``dt`` is a temporary no one else can see."""
    if type(x) is not ndarray or not x._scalar or x._dt is not dt or x._base is not None \
            or sys.getrefcount(x) != TEMP_REFS + 2:      # + 2: ``binary``'s and ours
        return False
    t = x._t
    if sys.getrefcount(t) != _TENSOR_REFS + 1 or t.requires_grad or t._base is not None:
        return False                # + 1: the local ``t``
    storage = t.untyped_storage()
    return storage.resizable() and _storage_uses(storage._cdata) == _STORAGE_USES


def _holds_result(target, other):
    """Whether ``target`` has the broadcast shape of ``target`` and ``other`` (a tensor or a
    Python scalar), and ``other`` takes no part in autograd."""
    if type(other) is not torch.Tensor:
        return True
    if other.requires_grad:
        return False
    shape = tuple(target.shape)
    try:
        return convert.broadcast_shapes((shape, tuple(other.shape))) == shape
    except ValueError:
        return False
