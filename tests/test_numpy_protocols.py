"""NumPy's protocols on torchnp arrays: ``__array__`` (zero-copy, NumPy 2's ``copy=``),
``__array_ufunc__`` and ``__array_function__`` (NumPy's own functions dispatch to torchnp's and
return torchnp arrays on the arrays' device; a function torchnp lacks runs in NumPy on the CPU).

The sweep over every NumPy function in the operator database is ``test_ops.py``'s
``test_numpy_function_dispatches_to_torchnp``; ``test_every_dispatched_name_is_swept`` below checks
that it and the table here cover each NumPy function torchnp implements.
"""
import importlib
import io

import numpy as np
import numpy.lib.recfunctions as rfn
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy
from opinfo import op_db
from opinfo.core import resolve
from torchnp import _interop

_DISPATCHED = (type(np.sum), np.ufunc)


# ----- __array__ ---------------------------------------------------------------------------------
def test_array_is_zero_copy_both_ways_on_the_cpu():
    a = torchnp.arange(4.0)
    host = np.asarray(a)
    host[0] = 7.0
    a[1] = 9.0
    assert_matches_numpy(a, np.array([7.0, 9.0, 2.0, 3.0]))
    assert host[1] == 9.0
    x = np.arange(3.0)
    b = torchnp.asarray(x)
    b[0] = 5.0
    x[2] = 6.0
    assert x[0] == 5.0
    assert_matches_numpy(b, np.array([5.0, 1.0, 6.0]))


def test_torch_tensors_are_shared_both_ways():
    t = torch.arange(3.0, dtype=torch.float64)
    a = torchnp.asarray(t)
    a[0] = 5.0
    t[2] = 7.0
    assert a.tensor is t and t[0].item() == 5.0
    assert_matches_numpy(a, np.array([5.0, 1.0, 7.0]))


def test_array_copy_and_dtype_follow_numpy_2():
    a = torchnp.arange(3.0)
    ref = np.arange(3.0)
    for kwargs in ({"copy": True}, {"dtype": np.float32}, {"dtype": np.float32, "copy": True},
                   {"dtype": np.float64, "copy": False}):
        got, want = np.array(a, **kwargs), np.array(ref, **kwargs)
        assert type(got) is np.ndarray and got.dtype == want.dtype
        np.testing.assert_array_equal(got, want)
    copied = np.array(a, copy=True)
    copied[0] = 1.0
    assert a[0] == 0.0
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        np.array(a, dtype=np.float32, copy=False)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        np.array(ref, dtype=np.float32, copy=False)        # NumPy's own rule, the same
    assert np.shares_memory(np.array(a, copy=False), np.asarray(a))


def test_array_of_an_array_that_requires_grad_is_its_values():
    w = torchnp.ones(3, requires_grad=True)
    np.testing.assert_array_equal(np.asarray(w), np.ones(3))


def test_array_on_the_meta_device_is_a_type_error():
    with pytest.raises(TypeError, match="meta"):
        np.asarray(torchnp.ones(2, device="meta"))


# ----- dispatch: NumPy's functions and ufuncs run as torchnp's -----------------------------------
def _both(make):
    """``make(xp_array)`` with torchnp arrays and with NumPy arrays."""
    return make(torchnp.asarray), make(np.asarray)


