"""torchnp.linalg's edge cases against NumPy: imports, LinAlgError, empty and singular input, the
real-or-complex rule of eig, result tuples, qr's modes, lstsq's residuals, every norm, gradients.

The operator database (tests/opinfo/db_linalg.py) sweeps dtypes and shapes; this file holds the
cases that need a closer look."""
import itertools
import warnings

import numpy
import pytest
import torch

import torchnp
import torchnp.linalg as la
from helpers import assert_matches_numpy
from opinfo.db_linalg import compare_eig, compare_eigh, compare_qr, compare_svd

RNG = numpy.random.default_rng(7)


def T(x):
    return torchnp.asarray(x)


def host(result):
    if isinstance(result, tuple):
        return type(result)._make(host(r) for r in result) if hasattr(result, "_make") \
            else tuple(host(r) for r in result)
    return result.tensor.detach().cpu().resolve_conj().numpy()


def raises_numpy_error(fn, *args, **kwargs):
    """torchnp.linalg's ``fn`` raises what NumPy's does, with NumPy's exact message."""
    try:
        getattr(numpy.linalg, fn)(*args, **kwargs)
    except Exception as e:      # noqa: BLE001 - the class and text are what we compare
        expected = e
    else:
        raise AssertionError(f"NumPy's {fn} did not raise")
    targs = [T(a) if isinstance(a, numpy.ndarray) else a for a in args]
    with pytest.raises(type(expected)) as info:
        getattr(la, fn)(*targs, **kwargs)
    assert str(info.value) == str(expected)


# ----- the module and its exception -----------------------------------------------------------------

def test_import_styles():
    from torchnp.linalg import LinAlgError, det
    assert torchnp.linalg is la and det is la.det
    assert LinAlgError is numpy.linalg.LinAlgError is torchnp.LinAlgError
    assert sorted(la.__all__) == sorted(numpy.linalg.__all__)


def test_linalg_error_is_caught_as_numpys():
    with pytest.raises(numpy.linalg.LinAlgError, match="^Singular matrix$"):
        la.inv(T(numpy.zeros((2, 2))))
    with pytest.raises(ValueError):         # NumPy's LinAlgError is a ValueError
        la.cholesky(T(-numpy.eye(2)))


def test_array_likes():
    assert_matches_numpy(la.det([[1, 2], [3, 4]]), numpy.linalg.det([[1, 2], [3, 4]]))
    assert_matches_numpy(la.solve([[2.0, 0], [0, 4]], [1, 1]),
                         numpy.linalg.solve([[2.0, 0], [0, 4]], [1, 1]))


# ----- singular and non-positive-definite input -----------------------------------------------------

@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128", "int64"])
def test_singular_raises_as_numpy(dtype):
    a = numpy.array([[1, 2], [2, 4]], dtype)
    raises_numpy_error("inv", a)
    raises_numpy_error("solve", a, numpy.ones(2, dtype))
    raises_numpy_error("tensorinv", a, 1)
    raises_numpy_error("matrix_power", a, -2)
    raises_numpy_error("cholesky", a)
    raises_numpy_error("cholesky", a, upper=True)
    stack = numpy.stack([numpy.eye(2, dtype=dtype), a])     # one singular matrix fails the stack
    raises_numpy_error("inv", stack)


def test_nearly_singular_returns_huge_values_as_numpy():
    a = numpy.array([[1.0, 1.0], [1.0, 1.0 + 1e-15]])
    assert_matches_numpy(la.inv(T(a)), numpy.linalg.inv(a), rtol=1e-2)
    assert_matches_numpy(la.solve(T(a), T(numpy.ones(2))), numpy.linalg.solve(a, numpy.ones(2)),
                         rtol=1e-2, atol=1e-2)


@pytest.mark.parametrize("dtype", ["float64", "complex128", "int64"])
def test_singular_determinants(dtype):
    a = numpy.array([[1, 2], [2, 4]], dtype)
    assert_matches_numpy(la.det(T(a)), numpy.linalg.det(a))
    assert_matches_numpy(la.slogdet(T(a)), numpy.linalg.slogdet(a))


