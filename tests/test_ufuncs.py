"""The ufunc call machinery against NumPy: what the operator database (tests/opinfo, expanded by
tests/test_ops.py over every ufunc, dtype, edge value, where=, dtype=, casting=, out=) cannot
express: the namespace, positional out=, argument errors, signature=, resolve_dtypes, operators
and in-place operators, __array_ufunc__, inputs of every kind, complex parts."""
import builtins
import re
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, raises_with_numpys_message
from opinfo.checks import message_mismatch
from opinfo.known_bugs import KNOWN_MESSAGES, UNLISTED_LOOPS

NP_UFUNCS = sorted(name for name in dir(numpy) if isinstance(getattr(numpy, name), numpy.ufunc))


def _builtin_class(exc_type):
    """The nearest builtin exception class of NumPy's exception (NumPy raises private subclasses)."""
    for cls in exc_type.__mro__:
        if cls.__module__ == "builtins":
            return cls
    return Exception


def _compare(name, np_call, tnp_call, rtol=None):
    """'' when torchnp matches NumPy (value, dtype, shape, result kind, exception class and
    message key words), else a description of the difference."""
    with numpy.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = np_call()
        except Exception as e:     # noqa: BLE001 - the class and message are what we compare
            expected_exc, np_message = _builtin_class(type(e)), str(e)
        else:
            expected_exc = None
        try:
            actual = tnp_call()
        except Exception as e:     # noqa: BLE001
            if expected_exc is not None and isinstance(e, expected_exc):
                known = any(re.search(m, str(e)) for m in KNOWN_MESSAGES)
                return "" if known else message_mismatch(np_message, str(e))
            return f"raised {type(e).__name__}: {e}" + (
                "" if expected_exc is None else f" (NumPy raised {expected_exc.__name__})")
    if expected_exc is not None:
        return f"did not raise {expected_exc.__name__}"
    try:
        assert_matches_numpy(actual, expected, rtol=rtol)
    except AssertionError as e:
        return str(e)[:400]
    return ""


def test_every_numpy_ufunc_exists():
    """Every ufunc in NumPy's namespace is a torchnp.ufunc with the same name and arity."""
    missing = []
    for name in NP_UFUNCS:
        npu = getattr(numpy, name)
        ours = getattr(torchnp, name, None)
        if not isinstance(ours, torchnp.ufunc):
            missing.append(name)
            continue
        assert ours.__name__ == npu.__name__
        assert (ours.nin, ours.nout, ours.nargs) == (npu.nin, npu.nout, npu.nargs), name
        assert ours.identity == npu.identity or (ours.identity != ours.identity), name
        assert ours.ntypes > 0 or name == "isnat", name
        assert ours.signature == npu.signature, name
        assert set(ours.types) - set(npu.types) <= UNLISTED_LOOPS.get(name, set()), name
    assert not missing, f"missing ufuncs: {missing}"


def test_aliases_are_the_same_objects():
    for alias, name in (("asin", "arcsin"), ("acos", "arccos"), ("atan", "arctan"),
                        ("atan2", "arctan2"), ("asinh", "arcsinh"), ("acosh", "arccosh"),
                        ("atanh", "arctanh"), ("abs", "absolute")):
        assert getattr(torchnp, alias) is getattr(torchnp, name)
        assert getattr(torchnp, alias).__name__ == getattr(numpy, alias).__name__


# ----- the call machinery ---------------------------------------------------------------------------

def _check(np_call, tnp_call):
    msg = _compare("", np_call, tnp_call)
    assert not msg, msg


def test_positional_and_keyword_out():
    a, b = numpy.arange(6.0).reshape(2, 3), numpy.array([1.0, -2.0, 3.0])
    out = torchnp.zeros((2, 3))
    res = torchnp.add(torchnp.asarray(a), torchnp.asarray(b), out)
    assert res is out
    assert_matches_numpy(out, a + b)
    out2 = torchnp.zeros((2, 3))
    res = torchnp.multiply(torchnp.asarray(a), 2, out=(out2,))
    assert res is out2
    assert_matches_numpy(out2, a * 2)
    q, r = torchnp.zeros(3), torchnp.zeros(3)
    res = torchnp.divmod(torchnp.asarray(b), 2, out=(q, None))
    assert res[0] is q
    assert_matches_numpy(res, numpy.divmod(b, 2))
    res = torchnp.divmod(torchnp.asarray(b), 2, q, r)
    assert res[0] is q and res[1] is r


