"""``Generator`` (NumPy's recommended API) and ``default_rng``.

Every method draws on the target device (``device=`` per call, else the generator's device, else
the arguments' or the default device) with that device's torch generator; NumPy's checks,
exceptions and result shapes and dtypes are kept. ``dtype=`` defaults to the default float dtype
(float64 unless ``torchnp.set_default_float`` changed it), as torchnp's creation functions do.
"""
import math
import operator
import warnings

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core.ndarray import ndarray
from torchnp.random import _choice
from torchnp.random import _common
from torchnp.random import _params as P
from torchnp.random import _samplers as S
from torchnp.random._bit_generator import PCG64, BitGenerator

_INT64_MAX = 2**63 - 1


class Generator(_common.Sampler):
    """Container for a BitGenerator: draws from many distributions.

    torchnp implementation of :class:`numpy.random.Generator`.

    Differences from NumPy: the numbers come from torch's generators (docs/differences.md);
    ``device=`` (keyword-only, on the constructor and on each method) picks where arrays are made;
    ``dtype=`` defaults to the default float dtype.
    """

    def __init__(self, bit_generator, *, device=None):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Generator expects a torchnp.random BitGenerator (PCG64, ...), "
                            f"not {type(bit_generator).__name__}")
        self._bit_generator = bit_generator
        self._device = None if device is None else config.as_device(device)

    @property
    def bit_generator(self):
        """The bit generator this generator draws from."""
        return self._bit_generator

    @property
    def device(self):
        """The device arrays are made on (None: the arguments' or the default device).

        torchnp extension.
        """
        return self._device

    def spawn(self, n_children):
        """Create new independent child generators.

        torchnp implementation of :meth:`numpy.random.Generator.spawn`.
        """
        return [type(self)(bg, device=self._device)
                for bg in self._bit_generator.spawn(n_children)]

    # ----- floats with dtype= and out= ------------------------------------------------------------
    def _fill(self, sampler, size, dtype, out, device, method):
        dt = P.float_dtype(dtype, method)
        P.check_out(out, dt, size, c_only=False)
        if out is not None:
            dev, shape = out._t.device, tuple(out.shape)
        else:
            dev, shape = self._target(device), _batch_shape(size)
        t = sampler(self._torch_generator(dev), shape, _common.compute_dtype(dt), dev)
        return _fill_out(out, t) if out is not None else _common.finish(t, size, dt)

    def random(self, size=None, dtype=float, out=None, *, device=None):
        """Return random floats in the half-open interval [0.0, 1.0).

        torchnp implementation of :meth:`numpy.random.Generator.random`.

        Differences from NumPy: ``dtype`` defaults to the default float dtype.
        """
        return self._fill(S.uniform01, size, dtype, out, device, "random")

    def standard_normal(self, size=None, dtype=float, out=None, *, device=None):
        """Draw samples from a standard Normal distribution (mean=0, stdev=1).

        torchnp implementation of :meth:`numpy.random.Generator.standard_normal`.

        Differences from NumPy: ``dtype`` defaults to the default float dtype.
        """
        return self._fill(S.standard_normal, size, dtype, out, device, "standard_normal")

    def standard_exponential(self, size=None, dtype=float, method="zig", out=None, *,
                             device=None):
        """Draw samples from the standard exponential distribution.

        torchnp implementation of :meth:`numpy.random.Generator.standard_exponential`.

        Differences from NumPy: ``dtype`` defaults to the default float dtype; ``method`` is
        accepted and both methods draw from torch's exponential sampler.
        """
        return self._fill(S.standard_exponential, size, dtype, out, device,
                          "standard_exponential")

    def standard_gamma(self, shape, size=None, dtype=float, out=None, *, device=None):
        """Draw samples from a standard Gamma distribution.

        torchnp implementation of :meth:`numpy.random.Generator.standard_gamma`.

        Differences from NumPy: ``dtype`` defaults to the default float dtype.
        """
        dt = P.float_dtype(dtype, "standard_gamma")
        P.check_out(out, dt, size, c_only=True)
        dev = out._t.device if out is not None else self._target(device, shape)
        (alpha,) = self._floats(dev, ((shape, "shape", P.NON_NEGATIVE),))
        shp = P.result_shape(size if out is None else tuple(out.shape), alpha)
        cdt = _common.compute_dtype(dt)
        alpha = alpha.to(cdt) if P.is_tensor(alpha) else alpha
        t = S.standard_gamma(self._torch_generator(dev), shp, cdt, dev, alpha)
        return _fill_out(out, t) if out is not None else _common.finish(t, size, dt)

    # ----- distributions whose checks differ from the legacy ones ---------------------------------
    def uniform(self, low=0.0, high=1.0, size=None, *, device=None):
        """Draw samples from a uniform distribution over [low, high).

        torchnp implementation of :meth:`numpy.random.Generator.uniform`.
        """
        dev = self._target(device, low, high)
        lo, hi = self._floats(dev, ((low, "", None), (high, "", None)))
        P.check_pair(hi, lo)
        span = hi - lo
        if P.all_scalar(lo, hi):
            # host-sync: NumPy checks the range's value
            if P.known(span) and not math.isfinite(float(span)):
                raise OverflowError("high - low range exceeds valid bounds")
        elif P.any_true(~torch.isfinite(span)):
            raise OverflowError("Range exceeds valid bounds")
        P.check(span, "high - low", P.NON_NEGATIVE)
        return self._draw_floats(S.uniform, size, dev, [lo, span])

    def negative_binomial(self, n, p, size=None, *, device=None):
        """Draw samples from a negative binomial distribution.

        torchnp implementation of :meth:`numpy.random.Generator.negative_binomial`.
        """
        dev = self._target(device, n, p)
        prob, count = (P.float_param(x, torch.float64, dev) for x in (p, n))
        P.check_scalar_path([p, n], [prob, count])
        P.check(count, "n", P.POSITIVE_NOT_NAN)
        P.check(prob, "p", P.BOUNDED_GT_0_1)
        if P.any_true((1 - prob) / prob * (count + 10 * _sqrt(count)) > P.POISSON_LAM_MAX):
            raise ValueError("n too large or p too small, see Generator.negative_binomial Notes")
        return self._draw_ints(S.negative_binomial, size, dev, [count, prob])

    def hypergeometric(self, ngood, nbad, nsample, size=None, *, device=None):
        """Draw samples from a Hypergeometric distribution.

        torchnp implementation of :meth:`numpy.random.Generator.hypergeometric`.
        """
        return self._hypergeometric(ngood, nbad, nsample, size, device, 10**9, P.NON_NEGATIVE)

    def integers(self, low, high=None, size=None, dtype=numpy.int64, endpoint=False, *,
                 device=None):
        """Return random integers from low (inclusive) to high (exclusive), or to high
        (inclusive) with ``endpoint=True``.

        torchnp implementation of :meth:`numpy.random.Generator.integers`.
        """
        return _integers(self, low, high, size, dtype, endpoint, device, "integers")

    # ----- multivariate ---------------------------------------------------------------------------
    def dirichlet(self, alpha, size=None, *, device=None):
        """Draw samples from the Dirichlet distribution.

        torchnp implementation of :meth:`numpy.random.Generator.dirichlet`.
        """
        return _dirichlet(self, alpha, size, device, "alpha < 0", lambda a: a < 0)

    def multinomial(self, n, pvals, size=None, *, device=None):
        """Draw samples from a multinomial distribution.

        torchnp implementation of :meth:`numpy.random.Generator.multinomial`.
        """
        dev = self._target(device, n, pvals)
        count = P.int_param(n, dev)
        p = _pvals(pvals, dev)
        d = p.shape[-1]
        if (P.is_tensor(count) and count.ndim) or p.ndim > 1:
            P.check(count, "n", P.NON_NEGATIVE)
            batch = P.result_shape_of(size, P.shape_of(count), tuple(p.shape[:-1]))
        else:
            batch = _batch_shape(size)
            P.check(count, "n", P.NON_NEGATIVE)
        t = S.multinomial(self._torch_generator(dev), batch, dev, count, p)
        return convert.wrap_array(t)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals", *,
                                    device=None):
        """Generate variates from a multivariate hypergeometric distribution.

        torchnp implementation of :meth:`numpy.random.Generator.multivariate_hypergeometric`.

        Differences from NumPy: both methods draw with the marginals (one hypergeometric per
        color); ``method`` still selects NumPy's limits on ``sum(colors)``.
        """
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        try:
            operator.index(nsample)
        except TypeError:
            raise ValueError("nsample must be an integer") from None
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        if nsample > _INT64_MAX:
            raise ValueError(f"nsample must not exceed {_INT64_MAX}")
        dev = self._target(device, colors)
        counts = _colors(colors)
        total = sum(counts)
        if total > _INT64_MAX:
            raise ValueError("sum(colors) must not exceed the maximum value of a 64 bit signed "
                             f"integer ({_INT64_MAX})")
        if method == "marginals" and total >= 10**9:
            raise ValueError('When method is "marginals", sum(colors) must be less than '
                             '1000000000.')
        if method == "count" and total > _INT64_MAX // 8:
            raise ValueError("When method is 'count', sum(colors) must not exceed "
                             f"{_INT64_MAX // 8}")
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        batch = _batch_shape(size)
        if not counts:
            return convert.wrap_array(torch.zeros(batch + (0,), dtype=torch.int64, device=dev))
        t = S.multivariate_hypergeometric(self._torch_generator(dev), batch, dev, counts,
                                          operator.index(nsample))
        return convert.wrap_array(t)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd", device=None):
        """Draw random samples from a multivariate normal distribution.

        torchnp implementation of :meth:`numpy.random.Generator.multivariate_normal`.
        """
        if method not in {"eigh", "svd", "cholesky"}:
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        return _multivariate_normal(self, mean, cov, size, check_valid, tol, method, device,
                                    legacy=False)

    # ----- permutations and choice ----------------------------------------------------------------
    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True, *, device=None):
        """Generate a random sample from a given array.

        torchnp implementation of :meth:`numpy.random.Generator.choice`.

        Differences from NumPy: samples without replacement are always in random order, whatever
        ``shuffle`` says.
        """
        return _choice.choice(self, a, size, replace, p, axis, device, _choice.GENERATOR)

    def shuffle(self, x, axis=0):
        """Modify an array or sequence in-place by shuffling its contents.

        torchnp implementation of :meth:`numpy.random.Generator.shuffle`.
        """
        _choice.shuffle(self, x, axis)

    def permutation(self, x, axis=0, *, device=None):
        """Randomly permute a sequence, or return a permuted range.

        torchnp implementation of :meth:`numpy.random.Generator.permutation`.
        """
        return _choice.permutation(self, x, axis, device, legacy=False)

    def permuted(self, x, *, axis=None, out=None):
        """Randomly permute ``x`` along axis ``axis``, each slice independently.

        torchnp implementation of :meth:`numpy.random.Generator.permuted`.
        """
        return _choice.permuted(self, x, axis, out)


