"""Array manipulation against NumPy: shapes, views, casts, joining, splitting, rearranging."""
import copy as pycopy
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import (DTYPES, assert_matches_numpy, raises_like_numpy, raises_with_numpys_message,
                     to_numpy)



def make(shape, dtype, seed=0):
    """A NumPy array of ``shape`` with varied values representable in ``dtype``."""
    rng = numpy.random.default_rng(seed)
    n = int(numpy.prod(shape))
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind == "u":
        x = rng.integers(0, 200, n).astype(dt)
        if dt.itemsize == 8 and n:
            x[0] = numpy.uint64(2**63 + 7)
    elif dt.kind == "i":
        x = rng.integers(-100, 100, n).astype(dt)
    elif dt.kind == "f":
        x = (rng.standard_normal(n) * 10).astype(dt)
    else:
        x = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return x.reshape(shape)


def T(x):
    """The torchnp array for NumPy array ``x`` (it shares memory with ``x``)."""
    return torchnp.asarray(x)


def shares(r, a):
    """Whether torchnp array ``r`` shares memory with ``a``."""
    return r.tensor.untyped_storage().data_ptr() == a.tensor.untyped_storage().data_ptr()


def check_view(r, a, expected_view):
    assert shares(r, a) == expected_view
    if expected_view:        # .base is the array that owns the memory, as in NumPy
        assert r.base is (a if a.base is None else a.base)


SHAPES = [(), (0,), (5,), (2, 3), (2, 3, 4), (3, 0, 2)]


# ----- reshape, shape setter, ravel, flatten -------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_reshape_ravel_flatten_all_dtypes(dtype):
    x = make((2, 3, 4), dtype)
    a = T(x)
    for shape in [(24,), (4, 6), (-1, 3), (2, -1, 2), (6, 4)]:
        r = a.reshape(shape)
        assert_matches_numpy(r, x.reshape(shape))
        check_view(r, a, True)
        assert_matches_numpy(torchnp.reshape(a, shape), numpy.reshape(x, shape))
    assert_matches_numpy(a.reshape(4, 6), x.reshape(4, 6))
    assert_matches_numpy(a.reshape(4, 6, order="F"), x.reshape(4, 6, order="F"))
    for order in "CFAK":
        assert_matches_numpy(a.ravel(order), x.ravel(order))
        f = a.flatten(order)
        assert_matches_numpy(f, x.flatten(order))
        assert not shares(f, a)
    check_view(a.ravel(), a, True)


def test_reshape_non_contiguous_copies():
    x = make((3, 4), "float64")
    a = T(x)
    at = a.T
    r = at.reshape(12)
    assert_matches_numpy(r, x.T.reshape(12))
    assert not shares(r, a) and r.base is None
    assert_matches_numpy(at.ravel(), x.T.ravel())
    assert not shares(at.ravel(), a)
    assert_matches_numpy(at.ravel("F"), x.T.ravel("F"))
    check_view(at.ravel("F"), at, True)
    check_view(at.ravel("K"), at, True)
    assert_matches_numpy(at.ravel("K"), x.T.ravel("K"))
    s = a[:, ::2]
    assert_matches_numpy(s.reshape(6), x[:, ::2].reshape(6))
    assert_matches_numpy(torchnp.reshape(at, (2, 6), copy=True), numpy.reshape(x.T, (2, 6), copy=True))
    raises_like_numpy(lambda: x.T.reshape(12, copy=False), lambda: at.reshape(12, copy=False))
    c = a.reshape((3, 4), copy=True)
    assert not shares(c, a)


@pytest.mark.parametrize("shape", SHAPES)
def test_reshape_shapes(shape):
    x = make(shape, "int32")
    a = T(x)
    n = x.size
    assert_matches_numpy(a.reshape(-1), x.reshape(-1))
    assert_matches_numpy(a.reshape(n), x.reshape(n))
    assert_matches_numpy(a.reshape((1, n, 1)), x.reshape((1, n, 1)))
    if n == 1:
        assert_matches_numpy(a.reshape(()), x.reshape(()))


def test_reshape_errors():
    x = numpy.arange(6.0)
    a = T(x)
    for shape in [(4,), (4, 2), (5, -1), (-1, 4), (-1, -1), (4, -1, 3)]:
        raises_like_numpy(lambda: x.reshape(shape), lambda: a.reshape(shape))
        try:
            a.reshape(shape)
        except ValueError as e:
            with pytest.raises(ValueError) as ne:
                x.reshape(shape)
            assert str(e) == str(ne.value)
    raises_like_numpy(lambda: x.reshape(2, 3, order="X"), lambda: a.reshape(2, 3, order="X"))
    raises_like_numpy(lambda: numpy.zeros(0).reshape(-1, 0), lambda: T(numpy.zeros(0)).reshape(-1, 0))


_BOOL_SHAPES = [
    "m.arange(12).reshape(True, 12)", "m.arange(12).reshape((2, True, 6))",
    "m.arange(12).reshape([True, 12])", "m.reshape(m.arange(12), (True, 12))",
    "m.arange(1).reshape(True)", "m.arange(1).reshape(numpy.bool_(True))",
    "m.broadcast_to(m.ones(1), (True,))", "m.broadcast_to(m.ones(1), True)",
    "m.resize(m.ones(2), (True,))", "m.resize(m.ones(2), True)",
    "m.broadcast_shapes((True, 4))", "m.broadcast_shapes(True)",
]


@pytest.mark.parametrize("code", _BOOL_SHAPES)
def test_bools_are_not_sizes(code):
    """torch takes True as the size 1; NumPy raises TypeError, with its message."""
    with pytest.raises(TypeError) as expected:
        eval(code, {"m": numpy, "numpy": numpy})
    with pytest.raises(TypeError) as got:
        eval(code, {"m": torchnp, "numpy": numpy})
    assert str(got.value) == str(expected.value)


def test_tile_takes_bools_as_ints():
    for reps in (True, (True, 2)):
        assert_matches_numpy(torchnp.tile(T(numpy.ones(2)), reps), numpy.tile(numpy.ones(2), reps))


def test_shape_setter():
    x = numpy.arange(12.0)
    a = torchnp.asarray(x.copy())
    t_before = a.tensor
    a.shape = (3, 4)
    assert a.shape == (3, 4)
    assert a.tensor.data_ptr() == t_before.data_ptr()
    a.shape = (-1, 6)
    assert a.shape == (2, 6)
    a.shape = 12
    assert a.shape == (12,)
    b = a.reshape(3, 4).T
    with pytest.raises(AttributeError, match="Incompatible shape for in-place modification"):
        b.shape = (12,)
    with pytest.raises(ValueError, match="cannot reshape array of size 12 into shape"):
        a.shape = (5,)
    x2 = numpy.arange(12.0).reshape(3, 4).T
    with pytest.raises(AttributeError):
        x2.shape = (12,)


# ----- shape queries ------------------------------------------------------------------------------

def test_shape_ndim_size():
    x = make((2, 3, 4), "float32")
    a = T(x)
    assert torchnp.shape(a) == numpy.shape(x)
    assert torchnp.shape([[1, 2]]) == numpy.shape([[1, 2]])
    assert torchnp.ndim(a) == 3 and torchnp.ndim(5) == 0
    assert torchnp.size(a) == 24 and torchnp.size(a, 1) == 3 and torchnp.size(a, (0, 2)) == 8
    assert type(torchnp.size(a)) is int


