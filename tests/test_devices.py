"""The device rule (DESIGN.md decision 6; its one home is the device section of
``torchnp/_core/convert.py``): arrays on two devices raise ValueError naming both; host data
(Python scalars, lists, NumPy arrays) and a 0-d array on the CPU go to the device of the arrays
they meet, as torch lets a 0-d CPU tensor join tensors on any device; ``out=`` never moves.

``tests/test_ops.py::test_mixed_devices`` moves one array of each operator's sample; these cases
reach what it does not: ``out=`` / ``where=`` / ``initial=`` / ``mean=`` of reductions, indexing,
assignment, nested sequences, and the operands that mix freely. The second device is cuda when
there is one, else ``meta`` (no data: there results are checked by device, dtype and shape against
NumPy's on the same data; on cuda by value too).
"""
import inspect

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy
from opinfo.checks import on_meta_or_cuda

OTHER = on_meta_or_cuda()


def _cpu(x):
    return torchnp.asarray(numpy.asarray(x))


def _other(x):
    return torchnp.asarray(torch.from_numpy(numpy.asarray(x)).to(OTHER))


def _setitem(a, key, value):
    a[key] = value
    return a


def _set_real(a, value):
    a.real = value
    return a


_X = numpy.array([1.0, 2.0, 3.0])
_M = numpy.array([True, False, True])

# (id, call(cpu, other)): ``cpu(x)`` / ``other(x)`` make an array of NumPy data ``x`` on the CPU /
# on the other device. Each call mixes an array on the other device with arrays on the CPU.
MIXED = [
    ("ufunc-out", lambda c, o: torchnp.add(c(_X), c(_X), out=o(numpy.zeros(3)))),
    ("ufunc-where", lambda c, o: torchnp.add(c(_X), c(_X), where=o(_M))),
    ("ufunc-0d-not-on-cpu", lambda c, o: torchnp.add(c(_X), o(numpy.array(2.0)))),
    ("ufunc-0d-not-on-cpu-general", lambda c, o: torchnp.add(c(_X), o(numpy.array(2.0)),
                                                             dtype="float32")),
    ("sum-out", lambda c, o: torchnp.sum(c(_X), out=o(numpy.zeros(())))),
    ("mean-out", lambda c, o: torchnp.mean(c(_X), out=o(numpy.zeros(())))),
    ("std-out", lambda c, o: torchnp.std(c(_X), out=o(numpy.zeros(())))),
    ("argmax-out", lambda c, o: torchnp.argmax(c(_X), out=o(numpy.zeros((), numpy.int64)))),
    ("nanmax-out", lambda c, o: torchnp.nanmax(c(_X), out=o(numpy.zeros(())))),
    ("cumsum-out", lambda c, o: torchnp.cumsum(c(_X), out=o(numpy.zeros(3)))),
    ("add.reduce-out", lambda c, o: torchnp.add.reduce(c(_X), out=o(numpy.zeros(())))),
    ("dot-out", lambda c, o: torchnp.dot(c(numpy.eye(2)), c(numpy.eye(2)),
                                         out=o(numpy.zeros((2, 2))))),
    ("concatenate-out", lambda c, o: torchnp.concatenate([c(_X), c(_X)],
                                                         out=o(numpy.zeros(6)))),
    ("sum-where", lambda c, o: torchnp.sum(c(_X), where=o(_M))),
    ("mean-where", lambda c, o: torchnp.mean(c(_X), where=o(_M))),
    ("max-initial", lambda c, o: torchnp.max(c(_X), initial=o(numpy.array(0.0)))),
    ("var-mean", lambda c, o: torchnp.var(c(_X), mean=o(numpy.array([2.0])))),
    ("getitem-int-array", lambda c, o: c(_X)[o(numpy.array([0, 2]))]),
    ("getitem-mask", lambda c, o: c(_X)[o(_M)]),
    ("getitem-mask-on-other", lambda c, o: o(_X)[c(_M)]),
    ("getitem-int-array-on-other", lambda c, o: o(_X)[c(numpy.array([0, 2]))]),
    ("getitem-tuple", lambda c, o: c(numpy.ones((2, 3)))[0, o(numpy.array([0, 2]))]),
    ("setitem-value", lambda c, o: _setitem(c(_X), slice(None), o(_X))),
    ("setitem-key", lambda c, o: _setitem(c(_X), o(numpy.array([0, 2])), 1.0)),
    ("set-real", lambda c, o: _set_real(c(_X.astype(complex)), o(_X))),
    ("array-of-arrays", lambda c, o: torchnp.array([c(_X), o(_X)])),
    ("where-condition", lambda c, o: torchnp.where(o(_M), c(_X), 0.0)),
    ("clip-bound", lambda c, o: torchnp.clip(c(_X), o(numpy.zeros(3)), 2.0)),
    ("copyto-where", lambda c, o: torchnp.copyto(c(_X), 1.0, where=o(_M))),
    ("put-indices", lambda c, o: torchnp.put(c(_X), o(numpy.array([0])), 5.0)),
    ("place-mask", lambda c, o: torchnp.place(c(_X), o(_M), [5.0])),
    ("putmask-mask", lambda c, o: torchnp.putmask(c(_X), o(_M), 5.0)),
    ("repeat-counts", lambda c, o: torchnp.repeat(c(_X), o(numpy.array([1, 2, 1])))),
    ("delete-obj", lambda c, o: torchnp.delete(c(_X), o(numpy.array([0])))),
    ("insert-values", lambda c, o: torchnp.insert(c(_X), 1, o(numpy.array([5.0, 6.0])))),
    ("searchsorted-sorter", lambda c, o: torchnp.searchsorted(c(_X), 2.0,
                                                              sorter=o(numpy.arange(3)))),
    ("lexsort-keys", lambda c, o: torchnp.lexsort([c(_X), o(_X)])),
]


