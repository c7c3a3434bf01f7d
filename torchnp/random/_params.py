"""Arguments of the random functions, read as NumPy reads them: distribution parameters (floats or
64-bit integers, scalars or arrays), their constraints with NumPy's messages, ``size`` against the
parameters' broadcast shape, ``dtype=`` and ``out=``.

A parameter is a Python number when NumPy treats it as a scalar (Python numbers, NumPy scalars and
0-d NumPy arrays) and a tensor otherwise (arrays of the target device; torchnp and torch arrays
keep their values on their device, and checking their constraints reads a flag back: host syncs).
"""
import math

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core.ndarray import ndarray

INT64_MAX = 2**63 - 1
POISSON_LAM_MAX = float(INT64_MAX) - math.sqrt(INT64_MAX) * 10

# Constraints (NumPy's CONS_* of numpy/random/_common.pyx), by what they require.
NON_NEGATIVE = "non_negative"
POSITIVE = "positive"
POSITIVE_NOT_NAN = "positive_not_nan"
BOUNDED_0_1 = "bounded_0_1"
BOUNDED_GT_0_1 = "bounded_gt_0_1"
BOUNDED_LT_0_1 = "bounded_lt_0_1"
GT_1 = "gt_1"
GTE_1 = "gte_1"
POISSON = "poisson"


# ----- parameters ---------------------------------------------------------------------------------

def is_tensor(x):
    return isinstance(x, torch.Tensor)


def float_param(x, dt, device):
    """A float parameter: a Python float, or a tensor of float dtype ``dt`` on ``device``."""
    t = _array_tensor(x)
    if t is not None:
        if t.dtype.is_complex:
            raise _cast_error(t.dtype, torch.float64)
        return _on(t, dt, device)
    if type(x) is float or type(x) is int:
        return float(x)
    if x is None:
        return math.nan         # NumPy's array path reads None as nan (see check_scalar_path)
    host = numpy.asarray(x)
    if host.dtype.kind == "c":
        raise _cast_error(host.dtype, numpy.float64, scalar=host.ndim == 0)
    if host.ndim == 0:
        return float(x) if isinstance(x, str) else _host_float(x)     # 'abc': ValueError
    try:
        host = numpy.asarray(host, numpy.float64)
    except TypeError:
        raise _cast_error(host.dtype, numpy.float64) from None
    return torch.from_numpy(host).to(device=device, dtype=dt)


def int_param(x, device):
    """A 64-bit integer parameter (NumPy's safe cast to int64): a Python int, or an int64 tensor
    on ``device``. Python floats are truncated, as NumPy's scalar path does."""
    t = _array_tensor(x)
    if t is not None:
        if not _safe_to_int64(_dtypes.to_numpy_dtype(t.dtype)):
            raise _cast_error(t.dtype, torch.int64, scalar=t.ndim == 0)
        return _on(t, torch.int64, device)
    if type(x) is int:
        return _int64(x)
    if isinstance(x, (list, tuple)):        # NumPy reads sequences item by item (int(item))
        host = numpy.asarray(x, dtype=numpy.int64)
        return torch.from_numpy(host).to(device=device) if host.ndim else _int64(int(host))
    host = _host_array(x)
    if host.ndim == 0 and not isinstance(x, numpy.ndarray) and host.dtype.kind not in "OUS":
        if host.dtype.kind in "iub" or isinstance(x, float):
            return _int64(int(x))
    if host.dtype.kind in "US":
        if host.ndim == 0:
            return _int64(int(x))       # NumPy: int('a') raises ValueError
        raise _cast_error(host.dtype, numpy.int64)
    if not _safe_to_int64(host.dtype):
        raise _cast_error(host.dtype, numpy.int64, scalar=host.ndim == 0)
    if host.ndim == 0:
        return _int64(int(host))
    return torch.from_numpy(host.astype(numpy.int64)).to(device=device)


def _array_tensor(x):
    if type(x) is ndarray or isinstance(x, ndarray):
        return x._t
    if isinstance(x, torch.Tensor):
        return convert.as_tensor(x)
    return None


def _on(t, dt, device):
    if t.dtype is not dt or t.device != device:
        return t.to(device=device, dtype=dt)
    return t


def _host_array(x):
    """Host data as a NumPy array, parsed as NumPy parses it (ragged lists raise its ValueError)."""
    if x is None:
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        "not 'NoneType'")
    return numpy.asarray(x)


def check_scalar_path(raws, params):
    """When every parameter is a scalar NumPy reads each with ``PyFloat_AsDouble``, which refuses
    None and strings (its array path reads them as nan and as numbers)."""
    if all_scalar(*params):
        for x in raws:
            if x is None or isinstance(x, str):
                raise TypeError(f"must be real number, not {type(x).__name__}")


