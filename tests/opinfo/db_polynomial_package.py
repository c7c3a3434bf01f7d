"""Database: numpy.polynomial — the functions of the six basis modules and of polyutils (the
series classes: tests/test_polynomial_package.py).

The six modules share their functions' shapes, so one sample generator serves each kind of
function in every basis (``_KINDS``); the entries are made per module from NumPy's own names.
Coefficients are small. Series results are computed in float64 / complex128 (integers become
float64), by algorithms that round as NumPy's do in most places but not all (products and
conversions go through each basis's recurrence, as NumPy's modules do only for some bases):
tolerances are relative and absolute. Roots are sorted by a rounded key on both sides.
"""
import numpy as np

from opinfo.core import OpInfo, SampleInput
from opinfo.db_polynomial import _sorted_roots

import torchnp

_DTYPES = ("float64", "float32", "complex128", "int64")
_TOL = {"float64": (1e-9, 1e-11), "complex128": (1e-9, 1e-11), "int64": (1e-9, 1e-11),
        "float32": (1e-4, 1e-5)}
_ROOT_TOL = {"float64": (1e-7, 1e-9), "complex128": (1e-7, 1e-9), "int64": (1e-7, 1e-9),
             "float32": (1e-3, 1e-4)}
_PREFIX = {"polynomial": "poly", "chebyshev": "cheb", "legendre": "leg", "hermite": "herm",
           "hermite_e": "herme", "laguerre": "lag"}


def _c(make, dt, *shape):
    return make(shape, dt, low=-3, high=3)


def _x(make, dt, *shape):
    return make(shape, dt, low=-1, high=1)


def _lead(make, dt, n):
    """Coefficients whose last one is not zero (a divisor, a polynomial of degree n - 1)."""
    c = _c(make, dt, n)
    c[-1] = 2
    return c


# ----- samples, by kind of function ---------------------------------------------------------------
def s_binary(make, dt):
    yield SampleInput(_c(make, dt, 4), _c(make, dt, 3))
    yield SampleInput(_c(make, dt, 2), _c(make, dt, 5))
    yield SampleInput(_c(make, dt, 1), _c(make, dt, 3))
    yield SampleInput(_c(make, dt, 2, 2), _c(make, dt, 3))                  # not 1-d
    yield SampleInput(np.zeros(0, dt), _c(make, dt, 3))                     # empty


def s_div(make, dt):
    yield SampleInput(_c(make, dt, 5), _lead(make, dt, 2))
    yield SampleInput(_c(make, dt, 2), _lead(make, dt, 4))
    yield SampleInput(_c(make, dt, 3), _lead(make, dt, 1))
    yield SampleInput(_c(make, dt, 3), np.zeros(2, dt))                     # ZeroDivisionError


def s_pow(make, dt):
    yield SampleInput(_c(make, dt, 3), 2)
    yield SampleInput(_c(make, dt, 2), 0)
    yield SampleInput(_c(make, dt, 2), 1)
    yield SampleInput(_c(make, dt, 2), 5)
    yield SampleInput(_c(make, dt, 2), 17)           # too large, except for polypow
    yield SampleInput(_c(make, dt, 2), -1)
    yield SampleInput(_c(make, dt, 2), 1.5)


def s_mulx(make, dt):
    yield SampleInput(_c(make, dt, 4))
    yield SampleInput(_c(make, dt, 1))
    yield SampleInput(_c(make, dt, 3))
    yield SampleInput(np.zeros(1, dt))        # fourth: gradcheck's steps would change the shape


def s_val(make, dt):
    yield SampleInput(_x(make, dt, 5), _c(make, dt, 4))
    yield SampleInput(_x(make, dt, 2, 3), _c(make, dt, 3, 2))
    yield SampleInput(_x(make, dt), _c(make, dt, 3))
    yield SampleInput(0.5, _c(make, dt, 4))
    yield SampleInput(_x(make, dt, 3), _c(make, dt, 4, 3), tensor=False)
    yield SampleInput(_x(make, dt, 4), _c(make, dt, 1))


