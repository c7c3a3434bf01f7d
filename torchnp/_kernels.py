"""Torch-only leaf adapters. Each states the torch limitation it works around.

A ufunc's loop computes in NumPy's loop dtypes where torch has kernels for them; where it does not,
``compute_dtype`` names a wider dtype to compute in, and the result is cast back to NumPy's
output dtype, so values stay exact.
"""
import torch

from torchnp._core import dtypes as _dt

# torch: most CPU kernels are missing for uint16/32/64 ("not implemented for 'UInt32'").
# uint16/uint32 compute exactly in int32/int64; uint64 computes in int64, whose two's-complement
# bits equal uint64's for +, -, *, bitwise ops and left shift (kernels that need the unsigned
# order, division or right shift handle uint64 themselves).
_WIDER = {torch.uint16: torch.int32, torch.uint32: torch.int64, torch.uint64: torch.int64}


def compute_dtype(dt):
    """The dtype torch computes ``dt`` in."""
    return _WIDER.get(dt, dt)


def select_default(kernel, codes, nin):
    """(kernel, compute dtypes) for a loop: widen what torch lacks, cast outputs back."""
    in_dts = tuple(_dt.TORCH_OF_CHAR[c] for c in codes[:nin])
    out_dts = tuple(_dt.TORCH_OF_CHAR[c] for c in codes[nin:])
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


# ----- math functions (trigonometric, exponential, rounding, floating point) -----------------------
_INF = float("inf")
_LN2 = 0.693147180559945309417232121458176568
_LOG2E = 1.442695040888963407359924681001892137
_MIN64 = -2**63
_MAX64 = 2**63 - 1
_SIGNED_CODES = "bhil"
_INT_CODES = "bBhHiIlL"


def by_code(kernels):
    """A ``select`` that takes the kernel for a loop from ``kernels`` (keyed by the loop's first
    dtype code) where given, the ufunc's own kernel otherwise; widening as ``select_default``."""
    def select(kernel, codes, nin):
        return select_default(kernels.get(codes[0], kernel), codes, nin)
    return select


def in_float32(kernel):
    """``kernel`` computed in float32 and rounded to float16, as NumPy's float16 loops do."""
    def float16_kernel(*ts):
        return kernel(*(t.float() for t in ts)).half()
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


def select_rounding(kernel, codes, nin):
    """floor, ceil, trunc: NumPy 2 returns bool and integer input unchanged (a copy)."""
    dt = _dt.TORCH_OF_CHAR[codes[0]]
    if codes[0] in "efd":
        return kernel, (dt,)
    # torch: floor/ceil/trunc have no bool kernel (and none for uint16/32/64).
    return torch.clone, (dt,)


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
    # torch: heaviside(nan, h0) is 0; NumPy's is nan.
    return torch.where(torch.isnan(t1), t1, torch.heaviside(t1, t2))


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


def select_ldexp(kernel, codes, nin):
    dt = _dt.TORCH_OF_CHAR[codes[0]]
    k = {"e": ldexp_float16, "f": ldexp_float32}.get(codes[0], kernel)
    return k, (dt, _dt.TORCH_OF_CHAR[codes[1]])


# gcd and lcm: NumPy computes them on the magnitudes in unsigned arithmetic (gcd(int8 -128, 0) is
# 128, which wraps to -128; lcm wraps as |a| // gcd * |b| does). The kernels take int64 tensors
# holding unsigned 64-bit magnitudes. torch: gcd overflows on |int64 min|, lcm takes abs after
# wrapping, and there are no uint64 kernels.

def _uge(a, b):
    """a >= b for unsigned 64-bit values held in int64."""
    return (a ^ _MIN64) >= (b ^ _MIN64)


def _umod(x, y):
    """x mod y for unsigned 64-bit values held in int64, y != 0."""
    h = torch.remainder((x >> 1) & _MAX64, y)
    t = h + h + (x & 1)                       # 2 * (x // 2 mod y) + x % 2 < 2 * y
    t = torch.where(_uge(t, y), t - y, t)
    return torch.where(y < 0, torch.where(_uge(x, y), x - y, x), t)    # y >= 2**63: one step


