"""Generated tests: every operator-database entry x dtype x device x variant, NumPy as the oracle.

Ids read ``test_matches_numpy[sin-float32-cpu]``. Variants: matches (values, dtype, shape, kind of
result; samples where NumPy raises must raise NumPy's class with NumPy's key words), edge (edge
values: every pair, mixed dtypes, weak Python scalars), scalars (Python scalars only), known (the
known differences in values still differ), errors (error inputs), method (function vs ndarray
method), out (``out=`` is written and returned), noncontiguous (strided and stride-0 inputs), grad
(gradcheck in float64 / complex128), compile (``torch.compile(fullgraph=True)`` vs eager;
``@pytest.mark.slow``), where / dtype (ufunc ``where=``, ``dtype=``, ``casting=``), out_dtype
(``out=`` of every dtype), out_alias (``out=`` is an input), devices (arrays on two devices raise
ValueError), view (which results share memory with which inputs, as ``numpy.shares_memory``
says). No template passes with zero samples.
"""
import gc
import re
import warnings

import numpy as np
import pytest
import torch

import torchnp
from opinfo import op_db
from opinfo.grad_support import SLOW_MODE
from opinfo.known_bugs import KNOWN_COPIES, KNOWN_MESSAGES
from helpers import public_exception_class
from opinfo.checks import (arrays_in, message_mismatch, numpy_shares, on_meta_or_cuda, sharing,
                           torchnp_shares)
from opinfo.core import (ALL, COMPILE_BACKEND, SampleInput, assert_result_matches, call_catching,
                         call_quietly, devices, resolve)


def ops(variant, dtypes="all", db=None):
    """Parametrize a template over (op, dtype, device) with ids ``name-dtype-device``.

    dtypes: "all" (the entry's dtypes), "few" (``variant_dtypes``), "grad" (float64 / complex128),
    "none" (one case per op and device).
    """
    params = []
    for op in (op_db if db is None else db):
        if dtypes == "all":
            dts = op.dtypes
        elif dtypes == "few":
            dts = op.variant_dtypes()
        elif dtypes == "grad":
            dts = tuple(d for d in op.dtypes if d.name in ("float64", "complex128"))
        else:
            dts = (None,)
        for dt in dts:
            for dev in devices():
                name = op.name if dt is None else f"{op.name}-{dt.name}"
                params.append(pytest.param(op, dt, dev, id=f"{name}-{dev}",
                                           marks=op.xfail_marks(variant, dt, dev)))
    return pytest.mark.parametrize("op, dtype, device", params)


@pytest.fixture(autouse=True)
def _cuda_leak_check(request):
    """On CUDA, the memory allocated must not grow across a test (results are all released)."""
    callspec = getattr(request.node, "callspec", None)
    device = callspec.params.get("device") if callspec else None
    if device is None or torch.device(device).type != "cuda":
        yield
        return
    gc.collect()
    before = torch.cuda.memory_allocated()
    yield
    gc.collect()
    after = torch.cuda.memory_allocated()
    assert after <= before, f"CUDA memory grew by {after - before} bytes"


def assert_raises_like(exc, got, sample, exact_message=False):
    """torchnp's exception ``got`` is of NumPy's exception ``exc``'s public class and says the
    same (``checks.message_mismatch``)."""
    cls = public_exception_class(type(exc))
    assert got is not None, f"{sample}: NumPy raised {cls.__name__}, torchnp did not raise"
    assert isinstance(got, cls), \
        f"{sample}: NumPy raised {cls.__name__}, torchnp {type(got).__name__}: {got}"
    why = message_mismatch(str(exc), str(got), exact=exact_message)
    known = [m for m in KNOWN_MESSAGES if re.search(m, str(got))]
    assert not why or known, f"{sample}: {why}"


