"""torchnp.random against numpy.random.

The numbers differ from NumPy's (torch's generators, docs/differences.md), so draws are compared
as distributions: at fixed seeds, 20,000 draws from each library with the same parameters must
agree in mean and variance (within 5 standard errors, where the moments exist) and in a
two-sample Kolmogorov-Smirnov statistic (continuous) or chi-square statistic (discrete) below its
critical value at significance 1e-6 (statistics computed here with NumPy: no SciPy). The seeds are
fixed, so every test is deterministic. Everything else (shapes, dtypes, broadcasting, size=,
dtype=, out=, exceptions and their messages, seeding, state, devices) is compared with NumPy
directly.
"""
import copy
import math
import pickle
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import public_exception_class, raises_like_numpy, to_numpy

tr = torchnp.random
N = 10_000
ALPHA_Z = 4.753                 # upper 1e-6 point of the standard normal
KS_C = math.sqrt(-math.log(1e-6 / 2) / 2)


# ----- the statistics -----------------------------------------------------------------------------

def ks_statistic(a, b):
    a, b = numpy.sort(a), numpy.sort(b)
    x = numpy.concatenate([a, b])
    return numpy.max(numpy.abs(numpy.searchsorted(a, x, side="right") / a.size
                               - numpy.searchsorted(b, x, side="right") / b.size))


def assert_same_continuous(a, b):
    d = ks_statistic(a, b)
    crit = KS_C * math.sqrt((a.size + b.size) / (a.size * b.size))
    assert d < crit, f"KS statistic {d:.4f} >= critical {crit:.4f}"


def chi2_critical(df):
    """Wilson-Hilferty approximation of the chi-square quantile at significance 1e-6."""
    return df * (1 - 2 / (9 * df) + ALPHA_Z * math.sqrt(2 / (9 * df))) ** 3


def assert_same_discrete(a, b):
    """Two-sample chi-square test on the values, merging neighbours until each bin has >= 20."""
    values = numpy.union1d(a, b)
    ca = numpy.searchsorted(numpy.sort(a), values, side="right")
    cb = numpy.searchsorted(numpy.sort(b), values, side="right")
    ca, cb = numpy.diff(ca, prepend=0), numpy.diff(cb, prepend=0)
    bins_a, bins_b, acc_a, acc_b = [], [], 0, 0
    for x, y in zip(ca, cb):
        acc_a, acc_b = acc_a + x, acc_b + y
        if acc_a + acc_b >= 20:
            bins_a.append(acc_a)
            bins_b.append(acc_b)
            acc_a = acc_b = 0
    if bins_a:
        bins_a[-1] += acc_a
        bins_b[-1] += acc_b
    if len(bins_a) < 2:         # (nearly) one value: both must be that value
        numpy.testing.assert_array_equal(numpy.unique(a), numpy.unique(b))
        return
    na, nb = numpy.array(bins_a, float), numpy.array(bins_b, float)
    ka, kb = math.sqrt(nb.sum() / na.sum()), math.sqrt(na.sum() / nb.sum())
    stat = numpy.sum((ka * na - kb * nb) ** 2 / (na + nb))
    crit = chi2_critical(len(na) - 1)
    assert stat < crit, f"chi-square {stat:.1f} >= critical {crit:.1f} ({len(na) - 1} df)"


def assert_same_moments(a, b, moments):
    """Means (moments >= 1) and variances (moments >= 2) within 5 standard errors."""
    a, b = a.astype(float), b.astype(float)
    if moments >= 1:
        se = math.sqrt(a.var() / a.size + b.var() / b.size)
        assert abs(a.mean() - b.mean()) <= 5 * se + 1e-12, f"means {a.mean()} {b.mean()}"
    if moments >= 2:
        def var_se2(x):
            return (numpy.mean((x - x.mean()) ** 4) - x.var() ** 2) / x.size
        se = math.sqrt(var_se2(a) + var_se2(b))
        assert abs(a.var() - b.var()) <= 5 * se + 1e-12, f"variances {a.var()} {b.var()}"


def assert_same_distribution(ours, theirs, discrete, moments):
    ours = to_numpy(ours)
    theirs = numpy.asarray(theirs)
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert numpy.isfinite(ours).all() == numpy.isfinite(theirs).all()
    (assert_same_discrete if discrete else assert_same_continuous)(ours.ravel(), theirs.ravel())
    assert_same_moments(ours.ravel(), theirs.ravel(), moments)


# ----- every distribution, both APIs --------------------------------------------------------------
# (method, parameters, discrete, moments to compare: 0 none, 1 mean, 2 mean and variance)
DISTRIBUTIONS = [
    ("beta", (0.5, 0.7), False, 2),
    ("beta", (2.0, 5.0), False, 2),
    ("beta", (0.01, 0.02), False, 2),          # tiny shapes: gammas underflow (log-space)
    ("binomial", (10, 0.3), True, 2),
    ("binomial", (1000, 0.01), True, 2),
    ("binomial", (200, 0.6), True, 2),
    ("chisquare", (3.0,), False, 2),
    ("chisquare", (0.5,), False, 2),
    ("exponential", (2.0,), False, 2),
    ("f", (3.0, 8.0), False, 1),
    ("gamma", (2.5, 2.0), False, 2),
    ("gamma", (0.3, 1.5), False, 2),
    ("geometric", (0.3,), True, 2),
    ("geometric", (0.01,), True, 2),
    ("gumbel", (1.0, 2.0), False, 2),
    ("hypergeometric", (10, 5, 7), True, 2),
    ("hypergeometric", (200, 300, 150), True, 2),
    ("hypergeometric", (5, 1000, 100), True, 2),
    ("hypergeometric", (3, 4, 0), True, 2),
    ("laplace", (1.0, 2.0), False, 2),
    ("logistic", (1.0, 2.0), False, 2),
    ("lognormal", (0.5, 0.8), False, 2),
    ("logseries", (0.6,), True, 2),
    ("logseries", (0.99,), True, 1),
    ("negative_binomial", (3.0, 0.4), True, 2),
    ("negative_binomial", (0.5, 0.2), True, 2),
    ("noncentral_chisquare", (3.0, 2.0), False, 2),
    ("noncentral_chisquare", (0.7, 4.0), False, 2),
    ("noncentral_f", (3.0, 8.0, 2.0), False, 1),
    ("normal", (1.0, 3.0), False, 2),
    ("pareto", (3.0,), False, 1),
    ("poisson", (4.0,), True, 2),
    ("poisson", (150.0,), True, 2),
    ("poisson", (0.05,), True, 2),
    ("power", (3.0,), False, 2),
    ("power", (0.4,), False, 2),
    ("rayleigh", (2.0,), False, 2),
    ("standard_cauchy", (), False, 0),
    ("standard_exponential", (), False, 2),
    ("standard_gamma", (2.0,), False, 2),
    ("standard_gamma", (0.2,), False, 2),
    ("standard_normal", (), False, 2),
    ("standard_t", (5.0,), False, 2),
    ("standard_t", (1.5,), False, 1),
    ("triangular", (-1.0, 0.5, 2.0), False, 2),
    ("uniform", (-1.0, 3.0), False, 2),
    ("vonmises", (0.5, 2.0), False, 2),
    ("vonmises", (-2.0, 1e-9), False, 2),       # kappa < 1e-8: uniform on the circle
    ("vonmises", (0.3, 1e-6), False, 2),        # small kappa: s = 1/kappa + kappa
    ("vonmises", (3.0, 40.0), False, 2),        # wraps around pi
    ("vonmises", (0.5, 1e7), False, 2),         # kappa > 1e6: the wrapped normal
    ("wald", (1.0, 2.0), False, 2),
    ("wald", (3.0, 0.5), False, 1),
    ("weibull", (1.5,), False, 2),
    ("weibull", (0.5,), False, 2),
    ("zipf", (2.0,), True, 0),
    ("zipf", (4.5,), True, 1),
]


