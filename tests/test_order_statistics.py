"""Order statistics and averages against NumPy: every quantile method at its kinks, result
dtypes (weak and strong q), NaNs and their warnings, weights, out= and keepdims, average, cov,
corrcoef, ptp, nanargmax / nanargmin, gradients."""
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

NAN = numpy.nan
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def T(x):
    return torchnp.asarray(x)


def both(name, *args, **kwargs):
    """(torchnp's result, NumPy's) on the same NumPy inputs, NumPy's warnings silenced."""
    tnp_args = [T(a) if isinstance(a, numpy.ndarray) else a for a in args]
    tnp_kwargs = {k: T(v) if isinstance(v, numpy.ndarray) else v for k, v in kwargs.items()}
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return (getattr(torchnp, name)(*tnp_args, **tnp_kwargs),
                getattr(numpy, name)(*args, **kwargs))


def check(name, *args, **kwargs):
    assert_matches_numpy(*both(name, *args, **kwargs))


def warnings_of(call):
    with warnings.catch_warnings(record=True) as caught, numpy.errstate(all="ignore"):
        warnings.simplefilter("always")
        call()
    return sorted({(w.category, str(w.message).rstrip(".")) for w in caught
                   if w.category is RuntimeWarning and "encountered in" not in str(w.message)})


def same_warnings(name, *args, **kwargs):
    """torchnp warns as NumPy does (category and text), beyond NumPy's floating-point ones."""
    tnp_args = [T(a) if isinstance(a, numpy.ndarray) else a for a in args]
    got = warnings_of(lambda: getattr(torchnp, name)(*tnp_args, **kwargs))
    want = warnings_of(lambda: getattr(numpy, name)(*args, **kwargs))
    assert got == want, f"{name}: torchnp warned {got}, NumPy {want}"


# ----- quantiles ----------------------------------------------------------------------------------

@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n", [1, 2, 3, 4, 7])
def test_every_method_at_and_between_kinks(method, n):
    """q on the grid k / n and k / (n - 1), where the methods switch neighbours, and between."""
    x = numpy.array([4.0, -1.5, 4.0, 2.25, 9.0, -3.0, 0.5])[:n]
    grid = sorted({k / n for k in range(n + 1)} | {k / max(n - 1, 1) for k in range(n)}
                  | {0.01, 0.33, 0.5, 0.77, 0.99})
    check("quantile", x, grid, method=method)
    check("quantile", x.astype(numpy.int16), grid, method=method)
    for q in grid:
        check("quantile", x, q, method=method)


@pytest.mark.parametrize("dtype", ["int8", "uint64", "float16", "float32", "float64"])
@pytest.mark.parametrize("q", [0.3, 1, 0, [0.3, 0.6], numpy.float32(0.3),
                               numpy.array([0.2, 0.8], numpy.float16), numpy.array(0.5)],
                         ids=["weak-float", "weak-int-1", "weak-int-0", "list", "np.float32",
                              "float16-array", "0d-array"])
def test_result_dtypes(dtype, q):
    """Python scalars are weak (float32 data: float32 results); arrays and NumPy scalars are not;
    an integer q picks elements (linear), keeping the data's dtype."""
    x = numpy.array([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]]).astype(dtype)
    for method in ["linear", "lower", "midpoint", "weibull"]:
        check("quantile", x, q, axis=1, method=method)
    check("percentile", x, numpy.multiply(q, 100), axis=1)
    check("median", x, axis=1)


def test_integer_differences_wrap_as_in_numpy():
    """NumPy interpolates with b - a computed in the data's dtype: int8 wraps."""
    x = numpy.array([-128, 127], numpy.int8)
    for q in [0.25, 0.5, 0.75]:
        check("quantile", x, q)
    check("quantile", numpy.array([0, 2**64 - 1], numpy.uint64), 0.5)


@pytest.mark.parametrize("name", ["quantile", "nanquantile"])
def test_nans(name):
    x = numpy.array([[1.0, NAN, 3.0, 2.0], [NAN, NAN, NAN, NAN], [4.0, 0.5, -1.0, 2.0]])
    for method in METHODS:
        check(name, x, [0.2, 0.5], axis=1, method=method)
    check(name, x, 0.5)
    check(name, x[0], numpy.float32(0.5))       # one NaN slice: NumPy's NaN, in x's dtype
    check(name, x, 0.5, axis=0, keepdims=True)


