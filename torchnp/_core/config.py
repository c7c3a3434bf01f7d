"""Process-wide settings held in context variables: default float dtype, default device.

Context variables make the context managers thread-safe and asyncio-safe: each thread sees the
value it set, and leaving a ``with`` block restores the one before it.
"""
import contextlib
import contextvars

import torch

from torchnp._core import dtypes as _dt

_default_float = contextvars.ContextVar("torchnp_default_float", default=torch.float64)
_default_device = contextvars.ContextVar("torchnp_default_device", default=None)


def default_float_dtype():
    """The torch dtype creation functions use for floats when no dtype is given."""
    return _default_float.get()


def default_device():
    """The torch.device creation functions use when no device is given (None: torch's CPU)."""
    return _default_device.get()


def _float_dtype(dtype):
    dt = _dt.to_torch_dtype(dtype)
    if dt not in (torch.float16, torch.float32, torch.float64):
        raise TypeError(f"the default float dtype must be float16, float32 or float64, not {dtype!r}")
    return dt


def set_default_float(dtype):
    """Set the dtype (float64 as in NumPy, or float32 for GPU work) that creation uses for floats."""
    _default_float.set(_float_dtype(dtype))


def get_default_float():
    """The default float dtype, as a NumPy dtype."""
    return _dt.to_numpy_dtype(_default_float.get())


@contextlib.contextmanager
def default_float(dtype):
    """Context manager: creation uses ``dtype`` for floats inside the block."""
    token = _default_float.set(_float_dtype(dtype))
    try:
        yield
    finally:
        _default_float.reset(token)


def set_default_device(device):
    """Set the device creation functions use when none is given (``None``: the CPU)."""
    _default_device.set(None if device is None else torch.device(device))


def get_default_device():
    """The default device as a torch.device."""
    return _default_device.get() or torch.device("cpu")


@contextlib.contextmanager
def default_device_scope(device):
    """Context manager: creation functions put arrays on ``device`` inside the block."""
    token = _default_device.set(None if device is None else torch.device(device))
    try:
        yield
    finally:
        _default_device.reset(token)
