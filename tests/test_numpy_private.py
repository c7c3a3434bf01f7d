"""NumPy's private internals that torchnp relies on (all in torchnp/_core/numpy_private.py) are
still where NumPy keeps them and still behave as torchnp uses them: a NumPy release that moves one
fails here, naming it, rather than somewhere deep in the suite."""
import inspect
import pathlib
import re

import numpy
import pytest

import torchnp
from torchnp._core import numpy_private


def test_every_private_name_is_found():
    assert not numpy_private.MISSING, (
        f"NumPy {numpy.__version__} moved or removed private names torchnp uses (stand-ins are in "
        f"use; see torchnp/_core/numpy_private.py): {', '.join(numpy_private.MISSING)}")


def test_novalue_is_numpys_default():
    defaults = inspect.signature(numpy.sum).parameters["keepdims"].default
    assert numpy_private.NoValue is defaults, (
        "numpy._NoValue is no longer the default of numpy.sum(keepdims=): signatures will differ")
    assert inspect.signature(torchnp.sum).parameters["keepdims"].default is defaults


@pytest.mark.parametrize("which, np_call, args", [
    ("_UFuncOutputCastingError",
     lambda: numpy.add(numpy.ones(2), 1.5, out=numpy.ones(2, numpy.int64)),
     (numpy.add, "same_kind", numpy.dtype("float64"), numpy.dtype("int64"), 0)),
    ("_UFuncInputCastingError",
     lambda: numpy.add(numpy.ones(2), numpy.ones(2), dtype=numpy.float32, casting="safe"),
     (numpy.add, "safe", numpy.dtype("float64"), numpy.dtype("float32"), 0)),
])
def test_casting_error_constructors(which, np_call, args):
    """torchnp builds these as ``cls(ufunc, casting, from_, to, i)``: same class and message as
    the error NumPy raises itself."""
    cls = getattr(numpy_private, which.lstrip("_"))
    with pytest.raises(Exception) as expected:
        np_call()
    assert type(expected.value) is cls, (
        f"numpy._core._exceptions.{which} is no longer the class NumPy raises: "
        f"{type(expected.value).__module__}.{type(expected.value).__qualname__}")
    try:
        made = cls(*args)
    except TypeError as e:
        pytest.fail(f"numpy._core._exceptions.{which}(ufunc, casting, from_, to, i) changed: {e}")
    assert str(made) == str(expected.value), f"numpy._core._exceptions.{which}'s message changed"
    assert isinstance(made, TypeError)


def test_torchnp_uses_no_other_private_numpy():
    """Only torchnp/_core/numpy_private.py reaches into NumPy's private modules and names."""
    root = pathlib.Path(torchnp.__file__).parent
    private = re.compile(r"\b(numpy|np)\._[A-Za-z]")            # not dunders: numpy.__version__
    offenders = [f"{p.relative_to(root)}:{i}" for p in sorted(root.rglob("*.py"))
                 if p.name != "numpy_private.py"
                 for i, line in enumerate(p.read_text().splitlines(), 1)
                 if private.search(line.split("#")[0])]
    assert not offenders, f"NumPy private names used outside numpy_private.py: {offenders}"
