"""The machinery of tests/test_fuzz.py: random programs run in NumPy and torchnp side by side.

A ``Program`` holds every reference it made, as (NumPy value, torchnp value) pairs. Each step draws
an operation, runs it in both libraries and checks the result (value, dtype, shape, memory sharing,
exception class), then checks every reference still held: a write through one alias must show in
all the others exactly as in NumPy. NumPy is the oracle; expected values never come from torchnp.

Known, documented differences are matched by the narrow rules in ``ALLOWED`` (each names its
reason and the entry of docs/differences.md); anything else is a failure that prints the program.
"""
import collections
import math
import operator
import traceback
import warnings

import numpy
import torch

import torchnp
from helpers import public_exception_class

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]

# Every documented difference the fuzzer tolerates: name -> reason (and where it is documented).
# Each rule is matched by exact conditions in the code that names it (grep the name).
ALLOWED = {
    "negative-step slice is a copy":
        "torch has no negative strides (docs/differences.md, Views)",
    "where= without out= gives zeros":
        "unselected elements are zeros, NumPy leaves them uninitialised (docs/differences.md, "
        "Other deliberate differences)",
    "sinh/cosh overflow early":
        "torch's vectorised kernels overflow slightly before NumPy (docs/differences.md, "
        "Floating-point corner cases)",
    "fmod/remainder/divmod of overflowing quotients":
        "nan where x1 / x2 overflows (docs/differences.md, Floating-point corner cases)",
    "complex power with infinite operands":
        "NumPy multiplies repeatedly for small integer exponents, also where a huge base makes "
        "exp(b log a) overflow (docs/differences.md, Floating-point corner cases)",
    "complex multiply with infinite parts":
        "torch's kernels and NumPy's put inf and nan in different parts of a non-finite product "
        "(docs/differences.md, Floating-point corner cases)",
    "log1p of the smallest subnormal":
        "torch returns 0 (docs/differences.md, Floating-point corner cases)",
    "float to integer cast out of range":
        "C leaves the conversion of nan, inf and out-of-range floats to integers undefined; "
        "NumPy's values depend on the CPU (docs/differences.md, Floating-point corner cases)",
    "float summation order":
        "sum/prod/mean of floats whose partial results can overflow or underflow: the summation "
        "order decides inf / nan / 0 (docs/differences.md, Floating-point corner cases)",
    "maximum & co. of two zeros":
        "which zero NumPy returns for -0.0 and 0.0 depends on its loop; IEEE 754 allows either "
        "(docs/differences.md, Where NumPy itself is wrong)",
    "Python int too large for uint64":
        "raises OverflowError where NumPy would make an object array (docs/differences.md, "
        "Other deliberate differences)",
}

# Bugs the fuzzer found in code outside tests' reach, not fixed yet: name -> minimal reproducer.
# Each is matched as narrowly as an allowed difference; delete the entry once the bug is fixed.
KNOWN_BUGS = {
    "ufunc checks shapes and values before the output cast":
        "np.add(np.ones(3), np.ones(2), out=np.zeros(3, int))  # NumPy: TypeError (cannot cast "
        "output), torchnp: ValueError (broadcast); a = np.array(False); a **= np.int8(-3)  "
        "# NumPy: TypeError, torchnp: ValueError (negative integer power)",
}

def _known_error_bug(what, np_error, tn_error):
    """The known bug that explains torchnp raising ``tn_error`` where NumPy raised ``np_error``."""
    if isinstance(np_error, TypeError) and "Cannot cast ufunc" in str(np_error) and \
            isinstance(tn_error, ValueError):
        return "ufunc checks shapes and values before the output cast"
    return None

# How often each allow-list rule matched, and on which operations (for reports).
ALLOW_HITS = collections.Counter()


# ----- values -------------------------------------------------------------------------------------

def edge_values(dtype):
    """The edge values of a dtype: zeros of both signs, infinities, nan, limits, subnormals."""
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        return [False, True]
    if dt.kind in "iu":
        info = numpy.iinfo(dt)
        return [0, 1, info.max, info.max - 1, info.min, info.min + 1] + \
            ([-1, -2] if dt.kind == "i" else [])
    info = numpy.finfo(dt)
    reals = [0.0, -0.0, numpy.inf, -numpy.inf, numpy.nan, float(info.max), -float(info.max),
             float(info.smallest_normal), float(info.smallest_subnormal),
             -float(info.smallest_subnormal), float(info.eps), 2.5, -0.5]
    if dt.kind == "f":
        return reals
    return [complex(r, i) for r in reals[:7] for i in (0.0, -0.0, 1.0, numpy.inf, numpy.nan)]


def plain_values(dtype):
    """Ordinary values of a dtype (most elements are drawn from these)."""
    dt = numpy.dtype(dtype)
    if dt.kind == "b":
        return [False, True]
    if dt.kind == "u":
        return [0, 1, 2, 3, 5, 7, 12]
    if dt.kind == "i":
        return [-3, -1, 0, 1, 2, 3, 7]
    if dt.kind == "f":
        return [-2.5, -1.0, 0.0, 0.5, 1.0, 1.5, 3.0, 0.25]
    return [complex(r, i) for r in (-1.5, 0.0, 2.0) for i in (0.0, 1.0, -0.5)]


def make_values(dtype, n, choices):
    """A 1-d NumPy array of ``dtype`` from ``n`` picks (indices into plain + edge values)."""
    pool = plain_values(dtype) * 2 + edge_values(dtype)
    return numpy.array([pool[c % len(pool)] for c in choices[:n]] + [pool[0]] * (n - len(choices)),
                       dtype=dtype)


# ----- memory sharing -----------------------------------------------------------------------------

def _byte_set(t):
    """Every byte offset (in its storage) that tensor ``t`` covers."""
    idx = numpy.full((), t.storage_offset(), dtype=numpy.int64)
    for n, s in zip(t.shape, t.stride()):
        idx = idx[..., None] + numpy.arange(n, dtype=numpy.int64) * s
    size = t.element_size()
    return numpy.unique((idx.reshape(-1, 1) * size + numpy.arange(size)).reshape(-1))


def tn_shares_memory(a, b):
    """torchnp's ``shares_memory``: same storage and at least one byte in common (exact)."""
    ta, tb = a.tensor, b.tensor
    if ta.device != tb.device or ta.numel() == 0 or tb.numel() == 0:
        return False
    if ta.untyped_storage().data_ptr() != tb.untyped_storage().data_ptr():
        return False
    return numpy.intersect1d(_byte_set(ta), _byte_set(tb)).size > 0


def np_shares_memory(x, y):
    if not isinstance(x, numpy.ndarray) or not isinstance(y, numpy.ndarray):
        return False
    return numpy.shares_memory(x, y)


# ----- comparing values ---------------------------------------------------------------------------

def host(x):
    """A torchnp array as a NumPy array (a host copy)."""
    return x.tensor.detach().cpu().resolve_conj().resolve_neg().numpy()


