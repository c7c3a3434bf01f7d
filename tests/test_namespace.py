"""torchnp's namespace against NumPy's: every public name, the non-callable objects NumPy code
uses at import time (data-type tables, index tricks), the submodules (``dtypes``, ``exceptions``,
``lib``, ``emath``), and the small utilities (``base_repr``, ``iterable``, ``info``, ...).
"""
import contextlib
import inspect
import io
import re
import sys

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy
from torchnp import _coverage
from torchnp._allowlist import ALLOWLIST, LATER, NOT_CALLABLE, NOT_YET

# ----- the names ----------------------------------------------------------------------------------
# (NumPy module, its qualified prefix): the top level by dir(), as a user sees it; the submodules
# by __all__ where they declare one.
MODULES = [(numpy, ""), (numpy.lib, "lib."), (numpy.lib.stride_tricks, "lib.stride_tricks."),
           (numpy.lib.array_utils, "lib.array_utils."), (numpy.dtypes, "dtypes."),
           (numpy.exceptions, "exceptions."), (numpy.emath, "emath.")]


def _public_names(module, prefix):
    names = dir(module) if not prefix else getattr(module, "__all__", None) or dir(module)
    return [prefix + n for n in sorted(set(names)) if not n.startswith("_")]


NUMPY_NAMES = [q for module, prefix in MODULES for q in _public_names(module, prefix)]


def _numpy_object(qualname):
    obj = numpy
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


_MISSING = object()


def _torchnp_object(qualname):
    """torchnp's object for a qualified name, or _MISSING (``newaxis`` is None)."""
    obj = torchnp
    for part in qualname.split("."):
        obj = getattr(obj, part, _MISSING)
        if obj is _MISSING:
            break
    return obj


def _listed(qualname):
    """The reason a name torchnp lacks is listed for, or None."""
    if qualname in NOT_CALLABLE:
        return NOT_CALLABLE[qualname]
    if qualname in ALLOWLIST:
        return ALLOWLIST[qualname]
    return _coverage.allowlist_reason(qualname) or ALLOWLIST.get(qualname + ".*")


def test_every_numpy_name_is_in_torchnp_or_listed():
    missing = [q for q in NUMPY_NAMES if _torchnp_object(q) is _MISSING and _listed(q) is None]
    assert not missing, ("public NumPy names neither in torchnp nor listed in "
                         "torchnp/_allowlist.py (callables: ALLOWLIST; other names: NOT_CALLABLE): "
                         + ", ".join(missing))


def test_not_callable_lines_name_missing_non_callables():
    stale = []
    for name, reason in NOT_CALLABLE.items():
        assert reason == NOT_YET or reason.startswith(("out of scope", LATER)), name
        if name not in NUMPY_NAMES:
            stale.append(f"{name}: not a public NumPy name")
        elif _torchnp_object(name) is not _MISSING:
            stale.append(f"{name}: torchnp has it now")
        elif callable(_numpy_object(name)):
            stale.append(f"{name}: callable (list it in ALLOWLIST)")
    assert not stale, "stale lines in NOT_CALLABLE (torchnp/_allowlist.py): " + "; ".join(stale)


# names of another kind than NumPy's, and why
KIND_DIFFERENCES = {
    "finfo": "a function returning NumPy's own finfo object (it also takes torch dtypes)",
    "iinfo": "a function returning NumPy's own iinfo object (it also takes torch dtypes)",
}


def test_names_present_in_both_are_the_same_kind():
    """A NumPy module is a module in torchnp, a class a class, a constant an equal constant."""
    wrong = []
    for q in NUMPY_NAMES:
        ours = _torchnp_object(q)
        if ours is _MISSING or q in KIND_DIFFERENCES:
            continue
        theirs = _numpy_object(q)
        if inspect.ismodule(theirs) != inspect.ismodule(ours) or \
                isinstance(theirs, type) != isinstance(ours, type) or \
                callable(theirs) != callable(ours):
            wrong.append(q)
        elif isinstance(theirs, (int, float, str, type(None))) and \
                not (ours == theirs or (ours != ours and theirs != theirs)):
            wrong.append(q)
    assert not wrong, "names of another kind or value than NumPy's: " + ", ".join(wrong)