def s_val2d(make, dt):
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 4), _c(make, dt, 3, 2))
    yield SampleInput(_x(make, dt, 2, 2), _x(make, dt, 2, 2), _c(make, dt, 2, 2))
    yield SampleInput(_x(make, dt, 3), _x(make, dt, 4), _c(make, dt, 2, 2))     # ValueError


def s_val3d(make, dt):
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 4), _x(make, dt, 4), _c(make, dt, 2, 3, 2))
    yield SampleInput(_x(make, dt, 3), _x(make, dt, 3), _x(make, dt, 2), _c(make, dt, 2, 2, 2))


def s_grid2d(make, dt):
    yield SampleInput(_x(make, dt, 3), _x(make, dt, 4), _c(make, dt, 3, 2))
    yield SampleInput(_x(make, dt, 2), _x(make, dt, 2, 2), _c(make, dt, 2, 3, 2))


def s_grid3d(make, dt):
    yield SampleInput(_x(make, dt, 2), _x(make, dt, 3), _x(make, dt, 2), _c(make, dt, 2, 2, 3))


def s_der(make, dt):
    yield SampleInput(_c(make, dt, 5))
    yield SampleInput(_c(make, dt, 5), 2, 0.5)
    yield SampleInput(_c(make, dt, 4, 3), 1, 1, 1)
    yield SampleInput(_c(make, dt, 6), 3, axis=-1)
    yield SampleInput(_c(make, dt, 3), 5)
    yield SampleInput(_c(make, dt, 3), 0)
    yield SampleInput(_c(make, dt, 3), -1)                                  # ValueError
    yield SampleInput(_c(make, dt, 3), 1.5)                                 # TypeError
    yield SampleInput(_c(make, dt, 3), 1, axis=2)                           # AxisError


def s_int(make, dt):
    yield SampleInput(_c(make, dt, 4))
    yield SampleInput(_c(make, dt, 4), 2, [1, 2], 0.5, 2)
    yield SampleInput(_c(make, dt, 3, 2), 1, [], 0, 1, 1)
    yield SampleInput(np.zeros(1, dt), 2, [3])                              # a zero series
    yield SampleInput(_c(make, dt, 5), 3, 1.5, -1)
    yield SampleInput(_c(make, dt, 3), -1)                                  # ValueError
    yield SampleInput(_c(make, dt, 3), 1, [1, 2])                           # ValueError
    yield SampleInput(_c(make, dt, 3), 1, [], [0, 1])                       # ValueError


def s_vander(make, dt):
    yield SampleInput(_x(make, dt, 5), 3)
    yield SampleInput(_x(make, dt, 2, 3), 2)
    yield SampleInput(_x(make, dt, 3), 0)
    yield SampleInput(_x(make, dt), 4)
    yield SampleInput(_x(make, dt, 3), -1)                                  # ValueError
    yield SampleInput(_x(make, dt, 3), 1.5)                                 # TypeError


def s_vander2d(make, dt):
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 4), [2, 1])
    yield SampleInput(_x(make, dt, 2, 2), _x(make, dt, 2, 2), [1, 1])
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 4), [2])                # ValueError


def s_vander3d(make, dt):
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 4), _x(make, dt, 4), [1, 2, 1])


def s_fit(make, dt):
    x = np.linspace(-1, 1, 8).astype(dt) if dt.kind != "i" else np.arange(8).astype(dt)
    # first, whole values with zeros among them: the bad-input sweep's base call (its bool y
    # must not be all True, whose fit has coefficients that are zero up to rounding)
    yield SampleInput(x, np.array([1, 0, 0, 2, 1, 0, 3, 4]).astype(dt), 3)
    yield SampleInput(x, _c(make, dt, 8, 2), 2)
    yield SampleInput(x, _c(make, dt, 8), [0, 2])
    yield SampleInput(x, _c(make, dt, 8), 2, None, True)
    yield SampleInput(x, _c(make, dt, 8), 2, w=make((8,), dt, low=1, high=2))
    yield SampleInput(x, _c(make, dt, 8), -1)                               # ValueError
    yield SampleInput(x.reshape(2, 4), _c(make, dt, 8), 1)                  # TypeError
    yield SampleInput(x, _c(make, dt, 7), 1)                                # TypeError
    yield SampleInput(x, _c(make, dt, 8), 1.5)                              # TypeError