@pytest.mark.parametrize("name, call", [
    ("sum", lambda xp: np.sum(xp([[1.0, 2.0], [3.0, 4.0]]), axis=0)),
    ("concatenate", lambda xp: np.concatenate([xp([1, 2]), xp([3])])),
    ("add", lambda xp: np.add(xp([1, 2]), 1)),
    ("add.reduce", lambda xp: np.add.reduce(xp([[1, 2], [3, 4]]), axis=1)),
    ("linalg.solve", lambda xp: np.linalg.solve(xp([[2.0, 1.0], [1.0, 3.0]]), xp([1.0, 2.0]))),
    ("fft.fft", lambda xp: np.fft.fft(xp([1.0, 0.0, -1.0, 0.5]))),
    ("linalg.eigh", lambda xp: np.linalg.eigh(xp([[2.0, 1.0], [1.0, 3.0]]))),
    ("emath.sqrt", lambda xp: np.emath.sqrt(xp([-4.0, 4.0]))),
    ("stride_tricks", lambda xp: np.lib.stride_tricks.sliding_window_view(xp([1, 2, 3]), 2)),
    ("divmod", lambda xp: np.divmod(xp([7, -7]), 3)),
    ("mixed", lambda xp: np.concatenate([xp([1.0]), np.array([2.0, 3.0])])),
    ("mixed ufunc", lambda xp: np.multiply(np.array([1.0, 2.0]), xp([3.0, 4.0]))),
    ("like", lambda xp: np.asarray([1, 2], like=xp([0]))),
])
def test_numpy_functions_run_as_torchnps(name, call):
    got, want = _both(call)
    assert_matches_numpy(got, want)
    parts = got if isinstance(got, tuple) else (got,)
    assert all(type(p) is torchnp.ndarray for p in parts), name


def test_results_stay_on_the_arrays_device():
    m = torchnp.ones((2, 3), device="meta")
    for res in (np.sum(m, axis=0), np.concatenate([m, m]), np.add(m, 1), np.add.reduce(m),
                np.transpose(m), np.where(m > 0, m, 0)):
        assert type(res) is torchnp.ndarray and res.tensor.device.type == "meta"


def test_out_given_as_torchnp_arrays():
    a, ref = torchnp.asarray([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 4.0]])
    out = torchnp.zeros(2)
    assert np.sum(a, axis=0, out=out) is out
    assert_matches_numpy(out, np.sum(ref, axis=0))
    out2 = torchnp.zeros((2, 2))
    assert np.add(a, 1, out=out2) is out2
    assert_matches_numpy(out2, ref + 1)
    q, r = torchnp.zeros((2, 2)), torchnp.zeros((2, 2))
    assert np.divmod(a, 3, out=(q, r)) == (q, r)
    assert_matches_numpy(r, np.divmod(ref, 3)[1])
    outr = torchnp.zeros(2)
    assert np.add.reduce(a, axis=1, out=outr) is outr
    assert_matches_numpy(outr, np.add.reduce(ref, axis=1))


def test_out_given_as_numpy_arrays_is_written_through():
    a, ref = torchnp.asarray([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 4.0]])
    out = np.zeros((2, 2))
    assert np.multiply(a, 2, out=out) is out
    np.testing.assert_array_equal(out, ref * 2)
    out1 = np.zeros(2)
    assert np.sum(a, axis=1, out=out1) is out1
    np.testing.assert_array_equal(out1, ref.sum(axis=1))
    # memory torch cannot view (negative strides, another byte order): written all the same
    flipped = np.zeros((2, 2))[::-1]
    assert np.add(a, 1, out=flipped) is flipped
    np.testing.assert_array_equal(flipped, ref + 1)
    swapped = np.zeros(2, dtype=">f8")
    assert np.sum(a, axis=0, out=swapped) is swapped
    np.testing.assert_array_equal(swapped, ref.sum(axis=0))
    read_only = np.zeros((2, 2))
    read_only.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        np.add(ref, 1, out=read_only)                  # NumPy's own error, and torchnp's:
    with pytest.raises(ValueError, match="read-only"):
        np.add(a, 1, out=read_only)


# ----- a function torchnp lacks: NumPy computes it on the CPU; TypeError on other devices --------
def test_a_function_torchnp_lacks_runs_in_numpy_on_the_cpu():
    # numeric input, a structured result: structured dtypes are out of torchnp's scope
    x = [[1.0, 2.0], [3.0, 4.0]]
    got = rfn.unstructured_to_structured(torchnp.asarray(x))
    assert type(got) is np.ndarray          # NumPy's result, as documented
    np.testing.assert_array_equal(got, rfn.unstructured_to_structured(np.array(x)))


def test_a_function_torchnp_lacks_raises_type_error_off_the_cpu():
    m = torchnp.ones((2, 2), device="meta")
    with pytest.raises(TypeError, match=r"numpy\.lib\.recfunctions\.unstructured_to_structured"
                                        r".*meta"):
        rfn.unstructured_to_structured(m)


