"""Database: numpy.linalg (torchnp.linalg).

Samples are built per dtype so that every dtype gets matrices it can hold and that are far from
singular (diagonally dominant, or Hermitian / positive definite where the function asks for it):
results then agree with NumPy's to the working precision, though torchnp computes float32 and
complex64 in single precision and NumPy in double (docs/differences.md, linalg). Singular and
non-positive-definite matrices, 1-D and non-square input and float16 are samples too: NumPy
raises on them, and torchnp must raise the same class with the same message.

Decompositions are compared up to the freedom they leave: eigenvectors and singular vectors up to
a phase (a sign for reals) per vector, the extra columns of a complete Q or full U by the
subspace they span, and products (U S Vh, Q R) directly.
"""
import numpy as np

import torchnp
from opinfo.checks import host
from opinfo.core import ALL, NUMERIC, ErrorInput, OpInfo, SampleInput, XFail

LinAlgError = np.linalg.LinAlgError

# every kind: bools and integers compute in float64, float16 raises NumPy's TypeError
LINALG = tuple(np.dtype(c) for c in ("bool", "int8", "uint8", "int32", "int64", "uint64",
                                     "float16", "float32", "float64", "complex64", "complex128"))
_SINGLE = (1e-5, 1e-5)
_DOUBLE = (1e-10, 1e-10)
TOL = {"float16": (1e-3, 1e-3), "float32": _SINGLE, "complex64": _SINGLE,
       **{d.name: _DOUBLE for d in LINALG if d.name not in ("float16", "float32", "complex64")}}


# ----- matrices every dtype can hold --------------------------------------------------------------

def _eye(shape, dt):
    return np.broadcast_to(np.eye(shape[-2], shape[-1], dtype=dt), shape).copy()


def full_rank(make, shape, dt):
    """Diagonally dominant (square: invertible and well conditioned; else of full rank): small
    random entries plus 8 on the diagonal; for bools, a unit upper triangle."""
    if dt.kind == "b":
        return np.triu(make(shape, dt)) | _eye(shape, dt)
    return (make(shape, dt, low=-2, high=2) + 8 * _eye(shape, dt)).astype(dt)


def general(make, shape, dt):
    """Random matrices; for bools, whose random matrices repeat eigen- and singular values, a
    fixed pattern whose values are distinct: an upper triangle of ones and one more."""
    if dt.kind != "b":
        return make(shape, dt)
    x = np.triu(np.ones(shape, bool))
    x[..., -1, 0] = True
    return x


def hermitian(make, shape, dt):
    """Random Hermitian (symmetric) matrices; for bools, a fixed tridiagonal one whose
    eigenvalues are distinct."""
    if dt.kind == "b":
        i = np.arange(shape[-1] - 1)
        x = np.diag(np.arange(shape[-1]) % 3 != 0)
        x[i, i + 1] = x[i + 1, i] = True
        return np.broadcast_to(x, shape).copy()
    x = make(shape, dt, low=-3, high=3)
    return (x + np.conj(x.swapaxes(-1, -2))).astype(dt)


def positive_definite(make, shape, dt):
    """x x^H + n I: Hermitian positive definite."""
    if dt.kind == "b":
        return _eye(shape, dt)
    x = make(shape, dt, low=-1, high=1)
    return (x @ np.conj(x.swapaxes(-1, -2)) + shape[-1] * _eye(shape, dt)).astype(dt)


def rank_deficient(dt):
    """Rank 2 of 3, with exact singular values in every dtype (a permuted diagonal)."""
    return np.array([[0, 3, 0], [0, 0, 0], [2, 0, 0]]).astype(dt)


def singular(shape, dt):
    return np.ones(shape, dt)


def _nonfinite(dt):
    """A matrix with a NaN, for inexact dtypes (other dtypes hold none)."""
    return [SampleInput(np.array([[1.0, np.nan], [0.0, 1.0]], dt))] if dt.kind in "fc" else []


SQUARE_ERRORS = [
    ErrorInput(SampleInput(np.ones(3)), LinAlgError, exact_message=True),
    ErrorInput(SampleInput(np.array(2.0)), LinAlgError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3))), LinAlgError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3, 4))), LinAlgError, exact_message=True),
    ErrorInput(SampleInput(np.eye(2, dtype=np.float16)), TypeError, exact_message=True),
]
STACKED_2D_ERRORS = [
    ErrorInput(SampleInput(np.ones(3)), LinAlgError, exact_message=True),
    ErrorInput(SampleInput(np.eye(2, dtype=np.float16)), TypeError, exact_message=True),
]


