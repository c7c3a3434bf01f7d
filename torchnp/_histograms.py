"""Histograms: histogram, histogram_bin_edges, histogram2d, histogramdd, bincount, digitize.

Written as NumPy writes them (``numpy/lib/_histograms_impl.py``), against torchnp's own functions
where NumPy's dtype rules decide a value: the range's edges stay Python numbers or strong 0-d
arrays, as NumPy's do. Bin counts, and NumPy's errors for non-finite ranges or too many bins,
depend on the data: those lines read values back (host syncs).
"""
import builtins
import math
import operator
import warnings

import numpy
import torch

from torchnp import _creation, _kernels, _manipulation, _math, _sorting, _statistics
from torchnp import _math_ufuncs as _u
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import reduction as _red
from torchnp._core.ndarray import ndarray

_wrap = convert.wrap
_PY_NUMBERS = (int, float)
_UNSIGNED_OF = {torch.int8: torch.uint8, torch.int16: torch.uint16, torch.int32: torch.uint32,
                torch.int64: torch.uint64}


def _is_py(x):
    return type(x) in _PY_NUMBERS


def _host_bool(x):
    """``bool(x)``, where NumPy branches on a scalar's value (a 0-d array's: read back)."""
    return bool(x)                               # host-sync: NumPy's branch on the value


# ----- bincount, digitize -------------------------------------------------------------------------

def _too_deep(t):
    if t.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if t.ndim > 1:
        raise ValueError("object too deep for desired array")


def _cast_error(dt, to):
    return TypeError(f"Cannot cast array data from {_dtypes.to_numpy_dtype(dt)!r} to "
                     f"dtype('{to}') according to the rule 'safe'")


def _bincount_indices(x, t):
    """``x`` (as tensor ``t``) as NumPy's intp array of bin indices, with NumPy's errors."""
    _too_deep(t)
    if t.dtype.is_floating_point or t.is_complex():
        host = not isinstance(x, (ndarray, torch.Tensor, numpy.ndarray))
        if host and t.numel() == 0:                 # NumPy reads an empty list as integers
            return t.to(torch.int64)
        if not host or t.is_complex():
            raise _cast_error(t.dtype, "int64")
        warnings.warn("Non-integer input passed to bincount. In a future version of NumPy, this "
                      "will be an error. (Deprecated NumPy 2.1)", DeprecationWarning, stacklevel=3)
    return t.to(torch.int64)


def _bincount_weights(w, n):
    """Weights as float64 (NumPy's safe cast to double), one per index of ``n``."""
    if w.is_complex():
        raise _cast_error(w.dtype, "float64")
    _too_deep(w)
    if w.shape[0] != n:
        raise ValueError("The weights and list don't have the same length.")
    return w.to(torch.float64)


def _count(idx, w, size):
    """The sum of ``w`` (or 1s) at each index of ``idx`` (non-negative, < ``size``)."""
    if w is None:
        return torch.zeros(size, dtype=torch.int64, device=idx.device).index_add(
            0, idx, torch.ones_like(idx))
    return torch.zeros(size, dtype=w.dtype, device=idx.device).index_add(0, idx, w)


def bincount(x, /, weights=None, minlength=0):
    """Count the occurrences of each value in an array of non-negative ints.

    torchnp implementation of :func:`numpy.bincount`.
    """
    t, w = convert.operands(x, weights) if weights is not None else \
        (convert.as_tensor(x), None)
    idx = _bincount_indices(x, t)
    if minlength is None:
        raise TypeError("use 0 instead of None for minlength")
    if isinstance(minlength, (bool, numpy.bool_)):
        raise TypeError("an integer is required")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    if idx.numel() == 0:
        return _wrap(torch.zeros(minlength, dtype=torch.int64, device=idx.device))
    lo, hi = torch.stack([idx.min(), idx.max()]).tolist()   # host-sync: the result's length
    if lo < 0:
        raise ValueError("'list' argument must have no negative elements")
    if w is not None:
        w = _bincount_weights(w, idx.shape[0])
    return _wrap(_count(idx, w, max(hi + 1, minlength)))


def _monotonicity(b):
    """NumPy's ``check_array_monotonic`` of 1-d float64 ``b``: 1 increasing (or constant), -1
    decreasing, 0 neither; the first step that is not a tie decides the direction."""
    if b.shape[0] < 2:
        return 1
    steps = b[1:] != b[0]
    first = b[1:][steps.to(torch.uint8).argmax()]
    facts = torch.stack([steps.any(), b[0] < first, (b[:-1] > b[1:]).any(),
                         (b[:-1] < b[1:]).any()]).tolist()   # host-sync: NumPy's check
    moves, rising, falls, rises = facts
    if not moves:
        return 1
    if rising:
        return 0 if falls else 1
    return 0 if rises else -1


