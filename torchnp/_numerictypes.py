"""Names for the data types: ``True_``, ``False_``, ``ScalarType``, ``sctypeDict``, ``typecodes``,
``little_endian``, and the type-naming helpers ``typename`` and ``mintypecode``.

torchnp's dtypes and scalar types are NumPy's own (DESIGN.md §3.2), so these tables are NumPy's,
less the scalar types torchnp leaves out by principle (string, bytes, object, void, datetime:
docs/differences.md).
"""
import numpy

from torchnp import _creation
from torchnp._core import dtypes as _dtypes

True_ = numpy.True_
False_ = numpy.False_
little_endian = numpy.little_endian
typecodes = numpy.typecodes       # one-character codes by kind, NumPy's own table


def _supported(scalar_type):
    try:
        _dtypes.to_torch_dtype(scalar_type)
    except TypeError:
        return False
    return True


# Python's own scalar types stay (``isinstance(x, ScalarType)`` asks "is x a scalar?"); NumPy's
# scalar types of the dtypes torchnp leaves out do not.
ScalarType = tuple(t for t in numpy.ScalarType
                   if not issubclass(t, numpy.generic) or _supported(t))
sctypeDict = {name: t for name, t in numpy.sctypeDict.items() if _supported(t)}

_NAME_OF_CHAR = {
    "S1": "character", "?": "bool", "b": "signed char", "B": "unsigned char", "h": "short",
    "H": "unsigned short", "i": "integer", "I": "unsigned integer", "l": "long integer",
    "L": "unsigned long integer", "q": "long long integer", "Q": "unsigned long long integer",
    "f": "single precision", "d": "double precision", "g": "long precision",
    "F": "complex single precision", "D": "complex double precision",
    "G": "complex long double precision", "S": "string", "U": "unicode", "V": "void",
    "O": "object",
}
_CHARS_BY_SIZE = "GDFgdfQqLlIiHhBb?"      # largest first, as NumPy ranks them


def typename(char):
    """A description of the data type of a one-character code.

    torchnp implementation of :func:`numpy.typename`.
    """
    return _NAME_OF_CHAR[char]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """The character of the smallest type in ``typeset`` to which all ``typechars`` cast safely.

    torchnp implementation of :func:`numpy.mintypecode` (arrays are read for their dtype only).
    """
    codes = {t if isinstance(t, str) else _creation.asarray(t).dtype.char for t in typechars}
    found = {t for t in codes if t in typeset}
    if not found:
        return default
    if "F" in found and "d" in found:
        return "D"
    return min(found, key=_CHARS_BY_SIZE.index)