# ----- transposes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_transpose_family(dtype):
    x = make((2, 3, 4), dtype)
    a = T(x)
    for r, e in [(a.T, x.T), (a.mT, x.mT), (a.transpose(), x.transpose()),
                 (a.transpose(1, 0, 2), x.transpose(1, 0, 2)),
                 (a.transpose((2, 0, 1)), x.transpose((2, 0, 1))),
                 (a.transpose([2, 0, 1]), x.transpose([2, 0, 1])),
                 (torchnp.transpose(a), numpy.transpose(x)),
                 (torchnp.transpose(a, (0, 2, 1)), numpy.transpose(x, (0, 2, 1))),
                 (torchnp.permute_dims(a, (1, 2, 0)), numpy.permute_dims(x, (1, 2, 0))),
                 (torchnp.matrix_transpose(a), numpy.matrix_transpose(x)),
                 (a.swapaxes(0, 2), x.swapaxes(0, 2)), (torchnp.swapaxes(a, -1, 0), numpy.swapaxes(x, -1, 0)),
                 (torchnp.moveaxis(a, 0, -1), numpy.moveaxis(x, 0, -1)),
                 (torchnp.moveaxis(a, [0, 1], [-1, -2]), numpy.moveaxis(x, [0, 1], [-1, -2])),
                 (torchnp.rollaxis(a, 2), numpy.rollaxis(x, 2)),
                 (torchnp.rollaxis(a, 0, 3), numpy.rollaxis(x, 0, 3)),
                 (torchnp.rollaxis(a, 1, 1), numpy.rollaxis(x, 1, 1))]:
        assert_matches_numpy(r, e)
        check_view(r, a, True)


def test_transpose_small_and_errors():
    for shape in [(), (5,)]:
        x = make(shape, "int64")
        assert_matches_numpy(T(x).T, x.T)
        raises_like_numpy(lambda: x.mT, lambda: T(x).mT)
    x = make((2, 3), "float64")
    a = T(x)
    raises_like_numpy(lambda: x.transpose(0, 0), lambda: a.transpose(0, 0))
    raises_like_numpy(lambda: x.transpose(0), lambda: a.transpose(0))
    raises_like_numpy(lambda: x.transpose(0, 2), lambda: a.transpose(0, 2))
    raises_like_numpy(lambda: numpy.transpose(x, (1,)), lambda: torchnp.transpose(a, (1,)))
    raises_like_numpy(lambda: x.swapaxes(0, 3), lambda: a.swapaxes(0, 3))
    raises_like_numpy(lambda: numpy.moveaxis(x, [0, 1], [0]), lambda: torchnp.moveaxis(a, [0, 1], [0]))
    raises_like_numpy(lambda: numpy.rollaxis(x, 0, 5), lambda: torchnp.rollaxis(a, 0, 5))
    assert_matches_numpy(T(x)[:, ::2].T, x[:, ::2].T)


# ----- squeeze, expand_dims, atleast --------------------------------------------------------------

def test_squeeze_expand_dims():
    x = make((1, 3, 1, 2), "uint16")
    a = T(x)
    for r, e in [(a.squeeze(), x.squeeze()), (a.squeeze(0), x.squeeze(0)),
                 (torchnp.squeeze(a, (0, 2)), numpy.squeeze(x, (0, 2))),
                 (torchnp.squeeze(a, -2), numpy.squeeze(x, -2)),
                 (torchnp.expand_dims(a, 0), numpy.expand_dims(x, 0)),
                 (torchnp.expand_dims(a, (0, -1)), numpy.expand_dims(x, (0, -1))),
                 (torchnp.expand_dims(a, (1, 3)), numpy.expand_dims(x, (1, 3)))]:
        assert_matches_numpy(r, e)
        check_view(r, a, True)
    raises_like_numpy(lambda: x.squeeze(1), lambda: a.squeeze(1))
    raises_like_numpy(lambda: x.squeeze(4), lambda: a.squeeze(4))
    raises_like_numpy(lambda: numpy.expand_dims(x, 5), lambda: torchnp.expand_dims(a, 5))
    raises_like_numpy(lambda: numpy.expand_dims(x, (0, 0)), lambda: torchnp.expand_dims(a, (0, 0)))
    s = make((), "float32")
    assert_matches_numpy(T(s).squeeze(), s.squeeze())
    assert_matches_numpy(torchnp.expand_dims(T(s), 0), numpy.expand_dims(s, 0))


def test_atleast():
    for shape in [(), (3,), (2, 3), (2, 3, 4)]:
        x = make(shape, "complex64")
        for name in ["atleast_1d", "atleast_2d", "atleast_3d"]:
            assert_matches_numpy(getattr(torchnp, name)(T(x)), getattr(numpy, name)(x))
    r = torchnp.atleast_1d(1, [2, 3])
    e = numpy.atleast_1d(1, [2, 3])
    assert_matches_numpy(r, e)
    a = T(make((3,), "int8"))
    check_view(torchnp.atleast_2d(a), a, True)


# ----- astype, copy, view, fill, item, tolist -----------------------------------------------------

@pytest.mark.parametrize("src", DTYPES)
def test_astype_all_pairs(src):
    x = make((2, 3), src)
    if numpy.dtype(src).kind == "f":
        x = numpy.abs(x)            # negative float -> unsigned is undefined in NumPy's C casts
    a = T(x)
    for dst in DTYPES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            e = x.astype(dst)
            r = a.astype(dst)
        assert_matches_numpy(r, e)
        assert not shares(r, a)
        for casting in ["no", "equiv", "safe", "same_kind"]:
            if numpy.can_cast(x.dtype, dst, casting):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")        # uint64 -> float16 overflows to inf
                    e = x.astype(dst, casting=casting)
                assert_matches_numpy(a.astype(dst, casting=casting), e)
            else:
                raises_like_numpy(lambda: x.astype(dst, casting=casting),
                                  lambda: a.astype(dst, casting=casting))


