"""Process-wide settings held in context variables: default float dtype, default device, print
options and floating-point error handling (``errstate``).

Context variables make the settings thread-safe and asyncio-safe: each thread (and each asyncio
task) sees the value it set, a new thread starts from the defaults, and leaving a ``with`` block
restores the value from before it.
"""
import contextlib
import contextvars
import functools

import torch

from torchnp._core import dtypes as _dtypes

_default_float = contextvars.ContextVar("torchnp_default_float", default=torch.float64)
_default_device = contextvars.ContextVar("torchnp_default_device", default=None)
_UNSET = object()


# ----- default float dtype ------------------------------------------------------------------------

# The torch dtype creation functions use for floats when no dtype is given, and the default device
# (a torch.device, or None for the CPU) for library code. Bound ``ContextVar.get``s, not functions:
# creation calls them every time, and a Python frame costs ~60 ns there.
default_float_dtype = _default_float.get
current_device = _default_device.get

# torch.compile (Dynamo) cannot trace ContextVar.get. Traced code reads the two defaults from these
# plain globals instead (torchnp/compile.py substitutes the getters above while tracing), and Dynamo
# guards on them, so a change recompiles. The setters keep them equal to the values of the thread
# that set last; torchnp.compile sets them from its caller's context before every call.
traced_float = torch.float64
traced_device = None


def sync_traced():
    """Copy this context's defaults into the globals traced code reads."""
    global traced_float, traced_device
    traced_float, traced_device = _default_float.get(), _default_device.get()


def _float_dtype(dtype):
    dt = _dtypes.to_torch_dtype(dtype)
    if dt not in (torch.float16, torch.float32, torch.float64):
        raise TypeError("the default float dtype must be float16, float32 or float64, "
                        f"not {dtype!r}")
    return dt


def set_default_float(dtype):
    """Set the dtype (float64 as in NumPy, or float32 for GPU work) that creation uses for floats.

    torchnp extension (NumPy always uses float64). Applies to the current thread / context.
    """
    _default_float.set(_float_dtype(dtype))
    sync_traced()


def get_default_float():
    """The default float dtype, as a NumPy dtype (torchnp extension)."""
    return _dtypes.to_numpy_dtype(_default_float.get())


def default_float(dtype=_UNSET):
    """``with default_float("float32"):`` creation uses ``dtype`` for floats inside the block.

    Without an argument: the current default float dtype, as a NumPy dtype. torchnp extension.
    """
    if dtype is _UNSET:
        return get_default_float()
    return _scope(_default_float, _float_dtype(dtype))


# ----- default device -----------------------------------------------------------------------------

# Device types this process can allocate on, filled on first use (an unavailable one makes torch
# raise AssertionError or RuntimeError from deep inside; NumPy users expect a ValueError).
_AVAILABLE = {"cpu": True, "meta": True}


def as_device(device):
    """A ``device=`` argument as a torch.device (None stays None), with NumPy's ValueError for one
    not understood and a ValueError naming the reason for one this machine does not have."""
    if device is None:
        return None
    if type(device) is not torch.device:
        try:
            device = torch.device(device)
        except (RuntimeError, TypeError):
            raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: '
                             f'{device}') from None
    available = _AVAILABLE.get(device.type)
    if available is None:
        is_available = getattr(getattr(torch, device.type, None), "is_available", None)
        available = _AVAILABLE[device.type] = bool(is_available()) if is_available else True
    if not available:
        raise ValueError(f"device '{device}' is not available: this torch build or machine has no "
                         f"{device.type} device")
    return device


def set_default_device(device):
    """Set the device creation functions use when none is given (``None``: the CPU).

    torchnp extension. Applies to the current thread / context.
    """
    _default_device.set(as_device(device))
    sync_traced()


def get_default_device():
    """The default device as a torch.device (torchnp extension)."""
    return _default_device.get() or torch.device("cpu")


def default_device(device=_UNSET):
    """``with default_device("cuda"):`` creation functions put arrays on ``device`` in the block.

    Without an argument: the default device set (a torch.device), or None when none is set (the
    CPU); library code calls it this way. torchnp extension.
    """
    if device is _UNSET:
        return _default_device.get()
    return _scope(_default_device, as_device(device))


default_device_scope = default_device


@contextlib.contextmanager
def _scope(var, value):
    token = var.set(value)
    sync_traced()
    try:
        yield
    finally:
        var.reset(token)
        sync_traced()


# ----- print options ------------------------------------------------------------------------------
# torchnp's own print options (NumPy's keys and defaults); _printing applies them with
# numpy.printoptions(...) while it formats, so they never touch NumPy's global state.
DEFAULT_PRINT_OPTIONS = {
    "edgeitems": 3, "threshold": 1000, "floatmode": "maxprec", "precision": 8, "suppress": False,
    "linewidth": 75, "nanstr": "nan", "infstr": "inf", "sign": "-", "formatter": None,
    "legacy": False, "override_repr": None,
}
_print_options = contextvars.ContextVar("torchnp_print_options", default=DEFAULT_PRINT_OPTIONS)


def print_options():
    """The current print options (a dict that must not be mutated)."""
    return _print_options.get()


def set_print_options(options):
    """Replace the print options (a complete dict); returns a token for reset_print_options."""
    return _print_options.set(dict(options))