def check_sample(op, sample, device, dtype, call=None, diffs=None):
    """Run NumPy and torchnp on one sample: the same result, or the same exception. ``diffs``:
    the known differences in values to leave out (default: the entry's)."""
    expected, exc = call_catching(op.ref, sample.numpy_copy())
    call = call or op.op
    if exc is not None:
        _, got = call_catching(call, sample.to(device))
        assert_raises_like(exc, got, sample)
        return
    s = sample.to(device)
    with np.errstate(all="ignore"):
        actual = call(*s.args, **s.kwargs)
    rtol, atol = op.tolerance(dtype, expected)
    try:
        op.compare(actual, expected, rtol, atol, sample=sample.numpy_copy(), diffs=diffs)
    except AssertionError as e:
        raise AssertionError(f"{sample}: {e}") from None


def _samples(op, dtype, tag=None):
    return [s for s in op.sample_inputs(dtype) if s.tag == tag]


def _accepted(op, dtype, limit=None):
    """The untagged samples NumPy accepts, with NumPy's results: [(sample, expected)]."""
    out = []
    for s in _samples(op, dtype):
        expected, exc = call_quietly(op.ref, s.numpy_copy())
        if exc is None:
            out.append((s, expected))
        if limit is not None and len(out) == limit:
            break
    return out


# ----- templates ---------------------------------------------------------------------------------
@ops("matches")
def test_matches_numpy(op, dtype, device):
    samples = _samples(op, dtype)
    assert samples, f"{op.name} has no samples for {dtype}"
    for sample in samples:
        check_sample(op, sample, device, dtype)


@ops("edge", db=[op for op in op_db if hasattr(op, "nin")])
def test_edge_values(op, dtype, device):
    samples = _samples(op, dtype, "edge")
    assert samples, f"{op.name} has no edge samples for {dtype}"
    for sample in samples:
        check_sample(op, sample, device, dtype)


@ops("scalars", dtypes="none", db=[op for op in op_db if hasattr(op, "scalar_samples")])
def test_python_scalars(op, dtype, device):
    """Python scalars only: NumPy's scalar result, or its exception."""
    samples = op.scalar_samples()
    assert samples, f"{op.name} has no Python-scalar samples"
    for sample in samples:
        check_sample(op, sample, device, None)


@ops("known", dtypes="none", db=[op for op in op_db if getattr(op, "value_diffs", ())])
def test_known_differences_still_differ(op, dtype, device):
    """Each value left out for a known difference (known_bugs.VALUE_DIFFS) still differs from
    NumPy somewhere: strict, as XFails are; when it does not, delete the line."""
    for diff in op.value_diffs:
        others = [d for d in op.value_diffs if d is not diff]
        differs = 0
        for dt in op.dtypes:
            for sample in op.edge_samples(dt):
                try:
                    check_sample(op, sample, device, dt, diffs=others)
                except AssertionError:
                    differs += 1
        assert differs, f"{op.name}: no sample differs any more; delete: {diff.reason}"


@pytest.mark.parametrize("pattern", list(KNOWN_MESSAGES))
def test_known_messages_still_occur(pattern):
    """Each known message difference still occurs (strict); when it does not, delete its line."""
    known = KNOWN_MESSAGES[pattern]
    try:
        eval(known.reproducer, {"torchnp": torchnp})       # noqa: S307 - our own reproducer
    except Exception as e:      # noqa: BLE001 - the message is what we check
        assert re.search(pattern, str(e)), f"fixed? {known.reproducer} now says {e!r}"
    else:
        raise AssertionError(f"fixed? {known.reproducer} no longer raises; delete the line")


@ops("errors", dtypes="none", db=[op for op in op_db if op.error_inputs()])
def test_errors(op, dtype, device):
    for err in op.error_inputs():
        _, exc = call_catching(op.ref, err.sample.numpy_copy())
        assert exc is not None and isinstance(exc, err.exception_class), \
            f"the database says NumPy raises {err.exception_class.__name__} on {err.sample}, " \
            f"NumPy: {exc!r}"
        _, got = call_catching(op.op, err.sample.to(device))
        assert_raises_like(exc, got, err.sample, exact_message=err.exact_message)


@ops("method", dtypes="few", db=[op for op in op_db if op.method])
def test_method_matches_function(op, dtype, device):
    def via_method(a, *args, **kwargs):
        return getattr(a, op.method)(*args, **kwargs)
    samples = _samples(op, dtype)
    assert samples, f"{op.name} has no samples for {dtype}"
    for sample in samples:
        check_sample(op, sample, device, dtype, call=via_method)


