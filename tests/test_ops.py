"""Generated tests: every operator-database entry x dtype x device x variant, NumPy as the oracle.

Ids read ``test_matches_numpy[sin-float32-cpu]``. Variants: matches (values, dtype, shape, kind of
result; samples where NumPy raises must raise NumPy's class), edge (edge values), errors (error
inputs), method (function vs ndarray method), out (``out=`` is written and returned),
noncontiguous (strided and stride-0 inputs), grad (gradcheck in float64 / complex128), compile
(``torch.compile`` vs eager; ``@pytest.mark.slow``).
"""
import gc

import numpy as np
import pytest
import torch

import torchnp
from opinfo import op_db
from opinfo.core import COMPILE_BACKEND, assert_result_matches, call_quietly, devices

# torch.compile backend of the compile template ("eager" traces with dynamo only; "inductor" compiles)



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


def check_sample(op, sample, device, dtype, call=None):
    """Run NumPy and torchnp on one sample: same result, or the same exception class."""
    expected, exc = call_quietly(op.ref, sample.numpy_copy())
    call = call or op.op
    if exc is not None:
        _, got = call_quietly(call, sample.to(device))
        assert got is not None and issubclass(got, exc), \
            f"{sample}: NumPy raised {exc.__name__}, torchnp {'did not raise' if got is None else got.__name__}"
        return
    with np.errstate(all="ignore"):
        actual = call(*sample.to(device).args, **sample.to(device).kwargs)
    rtol, atol = op.tolerance(dtype, expected)
    try:
        assert_result_matches(actual, expected, rtol=rtol, atol=atol)
    except AssertionError as e:
        raise AssertionError(f"{sample}: {e}") from None


def _samples(op, dtype, tag=None):
    return [s for s in op.sample_inputs(dtype) if s.tag == tag]


# ----- templates ---------------------------------------------------------------------------------
@ops("matches")
def test_matches_numpy(op, dtype, device):
    samples = _samples(op, dtype)
    assert samples, f"{op.name} has no samples for {dtype}"
    for sample in samples:
        check_sample(op, sample, device, dtype)


@ops("edge", db=[op for op in op_db if hasattr(op, "nin")])
def test_edge_values(op, dtype, device):
    for sample in _samples(op, dtype, "edge"):
        check_sample(op, sample, device, dtype)


@ops("errors", dtypes="none", db=[op for op in op_db if op.error_inputs()])
def test_errors(op, dtype, device):
    for err in op.error_inputs():
        _, exc = call_quietly(op.ref, err.sample.numpy_copy())
        assert exc is not None and issubclass(exc, err.exception_class), \
            f"the database says NumPy raises {err.exception_class.__name__} on {err.sample}, NumPy: {exc}"
        _, got = call_quietly(op.op, err.sample.to(device))
        assert got is not None and issubclass(got, exc), \
            f"{err.sample}: NumPy raised {exc.__name__}, torchnp {'did not raise' if got is None else got.__name__}"


@ops("method", dtypes="few", db=[op for op in op_db if op.method])
def test_method_matches_function(op, dtype, device):
    def via_method(a, *args, **kwargs):
        return getattr(a, op.method)(*args, **kwargs)
    for sample in _samples(op, dtype):
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
    for sample in _samples(op, dtype):
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
            assert_result_matches(actual, expected, rtol=rtol, atol=atol)
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
        assert_result_matches(actual, expected, rtol=rtol, atol=atol)


def _tensors(res):
    if isinstance(res, (tuple, list)):
        return tuple(t for r in res for t in _tensors(r))
    return (res.tensor,) if isinstance(res, torchnp.ndarray) else ()


@ops("grad", dtypes="grad", db=[op for op in op_db if op.supports_grad])
def test_gradcheck(op, dtype, device):
    checked = 0
    for sample in _samples(op, dtype)[:3]:
        leaves = [a for a in sample.args if isinstance(a, np.ndarray) and a.dtype == dtype and a.size]
        if not leaves or call_quietly(op.ref, sample.numpy_copy())[1] is not None:
            continue
        positions = [i for i, a in enumerate(sample.args)
                     if isinstance(a, np.ndarray) and a.dtype == dtype and a.size]
        rest = sample.to(device)
        inputs = tuple(torchnp.asarray(sample.args[i].copy(), device=device).tensor
                       .requires_grad_() for i in positions)

        def f(*ts):
            args = list(rest.args)
            for i, t in zip(positions, ts):
                args[i] = torchnp.asarray(t)
            outs = _tensors(op(*args, **rest.kwargs))
            return tuple(o for o in outs if o.dtype.is_floating_point or o.dtype.is_complex)

        if not f(*inputs):
            continue
        assert torch.autograd.gradcheck(f, inputs, eps=1e-6, atol=1e-5, rtol=1e-4)
        checked += 1
    assert checked, f"{op.name}: no differentiable sample in {dtype}"


@pytest.mark.slow
@ops("compile", dtypes="none", db=[op for op in op_db if op.supports_compile])
def test_compile_matches_eager(op, dtype, device):
    dtype = op.variant_dtypes()[0]
    samples = [s for s in _samples(op, dtype)
               if call_quietly(op.ref, s.numpy_copy())[1] is None][:2]
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
        compiled = torch.compile(f, backend=COMPILE_BACKEND)(*ts)
        assert len(compiled) == len(eager)
        for c, e in zip(compiled, eager):
            assert c.dtype == e.dtype and c.shape == e.shape
            torch.testing.assert_close(c, e, equal_nan=True)
    torch._dynamo.reset()
