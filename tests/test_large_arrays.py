"""Large arrays at NumPy's speed: transparent huge pages and temporary elision
(docs/design-notes.md, "Large arrays"). Elision must be invisible: every array a user still holds,
however, keeps its values; each case is checked against NumPy running the same code."""
import functools
import operator
import os
import subprocess
import sys
import warnings

import numpy
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import torchnp as np
from torchnp._core import elision
from torchnp._core import memory
from torchnp._core import ufunc as _ufunc
from helpers import assert_matches_numpy

N = 2**16                      # 512 KiB of float64: above NumPy's 256 KiB elision threshold
_THP_ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled"


def _thp_mode():
    try:
        with open(_THP_ENABLED) as f:
            text = f.read()
    except OSError:
        return None
    return text[text.index("[") + 1:text.index("]")]


_PROBE = """
import torchnp, os
a = torchnp.ones(2**23)         # 64 MiB, first touched by ones
addr = a.tensor.data_ptr()
huge, inside = 0, False
for line in open("/proc/self/smaps"):
    head = line.split()
    if "-" in head[0] and ":" not in head[0]:
        lo, hi = (int(x, 16) for x in head[0].split("-"))
        inside = lo <= addr < hi
    elif inside and head[0] == "AnonHugePages:":
        huge = int(head[1])
print(os.environ.get("THP_MEM_ALLOC_ENABLE"), huge)
"""


def _probe(**env):
    environ = {k: v for k, v in os.environ.items()
               if k not in ("THP_MEM_ALLOC_ENABLE", "TORCHNP_THP")}
    environ.update(env)
    out = subprocess.run([sys.executable, "-c", _PROBE], env=environ, capture_output=True,
                         text=True, check=True, cwd=os.path.dirname(os.path.dirname(__file__)))
    setting, huge = out.stdout.split()
    return setting, int(huge)


@pytest.mark.skipif(_thp_mode() in (None, "never"),
                    reason="the kernel has transparent huge pages disabled (or no such file)")
def test_import_turns_on_huge_pages_for_torch_allocations():
    setting, huge = _probe()
    assert setting == "1"
    assert huge > 0, "the array's mapping has no huge pages"


def test_huge_pages_opt_out_and_user_setting():
    setting, huge = _probe(TORCHNP_THP="0")
    assert setting == "None"
    if _thp_mode() == "madvise":        # with 'always' the kernel gives huge pages anyway
        assert huge == 0
    assert _probe(THP_MEM_ALLOC_ENABLE="0")[0] == "0"       # the user's value wins


_HEAP_PROBE = """
import os
import torchnp
from torchnp._core import memory
a = torchnp.ones(2**23)         # 64 MiB: glibc would mmap it by default
addr = a.tensor.data_ptr()
where = "none"
for line in open("/proc/self/maps"):
    fields = line.split()
    lo, hi = (int(x, 16) for x in fields[0].split("-"))
    if lo <= addr < hi:
        where = fields[5] if len(fields) > 5 else "anonymous"
def resident():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
before = resident()
del a
print(memory.KEEPS_FREED_BLOCKS, where, resident() > before - 2**25)
"""


def _heap_probe(**env):
    environ = {k: v for k, v in os.environ.items() if k != "TORCHNP_MALLOC"}
    environ.update(env)
    out = subprocess.run([sys.executable, "-c", _HEAP_PROBE], env=environ, capture_output=True,
                         text=True, check=True, cwd=os.path.dirname(os.path.dirname(__file__)))
    keeps, where, kept = out.stdout.split()
    return keeps == "True", where, kept == "True"


@pytest.mark.skipif(not memory._is_glibc(), reason="the setting is glibc's mallopt")
def test_large_blocks_come_from_the_heap_and_opt_out():
    """With the setting a 64 MiB array lies in the [heap] mapping and its pages stay with the
    process when it is freed, for the next large array; with TORCHNP_MALLOC=0 it gets a mapping
    of its own, which freeing unmaps, as glibc does by default. (In a fresh process: in a long
    one, freeing more than M_TRIM_THRESHOLD at the heap's top does trim it. Where the next array
    lands is glibc's choice: the same address in a quiet process, not always in CI.)"""
    assert _heap_probe() == (True, "[heap]", True)
    keeps, where, kept = _heap_probe(TORCHNP_MALLOC="0")
    assert not keeps and where != "[heap]" and not kept


# ----- sort and argmax of large 1-d arrays (radix keys, block extremes) --------------------------

