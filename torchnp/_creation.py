"""Array creation: from data, from shapes, ranges, and the ndarray's Python-protocol helpers."""
from torchnp._core import convert
from torchnp._core import dtypes as _dt


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """Convert the input to an array (no copy where possible).

    torchnp implementation of :func:`numpy.asarray`.
    """
    return convert.wrap(convert.as_tensor(a, _dt.to_torch_dtype(dtype)))


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    """Create an array.

    torchnp implementation of :func:`numpy.array`.
    """
    t = convert.as_tensor(object, _dt.to_torch_dtype(dtype))
    return convert.wrap(t.clone() if copy else t)
