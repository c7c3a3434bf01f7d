"""THE place for dtype promotion: result_type, promote_types, can_cast, NEP 50, ufunc loops.

Every answer comes from tables generated from NumPy itself (``_generated/tables.py``, written by
``tools/gen_tables.py``). The tables spell dtypes as one-letter codes of their own (``CODES``); they
become torch dtypes here, once, at import, and every function below speaks torch dtypes. Python
scalars are the weak codes ``n`` (int), ``r`` (float), ``x`` (complex).
"""
import numpy
import torch

from torchnp._core import config
from torchnp._core import dtypes as _dtypes
from torchnp._core import numpy_private
from torchnp._core._generated import tables as _tables

WEAK_INT, WEAK_FLOAT, WEAK_COMPLEX = "n", "r", "x"
_WEAK_RANK = {WEAK_INT: 0, WEAK_FLOAT: 1, WEAK_COMPLEX: 2}

_T = {code: getattr(torch, name) for code, name in _tables.CODES.items()}


def _dtypes_of(codes):
    """A table's codes as a tuple of torch dtypes, weak codes kept as they are."""
    return tuple(_T.get(c, c) for c in codes)


# torch-keyed views of the tables, built once at import.
_PROMOTE = {(_T[k[0]], _T[k[1]]): _T[v] for k, v in _tables.RESULT_TYPE.items()
            if k[0] in _T and k[1] in _T}
_PROMOTE_WEAK = {(_T[k[0]], k[1]): _T[v] for k, v in _tables.RESULT_TYPE.items()
                 if k[0] in _T and k[1] in _WEAK_RANK}
_CAN_CAST = {casting: frozenset((_T[p[0]], _T[p[1]]) for p in pairs)
             for casting, pairs in _tables.CAN_CAST.items()}
CASTINGS = tuple(_CAN_CAST)

# name -> input key (torch dtypes and weak codes) -> the loop's dtypes (inputs then outputs)
_UFUNC_LOOPS = {name: {_dtypes_of(key): _dtypes_of(codes) for key, codes in loops.items()}
                for name, loops in _tables.LOOPS.items()}
# name -> input key -> index into _tables.MESSAGES
_UFUNC_ERRORS = {name: {_dtypes_of(key): i for key, i in errors.items()}
                 for name, errors in _tables.ERRORS.items()}


def promote(dt1, dt2):
    """Promotion of two torch dtypes, as ``numpy.promote_types``."""
    return _PROMOTE[dt1, dt2]


def promote_weak(dt, code):
    """Promotion of a torch dtype with a weak Python scalar code (NEP 50)."""
    return _PROMOTE_WEAK[dt, code]


def default_dtype_of_weak(code):
    """The dtype a lone Python scalar takes: int64, the default float, or its complex."""
    if code == WEAK_INT:
        return torch.int64
    fdt = config.default_float_dtype()
    return fdt if code == WEAK_FLOAT else fdt.to_complex()


def result_dtype(strong, weak=()):
    """The result of promoting torch dtypes ``strong`` with weak codes ``weak`` (NEP 50)."""
    res = None
    for dt in strong:
        res = dt if res is None else _PROMOTE[res, dt]
    strongest_weak = max(weak, key=_WEAK_RANK.__getitem__, default=None)
    if res is None:
        if strongest_weak is None:
            raise ValueError("at least one array or dtype is required")
        return default_dtype_of_weak(strongest_weak)
    if strongest_weak is not None:
        res = _PROMOTE_WEAK[res, strongest_weak]
    return res


# ----- NEP 50: Python int, float and complex operands are weak -----------------------------------
# A Python scalar takes part in promotion by its kind only (``result_dtype``'s ``weak`` codes), then
# becomes a value of the dtype the operation computes in, where a Python int must fit.

WEAK_OF_TYPE = {int: WEAK_INT, float: WEAK_FLOAT, complex: WEAK_COMPLEX}
TYPE_OF_WEAK = {WEAK_INT: int, WEAK_FLOAT: float, WEAK_COMPLEX: complex}
# What a weak scalar casts from in casting checks (by kind: a C long, a double, a double complex).
WEAK_AS = {WEAK_INT: torch.int64, WEAK_FLOAT: torch.float64, WEAK_COMPLEX: torch.complex128}


