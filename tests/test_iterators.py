"""Iterators against NumPy: ``ndindex``, ``ndenumerate``, ``broadcast``, ``nditer`` (torchnp's
subset) and ``nested_iters``. NumPy yields scalars or read-only 0-d views; torchnp yields 0-d
arrays (docs/differences.md), compared here by value and dtype.
"""
import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy


def _host(x):
    """A torchnp value as NumPy data, a NumPy value unchanged (tuples elementwise)."""
    if isinstance(x, tuple):
        return tuple(_host(e) for e in x)
    if isinstance(x, torchnp.ndarray):
        return x.tensor.detach().cpu().numpy()
    return x


def _same_items(ours, theirs):
    ours, theirs = list(ours), list(theirs)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        a, b = _host(a), _host(b)
        if isinstance(b, tuple):
            assert isinstance(a, tuple) and len(a) == len(b)
            for x, y in zip(a, b):
                numpy.testing.assert_array_equal(x, y)
                assert numpy.asarray(x).dtype == numpy.asarray(y).dtype
        else:
            numpy.testing.assert_array_equal(a, b)
            assert numpy.asarray(a).dtype == numpy.asarray(b).dtype


# ----- ndindex ------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (2, 0, 3), (1, 2, 1), ((2, 2),)], ids=repr)
def test_ndindex(shape):
    ours, theirs = list(torchnp.ndindex(*shape)), list(numpy.ndindex(*shape))
    assert ours == theirs
    assert all(type(i) is int for idx in ours for i in idx)


@pytest.mark.parametrize("shape", [(-1,), (2.0,), ([2, 3],), ("a",), (2, None)], ids=repr)
def test_ndindex_errors(shape):
    raises_like_numpy(lambda: list(numpy.ndindex(*shape)), lambda: list(torchnp.ndindex(*shape)))


def test_ndindex_is_an_iterator():
    it = torchnp.ndindex(2)
    assert iter(it) is it and next(it) == (0,) and next(it) == (1,)
    with pytest.raises(StopIteration):
        next(it)


# ----- ndenumerate --------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [lambda m: m.arange(6).reshape(2, 3), lambda m: m.array(2.5),
                                  lambda m: [[1, 2], [3, 4]], lambda m: m.zeros((2, 0)),
                                  lambda m: m.arange(6.0).reshape(2, 3).T,
                                  lambda m: m.array([1 + 2j, 3j], dtype=m.complex64)])
def test_ndenumerate(make):
    ours, theirs = list(torchnp.ndenumerate(make(torchnp))), list(numpy.ndenumerate(make(numpy)))
    assert [i for i, _ in ours] == [i for i, _ in theirs]
    for (_, got), (_, want) in zip(ours, theirs):
        assert_matches_numpy(got, want)            # NumPy's scalar: an immutable 0-d array


def test_ndenumerate_values_are_copies():
    a = torchnp.arange(3)
    pairs = list(torchnp.ndenumerate(a))
    a[...] = 7
    assert [int(v) for _, v in pairs] == [0, 1, 2]


# ----- broadcast ----------------------------------------------------------------------------------
def _broadcast_args(m):
    return {
        "two": (m.arange(3), m.arange(2).reshape(2, 1)),
        "scalar": (m.arange(3.0), 5),
        "one": (m.arange(4).reshape(2, 2),),
        "none": (),
        "empty": (m.zeros((2, 0)), m.zeros((1, 0))),
        "0-d": (m.float32(3.0),),
        "three": (m.ones((2, 1, 3), m.int8), m.ones((4, 1)), True),
    }


@pytest.mark.parametrize("case", list(_broadcast_args(numpy)))
def test_broadcast(case):
    ours = torchnp.broadcast(*_broadcast_args(torchnp)[case])
    theirs = numpy.broadcast(*_broadcast_args(numpy)[case])
    for attr in ("shape", "ndim", "nd", "size", "numiter", "index"):
        assert getattr(ours, attr) == getattr(theirs, attr), attr
    _same_items(ours, theirs)
    assert ours.index == theirs.index
    ours.reset()
    theirs.reset()
    assert ours.index == theirs.index == 0
    _same_items([next(ours) for _ in range(min(1, ours.size))],
                [next(theirs) for _ in range(min(1, theirs.size))])


