"""Autograd, a torchnp extension: ``requires_grad=``, ``.grad``, ``.backward()``, ``.detach()``,
``no_grad`` / ``enable_grad``, the transforms ``grad``, ``value_and_grad``, ``jacobian``,
``hessian``, ``vmap`` (torchnp/autograd.py), in-place writes into leaves that require grad, and
the demo's network trained with autograd.

NumPy has no gradients, so the oracle is NumPy arithmetic: analytic derivatives written with
NumPy, central differences of the same function run by NumPy, and NumPy's hand-written backprop.
"""
import io

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, to_numpy
from torchnp import _demo

RNG = numpy.random.default_rng(0)
X = RNG.standard_normal((2, 3, 4))
A = RNG.standard_normal((3, 3)) + 3 * numpy.eye(3)


def close(actual, expected, rtol=1e-7, atol=1e-9):
    assert isinstance(actual, torchnp.ndarray), f"expected a torchnp.ndarray, got {actual!r}"
    numpy.testing.assert_allclose(to_numpy(actual), expected, rtol=rtol, atol=atol)


# ----- creation, attributes, backward ------------------------------------------------------------
CREATION = {
    "array": lambda m, **k: m.array([1.0, 2.0], **k),
    "asarray": lambda m, **k: m.asarray(numpy.arange(3.0), **k),
    "zeros": lambda m, **k: m.zeros((2, 2), **k),
    "ones": lambda m, **k: m.ones(3, **k),
    "empty": lambda m, **k: m.empty((0, 2), **k),
    "full": lambda m, **k: m.full((2,), 1.5, **k),
    "zeros_like": lambda m, **k: m.zeros_like(m.ones(3), **k),
    "ones_like": lambda m, **k: m.ones_like(m.ones(3), **k),
    "full_like": lambda m, **k: m.full_like(m.ones(3), 2.5, **k),
    "arange": lambda m, **k: m.arange(0.0, 3.0, **k),
    "linspace": lambda m, **k: m.linspace(0, 1, 5, **k),
    "logspace": lambda m, **k: m.logspace(0, 1, 3, **k),
    "eye": lambda m, **k: m.eye(3, **k),
    "identity": lambda m, **k: m.identity(2, **k),
    "tri": lambda m, **k: m.tri(3, **k),
    "fromiter": lambda m, **k: m.fromiter(iter([1.0, 2.0]), float, **k),
    "loadtxt": lambda m, **k: m.loadtxt(io.StringIO("1 2\n3 4"), **k),
    "genfromtxt": lambda m, **k: m.genfromtxt(io.StringIO("1,2\n3,"), delimiter=",", **k),
    "frombuffer": lambda m, **k: m.frombuffer(numpy.arange(3.0).tobytes(), **k),
    "fromstring": lambda m, **k: m.fromstring("1 2 3", sep=" ", **k),
}


@pytest.mark.parametrize("name", CREATION)
def test_creation_requires_grad(name):
    a = CREATION[name](torchnp, requires_grad=True)
    expected = CREATION[name](numpy)
    assert a.requires_grad
    assert_matches_numpy(a.detach(), expected)
    (a * 2).sum().backward()
    assert_matches_numpy(a.grad, numpy.full(expected.shape, 2.0))
    assert not CREATION[name](torchnp).requires_grad


def test_fromfile_requires_grad(tmp_path):
    numpy.arange(4.0).tofile(tmp_path / "x.bin")
    a = torchnp.fromfile(tmp_path / "x.bin", requires_grad=True)
    assert a.requires_grad
    (a * 3).sum().backward()
    assert_matches_numpy(a.grad, numpy.full(4, 3.0))
    with pytest.raises(TypeError, match="floating point and complex"):
        torchnp.fromfile(tmp_path / "x.bin", dtype=numpy.int64, requires_grad=True)


