"""The ufunc table: one record per NumPy ufunc, aliases as plain assignments.

A record is ``ufunc(name, kernel, ...)``: the torch kernel of the ufunc's loops, then only what
differs from it, keyed by dtype, never by NumPy's type codes (``scalar=``, ``inplace=``,
``loops=``, ``widen=``: see ``_core/ufunc.py``'s ``ufunc``). Records are grouped by what they
give, from the most to the least.
"""
import torch

from torchnp import _kernels as k
from torchnp import _products as p
from torchnp._core import dtypes as _dtypes
from torchnp._core.ufunc import ufunc

COMPLEX = _dtypes.COMPLEX_DTYPES
REAL = frozenset(_dtypes.ALL_TORCH_DTYPES) - COMPLEX
INTEGER = _dtypes.INTEGER_DTYPES
SIGNED = _dtypes.SIGNED_DTYPES
UNSIGNED = _dtypes.UNSIGNED_DTYPES
FLOAT = _dtypes.FLOAT_DTYPES
CLAMPS = REAL - k.FEW_KERNELS          # torch.clamp with a Python scalar: not uint16/32/64


# ----- operators: fast paths for Python scalars and in-place operators
add = ufunc("add", torch.add, loops={COMPLEX: k.add_complex},
            scalar=k.scalar_kernels(torch.add, torch.add, REAL), inplace=torch.Tensor.add_,
            doc="Add arguments element-wise.")
subtract = ufunc("subtract", torch.sub, loops={COMPLEX: k.subtract_complex},
                 scalar=k.scalar_kernels(torch.sub, torch.rsub, REAL), inplace=torch.Tensor.sub_,
                 doc="Subtract arguments, element-wise.")
multiply = ufunc("multiply", torch.mul, scalar=k.scalar_kernels(torch.mul, torch.mul),
                 inplace=torch.Tensor.mul_, doc="Multiply arguments element-wise.")
divide = ufunc("divide", torch.div, scalar=k.scalar_kernels(torch.div),
               inplace=torch.Tensor.div_, doc="Divide arguments element-wise.")
floor_divide = ufunc(
    "floor_divide", k.floor_divide_float,
    loops=k.division_loops(k.floor_divide_int, k.floor_divide_uint, k.floor_divide_u64,
                           k.floor_divide_float),
    scalar=k.scalar_kernels(k.floor_divide_scalar, None, INTEGER),
    doc="Return the largest integer smaller or equal to the division of the inputs.")
remainder = ufunc(
    "remainder", torch.remainder,
    loops=k.division_loops(k.remainder_int, k.remainder_uint, k.remainder_u64, k.remainder_float),
    scalar=k.scalar_kernels(k.remainder_scalar, None, INTEGER),
    doc="Returns the element-wise remainder of division.")
power = ufunc("power", torch.pow, scalar=k.power_scalars,
              loops={SIGNED: k.power_int, torch.uint64: k.power_u64, COMPLEX: k.power_complex},
              doc="First array elements raised to powers from second array, element-wise.")
equal = ufunc("equal", torch.eq, loops=k.compare_loops(torch.eq),
              scalar=k.scalar_kernels(torch.eq, torch.eq), doc="Return (x1 == x2) element-wise.")
not_equal = ufunc("not_equal", torch.ne, loops=k.compare_loops(torch.ne),
                  scalar=k.scalar_kernels(torch.ne, torch.ne),
                  doc="Return (x1 != x2) element-wise.")
less = ufunc("less", torch.lt, loops=k.compare_loops(torch.lt, k.less_complex),
             scalar=k.scalar_kernels(torch.lt, torch.gt, REAL),
             doc="Return the truth value of (x1 < x2) element-wise.")
less_equal = ufunc("less_equal", torch.le, loops=k.compare_loops(torch.le, k.less_equal_complex),
                   scalar=k.scalar_kernels(torch.le, torch.ge, REAL),
                   doc="Return the truth value of (x1 <= x2) element-wise.")
greater = ufunc("greater", torch.gt, loops=k.compare_loops(torch.gt, k.greater_complex),
                scalar=k.scalar_kernels(torch.gt, torch.lt, REAL),
                doc="Return the truth value of (x1 > x2) element-wise.")