def _large_samples(dtype, n, seed):
    """1-d samples with ties, both zeros, NaNs of both signs, infinities (floats), extremes."""
    rng = numpy.random.default_rng(seed)
    if numpy.dtype(dtype).kind == "b":
        return rng.random(n) < 0.001
    if numpy.dtype(dtype).kind in "iu":
        info = numpy.iinfo(dtype)
        x = rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True)
        x[rng.integers(0, n, 20)] = info.max
        x[rng.integers(0, n, 20)] = info.min
        return x
    x = (rng.standard_normal(n) * 100).astype(dtype)
    x[rng.integers(0, n, 200)] = 0.0
    x[rng.integers(0, n, 200)] = -0.0
    x[rng.integers(0, n, 50)] = x[7]                            # ties
    x[rng.integers(0, n, 5)] = numpy.inf
    x[rng.integers(0, n, 5)] = -numpy.inf
    if seed % 2:
        x[rng.integers(0, n, 5)] = numpy.nan
        x[rng.integers(0, n, 5)] = -numpy.nan
    return x


_LARGE_N = (2**13, 2**16, 2**16 + 4097, 300_001)


@pytest.mark.parametrize("n", _LARGE_N)
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16"])
@pytest.mark.parametrize("seed", [0, 1])
def test_large_sorts_match_numpys_stable_sort_bit_for_bit(dtype, n, seed):
    x = _large_samples(dtype, n, seed)
    want = numpy.sort(x, kind="stable")
    got = numpy.asarray(np.sort(np.asarray(x)))
    assert got.dtype == want.dtype
    assert (got.view(f"u{x.itemsize}") == want.view(f"u{x.itemsize}")).all()    # -0.0, NaNs
    assert (numpy.asarray(np.argsort(np.asarray(x))) == numpy.argsort(x, kind="stable")).all()
    inplace = np.asarray(x.copy())
    inplace.sort()
    assert (numpy.asarray(inplace).view(f"u{x.itemsize}") == want.view(f"u{x.itemsize}")).all()


def test_large_sort_gradient_flows_to_the_input():
    x = numpy.random.default_rng(0).standard_normal(2**14)
    a = np.asarray(x, requires_grad=True)
    (np.sort(a) * np.arange(float(x.size))).sum().backward()
    assert (numpy.asarray(a.grad) == numpy.argsort(numpy.argsort(x)).astype(float)).all()


@pytest.mark.parametrize("n", _LARGE_N)
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "int64", "int8", "uint8",
                                   "uint32", "bool"])
@pytest.mark.parametrize("seed", [0, 1])
def test_large_argmax_argmin_match_numpy(dtype, n, seed):
    x = _large_samples(dtype, n, seed)
    a = np.asarray(x)
    for got, want in ((a.argmax(), x.argmax()), (a.argmin(), x.argmin()),
                      (np.argmax(a[::-1]), x[::-1].argmax()),
                      (np.argmin(a.reshape(-1, 1), axis=None), x.argmin())):
        assert got.dtype == numpy.int64 and int(got) == want


@pytest.mark.parametrize("where", [0, 4095, 4096, 2**16 - 1, 2**16, 2**16 + 4096])
def test_large_argmax_finds_the_first_extreme_or_nan_at_block_edges(where):
    n = 2**16 + 4097
    for fill in (numpy.nan, 5.0):
        x = numpy.zeros(n)
        x[where] = fill
        x[n - 1] = fill                      # a later equal extreme, in the partial last block
        assert int(np.argmax(np.asarray(x))) == x.argmax() == where
        assert int(np.argmin(np.asarray(-x))) == (-x).argmin() == where


# ----- temporary elision --------------------------------------------------------------------------

@pytest.fixture
def elided(monkeypatch):
    """The number of operations that computed into a temporary, counted as they happen."""
    count = []
    real = elision._holds_result

    def spy(target, other):
        ok = real(target, other)
        count.append(ok)
        return ok
    monkeypatch.setattr(elision, "_holds_result", spy)
    return count


def _pair(dtype=numpy.float64):
    rng = numpy.random.default_rng(0)
    na, nb = rng.random(N).astype(dtype), rng.random(N).astype(dtype)
    return na, nb, np.asarray(na.copy()), np.asarray(nb.copy())


@pytest.mark.skipif(not elision.ENABLED, reason="elision is off on this Python version")
def test_elision_happens_and_matches_numpy(elided):
    na, nb, a, b = _pair()
    assert_matches_numpy(a * 2.0 - b, na * 2.0 - nb)
    assert_matches_numpy(b - a * 2.0, nb - na * 2.0)
    assert_matches_numpy(2.0 + a * 2.0, 2.0 + na * 2.0)
    assert_matches_numpy(np.sqrt(np.exp(-a * b) + a * 2.0 - b),
                         numpy.sqrt(numpy.exp(-na * nb) + na * 2.0 - nb), rtol=1e-12)
    assert sum(elided) == 6
    assert_matches_numpy(a, na)
    assert_matches_numpy(b, nb)


