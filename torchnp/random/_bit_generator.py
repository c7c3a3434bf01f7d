"""Bit generators: NumPy's ``SeedSequence`` mixes the entropy on the host, torch generators make the
streams, one per device, on first use.

Each class carries NumPy's name (``PCG64``, ``MT19937``, ...) and seeding rules, but every one draws
from torch's generator for the device: MT19937 on the CPU (seeded with the 624-word key NumPy's
``MT19937`` would have), Philox on CUDA (seeded with 64 bits of the same ``SeedSequence``). The same
seed gives the same numbers on every run; the numbers differ from NumPy's (docs/differences.md).
"""
import threading

import numpy
import torch

from torchnp._core import config
from torchnp._core import convert
from torchnp.random import _torch_rng

SeedSequence = numpy.random.SeedSequence
_CPU = torch.device("cpu")


class BitGenerator:
    """Base class of the bit generators: a ``SeedSequence`` and the torch generators drawn from it.

    torchnp implementation of :class:`numpy.random.BitGenerator`.

    Differences from NumPy: the streams come from torch's generators (docs/differences.md); there
    is no ``capsule``, ``cffi`` or ``ctypes`` interface.
    """

    def __init__(self, seed=None):
        if type(self) is BitGenerator:
            raise NotImplementedError("BitGenerator is a base class and cannot be instantized")
        self.lock = threading.RLock()
        self._seed_seq = _seed_sequence(seed)
        self._cpu_key = None            # MT19937 (key, pos) for the CPU; None: from the seed
        self._generators = {}           # torch.device -> torch.Generator (None on meta)

    def __repr__(self):
        return f"<torchnp.random.{type(self).__name__} object at 0x{id(self):x}>"

    # ----- seeding ------------------------------------------------------------------------------
    @property
    def seed_seq(self):
        """The ``SeedSequence`` this bit generator was seeded from."""
        return self._seed_seq

    def spawn(self, n_children):
        """Independent child bit generators, seeded from children of ``seed_seq``."""
        if not isinstance(self._seed_seq, SeedSequence):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(seq) for seq in self._seed_seq.spawn(n_children)]

    # ----- the torch generators ------------------------------------------------------------------
    def torch_generator(self, device):
        """The torch generator for ``device`` (made and seeded on first use; None on ``meta``).

        torchnp extension.
        """
        key = _torch_rng.device_key(device)
        try:
            return self._generators[key]
        except KeyError:
            g = self._generators[key] = _torch_rng.new_generator(key, self._mt19937_key(),
                                                                 self._seed64())
            return g

    def _mt19937_key(self):
        if self._cpu_key is None:
            st = numpy.random.MT19937(self._seed_seq).state["state"]   # NumPy's own seeding
            self._cpu_key = (st["key"], st["pos"])
        return self._cpu_key

    def _seed64(self):
        return int(self._seed_seq.generate_state(1, numpy.uint64)[0])

    # ----- state ---------------------------------------------------------------------------------
    @property
    def state(self):
        """The state of every torch generator made so far, by device: ``{'bit_generator': name,
        'state': {device: uint8 array}}`` (torch's state bytes; docs/differences.md)."""
        return {"bit_generator": type(self).__name__,
                # host-data: torch keeps every generator's state in CPU bytes
                "state": {str(d): g.get_state().numpy().copy()
                          for d, g in self._generators.items() if g is not None}}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != type(self).__name__:
            raise ValueError(f"state must be for a {type(self).__name__} RNG")
        states = value.get("state")
        if not isinstance(states, dict):
            raise ValueError("state['state'] must be a dict of torch generator states by device")
        for device, raw in states.items():
            g = self.torch_generator(config.as_device(device))
            if g is not None:
                g.set_state(torch.as_tensor(numpy.asarray(raw, numpy.uint8)))

    def __getstate__(self):
        return {"seed_seq": self._seed_seq, "cpu_key": self._cpu_key, "state": self.state}

    def __setstate__(self, saved):
        self.lock = threading.RLock()
        self._seed_seq = saved["seed_seq"]
        self._cpu_key = saved["cpu_key"]
        self._generators = {}
        self.state = saved["state"]

    # ----- raw output ----------------------------------------------------------------------------
    def random_raw(self, size=None, output=True):
        """Raw 64-bit words (uint64) from the CPU generator.

        Differences from NumPy: the words are torch's (two 32-bit MT19937 outputs each).
        """
        shape = () if size is None else convert.shape_tuple(size)
        t = _torch_rng.bits64(self.torch_generator(_CPU), shape, _CPU).view(torch.uint64)
        if not output:
            return None
        return convert.wrap(t) if size is None else convert.wrap_array(t)


