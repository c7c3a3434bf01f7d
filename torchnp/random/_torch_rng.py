"""The random package's torch-only leaf: torch generators seeded from host-side entropy, their
states, raw random bits, and adapters for torch samplers' limitations (each with a ``# torch:``
comment).

It lives in the package, not in ``torchnp/_kernels.py``: nothing outside ``torchnp.random``
touches torch's random generators.

torch's CPU generator is an MT19937 (NumPy's legacy generator) that ``manual_seed`` seeds from 32
bits only; it is seeded here by writing a full 624-word state, as NumPy's ``MT19937`` seeds itself
from a ``SeedSequence``. The byte layout of torch's CPU state (``CPUGeneratorImplState``) is checked
once against NumPy's own MT19937 before it is relied on; on a torch whose layout differs, CPU
generators fall back to ``manual_seed`` and the legacy state tuple is unavailable.
"""
import functools

import numpy
import torch

MT_WORDS = 624                  # words of MT19937 state
_STATE_BYTES = 5056             # sizeof(CPUGeneratorImplState)
_LEFT, _NEXT, _KEY = 8, 16, 24  # int32 left, uint64 next, uint64[624] key (one word per uint64)
_GAUSS, _GAUSS_VALID = 5024, 5040   # double normal_y, int32 normal_is_valid
_FLOAT_GAUSS_VALID = 5048           # bool: a cached float32 normal


def device_key(device):
    """A torch.device with its index filled in where torch would pick one (``cuda`` -> ``cuda:N``),
    so each device has one generator."""
    if device.index is None and device.type not in ("cpu", "meta"):
        module = getattr(torch, device.type, None)
        current = getattr(module, "current_device", None)
        if current is not None:
            return torch.device(device.type, current())
    return device


def new_generator(device, cpu_key, seed64):
    """A torch generator on ``device``: from MT19937 key words ``(key, pos)`` on the CPU, from the
    64-bit ``seed64`` elsewhere; None on ``meta`` (meta tensors hold no values to draw)."""
    if device.type == "meta":
        return None
    if device.type == "cpu" and cpu_layout_known():
        g = torch.Generator()
        g.set_state(cpu_state(*cpu_key))
        return g
    g = torch.Generator(device=device)
    g.manual_seed(seed64)
    return g


@functools.cache
def cpu_layout_known():
    """Whether torch's CPU generator state has the layout this module reads and writes: a
    generator seeded with ``manual_seed(s)`` must hold NumPy's ``RandomState(s)`` key."""
    g = torch.Generator()
    g.manual_seed(5489)
    raw = g.get_state()
    if raw.numel() != _STATE_BYTES:
        return False
    key, pos, _, _ = read_cpu_state(raw)
    return pos == MT_WORDS and numpy.array_equal(key, numpy.random.RandomState(5489).get_state()[1])


def read_cpu_state(raw):
    """(key, pos, has_gauss, gauss) of a CPU generator's state bytes: NumPy's MT19937 state, where
    ``pos`` is the index of the next key word used (624: the key is regenerated first)."""
    b = raw.numpy()         # host-data: torch's generator state is CPU bytes
    left = int(b[_LEFT:_LEFT + 4].view(numpy.int32)[0])
    nxt = int(b[_NEXT:_NEXT + 8].view(numpy.uint64)[0])
    key = b[_KEY:_KEY + 8 * MT_WORDS].view(numpy.uint64).astype(numpy.uint32)
    has_gauss = int(b[_GAUSS_VALID:_GAUSS_VALID + 4].view(numpy.int32)[0] != 0)
    gauss = float(b[_GAUSS:_GAUSS + 8].view(numpy.float64)[0]) if has_gauss else 0.0
    return key, (nxt if left > 1 else MT_WORDS), has_gauss, gauss


def cpu_state(key, pos, has_gauss=0, gauss=0.0):
    """CPU generator state bytes for NumPy's MT19937 state ``(key, pos)`` and cached normal."""
    template = torch.Generator()
    template.manual_seed(0)
    b = template.get_state().numpy().copy()     # host-data: a CPU generator's state bytes
    # torch's engine outputs key[next] after counting ``left`` down to 0 (then regenerates), so
    # NumPy's position p is next = p, left = 625 - p; 624 (regenerate first) is left = 1. torch
    # cannot hold p = 0 (left = 625): it becomes left = 624, which regenerates one word early.
    b[_LEFT:_LEFT + 4].view(numpy.int32)[0] = 1 if pos >= MT_WORDS else min(625 - pos, MT_WORDS)
    b[_NEXT:_NEXT + 8].view(numpy.uint64)[0] = 0 if pos >= MT_WORDS else pos
    b[_KEY:_KEY + 8 * MT_WORDS].view(numpy.uint64)[:] = numpy.asarray(key, numpy.uint64)
    b[_GAUSS_VALID:_GAUSS_VALID + 4].view(numpy.int32)[0] = 1 if has_gauss else 0
    b[_GAUSS:_GAUSS + 8].view(numpy.float64)[0] = gauss if has_gauss else 0.0
    b[_FLOAT_GAUSS_VALID] = 0
    return torch.from_numpy(b)


# ----- raw bits -----------------------------------------------------------------------------------

def bits64(g, shape, device):
    """Uniform random 64-bit words as int64 (two's complement for words >= 2**63)."""
    # torch: randint over [0, 2**32) is exact (random64 % 2**32); wider ranges reduce a 64-bit
    # word modulo the range, so the 64 bits are made from two 32-bit halves.
    hi = torch.randint(0, 2**32, shape, generator=g, device=device)
    lo = torch.randint(0, 2**32, shape, generator=g, device=device)
    return (hi << 32) | lo


def bits63(g, shape, device):
    """Uniform random integers in [0, 2**63 - 1) as int64 (one 64-bit draw each)."""
    # torch: for ranges >= 2**32 randint takes a 64-bit word modulo the range: here the bias is
    # below 2**-63.
    return torch.randint(0, 2**63 - 1, shape, generator=g, device=device)


# ----- sampler adapters ---------------------------------------------------------------------------

def binomial(count, prob, g):
    """``torch.binomial`` (float counts and probabilities of one shape)."""
    if count.device.type == "meta":
        return torch.empty_like(count)      # torch: binomial has no meta kernel
    return torch.binomial(count, prob, generator=g)


def standard_gamma(alpha, g):
    """``torch._standard_gamma`` for ``alpha >= 1`` (smaller shapes: see the callers)."""
    # torch: the sampler clamps results below the smallest normal float up to it, which biases
    # shapes below 1; callers draw those as G(a + 1) * U**(1/a).
    return torch._standard_gamma(alpha, generator=g)
