"""Read-only arrays (``a.flags.writeable = False``, ``setflags``): every write path raises NumPy's
error with NumPy's message, views inherit the flag as NumPy's do, and the data stays unchanged.
Each case runs the same code on NumPy and on torchnp (``lib`` is the module)."""
import warnings

import numpy
import pytest

import torchnp
from helpers import raises_with_numpys_message, to_numpy

DATA = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]


def _ro(x):
    x.flags.writeable = False
    return x


def _array(lib):
    return _ro(lib.asarray(DATA).copy())


# Each write takes the module and a read-only (2, 3) float64 array.
WRITES = {
    "setitem int": lambda lib, a: a.__setitem__(0, 1),
    "setitem slice": lambda lib, a: a.__setitem__((slice(None), 1), 1.5),
    "setitem ellipsis": lambda lib, a: a.__setitem__(Ellipsis, 1),
    "setitem mask": lambda lib, a: a.__setitem__(a > 2, 1),
    "setitem advanced": lambda lib, a: a.__setitem__(([0], [1]), 1),
    "iadd scalar": lambda lib, a: a.__iadd__(1),
    "iadd array": lambda lib, a: a.__iadd__(lib.ones(3)),
    "ipow": lambda lib, a: a.__ipow__(2),
    "imatmul": lambda lib, a: a.__imatmul__(lib.eye(3)),
    "ufunc out": lambda lib, a: lib.add(a, 1, out=a),
    "ufunc out where": lambda lib, a: lib.multiply(2, lib.ones((2, 3)), out=a, where=True),
    "ufunc two outs": lambda lib, a: lib.modf(lib.ones((2, 3)), out=(a, lib.zeros((2, 3)))),
    "ufunc.at": lambda lib, a: lib.add.at(a, [0], 1),
    "unary ufunc.at": lambda lib, a: lib.negative.at(a, [0]),
    "ufunc.reduce out": lambda lib, a: lib.add.reduce(lib.ones((2, 3)), out=a[0]),
    "ufunc.accumulate out": lambda lib, a: lib.add.accumulate(lib.ones((2, 3)), out=a),
    "ufunc.outer out": lambda lib, a: lib.multiply.outer(lib.ones(2), lib.ones(3), out=a),
    "sum out": lambda lib, a: lib.sum(lib.ones((2, 3)), axis=0, out=a[0]),
    "mean out": lambda lib, a: lib.mean(lib.ones((2, 3)), axis=0, out=a[0]),
    "var out": lambda lib, a: lib.var(lib.ones((2, 3)), axis=0, out=a[0]),
    "median out": lambda lib, a: lib.median(lib.ones((2, 3)), axis=0, out=a[0]),
    "percentile out": lambda lib, a: lib.percentile(lib.ones((2, 3)), 50, axis=0, out=a[0]),
    "cumsum out": lambda lib, a: lib.cumsum(lib.ones((2, 3)), axis=1, out=a),
    "clip out": lambda lib, a: lib.clip(lib.ones((2, 3)), 0, 1, out=a),
    "round out": lambda lib, a: lib.round(lib.ones((2, 3)), out=a),
    "matmul out": lambda lib, a: lib.matmul(lib.ones((2, 2)), lib.ones((2, 3)), out=a),
    "dot out": lambda lib, a: lib.dot(lib.ones((2, 2)), lib.ones((2, 3)), out=a),
    "einsum out": lambda lib, a: lib.einsum("ij->ij", lib.ones((2, 3)), out=a),
    "take out": lambda lib, a: lib.take(lib.ones(3), [0, 1, 2], out=a[0]),
    "compress out": lambda lib, a: lib.compress([1, 1, 1], lib.ones(3), out=a[0]),
    "concatenate out": lambda lib, a: lib.concatenate([lib.ones(3)] * 2, out=a.reshape(6)),
    "stack out": lambda lib, a: lib.stack([lib.ones(3), lib.ones(3)], out=a),
    "fill": lambda lib, a: a.fill(1),
    "put": lambda lib, a: lib.put(a, [0], [1]),
    "put method": lambda lib, a: a.put([0], [1]),
    "put_along_axis": lambda lib, a: lib.put_along_axis(a, lib.zeros((2, 1), int), 1, 1),
    "put_along_axis None": lambda lib, a: lib.put_along_axis(a, lib.zeros(1, int), 1, None),
    "place": lambda lib, a: lib.place(a, a > 2, [1]),
    "putmask": lambda lib, a: lib.putmask(a, a > 2, 1),
    "copyto": lambda lib, a: lib.copyto(a, 1),
    "copyto where": lambda lib, a: lib.copyto(a, 1, where=a > 2),
    "fill_diagonal": lambda lib, a: lib.fill_diagonal(a, 1),
    "nan_to_num copy=False": lambda lib, a: lib.nan_to_num(a, copy=False),
    "sort method": lambda lib, a: a.sort(),
    "flat setitem": lambda lib, a: a.flat.__setitem__(0, 1),
    "flat assignment": lambda lib, a: setattr(a, "flat", 1),
    "real assignment": lambda lib, a: setattr(a, "real", 3),
    "nditer readwrite": lambda lib, a: lib.nditer(a, op_flags=["readwrite"]),
    "shuffle": lambda lib, a: lib.random.default_rng(0).shuffle(a),
    "legacy shuffle": lambda lib, a: lib.random.shuffle(a),
    "permuted out": lambda lib, a: lib.random.default_rng(0).permuted(a, out=a),
    "random out": lambda lib, a: lib.random.default_rng(0).random(3, out=a[0]),
    "write a basic view": lambda lib, a: a[0].__setitem__(0, 1),
    "write .T": lambda lib, a: a.T.__setitem__(0, 1),
    "write a reshape": lambda lib, a: a.reshape(6).__setitem__(0, 1),
    "write a ravel": lambda lib, a: a.ravel().__setitem__(0, 1),
    "write view()": lambda lib, a: a.view().__setitem__(0, 1),
    "write .real": lambda lib, a: a.real.__setitem__(0, 1),
    "write swapaxes": lambda lib, a: a.swapaxes(0, 1).__setitem__(0, 1),
    "write expand_dims": lambda lib, a: lib.expand_dims(a, 0).__setitem__(0, 1),
    "write split": lambda lib, a: lib.split(a, 2)[0].__setitem__(0, 1),
    "write asarray": lambda lib, a: lib.asarray(a).__setitem__(0, 1),
    "write as_strided": lambda lib, a: lib.lib.stride_tricks.as_strided(a).__setitem__(0, 1),
    "view of a view, written": lambda lib, a: a[1:][0].__setitem__(0, 1),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_write_raises_numpys_error(name):
    write = WRITES[name]
    x, a = _array(numpy), _array(torchnp)
    raises_with_numpys_message(lambda: write(numpy, x), lambda: write(torchnp, a))
    assert to_numpy(a).tolist() == DATA


# Results NumPy makes writeable (copies), or read-only (views of read-only data, NumPy's
# read-only views).
RESULTS = {
    "copy method": lambda lib, a: a.copy(),
    "copy function": lambda lib, a: lib.copy(a),
    "astype": lambda lib, a: a.astype(int),
    "array": lambda lib, a: lib.array(a),
    "fancy index": lambda lib, a: a[[0]],
    "mask": lambda lib, a: a[a > 1],
    "negative": lambda lib, a: -a,
    "positive": lambda lib, a: +a,
    "basic slice": lambda lib, a: a[0],
    "reshape": lambda lib, a: a.reshape(3, 2),
    "transpose": lambda lib, a: a.T,
    "view": lambda lib, a: a.view(),
    "ravel": lambda lib, a: a.ravel(),
    "real": lambda lib, a: a.real,
    "imag of real": lambda lib, a: a.imag,
    "asarray": lambda lib, a: lib.asarray(a),
    "ascontiguousarray": lambda lib, a: lib.ascontiguousarray(a),
    "squeeze": lambda lib, a: a[None].squeeze(),
    "moveaxis": lambda lib, a: lib.moveaxis(a, 0, 1),
    "atleast_3d": lambda lib, a: lib.atleast_3d(a),
    "flat slice": lambda lib, a: a.flat[0:2],
    "as_strided writeable=True": lambda lib, a: lib.lib.stride_tricks.as_strided(a),
    "diagonal of writeable": lambda lib, a: lib.ones((2, 2)).diagonal(),
    "diag of writeable": lambda lib, a: lib.diag(lib.ones((2, 2))),
    "linalg.diagonal": lambda lib, a: lib.linalg.diagonal(lib.ones((2, 2))),
    "imag of writeable real": lambda lib, a: lib.arange(3.0).imag,
    "broadcast_to, same shape": lambda lib, a: lib.broadcast_to(lib.arange(3.0), (3,)),
    "broadcast_to": lambda lib, a: lib.broadcast_to(lib.arange(3.0), (2, 3)),
    "as_strided writeable=False": lambda lib, a: lib.lib.stride_tricks.as_strided(
        lib.ones(3), writeable=False),
    "sliding_window_view": lambda lib, a: lib.lib.stride_tricks.sliding_window_view(
        lib.ones(3), 2),
    "sliding_window_view writeable": lambda lib, a: lib.lib.stride_tricks.sliding_window_view(
        lib.ones(3), 2, writeable=True),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_writeable_flag_of_results(name):
    make = RESULTS[name]
    expected = make(numpy, _array(numpy)).flags.writeable
    got = make(torchnp, _array(torchnp))
    assert got.flags.writeable is expected
    assert got.flags["W"] is expected and got.flags.behaved is expected


def test_views_inherit_at_creation_only():
    for lib in (numpy, torchnp):
        a = lib.arange(3.0)
        before = a[:]
        a.flags.writeable = False
        assert before.flags.writeable and not a[:].flags.writeable
        b = lib.arange(3.0)
        v = b[:]
        v.flags.writeable = False                  # a view's flag leaves its base alone
        assert b.flags.writeable and b[:].flags.writeable
        b[0] = 7
        assert float(v[0]) == 7.0


def _set_writeable(a):
    a.flags.writeable = True
    return a


def test_setting_writeable_true_on_a_view_of_a_read_only_base_raises():
    raises_with_numpys_message(lambda: _set_writeable(_array(numpy)[0]),
                               lambda: _set_writeable(_array(torchnp)[0]))


def test_a_diagonal_of_a_writeable_base_can_be_made_writeable():
    for lib in (numpy, torchnp):
        a = lib.zeros((2, 2))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            d = _set_writeable(a.diagonal())
        d[1] = 4
        assert float(a[1, 1]) == 4.0


def test_writeable_again_on_the_owner_and_its_views():
    for lib in (numpy, torchnp):
        a = _array(lib)
        v = a[0]
        a.flags.writeable = True
        v.flags.writeable = True               # the base is writeable now: allowed
        v[0] = 9
        a[1, 1] = 8
        assert to_numpy(a).tolist() == [[9.0, 1.0, 2.0], [3.0, 8.0, 5.0]]


def test_setflags_and_flag_keys():
    for lib in (numpy, torchnp):
        a = lib.zeros(3)
        assert a.setflags(write=False) is None and not a.flags.writeable
        a.setflags(write=True, align=True, uic=False)
        assert a.flags.writeable and a.flags.aligned
        a.flags["W"] = 0
        assert not a.flags["WRITEABLE"] and not a.flags.carray
        a.flags["WRITEABLE"] = 1
        assert a.flags.writeable and a.flags.carray
    raises_with_numpys_message(lambda: numpy.zeros(3).setflags(uic=True),
                               lambda: torchnp.zeros(3).setflags(uic=True))
    assert repr(_array(torchnp).flags) == repr(_array(numpy).flags)


def test_scalars_are_never_writeable():
    s, r = numpy.float64(1.5), torchnp.asarray([1.5]).sum()
    assert r.flags.writeable is s.flags.writeable is False
    raises_with_numpys_message(lambda: setattr(s.flags, "writeable", True),
                               lambda: setattr(r.flags, "writeable", True))
    assert s.setflags(write=False) is r.setflags(write=False) is None


def test_read_only_numpy_input_is_shared_and_read_only():
    x = _ro(numpy.arange(3.0))
    a = torchnp.asarray(x)
    assert numpy.asarray(x).flags.writeable is a.flags.writeable is False
    assert numpy.shares_memory(numpy.asarray(a), x)
    assert not numpy.asarray(a).flags.writeable          # the host view stays read-only
    raises_with_numpys_message(lambda: numpy.asarray(x).__setitem__(0, 1),
                               lambda: a.__setitem__(0, 1))
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True"):
        a.flags.writeable = True    # the memory is NumPy's read-only array's (docs/differences.md)
    b = torchnp.array(x)
    assert numpy.array(x).flags.writeable is b.flags.writeable is True
    b[0] = 5
    assert x[0] == 0 and torchnp.add(x, 1).flags.writeable


def test_read_only_survives_a_shape_assignment_and_pickling_copies():
    import pickle
    for lib in (numpy, torchnp):
        a = _array(lib)
        a.shape = (3, 2)
        assert not a.flags.writeable
        assert pickle.loads(pickle.dumps(a)).flags.writeable


@pytest.mark.parametrize("make", [
    lambda m: m.zeros((1, 4, 2), bool).transpose((0, 2, 1))[0:1, 0:2, 0:4:2],
    lambda m: m.zeros((2, 3), "uint8").T,
    lambda m: m.zeros((2, 3, 4)).transpose(2, 0, 1),
    lambda m: m.zeros((2, 3))[:, ::2],
])
def test_imag_of_a_real_array_is_laid_out_in_order_a(make):
    """A real array's ``.imag`` is new read-only zeros in NumPy's order 'A': F-ordered for an
    F-contiguous array, C-ordered otherwise (not the input's strides: found by the long fuzz run,
    where ravel of it was a copy here and a view in NumPy)."""
    e, a = make(numpy).imag, make(torchnp).imag
    assert a.strides == e.strides and not a.flags.writeable
    assert torchnp.shares_memory(a.ravel(), a) == numpy.shares_memory(e.ravel(), e)