def mismatch(got, exp, tol):
    """Boolean mask of elements where ``got`` differs from ``exp`` (same shape and dtype).

    ``tol`` None: exact, NaN-aware, zeros must agree in sign. Otherwise (rtol, atol): infinities
    and nans must agree; finite values within tolerance (complex ones by magnitude).
    """
    if exp.dtype.kind not in "fc":
        return got != exp
    if exp.dtype.kind == "c":
        # a nan in either part counts as nan, as tests/helpers.py compares complex values
        nan_e = numpy.isnan(exp.real) | numpy.isnan(exp.imag)
        nan_g = numpy.isnan(got.real) | numpy.isnan(got.imag)
        parts = [mismatch(got.real, exp.real, None), mismatch(got.imag, exp.imag, None)]
        exact = ((parts[0] | parts[1]) & ~(nan_e & nan_g)) | (nan_e != nan_g)
        if tol is None:
            return exact
        return exact & (_complex_far(got, exp, tol) | (nan_e != nan_g))
    if tol is None:
        same = (got == exp) & (numpy.signbit(got) == numpy.signbit(exp))
        return ~(same | (numpy.isnan(got) & numpy.isnan(exp)))
    return _real_far(got, exp, tol)


def _real_far(got, exp, tol):
    rtol, atol = tol
    g, e = got.astype(numpy.float64), exp.astype(numpy.float64)
    with numpy.errstate(all="ignore"):
        close = numpy.abs(g - e) <= atol + rtol * numpy.abs(e)
        big = float(numpy.finfo(exp.dtype).max) / (1 + rtol)
        # a result within rounding of the overflow threshold may round either way
        edge = numpy.isinf(g) & (numpy.abs(e) >= big) & (numpy.sign(g) == numpy.sign(e))
        edge |= numpy.isinf(e) & (numpy.abs(g) >= big) & (numpy.sign(g) == numpy.sign(e))
    same = (g == e) | (numpy.isnan(g) & numpy.isnan(e))
    return ~(same | (close & numpy.isfinite(g) & numpy.isfinite(e)) | edge)


def _complex_far(got, exp, tol):
    rtol, atol = tol
    g, e = got.astype(numpy.complex128), exp.astype(numpy.complex128)
    with numpy.errstate(all="ignore"):
        finite = numpy.isfinite(g) & numpy.isfinite(e)
        close = finite & (numpy.abs(g - e) <= atol + rtol * numpy.abs(e))
    far_parts = _real_far(g.real, e.real, tol) | _real_far(g.imag, e.imag, tol)
    return ~close & far_parts


def tolerance(np_dtype, loose=1):
    """(rtol, atol) for inexact results of ``np_dtype``: a few ulp, ``loose`` times that."""
    dt = numpy.dtype(np_dtype)
    if dt.kind not in "fc":
        return None
    info = numpy.finfo(dt)
    return (16 * loose * float(info.eps), 16 * loose * float(info.smallest_normal))


# ----- running a step in both libraries -----------------------------------------------------------

class Outcome:
    """The result of one call in one library: a value or an exception."""
    __slots__ = ("value", "error")

    def __init__(self, fn):
        self.value = self.error = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self.value = fn()
            except Exception as e:      # noqa: BLE001 - the class is compared
                self.error = e


class Ref:
    """One reference the program holds: NumPy's value and torchnp's."""
    __slots__ = ("np", "tn", "name")

    def __init__(self, np_value, tn_value, name):
        self.np, self.tn, self.name = np_value, tn_value, name


class Mismatch(AssertionError):
    pass


def is_np_scalar(x):
    return isinstance(x, numpy.generic)


def as_np_array(x):
    """NumPy's value as an array (scalars 0-d) for comparisons."""
    return numpy.asarray(x)


# ----- which results are exact --------------------------------------------------------------------

# Ufuncs whose float results are correctly rounded (or exact) in both libraries.
EXACT_REAL = frozenset("""
    add subtract multiply divide true_divide floor_divide remainder fmod divmod negative positive
    absolute fabs sign conjugate square reciprocal sqrt equal not_equal less less_equal greater
    greater_equal logical_and logical_or logical_xor logical_not bitwise_and bitwise_or bitwise_xor
    invert left_shift right_shift maximum minimum fmax fmin isnan isinf isfinite signbit copysign
    nextafter spacing floor ceil trunc rint frexp ldexp modf gcd lcm bitwise_count heaviside isnat
    """.split())
# ... and those exact on complex operands too.
EXACT_COMPLEX = frozenset("""
    add subtract negative positive conjugate equal not_equal less less_equal greater greater_equal
    logical_and logical_or logical_xor logical_not maximum minimum fmax fmin isnan isinf isfinite
    """.split())
# Reorderable ufuncs whose reduce NumPy computes right on every CPU (NumPy's AVX-512 loops reduce
# non-reorderable ufuncs such as power or subtract wrongly, so those are never fuzzed).
REORDERABLE = ("add", "multiply", "maximum", "minimum", "fmax", "fmin", "logical_and",
               "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor")
INPLACE_OPS = ("iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "iand", "ior",
               "ixor", "ilshift", "irshift")
GUFUNCS = ("matmul", "vecdot", "matvec", "vecmat")
UFUNCS = tuple(sorted({getattr(numpy, n).__name__ for n in dir(numpy)
                       if isinstance(getattr(numpy, n), numpy.ufunc)
                       and isinstance(getattr(torchnp, n, None), torchnp.ufunc)} - set(GUFUNCS)))


def ufunc_tolerance(name, dtypes, loose=1):
    """(rtol, atol) for the result of ufunc ``name`` over ``dtypes``, or None where exact."""
    kinds = {numpy.dtype(d).kind for d in dtypes}
    if "c" in kinds:
        exact = name in EXACT_COMPLEX
    elif "f" in kinds:
        exact = name in EXACT_REAL
    else:
        return None
    if exact:
        return None
    wide = max((d for d in dtypes if numpy.dtype(d).kind in "fc"),
               key=lambda d: numpy.finfo(d).eps)
    return tolerance(wide, loose)


# ----- the program --------------------------------------------------------------------------------