def _host_float(x):
    try:
        return float(x)
    except TypeError:
        raise TypeError(f"float() argument must be a string or a real number, not "
                        f"'{type(x).__name__}'") from None


def _int64(v):
    if not -INT64_MAX - 1 <= v <= INT64_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return v


def _safe_to_int64(np_dtype):
    return numpy.can_cast(np_dtype, numpy.int64, "safe")


def _cast_error(src, dst, scalar=False):
    src = _dtypes.to_numpy_dtype(src) if isinstance(src, torch.dtype) else numpy.dtype(src)
    dst = _dtypes.to_numpy_dtype(dst) if isinstance(dst, torch.dtype) else numpy.dtype(dst)
    what = "scalar" if scalar else "array data"
    return TypeError(f"Cannot cast {what} from {src!r} to {dst!r} according to the rule 'safe'")


def source_device(*args):
    """The device of the first torchnp / torch array among the raw arguments, or None."""
    for a in args:
        t = _array_tensor(a)
        if t is not None:
            return t.device
    return None


# ----- constraints --------------------------------------------------------------------------------

def known(value):
    """Whether ``value``'s values can be read: meta tensors have none (their checks are skipped)."""
    return not (is_tensor(value) and value.device.type == "meta")


def check(value, name, cons):
    """NumPy's check of one constraint, with its message (scalar and array wordings differ)."""
    if not known(value):
        return
    if is_tensor(value) and value.ndim > 0:
        if value.numel() and _array_violates(value, cons):
            raise ValueError(_array_message(value, name, cons))
    else:
        v = float(value)        # host-sync: NumPy validates parameter values (a 0-d tensor)
        if _scalar_violates(v, cons):
            raise ValueError(_scalar_message(v, name, cons))


def _scalar_violates(v, cons):
    if cons == NON_NEGATIVE:
        return not math.isnan(v) and math.copysign(1.0, v) < 0
    if cons == POSITIVE:
        return v <= 0
    if cons == POSITIVE_NOT_NAN:
        return math.isnan(v) or v <= 0
    if cons == BOUNDED_0_1:
        return not (0 <= v <= 1)
    if cons == BOUNDED_GT_0_1:
        return not (0 < v <= 1)
    if cons == BOUNDED_LT_0_1:
        return not (0 <= v < 1)
    if cons == GT_1:
        return not v > 1
    if cons == GTE_1:
        return not v >= 1
    return not (0 <= v <= POISSON_LAM_MAX)          # POISSON


def _scalar_message(v, name, cons):
    if cons == POISSON and v >= 0:
        return f"{name} value too large"
    if cons == POSITIVE_NOT_NAN and math.isnan(v):
        return f"{name} must not be NaN"
    return _MESSAGES[cons].format(name, "is NaN")


def _array_violates(t, cons):
    if cons == NON_NEGATIVE:
        bad = torch.signbit(t) & ~torch.isnan(t)
    elif cons == POSITIVE:
        bad = t <= 0
    elif cons == POSITIVE_NOT_NAN:
        bad = torch.isnan(t) | (t <= 0)
    else:
        lo, hi = _BOUNDS[cons]
        bad = ~(lo(t) & hi(t))
    return bool(bad.any())      # host-sync: NumPy validates parameter values before drawing


def _array_message(t, name, cons):
    # host-sync: which of NumPy's messages applies
    if cons == POISSON and not bool(torch.all(t <= POISSON_LAM_MAX)):
        return f"{name} value too large"
    # host-sync: which of NumPy's messages applies
    if cons == POSITIVE_NOT_NAN and bool(torch.any(torch.isnan(t))):
        return f"{name} must not be NaN"
    return _MESSAGES[cons].format(name, "contains NaNs")


_MESSAGES = {
    NON_NEGATIVE: "{0} < 0",
    POSITIVE: "{0} <= 0",
    POSITIVE_NOT_NAN: "{0} <= 0",
    BOUNDED_0_1: "{0} < 0, {0} > 1 or {0} {1}",
    BOUNDED_GT_0_1: "{0} <= 0, {0} > 1 or {0} contains NaNs",
    BOUNDED_LT_0_1: "{0} < 0, {0} >= 1 or {0} {1}",
    GT_1: "{0} <= 1 or {0} {1}",
    GTE_1: "{0} < 1 or {0} {1}",
    POISSON: "{0} < 0 or {0} {1}",
}
_BOUNDS = {
    BOUNDED_0_1: (lambda t: t >= 0, lambda t: t <= 1),
    BOUNDED_GT_0_1: (lambda t: t > 0, lambda t: t <= 1),
    BOUNDED_LT_0_1: (lambda t: t >= 0, lambda t: t < 1),
    GT_1: (lambda t: t > 1, lambda t: t == t),
    GTE_1: (lambda t: t >= 1, lambda t: t == t),
    POISSON: (lambda t: t >= 0, lambda t: t <= POISSON_LAM_MAX),
}


