"""The ufunc table: one line per NumPy ufunc, aliases as plain assignments."""
import torch

from torchnp import _kernels as k
from torchnp import _products as p
from torchnp._core.ufunc import ufunc


def _int_div(signed, unsigned, u64, floating):
    """Division kernels by loop code: signed ints, uint8/16/32 (widened), uint64 bits, floats
    (float16 computed in float32, as NumPy)."""
    return (dict.fromkeys("bhil", signed) | dict.fromkeys("BHI", unsigned) | {"L": u64}
            | dict.fromkeys("fd", floating) | {"e": k.half_in_float32(floating)})


# ----- arithmetic, comparison, bitwise and logical ufuncs
#  name          = ufunc("name",          kernel,            select / scalar / doc)
add              = ufunc("add",           torch.add,         select=k.per_code({"F": k.add_complex, "D": k.add_complex}),
                         scalar=k.scalar_kernels(torch.add, torch.add, "bBhHiIlLefd"), inplace=torch.Tensor.add_,
                         doc="Add arguments element-wise.")
subtract         = ufunc("subtract",      torch.sub,         select=k.per_code({"F": k.subtract_complex, "D": k.subtract_complex}),
                         scalar=k.scalar_kernels(torch.sub, torch.rsub, "bBhHiIlLefd"), inplace=torch.Tensor.sub_,
                         doc="Subtract arguments, element-wise.")
multiply         = ufunc("multiply",      torch.mul,         scalar=k.scalar_kernels(torch.mul, torch.mul), inplace=torch.Tensor.mul_,
                         doc="Multiply arguments element-wise.")
divide           = ufunc("divide",        torch.div,         scalar=k.scalar_kernels(torch.div), inplace=torch.Tensor.div_,
                         doc="Divide arguments element-wise.")
floor_divide     = ufunc("floor_divide",  torch.floor_divide, select=k.per_code(_int_div(k.floor_divide_int, k.floor_divide_uint, k.floor_divide_u64, torch.floor_divide)),
                         scalar=k.scalar_kernels(k.floor_divide_scalar, None, "bhilB"),
                         doc="Return the largest integer smaller or equal to the division of the inputs.")
remainder        = ufunc("remainder",     torch.remainder,   select=k.per_code(_int_div(k.remainder_int, k.remainder_uint, k.remainder_u64, k.remainder_float)),
                         scalar=k.scalar_kernels(k.remainder_scalar, None, "bhilB"),
                         doc="Returns the element-wise remainder of division.")
fmod             = ufunc("fmod",          torch.fmod,        select=k.per_code(_int_div(k.fmod_int, k.fmod_uint, k.remainder_u64, torch.fmod)),
                         doc="Returns the element-wise remainder of division (C's fmod).")
divmod           = ufunc("divmod",        k.divmod_float,    select=k.per_code(_int_div(k.divmod_int, k.divmod_uint, k._u64_divmod, k.divmod_float)),
                         doc="Return element-wise quotient and remainder simultaneously.")
power            = ufunc("power",         torch.pow,         select=k.per_code(dict.fromkeys("bhil", k.power_int) | {"L": k.power_u64, "F": k.power_complex, "D": k.power_complex}),
                         scalar=k.power_scalars,
                         doc="First array elements raised to powers from second array, element-wise.")
float_power      = ufunc("float_power",   torch.pow,         select=k.per_code({"D": k.power_complex}), doc="First array elements raised to powers from second array, element-wise (in float64 or complex128).")
negative         = ufunc("negative",      torch.neg,         select=k.per_code({"F": k.negative_complex, "D": k.negative_complex}),
                         doc="Numerical negative, element-wise.")
positive         = ufunc("positive",      k.positive,        select=k.select_native, doc="Numerical positive, element-wise.")
absolute         = ufunc("absolute",      torch.abs,         select=k.per_code(dict.fromkeys("?BHIL", k.absolute_copy), k.select_native),
                         doc="Calculate the absolute value element-wise.")
fabs             = ufunc("fabs",          torch.abs,         doc="Compute the absolute values element-wise.")
sign             = ufunc("sign",          torch.sign,        select=k.per_code({"e": k.sign_float, "f": k.sign_float, "d": k.sign_float, "F": k.sign_complex, "D": k.sign_complex, "L": k.sign_u64}),
                         doc="Returns an element-wise indication of the sign of a number.")
