"""errstate / seterr acted on when set explicitly: the same calls under ``numpy.errstate`` and
``torchnp.errstate`` give the same exception (class and message), the same warnings (category and
message) and the same callbacks. torchnp's default stays silent (docs/differences.md)."""
import io
import warnings

import numpy
import pytest

import torchnp
from helpers import raises_with_numpys_message

F32 = "float32"
INT_MIN = -2**63

# name -> (ufunc name, inputs as NumPy arrays / Python scalars, dtype of the arrays)
CASES = {
    "divide 1/0": ("divide", ([1.0, 2.0], 0.0)),
    "divide 0/0": ("divide", ([0.0], 0.0)),
    "divide 1/0 and 0/0": ("divide", ([1.0, 0.0], 0.0)),
    "divide overflow": ("divide", ([1e308], 1e-10)),
    "divide underflow": ("divide", ([1e-300], 1e300)),
    "divide exact subnormal": ("divide", ([1e-310], 1.0)),
    "true_divide ints": ("true_divide", ([1], 0)),
    "divide complex": ("divide", ([1 + 1j], 0)),
    "floor_divide": ("floor_divide", ([1.0], 0.0)),
    "floor_divide 0/0": ("floor_divide", ([0.0], 0.0)),
    "floor_divide ints": ("floor_divide", ([1, 2], 0)),
    "floor_divide INT_MIN // -1": ("floor_divide", ([INT_MIN], -1)),
    "remainder": ("remainder", ([1.0], 0.0)),
    "remainder ints": ("remainder", ([1], 0)),
    "fmod": ("fmod", ([1.0], 0.0)),
    "fmod ints": ("fmod", ([1], 0)),
    "divmod": ("divmod", ([1.0], 0.0)),
    "divmod ints": ("divmod", ([1], 0)),
    "power 0 ** -1": ("power", ([0.0], -1.0)),
    "power overflow": ("power", ([10.0], 400.0)),
    "power invalid": ("power", ([-1.0], 0.5)),
    "power underflow": ("power", ([10.0], -400.0)),
    "exp overflow": ("exp", ([1000.0],)),
    "exp underflow": ("exp", ([-1000.0],)),
    "exp of infinities": ("exp", ([numpy.inf, -numpy.inf],)),
    "exp2 overflow": ("exp2", ([2000.0],)),
    "expm1 overflow": ("expm1", ([1000.0],)),
    "log 0": ("log", ([0.0],)),
    "log -1": ("log", ([-1.0],)),
    "log10 0": ("log10", ([0.0],)),
    "log2 -1": ("log2", ([-1.0],)),
    "log1p -1": ("log1p", ([-1.0],)),
    "sqrt -1": ("sqrt", ([-1.0, 4.0],)),
    "sqrt nan": ("sqrt", ([numpy.nan],)),
    "arcsin 2": ("arcsin", ([2.0],)),
    "arccos 2": ("arccos", ([2.0],)),
    "arccosh 0": ("arccosh", ([0.0],)),
    "arctanh 1": ("arctanh", ([1.0],)),
    "arctanh 2": ("arctanh", ([2.0],)),
    "multiply overflow": ("multiply", ([1e300], 1e300)),
    "multiply underflow": ("multiply", ([1e-300], 1e-300)),
    "multiply exact subnormal": ("multiply", ([1e-310], 1.0)),
    "multiply inf * 0": ("multiply", ([numpy.inf], 0.0)),
    "multiply float32 overflow": ("multiply", (numpy.array([1e30], F32), numpy.float32(1e30))),
    "add overflow": ("add", ([1e308], 1e308)),
    "add inf - inf": ("add", ([numpy.inf], -numpy.inf)),
    "add float16 overflow": ("add", (numpy.array([6e4], "float16"), numpy.float16(6e4))),
    "subtract overflow": ("subtract", ([-1e308], 1e308)),
    "reciprocal 0": ("reciprocal", ([0.0],)),
    "reciprocal int 0": ("reciprocal", ([0],)),
    "square overflow": ("square", ([1e200],)),
    "cosh overflow": ("cosh", ([1000.0],)),
    "sin inf": ("sin", ([numpy.inf],)),
    "ldexp overflow": ("ldexp", ([1.0], 2000)),
    "ldexp underflow": ("ldexp", ([1.0], -1100)),
    "ldexp exact subnormal": ("ldexp", ([1.0], -1030)),
    "int add wraps silently": ("add", ([2**62], 2**62)),
    "hypot no error": ("hypot", ([1e308], 1e308)),
    "logaddexp of infinities": ("logaddexp", ([numpy.inf], numpy.inf)),
    "maximum nan": ("maximum", ([numpy.nan], 1.0)),
    "no error": ("add", ([1.0], 2.0)),
}


