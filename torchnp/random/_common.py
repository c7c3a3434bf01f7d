"""What ``Generator`` and ``RandomState`` share: the target device and its torch generator, the
argument pipeline (parameters -> constraints -> size -> draw -> result), and the distributions
whose arguments and rules are the same in both.

The pipeline follows NumPy's ``cont`` / ``disc`` (numpy/random/_common.pyx): every parameter is
converted first, then each is checked against its constraint in order, then ``size`` is checked
against their broadcast shape. Results are float arrays of the default float dtype (float64 as in
NumPy, unless ``torchnp.set_default_float`` changed it) or int64 arrays; where NumPy returns a
Python scalar (``size=None`` and scalar parameters), torchnp returns a 0-d array.
"""
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp.random import _params as P
from torchnp.random import _samplers as S


def compute_dtype(dt):
    """The float dtype draws of dtype ``dt`` are computed in (float16 in float32)."""
    return torch.float32 if dt is torch.float16 else dt


def float_dtypes():
    """(dtype computed in, result dtype) for the default float dtype."""
    out = config.default_float_dtype()
    return compute_dtype(out), out


def finish(t, size, dt=None):
    """The result ndarray, cast to ``dt``; a 0-d result of ``size=None`` stands for NumPy's
    scalar."""
    if dt is not None and t.dtype is not dt:
        t = t.to(dt)
    return convert.wrap(t) if size is None else convert.wrap_array(t)