conjugate        = ufunc("conjugate",     k.conjugate,       select=k.select_native, doc="Return the complex conjugate, element-wise.")
square           = ufunc("square",        torch.square,      doc="Return the element-wise square of the input.")
reciprocal       = ufunc("reciprocal",    torch.reciprocal,  select=k.per_code({"b": k.reciprocal_int, "h": k.reciprocal_int, "i": k.reciprocal_int, "l": k.reciprocal_int, "B": k.reciprocal_uint, "H": k.reciprocal_uint, "I": k.reciprocal_u32, "L": k.reciprocal_uint}),
                         doc="Return the reciprocal of the argument, element-wise.")
sqrt             = ufunc("sqrt",          torch.sqrt,        doc="Return the non-negative square-root of an array, element-wise.")
cbrt             = ufunc("cbrt",          k.cbrt,            doc="Return the cube-root of an array, element-wise.")
equal            = ufunc("equal",         torch.eq,          select=k.select_equal, scalar=k.scalar_kernels(torch.eq, torch.eq),
                         doc="Return (x1 == x2) element-wise.")
not_equal        = ufunc("not_equal",     torch.ne,          select=k.select_not_equal, scalar=k.scalar_kernels(torch.ne, torch.ne),
                         doc="Return (x1 != x2) element-wise.")
less             = ufunc("less",          torch.lt,          select=k.select_less, scalar=k.scalar_kernels(torch.lt, torch.gt, "?bBhHiIlLefd"),
                         doc="Return the truth value of (x1 < x2) element-wise.")
less_equal       = ufunc("less_equal",    torch.le,          select=k.select_less_equal, scalar=k.scalar_kernels(torch.le, torch.ge, "?bBhHiIlLefd"),
                         doc="Return the truth value of (x1 <= x2) element-wise.")
greater          = ufunc("greater",       torch.gt,          select=k.select_greater, scalar=k.scalar_kernels(torch.gt, torch.lt, "?bBhHiIlLefd"),
                         doc="Return the truth value of (x1 > x2) element-wise.")
greater_equal    = ufunc("greater_equal", torch.ge,          select=k.select_greater_equal, scalar=k.scalar_kernels(torch.ge, torch.le, "?bBhHiIlLefd"),
                         doc="Return the truth value of (x1 >= x2) element-wise.")
logical_and      = ufunc("logical_and",   torch.logical_and, doc="Compute the truth value of x1 AND x2 element-wise.")
logical_or       = ufunc("logical_or",    torch.logical_or,  doc="Compute the truth value of x1 OR x2 element-wise.")
logical_xor      = ufunc("logical_xor",   torch.logical_xor, doc="Compute the truth value of x1 XOR x2, element-wise.")
logical_not      = ufunc("logical_not",   torch.logical_not, doc="Compute the truth value of NOT x element-wise.")
bitwise_and      = ufunc("bitwise_and",   torch.bitwise_and, select=k.select_native, scalar=k.scalar_kernels(torch.bitwise_and, torch.bitwise_and),
                         inplace=torch.Tensor.bitwise_and_,
                         doc="Compute the bit-wise AND of two arrays element-wise.")
bitwise_or       = ufunc("bitwise_or",    torch.bitwise_or,  select=k.select_native, scalar=k.scalar_kernels(torch.bitwise_or, torch.bitwise_or),
                         inplace=torch.Tensor.bitwise_or_,
                         doc="Compute the bit-wise OR of two arrays element-wise.")
bitwise_xor      = ufunc("bitwise_xor",   torch.bitwise_xor, select=k.select_native, scalar=k.scalar_kernels(torch.bitwise_xor, torch.bitwise_xor),
                         inplace=torch.Tensor.bitwise_xor_,
                         doc="Compute the bit-wise XOR of two arrays element-wise.")
invert           = ufunc("invert",        torch.bitwise_not, doc="Compute bit-wise inversion, or bit-wise NOT, element-wise.")
left_shift       = ufunc("left_shift",    torch.bitwise_left_shift, select=k.select_left_shift,
                         doc="Shift the bits of an integer to the left.")