class Program:
    """A random program, drawn step by step from hypothesis' ``data``; every step is checked."""

    def __init__(self, data, max_refs=16):
        self.data = data
        self.refs = []
        self.log = []
        self.max_refs = max_refs

    # --- bookkeeping
    def draw(self, strategy):
        return self.data.draw(strategy)

    def say(self, line):
        self.log.append(line)

    def add(self, np_value, tn_value):
        ref = Ref(np_value, tn_value, f"r{len(self.refs)}")
        self.refs.append(ref)
        return ref

    def fail(self, message):
        raise Mismatch(message + "\n--- program (r<i>: references; NumPy spelling) ---\n"
                       + "\n".join(self.log))

    def allow(self, rule, what):
        """Record that documented difference ``rule`` explains what was seen."""
        assert rule in ALLOWED, rule
        ALLOW_HITS[(rule, what)] += 1
        self.say(f"#   allowed: {rule} ({what})")

    def known(self, bug, what):
        """Record that known (reported, unfixed) bug ``bug`` explains what was seen."""
        assert bug in KNOWN_BUGS, bug
        ALLOW_HITS[("known bug: " + bug, what)] += 1
        self.say(f"#   known bug: {bug} ({what})")

    # --- checks
    def outcomes_agree(self, np_o, tn_o, what):
        """Both raised (the same public class) -> False; both returned -> True; else fail."""
        if np_o.error is not None:
            expected = public_exception_class(type(np_o.error))
            if tn_o.error is None:
                self.fail(f"{what}: NumPy raised {type(np_o.error).__name__}: {np_o.error}; "
                          "torchnp did not")
            bug = _known_error_bug(what, np_o.error, tn_o.error)
            if bug is not None:
                self.known(bug, what)
            elif not isinstance(tn_o.error, expected):
                self.fail(f"{what}: NumPy raised {expected.__name__}: {np_o.error}; torchnp raised "
                          f"{_describe(tn_o.error)}")
            self.say(f"#   both raised {expected.__name__}")
            return False
        if tn_o.error is not None:
            self.fail(f"{what}: torchnp raised {_describe(tn_o.error)}; NumPy returned "
                      f"{np_o.value!r}")
        return True

    def check_value(self, exp, got, what, tol=None, allow=None):
        """``got`` (torchnp) matches ``exp`` (NumPy). ``allow(exp, got) -> (mask, rule)`` excuses
        elementwise differences a documented rule explains."""
        if isinstance(exp, tuple):
            if not isinstance(got, tuple) or len(got) != len(exp):
                self.fail(f"{what}: expected a tuple of {len(exp)}, got {got!r}")
            for i, (e, g) in enumerate(zip(exp, got)):
                self.check_value(e, g, f"{what}[{i}]", tol, allow)
            return
        if not isinstance(exp, (numpy.ndarray, numpy.generic)):
            if type(got) is not type(exp) or not (got == exp or (got != got and exp != exp)):
                self.fail(f"{what}: expected {exp!r} ({type(exp).__name__}), got {got!r}")
            return
        if not isinstance(got, torchnp.ndarray):
            self.fail(f"{what}: expected an array, got {type(got).__name__}: {got!r}")
        e = as_np_array(exp)
        if got.shape != e.shape or got.dtype != e.dtype:
            self.fail(f"{what}: expected shape {e.shape} {e.dtype}, got {got.shape} {got.dtype}")
        g = host(got)
        if g.dtype != e.dtype:
            self.fail(f"{what}: tensor dtype {g.dtype} != {e.dtype}")
        bad = mismatch(g, e, tol)
        if allow is not None and bad.any():
            excused, rule = allow(e, g)
            if (bad & excused).any():
                self.allow(rule, what)
            bad = bad & ~excused
        if bad.any():
            self.fail(f"{what}: values differ at {numpy.argwhere(bad)[:4].tolist()}\n"
                      f"  expected {e!r}\n  got      {g!r}")

    def check_all(self):
        """Every reference still held equals NumPy's counterpart."""
        for ref in self.refs:
            self.check_value(ref.np, ref.tn, f"reference {ref.name}")

    def check_sharing(self, ref):
        """``ref`` shares memory with exactly the references NumPy's counterpart does."""
        for other in self.refs:
            if other is ref:
                continue
            exp = np_shares_memory(ref.np, other.np)
            got = tn_shares_memory(ref.tn, other.tn)
            if exp != got:
                self.fail(f"{ref.name} shares memory with {other.name}: NumPy {exp}, torchnp {got}")

    def resync(self, ref_tn, np_value):
        """Overwrite a torchnp result with NumPy's values (after an inexact or excused compare),
        so later steps start from identical data."""
        host = numpy.array(np_value, copy=True)
        src = torch.from_numpy(host.view(host.dtype.str))      # numpy.ulonglong: as uint64
        with torch.no_grad():
            ref_tn.tensor.copy_(src.reshape(ref_tn.tensor.shape))


def _describe(e):
    tb = traceback.extract_tb(e.__traceback__)[-1]
    return f"{type(e).__name__}: {e} (at {tb.filename.split('/')[-1]}:{tb.lineno})"


# ----- drawing the pieces of a step ---------------------------------------------------------------

from hypothesis import strategies as st  # noqa: E402


def draw_shape(p, max_size=24):
    ndim = p.draw(st.sampled_from([0, 1, 1, 2, 2, 3]))
    shape = [p.draw(st.sampled_from([1, 2, 3, 4, 0, 1, 2, 3])) for _ in range(ndim)]
    while math.prod(shape) > max_size:
        shape[shape.index(max(shape))] -= 1
    return tuple(shape)


def draw_pick(p, refs):
    return refs[p.draw(st.integers(0, len(refs) - 1))]


def draw_ref(p, pred=None):
    refs = [r for r in p.refs if pred is None or pred(r)]
    return draw_pick(p, refs or p.refs)


def mirror(x):
    """The torchnp counterpart of a NumPy value built by the fuzzer (a copy)."""
    if isinstance(x, numpy.ndarray):
        return torchnp.asarray(x.copy())
    if isinstance(x, tuple):
        return tuple(mirror(e) for e in x)
    if isinstance(x, list):
        return [mirror(e) for e in x]
    return x


def draw_fresh(p, shape=None, dtype=None):
    """A new NumPy array (values mostly plain, some edge values)."""
    dtype = dtype or p.draw(st.sampled_from(DTYPES))
    shape = draw_shape(p) if shape is None else shape
    n = math.prod(shape)
    choices = p.draw(st.lists(st.integers(0, 63), max_size=n))
    return make_values(dtype, n, choices).reshape(shape)


PY_SCALARS = [0, 1, -1, 2, 3, 7, 255, 256, -129, 2**31, 2**63 - 1, -2**63, 2**64 - 1, 2**64, 0.5,
              -0.0, 1.5, -2.5, 1e300, float("inf"), float("-inf"), float("nan"), 3e38, 65504.0,
              1j, 1.5 - 2j, complex(float("inf"), 0), True, False]


def draw_py_scalar(p):
    return p.draw(st.sampled_from(PY_SCALARS))


def _np_scalar_of(p):
    dtype = p.draw(st.sampled_from(DTYPES))
    pool = plain_values(dtype) + edge_values(dtype)
    return numpy.dtype(dtype).type(pool[p.draw(st.integers(0, len(pool) - 1))])


# ----- keys ---------------------------------------------------------------------------------------

def draw_int_array(p, n, bad_ok=True):
    form = p.draw(st.sampled_from([(2,), (3,), (1,), (0,), (2, 1), (1, 2), ()]))
    lo, hi = (-n - 1, n) if bad_ok and p.draw(st.integers(0, 9)) == 0 else (-n, n - 1)
    if hi < lo:
        lo = hi = 0
    vals = [p.draw(st.integers(lo, hi)) for _ in range(math.prod(form))]
    dtype = p.draw(st.sampled_from(["int64", "int64", "int32", "int8", "uint8"]))
    arr = numpy.array(vals, dtype="int64").reshape(form)
    if dtype == "uint8":
        arr = numpy.abs(arr)
    arr = arr.astype(dtype)
    return arr.tolist() if p.draw(st.booleans()) and arr.ndim else arr


