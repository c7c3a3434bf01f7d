"""NumPy's private internals that torchnp relies on, imported here once and nowhere else.

Each is used so that torchnp behaves like NumPy where users can tell: ``_NoValue`` prints in
signatures and compares like NumPy's own default; the ufunc casting errors are the classes that
``except`` clauses written for NumPy catch. If a NumPy release moves one, torchnp keeps working
with a stand-in below, the name lands in ``MISSING``, and tests/test_numpy_private.py fails naming
it.
"""
import numpy

MISSING = []        # the dotted names of the private things this NumPy lacks (stand-ins in use)

# ----- numpy._NoValue: the "argument not given" default of NumPy's signatures ----------------------
try:
    NoValue = numpy._NoValue
except AttributeError:      # pragma: no cover - NumPy moved it
    MISSING.append("numpy._NoValue")

    class _NoValueType:
        def __repr__(self):
            return "<no value>"

    NoValue = _NoValueType()

# ----- the ufunc casting errors: constructed as (ufunc, casting, from_, to, i) ---------------------
try:
    from numpy._core._exceptions import _UFuncInputCastingError as UFuncInputCastingError
    from numpy._core._exceptions import _UFuncOutputCastingError as UFuncOutputCastingError
except ImportError:         # pragma: no cover - NumPy moved them
    MISSING += ["numpy._core._exceptions._UFuncInputCastingError",
                "numpy._core._exceptions._UFuncOutputCastingError"]

    class _UFuncCastingError(TypeError):
        def __init__(self, ufunc, casting, from_, to, i):
            super().__init__(ufunc, casting, from_, to, i)
            self.ufunc, self.casting, self.from_, self.to, self.i = ufunc, casting, from_, to, i

    class UFuncInputCastingError(_UFuncCastingError):
        def __str__(self):
            i_str = f"{self.i} " if self.ufunc.nin != 1 else ""
            return (f"Cannot cast ufunc {self.ufunc.__name__!r} input {i_str}from {self.from_!r} "
                    f"to {self.to!r} with casting rule {self.casting!r}")

    class UFuncOutputCastingError(_UFuncCastingError):
        def __str__(self):
            i_str = f"{self.i} " if self.ufunc.nout != 1 else ""
            return (f"Cannot cast ufunc {self.ufunc.__name__!r} output {i_str}from {self.from_!r} "
                    f"to {self.to!r} with casting rule {self.casting!r}")
