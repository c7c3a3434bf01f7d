"""Array creation: from data, from shapes, ranges, and the ndarray's Python-protocol helpers.

torchnp extensions on every creation function: keyword-only ``device=`` (where NumPy 2 already has
``device=`` it keeps NumPy's position) and ``requires_grad=False``. Floats default to
``config.default_float_dtype()`` (float64 unless switched), and ``dtype=float`` (the default of
``zeros``/``eye``/...) means that default float too; the device defaults to
``config.current_device()`` (the CPU unless set).
"""
import math
import operator
import warnings

import numpy
import torch

from torchnp import _kernels as _k
from torchnp import _math_ufuncs as _u
from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray
from torchnp.exceptions import ComplexWarning

_new = object.__new__
_CONTIGUOUS = torch.contiguous_format
_wrap_array = convert.wrap_array          # creation makes arrays, mutable even when 0-d
_PY_SCALARS = (bool, int, float, complex)


# ----- argument helpers ---------------------------------------------------------------------------

def _target_device(device):
    """The device for arrays made from shapes: ``device=`` or the default device (None: CPU)."""
    return config.as_device(device) if device is not None else config.current_device()


def _float_or(dtype):
    """A creation ``dtype=``: None and Python ``float`` mean the default float dtype."""
    if dtype is None or dtype is float:
        return config.default_float_dtype()
    return _dtypes.to_torch_dtype(dtype)


def _check_like(like):
    if like is not None and not isinstance(like, ndarray):
        if not hasattr(like, "__array_function__"):
            raise TypeError("The `like` argument must be an array-like that implements the "
                            "`__array_function__` protocol.")
        raise NotImplementedError("torchnp creation functions support like= only with a torchnp "
                                  f"ndarray (got {type(like).__name__})")


def _finish(t, requires_grad):
    """Turn on autograd for a freshly made tensor when asked."""
    if requires_grad and not t.requires_grad:
        check_grad_dtype(t)
        t = t.detach().requires_grad_(True)
    return t


def check_grad_dtype(t):
    """TypeError unless tensor ``t`` can require gradients (floating point or complex)."""
    if not (t.is_floating_point() or t.is_complex()):
        raise TypeError("only arrays of floating point and complex dtype can require "
                        f"gradients, not {_dtypes.to_numpy_dtype(t.dtype)}")


# ----- memory layout ------------------------------------------------------------------------------

def _c_contiguous(shape, strides):
    """NumPy's C-contiguity: strides of size-1 axes do not matter; empty arrays are contiguous."""
    if 0 in shape:
        return True
    expected = 1
    for n, s in zip(reversed(shape), reversed(strides)):
        if n != 1:
            if s != expected:
                return False
            expected *= n
    return True


def _f_contiguous(shape, strides):
    return _c_contiguous(shape[::-1], strides[::-1])


def _has_order(t, order):
    if order == "K" or t.ndim < 2:
        return order == "K" or _c_contiguous(tuple(t.shape), t.stride())
    c = _c_contiguous(tuple(t.shape), t.stride())
    if order == "C":
        return c
    f = _f_contiguous(tuple(t.shape), t.stride())
    return f if order == "F" else (c or f)


def _order_perm(n, order, like):
    """The axes of an ``n``-d array from the slowest-varying in memory to the fastest, for
    ``order`` ('K' and 'A' follow tensor ``like``); None for C order."""
    if n < 2:
        return None
    if order == "A":
        order = "F" if like is not None and like.ndim == n and \
            not _c_contiguous(tuple(like.shape), like.stride()) and \
            _f_contiguous(tuple(like.shape), like.stride()) else "C"
    if order == "F":
        return list(range(n))[::-1]
    if order == "K" and like is not None and like.ndim == n:
        strides = like.stride()
        perm = sorted(range(n), key=lambda i: -abs(strides[i]))     # stable, as NumPy
        return None if perm == list(range(n)) else perm
    return None


def _inverse(perm):
    inverse = [0] * len(perm)
    for i, p in enumerate(perm):
        inverse[p] = i
    return inverse


def empty_in_order(shape, dt, device, order="C", like=None):
    """An uninitialised tensor laid out in ``order``; 'K' and 'A' follow tensor ``like``."""
    perm = _order_perm(len(shape), order, like)
    try:
        if perm is None:
            return torch.empty(shape, dtype=dt, device=device)
        t = torch.empty([shape[p] for p in perm], dtype=dt, device=device)
    except RuntimeError as err:
        raise convert.allocation_error(shape, dt, err) or err from None
    return t.permute(_inverse(perm))


def layout_copy(t, order):
    """A copy of ``t`` in memory order ``order`` ('C', 'F', 'A' or 'K', checked), as NumPy
    lays out its copies (for 'K': the axes by decreasing stride). A clone, not a copy into a new
    tensor: ``torch.func.vmap`` cannot copy a batched tensor into an unbatched one."""
    perm = _order_perm(t.ndim, order, t)
    try:
        if perm is None:
            return t.clone(memory_format=torch.contiguous_format)
        res = t.permute(perm).clone(memory_format=torch.contiguous_format)
    except RuntimeError as err:
        raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None
    return res.permute(_inverse(perm))


# ----- from existing data -------------------------------------------------------------------------