greater_equal = ufunc("greater_equal", torch.ge,
                      loops=k.compare_loops(torch.ge, k.greater_equal_complex),
                      scalar=k.scalar_kernels(torch.ge, torch.le, REAL),
                      doc="Return the truth value of (x1 >= x2) element-wise.")
bitwise_and = ufunc("bitwise_and", torch.bitwise_and, widen=False,
                    scalar=k.scalar_kernels(torch.bitwise_and, torch.bitwise_and),
                    inplace=torch.Tensor.bitwise_and_,
                    doc="Compute the bit-wise AND of two arrays element-wise.")
bitwise_or = ufunc("bitwise_or", torch.bitwise_or, widen=False,
                   scalar=k.scalar_kernels(torch.bitwise_or, torch.bitwise_or),
                   inplace=torch.Tensor.bitwise_or_,
                   doc="Compute the bit-wise OR of two arrays element-wise.")
bitwise_xor = ufunc("bitwise_xor", torch.bitwise_xor, widen=False,
                    scalar=k.scalar_kernels(torch.bitwise_xor, torch.bitwise_xor),
                    inplace=torch.Tensor.bitwise_xor_,
                    doc="Compute the bit-wise XOR of two arrays element-wise.")


# ----- kernels of their own for some dtypes
fmod = ufunc("fmod", torch.fmod,
             loops=k.division_loops(k.fmod_int, k.fmod_uint, k.remainder_u64, torch.fmod),
             doc="Returns the element-wise remainder of division (C's fmod).")
divmod = ufunc("divmod", k.divmod_float,
               loops=k.division_loops(k.divmod_int, k.divmod_uint, k.divmod_u64, k.divmod_float),
               doc="Return element-wise quotient and remainder simultaneously.")
float_power = ufunc("float_power", torch.pow, loops={torch.complex128: k.power_complex},
                    doc="First array elements raised to powers from second array, element-wise "
                        "(in float64 or complex128).")
negative = ufunc("negative", torch.neg, loops={COMPLEX: k.negative_complex},
                 doc="Numerical negative, element-wise.")
sign = ufunc("sign", torch.sign,
             loops={FLOAT: k.sign_float, COMPLEX: k.sign_complex, torch.uint64: k.sign_u64},
             doc="Returns an element-wise indication of the sign of a number.")
reciprocal = ufunc("reciprocal", torch.reciprocal,
                   loops={SIGNED: k.reciprocal_int, UNSIGNED: k.reciprocal_uint},
                   doc="Return the reciprocal of the argument, element-wise.")
left_shift = ufunc("left_shift", torch.bitwise_left_shift, loops=k.left_shift_loops,
                   doc="Shift the bits of an integer to the left.")
right_shift = ufunc("right_shift", torch.bitwise_right_shift, loops=k.right_shift_loops,
                    doc="Shift the bits of an integer to the right.")
maximum = ufunc("maximum", torch.maximum,
                loops={torch.uint64: k.maximum_u64, COMPLEX: k.maximum_complex},
                scalar=k.scalar_kernels(k.maximum_scalar, k.maximum_scalar, CLAMPS),
                doc="Element-wise maximum of array elements.")
minimum = ufunc("minimum", torch.minimum,
                loops={torch.uint64: k.minimum_u64, COMPLEX: k.minimum_complex},
                scalar=k.scalar_kernels(k.minimum_scalar, k.minimum_scalar, CLAMPS),
                doc="Element-wise minimum of array elements.")
fmax = ufunc("fmax", torch.fmax, loops={torch.uint64: k.maximum_u64, COMPLEX: k.fmax_complex,
                                        FLOAT: k.fmax_float, torch.float16: k.fmax_half},
             doc="Element-wise maximum of array elements, ignoring NaNs.")
fmin = ufunc("fmin", torch.fmin, loops={torch.uint64: k.minimum_u64, COMPLEX: k.fmin_complex,
                                        FLOAT: k.fmin_float, torch.float16: k.fmin_half},
             doc="Element-wise minimum of array elements, ignoring NaNs.")
arccos = ufunc("arccos", torch.acos, loops={COMPLEX: k.arccos_complex},
               doc="Trigonometric inverse cosine, element-wise.")