def _out_like(expected, device):
    if isinstance(expected, tuple):
        return tuple(_out_like(e, device) for e in expected)
    e = np.asarray(expected)
    return torchnp.asarray(np.full(e.shape, 1, e.dtype), device=device)


def _numpy_refuses_out(op, sample, expected):
    """Whether NumPy raises for an out= of its own result's shape and dtype (as round does for
    integers with decimals < 0: it divides into out= under same_kind casting)."""
    np_out = tuple(np.asarray(e).copy() for e in expected) if isinstance(expected, tuple) \
        else np.asarray(expected).copy()
    s = sample.numpy_copy()
    return call_quietly(lambda *args, **kwargs: op.ref(*args, out=np_out, **kwargs), s)[1] \
        is not None


@ops("out", dtypes="few", db=[op for op in op_db if op.supports_out])
def test_out(op, dtype, device):
    checked = 0
    for sample in _samples(op, dtype):
        if "out" in sample.kwargs:
            continue
        expected, exc = call_quietly(op.ref, sample.numpy_copy())
        if exc is not None or _numpy_refuses_out(op, sample, expected):
            continue
        out = _out_like(expected, device)
        s = sample.to(device)
        with np.errstate(all="ignore"):
            res = op(*s.args, out=out, **s.kwargs)
        if isinstance(out, tuple):
            assert isinstance(res, tuple) and all(r is o for r, o in zip(res, out)), \
                f"{sample}: out= tuple not returned"
        else:
            assert res is out, f"{sample}: the out= array is not the result"
        rtol, atol = op.tolerance(dtype, expected)
        expected_arrays = tuple(np.asarray(e) for e in expected) if isinstance(expected, tuple) \
            else np.asarray(expected)
        assert_result_matches(out, expected_arrays, rtol=rtol, atol=atol)
        checked += 1
    assert checked, f"{op.name}: no sample to test out= on"


def _strided(x):
    """The same values as a strided (every other element) view of a larger array."""
    if x.ndim == 0 or x.size == 0:
        return torch.from_numpy(x.copy())
    big = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), x.dtype)
    big[..., ::2] = x
    t = torch.from_numpy(big)[..., ::2]
    return t


def _stride0(x):
    """A stride-0 (broadcast) array: x's first column repeated along the last axis."""
    if x.ndim == 0 or x.size == 0:
        return np.asarray(x)
    return np.broadcast_to(x[..., :1], x.shape)


@ops("noncontiguous", dtypes="few")
def test_noncontiguous(op, dtype, device):
    samples = _samples(op, dtype)
    assert samples, f"{op.name} has no samples for {dtype}"
    for sample in samples:
        # strided views: NumPy gets the same values, torchnp a view with a non-unit stride
        expected, exc = call_quietly(op.ref, sample.numpy_copy())
        strided = sample.map_arrays(lambda x: torchnp.asarray(_strided(x).to(device)))
        if exc is not None:
            _, got = call_quietly(op.op, strided)
            assert got is not None and issubclass(got, exc), f"{sample}: expected {exc.__name__}"
        else:
            with np.errstate(all="ignore"):
                actual = op(*strided.args, **strided.kwargs)
            rtol, atol = op.tolerance(dtype, expected)
            op.compare(actual, expected, rtol, atol)
        # stride-0 (broadcast) inputs; torch.expand gives the torchnp side stride 0
        b = sample.map_arrays(_stride0)
        expected, exc = call_quietly(op.ref, b.numpy_copy())
        expanded = b.map_arrays(
            lambda x: torchnp.asarray(torch.from_numpy(np.ascontiguousarray(x[..., :1]))
                                      .to(device).expand(x.shape)) if x.ndim and x.size
            else torchnp.asarray(np.array(x), device=device))
        if exc is not None:
            _, got = call_quietly(op.op, expanded)
            assert got is not None and issubclass(got, exc), f"{sample}: expected {exc.__name__}"
            continue
        with np.errstate(all="ignore"):
            actual = op(*expanded.args, **expanded.kwargs)
        rtol, atol = op.tolerance(dtype, expected)
        op.compare(actual, expected, rtol, atol)