# ----- comparing decompositions -------------------------------------------------------------------

def _assert_same_tuple_types(actual, expected):
    if isinstance(expected, tuple):
        assert type(actual).__name__ == type(expected).__name__, \
            f"result type {type(actual).__name__}, NumPy's {type(expected).__name__}"
        assert getattr(actual, "_fields", None) == getattr(expected, "_fields", None)


def _allclose(got, expected, rtol, atol, what):
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, err_msg=what)


def close_up_to_phase(got, expected, axis, rtol, atol, what="vectors"):
    """The vectors along ``axis`` of ``got`` equal ``expected``'s, each up to a unit factor."""
    inner = np.sum(np.conj(got) * expected, axis=axis, keepdims=True)
    mag = np.abs(inner)
    phase = np.where(mag > 0, inner / np.where(mag > 0, mag, 1), 1)
    _allclose(got * phase, expected, rtol, atol, what)


def _projector(x):
    """The orthogonal projector onto the span of ``x``'s (independent) columns."""
    q = np.linalg.qr(x)[0]
    return q @ np.conj(q.swapaxes(-1, -2))


def _orthonormal(x, rtol, atol, what):
    """``x``'s columns are orthonormal."""
    gram = np.conj(x.swapaxes(-1, -2)) @ x
    _allclose(gram, np.broadcast_to(np.eye(x.shape[-1]), gram.shape), rtol, atol, what)


def _runs_of_equal(values, rtol, atol):
    """Slices of consecutive ``values`` equal within (a multiple of) the tolerance."""
    scale = 100 * (atol + rtol * np.max(np.abs(values), initial=0))
    runs, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or abs(values[i] - values[i - 1]) > scale:
            runs.append(slice(start, i))
            start = i
    return runs


def close_vectors(values, got, expected, rtol, atol, what, skip_zero=False):
    """The columns of ``got`` equal ``expected``'s up to a phase each, where ``values`` (the
    eigen- or singular values, in matching order) are distinct; the columns of a repeated value
    are unique only as a subspace, which must be the same. ``skip_zero``: vectors of a zero value
    are left out (singular vectors of a zero singular value are any orthonormal completion)."""
    for idx in np.ndindex(values.shape[:-1]):
        vals = values[idx]
        for cols in _runs_of_equal(vals, rtol, atol):
            if skip_zero and abs(vals[cols.start]) <= 100 * (atol + rtol * np.abs(vals).max()):
                continue
            g, e = got[idx][:, cols], expected[idx][:, cols]
            if cols.stop - cols.start == 1:
                close_up_to_phase(g, e, -2, rtol, atol, what)
            else:
                _allclose(_projector(g), _projector(e), rtol, atol, f"{what} of a repeated value")


def _sorted_eigenvalues(w):
    order = np.lexsort((np.round(w.imag, 4), np.round(w.real, 4)), axis=-1)
    return order, np.take_along_axis(w, order, -1)


def compare_eigvals(got, expected, rtol, atol):
    """Eigenvalues of eig, in an order both sort to."""
    _allclose(_sorted_eigenvalues(got)[1], _sorted_eigenvalues(expected)[1], rtol, atol,
              "eigenvalues")


def compare_eig(got, expected, rtol, atol):
    """(eigenvalues, eigenvectors) of eig: the same eigenvalues, and eigenvectors as
    :func:`close_vectors` says."""
    (w, v), (we, ve) = got, expected
    order, w = _sorted_eigenvalues(w)
    order_e, we = _sorted_eigenvalues(we)
    _allclose(w, we, rtol, atol, "eigenvalues")
    close_vectors(we, np.take_along_axis(v, order[..., None, :], -1),
                  np.take_along_axis(ve, order_e[..., None, :], -1), rtol, atol, "eigenvectors")


def compare_eigh(got, expected, rtol, atol):
    _allclose(got[0], expected[0], rtol, atol, "eigenvalues")
    close_vectors(expected[0], got[1], expected[1], rtol, atol, "eigenvectors")


