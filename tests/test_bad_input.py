"""Bad input gets NumPy's exception, never a torch traceback (issue 8).

A sweep over every public torchnp callable that NumPy also has (functions, every ufunc, the ufunc
methods of a few ufuncs, the classes torchnp defines itself). Each case starts from a valid call
(the first operator-database sample NumPy accepts, or a base written in ``BASES``), replaces ONE
argument with a bad value from the table ``CASES`` (by the parameter's kind), runs NumPy and
torchnp on it and checks:

- NumPy raises: torchnp raises an instance of NumPy's public class; where NumPy's message has one
  of the ``KEY_MESSAGES`` phrases, torchnp's has it too; and nothing the user sees (the exception
  and the chain Python prints with it) comes from torch or from an internal assertion.
- NumPy returns: torchnp returns the same (kind of result, value, dtype, shape; in-place functions:
  the array written).
- The one principled difference (docs/differences.md, "Numeric dtypes only"): where NumPy would
  turn the bad value into an object / string array, torchnp may instead raise its TypeError that
  names the principle.

Cases are built at collection time from NumPy's signatures (``inspect.signature``); ids read
``test_bad_input[sum-axis-out_of_range]``. Callables that cannot be swept are in ``NOT_SWEPT``
with the reason; mismatches not fixed yet are in ``KNOWN_MISMATCHES`` (strict xfail, reason).
"""
import inspect
import os
import re
import traceback
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, public_exception_class
from opinfo import op_db
from opinfo.core import SampleInput, assert_result_matches, resolve
from opinfo.db_linalg import LinalgInfo
from torchnp import _coverage

# ----- the bad values, by parameter kind ---------------------------------------------------------
SKIP = object()     # a case that does not apply to this base value


def _ragged(ctx):
    return [[1, 2], [3]]


def _complex(ctx):
    v = ctx.value
    return SKIP if v.dtype.kind == "c" else v.astype(numpy.complex128) + 1j


def _bool(ctx):
    v = ctx.value
    return SKIP if v.dtype.kind == "b" else v.astype(bool)


def _float(ctx):
    v = ctx.value
    return SKIP if v.dtype.kind in "fc" else v.astype(numpy.float64) + 0.5


def _empty(ctx):
    v = ctx.value
    return SKIP if v.size == 0 else numpy.zeros((0,) + v.shape[1:], v.dtype)


def _zero_d(ctx):
    v = ctx.value
    return SKIP if v.ndim == 0 or v.size == 0 else numpy.array(v.reshape(-1)[0])


def _seq_ndim_mismatch(ctx):
    v = list(ctx.value)
    return SKIP if len(v) < 2 else [v[0], numpy.ones((2,) * (v[1].ndim + 1), v[1].dtype)]


def _seq_with_none(ctx):
    return [ctx.value[0], None]


def _size_negative(ctx):
    v = ctx.value
    return -2 if isinstance(v, int) else tuple(v[:-1]) + (-2,)


def _size_float(ctx):
    v = ctx.value
    return 2.5 if isinstance(v, int) else tuple(v[:-1]) + (2.5,)


def _out_of(ctx, make):
    res = ctx.expected
    if isinstance(res, tuple):
        outs = tuple(make(r) for r in res)
        return SKIP if any(o is SKIP for o in outs) else outs
    return make(res)


def _out_wrong_shape(ctx):
    def make(r):
        r = numpy.asarray(r)
        return numpy.zeros((8,) if r.shape == (7,) else (7,), r.dtype)
    return _out_of(ctx, make)


def _out_wrong_dtype(ctx):
    def make(r):
        r = numpy.asarray(r)
        return SKIP if r.dtype.kind == "b" else numpy.zeros(r.shape, bool)
    return _out_of(ctx, make)


GENERIC = (
    ("None", lambda ctx: None),
    ("string", lambda ctx: "abc"),
    ("object", lambda ctx: object()),
)
CASES = {
    "array": (("ragged", _ragged), ("complex", _complex), ("bool", _bool), ("float", _float),
              ("empty", _empty), ("0d", _zero_d)),
    "sequence": (("ndim_mismatch", _seq_ndim_mismatch), ("with_None", _seq_with_none),
                 ("empty", lambda ctx: [])),
    "axis": (("out_of_range", lambda ctx: ctx.ndim + 1),
             ("negative_out_of_range", lambda ctx: -ctx.ndim - 2),
             ("float", lambda ctx: 1.5),
             ("repeated", lambda ctx: (0, 0))),
    "size": (("negative", _size_negative), ("float", _size_float)),
    "dtype": (("object_dtype", lambda ctx: object), ("str_dtype", lambda ctx: str),
              ("complex", lambda ctx: numpy.complex128), ("bool", lambda ctx: numpy.bool_)),
    "out": (("wrong_shape", _out_wrong_shape), ("wrong_dtype", _out_wrong_dtype),
            ("list", lambda ctx: [0.0])),
    "other": (),
}

