"""torchnp.fft: NumPy's discrete Fourier transforms, computed by torch.fft on the input's device.

torchnp implementation of :mod:`numpy.fft` (NumPy 2.4's dtype, ``s`` / ``axes``, ``norm`` and
``out=`` rules; see docs/differences.md for where it differs).
"""
from torchnp.fft._helper import fftfreq, fftshift, ifftshift, rfftfreq
from torchnp.fft._transforms import (
    fft, fft2, fftn, hfft, ifft, ifft2, ifftn, ihfft, irfft, irfft2, irfftn, rfft, rfft2, rfftn,
)

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "rfftn", "irfftn", "rfft2", "irfft2",
           "fft2", "ifft2", "fftn", "ifftn", "fftshift", "ifftshift", "fftfreq", "rfftfreq"]
