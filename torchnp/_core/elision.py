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
# The references to a temporary operand outside ``binary`` when the interpreter's evaluation stack
# holds the only other one. Through an operator method: the stack, the operator's parameter and
# the operator's call of the fast path (``ufunc._call2``'s parameter, or the stack slot the C
# twin borrows). Through the ndarray's C number slot (``_speedups.c``): the stack alone.
HELD_BY_OPERATOR = 3
HELD_BY_SLOT = 1
# ``sys.getrefcount`` of such an operand in ``ufunc._call2`` (+ 1: getrefcount's argument).
TEMP_REFS = HELD_BY_OPERATOR + 1
# Python 3.14 lends stack references without counting them (a named local counts the same), so
# elision is off there; before 3.11 there is no BINARY_OP instruction.
ENABLED = (3, 11) <= sys.version_info[:2] < (3, 14)
# The tensor's, seen from ``_is_temporary``: the ndarray's slot, the fast path's reference
# (``_call2``'s local, or the C twin's), ``binary``'s argument, and getrefcount's.
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


def binary(loop, x1, x2, t1, t2, held, frames):
    """``loop.kernel(t1, t2)``, into the tensor of ``x1`` or ``x2`` where that one is a temporary
    (``ufunc._call2`` calls this only when one of them has ``held`` references and ``t1`` has
    ``MIN_BYTES``, so the result has too; ``t1`` is ``x2``'s tensor when ``x1`` is a Python
    scalar). ``held``: ``HELD_BY_OPERATOR`` or ``HELD_BY_SLOT``; ``frames``: the Python frames
    between this call and the frame running the ``BINARY_OP`` instruction (``_call2`` and the
    operator: 2; the operator, calling the C twin: 1; the C number slot: 0)."""
    if loop.kernel in OUT_KERNELS:
        dt = loop.out_dt
        if _is_temporary(x1, dt, held):
            target, other = t1, t2
        elif _is_temporary(x2, dt, held):
            target, other = (t2, t1) if type(x1) is ndarray else (t1, t2)
        else:
            target = None
        if target is not None and _from_binary_op(frames) and _holds_result(target, other):
            return loop.kernel(t1, t2, out=target)
    return loop.kernel(t1, t2)


def _from_binary_op(frames):
    """Whether the frame ``frames`` above ``binary``'s caller runs a ``BINARY_OP`` instruction,
    with the frame below it, if any, an ndarray operator (no other code between)."""
    if frames and sys._getframe(frames + 1).f_code not in _OPERATORS:
        return False
    caller = sys._getframe(frames + 2)
    return caller.f_code.co_code[caller.f_lasti] == _BINARY_OP


def _is_temporary(x, dt, held):
    """Whether ndarray ``x`` of dtype ``dt`` is a temporary no one else can see."""
    if type(x) is not ndarray or not x._scalar or x._dt is not dt or x._base is not None \
            or sys.getrefcount(x) != held + 3:       # + 3: ``binary``'s, ours, getrefcount's
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
