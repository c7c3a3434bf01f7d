"""ufunc.reduce / accumulate / reduceat / outer / at against NumPy as the oracle."""
import ast
import os
import subprocess
import sys
import warnings

import numpy
import pytest

import torchnp
from helpers import DTYPES, assert_matches_numpy, raises_like_numpy
from opinfo.known_bugs import fold_reduce, is_reorderable

# Binary ufuncs with the methods reduce / accumulate / reduceat / outer / at.
BINARY = ["add", "subtract", "multiply", "maximum", "minimum", "logical_and", "logical_or",
          "logical_xor", "divide", "equal", "less", "greater", "bitwise_and", "bitwise_or",
          "bitwise_xor", "hypot", "logaddexp", "arctan2", "fmax", "fmin", "gcd", "power"]


def make(dtype, shape=(2, 3, 4), seed=0):
    rng = numpy.random.default_rng(seed)
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, shape).astype(dt)
    if dt.kind in "iu":
        return rng.integers(1, 4, shape).astype(dt)
    x = rng.uniform(0.5, 2.0, shape)
    if dt.kind == "c":
        x = x + 1j * rng.uniform(0.5, 2.0, shape)
    return x.astype(dt)


def call_both(name, method, x, *args, **kwargs):
    """(torchnp result, NumPy result); when NumPy raises, torchnp must raise the same class."""
    np_call = lambda: getattr(getattr(numpy, name), method)(x, *args, **kwargs)  # noqa: E731
    tnp_x = torchnp.asarray(x) if isinstance(x, numpy.ndarray) else x
    tnp_call = lambda: getattr(getattr(torchnp, name), method)(tnp_x, *args, **kwargs)  # noqa: E731
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = np_call()
        except Exception:      # noqa: BLE001 - compared below
            raises_like_numpy(np_call, tnp_call)
            return None, None
        if method == "reduce" and not is_reorderable(getattr(numpy, name)):
            expected = _folded(name, x, expected.dtype, **kwargs)
        return tnp_call(), expected


def _folded(name, x, out_dtype, axis=0, keepdims=False, initial=None, where=True, dtype=None):
    """NumPy's reduce of a non-reorderable ufunc is CPU-dependent (known_bugs.NUMPY_BUGS): the
    expected value is a left fold with the binary ufunc instead."""
    return fold_reduce(getattr(numpy, name), x, out_dtype, axis, keepdims, initial, where)


def _rtol(x):
    return 2e-3 if x.dtype == numpy.float16 else 1e-5 if x.dtype.char in "fF" else None


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_reduce(name, dtype):
    x = make(dtype)
    for axis in (0, -1, None, (0, 2), ()):
        for keepdims in (False, True):
            actual, expected = call_both(name, "reduce", x, axis=axis, keepdims=keepdims)
            if expected is not None:
                assert_matches_numpy(actual, expected, rtol=_rtol(x))
    actual, expected = call_both(name, "reduce", x, axis=1, dtype=numpy.float64)
    if expected is not None:
        assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "uint16", "uint32", "int64", "uint64",
                                   "float32", "float64"])
def test_subtract_folds_in_order_along_long_axes(dtype):
    """subtract.reduce / accumulate are left folds (integers as one sum, floats one kernel call
    per row): the same bits as the fold, with integers wrapping as NumPy's loops wrap."""
    rng = numpy.random.default_rng(3)
    dt = numpy.dtype(dtype)
    if dt.kind in "iu":
        info = numpy.iinfo(dt)
        x = rng.integers(info.min, info.max, (600, 3), dtype=dt, endpoint=True)
    else:
        x = (rng.standard_normal((600, 3)) * 1e3).astype(dt)
    a = torchnp.asarray(x)
    mask = rng.integers(0, 2, x.shape).astype(bool)
    for axis in (0, 1):
        assert_matches_numpy(torchnp.subtract.reduce(a, axis=axis),
                             fold_reduce(numpy.subtract, x, dt, axis=axis), rtol=0)
        assert_matches_numpy(torchnp.subtract.reduce(a, axis=axis, initial=7, where=mask),
                             fold_reduce(numpy.subtract, x, dt, axis=axis, initial=7, where=mask),
                             rtol=0)
        assert_matches_numpy(torchnp.subtract.accumulate(a, axis=axis),
                             numpy.subtract.accumulate(x, axis=axis), rtol=0)
    expected = fold_reduce(numpy.subtract, x[:, 0], dt)[()]       # NumPy's reduce: a scalar
    assert_matches_numpy(torchnp.subtract.reduce(a[:, 0]), expected, rtol=0)


