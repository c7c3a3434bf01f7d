"""The series classes' common base: ``Polynomial``, ``Chebyshev``, ... differ only by their basis
(the functions of ``_basis.Basis``), their default domain and window, and their NumPy twin, which
prints them.

torchnp implementation of ``numpy.polynomial._polybase.ABCPolyBase``. Printing (``str``,
``format``, ``_repr_latex_``) is host-side text: NumPy's own class formats a host copy.
"""
import numbers
import os

import numpy

from torchnp._creation import linspace
from torchnp._logic import all as _all
from torchnp.polynomial import polyutils as pu


def _part(res, i):
    """The quotient (0) or remainder (1) of a divmod result, or NotImplemented."""
    return res if res is NotImplemented else res[i]


class ABCPolyBase:
    """A series in one basis, with a domain mapped linearly onto the basis's window."""
    __hash__ = None
    __array_ufunc__ = None
    maxpower = 100
    _use_unicode = not os.name == "nt"
    _basis = None               # the Basis of a subclass
    _numpy_class = None         # NumPy's class of the same name (printing)
    domain = None
    window = None
    basis_name = None

    def __init__(self, coef, domain=None, window=None, symbol="x"):
        [coef] = pu.as_series([coef], trim=False)
        self.coef = coef
        if domain is not None:
            [domain] = pu.as_series([domain], trim=False)
            if len(domain) != 2:
                raise ValueError("Domain has wrong number of elements.")
            self.domain = domain
        if window is not None:
            [window] = pu.as_series([window], trim=False)
            if len(window) != 2:
                raise ValueError("Window has wrong number of elements.")
            self.window = window
        if not isinstance(symbol, str):
            raise TypeError("Symbol must be a non-empty string")
        if not symbol.isidentifier():
            raise ValueError("Symbol string must be a valid Python identifier")
        self._symbol = symbol

    @property
    def symbol(self):
        return self._symbol

    # ----- comparisons
    def has_samecoef(self, other):
        """Whether the coefficients are the same."""
        return len(self.coef) == len(other.coef) and bool(_all(self.coef == other.coef))

    def has_samedomain(self, other):
        """Whether the domains are the same."""
        return bool(_all(self.domain == other.domain))

    def has_samewindow(self, other):
        """Whether the windows are the same."""
        return bool(_all(self.window == other.window))

    def has_sametype(self, other):
        """Whether ``other`` is of this class."""
        return isinstance(other, self.__class__)

    def _get_coefficients(self, other):
        if not isinstance(other, ABCPolyBase):
            return other
        if not isinstance(other, self.__class__):
            raise TypeError("Polynomial types differ")
        if not self.has_samedomain(other):
            raise TypeError("Domains differ")
        if not self.has_samewindow(other):
            raise TypeError("Windows differ")
        if self.symbol != other.symbol:
            raise ValueError("Polynomial symbols differ")
        return other.coef

    def __eq__(self, other):
        return (isinstance(other, self.__class__) and self.has_samedomain(other)
                and self.has_samewindow(other) and self.coef.shape == other.coef.shape
                and bool(_all(self.coef == other.coef)) and self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    # ----- text: NumPy's class on a host copy
    def _host(self):
        return self._numpy_class(numpy.asarray(self.coef), numpy.asarray(self.domain),
                                 numpy.asarray(self.window), self.symbol)

    def __repr__(self):
        coef, domain, window = (repr(numpy.asarray(a))[6:-1]
                                for a in (self.coef, self.domain, self.window))
        return (f"{type(self).__name__}({coef}, domain={domain}, window={window}, "
                f"symbol='{self.symbol}')")

    def __format__(self, fmt_str):
        if fmt_str == "":
            return self.__str__()
        return format(self._host(), fmt_str)

    def __str__(self):
        return format(self._host(), "unicode" if self._use_unicode else "ascii")

    def _repr_latex_(self):
        return self._host()._repr_latex_()

    # ----- values
    def __call__(self, arg):
        if isinstance(arg, ABCPolyBase):           # composition (convert, cast)
            off, scl = self.mapparms()
            arg = arg * scl + off
        else:
            arg = pu.mapdomain(arg, self.domain, self.window)
        return self._basis.val(arg, self.coef)

    def __iter__(self):
        return iter(self.coef)

    def __len__(self):
        return len(self.coef)

    # ----- arithmetic
    def _new(self, coef):
        return self.__class__(coef, self.domain, self.window, self.symbol)

    def __neg__(self):
        return self._new(-self.coef)

    def __pos__(self):
        return self

    def _binary(self, fn, first, second):
        try:
            return self._new(fn(first, second))
        except Exception:       # noqa: BLE001 - NumPy's rule: the other operand may know how
            return NotImplemented

    def __add__(self, other):
        return self._binary(self._basis.add, self.coef, self._get_coefficients(other))

    def __sub__(self, other):
        return self._binary(self._basis.sub, self.coef, self._get_coefficients(other))

    def __mul__(self, other):
        return self._binary(self._basis.mul, self.coef, self._get_coefficients(other))

    def __radd__(self, other):
        return self._binary(self._basis.add, other, self.coef)

    def __rsub__(self, other):
        return self._binary(self._basis.sub, other, self.coef)

    def __rmul__(self, other):
        return self._binary(self._basis.mul, other, self.coef)

    def __truediv__(self, other):
        if not isinstance(other, numbers.Number) or isinstance(other, bool):
            raise TypeError(f"unsupported types for true division: "
                            f"'{type(self)}', '{type(other)}'")
        return self.__floordiv__(other)

    def __rtruediv__(self, other):
        return NotImplemented

    def _divmod(self, first, second):
        try:
            quo, rem = self._basis.div(first, second)
        except ZeroDivisionError:
            raise
        except Exception:       # noqa: BLE001 - as in the other binary operators
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __divmod__(self, other):
        return self._divmod(self.coef, self._get_coefficients(other))

    def __rdivmod__(self, other):
        return self._divmod(other, self.coef)

    def __floordiv__(self, other):
        return _part(self.__divmod__(other), 0)

    def __mod__(self, other):
        return _part(self.__divmod__(other), 1)

    def __rfloordiv__(self, other):
        return _part(self.__rdivmod__(other), 0)

    def __rmod__(self, other):
        return _part(self.__rdivmod__(other), 1)

    def __pow__(self, other):
        return self._new(self._basis.pow(self.coef, other, maxpower=self.maxpower))

    # ----- methods
    def copy(self):
        """A copy of the series."""
        return self._new(self.coef)

    def degree(self):
        """The degree of the series (the number of coefficients less one)."""
        return len(self) - 1

    def cutdeg(self, deg):
        """The series truncated to degree ``deg``."""
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        """The series without trailing coefficients of magnitude ``tol`` or less."""
        return self._new(pu.trimcoef(self.coef, tol))

    def truncate(self, size):
        """The series truncated to ``size`` coefficients."""
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        return self._new(self.coef if isize >= len(self.coef) else self.coef[:isize])

    def convert(self, domain=None, kind=None, window=None):
        """The series as a series of class ``kind`` with the given domain and window."""
        kind = self.__class__ if kind is None else kind
        domain = kind.domain if domain is None else domain
        window = kind.window if window is None else window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    def mapparms(self):
        """Offset and scale of the map from the domain to the window."""
        return pu.mapparms(self.domain, self.window)

    def integ(self, m=1, k=[], lbnd=None):      # noqa: B006 - NumPy's signature
        """The ``m``-th integral, constants ``k`` at ``lbnd`` (in the domain)."""
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        return self._new(self._basis.int(self.coef, m, k, lbnd, 1. / scl))

    def deriv(self, m=1):
        """The ``m``-th derivative."""
        off, scl = self.mapparms()
        return self._new(self._basis.der(self.coef, m, scl))

    def roots(self):
        """The roots, in the domain."""
        return pu.mapdomain(self._basis.roots(self.coef), self.window, self.domain)

    def linspace(self, n=100, domain=None):
        """``n`` equally spaced points of the domain and the series' values there."""
        if domain is None:
            domain = self.domain
        x = linspace(domain[0], domain[1], n)
        return x, self(x)

    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None,
            symbol="x"):
        """The least-squares fit of a series to the points ``(x, y)``."""
        if domain is None:
            domain = pu.getdomain(x)
            if domain[0] == domain[1]:            # host-sync: a domain of one point widens
                domain[0] -= 1
                domain[1] += 1
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        xnew = pu.mapdomain(x, domain, window)
        res = cls._basis.fit(xnew, y, deg, w=w, rcond=rcond, full=full)
        if full:
            [coef, status] = res
            return cls(coef, domain=domain, window=window, symbol=symbol), status
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):     # noqa: B006 - NumPy's
        """The series with the given roots."""
        [roots] = pu.as_series([roots], trim=False)
        if domain is None:
            domain = pu.getdomain(roots)
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = pu.mapparms(domain, window)
        coef = cls._basis.fromroots(off + scl * roots) / scl ** len(roots)
        return cls(coef, domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        """The identity map x -> x on the domain."""
        domain = cls.domain if domain is None else domain
        window = cls.window if window is None else window
        off, scl = pu.mapparms(window, domain)
        return cls(cls._basis.line(off, scl), domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        """The basis polynomial of degree ``deg``."""
        domain = cls.domain if domain is None else domain
        window = cls.window if window is None else window
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        return cls([0] * ideg + [1], domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        """``series`` converted to this class."""
        domain = cls.domain if domain is None else domain
        window = cls.window if window is None else window
        return series.convert(domain, cls, window)
