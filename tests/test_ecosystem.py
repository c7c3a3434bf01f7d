"""Libraries that consume arrays accept torchnp arrays: scikit-learn and SciPy through the Array
API (``__array_namespace__``), matplotlib and pandas through ``__array__``.

Each result is compared with the same library run on NumPy arrays (the oracle). scikit-learn and
SciPy dispatch to torchnp only with their Array API switches on: ``SCIPY_ARRAY_API=1`` (set in
conftest.py, before anything imports SciPy) and ``sklearn.set_config(array_api_dispatch=True)``.
"""
import io

import numpy
import pytest

import torchnp

sklearn = pytest.importorskip("sklearn", reason="scikit-learn is in the test extra only")
scipy = pytest.importorskip("scipy", reason="SciPy is in the test extra only")
pd = pytest.importorskip("pandas", reason="pandas is in the test extra only")
matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is in the test extra only")

import scipy.fft  # noqa: E402
import scipy.ndimage  # noqa: E402
import scipy.signal  # noqa: E402
import scipy.special  # noqa: E402
import scipy.stats  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis  # noqa: E402
from sklearn.linear_model import Ridge  # noqa: E402


def _data():
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((60, 5))
    y = x @ rng.standard_normal(5) + 0.1 * rng.standard_normal(60)
    labels = (x[:, 0] + x[:, 1] > 0).astype(numpy.int64)
    return x, y, labels


def _fit_both(estimator, *data):
    """The estimator fitted on torchnp arrays (Array API dispatch on) and on the NumPy arrays."""
    with sklearn.config_context(array_api_dispatch=True):
        ours = sklearn.base.clone(estimator).fit(*[torchnp.asarray(d) for d in data])
    return ours, sklearn.base.clone(estimator).fit(*data)


def _check_torchnp_result(result, expected, rtol=1e-9, atol=1e-12):
    assert type(result) is torchnp.ndarray
    assert result.dtype == expected.dtype and result.shape == expected.shape
    numpy.testing.assert_allclose(numpy.asarray(result), expected, rtol=rtol, atol=atol)


def test_sklearn_array_api_dispatch_reaches_torchnp():
    x, _, _ = _data()
    a = torchnp.asarray(x)
    assert a.__array_namespace__() is torchnp
    with sklearn.config_context(array_api_dispatch=True):
        xp, is_array_api = sklearn.utils._array_api.get_namespace(a)
    assert is_array_api and xp is torchnp


def test_sklearn_pca_on_torchnp_arrays():
    x, _, _ = _data()
    ours, ref = _fit_both(PCA(n_components=3, svd_solver="full"), x)
    _check_torchnp_result(ours.explained_variance_, ref.explained_variance_)
    _check_torchnp_result(ours.mean_, ref.mean_)
    # singular vectors are defined up to sign; sklearn flips them to a deterministic sign
    _check_torchnp_result(ours.components_, ref.components_)
    with sklearn.config_context(array_api_dispatch=True):
        projected = ours.transform(torchnp.asarray(x))
    _check_torchnp_result(projected, ref.transform(x))


def test_sklearn_ridge_on_torchnp_arrays():
    x, y, _ = _data()
    ours, ref = _fit_both(Ridge(alpha=0.5, solver="svd"), x, y)
    _check_torchnp_result(ours.coef_, ref.coef_)
    with sklearn.config_context(array_api_dispatch=True):
        predicted = ours.predict(torchnp.asarray(x))
    _check_torchnp_result(predicted, ref.predict(x))


def test_sklearn_linear_discriminant_analysis_on_torchnp_arrays():
    x, _, labels = _data()
    ours, ref = _fit_both(LinearDiscriminantAnalysis(), x, labels)
    _check_torchnp_result(ours.coef_, ref.coef_)
    _check_torchnp_result(ours.means_, ref.means_)
    with sklearn.config_context(array_api_dispatch=True):
        a = torchnp.asarray(x)
        predicted, proba, scaled = ours.predict(a), ours.predict_proba(a), ours.transform(a)
    _check_torchnp_result(predicted, ref.predict(x))
    _check_torchnp_result(proba, ref.predict_proba(x))
    # the discriminant direction comes from an SVD, defined up to sign: LAPACK's gesdd through
    # torch and through SciPy may pick opposite signs (both are correct)
    expected = ref.transform(x)
    sign = numpy.sign(numpy.asarray(scaled)[0, 0]) * numpy.sign(expected[0, 0])
    _check_torchnp_result(scaled * sign, expected)


SCIPY_CALLS = {
    "special.erf": lambda m: scipy.special.erf(m),
    "special.logsumexp": lambda m: scipy.special.logsumexp(m, axis=1),
    "special.softmax": lambda m: scipy.special.softmax(m, axis=0),
    "stats.zscore": lambda m: scipy.stats.zscore(m, axis=1),
    "stats.skew": lambda m: scipy.stats.skew(m, axis=0),
    "stats.moment": lambda m: scipy.stats.moment(m, order=3, axis=0),
    "ndimage.gaussian_filter": lambda m: scipy.ndimage.gaussian_filter(m, 1.0),
    "ndimage.uniform_filter": lambda m: scipy.ndimage.uniform_filter(m, 2),
    "signal.convolve": lambda m: scipy.signal.convolve(m, m[::-1]),
    "signal.fftconvolve": lambda m: scipy.signal.fftconvolve(m, m[::-1]),
    "fft.fft": lambda m: scipy.fft.fft(m, axis=1),
}


@pytest.mark.parametrize("name", sorted(SCIPY_CALLS))
def test_scipy_array_api_functions_return_torchnp_arrays(name):
    x = numpy.linspace(-2.0, 2.0, 20).reshape(4, 5) ** 3
    call = SCIPY_CALLS[name]
    _check_torchnp_result(call(torchnp.asarray(x)), call(x))


def test_matplotlib_draws_a_torchnp_array():
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    x = numpy.linspace(0.0, 1.0, 10)
    fig, (left, right) = plt.subplots(1, 2)
    try:
        (line,) = left.plot(torchnp.asarray(x), torchnp.asarray(x) ** 2)
        image = right.imshow(torchnp.asarray(numpy.outer(x, x)))
        fig.savefig(io.BytesIO(), format="png")
        numpy.testing.assert_array_equal(numpy.asarray(line.get_ydata()), x ** 2)
        numpy.testing.assert_array_equal(numpy.asarray(image.get_array()), numpy.outer(x, x))
    finally:
        plt.close(fig)


def test_pandas_builds_frames_and_series_from_torchnp_arrays():
    data = numpy.arange(6.0).reshape(3, 2)
    frame = pd.DataFrame(torchnp.asarray(data), columns=["x", "y"])
    pd.testing.assert_frame_equal(frame, pd.DataFrame(data, columns=["x", "y"]))
    series = pd.Series(torchnp.arange(3, dtype=torchnp.int32))
    pd.testing.assert_series_equal(series, pd.Series(numpy.arange(3, dtype=numpy.int32)))
