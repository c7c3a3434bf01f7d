"""The operator database's building blocks: SampleInput, ErrorInput, OpInfo, UfuncInfo, ReductionInfo.

An entry describes one public operator once: its NumPy reference, the dtypes it supports, a
generator of sample inputs (NumPy arrays: the ground truth), error inputs, tolerances and a few
flags. ``tests/test_ops.py`` expands the templates over entry x dtype x device. Samples where NumPy
raises are checked too: torchnp must raise NumPy's exception class.
"""
import functools
import inspect
import os
import warnings

import numpy as np
import pytest
import torch

import torchnp
from helpers import public_exception_class

# aot_eager traces with Dynamo and AOTAutograd (what torchnp's code must survive) without
# inductor's C++ code generation, which costs seconds per op on 2 cores and tests torch, not us.
# TORCHNP_COMPILE_BACKEND=inductor runs the full compiler.
COMPILE_BACKEND = os.environ.get("TORCHNP_COMPILE_BACKEND", "aot_eager")

# ----- dtypes and devices ------------------------------------------------------------------------
BOOL = (np.dtype("bool"),)
SIGNED = tuple(np.dtype(n) for n in ("int8", "int16", "int32", "int64"))
UNSIGNED = tuple(np.dtype(n) for n in ("uint8", "uint16", "uint32", "uint64"))
INTEGER = SIGNED + UNSIGNED
FLOATING = tuple(np.dtype(n) for n in ("float16", "float32", "float64"))
COMPLEX = (np.dtype("complex64"), np.dtype("complex128"))
INEXACT = FLOATING + COMPLEX
NUMERIC = INTEGER + INEXACT
ALL = BOOL + NUMERIC                       # every dtype torchnp supports
GRAD_DTYPES = (np.dtype("float64"), np.dtype("complex128"))

VARIANTS = ("matches", "edge", "scalars", "known", "errors", "method", "out", "noncontiguous",
            "grad", "compile", "where", "dtype", "out_dtype", "out_alias", "devices", "view")


def devices():
    """Devices to test on: ``cpu``, plus ``cuda`` when available; ``TORCHNP_TEST_DEVICES`` overrides."""
    env = os.environ.get("TORCHNP_TEST_DEVICES")
    if env:
        return tuple(d.strip() for d in env.split(",") if d.strip())
    return ("cpu", "cuda") if torch.cuda.is_available() else ("cpu",)


# ----- samples -----------------------------------------------------------------------------------
def to_device(x, device):
    """A NumPy array (recursively: in tuples, lists, dicts) as a torchnp array on ``device``."""
    if isinstance(x, np.ndarray):
        a = torchnp.asarray(x.copy(), device=device)     # a copy: the ground truth stays intact
        if a.tensor.device.type != torch.device(device).type:
            # asarray's device= is creation's business (tested there); keep the op tests useful.
            a = torchnp.asarray(a.tensor.to(device))
        return a
    if isinstance(x, tuple):
        return tuple(to_device(e, device) for e in x)
    if isinstance(x, list):
        return [to_device(e, device) for e in x]
    if isinstance(x, dict):
        return {k: to_device(v, device) for k, v in x.items()}
    return x


def _map_arrays(x, fn):
    if isinstance(x, np.ndarray):
        return fn(x)
    if isinstance(x, tuple):
        return tuple(_map_arrays(e, fn) for e in x)
    if isinstance(x, list):
        return [_map_arrays(e, fn) for e in x]
    if isinstance(x, dict):
        return {k: _map_arrays(v, fn) for k, v in x.items()}
    return x


def _brief(x):
    if isinstance(x, np.ndarray):
        return f"array(shape={x.shape}, dtype={x.dtype})" if x.size > 6 else repr(x)
    return repr(x)