@pytest.mark.parametrize("name", BINARY)
def test_reduce_empty_initial_where(name):
    x = make("float64", (0, 3))
    for axis in (0, 1):
        actual, expected = call_both(name, "reduce", x, axis=axis)
        if expected is not None:
            assert_matches_numpy(actual, expected)
        actual, expected = call_both(name, "reduce", x, axis=axis, initial=2.0)
        if expected is not None:
            assert_matches_numpy(actual, expected)
    y = make("float64", (3, 4))
    mask = numpy.array([True, False, True, True])
    for kw in (dict(initial=1.5), dict(where=mask), dict(where=mask, initial=1.5)):
        actual, expected = call_both(name, "reduce", y, axis=1, **kw)
        if expected is not None:
            assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "uint64", "float32", "float64", "bool"])
@pytest.mark.parametrize("name", BINARY)
def test_accumulate(name, dtype):
    x = make(dtype)
    for axis in (0, -1, 2):
        actual, expected = call_both(name, "accumulate", x, axis=axis)
        if expected is not None:
            assert_matches_numpy(actual, expected, rtol=_rtol(x))


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum", "minimum",
                                  "logical_or", "divide"])
def test_reduceat(name):
    x = make("float64", (8, 3))
    for indices in ([0, 4, 1, 5, 7], [0, 2], [3], [5, 5, 0]):
        for axis in (0,):
            actual, expected = call_both(name, "reduceat", x, indices, axis=axis)
            if expected is not None:
                assert_matches_numpy(actual, expected)
    actual, expected = call_both(name, "reduceat", x.T, [0, 2, 2], axis=1)
    if expected is not None:
        assert_matches_numpy(actual, expected)
    for bad in ([0, 9], [-1]):
        call_both(name, "reduceat", x, bad)
    assert_matches_numpy(*call_both(name, "reduceat", numpy.arange(8, dtype=numpy.int8), [0, 4]))


def test_reduceat_axis():
    """axis=None is every axis (one allowed); a 0-d array raises TypeError unless the axis is out
    of bounds (0 and -1 are in bounds for it, as in NumPy)."""
    for x in (numpy.array(2.0), numpy.arange(3.0), numpy.ones((2, 2))):
        for axis in (0, -1, None, (0,), (), (-1,), 1, (1,), numpy.int64(0), True, 1.5):
            actual, expected = call_both("add", "reduceat", x, [0], axis=axis)
            if expected is not None:
                assert_matches_numpy(actual, expected)


@pytest.mark.parametrize("name", BINARY)
def test_outer(name):
    integer_only = name.startswith("bitwise") or name == "gcd"
    a = make("int32" if integer_only else "float64", (2, 3))
    b = make("int8", (4,))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = getattr(numpy, name).outer(a, b)
    assert_matches_numpy(getattr(torchnp, name).outer(torchnp.asarray(a), torchnp.asarray(b)),
                         expected)
    if name in ("add", "multiply"):
        assert_matches_numpy(getattr(torchnp, name).outer([1, 2], 3),
                             getattr(numpy, name).outer([1, 2], 3))


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum", "minimum",
                                  "divide"])
