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