def test_cholesky_reads_one_triangle():
    spd = numpy.array([[4.0, 2.0], [2.0, 3.0]])
    for upper, (i, j) in [(False, (0, 1)), (True, (1, 0))]:
        a = spd.copy()
        a[i, j] = 100.0         # the triangle NumPy does not read
        assert_matches_numpy(la.cholesky(T(a), upper=upper), numpy.linalg.cholesky(a, upper=upper))


def test_messages_are_numpys():
    raises_numpy_error("inv", numpy.ones(3))
    raises_numpy_error("det", numpy.ones((2, 3)))
    raises_numpy_error("inv", numpy.eye(2, dtype=numpy.float16))
    raises_numpy_error("svd", numpy.ones(3))
    raises_numpy_error("lstsq", numpy.ones((3, 2)), numpy.ones(4))
    raises_numpy_error("lstsq", numpy.ones((2, 3, 2)), numpy.ones(3))
    raises_numpy_error("eig", numpy.array([[1.0, numpy.inf], [0.0, 1.0]]))
    raises_numpy_error("eigvals", numpy.array([[1.0, numpy.nan], [0.0, 1.0]]))
    raises_numpy_error("svd", numpy.array([[1.0, numpy.nan], [0.0, 1.0]]))
    raises_numpy_error("lstsq", numpy.array([[1.0, numpy.nan], [0.0, 1.0]]), numpy.ones(2))
    raises_numpy_error("lstsq", numpy.array([[1.0, 0.0], [0.0, numpy.inf]]), numpy.ones(2))
    raises_numpy_error("cond", numpy.zeros((0, 2)))
    raises_numpy_error("tensorsolve", numpy.ones((2, 3, 4)), numpy.ones(2))
    raises_numpy_error("eigh", numpy.eye(2), "X")
    raises_numpy_error("qr", numpy.eye(2), "x")
    raises_numpy_error("matrix_power", numpy.eye(2), 1.5)
    raises_numpy_error("multi_dot", [numpy.eye(2)])
    raises_numpy_error("pinv", numpy.eye(2), 0.1, rtol=0.1)
    raises_numpy_error("matrix_rank", numpy.eye(2), 0.1, rtol=0.1)
    raises_numpy_error("outer", numpy.eye(2), numpy.ones(2))
    raises_numpy_error("cross", numpy.ones(2), numpy.ones(2))
    raises_numpy_error("norm", numpy.ones(3), "fro")
    raises_numpy_error("norm", numpy.ones((3, 3)), 3)
    raises_numpy_error("norm", numpy.ones((3, 3)), axis=(0, 0))
    raises_numpy_error("norm", numpy.ones((3, 3, 3)), axis=(0, 1, 2))
    raises_numpy_error("solve", numpy.eye(3), numpy.ones(4))
    raises_numpy_error("solve", numpy.ones((2, 3, 3)), numpy.ones((4, 3, 1)))


# ----- empty input --------------------------------------------------------------------------------

EMPTY = [(0, 0), (2, 0, 0), (0, 3, 3)]
SQUARE_FUNCTIONS = ["inv", "det", "slogdet", "cholesky", "eigvals", "eigvalsh", "matrix_rank",
                    "pinv", "svdvals", "matrix_norm"]


@pytest.mark.parametrize("shape", EMPTY + [(3, 0), (0, 3), (2, 3, 0)])
@pytest.mark.parametrize("fn", SQUARE_FUNCTIONS + ["cond", "norm"])
def test_empty_matrices(fn, shape):
    a = numpy.zeros(shape)
    try:
        expected = getattr(numpy.linalg, fn)(a)
    except Exception as e:      # noqa: BLE001
        with pytest.raises(type(e)):
            getattr(la, fn)(T(a))
        return
    assert_matches_numpy(getattr(la, fn)(T(a)), expected)


