"""Input and output against NumPy: .npy / .npz round trips in both directions for every dtype,
0-d, empty, Fortran-ordered and byte-swapped arrays, memory-mapped files; malformed, truncated
and hostile files (NumPy's exception class, nothing allocated for a huge declared shape, nothing
unpickled without allow_pickle=True); text files; raw data; the ndarray's tofile / tobytes /
dump / dumps. Files live in pytest's ``tmp_path``."""
import io
import pathlib
import pickle
import struct
import time
import warnings
import zipfile

import numpy
import pytest

import torchnp
from helpers import DTYPES, assert_matches_numpy, raises_like_numpy
from opinfo.core import ALL

RNG = numpy.random.default_rng(0)


def _sample(dtype, shape=(3, 4)):
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        return RNG.random(shape) < 0.5
    if dt.kind in "iu":
        info = numpy.iinfo(dt)
        return RNG.integers(info.min, info.max, size=shape, dtype=dt, endpoint=True)
    x = RNG.standard_normal(shape) * 100
    if dt.kind == "c":
        x = x + 1j * RNG.standard_normal(shape)
    return x.astype(dt)


def _layouts(x):
    """The array in the layouts a file can hold: C, Fortran, a strided view, 0-d, empty."""
    return {"C": x, "F": numpy.asfortranarray(x), "strided": x[:, ::2], "0d": numpy.array(x[0, 0]),
            "empty": x[:0], "1d": x[0]}


def _npy_bytes(x, version=None):
    b = io.BytesIO()
    numpy.lib.format.write_array(b, x, version=version)
    return b.getvalue()


def _numpy_result(np_call, tnp_call):
    """NumPy's result; where NumPy raises, torchnp must raise its class (None is returned)."""
    try:
        return np_call()
    except Exception:       # noqa: BLE001 - NumPy's class is what torchnp must raise
        raises_like_numpy(np_call, tnp_call)
        return None


# ----- .npy round trips --------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty", "1d"])
@pytest.mark.parametrize("dtype", [d.name for d in ALL])
def test_torchnp_writes_numpys_bytes(tmp_path, dtype, layout):
    x = _layouts(_sample(dtype))[layout]
    torchnp.save(tmp_path / "t.npy", torchnp.asarray(x))
    numpy.save(tmp_path / "n.npy", x)
    assert (tmp_path / "t.npy").read_bytes() == (tmp_path / "n.npy").read_bytes()
    back = numpy.load(tmp_path / "t.npy")
    assert back.dtype == x.dtype and back.shape == x.shape
    numpy.testing.assert_array_equal(back, x)


@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty", "1d"])
@pytest.mark.parametrize("dtype", [d.name for d in ALL])
def test_torchnp_reads_numpys_files(tmp_path, dtype, layout):
    x = _layouts(_sample(dtype))[layout]
    numpy.save(tmp_path / "n.npy", x)
    expected = numpy.load(tmp_path / "n.npy")
    for source in (tmp_path / "n.npy", str(tmp_path / "n.npy"),
                   io.BytesIO((tmp_path / "n.npy").read_bytes())):
        actual = torchnp.load(source)
        assert_matches_numpy(actual, expected, rtol=0)
        assert actual.flags.f_contiguous == expected.flags.f_contiguous
        assert actual.flags.c_contiguous == expected.flags.c_contiguous
    with open(tmp_path / "n.npy", "rb") as f:
        assert_matches_numpy(torchnp.load(f), expected, rtol=0)


@pytest.mark.parametrize("dtype", [">f8", ">i4", ">c16", "<f8", "|u1", ">u2", "<f16", "<c32"])
def test_other_byte_orders_and_extended_precision(dtype):
    x = numpy.arange(6).reshape(2, 3).astype(dtype)
    actual = torchnp.load(io.BytesIO(_npy_bytes(x)))
    # torch tensors are native-endian; longdouble is float64 (docs/differences.md)
    expected = x.astype(x.dtype.newbyteorder("=")) if x.dtype.itemsize <= 8 or \
        x.dtype.kind in "iu" or x.dtype.char in "dD" else x.astype(x.dtype.kind + "8"
                                                                  if x.dtype.kind == "f" else "c16")
    assert_matches_numpy(actual, expected, rtol=0)


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_header_versions(version):
    x = numpy.arange(12.0).reshape(3, 4)
    assert_matches_numpy(torchnp.load(io.BytesIO(_npy_bytes(x, version))), x, rtol=0)