def _sqrt(x):
    return torch.sqrt(x) if P.is_tensor(x) else math.sqrt(x) if x >= 0 else math.nan


def _fill_out(out, t):
    convert.check_writeable(out._t, "Supplied output array must be contiguous, writable, "
                            "aligned, and in machine byte-order.")
    out._t.copy_(t)
    return out


def _batch_shape(size):
    if size is None:
        return ()
    return convert.shape_tuple(size)


# ----- helpers shared with RandomState ------------------------------------------------------------

_INT_TYPES = {torch.bool: (0, 2), torch.int8: (-2**7, 2**7), torch.int16: (-2**15, 2**15),
              torch.int32: (-2**31, 2**31), torch.int64: (-2**63, 2**63),
              torch.uint8: (0, 2**8), torch.uint16: (0, 2**16), torch.uint32: (0, 2**32),
              torch.uint64: (0, 2**64)}


def _integers(rng, low, high, size, dtype, endpoint, device, method):
    """``integers`` / ``randint``: NumPy's bounds checks for the dtype, then uniform draws."""
    if high is None:
        high, low = low, 0
    np_dtype = numpy.dtype(dtype)
    if not np_dtype.isnative:
        raise ValueError("Providing a dtype with a non-native byteorder is not supported. If you "
                         "require platform-independent byteorder, call byteswap when required.")
    dt = _dtypes.TORCH_OF_NUMPY.get(np_dtype)
    if dt not in _INT_TYPES:
        raise TypeError(f"Unsupported dtype {np_dtype!r} for {method}")
    dev = rng._target(device, low, high)
    if size is not None:
        shape = convert.shape_tuple(size)
        if 0 in shape:
            return convert.wrap_array(torch.empty(shape, dtype=dt, device=dev))
    lo, hi = _bounds(low, high, endpoint, dt, dev)
    shape = P.result_shape(size, lo, hi)
    t = S.integers(rng._torch_generator(dev), shape, dev, lo, hi)
    t = t.view(torch.uint64) if dt is torch.uint64 else t.to(dt)
    return _common.finish(t, size)