def test_out_errors():
    a = numpy.arange(3)
    ta = torchnp.asarray(a)
    _check(lambda: numpy.add(a, a, a, out=a), lambda: torchnp.add(ta, ta, ta, out=ta))
    _check(lambda: numpy.add(a, a, out=(a, a)), lambda: torchnp.add(ta, ta, out=(ta, ta)))
    _check(lambda: numpy.add(a, a, out=[a]), lambda: torchnp.add(ta, ta, out=[ta]))
    _check(lambda: numpy.add(a, a, out=3), lambda: torchnp.add(ta, ta, out=3))
    _check(lambda: numpy.add(a, 1.5, out=a), lambda: torchnp.add(ta, 1.5, out=ta))
    with pytest.raises(TypeError, match=r"Cannot cast ufunc 'add' output from dtype\('float64'\) "
                                        r"to dtype\('int64'\) with casting rule 'same_kind'"):
        torchnp.add(ta, 1.5, out=ta)
    with pytest.raises(numpy._core._exceptions._UFuncOutputCastingError):
        torchnp.add(ta, 1.5, out=ta)
    out = numpy.zeros((2, 3), numpy.int64)
    tout = torchnp.zeros((2, 3), dtype=numpy.int64)
    _check(lambda: numpy.add(a, 1, out=out), lambda: torchnp.add(ta, 1, out=tout))
    _check(lambda: numpy.add(numpy.zeros((2, 3)), 1, out=numpy.zeros(3)),
           lambda: torchnp.add(torchnp.zeros((2, 3)), 1, out=torchnp.zeros(3)))
    with pytest.raises(ValueError, match=r"non-broadcastable output operand with shape \(3,\) "
                                         r"doesn't match the broadcast shape \(2,3\)"):
        torchnp.add(torchnp.zeros((2, 3)), 1, out=torchnp.zeros(3))
    _check(lambda: numpy.add(a, 1.5, out=numpy.zeros(3, numpy.float32)),
           lambda: torchnp.add(ta, 1.5, out=torchnp.zeros(3, dtype=numpy.float32)))


def test_gufunc_out_shape():
    """A gufunc's out=: core dimensions exactly, loop dimensions broadcast (NumPy's ValueError)."""
    a, b = numpy.arange(6.0).reshape(2, 3), numpy.arange(12.0).reshape(3, 4)
    calls = [("matmul", a, b), ("matmul", a, b[:, :1]), ("matmul", a[0], b), ("vecdot", a, a),
             ("matvec", a, a[0]), ("vecmat", a[:, 0], a)]
    for name, x, y in calls:
        for shape in ((5, 2, 4), (7,), (2,), (4,), (1, 4), (2, 1), (5, 2), (1, 2, 4), (2, 5), ()):
            msg = _compare(name, lambda: getattr(numpy, name)(x, y, out=numpy.zeros(shape)),
                           lambda: getattr(torchnp, name)(torchnp.asarray(x), torchnp.asarray(y),
                                                          out=torchnp.zeros(shape)))
            assert not msg, f"{name} out{shape}: {msg}"


def test_argument_count_and_keywords():
    a = numpy.arange(3)
    ta = torchnp.asarray(a)
    for np_call, tnp_call in [
        (lambda: numpy.add(), lambda: torchnp.add()),
        (lambda: numpy.add(a, a, a, a), lambda: torchnp.add(ta, ta, ta, ta)),
        (lambda: numpy.negative(a, a, a), lambda: torchnp.negative(ta, ta, ta)),
        (lambda: numpy.add(a, a, foo=1), lambda: torchnp.add(ta, ta, foo=1)),
        (lambda: numpy.add(a, a, casting="foo"), lambda: torchnp.add(ta, ta, casting="foo")),
        (lambda: numpy.add(a, a, order="X"), lambda: torchnp.add(ta, ta, order="X")),
        (lambda: numpy.add(a, a, subok=False, order="C"),
         lambda: torchnp.add(ta, ta, subok=False, order="C")),
        (lambda: numpy.isnat(a), lambda: torchnp.isnat(ta)),
        (lambda: numpy.subtract(a > 1, a > 0), lambda: torchnp.subtract(ta > 1, ta > 0)),
        (lambda: numpy.negative(a > 1), lambda: torchnp.negative(ta > 1)),
    ]:
        _check(np_call, tnp_call)
    with pytest.raises(TypeError, match=r"add\(\) takes from 2 to 3 positional arguments but 4 "
                                        r"were given"):
        torchnp.add(ta, ta, ta, ta)


def test_broadcast_error_message():
    with pytest.raises(ValueError) as info:
        torchnp.add(torchnp.zeros(2), torchnp.zeros(3))
    with pytest.raises(ValueError) as np_info:
        numpy.add(numpy.zeros(2), numpy.zeros(3))
    assert str(info.value) == str(np_info.value)
    with pytest.raises(ValueError) as info:
        torchnp.add(torchnp.zeros((2, 3)), 1, out=torchnp.zeros(4))
    with pytest.raises(ValueError) as np_info:
        numpy.add(numpy.zeros((2, 3)), 1, out=numpy.zeros(4))
    assert str(info.value) == str(np_info.value)


def test_where():
    a = numpy.array([1, -2, 3], numpy.int8)
    mask = numpy.array([True, False, True])
    out = a.copy()
    tout = torchnp.asarray(a.copy())
    res = torchnp.add(torchnp.asarray(a), 1, where=torchnp.asarray(mask), out=tout)
    assert res is tout
    assert_matches_numpy(tout, numpy.add(a, 1, where=mask, out=out))
    # without out: the masked-out entries are unspecified in NumPy; compare the others
    res = torchnp.multiply(torchnp.asarray(a), 2.0, where=mask)
    assert res.dtype == numpy.float64 and res.shape == (3,)
    assert_matches_numpy(res[torchnp.asarray(mask)], (a * 2.0)[mask])
    _check(lambda: numpy.add(a, 1, where=[True, False]),
           lambda: torchnp.add(torchnp.asarray(a), 1, where=[True, False]))
    _check(lambda: numpy.add(a, 1, where=[1, 0, 1], out=a.copy()),
           lambda: torchnp.add(torchnp.asarray(a), 1, where=[1, 0, 1],
                               out=torchnp.asarray(a.copy())))