class SampleInput:
    """Arguments for one call: NumPy arrays (the ground truth) and anything else NumPy accepts.

    ``tag`` marks special samples: ``"edge"`` (edge values: run by the edge template, not used for
    gradients or compile).
    """
    __slots__ = ("args", "kwargs", "tag")

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.tag = None

    def tagged(self, tag):
        self.tag = tag
        return self

    def to(self, device):
        """The same sample with every NumPy array mirrored to a torchnp array on ``device``."""
        s = SampleInput(*to_device(self.args, device), **to_device(self.kwargs, device))
        s.tag = self.tag
        return s

    def numpy_copy(self):
        """A copy whose arrays the reference may modify freely."""
        s = SampleInput(*_map_arrays(self.args, np.copy), **_map_arrays(self.kwargs, np.copy))
        s.tag = self.tag
        return s

    def map_arrays(self, fn):
        s = SampleInput(*_map_arrays(self.args, fn), **_map_arrays(self.kwargs, fn))
        s.tag = self.tag
        return s

    def __repr__(self):
        parts = [_brief(a) for a in self.args] + [f"{k}={_brief(v)}" for k, v in self.kwargs.items()]
        return f"SampleInput({', '.join(parts)})"


class ErrorInput:
    """A sample on which NumPy raises ``exception_class`` (checked against NumPy too); torchnp's
    message must say the same as NumPy's (its key words; its exact text when ``exact_message``)."""
    __slots__ = ("sample", "exception_class", "exact_message")

    def __init__(self, sample, exception_class, exact_message=False):
        self.sample = sample
        self.exception_class = exception_class
        self.exact_message = exact_message

    def __repr__(self):
        return f"ErrorInput({self.sample!r}, {self.exception_class.__name__})"


def make_array(shape, dtype, *, rng, low=None, high=None):
    """A small random NumPy array; values in [low, high] (clipped to the dtype's range)."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.random(shape) < 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo = max(info.min, -9 if low is None else int(np.ceil(low)))
        hi = min(info.max, 9 if high is None else int(np.floor(high)))
        return rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    lo = -5.0 if low is None else max(low, -1e3)
    hi = 5.0 if high is None else min(high, 1e3)
    if dtype.kind == "c":
        return (rng.uniform(lo, hi, shape) + 1j * rng.uniform(lo, hi, shape)).astype(dtype)
    return rng.uniform(lo, hi, shape).astype(dtype)


_FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.4999, 2.0, -2.0, 3.0,
                -7.0, 10.0, -10.0, 0.1, 1e-3, 1e-5, -1e-5, 0.999, 1.001, -0.999, -1.001,
                1.5707963267948966, 3.141592653589793, -3.141592653589793, 30.0, 45.0, 88.0,
                100.0, -100.0, 710.0, -745.0, 1e10, -1e10, np.inf, -np.inf, np.nan]
# complex values on and next to the branch cuts of the inverse functions, and signed zeros
_COMPLEX_CUTS = [2 + 0j, complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), 0.5 + 0j,
                 complex(0.5, -0.0), complex(-0.5, 0.0), 1 + 0j, -1 + 0j, complex(-0.0, 0.0),
                 complex(0.0, -0.0), complex(-0.0, -0.0), 2j, -2j, complex(0.0, 0.5),
                 complex(-0.0, 2), complex(0.0, -2), 1j, -1j, 0.5 + 0.5j, -0.5 - 0.5j, 1e-5 + 1e-5j]


def _float_edges(dtype):
    fi = np.finfo(dtype)
    extremes = [fi.max, -fi.max, fi.tiny, -fi.tiny, fi.smallest_subnormal,
                -fi.smallest_subnormal, fi.eps, 1 + fi.eps]
    rng = np.random.default_rng(0)
    with np.errstate(over="ignore"):
        return np.concatenate([np.array(_FLOAT_EDGES + extremes, dtype=dtype),
                               (rng.standard_normal(12) * 4).astype(dtype)])


@functools.lru_cache(maxsize=None)
def _edge_values(dtype):
    if dtype.kind == "b":
        return np.array([False, True])
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        small = [0, 1, 2, 3, 5, 6, 7, 8, 12, 13, 42, 63, 64, 100, info.max, info.max - 1,
                 info.max // 2 + 1, -1, -2, -3, -6, -7, -8, -42, -100, info.min, info.min + 1]
        rng = np.random.default_rng(1)
        return np.concatenate([
            np.array(sorted({v for v in small if info.min <= v <= info.max}), dtype=dtype),
            rng.integers(info.min, info.max, 8, dtype=dtype, endpoint=True)])
    if dtype.kind == "f":
        return _float_edges(dtype)
    real = _float_edges(np.dtype("f" if dtype == np.complex64 else "d"))
    rng = np.random.default_rng(2)
    z = np.empty(60, dtype=dtype)
    z.real, z.imag = rng.choice(real, 60), rng.choice(real, 60)
    parts = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, np.inf, -np.inf, np.nan]
    grid = [complex(x, y) for x in parts for y in parts]
    with np.errstate(over="ignore", invalid="ignore"):
        return np.concatenate([z, np.array(_COMPLEX_CUTS + grid, dtype=dtype)])


def edge_values(dtype):
    """Representative and edge values of ``dtype`` as a 1-D array (a fresh copy): 0, -0.0, +-1,
    +-inf, NaN, the extremes, the smallest normal and subnormal, values near the overflow and
    branch cuts of the math functions, a few random ones; complex: the branch cuts, a grid of
    special parts and random pairs of the real edge values."""
    return _edge_values(np.dtype(dtype)).copy()


# ----- calling NumPy and torchnp -----------------------------------------------------------------
def call_catching(fn, sample):
    """``fn(*sample.args, **sample.kwargs)`` with NumPy's floating-point warnings silenced.

    Returns ``(result, None)`` or ``(None, exception)``.
    """
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        try:
            return fn(*sample.args, **sample.kwargs), None
        except Exception as e:      # noqa: BLE001 - the class and message are what we compare
            return None, e


def call_quietly(fn, sample):
    """As ``call_catching``, with the exception's public class: ``(None, exception_class)``."""
    res, exc = call_catching(fn, sample)
    return (res, None) if exc is None else (None, public_exception_class(type(exc)))


