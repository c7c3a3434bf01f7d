"""Dtypes and promotion against NumPy: result_type (exhaustive, NEP 50 weak scalars), promote_types,
can_cast, min_scalar_type, common_type, finfo/iinfo, unsupported dtypes, and the generated tables."""
import itertools
import pathlib
import subprocess
import sys

import numpy
import pytest
import torch

import torchnp
from helpers import raises_like_numpy

CODES = "?bBhHiIlLefdFD"
DTYPES = [numpy.dtype(c) for c in CODES]
WEAK = [True, 1, 1.0, 1j]             # bool is strong-lowest; int, float, complex are weak (NEP 50)


def test_result_type_every_pair_of_dtypes():
    for d1, d2 in itertools.product(DTYPES, repeat=2):
        assert torchnp.result_type(d1, d2) == numpy.result_type(d1, d2), (d1, d2)


def test_result_type_every_dtype_with_weak_scalars_both_orders():
    for dt, w in itertools.product(DTYPES, WEAK):
        assert torchnp.result_type(dt, w) == numpy.result_type(dt, w), (dt, w)
        assert torchnp.result_type(w, dt) == numpy.result_type(w, dt), (w, dt)


def test_result_type_arrays_and_several_weak_scalars():
    for dt in DTYPES:
        a = numpy.zeros(2, dtype=dt)
        for ws in itertools.combinations(WEAK, 2):
            assert torchnp.result_type(torchnp.asarray(a), *ws) == numpy.result_type(a, *ws), \
                (dt, ws)


def test_result_type_scalars_only():
    for ws in itertools.product(WEAK, repeat=2):
        assert torchnp.result_type(*ws) == numpy.result_type(*ws), ws


def test_result_type_numpy_scalars_are_strong():
    assert torchnp.result_type(numpy.float32(1), numpy.int64(1)) == \
        numpy.result_type(numpy.float32(1), numpy.int64(1))
    assert torchnp.result_type(numpy.int8(1), 1.0) == numpy.result_type(numpy.int8(1), 1.0)


def test_promote_types_every_pair():
    for d1, d2 in itertools.product(DTYPES, repeat=2):
        assert torchnp.promote_types(d1, d2) == numpy.promote_types(d1, d2), (d1, d2)


def test_promote_types_accepts_strings_and_types():
    assert torchnp.promote_types("i1", numpy.uint8) == numpy.promote_types("i1", numpy.uint8)
    assert torchnp.promote_types(float, int) == numpy.promote_types(float, int)


@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_can_cast_every_pair(casting):
    for d1, d2 in itertools.product(DTYPES, repeat=2):
        assert torchnp.can_cast(d1, d2, casting) == numpy.can_cast(d1, d2, casting), \
            (d1, d2, casting)


def test_can_cast_arrays_and_errors():
    a = numpy.zeros(2, dtype=numpy.int16)
    assert torchnp.can_cast(torchnp.asarray(a), numpy.int8) == numpy.can_cast(a, numpy.int8)
    for value in (1, 1.0, 1j):
        raises_like_numpy(lambda: numpy.can_cast(value, numpy.int8),
                          lambda: torchnp.can_cast(value, numpy.int8))
    raises_like_numpy(lambda: numpy.can_cast(numpy.int8, numpy.int16, "bogus"),
                      lambda: torchnp.can_cast(numpy.int8, numpy.int16, "bogus"))


@pytest.mark.parametrize("value", [0, 255, 256, -1, -129, 2**40, 1.5, 1e300, 1j, True])
def test_min_scalar_type(value):
    assert torchnp.min_scalar_type(value) == numpy.min_scalar_type(value)


def test_min_scalar_type_of_arrays():
    a = numpy.array([1, 2], dtype=numpy.int64)
    assert torchnp.min_scalar_type(torchnp.asarray(a)) == numpy.min_scalar_type(a)
    z = numpy.array(300)
    assert torchnp.min_scalar_type(torchnp.asarray(z)) == numpy.min_scalar_type(z)


@pytest.mark.parametrize("codes", ["b", "e", "f", "d", "F", "D", "bf", "ef", "fD", "eF", "lB"])
def test_common_type(codes):
    arrays = [numpy.zeros(1, dtype=c) for c in codes]
    assert torchnp.common_type(*[torchnp.asarray(a) for a in arrays]) is \
        numpy.common_type(*arrays)


