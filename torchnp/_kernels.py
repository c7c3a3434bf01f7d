"""Torch-only leaf adapters. Each states the torch limitation it works around.

A ufunc's loop computes in NumPy's loop dtypes where torch has kernels for them; where it does not,
``compute_dtype`` names a wider dtype to compute in, and the result is cast back to NumPy's
output dtype, so values stay exact.
"""
import array
import math

import torch

from torchnp._core import dtypes as _dtypes

# torch: most CPU kernels are missing for uint16/32/64 ("not implemented for 'UInt32'").
# uint16/uint32 compute exactly in int32/int64; uint64 computes in int64, whose two's-complement
# bits equal uint64's for +, -, *, bitwise ops and left shift (kernels that need the unsigned
# order, division or right shift handle uint64 themselves).
_WIDER = {torch.uint16: torch.int32, torch.uint32: torch.int64, torch.uint64: torch.int64}
FEW_KERNELS = frozenset(_WIDER)     # the dtypes most torch kernels are missing for

_SIGNED_TWIN = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def signed_bits(t):
    """``t`` viewed as the signed integer type of its width (uint16/32/64; others unchanged).

    torch: index_select, gather and friends have no uint16/32/64 kernels; selecting elements only
    moves bits, so the signed view gives the same bytes. ``unsigned_bits`` views the result back.
    """
    dt = _SIGNED_TWIN.get(t.dtype)
    return t if dt is None else t.view(dt)


def unsigned_bits(r, dt):
    """The result of an operation on ``signed_bits(t)`` viewed back as ``t``'s dtype ``dt``."""
    return r if r.dtype is dt else r.view(dt)


def same_storage(t1, t2):
    """Whether tensors ``t1`` and ``t2`` use one storage (True where torch cannot say: callers
    then copy, the cautious choice).

    torch: the tensors ``torch.func`` transforms (grad, vmap) pass in have no storage to read
    ("Cannot access storage of TensorWrapper").
    """
    try:
        return t1.untyped_storage().data_ptr() == t2.untyped_storage().data_ptr()
    except NotImplementedError:
        return True


def host_numpy(t):
    """``t.numpy()`` for a CPU tensor, also inside ``torch.func.grad`` (printing, ``__array__``).

    torch: the wrapper tensors of grad and jacrev have no storage ("Cannot access data pointer");
    the plain tensor each wraps holds the same values. vmap's batched tensors hold the values of
    every call at once and keep raising (``torchnp.vmap`` says why).
    """
    try:
        return t.numpy()                # host-sync: the caller's NumPy copy (printing, __array__)
    except RuntimeError:
        functorch = torch._C._functorch
        if not functorch.is_gradtrackingtensor(t):
            raise
        while functorch.is_gradtrackingtensor(t):
            t = functorch.get_unwrapped(t)
        with torch._C._DisableFuncTorch():      # else detach() wraps its result again
            return t.detach().numpy()   # host-sync: as above


def flip(t, dims):
    """``t.flip(dims)`` for every dtype (torch: no uint16/32/64 flip kernels; bits only move)."""
    return unsigned_bits(signed_bits(t).flip(dims), t.dtype)


def index_put_(t, indices, values):
    """``t.index_put_(indices, values)`` for every dtype (``values`` of ``t``'s dtype).

    torch: index_put_ has no uint16/32/64 kernels ("not implemented for 'UInt32'"); a write only
    moves bits, so the signed views of the same width take it.
    """
    if t.dtype in _SIGNED_TWIN:
        t = signed_bits(t)
        values = signed_bits(values)
    t.index_put_(indices, values)


def masked_fill_(t, mask, value):
    """``t.masked_fill_(mask, value)`` for every dtype: ``value`` a 0-d tensor of ``t``'s dtype or
    a Python scalar already converted for it.

    torch: masked_fill_ has no uint16/32/64 kernels; as ``index_put_``, the signed views take it.
    """
    if t.dtype in _SIGNED_TWIN:
        if not isinstance(value, torch.Tensor):
            value = torch.tensor(value, dtype=t.dtype, device=t.device)
        t = signed_bits(t)
        value = signed_bits(value)
    t.masked_fill_(mask, value)


# torch: comparisons, amax/amin, maximum/minimum, argmax/argmin and searchsorted have no
# uint16/32/64 kernels. Flipping the sign bit of the same-width signed view maps the unsigned order
# onto the signed one, exactly and in place of a wider copy.
_SIGN_BIT = {torch.uint16: -2**15, torch.uint32: -2**31, torch.uint64: -2**63}


def ordered_signed(t):
    """``t`` (uint16/32/64) as signed integers of its width in the same order; others unchanged."""
    flip = _SIGN_BIT.get(t.dtype)
    return t if flip is None else signed_bits(t) ^ flip


def ordered_unsigned(r, dt):
    """``ordered_signed`` undone: ``r`` (in the order of ``dt``) as the unsigned ``dt`` again."""
    flip = _SIGN_BIT.get(dt)
    return r if flip is None else (r ^ flip).view(dt)


def compute_dtype(dt):
    """The dtype torch computes ``dt`` in."""
    return _WIDER.get(dt, dt)