AXIS_NAMES = {"axis", "axis1", "axis2", "source", "destination"}
AXIS_PARAMS = {("rollaxis", "start")}      # (callable, parameter) that is an axis by another name
SIZE_NAMES = {"shape", "newshape", "new_shape", "N", "M", "num", "repeats", "reps", "n", "m",
              "dimensions", "ndim"}


def _is_int_or_ints(v):
    if isinstance(v, tuple):
        return bool(v) and all(type(e) is int for e in v)
    return type(v) is int


def _kind(qualname, name, value):
    """The parameter's kind (a key of CASES), from its name and the base call's value."""
    if name in ("out", "dtype"):
        return name
    if name in AXIS_NAMES or (qualname, name) in AXIS_PARAMS:
        return "axis"
    if isinstance(value, numpy.ndarray):
        return "array"
    if isinstance(value, (list, tuple)) and value and \
            all(isinstance(e, numpy.ndarray) for e in value):
        return "sequence"
    if name in SIZE_NAMES and _is_int_or_ints(value):
        return "size"
    return "other"


# ----- the callables and their base calls -------------------------------------------------------
def _x(shape=(2, 3), dtype=numpy.float64):
    return numpy.arange(1, 1 + int(numpy.prod(shape)), dtype=dtype).reshape(shape) / 2 \
        if numpy.dtype(dtype).kind == "f" else \
        numpy.arange(1, 1 + int(numpy.prod(shape))).astype(dtype).reshape(shape)


_MASK = numpy.array([[True, False, True], [False, True, False]])

