"""Database: numpy.fft — the transforms (n / s / axes / norm / out=), the frequencies, the shifts.

Samples cover real, complex and integer inputs, stacked (batched) and n-d shapes, cropping and
zero-padding, the three norms, and NumPy's errors. Where NumPy 2.4 is wrong (known_bugs.NUMPY_BUGS:
``out=`` ignored by hfft / ifft2 / irfft2), the reference is NumPy with the fix it made after 2.4.
"""
import numpy as np

from opinfo.core import ALL, INEXACT, ErrorInput, OpInfo, SampleInput

_NORMS = (None, "backward", "ortho", "forward")


class FFTInfo(OpInfo):
    """A transform. Tolerances by the precision the result is computed in, absolute as well as
    relative: a transform's rounding errors scale with its largest value, not with each element.
    float16 input: NumPy scales (norm) by a factor rounded to float16 (docs/differences.md)."""

    def __init__(self, name, dtypes, samples, errors, ref=None):
        super().__init__(name, dtypes=dtypes, samples=samples, errors=errors, ref=ref,
                         supports_out=True, supports_grad=True)

    def tolerance(self, dtype, expected=None):
        if dtype is not None and np.dtype(dtype) == np.float16:
            return (2e-3, 2e-3)
        res = np.asarray(expected) if expected is not None else np.zeros(0)
        return (1e-4, 1e-4) if res.dtype.char in "efF" else (1e-10, 1e-10)


# ----- references: NumPy, and where NumPy 2.4 drops out= (gh-30909), NumPy's own fix -------------
_SWAP = {None: "forward", "backward": "forward", "ortho": "ortho", "forward": "backward"}


def ref_hfft(a, n=None, axis=-1, norm=None, out=None):
    """NumPy's hfft with ``out=`` honoured, as numpy PR 30910 (after 2.4) computes it."""
    if out is None or norm not in _SWAP:
        return np.fft.hfft(a, n, axis, norm)
    return np.fft.irfft(np.conjugate(a), n, axis, norm=_SWAP[norm], out=out)


def ref_ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """NumPy's ifft2 with ``out=`` honoured (numpy PR 30910): ifftn over ``axes``."""
    return np.fft.ifftn(a, s, axes, norm, out=out)


def ref_irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """NumPy's irfft2 with ``out=`` honoured (numpy PR 30910): irfftn over ``axes``."""
    return np.fft.irfftn(a, s, axes, norm, out=out)


# ----- samples ------------------------------------------------------------------------------------
def s_1d(make, dt):
    """The 1-D transforms: lengths even and odd, stacked inputs along either axis, n cropping and
    zero-padding, every norm."""
    yield SampleInput(make((8,), dt))
    yield SampleInput(make((7,), dt), norm="ortho")
    yield SampleInput(make((3, 6), dt), axis=0)
    yield SampleInput(make((2, 3, 5), dt), n=8, axis=1, norm="forward")
    yield SampleInput(make((4, 6), dt), n=4)
    yield SampleInput(make((5,), dt), n=1)
    yield SampleInput(make((2, 4), dt), 9, -1, "backward")
    for norm in _NORMS:
        yield SampleInput(make((6,), dt), n=5, norm=norm)
    yield SampleInput(make((0, 4), dt))                   # an empty batch
    yield SampleInput(make((2, 0), dt), axis=0)


def s_1d_half(make, dt):
    """irfft and hfft: the default n is 2 (m - 1)."""
    yield from s_1d(make, dt)
    yield SampleInput(make((1,), dt), n=1)
    yield SampleInput(make((2,), dt))


def s_nd(make, dt):
    """The n-d transforms: all axes, chosen and reordered axes, s cropping and padding, -1 in s
    (the whole axis), repeated axes (transformed twice), every norm."""
    yield SampleInput(make((4, 6), dt))
    yield SampleInput(make((2, 3, 4), dt), norm="ortho")
    yield SampleInput(make((3, 4, 5), dt), axes=(0, 2))
    yield SampleInput(make((3, 4), dt), axes=(-1, 0), norm="forward")
    yield SampleInput(make((3, 4), dt), s=(5, 2), axes=(0, 1))
    yield SampleInput(make((2, 3, 4), dt), s=(-1, 6), axes=(1, 2))
    yield SampleInput(make((3, 4), dt), axes=(1, 1))
    yield SampleInput(make((3, 4), dt), (4, 4), (0, 1), "backward")
    yield SampleInput(make((0, 3, 4), dt), axes=(1, 2))   # an empty batch


def s_2d(make, dt):
    yield SampleInput(make((4, 6), dt))
    yield SampleInput(make((2, 3, 4), dt), norm="ortho")
    yield SampleInput(make((3, 4, 5), dt), axes=(0, 2))
    yield SampleInput(make((3, 4), dt), s=(5, 2), axes=(1, 0), norm="forward")
    yield SampleInput(make((2, 3, 4), dt), s=(-1, 6))
    yield SampleInput(make((0, 3, 4), dt))


# ----- errors -------------------------------------------------------------------------------------
def _x(shape=(4,), dtype=np.float64):
    return np.arange(1, 1 + int(np.prod(shape)), dtype=dtype).reshape(shape) / 2


def errors_1d(make):
    yield ErrorInput(SampleInput(_x(), n=0), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), n=-3), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), norm="bad"), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), n=2.5), TypeError)
    yield ErrorInput(SampleInput(_x(), n=4, axis=1), np.exceptions.AxisError, exact_message=True)
    yield ErrorInput(SampleInput(_x((0,))), ValueError, exact_message=True)   # n = 0 by default
    yield ErrorInput(SampleInput(_x(), out=[0j] * 4), TypeError, exact_message=True)


