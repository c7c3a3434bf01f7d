"""The ufunc table: one line per NumPy ufunc, aliases as plain assignments."""
import torch

from torchnp import _kernels as k
from torchnp._core.ufunc import ufunc

#  name          = ufunc("name",          kernel,          doc)
add              = ufunc("add",           torch.add,       doc="Add arguments element-wise.")
subtract         = ufunc("subtract",      torch.sub,       doc="Subtract arguments, element-wise.")
multiply         = ufunc("multiply",      torch.mul,       doc="Multiply arguments element-wise.")
sin              = ufunc("sin",           torch.sin,       doc="Trigonometric sine, element-wise.")
divide           = ufunc("divide",        torch.div,       doc="Divide arguments element-wise.")
maximum          = ufunc("maximum",       torch.maximum,   doc="Element-wise maximum of array elements.")
minimum          = ufunc("minimum",       torch.minimum,   doc="Element-wise minimum of array elements.")
logical_and      = ufunc("logical_and",   torch.logical_and, doc="Compute the truth value of x1 AND x2 element-wise.")
logical_or       = ufunc("logical_or",    torch.logical_or, doc="Compute the truth value of x1 OR x2 element-wise.")
equal            = ufunc("equal",         torch.eq,        doc="Return (x1 == x2) element-wise.")
less             = ufunc("less",          torch.lt,        doc="Return the truth value of (x1 < x2) element-wise.")
greater          = ufunc("greater",       torch.gt,        doc="Return the truth value of (x1 > x2) element-wise.")


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
matmul           = ufunc("matmul",        k.matmul,          select=k.select_gufunc, doc="Matrix product of two arrays.")
vecdot           = ufunc("vecdot",        k.vecdot,          select=k.select_gufunc, doc="Vector dot product of two arrays.")
matvec           = ufunc("matvec",        k.matvec,          select=k.select_gufunc, doc="Matrix-vector dot product of two arrays.")
vecmat           = ufunc("vecmat",        k.vecmat,          select=k.select_gufunc, doc="Vector-matrix dot product of two arrays.")

asin = arcsin
acos = arccos
atan = arctan
atan2 = arctan2
asinh = arcsinh
acosh = arccosh
atanh = arctanh