def test_dtype_and_signature():
    a = numpy.array([1, -2, 3], numpy.int8)
    f32 = numpy.array([1.5], numpy.float32)
    ta, tf = torchnp.asarray(a), torchnp.asarray(f32)
    cases = [
        (lambda: numpy.add(a, 1, dtype="d"), lambda: torchnp.add(ta, 1, dtype="d")),
        (lambda: numpy.add(a, 1, dtype=numpy.float32), lambda: torchnp.add(ta, 1, dtype=numpy.float32)),
        (lambda: numpy.less(a, 1, dtype="?"), lambda: torchnp.less(ta, 1, dtype="?")),
        (lambda: numpy.less(a, 1, dtype="d"), lambda: torchnp.less(ta, 1, dtype="d")),
        (lambda: numpy.add(f32, 1, dtype="b"), lambda: torchnp.add(tf, 1, dtype="b")),
        (lambda: numpy.add(f32, 1, dtype="b", casting="unsafe"),
         lambda: torchnp.add(tf, 1, dtype="b", casting="unsafe")),
        (lambda: numpy.sqrt(a, dtype="e"), lambda: torchnp.sqrt(ta, dtype="e")),
        (lambda: numpy.negative(a, dtype="F"), lambda: torchnp.negative(ta, dtype="F")),
        (lambda: numpy.divmod(a, 2, dtype="d"), lambda: torchnp.divmod(ta, 2, dtype="d")),
        (lambda: numpy.add(a, 1, signature="dd->d"), lambda: torchnp.add(ta, 1, signature="dd->d")),
        (lambda: numpy.add(a, 1, signature=("d", "d", "d")),
         lambda: torchnp.add(ta, 1, signature=("d", "d", "d"))),
        (lambda: numpy.add(a, 1, signature=(None, "d", None)),
         lambda: torchnp.add(ta, 1, signature=(None, "d", None))),
        (lambda: numpy.add(a, a, casting="no", dtype="d"),
         lambda: torchnp.add(ta, ta, casting="no", dtype="d")),
        (lambda: numpy.add(a, 1, casting="no"), lambda: torchnp.add(ta, 1, casting="no")),
        (lambda: numpy.add(a, numpy.int16(1), casting="no"),
         lambda: torchnp.add(ta, numpy.int16(1), casting="no")),
        (lambda: numpy.add(a, numpy.int16(1), casting="safe"),
         lambda: torchnp.add(ta, numpy.int16(1), casting="safe")),
    ]
    for np_call, tnp_call in cases:
        _check(np_call, tnp_call)
    with pytest.raises(TypeError, match=r"Cannot cast ufunc 'add' input 0 from dtype\('float32'\) "
                                        r"to dtype\('int8'\) with casting rule 'same_kind'"):
        torchnp.add(tf, 1, dtype="b")


def test_resolve_dtypes():
    for uf, dts in [("add", (numpy.dtype("b"), int, None)), ("add", (numpy.dtype("b"), float, None)),
                    ("less", (numpy.dtype("l"), numpy.dtype("L"), None)),
                    ("sqrt", (numpy.dtype("h"), None)),
                    ("add", (numpy.dtype("b"), numpy.dtype("b"), numpy.dtype("d"))),
                    ("divmod", (numpy.dtype("f"), numpy.dtype("e"), None, None))]:
        assert getattr(torchnp, uf).resolve_dtypes(dts) == getattr(numpy, uf).resolve_dtypes(dts)


def test_python_int_out_of_bounds():
    a = numpy.array([1, -2, 3], numpy.int8)
    ta = torchnp.asarray(a)
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for int8"):
        torchnp.add(ta, 300)
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for int8"):
        ta + 300
    with pytest.raises(OverflowError, match="Python integer -1 out of bounds for uint64"):
        torchnp.add(torchnp.asarray(numpy.array([1], numpy.uint64)), -1)
    for op in ["less", "less_equal", "greater", "greater_equal", "equal", "not_equal"]:
        for v in [300, -300, 2**64, -2**70]:
            _check(lambda: getattr(numpy, op)(a, v), lambda: getattr(torchnp, op)(ta, v))
            _check(lambda: getattr(numpy, op)(v, a), lambda: getattr(torchnp, op)(v, ta))