def widen(kernel, in_dts, out_dts):
    """(kernel, compute dtypes) for the loop ``in_dts -> out_dts``: the inputs in the dtypes torch
    has kernels for (``compute_dtype``), the outputs cast back to ``out_dts``."""
    compute_dts = tuple(compute_dtype(dt) for dt in in_dts)
    if compute_dts == in_dts:
        return kernel, compute_dts
    if len(out_dts) == 1:
        out_dt = out_dts[0]

        def widened(*ts):
            return kernel(*ts).to(out_dt)
    else:
        def widened(*ts):
            return tuple(r.to(dt) for r, dt in zip(kernel(*ts), out_dts))
    return widened, compute_dts


# ----- arithmetic, comparison, bitwise and logical ufuncs -------------------------------------------
# Kernels take tensors in the loop's compute dtypes (``compute_dtype``): uint16/uint32 arrive widened
# to int32/int64 and are cast back by the loop; uint64 arrives as int64 holding the same bits, so
# kernels that need the unsigned order (comparisons, division, right shift, maximum) have a uint64
# variant. The ufunc table picks a loop's kernel by its dtypes (``ufunc(..., loops=...)``); the
# ``*_loops`` values below are such tables for families of kernels.
_U64_FLIP = -2**63            # xor with this maps the unsigned order of uint64 bits to int64's
_I64_MAX = 2**63 - 1
_SIGNED = _dtypes.SIGNED_DTYPES
_UNSIGNED = _dtypes.UNSIGNED_DTYPES
_INTEGER = _dtypes.INTEGER_DTYPES


def _u64_key(t):
    return t ^ _U64_FLIP


def _zeros_like(t):
    return torch.zeros((), dtype=t.dtype, device=t.device)


# --- add, multiply: bool loops are logical or / and (torch's bool add and mul agree) ---

def add_complex(t1, t2):
    # torch: complex add computes t1 + alpha * t2 as a complex product, so 0 + (inf+0j) gives
    # inf+nanj; NumPy adds the parts.
    return torch.view_as_complex(torch.view_as_real(t1) + torch.view_as_real(t2))


def subtract_complex(t1, t2):
    # torch: as add_complex.
    return torch.view_as_complex(torch.view_as_real(t1) - torch.view_as_real(t2))


def negative_complex(t):
    # torch: the vectorised complex neg computes 0 - x (4 or more elements), so -(1.5+0j) gives
    # -1.5+0j; NumPy negates both parts (-1.5-0j).
    return torch.view_as_complex(torch.view_as_real(t.resolve_conj()).neg())


def sign_u64(t):
    # torch: sign of uint64 bits held in int64 is -1 for values >= 2**63.
    return (t != 0).to(t.dtype)


def power_u64(t1, t2):
    """uint64 power by squaring on int64 bits (exponents >= 2**63 look negative to torch)."""
    t1, t2 = torch.broadcast_tensors(t1, t2)
    res = torch.ones_like(t1)
    base = t1.clone()
    e = t2.clone()
    for _ in range(_exponent_bits(e)):
        res = torch.where((e & 1) == 1, res * base, res)
        base = base * base
        e = (e >> 1) & _I64_MAX
    return res


def _exponent_bits(e):
    """The squarings ``power_u64`` needs for exponents ``e`` (uint64 bits in int64): the bit
    length of the largest, read on the CPU (``a ** 2``: 2 instead of 64, ~30x faster); 64 on
    other devices and under torch.compile, where reading it would be a host sync or a break."""
    if e.device.type != "cpu" or not e.numel() or torch.compiler.is_compiling():
        return 64
    if bool((e < 0).any()):     # host-sync: CPU only; the loop's length (a top bit: 64)
        return 64
    return int(e.max()).bit_length()    # host-sync: CPU only; the loop's length


def power_complex(t1, t2):
    # torch: 0 ** 0 is nan+nanj for complex; NumPy gives 1, and 0 ** b is 0 where b.real > 0 and
    # nan+nanj otherwise.
    res = torch.pow(t1, t2)
    one = torch.ones((), dtype=res.dtype, device=res.device)
    zero_base = t1 == 0
    nan = torch.full((), complex(float("nan"), float("nan")), dtype=res.dtype, device=res.device)
    res = torch.where(zero_base, torch.where(t2.real > 0, 0 * one, nan), res)
    return torch.where(t2 == 0, one, res)


def remainder_float(t1, t2):
    # torch: a zero remainder is +0.0; NumPy gives it the divisor's sign.
    r = torch.remainder(t1, t2)
    return torch.where(r == 0, torch.copysign(r, t2), r)


def fmax_float(t1, t2):
    # torch: fmax(0.0, -0.0) is 0.0; NumPy returns the second operand on ties.
    return torch.where((t1 > t2) | torch.isnan(t2), t1, t2)


def fmin_float(t1, t2):
    return torch.where((t1 < t2) | torch.isnan(t2), t1, t2)


def fmax_half(t1, t2):
    # NumPy's float16 fmax returns the first operand on ties (float32/64 the second).
    return torch.where((t1 >= t2) | torch.isnan(t2), t1, t2)


def fmin_half(t1, t2):
    return torch.where((t1 <= t2) | torch.isnan(t2), t1, t2)


def positive(t):
    # torch: torch.positive returns its input; NumPy returns a new array.
    return t.clone()


def conjugate(t):
    # torch: torch.conj is a lazy view; NumPy's conjugate is a new array (a copy for reals).
    return torch.conj_physical(t) if t.is_complex() else t.clone()


