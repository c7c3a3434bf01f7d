"""Dtype objects (they *are* ``numpy.dtype``), scalar types, and the mapping to ``torch.dtype``.

Inside the library every dtype is a ``torch.dtype``; ``numpy.dtype`` objects exist only at the API
boundary (``ndarray.dtype``, ``dtype=`` arguments).
"""
import numpy
import torch

# The 14 dtypes, by name (NumPy and torch spell them alike). Never by one-character code: NumPy's
# ``dtype.char`` is platform-dependent ('l' is int64 on 64-bit Linux, int32 on Windows).
_NAMES = ("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")
_NUMPY_TORCH = tuple((numpy.dtype(name), getattr(torch, name)) for name in _NAMES)

CHAR_OF_TORCH = {dt: np_dt.char for np_dt, dt in _NUMPY_TORCH}     # this platform's codes
NUMPY_OF_TORCH = {dt: np_dt for np_dt, dt in _NUMPY_TORCH}
TORCH_OF_NUMPY = {np_dt: dt for np_dt, dt in _NUMPY_TORCH}
ALL_TORCH_DTYPES = tuple(dt for _, dt in _NUMPY_TORCH)

INTEGER_DTYPES = frozenset({torch.int8, torch.uint8, torch.int16, torch.uint16, torch.int32,
                            torch.uint32, torch.int64, torch.uint64})
UNSIGNED_DTYPES = frozenset({torch.uint8, torch.uint16, torch.uint32, torch.uint64})
SIGNED_DTYPES = INTEGER_DTYPES - UNSIGNED_DTYPES
# (min, max) of each integer dtype as Python ints: the one range table every check reads.
INT_RANGE = {dt: (int(numpy.iinfo(np_dt).min), int(numpy.iinfo(np_dt).max))
             for np_dt, dt in _NUMPY_TORCH if dt in INTEGER_DTYPES}
FLOAT_DTYPES = frozenset({torch.float16, torch.float32, torch.float64})
COMPLEX_DTYPES = frozenset({torch.complex64, torch.complex128})


def wrap_int64(v):
    """The Python int ``v`` wrapped into int64's range, as C's (NumPy's intp) arithmetic does."""
    return (v + 2**63) % 2**64 - 2**63


_OUT_OF_SCOPE_KINDS = {
    "O": "object",
    "U": "string",
    "S": "bytes",
    "V": "void/structured",
    "M": "datetime",
    "m": "timedelta",
    "T": "string",
}


def unsupported_dtype_error(dt):
    """The TypeError for a NumPy dtype torchnp does not support, naming the principle."""
    kind = _OUT_OF_SCOPE_KINDS.get(dt.kind)
    if kind is not None:
        return TypeError(
            f"torchnp does not support the {kind} dtype {dt!r}: arrays are torch tensors, which hold "
            "numbers only (see docs/differences.md)")
    return TypeError(f"torchnp does not support the dtype {dt!r}: torch has no equivalent "
                     "(see docs/differences.md)")


# Cache of dtype-like objects already resolved: python types, scalar types, strings, numpy dtypes.
_RESOLVED = {float: torch.float64, int: torch.int64, complex: torch.complex128, bool: torch.bool}
_RESOLVED.update(TORCH_OF_NUMPY)
_RESOLVED.update({np_dt.type: dt for np_dt, dt in _NUMPY_TORCH})
_RESOLVED[numpy.longdouble] = torch.float64      # longdouble maps to float64 (docs/differences.md)
_RESOLVED[numpy.clongdouble] = torch.complex128
_RESOLVED.update({dt: dt for dt in ALL_TORCH_DTYPES})   # other torch dtypes: TypeError (slow path)


def to_torch_dtype(dtype):
    """A dtype-like (``None`` passes through) as a ``torch.dtype``; ``TypeError`` if unsupported."""
    if dtype is None:
        return None
    try:
        return _RESOLVED[dtype]
    except (KeyError, TypeError):   # TypeError: unhashable dtype-likes (lists for structured)
        return _to_torch_dtype_slow(dtype)