def _generators(api, seed):
    if api == "generator":
        return tr.default_rng(seed), numpy.random.default_rng(seed)
    return tr.RandomState(seed), numpy.random.RandomState(seed)


# NumPy's legacy hypergeometric requires nsample >= 1
_API_CASES = [("generator", c) for c in DISTRIBUTIONS] + \
    [("legacy", c) for c in DISTRIBUTIONS if c[:2] != ("hypergeometric", (3, 4, 0))]


@pytest.mark.parametrize("api, case", _API_CASES, ids=[f"{a}-{c[0]}{c[1]}" for a, c in _API_CASES])
def test_distribution_matches_numpy(api, case):
    name, params, discrete, moments = case
    ours, theirs = _generators(api, 12345)
    got = getattr(ours, name)(*params, size=N)
    want = getattr(theirs, name)(*params, size=N)
    assert_same_distribution(got, want, discrete, moments)


@pytest.mark.parametrize("api", ["generator", "legacy"])
def test_uniform_floats_and_integers_match_numpy(api):
    ours, theirs = _generators(api, 7)
    if api == "generator":
        pairs = [(ours.random(N), theirs.random(N)),
                 (ours.integers(-3, 7, N), theirs.integers(-3, 7, N)),
                 (ours.integers(5, size=N, endpoint=True), theirs.integers(5, size=N,
                                                                            endpoint=True))]
    else:
        pairs = [(ours.random_sample(N), theirs.random_sample(N)),
                 (ours.rand(N), theirs.rand(N)),
                 (ours.randint(-3, 7, N), theirs.randint(-3, 7, N)),
                 (ours.tomaxint(N) % 7, theirs.tomaxint(N) % 7)]
    for got, want in pairs:
        discrete = numpy.asarray(want).dtype.kind == "i"
        assert_same_distribution(got, want, discrete, 2)


def test_integers_every_dtype_are_uniform():
    rng, ref = tr.default_rng(3), numpy.random.default_rng(3)
    for dt, lo, hi in [("int8", -128, 127), ("uint8", 0, 255), ("int16", -50, 60),
                       ("uint16", 0, 99), ("int32", -9, 9), ("uint32", 0, 5), ("uint64", 1, 9),
                       ("bool", 0, 1)]:
        got = rng.integers(lo, hi, size=N, dtype=dt, endpoint=True)
        want = ref.integers(lo, hi, size=N, dtype=dt, endpoint=True)
        assert got.dtype == want.dtype
        assert_same_distribution(got.astype("int64"), want.astype("int64"), True, 2)


def test_integers_wide_ranges():
    """Spans above 2**32 (drawn by masked rejection): in range, and uniform in their top bits."""
    rng, ref = tr.default_rng(4), numpy.random.default_rng(4)
    for kw in [dict(low=-2**63, high=2**63), dict(low=0, high=2**64, dtype="uint64"),
               dict(low=2**63, high=2**64 - 1, dtype="uint64", endpoint=True),
               dict(low=-2**62, high=3 * 2**61)]:
        got = to_numpy(rng.integers(size=N, **kw))
        want = ref.integers(size=N, **kw)
        assert got.dtype == want.dtype
        hi = kw["high"] - (0 if kw.get("endpoint") else 1)
        assert got.min() >= kw["low"] and got.max() <= hi
        span = hi - kw["low"] + 1
        top = ((got.astype(object) - kw["low"]) * 16 // span).astype(int)
        top_ref = ((want.astype(object) - kw["low"]) * 16 // span).astype(int)
        assert_same_discrete(top, top_ref)


def test_integers_array_bounds_broadcast():
    rng, ref = tr.default_rng(5), numpy.random.default_rng(5)
    low, high = numpy.array([[0], [1]]), numpy.array([3, 10, 2**40])
    got = rng.integers(low, high, size=(N, 2, 3))
    want = ref.integers(low, high, size=(N, 2, 3))
    assert got.shape == want.shape and got.dtype == want.dtype
    g = to_numpy(got)
    assert (g >= low).all() and (g < high).all()
    for i in range(2):
        for j in range(2):
            assert_same_discrete(g[:, i, j], want[:, i, j])
    u = rng.integers(numpy.array([0, 2**63], numpy.uint64),
                     numpy.array([2**63, 2**64 - 1], numpy.uint64), dtype=numpy.uint64)
    assert u.dtype == numpy.uint64 and int(u[1]) >= 2**63


def test_multivariate_distributions_match_numpy():
    for api in ("generator", "legacy"):
        ours, theirs = _generators(api, 21)
        alpha = [0.3, 2.0, 5.0]
        got, want = ours.dirichlet(alpha, N), theirs.dirichlet(alpha, N)
        assert got.shape == want.shape
        for j in range(3):
            assert_same_distribution(got[:, j], want[:, j], False, 2)
        pvals = [0.2, 0.5, 0.3]
        got, want = ours.multinomial(20, pvals, N), theirs.multinomial(20, pvals, N)
        assert got.shape == want.shape and got.dtype == want.dtype
        assert (to_numpy(got).sum(axis=1) == 20).all()
        for j in range(3):
            assert_same_distribution(got[:, j], want[:, j], True, 2)
        mean, cov = [1.0, -2.0], [[2.0, 0.8], [0.8, 1.0]]
        got, want = ours.multivariate_normal(mean, cov, N), theirs.multivariate_normal(mean, cov, N)
        assert got.shape == want.shape
        for proj in ([1.0, 0.0], [0.0, 1.0], [1.0, -1.0]):
            proj = numpy.array(proj)
            assert_same_distribution(got @ proj, want @ proj, False, 2)
    rng, ref = tr.default_rng(22), numpy.random.default_rng(22)
    for method in ("svd", "eigh", "cholesky"):
        got = rng.multivariate_normal(mean, cov, N, method=method)
        assert_same_distribution(got[:, 0] - got[:, 1], _mvn_diff(ref, mean, cov, method), False, 2)
    colors = [16, 8, 4]
    for method in ("marginals", "count"):
        got = rng.multivariate_hypergeometric(colors, 6, size=N, method=method)
        want = ref.multivariate_hypergeometric(colors, 6, size=N, method=method)
        assert got.shape == want.shape and got.dtype == want.dtype
        assert (to_numpy(got).sum(axis=1) == 6).all()
        for j in range(3):
            assert_same_distribution(got[:, j], want[:, j], True, 2)


def _mvn_diff(ref, mean, cov, method):
    x = ref.multivariate_normal(mean, cov, N, method=method)
    return x[:, 0] - x[:, 1]


# Parameters whose draws are certain: torchnp's values must be NumPy's exactly.
DEGENERATE = [
    ("zipf", (numpy.inf,)), ("zipf", (1e10,)), ("vonmises", (0.5, numpy.inf)),
    ("vonmises", (0.0, numpy.nan)), ("vonmises", (numpy.nan, 1.0)), ("logseries", (0.0,)),
    ("geometric", (1.0,)), ("geometric", (1e-300,)), ("poisson", (0.0,)),
    ("negative_binomial", (1e-300, 1.0)), ("binomial", (10, 0.0)), ("binomial", (10, 1.0)),
    ("binomial", (0, 0.5)), ("hypergeometric", (0, 0, 0)), ("hypergeometric", (0, 5, 3)),
    ("hypergeometric", (5, 0, 3)), ("hypergeometric", (4, 6, 10)),
    ("noncentral_chisquare", (2.0, numpy.nan)), ("noncentral_chisquare", (2.0, numpy.inf)),
    ("standard_gamma", (numpy.nan,)), ("standard_gamma", (numpy.inf,)), ("standard_gamma", (0.0,)),
    ("gamma", (2.0, 0.0)), ("weibull", (0.0,)), ("power", (numpy.inf,)), ("pareto", (numpy.inf,)),
    ("normal", (3.0, 0.0)), ("normal", (0.0, numpy.nan)), ("uniform", (1.0, 1.0)),
    ("laplace", (2.0, 0.0)), ("exponential", (0.0,)), ("dirichlet", ([0.0, 0.0],)),
    ("dirichlet", ([0.0, 1.0],)), ("multinomial", (10, [0.0, 1.0])),
    ("multinomial", (0, [0.3, 0.7])),
    ("integers", (-5, -5, 3, numpy.int64, True)), ("integers", (2**64 - 1, 2**64, 2, "uint64")),
]


@pytest.mark.parametrize("case", DEGENERATE, ids=[f"{c[0]}{c[1]}" for c in DEGENERATE])
def test_certain_draws_equal_numpys(case):
    name, args = case
    kwargs = {} if name == "integers" else {"size": 3}
    got = getattr(tr.default_rng(0), name)(*args, **kwargs)
    want = getattr(numpy.random.default_rng(0), name)(*args, **kwargs)
    assert got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got), want)


