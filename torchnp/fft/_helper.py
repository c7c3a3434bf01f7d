"""The FFT helpers of ``numpy.fft``: sample frequencies and shifting the zero frequency."""
import numpy

from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core.ndarray import ndarray
from torchnp._creation import arange, asarray
from torchnp._manipulation import concatenate, roll

_INTEGER_TYPES = (int, numpy.integer)


def _length(n):
    """NumPy's integer ``n``; a torchnp integer scalar stands for the NumPy integer NumPy would
    have there (its type matters: ``n * d`` promotes with ``d``)."""
    if isinstance(n, _INTEGER_TYPES):
        return n
    if isinstance(n, ndarray) and convert.is_scalar_like(n) and _dtypes.is_integer(n._dt):
        return n.dtype.type(int(n))     # host-sync: the length decides the result's shape
    raise ValueError("n should be an integer")


def fftfreq(n, d=1.0, device=None, *, dtype=None):
    """Return the Discrete Fourier Transform sample frequencies.

    torchnp implementation of :func:`numpy.fft.fftfreq`; ``device`` is any torch device, and
    ``dtype`` (a real floating dtype) is the Array API standard's, which NumPy lacks.
    """
    n = _length(n)
    val = 1.0 / (n * d)
    if n < 0:
        raise ValueError("negative dimensions are not allowed")
    half = (n - 1) // 2 + 1
    results = concatenate((arange(0, half, dtype=int, device=device),
                           arange(-(n // 2), 0, dtype=int, device=device)))
    return _in_dtype(results * val, dtype)


def rfftfreq(n, d=1.0, device=None, *, dtype=None):
    """Return the Discrete Fourier Transform sample frequencies (for usage with rfft, irfft).

    torchnp implementation of :func:`numpy.fft.rfftfreq`; ``device`` is any torch device, and
    ``dtype`` (a real floating dtype) is the Array API standard's, which NumPy lacks.
    """
    n = _length(n)
    val = 1.0 / (n * d)
    results = arange(0, n // 2 + 1, dtype=int, device=device)
    return _in_dtype(results * val, dtype)


def _in_dtype(freqs, dtype):
    """The frequencies (float64) in ``dtype``, which must be a real floating dtype."""
    if dtype is None:
        return freqs
    dt = numpy.dtype(dtype)
    if dt.kind != "f":
        raise ValueError(f"dtype must be a real floating-point data type, got {dt}")
    return freqs.astype(dt, copy=False)


def _shifted(x, axes, sign):
    """``x`` rolled by ``sign`` times half its length along ``axes`` (all when None)."""
    x = asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [sign * (dim // 2) for dim in x.shape]
    elif isinstance(axes, _INTEGER_TYPES):
        shift = sign * (x.shape[axes] // 2)
    else:
        shift = [sign * (x.shape[ax] // 2) for ax in axes]
    return roll(x, shift, axes)


def fftshift(x, axes=None):
    """Shift the zero-frequency component to the center of the spectrum.

    torchnp implementation of :func:`numpy.fft.fftshift`.
    """
    return _shifted(x, axes, 1)


def ifftshift(x, axes=None):
    """The inverse of `fftshift`.

    torchnp implementation of :func:`numpy.fft.ifftshift`.
    """
    return _shifted(x, axes, -1)