def test_astype_details():
    x = make((2, 3), "float64")
    a = T(x)
    assert a.astype("float64", copy=False) is a
    assert a.astype("float32", copy=False) is not a
    with pytest.raises(TypeError) as e:
        a.astype(numpy.int64, casting="safe")
    assert str(e.value) == ("Cannot cast array data from dtype('float64') to dtype('int64') "
                            "according to the rule 'safe'")
    c = T(make((3,), "complex128"))
    with pytest.warns(torchnp.ComplexWarning):
        r = c.astype(numpy.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_matches_numpy(r, to_numpy(c).astype(numpy.float64))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_matches_numpy(c.astype(bool), to_numpy(c).astype(bool))
    f = a.astype(numpy.float32, order="F")
    assert f.strides == x.astype(numpy.float32, order="F").strides
    assert_matches_numpy(torchnp.astype(a, numpy.int32), numpy.astype(x, numpy.int32))
    assert torchnp.astype(a, numpy.float64, copy=False) is a
    raises_like_numpy(lambda: numpy.astype([1], numpy.int32), lambda: torchnp.astype([1], numpy.int32))
    # float -> uint of negative values wraps like NumPy's C casts (through int64)
    neg = numpy.array([-1.0, -2.0, 3.0])
    for dst in ["uint8", "uint16", "uint64"]:
        assert_matches_numpy(T(neg).astype(dst), neg.astype(dst))


def test_copy_and_layout():
    x = make((3, 4), "int16")
    a = T(x)
    for order in "CFAK":
        r = a.copy(order)
        assert_matches_numpy(r, x.copy(order))
        assert r.strides == x.copy(order).strides
        assert not shares(r, a)
    at = a.T
    assert at.copy("K").strides == x.T.copy("K").strides
    assert at.copy("A").strides == x.T.copy("A").strides
    assert_matches_numpy(pycopy.copy(a), pycopy.copy(x))
    assert_matches_numpy(pycopy.deepcopy(a), pycopy.deepcopy(x))
    assert not shares(pycopy.copy(a), a)


def test_view_dtype():
    x = make((2, 4), "float64")
    a = T(x)
    for dt in ["int64", "uint64", "int32", "uint8", "float32", "complex128", "int16"]:
        if dt == "complex128":
            r, e = a.view(dt), x.view(dt)
        else:
            r, e = a.view(dt), x.view(dt)
        assert_matches_numpy(r, e)
        check_view(r, a, True)
    r = a.view()
    assert_matches_numpy(r, x.view())
    check_view(r, a, True)
    assert_matches_numpy(a.view(torchnp.ndarray), x)
    b = T(make((4,), "bool"))
    assert_matches_numpy(b.view(numpy.uint8), to_numpy(b).view(numpy.uint8))
    for bad_x, dt in [(x.T, "int32"), (x[:, ::2], "int32"), (numpy.zeros(3, numpy.int8), "int16"),
                      (numpy.zeros((), numpy.int8), "int16"), (numpy.zeros((), numpy.int64), "int32")]:
        raises_like_numpy(lambda: bad_x.view(dt), lambda: T(bad_x).view(dt))


@pytest.mark.parametrize("dtype", DTYPES)
def test_fill(dtype):
    x = make((2, 3), dtype)
    a = torchnp.asarray(x.copy())
    for v in [True, 1, 0, 2.5, numpy.float32(3.0), numpy.int8(5)]:
        e = x.copy()
        e.fill(v)
        a.fill(v)
        assert_matches_numpy(a, e)
    if numpy.dtype(dtype).kind == "c":
        a.fill(1 + 2j)
        e.fill(1 + 2j)
        assert_matches_numpy(a, e)


def test_fill_errors():
    for dtype, v in [("uint8", 300), ("uint8", -1), ("int8", 128), ("float64", 1 + 2j),
                     ("int32", 1j)]:
        x = numpy.zeros(3, dtype)
        a = T(x.copy())
        raises_like_numpy(lambda: x.copy().fill(v), lambda: a.fill(v))


@pytest.mark.parametrize("dtype", DTYPES)
def test_item_tolist(dtype):
    x = make((2, 3), dtype)
    a = T(x)
    for args in [(0,), (5,), (-1,), (1, 2), ((1, 0),), (-1, -1)]:
        r, e = a.item(*args), x.item(*args)
        assert r == e and type(r) is type(e)
    assert a.tolist() == x.tolist()
    assert [type(v) for v in a.tolist()[0]] == [type(v) for v in x.tolist()[0]]
    s = make((), dtype)
    assert T(s).item() == s.item() and type(T(s).item()) is type(s.item())
    assert T(s).tolist() == s.tolist() and type(T(s).tolist()) is type(s.tolist())
    assert T(make((0, 2), dtype)).tolist() == []
    assert a.T.tolist() == x.T.tolist()


def test_item_errors():
    x = numpy.arange(6.0).reshape(2, 3)
    a = T(x)
    for args in [(), (7,), (-7,), (1, 5), (2, 0), (1, 1, 1)]:
        raises_like_numpy(lambda: x.item(*args), lambda: a.item(*args))


# ----- repeat, tile, resize -----------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_repeat_tile_resize(dtype):
    x = make((2, 3), dtype)
    a = T(x)
    assert_matches_numpy(a.repeat(2), x.repeat(2))
    assert_matches_numpy(torchnp.repeat(a, 2, axis=1), numpy.repeat(x, 2, axis=1))
    assert_matches_numpy(torchnp.repeat(a, [1, 0, 3], axis=1), numpy.repeat(x, [1, 0, 3], axis=1))
    assert_matches_numpy(torchnp.repeat(a, [2], axis=0), numpy.repeat(x, [2], axis=0))
    for reps in [2, (2, 1), (1, 2, 2), ()]:
        assert_matches_numpy(torchnp.tile(a, reps), numpy.tile(x, reps))
    for shape in [(7,), (3, 4), (0,), 5]:
        assert_matches_numpy(torchnp.resize(a, shape), numpy.resize(x, shape))


def test_repeat_tile_errors():
    x = numpy.ones(3)
    a = T(x)
    for reps in [-1, [1, 2], [1, -1, 1]]:
        raises_like_numpy(lambda: numpy.repeat(x, reps), lambda: torchnp.repeat(a, reps))
    raises_like_numpy(lambda: numpy.repeat(x, 1, axis=1), lambda: torchnp.repeat(a, 1, axis=1))
    raises_like_numpy(lambda: numpy.tile(x, -1), lambda: torchnp.tile(a, -1))
    raises_like_numpy(lambda: numpy.resize(x, (-1,)), lambda: torchnp.resize(a, (-1,)))
    assert_matches_numpy(torchnp.repeat(T(numpy.float64(2.0)), 3), numpy.repeat(numpy.float64(2.0), 3))


# ----- joining ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_concatenate_family(dtype):
    x, y = make((2, 3), dtype, 1), make((2, 3), dtype, 2)
    a, b = T(x), T(y)
    for axis in [0, 1, -1, None]:
        assert_matches_numpy(torchnp.concatenate([a, b], axis=axis),
                             numpy.concatenate([x, y], axis=axis))
    assert_matches_numpy(torchnp.concat((a, b), axis=1), numpy.concat((x, y), axis=1))
    for axis in [0, 1, 2, -1]:
        assert_matches_numpy(torchnp.stack([a, b], axis=axis), numpy.stack([x, y], axis=axis))
    for name in ["vstack", "hstack", "dstack", "column_stack"]:
        assert_matches_numpy(getattr(torchnp, name)([a, b]), getattr(numpy, name)([x, y]))
        v1, v2 = make((3,), dtype, 3), make((3,), dtype, 4)
        assert_matches_numpy(getattr(torchnp, name)([T(v1), T(v2)]), getattr(numpy, name)([v1, v2]))
    assert_matches_numpy(torchnp.append(a, b), numpy.append(x, y))
    assert_matches_numpy(torchnp.append(a, b, axis=0), numpy.append(x, y, axis=0))
    assert_matches_numpy(torchnp.unstack(a), numpy.unstack(x))
    assert_matches_numpy(torchnp.unstack(a, axis=1), numpy.unstack(x, axis=1))


def test_concatenate_promotion_dtype_out():
    pairs = [("int8", "uint8"), ("int32", "float32"), ("bool", "int16"), ("float16", "complex64"),
             ("uint64", "int64"), ("uint16", "int8")]
    for d1, d2 in pairs:
        x, y = make((2,), d1), make((3,), d2)
        assert_matches_numpy(torchnp.concatenate([T(x), T(y)]), numpy.concatenate([x, y]))
        assert_matches_numpy(torchnp.stack([T(x), T(make((2,), d2))]), numpy.stack([x, make((2,), d2)]))
    x, y = make((2,), "float64"), make((3,), "int32")
    assert_matches_numpy(torchnp.concatenate([T(x), T(y)], dtype="float32"),
                         numpy.concatenate([x, y], dtype="float32"))
    raises_like_numpy(lambda: numpy.concatenate([x, y], dtype=int),
                      lambda: torchnp.concatenate([T(x), T(y)], dtype=int))
    assert_matches_numpy(torchnp.concatenate([T(x), T(y)], dtype=int, casting="unsafe"),
                         numpy.concatenate([x, y], dtype=int, casting="unsafe"))
    out_np = numpy.zeros(5)
    out = torchnp.asarray(numpy.zeros(5))
    r = torchnp.concatenate([T(x), T(y)], out=out)
    assert r is out
    assert_matches_numpy(out, numpy.concatenate([x, y], out=out_np))
    raises_like_numpy(lambda: numpy.concatenate([x, y], out=numpy.zeros(5, int)),
                      lambda: torchnp.concatenate([T(x), T(y)], out=T(numpy.zeros(5, int))))
    raises_like_numpy(lambda: numpy.concatenate([x, y], out=numpy.zeros(4)),
                      lambda: torchnp.concatenate([T(x), T(y)], out=T(numpy.zeros(4))))
    raises_like_numpy(lambda: numpy.concatenate([x], out=numpy.zeros(2), dtype=int),
                      lambda: torchnp.concatenate([T(x)], out=T(numpy.zeros(2)), dtype=int))
    assert_matches_numpy(torchnp.concatenate([[1, 2], [3]]), numpy.concatenate([[1, 2], [3]]))


def test_concatenate_errors():
    cases = [[numpy.ones(3), numpy.ones((2, 2))], [numpy.ones((3, 2)), numpy.ones((2, 3))],
             [], [numpy.ones(()), numpy.ones(())]]
    for arrs in cases:
        raises_like_numpy(lambda: numpy.concatenate(arrs),
                          lambda: torchnp.concatenate([T(x) for x in arrs]))
    raises_like_numpy(lambda: numpy.concatenate([numpy.ones(2)], axis=1),
                      lambda: torchnp.concatenate([T(numpy.ones(2))], axis=1))
    raises_like_numpy(lambda: numpy.stack([numpy.ones(3), numpy.ones(2)]),
                      lambda: torchnp.stack([T(numpy.ones(3)), T(numpy.ones(2))]))
    raises_like_numpy(lambda: numpy.stack([]), lambda: torchnp.stack([]))
    raises_like_numpy(lambda: numpy.unstack(numpy.ones(())), lambda: torchnp.unstack(T(numpy.ones(()))))


# ----- splitting ----------------------------------------------------------------------------------

def test_split_family():
    x = make((6, 4, 2), "float32")
    a = T(x)
    cases = [("split", (3,), {}), ("split", ([1, 4],), {}), ("split", ([5, 1],), {}),
             ("split", (2,), {"axis": 1}), ("array_split", (4,), {}),
             ("array_split", (3,), {"axis": -1}), ("array_split", ([2, 10],), {}),
             ("hsplit", (2,), {}), ("vsplit", (3,), {}), ("dsplit", (2,), {}),
             ("dsplit", ([1],), {})]
    for name, args, kw in cases:
        r = getattr(torchnp, name)(a, *args, **kw)
        e = getattr(numpy, name)(x, *args, **kw)
        assert isinstance(r, list) and len(r) == len(e)
        for ri, ei in zip(r, e):
            assert_matches_numpy(ri, ei)
            check_view(ri, a, True)
    v = make((5,), "uint8")
    assert_matches_numpy(tuple(torchnp.hsplit(T(v), [2])), tuple(numpy.hsplit(v, [2])))
    for name, args in [("split", (4,)), ("array_split", (0,)), ("hsplit", (5,))]:
        raises_like_numpy(lambda: getattr(numpy, name)(x, *args), lambda: getattr(torchnp, name)(a, *args))
    raises_like_numpy(lambda: numpy.hsplit(numpy.ones(()), 1), lambda: torchnp.hsplit(T(numpy.ones(())), 1))
    raises_like_numpy(lambda: numpy.vsplit(numpy.ones(3), 1), lambda: torchnp.vsplit(T(numpy.ones(3)), 1))
    raises_like_numpy(lambda: numpy.dsplit(numpy.ones((3, 3)), 1),
                      lambda: torchnp.dsplit(T(numpy.ones((3, 3))), 1))


# ----- broadcasting -------------------------------------------------------------------------------

def test_broadcasting():
    x = make((3, 1), "int64")
    a = T(x)
    r = torchnp.broadcast_to(a, (2, 3, 4))
    assert_matches_numpy(r, numpy.broadcast_to(x, (2, 3, 4)))
    check_view(r, a, True)
    assert torchnp.broadcast_shapes((3, 1), (4,), ()) == numpy.broadcast_shapes((3, 1), (4,), ())
    assert torchnp.broadcast_shapes(5, (1,)) == numpy.broadcast_shapes(5, (1,))
    y = make((4,), "float32")
    r = torchnp.broadcast_arrays(a, T(y))
    e = numpy.broadcast_arrays(x, y)
    assert isinstance(r, tuple)
    assert_matches_numpy(r, e)
    for bad in [lambda m, t: m.broadcast_to(t(numpy.ones(3)), (2, 2)),
                lambda m, t: m.broadcast_to(t(numpy.ones(3)), (-1,)),
                lambda m, t: m.broadcast_arrays(t(numpy.ones(3)), t(numpy.ones(2))),
                lambda m, t: m.broadcast_shapes((3,), (2,))]:
        raises_like_numpy(lambda: bad(numpy, numpy.asarray), lambda: bad(torchnp, T))
    with pytest.raises(ValueError) as e1:
        torchnp.broadcast_shapes((3,), (2,))
    with pytest.raises(ValueError) as e2:
        numpy.broadcast_shapes((3,), (2,))
    assert str(e1.value) == str(e2.value)


# ----- flipping, rolling, rotating ----------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_flip_roll_rot90(dtype):
    x = make((2, 3, 4), dtype)
    a = T(x)
    for axis in [None, 0, 1, -1, (0, 2)]:
        assert_matches_numpy(torchnp.flip(a, axis), numpy.flip(x, axis))
    assert_matches_numpy(torchnp.fliplr(a), numpy.fliplr(x))
    assert_matches_numpy(torchnp.flipud(a), numpy.flipud(x))
    for shift, axis in [(1, None), (-2, None), (1, 0), (5, -1), ((1, 2), (0, 1)), (1, (0, 2)),
                        ((1, -1), 1)]:
        assert_matches_numpy(torchnp.roll(a, shift, axis), numpy.roll(x, shift, axis))
    for k in range(-1, 5):
        assert_matches_numpy(torchnp.rot90(a, k), numpy.rot90(x, k))
        assert_matches_numpy(torchnp.rot90(a, k, axes=(2, 0)), numpy.rot90(x, k, axes=(2, 0)))


def test_flip_copy_and_errors():
    x = make((2, 3), "float64")
    a = T(x)
    # Differences from NumPy: flip returns a copy (torch has no negative strides).
    assert not shares(torchnp.flip(a), a)
    raises_like_numpy(lambda: numpy.flip(x, 2), lambda: torchnp.flip(a, 2))
    raises_like_numpy(lambda: numpy.fliplr(numpy.ones(3)), lambda: torchnp.fliplr(T(numpy.ones(3))))
    raises_like_numpy(lambda: numpy.flipud(numpy.ones(())), lambda: torchnp.flipud(T(numpy.ones(()))))
    for axes in [(0, 0), (0,), (0, 3), (1, -1)]:
        raises_like_numpy(lambda: numpy.rot90(x, axes=axes), lambda: torchnp.rot90(a, axes=axes))
    assert_matches_numpy(torchnp.roll(T(numpy.ones(0)), 2), numpy.roll(numpy.ones(0), 2))
    assert_matches_numpy(torchnp.roll(T(numpy.float32(1)), 2), numpy.roll(numpy.float32(1), 2))


# ----- copyto, delete, trim_zeros -----------------------------------------------------------------

def test_copyto():
    x = make((2, 3), "float64")
    d_np = numpy.zeros((2, 3))
    d = torchnp.asarray(numpy.zeros((2, 3)))
    numpy.copyto(d_np, x)
    torchnp.copyto(d, T(x))
    assert_matches_numpy(d, d_np)
    numpy.copyto(d_np, make((3,), "int32"), where=numpy.array([True, False, True]))
    torchnp.copyto(d, T(make((3,), "int32")), where=T(numpy.array([True, False, True])))
    assert_matches_numpy(d, d_np)
    numpy.copyto(d_np, 7)
    torchnp.copyto(d, 7)
    assert_matches_numpy(d, d_np)
    di = numpy.zeros(2, int)
    for src in [numpy.zeros(2), 1.5]:
        raises_like_numpy(lambda: numpy.copyto(di, src),
                          lambda: torchnp.copyto(T(di.copy()), T(src) if isinstance(src, numpy.ndarray) else src))
    raises_like_numpy(lambda: numpy.copyto(numpy.zeros(2, numpy.int8), 300),
                      lambda: torchnp.copyto(T(numpy.zeros(2, numpy.int8)), 300))
    raises_like_numpy(lambda: numpy.copyto([1, 2], numpy.zeros(2)),
                      lambda: torchnp.copyto([1, 2], T(numpy.zeros(2))))
    raises_like_numpy(lambda: numpy.copyto(numpy.zeros(2), numpy.zeros(3)),
                      lambda: torchnp.copyto(T(numpy.zeros(2)), T(numpy.zeros(3))))


def test_delete_trim_zeros():
    x = make((4, 5), "int32")
    a = T(x)
    for obj, axis in [(1, None), ([0, 2], 1), (slice(1, 3), 0), (-1, 0),
                      (numpy.array([True, False, True, False]), 0)]:
        o = T(obj) if isinstance(obj, numpy.ndarray) else obj
        assert_matches_numpy(torchnp.delete(a, o, axis), numpy.delete(x, obj, axis))
    raises_like_numpy(lambda: numpy.delete(x, 7, 0), lambda: torchnp.delete(a, 7, 0))
    f = numpy.array([0, 0, 1, 2, 0, 3, 0])
    for trim in ["fb", "f", "b"]:
        assert_matches_numpy(torchnp.trim_zeros(T(f), trim), numpy.trim_zeros(f, trim))
    assert_matches_numpy(torchnp.trim_zeros(T(numpy.zeros(3))), numpy.trim_zeros(numpy.zeros(3)))
    m = numpy.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
    assert_matches_numpy(torchnp.trim_zeros(T(m)), numpy.trim_zeros(m))


# ----- autograd through views and torch dtypes ----------------------------------------------------

def test_views_write_through():
    x = numpy.arange(6.0)
    a = torchnp.asarray(x.copy())
    v = a.reshape(2, 3).T
    v.tensor[0, 1] = 100.0
    assert a.tensor[3].item() == 100.0
    s = torchnp.split(a, 2)[1]
    s.tensor[0] = -1.0
    assert a.tensor[3].item() == -1.0
    assert torch.equal(torchnp.ravel(a).tensor, a.tensor)


@pytest.mark.parametrize("dtype", ["int64", "uint16", "float32", "bool", "complex64", "uint64"])
def test_insert(dtype):
    x = make((2, 3), dtype)
    a = T(x)
    cases = [(2, 9, None), ([1, 3], [7, 8], None), (1, [7, 8], 1), ([1], [[7], [8]], 1), (1, 5, 0),
             (slice(1, 3), [7, 8], None), ([3, 1, 1], [7, 8, 9], None), ([], [], None),
             (-1, 4, 1), (numpy.array([True, False, True]), 1, 1)]
    for obj, vals, axis in cases:
        o = T(obj) if isinstance(obj, numpy.ndarray) else obj
        assert_matches_numpy(torchnp.insert(a, o, vals, axis), numpy.insert(x, obj, vals, axis))
    raises_like_numpy(lambda: numpy.insert(x, 9, 1), lambda: torchnp.insert(a, 9, 1))
    raises_like_numpy(lambda: numpy.insert(x, [[1]], 1), lambda: torchnp.insert(a, [[1]], 1))


def test_method_call_forms():
    x = make((2, 3), "float32")
    a = T(x)
    raises_like_numpy(lambda: x.reshape(), lambda: a.reshape())
    assert_matches_numpy(a.reshape([3, 2]), x.reshape([3, 2]))
    assert_matches_numpy(a.transpose(None), x.transpose(None))
    assert_matches_numpy(a.squeeze(), x.squeeze())
    assert_matches_numpy(a.repeat([1, 2], axis=0), x.repeat([1, 2], axis=0))
    assert_matches_numpy(a.swapaxes(1, 0), x.swapaxes(1, 0))
    assert_matches_numpy(a.astype("int8"), x.astype("int8"))


def test_broadcast_views_are_read_only_like_numpy():
    """Writes into a broadcast view raise NumPy's ValueError (torch would write through aliases)."""
    n = numpy.broadcast_to(numpy.arange(3.0), (3, 3))
    b = torchnp.broadcast_to(torchnp.arange(3.0), (3, 3))
    writes = [
        (lambda x: x.__setitem__((0, 0), 1), "assignment destination is read-only"),
        (lambda x: x.fill(2), "assignment destination is read-only"),
        (lambda m, x: m.copyto(x, 1.0), "assignment destination is read-only"),
        (lambda m, x: m.add(x, 1, out=x), "output array is read-only"),
    ]
    for write, message in writes:
        if write.__code__.co_argcount == 2:
            calls = (lambda w=write: w(numpy, n), lambda w=write: w(torchnp, b))
        else:
            calls = (lambda w=write: w(n), lambda w=write: w(b))
        with pytest.raises(ValueError, match=message):
            calls[0]()
        with pytest.raises(ValueError, match=message):
            calls[1]()
    assert (to_numpy(b) == n).all()


# ----- regressions for differences the fuzzer found (tests/test_fuzz.py) --------------------------

def _write_like_numpy(make, write):
    """``write(np, target)`` on ``make(np)`` in both libraries: the same target, or NumPy's class
    of exception (casting warnings ignored: their values are compared instead)."""
    e, a = make(numpy), make(torchnp)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            write(numpy, e)
        except Exception:       # noqa: BLE001 - the class is compared
            raises_like_numpy(lambda: write(numpy, make(numpy)), lambda: write(torchnp, a))
            return
        write(torchnp, a)
    assert_matches_numpy(a, e)


_FILL_VALUES = [numpy.array([1.0]), [1.0, 2.0], [1.0], (1.0,), [], [[]], numpy.zeros((1, 1)),
                numpy.array(1.0), numpy.array(-2.5), -2.5, 2.5, -0.5, 300.0, -200.0, 1e300,
                float("nan"), float("inf"), 2**63, 2**64 - 1, -1, 1j, numpy.float64(-2.5),
                numpy.float64(300.0), numpy.complex64(numpy.inf), numpy.int64(300)]


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int64", "uint64", "float16",
                                   "float64", "complex64"])