def test_other_array_types_get_their_turn():
    class Other:
        def __array_function__(self, func, types, args, kwargs):
            return "other"

        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            return "other"

    assert np.concatenate([torchnp.ones(1), Other()]) == "other"
    assert np.add(torchnp.ones(1), Other()) == "other"


# ----- the names the operator-database sweep leaves out -------------------------------------------
def _a():
    return [[1.0, 5.0, 2.0], [4.0, 3.0, 6.0]]


# name -> (args built by xp (torchnp.asarray or np.asarray), kwargs); the call mutates or returns
_PROBES = {
    "argpartition": (lambda xp: (xp([3, 1, 2]), 1), {}),
    "partition": (lambda xp: (xp([3, 1, 2]), 1), {}),
    "array2string": (lambda xp: (xp([1.5, 2.0]),), {}),
    "array_repr": (lambda xp: (xp([1.5, 2.0]),), {}),
    "array_str": (lambda xp: (xp([1.5, 2.0]),), {}),
    "can_cast": (lambda xp: (xp([1], dtype=np.int32), np.int64), {}),
    "common_type": (lambda xp: (xp([1], dtype=np.int32), xp([1.0], dtype=np.float32)), {}),
    "copyto": (lambda xp: (xp(_a()), xp([7.0, 8.0, 9.0])), {}),
    "empty_like": (lambda xp: (xp(_a()),), {}),
    "fft.hfft": (lambda xp: (xp([1.0, 2.0 + 1j, 3.0]),), {}),
    "fft.ifft2": (lambda xp: (xp(_a()),), {}),
    "fft.irfft2": (lambda xp: (xp(_a()),), {}),
    "fill_diagonal": (lambda xp: (xp(_a()), 0.0), {}),
    "iscomplexobj": (lambda xp: (xp([1.0]),), {}),
    "isrealobj": (lambda xp: (xp([1.0]),), {}),
    "isnat": (lambda xp: (xp([1.0]),), {}),
    "may_share_memory": (lambda xp: (xp([1.0]), xp([1.0])), {}),
    "shares_memory": (lambda xp: (xp([1.0]), xp([1.0])), {}),
    "min_scalar_type": (lambda xp: (xp([1.0]),), {}),
    "result_type": (lambda xp: (xp([1], dtype=np.int8), 1.5), {}),
    "nanpercentile": (lambda xp: (xp([1.0, np.nan, 3.0]), 50), {}),
    "nanquantile": (lambda xp: (xp([1.0, np.nan, 3.0]), 0.5), {}),
    "place": (lambda xp: (xp(_a()), xp(_a()) > 3, [0.0]), {}),
    "put": (lambda xp: (xp(_a()), [0, 4], [9.0, 8.0]), {}),
    "put_along_axis": (lambda xp: (xp(_a()), xp([[0], [2]]), 0.0), {"axis": 1}),
    "putmask": (lambda xp: (xp(_a()), xp(_a()) > 3, 0.0), {}),
    "roots": (lambda xp: (xp([1.0, -3.0, 2.0]),), {}),
    "unique_values": (lambda xp: (xp([3, 1, 3, 2]),), {}),
}
_FILE_WRITERS = ("save", "savetxt", "savez", "savez_compressed")   # tested by what they write


def _outcome(fn, args, kwargs):
    try:
        return fn(*args, **kwargs), None
    except Exception as e:      # noqa: BLE001  (NumPy's exception is the expected one)
        return None, e


@pytest.mark.parametrize("name", sorted(_PROBES))
def test_numpy_functions_outside_the_database_dispatch(name):
    make, kwargs = _PROBES[name]
    fn = resolve(np, name)
    assert _interop._ours(fn) is resolve(torchnp, name)
    t_args, n_args = make(torchnp.asarray), make(np.asarray)
    got, got_exc = _outcome(fn, t_args, kwargs)
    want, want_exc = _outcome(fn, n_args, kwargs)
    if want_exc is not None:
        assert isinstance(got_exc, type(want_exc)), f"NumPy raised {want_exc!r}, got {got_exc!r}"
        return
    assert got_exc is None, got_exc
    if name == "unique_values":                     # the order is unspecified (NumPy hashes)
        got, want = torchnp.sort(got), np.sort(want)
    if name == "empty_like":
        assert type(got) is torchnp.ndarray and got.shape == want.shape and got.dtype == want.dtype
    elif isinstance(want, np.ndarray):
        if name.startswith("fft.") or name == "roots":
            assert_matches_numpy(got, want, rtol=1e-12, atol=1e-14)
        else:
            assert_matches_numpy(got, want)
    else:
        assert not isinstance(got, np.ndarray) and got == want
    # functions that write into their first argument: the same writes
    assert_matches_numpy(t_args[0], n_args[0])


