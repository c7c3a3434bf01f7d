"""Utilities: ``iterable``, ``base_repr``, ``binary_repr``, ``isfortran``, ``info``,
``getbufsize`` / ``setbufsize``, ``may_share_memory`` / ``shares_memory``.

torchnp implementations of NumPy's small helper functions that are not operators on values.
"""
import contextvars
import sys

import numpy
import torch

from torchnp import _creation
from torchnp._core import convert
from torchnp._core.ndarray import ndarray


def iterable(y):
    """Whether ``y`` can be iterated over (a 0-d array cannot).

    torchnp implementation of :func:`numpy.iterable`.
    """
    try:
        iter(y)
    except TypeError:
        return False
    return True


_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base_repr(number, base=2, padding=0):
    """The string representation of a number in the given base (2 to 36).

    torchnp implementation of :func:`numpy.base_repr`.
    """
    if base > len(_DIGITS):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(int(number))              # host-sync: the digits of a 0-d array's value
    digits = []
    while num:
        num, r = divmod(num, base)
        digits.append(_DIGITS[r])
    if padding:
        digits.append("0" * padding)
    if number < 0:                      # host-sync: the sign (floats truncate, as NumPy's int())
        digits.append("-")
    return "".join(reversed(digits or "0"))


def binary_repr(num, width=None):
    """The binary representation of an integer; two's complement of ``width`` bits if negative.

    torchnp implementation of :func:`numpy.binary_repr`.
    """
    num = convert.operator_index(num)   # host-sync: a 0-d array's value
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        bits = f"{num:b}"
        _check_width(width, len(bits))
        return bits.zfill(width or 0)
    if width is None:
        return f"-{-num:b}"
    magnitude_bits = len(f"{-num:b}")
    if 2 ** (magnitude_bits - 1) == -num:       # -2**k needs k bits, not k + 1
        magnitude_bits -= 1
    bits = f"{2 ** (magnitude_bits + 1) + num:b}"
    _check_width(width, len(bits))
    return "1" * (width - len(bits)) + bits


def _check_width(width, binwidth):
    if width is not None and width < binwidth:
        raise ValueError(f"Insufficient bit width={width} provided for binwidth={binwidth}")


def isfortran(a):
    """Whether ``a`` is Fortran-contiguous and not also C-contiguous.

    torchnp implementation of :func:`numpy.isfortran`.
    """
    return a.flags.fnc


def info(object=None, maxwidth=76, output=None, toplevel="numpy"):  # noqa: A002 (NumPy's name)
    """Help on an array, function, class or module.

    torchnp implementation of :func:`numpy.info`: for a torchnp array, NumPy's layout summary
    (the data pointer is the tensor's, on its device); for anything else NumPy's own text.
    """
    if isinstance(object, ndarray):
        _array_info(object, sys.stdout if output is None else output)
        return None
    return numpy.info(object, maxwidth, output, toplevel)


def _array_info(a, output):
    flags = a.flags
    lines = [("class: ", type(a).__name__), ("shape: ", a.shape), ("strides: ", a.strides),
             ("itemsize: ", a.itemsize), ("aligned: ", flags.aligned),
             ("contiguous: ", flags.contiguous), ("fortran: ", flags.fortran)]
    for name, value in lines:
        print(name, value, file=output)
    print(f"data pointer: {hex(a._t.data_ptr())}", file=output)
    print("byteorder: ", end=" ", file=output)
    print(sys.byteorder, file=output)
    print("byteswap: ", False, file=output)
    print(f"type: {a.dtype}", file=output)


# ----- the ufunc buffer size: kept for NumPy's API; torch kernels use no such buffer --------------
_BUFSIZE = contextvars.ContextVar("torchnp_bufsize", default=8192)


def getbufsize():
    """The size of the buffer used in ufuncs (NumPy's setting; torch kernels do not read it).

    torchnp implementation of :func:`numpy.getbufsize`.
    """
    return _BUFSIZE.get()


def setbufsize(size):
    """Set the size of the buffer used in ufuncs; return the previous size.

    torchnp implementation of :func:`numpy.setbufsize` (the setting is kept and reported; torch
    kernels do not read it).
    """
    if size < 0:
        raise ValueError("buffer size must be non-negative")
    size = convert.operator_index(size)
    old = _BUFSIZE.get()
    _BUFSIZE.set(size)
    return old