def test_quantile_of_inf():
    """NumPy's lerp of inf with inf is NaN (inf - inf), where both neighbours are the last."""
    check("quantile", numpy.array([1.0, numpy.inf]), [0.5, 1.0])
    check("quantile", numpy.array([-numpy.inf, 1.0]), [0.0, 0.5])


def test_weighted_inverted_cdf():
    x = numpy.array([[3.0, 1.0, 4.0, 1.0, 5.0], [9.0, 2.0, 6.0, 5.0, 3.0]])
    w = numpy.array([[0.0, 0.0, 1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 1.0, 4.0]])
    for q in [0.0, 0.25, 0.5, 1.0, [0.0, 0.1, 0.9, 1.0]]:
        check("quantile", x, q, axis=1, method="inverted_cdf", weights=w)
        check("quantile", x, q, axis=1, method="inverted_cdf", weights=w[0])
        check("percentile", x, numpy.multiply(q, 100), method="inverted_cdf", weights=w)
        check("nanquantile", x, q, axis=1, method="inverted_cdf", weights=w)


@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "nanpercentile"])
def test_errors(name):
    scale = 100 if "percentile" in name else 1
    x = numpy.arange(6.0).reshape(2, 3)
    cases = [dict(q=1.5 * scale), dict(q=[0.5, -0.1]), dict(q=[[[0.5]]]), dict(q=NAN),
             dict(q=0.5, method="nonsense"), dict(q=0.5, axis=2), dict(q=0.5, axis=(0, 0)),
             dict(q=0.5, weights=numpy.ones((2, 3))),
             dict(q=0.5, method="inverted_cdf", weights=numpy.ones(3)),
             dict(q=0.5, method="inverted_cdf", weights=-numpy.ones((2, 3))),
             dict(q=0.5, method="inverted_cdf", axis=(0, 5), weights=numpy.ones((2, 3)))]
    for kw in cases:
        raises_like_numpy(lambda: getattr(numpy, name)(x, **kw),
                          lambda: getattr(torchnp, name)(T(x), **kw))
    raises_like_numpy(lambda: getattr(numpy, name)(x + 1j, 0.5),
                      lambda: getattr(torchnp, name)(T(x + 1j), 0.5))


def test_empty_inputs():
    raises_like_numpy(lambda: numpy.quantile(numpy.array([]), 0.5),
                      lambda: torchnp.quantile(T(numpy.array([])), 0.5))
    check("quantile", numpy.zeros((3, 0)), 0.5, axis=0)
    check("nanquantile", numpy.zeros((0, 3)), [0.5, 0.7])       # NumPy's nanmean: one NaN
    check("median", numpy.zeros((0, 3)), axis=0)
    same_warnings("median", numpy.array([]))
    check("nanmedian", numpy.zeros((0, 3)), axis=1)


@pytest.mark.xfail(strict=True, reason="bug in nanmean, which nanquantile calls for an empty "
                   "array as NumPy does: torchnp.nanmean of an empty float array does not warn "
                   "'Mean of empty slice' (NumPy does; its where= mask hides the count)")
def test_empty_nanquantile_warns():
    same_warnings("nanquantile", numpy.zeros((0, 3)), 0.5)


def test_all_nan_warnings():
    x = numpy.array([[NAN, NAN], [1.0, 2.0]])
    for name, args in [("nanmedian", ()), ("nanquantile", (0.5,)), ("nanpercentile", (50,))]:
        same_warnings(name, x, *args, axis=1)
        same_warnings(name, x[0], *args)
    raises_like_numpy(lambda: numpy.nanargmax(x, axis=1), lambda: torchnp.nanargmax(T(x), axis=1))
    raises_like_numpy(lambda: numpy.nanargmin(x[0]), lambda: torchnp.nanargmin(T(x[0])))


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("name, args", [("median", ()), ("quantile", ([0.2, 0.7],)),
                                        ("nanmedian", ()), ("nanpercentile", (40,))])
def test_out_and_keepdims(name, args, keepdims):
    x = numpy.arange(24.0).reshape(2, 3, 4) ** 1.5
    x[0, 1, 2] = NAN
    for axis in [None, 1, (0, 2)]:
        want = getattr(numpy, name)(x, *args, axis=axis, keepdims=keepdims)
        out_np = numpy.full(numpy.shape(want), -1.0)
        out = T(out_np.copy())
        res = getattr(torchnp, name)(T(x), *args, axis=axis, keepdims=keepdims, out=out)
        getattr(numpy, name)(x, *args, axis=axis, keepdims=keepdims, out=out_np)
        assert res is out
        assert_matches_numpy(out, out_np)