right_shift      = ufunc("right_shift",   torch.bitwise_right_shift, select=k.select_right_shift,
                         doc="Shift the bits of an integer to the right.")
maximum          = ufunc("maximum",       torch.maximum,     select=k.per_code({"L": k.maximum_u64, "F": k.maximum_complex, "D": k.maximum_complex}),
                         doc="Element-wise maximum of array elements.")
minimum          = ufunc("minimum",       torch.minimum,     select=k.per_code({"L": k.minimum_u64, "F": k.minimum_complex, "D": k.minimum_complex}),
                         doc="Element-wise minimum of array elements.")
fmax             = ufunc("fmax",          torch.fmax,        select=k.per_code({"L": k.maximum_u64, "F": k.fmax_complex, "D": k.fmax_complex} | dict.fromkeys("fd", k.fmax_float) | {"e": k.fmax_half}),
                         doc="Element-wise maximum of array elements, ignoring NaNs.")
fmin             = ufunc("fmin",          torch.fmin,        select=k.per_code({"L": k.minimum_u64, "F": k.fmin_complex, "D": k.fmin_complex} | dict.fromkeys("fd", k.fmin_float) | {"e": k.fmin_half}),
                         doc="Element-wise minimum of array elements, ignoring NaNs.")
isnan            = ufunc("isnan",         torch.isnan,       select=k.select_native, doc="Test element-wise for NaN and return result as a boolean array.")
isinf            = ufunc("isinf",         torch.isinf,       select=k.select_native, doc="Test element-wise for positive or negative infinity.")
isfinite         = ufunc("isfinite",      torch.isfinite,    select=k.select_native, doc="Test element-wise for finiteness (not infinity and not Not a Number).")
signbit          = ufunc("signbit",       torch.signbit,     doc="Returns element-wise True where signbit is set (less than zero).")
copysign         = ufunc("copysign",      torch.copysign,    doc="Change the sign of x1 to that of x2, element-wise.")
isnat            = ufunc("isnat",         k.isnat,           doc="Test element-wise for NaT (not a time) and return result as a boolean array.")

true_divide = divide
mod = remainder
pow = power  # noqa: A001
abs = absolute  # noqa: A001
conj = conjugate
bitwise_not = invert
bitwise_invert = invert
bitwise_left_shift = left_shift
bitwise_right_shift = right_shift

sin              = ufunc("sin",           torch.sin,         doc="Trigonometric sine, element-wise.")


# ----- math functions (trigonometric, exponential, rounding, floating point)
#  name          = ufunc("name",          kernel,            select / doc)
cos              = ufunc("cos",           torch.cos,         doc="Cosine element-wise.")
tan              = ufunc("tan",           torch.tan,         doc="Compute tangent element-wise.")
arcsin           = ufunc("arcsin",        torch.asin,        doc="Inverse sine, element-wise.")
arccos           = ufunc("arccos",        torch.acos,        select=k.by_code({"F": k.arccos_complex, "D": k.arccos_complex}),
                         doc="Trigonometric inverse cosine, element-wise.")
