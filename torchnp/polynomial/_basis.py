"""One implementation of the series functions, for every basis of ``numpy.polynomial``.

Each basis is a family of polynomials P_k given by its three-term recurrence

    x P_k = alpha(k) P_{k+1} + beta(k) P_k + gamma(k) P_{k-1},      P_0 = 1,

with alpha, beta, gamma exact fractions. From it follow: multiplication by x (``mulx``), values
(Clenshaw's fold, ``val``), products (the same fold over series, ``mul``), division, powers, the
pseudo-Vandermonde matrix, conversion to and from the power basis, lines, products of roots, the
companion matrix (symmetrised where the recurrence allows, as NumPy's are), roots, fits and
Gauss quadrature. Fractions are applied as NumPy's own modules write each basis's constants (a
multiplication by the numerator, a division by the denominator), so most results round as
NumPy's do. A basis adds only its derivative and antiderivative steps.
"""
import math
from fractions import Fraction

import numpy

from torchnp._creation import arange, array, asarray, diag, zeros
from torchnp._manipulation import concatenate, flip, moveaxis, stack
from torchnp._core.convert import normalize_axis_index
from torchnp._logic import all as _all
from torchnp._math import convolve
from torchnp._sorting import sort
from torchnp.linalg import eigh, eigvals
from torchnp.polynomial import polyutils as pu


def _times(t, f):
    """``t`` times the fraction ``f``: by its numerator, then divided by its denominator."""
    if f.numerator != 1:
        t = t * f.numerator
    if f.denominator != 1:
        t = t / f.denominator
    return t


def _number(f):
    """A fraction as a Python int where it is one, else a float (to meet arrays)."""
    return f.numerator if f.denominator == 1 else float(f)


def _real_dtype(c):
    return numpy.float32 if c.dtype.char in "fF" else numpy.float64


