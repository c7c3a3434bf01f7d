"""dot, vdot, inner, outer, tensordot, kron, cross and trace against NumPy."""
import warnings

import numpy
import pytest

import torchnp
from helpers import DTYPES, assert_matches_numpy, raises_like_numpy



def make(shape, dtype, seed=0):
    rng = numpy.random.default_rng(seed)
    n = int(numpy.prod(shape))
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind == "u":
        x = rng.integers(0, 9, n).astype(dt)
        if n > 1:
            x[0] = numpy.iinfo(dt).max - 3       # products wrap modulo 2**bits, as in NumPy
    elif dt.kind == "i":
        x = rng.integers(-9, 9, n).astype(dt)
    elif dt.kind == "f":
        x = (rng.integers(-8, 8, n) / 4).astype(dt)     # exact sums: any order gives NumPy's result
    else:
        x = ((rng.integers(-8, 8, n) + 1j * rng.integers(-8, 8, n)) / 4).astype(dt)
    return x.reshape(shape)


def T(x):
    return torchnp.asarray(x)


def close(dtype):
    return {"rtol": 1e-2} if numpy.dtype(dtype).char == "e" else {}


DOT_SHAPES = [((), ()), ((), (3,)), ((2, 3), ()), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)),
              ((2, 3), (3, 4)), ((2, 2, 3), (3,)), ((2, 2, 3), (4, 3, 2)), ((0, 3), (3, 2)),
              ((2, 0), (0, 3))]


@pytest.mark.parametrize("dtype", DTYPES)
def test_dot_shapes_dtypes(dtype):
    for i, (s1, s2) in enumerate(DOT_SHAPES):
        x, y = make(s1, dtype, i), make(s2, dtype, i + 50)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            e = numpy.dot(x, y)
        assert_matches_numpy(torchnp.dot(T(x), T(y)), e, **close(dtype))
        if x.ndim:
            assert_matches_numpy(T(x).dot(T(y)), e, **close(dtype))
    x = make((3, 2), dtype)
    assert_matches_numpy(torchnp.dot(T(x).T, T(x)), numpy.dot(x.T, x), **close(dtype))


def test_dot_promotion_and_scalars():
    for d1, d2 in [("int8", "uint8"), ("bool", "int16"), ("float32", "float64"), ("int64", "float32"),
                   ("uint64", "int64"), ("complex64", "float64"), ("uint16", "int8")]:
        x, y = make((2, 3), d1), make((3,), d2)
        assert_matches_numpy(torchnp.dot(T(x), T(y)), numpy.dot(x, y))
    i8 = make((3,), "int8")
    assert_matches_numpy(torchnp.dot(3, T(i8)), numpy.dot(3, i8))      # scalars are strong here
    assert_matches_numpy(torchnp.dot(3.5, T(i8)), numpy.dot(3.5, i8))
    assert_matches_numpy(torchnp.dot([1, 2], [3, 4]), numpy.dot([1, 2], [3, 4]))
    b = numpy.array([True, False, True])
    assert_matches_numpy(torchnp.dot(T(b), T(b)), numpy.dot(b, b))
    assert_matches_numpy(torchnp.dot(T(~b), T(b)), numpy.dot(~b, b))


def test_dot_errors_and_out():
    cases = [((2, 3), (2, 3)), ((3,), (2,)), ((2, 3, 4), (2, 3)), ((2,), (3, 2))]
    for s1, s2 in cases:
        x, y = numpy.ones(s1), numpy.ones(s2)
        raises_like_numpy(lambda: numpy.dot(x, y), lambda: torchnp.dot(T(x), T(y)))
        with pytest.raises(ValueError) as e1:
            torchnp.dot(T(x), T(y))
        with pytest.raises(ValueError) as e2:
            numpy.dot(x, y)
        assert str(e1.value) == str(e2.value)
    x, y = make((2, 2), "float64"), make((2,), "float64")
    out_np = numpy.zeros(2)
    out = torchnp.asarray(numpy.zeros(2))
    assert torchnp.dot(T(x), T(y), out=out) is out
    assert_matches_numpy(out, numpy.dot(x, y, out=out_np))
    for bad in [numpy.zeros(2, numpy.float32), numpy.zeros(3), numpy.zeros((2, 1))]:
        raises_like_numpy(lambda: numpy.dot(x, y, out=bad), lambda: torchnp.dot(T(x), T(y), out=T(bad)))


