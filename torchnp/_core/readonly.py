"""Read-only arrays: NumPy's WRITEABLE flag, kept outside the ndarray (docs/design-notes.md).

The flag marks an array's tensor object, in a table keyed by ``id(tensor)`` whose entries leave
with the tensor (a weak reference's callback). Views made by ``convert.wrap_view`` (and the hot
paths that inline it) inherit the mark when they are made, as NumPy's views inherit the flag:
a view made before its base was marked, and the base of a marked view, stay writeable.
``ANY`` is False while no tensor is marked, so a write path pays one module-attribute read.
Under ``torch.compile`` nothing is marked or checked: traced tensors are not the eager ones, and
Dynamo cannot keep ``id()`` of them across a graph break (docs/differences.md).
"""
import weakref

import torch

_is_compiling = torch.compiler.is_compiling

ANY = False         # whether some tensor is marked: the one test the write paths make first
_MARKED = {}        # id(tensor) -> weak reference to that tensor
_LOCKED = set()     # ids of marked tensors whose memory is not writeable (a read-only buffer)


def is_marked(t):
    """Whether tensor ``t`` belongs to a read-only array."""
    return ANY and not _is_compiling() and id(t) in _MARKED


def mark(t, locked=False):
    """Make the arrays of tensor ``t`` read-only; ``locked``: for good (memory not writeable)."""
    global ANY
    if _is_compiling():
        return
    key = id(t)
    if key not in _MARKED:
        _MARKED[key] = weakref.ref(t, lambda _, key=key: _forget(key))
    if locked:
        _LOCKED.add(key)
    ANY = True


def unmark(t):
    """Make the arrays of tensor ``t`` writeable again."""
    global ANY
    if _is_compiling():
        return
    key = id(t)
    _MARKED.pop(key, None)          # the weak reference goes too, and with it its callback
    _LOCKED.discard(key)
    ANY = bool(_MARKED)


def is_locked(t):
    return ANY and not _is_compiling() and id(t) in _LOCKED


def inherit(view, base):
    """Mark tensor ``view`` when it views the tensor ``base`` of a read-only array."""
    if is_marked(base):
        mark(view)


def _forget(key):
    global ANY
    _MARKED.pop(key, None)
    _LOCKED.discard(key)
    ANY = bool(_MARKED)


def read_only(a):
    """Ndarray ``a``, made read-only (NumPy's read-only views: ``diagonal``, ``broadcast_to``)."""
    mark(a._t)
    return a
