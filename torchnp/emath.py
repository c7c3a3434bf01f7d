"""Mathematical functions with automatic domain: real input outside the real domain gives complex
output (``sqrt(-1)`` is ``1j``), as ``numpy.emath`` (``numpy.lib.scimath``).

Each function looks at the values to choose the result's dtype, as NumPy does: one read back to the
host per call (``# host-sync:``), so a compiled graph breaks there. The math is torchnp's ufuncs.
"""
import torch

from torchnp import _complex, _creation, _logic
from torchnp import _math_ufuncs as _u
from torchnp._core import convert

# Real inputs whose complex counterpart is complex64, as NumPy's _tocomplex picks it (float16
# and every wider type go to complex128).
_TO_COMPLEX64 = frozenset({"float32", "int8", "int16", "uint8", "uint16", "complex64"})


def _to_complex(x):
    return x.astype("complex64" if x.dtype.name in _TO_COMPLEX64 else "complex128")


def _to_float(x):
    return x * 1.0


def _real_negative(x):
    """Whether some element of ``x`` is real and negative (a 0-d bool array)."""
    return _logic.any(_complex.isreal(x) & _u.less(x, 0))


def _real_outside_unit(x):
    """Whether some element of ``x`` is real and outside [-1, 1] (a 0-d bool array)."""
    return _logic.any(_complex.isreal(x) & _u.greater(_u.absolute(x), 1))


def _fixed(*rules):
    """Each ``(x, outside, fix)``: ``x`` as an array, ``fix(x)`` where ``outside(x)`` finds an
    element outside the real domain. One read back to the host for all the operands."""
    arrays = [_creation.asarray(x) for x, _, _ in rules]
    convert.on_one_device([a._t for a in arrays])
    found = [outside(a)._t for a, (_, outside, _) in zip(arrays, rules)]
    found = torch.stack(found).tolist()     # host-sync: NumPy picks the result dtype by value
    return [fix(a) if f else a for a, f, (_, _, fix) in zip(arrays, found, rules)]


def sqrt(x):
    """The square root of x; complex for negative real input.

    torchnp implementation of :func:`numpy.emath.sqrt`.
    """
    return _u.sqrt(*_fixed((x, _real_negative, _to_complex)))


def log(x):
    """The natural logarithm of x; complex for negative real input.

    torchnp implementation of :func:`numpy.emath.log`.
    """
    return _u.log(*_fixed((x, _real_negative, _to_complex)))


def log10(x):
    """The base-10 logarithm of x; complex for negative real input.

    torchnp implementation of :func:`numpy.emath.log10`.
    """
    return _u.log10(*_fixed((x, _real_negative, _to_complex)))


def log2(x):
    """The base-2 logarithm of x; complex for negative real input.

    torchnp implementation of :func:`numpy.emath.log2`.
    """
    return _u.log2(*_fixed((x, _real_negative, _to_complex)))


def logn(n, x):
    """The logarithm of x to the base n; complex for negative real input.

    torchnp implementation of :func:`numpy.emath.logn`.
    """
    x, n = _fixed((x, _real_negative, _to_complex), (n, _real_negative, _to_complex))
    return _u.divide(_u.log(x), _u.log(n))


def power(x, p):
    """x to the power p; complex for negative real x, float for negative integer p.

    torchnp implementation of :func:`numpy.emath.power`.
    """
    x, p = _fixed((x, _real_negative, _to_complex), (p, _real_negative, _to_float))
    return _u.power(x, p)


def arccos(x):
    """The inverse cosine of x; complex for real x outside [-1, 1].

    torchnp implementation of :func:`numpy.emath.arccos`.
    """
    return _u.arccos(*_fixed((x, _real_outside_unit, _to_complex)))


def arcsin(x):
    """The inverse sine of x; complex for real x outside [-1, 1].

    torchnp implementation of :func:`numpy.emath.arcsin`.
    """
    return _u.arcsin(*_fixed((x, _real_outside_unit, _to_complex)))


def arctanh(x):
    """The inverse hyperbolic tangent of x; complex for real x outside [-1, 1].

    torchnp implementation of :func:`numpy.emath.arctanh`.
    """
    return _u.arctanh(*_fixed((x, _real_outside_unit, _to_complex)))