def draw_mask(p, shape, bad_ok=True):
    shape = list(shape)
    if bad_ok and shape and p.draw(st.integers(0, 9)) == 0:
        shape[p.draw(st.integers(0, len(shape) - 1))] += 1       # a mismatched mask: IndexError
    n = math.prod(shape)
    bits = p.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return numpy.array(bits, dtype=bool).reshape(shape)


def draw_slice(p, n):
    def end():
        return p.draw(st.one_of(st.none(), st.integers(-n - 2, n + 2)))
    return slice(end(), end(), p.draw(st.sampled_from([None, 1, 2, 3, -1, -2])))


def draw_key_item(p, shape, axis, ell_used):
    """One item of a key: (item, dims it consumes)."""
    room = axis < len(shape)
    kinds = ["int", "slice", "slice", "none", "intarr", "mask", "bool0"] if room else \
        ["none", "none", "none", "bool0", "int"]
    if not ell_used or p.draw(st.integers(0, 19)) == 0:
        kinds.append("ell")
    kind = p.draw(st.sampled_from(kinds))
    n = shape[axis] if room else 1
    if kind == "int":
        return p.draw(st.integers(-n - 1, n)), 1
    if kind == "slice":
        return draw_slice(p, n), 1
    if kind == "none":
        return None, 0
    if kind == "ell":
        return Ellipsis, 0
    if kind == "intarr":
        return draw_int_array(p, n), 1
    if kind == "mask":
        k = p.draw(st.integers(1, len(shape) - axis))
        return draw_mask(p, shape[axis:axis + k]), k
    return p.draw(st.sampled_from([True, False, numpy.array(True), numpy.array(False)])), 0


def draw_key(p, shape):
    """A NumPy key for an array of ``shape``; every form of index, mostly valid."""
    form = p.draw(st.sampled_from(["tuple", "tuple", "tuple", "single", "full_mask", "intarr"]))
    if form == "full_mask":
        return draw_mask(p, shape)
    if form == "intarr":
        return draw_int_array(p, shape[0] if shape else 1)
    items, axis = [], 0
    for _ in range(p.draw(st.integers(0, len(shape) + 1))):
        item, used = draw_key_item(p, shape, axis, any(i is Ellipsis for i in items))
        items.append(item)
        axis += used
    if form == "single" and len(items) == 1:
        return items[0]
    return tuple(items)


def tn_key(p, key):
    """The torchnp spelling of a NumPy key: its arrays as torchnp arrays (or left as NumPy's)."""
    if not p.draw(st.booleans()):
        return key
    if isinstance(key, tuple):
        return tuple(torchnp.asarray(k.copy()) if isinstance(k, numpy.ndarray) else k for k in key)
    return torchnp.asarray(key.copy()) if isinstance(key, numpy.ndarray) else key


def has_negative_step(key):
    keys = key if isinstance(key, tuple) else (key,)
    return any(isinstance(k, slice) and k.step is not None and k.step < 0 for k in keys)


def is_basic(key):
    keys = key if isinstance(key, tuple) else (key,)
    return all(k is None or k is Ellipsis
               or isinstance(k, (int, numpy.integer, slice)) and type(k) is not bool
               for k in keys)


def draw_value(p, target, key):
    """A value to assign to ``target.np[key]``: (NumPy value, torchnp value)."""
    kind = p.draw(st.sampled_from(["py", "py", "ref", "fresh", "fresh", "npscalar", "list"]))
    if kind in ("py", "npscalar", "ref"):
        return _drawn_value(p, kind)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            shape = numpy.shape(target.np[key])
    except Exception:       # noqa: BLE001 - a bad key: any value will do
        shape = draw_shape(p)
    if shape and p.draw(st.booleans()):         # a broadcastable value
        shape = tuple(1 if p.draw(st.booleans()) else n for n in shape)[p.draw(
            st.integers(0, len(shape))):]
    v = draw_fresh(p, shape)
    if kind == "list":
        return v.tolist(), v.tolist()
    return v, mirror(v)


# ----- documented differences, matched narrowly ---------------------------------------------------

def _float_values(x):
    a = as_np_array(x)
    return a.astype(numpy.complex128).real if a.dtype.kind == "c" else a


def cast_ub_allowance(source, target_dtype):
    """Elementwise excuse for integer targets written from floats that C cannot convert (nan, inf,
    out of range): NumPy's value must be one NumPy gives for such a source value here."""
    tdt = numpy.dtype(target_dtype)
    src = [as_np_array(s) for s in (source if isinstance(source, list) else [source])]
    if tdt.kind not in "iu":
        return None
    vals = []
    for s in src:
        if s.dtype.kind in "fc":
            f = _float_values(s).astype(numpy.float64).reshape(-1)
            info = numpy.iinfo(tdt)
            with numpy.errstate(all="ignore"):
                t = numpy.trunc(f)
                vals.extend(f[~numpy.isfinite(f) | (t < info.min) | (t > info.max)].tolist())
    if not vals:
        return None
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        produced = numpy.array(vals).astype(tdt)
        produced = numpy.concatenate([produced, numpy.array(vals, numpy.float32).astype(tdt)])
        # NumPy's SIMD casts and its element-by-element ones (strided or masked copies) differ
        # (-inf to uint32: 2147483648 in a contiguous cast, 0 one at a time)
        produced = numpy.concatenate([produced] + [numpy.array([ft(v)]).astype(tdt) for v in vals
                                                   for ft in (numpy.float64, numpy.float32)])

    def allow(e, g):
        return numpy.isin(e, produced), "float to integer cast out of range"
    return allow


def reduction_allowance(name, x, dtype):
    """Float sums / products whose partial results can overflow or underflow: order decides; a
    maximum / minimum of two zeros: which NumPy returns depends on its loop."""
    a = as_np_array(x)
    rdt = numpy.dtype(dtype)
    if rdt.kind not in "fc" or a.size == 0:
        return None
    if name in ("max", "min", "maximum", "minimum", "fmax", "fmin"):
        return _zeros_allowance
    with numpy.errstate(all="ignore"):
        mag = numpy.abs(a.astype(numpy.complex128)).reshape(-1)
        mag = mag[numpy.isfinite(mag)]
        info = numpy.finfo(rdt)
        big = float(info.max)
        if name in ("sum", "mean", "add"):
            risky = mag.size and float(mag.max()) * a.size > big
        else:
            logs = numpy.log2(mag[mag > 0])
            risky = logs[logs > 0].sum() > numpy.log2(big) or \
                logs[logs < 0].sum() < numpy.log2(float(info.smallest_normal))
    if not risky:
        return None

    def allow(e, g):
        return numpy.ones(e.shape, bool), "float summation order"
    return allow


def _zeros_allowance(e, g):
    return (numpy.asarray(e) == 0) & (numpy.asarray(g) == 0), "maximum & co. of two zeros"


