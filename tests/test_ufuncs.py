"""Ufuncs against NumPy: a sweep of every NumPy ufunc over every dtype and edge values, and the
call machinery (out=, where=, dtype=, casting=, Python scalars, operators, __array_ufunc__)."""
import builtins
import itertools
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy

# ----- the sweep ------------------------------------------------------------------------------------

NP_UFUNCS = sorted(name for name in dir(numpy) if isinstance(getattr(numpy, name), numpy.ufunc))
NP_UFUNC_NAMES = sorted({getattr(numpy, name).__name__ for name in NP_UFUNCS})
DTYPES = "?bBhHiIlLefdFD"
CROSS_DTYPES = "?bBhlLefdD"          # every pair of these, in binary ufuncs

# Functions whose results are computed by transcendental algorithms: tolerances in float16/32 and
# complex (elsewhere results must be exact, or within the helpers' float64 default).
EXACT = {
    "add", "subtract", "multiply", "floor_divide", "remainder", "fmod", "divmod", "negative",
    "positive", "absolute", "fabs", "sign", "conjugate", "square", "equal", "not_equal", "less",
    "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor",
    "logical_not", "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "left_shift",
    "right_shift", "maximum", "minimum", "fmax", "fmin", "isnan", "isinf", "isfinite", "signbit",
    "copysign", "isnat", "floor", "ceil", "trunc", "rint", "spacing", "nextafter", "frexp", "ldexp",
    "modf", "gcd", "lcm", "bitwise_count", "heaviside",
}
EXACT_COMPLEX = {"add", "subtract", "negative", "positive", "conjugate", "equal", "not_equal",
                 "less", "less_equal", "greater", "greater_equal", "maximum", "minimum", "fmax",
                 "fmin", "isnan", "isinf", "isfinite", "logical_and", "logical_or", "logical_xor",
                 "logical_not"}
LOOSE = {"e": 2e-3, "f": 2e-6, "F": 2e-5, "D": 1e-12, "d": 1e-13}


def _edge(code):
    dt = numpy.dtype(code)
    if code == "?":
        return numpy.array([False, True])
    if dt.kind in "iu":
        info = numpy.iinfo(dt)
        vals = [0, 1, 2, 3, 5, 7, 8, 13, 63, 64, -1, -2, -3, -7, -8, info.min, info.max, info.min + 1,
                info.max - 1]
        return numpy.array([v for v in vals if info.min <= v <= info.max], dtype=dt)
    finfo = numpy.finfo(dt)
    real = numpy.array([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.0, -7.0, 1e-3,
                        numpy.inf, -numpy.inf, numpy.nan, float(finfo.max), -float(finfo.max),
                        float(finfo.tiny)], dtype=finfo.dtype)
    if dt.kind == "f":
        return real
    parts = real[[0, 1, 2, 3, 6, 7, 11, 12, 13]]
    re, im = numpy.meshgrid(parts, parts)
    z = numpy.empty(re.size, dtype=dt)
    z.real, z.imag = re.ravel(), im.ravel()
    return z


EDGE = {c: _edge(c) for c in DTYPES}


def _builtin_class(exc_type):
    """The nearest builtin exception class of NumPy's exception (NumPy raises private subclasses)."""
    for cls in exc_type.__mro__:
        if cls.__module__ == "builtins":
            return cls
    return Exception


def _compare(name, np_call, tnp_call, rtol=None):
    """'' when torchnp matches NumPy (value, dtype, shape, result kind, exception class), else a
    description of the difference."""
    with numpy.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = np_call()
        except Exception as e:     # noqa: BLE001 - the class is what we compare
            expected_exc = _builtin_class(type(e))
        else:
            expected_exc = None
        try:
            actual = tnp_call()
        except Exception as e:     # noqa: BLE001
            if expected_exc is not None and isinstance(e, expected_exc):
                return ""
            return f"raised {type(e).__name__}: {e}" + (
                "" if expected_exc is None else f" (NumPy raised {expected_exc.__name__})")
    if expected_exc is not None:
        return f"did not raise {expected_exc.__name__}"
    if rtol == "auto":
        rtol = _rtol(name, _result_char(expected))
    try:
        assert_matches_numpy(actual, expected, rtol=rtol)
    except AssertionError as e:
        return str(e)[:400]
    return ""