def _to_torch_dtype_slow(dtype):
    if isinstance(dtype, torch.dtype):
        raise TypeError(f"torchnp does not support the torch dtype {dtype} (see docs/differences.md)")
    np_dt = getattr(dtype, "dtype", None)            # an array or a NumPy scalar: its dtype
    if isinstance(np_dt, numpy.dtype):
        dtype = np_dt
    elif np_dt is not None and type(np_dt) is not type and not isinstance(dtype, type):
        return to_torch_dtype(np_dt)
    np_dt = numpy.dtype(dtype)      # NumPy's TypeError for what is no dtype, in NumPy's words
    if np_dt.kind == "f" and np_dt.itemsize > 8:
        return torch.float64
    if np_dt.kind == "c" and np_dt.itemsize > 16:
        return torch.complex128
    if np_dt.byteorder not in "=|":
        np_dt = np_dt.newbyteorder("=")
    try:
        dt = TORCH_OF_NUMPY[np_dt]
    except KeyError:
        raise unsupported_dtype_error(np_dt) from None
    try:
        _RESOLVED[dtype] = dt
    except TypeError:
        pass
    return dt


def to_numpy_dtype(dt):
    """A ``torch.dtype`` as the ``numpy.dtype`` users see."""
    return NUMPY_OF_TORCH[dt]


def is_float(dt):
    return dt.is_floating_point


def is_complex(dt):
    return dt.is_complex


def is_integer(dt):
    return dt in INTEGER_DTYPES


def real_dtype(dt):
    """The real counterpart of a complex dtype (complex128 -> float64); others unchanged."""
    return dt.to_real() if dt.is_complex else dt


def complex_dtype(dt):
    """The complex counterpart of a real float dtype (float32 -> complex64)."""
    return dt.to_complex()


# ----- public: dtype, scalar types and their hierarchy are NumPy's own ------------------------------

def _as_numpy_dtype_like(x):
    """A torch dtype or a torchnp array as the NumPy dtype it stands for; other inputs unchanged."""
    if isinstance(x, torch.dtype):
        return NUMPY_OF_TORCH[x]
    dt = getattr(x, "dtype", None)
    if isinstance(dt, numpy.dtype) and not isinstance(x, (type, numpy.dtype)):
        return dt
    return x


def finfo(dtype):
    """Machine limits for floating point types.

    torchnp implementation of :class:`numpy.finfo` (NumPy's own object is returned; torch
    dtypes and torchnp arrays are accepted as well).
    """
    return numpy.finfo(_as_numpy_dtype_like(dtype))


def iinfo(int_type):
    """Machine limits for integer types.

    torchnp implementation of :class:`numpy.iinfo` (NumPy's own object is returned).
    """
    return numpy.iinfo(_as_numpy_dtype_like(int_type))


# Host-side predicates on dtypes: torchnp's dtypes are NumPy's, so NumPy's functions answer.
issubdtype = numpy.issubdtype
isdtype = numpy.isdtype

dtype = numpy.dtype
generic = numpy.generic
number = numpy.number
integer = numpy.integer
signedinteger = numpy.signedinteger
unsignedinteger = numpy.unsignedinteger
inexact = numpy.inexact
floating = numpy.floating
complexfloating = numpy.complexfloating
bool_ = numpy.bool_
int8 = numpy.int8
int16 = numpy.int16
int32 = numpy.int32
int64 = numpy.int64
uint8 = numpy.uint8
uint16 = numpy.uint16
uint32 = numpy.uint32
uint64 = numpy.uint64
float16 = numpy.float16
float32 = numpy.float32
float64 = numpy.float64
complex64 = numpy.complex64
complex128 = numpy.complex128
byte = numpy.byte
ubyte = numpy.ubyte
short = numpy.short
ushort = numpy.ushort
intc = numpy.intc
uintc = numpy.uintc
int_ = numpy.int_
uint = numpy.uint
intp = numpy.intp
uintp = numpy.uintp
long = numpy.long
ulong = numpy.ulong
longlong = numpy.longlong
ulonglong = numpy.ulonglong
half = numpy.half
single = numpy.single
double = numpy.double
longdouble = numpy.longdouble
csingle = numpy.csingle
cdouble = numpy.cdouble
clongdouble = numpy.clongdouble