def test_scalar_and_list_arguments(tmp_path):
    for value in (2.5, 3, True, [1, 2, 3], [[1.5, 2]], numpy.float32(1.5), 1 + 2j):
        torchnp.save(tmp_path / "t.npy", value)
        numpy.save(tmp_path / "n.npy", value)
        assert (tmp_path / "t.npy").read_bytes() == (tmp_path / "n.npy").read_bytes()
    torchnp.save(tmp_path / "s.npy", torchnp.arange(3.0).sum())     # a torchnp scalar
    numpy.save(tmp_path / "n.npy", numpy.arange(3.0).sum())
    assert (tmp_path / "s.npy").read_bytes() == (tmp_path / "n.npy").read_bytes()


def test_save_appends_npy_like_numpy(tmp_path):
    torchnp.save(str(tmp_path / "plain"), torchnp.arange(3))
    assert (tmp_path / "plain.npy").exists()
    with open(tmp_path / "handle.bin", "wb") as f:
        torchnp.save(f, torchnp.arange(3))
        torchnp.save(f, torchnp.ones(2))
    with open(tmp_path / "handle.bin", "rb") as f:            # two arrays, one after the other
        assert_matches_numpy(torchnp.load(f), numpy.arange(3), rtol=0)
        assert_matches_numpy(torchnp.load(f), numpy.ones(2), rtol=0)


@pytest.mark.parametrize("value", [["a", "b"], [None, 1], numpy.array(["x"]),
                                   numpy.array([1], dtype=object)], ids=repr)
def test_saving_non_numbers_is_out_of_scope(tmp_path, value):
    numpy.save(tmp_path / "n.npy", value, allow_pickle=True)       # NumPy can; torchnp cannot
    with pytest.raises(TypeError, match="torchnp does not support the (string|object) dtype"):
        torchnp.save(tmp_path / "t.npy", value)


def test_results_land_on_the_default_device():
    data = _npy_bytes(numpy.arange(6.0))
    with torchnp.default_device("meta"):
        assert torchnp.load(io.BytesIO(data)).device.type == "meta"
        assert torchnp.frombuffer(b"\x00" * 8).device.type == "meta"
    assert torchnp.frombuffer(b"\x00" * 8, device="meta").device.type == "meta"


# ----- malformed, truncated and hostile files ----------------------------------------------------
def _npy(header, data=b"", version=(1, 0), pad=True):
    h = header.encode("latin1")
    if pad:
        h += b" " * (63 - (10 + len(h)) % 64) + b"\n"
    length = struct.pack("<H" if version == (1, 0) else "<I", len(h))
    return numpy.lib.format.MAGIC_PREFIX + bytes(version) + length + h + data


def _hdr(shape, descr="<f8", fortran="False"):
    return f"{{'descr': {descr!r}, 'fortran_order': {fortran}, 'shape': {shape}, }}"


MALFORMED = {
    "short": _npy(_hdr("(4,)"), b"\0" * 16),
    "negative": _npy(_hdr("(-1,)"), b"\0" * 16),
    "huge_2d": _npy(_hdr(f"({2**40}, {2**40})"), b"\0" * 16),
    "huge_3d": _npy(_hdr(f"({2**31}, {2**31}, {2**31})"), b"\0" * 16),
    "dim_beyond_int64": _npy(_hdr(f"({2**70},)"), b"\0" * 16),
    "huge_with_zero": _npy(_hdr(f"({2**62}, 0)"), b""),
    "bad_keys": _npy("{'descr': '<f8', 'shape': (1,), }", b"\0" * 8),
    "bad_descr": _npy(_hdr("(1,)", descr="zz"), b"\0" * 8),
    "not_a_dict": _npy("[1, 2]", b"\0" * 8),
    "unparsable": _npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,) ", b"\0" * 8),
    "code": _npy("__import__('os').system('echo HACKED')"),
    "object_array": _npy(_hdr("(1,)", descr="|O"), pickle.dumps([1])),
    "version_9": _npy(_hdr("(1,)"), b"\0" * 8, version=(9, 0)),
    "truncated_header": _npy(_hdr("(1,)"))[:20],
    "magic_only": numpy.lib.format.MAGIC_PREFIX,
    "empty": b"",
    "shape_of_floats": _npy(_hdr("(1.0,)"), b"\0" * 8),
    "fortran_not_bool": _npy(_hdr("(1,)", fortran="0"), b"\0" * 8),
    "pickle": pickle.dumps(numpy.arange(3)),
    "garbage": b"hello world, no format at all",
    "huge_header": _npy(_hdr("(1,)") + " " * 20000, b"\0" * 8),
    "not_a_zip": b"PK\x03\x04" + b"\0" * 40,
}
# Where NumPy tries to allocate what the header declares and fails (MemoryError on this
# machine), torchnp raises the ValueError NumPy raises for a size the file does not hold, before
# allocating anything (docs/differences.md).
BEFORE_ALLOCATING = {"huge": _npy(_hdr(f"({2**40},)"), b"\0" * 16),
                     "huge_complex": _npy(_hdr(f"({2**37}, 4)", "<c16"), b"\0" * 16),
                     "8GiB": _npy(_hdr(f"({2**30},)"), b"\0" * 16)}