@pytest.mark.parametrize("dtype", DTYPES)
def test_vdot_inner_outer(dtype):
    x, y = make((2, 3), dtype, 1), make((2, 3), dtype, 2)
    a, b = T(x), T(y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_matches_numpy(torchnp.vdot(a, b), numpy.vdot(x, y), **close(dtype))
        assert_matches_numpy(torchnp.inner(a, b), numpy.inner(x, y), **close(dtype))
        assert_matches_numpy(torchnp.inner(a, T(y[0])), numpy.inner(x, y[0]), **close(dtype))
        assert_matches_numpy(torchnp.inner(T(x[0, 0]), b), numpy.inner(x[0, 0], y), **close(dtype))
        assert_matches_numpy(torchnp.outer(a, b), numpy.outer(x, y))
        assert_matches_numpy(torchnp.outer(a[0], b.T), numpy.outer(x[0], y.T))


def test_vdot_inner_outer_misc():
    c1 = make((4,), "complex128", 1)
    c2 = make((4,), "complex128", 2)
    assert_matches_numpy(torchnp.vdot(T(c1), T(c2)), numpy.vdot(c1, c2))   # conjugates c1
    x = numpy.ones((2, 2))
    raises_like_numpy(lambda: numpy.vdot(x, numpy.ones(3)), lambda: torchnp.vdot(T(x), T(numpy.ones(3))))
    raises_like_numpy(lambda: numpy.inner(x, numpy.ones(3)), lambda: torchnp.inner(T(x), T(numpy.ones(3))))
    assert_matches_numpy(torchnp.outer(T(x), 3), numpy.outer(x, 3))
    out_np = numpy.zeros((4, 2))
    out = torchnp.asarray(numpy.zeros((4, 2)))
    assert torchnp.outer(T(x), [1.0, 2.0], out=out) is out
    assert_matches_numpy(out, numpy.outer(x, [1.0, 2.0], out=out_np))


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint32", "int64", "uint64", "float32", "complex64"])
def test_tensordot_kron(dtype):
    x, y = make((2, 3, 4), dtype, 1), make((3, 4, 5), dtype, 2)
    a, b = T(x), T(y)
    for axes in [2, 0, ([1, 2], [0, 1]), ((2,), (1,)), (1, 0), ([-1], [1])]:
        assert_matches_numpy(torchnp.tensordot(a, b, axes), numpy.tensordot(x, y, axes))
    k1, k2 = make((2, 3), dtype, 3), make((2,), dtype, 4)
    assert_matches_numpy(torchnp.kron(T(k1), T(k2)), numpy.kron(k1, k2))
    assert_matches_numpy(torchnp.kron(T(k2), T(k1)), numpy.kron(k2, k1))
    assert_matches_numpy(torchnp.kron(T(k1).T, T(k1)), numpy.kron(k1.T, k1))


def test_tensordot_kron_mixed_and_errors():
    x, y = make((2, 3), "int8"), make((3, 2), "float32")
    assert_matches_numpy(torchnp.tensordot(T(x), T(y), 1), numpy.tensordot(x, y, 1))
    assert_matches_numpy(torchnp.kron(T(x), T(y)), numpy.kron(x, y))
    raises_like_numpy(lambda: numpy.tensordot(x, x, 1), lambda: torchnp.tensordot(T(x), T(x), 1))
    raises_like_numpy(lambda: numpy.tensordot(x, y, ([0, 1], [0])),
                      lambda: torchnp.tensordot(T(x), T(y), ([0, 1], [0])))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int64", "float32", "float64", "complex128"])
def test_cross(dtype):
    x, y = make((4, 3), dtype, 1), make((4, 3), dtype, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_matches_numpy(torchnp.cross(T(x), T(y)), numpy.cross(x, y))
        assert_matches_numpy(torchnp.cross(T(x), T(y[0])), numpy.cross(x, y[0]))
        assert_matches_numpy(torchnp.cross(T(x.T), T(y.T), axis=0), numpy.cross(x.T, y.T, axis=0))
        assert_matches_numpy(torchnp.cross(T(x), T(y), axisc=0), numpy.cross(x, y, axisc=0))
        assert_matches_numpy(torchnp.cross(T(x[:, :2]), T(y[:, :2])), numpy.cross(x[:, :2], y[:, :2]))
        assert_matches_numpy(torchnp.cross(T(x[:, :2]), T(y)), numpy.cross(x[:, :2], y))
        assert_matches_numpy(torchnp.cross(T(x), T(y[:, :2])), numpy.cross(x, y[:, :2]))


def test_cross_errors():
    raises_like_numpy(lambda: numpy.cross(numpy.ones(3), numpy.ones(4)),
                      lambda: torchnp.cross(T(numpy.ones(3)), T(numpy.ones(4))))
    b = numpy.ones(3, bool)
    raises_like_numpy(lambda: numpy.cross(b, b), lambda: torchnp.cross(T(b), T(b)))
    with pytest.warns(DeprecationWarning):
        torchnp.cross(T(numpy.ones(2)), T(numpy.ones(2)))


@pytest.mark.parametrize("dtype", DTYPES)
def test_trace(dtype):
    x = make((3, 4, 5), dtype)
    a = T(x)
    for kw in [{}, {"offset": 1}, {"offset": -2}, {"offset": 7}, {"axis1": 1, "axis2": 2},
               {"axis1": -1, "axis2": 0, "offset": 1}]:
        assert_matches_numpy(torchnp.trace(a, **kw), numpy.trace(x, **kw), **close(dtype))
        assert_matches_numpy(a.trace(**kw), x.trace(**kw), **close(dtype))
    m = x[0]
    assert_matches_numpy(torchnp.trace(T(m)), numpy.trace(m), **close(dtype))
    assert_matches_numpy(torchnp.trace(T(m).T, 1), numpy.trace(m.T, 1), **close(dtype))
    if numpy.dtype(dtype).kind != "c":
        assert_matches_numpy(torchnp.trace(T(m), dtype="float64"), numpy.trace(m, dtype="float64"))


def test_trace_errors_and_out():
    raises_like_numpy(lambda: numpy.trace(numpy.ones(3)), lambda: torchnp.trace(T(numpy.ones(3))))
    x = numpy.ones((2, 2))
    raises_like_numpy(lambda: numpy.trace(x, axis1=0, axis2=2), lambda: torchnp.trace(T(x), axis1=0, axis2=2))
    raises_like_numpy(lambda: numpy.trace(x, axis1=1, axis2=1), lambda: torchnp.trace(T(x), axis1=1, axis2=1))
    out_np = numpy.zeros(())
    out = torchnp.asarray(numpy.zeros(()))
    assert torchnp.trace(T(x), out=out) is out
    assert_matches_numpy(out, numpy.trace(x, out=out_np))


# ----- integer products without torch's matmul (the CUDA path, run here on the CPU) ---------------

INT_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]


def _wrapping(shape, dtype, seed):
    """Integers spread over the dtype's whole range, so products and sums wrap as in NumPy."""
    info = numpy.iinfo(dtype)
    rng = numpy.random.default_rng(seed)
    return rng.integers(info.min, info.max, shape, dtype=dtype, endpoint=True)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "int32", "int64"])   # compute dtypes
