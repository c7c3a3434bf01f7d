"""The general path of ``ufunc.__call__``: array-likes, Python scalars (NEP 50), ``out=``,
``where=``, ``dtype=``, ``casting=``, ``order=``, ``signature=``; and ``resolve_dtypes``.

The fast path in ``ufunc.__call__`` handles ndarray operands without keywords; everything else comes
here. The steps, in NumPy's order: parse the arguments, convert the inputs (Python scalars stay weak),
select the loop (from the generated tables, or from ``dtype=`` / ``signature=``), check casting,
check broadcasting, run the kernel, apply ``where=`` and write ``out=``.
"""
import operator
import sys

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes
from torchnp._core import fperror
from torchnp._core import promotion
from torchnp._core.ndarray import ndarray

_WEAK = promotion.WEAK_OF_TYPE
_ORDERS = ("C", "F", "A", "K")
# the keyword arguments of every ufunc call and their defaults, in the order ``call`` reads them
_OPTIONS = {"where": True, "casting": "same_kind", "order": "K", "dtype": None, "subok": True,
            "signature": None}

# Comparisons with a Python int outside the loop's integer range have a known answer (NumPy 2):
# name -> (result when the int is above the range, result when below), the int on the right.
_CMP_OUT_OF_RANGE = {"equal": (False, False), "not_equal": (True, True), "less": (True, False),
                     "less_equal": (True, False), "greater": (False, True),
                     "greater_equal": (False, True)}
_MIRROR = {"equal": "equal", "not_equal": "not_equal", "less": "greater",
           "less_equal": "greater_equal", "greater": "less", "greater_equal": "less_equal"}
_PY_COMPARE = {"equal": operator.eq, "not_equal": operator.ne, "less": operator.lt,
               "less_equal": operator.le, "greater": operator.gt, "greater_equal": operator.ge}
_LOGICAL = frozenset({"logical_and", "logical_or", "logical_xor", "logical_not"})
_NONE_COMPARE = ("equal", "not_equal")     # the comparisons NumPy answers for None operands
OPERATORS = set()       # code objects of the ndarray's binary operators (register_operators)


def register_operators(*functions):
    """The ndarray's binary operators ``functions``: they return NotImplemented for an operand
    whose class sets ``__array_ufunc__ = None``, as NumPy's do (NEP 13)."""
    OPERATORS.update(f.__code__ for f in functions)


def _refuses_ufuncs(x):
    return type(x) is not ndarray and getattr(type(x), "__array_ufunc__", 0) is None


def _defer(x):
    """NotImplemented where a binary ndarray operator called, so Python tries ``x``'s reflected
    method; else (a ufunc call, an in-place operator) the TypeError NumPy's ufuncs raise."""
    frame = sys._getframe(2)
    for _ in range(2):              # call <- _call2 <- the operator
        if frame is None:
            break
        if frame.f_code in OPERATORS:
            return NotImplemented
        frame = frame.f_back
    raise TypeError(f"operand '{type(x).__name__}' does not support ufuncs "
                    "(__array_ufunc__=None)")