def _tensors(res):
    if isinstance(res, (tuple, list)):
        return tuple(t for r in res for t in _tensors(r))
    return (res.tensor,) if isinstance(res, torchnp.ndarray) else ()


def _grad_leaves(args, dtype):
    """Where a sample's arrays (or NumPy scalars) of ``dtype`` are: (i, None) for argument i,
    (i, j) for element j of a list or tuple argument i (``concatenate([a, b])``)."""
    def leaf(a):
        return isinstance(a, (np.ndarray, np.generic)) and a.dtype == dtype and a.size
    found = []
    for i, a in enumerate(args):
        if leaf(a):
            found.append((i, None))
        elif isinstance(a, (list, tuple)):
            found.extend((i, j) for j, e in enumerate(a) if leaf(e))
    return found


def _with_leaves(args, places, arrays):
    args = [list(a) if isinstance(a, (list, tuple)) else a for a in args]
    for (i, j), x in zip(places, arrays):
        if j is None:
            args[i] = x
        else:
            args[i][j] = x
    return args


@ops("grad", dtypes="grad", db=[op for op in op_db if op.supports_grad])
def test_gradcheck(op, dtype, device):
    """torch.autograd.gradcheck (fast mode: one random projection of the Jacobian, as torch's
    own OpInfo tests) over the first three samples NumPy accepts."""
    checked = 0
    for sample in _samples(op, dtype)[:3]:
        places = _grad_leaves(sample.args, dtype)
        if not places or call_quietly(op.ref, sample.numpy_copy())[1] is not None:
            continue
        rest = sample.to(device)
        inputs = tuple(torchnp.asarray(_leaf(sample.args, p).copy(), device=device)
                       .tensor.requires_grad_() for p in places)

        def f(*ts):
            args = _with_leaves(rest.args, places, [torchnp.asarray(t) for t in ts])
            outs = _tensors(op(*args, **rest.kwargs))
            return tuple(o for o in outs if o.dtype in (torch.float64, torch.complex128))

        if not f(*inputs):
            continue
        assert torch.autograd.gradcheck(f, inputs, eps=1e-6, atol=1e-5, rtol=1e-4,
                                        fast_mode=op.name not in SLOW_MODE)
        checked += 1
    assert checked, f"{op.name}: no differentiable sample in {dtype}"


def _leaf(args, place):
    i, j = place
    return args[i] if j is None else args[i][j]


@pytest.mark.slow
@ops("compile", dtypes="none", db=[op for op in op_db if op.supports_compile])
def test_compile_matches_eager(op, dtype, device):
    dtype = op.variant_dtypes()[0]
    samples = [s for s, _ in _accepted(op, dtype, limit=2)]
    assert samples, f"{op.name}: no sample NumPy accepts in {dtype} to compile"
    torch._dynamo.reset()
    for sample in samples:
        s = sample.to(device)
        positions = [i for i, a in enumerate(s.args) if isinstance(a, torchnp.ndarray)]

        def f(*ts):
            args = list(s.args)
            for i, t in zip(positions, ts):
                args[i] = torchnp.asarray(t)
            return _tensors(op(*args, **s.kwargs))

        ts = tuple(s.args[i].tensor for i in positions)
        eager = f(*ts)
        compiled = torchnp.compile(f, backend=COMPILE_BACKEND, fullgraph=True)(*ts)
        assert len(compiled) == len(eager)
        for c, e in zip(compiled, eager):
            assert c.dtype == e.dtype and c.shape == e.shape
            torch.testing.assert_close(c, e, equal_nan=True)
    torch._dynamo.reset()


