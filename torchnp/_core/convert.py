"""THE place for argument conversion: array-likes to tensors, axes, ``out=``, result wrapping."""
import operator
import warnings

import numpy
import torch

from torchnp._core import config
from torchnp._core import dtypes as _dtypes
from torchnp._core import numpy_private
from torchnp._core import promotion
from torchnp._core import readonly
from torchnp._core.ndarray import ndarray

AxisError = numpy.exceptions.AxisError
NoValue = numpy_private.NoValue  # NumPy's own sentinel, so signatures print and compare alike

_new = object.__new__
_INTP_MAX = 2**63 - 1


def wrap(t):
    """A computed tensor as an ndarray (no copy); when 0-d, it stands where NumPy returns a scalar
    (see ``ndarray._scalar``). With ``wrap_array`` and ``wrap_view``, the only ways ndarrays are
    made: an ndarray caches its tensor's dtype in ``_dt``, so ``_t`` is never reassigned elsewhere."""
    a = _new(ndarray)
    a._t = t
    a._dt = t.dtype
    a._base = None          # always set: reading an unset slot costs ~0.7 us (wrap_view reads it)
    a._scalar = True
    return a


def wrap_dt(t, dt):
    """``wrap(t)`` where the caller knows ``t.dtype`` is ``dt`` (saves reading it: ~200 ns)."""
    a = _new(ndarray)
    a._t = t
    a._dt = dt
    a._base = None
    a._scalar = True
    return a


def wrap_array(t):
    """A new tensor as an ndarray that stays an array when 0-d, as NumPy's creation functions
    (``array``, ``zeros(())``, ``copy``, ``astype``) return mutable 0-d arrays."""
    a = _new(ndarray)
    a._t = t
    a._dt = t.dtype
    a._base = None
    a._scalar = False
    return a


def wrap_view(t, base, dt=None):
    """A tensor that views ``base``'s data, as an ndarray whose ``.base`` is ``base``'s base or
    ``base``. ``dt``: ``t``'s dtype when the caller knows it (views of the same dtype).

    A scalar has no memory to view: NumPy's methods of one work on a copy, and return scalars
    when 0-d (``s.reshape(())``, ``s.T``), so a view of a scalar is a new scalar or array."""
    if base._scalar and base._t.ndim == 0:
        return wrap(_copy_of_scalar_view(t))
    a = _new(ndarray)
    a._t = t
    a._dt = t.dtype if dt is None else dt
    b = base._base
    a._base = base if b is None else b
    a._scalar = False
    if readonly.ANY:
        readonly.inherit(t, base._t)
    return a


def _copy_of_scalar_view(t):
    """A copy of ``t``, a view of a scalar's one element: a broadcast (stride 0 along its long
    axes) stays one, over a copy of the element, as NumPy's view of the array it makes of the
    scalar (``broadcast_to(s, (2,)).strides`` is ``(0,)``)."""
    if t.numel() > 1 and all(st == 0 for n, st in zip(t.shape, t.stride()) if n > 1):
        return t.reshape(-1)[:1].clone().as_strided(t.shape, t.stride())
    return t.clone()


def is_scalar_like(a):
    """Whether ndarray ``a`` stands where NumPy has a scalar: a 0-d result of a computation, which
    is immutable and hashable as NumPy's scalars are (``ndarray._scalar``)."""
    return a._scalar and a._t.ndim == 0


def rebind(a, t):
    """Point ndarray ``a`` at ``t``, a view of its own data: only for ``a.shape = ...``, which
    NumPy defines as an in-place change of the array object itself."""
    if readonly.ANY:
        readonly.inherit(t, a._t)
    a._t = t
    a._dt = t.dtype


# ----- array-likes to tensors ---------------------------------------------------------------------

def as_tensor(a, dtype=None):
    """Any array-like as a tensor (no copy where possible); ``dtype`` is a torch dtype or None."""
    if type(a) is ndarray:
        t = a._t
    elif isinstance(a, torch.Tensor):
        t = _check_tensor(a)
    elif isinstance(a, ndarray):
        t = a._t
    else:
        t = _from_host(a, dtype)
    if dtype is not None and t.dtype is not dtype:
        t = t.to(dtype)
    return t