def test_multinomial_broadcasts_as_numpy():
    rng, ref = tr.default_rng(23), numpy.random.default_rng(23)
    n, p = numpy.array([[5], [50]]), numpy.array([[0.1, 0.9], [0.5, 0.5], [1.0, 0.0]])
    got, want = rng.multinomial(n, p), ref.multinomial(n, p)
    assert got.shape == want.shape == (2, 3, 2) and got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got).sum(axis=-1), numpy.broadcast_to(n, (2, 3)))
    assert (to_numpy(got)[:, 2, 1] == 0).all()
    got, want = rng.multinomial(n, p, size=(4, 2, 3)), ref.multinomial(n, p, size=(4, 2, 3))
    assert got.shape == want.shape
    raises_like_numpy(lambda: ref.multinomial(n, p, size=(3,)),
                      lambda: rng.multinomial(n, p, size=(3,)))


# ----- shapes, dtypes, size and broadcasting -----------------------------------------------------
SHAPE_CASES = [
    ("normal", (0.0, 1.0), {}),
    ("normal", (numpy.zeros((2, 1)), numpy.ones(3)), {}),
    ("normal", (numpy.zeros(3), 1.0), {"size": (4, 3)}),
    ("normal", (numpy.array(0.0), 1.0), {}),
    ("normal", (0.0, 1.0), {"size": ()}),
    ("normal", (0.0, 1.0), {"size": 0}),
    ("uniform", (numpy.zeros((2, 3)), 5.0), {}),
    ("triangular", (0.0, numpy.array([0.5, 1.0]), 2.0), {"size": (3, 2)}),
    ("binomial", (numpy.array([5, 6]), 0.5), {}),
    ("binomial", (5, numpy.array([[0.1], [0.9]])), {"size": (2, 4)}),
    ("poisson", (numpy.array([1.0, 2.0]),), {}),
    ("hypergeometric", (numpy.array([4, 5]), 3, 2), {}),
    ("standard_gamma", (numpy.array([[1.0], [2.0]]),), {"size": (2, 3)}),
    ("zipf", (2.5,), {"size": 4}),
    ("vonmises", (numpy.zeros(2), 1.0), {}),
    ("dirichlet", ([1.0, 2.0],), {"size": (3,)}),
    ("multinomial", (4, [0.5, 0.5]), {"size": 3}),
    ("standard_cauchy", (), {"size": (2, 0)}),
    ("laplace", (), {}),
]


@pytest.mark.parametrize("api", ["generator", "legacy"])
@pytest.mark.parametrize("case", SHAPE_CASES, ids=[f"{c[0]}-{i}" for i, c in
                                                  enumerate(SHAPE_CASES)])
def test_result_kind_shape_and_dtype_match_numpy(api, case):
    name, args, kwargs = case
    ours, theirs = _generators(api, 0)
    got = getattr(ours, name)(*args, **kwargs)
    want = getattr(theirs, name)(*args, **kwargs)
    assert isinstance(got, torchnp.ndarray)
    want_arr = numpy.asarray(want)
    assert got.shape == want_arr.shape and got.dtype == want_arr.dtype
    # where NumPy returns a scalar, torchnp returns a 0-d array that acts as one
    assert torchnp.isscalar(got) == (not isinstance(want, numpy.ndarray))


def _broadcast_params(params):
    """The first parameter as a (2, 1) array and the second as a (3,) array: draws of (2, 3)."""
    out = list(params)
    out[0] = numpy.array([[params[0]], [params[0]]])
    if len(params) > 1:
        out[1] = numpy.array([params[1]] * 3)
    return out


@pytest.mark.parametrize("api, case", _API_CASES, ids=[f"{a}-{c[0]}{c[1]}" for a, c in _API_CASES])
def test_scalars_sizes_and_broadcasting_of_every_distribution(api, case):
    name, params = case[:2]
    ours, theirs = _generators(api, 0)
    calls = [(params, {}), (params, {"size": (2, 3)}), (params, {"size": 0})]
    if params:
        wide = _broadcast_params(params)
        calls += [(wide, {}), (wide, {"size": (4, 2, 3)})]
        _assert_same_error(ours, theirs, name, wide, {"size": (4,)})
    for args, kwargs in calls:
        got = _call(ours, name, args, kwargs)
        want = _call(theirs, name, args, kwargs)
        w = numpy.asarray(want)
        assert got.shape == w.shape and got.dtype == w.dtype, (args, kwargs)
        assert torchnp.isscalar(got) == (not isinstance(want, numpy.ndarray))