log1p = ufunc("log1p", torch.log1p, loops={COMPLEX: k.log1p_complex},
              doc="Return the natural logarithm of one plus the input array, element-wise.")
logaddexp = ufunc("logaddexp", k.logaddexp, loops={torch.float16: k.in_float32(k.logaddexp)},
                  doc="Logarithm of the sum of exponentiations of the inputs.")
logaddexp2 = ufunc("logaddexp2", k.logaddexp2, loops={torch.float16: k.in_float32(k.logaddexp2)},
                   doc="Logarithm of the sum of exponentiations of the inputs in base-2.")
rint = ufunc("rint", torch.round, loops={COMPLEX: k.rint_complex},
             doc="Round elements of the array to the nearest integer.")
spacing = ufunc("spacing", k.spacing, loops={torch.float16: k.spacing_float16},
                doc="Return the distance between x and the nearest adjacent number.")
nextafter = ufunc("nextafter", torch.nextafter, loops={torch.float16: k.nextafter_float16},
                  doc="Return the next floating-point value after x1 towards x2, element-wise.")
matmul = ufunc("matmul", p.matmul_kernel, loops={p.MM_DTYPES: p.matmul_mm_kernel},
               doc="Matrix product of two arrays.")
vecdot = ufunc("vecdot", p.vecdot_kernel, doc="Vector dot product of two arrays.")
matvec = ufunc("matvec", p.matvec_kernel, doc="Matrix-vector dot product of two arrays.")
vecmat = ufunc("vecmat", p.vecmat_kernel, doc="Vector-matrix dot product of two arrays.")


# ----- kernels that take every dtype as it is (no uint16/32/64 widening)
positive = ufunc("positive", k.positive, widen=False, doc="Numerical positive, element-wise.")
absolute = ufunc("absolute", torch.abs, loops=k.absolute_loops, widen=False,
                 doc="Calculate the absolute value element-wise.")
conjugate = ufunc("conjugate", k.conjugate, widen=False,
                  doc="Return the complex conjugate, element-wise.")
isnan = ufunc("isnan", torch.isnan, widen=False,
              doc="Test element-wise for NaN and return result as a boolean array.")
isinf = ufunc("isinf", torch.isinf, widen=False,
              doc="Test element-wise for positive or negative infinity.")
isfinite = ufunc("isfinite", torch.isfinite, widen=False,
                 doc="Test element-wise for finiteness (not infinity and not Not a Number).")
floor = ufunc("floor", torch.floor, loops=k.rounding_loops, widen=False,
              doc="Return the floor of the input, element-wise.")
ceil = ufunc("ceil", torch.ceil, loops=k.rounding_loops, widen=False,
             doc="Return the ceiling of the input, element-wise.")
trunc = ufunc("trunc", torch.trunc, loops=k.rounding_loops, widen=False,
              doc="Return the truncated value of the input, element-wise.")
ldexp = ufunc("ldexp", k.ldexp, loops=k.ldexp_loops, widen=False,
              doc="Returns x1 * 2**x2, element-wise.")
gcd = ufunc("gcd", k.gcd, loops=k.gcd_loops(k.gcd), widen=False,
            doc="Returns the greatest common divisor of ``|x1|`` and ``|x2|``.")
lcm = ufunc("lcm", k.lcm, loops=k.gcd_loops(k.lcm), widen=False,
            doc="Returns the lowest common multiple of ``|x1|`` and ``|x2|``.")
bitwise_count = ufunc("bitwise_count", None, loops=k.bitwise_count_loops, widen=False,
                      doc="Computes the number of 1-bits in the absolute value of ``x``.")


# ----- one kernel for every loop
fabs = ufunc("fabs", torch.abs,
             doc="Compute the absolute values element-wise.")
square = ufunc("square", torch.square, loops={INTEGER: k.square_int},
               doc="Return the element-wise square of the input.")
sqrt = ufunc("sqrt", torch.sqrt,
             doc="Return the non-negative square-root of an array, element-wise.")
cbrt = ufunc("cbrt", k.cbrt,
             doc="Return the cube-root of an array, element-wise.")
logical_and = ufunc("logical_and", torch.logical_and,
                    doc="Compute the truth value of x1 AND x2 element-wise.")