# Valid calls for callables without an operator-database sample (NumPy-side arguments).
BASES = {
    "from_dlpack": SampleInput(_x()),
    "array2string": SampleInput(_x()),
    "array_repr": SampleInput(_x()),
    "array_str": SampleInput(_x()),
    "can_cast": SampleInput(numpy.float32, numpy.float64),
    "common_type": SampleInput(_x()),
    "empty": SampleInput((2, 3)),
    "empty_like": SampleInput(_x()),
    "errstate": SampleInput(all="ignore"),
    "finfo": SampleInput(numpy.float64),
    "format_float_positional": SampleInput(1.5),
    "format_float_scientific": SampleInput(1.5),
    "iinfo": SampleInput(numpy.int64),
    "iscomplexobj": SampleInput(_x()),
    "isnat": SampleInput(_x()),          # NumPy raises for every numeric dtype: so does each case
    "isrealobj": SampleInput(_x()),
    "isscalar": SampleInput(1.5),
    "min_scalar_type": SampleInput(3),
    "ndarray": SampleInput((2, 3)),
    "place": SampleInput(_x(), _MASK, numpy.array([7.0, 8.0])),
    "printoptions": SampleInput(precision=3),
    "promote_types": SampleInput(numpy.int8, numpy.float32),
    "put": SampleInput(_x(), numpy.array([0, 4]), numpy.array([7.0, 8.0])),
    "put_along_axis": SampleInput(_x(), numpy.array([[0], [2]]), numpy.array([[7.0], [8.0]]),
                                  axis=1),
    "putmask": SampleInput(_x(), _MASK, numpy.array([7.0, 8.0])),
    "result_type": SampleInput(_x(), numpy.float32),
    "set_printoptions": SampleInput(precision=3),
    "seterr": SampleInput(all="ignore"),
    "seterrcall": SampleInput(None),
    "base_repr": SampleInput(5, 3),
    "binary_repr": SampleInput(-5, 8),
    "broadcast": SampleInput(_x(), _x((3,))),
    "isfortran": SampleInput(_x()),
    "iterable": SampleInput(_x()),
    "may_share_memory": SampleInput(_x(), _x()),
    "mintypecode": SampleInput("fd"),
    "ndenumerate": SampleInput(_x()),
    "ndindex": SampleInput(2, 3),
    "nditer": SampleInput(_x()),
    "shares_memory": SampleInput(_x(), _x()),
    "typename": SampleInput("d"),
    # ufunc methods, on a few ufuncs: the methods are one shared implementation (ufunc_methods)
    "add.reduce": SampleInput(_x()),
    "add.accumulate": SampleInput(_x()),
    "add.reduceat": SampleInput(_x((6,)), numpy.array([0, 2, 4])),
    "add.outer": SampleInput(_x((3,)), _x((2,))),
    "add.at": SampleInput(_x((6,)), numpy.array([0, 1, 1]), 1.0),
    "maximum.reduce": SampleInput(_x()),
    "maximum.accumulate": SampleInput(_x()),
    "maximum.at": SampleInput(_x((6,)), numpy.array([0, 1]), 9.0),
    "logical_and.reduce": SampleInput(_x() > 1),
    "multiply.outer": SampleInput(_x((3,), numpy.int64), _x((2,), numpy.int64)),
    "negative.at": SampleInput(_x((6,)), numpy.array([0, 2])),
}
# torchnp.random: valid calls of each function (array parameters where NumPy takes them); the
# draws differ from NumPy's, so their results are compared by shape and dtype only.
_P = _x() / 10          # probabilities in (0, 1)
_N = _x((2, 3), numpy.int64)
_RANDOM_SIZE = (2, 3)
RANDOM_BASES = {
    "random.beta": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.binomial": SampleInput(_N, _P, size=_RANDOM_SIZE),
    "random.bytes": SampleInput(5),
    "random.chisquare": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.choice": SampleInput(_x((5,)), 3),
    "random.dirichlet": SampleInput(_x((3,)), size=(2,)),
    "random.exponential": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.f": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.gamma": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.geometric": SampleInput(_P, size=_RANDOM_SIZE),
    "random.gumbel": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.hypergeometric": SampleInput(_N, _N, _N, size=_RANDOM_SIZE),
    "random.laplace": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.logistic": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.lognormal": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.logseries": SampleInput(_P, size=_RANDOM_SIZE),
    "random.multinomial": SampleInput(10, numpy.array([0.2, 0.3, 0.5]), size=(2,)),
    "random.multivariate_normal": SampleInput(numpy.array([0.0, 1.0]),
                                              numpy.array([[1.0, 0.5], [0.5, 2.0]]), size=(3,)),
    "random.negative_binomial": SampleInput(_x(), _P, size=_RANDOM_SIZE),
    "random.noncentral_chisquare": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.noncentral_f": SampleInput(_x(), _x(), _x(), size=_RANDOM_SIZE),
    "random.normal": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.pareto": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.permutation": SampleInput(_x((5,))),
    "random.poisson": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.power": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.rand": SampleInput(2, 3),
    "random.randint": SampleInput(0, 10, size=_RANDOM_SIZE),
    "random.randn": SampleInput(2, 3),
    "random.random": SampleInput(size=_RANDOM_SIZE),
    "random.random_integers": SampleInput(1, 10, size=_RANDOM_SIZE),
    "random.random_sample": SampleInput(size=_RANDOM_SIZE),
    "random.ranf": SampleInput(_RANDOM_SIZE),
    "random.rayleigh": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.sample": SampleInput(_RANDOM_SIZE),
    "random.seed": SampleInput(0),
    "random.set_state": SampleInput(numpy.random.RandomState(0).get_state()),
    "random.standard_cauchy": SampleInput(size=_RANDOM_SIZE),
    "random.standard_exponential": SampleInput(size=_RANDOM_SIZE),
    "random.standard_gamma": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.standard_normal": SampleInput(size=_RANDOM_SIZE),
    "random.standard_t": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.triangular": SampleInput(_x(), _x() * 2, _x() * 3, size=_RANDOM_SIZE),
    "random.uniform": SampleInput(_x(), _x() * 2, size=_RANDOM_SIZE),
    "random.vonmises": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.wald": SampleInput(_x(), _x(), size=_RANDOM_SIZE),
    "random.weibull": SampleInput(_x(), size=_RANDOM_SIZE),
    "random.zipf": SampleInput(_x() + 1, size=_RANDOM_SIZE),
}
BASES.update(RANDOM_BASES)
UFUNC_METHODS = ("add.reduce", "add.accumulate", "add.reduceat", "add.outer", "add.at",
                 "maximum.reduce", "maximum.accumulate", "maximum.at", "logical_and.reduce",
                 "multiply.outer", "negative.at")
# Keywords NumPy's signature hides in **kwargs.
HIDDEN_KEYWORDS = {"reduce": ("keepdims", "initial", "where")}
# Calls whose result is only meaningful through a context: entered and left.
CONTEXTS = {"errstate", "printoptions"}
# Calls that return iterators: the items are compared (torchnp's iterator classes are its own).
ITERATORS = {"broadcast", "ndenumerate", "ndindex", "nditer"}
# Results compared by shape and dtype only: uninitialised values, and partitions (torchnp sorts
# fully: one of the results NumPy allows, docs/differences.md).
SHAPE_ONLY = {"empty", "empty_like", "ndarray", "partition", "argpartition"}
SHAPE_ONLY |= {q for q in RANDOM_BASES if q not in ("random.seed", "random.set_state")}
# Signatures NumPy hides behind *args, **kwargs.
SIGNATURES = {"printoptions": inspect.signature(numpy.set_printoptions)}

