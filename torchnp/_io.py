"""Input and output: ``.npy`` / ``.npz`` files (save, load, savez, savez_compressed), text files
(loadtxt, savetxt, genfromtxt, fromregex), raw data (fromfile, frombuffer, fromstring) and the
ndarray's tofile / tobytes / dump / dumps.

File formats go through NumPy on a host copy (DESIGN.md 3.2). Writing hands NumPy a host view of
the array (no copy on the CPU), so files are byte for byte NumPy's and NumPy reads them. Reading a
``.npy`` file (alone or in an ``.npz``) is torchnp's own: NumPy's public ``numpy.lib.format``
functions read and check the header, the declared size is checked against the bytes the file
holds, and only then is the data read, straight into a torch tensor (``readinto``), or mapped
with ``torch.from_file`` for ``mmap_mode``. So a truncated, corrupt or hostile file raises NumPy's
exception class before anything is allocated, and never yields a partial array; nothing is
unpickled unless ``allow_pickle=True``, and object arrays are out of scope even then. Text and raw
buffers are parsed by NumPy, whose fresh result becomes the tensor's memory (no copy). Results
land on the default device (``device=`` where NumPy has ``like=``); mapped files stay on the CPU.
"""
import collections.abc
import contextlib
import os
import pickle
import zipfile

import numpy
import torch
from numpy.lib import format as _format

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray
from torchnp._creation import _check_like, asarray, from_host_array, to_numpy

_MAX_HEADER_SIZE = 10000                    # NumPy's default max_header_size
_VERSIONS = ((1, 0), (2, 0), (3, 0))
_ZIP_PREFIXES = (b"PK\x03\x04", b"PK\x05\x06")       # a zip file; an empty one
_CHUNK = 16 * 2**20                         # bytes per read from a stream
_INT64_MAX = 2**63 - 1
_MAPPED_MODES = {"r": False, "readonly": False, "c": False, "r+": True}   # mode: shared?
_MEMMAP_MODES = ["r", "c", "r+", "w+", "readonly", "copyonwrite", "readwrite", "write"]


# ----- arguments and results ---------------------------------------------------------------------

def _numeric(dtype):
    """A dtype argument as the NumPy dtype to read (its byte order kept); ``None`` and ``float``
    are the default float dtype. Out-of-scope dtypes raise TypeError before any reading."""
    if dtype is None or dtype is float:
        return _dtypes.to_numpy_dtype(config.default_float_dtype())
    np_dt = numpy.dtype(dtype)
    _dtypes.to_torch_dtype(np_dt)           # TypeError: strings, objects, structured, datetimes
    return np_dt


def _result(host, device=None, requires_grad=False):
    """NumPy's fresh result as an array (its memory becomes the tensor's) on ``device``, or on
    the default device."""
    t = convert.numpy_to_tensor(host)
    return asarray(t, device=device if device is not None else config.current_device(),
                   requires_grad=requires_grad)


def _host(a):
    """An array-like as NumPy data to write: torchnp's conversion (numbers only), then a host
    view (no copy on the CPU)."""
    return to_numpy(asarray(a))


# ----- .npy: the header --------------------------------------------------------------------------

def _read_header(fp, max_header_size):
    """(shape, fortran_order, dtype) from a ``.npy`` header, with NumPy's checks and errors."""
    version = _format.read_magic(fp)
    if version not in _VERSIONS:
        raise ValueError("we only support format version (1,0), (2,0), and (3,0), "
                         f"not {version}")
    if version == (1, 0):
        return _format.read_array_header_1_0(fp, max_header_size=max_header_size)
    # version 3.0 differs from 2.0 only in field names outside latin-1: structured, out of scope
    return _format.read_array_header_2_0(fp, max_header_size=max_header_size)


def _element_count(shape, dtype):
    """The number of elements a header declares, checked as NumPy checks it (OverflowError for a
    dimension beyond int64, ValueError for a negative one or a byte size beyond an index)."""
    count, nonzero = 1, 1
    for n in shape:
        if not -_INT64_MAX - 1 <= n <= _INT64_MAX:
            raise OverflowError("Python int too large to convert to C long")
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        count *= n
        nonzero *= max(n, 1)
    if nonzero * dtype.itemsize > _INT64_MAX:
        raise ValueError(convert.TOO_BIG)
    return count


def _check_dtype(dtype, allow_pickle):
    if dtype.hasobject:
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        raise _dtypes.unsupported_dtype_error(dtype)        # never unpickled: out of scope
    _dtypes.to_torch_dtype(dtype)