def resolve(module, dotted):
    """``module.a.b`` for ``dotted`` 'a.b', or None where a part is missing."""
    obj = module
    for part in dotted.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


_DEFAULT_TOL = {"e": (1e-3, 1e-4), "f": (1e-5, 1e-6), "d": (1e-12, 1e-14),
                "F": (1e-5, 1e-6), "D": (1e-12, 1e-14)}


class XFail:
    """An expected failure: which variants / dtypes / devices, and why (always a reason)."""
    __slots__ = ("reason", "variants", "dtypes", "devices")

    def __init__(self, reason, variants=None, dtypes=None, devices=None):
        assert reason, "every expected failure names its reason"
        self.reason = reason
        self.variants = None if variants is None else tuple(variants)
        self.dtypes = None if dtypes is None else tuple(np.dtype(d) for d in dtypes)
        self.devices = None if devices is None else tuple(devices)

    def applies(self, variant, dtype, device):
        return ((self.variants is None or variant in self.variants)
                and (self.dtypes is None or dtype is None or dtype in self.dtypes)
                and (self.devices is None or device in self.devices))


xfail = XFail


class OpInfo:
    """One public operator, described once.

    name      NumPy's qualified name ("sum", "linalg.norm"); also the test id
    op        the torchnp callable (default: the same name in torchnp)
    ref       the NumPy reference (default: the same name in NumPy)
    dtypes    input dtypes to expand over (NumPy dtypes)
    samples   ``samples(make, dtype)`` yielding SampleInputs; ``make(shape, dtype, low=, high=)``
    errors    ``errors(make)`` yielding ErrorInputs, or a list of them
    tol       {dtype: (rtol, atol)} overriding the defaults (keyed by input dtype)
    method    name of the equivalent ndarray method, if any
    supports_out / supports_grad / supports_compile: flags for those templates
    xfails    expected failures (XFail, each with a reason)
    """

    def __init__(self, name, *, op=None, ref=None, dtypes=ALL, samples=None, errors=(), tol=None,
                 method=None, supports_out=False, supports_grad=False, supports_compile=True,
                 xfails=()):
        self.name = name
        self._op = op
        self._ref = ref
        self.dtypes = tuple(np.dtype(d) for d in dtypes)
        self._samples = samples
        self._errors = errors
        self.tol = {np.dtype(k): v for k, v in (tol or {}).items()}
        self.method = method
        self.supports_out = supports_out
        self.supports_grad = supports_grad
        self.supports_compile = supports_compile
        self.xfails = tuple(xfails)

    # the callables are resolved when used, so entries can exist before their operator does
    @property
    def op(self):
        return self._op if self._op is not None else resolve(torchnp, self.name)

    @property
    def ref(self):
        return self._ref if self._ref is not None else resolve(np, self.name)

    def exists(self):
        return self.op is not None

    def __call__(self, *args, **kwargs):
        return self.op(*args, **kwargs)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def make(self, seed=0):
        return functools.partial(make_array, rng=np.random.default_rng(seed))

    def sample_inputs(self, dtype):
        if self._samples is None:
            return []
        return list(self._samples(self.make(), np.dtype(dtype)))

    def error_inputs(self):
        errors = self._errors
        return list(errors(self.make()) if callable(errors) else errors)

    def tolerance(self, dtype, expected=None):
        """(rtol, atol) for input ``dtype``; default by the result's dtype."""
        if dtype is not None and np.dtype(dtype) in self.tol:
            return self.tol[np.dtype(dtype)]
        res = expected[0] if isinstance(expected, (tuple, list)) and expected else expected
        char = getattr(res, "dtype", np.dtype(dtype) if dtype is not None else np.dtype("d")).char
        return _DEFAULT_TOL.get(char, (0, 0))

    def variant_dtypes(self):
        """The dtypes the variant templates (out=, method, non-contiguous) run in: few."""
        picked = [d for d in (np.dtype("float64"), np.dtype("int64")) if d in self.dtypes]
        return tuple(picked or self.dtypes[:1])

    def compare(self, actual, expected, rtol, atol, sample=None, diffs=None):
        """Assert that torchnp's ``actual`` matches NumPy's ``expected``."""
        assert_result_matches(actual, expected, rtol=rtol, atol=atol)

    def xfail_marks(self, variant, dtype, device):
        return [pytest.mark.xfail(strict=True, reason=x.reason)
                for x in self.xfails if x.applies(variant, dtype, device)]


