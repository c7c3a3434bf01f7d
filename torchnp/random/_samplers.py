"""The samplers: every distribution drawn with torch ops on the target device, from the torch
generator ``g`` of that device (None on ``meta``).

Conventions: ``shape`` is the result shape, ``dt`` the float dtype computed in, ``device`` the
target; parameters are Python numbers or tensors on ``device`` (of dtype ``dt`` for floats, int64
for integers) that broadcast to ``shape``, already checked against NumPy's constraints. Integer
results are int64. torch's samplers are used where they exist (uniform, normal, exponential, gamma,
Poisson, binomial); the rest are built from them by inversion, transformation or rejection.
Rejection runs in rounds over the pending elements (each round reads back how many are left: a
host sync), drawing more candidates per element as fewer remain.
"""
import math

import torch

from torchnp.random import _params
from torchnp.random import _torch_rng

_MAX_ROUNDS = 1000
_MAX_CANDIDATES = 1024
_INT64_MAX_F = 9223372036854775807.0    # 2**63 as a float: the first value int64 cannot hold


def _meta(device):
    return device.type == "meta"


def _full(p, shape, dt, device):
    return _params.expand(p, shape, dt, device)


# ----- basic draws --------------------------------------------------------------------------------

def uniform01(g, shape, dt, device):
    """Uniform on [0, 1)."""
    return torch.rand(shape, generator=g, dtype=dt, device=device)


def open_uniform01(g, shape, dt, device):
    """Uniform on (0, 1): torch's zero (probability 2**-53 in float64) moved up half a step."""
    return uniform01(g, shape, dt, device).clamp_min_(torch.finfo(dt).eps / 4)


def standard_normal(g, shape, dt, device):
    return torch.randn(shape, generator=g, dtype=dt, device=device)


def standard_exponential(g, shape, dt, device):
    return torch.empty(shape, dtype=dt, device=device).exponential_(generator=g)


def standard_cauchy(g, shape, dt, device):
    return torch.empty(shape, dtype=dt, device=device).cauchy_(generator=g)


# ----- gamma family -------------------------------------------------------------------------------

def standard_gamma(g, shape, dt, device, alpha):
    """Gamma(alpha, 1); shapes below 1 as G(alpha + 1) * U**(1/alpha), which underflows to 0 as
    NumPy's sampler does (torch's would stop at the smallest normal float)."""
    a = _full(alpha, shape, dt, device)
    small = a < 1
    x = _torch_rng.standard_gamma(torch.where(small, a + 1, a), g)
    u = open_uniform01(g, shape, dt, device)
    x = torch.where(small, x * torch.exp(torch.log(u) / a), x)
    return torch.where(torch.isnan(a), a, x)


def log_standard_gamma(g, shape, dt, device, alpha):
    """log Gamma(alpha, 1) without underflow (for ratios of gammas: beta, dirichlet)."""
    a = _full(alpha, shape, dt, device)
    small = a < 1
    x = _torch_rng.standard_gamma(torch.where(small, a + 1, a), g)
    u = open_uniform01(g, shape, dt, device)
    return torch.log(x) + torch.where(small, torch.log(u) / a, torch.zeros_like(a))


def gamma(g, shape, dt, device, alpha, scale):
    return standard_gamma(g, shape, dt, device, alpha) * scale


def beta(g, shape, dt, device, a, b):
    """G(a) / (G(a) + G(b)), computed as sigmoid(log G(a) - log G(b)) so small shapes stay exact."""
    la = log_standard_gamma(g, shape, dt, device, a)
    lb = log_standard_gamma(g, shape, dt, device, b)
    return torch.sigmoid(la - lb)


def chisquare(g, shape, dt, device, df):
    return 2.0 * standard_gamma(g, shape, dt, device, df / 2.0)


def f(g, shape, dt, device, dfnum, dfden):
    num = chisquare(g, shape, dt, device, dfnum) * dfden
    return num / (chisquare(g, shape, dt, device, dfden) * dfnum)


def standard_t(g, shape, dt, device, df):
    num = standard_normal(g, shape, dt, device)
    denom = standard_gamma(g, shape, dt, device, df / 2.0)
    return _sqrt(df / 2.0) * num / torch.sqrt(denom)