def test_broadcast_iters_follow_the_index():
    ours = torchnp.broadcast(torchnp.arange(3), torchnp.arange(2).reshape(2, 1))
    theirs = numpy.broadcast(numpy.arange(3), numpy.arange(2).reshape(2, 1))
    for _ in range(4):
        next(ours), next(theirs)
    assert [it.index for it in ours.iters] == [it.index for it in theirs.iters]
    assert [int(next(it)) for it in ours.iters] == [int(next(it)) for it in theirs.iters]


def test_broadcast_of_broadcast_objects():
    a, b = numpy.arange(3), numpy.arange(2).reshape(2, 1)
    theirs = numpy.broadcast(numpy.broadcast(a, b), 7)
    ours = torchnp.broadcast(torchnp.broadcast(torchnp.asarray(a), torchnp.asarray(b)), 7)
    assert ours.numiter == theirs.numiter and ours.shape == theirs.shape
    _same_items(ours, theirs)


@pytest.mark.parametrize("args", [lambda m: (m.arange(2), m.arange(3)),
                                  lambda m: (m.ones((2, 3)), m.ones(3), m.ones((4, 1))),
                                  lambda m: (1,) * 65])
def test_broadcast_errors(args):
    with pytest.raises(ValueError) as theirs:
        numpy.broadcast(*args(numpy))
    with pytest.raises(ValueError) as ours:
        torchnp.broadcast(*args(torchnp))
    assert str(ours.value) == str(theirs.value)


def test_broadcast_on_a_device_stays_there():
    device = "meta"
    a = torchnp.asarray(torch.zeros(3, device=device))
    b = torchnp.broadcast(a, a)
    assert next(b)[0].device.type == device


# ----- nditer: iteration order, values, indices ---------------------------------------------------
def _layouts(m):
    a = m.arange(24).reshape(2, 3, 4)
    return {
        "C": a,
        "transposed": a.transpose(2, 0, 1),
        "strided": a[:, ::2, 1:],
        "swapped": a.swapaxes(0, 1),
        "2-D T": m.arange(6).reshape(2, 3).T,
        "0-d": m.array(5.5),
        "1-D": m.arange(4, dtype=m.float32),
        "size-1 dims": m.arange(6).reshape(1, 6, 1),
    }


LAYOUTS = list(_layouts(numpy))


def _pair(case):
    theirs = _layouts(numpy)[case]
    return torchnp.asarray(theirs), theirs            # the same memory layout (zero-copy)


@pytest.mark.parametrize("order", ["K", "C", "F", "A"])
@pytest.mark.parametrize("case", LAYOUTS)
def test_nditer_order_values_and_indices(case, order):
    ours_a, theirs_a = _pair(case)
    flags = ["multi_index", "c_index"]
    ours = torchnp.nditer(ours_a, flags=flags, order=order)
    theirs = numpy.nditer(theirs_a, flags=flags, order=order)
    got, want = [], []
    assert ours.shape == theirs.shape and ours.ndim == theirs.ndim
    for x in ours:
        got.append((ours.multi_index, ours.index, ours.iterindex, int(x) if x.dtype.kind == "i"
                    else float(x)))
    for x in theirs:
        want.append((theirs.multi_index, theirs.index, theirs.iterindex, x.item()))
    assert got == want
    assert ours.ndim == theirs.ndim


@pytest.mark.parametrize("case", LAYOUTS)
def test_nditer_f_index_and_coalesced_shape(case):
    ours_a, theirs_a = _pair(case)
    ours = torchnp.nditer(ours_a, flags=["f_index"])
    theirs = numpy.nditer(theirs_a, flags=["f_index"])
    assert [ours.index for _ in ours] == [theirs.index for _ in theirs]
    assert torchnp.nditer(ours_a).shape == numpy.nditer(theirs_a).shape


def test_nditer_values_are_0d_arrays_of_the_operand_dtype():
    a = numpy.arange(6, dtype=numpy.int16).reshape(2, 3)
    ours, theirs = list(torchnp.nditer(torchnp.asarray(a))), list(numpy.nditer(a))
    for got, want in zip(ours, theirs):
        assert_matches_numpy(got, want)