def test_common_type_rejects_bool():
    a = numpy.zeros(1, dtype=bool)
    raises_like_numpy(lambda: numpy.common_type(a), lambda: torchnp.common_type(torchnp.asarray(a)))


@pytest.mark.parametrize("code", "efdFD")
def test_finfo(code):
    ours, theirs = torchnp.finfo(numpy.dtype(code)), numpy.finfo(numpy.dtype(code))
    assert (ours.eps, ours.max, ours.min, ours.tiny, ours.bits, ours.dtype) == \
        (theirs.eps, theirs.max, theirs.min, theirs.tiny, theirs.bits, theirs.dtype)
    assert torchnp.finfo(torchnp.zeros(1, dtype=code)).eps == theirs.eps


@pytest.mark.parametrize("code", "bBhHiIlL")
def test_iinfo(code):
    ours, theirs = torchnp.iinfo(numpy.dtype(code)), numpy.iinfo(numpy.dtype(code))
    assert (ours.min, ours.max, ours.bits, ours.dtype) == (theirs.min, theirs.max, theirs.bits,
                                                          theirs.dtype)


def test_finfo_and_iinfo_accept_torch_dtypes():
    assert torchnp.finfo(torch.float32).eps == numpy.finfo(numpy.float32).eps
    assert torchnp.iinfo(torch.int16).max == numpy.iinfo(numpy.int16).max
    raises_like_numpy(lambda: numpy.iinfo(numpy.float64), lambda: torchnp.iinfo(torch.float64))


def test_dtypes_are_numpys():
    a = torchnp.zeros(3, dtype=torchnp.float32)
    assert a.dtype == numpy.float32 and type(a.dtype) is type(numpy.dtype(numpy.float32))
    assert torchnp.dtype is numpy.dtype and torchnp.float64 is numpy.float64
    assert torchnp.issubdtype(a.dtype, torchnp.floating)
    assert torchnp.isdtype(a.dtype, "real floating")


@pytest.mark.parametrize("dtype", ["U3", "S2", object, "M8[s]", "m8[s]", "i4,f8", "V8"])
def test_unsupported_dtypes_raise_a_typeerror_naming_the_principle(dtype):
    with pytest.raises(TypeError, match="torchnp does not support"):
        torchnp.zeros(3, dtype=dtype)


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.complex32, torch.float8_e4m3fn])
def test_torch_dtypes_without_a_numpy_dtype_raise_a_typeerror(dtype):
    a = torchnp.arange(4.0)
    for make in (lambda: torchnp.zeros(3, dtype=dtype), lambda: a.astype(dtype),
                 lambda: a.view(dtype), lambda: torchnp.asarray([1.0], dtype=dtype)):
        with pytest.raises(TypeError, match="torchnp does not support the torch dtype"):
            make()
    assert torchnp.zeros(2, dtype=torch.int8).dtype == numpy.int8     # supported ones pass


def test_unsupported_data_raises_a_typeerror():
    with pytest.raises(TypeError, match="torchnp does not support the string dtype"):
        torchnp.array(["a", "b"])


def test_longdouble_maps_to_float64():
    assert torchnp.zeros(2, dtype=numpy.longdouble).dtype == numpy.float64


def test_generated_tables_match_this_numpy():
    """The checked-in tables are what tools/gen_tables.py makes from the installed NumPy."""
    root = pathlib.Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, str(root / "tools" / "gen_tables.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_table_check_compares_tables_not_text(tmp_path, monkeypatch):
    """--check ignores the header (NumPy's version string) and sees a changed table entry."""
    root = pathlib.Path(__file__).resolve().parent.parent
    monkeypatch.syspath_prepend(str(root / "tools"))
    import gen_tables
    text = gen_tables.OUT.read_text()
    copy = tmp_path / "tables.py"
    monkeypatch.setattr(gen_tables, "OUT", copy)
    copy.write_text(text.replace(f"NumPy {numpy.__version__}", "NumPy 0.0.0", 1))
    assert gen_tables.check() == ""
    copy.write_text(text.replace("'??': '?'", "'??': 'b'", 1))
    assert gen_tables.check() == "RESULT_TYPE"