# absolute of bool and unsigned arrays: the values themselves (torch lacks uint abs kernels).
absolute_loops = {_UNSIGNED | {torch.bool}: torch.clone}


# --- division ---

def _safe_divisor(t2, signed):
    bad = (t2 == 0) | (t2 == -1) if signed else t2 == 0
    return bad, torch.where(bad, torch.ones((), dtype=t2.dtype, device=t2.device), t2)


def floor_divide_int(t1, t2):
    # torch: integer division by zero raises, and min // -1 traps; NumPy gives 0 and wraps.
    bad, d = _safe_divisor(t2, True)
    q = torch.floor_divide(t1, d)
    q = torch.where(t2 == -1, torch.neg(t1), q)
    return torch.where(t2 == 0, _zeros_like(q), q)


def _zero_where_divisor_fails(op, signed):
    """``op(t1, t2)`` on integers, 0 where t2 is 0 (and, signed, where t2 is -1: x % -1 is 0)."""
    def kernel(t1, t2):
        # torch: integer division, remainder and fmod by zero raise, and min % -1 traps.
        bad, d = _safe_divisor(t2, signed)
        return torch.where(bad, _zeros_like(t1), op(t1, d))
    return kernel


floor_divide_uint = _zero_where_divisor_fails(torch.floor_divide, False)
remainder_int = _zero_where_divisor_fails(torch.remainder, True)
remainder_uint = _zero_where_divisor_fails(torch.remainder, False)
fmod_int = _zero_where_divisor_fails(torch.fmod, True)
fmod_uint = _zero_where_divisor_fails(torch.fmod, False)


def divmod_u64(x, y):
    """(x // y, x % y) for uint64 bits held in int64; 0 where y == 0, as NumPy."""
    zero = y == 0
    big = y < 0                                   # y >= 2**63: the quotient is 0 or 1
    ys = torch.where(zero | big, torch.ones((), dtype=y.dtype, device=y.device), y)
    q = torch.div((x >> 1) & _I64_MAX, ys, rounding_mode="floor") * 2
    r = x - q * ys                                # in [0, 2 * ys) as unsigned
    fix = _u64_key(r) >= _u64_key(ys)
    q = q + fix
    r = torch.where(fix, r - ys, r)
    ge = _u64_key(x) >= _u64_key(y)
    q = torch.where(big, ge.to(x.dtype), q)
    r = torch.where(big, torch.where(ge, x - y, x), r)
    z = _zeros_like(x)
    return torch.where(zero, z, q), torch.where(zero, z, r)


def floor_divide_u64(t1, t2):
    return divmod_u64(t1, t2)[0]


def remainder_u64(t1, t2):
    return divmod_u64(t1, t2)[1]


def divmod_int(t1, t2):
    return floor_divide_int(t1, t2), remainder_int(t1, t2)


def divmod_uint(t1, t2):
    return floor_divide_uint(t1, t2), remainder_uint(t1, t2)


def floor_divide_float(t1, t2):
    # torch: floor_divide has no derivative; div(rounding_mode="floor") computes the same values
    # with the derivative 0 (as floor's), so `x // y` works under autograd.
    return torch.div(t1, t2, rounding_mode="floor")


def divmod_float(t1, t2):
    return floor_divide_float(t1, t2), remainder_float(t1, t2)


def division_loops(signed, unsigned, u64, floating):
    """``loops=`` for the division ufuncs: kernels for signed integers, uint8/16/32 (widened),
    uint64 bits in int64, and floats (float16 computed in float32, as NumPy)."""
    return {_SIGNED: signed, _UNSIGNED: unsigned, torch.uint64: u64,
            _dtypes.FLOAT_DTYPES: floating, torch.float16: in_float32(floating)}


# --- power ---

def power_int(t1, t2):
    # torch: integer pow with a negative exponent raises RuntimeError; NumPy raises ValueError
    # (from its loop: an empty result raises nothing).
    if t1.numel() and t2.numel() and bool((t2 < 0).any()):   # host-sync: NumPy's check of values
        if 0 not in torch.broadcast_shapes(t1.shape, t2.shape):
            raise ValueError("Integers to negative integer powers are not allowed.")
    return torch.pow(t1, t2)


power_int.where_fill = (None, 1)      # under where=, unselected exponents become 1 (ufunc_call)


def power_scalar(t, s):
    """``t ** s`` for a Python scalar exponent (the scalar fast path)."""
    if s == 2:      # torch's pow(t, 2) computes t * t, and integer pow is ~3x slower than mul
        return torch.mul(t, t)
    if s < 0 and type(s) is int and not (t.is_floating_point() or t.is_complex()) and t.numel():
        raise ValueError("Integers to negative integer powers are not allowed.")
    return torch.pow(t, s)


def rpower_scalar(t, s):
    return torch.pow(s, t)


def power_scalars(dt, reverse):
    """``scalar=`` for power: ``t ** s`` for real loops, ``s ** t`` for float loops (an integer
    ``t`` needs the host-synced check for negative exponents, in the general path)."""
    if dt.is_complex:
        return None
    if reverse:
        return rpower_scalar if dt.is_floating_point else None
    return power_scalar


# --- sign, reciprocal, cbrt ---

