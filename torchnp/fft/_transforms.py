"""The discrete Fourier transforms of ``numpy.fft`` (NumPy 2.4's rules) computed by ``torch.fft``.

A 1-D transform is NumPy's ``_raw_fft``: ``n`` crops or zero-pads the input along ``axis``, ``norm``
has the same three meanings in torch and NumPy, and the result dtype is NumPy's (float32 / float16 /
complex64 input computes in single precision, everything else in double; an ``out=`` of a wider
dtype widens the computation, as NumPy picks its loop from ``out=`` too). The n-d transforms read
``s`` / ``axes`` as NumPy's ``_cook_nd_args`` does (its deprecation warnings and errors included)
and run as one torch call, or axis by axis as NumPy does where its order shows: ``out=`` (NumPy
writes every step into it) and repeated axes (transformed twice).
"""
import warnings
from typing import Callable, NamedTuple

import torch

from torchnp._core import convert
from torchnp._core import promotion
from torchnp._core.ndarray import ndarray
from torchnp._creation import asarray


class _Kind(NamedTuple):
    """One of NumPy's 1-D transforms and the torch.fft function computing it."""
    kernel: Callable      # torch.fft.<name>: the same n, dim and norm as NumPy's
    nd_kernel: Callable   # torch.fft.<name>n: the n-d transform of the same kind
    ufunc: str            # NumPy's ufunc behind it (named in NumPy's messages)
    real_in: bool         # rfft, ihfft: NumPy has no loop for complex input
    real_out: bool        # irfft, hfft: a real result
    inverse: bool         # NumPy words an invalid norm the inverse way (it swaps the direction)
    half: bool            # n defaults to 2 (m - 1), m the input's length (irfft, hfft)


_FFT = _Kind(torch.fft.fft, torch.fft.fftn, "fft", False, False, False, False)
_IFFT = _Kind(torch.fft.ifft, torch.fft.ifftn, "ifft", False, False, True, False)
_RFFT = _Kind(torch.fft.rfft, torch.fft.rfftn, "rfft", True, False, False, False)
_IRFFT = _Kind(torch.fft.irfft, torch.fft.irfftn, "irfft", False, True, True, True)
_HFFT = _Kind(torch.fft.hfft, None, "irfft", False, True, True, True)
_IHFFT = _Kind(torch.fft.ihfft, None, "rfft", True, False, True, False)

_SINGLE = (torch.float16, torch.float32, torch.complex64)
_REAL_OF = {torch.complex64: torch.float32, torch.complex128: torch.float64}
_NORMS = {None: "backward", "backward": "backward", "ortho": "ortho", "forward": "forward"}

_S_WITHOUT_AXES = (
    "`axes` should not be `None` if `s` is not `None` (Deprecated in NumPy 2.0). In a future "
    "version of NumPy, this will raise an error and `s[i]` will correspond to the size along the "
    "transformed axis specified by `axes[i]`. To retain current behaviour, pass a sequence "
    "[0, ..., k-1] to `axes` for an array of dimension k.")
_NONE_IN_S = (
    "Passing an array containing `None` values to `s` is deprecated in NumPy 2.0 and will raise "
    "an error in a future version of NumPy. To use the default behaviour of the corresponding 1-D "
    "transform, pass the value matching the default for its `n` parameter. To use the default "
    "behaviour for every axis, the `s` argument can be omitted.")


# ----- arguments ----------------------------------------------------------------------------------

def _torch_norm(norm, inverse):
    """NumPy's ``norm`` as torch's (the same meanings; None is "backward"), with NumPy's
    ValueError, worded as NumPy words it for each direction."""
    if inverse:         # NumPy looks the norm up in a dict: an unhashable norm is a TypeError
        found = _NORMS.get(norm)
    else:
        found = _NORMS.get(norm) if norm is None or isinstance(norm, str) else None
    if found is None:
        sep = " " if inverse else ""
        raise ValueError(f'Invalid norm value {norm}; should be "backward",{sep}"ortho" or '
                         '"forward".')
    return found