# Whole bad calls that no single-argument change of a valid call reaches.
EXTRA = {
    "sin.reduce-unary": ("sin.reduce", SampleInput(_x())),
    "divmod.reduce-two_outputs": ("divmod.reduce", SampleInput(_x())),
    "add.reduce-repeated_axis": ("add.reduce", SampleInput(_x(), axis=(0, 0))),
    "add.reduceat-index_out_of_range": ("add.reduceat", SampleInput(_x((6,)),
                                                                    numpy.array([0, 9]))),
    "add.at-index_out_of_range": ("add.at", SampleInput(_x((6,)), numpy.array([9]), 1.0)),
    "matmul-core_dims_mismatch": ("matmul", SampleInput(_x((2, 3)), _x((2, 3)))),
    "zeros-negative_in_tuple": ("zeros", SampleInput((2, -1))),
    "reshape-incompatible": ("reshape", SampleInput(_x(), (4,))),
    "concatenate-shape_mismatch": ("concatenate", SampleInput([_x(), _x((2, 2))], axis=0)),
    "add-broadcast_mismatch": ("add", SampleInput(_x((2, 3)), _x((4,)))),
}

# Public callables that are not swept, and why.
NOT_SWEPT = {
    "flatiter": "numpy.flatiter cannot be constructed by users (TypeError); torchnp's is made by "
                "ndarray.flat (tests/test_indexing.py)",
    "ufunc": "numpy.ufunc cannot be constructed by users (TypeError); torchnp's constructor is the "
             "library's own table (torchnp/_math_ufuncs.py)",
    "get_printoptions": "takes no arguments",
    "__array_namespace_info__": "takes no arguments; its methods' bad arguments are checked "
                                "against NumPy's in tests/test_interop.py",
    "geterr": "takes no arguments",
    "geterrcall": "takes no arguments",
    "poly1d": "a class whose results are poly1d objects: compared with NumPy's, bad arguments "
              "included, in tests/test_polynomial.py",
    **{name: "reads or writes files: bad paths, file objects, arguments and malformed files are "
             "tested against NumPy in tests/test_io.py"
       for name in ("save", "savez", "savez_compressed", "savetxt", "load", "loadtxt",
                    "genfromtxt", "fromregex", "fromfile")},
    "fromstring": "NumPy's C function has no signature to sweep by; its bad input is tested "
                  "against NumPy in tests/test_io.py",
    "random.get_state": "returns the global generator's state, whose history differs from "
                        "NumPy's global one (round trips: tests/test_random.py)",
    "random.shuffle": "in place, in random order: nothing to compare but errors "
                      "(tests/test_random.py)",
    "random.default_rng": "returns a Generator; seeds are read by NumPy's own SeedSequence "
                          "(tests/test_random.py)",
    **{f"testing.{name}": "an assertion: failing is its job, with an AssertionError (which the "
       "sweep reads as an internal error); tests/test_testing.py gives each bad input and checks "
       "NumPy's exception and message" for name in (
           "assert_allclose", "assert_almost_equal", "assert_approx_equal",
           "assert_array_almost_equal", "assert_array_almost_equal_nulp", "assert_array_compare",
           "assert_array_equal", "assert_array_less", "assert_array_max_ulp", "assert_equal",
           "build_err_msg", "print_assert_equal")},
    "getbufsize": "takes no arguments",
    "setbufsize": "a process-wide setting; its errors are checked in tests/test_namespace.py",
    "info": "prints help on any object: no argument is bad",
    "nested_iters": "returns nditer objects; its errors are checked in tests/test_iterators.py",
    "vectorize": "wraps any callable in an object; its errors are checked in "
                 "tests/test_vectorize.py",
    "memmap": "needs a file on disk; its errors are checked in tests/test_memmap.py",
    **{f"lib.format.{name}": "reads, writes or maps .npy data: file objects, paths, malformed "
                             "input and bad arguments are tested against NumPy in "
                             "tests/test_lib_format.py"
       for name in ("open_memmap", "read_array", "write_array")},
    "lib.npyio.NpzFile": "opens a zip archive: tested against NumPy's in tests/test_lib_format.py "
                         "and tests/test_io.py",
    **{f"polynomial.{name}": "a series class: its constructor's and methods' bad arguments are "
                             "compared with NumPy's in tests/test_polynomial_package.py"
       for name in ("Polynomial", "Chebyshev", "Legendre", "Hermite", "HermiteE", "Laguerre")},
    "polynomial.set_default_printstyle": "a process-wide setting; its error is checked in "
                                         "tests/test_polynomial_package.py",
}
_RANDOM_CLASSES = "a generator class: NumPy's own seeding code reads seeds (tests/test_random.py)"
NOT_SWEPT.update(dict.fromkeys(
    ("random.BitGenerator", "random.Generator", "random.MT19937", "random.PCG64",
     "random.PCG64DXSM", "random.Philox", "random.RandomState", "random.SFC64"), _RANDOM_CLASSES))

# Deliberate differences (docs/differences.md): case id -> (the class torchnp raises, reason).
_FLOAT_SIZE = "a float size: NumPy's Python code happens to take it (arange(2.5)); torchnp's " \
    "sizes are integers (docs/differences.md, integer arguments)"
_STRING_NUMBER = "a string parsed as a number by NumPy's int(); torchnp takes no strings for " \
    "numbers (docs/differences.md, integer arguments)"