@pytest.mark.parametrize("shape", EMPTY + [(3, 0), (0, 3)])
def test_empty_decompositions(shape):
    a = numpy.zeros(shape)
    square = shape[-1] == shape[-2]
    calls = [("svd", {}), ("svd", {"full_matrices": False}), ("qr", {}), ("qr", {"mode": "r"}),
             ("qr", {"mode": "raw"}), ("qr", {"mode": "complete"})]
    if square:
        calls += [("eig", {}), ("eigh", {}), ("svd", {"hermitian": True})]
    for fn, kwargs in calls:
        expected = getattr(numpy.linalg, fn)(a, **kwargs)
        got = getattr(la, fn)(T(a), **kwargs)
        expected_parts = expected if isinstance(expected, tuple) else (expected,)
        got_parts = got if isinstance(got, tuple) else (got,)
        for g, e in zip(got_parts, expected_parts):
            assert g.shape == e.shape and g.dtype == e.dtype, (fn, kwargs)


def test_empty_pinv_keeps_the_input_dtype():
    a = numpy.zeros((0, 3), numpy.int64)
    assert_matches_numpy(la.pinv(T(a)), numpy.linalg.pinv(a))


def test_empty_solve_and_lstsq():
    assert_matches_numpy(la.solve(T(numpy.zeros((0, 0))), T(numpy.zeros(0))),
                         numpy.linalg.solve(numpy.zeros((0, 0)), numpy.zeros(0)))
    for a, b in [(numpy.zeros((0, 3)), numpy.zeros(0)), (numpy.ones((3, 0)), numpy.ones(3)),
                 (numpy.eye(3)[:, :2], numpy.zeros((3, 0)))]:
        assert_matches_numpy(la.lstsq(T(a), T(b)), numpy.linalg.lstsq(a, b))


# ----- eig: a real result when every eigenvalue is real ---------------------------------------------

@pytest.mark.parametrize("dtype", ["float32", "float64", "int32"])
def test_eig_of_real_input(dtype):
    symmetric = numpy.array([[2, 1], [1, 3]], dtype)        # real eigenvalues: a real result
    rotation = numpy.array([[0, -1], [1, 0]], dtype)        # +-i: a complex result
    for a in (symmetric, rotation, numpy.stack([symmetric, rotation])):
        expected = numpy.linalg.eig(a)
        got = la.eig(T(a))
        assert got.eigenvalues.dtype == expected.eigenvalues.dtype
        assert got.eigenvectors.dtype == expected.eigenvectors.dtype
        compare_eig(host(got), expected, 1e-5, 1e-5)
        assert la.eigvals(T(a)).dtype == numpy.linalg.eigvals(a).dtype


def test_eig_of_complex_input_stays_complex():
    a = numpy.array([[2, 1], [1, 3]], numpy.complex64)
    got = la.eig(T(a))
    assert got.eigenvalues.dtype == numpy.complex64
    compare_eig(host(got), numpy.linalg.eig(a), 1e-5, 1e-5)


# ----- result tuples ------------------------------------------------------------------------------

def test_result_tuples_have_numpys_names_and_fields():
    a = RNG.standard_normal((3, 3))
    h = a + a.T
    pairs = [(la.eig(T(a)), numpy.linalg.eig(a)), (la.eigh(T(h)), numpy.linalg.eigh(h)),
             (la.svd(T(a)), numpy.linalg.svd(a)), (la.qr(T(a)), numpy.linalg.qr(a)),
             (la.slogdet(T(a)), numpy.linalg.slogdet(a))]
    for got, expected in pairs:
        assert type(got).__name__ == type(expected).__name__
        assert got._fields == expected._fields
    w, v = la.eigh(T(h))
    assert w.shape == (3,) and v.shape == (3, 3)
    result = la.svd(T(a))
    assert result.U.shape == result.Vh.shape == (3, 3) and result.S.shape == (3,)
    assert la.slogdet(T(a)).sign.shape == ()
    assert isinstance(la.lstsq(T(a), T(a[0])), tuple)
    assert type(la.qr(T(a), mode="raw")) is tuple


