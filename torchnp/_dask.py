"""torchnp as a dask array backend: past one machine, dask schedules and torchnp computes.

``dask.config.set({"array.backend": "torchnp"})`` makes ``dask.array``'s creation functions
(``ones``, ``zeros``, ``empty``, ``full``, ``arange``, ``random``) build torchnp chunks, and
``x.to_backend("torchnp")`` converts an existing dask array. dask finds this module through the
``dask.array.backends`` entry point in pyproject.toml; it is imported only when dask asks for it.

Inside a graph, dask calls NumPy's functions on the chunks (``np.concatenate``, ``np.sum``, ...);
torchnp arrays answer them through ``__array_function__`` / ``__array_ufunc__``, so the work runs
as torch ops on the chunk's device. Between worker processes a chunk travels as its raw bytes
(pickle protocol 5, out of band: ``_interop.ndarray_reduce_ex``), and comes back on its device.
"""
import dask.array as da
import numpy
from dask import config
from dask.array import backends, chunk_types, dispatch
from dask.array.backends import ArrayBackendEntrypoint
from dask.utils import Dispatch

import torchnp
from torchnp._core.ndarray import ndarray

to_torchnp_dispatch = Dispatch("to_torchnp_dispatch")


@to_torchnp_dispatch.register(ndarray)
def _already_torchnp(data, **kwargs):
    return data


@to_torchnp_dispatch.register((object, numpy.ndarray))
def _host_to_torchnp(data, **kwargs):
    return torchnp.asarray(data, **kwargs)


@dispatch.to_numpy_dispatch.register(ndarray)
def _torchnp_to_numpy(data, **kwargs):
    # host-sync: converting a chunk to NumPy copies it to the host (a no-op view on the CPU)
    return numpy.asarray(data, **kwargs)


def _percentile(a, q, method="linear"):
    """dask's per-chunk percentile: the values and how many elements they summarise."""
    if not len(a):
        return None, 0
    return torchnp.percentile(a, list(q), method=method), len(a)


def _arange_block(first, step, dtype, device, block_info=None):
    """One chunk of ``arange``: the elements at the chunk's positions, made on ``device``."""
    lo, hi = block_info[None]["array-location"][0]
    return torchnp.arange(first + lo * step, first + hi * step, step, dtype=dtype,
                          device=device)[:hi - lo]


dispatch.concatenate_lookup.register(ndarray, torchnp.concatenate)
dispatch.take_lookup.register(ndarray, torchnp.take)
dispatch.tensordot_lookup.register(ndarray, torchnp.tensordot)
dispatch.einsum_lookup.register(ndarray, torchnp.einsum)
dispatch.empty_lookup.register(ndarray, torchnp.empty)
dispatch.divide_lookup.register(ndarray, torchnp.divide)
dispatch.percentile_lookup.register(ndarray, _percentile)
# dask's own counters for arrays that are not NumPy's (they build counts with full_like)
dispatch.numel_lookup.register(ndarray, backends._numel_arraylike)
dispatch.nannumel_lookup.register(ndarray, backends._nannumel)
chunk_types.register_chunk_type(ndarray)


def _meta():
    """The 0-d torchnp array dask reads the chunk type from. It is made on the default device,
    and the workers make their chunks like it (``ones_like``, ...), so
    ``with torchnp.default_device("cuda"):`` around the graph's creation puts the chunks on the
    workers' GPUs."""
    return torchnp.empty(())


def _with_torchnp_meta(name, *args, meta=None, **kwargs):
    """dask.array's own creation function ``name`` with torchnp chunks."""
    with config.set({"array.backend": "numpy"}):
        return getattr(da, name)(*args, meta=_meta() if meta is None else meta, **kwargs)


class TorchnpBackendEntrypoint(ArrayBackendEntrypoint):
    """The ``"torchnp"`` entry of dask's ``array.backend`` setting."""

    @classmethod
    def to_backend_dispatch(cls):
        return to_torchnp_dispatch

    @classmethod
    def to_backend(cls, data, **kwargs):
        if isinstance(data._meta, ndarray):
            return data
        return data.map_blocks(to_torchnp_dispatch, meta=_meta(), **kwargs)

    @property
    def RandomState(self):  # noqa: N802 (dask's name)
        return torchnp.random.RandomState

    @property
    def default_bit_generator(self):
        return torchnp.random.PCG64

    @staticmethod
    def ones(*args, **kwargs):
        return _with_torchnp_meta("ones", *args, **kwargs)

    @staticmethod
    def zeros(*args, **kwargs):
        return _with_torchnp_meta("zeros", *args, **kwargs)

    @staticmethod
    def empty(*args, **kwargs):
        return _with_torchnp_meta("empty", *args, **kwargs)

    @staticmethod
    def full(*args, **kwargs):
        return _with_torchnp_meta("full", *args, **kwargs)

    @staticmethod
    def arange(start, /, stop=None, step=1, *, chunks="auto", like=None, dtype=None, **kwargs):
        # dask's arange makes chunks with np.arange(start, stop, step, dtype, like=...), which
        # passes dtype by position; torchnp's arange takes it by keyword, as NumPy documents
        with config.set({"array.backend": "numpy"}):
            layout = da.arange(start, stop, step, chunks=chunks, dtype=dtype, **kwargs)
        first = 0 if stop is None else start
        meta = _meta() if like is None else like
        return da.map_blocks(_arange_block, first, step, layout.dtype, str(meta.device),
                             chunks=layout.chunks, dtype=layout.dtype, meta=meta)
