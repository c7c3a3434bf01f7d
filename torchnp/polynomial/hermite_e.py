"""HermiteE series (the probabilists' Hermite polynomials): He_{k+1} = x He_k - k He_{k-1}.

torchnp implementation of :mod:`numpy.polynomial.hermite_e`: the functions of the recurrence
(``_basis.Basis``); the derivative and antiderivative steps are the power basis's.
"""
import math

import numpy

from torchnp._creation import array
from torchnp._math_ufuncs import exp
from torchnp.polynomial import polyutils as pu
from torchnp.polynomial import _basis
from torchnp.polynomial._basis import Basis, Fraction
from torchnp.polynomial._polybase import ABCPolyBase

__all__ = [
    "hermezero", "hermeone", "hermex", "hermedomain", "hermeline", "hermeadd", "hermesub",
    "hermemulx", "hermemul", "hermediv", "hermepow", "hermeval", "hermeder", "hermeint",
    "herme2poly", "poly2herme", "hermefromroots", "hermevander", "hermefit", "hermetrim",
    "hermeroots", "HermiteE", "hermeval2d", "hermeval3d", "hermegrid2d", "hermegrid3d",
    "hermevander2d", "hermevander3d", "hermecompanion", "hermegauss", "hermeweight"]


class _HermiteEBasis(Basis):
    """x He_k = He_{k+1} + k He_{k-1}; d/dx He_k = k He_{k-1}, as for x^k."""
    weight_integral = math.sqrt(2 * math.pi)

    def alpha(self, k):
        return Fraction(1)

    def gamma(self, k):
        return Fraction(k)

    def der_step(self, c):
        return _basis.power_der_step(c)

    def int_step(self, c):
        return _basis.power_int_step(c)


HERMITE_E = _HermiteEBasis()

hermetrim = pu.trimcoef

hermedomain = array([-1., 1.])
hermezero = array([0])
hermeone = array([1])
hermex = array([0, 1])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
hermeline = HERMITE_E.line
hermeadd = HERMITE_E.add
hermesub = HERMITE_E.sub
hermemulx = HERMITE_E.mulx
hermemul = HERMITE_E.mul
hermediv = HERMITE_E.div
hermepow = HERMITE_E.pow
hermeval = HERMITE_E.val
hermeval2d = HERMITE_E.val2d
hermeval3d = HERMITE_E.val3d
hermegrid2d = HERMITE_E.grid2d
hermegrid3d = HERMITE_E.grid3d
hermeder = HERMITE_E.der
hermeint = HERMITE_E.int
herme2poly = HERMITE_E.to_poly
poly2herme = HERMITE_E.from_poly
hermefromroots = HERMITE_E.fromroots
hermevander = HERMITE_E.vander
hermevander2d = HERMITE_E.vander2d
hermevander3d = HERMITE_E.vander3d
hermefit = HERMITE_E.fit
hermecompanion = HERMITE_E.companion
hermeroots = HERMITE_E.roots
hermegauss = HERMITE_E.gauss


def hermeweight(x):
    """The HermiteE weight function exp(-x**2 / 2).

    torchnp implementation of :func:`numpy.polynomial.hermite_e.hermeweight`.
    """
    return exp(-.5 * x**2)


class HermiteE(ABCPolyBase):
    """A HermiteE series.

    torchnp implementation of :class:`numpy.polynomial.HermiteE`.
    """
    _basis = HERMITE_E
    _numpy_class = numpy.polynomial.HermiteE
    domain = array(hermedomain)
    window = array(hermedomain)
    basis_name = "He"