def _array(obj, dtype, copy, order, ndmin, ndmax, device, requires_grad):
    """The body of array/asarray: NumPy 2's copy= semantics, order, ndmin, device, autograd."""
    if copy is not None and copy is not True and copy is not False:
        copy = convert.copy_flag(copy)
    if isinstance(obj, ndarray) and convert.is_scalar_like(obj):
        if copy is False:               # a NumPy scalar is never an array's memory
            raise ValueError(convert.COPY_ERROR)
        copy = True
    dt = _dtypes.to_torch_dtype(dtype)
    t, owned = convert.to_tensor(obj, dt, config.as_device(device),
                                 False if copy is False else None)
    if not _has_order(t, order) or (copy and not owned):
        if copy is False:
            raise ValueError(convert.COPY_ERROR)
        t = layout_copy(t, order)
        owned = True
    if ndmax and t.ndim > ndmax and isinstance(obj, (list, tuple)):
        raise ValueError("setting an array element with a sequence. The requested array would "
                         f"exceed the maximum number of dimension of {ndmax}.")
    if t.ndim < ndmin:
        t = t.reshape((1,) * (ndmin - t.ndim) + tuple(t.shape))
    if requires_grad:
        t = _finish(t, requires_grad)
    if isinstance(obj, ndarray) and not owned:
        if t is obj._t:
            return obj                  # nothing to do: the array itself, as NumPy
        return convert.wrap_view(t, obj)
    return _wrap_array(t)


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, ndmax=0, like=None,
          device=None, requires_grad=False):
    """Create an array.

    torchnp implementation of :func:`numpy.array`.

    Differences from NumPy: torch tensors (zero-copy with ``copy=False``/``None``) and sequences
    of torchnp arrays (stacked on their device) are accepted; ``device=`` and ``requires_grad=``
    are torchnp extensions.
    """
    _check_like(like)
    if ndmax != 0:
        ndmax = _ndmax(ndmax)
    return _array(object, dtype, copy, convert.check_order(order, "K"), ndmin, ndmax, device,
                  requires_grad)


def _ndmax(ndmax):
    """``ndmax=`` as an int, with NumPy's TypeError and range check."""
    n = operator.index(ndmax)
    if not 0 <= n <= 64:
        raise ValueError("ndmax must be in the range [0, NPY_MAXDIMS (64)]")
    return n


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None,
            requires_grad=False):
    """Convert the input to an array (no copy where possible).

    torchnp implementation of :func:`numpy.asarray`.

    Differences from NumPy: zero-copy from NumPy arrays (CPU) and torch tensors; ``device=``
    accepts any torch device; ``requires_grad=`` is a torchnp extension.
    """
    if type(a) is ndarray and dtype is None and order is None and device is None and \
            copy is None and like is None and not requires_grad and \
            (not a._scalar or a._t.ndim):    # a scalar: a new array (convert.is_scalar_like)
        return a
    _check_like(like)
    return _array(a, dtype, copy, convert.check_order(order, "K"), 0, 0, device, requires_grad)


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None, like=None,
               requires_grad=False):
    """Convert the input to an ndarray (torchnp has no ndarray subclasses).

    torchnp implementation of :func:`numpy.asanyarray`.
    """
    return asarray(a, dtype, order, device=device, copy=copy, like=like,
                   requires_grad=requires_grad)


def ascontiguousarray(a, dtype=None, *, like=None, device=None, requires_grad=False):
    """A C-contiguous array (ndim >= 1) with the data of ``a``; a copy only when needed.

    torchnp implementation of :func:`numpy.ascontiguousarray`.
    """
    _check_like(like)
    return _array(a, dtype, None, "C", 1, 0, device, requires_grad)


def copy(a, order="K", subok=False):
    """An array copy of the given object.

    torchnp implementation of :func:`numpy.copy`.
    """
    return _array(a, None, True, convert.check_order(order, "K"), 0, 0, None, False)


def ndarray_copy(a, order="C"):
    """``a.copy(order)``: :func:`copy` with the method's default order, 'C' (also for None); a
    scalar's copy is a scalar, as in NumPy."""
    if order == "C" or order is None:      # copy()'s checks skipped: ~2 us of a 3x3 copy
        t = a._t
        try:        # (not clone(): it keeps the strides of size-1 dimensions, even 0 ones)
            r = t.clone(memory_format=_CONTIGUOUS)
        except RuntimeError as err:
            raise convert.allocation_error(tuple(t.shape), t.dtype, err) or err from None
        res = _new(ndarray)                 # convert.wrap_array inlined, with the dtype known
        res._t = r
        res._dt = a._dt
        res._base = None
        res._scalar = a._scalar
        return res
    res = copy(a, order)
    res._scalar = a._scalar
    return res


# ----- from shapes --------------------------------------------------------------------------------

def _filled(shape, value, dtype, order, device, requires_grad):
    # _float_or and _target_device inlined: zeros((3, 3)) is a benchmark case
    dt = config.default_float_dtype() if dtype is None or dtype is float else \
        _dtypes.to_torch_dtype(dtype)
    dev = config.current_device() if device is None else config.as_device(device)
    if order != "C":
        order = convert.check_order(order, "C", "CF")
        shape = convert.shape_tuple(shape)
    if order == "C" or len(shape) < 2:
        make = torch.empty if value is None else torch.zeros if value == 0 else torch.ones
        # (an explicit device=None costs torch ~0.2 us, and a tuple ~0.5 us more than its ints)
        dims = shape if type(shape) is tuple and shape else (shape,)
        try:
            t = make(*dims, dtype=dt) if dev is None else make(*dims, dtype=dt, device=dev)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            # torch takes the shapes NumPy takes, except sequences like NumPy arrays; shape_tuple
            # raises NumPy's error for a bad one (checking it first costs ~15% of zeros((3, 3))),
            # and _empty NumPy's error for an array too big
            t = _empty_for_refused_shape(shape, dt, dev)
            if value is not None:
                t.fill_(value)
    else:
        t = empty_in_order(shape, dt, dev, order)
        if value is not None:
            t.fill_(value)
    res = _new(ndarray)          # convert.wrap_dt inlined: a frame is ~3% of zeros((3, 3))
    res._t = _finish(t, requires_grad) if requires_grad else t
    res._dt = dt
    res._base = None
    res._scalar = False
    return res


def _empty_for_refused_shape(shape, dt, dev):
    """``_empty`` for a shape torch refused: NumPy's error for a bad shape, without torch's as its
    context (it is raised while torch's is being handled)."""
    try:
        return empty_in_order(convert.shape_tuple(shape), dt, dev)
    except Exception as e:      # noqa: BLE001 - re-raised as is
        raise e from None


def empty(shape, dtype=None, order="C", *, device=None, like=None, requires_grad=False):
    """A new array of given shape and type, without initialising entries.

    torchnp implementation of :func:`numpy.empty`.
    """
    _check_like(like)
    return _filled(shape, None, dtype, order, device, requires_grad)