def s_roots(make, dt):
    yield SampleInput(_lead(make, dt, 4))
    yield SampleInput(_lead(make, dt, 6))
    yield SampleInput(_lead(make, dt, 2))
    yield SampleInput(_c(make, dt, 1))


def s_companion(make, dt):
    yield SampleInput(_lead(make, dt, 4))
    yield SampleInput(_lead(make, dt, 2))
    yield SampleInput(_c(make, dt, 1))                                      # ValueError


def s_fromroots(make, dt):
    yield SampleInput(_x(make, dt, 3))
    yield SampleInput(_x(make, dt, 1))
    yield SampleInput(np.zeros(0, dt))


def s_line(make, dt):
    # one array at most: a 0-d array joins any device, so two of them never mix devices
    yield SampleInput(_c(make, dt), 2)
    yield SampleInput(-1, _c(make, dt))
    yield SampleInput(3, 2)
    yield SampleInput(1.5, 0)


def s_convert(make, dt):
    yield SampleInput(_c(make, dt, 4))
    yield SampleInput(_c(make, dt, 2))
    yield SampleInput(_c(make, dt, 1))


def s_gauss(make, dt):
    yield SampleInput(5)
    yield SampleInput(1)
    yield SampleInput(12)
    yield SampleInput(0)                                                    # ValueError
    yield SampleInput(2.5)                                                  # TypeError


def s_weight(make, dt):
    yield SampleInput(make((5,), dt, low=-0.9, high=0.9))


# kind: (sample generator, tolerance table)
_KINDS = {"add": s_binary, "sub": s_binary, "mul": s_binary, "div": s_div, "pow": s_pow,
          "mulx": s_mulx, "val": s_val, "val2d": s_val2d, "val3d": s_val3d, "grid2d": s_grid2d,
          "grid3d": s_grid3d, "der": s_der, "int": s_int, "vander": s_vander,
          "vander2d": s_vander2d, "vander3d": s_vander3d, "fit": s_fit, "companion": s_companion,
          "fromroots": s_fromroots, "line": s_line}


def _entries(module, prefix):
    name = f"polynomial.{module}.{prefix}"
    out = [OpInfo(name + kind, dtypes=_DTYPES, samples=samples, tol=_TOL, supports_compile=False,
                  supports_grad=kind != "line")
           for kind, samples in _KINDS.items()]
    roots = name + "roots"
    out.append(OpInfo(roots, dtypes=_DTYPES, samples=s_roots, tol=_ROOT_TOL,
                      supports_compile=False,
                      op=_sorted_roots(torchnp, _resolve(torchnp, roots)),
                      ref=_sorted_roots(np, _resolve(np, roots))))
    if module != "polynomial":
        out += [OpInfo(f"polynomial.{module}.{prefix}2poly", dtypes=_DTYPES, samples=s_convert,
                       tol=_TOL, supports_compile=False),
                OpInfo(f"polynomial.{module}.poly2{prefix}", dtypes=_DTYPES, samples=s_convert,
                       tol=_TOL, supports_compile=False),
                OpInfo(name + "gauss", dtypes=("float64",), samples=s_gauss,
                       tol={"float64": (1e-12, 1e-14)}, supports_compile=False),
                OpInfo(name + "weight", dtypes=_DTYPES, samples=s_weight, tol=_TOL,
                       supports_compile=False)]
    return out


def _resolve(module, dotted):
    obj = module
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


# ----- the functions of one basis only, and polyutils ---------------------------------------------
def s_valfromroots(make, dt):
    yield SampleInput(_x(make, dt, 4), _x(make, dt, 3))
    yield SampleInput(_x(make, dt, 2), _x(make, dt, 3, 2), tensor=False)
    yield SampleInput(0.5, _x(make, dt, 3))
    yield SampleInput(_x(make, dt, 2, 2), _x(make, dt, 2), tensor=False)    # ValueError


