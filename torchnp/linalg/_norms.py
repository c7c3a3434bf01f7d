"""numpy.linalg's norms, condition number and rank, following NumPy's ``_linalg.py`` case by
case (which orders take which reductions, and which of those raise on empty input)."""
import math

import torch

from torchnp import _math_ufuncs as _u
from torchnp._core import convert
from torchnp._core.convert import normalize_axis_index, normalize_axis_tuple
from torchnp._core.dtypes import finfo
from torchnp.exceptions import LinAlgError
from torchnp.linalg._common import (
    as_dtype, assert_stacked_square, per_matrix, result_dtype,
)
from torchnp.linalg._linalg import svd

_wrap = convert.wrap
_INF = float("inf")


# ----- the reductions, with NumPy's empty-input rules ---------------------------------------------

def _max0(t, dim, keepdims=False):
    """NumPy's ``max(..., initial=0)`` of non-negative values: 0 over an empty axis."""
    if t.shape[dim] == 0:
        shape = list(t.shape)
        if keepdims:
            shape[dim] = 1
        else:
            del shape[dim]
        return t.new_zeros(shape)
    return t.amax(dim, keepdims)


def _min(t, dim, keepdims=False):
    """NumPy's ``min``: ValueError over an empty axis."""
    if t.shape[dim] == 0:
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    return t.amin(dim, keepdims)


# ----- norm ---------------------------------------------------------------------------------------

def _vector_norm(t, ord, axis, keepdims):
    dim = normalize_axis_index(axis, t.ndim)
    if ord == _INF:
        return _max0(t.abs(), dim, keepdims)
    if ord == -_INF:
        return _min(t.abs(), dim, keepdims)
    if ord == 0:
        return (t != 0).to(t.real.dtype).sum(dim, keepdims)
    if ord == 1:
        return t.abs().sum(dim, keepdims)
    if ord is None or ord == 2:
        return torch.linalg.vector_norm(t, 2, dim, keepdims)
    if isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    absx = convert.wrap_array(t.abs())
    _u.power(absx, ord, out=absx)       # NumPy's ``absx **= ord``, with its errors for odd ords
    return absx._t.sum(dim, keepdims).pow(1 / ord)


def _svd_values(t, row, col):
    return svd(t.movedim((row, col), (-2, -1)), compute_uv=False)._t


def _matrix_norm(t, ord, axis, keepdims):
    row = normalize_axis_index(axis[0], t.ndim)
    col = normalize_axis_index(axis[1], t.ndim)
    if row == col:
        raise ValueError("Duplicate axes given.")
    col_after_sum = col - 1 if col > row else col      # where col is once row is summed away
    row_after_sum = row - 1 if row > col else row
    if ord == 2:
        ret = _max0(_svd_values(t, row, col), -1)
    elif ord == -2:
        ret = _min(_svd_values(t, row, col), -1)
    elif ord == 1:
        ret = _max0(t.abs().sum(row), col_after_sum)
    elif ord == _INF:
        ret = _max0(t.abs().sum(col), row_after_sum)
    elif ord == -1:
        ret = _min(t.abs().sum(row), col_after_sum)
    elif ord == -_INF:
        ret = _min(t.abs().sum(col), row_after_sum)
    elif ord in [None, "fro", "f"]:
        ret = torch.linalg.vector_norm(t, 2, (row, col))
    elif ord == "nuc":
        ret = _svd_values(t, row, col).sum(-1)
    else:
        raise ValueError("Invalid norm order for matrices.")
    if keepdims:
        shape = list(t.shape)
        shape[axis[0]] = 1
        shape[axis[1]] = 1
        ret = ret.reshape(shape)
    return ret