def weak_code(x):
    """The weak code of a Python scalar (bool is not weak: it is the lowest strong kind)."""
    return WEAK_OF_TYPE.get(type(x))


def weak_result_dtype(operands):
    """The result dtype of an operation on ``operands``: tensors, and Python scalars that are weak
    (None: an operand not given, left out)."""
    strong, weak = [], []
    for x in operands:
        code = WEAK_OF_TYPE.get(type(x))
        if code is not None:
            weak.append(code)
        elif x is not None:
            strong.append(x.dtype)
    return result_dtype(strong, weak)


def weak_castable(code, dt, casting):
    """Whether a weak scalar of ``code`` casts to ``dt``: every dtype under 'unsafe'; under the other
    rules by kind, whatever the rule (NumPy: ``add(5, 1, dtype='uint64', casting='no')`` runs)."""
    return casting == "unsafe" or dt in _WEAK_TARGETS[code]


_WEAK_TARGETS = {
    WEAK_INT: frozenset(dt for dt in _T.values() if dt is not torch.bool),
    WEAK_FLOAT: frozenset(dt for dt in _T.values() if dt.is_floating_point or dt.is_complex),
    WEAK_COMPLEX: frozenset(dt for dt in _T.values() if dt.is_complex),
}


def weak_value(x, dt):
    """Python scalar ``x`` as a value of ``dt``, the dtype an operation computes it in: NumPy's
    OverflowError for an int that ``dt`` cannot hold."""
    if type(x) is int:
        bounds = _dtypes.INT_RANGE.get(dt)
        if bounds is not None:
            if bounds[0] <= x <= bounds[1]:
                return x
            raise weak_int_error(x, dt)
        if dt is torch.bool and not -2**63 <= x < 2**63:
            raise weak_int_error(x, dt)
    if dt is torch.bool:
        return bool(x)
    if dt.is_complex:
        return complex(x)
    if dt.is_floating_point:
        if type(x) is complex:
            return _unsafe_value(x, dt)
        return float(x)
    if type(x) is not int:
        return _unsafe_value(x, dt)
    return x


def _unsafe_value(x, dt):
    """A float or complex scalar in an integer (or a complex one in a real) dtype, which only
    ``casting='unsafe'`` allows: NumPy's cast of the one value on the host, with its
    RuntimeWarning (NaN, out of range) or ComplexWarning."""
    # host-data: a Python scalar's value, cast as NumPy casts it
    return numpy.asarray(x).astype(_dtypes.to_numpy_dtype(dt)).item()


def is_c_int(x):
    """Whether NumPy can read Python int ``x`` at all: as a C long or unsigned long long."""
    return -2**63 <= x < 2**64


def weak_int_error(x, dt):
    """NumPy's OverflowError for Python int ``x`` that integer (or bool) dtype ``dt`` cannot hold:
    beyond a C long (or, for uint64, an unsigned one) NumPy cannot even read it."""
    if not is_c_int(x) or (x >= 2**63 and dt is not torch.uint64):
        return OverflowError("Python int too large to convert to C long")
    return OverflowError(f"Python integer {x} out of bounds for {_dtypes.to_numpy_dtype(dt)}")


def can_cast_dtype(from_dt, to_dt, casting="safe"):
    """``numpy.can_cast`` on torch dtypes."""
    try:
        table = _CAN_CAST[casting]
    except (KeyError, TypeError):
        check_casting(casting)
        raise
    return (from_dt, to_dt) in table


def check_casting(casting):
    """NumPy's errors for a ``casting=`` that is not one of its five rules."""
    if type(casting) is not str:
        raise TypeError(f"casting must be str, not {type(casting).__name__}")
    if casting not in _CAN_CAST:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' "
                         f"(got {casting!r})")


def ufunc_loop(name, key):
    """The loop dtypes (inputs then outputs) NumPy selects for input key ``key`` (a tuple of torch
    dtypes and weak codes), or None."""
    return _UFUNC_LOOPS[name].get(key)