def s_pts(make, dt):
    yield SampleInput(5)
    yield SampleInput(2)
    yield SampleInput(1)                                                    # chebpts2: ValueError
    yield SampleInput(2.5)                                                  # ValueError


def s_interpolate(make, dt):
    yield SampleInput(np.cos, 4)
    yield SampleInput(np.multiply, 3, (2.0,))
    yield SampleInput(np.cos, 0)
    yield SampleInput(np.cos, -1)                                           # ValueError
    yield SampleInput(np.cos, 1.5)                                          # TypeError


def s_trimcoef(make, dt):
    c = _c(make, dt, 5)
    c[-2:] = 0
    yield SampleInput(c)
    yield SampleInput(np.array([1, 1e-3, 1e-5, 0]).astype(dt), 1e-4)
    yield SampleInput(np.zeros(3, dt))
    yield SampleInput(c, -1)                                                # ValueError


def s_trimseq(make, dt):
    c = _c(make, dt, 5)
    c[-2:] = 0
    yield SampleInput(c)
    yield SampleInput(np.zeros(3, dt))
    yield SampleInput(np.zeros(0, dt))


def s_as_series(make, dt):
    yield SampleInput([_c(make, dt, 3), np.array([1, 0, 0])])
    yield SampleInput([_c(make, dt, 3), np.array([1.0, 0.0])], False)
    yield SampleInput([_c(make, dt, 2, 2)])                                 # ValueError


def s_getdomain(make, dt):
    yield SampleInput(_c(make, dt, 6))
    yield SampleInput(_c(make, dt, 1))


def s_mapdomain(make, dt):
    yield SampleInput(_x(make, dt, 5), np.array([-1, 1]), _x(make, dt, 2))
    yield SampleInput(0.25, [0, 1], [-1, 1])


def s_mapparms(make, dt):
    # one array at most: the intervals' ends meet as 0-d arrays, which join any device (a
    # domain on a GPU meets the classes' CPU windows)
    yield SampleInput(_x(make, dt, 2), [-1, 1])
    yield SampleInput([0, 1], _x(make, dt, 2))
    yield SampleInput([0, 1], [-1, 1])


_ONE = [
    OpInfo("polynomial.polynomial.polyvalfromroots", dtypes=_DTYPES, samples=s_valfromroots,
           tol=_TOL, supports_compile=False),
    OpInfo("polynomial.chebyshev.chebpts1", dtypes=("float64",), samples=s_pts,
           tol={"float64": (1e-14, 1e-15)}, supports_compile=False),
    OpInfo("polynomial.chebyshev.chebpts2", dtypes=("float64",), samples=s_pts,
           tol={"float64": (1e-14, 1e-15)}, supports_compile=False),
    OpInfo("polynomial.chebyshev.chebinterpolate", dtypes=("float64",), samples=s_interpolate,
           tol={"float64": (1e-12, 1e-14)}, supports_compile=False),
    OpInfo("polynomial.polyutils.trimcoef", dtypes=_DTYPES, samples=s_trimcoef,
           supports_compile=False),
    OpInfo("polynomial.polyutils.trimseq", dtypes=_DTYPES, samples=s_trimseq,
           supports_compile=False),
    OpInfo("polynomial.polyutils.as_series", dtypes=_DTYPES, samples=s_as_series,
           supports_compile=False),
    OpInfo("polynomial.polyutils.getdomain", dtypes=_DTYPES, samples=s_getdomain,
           supports_compile=False),
    OpInfo("polynomial.polyutils.mapdomain", dtypes=_DTYPES, samples=s_mapdomain, tol=_TOL,
           supports_compile=False),
    OpInfo("polynomial.polyutils.mapparms", dtypes=_DTYPES, samples=s_mapparms, tol=_TOL,
           supports_compile=False),
]

op_db_polynomial_package = [e for module, prefix in _PREFIX.items()
                            for e in _entries(module, prefix)] + _ONE
