"""numpy.linalg's solvers, inverses, determinants, decompositions, least squares, and products of
many matrices. Each follows NumPy's ``numpy/linalg/_linalg.py``: the same checks in the same
order, the same result dtypes and tuples, LinAlgError where NumPy's LAPACK call fails."""
import operator
import warnings

import torch

from torchnp import _creation
from torchnp import _manipulation
from torchnp import _math_ufuncs as _u
from torchnp import _products
from torchnp._core import convert
from torchnp._core.convert import NoValue
from torchnp._core.dtypes import finfo
from torchnp._products import gufunc_batch_error
from torchnp.exceptions import LinAlgError
from torchnp.linalg._common import (
    EIG_NOT_CONVERGED, NOT_POSITIVE_DEFINITE, SINGULAR, SVD_NOT_CONVERGED, EigResult, EighResult,
    QRResult, SlogdetResult, SVDResult, as_dtype, assert_2d, assert_stacked_2d,
    assert_stacked_square, hermitian_part, lapack, per_matrix, result_dtype, same_device,
    tensors,
)

_wrap = convert.wrap


def _square(a):
    """``a`` as a tensor of (stacked) square matrices, in the dtype LAPACK computes it in."""
    t = convert.as_tensor(a)
    assert_stacked_square(t)
    return as_dtype(t, result_dtype(t))


# ----- linear equations, inverses, determinants ---------------------------------------------------

_SOLVE_SIGNATURES = {"solve": "(m,m),(m,n)->(m,n)", "solve1": "(m,m),(m)->(m)"}


def _check_rhs(name, ta, tb, core):
    """The core dimensions of ``solve``'s right-hand side, with NumPy's gufunc messages."""
    signature = _SOLVE_SIGNATURES[name]
    if tb.ndim < core:
        raise ValueError(f"{name}: Input operand 1 does not have enough dimensions (has "
                         f"{tb.ndim}, gufunc core with signature {signature} requires {core})")
    m, k = ta.shape[-1], tb.shape[-core]
    if k != m:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {signature} (size {k} is different from {m})")


def solve(a, b):
    """Solve a linear matrix equation, or system of linear scalar equations.

    torchnp implementation of :func:`numpy.linalg.solve`.
    """
    ta, tb = tensors(a, b)
    assert_stacked_square(ta)
    dt = result_dtype(ta, tb)
    ta, tb = as_dtype(ta, dt), as_dtype(tb, dt)
    if tb.ndim == 1:                # NumPy 2: only a 1-D ``b`` is a vector (torch agrees)
        _check_rhs("solve1", ta, tb, 1)
        return _wrap(lapack(SINGULAR, torch.linalg.solve, ta, tb))
    _check_rhs("solve", ta, tb, 2)
    try:
        batch = convert.broadcast_shapes([tuple(ta.shape[:-2]), tuple(tb.shape[:-2])])
    except ValueError:
        raise gufunc_batch_error(ta, tb, 2, 2, tuple(tb.shape[-2:])) from None
    # the batch made explicit, so torch never reads a matrix ``b`` as a stack of vectors
    tb = tb.expand(batch + tuple(tb.shape[-2:]))
    return _wrap(lapack(SINGULAR, torch.linalg.solve, ta, tb))


def inv(a):
    """Compute the inverse of a matrix.

    torchnp implementation of :func:`numpy.linalg.inv`.
    """
    return _wrap(lapack(SINGULAR, torch.linalg.inv, _square(a)))


def det(a):
    """Compute the determinant of an array.

    torchnp implementation of :func:`numpy.linalg.det`.
    """
    return _wrap(torch.linalg.det(_square(a)))


def slogdet(a):
    """Compute the sign and (natural) logarithm of the determinant of an array.

    torchnp implementation of :func:`numpy.linalg.slogdet`.
    """
    sign, logabsdet = torch.linalg.slogdet(_square(a))
    return SlogdetResult(_wrap(sign), _wrap(logabsdet))