def call(uf, args, out, kwargs):
    """``uf(*args, out=out, **kwargs)`` for everything the fast path does not take."""
    nin, nout, name = uf.nin, uf.nout, uf.__name__
    for x in args if out is None else args + (out if type(out) is tuple else (out,)):
        if _refuses_ufuncs(x):
            return _defer(x)
    nargs = len(args)
    if nargs < nin or nargs > nin + nout:
        raise TypeError(f"{name}() takes from {nin} to {nin + nout} positional arguments but "
                        f"{nargs} were given")
    outs = _parse_out(uf, args[nin:], out)
    options = dict(_OPTIONS)
    axes = None
    for key, value in kwargs.items():
        if key in options:
            options[key] = value
        elif key in ("axes", "axis") and uf.signature:
            axes = _gufunc_axes(uf, key, value)
        else:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
    for o in outs:      # NumPy checks this before the keywords' values, the inputs and the loop
        if o is not None:
            convert.check_writeable(o._t, "output array is read-only")
    where, casting, order, dtype, subok, signature = options.values()
    if casting not in promotion.CASTINGS:
        _bad_keyword("casting", casting, "'no', 'equiv', 'safe', 'same_kind', 'unsafe'")
    if order is not None and (type(order) is not str or order.upper() not in _ORDERS):
        _bad_keyword("order", order, "'C', 'F', 'A', or 'K'")
    if subok is not True and subok is not False:
        raise TypeError("'subok' must be a boolean")
    del subok      # every result is a torchnp.ndarray: there are no subclasses to keep

    try:
        tensors, key, device = _convert_inputs(args[:nin], outs)
    except TypeError:
        nones = [x is None for x in args[:nin]]       # not `None in args`: that calls __eq__
        if name not in _NONE_COMPARE or casting in ("no", "equiv") or not any(nones):
            raise
        # NumPy compares None in its object loop: never equal to a number, equal to None.
        both = all(nones)
        none_as = 0.0 if both else float("nan")   # nan: unequal to everything, itself included
        args = tuple(none_as if x is None else x for x in args[:nin])
        tensors, key, device = _convert_inputs(args, outs)
    spec = _fixed_signature(uf, dtype, signature)
    if nin == 1 and type(key[0]) is str:
        tensors, key = _lone_scalar(uf, tensors[0], key[0], spec, casting, device)
    if spec is None:
        loop = uf._loops.get(tuple(key))
        if loop is None:
            if all(type(k) is str for k in key):
                # Python scalars only: the loop of their default dtypes; their values stay weak
                # (add(2**63, 1.0) computes in float64, add(2**63, 1) overflows int64)
                strong = tuple(promotion.default_dtype_of_weak(k) for k in key)
                loop = uf._loops.get(strong)
                if loop is None:
                    raise promotion.ufunc_loop_error(name, strong, nin)
            else:
                raise promotion.ufunc_loop_error(name, tuple(key), nin)
    else:
        loop = _loop_for_signature(uf, key, spec, casting, tensors)
    for x, dt in zip(tensors, loop.in_dts):
        if type(x) is int:      # NumPy reads Python ints before it checks casts, where= and shapes
            _weak_value(x, dt, name, key)
    if spec is None and casting in ("no", "equiv", "safe"):
        _check_input_casting(uf, key, loop, casting)

    where_t = None
    if where is not True:
        where_t = _where_tensor(where, device)
    # gufuncs (matmul, vecdot, ...) check their core dimensions in their kernels
    shape = None if uf.signature else _broadcast(tensors, outs, where_t)

    # Inputs in the loop's compute dtypes; Python scalars checked against the loop's dtype.
    ts = []
    for i, (x, k) in enumerate(zip(tensors, key)):
        cdt = loop.compute_dts[i]
        if type(k) is str:
            value = _weak_value(x, loop.in_dts[i], name, key)
            if value is None:         # an out-of-range int in a comparison: the answer is known
                try:
                    answer = _out_of_range_compare(name, i, tensors, shape, device)
                    return _finish(uf, (answer,), outs, where_t, casting, loop)
                except RuntimeError as e:
                    raise _torch_error(uf, e, shape, loop, ts) from None
            ts.append(_weak_tensor(value, cdt, device))
        elif x.dtype is cdt:
            ts.append(x)
        else:
            try:
                ts.append(x.to(cdt))
            except RuntimeError as e:   # NumPy casts in buffers: only its result can be too big
                raise _torch_error(uf, e, shape, loop, tensors) from None
    if axes is not None:
        ts = [_cores_last(t, ax) for t, ax in zip(ts, axes)]
    if where_t is not None and hasattr(loop.kernel, "where_fill"):
        # a kernel that checks values sees only the selected ones, as NumPy's loop
        ts = [t if f is None else torch.where(where_t, t, f)
              for t, f in zip(ts, loop.kernel.where_fill)]
    try:
        res = loop.kernel(*ts)
        if nout == 1:
            res = (res,)
        if config.FP_CHECKS and not uf.signature:       # an explicit errstate (before out=)
            fperror.check(name, ts, res, where_t)
        if axes is not None:
            res = tuple(_cores_back(r, ax) for r, ax in zip(res, axes[nin:]))
        return _finish(uf, res, outs, where_t, casting, loop)     # where= can broadcast: memory
    except RuntimeError as e:
        raise _torch_error(uf, e, shape, loop, ts) from None