# torch reads an index on the meta device into CPU data without an error (garbage values), and
# the ``a[int_array]`` fast path leaves that device check to torch, which makes it on real devices.
_TORCH_CHECKS = {"getitem-int-array"}


@pytest.mark.parametrize("call", [
    pytest.param(c, marks=pytest.mark.skipif(
        OTHER == "meta" and i in _TORCH_CHECKS,
        reason="torch checks this device pair itself, but not for meta (see _TORCH_CHECKS)"))
    for i, c in MIXED], ids=[i for i, _ in MIXED])
def test_mixing_devices_raises_naming_both(call):
    with pytest.raises(ValueError, match="different devices") as info:
        call(_cpu, _other)
    assert "cpu" in str(info.value) and OTHER in str(info.value)


# (id, call(xp, cpu, other)): NumPy runs it with ``cpu`` and ``other`` both ``numpy.asarray``;
# torchnp with host data and 0-d CPU arrays meeting arrays on the other device.
FREE = [
    ("ufunc-0d-cpu", lambda xp, c, o: xp.add(o(_X), c(numpy.array(2.0)))),
    ("ufunc-0d-cpu-first", lambda xp, c, o: xp.multiply(c(numpy.array(2)), o(_X))),
    ("ufunc-0d-cpu-general", lambda xp, c, o: xp.add(o(_X), c(numpy.array(2.0)),
                                                     dtype="float32")),
    ("ufunc-list-out", lambda xp, c, o: xp.add([1.0, 2.0, 3.0], 1, out=o(numpy.zeros(3)))),
    ("ufunc-0d-where", lambda xp, c, o: xp.add(o(_X), 1.0, out=o(numpy.zeros(3)),
                                               where=c(numpy.array(True)))),
    ("ufunc-numpy-array", lambda xp, c, o: xp.subtract(o(_X), numpy.array([3.0, 2.0, 1.0]))),
    ("where-0d-and-scalar", lambda xp, c, o: xp.where(o(_M), c(numpy.array(7.0)), 1.5)),
    ("clip-0d-bounds", lambda xp, c, o: xp.clip(o(_X), c(numpy.array(1.5)), 2)),
    ("dot-0d", lambda xp, c, o: xp.dot(o(_X), c(numpy.array(2.0)))),
    ("sum-initial-0d", lambda xp, c, o: xp.sum(o(_X), initial=c(numpy.array(1.0)))),
    ("max-where-list", lambda xp, c, o: xp.max(o(_X), where=[True, False, True], initial=0.0)),
    ("append-list", lambda xp, c, o: xp.append(o(_X), [4.0, 5.0])),
    ("concatenate-list", lambda xp, c, o: xp.concatenate([o(_X), [4.0]])),
    ("array-of-array-and-list", lambda xp, c, o: xp.array([o(_X), [4.0, 5.0, 6.0]])),
    ("take-list", lambda xp, c, o: xp.take(o(_X), [0, 2], mode="clip")),   # (no host read)
    ("setitem-0d", lambda xp, c, o: _setitem(o(_X), slice(None), c(numpy.array(9.0)))),
    ("copyto-0d", lambda xp, c, o: _copyto(xp, o(_X), c(numpy.array(4.0)))),
]