def test_operators():
    a = numpy.array([[1, -2, 3], [4, 5, -6]], numpy.int32)
    b = numpy.array([2.5, -1.0, 0.5])
    ta, tb = torchnp.asarray(a), torchnp.asarray(b)
    pairs = [
        (lambda: a + 1, lambda: ta + 1), (lambda: 1 - a, lambda: 1 - ta),
        (lambda: a < b, lambda: ta < tb), (lambda: -a, lambda: -ta), (lambda: ~a, lambda: ~ta),
        (lambda: a ** 2, lambda: ta ** 2), (lambda: 2 ** a, lambda: 2 ** ta),
        (lambda: divmod(a, 3), lambda: builtins.divmod(ta, 3)),
        (lambda: divmod(7, a), lambda: builtins.divmod(7, ta)),
        (lambda: a / 2, lambda: ta / 2), (lambda: 1 / a, lambda: 1 / ta),
        (lambda: a // 2, lambda: ta // 2), (lambda: a % 3, lambda: ta % 3),
        (lambda: a & 6, lambda: ta & 6), (lambda: a | b.astype(int), lambda: ta | torchnp.asarray(b.astype(int))),
        (lambda: a ^ 3, lambda: ta ^ 3), (lambda: a << 2, lambda: ta << 2), (lambda: a >> 1, lambda: ta >> 1),
        (lambda: a == 1, lambda: ta == 1), (lambda: a != b, lambda: ta != tb),
        (lambda: a >= 2.5, lambda: ta >= 2.5), (lambda: 2.5 > a, lambda: 2.5 > ta),
        (lambda: abs(a), lambda: abs(ta)), (lambda: +a, lambda: +ta),
        (lambda: a ** -1, lambda: ta ** -1), (lambda: a * 1j, lambda: ta * 1j),
        (lambda: numpy.float32(2) * a, lambda: numpy.float32(2) * ta),
        (lambda: a * numpy.float32(2), lambda: ta * numpy.float32(2)),
        (lambda: numpy.int8(3) + a.astype(numpy.int8), lambda: numpy.int8(3) + ta.astype(numpy.int8)),
        (lambda: a + [1, 2, 3], lambda: ta + [1, 2, 3]),
        (lambda: a + b, lambda: ta + tb),
        (lambda: a.astype(float) @ b, lambda: ta.astype(float) @ tb),
        (lambda: numpy.ones((5, 2, 3)) @ b, lambda: torchnp.ones((5, 2, 3)) @ tb),
        # an array's ** 2 is square (bool -> int8); a scalar's, ** 3 and ** 2.0 are power (int64)
        (lambda: (a > 0) ** 2, lambda: (ta > 0) ** 2), (lambda: (a > 0) ** 3, lambda: (ta > 0) ** 3),
        (lambda: (a > 0) ** 2.0, lambda: (ta > 0) ** 2.0),
        (lambda: (a > 0)[0, 0] ** 2, lambda: (ta > 0)[0, 0] ** 2),
        (lambda: numpy.array(True) ** 2, lambda: torchnp.asarray(True) ** 2),
    ]
    for np_call, tnp_call in pairs:
        _check(np_call, tnp_call)


def test_inplace_operators():
    a = numpy.array([1, -2, 3])
    ta = torchnp.asarray(a.copy())
    ref = ta
    ta += 2
    assert ta is ref
    assert_matches_numpy(ta, a + 2)
    with pytest.raises(TypeError):
        ta += 1.5
    with pytest.raises(numpy._core._exceptions.UFuncTypeError):
        ta /= 2
    tf = torchnp.asarray(numpy.array([1.0, 2.0]))
    tf *= 3
    tf **= 2
    assert_matches_numpy(tf, numpy.array([9.0, 36.0]))


def test_numpy_ufunc_dispatches_to_torchnp():
    ta = torchnp.asarray(numpy.array([1.0, 2.0, 3.0]))
    res = numpy.add(ta, 1)
    assert type(res) is torchnp.ndarray
    assert_matches_numpy(res, numpy.array([2.0, 3.0, 4.0]))
    res = numpy.multiply(numpy.array([1.0, 2.0, 3.0]), ta)
    assert type(res) is torchnp.ndarray
    out = torchnp.zeros(3)
    assert numpy.negative(ta, out=out) is out
    assert_matches_numpy(out, numpy.array([-1.0, -2.0, -3.0]))
    res = numpy.divmod(ta, 2)
    assert type(res) is tuple and type(res[0]) is torchnp.ndarray


def test_inputs_of_every_kind():
    t = torch.tensor([1.0, 2.0], dtype=torch.float64)
    _check(lambda: numpy.add(numpy.array([1.0, 2.0]), 1), lambda: torchnp.add(t, 1))
    _check(lambda: numpy.add([1, 2], [[3], [4]]), lambda: torchnp.add([1, 2], [[3], [4]]))
    _check(lambda: numpy.add(numpy.array([1, 2], numpy.int8), numpy.array([3], numpy.int16)),
           lambda: torchnp.add(numpy.array([1, 2], numpy.int8), numpy.array([3], numpy.int16)))
    _check(lambda: numpy.add(numpy.float32(1), 2), lambda: torchnp.add(numpy.float32(1), 2))
    _check(lambda: numpy.negative(3), lambda: torchnp.negative(3))
    _check(lambda: numpy.sqrt(2), lambda: torchnp.sqrt(2))
    _check(lambda: numpy.add(True, 1), lambda: torchnp.add(True, 1))


def test_nan_and_signed_zero_details():
    x = numpy.array([0.0, -0.0, numpy.nan, -numpy.nan, 1.0, -numpy.inf])
    _check(lambda: numpy.signbit(x), lambda: torchnp.signbit(torchnp.asarray(x)))
    _check(lambda: numpy.maximum(x, x[::-1]), lambda: torchnp.maximum(torchnp.asarray(x), torchnp.asarray(x[::-1])))
    _check(lambda: numpy.fmin(x, x[::-1]), lambda: torchnp.fmin(torchnp.asarray(x), torchnp.asarray(x[::-1])))


def test_integer_power_negative_exponent():
    a = numpy.array([1, 2, 3])
    ta = torchnp.asarray(a)
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed."):
        torchnp.power(ta, torchnp.asarray([1, -1, 2]))
    with pytest.raises(ValueError, match="Integers to negative integer powers are not allowed."):
        ta ** -2


def test_complex_parts():
    z = numpy.array([1 + 2j, -3.5 - 4j], numpy.complex64)
    tz = torchnp.asarray(z.copy())
    assert_matches_numpy(tz.real, z.real)
    assert_matches_numpy(tz.imag, z.imag)
    r = tz.real
    r[0] = 9
    assert complex(tz[0]) == 9 + 2j
    tz.imag = 5
    z2 = z.copy()
    z2[0] = 9 + 2j
    z2.imag = 5
    assert_matches_numpy(tz, z2)
    a = torchnp.asarray(numpy.array([1.0, 2.0]))
    assert a.real is a
    assert_matches_numpy(a.imag, numpy.zeros(2))
    with pytest.raises(TypeError, match="array does not have imaginary part to set"):
        a.imag = 1
    a.real = 3
    assert_matches_numpy(a, numpy.array([3.0, 3.0]))
    for f in ["real", "imag", "angle", "iscomplex", "isreal", "real_if_close"]:
        for x in [z, numpy.array([1, 2]), numpy.array([1 + 1e-15j])]:
            _check(lambda: getattr(numpy, f)(x), lambda: getattr(torchnp, f)(torchnp.asarray(x)))
    _check(lambda: numpy.angle(z, deg=True), lambda: torchnp.angle(torchnp.asarray(z), deg=True))
    for x in [z, [1, 2], [1j], 1.0, 1j]:
        assert torchnp.iscomplexobj(x) == numpy.iscomplexobj(x)
        assert torchnp.isrealobj(x) == numpy.isrealobj(x)
    assert torchnp.real(1 + 2j) == 1.0 and torchnp.imag(2.0) == 0.0


@pytest.mark.parametrize("dtype", ["bool", "int64", "uint8", "float32", "complex128"])
@pytest.mark.parametrize("shape", [(3,), (2, 0), ()])
def test_compare_with_none(dtype, shape):
    # NumPy compares None in its object loop: all False for ==, all True for !=, never an error
    x = numpy.ones(shape, dtype)
    t = torchnp.asarray(x)
    for np_call, tnp_call in [(lambda: x == None, lambda: t == None),          # noqa: E711
                              (lambda: x != None, lambda: t != None),          # noqa: E711
                              (lambda: None == x, lambda: None == t),          # noqa: E711
                              (lambda: None != x, lambda: None != t),          # noqa: E711
                              (lambda: numpy.equal(x, None), lambda: torchnp.equal(t, None)),
                              (lambda: numpy.not_equal(None, x),
                               lambda: torchnp.not_equal(None, t))]:
        assert_matches_numpy(tnp_call(), np_call())


def test_compare_with_none_edges():
    for name in ["equal", "not_equal"]:
        assert_matches_numpy(getattr(torchnp, name)(None, None), getattr(numpy, name)(None, None))
        assert_matches_numpy(getattr(torchnp, name)([1, 2], None),
                             getattr(numpy, name)([1, 2], None))
    x = numpy.arange(3.0)
    for kwargs in [{"casting": "no"}, {"casting": "equiv"}]:     # float64 -> object is a cast
        raises_like_numpy(lambda: numpy.equal(x, None, **kwargs),
                          lambda: torchnp.equal(torchnp.asarray(x), None, **kwargs))
    for op in ["__lt__", "__ge__"]:                              # only == and != take None
        raises_like_numpy(lambda: getattr(x, op)(None),
                          lambda: getattr(torchnp.asarray(x), op)(None))


# ----- Python scalars as cached 0-d tensors (ufunc.ScalarTensors) --------------------------------

_SCALAR_OPS = {
    "+": lambda x, s: x + s, "r-": lambda x, s: s - x, "*": lambda x, s: x * s,
    "/": lambda x, s: x / s, "r/": lambda x, s: s / x, "<": lambda x, s: x < s,
    "r>=": lambda x, s: s >= x, "==": lambda x, s: x == s, "!=": lambda x, s: x != s,
    "&": lambda x, s: x & s, "^": lambda x, s: s ^ x,
    "maximum": lambda x, s: _module_of(x).maximum(x, s),
    "minimum": lambda x, s: _module_of(x).minimum(x, s),
}


def _module_of(x):
    return numpy if isinstance(x, numpy.ndarray) else torchnp
_SCALARS = [0, 1, -3, 7, 255, 16777217, 2.5, 0.0, -0.0, 1e-6, 1 / 3, -1e-300, 1e39,
            float("nan"), float("inf"), -float("inf")]


@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128", "int8",
                                   "uint8", "int16", "int32", "int64"])
