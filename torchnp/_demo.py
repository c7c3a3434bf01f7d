"""``python -m torchnp demo``: the classic NumPy two-layer network, run with NumPy and torchnp.

The training loop is plain NumPy code; it runs unchanged with either module as ``np``.
"""
import time

import numpy

import torchnp


def train(np, x, y, w1, w2, steps=300, learning_rate=1e-6):
    """Fit a two-layer ReLU network by hand-written backprop; return (first loss, last loss)."""
    w1, w2 = w1.copy(), w2.copy()
    losses = []
    for _ in range(steps):
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        loss = np.square(y_pred - y).sum()
        losses.append(loss)
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
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
    results = {}
    for name, module, arrays in (("numpy", numpy, data),
                                 ("torchnp", torchnp, [torchnp.asarray(a) for a in data])):
        start = time.perf_counter()
        results[name] = train(module, *arrays, steps=steps)
        elapsed = time.perf_counter() - start
        first, last = results[name]
        print(f"{name:8s} loss {first:14.6f} -> {last:12.6f}   {elapsed * 1e3:8.1f} ms "
              f"for {steps} steps")
    rel = abs(results["torchnp"][1] - results["numpy"][1]) / abs(results["numpy"][1])
    print(f"final losses agree to a relative {rel:.1e}")
    return 0 if rel < 1e-9 else 1