def _copyto(xp, dst, src):
    xp.copyto(dst, src)
    return dst


@pytest.mark.parametrize("call", [c for _, c in FREE], ids=[i for i, _ in FREE])
def test_host_data_and_cpu_0d_arrays_mix_freely(call):
    expected = call(numpy, numpy.asarray, numpy.asarray)
    res = call(torchnp, _cpu, _other)
    assert res.tensor.device.type == OTHER
    if OTHER == "meta":
        assert (res.dtype, res.shape) == (expected.dtype, expected.shape)
    else:
        assert_matches_numpy(res, expected)


def test_out_never_moves():
    """A result whose inputs are all host data or 0-d CPU arrays is computed on the device of
    ``out=`` (the ufuncs), or refused where the result already exists elsewhere (reductions)."""
    out = _other(numpy.zeros(2))
    assert torchnp.add(numpy.ones(2), _cpu(numpy.array(1.0)), out=out) is out
    with pytest.raises(ValueError, match="different devices"):
        torchnp.sum(numpy.ones((2, 2)), axis=0, out=out)


# ----- device= on every creation function ---------------------------------------------------------
# (name, call(xp, **device)): one call per function with a ``device=`` parameter, run by NumPy with
# ``device="cpu"`` and by torchnp with ``device="meta"``; the results agree in shape and dtype, and
# torchnp's is on meta. ``NUMPY_DEVICE`` must hold every NumPy callable with ``device=`` (the sweep
# below fails when a NumPy release adds one); ``EXTENSION_DEVICE`` the creation functions where
# device= is torchnp's extension. The random module has its own in tests/test_random.py.
def _src(xp):
    return xp.asarray(numpy.arange(6.0).reshape(2, 3))


NUMPY_DEVICE = {
    "arange": lambda xp, **d: xp.arange(1, 7, 2, **d),
    "asanyarray": lambda xp, **d: xp.asanyarray([[1, 2], [3, 4]], **d),
    "asarray": lambda xp, **d: xp.asarray(numpy.ones((2, 3), numpy.float32), **d),
    "astype": lambda xp, **d: xp.astype(_src(xp), numpy.int32, **d),
    "empty": lambda xp, **d: xp.empty((2, 3), **d),
    "empty_like": lambda xp, **d: xp.empty_like(_src(xp), **d),
    "eye": lambda xp, **d: xp.eye(3, 4, k=1, dtype=numpy.int16, **d),
    "fft.fftfreq": lambda xp, **d: xp.fft.fftfreq(5, 0.5, **d),
    "fft.rfftfreq": lambda xp, **d: xp.fft.rfftfreq(5, **d),
    "from_dlpack": lambda xp, **d: xp.from_dlpack(numpy.arange(4), **d),
    "full": lambda xp, **d: xp.full((2, 2), 7, **d),
    "full_like": lambda xp, **d: xp.full_like(_src(xp), 1.5, dtype=numpy.float32, **d),
    "linspace": lambda xp, **d: xp.linspace(0, 1, 5, **d),
    "ones": lambda xp, **d: xp.ones(4, dtype=numpy.complex64, **d),
    "ones_like": lambda xp, **d: xp.ones_like(_src(xp), **d),
    "zeros": lambda xp, **d: xp.zeros((0, 2), dtype=bool, **d),
    "zeros_like": lambda xp, **d: xp.zeros_like(_src(xp), shape=(4,), **d),
}