def compare_svd(got, expected, rtol, atol):
    """U, S, Vh: the singular values, the singular vectors of the nonzero ones as
    :func:`close_vectors` says, unitary U and Vh, and the product U S Vh."""
    if not isinstance(expected, tuple):
        _allclose(got, expected, rtol, atol, "singular values")
        return
    (u, s, vh), (ue, se, vhe) = got, expected
    k = s.shape[-1]
    _allclose(s, se, rtol, atol, "singular values")
    v, ve = np.conj(vh.swapaxes(-1, -2)), np.conj(vhe.swapaxes(-1, -2))
    close_vectors(se, u[..., :k], ue[..., :k], rtol, atol, "U", skip_zero=True)
    close_vectors(se, v[..., :k], ve[..., :k], rtol, atol, "Vh", skip_zero=True)
    _orthonormal(u, rtol, atol, "U")
    _orthonormal(v, rtol, atol, "Vh")
    _allclose((u[..., :k] * s[..., None, :]) @ vh[..., :k, :],
              (ue[..., :k] * se[..., None, :]) @ vhe[..., :k, :], rtol, atol, "U S Vh")


def compare_qr(got, expected, rtol, atol):
    """QRResult: Q R itself, Q unitary, and Q's columns and R's rows up to a phase each where R's
    diagonal is not zero (elsewhere rounding decides them). Mode 'r': R's rows up to a phase;
    mode 'raw': LAPACK's Householder output, which is unique."""
    if type(expected).__name__ != "QRResult":
        if isinstance(expected, tuple):
            for g, e in zip(got, expected):
                _allclose(g, e, rtol, atol, "raw")
        else:
            close_up_to_phase(got, expected, -1, rtol, atol, "R")
        return
    (q, r), (qe, re) = got, expected
    _allclose(q @ r, qe @ re, rtol, atol, "Q R")
    _orthonormal(q, rtol, atol, "Q")
    k = min(q.shape[-2], r.shape[-1])
    diag = np.abs(np.diagonal(re, axis1=-2, axis2=-1))[..., :k]
    fixed = np.zeros(q.shape[:-2] + q.shape[-1:], bool)
    fixed[..., :k] = diag > 100 * (atol + rtol * np.max(np.abs(re), initial=0))
    close_up_to_phase(q * fixed[..., None, :], qe * fixed[..., None, :], -2, rtol, atol, "Q")
    rows = fixed[..., :r.shape[-2], None]
    close_up_to_phase(r * rows, re * rows, -1, rtol, atol, "R")


class LinalgInfo(OpInfo):
    """A numpy.linalg entry: NumPy's result tuples (class name and fields) and dtypes, values
    compared by ``parts`` where a decomposition is unique only up to phases."""

    def __init__(self, name, *, parts=None, **kwargs):
        kwargs.setdefault("dtypes", LINALG)
        kwargs.setdefault("tol", TOL)
        super().__init__(name, **kwargs)
        self.parts = parts

    def compare(self, actual, expected, rtol, atol, sample=None, diffs=None):
        _assert_same_tuple_types(actual, expected)
        if self.parts is None:
            super().compare(actual, expected, rtol, atol, sample, diffs)
            return
        _assert_same_structure(actual, expected)
        self.parts(_on_host(actual, host), _on_host(expected, np.asarray), rtol, atol)


def _on_host(result, convert):
    """A result as NumPy arrays; a named tuple keeps its type (the ``parts`` functions read it)."""
    if not isinstance(result, tuple):
        return convert(result)
    parts = [convert(r) for r in result]
    return result._make(parts) if hasattr(result, "_make") else tuple(parts)


def _assert_same_structure(actual, expected):
    """Kinds, dtypes and shapes of the results (values are the ``parts`` function's)."""
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected)
        for a, e in zip(actual, expected):
            _assert_same_structure(a, e)
        return
    assert isinstance(actual, torchnp.ndarray), f"expected an ndarray, got {type(actual)}"
    assert actual.dtype == expected.dtype, f"dtype {actual.dtype} != {expected.dtype}"
    assert actual.shape == expected.shape, f"shape {actual.shape} != {expected.shape}"


def _graph_break(why):
    return XFail(f"graph break under torch.compile(fullgraph=True): {why}", variants=("compile",))


_EIG_HOST_READ = _graph_break("NumPy's result dtype depends on the eigenvalues (real or complex), "
                              "and NaN input raises: both read values back to the host")


# ----- samples ------------------------------------------------------------------------------------