# ----- .npy: the data ----------------------------------------------------------------------------

def _available(fp, size):
    """The bytes left in ``fp`` (``size``: the stream's whole length, when known), or None for a
    stream that cannot tell."""
    if size is not None:
        return size - fp.tell()
    if _format.isfileobj(fp):
        return os.fstat(fp.fileno()).st_size - fp.tell()
    try:
        pos = fp.tell()
        end = fp.seek(0, os.SEEK_END)
        fp.seek(pos)
    except (AttributeError, OSError, ValueError):
        return None
    return end - pos


def _short_data(fp, shape, count, itemsize, nbytes, got):
    """NumPy's ValueError for data shorter than the header declares (its words for a real file
    and for a stream)."""
    if _format.isfileobj(fp):
        return ValueError(f"Failed to read all data for array. Expected {shape} = {count} "
                          f"elements, could only read {got // itemsize} elements. (file seems "
                          "not fully written?)")
    return ValueError(f"EOF: reading array data, expected {nbytes} bytes got {got}")


def _fill(fp, view):
    """Read from ``fp`` into the memoryview ``view`` until it is full or the stream ends."""
    got = 0
    readinto = getattr(fp, "readinto", None)
    while got < len(view):
        part = view[got:got + _CHUNK]
        if readinto is not None:
            n = readinto(part)
        else:
            data = fp.read(len(part))
            n = len(data)
            part[:n] = data
        if not n:
            break
        got += n
    return got


def _read_stream(fp, nbytes):
    """Up to ``nbytes`` from a stream of unknown length, in chunks (memory grows with the data
    actually there, whatever the header declared)."""
    buf = bytearray()
    while len(buf) < nbytes:
        chunk = fp.read(min(_CHUNK, nbytes - len(buf)))
        if not chunk:
            break
        buf += chunk
    return buf


def _read_bytes(fp, shape, count, dtype, size):
    """The data of a ``.npy`` array as a uint8 tensor, read straight into its memory."""
    nbytes = count * dtype.itemsize
    available = _available(fp, size)
    if available is None:
        buf = _read_stream(fp, nbytes)
        if len(buf) < nbytes:
            raise _short_data(fp, shape, count, dtype.itemsize, nbytes, len(buf))
        if not nbytes:
            return torch.empty(0, dtype=torch.uint8)
        return torch.frombuffer(buf, dtype=torch.uint8)     # (the bytearray's memory)
    if available < nbytes:
        raise _short_data(fp, shape, count, dtype.itemsize, nbytes, max(available, 0))
    t = torch.empty(nbytes, dtype=torch.uint8)
    got = _fill(fp, memoryview(t.numpy()))
    if got < nbytes:
        raise _short_data(fp, shape, count, dtype.itemsize, nbytes, got)
    return t


def _typed(data, shape, fortran_order, dtype):
    """Bytes as an array of ``dtype`` and ``shape`` (a view where torch can; byte-swapped and
    extended-precision data are converted through NumPy, as torchnp converts NumPy arrays)."""
    dt = _dtypes.TORCH_OF_NUMPY.get(dtype)
    if dt is not None and data.storage_offset() % dtype.itemsize == 0:
        t = data.view(dt)
    else:
        t = convert.numpy_to_tensor(numpy.frombuffer(data.numpy(), dtype))
    if fortran_order:
        return t.reshape(shape[::-1]).permute(*reversed(range(len(shape))))
    return t.reshape(shape)


def _read_npy(fp, allow_pickle, max_header_size, size=None):
    """A ``.npy`` array from ``fp`` as a tensor (``size``: the stream's length, when known)."""
    if allow_pickle:
        max_header_size = 2**64             # a trusted file, as NumPy reads it
    shape, fortran_order, dtype = _read_header(fp, max_header_size)
    _check_dtype(dtype, allow_pickle)
    count = _element_count(shape, dtype)
    return _typed(_read_bytes(fp, shape, count, dtype, size), shape, fortran_order, dtype)


# ----- .npy: memory-mapped -----------------------------------------------------------------------

def _check_mode(mode):
    """``mmap_mode`` as NumPy reads it: modes with 'w' create a file, which ``load`` cannot do."""
    if "w" in mode:
        if mode == "w+":
            raise TypeError("load(mmap_mode='w+') would create a new file without a shape "
                            "(NumPy truncates the file, then fails); the file is left alone")
        raise ValueError(f"invalid mode: '{mode}b'")


