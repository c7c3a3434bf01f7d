"""torchnp.fft against numpy.fft: edge cases the operator database does not reach.

Result dtypes of every transform on every dtype, NumPy 2's deprecations and errors for ``s`` /
``axes``, ``norm`` errors in both of NumPy's wordings, ``out=`` (its shape, dtype, precision and
step-by-step rules), empty inputs, devices (``meta``), gradients, and the frequency and shift
helpers. NumPy is the oracle throughout; where NumPy 2.4 is wrong (tests/opinfo/known_bugs.py,
NUMPY_BUGS) the expected value is derived in NumPy another way.
"""
import warnings

import numpy as np
import pytest
import torch

import torchnp
import torchnp.fft as f
from helpers import assert_matches_numpy, raises_like_numpy
from opinfo.core import ALL

TRANSFORMS_1D = ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
TRANSFORMS_ND = ("fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2")


def _tol(expected):
    """(rtol, atol): a transform's rounding errors scale with its largest value."""
    e = np.asarray(expected)
    scale = max(1.0, float(np.abs(e).max())) if e.size else 1.0
    tol = 1e-4 if e.dtype.char in "efF" else 1e-10
    return tol, tol * scale


def both(name, x, **kwargs):
    """(torchnp's result, NumPy's) for ``numpy.fft.<name>(x, **kwargs)`` on the same input."""
    expected = getattr(np.fft, name)(x, **kwargs)
    actual = getattr(f, name)(torchnp.asarray(x), **kwargs)
    return actual, expected


def check(name, x, **kwargs):
    actual, expected = both(name, x, **kwargs)
    rtol, atol = _tol(expected)
    assert_matches_numpy(actual, expected, rtol=rtol, atol=atol)


def _sample(shape, dtype, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape) * 3
    if np.dtype(dtype).kind in "ub":
        x = np.abs(x)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


# ----- the namespace ------------------------------------------------------------------------------
def test_import_styles():
    from torchnp.fft import fft, fftfreq
    assert f is torchnp.fft and fft is torchnp.fft.fft and fftfreq is torchnp.fft.fftfreq
    assert sorted(f.__all__) == sorted(np.fft.__all__)
    assert all(callable(getattr(f, name)) for name in np.fft.__all__)


# ----- dtypes -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TRANSFORMS_1D + TRANSFORMS_ND)
@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_result_dtype_and_values(name, dtype):
    """NumPy 2's result dtypes: float32 / float16 / complex64 in single precision (irfft of
    float16 stays float16), bool and integers in double; complex input to rfft: TypeError."""
    x = _sample((3, 6), dtype)
    raises = np.dtype(dtype).kind == "c" and name.startswith("rfft") or (name == "ihfft" and
                                                                     np.dtype(dtype).kind == "c")
    if raises:
        raises_like_numpy(lambda: getattr(np.fft, name)(x),
                          lambda: getattr(f, name)(torchnp.asarray(x)))
        return
    actual, expected = both(name, x)
    rtol, atol = (2e-3, 2e-2) if np.dtype(dtype) == np.float16 else _tol(expected)
    assert_matches_numpy(actual, expected, rtol=rtol, atol=atol)


def test_irfftn_of_float16_over_two_axes_is_float32():
    """NumPy's irfftn runs ifft first (complex64), then irfft of complex64: float32. Over one
    axis, irfft of float16 itself: float16."""
    x = _sample((4, 6), np.float16)
    for axes in ((0, 1), (1,)):
        actual, expected = both("irfftn", x, axes=axes)
        assert actual.dtype == expected.dtype


def test_float16_with_norm_within_float16_rounding():
    """NumPy scales float16 input by a factor rounded to float16; torchnp in float32
    (docs/differences.md): the results agree to float16's rounding, and exactly without scaling."""
    x = _sample((16,), np.float16)
    for norm in ("ortho", "forward"):
        actual, expected = both("fft", x, norm=norm)
        assert_matches_numpy(actual, expected, rtol=1e-3, atol=1e-3)
    actual, expected = both("fft", x)
    assert_matches_numpy(actual, expected, rtol=1e-6, atol=1e-6)