def test_no_elision_where_it_would_change_results(elided):
    na, nb, a, b = _pair()
    na32, _, a32, _ = _pair(numpy.float32)
    assert_matches_numpy(a32 * 2 - b, na32 * 2 - nb)          # float64 result of a float32 temp
    assert_matches_numpy(a[:1000] * 2.0 - b[:1000], na[:1000] * 2.0 - nb[:1000])     # small
    assert_matches_numpy((a * 2.0)[None] - b[:, None][:4], (na * 2.0)[None] - nb[:, None][:4])
    assert not any(elided)


def _held_cases(a, b, lib):
    """(name, function returning (result, what the user holds)) for code that keeps a reference
    to a temporary's data while it stands in an expression."""
    held = []

    def keep(x, how):
        held.append(how(x))
        return x
    cases = {
        "name": lambda: ((x := a * 2.0) - b, x),
        "list": lambda: ((lst := [a * 2.0])[0] - b, lst[0]),
        "view": lambda: (keep(a * 2.0, lambda x: x[::2]) - b, held[-1]),
        "function argument": lambda: _use_after(a * 2.0, b),
        "NumPy array sharing memory": lambda: (keep(a * 2.0, numpy.asarray) - b,
                                               lib.asarray(held[-1])),
        "reduce": lambda: (functools.reduce(operator.sub, (lst := [a * 2.0, b, b])), lst[0]),
        "sorted key": lambda: (sorted(lst := [a * 2.0], key=b.__rsub__), lst[0]),
    }
    if lib is np:
        cases["tensor"] = lambda: (keep(a * 2.0, lambda x: x.tensor) - b, np.asarray(held[-1]))
        cases["torch view"] = lambda: (keep(a * 2.0, lambda x: x.tensor[::2]) - b,
                                       np.asarray(held[-1]))
    return cases


_SAME_IN_NUMPY = {"tensor": "name", "torch view": "view"}


def _use_after(x, b):
    y = x - b
    return y, x


@pytest.mark.parametrize("case", ["name", "list", "view", "function argument",
                                  "NumPy array sharing memory", "reduce", "sorted key", "tensor",
                                  "torch view"])
def test_arrays_the_user_holds_are_never_overwritten(case, elided):
    na, nb, a, b = _pair()
    ours = _held_cases(a, b, np)[case]()
    numpy_cases = _held_cases(na, nb, numpy)
    theirs = numpy_cases[_SAME_IN_NUMPY.get(case, case)]()
    for x, e in zip(ours, theirs):
        if isinstance(x, list):
            for xi, ei in zip(x, e):
                assert_matches_numpy(xi, ei)
        else:
            assert_matches_numpy(x, e)
    assert not any(elided)


def test_memory_of_numpy_and_torch_inputs_is_never_written():
    na, nb, _, b = _pair()
    kept = na.copy()
    assert_matches_numpy(np.asarray(na) - b, kept - nb)
    t = torch.from_numpy(na)
    assert_matches_numpy(np.asarray(t) * 2.0 - b, kept * 2.0 - nb)
    assert_matches_numpy(np.asarray(na), kept)


def test_autograd_tensors_are_never_written(elided):
    na, nb, _, b = _pair()
    w = torch.from_numpy(na.copy()).requires_grad_()
    y = (np.asarray(w) * 2.0 - b) * b
    y.tensor.sum().backward()
    torch.testing.assert_close(w.grad, torch.from_numpy(2.0 * nb))
    assert not any(elided)


@pytest.mark.slow
def test_elision_stays_out_of_compiled_code():
    na, nb, _, _ = _pair()
    torch._dynamo.reset()
    f = torch.compile(lambda t1, t2: (np.asarray(t1) * 2.0 - np.asarray(t2)).tensor,
                      fullgraph=True)
    t1, t2 = torch.from_numpy(na.copy()), torch.from_numpy(nb.copy())
    torch.testing.assert_close(f(t1, t2), torch.from_numpy(na * 2.0 - nb))
    torch.testing.assert_close(t1, torch.from_numpy(na))
    torch._dynamo.reset()


# ----- random expressions with elision on every size ---------------------------------------------

_DTYPES = ["float64", "float32", "int64", "int32", "int8", "uint8", "bool", "complex128"]
_SHAPES = [(), (3,), (2, 3), (2, 1), (1, 3)]
_LEAVES = st.sampled_from(["a", "b", "c", "2", "2.5", "True", "-3"])