def noncentral_chisquare(g, shape, dt, device, df, nonc):
    """NumPy's construction: chi2(df - 1) + (N + sqrt(nonc))**2 for df > 1, else the Poisson
    mixture chi2(df + 2K), K ~ Poisson(nonc / 2); a nan nonc gives nan."""
    nc = _full(nonc, shape, dt, device)
    wide = chisquare(g, shape, dt, device, torch.clamp_min(_as_tensor(df, nc) - 1, 1e-300)) + \
        (standard_normal(g, shape, dt, device) + torch.sqrt(nc)) ** 2
    k = _poisson_or_normal(g, torch.where(torch.isfinite(nc), nc / 2, torch.zeros_like(nc)))
    narrow = torch.where(torch.isinf(nc), nc, chisquare(g, shape, dt, device, df + 2 * k))
    x = torch.where(_as_tensor(df, nc) > 1, wide, narrow)
    return torch.where(torch.isnan(nc), nc, x)


def _as_tensor(x, like):
    return x if isinstance(x, torch.Tensor) else torch.full_like(like, x)


def _poisson_or_normal(g, lam):
    """Poisson counts (as floats of ``lam``'s dtype) for finite rates; above 1e15 (past torch's
    int64 counts) the normal approximation, exact to its relative precision there."""
    big = lam > 1e15
    counts = _poisson_counts(g, torch.where(big, torch.zeros_like(lam), lam).to(torch.float64))
    approx = lam + torch.sqrt(lam) * standard_normal(g, lam.shape, lam.dtype, lam.device)
    return torch.where(big, torch.round(approx), counts.to(lam.dtype))


def noncentral_f(g, shape, dt, device, dfnum, dfden, nonc):
    t = noncentral_chisquare(g, shape, dt, device, dfnum, nonc) * dfden
    return t / (chisquare(g, shape, dt, device, dfden) * dfnum)


def dirichlet(g, shape, dt, device, alpha):
    """Normalised gammas, as softmax of their logs (exact for small alphas, where NumPy switches to
    stick-breaking); all-zero alphas give zeros, as in NumPy."""
    la = log_standard_gamma(g, shape, dt, device, alpha)
    x = torch.softmax(la, dim=-1)
    return torch.where(torch.isneginf(la).all(dim=-1, keepdim=True), torch.zeros_like(x), x)


def _sqrt(x):
    return torch.sqrt(x) if isinstance(x, torch.Tensor) else math.sqrt(x)


# ----- location-scale and transformed exponentials ------------------------------------------------

def normal(g, shape, dt, device, loc, scale):
    return loc + scale * standard_normal(g, shape, dt, device)


def lognormal(g, shape, dt, device, mean, sigma):
    return torch.exp(normal(g, shape, dt, device, mean, sigma))


def exponential(g, shape, dt, device, scale):
    return scale * standard_exponential(g, shape, dt, device)


def uniform(g, shape, dt, device, low, span):
    return low + span * uniform01(g, shape, dt, device)


def laplace(g, shape, dt, device, loc, scale):
    u = open_uniform01(g, shape, dt, device)
    return torch.where(u >= 0.5, loc - scale * torch.log(2.0 - 2.0 * u),
                       loc + scale * torch.log(2.0 * u))


def gumbel(g, shape, dt, device, loc, scale):
    u = open_uniform01(g, shape, dt, device)
    return loc - scale * torch.log(-torch.log(u))


def logistic(g, shape, dt, device, loc, scale):
    u = open_uniform01(g, shape, dt, device)
    return loc + scale * torch.log(u / (1.0 - u))


def pareto(g, shape, dt, device, a):
    return torch.expm1(standard_exponential(g, shape, dt, device) / a)


def power(g, shape, dt, device, a):
    return torch.pow(-torch.expm1(-standard_exponential(g, shape, dt, device)), 1.0 / a)


def rayleigh(g, shape, dt, device, scale):
    return scale * torch.sqrt(2.0 * standard_exponential(g, shape, dt, device))


def weibull(g, shape, dt, device, a):
    a = _full(a, shape, dt, device)
    x = torch.pow(standard_exponential(g, shape, dt, device), 1.0 / a)
    return torch.where(a == 0, torch.zeros_like(x), x)


def triangular(g, shape, dt, device, left, mode, right):
    base = right - left
    ratio = (mode - left) / base
    u = uniform01(g, shape, dt, device)
    lo = left + torch.sqrt(u * ((mode - left) * base))
    hi = right - torch.sqrt((1.0 - u) * ((right - mode) * base))
    return torch.where(u <= ratio, lo, hi)


