"""Array creation against NumPy: from data, from shapes, ranges, copy semantics, zero-copy."""
import itertools
import re

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, to_numpy

ALL_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
              "float16", "float32", "float64", "complex64", "complex128"]
SHAPES = [(), (0,), (3,), (2, 3), (2, 0, 4), (1, 2, 3)]


def exact(actual, expected):
    assert_matches_numpy(actual, expected, rtol=0)


# ----- array / asarray from Python data -----------------------------------------------------------

PY_DATA = [
    1, 1.5, True, 1 + 2j, -0.0, [], [[]], [1, 2, 3], [1, 2.5], [True, False], [True, 2],
    [1, 2j], [[1, 2], [3, 4]], ((1, 2), (3, 4)), [(1, 2), [3, 4.5]], [2**63], [-1, 2**62],
    [float("nan"), float("inf"), -float("inf")], [numpy.float32(1.5), 2], [numpy.int8(1), 2],
    [numpy.float32(1), numpy.float16(2)], numpy.float32(2.5), numpy.int16(-3), numpy.bool_(True),
    [[[1], [2]], [[3], [4]]], [-1, 2**63],
]


@pytest.mark.parametrize("data", PY_DATA, ids=repr)
@pytest.mark.parametrize("func", ["array", "asarray", "asanyarray"])
def test_from_python_data(func, data):
    exact(getattr(torchnp, func)(data), getattr(numpy, func)(data))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("data", [[1, 0, 3], [[1.0, 2.5]], 0, [True]], ids=repr)
def test_from_python_data_with_dtype(data, dtype):
    exact(torchnp.array(data, dtype=dtype), numpy.array(data, dtype=dtype))
    exact(torchnp.asarray(data, dtype=dtype), numpy.asarray(data, dtype=dtype))


@pytest.mark.parametrize("bad", [
    [[1, 2], [3]],                          # ragged
    [2**64],                                # too large for any integer dtype
    [-(2**64)],
    ["a"], "abc", [b"x"], [None], [1, "a"], numpy.array(["a"]),
])
def test_array_errors_like_numpy(bad):
    def np_call():
        res = numpy.array(bad)
        if res.dtype.kind in "OUSV":        # NumPy makes an array torchnp cannot hold
            raise OverflowError if isinstance(bad, list) and all(type(x) is int for x in bad) \
                else TypeError
        return res
    raises_like_numpy(np_call, lambda: torchnp.array(bad))


def test_unsupported_dtypes_name_the_principle():
    for call in [lambda: torchnp.array(["a"]), lambda: torchnp.zeros(3, dtype="M8"),
                 lambda: torchnp.asarray([1], dtype=object), lambda: torchnp.empty(2, dtype="S3"),
                 lambda: torchnp.asarray(numpy.array([1, 2], dtype="m8[s]"))]:
        with pytest.raises(TypeError, match="torchnp does not support"):
            call()


def test_big_python_ints():
    exact(torchnp.array([2**63, 1]), numpy.array([2**63, 1]))
    with pytest.raises(OverflowError):
        torchnp.array([2**64])
    with pytest.raises(OverflowError):
        torchnp.array(-(2**63) - 1)


def test_ndmin_ndmax():
    for data in [1, [1, 2], [[1]]]:
        for ndmin in range(4):
            exact(torchnp.array(data, ndmin=ndmin), numpy.array(data, ndmin=ndmin))
    raises_like_numpy(lambda: numpy.array([[1, 2], [3, 4]], ndmax=1),
                      lambda: torchnp.array([[1, 2], [3, 4]], ndmax=1))
    exact(torchnp.array([[1, 2]], ndmax=2), numpy.array([[1, 2]], ndmax=2))
    for ndmax in (-1, 65, 1.5, True):
        raises_like_numpy(lambda: numpy.array([[1, 2]], ndmax=ndmax),
                          lambda: torchnp.array([[1, 2]], ndmax=ndmax))
    a = torchnp.zeros(3)
    v = torchnp.array(a, copy=False, ndmin=3)
    assert v.shape == (1, 1, 3) and v.base is a


def test_ndarray_offset_strides_checked():
    """Without buffer=, NumPy still checks offset= and strides= (torchnp then refuses strides=)."""
    for kwargs in ({"offset": 1.5}, {"strides": (8,)}, {"strides": 8}, {"strides": (8.0, 8)}):
        raises_like_numpy(lambda: numpy.ndarray((2, 3), **kwargs),
                          lambda: torchnp.ndarray((2, 3), **kwargs))
    assert torchnp.ndarray((2, 3), offset=8).shape == (2, 3)


def test_order_argument():
    x = numpy.arange(6.0).reshape(2, 3)
    for order in "CFAK":
        for src in [x, x.T, x[:, ::2]]:
            r = torchnp.array(src, order=order)
            e = numpy.array(src, order=order)
            exact(r, e)
            assert r.strides == e.strides, (order, r.strides, e.strides)
    raises_like_numpy(lambda: numpy.array([1], order="X"), lambda: torchnp.array([1], order="X"))


# ----- copy= semantics ----------------------------------------------------------------------------