def digitize(x, bins, right=False):
    """The indices of the bins to which each value in ``x`` belongs.

    torchnp implementation of :func:`numpy.digitize`.
    """
    tx, tb = convert.operands(x, bins)
    if tx.is_complex():
        raise TypeError("x may not be complex")
    _too_deep(tb)
    if tb.is_complex():
        raise _cast_error(tb.dtype, "float64")
    mono = _monotonicity(tb.to(torch.float64))
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if mono == -1:
        found = _sorting.searchsorted(_wrap(_kernels.flip(tb, (0,))), _wrap(tx), side=side)
        return _u.subtract(tb.shape[0], found)
    return _sorting.searchsorted(_wrap(tb), _wrap(tx), side=side)


# ----- bin edges ----------------------------------------------------------------------------------

def _unsigned_subtract(a, b, device):
    """``a - b`` as NumPy's ``_unsigned_subtract``: signed integers subtract into their unsigned
    twin (the width of a range never overflows)."""
    dt = _dtypes.to_torch_dtype(promotion.result_type(a, b))
    unsigned = _UNSIGNED_OF.get(dt)
    if unsigned is None:
        return _u.subtract(a, b, dtype=_dtypes.to_numpy_dtype(dt))
    np_dt = _dtypes.to_numpy_dtype(dt)
    return _u.subtract(_creation.asarray(a, dtype=np_dt, device=device),
                       _creation.asarray(b, dtype=np_dt, device=device), casting="unsafe",
                       dtype=_dtypes.to_numpy_dtype(unsigned))


def _ptp(x):
    return _unsigned_subtract(_math.max(x), _math.min(x), x._t.device)


def _f64(value, device):
    """A NumPy float64 scalar (strong) holding Python float ``value``, on ``device``."""
    return convert.wrap_dt(torch.tensor(value, dtype=torch.float64, device=device),
                           torch.float64)


def _bin_sqrt(x, range_):
    return _u.true_divide(_ptp(x), _f64(math.sqrt(x.size), x._t.device))


def _bin_sturges(x, range_):
    return _u.true_divide(_ptp(x), _f64(math.log2(x.size) + 1.0, x._t.device))


def _bin_rice(x, range_):
    return _u.true_divide(_ptp(x), 2.0 * x.size ** (1.0 / 3))


def _bin_scott(x, range_):
    return _u.multiply((24.0 * math.pi ** 0.5 / x.size) ** (1.0 / 3.0), _statistics.std(x))


def _bin_stone(x, range_):
    n = x.size
    ptp_x = _ptp(x)
    if n <= 1 or not _host_bool(ptp_x != 0):
        return 0
    upper = max(100, int(math.sqrt(n)))
    first, last = range_
    scores, flat = [], []
    for nbins in range(1, upper + 1):          # NumPy: a histogram for each number of bins
        edges = _linspace_edges(x, first, last, nbins)
        flat.append((edges._t[:-1] >= edges._t[1:]).any())
        p_k = _u.true_divide(_wrap(_uniform_counts(x, None, edges, first, last, nbins)), n)
        hh = _u.true_divide(ptp_x, nbins)
        scores.append(_u.true_divide(2 - (n + 1) * _wrap(torch.dot(p_k._t, p_k._t)), hh)._t)
    flat = torch.stack(flat)
    if bool(flat.any()):                       # host-sync: NumPy's error for too many bins
        too_many = int(flat.to(torch.uint8).argmax()) + 1
        raise ValueError(f"Too many bins for data range. Cannot create {too_many} finite-sized "
                         "bins.")
    nbins = int(torch.stack(scores).argmin()) + 1    # host-sync: the estimate (the first best)
    if nbins == upper:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning,
                      stacklevel=4)
    return _u.true_divide(ptp_x, nbins)


def _bin_doane(x, range_):
    if x.size > 2:
        n = x.size
        sg1 = _f64(math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3))), x._t.device)
        sigma = _statistics.std(x)
        if _host_bool(sigma > 0.0):
            temp = _u.power(_u.true_divide(_u.subtract(x, _statistics.mean(x)), sigma), 3)
            g1 = _statistics.mean(temp)
            log_n = _f64(math.log2(n), x._t.device)
            return _u.true_divide(_ptp(x), _u.add(_u.add(1.0, log_n), _u.log2(
                _u.add(1.0, _u.true_divide(_u.absolute(g1), sg1)))))
    return 0.0