logical_or = ufunc("logical_or", torch.logical_or,
                   doc="Compute the truth value of x1 OR x2 element-wise.")
logical_xor = ufunc("logical_xor", torch.logical_xor,
                    doc="Compute the truth value of x1 XOR x2, element-wise.")
logical_not = ufunc("logical_not", torch.logical_not,
                    doc="Compute the truth value of NOT x element-wise.")
invert = ufunc("invert", torch.bitwise_not,
               doc="Compute bit-wise inversion, or bit-wise NOT, element-wise.")
signbit = ufunc("signbit", torch.signbit,
                doc="Returns element-wise True where signbit is set (less than zero).")
copysign = ufunc("copysign", torch.copysign,
                 doc="Change the sign of x1 to that of x2, element-wise.")
isnat = ufunc("isnat", k.isnat,
              doc="Test element-wise for NaT (not a time) and return result as a boolean array.")
sin = ufunc("sin", torch.sin,
            doc="Trigonometric sine, element-wise.")
cos = ufunc("cos", torch.cos,
            doc="Cosine element-wise.")
tan = ufunc("tan", torch.tan,
            doc="Compute tangent element-wise.")
arcsin = ufunc("arcsin", torch.asin,
               doc="Inverse sine, element-wise.")
arctan = ufunc("arctan", torch.atan,
               doc="Trigonometric inverse tangent, element-wise.")
arctan2 = ufunc("arctan2", torch.atan2,
                doc="Element-wise arc tangent of x1/x2 choosing the quadrant correctly.")
hypot = ufunc("hypot", torch.hypot,
              doc="Given the \"legs\" of a right triangle, return its hypotenuse.")
sinh = ufunc("sinh", torch.sinh,
             doc="Hyperbolic sine, element-wise.")
cosh = ufunc("cosh", torch.cosh,
             doc="Hyperbolic cosine, element-wise.")
tanh = ufunc("tanh", torch.tanh,
             doc="Compute hyperbolic tangent element-wise.")
arcsinh = ufunc("arcsinh", torch.asinh,
                doc="Inverse hyperbolic sine element-wise.")
arccosh = ufunc("arccosh", torch.acosh,
                doc="Inverse hyperbolic cosine, element-wise.")
arctanh = ufunc("arctanh", torch.atanh,
                doc="Inverse hyperbolic tangent element-wise.")
degrees = ufunc("degrees", torch.rad2deg,
                doc="Convert angles from radians to degrees.")
radians = ufunc("radians", torch.deg2rad,
                doc="Convert angles from degrees to radians.")
deg2rad = ufunc("deg2rad", torch.deg2rad,
                doc="Convert angles from degrees to radians.")
rad2deg = ufunc("rad2deg", torch.rad2deg,
                doc="Convert angles from radians to degrees.")
exp = ufunc("exp", torch.exp,
            doc="Calculate the exponential of all elements in the input array.")
exp2 = ufunc("exp2", torch.exp2,
             doc="Calculate `2**p` for all `p` in the input array.")
expm1 = ufunc("expm1", torch.expm1,
              doc="Calculate ``exp(x) - 1`` for all elements in the array.")
log = ufunc("log", torch.log,
            doc="Natural logarithm, element-wise.")
log2 = ufunc("log2", torch.log2,
             doc="Base-2 logarithm of `x`.")
log10 = ufunc("log10", torch.log10,
              doc="Return the base 10 logarithm of the input array, element-wise.")
frexp = ufunc("frexp", k.frexp,
              doc="Decompose the elements of x into mantissa and twos exponent.")
modf = ufunc("modf", k.modf,
             doc="Return the fractional and integral parts of an array, element-wise.")
heaviside = ufunc("heaviside", k.heaviside,
                  doc="Compute the Heaviside step function.")


# ----- NumPy's aliases: the same objects
true_divide = divide
mod = remainder
pow = power  # noqa: A001
abs = absolute  # noqa: A001
conj = conjugate
bitwise_not = invert
bitwise_invert = invert
bitwise_left_shift = left_shift
bitwise_right_shift = right_shift
asin = arcsin
acos = arccos
atan = arctan
atan2 = arctan2
asinh = arcsinh
acosh = arccosh
atanh = arctanh