def _mapped(file, mode, max_header_size):
    """The array of a ``.npy`` file mapped into memory with ``torch.from_file``: 'r+' shares
    the file's pages (writes reach the file), 'r' and 'c' map them copy-on-write ('r' is
    read-only, as NumPy's)."""
    if _format.isfileobj(file):
        raise ValueError("Filename must be a string or a path-like object.  Memmap cannot use "
                         "existing file handles.")
    path = os.fspath(file)
    _check_mode(mode)
    with open(path, "rb") as fp:
        shape, fortran_order, dtype = _read_header(fp, max_header_size)
        offset = fp.tell()
        length = os.fstat(fp.fileno()).st_size
    if dtype.hasobject:
        raise ValueError("Array can't be memory-mapped: Python objects in dtype.")
    _dtypes.to_torch_dtype(dtype)
    if mode not in _MAPPED_MODES:
        raise ValueError(f"mode must be one of {_MEMMAP_MODES} (got {mode!r})")
    count = _element_count(shape, dtype)
    nbytes = count * dtype.itemsize
    if offset + nbytes > length:
        raise ValueError("mmap length is greater than file size")
    shared = _MAPPED_MODES[mode]
    if shared and (dtype not in _dtypes.TORCH_OF_NUMPY or offset % dtype.itemsize):
        raise ValueError(f"cannot map {dtype} data at offset {offset} for writing: torch views "
                         "only native-endian data aligned to its item size")
    data = torch.from_file(path, shared=shared, size=offset + nbytes, dtype=torch.uint8)
    res = convert.wrap_array(_typed(data[offset:], shape, fortran_order, dtype))
    if mode in ("r", "readonly"):
        readonly.mark(res._t, locked=True)      # NumPy maps the file read-only
    return res


# ----- .npz --------------------------------------------------------------------------------------

class _Members:
    """``NpzFile.f``: the archive's arrays as attributes (NumPy's BagObj)."""

    def __init__(self, npz):
        object.__setattr__(self, "_npz", npz)

    def __getattr__(self, key):
        try:
            return self._npz[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(self._npz.keys())


class NpzFile(collections.abc.Mapping):
    """The arrays of an ``.npz`` file, read lazily: a mapping and a context manager.

    torchnp implementation of :class:`numpy.lib.npyio.NpzFile` (``files``, ``zip``, ``fid``,
    ``f``, ``[key]``, ``close``); each array is read when indexed, as a torchnp array.
    """
    zip = None
    fid = None
    _MAX_REPR_ARRAY_COUNT = 5

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=_MAX_HEADER_SIZE):
        archive = zipfile.ZipFile(fid if hasattr(fid, "read") else os.fspath(fid),
                                  allowZip64=True)
        names = archive.namelist()
        self.files = [name.removesuffix(".npy") for name in names]
        self._members = dict(zip(self.files, names))
        self._members.update(zip(names, names))
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.pickle_kwargs = pickle_kwargs
        self.zip = archive
        self.f = _Members(self)
        if own_fid:
            self.fid = fid

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def close(self):
        """Close the archive (and the file, when ``load`` opened it)."""
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None

    def __del__(self):
        self.close()

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __contains__(self, key):
        return key in self._members

    def __getitem__(self, key):
        try:
            name = self._members[key]
        except KeyError:
            raise KeyError(f"{key} is not a file in the archive") from None
        with self.zip.open(name) as member:
            if member.read(len(_format.MAGIC_PREFIX)) != _format.MAGIC_PREFIX:
                member.seek(0)
                return member.read()
            member.seek(0)
            t = _read_npy(member, self.allow_pickle, self.max_header_size,
                          size=self.zip.getinfo(name).file_size)
        return asarray(t, device=config.current_device())

    def __repr__(self):
        filename = self.fid if isinstance(self.fid, str) else getattr(self.fid, "name", "object")
        names = ", ".join(self.files[:self._MAX_REPR_ARRAY_COUNT])
        if len(self.files) > self._MAX_REPR_ARRAY_COUNT:
            names += "..."
        return f"NpzFile {filename!r} with keys: {names}"


# ----- save, load --------------------------------------------------------------------------------

def save(file, arr, allow_pickle=True):
    """Save an array to a binary file in NumPy ``.npy`` format.

    torchnp implementation of :func:`numpy.save`: the file is NumPy's, byte for byte.
    """
    numpy.save(file, _host(arr), allow_pickle=allow_pickle)


def _savez(writer, file, args, allow_pickle, kwds):
    writer(file, *[_host(a) for a in args], allow_pickle=allow_pickle,
           **{k: _host(v) for k, v in kwds.items()})