def test_fill_takes_one_item_as_numpy(dtype):
    """fill converts its value as one item of setitem: a sequence of any length is NumPy's
    ValueError, and a Python float into an integer array is range-checked (OverflowError)."""
    for v in _FILL_VALUES:
        _write_like_numpy(lambda np: np.zeros(3, dtype), lambda np, x, v=v: x.fill(v))


_COPYTO_CASES = {
    "unsafe float into uint8": (lambda np: np.zeros(2, np.uint8), -2.5, {"casting": "unsafe"}),
    "unsafe 300.0 into uint8": (lambda np: np.zeros(2, np.uint8), 300.0, {"casting": "unsafe"}),
    "unsafe complex into float": (lambda np: np.zeros(2), 1 + 2j, {"casting": "unsafe"}),
    "1e300 into float16": (lambda np: np.zeros(2, np.float16), 1e300, {}),
    "2**70 into float32": (lambda np: np.zeros(2, np.float32), 2**70, {}),
    "uint64 max": (lambda np: np.zeros(2, np.uint64), 2**64 - 1, {}),
    "leading 1s into 0-d": (lambda np: np.array(0.0), lambda np: np.ones(1), {}),
    "leading 1s": (lambda np: np.zeros(2), lambda np: np.ones((1, 1, 2)), {}),
    "leading 2": (lambda np: np.zeros(2), lambda np: np.ones((2, 1, 2)), {}),
    "where does not broadcast": (lambda np: np.zeros((1, 2)), 0,
                                 {"where": lambda np: np.ones((2, 2), bool)}),
    "where with leading 1s": (lambda np: np.zeros(2), lambda np: np.ones((1, 2)),
                              {"where": lambda np: np.ones((1, 2), bool)}),
    "source checked before where": (lambda np: np.zeros((1, 2)), lambda np: np.ones(3),
                                    {"where": lambda np: np.ones(3, bool)}),
    "where of ints": (lambda np: np.zeros(2), 1.0, {"where": lambda np: np.ones(2, int)}),
}


