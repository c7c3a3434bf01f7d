"""Polynomials, the legacy API: poly1d and poly, roots, polyfit, polyval, polyadd, polysub,
polymul, polydiv, polyder, polyint.

NumPy's algorithms, written against torchnp's own functions, so dtypes, devices and errors follow
from them. Constants these functions create (padding zeros, exponents, integration constants)
live on the device of the coefficients. The values that decide a result's shape or dtype are read
back, each line marked: the nonzero coefficients (``roots``), whether eigenvalues are real, the
rank of a fit, the leading zeros of a remainder. The linear algebra (eigenvalues, least squares,
an inverse) is three small torch leaves at the end, with NumPy's dtype rules and errors.
"""
import re
import warnings

import numpy
import torch

from torchnp._complex import iscomplexobj
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core.ndarray import ndarray
from torchnp._core import promotion
from torchnp._core.promotion import promote_types
from torchnp._creation import arange, asarray, eye, ones_like, zeros_like
from torchnp._indexing import nonzero
from torchnp._logic import all, isscalar
from torchnp._manipulation import (atleast_1d, broadcast_to, concatenate, flip, hstack, ravel,
                                   trim_zeros)
from torchnp._math import convolve, cumprod
from torchnp._math_ufuncs import absolute, sqrt
from torchnp._products import dot, outer
from torchnp._sorting import sort
from torchnp.exceptions import LinAlgError

RankWarning = numpy.exceptions.RankWarning
_NOT_ITERABLE = "dispatcher for __array_function__ did not return an iterable"


def _coeffs(p):
    """A poly1d's coefficients; anything else as it is (NumPy reads a poly1d as its array)."""
    return p.coeffs if isinstance(p, poly1d) else p


def _check_iterable(p):
    # NumPy's dispatcher of poly and roots iterates its argument: a scalar is a TypeError there
    try:
        iter(p)
    except TypeError:
        raise TypeError(_NOT_ITERABLE) from None


def _pad_front(a, n):
    """``a`` with zeros in front up to length ``n`` (NumPy's 1-d zeros: a 2-d ``a`` fails)."""
    if len(a) >= n:
        return a
    return concatenate((zeros_like(a, shape=(n - len(a),)), a))


# ----- from roots, to roots ----------------------------------------------------------------------

def _inexact_for_roots(dt):
    """NumPy's ``mintypecode``: float32 and the complex types stay, the rest computes in float64."""
    if dt in (_dtypes.float32, _dtypes.complex64, _dtypes.complex128):
        return dt
    return numpy.dtype(_dtypes.float64)


def _times_root(a, zero):
    """The coefficients of ``a(x) * (x - zero)``: NumPy's ``convolve(a, [1, -zero])``."""
    pad = zeros_like(a, shape=(1,))
    return concatenate((a, pad)) - zero * concatenate((pad, a))


def _conjugate_pairs(zeros):
    """Whether complex roots come in conjugate pairs (the polynomial is real)."""
    z = asarray(zeros, dtype=_dtypes.complex128)
    return bool(all(sort(z) == sort(z.conjugate())))    # host-sync: the result's dtype


def poly(seq_of_zeros):
    """The coefficients of the polynomial with the given roots (or a matrix's eigenvalues).

    torchnp implementation of :func:`numpy.poly`.
    """
    _check_iterable(seq_of_zeros)
    zeros = atleast_1d(seq_of_zeros)
    shape = zeros.shape
    if len(shape) == 2 and shape[0] == shape[1] and shape[0] != 0:
        zeros = _eigvals(zeros)
    elif len(shape) == 1:
        zeros = zeros.astype(_inexact_for_roots(zeros.dtype))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if len(zeros) == 0:
        return 1.0
    a = ones_like(zeros, shape=(1,))
    for zero in zeros:
        a = _times_root(a, zero)
    if iscomplexobj(a) and _conjugate_pairs(zeros):
        a = a.real.copy()
    return a