def _points(kind, shape, n, axis):
    """``(n, axis)`` checked as NumPy checks them: n defaults to the axis' length (2 (m - 1) for
    irfft / hfft); n < 1 is NumPy's ValueError, a float n a TypeError."""
    if n is None:
        n = shape[convert.normalize_axis_index(axis, len(shape))]
        if kind.half:
            n = (n - 1) * 2
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    if type(n) is not int:
        n = convert.operator_index(n)
    return n, convert.normalize_axis_index(axis, len(shape))


def _ufunc_name(kind, n):
    return kind.ufunc + ("_n_even" if n % 2 == 0 else "_n_odd") if kind.real_in else kind.ufunc


def _check_real(kind, dt, n):
    if kind.real_in and dt in _REAL_OF:
        raise TypeError(f"ufunc '{_ufunc_name(kind, n)}' not supported for the input types, and "
                        "the inputs could not be safely coerced to any supported types according "
                        "to the casting rule ''safe''")


def _loop_dtype(dt, out):
    """The complex dtype NumPy's loop computes in for input dtype ``dt``: single precision for
    float16 / float32 / complex64, double for the rest, and wider where ``out=`` is wider."""
    cdt = torch.complex64 if dt in _SINGLE else torch.complex128
    if out is not None:
        cdt = promotion.promote(cdt, out._dt)
    return cdt


def _kernel_input(t, dt, cdt):
    """``t`` (of dtype ``dt``) in the dtype the kernel reads: ``cdt`` when complex, its real
    part's dtype if not."""
    kdt = cdt if dt in _REAL_OF else _REAL_OF[cdt]
    return t if dt is kdt else t.to(kdt)


def _result_dtype(kind, cdt):
    return _REAL_OF[cdt] if kind.real_out else cdt


# ----- out= ---------------------------------------------------------------------------------------

def _dims_text(dims):
    return "(" + ",".join(str(d) for d in dims) + ")"


def _check_out(out, t, shape, axis, n_out):
    """NumPy's checks of ``out=`` for a transform of ``t`` (of ``shape``) along ``axis``: an
    array, on ``t``'s device, of ``t``'s ndim with ``n_out`` along ``axis``, and the other
    dimensions ``t``'s (or ``t``'s of length 1: broadcast) as NumPy's ufunc broadcasts them."""
    convert.check_out(out)
    convert.check_device(out._t, t)
    oshape = tuple(out._t.shape)
    if len(oshape) != len(shape) or oshape[axis] != n_out:
        raise ValueError("output array has wrong shape.")
    loop = shape[:axis] + shape[axis + 1:]
    oloop = oshape[:axis] + oshape[axis + 1:]
    for d, o in zip(loop, oloop):
        if d == o or d == 1:
            continue
        if o == 1:
            raise ValueError(f"non-broadcastable output operand with shape {_dims_text(oshape)} "
                             f"doesn't match the broadcast shape {_dims_text(shape)}")
        raise ValueError(
            "operands could not be broadcast together with remapped shapes [original->remapped]: "
            f"{_dims_text(shape)}->{_dims_text(loop + ('newaxis',))} ()->() "
            f"{_dims_text(oshape)}->{_dims_text(oloop + (n_out,))}  and requested shape "
            f"{_dims_text((n_out,))}")


def _input_for(a, out):
    """``a`` as a tensor; host data (lists, NumPy arrays) goes to ``out``'s device."""
    t = convert.as_tensor(a)
    if out is not None and not isinstance(a, (ndarray, torch.Tensor)) and isinstance(out, ndarray):
        t = t.to(out._t.device)
    return t


# ----- the computation ----------------------------------------------------------------------------

def _compute(kind, t, shape, dt, n, dim, norm):
    """The transform ``kind`` of ``t`` (in the kernel's dtype): ``n`` and ``dim`` ints (one axis)
    or lists (several), the result of ``shape`` and dtype ``dt``.

    torch: the CPU (MKL) FFT fails on an empty batch ("Inconsistent configuration parameters");
    an empty result is made directly. (Positional arguments: keywords cost torch ~3 us.)"""
    if 0 in shape:
        return t.new_zeros(shape, dtype=dt)
    if kind.real_out and t.device.type != "cpu":
        return _c2r_off_cpu(kind, t, n, dim, norm)
    if type(dim) is int:
        return kind.kernel(t, n, dim, norm)
    return kind.nd_kernel(t, _torch_s(kind, tuple(t.shape), n, dim), dim, norm)


