"""torchnp.lib.format and torchnp.lib.npyio against NumPy's: the header helpers and constants,
``write_array`` / ``read_array`` round trips both ways, ``open_memmap``, malformed input, and
``NpzFile`` / ``DataSource``.
"""
import io

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy
from opinfo.core import ALL
from test_io import MALFORMED, _layouts, _sample

F, TF = numpy.lib.format, torchnp.lib.format

HEADER_HELPERS = ["descr_to_dtype", "drop_metadata", "dtype_to_descr",
                  "header_data_from_array_1_0", "isfileobj", "magic", "read_array_header_1_0",
                  "read_array_header_2_0", "read_magic", "write_array_header_1_0",
                  "write_array_header_2_0"]
CONSTANTS = ["MAGIC_PREFIX", "MAGIC_LEN", "ARRAY_ALIGN", "BUFFER_SIZE", "EXPECTED_KEYS",
             "GROWTH_AXIS_MAX_DIGITS"]


def test_names_are_numpy_s():
    public = sorted(n for n in dir(F) if not n.startswith("_"))
    assert sorted(n for n in dir(TF) if not n.startswith("_")) == public
    for name in CONSTANTS:
        assert getattr(TF, name) == getattr(F, name)
    for name in HEADER_HELPERS:             # host-side: bytes, dicts, dtypes
        assert getattr(TF, name) is getattr(F, name)
    assert sorted(n for n in dir(torchnp.lib.npyio) if not n.startswith("_")) == \
        sorted(n for n in dir(numpy.lib.npyio) if not n.startswith("_"))
    assert torchnp.lib.npyio.DataSource is numpy.lib.npyio.DataSource
    assert torchnp.lib.npyio.NpzFile is torchnp.load.__globals__["NpzFile"]


@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty", "1d"])
def test_header_data_of_torchnp_arrays(layout):
    host = _layouts(_sample("float32"))[layout]
    assert TF.header_data_from_array_1_0(torchnp.asarray(host)) == \
        F.header_data_from_array_1_0(host)


@pytest.mark.parametrize("version", [None, (1, 0), (2, 0), (3, 0)])
@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty"])
@pytest.mark.parametrize("dtype", [d.name for d in ALL])
def test_write_array_round_trips(dtype, layout, version):
    host = _layouts(_sample(dtype))[layout]
    ours, theirs = io.BytesIO(), io.BytesIO()
    TF.write_array(ours, torchnp.asarray(host), version=version)
    F.write_array(theirs, host, version=version)
    assert ours.getvalue() == theirs.getvalue()
    theirs.seek(0)
    got = TF.read_array(theirs)
    assert isinstance(got, torchnp.ndarray)
    assert_matches_numpy(got, F.read_array(io.BytesIO(ours.getvalue())), rtol=0)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_read_array_of_malformed_input(name):
    data = MALFORMED[name]
    try:
        expected = F.read_array(io.BytesIO(data))
    except Exception:       # noqa: BLE001 - NumPy's class is what torchnp must raise
        raises_like_numpy(lambda: F.read_array(io.BytesIO(data)),
                          lambda: TF.read_array(io.BytesIO(data)))
    else:
        assert_matches_numpy(TF.read_array(io.BytesIO(data)), expected)


def test_read_array_header_size_and_pickles():
    b = io.BytesIO()
    F.write_array(b, numpy.zeros((1,) * 40))      # a long shape: a long header
    for kwargs in ({"max_header_size": 10}, {"max_header_size": 10, "allow_pickle": True}, {}):
        raises_or_equal = lambda: F.read_array(io.BytesIO(b.getvalue()), **kwargs)  # noqa: E731
        try:
            expected = raises_or_equal()
        except ValueError:
            raises_like_numpy(raises_or_equal,
                              lambda: TF.read_array(io.BytesIO(b.getvalue()), **kwargs))
        else:
            assert_matches_numpy(TF.read_array(io.BytesIO(b.getvalue()), **kwargs), expected)
    obj = io.BytesIO()
    F.write_array(obj, numpy.array([1, "a"], dtype=object))
    raises_like_numpy(lambda: F.read_array(io.BytesIO(obj.getvalue())),
                      lambda: TF.read_array(io.BytesIO(obj.getvalue())))


