"""Known bugs, both ways, each with its reason, recorded once:

- ``KNOWN_BUGS``: expected failures of generated tests: operator bugs not yet fixed, documented
  differences (docs/differences.md), and variants with no NumPy counterpart;
- ``VALUE_DIFFS``: result elements the comparisons leave out, for a known difference in values;
- ``KNOWN_MESSAGES``: torchnp messages that raise NumPy's class without NumPy's words;
- ``KNOWN_COPIES``: entries that copy where NumPy returns a view;
- ``NUMPY_BUGS``: where NumPy, the oracle, is itself wrong, with a reproducer each and the
  reference the tests use instead.

Keyed by entry name; the owners fix the operator and delete the line (strict: a fixed bug fails
as XPASS, or in a "still differs" test, until its line goes).
"""
import dataclasses
import functools

import numpy

from opinfo.core import (BOOL, COMPILE_BACKEND, COMPLEX, FLOATING, INTEGER, KnownValues,
                         XFail)

KNOWN_BUGS = {
    "ldexp": [XFail("torch bug, not ours: inductor's CPU code generation fails to compile the "
                    "int32 -> int64 vector conversion of torch.frexp's exponent (CppCompileError)",
                    variants=("compile",))] if COMPILE_BACKEND == "inductor" else [],
    "copyto": [XFail("no NumPy counterpart: the non-contiguous variant hands copyto a stride-0 "
                     "(broadcast) destination, which is read-only in NumPy too (ValueError)",
                     variants=("noncontiguous",))],
}


# ----- found by the call templates (where=, dtype=, out= of another dtype, mixed devices) ---------
_INTS = ("int8", "int16", "int32", "int64")
_GUFUNC_WHERE = XFail("bug: gufuncs take where= (NumPy: TypeError, gufuncs have no where=). "
                      "Reproducer: torchnp.matmul(a, b, where=m, out=o) with 2-D a, b",
                      variants=("where",))
_REDUCE_INTO_INT_OUT = XFail(
    "bug: with out= of an integer dtype NumPy runs the reduction's loop in out's dtype (inputs "
    "cast first); torchnp reduces in the result dtype and casts at the end. Reproducer: "
    "numpy.max(numpy.array([[-8, 3]], numpy.int8), out=numpy.zeros((), numpy.uint64)) is 0; "
    "torchnp gives 2**64 - 8", variants=("out_dtype",), dtypes=_INTS)
_ACCUMULATE_INTO_INT_OUT = XFail(
    "bug: products with out= of an integer dtype: NumPy casts each element to out's dtype before "
    "multiplying; torchnp multiplies in floats and casts at the end. Reproducer: numpy.prod("
    "numpy.array([1.5, 342.0], numpy.float16), out=numpy.zeros((), numpy.int16)) is 342 * 1",
    variants=("out_dtype",), dtypes=("float16", "complex64"))
_PER_OPERAND = XFail("open question, not NumPy's to answer: broadcast_arrays and ix_ make one "
                     "result per operand, each on its operand's device, and raise nothing",
                     variants=("devices",))


def _add(names, xfail):
    for name in names:
        KNOWN_BUGS.setdefault(name, []).append(xfail)


_add(["matmul", "vecdot", "matvec", "vecmat"], _GUFUNC_WHERE)
_add(["max", "min", "amax", "amin", "mean"], _REDUCE_INTO_INT_OUT)
_add(["median"], _REDUCE_INTO_INT_OUT)              # (median is NumPy's mean of the middle)
_add(["prod", "nanprod", "cumprod", "nancumprod"], _ACCUMULATE_INTO_INT_OUT)
_add(["var"], XFail("bug: var with out= of another dtype gives other values than NumPy (which "
                    "computes the mean into out's dtype). Reproducer: numpy.var(x_int8, "
                    "out=numpy.zeros((), numpy.int8)) against torchnp", variants=("out_dtype",),
                    dtypes=INTEGER + FLOATING + COMPLEX))
_add(["take"], XFail("bug: take casts into an out= of another dtype; NumPy raises TypeError "
                     "(take's out= must have the result's dtype). Reproducer: torchnp.take("
                     "torchnp.arange(3), [0], out=torchnp.zeros(1, dtype='int8'))",
                     variants=("out_dtype",), dtypes=BOOL + INTEGER + FLOATING + COMPLEX[:1]))
_add(["broadcast_arrays", "ix_"], _PER_OPERAND)