def _torch_s(kind, shape, ns, dims):
    """torch's ``s``: None where the lengths are the defaults (torch: an explicit ``s`` costs
    ~8 us more per call, even when nothing is cropped or padded)."""
    default = [shape[d] for d in dims]
    if kind.half:
        default[-1] = (default[-1] - 1) * 2
    return None if ns == default else ns


# ----- torch workaround: complex-to-real transforms off the CPU -----------------------------------
# (kept here, not in _kernels.py: only the FFT has them)
_SWAPPED = {"backward": "forward", "ortho": "ortho", "forward": "backward"}


def _c2r_off_cpu(kind, t, n, dim, norm):
    """irfft, hfft (``n``, ``dim`` ints) and irfftn (lists) as NumPy computes them.

    torch: cuFFT's complex-to-real transforms assume a Hermitian input and, for one that is not,
    give other results than NumPy's (pytorch#154496 in 1-D; a symmetrised result in n-d). NumPy
    transforms the other axes fully (ifft) and ignores the imaginary parts of the last axis' zero
    and (n even) Nyquist frequencies. So: ifft over the other axes, then those parts zeroed, then
    torch's irfft. (On the CPU, torch's own transforms do what NumPy does.)"""
    if type(dim) is not int:
        if len(dim) > 1:
            t = torch.fft.ifftn(t, n[:-1], dim[:-1], norm)
        n, dim = n[-1], dim[-1]
    if not t.is_complex():            # a real input is Hermitian along one axis
        return kind.kernel(t, n, dim, norm)
    if kind is _HFFT:                 # NumPy's hfft: irfft of the conjugate, the norm swapped
        return torch.fft.irfft(_hermitian_half(t, n, dim, conj=True), n, dim, _SWAPPED[norm])
    return torch.fft.irfft(_hermitian_half(t, n, dim, conj=False), n, dim, norm)


def _hermitian_half(t, n, dim, conj):
    """``t`` (complex) cropped or zero-padded to n // 2 + 1 along ``dim``, conjugated if ``conj``,
    with the imaginary parts NumPy's irfft ignores set to zero."""
    m = n // 2 + 1
    length = t.shape[dim]
    if length > m:
        t = t.narrow(dim, 0, m)
    elif length < m:
        pad = list(t.shape)
        pad[dim] = m - length
        t = torch.cat([t, t.new_zeros(pad)], dim)
    keep = torch.ones(m, dtype=t.real.dtype, device=t.device)
    keep[0] = 0
    if n % 2 == 0:
        keep[-1] = 0
    imag = t.imag * keep.reshape((m,) + (1,) * (t.ndim - 1 - dim))
    return torch.complex(t.real, -imag if conj else imag)


def _step(kind, t, n, axis, norm, out):
    """One 1-D transform of tensor ``t`` (NumPy's ``_raw_fft``): the result tensor; with ``out``
    (an ndarray), the result written into it and its tensor."""
    shape = tuple(t.shape)
    n, axis = _points(kind, shape, n, axis)
    tnorm = _torch_norm(norm, kind.inverse)
    n_out = n // 2 + 1 if kind.real_in else n
    if out is not None:
        _check_out(out, t, shape, axis, n_out)
    dt = t.dtype
    _check_real(kind, dt, n)
    cdt = _loop_dtype(dt, out)
    res_shape = shape[:axis] + (n_out,) + shape[axis + 1:]
    res = _compute(kind, _kernel_input(t, dt, cdt), res_shape, _result_dtype(kind, cdt),
                   n, axis, tnorm)
    if kind is _IHFFT:
        res = res.resolve_conj()      # torch's ihfft is a lazy conjugate view
    if out is not None:
        return convert.write_out(out, res, what=f"ufunc '{_ufunc_name(kind, n)}' output")._t
    if kind.real_out and dt is torch.float16:
        res = res.to(torch.float16)   # NumPy: the real dtype of the input's, computed in float32
    return res