@pytest.mark.parametrize("make", [lambda: torchnp.arange(3, requires_grad=True),
                                  lambda: torchnp.asarray([1, 2], requires_grad=True),
                                  lambda: torchnp.zeros(2, dtype=bool, requires_grad=True)])
def test_creation_requires_grad_of_integers_raises(make):
    with pytest.raises(TypeError, match="floating point and complex"):
        make()


def test_requires_grad_setter():
    a = torchnp.arange(3.0)
    a.requires_grad = True
    assert a.requires_grad and a.requires_grad_(False) is a and not a.requires_grad
    with pytest.raises(TypeError, match="int64"):
        torchnp.arange(3).requires_grad = True
    b = torchnp.ones(2, requires_grad=True) * 2
    with pytest.raises(ValueError, match="leaf"):
        b.requires_grad = False


@pytest.mark.filterwarnings("ignore:Using backward\\(\\) with create_graph")
def test_backward_grad_and_its_options():
    x = numpy.array([0.5, -1.0, 2.0])
    a = torchnp.asarray(x, requires_grad=True)
    assert a.grad is None
    loss = (torchnp.sin(a) * a).sum()
    loss.backward(retain_graph=True)
    close(a.grad, numpy.cos(x) * x + numpy.sin(x))
    assert type(a.grad) is torchnp.ndarray and a.grad.dtype == numpy.float64
    loss.backward()                                     # gradients accumulate, as in torch
    close(a.grad, 2 * (numpy.cos(x) * x + numpy.sin(x)))
    a.grad = None
    torchnp.exp(a).backward(gradient=numpy.array([1.0, 2.0, 3.0]))
    close(a.grad, numpy.exp(x) * [1, 2, 3])
    a.grad = None
    (a ** 3).sum().backward(create_graph=True)          # a second derivative through .grad
    first = a.grad
    close(first, 3 * x ** 2)
    a.grad = None
    first.sum().backward()
    close(a.grad, 6 * x)