_LEGACY = "NumPy warns and keeps the bad value, then its own get_printoptions fails with a " \
    "KeyError; torchnp refuses it at once (docs/differences.md)"
_FFT_OUT = "NumPy 2.4 ignores out= here (numpy gh-30909, fixed after 2.4); torchnp checks and " \
    "writes it (docs/differences.md)"
DIFFERENCES = {
    "diag_indices-n-float": (TypeError, _FLOAT_SIZE),
    "tril_indices-n-float": (TypeError, _FLOAT_SIZE),
    "triu_indices-n-float": (TypeError, _FLOAT_SIZE),
    "tri-N-float": (TypeError, _FLOAT_SIZE),
    "roll-shift-string": (TypeError, _STRING_NUMBER),
    "tile-reps-string": (TypeError, _STRING_NUMBER),
    "set_printoptions-legacy-string": (ValueError, _LEGACY),
    "set_printoptions-legacy-object": (ValueError, _LEGACY),
    "printoptions-legacy-string": (ValueError, _LEGACY),
    "printoptions-legacy-object": (ValueError, _LEGACY),
    "reshape-shape-None": (TypeError, "NumPy 2.4 returns the array unchanged (None stands for "
                                      "'not given' while newshape= is deprecated); torchnp "
                                      "raises TypeError as NumPy does for any other non-shape"),
    **{f"fft.{f}-out-{case}": (cls, _FFT_OUT) for f in ("hfft", "ifft2", "irfft2")
       for case, cls in (("string", TypeError), ("object", TypeError), ("list", TypeError),
                         ("wrong_shape", ValueError), ("wrong_dtype", TypeError))},
    **{f"fft.{f}-axes-string": (TypeError, _STRING_NUMBER)
       for f in ("fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2")},
    "add.at-b-None": (ValueError, "an explicit b=None is b not given (NumPy's C code tells the "
                                  "two apart; its signature cannot)"),
    "maximum.at-b-None": (ValueError, "an explicit b=None is b not given (NumPy's C code tells "
                                      "the two apart; its signature cannot)"),
}
_COMPLEX_HISTOGRAM = "complex data in a histogram: NumPy orders it lexicographically (and warns " \
    "as it drops imaginary parts); torchnp refuses it (docs/differences.md, histograms)"
DIFFERENCES.update({case: (TypeError, _COMPLEX_HISTOGRAM) for case in (
    "histogram-a-complex", "histogram_bin_edges-a-complex", "histogram2d-x-complex",
    "histogram2d-y-complex", "histogramdd-sample-complex")})

# Mismatches found by the sweep and not fixed yet: case id -> reason (strict xfail). Each line
# reproduces with ``check_case(ALL_CASES[id])``.
_ROLL_0D = "NumPy's roll of a 0-d array over no axes fails ('not enough values to unpack'); " \
    "torchnp.roll returns a copy, and fftshift / ifftshift roll with it"
KNOWN_MISMATCHES = {
    "fft.fftshift-x-0d": _ROLL_0D,
    "fft.ifftshift-x-0d": _ROLL_0D,
    "polyfit-x-bool": "rounding, not a bug: bool x makes x**2 == x, a rank-deficient fit whose "
                      "third coefficient is zero up to rounding (1e-16, compared with atol=0); "
                      "torch's SVD and LAPACK's gelsd round differently (tests/test_polynomial.py "
                      "compares rank-deficient fits with a tolerance)",
    "unique_values-x-complex": "deliberate (docs/differences.md, set routines): unique_values "
                               "returns the values sorted; NumPy's (hash table) order is "
                               "unspecified",
}


def public_callables():
    """{qualname: (numpy object, torchnp object)}: torchnp's own callables with a NumPy
    counterpart, one name per object (aliases are the same object), and the ufunc methods."""
    out, seen = {}, set()
    numpy_names = _coverage.all_numpy_callables()
    def primary_first(q):        # abs and absolute: test under the name NumPy's object has
        return getattr(numpy_names[q], "__name__", q) != q.split(".")[-1], q

    for q in sorted(numpy_names, key=primary_first):
        t = _coverage.torchnp_object(q)
        if t is None or t is numpy_names[q] or id(t) in seen:
            continue        # absent, or NumPy's own object re-exported (NumPy's behaviour)
        if isinstance(t, type) and t.__module__.startswith("numpy"):
            continue
        seen.add(id(t))
        out[q] = (numpy_names[q], t)
    for q in UFUNC_METHODS:
        out[q] = (resolve(numpy, q), resolve(torchnp, q))
    return out


def _first_valid_sample(entry):
    for dt in entry.variant_dtypes():
        for s in entry.sample_inputs(dt):
            if s.tag is None and _run(entry.ref, s.numpy_copy())[1] is None:
                return s
    return None


def base_call(qualname):
    """A valid call (NumPy arguments), or None."""
    if qualname in BASES:
        return BASES[qualname]
    entry = _DB.get(qualname)
    return None if entry is None else _first_valid_sample(entry)


