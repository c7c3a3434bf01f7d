"""Histograms against NumPy: values on the edges (computed edges that floats cannot hold, the
closed last bin), every bin-width rule, integer ranges, weights of every kind, density,
histogram2d / histogramdd, bincount and digitize, their warnings and errors."""
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

NAN, INF = numpy.nan, numpy.inf
RULES = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]


def T(x):
    return torchnp.asarray(x)


def _torchnp_args(args):
    return [T(a) if isinstance(a, numpy.ndarray) else a for a in args]


def check(name, *args, **kwargs):
    """torchnp's result equals NumPy's (lists of edges compared element by element)."""
    tnp_kwargs = {k: T(v) if isinstance(v, numpy.ndarray) else v for k, v in kwargs.items()}
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        got = getattr(torchnp, name)(*_torchnp_args(args), **tnp_kwargs)
        want = getattr(numpy, name)(*args, **kwargs)
    if name == "histogramdd":
        got, want = (got[0], *got[1]), (want[0], *want[1])
    assert_matches_numpy(got, want)


def warned(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [(w.category, str(w.message)) for w in caught]


# ----- edges and counts ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
@pytest.mark.parametrize("bins", [3, 7, 10, 100, 1000])
def test_values_on_the_computed_edges(dtype, bins):
    """Data at NumPy's own edges: its index formula then its corrections decide the bin."""
    rng = numpy.random.default_rng(bins)
    data = (rng.standard_normal(200) * 3).astype(dtype)
    for rng_ in [None, (0.1, 0.7), (-1.3, 2.9)]:
        edges = numpy.histogram_bin_edges(data, bins, rng_)
        on_edges = numpy.concatenate([data, edges.astype(dtype)])
        check("histogram", on_edges, bins, rng_)
        check("histogram_bin_edges", on_edges, bins, rng_)


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "uint16", "int64", "uint64"])
def test_integer_data_and_ranges(dtype):
    info = numpy.iinfo(dtype)
    full = numpy.array([info.min, info.max, 0, info.max // 3, info.min // 2], dtype)
    check("histogram", full, 5)                        # the width overflows the signed type
    check("histogram", numpy.arange(10, dtype=dtype), 3, (0, 10))   # edges 3.33..., 6.66...
    check("histogram", numpy.arange(10, dtype=dtype), 4, (numpy.int8(1), numpy.int8(9)))
    check("histogram", numpy.array([5, 5, 5], dtype), 2)             # one value: +-0.5
    for rule in RULES:
        check("histogram", numpy.arange(50, dtype=dtype) % 17, rule)


def test_the_last_bin_is_closed_and_outliers_are_dropped():
    x = numpy.array([0.0, 1.0, 2.0, 3.0, 3.0, -0.5, 3.5, NAN, INF, -INF])
    check("histogram", x, [0, 1, 2, 3])
    check("histogram", x, 3, (0, 3))
    check("histogram", x, [0, 1, 1, 3])               # an empty bin between equal edges


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("dtype", ["float32", "float64", "int32"])
def test_every_rule(rule, dtype):
    rng = numpy.random.default_rng(3)
    for n in [1, 2, 3, 10, 400]:
        x = (rng.standard_normal(n) * 5).astype(dtype)
        check("histogram", x, rule)
        check("histogram", x, rule, (-2, 3))
        check("histogram_bin_edges", x, rule)


def test_stone_warns_when_it_runs_out_of_bins():
    x = numpy.linspace(0, 1, 5000) ** 4
    want = warned(lambda: numpy.histogram_bin_edges(x, "stone"))
    assert want and warned(lambda: torchnp.histogram_bin_edges(T(x), "stone")) == want
    check("histogram_bin_edges", x, "stone")


def test_bool_data_warns_and_counts_as_uint8():
    x = numpy.array([True, False, True])
    assert warned(lambda: torchnp.histogram(T(x))) == warned(lambda: numpy.histogram(x))
    check("histogram", x, 3)


@pytest.mark.parametrize("wdtype", ["float64", "float32", "float16", "int8", "uint64", "bool",
                                    "complex64"])
@pytest.mark.parametrize("bins", [4, [-2, 0, 0.5, 3]], ids=["equal", "edges"])
def test_weights_keep_their_dtype(wdtype, bins):
    """Equal bins sum weights as NumPy's bincount (in doubles, cast back); other bins take
    cumulative sums in the weights' dtype (bool weights: NumPy's UFuncTypeError)."""
    rng = numpy.random.default_rng(4)
    x = rng.uniform(-2, 3, 30)
    w = (rng.integers(0, 3, 30) + (1j if wdtype.startswith("complex") else 0)).astype(wdtype)
    raises_like = wdtype == "bool" and not isinstance(bins, int)
    if raises_like:
        raises_like_numpy(lambda: numpy.histogram(x, bins, weights=w),
                          lambda: torchnp.histogram(T(x), bins, weights=T(w)))
        return
    check("histogram", x, bins, weights=w)
    check("histogram", x, bins, weights=w, density=True)


def test_density():
    x = numpy.array([0.5, 1.5, 1.5, 2.5, 9.0])
    check("histogram", x, [0, 1, 2, 10], density=True)
    check("histogram", x.astype(numpy.float32), 4, density=True)
    check("histogram", numpy.array([]), 3, density=True)          # 0 / 0: NaN


def test_histogram_errors():
    x = numpy.arange(5.0)
    for kwargs in [dict(bins=0), dict(bins=-2), dict(bins=2.5), dict(bins=[[1, 2]]),
                   dict(bins=[3, 1]), dict(bins="nope"), dict(range=(3, 1)),
                   dict(range=(0, NAN)), dict(bins="auto", weights=x), dict(weights=x[:-1]),
                   dict(bins=100, range=(1.0, 1.0 + 1e-15))]:
        raises_like_numpy(lambda: numpy.histogram(x, **kwargs),
                          lambda: torchnp.histogram(T(x), **{
                              k: T(v) if isinstance(v, numpy.ndarray) else v
                              for k, v in kwargs.items()}))
    raises_like_numpy(lambda: numpy.histogram(numpy.array([1.0, INF])),
                      lambda: torchnp.histogram(T(numpy.array([1.0, INF]))))
    with pytest.raises(TypeError, match="complex"):    # docs/differences.md (NumPy: a result)
        torchnp.histogram(T(numpy.array([1j, 2])))


def test_bin_edges_of_an_array_are_that_array():
    bins = T(numpy.array([0.0, 1.0, 4.0]))
    assert torchnp.histogram(T(numpy.arange(5.0)), bins)[1] is bins
    assert torchnp.histogram_bin_edges(T(numpy.arange(5.0)), bins) is bins


# ----- histogram2d, histogramdd -------------------------------------------------------------------

def test_histogram2d():
    rng = numpy.random.default_rng(5)
    x, y = rng.uniform(-1, 1, 50), rng.uniform(0, 5, 50)
    x[:2] = [1.0, -1.0]
    check("histogram2d", x, y)
    xn = x.copy()
    xn[2] = NAN                                  # (with a range: an outlier)
    check("histogram2d", xn, y, bins=[4, [0, 1, 5]], range=[(-1, 1), None], density=True)
    check("histogram2d", x, y, bins=numpy.array([-1, 0, 0.5, 5.0]))
    check("histogram2d", x, y, bins=3, weights=rng.uniform(0, 1, 50))
    check("histogram2d", x.astype(numpy.float32), y.astype(numpy.int16), bins=2)
    raises_like_numpy(lambda: numpy.histogram2d(x, y[:-1]),
                      lambda: torchnp.histogram2d(T(x), T(y[:-1])))


def test_histogramdd():
    rng = numpy.random.default_rng(6)
    s = rng.integers(0, 6, (40, 3)).astype(numpy.float32)
    check("histogramdd", s)
    check("histogramdd", s, bins=(2, 3, numpy.array([0, 2, 4, 6])), density=True)
    check("histogramdd", [s[:, 0], s[:, 1]], bins=4, range=[(1, 4), None])
    check("histogramdd", s[:, 0], bins=5, weights=numpy.arange(40.0))
    check("histogramdd", numpy.zeros((0, 2)), bins=2)
    for kwargs in [dict(bins=[2, 2]), dict(bins=[0, 1, 2]), dict(bins=[2.5, 2, 2]),
                   dict(range=[None]), dict(bins=[2, [3, 1], 2]), dict(weights=numpy.ones(3))]:
        raises_like_numpy(lambda: numpy.histogramdd(s, **kwargs),
                          lambda: torchnp.histogramdd(T(s), **kwargs))


# ----- bincount, digitize -------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "int64", "uint64"])
def test_bincount(dtype):
    x = numpy.array([0, 3, 1, 3, 1, 1]).astype(dtype)
    check("bincount", x)
    check("bincount", x, minlength=8)
    check("bincount", x, weights=numpy.array([0.5, 1, 2, -1, 0, 3]))
    check("bincount", x, weights=numpy.arange(6, dtype=numpy.int8), minlength=2)


def test_bincount_inputs_and_errors():
    check("bincount", numpy.array([], numpy.int8), minlength=3)
    check("bincount", numpy.array([], numpy.int8), weights=numpy.array([]))
    assert_matches_numpy(torchnp.bincount([]), numpy.bincount([]))
    with pytest.warns(DeprecationWarning, match="Non-integer input passed to bincount"):
        got = torchnp.bincount([1.5, 2.7])
    with pytest.warns(DeprecationWarning):
        assert_matches_numpy(got, numpy.bincount([1.5, 2.7]))
    for args, kwargs in [((numpy.array([1.0]),), {}), ((numpy.array([-1]),), {}),
                         ((numpy.array([[1]]),), {}), ((numpy.array(1),), {}),
                         ((numpy.array([1]),), dict(minlength=-1)),
                         ((numpy.array([1]),), dict(minlength=None)),
                         ((numpy.array([1]),), dict(minlength=True)),
                         ((numpy.array([1]),), dict(minlength=2.0)),
                         ((numpy.array([1]),), dict(weights=numpy.array([1j]))),
                         ((numpy.array([1]),), dict(weights=numpy.ones(2))),
                         ((numpy.array([1.5]),), dict(minlength=-1))]:
        raises_like_numpy(lambda: numpy.bincount(*args, **kwargs),
                          lambda: torchnp.bincount(*_torchnp_args(args), **{
                              k: T(v) if isinstance(v, numpy.ndarray) else v
                              for k, v in kwargs.items()}))


def test_bincount_is_differentiable_in_its_weights():
    w = torch.tensor([0.5, 1.0, 2.0, -1.0], dtype=torch.float64, requires_grad=True)
    idx = torchnp.asarray([2, 0, 2, 1])
    assert torch.autograd.gradcheck(lambda t: torchnp.bincount(idx, t, minlength=5).tensor, (w,))


@pytest.mark.parametrize("right", [False, True])
def test_digitize(right):
    x = numpy.array([-1.0, 0.0, 0.5, 1.0, 2.5, 2.5, 3.0, 9.0, NAN, INF])
    for bins in [[0.0, 1.0, 2.5, 3.0], [3.0, 2.5, 1.0, 0.0], [1.0, 1.0, 2.5],
                 [2.5, 2.5, 1.0, 1.0], [2.0], [], [1.0, 1.0]]:
        check("digitize", x, numpy.array(bins), right=right)
    check("digitize", numpy.array([1, 5, 7], numpy.uint8), numpy.array([0, 5, 10], numpy.int8),
          right=right)
    check("digitize", 2.5, [0, 1, 3], right=right)
    for bins in [[0.0, 3.0, 1.0], [[0.0, 1.0]], 1.0, [0, 1j]]:
        raises_like_numpy(lambda: numpy.digitize(x, bins, right=right),
                          lambda: torchnp.digitize(T(x), bins, right=right))
    raises_like_numpy(lambda: numpy.digitize(x + 1j, [0, 1]),
                      lambda: torchnp.digitize(T(x + 1j), [0, 1]))


@pytest.mark.parametrize("call", [
    lambda a, b: torchnp.histogram(a, bins=b),
    lambda a, b: torchnp.histogram2d(a, b),
    lambda a, b: torchnp.histogramdd([a, b]),
    lambda a, b: torchnp.digitize(a, b),
    lambda a, b: torchnp.bincount(torchnp.asarray([0, 1, 1]), weights=b),
], ids=["histogram", "histogram2d", "histogramdd", "digitize", "bincount"])
def test_two_devices_raise_value_error(call):
    a = torchnp.asarray([0.5, 1.5, 2.5])
    b = torchnp.asarray(torch.tensor([0.0, 1.0, 3.0], dtype=torch.float64, device="meta"))
    with pytest.raises(ValueError, match="device"):
        call(a, b)