def _operand_sets(m):
    a = m.arange(6).reshape(2, 3)
    return {
        "broadcast row": [a, m.arange(3)],
        "broadcast column": [a.T, m.arange(3).reshape(3, 1) * 10],
        "scalar": [a, 2.5],
        "list as operands": [1, 2, 3],
        "tuple": (a, a.T.copy().T),
        "mixed layouts": [a.T, a.T.copy()],
        "three": [m.ones((2, 1, 3), m.int8), m.zeros((4, 1)), m.arange(3.0)],
    }


@pytest.mark.parametrize("order", ["K", "C", "F"])
@pytest.mark.parametrize("case", list(_operand_sets(numpy)))
def test_nditer_several_operands(case, order):
    theirs_ops = _operand_sets(numpy)[case]
    ours_ops = type(theirs_ops)(torchnp.asarray(o) if isinstance(o, numpy.ndarray) else o
                                for o in theirs_ops)
    ours = torchnp.nditer(ours_ops, flags=["multi_index"], order=order)
    theirs = numpy.nditer(theirs_ops, flags=["multi_index"], order=order)
    assert ours.nop == theirs.nop and ours.shape == theirs.shape
    assert ours.dtypes == theirs.dtypes
    assert [ours.multi_index for _ in ours] == [theirs.multi_index for _ in theirs]
    _same_items(torchnp.nditer(ours_ops, order=order), numpy.nditer(theirs_ops, order=order))
    assert torchnp.nditer(ours_ops).shape == numpy.nditer(theirs_ops).shape


def test_nditer_iternext_value_reset_and_finished():
    a = numpy.arange(4)
    ours, theirs = torchnp.nditer(torchnp.asarray(a)), numpy.nditer(a)
    for it in (ours, theirs):
        assert it.iternext() and it.iterindex == 1 and int(it.value) == 1
        assert [int(x) for x in it] == [1, 2, 3]
        assert it.finished and not it.iternext()
        with pytest.raises(ValueError, match="past the end"):
            it.value
        it.reset()
        assert not it.finished and int(it[0]) == 0 and len(it) == 1     # operands
        it.iterindex = 2
        assert int(it.value) == 2


def test_nditer_copy_is_independent():
    it = torchnp.nditer(torchnp.arange(3))
    next(it)
    other = it.copy()
    next(it)
    assert int(other.value) == 0 and int(it.value) == 1


def test_nditer_remove_multi_index_coalesces():
    a = numpy.arange(6).reshape(2, 3)
    ours = torchnp.nditer(torchnp.asarray(a), flags=["multi_index"])
    theirs = numpy.nditer(a, flags=["multi_index"])
    ours.remove_multi_index()
    theirs.remove_multi_index()
    assert ours.shape == theirs.shape and not ours.has_multi_index


def test_nditer_empty_operands():
    z = numpy.zeros((2, 0))
    raises_like_numpy(lambda: numpy.nditer(z), lambda: torchnp.nditer(torchnp.asarray(z)))
    ours = torchnp.nditer(torchnp.asarray(z), flags=["zerosize_ok"])
    theirs = numpy.nditer(z, flags=["zerosize_ok"])
    assert ours.finished == theirs.finished and list(ours) == list(theirs) == []
    assert ours.itersize == theirs.itersize == 0


# ----- nditer: writing, allocating, casting -------------------------------------------------------
def test_nditer_readwrite_writes_the_operand():
    host = numpy.arange(6.0).reshape(2, 3)
    a = torchnp.asarray(host.copy())
    with torchnp.nditer(a, op_flags=["readwrite"]) as it:
        for x in it:
            x[...] = 2 * x
    with numpy.nditer(host, op_flags=["readwrite"]) as it:
        for x in it:
            x[...] = 2 * x
    assert_matches_numpy(a, host)