EXTENSION_DEVICE = {
    "array": lambda xp, **d: xp.array([1.5, 2.5], ndmin=2, **d),
    "ascontiguousarray": lambda xp, **d: xp.ascontiguousarray(numpy.ones((2, 2)).T, **d),
    "asfortranarray": lambda xp, **d: xp.asfortranarray([[1, 2]], **d),
    "frombuffer": lambda xp, **d: xp.frombuffer(b"\x01\x02\x03\x04", numpy.uint8, **d),
    "fromfunction": lambda xp, **d: xp.fromfunction(lambda i, j: i + j, (2, 3), **d),
    "fromiter": lambda xp, **d: xp.fromiter(range(4), numpy.int32, **d),
    "fromstring": lambda xp, **d: xp.fromstring("1 2 3", sep=" ", **d),
    "geomspace": lambda xp, **d: xp.geomspace(1, 1000, 4, **d),
    "identity": lambda xp, **d: xp.identity(3, **d),
    "logspace": lambda xp, **d: xp.logspace(0, 2, 3, **d),
    "loadtxt": lambda xp, **d: xp.loadtxt(["1 2", "3 4"], **d),
    "genfromtxt": lambda xp, **d: xp.genfromtxt(["1 2", "3 4"], **d),
    "tri": lambda xp, **d: xp.tri(3, 2, dtype=int, **d),
}

# Functions that read a file by name: fromfile runs in tests/test_io.py's meta test below.
_FILE_READERS = {"fromfile"}


def _qualname_object(module, qualname):
    for part in qualname.split("."):
        module = getattr(module, part)
    return module


def _device_params():
    """{qualified name: torchnp callable} of the public callables with a ``device=`` parameter
    (the random module apart)."""
    found = {}
    for name, obj in _public_callables().items():
        if name.startswith("random."):
            continue
        try:
            params = inspect.signature(obj).parameters
        except (TypeError, ValueError):
            continue
        if "device" in params:
            found[name] = obj
    return found


def _public_callables():
    from torchnp import _coverage
    return {q: _coverage.torchnp_object(q) for q in _coverage.all_numpy_callables()
            if _coverage.torchnp_object(q) is not None}


def _numpy_device_names():
    from torchnp import _coverage
    names = set()
    for q, obj in _coverage.all_numpy_callables().items():
        try:
            if "device" in inspect.signature(obj).parameters:
                names.add(q)
        except (TypeError, ValueError):
            pass
    return names


def test_every_numpy_device_parameter_is_torchnp_s_and_tested():
    numpy_names = _numpy_device_names()
    assert numpy_names == set(NUMPY_DEVICE), "NUMPY_DEVICE out of step with NumPy's device= " \
        f"functions: {sorted(numpy_names ^ set(NUMPY_DEVICE))}"
    lacking = [q for q in numpy_names
               if "device" not in inspect.signature(_qualname_object(torchnp, q)).parameters]
    assert not lacking, f"NumPy has device= here, torchnp does not: {lacking}"


def test_every_torchnp_device_parameter_is_tested():
    untested = set(_device_params()) - set(NUMPY_DEVICE) - set(EXTENSION_DEVICE) - _FILE_READERS
    assert not untested, f"device= parameters with no case here: {sorted(untested)}"


_ALL_DEVICE = {**NUMPY_DEVICE, **EXTENSION_DEVICE}


def _check_meta(res, expected):
    assert res.tensor.device.type == "meta"
    assert (res.dtype, res.shape) == (expected.dtype, numpy.shape(expected))


@pytest.mark.parametrize("name", sorted(_ALL_DEVICE))
def test_device_argument_places_the_result(name):
    call = _ALL_DEVICE[name]
    expected = call(numpy, device="cpu") if name in NUMPY_DEVICE else call(numpy)
    _check_meta(call(torchnp, device="meta"), expected)
    # a.device is a device object device= takes back (the Array API's round trip)
    on_cpu = call(torchnp, device="cpu")
    assert on_cpu.device == torch.device("cpu")
    assert call(torchnp, device=on_cpu.device).device == on_cpu.device


