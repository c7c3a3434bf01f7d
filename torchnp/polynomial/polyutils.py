"""Helpers shared by the polynomial modules: series as 1-d arrays, trimming, domains, and the
algorithms every basis runs the same way (addition, division, powers, products of roots, fits, the
2-d / 3-d values and Vandermonde matrices).

torchnp implementation of :mod:`numpy.polynomial.polyutils`. The values that decide a result's
shape are read back, each line marked: trailing zeros, the leading coefficient of a divisor, the
rank of a fit.
"""
import functools
import operator
import warnings

import numpy
from numpy.polynomial.polyutils import format_float     # host-side text: NumPy's own

from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion as _promotion
from torchnp._core.ndarray import ndarray
from torchnp._creation import array, asanyarray, asarray, zeros
from torchnp._indexing import nonzero, where
from torchnp._math_ufuncs import absolute, sqrt, square
from torchnp._polynomial import check_fit_points as _check_fit_points
from torchnp._sorting import sort
from torchnp.linalg import lstsq

__all__ = ["as_series", "trimseq", "trimcoef", "getdomain", "mapdomain", "mapparms",
           "format_float"]

_INTEGER_CODES = "?bBhHiIlLqQpP"


def trimseq(seq):
    """The sequence without its trailing zeros (one element at least).

    torchnp implementation of :func:`numpy.polynomial.polyutils.trimseq`.
    """
    if len(seq) == 0 or seq[-1] != 0:     # host-sync: trailing zeros decide the length
        return seq
    kept = nonzero(asarray(seq))[0]
    return seq[:int(kept[-1]) + 1 if len(kept) else 1]     # host-sync: the length


def as_series(alist, trim=True):
    """The arrays of ``alist`` as 1-d series of one common inexact type (copies).

    torchnp implementation of :func:`numpy.polynomial.polyutils.as_series`.
    """
    # one device first: the trimming below reads values
    arrays = [array(convert.wrap_array(t), ndmin=1, copy=None) for t in convert.operands(*alist)]
    for a in arrays:
        if a.size == 0:
            raise ValueError("Coefficient array is empty")
        if a.ndim != 1:
            raise ValueError("Coefficient array is not 1-d")
    if trim:
        arrays = [trimseq(a) for a in arrays]
    try:
        dt = _promotion.common_type(*arrays)
    except TypeError as e:
        raise ValueError("Coefficient arrays have no common type") from e
    return [array(a, dtype=dt, copy=True) for a in arrays]


def trimcoef(c, tol=0):
    """The series without its trailing coefficients of magnitude ``tol`` or less.

    torchnp implementation of :func:`numpy.polynomial.polyutils.trimcoef`.
    """
    if tol < 0:
        raise ValueError("tol must be non-negative")
    [c] = as_series([c])
    [ind] = nonzero(absolute(c) > tol)
    if len(ind) == 0:
        return c[:1] * 0
    return c[:int(ind[-1]) + 1].copy()     # host-sync: the length


def getdomain(x):
    """The smallest interval (a rectangle, for complex points) holding the points ``x``.

    torchnp implementation of :func:`numpy.polynomial.polyutils.getdomain`.
    """
    [x] = as_series([x], trim=False)
    if x.dtype.char in numpy.typecodes["Complex"]:
        # NumPy makes Python complex numbers of the corners: complex128 in any case
        lo = x.real.min().astype(numpy.complex128) + x.imag.min() * 1j
        hi = x.real.max().astype(numpy.complex128) + x.imag.max() * 1j
        return array((lo, hi))
    return array((x.min(), x.max()))


def mapparms(old, new):
    """The offset and scale of the linear map taking the interval ``old`` to ``new``.

    torchnp implementation of :func:`numpy.polynomial.polyutils.mapparms`.
    """
    # the ends are read one by one (0-d arrays join any device): a domain computed on a GPU
    # meets the classes' default windows, which live on the CPU
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    off = (old[1] * new[0] - old[0] * new[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapdomain(x, old, new):
    """The points ``x`` mapped linearly from the interval ``old`` to ``new``.

    torchnp implementation of :func:`numpy.polynomial.polyutils.mapdomain`.
    """
    if type(x) not in (int, float, complex) and not isinstance(x, numpy.generic):
        x = asanyarray(x)
    off, scl = mapparms(old, new)
    return off + scl * x


# ----- shared by the basis modules ---------------------------------------------------------------
def _as_int(x, desc):
    try:
        return operator.index(x)
    except TypeError as e:
        raise TypeError(f"{desc} must be an integer, received {x}") from e


def _coef_copy(c):
    """``c`` as a fresh array of at least one dimension; integers and booleans as float64."""
    c = array(c, ndmin=1, copy=True)
    return c.astype(numpy.float64) if c.dtype.char in _INTEGER_CODES else c


def _is_array(x):
    return isinstance(x, (ndarray, numpy.ndarray))


def _add(c1, c2):
    """The sum of two series (in any basis: addition is coefficient by coefficient)."""
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] += c2
        return trimseq(c1)
    c2[:c1.size] += c1
    return trimseq(c2)


def _sub(c1, c2):
    """The difference of two series."""
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] -= c2
        return trimseq(c1)
    c2 = -c2
    c2[:c1.size] += c1
    return trimseq(c2)


def _div_cases(c1, c2):
    """Division's series (copies), its check, and its result where no long division is needed
    (else None)."""
    [c1, c2] = as_series([c1, c2])
    if c2[-1] == 0:                        # host-sync: division by the zero series
        raise ZeroDivisionError
    if len(c1) < len(c2):
        return c1, c2, (c1[:1] * 0, c1)
    if len(c2) == 1:
        return c1, c2, (c1 / c2[-1], c1[:1] * 0)
    return c1, c2, None


