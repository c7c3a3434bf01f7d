"""DESIGN §3.8: the library's common path traces into one torch.compile graph (no graph breaks);
torchnp.compile / torchnp.jit over NumPy-style programs: graph breaks counted, compiled == eager ==
NumPy, no recompilation on new values of the same shapes."""
import numpy
import pytest
import torch

import torchnp as np


def ufuncs_scalars_reductions(t):
    a = np.asarray(t)
    b = (a * 2.0 + a) / 3.0 - 1
    return (np.sin(b).sum(axis=0, keepdims=True) + np.maximum(b, 0.5).mean()).tensor


def views_and_shapes(t):
    a = np.asarray(t)
    v = a[1:].reshape(-1)[::2] + a[:, 1].T[0]
    return (v.astype(np.float32) * np.where(v > 0, v, -v)).tensor


def integer_and_comparison(t):
    a = np.asarray(t)
    i = (a * 10).astype(np.int64)
    return ((i // 3) % 4 + (a < 0.5) + np.abs(i).max(axis=1)[:, None]).tensor


def lists_joins_transposes(t):
    a = np.asarray(t)
    b = np.where(a > 0, a, a * 2.0)[[0, 2, -1]]
    return (np.concatenate([b, b[:, ::-1]], 1).T + a.reshape(1, 24).T[:12]).tensor


@pytest.mark.slow
@pytest.mark.parametrize("fn", [ufuncs_scalars_reductions, views_and_shapes,
                                integer_and_comparison, lists_joins_transposes])
def test_common_path_compiles_without_graph_breaks(fn):
    t = torch.from_numpy(numpy.random.default_rng(0).standard_normal((4, 6)))
    torch._dynamo.reset()
    compiled = torch.compile(fn, fullgraph=True)       # fullgraph: a graph break is an error
    torch.testing.assert_close(compiled(t), fn(t))
    torch._dynamo.reset()


# ----- torchnp.compile over the representative set (issue 12) ------------------------------------
# Each case is NumPy code of arrays in, arrays out, run three ways: NumPy (the oracle), torchnp
# eager, and torchnp.compile with the suite's backend (aot_eager unless TORCHNP_COMPILE_BACKEND).
from opinfo.core import COMPILE_BACKEND  # noqa: E402
from torch._dynamo.testing import CompileCounterWithBackend  # noqa: E402


def elementwise_chain(xp, a, b):
    return xp.sqrt(xp.exp(-a * b) + a * 2.0 - b) * 0.5 + xp.abs(a) ** 1.5


def reductions_with_axis(xp, a, b):
    return (a.sum(axis=0) + a.mean(axis=1, keepdims=True).max() + xp.std(a, axis=-1).sum()
            + b.max(axis=(0, 1)).sum() + xp.argmax(b, axis=1).sum())


def broadcasting(xp, a, b):
    return xp.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=-1)) + a[:, :1]


def basic_indexing(xp, a, b):
    c = a.copy()
    c[1:, ::2] = b[:-1, ::2] * 2
    c[0] = 0.0
    c[..., -1] += c[:, 0]
    c[1:] = c[:-1]                               # overlapping: NumPy reads before it writes
    return c[1:, 1:3], c[::-1]


def integer_indexing(xp, a, b):
    i = (xp.abs(b[:, 0]) * 3).astype(xp.int64) % a.shape[0]
    c = a.copy()
    c[i[:2]] = 0.0
    c[[1, -1], 1:] += 1.0
    return a[i] + 1, c, a[:, [0, 2]], a[i[:, None], i[None, :3] % a.shape[1]]


def mask_write(xp, a, b):
    c = a.copy()
    c[c < 0] = 0.0
    c[b > 1] = -1.0
    return c


def mask_update(xp, a, b):
    c = a.copy()
    c[b > 1] *= 2.0
    return c


def mask_read(xp, a, b):
    return a[a > 0].sum() + a[b > 1]


def reshape_views(xp, a, b):
    return a.T.reshape(-1)[::3], a[:, ::2].reshape(a.shape[0], -1, 1), xp.reshape(b.T, (2, -1))


