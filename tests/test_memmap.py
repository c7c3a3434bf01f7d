"""``torchnp.memmap`` against ``numpy.memmap`` on the same files: modes, offsets, shapes, orders,
writes reaching the file (or not), ``flush``, growth of the file, and the errors."""
import os

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, raises_with_numpys_message


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "data.bin"
    numpy.arange(24, dtype=numpy.float32).tofile(p)
    return str(p)


def _check(ours, theirs):
    assert isinstance(ours, torchnp.memmap) and isinstance(ours, torchnp.ndarray)
    assert_matches_numpy(torchnp.asarray(ours.tensor), numpy.asarray(theirs))
    assert (ours.offset, ours.mode) == (theirs.offset, theirs.mode)
    assert str(ours.filename) == str(theirs.filename)


@pytest.mark.parametrize("kwargs", [
    dict(dtype="float32", mode="r"), dict(dtype="float32", mode="r+"),
    dict(dtype="float32", mode="c"), dict(dtype="float32", mode="readonly"),
    dict(dtype="float32", mode="r", shape=(2, 3, 4)), dict(dtype="float32", mode="r", shape=5),
    dict(dtype="float32", mode="r", offset=16), dict(dtype="float32", mode="r", offset=16,
                                                       shape=(2, 2), order="F"),
    dict(dtype="int16", mode="r"), dict(dtype="uint8", mode="r"), dict(mode="r"),
    dict(dtype="float64", mode="r", shape=(3, 4)), dict(dtype="complex64", mode="c", shape=(6,)),
    dict(dtype="float32", mode="r", shape=(0,)),
], ids=repr)
def test_reads_the_file_as_numpy(path, kwargs):
    _check(torchnp.memmap(path, **kwargs), numpy.memmap(path, **kwargs))


def test_write_mode_creates_the_file(tmp_path):
    p = tmp_path / "new.bin"
    m = torchnp.memmap(p, dtype="int32", mode="w+", shape=(3, 4))
    m[:] = torchnp.arange(12).reshape(3, 4)
    m[1, ::2] = -1
    m.flush()
    expected = numpy.arange(12, dtype=numpy.int32).reshape(3, 4)
    expected[1, ::2] = -1
    numpy.testing.assert_array_equal(numpy.fromfile(p, dtype=numpy.int32).reshape(3, 4), expected)
    assert m.filename == p.resolve()          # a pathlib path stays one, as in NumPy
    _check(torchnp.memmap(p, dtype="int32", mode="r", shape=(3, 4)),
           numpy.memmap(p, dtype="int32", mode="r", shape=(3, 4)))


def test_readwrite_writes_reach_the_file_and_other_maps(path):
    m = torchnp.memmap(path, dtype="float32", mode="r+", shape=(4, 6))
    other = numpy.memmap(path, dtype="float32", mode="r", shape=(4, 6))
    m[0] += 100
    m.flush()
    assert other[0, 0] == 100 and numpy.fromfile(path, dtype=numpy.float32)[5] == 105


def test_copy_on_write_leaves_the_file_alone(path):
    m = torchnp.memmap(path, dtype="float32", mode="c")
    m[0] = -7
    m.flush()
    assert float(m[0]) == -7
    assert numpy.fromfile(path, dtype=numpy.float32)[0] == 0


def test_mode_r_is_read_only(path):
    m, x = torchnp.memmap(path, dtype="float32", mode="r"), numpy.memmap(path, "float32", "r")
    assert m.flags.writeable is x.flags.writeable is False
    raises_with_numpys_message(lambda: x.__setitem__(0, -7), lambda: m.__setitem__(0, -7))
    raises_with_numpys_message(lambda: setattr(x.flags, "writeable", True),
                               lambda: setattr(m.flags, "writeable", True))


def test_readwrite_grows_a_short_file(tmp_path):
    p, q = tmp_path / "a.bin", tmp_path / "b.bin"
    for f in (p, q):
        numpy.arange(3, dtype=numpy.uint8).tofile(f)
    torchnp.memmap(p, mode="r+", shape=(10,))
    numpy.memmap(q, mode="r+", shape=(10,))
    assert os.path.getsize(p) == os.path.getsize(q) == 10


def test_file_objects(path):
    with open(path, "rb") as f:
        ours = torchnp.memmap(f, dtype="float32", mode="r", shape=(6,))
    with open(path, "rb") as f:
        theirs = numpy.memmap(f, dtype="float32", mode="r", shape=(6,))
    _check(ours, theirs)


def test_operations_give_plain_arrays(path):
    m = torchnp.memmap(path, dtype="float32", mode="r", shape=(4, 6))
    n = numpy.memmap(path, dtype="float32", mode="r", shape=(4, 6))
    assert type(m + 1) is torchnp.ndarray and type(n + 1) is numpy.ndarray
    assert_matches_numpy(m + 1, numpy.asarray(n + 1))
    assert_matches_numpy(torchnp.sum(m, axis=0), numpy.sum(n, axis=0))
    assert_matches_numpy(m.mean(), n.mean())
    assert torchnp.shares_memory(m[1:], m)


def test_repr_names_the_class(path):
    m = torchnp.memmap(path, dtype="float32", mode="r", shape=(2, 3))
    assert repr(m) == repr(numpy.memmap(path, dtype="float32", mode="r", shape=(2, 3)))


def _errors(m, path, tmp):
    return {
        "w+ without shape": lambda: m.memmap(tmp, mode="w+"),
        "bad mode": lambda: m.memmap(path, mode="x"),
        "missing file": lambda: m.memmap(tmp + ".missing", mode="r"),
        "not a multiple": lambda: m.memmap(path, dtype="float64", mode="r", offset=4),
        "too short for r": lambda: m.memmap(path, dtype="float32", mode="r", shape=(100,)),
        "bad dtype": lambda: m.memmap(path, dtype="spam", mode="r"),
    }


@pytest.mark.parametrize("case", list(_errors(numpy, "", "")))
def test_errors(case, path, tmp_path):
    tmp = str(tmp_path / "other.bin")
    raises_like_numpy(_errors(numpy, path, tmp)[case], _errors(torchnp, path, tmp)[case])


def test_out_of_scope_dtype_and_unaligned_offset(path):
    with pytest.raises(TypeError, match="does not support"):
        torchnp.memmap(path, dtype="U1", mode="r")
    with pytest.raises(NotImplementedError, match="itemsize"):
        torchnp.memmap(path, dtype="float32", mode="r", offset=2, shape=(2,))


def test_negative_shape_raises_value_error(path):
    """NumPy passes a negative length on to mmap (OverflowError); torchnp checks the shape."""
    with pytest.raises(ValueError, match="negative dimensions"):
        torchnp.memmap(path, dtype="float32", mode="r", shape=(-1,))
