"""What every function of ``torchnp.linalg`` shares: the exception, the result tuples, NumPy's
checks of shapes and dtypes, operands on one device, and torch's LAPACK errors in NumPy's words.

Precision: float32 and complex64 inputs compute in their own precision, as torch (and CuPy, JAX)
do; NumPy computes them in double and rounds the results (docs/differences.md, linalg).
"""
from typing import Any, NamedTuple

import torch

from torchnp._core import convert
from torchnp._core import promotion
from torchnp._core.ndarray import ndarray
from torchnp.exceptions import LinAlgError


# ----- NumPy's result tuples (numpy.linalg._linalg): the same names and fields --------------------

class EigResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class EighResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class QRResult(NamedTuple):
    Q: Any
    R: Any


class SlogdetResult(NamedTuple):
    sign: Any
    logabsdet: Any


class SVDResult(NamedTuple):
    U: Any
    S: Any
    Vh: Any


# ----- operands -----------------------------------------------------------------------------------

def _is_array(a):
    return isinstance(a, (ndarray, torch.Tensor))


tensors = convert.operands      # array-likes as tensors on one device: the rule is convert's


def per_matrix(value, t):
    """NumPy's ``asarray(value)[..., newaxis]`` for a cutoff (one per matrix of stack ``t``),
    on ``t``'s device; a Python number stays one (no tensor to make under torch.compile)."""
    if type(value) is float or type(value) is int:
        return value
    return tensors(t, value)[1][..., None]


def same_device(*arrays):
    """The arrays themselves, after :func:`tensors`' device check (for functions that take
    array-likes and keep NumPy's memory sharing)."""
    ts = tensors(*arrays)
    return [a if _is_array(a) else t for a, t in zip(arrays, ts)]


# ----- NumPy's checks of shapes and dtypes --------------------------------------------------------

def _too_few_dims(t, what="at least two-dimensional"):
    return LinAlgError(f"{t.ndim}-dimensional array given. Array must be {what}")


def assert_2d(*ts):
    """NumPy's ``_assert_2d``: exactly two dimensions."""
    for t in ts:
        if t.ndim != 2:
            raise _too_few_dims(t, "two-dimensional")


def assert_stacked_2d(*ts):
    """NumPy's ``_assert_stacked_2d``: at least two dimensions."""
    for t in ts:
        if t.ndim < 2:
            raise _too_few_dims(t)


def assert_stacked_square(*ts):
    """NumPy's ``_assert_stacked_square``: (stacks of) square matrices."""
    for t in ts:
        if t.ndim < 2:
            raise _too_few_dims(t)
        if t.shape[-1] != t.shape[-2]:
            raise LinAlgError("Last 2 dimensions of the array must be square")


result_dtype = promotion.lapack_dtype     # NumPy's _commonType: dtype rules live in promotion


def as_dtype(t, dt):
    return t if t.dtype is dt else t.to(dt)


# ----- torch's LAPACK errors in NumPy's words -----------------------------------------------------

SINGULAR = "Singular matrix"
NOT_POSITIVE_DEFINITE = "Matrix is not positive definite"
EIG_NOT_CONVERGED = "Eigenvalues did not converge"
SVD_NOT_CONVERGED = "SVD did not converge"


def lapack(message, fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, a torch.linalg routine that raises where LAPACK reports failure
    (its ``info``: the same test NumPy makes), with NumPy's LinAlgError and ``message``.

    torch reads ``info`` back to raise (a host sync, as NumPy's check is); calling the checked
    routine rather than its ``_ex`` variant keeps the call traceable by torch.compile, under
    which torch's own LinAlgError reaches the caller (docs/differences.md, linalg)."""
    try:
        return fn(*args, **kwargs)
    except torch.linalg.LinAlgError:
        raise LinAlgError(message) from None


def hermitian_part(t, lower):
    """The Hermitian matrix LAPACK reads from one triangle of ``t`` (the diagonal's real part).

    Only for inputs that require grad: torch's backward of eigh and cholesky assumes a Hermitian
    input and sends gradient to both triangles, though NumPy's functions read only one."""
    tri = torch.tril(t, -1) if lower else torch.triu(t, 1)
    diag = torch.diagonal(t, 0, -2, -1)
    if t.is_complex():
        diag = diag.real.to(t.dtype)
    return tri + tri.mH + torch.diag_embed(diag)