# A ufunc's casting errors: NumPy's own (private) classes, so ``except`` clauses written for NumPy
# keep working.
UFuncInputCastingError = numpy_private.UFuncInputCastingError
UFuncOutputCastingError = numpy_private.UFuncOutputCastingError


def ufunc_loop_error(name, key, nin):
    """The exception NumPy raises when ufunc ``name`` has no loop for input key ``key``."""
    index = _UFUNC_ERRORS[name].get(key)
    if index is None:
        return TypeError(f"ufunc '{name}' did not contain a loop with signature matching types "
                         f"{_types_text(key, nin)} -> None")
    cls_name, template = _tables.MESSAGES[index]
    cls = {"TypeError": TypeError, "ValueError": ValueError}.get(cls_name, TypeError)
    return cls(template.format(name=name, types=_types_text(key, nin)))


_WEAK_DTYPE_CLASS = {WEAK_INT: "_PyLongDType", WEAK_FLOAT: "_PyFloatDType",
                     WEAK_COMPLEX: "_PyComplexDType"}


def _types_text(key, nin):
    names = [_WEAK_DTYPE_CLASS.get(k) if type(k) is str
             else type(_dtypes.to_numpy_dtype(k)).__name__ for k in key]
    classes = [f"<class 'numpy.dtypes.{n}'>" for n in names]
    return classes[0] if nin == 1 else "(" + ", ".join(classes) + ")"


def ufunc_loop_table(name):
    """The whole loop table of one ufunc: input key -> loop dtypes (see ``ufunc_loop``)."""
    return _UFUNC_LOOPS[name]


def ufunc_meta(name):
    """(nin, nout, identity, signature) of NumPy's ufunc ``name``."""
    return _tables.UFUNCS[name]


# ----- reductions ---------------------------------------------------------------------------------
# add/multiply reductions (sum, prod, cumsum, add.reduce, ...) widen bool and small integers to the
# platform integer, as NumPy: signed (and bool) to int64, unsigned to uint64.
_SUM_DTYPE = {torch.bool: torch.int64, torch.int8: torch.int64, torch.int16: torch.int64,
              torch.int32: torch.int64, torch.uint8: torch.uint64, torch.uint16: torch.uint64,
              torch.uint32: torch.uint64}
_LOGICAL_REDUCE = frozenset({"logical_and", "logical_or", "logical_xor"})


def sum_dtype(dt):
    """The result dtype of ``sum``/``prod``/``cumsum``/``cumprod`` without ``dtype=``."""
    return _SUM_DTYPE.get(dt, dt)


def mean_dtype(dt):
    """The result dtype of ``mean`` without ``dtype=``: integers and bool give float64."""
    return dt if dt.is_floating_point or dt.is_complex else torch.float64


def var_dtype(dt):
    """The result dtype of ``var``/``std`` computed in ``dt``: complex gives its real dtype."""
    return dt.to_real() if dt.is_complex else dt


def reduce_dtype(name, dt, dtype=None):
    """The loop dtype (input = output) of ``numpy.<name>.reduce`` on ``dt`` with ``dtype=``.

    Raises NumPy's TypeError where the ufunc has no loop usable for a reduction.
    """
    if dtype is None and name in ("add", "multiply"):
        return _SUM_DTYPE.get(dt, dt)
    key = (dtype if dtype is not None else dt,) * 2
    dts = _UFUNC_LOOPS[name].get(key)
    if dts is None:
        raise ufunc_loop_error(name, key, 2)
    if dts[0] is dts[1] is dts[2]:
        return dts[2]
    if name in _LOGICAL_REDUCE and dtype is None:   # logical reductions: the bool loop
        return torch.bool
    raise TypeError(f"No loop matching the specified signature and casting was found for ufunc "
                    f"{name}")


# ----- public API ---------------------------------------------------------------------------------

def _operand_dtype(x):
    """(torch dtype, None) for a strong operand, (None, weak code) for a Python scalar."""
    code = WEAK_OF_TYPE.get(type(x))
    if code is not None:
        return None, code
    if x is None:                   # NumPy reads None as the default dtype, float64
        return torch.float64, None
    if type(x) is bool:
        return torch.bool, None
    dt = getattr(x, "dtype", None)
    if dt is not None and not isinstance(x, type):
        return _dtypes.to_torch_dtype(dt), None
    return _dtypes.to_torch_dtype(x), None