def s_solve(make, dt):
    a = full_rank(make, (3, 3), dt)
    yield SampleInput(a, make((3,), dt))
    yield SampleInput(a, make((3, 2), dt))
    yield SampleInput(full_rank(make, (2, 3, 3), dt), make((2, 3, 1), dt))
    yield SampleInput(full_rank(make, (2, 3, 3), dt), make((3,), dt))     # b: one vector
    yield SampleInput(a, make((2, 3, 2), dt))                             # a broadcast
    yield SampleInput(full_rank(make, (3, 3, 3), dt), make((3, 3), dt))   # b: a matrix (NumPy 2)
    yield SampleInput(a, np.arange(3))                                    # promotion with int64
    yield SampleInput(np.zeros((0, 0), dt), np.zeros((0,), dt))
    yield SampleInput(singular((3, 3), dt), make((3,), dt))               # LinAlgError
    yield SampleInput(a, make((4,), dt))                                  # ValueError: sizes
    yield SampleInput(full_rank(make, (2, 3, 3), dt), make((4, 3, 1), dt))  # ValueError: batch


def s_inv(make, dt):
    yield SampleInput(full_rank(make, (3, 3), dt))
    yield SampleInput(full_rank(make, (2, 4, 4), dt))
    yield SampleInput(full_rank(make, (1, 1), dt))
    yield SampleInput(np.zeros((0, 0), dt))
    yield SampleInput(np.zeros((2, 0, 0), dt))
    yield SampleInput(singular((3, 3), dt))
    yield SampleInput(np.stack([full_rank(make, (3, 3), dt), singular((3, 3), dt)]))


def s_det(make, dt):
    yield SampleInput(general(make, (3, 3), dt))
    yield SampleInput(general(make, (2, 4, 4), dt))
    yield SampleInput(full_rank(make, (2, 2), dt))
    yield SampleInput(singular((3, 3), dt))
    yield SampleInput(rank_deficient(dt))
    yield SampleInput(np.zeros((0, 0), dt))
    yield SampleInput(np.zeros((0, 3, 3), dt))


def s_matrix_power(make, dt):
    a = full_rank(make, (3, 3), dt)
    for n in (2, 3, 5, 0, 1, -1, -2):
        yield SampleInput(a, n)
    yield SampleInput(full_rank(make, (2, 3, 3), dt), 4)
    yield SampleInput(make((2, 2), dt, low=-2, high=2), 6)      # integers stay integers
    yield SampleInput(np.zeros((0, 0), dt), 3)
    yield SampleInput(singular((2, 2), dt), -1)                 # LinAlgError


def s_cholesky(make, dt):
    a = positive_definite(make, (3, 3), dt)
    yield SampleInput(a)
    yield SampleInput(a, upper=True)
    yield SampleInput(positive_definite(make, (2, 4, 4), dt))
    lower_only = a.copy()
    lower_only[0, 2] = 5            # NumPy reads one triangle: the other may hold anything
    yield SampleInput(lower_only)
    upper_only = a.copy()
    upper_only[2, 0] = 5
    yield SampleInput(upper_only, upper=True)
    yield SampleInput(np.zeros((0, 0), dt))
    yield SampleInput(singular((3, 3), dt))                   # not positive definite
    if dt.kind not in "bu":
        yield SampleInput(-positive_definite(make, (3, 3), dt))


def s_eig(make, dt):
    yield SampleInput(general(make, (3, 3), dt))                 # real input: complex pairs likely
    yield SampleInput(full_rank(make, (4, 4), dt))
    yield SampleInput(hermitian(make, (3, 3), dt))        # real eigenvalues: a real result
    yield SampleInput(np.stack([hermitian(make, (3, 3), dt), general(make, (3, 3), dt)]))
    yield SampleInput(np.zeros((0, 0), dt))
    yield SampleInput(np.zeros((2, 0, 0), dt))
    if dt.kind in "ifc":
        yield SampleInput(np.array([[0, -1], [1, 0]], dt))   # a rotation: eigenvalues +-i
    yield from _nonfinite(dt)


def s_eigh(make, dt):
    h = hermitian(make, (3, 3), dt)
    yield SampleInput(h)
    yield SampleInput(h, "U")
    yield SampleInput(hermitian(make, (2, 4, 4), dt), UPLO="l")
    general = full_rank(make, (3, 3), dt)       # only one triangle is read
    yield SampleInput(general)
    yield SampleInput(general, UPLO="U")
    yield SampleInput(np.zeros((0, 0), dt))
    yield SampleInput(h, UPLO="X")              # ValueError