def wald(g, shape, dt, device, mean, scale):
    n = standard_normal(g, shape, dt, device)
    y = mean * n * n
    x = mean + (mean / (2.0 * scale)) * (y - torch.sqrt(4.0 * scale * y + y * y))
    u = uniform01(g, shape, dt, device)
    return torch.where(u <= mean / (mean + x), x, mean * mean / x)


# ----- von Mises (Best and Fisher's rejection) ----------------------------------------------------

def vonmises(g, shape, dt, device, mu, kappa):
    """NumPy's method: uniform for kappa < 1e-8, a wrapped normal above 1e6, else rejection."""
    if _meta(device):
        return torch.empty(shape, dtype=dt, device=device)
    k = _full(kappa, shape, dt, device).reshape(-1)
    m = _full(mu, shape, dt, device).reshape(-1)
    usual = (k >= 1e-8) & (k <= 1e6)
    kk = torch.where(usual, k, torch.ones_like(k))
    r = 1 + torch.sqrt(1 + 4 * kk * kk)
    rho = (r - torch.sqrt(2 * r)) / (2 * kk)
    s = torch.where(kk < 1e-5, 1 / kk + kk, (1 + rho * rho) / (2 * rho))

    def propose(idx, n):
        ki, si = kk[idx, None], s[idx, None]
        z = torch.cos(math.pi * uniform01(g, (idx.numel(), n), dt, device))
        w = (1 + si * z) / (si + z)
        y = ki * (si - w)
        v = uniform01(g, (idx.numel(), n), dt, device)
        return w, (y * (2 - y) - v >= 0) | (torch.log(y / v) + 1 - y >= 0)

    w = by_rejection(k.numel(), propose, dt, device)
    x = torch.acos(w)
    x = torch.where(uniform01(g, x.shape, dt, device) < 0.5, -x, x) + m
    x = torch.sign(x) * (torch.fmod(x.abs() + math.pi, 2 * math.pi) - math.pi)
    wrapped = m + torch.sqrt(1 / k) * standard_normal(g, k.shape, dt, device)
    wrapped = torch.where(wrapped < -math.pi, wrapped + 2 * math.pi, wrapped)
    wrapped = torch.where(wrapped > math.pi, wrapped - 2 * math.pi, wrapped)
    flat = math.pi * (2 * uniform01(g, k.shape, dt, device) - 1)
    x = torch.where(k < 1e-8, flat, torch.where(k > 1e6, wrapped, x))
    x = torch.where(torch.isnan(k) | torch.isnan(m), torch.full_like(x, math.nan), x)
    return x.reshape(shape)


# ----- discrete -----------------------------------------------------------------------------------

def _poisson_counts(g, lam):
    """Poisson draws (float64 counts) for float64 rates ``lam`` (finite, >= 0)."""
    return torch.poisson(lam, generator=g)


def poisson(g, shape, device, lam):
    lam = _full(lam, shape, torch.float64, device)
    return _poisson_counts(g, lam).to(torch.int64)


def binomial(g, shape, device, n, p):
    count = _full(n, shape, torch.float64, device)
    prob = _full(p, shape, torch.float64, device)
    return _torch_rng.binomial(count, prob, g).to(torch.int64)


def negative_binomial(g, shape, device, n, p):
    """Poisson(Gamma(n, (1 - p) / p)); an infinite rate (legacy p = 0) gives NumPy's int64 min."""
    y = gamma(g, shape, torch.float64, device, n, (1 - _full(p, shape, torch.float64, device)) / p)
    finite = torch.isfinite(y)
    k = _poisson_counts(g, torch.where(finite, y, torch.zeros_like(y))).to(torch.int64)
    return torch.where(finite, k, torch.full_like(k, -2**63))


def geometric(g, shape, device, p):
    """Inversion: ceil(E / -log(1 - p)), at least 1, NumPy's int64 max where it overflows."""
    e = standard_exponential(g, shape, torch.float64, device)
    x = torch.ceil(e / -torch.log1p(-_full(p, shape, torch.float64, device))).clamp_min(1)
    return _to_int64(x)


def _to_int64(x):
    big = x >= _INT64_MAX_F
    return torch.where(big, torch.full_like(x, 0), x).to(torch.int64).masked_fill(big, 2**63 - 1)


