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
