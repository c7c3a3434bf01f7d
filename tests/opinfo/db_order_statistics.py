"""Database: order statistics (median, quantile, percentile, their NaN-ignoring variants, ptp,
nanargmax, nanargmin), averages and correlating (average, cov, corrcoef).

db_reductions.py holds a generic reduction entry for some of these (median, ptp, average, ...);
the entries here add the samples that are theirs: NaNs, methods, weights, q's dtypes."""
import numpy as np

from opinfo.core import (ALL, BOOL, COMPLEX, FLOATING, INTEGER, NUMERIC, ErrorInput, OpInfo,
                         SampleInput, XFail)

REAL = BOOL + INTEGER + FLOATING       # quantiles of complex data: TypeError (an error input)
METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest")

def _with_nans(x, nan_row=True):
    """``x`` with NaNs (inexact dtypes): two in the first row, a whole NaN row (``nan_row``)
    when 2-d."""
    x = x.copy()
    if x.dtype.kind in "fc" and x.size > 2:
        x.flat[[0, 2]] = np.nan
        if nan_row and x.ndim == 2 and x.shape[0] > 2:
            x[-1] = np.nan
    return x


def _quantile_samples(scale):
    """Samples for quantile (``scale`` 1) and percentile (100)."""
    def samples(make, dtype):
        x, x3 = make((3, 5), dtype), make((2, 3, 4), dtype)
        yield SampleInput(x, 0.3 * scale)                                  # a weak Python float
        yield SampleInput(x, 1 * scale, axis=-1)                          # a Python int
        yield SampleInput(x, np.array([0.45, 0.9]) * scale, axis=0, keepdims=True)   # no kinks
        yield SampleInput(x3, [0.0, 0.25 * scale, 1.0 * scale], axis=1)
        yield SampleInput(x3, np.float32(0.4 * scale), axis=(0, 2))       # float32 quantiles
        for method in METHODS:
            yield SampleInput(x, [0.1 * scale, 0.7 * scale], axis=1, method=method)
        yield SampleInput(x, [0.3 * scale, 0.6 * scale], axis=1, method="inverted_cdf",
                          weights=make((3, 5), "float64", low=0, high=3))
        yield SampleInput(x3, 0.5 * scale, axis=2, method="inverted_cdf",
                          weights=make((4,), "int64", low=1, high=3))
        yield SampleInput(make((0, 3), dtype), 0.5 * scale, axis=1)
        yield SampleInput(make((), dtype), 0.5 * scale)
        yield SampleInput(make((0,), dtype), 0.5 * scale)                 # IndexError
        yield SampleInput(x, 1.5 * scale)                                 # ValueError
    return samples


def full_weights(ref):
    """``ref`` with weights along the axis broadcast to the data's shape first: NumPy's nanquantile
    and nanpercentile raise IndexError on the others (known_bugs.NUMPY_BUGS)."""
    def call(a, q, axis=None, **kwargs):
        w = kwargs.get("weights")
        if w is not None and axis is not None and np.ndim(w) != np.ndim(a):
            axes = np.lib.array_utils.normalize_axis_tuple(axis, a.ndim)
            w = np.transpose(w, np.argsort(axes))
            w = w.reshape([n if d in axes else 1 for d, n in enumerate(a.shape)])
            kwargs["weights"] = np.broadcast_to(w, a.shape).copy()
        return ref(a, q, axis, **kwargs)
    return call


def _nan_quantile_samples(scale):
    def samples(make, dtype):
        for s in _quantile_samples(scale)(make, dtype):     # (all-NaN slices: NaN gradients)
            yield SampleInput(*(_with_nans(a, False) if isinstance(a, np.ndarray) and i == 0
                                else a for i, a in enumerate(s.args)), **s.kwargs)
        x = _with_nans(make((3, 5), dtype))
        yield SampleInput(x, [0.3 * scale, 0.9 * scale], axis=1)
        yield SampleInput(x, 0.4 * scale, axis=1, method="inverted_cdf",
                          weights=make((3, 5), "float64", low=0, high=3))
        yield SampleInput(x[-1], 0.5 * scale)                             # 1-d, all NaN
    return samples


def samples_median(make, dtype):
    x = make((4, 5), dtype)
    yield SampleInput(x)
    yield SampleInput(x, axis=1, keepdims=True)
    yield SampleInput(make((3, 5), dtype), axis=0)                   # odd count
    yield SampleInput(_with_nans(x), axis=1)
    yield SampleInput(_with_nans(x))
    yield SampleInput(make((2, 3, 4), dtype), axis=(0, 2), overwrite_input=True)


def samples_nan_arg(make, dtype):
    x = _with_nans(make((4, 5), dtype))
    yield SampleInput(x[:-1], axis=1)
    yield SampleInput(x[:-1], axis=0, keepdims=True)
    yield SampleInput(x[:-1])
    yield SampleInput(x, axis=1)                                      # an all-NaN row: ValueError


def samples_ptp(make, dtype):
    x = make((3, 4), dtype)
    yield SampleInput(x)
    yield SampleInput(x, axis=0, keepdims=True)
    yield SampleInput(make((2, 3, 4), dtype), axis=(0, 2))
    yield SampleInput(make((0, 3), dtype), axis=1)