def _div(mul_f, c1, c2):
    """Quotient and remainder of two series by long division, products by ``mul_f``."""
    c1, c2, done = _div_cases(c1, c2)
    if done is not None:
        return done
    lc1, lc2 = len(c1), len(c2)
    quo = zeros(lc1 - lc2 + 1, dtype=c1.dtype, device=c1.device)
    rem = c1
    for i in range(lc1 - lc2, -1, -1):
        p = mul_f([0] * i + [1], c2)
        q = rem[-1] / p[-1]
        rem = rem[:-1] - q * p[:-1]
        quo[i] = q
    return quo, trimseq(rem)


def _pow(mul_f, c, pow, maxpower):
    """A series raised to a non-negative integer power, products by ``mul_f``."""
    [c] = as_series([c])
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    if maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    if power == 0:
        return array([1], dtype=c.dtype, device=c.device)
    prd = c
    for _ in range(power - 1):
        prd = mul_f(prd, c)
    return prd


def _fromroots(line_f, mul_f, roots):
    """The series with the given roots: the product of the lines ``x - r``, pairwise."""
    if len(roots) == 0:
        return array([1.0])
    [roots] = as_series([roots], trim=False)
    p = [line_f(-r, 1) for r in sort(roots)]
    while len(p) > 1:
        m, r = divmod(len(p), 2)
        tmp = [mul_f(p[i], p[i + m]) for i in range(m)]
        if r:
            tmp[0] = mul_f(tmp[0], p[-1])
        p = tmp
    return p[0]


def _valnd(val_f, c, *args):
    """The series ``c`` at the points ``(x, y[, z])``, which must have one shape."""
    args = [asanyarray(a) for a in args]
    shape0 = args[0].shape
    if not all(a.shape == shape0 for a in args[1:]):
        names = {3: "x, y, z", 2: "x, y"}
        raise ValueError(f"{names[len(args)]} are incompatible" if len(args) in names
                         else "ordinates are incompatible")
    c = val_f(args[0], c)
    for xi in args[1:]:
        c = val_f(xi, c, tensor=False)
    return c


def _gridnd(val_f, c, *args):
    """The series ``c`` on the Cartesian product of the points."""
    for xi in args:
        c = val_f(xi, c)
    return c


def _nth_slice(i, ndim):
    sl = [None] * ndim
    sl[i] = slice(None)
    return tuple(sl)


def _vander_nd(vander_fs, points, degrees):
    """The pseudo-Vandermonde array of several variables (one axis per variable's degree)."""
    n_dims = len(vander_fs)
    if n_dims != len(points):
        raise ValueError(f"Expected {n_dims} dimensions of sample points, got {len(points)}")
    if n_dims != len(degrees):
        raise ValueError(f"Expected {n_dims} dimensions of degrees, got {len(degrees)}")
    points = tuple(asarray(tuple(points)) + 0.0)
    vander_arrays = (vander_fs[i](points[i], degrees[i])[(...,) + _nth_slice(i, n_dims)]
                     for i in range(n_dims))
    return functools.reduce(operator.mul, vander_arrays)


def _vander_nd_flat(vander_fs, points, degrees):
    """``_vander_nd`` with the degree axes flattened into one."""
    v = _vander_nd(vander_fs, points, degrees)
    return v.reshape(v.shape[:-len(degrees)] + (-1,))


def _fit_degrees(deg):
    deg = asarray(deg)
    if deg.ndim > 1 or deg.dtype.kind not in "iu" or deg.size == 0:
        raise TypeError("deg must be an int or non-empty 1-D array of int")
    if deg.min() < 0:                      # host-sync: a check of the argument
        raise ValueError("expected deg >= 0")
    return deg


def _fit(vander_f, x, y, deg, rcond=None, full=False, w=None):
    """The least-squares fit of a series to the points ``(x, y)``: NumPy's algorithm (columns
    scaled to unit norm, then ``linalg.lstsq``)."""
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    deg = _fit_degrees(deg)
    _check_fit_points(x, y)
    if deg.ndim == 0:
        lmax = int(deg)                    # host-sync: the degree
        order = lmax + 1
        van = vander_f(x, lmax)
    else:
        deg = sort(deg)
        lmax = int(deg[-1])                # host-sync: the degree
        order = len(deg)
        van = vander_f(x, lmax)[:, deg]
    lhs, rhs = van.T, y.T
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected 1D vector for w")
        if len(x) != len(w):
            raise TypeError("expected x and w to have same length")
        lhs = lhs * w
        rhs = rhs * w
    given_rcond = rcond
    if rcond is None:
        rcond = len(x) * _dtypes.finfo(x.dtype).eps
    scl = sqrt((square(lhs.real) + square(lhs.imag)).sum(1)) if lhs.dtype.kind == "c" \
        else sqrt(square(lhs).sum(1))
    scl = where(scl == 0, 1, scl)          # (NumPy assigns in place; autograd saved scl)
    c, resids, rank, s = lstsq(lhs.T / scl, rhs.T, rcond)
    c = (c.T / scl).T
    if deg.ndim > 0:
        cc = zeros((lmax + 1,) + c.shape[1:], dtype=c.dtype, device=c.device)
        cc[deg] = c
        c = cc
    if rank != order and not full:
        warnings.warn("The fit may be poorly conditioned", numpy.exceptions.RankWarning,
                      stacklevel=3)
    if full:       # the rcond computed here is a NumPy float64 scalar: a scalar-like 0-d array
        return c, [resids, rank, s, rcond if given_rcond is not None else asarray(rcond)[()]]
    return c
