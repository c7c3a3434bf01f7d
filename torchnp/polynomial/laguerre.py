"""Laguerre series: (k + 1) L_{k+1} = (2k + 1 - x) L_k - k L_{k-1}.

torchnp implementation of :mod:`numpy.polynomial.laguerre`: the functions of the recurrence
(``_basis.Basis``) and the derivative and antiderivative steps.
"""
import numpy

from torchnp._creation import array
from torchnp._manipulation import concatenate
from torchnp._math_ufuncs import exp
from torchnp.polynomial import polyutils as pu
from torchnp.polynomial._basis import Basis, Fraction
from torchnp.polynomial._polybase import ABCPolyBase

__all__ = [
    "lagzero", "lagone", "lagx", "lagdomain", "lagline", "lagadd", "lagsub", "lagmulx", "lagmul",
    "lagdiv", "lagpow", "lagval", "lagder", "lagint", "lag2poly", "poly2lag", "lagfromroots",
    "lagvander", "lagfit", "lagtrim", "lagroots", "Laguerre", "lagval2d", "lagval3d", "laggrid2d",
    "laggrid3d", "lagvander2d", "lagvander3d", "lagcompanion", "laggauss", "lagweight"]


class _LaguerreBasis(Basis):
    """x L_k = -(k + 1) L_{k+1} + (2k + 1) L_k - k L_{k-1}."""
    weight_integral = 1.0

    def alpha(self, k):
        return Fraction(-(k + 1))

    def beta(self, k):
        return Fraction(2 * k + 1)

    def gamma(self, k):
        return Fraction(-k)

    def der_step(self, c):
        n = len(c) - 1
        der = c[1:] * 0
        for j in range(n, 1, -1):
            der[j - 1] = -c[j]
            c[j - 1] += c[j]
        der[0] = -c[1]
        return der

    def int_step(self, c):
        tmp = concatenate((c, -c[-1:]))
        tmp[1:-1] -= c[:-1]
        return tmp


LAGUERRE = _LaguerreBasis()

lagtrim = pu.trimcoef

lagdomain = array([0., 1.])
lagzero = array([0])
lagone = array([1])
lagx = array([1, -1])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
lagline = LAGUERRE.line
lagadd = LAGUERRE.add
lagsub = LAGUERRE.sub
lagmulx = LAGUERRE.mulx
lagmul = LAGUERRE.mul
lagdiv = LAGUERRE.div
lagpow = LAGUERRE.pow
lagval = LAGUERRE.val
lagval2d = LAGUERRE.val2d
lagval3d = LAGUERRE.val3d
laggrid2d = LAGUERRE.grid2d
laggrid3d = LAGUERRE.grid3d
lagder = LAGUERRE.der
lagint = LAGUERRE.int
lag2poly = LAGUERRE.to_poly
poly2lag = LAGUERRE.from_poly
lagfromroots = LAGUERRE.fromroots
lagvander = LAGUERRE.vander
lagvander2d = LAGUERRE.vander2d
lagvander3d = LAGUERRE.vander3d
lagfit = LAGUERRE.fit
lagcompanion = LAGUERRE.companion
lagroots = LAGUERRE.roots
laggauss = LAGUERRE.gauss


def lagweight(x):
    """The Laguerre weight function exp(-x).

    torchnp implementation of :func:`numpy.polynomial.laguerre.lagweight`.
    """
    return exp(-x)


class Laguerre(ABCPolyBase):
    """A Laguerre series.

    torchnp implementation of :class:`numpy.polynomial.Laguerre`.
    """
    _basis = LAGUERRE
    _numpy_class = numpy.polynomial.Laguerre
    domain = array(lagdomain)
    window = array(lagdomain)
    basis_name = "L"