@pytest.mark.parametrize("name", list(_COPYTO_CASES))
def test_copyto_scalars_broadcasting_and_where_as_numpy(name):
    make, src, kw = _COPYTO_CASES[name]

    def write(np, dst):
        s = src(np) if callable(src) else src
        np.copyto(dst, s, **{k: v(np) if callable(v) else v for k, v in kw.items()})
    _write_like_numpy(make, write)


def test_copyto_overlapping_source_is_buffered():
    for view in (lambda x: x.T, lambda x: x[::-1], lambda x: x[:, 1:2]):
        e, a = numpy.arange(4.0).reshape(2, 2), torchnp.arange(4.0).reshape(2, 2)
        numpy.copyto(e, view(e))
        torchnp.copyto(a, view(a))
        assert_matches_numpy(a, e)
    e, a = numpy.arange(4.0), torchnp.arange(4.0)
    numpy.copyto(e[1:], e[:-1])
    torchnp.copyto(a[1:], a[:-1])
    assert_matches_numpy(a, e)


def test_copyto_onto_itself_returns_before_the_read_only_check():
    """NumPy's copy of an array onto itself returns first, so a read-only one raises nothing
    (found by the long fuzz run); casting= is still checked, and another source still raises."""
    for shape in [(2,), (0,)]:
        e = numpy.broadcast_to(numpy.array(False), shape)
        a = torchnp.broadcast_to(torchnp.asarray(numpy.array(False)), shape)
        assert numpy.copyto(e, e) is None and torchnp.copyto(a, a) is None
        raises_with_numpys_message(lambda: numpy.copyto(e, e.copy()),
                                   lambda: torchnp.copyto(a, a.copy()))
        raises_with_numpys_message(lambda: numpy.copyto(e, e, casting="bad"),
                                   lambda: torchnp.copyto(a, a, casting="bad"))