def _bin_fd(x, range_):
    q75, q25 = _statistics.percentile(x, [75, 25])
    return _u.multiply(_u.multiply(2.0, _u.subtract(q75, q25)), x.size ** (-1.0 / 3.0))


def _bin_auto(x, range_):
    fd_bw = _bin_fd(x, range_)
    sturges_bw = _bin_sturges(x, range_)
    half_sqrt = _u.true_divide(_bin_sqrt(x, range_), 2)
    fd_corrected = fd_bw if _host_bool(fd_bw >= half_sqrt) else half_sqrt     # Python's max()
    return sturges_bw if _host_bool(sturges_bw < fd_corrected) else fd_corrected


_BIN_SELECTORS = {"stone": _bin_stone, "auto": _bin_auto, "doane": _bin_doane, "fd": _bin_fd,
                  "rice": _bin_rice, "scott": _bin_scott, "sqrt": _bin_sqrt,
                  "sturges": _bin_sturges}


def _ravel_and_check_weights(a, weights):
    t, w = convert.operands(a, weights) if weights is not None else \
        (convert.as_tensor(a), None)
    if t.is_complex():
        raise TypeError("torchnp does not take complex data into histograms (NumPy orders it "
                        "lexicographically; see docs/differences.md)")
    if t.dtype is torch.bool:
        warnings.warn("Converting input from bool to <class 'numpy.uint8'> for compatibility.",
                      RuntimeWarning, stacklevel=4)
        t = t.to(torch.uint8)
    if w is not None:
        if tuple(w.shape) != tuple(t.shape):
            raise ValueError("weights should have the same shape as a.")
        w = w.reshape(-1)
    return t.reshape(-1), w


def _outer_edges(x, range_):
    """NumPy's ``_get_outer_edges``: the range's (first, last) edges, as Python numbers or strong
    0-d arrays; a range of one value is widened by 0.5 each way."""
    if range_ is not None:
        first, last = range_
        if _host_bool(first > last):
            raise ValueError("max must be larger than min in range parameter.")
        if not (_host_bool(_u.isfinite(first)) and _host_bool(_u.isfinite(last))):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif x.size == 0:
        first, last = 0, 1
    else:
        first, last = _math.min(x), _math.max(x)
        if not (_host_bool(_u.isfinite(first)) and _host_bool(_u.isfinite(last))):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if _host_bool(first == last):
        first = first - 0.5 if _is_py(first) else _u.subtract(first, 0.5)
        last = last + 0.5 if _is_py(last) else _u.add(last, 0.5)
    return first, last


def _linspace_edges(x, first, last, n):
    """NumPy's ``n`` equal bins' edges: ``linspace`` in the promoted dtype (a float)."""
    bin_type = promotion.result_type(first, last, x)
    if bin_type.kind in "iub":
        bin_type = promotion.result_type(bin_type, 1.0)
    return _creation.linspace(first, last, n + 1, endpoint=True, dtype=bin_type,
                              device=x._t.device)


def _check_increasing(edges, n):
    e = edges._t
    if bool((e[:-1] >= e[1:]).any()):        # host-sync: NumPy's error for too many bins
        raise ValueError(f"Too many bins for data range. Cannot create {n} finite-sized bins.")


def _equal_bins_from_rule(x, name, range_, weights):
    """(first, last, number of bins) for a named estimator of the bin width."""
    if name not in _BIN_SELECTORS:
        raise ValueError(f"{name!r} is not a valid estimator for `bins`")
    if weights is not None:
        raise TypeError("Automated estimation of the number of bins is not supported for "
                        "weighted data")
    first, last = _outer_edges(x, range_)
    if range_ is not None:
        keep = _u.logical_and(_u.greater_equal(x, first), _u.less_equal(x, last))
        if not bool(keep._t.all()):           # host-sync: NumPy keeps the values in the range
            x = _wrap(x._t[keep._t])
    if x.size == 0:
        return first, last, 1
    width = _BIN_SELECTORS[name](x, (first, last))
    if not _host_bool(width):
        return first, last, 1
    if x._t.dtype in _dtypes.INTEGER_DTYPES and _host_bool(width < 1):
        width = 1
    delta = _unsigned_subtract(last, first, x._t.device)
    return first, last, int(_u.ceil(_u.true_divide(delta, width)))   # host-sync: the count