# ----- ufuncs ------------------------------------------------------------------------------------
def ufunc_dtypes(ufunc):
    """The dtypes (of ALL) for which NumPy has a loop taking every input in that dtype."""
    out = []
    for d in ALL:
        try:
            ufunc.resolve_dtypes((d,) * ufunc.nin + (None,) * ufunc.nout)
        except TypeError:
            continue
        out.append(d)
    return tuple(out)


class KnownValues:
    """Result elements left uncompared for a known difference (``known_bugs.VALUE_DIFFS``):
    ``mask(args, expected)`` is True where NumPy and torchnp may differ, from the sample's NumPy
    arguments and NumPy's result (None: nowhere). test_ops.py checks that the elements left out
    still differ somewhere (strict, as an XFail is)."""
    __slots__ = ("reason", "mask")

    def __init__(self, reason, mask):
        assert reason, "every known difference names its reason"
        self.reason = reason
        self.mask = mask


# weak Python scalars against every dtype, on both sides (NEP 50)
WEAK_SCALARS = (0, 1, -1, 3, 127, 300, -129, 2**63, 2**64, -2**63 - 1, 2.5, -0.0, float("inf"),
                float("nan"), 1e300, 1j, 2 - 3j)
# the dtypes a binary ufunc's edge values of each dtype meet (promotion, mixed-kind loops)
MIXED = tuple(np.dtype(c) for c in "?bBhlLefdD")
# calls on Python scalars only
SCALAR_ARGS = {1: [(2.5,), (-7,), (1,), (True,), (1j,), (-0.0,), (1e300,)],
               2: [(3, 2), (2.5, -1), (True, 3), (1j, 2), (-7, 2.0), (0, -0.0)]}
# (rtol, atol) of ufunc results computed by approximating algorithms, by result dtype
UFUNC_TOL = {"e": (2e-3, np.finfo("e").tiny), "f": (2e-6, np.finfo("f").tiny * 1e3),
             "d": (1e-13, np.finfo("d").tiny * 1e3), "F": (1e-5, np.finfo("f").tiny * 1e3),
             "D": (1e-12, np.finfo("d").tiny * 1e3)}