@pytest.mark.parametrize("dtype", ["int64", "float64", "int8"])
def test_at(name, dtype):
    for indices, b in (([0, 1, 0, 0], 2), (numpy.array([3, 1]), numpy.array([5, 6])),
                       (slice(1, 3), 3), ([2, 2], 1.5)):
        x = make(dtype, (5,))
        e = x.copy()
        a = torchnp.asarray(x.copy())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                getattr(numpy, name).at(e, indices, b)
            except Exception:      # noqa: BLE001
                raises_like_numpy(lambda: getattr(numpy, name).at(x.copy(), indices, b),
                                  lambda: getattr(torchnp, name).at(a, indices, b))
                continue
            assert getattr(torchnp, name).at(a, indices, b) is None
        assert_matches_numpy(a, e)


def test_at_2d():
    x = numpy.zeros((3, 4))
    a = torchnp.asarray(x.copy())
    numpy.add.at(x, (numpy.array([0, 0, 2]), numpy.array([1, 1, 3])), numpy.array([1.0, 2.0, 3.0]))
    torchnp.add.at(a, (numpy.array([0, 0, 2]), numpy.array([1, 1, 3])), numpy.array([1.0, 2.0, 3.0]))
    assert_matches_numpy(a, x)
    raises_like_numpy(lambda: numpy.add.at(x, [0]), lambda: torchnp.add.at(a, [0]))


def test_errors():
    x = make("float64")
    a = torchnp.asarray(x)
    raises_like_numpy(lambda: numpy.sin.reduce(x), lambda: torchnp.sin.reduce(a))
    raises_like_numpy(lambda: numpy.sin.accumulate(x), lambda: torchnp.sin.accumulate(a))
    raises_like_numpy(lambda: numpy.sin.reduceat(x, [0]), lambda: torchnp.sin.reduceat(a, [0]))
    raises_like_numpy(lambda: numpy.sin.outer(x, x), lambda: torchnp.sin.outer(a, a))
    raises_like_numpy(lambda: numpy.subtract.reduce(x, axis=(0, 1)),
                      lambda: torchnp.subtract.reduce(a, axis=(0, 1)))
    raises_like_numpy(lambda: numpy.subtract.reduce(x, axis=None),
                      lambda: torchnp.subtract.reduce(a, axis=None))
    raises_like_numpy(lambda: numpy.maximum.reduce(numpy.zeros((0, 2))),
                      lambda: torchnp.maximum.reduce(torchnp.asarray(numpy.zeros((0, 2)))))
    raises_like_numpy(lambda: numpy.subtract.reduce(numpy.array([True, False])),
                      lambda: torchnp.subtract.reduce(torchnp.asarray(numpy.array([True, False]))))
    raises_like_numpy(lambda: numpy.add.reduce(x, axis=3), lambda: torchnp.add.reduce(a, axis=3))
    raises_like_numpy(lambda: numpy.add.reduce(x, axis=(1, 1)),
                      lambda: torchnp.add.reduce(a, axis=(1, 1)))
    raises_like_numpy(lambda: numpy.add.accumulate(numpy.array(1.0)),
                      lambda: torchnp.add.accumulate(torchnp.asarray(numpy.array(1.0))))
    raises_like_numpy(lambda: numpy.add.accumulate(x, axis=(0, 1)),
                      lambda: torchnp.add.accumulate(a, axis=(0, 1)))
    raises_like_numpy(lambda: numpy.add.reduce(x, axis=0, out=numpy.zeros(4)),
                      lambda: torchnp.add.reduce(a, axis=0, out=torchnp.asarray(numpy.zeros(4))))
    raises_like_numpy(lambda: numpy.add.accumulate(x, out=numpy.zeros(4)),
                      lambda: torchnp.add.accumulate(a, out=torchnp.asarray(numpy.zeros(4))))
    raises_like_numpy(lambda: numpy.equal.reduce(numpy.arange(3)),
                      lambda: torchnp.equal.reduce(torchnp.asarray(numpy.arange(3))))