def _non_numeric(kwargs):
    return numpy.dtype(kwargs.get("dtype", float)).kind not in "biufc"


def _as(kind, data, tmp_path):
    if kind == "bytesio":
        return io.BytesIO(data)
    path = tmp_path / "bad.npy"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", ["bytesio", "path"])
@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_raise_numpys_exception(tmp_path, name, kind):
    data = MALFORMED[name]
    raises_like_numpy(lambda: numpy.load(_as(kind, data, tmp_path)),
                      lambda: torchnp.load(_as(kind, data, tmp_path)))


@pytest.mark.parametrize("kind", ["bytesio", "path"])
@pytest.mark.parametrize("name", sorted(BEFORE_ALLOCATING))
def test_huge_declared_shapes_raise_before_allocating(tmp_path, name, kind):
    start = time.perf_counter()
    with pytest.raises(ValueError, match="Failed to read all data|EOF: reading array data"):
        torchnp.load(_as(kind, BEFORE_ALLOCATING[name], tmp_path))
    assert time.perf_counter() - start < 5


def test_code_in_a_header_never_runs(tmp_path, capfd):
    with pytest.raises(ValueError):
        torchnp.load(io.BytesIO(MALFORMED["code"]))
    assert "HACKED" not in capfd.readouterr().out


class _Exploit:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (pathlib.Path.write_text, (pathlib.Path(self.path), "pwned"))


def test_pickles_are_never_loaded_without_allow_pickle(tmp_path):
    witness = tmp_path / "witness.txt"
    payload = pickle.dumps(_Exploit(witness))
    for data in (payload, _npy(_hdr("(1,)", descr="|O"), payload)):
        for kind in ("bytesio", "path"):
            with pytest.raises(ValueError, match="allow_pickle"):
                torchnp.load(_as(kind, data, tmp_path))
    assert not witness.exists()


def test_allow_pickle_loads_pickles_of_arrays_as_torchnp_arrays():
    x = numpy.arange(6.0).reshape(2, 3)
    assert_matches_numpy(torchnp.load(io.BytesIO(pickle.dumps(x)), allow_pickle=True), x)
    assert torchnp.load(io.BytesIO(pickle.dumps({"k": 1})), allow_pickle=True) == {"k": 1}
    with pytest.raises(pickle.UnpicklingError, match="Failed to interpret"):
        torchnp.load(io.BytesIO(b"not a pickle"), allow_pickle=True)


def test_object_arrays_are_out_of_scope_even_with_allow_pickle():
    data = _npy_bytes(numpy.array([1, "a"], dtype=object))
    assert numpy.load(io.BytesIO(data), allow_pickle=True).dtype == object
    with pytest.raises(TypeError, match="object dtype"):
        torchnp.load(io.BytesIO(data), allow_pickle=True)


@pytest.mark.parametrize("descr", ["<U3", "<M8[s]", "|S2", "<m8[D]"])
def test_non_numeric_files_are_out_of_scope(descr):
    data = _npy(_hdr("(1,)", descr=descr), b"\0" * 16)
    numpy.load(io.BytesIO(data))
    with pytest.raises(TypeError, match="torchnp does not support the"):
        torchnp.load(io.BytesIO(data))


def test_structured_files_are_out_of_scope():
    data = _npy_bytes(numpy.zeros(2, dtype=[("a", "<f8"), ("b", "<i4")]))
    with pytest.raises(TypeError, match="structured"):
        torchnp.load(io.BytesIO(data))


def test_max_header_size_and_encoding_as_numpy():
    data = MALFORMED["huge_header"]
    raises_like_numpy(lambda: numpy.load(io.BytesIO(data)), lambda: torchnp.load(io.BytesIO(data)))
    for kwargs in ({"allow_pickle": True}, {"max_header_size": 10**6}):
        assert_matches_numpy(torchnp.load(io.BytesIO(data), **kwargs),
                             numpy.load(io.BytesIO(data), **kwargs), rtol=0)
    raises_like_numpy(lambda: numpy.load(io.BytesIO(data), encoding="utf8"),
                      lambda: torchnp.load(io.BytesIO(data), encoding="utf8"))


