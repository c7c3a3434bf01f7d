"""The ndarray's methods and operators (``torchnp/_array_methods.py``): imports run one way, each
method is its chapter's function, and the in-place operators' fast path keeps NumPy's results and
errors (casting, read-only views, broadcasting, overlapping operands, scalars that rebind)."""
import inspect
import pathlib
import subprocess
import sys

import numpy
import pytest

import torchnp
from torchnp import _array_methods, _creation, _indexing, _interop, _io, _logic, _manipulation
from torchnp import _math
from torchnp import _products, _sorting, _statistics

from helpers import public_exception_class, raises_like_numpy

ROOT = pathlib.Path(torchnp.__file__).resolve().parent.parent

# The core with a bare package above it (``torchnp/__init__`` not run): it must load alone and
# leave no chapter module behind. ``_kernels`` is the torch-only leaf the core may use.
_CORE_ALONE = """
import importlib, pathlib, sys, types
pkg = types.ModuleType("torchnp")
pkg.__path__ = [str(pathlib.Path({root!r}) / "torchnp")]
sys.modules["torchnp"] = pkg
for name in ("dtypes", "config", "promotion", "ndarray", "convert", "ufunc_call", "reduction",
             "ufunc_methods", "ufunc", "indexing"):
    importlib.import_module("torchnp._core." + name)
loaded = sorted(m for m in sys.modules if m.startswith("torchnp."))
print("\\n".join(loaded))
"""


def test_core_loads_without_the_chapters():
    out = subprocess.run([sys.executable, "-c", _CORE_ALONE.format(root=str(ROOT))],
                         capture_output=True, text=True, check=True).stdout.split()
    above = [m for m in out if not m.startswith("torchnp._core") and m != "torchnp._kernels"]
    assert above == [], f"the core imported modules above it: {above}"


def test_kernels_leaf_imports_only_dtypes():
    code = (ROOT / "torchnp" / "_kernels.py").read_text()
    imports = [ln for ln in code.splitlines() if ln.startswith(("from torchnp", "import torchnp"))]
    assert imports == ["from torchnp._core import dtypes as _dtypes"], imports


# name -> the chapter's object the method must be (identity: no second implementation to drift)
METHODS = {
    "argsort": _sorting.argsort, "cumprod": _math.cumprod, "cumsum": _math.cumsum,
    "diagonal": _indexing.diagonal, "dot": _products.dot, "nonzero": _indexing.nonzero,
    "ravel": _manipulation.ravel, "repeat": _manipulation.repeat, "round": _math.round,
    "searchsorted": _sorting.searchsorted, "squeeze": _manipulation.squeeze,
    "swapaxes": _manipulation.swapaxes, "take": _indexing.take, "trace": _products.trace,
    "all": _logic.ndarray_all, "any": _logic.ndarray_any, "astype": _manipulation.ndarray_astype,
    "copy": _creation.ndarray_copy,
    "fill": _manipulation.ndarray_fill, "flatten": _manipulation.ndarray_flatten,
    "item": _manipulation.ndarray_item, "max": _math.ndarray_max,
    "mean": _statistics.ndarray_mean, "min": _math.ndarray_min, "prod": _math.ndarray_prod,
    "reshape": _manipulation.ndarray_reshape, "sort": _sorting.ndarray_sort,
    "setflags": _creation.ndarray_setflags,
    "std": _statistics.ndarray_std, "sum": _math.ndarray_sum,
    "tolist": _manipulation.ndarray_tolist, "transpose": _manipulation.ndarray_transpose,
    "var": _statistics.ndarray_var, "view": _manipulation.ndarray_view,
    "tofile": _io.ndarray_tofile, "tobytes": _io.ndarray_tobytes, "dump": _io.ndarray_dump,
    "dumps": _io.ndarray_dumps,
    "__dlpack__": _interop.ndarray_dlpack, "__dlpack_device__": _interop.ndarray_dlpack_device,
    "to_device": _interop.ndarray_to_device,
    "argmax": _array_methods.argmax, "argmin": _array_methods.argmin,
    "clip": _array_methods.clip, "conj": _array_methods.conj,
    "conjugate": _array_methods.conjugate, "put": _array_methods.put,
}


@pytest.mark.parametrize("name", sorted(METHODS))
def test_method_is_its_chapters_function(name):
    assert torchnp.ndarray.__dict__[name] is METHODS[name]


def test_every_numpy_method_torchnp_has_is_pinned():
    ours = {n for n in dir(numpy.ndarray) if not n.startswith("_")
            and callable(getattr(numpy.ndarray, n)) and callable(getattr(torchnp.ndarray, n, None))
            and not isinstance(torchnp.ndarray.__dict__.get(n), property)}
    assert ours - set(METHODS) <= {"backward", "detach", "requires_grad_"}


@pytest.mark.parametrize("name", sorted(METHODS))
def test_method_defaults_are_constants(name):
    # torch.compile builds a method's defaults without a source: only constants work
    for p in inspect.signature(METHODS[name]).parameters.values():
        if p.default is not inspect.Parameter.empty:
            assert p.default is None or type(p.default) in (str, int, bool), (name, p)


def test_public_reductions_are_their_methods():
    # np.sum and a.sum run one body: the function passes NumPy's NoValue defaults to the method
    for fn, method in [(_math.sum, _math.ndarray_sum), (_math.prod, _math.ndarray_prod),
                       (_math.max, _math.ndarray_max), (_math.min, _math.ndarray_min),
                       (_statistics.mean, _statistics.ndarray_mean)]:
        assert method.__name__ in fn.__code__.co_names, fn