def square_int(t):
    # torch.square of an integer tensor is pow(t, 2): 2.6x slower than t * t ((64, 100) int64,
    # 11.8 against 4.5 us), the same wrapping products
    return torch.mul(t, t)


def sign_float(t):
    # torch: sign(nan) is 0; NumPy's is nan.
    return torch.where(torch.isnan(t), t, torch.sign(t))


def sign_complex(t):
    # torch: sgn(inf + 0j) is nan; NumPy 2 gives z/|z| with infinities resolved to +-1, and
    # +0+0j for any zero. Each part is divided by |z| (a complex division by |z| + 0j would
    # lose the sign of a zero part: -0+1j must stay -0+1j).
    re, im = t.real, t.imag
    mag = torch.abs(t)
    one = torch.ones((), dtype=re.dtype, device=re.device)
    zero = torch.zeros((), dtype=re.dtype, device=re.device)
    is_zero = mag == 0
    safe = torch.where(is_zero, one, mag)
    res = torch.complex(torch.where(is_zero, zero, re / safe),
                        torch.where(is_zero, zero, im / safe))
    inf_re = torch.isinf(re)
    inf_im = torch.isinf(im)
    res = torch.where(inf_re & ~inf_im, torch.complex(torch.copysign(one, re), zero), res)
    res = torch.where(inf_im & ~inf_re, torch.complex(zero, torch.copysign(one, im)), res)
    nan = torch.full((), float("nan"), dtype=re.dtype, device=re.device)
    res = torch.where(torch.isnan(mag) | (inf_re & inf_im), torch.complex(nan, nan), res)
    return res


def reciprocal_int(t):
    # NumPy computes 1.0 / x and converts: 0 for |x| > 1, and for x == 0 the C conversion of inf
    # (the most negative value for int32 / int64, 0 for the narrower ones).
    res = torch.where(t == 1, t, torch.where(t == -1, t, _zeros_like(t)))
    if t.dtype in (torch.int32, torch.int64):
        return torch.where(t == 0, torch.full((), _dtypes.INT_RANGE[t.dtype][0], dtype=t.dtype,
                                              device=t.device), res)
    return res


def reciprocal_uint(t):
    return torch.where(t == 1, t, _zeros_like(t))


_SMALLEST_NORMAL64 = 2.0 ** -1022


def cbrt(t):
    # torch: no cbrt; |x| ** (1/3) refined by one Newton step, in float64, sign restored. A
    # subnormal |x| is scaled by 2**162 first (cbrt: 2**54, exact): its y**3 would be subnormal
    # too, and the Newton step would lose digits (5e-324: 1.4e-14 off).
    x = t.double()
    a = torch.abs(x)
    tiny = a < _SMALLEST_NORMAL64
    a = torch.where(tiny, a * 2.0 ** 162, a)
    y = torch.pow(a, 1.0 / 3.0)
    ok = torch.isfinite(y) & (y != 0)
    y = torch.where(ok, y - (y * y * y - a) / (3 * y * y), y)
    y = torch.where(tiny, y * 2.0 ** -54, y)
    return torch.copysign(y, x).to(t.dtype)


# --- comparisons ---

def _complex_order(op_strict, op_weak):
    """Comparison of complex numbers as NumPy orders them (real part first, then imaginary)."""
    def kern(t1, t2):
        r1, i1, r2, i2 = t1.real, t1.imag, t2.real, t2.imag
        no_nan = ~(torch.isnan(i1) | torch.isnan(i2))
        return (op_strict(r1, r2) & no_nan) | ((r1 == r2) & op_weak(i1, i2))
    return kern


less_complex = _complex_order(torch.lt, torch.lt)
less_equal_complex = _complex_order(torch.lt, torch.le)
greater_complex = _complex_order(torch.gt, torch.gt)
greater_equal_complex = _complex_order(torch.gt, torch.ge)


def _u64_compare(op):
    def kern(t1, t2):
        return op(_u64_key(t1), _u64_key(t2))
    return kern


def _mixed_compare(op, big_result, unsigned_first):
    """int64 against uint64 (NumPy's 'lL->?' and 'Ll->?' loops): uint64 values >= 2**63 are
    larger than every int64; the rest compare as int64."""
    def kern(t1, t2):
        big = (t1 if unsigned_first else t2) < 0
        return torch.where(big, torch.full((), big_result, dtype=torch.bool, device=t1.device),
                           op(t1, t2))
    return kern


def compare_loops(op, complex_order=None):
    """``loops=`` for comparison ``op``: int64 against uint64 (NumPy's exact 'lL->?' and 'Ll->?'
    loops); for the order comparisons (``complex_order`` given), uint64 in its unsigned order and
    complex numbers in NumPy's order."""
    # (result when the uint64 of an 'lL' loop is >= 2**63, for 'Ll')
    big = {torch.eq: (False, False), torch.ne: (True, True), torch.lt: (True, False),
           torch.le: (True, False), torch.gt: (False, True), torch.ge: (False, True)}[op]
    u64, i64 = torch.uint64, torch.int64
    loops = {(i64, u64): _mixed_compare(op, big[0], False),
             (u64, i64): _mixed_compare(op, big[1], True)}
    if complex_order is not None:
        loops[u64, u64] = _u64_compare(op)
        loops[_dtypes.COMPLEX_DTYPES] = complex_order
    return loops