class UfuncInfo(OpInfo):
    """A ufunc: dtypes from NumPy's loop table (the others become error inputs), samples from the
    domain, broadcasting pairs, weak Python scalars and edge values: all pairs of a dtype's edge
    values, against the edge values of the other dtypes (``MIXED``) and against ``WEAK_SCALARS``.

    exact           results must equal NumPy's bit for bit (signs of zeros too)
    exact_complex   so must complex results (else complex results get ``approx``)
    approx          {result dtype char: (rtol, atol)} of the other results (``UFUNC_TOL``)
    value_diffs     KnownValues: result elements of known differences (from ``known_bugs``)
    """

    def __init__(self, name, *, domain=(None, None), exact=False, exact_complex=False,
                 approx=None, **kwargs):
        np_ufunc = kwargs.get("ref") or resolve(np, name)
        kwargs.setdefault("dtypes", ufunc_dtypes(np_ufunc))
        kwargs.setdefault("samples", self._ufunc_samples)
        kwargs.setdefault("errors", self._ufunc_errors)
        kwargs.setdefault("supports_out", True)
        super().__init__(name, **kwargs)
        self.domain = domain
        self.nin = np_ufunc.nin
        self.exact = exact
        self.exact_complex = exact_complex
        self.approx = UFUNC_TOL if approx is None else approx
        self.value_diffs = ()

    def _ufunc_samples(self, make, dtype):
        lo, hi = self.domain
        m = functools.partial(make, low=lo, high=hi)
        if self.nin == 1:
            yield SampleInput(m((2, 3), dtype))
            yield SampleInput(m((), dtype))
            yield SampleInput(m((0,), dtype))
        else:
            yield SampleInput(m((2, 3), dtype), m((2, 3), dtype))
            yield SampleInput(m((3, 1), dtype), m((1, 4), dtype))      # broadcasting
            yield SampleInput(m((4,), dtype), m((), dtype))
            yield SampleInput(m((0, 2), dtype), m((2,), dtype))
            yield SampleInput(m((3,), dtype), 3)                     # weak Python scalars (NEP 50)
            yield SampleInput(2, m((3,), dtype))
            yield SampleInput(m((3,), dtype), 2.5)
        for args in self._edge_args(np.dtype(dtype)):
            yield SampleInput(*args).tagged("edge")

    def edge_samples(self, dtype):
        return [s for s in self.sample_inputs(dtype) if s.tag == "edge"]

    def _edge_args(self, dtype):
        e = edge_values(dtype)
        if self.nin == 1:
            yield [e]
            yield [e[min(3, len(e) - 1)].reshape(()).copy()]
            return
        y = e[None, :]
        if self.name in ("left_shift", "right_shift") and dtype.kind in "iu":
            y = np.arange(-2 if dtype.kind == "i" else 0, 70, dtype=dtype)[None, :]
        yield [e[:, None], y]
        for other in MIXED:
            if other != dtype:
                yield [e[:, None], edge_values(other)[None, :]]
                yield [edge_values(other)[:, None], e[None, :]]
        for s in WEAK_SCALARS:
            yield [e, s]
            yield [s, e]

    def scalar_samples(self):
        """Calls on Python scalars only (NumPy returns NumPy scalars)."""
        return [SampleInput(*args) for args in SCALAR_ARGS.get(self.nin, ())]

    def _ufunc_errors(self, make):
        for d in ALL:
            if d not in self.dtypes:
                args = tuple(make((3,), d) for _ in range(self.nin))
                sample = SampleInput(*args)
                _, exc = call_quietly(self.ref, sample)
                if exc is not None:      # a cast NumPy allows may still find a loop
                    yield ErrorInput(sample, exc)
        if self.nin == 2:               # mixed pairs the edge samples of no dtype meet
            for d1 in MIXED:
                for d2 in MIXED:
                    if d1 != d2 and d1 not in self.dtypes and d2 not in self.dtypes:
                        sample = SampleInput(make((3,), d1), make((3,), d2))
                        _, exc = call_quietly(self.ref, sample)
                        if exc is not None:
                            yield ErrorInput(sample, exc)

    def tolerance(self, dtype, expected=None):
        if dtype is not None and np.dtype(dtype) in self.tol:
            return self.tol[np.dtype(dtype)]
        res = expected[0] if isinstance(expected, (tuple, list)) and expected else expected
        char = np.asarray(res).dtype.char if res is not None else "d"
        complex_ = char in "FD" or (dtype is not None and np.dtype(dtype).kind == "c")
        if self.exact and (self.exact_complex or not complex_):
            return (0, 0)
        return self.approx.get(char, (0, 0))

    def compare(self, actual, expected, rtol, atol, sample=None, diffs=None):
        """Value, dtype, shape and kind, then float and complex values part by part; result
        elements of known differences (``diffs``, default the entry's) are not compared."""
        from opinfo.checks import assert_parts_close, host, overwrite
        diffs = self.value_diffs if diffs is None else diffs
        if sample is not None and diffs:
            masks = [d.mask(sample.args, expected) for d in diffs]
            masks = [np.asarray(m, bool) for m in masks if m is not None]
            mask = functools.reduce(np.logical_or, masks) if masks else None
            if mask is not None and mask.any():
                actual = overwrite(actual, expected, mask)
        assert_result_matches(actual, expected, rtol=rtol, atol=atol)
        pairs = zip(actual, expected) if isinstance(expected, tuple) else [(actual, expected)]
        for a, e in pairs:
            if np.asarray(e).dtype.kind in "fc":
                assert_parts_close(host(a), e, rtol, atol)