@pytest.mark.parametrize("name", _FILE_WRITERS)
def test_numpy_file_writers_dispatch(name):
    assert _interop._ours(resolve(np, name)) is resolve(torchnp, name)
    got, want = io.BytesIO(), io.BytesIO()
    getattr(np, name)(got, torchnp.asarray(_a()))
    getattr(np, name)(want, np.asarray(_a()))
    assert got.getvalue() == want.getvalue() or name == "savez_compressed"
    assert len(got.getvalue()) > 0


def test_every_dispatched_name_is_swept():
    """Each NumPy function that dispatches on its arguments and that torchnp implements is in the
    operator database (swept by test_ops.py) or in the tables above."""
    swept = {id(op.ref) for op in op_db if op.ref is resolve(np, op.name)}
    left = []
    for np_module, tnp_module in _interop._MIRRORS.items():
        module = importlib.import_module(np_module)
        prefix = np_module.removeprefix("numpy").lstrip(".")
        for name in dir(module):
            fn = getattr(module, name)
            if (isinstance(fn, _DISPATCHED) and id(fn) not in swept
                    and getattr(importlib.import_module(tnp_module), name, None) is not None):
                left.append(f"{prefix}.{name}".lstrip("."))
    not_probed = [n for n in left if n not in _PROBES and n not in _FILE_WRITERS]
    assert not not_probed, f"NumPy functions no test calls on torchnp arrays: {not_probed}"


def test_torchnp_functions_never_see_array_function():
    """torchnp's own calls do not go through the protocol (it is NumPy's entry only)."""
    calls = []
    original = torchnp.ndarray.__array_function__
    try:
        torchnp.ndarray.__array_function__ = lambda *a: calls.append(a) or original(*a)
        torchnp.sum(torchnp.concatenate([torchnp.ones(2), torchnp.ones(2)]))
        assert calls == []
        np.sum(torchnp.ones(2))
        assert len(calls) == 1
    finally:
        torchnp.ndarray.__array_function__ = original


class _RefusesUfuncs:
    """NEP 13: an operand that opts out of ufuncs and answers the reflected operators itself."""
    __array_ufunc__ = None

    def __radd__(self, other):
        return "radd"

    def __rmatmul__(self, other):
        return "rmatmul"

    def __gt__(self, other):
        return "gt"


@pytest.mark.parametrize("expr", ["x + o", "x @ o", "x < o", "x == o", "x - o", "np.add(x, o)",
                                  "np.add(x, 1, out=o)", "y += o", "x * [o]"])
def test_operand_with_array_ufunc_none_gets_its_reflected_operator(expr):
    """NumPy's binary operators return NotImplemented for such an operand; ufunc calls and
    in-place operators raise TypeError (the same class and message in both libraries)."""
    def run(lib, x):
        scope = {"np": lib, "x": x, "y": x.copy(), "o": _RefusesUfuncs()}
        try:
            exec(expr, scope)
            return ("ok", repr(scope.get("y")) if expr.startswith("y") else None)
        except Exception as err:                # noqa: BLE001 (compared with NumPy's)
            return (type(err), str(err) if "ufunc" in str(err) else None)
    want = run(np, np.arange(3.0))
    got = run(torchnp, torchnp.arange(3.0))
    assert got == want
    if expr in ("x + o", "x @ o", "x < o"):
        scope = {"x": torchnp.arange(3.0), "o": _RefusesUfuncs()}
        assert eval(expr, scope) == {"x + o": "radd", "x @ o": "rmatmul", "x < o": "gt"}[expr]
