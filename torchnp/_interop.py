"""Bridges to other array libraries: NumPy's dispatch protocols (``__array_function__``,
``__array_ufunc__``), DLPack (``from_dlpack``, ``ndarray.__dlpack__``), the Array API's
inspection namespace (``__array_namespace_info__``), and pickling.

torch implements DLPack; these functions give it NumPy's signatures. Exchange is zero-copy: the
result shares memory with the producer unless ``copy=True`` or a ``device=`` move asks for a copy.
"""
import pickle
import sys

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import ufunc as _ufunc
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


# ----- NumPy's dispatch protocols: NumPy's own functions called on torchnp arrays --------------
# NumPy calls these only when one of its functions meets a torchnp array, so torchnp's own calls
# never pay for them. A NumPy function runs as torchnp's function of the same qualified name
# (``numpy.linalg.solve`` -> ``torchnp.linalg.solve``), found once per function by NumPy's
# ``__module__`` and ``__name__`` and cached. One torchnp lacks runs in NumPy on host views of the
# arrays (CPU only: zero-copy) and returns NumPy's result.

_MIRRORS = {"numpy": "torchnp", "numpy.linalg": "torchnp.linalg", "numpy.fft": "torchnp.fft",
            "numpy.lib.scimath": "torchnp.emath",
            "numpy.lib.stride_tricks": "torchnp.lib.stride_tricks",
            "numpy.lib.array_utils": "torchnp.lib.array_utils",
            **{f"numpy.polynomial.{m}": f"torchnp.polynomial.{m}" for m in (
                "polynomial", "chebyshev", "legendre", "hermite", "hermite_e", "laguerre",
                "polyutils")}}
_OURS = {}                  # NumPy function -> torchnp's function of its name, or None


def _ours(func):
    """torchnp's function of ``func``'s qualified name, or None (cached)."""
    module = sys.modules.get(_MIRRORS.get(getattr(func, "__module__", None), ""))
    ours = getattr(module, getattr(func, "__name__", ""), None)   # torchnp imports all of them
    _OURS[func] = ours = ours if callable(ours) else None
    return ours


def _is_ours_or_numpys(cls):
    return issubclass(cls, ndarray) or cls is numpy.ndarray


def array_function(self, func, types, args, kwargs):
    """``ndarray.__array_function__``: NumPy's ``func`` runs as torchnp's function of its name
    (on the arrays' device, returning torchnp arrays); one torchnp lacks runs in NumPy on the
    host. Types other than torchnp's and NumPy's arrays have their own turn (NotImplemented)."""
    if not all(_is_ours_or_numpys(t) for t in types):
        return NotImplemented
    ours = _OURS[func] if func in _OURS else _ours(func)
    if ours is None:
        return _in_numpy(f"{func.__module__}.{func.__name__}", func._implementation, args, kwargs)
    numpy_out = kwargs.get("out")
    if type(numpy_out) is numpy.ndarray:
        mirrored, copies = _numpy_outs((numpy_out,))
        ours(*args, **{**kwargs, "out": mirrored[0]})
        _copy_back(copies)
        return numpy_out
    return ours(*args, **kwargs)


def array_ufunc(self, np_ufunc, method, *inputs, **kwargs):
    """``ndarray.__array_ufunc__``: NumPy's ufunc (or its method) runs as torchnp's of its name.
    NumPy arrays given as ``out=`` are written through zero-copy views (CPU); a method torchnp
    lacks runs in NumPy on the host."""
    out = kwargs.get("out")
    outs = out if type(out) is tuple else (out,)
    if not all(_is_ours_or_numpys(type(x)) or not hasattr(x, "__array_ufunc__")
               for x in inputs + outs):
        return NotImplemented
    copies = ()
    if any(type(o) is numpy.ndarray for o in outs):
        mirrored, copies = _numpy_outs(outs)
        kwargs = {**kwargs, "out": mirrored}
    res = _ufunc.array_ufunc(np_ufunc, method, inputs, kwargs)
    if res is NotImplemented:
        name = f"numpy.{np_ufunc.__name__}" + ("" if method == "__call__" else f".{method}")
        res = _in_numpy(name, getattr(np_ufunc, method), inputs, kwargs)
    _copy_back(copies)
    if out is None:
        return res
    return out[0] if len(out) == 1 else out      # the caller's own out= arrays, as NumPy


