"""DLPack exchange and the Array API's inspection namespace, against NumPy's.

``from_dlpack`` shares memory with its producer (a write through one is seen through the other)
and ``__array_namespace_info__`` answers as NumPy's does on the CPU.
"""
import pickle

import numpy as np
import pytest
import torch

import torchnp


def _producers():
    """Arrays of [0, 1, 2] (float64) as NumPy, torch and torchnp hold them."""
    return {"numpy": np.arange(3.0), "torch": torch.arange(3.0, dtype=torch.float64),
            "torchnp": torchnp.arange(3.0)}


@pytest.mark.parametrize("kind", ["numpy", "torch", "torchnp"])
def test_from_dlpack_shares_memory_with_its_producer(kind):
    src = _producers()[kind]
    a = torchnp.from_dlpack(src)
    assert type(a) is torchnp.ndarray
    assert a.dtype == np.float64 and a.shape == (3,)
    a[0] = 7.0
    assert float(src[0]) == 7.0          # one memory: the write is seen by the producer


@pytest.mark.parametrize("kind", ["numpy", "torch", "torchnp"])
def test_from_dlpack_copy_true_does_not_share(kind):
    src = _producers()[kind]
    a = torchnp.from_dlpack(src, copy=True)
    a[0] = 7.0
    assert float(src[0]) == 0.0


def test_numpy_reads_torchnp_through_dlpack():
    a = torchnp.arange(4, dtype=torchnp.int16)
    n = np.from_dlpack(a)
    np.testing.assert_array_equal(n, np.arange(4, dtype=np.int16))
    n[1] = 9                              # NumPy's view of the same memory
    assert int(a[1]) == 9
    assert a.__dlpack_device__() == np.arange(1).__dlpack_device__()


def test_dlpack_of_an_array_that_requires_grad_exports_its_values():
    w = torchnp.ones(3, requires_grad=True)
    np.testing.assert_array_equal(np.from_dlpack(w), np.ones(3))


def test_from_dlpack_errors_as_numpy():
    with pytest.raises(AttributeError, match="__dlpack__"):
        np.from_dlpack([1, 2])
    with pytest.raises(AttributeError, match="__dlpack__"):
        torchnp.from_dlpack([1, 2])
    with pytest.raises(ValueError, match="strings are not allowed"):
        torchnp.from_dlpack(np.arange(2), copy="yes")


def test_from_dlpack_to_another_device():
    a = torchnp.from_dlpack(np.arange(3.0), device="meta")
    assert a.device.type == "meta" and a.shape == (3,)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        torchnp.from_dlpack(np.arange(3.0), device="meta", copy=False)


def test_info_answers_as_numpys_on_the_cpu():
    ours, numpys = torchnp.__array_namespace_info__(), np.__array_namespace_info__()
    assert ours.capabilities() == numpys.capabilities()
    assert str(ours.default_device()) == numpys.default_device() == "cpu"
    assert [str(d) for d in ours.devices()][:1] == numpys.devices()
    assert ours.default_dtypes() == numpys.default_dtypes()
    assert ours.default_dtypes(device="cpu") == numpys.default_dtypes(device="cpu")
    for kind in (None, "bool", "signed integer", "unsigned integer", "integral",
                 "real floating", "complex floating", "numeric",
                 ("integral", "real floating"), ("bool", "numeric")):
        assert ours.dtypes(kind=kind) == numpys.dtypes(kind=kind), kind


def test_info_errors_as_numpys():
    ours, numpys = torchnp.__array_namespace_info__(), np.__array_namespace_info__()
    for info in (ours, numpys):
        for kind in ("x", "float32", np.dtype("float32")):
            with pytest.raises(ValueError, match="unsupported kind"):
                info.dtypes(kind=kind)
        with pytest.raises(ValueError, match="Device not understood"):
            info.dtypes(device="meta")


def test_info_follows_the_default_float_and_device():
    info = torchnp.__array_namespace_info__()
    with torchnp.default_float("float32"):
        d = info.default_dtypes()
        assert d["real floating"] == np.float32 and d["complex floating"] == np.complex64
    with torchnp.default_device("meta"):
        assert info.default_device() == torch.device("meta")


PICKLED = [np.arange(6.0).reshape(2, 3), np.array(1 + 2j), np.zeros((0, 2), "int8"),
           np.arange(12, dtype="uint16").reshape(3, 4).T, np.array([True, False]),
           np.arange(5, dtype="float16")[::2]]


@pytest.mark.parametrize("x", PICKLED, ids=lambda x: f"{x.dtype}{x.shape}")
@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_pickle_round_trip_keeps_dtype_shape_and_values(x, protocol):
    b = pickle.loads(pickle.dumps(torchnp.asarray(x), protocol=protocol))
    assert type(b) is torchnp.ndarray and b.dtype == x.dtype and b.shape == x.shape
    np.testing.assert_array_equal(np.asarray(b), x)
    b[...] = 0                               # an unpickled array is an ordinary writeable array
    np.testing.assert_array_equal(np.asarray(b), np.zeros_like(x))


@pytest.mark.parametrize("shape", [(1,), (1, 1), (3, 1)])
@pytest.mark.parametrize("protocol", [4, 5])
def test_pickle_of_a_broadcast_scalar(shape, protocol):
    """One element broadcast to (1,) has stride 0 in torch, which viewing as bytes refuses."""
    x = np.broadcast_to(np.asarray(2.5), shape)
    b = pickle.loads(pickle.dumps(torchnp.broadcast_to(torchnp.asarray(2.5), shape),
                                  protocol=protocol))
    assert b.shape == x.shape
    np.testing.assert_array_equal(np.asarray(b), x)


def test_copy_of_a_broadcast_scalar_has_numpys_strides():
    for shape in [(1,), (1, 1), (3, 1)]:
        x = np.broadcast_to(np.asarray(2.5), shape).copy()
        assert torchnp.broadcast_to(torchnp.asarray(2.5), shape).copy().strides == x.strides


def test_pickle_protocol_5_moves_the_bytes_out_of_band_without_copying():
    a = torchnp.arange(1000.0)
    buffers = []
    payload = pickle.dumps(a, protocol=5, buffer_callback=buffers.append)
    assert len(payload) < 1000 and len(buffers) == 1      # the 8,000 data bytes are not inline
    assert buffers[0].raw().nbytes == 8000
    b = pickle.loads(payload, buffers=buffers)
    b[0] = 7.0
    assert float(np.asarray(buffers[0].raw()).view("float64")[0]) == 7.0  # shares the buffer


def test_pickle_keeps_the_scalar_standing_of_a_0d_result():
    s = torchnp.arange(3.0).sum()            # stands where NumPy has a scalar: hashable
    t = pickle.loads(pickle.dumps(s))
    assert t.shape == () and hash(t) == hash(3.0) and float(t) == 3.0


def test_pickle_keeps_the_device():
    a = torchnp.empty((2, 3), dtype=torchnp.float32, device="meta")
    b = pickle.loads(pickle.dumps(a))
    assert b.device == a.device and b.shape == (2, 3) and b.dtype == np.float32