def s_svd(make, dt):
    # values first: the gradient template takes the first three samples
    yield SampleInput(general(make, (3, 4), dt), compute_uv=False)
    yield SampleInput(general(make, (2, 4, 3), dt), compute_uv=False)
    yield SampleInput(hermitian(make, (3, 3), dt), compute_uv=False, hermitian=True)
    yield SampleInput(general(make, (4, 3), dt))
    yield SampleInput(general(make, (3, 4), dt), full_matrices=False)
    yield SampleInput(general(make, (2, 3, 5), dt))
    yield SampleInput(general(make, (5, 2), dt))                 # three columns beyond the values
    yield SampleInput(hermitian(make, (3, 3), dt), hermitian=True)
    yield SampleInput(hermitian(make, (2, 3, 3), dt), full_matrices=False, hermitian=True)
    yield SampleInput(np.zeros((0, 3), dt))
    yield SampleInput(np.zeros((3, 0), dt), full_matrices=False)
    yield from _nonfinite(dt)


def s_svdvals(make, dt):
    yield SampleInput(general(make, (3, 4), dt))
    yield SampleInput(general(make, (2, 4, 3), dt))
    yield SampleInput(np.zeros((3, 0), dt))
    yield SampleInput(rank_deficient(dt))       # a zero singular value: no derivative there


def s_qr(make, dt):
    yield SampleInput(general(make, (4, 3), dt))
    yield SampleInput(general(make, (3, 4), dt))
    yield SampleInput(general(make, (2, 5, 3), dt), "complete")
    yield SampleInput(general(make, (3, 4), dt), "complete")
    yield SampleInput(general(make, (4, 3), dt), mode="r")
    yield SampleInput(general(make, (2, 3, 4), dt), mode="r")
    # raw: LAPACK's reflectors; full_rank, where a bool column never cancels to rounding noise
    yield SampleInput(full_rank(make, (4, 3), dt), mode="raw")
    yield SampleInput(full_rank(make, (2, 3, 4), dt), mode="raw")
    yield SampleInput(np.zeros((0, 3), dt))
    yield SampleInput(np.zeros((3, 0), dt), "complete")
    yield SampleInput(general(make, (3, 3), dt), mode="x")       # ValueError


def s_lstsq(make, dt):
    a = full_rank(make, (5, 3), dt)
    yield SampleInput(a, make((5,), dt))
    yield SampleInput(a, make((5, 2), dt))
    yield SampleInput(full_rank(make, (3, 3), dt), make((3,), dt))     # m == n: no residuals
    yield SampleInput(full_rank(make, (2, 4), dt), make((2, 2), dt))   # m < n: minimum norm
    yield SampleInput(a, make((5,), dt), rcond=0.5)     # cut off: rank 0, zero solution
    yield SampleInput(a, make((5,), dt), rcond=-1)
    if dt.kind in "iu" or dt in (np.float64, np.complex128):
        yield SampleInput(np.ones((4, 2), dt), make((4,), dt))        # rank 1: no residuals
    yield SampleInput(np.zeros((0, 3), dt), np.zeros((0,), dt))
    yield SampleInput(a, np.zeros((5, 0), dt))
    yield SampleInput(a, make((4,), dt))                # LinAlgError: incompatible


def s_pinv(make, dt):
    yield SampleInput(general(make, (3, 4), dt))
    yield SampleInput(general(make, (2, 4, 3), dt))
    yield SampleInput(full_rank(make, (3, 3), dt))
    yield SampleInput(rank_deficient(dt))
    yield SampleInput(general(make, (3, 4), dt), rcond=0.3)
    yield SampleInput(general(make, (2, 3, 3), dt), np.array([0.1, 0.5]))    # one cutoff per matrix
    yield SampleInput(general(make, (3, 4), dt), rtol=0.2)
    yield SampleInput(hermitian(make, (3, 3), dt), hermitian=True)
    yield SampleInput(np.zeros((0, 3), dt))
    if dt.kind in "fc":
        yield SampleInput(general(make, (3, 4), dt), rtol=None)
    yield SampleInput(general(make, (3, 4), dt), rcond=0.1, rtol=0.1)        # ValueError