def result_type(*arrays_and_dtypes):
    """The dtype that results from applying NumPy's promotion rules to the arguments.

    torchnp implementation of :func:`numpy.result_type`.
    """
    strong, weak = [], []
    for x in arrays_and_dtypes:
        dt, code = _operand_dtype(x)
        if code is None:
            strong.append(dt)
        else:
            weak.append(code)
    return _dtypes.to_numpy_dtype(result_dtype(strong, weak))


def promote_types(type1, type2, /):
    """The smallest dtype to which both dtypes may be safely cast.

    torchnp implementation of :func:`numpy.promote_types`.
    """
    if type1 is None or type2 is None:
        raise TypeError("did not understand one of the types")
    dt = promote(_dtypes.to_torch_dtype(type1), _dtypes.to_torch_dtype(type2))
    return _dtypes.to_numpy_dtype(dt)


def can_cast(from_, to, casting="safe"):
    """Whether a cast between data types can occur according to the casting rule.

    torchnp implementation of :func:`numpy.can_cast`.
    """
    if type(from_) in WEAK_OF_TYPE or type(from_) is bool:
        raise TypeError("can_cast() does not support Python ints, floats, and complex because "
                        "the result used to depend on the value.\nThis change was part of "
                        "adopting NEP 50, we may explicitly allow them again in the future.")
    if from_ is None or to is None:
        raise TypeError("did not understand one of the types; 'None' not accepted")
    from_dt, _ = _operand_dtype(from_)
    return can_cast_dtype(from_dt, _dtypes.to_torch_dtype(to), casting)


def min_scalar_type(a, /):
    """For a scalar, the smallest dtype that holds its value; an array's own dtype otherwise.

    torchnp implementation of :func:`numpy.min_scalar_type`.
    """
    t = getattr(a, "_t", None)
    if t is not None:
        if t.ndim > 0:
            return _dtypes.to_numpy_dtype(t.dtype)
        # host-sync: value-based
        a = numpy.asarray(t.item(), dtype=_dtypes.to_numpy_dtype(t.dtype))
    res = numpy.min_scalar_type(a)
    _dtypes.to_torch_dtype(res)                  # TypeError for dtypes torchnp does not have
    return res


def common_type(*arrays):
    """A scalar type common to the input arrays: integers count as float64.

    torchnp implementation of :func:`numpy.common_type`.
    """
    is_complex, precision = False, 0
    for a in arrays:
        dt = _dtypes.to_torch_dtype(a.dtype)
        if dt.is_complex:
            is_complex = True
            p = _dtypes.real_dtype(dt).itemsize
        elif dt.is_floating_point:
            p = dt.itemsize
        elif dt in _dtypes.INTEGER_DTYPES:
            p = 8
        else:
            raise TypeError("can't get common type for non-numeric array")
        precision = max(precision, p)
    float_type = {2: numpy.float16, 4: numpy.float32, 8: numpy.float64}.get(precision, numpy.float16)
    if is_complex:
        return numpy.complex128 if float_type is numpy.float64 else numpy.complex64
    return float_type


def lapack_dtype(*ts):
    """NumPy's ``_commonType``: the result dtype of a LAPACK routine over tensors ``ts``.

    float32 / complex64 when every inexact operand is single precision, float64 / complex128
    otherwise (integers and bools count as double); complex when any operand is; float16 raises
    NumPy's TypeError. torchnp computes in this dtype (see the module's docstring)."""
    double = False
    complex_ = False
    for t in ts:
        dt = t.dtype
        if dt.is_complex:
            complex_ = True
            dt = dt.to_real()
        if dt is torch.float64 or not dt.is_floating_point:
            double = True
        elif dt is not torch.float32:
            name = _dtypes.to_numpy_dtype(t.dtype).name
            raise TypeError(f"array type {name} is unsupported in linalg")
    if complex_:
        return torch.complex128 if double else torch.complex64
    return torch.float64 if double else torch.float32
