"""torchnp.testing against numpy.testing: the same verdict and message for the same numbers.

Each case is a call of a numpy.testing function on NumPy data. It runs in NumPy as written, and in
torchnp with its arrays given as torchnp arrays, as torch tensors, and left as NumPy arrays: each
must pass where NumPy passes, and fail where NumPy fails with NumPy's exception class and
exactly NumPy's message.
"""
import operator
import warnings

import numpy as np
import numpy.testing as nt
import pytest
import torch

import torchnp
import torchnp.testing as tt


def _as(kind, x):
    """NumPy data ``x`` (recursively through lists, tuples, dicts) as ``kind`` sees it."""
    if isinstance(x, np.ndarray):
        if kind == "torchnp":
            return torchnp.asarray(x.copy())
        if kind == "tensor":
            return torch.from_numpy(x.copy())
        return x.copy()
    if isinstance(x, (list, tuple)):
        return type(x)(_as(kind, e) for e in x)
    if isinstance(x, dict):
        return {k: _as(kind, v) for k, v in x.items()}
    return x


def outcome(fn, args, kwargs):
    """('ok', result) or (exception class, message)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "ok", fn(*args, **kwargs)
        except Exception as e:      # noqa: BLE001 - class and message are what we compare
            return type(e), str(e)


def check_like_numpy(name, *args, **kwargs):
    """numpy.testing.<name> on NumPy data against torchnp.testing.<name> on torchnp arrays,
    tensors and NumPy arrays: the same outcome and message."""
    expected = outcome(getattr(nt, name), _as("numpy", args), _as("numpy", kwargs))
    for kind in ("torchnp", "tensor", "numpy"):
        got = outcome(getattr(tt, name), _as(kind, args), _as(kind, kwargs))
        assert got[0] == expected[0], f"{name} on {kind}: {got} (NumPy: {expected})"
        if expected[0] == "ok":
            if isinstance(expected[1], np.ndarray):
                np.testing.assert_array_equal(np.asarray(got[1]), expected[1])
            else:
                assert got[1] == expected[1]
        else:
            assert got[1] == expected[1], f"{name} on {kind}:\n{got[1]}\n!= NumPy's\n{expected[1]}"
    return expected


X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
Y = X + np.array([[0.0, 1e-9, 0.0], [0.0, 0.0, 3e-3]])
NAN = np.array([1.0, np.nan, np.inf, -np.inf])
I = np.arange(6).reshape(2, 3)
C = np.array([1 + 2j, 3 - 1j, 0.5j])
F32 = X.astype(np.float32)
U8 = np.array([3, 250, 7], np.uint8)

CASES = [
    # (function, args, kwargs)
    ("assert_allclose", (X, X), {}),
    ("assert_allclose", (X, Y), {}),
    ("assert_allclose", (X, Y), {"rtol": 1e-2}),
    ("assert_allclose", (X, Y), {"atol": 1e-2, "rtol": 0}),
    ("assert_allclose", (X, Y), {"err_msg": "custom", "verbose": False}),
    ("assert_allclose", (NAN, NAN), {}),
    ("assert_allclose", (NAN, NAN), {"equal_nan": False}),
    ("assert_allclose", (X, F32), {"strict": True}),
    ("assert_allclose", (X, X[0]), {}),
    ("assert_allclose", (X, 1.0), {}),
    ("assert_allclose", (C, C + 1e-3), {}),
    ("assert_allclose", (np.zeros(3), np.array([0.0, 1e-12, 0.0])), {}),
    ("assert_allclose", (X, "abc"), {}),
    ("assert_allclose", (X, None), {}),
    ("assert_array_equal", (I, I), {}),
    ("assert_array_equal", (I, I + np.eye(2, 3, dtype=int)), {}),
    ("assert_array_equal", (I, I.astype(np.int32)), {"strict": True}),
    ("assert_array_equal", (X, 2.0), {}),
    ("assert_array_equal", (NAN, NAN), {}),
    ("assert_array_equal", (X, X.T), {}),
    ("assert_array_equal", (U8, np.array([3, 2, 7], np.uint8)), {}),
    ("assert_array_equal", (np.array([True, False]), np.array([True, True])), {}),
    ("assert_array_equal", (C, C.conj()), {}),
    ("assert_array_equal", (np.array(-0.0), 0.0), {}),
    ("assert_array_equal", (np.zeros((0, 3)), np.zeros((0, 3))), {}),
    ("assert_array_equal", ([X[0], X[1]], X), {}),
    ("assert_array_almost_equal", (X, Y), {}),
    ("assert_array_almost_equal", (X, Y), {"decimal": 2}),
    ("assert_array_almost_equal", (X, F32 + 1e-3), {"decimal": 5}),
    ("assert_almost_equal", (X, Y), {}),
    ("assert_almost_equal", (X, Y), {"decimal": 2}),
    ("assert_almost_equal", (np.array(1.0), np.array(1.0 + 1e-6)), {}),
    ("assert_almost_equal", (C, C), {}),
    ("assert_approx_equal", (np.array(1.0), np.array(1.0 + 1e-6)), {}),
    ("assert_approx_equal", (np.array(1.0), np.array(1.0 + 1e-6)), {"significant": 5}),
    ("assert_approx_equal", (np.array(3.0), 3.0), {}),
    ("assert_approx_equal", (np.array(3.0), np.array(3.001)), {}),
    ("assert_array_less", (X, X + 1), {}),
    ("assert_array_less", (X, Y), {}),
    ("assert_array_less", (X, 4.0), {}),
    ("assert_array_less", (X, F32 + 1), {"strict": True}),
    ("assert_array_less", (NAN, NAN), {}),
    ("assert_equal", (X, X), {}),
    ("assert_equal", (X, Y), {}),
    ("assert_equal", (I, I.astype(float)), {"strict": True}),
    ("assert_equal", ([X, 1, "a"], [X, 1, "a"]), {}),
    ("assert_equal", ([X, 1], [Y, 1]), {}),
    ("assert_equal", ((X, I), (X, I + 1)), {}),
    ("assert_equal", ({"a": X, "b": I}, {"a": X, "b": I}), {}),
    ("assert_equal", ({"a": X, "b": I}, {"a": X, "b": I + 1}), {}),
    ("assert_equal", ({"a": X}, {"b": X}), {}),
    ("assert_equal", (np.array(-0.0), 0.0), {}),
    ("assert_equal", (NAN, NAN), {}),
    ("assert_equal", ([1, 2], (1, 2)), {}),
    ("assert_equal", (X, [1, 2]), {}),
    ("assert_array_almost_equal_nulp", (X, X), {}),
    ("assert_array_almost_equal_nulp", (X, X + 1e-15), {"nulp": 10}),
    ("assert_array_almost_equal_nulp", (X, Y), {}),
    ("assert_array_almost_equal_nulp", (C, C * (1 + 1e-10)), {}),
    ("assert_array_max_ulp", (X, X), {}),
    ("assert_array_max_ulp", (X, np.nextafter(X, np.inf)), {}),
    ("assert_array_max_ulp", (X, Y), {"maxulp": 3}),
    ("assert_array_max_ulp", (F32, F32), {"dtype": np.float32}),
    ("assert_array_compare", (operator.__le__, X, Y), {}),
    ("assert_array_compare", (operator.__lt__, X, Y), {"header": "not less"}),
    ("assert_array_compare", (operator.__eq__, X, Y), {"names": ("mine", "theirs")}),
    ("build_err_msg", ([X, Y], "message"), {}),
    ("build_err_msg", ([X, Y], "message"), {"verbose": False, "header": "H", "precision": 3}),
    ("build_err_msg", ([C, I, F32], ""), {"names": ("a", "b", "c")}),
    ("print_assert_equal", ("test", [1, 2], [1, 3]), {}),
    ("print_assert_equal", ("test", {"a": 1}, {"a": 1}), {}),
]


@pytest.mark.parametrize("name, args, kwargs", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_like_numpy(name, args, kwargs):
    check_like_numpy(name, *args, **kwargs)


def test_the_cases_pass_and_fail():
    """The table holds passing and failing calls of every comparison."""
    verdicts = {}
    for name, args, kwargs in CASES:
        res = outcome(getattr(nt, name), args, kwargs)[0]
        verdicts.setdefault(name, set()).add(res == "ok")
    one_sided = [n for n, v in verdicts.items() if n.startswith("assert_") and len(v) == 1]
    assert not one_sided, one_sided


# ----- scalars: a torchnp scalar is NumPy's scalar, a 0-d array NumPy's 0-d array -----------------
def test_scalar_results_compare_as_numpy_scalars():
    """assert_equal compares NumPy scalars' signed zeros (and 0-d arrays as arrays): a torchnp
    reduction result is NumPy's scalar there, a torchnp 0-d array NumPy's 0-d array."""
    neg = np.array([-0.0])
    scalar_np, scalar = neg[0], torchnp.asarray(neg)[0]
    zero_d_np, zero_d = np.array(-0.0), torchnp.array(-0.0)
    assert outcome(nt.assert_equal, (scalar_np, 0.0), {})[0] is AssertionError
    for mine, theirs in ((scalar, scalar_np), (zero_d, zero_d_np)):
        assert outcome(tt.assert_equal, (mine, 0.0), {}) == \
            outcome(nt.assert_equal, (theirs, 0.0), {})
        assert outcome(tt.assert_equal, (mine, -0.0), {}) == \
            outcome(nt.assert_equal, (theirs, -0.0), {})


def test_scalars_in_messages():
    a = torchnp.sum(torchnp.asarray([1.5, 2.0]))
    assert outcome(tt.assert_equal, (a, 3.0), {}) == \
        outcome(nt.assert_equal, (np.sum(np.array([1.5, 2.0])), 3.0), {})
    assert outcome(tt.assert_allclose, (a, 3.0), {}) == outcome(nt.assert_allclose, (3.5, 3.0), {})


def test_python_and_numpy_scalars_pass_through():
    for a, b in ((1, 1), (1.5, 1.5000001), (np.float32(2), 2.0), (1 + 1j, 1 + 1j), ("a", "b")):
        for name in ("assert_equal", "assert_allclose", "assert_array_equal"):
            assert outcome(getattr(tt, name), (a, b), {}) == \
                outcome(getattr(nt, name), (a, b), {})


def test_torchnp_tolerances():
    check_like_numpy("assert_allclose", X, Y, rtol=np.array(1e-2), atol=np.array(0.0))


# ----- what the host copy has to get right --------------------------------------------------------
def test_arrays_requiring_grad_and_lazy_views():
    w = torchnp.asarray(X.copy(), requires_grad=True)
    tt.assert_allclose(w * 1.0, X)
    t = torch.from_numpy(C.copy())
    tt.assert_array_equal(t.conj(), C.conj())           # a lazy conjugate view
    tt.assert_array_equal(-t, -C)
    tt.assert_array_equal(torch.from_numpy(X.copy())[:, ::2], X[:, ::2])


def test_nested_arrays_of_every_kind():
    mixed = [torchnp.asarray(X[0]), torch.from_numpy(X[1].copy())]
    tt.assert_array_equal(mixed, X)
    tt.assert_equal({"k": (torchnp.asarray(I), [torch.ones(2)])}, {"k": (I, [np.ones(2)])})
    with pytest.raises(AssertionError, match="item=0"):
        tt.assert_equal([torchnp.asarray(I)], [I + 1])


def test_meta_arrays_have_no_values():
    with pytest.raises(ValueError, match="meta device"):
        tt.assert_allclose(torchnp.ones(3, device="meta"), np.ones(3))


def test_comparison_returning_torchnp_arrays():
    tt.assert_array_compare(torchnp.less_equal, torchnp.asarray(X), Y)
    expected = outcome(nt.assert_array_compare, (np.less, X, Y), {})
    assert outcome(tt.assert_array_compare, (torchnp.less, torchnp.asarray(X), Y), {}) == expected


def test_max_ulp_returns_an_array():
    res = tt.assert_array_max_ulp(torchnp.asarray(X), np.nextafter(X, np.inf))
    assert isinstance(res, torchnp.ndarray)
    np.testing.assert_array_equal(np.asarray(res), nt.assert_array_max_ulp(X, np.nextafter(X,
                                                                                       np.inf)))


def test_values_on_another_dtype_keep_it():
    """float32 stays float32 on the host: NumPy prints the dtype in the message."""
    check_like_numpy("assert_array_equal", F32, F32 + 1)
    check_like_numpy("assert_allclose", X.astype(np.float16), X)


# ----- NumPy's own objects ------------------------------------------------------------------------
REEXPORTED = ("assert_", "assert_raises", "assert_raises_regex", "assert_warns",
              "assert_no_warnings", "assert_string_equal", "assert_no_gc_cycles", "break_cycles",
              "clear_and_catch_warnings", "suppress_warnings", "decorate_methods", "jiffies",
              "memusage", "measure", "rundocs", "runstring", "tempdir", "temppath",
              "run_threaded", "IgnoreException", "SkipTest", "KnownFailureException", "TestCase",
              "IS_PYPY", "HAS_REFCOUNT", "IS_WASM", "IS_64BIT", "NOGIL_BUILD", "IS_PYSTON",
              "IS_MUSL")


@pytest.mark.parametrize("name", REEXPORTED)
def test_helpers_that_never_read_arrays_are_numpys(name):
    assert getattr(tt, name) is getattr(nt, name)


def test_every_numpy_testing_name_is_here_or_out_of_scope():
    from torchnp._allowlist import ALLOWLIST
    for name in nt.__all__:
        obj = getattr(nt, name)
        if callable(obj) and not isinstance(obj, type(np)):
            assert hasattr(tt, name) or f"testing.{name}" in ALLOWLIST, name


def test_raises_and_warns_with_torchnp_calls():
    tt.assert_raises(ValueError, torchnp.fft.fft, torchnp.ones(3), 0)
    with tt.assert_raises_regex(ValueError, "Invalid number of FFT data points"):
        torchnp.fft.fft(torchnp.ones(3), n=0)
    # NumPy 2.4 deprecates its warning helpers (a DeprecationWarning of their own), as here
    with pytest.warns(DeprecationWarning, match="NumPy warning suppression"):
        with tt.assert_warns(DeprecationWarning):
            torchnp.fft.fftn(torchnp.ones((2, 2)), s=(2, 2))
    with pytest.warns(DeprecationWarning, match="NumPy warning suppression"):
        with tt.suppress_warnings() as sup:
            sup.filter(DeprecationWarning)
            torchnp.fft.fftn(torchnp.ones((2, 2)), s=(2, 2))
    tt.assert_no_warnings(torchnp.fft.fft, torchnp.ones(3))
    tt.assert_(torchnp.all(torchnp.ones(2) > 0))
    with pytest.raises(AssertionError, match="msg"):
        tt.assert_(torchnp.any(torchnp.zeros(2) > 0), "msg")


# ----- bad input (the bad-input sweep leaves assertions to this file) -----------------------------
BAD = [
    ("assert_allclose", (X, np.ones((3, 2))), {}),
    ("assert_allclose", (X, X), {"rtol": "x"}),
    ("assert_allclose", (X, X), {"rtol": None}),
    ("assert_allclose", ([[1, 2], [3]], X), {}),
    ("assert_array_equal", (X, np.ones(4)), {}),
    ("assert_array_equal", (X, None), {}),
    ("assert_array_less", (X, "b"), {}),
    ("assert_almost_equal", (X, X), {"decimal": "7"}),
    ("assert_approx_equal", (X, X), {}),
    ("assert_approx_equal", (np.array(1.0), "a"), {}),
    ("assert_array_almost_equal_nulp", (X, np.ones(4)), {}),
    ("assert_array_almost_equal_nulp", (X, X), {"nulp": "1"}),
    ("assert_array_max_ulp", (X, np.ones(4)), {}),
    ("assert_array_max_ulp", (I, I), {}),
    ("assert_array_compare", (None, X, X), {}),
    ("assert_array_compare", (operator.__eq__, X, np.ones(4)), {}),
    ("build_err_msg", (X, "m"), {}),
    ("print_assert_equal", ("t", X, X), {}),
]


@pytest.mark.parametrize("name, args, kwargs", BAD, ids=[f"{c[0]}-{i}" for i, c in enumerate(BAD)])
def test_bad_input_like_numpy(name, args, kwargs):
    check_like_numpy(name, *args, **kwargs)