def ufunc_allowance(name, inputs, result_dtype):
    """Elementwise excuses for ufunc results (docs/differences.md, Floating-point corner cases)."""
    ins = [as_np_array(i) for i in inputs]
    rdt = numpy.dtype(result_dtype)
    rules = []
    if name in ("sinh", "cosh") and rdt.kind == "f":
        lo, hi = {"d": (709.7, 710.5), "f": (88.7, 89.5)}.get(rdt.char, (0, 0))
        x = numpy.abs(ins[0].astype(numpy.float64))
        rules.append(lambda e, g: (numpy.isinf(g) & (x >= lo) & (x <= hi),
                                  "sinh/cosh overflow early"))
    if name in ("fmod", "remainder", "divmod") and rdt.kind == "f":
        with numpy.errstate(all="ignore"):
            q = numpy.abs(ins[0].astype(rdt) / ins[1].astype(rdt))
        rules.append(lambda e, g: (numpy.isnan(g) & numpy.isinf(q) & numpy.isfinite(ins[0])
                                   & (ins[1] != 0),
                                   "fmod/remainder/divmod of overflowing quotients"))
    if name in ("power", "float_power") and rdt.kind == "c":
        inf = numpy.zeros((), bool)
        limit = numpy.sqrt(numpy.finfo(rdt).max)
        for i in ins:
            c = i.astype(numpy.complex128)
            inf = inf | numpy.isinf(c)
        inf = inf | (numpy.abs(ins[0].astype(numpy.complex128)) > limit)   # exp(b log a) overflows
        rules.append(lambda e, g: (inf & numpy.ones(e.shape, bool),
                                   "complex power with infinite operands"))
    if name in ("multiply", "reciprocal") and rdt.kind == "c":
        rules.append(lambda e, g: (~numpy.isfinite(e) & ~numpy.isfinite(g),
                                   "complex multiply with infinite parts"))
    if name in ("maximum", "minimum", "fmax", "fmin") and rdt.kind in "fc" and len(ins) == 2:
        ties = (ins[0] == 0) & (ins[1] == 0)
        rules.append(lambda e, g: (ties & (g == 0), "maximum & co. of two zeros"))
    if name == "log1p" and rdt.kind == "f":
        tiny = float(numpy.finfo(rdt).smallest_subnormal)
        rules.append(lambda e, g: ((ins[0] == tiny) & (g == 0), "log1p of the smallest subnormal"))
    if not rules:
        return None

    def allow(e, g):
        mask, rule = numpy.zeros(e.shape, bool), None
        for r in rules:
            with numpy.errstate(all="ignore"):
                m, name_ = r(e, g)
            m = numpy.broadcast_to(m, e.shape)
            if m.any():
                mask, rule = mask | m, name_
        return mask, rule
    return allow


# ----- steps --------------------------------------------------------------------------------------

def step_new(p):
    """A new array: contiguous, strided (positive steps) or transposed, over a hidden base."""
    shape = draw_shape(p)
    ndim = len(shape)
    steps = [p.draw(st.sampled_from([1, 2, 3])) for _ in shape] if p.draw(st.booleans()) else \
        [1] * ndim
    offs = [p.draw(st.integers(0, 1)) if s > 1 else 0 for s in steps]
    perm = list(p.draw(st.permutations(range(ndim)))) if ndim > 1 else list(range(ndim))
    full = [o + n * s for n, s, o in zip(shape, steps, offs)]
    base_np = draw_fresh(p, tuple(full[i] for i in perm))
    base = p.add(base_np, mirror(base_np))
    p.say(f"{base.name} = np.array({base_np.tolist()!r}, dtype={base_np.dtype.name!r})")
    inv = tuple(int(i) for i in numpy.argsort(perm))
    key = tuple(slice(o, o + n * s, s) for n, s, o in zip(shape, steps, offs))
    if inv == tuple(range(ndim)) and all(s == 1 for s in steps) and not any(offs):
        return
    view = p.add(base_np.transpose(inv)[key], base.tn.transpose(inv)[key])
    p.say(f"{view.name} = {base.name}.transpose({inv})[{key!r}]")
    p.check_sharing(view)


def step_getitem(p):
    src = draw_ref(p)
    key = draw_key(p, numpy.shape(src.np))
    tkey = tn_key(p, key)
    np_o = Outcome(lambda: src.np[key])
    tn_o = Outcome(lambda: src.tn[tkey])
    p.say(f"r{len(p.refs)} = {src.name}[{key!r}]")
    if not p.outcomes_agree(np_o, tn_o, "getitem"):
        return
    p.check_value(np_o.value, tn_o.value, "getitem result")
    res = p.add(np_o.value, tn_o.value)
    np_view = np_shares_memory(res.np, src.np)
    tn_view = tn_shares_memory(res.tn, src.tn)
    if np_view and not tn_view and has_negative_step(key) and is_basic(key):
        p.allow("negative-step slice is a copy", "getitem")
        res.np = res.np.copy()
    p.check_sharing(res)


def step_setitem(p):
    dst = draw_ref(p)
    key = draw_key(p, numpy.shape(dst.np))
    tkey = tn_key(p, key)
    np_v, tn_v = draw_value(p, dst, key)
    p.say(f"{dst.name}[{key!r}] = {_text(np_v, p)}")
    _write(p, dst, lambda t, v: operator.setitem(t, key, v),
           lambda t, v: operator.setitem(t, tkey, v), np_v, tn_v, "setitem")


def _text(v, p):
    for r in p.refs:
        if v is r.np:
            return r.name
    return repr(v)


def _write(p, dst, np_fn, tn_fn, np_v, tn_v, what):
    """Run a write into ``dst`` in both libraries and check the target (cast rules excused)."""
    np_o = Outcome(lambda: np_fn(dst.np, np_v))
    tn_o = Outcome(lambda: tn_fn(dst.tn, tn_v))
    if not p.outcomes_agree(np_o, tn_o, what):
        _resync_writable(p, dst)    # NumPy may write part of a target before it raises
        return
    allow = cast_ub_allowance(np_v if not isinstance(np_v, list) else numpy.asarray(np_v),
                              numpy.result_type(dst.np))
    p.check_value(dst.np, dst.tn, f"{what} target {dst.name}", allow=allow)
    p.resync(dst.tn, dst.np)


def _operand(p, shape=None):
    """An operand: a reference (of a broadcast-compatible shape when possible) or a scalar."""
    if p.draw(st.integers(0, 4)) == 0:
        v = draw_py_scalar(p) if p.draw(st.booleans()) else _np_scalar_of(p)
        return v, v, repr(v)
    if shape is not None:
        ok = [r for r in p.refs if _broadcastable(numpy.shape(r.np), shape)]
        if ok and p.draw(st.integers(0, 3)):
            r = draw_pick(p, ok)
            return r.np, r.tn, r.name
    r = draw_ref(p)
    return r.np, r.tn, r.name


def _broadcastable(*shapes):
    try:
        numpy.broadcast_shapes(*shapes)
        return True
    except ValueError:
        return False


_COMPARISONS = ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal")


