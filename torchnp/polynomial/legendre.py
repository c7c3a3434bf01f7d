"""Legendre series: (k + 1) P_{k+1} = (2k + 1) x P_k - k P_{k-1}.

torchnp implementation of :mod:`numpy.polynomial.legendre`: the functions of the recurrence
(``_basis.Basis``) and the derivative and antiderivative steps.
"""
import numpy

from torchnp._creation import array
from torchnp.polynomial import polyutils as pu
from torchnp.polynomial import _basis
from torchnp.polynomial._basis import Basis, Fraction
from torchnp.polynomial._polybase import ABCPolyBase

__all__ = [
    "legzero", "legone", "legx", "legdomain", "legline", "legadd", "legsub", "legmulx", "legmul",
    "legdiv", "legpow", "legval", "legder", "legint", "leg2poly", "poly2leg", "legfromroots",
    "legvander", "legfit", "legtrim", "legroots", "Legendre", "legval2d", "legval3d", "leggrid2d",
    "leggrid3d", "legvander2d", "legvander3d", "legcompanion", "leggauss", "legweight"]


class _LegendreBasis(Basis):
    """x P_k = ((k + 1) P_{k+1} + k P_{k-1}) / (2k + 1)."""
    weight_integral = 2.0

    def alpha(self, k):
        return Fraction(k + 1, 2 * k + 1)

    def gamma(self, k):
        return Fraction(k, 2 * k + 1)

    def der_step(self, c):
        n = len(c) - 1
        der = c[1:] * 0
        for j in range(n, 2, -1):
            der[j - 1] = (2 * j - 1) * c[j]
            c[j - 2] += c[j]
        if n > 1:
            der[1] = 3 * c[2]
        der[0] = c[1]
        return der

    def int_step(self, c):
        t = c / (2 * _basis.ramp(c, 0) + 1)
        tmp = _basis.shifted_up(t)
        tmp[1:-2] -= t[2:]
        return tmp


LEGENDRE = _LegendreBasis()

legtrim = pu.trimcoef

legdomain = array([-1., 1.])
legzero = array([0])
legone = array([1])
legx = array([0, 1])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
legline = LEGENDRE.line
legadd = LEGENDRE.add
legsub = LEGENDRE.sub
legmulx = LEGENDRE.mulx
legmul = LEGENDRE.mul
legdiv = LEGENDRE.div
legpow = LEGENDRE.pow
legval = LEGENDRE.val
legval2d = LEGENDRE.val2d
legval3d = LEGENDRE.val3d
leggrid2d = LEGENDRE.grid2d
leggrid3d = LEGENDRE.grid3d
legder = LEGENDRE.der
legint = LEGENDRE.int
leg2poly = LEGENDRE.to_poly
poly2leg = LEGENDRE.from_poly
legfromroots = LEGENDRE.fromroots
legvander = LEGENDRE.vander
legvander2d = LEGENDRE.vander2d
legvander3d = LEGENDRE.vander3d
legfit = LEGENDRE.fit
legcompanion = LEGENDRE.companion
legroots = LEGENDRE.roots
leggauss = LEGENDRE.gauss


def legweight(x):
    """The Legendre weight function: 1.

    torchnp implementation of :func:`numpy.polynomial.legendre.legweight`.
    """
    return x * 0.0 + 1.0


class Legendre(ABCPolyBase):
    """A Legendre series.

    torchnp implementation of :class:`numpy.polynomial.Legendre`.
    """
    _basis = LEGENDRE
    _numpy_class = numpy.polynomial.Legendre
    domain = array(legdomain)
    window = array(legdomain)
    basis_name = "P"