def zeros(shape, dtype=None, order="C", *, device=None, like=None, requires_grad=False):
    """A new array of given shape and type, filled with zeros.

    torchnp implementation of :func:`numpy.zeros`.
    """
    if dtype is None and device is None and type(shape) is tuple and shape and order == "C" \
            and like is None and not requires_grad:
        # _filled's common case inlined (a frame is ~7% of zeros((3, 3))); torch refuses what
        # NumPy refuses of a tuple, and _filled words NumPy's error
        dev = config.current_device()
        dt = config.default_float_dtype()
        try:
            t = torch.zeros(*shape, dtype=dt) if dev is None else \
                torch.zeros(*shape, dtype=dt, device=dev)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass
        else:
            res = _new(ndarray)
            res._t = t
            res._dt = dt
            res._base = None
            res._scalar = False
            return res
    if like is not None:
        _check_like(like)
    return _filled(shape, 0, dtype, order, device, requires_grad)


def ones(shape, dtype=None, order="C", *, device=None, like=None, requires_grad=False):
    """A new array of given shape and type, filled with ones.

    torchnp implementation of :func:`numpy.ones`.
    """
    _check_like(like)
    return _filled(shape, 1, dtype, order, device, requires_grad)


def _fill(t, fill_value):
    """Copy ``fill_value`` (cast unsafely, Python ints range-checked as NumPy) into ``t``."""
    if isinstance(fill_value, (ndarray, torch.Tensor)):
        value = convert.on_device(fill_value, t.device)     # the device rule
    else:                                                   # host data, made on t's device
        value = convert.to_tensor(fill_value, t.dtype if type(fill_value) is int else None,
                                  t.device)[0]
    if value.is_complex() and not t.is_complex():
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=3)
        value = value.real
    try:
        t.copy_(value)
    except RuntimeError as e:
        if "vmap" in str(e):    # a batched value into a new array: torchnp.vmap says what it is
            raise
        raise ValueError(f"could not broadcast input array from shape "
                         f"{convert.shape_text(value.shape)} into shape "
                         f"{convert.shape_text(t.shape)}") from None
    return t


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None,
         requires_grad=False):
    """A new array of given shape and type, filled with ``fill_value``.

    torchnp implementation of :func:`numpy.full`.
    """
    _check_like(like)
    shape = convert.shape_tuple(shape)
    order = convert.check_order(order, "C", "CF")
    if dtype is None:
        # its dtype, as NumPy's array(fill_value); host data made where the array goes
        if isinstance(fill_value, (ndarray, torch.Tensor)):
            value = convert.as_tensor(fill_value)
            device = value.device if device is None else device
        else:
            value = convert.to_tensor(fill_value, None, config.as_device(device))[0]
        dt = value.dtype
    else:
        value = fill_value
        dt = _dtypes.to_torch_dtype(dtype)
    t = empty_in_order(shape, dt, _target_device(device), order)
    return _wrap_array(_finish(_fill(t, value), requires_grad))


def _like(a, dtype, order, shape, device, subok=True):
    if subok is not True and subok is not False:
        convert.operator_index(subok)        # NumPy reads it as an integer
    t = convert.as_tensor(a)
    dt = t.dtype if dtype is None else _dtypes.to_torch_dtype(dtype)
    order = convert.check_order(order, "K")
    shp = tuple(t.shape) if shape is None else convert.shape_tuple(shape)
    dev = t.device if device is None else config.as_device(device)
    return empty_in_order(shp, dt, dev, order, like=t)


def empty_like(prototype, /, dtype=None, order="K", subok=True, shape=None, *, device=None,
               requires_grad=False):
    """A new array with the shape and type of ``prototype``, without initialising entries.

    torchnp implementation of :func:`numpy.empty_like`.
    """
    return _wrap_array(_finish(_like(prototype, dtype, order, shape, device, subok), requires_grad))


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None,
               requires_grad=False):
    """An array of zeros with the shape and type of ``a``.

    torchnp implementation of :func:`numpy.zeros_like`.
    """
    return _wrap_array(_finish(_like(a, dtype, order, shape, device, subok).zero_(), requires_grad))


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None,
              requires_grad=False):
    """An array of ones with the shape and type of ``a``.

    torchnp implementation of :func:`numpy.ones_like`.
    """
    t = _like(a, dtype, order, shape, device, subok).fill_(1)
    return _wrap_array(_finish(t, requires_grad))


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None,
              requires_grad=False):
    """A full array with the shape and type of ``a``.

    torchnp implementation of :func:`numpy.full_like`.
    """
    t = _like(a, dtype, order, shape, device, subok)
    return _wrap_array(_finish(_fill(t, fill_value), requires_grad))


def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None, requires_grad=False):
    """A 2-d array with ones on the ``k``-th diagonal and zeros elsewhere.

    torchnp implementation of :func:`numpy.eye`.
    """
    _check_like(like)
    n = convert.operator_index(N)
    m = n if M is None else convert.operator_index(M)
    k = convert.operator_index(k)
    if n < 0 or m < 0:
        raise ValueError("negative dimensions are not allowed")
    order = convert.check_order(order, "C", "CF")
    t = empty_in_order((n, m), _float_or(dtype), _target_device(device), order)
    t.zero_()
    t.diagonal(k).fill_(1)
    return _wrap_array(_finish(t, requires_grad))


def identity(n, dtype=None, *, like=None, device=None, requires_grad=False):
    """The identity array: a square array with ones on the main diagonal.

    torchnp implementation of :func:`numpy.identity`.
    """
    return eye(n, dtype=dtype, like=like, device=device, requires_grad=requires_grad)


# ----- numerical ranges ---------------------------------------------------------------------------

def _host_scalar(x):
    """An arange argument as a host scalar: Python and NumPy scalars as they are, 0-d arrays as
    NumPy scalars."""
    if isinstance(x, (ndarray, torch.Tensor, numpy.ndarray)):
        if x.ndim != 0:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        if isinstance(x, numpy.ndarray):
            return x[()]
        # host-sync: the length of the range depends on the value
        return to_numpy(x if isinstance(x, ndarray) else _wrap_array(x), None, None)[()]
    return x


