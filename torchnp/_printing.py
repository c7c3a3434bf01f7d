"""Printing: repr, str and format of arrays, print options, float formatting.

Arrays print exactly as NumPy prints them: the values are formatted by NumPy's own printing on a
host copy, under torchnp's print options (a context variable in ``_core/config.py``, applied with
``numpy.printoptions`` while formatting, so torchnp's options never change NumPy's state). A large
array (``size > threshold``) is never copied whole to the host: only its edge items are gathered
on its device, and NumPy formats that small array with the summarization forced.

Differences from NumPy: none in the text. ``requires_grad`` and the device are not shown (use
``a.requires_grad`` and ``a.device``), so a repr is the same text NumPy prints for the same data.
"""
import contextlib
import sys

import numpy
import torch

from torchnp import _kernels as _k
from torchnp._core import config
from torchnp._core import convert
from torchnp._core.ndarray import ndarray

_LEGACY = {"1.13": 113, "1.21": 121, "1.25": 125, "2.1": 201, "2.2": 202, False: sys.maxsize}
_IMPLIED = frozenset({numpy.dtype(numpy.int_), numpy.dtype(numpy.float64),
                      numpy.dtype(numpy.complex128), numpy.dtype(numpy.bool_)})


# ----- host copies --------------------------------------------------------------------------------

def _host_tensor(t):
    """A tensor as a NumPy array on the host (a copy unless it is already on the CPU)."""
    return _k.host_numpy(t.detach().cpu().resolve_conj().resolve_neg())


def _host(a, threshold, edgeitems):
    """(NumPy array to format, summarized?) for ndarray ``a``.

    When NumPy would summarize ``a``, only its edges come to the host: along each axis longer than
    ``2 * edgeitems``, the first ``edgeitems`` items, one filler item and the last ``edgeitems``
    items. Formatted with ``threshold=0`` NumPy prints the same text as for ``a`` itself, because
    it formats (and sizes its columns from) the edge items only.
    """
    t = a._t
    # edgeitems=0: NumPy sizes the columns from the whole array (its a[-0:] is everything), so
    # the whole array comes to the host.
    if t.numel() <= threshold or edgeitems < 1 or not any(n > 2 * edgeitems for n in t.shape):
        return _host_tensor(t), False       # host-sync: printing reads the values
    dt = t.dtype
    t = _k.signed_bits(t)                   # (index_select moves bits only)
    for axis, n in enumerate(t.shape):
        if n > 2 * edgeitems:
            idx = list(range(edgeitems + 1)) + list(range(n - edgeitems, n))
            t = t.index_select(axis, torch.tensor(idx, device=t.device))
    return _host_tensor(_k.unsigned_bits(t, dt)), True   # host-sync: printing reads the values


def _as_ndarray(a):
    if type(a) is ndarray or isinstance(a, ndarray):
        return a
    return convert.wrap(convert.as_tensor(a))


def _numpy_options(opts):
    """``numpy.printoptions`` applying torchnp's options ``opts`` (override_repr handled by us)."""
    if opts["override_repr"] is not None:
        opts = dict(opts, override_repr=None)
    return numpy.printoptions(**opts)


# ----- the ndarray's repr, str and format ---------------------------------------------------------

def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """The string representation of an array (``repr``).

    torchnp implementation of :func:`numpy.array_repr`.
    """
    arr = _as_ndarray(arr)
    opts = config.print_options()
    if opts["override_repr"] is not None:
        return opts["override_repr"](arr)
    host, summarized = _host(arr, opts["threshold"], opts["edgeitems"])
    with _numpy_options(opts):
        if not summarized:
            return numpy.array_repr(host, max_line_width, precision, suppress_small)
        # NumPy's array_repr, with the real shape (the host array holds the edges only).
        if max_line_width is None:
            max_line_width = opts["linewidth"]
        prefix = "array("
        lst = numpy.array2string(host, max_line_width, precision, suppress_small, ", ", prefix,
                                 suffix=")", threshold=0)
    legacy = _LEGACY[opts["legacy"]]
    extras = []
    if legacy > 210:
        extras.append(f"shape={arr.shape}")
    if not _dtype_is_implied(host.dtype, legacy):
        extras.append(f"dtype={host.dtype.name}")
    if not extras:
        return prefix + lst + ")"
    arr_str = prefix + lst + ","
    extra_str = ", ".join(extras) + ")"
    last_line_len = len(arr_str) - (arr_str.rfind("\n") + 1)
    spacer = " "
    if legacy > 113 and last_line_len + len(extra_str) + 1 > max_line_width:
        spacer = "\n" + " " * len(prefix)
    return arr_str + spacer + extra_str


