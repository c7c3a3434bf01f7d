"""Database: the submodules NumPy code imports (``emath``, ``lib.stride_tricks``)."""
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


def s_as_strided(make, dt):
    x = make((12,), dt)
    n = x.itemsize
    yield SampleInput(x)
    yield SampleInput(x, shape=(3, 4))
    yield SampleInput(x, (4, 3), (n, n))                        # overlapping rows
    yield SampleInput(x, (5, 2), (2 * n, n))                    # sliding windows
    yield SampleInput(x, (2, 3), (0, n))                        # a row repeated
    yield SampleInput(make((3, 4), dt), (2, 2), (4 * n, n))
    yield SampleInput(x, (3, 2), (n,))                          # ValueError: strides vs shape


def s_sliding_window_view(make, dt):
    yield SampleInput(make((6,), dt), 3)
    yield SampleInput(make((3, 4), dt), (2, 2))
    yield SampleInput(make((3, 4), dt), 2, axis=1)
    yield SampleInput(make((3, 5), dt), (2, 2), axis=(1, 1))    # one axis windowed twice
    yield SampleInput(make((3, 4), dt), (3,), axis=-2)
    yield SampleInput(make((4,), dt), 0)                        # empty windows
    yield SampleInput(make((4,), dt), 5)                        # ValueError: window too large
    yield SampleInput(make((4,), dt), -1)                       # ValueError: negative
    yield SampleInput(make((3, 4), dt), 2)                      # ValueError: one size, two axes
    yield SampleInput(make((3, 4), dt), 2, axis=2)              # AxisError
    yield SampleInput(make((3, 4), dt), (2, 2), axis=0)         # ValueError: lengths differ


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
    OpInfo("lib.stride_tricks.as_strided", dtypes=ALL, samples=s_as_strided, supports_grad=True,
           xfails=[XFail("strides address memory: a strided or broadcast input is another layout, "
                         "so the same strides select other elements (NumPy's as well)",
                         variants=("noncontiguous",))]),
    OpInfo("lib.stride_tricks.sliding_window_view", dtypes=ALL, samples=s_sliding_window_view,
           supports_grad=True),
]