_DB = {op.name: op for op in op_db}
# Results that agree with NumPy's only to rounding (transforms add in another order): compared
# with their database entry's tolerance.
# (numpy.polynomial: the series functions round as NumPy's do in most places, not all:
# docs/differences.md)
ROUNDED = {name for name in _DB if name.startswith(("fft.", "polynomial."))}


# ----- running the two libraries -----------------------------------------------------------------
def _call(fn, qualname, sample):
    if qualname in CONTEXTS:
        with fn(*sample.args, **sample.kwargs):
            return None
    if qualname in ITERATORS:
        return list(fn(*sample.args, **sample.kwargs))
    return fn(*sample.args, **sample.kwargs)


def _run(fn, sample, qualname=""):
    """(result, None) or (None, exception), with warnings silenced and global settings kept."""
    with warnings.catch_warnings(), numpy.errstate(), numpy.printoptions(), \
            torchnp.errstate(), torchnp.printoptions():
        warnings.simplefilter("ignore")
        try:
            return _call(fn, qualname, sample), None
        except Exception as e:      # noqa: BLE001 - the class is what we compare
            return None, e


# ----- where an exception comes from -------------------------------------------------------------
_TORCH_DIR = os.path.dirname(torch.__file__) + os.sep
_TORCH_WORDS = re.compile(
    r"invalid combination of arguments|Dimension out of range|\b[Tt]ensors?\b|"
    r"expected scalar type|must be tuple of ints|not implemented for '|torch\.|aten::|"
    r"argument '\w+' \(position \d+\) must be|but got")


def _displayed_chain(exc):
    """The exception and those Python prints with it (__cause__, unsuppressed __context__)."""
    while exc is not None:
        yield exc
        exc = exc.__cause__ if exc.__cause__ is not None else \
            (None if exc.__suppress_context__ else exc.__context__)


def torch_leak(exc):
    """Why ``exc`` (or its printed chain) exposes torch or an internal assertion; None if clean."""
    for e in _displayed_chain(exc):
        if type(e).__module__.split(".")[0] == "torch":
            return f"a torch exception type {type(e).__module__}.{type(e).__name__}: {e}"
        if isinstance(e, AssertionError):
            return f"an internal AssertionError: {e}"
        frames = traceback.extract_tb(e.__traceback__)
        if frames and frames[-1].filename.startswith(_TORCH_DIR):
            return f"{type(e).__name__} raised inside torch ({frames[-1].filename}): {e}"
        if isinstance(e, (RuntimeError, NotImplementedError)) and frames \
                and "raise" not in (frames[-1].line or ""):
            return f"{type(e).__name__} from a C function ({frames[-1].line!r}): {e}"
        msg = str(e)
        if _TORCH_WORDS.search(msg) and "docs/differences.md" not in msg:
            return f"{type(e).__name__} with torch's wording: {msg}"
    return None


# Phrases of NumPy's messages that torchnp's must repeat (NumPy's words for the common cases).
KEY_MESSAGES = (
    re.compile(r"axis -?\d+ is out of bounds for array of dimension \d+"),
    re.compile(r"negative dimensions are not allowed"),
    re.compile(r"data type '\w+' not understood"),
)

_PYTHON_INTERNAL = re.compile(r"object has no attribute|^(tuple|list) index out of range$")


def _unchecked(np_exc):
    """Whether NumPy's exception is Python's own, from NumPy code that never checked its input."""
    return isinstance(np_exc, (AttributeError, IndexError)) \
        and bool(_PYTHON_INTERNAL.search(str(np_exc)))


_PRINCIPLE = re.compile(r"torchnp does not support the \w+ dtype")


def _non_numeric(value):
    """Whether NumPy turns ``value`` into an object / string array (or it names such a dtype)."""
    if value is object or value is str:
        return True
    if isinstance(value, (list, tuple)):
        return any(_non_numeric(v) for v in value)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return numpy.asarray(value).dtype.kind in "OUSV"
    except Exception:       # noqa: BLE001 - ragged and the like: NumPy raises, not this rule
        return False


# ----- the cases ---------------------------------------------------------------------------------
class _Ctx:
    """What a bad-value generator may look at: the base value, the inputs' ndim, NumPy's result."""
    __slots__ = ("value", "ndim", "expected")

    def __init__(self, value, ndim, expected):
        self.value = value
        self.ndim = ndim
        self.expected = expected


class Case:
    """One bad call: NumPy's arguments (torchnp's are mirrored), and the bad value."""
    __slots__ = ("case_id", "qualname", "sample", "bad")

    def __init__(self, case_id, qualname, sample, bad):
        self.case_id = case_id
        self.qualname = qualname
        self.sample = sample
        self.bad = bad


def _signature(qualname, np_obj):
    if qualname in SIGNATURES:
        return SIGNATURES[qualname]
    return inspect.signature(np_obj)