def samples_average(make, dtype):
    x, x3 = make((3, 4), dtype), make((2, 3, 4), dtype)
    yield SampleInput(x, weights=make((3, 4), dtype, low=1, high=4))
    yield SampleInput(x, axis=1, weights=make((4,), "float32", low=0, high=3), returned=True)
    yield SampleInput(x3, axis=(0, 2), weights=make((2, 4), "int64", low=1, high=3),
                      keepdims=True)
    yield SampleInput(x, axis=0, returned=True)
    yield SampleInput(x, weights=np.zeros((3, 4), "float64"))        # ZeroDivisionError
    yield SampleInput(x, weights=make((4,), dtype))                  # TypeError: no axis


def samples_cov(make, dtype):
    x = make((3, 5), dtype)
    yield SampleInput(x)
    yield SampleInput(x, rowvar=False, bias=True)
    yield SampleInput(x, make((2, 5), dtype), ddof=2)
    yield SampleInput(make((5,), dtype), make((5,), dtype))
    yield SampleInput(x, fweights=np.array([1, 2, 0, 1, 3]), aweights=np.linspace(0.1, 1, 5))
    yield SampleInput(x, aweights=np.linspace(0.1, 1, 5), ddof=0)
    yield SampleInput(x, dtype="float32")
    yield SampleInput(make((1, 5), dtype))                          # a 0-d result
    yield SampleInput(make((0, 3), dtype))


def samples_corrcoef(make, dtype):
    x = make((3, 5), dtype)
    yield SampleInput(x)
    yield SampleInput(x, rowvar=False)
    yield SampleInput(x, make((2, 5), dtype))
    yield SampleInput(make((1, 5), dtype))
    yield SampleInput(x, dtype="float32")


_QUANTILE_ERRORS = [
    ErrorInput(SampleInput(np.arange(4.0), 0.5, method="foo"), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(4.0), [[[0.5]]]), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(4.0), np.nan), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(4.0), 0.5, weights=np.ones(4)), ValueError,
               exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), 0.5, method="inverted_cdf", weights=np.ones(3)),
               TypeError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), 0.5, axis=0, method="inverted_cdf",
                           weights=np.ones(3)), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(4.0), 0.5, method="inverted_cdf", weights=-np.ones(4)),
               ValueError, exact_message=True),
    ErrorInput(SampleInput(np.arange(4.0), 0.5, method="inverted_cdf", weights=np.zeros(4)),
               ValueError, exact_message=True),
    ErrorInput(SampleInput(np.ones(3, complex), 0.5), TypeError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), 0.5, axis=2), np.exceptions.AxisError),
]

_COV_ERRORS = [
    ErrorInput(SampleInput(np.ones((2, 2, 2))), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), ddof=1.5), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), fweights=[1, 2.5, 1]), TypeError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), fweights=[1, 2]), RuntimeError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), aweights=[[1, 2, 3]]), RuntimeError,
               exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), aweights=[1, -2, 1]), ValueError, exact_message=True),
    ErrorInput(SampleInput(np.ones((2, 3)), np.ones((2, 4))), ValueError),
]

_NEGATIVE_INTO_UNSIGNED = XFail(
    "documented difference (docs/differences.md, floating-point corner cases): a negative median "
    "written into an unsigned out= is an out-of-range cast, which C leaves undefined; NumPy's "
    "mean gives 0 there, its astype and torch wrap around", variants=("out_dtype",),
    dtypes=FLOATING + COMPLEX)
_PTP_ERRORS = [ErrorInput(SampleInput(np.array([True, False])), TypeError, exact_message=True)]

op_db_order_statistics = [
    OpInfo("quantile", dtypes=REAL, samples=_quantile_samples(1), errors=_QUANTILE_ERRORS,
           supports_out=True, supports_grad=True),
    OpInfo("percentile", dtypes=REAL, samples=_quantile_samples(100), supports_out=True,
           supports_grad=True),
    OpInfo("nanquantile", dtypes=REAL, samples=_nan_quantile_samples(1), supports_out=True,
           supports_grad=True, ref=full_weights(np.nanquantile)),
    OpInfo("nanpercentile", dtypes=REAL, samples=_nan_quantile_samples(100), supports_out=True,
           supports_grad=True, ref=full_weights(np.nanpercentile)),
    OpInfo("median", dtypes=ALL, samples=samples_median, supports_out=True, supports_grad=True,
           xfails=[_NEGATIVE_INTO_UNSIGNED]),
    OpInfo("nanmedian", dtypes=ALL, samples=samples_median, supports_out=True,
           supports_grad=True),
    OpInfo("nanargmax", dtypes=ALL, samples=samples_nan_arg, supports_out=True),
    OpInfo("nanargmin", dtypes=ALL, samples=samples_nan_arg, supports_out=True),
    OpInfo("ptp", dtypes=NUMERIC, samples=samples_ptp, errors=_PTP_ERRORS, supports_out=True,
           supports_grad=True),
    OpInfo("average", dtypes=ALL, samples=samples_average, supports_grad=True,
           xfails=[XFail("graph break under torch.compile(fullgraph=True): a guard on data (a "
                         "host read: NumPy's error for weights that sum to zero)",
                         variants=("compile",))]),
    OpInfo("cov", dtypes=ALL, samples=samples_cov, errors=_COV_ERRORS, supports_grad=True),
    OpInfo("corrcoef", dtypes=ALL, samples=samples_corrcoef, supports_grad=True),
]