def _result_char(expected):
    e = expected[0] if isinstance(expected, tuple) else expected
    return numpy.asarray(e).dtype.char


def _rtol(name, code):
    """Exact (None) for the exact functions (but complex results of divisions, signs and magnitudes
    may differ in the last bit); the loose tolerance of the result dtype otherwise."""
    if name in EXACT and (code not in "FD" or name in EXACT_COMPLEX):
        return None
    return LOOSE.get(code)


def _tnp(name):
    return getattr(torchnp, name, None)


def test_every_numpy_ufunc_exists():
    """Every ufunc in NumPy's namespace is a torchnp.ufunc with the same name and arity."""
    missing = []
    for name in NP_UFUNCS:
        npu = getattr(numpy, name)
        ours = _tnp(name)
        if not isinstance(ours, torchnp.ufunc):
            missing.append(name)
            continue
        assert ours.__name__ == npu.__name__
        assert (ours.nin, ours.nout, ours.nargs) == (npu.nin, npu.nout, npu.nargs), name
        assert ours.identity == npu.identity or (ours.identity != ours.identity), name
        assert ours.ntypes > 0 or name == "isnat", name
    assert not missing, f"missing ufuncs: {missing}"


def _sweep_names(nin):
    return [n for n in NP_UFUNC_NAMES if getattr(numpy, n).nin == nin
            and getattr(numpy, n).signature is None]


@pytest.mark.parametrize("name", _sweep_names(1))
def test_unary_sweep(name):
    ours = _tnp(name)
    if ours is None:
        pytest.fail(f"torchnp has no ufunc {name!r}")
    npu = getattr(numpy, name)
    failures = []
    for code in DTYPES:
        x = EDGE[code]
        msg = _compare(name, lambda: npu(x), lambda: ours(torchnp.asarray(x)), "auto")
        if msg:
            failures.append(f"{name}({code}): {msg}")
        msg = _compare(name, lambda: npu(x[3]), lambda: ours(torchnp.asarray(x[3])),
                       "auto")
        if msg:
            failures.append(f"{name}({code} 0-d): {msg}")
    assert not failures, "\n".join(failures)


def _drop_known(name, x, y):
    """Edge values left out, each for a known difference (docs/differences.md)."""
    if name in ("fmod", "remainder", "divmod") and x.dtype.kind == "f":
        # torch's fmod is nan where x1 / x2 overflows the float range (max / 0.5); NumPy's C fmod
        # is exact there.
        x = x[numpy.abs(x[:, 0]) != numpy.finfo(x.dtype).max]
    if name in ("power", "float_power") and "c" in (x.dtype.kind, y.dtype.kind):
        # complex power with infinite operands: NumPy multiplies repeatedly for small integer
        # exponents (inf+0j ** 1 is inf+0j), torch uses exp(b log a) (inf+nanj).
        x = x[numpy.isfinite(x[:, 0])]
        y = y[:, numpy.isfinite(y[0, :])]
    if name in ("maximum", "minimum") and x.dtype != y.dtype:
        # NumPy's own result for maximum(-0.0, 0.0) depends on its loop (SIMD for one dtype, a
        # buffered scalar loop after casting); torch's is consistent. Zeros of one sign only.
        if x.dtype.kind == "f":
            x = numpy.where(x == 0, 0.0, x).astype(x.dtype)
        if y.dtype.kind == "f":
            y = numpy.where(y == 0, 0.0, y).astype(y.dtype)
    return x, y