# ----- devices ------------------------------------------------------------------------------------
# The one device rule (DESIGN.md): results live on their inputs' device, and arrays on two devices
# raise ValueError naming them. Host data (Python scalars, lists, NumPy arrays) goes to the device
# of the arrays it meets, and so does a 0-d array on the CPU, as torch lets a 0-d CPU tensor join
# tensors on any device. ``out=`` arrays take part in the check and never move.

def device_error(*devices):
    """NumPy-style ValueError for operands on ``devices`` (torch.device objects)."""
    return ValueError("operands are on different devices: " +
                      ", ".join(sorted({str(d) for d in devices})))


def _joins_any(t):
    """Whether tensor ``t`` may join tensors on another device: a 0-d tensor on the CPU."""
    return t.ndim == 0 and t.device.type == "cpu"


def _tensor_of(a):
    """(tensor, from_host) for array-like ``a``: an ndarray's or a tensor's own tensor, or host
    data made a tensor on the CPU (``_place`` moves it once, to where it goes)."""
    if type(a) is ndarray or isinstance(a, ndarray):
        return a._t, False
    if isinstance(a, torch.Tensor):
        return _check_tensor(a), False
    return _host_tensor(a), True


def as_host_tensor(a):
    """``as_tensor`` for ``on_one_device``'s ``values``, where host data is made on the CPU and
    placed there: with the arrays it meets, else on the default device. (Made on the default
    device first, it would cross twice to join arrays elsewhere: a host sync on a GPU.)"""
    if type(a) is ndarray or isinstance(a, ndarray):
        return a._t
    if isinstance(a, torch.Tensor):
        return _check_tensor(a)
    return _host_tensor(a)


def operands(*arrays, weak=()):
    """Array-likes as a list of tensors on one device, under the device rule above. ``weak``: the
    positions of operands where a Python int, float or complex (NEP 50's weak scalars, see
    ``promotion``) or None stays as it is, for the caller to make a tensor of in the dtype it
    computes in."""
    ts, placed, host = [], [], set()
    for i, a in enumerate(arrays):
        if type(a) is ndarray:
            t = a._t
            placed.append(t)
        elif weak and i in weak and (a is None or type(a) in promotion.WEAK_OF_TYPE):
            t = a
        else:
            t, from_host = _tensor_of(a)
            if from_host:
                host.add(i)
            else:
                placed.append(t)
        ts.append(t)
    _place(ts, placed, host, [])
    return ts


def on_one_device(values, host=(), fixed=()):
    """Move the tensors in list ``values`` onto one device under the device rule above, and return
    that device (None when ``values`` holds no tensor and ``fixed`` is empty). ``host``: the
    positions of tensors made from host data; ``fixed``: a list of tensors that take part in the
    check but do not move (``out=``); entries that are not tensors (Python scalars) are left as
    they are."""
    placed = [t for i, t in enumerate(values) if isinstance(t, torch.Tensor) and i not in host]
    return _place(values, placed, host, fixed)


def _place(values, placed, host, fixed):
    """``on_one_device`` where ``placed`` are the tensors of ``values`` that are not host data."""
    device, mixed = None, False
    for t in (placed + fixed if fixed else placed):
        d = t.device
        if device is None:
            device = d
        elif d != device:
            mixed = True
    if mixed:
        device = _common_device(placed, fixed)
        movable = range(len(values))
    elif not host:
        return device
    else:
        # Host data is made on the CPU: it goes to the arrays' device, else to the default one.
        host_device = values[next(iter(host))].device
        if device is None:
            device = config.current_device()
        if device is None or device == host_device:
            return host_device
        movable = host
    for i in movable:
        t = values[i]
        if isinstance(t, torch.Tensor) and t.device != device:
            values[i] = t.to(device)
    return device


def _common_device(placed, fixed):
    """The one device of the arrays that cannot move; ValueError naming them when there are two."""
    devices = {t.device for t in placed if not _joins_any(t)}
    devices.update(t.device for t in fixed)
    if len(devices) > 1:
        raise device_error(*devices)
    return devices.pop()


