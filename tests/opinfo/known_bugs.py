"""Known bugs, both ways. ``KNOWN_BUGS``: expected failures of generated tests, each with its
reason: operator bugs not yet fixed, documented differences (docs/differences.md), and variants
with no NumPy counterpart. ``NUMPY_BUGS``: where NumPy, the oracle, is itself wrong, with a
reproducer each and the reference the tests use instead.

Keyed by entry name; the owners fix the operator and delete the line (strict: a fixed bug fails
as XPASS until its line goes).
"""
import dataclasses

import numpy

from opinfo.core import COMPILE_BACKEND, COMPLEX, XFail

_FLOAT_MOD_EDGE = XFail("documented difference (docs/differences.md): torch's float fmod gives nan "
                        "where x1 / x2 overflows; NumPy a finite remainder",
                        variants=("edge",), dtypes=("float64",))
_COMPLEX_POWER_EDGE = XFail("documented difference (docs/differences.md): complex power with inf "
                            "or nan parts; NumPy multiplies repeatedly for small integer exponents",
                            variants=("edge",), dtypes=COMPLEX)

KNOWN_BUGS = {
    "ldexp": [XFail("torch bug, not ours: inductor's CPU code generation fails to compile the "
                    "int32 -> int64 vector conversion of torch.frexp's exponent (CppCompileError)",
                    variants=("compile",))] if COMPILE_BACKEND == "inductor" else [],
    "fmod": [_FLOAT_MOD_EDGE],
    "remainder": [_FLOAT_MOD_EDGE],
    "divmod": [_FLOAT_MOD_EDGE],
    "power": [_COMPLEX_POWER_EDGE],
    "float_power": [_COMPLEX_POWER_EDGE],
    "copyto": [XFail("no NumPy counterpart: the non-contiguous variant hands copyto a stride-0 "
                     "(broadcast) destination, which is read-only in NumPy too (ValueError)",
                     variants=("noncontiguous",))],
}


# ----- NumPy oracle bugs ---------------------------------------------------------------------------
# Where NumPy itself gives a wrong answer (on some CPUs: its SIMD loops differ between AVX2 and
# AVX-512 machines), the expected value comes from a reference computed in NumPy another way, never
# from torchnp. docs/differences.md ("Where NumPy itself is wrong") lists the same cases.

@dataclasses.dataclass(frozen=True)
class NumpyBug:
    reproducer: str         # a NumPy call that shows it
    numpy_gives: str        # the wrong answer, and where
    right: str              # the right answer, and how the tests derive it


NUMPY_BUGS = {
    "reduce of a non-reorderable ufunc": NumpyBug(
        reproducer="numpy.power.reduce(numpy.array([2.0, 3.0, 2.0]))",
        numpy_gives="4.0 on CPUs with AVX-512 (NumPy 2.4: x[0] op x[-1] along a contiguous axis; "
                    "arctan2, power and ldexp's float loops)",
        right="64.0 = (2 ** 3) ** 2, what NumPy gives with its AVX-512 loops disabled "
              "(NPY_DISABLE_CPU_FEATURES); tests use fold_reduce, a left fold with the binary "
              "ufunc, for every non-reorderable ufunc"),
}


def is_reorderable(uf):
    """Whether NumPy lets ufunc ``uf`` reduce over several axes at once (its 'reorderable' flag,
    which NumPy does not expose otherwise)."""
    try:
        uf.reduce(numpy.ones((1, 1)), axis=(0, 1))
    except ValueError:
        return False
    except TypeError:           # no reduction loop at all: nothing to fold
        return True
    return True


def fold_reduce(uf, x, out_dtype, axis=0, keepdims=False, initial=None, where=True):
    """``uf.reduce(x, ...)`` as an explicit left fold with ``uf``'s binary call, in ``out_dtype``
    (NumPy's result dtype for the call). For calls NumPy accepts: one axis, ``axis=None`` only on
    0-d and 1-d input, ``where=`` only with ``initial``."""
    x = numpy.asarray(x)
    if axis == ():
        return x.astype(out_dtype)
    if isinstance(axis, tuple):
        (axis,) = axis
    if axis is None:
        x, axis = x.reshape(-1), 0
    axis = axis % x.ndim
    xs = numpy.moveaxis(x, axis, 0).astype(out_dtype)
    mask = numpy.moveaxis(numpy.broadcast_to(where, x.shape), axis, 0)
    if initial is None:
        acc, rest = xs[0], range(1, len(xs))
    else:
        acc, rest = numpy.full(xs.shape[1:], initial, out_dtype), range(len(xs))
    for i in rest:
        acc = numpy.where(mask[i], uf(acc, xs[i], dtype=out_dtype), acc)
    acc = numpy.asarray(acc, out_dtype)
    return numpy.expand_dims(acc, axis) if keepdims else acc
