"""torchnp: NumPy's API, faithfully, on PyTorch tensors.

``import torchnp as np`` and NumPy code runs on torch tensors: on the CPU by default, on a GPU with
``device="cuda"``, differentiable with autograd, compilable with ``torch.compile``.
"""
# ----- memory settings (before anything allocates a torch tensor) --------------------------------
# Huge pages for torch's CPU blocks and glibc's malloc keeping freed large blocks: a large result
# is then first touched at NumPy's speed or not faulted at all (docs/design-notes.md, "Large
# arrays"). TORCHNP_THP=0 and TORCHNP_MALLOC=0 opt out.
from torchnp._core import memory as _memory  # noqa: F401

# Explicit re-exports, one block per NumPy reference chapter. The class comes from the core; its
# methods and operators are attached by ``_array_methods``, imported last (see the end).
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
from torchnp._core.dtypes import finfo, iinfo, issubdtype, isdtype
bool = bool_  # noqa: A001  (NumPy 2 spells the scalar type both ways)

# ----- constants ----------------------------------------------------------------------------------
from numpy import e, euler_gamma, inf, nan, newaxis, pi  # plain Python floats and None, as NumPy

# ----- configuration ------------------------------------------------------------------------------
from torchnp._core.config import (
    set_default_float, get_default_float, default_float, set_default_device, get_default_device,
    default_device, errstate, geterr, seterr, geterrcall, seterrcall,
)

# ----- ufuncs -------------------------------------------------------------------------------------
from torchnp._core.ufunc import ufunc
from torchnp._math_ufuncs import (   # arithmetic, comparison, bitwise, logical
    add, subtract, multiply, divide, true_divide, floor_divide, remainder, mod, fmod, divmod, power,
    pow, float_power, negative, positive, absolute, abs, fabs, sign, conjugate, conj, square,
    reciprocal, sqrt, cbrt, equal, not_equal, less, less_equal, greater, greater_equal,
    logical_and, logical_or, logical_xor, logical_not, bitwise_and, bitwise_or, bitwise_xor,
    invert, bitwise_not, bitwise_invert, left_shift, bitwise_left_shift, right_shift,
    bitwise_right_shift, maximum, minimum, fmax, fmin, isnan, isinf, isfinite, signbit, copysign,
    isnat, sin,
)
from torchnp._math_ufuncs import (   # math functions: trigonometric, exponential, rounding, floats
    cos, tan, arcsin, arccos, arctan, arctan2, hypot, sinh, cosh, tanh, arcsinh, arccosh, arctanh,
    degrees, radians, deg2rad, rad2deg, exp, exp2, expm1, log, log2, log10, log1p, logaddexp,
    logaddexp2, rint, floor, ceil, trunc, spacing, nextafter, frexp, ldexp, modf, gcd, lcm,
    bitwise_count, heaviside, matmul, vecdot, matvec, vecmat, asin, acos, atan, atan2, asinh,
    acosh, atanh,
)

# ----- array creation (_creation.py) --------------------------------------------------------------
from torchnp._creation import (
    array, asarray, asanyarray, ascontiguousarray, copy, empty, zeros, ones, full, empty_like,
    zeros_like, ones_like, full_like, eye, identity, arange, linspace,
)

# ----- array manipulation (_manipulation.py) ------------------------------------------------------
from torchnp._manipulation import (
    reshape, ravel, transpose, permute_dims, matrix_transpose, swapaxes, moveaxis, rollaxis,
    squeeze, expand_dims, repeat, tile, resize, concatenate, concat, stack, vstack, hstack, dstack,
    column_stack, append, unstack, split, array_split, hsplit, vsplit, dsplit, atleast_1d,
    atleast_2d, atleast_3d, broadcast_to, broadcast_arrays, broadcast_shapes, flip, fliplr, flipud,
    roll, rot90, shape, ndim, size, astype, copyto, delete, insert, trim_zeros,
)

# ----- indexing (_indexing.py) --------------------------------------------------------------------
from torchnp._core.indexing import flatiter
from torchnp._indexing import (
    take, put, nonzero, flatnonzero, argwhere, diagonal, where, take_along_axis, put_along_axis,
    compress, extract, place, putmask, choose, ix_, indices, diag_indices, diag_indices_from,
    tril_indices, triu_indices, tril_indices_from, triu_indices_from,
)

# ----- mathematical functions: reductions, rounding, clipping (_math.py) --------------------------
from torchnp._math import (
    sum, prod, cumsum, cumprod, max, min, amax, amin, clip, round, around, nansum, nanprod,
    nancumsum, nancumprod, nanmax, nanmin,
)

# ----- complex numbers (_complex.py) --------------------------------------------------------------
from torchnp._complex import (
    real, imag, angle, iscomplex, isreal, iscomplexobj, isrealobj, real_if_close,
)

# ----- logic (_logic.py) --------------------------------------------------------------------------
from torchnp._logic import (
    all, any, isscalar,
)

# ----- sorting, searching (_sorting.py) -----------------------------------------------------------
from torchnp._sorting import (
    sort, argsort, partition, argpartition, lexsort, argmax, argmin, searchsorted, count_nonzero,
)