@pytest.mark.parametrize("name", ["True_", "False_", "little_endian", "typecodes", "newaxis", "e",
                                  "pi", "inf", "nan", "euler_gamma", "s_", "index_exp"])
def test_numpy_objects_are_numpy_s_own(name):
    assert getattr(torchnp, name) is getattr(numpy, name) or \
        getattr(torchnp, name) == getattr(numpy, name)


# ----- data-type tables ---------------------------------------------------------------------------
OUT_OF_SCOPE_TYPES = (numpy.str_, numpy.bytes_, numpy.void, numpy.object_, numpy.datetime64,
                      numpy.timedelta64)


def test_scalar_type_is_numpy_s_without_the_out_of_scope_types():
    assert set(torchnp.ScalarType) <= set(numpy.ScalarType)
    for t in numpy.ScalarType:
        assert (t in torchnp.ScalarType) == (not issubclass(t, OUT_OF_SCOPE_TYPES)), t
    assert {int, float, complex, bool} <= set(torchnp.ScalarType)


def test_sctype_dict_holds_the_types_torchnp_accepts():
    for name, t in numpy.sctypeDict.items():
        if name in torchnp.sctypeDict:
            assert torchnp.sctypeDict[name] is t
            assert torchnp.zeros(2, dtype=t).dtype == numpy.zeros(2, dtype=t).dtype or \
                numpy.dtype(t).itemsize > 8 + 8 * (numpy.dtype(t).kind == "c")   # longdouble
        else:
            with pytest.raises(TypeError, match="does not support"):
                torchnp.zeros(2, dtype=t)


@pytest.mark.parametrize("name", ["Float64DType", "Int8DType", "UInt64DType", "BoolDType",
                                  "Complex64DType", "Float16DType", "LongLongDType"])
def test_dtypes_module_holds_numpy_s_classes(name):
    assert getattr(torchnp.dtypes, name) is getattr(numpy.dtypes, name)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "int32", "uint64", "float16",
                                   "float32", "float64", "complex64", "complex128"])
def test_dtype_of_an_array_is_an_instance_of_its_dtype_class(dtype):
    dt = torchnp.zeros(2, dtype=dtype).dtype
    assert type(dt) is type(numpy.dtype(dtype))
    assert type(dt).__name__ in dir(torchnp.dtypes)


def test_exceptions_are_numpy_s_own_classes():
    for name in numpy.exceptions.__all__:
        assert getattr(torchnp.exceptions, name) is getattr(numpy.exceptions, name)


# ----- typename, mintypecode ----------------------------------------------------------------------
@pytest.mark.parametrize("char", ["?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d",
                                  "g", "F", "D", "G", "S1", "S", "U", "V", "O"])
def test_typename(char):
    assert torchnp.typename(char) == numpy.typename(char)


def test_typename_of_an_unknown_code():
    raises_like_numpy(lambda: numpy.typename("x"), lambda: torchnp.typename("x"))


MINTYPECODE = [
    (["d", "f", "S"], {}), ("abdf", {}), ([numpy.float32(1.0), "F"], {}), ("if", {}), ("fd", {}),
    ("Fd", {}), ("", {}), ("ii", {"default": "f"}), ("bhF", {"typeset": "FDG"}),
]


@pytest.mark.parametrize("typechars, kwargs", MINTYPECODE, ids=repr)
def test_mintypecode(typechars, kwargs):
    assert torchnp.mintypecode(typechars, **kwargs) == numpy.mintypecode(typechars, **kwargs)


def test_mintypecode_reads_the_dtypes_of_arrays():
    arrays = [numpy.ones(2, "f"), numpy.ones(2, "F"), numpy.array([1.0])]
    assert torchnp.mintypecode([torchnp.asarray(a) for a in arrays]) == numpy.mintypecode(arrays)


# ----- base_repr, binary_repr ---------------------------------------------------------------------
BASE_REPR = [(5,), (5, 3), (5, 3, 2), (-5, 16), (0,), (0, 2, 3), (35, 36), (2**70, 7), (2.5,),
             (-0.5,), (True, 2), (numpy.int8(-5), 2), (-(2**65), 36, 1)]