def on_device(a, device):
    """Array-like ``a`` as a tensor on ``device``, the device of the array it joins: host data and
    a 0-d CPU array move there, an array on another device is the rule's ValueError."""
    t, from_host = _tensor_of(a)
    if t.device != device:
        if not (from_host or _joins_any(t)):
            raise device_error(t.device, device)
        t = t.to(device)
    return t


def check_device(dst, t):
    """An ``out=`` tensor ``dst`` must be on the device of the result ``t`` (it never moves)."""
    if dst.device != t.device:
        raise device_error(dst.device, t.device)


def _check_tensor(t):
    if t.dtype not in _dtypes.CHAR_OF_TORCH:
        raise TypeError(f"torchnp does not support the torch dtype {t.dtype} "
                        "(see docs/differences.md)")
    return t


def _on_default_device(t):
    device = config.current_device()
    return t if device is None else t.to(device)


def _from_host(a, dtype=None):
    """A tensor on the default device from host data: Python scalars, nested sequences, NumPy
    arrays, buffers."""
    return _on_default_device(_host_tensor(a, dtype))


def _host_tensor(a, dtype=None):
    """A tensor on the CPU from host data."""
    if isinstance(a, numpy.ndarray):
        return numpy_to_tensor(a)
    return _host_to_tensor(a, dtype, None)[0]


_PY_SCALAR_TYPES = frozenset({bool, int, float, complex})
_FROM_NUMPY_CHARS = frozenset(_dtypes.CHAR_OF_TORCH.values())


def _host_to_tensor(a, dtype, copy):
    """(tensor, owned) from host data other than NumPy arrays, on the CPU; ``owned``: whether
    the tensor's memory is new (not shared with ``a``). ``copy`` is NumPy 2's ``copy=``."""
    ta = type(a)
    if ta is list or ta is tuple:
        if _holds_arrays(a):
            if copy is False:
                raise ValueError(COPY_ERROR)
            return _stack_nested(a, dtype), True
        fresh = True
    else:
        fresh = ta in _PY_SCALAR_TYPES or isinstance(a, (numpy.generic, list, tuple))
        if not fresh and hasattr(a, "__dlpack__") and not hasattr(a, "__array__"):
            return _check_tensor(torch.from_dlpack(a)), False
    np_dtype = None if dtype is None else _dtypes.to_numpy_dtype(dtype)
    # NumPy parses Python data (nested sequences, scalars, buffers, __array__ objects): its
    # inference (bool < int < float < complex, big ints as uint64), ragged-sequence errors and
    # copy=False errors are NumPy's own.
    host = numpy.asarray(a, dtype=np_dtype, copy=copy)
    if fresh and host.dtype.char in _FROM_NUMPY_CHARS:
        t = torch.from_numpy(host)          # a new, aligned, writeable array: zero-copy
    else:
        if host.dtype.kind == "O":
            _raise_for_object(host)
        t, copied = _numpy_to_tensor(host)
        fresh = fresh or copied or copy is True
    if dtype is None and not isinstance(a, (numpy.ndarray, numpy.generic)):
        t = _apply_default_float(t)
    return t, fresh


def _raise_for_object(host):
    """NumPy made an object array: OverflowError for Python ints too large, else TypeError."""
    big = [x for x in host.flat if type(x) is int]
    if big and len(big) == host.size:
        v = max(big, key=abs)
        raise OverflowError(f"Python integer {v} out of bounds for {'uint64' if v > 0 else 'int64'}")
    raise _dtypes.unsupported_dtype_error(host.dtype)


# NumPy's messages for an order a function does not take, by the orders it takes
_ORDER_REFUSED = {"CF": "only 'C' or 'F' order is permitted",
                  "CFA": "order 'K' is not permitted for reshaping"}


def check_order(order, default, allowed="CFAK"):
    """An ``order=`` argument as 'C', 'F', 'A' or 'K', with NumPy's errors; None means the
    function's ``default`` (``np.copy``'s is 'K', ``a.copy``'s 'C')."""
    if order is None:
        return default
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    o = order.upper()
    if o not in ("C", "F", "A", "K"):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    if o not in allowed:
        raise ValueError(_ORDER_REFUSED[allowed])
    return o