# ----- statistics (_statistics.py) ----------------------------------------------------------------
from torchnp._statistics import (
    mean, std, var, nanmean, nanstd, nanvar,
)
from torchnp._statistics import (   # order statistics, averages, correlating
    median, nanmedian, percentile, nanpercentile, quantile, nanquantile, average, cov, corrcoef,
    ptp, nanargmax, nanargmin,
)

# ----- linear algebra at the top level: dot, trace, ... (_products.py) ----------------------------
from torchnp._products import (
    dot, vdot, inner, outer, tensordot, kron, cross, trace,
)

# ----- printing (_printing.py) --------------------------------------------------------------------
from torchnp._printing import (
    set_printoptions, get_printoptions, printoptions, array2string, array_repr, array_str,
    format_float_positional, format_float_scientific,
)

# ----- set routines (_setops.py) -----------------------------------------------------------------
from torchnp._setops import (
    unique, unique_all, unique_counts, unique_inverse, unique_values, intersect1d, union1d,
    setdiff1d, setxor1d, isin,
)

# ----- histograms (_histograms.py) ----------------------------------------------------------------
from torchnp._histograms import (
    histogram, histogram_bin_edges, histogram2d, histogramdd, bincount, digitize,
)

# ----- window functions (_window.py) and the Bessel function they use (_math.py) -----------------
from torchnp._math import i0
from torchnp._window import (
    bartlett, blackman, hamming, hanning, kaiser,
)

# ----- polynomials, the legacy API (_polynomial.py) -------------------------------------------------
from torchnp._polynomial import (
    poly1d, poly, roots, polyfit, polyval, polyadd, polysub, polymul, polydiv, polyder, polyint,
)

# ----- input and output (_io.py) ------------------------------------------------------------------
from torchnp._io import (
    save, load, savez, savez_compressed, loadtxt, savetxt, genfromtxt, fromregex, fromfile,
    frombuffer, fromstring,
)

# ----- interoperability: DLPack, the Array API's inspection namespace (_interop.py) ---------------
from torchnp._interop import from_dlpack, __array_namespace_info__  # noqa: E402
from torchnp._interop import API_VERSION as __array_api_version__  # noqa: E402

# ----- submodules ---------------------------------------------------------------------------------
from torchnp import linalg  # noqa: E402
from torchnp import random  # noqa: E402
from torchnp import fft  # noqa: E402
from torchnp import testing  # noqa: E402

# ----- array creation: matrices, log ranges, from functions, layouts (_creation.py) ------------
from torchnp._creation import (  # noqa: E402
    diag, diagflat, tri, tril, triu, vander, meshgrid, logspace, geomspace, fromfunction,
    fromiter, require, asfortranarray, asarray_chkfinite,
)

# ----- indexing routines: index arithmetic, select (_indexing.py) ----------------------------------
from torchnp._indexing import (  # noqa: E402
    fill_diagonal, mask_indices, unravel_index, ravel_multi_index, select,
)

# ----- array manipulation: block, pad, functional tools, bit packing (_manipulation.py) ---------
from torchnp._manipulation import (  # noqa: E402
    block, row_stack, pad, apply_along_axis, apply_over_axes, packbits, unpackbits, piecewise,
)

# ----- names NumPy code uses at import time: data-type tables, index tricks, iterators, utilities -
from torchnp._numerictypes import (  # noqa: E402
    True_, False_, ScalarType, sctypeDict, typecodes, little_endian, typename, mintypecode,
)
from torchnp._index_tricks import (  # noqa: E402
    s_, index_exp, r_, c_, mgrid, ogrid, ndindex, ndenumerate,
)
from torchnp._iterators import broadcast, nditer, nested_iters  # noqa: E402
from torchnp._vectorize import vectorize  # noqa: E402
from torchnp._memmap import memmap  # noqa: E402
from torchnp._utils import (  # noqa: E402
    iterable, base_repr, binary_repr, isfortran, info, getbufsize, setbufsize, may_share_memory,
    shares_memory,
)
from torchnp import dtypes, emath, lib  # noqa: E402

# ----- logic: closeness, equality, infinities (_logic.py) ----------------------------------------
from torchnp._logic import (
    isclose, allclose, array_equal, array_equiv, isposinf, isneginf,
)

# ----- numpy/lib math: differences, integrals, convolution, interpolation (_math.py) -------------
from torchnp._math import (
    diff, ediff1d, gradient, trapezoid, cumulative_sum, cumulative_prod, convolve, correlate,
    interp, sinc, nan_to_num, unwrap, fix,
)

# ----- sorting complex numbers (_sorting.py) ------------------------------------------------------
from torchnp._sorting import sort_complex

# ----- einsum and its contraction order (_products.py) -------------------------------------------
from torchnp._products import einsum, einsum_path

# ----- beyond NumPy: gradients and batching of torchnp functions (autograd.py) ------------------
from torchnp.autograd import (  # noqa: E402
    grad, value_and_grad, jacobian, hessian, vmap, no_grad, enable_grad,
)

# ----- beyond NumPy: torch.compile over torchnp code (compile.py) ---------------------------------
from torchnp.compile import compile, jit  # noqa: E402, A004

# ----- numpy.polynomial: the series modules and classes (polynomial/) -----------------------------
from torchnp import polynomial  # noqa: E402

# ----- the ndarray's methods and operators: the chapters' functions, attached last ---------------
from torchnp import _array_methods  # noqa: E402, F401

__version__ = "0.1.0"