@pytest.mark.parametrize("dtype", ["uint8", "bool", "float64"])
def test_copyto_a_read_only_array_reads_the_source_first(dtype):
    """NumPy checks casting= and reads a Python int (its OverflowError, and 'equiv''s TypeError)
    before it refuses a read-only destination; a float's casting error comes after (found by
    the long fuzz run)."""
    for src, kw in [(-1, {}), (300, {}), (2**64, {}), (1.5, {}), (5, {}), (5, {"casting": "equiv"}),
                    (2**63, {"casting": "equiv"}), (1, {"casting": "bad"})]:
        raises_with_numpys_message(
            lambda: numpy.copyto(numpy.broadcast_to(numpy.zeros(1, dtype), (2,)), src, **kw),
            lambda: torchnp.copyto(torchnp.broadcast_to(torchnp.zeros(1, dtype), (2,)), src,
                                   **kw))


def test_copyto_onto_itself_ignores_the_mask_as_numpy():
    """NumPy returns before it looks at the mask when the source is the destination's data."""
    for shape, mask in (((1, 0), (2, 0)), ((1, 2), (3,))):
        e, a = numpy.zeros(shape), torchnp.zeros(shape)
        numpy.copyto(e, e, where=numpy.ones(mask, bool))
        torchnp.copyto(a, a, where=torchnp.ones(mask, bool))
        assert_matches_numpy(a, e)
    e, a = numpy.zeros((1, 2)), torchnp.zeros((1, 2))
    raises_like_numpy(lambda: numpy.copyto(e, e.reshape(2), where=numpy.ones(3, bool)),
                      lambda: torchnp.copyto(a, a.reshape(2), where=torchnp.ones(3, bool)))


def _ravel_inputs(np):
    base = np.arange(48.0).reshape(2, 4, 6)
    return [base, base[0:1, ::2], base[:, 0], base[..., ::2], base.transpose(2, 0, 1),
            base.transpose(1, 0, 2), base[:, 1:2], base[1:2, 1:2], base[..., 0:0],
            base.T[:, ::2], np.array(3.0), np.broadcast_to(np.arange(3.0), (2, 3)),
            np.broadcast_to(np.arange(3.0).reshape(3, 1), (3, 2)).T]


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_ravel_is_a_view_exactly_when_numpy_s_is(order):
    for e, a in zip(_ravel_inputs(numpy), _ravel_inputs(torchnp)):
        re, ra = e.ravel(order), a.ravel(order)
        assert_matches_numpy(ra, re)
        assert_matches_numpy(a.flatten(order), e.flatten(order))
        view = numpy.shares_memory(re, e)
        assert ra.tensor.untyped_storage().data_ptr() == \
            a.tensor.untyped_storage().data_ptr() if view and e.size else True
        if not view and a.size:
            ra[...] = -1                       # a copy: the input is unchanged
            assert_matches_numpy(a, e)