# ----- reductions --------------------------------------------------------------------------------
class ReductionInfo(OpInfo):
    """A reduction: axis None / int / negative / tuple, keepdims, empty arrays, where=, initial=
    (each where NumPy's signature has it), an out-of-range axis as an error input."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("samples", self._reduction_samples)
        kwargs.setdefault("errors", self._reduction_errors)
        kwargs.setdefault("supports_out", True)
        # float16 sums: torch accumulates in float32, NumPy pairwise in float16
        kwargs.setdefault("tol", {"float16": (1e-2, 1e-2)})
        if "method" not in kwargs and hasattr(torchnp.ndarray, name.split(".")[-1]):
            kwargs["method"] = name
        super().__init__(name, **kwargs)
        try:
            self.params = inspect.signature(self.ref).parameters
        except (TypeError, ValueError):
            self.params = {}

    def _reduction_samples(self, make, dtype):
        p = self.params
        x = make((3, 4), dtype)
        x3 = make((2, 3, 4), dtype)
        yield SampleInput(x)
        yield SampleInput(make((), dtype))
        yield SampleInput(x, axis=0)
        yield SampleInput(x3, axis=-1)
        yield SampleInput(x3, axis=(0, 2))
        if "keepdims" in p:
            yield SampleInput(x3, axis=1, keepdims=True)
            yield SampleInput(x, keepdims=True)
        yield SampleInput(make((0, 3), dtype), axis=0)       # empty: NumPy decides (value or error)
        yield SampleInput(make((0, 3), dtype), axis=1)
        if "where" in p:
            mask = np.array([[True, False, True, True]] * 3)
            if "initial" in p:
                yield SampleInput(x, axis=1, where=mask, initial=1)
            yield SampleInput(x, where=mask)
        if "initial" in p:
            yield SampleInput(x, axis=0, initial=2)

    def _reduction_errors(self, make):
        if "axis" in self.params:
            yield ErrorInput(SampleInput(make((3, 4), "float64"), axis=2), np.exceptions.AxisError)


# ----- comparing results -------------------------------------------------------------------------
def assert_result_matches(actual, expected, rtol=None, atol=0):
    """helpers.assert_matches_numpy, plus lists (NumPy's split & co. return lists; histogramdd a
    tuple holding one)."""
    from helpers import assert_matches_numpy
    if isinstance(expected, tuple) and any(isinstance(e, list) for e in expected):
        assert isinstance(actual, tuple) and len(actual) == len(expected), \
            f"expected a tuple of {len(expected)}, got {actual!r}"
        for a, e in zip(actual, expected):
            assert_result_matches(a, e, rtol=rtol, atol=atol)
        return
    if isinstance(expected, list):
        assert isinstance(actual, list), f"expected a list, got {type(actual).__name__}"
        assert len(actual) == len(expected), f"length {len(actual)} != {len(expected)}"
        for a, e in zip(actual, expected):
            assert_result_matches(a, e, rtol=rtol, atol=atol)
        return
    assert_matches_numpy(actual, expected, rtol=rtol, atol=atol)
