"""``python -m torchnp demo``: the classic NumPy two-layer network, run with NumPy and torchnp.

The training loop is plain NumPy code; it runs unchanged with either module as ``np``.
"""
import functools
import statistics
import time

import numpy
import torch

import torchnp

WARM_RUNS = 3


def step(np, x, y, w1, w2, learning_rate):
    """One step of gradient descent, backward pass by hand; return (new w1, new w2, loss)."""
    h = x.dot(w1)
    h_relu = np.maximum(h, 0)
    y_pred = h_relu.dot(w2)
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.T.dot(grad_y_pred)
    grad_h_relu = grad_y_pred.dot(w2.T)
    grad_h = grad_h_relu.copy()
    grad_h[h < 0] = 0
    grad_w1 = x.T.dot(grad_h)
    return w1 - learning_rate * grad_w1, w2 - learning_rate * grad_w2, loss


def train(np, x, y, w1, w2, steps=300, learning_rate=1e-6, step_fn=None):
    """Fit a two-layer ReLU network by hand-written backprop; return (first loss, last loss).
    ``step_fn(x, y, w1, w2, learning_rate)``: the step to run (default: ``step`` with ``np``)."""
    step_fn = step_fn or functools.partial(step, np)
    losses = []
    for _ in range(steps):
        w1, w2, loss = step_fn(x, y, w1, w2, learning_rate)
        losses.append(loss)
    return float(losses[0]), float(losses[-1])


def train_autograd(x, y, w1, w2, steps=300, learning_rate=1e-6, functional=False):
    """``train`` with torchnp arrays and the gradients from autograd instead of the hand-written
    backward pass: ``loss.backward()``, or ``torchnp.value_and_grad`` when ``functional``.
    Return ((first loss, last loss), (w1, w2)), the trained weights."""
    w1 = torchnp.array(w1, requires_grad=not functional)
    w2 = torchnp.array(w2, requires_grad=not functional)

    def loss_fn(w1, w2):
        y_pred = torchnp.maximum(x.dot(w1), 0).dot(w2)
        return torchnp.square(y_pred - y).sum()

    value_and_grad = torchnp.value_and_grad(loss_fn, argnums=(0, 1))
    losses = []
    for _ in range(steps):
        if functional:
            loss, (grad_w1, grad_w2) = value_and_grad(w1, w2)
        else:
            loss = loss_fn(w1, w2)
            loss.backward()
            grad_w1, grad_w2 = w1.grad, w2.grad
            w1.grad = w2.grad = None
        losses.append(loss.detach())
        with torchnp.no_grad():
            w1 -= learning_rate * grad_w1
            w2 -= learning_rate * grad_w2
    return (float(losses[0]), float(losses[-1])), (w1.detach(), w2.detach())


def main(steps=300):
    rng = numpy.random.default_rng(0)
    n, d_in, hidden, d_out = 64, 1000, 100, 10
    data = [rng.standard_normal(shape) for shape in
            ((n, d_in), (n, d_out), (d_in, hidden), (hidden, d_out))]
    print(f"a two-layer network, {steps} steps of the same NumPy-style loop; times: the first run "
          f"(start-up, compilation) and the median of {WARM_RUNS} warm runs")
    warm, finals = {}, {}
    for name, run in _variants(data, steps):
        first, (loss0, loss1) = _timed(run)
        warm[name] = statistics.median(_timed(run)[0] for _ in range(WARM_RUNS))
        finals[name] = loss1
        print(f"{name:24s} loss {loss0:14.6f} -> {loss1:12.6f}   first {first * 1e3:9.1f} ms   "
              f"warm {warm[name] * 1e3:8.1f} ms")
    rel = max(abs(v - finals["numpy"]) / abs(finals["numpy"]) for v in finals.values())
    print(f"final losses agree to a relative {rel:.1e}")
    fastest = min(warm, key=warm.get)
    print(f"fastest warm: {fastest} ({warm['numpy'] / warm[fastest]:.2f}x NumPy)")
    return 0 if rel < 1e-9 else 1


def torchnp_step(x, y, w1, w2, learning_rate):
    """``step`` written with torchnp: the function ``torchnp.compile`` compiles."""
    return step(torchnp, x, y, w1, w2, learning_rate)


def _variants(data, steps):
    """(name, run) pairs: the same loop run each way; ``run()`` returns (first, last) loss."""
    def on(device):
        return [torchnp.asarray(a, device=device) for a in data]

    compiled = torchnp.compile(torchnp_step)
    variants = [("numpy", lambda: train(numpy, *data, steps=steps))]
    for device in ["cpu"] + (["cuda"] if torch.cuda.is_available() else []):
        arrays = on(device)
        where = "" if device == "cpu" else f" ({device})"
        variants += [
            (f"torchnp{where}", lambda a=arrays: train(torchnp, *a, steps=steps)),
            (f"torchnp autograd{where}", lambda a=arrays: train_autograd(*a, steps=steps)[0]),
            (f"torchnp.compile{where}",
             lambda a=arrays: train(torchnp, *a, steps=steps, step_fn=compiled)),
        ]
    return variants


def _timed(run):
    start = time.perf_counter()
    result = run()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return time.perf_counter() - start, result