def _max_ndim(values):
    nd = 0
    for v in values:
        if isinstance(v, numpy.ndarray):
            nd = max(nd, v.ndim)
        elif isinstance(v, (list, tuple)):
            nd = max(nd, _max_ndim(v))
    return nd


def _replace(sig, bound, name, value):
    """A SampleInput: the bound base call with parameter ``name`` set to ``value``."""
    args = dict(bound.arguments)
    param = sig.parameters.get(name)
    if param is not None and param.kind is inspect.Parameter.VAR_POSITIONAL:
        args[name] = (value,) + tuple(args[name][1:])
    else:
        args[name] = value
    if param is None:           # a keyword NumPy's signature hides in **kwargs
        ba = inspect.BoundArguments(sig, {k: v for k, v in args.items() if k != name})
        return SampleInput(*ba.args, **ba.kwargs, **{name: value})
    ba = inspect.BoundArguments(sig, args)
    return SampleInput(*ba.args, **ba.kwargs)


def _params(qualname, sig):
    """(name, parameter or None, default) of every parameter a case may change."""
    out = []
    for p in sig.parameters.values():
        if p.kind is not inspect.Parameter.VAR_KEYWORD:
            out.append((p.name, p, p.default))
    for name in HIDDEN_KEYWORDS.get(qualname.split(".")[-1], ()):
        out.append((name, None, inspect.Parameter.empty))
    return out


def cases_of(qualname, np_obj):
    """{id: Case} for one callable: each parameter of NumPy's signature x its kind's bad values."""
    base = base_call(qualname)
    if base is None:
        return {}
    sig = _signature(qualname, np_obj)
    bound = sig.bind(*base.args, **base.kwargs)
    expected, exc = _run(np_obj, base.numpy_copy(), qualname)
    ndim = _max_ndim(list(base.args) + list(base.kwargs.values()))
    out = {}
    for name, p, default in _params(qualname, sig):
        value = bound.arguments.get(name, default)
        if p is not None and p.kind is inspect.Parameter.VAR_POSITIONAL:
            if value is inspect.Parameter.empty or not value:      # no extra positionals
                continue
            value = value[0]
        kind = _kind(qualname, name, value)
        ctx = _Ctx(value, ndim, expected)
        for case, make in GENERIC + CASES[kind]:
            if case == "None" and value is None:
                continue        # the base call itself
            if kind == "out" and case != "list" and exc is not None:
                continue        # no NumPy result to shape an out= on
            bad = make(ctx)
            if bad is SKIP:
                continue
            case_id = f"{qualname}-{name}-{case}"
            out[case_id] = Case(case_id, qualname, _replace(sig, bound, name, bad), bad)
    return out


def all_cases():
    out = {}
    for qualname, (np_obj, _) in public_callables().items():
        if qualname not in NOT_SWEPT:
            out.update(cases_of(qualname, np_obj))
    for case_id, (qualname, sample) in EXTRA.items():
        out[case_id] = Case(case_id, qualname, sample, None)
    return out


CALLABLES = public_callables()
ALL_CASES = all_cases()


def _params_for_pytest():
    params = []
    for case_id, case in ALL_CASES.items():
        reason = KNOWN_MISMATCHES.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(case, id=case_id, marks=marks))
    return params


# ----- the tests ---------------------------------------------------------------------------------
def _objects(qualname):
    return CALLABLES.get(qualname) or (resolve(numpy, qualname), resolve(torchnp, qualname))


def check_case(case):
    np_obj, tnp_obj = _objects(case.qualname)
    expected, np_exc = _run(np_obj, case.sample.numpy_copy(), case.qualname)
    tnp_sample = case.sample.to("cpu")
    actual, exc = _run(tnp_obj, tnp_sample, case.qualname)
    if exc is not None:
        leak = None if np_exc is not None and str(exc) == str(np_exc) else torch_leak(exc)
        assert leak is None, f"torchnp raised {leak}"
        if isinstance(exc, TypeError) and _PRINCIPLE.search(str(exc)) \
                and _non_numeric(case.bad):
            return      # numeric dtypes only (docs/differences.md)
    if case.case_id in DIFFERENCES:         # documented: torchnp raises this class
        want = DIFFERENCES[case.case_id][0]
        assert isinstance(exc, want), f"torchnp gave {exc!r}; documented: {want.__name__}"
        return
    if _unchecked(np_exc):
        # NumPy never checked the argument: its Python code failed on it (an AttributeError, a
        # tuple index out of range). torchnp raises the same, or its own check's TypeError /
        # ValueError (docs/differences.md).
        assert isinstance(exc, (type(np_exc), TypeError, ValueError)), \
            f"NumPy failed with {np_exc!r}; torchnp gave {exc!r}, not a TypeError or ValueError"
        return
    if np_exc is not None:
        want = public_exception_class(type(np_exc))
        assert exc is not None, \
            f"torchnp returned {actual!r}; NumPy raised {want.__name__}: {np_exc}"
        assert isinstance(exc, want), (f"torchnp raised {type(exc).__name__}: {exc}; NumPy "
                                       f"raised {want.__name__}: {np_exc}")
        for key in KEY_MESSAGES:
            m = key.search(str(np_exc))
            if m:
                assert m.group(0) in str(exc), \
                    f"torchnp's message {str(exc)!r} lacks NumPy's words {m.group(0)!r}"
        return
    if exc is not None and isinstance(expected, (numpy.ndarray, numpy.generic)) \
            and expected.dtype.kind in "OUSV":
        assert isinstance(exc, TypeError) and _PRINCIPLE.search(str(exc)), \
            f"NumPy returned a non-numeric {expected!r}; torchnp raised {type(exc).__name__}"
        return
    assert exc is None, f"torchnp raised {type(exc).__name__}: {exc}; NumPy returned {expected!r}"
    _compare(case, expected, actual, tnp_sample)