def _numpy_crashes_on_where(name, args):
    """NumPy 2.4 segfaults on a comparison of an integer array or scalar with a Python int outside
    its dtype's range under ``where=`` (``numpy.less_equal(numpy.zeros(3, numpy.int8), 1000,
    where=numpy.array([False, True, True]))``, ``numpy.less(1000, numpy.int8(1), where=True)``;
    docs/differences.md, Where NumPy itself is wrong): such calls get no ``where=``."""
    if name not in _COMPARISONS:
        return False
    ints = [a for a in args if type(a) is int]
    for a in args:
        if isinstance(a, (numpy.ndarray, numpy.generic)) and a.dtype.kind in "iu":
            info = numpy.iinfo(a.dtype)
            if any(not info.min <= i <= info.max for i in ints):
                return True
    return False


def step_ufunc(p):
    name = p.draw(st.sampled_from(UFUNCS))
    np_f, tn_f = getattr(numpy, name), getattr(torchnp, name)
    args = [_operand(p)]
    for _ in range(np_f.nin - 1):
        args.append(_operand(p, numpy.shape(args[0][0])))
    np_args, tn_args = [a[0] for a in args], [a[1] for a in args]
    np_kw, tn_kw, text = {}, {}, [a[2] for a in args]
    try:
        shape = numpy.broadcast_shapes(*(numpy.shape(a) for a in np_args))
    except ValueError:
        shape = None
    out = None
    if np_f.nout == 1 and p.draw(st.integers(0, 3)) == 0:
        same = [r for r in p.refs if shape is not None and numpy.shape(r.np) == shape]
        out = draw_pick(p, same) if same and p.draw(st.integers(0, 4)) else draw_ref(p)
        np_kw["out"], tn_kw["out"] = out.np, out.tn
        text.append(f"out={out.name}")
    if p.draw(st.integers(0, 4)) == 0 and not _numpy_crashes_on_where(name, np_args):
        mask = draw_mask(p, shape if shape is not None else draw_shape(p))
        if mask.size and p.draw(st.booleans()):
            mask = mask[(0,) * p.draw(st.integers(0, mask.ndim))]      # broadcast
        np_kw["where"], tn_kw["where"] = mask, mirror(mask) if p.draw(st.booleans()) else mask
        text.append(f"where={mask!r}")
    if p.draw(st.integers(0, 6)) == 0:
        dt = p.draw(st.sampled_from(DTYPES))
        np_kw["dtype"] = tn_kw["dtype"] = numpy.dtype(dt)
        text.append(f"dtype={dt!r}")
    p.say(f"{out.name + ' = ' if out else ''}r{len(p.refs)} = np.{name}({', '.join(text)})")
    if out is not None and "where" in np_kw:
        # NumPy round-trips the unselected elements of an out= that overlaps an input through the
        # loop dtype (docs/differences.md, Where NumPy itself is wrong): its expected values come
        # from copies of the overlapping inputs, which NumPy's overlap rule makes equivalent
        np_args = [a.copy() if np_shares_memory(a, out.np) else a for a in np_args]
    np_o = Outcome(lambda: np_f(*np_args, **np_kw))
    tn_o = Outcome(lambda: tn_f(*tn_args, **tn_kw))
    if isinstance(tn_o.error, OverflowError) and not isinstance(np_o.error, OverflowError) and \
            any(type(a) is int and not -2**63 <= a < 2**64 for a in np_args):
        p.allow("Python int too large for uint64", name)
        if out is not None:
            _resync_writable(p, out)
        return
    if not p.outcomes_agree(np_o, tn_o, f"np.{name}"):
        if out is not None:
            _resync_writable(p, out)    # NumPy may write part of ``out`` before its loop raises
        return
    _check_ufunc_result(p, name, np_args, np_o.value, tn_o.value, np_kw, out)


def _check_ufunc_result(p, name, np_args, exp, got, np_kw, out):
    exps = exp if isinstance(exp, tuple) else (exp,)
    gots = got if isinstance(got, tuple) else (got,)
    dtypes = [numpy.result_type(e) for e in exps] + \
        [a.dtype for a in np_args if isinstance(a, (numpy.ndarray, numpy.generic))] + \
        _loop_dtypes(name, np_args, np_kw)
    tol = ufunc_tolerance(name, dtypes)
    if tol is not None and name in ("power", "float_power") and \
            any(numpy.dtype(d).kind == "c" for d in dtypes):
        tol = _complex_power_tolerance(tol, np_args)
    if tol is not None and name in ("logaddexp", "logaddexp2"):
        # max + log1p(exp(-|x - y|)) cancels when the result is near 0: its error is of the order
        # of eps * max(|x|, |y|), whichever order of operations computes it
        wide = max(dtypes, key=lambda d: numpy.finfo(d).eps if numpy.dtype(d).kind == "f" else 0)
        atols = [_cancellation_atol(a, wide, 1) for a in np_args if numpy.size(a)]
        tol = (tol[0], max([tol[1]] + atols))
    if "where" in np_kw and out is None:
        exps = tuple(_zero_unselected(p, e, np_kw["where"]) for e in exps)
    if out is not None:
        if (exp is out.np) != (got is out.tn):
            p.fail(f"np.{name}(out=): returns out in NumPy: {exp is out.np}, torchnp: "
                   f"{got is out.tn}")
    for i, (e, g) in enumerate(zip(exps, gots)):
        allow = ufunc_allowance(name, np_args, numpy.result_type(e))
        p.check_value(e, g, f"np.{name} result {i}", tol, allow)
        if out is None:
            ref = p.add(e, g)
            p.check_sharing(ref)
        if isinstance(g, torchnp.ndarray):
            p.resync(g, e)


def _complex_power_tolerance(tol, np_args):
    """torch's complex power is exp(b log a), accurate to about |b log|a|| ulps; NumPy multiplies
    repeatedly for integer exponents (docs/differences.md, Floating-point corner cases)."""
    with numpy.errstate(all="ignore"):
        a = numpy.abs(as_np_array(np_args[0]).astype(numpy.complex128))
        b = numpy.abs(as_np_array(np_args[1]).astype(numpy.complex128))
        scale = b * numpy.abs(numpy.log(a))
    scale = scale[numpy.isfinite(scale)]
    loose = 1 + (float(scale.max()) if scale.size else 0.0)
    return (tol[0] * loose, tol[1])


def _loop_dtypes(name, np_args, np_kw):
    """The dtypes NumPy computes in when ``out=`` casts the result: cos(int16, out=float64) is
    float32's cos, with float32's tolerance."""
    if "out" not in np_kw:
        return []
    kw = {k: v for k, v in np_kw.items() if k != "out"}
    with numpy.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = getattr(numpy, name)(*np_args, **kw)
        except Exception:       # noqa: BLE001 - no loop without out=: nothing to add
            return []
    return [numpy.result_type(r) for r in (res if isinstance(res, tuple) else (res,))]


def _resync_writable(p, ref):
    if isinstance(ref.np, numpy.ndarray) and ref.np.flags.writeable:
        p.resync(ref.tn, ref.np)


def _zero_unselected(p, e, where):
    """NumPy leaves unselected elements uninitialised; torchnp makes them zeros (documented)."""
    sel = numpy.broadcast_to(numpy.asarray(where), numpy.shape(e))
    if sel.all():
        return e
    p.allow("where= without out= gives zeros", "ufunc")
    if is_np_scalar(e):
        return e.dtype.type(0)
    e = numpy.array(e)
    e[~sel] = 0
    return e