def test_unseekable_streams():
    class Stream(io.RawIOBase):
        def __init__(self, data):
            self._data = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, b):
            return self._data.readinto(b)

        def seek(self, offset, whence=0):       # load steps back over the magic only
            if whence != 1:
                raise OSError("not seekable")
            return self._data.seek(offset, 1)

        def tell(self):
            raise OSError("not seekable")

    x = numpy.arange(12.0).reshape(3, 4)
    assert_matches_numpy(torchnp.load(Stream(_npy_bytes(x))), x, rtol=0)
    with pytest.raises(ValueError, match="EOF: reading array data"):
        torchnp.load(Stream(_npy_bytes(x)[:-8]))
    with pytest.raises(ValueError, match="EOF: reading array data"):
        torchnp.load(Stream(BEFORE_ALLOCATING["huge"]))


# ----- .npz --------------------------------------------------------------------------------------
@pytest.mark.parametrize("compressed", [False, True])
def test_npz_both_ways(tmp_path, compressed):
    arrays = {d: _sample(d) for d in DTYPES}
    f = numpy.asfortranarray(_sample("float32"))
    save_t = torchnp.savez_compressed if compressed else torchnp.savez
    save_n = numpy.savez_compressed if compressed else numpy.savez
    save_t(tmp_path / "t.npz", torchnp.asarray(f), torchnp.arange(3), **{
        k: torchnp.asarray(v) for k, v in arrays.items()})
    save_n(tmp_path / "n.npz", f, numpy.arange(3), **arrays)
    with numpy.load(tmp_path / "t.npz") as ours_in_numpy, numpy.load(tmp_path / "n.npz") as ref:
        assert ours_in_numpy.files == ref.files
        for k in ref.files:
            numpy.testing.assert_array_equal(ours_in_numpy[k], ref[k])
            assert ours_in_numpy[k].dtype == ref[k].dtype
    with torchnp.load(tmp_path / "n.npz") as npz, numpy.load(tmp_path / "n.npz") as ref:
        assert npz.files == ref.files and len(npz) == len(ref) and list(npz) == list(ref)
        for k in ref.files:
            assert_matches_numpy(npz[k], ref[k], rtol=0)
            assert_matches_numpy(npz[k + ".npy"], ref[k], rtol=0)
        assert_matches_numpy(npz.f.arr_0, ref.f.arr_0, rtol=0)
        assert "arr_1" in npz and "nope" not in npz and "arr_1.npy" in npz
        assert repr(npz) == repr(ref).replace(repr(ref.fid.name), repr(npz.fid.name))
        assert [k for k, _ in npz.items()] == [k for k, _ in ref.items()]
        assert npz.get("nope", 5) == 5
        with pytest.raises(KeyError, match="nope is not a file in the archive"):
            npz["nope"]
        with pytest.raises(AttributeError):
            npz.f.nope


def test_npz_closes_its_file(tmp_path):
    numpy.savez(tmp_path / "n.npz", a=numpy.arange(3))
    npz = torchnp.load(tmp_path / "n.npz")
    fid = npz.fid
    npz.close()
    assert fid.closed and npz.zip is None and npz.fid is None
    with open(tmp_path / "n.npz", "rb") as f:           # a caller's file stays open
        npz = torchnp.load(f)
        npz.close()
        assert not f.closed


def test_npz_other_members_and_names(tmp_path):
    with zipfile.ZipFile(tmp_path / "mixed.npz", "w") as z:
        z.writestr("notes.txt", b"hello")
        z.writestr("x.npy", _npy_bytes(numpy.arange(4)))
    for mod in (numpy, torchnp):
        with mod.load(tmp_path / "mixed.npz") as npz:
            assert npz.files == ["notes.txt", "x"]
            assert npz["notes.txt"] == b"hello"
    raises_like_numpy(lambda: numpy.savez(tmp_path / "c.npz", numpy.ones(1), arr_0=numpy.ones(1)),
                      lambda: torchnp.savez(tmp_path / "c.npz", torchnp.ones(1),
                                            arr_0=torchnp.ones(1)))


@pytest.mark.parametrize("member", ["short", "huge_2d", "bad_descr", "object_array"])
@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_npz_with_malformed_members(tmp_path, member, compression):
    with zipfile.ZipFile(tmp_path / "bad.npz", "w", compression=compression) as z:
        z.writestr("x.npy", MALFORMED[member])
    with numpy.load(tmp_path / "bad.npz") as ref, torchnp.load(tmp_path / "bad.npz") as npz:
        raises_like_numpy(lambda: ref["x"], lambda: npz["x"])
    with zipfile.ZipFile(tmp_path / "huge.npz", "w", compression=compression) as z:
        z.writestr("x.npy", BEFORE_ALLOCATING["huge"])
    with torchnp.load(tmp_path / "huge.npz") as npz, pytest.raises(ValueError, match="EOF"):
        npz["x"]