# ----- parameter checks: NumPy's exceptions and messages ------------------------------------------
ERROR_CASES = [
    ("normal", (0.0, -1.0), {}), ("normal", (0.0, -0.0), {}), ("normal", (0.0, [1.0, -1.0]), {}),
    ("normal", ([0.0, 1.0, 2.0], [1.0, 2.0]), {}), ("normal", ([0.0, 1.0], 1.0), {"size": 3}),
    ("normal", ([0.0, 1.0], 1.0), {"size": (2, 1)}), ("normal", (0.0, 1.0), {"size": -1}),
    ("normal", (1j, 1.0), {}), ("normal", ([1j], 1.0), {}), ("normal", ("abc", 1.0), {}),
    ("normal", ("0.5", 1.0), {}), ("normal", (None, 1.0), {}),
    ("normal", ([[1.0], [2.0, 3.0]],), {}),
    ("beta", (0.0, 1.0), {}), ("beta", (1.0, [1.0, -2.0]), {}),
    ("binomial", (-1, 0.5), {}), ("binomial", (5, 1.5), {}), ("binomial", (5, numpy.nan), {}),
    ("binomial", ([5, 6], [0.5, numpy.nan]), {}), ("binomial", (numpy.array([5.0]), 0.5), {}),
    ("binomial", (numpy.nan, 0.5), {}), ("binomial", (numpy.inf, 0.5), {}),
    ("chisquare", (0.0,), {}), ("exponential", (-2.0,), {}), ("f", (1.0, 0.0), {}),
    ("gamma", (-1.0,), {}), ("gamma", (1.0, [-1.0]), {}), ("geometric", (0.0,), {}),
    ("geometric", (1.5,), {}), ("geometric", ([0.5, numpy.nan],), {}), ("gumbel", (0.0, -1.0), {}),
    ("hypergeometric", (5, 5, 11), {}), ("hypergeometric", (-1, 5, 3), {}),
    ("hypergeometric", ([5], [-1], [3]), {}), ("hypergeometric", (5, 5, -1), {}),
    ("hypergeometric", (numpy.array([5.0]), 5, 3), {}),
    ("hypergeometric", (5, [2, 2], [1, 2, 3]), {}),
    ("laplace", (0.0, -1.0), {}), ("logistic", (0.0, -1.0), {}), ("lognormal", (0.0, -1.0), {}),
    ("logseries", (1.0,), {}), ("logseries", ([0.5, -0.1],), {}),
    ("negative_binomial", (0.0, 0.5), {}), ("negative_binomial", (1.0, 1.5), {}),
    ("noncentral_chisquare", (1.0, -1.0), {}), ("noncentral_f", (1.0, 1.0, -1.0), {}),
    ("pareto", (0.0,), {}), ("poisson", (-1.0,), {}), ("poisson", (1e300,), {}),
    ("poisson", ([1.0, numpy.nan],), {}), ("poisson", (numpy.nan,), {}), ("power", (0.0,), {}),
    ("rayleigh", (-1.0,), {}), ("standard_gamma", (-1.0,), {}), ("standard_t", (0.0,), {}),
    ("triangular", (2.0, 1.0, 3.0), {}), ("triangular", (0.0, 4.0, 3.0), {}),
    ("triangular", (1.0, 1.0, 1.0), {}), ("triangular", ([0.0, 2.0], 1.0, 3.0), {}),
    ("triangular", ([0.0, 0.0, 0.0], [1.0, 1.0], 2.0), {}),
    ("uniform", (0.0, numpy.inf), {}), ("uniform", ([0.0], [numpy.nan]), {}),
    ("vonmises", (0.0, -1.0), {}), ("wald", (0.0, 1.0), {}), ("wald", (1.0, -1.0), {}),
    ("weibull", (-1.0,), {}), ("zipf", (1.0,), {}), ("zipf", ([2.0, numpy.nan],), {}),
    ("dirichlet", ([-1.0, 1.0],), {}), ("dirichlet", (1.0,), {}),
    ("dirichlet", ([[1.0, 1.0]],), {}),
    ("multinomial", (5, [0.7, 0.8, 0.1]), {}), ("multinomial", (5, [-0.1, 0.8]), {}),
    ("multinomial", (-5, [0.2, 0.8]), {}), ("multinomial", (5, 0.5), {}),
    ("multivariate_normal", ([[0.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]), {}),
    ("multivariate_normal", ([0.0, 0.0], [1.0, 0.0]), {}),
    ("multivariate_normal", ([0.0, 0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), {}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), {"check_valid": "abc"}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]), {"check_valid": "raise"}),
]
GENERATOR_ERROR_CASES = [
    ("negative_binomial", (numpy.nan, 0.5), {}), ("negative_binomial", (1e300, 0.5), {}),
    ("negative_binomial", (1.0, 0.0), {}), ("hypergeometric", (10**9, 5, 3), {}),
    ("uniform", (2.0, 1.0), {}), ("dirichlet", ([0.0, -0.5],), {}),
    ("multinomial", (5, []), {}), ("multinomial", ([[5], [6]], [0.5, 0.5]), {"size": 3}),
    ("multivariate_normal", ([0j, 0.0], [[1.0, 0.0], [0.0, 1.0]]), {}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), {"method": "abc"}),
    ("multivariate_hypergeometric", ([5, 3], 9), {}),
    ("multivariate_hypergeometric", ([5, -3], 1), {}),
    ("multivariate_hypergeometric", ([5, 3], -1), {}),
    ("multivariate_hypergeometric", ([5, 3], 1.5), {}),
    ("multivariate_hypergeometric", ([5, 3], 1), {"method": "abc"}),
    ("multivariate_hypergeometric", ([10**9, 3], 1), {}),
    ("standard_gamma", ([1.0, 2.0],), {"out": numpy.zeros(3)}),
    ("standard_gamma", (2.0,), {"size": 3, "out": numpy.zeros(2)}),
]
LEGACY_ERROR_CASES = [
    ("hypergeometric", (5, 5, 0), {}), ("hypergeometric", ([5], 5, [0]), {}),
    ("dirichlet", ([0.0, 1.0],), {}), ("multinomial", (5, [[0.5, 0.5]]), {}),
    ("multinomial", ([5, 6], [0.5, 0.5]), {}), ("uniform", (0.0, numpy.inf), {}),
]


def _call(obj, name, args, kwargs):
    if type(obj).__module__.startswith("torchnp"):
        kwargs = {k: torchnp.asarray(v) if isinstance(v, numpy.ndarray) else v
                  for k, v in kwargs.items()}
    return getattr(obj, name)(*args, **kwargs)


def _assert_same_error(ours, theirs, name, args, kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            _call(theirs, name, args, kwargs)
        except Exception as e:      # noqa: BLE001 - compared below
            expected = e
        else:
            raise AssertionError("NumPy did not raise")
        with pytest.raises(public_exception_class(type(expected))) as info:
            _call(ours, name, args, kwargs)
    assert str(info.value) == str(expected) or type(expected) is not ValueError, \
        f"{info.value!s} != {expected!s}"


def _error_ids(cases):
    return [f"{c[0]}-{i}" for i, c in enumerate(cases)]


@pytest.mark.parametrize("case", ERROR_CASES + GENERATOR_ERROR_CASES,
                         ids=_error_ids(ERROR_CASES + GENERATOR_ERROR_CASES))
def test_generator_errors_match_numpy(case):
    _assert_same_error(tr.default_rng(0), numpy.random.default_rng(0), *case)


@pytest.mark.parametrize("case", ERROR_CASES + LEGACY_ERROR_CASES,
                         ids=_error_ids(ERROR_CASES + LEGACY_ERROR_CASES))
def test_legacy_errors_match_numpy(case):
    _assert_same_error(tr.RandomState(0), numpy.random.RandomState(0), *case)


def test_integer_parameters_read_as_numpy_reads_them():
    rng = tr.default_rng(0)
    assert rng.binomial([5.5, 2.9], 0.5).shape == (2,)     # sequences: int() of each item
    assert rng.binomial(5.5, 0.5).dtype == numpy.int64       # Python floats are truncated
    assert rng.hypergeometric((4, 5), 3, 2).shape == (2,)
    for n in ([numpy.nan], (5, 1j), ["a"], numpy.array(5.0), numpy.array([5], numpy.uint64)):
        raises_like_numpy(lambda: numpy.random.default_rng(0).binomial(n, 0.5),
                          lambda: rng.binomial(n, 0.5))


def test_legacy_accepts_what_numpy_legacy_accepts():
    rs = tr.RandomState(0)
    assert rs.uniform(2.0, 1.0).shape == ()                 # high < low: no check in legacy
    assert int(rs.negative_binomial(1.0, 0.0)) == -2**63   # NumPy's value for p = 0
    assert rs.hypergeometric(10**9, 5, 3).dtype == numpy.int64
    assert rs.negative_binomial(numpy.nan, 0.5, size=2).shape == (2,)


# ----- dtype= and out= -------------------------------------------------------------------------
FILL_METHODS = [("random", ()), ("standard_normal", ()), ("standard_exponential", ()),
                ("standard_gamma", (2.0,))]


@pytest.mark.parametrize("name, args", FILL_METHODS)
def test_dtype_and_out(name, args):
    rng, ref = tr.default_rng(1), numpy.random.default_rng(1)
    for dtype in (numpy.float32, numpy.float64, "f4", float):
        got = getattr(rng, name)(*args, size=3, dtype=dtype)
        assert got.dtype == getattr(ref, name)(*args, size=3, dtype=dtype).dtype
    for dtype in (numpy.int32, numpy.float16, numpy.complex128):
        raises_like_numpy(lambda: getattr(ref, name)(*args, dtype=dtype),
                          lambda: getattr(rng, name)(*args, dtype=dtype))
    out = torchnp.zeros((2, 3))
    res = getattr(rng, name)(*args, out=out)
    assert res is out and bool((out != 0).any())
    out32 = torchnp.zeros(4, dtype=numpy.float32)
    assert getattr(rng, name)(*args, size=4, dtype=numpy.float32, out=out32) is out32
    for kwargs in ({"out": numpy.zeros(3, numpy.float32)}, {"size": 4, "out": numpy.zeros(3)},
                   {"out": numpy.zeros(6)[::2]}):
        _assert_same_error(rng, ref, name, args, kwargs)


def test_default_float_follows_the_creation_default():
    with torchnp.default_float("float32"):
        rng, rs = tr.default_rng(0), tr.RandomState(0)
        assert rng.random(2).dtype == numpy.float32
        assert rng.normal(size=2).dtype == numpy.float32
        assert rng.gamma(2.0, size=2).dtype == numpy.float32
        assert rng.dirichlet([1.0, 2.0]).dtype == numpy.float32
        assert rs.rand(2).dtype == numpy.float32 and rs.randn(2).dtype == numpy.float32
        assert rng.random(2, dtype=numpy.float64).dtype == numpy.float64
        assert rng.integers(5, size=2).dtype == numpy.int64
        assert rng.poisson(3.0, size=2).dtype == numpy.int64
        x = rng.standard_normal(N)
        assert_same_distribution(x.astype(numpy.float64), numpy.random.default_rng(0)
                                 .standard_normal(N), False, 2)
    assert tr.default_rng(0).random(2).dtype == numpy.float64


# ----- integers ----------------------------------------------------------------------------------
INTEGER_DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                  "uint64"]