def _arange_dtype(args):
    """NumPy's arange dtype: int64 promoted with each argument's dtype (Python floats: the
    default float)."""
    dt = torch.int64
    python_only = True
    for x in args:
        if type(x) not in _PY_SCALARS:
            python_only = False
        np_dt = numpy.asarray(x).dtype
        if np_dt.kind == "O":           # a Python int too large: NumPy makes an object array
            return None
        dt = promotion.promote(dt, _dtypes.to_torch_dtype(np_dt))
    if python_only and dt in (torch.float64, torch.complex128):
        fdt = config.default_float_dtype()
        dt = fdt if dt is torch.float64 else fdt.to_complex()
    return dt


def _ceil_length(value):
    if math.isnan(value):
        raise ValueError("arange: cannot compute length")
    if not -2.0**63 <= value <= 2.0**63:
        raise ValueError("Maximum allowed size exceeded")
    return math.ceil(value)


def _arange_length(start, stop, step, is_complex):
    """NumPy's arange length: ceil((stop - start) / step), computed on the Python objects."""
    delta = stop - start
    nonzero = delta != 0
    val = delta / step
    if is_complex and isinstance(val, complex):
        return min(_ceil_length(val.real), _ceil_length(val.imag))
    value = float(val)
    if val == 0 and nonzero:        # underflow, or division by infinity
        return 0 if math.copysign(1.0, value) < 0 else 1
    return _ceil_length(value)


def _arange_fill(first, second, n, dt, device):
    """NumPy's fill: ``first + i * (second - first)`` computed in the dtype (float16 in float32),
    with the first two items exactly ``first`` and ``second``."""
    if dt in _dtypes.INTEGER_DTYPES:            # modular integer arithmetic, as C, cast back
        a, b = int(first), int(second)
        i = torch.arange(n, dtype=torch.int64, device=device)
        if a == 0 and b == 1:
            return i.to(dt)
        return (i * _dtypes.wrap_int64(b - a) + _dtypes.wrap_int64(a)).to(dt)
    if dt.is_complex:
        real = _arange_fill(first.real, second.real, n, dt.to_real(), device)
        imag = _arange_fill(first.imag, second.imag, n, dt.to_real(), device)
        return torch.complex(real, imag)
    cdt = torch.float32 if dt is torch.float16 else dt
    np_cdt = _dtypes.to_numpy_dtype(cdt)
    start = np_cdt.type(first)
    delta = np_cdt.type(second) - start                 # in the compute dtype, as NumPy's fill
    t = torch.arange(n, dtype=cdt, device=device) * float(delta) + float(start)
    t[:2] = torch.tensor([float(first), float(second)][:n], dtype=cdt)
    return t.to(dt)