def savez(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into a single file in uncompressed ``.npz`` format.

    torchnp implementation of :func:`numpy.savez`: the file is NumPy's, byte for byte.
    """
    _savez(numpy.savez, file, args, allow_pickle, kwds)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """Save several arrays into a single file in compressed ``.npz`` format.

    torchnp implementation of :func:`numpy.savez_compressed`.
    """
    _savez(numpy.savez_compressed, file, args, allow_pickle, kwds)


def _unpickled(fid, file, allow_pickle, pickle_kwargs):
    """A pickle file's object; NumPy arrays and scalars in it become torchnp's."""
    if not allow_pickle:
        raise ValueError("This file contains pickled (object) data. If you trust the file you "
                         "can load it unsafely using the `allow_pickle=` keyword argument or "
                         "`pickle.load()`.")
    try:
        obj = pickle.load(fid, **pickle_kwargs)
    except Exception as e:      # noqa: BLE001 - NumPy's error, with the cause chained
        raise pickle.UnpicklingError(f"Failed to interpret file {file!r} as a pickle") from e
    if isinstance(obj, (numpy.ndarray, numpy.generic)):
        return from_host_array(numpy.asarray(obj), scalar=isinstance(obj, numpy.generic))
    return obj


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=_MAX_HEADER_SIZE):
    """Load arrays or pickled objects from ``.npy``, ``.npz`` or pickled files.

    torchnp implementation of :func:`numpy.load`.

    Differences from NumPy: arrays land on the default device; ``mmap_mode`` maps the file with
    ``torch.from_file`` and returns a CPU ndarray over it (no ``numpy.memmap``): 'r+' writes reach
    the file, 'r' is mapped copy-on-write (writable, writes never reach the file); 'w+' raises
    (NumPy truncates the file, then fails). Object arrays raise TypeError even with
    ``allow_pickle=True``; a pickle's NumPy arrays become torchnp arrays.
    """
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    pickle_kwargs = {"encoding": encoding, "fix_imports": fix_imports}
    with contextlib.ExitStack() as stack:
        fid = file if hasattr(file, "read") else stack.enter_context(open(os.fspath(file), "rb"))
        magic = fid.read(len(_format.MAGIC_PREFIX))
        if not magic:
            raise EOFError("No data left in file")
        fid.seek(-len(magic), 1)
        if magic.startswith(_ZIP_PREFIXES):
            npz = NpzFile(fid, own_fid=fid is not file, allow_pickle=allow_pickle,
                          pickle_kwargs=pickle_kwargs, max_header_size=max_header_size)
            stack.pop_all()                 # the NpzFile owns the file it was opened on
            return npz
        if magic == _format.MAGIC_PREFIX:
            if mmap_mode:
                return _mapped(file, mmap_mode, 2**64 if allow_pickle else max_header_size)
            t = _read_npy(fid, allow_pickle, max_header_size)
            return asarray(t, device=config.current_device())
        return _unpickled(fid, file, allow_pickle, pickle_kwargs)


# ----- text files --------------------------------------------------------------------------------

def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar=None, like=None, device=None, requires_grad=False):
    """Load data from a text file (numeric columns).

    torchnp implementation of :func:`numpy.loadtxt`: NumPy parses the text. ``dtype=float`` is the
    default float dtype; structured dtypes raise TypeError. ``device=`` and ``requires_grad=``
    are torchnp extensions.
    """
    _check_like(like)
    host = numpy.loadtxt(fname, _numeric(dtype), comments, delimiter, converters, skiprows,
                         usecols, unpack, ndmin, encoding, max_rows, quotechar=quotechar)
    return _result(host, device, requires_grad)


def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    """Save an array to a text file.

    torchnp implementation of :func:`numpy.savetxt`: NumPy writes the text from a host copy.
    """
    numpy.savetxt(fname, _host(X), fmt, delimiter, newline, header, footer, comments, encoding)


def _check_genfromtxt(names, usemask):
    if names is not None and names is not False:
        raise TypeError("genfromtxt(names=...) makes a structured array: torchnp does not support "
                        "structured dtypes (arrays are torch tensors; see docs/differences.md)")
    if usemask:
        raise NotImplementedError("genfromtxt(usemask=True) returns a masked array: torchnp has "
                                  "no masked arrays")


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, excludelist=None,
               deletechars=" !#$%&'()*+,-./:;<=>?@[\\]^{|}~",
               replace_space="_", autostrip=False, case_sensitive=True, defaultfmt="f%i",
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None,
               encoding=None, *, ndmin=0, like=None, device=None, requires_grad=False):
    """Load data from a text file, with missing values handled as specified (numeric columns).

    torchnp implementation of :func:`numpy.genfromtxt`: NumPy parses the text; missing values are
    nan (or ``filling_values``). Structured results (``names=``, a structured or per-column
    ``dtype``) raise TypeError; ``usemask=True`` raises NotImplementedError. ``device=`` and
    ``requires_grad=`` are torchnp extensions.
    """
    _check_like(like)
    _check_genfromtxt(names, usemask)
    host = numpy.genfromtxt(
        fname, None if dtype is None else _numeric(dtype), comments, delimiter, skip_header,
        skip_footer, converters, missing_values, filling_values, usecols, names, excludelist,
        deletechars, replace_space, autostrip, case_sensitive, defaultfmt, unpack, usemask, loose,
        invalid_raise, max_rows, encoding, ndmin=ndmin)
    return _result(host, device, requires_grad)


def fromregex(file, regexp, dtype, encoding=None):
    """Construct an array from a text file using regular expression parsing.

    torchnp implementation of :func:`numpy.fromregex`, which makes structured arrays only:
    NumPy's TypeError for any other dtype, and torchnp's (structured dtypes are out of scope)
    for a structured one.
    """
    if not hasattr(file, "read"):
        with open(os.fspath(file), encoding=encoding):     # NumPy opens the file first
            pass
    np_dt = numpy.dtype(dtype)
    if np_dt.names is None:
        raise TypeError("dtype must be a structured datatype.")
    raise _dtypes.unsupported_dtype_error(np_dt)


# ----- raw data ----------------------------------------------------------------------------------

def fromfile(file, dtype=None, count=-1, sep="", offset=0, *, like=None, device=None,
             requires_grad=False):
    """Construct an array from data in a text or binary file.

    torchnp implementation of :func:`numpy.fromfile`: NumPy reads the file into the memory that
    becomes the tensor's. ``dtype=None`` is the default float dtype; ``device=`` and
    ``requires_grad=`` are torchnp extensions.
    """
    _check_like(like)
    return _result(numpy.fromfile(file, _numeric(dtype), count, sep, offset), device,
                   requires_grad)


def frombuffer(buffer, dtype=None, count=-1, offset=0, *, like=None, device=None,
               requires_grad=False):
    """Interpret a buffer as a 1-dimensional array.

    torchnp implementation of :func:`numpy.frombuffer`. The result shares the buffer's memory,
    read-only when the buffer is (``bytes``), as NumPy's. ``dtype=None`` is the default float
    dtype; ``device=`` and ``requires_grad=`` are torchnp extensions.
    """
    _check_like(like)
    if isinstance(buffer, ndarray):
        buffer = to_numpy(buffer)
    return _result(numpy.frombuffer(buffer, _numeric(dtype), count, offset), device,
                   requires_grad)


def fromstring(string, dtype=float, count=-1, *, sep="", like=None, device=None,
               requires_grad=False):
    """A new 1-D array initialized from text data in a string.

    torchnp implementation of :func:`numpy.fromstring` (NumPy parses the text). ``dtype=float``
    is the default float dtype; ``device=`` and ``requires_grad=`` are torchnp extensions.
    """
    _check_like(like)
    return _result(numpy.fromstring(string, _numeric(dtype), count, sep=sep), device,
                   requires_grad)


# ----- the ndarray's methods ---------------------------------------------------------------------

def _host_value(a):
    """What NumPy would hold: a NumPy scalar for a torchnp scalar, else a host view."""
    host = to_numpy(a)
    return host[()] if convert.is_scalar_like(a) else host


def ndarray_tofile(self, fid, sep="", format="%s"):     # noqa: A002 (NumPy's name)
    """``a.tofile(fid, sep='', format='%s')``: NumPy writes a host copy."""
    _host_value(self).tofile(fid, sep, format)


def ndarray_tobytes(self, order="C"):
    """``a.tobytes(order='C')``: the raw bytes, from a host copy."""
    return _host_value(self).tobytes(order)


def ndarray_dump(self, file):
    """``a.dump(file)``: NumPy's pickle of a host copy (NumPy reads it without torchnp)."""
    _host_value(self).dump(file)


def ndarray_dumps(self):
    """``a.dumps()``: NumPy's pickle of a host copy, as bytes."""
    return _host_value(self).dumps()
