"""``memmap``: an array stored in a file on disk, mapped into memory (``torch.from_file``).

torchnp implementation of :class:`numpy.memmap`. The array's tensor is the file's mapping:
modes 'r+' and 'w+' map the file shared (writes reach the file), 'c' maps it privately
(copy-on-write: writes stay in memory); mode 'r' gives a read-only array (a private mapping,
as 'c'). Differences from NumPy (docs/differences.md): the offset must be a multiple of the
itemsize (torch views whole elements); slices and other views of a memmap are plain ndarrays
sharing its memory (NumPy keeps the memmap class for them).
"""
import os

import numpy
import torch

from torchnp import _printing
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray

_MODES = {"readonly": "r", "copyonwrite": "c", "readwrite": "r+", "write": "w+"}
_VALID = ["r", "c", "r+", "w+"]


def _mode(mode):
    if mode in _VALID:
        return mode
    try:
        return _MODES[mode]
    except (KeyError, TypeError):
        raise ValueError(f"mode must be one of {_VALID + list(_MODES)!r} (got {mode!r})") from None


def _shape(shape, file_bytes, offset, itemsize):
    """The array's shape: given, or as many items as the file holds after ``offset``."""
    if shape is not None:
        return convert.shape_tuple(shape if isinstance(shape, (tuple, list)) else shape)
    available = file_bytes - offset
    if available % itemsize:
        raise ValueError("Size of available data is not a multiple of the data-type size.")
    return (available // itemsize,)


def _path_of(fid):
    """A path that opens the file ``fid`` is open on (torch maps files by name)."""
    name = getattr(fid, "name", None)
    return os.fspath(name) if isinstance(name, (str, os.PathLike)) else f"/dev/fd/{fid.fileno()}"


def _map(path, nbytes, shared):
    """The first ``nbytes`` bytes of the file, mapped as a uint8 tensor."""
    if nbytes == 0:
        return torch.empty(0, dtype=torch.uint8)
    try:
        return torch.from_file(path, shared=shared, size=nbytes, dtype=torch.uint8)
    except RuntimeError as err:
        if "smaller than the required" in str(err):
            raise ValueError("mmap length is greater than file size") from None
        raise OSError(str(err)) from None


class memmap(ndarray):
    """An array stored in a binary file on disk, mapped into memory.

    torchnp implementation of :class:`numpy.memmap`: ``memmap(filename, dtype=uint8,
    mode='r+', offset=0, shape=None, order='C')``; ``flush()`` writes changes to disk.
    """
    __slots__ = ("filename", "offset", "mode")

    def __new__(cls, filename, dtype=numpy.uint8, mode="r+", offset=0, shape=None, order="C"):
        mode = _mode(mode)
        if mode == "w+" and shape is None:
            raise ValueError("shape must be given if mode == 'w+'")
        dt = _dtypes.to_torch_dtype(dtype)
        itemsize = dt.itemsize
        offset = convert.operator_index(offset)
        if order not in ("C", "F"):
            raise ValueError(f"order must be 'C' or 'F' for a memmap (got {order!r})")
        if hasattr(filename, "read"):
            fid, owned = filename, False
        else:
            fid, owned = open(os.fspath(filename), ("r" if mode == "c" else mode) + "b"), True
        try:
            fid.seek(0, 2)
            shp = _shape(shape, fid.tell(), offset, itemsize)
            count = 1
            for n in shp:
                count *= n
            nbytes = offset + count * itemsize
            if mode in ("w+", "r+") and fid.tell() < max(nbytes, 1):
                fid.seek(max(nbytes, 1) - 1, 0)      # as NumPy: grow the file (at least 1 byte)
                fid.write(b"\0")
            fid.flush()
            path = _path_of(fid)
            raw = _map(path, nbytes, shared=mode in ("r+", "w+"))
        finally:
            if owned:
                fid.close()
        if offset % itemsize:
            raise NotImplementedError(
                f"memmap: offset {offset} is not a multiple of the itemsize {itemsize} (torch "
                "views a file's bytes as whole elements)")
        t = raw[offset:].view(dt)
        t = t.reshape(shp) if order == "C" else t.reshape(shp[::-1]).permute(
            *reversed(range(len(shp))))
        self = object.__new__(cls)
        # the slots convert.wrap_array sets: a new array (no base), not a scalar
        self._t, self._dt, self._base, self._scalar = t, dt, None, False
        if mode == "r":
            readonly.mark(t, locked=True)       # NumPy maps the file read-only
        self.offset = offset
        self.mode = mode
        if isinstance(filename, os.PathLike):
            self.filename = filename.resolve()
        elif isinstance(getattr(fid, "name", None), str):
            self.filename = os.path.abspath(fid.name)
        else:
            self.filename = None
        return self

    def flush(self):
        """Write any changes in the array to the file on disk."""
        if self.mode in ("r+", "w+") and self.filename is not None and self._t.numel():
            fd = os.open(self.filename, os.O_RDONLY)
            try:
                os.fsync(fd)            # the mapping's dirty pages are the file's page cache
            finally:
                os.close(fd)

    def __repr__(self):
        text = _printing.ndarray_repr(self)
        if not text.startswith("array("):
            return text
        return "memmap(" + text[len("array("):].replace("\n", "\n ")