@pytest.mark.parametrize("dtype", INTEGER_DTYPES)
def test_integers_bounds_of_every_dtype(dtype):
    rng, ref = tr.default_rng(0), numpy.random.default_rng(0)
    info = numpy.iinfo(dtype) if dtype != "bool" else None
    lo, hi = (0, 1) if info is None else (int(info.min), int(info.max))
    for endpoint in (False, True):
        top = hi if endpoint else hi + 1
        got = rng.integers(lo, top, size=1000, dtype=dtype, endpoint=endpoint)
        assert got.dtype == numpy.dtype(dtype)
        g = to_numpy(got).astype(object)
        assert g.min() >= lo and g.max() <= hi
        scalar = rng.integers(lo, top, dtype=dtype, endpoint=endpoint)
        assert scalar.shape == () and torchnp.isscalar(scalar)
        for bad in ((lo - 1, top), (lo, top + 1), (lo + 1, lo + (0 if endpoint else 1)),
                    ([lo - 1, lo], top), (lo, [top, top + 1]), ([lo + 1], [lo + 1 - endpoint])):
            _assert_same_error(rng, ref, "integers", bad, {"dtype": dtype, "endpoint": endpoint})


def test_integers_arguments_as_numpy():
    rng, ref = tr.default_rng(0), numpy.random.default_rng(0)
    for args, kwargs in [((-3,), {}), ((0,), {}), ((0, 0), {}), ((-3,), {"endpoint": True}),
                         (([-3, 2],), {}), ((None,), {}), (("a",), {}), ((1j,), {}),
                         ((0, 5), {"dtype": float}), ((0, 5), {"dtype": ">i4"}),
                         ((0, 5), {"size": 2.5}), ((0, 5), {"size": (2, -1)})]:
        _assert_same_error(rng, ref, "integers", args, kwargs)
    assert rng.integers(5, 2, size=0).shape == (0,)            # no checks when nothing is drawn
    assert rng.integers(1.5, 5).dtype == numpy.int64            # floats are truncated
    assert rng.integers(numpy.array([1.5]), 5).shape == (1,)
    assert rng.integers(True).dtype == numpy.int64
    assert rng.integers(0, 2, dtype=bool).dtype == numpy.bool_
    assert rng.integers(0, 5, dtype="i2").dtype == numpy.int16


def test_legacy_integers():
    rs, ref = tr.RandomState(0), numpy.random.RandomState(0)
    assert rs.randint(5).dtype == numpy.int64 and rs.randint(5, size=3).shape == (3,)
    assert rs.randint([1, 2], [5, 6]).shape == (2,)
    assert rs.randint(0, 2, dtype=bool).dtype == numpy.bool_
    for args, kwargs in [((5, 5), {}), ((0, 200), {"dtype": numpy.int8}),
                         ((0, 5), {"dtype": float}), ((-3,), {})]:
        _assert_same_error(rs, ref, "randint", args, kwargs)
    with pytest.warns(DeprecationWarning, match=r"randint\(1, 5 \+ 1\)"):
        r = rs.random_integers(5, size=N)
    g = to_numpy(r)
    assert g.min() == 1 and g.max() == 5
    with pytest.warns(DeprecationWarning):
        assert rs.random_integers(-2, 2, size=3).shape == (3,)
    t = to_numpy(rs.tomaxint(100))
    assert t.dtype == numpy.int64 and t.min() >= 0


# ----- choice ------------------------------------------------------------------------------------

def test_choice_shapes_dtypes_and_scalars():
    rng, ref = tr.default_rng(0), numpy.random.default_rng(0)
    a2 = numpy.arange(12.0).reshape(3, 4)
    for args, kwargs in [((5,), {}), ((5, 3), {}), ((5, (2, 2)), {"replace": False}),
                         (([1.5, 2.5],), {}), (([1.5, 2.5],), {"size": ()}), ((a2,), {}),
                         ((a2, 2), {"axis": 1}), ((a2, (1, 2)), {"replace": False}),
                         ((a2, 2), {"axis": 1, "replace": False, "shuffle": False}),
                         ((5, 3), {"p": [0.1, 0.2, 0.3, 0.4, 0.0]}),
                         ((5, 3), {"replace": False, "p": [0.1, 0.2, 0.3, 0.4, 0.0]}),
                         ((0, 0), {}), ((numpy.arange(3, dtype=numpy.int8), 2), {})]:
        got = rng.choice(*[torchnp.asarray(a) if isinstance(a, numpy.ndarray) else a
                           for a in args], **kwargs)
        want = ref.choice(*args, **kwargs)
        w = numpy.asarray(want)
        assert got.shape == w.shape and got.dtype == w.dtype, (args, kwargs)
        assert torchnp.isscalar(got) == (not isinstance(want, numpy.ndarray))
    rows = to_numpy(rng.choice(torchnp.asarray(a2), 3, replace=False))
    assert sorted(rows[:, 0].tolist()) == [0.0, 4.0, 8.0]          # whole rows, no repeats
    cols = to_numpy(rng.choice(torchnp.asarray(a2), 4, axis=1, replace=False))
    assert sorted(cols[0].tolist()) == [0.0, 1.0, 2.0, 3.0]
    assert len(set(to_numpy(rng.choice(10**12, 1000, replace=False)).tolist())) == 1000
    assert len(set(to_numpy(rng.choice(50, 50, replace=False)).tolist())) == 50