def _seed_sequence(seed):
    """NumPy's rule: a SeedSequence as it is, anything else (None: OS entropy) through one."""
    if isinstance(seed, numpy.random.bit_generator.ISeedSequence):
        return seed
    return SeedSequence(seed)


class _Jumps:
    """``jumped`` (NumPy's PCG64, PCG64DXSM, Philox and MT19937 have it)."""

    def jumped(self, jumps=1):
        """A new bit generator of this class with an independent stream, derived from this one's
        seed and ``jumps``.

        Differences from NumPy: NumPy advances the state by ``jumps * 2**128`` steps; torch
        generators cannot skip ahead, so the stream is derived from the seed instead (the same
        ``jumps`` gives the same stream, different ones never overlap in practice).
        """
        jumps = convert.operator_index(jumps)
        if jumps < 0:
            raise ValueError("jumps must be non-negative")
        seq = self._seed_seq
        return type(self)(SeedSequence(seq.entropy, spawn_key=tuple(seq.spawn_key) + (2**32, jumps),
                                       pool_size=seq.pool_size))


class _Advances:
    """``advance`` (NumPy's PCG64, PCG64DXSM and Philox have it)."""

    def advance(self, delta):
        """Not available: torch generators cannot skip ahead (docs/differences.md)."""
        raise NotImplementedError("advance: torch's generators cannot skip ahead; use jumped() "
                                  "or spawn() for independent streams")


class PCG64(_Advances, _Jumps, BitGenerator):
    """The default bit generator's name (NumPy's PCG64); the stream is torch's for the device.

    torchnp implementation of :class:`numpy.random.PCG64`.
    """


class PCG64DXSM(_Advances, _Jumps, BitGenerator):
    """NumPy's PCG64DXSM by name; the stream is torch's for the device.

    torchnp implementation of :class:`numpy.random.PCG64DXSM`.
    """


class Philox(_Advances, _Jumps, BitGenerator):
    """NumPy's Philox by name; the stream is torch's for the device (Philox on CUDA).

    torchnp implementation of :class:`numpy.random.Philox`.

    Differences from NumPy: ``key`` seeds the generator (as entropy, instead of ``seed``);
    ``counter`` is not supported.
    """

    def __init__(self, seed=None, counter=None, key=None):
        if counter is not None:
            raise NotImplementedError("Philox(counter=...): torch generators cannot be positioned "
                                      "by a counter")
        if key is not None:
            if seed is not None:
                raise ValueError("seed and key cannot be both used")
            seed = [int(k) for k in numpy.asarray(key, numpy.uint64).reshape(-1)]
        super().__init__(seed)


class SFC64(BitGenerator):
    """NumPy's SFC64 by name; the stream is torch's for the device.

    torchnp implementation of :class:`numpy.random.SFC64`.
    """


class MT19937(_Jumps, BitGenerator):
    """NumPy's MT19937: on the CPU, torch's generator is an MT19937 holding the same key NumPy's
    would (the numbers drawn from it still differ: docs/differences.md).

    torchnp implementation of :class:`numpy.random.MT19937`.
    """

    def _legacy_seeding(self, seed):
        """Seed as NumPy's legacy ``RandomState(seed)`` does (an int, an array of ints, or None)."""
        st = numpy.random.RandomState(seed).get_state(legacy=False)["state"]
        self._cpu_key = (st["key"], st["pos"])
        self._seed_seq = SeedSequence([int(w) for w in st["key"]])
        self._generators = {}