def _expressions():
    return st.recursive(_LEAVES, lambda inner: st.builds(
        "({} {} {})".format, inner, st.sampled_from(["+", "-", "*", "/", "&", "|", "^", "**"]),
        inner), max_leaves=8)


def _outcome(lib, expr, names):
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return eval(expr, {}, names), None      # noqa: S307 (our own generated expression)
        except Exception as e:                       # noqa: BLE001 (NumPy's class is compared)
            return None, type(e)


@pytest.mark.skipif(not elision.ENABLED, reason="elision is off on this Python version")
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(dtypes=st.lists(st.sampled_from(_DTYPES), min_size=3, max_size=3),
       shapes=st.lists(st.sampled_from(_SHAPES), min_size=3, max_size=3), expr=_expressions())
def test_expressions_with_elision_on_any_size_match_numpy(dtypes, shapes, expr):
    """Every temporary elidable (threshold 0): the result and every named array as NumPy's."""
    rng = numpy.random.default_rng(0)
    host = {n: numpy.asarray(rng.integers(-3, 4, s) + 0.5 * (d[0] in "fc")).astype(d)
            for n, d, s in zip("abc", dtypes, shapes)}
    ours = {n: np.asarray(v.copy()) for n, v in host.items()}
    old = _ufunc._ELIDE_BYTES
    _ufunc._ELIDE_BYTES = 0
    try:
        got, got_error = _outcome(np, expr, ours)
    finally:
        _ufunc._ELIDE_BYTES = old
    expected, error = _outcome(numpy, expr, host)
    assert got_error is error or (error is not None and got_error is not None
                                  and issubclass(error, got_error)), (expr, got_error, error)
    if error is None:
        assert_matches_numpy(got, expected, rtol=1e-6 if "float32" in dtypes else 1e-12)
    for n in "abc":
        assert_matches_numpy(ours[n], host[n])


# ----- a[int array] through index_select ---------------------------------------------------------

@pytest.mark.parametrize("key_dtype", ["int64", "int32", "int16", "int8"])
@pytest.mark.parametrize("shape", [(N,), (N // 64, 64)])
def test_gather_with_a_1d_key_matches_numpy(key_dtype, shape):
    rng = numpy.random.default_rng(0)
    na = rng.random(shape)
    a = np.asarray(na.copy())
    top = min(shape[0], numpy.iinfo(key_dtype).max)
    for key in (rng.integers(0, top, 1000), rng.integers(-top, top, 1000), numpy.array([], int)):
        key = key.astype(key_dtype)
        assert_matches_numpy(a[np.asarray(key)], na[key])
    for bad in (numpy.array([top + shape[0]]), numpy.array([-shape[0] - 1])):
        with pytest.raises(IndexError):
            na[bad]
        with pytest.raises(IndexError):
            a[np.asarray(bad)]


def test_gather_from_a_0d_array_raises_as_numpy():
    with pytest.raises(IndexError):
        numpy.array(5.0)[numpy.array([0])]
    with pytest.raises(IndexError):
        np.array(5.0)[np.asarray([0])]


# ----- mixed dtypes: casts fused into torch's kernels -------------------------------------------

_MIXED = ["bool", "int8", "uint8", "int16", "int32", "int64", "float16", "float32", "float64",
          "complex64", "complex128"]


@pytest.mark.parametrize("shapes", [((3,), (3,)), ((3,), ()), ((), (3,))])
@pytest.mark.parametrize("op", ["add", "subtract", "multiply", "divide", "bitwise_and"])
def test_mixed_dtype_operands_match_numpy_with_0d_arrays_too(op, shapes):
    """torch leaves a 0-d operand of the same category out of promotion; NumPy 2 does not."""
    for d1 in _MIXED:
        for d2 in _MIXED:
            n1 = numpy.asarray(numpy.arange(1, 4).reshape(shapes[0] or (3,))[:1].reshape(-1)
                               if shapes[0] == () else numpy.arange(1, 4)).astype(d1)
            n1 = n1.reshape(()) if shapes[0] == () else n1
            n2 = numpy.asarray(numpy.full(shapes[1], 2)).astype(d2)
            with warnings.catch_warnings(), numpy.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                try:
                    expected = getattr(numpy, op)(n1, n2)
                except TypeError:
                    with pytest.raises(TypeError):
                        getattr(np, op)(np.asarray(n1), np.asarray(n2))
                    continue
                got = getattr(np, op)(np.asarray(n1), np.asarray(n2))
            assert_matches_numpy(got, expected, rtol=1e-3 if "float16" in (d1, d2) else 1e-6)