# --- shifts ---

def _shift_kernels(bits):
    def left(t1, t2):
        # torch: shifts by >= the bit width or by negative amounts are undefined; NumPy gives 0.
        ok = (t2 >= 0) & (t2 < bits)
        res = torch.bitwise_left_shift(t1, torch.where(ok, t2, _zeros_like(t2)))
        return torch.where(ok, res, _zeros_like(res))

    def right(t1, t2):
        # torch: as left; NumPy gives -1 for negative values shifted out, 0 otherwise.
        ok = (t2 >= 0) & (t2 < bits)
        res = torch.bitwise_right_shift(t1, torch.where(ok, t2, _zeros_like(t2)))
        fill = torch.where(t1 < 0, torch.full((), -1, dtype=t1.dtype, device=t1.device),
                           _zeros_like(t1))
        return torch.where(ok, res, fill)
    return left, right


def right_shift_u64(t1, t2):
    # uint64 bits in int64: a logical shift, and 0 for shifts >= 64 (negative as int64 = huge).
    ok = (t2 >= 0) & (t2 < 64)
    s = torch.where(ok, t2, _zeros_like(t2))
    logical = torch.bitwise_right_shift(torch.bitwise_right_shift(t1, 1) & _I64_MAX,
                                        torch.clamp_min(s - 1, 0))
    res = torch.where(s == 0, t1, logical)
    return torch.where(ok, res, _zeros_like(res))


def right_shift_uint8(t1, t2):
    ok = t2 < 8
    res = torch.bitwise_right_shift(t1, torch.where(ok, t2, _zeros_like(t2)))
    return torch.where(ok, res, _zeros_like(res))


def left_shift_uint8(t1, t2):
    ok = t2 < 8
    res = torch.bitwise_left_shift(t1, torch.where(ok, t2, _zeros_like(t2)))
    return torch.where(ok, res, _zeros_like(res))


_L8, _R8 = _shift_kernels(8)
_L16, _R16 = _shift_kernels(16)
_L32, _R32 = _shift_kernels(32)
_L64, _R64 = _shift_kernels(64)
# by the loop's dtype: the width of the dtype torch computes in (uint16 in int32, uint32/uint64 in
# int64)
left_shift_loops = {torch.int8: _L8, torch.uint8: left_shift_uint8, torch.int16: _L16,
                    torch.uint16: _L32, torch.int32: _L32, torch.uint32: _L64, torch.int64: _L64,
                    torch.uint64: _L64}
right_shift_loops = {torch.int8: _R8, torch.uint8: right_shift_uint8, torch.int16: _R16,
                     torch.uint16: _R32, torch.int32: _R32, torch.uint32: _R64, torch.int64: _R64,
                     torch.uint64: right_shift_u64}


# --- maximum, minimum, fmax, fmin ---

def _complex_extreme(pick_first, nan_first):
    """NumPy's complex maximum/minimum (nan_first: propagate NaNs) and fmax/fmin (ignore NaNs)."""
    def kern(t1, t2):
        nan1 = torch.isnan(t1.real) | torch.isnan(t1.imag)
        nan2 = torch.isnan(t2.real) | torch.isnan(t2.imag)
        first = pick_first(t1, t2) | (nan1 if nan_first else nan2)
        return torch.where(first, t1, t2)
    return kern


maximum_complex = _complex_extreme(greater_equal_complex, True)
minimum_complex = _complex_extreme(less_equal_complex, True)
fmax_complex = _complex_extreme(greater_equal_complex, False)
fmin_complex = _complex_extreme(less_equal_complex, False)


def maximum_u64(t1, t2):
    return torch.where(_u64_key(t1) >= _u64_key(t2), t1, t2)


def minimum_u64(t1, t2):
    return torch.where(_u64_key(t1) <= _u64_key(t2), t1, t2)


# --- NumPy's order for sorting, searching and extremes -------------------------------------------
# NumPy's order is total: NaN after every number; complex numbers by real part, then imaginary
# part, with R+Rj < R+nanj < nan+Rj < nan+nanj. torch has no order of complex numbers, puts NaN
# elsewhere in searchsorted, and has no uint16/32/64 (or bool) argmax / searchsorted kernels.
_INT_OF_FLOAT = {torch.float16: torch.int16, torch.float32: torch.int32, torch.float64: torch.int64}


def sort_key(t):
    """A tensor torch orders (compare, argsort, argmax, searchsorted) as NumPy orders the real
    ``t``: bool as uint8, uint16/32/64 by ``ordered_signed``, floats with NaN last."""
    dt = t.dtype
    if dt is torch.bool:
        return t.to(torch.uint8)
    if dt.is_floating_point:
        # torch: searchsorted with NaNs disagrees with NumPy's NaN-last order; the IEEE bits,
        # sign-folded, order floats exactly, with -0.0 == 0.0 and every NaN last.
        idt = _INT_OF_FLOAT[dt]
        top = _dtypes.INT_RANGE[idt][1]
        bits = (t + 0.0).contiguous().view(idt)
        key = torch.where(bits < 0, bits ^ top, bits)
        return torch.where(torch.isnan(t), top, key)
    return ordered_signed(t)


