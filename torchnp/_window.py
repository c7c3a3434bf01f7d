"""Window functions: bartlett, blackman, hamming, hanning, kaiser.

NumPy's formulas, written against torchnp's own functions. As NumPy reads ``M`` (and ``beta``)
through ``array([0.0, M])``, results are float64, or complex128 for a complex argument; ``M < 1``
gives an empty window and ``M == 1`` the window ``[1.]``. The arguments are host numbers: a torchnp
array as ``M`` is read back once (the window's length depends on its value).
"""
import math

from torchnp._core import dtypes as _dtypes
from torchnp._creation import arange, array, asarray, ones
from torchnp._indexing import where
from torchnp._math import i0
from torchnp._math_ufuncs import cos, less_equal, sqrt

_PY_NUMBERS = (bool, int, float, complex)
_INHOMOGENEOUS = ("setting an array element with a sequence. The requested array has an "
                  "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + "
                  "inhomogeneous part.")


def _number(x):
    """One window argument as a Python number, with NumPy's errors for what is not one."""
    if type(x) in _PY_NUMBERS:
        return x
    a = asarray(x)                      # strings, None, objects: TypeError (numbers only)
    if a.ndim:
        raise ValueError(_INHOMOGENEOUS)
    return a.item()                     # host-sync: the window's length is this value


def _numbers(*args):
    """NumPy's ``array([0.0, M, ...])``: the arguments as Python floats, or as complex numbers
    (and dtype complex128) when one is complex; else dtype float64."""
    values = [_number(x) for x in args]
    if any(type(v) is complex for v in values):
        return [complex(v) for v in values], _dtypes.complex128
    return [float(v) for v in values], _dtypes.float64


def _below_one(m):
    # NumPy orders complex numbers by real part, then imaginary part
    return (m.real, m.imag) < (1.0, 0.0) if type(m) is complex else m < 1


def _symmetric(M, formula):
    """A window of length M from ``formula(n, M)`` over ``n = 1 - M, 3 - M, ..., M - 1``."""
    (m,), dt = _numbers(M)
    if _below_one(m):
        return array([], dtype=dt)
    if m == 1:
        return ones(1, dtype=dt)
    return formula(arange(1 - m, m, 2, dtype=dt), m)


def _bartlett(n, m):
    return where(less_equal(n, 0), 1 + n / (m - 1), 1 - n / (m - 1))


def _blackman(n, m):
    return 0.42 + 0.5 * cos(math.pi * n / (m - 1)) + 0.08 * cos(2.0 * math.pi * n / (m - 1))


def _hamming(n, m):
    return 0.54 + 0.46 * cos(math.pi * n / (m - 1))


def _hanning(n, m):
    return 0.5 + 0.5 * cos(math.pi * n / (m - 1))


def bartlett(M):
    """The Bartlett (triangular) window.

    torchnp implementation of :func:`numpy.bartlett`.
    """
    return _symmetric(M, _bartlett)


def blackman(M):
    """The Blackman window.

    torchnp implementation of :func:`numpy.blackman`.
    """
    return _symmetric(M, _blackman)


def hamming(M):
    """The Hamming window.

    torchnp implementation of :func:`numpy.hamming`.
    """
    return _symmetric(M, _hamming)


def hanning(M):
    """The Hann window.

    torchnp implementation of :func:`numpy.hanning`.
    """
    return _symmetric(M, _hanning)


def kaiser(M, beta):
    """The Kaiser window.

    torchnp implementation of :func:`numpy.kaiser`.
    """
    (m, b), dt = _numbers(M, beta)
    if m == 1:
        return ones(1, dtype=dt)
    n = arange(0, m, dtype=dt)
    alpha = (m - 1) / 2.0
    return i0(b * sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(asarray(b, dtype=dt))