# ----- qr -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (2, 5, 3), (3, 3)])
@pytest.mark.parametrize("dtype", ["float64", "complex128", "float32"])
def test_qr_modes(shape, dtype):
    a = RNG.standard_normal(shape).astype(dtype)
    tol = (1e-5, 1e-5) if dtype == "float32" else (1e-10, 1e-10)
    for mode in ("reduced", "complete", "r", "raw"):
        got, expected = la.qr(T(a), mode=mode), numpy.linalg.qr(a, mode=mode)
        compare_qr(host(got), expected, *tol)
    h, tau = la.qr(T(a), mode="raw")        # LAPACK's reflectors, transposed as NumPy's
    assert h.shape == shape[:-2] + (shape[-1], shape[-2]) and tau.shape[-1] == min(shape[-2:])


def test_qr_deprecated_modes_warn_as_numpy():
    a = RNG.standard_normal((4, 3))
    for mode in ("full", "f", "economic", "e"):
        with pytest.warns(DeprecationWarning):
            got = la.qr(T(a), mode=mode)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            expected = numpy.linalg.qr(a, mode=mode)
        if mode in ("full", "f"):
            compare_qr(host(got), expected, 1e-10, 1e-10)
        else:
            assert_matches_numpy(got, expected, rtol=1e-10, atol=1e-10)


# ----- lstsq --------------------------------------------------------------------------------------

def test_lstsq_residuals_follow_numpys_rules():
    tall = RNG.standard_normal((5, 3))
    cases = [
        (tall, RNG.standard_normal(5)),                     # residuals, shape (1,)
        (tall, RNG.standard_normal((5, 2))),                # one residual per column
        (numpy.ones((5, 3)), RNG.standard_normal(5)),       # rank 1 < N: none
        (RNG.standard_normal((3, 3)), RNG.standard_normal(3)),      # M == N: none
        (RNG.standard_normal((2, 4)), RNG.standard_normal(2)),      # M < N: none
        (tall.astype(numpy.complex128) * 1j, RNG.standard_normal(5)),
    ]
    for a, b in cases:
        got, expected = la.lstsq(T(a), T(b)), numpy.linalg.lstsq(a, b)
        assert_matches_numpy(got, expected, rtol=1e-10, atol=1e-10)
    rank = la.lstsq(T(tall), T(tall[:, 0]))[2]
    assert rank.dtype == numpy.int32 and int(rank) == 3


