"""Floating-point errors of a ufunc call, under an explicit ``errstate`` / ``seterr`` (``config``).

torch kernels raise no IEEE flags, so the four NumPy errors are read off the values afterwards,
by NumPy's rules for each kind (``flags``): an infinity from finite inputs is a division by zero
for a pole (``log(0)``, ``x / 0``, ``0 ** -1``) and an overflow otherwise; a NaN from inputs
without one is an invalid operation; a zero or subnormal result from nonzero inputs of the
functions that can underflow is an underflow (an exactly representable subnormal product,
quotient or ``ldexp`` is not); integer division and remainder by zero divide by zero, and
``INT_MIN // -1`` overflows. ``ufunc_call.call`` runs the check only while ``config.FP_CHECKS``
is set; each kind found costs a host sync.
"""
import sys
import warnings

import torch

from torchnp._core import config

# NumPy's order of handling, its text for each kind, and its bit in the status a callback gets.
_KINDS = (("divide", "divide by zero", 1), ("over", "overflow", 2), ("under", "underflow", 4),
          ("invalid", "invalid value", 8))
_ALL = tuple(key for key, _, _ in _KINDS)
_POLES = frozenset({"log", "log2", "log10", "log1p", "arctanh", "reciprocal"})
_QUOTIENTS = frozenset({"divide", "floor_divide", "remainder", "fmod", "divmod"})
# functions that can underflow, and which operand must be nonzero for a tiny result to be one
_UNDERFLOWS = {"multiply": (0, 1), "divide": (0,), "power": (0,), "float_power": (0,),
               "ldexp": (0,), "square": (0,), "exp": (), "exp2": ()}


def check(name, ts, results, where=None):
    """Act on the floating-point errors of ufunc ``name`` computing ``results`` from ``ts`` (the
    compute-dtype input tensors), where ``where`` (a bool tensor or None) is True."""
    acting, call = config.fp_acting()
    if acting is None or torch.compiler.is_compiling():     # a check reads values: host syncs
        return
    calls = "call" in acting.values()       # a callback is passed every kind found, as a mask
    found = flags(name, ts, results, where, _ALL if calls else acting)
    status = sum(bit for key, _, bit in _KINDS if key in found)
    for key, text, _ in _KINDS:
        if key in found and key in acting:
            _act(acting[key], text, status, name, call)


def flags(name, ts, results, where, wanted=_ALL):
    """The kinds of error (``divide``, ``over``, ``under``, ``invalid``) among ``wanted`` that
    computing ``results`` from ``ts`` raises in NumPy."""
    masks = {}
    for r in results:
        if r.dtype.is_floating_point or r.is_complex():
            _float_flags(name, ts, r, masks, wanted)
        elif r.dtype is not torch.bool:
            _int_flags(name, ts, masks)
    found = set()
    for key, mask in masks.items():
        if where is not None:
            mask = mask & where
        if bool(mask.any()):            # host-sync: errstate asked for a check of the values
            found.add(key)
    return found


def _add(masks, key, mask):
    masks[key] = masks[key] | mask if key in masks else mask


def _float_flags(name, ts, r, masks, wanted):
    finite = _all(torch.isfinite(t) for t in ts)
    if "invalid" in wanted:
        _add(masks, "invalid", torch.isnan(r) & ~_any(torch.isnan(t) for t in ts))
    if "divide" in wanted or "over" in wanted:
        new_inf = torch.isinf(r) & finite
        if name in _QUOTIENTS:
            pole = ts[1] == 0
        elif name == "power":
            pole = ts[0] == 0
        else:
            pole = name in _POLES
        if pole is True:
            _add(masks, "divide", new_inf)
        elif pole is False:
            _add(masks, "over", new_inf)
        else:
            _add(masks, "divide", new_inf & pole)
            _add(masks, "over", new_inf & ~pole)
    if "under" in wanted and name in _UNDERFLOWS and not r.is_complex():
        _add(masks, "under", _underflow(name, ts, r, finite))


def _underflow(name, ts, r, finite):
    tiny = torch.finfo(r.dtype).tiny
    mask = (r.abs() < tiny) & finite
    for i in _UNDERFLOWS[name]:
        mask = mask & (ts[i] != 0)
    if name == "multiply":              # a subnormal product that is exact raises nothing
        mask = mask & ((r == 0) | (r / ts[1] != ts[0]))
    elif name == "divide":
        mask = mask & ((r == 0) | (r * ts[1] != ts[0]))
    elif name == "ldexp":
        mask = mask & ((r == 0) | (torch.ldexp(r, -ts[1]) != ts[0]))
    return mask


def _int_flags(name, ts, masks):
    if name in _QUOTIENTS:
        _add(masks, "divide", ts[1] == 0)
        if name in ("floor_divide", "divmod") and ts[0].dtype.is_signed:
            low = torch.iinfo(ts[0].dtype).min
            _add(masks, "over", (ts[0] == low) & (ts[1] == -1))
    elif name == "reciprocal":             # NumPy's integer 1 / 0 sets both flags
        _add(masks, "divide", ts[0] == 0)
        _add(masks, "invalid", ts[0] == 0)


def _all(masks):
    res = True
    for m in masks:
        res = m if res is True else res & m
    return res


def _any(masks):
    res = False
    for m in masks:
        res = m if res is False else res | m
    return res


def _act(mode, text, status, name, call):
    message = f"{text} encountered in {name}"
    if mode == "raise":
        raise FloatingPointError(message)
    if mode == "warn":
        warnings.warn(message, RuntimeWarning, stacklevel=_user_stacklevel())
    elif mode == "call":
        if call is None or not callable(call):
            raise NameError(f"python callback specified for {text} (in  {name}) but no "
                            "function found.")
        call(text, status)
    elif mode == "print":
        sys.stderr.write(f"Warning: {message}\n")
    elif mode == "log":
        if call is None:
            raise NameError(f"log specified for {text} (in {name}) but no object with write "
                            "method found.")
        call.write(f"Warning: {message}\n")


def _user_stacklevel():
    """The stack level of the first frame outside torchnp, where NumPy's warning points."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("torchnp"):
        frame, level = frame.f_back, level + 1
    return level