def _bounds(low, high, closed, dt, dev):
    """(low, high) as the closed interval's ints: Python ints for scalars, int64 tensors (bits of
    uint64 values kept) for arrays; NumPy's ValueErrors for bounds out of the dtype's range."""
    name = _dtypes.to_numpy_dtype(dt).name
    lb, ub = _INT_TYPES[dt]
    unknown = [t for t in (P._array_tensor(low), P._array_tensor(high))
               if t is not None and not P.known(t)]
    if unknown:         # meta arrays have no values to check
        lo, hi = (P.float_param(x, torch.float64, dev) for x in (low, high))
        return (P.expand(lo, P.shape_of(lo), torch.int64, dev),
                P.expand(hi, P.shape_of(hi), torch.int64, dev) - (0 if closed else 1))
    lo_a, hi_a = _host_bounds(low), _host_bounds(high)
    if lo_a.ndim == 0 and hi_a.ndim == 0:
        lo, hi = int(lo_a), int(hi_a) - (0 if closed else 1)
        if lo < lb:
            raise ValueError(f"low is out of bounds for {name}")
        if hi >= ub:
            raise ValueError(f"high is out of bounds for {name}")
        if lo > hi:
            raise _order_error(low, closed)
        return lo, hi
    if numpy.any(numpy.less(lo_a, lb)):
        raise ValueError(f"low is out of bounds for {name}")
    if numpy.any((numpy.greater_equal if closed else numpy.greater)(hi_a, ub)):
        raise ValueError(f"high is out of bounds for {name}")
    if numpy.any((numpy.greater if closed else numpy.greater_equal)(lo_a, hi_a)):
        raise _order_error(low, closed)
    lo64, hi64 = _int64_bits(lo_a), _int64_bits(hi_a) - (0 if closed else 1)
    return torch.from_numpy(lo64).to(dev), torch.from_numpy(hi64).to(dev)