@pytest.mark.parametrize("args", BASE_REPR, ids=repr)
def test_base_repr(args):
    assert torchnp.base_repr(*args) == numpy.base_repr(*args)


def test_base_repr_of_a_0d_array():
    assert torchnp.base_repr(torchnp.int64(-12) + torchnp.zeros((), "int64"), 5) == \
        numpy.base_repr(-12, 5)


@pytest.mark.parametrize("args", [(5, 1), (5, 37), (5, 0), ("5",)], ids=repr)
def test_base_repr_errors(args):
    raises_like_numpy(lambda: numpy.base_repr(*args), lambda: torchnp.base_repr(*args))


BINARY_REPR = [(0,), (0, 3), (3,), (3, 5), (-3,), (-3, 4), (-128, 8), (-129, 9), (-1, 1),
               (2**70,), (-(2**64), 66), (True,), (numpy.int8(-5), 8), (numpy.uint64(2**64 - 1),)]


@pytest.mark.parametrize("args", BINARY_REPR, ids=repr)
def test_binary_repr(args):
    assert torchnp.binary_repr(*args) == numpy.binary_repr(*args)


def test_binary_repr_of_a_0d_array():
    assert torchnp.binary_repr(torchnp.asarray(-6), width=5) == numpy.binary_repr(-6, width=5)


@pytest.mark.parametrize("args", [(2.5,), (-9, 3), (3, 1), ("3",), (-128, 7)], ids=repr)
def test_binary_repr_errors(args):
    raises_like_numpy(lambda: numpy.binary_repr(*args), lambda: torchnp.binary_repr(*args))


# ----- iterable, isfortran, info, bufsize ---------------------------------------------------------
@pytest.mark.parametrize("make", [lambda m: m.arange(3), lambda m: m.array(5), lambda m: [1, 2],
                                  lambda m: 3, lambda m: "abc", lambda m: m.zeros((2, 0)),
                                  lambda m: m.float32(1), lambda m: iter([1])])
def test_iterable(make):
    assert torchnp.iterable(make(torchnp)) == numpy.iterable(make(numpy))


@pytest.mark.parametrize("make", [lambda m: m.ones((2, 3)), lambda m: m.ones((2, 3)).T,
                                  lambda m: m.ones((3,)), lambda m: m.ones((3, 1)).T,
                                  lambda m: m.ones((2, 3))[:, ::2], lambda m: m.ones(())])
def test_isfortran(make):
    assert torchnp.isfortran(make(torchnp)) == numpy.isfortran(make(numpy))


def test_isfortran_needs_an_array():
    raises_like_numpy(lambda: numpy.isfortran([1, 2]), lambda: torchnp.isfortran([1, 2]))


def _printed(fn, *args):
    out = io.StringIO()
    fn(*args, output=out)
    return out.getvalue()


@pytest.mark.parametrize("make", [lambda a: a, lambda a: a.T, lambda a: a[:, ::2],
                                  lambda a: a[0].astype("float32"), lambda a: a[1:, None]])
def test_info_of_an_array_is_numpy_s_text(make):
    host = make(numpy.arange(12).reshape(3, 4))
    ours = torchnp.asarray(host)              # the same memory: the data pointers agree
    assert _printed(torchnp.info, ours) == _printed(numpy.info, host)


def test_info_of_a_function_prints_its_signature_and_doc():
    text = _printed(torchnp.info, torchnp.base_repr)
    assert "base_repr(number, base=2, padding=0)" in text
    assert torchnp.base_repr.__doc__.splitlines()[0] in text


def test_info_prints_to_stdout_by_default():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        torchnp.info(torchnp.zeros(3))
    assert "shape:  (3,)" in buf.getvalue() and "type: float64" in buf.getvalue()


def test_bufsize_is_kept_and_reported():
    assert torchnp.getbufsize() == numpy.getbufsize() == 8192
    assert torchnp.setbufsize(4096) == 8192
    try:
        assert torchnp.getbufsize() == 4096
    finally:
        assert torchnp.setbufsize(8192) == 4096