class Basis:
    """The series functions of one basis (the recurrence is a subclass's)."""
    add = staticmethod(pu._add)            # coefficient by coefficient in every basis
    sub = staticmethod(pu._sub)

    def alpha(self, k):
        raise NotImplementedError

    def beta(self, k):
        return Fraction(0)

    def gamma(self, k):
        raise NotImplementedError

    # ----- the steps a basis defines: one derivative, one antiderivative (constant term 0)
    def der_step(self, c):
        raise NotImplementedError

    def int_step(self, c):
        raise NotImplementedError

    # ----- recurrence arithmetic
    def _column(self, fractions, c, part):
        """The numerators or denominators (``part``) of ``fractions`` as a column for ``c``."""
        values = [getattr(f, part) for f in fractions]
        return asarray(values, dtype=_real_dtype(c), device=c.device).reshape(
            (-1,) + (1,) * (c.ndim - 1))

    def _scaled(self, c, fractions):
        """``c[k] * fractions[k]`` row by row, or None where every fraction is 0."""
        if not any(fractions):
            return None
        if any(f.numerator != 1 for f in fractions):
            c = c * self._column(fractions, c, "numerator")
        if any(f.denominator != 1 for f in fractions):
            c = c / self._column(fractions, c, "denominator")
        return c

    def _shift(self, k):
        """(f, sign): (x - beta(k)) / alpha(k) is f (x - beta(k)) for sign 1, f (beta(k) - x) for
        sign -1 (``f`` = |1 / alpha(k)|)."""
        f = 1 / Fraction(self.alpha(k))
        return (f, 1) if f > 0 else (-f, -1)

    def _val_shift(self, t, x, k):
        """``t * (x - beta(k)) / alpha(k)`` on values."""
        f, sign = self._shift(k)
        b = _number(Fraction(self.beta(k)))
        if b == 0:
            u = x if sign > 0 else -x
        else:
            u = x - b if sign > 0 else b - x
        return _times(u * t, f)

    def _series_shift(self, t, k, mulx):
        """``t * (x - beta(k)) / alpha(k)`` on series, ``mulx`` the multiplication by x."""
        f, sign = self._shift(k)
        b = _number(Fraction(self.beta(k)))
        if b == 0:
            u = mulx(t) if sign > 0 else -mulx(t)
        else:
            u = pu._sub(mulx(t), t * b) if sign > 0 else pu._sub(t * b, mulx(t))
        return _times(u, f)

    def _fold(self, n, term, shift, add, sub):
        """Clenshaw's fold of sum_k term(k) P_k: (c0, c1) are the coefficients of P_k, P_{k+1}
        while P_{k+1} is rewritten through the recurrence; ``shift(t, k)`` is t (x - b_k) / a_k.
        """
        if n == 1:
            c0, c1 = term(0), 0
        else:
            c0, c1 = term(n - 2), term(n - 1)
            for k in range(n - 2, 0, -1):
                ratio = Fraction(self.gamma(k)) / Fraction(self.alpha(k))
                low = term(k - 1) if ratio == 0 else sub(term(k - 1), _times(c1, ratio))
                c0, c1 = low, add(c0, shift(c1, k))
        return add(c0, shift(c1, 0))

    # ----- the series functions
    def line(self, off, scl):
        """The series of ``off + scl * x``."""
        if scl == 0:                       # host-sync: the length
            return array([off])
        b = Fraction(self.beta(0))
        first = off if b == 0 else off + _times(scl, b)
        return array([first, _times(scl, Fraction(self.alpha(0)))])

    def mulx(self, c):
        """The series times x."""
        [c] = pu.as_series([c])
        if len(c) == 1 and c[0] == 0:      # host-sync: the zero series stays as it is
            return c
        n = len(c)
        prd = zeros(n + 1, dtype=c.dtype, device=c.device)
        prd[1:] = self._scaled(c, [Fraction(self.alpha(k)) for k in range(n)])
        middle = self._scaled(c, [Fraction(self.beta(k)) for k in range(n)])
        if middle is not None:
            prd[:-1] += middle
        low = self._scaled(c[1:], [Fraction(self.gamma(k)) for k in range(1, n)])
        if low is not None:
            prd[:-2] += low
        return prd

    def mul(self, c1, c2):
        """The product of two series."""
        [c1, c2] = pu.as_series([c1, c2])
        c, xs = (c2, c1) if len(c1) > len(c2) else (c1, c2)
        return self._fold(len(c), lambda k: c[k] * xs,
                          lambda t, k: self._series_shift(t, k, self.mulx), pu._add, pu._sub)

    def div(self, c1, c2):
        """Quotient and remainder of two series."""
        return pu._div(self.mul, c1, c2)

    def pow(self, c, pow, maxpower=16):
        """A series raised to a power."""
        return pu._pow(self.mul, c, pow, maxpower)

    def val(self, x, c, tensor=True):
        """The series at the points ``x`` (with ``tensor``, every column of ``c`` at every x)."""
        c = pu._coef_copy(c)
        if isinstance(x, (tuple, list, numpy.ndarray)):
            x = asarray(x)
        if pu._is_array(x) and tensor:
            c = c.reshape(c.shape + (1,) * x.ndim)
        # the operand holding x goes first: x may be a series object (composition, ``convert``)
        return self._fold(len(c), lambda k: c[k], lambda t, k: self._val_shift(t, x, k),
                          lambda a, b: b + a, lambda a, b: -b + a)

    def val2d(self, x, y, c):
        return pu._valnd(self.val, c, x, y)

    def val3d(self, x, y, z, c):
        return pu._valnd(self.val, c, x, y, z)

    def grid2d(self, x, y, c):
        return pu._gridnd(self.val, c, x, y)

    def grid3d(self, x, y, z, c):
        return pu._gridnd(self.val, c, x, y, z)

    def vander(self, x, deg):
        """The pseudo-Vandermonde matrix: ``P_k(x)`` along a new last axis, k = 0..deg."""
        ideg = pu._as_int(deg, "deg")
        if ideg < 0:
            raise ValueError("deg must be non-negative")
        x = array(x, copy=None, ndmin=1) + 0.0
        v = [x * 0 + 1]
        for k in range(ideg):
            v.append(self._next_row(v[-1], v[-2] if k else None, x, k))
        return stack(v, axis=-1)

    def _next_row(self, v, v_prev, x, k):
        """P_{k+1}(x) from P_k and P_{k-1}: ((x - b) den v - gamma den v_prev) / num, where
        alpha(k) = num / den (NumPy's way of writing each recurrence)."""
        a, g = Fraction(self.alpha(k)), Fraction(self.gamma(k))
        num, den, b = a.numerator, a.denominator, _number(Fraction(self.beta(k)))
        if num < 0:
            num, g, b, x = -num, -g, -b, -x
        r = _times(v * (x if b == 0 else x - b), Fraction(den))
        if g != 0:
            r = r - _times(v_prev, g * den)
        return _times(r, Fraction(1, num))

    def vander2d(self, x, y, deg):
        return pu._vander_nd_flat((self.vander, self.vander), (x, y), deg)

    def vander3d(self, x, y, z, deg):
        return pu._vander_nd_flat((self.vander,) * 3, (x, y, z), deg)

    def fit(self, x, y, deg, rcond=None, full=False, w=None):
        return pu._fit(self.vander, x, y, deg, rcond, full, w)

    def fromroots(self, roots):
        """The series whose roots are ``roots``."""
        return pu._fromroots(self.line, self.mul, roots)

    def to_poly(self, c):
        """The series as power-series coefficients."""
        [c] = pu.as_series([c])
        if len(c) == 1:
            return c
        return self._fold(len(c), lambda k: c[k], lambda t, k: self._series_shift(t, k, POWER.mulx),
                          pu._add, pu._sub)

    def from_poly(self, pol):
        """Power-series coefficients as a series of this basis (Horner's rule in the basis)."""
        [pol] = pu.as_series([pol])
        res = 0
        for i in range(len(pol) - 1, -1, -1):
            res = pu._add(self.mulx(res), pol[i])
        return res

    # ----- derivatives and integrals
    def der(self, c, m=1, scl=1, axis=0):
        """The ``m``-th derivative along ``axis``, each step times ``scl``."""
        c = pu._coef_copy(c)
        cnt = pu._as_int(m, "the order of derivation")
        iaxis = pu._as_int(axis, "the axis")
        if cnt < 0:
            raise ValueError("The order of derivation must be non-negative")
        iaxis = normalize_axis_index(iaxis, c.ndim)
        if cnt == 0:
            return c
        c = moveaxis(c, iaxis, 0)
        if cnt >= len(c):
            c = c[:1] * 0
        else:
            for _ in range(cnt):
                c *= scl
                c = self.der_step(c)
        return moveaxis(c, 0, iaxis)

    def int(self, c, m=1, k=[], lbnd=0, scl=1, axis=0):     # noqa: B006 - NumPy's signature
        """The ``m``-th integral along ``axis``: constants ``k`` at ``lbnd``, steps times ``scl``.
        """
        c = pu._coef_copy(c)
        if not numpy.iterable(k):
            k = [k]
        cnt = pu._as_int(m, "the order of integration")
        iaxis = pu._as_int(axis, "the axis")
        if cnt < 0:
            raise ValueError("The order of integration must be non-negative")
        if len(k) > cnt:
            raise ValueError("Too many integration constants")
        if numpy.ndim(lbnd) != 0:
            raise ValueError("lbnd must be a scalar.")
        if numpy.ndim(scl) != 0:
            raise ValueError("scl must be a scalar.")
        iaxis = normalize_axis_index(iaxis, c.ndim)
        if cnt == 0:
            return c
        c = moveaxis(c, iaxis, 0)
        k = list(k) + [0] * (cnt - len(k))
        for ki in k:
            c *= scl
            if len(c) == 1 and bool(_all(c[0] == 0)):     # host-sync: a zero constant series
                c[0] += ki
            else:
                tmp = self.int_step(c)
                tmp[0] += ki - self.val(lbnd, tmp)
                c = tmp
        return moveaxis(c, 0, iaxis)

    # ----- companion matrix, roots, quadrature
    def _offdiagonal(self, n):
        """The symmetric recurrence's off-diagonal: sign(a_k) sqrt(a_k g_{k+1}), k < n - 1."""
        out = []
        for k in range(n - 1):
            a = Fraction(self.alpha(k))
            out.append(math.copysign(math.sqrt(a * Fraction(self.gamma(k + 1))), a))
        return out

    def _symmetric(self):
        return self.gamma(1) != 0

    def _companion_matrix(self, n, dt, device):
        """The recurrence as an n x n matrix (symmetrised when gamma is not zero)."""
        mid = [float(self.beta(k)) for k in range(n)]
        if self._symmetric():
            sub = sup = self._offdiagonal(n)
        else:
            sub, sup = [float(self.alpha(k)) for k in range(n - 1)], [0.0] * (n - 1)
        rows = [asarray(v, dtype=numpy.float64, device=device) for v in (sub, mid, sup)]
        return (diag(rows[0], -1) + diag(rows[1]) + diag(rows[2], 1)).astype(dt)

    def _column_scale(self, n):
        """scl_k / scl_{n-1}, the scaling that made the recurrence symmetric."""
        ratio = [1.0]
        for k in range(n - 2, -1, -1):
            ratio.append(ratio[-1] * math.sqrt(Fraction(self.alpha(k))
                                               / Fraction(self.gamma(k + 1))))
        return ratio[::-1]

    def companion(self, c):
        """The (scaled) companion matrix of the series: its eigenvalues are the roots."""
        [c] = pu.as_series([c])
        if len(c) < 2:
            raise ValueError("Series must have maximum degree of at least 1.")
        a0, b0 = Fraction(self.alpha(0)), Fraction(self.beta(0))
        if len(c) == 2:
            root = -_times(c[0] / c[1], a0) if b0 == 0 else _number(b0) - _times(c[0] / c[1], a0)
            return array([[root]])
        n = len(c) - 1
        mat = self._companion_matrix(n, c.dtype, c.device)
        last = c[:-1] / c[-1]
        if self._symmetric():
            last = last * asarray(self._column_scale(n), device=c.device)
        mat[:, -1] -= _times(last, Fraction(self.alpha(n - 1)))
        return mat

    _rotate = True         # NumPy takes the eigenvalues of the companion matrix turned by 180°

    def roots(self, c):
        """The roots of the series, sorted."""
        [c] = pu.as_series([c])
        if len(c) < 2:
            return array([], dtype=c.dtype, device=c.device)
        if len(c) == 2:
            return self.companion(c).reshape(-1)
        m = self.companion(c)
        r = eigvals(m[::-1, ::-1] if self._rotate else m)
        return sort(r)

    weight_integral = None     # the integral of the weight function (Gauss quadrature)

    def gauss(self, deg):
        """Gauss quadrature: the nodes (eigenvalues of the symmetric recurrence matrix) and
        the weights (Christoffel numbers, from the orthonormal polynomials at the nodes)."""
        ideg = pu._as_int(deg, "deg")
        if ideg <= 0:
            raise ValueError("deg must be a positive integer")
        x, _ = eigh(self._companion_matrix(ideg, numpy.float64, None))
        off = self._offdiagonal(ideg)
        p_prev, p = 0, x * 0 + 1 / math.sqrt(self.weight_integral)
        total = p * p
        for k in range(ideg - 1):
            p_prev, p = p, ((x - float(self.beta(k))) * p - (off[k - 1] if k else 0) * p_prev) \
                / off[k]
            total = total + p * p
        w = 1 / total
        if all(self.beta(k) == 0 for k in range(ideg)):     # symmetric about 0, as NumPy makes it
            w = (w + flip(w)) / 2
            x = (x - flip(x)) / 2
        return x, w * (self.weight_integral / w.sum())