def matmul(xp, a, b):
    return a @ b.T, xp.dot(a, b.T), xp.matmul(a[:2], b[:, :, None][..., 0].T), b @ a[0]


def where(xp, a, b):
    return xp.where(a > 0, a, b * 2), xp.where(a > b, 1.0, -1.0)


def creation(xp, a, b):
    return (xp.zeros(a.shape) + xp.ones_like(a) + xp.zeros_like(b, order="K")
            + xp.arange(a.shape[1]) + xp.linspace(0, 1, a.shape[1]) + xp.full((1, 1), 2.5)
            + xp.asarray(numpy.float32(2.0)) + xp.eye(a.shape[0], a.shape[1])
            + xp.array([1, 2, 3, 4]))


def kmeans_step(xp, x, centroids):
    """Assign each point to its nearest centroid; move each centroid to its points' mean."""
    d = ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
    labels = d.argmin(axis=1)
    onehot = (labels[:, None] == xp.arange(centroids.shape[0])).astype(x.dtype)
    counts = onehot.sum(axis=0)
    return (onehot.T @ x) / xp.maximum(counts, 1.0)[:, None], d.min(axis=1).sum()


def network_step(xp, x, y, w1, w2, learning_rate=1e-3):
    """One step of the demo's two-layer network, backward pass by hand (as in torchnp/_demo.py)."""
    h = x.dot(w1)
    h_relu = xp.maximum(h, 0)
    y_pred = h_relu.dot(w2)
    loss = xp.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T.dot(grad_y_pred)
    grad_h = grad_y_pred.dot(w2.T)
    grad_h[h < 0] = 0
    grad_w1 = x.T.dot(grad_h)
    return w1 - learning_rate * grad_w1, w2 - learning_rate * grad_w2, loss


def softmax_logsumexp(xp, a, b):
    m = a.max(axis=-1, keepdims=True)
    e = xp.exp(a - m)
    s = e.sum(axis=-1, keepdims=True)
    return e / s, m[..., 0] + xp.log(s[..., 0])


def stencil(xp, u, b):
    """Two Jacobi steps of the 2-D Laplace equation on the interior, by slicing."""
    u = u.copy()
    for _ in range(2):
        u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


def _data(*shapes):
    rng = numpy.random.default_rng(len(shapes) + sum(map(sum, shapes)))
    return [rng.standard_normal(s) for s in shapes]


# (case, NumPy inputs, graph breaks under torchnp.compile and why, if any)
CASES = [
    (elementwise_chain, _data((5, 4), (5, 4)), 0, ""),
    (reductions_with_axis, _data((5, 4), (3, 4, 2)), 0, ""),
    (broadcasting, _data((5, 3), (4, 3)), 0, ""),
    (basic_indexing, _data((5, 4), (5, 4)), 0, ""),
    (integer_indexing, _data((5, 4), (6, 4)), 0, ""),
    (mask_write, _data((5, 4), (5, 4)), 0, ""),
    (mask_read, _data((5, 4), (5, 4)), 0, ""),
    (mask_update, _data((5, 4), (5, 4)), 0, ""),
    (reshape_views, _data((5, 6), (3, 4)), 0, ""),
    (matmul, _data((3, 4), (5, 4)), 0, ""),
    (where, _data((5, 4), (5, 4)), 0, ""),
    (creation, _data((3, 4), (3, 4)), 0, ""),
    (kmeans_step, _data((40, 2), (3, 2)), 0, ""),
    (network_step, _data((8, 10), (8, 3), (10, 6), (6, 3)), 0, ""),
    (softmax_logsumexp, _data((4, 7), (1,)), 0, ""),
    (stencil, _data((6, 7), (1,)), 0, ""),
]
TRACEABLE = [c for c in CASES if c[2] == 0]


def _ids(cases):
    return [c[0].__name__ for c in cases]


def _results(r):
    return r if isinstance(r, tuple) else (r,)