# ----- the call: where=, dtype=, casting=, out= of other dtypes and aliasing inputs --------------
_UFUNCS = [op for op in op_db if hasattr(op, "nin")]
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def _check_call(op, sample, device, dtype, np_call, tnp_call):
    """NumPy's ``np_call(sample)`` against torchnp's ``tnp_call(sample on device)``: the same
    result, or the same exception. Returns NumPy's result (None where it raised)."""
    expected, exc = call_catching(np_call, sample.numpy_copy())
    s = sample.to(device)
    if exc is not None:
        _, got = call_catching(tnp_call, s)
        assert_raises_like(exc, got, sample)
        return None
    with np.errstate(all="ignore"):
        actual = tnp_call(*s.args, **s.kwargs)
    rtol, atol = op.tolerance(dtype, expected)
    try:
        op.compare(actual, expected, rtol, atol, sample=sample.numpy_copy())
    except AssertionError as e:
        raise AssertionError(f"{sample}: {e}") from None
    return expected


def _fill_like(expected, value=1):
    if isinstance(expected, tuple):
        return tuple(_fill_like(e, value) for e in expected)
    e = np.asarray(expected)
    return np.full(e.shape, value, e.dtype)


def _mask_for(expected):
    e = np.asarray(expected[0] if isinstance(expected, tuple) else expected)
    return (np.arange(e.size).reshape(e.shape) % 3) != 1


@ops("where", db=_UFUNCS)
def test_ufunc_where(op, dtype, device):
    """where= with out= (the unselected elements keep out's values), where= without out= (the
    selected elements; NumPy leaves the others uninitialised) and a broadcast where=."""
    accepted = _accepted(op, dtype, limit=3)
    assert accepted, f"{op.name}: no sample NumPy accepts in {dtype}"
    for sample, expected in accepted:
        mask = _mask_for(expected)
        out0 = _fill_like(expected)
        with_out = sample.map_arrays(lambda x: x)
        with_out.kwargs = dict(sample.kwargs, where=mask, out=out0)
        _check_call(op, with_out, device, dtype, op.ref, op.op)
        sel = SampleInput(*sample.args, **dict(sample.kwargs, where=mask))
        expected_sel, exc = call_catching(op.ref, sel.numpy_copy())
        if exc is not None:
            _, got = call_catching(op.op, sel.to(device))
            assert_raises_like(exc, got, sel)
            continue
        s = sel.to(device)
        with np.errstate(all="ignore"):
            actual = op(*s.args, **s.kwargs)
        pairs = zip(actual, expected_sel) if isinstance(expected_sel, tuple) \
            else [(actual, expected_sel)]
        for a, e in pairs:
            assert a.dtype == e.dtype and a.shape == e.shape, f"{sel}: {a.dtype}{a.shape}"
            rtol, atol = op.tolerance(dtype, e)
            op.compare(a[torchnp.asarray(mask, device=device)], np.asarray(e)[mask], rtol, atol)
        if mask.ndim:
            row = SampleInput(*sample.args, **dict(sample.kwargs, where=mask.reshape(-1)[:1],
                                                   out=_fill_like(expected)))
            _check_call(op, row, device, dtype, op.ref, op.op)


@ops("dtype", db=_UFUNCS)
def test_ufunc_dtype_and_casting(op, dtype, device):
    """dtype= of every dtype, every casting=, and dtype= with casting='unsafe': NumPy decides the
    loop, the result, or the error."""
    accepted = _accepted(op, dtype, limit=1)
    assert accepted, f"{op.name}: no sample NumPy accepts in {dtype}"
    sample, _ = accepted[0]
    calls = ([dict(dtype=d) for d in ALL] + [dict(casting=c) for c in _CASTINGS]
             + [dict(dtype=d, casting="unsafe") for d in ("int8", "float16", "complex128")])
    for kwargs in calls:
        s = SampleInput(*sample.args, **dict(sample.kwargs, **kwargs))
        _check_call(op, s, device, dtype, op.ref, op.op)


def _out_samples(op, dtype, limit=2):
    return [(s, e) for s, e in _accepted(op, dtype) if "out" not in s.kwargs][:limit]


@ops("out_dtype", db=[op for op in op_db if op.supports_out])
def test_out_of_another_dtype(op, dtype, device):
    """out= of every dtype: NumPy casts into it (same_kind for ufuncs) or raises; the result is
    the out= array."""
    samples = _out_samples(op, dtype)
    assert samples, f"{op.name}: no sample to test out= on in {dtype}"
    for sample, expected in samples:
        for d in ALL:
            out = tuple(np.ones(np.shape(e), d) for e in expected) \
                if isinstance(expected, tuple) else np.ones(np.shape(expected), d)
            s = SampleInput(*sample.args, **dict(sample.kwargs, out=out))
            _check_out_call(op, s, device, dtype, expected)