def copy_flag(copy):
    """A ``copy=`` argument other than None / True / False, as NumPy reads it."""
    if isinstance(copy, str):
        raise ValueError("strings are not allowed for 'copy' keyword. Use True/False/None instead.")
    return bool(copy)


COPY_ERROR = (
    "Unable to avoid copy while creating an array as requested.\n"
    "If using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when "
    "needed (no behavior change in NumPy 1.x).\n"
    "For more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html"
    "#adapting-to-changes-in-the-copy-keyword.")


def same_device(device, target):
    """Whether a tensor on ``device`` is on ``target`` (``cuda`` matches the current cuda:N)."""
    if device.type != target.type:
        return False
    if target.index is None:
        return device.index is None or device.type != "cuda" or \
            device.index == torch.cuda.current_device()
    return device.index == target.index or (device.index is None and target.index == 0)


def to_tensor(a, dtype=None, device=None, copy=None):
    """``(tensor, owned)`` for array-like ``a`` with dtype ``dtype`` (torch dtype or None) on
    ``device`` (torch.device or None), under NumPy 2's ``copy=`` rule: True always copies, None
    copies only when needed, False raises ValueError when a copy is needed. ``owned``: whether
    the tensor's memory is new. ``device=None``: an array's own device; host data goes to the
    default device. Zero-copy for ndarrays, tensors and (CPU) NumPy arrays where possible."""
    if type(a) is ndarray or isinstance(a, ndarray):
        t, owned = a._t, False
    elif isinstance(a, torch.Tensor):
        t, owned = _check_tensor(a), False
    else:
        if isinstance(a, numpy.ndarray):
            t, owned = _numpy_to_tensor(a)
            if owned and copy is False:     # read-only, byte-swapped, ... memory torch cannot view
                raise ValueError(COPY_ERROR)
        else:
            t, owned = _host_to_tensor(a, dtype, copy)
        if device is None:
            device = config.current_device()
    if (dtype is not None and t.dtype is not dtype) or \
            (device is not None and not same_device(t.device, device)):
        if copy is False and not owned:
            raise ValueError(COPY_ERROR)
        try:
            t = cast_tensor(t, dtype, copy=False).to(device=device) if dtype is not None else \
                t.to(device=device)
        except RuntimeError as err:
            raise allocation_error(tuple(t.shape), dtype or t.dtype, err) or err from None
        owned = True
    if copy and not owned:
        try:
            t = t.clone()
        except RuntimeError as err:
            raise allocation_error(tuple(t.shape), t.dtype, err) or err from None
        owned = True
    return t, owned


def _apply_default_float(t):
    """Python floats become the default float dtype (float64 unless switched, as in NumPy)."""
    fdt = config.default_float_dtype()
    if fdt is torch.float64:
        return t
    if t.dtype is torch.float64:
        return t.to(fdt)
    if t.dtype is torch.complex128:
        return t.to(fdt.to_complex())
    return t


def numpy_to_tensor(x):
    """A NumPy array as a CPU tensor, zero-copy when torch can view its memory."""
    return _numpy_to_tensor(x)[0]


def _numpy_to_tensor(x):
    """(CPU tensor, copied) for NumPy array ``x``; zero-copy when torch can view its memory."""
    x0 = x
    dt = x.dtype
    if dt.byteorder not in "=|":
        x = x.astype(dt.newbyteorder("="))
        dt = x.dtype
    if dt not in _dtypes.TORCH_OF_NUMPY:
        if dt.kind == "f" and dt.itemsize > 8:          # longdouble: float64 (docs/differences.md)
            x = x.astype(numpy.float64)
        elif dt.kind == "c" and dt.itemsize > 16:
            x = x.astype(numpy.complex128)
        else:
            raise _dtypes.unsupported_dtype_error(dt)
    if any(s < 0 for s in x.strides) or not x.flags.aligned:
        x = x.copy()           # torch cannot view negatively strided or unaligned memory
    if dt.char in "qQ":        # torch: from_numpy rejects longlong, the same type as long here
        x = x.view(_dtypes.NUMPY_OF_TORCH[_dtypes.TORCH_OF_NUMPY[dt]])
    if x.flags.writeable:
        return torch.from_numpy(x), x is not x0
    return _read_only_tensor(x), False


