"""repr / str / format of arrays and the print options, against NumPy's text."""
import sys
import threading

import numpy
import pytest
import torch

import torchnp

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def samples():
    rng = numpy.random.default_rng(0)
    for dtype in DTYPES:
        for shape in [(), (0,), (1,), (5,), (2, 3), (2, 0), (0, 3), (2, 2, 3), (1, 1, 1, 2)]:
            x = (rng.standard_normal(shape) * 100).astype(dtype) if dtype != "bool" else \
                rng.standard_normal(shape) > 0
            yield numpy.asarray(x)
    yield numpy.array([-0.0, 0.0, 1.0])
    yield numpy.array([numpy.nan, numpy.inf, -numpy.inf, 1.5])
    yield numpy.array([1 + 2j, numpy.nan - 1j, -0.0 + numpy.inf * 1j], dtype="complex64")
    yield numpy.array([1e-10, 1e10])
    yield numpy.array([0.1, 0.25], dtype="float16")
    yield numpy.array(-0.0)
    yield numpy.array(numpy.nan, dtype="float32")
    yield numpy.array([2**64 - 1, 0], dtype="uint64")
    yield numpy.array([[1e-5, 123456.0], [1.0, 2.0]])
    yield numpy.arange(30.0).reshape(5, 6) / 7


SAMPLES = list(samples())


@pytest.mark.parametrize("x", SAMPLES, ids=lambda x: f"{x.dtype}{x.shape}")
def test_repr_str_match_numpy(x):
    a = torchnp.asarray(x)
    assert repr(a) == repr(x)
    assert str(a) == str(x)
    assert torchnp.array_repr(a) == numpy.array_repr(x)
    assert torchnp.array_str(a) == numpy.array_str(x)
    assert torchnp.array2string(a) == numpy.array2string(x)


@pytest.mark.parametrize("x", SAMPLES[::7], ids=lambda x: f"{x.dtype}{x.shape}")
def test_under_printoptions(x):
    a = torchnp.asarray(x)
    for opts in [dict(precision=3, suppress=True, threshold=5), dict(precision=2, sign="+"),
                 dict(floatmode="fixed", precision=4), dict(linewidth=20, edgeitems=1),
                 dict(nanstr="NaN", infstr="Inf"), dict(legacy="1.13"), dict(legacy="2.1"),
                 dict(formatter={"all": lambda v: "x"})]:
        with torchnp.printoptions(**opts), numpy.printoptions(**opts):
            assert repr(a) == repr(x), opts
            assert str(a) == str(x), opts


LARGE_SHAPES = [(1001,), (2000,), (7, 1000), (1000, 2), (3, 4, 100), (40, 30), (11, 11, 11),
                (2, 1000, 1), (1, 5000), (0, 5000)]


@pytest.mark.parametrize("shape", LARGE_SHAPES, ids=str)
@pytest.mark.parametrize("dtype", ["float64", "int32", "complex64", "bool", "float16", "uint64"])
def test_summarized_repr_matches_numpy(shape, dtype):
    n = int(numpy.prod(shape))
    x = (numpy.arange(n) * 1.37 - 500).reshape(shape).astype(dtype)
    a = torchnp.asarray(x)
    assert repr(a) == repr(x)
    assert str(a) == str(x)
    assert torchnp.array2string(a, separator=", ") == numpy.array2string(x, separator=", ")
    for opts in [dict(edgeitems=1), dict(edgeitems=5, linewidth=120), dict(threshold=5),
                 dict(precision=3, suppress=True, threshold=5), dict(legacy="2.1"),
                 dict(edgeitems=0)]:
        with torchnp.printoptions(**opts), numpy.printoptions(**opts):
            assert repr(a) == repr(x), opts
            assert str(a) == str(x), opts


def test_summarized_copies_only_the_edges(monkeypatch):
    a = torchnp.zeros((1000, 1000))
    seen = []
    from torchnp import _printing
    original = _printing._host_tensor

    def spy(t):
        seen.append(t.numel())
        return original(t)
    monkeypatch.setattr(_printing, "_host_tensor", spy)
    repr(a)
    str(a)
    assert seen and max(seen) <= 7 * 7


def test_array2string_arguments():
    x = numpy.linspace(0, 1, 2000).reshape(40, 50)
    a = torchnp.asarray(x)
    for kwargs in [dict(threshold=10), dict(edgeitems=2, threshold=10), dict(precision=2),
                   dict(max_line_width=40), dict(separator=", ", prefix="arr("),
                   dict(suppress_small=True, threshold=sys.maxsize, max_line_width=10000),
                   dict(formatter={"float": "{:.1f}".format}, threshold=20),
                   dict(sign=" ", floatmode="unique"), dict(suffix=")", legacy="1.13")]:
        assert torchnp.array2string(a, **kwargs) == numpy.array2string(x, **kwargs), kwargs
    for bad in [dict(threshold=float("nan")), dict(threshold="a"), dict(sign="x")]:
        with pytest.raises((ValueError, TypeError)):
            torchnp.array2string(a, **bad)


def test_array_repr_str_arguments():
    x = numpy.arange(10.0) / 3
    a = torchnp.asarray(x)
    for args in [(30,), (None, 2), (None, 2, True), (None, None, None)]:
        assert torchnp.array_repr(a, *args) == numpy.array_repr(x, *args)
        assert torchnp.array_str(a, *args) == numpy.array_str(x, *args)
    assert torchnp.array_repr([1, 2]) == numpy.array_repr(numpy.array([1, 2]))


