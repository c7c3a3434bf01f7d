"""The legacy API: ``RandomState`` and the module-level functions, which are the bound methods of
one global ``RandomState`` (as in NumPy: ``seed(0)`` then ``rand(3)`` repeats).

A ``RandomState`` draws from an ``MT19937`` seeded as NumPy's legacy seeding does, so on the CPU
its state is NumPy's: ``get_state()`` returns NumPy's ``('MT19937', key, pos, has_gauss, gauss)``
tuple and ``set_state`` takes NumPy's (the numbers drawn from a state still differ from NumPy's:
docs/differences.md). Legacy draws are computed in float64 (then cast to the default float dtype),
so the state holds no float32 cache the tuple could not carry.
"""
import warnings

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp.random import _choice
from torchnp.random import _common
from torchnp.random import _generator as _gen
from torchnp.random import _params as P
from torchnp.random import _samplers as S
from torchnp.random import _torch_rng
from torchnp.random._bit_generator import MT19937, BitGenerator

_CPU = torch.device("cpu")


class RandomState(_common.Sampler):
    """Container for the slow Mersenne Twister pseudo-random number generator (legacy API).

    torchnp implementation of :class:`numpy.random.RandomState`.

    Differences from NumPy: the numbers come from torch's generators (docs/differences.md);
    ``device=`` (keyword-only) picks where arrays are made.
    """

    def __init__(self, seed=None, *, device=None):
        self._device = None if device is None else config.as_device(device)
        if isinstance(seed, BitGenerator):
            self._bit_generator = seed
        else:
            self._bit_generator = MT19937()
            self._bit_generator._legacy_seeding(seed)

    def _compute_dtypes(self):
        return torch.float64, config.default_float_dtype()

    # ----- seeding and state ---------------------------------------------------------------------
    def seed(self, seed=None):
        """Reseed the legacy MT19937 BitGenerator.

        torchnp implementation of :meth:`numpy.random.RandomState.seed`.
        """
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)

    def get_state(self, legacy=True):
        """The state of the CPU generator: NumPy's MT19937 tuple (``legacy=True``) or dict.

        torchnp implementation of :meth:`numpy.random.RandomState.get_state`.

        Differences from NumPy: this is the state of the CPU generator (the one NumPy's
        functions would use); generators of other devices are in ``bit_generator.state``.
        """
        key, pos, has_gauss, gauss = self._cpu_state()
        if legacy:
            return ("MT19937", key, pos, has_gauss, gauss)
        return {"bit_generator": "MT19937", "state": {"key": key, "pos": pos},
                "has_gauss": has_gauss, "gauss": gauss}

    def _cpu_state(self):
        if not _torch_rng.cpu_layout_known():
            raise NotImplementedError("get_state: this torch's CPU generator state has an "
                                      "unknown layout")
        return _torch_rng.read_cpu_state(self._bit_generator.torch_generator(_CPU).get_state())

    def set_state(self, state):
        """Set the CPU generator's state from NumPy's MT19937 tuple or dict.

        torchnp implementation of :meth:`numpy.random.RandomState.set_state`.
        """
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state["state"]
            if state["bit_generator"] != "MT19937" or "key" not in st:
                self._bit_generator.state = state
                return
            key, pos = st["key"], st["pos"]
            has_gauss, gauss = state.get("has_gauss", 0), state.get("gauss", 0.0)
        elif isinstance(state, (tuple, list)):
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            key, pos = state[1], state[2]
            has_gauss, gauss = (state[3], state[4]) if len(state) > 3 else (0, 0.0)
        else:
            raise TypeError("state must be a dict or a tuple.")
        key = numpy.asarray(key, numpy.uint32)
        if key.shape != (_torch_rng.MT_WORDS,):
            raise ValueError(f"state key must have {_torch_rng.MT_WORDS} elements")
        g = self._bit_generator.torch_generator(_CPU)
        g.set_state(_torch_rng.cpu_state(key, int(pos), int(has_gauss), float(gauss)))

    # ----- uniform floats and integers ------------------------------------------------------------
    def random_sample(self, size=None, *, device=None):
        """Return random floats in the half-open interval [0.0, 1.0).

        torchnp implementation of :meth:`numpy.random.RandomState.random_sample`.
        """
        return self._continuous(S.uniform01, size, device)

    def random(self, size=None, *, device=None):
        """Return random floats in the half-open interval [0.0, 1.0).

        torchnp implementation of :meth:`numpy.random.RandomState.random`.
        """
        return self._continuous(S.uniform01, size, device)

    def rand(self, *args, device=None):
        """Random values in a given shape, uniform over [0, 1).

        torchnp implementation of :meth:`numpy.random.RandomState.rand`.
        """
        return self._continuous(S.uniform01, _dims(args), device)

    def randn(self, *args, device=None):
        """Return a sample (or samples) from the "standard normal" distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.randn`.
        """
        return self._continuous(S.standard_normal, _dims(args), device)

    def randint(self, low, high=None, size=None, dtype=int, *, device=None):
        """Return random integers from low (inclusive) to high (exclusive).

        torchnp implementation of :meth:`numpy.random.RandomState.randint`.
        """
        return _gen._integers(self, low, high, size, dtype, False, device, "randint")

    def random_integers(self, low, high=None, size=None, *, device=None):
        """Random integers of type int64 between low and high, inclusive (deprecated).

        torchnp implementation of :meth:`numpy.random.RandomState.random_integers`.
        """
        if high is None:
            warnings.warn(f"This function is deprecated. Please call randint(1, {low} + 1) "
                          "instead", DeprecationWarning, stacklevel=2)
            high, low = low, 1
        else:
            warnings.warn(f"This function is deprecated. Please call randint({low}, {high} + 1) "
                          "instead", DeprecationWarning, stacklevel=2)
        return _gen._integers(self, low, high, size, numpy.int64, True, device, "randint")

    def tomaxint(self, size=None, *, device=None):
        """Return a sample of uniformly distributed random integers in [0, sys.maxsize].

        torchnp implementation of :meth:`numpy.random.RandomState.tomaxint`.
        """
        return _gen._integers(self, 0, 2**63 - 1, size, numpy.int64, True, device, "tomaxint")

    # ----- floats without dtype= ------------------------------------------------------------------
    def standard_normal(self, size=None, *, device=None):
        """Draw samples from a standard Normal distribution (mean=0, stdev=1).

        torchnp implementation of :meth:`numpy.random.RandomState.standard_normal`.
        """
        return self._continuous(S.standard_normal, size, device)

    def standard_exponential(self, size=None, *, device=None):
        """Draw samples from the standard exponential distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.standard_exponential`.
        """
        return self._continuous(S.standard_exponential, size, device)

    def standard_gamma(self, shape, size=None, *, device=None):
        """Draw samples from a standard Gamma distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.standard_gamma`.
        """
        return self._continuous(S.standard_gamma, size, device, (shape, "shape", P.NON_NEGATIVE))

    # ----- distributions whose legacy checks differ -----------------------------------------------
    def uniform(self, low=0.0, high=1.0, size=None, *, device=None):
        """Draw samples from a uniform distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.uniform`.
        """
        dev = self._target(device, low, high)
        lo, hi = self._floats(dev, ((low, "", None), (high, "", None)))
        P.check_pair(hi, lo)
        span = hi - lo
        if P.any_true(~torch.isfinite(torch.as_tensor(span))):
            raise OverflowError("Range exceeds valid bounds")
        return self._draw_floats(S.uniform, size, dev, [lo, span])

    def negative_binomial(self, n, p, size=None, *, device=None):
        """Draw samples from a negative binomial distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.negative_binomial`.
        """
        return self._discrete(S.negative_binomial, size, device, (n, "n", P.POSITIVE),
                              (p, "p", P.BOUNDED_0_1))

    def hypergeometric(self, ngood, nbad, nsample, size=None, *, device=None):
        """Draw samples from a Hypergeometric distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.hypergeometric`.
        """
        return self._hypergeometric(ngood, nbad, nsample, size, device, None, P.GTE_1)

    def dirichlet(self, alpha, size=None, *, device=None):
        """Draw samples from the Dirichlet distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.dirichlet`.
        """
        return _gen._dirichlet(self, alpha, size, device, "alpha <= 0", lambda a: a <= 0)

    def multinomial(self, n, pvals, size=None, *, device=None):
        """Draw samples from a multinomial distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.multinomial`.
        """
        count = convert.operator_index(n) if not isinstance(n, float) else int(n)
        try:
            d = len(pvals)
        except TypeError:
            raise TypeError("pvals must be a 1-d sequence") from None
        dev = self._target(device, pvals)
        p = P.float_param(pvals, torch.float64, dev)
        if not P.is_tensor(p) or p.ndim != 1:
            raise ValueError("setting an array element with a sequence. The requested array "
                             "would exceed the maximum number of dimension of 1.")
        batch = _gen._batch_shape(size)
        if d == 0:
            return convert.wrap_array(torch.zeros(batch + (0,), dtype=torch.int64, device=dev))
        P.check(p, "pvals", P.BOUNDED_0_1)
        if P.any_true(p[:-1].sum() > 1.0 + 1e-12):
            raise ValueError("sum(pvals[:-1]) > 1.0")
        P.check(count, "n", P.NON_NEGATIVE)
        return convert.wrap_array(S.multinomial(self._torch_generator(dev), batch, dev, count, p))

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            device=None):
        """Draw random samples from a multivariate normal distribution.

        torchnp implementation of :meth:`numpy.random.RandomState.multivariate_normal`.
        """
        return _gen._multivariate_normal(self, mean, cov, size, check_valid, tol, "svd", device,
                                         legacy=True)

    # ----- permutations and choice ----------------------------------------------------------------
    def choice(self, a, size=None, replace=True, p=None, *, device=None):
        """Generates a random sample from a given 1-D array.

        torchnp implementation of :meth:`numpy.random.RandomState.choice`.
        """
        return _choice.choice(self, a, size, replace, p, 0, device, _choice.LEGACY)

    def shuffle(self, x):
        """Modify a sequence in-place by shuffling its contents.

        torchnp implementation of :meth:`numpy.random.RandomState.shuffle`.
        """
        _choice.shuffle(self, x, 0)

    def permutation(self, x, *, device=None):
        """Randomly permute a sequence, or return a permuted range.

        torchnp implementation of :meth:`numpy.random.RandomState.permutation`.
        """
        return _choice.permutation(self, x, 0, device, legacy=True)


