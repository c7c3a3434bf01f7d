"""The ufunc table: one line per NumPy ufunc, aliases as plain assignments."""
import torch

from torchnp import _kernels as k
from torchnp._core.ufunc import ufunc

#  name          = ufunc("name",          kernel,          doc)
add              = ufunc("add",           torch.add,       doc="Add arguments element-wise.")
subtract         = ufunc("subtract",      torch.sub,       doc="Subtract arguments, element-wise.")
multiply         = ufunc("multiply",      torch.mul,       doc="Multiply arguments element-wise.")
sin              = ufunc("sin",           torch.sin,       doc="Trigonometric sine, element-wise.")