@pytest.mark.parametrize("name", _sweep_names(2))
def test_binary_sweep_same_dtype(name):
    """Every dtype with itself: all pairs of edge values (an outer product, by broadcasting)."""
    ours = _tnp(name)
    if ours is None:
        pytest.fail(f"torchnp has no ufunc {name!r}")
    npu = getattr(numpy, name)
    failures = []
    for code in DTYPES:
        x = EDGE[code][:, None]
        y = EDGE[code][None, :]
        x, y = _drop_known(name, x, y)
        if name in ("left_shift", "right_shift") and code in "bBhHiIlL":
            y = numpy.arange(-2, 70, dtype=code)[None, :] if code in "bhil" else \
                numpy.arange(0, 70, dtype=code)[None, :]
        msg = _compare(name, lambda: npu(x, y),
                       lambda: ours(torchnp.asarray(x), torchnp.asarray(y)), "auto")
        if msg:
            failures.append(f"{name}({code}, {code}): {msg}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", _sweep_names(2))
def test_binary_sweep_dtype_pairs(name):
    """Every pair of a subset of dtypes, mixed (promotion, mixed-sign and mixed-kind loops)."""
    ours = _tnp(name)
    if ours is None:
        pytest.fail(f"torchnp has no ufunc {name!r}")
    npu = getattr(numpy, name)
    failures = []
    for c1, c2 in itertools.product(CROSS_DTYPES, repeat=2):
        if c1 == c2:
            continue
        x = EDGE[c1][:, None]
        y = EDGE[c2][None, ::2]
        x, y = _drop_known(name, x, y)
        rtol = "auto"
        msg = _compare(name, lambda: npu(x, y),
                       lambda: ours(torchnp.asarray(x), torchnp.asarray(y)), rtol)
        if msg:
            failures.append(f"{name}({c1}, {c2}): {msg}")
    assert not failures, "\n".join(failures)


WEAK_SCALARS = [0, 1, -1, 3, 127, 300, -129, 2**63, 2**64, -2**63 - 1, 2.5, -0.0, float("inf"),
                float("nan"), 1e300, 1j, 2 - 3j]


@pytest.mark.parametrize("name", _sweep_names(2))
def test_binary_sweep_python_scalars(name):
    """Every dtype with weak Python int / float / complex scalars on both sides (NEP 50)."""
    ours = _tnp(name)
    if ours is None:
        pytest.fail(f"torchnp has no ufunc {name!r}")
    npu = getattr(numpy, name)
    failures = []
    for code in DTYPES:
        x = EDGE[code]
        tx = torchnp.asarray(x)
        rtol = "auto"
        for s in WEAK_SCALARS:
            if name in ("fmax", "fmin", "maximum", "minimum") and s == 0 and type(s) is float:
                continue    # NumPy's sign of zero ties depends on its loop (see _drop_known)
            if name in ("power", "float_power") and code in "FD" and s in (1, -1):
                continue    # complex power of infinities (see _drop_known)
            if name in ("power", "float_power") and s in (float("inf"), 1e300) and code in "FD":
                continue
            msg = _compare(name, lambda: npu(x, s), lambda: ours(tx, s), rtol)
            if msg:
                failures.append(f"{name}({code}, {s!r}): {msg}")
            msg = _compare(name, lambda: npu(s, x), lambda: ours(s, tx), rtol)
            if msg:
                failures.append(f"{name}({s!r}, {code}): {msg}")
    assert not failures, "\n".join(failures[:40])


@pytest.mark.parametrize("name", _sweep_names(2))
def test_binary_both_scalars(name):
    ours = _tnp(name)
    if ours is None:
        pytest.fail(f"torchnp has no ufunc {name!r}")
    npu = getattr(numpy, name)
    failures = []
    for s1, s2 in [(3, 2), (2.5, -1), (True, 3), (1j, 2), (-7, 2.0)]:
        msg = _compare(name, lambda: npu(s1, s2), lambda: ours(s1, s2), "auto")
        if msg:
            failures.append(f"{name}({s1!r}, {s2!r}): {msg}")
    assert not failures, "\n".join(failures)


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