def _dims(args):
    """``rand(d0, d1, ...)``'s dimensions as a size (None for no arguments)."""
    if not args:
        return None
    return tuple(convert.operator_index(d) for d in args)


# ----- the module-level functions: one global RandomState -----------------------------------------
_rand = RandomState()

beta = _rand.beta
binomial = _rand.binomial
bytes = _rand.bytes
chisquare = _rand.chisquare
choice = _rand.choice
dirichlet = _rand.dirichlet
exponential = _rand.exponential
f = _rand.f
gamma = _rand.gamma
geometric = _rand.geometric
get_state = _rand.get_state
gumbel = _rand.gumbel
hypergeometric = _rand.hypergeometric
laplace = _rand.laplace
logistic = _rand.logistic
lognormal = _rand.lognormal
logseries = _rand.logseries
multinomial = _rand.multinomial
multivariate_normal = _rand.multivariate_normal
negative_binomial = _rand.negative_binomial
noncentral_chisquare = _rand.noncentral_chisquare
noncentral_f = _rand.noncentral_f
normal = _rand.normal
pareto = _rand.pareto
permutation = _rand.permutation
poisson = _rand.poisson
power = _rand.power
rand = _rand.rand
randint = _rand.randint
randn = _rand.randn
random = _rand.random
random_integers = _rand.random_integers
random_sample = _rand.random_sample
rayleigh = _rand.rayleigh
seed = _rand.seed
set_state = _rand.set_state
shuffle = _rand.shuffle
standard_cauchy = _rand.standard_cauchy
standard_exponential = _rand.standard_exponential
standard_gamma = _rand.standard_gamma
standard_normal = _rand.standard_normal
standard_t = _rand.standard_t
triangular = _rand.triangular
uniform = _rand.uniform
vonmises = _rand.vonmises
wald = _rand.wald
weibull = _rand.weibull
zipf = _rand.zipf


def ranf(*args, **kwargs):
    """An alias of ``random_sample`` (NumPy keeps it for compatibility).

    torchnp implementation of :func:`numpy.random.ranf`.
    """
    return _rand.random_sample(*args, **kwargs)


def sample(*args, **kwargs):
    """An alias of ``random_sample`` (NumPy keeps it for compatibility).

    torchnp implementation of :func:`numpy.random.sample`.
    """
    return _rand.random_sample(*args, **kwargs)


def get_bit_generator():
    """The bit generator of the global RandomState.

    torchnp implementation of :func:`numpy.random.get_bit_generator`.
    """
    return _rand._bit_generator


def set_bit_generator(bitgen):
    """Set the bit generator of the global RandomState.

    torchnp implementation of :func:`numpy.random.set_bit_generator`.
    """
    if not isinstance(bitgen, BitGenerator):
        raise TypeError("bit_generator must be a torchnp.random BitGenerator")
    _rand._bit_generator = bitgen
