"""Power series: ``c[0] + c[1] x + c[2] x**2 + ...``.

torchnp implementation of :mod:`numpy.polynomial.polynomial`. The functions are the power basis's
(``_basis.POWER``); each name is NumPy's.
"""
import numpy

from torchnp._creation import array
from torchnp._math import prod
from torchnp.polynomial import polyutils as pu
from torchnp.polynomial._basis import POWER
from torchnp.polynomial._polybase import ABCPolyBase

__all__ = [
    "polyzero", "polyone", "polyx", "polydomain", "polyline", "polyadd", "polysub", "polymulx",
    "polymul", "polydiv", "polypow", "polyval", "polyvalfromroots", "polyder", "polyint",
    "polyfromroots", "polyvander", "polyfit", "polytrim", "polyroots", "Polynomial", "polyval2d",
    "polyval3d", "polygrid2d", "polygrid3d", "polyvander2d", "polyvander3d", "polycompanion"]

polytrim = pu.trimcoef

polydomain = array([-1., 1.])
polyzero = array([0])
polyone = array([1])
polyx = array([0, 1])

# the basis's functions under NumPy's names (one table per module: docs/design-notes.md)
polyline = POWER.line
polyadd = POWER.add
polysub = POWER.sub
polymulx = POWER.mulx
polymul = POWER.mul
polydiv = POWER.div
polypow = POWER.pow
polyval = POWER.val
polyval2d = POWER.val2d
polyval3d = POWER.val3d
polygrid2d = POWER.grid2d
polygrid3d = POWER.grid3d
polyder = POWER.der
polyint = POWER.int
polyfromroots = POWER.fromroots
polyvander = POWER.vander
polyvander2d = POWER.vander2d
polyvander3d = POWER.vander3d
polyfit = POWER.fit
polycompanion = POWER.companion
polyroots = POWER.roots


def polyvalfromroots(x, r, tensor=True):
    """The polynomial with roots ``r`` at the points ``x``.

    torchnp implementation of :func:`numpy.polynomial.polynomial.polyvalfromroots`.
    """
    r = array(r, ndmin=1, copy=None)
    if r.dtype.char in pu._INTEGER_CODES:
        r = r.astype(numpy.float64)
    if isinstance(x, (tuple, list)):
        x = array(x, copy=None)
    if pu._is_array(x):
        if tensor:
            r = r.reshape(r.shape + (1,) * x.ndim)
        elif x.ndim >= r.ndim:
            raise ValueError("x.ndim must be < r.ndim when tensor == False")
    return prod(x - r, axis=0)


class Polynomial(ABCPolyBase):
    """A power series.

    torchnp implementation of :class:`numpy.polynomial.Polynomial`.
    """
    _basis = POWER
    _numpy_class = numpy.polynomial.Polynomial
    domain = array(polydomain)
    window = array(polydomain)
    basis_name = None