@pytest.mark.parametrize("size", [-1, -1.0, 2.5, "3"], ids=repr)
def test_setbufsize_errors(size):
    old = numpy.getbufsize()
    try:
        raises_like_numpy(lambda: numpy.setbufsize(size), lambda: torchnp.setbufsize(size))
    finally:
        numpy.setbufsize(old)
    assert torchnp.getbufsize() == 8192


# ----- index tricks: s_, index_exp, r_, c_, mgrid, ogrid ------------------------------------------
def _index_trick_cases(m):
    a = m.array([[1, 2, 3], [4, 5, 6]])
    return {
        "r_ ranges and scalars": lambda: m.r_[1:4, 0, 4, [5, 6]],
        "r_ arrays": lambda: m.r_[m.array([1, 2, 3]), 0, 0, m.array([4, 5, 6])],
        "r_ linspace": lambda: m.r_[-1:1:6j, [0] * 3, 5, 6],
        "r_ float step": lambda: m.r_[0:1:0.25],
        "r_ axis directive": lambda: m.r_["-1", a, a],
        "r_ ndmin directive": lambda: m.r_["0,2", [1, 2, 3], [4, 5, 6]],
        "r_ trans1d directive": lambda: m.r_["0,2,0", [1, 2, 3], [4, 5, 6]],
        "r_ trans1d 1": lambda: m.r_["1,2,0", [1, 2, 3], [4, 5, 6]],
        "r_ ndmin 3": lambda: m.r_["0,3,1", [1, 2], [3, 4]],
        "r_ weak scalar": lambda: m.r_[m.array([1, 2], dtype=m.int8), 3],
        "r_ promoting scalar": lambda: m.r_[m.array([1, 2], dtype=m.int8), 3.5],
        "r_ numpy scalar": lambda: m.r_[m.array([1, 2], dtype=m.int8), numpy.float32(3)],
        "r_ bools": lambda: m.r_[True, False],
        "r_ one slice": lambda: m.r_[:3],
        "r_ complex array": lambda: m.r_[m.array([1j]), 2],
        "c_ columns": lambda: m.c_[m.array([1, 2, 3]), m.array([4, 5, 6])],
        "c_ mixed": lambda: m.c_[m.array([[1, 2, 3]]), 0, 0, m.array([[4, 5, 6]])],
        "c_ 2-D": lambda: m.c_[a, a],
        "c_ ranges": lambda: m.c_[0:3, 3:6],
        "mgrid 2-D": lambda: m.mgrid[0:5, 0:3],
        "mgrid complex": lambda: m.mgrid[-1:1:5j, 0:2:3j],
        "mgrid float": lambda: m.mgrid[0:1:0.25, 1:2],
        "mgrid one": lambda: m.mgrid[0:4],
        "mgrid one complex": lambda: m.mgrid[-1:1:5j],
        "mgrid one complex 1": lambda: m.mgrid[3:7:1j],
        "mgrid defaults": lambda: m.mgrid[:3, :2],
        "mgrid negative step": lambda: m.mgrid[5:0:-2],
        "mgrid empty": lambda: m.mgrid[3:1],
        "ogrid 2-D": lambda: m.ogrid[0:5, 0:3],
        "ogrid complex": lambda: m.ogrid[-1:1:5j, 0:3],
        "ogrid one": lambda: m.ogrid[0:4:2],
        "ogrid float": lambda: m.ogrid[0:1:0.5, 2:3],
    }


INDEX_TRICKS = list(_index_trick_cases(numpy))


@pytest.mark.parametrize("case", INDEX_TRICKS)
def test_index_tricks(case):
    expected = _index_trick_cases(numpy)[case]()
    actual = _index_trick_cases(torchnp)[case]()
    assert_matches_numpy(actual, expected)


def _index_trick_errors(m):
    return {
        "directive not first": lambda: m.r_[[1, 2], "0"],
        "unknown directive": lambda: m.r_["x", [1, 2]],
        "bad directive numbers": lambda: m.r_["0,a", [1, 2]],
        "mixed dimensions": lambda: m.r_[[[1, 2]], [3]],
        "mgrid zero step": lambda: m.mgrid[0:5:0],
        "mgrid non-slice": lambda: m.mgrid[0:5, 3],
        "r_ nothing": lambda: m.r_[()],
        "r_ ndmin and trans1d clash": lambda: m.r_["0,3,1", [1, 2], [[3, 4]]],
    }


