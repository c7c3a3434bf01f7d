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