# ----- graph breaks under torch.compile(fullgraph=True) ------------------------------------------
def _graph_break(why):
    return XFail(f"graph break under torch.compile(fullgraph=True): {why}", variants=("compile",))


_add(["clip"], _graph_break("Dynamo cannot trace a hasattr call on a symbolic int"))
_add(["nanmax", "nanmin", "trim_zeros", "choose"],
     _graph_break("a guard on data (a host read: all-NaN check, index bounds, trimmed length)"))
_add(["compress", "extract"], _graph_break("a result shape that depends on the data (nonzero)"))
_add(["nanmedian", "nanquantile", "nanpercentile", "nanargmax", "nanargmin"],
     _graph_break("a guard on data (a host read: NumPy's all-NaN warning or error)"))
_add(["swapaxes", "moveaxis", "roll", "rollaxis", "diag_indices", "tril_indices", "triu_indices"],
     _graph_break("a torch.* call returns a non-tensor (a shape or Python ints) mid-graph"))
_add(["repeat", "delete", "insert"],
     _graph_break("a TypeError when Dynamo makes the fake-tensor call"))
_add(["copy"], _graph_break("sorted() with symbolic keys (strides)"))
_add(["arange", "linspace", "tri", "logspace"],
     _graph_break("a length given as a 0-d array is read on the host (operator.index, float)"))
_add(["partition", "argpartition"], _graph_break("an import inside the function body"))
_add(["bartlett", "blackman", "hamming", "hanning", "kaiser"],
     _graph_break("the length, computed with NumPy scalars (tensors to Dynamo), is a host read"))
_add(["polymul", "polydiv", "roots", "poly", "polyfit"],
     _graph_break("a host read NumPy's result depends on: poly1d's trimmed leading zeros, "
                  "the remainder's length, the nonzero coefficients, whether eigenvalues are "
                  "real, the rank of a fit"))
_add(["frombuffer", "fromstring"], _graph_break("NumPy parses the host bytes or text"))
_add(["fft.fftshift", "fft.ifftshift"], _graph_break("they roll with torchnp.roll (its graph "
                                                     "break)"))
_add(["fft.fftfreq", "fft.rfftfreq"], _graph_break("they count with torchnp.arange (its graph "
                                                   "break)"))


# ----- known differences in values ----------------------------------------------------------------
# Result elements the comparisons leave out, each for a difference docs/differences.md lists (or
# for NumPy's own inconsistency); test_ops.py checks that the elements left out still differ.

def _result(expected):
    return numpy.asarray(expected[0] if isinstance(expected, tuple) else expected)


def _operands(args):
    """The operands as NumPy arrays (Python ints beyond int64 as floats: masks only)."""
    return [numpy.asarray(float(a) if type(a) is int and abs(a) >= 2**63 else a) for a in args]


def _quotient_overflows(args, expected):
    """fmod & co. of floats where x1 / x2 overflows (finite operands, x2 != 0)."""
    res = _result(expected)
    if res.dtype.kind != "f":
        return None
    x1, x2 = _operands(args)
    with numpy.errstate(all="ignore"):
        q = numpy.divide(x1, x2, dtype=res.dtype)
        return numpy.isinf(q) & numpy.isfinite(x1) & numpy.isfinite(x2) & (x2 != 0)


def _complex_power_not_finite(args, expected):
    """Complex power where an operand or NumPy's result has an inf or nan part, or the base is
    so large that exp(b log a) overflows where repeated products do not."""
    res = _result(expected)
    if res.dtype.kind != "c":
        return None
    x1, x2 = _operands(args)
    with numpy.errstate(all="ignore"):
        huge = numpy.abs(x1) > numpy.sqrt(numpy.finfo(res.dtype).max)
    return ~numpy.isfinite(x1) | ~numpy.isfinite(x2) | ~numpy.isfinite(res) | huge


def _zero_ties_of_mixed_dtypes(args, expected):
    """maximum & co. of two zeros: operands of different dtypes (or a Python float), or float16
    (NumPy's scalar loop)."""
    x1, x2 = _operands(args)
    same = x1.dtype == x2.dtype and all(isinstance(a, numpy.ndarray) for a in args)
    if same and x1.dtype != numpy.float16:
        return None
    return (x1 == 0) & (x2 == 0)


