"""Database: the submodules NumPy code imports (``emath``)."""
import numpy as np

from opinfo.core import ALL, OpInfo, SampleInput, XFail

_VALUE_BY_DTYPE = XFail(
    "graph break under torch.compile(fullgraph=True): the result's dtype depends on the values "
    "(real or complex), read back to the host as NumPy decides it", variants=("compile",))


def s_emath_log(make, dt):
    """Inputs for the functions complex below zero: all positive, some negative, empty, then
    edge values (not differentiable there: the gradient checks take the first three)."""
    yield SampleInput(make((2, 3), dt, low=0.5, high=4))
    yield SampleInput(make((2, 3), dt, low=-4, high=4))
    yield SampleInput(make((0,), dt))
    yield SampleInput(np.asarray(-2).astype(dt))                  # 0-d (unsigned: wraps)
    yield SampleInput(np.array([0, 1, 4]).astype(dt))


def s_emath_unit(make, dt):
    """Inputs for the functions complex outside [-1, 1]: inside, outside, empty, the edges."""
    yield SampleInput(make((2, 3), dt, low=-0.9, high=0.9))
    yield SampleInput(make((2, 3), dt, low=-3, high=3))
    yield SampleInput(make((0,), dt))
    yield SampleInput(np.array([-1, 0, 1]).astype(dt))
    yield SampleInput(make((), dt, low=1.5, high=3))


def s_emath_logn(make, dt):
    yield SampleInput(make((3,), dt, low=2, high=4), make((2, 3), dt, low=0.5, high=4))
    yield SampleInput(make((), dt, low=2, high=4), make((2, 3), dt, low=-4, high=4))
    yield SampleInput(2, make((4,), dt, low=-3, high=3))


def s_emath_power(make, dt):
    yield SampleInput(make((2, 3), dt, low=0.5, high=3), make((3,), dt, low=0, high=3))
    yield SampleInput(make((2, 3), dt, low=-3, high=3), 2)
    yield SampleInput(make((4,), dt, low=1, high=3), make((4,), dt, low=-2, high=2))
    yield SampleInput(np.array([-3, -1, 2]).astype(dt), 0.5)


_CUT_GRADIENT = XFail(
    "torch's derivative of complex arccos / arcsin on the real axis beyond +-1 (their branch "
    "cut) is the limit from the other side: its imaginary part has the opposite sign to the "
    "derivative of the values NumPy (and torchnp) return there (docs/differences.md)",
    variants=("grad",), dtypes=("float64",))


def _emath(name, samples, xfails=()):
    return OpInfo(f"emath.{name}", dtypes=ALL, samples=samples, supports_grad=True,
                  xfails=[_VALUE_BY_DTYPE, *xfails])


op_db_namespace = [
    _emath("sqrt", s_emath_log),
    _emath("log", s_emath_log),
    _emath("log2", s_emath_log),
    _emath("log10", s_emath_log),
    _emath("logn", s_emath_logn),
    _emath("power", s_emath_power),
    _emath("arccos", s_emath_unit, [_CUT_GRADIENT]),
    _emath("arcsin", s_emath_unit, [_CUT_GRADIENT]),
    _emath("arctanh", s_emath_unit),
]