def _bin_edges(x, bins, range_, weights):
    """NumPy's ``_get_bin_edges``: (edges, (first, last, n) for equal bins, else None)."""
    if isinstance(bins, str):
        first, last, n = _equal_bins_from_rule(x, bins, range_, weights)
    elif numpy.ndim(bins) == 0:
        try:
            n = operator.index(bins)
        except TypeError as e:
            raise TypeError("`bins` must be an integer, a string, or an array") from e
        if n < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _outer_edges(x, range_)
    elif numpy.ndim(bins) == 1:
        edges = bins if isinstance(bins, ndarray) else \
            _creation.asarray(bins, device=x._t.device)
        convert.operands(x, edges)
        if bool((edges._t[:-1] > edges._t[1:]).any()):    # host-sync: NumPy's check
            raise ValueError("`bins` must increase monotonically, when an array")
        return edges, None
    else:
        raise ValueError("`bins` must be 1d, when an array")
    edges = _linspace_edges(x, first, last, n)
    _check_increasing(edges, n)
    return edges, (first, last, n)


# ----- counting -----------------------------------------------------------------------------------

def _uniform_counts(x, w, edges, first, last, n):
    """Counts (or summed weights, float64) of ``x`` in ``n`` equal bins: NumPy's index formula,
    then its corrections against the edges (the last bin closed)."""
    keep = _u.logical_and(_u.greater_equal(x, first), _u.less_equal(x, last))._t
    xe = _creation.asarray(x, dtype=edges.dtype)
    denom = _unsigned_subtract(last, first, x._t.device)
    f = _u.multiply(_u.true_divide(_unsigned_subtract(xe, first, x._t.device), denom), n)._t
    e, v = edges._t, xe._t
    idx = torch.where(keep, f, 0).to(torch.int64).clamp(0, n)   # (values left out: bin 0)
    idx = idx - (idx == n).to(torch.int64)                       # the last edge: the last bin
    idx = idx - (v < e[idx]).to(torch.int64)
    above = (v >= e[(idx + 1).clamp(max=n)]) & (idx != n - 1)
    idx = (idx + above.to(torch.int64)).clamp(0, n - 1)
    if w is None:
        return _count(idx, keep.to(torch.int64), n)
    wide = torch.complex128 if w.is_complex() else torch.float64   # NumPy's bincount: doubles
    return _count(idx, torch.where(keep, w.to(wide), 0), n)


def _cumulative_counts(x, w, edges):
    """Counts (or summed weights) by bins of any widths: NumPy's cumulative counts (or weights)
    at each edge of sorted data, the last edge inclusive."""
    order = torch.argsort(x._t, stable=True) if w is not None else None
    s = _wrap(x._t[order] if order is not None else torch.sort(x._t).values)
    at = torch.cat([_sorting.searchsorted(s, _wrap(edges._t[:-1]), side="left")._t,
                    _sorting.searchsorted(s, _wrap(edges._t[-1:]), side="right")._t])
    if w is None:
        return at[1:] - at[:-1]
    ntype = w.dtype
    if x.size == 0:                         # (NumPy's loop over blocks of the data: none)
        return torch.zeros(edges.shape[0] - 1, dtype=ntype, device=w.device)
    cs_dt = promotion.sum_dtype(ntype) if not (ntype.is_floating_point or w.is_complex()) \
        else ntype
    cw_dt = promotion.promote(ntype, cs_dt)
    if not promotion.can_cast_dtype(cw_dt, ntype, "same_kind"):
        raise _red.ufunc_cast_error("add", 2, cw_dt, ntype)
    sums = torch.cumsum(_kernels.signed_bits(w[order].to(cs_dt)), 0)   # (uint64: its bits)
    cw = torch.cat([torch.zeros(1, dtype=sums.dtype, device=w.device), sums])
    return _diff(_kernels.unsigned_bits(cw, cs_dt)[at].to(ntype))


def _diff(t):
    """NumPy's ``diff`` of 1-d ``t``: in its dtype (integers wrap; bools: ``!=``)."""
    if t.dtype is torch.bool:
        return t[1:] != t[:-1]
    bits = _kernels.signed_bits(t)        # torch: no uint16/32/64 subtraction; the bits wrap alike
    return _kernels.unsigned_bits(bits[1:] - bits[:-1], t.dtype)


def _counts(x, w, edges, uniform):
    """NumPy's histogram counts: intp, or summed in the weights' dtype."""
    if uniform is None:
        return _cumulative_counts(x, w, edges)
    counts = _uniform_counts(x, w, edges, *uniform)
    return counts if w is None else counts.to(w.dtype)