class Sampler:
    """Base of ``Generator`` and ``RandomState``: a bit generator, a home device (None: the
    arrays' or the default device at each call), and the shared distributions."""

    _bit_generator = None
    _device = None

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __str__(self):
        return f"{type(self).__name__}({type(self._bit_generator).__name__})"

    # pickling and copy.deepcopy: the bit generator carries its torch generators' states
    def __getstate__(self):
        return {"bit_generator": self._bit_generator, "device": self._device}

    def __setstate__(self, state):
        self._bit_generator = state["bit_generator"]
        self._device = state["device"]

    # ----- devices and generators ----------------------------------------------------------------
    def _target(self, device, *args):
        """The device to draw on: ``device=``, else this generator's device, else the device of
        the first array argument, else the default device."""
        if device is not None:
            return config.as_device(device)
        if self._device is not None:
            return self._device
        return P.source_device(*args) or config.current_device() or torch.device("cpu")

    def _torch_generator(self, dev):
        return self._bit_generator.torch_generator(dev)

    def _compute_dtypes(self):
        return float_dtypes()

    # ----- the pipeline --------------------------------------------------------------------------
    def _floats(self, dev, specs):
        """Float parameters of ``specs`` ((value, name, constraint or None), ...), converted in
        float64 (as NumPy checks them) and then checked in order."""
        params = [P.float_param(v, torch.float64, dev) for v, _, _ in specs]
        P.check_scalar_path([v for v, _, _ in specs], params)
        for p, (_, name, cons) in zip(params, specs):
            if cons is not None:
                P.check(p, name, cons)
        return params

    def _continuous(self, sampler, size, device, *specs):
        """A float-valued distribution of the float parameters ``specs``."""
        dev = self._target(device, *(v for v, _, _ in specs))
        params = self._floats(dev, specs)
        return self._draw_floats(sampler, size, dev, params)

    def _draw_floats(self, sampler, size, dev, params):
        shape = P.result_shape(size, *params)
        dt, out_dt = self._compute_dtypes()
        params = [p.to(dt) if P.is_tensor(p) else p for p in params]
        return finish(sampler(self._torch_generator(dev), shape, dt, dev, *params), size, out_dt)

    def _discrete(self, sampler, size, device, *specs):
        """An int64-valued distribution of the float parameters ``specs``."""
        dev = self._target(device, *(v for v, _, _ in specs))
        params = self._floats(dev, specs)
        return self._draw_ints(sampler, size, dev, params)

    def _draw_ints(self, sampler, size, dev, params):
        shape = P.result_shape(size, *params)
        return finish(sampler(self._torch_generator(dev), shape, dev, *params), size)

    # ----- continuous distributions ---------------------------------------------------------------
    def beta(self, a, b, size=None, *, device=None):
        """Draw samples from a Beta distribution.

        torchnp implementation of :meth:`numpy.random.Generator.beta`.
        """
        return self._continuous(S.beta, size, device, (a, "a", P.POSITIVE), (b, "b", P.POSITIVE))

    def exponential(self, scale=1.0, size=None, *, device=None):
        """Draw samples from an exponential distribution.

        torchnp implementation of :meth:`numpy.random.Generator.exponential`.
        """
        return self._continuous(S.exponential, size, device, (scale, "scale", P.NON_NEGATIVE))

    def gamma(self, shape, scale=1.0, size=None, *, device=None):
        """Draw samples from a Gamma distribution.

        torchnp implementation of :meth:`numpy.random.Generator.gamma`.
        """
        return self._continuous(S.gamma, size, device, (shape, "shape", P.NON_NEGATIVE),
                                (scale, "scale", P.NON_NEGATIVE))

    def f(self, dfnum, dfden, size=None, *, device=None):
        """Draw samples from an F distribution.

        torchnp implementation of :meth:`numpy.random.Generator.f`.
        """
        return self._continuous(S.f, size, device, (dfnum, "dfnum", P.POSITIVE),
                                (dfden, "dfden", P.POSITIVE))

    def noncentral_f(self, dfnum, dfden, nonc, size=None, *, device=None):
        """Draw samples from the noncentral F distribution.

        torchnp implementation of :meth:`numpy.random.Generator.noncentral_f`.
        """
        return self._continuous(S.noncentral_f, size, device, (dfnum, "dfnum", P.POSITIVE),
                                (dfden, "dfden", P.POSITIVE), (nonc, "nonc", P.NON_NEGATIVE))

    def chisquare(self, df, size=None, *, device=None):
        """Draw samples from a chi-square distribution.

        torchnp implementation of :meth:`numpy.random.Generator.chisquare`.
        """
        return self._continuous(S.chisquare, size, device, (df, "df", P.POSITIVE))

    def noncentral_chisquare(self, df, nonc, size=None, *, device=None):
        """Draw samples from a noncentral chi-square distribution.

        torchnp implementation of :meth:`numpy.random.Generator.noncentral_chisquare`.
        """
        return self._continuous(S.noncentral_chisquare, size, device, (df, "df", P.POSITIVE),
                                (nonc, "nonc", P.NON_NEGATIVE))

    def standard_cauchy(self, size=None, *, device=None):
        """Draw samples from a standard Cauchy distribution with mode = 0.

        torchnp implementation of :meth:`numpy.random.Generator.standard_cauchy`.
        """
        return self._continuous(S.standard_cauchy, size, device)

    def standard_t(self, df, size=None, *, device=None):
        """Draw samples from a standard Student's t distribution with ``df`` degrees of freedom.

        torchnp implementation of :meth:`numpy.random.Generator.standard_t`.
        """
        return self._continuous(S.standard_t, size, device, (df, "df", P.POSITIVE))

    def vonmises(self, mu, kappa, size=None, *, device=None):
        """Draw samples from a von Mises distribution.

        torchnp implementation of :meth:`numpy.random.Generator.vonmises`.
        """
        return self._continuous(S.vonmises, size, device, (mu, "", None),
                                (kappa, "kappa", P.NON_NEGATIVE))

    def pareto(self, a, size=None, *, device=None):
        """Draw samples from a Pareto II (AKA Lomax) distribution with specified shape.

        torchnp implementation of :meth:`numpy.random.Generator.pareto`.
        """
        return self._continuous(S.pareto, size, device, (a, "a", P.POSITIVE))

    def weibull(self, a, size=None, *, device=None):
        """Draw samples from a Weibull distribution.

        torchnp implementation of :meth:`numpy.random.Generator.weibull`.
        """
        return self._continuous(S.weibull, size, device, (a, "a", P.NON_NEGATIVE))

    def power(self, a, size=None, *, device=None):
        """Draw samples in [0, 1] from a power distribution with positive exponent a - 1.

        torchnp implementation of :meth:`numpy.random.Generator.power`.
        """
        return self._continuous(S.power, size, device, (a, "a", P.POSITIVE))

    def laplace(self, loc=0.0, scale=1.0, size=None, *, device=None):
        """Draw samples from the Laplace or double exponential distribution.

        torchnp implementation of :meth:`numpy.random.Generator.laplace`.
        """
        return self._continuous(S.laplace, size, device, (loc, "", None),
                                (scale, "scale", P.NON_NEGATIVE))

    def gumbel(self, loc=0.0, scale=1.0, size=None, *, device=None):
        """Draw samples from a Gumbel distribution.

        torchnp implementation of :meth:`numpy.random.Generator.gumbel`.
        """
        return self._continuous(S.gumbel, size, device, (loc, "", None),
                                (scale, "scale", P.NON_NEGATIVE))

    def logistic(self, loc=0.0, scale=1.0, size=None, *, device=None):
        """Draw samples from a logistic distribution.

        torchnp implementation of :meth:`numpy.random.Generator.logistic`.
        """
        return self._continuous(S.logistic, size, device, (loc, "", None),
                                (scale, "scale", P.NON_NEGATIVE))

    def lognormal(self, mean=0.0, sigma=1.0, size=None, *, device=None):
        """Draw samples from a log-normal distribution.

        torchnp implementation of :meth:`numpy.random.Generator.lognormal`.
        """
        return self._continuous(S.lognormal, size, device, (mean, "", None),
                                (sigma, "sigma", P.NON_NEGATIVE))

    def normal(self, loc=0.0, scale=1.0, size=None, *, device=None):
        """Draw random samples from a normal (Gaussian) distribution.

        torchnp implementation of :meth:`numpy.random.Generator.normal`.
        """
        return self._continuous(S.normal, size, device, (loc, "", None),
                                (scale, "scale", P.NON_NEGATIVE))

    def rayleigh(self, scale=1.0, size=None, *, device=None):
        """Draw samples from a Rayleigh distribution.

        torchnp implementation of :meth:`numpy.random.Generator.rayleigh`.
        """
        return self._continuous(S.rayleigh, size, device, (scale, "scale", P.NON_NEGATIVE))

    def wald(self, mean, scale, size=None, *, device=None):
        """Draw samples from a Wald, or inverse Gaussian, distribution.

        torchnp implementation of :meth:`numpy.random.Generator.wald`.
        """
        return self._continuous(S.wald, size, device, (mean, "mean", P.POSITIVE),
                                (scale, "scale", P.POSITIVE))

    def triangular(self, left, mode, right, size=None, *, device=None):
        """Draw samples from the triangular distribution over the interval [left, right].

        torchnp implementation of :meth:`numpy.random.Generator.triangular`.
        """
        dev = self._target(device, left, mode, right)
        lo, mid, hi = self._floats(dev, ((left, "", None), (mode, "", None), (right, "", None)))
        P.check_pair(lo, mid)
        if P.any_true(lo > mid):
            raise ValueError("left > mode")
        P.check_pair(mid, hi)
        if P.any_true(mid > hi):
            raise ValueError("mode > right")
        P.check_pair(lo, hi)
        if P.any_true(lo == hi):
            raise ValueError("left == right")
        return self._draw_floats(S.triangular, size, dev, [lo, mid, hi])

    # ----- discrete distributions ----------------------------------------------------------------
    def binomial(self, n, p, size=None, *, device=None):
        """Draw samples from a binomial distribution.

        torchnp implementation of :meth:`numpy.random.Generator.binomial`.
        """
        dev = self._target(device, n, p)
        prob = P.float_param(p, torch.float64, dev)
        count = P.int_param(n, dev)
        P.check_scalar_path([p], [prob, count])
        P.check(prob, "p", P.BOUNDED_0_1)
        P.check(count, "n", P.NON_NEGATIVE)
        P.result_shape(size, prob, count)       # NumPy's argument order in its shape errors
        return self._draw_ints(S.binomial, size, dev, [count, prob])

    def poisson(self, lam=1.0, size=None, *, device=None):
        """Draw samples from a Poisson distribution.

        torchnp implementation of :meth:`numpy.random.Generator.poisson`.
        """
        return self._discrete(S.poisson, size, device, (lam, "lam", P.POISSON))

    def zipf(self, a, size=None, *, device=None):
        """Draw samples from a Zipf distribution.

        torchnp implementation of :meth:`numpy.random.Generator.zipf`.
        """
        return self._discrete(S.zipf, size, device, (a, "a", P.GT_1))

    def geometric(self, p, size=None, *, device=None):
        """Draw samples from the geometric distribution.

        torchnp implementation of :meth:`numpy.random.Generator.geometric`.
        """
        return self._discrete(S.geometric, size, device, (p, "p", P.BOUNDED_GT_0_1))

    def logseries(self, p, size=None, *, device=None):
        """Draw samples from a logarithmic series distribution.

        torchnp implementation of :meth:`numpy.random.Generator.logseries`.
        """
        return self._discrete(S.logseries, size, device, (p, "p", P.BOUNDED_LT_0_1))

    def _hypergeometric(self, ngood, nbad, nsample, size, device, limit, nsample_cons):
        """NumPy's checks (``limit``: the bound on ngood and nbad, or None) and the draw."""
        dev = self._target(device, ngood, nbad, nsample)
        good, bad, sample = (P.int_param(x, dev) for x in (ngood, nbad, nsample))
        if limit is not None and (P.any_true(good >= limit) or P.any_true(bad >= limit)):
            raise ValueError(f"both ngood and nbad must be less than {limit}")
        P.check_pair(good, bad)
        P.check_pair(good + bad, sample)
        if P.any_true(good + bad < sample):
            raise ValueError("ngood + nbad < nsample")
        P.check(good, "ngood", P.NON_NEGATIVE)
        P.check(bad, "nbad", P.NON_NEGATIVE)
        P.check(sample, "nsample", nsample_cons)
        return self._draw_ints(S.hypergeometric, size, dev, [good, bad, sample])

    # ----- bytes ---------------------------------------------------------------------------------
    def bytes(self, length, *, device=None):
        """Return random bytes.

        torchnp implementation of :meth:`numpy.random.Generator.bytes`.

        Differences from NumPy: a negative ``length`` raises ValueError.
        """
        n = int(length) if isinstance(length, float) else convert.operator_index(length)
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        dev = self._target(device)
        if dev.type == "meta":
            dev = torch.device("cpu")       # bytes are host data: meta has none to give
        t = torch.randint(0, 256, (n,), dtype=torch.uint8, device=dev,
                          generator=self._torch_generator(dev))
        return t.cpu().numpy().tobytes()    # host-sync: bytes are a host object
