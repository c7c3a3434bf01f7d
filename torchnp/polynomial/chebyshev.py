"""Chebyshev series (of the first kind): T_0 = 1, T_1 = x, T_{k+1} = 2x T_k - T_{k-1}.

torchnp implementation of :mod:`numpy.polynomial.chebyshev`: the functions of the recurrence
(``_basis.Basis``), the derivative and antiderivative steps, and the Chebyshev-only points,
quadrature and interpolation.
"""
import math

import numpy

from torchnp._creation import arange, array, asarray, linspace, ones, zeros
from torchnp._manipulation import concatenate, flip
from torchnp._math import convolve
from torchnp._math_ufuncs import cos, sin, sqrt
from torchnp._products import dot
from torchnp.polynomial import polyutils as pu
from torchnp.polynomial import _basis
from torchnp.polynomial._basis import Basis, Fraction
from torchnp.polynomial._polybase import ABCPolyBase

__all__ = [
    "chebzero", "chebone", "chebx", "chebdomain", "chebline", "chebadd", "chebsub", "chebmulx",
    "chebmul", "chebdiv", "chebpow", "chebval", "chebder", "chebint", "cheb2poly", "poly2cheb",
    "chebfromroots", "chebvander", "chebfit", "chebtrim", "chebroots", "chebpts1", "chebpts2",
    "Chebyshev", "chebval2d", "chebval3d", "chebgrid2d", "chebgrid3d", "chebvander2d",
    "chebvander3d", "chebcompanion", "chebgauss", "chebweight", "chebinterpolate"]


class _ChebyshevBasis(Basis):
    """x T_0 = T_1; x T_k = (T_{k+1} + T_{k-1}) / 2."""
    weight_integral = math.pi

    def alpha(self, k):
        return Fraction(1) if k == 0 else Fraction(1, 2)

    def gamma(self, k):
        return Fraction(0) if k == 0 else Fraction(1, 2)

    def mul(self, c1, c2):
        """The product through z-series (NumPy's chebmul): a convolution."""
        [c1, c2] = pu.as_series([c1, c2])
        return pu.trimseq(_from_z(convolve(_to_z(c1), _to_z(c2))))

    def div(self, c1, c2):
        """Quotient and remainder through z-series (NumPy's chebdiv)."""
        c1, c2, done = pu._div_cases(c1, c2)
        if done is not None:
            return done
        quo, rem = _z_divmod(_to_z(c1), _to_z(c2))
        return pu.trimseq(_from_z(quo)), pu.trimseq(_from_z(rem))

    def der_step(self, c):
        n = len(c) - 1
        der = c[1:] * 0
        for j in range(n, 2, -1):
            der[j - 1] = (2 * j) * c[j]
            c[j - 2] += (j * c[j]) / (j - 2)
        if n > 1:
            der[1] = 4 * c[2]
        der[0] = c[1]
        return der

    def int_step(self, c):
        up = c / (2 * _basis.ramp(c, 1))
        up[0] = c[0]
        tmp = _basis.shifted_up(up)
        tmp[1:-2] -= c[2:] / (2 * _basis.ramp(c[2:], 1))
        return tmp


def _to_z(c):
    """A Chebyshev series as the symmetric z-series c_k (z^k + z^-k) / 2 (a fresh array)."""
    half = c[1:] / 2
    return concatenate((flip(half), c[:1], half))


def _from_z(z):
    """A symmetric z-series as a Chebyshev series."""
    n = (len(z) + 1) // 2
    c = z[n - 1:].copy()
    c[1:n] *= 2
    return c


def _z_divmod(z1, z2):
    """Quotient and remainder of symmetric z-series, both ends of ``z1`` at once (``z1`` is
    consumed; ``len(z1) >= len(z2) > 1``)."""
    lc2, dlen = len(z2), len(z1) - len(z2)
    scl = z2[0]
    z2 = z2 / scl
    quo = zeros(dlen + 1, dtype=z1.dtype, device=z1.device)
    i, j = 0, dlen
    while i < j:
        r = z1[i]
        quo[i] = r
        quo[dlen - i] = r
        tmp = r * z2
        z1[i:i + lc2] -= tmp
        z1[j:j + lc2] -= tmp
        i, j = i + 1, j - 1
    r = z1[i]
    quo[i] = r
    z1[i:i + lc2] -= r * z2
    return quo / scl, z1[i + 1:i - 1 + lc2].copy()