def _udiv(x, y):
    """x // y for unsigned 64-bit values held in int64, y != 0."""
    q = torch.div((x >> 1) & _MAX64, y, rounding_mode="floor")
    rem = x - q * y * 2                       # in [0, 2 * y)
    q = q + q + _uge(rem, y)
    return torch.where(y < 0, _uge(x, y).to(torch.int64), q)


def gcd(t1, t2):
    lt = ~_uge(t1, t2)
    x = torch.where(lt, t2, t1)               # x >= y
    y = torch.where(lt, t1, t2)
    r = _umod(x, torch.where(y == 0, 1, y))   # r < y and r < 2**63
    r2 = _umod(y, torch.where(r == 0, 1, r))
    g = torch.where(r == 0, y, torch.gcd(r, r2))
    return torch.where(y == 0, x, g)


def lcm(t1, t2):
    g = gcd(t1, t2)
    return torch.where(g == 0, 0, _udiv(t1, torch.where(g == 0, 1, g)) * t2)


def select_gcd(kernel, codes, nin):
    """gcd / lcm loops: magnitudes as unsigned 64-bit values in int64, the result cast back."""
    c = codes[0]
    if c == "L":
        def k_uint64(t1, t2):
            return kernel(t1.view(torch.int64), t2.view(torch.int64)).view(torch.uint64)
        return k_uint64, (torch.uint64, torch.uint64)
    if c == "l":
        def k_int64(t1, t2):
            return kernel(torch.abs(t1), torch.abs(t2))
        return k_int64, (torch.int64, torch.int64)
    out_dt = _dt.TORCH_OF_CHAR[codes[2]]

    def k_small(t1, t2):
        return kernel(torch.abs(t1), torch.abs(t2)).to(out_dt)
    return k_small, (torch.int64, torch.int64)


def _popcount(t, bits):
    """Set bits per element of an int32 / int64 tensor (SWAR), as uint8."""
    m1, m2, m4, h = (0x5555555555555555, 0x3333333333333333, 0x0F0F0F0F0F0F0F0F,
                     0x0101010101010101) if bits == 64 else (0x55555555, 0x33333333, 0x0F0F0F0F,
                                                             0x01010101)
    t = t - ((t >> 1) & m1)
    t = (t & m2) + ((t >> 2) & m2)
    t = (t + (t >> 4)) & m4
    return ((t * h) >> (bits - 8)).to(torch.uint8)


def select_bitwise_count(kernel, codes, nin):
    # torch: no popcount. NumPy counts the bits of |x| (of int8 -128: 1).
    c = codes[0]
    dt = _dt.TORCH_OF_CHAR[c]
    if c == "l":
        return (lambda t: _popcount(torch.abs(t), 64)), (dt,)
    if c == "L":
        return (lambda t: _popcount(t.view(torch.int64), 64)), (dt,)
    if c == "i":
        return (lambda t: _popcount(torch.abs(t), 32)), (dt,)
    if c == "I":
        return (lambda t: _popcount(t.view(torch.int32), 32)), (dt,)
    if c in _SIGNED_CODES:
        return (lambda t: _popcount(torch.abs(t.to(torch.int32)), 32)), (dt,)
    return (lambda t: _popcount(t.to(torch.int32), 32)), (dt,)


# The gufuncs matmul, vecdot, matvec, vecmat: core dimensions checked here with NumPy's messages;
# batch dimensions broadcast by torch.matmul.
_SIGNATURES = {"matmul": "(n?,k),(k,m?)->(n?,m?)", "vecdot": "(n),(n)->()",
               "matvec": "(m,n),(n)->(m)", "vecmat": "(n),(n,m)->(m)"}


def _mm_bool(a, b):
    # torch: no bool matmul; a float matmul of 0/1 is nonzero exactly where the logical one is True.
    return torch.matmul(a.to(torch.float32), b.to(torch.float32)) != 0