@pytest.mark.parametrize("rcond", [None, -1, 0.5, 1e-3])
def test_lstsq_rcond(rcond):
    a = numpy.diag([4.0, 1.0, 1e-3])[:, :3]
    a = numpy.vstack([a, numpy.ones((1, 3))])
    b = numpy.arange(4.0)
    assert_matches_numpy(la.lstsq(T(a), T(b), rcond), numpy.linalg.lstsq(a, b, rcond),
                         rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("rcond", [numpy.float64(0.5), numpy.array(1e-3), numpy.int64(-1)])
def test_lstsq_rcond_as_numpy_scalar_or_0d_array(rcond):
    a = numpy.vstack([numpy.diag([4.0, 1.0, 1e-3]), numpy.ones((1, 3))])
    b = numpy.arange(4.0)
    tnp_rcond = torchnp.asarray(rcond) if isinstance(rcond, numpy.ndarray) else rcond
    assert_matches_numpy(la.lstsq(T(a), T(b), tnp_rcond), numpy.linalg.lstsq(a, b, rcond),
                         rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("rcond", [1j, numpy.array([0.1, 0.2])])
def test_lstsq_bad_rcond_raises_numpys_error(rcond):
    a, b = numpy.ones((3, 2)), numpy.ones(3)
    with pytest.raises(Exception) as want:
        numpy.linalg.lstsq(a, b, rcond)
    with pytest.raises(want.type):
        la.lstsq(T(a), T(b), torchnp.asarray(rcond) if isinstance(rcond, numpy.ndarray) else rcond)


# ----- norms --------------------------------------------------------------------------------------

VECTOR_ORDS = [None, 2, 1, -1, 0, numpy.inf, -numpy.inf, 3, 0.5, -2.5]
MATRIX_ORDS = [None, "fro", "nuc", 1, -1, 2, -2, numpy.inf, -numpy.inf]


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex128", "int64", "float16"])
def test_norm_every_ord_axis_keepdims(dtype):
    x = (RNG.standard_normal((2, 3, 4)) * 3).astype(dtype) if dtype != "complex128" else \
        RNG.standard_normal((2, 3, 4)) + 1j * RNG.standard_normal((2, 3, 4))
    rtol = {"float16": 2e-3, "float32": 1e-5}.get(dtype, 1e-10)
    cases = [(o, ax, k) for o in VECTOR_ORDS for ax in (0, -1, (1,)) for k in (False, True)]
    cases += [(o, ax, k) for o in MATRIX_ORDS for ax in ((0, 1), (2, 0), (-1, -2))
              for k in (False, True)]
    cases += [(None, None, False), (None, None, True)]
    for ord, axis, keepdims in cases:
        try:
            with numpy.errstate(divide="ignore"):       # negative ords of zeros
                expected = numpy.linalg.norm(x, ord, axis, keepdims)
        except TypeError:           # float16 matrices' 2, -2 and nuc norms (an SVD)
            with pytest.raises(TypeError):
                la.norm(T(x), ord, axis, keepdims)
            continue
        assert_matches_numpy(la.norm(T(x), ord, axis, keepdims), expected, rtol=rtol, atol=rtol)


@pytest.mark.parametrize("ord", VECTOR_ORDS + ["fro", "nuc"])
def test_norm_without_axis(ord):
    for x in (RNG.standard_normal(5), RNG.standard_normal((3, 4)), numpy.array(2.5)):
        try:
            expected = numpy.linalg.norm(x, ord)
        except ValueError:
            with pytest.raises(ValueError):
                la.norm(T(x), ord)
            continue
        assert_matches_numpy(la.norm(T(x), ord), expected, rtol=1e-12)


@pytest.mark.parametrize("ord", VECTOR_ORDS)
def test_vector_norm(ord):
    x = RNG.standard_normal((2, 3, 4))
    for axis, keepdims in itertools.product([None, 1, (0, 2), (-1,), ()], [False, True]):
        assert_matches_numpy(la.vector_norm(T(x), axis=axis, keepdims=keepdims, ord=ord),
                             numpy.linalg.vector_norm(x, axis=axis, keepdims=keepdims, ord=ord),
                             rtol=1e-12)


def test_norms_of_empty_input():
    for x, ord, axis in [(numpy.zeros(0), numpy.inf, None), (numpy.zeros(0), -numpy.inf, None),
                         (numpy.zeros((3, 0)), -1, (0, 1)), (numpy.zeros((0, 3)), -1, (0, 1)),
                         (numpy.zeros((0, 3)), 2, (0, 1)), (numpy.zeros((0, 3)), -2, (0, 1)),
                         (numpy.zeros(0), 0.5, None), (numpy.zeros(0), -1, None)]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            try:
                expected = numpy.linalg.norm(x, ord, axis)
            except ValueError:
                with pytest.raises(ValueError, match="zero-size array"):
                    la.norm(T(x), ord, axis)
                continue
        assert_matches_numpy(la.norm(T(x), ord, axis), expected)


def test_norm_overflows_as_numpy():
    x = numpy.array([1e200, 1e200])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert_matches_numpy(la.norm(T(x)), numpy.linalg.norm(x))


# ----- the rest ------------------------------------------------------------------------------------

@pytest.mark.parametrize("p", [None, 2, -2, 1, -1, numpy.inf, -numpy.inf, "fro", "nuc"])
def test_cond(p):
    a = RNG.standard_normal((2, 3, 3))
    assert_matches_numpy(la.cond(T(a), p), numpy.linalg.cond(a, p), rtol=1e-9)
    singular = numpy.ones((3, 3))
    if p not in (None, 2, -2, "nuc"):       # the SVD's are rounding noise, not exactly zero
        assert_matches_numpy(la.cond(T(singular), p), numpy.linalg.cond(singular, p))
    nan = numpy.array([[1.0, numpy.nan], [1.0, 1.0]])
    if p not in (None, 2, -2, "nuc"):
        assert_matches_numpy(la.cond(T(nan), p), numpy.linalg.cond(nan, p))


def test_matrix_rank():
    assert la.matrix_rank(T(numpy.ones(3))) == 1 and type(la.matrix_rank(T(numpy.ones(3)))) is int
    assert la.matrix_rank(T(numpy.zeros(3))) == 0
    assert la.matrix_rank(2.5) == numpy.linalg.matrix_rank(2.5)
    a = numpy.stack([numpy.diag([3.0, 2.0, 0.0]), numpy.diag([3.0, 1e-9, 1e-12])])
    for kwargs in ({}, {"tol": 1e-10}, {"rtol": 1e-3}, {"tol": numpy.array([1.0, 1e-13])},
                   {"hermitian": True}):
        assert_matches_numpy(la.matrix_rank(T(a), **kwargs), numpy.linalg.matrix_rank(a, **kwargs))


def test_pinv_options():
    a = RNG.standard_normal((4, 3))
    h = a.T @ a - 2 * numpy.eye(3)          # Hermitian, not definite
    for x, kwargs in [(a, {}), (a, {"rcond": 0.5}), (a, {"rtol": None}), (a, {"rtol": 0.3}),
                      (h, {"hermitian": True}), (numpy.stack([a, 2 * a]),
                                                 {"rcond": numpy.array([0.1, 0.9])})]:
        assert_matches_numpy(la.pinv(T(x), **kwargs), numpy.linalg.pinv(x, **kwargs),
                             rtol=1e-10, atol=1e-12)


def test_svd_hermitian_moves_signs_into_vh():
    h = numpy.array([[1.0, 2.0, 0.0], [2.0, -3.0, 1.0], [0.0, 1.0, 0.5]])     # mixed signs
    compare_svd(host(la.svd(T(h), hermitian=True)), numpy.linalg.svd(h, hermitian=True),
                1e-10, 1e-10)
    assert_matches_numpy(la.svd(T(h), compute_uv=False, hermitian=True),
                         numpy.linalg.svd(h, compute_uv=False, hermitian=True), rtol=1e-12)


def test_eigh_reads_one_triangle():
    a = RNG.standard_normal((3, 3)) + 1j * RNG.standard_normal((3, 3))
    for uplo in ("L", "U", "l", "u"):
        compare_eigh(host(la.eigh(T(a), uplo)), numpy.linalg.eigh(a, uplo), 1e-10, 1e-10)
        assert_matches_numpy(la.eigvalsh(T(a), uplo), numpy.linalg.eigvalsh(a, uplo), rtol=1e-10)


def test_matrix_power():
    a = numpy.array([[1, 2], [3, 4]], numpy.int8)
    for n in range(-3, 9):
        assert_matches_numpy(la.matrix_power(T(a), n), numpy.linalg.matrix_power(a, n),
                             rtol=1e-10)
    x = T(a)
    assert la.matrix_power(x, 1) is x           # NumPy returns its argument itself
    b = numpy.array([[True, False], [True, True]])
    assert_matches_numpy(la.matrix_power(T(b), 5), numpy.linalg.matrix_power(b, 5))


def test_multi_dot_order_and_out():
    arrays = [RNG.standard_normal(s) for s in [(10, 100), (100, 5), (5, 50), (50, 7), (7, 3)]]
    assert_matches_numpy(la.multi_dot([T(x) for x in arrays]), numpy.linalg.multi_dot(arrays),
                         rtol=1e-10)
    out = T(numpy.zeros((10, 3)))
    assert la.multi_dot([T(x) for x in arrays], out=out) is out
    assert_matches_numpy(out, numpy.linalg.multi_dot(arrays), rtol=1e-10)
    vectors = [RNG.standard_normal(4), RNG.standard_normal((4, 4)), RNG.standard_normal(4)]
    assert_matches_numpy(la.multi_dot([T(x) for x in vectors]), numpy.linalg.multi_dot(vectors),
                         rtol=1e-10)


def test_tensorsolve_and_tensorinv():
    a = numpy.eye(6).reshape(6, 2, 3) + 0.1 * RNG.standard_normal((6, 2, 3))
    b = RNG.standard_normal(6)
    assert_matches_numpy(la.tensorsolve(T(a), T(b)), numpy.linalg.tensorsolve(a, b), rtol=1e-10)
    a4 = a.reshape(2, 3, 2, 3)
    assert_matches_numpy(la.tensorsolve(T(a4), T(b.reshape(2, 3)), axes=(2,)),
                         numpy.linalg.tensorsolve(a4, b.reshape(2, 3), axes=(2,)), rtol=1e-10)
    for ind in (1, 2):
        x = a.reshape(6, 6).reshape((6, 2, 3) if ind == 1 else (2, 3, 6))
        assert_matches_numpy(la.tensorinv(T(x), ind), numpy.linalg.tensorinv(x, ind), rtol=1e-10)


def test_array_api_functions_take_the_last_axes():
    x = RNG.standard_normal((2, 3, 4))
    assert_matches_numpy(la.trace(T(x), offset=1), numpy.linalg.trace(x, offset=1))
    assert_matches_numpy(la.diagonal(T(x), offset=-1), numpy.linalg.diagonal(x, offset=-1))
    assert_matches_numpy(la.matrix_transpose(T(x)), numpy.linalg.matrix_transpose(x))
    v = RNG.standard_normal((4, 3))
    assert_matches_numpy(la.cross(T(v), T(v[::-1].copy())), numpy.linalg.cross(v, v[::-1]))
    with pytest.raises(IndexError):
        la.cross(T(v), T(v), axis=5)


# ----- gradients ----------------------------------------------------------------------------------

def _leaf(x):
    return torch.tensor(x, dtype=torch.float64, requires_grad=True)


def test_gradients_of_triangle_readers_reach_that_triangle_only():
    spd = numpy.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
    for fn in (lambda t, lower: la.eigvalsh(T(t), "L" if lower else "U").sum(),
               lambda t, lower: la.cholesky(T(t), upper=not lower).sum()):
        for lower in (True, False):
            t = _leaf(spd)
            fn(t, lower).tensor.backward()
            unread = torch.triu(t.grad, 1) if lower else torch.tril(t.grad, -1)
            assert torch.count_nonzero(unread) == 0
            assert torch.autograd.gradcheck(lambda x: fn(x, lower).tensor, (_leaf(spd),))


def test_gradients_of_multi_dot_and_lstsq():
    shapes = [(2, 3), (3, 4), (4, 2)]
    leaves = tuple(_leaf(RNG.standard_normal(s)) for s in shapes)
    assert torch.autograd.gradcheck(lambda *ts: la.multi_dot([T(t) for t in ts]).tensor, leaves)
    a, b = _leaf(RNG.standard_normal((5, 3))), _leaf(RNG.standard_normal(5))
    assert torch.autograd.gradcheck(lambda a, b: la.lstsq(T(a), T(b))[0].tensor, (a, b))


# ----- devices ------------------------------------------------------------------------------------

def test_results_stay_on_the_inputs_device():
    a = torchnp.asarray(numpy.eye(3), device="meta")
    for fn in (la.inv, la.det, la.svdvals, la.pinv, la.norm, la.cholesky, la.matrix_norm):
        assert fn(a).tensor.device.type == "meta"
    assert la.solve(a, [1.0, 2.0, 3.0]).tensor.device.type == "meta"     # host data follows
    with pytest.raises(ValueError, match="device"):
        la.solve(a, T(numpy.ones(3)))
    with pytest.raises(ValueError, match="device"):
        la.multi_dot([a, T(numpy.eye(3)), a])