def _norm(t, ord, axis, keepdims):
    """:func:`norm` on a tensor."""
    if not (t.dtype.is_floating_point or t.dtype.is_complex):
        t = t.to(torch.float64)
    if axis is None:
        nd = t.ndim
        if ord is None or (ord in ("f", "fro") and nd == 2) or (ord == 2 and nd == 1):
            ret = torch.linalg.vector_norm(t)
            return ret.reshape((1,) * nd) if keepdims else ret
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception as e:
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from e
        axis = (axis,)
    if len(axis) == 1:
        return _vector_norm(t, ord, axis[0], keepdims)
    if len(axis) == 2:
        return _matrix_norm(t, ord, axis, keepdims)
    raise ValueError("Improper number of dimensions to norm.")


def norm(x, ord=None, axis=None, keepdims=False):
    """Matrix or vector norm.

    torchnp implementation of :func:`numpy.linalg.norm`.
    """
    return _wrap(_norm(convert.as_tensor(x), ord, axis, keepdims))


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """The matrix norm of a matrix (or a stack of matrices) ``x``.

    torchnp implementation of :func:`numpy.linalg.matrix_norm`.
    """
    return norm(x, axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """The vector norm of a vector (or a batch of vectors) ``x``.

    torchnp implementation of :func:`numpy.linalg.vector_norm`.
    """
    t = convert.as_tensor(x)
    shape = list(t.shape)
    if axis is None:
        t = t.reshape(-1)
        dim = 0
    elif isinstance(axis, tuple):           # any number of axes, moved to the front and merged
        normalized = normalize_axis_tuple(axis, t.ndim)
        rest = tuple(i for i in range(t.ndim) if i not in normalized)
        t = t.permute(axis + rest).reshape((math.prod(shape[i] for i in axis),
                                            *[shape[i] for i in rest]))
        dim = 0
    else:
        dim = axis
    res = _norm(t, ord, dim, False)
    if keepdims:
        for i in normalize_axis_tuple(tuple(range(len(shape))) if axis is None else axis,
                                      len(shape)):
            shape[i] = 1
        res = res.reshape(shape)
    return _wrap(res)


# ----- condition number, rank ---------------------------------------------------------------------

def cond(x, p=None):
    """Compute the condition number of a matrix.

    torchnp implementation of :func:`numpy.linalg.cond`.
    """
    t = convert.as_tensor(x)
    if t.numel() == 0 and math.prod(t.shape[-2:]) == 0:
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or p in {2, -2}:
        s = svd(t, compute_uv=False)._t
        r = s[..., -1] / s[..., 0] if p == -2 else s[..., 0] / s[..., -1]
    else:
        assert_stacked_square(t)
        dt = result_dtype(t)
        tc = as_dtype(t, dt)
        # NumPy inverts ignoring errors: a singular matrix's inverse is all NaN
        inverse, info = torch.linalg.inv_ex(tc)
        inverse = torch.where((info > 0)[..., None, None], torch.nan, inverse)
        r = _matrix_norm(tc, p, (-2, -1), False) * _matrix_norm(inverse, p, (-2, -1), False)
        r = as_dtype(r, dt.to_real())
    # NaN (a singular matrix) means infinitely ill-conditioned, unless the input had NaNs
    nan_input = torch.isnan(t).any(-1).any(-1) if t.ndim >= 2 else torch.isnan(t).any()
    return _wrap(torch.where(torch.isnan(r) & ~nan_input, _INF, r))


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    """Return matrix rank of array using the SVD method.

    torchnp implementation of :func:`numpy.linalg.matrix_rank`.
    """
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    t = convert.as_tensor(A)
    if t.ndim < 2:
        return int(not bool((t == 0).all()))     # host-sync: NumPy returns a Python int here
    s = svd(t, compute_uv=False, hermitian=hermitian)._t
    if tol is None:
        if rtol is None:
            rtol = max(t.shape[-2:]) * finfo(s.dtype).eps
        tol = _max0(s, -1, keepdims=True) * per_matrix(rtol, t)
    else:
        tol = per_matrix(tol, t)
    return _wrap((s > tol).sum(-1))

