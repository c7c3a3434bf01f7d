"""ndarray attributes and Python protocols against NumPy's on the same data."""
import copy
import operator
import pickle

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, to_numpy

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def views(x):
    """NumPy views of ``x`` and the torch ops giving the same views of its tensor."""
    yield x, lambda t: t
    if x.ndim >= 1 and x.shape[0] > 1:
        yield x[::2], lambda t: t[::2]
        yield x[1:], lambda t: t[1:]
    if x.ndim >= 2:
        yield x.T, lambda t: t.permute(*reversed(range(t.ndim)))
        yield x[:, ::3], lambda t: t[:, ::3]
        yield x[1:, :2], lambda t: t[1:, :2]
    if x.ndim >= 2 and x.shape[1] > 1:
        yield x[:, 1], lambda t: t[:, 1]
    if x.ndim == 3:
        yield x.transpose(1, 0, 2)[::2], lambda t: t.permute(1, 0, 2)[::2]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(), (0,), (5,), (4, 6), (2, 0, 3), (3, 4, 5), (1, 1)], ids=str)
def test_attributes(dtype, shape):
    x = numpy.ones(shape, dtype=dtype)
    a = torchnp.asarray(x)
    for xv, tv in views(x):
        av = torchnp.asarray(tv(a.tensor))
        assert av.shape == xv.shape and type(av.shape) is tuple
        assert av.ndim == xv.ndim and type(av.ndim) is int
        assert av.size == xv.size and type(av.size) is int
        assert av.dtype == xv.dtype and isinstance(av.dtype, numpy.dtype)
        assert av.itemsize == xv.itemsize
        assert av.nbytes == xv.nbytes
        if xv.size:             # NumPy 2.4 gives new empty arrays all-zero strides
            assert av.strides == xv.strides, (av.strides, xv.strides)
        assert av.flags.c_contiguous == xv.flags.c_contiguous
        assert av.flags.f_contiguous == xv.flags.f_contiguous
        assert av.device == torch.device("cpu")


def test_transpose_attributes():
    x = numpy.arange(24.0).reshape(2, 3, 4)
    a = torchnp.asarray(x)
    assert_matches_numpy(a.T, x.T)
    assert a.T.strides == x.T.strides
    assert_matches_numpy(a.mT, x.mT)
    assert a.mT.strides == x.mT.strides
    for y in [numpy.arange(3.0), numpy.array(2.0)]:
        b = torchnp.asarray(y)
        assert_matches_numpy(b.T, y.T)
        assert b.T is not b and b.T.base is b           # a view of itself, as NumPy
        raises_like_numpy(lambda: y.mT, lambda: b.mT)
    with pytest.raises(ValueError, match="matrix transpose with ndim < 2 is undefined"):
        torchnp.arange(3).mT


def test_base_and_owndata():
    a = torchnp.zeros((3, 4))
    assert a.base is None and a.flags.owndata
    v = a.T
    assert v.base is a and not v.flags.owndata
    assert v.T.base is a                                # base is the owner, as NumPy
    assert torchnp.array(a).base is None


def test_flags_object():
    x = numpy.arange(12.0).reshape(3, 4)
    for xv in [x, x.T, x[:, ::2], x[:1], numpy.array(1.0), numpy.zeros((0, 3))]:
        a = torchnp.array(xv, copy=False) if xv.flags.writeable else torchnp.asarray(xv)
        f = a.flags
        for key in ["C_CONTIGUOUS", "C", "CONTIGUOUS", "F_CONTIGUOUS", "F", "FORTRAN", "ALIGNED",
                    "A", "WRITEABLE", "W", "WRITEBACKIFCOPY", "X", "FNC", "FORC", "BEHAVED", "B",
                    "CARRAY", "CA", "FARRAY", "FA"]:
            assert f[key] == xv.flags[key], key
        for attr in ["c_contiguous", "f_contiguous", "contiguous", "fortran", "aligned",
                     "writeable", "writebackifcopy", "fnc", "forc", "behaved", "carray", "farray"]:
            assert getattr(f, attr) == getattr(xv.flags, attr), attr
    assert repr(torchnp.zeros((2, 3)).flags) == repr(numpy.zeros((2, 3)).flags)
    with pytest.raises(KeyError):
        torchnp.zeros(2).flags["BOGUS"]
    f = torchnp.zeros(2).flags
    f.writeable = True
    f.writeable = False                     # read-only arrays: tests/test_readonly.py
    assert not f.writeable and not f["W"]


def test_data_attribute():
    a = torchnp.arange(4, dtype="int32")
    m = a.data
    assert isinstance(m, memoryview) and m.tolist() == [0, 1, 2, 3] and m.format == "i"


# ----- Python protocols ---------------------------------------------------------------------------

PROTOCOL_VALUES = [numpy.array(1.5), numpy.array(-2, "int8"), numpy.array(True),
                   numpy.array(1 + 2j), numpy.array(3, "uint64"), numpy.array(0.0, "float16"),
                   numpy.array([7]), numpy.array([[1.5]]), numpy.array([1, 2]), numpy.array([]),
                   numpy.array(float("nan")), numpy.array(float("inf")),
                   numpy.array(2**63, "uint64"),
                   numpy.zeros((2, 0))]