def any_true(cond):
    """``cond`` (a Python bool or a bool tensor) reduced to a Python bool."""
    if is_tensor(cond):
        # host-sync: NumPy validates parameter values
        return known(cond) and bool(torch.any(cond))
    return bool(cond)


# ----- size and broadcasting ----------------------------------------------------------------------

def shape_of(p):
    return tuple(p.shape) if is_tensor(p) else ()


def all_scalar(*params):
    return all(not is_tensor(p) or p.ndim == 0 for p in params)


def result_shape(size, *params):
    """The shape of the draws: ``size`` when given (the parameters must broadcast to it exactly),
    else the parameters' broadcast shape; NumPy's ValueErrors otherwise."""
    return result_shape_of(size, *(shape_of(p) for p in params))


def result_shape_of(size, *shapes):
    """``result_shape`` for parameters of the given shapes."""
    if size is None:
        return _broadcast(list(shapes), 0)
    shape = convert.shape_tuple(size)
    joint = _broadcast([shape, *shapes], 0)
    if joint != shape:
        raise ValueError(f"Output size {shape} is not compatible with broadcast dimensions of "
                         f"inputs {joint}.")
    return shape


def check_pair(a, b):
    """NumPy's ufunc ValueError where it combines parameters ``a`` and ``b`` elementwise (as in
    ``np.add(ngood, nbad)``) and they do not broadcast; their broadcast shape otherwise."""
    shapes = [shape_of(a), shape_of(b)]
    try:
        return convert.broadcast_shapes(shapes)
    except ValueError:
        raise convert.broadcast_error(shapes) from None


def _broadcast(shapes, first_arg):
    try:
        return convert.broadcast_shapes(shapes)
    except ValueError:
        i, j = _mismatch(shapes)
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                         f"is between arg {first_arg + i} with shape {shapes[i]} and arg "
                         f"{first_arg + j} with shape {shapes[j]}.") from None


def _mismatch(shapes):
    """(i, j): the argument that set a dimension and the later one that conflicts with it."""
    setter = {}
    for j, s in enumerate(shapes):
        for k, n in enumerate(reversed(s)):
            if n == 1:
                continue
            if k in setter and shapes[setter[k]][-1 - k] != n:
                return setter[k], j
            setter.setdefault(k, j)
    return 0, len(shapes) - 1


def expand(p, shape, dt, device):
    """Parameter ``p`` as a contiguous tensor of ``shape`` (for torch samplers that take one)."""
    if is_tensor(p):
        return p.to(dt).expand(shape).contiguous()
    return torch.full(shape, p, dtype=dt, device=device)


# ----- dtypes and out= ----------------------------------------------------------------------------

def float_dtype(dtype, method):
    """The torch float dtype for a ``dtype=`` of random / standard_normal / ...: float32 or float64
    (``float``, the default, is the default float dtype); TypeError as NumPy for others."""
    if dtype is float:
        return config.default_float_dtype()
    dt = _dtypes.to_torch_dtype(dtype)
    if dt not in (torch.float32, torch.float64):
        raise TypeError(f"Unsupported dtype {_dtypes.to_numpy_dtype(dt)!r} for {method}")
    return dt


def check_out(out, dt, size, c_only):
    """NumPy's checks of ``out=`` for a sampler of dtype ``dt``; ``size`` must match its shape."""
    if out is None:
        return None
    if not isinstance(out, ndarray) or convert.is_scalar_like(out):
        raise ValueError("Supplied output array must be contiguous, writable, aligned, and in "
                         "machine byte-order.")
    t = out._t
    contiguous = t.is_contiguous() or (not c_only and t.permute(*reversed(range(t.ndim)))
                                       .is_contiguous())
    if not contiguous or (0 in t.stride() and t.numel() > 1):
        req = "C-" if c_only else ""
        raise ValueError(f"Supplied output array must be {req}contiguous, writable, aligned, and "
                         "in machine byte-order.")
    if t.dtype is not dt:
        raise TypeError(f"Supplied output array has the wrong type. Expected "
                        f"{_dtypes.to_numpy_dtype(dt)}, got {_dtypes.to_numpy_dtype(t.dtype)}")
    if size is not None:
        try:
            tup = tuple(size)
        except TypeError:
            tup = (size,)
        if tup != tuple(t.shape):
            raise ValueError("size must match out.shape when used together")
    return out