def test_choice_distributions_match_numpy():
    for api in ("generator", "legacy"):
        ours, theirs = _generators(api, 31)
        p = [0.1, 0.0, 0.3, 0.6]
        assert_same_distribution(ours.choice(4, N, p=p), theirs.choice(4, N, p=p), True, 2)
        assert_same_distribution(ours.choice(7, N), theirs.choice(7, N), True, 2)
        pairs = [(ours.choice(4, 2, replace=False, p=p), theirs.choice(4, 2, replace=False, p=p))
                 for _ in range(1500)]
        got = numpy.array([to_numpy(a) for a, _ in pairs])
        want = numpy.array([b for _, b in pairs])
        assert (got[:, 0] != got[:, 1]).all() and not (got == 1).any()
        assert_same_discrete(got[:, 0] * 4 + got[:, 1], want[:, 0] * 4 + want[:, 1])
        perm = numpy.array([to_numpy(ours.choice(5, 5, replace=False)) for _ in range(1000)])
        perm_ref = numpy.array([theirs.choice(5, 5, replace=False) for _ in range(1000)])
        assert_same_discrete(perm[:, 0] * 5 + perm[:, 4], perm_ref[:, 0] * 5 + perm_ref[:, 4])


CHOICE_ERRORS = [((0,), {}), ((-1,), {}), ((1.5,), {}), (([],), {}), ((3,), {"p": [0.5, 0.5]}),
                 ((2,), {"p": [[0.5, 0.5]]}), ((2,), {"p": [-0.5, 1.5]}),
                 ((2,), {"p": [0.3, 0.3]}), ((2,), {"p": [numpy.nan, 0.3]}), ((2,), {"p": 0.5}),
                 ((3, 4), {"replace": False}), ((3, 2), {"replace": False, "p": [1, 0, 0]}),
                 ((3,), {"size": "abc"}), ((3,), {"size": -1})]


@pytest.mark.parametrize("api", ["generator", "legacy"])
def test_choice_errors_match_numpy(api):
    ours, theirs = _generators(api, 0)
    cases = CHOICE_ERRORS + ([(([[1, 2], [3, 4]],), {})] if api == "legacy" else
                             [((numpy.ones((2, 2)),), {"axis": 2})])
    for args, kwargs in cases:
        _assert_same_error(ours, theirs, "choice", args, kwargs)


# ----- shuffle, permutation, permuted -------------------------------------------------------------

def test_shuffle_in_place():
    rng = tr.default_rng(0)
    x = torchnp.arange(20.0).reshape(4, 5)
    view = x[1:]
    rng.shuffle(view)
    assert sorted(to_numpy(x[1:, 0]).tolist()) == [5.0, 10.0, 15.0]     # rows moved, in x
    assert to_numpy(x[0]).tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert (numpy.diff(to_numpy(x), axis=1) == 1).all()                 # rows kept whole
    rng.shuffle(x, axis=1)
    assert (numpy.diff(to_numpy(x), axis=0) % 5 == 0).all()             # columns kept whole
    lst = list(range(10))
    rng.shuffle(lst)
    assert sorted(lst) == list(range(10)) and lst != list(range(10))
    host = numpy.arange(10)
    rng.shuffle(host)
    assert sorted(host.tolist()) == list(range(10)) and host.tolist() != list(range(10))
    tr.RandomState(0).shuffle(lst)
    assert sorted(lst) == list(range(10))
    rng.shuffle(torchnp.zeros((0, 3)))
    counts = numpy.zeros((5, 5))
    for _ in range(2000):
        y = torchnp.arange(5)
        rng.shuffle(y)
        counts[numpy.arange(5), to_numpy(y)] += 1
    assert numpy.abs(counts - 400).max() < 5 * math.sqrt(400 * 0.8)      # uniform positions


def test_shuffle_errors_match_numpy():
    rng, ref = tr.default_rng(0), numpy.random.default_rng(0)
    raises_like_numpy(lambda: ref.shuffle(numpy.array(5)), lambda: rng.shuffle(torchnp.asarray(5)))
    raises_like_numpy(lambda: ref.shuffle(5), lambda: rng.shuffle(5))
    raises_like_numpy(lambda: ref.shuffle(numpy.ones(3), axis=1),
                      lambda: rng.shuffle(torchnp.ones(3), axis=1))
    raises_like_numpy(lambda: ref.shuffle([1, 2], axis=1), lambda: rng.shuffle([1, 2], axis=1))
    ro = numpy.ones(3)
    ro.flags.writeable = False
    raises_like_numpy(lambda: ref.shuffle(ro), lambda: rng.shuffle(ro))
    raises_like_numpy(lambda: ref.shuffle(numpy.broadcast_to(numpy.ones(1), (3,))),
                      lambda: rng.shuffle(torchnp.broadcast_to(torchnp.ones(1), (3,))))


def test_permutation():
    for api in ("generator", "legacy"):
        ours, theirs = _generators(api, 0)
        for x in (5, numpy.int64(5), -1, [3.0, 1.0, 2.0]):
            got, want = ours.permutation(x), theirs.permutation(x)
            assert got.shape == want.shape and got.dtype == want.dtype
            assert sorted(to_numpy(got).tolist()) == sorted(want.tolist())
        x = torchnp.arange(12).reshape(3, 4)
        got = ours.permutation(x)
        assert to_numpy(x).tolist() == numpy.arange(12).reshape(3, 4).tolist()   # a copy
        assert sorted(to_numpy(got)[:, 0].tolist()) == [0, 4, 8]
        for bad in (numpy.array(5), 5.5, "abc"):
            raises_like_numpy(lambda: theirs.permutation(bad), lambda: ours.permutation(bad))
    got = tr.default_rng(0).permutation(torchnp.arange(12).reshape(3, 4), axis=1)
    assert sorted(to_numpy(got)[0].tolist()) == [0, 1, 2, 3]
    assert (numpy.diff(to_numpy(got), axis=0) == 4).all()


def test_permuted():
    rng, ref = tr.default_rng(0), numpy.random.default_rng(0)
    x = torchnp.arange(200).reshape(10, 20)
    y = rng.permuted(x, axis=1)
    assert to_numpy(x).tolist() == numpy.arange(200).reshape(10, 20).tolist()
    assert (numpy.sort(to_numpy(y), axis=1) == to_numpy(x)).all()
    assert len({tuple(r) for r in (to_numpy(y) % 20).tolist()}) == 10     # rows independently
    z = rng.permuted(x)
    assert sorted(to_numpy(z).ravel().tolist()) == list(range(200))
    out = torchnp.zeros((10, 20), dtype=numpy.int64)
    assert rng.permuted(x, axis=0, out=out) is out
    assert (numpy.sort(to_numpy(out), axis=0) == to_numpy(x)).all()
    assert rng.permuted(x, out=x) is x and sorted(to_numpy(x).ravel().tolist()) == list(range(200))
    a = numpy.arange(6.0)
    for kwargs in ({"out": [0.0] * 6}, {"out": numpy.zeros(5)}, {"out": numpy.zeros(6, int)},
                   {"axis": 1}):
        _assert_same_error(rng, ref, "permuted", (a,), kwargs)
    raises_like_numpy(lambda: ref.permuted(numpy.array(3.0)), lambda: rng.permuted(3.0))


# ----- bytes -------------------------------------------------------------------------------------