arctan           = ufunc("arctan",        torch.atan,        doc="Trigonometric inverse tangent, element-wise.")
arctan2          = ufunc("arctan2",       torch.atan2,       doc="Element-wise arc tangent of x1/x2 choosing the quadrant correctly.")
hypot            = ufunc("hypot",         torch.hypot,       doc="Given the \"legs\" of a right triangle, return its hypotenuse.")
sinh             = ufunc("sinh",          torch.sinh,        doc="Hyperbolic sine, element-wise.")
cosh             = ufunc("cosh",          torch.cosh,        doc="Hyperbolic cosine, element-wise.")
tanh             = ufunc("tanh",          torch.tanh,        doc="Compute hyperbolic tangent element-wise.")
arcsinh          = ufunc("arcsinh",       torch.asinh,       doc="Inverse hyperbolic sine element-wise.")
arccosh          = ufunc("arccosh",       torch.acosh,       doc="Inverse hyperbolic cosine, element-wise.")
arctanh          = ufunc("arctanh",       torch.atanh,       doc="Inverse hyperbolic tangent element-wise.")
degrees          = ufunc("degrees",       torch.rad2deg,     doc="Convert angles from radians to degrees.")
radians          = ufunc("radians",       torch.deg2rad,     doc="Convert angles from degrees to radians.")
deg2rad          = ufunc("deg2rad",       torch.deg2rad,     doc="Convert angles from degrees to radians.")
rad2deg          = ufunc("rad2deg",       torch.rad2deg,     doc="Convert angles from radians to degrees.")
exp              = ufunc("exp",           torch.exp,         doc="Calculate the exponential of all elements in the input array.")
exp2             = ufunc("exp2",          torch.exp2,        doc="Calculate `2**p` for all `p` in the input array.")
expm1            = ufunc("expm1",         torch.expm1,       doc="Calculate ``exp(x) - 1`` for all elements in the array.")
log              = ufunc("log",           torch.log,         doc="Natural logarithm, element-wise.")
log2             = ufunc("log2",          torch.log2,        doc="Base-2 logarithm of `x`.")
log10            = ufunc("log10",         torch.log10,       doc="Return the base 10 logarithm of the input array, element-wise.")
log1p            = ufunc("log1p",         torch.log1p,       select=k.by_code({"F": k.log1p_complex, "D": k.log1p_complex}),
                         doc="Return the natural logarithm of one plus the input array, element-wise.")
logaddexp        = ufunc("logaddexp",     k.logaddexp,       select=k.by_code({"e": k.in_float32(k.logaddexp)}),
                         doc="Logarithm of the sum of exponentiations of the inputs.")
logaddexp2       = ufunc("logaddexp2",    k.logaddexp2,      select=k.by_code({"e": k.in_float32(k.logaddexp2)}),
                         doc="Logarithm of the sum of exponentiations of the inputs in base-2.")
rint             = ufunc("rint",          torch.round,       select=k.by_code({"F": k.rint_complex, "D": k.rint_complex}),
                         doc="Round elements of the array to the nearest integer.")
floor            = ufunc("floor",         torch.floor,       select=k.select_rounding, doc="Return the floor of the input, element-wise.")
ceil             = ufunc("ceil",          torch.ceil,        select=k.select_rounding, doc="Return the ceiling of the input, element-wise.")
trunc            = ufunc("trunc",         torch.trunc,       select=k.select_rounding, doc="Return the truncated value of the input, element-wise.")
spacing          = ufunc("spacing",       k.spacing,         select=k.by_code({"e": k.spacing_float16}),
                         doc="Return the distance between x and the nearest adjacent number.")
nextafter        = ufunc("nextafter",     torch.nextafter,   select=k.by_code({"e": k.nextafter_float16}),
                         doc="Return the next floating-point value after x1 towards x2, element-wise.")
frexp            = ufunc("frexp",         k.frexp,           doc="Decompose the elements of x into mantissa and twos exponent.")
ldexp            = ufunc("ldexp",         k.ldexp,           select=k.select_ldexp, doc="Returns x1 * 2**x2, element-wise.")
modf             = ufunc("modf",          k.modf,            doc="Return the fractional and integral parts of an array, element-wise.")
gcd              = ufunc("gcd",           k.gcd,             select=k.select_gcd, doc="Returns the greatest common divisor of ``|x1|`` and ``|x2|``.")
lcm              = ufunc("lcm",           k.lcm,             select=k.select_gcd, doc="Returns the lowest common multiple of ``|x1|`` and ``|x2|``.")
bitwise_count    = ufunc("bitwise_count", None,              select=k.select_bitwise_count,
                         doc="Computes the number of 1-bits in the absolute value of ``x``.")
heaviside        = ufunc("heaviside",     k.heaviside,       doc="Compute the Heaviside step function.")
matmul           = ufunc("matmul",        p.matmul_kernel,   doc="Matrix product of two arrays.")
vecdot           = ufunc("vecdot",        p.vecdot_kernel,   doc="Vector dot product of two arrays.")
matvec           = ufunc("matvec",        p.matvec_kernel,   doc="Matrix-vector dot product of two arrays.")
vecmat           = ufunc("vecmat",        p.vecmat_kernel,   doc="Vector-matrix dot product of two arrays.")

asin = arcsin
acos = arccos
atan = arctan
atan2 = arctan2
asinh = arcsinh
acosh = arccosh
atanh = arctanh