def test_reduce_out_and_zero_dim():
    x = make("float64", (3, 4))
    e_out = numpy.zeros(4, numpy.int64)
    a_out = torchnp.asarray(numpy.zeros(4, numpy.int64))
    numpy.add.reduce(x, axis=0, out=e_out)
    assert torchnp.add.reduce(torchnp.asarray(x), axis=0, out=a_out) is a_out
    assert_matches_numpy(a_out, e_out)
    a_out = torchnp.asarray(numpy.zeros(4))
    e_out = numpy.zeros(4)
    numpy.maximum.accumulate(x, out=(numpy.zeros((3, 4)),))
    z = numpy.array(5.0)
    for axis in (0, None, ()):
        assert_matches_numpy(torchnp.add.reduce(torchnp.asarray(z), axis=axis),
                             numpy.add.reduce(z, axis=axis))


def test_reduce_dtypes_follow_numpy():
    for dtype in ("bool", "int8", "uint8", "uint16", "int32"):
        x = make(dtype, (5,))
        for name in ("add", "multiply", "maximum", "logical_and", "logical_or"):
            assert_matches_numpy(getattr(torchnp, name).reduce(torchnp.asarray(x)),
                                 getattr(numpy, name).reduce(x))
        assert_matches_numpy(torchnp.add.accumulate(torchnp.asarray(x)), numpy.add.accumulate(x))


def test_fold_reference_is_numpy_without_simd():
    """The fold that stands in for NumPy's reduce of non-reorderable ufuncs (NUMPY_BUGS) equals
    NumPy's own reduce with NumPy's optional SIMD loops disabled, run in a fresh interpreter."""
    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__
    except ImportError:
        pytest.skip("NumPy no longer exposes __cpu_dispatch__ (private): cannot disable its SIMD")
    x = make("float64", (3, 5))
    code = (f"import numpy; x = numpy.array({x.tolist()!r}); "
            "print(repr([numpy.power.reduce(x, axis=1).tolist(), "
            "numpy.arctan2.reduce(x, axis=1).tolist(), numpy.subtract.reduce(x, axis=1).tolist()]))")
    env = dict(os.environ, NPY_DISABLE_CPU_FEATURES=" ".join(__cpu_dispatch__))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    scalar_loops = numpy.array(ast.literal_eval(run.stdout))
    folded = [fold_reduce(uf, x, numpy.float64, axis=1)
              for uf in (numpy.power, numpy.arctan2, numpy.subtract)]
    numpy.testing.assert_allclose(scalar_loops, numpy.stack(folded), rtol=1e-13)


# ----- regressions for differences the fuzzer found (tests/test_fuzz.py) --------------------------

@pytest.mark.parametrize("name", ["fmax", "fmin", "bitwise_and", "bitwise_or", "bitwise_xor",
                                  "add", "maximum", "logical_and", "subtract", "power"])
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "uint64", "float64"])
def test_reduce_over_length_1_axes_never_aliases_its_input(name, dtype):
    for shape, axis in (((1,), 0), ((1,), None), ((1, 1), (0, 1)), ((2, 1), 1), ((1, 3), 0),
                        ((1, 1), 0)):
        x = numpy.full(shape, 3).astype(dtype)
        a = torchnp.asarray(x.copy())
        uf, tuf = getattr(numpy, name), getattr(torchnp, name)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = uf.reduce(x, axis=axis)
        except (TypeError, ValueError):
            continue                        # no loop for the dtype, or not reorderable
        got = tuf.reduce(a, axis=axis)
        a[...] = 0                          # a write to the input leaves the result alone
        assert_matches_numpy(got, expected)