def _huge_products(gufunc):
    """Result elements of ``gufunc`` (matmul & co.) with a term whose factor is inf, nan or above
    the square root of the dtype's largest value: products that may overflow."""
    def mask(args, expected):
        res = _result(expected)
        if res.dtype.kind not in "fc" or len(args) != 2:
            return None
        limit = numpy.sqrt(numpy.finfo(res.dtype).max)
        x1, x2 = _operands(args)
        with numpy.errstate(all="ignore"):
            big1, big2 = ((~numpy.isfinite(x) | (numpy.abs(x) > limit)).astype(float)
                          for x in (x1, x2))
            try:
                ones1, ones2 = numpy.ones_like(big1), numpy.ones_like(big2)
                return (gufunc(big1, ones2) + gufunc(ones1, big2)) > 0
            except ValueError:          # the sample needs keywords: no huge values there
                return None
    return mask


def _complex_not_finite(args, expected):
    """Complex results where an operand or NumPy's result has an inf or nan part."""
    res = _result(expected)
    if res.dtype.kind != "c":
        return None
    return functools.reduce(numpy.logical_or, [~numpy.isfinite(x) for x in _operands(args)],
                            ~numpy.isfinite(res))


def _complex_zero_part(args, expected):
    """Complex results with a zero real or imaginary part."""
    res = _result(expected)
    return (res.real == 0) | (res.imag == 0) if res.dtype.kind == "c" else None


def _overflow_band(args, expected):
    """|x| just inside NumPy's range of sinh / cosh, in float32 and float64."""
    x = numpy.asarray(args[0])
    if x.dtype.kind not in "fc" or x.dtype == numpy.float16:
        return None
    return (numpy.abs(x.real) > 88.5) & (numpy.abs(x.real) < 711)


_FLOAT_MOD = KnownValues("documented difference (docs/differences.md): torch's float fmod gives "
                         "nan where x1 / x2 overflows; NumPy a finite remainder",
                         _quotient_overflows)
_COMPLEX_POWER = KnownValues("documented difference (docs/differences.md): complex power with "
                             "inf or nan parts (given or from overflow); NumPy multiplies "
                             "repeatedly for small integer exponents", _complex_power_not_finite)
_ZERO_TIES = KnownValues("NumPy's own inconsistency (docs/differences.md, 'Where NumPy itself is "
                         "wrong'): the sign of maximum(-0.0, 0.0) depends on NumPy's loop (SIMD "
                         "for one dtype, a scalar loop after a cast)", _zero_ties_of_mixed_dtypes)
_BLAS_FMA = "documented difference (docs/differences.md): where products overflow, NumPy's BLAS \
(fused multiply-adds) and torch's kernels round and add in another order: inf, nan or a finite sum"
_COMPLEX_INF = KnownValues("documented difference (docs/differences.md): complex products and "
                           "quotients with inf or nan parts: torch's kernels and NumPy's put inf "
                           "and nan in different parts", _complex_not_finite)
_COMPLEX_ZERO_SIGNS = KnownValues(
    "torch bug, not yet worked around: zero parts of complex results lose NumPy's sign; torch's "
    "vectorised complex kernels (multiply, divide, power of real x complex) drop -0.0 "
    "for some edge operands; test_known_differences_still_differ shows the samples", \
    _complex_zero_part)
_SINH_COSH = KnownValues("documented difference (docs/differences.md): torch's vectorised sinh / "
                         "cosh overflow to inf just inside NumPy's range (|x| in 88.7..89.4 in "
                         "float32, 709.8..710.5 in float64)", _overflow_band)

VALUE_DIFFS = {
    "fmod": [_FLOAT_MOD],
    "remainder": [_FLOAT_MOD],
    "divmod": [_FLOAT_MOD],
    "power": [_COMPLEX_POWER, _COMPLEX_ZERO_SIGNS],
    "float_power": [_COMPLEX_POWER, _COMPLEX_ZERO_SIGNS],
    "maximum": [_ZERO_TIES],
    "minimum": [_ZERO_TIES],
    "fmax": [_ZERO_TIES],
    "fmin": [_ZERO_TIES],
    "multiply": [_COMPLEX_ZERO_SIGNS, _COMPLEX_INF],
    "divide": [_COMPLEX_ZERO_SIGNS],
    "reciprocal": [_COMPLEX_ZERO_SIGNS, _COMPLEX_INF],
    "matmul": [KnownValues(_BLAS_FMA, _huge_products(numpy.matmul))],
    "vecdot": [KnownValues(_BLAS_FMA, _huge_products(numpy.vecdot))],
    "matvec": [KnownValues(_BLAS_FMA, _huge_products(numpy.matvec))],
    "vecmat": [KnownValues(_BLAS_FMA, _huge_products(numpy.vecmat))],
    "sinh": [_SINH_COSH],
    "cosh": [_SINH_COSH],
}