# ----- n, s, axes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TRANSFORMS_1D)
@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 16])
def test_n_crops_and_pads(name, n):
    dtype = np.float64 if name in ("rfft", "ihfft") else np.complex128
    for shape, axis in (((8,), -1), ((4, 5), 0), ((2, 3, 6), 1)):
        check(name, _sample(shape, dtype), n=n, axis=axis)


@pytest.mark.parametrize("name", TRANSFORMS_1D)
def test_bad_n(name):
    x = _sample((6,), np.float64)
    for n in (0, -1, 2.5, 2.0):
        raises_like_numpy(lambda: getattr(np.fft, name)(x, n=n),
                          lambda: getattr(f, name)(torchnp.asarray(x), n=n))
    with pytest.raises(ValueError, match=r"^Invalid number of FFT data points \(0\) specified\.$"):
        getattr(f, name)(torchnp.asarray(x), n=0)
    check(name, x, n=np.int64(4))


@pytest.mark.parametrize("name", ("fftn", "ifftn", "rfftn", "irfftn"))
def test_s_without_axes_is_deprecated(name):
    x = _sample((3, 4, 6), np.float64)
    with pytest.warns(DeprecationWarning, match="`axes` should not be `None` if `s` is not"):
        expected = getattr(np.fft, name)(x, s=(2, 4))
    with pytest.warns(DeprecationWarning, match="`axes` should not be `None` if `s` is not"):
        actual = getattr(f, name)(torchnp.asarray(x), s=(2, 4))
    assert_matches_numpy(actual, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("name", ("fftn", "ifftn", "rfftn", "irfftn"))
def test_none_in_s_is_deprecated_and_means_the_default(name):
    x = _sample((3, 4, 6), np.float64)
    for s in ((None, 4), (2, None), (None, None)):
        with pytest.warns(DeprecationWarning, match="Passing an array containing `None`"):
            expected = getattr(np.fft, name)(x, s=s, axes=(0, 2))
        with pytest.warns(DeprecationWarning, match="Passing an array containing `None`"):
            actual = getattr(f, name)(torchnp.asarray(x), s=s, axes=(0, 2))
        assert_matches_numpy(actual, expected, rtol=1e-10, atol=1e-10)


def test_no_warning_for_s_with_axes():
    x = torchnp.asarray(_sample((3, 4), np.float64))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f.fftn(x, s=(2, -1), axes=(0, 1))
        f.fft2(x)


@pytest.mark.parametrize("name", TRANSFORMS_ND)
def test_s_and_axes_errors(name):
    x = _sample((2, 3, 4), np.float64)
    calls = [dict(s=(2,), axes=(0, 1)), dict(s=(2, 0), axes=(0, 1)), dict(s=(2, -2), axes=(0, 1)),
             dict(axes=(0, 3)), dict(axes=(0, -4)), dict(s=(2, 2), axes=(0, 3)),
             dict(s=2, axes=(0, 1)), dict(s=(2, 2), axes=1), dict(axes=1), dict(axes=(0.0, 1)),
             dict(s=(2.0, 3), axes=(0, 1)), dict(axes=[]), dict(s=[], axes=[])]
    for kwargs in calls:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            raises_or_matches(name, x, **kwargs)


def raises_or_matches(name, x, **kwargs):
    """NumPy's result, or NumPy's exception class."""
    try:
        expected = getattr(np.fft, name)(x, **kwargs)
    except Exception:       # noqa: BLE001 - raises_like_numpy compares the class
        raises_like_numpy(lambda: getattr(np.fft, name)(x, **kwargs),
                          lambda: getattr(f, name)(torchnp.asarray(x), **kwargs))
        return
    actual = getattr(f, name)(torchnp.asarray(x), **kwargs)
    assert_matches_numpy(actual, expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("name", ("fftn", "ifftn", "fft2", "ifft2"))
def test_no_axes_returns_the_input(name):
    """NumPy transforms nothing and returns its input array itself (out= ignored)."""
    a = torchnp.asarray(_sample((3, 4), np.float64))
    out = torchnp.zeros((3, 4), dtype=complex)
    assert getattr(f, name)(a, axes=[]) is a
    assert getattr(f, name)(a, axes=(), out=out) is a
    assert getattr(np.fft, name)(np.asarray(a), axes=()).dtype == np.float64


def test_repeated_axes_transform_twice():
    for name in ("fftn", "ifftn", "rfftn", "irfftn"):
        check(name, _sample((4, 6), np.complex128 if name != "rfftn" else np.float64),
              axes=(1, 0, 1))


def test_axes_order_and_negative_axes():
    x = _sample((3, 4, 5), np.float64)
    for axes in ((2, 0), (-1, -3), (0, -1, 1)):
        for name in ("rfftn", "fftn"):
            check(name, x, axes=axes)
        check("irfftn", x.astype(complex), axes=axes, s=[4] * len(axes))


# ----- norm ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TRANSFORMS_1D + TRANSFORMS_ND)
def test_norm_errors_word_it_as_numpy_does(name):
    """NumPy words the error two ways: without a space after "backward", for the forward
    transforms, with one where it swaps the direction (inverses, hfft, ihfft)."""
    x = _sample((4, 6), np.float64)
    for norm in ("bad", "Ortho", 1):
        try:
            getattr(np.fft, name)(x, norm=norm)
        except ValueError as e:
            expected = str(e)
        with pytest.raises(ValueError) as info:
            getattr(f, name)(torchnp.asarray(x), norm=norm)
        assert str(info.value) == expected
    for norm in (None, "backward", "ortho", "forward"):
        check(name, x, norm=norm)


def test_unhashable_norm():
    """NumPy looks an inverse's norm up in a dict: a list is a TypeError; forward: ValueError."""
    x = _sample((4,), np.float64)
    for name in ("fft", "ifft", "irfft", "hfft", "ihfft", "rfft"):
        raises_like_numpy(lambda: getattr(np.fft, name)(x, norm=[]),
                          lambda: getattr(f, name)(torchnp.asarray(x), norm=[]))


# ----- out= ---------------------------------------------------------------------------------------
def test_out_is_written_and_returned():
    x = _sample((3, 8), np.float64)
    for name, shape, dtype in (("fft", (3, 8), complex), ("rfft", (3, 5), complex),
                               ("irfft", (3, 14), float), ("ihfft", (3, 5), complex)):
        out = torchnp.zeros(shape, dtype=dtype)
        res = getattr(f, name)(torchnp.asarray(x), out=out)
        assert res is out
        assert_matches_numpy(out, getattr(np.fft, name)(x), rtol=1e-10, atol=1e-10)


def test_out_of_a_wider_dtype_computes_in_it():
    """NumPy picks its loop from out= too: float32 input into complex128 computes in double."""
    x = _sample((1000,), np.float32)
    expected = np.zeros(1000, complex)
    np.fft.fft(x, out=expected)
    out = torchnp.zeros(1000, dtype=complex)
    f.fft(torchnp.asarray(x), out=out)
    assert_matches_numpy(out, expected, rtol=1e-12, atol=1e-12)


def test_out_of_a_narrower_dtype_is_cast():
    x = _sample((8,), np.float64)
    expected = np.zeros(8, np.complex64)
    np.fft.fft(x, out=expected)
    out = torchnp.zeros(8, dtype=np.complex64)
    f.fft(torchnp.asarray(x), out=out)
    assert_matches_numpy(out, expected, rtol=1e-6, atol=1e-6)


def test_out_errors():
    x = _sample((2, 3), np.float64)
    cases = [("fft", np.zeros((2, 3))), ("fft", np.zeros((2, 4), complex)),
             ("fft", np.zeros((3,), complex)), ("fft", np.zeros((1, 3), complex)),
             ("fft", np.zeros((3, 3), complex)), ("irfft", np.zeros((2, 4), np.int32)),
             ("rfft", np.zeros((2, 2), np.float32)), ("fftn", np.zeros((2, 3), np.float64))]
    for name, out in cases:
        raises_like_numpy(lambda: getattr(np.fft, name)(x, out=out),
                          lambda: getattr(f, name)(torchnp.asarray(x),
                                                   out=torchnp.asarray(out.copy())))
    for out in ([0j] * 3, np.zeros(3, complex), 3):
        with pytest.raises(TypeError, match="return arrays must be of ArrayType"):
            f.fft(torchnp.asarray(x[0]), out=out)
    with pytest.raises(ValueError, match="read-only"):
        f.fft(torchnp.asarray(x), out=torchnp.broadcast_to(torchnp.zeros((1, 3), complex), (2, 3)))


def test_out_broadcasts_a_length_one_batch():
    """A batch dimension of 1 is broadcast into out= (NumPy's ufunc broadcasting). An n-d
    transform's later step along that axis then has the wrong length for out= (n is the input's),
    in NumPy and torchnp alike."""
    x = _sample((1, 4), np.complex128)
    expected = np.ones((3, 4), complex)
    np.fft.fft(x, out=expected)
    out = torchnp.ones((3, 4), dtype=complex)
    f.fft(torchnp.asarray(x), out=out)
    assert_matches_numpy(out, expected, rtol=1e-12, atol=1e-12)
    for name in ("fftn", "fft2"):
        raises_like_numpy(lambda: getattr(np.fft, name)(x, out=np.ones((3, 4), complex)),
                          lambda: getattr(f, name)(torchnp.asarray(x),
                                                   out=torchnp.ones((3, 4), dtype=complex)))


def test_out_of_an_nd_transform_gets_every_step():
    """NumPy writes every 1-D step into out=: s changing a batch axis cannot fit it."""
    x = _sample((2, 3), np.float64)
    for s in ((2, 5), (4, 5), (2, 2), (3, 2)):
        out = np.zeros(s, complex)
        try:
            np.fft.fftn(x, s=s, axes=(0, 1), out=out)
        except ValueError as e:
            with pytest.raises(ValueError) as info:
                f.fftn(torchnp.asarray(x), s=s, axes=(0, 1), out=torchnp.zeros(s, dtype=complex))
            assert str(info.value) == str(e)
            continue
        mine = torchnp.zeros(s, dtype=complex)
        assert f.fftn(torchnp.asarray(x), s=s, axes=(0, 1), out=mine) is mine
        assert_matches_numpy(mine, out, rtol=1e-12, atol=1e-12)


def test_out_aliasing_the_input():
    b = _sample((8,), np.complex128)
    expected = b.copy()
    np.fft.fft(expected, out=expected)
    a = torchnp.asarray(b.copy())
    assert f.fft(a, out=a) is a
    assert_matches_numpy(a, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", ("hfft", "ifft2", "irfft2"))
def test_out_honoured_where_numpy_2_4_drops_it(name):
    """NumPy 2.4 ignores out= of hfft, ifft2, irfft2 (known_bugs.NUMPY_BUGS); torchnp writes it.
    Expected: NumPy's own fix (hfft is irfft of the conjugate; ifft2 / irfft2 are the n-d forms)."""
    x = _sample((4, 6), np.complex128)
    ignored = np.zeros((4, 10) if name == "hfft" else (4, 10) if name == "irfft2" else (4, 6),
                       complex if name == "ifft2" else float)
    assert getattr(np.fft, name)(x, out=ignored) is not ignored     # still NumPy's bug?
    expected = {"hfft": lambda: np.fft.irfft(np.conjugate(x), norm="forward"),
                "ifft2": lambda: np.fft.ifftn(x, axes=(-2, -1)),
                "irfft2": lambda: np.fft.irfftn(x, axes=(-2, -1))}[name]()
    out = torchnp.zeros(expected.shape, dtype=expected.dtype)
    assert getattr(f, name)(torchnp.asarray(x), out=out) is out
    assert_matches_numpy(out, expected, rtol=1e-12, atol=1e-12)


# ----- empty inputs -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TRANSFORMS_1D)
def test_empty_batches(name):
    dtype = np.float64 if name in ("rfft", "ihfft") else np.complex128
    for shape, axis in (((0, 4), -1), ((3, 0), 0), ((0, 0, 4), -1)):
        check(name, _sample(shape, dtype), axis=axis)
    raises_like_numpy(lambda: getattr(np.fft, name)(np.zeros((3, 0), dtype)),
                      lambda: getattr(f, name)(torchnp.zeros((3, 0), dtype=dtype)))


@pytest.mark.parametrize("name", ("fft", "ifft", "rfft", "ihfft"))
def test_empty_axis_padded_is_zeros(name):
    check(name, np.zeros((2, 0)), n=4)


@pytest.mark.parametrize("name", ("irfft", "hfft"))
def test_empty_axis_padded_is_zeros_where_numpy_reads_garbage(name):
    """NumPy 2.4's irfft / hfft of an empty axis zero-padded to n return uninitialised memory
    (known_bugs.NUMPY_BUGS); zero-padding nothing is zeros: NumPy's result for a zero of
    length 1 padded to n."""
    expected = getattr(np.fft, name)(np.zeros((2, 1), complex), n=4)
    actual = getattr(f, name)(torchnp.zeros((2, 0), dtype=complex), n=4)
    assert_matches_numpy(actual, expected, rtol=0, atol=0)


def test_empty_nd():
    for name in ("fftn", "rfftn", "irfftn"):
        check(name, np.zeros((0, 3, 4)), axes=(1, 2))
        check(name, np.zeros((3, 0, 4)), axes=(0, 2))


# ----- inputs of every kind, devices -------------------------------------------------------------
def test_array_likes_and_tensors():
    x = _sample((6,), np.float64)
    expected = np.fft.fft(x)
    for a in (x.tolist(), torch.from_numpy(x), tuple(x.tolist()), x):
        assert_matches_numpy(f.fft(a), expected, rtol=1e-12, atol=1e-12)


def test_scalar_input_has_no_axis():
    raises_like_numpy(lambda: np.fft.fft(3.0), lambda: f.fft(3.0))
    raises_like_numpy(lambda: np.fft.fft(np.ones(3), axis=1), lambda: f.fft(torchnp.ones(3),
                                                                              axis=1))


def test_meta_device():
    """Computed on the input's device: shapes and dtypes from meta tensors, no data read."""
    x = torchnp.ones((3, 8), dtype=np.float32, device="meta")
    for name, shape, dtype in (("fft", (3, 8), np.complex64), ("rfft", (3, 5), np.complex64),
                               ("irfft", (3, 14), np.float32), ("hfft", (3, 14), np.float32),
                               ("ihfft", (3, 5), np.complex64), ("fft2", (3, 8), np.complex64),
                               ("rfftn", (3, 5), np.complex64), ("irfft2", (3, 14), np.float32)):
        res = getattr(f, name)(x)
        assert res.tensor.device.type == "meta"
        assert res.shape == shape and res.dtype == dtype, name
    out = torchnp.zeros((3, 8), dtype=complex, device="meta")
    assert f.fft(x, out=out) is out


def test_out_on_another_device_raises():
    with pytest.raises(ValueError, match="device"):
        f.fft(torchnp.ones(4), out=torchnp.zeros(4, dtype=complex, device="meta"))


def test_host_data_follows_out_device():
    out = torchnp.zeros(3, dtype=complex, device="meta")
    assert f.fft([1.0, 2.0, 3.0], out=out) is out


def test_results_are_arrays_not_scalars():
    res = f.fft(torchnp.ones(1))
    assert res.shape == (1,)
    res[0] = 5          # an array, writable as NumPy's
    assert complex(res[0]) == 5


# ----- gradients ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TRANSFORMS_1D)
@pytest.mark.parametrize("kwargs", [{}, {"n": 5}, {"n": 9, "norm": "ortho"},
                                    {"axis": 0, "norm": "forward"}], ids=str)
def test_gradcheck_1d(name, kwargs):
    dtype = torch.float64 if name in ("rfft", "ihfft") else torch.complex128
    t = torch.randn(4, 6, dtype=dtype, generator=torch.Generator().manual_seed(0))

    def fn(t):
        res = getattr(f, name)(torchnp.asarray(t), **kwargs).tensor
        return torch.view_as_real(res) if res.is_complex() else res

    assert torch.autograd.gradcheck(fn, (t.requires_grad_(),))


@pytest.mark.parametrize("name", ("fftn", "rfftn", "irfftn", "fft2"))
def test_gradcheck_nd(name):
    dtype = torch.float64 if name == "rfftn" else torch.complex128
    t = torch.randn(3, 4, dtype=dtype, generator=torch.Generator().manual_seed(1))

    def fn(t):
        res = getattr(f, name)(torchnp.asarray(t), s=(4, 6), axes=(0, 1)).tensor
        return torch.view_as_real(res) if res.is_complex() else res

    assert torch.autograd.gradcheck(fn, (t.requires_grad_(),))


def test_backward_through_torchnp():
    x = torchnp.asarray(_sample((8,), np.float64), requires_grad=True)
    loss = torchnp.abs(f.rfft(x)).sum()
    loss.backward()
    assert x.grad is not None and x.grad.shape == (8,)


# ----- frequencies --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ("fftfreq", "rfftfreq"))
def test_freq(name):
    for n in (1, 2, 7, 8, np.int64(5), np.int8(4)):
        for d in (1.0, 0.25, 3, np.float32(0.1), np.float16(2), 1 + 1j, np.complex64(2)):
            expected = getattr(np.fft, name)(n, d)
            assert_matches_numpy(getattr(f, name)(n, d), expected, rtol=1e-6)


@pytest.mark.parametrize("name", ("fftfreq", "rfftfreq"))
def test_freq_d_as_an_array(name):
    for d in (np.array(0.5), np.array(0.5, np.float32), np.array([0.5])):
        raises_or_matches_freq(name, 4, d)


def raises_or_matches_freq(name, n, d):
    """NumPy's result or exception class for ``name(n, d)``; an array ``d`` as a torchnp array."""
    td = torchnp.asarray(d) if isinstance(d, np.ndarray) else d
    try:
        expected = getattr(np.fft, name)(n, d)
    except Exception:       # noqa: BLE001 - raises_like_numpy compares the class
        raises_like_numpy(lambda: getattr(np.fft, name)(n, d), lambda: getattr(f, name)(n, td))
        return
    assert_matches_numpy(getattr(f, name)(n, td), expected, rtol=1e-6)


@pytest.mark.parametrize("name", ("fftfreq", "rfftfreq"))
def test_freq_errors(name):
    for n, d in ((2.5, 1.0), (np.float64(3), 1.0), (0, 1.0), (4, 0.0), (-3, 1.0), ("4", 1.0),
                 (np.array(4), 1.0), (4, "x"), (-1, 1.0)):
        raises_or_matches_freq(name, n, d)


@pytest.mark.parametrize("name", ("fftfreq", "rfftfreq"))
def test_freq_device(name):
    res = getattr(f, name)(8, 0.5, device="meta")
    assert res.tensor.device.type == "meta"
    assert res.shape == getattr(np.fft, name)(8, 0.5).shape and res.dtype == np.float64
    cpu = getattr(f, name)(8, 0.5, device="cpu")
    assert_matches_numpy(cpu, getattr(np.fft, name)(8, 0.5, device="cpu"))


def test_freq_takes_a_torchnp_integer_scalar():
    """Where NumPy has a NumPy integer (a count from a reduction), torchnp has a 0-d integer
    scalar: it is an integer n."""
    n = torchnp.sum(torchnp.ones(6, dtype=int))
    assert_matches_numpy(f.fftfreq(n), np.fft.fftfreq(6))
    with pytest.raises(ValueError, match="n should be an integer"):
        f.fftfreq(torchnp.sum(torchnp.ones(6)))


# ----- shifts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_shifts_keep_dtype(dtype):
    x = _sample((4, 5), dtype)
    for name in ("fftshift", "ifftshift"):
        for axes in (None, 0, 1, -1, (0, 1), [1], (0, 0), ()):
            actual = getattr(f, name)(torchnp.asarray(x), axes=axes)
            assert_matches_numpy(actual, getattr(np.fft, name)(x, axes=axes), rtol=0)


def test_shift_round_trip_and_freq_order():
    for n in (7, 8):
        freqs = f.fftshift(f.fftfreq(n))
        assert_matches_numpy(freqs, np.fft.fftshift(np.fft.fftfreq(n)))
        assert_matches_numpy(f.ifftshift(freqs), np.fft.fftfreq(n))


def test_shift_errors():
    x = np.ones((2, 3))
    for axes in (2, (0, 2), -3, 1.0):
        raises_like_numpy(lambda: np.fft.fftshift(x, axes=axes),
                          lambda: f.fftshift(torchnp.asarray(x), axes=axes))


# ----- the complex-to-real transforms off the CPU -------------------------------------------------
@pytest.mark.parametrize("n", [1, 2, 5, 6, 9, 12])
def test_c2r_off_the_cpu_is_numpys(n):
    """Off the CPU, irfft / hfft / irfftn zero the imaginary parts NumPy ignores before torch's
    transform (cuFFT assumes a Hermitian input: pytorch#154496). The same code on CPU tensors,
    with a non-Hermitian input, gives NumPy's results."""
    from torchnp.fft._transforms import _HFFT, _IRFFT, _c2r_off_cpu
    x = _sample((3, 5, 4), np.complex128, seed=3)
    t = torch.from_numpy(x)
    for norm in ("backward", "ortho", "forward"):
        for axis in (0, 1, 2):
            np.testing.assert_allclose(_c2r_off_cpu(_IRFFT, t, n, axis, norm).numpy(),
                                       np.fft.irfft(x, n, axis, norm), rtol=1e-10, atol=1e-12)
            np.testing.assert_allclose(_c2r_off_cpu(_HFFT, t, n, axis, norm).numpy(),
                                       np.fft.hfft(x, n, axis, norm), rtol=1e-10, atol=1e-12)
        for axes in ((0, 2), (2, 1), (0, 1, 2)):
            s = [4] * (len(axes) - 1) + [n]
            np.testing.assert_allclose(
                _c2r_off_cpu(_IRFFT, t, s, list(axes), norm).numpy(),
                np.fft.irfftn(x, s, axes, norm), rtol=1e-10, atol=1e-12)
    real = torch.from_numpy(x.real.copy())
    np.testing.assert_allclose(_c2r_off_cpu(_IRFFT, real, [4, n], [0, 2], "backward").numpy(),
                               np.fft.irfftn(x.real, [4, n], (0, 2)), rtol=1e-10, atol=1e-12)


def test_c2r_off_the_cpu_gradcheck():
    from torchnp.fft._transforms import _HFFT, _IRFFT, _c2r_off_cpu
    t = torch.randn(3, 4, dtype=torch.complex128, generator=torch.Generator().manual_seed(2))
    for kind, n, dim in ((_IRFFT, 6, 1), (_HFFT, 5, 0), (_IRFFT, [4, 8], [0, 1])):
        assert torch.autograd.gradcheck(
            lambda u, kind=kind, n=n, dim=dim: _c2r_off_cpu(kind, u, n, dim, "ortho"),
            (t.clone().requires_grad_(),))