def zipf(g, shape, device, a):
    """Devroye's rejection method (NumPy's); a >= 1025 is 1 (P(X > 1) < 2**-1024)."""
    if _meta(device):
        return torch.empty(shape, dtype=torch.int64, device=device)
    a = _full(a, shape, torch.float64, device).reshape(-1)
    huge = a >= 1025
    am1 = torch.where(huge, torch.ones_like(a), a - 1)
    b = torch.pow(2.0, am1)

    def propose(idx, n):
        ai, bi = am1[idx, None], b[idx, None]
        u = 1.0 - uniform01(g, (idx.numel(), n), torch.float64, device)
        v = uniform01(g, (idx.numel(), n), torch.float64, device)
        x = torch.floor(torch.pow(u, -1.0 / ai))
        t = torch.pow(1.0 + 1.0 / x, ai)
        ok = (x < _INT64_MAX_F) & (x >= 1) & (v * x * (t - 1.0) / (bi - 1.0) <= t / bi)
        return x, ok

    x = by_rejection(a.numel(), propose, torch.float64, device)
    return torch.where(huge, torch.ones_like(x), x).to(torch.int64).reshape(shape)


def logseries(g, shape, device, p):
    """Kemp's method (NumPy's); its rare rejections (V == 0) are redrawn."""
    if _meta(device):
        return torch.empty(shape, dtype=torch.int64, device=device)
    p = _full(p, shape, torch.float64, device).reshape(-1)
    r = torch.log1p(-p)

    def propose(idx, n):
        pi, ri = p[idx, None], r[idx, None]
        v = uniform01(g, (idx.numel(), n), torch.float64, device)
        u = uniform01(g, (idx.numel(), n), torch.float64, device)
        q = -torch.expm1(ri * u)
        k = torch.floor(1 + torch.log(v) / torch.log(q))
        x = torch.where(v >= q, torch.ones_like(v), torch.full_like(v, 2.0))
        x = torch.where(v <= q * q, k, x)
        x = torch.where(v >= pi, torch.ones_like(v), x)
        ok = (v >= pi) | (v > q * q) | ((k >= 1) & (v > 0))
        return x, ok

    return by_rejection(p.numel(), propose, torch.float64, device).to(torch.int64).reshape(shape)


def _log_factorial(k):
    return torch.lgamma(k + 1.0)


def hypergeometric(g, shape, device, ngood, nbad, nsample):
    """Stadlober's ratio-of-uniforms rejection (HRUA, NumPy's method for large samples), used for
    every parameter value (it is exact for all of them)."""
    if _meta(device):
        return torch.empty(shape, dtype=torch.int64, device=device)
    good = _full(ngood, shape, torch.float64, device).reshape(-1)
    bad = _full(nbad, shape, torch.float64, device).reshape(-1)
    sample = _full(nsample, shape, torch.float64, device).reshape(-1)
    total = good + bad
    n = torch.minimum(sample, total - sample)
    lo, hi = torch.minimum(good, bad), torch.maximum(good, bad)
    p, q = lo / total.clamp_min(1), hi / total.clamp_min(1)     # (an empty urn: p = q = 0)
    mean = n * p + 0.5
    var = (total - n) * n * p * q / torch.clamp_min(total - 1, 1)
    c = torch.sqrt(var + 0.5)
    h = 1.7155277699214135 * c + 0.8989161620588988
    mode = torch.floor((n + 1) * (lo + 1) / (total + 2))
    peak = _hyper_log_weight(mode, lo, hi, n)
    bound = torch.minimum(torch.minimum(n, lo) + 1, torch.floor(mean + 16 * c))

    def propose(idx, m):
        u = open_uniform01(g, (idx.numel(), m), torch.float64, device)
        v = uniform01(g, (idx.numel(), m), torch.float64, device)
        x = mean[idx, None] + h[idx, None] * (v - 0.5) / u
        k = torch.floor(x)
        inside = (x >= 0) & (x < bound[idx, None])
        kk = torch.where(inside, k, torch.zeros_like(k))
        t = peak[idx, None] - _hyper_log_weight(kk, lo[idx, None], hi[idx, None], n[idx, None])
        ok = inside & ((u * (4.0 - u) - 3.0 <= t) | ((u * (u - t) < 1) & (2.0 * torch.log(u) <= t)))
        return kk, ok

    k = by_rejection(good.numel(), propose, torch.float64, device)
    k = torch.where(good > bad, n - k, k)
    k = torch.where(n < sample, good - k, k)
    return k.to(torch.int64).reshape(shape)


def _hyper_log_weight(k, lo, hi, n):
    return (_log_factorial(k) + _log_factorial(lo - k) + _log_factorial(n - k)
            + _log_factorial(hi - n + k))