def reset_print_options(token):
    _print_options.reset(token)


# ----- floating-point error handling --------------------------------------------------------------
# The state is (modes, call, acting): ``modes`` is what ``geterr`` reports (NumPy's defaults until
# set); ``acting`` holds the kinds set explicitly (``seterr``, ``errstate``) to a mode other than
# 'ignore', or None. Only those are checked (``_core/fperror.py``): NumPy's default 'warn' stays
# silent, since a check costs passes over the data and a host sync (docs/differences.md).
# ``FP_CHECKS`` is the one test the ufunc fast paths make: whether a state that acts may be set.
_ERR_KEYS = ("divide", "over", "under", "invalid")
_ERR_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_DEFAULT_ERR = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_err = contextvars.ContextVar("torchnp_errstate", default=(_DEFAULT_ERR, None, None))
FP_CHECKS = False
_acting_scopes = 0          # errstate blocks (and decorated calls) running with an acting state


def _new_err(all=None, divide=None, over=None, under=None, invalid=None, call=_UNSET):
    modes, old_call, acting = _err.get()
    new = dict(modes)
    given = set()
    if all is not None:
        new = dict.fromkeys(_ERR_KEYS, all)
        given.update(_ERR_KEYS)
    for key, value in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        if value is not None:
            new[key] = value
            given.add(key)
    for value in new.values():
        if value not in _ERR_MODES:
            raise ValueError(f"invalid error mode {value!r}")
    if call is _UNSET:
        call = old_call
    elif call is not None and not callable(call):
        if not callable(getattr(call, "write", None)):
            raise TypeError("python object must be callable or have a callable write method")
    if len(given) == len(_ERR_KEYS) and new == _DEFAULT_ERR:
        return new, call, None      # NumPy's defaults restored (``seterr(**old)``): silent again
    explicit = given.union(acting or ())
    acting = {k: new[k] for k in _ERR_KEYS if k in explicit and new[k] != "ignore"}
    return new, call, acting or None


def fp_acting():
    """(modes to act on, callback): the kinds set explicitly to a mode other than 'ignore'."""
    _, call, acting = _err.get()
    return acting, call


def _update_fp_checks():
    global FP_CHECKS
    FP_CHECKS = _acting_scopes > 0 or _err.get()[2] is not None


def _enter_err(state):
    global _acting_scopes
    token = _err.set(state)
    if state[2] is not None:
        _acting_scopes += 1
    _update_fp_checks()
    return token


def _exit_err(token, state):
    global _acting_scopes
    _err.reset(token)
    if state[2] is not None:
        _acting_scopes -= 1
    _update_fp_checks()


def geterr():
    """How floating-point errors are handled.

    torchnp implementation of :func:`numpy.geterr`. Differences from NumPy: see ``seterr``.
    """
    return dict(_err.get()[0])


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are handled; returns the old settings.

    torchnp implementation of :func:`numpy.seterr`. A kind given here is acted on by the ufuncs,
    as NumPy does: 'raise' (FloatingPointError), 'warn' (RuntimeWarning), 'call' (the
    ``seterrcall`` function, called as ``func(kind, flag)``), 'print' (to stderr), 'log' (the
    ``seterrcall`` object's ``write``).

    Differences from NumPy: only the kinds set explicitly (here or by ``errstate``) are acted on;
    NumPy's default 'warn' stays silent, because a check costs passes over the data and a host
    sync per ufunc call, and setting all four kinds to NumPy's defaults (``seterr(**old)``)
    restores that silent default. The ufuncs are checked, not reductions or other functions
    (docs/differences.md).
    """
    old = geterr()
    _err.set(_new_err(all, divide, over, under, invalid))
    _update_fp_checks()
    return old


def geterrcall():
    """The callback used for floating-point errors in 'call' mode.

    torchnp implementation of :func:`numpy.geterrcall`.
    """
    return _err.get()[1]


def seterrcall(func):
    """Set the callback for floating-point errors in 'call' mode; returns the old one.

    torchnp implementation of :func:`numpy.seterrcall`.
    """
    old = _err.get()[1]
    _err.set(_new_err(call=func))
    return old


class errstate:
    """Context manager (and decorator) for floating-point error handling.

    torchnp implementation of :class:`numpy.errstate`: the kinds it sets are acted on by the
    ufuncs inside the block, as ``seterr`` describes (its differences from NumPy too).
    """
    __slots__ = ("_call", "_all", "_divide", "_over", "_under", "_invalid", "_token", "_state")

    def __init__(self, *, call=_UNSET, all=None, divide=None, over=None, under=None, invalid=None):
        self._token = None
        self._call = call
        self._all = all
        self._divide = divide
        self._over = over
        self._under = under
        self._invalid = invalid

    def _new_state(self):
        return _new_err(self._all, self._divide, self._over, self._under, self._invalid,
                        self._call)

    def __enter__(self):
        if self._token is not None:
            raise TypeError("Cannot enter `np.errstate` twice.")
        self._state = self._new_state()
        self._token = _enter_err(self._state)

    def __exit__(self, *exc_info):
        _exit_err(self._token, self._state)

    def __call__(self, func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            state = self._new_state()
            token = _enter_err(state)
            try:
                return func(*args, **kwargs)
            finally:
                _exit_err(token, state)
        return inner