# ----- known differences in error messages --------------------------------------------------------
# torchnp's message (a regular expression) where it raises NumPy's class but not NumPy's words;
# test_ops.py checks that each reproducer still gives that message.

@dataclasses.dataclass(frozen=True)
class KnownMessage:
    reason: str
    reproducer: str         # a torchnp call that raises the message (``torchnp`` in scope)


KNOWN_MESSAGES = {
    r"^Python int too large to convert to C long$": KnownMessage(
        reason="bug: a Python int beyond int64 with a uint32 array reaches torch's conversion "
               "(NumPy: 'Python integer 9223372036854775808 out of bounds for uint32')",
        reproducer="torchnp.add(torchnp.zeros(3, dtype='uint32'), 2**63)"),
    r"^No loop matching the specified signature and casting was found for ufunc \w+$": KnownMessage(
        reason="bug: dtype= naming a loop NumPy lacks gives this text (NumPy: \"ufunc 'gcd' did "
               "not contain a loop with signature matching types (...) -> <class "
               "'numpy.dtypes.BoolDType'>\", or for negative/subtract of bool its own advice)",
        reproducer="torchnp.gcd(torchnp.ones(3, dtype='int64'), 1, dtype=bool)"),
    r"^non-broadcastable output operand with shape \([\d, ]*\) doesn't match the broadcast shape "
    r"\([\d, ]*\)$": KnownMessage(
        reason="bug: a gufunc's out= lacking a core dimension gets the elementwise broadcast "
               "message (NumPy: 'output operand requires a reduction along dimension -1, but the "
               "reduction is not enabled. ...')",
        reproducer="torchnp.matmul(torchnp.ones((2, 3)), torchnp.ones((3, 4)), "
                   "out=torchnp.zeros(4))"),
}

# ufunc.types entries torchnp lists that NumPy's attribute does not (test_ufuncs.py)
_MIXED_SIGN_COMPARISONS = {"Ll->?", "lL->?"}
UNLISTED_LOOPS = {  # NumPy 2 compares int64 with uint64 exactly, through loops .types omits
    name: _MIXED_SIGN_COMPARISONS for name in ("equal", "not_equal", "less", "less_equal",
                                               "greater", "greater_equal")}


# ----- copies where NumPy views -------------------------------------------------------------------
# torch has no negative strides (docs/differences.md, Views): these copy where NumPy returns a view.
# The view template accepts a copy from them, and fails once none is left (delete the line then).
_NEGATIVE_STEPS = "documented difference (docs/differences.md, Views): torch has no negative " \
                  "strides, so a reversed view is a copy"
KNOWN_COPIES = {
    "flip": _NEGATIVE_STEPS,
    "fliplr": _NEGATIVE_STEPS,
    "flipud": _NEGATIVE_STEPS,
    "rot90": _NEGATIVE_STEPS,
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
    "fft out= dropped": NumpyBug(
        reproducer="numpy.fft.hfft(x, out=o) is not o (ifft2, irfft2 likewise)",
        numpy_gives="a new array; out= is never written (NumPy 2.4, numpy gh-30909, fixed by "
                    "numpy PR 30910 after 2.4)",
        right="out= written and returned; the database's references (db_fft.ref_hfft, "
              "ref_ifft2, ref_irfft2) are NumPy's fix: irfft of the conjugate, ifftn, irfftn"),
    "fft of an empty axis padded": NumpyBug(
        reproducer="numpy.fft.irfft(numpy.zeros((2, 0), complex), n=4) (hfft likewise)",
        numpy_gives="uninitialised memory (NumPy 2.4; fft, ifft, rfft give zeros)",
        right="zeros, as zero-padding nothing gives; tests/test_fft.py compares with NumPy's "
              "transform of a zero of length 1 padded to n"),
    "nanquantile with weights along the axis": NumpyBug(
        reproducer="numpy.nanquantile(numpy.ones((2, 3)), 0.5, axis=1, method='inverted_cdf', "
                   "weights=numpy.ones(3))",
        numpy_gives="IndexError (NumPy 2.4 indexes such weights per slice of n-d data before "
                    "broadcasting them; nanpercentile too; quantile takes them)",
        right="the quantiles with those weights broadcast to the data's shape, which NumPy "
              "computes: the tests' reference (db_order_statistics.full_weights) broadcasts "
              "them first"),
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
