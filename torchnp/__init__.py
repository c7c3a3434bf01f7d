"""torchnp: NumPy's API, faithfully, on PyTorch tensors.

``import torchnp as np`` and NumPy code runs on torch tensors: on the CPU by default, on a GPU with
``device="cuda"``, differentiable with autograd, compilable with ``torch.compile``.
"""
# Explicit re-exports, one block per NumPy reference chapter. The ndarray module comes first: the
# chapter modules import the class from it.
from torchnp._core.ndarray import ndarray

# ----- exceptions ---------------------------------------------------------------------------------
from torchnp import exceptions
from torchnp.exceptions import AxisError, ComplexWarning, LinAlgError

# ----- data types ---------------------------------------------------------------------------------
from torchnp._core.dtypes import (
    dtype, generic, number, integer, signedinteger, unsignedinteger, inexact, floating,
    complexfloating, bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16,
    float32, float64, complex64, complex128, byte, ubyte, short, ushort, intc, uintc, int_, uint,
    intp, uintp, long, ulong, longlong, ulonglong, half, single, double, longdouble, csingle,
    cdouble, clongdouble,
)
from torchnp._core.promotion import (
    result_type, promote_types, can_cast, min_scalar_type, common_type,
)
bool = bool_  # noqa: A001  (NumPy 2 spells the scalar type both ways)

# ----- configuration ------------------------------------------------------------------------------
from torchnp._core.config import (
    set_default_float, get_default_float, default_float, set_default_device, get_default_device,
)

# ----- ufuncs -------------------------------------------------------------------------------------
from torchnp._core.ufunc import ufunc
from torchnp._math_ufuncs import (
    add, subtract, multiply, sin, divide, maximum, minimum, logical_and, logical_or, equal, less,
    greater,
)

# ----- array creation (_creation.py) --------------------------------------------------------------
from torchnp._creation import (
    array, asarray,
)

# ----- array manipulation (_manipulation.py) ------------------------------------------------------

# ----- indexing (_indexing.py) --------------------------------------------------------------------

# ----- mathematical functions: reductions, rounding, clipping (_math.py) --------------------------

# ----- complex numbers (_complex.py) --------------------------------------------------------------

# ----- logic (_logic.py) --------------------------------------------------------------------------

# ----- sorting, searching (_sorting.py) -----------------------------------------------------------

# ----- statistics (_statistics.py) ----------------------------------------------------------------

# ----- linear algebra at the top level: dot, trace, ... (_products.py) ----------------------------

# ----- printing (_printing.py) --------------------------------------------------------------------

__version__ = "0.1.0"