# ----- open_memmap --------------------------------------------------------------------------------
def test_open_memmap_creates_a_file_numpy_reads(tmp_path):
    path = tmp_path / "new.npy"
    m = TF.open_memmap(path, mode="w+", dtype=numpy.float32, shape=(3, 4))
    assert isinstance(m, torchnp.ndarray) and m.dtype == numpy.float32 and m.shape == (3, 4)
    m[1] = 7
    del m
    expected = numpy.zeros((3, 4), numpy.float32)
    expected[1] = 7
    assert_matches_numpy(torchnp.asarray(numpy.load(path)), expected)
    with open(path, "rb") as ours:
        header = F.read_array_header_1_0(ours) if F.read_magic(ours) == (1, 0) else None
    assert header == ((3, 4), False, numpy.dtype(numpy.float32))


@pytest.mark.parametrize("fortran_order", [False, True])
def test_open_memmap_creates_numpy_s_bytes(tmp_path, fortran_order):
    TF.open_memmap(tmp_path / "t.npy", "w+", numpy.int16, (2, 3), fortran_order)
    numpy_map = F.open_memmap(tmp_path / "n.npy", "w+", numpy.int16, (2, 3), fortran_order)
    del numpy_map
    assert (tmp_path / "t.npy").read_bytes() == (tmp_path / "n.npy").read_bytes()


@pytest.mark.parametrize("mode", ["r", "r+", "c"])
def test_open_memmap_reads_and_writes_as_numpy(tmp_path, mode):
    host = _sample("float64")
    path = tmp_path / "a.npy"
    numpy.save(path, host)
    m = TF.open_memmap(path, mode=mode)
    expected = F.open_memmap(path, mode=mode)
    assert_matches_numpy(m, expected)
    assert m.flags.writeable == expected.flags.writeable == (mode != "r")
    if mode == "r":                  # a read-only map, as NumPy's
        raises_like_numpy(lambda: expected.__setitem__((0, 0), 123.0),
                          lambda: m.__setitem__((0, 0), 123.0))
    else:
        m[0, 0] = 123.0
    del m, expected
    assert (numpy.load(path)[0, 0] == 123.0) == (mode == "r+")


@pytest.mark.parametrize("call", [
    lambda M, p: M.open_memmap(io.BytesIO(), mode="r"),
    lambda M, p: M.open_memmap(p, mode="w+", dtype=object, shape=(2,)),
    lambda M, p: M.open_memmap(p, mode="w+", dtype=float, shape=(2,), version=(9, 0)),
    lambda M, p: M.open_memmap(p / "missing.npy", mode="r"),
])
def test_open_memmap_errors_are_numpy_s(tmp_path, call):
    raises_like_numpy(lambda: call(F, tmp_path), lambda: call(TF, tmp_path))


def test_open_memmap_of_strings_is_out_of_scope(tmp_path):
    with pytest.raises(TypeError, match="does not support"):
        TF.open_memmap(tmp_path / "s.npy", mode="w+", dtype="U3", shape=(2,))
    assert not (tmp_path / "s.npy").exists()


# ----- npyio -------------------------------------------------------------------------------------
def test_npzfile_reads_numpy_s_archives(tmp_path):
    path = tmp_path / "a.npz"
    numpy.savez(path, a=numpy.arange(4), b=numpy.eye(2, dtype=numpy.complex64))
    with torchnp.lib.npyio.NpzFile(open(path, "rb"), own_fid=True) as ours, \
            numpy.lib.npyio.NpzFile(open(path, "rb"), own_fid=True) as theirs:
        assert ours.files == theirs.files
        for key in theirs.files:
            assert_matches_numpy(ours[key], theirs[key])
        raises_like_numpy(lambda: theirs["c"], lambda: ours["c"])


def test_datasource_opens_files(tmp_path):
    (tmp_path / "t.txt").write_text("1 2 3\n")
    with torchnp.lib.npyio.DataSource(None).open(str(tmp_path / "t.txt")) as f:
        assert_matches_numpy(torchnp.loadtxt(f), numpy.loadtxt(tmp_path / "t.txt"))
