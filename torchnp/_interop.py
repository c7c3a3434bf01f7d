"""Bridges to other array libraries: DLPack (``from_dlpack``, ``ndarray.__dlpack__``) and the
Array API's inspection namespace (``__array_namespace_info__``).

torch implements DLPack; these functions give it NumPy's signatures. Exchange is zero-copy: the
result shares memory with the producer unless ``copy=True`` or a ``device=`` move asks for a copy.
"""
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core.ndarray import ndarray


def from_dlpack(x, /, *, device=None, copy=None):
    """An array sharing memory with ``x``, any object that implements ``__dlpack__`` (a torchnp
    or NumPy array, a torch tensor, a CuPy or JAX array).

    torchnp implementation of :func:`numpy.from_dlpack`. ``device=`` may name any torch device
    (NumPy takes only "cpu"); moving there copies, which ``copy=False`` refuses.
    """
    if type(x) is ndarray or isinstance(x, ndarray):
        t = x._t
    else:
        if not hasattr(x, "__dlpack__"):
            raise AttributeError(f"'{type(x).__name__}' object has no attribute '__dlpack__'")
        t = torch.from_dlpack(x)
    copy = None if copy is None else convert.copy_flag(copy)
    device = config.as_device(device)
    if device is not None and not convert.same_device(t.device, device):
        if copy is False:
            raise ValueError(convert.COPY_ERROR)
        t = t.to(device)
    elif copy:
        t = t.clone()
    return convert.wrap_array(t)


def ndarray_dlpack(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    """``a.__dlpack__()``: the array's memory as a DLPack capsule (zero-copy). An array that
    requires grad is exported without its autograd history, as NumPy has none."""
    kwargs = {"max_version": max_version, "dl_device": dl_device, "copy": copy}
    if stream is not None:
        kwargs["stream"] = stream
    return self._t.detach().__dlpack__(**kwargs)


def ndarray_dlpack_device(self):
    """``a.__dlpack_device__()``: (DLPack device type, device index)."""
    return self._t.__dlpack_device__()


def ndarray_to_device(self, device, /, *, stream=None):
    """``a.to_device(device)``: the array on ``device`` (the Array API's method). The array
    itself when it is there already (as NumPy's, which takes only "cpu"), else a copy there;
    ``device`` is anything ``device=`` takes, ``a.device`` included. ``stream`` must be None, as
    in NumPy (torch orders copies on its current stream)."""
    if device is None:
        raise TypeError("to_device() argument 1 must be a device, not None")
    if stream is not None:
        raise ValueError("The stream argument in to_device() is not supported")
    device = config.as_device(device)
    t = self._t
    if convert.same_device(t.device, device):
        return self
    return (convert.wrap if self._scalar else convert.wrap_array)(t.to(device))


# ----- the Array API's inspection namespace ---------------------------------------------------

_KINDS = {
    "bool": ("bool",),
    "signed integer": ("int8", "int16", "int32", "int64"),
    "unsigned integer": ("uint8", "uint16", "uint32", "uint64"),
    "integral": ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"),
    "real floating": ("float32", "float64"),
    "complex floating": ("complex64", "complex128"),
}
_KINDS["numeric"] = _KINDS["integral"] + _KINDS["real floating"] + _KINDS["complex floating"]
_ALL = _KINDS["bool"] + _KINDS["numeric"]


def _devices():
    cuda = [torch.device("cuda", i) for i in range(torch.cuda.device_count())]
    return [torch.device("cpu")] + cuda


def _check_device(device):
    device = config.as_device(device)
    if device is not None and device not in _devices():
        raise ValueError(f"Device not understood: {device!r} is not one of this machine's "
                         f"devices {[str(d) for d in _devices()]}")


def _kind_names(kind):
    if kind is None:
        return _ALL
    if isinstance(kind, tuple):
        return tuple(n for n in _ALL if any(n in _kind_names(k) for k in kind))
    if isinstance(kind, str) and kind in _KINDS:
        return _KINDS[kind]
    raise ValueError(f"unsupported kind: {kind!r}")


class __array_namespace_info__:  # noqa: N801  (the Array API names it so)
    """The Array API standard's inspection namespace for torchnp.

    torchnp implementation of :class:`numpy.__array_namespace_info__`: devices are the torch
    devices of this machine, and the default float follows ``torchnp.set_default_float``.
    """
    __module__ = "torchnp"

    def capabilities(self):
        return {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self):
        return config.get_default_device()

    def devices(self):
        return _devices()

    def default_dtypes(self, *, device=None):
        _check_device(device)
        real = config.get_default_float()
        complex_ = _dtypes.to_numpy_dtype(torch.complex64 if real.itemsize == 4
                                          else torch.complex128)
        int64 = _dtypes.to_numpy_dtype(torch.int64)
        return {"real floating": real, "complex floating": complex_, "integral": int64,
                "indexing": int64}

    def dtypes(self, *, device=None, kind=None):
        _check_device(device)
        return {n: _dtypes.to_numpy_dtype(getattr(torch, n)) for n in _kind_names(kind)}