def _mm_int(a, b):
    if a.device.type == "cpu":
        return torch.matmul(a, b)
    # torch: no integer matmul on CUDA: multiply and sum (wrapping as NumPy does).
    a2 = a.unsqueeze(0) if a.ndim == 1 else a
    b2 = b.unsqueeze(-1) if b.ndim == 1 else b
    r = (a2.unsqueeze(-1) * b2.unsqueeze(-3)).sum(-2).to(a.dtype)
    if b.ndim == 1:
        r = r.squeeze(-1)
    return r.squeeze(-2) if a.ndim == 1 else r


def select_gufunc(kernel, codes, nin):
    """matmul, vecdot, matvec, vecmat: ``kernel(mm, t1, t2)`` with the loop's matrix product."""
    c = codes[0]
    mm = _mm_bool if c == "?" else _mm_int if c in _INT_CODES else torch.matmul

    def product(t1, t2):
        return kernel(mm, t1, t2)
    return select_default(product, codes, nin)


def _shape_text(shape):
    return "(" + ",".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _check_core(name, t1, t2, need1, need2, size1, size2):
    if t1.ndim < need1:
        raise ValueError(f"{name}: Input operand 0 does not have enough dimensions (has "
                         f"{t1.ndim}, gufunc core with signature {_SIGNATURES[name]} requires "
                         f"{need1})")
    if t2.ndim < need2:
        raise ValueError(f"{name}: Input operand 1 does not have enough dimensions (has "
                         f"{t2.ndim}, gufunc core with signature {_SIGNATURES[name]} requires "
                         f"{need2})")
    n1 = t1.shape[size1]
    n2 = t2.shape[size2 if t2.ndim > 1 else -1]
    if n1 != n2:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature {_SIGNATURES[name]} (size {n2} is different from {n1})")


def _batch_error(t1, t2, core1, core2, out_core):
    """NumPy's ValueError for batch dimensions that do not broadcast."""
    remapped = []
    for t, core in ((t1, core1), (t2, core2)):
        batch = tuple(t.shape[:t.ndim - core])
        text = ",".join([str(s) for s in batch] + ["newaxis"] * len(out_core))
        if len(batch) + len(out_core) == 1:
            text += ","
        remapped.append(f"{_shape_text(tuple(t.shape))}->({text})")
    return ValueError("operands could not be broadcast together with remapped shapes "
                      f"[original->remapped]: {' '.join(remapped)}  and requested shape "
                      f"{_shape_text(out_core)}")


def _run(product, t1, t2, core1, core2, out_core):
    try:
        return product()
    except RuntimeError:
        # torch: a batch-shape mismatch is a RuntimeError; NumPy raises ValueError.
        try:
            torch.broadcast_shapes(t1.shape[:t1.ndim - core1], t2.shape[:t2.ndim - core2])
        except RuntimeError:
            raise _batch_error(t1, t2, core1, core2, out_core) from None
        raise


def matmul(mm, t1, t2):
    _check_core("matmul", t1, t2, 1, 1, -1, -2)
    core1 = min(t1.ndim, 2)
    core2 = min(t2.ndim, 2)
    out_core = tuple(t1.shape[-2:-1]) + tuple(t2.shape[-1:] if t2.ndim > 1 else ())
    return _run(lambda: mm(t1, t2), t1, t2, core1, core2, out_core)


def vecdot(mm, t1, t2):
    _check_core("vecdot", t1, t2, 1, 1, -1, -1)
    return _run(lambda: mm(t1.conj().unsqueeze(-2), t2.unsqueeze(-1))[..., 0, 0],
                t1, t2, 1, 1, ())


def matvec(mm, t1, t2):
    _check_core("matvec", t1, t2, 2, 1, -1, -1)
    return _run(lambda: mm(t1, t2.unsqueeze(-1))[..., 0], t1, t2, 2, 1, t1.shape[-2:-1])


def vecmat(mm, t1, t2):
    _check_core("vecmat", t1, t2, 1, 2, -1, -2)
    return _run(lambda: mm(t1.conj().unsqueeze(-2), t2)[..., 0, :], t1, t2, 1, 2, t2.shape[-1:])