def _numpy_outs(outs):
    """``outs`` with each NumPy array a torchnp array over its memory, and the (NumPy array,
    torchnp copy) pairs where torch cannot view that memory (read-only, negatively strided,
    unaligned or byte-swapped): the result is copied into those afterwards (``_copy_back``)."""
    mirrored, copies = [], []
    for o in outs:
        if type(o) is numpy.ndarray:
            a = convert.wrap_array(convert.numpy_to_tensor(o))
            if a._t.data_ptr() != o.__array_interface__["data"][0]:
                copies.append((o, a))
            o = a
        mirrored.append(o)
    return tuple(mirrored), copies


def _copy_back(copies):
    for x, a in copies:
        numpy.copyto(x, a.__array__(), casting="unsafe")


def _in_numpy(name, impl, args, kwargs):
    """``impl`` (NumPy's code) on host views of the torchnp arrays among the arguments."""
    return impl(*_on_host(args, name), **_on_host(kwargs, name))


def _on_host(x, name):
    """``x`` with every torchnp array (in tuples, lists, dicts) a NumPy array sharing its memory;
    TypeError for an array off the CPU, which NumPy cannot read without a copy."""
    if isinstance(x, ndarray):
        if x._t.device.type != "cpu":
            raise TypeError(
                f"{name} is not implemented by torchnp, and NumPy, which would compute it "
                f"instead, reads host memory only: an argument is on device "
                f"'{x._t.device}'. Move the data to the CPU first "
                f"(torchnp.asarray(a, device='cpu')).")
        return x.__array__()
    if type(x) is tuple or type(x) is list:
        return type(x)(_on_host(e, name) for e in x)
    if type(x) is dict:
        return {k: _on_host(v, name) for k, v in x.items()}
    return x


# ----- the Array API standard -------------------------------------------------------------------

API_VERSION = "2024.12"
_API_VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12")   # those NumPy 2.4 accepts


def ndarray_array_namespace(self, /, *, api_version=None):
    """``a.__array_namespace__()``: the torchnp module, the array's Array API namespace."""
    if api_version is not None:
        if not isinstance(api_version, str):
            raise ValueError("Only None and strings are allowed as the Array API version, but "
                             f"received: {api_version}.")
        if api_version not in _API_VERSIONS:
            raise ValueError(f'Version "{api_version}" of the Array API Standard is not '
                             "supported.")
    return sys.modules["torchnp"]


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


# ----- pickling: the raw bytes, out of band ----------------------------------------------------

def ndarray_reduce_ex(self, protocol):
    """``pickle`` support: dtype, shape, device and the raw bytes. Under protocol 5 the bytes go
    out of band (a ``PickleBuffer`` viewing the tensor's memory), so ``multiprocessing`` and
    dask.distributed move an array between processes with no copy on the CPU; the array comes
    back on the device it was pickled on. Autograd history is not pickled (NumPy has none)."""
    t = self._t.detach()
    if t.device.type == "meta":
        data = None
    else:
        flat = t.contiguous().reshape(-1)
        if flat.stride(0) != 1:
            # torch: one element counts as contiguous with any stride (a broadcast scalar's is
            # 0), and view() as bytes needs stride 1
            flat = flat.clone(memory_format=torch.contiguous_format)
        # host-sync: pickled bytes live on the host (a copy off the CPU, a view on it)
        raw = flat.view(torch.uint8).cpu()
        # host-data: the NumPy array only views those bytes, as the buffer protocol's carrier
        data = pickle.PickleBuffer(raw.numpy()) if protocol >= 5 else raw.numpy().tobytes()
    return rebuild_array, (data, self.dtype, tuple(t.shape), str(t.device),
                           convert.is_scalar_like(self))


def rebuild_array(data, dtype, shape, device, scalar):
    """The inverse of ``ndarray_reduce_ex``: an ndarray over the unpickled bytes (no copy unless
    the bytes arrived read-only, which a writeable array cannot share)."""
    torch_dtype = _dtypes.to_torch_dtype(dtype)
    if data is None:
        t = torch.empty(shape, dtype=torch_dtype, device=device)
    else:
        buffer = memoryview(data)
        if buffer.readonly:
            buffer = bytearray(buffer)
        raw = (torch.frombuffer(buffer, dtype=torch.uint8) if len(buffer)
               else torch.empty(0, dtype=torch.uint8))
        t = raw.view(torch_dtype).reshape(shape).to(device)
    a = convert.wrap_array(t)
    a._scalar = scalar
    return a