def test_python_scalars_match_numpy_exactly(dtype):
    """Each operator with a Python scalar, three times (as itself, as a new tensor, from the
    cache), equals NumPy's result bit for bit, signed zeros, NaN and overflow included; -0.0
    after int 0 keeps its sign. (Complex products and quotients within the default tolerance: NumPy's and torch's SIMD loops
    may fuse multiply-adds differently on other CPUs.)"""
    rng = numpy.random.default_rng(0)
    if dtype.startswith(("float", "complex")):
        a = (rng.standard_normal(12) * 10).astype(dtype)
        a[:4] = [0.0, -0.0, numpy.inf, numpy.nan]
    else:
        a = rng.integers(0, 100, 12).astype(dtype)
    # maximum/minimum of equal zeros: NumPy's SIMD loops return the second operand, its scalar
    # loop the first (CPU-dependent): not compared (docs/differences.md, "maximum")
    nonzero = a[a != 0]
    for name, op in _SCALAR_OPS.items():
        x = nonzero if name in ("maximum", "minimum") else a
        tx = torchnp.asarray(x)
        for s in _SCALARS:
            for _ in range(3):
                msg = _compare("", lambda: op(x, s), lambda: op(tx, s),
                               rtol=None if dtype.startswith("complex") else 0)
                assert not msg, f"{dtype} {name} {s!r}: {msg}"


