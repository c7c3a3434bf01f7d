"""``torchnp.lib.array_utils``: axis normalisation and the memory bounds of an array.

``normalize_axis_index`` and ``normalize_axis_tuple`` are NumPy's own (they take and return
Python integers, with NumPy's ``AxisError``); ``byte_bounds`` reads a torchnp array's layout.
"""
from numpy.lib.array_utils import normalize_axis_index, normalize_axis_tuple

from torchnp import _creation


def byte_bounds(a):
    """(low, high): the addresses of the first byte of ``a`` and one past its last byte.

    torchnp implementation of :func:`numpy.lib.array_utils.byte_bounds` (device addresses for
    an array on a device).
    """
    a = _creation.asarray(a)
    t = a._t
    low = high = t.data_ptr()
    itemsize = t.element_size()
    if a.flags.c_contiguous:
        return low, high + t.numel() * itemsize
    for n, s in zip(t.shape, t.stride()):
        high += (n - 1) * s * itemsize      # torch strides are never negative
    return low, high + itemsize


__all__ = ["byte_bounds", "normalize_axis_index", "normalize_axis_tuple"]