def test_copy_semantics_numpy_input():
    x = numpy.arange(4.0)
    a = torchnp.asarray(x)                 # zero-copy: writes are seen through both
    x[0] = 10
    assert a[0] == 10 if hasattr(a, "__getitem__") else True
    assert to_numpy(a)[0] == 10
    a.tensor[1] = 20
    assert x[1] == 20
    b = torchnp.array(x)                   # copy=True: independent
    x[2] = 30
    assert to_numpy(b)[2] == 2
    c = torchnp.asarray(x, copy=False)
    assert numpy.shares_memory(numpy.asarray(c), x)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray(x, dtype="float32", copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray([1, 2], copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.array(1.5, copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray(x.reshape(2, 2).T, order="C", copy=False)
    y = x.copy()
    y.flags.writeable = False              # shared, and read-only as NumPy's asarray(y) is y
    c = torchnp.asarray(y, copy=False)
    assert numpy.shares_memory(numpy.asarray(c), y) and not c.flags.writeable
    exact(torchnp.asarray(y), y)


def test_copy_semantics_torchnp_and_tensor_input():
    a = torchnp.arange(4)
    assert torchnp.asarray(a) is a
    assert torchnp.asarray(a, dtype="int64") is a
    assert torchnp.array(a, copy=False) is a
    assert torchnp.array(a, copy=None) is a
    b = torchnp.array(a)
    assert b is not a and not numpy.shares_memory(numpy.asarray(b), numpy.asarray(a))
    c = torchnp.asarray(a, copy=True)
    c.tensor[0] = 7
    assert int(a.tensor[0]) == 0
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray(a, dtype="float64", copy=False)
    exact(torchnp.asarray(a, dtype="float32"), numpy.arange(4, dtype="float32"))
    t = torch.arange(3.0)
    d = torchnp.asarray(t)
    t[0] = 5
    assert d.tensor is t and float(d.tensor[0]) == 5
    e = torchnp.array(t)
    t[1] = 6
    assert float(e.tensor[1]) == 1
    assert numpy.shares_memory(numpy.asarray(d), t.numpy())


def test_numpy_asarray_of_torchnp_shares_memory():
    a = torchnp.arange(5.0)
    x = numpy.asarray(a)
    x[0] = 42
    assert float(a.tensor[0]) == 42
    assert numpy.asarray(a, dtype="float32").dtype == numpy.float32
    with pytest.raises(ValueError):
        numpy.asarray(a, dtype="float32", copy=False)
    y = numpy.array(a)                     # copy
    y[1] = -1
    assert float(a.tensor[1]) == 1


def test_from_numpy_arrays_of_every_dtype():
    for dtype in ALL_DTYPES:
        for shape in SHAPES:
            x = numpy.ones(shape, dtype=dtype)
            exact(torchnp.asarray(x), x)
            exact(torchnp.array(x), x)
    x = numpy.arange(12.0).reshape(3, 4)
    for view in [x.T, x[::2], x[:, ::-1], x[::-1, 1:3]]:
        exact(torchnp.asarray(view), view)
    exact(torchnp.asarray(x.astype(">f8")), x)      # byte-swapped: native order
    exact(torchnp.asarray(numpy.array([1.5], dtype=numpy.longdouble)), numpy.array([1.5]))


def test_from_numpy_scalars():
    for s in [numpy.float32(1.5), numpy.int8(-2), numpy.uint64(2**64 - 1), numpy.complex64(1j),
              numpy.bool_(False), numpy.float16(0.1)]:
        exact(torchnp.asarray(s), numpy.asarray(s))
        exact(torchnp.array(s), numpy.array(s))


def test_lists_of_torchnp_arrays_stack():
    a, b = torchnp.arange(3), torchnp.arange(3.0)
    exact(torchnp.array([a, b]), numpy.array([numpy.arange(3), numpy.arange(3.0)]))
    exact(torchnp.array([[a], [a]]), numpy.array([[numpy.arange(3)], [numpy.arange(3)]]))
    exact(torchnp.array([torchnp.array(1, dtype="int8"), 2.5]),
          numpy.array([numpy.array(1, dtype="int8"), 2.5]))
    exact(torchnp.asarray([a, a], dtype="float32"), numpy.ones((2, 3), "float32") *
          numpy.arange(3, dtype="float32"))
    with pytest.raises(ValueError):
        torchnp.array([a, torchnp.arange(4)])
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray([a, a], copy=False)


def test_ascontiguousarray_and_copy():
    x = numpy.arange(6.0).reshape(2, 3)
    for src in [x, x.T, x[:, ::2], numpy.array(1.5)]:
        r = torchnp.ascontiguousarray(src)
        e = numpy.ascontiguousarray(src)
        exact(r, e)
        assert r.flags.c_contiguous and r.strides == e.strides
        for order in "CFAK":
            r, e = torchnp.copy(src, order=order), numpy.copy(src, order=order)
            exact(r, e)
            assert r.strides == e.strides
    exact(torchnp.ascontiguousarray([1, 2], dtype="int8"), numpy.ascontiguousarray([1, 2], "int8"))
    a = torchnp.arange(3)
    assert torchnp.ascontiguousarray(a) is a
    c = torchnp.copy(a)
    c.tensor[0] = 9
    assert int(a.tensor[0]) == 0
    exact(torchnp.copy([1, 2.5]), numpy.copy([1, 2.5]))


def test_copy_function_and_method_read_order_none_as_numpy():
    """``np.copy`` and ``a.copy`` are one implementation; None is 'K' for the function and 'C'
    for the method (and for astype 'K'), as in NumPy."""
    x = numpy.arange(24.0).reshape(2, 3, 4).transpose(2, 0, 1)[:, :, ::2]
    a = torchnp.asarray(x)
    for order in [None, "C", "F", "A", "K", "k", "f"]:
        for r, e in [(torchnp.copy(a, order=order), numpy.copy(x, order=order)),
                     (a.copy(order=order), x.copy(order=order)),
                     (a.astype("float32", order=order), x.astype("float32", order=order))]:
            exact(r, e)
            assert r.strides == e.strides, (order, r.strides, e.strides)
    s = numpy.float64(2.5)
    for r, e in [(torchnp.asarray(x).sum().copy(), x.sum().copy()),
                 (torchnp.copy(s), numpy.copy(s))]:
        assert_matches_numpy(r, e)          # a scalar's copy is a scalar; np.copy's an array


def test_order_errors_are_numpys():
    """One order parser: NumPy's message for a bad order, and for one a function does not take."""
    x = numpy.ones((2, 3))
    a = torchnp.asarray(x)
    calls = [lambda m, o: m.reshape(m.asarray(x) if m is numpy else a, 6, order=o),
             lambda m, o: m.ravel(x if m is numpy else a, order=o),
             lambda m, o: (x if m is numpy else a).flatten(order=o),
             lambda m, o: (x if m is numpy else a).astype("float32", order=o),
             lambda m, o: (x if m is numpy else a).copy(order=o),
             lambda m, o: m.copy(x if m is numpy else a, order=o),
             lambda m, o: m.empty(3, order=o), lambda m, o: m.eye(2, order=o)]
    for call in calls:
        for order in ["K", "k", "A", "x", "CF", "", 5]:
            try:
                call(numpy, order)
            except (TypeError, ValueError) as e:
                with pytest.raises(type(e)) as got:
                    call(torchnp, order)
                assert str(got.value) == str(e)
            else:
                call(torchnp, order)


# ----- from shapes --------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [None] + ALL_DTYPES)
@pytest.mark.parametrize("func", ["zeros", "ones", "empty"])
def test_from_shape(func, dtype):
    for shape in [3, (), (0,), (2, 3), [2, 0, 4], (1, 2, 3), numpy.int64(2), (numpy.int8(2), 3)]:
        r = getattr(torchnp, func)(shape, dtype=dtype)
        e = getattr(numpy, func)(shape, dtype=dtype)
        if func == "empty":
            assert r.shape == e.shape and r.dtype == e.dtype and type(r) is torchnp.ndarray
        else:
            exact(r, e)


@pytest.mark.parametrize("func", ["zeros", "ones", "empty"])
def test_from_shape_order(func):
    for order in "CF":
        r = getattr(torchnp, func)((2, 3, 4), order=order)
        e = getattr(numpy, func)((2, 3, 4), order=order)
        assert r.strides == e.strides and r.flags.f_contiguous == e.flags.f_contiguous
    for order in ["K", "A", "X"]:
        raises_like_numpy(lambda: getattr(numpy, func)(2, order=order),
                          lambda: getattr(torchnp, func)(2, order=order))


@pytest.mark.parametrize("func", ["zeros", "ones", "empty"])
@pytest.mark.parametrize("bad", [-1, (2, -1), 2.5, "a", None, (2, 2.0), True, (True, 2),
                                 numpy.True_, (None,), [[2]], 2**63, (1, 2**63),
                                 numpy.float64(2), (numpy.float64(2),), numpy.array(2.0)],
                         ids=repr)
@pytest.mark.parametrize("order", ["C", "F"])
def test_from_shape_errors(func, bad, order):
    """NumPy's exception and message: torch's own errors for bad shapes never reach the user."""
    with pytest.raises(Exception) as expected:
        getattr(numpy, func)(bad, order=order)
    with pytest.raises(expected.type, match=re.escape(str(expected.value))):
        getattr(torchnp, func)(bad, order=order)


@pytest.mark.parametrize("func", ["zeros", "ones", "empty"])
def test_from_shape_sequences_torch_rejects(func):
    # torch.zeros refuses NumPy arrays as a shape; NumPy takes any sequence of integers
    for shape in [numpy.array([2, 3]), numpy.array(3), [numpy.int16(2)], range(1, 3)]:
        r = getattr(torchnp, func)(shape)
        assert r.shape == getattr(numpy, func)(shape).shape and type(r) is torchnp.ndarray


# Sizes past the 128 TiB a process can map on x86-64/arm64 Linux, so both libraries fail to
# allocate whatever the machine's overcommit policy; past 2**63 - 1 bytes NumPy says "too big".
TOO_BIG = [((2**45,), "float64", "C"), ((2**25, 2**25), "int8", "F"), ((2**50 * 3,), "int8", "C"),
           ((1009 * 2**40,), "uint8", "C"), ((2**60,), "float64", "C"), ((2**40, 2**40), "f4", "C"),
           ((2**62, 4), "complex128", "F")]


@pytest.mark.parametrize("shape,dtype,order", TOO_BIG, ids=repr)
@pytest.mark.parametrize("make", [lambda m, *a, **k: m.zeros(*a, **k),
                                  lambda m, *a, **k: m.ones(*a, **k),
                                  lambda m, *a, **k: m.empty(*a, **k),
                                  lambda m, *a, **k: m.full(*a[:1], 7, *a[1:], **k),
                                  lambda m, *a, **k: m.zeros_like(m.zeros(1), *a[1:], shape=a[0],
                                                                  **k)],
                         ids=["zeros", "ones", "empty", "full", "zeros_like"])
def test_from_shape_too_big(make, shape, dtype, order):
    """NumPy's MemoryError / ValueError and message, not torch's RuntimeError."""
    with pytest.raises((MemoryError, ValueError)) as expected:
        make(numpy, shape, dtype, order=order)
    public = MemoryError if issubclass(expected.type, MemoryError) else expected.type
    assert public in (MemoryError, ValueError)  # NumPy's private _ArrayMemoryError -> MemoryError
    with pytest.raises(public, match=re.escape(str(expected.value))):
        make(torchnp, shape, dtype, order=order)


def test_allocation_size_wording():
    """The size in the MemoryError is worded as NumPy words it, for every unit."""
    from torchnp._core.convert import binary_size as _binary_size
    # NumPy's private formatter is the oracle: the end-to-end test above reaches only TiB and up
    size_to_string = getattr(getattr(numpy._core, "_exceptions", None), "_ArrayMemoryError", None)
    if size_to_string is None:
        pytest.skip("this NumPy moved its private _ArrayMemoryError, the oracle for KiB-GiB sizes")
    size_to_string = size_to_string._size_to_string
    sizes = [0, 1, 1023, 1024, 1025, 10 * 1024 - 3, 100 * 1024 - 30, 2**63 - 1]
    sizes += [int(k * 1024**u) + d for k in (1, 9.995, 9.9949, 99.95, 99.949, 999.5, 999.49, 1000,
                                             1023.5, 1023.49) for u in range(1, 6) for d in (-1, 1)]
    for n in sizes:
        assert _binary_size(n) == size_to_string(n), n


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
@pytest.mark.parametrize("make", [lambda d: torchnp.zeros(3, device=d),
                                  lambda d: torchnp.asarray([1, 2], device=d),
                                  lambda d: torchnp.arange(3, device=d),
                                  lambda d: torchnp.set_default_device(d)])
def test_unavailable_device(make):
    """A device this machine lacks is a ValueError that says so, not torch's AssertionError."""
    for device in ["cuda", torch.device("cuda", 0)]:
        with pytest.raises(ValueError, match="device 'cuda.*' is not available"):
            make(device)
    with pytest.raises(ValueError, match="Device not understood"):
        make("bogus")


@pytest.mark.parametrize("func", ["zeros", "ones", "empty"])
def test_from_shape_bad_dtype(func):
    for bad in ["foo", "M8", "U3", object]:
        raises_like_numpy(lambda: numpy.asarray(getattr(numpy, func)(2, dtype=bad)).astype("?")
                          if numpy.dtype(bad).kind not in "MOU" else (_ for _ in ()).throw(
                              TypeError()),
                          lambda: getattr(torchnp, func)(2, dtype=bad))


@pytest.mark.parametrize("fill", [0, 1, -1, 2.5, True, 1 + 2j, numpy.float32(1.5), numpy.int8(3),
                                  float("nan"), [1, 2, 3], [[1.5], [2.5]]], ids=repr)
def test_full(fill):
    exact(torchnp.full((2, 3), fill), numpy.full((2, 3), fill))
    for dtype in ["float32", "int16", "complex64", "bool"]:
        if isinstance(fill, float) and fill != fill and dtype == "int16":
            continue            # NaN to int is undefined (NumPy warns and writes garbage)
        exact(torchnp.full((2, 3), fill, dtype=dtype), numpy.full((2, 3), fill, dtype=dtype))
    r, e = torchnp.full((2, 3), fill, order="F"), numpy.full((2, 3), fill, order="F")
    exact(r, e)
    assert r.strides == e.strides


def test_full_errors():
    for shape, fill, dtype in [(3, 300, "int8"), (3, -1, "uint8"), ((2, 3), [1, 2], None),
                               (-1, 0, None)]:
        raises_like_numpy(lambda: numpy.full(shape, fill, dtype=dtype),
                          lambda: torchnp.full(shape, fill, dtype=dtype))


LIKE_SOURCES = [numpy.arange(6.0).reshape(2, 3), numpy.arange(6, dtype="int8").reshape(2, 3).T,
                numpy.array(1.5), numpy.zeros((0, 2), "complex64"),
                numpy.arange(12).reshape(3, 4)[::2],
                numpy.arange(24.0).reshape(2, 3, 4).transpose(1, 0, 2)]


@pytest.mark.parametrize("func", ["zeros_like", "ones_like", "empty_like", "full_like"])
@pytest.mark.parametrize("src", LIKE_SOURCES, ids=lambda x: f"{x.dtype}{x.shape}")
def test_like(func, src):
    extra = (7,) if func == "full_like" else ()
    for kwargs in [{}, {"dtype": "float32"}, {"shape": (4,)}, {"shape": 3}, {"order": "C"},
                   {"order": "F"}, {"order": "A"}, {"dtype": "int16", "shape": (2, 2)}]:
        r = getattr(torchnp, func)(torchnp.asarray(src), *extra, **kwargs)
        e = getattr(numpy, func)(src, *extra, **kwargs)
        if func == "empty_like":
            assert r.shape == e.shape and r.dtype == e.dtype
        else:
            exact(r, e)
        if e.size:              # NumPy 2.4 gives new empty arrays all-zero strides; torch does not
            assert r.strides == e.strides, (kwargs, r.strides, e.strides)
    r = getattr(torchnp, func)(src.tolist(), *extra)          # plain lists too
    e = getattr(numpy, func)(src.tolist(), *extra)
    assert r.shape == e.shape and r.dtype == e.dtype


def test_full_like_casting():
    for src, fill in [(numpy.zeros(2, "int64"), 1.5), (numpy.zeros(2, "int8"), 300),
                      (numpy.zeros(2), [1, 2, 3]), (numpy.zeros(3), [1, 2, 3]),
                      (numpy.zeros(2, "uint8"), -1), (numpy.zeros(2, bool), 5)]:
        try:
            e = numpy.full_like(src, fill)
        except Exception:       # noqa: BLE001
            raises_like_numpy(lambda: numpy.full_like(src, fill),
                              lambda: torchnp.full_like(torchnp.asarray(src), fill))
        else:
            exact(torchnp.full_like(torchnp.asarray(src), fill), e)


@pytest.mark.parametrize("dtype", [float, None, "int8", "complex64", "bool", "uint32"])
def test_eye_identity(dtype):
    for n, m, k in itertools.product([0, 1, 3, 4], [None, 0, 2, 5], [-5, -1, 0, 1, 3]):
        exact(torchnp.eye(n, m, k, dtype=dtype), numpy.eye(n, m, k, dtype=dtype))
    for n in [0, 1, 4]:
        exact(torchnp.identity(n, dtype=dtype), numpy.identity(n, dtype=dtype))
    r, e = torchnp.eye(3, 4, order="F"), numpy.eye(3, 4, order="F")
    assert r.strides == e.strides
    for args in [(-1,), (2, -1), (2.0,), (2, 2, 1.5)]:
        raises_like_numpy(lambda: numpy.eye(*args), lambda: torchnp.eye(*args))
    raises_like_numpy(lambda: numpy.identity(2.0), lambda: torchnp.identity(2.0))


# ----- ranges -------------------------------------------------------------------------------------

ARANGE_ARGS = [
    (5,), (0,), (-3,), (5.0,), (1.5,), (True,), (2, 10), (10, 2), (2, 10, 3), (10, 2, -3),
    (0, 1, 0.1), (1, 0, -0.1), (0.5, 5.5, 0.5), (5, 1, -1.5), (0, 10, 100), (-5, 5, 0.3),
    (numpy.int8(5),), (numpy.float32(5),), (numpy.uint8(3), 5), (numpy.int8(3), numpy.int16(5)),
    (numpy.uint64(3),), (numpy.float16(0), 1, 0.25), (1e-300, 2e-300, 1e-301),
    (0, 5j, 1j), (1 + 1j, 5 + 5j, 1 + 1j), (0, 1, 1e-3), (numpy.array(5),), (2**62, 2**62 + 3),
    (2**64 - 3, 2**64 - 1), (1, 1), (3, 4, float("inf")), (0, 1, -float("inf")),
    (0, 10, -1), (10, 0, -3), (-3, 5, 2), (5, 5), (0, -5, -1), (2**53 - 5, 2**53 + 5, 3),
    (-7, 8, 5), (7, -8, -5), (numpy.int64(3), 9, 2), (3, 9, numpy.int32(2)),
]


@pytest.mark.parametrize("args", ARANGE_ARGS, ids=repr)
def test_arange(args):
    exact(torchnp.arange(*args), numpy.arange(*args))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_arange_dtype(dtype):
    for args in [(0, 2), (1,), (0, 10), (-3, 3), (0, 5, 1.5), (300,), (0, 1, 0.1), (10, 0, -2),
                 (0.5, 7), (250, 260), (-3,)]:
        try:
            e = numpy.arange(*args, dtype=dtype)
        except Exception:       # noqa: BLE001
            raises_like_numpy(lambda: numpy.arange(*args, dtype=dtype),
                              lambda: torchnp.arange(*args, dtype=dtype))
        else:
            exact(torchnp.arange(*args, dtype=dtype), e)


def test_arange_torchnp_0d_arguments():
    exact(torchnp.arange(torchnp.asarray(5)), numpy.arange(5))
    exact(torchnp.arange(torchnp.asarray(1.5, dtype="float32"), 4),
          numpy.arange(numpy.float32(1.5), 4))


@pytest.mark.parametrize("args", [
    (0, 10, 0), (float("inf"),), (float("nan"),), (None,), (numpy.array([5]),), (0, 3, None),
    (0, float("inf"), float("inf")), (2**64,), (-(2**70),),
    (0, (1, 2)),
], ids=repr)
def test_arange_errors(args):
    try:
        numpy.arange(*args)
    except Exception:       # noqa: BLE001
        raises_like_numpy(lambda: numpy.arange(*args), lambda: torchnp.arange(*args))
    else:
        exact(torchnp.arange(*args), numpy.arange(*args))
    with pytest.raises(TypeError):
        torchnp.arange()
    with pytest.raises(OverflowError):      # NumPy makes an object array
        torchnp.arange(0, 2**70, 2**69)
    raises_like_numpy(lambda: numpy.arange(3, dtype=bool), lambda: torchnp.arange(3, dtype=bool))


LINSPACE_ARGS = [
    (0, 1), (0, 1, 5), (0, 1, 0), (0, 1, 1), (1, 0, 7), (-2.5, 2.5, 11), (0, 1e-310, 3),
    (numpy.float32(0), 1, 4), (numpy.float16(0), numpy.float16(1), 3), (0, 1 + 1j, 3), (True, 5, 3),
    (numpy.arange(3.0), 10, 4), (0, numpy.array([1.0, 2.0]), 3), (numpy.int8(1), numpy.int8(5), 5),
    (numpy.array([[0.0], [1.0]]), numpy.array([2.0, 3.0, 4.0]), 3), (2**60, 2**61, 4),
]


@pytest.mark.parametrize("args", LINSPACE_ARGS, ids=repr)
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace(args, endpoint):
    np_args = args
    tnp_args = [torchnp.asarray(x) if isinstance(x, numpy.ndarray) else x for x in args]
    r, rs = torchnp.linspace(*tnp_args, endpoint=endpoint, retstep=True)
    e, es = numpy.linspace(*np_args, endpoint=endpoint, retstep=True)
    exact(r, e)
    if type(es) is float:                   # NumPy's nan step for num <= 1 is a Python float
        assert type(rs) is float and rs != rs and es != es
    else:
        exact(rs, es)
    exact(torchnp.linspace(*tnp_args, endpoint=endpoint),
          numpy.linspace(*np_args, endpoint=endpoint))


def test_linspace_dtype_axis():
    for dtype in ["int64", "int8", "uint8", "float32", "complex64", "bool", "float16"]:
        for args in [(0, 10, 4), (-7, 7, 6), (0.5, 9.5, 5)]:
            exact(torchnp.linspace(*args, dtype=dtype), numpy.linspace(*args, dtype=dtype))
    start, stop = numpy.arange(6.0).reshape(2, 3), 10.0
    for axis in [0, 1, 2, -1, -2]:
        exact(torchnp.linspace(torchnp.asarray(start), stop, 4, axis=axis),
              numpy.linspace(start, stop, 4, axis=axis))
    for kwargs in [{"num": -1}, {"num": 2.5}, {"axis": 3}]:
        raises_like_numpy(lambda: numpy.linspace(start, stop, **kwargs),
                          lambda: torchnp.linspace(torchnp.asarray(start), stop, **kwargs))


# ----- torchnp extensions: default float, device, requires_grad -----------------------------------

def test_default_float32():
    with torchnp.default_float("float32"):
        for r in [torchnp.zeros(3), torchnp.ones(2), torchnp.empty(1), torchnp.full(2, 1.5),
                  torchnp.array([1.5]), torchnp.asarray(2.5), torchnp.arange(1.5),
                  torchnp.linspace(0, 1, 3), torchnp.eye(2), torchnp.identity(2),
                  torchnp.arange(0, 1, 0.25), torchnp.zeros(3, dtype=float)]:
            assert r.dtype == numpy.float32, r
        assert torchnp.array([1j]).dtype == numpy.complex64
        assert torchnp.arange(3).dtype == numpy.int64
        assert torchnp.zeros(3, dtype="float64").dtype == numpy.float64
        assert torchnp.asarray(numpy.array([1.5])).dtype == numpy.float64
        assert torchnp.arange(numpy.float64(2)).dtype == numpy.float64
        exact(torchnp.arange(0, 1, 0.25), numpy.arange(0, 1, 0.25, dtype="float32"))
    assert torchnp.zeros(3).dtype == numpy.float64


def test_device_argument():
    cpu = torch.device("cpu")
    for r in [torchnp.zeros(3, device="cpu"), torchnp.ones(3, device=cpu),
              torchnp.full(2, 1, device="cpu"), torchnp.arange(3, device="cpu"),
              torchnp.linspace(0, 1, 3, device="cpu"), torchnp.eye(2, device="cpu"),
              torchnp.array([1], device="cpu"), torchnp.asarray([1], device="cpu"),
              torchnp.zeros_like([1, 2], device="cpu"), torchnp.identity(2, device="cpu")]:
        assert r.device == cpu
    with pytest.raises(ValueError, match="Device not understood"):
        torchnp.zeros(3, device="foo")
    with torchnp.default_device("cpu"):
        assert torchnp.zeros(2).device == cpu
    with pytest.raises(TypeError, match="`like` argument"):     # NumPy's class and words
        torchnp.zeros(3, like=[1])


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_device():
    a = torchnp.arange(6.0, device="cuda").reshape(2, 3)
    assert a.device.type == "cuda"
    assert torchnp.zeros_like(a).device.type == "cuda"
    assert torchnp.asarray(a, device="cpu").device.type == "cpu"
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.asarray(a, device="cpu", copy=False)
    assert torchnp.asarray(a, device="cuda") is a
    with torchnp.default_device("cuda"):
        assert torchnp.zeros(2).device.type == "cuda"
        assert torchnp.array([1.5]).device.type == "cuda"
        assert torchnp.asarray(numpy.ones(2)).device.type == "cuda"
    exact(torchnp.linspace(0, 1, 7, device="cuda"), numpy.linspace(0, 1, 7))
    exact(torchnp.arange(0, 1, 0.1, device="cuda"), numpy.arange(0, 1, 0.1))
    x = numpy.asarray(a)                      # a host copy
    assert x.shape == (2, 3)
    with pytest.raises(ValueError):
        numpy.asarray(a, copy=False)


def test_requires_grad():
    for r in [torchnp.zeros(3, requires_grad=True), torchnp.ones(2, requires_grad=True),
              torchnp.full(2, 1.5, requires_grad=True), torchnp.array([1.5], requires_grad=True),
              torchnp.linspace(0, 1, 3, requires_grad=True), torchnp.eye(2, requires_grad=True),
              torchnp.arange(3.0, requires_grad=True),
              torchnp.zeros_like([1.0], requires_grad=True)]:
        assert r.requires_grad and r.tensor.is_leaf
    with pytest.raises(TypeError):
        torchnp.zeros(3, dtype=int, requires_grad=True)
    t = torch.ones(2)
    a = torchnp.asarray(t, requires_grad=True)
    assert a.requires_grad and not t.requires_grad
    assert not torchnp.zeros(2).requires_grad


def test_signatures_match_numpy():
    import inspect
    extensions = {"device", "requires_grad", "like"}
    for name in ["array", "asarray", "asanyarray", "ascontiguousarray", "zeros", "ones", "empty",
                 "full", "zeros_like", "ones_like", "empty_like", "full_like", "arange",
                 "linspace", "eye", "identity", "copy"]:
        ours = inspect.signature(getattr(torchnp, name)).parameters
        theirs = inspect.signature(getattr(numpy, name)).parameters
        for pname, p in theirs.items():
            assert pname in ours, (name, pname)
            assert ours[pname].kind == p.kind, (name, pname)
            if pname != "dtype":
                assert ours[pname].default == p.default or pname in extensions, (name, pname)
        assert list(ours)[:len(theirs)] == list(theirs) or \
            [n for n in ours if n not in extensions] == [n for n in theirs if n not in extensions]
        for pname in ours:
            if pname not in theirs:
                assert pname in extensions and ours[pname].kind is inspect.Parameter.KEYWORD_ONLY


# ----- building matrices, log ranges, from functions, layouts ------------------------------------

def _both(expr):
    """``expr`` (a lambda of the module) on NumPy and torchnp."""
    return expr(torchnp), expr(numpy)


def _assert_tuple_matches(actual, expected):
    assert type(actual) is type(expected) and len(actual) == len(expected)
    for a, e in zip(actual, expected):
        exact(a, e)


@pytest.mark.parametrize("expr", [
    lambda np: np.diag(np.arange(12).reshape(3, 4), -5),
    lambda np: np.diag([True, False], 2),
    lambda np: np.diagflat([[1.5, 2], [3, 4]], -1),
    lambda np: np.tri(2, -3), lambda np: np.tri(3, 2, 5, dtype=bool),
    lambda np: np.tril(np.arange(24).reshape(2, 3, 4), 1),
    lambda np: np.triu(np.ones((2, 2, 3), np.uint16), -1),
    lambda np: np.tril([1, 2, 3]), lambda np: np.triu([1.5, 2], 1),
    lambda np: np.vander([1, 2, 3], 5, True), lambda np: np.vander([True, False]),
    lambda np: np.vander(np.array([3, 5], np.uint64), 3), lambda np: np.vander([1 + 1j, 2], 0),
    lambda np: np.vander(np.array([1.5, -2], np.float16), 4),
    lambda np: np.logspace(0, 2, 4, endpoint=False, dtype=int),
    lambda np: np.logspace(np.float32(0), np.float32(2), 3),
    lambda np: np.logspace(0, [1, 2], 3, base=[2, 10], axis=1),
    lambda np: np.logspace(0, 1j, 3),
    lambda np: np.geomspace(1, 1000j, 4), lambda np: np.geomspace(-1, 1, 3),
    lambda np: np.geomspace(np.float32(1), 8, 4), lambda np: np.geomspace(1, 8, 4, dtype=int),
    lambda np: np.geomspace([1, 2], [8, 64], 4, axis=1), lambda np: np.geomspace(1, 8, 0),
    lambda np: np.geomspace(1, [8, 64], 4), lambda np: np.geomspace([1, -2], 8, 3, axis=1),
    lambda np: np.fromfunction(lambda i, j: i * 10 + j, (2, 3), dtype=int),
    lambda np: np.fromfunction(lambda i, j, k=1: i + k, (2, 2), k=5),
    lambda np: np.fromiter((x * 1j for x in range(3)), complex),
    lambda np: np.fromiter(range(2), None), lambda np: np.fromiter(range(5), np.float32, 3),
    lambda np: np.asfortranarray(5), lambda np: np.asarray_chkfinite([1, 2], dtype=float),
    lambda np: np.require([[1, 2]], np.float32, ["E", "W", "O", "A"]),
])
def test_matrices_ranges_and_layouts_match_numpy(expr):
    actual, expected = _both(expr)
    assert_matches_numpy(actual, expected, rtol=1e-12 if expected.dtype.kind in "fc" else 0)


@pytest.mark.parametrize("expr", [
    lambda np: np.diag(np.ones((2, 2, 2))), lambda np: np.diag(5), lambda np: np.tril(np.array(5)),
    lambda np: np.vander(np.ones((2, 2))), lambda np: np.vander([1, 2], -1),
    lambda np: np.meshgrid([1], indexing="q"), lambda np: np.logspace(0, 2, -1),
    lambda np: np.geomspace(0, 1), lambda np: np.geomspace(1, [2, 0]),
    lambda np: np.fromfunction(lambda i: i, 4), lambda np: np.fromiter(range(2), int, 5),
    lambda np: np.fromfunction(lambda i, j: i, (3, 2), dtype=bool),
    lambda np: np.geomspace(1, [8, 64], 4, axis=(1, 1)),
    lambda np: np.asarray_chkfinite([1, np.inf]),
    lambda np: np.asarray_chkfinite([1, np.nan], dtype=np.complex64),
    lambda np: np.require([[1, 2]], requirements=["C", "F"]),
    lambda np: np.require([[1, 2]], requirements=["Q"]),
])
def test_matrices_ranges_and_layouts_raise_like_numpy(expr):
    raises_like_numpy(lambda: expr(numpy), lambda: expr(torchnp))


@pytest.mark.parametrize("kwargs", [{}, {"indexing": "ij"}, {"sparse": True}, {"copy": False},
                                    {"sparse": True, "copy": False, "indexing": "ij"}])
@pytest.mark.parametrize("xs", [(), ([1, 2, 3],), ([1, 2, 3], [4.5, 5]),
                                ([1, 2], [3, 4, 5], [True])], ids=repr)
def test_meshgrid_matches_numpy(xs, kwargs):
    _assert_tuple_matches(torchnp.meshgrid(*[torchnp.asarray(x) for x in xs], **kwargs),
                          numpy.meshgrid(*[numpy.asarray(x) for x in xs], **kwargs))


def test_meshgrid_views_without_copy():
    x = torchnp.arange(3)
    g = torchnp.meshgrid(x, torchnp.arange(2), copy=False)
    assert g[0].base is x and torchnp.meshgrid(x, x)[0].base is None


def test_diag_of_2d_is_a_view_and_1d_builds_a_copy():
    a = torchnp.arange(9).reshape(3, 3)
    d = torchnp.diag(a, 1)
    assert not d.flags.writeable and not numpy.diag(numpy.asarray(a), 1).flags.writeable
    d.flags.writeable = True        # allowed, as in NumPy: the base is writeable
    d[0] = 100
    assert int(a[0, 1]) == 100
    v = torchnp.arange(3)
    assert not numpy.shares_memory(numpy.asarray(torchnp.diag(v)), numpy.asarray(v))


def test_triangles_keep_gradients():
    x = torchnp.asarray(numpy.arange(1.0, 10.0).reshape(3, 3), requires_grad=True)
    (torchnp.tril(x).sum() + 2 * torchnp.triu(x, 1).sum()).backward()
    exact(x.grad, numpy.tril(numpy.ones((3, 3))) + 2 * numpy.triu(numpy.ones((3, 3)), 1))


def test_float_defaults_follow_the_setting():
    with torchnp.default_float("float32"):
        assert torchnp.tri(2).dtype == numpy.float32
        assert torchnp.logspace(0, 1, 3).dtype == numpy.float32
        assert torchnp.fromfunction(lambda i: i, (2,)).dtype == numpy.float32
        assert torchnp.fromiter(range(2), float).dtype == numpy.float32


def test_creation_of_matrices_honours_device():
    meta = "meta"
    assert torchnp.tri(2, device=meta).tensor.device.type == meta
    assert torchnp.fromfunction(lambda i: i, (2,), device=meta).tensor.device.type == meta


def test_layout_requirements():
    f = torchnp.asfortranarray(numpy.arange(6).reshape(2, 3))
    assert f.flags.f_contiguous and not f.flags.c_contiguous
    assert torchnp.asfortranarray(f) is f
    c = torchnp.require(f, requirements="C")
    assert c.flags.c_contiguous
    exact(c, numpy.arange(6).reshape(2, 3))
    assert torchnp.require(f, requirements="F") is f


def test_unsupported_dtypes_raise_type_error():
    with pytest.raises(TypeError):
        torchnp.fromiter(range(2), "U2")