def _transform(kind, a, n, axis, norm, out):
    """A public 1-D transform: ``out`` or a new array."""
    res = _step(kind, _input_for(a, out), n, axis, norm, out)
    return out if out is not None else convert.wrap(res)


# ----- the n-d transforms -------------------------------------------------------------------------

def _take(shape, axes):
    """``numpy.take(shape, axes)`` as a list, with its IndexError."""
    res = []
    for ax in axes:
        i = convert.operator_index(ax)
        if not -len(shape) <= i < len(shape):
            raise IndexError(f"index {i} is out of bounds for axis 0 with size {len(shape)}")
        res.append(shape[i])
    return res


def _cook_nd_args(shape, s, axes, invreal):
    """NumPy's ``_cook_nd_args``: ``(s, axes)`` as lists, an ``s`` of None meaning the 1-D
    transform's default n, and NumPy 2's DeprecationWarnings for ``s`` without ``axes`` and for
    None in ``s``."""
    shapeless = s is None
    if shapeless:
        s = list(shape) if axes is None else _take(shape, axes)
    else:
        s = list(s)
    if axes is None:
        if not shapeless:
            warnings.warn(_S_WITHOUT_AXES, DeprecationWarning, stacklevel=4)
        axes = list(range(-len(s), 0))
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    if invreal and shapeless:
        s[-1] = (shape[axes[-1]] - 1) * 2
    if None in s:
        warnings.warn(_NONE_IN_S, DeprecationWarning, stacklevel=4)
    return [shape[ax] if n is not None and n == -1 else n for n, ax in zip(s, axes)], axes


class _Step(NamedTuple):
    kind: _Kind
    n: object             # an int, or None for the 1-D transform's default
    axis: int
    writes_out: bool


def _nd_steps(kind, s, axes, with_out):
    """NumPy's 1-D steps of an n-d transform, in NumPy's order."""
    last = len(axes) - 1
    if kind is _RFFT:
        return ([_Step(_RFFT, s[-1], axes[-1], with_out)]
                + [_Step(_FFT, s[i], axes[i], with_out) for i in range(last - 1, -1, -1)])
    if kind is _IRFFT:
        return ([_Step(_IFFT, s[i], axes[i], False) for i in range(last)]
                + [_Step(_IRFFT, s[-1], axes[-1], with_out)])
    return [_Step(kind, s[i], axes[i], with_out) for i in range(last, -1, -1)]


def _nd(kind, a, s, axes, norm, out):
    """fftn, ifftn, rfftn, irfftn (and their 2-D forms) as NumPy computes them: one torch call
    where NumPy's steps amount to one n-d transform, else NumPy's steps one by one."""
    t = _input_for(a, out)
    shape = tuple(t.shape)
    s, axes = _cook_nd_args(shape, s, axes, kind is _IRFFT)
    if out is None:
        res = _at_once(kind, t, shape, s, axes, norm)
        if res is not None:
            return convert.wrap(res)
    steps = _nd_steps(kind, s, axes, out is not None)
    if not steps:
        return asarray(a)            # NumPy transforms nothing and returns its input
    for step in steps:
        t = _step(step.kind, t, step.n, step.axis, norm, out if step.writes_out else None)
    return out if steps[-1].writes_out else convert.wrap(t)