@pytest.mark.parametrize("dtype", ["float32", "float64", "int16", "int64"])
def test_inplace_python_scalars_match_numpy_exactly(dtype):
    for s in [0, 3, -0.0, 2.5, 1e-6, float("nan"), float("inf")]:
        for name in ("__iadd__", "__isub__", "__imul__", "__itruediv__"):
            a = numpy.arange(-3, 3).astype(dtype)
            ta = torchnp.asarray(a.copy())
            msg = _compare("", lambda: getattr(a, name)(s), lambda: getattr(ta, name)(s), rtol=0)
            assert not msg, f"{dtype} {name} {s!r}: {msg}"


def test_scalar_tensor_cache_is_bounded_and_never_written():
    from torchnp._core.ufunc import ScalarTensors
    cache = torchnp.multiply._fast_s[float][torch.float64].tensors
    assert isinstance(cache, ScalarTensors)
    cache.clear()
    cache.seen.clear()
    ta = torchnp.asarray([1.0, 2.0])
    for i in range(3 * ScalarTensors.SIZE):
        ta * (i + 0.5)                      # seen once: no tensor made
        ta * float("nan")                   # NaN is never kept (each would be a new key)
    assert not cache and 0 < len(cache.seen) <= ScalarTensors.SIZE
    for i in range(3 * ScalarTensors.SIZE):
        for _ in range(2):                  # seen twice: a tensor
            ta * (i + 0.25)
    assert 0 < len(cache) <= ScalarTensors.SIZE
    assert all(v == v for v in cache) and all(type(v) is torch.Tensor for v in cache.values())
    before = {k: v.clone() for k, v in cache.items() if isinstance(v, torch.Tensor)}
    tb = torchnp.asarray([1.0, 2.0])
    for k in list(before)[:5]:
        tb *= k
        tb -= k
        tb /= k
    assert all(torch.equal(cache[k], v) for k, v in before.items())


def test_scalar_operands_keep_autograd():
    x = torchnp.asarray([1.0, -2.0, 3.0], requires_grad=True)
    y = ((x * 3.0 + 1) * (x < 2.5)).sum()
    y.backward()
    assert_matches_numpy(x.grad, numpy.array([3.0, 3.0, 0.0]))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "int32", "int64", "float32",
                                   "float64"])