def test_squeeze_of_a_0d_array_takes_axis_0_and_minus_1():
    for axis in (0, -1, numpy.int64(0), (), None, (0,), 1, -2, (0, 0)):
        e, a = numpy.array(1.5), torchnp.array(1.5)
        try:
            r = numpy.squeeze(e, axis=axis)
        except Exception:       # noqa: BLE001 - the class is compared
            raises_like_numpy(lambda: numpy.squeeze(e, axis=axis),
                              lambda: torchnp.squeeze(a, axis=axis))
            continue
        assert_matches_numpy(torchnp.squeeze(a, axis=axis), r)
        assert (torchnp.squeeze(a, axis=axis) is a) == (r is e)
    e, a = numpy.ones((2, 3)), torchnp.ones((2, 3))
    assert (torchnp.squeeze(a) is a) == (numpy.squeeze(e) is e)


@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_copyto_python_scalar_casting_rules(casting):
    """A Python scalar is weak except under 'equiv', which compares the dtype NumPy gives it."""
    for dtype in ["bool", "int8", "int64", "uint64", "float16", "float64", "complex64",
                  "complex128"]:
        # an int the dtype does not take by kind is an int64 first: 2**63 overflows before
        # the casting check (found by the long fuzz run)
        for v in [0, 300, 0.5, 1j, True, 2**63, 2**64 - 1, -2**63 - 1]:
            _write_like_numpy(lambda np: np.zeros(2, dtype),
                              lambda np, x, v=v: np.copyto(x, v, casting=casting))


def test_shape_messages_are_numpys():
    """Shapes in messages are written as NumPy writes them, ``(4,5)`` and ``(3,)`` (one helper,
    ``convert.shape_text``), and reshape's ``(2,newaxis)`` for an unknown dimension."""
    x = numpy.ones((2, 3))
    calls = [lambda m: m.full((2, 3), m.ones((4, 5))),
             lambda m: m.insert(m.ones((2, 3)), 0, m.ones((4, 5)), axis=1),
             lambda m: m.sum(m.ones((3, 4)), where=m.ones(2, bool)),
             lambda m: m.arange(5).reshape(7), lambda m: m.arange(5).reshape(-1, 2),
             lambda m: m.arange(5).reshape(3, -1, 2), lambda m: m.arange(5).reshape(2, 2),
             lambda m: m.ones((2, 3)).__setitem__(m.array([0, 1]), m.ones((3, 2))),
             lambda m: m.ones((2, 3)).__setitem__((slice(None),), m.ones(4)),
             lambda m: m.copyto(m.ones((2, 3)), 1, where=m.ones(4, bool)),
             lambda m: m.broadcast_to(m.ones(3), (2, 2)),
             lambda m: m.dot(m.asarray(x), m.asarray(x)),
             lambda m: m.matmul(m.ones((2, 3, 4)), m.ones((5, 4, 2)))]
    for call in calls:
        with pytest.raises(ValueError) as expected:
            call(numpy)
        with pytest.raises(ValueError) as got:
            call(torchnp)
        assert str(got.value) == str(expected.value)


# ----- block, row_stack, pad, functional tools, bit packing --------------------------------------

def _matches(expr):
    e, a = _run_quietly(expr, numpy), _run_quietly(expr, torchnp)
    assert_matches_numpy(a, e)


def _run_quietly(expr, module):
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return expr(module)