CHEBYSHEV = _ChebyshevBasis()

chebtrim = pu.trimcoef

chebdomain = array([-1., 1.])
chebzero = array([0])
chebone = array([1])
chebx = array([0, 1])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
chebline = CHEBYSHEV.line
chebadd = CHEBYSHEV.add
chebsub = CHEBYSHEV.sub
chebmulx = CHEBYSHEV.mulx
chebmul = CHEBYSHEV.mul
chebdiv = CHEBYSHEV.div
chebpow = CHEBYSHEV.pow
chebval = CHEBYSHEV.val
chebval2d = CHEBYSHEV.val2d
chebval3d = CHEBYSHEV.val3d
chebgrid2d = CHEBYSHEV.grid2d
chebgrid3d = CHEBYSHEV.grid3d
chebder = CHEBYSHEV.der
chebint = CHEBYSHEV.int
cheb2poly = CHEBYSHEV.to_poly
poly2cheb = CHEBYSHEV.from_poly
chebfromroots = CHEBYSHEV.fromroots
chebvander = CHEBYSHEV.vander
chebvander2d = CHEBYSHEV.vander2d
chebvander3d = CHEBYSHEV.vander3d
chebfit = CHEBYSHEV.fit
chebcompanion = CHEBYSHEV.companion
chebroots = CHEBYSHEV.roots


def chebweight(x):
    """The Chebyshev weight function 1 / sqrt(1 - x**2).

    torchnp implementation of :func:`numpy.polynomial.chebyshev.chebweight`.
    """
    return 1. / (sqrt(1. + x) * sqrt(1. - x))


def chebgauss(deg):
    """Gauss-Chebyshev quadrature: nodes and weights (in closed form).

    torchnp implementation of :func:`numpy.polynomial.chebyshev.chebgauss`.
    """
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    x = cos(numpy.pi * arange(1, 2 * ideg, 2) / (2.0 * ideg))
    return x, ones(ideg) * (numpy.pi / ideg)


def _npts(npts, least):
    n = int(npts)
    if n != npts:
        raise ValueError("npts must be integer")
    if n < least:
        raise ValueError(f"npts must be >= {least}")
    return n


def chebpts1(npts):
    """Chebyshev points of the first kind.

    torchnp implementation of :func:`numpy.polynomial.chebyshev.chebpts1`.
    """
    n = _npts(npts, 1)
    return sin(0.5 * numpy.pi / n * arange(-n + 1, n + 1, 2))


def chebpts2(npts):
    """Chebyshev points of the second kind.

    torchnp implementation of :func:`numpy.polynomial.chebyshev.chebpts2`.
    """
    return cos(linspace(-numpy.pi, 0, _npts(npts, 2)))


def chebinterpolate(func, deg, args=()):
    """The Chebyshev series interpolating ``func`` at the Chebyshev points of the first kind.

    torchnp implementation of :func:`numpy.polynomial.chebyshev.chebinterpolate`.
    """
    deg = asarray(deg)
    if deg.ndim > 0 or deg.dtype.kind not in "iu":
        raise TypeError("deg must be an int")
    if deg < 0:                            # host-sync: a check of the argument
        raise ValueError("expected deg >= 0")
    order = int(deg) + 1
    xcheb = chebpts1(order)
    c = dot(chebvander(xcheb, int(deg)).T, func(xcheb, *args))
    c[0] /= order
    c[1:] /= 0.5 * order
    return c


class Chebyshev(ABCPolyBase):
    """A Chebyshev series.

    torchnp implementation of :class:`numpy.polynomial.Chebyshev`.
    """
    _basis = CHEBYSHEV
    _numpy_class = numpy.polynomial.Chebyshev
    domain = array(chebdomain)
    window = array(chebdomain)
    basis_name = "T"

    @classmethod
    def interpolate(cls, func, deg, domain=None, args=()):
        """The Chebyshev series interpolating ``func`` on ``domain``."""
        if domain is None:
            domain = cls.domain
        xfunc = lambda x: func(pu.mapdomain(x, cls.window, domain), *args)   # noqa: E731
        return cls(chebinterpolate(xfunc, deg), domain=domain)