def arange(start_or_stop, /, stop=None, step=1, *, dtype=None, device=None, like=None,
           requires_grad=False):
    """Evenly spaced values within a given interval.

    torchnp implementation of :func:`numpy.arange`.
    """
    _check_like(like)
    if dtype is None and type(start_or_stop) is int and (stop is None or type(stop) is int) \
            and type(step) is int and step != 0 and -2**53 < start_or_stop < 2**53 and \
            (stop is None or -2**53 < stop < 2**53) and -2**53 < step < 2**53:
        # fast path, exact in double: Python ints give int64 and a length of ceil(span / step)
        start, stop = (0, start_or_stop) if stop is None else (start_or_stop, stop)
        n = max(0, -((start - stop) // step))
        try:
            t = torch.arange(start, start + n * step, step, dtype=torch.int64,
                             device=_target_device(device))
        except RuntimeError as err:
            raise convert.allocation_error((n,), torch.int64, err) or err from None
        return _wrap_array(_finish(t, requires_grad))
    start_or_stop = _host_scalar(start_or_stop)
    stop = _host_scalar(stop)
    step = 1 if step is None else _host_scalar(step)
    if dtype is None:
        dt = _arange_dtype([x for x in (start_or_stop, stop, step) if x is not None])
    else:
        dt = _dtypes.to_torch_dtype(dtype)
    start = 0
    if stop is None:
        stop = start_or_stop
    else:
        start = start_or_stop
    n = _arange_length(start, stop, step, dt is not None and dt.is_complex)
    if dt is None:
        raise OverflowError("Python int too large to convert to C long")
    dev = _target_device(device)
    if n <= 0:
        return _wrap_array(_finish(torch.empty(0, dtype=dt, device=dev), requires_grad))
    np_dtype = _dtypes.to_numpy_dtype(dt)
    first = numpy.asarray(start, dtype=np_dtype)[()]      # NumPy's casts (and OverflowError)
    second = numpy.asarray(start + step, dtype=np_dtype)[()] if n > 1 else first
    if dt is torch.bool:
        if n > 2:
            raise TypeError("arange() is only supported for booleans when the result has at "
                            "most length 2.")
        t = torch.tensor([bool(first), bool(second)][:n], device=dev)
    else:
        try:
            t = _arange_fill(first, second, n, dt, dev)
        except RuntimeError as err:
            raise convert.allocation_error((n,), dt, err) or err from None
    return _wrap_array(_finish(t, requires_grad))


def _inexact_dtype(values):
    strong = [convert.as_tensor(v).dtype for v in values if promotion.weak_code(v) is None]
    weak = [promotion.weak_code(v) for v in values if promotion.weak_code(v) is not None]
    return promotion.result_dtype(strong, weak + [promotion.WEAK_FLOAT])


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *,
             device=None, requires_grad=False):
    """``num`` evenly spaced numbers over the interval [start, stop].

    torchnp implementation of :func:`numpy.linspace`.

    Differences from NumPy: ``step`` (with ``retstep=True``) is a 0-d array where NumPy returns a
    NumPy scalar.
    """
    num = convert.operator_index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = (num - 1) if endpoint else num
    if type(start) in _REAL_PY and type(stop) in _REAL_PY and \
            config.default_float_dtype() is torch.float64 and abs(start) < 2**53 and \
            abs(stop) < 2**53:
        return _linspace_python(float(start), float(stop), num, endpoint, retstep, dtype, axis,
                                div, device, requires_grad)
    dt = _inexact_dtype((start, stop))
    dev = config.as_device(device)
    t_start = convert.as_tensor(start, dt)
    t_stop = convert.as_tensor(stop, dt)
    if dev is None:
        dev = next((t.device for t in (t_start, t_stop) if t.device.type != "cpu"),
                   t_start.device)
    t_start, t_stop = t_start.to(dev), t_stop.to(dev)
    delta = t_stop - t_start
    # torch: arange has no complex kernel; the real one, cast, gives the same values.
    try:
        y = torch.arange(0, num, dtype=_dtypes.real_dtype(dt), device=dev).to(dt)
    except RuntimeError as err:
        raise convert.allocation_error((num,), dt, err) or err from None
    y = y.reshape((-1,) + (1,) * delta.ndim)
    if div > 0:
        step_t = delta / div
        # NumPy: if any step is zero (denormal deltas), y / div * delta instead of y * step; the
        # choice is made with torch.where, without reading the values on the host.
        y = torch.where((step_t == 0).any(), y / div * delta, y * step_t)
        step = convert.wrap(step_t)                 # NumPy: a scalar step (when 0-d)
    else:
        step = math.nan
        y = y * delta
    y = y + t_start
    if endpoint and num > 1:
        y[-1, ...] = t_stop
    if axis != 0:
        y = torch.movedim(y, 0, _linspace_axis(axis, y.ndim))
    y = _linspace_result(y, dtype, requires_grad)
    return (y, step) if retstep else y


def _linspace_result(y, dtype, requires_grad):
    """linspace's samples ``y`` as the result array: in ``dtype`` (integers floored, as NumPy)."""
    if dtype is not None:
        out_dt = _dtypes.to_torch_dtype(dtype)
        if out_dt in _dtypes.INTEGER_DTYPES:
            y = torch.floor(y)
        y = y.to(out_dt)
    return _wrap_array(_finish(y, requires_grad))


_REAL_PY = frozenset({int, float})


def _linspace_axis(axis, ndim):
    """Where linspace's samples go: NumPy moves axis 0 to ``axis`` with ``moveaxis``, which takes
    a sequence of one axis too."""
    dest = convert.normalize_axis_tuple(axis, ndim, "destination")
    if len(dest) != 1:
        raise ValueError("`source` and `destination` arguments must have the same number of "
                         "elements")
    return dest[0]


def _linspace_python(start, stop, num, endpoint, retstep, dtype, axis, div, device,
                     requires_grad):
    """linspace for Python int/float ``start`` and ``stop`` in float64: NumPy's arithmetic on the
    host (Python floats are float64), one fused pass on the device."""
    if axis not in (0, -1):
        _linspace_axis(axis, 1)
    try:
        y = torch.arange(num, dtype=torch.float64, device=_target_device(device))
    except RuntimeError as err:
        raise convert.allocation_error((num,), torch.float64, err) or err from None
    delta = stop - start
    if div > 0:
        step = delta / div
        y = (y / div * delta) if step == 0 else (y * step)
    else:
        step = math.nan
        y = y * delta
    y = y + start
    if endpoint and num > 1:
        y[-1] = stop
    y = _linspace_result(y, dtype, requires_grad)
    if retstep:
        if div > 0:                                 # NumPy: the step is a scalar
            step = convert.wrap(torch.full((), step, dtype=torch.float64,
                                           device=_target_device(device)))
        return y, step
    return y


# ----- the ndarray's constructor and Python protocols ---------------------------------------------

def ndarray_new(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
    """``ndarray(shape, dtype=float, buffer=None, offset=0, strides=None, order=None)``."""
    if cls is not ndarray:
        raise NotImplementedError("torchnp.ndarray cannot be subclassed")
    dt = _float_or(dtype)
    if buffer is None:
        shp = convert.shape_tuple(shape)
        operator.index(offset)                  # NumPy's TypeError; no buffer: otherwise unused
        if strides is not None:
            if len(_strides_tuple(strides)) != len(shp):
                raise ValueError("strides, if given, must be the same length as shape")
            raise NotImplementedError("ndarray(strides=...) without buffer= is not supported")
        order = convert.check_order(order, "C", "CF")
        return _wrap_array(empty_in_order(shp, dt, config.current_device(), order))
    if isinstance(buffer, ndarray):
        buffer = to_numpy(buffer, None, None)
    # host-side view of the buffer (NumPy checks offset, strides and size), then zero-copy.
    host = numpy.ndarray(shape, _dtypes.to_numpy_dtype(dt), buffer, offset, strides, order)
    return _wrap_array(convert.numpy_to_tensor(host))


def _strides_tuple(strides):
    """``strides=`` as a tuple of ints, with NumPy's TypeError."""
    if not isinstance(strides, (str, bytes)):
        try:
            return (operator.index(strides),)
        except TypeError:
            pass
    try:
        items = tuple(strides)
    except TypeError:
        raise TypeError("expected a sequence of integers or a single integer, "
                        f"got '{strides}'") from None
    return tuple(operator.index(s) for s in items)


class flagsobj:
    """Memory-layout flags of an array: NumPy's ``ndarray.flags``.

    Attribute (``a.flags.c_contiguous``) and item access (``a.flags['C_CONTIGUOUS']``, ``'C'``);
    ``writeable`` can be set as in NumPy (``_core/readonly.py``). torchnp arrays are always aligned,
    and never WRITEBACKIFCOPY.

    Differences from NumPy: a broadcast view that repeats an element cannot be made writeable
    (torch refuses such writes); ``aligned`` cannot be set False.
    """
    __slots__ = ("c_contiguous", "f_contiguous", "owndata", "_a")
    aligned = True
    writebackifcopy = False

    def __init__(self, a):
        t = a._t
        shape, strides = tuple(t.shape), t.stride()
        self.c_contiguous = _c_contiguous(shape, strides)
        self.f_contiguous = _f_contiguous(shape, strides)
        self.owndata = a.base is None
        self._a = a

    @property
    def writeable(self):
        a = self._a
        return not (convert.is_scalar_like(a) or readonly.is_marked(a._t) or _repeats(a._t))

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def fortran(self):
        return self.f_contiguous

    @property
    def fnc(self):
        return self.f_contiguous and not self.c_contiguous

    @property
    def forc(self):
        return self.f_contiguous or self.c_contiguous

    @property
    def behaved(self):
        return self.writeable

    @property
    def carray(self):
        return self.c_contiguous and self.writeable

    @property
    def farray(self):
        # NumPy's test is (flags & (ALIGNED|WRITEABLE|F_CONTIGUOUS)) != 0 and not C_CONTIGUOUS
        return not self.c_contiguous

    _KEYS = {"C": "c_contiguous", "C_CONTIGUOUS": "c_contiguous", "CONTIGUOUS": "c_contiguous",
             "F": "f_contiguous", "F_CONTIGUOUS": "f_contiguous", "FORTRAN": "f_contiguous",
             "O": "owndata", "OWNDATA": "owndata", "W": "writeable", "WRITEABLE": "writeable",
             "A": "aligned", "ALIGNED": "aligned", "X": "writebackifcopy",
             "WRITEBACKIFCOPY": "writebackifcopy", "FNC": "fnc", "FORC": "forc", "B": "behaved",
             "BEHAVED": "behaved", "CA": "carray", "CARRAY": "carray", "FA": "farray",
             "FARRAY": "farray"}

    def __getitem__(self, key):
        try:
            return getattr(self, self._KEYS[key])
        except (KeyError, TypeError):
            raise KeyError("Unknown flag") from None

    def __setitem__(self, key, value):
        name = self._KEYS.get(key)
        if name is None:
            raise KeyError("Unknown flag")
        self.__setattr__(name, value)

    def __setattr__(self, name, value):
        if name in flagsobj.__slots__:
            object.__setattr__(self, name, value)
        elif name == "writeable":
            set_writeable(self._a, value)
        elif name == "aligned":
            if not value:
                raise ValueError("cannot set ALIGNED flag to False on a torchnp array (always "
                                 "aligned: docs/differences.md)")
        elif name == "writebackifcopy":
            if value:
                raise ValueError("cannot set WRITEBACKIFCOPY flag to True")
        else:
            raise AttributeError(f"'flagsobj' object has no attribute '{name}'")

    def __eq__(self, other):
        return isinstance(other, flagsobj) and repr(self) == repr(other)

    __hash__ = None

    def __repr__(self):
        names = ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                 "WRITEBACKIFCOPY")
        return "".join(f"  {n} : {self[n]}\n" for n in names)


def set_writeable(a, value):
    """``a.flags.writeable = value``: NumPy's rule is that an array becomes writeable again only
    when it owns its memory or views a writeable array (its ``base``)."""
    if convert.is_scalar_like(a):
        raise ValueError("Cannot set flags on array scalars.")
    t = a._t
    if not value:
        readonly.mark(t)
        return
    base = a._base
    if readonly.is_locked(t) or (base is not None and readonly.is_marked(base._t)) or _repeats(t):
        raise ValueError("cannot set WRITEABLE flag to True of this array")
    readonly.unmark(t)


def _repeats(t):
    """Whether tensor ``t`` is a broadcast view that repeats an element (read-only for good)."""
    return t.numel() > 1 and any(s == 0 and n > 1 for n, s in zip(t.shape, t.stride()))


def ndarray_setflags(a, write=None, align=None, uic=None):
    """``a.setflags(write, align, uic)``: NumPy's WRITEABLE, ALIGNED and WRITEBACKIFCOPY flags."""
    if convert.is_scalar_like(a):
        return                              # NumPy's scalars ignore it
    flags = flagsobj(a)
    if write is not None:
        flags.writeable = write
    if align is not None:
        flags.aligned = align
    if uic is not None:
        flags.writebackifcopy = uic


def _item(a):
    """The Python scalar of a 0-d array; NumPy's TypeError for others."""
    t = a._t
    if t.ndim != 0:
        raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
    if t.dtype is torch.uint64:     # torch: item() of uint64 above 2**63 raises
        return t.view(torch.int64).item() % 2**64       # host-sync: a Python scalar is requested
    return t.item()                 # host-sync: a Python scalar is requested


def array_len(a):
    """``len(a)``."""
    if a._t.ndim == 0:
        raise TypeError("len() of unsized object")
    return a._t.shape[0]


def array_bool(a):
    """``bool(a)``: arrays of exactly one element only, as NumPy 2."""
    n = a._t.numel()
    if n == 1:
        return bool(a._t != 0)      # host-sync: truth value requested (torch: bool() of uint64
                                    # above 2**63 raises)
    if n == 0:
        raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` "
                         "to check that an array is not empty.")
    raise ValueError("The truth value of an array with more than one element is ambiguous. "
                     "Use a.any() or a.all()")


def array_float(a):
    """``float(a)`` for 0-d arrays."""
    return float(_item(a))


def array_int(a):
    """``int(a)`` for 0-d arrays."""
    return int(_item(a))


def array_complex(a):
    """``complex(a)`` for 0-d arrays."""
    return complex(_item(a))


def array_index(a):
    """``operator.index(a)``: 0-d integer arrays only."""
    if a._t.ndim != 0 or a._dt not in _dtypes.INTEGER_DTYPES:
        raise TypeError("only integer scalar arrays can be converted to a scalar index")
    return int(_item(a))


def array_contains(a, value):
    """``value in a``: ``(a == value).any()``, as NumPy."""
    return bool(_u.equal(a, value)._t.any())   # host-sync: a Python bool is requested


def to_numpy(a, dtype=None, copy=None):
    """``a.__array__(dtype, copy)``: a NumPy array; zero-copy for CPU arrays (writes through
    either side are seen by the other; read-only for a read-only array), a host copy for other
    devices. ``copy=False`` raises ValueError when a copy is needed (another device, lazy
    conjugation, a dtype change)."""
    t = a._t
    copied = False
    if t.requires_grad:
        t = t.detach()
    if t.is_conj():
        t = t.resolve_conj()
        copied = True
    if t.is_neg():
        t = t.resolve_neg()
        copied = True
    if t.device.type != "cpu":
        if t.is_meta:
            raise TypeError("an array on the meta device has no data to give NumPy")
        t = t.cpu()                 # host-sync: NumPy needs the data on the host
        copied = True
    x = _k.host_numpy(t)       # host-data: the CPU tensor's memory, viewed by NumPy
    if dtype is not None:
        np_dt = numpy.dtype(dtype)
        if x.dtype != np_dt:
            x = x.astype(np_dt)
            copied = True
    if copy and not copied:
        x = x.copy()
    elif copy is False and copied:
        raise ValueError(convert.COPY_ERROR)
    elif not copied and readonly.is_marked(a._t):
        x.flags.writeable = False       # a view of a read-only array is read-only
    return x


def from_host_array(x, scalar=False):
    """An ndarray from a NumPy array (unpickling); ``scalar``: one that stands for a scalar."""
    a = _wrap_array(convert.numpy_to_tensor(x))
    a._scalar = scalar
    return a


# ----- building matrices --------------------------------------------------------------------------

def _input_tensor(a):
    """An array-like argument as a tensor: its own device, Python floats in the default float."""
    return a._t if isinstance(a, ndarray) else convert.to_tensor(a)[0]


def _wrap_like_input(t, a):
    """``t`` (a view of the input's tensor) as a view of ``a`` when ``a`` is an ndarray."""
    return convert.wrap_view(t, a) if isinstance(a, ndarray) else _wrap_array(t)


def diag(v, k=0):
    """Extract a diagonal (a view, for 2-d input) or construct a diagonal array (1-d input).

    torchnp implementation of :func:`numpy.diag`. The diagonal of a 2-d array is a read-only
    view, as NumPy's.
    """
    t = _input_tensor(v)
    k = convert.operator_index(k)
    if t.ndim == 1:
        n = t.shape[0] + abs(k)
        res = torch.zeros((n, n), dtype=t.dtype, device=t.device)
        res.diagonal(k).copy_(t)
        return _wrap_array(res)
    if t.ndim == 2:
        return readonly.read_only(_wrap_like_input(t.diagonal(k), v))
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """A 2-d array with the flattened input as its ``k``-th diagonal.

    torchnp implementation of :func:`numpy.diagflat`.
    """
    return diag(_input_tensor(v).reshape(-1), k)


def _tri_mask(n, m, k, device):
    """The (n, m) boolean mask of NumPy's ``tri``: True where ``j <= i + k``."""
    rows = torch.arange(n, device=device).unsqueeze(1)
    return torch.arange(m, device=device) <= rows + k


def tri(N, M=None, k=0, dtype=float, *, like=None, device=None, requires_grad=False):
    """An array with ones at and below the ``k``-th diagonal and zeros elsewhere.

    torchnp implementation of :func:`numpy.tri`.
    """
    _check_like(like)
    n = convert.operator_index(N)
    m = n if M is None else convert.operator_index(M)
    k = convert.operator_index(k)
    t = _tri_mask(max(n, 0), max(m, 0), k, _target_device(device)).to(_float_or(dtype))
    return _wrap_array(_finish(t, requires_grad))


def _triangle(m, k, lower):
    t = _input_tensor(m)
    k = convert.operator_index(k)
    if t.ndim == 0:
        raise TypeError("tri() missing 1 required positional argument: 'N'")
    n, cols = t.shape[-2:] if t.ndim > 1 else t.shape * 2     # 1-d: the rows of a square
    mask = _tri_mask(n, cols, k if lower else k - 1, t.device)
    if not lower:
        mask = ~mask
    return _wrap_array(torch.where(mask, t, torch.zeros((), dtype=t.dtype, device=t.device)))


def tril(m, k=0):
    """The lower triangle of an array (of each matrix in a stack), zeros above the ``k``-th
    diagonal.

    torchnp implementation of :func:`numpy.tril`.
    """
    return _triangle(m, k, True)


def triu(m, k=0):
    """The upper triangle of an array (of each matrix in a stack), zeros below the ``k``-th
    diagonal.

    torchnp implementation of :func:`numpy.triu`.
    """
    return _triangle(m, k, False)


def vander(x, N=None, increasing=False):
    """The Vandermonde matrix: columns are powers of ``x`` (decreasing unless ``increasing``).

    torchnp implementation of :func:`numpy.vander`.
    """
    t = _input_tensor(x)
    if t.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    n = t.shape[0] if N is None else convert.operator_index(N)
    if n < 0:
        raise ValueError("negative dimensions are not allowed")
    dt = promotion.promote(t.dtype, torch.int64)
    t = t.to(dt)
    if n == 0:
        return _wrap_array(torch.empty((t.shape[0], 0), dtype=dt, device=t.device))
    # NumPy's multiply.accumulate: x**j as a running product, not pow
    cols = torch.cat([torch.ones_like(t).unsqueeze(1), t.unsqueeze(1).expand(-1, n - 1)], 1)
    v = _u.multiply.accumulate(_wrap_array(cols), axis=1)._t
    return _wrap_array(v if increasing else v.flip(1))


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    """A tuple of coordinate arrays from coordinate vectors.

    torchnp implementation of :func:`numpy.meshgrid`.
    """
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    n = len(xi)
    ts = [_input_tensor(x).reshape((1,) * i + (-1,) + (1,) * (n - i - 1))
          for i, x in enumerate(xi)]
    convert.on_one_device(ts)
    if indexing == "xy" and n > 1:
        ts[0] = ts[0].reshape((1, -1) + (1,) * (n - 2))
        ts[1] = ts[1].reshape((-1, 1) + (1,) * (n - 2))
    if not sparse:
        shape = torch.broadcast_shapes(*(t.shape for t in ts))
        ts = [t.expand(shape) for t in ts]
    if copy:
        return tuple(_wrap_array(t.clone()) for t in ts)
    views = [_wrap_like_input(t, x) for t, x in zip(ts, xi)]
    return views if sparse else tuple(views)        # NumPy: a list of sparse views


def _move_first_axis(t, axis):
    """Axis 0 of ``t`` moved to ``axis`` (NumPy's moveaxis(result, 0, axis))."""
    if axis == 0:
        return t
    return torch.movedim(t, 0, _linspace_axis(axis, t.ndim))


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0, *,
             device=None, requires_grad=False):
    """Numbers spaced evenly on a log scale: ``base ** linspace(start, stop, num)``.

    torchnp implementation of :func:`numpy.logspace`.
    """
    if not isinstance(base, (float, int)) and numpy.ndim(base):
        # an array base broadcasts with start and stop, and its axis follows the samples' axis
        ts = [_input_tensor(v) for v in (start, stop, base)]
        nd = len(torch.broadcast_shapes(*(t.shape for t in ts)))
        start, stop, base = (_wrap_array(t.reshape((1,) * (nd - t.ndim) + tuple(t.shape)))
                             for t in ts)
        base = _wrap_array(base._t.unsqueeze(convert.normalize_axis_index(axis, nd + 1)))
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis, device=device)
    res = _u.power(base, y)
    if dtype is not None:
        res = _wrap_array(res._t.to(_dtypes.to_torch_dtype(dtype)))
    return _wrap_array(_finish(res._t, requires_grad))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0, *, device=None,
              requires_grad=False):
    """Numbers spaced evenly on a log scale, from ``start`` to ``stop`` (geometric progression).

    torchnp implementation of :func:`numpy.geomspace`.
    """
    t_start, t_stop = asanyarray(start, device=device), asanyarray(stop, device=device)
    if _includes_zero(start, t_start) or _includes_zero(stop, t_stop):
        raise ValueError("Geometric sequence cannot include zero")
    dt = promotion.result_type(t_start, t_stop, float(num),
                               zeros((), dtype, device=t_start._t.device))
    t_dt = _dtypes.to_torch_dtype(dt)
    out_dt = t_dt if dtype is None else _dtypes.to_torch_dtype(dtype)
    t_start, t_stop = _wrap_array(t_start._t.to(t_dt)), _wrap_array(t_stop._t.to(t_dt))
    # NumPy rotates start to the positive real axis, and back: negative and complex endpoints
    out_sign = _u.sign(t_start)
    t_start = _u.divide(t_start, out_sign)
    t_stop = _u.divide(t_stop, out_sign)
    res = logspace(_u.log10(t_start), _u.log10(t_stop), num=num, endpoint=endpoint, base=10.0,
                   dtype=dt)._t
    if num > 0:         # the endpoints exactly: exp(log(x)) need not be x
        res = torch.cat([_as_row(t_start._t, res), res[1:]])
        if num > 1 and endpoint:
            res = torch.cat([res[:-1], _as_row(t_stop._t, res)])
    res = _u.multiply(out_sign, _wrap_array(res))._t
    res = _move_first_axis(res, axis).to(out_dt)
    return _wrap_array(_finish(res, requires_grad))


def _includes_zero(x, a):
    """Whether endpoint ``x`` (made array ``a``) holds a zero; host data is read on the host."""
    if isinstance(x, (ndarray, torch.Tensor)):
        return bool((a._t == 0).any())      # host-sync: NumPy raises for a zero endpoint
    return bool((numpy.asarray(x) == 0).any())


def _as_row(t, res):
    """``t`` as one row of ``res`` (broadcast to a row's shape, in its dtype)."""
    return t.to(res.dtype).expand(res.shape[1:]).unsqueeze(0)


# ----- from functions and iterables ---------------------------------------------------------------

def fromfunction(function, shape, *, dtype=float, like=None, device=None, **kwargs):
    """``function(*coordinates, **kwargs)``, with an array of coordinates per axis of ``shape``.

    torchnp implementation of :func:`numpy.fromfunction`.
    """
    _check_like(like)
    shape = convert.shape_tuple(tuple(shape))     # NumPy's TypeError for a bare int
    dt = _float_or(dtype)
    if dt is torch.bool and any(d > 2 for d in shape):       # NumPy's coordinates are aranges
        raise TypeError("arange() is only supported for booleans when the result has at most "
                        "length 2.")
    dev = _target_device(device)
    n = len(shape)
    coords = [_wrap_array(torch.arange(d, device=dev).to(dt)
                          .reshape((1,) * i + (-1,) + (1,) * (n - i - 1)).expand(shape).clone())
              for i, d in enumerate(shape)]
    return function(*coords, **kwargs)


def fromiter(iter, dtype, count=-1, *, like=None, device=None, requires_grad=False):
    """A new 1-d array from an iterable object.

    torchnp implementation of :func:`numpy.fromiter`.
    """
    _check_like(like)
    dt = _float_or(dtype)
    # the iterable is host data: NumPy reads it (its errors for short or bad items), torch copies
    host = numpy.fromiter(iter, _dtypes.to_numpy_dtype(dt), count)
    t = convert.numpy_to_tensor(host).to(_target_device(device))
    return _wrap_array(_finish(t, requires_grad))


# ----- from existing data: layouts and checks -----------------------------------------------------

def asfortranarray(a, dtype=None, *, like=None, device=None, requires_grad=False):
    """An array (ndim >= 1) laid out in Fortran order; a copy only when needed.

    torchnp implementation of :func:`numpy.asfortranarray`.
    """
    _check_like(like)
    return _array(a, dtype, None, "F", 1, 0, device, requires_grad)


def asarray_chkfinite(a, dtype=None, order=None):
    """Convert the input to an array, raising ValueError if it holds infs or NaNs.

    torchnp implementation of :func:`numpy.asarray_chkfinite`.
    """
    res = asarray(a, dtype=dtype, order=order)
    t = res._t
    # host-sync: NumPy raises for non-finite values
    if (t.is_floating_point() or t.is_complex()) and not bool(torch.isfinite(t).all()):
        raise ValueError("array must not contain infs or NaNs")
    return res


_REQUIREMENT_FLAGS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F",
                      "F_CONTIGUOUS": "F", "FORTRAN": "F", "A": "A", "ALIGNED": "A", "W": "W",
                      "WRITEABLE": "W", "O": "O", "OWNDATA": "O", "E": "E", "ENSUREARRAY": "E"}


def require(a, dtype=None, requirements=None, *, like=None):
    """An array that satisfies ``requirements`` (flags 'C', 'F', 'A', 'W', 'O', 'E').

    torchnp implementation of :func:`numpy.require`.
    """
    _check_like(like)
    if not requirements:
        return asanyarray(a, dtype=dtype)
    flags = {_REQUIREMENT_FLAGS[x.upper()] for x in requirements}
    flags.discard("E")                  # torchnp has no subclasses: always a base-class array
    if flags >= {"C", "F"}:
        raise ValueError('Cannot specify both "C" and "F" order')
    order = "C" if "C" in flags else "F" if "F" in flags else "A"
    flags -= {"C", "F"}
    res = _array(a, dtype, None, order, 0, 0, None, False)
    if any(not res.flags[f] for f in flags):
        return ndarray_copy(res, order)
    return res