def test_format():
    for x in [numpy.array(1.5), numpy.array(2, "int8"), numpy.array(1 + 2j),
              numpy.array(True), numpy.array(0.1, "float32")]:
        a = torchnp.asarray(x)
        for spec in ["", ".2f", "10", ">8", "e"]:
            try:
                expected = format(x, spec)
            except (TypeError, ValueError) as e:
                with pytest.raises(type(e)):
                    format(a, spec)
            else:
                assert format(a, spec) == expected, spec
    assert f"{torchnp.asarray(1.5):.3f}" == "1.500"
    assert format(torchnp.asarray([1.5, 2.0]), "") == format(numpy.array([1.5, 2.0]), "")
    with pytest.raises(TypeError, match="unsupported format string"):
        format(torchnp.asarray([1.5, 2.0]), ".2f")


def test_requires_grad_prints_like_numpy():
    a = torchnp.linspace(0, 1, 3, requires_grad=True)
    assert repr(a) == repr(numpy.linspace(0, 1, 3))
    assert str(a) == str(numpy.linspace(0, 1, 3))


def test_lazily_conjugated_and_negated_tensors():
    t = torch.tensor([1 + 2j, 3 - 1j])
    assert repr(torchnp.asarray(t.conj())) == repr(numpy.array([1 - 2j, 3 + 1j], "complex64"))
    assert repr(torchnp.asarray(t.conj().imag)) == repr(numpy.array([-2.0, 1.0], "float32"))


# ----- print options ------------------------------------------------------------------------------

def test_print_options_api():
    assert torchnp.get_printoptions() == numpy.get_printoptions()
    old_numpy = numpy.get_printoptions()
    with torchnp.printoptions(precision=2, threshold=10) as opts:
        assert opts["precision"] == 2 and torchnp.get_printoptions()["threshold"] == 10
        assert numpy.get_printoptions() == old_numpy          # NumPy's state untouched
        assert repr(torchnp.asarray([1 / 3])) == "array([0.33])"
        assert repr(numpy.array([1 / 3])) == "array([0.33333333])"
    assert torchnp.get_printoptions() == numpy.get_printoptions()
    try:
        torchnp.set_printoptions(precision=4)
        torchnp.set_printoptions(suppress=True)               # others are kept
        assert torchnp.get_printoptions()["precision"] == 4
        assert torchnp.get_printoptions()["suppress"] is True
        assert numpy.get_printoptions() == old_numpy
        torchnp.set_printoptions(legacy="1.13")
        assert torchnp.get_printoptions()["legacy"] == "1.13"
    finally:
        torchnp.set_printoptions(precision=8, suppress=False, legacy=False)
    assert torchnp.get_printoptions() == numpy.get_printoptions()


def test_print_options_errors_like_numpy():
    for bad in [dict(threshold=float("nan")), dict(threshold="a"), dict(sign="x"),
                dict(floatmode="bogus"), dict(precision="a")]:
        def np_call():
            with numpy.printoptions(**bad):
                pass

        def tnp_call():
            with torchnp.printoptions(**bad):
                pass
        try:
            np_call()
        except Exception as e:      # noqa: BLE001
            with pytest.raises(type(e)):
                tnp_call()
            with pytest.raises(type(e)):
                torchnp.set_printoptions(**bad)
    assert torchnp.get_printoptions() == numpy.get_printoptions()


def test_override_repr():
    with torchnp.printoptions(override_repr=lambda a: f"<{a.shape}>"):
        assert repr(torchnp.zeros((2, 3))) == "<(2, 3)>"
    assert repr(torchnp.zeros(2)) == "array([0., 0.])"


def test_print_options_are_per_thread():
    seen = {}

    def worker():
        seen["before"] = torchnp.get_printoptions()["precision"]
        torchnp.set_printoptions(precision=2)
        seen["after"] = torchnp.get_printoptions()["precision"]
        seen["repr"] = repr(torchnp.asarray([1 / 3]))
    with torchnp.printoptions(precision=5):
        th = threading.Thread(target=worker)
        th.start()
        th.join()
        assert torchnp.get_printoptions()["precision"] == 5
    assert seen == {"before": 8, "after": 2, "repr": "array([0.33])"}
    assert torchnp.get_printoptions()["precision"] == 8


def test_format_float():
    for x in [1.5, numpy.float32(0.1), numpy.float16(3.14), 1e-20, -0.0]:
        for kwargs in [{}, dict(precision=3), dict(unique=False, precision=5), dict(sign=True),
                       dict(trim="-"), dict(pad_left=5)]:
            assert torchnp.format_float_positional(x, **kwargs) == \
                numpy.format_float_positional(x, **kwargs)
            assert torchnp.format_float_scientific(x, **kwargs) == \
                numpy.format_float_scientific(x, **kwargs)
    a = torchnp.asarray(numpy.float32(0.1))
    assert torchnp.format_float_positional(a) == numpy.format_float_positional(numpy.float32(0.1))
    assert torchnp.format_float_scientific(a, precision=2) == \
        numpy.format_float_scientific(numpy.float32(0.1), precision=2)
    with pytest.raises(TypeError):
        torchnp.format_float_positional(torchnp.zeros(2))