def test_bytes():
    for api in ("generator", "legacy"):
        ours, theirs = _generators(api, 0)
        b = ours.bytes(10)
        assert type(b) is bytes and len(b) == 10 and ours.bytes(0) == b""
        assert len(ours.bytes(1.5)) == len(theirs.bytes(1.5)) == 1
        for bad in (None, "abc", object()):
            raises_like_numpy(lambda: theirs.bytes(bad), lambda: ours.bytes(bad))
        counts = numpy.frombuffer(ours.bytes(N), numpy.uint8)
        assert_same_discrete(counts, numpy.frombuffer(theirs.bytes(N), numpy.uint8))
    with pytest.raises(ValueError):
        tr.default_rng(0).bytes(-1)             # NumPy returns 3 bytes (docs/differences.md)


# ----- seeding, determinism, spawning -------------------------------------------------------------

def test_same_seed_same_numbers():
    for seed in (0, 12345, 2**100, [1, 2, 3], numpy.array([4, 5]), tr.SeedSequence(7)):
        a = to_numpy(tr.default_rng(seed).normal(size=5))
        b = to_numpy(tr.default_rng(seed).normal(size=5))
        numpy.testing.assert_array_equal(a, b)
    assert not numpy.array_equal(to_numpy(tr.default_rng(0).random(5)),
                                 to_numpy(tr.default_rng(1).random(5)))
    assert not numpy.array_equal(to_numpy(tr.default_rng().random(5)),
                                 to_numpy(tr.default_rng().random(5)))
    tr.seed(3)
    a = to_numpy(tr.rand(4))
    tr.seed(3)
    numpy.testing.assert_array_equal(a, to_numpy(tr.rand(4)))
    assert tr.RandomState(3).rand(4).tolist() == a.tolist()


def test_seed_arguments_as_numpy():
    for seed in (-1, 1.5, "a", [-1], [1.5], object()):
        raises_like_numpy(lambda: numpy.random.default_rng(seed), lambda: tr.default_rng(seed))
    for seed in (-1, 2**32, 1.5, "a", [-1], tr.SeedSequence(1)):
        raises_like_numpy(lambda: numpy.random.RandomState(seed), lambda: tr.RandomState(seed))
        raises_like_numpy(lambda: numpy.random.seed(seed), lambda: tr.seed(seed))


def test_default_rng_passes_generators_through():
    rng = tr.default_rng(0)
    assert tr.default_rng(rng) is rng
    bg = tr.PCG64(1)
    g = tr.default_rng(bg)
    assert isinstance(g, tr.Generator) and g.bit_generator is bg
    rs = tr.RandomState(1)
    assert tr.default_rng(rs).bit_generator is rs._bit_generator
    assert str(rng) == "Generator(PCG64)" and repr(rng).startswith("Generator(PCG64) at 0x")
    assert str(tr.Generator(tr.MT19937(0))) == "Generator(MT19937)"
    assert str(rs) == "RandomState(MT19937)"
    with pytest.raises(TypeError):
        tr.Generator(numpy.random.PCG64(0))


def test_spawned_children_are_independent():
    rng = tr.default_rng(99)
    kids = rng.spawn(3)
    assert all(isinstance(k, tr.Generator) for k in kids)
    draws = [to_numpy(k.standard_normal(N)) for k in kids] + [to_numpy(rng.standard_normal(N))]
    for i in range(4):
        for j in range(i):
            assert abs(numpy.corrcoef(draws[i], draws[j])[0, 1]) < 5 / math.sqrt(N)
            assert not numpy.array_equal(draws[i], draws[j])
    again = [to_numpy(k.standard_normal(N)) for k in tr.default_rng(99).spawn(3)]
    for a, b in zip(draws, again):
        numpy.testing.assert_array_equal(a, b)
    grand = kids[0].spawn(2)
    assert not numpy.array_equal(to_numpy(grand[0].random(4)), to_numpy(grand[1].random(4)))
    bits = tr.PCG64(5).spawn(2)
    assert all(type(b) is tr.PCG64 for b in bits)
    assert bits[0].seed_seq.spawn_key == (0,)


# ----- bit generators and state ------------------------------------------------------------------
BIT_GENERATORS = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]


@pytest.mark.parametrize("name", BIT_GENERATORS)
def test_bit_generators(name):
    cls = getattr(tr, name)
    bg = cls(11)
    rng = tr.Generator(bg)
    rng.random(3)
    state = bg.state
    assert state["bit_generator"] == name
    a = to_numpy(rng.normal(size=7))
    bg.state = state
    numpy.testing.assert_array_equal(a, to_numpy(rng.normal(size=7)))
    with pytest.raises(TypeError):
        bg.state = 5
    with pytest.raises(ValueError, match=f"state must be for a {name} RNG"):
        bg.state = {"bit_generator": "other"}
    assert isinstance(bg.seed_seq, numpy.random.SeedSequence)
    assert isinstance(bg.lock, type(numpy.random.PCG64().lock))
    numpy_bg = getattr(numpy.random, name)(11)
    assert hasattr(bg, "jumped") == hasattr(numpy_bg, "jumped")
    assert hasattr(bg, "advance") == hasattr(numpy_bg, "advance")
    if hasattr(bg, "jumped"):
        j1, j2 = bg.jumped(), bg.jumped(2)
        x1 = to_numpy(tr.Generator(j1).random(5))
        assert type(j1) is cls
        numpy.testing.assert_array_equal(x1, to_numpy(tr.Generator(bg.jumped()).random(5)))
        assert not numpy.array_equal(x1, to_numpy(tr.Generator(j2).random(5)))
    if hasattr(bg, "advance"):
        with pytest.raises(NotImplementedError):
            bg.advance(5)
    raw = bg.random_raw(4)
    assert raw.dtype == numpy.uint64 and raw.shape == (4,)
    assert bg.random_raw().shape == ()
    assert bg.random_raw(3, output=False) is None


def test_bit_generator_base_and_philox_arguments():
    raises_like_numpy(lambda: numpy.random.BitGenerator(0), lambda: tr.BitGenerator(0))
    a = to_numpy(tr.Generator(tr.Philox(key=5)).random(3))
    numpy.testing.assert_array_equal(a, to_numpy(tr.Generator(tr.Philox(key=5)).random(3)))
    with pytest.raises(ValueError):
        tr.Philox(1, key=5)
    with pytest.raises(NotImplementedError):
        tr.Philox(counter=1)


def test_mt19937_key_is_numpys():
    """On the CPU, MT19937 holds the key NumPy's MT19937 and legacy seeding would."""
    bg = tr.MT19937(2024)
    tr.Generator(bg).random()           # make the CPU generator
    from torchnp.random import _torch_rng
    key, pos, _, _ = _torch_rng.read_cpu_state(bg.torch_generator(torch.device("cpu"))
                                               .get_state())
    ref = numpy.random.MT19937(2024).state["state"]
    if pos == ref["pos"]:               # (the draw above may have consumed the first words)
        numpy.testing.assert_array_equal(key, ref["key"])
    for seed in (0, 12345, [1, 2, 3]):
        state = tr.RandomState(seed).get_state()
        ref = numpy.random.RandomState(seed).get_state()
        assert state[0] == ref[0] and state[2:] == ref[2:]
        numpy.testing.assert_array_equal(state[1], ref[1])