def test_out_casting():
    x = numpy.array([[1.0, 2.0, 4.0], [NAN, 1.0, 2.0]])
    for out_dtype in ["float32", "int64", "complex64", "bool"]:
        for method in ["linear", "lower"]:
            out_np = numpy.zeros(2, out_dtype)
            raises = None
            try:
                numpy.quantile(x, 0.5, axis=1, method=method, out=out_np)
            except TypeError as e:
                raises = e
            out = T(numpy.zeros(2, out_dtype))
            if raises is not None:
                with pytest.raises(TypeError):
                    torchnp.quantile(T(x), 0.5, axis=1, method=method, out=out)
            else:
                torchnp.quantile(T(x), 0.5, axis=1, method=method, out=out)
                assert_matches_numpy(out, out_np)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "float16", "complex128"])
def test_median_dtypes(dtype):
    x = numpy.array([[3, 1, 4, 1], [5, 9, 2, 6]]).astype(dtype)
    check("median", x)
    check("median", x, axis=1)
    check("nanmedian", x, axis=0)


def test_nanmedian_paths():
    """NumPy takes a 1-d median, a masked median, or per-slice medians (slices of 600 and more):
    float16 rounding follows each."""
    rng = numpy.random.default_rng(0)
    x = rng.uniform(0, 60000, (3, 8)).astype(numpy.float16)
    x[0, :3] = NAN
    check("nanmedian", x)
    check("nanmedian", x, axis=1)
    long = rng.uniform(0, 100, (2, 601)).astype(numpy.float16)
    long[1, ::3] = NAN
    check("nanmedian", long, axis=1)


# ----- average, cov, corrcoef ---------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["bool", "int16", "float16", "float32", "complex64"])
@pytest.mark.parametrize("wdtype", ["int64", "float32", "bool"])
def test_average_promotion(dtype, wdtype):
    x = numpy.array([[3, 1, 4, 1], [5, 9, 2, 6]]).astype(dtype)
    w = numpy.array([1, 2, 0, 3]).astype(wdtype)
    check("average", x, axis=1, weights=w, returned=True)
    check("average", x, axis=-1, weights=w, keepdims=True)
    check("average", x, returned=True)


def test_average_errors():
    x = numpy.ones((2, 3))
    for kw in [dict(weights=numpy.ones(3)), dict(axis=0, weights=numpy.ones(3)),
               dict(axis=1, weights=numpy.zeros(3)), dict(axis=(0, 0)), dict(axis=2)]:
        raises_like_numpy(lambda: numpy.average(x, **kw), lambda: torchnp.average(T(x), **kw))
    raises_like_numpy(lambda: numpy.average(numpy.zeros((0, 3)), axis=1),
                      lambda: torchnp.average(T(numpy.zeros((0, 3))), axis=1))


@pytest.mark.parametrize("dtype", ["int8", "float32", "float64", "complex128"])
def test_cov(dtype):
    rng = numpy.random.default_rng(1)
    x = (rng.standard_normal((3, 6)) * 4).astype(dtype)
    y = (rng.standard_normal((2, 6)) * 4).astype(dtype)
    fw = numpy.array([1, 0, 2, 1, 3, 1])
    aw = numpy.array([0.5, 1.0, 0.25, 2.0, 1.0, 0.1])
    for kw in [{}, dict(bias=True), dict(ddof=3), dict(rowvar=False), dict(fweights=fw),
               dict(aweights=aw), dict(fweights=fw, aweights=aw), dict(fweights=fw, ddof=0),
               dict(aweights=aw, bias=True), dict(dtype=numpy.float32)]:
        check("cov", x, **kw)
        if "rowvar" not in kw:
            check("cov", x, y, **kw)
    check("cov", x.T, y.T, rowvar=False)
    check("cov", x[0], y[0])
    check("corrcoef", x)
    check("corrcoef", x, y, rowvar=True)
    check("corrcoef", x.T, rowvar=False)


def test_cov_degenerate():
    same_warnings("cov", numpy.array([[1.0, 2.0]]), ddof=2)
    check("cov", numpy.array([[1.0, 2.0]]), ddof=2)
    check("cov", numpy.array([5.0]))                       # one observation: nan, and a warning
    same_warnings("cov", numpy.array([5.0]))
    check("cov", numpy.zeros((0, 4)))
    check("corrcoef", numpy.array([1.0, 2.0, 4.0]))         # a 0-d covariance: c / c
    check("corrcoef", numpy.array([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]]))   # a constant row: nan