def _bad_keyword(name, value, choices):
    if type(value) is not str:
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    raise ValueError(f"{name} must be one of {choices} (got {value!r})")


def _core_dims(signature):
    """Core dimension counts of a gufunc signature: '(n?,k),(k,m?)->(n?,m?)' -> [2, 2, 2]."""
    ins, outs = signature.split("->")
    return [len([d for d in part.split(",") if d]) for part in
            ins[1:-1].split("),(") + outs[1:-1].split("),(")]


def _gufunc_axes(uf, key, value):
    """``axes=`` / ``axis=`` of a gufunc as one tuple of (negative) axes per operand."""
    cores = _core_dims(uf.signature)
    if key == "axis":
        if any(c > 1 for c in cores):
            raise TypeError(f"{uf.__name__}: axis can only be used with a single shared core "
                            "dimension, not with the 2 distinct ones implied by signature "
                            f"{uf.signature}.")
        return [(value,) if c == 1 else () for c in cores]
    if len(value) not in (len(cores), uf.nin):
        raise ValueError(f"{uf.__name__}: The 'axes' argument must have {len(cores)} entries")
    axes = [tuple(v) if isinstance(v, (tuple, list)) else (v,) for v in value]
    return axes + [()] * (len(cores) - len(axes) if len(axes) < len(cores) else 0)


def _cores_last(t, ax):
    if not ax:
        return t
    return torch.movedim(t, [convert.normalize_axis_index(a, t.ndim) for a in ax],
                         list(range(-len(ax), 0)))


def _cores_back(t, ax):
    if not ax:
        return t
    return torch.movedim(t, list(range(-len(ax), 0)),
                         [convert.normalize_axis_index(a, t.ndim) for a in ax])


def _lone_scalar(uf, x, code, spec, casting, device):
    """(tensors, key) for the Python scalar ``x`` of a one-input ufunc. NumPy does not take it as
    weak: it is the array ``numpy.asarray`` makes (int64, uint64 from 2**63, the default float or
    complex), so ``absolute(5, dtype='uint64')`` fails the casting check from int64.

    An int beyond uint64 makes NumPy an object array, which casts to a loop only under 'unsafe'
    (``absolute(2**64, dtype='float64')`` is NumPy's casting error); torchnp keeps it weak for that
    cast, and without a loop to cast to it raises the OverflowError of docs/differences.md."""
    if code == promotion.WEAK_INT and not promotion.is_c_int(x):
        if spec is None:
            promotion.weak_value(x, torch.int64)        # the OverflowError
        loop = _loop_for_signature(uf, [code], spec, "unsafe", ())
        if casting != "unsafe":
            raise promotion.UFuncInputCastingError(uf, casting, numpy.dtype(object),
                                                   _dtypes.to_numpy_dtype(loop.in_dts[0]), 0)
        return [bool(x) if loop.in_dts[0] is torch.bool else x], [code]     # object to bool
    if code == promotion.WEAK_INT and x >= 2**63:
        dt = torch.uint64
    else:
        dt = promotion.default_dtype_of_weak(code)
    return [_weak_tensor(promotion.weak_value(x, dt), dt, device)], [dt]