def test_int_matmul_kernel_against_numpy(dtype):
    from torchnp import _kernels
    import torch
    for s1, s2 in [((3, 4), (4, 5)), ((2, 3, 4), (4, 2)), ((2, 1, 3, 4), (5, 4, 2)),
                   ((3, 0), (0, 2)), ((0, 4), (4, 3))]:
        x, y = _wrapping(s1, dtype, 1), _wrapping(s2, dtype, 2)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = numpy.matmul(x, y)
        got = _kernels.int_matmul(torch.from_numpy(x), torch.from_numpy(y))
        assert got.dtype == torch.from_numpy(expected).dtype
        numpy.testing.assert_array_equal(got.numpy(), expected)


def test_int_matmul_kernel_large_k_in_chunks(monkeypatch):
    """K far above the chunk: the products are summed chunk by chunk (bounded memory), and int64
    overflow wraps as NumPy's does."""
    from torchnp import _kernels
    import torch
    monkeypatch.setattr(_kernels, "_PRODUCT_CHUNK", 64)        # 64 // (3 * 2) = 10 per chunk
    x, y = _wrapping((3, 1001), "int64", 3), _wrapping((1001, 2), "int64", 4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = numpy.matmul(x, y)
    got = _kernels.int_matmul(torch.from_numpy(x), torch.from_numpy(y))
    numpy.testing.assert_array_equal(got.numpy(), expected)
    big = numpy.full((1, 4), 2**62, numpy.int64)               # 4 * 2**124 wraps to 0
    numpy.testing.assert_array_equal(
        _kernels.int_matmul(torch.from_numpy(big), torch.from_numpy(big.T.copy())).numpy(),
        numpy.matmul(big, big.T))


@pytest.mark.parametrize("dtype", INT_DTYPES + ["bool"])
def test_products_without_torch_integer_matmul(dtype, monkeypatch):
    """Every product through ``_kernels.int_matmul``, as on CUDA (no integer matmul in torch)."""
    from torchnp import _kernels
    monkeypatch.setattr(_kernels, "_torch_multiplies",
                        lambda t: t.is_floating_point() or t.is_complex())
    monkeypatch.setattr(_kernels, "_PRODUCT_CHUNK", 16)
    make_ = make if dtype == "bool" else _wrapping
    x, y, v = make_((2, 3, 4), dtype, 1), make_((3, 4, 5), dtype, 2), make_((4,), dtype, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for axes in [2, 0, ([1, 2], [0, 1]), ((2,), (1,))]:
            assert_matches_numpy(torchnp.tensordot(T(x), T(y), axes), numpy.tensordot(x, y, axes))
        assert_matches_numpy(torchnp.dot(T(x), T(v)), numpy.dot(x, v))
        assert_matches_numpy(torchnp.dot(T(x[0]), T(y[0])), numpy.dot(x[0], y[0]))
        assert_matches_numpy(torchnp.inner(T(x), T(v)), numpy.inner(x, v))
        assert_matches_numpy(torchnp.matmul(T(x), T(y[0])), numpy.matmul(x, y[0]))
        assert_matches_numpy(torchnp.matmul(T(v), T(y)), numpy.matmul(v, y))
        assert_matches_numpy(torchnp.matmul(T(x), T(v)), numpy.matmul(x, v))
        assert_matches_numpy(torchnp.vecdot(T(x), T(v)), numpy.vecdot(x, v))


def test_int_products_on_meta_have_numpy_shapes():
    """Off the CPU, integer products take ``int_matmul``: on meta tensors it gives the shapes."""
    x = torchnp.ones((2, 3, 4), dtype="int64", device="meta")
    y = torchnp.ones((3, 4, 5), dtype="int64", device="meta")
    assert torchnp.tensordot(x, y, 2).shape == (2, 5)
    assert torchnp.matmul(x, torchnp.ones((4, 6), dtype="int64", device="meta")).shape == (2, 3, 6)
    assert torchnp.dot(x, torchnp.ones(4, dtype="int32", device="meta")).shape == (2, 3)