def s_matrix_rank(make, dt):
    yield SampleInput(general(make, (3, 3), dt))
    yield SampleInput(rank_deficient(dt))
    yield SampleInput(np.stack([rank_deficient(dt), full_rank(make, (3, 3), dt)]))
    yield SampleInput(rank_deficient(dt), tol=2.5)
    yield SampleInput(rank_deficient(dt), rtol=0.8)
    yield SampleInput(np.stack([rank_deficient(dt)] * 2), tol=np.array([1.0, 2.5]))
    yield SampleInput(hermitian(make, (3, 3), dt), hermitian=True)
    yield SampleInput(make((4,), dt))
    yield SampleInput(np.zeros(3, dt))
    yield SampleInput(np.zeros((0, 3), dt))
    yield SampleInput(general(make, (3, 3), dt), tol=1.0, rtol=0.1)      # ValueError


def s_cond(make, dt):
    # zeros where a bool matrix must have them to stay invertible (tests/test_bad_input.py
    # sweeps this sample's bool version)
    a = (full_rank(make, (3, 3), dt) * np.array([[1, 1, 0], [0, 1, 1], [1, 0, 1]])).astype(dt)
    for p in (None, 2, -2, 1, -1, np.inf, -np.inf, "fro", "nuc"):
        yield SampleInput(a, p)
    yield SampleInput(full_rank(make, (2, 3, 3), dt), 1)
    yield SampleInput(general(make, (3, 4), dt))
    yield SampleInput(singular((3, 3), dt), "fro")            # inf
    yield SampleInput(np.zeros((0, 3, 3), dt))
    yield SampleInput(general(make, (3, 4), dt), 1)                    # LinAlgError: not square
    yield SampleInput(a, 3)                                   # ValueError


def s_norm(make, dt):
    v = make((5,), dt)
    m = make((3, 4), dt)
    yield SampleInput(m)
    yield SampleInput(v)
    yield SampleInput(make((2, 3, 4), dt))
    for ord in (None, 2, 1, -1, np.inf, -np.inf, 0, 3, 0.5, -2.5):
        yield SampleInput(v, ord)
    for ord in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
        yield SampleInput(m, ord)
    yield SampleInput(make((2, 3, 4), dt), axis=1)
    yield SampleInput(make((2, 3, 4), dt), 1, axis=-1, keepdims=True)
    yield SampleInput(make((2, 3, 4), dt), "nuc", axis=(2, 0))
    yield SampleInput(make((2, 3, 4), dt), np.inf, axis=(-1, 1), keepdims=True)
    yield SampleInput(m, keepdims=True)
    yield SampleInput(make((), dt))
    yield SampleInput(np.zeros((0,), dt), np.inf)
    yield SampleInput(np.zeros((0,), dt), -np.inf)            # ValueError: empty minimum
    yield SampleInput(np.zeros((3, 0), dt), 1)
    yield SampleInput(v, "fro", axis=0)                       # ValueError
    yield SampleInput(m, 3)                                   # ValueError
    yield SampleInput(make((2, 3, 4), dt), axis=(0, 1, 2))    # ValueError
    yield SampleInput(m, axis=(1, -1))                        # ValueError: duplicate


def s_matrix_norm(make, dt):
    x = make((2, 3, 4), dt)
    yield SampleInput(x)
    for ord in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
        yield SampleInput(x, ord=ord)
    yield SampleInput(x, keepdims=True, ord=1)
    yield SampleInput(np.zeros((0, 3, 3), dt))


def s_vector_norm(make, dt):
    x = make((2, 3, 4), dt)
    yield SampleInput(x)
    yield SampleInput(x, axis=1)
    yield SampleInput(x, axis=(0, 2), keepdims=True)
    yield SampleInput(x, axis=(-1,), ord=1)
    yield SampleInput(x, keepdims=True, ord=np.inf)
    yield SampleInput(x, axis=0, ord=0)
    yield SampleInput(make((), dt), ord=3)
    yield SampleInput(x, axis=(0, 0))                         # ValueError: repeated axis


def s_multi_dot(make, dt):
    yield SampleInput([make((2, 3), dt), make((3, 4), dt), make((4, 2), dt)])
    yield SampleInput([make((5, 2), dt), make((2, 6), dt), make((6, 3), dt), make((3, 4), dt)])
    yield SampleInput([make((3,), dt), make((3, 4), dt), make((4, 2), dt), make((2,), dt)])
    yield SampleInput([make((3,), dt), make((3, 4), dt), make((4, 2), dt)])
    yield SampleInput([make((2, 3), dt), make((3,), dt)])
    yield SampleInput([make((2, 3), dt)])                      # ValueError
    yield SampleInput([make((2, 2, 3), dt), make((3, 4), dt), make((4, 2), dt)])  # LinAlgError