def _host_bounds(x):
    """Bounds as a NumPy array (a host copy of device arrays: NumPy checks their values)."""
    t = P._array_tensor(x)
    if t is not None:
        if t.dtype.is_complex:
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            "number, not 'complex'")
        return t.cpu().numpy()      # host-sync: NumPy checks the bounds' values
    return numpy.asarray(x)


def _order_error(low, closed):
    if isinstance(low, int) and low == 0:
        return ValueError(f"high {'<' if closed else '<='} 0")
    return ValueError(f"low {'>' if closed else '>='} high")


def _int64_bits(a):
    """An integer-valued array as int64 with the same low 64 bits (truncating floats)."""
    if a.dtype.kind in "biu" and a.dtype != numpy.uint64:
        return numpy.ascontiguousarray(a, numpy.int64)
    if a.dtype == numpy.uint64:
        return numpy.ascontiguousarray(a).view(numpy.int64)
    ints = [int(v) % 2**64 for v in a.reshape(-1).tolist()]    # host-data: NumPy data
    return numpy.array(ints, numpy.uint64).view(numpy.int64).reshape(a.shape)


def _pvals(pvals, dev):
    """Multinomial probabilities: float64, last axis > 0, in [0, 1], partial sums <= 1."""
    p = P.float_param(pvals, torch.float64, dev)
    if not P.is_tensor(p) or p.ndim == 0 or p.shape[-1] == 0:
        raise ValueError("pvals must have at least 1 dimension and the last dimension of pvals "
                         "must be greater than 0.")
    P.check(p, "pvals", P.BOUNDED_0_1)
    if P.any_true(p[..., :-1].sum(dim=-1) > 1.0 + 1e-12):
        raise ValueError(f"sum(pvals{'[:-1]' if p.ndim == 1 else '[...,:-1]'}) > 1.0")
    return p


def _colors(colors):
    """multivariate_hypergeometric's colors as Python ints, with NumPy's ValueError."""
    try:
        t = P._array_tensor(colors)
        arr = t.cpu().numpy() if t is not None else numpy.asarray(colors)   # host-sync: counts
        bad = arr.ndim != 1 or (arr.size > 0 and not numpy.issubdtype(arr.dtype, numpy.integer)) \
            or bool(numpy.any((arr < 0) | (arr > _INT64_MAX)))
    except ValueError:
        bad = True
    if bad:
        raise ValueError("colors must be a one-dimensional sequence of nonnegative integers not "
                         f"exceeding {_INT64_MAX}.")
    return [int(c) for c in arr.tolist()]       # host-data: NumPy data