def _read_only_tensor(x):
    """A tensor viewing read-only NumPy array ``x``, marked read-only for good (as NumPy's
    ``asarray`` of it is the read-only array itself)."""
    with warnings.catch_warnings():     # torch: from_numpy warns that tensors are never read-only
        warnings.simplefilter("ignore", UserWarning)
        t = torch.from_numpy(x)
    readonly.mark(t, locked=True)
    return t


def _holds_arrays(seq):
    return any(isinstance(e, (ndarray, torch.Tensor)) or
               (isinstance(e, (list, tuple)) and _holds_arrays(e)) for e in seq)


def _stack_nested(seq, dtype):
    """Nested sequences holding ndarrays/tensors: stacked on their device, no host round trip."""
    parts, host = [], set()
    for e in seq:
        if isinstance(e, (ndarray, torch.Tensor)):
            parts.append(as_tensor(e))
        elif isinstance(e, (list, tuple)) and _holds_arrays(e):
            parts.append(_stack_nested(e, None))       # arrays inside: placed as arrays
        else:
            host.add(len(parts))
            parts.append(_host_tensor(e))
    shapes = {tuple(p.shape) for p in parts}
    if len(shapes) > 1:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         "inhomogeneous shape after 1 dimensions. The detected shape was "
                         f"({len(parts)},) + inhomogeneous part.")
    res_dt = dtype or promotion.result_dtype([p.dtype for p in parts])
    on_one_device(parts, host)
    return torch.stack([p.to(res_dt) for p in parts])


def cast_tensor(t, dt, copy=True):
    """``t`` cast to ``dt`` with NumPy's value semantics for the casts torch spells differently:
    complex to real keeps the real part with NumPy's ComplexWarning (torch warns a UserWarning)."""
    if t.dtype is dt:
        return t.clone() if copy else t
    if t.dtype.is_complex and not dt.is_complex:
        if dt is torch.bool:
            return t != 0
        warnings.warn("Casting complex values to real discards the imaginary part",
                      numpy.exceptions.ComplexWarning, stacklevel=3)
        return t.real.to(dt, copy=True)
    return t.to(dt)


# ----- axes ---------------------------------------------------------------------------------------

def normalize_axis_index(axis, ndim):
    """``axis`` as a non-negative int; AxisError with NumPy's message when out of range."""
    try:
        axis = axis.__index__()
    except AttributeError:
        raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an integer") from None
    if -ndim <= axis < ndim:
        return axis + ndim if axis < 0 else axis
    raise AxisError(axis, ndim)


def flatten_for_axis(t, axis):
    """(tensor, axis) for functions where NumPy's ``axis=None`` means the flattened array."""
    if axis is None:
        try:
            return t.reshape(-1), 0
        except RuntimeError as err:         # a copy too big: NumPy's ravel fails the same way
            raise allocation_error((t.numel(),), t.dtype, err) or err from None
    return t, normalize_axis_index(axis, t.ndim)


def normalize_axis_tuple(axis, ndim, argname=None):
    """``axis`` (int or sequence) as a tuple of non-negative ints; ValueError on repeats."""
    if type(axis) is not tuple and type(axis) is not list:
        axis = (axis,)
    res = tuple(normalize_axis_index(ax, ndim) for ax in axis)
    if len(set(res)) != len(res):
        raise ValueError(f"repeated axis in `{argname}` argument" if argname else "repeated axis")
    return res


def shape_text(shape):
    """A shape as NumPy writes it in messages: ``(3,)``, ``(2,3)``, ``()``."""
    return "(" + ",".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def broadcast_error(shapes):
    """NumPy's ValueError for operands whose ``shapes`` do not broadcast together."""
    return ValueError("operands could not be broadcast together with shapes "
                      + "".join(f"{shape_text(s)} " for s in shapes))