def test_nditer_allocates_the_output():
    def run(m, a, b):
        it = m.nditer([a, b, None])
        with it:
            for x, y, z in it:
                z[...] = x * y
            return it.operands[2]
    a, b = numpy.arange(6, dtype=numpy.int8).reshape(2, 3), numpy.float32(1.5)
    assert_matches_numpy(run(torchnp, torchnp.asarray(a), b), run(numpy, a, b))
    a = numpy.arange(3)
    got = run(torchnp, torchnp.asarray(a), 2.5)
    assert_matches_numpy(got, run(numpy, a, 2.5))


def test_nditer_allocated_dtype_from_op_dtypes():
    ours = torchnp.nditer([torchnp.arange(3), None], op_dtypes=[None, "float32"])
    theirs = numpy.nditer([numpy.arange(3), None], op_dtypes=[None, "float32"])
    assert ours.operands[1].dtype == theirs.operands[1].dtype
    assert ours.operands[1].shape == theirs.operands[1].shape


@pytest.mark.parametrize("dtype, casting", [("float64", "safe"), ("float32", "same_kind"),
                                            ("int8", "unsafe")])
def test_nditer_buffered_casts_read_only_operands(dtype, casting):
    a = numpy.arange(6).reshape(2, 3)
    kw = dict(flags=["buffered"], op_dtypes=[dtype], casting=casting)
    ours, theirs = torchnp.nditer(torchnp.asarray(a), **kw), numpy.nditer(a, **kw)
    assert ours.dtypes == theirs.dtypes
    _same_items(ours, theirs)


def test_nditer_common_dtype():
    ops = [numpy.arange(3, dtype=numpy.int8), numpy.arange(3.0, dtype=numpy.float32)]
    kw = dict(flags=["buffered", "common_dtype"])
    ours = torchnp.nditer([torchnp.asarray(o) for o in ops], **kw)
    theirs = numpy.nditer(ops, **kw)
    assert ours.dtypes == theirs.dtypes
    _same_items(ours, theirs)


def _nditer_errors(m):
    a = m.arange(6).reshape(2, 3)
    return {
        "cast needs buffering": lambda: m.nditer(a, op_dtypes=["float64"]),
        "unsafe cast": lambda: m.nditer(a, op_dtypes=["int32"], flags=["buffered"]),
        "bad casting": lambda: m.nditer(a, casting="bogus"),
        "unknown flag": lambda: m.nditer(a, flags=["foo"]),
        "flags not a list": lambda: m.nditer(a, flags="multi_index"),
        "unknown op flag": lambda: m.nditer(a, op_flags=["foo"]),
        "two rw flags": lambda: m.nditer(a, op_flags=["readonly", "readwrite"]),
        "no rw flag": lambda: m.nditer(a, op_flags=["contig"]),
        "c and f index": lambda: m.nditer(a, flags=["c_index", "f_index"]),
        "order": lambda: m.nditer(a, order="X"),
        "null operand": lambda: m.nditer([a, None], op_flags=[["readonly"], ["readonly"]]),
        "nothing to type": lambda: m.nditer([None]),
        "no multi-index": lambda: m.nditer(a).multi_index,
        "no index": lambda: m.nditer(a).index,
        "shapes": lambda: m.nditer([a, m.arange(2)]),
        "writing a broadcast operand": lambda: m.nditer([a, m.arange(3)],
                                                        op_flags=[["readonly"], ["readwrite"]]),
        "iterindex out of range": lambda: setattr(m.nditer(a), "iterindex", 6),
        "op_flags not a list": lambda: m.nditer(a, op_flags=5),
        "op_flags per op, wrong count": lambda: m.nditer(a, op_flags=[["readonly"], ["readonly"]]),
        "order not a string": lambda: m.nditer(a, order=1),
        "casting None": lambda: m.nditer(a, casting=None),
        "buffersize None": lambda: m.nditer(a, buffersize=None),
        "op_axes wrong count": lambda: m.nditer(a, op_axes=[[0], [1]]),
        "itershape not a shape": lambda: m.nditer(a, itershape="a"),
        "op_dtypes one list": lambda: m.nditer(a, op_dtypes=["float64", "int8"]),
        "no operands": lambda: m.nditer([]),
    }


@pytest.mark.parametrize("case", list(_nditer_errors(numpy)))
def test_nditer_errors(case):
    raises_like_numpy(_nditer_errors(numpy)[case], _nditer_errors(torchnp)[case])