class PowerBasis(Basis):
    """x^k: x P_k = P_{k+1}. Products are convolutions; the companion matrix is not turned."""
    _rotate = False

    def alpha(self, k):
        return Fraction(1)

    def gamma(self, k):
        return Fraction(0)

    def mul(self, c1, c2):
        [c1, c2] = pu.as_series([c1, c2])
        return pu.trimseq(convolve(c1, c2))

    def pow(self, c, pow, maxpower=None):
        return pu._pow(self.mul, c, pow, maxpower)

    def div(self, c1, c2):
        """Synthetic division by the monic divisor (NumPy's polydiv)."""
        c1, c2, done = pu._div_cases(c1, c2)
        if done is not None:
            return done
        scl = c2[-1]
        c2 = c2[:-1] / scl
        j = len(c1) - 1
        for i in range(len(c1) - len(c2) - 1, -1, -1):
            c1[i:j] -= c2 * c1[j]
            j -= 1
        return c1[j + 1:] / scl, pu.trimseq(c1[:j + 1])

    def der_step(self, c):
        return power_der_step(c)

    def int_step(self, c):
        return power_int_step(c)


POWER = PowerBasis()


def power_der_step(c):
    """d/dx of sum c_k x^k (HermiteE's too: d/dx He_k = k He_{k-1})."""
    return c[1:] * ramp(c[1:], 1)


def power_int_step(c):
    """The antiderivative of sum c_k x^k with constant term 0 (HermiteE's too)."""
    return shifted_up(c / ramp(c, 1))


def ramp(c, start):
    """start, start + 1, ..., as a column for the rows of ``c`` in ``c``'s real dtype."""
    return arange(start, start + len(c), dtype=_real_dtype(c), device=c.device).reshape(
        (-1,) + (1,) * (c.ndim - 1))


def shifted_up(c):
    """Rows of ``c`` moved one place up, ``c[0] * 0`` first (room for the constant term)."""
    return concatenate((c[:1] * 0, c))


__all__ = ["Basis", "PowerBasis", "POWER", "Fraction", "ramp", "shifted_up", "power_der_step",
           "power_int_step"]