# Creation from an existing array follows that array's device; the rest follow the default one.
_FOLLOWS_INPUT = {"astype", "empty_like", "full_like", "ones_like", "zeros_like"}


@pytest.mark.parametrize("name", sorted(set(_ALL_DEVICE) - _FOLLOWS_INPUT - {"from_dlpack"}))
def test_default_device_places_the_result(name):
    call = _ALL_DEVICE[name]
    with torchnp.default_device("meta"):
        res = call(torchnp)
    _check_meta(res, call(numpy))


@pytest.mark.parametrize("name", sorted(_FOLLOWS_INPUT))
def test_like_and_astype_follow_the_input_s_device(name):
    call = NUMPY_DEVICE[name]
    expected = call(numpy)
    _check_meta(call(_Making("meta")), expected)      # a meta prototype, the CPU by default
    on_cpu = _Making("cpu")
    with torchnp.default_device("meta"):
        assert call(on_cpu).tensor.device.type == "cpu"        # a CPU prototype stays there


def test_from_dlpack_keeps_the_producer_s_device():
    """DLPack exchange is zero-copy: the default device does not move it."""
    with torchnp.default_device("meta"):
        assert torchnp.from_dlpack(numpy.arange(3)).tensor.device.type == "cpu"
    meta = torchnp.zeros(2, device="meta")
    assert torchnp.from_dlpack(meta).tensor.device.type == "meta"


class _Making:
    """torchnp, with ``asarray`` making arrays on ``device`` (the prototypes above)."""
    def __init__(self, device):
        self.device = device

    def __getattr__(self, name):
        return getattr(torchnp, name)

    def asarray(self, x):
        return torchnp.asarray(x, device=self.device)


# Functions that make new arrays without a device= parameter (NumPy has none there): they put
# their results on the default device.
NO_PARAMETER = {
    "indices": lambda xp: xp.indices((2, 3)),
    "indices-sparse": lambda xp: xp.indices((2, 3), sparse=True)[1],
    "tril_indices": lambda xp: xp.tril_indices(3, 1, 4)[1],
    "triu_indices": lambda xp: xp.triu_indices(3)[0],
    "diag_indices": lambda xp: xp.diag_indices(4, 3)[2],
    "hamming": lambda xp: xp.hamming(5),
    "hanning": lambda xp: xp.hanning(5),
    "bartlett": lambda xp: xp.bartlett(5),
    "blackman": lambda xp: xp.blackman(5),
    "kaiser": lambda xp: xp.kaiser(5, 3.0),
    "meshgrid": lambda xp: xp.meshgrid([1, 2], [3.0, 4.0, 5.0])[1],
    "mgrid": lambda xp: xp.mgrid[0:3, 0:1:4j],
    "ogrid": lambda xp: xp.ogrid[0:3, 0:2][0],
    "r_": lambda xp: xp.r_[1:3, [4]],
    "diag": lambda xp: xp.diag([1, 2]),
    "diagflat": lambda xp: xp.diagflat([[1, 2]], k=1),
    "vander": lambda xp: xp.vander([1, 2, 3]),
    "copy": lambda xp: xp.copy([1.0, 2.0]),
    "ndarray": lambda xp: xp.ndarray((2, 3), numpy.int8),
}


@pytest.mark.parametrize("name", sorted(NO_PARAMETER))
def test_creation_without_device_parameter_uses_the_default_device(name):
    call = NO_PARAMETER[name]
    with torchnp.default_device("meta"):
        res = call(torchnp)
    _check_meta(res, call(numpy))


# ----- a.device and a.to_device -------------------------------------------------------------------

def test_device_attribute_round_trips_into_device_arguments():
    a = torchnp.arange(3.0, device="meta")
    assert a.device == torch.device("meta")
    for make in (lambda d: torchnp.zeros(2, device=d), lambda d: torchnp.asarray([1], device=d),
                 lambda d: torchnp.random.default_rng(0).random(2, device=d)):
        assert make(a.device).device == a.device
    with torchnp.default_device(a.device):
        assert torchnp.ones(1).device == a.device
    assert torchnp.__array_namespace_info__().default_device() == torch.device("cpu")


