"""``torchnp.lib.stride_tricks``: views of an array with a given shape and strides.

Strides are in bytes, as NumPy's; the views share the array's memory (``torch.as_strided``).
Differences from NumPy (docs/differences.md): strides must be non-negative multiples of the
itemsize (torch counts strides in elements and has no negative strides); and a view reaching
outside the memory under the array raises ``ValueError`` (NumPy reads whatever lies there).
``writeable=False`` (``sliding_window_view``'s default) gives a read-only view, as in NumPy.
"""
import torch

from torchnp import _creation, _utils
from torchnp._core import convert
from torchnp._core import readonly


def _element_strides(strides, itemsize):
    """Byte strides as element strides, for torch."""
    out = []
    for s in strides:
        s = convert.operator_index(s)
        if s < 0 or s % itemsize:
            raise NotImplementedError(
                f"as_strided: stride {s} is not a non-negative multiple of the itemsize "
                f"{itemsize} (torch strides count whole elements and cannot be negative)")
        out.append(s // itemsize)
    return tuple(out)


def _contiguous_strides(shape):
    strides, acc = [], 1
    for n in reversed(shape):
        strides.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(strides))


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """A view of ``x`` with the given shape and strides (in bytes), sharing its memory.

    torchnp implementation of :func:`numpy.lib.stride_tricks.as_strided`. As in NumPy, the
    elements of such a view may overlap: write to it with care.
    """
    x = _creation.asarray(x)
    t = x._t
    shp = tuple(t.shape) if shape is None else convert.shape_tuple(tuple(shape))
    if strides is not None:
        st = tuple(strides)
    elif shape is not None and t.is_contiguous():   # NumPy: C-contiguous strides follow the shape
        st = _contiguous_strides(shp)
    else:
        st = tuple(t.stride())
    if len(st) != len(shp):
        raise ValueError("mismatch in length of strides and shape")
    if strides is not None:
        st = _element_strides(st, t.element_size())
    return _view(x, shp, st, writeable)


def _view(x, shape, strides, writeable):
    """A view of ndarray ``x`` with element ``strides``, from where ``x`` starts; read-only
    unless ``writeable`` (and ``x`` is)."""
    try:
        view = torch.as_strided(x._t, shape, strides)          # keeps x's storage offset
    except RuntimeError:
        raise ValueError(f"as_strided: shape {shape} with strides {strides} (in elements) reaches "
                         "outside the memory of the array") from None
    res = convert.wrap_view(view, x)
    return res if writeable else readonly.read_only(res)


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """A view of ``x`` holding every window of ``window_shape`` along ``axis`` (default: all).

    torchnp implementation of :func:`numpy.lib.stride_tricks.sliding_window_view`.

    With ``writeable=True`` a write changes every window that holds the element.
    """
    window_shape = tuple(window_shape) if _utils.iterable(window_shape) else (window_shape,)
    window_shape = tuple(convert.operator_index(w) for w in window_shape)
    x = _creation.asarray(x)
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(range(x.ndim))
        if len(window_shape) != len(axis):
            raise ValueError(f"Since axis is `None`, must provide window_shape for all "
                             f"dimensions of `x`; got {len(window_shape)} window_shape elements "
                             f"and `x.ndim` is {x.ndim}.")
    else:
        axes = axis if type(axis) in (tuple, list) else (axis,)
        axis = tuple(convert.normalize_axis_index(ax, x.ndim) for ax in axes)
        if len(window_shape) != len(axis):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axis)} axes "
                             "elements.")
    strides = tuple(x._t.stride())
    strides += tuple(strides[ax] for ax in axis)
    trimmed = list(x.shape)
    for ax, w in zip(axis, window_shape):         # an axis may be windowed more than once
        if trimmed[ax] < w:
            raise ValueError("window shape cannot be larger than input array shape")
        trimmed[ax] -= w - 1
    return _view(x, tuple(trimmed) + window_shape, strides, writeable)