@pytest.mark.parametrize("call, words", [
    (lambda: torchnp.ones(3).sum().backward(), "does not require grad"),
    (lambda: (torchnp.ones(3, requires_grad=True) * 2).backward(),
     "shape \\(3,\\)\\) needs gradient="),
    (lambda: (torchnp.ones(3, requires_grad=True) * 2).backward(numpy.ones(2)), "shape"),
])
def test_backward_errors(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_backward_twice_without_retain_graph():
    w = torchnp.ones(2, requires_grad=True)
    loss = (w * w).sum()
    loss.backward()
    with pytest.raises(ValueError, match="backward through the graph a second time"):
        loss.backward()


def test_detach_shares_data_without_grad():
    a = torchnp.ones(3, requires_grad=True)
    d = a.detach()
    assert not d.requires_grad and d.base is a
    assert torchnp.shares_memory(a, d)
    d[0] = 5.0                                          # a write through the detached view
    assert_matches_numpy(a.detach(), numpy.array([5.0, 1.0, 1.0]))


def test_no_grad_and_enable_grad():
    w = torchnp.ones(2, requires_grad=True)
    with torchnp.no_grad():
        assert not (w * 2).requires_grad
        with torchnp.enable_grad():
            assert (w * 2).requires_grad

    @torchnp.no_grad()
    def double(v):
        return v * 2
    assert not double(w).requires_grad and (w * 2).requires_grad


# ----- in-place writes into a leaf that requires grad -------------------------------------------
WRITES = {
    "iadd": lambda m, a: a.__iadd__(1),
    "isub_array": lambda m, a: a.__isub__(m.ones(3) * 0.5),
    "imul_float": lambda m, a: a.__imul__(0.5),
    "setitem_int": lambda m, a: a.__setitem__(0, 1.0),
    "setitem_slice": lambda m, a: a.__setitem__((slice(None), 0), 1.0),
    "setitem_mask": lambda m, a: a.__setitem__(numpy.eye(2, 3, dtype=bool), 2.0),
    "setitem_fancy": lambda m, a: a.__setitem__([0], m.zeros(3)),
    "setitem_view": lambda m, a: a.T.__setitem__(0, 3.0),
    "view_iadd": lambda m, a: a[0].__iadd__(1.0),
    "out_ufunc": lambda m, a: m.add(m.ones((2, 3)), 1, out=a),
    "out_matmul": lambda m, a: m.matmul(m.ones((2, 2)), m.ones((2, 3)), out=a),
    "out_sum": lambda m, a: m.sum(m.ones((4, 2, 3)), axis=0, out=a),
    "out_clip": lambda m, a: m.clip(m.ones((2, 3)) * 3, 0, 2, out=a),
    "fill": lambda m, a: a.fill(3.0),
    "copyto": lambda m, a: m.copyto(a, 2.0),
    "copyto_where": lambda m, a: m.copyto(a, 2.0, where=numpy.eye(2, 3, dtype=bool)),
    "put": lambda m, a: m.put(a, [0, 4], 5.0),
    "place": lambda m, a: m.place(a, numpy.eye(2, 3, dtype=bool), [7.0]),
    "putmask": lambda m, a: m.putmask(a, numpy.eye(2, 3, dtype=bool), 1.0),
    "put_along_axis": lambda m, a: m.put_along_axis(a, numpy.zeros((2, 1), int), 1.0, axis=1),
    "fill_diagonal": lambda m, a: m.fill_diagonal(a, 0.0),
    "sort": lambda m, a: a.sort(),
    "flat": lambda m, a: a.flat.__setitem__(1, 4.0),
    "real": lambda m, a: setattr(a, "real", 1.0),
}


@pytest.mark.parametrize("name", WRITES)
def test_inplace_write_into_leaf_requiring_grad(name):
    start = numpy.arange(6.0).reshape(2, 3)[:, ::-1].copy()
    w = torchnp.array(start, requires_grad=True)
    with pytest.raises(ValueError, match="in place into an array that requires grad"):
        WRITES[name](torchnp, w)
    assert_matches_numpy(w.detach(), start)             # nothing written
    expected = start.copy()
    WRITES[name](numpy, expected)
    with torchnp.no_grad():                             # how a training step updates weights
        WRITES[name](torchnp, w)
    assert_matches_numpy(w.detach(), expected)
    assert w.requires_grad


# ----- the transforms ----------------------------------------------------------------------------
def test_grad_matches_analytic_derivative():
    x = numpy.linspace(-1, 1, 5)
    g = torchnp.grad(lambda a: (torchnp.sin(a) ** 2).sum())
    close(g(torchnp.asarray(x)), 2 * numpy.sin(x) * numpy.cos(x))
    close(g(x), 2 * numpy.sin(x) * numpy.cos(x))                     # a NumPy array in
    close(torchnp.grad(lambda a: a ** 3)(2.0), numpy.array(12.0))   # a Python float in
    close(torchnp.grad(lambda a: (a * a).sum())(numpy.ones((1, 1))), 2 * numpy.ones((1, 1)))


def test_grad_argnums_has_aux_and_pytrees():
    x, y = numpy.array([1.0, 2.0]), numpy.array([3.0, -1.0])
    gx, gy = torchnp.grad(lambda a, b: (a * b ** 2).sum(), argnums=(0, 1))(x, y)
    close(gx, y ** 2)
    close(gy, 2 * x * y)
    close(torchnp.grad(lambda a, b: (a * b).sum(), argnums=-1)(x, y), x)
    g, aux = torchnp.grad(lambda a: ((a ** 2).sum(), {"double": a * 2}), has_aux=True)(x)
    close(g, 2 * x)
    close(aux["double"], 2 * x)
    tree = {"w": x, "b": [y, 2.0]}
    gt = torchnp.grad(lambda p: (p["w"] * p["b"][0]).sum() * p["b"][1])(tree)
    close(gt["w"], 2 * y)
    close(gt["b"][0], 2 * x)
    close(gt["b"][1], numpy.array((x * y).sum()))


def test_value_and_grad():
    x = numpy.array([0.5, 1.5])
    value, g = torchnp.value_and_grad(lambda a: torchnp.exp(a).sum())(x)
    close(value, numpy.array(numpy.exp(x).sum()))
    close(g, numpy.exp(x))
    (value, aux), g = torchnp.value_and_grad(lambda a: (a.sum(), a.max()), has_aux=True)(x)
    close(value, numpy.array(2.0))
    close(aux, numpy.array(1.5))
    close(g, numpy.ones(2))


def test_jacobian_and_hessian():
    x = numpy.array([0.3, -0.7, 1.1])
    close(torchnp.jacobian(torchnp.sin)(x), numpy.diag(numpy.cos(x)))
    jac = torchnp.jacobian(lambda a, m: m @ a, argnums=(0, 1))(x, A)
    close(jac[0], A)
    close(jac[1], numpy.einsum("ij,k->ijk", numpy.eye(3), x))
    close(torchnp.hessian(lambda a: (a ** 3).sum())(x), numpy.diag(6 * x))
    close(torchnp.hessian(lambda a: a @ torchnp.asarray(A) @ a)(x), A + A.T)


@pytest.mark.parametrize("call, words", [
    (lambda: torchnp.grad(lambda a: a ** 2)(3), "argument 0 has dtype int64"),
    (lambda: torchnp.grad(lambda a, b: a * b, argnums=1)(2.0, numpy.arange(3)), "argument 1"),
    (lambda: torchnp.grad(lambda a: a * 2)(numpy.ones(3)), "scalar-output.*shape: \\(3,\\)"),
    (lambda: torchnp.grad(lambda a: (a > 0).sum())(numpy.ones(3)), "real-valued outputs"),
    (lambda: torchnp.grad(lambda a: 1.0)(numpy.ones(3)), "must return a torchnp array"),
    (lambda: torchnp.grad(lambda a: a.sum(), has_aux=True)(numpy.ones(3)), "pair"),
    (lambda: torchnp.jacobian(torchnp.sin)(numpy.arange(3)), "jacobian requires floating"),
])
def test_transform_errors(call, words):
    with pytest.raises(TypeError, match=words):
        call()


def test_printing_and_host_copies_inside_grad(capsys):
    def f(a):
        print(a, repr(a[0]))
        return (a * numpy.asarray(a)[0]).sum()     # NumPy's copy: a constant for autograd
    close(torchnp.grad(f)(numpy.array([2.0, 3.0])), numpy.array([2.0, 2.0]))
    assert capsys.readouterr().out == "[2. 3.] np.float64(2.0)\n"


def test_argnums_out_of_range():
    with pytest.raises(ValueError, match="argnums"):
        torchnp.grad(lambda a: a.sum(), argnums=2)(numpy.ones(2))


def test_vmap():
    xs = RNG.standard_normal((4, 2, 3))
    ys = RNG.standard_normal((4, 3))
    out = torchnp.vmap(lambda x, y: x @ y)(xs, ys)
    assert_matches_numpy(out, numpy.einsum("bij,bj->bi", xs, ys))
    out = torchnp.vmap(lambda x, y: x @ y, in_axes=(0, None))(xs, ys[0])
    assert_matches_numpy(out, xs @ ys[0])
    out = torchnp.vmap(lambda x: x.sum(axis=0), in_axes=1, out_axes=1)(xs)
    assert_matches_numpy(out, xs.sum(axis=0).T)
    per_example = torchnp.vmap(torchnp.grad(lambda w, x: ((x @ w) ** 2).sum()), (None, 0))
    w = numpy.array([1.0, -2.0, 0.5])
    expected = numpy.stack([2 * (x @ w) @ x for x in xs])
    close(per_example(w, xs), expected)


@pytest.mark.parametrize("fn, words", [
    (lambda x: torchnp.nonzero(x)[0], "value-dependent shape"),
    (lambda x: x[x > 0], "value-dependent shape"),
    (lambda x: torchnp.unique(x), "value-dependent shape"),
    (lambda x: float(x[0, 0]) * x, "Python number"),
    (lambda x: torchnp.pad(x, 1), "writes batched values into an array made inside"),
    (lambda x: torchnp.full(3, x[0, 0]), "writes batched values into an array made inside"),
    (lambda x: torchnp.emath.sqrt(x), "reads array values on the host"),
    (lambda x: (print(x), x)[1], "printing"),
])
def test_vmap_of_value_dependent_functions_raises(fn, words):
    with pytest.raises(TypeError, match=f"vmap cannot batch <lambda>: .*{words}"):
        torchnp.vmap(fn)(numpy.ones((2, 2, 3)))


# Functions written with torchnp (``m`` is the module), differentiated and batched over X; the
# oracles are central differences and a loop of the same function run by NumPy.
FUNCTIONS = {
    "ufuncs": lambda m, x: m.exp(m.sin(x)) * m.tanh(x) + m.log1p(x ** 2) - m.maximum(x, 0.1)
    / (1 + m.abs(x)),
    "sum_axis": lambda m, x: x.sum(axis=(0, 2)) * 2 + m.mean(x, axis=1, keepdims=True).sum(),
    "max_min": lambda m, x: m.max(x, axis=-1) + m.min(x, axis=0).sum(),
    "std_var": lambda m, x: m.std(x, axis=1) + m.var(x),
    "prod_cumsum": lambda m, x: m.prod(x, axis=0) + m.cumsum(x, axis=2)[1],
    "index_basic": lambda m, x: x[0, 1:, ::2] * x[1, :2, 1:3],
    "index_int": lambda m, x: x[:, [0, 2, 1]] + x[numpy.array([1, 0])][..., 0:1],
    "index_newaxis": lambda m, x: x[..., 1] - x[None, 1, :, 2],
    "matmul": lambda m, x: x @ x.transpose(0, 2, 1),
    "dot_einsum": lambda m, x: m.dot(x[0], x[1].T) + m.einsum("ijk,ijk->j", x, x),
    "where": lambda m, x: m.where(x > 0, x, x * 0.1),
    "clip": lambda m, x: m.clip(x, -0.5, 0.5),
    "reshape": lambda m, x: x.reshape(6, 4) @ m.reshape(x.T, (4, 6)),
    "reshape_noncontiguous": lambda m, x: x.transpose(2, 0, 1).reshape(4, 6),
    "ravel_flatten": lambda m, x: x.T.ravel() + x.flatten(),
    "concatenate_stack": lambda m, x: m.concatenate([x, x * 2], axis=1)
    + m.stack([x, x], axis=1).sum(axis=1).repeat(2, axis=1),
    "norm": lambda m, x: m.linalg.norm(x, axis=-1) + m.linalg.norm(x[0]),
    "solve": lambda m, x: m.linalg.solve(A + x[0, :, :3] * 0.1, x[1, :, 0]),
    "inv_det": lambda m, x: m.linalg.inv(A + x[0, :, :3] * 0.1) * m.linalg.det(A + x[1, :, :3]),
    "logsumexp": lambda m, x: x.max(axis=-1) + m.log(m.exp(x - x.max(axis=-1)[..., None])
                                                     .sum(axis=-1)),
    "softmax": lambda m, x: m.exp(x) / m.exp(x).sum(axis=-1, keepdims=True),
    "flip_roll": lambda m, x: m.flip(x, axis=1) + m.roll(x, 1, axis=2),
    "tile_broadcast": lambda m, x: m.tile(x[0], (2, 1)) + m.broadcast_to(x[0, 0], (6, 4)),
    "sort": lambda m, x: m.sort(x, axis=-1) * m.arange(4.0),
    "diff_trapezoid": lambda m, x: m.diff(x, axis=-1).sum() + m.trapezoid(x, axis=-1),
    "copy_astype": lambda m, x: m.copy(x) + x.copy() * x.astype(m.complex128).real,
    "split": lambda m, x: m.split(x, 2, axis=-1)[0] * m.array_split(x, 2, axis=-1)[1],
    "trace_diagonal": lambda m, x: m.trace(x[0, :, :3]) + m.diagonal(x, axis1=1, axis2=2),
    "median_quantile": lambda m, x: m.median(x, axis=-1) + m.quantile(x, 0.3, axis=-1),
    "cov": lambda m, x: m.cov(x[0]),
    "polyval": lambda m, x: m.polyval(x[0, 0], x[1]),
    "rfft": lambda m, x: m.abs(m.fft.rfft(x, axis=-1)),
    "take": lambda m, x: m.take(x, [0, 2], axis=1) + m.take_along_axis(
        x, numpy.zeros((2, 1, 4), int), axis=1),
    "moveaxis": lambda m, x: m.moveaxis(x, 0, -1) + m.swapaxes(x, 0, 2).transpose(1, 0, 2),
    "steps": lambda m, x: x // 0.7 + m.heaviside(x, 0.5) * x + m.divmod(x, 0.3)[1],
}


def central_differences(fn, x, eps=1e-6):
    """d(sum(fn(x) ** 2)) / dx by NumPy."""
    g = numpy.empty_like(x)
    for i in numpy.ndindex(x.shape):
        hi, lo = x.copy(), x.copy()
        hi[i] += eps
        lo[i] -= eps
        g[i] = ((fn(numpy, hi) ** 2).sum() - (fn(numpy, lo) ** 2).sum()) / (2 * eps)
    return g


@pytest.mark.parametrize("name", FUNCTIONS)
def test_grad_of_functions_matches_central_differences(name):
    fn = FUNCTIONS[name]
    g = torchnp.grad(lambda x: (fn(torchnp, x) ** 2).sum())(X)
    close(g, central_differences(fn, X), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_vmap_of_functions_matches_a_loop(name):
    fn = FUNCTIONS[name]
    xs = numpy.stack([X, X * 0.5 + 0.1, -X])
    expected = numpy.stack([fn(numpy, x) for x in xs])
    assert_matches_numpy(torchnp.vmap(lambda x: fn(torchnp, x))(xs), expected,
                         rtol=1e-12, atol=1e-12)


# ----- the seed example: the demo's network, trained with autograd ------------------------------
def numpy_training(x, y, w1, w2, steps, learning_rate):
    """The demo's hand-written backprop in NumPy; returns the trained weights (the oracle)."""
    w1, w2 = w1.copy(), w2.copy()
    for _ in range(steps):
        h = x @ w1
        grad_pred = 2.0 * (numpy.maximum(h, 0) @ w2 - y)
        grad_w2 = numpy.maximum(h, 0).T @ grad_pred
        grad_w1 = x.T @ ((grad_pred @ w2.T) * (h >= 0))
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
    return w1, w2


@pytest.mark.parametrize("functional", [False, True], ids=["backward", "value_and_grad"])
def test_demo_network_trained_with_autograd_matches_handwritten(functional):
    rng = numpy.random.default_rng(1)
    x, y, w1, w2 = (rng.standard_normal(s) for s in ((64, 200), (64, 10), (200, 50), (50, 10)))
    steps, lr = 25, 1e-5
    losses, (t1, t2) = _demo.train_autograd(torchnp.asarray(x), torchnp.asarray(y), w1, w2,
                                            steps=steps, learning_rate=lr, functional=functional)
    e1, e2 = numpy_training(x, y, w1, w2, steps, lr)
    close(t1, e1, rtol=1e-9, atol=1e-12)
    close(t2, e2, rtol=1e-9, atol=1e-12)
    first, last = _demo.train(numpy, x, y, w1, w2, steps=steps, learning_rate=lr)
    numpy.testing.assert_allclose(losses, (first, last), rtol=1e-9)
    assert last < first
