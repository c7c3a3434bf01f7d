"""Settings: default float dtype, default device, errstate; per thread and restored by contexts."""
import asyncio
import threading

import numpy
import pytest
import torch

import torchnp


def test_default_float_api():
    assert torchnp.get_default_float() == numpy.float64
    assert torchnp.default_float() == numpy.float64
    with torchnp.default_float("float32"):
        assert torchnp.get_default_float() == numpy.float32
        assert torchnp.zeros(2).dtype == numpy.float32
        with torchnp.default_float(numpy.float16):
            assert torchnp.ones(1).dtype == numpy.float16
        assert torchnp.default_float() == numpy.float32
    assert torchnp.zeros(2).dtype == numpy.float64
    for bad in ["int32", "complex64", "bool"]:
        with pytest.raises(TypeError):
            torchnp.set_default_float(bad)
        with pytest.raises(TypeError):
            torchnp.default_float(bad)
    with pytest.raises(TypeError):
        torchnp.set_default_float("U3")


def test_default_float_restored_after_exception():
    with pytest.raises(RuntimeError):
        with torchnp.default_float("float32"):
            raise RuntimeError
    assert torchnp.get_default_float() == numpy.float64


def test_set_default_float_is_per_thread():
    seen = {}

    def worker():
        seen["start"] = torchnp.get_default_float()
        torchnp.set_default_float("float32")
        seen["set"] = torchnp.zeros(1).dtype
    th = threading.Thread(target=worker)
    th.start()
    th.join()
    assert seen == {"start": numpy.float64, "set": numpy.float32}
    assert torchnp.get_default_float() == numpy.float64


def test_default_float_per_asyncio_task():
    async def task(dtype):
        with torchnp.default_float(dtype):
            await asyncio.sleep(0)
            return torchnp.zeros(1).dtype

    async def main():
        return await asyncio.gather(task("float32"), task("float16"), task("float64"))
    assert asyncio.run(main()) == [numpy.float32, numpy.float16, numpy.float64]


def test_default_device_api():
    assert torchnp.get_default_device() == torch.device("cpu")
    assert torchnp.default_device() is None
    with torchnp.default_device("cpu"):
        assert torchnp.default_device() == torch.device("cpu")
        assert torchnp.zeros(2).device == torch.device("cpu")
    assert torchnp.default_device() is None
    with torchnp.default_device(torch.device("meta")):
        a = torchnp.zeros(3)
        assert a.device.type == "meta" and a.shape == (3,)
        assert torchnp.asarray([1.5]).device.type == "meta"
        assert torchnp.arange(4).device.type == "meta"
    try:
        torchnp.set_default_device("meta")
        assert torchnp.ones(2).device.type == "meta"
        assert torchnp.get_default_device() == torch.device("meta")
    finally:
        torchnp.set_default_device(None)
    assert torchnp.ones(2).device.type == "cpu"


def test_set_default_device_is_per_thread():
    seen = {}

    def worker():
        torchnp.set_default_device("meta")
        seen["dev"] = torchnp.zeros(1).device.type
    th = threading.Thread(target=worker)
    th.start()
    th.join()
    assert seen["dev"] == "meta"
    assert torchnp.zeros(1).device.type == "cpu"


# ----- errstate -----------------------------------------------------------------------------------

def test_geterr_seterr_like_numpy():
    assert torchnp.geterr() == numpy.geterr()
    old = torchnp.seterr(all="ignore")
    try:
        assert old == numpy.geterr()
        assert torchnp.geterr() == dict.fromkeys(["divide", "over", "under", "invalid"], "ignore")
        assert torchnp.seterr(divide="raise")["divide"] == "ignore"
        assert torchnp.geterr()["divide"] == "raise" and torchnp.geterr()["over"] == "ignore"
        assert numpy.geterr() == old                    # NumPy's state untouched
    finally:
        torchnp.seterr(**old)
    assert torchnp.geterr() == numpy.geterr()
    for bad in [dict(divide="foo"), dict(all="bogus")]:
        with pytest.raises(ValueError, match="invalid error mode"):
            torchnp.seterr(**bad)
        with pytest.raises(ValueError):
            numpy.seterr(**bad)
    assert torchnp.geterr() == numpy.geterr()


def test_errstate_context_manager_and_decorator():
    with torchnp.errstate(divide="ignore", invalid="raise"):
        assert torchnp.geterr() == {"divide": "ignore", "over": "warn", "under": "ignore",
                                    "invalid": "raise"}
        with torchnp.errstate(all="warn"):
            assert set(torchnp.geterr().values()) == {"warn"}
        assert torchnp.geterr()["invalid"] == "raise"
    assert torchnp.geterr() == numpy.geterr()

    @torchnp.errstate(over="ignore")
    def f():
        return torchnp.geterr()["over"]
    assert f() == "ignore" and torchnp.geterr()["over"] == "warn"

    e = torchnp.errstate(divide="ignore")
    with e:
        pass
    with pytest.raises(TypeError, match="Cannot enter"):
        with e:
            pass
    with pytest.raises(TypeError):
        torchnp.errstate(foo="raise")
    with pytest.raises(ValueError, match="invalid error mode"):
        with torchnp.errstate(divide="bogus"):
            pass


def test_errstate_call_and_errcall():
    assert torchnp.geterrcall() is None
    calls = []
    with torchnp.errstate(call=calls.append, all="call"):
        assert torchnp.geterrcall() == calls.append
    assert torchnp.geterrcall() is None
    old = torchnp.seterrcall(print)
    try:
        assert old is None and torchnp.geterrcall() is print
    finally:
        torchnp.seterrcall(None)
    with pytest.raises(TypeError):
        torchnp.seterrcall(3)


def test_errstate_per_thread():
    seen = {}

    def worker():
        seen["start"] = torchnp.geterr()["divide"]
        torchnp.seterr(divide="raise")
        seen["set"] = torchnp.geterr()["divide"]
    with torchnp.errstate(divide="ignore"):
        th = threading.Thread(target=worker)
        th.start()
        th.join()
        assert torchnp.geterr()["divide"] == "ignore"
    assert seen == {"start": "warn", "set": "raise"}
    assert torchnp.geterr()["divide"] == "warn"


def test_errstate_signature_matches_numpy():
    import inspect
    ours = inspect.signature(torchnp.errstate).parameters
    theirs = inspect.signature(numpy.errstate).parameters
    assert list(ours) == list(theirs)
    for name in ["seterr", "geterr"]:
        assert list(inspect.signature(getattr(torchnp, name)).parameters) == \
            list(inspect.signature(getattr(numpy, name)).parameters)