def s_tensorinv(make, dt):
    a = full_rank(make, (6, 6), dt)
    yield SampleInput(a.reshape(2, 3, 6))
    yield SampleInput(a.reshape(6, 2, 3), ind=1)
    yield SampleInput(a.reshape(2, 3, 2, 3))
    yield SampleInput(a.reshape(2, 3, 6), ind=0)               # ValueError


def s_tensorsolve(make, dt):
    a = full_rank(make, (6, 6), dt)
    yield SampleInput(a.reshape(2, 3, 6), make((2, 3), dt))
    yield SampleInput(a.reshape(2, 3, 2, 3), make((2, 3), dt))
    yield SampleInput(a.reshape(6, 2, 3).transpose(1, 0, 2).copy(), make((6,), dt), axes=(0,))
    yield SampleInput(a.reshape(2, 3, 6), make((2, 2), dt))    # LinAlgError: sizes


# ----- the Array API functions --------------------------------------------------------------------

def s_cross(make, dt):
    yield SampleInput(make((3,), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), make((3,), dt))
    yield SampleInput(make((3, 2), dt), make((3, 1), dt), axis=0)
    yield SampleInput(make((2,), dt), make((2,), dt))          # ValueError: 2-vectors
    yield SampleInput(make((3,), dt), make((3,), dt), axis=1)  # IndexError


def s_outer(make, dt):
    yield SampleInput(make((3,), dt), make((4,), dt))
    yield SampleInput(make((0,), dt), make((2,), dt))
    yield SampleInput(make((2, 2), dt), make((3,), dt))        # ValueError


def s_tensordot(make, dt):
    yield SampleInput(make((2, 3, 4), dt), make((3, 4, 2), dt))
    yield SampleInput(make((2, 3), dt), make((3, 2), dt), axes=1)
    yield SampleInput(make((2, 3, 4), dt), make((4, 3), dt), axes=([1, 2], [1, 0]))


def s_matmul(make, dt):
    yield SampleInput(make((2, 3), dt), make((3, 4), dt))
    yield SampleInput(make((2, 2, 3), dt), make((3,), dt))
    yield SampleInput(make((3,), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), make((4, 3), dt))      # ValueError


def s_vecdot(make, dt):
    yield SampleInput(make((2, 3), dt), make((3,), dt))
    yield SampleInput(make((3, 2), dt), make((3, 2), dt), axis=0)


def s_matrix_transpose(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((2, 3, 4), dt))
    yield SampleInput(make((3,), dt))                          # ValueError


def s_trace(make, dt):
    yield SampleInput(make((3, 3), dt))
    yield SampleInput(make((2, 3, 4), dt), offset=1)
    yield SampleInput(make((2, 3, 4), dt), offset=-1)
    yield SampleInput(make((2, 3, 4), dt), dtype="float32")


def s_diagonal(make, dt):
    yield SampleInput(make((3, 3), dt))
    yield SampleInput(make((2, 3, 4), dt), offset=1)
    yield SampleInput(make((2, 3, 4), dt), offset=-2)


def _singular_stride0(*dtypes):
    return XFail(
        "the template's stride-0 sample is a singular matrix (its columns are equal), where "
        "NumPy's answer is its own rounding error: slogdet's sign (0 or +-1), eig's dtype (a "
        "zero eigenvalue's rounding makes it complex or not), qr's reflectors (raw mode), cond's "
        "inf or 1e16; the strided sample passes", variants=("noncontiguous",),
        dtypes=dtypes or None)


_EIGH_COMPLEX_GRAD = XFail("torch's backward of eigh refuses a loss that depends on the phases of "
                           "complex eigenvectors (gradcheck's does); eigvalsh checks the values",
                           variants=("grad",), dtypes=("complex128",))