def _at_once(kind, t, shape, s, axes, norm):
    """The n-d transform as one torch.fft call; None where NumPy's steps differ from one (no axes,
    repeated axes) or raise (bad n, axes or norm, complex input to rfftn): the steps then do
    what NumPy does, errors in NumPy's order."""
    tnorm = _NORMS.get(norm) if norm is None or type(norm) is str else None
    dt = t.dtype
    if tnorm is None or not axes or (kind.real_in and dt in _REAL_OF):
        return None
    ndim = len(shape)
    dims, ns = [], []
    for n, ax in zip(s, axes):
        if type(ax) is not int or not -ndim <= ax < ndim:
            return None
        ax %= ndim
        dims.append(ax)
        ns.append(shape[ax] if n is None else n)
    if kind is _IRFFT and s[-1] is None:
        ns[-1] = (shape[dims[-1]] - 1) * 2
    if any(type(n) is not int or n < 1 for n in ns) or len(set(dims)) != len(dims):
        return None
    res_shape = list(shape)
    for n, ax in zip(ns, dims):
        res_shape[ax] = n
    if kind.real_in:                  # torch's rfftn halves the last axis, as NumPy's rfft step
        res_shape[dims[-1]] = ns[-1] // 2 + 1
    cdt = _loop_dtype(dt, None)
    res = _compute(kind, _kernel_input(t, dt, cdt), tuple(res_shape), _result_dtype(kind, cdt),
                   ns, dims, tnorm)
    if kind.real_out and len(dims) == 1 and dt is torch.float16:
        res = res.to(torch.float16)   # a lone irfft step: float16's real dtype, as NumPy
    return res


# ----- the public transforms ----------------------------------------------------------------------

def fft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.fft`.
    """
    return _transform(_FFT, a, n, axis, norm, out)


def ifft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional inverse discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.ifft`.
    """
    return _transform(_IFFT, a, n, axis, norm, out)


def rfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier Transform for real input.

    torchnp implementation of :func:`numpy.fft.rfft`.
    """
    return _transform(_RFFT, a, n, axis, norm, out)


def irfft(a, n=None, axis=-1, norm=None, out=None):
    """Computes the inverse of `rfft`.

    torchnp implementation of :func:`numpy.fft.irfft`.
    """
    return _transform(_IRFFT, a, n, axis, norm, out)


def hfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the FFT of a signal that has Hermitian symmetry, i.e., a real spectrum.

    torchnp implementation of :func:`numpy.fft.hfft`.

    Differences from NumPy: ``out=`` is written and returned; NumPy 2.4 ignores it (numpy
    gh-30909, fixed after 2.4).
    """
    _torch_norm(norm, True)           # NumPy checks the norm first here
    return _transform(_HFFT, a, n, axis, norm, out)


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the inverse FFT of a signal that has Hermitian symmetry.

    torchnp implementation of :func:`numpy.fft.ihfft`.
    """
    _torch_norm(norm, True)           # NumPy checks the norm first here
    return _transform(_IHFFT, a, n, axis, norm, out)


def fftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.fftn`.
    """
    return _nd(_FFT, a, s, axes, norm, out)


def ifftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional inverse discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.ifftn`.
    """
    return _nd(_IFFT, a, s, axes, norm, out)


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.fft2`.
    """
    return _nd(_FFT, a, s, axes, norm, out)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional inverse discrete Fourier Transform.

    torchnp implementation of :func:`numpy.fft.ifft2`.

    Differences from NumPy: ``out=`` is written and returned; NumPy 2.4 ignores it (numpy
    gh-30909, fixed after 2.4).
    """
    return _nd(_IFFT, a, s, axes, norm, out)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional discrete Fourier Transform for real input.

    torchnp implementation of :func:`numpy.fft.rfftn`.
    """
    return _nd(_RFFT, a, s, axes, norm, out)


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional FFT of a real array.

    torchnp implementation of :func:`numpy.fft.rfft2`.
    """
    return _nd(_RFFT, a, s, axes, norm, out)


def irfftn(a, s=None, axes=None, norm=None, out=None):
    """Computes the inverse of `rfftn`.

    torchnp implementation of :func:`numpy.fft.irfftn`.
    """
    return _nd(_IRFFT, a, s, axes, norm, out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Computes the inverse of `rfft2`.

    torchnp implementation of :func:`numpy.fft.irfft2`.

    Differences from NumPy: ``out=`` is written and returned; NumPy 2.4 ignores it (numpy
    gh-30909, fixed after 2.4).
    """
    return _nd(_IRFFT, a, s, axes, norm, out)