def complex_sort_keys(t):
    """Keys whose lexicographic order is NumPy's complex order: (NaN class, real, imag)."""
    re, im = t.real, t.imag
    re_nan, im_nan = torch.isnan(re), torch.isnan(im)
    cls = re_nan.to(torch.int8) * 2 + im_nan.to(torch.int8)
    return [cls, torch.where(re_nan, 0, re), torch.where(im_nan, 0, im)]


def complex_arg_extreme(t, dim, largest):
    """argmax (``largest``) or argmin of complex ``t`` along ``dim`` in NumPy's order; a NaN
    anywhere in an element makes it the result, the first such one (as NumPy's maximum)."""
    re, im = t.real, t.imag
    nan = torch.isnan(re) | torch.isnan(im)
    pick = torch.amax if largest else torch.amin
    best_re = pick(torch.where(nan, 0, re), dim=dim, keepdim=True)
    cand = (re == best_re) & ~nan
    best_im = pick(torch.where(cand, im, -torch.inf if largest else torch.inf), dim=dim,
                   keepdim=True)
    first_hit = torch.argmax((cand & (im == best_im)).to(torch.uint8), dim=dim)
    first_nan = torch.argmax(nan.to(torch.uint8), dim=dim)
    return torch.where(nan.any(dim=dim), first_nan, first_hit)


def complex_extreme(t, dim, keepdim, largest):
    """amax (``largest``) or amin of complex ``t`` along ``dim``: NumPy's maximum/minimum.reduce."""
    idx = complex_arg_extreme(t, dim, largest).unsqueeze(dim)
    res = torch.take_along_dim(t, idx, dim)
    return res if keepdim else res.squeeze(dim)


def take_rows(t, idx):
    """``t[idx]`` for a 1-d integer tensor ``idx`` on the CPU and ``t`` at least 1-d."""
    # torch: advanced indexing is 2-4x slower than index_select on the CPU (1e7 float64 at one
    # thread, and 3x3 alike); index_select refuses negative and int8/int16 indices (those take
    # t[idx], which raises for what NumPy refuses).
    try:
        return torch.index_select(t, 0, idx)
    except (IndexError, RuntimeError):
        return t[idx]


# --- the scalar fast path: kernels taking (tensor, Python scalar) -----------------------------------

def scalar_kernels(forward, reverse=None, dtypes=None):
    """A ``scalar=`` function for ``ufunc``: ``forward(t, s)`` for ``op(t, s)``, ``reverse(t, s)``
    for ``op(s, t)``, for loops in the dtypes ``dtypes`` (all when None)."""
    def pick(dt, rev):
        if dtypes is not None and dt not in dtypes:
            return None
        return reverse if rev else forward
    return pick


def maximum_scalar(t, s):
    # clamp with a Python scalar: ~2x faster than torch.maximum with a 0-d tensor (3x3), and the
    # same values: NaN on either side propagates, as NumPy's maximum
    return torch.clamp(t, min=s)


def minimum_scalar(t, s):
    return torch.clamp(t, max=s)


def floor_divide_scalar(t, s):
    if s == 0 or s == -1:      # NumPy's 0 and wrap-around; torch raises or traps
        return floor_divide_int(t, torch.full((), s, dtype=t.dtype, device=t.device))
    return torch.floor_divide(t, s)


def remainder_scalar(t, s):
    if s == 0 or s == -1:
        return remainder_int(t, torch.full((), s, dtype=t.dtype, device=t.device))
    return torch.remainder(t, s)


def isnat(t):
    raise TypeError("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.")


# ----- math functions (trigonometric, exponential, rounding, floating point) ----------------------
_INF = float("inf")
_LN2 = 0.693147180559945309417232121458176568
_LOG2E = 1.442695040888963407359924681001892137
_MIN64 = -2**63
_MAX64 = 2**63 - 1


def in_float32(kernel):
    """``kernel`` computed in float32 and rounded to float16, as NumPy's float16 loops do."""
    def float16_kernel(*ts):
        res = kernel(*(t.float() for t in ts))
        if type(res) is tuple:
            return tuple(r.half() for r in res)
        return res.half()
    return float16_kernel


def arccos_complex(t):
    # torch: complex acos gives +0j for reals in [-1, 1]; C99 cacos (NumPy) gives the imaginary
    # part the opposite sign of the argument's (arccos(0.5+0j) = 1.047-0j).
    r = torch.acos(t)
    im = r.imag
    return torch.complex(r.real, torch.where(im == 0, torch.copysign(im, -t.imag), im))


def log1p_complex(t):
    # torch: complex log1p differs at infinities and -0; NumPy computes log|1+z| + i arg(1+z).
    re = t.real + 1
    im = t.imag
    return torch.complex(torch.log(torch.hypot(re, im)), torch.atan2(im, re))


def rint_complex(t):
    # torch: round has no complex kernel; NumPy rounds both parts, half to even.
    return torch.complex(torch.round(t.real), torch.round(t.imag))


# floor, ceil, trunc: NumPy 2 returns bool and integer input unchanged (a copy).
# torch: floor/ceil/trunc have no bool kernel (and none for uint16/32/64).
rounding_loops = {_INTEGER | {torch.bool}: torch.clone}


def logaddexp(t1, t2):
    # torch: logaddexp loses accuracy when the result is near 0 (float32: 20 ulp); NumPy's formula.
    r = torch.maximum(t1, t2) + torch.log1p(torch.exp(-torch.abs(t1 - t2)))
    return torch.where(t1 == t2, t1 + _LN2, r)         # equal infinities: inf - inf would be nan