REDUCTIONS = ("sum", "prod", "max", "min", "mean", "all", "any") + tuple(
    f"{u}.reduce" for u in REORDERABLE)


def _draw_axis(p, ndim):
    kind = p.draw(st.sampled_from(["none", "int", "int", "tuple", "bad"]))
    if kind == "none" or (ndim == 0 and kind != "bad"):
        return None
    if kind == "int":
        return p.draw(st.integers(-ndim, ndim - 1))
    if kind == "tuple":
        return tuple(p.draw(st.lists(st.integers(0, ndim - 1), unique=True, max_size=ndim)))
    return p.draw(st.sampled_from([ndim, -ndim - 1, (0, 0)]))


def step_reduce(p):
    src = draw_ref(p)
    name = p.draw(st.sampled_from(REDUCTIONS))
    kw = {"axis": _draw_axis(p, numpy.ndim(src.np))}
    if p.draw(st.booleans()):
        kw["keepdims"] = p.draw(st.booleans())
    if name in ("sum", "prod", "add.reduce", "multiply.reduce") and p.draw(st.integers(0, 4)) == 0:
        kw["dtype"] = numpy.dtype(p.draw(st.sampled_from(DTYPES)))
    as_method = "." not in name and p.draw(st.booleans())
    p.say(f"r{len(p.refs)} = " + (f"{src.name}.{name}(**{kw!r})" if as_method else
                                  f"np.{name}({src.name}, **{kw!r})"))
    np_o = Outcome(lambda: _reducer(numpy, name, src.np, as_method)(**kw))
    tn_o = Outcome(lambda: _reducer(torchnp, name, src.tn, as_method)(**kw))
    if not p.outcomes_agree(np_o, tn_o, name):
        return
    e, g = np_o.value, tn_o.value
    rdt = numpy.result_type(e)
    tol = None
    if name in ("sum", "prod", "mean", "add.reduce", "multiply.reduce") and rdt.kind in "fc":
        n = max(numpy.size(src.np), 1)
        tol = tolerance(rdt, loose=n)
        if name in ("sum", "mean", "add.reduce"):
            tol = (tol[0], max(tol[1], _cancellation_atol(src.np, rdt, n)))
    uname = {"sum": "add", "prod": "multiply", "mean": "add"}.get(name, name.split(".")[0])
    allow = reduction_allowance(uname, src.np, rdt)
    p.check_value(e, g, name, tol, allow)
    if isinstance(g, torchnp.ndarray):
        p.resync(g, e)
    res = p.add(e, g)
    p.check_sharing(res)


def _cancellation_atol(x, rdt, n):
    """A sum's error bound that does not shrink with the result: terms that cancel (int64 extremes
    in float64, 2**63 - 3 - 2**63) leave errors of the order of the largest term, and NumPy's
    pairwise order and torch's differ in which they lose."""
    with numpy.errstate(all="ignore"):
        mag = numpy.abs(as_np_array(x).astype(numpy.complex128)).reshape(-1)
    mag = mag[numpy.isfinite(mag)]
    return 16 * n * float(numpy.finfo(rdt).eps) * float(mag.max()) if mag.size else 0.0


def _reducer(lib, name, x, as_method):
    if "." in name:
        return lambda **kw: getattr(lib, name.split(".")[0]).reduce(x, **kw)
    if as_method:
        return getattr(x, name)
    return lambda **kw: getattr(lib, name)(x, **kw)


def _draw_reshape(p, shape):
    n = math.prod(shape)
    if p.draw(st.integers(0, 9)) == 0:
        return (n + 1,)
    dims, m = [], n
    for _ in range(p.draw(st.integers(0, 3))):
        d = p.draw(st.sampled_from([x for x in (1, 2, 3, 4) if m % x == 0] or [1]))
        dims.append(d)
        m //= d
    dims.append(m)
    dims = list(p.draw(st.permutations(dims)))
    if p.draw(st.booleans()):
        dims[p.draw(st.integers(0, len(dims) - 1))] = -1
    return tuple(dims)


SHAPE_OPS = ("reshape", "transpose", "T", "swapaxes", "moveaxis", "ravel", "flatten", "squeeze",
             "expand_dims", "broadcast_to", "real", "imag", "copy", "astype")


def _shape_call(p, name, shape):
    """(NumPy call, torchnp call, text) of a shape operation on an array of ``shape``."""
    nd = len(shape)
    if name == "reshape":
        s = _draw_reshape(p, shape)
        return (lambda lib, x: x.reshape(s)), f".reshape({s})"
    if name == "transpose":
        axes = tuple(p.draw(st.permutations(range(nd))))
        return (lambda lib, x: lib.transpose(x, axes)), f".transpose({axes})"
    if name == "T":
        return (lambda lib, x: x.T), ".T"
    if name in ("swapaxes", "moveaxis"):
        i, j = (p.draw(st.integers(-nd - 1, nd)) for _ in range(2))
        return (lambda lib, x: getattr(lib, name)(x, i, j)), f" {name}({i}, {j})"
    if name in ("ravel", "flatten", "copy"):
        return (lambda lib, x: getattr(x, name)()), f".{name}()"
    if name == "squeeze":
        axis = p.draw(st.one_of(st.none(), st.integers(-nd - 1, nd)))
        return (lambda lib, x: lib.squeeze(x, axis)), f" squeeze(axis={axis})"
    if name == "expand_dims":
        axis = p.draw(st.integers(-nd - 2, nd + 1))
        return (lambda lib, x: lib.expand_dims(x, axis)), f" expand_dims({axis})"
    if name == "broadcast_to":
        s = (p.draw(st.integers(0, 2)),) + tuple(
            n if n != 1 or p.draw(st.booleans()) else 3 for n in shape)
        return (lambda lib, x: lib.broadcast_to(x, s)), f" broadcast_to({s})"
    if name in ("real", "imag"):
        return (lambda lib, x: getattr(x, name)), f".{name}"
    dt = p.draw(st.sampled_from(DTYPES))
    copy = p.draw(st.booleans())
    return (lambda lib, x: x.astype(dt, copy=copy)), f".astype({dt!r}, copy={copy})"


def step_shape(p):
    src = draw_ref(p)
    name = p.draw(st.sampled_from(SHAPE_OPS))
    call, text = _shape_call(p, name, numpy.shape(src.np))
    p.say(f"r{len(p.refs)} = {src.name}{text}")
    np_o = Outcome(lambda: call(numpy, src.np))
    tn_o = Outcome(lambda: call(torchnp, src.tn))
    if not p.outcomes_agree(np_o, tn_o, name):
        return
    e, g = np_o.value, tn_o.value
    allow = cast_ub_allowance(src.np, numpy.result_type(e)) if name == "astype" else None
    p.check_value(e, g, name, allow=allow)
    if allow is not None:
        p.resync(g, e)
    res = p.add(e, g)
    if is_np_scalar(src.np) and is_np_scalar(e) and tn_shares_memory(g, src.tn):
        # NumPy's result from a scalar is a scalar, a value (``s.real is s``, or a new one from
        # ``s.astype(s.dtype, copy=False)``); torchnp's 0-d stand-ins may be views of each other
        # (docs/differences.md, scalars): held as a distinct scalar
        res.tn = torchnp._core.convert.wrap(g.tensor.clone())
    p.check_sharing(res)