def test_square_and_power_of_two_as_products(dtype):
    """``square`` of integers and ``a ** 2`` compute ``t * t`` (torch's pow is ~3x slower on
    integers): the same wrapped products and special values as NumPy's."""
    if dtype.startswith("float"):
        x = numpy.array([0.0, -0.0, 1.5, -3.25, 1e20, 1e200, numpy.inf, -numpy.inf, numpy.nan],
                        dtype=dtype)
    else:
        info = numpy.iinfo(dtype)
        x = numpy.array([0, 1, -1, 7, 100, 200, 4000, 70000, info.min, info.max, info.max // 3],
                        dtype=numpy.int64).astype(dtype)
    a = torchnp.asarray(x)
    for np_call, tnp_call in [(lambda: numpy.square(x), lambda: torchnp.square(a)),
                              (lambda: x ** 2, lambda: a ** 2),
                              (lambda: x ** 2.0, lambda: a ** 2.0)]:
        msg = _compare("", np_call, tnp_call, rtol=0)
        assert not msg, msg


def test_scalar_tensors_are_plain_cpu_tensors():
    """A scalar first met under inference mode or another default device still serves autograd
    and CPU arrays later."""
    with torch.inference_mode():
        for _ in range(2):
            torchnp.asarray([1.0, 2.0]) * 3.625
    assert type(torchnp.multiply._fast_s[float][torch.float64].tensors.get(3.625)) is torch.Tensor
    w = torchnp.asarray([1.0, 2.0], requires_grad=True)
    (w * 3.625).sum().backward()
    assert_matches_numpy(w.grad, numpy.array([3.625, 3.625]))
    torch.set_default_device("meta")
    try:
        cache = torchnp.multiply._fast_s[float][torch.float64].tensors
        assert cache[5.875] == 5.875        # seen once: the scalar itself
        z = cache[5.875]
    finally:
        torch.set_default_device("cpu")
    assert z.device.type == "cpu" and not z.is_inference()
    assert_matches_numpy(torchnp.asarray([2.0]) * 5.875, numpy.array([11.75]))


def test_uint64_power_squares_only_as_often_as_the_exponents_need():
    """``power_u64`` stops at the largest exponent's bit length on the CPU: exponents with the
    top bit set, 0, 1 and large ones give NumPy's wrapped powers."""
    x = (numpy.arange(24) * 7919).astype(numpy.uint64)
    x[:3] = [2**64 - 1, 2**63, 3]
    a = torchnp.asarray(x)
    for s in [0, 1, 2, 3, 63, 64, 2**63, 2**64 - 1]:
        _check(lambda: x ** numpy.uint64(s), lambda: a ** numpy.uint64(s))
    ex = numpy.array([0, 1, 2**63, 2**64 - 1, 5, 40] * 4, dtype=numpy.uint64)
    _check(lambda: x ** ex, lambda: a ** torchnp.asarray(ex))
    _check(lambda: x[:0] ** ex[:0], lambda: a[:0] ** torchnp.asarray(ex[:0]))


_SCALARS = [5, -5, 0, True, 5.5, 1e300, 1j, 2**63, 2**64, -2**63 - 1]
_SCALAR_PARTNERS = [1, 1.0, 2**64]
_SCALAR_DTYPES = [None, "bool", "uint64", "int64", "int8", "float16", "float64", "complex128"]


def _platform_cast(args, dtype, casting):
    """A float beyond an integer dtype's range cast to it under 'unsafe': C leaves the value
    undefined, and NumPy's differs between CPUs."""
    return casting == "unsafe" and dtype is not None and numpy.dtype(dtype).kind in "iu" and \
        any(type(x) is float and abs(x) > 2**63 for x in args)


@pytest.mark.parametrize("name", ["absolute", "negative", "sqrt", "add", "multiply", "less",
                                  "arctan2", "logical_and", "bitwise_and"])
def test_python_scalars_only_with_dtype_and_casting(name):
    """Python scalars as the only inputs, with dtype= and casting=: one input is NumPy's default
    array of it (strong: absolute(5, dtype='uint64') is a casting error from int64); two are weak
    (add(5, 1, dtype='uint64') runs, an int only overflows the dtype it is cast to), and
    'unsafe' casts a weak scalar across kinds (add(5.5, 1, dtype='int8', casting='unsafe'))."""
    uf = getattr(numpy, name)
    args_list = [(s,) for s in _SCALARS] if uf.nin == 1 else \
        [(s, p) for s in _SCALARS for p in _SCALAR_PARTNERS]
    failures = []
    for args in args_list:
        for dtype in _SCALAR_DTYPES:
            for casting in ["same_kind", "unsafe", "safe", "no"]:
                kw = {"casting": casting} if dtype is None else {"casting": casting, "dtype": dtype}
                if _platform_cast(args, dtype, casting) or (
                        dtype is None and uf.nin == 1 and type(args[0]) is int
                        and not -2**63 <= args[0] < 2**64):
                    continue                # NumPy's object loop: docs/differences.md
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        r = uf(*args, **kw)
                    if not isinstance(r, numpy.generic) or r.dtype == object:
                        continue            # NumPy's object result: docs/differences.md
                except Exception:           # noqa: BLE001 - _compare compares the errors
                    pass
                msg = _compare(name, lambda: uf(*args, **kw),
                               lambda: getattr(torchnp, name)(*args, **kw))
                if msg:
                    failures.append(f"{name}{args} {kw}: {msg}")
    assert not failures, "\n".join(failures[:20])


def test_python_int_beyond_uint64_for_one_input():
    """A one-input ufunc makes an object array of an int beyond uint64: with a dtype, NumPy's
    casting error from object unless 'unsafe'; without one, torchnp's documented OverflowError
    where NumPy computes with Python ints."""
    for dtype in ["float16", "float64"]:
        raises_with_numpys_message(lambda: numpy.absolute(2**64, dtype=dtype),
                                   lambda: torchnp.absolute(2**64, dtype=dtype))
    _check(lambda: numpy.sqrt(2**70, dtype="float64", casting="unsafe"),
           lambda: torchnp.sqrt(2**70, dtype="float64", casting="unsafe"))
    with pytest.raises(OverflowError):
        torchnp.absolute(2**64)
    _check(lambda: numpy.absolute(2**63), lambda: torchnp.absolute(2**63))     # uint64


def test_integer_power_checks_only_the_selected_exponents():
    """NumPy's loop raises for a negative integer exponent only where ``where=`` selects it."""
    base, exps = numpy.array([2, 3], numpy.int8), numpy.array([-1, 2], numpy.int8)
    for mask in ([False, True], [True, True], [False, False]):
        _check(lambda: numpy.power(base, exps, where=numpy.array(mask),
                                   out=numpy.zeros(2, numpy.int8)),
               lambda: torchnp.power(torchnp.asarray(base), torchnp.asarray(exps),
                                     where=torchnp.asarray(numpy.array(mask)),
                                     out=torchnp.zeros(2, numpy.int8)))
        _check(lambda: numpy.power(base, -1, where=numpy.array(mask), out=numpy.zeros(2, "i1")),
               lambda: torchnp.power(torchnp.asarray(base), -1,
                                     where=torchnp.asarray(numpy.array(mask)),
                                     out=torchnp.zeros(2, numpy.int8)))


_TINY_F32 = numpy.array([1.1754943508222875e-38, 1e-45, 0.5, 0.0, 3.0], dtype=numpy.float32)
_SIGNATURE_SEARCHES = [
    # the homogeneous loop fails: the search takes inputs by safe casts only (NumPy's
    # type-tuple resolver), so float32 goes to the float32/float64 loop, not float16's
    lambda m, A: m.logical_not(A(_TINY_F32), dtype="bool"),
    lambda m, A: m.greater(A(_TINY_F32), A(numpy.arange(5)), dtype="bool"),
    lambda m, A: m.logical_and(A(_TINY_F32), A(numpy.arange(5)), dtype="bool"),
    lambda m, A: m.absolute(A(numpy.array([3 + 4j])), dtype="float32"),
    lambda m, A: m.ldexp(A(numpy.ones(2)), 1, dtype="float16"),
    # the homogeneous loop takes the casting as given
    lambda m, A: m.sqrt(A(numpy.arange(5)), dtype="float32"),
    lambda m, A: m.add(A(_TINY_F32), A(_TINY_F32), dtype="float16"),
    lambda m, A: m.negative(A(_TINY_F32), dtype="float16"),
    lambda m, A: m.add(A(numpy.arange(5, dtype=numpy.int8)), A(numpy.arange(5)), dtype="int8"),
    lambda m, A: m.add(A(_TINY_F32), A(numpy.arange(5)), signature=(None, None, "f4")),
    lambda m, A: m.sqrt(A(numpy.arange(5)), signature=(None, "f4")),
    # the inputs' own loop first, then the safe search, even under 'unsafe': the modulus of
    # complex64 in float64, integer comparisons (not of bools)
    lambda m, A: m.absolute(A(numpy.array([3 + 4j], numpy.complex64)), dtype="float64",
                            casting="unsafe"),
    lambda m, A: m.less(A(numpy.array([-5])), A(numpy.array([1])), dtype=bool, casting="unsafe"),
    lambda m, A: m.less(A(numpy.array([-5], numpy.int8)), A(numpy.array([1], numpy.int16)),
                        dtype=bool, casting="unsafe"),
    # logical ufuncs take every input into their bool loop, whatever the casting rule
    lambda m, A: m.logical_and(A(numpy.array([3, 200], numpy.uint8)), -1, dtype=bool),
    lambda m, A: m.logical_and(A(numpy.array([True])), A(numpy.array([3], numpy.int8)),
                               casting="no"),
    lambda m, A: m.logical_or(A(numpy.array([1.5])), A(numpy.array([0], numpy.int8)),
                              casting="safe"),
    # a Python int overflows the dtype it is converted to before any casting error
    lambda m, A: m.add(A(numpy.ones(2)), 300, dtype="int8"),
    lambda m, A: m.add(A(numpy.array([True])), 300, dtype="int8", casting="no"),
    lambda m, A: m.add(-1, A(numpy.zeros((1, 2), numpy.uint8)),
                       out=A(numpy.zeros((1, 1), numpy.uint8))),     # ... and before broadcasting
    # weak scalars cast by kind (an int to uint64), and anyhow under 'unsafe'
    lambda m, A: m.floor_divide(A(numpy.array([True])), 5, dtype="uint64"),
    lambda m, A: m.add(A(numpy.array([True, False])), 5, dtype="bool", casting="unsafe"),
    lambda m, A: m.true_divide(A(numpy.array([True])), 1j, dtype="float16", casting="unsafe"),
]


@pytest.mark.parametrize("case", range(len(_SIGNATURE_SEARCHES)))
def test_loop_search_for_a_given_output_dtype(case):
    f = _SIGNATURE_SEARCHES[case]
    msg = _compare("", lambda: f(numpy, numpy.asarray), lambda: f(torchnp, torchnp.asarray),
                   rtol=0)
    assert not msg, msg


_READ_ONLY_OUT_FIRST = [
    lambda m: m.arccos(m.asarray(numpy.array(False)), out=m.asarray(numpy.array(False)).imag,
                       dtype="bool"),
    lambda m: m.add(m.ones(2), "a", out=m.broadcast_to(m.zeros(1), (2,))),
    lambda m: m.add(m.ones(2), 1, out=m.broadcast_to(m.zeros(1), (2,)), casting="bad"),
    lambda m: m.add(m.ones(2), 1, out=m.broadcast_to(m.zeros(1), (2,)), where="x"),
    lambda m: m.add(m.ones(2), 1, out=m.broadcast_to(m.zeros(1), (2,)), bad=3),
]


@pytest.mark.parametrize("case", range(len(_READ_ONLY_OUT_FIRST)))
def test_read_only_out_is_checked_in_numpys_order(case):
    """A read-only out= raises before the keywords' values, the inputs and the loop search are
    checked (after the keywords' names), as in NumPy."""
    f = _READ_ONLY_OUT_FIRST[case]
    msg = _compare("", lambda: f(numpy), lambda: f(torchnp))
    assert not msg, msg


@pytest.mark.parametrize("name", ["equal", "not_equal", "less", "less_equal", "greater",
                                  "greater_equal"])
def test_out_of_range_int_comparison_under_where(name):
    """NumPy 2.4.6 segfaults on these (docs/differences.md, Where NumPy itself is wrong): the
    expected values are NumPy's comparison without ``where=``, written where the mask selects."""
    x = numpy.array([[-3, 5, 127]], numpy.int8)
    mask = numpy.array([False, True, True])
    for value in (1000, -1000, 2**63 - 1):
        full = getattr(numpy, name)(x, value)
        out = numpy.zeros(full.shape, bool)
        expected = numpy.where(mask, full, out)
        got = getattr(torchnp, name)(torchnp.asarray(x), value, where=torchnp.asarray(mask),
                                     out=torchnp.asarray(out.copy()))
        assert_matches_numpy(got, expected)
        # a NumPy integer scalar crashes NumPy too (numpy.less(1000, numpy.int8(1), where=True))
        assert_matches_numpy(getattr(torchnp, name)(value, numpy.int8(1), where=True),
                             getattr(numpy, name)(value, numpy.int8(1)))