@pytest.mark.parametrize("kwargs", [
    dict(flags=["external_loop"]), dict(flags=["ranged"]), dict(op_axes=[[0, 1]]),
    dict(itershape=(4, 2, 3)), dict(op_flags=["readwrite", "virtual"]),
    dict(flags=["buffered"], op_flags=["readwrite"], op_dtypes=["float64"]),
], ids=repr)
def test_nditer_unsupported_raises_not_implemented(kwargs):
    a = torchnp.arange(6).reshape(2, 3)
    with pytest.raises(NotImplementedError, match="nditer"):
        torchnp.nditer(a, **kwargs)
    with pytest.raises(NotImplementedError, match="external loop"):
        torchnp.nditer(a).enable_external_loop()


def test_nditer_accepts_numpy_s_defaults_spelled_out():
    a = numpy.arange(6).reshape(2, 3)
    kw = dict(order=None, itershape=(2, 3), buffersize=0, flags=None, op_flags=None)
    _same_items(torchnp.nditer(torchnp.asarray(a), **kw), numpy.nditer(a, **kw))


def test_nditer_closed():
    it = torchnp.nditer(torchnp.arange(3))
    it.close()
    with pytest.raises(ValueError):
        it.value


# ----- nested_iters -------------------------------------------------------------------------------
@pytest.mark.parametrize("axes", [[[1], [0, 2]], [[0], [1], [2]], [[0, 1], [2]], [[2, 0], [1]]],
                         ids=repr)
@pytest.mark.parametrize("case", ["C", "transposed"])
def test_nested_iters(case, axes):
    ours_a, theirs_a = _pair(case)
    ours = torchnp.nested_iters(ours_a, axes, flags=["multi_index"])
    theirs = numpy.nested_iters(theirs_a, axes, flags=["multi_index"])

    def walk(iters, level=0):
        out = []
        for x in iters[level]:
            out.append((level, iters[level].multi_index, int(x)))
            if level + 1 < len(iters):
                out += walk(iters, level + 1)
        return out
    assert walk(ours) == walk(theirs)


def test_nested_iters_errors():
    a = numpy.arange(6).reshape(2, 3)
    raises_like_numpy(lambda: numpy.nested_iters(a, [[0], [0]]),
                      lambda: torchnp.nested_iters(torchnp.asarray(a), [[0], [0]]))


def _random_layout(rng):
    """A NumPy view of random shape, axis order and steps, and a second operand broadcast to it."""
    shape = tuple(int(n) for n in rng.integers(1, 4, size=rng.integers(1, 5)))
    big = tuple(2 * n for n in shape) + (4,)
    base = numpy.arange(numpy.prod(big)).reshape(big)
    view = base[tuple(slice(None, None, int(s)) for s in rng.integers(1, 3, len(shape)))
                + (int(rng.integers(0, 4)),)]
    view = view[tuple(slice(0, n) for n in shape)].transpose(rng.permutation(len(shape)))
    other = numpy.arange(view.shape[-1]).reshape((1,) * (view.ndim - 1) + (-1,))
    return view, numpy.ascontiguousarray(other.T).T if rng.random() < 0.5 else other


@pytest.mark.parametrize("seed", range(40))
def test_nditer_k_order_on_random_layouts(seed):
    view, other = _random_layout(numpy.random.default_rng(seed))
    for ops in (view, [view, other]):
        ours_ops = torchnp.asarray(ops) if isinstance(ops, numpy.ndarray) else \
            [torchnp.asarray(o) for o in ops]
        ours = torchnp.nditer(ours_ops, flags=["multi_index"])
        theirs = numpy.nditer(ops, flags=["multi_index"])
        assert [ours.multi_index for _ in ours] == [theirs.multi_index for _ in theirs]
        assert torchnp.nditer(ours_ops).shape == numpy.nditer(ops).shape


def test_nditer_allocates_on_the_operands_device():
    a = torchnp.asarray(torch.zeros((2, 3), device="meta"))
    it = torchnp.nditer([a, None])
    assert it.operands[1].device.type == "meta" and it.operands[1].shape == (2, 3)
    assert next(it)[0].device.type == "meta"
