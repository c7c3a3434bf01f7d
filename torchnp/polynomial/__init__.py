"""``torchnp.polynomial``: series in the power, Chebyshev, Legendre, Hermite, HermiteE and
Laguerre bases, as functions (one module per basis) and as classes.

torchnp implementation of :mod:`numpy.polynomial`. One implementation serves every basis
(``_basis.Basis``, from each basis's three-term recurrence) and one class every series class
(``_polybase.ABCPolyBase``); the computing is torchnp's own functions on the coefficients' device.
"""
from torchnp.polynomial import polyutils
from torchnp.polynomial import polynomial, chebyshev, legendre, hermite, hermite_e, laguerre
from torchnp.polynomial._polybase import ABCPolyBase
from torchnp.polynomial.chebyshev import Chebyshev
from torchnp.polynomial.hermite import Hermite
from torchnp.polynomial.hermite_e import HermiteE
from torchnp.polynomial.laguerre import Laguerre
from torchnp.polynomial.legendre import Legendre
from torchnp.polynomial.polynomial import Polynomial

__all__ = ["set_default_printstyle", "polynomial", "Polynomial", "chebyshev", "Chebyshev",
           "legendre", "Legendre", "hermite", "Hermite", "hermite_e", "HermiteE", "laguerre",
           "Laguerre"]


def set_default_printstyle(style):
    """How series print by default: 'unicode' (superscripts, ``·``) or 'ascii'.

    torchnp implementation of :func:`numpy.polynomial.set_default_printstyle`.
    """
    if style not in ("unicode", "ascii"):
        raise ValueError(f"Unsupported format string '{style}'. Valid options are 'ascii' "
                         f"and 'unicode'")
    ABCPolyBase._use_unicode = style == "unicode"