def test_npz_with_a_corrupt_member(tmp_path):
    numpy.savez(tmp_path / "n.npz", a=numpy.arange(100.0))
    data = bytearray((tmp_path / "n.npz").read_bytes())
    data[200] ^= 0xFF                           # inside the member's data: its CRC fails
    (tmp_path / "bad.npz").write_bytes(bytes(data))
    with numpy.load(tmp_path / "bad.npz") as ref, torchnp.load(tmp_path / "bad.npz") as npz:
        raises_like_numpy(lambda: ref["a"], lambda: npz["a"])
    (tmp_path / "cut.npz").write_bytes(bytes(data[:120]))
    raises_like_numpy(lambda: numpy.load(tmp_path / "cut.npz"),
                      lambda: torchnp.load(tmp_path / "cut.npz"))


# ----- mmap_mode ---------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["C", "F", "0d", "empty"])
@pytest.mark.parametrize("mode", ["r", "readonly", "c", "r+"])
def test_mmap_reads_numpys_files(tmp_path, mode, layout):
    x = _layouts(_sample("float32"))[layout]
    numpy.save(tmp_path / "m.npy", x)
    expected = numpy.load(tmp_path / "m.npy", mmap_mode=mode)
    actual = torchnp.load(tmp_path / "m.npy", mmap_mode=mode)
    assert_matches_numpy(actual, numpy.asarray(expected), rtol=0)
    assert actual.flags.f_contiguous == expected.flags.f_contiguous
    del expected


def test_mmap_r_plus_writes_reach_the_file(tmp_path):
    numpy.save(tmp_path / "m.npy", numpy.arange(6.0).reshape(2, 3))
    m = torchnp.load(tmp_path / "m.npy", mmap_mode="r+")
    m[1, 2] = 42.0
    del m
    assert numpy.load(tmp_path / "m.npy")[1, 2] == 42.0


def test_mmap_c_never_writes_the_file_and_r_is_read_only(tmp_path):
    numpy.save(tmp_path / "m.npy", numpy.arange(6.0))
    before = (tmp_path / "m.npy").read_bytes()
    m = torchnp.load(tmp_path / "m.npy", mmap_mode="c")
    m[0] = 42.0                                 # private pages
    assert float(m[0]) == 42.0
    del m
    assert (tmp_path / "m.npy").read_bytes() == before
    r, x = (lib.load(tmp_path / "m.npy", mmap_mode="r") for lib in (torchnp, numpy))
    assert r.flags.writeable is x.flags.writeable is False
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        r[0] = 42.0


@pytest.mark.parametrize("mode", ["x", "rb", "copyonwrite", "readwrite", "write", 1])
def test_mmap_bad_modes(tmp_path, mode):
    numpy.save(tmp_path / "m.npy", numpy.arange(3.0))
    raises_like_numpy(lambda: numpy.load(tmp_path / "m.npy", mmap_mode=mode),
                      lambda: torchnp.load(tmp_path / "m.npy", mmap_mode=mode))


def test_mmap_w_plus_leaves_the_file_alone(tmp_path):
    numpy.save(tmp_path / "m.npy", numpy.arange(3.0))
    before = (tmp_path / "m.npy").read_bytes()
    with pytest.raises(TypeError):              # NumPy: TypeError, after truncating the file
        torchnp.load(tmp_path / "m.npy", mmap_mode="w+")
    assert (tmp_path / "m.npy").read_bytes() == before


def test_mmap_needs_a_path(tmp_path):
    numpy.save(tmp_path / "m.npy", numpy.arange(3.0))
    with open(tmp_path / "m.npy", "rb") as f:
        raises_like_numpy(lambda: numpy.load(f, mmap_mode="r"),
                          lambda: torchnp.load(f, mmap_mode="r"))
    data = (tmp_path / "m.npy").read_bytes()
    raises_like_numpy(lambda: numpy.load(io.BytesIO(data), mmap_mode="r"),
                      lambda: torchnp.load(io.BytesIO(data), mmap_mode="r"))


@pytest.mark.parametrize("mode", ["r", "c", "r+"])
@pytest.mark.parametrize("name", ["short", "huge_2d", "object_array", "bad_descr"])
def test_mmap_malformed(tmp_path, mode, name):
    path = tmp_path / "bad.npy"
    path.write_bytes(MALFORMED[name])
    before = path.read_bytes()
    if name == "short":
        # NumPy's 'r+' grows a short file with zeros to the declared size; torchnp raises
        # NumPy's error of 'r' and 'c' instead, and leaves the file alone (docs/differences.md)
        with pytest.raises(ValueError, match="mmap length is greater than file size"):
            torchnp.load(path, mmap_mode=mode)
        assert path.read_bytes() == before
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)     # NumPy's size overflows
        raises_like_numpy(lambda: numpy.load(path, mmap_mode=mode),
                          lambda: torchnp.load(path, mmap_mode=mode))
    assert path.read_bytes() == before