def histogram(a, bins=10, range=None, density=None, weights=None):  # noqa: A002 (NumPy's name)
    """A histogram of a dataset: (counts, bin edges).

    torchnp implementation of :func:`numpy.histogram`.

    Differences from NumPy: complex data raises TypeError (NumPy orders it lexicographically).
    """
    t, w = _ravel_and_check_weights(a, weights)
    x = _wrap(t)
    edges, uniform = _bin_edges(x, bins, range, weights)
    n = _wrap(_counts(x, w, edges, uniform))
    if density:
        widths = _creation.asarray(_diff(edges._t), dtype=float)
        return _u.true_divide(_u.true_divide(n, widths), _math.sum(n)), edges
    return n, edges


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002 (NumPy's name)
    """The edges of the bins :func:`histogram` would use.

    torchnp implementation of :func:`numpy.histogram_bin_edges`.
    """
    t, _ = _ravel_and_check_weights(a, weights)
    return _bin_edges(_wrap(t), bins, range, weights)[0]


def _sample_columns(sample):
    """``sample`` as an (N, D) array: itself when it has a 2-d shape, else its arrays (or
    sequences) as the columns."""
    shape = getattr(sample, "shape", None)
    if shape is not None and len(shape) == 2:
        return _creation.asarray(sample)
    if isinstance(sample, (list, tuple)):
        convert.operands(*sample)            # (before the arrays meet in one)
    return _manipulation.atleast_2d(sample).T


def _dim_edges(column, bins_i, range_i, i):
    """The edges along one dimension of histogramdd (NumPy's checks and words)."""
    if numpy.ndim(bins_i) == 0:
        if _host_bool(bins_i < 1):
            raise ValueError(f"`bins[{i}]` must be positive, when an integer")
        first, last = _outer_edges(column, range_i)
        try:
            n = operator.index(bins_i)
        except TypeError as e:
            raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from e
        return _creation.linspace(first, last, n + 1, device=column._t.device)
    if numpy.ndim(bins_i) == 1:
        edges = bins_i if isinstance(bins_i, ndarray) else \
            _creation.asarray(bins_i, device=column._t.device)
        convert.operands(column, edges)
        if bool((edges._t[:-1] > edges._t[1:]).any()):    # host-sync: NumPy's check
            raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
        return edges
    raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")


def histogramdd(sample, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """A multidimensional histogram: (counts, list of the edges along each dimension).

    torchnp implementation of :func:`numpy.histogramdd`.

    Differences from NumPy: as :func:`histogram` for complex data.
    """
    sample = _sample_columns(sample)
    if sample._t.is_complex():
        raise TypeError("torchnp does not take complex data into histograms (NumPy orders it "
                        "lexicographically; see docs/differences.md)")
    d = sample.shape[1]
    try:
        if len(bins) != d:
            raise ValueError("The dimension of bins must be equal to the dimension of the "
                             "sample x.")
    except TypeError:
        bins = d * [bins]
    if range is None:
        range = (None,) * d     # noqa: A001 (NumPy's name)
    elif len(range) != d:
        raise ValueError("range argument must have one entry per dimension")
    edges = [_dim_edges(sample[:, i], bins[i], range[i], i) for i in builtins.range(d)]
    nbin = [e.shape[0] + 1 for e in edges]      # an outlier bin at each end
    flat = torch.zeros(sample.shape[0], dtype=torch.int64, device=sample._t.device)
    for i, e in enumerate(edges):
        column = sample[:, i]
        at = _sorting.searchsorted(e, column, side="right")._t
        at = at - _u.equal(column, e[-1])._t.to(torch.int64)    # the last edge is inclusive
        flat = flat * nbin[i] + at
    size = math.prod(nbin)
    w = None
    if weights is not None and flat.numel():       # (NumPy's bincount: no data, no weights)
        w = _bincount_weights(convert.operands(flat, weights)[1], flat.shape[0])
    hist = _count(flat, w, size).reshape(nbin).to(torch.float64)
    hist = _wrap(hist[(slice(1, -1),) * d])
    if density:
        total = _math.sum(hist)
        for i, e in enumerate(edges):
            shape = [1] * d
            shape[i] = nbin[i] - 2
            hist = _u.true_divide(hist, _wrap(_diff(e._t)).reshape(shape))
        hist = _u.true_divide(hist, total)
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """A two-dimensional histogram: (counts, x edges, y edges).

    torchnp implementation of :func:`numpy.histogram2d`.
    """
    convert.operands(x, y)
    if len(x) != len(y):
        raise ValueError("x and y must have the same length.")
    try:
        n = len(bins)
    except TypeError:
        n = 1
    if n not in {1, 2}:
        xedges = yedges = _creation.asarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]