def _finish(uf, results, outs, where_t, casting, loop):
    """Apply ``where=`` and ``out=``; return the result array(s)."""
    arrays = []
    for i, t in enumerate(results):
        o = outs[i]
        if o is None:
            if where_t is not None:
                t = torch.where(where_t, t, torch.zeros((), dtype=t.dtype, device=t.device))
            arrays.append(convert.wrap(t))
            continue
        dst = o._t
        if not promotion.can_cast_dtype(t.dtype, dst.dtype, casting):
            raise promotion.UFuncOutputCastingError(uf, casting, _dtypes.to_numpy_dtype(t.dtype),
                                           _dtypes.to_numpy_dtype(dst.dtype), i)
        if t.dtype is not dst.dtype:
            t = _cast(t, dst.dtype)
        if uf.signature and t.shape != dst.shape:
            _check_gufunc_out(uf, i, tuple(t.shape), tuple(dst.shape))
        if where_t is not None:
            t = torch.where(where_t, t, dst)
        if t.is_complex() and not dst.is_complex():
            t = t.real
        dst.copy_(t)
        arrays.append(o)
    return arrays[0] if len(arrays) == 1 else tuple(arrays)


def _check_gufunc_out(uf, i, shape, out_shape):
    """NumPy's ValueError when gufunc output ``i`` of shape ``out_shape`` cannot hold a result of
    ``shape``: its core dimensions must match exactly, its loop dimensions broadcast."""
    ncore = min(_core_dims(uf.signature)[uf.nin + i], len(shape))
    if ncore:
        have, want = out_shape[-ncore:], shape[-ncore:]
        for j in range(-min(len(have), ncore), 0):
            if have[j] != want[j]:
                raise ValueError(f"{uf.__name__}: Output operand {i} has a mismatch in its core "
                                 f"dimension {len(have) + j}, with gufunc signature "
                                 f"{uf.signature} (size {have[j]} is different from {want[j]})")
    n = len(shape)
    loop = out_shape[len(out_shape) - n:]           # (n == 0: no dimensions to compare)
    if n > len(out_shape) or any(s != 1 and s != o for s, o in zip(shape, loop)):
        raise ValueError(f"non-broadcastable output operand with shape {out_shape} doesn't match "
                         f"the broadcast shape {shape}")


def _cast(t, dt):
    # torch: complex -> real casts warn; NumPy's ComplexWarning is raised by the caller's rules.
    if t.is_complex() and not dt.is_complex:
        t = t.real
    return t.to(dt)


# ----- arguments ------------------------------------------------------------------------------------

def _parse_out(uf, positional, out):
    """The outputs as a tuple of length ``nout`` (ndarray or None each)."""
    nout = uf.nout
    if positional:
        if out is not None:
            raise TypeError("cannot specify 'out' as both a positional and keyword argument")
        outs = tuple(positional) + (None,) * (nout - len(positional))
    elif out is None:
        return (None,) * nout
    elif type(out) is tuple:
        if len(out) != nout:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        outs = out
    elif nout == 1:
        outs = (out,)
    else:
        raise TypeError("'out' must be a tuple of arrays")
    for o in outs:
        convert.check_out(o)
    return outs


def _convert_inputs(inputs, outs):
    """(tensors or Python scalars, key of torch dtypes / weak codes, device)."""
    values, key = [], []
    host = []           # positions of host data (lists, NumPy arrays and scalars)
    for x in inputs:
        tx = type(x)
        code = _WEAK.get(tx)
        if code is not None:
            values.append(x)
            key.append(code)
            continue
        if tx is ndarray or isinstance(x, ndarray):
            t = x._t
        else:
            t = convert.as_host_tensor(x)
            if not isinstance(x, torch.Tensor):
                host.append(len(values))
        values.append(t)
        key.append(t.dtype)
    device = convert.on_one_device(values, host, [o._t for o in outs if o is not None])
    return values, key, device or _default_device()


def _default_device():
    d = config.current_device()
    return torch.device("cpu") if d is None else torch.device(d)


def _where_tensor(where, device):
    w = convert.on_device(where, device)
    return w if w.dtype is torch.bool else w != 0


