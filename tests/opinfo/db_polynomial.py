"""Database: polynomials, the legacy API (poly, roots, polyfit, polyval, polyadd, polysub,
polymul, polydiv, polyder, polyint; the poly1d class: tests/test_polynomial.py).

Coefficients are small (integer dtypes do not overflow where NumPy's would not either). Roots come
back in LAPACK's order, which two LAPACK builds need not share: both sides are sorted before they
are compared, by a key rounded so that conjugate pairs and repeated roots sort alike.
"""
import numpy as np

import torchnp
from opinfo.core import ALL, NUMERIC, ErrorInput, OpInfo, SampleInput

def _small(make, shape, dt):
    return make(shape, dt, low=-3, high=3)


def s_polyval(make, dt):
    yield SampleInput(_small(make, (4,), dt), _small(make, (5,), dt))
    yield SampleInput(_small(make, (3,), dt), _small(make, (2, 3), dt))
    yield SampleInput(_small(make, (3,), dt), _small(make, (), dt))         # a scalar result
    yield SampleInput(_small(make, (3,), dt), 2)                            # a weak Python scalar
    yield SampleInput(_small(make, (0,), dt), _small(make, (3,), dt))
    yield SampleInput(_small(make, (2, 2), dt), _small(make, (2,), dt))     # rows as coefficients


def s_polyaddsub(make, dt):
    yield SampleInput(_small(make, (4,), dt), _small(make, (2,), dt))
    yield SampleInput(_small(make, (2,), dt), _small(make, (4,), dt))
    yield SampleInput(_small(make, (3,), dt), _small(make, (3,), dt))
    yield SampleInput(_small(make, (1, 3), dt), _small(make, (1,), dt))     # broadcasts
    yield SampleInput(_small(make, (2, 2), dt), _small(make, (3,), dt))     # ValueError
    yield SampleInput(_small(make, (0,), dt), _small(make, (2,), dt))


def _leading_zeros(make, dt):
    a = _small(make, (4,), dt)
    a[:2] = 0
    return a


def s_polymul(make, dt):
    yield SampleInput(_small(make, (3,), dt), _small(make, (2,), dt))
    yield SampleInput(_small(make, (1,), dt), _small(make, (4,), dt))
    yield SampleInput(_small(make, (0,), dt), _small(make, (2,), dt))
    # trimmed first (not among the first three samples: gradcheck's steps would change the shape)
    yield SampleInput(_leading_zeros(make, dt), _small(make, (3,), dt))
    yield SampleInput(_small(make, (2, 2), dt), _small(make, (2,), dt))     # ValueError


def s_polydiv(make, dt):
    yield SampleInput(_small(make, (5,), dt), make((2,), dt, low=1, high=3))
    yield SampleInput(_small(make, (2,), dt), make((4,), dt, low=1, high=3))
    yield SampleInput(np.array([1, 2, 2, 1]).astype(dt), np.array([1, 1]).astype(dt))
    yield SampleInput(_small(make, (0,), dt), make((2,), dt, low=1, high=3))  # IndexError


def s_polyder(make, dt):
    p = _small(make, (5,), dt)
    yield SampleInput(p)
    yield SampleInput(p, 2)
    yield SampleInput(p, 0)
    yield SampleInput(p, 7)
    yield SampleInput(_small(make, (3, 2), dt))
    yield SampleInput(_small(make, (), dt))                                 # TypeError: len()


def s_polyint(make, dt):
    p = _small(make, (4,), dt)
    yield SampleInput(p)
    yield SampleInput(p, 2, k=_small(make, (2,), dt))
    yield SampleInput(p, 3, k=_small(make, (1,), dt))
    yield SampleInput(p, 0)
    yield SampleInput(p, 2, k=_small(make, (3,), dt))


_ROOTS = {"b": [[True, True]], "u": [[1, 6, 11, 6], [2, 3, 1, 0, 0], [0, 1, 4]],
          "i": [[1, -6, 11, -6], [0, 2, -3, 1, 0], [1, 0, 4], [-3]],
          "f": [[1, -6, 11, -6], [0, 2, -3, 1, 0], [1, 0, 4], [2.5, 1, -7.25, 0.5], [0, 0]],
          "c": [[1, -6, 11, -6], [1, -3j, -2], [1j, 0, 4], [1, 2 - 1j, 3 + 2j, -1]]}


def s_roots(make, dt):
    for p in _ROOTS[dt.kind]:
        yield SampleInput(np.array(p).astype(dt))
    yield SampleInput(_small(make, (2, 3), dt))                             # ValueError


def s_poly(make, dt):
    yield SampleInput(_small(make, (3,), dt))
    yield SampleInput(_small(make, (3, 3), dt))
    yield SampleInput(np.array([[0, -1], [1, 0]]).astype(dt))               # roots +-1j: real
    yield SampleInput(_small(make, (0,), dt))                               # the float 1.0
    yield SampleInput(_small(make, (2, 3), dt))                             # ValueError
    if dt.kind == "c":
        yield SampleInput(np.array([1 + 2j, 1 - 2j, 3]).astype(dt))         # conjugates: real