def assert_matches(actual, expected):
    for a, e in zip(_results(actual), _results(expected), strict=True):
        assert type(a) is np.ndarray, type(a)
        assert a.dtype == numpy.asarray(e).dtype and a.shape == numpy.shape(e)
        numpy.testing.assert_allclose(numpy.asarray(a), e, rtol=1e-12, atol=1e-12)


def graph_breaks(fn, *args):
    """The distinct reasons for which Dynamo breaks the graph tracing ``fn(*args)`` through
    torchnp.compile (a reason can be counted twice when Dynamo retries a frame)."""
    torch._dynamo.reset()
    torch._dynamo.utils.counters.clear()
    np.compile(fn, backend="eager")(*args)
    reasons = [r.split("\n")[0] for r in torch._dynamo.utils.counters["graph_break"]]
    torch._dynamo.reset()
    return reasons


@pytest.mark.slow
@pytest.mark.parametrize("case, arrays, breaks, why", CASES, ids=_ids(CASES))
def test_graph_breaks(case, arrays, breaks, why):
    reasons = graph_breaks(lambda *a: case(np, *a), *map(np.asarray, arrays))
    assert len(reasons) == breaks, (why, reasons)


@pytest.mark.slow
@pytest.mark.parametrize("case, arrays, breaks, why", TRACEABLE, ids=_ids(TRACEABLE))
def test_compiled_equals_eager_and_numpy_without_recompiling(case, arrays, breaks, why):
    torch._dynamo.reset()
    counter = CompileCounterWithBackend(COMPILE_BACKEND)
    compiled = np.compile(lambda *a: case(np, *a), backend=counter, fullgraph=True)
    for shift in (0.0, 0.75):                    # new values, same shapes: the same graph
        inputs = [x + shift for x in arrays]
        expected = case(numpy, *inputs)
        assert_matches(case(np, *map(np.asarray, inputs)), expected)
        assert_matches(compiled(*map(np.asarray, inputs)), expected)
    assert counter.frame_count == 1
    torch._dynamo.reset()


@pytest.mark.slow
def test_mask_reads_trace_with_dynamic_output_shapes():
    """With Dynamo's switch for data-dependent output shapes (which torchnp.compile turns on), a
    boolean selection is one graph whose length follows the data without recompiling."""
    torch._dynamo.reset()
    counter = CompileCounterWithBackend(COMPILE_BACKEND)
    with torch._dynamo.config.patch(capture_dynamic_output_shape_ops=True):
        compiled = np.compile(lambda *a: mask_read(np, *a), backend=counter, fullgraph=True)
        for shift in (0.0, 0.5, -3.0):           # selections of different lengths, one of them 0
            a, b = (x + shift for x in _data((5, 4), (5, 4)))
            assert_matches(compiled(np.asarray(a), np.asarray(b)), mask_read(numpy, a, b))
    assert counter.frame_count == 1
    torch._dynamo.reset()


def autograd_network_step(x, y, w1, w2, learning_rate=1e-3):
    """The network step with gradients from ``loss.backward()`` (weights require grad)."""
    loss = np.square(np.maximum(x.dot(w1), 0).dot(w2) - y).sum()
    loss.backward()
    with torch.no_grad():
        w1 -= learning_rate * w1.grad
        w2 -= learning_rate * w2.grad
    w1.tensor.grad = w2.tensor.grad = None
    return loss.detach()


@pytest.mark.slow
@pytest.mark.parametrize("trace_autograd_ops, breaks", [(False, 1), (True, 0)])
def test_backward_inside_a_compiled_step(trace_autograd_ops, breaks):
    """``loss.backward()`` is one graph break under Dynamo's default config ("Tensor.backward()
    when trace_autograd_ops is off") and none with it on; the weights match the hand-written
    backward pass (network_step) either way."""
    x, y, w1, w2 = _data((8, 10), (8, 3), (10, 6), (6, 3))
    hand = (w1, w2)
    for _ in range(3):
        *hand, _loss = network_step(numpy, x, y, *hand)
    ws = [np.asarray(w.copy(), requires_grad=True) for w in (w1, w2)]
    with torch._dynamo.config.patch(trace_autograd_ops=trace_autograd_ops):
        assert len(graph_breaks(autograd_network_step, np.asarray(x), np.asarray(y), *ws)) == breaks
        ws = [np.asarray(w.copy(), requires_grad=True) for w in (w1, w2)]
        step = np.compile(autograd_network_step, backend=COMPILE_BACKEND)
        for _ in range(3):
            step(np.asarray(x), np.asarray(y), *ws)
    torch._dynamo.reset()
    for w, h in zip(ws, hand):
        numpy.testing.assert_allclose(numpy.asarray(w.detach()), h, rtol=1e-12)