def broadcast_shapes(shapes):
    """NumPy's broadcasting of shapes (tuples); a bare ValueError when they do not broadcast (each
    caller words NumPy's message for its context). Pure Python: torch.broadcast_shapes costs ~30 µs."""
    res = ()
    for s in shapes:
        if s == res or not s:
            continue
        if not res:
            res = s
            continue
        n = max(len(res), len(s))
        a = (1,) * (n - len(res)) + res
        b = (1,) * (n - len(s)) + s
        out = []
        for x, y in zip(a, b):
            if x == y or y == 1:
                out.append(x)
            elif x == 1:
                out.append(y)
            else:
                raise ValueError
        res = tuple(out)
    return res


# ----- out= ---------------------------------------------------------------------------------------

def check_out(out, name="out"):
    """``out`` as an ndarray (or None); TypeError for anything else, scalars included, as NumPy."""
    if out is None or (isinstance(out, ndarray) and not is_scalar_like(out)):
        return out
    raise TypeError(f"return arrays must be of ArrayType" if name == "out"
                    else f"'{name}' must be an array")


def check_writeable(t, message="assignment destination is read-only"):
    """NumPy's ValueError for a write into the tensor ``t`` of a read-only array (``readonly``) or
    of a broadcast view (stride 0 over a dimension longer than 1): NumPy makes such views
    read-only, and torch would write one element through many aliases."""
    if readonly.ANY and readonly.is_marked(t):
        raise ValueError(message)
    strides = t.stride()
    if 0 in strides and t.numel() > 1:       # (empty arrays from NumPy 2.4 have zero strides)
        for n, s in zip(t.shape, strides):
            if s == 0 and n > 1:
                raise ValueError(message)


def write_out(out, t, casting="same_kind", what="output"):
    """Write result tensor ``t`` into ndarray ``out`` under ``casting``; return ``out``."""
    dst = out._t
    check_writeable(dst, "output array is read-only")
    if not promotion.can_cast_dtype(t.dtype, dst.dtype, casting):
        raise TypeError(f"Cannot cast {what} from {_dtypes.to_numpy_dtype(t.dtype)!r} to "
                        f"{_dtypes.to_numpy_dtype(dst.dtype)!r} with casting rule {casting!r}")
    check_device(dst, t)
    if tuple(t.shape) != tuple(dst.shape):
        try:
            t = torch.broadcast_to(t, dst.shape)
        except RuntimeError:
            raise ValueError(f"non-broadcastable output operand with shape {tuple(dst.shape)} "
                             f"doesn't match the broadcast shape {tuple(t.shape)}") from None
    copy_into(dst, t)
    return out


def shape_tuple(shape):
    """A shape argument (int or sequence of ints) as a tuple of ints, with NumPy's errors."""
    if type(shape) is tuple:
        for s in shape:
            if type(s) is not int or s < 0 or s > _INTP_MAX:
                break
        else:
            return shape
    elif type(shape) is int and 0 <= shape <= _INTP_MAX:
        return (shape,)
    return _shape_tuple_slow(shape)


def _shape_tuple_slow(shape):
    if shape is None:
        raise TypeError("Use () not None as shape arguments")
    if not isinstance(shape, (bool, numpy.bool_)):
        try:
            return _checked_dims((operator.index(shape),))
        except TypeError:
            pass                        # not a single integer: a sequence of them?
    try:
        dims = tuple(shape)
    except TypeError:
        raise TypeError(f"expected a sequence of integers or a single integer, got '{shape!r}'") \
            from None
    return _checked_dims(tuple(dim_index(d) for d in dims))


def dim_index(d):
    """One size of a shape sequence as an int: NumPy refuses bools ("an integer is required"),
    which ``operator.index`` (and torch) take as 0 and 1."""
    if isinstance(d, (bool, numpy.bool_)):
        raise TypeError("an integer is required")
    return operator.index(d)            # its TypeError is NumPy's: "'float' object cannot be ..."


def _checked_dims(dims):
    for d in dims:
        if d < 0:
            raise ValueError("negative dimensions are not allowed")
        if d > _INTP_MAX:
            raise ValueError("Maximum allowed dimension exceeded")
    return dims