def matrix_power(a, n):
    """Raise a square matrix to the (integer) power ``n``.

    torchnp implementation of :func:`numpy.linalg.matrix_power`.
    """
    a = _creation.asanyarray(a)
    assert_stacked_square(a._t)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if n == 0:
        t = a._t
        eye = torch.eye(t.shape[-1], dtype=torch.bool, device=t.device).to(t.dtype)
        return _wrap(eye.expand(t.shape).clone())
    if n < 0:
        a = inv(a)
        n = -n
    mm = _u.matmul
    if n == 1:
        return a
    if n == 2:
        return mm(a, a)
    if n == 3:
        return mm(mm(a, a), a)
    # NumPy's binary decomposition: powers of two of ``a``, multiplied in where n has a bit set
    z = result = None
    while n > 0:
        z = a if z is None else mm(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else mm(result, z)
    return result


def tensorsolve(a, b, axes=None):
    """Solve the tensor equation ``a x = b`` for x.

    torchnp implementation of :func:`numpy.linalg.tensorsolve`.
    """
    a, b = (_creation.asarray(x) for x in same_device(a, b))
    an = a.ndim
    if axes is not None:
        allaxes = list(range(an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        a = a.transpose(allaxes)
    oldshape = a.shape[-(an - b.ndim):]
    prod = 1
    for k in oldshape:
        prod *= k
    if a.size != prod ** 2:
        raise LinAlgError("Input arrays must satisfy the requirement             "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    return solve(a.reshape(prod, prod), b.ravel()).reshape(oldshape)


def tensorinv(a, ind=2):
    """Compute the 'inverse' of an N-dimensional array.

    torchnp implementation of :func:`numpy.linalg.tensorinv`.
    """
    a = _creation.asarray(a)
    oldshape = a.shape
    if not ind > 0:
        raise ValueError("Invalid ind argument.")
    prod = 1
    for k in oldshape[ind:]:
        prod *= k
    return inv(a.reshape(prod, -1)).reshape(*(oldshape[ind:] + oldshape[:ind]))


def cholesky(a, /, *, upper=False):
    """Cholesky decomposition: the lower (or upper) triangular factor.

    torchnp implementation of :func:`numpy.linalg.cholesky`.
    """
    t = _square(a)
    if t.requires_grad:
        t = hermitian_part(t, lower=not upper)
    return _wrap(lapack(NOT_POSITIVE_DEFINITE, torch.linalg.cholesky, t, upper=bool(upper)))


# ----- eigenvalues --------------------------------------------------------------------------------

def _finite_square(a):
    t = convert.as_tensor(a)
    assert_stacked_square(t)
    if not bool(torch.isfinite(t).all()):       # host-sync: NumPy's LinAlgError for inf / nan
        raise LinAlgError("Array must not contain infs or NaNs")
    return as_dtype(t, result_dtype(t))


def _all_real(w):
    # host-sync: the eigenvalues of a real matrix are real (a real result) or not (complex)
    return bool((w.imag == 0).all())


def eigvals(a):
    """Compute the eigenvalues of a general matrix.

    torchnp implementation of :func:`numpy.linalg.eigvals`.
    """
    t = _finite_square(a)
    w = lapack(EIG_NOT_CONVERGED, torch.linalg.eigvals, t)
    return _wrap(w.real if not t.is_complex() and _all_real(w) else w)


def eig(a):
    """Compute the eigenvalues and right eigenvectors of a square array.

    torchnp implementation of :func:`numpy.linalg.eig`.
    """
    t = _finite_square(a)
    w, v = lapack(EIG_NOT_CONVERGED, torch.linalg.eig, t)
    if not t.is_complex() and _all_real(w):
        w, v = w.real, v.real
    return EigResult(_wrap(w), _wrap(v))


def _uplo(UPLO):
    UPLO = UPLO.upper()
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return UPLO


def _hermitian(a, UPLO):
    t = _square(a)
    return hermitian_part(t, UPLO == "L") if t.requires_grad else t


def eigvalsh(a, UPLO="L"):
    """Compute the eigenvalues of a complex Hermitian or real symmetric matrix.

    torchnp implementation of :func:`numpy.linalg.eigvalsh`.
    """
    UPLO = _uplo(UPLO)
    return _wrap(lapack(EIG_NOT_CONVERGED, torch.linalg.eigvalsh, _hermitian(a, UPLO), UPLO=UPLO))


def eigh(a, UPLO="L"):
    """Eigenvalues and eigenvectors of a complex Hermitian or real symmetric matrix.

    torchnp implementation of :func:`numpy.linalg.eigh`.
    """
    UPLO = _uplo(UPLO)
    w, v = lapack(EIG_NOT_CONVERGED, torch.linalg.eigh, _hermitian(a, UPLO), UPLO=UPLO)
    return EighResult(_wrap(w), _wrap(v))


# ----- singular values ----------------------------------------------------------------------------

def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """Singular Value Decomposition.

    torchnp implementation of :func:`numpy.linalg.svd`.
    """
    if hermitian:
        return _svd_hermitian(a, compute_uv)
    t = convert.as_tensor(a)
    assert_stacked_2d(t)
    t = as_dtype(t, result_dtype(t))
    if not compute_uv:
        return _wrap(lapack(SVD_NOT_CONVERGED, torch.linalg.svdvals, t))
    u, s, vh = lapack(SVD_NOT_CONVERGED, torch.linalg.svd, t, full_matrices=bool(full_matrices))
    return SVDResult(_wrap(u), _wrap(s), _wrap(vh))


def _svd_hermitian(a, compute_uv):
    """NumPy's SVD of a Hermitian matrix, from its eigendecomposition: singular values are the
    eigenvalues' magnitudes in descending order, their signs moved into ``Vh``."""
    if not compute_uv:
        s = eigvalsh(a)._t.abs()
        return _wrap(torch.sort(s, dim=-1, descending=True).values)
    s, u = (x._t for x in eigh(a))
    sgn = torch.copysign(torch.ones_like(s), s)
    s = s.abs()
    # NumPy: argsort(s)[..., ::-1] (ties in reverse order of position)
    order = torch.argsort(s, dim=-1, stable=True).flip(-1)
    sgn = sgn.gather(-1, order)
    s = s.gather(-1, order)
    u = u.gather(-1, order[..., None, :].expand(u.shape))
    vh = (u * sgn[..., None, :]).mH.resolve_conj()
    return SVDResult(_wrap(u), _wrap(s), _wrap(vh))


def svdvals(x, /):
    """The singular values of a matrix (or a stack of matrices).

    torchnp implementation of :func:`numpy.linalg.svdvals`.
    """
    return svd(x, compute_uv=False, hermitian=False)


def pinv(a, rcond=None, hermitian=False, *, rtol=NoValue):
    """Compute the (Moore-Penrose) pseudo-inverse of a matrix.

    torchnp implementation of :func:`numpy.linalg.pinv`.
    """
    t = convert.as_tensor(a)
    if rcond is None:
        if rtol is NoValue:
            rcond = 1e-15
        elif rtol is None:
            rcond = max(t.shape[-2:]) * finfo(t.dtype).eps
        else:
            rcond = rtol
    elif rtol is not NoValue:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    rc = per_matrix(rcond, t)
    if t.numel() == 0 and 0 in t.shape[-2:]:
        m, n = t.shape[-2:]
        return _wrap(t.new_zeros(t.shape[:-2] + (n, m)))
    u, s, vh = (x._t for x in svd(t.conj(), full_matrices=False, hermitian=hermitian))
    cutoff = rc * s.amax(-1, keepdim=True)
    large = s > cutoff
    s_inv = torch.where(large, 1 / torch.where(large, s, 1), 0)   # no 1/0 even in backward
    return _wrap(vh.mT @ (s_inv[..., None] * u.mT))


# ----- QR -----------------------------------------------------------------------------------------

def _qr_mode(mode):
    if mode in ("reduced", "complete", "r", "raw"):
        return mode
    if mode in ("f", "full"):
        warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\nFor backward "
                      "compatibility let mode default.", DeprecationWarning, stacklevel=3)
        return "reduced"
    if mode in ("e", "economic"):
        warnings.warn("The 'economic' option is deprecated.", DeprecationWarning, stacklevel=3)
        return "economic"
    raise ValueError(f"Unrecognized mode '{mode}'")


def qr(a, mode="reduced"):
    """Compute the qr factorization of a matrix.

    torchnp implementation of :func:`numpy.linalg.qr`.
    """
    mode = _qr_mode(mode)
    t = convert.as_tensor(a)
    assert_stacked_2d(t)
    t = as_dtype(t, result_dtype(t))
    if mode == "raw":       # LAPACK's geqrf output, which NumPy returns transposed
        h, tau = torch.geqrf(t)
        return _wrap(h.mT), _wrap(tau)
    if mode == "economic":
        return _wrap(torch.geqrf(t)[0])
    if mode == "r":
        return _wrap(torch.linalg.qr(t, mode="r").R)
    q, r = torch.linalg.qr(t, mode=mode)
    return QRResult(_wrap(q), _wrap(r))


# ----- least squares ------------------------------------------------------------------------------

LSTSQ_NOT_CONVERGED = "SVD did not converge in Linear Least Squares"


def lstsq(a, b, rcond=None):
    """Return the least-squares solution to a linear matrix equation.

    torchnp implementation of :func:`numpy.linalg.lstsq`, computed from the SVD as LAPACK's gelsd
    (NumPy's routine) does: singular values at most ``rcond`` times the largest count as zero.
    """
    ta, tb = tensors(a, b)
    vector = tb.ndim == 1
    if vector:
        tb = tb[:, None]
    assert_2d(ta, tb)
    m, n = ta.shape
    if tb.shape[0] != m:
        raise LinAlgError("Incompatible dimensions")
    dt = result_dtype(ta, tb)
    if rcond is None:
        rcond = torch.finfo(dt).eps * max(n, m)
    elif type(rcond) is not float and type(rcond) is not int:
        rcond = _rcond_value(rcond)
    if rcond < 0:           # gelsd: machine precision
        rcond = torch.finfo(dt).eps
    ta, tb = as_dtype(ta, dt), as_dtype(tb, dt)
    u, s, vh = lapack(LSTSQ_NOT_CONVERGED, torch.linalg.svd, ta, full_matrices=False)
    large = s > rcond * s[:1]
    s_inv = torch.where(large, 1 / torch.where(large, s, 1), 0)
    x = vh.mH @ (s_inv[:, None] * (u.mH @ tb))
    rank = large.sum().to(torch.int32)
    # host-sync: NumPy raises where the SVD fails (inf or nan input gives NaN singular values),
    # and returns residuals only for a full-rank system with more equations than unknowns
    failed, full_rank = torch.stack([s.isnan().any(), rank == n]).tolist()
    if failed:
        raise LinAlgError(LSTSQ_NOT_CONVERGED)
    if m > n and full_rank:
        r = tb - ta @ x
        resids = (r * r.conj()).real.sum(0)
    else:
        resids = s.new_zeros((0,))
    return _wrap(x[:, 0] if vector else x), _wrap(resids), _wrap(rank), _wrap(s)


def _rcond_value(rcond):
    """An array or NumPy scalar ``rcond`` as a Python float, with NumPy's errors."""
    t = convert.as_tensor(rcond)
    if t.dtype.is_complex:
        raise TypeError("float() argument must be a string or a real number, not 'complex'")
    if t.numel() != 1:
        raise ValueError("The truth value of an array with more than one element is ambiguous. "
                         "Use a.any() or a.all()")
    return t.item()     # host-sync: a Python value, as NumPy's


# ----- products of many matrices ------------------------------------------------------------------

def multi_dot(arrays, *, out=None):
    """Dot product of two or more arrays in a single call, in the cheapest order.

    torchnp implementation of :func:`numpy.linalg.multi_dot`.
    """
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    arrays = same_device(*arrays)
    if n == 2:
        return _products.dot(arrays[0], arrays[1], out=out)
    arrays = [_creation.asanyarray(a) for a in arrays]
    ndim_first, ndim_last = arrays[0].ndim, arrays[-1].ndim
    if ndim_first == 1:
        arrays[0] = _manipulation.atleast_2d(arrays[0])
    if ndim_last == 1:
        arrays[-1] = _manipulation.atleast_2d(arrays[-1]).T
    assert_2d(*(a._t for a in arrays))
    if n == 3:
        result = _multi_dot_three(*arrays, out=out)
    else:
        result = _multi_dot(arrays, _chain_order(arrays), 0, n - 1, out=out)
    if ndim_first == 1 and ndim_last == 1:
        return result[0, 0]
    if ndim_first == 1 or ndim_last == 1:
        return result.ravel()
    return result


def _multi_dot_three(a, b, c, out=None):
    a0, a1b0 = a.shape
    b1c0, c1 = c.shape
    cost1 = a0 * b1c0 * (a1b0 + c1)         # (ab)c
    cost2 = a1b0 * c1 * (a0 + b1c0)         # a(bc)
    if cost1 < cost2:
        return _products.dot(_products.dot(a, b), c, out=out)
    return _products.dot(a, _products.dot(b, c), out=out)


def _chain_order(arrays):
    """The matrix-chain order (Cormen's dynamic programme, as NumPy's): ``split[i][j]`` is where
    the product of arrays i..j splits."""
    n = len(arrays)
    p = [a.shape[0] for a in arrays] + [arrays[-1].shape[1]]
    cost = [[0.0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = float("inf")
            for k in range(i, j):
                q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < cost[i][j]:
                    cost[i][j] = q
                    split[i][j] = k
    return split


def _multi_dot(arrays, split, i, j, out=None):
    if i == j:
        return arrays[i]
    k = split[i][j]
    return _products.dot(_multi_dot(arrays, split, i, k), _multi_dot(arrays, split, k + 1, j),
                         out=out)