def by_rejection(count, propose, dt, device):
    """``count`` draws by rejection: ``propose(idx, n)`` gives (candidates, accepted) of shape
    (len(idx), n) for the pending flat indices ``idx``; each element takes its first accepted
    candidate."""
    out = torch.empty(count, dtype=dt, device=device)
    idx = torch.arange(count, device=device)
    for _ in range(_MAX_ROUNDS):
        pending = idx.numel()
        if pending == 0:
            return out
        n = min(_MAX_CANDIDATES, max(1, count // pending))
        cand, ok = propose(idx, n)
        got = ok.any(dim=1)
        first = ok.to(torch.uint8).argmax(dim=1, keepdim=True)
        pick = cand.gather(1, first)[:, 0]
        out[idx[got]] = pick[got]           # host-sync: boolean masks size the accepted draws
        idx = idx[~got]
    raise RuntimeError("rejection sampling did not finish: parameters too extreme for torchnp's "
                       "sampler")


# ----- multivariate -------------------------------------------------------------------------------

def multinomial(g, batch, device, n, pvals):
    """Counts of shape ``batch + (d,)``: a binomial per category on what is left (NumPy's way)."""
    d = pvals.shape[-1]
    left = _full(n, batch, torch.float64, device)
    p = pvals.to(torch.float64).expand(batch + (d,))
    p_left = torch.ones(batch, dtype=torch.float64, device=device)
    counts = []
    for j in range(d - 1):
        prob = torch.clamp(p[..., j] / p_left, 0.0, 1.0)
        prob = torch.where(p_left > 0, prob, torch.zeros_like(prob))
        x = _torch_rng.binomial(left.contiguous(), prob.contiguous(), g)
        counts.append(x)
        left = left - x
        p_left = p_left - p[..., j]
    counts.append(left)
    return torch.stack(counts, dim=-1).to(torch.int64)


def multivariate_hypergeometric(g, batch, device, colors, nsample):
    """Counts of shape ``batch + (len(colors),)``: one hypergeometric per color (the marginals)."""
    colors = [int(c) for c in colors]
    left = torch.full(batch, nsample, dtype=torch.int64, device=device)
    remaining = sum(colors)
    counts = []
    for c in colors[:-1]:
        remaining -= c
        x = hypergeometric(g, batch, device, c, remaining, left) if c else torch.zeros_like(left)
        counts.append(x)
        left = left - x
    counts.append(left)
    return torch.stack(counts, dim=-1)


# ----- integers -----------------------------------------------------------------------------------

def integers(g, shape, device, low, high):
    """Uniform integers in the closed interval [low, high] as int64 (two's complement wraps for
    uint64 values >= 2**63); ``low`` and ``high`` are Python ints or int64 tensors."""
    span = _span(low, high)
    if not _params.any_true(span > 2**32 if _params.is_tensor(span) else span > 2**32):
        r = _torch_rng.bits63(g, shape, device)
        return r % span + low       # bias below span / 2**63 <= 2**-31 of a value's probability
    return _masked(g, shape, device, low, span - 1)


def _span(low, high):
    if _params.is_tensor(low) or _params.is_tensor(high):
        return torch.as_tensor(high) - low + 1          # int64: wraps for spans >= 2**63
    return high - low + 1


def _masked(g, shape, device, low, rng):
    """Rejection from 64-bit words masked to rng's bit length (spans > 2**32, as NumPy's masked
    method); ``rng`` (span - 1) is compared as an unsigned 64-bit value."""
    if _meta(device):
        return torch.empty(shape, dtype=torch.int64, device=device)
    r = _wrap64(rng)
    r = (r if _params.is_tensor(r) else torch.tensor(r, device=device)).expand(shape).reshape(-1)
    mask = r.clone()
    for s in (1, 2, 4, 8, 16, 32):
        mask |= mask >> s                   # arithmetic shift: rng >= 2**63 gives all ones
    sign = -2**63

    def propose(idx, n):
        cand = _torch_rng.bits64(g, (idx.numel(), n), device) & mask[idx, None]
        return cand, (cand ^ sign) <= (r[idx, None] ^ sign)

    x = by_rejection(r.numel(), propose, torch.int64, device)
    return x.reshape(shape) + _wrap64(low)


def _wrap64(v):
    """A Python int in [-2**63, 2**64) as the int64 with the same bits."""
    if _params.is_tensor(v):
        return v
    return v - 2**64 if v >= 2**63 else v