_IOPS = {"iadd": "add", "isub": "subtract", "imul": "multiply", "itruediv": "divide",
         "ifloordiv": "floor_divide", "imod": "remainder", "ipow": "power", "iand": "bitwise_and",
         "ior": "bitwise_or", "ixor": "bitwise_xor", "ilshift": "left_shift",
         "irshift": "right_shift"}


def step_inplace(p):
    dst = draw_ref(p)
    op = p.draw(st.sampled_from(INPLACE_OPS))
    np_v, tn_v, text = _operand(p, numpy.shape(dst.np))
    fn = getattr(operator, op)
    p.say(f"{dst.name} {op[1:]}= {text}  # operator.{op}")
    before = numpy.array(dst.np, copy=True)        # the allowances look at the operands
    np_o = Outcome(lambda: fn(dst.np, np_v))
    tn_o = Outcome(lambda: fn(dst.tn, tn_v))
    if not p.outcomes_agree(np_o, tn_o, op):
        _resync_writable(p, dst)        # NumPy may write part of a target before its loop raises
        return
    e, g = np_o.value, tn_o.value
    tol = ufunc_tolerance(_IOPS[op], [numpy.result_type(e), numpy.result_type(np_v)])
    if tol is not None and op == "ipow" and numpy.result_type(e).kind == "c":
        tol = _complex_power_tolerance(tol, [before, np_v])
    allow = ufunc_allowance(_IOPS[op], [before, np_v], numpy.result_type(e))
    if is_np_scalar(dst.np):
        # NumPy rebinds the name to a new scalar (of the promoted type), and so does torchnp's 0-d
        # result: the target is unchanged (check_all), the result a new reference. (NumPy's bool
        # scalars are singletons, so identity with the target says nothing here.)
        if g is dst.tn:
            p.fail(f"{op}: a 0-d result changed in place; NumPy rebinds to a new scalar")
        p.check_value(e, g, f"{op} result", tol, allow)
        fresh = p.add(e, g)
        if isinstance(g, torchnp.ndarray):
            p.resync(g, e)
        p.check_sharing(fresh)
        return
    if (e is dst.np) != (g is dst.tn):
        p.fail(f"{op}: returns its target in NumPy: {e is dst.np}, torchnp: {g is dst.tn}")
    p.check_value(dst.np, dst.tn, f"{op} target {dst.name}", tol, allow)
    p.resync(dst.tn, dst.np)


WRITE_FNS = ("put", "place", "putmask", "copyto", "fill", "flat[key]", "flat")


def step_write_fn(p):
    dst = draw_ref(p)
    name = p.draw(st.sampled_from(WRITE_FNS))
    shape = numpy.shape(dst.np)
    size = math.prod(shape)
    idx = tidx = None
    if name in ("put", "flat[key]"):
        idx = draw_int_array(p, size) if p.draw(st.integers(0, 3)) else \
            p.draw(st.integers(-size - 1, size))
        if name == "flat[key]" and p.draw(st.integers(0, 2)) == 0:
            idx = draw_slice(p, size) if p.draw(st.booleans()) else draw_mask(p, (size,))
        tidx = tn_key(p, idx)
    if name in ("place", "putmask"):
        idx = draw_mask(p, shape)
        tidx = tn_key(p, idx)
    np_v, tn_v = _write_value(p)
    mode = p.draw(st.sampled_from(["raise", "wrap", "clip"]))
    casting = p.draw(st.sampled_from(["same_kind", "unsafe", "safe", "no", "equiv"]))
    where = draw_mask(p, shape) if p.draw(st.integers(0, 2)) == 0 else True
    twhere = tn_key(p, where)
    calls = {
        "put": (lambda lib, t, v, i: lib.put(t, i, v, mode=mode), f"put({{0}}, {idx!r}, {{1}}, "
                f"mode={mode!r})" if name == "put" else ""),
        "place": (lambda lib, t, v, i: lib.place(t, i, v), "place({0}, mask, {1})"),
        "putmask": (lambda lib, t, v, i: lib.putmask(t, i, v), "putmask({0}, mask, {1})"),
        "copyto": (lambda lib, t, v, i: lib.copyto(t, v, casting=casting,
                                                   where=where if lib is numpy else twhere),
                   f"copyto({{0}}, {{1}}, casting={casting!r}, where={where!r})"),
        "fill": (lambda lib, t, v, i: t.fill(v), "{0}.fill({1})"),
        "flat[key]": (lambda lib, t, v, i: t.flat.__setitem__(i, v), "{0}.flat[key] = {1}"),
        "flat": (lambda lib, t, v, i: setattr(t, "flat", v), "{0}.flat = {1}"),
    }
    call, text = calls[name]
    p.say(text.format(dst.name, _text(np_v, p)) + (f"  # key/mask {idx!r}" if name in (
        "put", "place", "putmask", "flat[key]") else ""))
    if name != "copyto" and isinstance(np_v, numpy.ndarray) and numpy.shares_memory(np_v, dst.np):
        # NumPy's flat / put / place / putmask read a value overlapping the target as they write
        # it (no buffering); the oracle is the same write from an unaliased copy of the value
        np_v = np_v.copy()
    i_np = idx if name in ("put", "place", "putmask", "flat[key]") else None
    i_tn = tidx if i_np is not None else None
    _write(p, dst, lambda t, v: call(numpy, t, v, i_np), lambda t, v: call(torchnp, t, v, i_tn),
           np_v, tn_v, name)


def _write_value(p):
    kind = p.draw(st.sampled_from(["py", "ref", "fresh", "npscalar"]))
    if kind == "fresh":
        v = draw_fresh(p)
        return v, mirror(v)
    return _drawn_value(p, kind)


def _drawn_value(p, kind):
    """(NumPy value, torchnp value) of ``kind``: a Python scalar, a NumPy scalar or a held ref."""
    if kind == "py":
        v = draw_py_scalar(p)
        return v, v
    if kind == "npscalar":
        v = _np_scalar_of(p)
        return v, v
    ref = draw_ref(p)
    return ref.np, ref.tn


STEPS = (step_new, step_getitem, step_getitem, step_setitem, step_setitem, step_ufunc, step_ufunc,
         step_reduce, step_shape, step_inplace, step_inplace, step_write_fn)


def run_program(data, max_steps=10):
    """Draw and run one program: a first array, then up to ``max_steps`` checked steps."""
    p = Program(data)
    step_new(p)
    p.check_all()
    for _ in range(data.draw(st.integers(1, max_steps))):
        step = data.draw(st.sampled_from(STEPS)) if len(p.refs) < p.max_refs else \
            data.draw(st.sampled_from(STEPS[1:]))
        step(p)
        p.check_all()
    return p