def _dtype_is_implied(dt, legacy):
    if legacy <= 113 and dt == numpy.bool_:
        return False
    return dt in _IMPLIED


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """The string representation of the data in an array (``str``).

    torchnp implementation of :func:`numpy.array_str`.
    """
    a = _as_ndarray(a)
    opts = config.print_options()
    host, summarized = _host(a, opts["threshold"], opts["edgeitems"])
    with _numpy_options(opts):
        if not summarized:
            return numpy.array_str(host, max_line_width, precision, suppress_small)
        return numpy.array2string(host, max_line_width, precision, suppress_small, " ", "",
                                  threshold=0)


def ndarray_repr(a):
    """``repr(a)``: a scalar (``ndarray._scalar``) prints as NumPy's scalar, ``np.float64(1.5)``."""
    if convert.is_scalar_like(a):
        with _numpy_options(config.print_options()):
            return repr(_host_tensor(a._t)[()])          # host-sync: printing reads the value
    return array_repr(a)


def array_format(a, spec):
    """``format(a, spec)``: a 0-d array formats as its scalar; others need an empty spec."""
    if a._t.ndim == 0:
        return format(_host_tensor(a._t)[()], spec)     # host-sync: formatting reads the value
    if spec:
        raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
    return array_str(a)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *, formatter=None, threshold=None, edgeitems=None, sign=None,
                 floatmode=None, suffix="", legacy=None):
    """A string representation of an array.

    torchnp implementation of :func:`numpy.array2string`.
    """
    a = _as_ndarray(a)
    opts = config.print_options()
    with _numpy_options(opts):
        if threshold is not None or edgeitems is not None:
            # NumPy's own validation (and errors) for the two values used here.
            numpy.array2string(numpy.zeros(0), threshold=threshold, edgeitems=edgeitems)
        thr = opts["threshold"] if threshold is None else threshold
        edge = opts["edgeitems"] if edgeitems is None else edgeitems
        host, summarized = _host(a, thr, edge)
        return numpy.array2string(host, max_line_width, precision, suppress_small, separator,
                                  prefix, formatter=formatter,
                                  threshold=0 if summarized else threshold, edgeitems=edgeitems,
                                  sign=sign, floatmode=floatmode, suffix=suffix, legacy=legacy)


# ----- print options ------------------------------------------------------------------------------

def _updated_options(*args, **kwargs):
    """torchnp's print options updated as ``numpy.set_printoptions(*args, **kwargs)`` would
    update NumPy's (NumPy validates and merges them, inside a context that is then undone)."""
    legacy = kwargs.get("legacy")
    if legacy is not None and (not isinstance(legacy, (str, bool)) or legacy not in _LEGACY):
        # NumPy warns, keeps the value, and its get_printoptions then fails with a KeyError
        raise ValueError("legacy printing option can currently only be '1.13', '1.21', '1.25', "
                         "'2.1', '2.2' or `False`")
    with _numpy_options(config.print_options()):
        numpy.set_printoptions(*args, **kwargs)
        new = numpy.get_printoptions()
    return new


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    """Set printing options for torchnp arrays.

    torchnp implementation of :func:`numpy.set_printoptions`.

    Differences from NumPy: these are torchnp's own options (NumPy's are left alone); like
    NumPy's, they are held in a context variable, so each thread has its own.
    """
    new = _updated_options(precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr,
                           formatter, sign, floatmode, legacy=legacy, override_repr=override_repr)
    config.set_print_options(new)


def get_printoptions():
    """The current print options, as a dict.

    torchnp implementation of :func:`numpy.get_printoptions`.
    """
    return dict(config.print_options())


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager: set print options for the ``with`` block, restore them after.

    torchnp implementation of :func:`numpy.printoptions`.
    """
    token = config.set_print_options(_updated_options(*args, **kwargs))
    try:
        yield get_printoptions()
    finally:
        config.reset_print_options(token)


# ----- scalars ------------------------------------------------------------------------------------

def _host_scalar(x):
    if isinstance(x, ndarray):
        if x.ndim != 0:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        return _host_tensor(x._t)[()]           # host-sync: formatting reads the value
    return x


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """Format a floating-point scalar as a decimal string in positional notation.

    torchnp implementation of :func:`numpy.format_float_positional`.
    """
    return numpy.format_float_positional(_host_scalar(x), precision, unique, fractional, trim,
                                         sign, pad_left, pad_right, min_digits)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False, pad_left=None,
                            exp_digits=None, min_digits=None):
    """Format a floating-point scalar as a decimal string in scientific notation.

    torchnp implementation of :func:`numpy.format_float_scientific`.
    """
    return numpy.format_float_scientific(_host_scalar(x), precision, unique, trim, sign,
                                         pad_left, exp_digits, min_digits)