def _broadcast(tensors, outs, where_t):
    """The shape of the result; NumPy's ValueError when operands do not broadcast."""
    in_shapes = [tuple(t.shape) if isinstance(t, torch.Tensor) else () for t in tensors]
    out_shapes = [tuple(o._t.shape) for o in outs if o is not None]
    extra = [] if where_t is None else [tuple(where_t.shape)]
    try:
        shape = convert.broadcast_shapes(in_shapes + extra)
        full = convert.broadcast_shapes([shape] + out_shapes)
    except ValueError:
        raise convert.broadcast_error(in_shapes + out_shapes + extra) from None
    for s in out_shapes:
        if tuple(full) != s:
            raise ValueError(f"non-broadcastable output operand with shape {convert.shape_text(s)} "
                             f"doesn't match the broadcast shape {convert.shape_text(tuple(full))}")
    return tuple(shape)


# ----- loop selection -------------------------------------------------------------------------------

def _fixed_signature(uf, dtype, signature):
    """``dtype=`` / ``signature=`` as a tuple of torch dtypes (None where free), or None."""
    nin, nargs = uf.nin, uf.nargs
    if signature is not None:
        if dtype is not None:
            raise TypeError("cannot specify both 'signature' and 'dtype'")
        if isinstance(signature, str):
            text = signature.replace(" ", "")
            if "->" in text:
                ins, _, outs = text.partition("->")
                text = ins.replace(",", "") + outs.replace(",", "")
            if len(text) == 1:
                text = text * nargs
            if len(text) != nargs:
                raise ValueError(f"a type-string for {uf.__name__}, {nargs} typecode(s) before and "
                                 f"{uf.nout} after the -> sign")
            spec = tuple(_dtypes.to_torch_dtype(c) for c in text)
        elif isinstance(signature, (tuple, list)):
            if len(signature) == 1 and nargs > 1:
                signature = tuple(signature) * nargs
            if len(signature) != nargs:
                raise ValueError(f"The signature tuple length does not match the number of "
                                 f"operands (expected {nargs}).")
            spec = tuple(None if s is None else _dtypes.to_torch_dtype(s) for s in signature)
        else:
            spec = (_dtypes.to_torch_dtype(signature),) * nargs
    elif dtype is not None:
        spec = (None,) * nin + (_dtypes.to_torch_dtype(dtype),) * uf.nout
    else:
        return None
    return None if all(s is None for s in spec) else spec


def _castable(k, dt, casting):
    if type(k) is str:
        return promotion.weak_castable(k, dt, casting)
    return promotion.can_cast_dtype(k, dt, casting)


def _input_castable(uf, k, dt, casting):
    """Whether input dtype or weak code ``k`` casts to the loop's ``dt`` under ``casting``: NumPy's
    logical ufuncs take every input into their bool loop, whatever the rule."""
    return (dt is torch.bool and uf.__name__ in _LOGICAL) or _castable(k, dt, casting)


def _check_input_casting(uf, key, loop, casting):
    for i, (k, dt) in enumerate(zip(key, loop.in_dts)):
        if type(k) is not str and k is not dt and not _input_castable(uf, k, dt, casting):
            raise promotion.UFuncInputCastingError(uf, casting, _dtypes.to_numpy_dtype(k),
                                          _dtypes.to_numpy_dtype(dt), i)


def _strong_loops(uf):
    """The distinct loops of ``uf`` in NumPy's ``types`` order, exact for their own inputs."""
    loops = uf.__dict__.get("_exact_loops")
    if loops is None:
        loops = []
        seen = set()
        for key, loop in uf._loops.items():
            dts = loop.in_dts + loop.out_dts
            if all(type(k) is torch.dtype for k in key) and key == loop.in_dts \
                    and dts not in seen:
                seen.add(dts)
                loops.append(loop)
        uf._exact_loops = loops
    return loops