def test_cov_errors():
    x = numpy.ones((2, 3))
    for args, kw in [((numpy.ones((2, 2, 2)),), {}), ((x, numpy.ones((2, 2, 2))), {}),
                     ((x,), dict(ddof=1.5)), ((x,), dict(fweights=[1.5, 1, 1])),
                     ((x,), dict(fweights=[[1, 1, 1]])), ((x,), dict(aweights=[1, 1])),
                     ((x,), dict(fweights=[1, -1, 1])), ((x,), dict(aweights=[1, -1, 1])),
                     ((x, numpy.ones((2, 4))), {}), ((x,), dict(dtype=numpy.int64))]:
        raises_like_numpy(lambda: numpy.cov(*args, **kw),
                          lambda: torchnp.cov(*[T(a) for a in args], **kw))


def test_corrcoef_stays_in_range():
    """Rounding can push coefficients past +-1: NumPy clips them (real and imaginary parts)."""
    x = numpy.array([[1e-8, 2e-8, 3e-8], [1, 2, 3.000001]]) * 1e5
    check("corrcoef", x)
    check("corrcoef", x + 1j * x[::-1])


# ----- ptp, nanargmax, nanargmin ------------------------------------------------------------------

def test_ptp():
    x = numpy.array([[3, -1, 4], [1, 5, -9]], numpy.int8)
    check("ptp", x)
    check("ptp", x, axis=1, keepdims=True)
    check("ptp", x.astype(numpy.complex64), axis=0)
    out_np, out = numpy.zeros(3, numpy.int8), T(numpy.zeros(3, numpy.int8))
    assert torchnp.ptp(T(x), axis=0, out=out) is out
    numpy.ptp(x, axis=0, out=out_np)
    assert_matches_numpy(out, out_np)
    raises_like_numpy(lambda: numpy.ptp(x > 0), lambda: torchnp.ptp(T(x > 0)))
    assert not hasattr(numpy.ndarray, "ptp") and not hasattr(torchnp.ndarray, "ptp")


@pytest.mark.parametrize("name", ["nanargmax", "nanargmin"])
def test_nan_arg(name):
    x = numpy.array([[NAN, 2.0, -1.0], [3.0, NAN, NAN]])
    check(name, x)
    check(name, x, axis=1)
    check(name, x, axis=0, keepdims=True)
    check(name, x.astype(numpy.complex64) + 1j, axis=1)
    check(name, numpy.array([[3, 1], [1, 3]], numpy.uint16), axis=0)
    out = T(numpy.zeros(2, numpy.int64))
    assert getattr(torchnp, name)(T(x), axis=1, out=out) is out
    assert_matches_numpy(out, getattr(numpy, name)(x, axis=1))
    raises_like_numpy(lambda: getattr(numpy, name)(numpy.zeros((0, 2))),
                      lambda: getattr(torchnp, name)(T(numpy.zeros((0, 2)))))


# ----- gradients and devices ----------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda a: torchnp.median(a, axis=1),
    lambda a: torchnp.nanmedian(a, axis=0),
    lambda a: torchnp.quantile(a, [0.3, 0.85], axis=1, method="median_unbiased"),
    lambda a: torchnp.percentile(a, 62.5),
    lambda a: torchnp.average(a, axis=0, weights=[0.5, 1.0, 2.0]),
    lambda a: torchnp.cov(a, aweights=[1.0, 0.5, 2.0, 1.0]),
    lambda a: torchnp.corrcoef(a),
], ids=["median", "nanmedian", "quantile", "percentile", "average", "cov", "corrcoef"])
def test_gradients(call):
    x = torch.tensor(numpy.random.default_rng(2).uniform(-3, 3, (3, 4)), requires_grad=True)
    assert torch.autograd.gradcheck(lambda t: call(torchnp.asarray(t)).tensor, (x,))


@pytest.mark.parametrize("name, args", [("median", ()), ("nanmedian", ()), ("quantile", (0.5,)),
                                        ("nanargmax", ())])
def test_out_on_another_device(name, args):
    x = torchnp.asarray(numpy.arange(6.0).reshape(2, 3))
    out = torchnp.asarray(torch.zeros(2, dtype=torch.float64 if name != "nanargmax" else
                                      torch.int64, device="meta"))
    with pytest.raises(ValueError, match="device"):
        getattr(torchnp, name)(x, *args, axis=1, out=out)