def roots(p):
    """The roots of a polynomial with coefficients ``p``: the eigenvalues of its companion matrix.

    torchnp implementation of :func:`numpy.roots`. The result is real when every root is (as
    NumPy's eigenvalues are), which reads the roots back from the device.
    """
    _check_iterable(p)
    p = atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    non_zero = nonzero(ravel(p))[0]
    if len(non_zero) == 0:
        return zeros_like(p, dtype=float, shape=(0,))
    first, last = non_zero[[0, -1]].tolist()       # host-sync: the roots at 0 and the degree
    trailing_zeros = len(p) - last - 1
    p = p[first:last + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(float)
    n = len(p)
    if n > 1:
        companion = eye(n - 1, k=-1, dtype=p.dtype, device=p.device)
        companion[0, :] = -p[1:] / p[0]
        found = _eigvals(companion)
    else:
        found = zeros_like(p, dtype=float, shape=(0,))
    return hstack((found, zeros_like(found, shape=(trailing_zeros,))))


# ----- calculus and arithmetic -------------------------------------------------------------------

def _integration_constants(k, m, p):
    """polyint's ``k`` as an array of at least ``m`` constants (made on ``p``'s device)."""
    if k is None:
        k = zeros_like(p, dtype=float, shape=(m,))
    k = atleast_1d(k if isinstance(k, ndarray) else asarray(k, device=p.device))
    if len(k) == 1 and m > 1:
        k = k[0] * ones_like(p, dtype=float, shape=(m,))
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    convert.on_one_device([p._t, k._t])
    return k


def _antiderivative(p, m, k):
    """``m`` integrations of ``p`` with constants ``k`` (NumPy's recursion, as a loop)."""
    for i in range(m):
        p = concatenate((p / arange(len(p), 0, -1, device=p.device), k[i:i + 1]))
    return p


def polyint(p, m=1, k=None):
    """The antiderivative (indefinite integral) of a polynomial.

    torchnp implementation of :func:`numpy.polyint`.
    """
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    truepoly = isinstance(p, poly1d)
    p = asarray(_coeffs(p))
    k = _integration_constants(k, m, p)
    val = _antiderivative(p, m, k)
    return poly1d(val) if truepoly else val


def _derivative(p):
    n = len(p) - 1
    return p[:-1] * arange(n, 0, -1, device=p.device)


def polyder(p, m=1):
    """The derivative of the specified order of a polynomial.

    torchnp implementation of :func:`numpy.polyder`.
    """
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    truepoly = isinstance(p, poly1d)
    val = asarray(_coeffs(p))
    for _ in range(m):
        val = _derivative(val)
    _derivative(val)        # NumPy's recursion differentiates the result once more: its errors
    return poly1d(val) if truepoly else val


def polyval(p, x):
    """A polynomial evaluated at specific values (Horner's scheme, as NumPy's).

    torchnp implementation of :func:`numpy.polyval`.
    """
    p = asarray(_coeffs(p))
    if isinstance(x, poly1d):
        y = 0
    else:
        x = asarray(x)
        convert.on_one_device([p._t, x._t])
        y = zeros_like(x, order="C")    # (y's layout is the products', whatever order says)
    for pv in p:
        y = y * x + pv
    return y


def _aligned(a1, a2):
    """(whether one is a poly1d, the coefficients of both, the shorter padded in front)."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = atleast_1d(_coeffs(a1)), atleast_1d(_coeffs(a2))
    n = max(len(a1), len(a2))
    return truepoly, _pad_front(a1, n), _pad_front(a2, n)


def polyadd(a1, a2):
    """The sum of two polynomials.

    torchnp implementation of :func:`numpy.polyadd`.
    """
    truepoly, a1, a2 = _aligned(a1, a2)
    val = a1 + a2
    return poly1d(val) if truepoly else val


def polysub(a1, a2):
    """The difference (subtraction) of two polynomials.

    torchnp implementation of :func:`numpy.polysub`.
    """
    truepoly, a1, a2 = _aligned(a1, a2)
    val = a1 - a2
    return poly1d(val) if truepoly else val


def polymul(a1, a2):
    """The product of two polynomials.

    torchnp implementation of :func:`numpy.polymul`.
    """
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = atleast_1d(_coeffs(a1)), atleast_1d(_coeffs(a2))
    convert.on_one_device([a1._t, a2._t])
    val = convolve(poly1d(a1).coeffs, poly1d(a2).coeffs)
    return poly1d(val) if truepoly else val


def _near_zero(r0):
    """NumPy's ``allclose(r0, 0, rtol=1e-14)``."""
    return bool(all(absolute(r0) <= 1e-8))     # host-sync: the remainder's length


def polydiv(u, v):
    """The quotient and remainder of polynomial division.

    torchnp implementation of :func:`numpy.polydiv`.
    """
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = atleast_1d(_coeffs(u)) + 0.0
    v = atleast_1d(_coeffs(v)) + 0.0
    convert.on_one_device([u._t, v._t])
    w = u[0] + v[0]
    m, n = len(u) - 1, len(v) - 1
    scale = 1. / v[0]
    q = zeros_like(w, shape=(max(m - n + 1, 1),))
    r = u.astype(w.dtype)
    for k in range(m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while _near_zero(r[0]) and r.shape[-1] > 1:
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


# ----- least-squares fit -------------------------------------------------------------------------

def _vander(x, n):
    """NumPy's ``vander(x, n)``: decreasing powers, in ``promote_types(x.dtype, int)``, made by
    repeated multiplication as NumPy's (so the same rounding)."""
    x = x.astype(promote_types(x.dtype, _dtypes.int64))
    powers = cumprod(broadcast_to(x[:, None], (len(x), n - 1)), axis=1)
    return flip(concatenate((ones_like(x, shape=(len(x), 1)), powers), axis=1), axis=1)


def _weighted(lhs, rhs, w):
    """The system with its rows scaled by the weights ``w`` (NumPy's checks and messages)."""
    w = asarray(w) + 0.0
    convert.on_one_device([lhs._t, w._t])
    if w.ndim != 1:
        raise TypeError("expected a 1-d array for weights")
    if w.shape[0] != rhs.shape[0]:
        raise TypeError("expected w and y to have the same length")
    lhs *= w[:, None]
    rhs *= w[:, None] if rhs.ndim == 2 else w
    return lhs, rhs


def _check_fit(x, y, deg):
    if deg < 0:
        raise ValueError("expected deg >= 0")
    check_fit_points(x, y)


def check_fit_points(x, y):
    """NumPy's checks of the points of a fit (``polyfit`` and ``numpy.polynomial``'s fits)."""
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")


def _covariance(lhs, scale, resids, npoints, order, cov, y_ndim):
    base = _inv(dot(lhs.T, lhs)) / outer(scale, scale)     # (NumPy's /=; inv saved its result)
    if cov == "unscaled":
        fac = 1
    else:
        if npoints <= order:
            raise ValueError("the number of data points must exceed order to scale the "
                             "covariance matrix")
        fac = resids / (npoints - order)
    return base * fac if y_ndim == 1 else base[:, :, None] * fac


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least squares polynomial fit.

    torchnp implementation of :func:`numpy.polyfit`. Warns NumPy's ``RankWarning`` when the
    scaled Vandermonde matrix is rank deficient (the rank is read back from the device).
    """
    order = int(deg) + 1
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    _check_fit(x, y, deg)
    convert.on_one_device([x._t, y._t])
    given_rcond = rcond
    if rcond is None:
        rcond = len(x) * numpy.finfo(x.dtype).eps
    lhs, rhs = _vander(x, order), y
    if w is not None:
        lhs, rhs = _weighted(lhs, rhs, w)
    scale = sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale           # NumPy's lhs /= scale, as a new array: autograd saved lhs above
    c, resids, rank, s = _lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        rank = asarray(rank, dtype=_dtypes.int32)[()]       # NumPy's lstsq: an int32 scalar
        return c, resids, rank, s, rcond if given_rcond is not None else asarray(rcond)[()]
    if cov:
        return c, _covariance(lhs, scale, resids, len(x), order, cov, y.ndim)
    return c


# ----- the poly1d class --------------------------------------------------------------------------

def _format_coefficient(c):
    """A coefficient as poly1d's str prints it (four significant digits)."""
    def fmt(q):
        return f"{q:.4g}".removesuffix(".0000")
    if c.imag == 0:
        return fmt(c.real)
    if c.real == 0:
        return f"{fmt(c.imag)}j"
    return f"({fmt(c.real)} + {fmt(c.imag)}j)"


def _terms(coeffs, var):
    """The polynomial as one line, powers written ``x**2``: NumPy's poly1d text."""
    text = "0"
    n = len(coeffs) - 1
    for k, c in enumerate(coeffs):
        coef, power = _format_coefficient(c), n - k
        if coef == "0":
            term = "0" if (power == 0 and k == 0) else ""
        elif power == 0:
            term = coef
        elif power == 1:
            term = f"{coef} {var}"
        else:
            term = f"{coef} {var}**{power}"
        if k == 0:
            text = term
        elif term:
            text += f" - {term[1:]}" if term.startswith("-") else f" + {term}"
    return text


_POWER = re.compile(r"\*\*([0-9]*)")


def _two_lines(text, wrap=70):
    """``x**2`` terms set as exponents on a line above (NumPy's layout, wrapped at 70)."""
    out, top, bottom, pos = " ", "", "", 0
    for match in _POWER.finditer(text):
        part, power = text[pos:match.start()], match.group(1)
        up = " " * (len(part) - 1) + power
        down = part + " " * (len(power) - 1)
        if len(bottom) + len(down) > wrap or len(top) + len(up) > wrap:
            out += top + "\n" + bottom + "\n "
            top, bottom = up, down
        else:
            top, bottom = top + up, bottom + down
        pos = match.end()
    return out + top + "\n" + bottom + text[pos:]


def _zero_of(coeffs):
    """A scalar zero of the coefficients' dtype, on their device (NumPy's ``dtype.type(0)``)."""
    return convert.wrap(coeffs.tensor.new_zeros(()))


class poly1d:
    """A one-dimensional polynomial.

    torchnp implementation of :class:`numpy.poly1d`: the coefficients are a torchnp array.
    """
    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if set(c_or_r.__dict__) - set(self.__dict__):
                warnings.warn("In the future extra properties will not be copied across when "
                              "constructing one poly1d from another", FutureWarning, stacklevel=2)
                self.__dict__.update(c_or_r.__dict__)
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c = atleast_1d(c_or_r)
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c = trim_zeros(c, trim="f")
        if len(c) == 0:
            c = zeros_like(c, shape=(1,))
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    # the coefficients live in __dict__['coeffs'], as NumPy's (SciPy reads them there)
    @property
    def _coeffs(self):
        return self.__dict__["coeffs"]

    @_coeffs.setter
    def _coeffs(self, coeffs):
        self.__dict__["coeffs"] = coeffs

    @property
    def coeffs(self):
        """The polynomial coefficients."""
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:       # so that ``p.coeffs *= 2`` works
            raise AttributeError("Cannot set attribute")

    @property
    def variable(self):
        """The name of the polynomial variable."""
        return self._variable

    @property
    def order(self):
        """The order or degree of the polynomial."""
        return len(self._coeffs) - 1

    @property
    def roots(self):
        """The roots of the polynomial, where self(x) == 0."""
        return roots(self._coeffs)

    r = roots
    c = coef = coefficients = coeffs
    o = order

    def __array__(self, t=None, copy=None):
        if t:
            return numpy.asarray(self.coeffs, t, copy=copy)
        return numpy.asarray(self.coeffs, copy=copy)

    def __repr__(self):
        return f"poly1d({repr(self.coeffs)[6:-1]})"

    def __str__(self):
        host = numpy.asarray(self.coeffs)            # host-sync: printing
        leading = numpy.logical_or.accumulate(host != 0)
        return _two_lines(_terms(host[leading], self.variable))

    def __len__(self):
        return self.order

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if isscalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __rmul__(self, other):
        if isscalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    __radd__ = __add__

    def __pow__(self, val):
        if not isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(val):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, poly1d(other).coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other).coeffs, self.coeffs))

    def __truediv__(self, other):
        if isscalar(other):
            return poly1d(self.coeffs / other)
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        if isscalar(other):
            return poly1d(other / self.coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return (self.coeffs == other.coeffs).all()

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        if val > self.order or val < 0:
            return _zero_of(self.coeffs)
        return self.coeffs[self.order - val]

    def __setitem__(self, key, val):
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            self._coeffs = _pad_front(self.coeffs, key + 1)
        self._coeffs[self.order - key] = val

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        """An antiderivative (indefinite integral) of this polynomial."""
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        """A derivative of this polynomial."""
        return poly1d(polyder(self.coeffs, m=m))


# ----- the linear algebra: torch leaves with NumPy's dtype rules (numpy.linalg's _commonType) ----

def _linalg_dtypes(*arrays):
    """(torch dtype to compute in, torch dtype of the result), as numpy.linalg chooses them:
    its result dtype (``promotion.lapack_dtype``), computed in double precision as NumPy's
    LAPACK calls are (torchnp.linalg itself stays in single precision: docs/differences.md)."""
    result = promotion.lapack_dtype(*(a.tensor for a in arrays))
    return (torch.complex128 if result.is_complex else torch.float64), result


def _eigvals(a):
    """numpy.linalg.eigvals of a square matrix: real when the input is real and every
    eigenvalue is."""
    compute, result = _linalg_dtypes(a)
    t = a.tensor
    if not bool(torch.isfinite(t).all()):          # host-sync: NumPy's LinAlgError
        raise LinAlgError("Array must not contain infs or NaNs")
    w = torch.linalg.eigvals(t.to(compute))
    if not t.dtype.is_complex and bool((w.imag == 0).all()):   # host-sync: the result's dtype
        return convert.wrap_array(w.real.to(result))
    return convert.wrap_array(w.to(result if result.is_complex else result.to_complex()))


def _lstsq(a, b, rcond):
    """numpy.linalg.lstsq(a, b, rcond) for a 2-d ``a``: (x, residuals, rank as an int, singular
    values). The minimum-norm solution through the SVD, singular values at most ``rcond`` times
    the largest counted as zero (LAPACK gelsd's rule, which NumPy calls)."""
    compute, result = _linalg_dtypes(a, b)
    ta, tb = a.tensor.to(compute), b.tensor.to(compute)
    one_column = tb.ndim == 1
    if one_column:
        tb = tb[:, None]
    try:
        u, s, vh = torch.linalg.svd(ta, full_matrices=False)
    except torch.linalg.LinAlgError:
        raise LinAlgError("SVD did not converge in Linear Least Squares") from None
    rcond = float(asarray(rcond))       # (strings, objects: TypeError; host-sync for an array)
    kept = s > (rcond if rcond >= 0 else torch.finfo(compute).eps) * s[0]
    rank = int(kept.sum())              # host-sync: NumPy's residuals and RankWarning need it
    x = vh.mH @ (torch.where(kept, 1 / s, 0)[:, None] * (u.mH @ tb))
    m, n = ta.shape
    real = result.to_real() if result.is_complex else result
    if rank == n and m > n:
        resids = ((tb - ta @ x).abs() ** 2).sum(0).to(real)
    else:
        resids = s.new_zeros((0,), dtype=real)
    x = x[:, 0] if one_column else x
    return (convert.wrap_array(x.to(result)), convert.wrap_array(resids), rank,
            convert.wrap_array(s.to(real)))


def _inv(a):
    """numpy.linalg.inv of a square matrix (LinAlgError when singular)."""
    compute, result = _linalg_dtypes(a)
    try:
        inverse = torch.linalg.inv(a.tensor.to(compute))
    except torch.linalg.LinAlgError:
        raise LinAlgError("Singular matrix") from None
    return convert.wrap_array(inverse.to(result))