def _check_out_call(op, s, device, dtype, computed):
    """``computed``: NumPy's result without out=, whose dtype sets the tolerance too."""
    expected, exc = call_catching(op.ref, s.numpy_copy())
    t = s.to(device)
    if exc is not None:
        _, got = call_catching(op.op, t)
        assert_raises_like(exc, got, s)
        return
    with np.errstate(all="ignore"):
        res = op(*t.args, **t.kwargs)
    out = t.kwargs["out"]
    if isinstance(out, tuple):
        assert isinstance(res, tuple) and all(r is o for r, o in zip(res, out)), \
            f"{s}: the out= arrays are not the result"
    else:
        assert res is out, f"{s}: the out= array is not the result"
    rtol, atol = np.maximum(op.tolerance(dtype, expected), op.tolerance(dtype, computed))
    np_out = tuple(np.asarray(e) for e in expected) if isinstance(expected, tuple) \
        else np.asarray(expected)
    try:
        op.compare(out, np_out, rtol, atol, sample=s.numpy_copy())
    except AssertionError as e:
        raise AssertionError(f"{s}: {e}") from None


def _alias_positions(sample, expected):
    """Positional array arguments with the shape of the (first) result: out= may alias them."""
    e = expected[0] if isinstance(expected, tuple) else expected
    return [i for i, a in enumerate(sample.args)
            if isinstance(a, np.ndarray) and a.shape == np.shape(e)]


def _aliasable(op):
    dt = op.variant_dtypes()[0]
    return any(_alias_positions(s, e) for s, e in _out_samples(op, dt, limit=None))


@ops("out_alias", dtypes="few", db=[op for op in op_db if op.supports_out and _aliasable(op)])
def test_out_aliases_an_input(op, dtype, device):
    """out= is one of the inputs (op(x, out=x)): the result, out= and every input afterwards are
    NumPy's."""
    checked = 0
    for sample, expected in _out_samples(op, dtype, limit=None):
        for i in _alias_positions(sample, expected):
            np_s, t = sample.numpy_copy(), sample.to(device)
            nout = len(expected) if isinstance(expected, tuple) else 1
            np_s.kwargs["out"] = (np_s.args[i],) + (None,) * (nout - 1) if nout > 1 \
                else np_s.args[i]
            t.kwargs["out"] = (t.args[i],) + (None,) * (nout - 1) if nout > 1 else t.args[i]
            res_np, exc = call_catching(op.ref, np_s)
            checked += 1
            if exc is not None:             # out= of the input's dtype may be refused
                _, got = call_catching(op.op, t)
                assert_raises_like(exc, got, sample)
                continue
            with np.errstate(all="ignore"):
                res = op(*t.args, **t.kwargs)
            first = res[0] if isinstance(res, tuple) else res
            assert first is t.args[i], f"{sample}: out= (input {i}) is not the result"
            rtol, atol = op.tolerance(dtype, res_np)
            for a, e in zip(t.args, np_s.args):         # the inputs, the aliased one written
                if isinstance(e, np.ndarray):
                    op.compare(a, e, rtol, atol)
    assert checked, f"{op.name}: no sample where out= can alias an input in {dtype}"


# ----- devices and memory ------------------------------------------------------------------------
def _mixable(op):
    """A sample NumPy accepts with two arrays (or one and out=): the first, or None."""
    for sample, expected in _accepted(op, op.variant_dtypes()[0]):
        if len(arrays_in([sample.args, sample.kwargs])) >= 2:
            return sample
        if op.supports_out and "out" not in sample.kwargs and arrays_in(sample.args):
            out = tuple(np.ones(np.shape(e), np.asarray(e).dtype) for e in expected) \
                if isinstance(expected, tuple) else np.ones(np.shape(expected),
                                                            np.asarray(expected).dtype)
            return SampleInput(*sample.args, **dict(sample.kwargs, out=out))
    return None