_A = [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize("expr", [
    lambda np: np.block([[np.eye(2), np.zeros((2, 3))], [np.ones((1, 2)), np.full((1, 3), 7.)]]),
    lambda np: np.block([1, 2, np.array([3, 4])]), lambda np: np.block(5),
    lambda np: np.block([np.array([1], np.int8), 2.5]),
    lambda np: np.block([[np.arange(3)], [np.arange(3.)]]),
    lambda np: np.row_stack(([1, 2], [3.5, 4])),
    lambda np: np.pad(np.arange(5), 2), lambda np: np.pad(np.array(_A), [[1], [2]]),
    lambda np: np.pad(np.array(_A), 1, constant_values=2.7),
    lambda np: np.pad(np.arange(4), np.array([1, 2])),
    lambda np: np.pad(np.array(_A), (1, 2), constant_values=(7, 9)),
    lambda np: np.pad(np.arange(6.).reshape(2, 3), 2, mode="linear_ramp",
                      end_values=((1, 2), (3, 4))),
    lambda np: np.pad(np.array([1 + 2j, 3]), 2, mode="linear_ramp", end_values=1j),
    lambda np: np.pad(np.arange(5), (2, 3), mode="mean"),
    lambda np: np.pad(np.arange(5), (2, 3), mode="mean", stat_length=0),
    lambda np: np.pad(np.array([1, 2, 4, 8]), 2, mode="median", stat_length=3),
    lambda np: np.pad(np.array([1., np.nan, 3]), 2, mode="median"),
    lambda np: np.pad(np.array([3 + 1j, 1, 2j]), 1, mode="median"),
    lambda np: np.pad(np.array([1, 2], np.float32), 1, mode="mean"),
    lambda np: np.pad(np.arange(5), (7, 9), mode="reflect", reflect_type="odd"),
    lambda np: np.pad(np.arange(5), (7, 9), mode="symmetric", reflect_type="odd"),
    lambda np: np.pad(np.arange(5, dtype=np.uint8), 2, mode="reflect", reflect_type="odd"),
    lambda np: np.pad(np.array([3]), 4, mode="reflect"),
    lambda np: np.pad(np.array([1, 2]), 5, mode="reflect"),
    lambda np: np.pad(np.arange(12).reshape(3, 4), ((4, 5), (6, 2)), mode="wrap"),
    lambda np: np.pad(np.array([True, False]), 2, mode="wrap"),
    lambda np: np.pad(np.zeros((0, 3)), ((0, 0), (1, 1)), mode="edge"),
    lambda np: np.pad(np.zeros((0, 3)), 1), lambda np: np.pad(np.array(5), 0),
    lambda np: np.pad(np.arange(6.).reshape(2, 3), (1, 2), lambda v, w, ax, kw: None),
    lambda np: np.packbits(np.array(1), axis=0), lambda np: np.packbits(np.array([[True] * 9] * 2)),
    lambda np: np.packbits(np.zeros((2, 0), np.int8), axis=1),
    lambda np: np.unpackbits(np.array([3], np.uint8), count=10),
    lambda np: np.unpackbits(np.array([3], np.uint8), count=-3, bitorder="little"),
    lambda np: np.unpackbits(np.array(3, np.uint8)),
    lambda np: np.unpackbits(np.array([[3, 255], [128, 7]], np.uint8), count=0),
    lambda np: np.apply_along_axis(lambda v: v.sum(), 0, np.arange(12).reshape(3, 4)),
    lambda np: np.apply_along_axis(lambda v: np.outer(v, v), -1, np.arange(12).reshape(3, 4)),
    lambda np: np.apply_over_axes(lambda a, ax: a.sum(ax), np.arange(24).reshape(2, 3, 4), [0, 2]),
    lambda np: np.piecewise(np.array(-3.0), [True], [lambda x: -x]),
    lambda np: np.piecewise(np.arange(5), np.arange(5) > 2, [lambda x: x * 3]),
    lambda np: np.piecewise(np.arange(5), [[True, False, True, False, True]],
                            [lambda x, k: x + k, 7], 10),
    lambda np: np.piecewise(np.arange(5.), [np.arange(5) > 9], [lambda x: x / 0]),
])
def test_block_pad_and_tools_match_numpy(expr):
    _matches(expr)


@pytest.mark.parametrize("expr", [
    lambda np: np.block([[1, 2], [3, [4]]]), lambda np: np.block([[1, 2], []]),
    lambda np: np.block([]), lambda np: np.block((1, 2)), lambda np: np.block([[1], (3, 4)]),
    lambda np: np.block([np.ones((2, 2)), np.ones(3)]),
    lambda np: np.pad(np.arange(5), 2.5), lambda np: np.pad(np.arange(5), -1),
    lambda np: np.pad(np.arange(3), np.uint8(2)), lambda np: np.pad(np.arange(3), True),
    lambda np: np.pad(np.arange(5), ((1, 2), (3, 4))),
    lambda np: np.pad(np.arange(4), [[[1, 2]]]),
    lambda np: np.pad(np.arange(5), (2, 3), mode="maximum", stat_length=0),
    lambda np: np.pad(np.zeros((0, 3)), ((1, 0), (1, 1)), mode="edge"),
    lambda np: np.pad(np.arange(5), 2, mode="bogus"),
    lambda np: np.pad(np.arange(5), 2, mode="edge", constant_values=3),
    lambda np: np.packbits(np.array([1.5])), lambda np: np.packbits([1, 0], bitorder="x"),
    lambda np: np.packbits([1, 0], bitorder=3), lambda np: np.packbits(np.ones((2, 2)), axis=2),
    lambda np: np.packbits([]), lambda np: np.unpackbits(np.array([1])),
    lambda np: np.unpackbits(np.array([3], np.uint8), count=-9),
    lambda np: np.unpackbits(np.array([3], np.uint8), count=2.5),
    lambda np: np.apply_along_axis(lambda v: v, 1, np.zeros((0, 3))),
    lambda np: np.apply_along_axis(lambda v: v, 2, np.zeros((2, 3))),
    lambda np: np.apply_over_axes(lambda a, ax: np.expand_dims(a, (0, 1)), np.ones((2, 3)), [0]),
    lambda np: np.piecewise(np.arange(5), [np.arange(5) > 2], [1, 2, 3]),
])
def test_block_pad_and_tools_raise_like_numpy(expr):
    raises_like_numpy(lambda: _run_quietly(expr, numpy), lambda: _run_quietly(expr, torchnp))


def test_row_stack_warns_as_numpy():
    with pytest.warns(DeprecationWarning, match="row_stack"):
        torchnp.row_stack([[1], [2]])


def test_pad_keeps_device_and_gradients():
    x = torchnp.asarray(numpy.arange(1.0, 5.0), requires_grad=True)
    torchnp.pad(x, (2, 3), mode="reflect").sum().backward()
    expected = numpy.ones(4)
    numpy.add.at(expected, [2, 1, 2, 1, 0], 1)      # the reflected positions count again
    assert_matches_numpy(x.grad, expected)
    meta = torchnp.zeros((2, 2), device="meta")
    assert torchnp.pad(meta, 1, mode="edge").tensor.device.type == "meta"
    assert torchnp.packbits(meta > 0).tensor.device.type == "meta"


# ----- the fast paths of issue 13 (tiny arrays): each against NumPy, with what they must refuse ---

@pytest.mark.parametrize("dtype", DTYPES)
def test_T_is_a_view(dtype):
    for shape in [(), (3,), (2, 3), (2, 3, 4)]:
        x = make(shape, dtype)
        a = T(x)
        r = a.T
        assert_matches_numpy(r, x.T)
        assert r.base is a and r.tensor.data_ptr() == a.tensor.data_ptr()
    x = numpy.arange(6.0).reshape(2, 3)
    a = T(x)
    a.T[2, 1] = -1.0                 # a write through the view reaches the base
    x.T[2, 1] = -1.0
    assert_matches_numpy(a, x)
    assert_matches_numpy(a[1:].T, x[1:].T)
    assert a[1:].T.base is a


def test_T_of_a_scalar_is_a_scalar():
    s = T(numpy.arange(3.0)).sum()
    assert_matches_numpy(s.T, numpy.arange(3.0).sum().T)
    assert s.T.base is None


@pytest.mark.parametrize("dtype", DTYPES)
def test_concatenate_same_dtype(dtype):
    x, y = make((2, 3), dtype, 1), make((1, 3), dtype, 2)
    r = torchnp.concatenate([T(x), T(y)])
    assert_matches_numpy(r, numpy.concatenate([x, y]))
    assert r.base is None
    assert_matches_numpy(torchnp.concatenate([T(x).T, T(y).T], -1),
                         numpy.concatenate([x.T, y.T], -1))
    assert_matches_numpy(torchnp.concatenate([T(x)]), numpy.concatenate([x]))


@pytest.mark.parametrize("arrays,axis", [
    ([numpy.zeros(0), numpy.ones((2, 2))], 0), ([numpy.ones((2, 2)), numpy.zeros(0)], 0),
    ([numpy.array(1.0), numpy.array(2.0)], 0), ([numpy.ones((2, 3)), numpy.ones((2, 2))], 0),
    ([numpy.ones((2, 3)), numpy.ones((2, 3))], 2), ([numpy.ones((2, 3)), numpy.ones((2, 3))], -3),
    ([numpy.ones(2), numpy.ones((1, 2))], 0), ([], 0),
], ids=repr)
def test_concatenate_what_the_fast_path_refuses(arrays, axis):
    raises_with_numpys_message(lambda: numpy.concatenate(arrays, axis),
                               lambda: torchnp.concatenate([T(x) for x in arrays], axis))


def test_reshape_separate_ints_and_tuples():
    x = numpy.arange(12.0)
    a = T(x)
    for shape in [(3, 4), (2, -1, 3), (12,), (1, 12, 1)]:
        for r, e in [(a.reshape(*shape), x.reshape(*shape)), (a.reshape(shape), x.reshape(shape)),
                     (a.reshape(list(shape)), x.reshape(list(shape)))]:
            assert_matches_numpy(r, e)
            assert r.base is a
    assert_matches_numpy(a[:1].reshape(()), x[:1].reshape(()))
    assert_matches_numpy(a.reshape(3, 4).T.reshape(2, 6), x.reshape(3, 4).T.reshape(2, 6))
    assert_matches_numpy(a.reshape(numpy.int64(3), 4), x.reshape(numpy.int64(3), 4))
    for bad in [(5, 3), (-1, -1), (2.0, 6)]:
        raises_with_numpys_message(lambda: x.reshape(*bad), lambda: a.reshape(*bad))
        raises_with_numpys_message(lambda: x.reshape(bad), lambda: a.reshape(bad))
