"""The C fast paths (``torchnp/_core/_speedups.c``) against the Python methods they stand for:
the same result (value, dtype, scalarness, the same object for in-place), the same exception and
the same warnings, for every ufunc on operands of every dtype and every kind the fast paths sort
out. The operator database compares the operators (which take the C paths) with NumPy; the
Python methods run while Dynamo traces and where the extension is not built."""
import os
import shutil
import subprocess
import sys
import sysconfig

import numpy
import pytest

import torchnp as np
from torchnp._core import dtypes, ufunc
from torchnp._core.ufunc import ufunc as ufunc_class
from speedups_outcomes import copy, describe, value

speedups = ufunc.SPEEDUPS
pytestmark = pytest.mark.skipif(speedups is None, reason="the C extension is not built here "
                                "(no C compiler at install, or TORCHNP_SPEEDUPS=0)")

_NUMPY_DTYPES = [numpy.dtype(dtypes.NUMPY_OF_TORCH[dt].name) for dt in dtypes.ALL_TORCH_DTYPES]


def _arrays():
    """One small array of each dtype (with a zero, for the division warnings), a 0-d "scalar"
    result, a view and a broadcasting row."""
    out = [np.asarray(numpy.array([0, 1, 3]).astype(d)) for d in _NUMPY_DTYPES]
    out.append(np.asarray(2.5) * 1)                       # a computed 0-d array: NumPy's scalar
    out.append(np.arange(6.0).reshape(2, 3)[:, 1:])       # a view
    out.append(np.arange(4).reshape(4, 1))                # broadcasts against (3,)
    return out


# what the fast paths sort out besides arrays: Python scalars of each type (in and out of the
# integer loops' ranges), a bool, NumPy data, a list, None
_OTHERS = [2, -1, 2**70, 2.5, 1j, True, numpy.float32(1.5), numpy.arange(3), [1, 2, 3], None]


def _pairs():
    arrays = _arrays()
    for x in arrays:
        for y in arrays + _OTHERS:
            yield x, y
            yield y, x


_BINARY = sorted(n for n, u in ufunc._BY_NAME.items() if u.nin == 2 and u.nout == 1)
_UNARY = sorted(n for n, u in ufunc._BY_NAME.items() if u.nin == 1 and u.nout == 1)


@pytest.mark.parametrize("name", _BINARY)
def test_call2_matches_the_python_method(name):
    uf = ufunc._BY_NAME[name]
    for x1, x2 in _pairs():
        want = describe(ufunc_class._call2, uf, x1, x2)
        got = describe(speedups.call2, uf, x1, x2)
        assert got == want, (name, x1, x2)


@pytest.mark.parametrize("name", _UNARY)
def test_call1_matches_the_python_method(name):
    uf = ufunc._BY_NAME[name]
    for x in _arrays() + _OTHERS:
        want = describe(ufunc_class._call1, uf, x)
        got = describe(speedups.call1, uf, x)
        assert got == want, (name, x)


def _shared_views():
    """Pairs of views of one fresh storage: apart, dense overlap, the same array, strided
    overlap (torch's in-place kernel would read what it has written; NumPy buffers)."""
    def views(i):
        base = np.arange(200.0)
        return [(base[:100], base[100:]), (base[:150], base[50:]), (base, base),
                (base[2::2], base[:-2:2])][i]
    return [lambda i=i: views(i) for i in range(4)]


def _copies(x1, x2):
    return lambda: (copy(x1), copy(x2))


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "floor_divide",
                                  "remainder", "power", "bitwise_and", "left_shift", "matmul"])
def test_inplace2_matches_the_python_method(name):
    uf = ufunc._BY_NAME[name]
    makers = [_copies(x1, x2) for x1, x2 in _pairs() if isinstance(x1, np.ndarray)]
    for make in makers + _shared_views():
        outcomes = []
        for f in (ufunc_class._inplace2, speedups.inplace2):
            x1, x2 = make()
            res = describe(lambda: "x1" if (r := f(uf, x1, x2)) is x1 else r)   # noqa: B023
            outcomes.append(f"{res} {value(x1)}")       # strings: NaNs compare equal
        assert outcomes[0] == outcomes[1], (name, make())


def test_errstate_takes_the_general_path():
    a = np.asarray([1.0, 0.0])
    with np.errstate(divide="raise"):
        with pytest.raises(FloatingPointError):
            speedups.call2(np.true_divide, a, a * 0)
        with pytest.raises(FloatingPointError):
            speedups.call1(np.log, a * 0)
        with pytest.raises(FloatingPointError):
            speedups.inplace2(np.true_divide, a, 0.0)


def test_the_extension_is_built_where_a_compiler_is():
    """A fresh install with a C compiler builds it (an optional extension would otherwise fail
    silently and leave every call slower)."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    assert speedups is not None or shutil.which(compiler) is None


def _outcomes(**env):
    environ = dict(os.environ, **env)
    script = os.path.join(os.path.dirname(__file__), "speedups_outcomes.py")
    return subprocess.run([sys.executable, script], env=environ, capture_output=True, text=True,
                          check=True).stdout.splitlines()


def test_operators_and_ufunc_calls_match_the_python_build():
    """Every operator (the number slots), in-place operator and short ufunc call (the call slot)
    on arrays of each kind against ten other kinds of operand, NEP 13's opt-out included: the
    same lines with the C extension and with TORCHNP_SPEEDUPS=0."""
    fast = _outcomes()
    python = _outcomes(TORCHNP_SPEEDUPS="0")
    assert len(fast) == len(python) > 10000
    differ = [(f, p) for f, p in zip(fast, python) if f != p]
    assert not differ, differ[:5]
    assert any("Refuser.__radd__" in line for line in fast)