def _on_other_device(x, other, state):
    """The last torchnp array met moved to ``other`` (state: [arrays seen, arrays to see])."""
    state[0] += 1
    return torchnp.asarray(x.tensor.to(other)) if state[0] == state[1] else x


@ops("devices", dtypes="none", db=[op for op in op_db if _mixable(op) is not None])
def test_mixed_devices(op, dtype, device):
    """Arrays on two devices (this one, and cuda or meta): NumPy-style ValueError naming the
    devices (DESIGN.md), never a torch error or a silent transfer."""
    other = on_meta_or_cuda() if device == "cpu" else "cpu"
    sample = _mixable(op).to(device)
    state = [0, len(arrays_in([sample.args, sample.kwargs]))]
    mixed = sample.map_arrays(lambda x: x)            # torchnp arrays: mapped below
    mixed.args = _map_torchnp(sample.args, lambda x: _on_other_device(x, other, state))
    mixed.kwargs = _map_torchnp(sample.kwargs, lambda x: _on_other_device(x, other, state))
    _, got = call_catching(op.op, mixed)
    assert isinstance(got, ValueError), \
        f"{sample} with one array on {other}: {type(got).__name__ if got else 'no error'}: {got}"
    assert "device" in str(got), f"the message does not name the devices: {got}"


def _map_torchnp(x, fn):
    if isinstance(x, torchnp.ndarray):
        return fn(x)
    if isinstance(x, (tuple, list)):
        return type(x)(_map_torchnp(e, fn) for e in x)
    if isinstance(x, dict):
        return {k: _map_torchnp(v, fn) for k, v in x.items()}
    return x


@ops("view", dtypes="few")
def test_view_or_copy(op, dtype, device):
    """Which results share memory with which inputs is NumPy's (numpy.shares_memory against the
    tensors' memory); known_bugs.KNOWN_COPIES lists entries that copy where NumPy views."""
    accepted = _accepted(op, dtype)
    assert accepted, f"{op.name}: no sample NumPy accepts in {dtype}"
    copies = 0
    for sample, _ in accepted:
        np_s = sample.numpy_copy()
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res_np = op.ref(*np_s.args, **np_s.kwargs)
        t = sample.to(device)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = op(*t.args, **t.kwargs)
        want = set(sharing(res_np, arrays_in([np_s.args, np_s.kwargs]), numpy_shares))
        got = set(sharing(res, arrays_in([t.args, t.kwargs]), torchnp_shares))
        if op.name in KNOWN_COPIES and got < want:
            copies += 1
            continue
        assert got == want, (f"{sample}: (result, input) pairs sharing memory: torchnp "
                             f"{sorted(got)}, NumPy {sorted(want)}")
    if op.name in KNOWN_COPIES:
        assert copies, f"{op.name} views as NumPy does now; delete: {KNOWN_COPIES[op.name]}"


# ----- NumPy's own functions on torchnp arrays (__array_function__ / __array_ufunc__) ------------
_DISPATCHED = (type(np.sum), np.ufunc)         # NumPy's callables that dispatch on their arguments


@ops("numpy_dispatch", dtypes="few",
     db=[op for op in op_db if isinstance(op.ref, _DISPATCHED) and op.ref is resolve(np, op.name)])
def test_numpy_function_dispatches_to_torchnp(op, dtype, device):
    """``numpy.<name>(torchnp arrays)`` runs torchnp's function: NumPy's result, as torchnp
    arrays on the arrays' device (never a NumPy array)."""
    accepted = [s for s, _ in _accepted(op, dtype) if arrays_in([s.args, s.kwargs])]
    if not accepted:
        pytest.skip("no sample passes an array: NumPy has nothing to dispatch on")
    for sample in accepted:
        s = sample.to(device)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = op.ref(*s.args, **s.kwargs)
        assert not any(isinstance(a, np.ndarray) for a in arrays_in(res)), \
            f"{sample}: numpy.{op.name} returned NumPy's array"
        check_sample(op, sample, device, dtype, call=op.ref)