def _loop_for_signature(uf, key, spec, casting, inputs=()):
    """The loop for fixed dtypes ``spec``, as NumPy's type-tuple resolver finds it.

    First the loop the inputs select without ``spec``, if it matches (less(-5, 1, dtype=bool,
    casting='unsafe') compares ints; logical_and of a Python int is the bool loop's). Then the
    first loop that matches ``spec`` and takes the inputs by safe casts, whatever the casting rule:
    greater(float32, int64, dtype=bool) compares in float64, not float16, the first loop
    'same_kind' reaches, and absolute(complex64, dtype=float64, casting='unsafe') takes the
    modulus. Then, when only the outputs are given, the loop that uses their dtype for every
    operand, with the casting rule as given (sqrt(int64, dtype=float32)). ``inputs``: the input
    values, for the Python ints NumPy converts before it checks that loop's casts."""
    nin = uf.nin
    natural = uf._loops.get(tuple(key))
    if natural is None and all(type(k) is str for k in key):
        natural = uf._loops.get(tuple(promotion.default_dtype_of_weak(k) for k in key))
    if natural is not None and \
            all(s is None or s is d for s, d in zip(spec, natural.in_dts + natural.out_dts)) and \
            all(type(k) is str or _input_castable(uf, k, d, casting)
                for k, d in zip(key, natural.in_dts)):
        return natural
    loops = _strong_loops(uf)
    input_casting = casting if casting in ("no", "equiv", "safe") else "safe"
    for lp in loops:
        dts = lp.in_dts + lp.out_dts
        if all(s is None or s is d for s, d in zip(spec, dts)) and \
                all(_castable(k, d, input_casting) for k, d in zip(key, lp.in_dts)):
            return lp
    fixed_outs = [s for s in spec[nin:] if s is not None]
    if all(s is None for s in spec[:nin]) and fixed_outs and \
            all(s is fixed_outs[0] for s in fixed_outs):
        homogeneous = next((lp for lp in loops if all(d is fixed_outs[0]
                                                      for d in lp.in_dts + lp.out_dts)), None)
        if homogeneous is not None:
            _check_python_ints(uf, inputs, key, homogeneous, casting)
            _check_casts(uf, key, homogeneous, casting)
            return homogeneous
    raise TypeError(f"No loop matching the specified signature and casting was found for ufunc "
                    f"{uf.__name__}")


def _check_python_ints(uf, inputs, key, loop, casting):
    """NumPy's OverflowError for a Python int the loop cannot take, before any casting error: it
    converts the int to the loop's dtype, or to int64 where the loop's dtype does not take it
    (add(ones(2), 300, dtype='int8') and add(5, 2**64, dtype=bool) overflow)."""
    for x, k, dt in zip(inputs, key, loop.in_dts):
        if type(x) is int:
            target = dt if promotion.weak_castable(k, dt, casting) else torch.int64
            if target in _dtypes.INT_RANGE:
                _weak_value(x, target, uf.__name__, key)


def _check_casts(uf, key, loop, casting):
    for i, (k, dt) in enumerate(zip(key, loop.in_dts)):
        if not _castable(k, dt, casting):
            src = promotion.WEAK_AS[k] if type(k) is str else k
            raise promotion.UFuncInputCastingError(uf, casting, _dtypes.to_numpy_dtype(src),
                                          _dtypes.to_numpy_dtype(dt), i)


# ----- Python scalars (NEP 50) ---------------------------------------------------------------------

def _weak_value(x, dt, name, key):
    """A Python scalar as a value of the loop dtype ``dt`` (``promotion.weak_value``); None for an
    out-of-range int compared with an integer array (NumPy 2 answers those comparisons)."""
    if type(x) is int and name in _CMP_OUT_OF_RANGE and dt in _dtypes.INT_RANGE:
        lo, hi = _dtypes.INT_RANGE[dt]
        if not lo <= x <= hi and all(k in _dtypes.INTEGER_DTYPES for k in key
                                     if type(k) is torch.dtype):
            return None
    return promotion.weak_value(x, dt)