_AXES = [None, 0, -1, (0, 1), (1,), ()]


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "all", "any"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int32", "uint8", "bool"])
def test_reduction_method_matches_function_and_numpy(name, dtype):
    x = (numpy.arange(24).reshape(2, 3, 4) % 5).astype(dtype)
    a = torchnp.asarray(x)
    for axis in _AXES:
        if name == "mean" and isinstance(axis, tuple) and not axis:
            continue        # NumPy: mean over no axis warns about dtype; not this test's subject
        for keepdims in (False, True):
            kw = {"axis": axis, "keepdims": keepdims}
            expected = getattr(x, name)(**kw)
            got_method = getattr(a, name)(**kw)
            got_function = getattr(torchnp, name)(a, **kw)
            for got in (got_method, got_function):
                assert got.dtype == expected.dtype, (kw, got.dtype, expected.dtype)
                assert got.shape == numpy.shape(expected), kw
                numpy.testing.assert_allclose(numpy.asarray(got), expected, rtol=1e-6)


@pytest.mark.parametrize("name", ["sum", "prod"])
@pytest.mark.parametrize("axis", [(0, 0), (5,), 5, (0.0,), (-3,)])
def test_sum_prod_fast_path_keeps_numpy_errors(name, axis):
    x = numpy.ones((2, 3))
    raises_like_numpy(lambda: getattr(x, name)(axis=axis),
                      lambda: getattr(torchnp.asarray(x), name)(axis=axis))


# ----- in-place operators -------------------------------------------------------------------------
INPLACE = [
    "a = np.arange(9.).reshape(3, 3); a -= a + 1",
    "a = np.arange(9.).reshape(3, 3); a -= 2.0",
    "a = np.arange(9.).reshape(3, 3); a *= a",
    "a = np.arange(9.).reshape(3, 3); a /= 4",
    "a = np.arange(9).reshape(3, 3); a += 2",
    "a = np.arange(9).reshape(3, 3); a &= 6",
    "a = np.arange(10.); a[1:] += a[:-1]",
    "a = np.arange(10.); a[:-1] += a[1:]",
    "a = np.arange(10.); a[2::2] += a[:-2:2]",
    "a = np.arange(10.); a[:5] += a[::-1][:5]",
    "a = np.arange(9.).reshape(3, 3); a += a.T",
    "a = np.arange(9.).reshape(3, 3); a += a[0]",
    "a = np.arange(9.).reshape(3, 3); a[1:] -= a[0]",
    "a = np.arange(6); a -= 2.5",
    "a = np.arange(6); a /= 2",
    "a = np.arange(6); a += np.arange(6.)",
    "a = np.arange(6.); a += 1j",
    "a = np.arange(6, dtype=np.int8); a += 300",
    "a = np.arange(6, dtype=np.int8); a += np.arange(6)",
    "a = np.arange(6, dtype=np.float32); a += np.arange(6.)",
    "a = np.arange(6.); a += np.arange(6, dtype=np.float32)",
    "a = np.arange(6, dtype=np.uint8); a += np.arange(6, dtype=np.int8)",
    "a = np.arange(6, dtype=np.uint16); a += np.arange(6, dtype=np.uint16)",
    "a = np.arange(3.); a += np.ones((3, 3))",
    "a = np.broadcast_to(np.arange(3.), (3, 3)); a += 1",
    "a = np.broadcast_to(np.arange(3.), (3, 3)); a += np.ones((3, 3))",
    "a = np.array([True, False]); a |= np.array([False, True])",
    "a = np.array([True, False]); a -= np.array([False, True])",
    "a = np.arange(6, dtype=np.float16); a += 0.1",
    "a = np.arange(6.); a += [1, 2, 3, 4, 5, 6]",
    "a = np.arange(4.).sum(); b = a; a += 1; a = [a, b]",       # a scalar rebinds
    "a = np.array(3.0); b = a; a += 1; a = [a, b]",             # a 0-d array mutates
    "a = np.arange(6.) + 0; b = a; a *= 2; a = [a, b]",         # a computed array mutates
]


def _run(lib, code):
    ns = {"np": lib}
    try:
        exec(code, ns)
    except Exception as err:     # noqa: BLE001 - the class and message are compared
        return type(err), str(err)
    value = numpy.asarray(ns["a"]) if not isinstance(ns["a"], list) else ns["a"]
    return [numpy.asarray(v) for v in value] if isinstance(value, list) else value


@pytest.mark.parametrize("code", INPLACE)
def test_inplace_operator_matches_numpy(code):
    expected, got = _run(numpy, code), _run(torchnp, code)
    if isinstance(expected, tuple):
        assert isinstance(got, tuple), f"NumPy raised {expected}, torchnp returned {got}"
        assert issubclass(got[0], public_exception_class(expected[0])), (expected, got)
        if "Cannot cast ufunc" in expected[1]:
            assert got[1] == expected[1]
        return
    assert not isinstance(got, tuple), f"torchnp raised {got}"
    for e, g in zip(expected if isinstance(expected, list) else [expected],
                    got if isinstance(got, list) else [got]):
        assert g.dtype == e.dtype and g.shape == e.shape
        numpy.testing.assert_array_equal(g, e)


def test_inplace_fast_path_returns_the_same_object():
    a = torchnp.arange(9.0).reshape(3, 3)
    b = a + 1
    a0 = a
    a -= b
    a -= 2.0
    assert a is a0
    s = a.sum()
    s0 = s
    s -= 1.0
    assert s is not s0 and float(s0) == float(a.sum())