def test_reduce_checks_out_and_axis_before_the_loop():
    """NumPy raises for a bad ``out=``, then for a bad axis, before it looks for a loop."""
    f, c, b = numpy.ones(1), numpy.ones((2, 2), complex), numpy.ones((2, 2), bool)
    cases = [("bitwise_and", f, {"axis": 1}), ("bitwise_and", f, {"axis": (0, 0)}),
             ("bitwise_and", f, {"axis": 1.5}), ("bitwise_and", f, {"axis": 1, "out": 5}),
             ("bitwise_and", numpy.array(1.0), {"axis": 1}),
             ("bitwise_and", f, {"axis": 1, "keepdims": True}), ("fmax", c, {"axis": 3}),
             ("subtract", b, {"axis": 3}), ("subtract", b, {"axis": (0, 1)}),
             ("bitwise_and", f, {"axis": 0}), ("add", f, {"axis": 5, "dtype": "S3"})]
    for name, x, kw in cases:
        raises_like_numpy(lambda: getattr(numpy, name).reduce(x, **kw),
                          lambda: getattr(torchnp, name).reduce(torchnp.asarray(x), **kw))
        with pytest.raises(Exception) as want:
            getattr(numpy, name).reduce(x, **kw)
        with pytest.raises(Exception) as got:
            getattr(torchnp, name).reduce(torchnp.asarray(x), **kw)
        assert isinstance(got.value, type(want.value)) or "S3" in str(kw), (name, kw)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "bitwise_xor", "fmax"])
def test_reduce_of_several_length_1_axes_with_an_empty_kept_axis(name):
    x = numpy.zeros((1, 1, 0), "int8")
    assert_matches_numpy(getattr(torchnp, name).reduce(torchnp.asarray(x), axis=(0, 1)),
                         getattr(numpy, name).reduce(x, axis=(0, 1)))
    assert_matches_numpy(torchnp.prod(torchnp.asarray(x.astype(bool)), axis=(0, 1)),
                         numpy.prod(x.astype(bool), axis=(0, 1)))


_NO_AXIS_REDUCTIONS = [
    lambda m, A: m.add.reduce(A(numpy.array(-0.0)), axis=None),
    lambda m, A: m.add.reduce(A(numpy.array([-0.0, 1.0])), axis=()),
    lambda m, A: m.sum(A(numpy.array([-0.0, 1.0])), axis=()),
    lambda m, A: m.multiply.reduce(A(numpy.array([numpy.complex64(numpy.inf)])), axis=()),
    lambda m, A: m.multiply.reduce(A(numpy.array(numpy.complex128(numpy.inf))), axis=None),
    lambda m, A: m.add.reduce(A(numpy.array(-0.0)), axis=None, initial=-0.0),
    lambda m, A: m.add.reduce(A(numpy.array([-0.0, 2.0])), axis=(), initial=-0.0),
    lambda m, A: m.prod(A(numpy.array([2.0, 3.0])), initial=0.5),
    lambda m, A: m.minimum.reduce(A(numpy.array(-0.0)), axis=None),
    lambda m, A: m.add.reduce(A(numpy.array([1, 2])), axis=()),
    # the parts add separately: torch's complex add would make 0 + (-inf-0j) -inf+nanj
    lambda m, A: m.add.reduce(A(numpy.array(complex(-numpy.inf, -0.0))), axis=None),
    lambda m, A: m.sum(A(numpy.array([complex(numpy.inf, -0.0)])), axis=(), initial=1j),
]


@pytest.mark.parametrize("case", range(len(_NO_AXIS_REDUCTIONS)))
def test_reducing_no_axis_still_applies_the_identity(case):
    """NumPy combines each element with the identity (or initial) even when no axis is reduced:
    add.reduce of a 0-d -0.0 is 0.0, multiply.reduce of inf+0j is inf+nanj."""
    f = _NO_AXIS_REDUCTIONS[case]
    with numpy.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = f(numpy, numpy.asarray)
        got = f(torchnp, torchnp.asarray)
    assert_matches_numpy(got, expected, rtol=0)