def s_polyfit(make, dt):
    x = np.array([0, 1, 2, 3, 4, 5, 7, 9]).astype(dt)
    y = make((8,), dt)
    # first, whole values with zeros among them: the bad-input sweep's base call (its bool y
    # must not be all True, whose fit has coefficients that are zero up to rounding)
    yield SampleInput(x, np.array([0, 1, 0, 2, 1, 0, 3, 1]).astype(dt), 2)
    yield SampleInput(x, y, 3, full=True)
    yield SampleInput(x, y, 1, cov=True)
    yield SampleInput(x, make((8, 2), dt), 2, cov="unscaled")
    yield SampleInput(x, y, 2, w=make((8,), dt, low=1, high=2))
    yield SampleInput(x, y, 2, rcond=1e-2, full=True)
    yield SampleInput(x, y, 9)                                              # rank deficient
    yield SampleInput(x, y, 7, cov=True)                                    # ValueError


def _sorted_roots(module, fn):
    """``fn``'s roots sorted by a rounded (imaginary, real) key computed on the host."""
    def call(*args, **kwargs):
        res = fn(*args, **kwargs)
        if not isinstance(res, (np.ndarray, torchnp.ndarray)):
            return res
        host = np.asarray(res)
        order = np.lexsort((np.round(host.real, 6), np.round(host.imag, 6)))
        return res[module.asarray(order)] if isinstance(res, torchnp.ndarray) else res[order]
    return call


# fits are computed in float64 / complex128 from inputs (and weighted inputs) of the sample's dtype
_FIT_TOL = {d: {2: (1e-3, 1e-4), 4: (1e-5, 1e-6), 8: (1e-5, 1e-6)}.get(d.itemsize, (1e-8, 1e-10))
            if d.kind in "fc" and d != np.dtype("complex128") else (1e-8, 1e-10) for d in NUMERIC}
_ROOT_TOL = {d: (1e-4, 1e-5) if d in (np.dtype("float32"), np.dtype("complex64"))
             else (1e-10, 1e-12) for d in ALL}

op_db_polynomial = [
    OpInfo("polyval", dtypes=ALL, samples=s_polyval, supports_grad=True,
           errors=[ErrorInput(SampleInput(3, 2), TypeError, exact_message=True)]),
    OpInfo("polyadd", dtypes=ALL, samples=s_polyaddsub, supports_grad=True),
    OpInfo("polysub", dtypes=ALL, samples=s_polyaddsub, supports_grad=True),
    OpInfo("polymul", dtypes=ALL, samples=s_polymul, supports_grad=True),
    OpInfo("polydiv", dtypes=ALL, samples=s_polydiv, supports_grad=True),
    OpInfo("polyder", dtypes=ALL, samples=s_polyder, supports_grad=True,
           errors=[ErrorInput(SampleInput(np.ones(3), -1), ValueError, exact_message=True)]),
    OpInfo("polyint", dtypes=ALL, samples=s_polyint, supports_grad=True,
           errors=[ErrorInput(SampleInput(np.ones(3), -1), ValueError, exact_message=True),
                   ErrorInput(SampleInput(np.ones(3), 3, [1, 2]), ValueError,
                              exact_message=True)]),
    OpInfo("roots", dtypes=ALL, samples=s_roots, tol=_ROOT_TOL,
           op=_sorted_roots(torchnp, torchnp.roots), ref=_sorted_roots(np, np.roots),
           errors=[ErrorInput(SampleInput(np.array([1.0, np.nan])), np.linalg.LinAlgError,
                              exact_message=True),
                   ErrorInput(SampleInput(np.ones(3, np.float16)), TypeError, exact_message=True),
                   ErrorInput(SampleInput(3.0), TypeError, exact_message=True)]),
    OpInfo("poly", dtypes=ALL, samples=s_poly, tol=_ROOT_TOL,
           errors=[ErrorInput(SampleInput(np.zeros((0, 0))), ValueError, exact_message=True),
                   ErrorInput(SampleInput(np.ones((2, 2), np.float16)), TypeError,
                              exact_message=True)]),
    OpInfo("polyfit", dtypes=NUMERIC, samples=s_polyfit, tol=_FIT_TOL,
           supports_grad=True,
           errors=[ErrorInput(SampleInput(np.arange(4.0), np.ones(4), -1), ValueError,
                              exact_message=True),
                   ErrorInput(SampleInput(np.ones((4, 1)), np.ones(4), 1), TypeError,
                              exact_message=True),
                   ErrorInput(SampleInput(np.arange(4.0), np.ones(3), 1), TypeError,
                              exact_message=True),
                   ErrorInput(SampleInput(np.arange(4.0), np.ones(4), 1, w=np.ones(3)),
                              TypeError, exact_message=True)]),
]