# ----- text files --------------------------------------------------------------------------------
TEXT = "# a comment\n1, 2, 3\n4, 5, 6 # trailing\n\n7, 8, 9\n"
TEXT_CALLS = [
    ("loadtxt", dict(delimiter=",")), ("loadtxt", dict(delimiter=",", dtype=int)),
    ("loadtxt", dict(delimiter=",", usecols=(0, 2))), ("loadtxt", dict(delimiter=",", skiprows=2)),
    ("loadtxt", dict(delimiter=",", unpack=True)),
    ("loadtxt", dict(delimiter=",", skiprows=1, max_rows=1)),
    ("loadtxt", dict(delimiter=",", usecols=1, ndmin=2)), ("loadtxt", dict(delimiter=";")),
    ("loadtxt", dict(delimiter=",", dtype=numpy.complex64)),
    ("loadtxt", dict(delimiter=",", dtype=[("a", "f8"), ("b", "f8"), ("c", "f8")])),
    ("loadtxt", dict(delimiter=",", dtype="U3")), ("loadtxt", dict(delimiter=",", usecols=5)),
    ("genfromtxt", dict(delimiter=",")), ("genfromtxt", dict(delimiter=",", skip_header=2)),
    ("genfromtxt", dict(delimiter=",", usecols=(0, 2), unpack=True)),
    ("genfromtxt", dict(delimiter=",", dtype=int)), ("genfromtxt", dict(delimiter=",", dtype=None)),
    ("genfromtxt", dict(delimiter=",", skip_footer=1)),
    ("genfromtxt", dict(delimiter=",", names=True)),
    ("genfromtxt", dict(delimiter=",", usemask=True)),
]


@pytest.mark.parametrize("name, kwargs", TEXT_CALLS, ids=lambda v: repr(v)[:50])
def test_text_files_match_numpy(tmp_path, name, kwargs):
    path = tmp_path / "t.txt"
    path.write_text(TEXT)
    if kwargs.get("names"):         # refused before reading: structured (docs/differences.md)
        with pytest.raises(TypeError, match="structured"):
            getattr(torchnp, name)(path, **kwargs)
        return
    expected = _numpy_result(lambda: getattr(numpy, name)(path, **kwargs),
                             lambda: getattr(torchnp, name)(path, **kwargs))
    if expected is None:
        return
    if isinstance(expected, numpy.ma.MaskedArray):
        with pytest.raises(NotImplementedError, match="usemask"):
            getattr(torchnp, name)(path, **kwargs)
    elif expected.dtype.kind not in "biufc":        # structured or strings: out of scope
        with pytest.raises(TypeError, match="torchnp does not support"):
            getattr(torchnp, name)(path, **kwargs)
    else:
        assert_matches_numpy(getattr(torchnp, name)(path, **kwargs), expected, rtol=0)