def test_legacy_state_round_trips_and_takes_numpys():
    rs = tr.RandomState(5)
    rs.randn()                          # leaves a cached normal in the state
    st = rs.get_state()
    a = to_numpy(rs.randn(5))
    rs.set_state(st)
    numpy.testing.assert_array_equal(a, to_numpy(rs.randn(5)))
    d = rs.get_state(legacy=False)
    assert d["bit_generator"] == "MT19937" and set(d) == {"bit_generator", "state", "has_gauss",
                                                          "gauss"}
    b = to_numpy(rs.rand(3))
    rs.set_state(d)
    rs.randn(5)
    rs.set_state(st)
    rs.randn(5)
    numpy.testing.assert_array_equal(b, to_numpy(rs.rand(3)))
    # NumPy's state, taken as it is: the raw MT19937 words drawn next are NumPy's
    ref = numpy.random.RandomState(77)
    ref.random_sample(3)
    rs.set_state(ref.get_state())
    got_state = rs.get_state()
    numpy.testing.assert_array_equal(got_state[1], ref.get_state()[1])
    assert got_state[2:] == ref.get_state()[2:]
    mt = numpy.random.MT19937()
    mt.state = {"bit_generator": "MT19937", "state": {"key": got_state[1], "pos": got_state[2]}}
    words = mt.random_raw(200) & 0xFFFFFFFF
    g = rs._bit_generator.torch_generator(torch.device("cpu"))
    # torch's int64 randint over [0, 2**32) takes a 64-bit draw (two words) and keeps the second
    drawn = torch.randint(0, 2**32, (100,), generator=g).numpy()
    numpy.testing.assert_array_equal(drawn, words[1::2])
    for bad in (5, ("PCG64", numpy.zeros(624, numpy.uint32), 0)):
        raises_like_numpy(lambda: numpy.random.RandomState(0).set_state(bad),
                          lambda: rs.set_state(bad))
    with pytest.raises(ValueError):
        rs.set_state(("MT19937", numpy.zeros(3, numpy.uint32), 0))


def test_module_functions_share_one_random_state():
    tr.seed(10)
    st = tr.get_state()
    a = [to_numpy(f(3)) for f in (tr.rand, tr.random_sample, tr.random, tr.ranf, tr.sample)]
    tr.set_state(st)
    b = [to_numpy(f(3)) for f in (tr.rand, tr.random_sample, tr.random, tr.ranf, tr.sample)]
    for x, y in zip(a, b):
        numpy.testing.assert_array_equal(x, y)
    assert tr.randn(2, 3).shape == (2, 3) and tr.rand().shape == ()
    raises_like_numpy(lambda: numpy.random.rand(2.5), lambda: tr.rand(2.5))
    raises_like_numpy(lambda: numpy.random.randn((2, 3)), lambda: tr.randn((2, 3)))
    bg = tr.get_bit_generator()
    assert isinstance(bg, tr.MT19937)
    other = tr.MT19937(1)
    tr.set_bit_generator(other)
    try:
        assert tr.get_bit_generator() is other
    finally:
        tr.set_bit_generator(bg)


def test_pickle_and_deepcopy_keep_the_stream():
    for obj in (tr.default_rng(3), tr.RandomState(3)):
        obj.standard_normal(3)
        for clone in (copy.deepcopy(obj), pickle.loads(pickle.dumps(obj))):
            numpy.testing.assert_array_equal(to_numpy(clone.standard_normal(5)),
                                             to_numpy(copy.deepcopy(obj).standard_normal(5)))
    rng = tr.default_rng(4)
    clone = copy.deepcopy(rng)
    numpy.testing.assert_array_equal(to_numpy(rng.random(4)), to_numpy(clone.random(4)))


# ----- devices -----------------------------------------------------------------------------------
# meta tensors hold no values, so nothing is drawn there: the results' device, shape and dtype
# show that every method places its arrays on the target device.
META_CALLS = [(name, params) for name, params, _, _ in DISTRIBUTIONS] + [
    ("random", ()), ("integers", (0, 10)), ("integers", (-2**63, 2**63 - 1)),
    ("dirichlet", ([1.0, 2.0],)), ("multinomial", (5, [0.5, 0.5])),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])),
    ("multivariate_hypergeometric", ([3, 4], 2)), ("choice", (5,)),
    ("permutation", (5,)),
]


@pytest.mark.parametrize("name, params", META_CALLS, ids=[f"{c[0]}{i}" for i, c in
                                                           enumerate(META_CALLS)])
def test_draws_land_on_the_target_device(name, params):
    want = numpy.asarray(getattr(numpy.random.default_rng(0), name)(*params, size=3)
                         if name != "permutation" else numpy.random.default_rng(0)
                         .permutation(*params))
    size = {} if name == "permutation" else {"size": 3}
    for rng, kwargs in ((tr.default_rng(0, device="meta"), {}),
                        (tr.default_rng(0), {"device": "meta"})):
        got = getattr(rng, name)(*params, **size, **kwargs)
        assert got.tensor.device.type == "meta"
        assert got.shape == want.shape and got.dtype == want.dtype
    with torchnp.default_device("meta"):
        got = getattr(tr.default_rng(0), name)(*params, **size)
    assert got.tensor.device.type == "meta"


# The legacy functions (one global RandomState) with NumPy's own arguments: device= and the
# default device place their draws.
LEGACY_META_CALLS = [(n, p, {} if n == "permutation" else {"size": 3}) for n, p in META_CALLS
                     if n in tr.__all__ and n not in ("random", "choice")
                     and (n, p) != ("hypergeometric", (3, 4, 0))] + [   # legacy: nsample >= 1
    ("rand", (2, 3), {}), ("randn", (3,), {}), ("randint", (0, 5), {"size": 3}),
    ("random", (), {"size": 3}), ("random_sample", (), {"size": (2, 2)}),
    ("ranf", (), {"size": 3}), ("sample", (), {"size": 3}), ("choice", (5,), {"size": 3})]


@pytest.mark.parametrize("name, params, kwargs", LEGACY_META_CALLS,
                         ids=[f"{c[0]}{i}" for i, c in enumerate(LEGACY_META_CALLS)])
def test_legacy_draws_land_on_the_target_device(name, params, kwargs):
    want = numpy.asarray(getattr(numpy.random, name)(*params, **kwargs))
    got = getattr(tr, name)(*params, **kwargs, device="meta")
    assert got.tensor.device.type == "meta"
    assert got.shape == want.shape and got.dtype == want.dtype
    with torchnp.default_device("meta"):
        assert getattr(tr, name)(*params, **kwargs).tensor.device.type == "meta"


def test_default_device_and_array_devices():
    rng = tr.default_rng(0)
    with torchnp.default_device("meta"):
        assert rng.normal(size=2).tensor.device.type == "meta"
        assert tr.rand(2).tensor.device.type == "meta"
    assert rng.normal(size=2).tensor.device.type == "cpu"
    loc = torchnp.zeros(3, device="meta")
    assert rng.normal(loc, 1.0).tensor.device.type == "meta"     # the parameters' device
    x = torchnp.arange(5, device="meta")
    assert rng.permuted(x).tensor.device.type == "meta"
    assert rng.permutation(x).tensor.device.type == "meta"
    assert rng.choice(x, 2).tensor.device.type == "meta"
    rng.shuffle(x)
    meta = tr.default_rng(0, device="meta")
    assert meta.device == torch.device("meta")
    u = meta.integers(0, 2**64 - 1, size=3, dtype="uint64")
    assert u.tensor.device.type == "meta" and u.dtype == numpy.uint64


def test_gradients_flow_through_location_and_scale():
    loc = torchnp.asarray([1.0, 2.0], requires_grad=True)
    x = tr.default_rng(0).normal(loc, 2.0)
    x.sum().backward()
    numpy.testing.assert_array_equal(to_numpy(loc.grad), [1.0, 1.0])
