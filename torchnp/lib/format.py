"""``torchnp.lib.format``: the ``.npy`` format's public helpers.

torchnp implementation of :mod:`numpy.lib.format`. The header helpers read and write bytes,
dicts and dtypes only, so they are NumPy's own (DESIGN.md 3.2: host-side things go through NumPy;
``header_data_from_array_1_0`` reads only an array's shape, layout flags and dtype, which torchnp
arrays answer as NumPy's do). Arrays are read and written by ``torchnp/_io.py``, as ``load`` and
``save`` read and write them: ``read_array`` checks the header and the declared size against the
bytes present, then reads straight into a tensor; ``open_memmap`` maps the file with
``torch.from_file``; ``write_array`` hands NumPy a host view.
"""
import os as _os

import numpy as _numpy
from numpy.lib.format import (  # noqa: F401 - re-exported: NumPy's host-side header helpers
    ARRAY_ALIGN, BUFFER_SIZE, EXPECTED_KEYS, GROWTH_AXIS_MAX_DIGITS, MAGIC_LEN, MAGIC_PREFIX,
    descr_to_dtype, drop_metadata, dtype_to_descr, header_data_from_array_1_0, isfileobj, magic,
    read_array_header_1_0, read_array_header_2_0, read_magic, write_array_header_1_0,
    write_array_header_2_0,
)

from torchnp import _io
from torchnp._core import config as _config
from torchnp._core import dtypes as _dtypes
from torchnp._creation import asarray as _asarray

_MAX_HEADER_SIZE = 10000


def write_array(fp, array, version=None, allow_pickle=True, pickle_kwargs=None):
    """Write an array, header and data, to an open file in ``.npy`` format.

    torchnp implementation of :func:`numpy.lib.format.write_array`: NumPy writes a host view
    (no copy on the CPU), so the bytes are NumPy's.
    """
    _numpy.lib.format.write_array(fp, _io._host(array), version, allow_pickle, pickle_kwargs)


def read_array(fp, allow_pickle=False, pickle_kwargs=None, *, max_header_size=_MAX_HEADER_SIZE):
    """Read an array from an open ``.npy`` file, on the default device.

    torchnp implementation of :func:`numpy.lib.format.read_array`.

    Differences from NumPy: object arrays raise TypeError even with ``allow_pickle=True`` (never
    unpickled), so ``pickle_kwargs`` is not used.
    """
    t = _io._read_npy(fp, allow_pickle, max_header_size)
    return _asarray(t, device=_config.current_device())


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False, version=None,
                *, max_header_size=_MAX_HEADER_SIZE):
    """Open (or, with a mode holding 'w', create) a ``.npy`` file mapped into memory.

    torchnp implementation of :func:`numpy.lib.format.open_memmap`.

    Differences from NumPy: a CPU ndarray over the file mapped by ``torch.from_file`` (as
    ``load(mmap_mode=...)``), not a ``numpy.memmap``; 'r' maps copy-on-write (writable, writes
    never reach the file).
    """
    if "w" in mode and not isfileobj(filename):
        np_dtype = _numpy.dtype(dtype)
        if not np_dtype.hasobject:
            _dtypes.to_torch_dtype(np_dtype)    # TypeError for out-of-scope dtypes, before writing
        # NumPy writes the header and sizes the file; the file is then mapped as 'r+'
        _numpy.lib.format.open_memmap(filename, mode, dtype, shape, fortran_order, version)
        filename, mode = _os.fspath(filename), "r+"
    return _io._mapped(filename, mode, max_header_size)