def test_genfromtxt_missing_values_are_nan(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("1,,3\n4,5,\nN/A,7,8\n")
    for kwargs in ({}, {"missing_values": "N/A"}, {"filling_values": -1},
                   {"missing_values": "N/A", "filling_values": 0, "dtype": int}):
        assert_matches_numpy(torchnp.genfromtxt(path, delimiter=",", **kwargs),
                             numpy.genfromtxt(path, delimiter=",", **kwargs), rtol=0)
    with pytest.raises(TypeError, match="structured"):
        torchnp.genfromtxt(path, delimiter=",", names=["a", "b", "c"])


def test_text_from_lines_and_handles(tmp_path):
    lines = ["1 2", "3 4"]
    assert_matches_numpy(torchnp.loadtxt(lines), numpy.loadtxt(lines), rtol=0)
    assert_matches_numpy(torchnp.genfromtxt(io.StringIO("1 2\n3 4")),
                         numpy.genfromtxt(io.StringIO("1 2\n3 4")), rtol=0)


def test_loadtxt_reads_the_default_float(tmp_path):
    with torchnp.default_float("float32"):
        assert torchnp.loadtxt(["1.5 2"]).dtype == numpy.float32
    assert torchnp.loadtxt(["1.5 2"], dtype=numpy.float64).dtype == numpy.float64


SAVETXT = [
    ("float", dict()), ("float", dict(fmt="%.3f", delimiter=",", header="h", footer="f")),
    ("int", dict(fmt="%d")), ("complex", dict()), ("complex", dict(fmt="%.2f%+.2fj")),
    ("1d", dict()), ("float", dict(fmt=["%.1f", "%d", "%.2e"])), ("float", dict(newline=";")),
    ("0d", dict()), ("3d", dict()), ("float", dict(fmt="%q")),
]


@pytest.mark.parametrize("kind, kwargs", SAVETXT, ids=lambda v: repr(v)[:40])
def test_savetxt_writes_numpys_text(tmp_path, kind, kwargs):
    x = {"float": numpy.linspace(-1, 1, 6).reshape(2, 3), "int": numpy.arange(6).reshape(3, 2),
         "complex": numpy.array([[1 + 2j, -0.5j]]), "1d": numpy.arange(4.0),
         "0d": numpy.array(1.5), "3d": numpy.ones((2, 2, 2))}[kind]
    written = _numpy_result(lambda: numpy.savetxt(tmp_path / "n.txt", x, **kwargs) or True,
                            lambda: torchnp.savetxt(tmp_path / "t.txt", torchnp.asarray(x),
                                                    **kwargs))
    if written is None:
        return
    torchnp.savetxt(tmp_path / "t.txt", torchnp.asarray(x), **kwargs)
    assert (tmp_path / "t.txt").read_bytes() == (tmp_path / "n.txt").read_bytes()


def test_fromregex(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("1 2\n3 4\n")
    for dtype in (numpy.int64, float):          # NumPy: structured dtypes only
        raises_like_numpy(lambda: numpy.fromregex(path, r"(\d+)", dtype),
                          lambda: torchnp.fromregex(path, r"(\d+)", dtype))
    numpy.fromregex(path, r"(\d+) (\d+)", [("a", int), ("b", int)])
    with pytest.raises(TypeError, match="structured"):
        torchnp.fromregex(path, r"(\d+) (\d+)", [("a", int), ("b", int)])
    raises_like_numpy(lambda: numpy.fromregex(tmp_path / "nope.txt", r"(\d+)", [("a", int)]),
                      lambda: torchnp.fromregex(tmp_path / "nope.txt", r"(\d+)", [("a", int)]))


# ----- raw data: fromfile, frombuffer, fromstring; tofile -----------------------------------------
FROMFILE = [dict(), dict(count=3), dict(count=100), dict(offset=8, count=2),
            dict(dtype=numpy.int32, offset=4), dict(dtype=numpy.int16, count=-2),
            dict(dtype="S3"), dict(dtype=object), dict(offset=-1), dict(offset=1000),
            dict(dtype=numpy.complex64), dict(dtype=">f8")]


@pytest.mark.parametrize("kwargs", FROMFILE, ids=repr)
def test_fromfile_binary(tmp_path, kwargs):
    numpy.arange(6.0).reshape(2, 3).tofile(tmp_path / "b.bin")
    path = tmp_path / "b.bin"
    if _non_numeric(kwargs):            # NumPy reads (or refuses) them; torchnp: out of scope
        with pytest.raises(TypeError, match="torchnp does not support"):
            torchnp.fromfile(path, **kwargs)
        return
    expected = _numpy_result(lambda: numpy.fromfile(path, **kwargs),
                             lambda: torchnp.fromfile(path, **kwargs))
    if expected is None:
        return
    expected = expected.astype(expected.dtype.newbyteorder("="))     # torch: native byte order
    assert_matches_numpy(torchnp.fromfile(path, **kwargs), expected, rtol=0)
    with open(path, "rb") as f:
        assert_matches_numpy(torchnp.fromfile(f, **kwargs), expected, rtol=0)


@pytest.mark.parametrize("text, kwargs", [("1,2,3\n4,5,6", dict(sep=",")),
                                          ("1 2 3 4", dict(sep=" ", dtype=int)),
                                          ("1 2 x", dict(sep=" ")),
                                          ("1, 2", dict(sep=",", count=1))], ids=repr)
def test_fromfile_text(tmp_path, text, kwargs):
    (tmp_path / "t.txt").write_text(text)
    path = tmp_path / "t.txt"
    expected = _numpy_result(lambda: numpy.fromfile(path, **kwargs),
                             lambda: torchnp.fromfile(path, **kwargs))
    if expected is None:
        return
    assert_matches_numpy(torchnp.fromfile(path, **kwargs), expected, rtol=0)


def test_fromfile_needs_a_real_file():
    raises_like_numpy(lambda: numpy.fromfile(io.BytesIO(b"abcdefgh")),
                      lambda: torchnp.fromfile(io.BytesIO(b"abcdefgh")))


@pytest.mark.parametrize("dtype", [d.name for d in ALL])
@pytest.mark.parametrize("sep", ["", ",", " "])
def test_tofile_and_back(tmp_path, dtype, sep):
    x = _sample(dtype)
    torchnp.asarray(x).tofile(tmp_path / "t.bin", sep=sep)
    x.tofile(tmp_path / "n.bin", sep=sep)
    assert (tmp_path / "t.bin").read_bytes() == (tmp_path / "n.bin").read_bytes()
    if not sep or numpy.dtype(dtype).kind not in "bc":     # (NumPy reads no 'True', '(1+2j)')
        assert_matches_numpy(torchnp.fromfile(tmp_path / "t.bin", dtype=dtype, sep=sep),
                             numpy.fromfile(tmp_path / "n.bin", dtype=dtype, sep=sep), rtol=0)


def test_frombuffer_shares_memory_read_only_for_read_only_buffers():
    buf = bytearray(numpy.arange(4.0).tobytes())
    a = torchnp.frombuffer(buf)
    a[0] = 7.0                                  # NumPy's frombuffer of a bytearray: a view
    assert numpy.frombuffer(buf)[0] == 7.0
    data = numpy.arange(4.0).tobytes()
    b = torchnp.frombuffer(data)
    assert not b.flags.writeable and not numpy.frombuffer(data).flags.writeable
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        b[0] = 7.0                              # bytes are immutable: a read-only view
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
        b.flags.writeable = True
    assert numpy.frombuffer(data)[0] == 0.0
    x = torchnp.arange(4.0)
    v = torchnp.frombuffer(x, dtype=numpy.uint8, count=8)
    v[7] = 0x40                                 # the array's own memory, as NumPy's
    assert float(x[0]) == 2.0


@pytest.mark.parametrize("args, kwargs", [(("1 2 3",), dict(sep=" ")),
                                          (("1,2,3",), dict(dtype=int, sep=",")),
                                          (("1,2,x",), dict(sep=",")), (("1 2 3",), dict()),
                                          (("1 2 3",), dict(sep=" ", count=2)),
                                          (("1 2",), dict(sep=" ", dtype="U1")),
                                          ((b"1 2",), dict(sep=" ")), ((None,), dict(sep=" "))],
                         ids=repr)
def test_fromstring(args, kwargs):
    if _non_numeric(kwargs):            # NumPy reads (or refuses) them; torchnp: out of scope
        with pytest.raises(TypeError, match="torchnp does not support"):
            torchnp.fromstring(*args, **kwargs)
        return
    expected = _numpy_result(lambda: numpy.fromstring(*args, **kwargs),
                             lambda: torchnp.fromstring(*args, **kwargs))
    if expected is None:
        return
    assert_matches_numpy(torchnp.fromstring(*args, **kwargs), expected, rtol=0)


# ----- the ndarray's tobytes, dump, dumps --------------------------------------------------------
@pytest.mark.parametrize("order", ["C", "F", "A", "K", None, "X"])
@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty"])
@pytest.mark.parametrize("dtype", ["bool", "int16", "uint64", "float32", "complex128"])
def test_tobytes(dtype, layout, order):
    x = _layouts(_sample(dtype))[layout]
    raised = []
    for a in (x, torchnp.asarray(x)):
        try:
            raised.append(a.tobytes(order))
        except ValueError as e:
            raised.append(type(e))
    assert raised[0] == raised[1]


def test_scalars_have_numpys_bytes_and_pickles(tmp_path):
    s, t = numpy.arange(3.0).sum(), torchnp.arange(3.0).sum()
    assert t.tobytes() == s.tobytes() and t.dumps() == s.dumps()
    t.dump(tmp_path / "s.pkl")
    assert numpy.load(tmp_path / "s.pkl", allow_pickle=True) == s
    back = torchnp.load(tmp_path / "s.pkl", allow_pickle=True)
    assert_matches_numpy(back, s)


@pytest.mark.parametrize("layout", ["C", "F", "strided", "0d", "empty"])
def test_dump_and_dumps_are_numpys_pickles(tmp_path, layout):
    x = _layouts(_sample("float64"))[layout]
    a = torchnp.asarray(x)
    assert a.dumps() == x.dumps()
    a.dump(tmp_path / "t.pkl")
    x.dump(tmp_path / "n.pkl")
    assert (tmp_path / "t.pkl").read_bytes() == (tmp_path / "n.pkl").read_bytes()
    assert_matches_numpy(torchnp.load(tmp_path / "t.pkl", allow_pickle=True),
                         numpy.load(tmp_path / "n.pkl", allow_pickle=True), rtol=0)

