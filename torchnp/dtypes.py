"""``torchnp.dtypes``: the DType classes of the dtypes torchnp supports.

torchnp's dtype objects are NumPy's (DESIGN.md §3.2), so their classes are NumPy's too:
``type(torchnp.zeros(3).dtype) is torchnp.dtypes.Float64DType``. The classes of the dtypes left out
by principle (string, bytes, object, void, datetime, extended precision) are listed in
``torchnp/_allowlist.py`` (docs/differences.md).
"""
from numpy.dtypes import (
    BoolDType, Int8DType, ByteDType, UInt8DType, UByteDType, Int16DType, ShortDType, UInt16DType,
    UShortDType, Int32DType, IntDType, UInt32DType, UIntDType, Int64DType, LongDType, UInt64DType,
    ULongDType, LongLongDType, ULongLongDType, Float16DType, Float32DType, Float64DType,
    Complex64DType, Complex128DType,
)

__all__ = [
    "BoolDType", "Int8DType", "ByteDType", "UInt8DType", "UByteDType", "Int16DType", "ShortDType",
    "UInt16DType", "UShortDType", "Int32DType", "IntDType", "UInt32DType", "UIntDType",
    "Int64DType", "LongDType", "UInt64DType", "ULongDType", "LongLongDType", "ULongLongDType",
    "Float16DType", "Float32DType", "Float64DType", "Complex64DType", "Complex128DType",
]