@pytest.mark.parametrize("x", PROTOCOL_VALUES, ids=lambda x: f"{x.dtype}{x.shape}")
@pytest.mark.parametrize("func", [bool, float, int, complex, len, operator.index],
                         ids=lambda f: f.__name__)
def test_protocols(func, x):
    a = torchnp.asarray(x)
    try:
        expected = func(x)
    except Exception:       # noqa: BLE001
        raises_like_numpy(lambda: func(x), lambda: func(a))
        return
    actual = func(a)
    assert type(actual) is type(expected)
    assert actual == expected or (actual != actual and expected != expected)


def test_protocol_messages():
    with pytest.raises(ValueError, match="more than one element is ambiguous"):
        bool(torchnp.zeros(2))
    with pytest.raises(ValueError, match="empty array is ambiguous"):
        bool(torchnp.zeros(0))
    with pytest.raises(TypeError, match="len\\(\\) of unsized object"):
        len(torchnp.asarray(1))
    with pytest.raises(TypeError, match="only integer scalar arrays"):
        operator.index(torchnp.asarray(1.0))
    with pytest.raises(TypeError, match="only 0-dimensional arrays"):
        float(torchnp.zeros(1))
    assert [10, 20, 30][torchnp.asarray(1)] == 20


def test_contains():
    x = numpy.arange(6).reshape(2, 3)
    a = torchnp.asarray(x)
    for v in [0, 5, 6, -1, 2.0, 2.5, [0, 1, 2], [3, 4, 5], [9, 9, 9]]:
        assert (v in a) == (v in x), v
    raises_like_numpy(lambda: [1, 2] in x, lambda: [1, 2] in a)


def test_array_protocol_dtype_and_copy():
    a = torchnp.arange(3.0)
    x = a.__array__()
    assert isinstance(x, numpy.ndarray) and numpy.shares_memory(x, a.tensor.numpy())
    y = a.__array__(copy=True)
    assert not numpy.shares_memory(y, a.tensor.numpy())
    z = a.__array__(numpy.float32)
    assert z.dtype == numpy.float32
    with pytest.raises(ValueError):
        a.__array__(numpy.float32, copy=False)
    g = torchnp.zeros(2, requires_grad=True)
    assert numpy.asarray(g).tolist() == [0.0, 0.0]
    c = torchnp.asarray(torch.tensor([1 + 2j]).conj())       # lazily conjugated tensor
    assert numpy.asarray(c).tolist() == [1 - 2j]
    with pytest.raises(ValueError):
        c.__array__(copy=False)


@pytest.mark.parametrize("dtype", DTYPES)
def test_numpy_functions_accept_torchnp_arrays(dtype):
    x = numpy.arange(6).astype(dtype).reshape(2, 3)
    a = torchnp.asarray(x)
    numpy.testing.assert_array_equal(numpy.asarray(a), x)
    assert numpy.asarray(a).dtype == x.dtype


def test_pickle_and_copy():
    for x in [numpy.arange(6.0).reshape(2, 3), numpy.array(1 + 2j), numpy.zeros((0, 2), "int8"),
              numpy.arange(12, dtype="uint16").reshape(3, 4).T]:
        a = torchnp.asarray(x)
        b = pickle.loads(pickle.dumps(a))
        assert type(b) is torchnp.ndarray
        assert_matches_numpy(b, x)
        for c in [copy.copy(a), copy.deepcopy(a)]:
            assert_matches_numpy(c, x)
            if x.size:
                assert not numpy.shares_memory(numpy.asarray(c), numpy.asarray(a))


def test_ndarray_constructor():
    a = torchnp.ndarray((2, 3))
    assert a.shape == (2, 3) and a.dtype == numpy.float64
    b = torchnp.ndarray((2, 3), dtype="int8", order="F")
    assert b.strides == numpy.ndarray((2, 3), dtype="int8", order="F").strides
    buf = numpy.arange(6, dtype="int64")
    c = torchnp.ndarray((2,), dtype="int64", buffer=buf, offset=8, strides=(16,))
    e = numpy.ndarray((2,), dtype="int64", buffer=buf, offset=8, strides=(16,))
    assert_matches_numpy(c, e)
    buf[1] = 100                     # the buffer's memory is shared
    assert int(c.tensor[0]) == 100
    src = torchnp.arange(4.0)
    d = torchnp.ndarray((2,), buffer=src, offset=16)
    assert to_numpy(d).tolist() == [2.0, 3.0]
    raises_like_numpy(lambda: numpy.ndarray((-1,)), lambda: torchnp.ndarray((-1,)))
    raises_like_numpy(lambda: numpy.ndarray((10,), buffer=buf),
                      lambda: torchnp.ndarray((10,), buffer=buf))
    with pytest.raises(TypeError, match="torchnp does not support"):
        torchnp.ndarray(2, dtype="U2")
