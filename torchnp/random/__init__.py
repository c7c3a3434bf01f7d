"""torchnp.random: NumPy's random module on torch generators.

``Generator`` / ``default_rng`` (the recommended API), the bit generators by NumPy's names, and the
legacy ``RandomState`` with the module-level functions that share one global instance. Arrays are
drawn on the target device with torch's generators; the same seed gives the same numbers on every
run, and the numbers differ from NumPy's (docs/differences.md).
"""
from torchnp.random._bit_generator import (  # noqa: F401
    MT19937, PCG64, PCG64DXSM, SFC64, BitGenerator, Philox, SeedSequence)
from torchnp.random._generator import Generator, default_rng  # noqa: F401
from torchnp.random._legacy import (  # noqa: F401
    RandomState, beta, binomial, bytes, chisquare, choice, dirichlet, exponential, f, gamma,
    geometric, get_bit_generator, get_state, gumbel, hypergeometric, laplace, logistic, lognormal,
    logseries, multinomial, multivariate_normal, negative_binomial, noncentral_chisquare,
    noncentral_f, normal, pareto, permutation, poisson, power, rand, randint, randn, random,
    random_integers, random_sample, ranf, rayleigh, sample, seed, set_bit_generator, set_state,
    shuffle, standard_cauchy, standard_exponential, standard_gamma, standard_normal, standard_t,
    triangular, uniform, vonmises, wald, weibull, zipf)

__all__ = [
    "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma",
    "geometric", "get_state", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal",
    "logseries", "multinomial", "multivariate_normal", "negative_binomial",
    "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation", "poisson", "power",
    "rand", "randint", "randn", "random", "random_integers", "random_sample", "ranf", "rayleigh",
    "sample", "seed", "set_state", "shuffle", "standard_cauchy", "standard_exponential",
    "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform", "vonmises", "wald",
    "weibull", "zipf", "Generator", "RandomState", "SeedSequence", "MT19937", "Philox", "PCG64",
    "PCG64DXSM", "SFC64", "default_rng", "BitGenerator",
]