def errors_fft(make):
    yield from errors_1d(make)
    yield ErrorInput(SampleInput(_x(), out=np.zeros(5, complex)), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), out=np.zeros(4)), TypeError)       # complex into float
    yield ErrorInput(SampleInput(_x((2, 3)), out=np.zeros((2,), complex)), ValueError,
                     exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), out=np.zeros((1, 3), complex)), ValueError)
    yield ErrorInput(SampleInput(_x((2, 3, 4)), axis=1, out=np.zeros((5, 3, 4), complex)),
                     ValueError, exact_message=True)


def errors_rfft(make):
    yield from errors_1d(make)
    yield ErrorInput(SampleInput(_x() + 1j), TypeError, exact_message=True)
    yield ErrorInput(SampleInput(_x((5,)) + 1j), TypeError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), out=np.zeros(4, complex)), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), out=np.zeros(3, np.float64)), TypeError)


def errors_irfft(make):
    yield from errors_1d(make)
    yield ErrorInput(SampleInput(_x((1,))), ValueError, exact_message=True)   # n = 0 by default
    yield ErrorInput(SampleInput(_x(), out=np.zeros(5)), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x(), out=np.zeros(6, np.int64)), TypeError)


def errors_nd(make):
    yield ErrorInput(SampleInput(_x((2, 3)), s=(2,), axes=(0, 1)), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), s=(2, 0), axes=(0, 1)), ValueError,
                     exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), norm="ortho2"), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), axes=(0, 2)), IndexError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), s=(2, 2), axes=(0, 5)), np.exceptions.AxisError,
                     exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), s=2, axes=(0, 1)), TypeError)
    yield ErrorInput(SampleInput(_x((2, 3)), s=(2, 2), axes=1), TypeError)


def errors_fftn(make):
    yield from errors_nd(make)
    # out= gets every 1-D step (NumPy): a step of another length along a batch axis cannot
    yield ErrorInput(SampleInput(_x((2, 3)), s=(4, 5), axes=(0, 1),
                                 out=np.zeros((4, 5), complex)), ValueError, exact_message=True)


def errors_rfftn(make):
    yield from errors_nd(make)
    yield ErrorInput(SampleInput(_x((2, 3)) + 1j), TypeError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), axes=[]), IndexError, exact_message=True)


def errors_irfftn(make):
    yield from errors_nd(make)
    yield ErrorInput(SampleInput(_x((2, 3)), axes=[]), IndexError, exact_message=True)


def errors_2d(make):
    yield ErrorInput(SampleInput(_x((3,))), IndexError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), s=(2,)), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(_x((2, 3)), norm="x"), ValueError, exact_message=True)


# ----- the helpers --------------------------------------------------------------------------------
def s_fftfreq(make, dt):
    yield SampleInput(8)
    yield SampleInput(7, 0.5)
    yield SampleInput(1)
    yield SampleInput(np.int64(6), d=np.float32(0.1))
    yield SampleInput(5, d=make((), dt, low=0.5, high=2))


def errors_freq(make):
    yield ErrorInput(SampleInput(2.5), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(np.array([4])), ValueError, exact_message=True)
    yield ErrorInput(SampleInput(0), ZeroDivisionError)
    yield ErrorInput(SampleInput(4, d=0.0), ZeroDivisionError)


def errors_fftfreq(make):
    yield from errors_freq(make)
    yield ErrorInput(SampleInput(-2), ValueError, exact_message=True)


def s_shift(make, dt):
    yield SampleInput(make((5,), dt))
    yield SampleInput(make((4, 7), dt))
    yield SampleInput(make((4, 7), dt), axes=0)
    yield SampleInput(make((2, 3, 5), dt), axes=(0, 2))
    yield SampleInput(make((3, 4), dt), axes=[-1])
    yield SampleInput(make((0, 3), dt))


errors_shift = [ErrorInput(SampleInput(_x((2, 3)), axes=2), IndexError, exact_message=True)]


_REAL = tuple(d for d in ALL if d.kind != "c")    # complex input: TypeError (error inputs)

op_db_fft = [
    FFTInfo("fft.fft", ALL, s_1d, errors_fft),
    FFTInfo("fft.ifft", ALL, s_1d, errors_fft),
    FFTInfo("fft.rfft", _REAL, s_1d, errors_rfft),
    FFTInfo("fft.irfft", ALL, s_1d_half, errors_irfft),
    FFTInfo("fft.hfft", ALL, s_1d_half, errors_irfft, ref=ref_hfft),
    FFTInfo("fft.ihfft", _REAL, s_1d, errors_rfft),
    FFTInfo("fft.fftn", ALL, s_nd, errors_fftn),
    FFTInfo("fft.ifftn", ALL, s_nd, errors_fftn),
    FFTInfo("fft.rfftn", _REAL, s_nd, errors_rfftn),
    FFTInfo("fft.irfftn", ALL, s_nd, errors_irfftn),
    FFTInfo("fft.fft2", ALL, s_2d, errors_2d),
    FFTInfo("fft.ifft2", ALL, s_2d, errors_2d, ref=ref_ifft2),
    FFTInfo("fft.rfft2", _REAL, s_2d, errors_2d),
    FFTInfo("fft.irfft2", ALL, s_2d, errors_2d, ref=ref_irfft2),
    OpInfo("fft.fftfreq", dtypes=INEXACT, samples=s_fftfreq, errors=errors_fftfreq),
    OpInfo("fft.rfftfreq", dtypes=INEXACT, samples=s_fftfreq, errors=errors_freq),
    OpInfo("fft.fftshift", dtypes=ALL, samples=s_shift, errors=errors_shift, supports_grad=True),
    OpInfo("fft.ifftshift", dtypes=ALL, samples=s_shift, errors=errors_shift,
           supports_grad=True),
]
