"""numpy.linalg's Array API functions: NumPy's top-level products and views with the Array API's
signatures (operands positional, options keyword-only) and rules (matrices are the last two axes;
``outer`` takes vectors only, ``cross`` 3-vectors only)."""
from torchnp import _indexing
from torchnp import _manipulation
from torchnp import _math_ufuncs as _u
from torchnp import _products
from torchnp.linalg._common import tensors


def cross(x1, x2, /, *, axis=-1):
    """The cross product of 3-element vectors.

    torchnp implementation of :func:`numpy.linalg.cross`.
    """
    t1, t2 = tensors(x1, x2)
    n1, n2 = t1.shape[axis], t2.shape[axis]         # IndexError for a bad axis, as NumPy's
    if n1 != 3 or n2 != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors, but they "
                         f"are {n1} and {n2} dimensional instead.")
    return _products.cross(t1, t2, axis=axis)


def outer(x1, x2, /):
    """The outer product of two vectors.

    torchnp implementation of :func:`numpy.linalg.outer`.
    """
    t1, t2 = tensors(x1, x2)
    if t1.ndim != 1 or t2.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they are "
                         f"x1.ndim={t1.ndim} and x2.ndim={t2.ndim}.")
    return _products.outer(t1, t2)


def tensordot(x1, x2, /, *, axes=2):
    """Tensor dot product over the given axes.

    torchnp implementation of :func:`numpy.linalg.tensordot`.
    """
    t1, t2 = tensors(x1, x2)
    return _products.tensordot(t1, t2, axes=axes)


def matmul(x1, x2, /):
    """Matrix product of two arrays.

    torchnp implementation of :func:`numpy.linalg.matmul`.
    """
    return _u.matmul(x1, x2)


def vecdot(x1, x2, /, *, axis=-1):
    """Vector dot product (the first vector conjugated) along ``axis``.

    torchnp implementation of :func:`numpy.linalg.vecdot`.
    """
    return _u.vecdot(x1, x2, axis=axis)


def matrix_transpose(x, /):
    """Transpose the last two axes; a view.

    torchnp implementation of :func:`numpy.linalg.matrix_transpose`.
    """
    ndim = _manipulation.ndim(x)
    if ndim < 2:        # NumPy's message (the top-level function's says it otherwise)
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {ndim}")
    return _manipulation.matrix_transpose(x)


def trace(x, /, *, offset=0, dtype=None):
    """Sums along the diagonals of the matrices in the last two axes.

    torchnp implementation of :func:`numpy.linalg.trace`.
    """
    return _products.trace(x, offset, axis1=-2, axis2=-1, dtype=dtype)


def diagonal(x, /, *, offset=0):
    """Diagonals of the matrices in the last two axes; a view.

    torchnp implementation of :func:`numpy.linalg.diagonal`.
    """
    return _indexing.diagonal(x, offset, axis1=-2, axis2=-1)