def test_to_device():
    x = numpy.arange(6.0).reshape(2, 3)
    a = torchnp.asarray(x)
    assert a.to_device("cpu") is a and a.to_device(a.device) is a      # NumPy: the same array
    assert x.to_device("cpu") is x
    m = a.to_device("meta")
    _check_meta(m, x)
    assert m.to_device(torch.device("meta")) is m
    s = torchnp.asarray([1.5], dtype="float32").sum().to_device("meta")    # a scalar stays one
    assert s.tensor.device.type == "meta" and s.shape == () and s.dtype == numpy.float32
    assert s._scalar
    with pytest.raises(ValueError, match="stream"):
        a.to_device("cpu", stream=1)
    with pytest.raises(ValueError, match="stream"):
        x.to_device("cpu", stream=1)
    with pytest.raises(ValueError, match="Device not understood"):
        a.to_device("gpu0")
    with pytest.raises(TypeError):
        x.to_device(None)
    with pytest.raises(TypeError):
        a.to_device(None)


def test_to_device_is_differentiable():
    a = torchnp.asarray([1.0, 2.0], requires_grad=True)
    b = a.to_device("meta")
    assert b.requires_grad and b.tensor.grad_fn is not None


def test_fill_values_join_the_array_s_device():
    on_cpu = torchnp.zeros(2)
    with torchnp.default_device("meta"):        # host data is made on meta, then joins the CPU
        assert_matches_numpy(torchnp.full_like(on_cpu, 1.5), numpy.full(2, 1.5))
        assert_matches_numpy(torchnp.full(2, 3, device="cpu"), numpy.full(2, 3))
    with pytest.raises(ValueError, match="different devices"):
        torchnp.full_like(on_cpu, torchnp.ones(2, device="meta"))


# (id, call(xp, on_cpu)): host data meets arrays on the CPU while the default device is meta. It is
# made on the CPU and joins them; made on the default device first, it would cross twice (a host
# sync on a GPU; on meta, no data to copy back).
HOST_JOINS_CPU = [
    ("ufunc-list", lambda xp, c: c(_X) + [1.0, 2.0, 3.0]),
    ("ufunc-numpy", lambda xp, c: xp.multiply(c(_X), numpy.array([3.0, 2.0, 1.0]))),
    ("ufunc-general", lambda xp, c: xp.add(c(_X), [1, 2, 3], dtype="float32")),
    ("ufunc-scalar", lambda xp, c: xp.maximum(c(_X), 1.5)),
    ("where", lambda xp, c: xp.where(c(_M), c(_X), 0.0)),
    ("concatenate-list", lambda xp, c: xp.concatenate([c(_X), [4.0]])),
    ("dot-list", lambda xp, c: xp.dot(c(_X), [1.0, 2.0, 3.0])),
    ("isin-list", lambda xp, c: xp.isin(c(_X), [2.0])),
    ("take-list", lambda xp, c: xp.take(c(_X), [0, 2])),
    ("getitem-list", lambda xp, c: c(_X)[[2, 0]]),
    ("setitem-list", lambda xp, c: _setitem(c(_X), slice(None), [7.0, 8.0, 9.0])),
    ("full_like", lambda xp, c: xp.full_like(c(_X), 2)),
    ("clip-list", lambda xp, c: xp.clip(c(_X), [0.0, 2.5, 0.0], 2.0)),
]


@pytest.mark.parametrize("call", [c for _, c in HOST_JOINS_CPU],
                         ids=[i for i, _ in HOST_JOINS_CPU])
def test_host_data_joins_arrays_off_the_default_device(call):
    expected = call(numpy, numpy.asarray)
    with torchnp.default_device("meta"):
        res = call(torchnp, lambda x: torchnp.asarray(numpy.asarray(x), device="cpu"))
    assert_matches_numpy(res, expected)