# ----- memory overlap -----------------------------------------------------------------------------

def _tensor_or_none(a):
    """The tensor whose memory ``a`` is (ndarrays, tensors, NumPy arrays: no copy), or None for
    data that ``asarray`` would copy into new memory, which no other array can share."""
    if isinstance(a, ndarray):
        return a._t
    if isinstance(a, torch.Tensor):
        return a
    if isinstance(a, numpy.ndarray):
        t, copied = convert._numpy_to_tensor(a)
        return None if copied else t
    _creation.asarray(a)            # NumPy's errors for what is no array
    return None


def _byte_extent(t):
    """[start, stop) of the bytes ``t``'s elements occupy, or None when it has no elements."""
    if t.numel() == 0:
        return None
    start = t.data_ptr()
    last = sum((n - 1) * s for n, s in zip(t.shape, t.stride()))
    return start, start + (last + 1) * t.element_size()


def _element_offsets(t):
    """The byte offsets of ``t``'s elements from its data pointer, sorted (a CPU int64 tensor)."""
    offsets = torch.zeros((), dtype=torch.int64)
    for n, s in zip(t.shape, t.stride()):
        offsets = (offsets.unsqueeze(-1) + torch.arange(n) * (s * t.element_size()))
    return offsets.reshape(-1).sort().values


def _overlap(t1, t2, exact, too_hard):
    """Whether tensors ``t1`` and ``t2`` have a byte in common. Without ``exact``, overlapping
    bounds are "too hard" (NumPy's ``max_work=0``): TooHardError when ``too_hard``, else True."""
    if t1.device != t2.device:
        return False
    r1, r2 = _byte_extent(t1), _byte_extent(t2)
    if r1 is None or r2 is None or r1[1] <= r2[0] or r2[1] <= r1[0]:
        return False
    if not exact:
        if too_hard:
            raise numpy.exceptions.TooHardError("Exceeded max_work")
        return True
    if t1.is_contiguous() and t2.is_contiguous():
        return True
    # An element of t1 [a, a + n1) meets one of t2 [b, b + n2) where b < a + n1 and a < b + n2:
    # for each a, the first b above a - n2 decides. (Work proportional to the sizes, on the host:
    # memory layouts only, no values are read.)
    a = _element_offsets(t1) + t1.data_ptr()
    b = _element_offsets(t2) + t2.data_ptr()
    n1, n2 = t1.element_size(), t2.element_size()
    first = torch.searchsorted(b, a - n2, right=True)
    hit = first < b.numel()
    return bool((b[first[hit]] < a[hit] + n1).any())    # host-sync: a CPU tensor of offsets


def _exact(max_work, default):
    """Whether ``max_work`` asks for the exact answer (NumPy: 0 is a bounds check, -1 exact;
    None is the function's ``default``)."""
    if max_work is None:
        max_work = default
    try:
        max_work = convert.operator_index(max_work)
    except TypeError:
        raise ValueError("max_work must be an integer") from None
    if max_work < -2:
        raise ValueError("Invalid value for max_work")
    return max_work != 0


def _shares(a, b, max_work, too_hard, default):
    exact = _exact(max_work, default)
    t1, t2 = _tensor_or_none(a), _tensor_or_none(b)
    return t1 is not None and t2 is not None and _overlap(t1, t2, exact, too_hard)


def shares_memory(a, b, /, max_work=-1):
    """Whether two arrays have an element in common in memory (exactly, by default).

    torchnp implementation of :func:`numpy.shares_memory`: the answer comes from the tensors'
    memory layouts (no values are read); arrays on different devices share nothing. The answer
    is exact for every ``max_work`` but 0, which checks the bounds only and raises TooHardError
    when they overlap, as NumPy does.
    """
    return _shares(a, b, max_work, too_hard=True, default=-1)


def may_share_memory(a, b, /, max_work=0):
    """Whether two arrays might share memory: their memory bounds overlap (by default).

    torchnp implementation of :func:`numpy.may_share_memory` (any ``max_work`` but 0 gives the
    exact answer).
    """
    return _shares(a, b, max_work, too_hard=False, default=0)