def _call(lib, case, **kwargs):
    name, args = CASES[case]
    args = [lib.asarray(a) if isinstance(a, (list, numpy.ndarray)) else a for a in args]
    return getattr(lib, name)(*args, **kwargs)


def _outcome(lib, case, mode):
    """What the call does under ``errstate(all=mode)``: the exception (class, message) or the
    warnings (category, message) it gives."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with lib.errstate(all=mode):
                _call(lib, case)
        except FloatingPointError as e:
            return ("raised", type(e), str(e))
    return ("warned", [(w.category, str(w.message)) for w in caught])


@pytest.mark.parametrize("mode", ["raise", "warn"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_errors_like_numpy(case, mode):
    assert _outcome(torchnp, case, mode) == _outcome(numpy, case, mode)


@pytest.mark.parametrize("case", ["divide 1/0 and 0/0", "exp underflow", "floor_divide ints",
                                  "multiply overflow", "sqrt -1"])
def test_call_mode_passes_numpys_arguments(case):
    got = {}
    for lib in (numpy, torchnp):
        calls = got[lib] = []
        old = lib.seterrcall(lambda kind, flag, calls=calls: calls.append((kind, flag)))
        try:
            with lib.errstate(all="call"):
                _call(lib, case)
        finally:
            lib.seterrcall(old)
    assert got[torchnp] == got[numpy] and got[numpy]


def test_log_mode_writes_to_the_callback_object():
    logs = {}
    for lib in (numpy, torchnp):
        log = logs[lib] = io.StringIO()
        with lib.errstate(all="log", call=log):
            _call(lib, "divide 1/0 and 0/0")
    assert logs[torchnp].getvalue() == logs[numpy].getvalue() != ""


def test_print_mode_writes_to_stderr(capfd):
    outputs = []
    for lib in (numpy, torchnp):
        with lib.errstate(divide="print"):
            _call(lib, "log 0")
        outputs.append(capfd.readouterr())
    assert outputs[0] == outputs[1] and outputs[0].err


@pytest.mark.parametrize("mode", ["call", "log"])
def test_missing_callback(mode):
    def run(lib):
        with lib.errstate(all=mode, call=None):
            _call(lib, "divide 1/0")
    raises_with_numpys_message(lambda: run(numpy), lambda: run(torchnp))


def test_only_the_kinds_asked_for_act():
    with numpy.errstate(invalid="raise"), torchnp.errstate(invalid="raise"):
        raises_with_numpys_message(lambda: _call(numpy, "sqrt -1"),
                                   lambda: _call(torchnp, "sqrt -1"))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            _call(torchnp, "divide 1/0")         # divide: torchnp's silent default


def test_the_default_is_silent_and_numpys_is_warn():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _call(numpy, "divide 1/0")
        assert [w.category for w in caught] == [RuntimeWarning]
        _call(torchnp, "divide 1/0")            # docs/differences.md: a check costs a host sync
        assert len(caught) == 1


def test_seterr_acts_and_restoring_the_defaults_is_silent():
    old = torchnp.seterr(divide="raise")
    try:
        with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
            _call(torchnp, "divide 1/0")
    finally:
        torchnp.seterr(**old)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _call(torchnp, "divide 1/0")


def test_errstate_as_decorator_and_where():
    @torchnp.errstate(divide="raise")
    def f(x, **kwargs):
        return torchnp.divide(x, 0.0, **kwargs)

    with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
        f(torchnp.ones(2))
    out = torchnp.zeros(2)
    f(torchnp.ones(2), where=torchnp.asarray([False, False]), out=out)   # nothing computed
    assert out.tolist() == [0.0, 0.0]


def test_operators_and_in_place_operators_are_checked():
    for lib in (numpy, torchnp):
        a = lib.ones(2)
        with lib.errstate(divide="raise"):
            with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
                a / 0
            with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
                a /= 0
            with pytest.raises(FloatingPointError, match="divide by zero encountered in log"):
                lib.log(lib.ones(2) - 1)