def operator_index(x):
    """``operator.index`` with NumPy's message."""
    try:
        return x.__index__()
    except AttributeError:
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer") from None


# ----- allocation failures ------------------------------------------------------------------------
# Called only from ``except RuntimeError`` branches, after torch failed: never on a hot path.
_BINARY_UNITS = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
TOO_BIG = ("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible "
           "size.")


def allocation_error(shape, dt, err):
    """NumPy's exception for an array of ``shape`` and torch dtype ``dt`` that torch failed to
    allocate with ``err``: ValueError for more bytes than an index can count, MemoryError for more
    than the machine has; None when ``err`` is no allocation failure (raise ``err`` then)."""
    nbytes = _nbytes(shape, dt)
    if nbytes > _INTP_MAX:
        return ValueError(TOO_BIG)
    if is_allocation_failure(err):
        return MemoryError(f"Unable to allocate {binary_size(nbytes)} for an array with shape "
                           f"{tuple(shape)} and data type {_dtypes.to_numpy_dtype(dt).name}")
    return None


def grad_write_error(err, t=None):
    """torch's refusal (``err``) to write in place into an array that requires grad (a leaf of
    the autograd graph, or a view of one; tensor ``t`` when known) as a ValueError that says so
    (NumPy's class for a write into a read-only array); None when ``err`` is another error."""
    if "leaf Variable that requires grad" not in str(err):
        return None
    what = "" if t is None else \
        f" (shape {shape_text(tuple(t.shape))}, {_dtypes.to_numpy_dtype(t.dtype)})"
    return ValueError(f"cannot write in place into an array that requires grad{what}: it is a "
                      "leaf of the autograd graph (or a view of one), whose gradient depends on "
                      "its values; update it inside `with torchnp.no_grad():`, or write into "
                      "`a.detach()`")


def copy_into(dst, t):
    """``dst.copy_(t)`` for a NumPy-style write, with ``grad_write_error``'s ValueError where
    ``dst`` requires grad."""
    try:
        dst.copy_(t)
    except RuntimeError as e:
        raise grad_write_error(e, dst) or e from None


def is_allocation_failure(err):
    """Whether ``err`` says memory ran out: torch's error (on any device) or a MemoryError."""
    return isinstance(err, (MemoryError, torch.OutOfMemoryError)) or \
        "can't allocate memory" in str(err)


def refused(nbytes, device=None):
    """Whether this machine refuses ``nbytes`` of memory, for NumPy's errors that depend on it
    (the memory is asked for and given back at once, never written)."""
    if nbytes > _INTP_MAX:
        return True
    try:
        torch.empty(nbytes, dtype=torch.uint8, device=device)
    except RuntimeError:
        return True
    return False


def _nbytes(shape, dt):
    nbytes = dt.itemsize
    for n in shape:
        nbytes *= n
    return nbytes


def copy_error(t, dt, err):
    """NumPy's error when what it fails to allocate first is its C-contiguous copy of input ``t``
    as ``dt``, which it makes before the result; None when it takes ``t`` as it is (C-contiguous,
    of dtype ``dt``), when this machine has room for the copy, or when ``err`` is no allocation
    failure."""
    if (t.dtype is dt and t.is_contiguous()) or not is_allocation_failure(err):
        return None
    shape = tuple(t.shape)
    return allocation_error(shape, dt, err) if refused(_nbytes(shape, dt), t.device) else None


def binary_size(nbytes):
    """A byte count as NumPy words it: '1023 bytes', '1.00 KiB', '256. PiB', '1009. KiB' (three
    significant digits, or all the integer ones, and always a point)."""
    if nbytes < 1024:
        return f"{nbytes} bytes"
    value = nbytes / 1024
    for unit in _BINARY_UNITS:
        if round(value) < 1024 or unit == _BINARY_UNITS[-1]:
            break
        value /= 1024
    text = f"{value:#.3g}"
    return f"{text if 'e' not in text else f'{value:.0f}.'} {unit}"    # 1000-1023: no exponent