@pytest.mark.parametrize("case", list(_index_trick_errors(numpy)))
def test_index_trick_errors(case):
    raises_like_numpy(_index_trick_errors(numpy)[case], _index_trick_errors(torchnp)[case])


@pytest.mark.parametrize("key", ["1 2; 3 4", ("r", [1, 2]), ("c", [1, 2])], ids=repr)
def test_r_matrix_forms_are_out_of_scope(key):
    with pytest.raises(TypeError, match="matrix"):
        torchnp.r_[key]


def test_r_and_c_keep_the_device_and_default_float():
    with torchnp.default_float("float32"):
        assert torchnp.r_[0:1:3j].dtype == numpy.float32
        assert torchnp.mgrid[0:1:3j].dtype == numpy.float32
    a = torchnp.arange(3)
    assert torchnp.r_[a, a].device == a.device


def test_len_of_r_and_c_is_zero_as_numpy():
    assert len(torchnp.r_) == len(numpy.r_) == 0 and len(torchnp.c_) == 0


@pytest.mark.parametrize("key", [(slice(1, 3), 2), (Ellipsis, None, 1), 1, slice(None)], ids=repr)
def test_s_and_index_exp(key):
    assert torchnp.s_[key] == numpy.s_[key]
    assert torchnp.index_exp[key] == numpy.index_exp[key]
    a = numpy.arange(24).reshape(2, 3, 4)
    assert_matches_numpy(torchnp.asarray(a)[torchnp.s_[key]], a[numpy.s_[key]])


# ----- lib ----------------------------------------------------------------------------------------
def test_lib_scimath_is_emath():
    assert torchnp.lib.scimath is torchnp.emath


def test_arrayterator_walks_a_torchnp_array_in_blocks():
    host = numpy.arange(24.0).reshape(2, 3, 4)
    ours = torchnp.lib.Arrayterator(torchnp.asarray(host), 5)
    theirs = numpy.lib.Arrayterator(host, 5)
    blocks = list(ours)
    assert len(blocks) == len(list(theirs))
    for got, want in zip(blocks, numpy.lib.Arrayterator(host, 5)):
        assert_matches_numpy(got, want)
    assert_matches_numpy(ours[0, 1:].__array__(), theirs[0, 1:].__array__())


def test_numpy_version():
    assert torchnp.lib.NumpyVersion("2.4.0") > "2.3.9"


@pytest.mark.parametrize("make", [lambda a: a, lambda a: a[::2], lambda a: a.reshape(3, 4).T,
                                  lambda a: a[5:6], lambda a: a[1:7].reshape(2, 3)])
def test_byte_bounds_of_shared_memory(make):
    host = make(numpy.arange(12.0))
    assert torchnp.lib.array_utils.byte_bounds(torchnp.asarray(host)) == \
        numpy.lib.array_utils.byte_bounds(host)


def test_array_utils_axis_helpers_are_numpy_s():
    assert torchnp.lib.array_utils.normalize_axis_index(-1, 3) == 2
    assert torchnp.lib.array_utils.normalize_axis_tuple([0, -1], 2) == (0, 1)
    with pytest.raises(torchnp.exceptions.AxisError):
        torchnp.lib.array_utils.normalize_axis_index(3, 3)


def test_lib_names_left_out_say_why():
    for name in ("add_docstring", "add_newdoc"):
        assert ALLOWLIST["lib." + name].startswith("out of scope")
    assert re.match(r"out of scope|not yet|later", NOT_CALLABLE["lib.introspect"])


def test_the_submodules_import_as_numpy_s_do():
    import torchnp.lib.stride_tricks as st
    from torchnp.lib.stride_tricks import as_strided, sliding_window_view   # noqa: F401
    assert st is sys.modules["torchnp.lib.stride_tricks"]
    from torchnp.emath import sqrt  # noqa: F401
    from torchnp.dtypes import Float64DType  # noqa: F401
    from torchnp.exceptions import AxisError  # noqa: F401