def _weak_tensor(value, dt, device):
    """``value`` (from ``_weak_value``) as a 0-d tensor of the loop's compute dtype ``dt``."""
    if dt is torch.int64 and type(value) is int and value >= 2**63:     # uint64 bits in int64
        value -= 2**64
    if dt is torch.float32 or dt is torch.float16 or dt is torch.complex64:
        # torch: a scalar beyond the dtype's range raises; NumPy rounds it to inf.
        wide = torch.complex128 if dt.is_complex else torch.float64
        return torch.scalar_tensor(value, dtype=wide, device=device).to(dt)
    return torch.scalar_tensor(value, dtype=dt, device=device)


def _out_of_range_compare(name, i, inputs, shape, device):
    """The comparison ``name`` whose input ``i`` is an int outside the loop's integer range."""
    if all(type(x) is int for x in inputs):     # two Python ints: NumPy compares them exactly
        answer = _PY_COMPARE[name](*inputs)
    else:
        above, below = _CMP_OUT_OF_RANGE[_MIRROR[name] if i == 0 else name]
        answer = above if inputs[i] > 0 else below
    return torch.full(shape, answer, dtype=torch.bool, device=device)


def _torch_error(uf, e, shape, loop, ts):
    """A torch RuntimeError from a kernel as the exception NumPy raises (never a raw RuntimeError):
    for a result too big to allocate NumPy's MemoryError (or ValueError), else a TypeError.

    ``shape``: the broadcast shape, None for a gufunc (whose result shape comes from running the
    kernel on meta tensors, which allocates nothing)."""
    grad_err = convert.grad_write_error(e)             # out= requires grad
    if grad_err is not None:
        return grad_err
    if shape is None:
        shape = _meta_shape(loop.kernel, ts)
    elif _numel(shape) > 2**63 - 1:                 # NumPy's iterator counts items in an intp
        return ValueError("iterator is too large")
    err = None if shape is None else convert.allocation_error(shape, loop.out_dt, e)
    if err is None and convert.is_allocation_failure(e):    # a shape unknown: still no TypeError
        err = MemoryError(f"ufunc '{uf.__name__}' could not allocate memory: {e}")
    return err or TypeError(f"ufunc '{uf.__name__}' failed in torch: {e}")


def _numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _meta_shape(kernel, ts):
    """The shape of ``kernel``'s (first) result, computed without data; None if that fails."""
    try:
        res = kernel(*[t.to("meta") for t in ts])
    except Exception:           # a kernel that reads values, or has no meta implementation
        return None
    return tuple((res[0] if type(res) is tuple else res).shape)


# ----- resolve_dtypes and __array_ufunc__ ----------------------------------------------------------

def resolve_dtypes(uf, dtypes, signature=None, casting=None, reduction=False):
    """``ufunc.resolve_dtypes``: the NumPy dtypes of the loop for the given operand dtypes."""
    if reduction:
        raise NotImplementedError("resolve_dtypes(reduction=True) is not supported by torchnp")
    dtypes = tuple(dtypes)
    nin, nargs = uf.nin, uf.nargs
    if len(dtypes) != nargs:
        raise ValueError(f"dtypes tuple for {uf.__name__} must have {nargs} entries, got "
                         f"{len(dtypes)}")
    key = []
    for d in dtypes[:nin]:
        if d is int or d is float or d is complex:
            key.append(_WEAK[d])
        elif d is None:
            raise TypeError("Input DTypes to the signature must not be None.")
        else:
            key.append(_dtypes.to_torch_dtype(d))
    # Output dtypes do not choose the loop (NumPy casts into them); only ``signature`` does.
    casting = "same_kind" if casting is None else casting
    spec = _fixed_signature(uf, None, signature)
    if spec is None:
        loop = uf._loops.get(tuple(key))
        if loop is None and all(type(k) is str for k in key):
            key = [promotion.default_dtype_of_weak(k) for k in key]
            loop = uf._loops.get(tuple(key))
        if loop is None:
            raise promotion.ufunc_loop_error(uf.__name__, tuple(key), nin)
    else:
        loop = _loop_for_signature(uf, key, spec, casting)
    return tuple(_dtypes.to_numpy_dtype(dt) for dt in loop.in_dts + loop.out_dts)