def logaddexp2(t1, t2):
    # torch: logaddexp2 loses accuracy when the result is near 0, and gives -0.0 for (-1, -1).
    r = torch.maximum(t1, t2) + torch.log1p(torch.exp2(-torch.abs(t1 - t2))) * _LOG2E
    return torch.where(t1 == t2, t1 + 1, r)


def nextafter_float16(t1, t2):
    # torch: nextafter(x, y) returns y where x == y; NumPy's float16 loop returns x
    # (nextafter(0, -0.0) is 0.0 in float16, -0.0 in float32 and float64).
    return torch.where(t1 == t2, t1, torch.nextafter(t1, t2))


def spacing(t):
    # torch: no spacing. NumPy: nextafter(x, inf * sign(x)) - x, with +0 and -0 going up; nan for
    # infinities (inf - inf).
    inf = torch.full((), _INF, dtype=t.dtype, device=t.device)
    return torch.nextafter(t, torch.where(t < 0, -inf, inf)) - t


def spacing_float16(t):
    # torch: no spacing. NumPy's float16 spacing is positive: the gap above |x|, but below |x| for
    # negative powers of two; nan for infinities, inf for the largest float16.
    a = torch.abs(t)
    zero = torch.zeros((), dtype=t.dtype, device=t.device)
    inf = torch.full((), _INF, dtype=t.dtype, device=t.device)
    up = torch.nextafter(a, inf) - a
    down = a - torch.nextafter(a, zero)
    r = torch.where(t < 0, down, up)
    return torch.where(torch.isinf(t), torch.nan, r)


def heaviside(t1, t2):
    # torch: heaviside(nan, h0) is 0, NumPy's is nan; and torch.heaviside has no derivative,
    # so the step is written with where (derivative 0 in t1, 1 in t2 where t1 is 0).
    step = torch.where(t1 == 0, t2, (t1 > 0).to(t1.dtype))
    return torch.where(torch.isnan(t1), t1, step)


def frexp(t):
    m, e = torch.frexp(t)
    return m, e


def modf(t):
    # torch: no modf. The fractional part keeps the sign of x, and is +-0 for infinities.
    i = torch.trunc(t)
    f = torch.where(torch.isinf(t), 0.0, t - i)
    return torch.copysign(f, t), i


def _pow2_float64(e):
    """2.0**e, exactly, for int64 e in [-1022, 1023]."""
    return ((e + 1023) << 52).view(torch.float64)


def _pow2_float32(e):
    """2.0**e, exactly, for int32 e in [-126, 127]."""
    return ((e + 127) << 23).view(torch.float32)


def ldexp(t, e):
    # torch: ldexp multiplies by 2.0**e, which overflows or underflows (and rounds twice) for
    # large |e|. Here x = m * 2**ex; m * 2**(ex + e) is built from exact powers of two, so the one
    # rounding is the last multiply, into the subnormals or to inf.
    m, ex = torch.frexp(t)
    p = torch.clamp(ex.to(torch.int64) + torch.clamp(e, -2200, 2200), -1100, 1100)
    b = torch.where(p < -1021, -1000, torch.where(p > 1000, 100, 0))
    return m * _pow2_float64(p - b) * _pow2_float64(b)


def ldexp_float32(t, e):
    # torch: see ldexp. In float64 every float32 times 2**e for |e| <= 400 is exact; one rounding.
    p = torch.clamp(e.to(torch.int64), -400, 400)
    return (t.double() * _pow2_float64(p)).float()


def ldexp_float16(t, e):
    # torch: see ldexp. In float32 every float16 times 2**e for |e| <= 100 is exact; one rounding.
    p = torch.clamp(e, -100, 100).to(torch.int32)
    return (t.float() * _pow2_float32(p)).half()


ldexp_loops = {torch.float16: ldexp_float16, torch.float32: ldexp_float32}


# gcd and lcm: NumPy computes them on the magnitudes in unsigned arithmetic (gcd(int8 -128, 0) is
# 128, which wraps to -128; lcm wraps as |a| // gcd * |b| does). The kernels take int64 tensors
# holding unsigned 64-bit magnitudes. torch: gcd overflows on |int64 min|, lcm takes abs after
# wrapping, and there are no uint64 kernels.

def gcd(t1, t2):
    lt = _u64_key(t1) < _u64_key(t2)
    x = torch.where(lt, t2, t1)               # x >= y
    y = torch.where(lt, t1, t2)
    r = divmod_u64(x, y)[1]                  # r < y and r < 2**63 (0 where y == 0)
    r2 = divmod_u64(y, r)[1]
    g = torch.where(r == 0, y, torch.gcd(r, r2))
    return torch.where(y == 0, x, g)


def lcm(t1, t2):
    g = gcd(t1, t2)
    return torch.where(g == 0, 0, divmod_u64(t1, g)[0] * t2)