op_db_linalg = [
    LinalgInfo("linalg.solve", samples=s_solve, supports_grad=True),
    LinalgInfo("linalg.inv", samples=s_inv, errors=SQUARE_ERRORS, supports_grad=True),
    LinalgInfo("linalg.det", samples=s_det, errors=SQUARE_ERRORS, supports_grad=True),
    LinalgInfo("linalg.slogdet", samples=s_det, errors=SQUARE_ERRORS, supports_grad=True,
               xfails=[_singular_stride0("float64")]),
    LinalgInfo("linalg.matrix_power", samples=s_matrix_power, supports_grad=True,
               errors=[ErrorInput(SampleInput(np.eye(2), 1.5), TypeError, exact_message=True),
                       ErrorInput(SampleInput(np.ones((2, 3)), 2), LinAlgError)]),
    LinalgInfo("linalg.tensorsolve", samples=s_tensorsolve, supports_grad=True),
    LinalgInfo("linalg.tensorinv", samples=s_tensorinv, supports_grad=True),
    LinalgInfo("linalg.cholesky", samples=s_cholesky, errors=SQUARE_ERRORS, supports_grad=True),
    LinalgInfo("linalg.eig", samples=s_eig, errors=SQUARE_ERRORS, parts=compare_eig,
               xfails=[_singular_stride0("float64"), _EIG_HOST_READ]),
    LinalgInfo("linalg.eigvals", samples=s_eig, errors=SQUARE_ERRORS, parts=compare_eigvals,
               xfails=[_singular_stride0("float64"), _EIG_HOST_READ]),
    LinalgInfo("linalg.eigh", samples=s_eigh, errors=SQUARE_ERRORS, parts=compare_eigh,
               supports_grad=True, xfails=[_EIGH_COMPLEX_GRAD]),
    LinalgInfo("linalg.eigvalsh", samples=s_eigh, errors=SQUARE_ERRORS, supports_grad=True),
    LinalgInfo("linalg.svd", samples=s_svd, errors=STACKED_2D_ERRORS, parts=compare_svd,
               supports_grad=True),
    LinalgInfo("linalg.svdvals", samples=s_svdvals, errors=STACKED_2D_ERRORS, supports_grad=True),
    LinalgInfo("linalg.qr", samples=s_qr, errors=STACKED_2D_ERRORS, parts=compare_qr,
               xfails=[_singular_stride0()]),
    LinalgInfo("linalg.lstsq", samples=s_lstsq, supports_grad=True,
               xfails=[_graph_break("whether NumPy returns residuals depends on the rank")],
               errors=[ErrorInput(SampleInput(np.ones((2, 3, 3)), np.ones(3)), LinAlgError,
                                  exact_message=True)]),
    LinalgInfo("linalg.pinv", samples=s_pinv, errors=STACKED_2D_ERRORS[1:], supports_grad=True),
    LinalgInfo("linalg.matrix_rank", samples=s_matrix_rank),
    LinalgInfo("linalg.cond", samples=s_cond, errors=[
        ErrorInput(SampleInput(np.zeros((3, 0))), LinAlgError, exact_message=True)],
        supports_grad=True, xfails=[_singular_stride0()]),
    LinalgInfo("linalg.norm", samples=s_norm, supports_grad=True, errors=[
        ErrorInput(SampleInput(np.ones(3), "nuc"), ValueError, exact_message=True),
        ErrorInput(SampleInput(np.ones((3, 3)), axis=[0, 1]), TypeError, exact_message=True)]),
    LinalgInfo("linalg.matrix_norm", samples=s_matrix_norm, supports_grad=True),
    LinalgInfo("linalg.vector_norm", samples=s_vector_norm, supports_grad=True),
    # (gradients: tests/test_linalg.py; the template differentiates positional arrays only)
    LinalgInfo("linalg.multi_dot", dtypes=ALL, samples=s_multi_dot, supports_out=True),
    LinalgInfo("linalg.cross", dtypes=NUMERIC, samples=s_cross, supports_grad=True),
    LinalgInfo("linalg.outer", dtypes=ALL, samples=s_outer, supports_grad=True),
    LinalgInfo("linalg.tensordot", dtypes=NUMERIC, samples=s_tensordot, supports_grad=True),
    LinalgInfo("linalg.matmul", dtypes=ALL, samples=s_matmul, supports_grad=True),
    LinalgInfo("linalg.vecdot", dtypes=ALL, samples=s_vecdot, supports_grad=True),
    LinalgInfo("linalg.matrix_transpose", dtypes=ALL, samples=s_matrix_transpose,
               supports_grad=True),
    LinalgInfo("linalg.trace", dtypes=ALL, samples=s_trace, supports_grad=True),
    LinalgInfo("linalg.diagonal", dtypes=ALL, samples=s_diagonal, supports_grad=True),
]