def _compare(case, expected, actual, tnp_sample):
    if case.qualname in SHAPE_ONLY:
        got, want = numpy.asarray(actual), numpy.asarray(expected)
        assert got.shape == want.shape and got.dtype == want.dtype
        return
    if expected is None and case.sample.args and isinstance(case.sample.args[0], numpy.ndarray):
        # in place: compare the array written
        written = case.sample.numpy_copy()
        _run(_objects(case.qualname)[0], written, case.qualname)
        assert actual is None
        assert_matches_numpy(tnp_sample.args[0], written.args[0])
        return
    entry = _DB.get(case.qualname)
    if isinstance(entry, LinalgInfo):
        # linalg results are rounded differently, decompositions unique only up to phases:
        # the entry's tolerance and comparison
        first = expected[0] if isinstance(expected, tuple) else expected
        rtol, atol = entry.tolerance(numpy.asarray(first).dtype, expected)
        entry.compare(actual, expected, rtol, atol)
        return
    if isinstance(expected, (numpy.ndarray, numpy.generic, list, tuple)):
        rtol, atol = _DB[case.qualname].tolerance(None, expected) \
            if case.qualname in ROUNDED else (None, 0)
        assert_result_matches(actual, expected, rtol=rtol, atol=atol)
        return
    assert actual == expected, f"{actual!r} != {expected!r}"


@pytest.mark.parametrize("case", _params_for_pytest())
def test_bad_input(case):
    check_case(case)


def test_every_callable_is_swept_or_listed():
    """Each public callable has a base call (so cases) or a reason in NOT_SWEPT; no stale lines."""
    swept = {c.qualname for c in ALL_CASES.values()}
    missing = [q for q in CALLABLES if q not in swept and q not in NOT_SWEPT]
    assert not missing, "no base call (add one to BASES) for: " + ", ".join(missing)
    stale = [q for q in NOT_SWEPT if q not in CALLABLES]
    assert not stale, "stale NOT_SWEPT lines: " + ", ".join(stale)
    stale = [c for c in KNOWN_MISMATCHES if c not in ALL_CASES]
    assert not stale, "stale KNOWN_MISMATCHES lines: " + ", ".join(stale)


def test_key_messages():
    """NumPy's words for the two commonest bad inputs, spelled out."""
    a = torchnp.ones((2, 3))
    with pytest.raises(torchnp.AxisError, match="^axis 3 is out of bounds for array of "
                                                "dimension 2$"):
        torchnp.sum(a, axis=3)
    with pytest.raises(ValueError, match="^negative dimensions are not allowed$"):
        torchnp.zeros((2, -1))


# ----- an array on another device ----------------------------------------------------------------
def _device_params():
    if not torch.cuda.is_available():
        return [pytest.param(None, id="cuda", marks=pytest.mark.skip(
            reason="no CUDA device on this machine: mixing a CUDA and a CPU array is checked "
                   "where torch.cuda.is_available()"))]
    params = []
    for qualname in CALLABLES:
        base = base_call(qualname)
        if base is None or qualname in NOT_SWEPT:
            continue
        arrays = [i for i, a in enumerate(base.args) if isinstance(a, numpy.ndarray)]
        if len(arrays) >= 2:
            params.append(pytest.param((qualname, base, arrays[1]), id=f"{qualname}-cuda"))
    return params


@pytest.mark.parametrize("call", _device_params())
def test_bad_input_device(call):
    """Arrays on two devices: NumPy's ValueError for it (DESIGN.md 3.6), never torch's error."""
    qualname, base, i = call
    sample = base.to("cpu")
    args = list(sample.args)
    args[i] = torchnp.asarray(args[i].tensor.to("cuda"))
    _, exc = _run(CALLABLES[qualname][1], SampleInput(*args, **sample.kwargs), qualname)
    assert isinstance(exc, ValueError), f"expected ValueError, got {exc!r}"
    leak = torch_leak(exc)
    assert leak is None, f"torchnp raised {leak}"