def _plus_one(a):
    return a + 1


@pytest.mark.slow
def test_compile_spellings_and_pytrees():
    torch._dynamo.reset()
    a = np.arange(6.0).reshape(2, 3)
    wrapped = np.compile(_plus_one, backend=COMPILE_BACKEND)
    assert wrapped.__name__ == "_plus_one" and np.jit is np.compile

    @np.compile
    def bare(a):
        return a * 2

    @np.jit(backend=COMPILE_BACKEND, fullgraph=True)
    def tree(d, pair):
        x, t = pair
        return {"sum": d["a"] + d["b"], "both": (x.T, np.asarray(t) * 2), "n": d["n"] + 1}

    assert_matches(wrapped(a), numpy.arange(6.0).reshape(2, 3) + 1)
    assert_matches(bare(a), numpy.arange(6.0).reshape(2, 3) * 2)
    r = tree({"a": a, "b": a, "n": 3}, (a, torch.ones(2)))
    assert_matches(r["sum"], 2 * numpy.arange(6.0).reshape(2, 3))
    assert_matches(r["both"], (numpy.arange(6.0).reshape(2, 3).T, numpy.full(2, 2, numpy.float32)))
    assert r["n"] == 4
    torch._dynamo.reset()


@pytest.mark.slow
def test_default_dtype_and_device_are_read_per_call():
    """Compiled code reads torchnp's defaults (context variables) as the caller sees them, and a
    change recompiles: the same function makes float32 arrays inside default_float("float32")."""
    torch._dynamo.reset()
    counter = CompileCounterWithBackend(COMPILE_BACKEND)
    make = np.compile(lambda n: np.zeros(n) + np.linspace(0, 1, n), backend=counter,
                      fullgraph=True)
    assert make(3).dtype == numpy.float64
    with np.default_float("float32"):
        assert make(3).dtype == numpy.float32
        with np.default_device("meta"):
            assert make(3).device == torch.device("meta")
    assert make(3).dtype == numpy.float64 and make(3).device == torch.device("cpu")
    assert counter.frame_count == 3
    torch._dynamo.reset()


@pytest.mark.slow
def test_inductor_compiles_a_kmeans_step():
    """The default backend, inductor (the suite's other compile tests use aot_eager)."""
    torch._dynamo.reset()
    x, c = _data((40, 2), (3, 2))
    step = np.compile(lambda x, c: kmeans_step(np, x, c))
    assert_matches(step(np.asarray(x), np.asarray(c)), kmeans_step(numpy, x, c))
    torch._dynamo.reset()


@pytest.mark.slow
def test_a_wrong_count_in_a_compiled_mask_assignment_raises():
    """Compiled, NumPy's count check (a host read) is torch's index_put's: an error, never a
    silently wrong result (torch's RuntimeError, docs/differences.md)."""
    def assign(a, b):
        c = a.copy()
        c[a > 0] = b
        return c
    torch._dynamo.reset()
    compiled = np.compile(assign, backend=COMPILE_BACKEND)
    a = np.asarray([1.0, -1.0, 2.0])
    assert_matches(compiled(a, np.asarray([5.0, 6.0])), numpy.array([5.0, -1.0, 6.0]))
    with pytest.raises(RuntimeError, match="shape mismatch"):
        compiled(a, np.asarray([5.0, 6.0, 7.0]))
    torch._dynamo.reset()
