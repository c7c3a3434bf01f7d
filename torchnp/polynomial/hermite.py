"""Hermite series (the physicists'): H_{k+1} = 2x H_k - 2k H_{k-1}.

torchnp implementation of :mod:`numpy.polynomial.hermite`: the functions of the recurrence
(``_basis.Basis``) and the derivative and antiderivative steps.
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
    "hermzero", "hermone", "hermx", "hermdomain", "hermline", "hermadd", "hermsub", "hermmulx",
    "hermmul", "hermdiv", "hermpow", "hermval", "hermder", "hermint", "herm2poly", "poly2herm",
    "hermfromroots", "hermvander", "hermfit", "hermtrim", "hermroots", "Hermite", "hermval2d",
    "hermval3d", "hermgrid2d", "hermgrid3d", "hermvander2d", "hermvander3d", "hermcompanion",
    "hermgauss", "hermweight"]


class _HermiteBasis(Basis):
    """x H_k = H_{k+1} / 2 + k H_{k-1}."""
    weight_integral = math.sqrt(math.pi)

    def alpha(self, k):
        return Fraction(1, 2)

    def gamma(self, k):
        return Fraction(k)

    def der_step(self, c):
        return c[1:] * (2 * _basis.ramp(c[1:], 1))

    def int_step(self, c):
        return _basis.shifted_up(c / (2 * _basis.ramp(c, 1)))


HERMITE = _HermiteBasis()

hermtrim = pu.trimcoef

hermdomain = array([-1., 1.])
hermzero = array([0])
hermone = array([1])
hermx = array([0, .5])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
hermline = HERMITE.line
hermadd = HERMITE.add
hermsub = HERMITE.sub
hermmulx = HERMITE.mulx
hermmul = HERMITE.mul
hermdiv = HERMITE.div
hermpow = HERMITE.pow
hermval = HERMITE.val
hermval2d = HERMITE.val2d
hermval3d = HERMITE.val3d
hermgrid2d = HERMITE.grid2d
hermgrid3d = HERMITE.grid3d
hermder = HERMITE.der
hermint = HERMITE.int
herm2poly = HERMITE.to_poly
poly2herm = HERMITE.from_poly
hermfromroots = HERMITE.fromroots
hermvander = HERMITE.vander
hermvander2d = HERMITE.vander2d
hermvander3d = HERMITE.vander3d
hermfit = HERMITE.fit
hermcompanion = HERMITE.companion
hermroots = HERMITE.roots
hermgauss = HERMITE.gauss


def hermweight(x):
    """The Hermite weight function exp(-x**2).

    torchnp implementation of :func:`numpy.polynomial.hermite.hermweight`.
    """
    return exp(-x**2)


class Hermite(ABCPolyBase):
    """A Hermite series.

    torchnp implementation of :class:`numpy.polynomial.Hermite`.
    """
    _basis = HERMITE
    _numpy_class = numpy.polynomial.Hermite
    domain = array(hermdomain)
    window = array(hermdomain)
    basis_name = "H"