def _dirichlet(rng, alpha, size, device, message, bad):
    """``dirichlet``: ``alpha`` 1-d (NumPy's TypeError / ValueError otherwise), ``bad(alpha)``
    raises ValueError(``message``)."""
    k = len(alpha)
    dev = rng._target(device, alpha)
    a = P.float_param(alpha, torch.float64, dev)
    if not P.is_tensor(a) or a.ndim != 1:
        raise ValueError("setting an array element with a sequence. The requested array would "
                         "exceed the maximum number of dimension of 1.")
    if P.any_true(bad(a)):
        raise ValueError(message)
    shape = _batch_shape(size) + (k,)
    dt, out_dt = rng._compute_dtypes()
    t = S.dirichlet(rng._torch_generator(dev), shape, dt, dev, a.to(dt)) if k else \
        torch.zeros(shape, dtype=dt, device=dev)
    return convert.wrap_array(t.to(out_dt))


def _multivariate_normal(rng, mean, cov, size, check_valid, tol, method, device, legacy):
    dev = rng._target(device, mean, cov)
    m, c = _mvn_tensor(mean, dev), _mvn_tensor(cov, dev)
    if legacy:                  # NumPy's legacy code casts cov to float and adds mean in float
        if m.dtype.is_complex:
            raise TypeError("Cannot cast ufunc 'add' output from dtype('complex128') to "
                            "dtype('float64') with casting rule 'same_kind'")
        c = convert.cast_tensor(c, torch.float64, copy=False)
    elif m.dtype.is_complex or c.dtype.is_complex:
        raise TypeError("mean and cov must not be complex")
    shape = [] if size is None else [size] if isinstance(size, (int, numpy.integer)) \
        else list(size)
    if m.ndim != 1:
        raise ValueError("mean must be 1 dimensional")
    if c.ndim != 2 or c.shape[0] != c.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if m.shape[0] != c.shape[0]:
        raise ValueError("mean and cov must have same length")
    final = tuple(convert.shape_tuple(tuple(shape))) + (m.shape[0],)
    g = rng._torch_generator(dev)
    x = S.standard_normal(g, final, torch.float64, dev).reshape(-1, m.shape[0])
    factor = _cov_factor(c.to(torch.float64), method, check_valid, tol)
    x = (m.to(torch.float64) + x @ factor.T).reshape(final)
    return convert.wrap_array(x.to(rng._compute_dtypes()[1]))


def _mvn_tensor(x, dev):
    t = P._array_tensor(x)
    return (t if t is not None else convert.as_tensor(numpy.array(x))).to(dev)


def _cov_factor(cov, method, check_valid, tol):
    """A with A @ A.T == cov, by NumPy's ``method``, with its positive-semidefinite check."""
    if method == "cholesky":
        factor, info = torch.linalg.cholesky_ex(cov)
        if cov.device.type != "meta" and int(info) != 0:   # host-sync: NumPy raises LinAlgError
            raise numpy.linalg.LinAlgError("Matrix is not positive definite")
        return factor
    if method == "svd":
        u, s, vh = torch.linalg.svd(cov)
    else:
        s, u = torch.linalg.eigh(cov)
    if check_valid != "ignore":
        if check_valid not in ("warn", "raise"):
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        if cov.device.type != "meta":
            # host-sync: NumPy checks the covariance (warns or raises)
            psd = torch.allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol) if method == "svd" \
                else not bool(torch.any(s < -tol))
            if not psd:
                if check_valid == "warn":
                    warnings.warn("covariance is not symmetric positive-semidefinite.",
                                  RuntimeWarning, stacklevel=4)
                else:
                    raise ValueError("covariance is not symmetric positive-semidefinite.")
    return u * torch.sqrt(s.abs() if method == "eigh" else s)


# ----- default_rng --------------------------------------------------------------------------------

def default_rng(seed=None, *, device=None):
    """Construct a new Generator with the default BitGenerator (PCG64).

    torchnp implementation of :func:`numpy.random.default_rng`.

    Differences from NumPy: the numbers differ from NumPy's for the same seed
    (docs/differences.md); ``device=`` (torchnp extension) sets the generator's device.
    """
    if isinstance(seed, BitGenerator):
        return Generator(seed, device=device)
    if isinstance(seed, Generator):
        return seed if device is None else Generator(seed.bit_generator, device=device)
    legacy_bits = getattr(seed, "_bit_generator", None)
    if isinstance(legacy_bits, BitGenerator) and not isinstance(seed, ndarray):
        return Generator(legacy_bits, device=device)        # a RandomState
    return Generator(PCG64(seed), device=device)