def gcd_loops(kernel):
    """``loops=`` for gcd / lcm: magnitudes as unsigned 64-bit values in int64, the result cast
    back."""
    def k_uint64(t1, t2):
        return unsigned_bits(kernel(signed_bits(t1), signed_bits(t2)), torch.uint64)

    def k_int64(t1, t2):
        return kernel(torch.abs(t1), torch.abs(t2))

    def k_small(t1, t2):
        wide1, wide2 = t1.to(torch.int64), t2.to(torch.int64)
        return kernel(torch.abs(wide1), torch.abs(wide2)).to(t1.dtype)
    return {_INTEGER: k_small, torch.int64: k_int64, torch.uint64: k_uint64}


def _popcount(t, bits):
    """Set bits per element of an int32 / int64 tensor (SWAR), as uint8."""
    m1, m2, m4, h = (0x5555555555555555, 0x3333333333333333, 0x0F0F0F0F0F0F0F0F,
                     0x0101010101010101) if bits == 64 else (0x55555555, 0x33333333, 0x0F0F0F0F,
                                                             0x01010101)
    t = t - ((t >> 1) & m1)
    t = (t & m2) + ((t >> 2) & m2)
    t = (t + (t >> 4)) & m4
    return ((t * h) >> (bits - 8)).to(torch.uint8)


def _bitwise_count_kernel(to_count, bits):
    def kernel(t):
        return _popcount(to_count(t), bits)
    return kernel


# torch: no popcount. NumPy counts the bits of |x| (of int8 -128: 1).
bitwise_count_loops = {
    _SIGNED: _bitwise_count_kernel(lambda t: torch.abs(t.to(torch.int32)), 32),
    _UNSIGNED: _bitwise_count_kernel(lambda t: t.to(torch.int32), 32),
    torch.int32: _bitwise_count_kernel(torch.abs, 32),
    torch.uint32: _bitwise_count_kernel(lambda t: signed_bits(t), 32),
    torch.int64: _bitwise_count_kernel(torch.abs, 64),
    torch.uint64: _bitwise_count_kernel(signed_bits, 64)}


# ----- matrix products --------------------------------------------------------------------------
# torch: no bool matmul on any device, and no integer matmul kernels on CUDA ("addmm_cuda" not
# implemented for 'Long'; the CPU has them). Integer products off the CPU are summed in chunks of
# the contracted dimension, so the partial products held at once stay bounded.
_PRODUCT_CHUNK = 1 << 22            # elements of the partial products int_matmul holds at once


def int_matmul(a, b):
    """``a @ b`` for integer tensors of one dtype, both at least 2-D ((..., m, k) @ (..., k, n)),
    without torch's matmul: products summed over chunks of k, wrapping as NumPy's integers do."""
    m, k, n = a.shape[-2], a.shape[-1], b.shape[-1]
    batch = torch.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    step = max(1, _PRODUCT_CHUNK // max(1, math.prod(batch) * m * n))
    res = torch.zeros(tuple(batch) + (m, n), dtype=a.dtype, device=a.device)
    for k0 in range(0, k, step):
        part = a[..., k0:k0 + step].unsqueeze(-1) * b[..., k0:k0 + step, :].unsqueeze(-3)
        res += part.sum(-2, dtype=a.dtype)
    return res


def _torch_multiplies(t):
    """Whether torch has matrix-product kernels for ``t``'s dtype on its device."""
    return t.is_cpu or t.is_floating_point() or t.is_complex()


def matmul(t1, t2):
    """``torch.matmul(t1, t2)`` for operands of one dtype: bool (a logical OR of ANDs, as NumPy)
    and integers on every device too."""
    if t1.dtype is torch.bool:
        # torch: no bool matmul; a float matmul of 0/1 is nonzero exactly where NumPy's is True
        return torch.matmul(t1.to(torch.float32), t2.to(torch.float32)) != 0
    if _torch_multiplies(t1):
        return torch.matmul(t1, t2)
    # torch: no integer matmul on CUDA
    a = t1.unsqueeze(0) if t1.ndim == 1 else t1
    b = t2.unsqueeze(-1) if t2.ndim == 1 else t2
    r = int_matmul(a, b)
    if t2.ndim == 1:
        r = r.squeeze(-1)
    return r.squeeze(-2) if t1.ndim == 1 else r


def tensordot(t1, t2, dims):
    """``torch.tensordot(t1, t2, dims)`` (``dims``: two lists of axes) for operands of one dtype,
    integers on every device too (tensordot's own reshaping into one matrix product)."""
    if _torch_multiplies(t1):
        return torch.tensordot(t1, t2, dims=dims)
    # torch: no integer matmul on CUDA (tensordot runs one)
    da, db = dims
    free_a = [d for d in range(t1.ndim) if d not in da]
    free_b = [d for d in range(t2.ndim) if d not in db]
    shape_a = [t1.shape[d] for d in free_a]
    shape_b = [t2.shape[d] for d in free_b]
    k = math.prod(t1.shape[d] for d in da)
    x = t1.permute(free_a + list(da)).reshape(math.prod(shape_a), k)
    y = t2.permute(list(db) + free_b).reshape(k, math.prod(shape_b))
    return int_matmul(x, y).reshape(shape_a + shape_b)


# torch: torch.tensor(list) costs ~2.7 us on a two-element list (it infers the dtype element by
# element, and torch's own t[[0, 2]] goes that way); a view of an array.array costs ~0.9 us.
def int64_of_ints(ints):
    """A CPU int64 tensor of a non-empty list of Python ints; OverflowError beyond int64."""
    return torch.frombuffer(array.array("q", ints), dtype=torch.int64)
