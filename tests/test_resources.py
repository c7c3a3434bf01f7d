"""Threads, memory and resources (issue 8 part 4).

- Threads: many threads compute at once, each with its own default float dtype and default device,
  and get what one thread gets (and what NumPy gets); no setting leaks between threads.
- Memory: a long loop of mixed operations frees every array by reference counting (no cycles, no
  growth of the process, of torchnp's caches or of its objects).
- Big inputs: an operation that would allocate more than the machine has raises NumPy's
  MemoryError (or NumPy's ValueError past what an index can count), with NumPy's message.
"""
import concurrent.futures
import contextlib
import gc
import os
import re
import sys
import threading
import weakref

import numpy
import pytest
import torch

import torchnp
from helpers import to_numpy

# ----- threads ------------------------------------------------------------------------------------

N_THREADS = 8
ROUNDS = 12         # workloads per thread, all overlapping (a barrier starts them together)
KS = 3              # distinct workloads: round r runs workload r % KS

# One line per thread: (default_float context, set_default_float call in the thread,
# default_device context). None: not set. The "meta" threads make arrays without data: were their
# device to leak into another thread, that thread's results could not be read.
THREADS = [("float32", None, "cpu"), ("float64", None, "cpu"), ("float32", None, None),
           ("float64", None, None), (None, None, None), (None, "float32", "cpu"),
           ("float32", None, "meta"), (None, None, "meta")]
assert len(THREADS) == N_THREADS


def _workload(xp, k, dtype=None):
    """Creation, ufuncs, reductions, indexing reads and writes, views and a matmul. ``dtype=None``
    is the default float (torchnp in a default_float context); NumPy is given the dtype."""
    x = xp.linspace(-1, 1, 301, dtype=dtype) * (k + 1)
    m = xp.arange(k, k + 64.0, dtype=dtype).reshape(8, 8) / 16
    y = xp.sin(x) * xp.exp(-x ** 2) + xp.sqrt(xp.abs(x))
    z = m.copy()
    z[2] = 0.5
    z[:, 1] += 1
    z[z > 2] *= -1
    return (xp.ones(3, dtype=dtype), xp.full((2, 2), 0.25, dtype=dtype), y, y.sum(), y[::7],
            y[y > 1], xp.cumsum(y), xp.sort(-y), m @ m.T, m.max(axis=0), m.mean(axis=1),
            m[[1, 3], 2:5], m.T.reshape(4, 16), z, xp.where(y > 0.5, y, 0.0),
            xp.concatenate([x[:5], y[-5:]]))


def _meta_workload(k):
    """Arrays on the default device (meta in the threads that run this) and ufuncs on them."""
    a = torchnp.ones((k + 2, 3)) * 2 + torchnp.arange(3.0)
    return a.device.type, a.dtype, a.shape


def _settings():
    """What a thread sees: its settings, and the dtype and device creation gives it."""
    z = torchnp.zeros(1)
    return torchnp.get_default_float(), torchnp.default_device(), z.dtype, z.device.type


def _expected_settings(cfg):
    ctx_float, set_float, device = cfg
    name = ctx_float or set_float or "float64"
    return (numpy.dtype(name), None if device is None else torch.device(device),
            numpy.dtype(name), device or "cpu")


def _thread(cfg, barrier):
    """One thread's life: set its settings, wait for all, work, wait again, check its settings."""
    ctx_float, set_float, device = cfg
    seen, results = [], []
    try:
        with contextlib.ExitStack() as stack:
            if ctx_float:
                stack.enter_context(torchnp.default_float(ctx_float))
            if set_float:
                torchnp.set_default_float(set_float)
            if device:
                stack.enter_context(torchnp.default_device(device))
            barrier.wait()              # every thread has its settings now
            for r in range(ROUNDS):
                seen.append(_settings())
                k = r % KS
                results.append(_meta_workload(k) if device == "meta" else _workload(torchnp, k))
            barrier.wait()              # every thread still holds its settings
            seen.append(_settings())
        return seen, results
    except BaseException:
        barrier.abort()                 # the others fail fast instead of waiting
        raise


def _assert_same(got, expected, rtol, atol=0.0):
    """torchnp results against NumPy's (or another torchnp run's): dtype, shape and values.

    (Only values here: whether a reduction gives a scalar is tested by the reduction tests.)
    """
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        g = to_numpy(g) if isinstance(g, torchnp.ndarray) else g
        e = numpy.asarray(to_numpy(e) if isinstance(e, torchnp.ndarray) else e)
        assert g.dtype == e.dtype and g.shape == e.shape, (i, g.dtype, e.dtype, g.shape, e.shape)
        if rtol == 0:
            numpy.testing.assert_array_equal(g, e, err_msg=f"result {i}")
        else:
            numpy.testing.assert_allclose(g, e, rtol=rtol, atol=atol, err_msg=f"result {i}")


def _os_threads():
    return len(os.listdir("/proc/self/task"))


def test_threads_compute_alike_and_keep_their_settings():
    # The oracles, computed first, in the main thread: NumPy, and torchnp in one thread.
    numpy_ref = {(d, k): _workload(numpy, k, numpy.dtype(d))
                 for d in ("float32", "float64") for k in range(KS)}
    single = {}
    for d in ("float32", "float64"):
        with torchnp.default_float(d):
            single.update({(d, k): _workload(torchnp, k) for k in range(KS)})
    before = (threading.active_count(), _os_threads())

    barrier = threading.Barrier(N_THREADS, timeout=60)
    with concurrent.futures.ThreadPoolExecutor(N_THREADS) as pool:
        futures = [pool.submit(_thread, cfg, barrier) for cfg in THREADS]
        outcomes = [f.result() for f in futures]

    for cfg, (seen, results) in zip(THREADS, outcomes):
        assert seen == [_expected_settings(cfg)] * (ROUNDS + 1), cfg
        name = cfg[0] or cfg[1] or "float64"
        for r, res in enumerate(results):
            k = r % KS
            if cfg[2] == "meta":
                assert res == ("meta", numpy.dtype(name), (k + 2, 3)), cfg
                continue
            _assert_same(res, single[name, k], rtol=0)
            tol = 2e-5 if name == "float32" else 1e-12
            _assert_same(res, numpy_ref[name, k], rtol=tol, atol=tol)
    # Nothing the threads set reached the main thread (set_default_float in one of them included),
    # and no thread outlives the pool (Python's, or torch's native ones).
    assert torchnp.get_default_float() == numpy.float64
    assert torchnp.default_device() is None
    assert torchnp.zeros(1).dtype == numpy.float64
    after = (threading.active_count(), _os_threads())
    assert after[0] <= before[0] and after[1] <= before[1], (before, after)


def test_a_new_thread_starts_from_the_defaults():
    """A thread that sets nothing sees the defaults, whatever the thread that started it set."""
    seen = []
    with torchnp.default_float("float32"), torchnp.default_device("meta"):
        th = threading.Thread(target=lambda: seen.append(_settings()))
        th.start()
        th.join()
        assert _settings() == (numpy.float32, torch.device("meta"), numpy.float32, "meta")
    assert seen == [(numpy.float64, None, numpy.float64, "cpu")]


# ----- memory -------------------------------------------------------------------------------------

OPS_PER_ITER = 30       # the operations _mixed_ops runs, counting each indexing read and write
WARMUP_ITERS = 700
ITERS = 3400            # 102,000 operations
RSS_SLACK = 16 * 2**20  # bytes the process may grow by (measured: under 1 MiB); leaking one 8 KiB
                        # array (a, b and m's size) per iteration grows it by 26 MiB


def _mixed_ops(xp, a, b, m, i):
    """OPS_PER_ITER operations of every kind on 1024-element arrays; weakrefs to what they made."""
    c = a + b                           # ufuncs
    c = xp.sin(c)
    c *= 2.0                            # in-place operators
    c += b
    s = c.sum()                         # reductions
    mx = m.max(axis=0)
    v = m[1:3]                          # a view, written through
    v[0, 0] = i
    m[2] += 1.0                         # read, add in place, write back
    w = m.reshape(-1)                   # reshape, strided view, transpose
    w2 = w[::2]
    st = m.T.copy()
    sel = m[[0, 2, 5]]                  # advanced and boolean indexing
    pos = c[c > 0]
    z = xp.zeros(i % 97 + 1)            # creation, a new shape each time
    r = xp.arange(i % 50)
    e = xp.concatenate([a[:8], z])
    q = xp.where(a > 0, a, b)
    u = a.astype("float32")
    d = xp.dot(m[0], m[1])
    try:                                # an error raised and caught
        a + e[:3]
    except ValueError:
        pass
    return [weakref.ref(x) for x in (c, s, mx, v, w, w2, st, sel, pos, z, r, e, q, u, d)]


def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _ndarrays():
    return sum(1 for o in gc.get_objects() if type(o) is torchnp.ndarray)


def _torchnp_containers():
    """The size of every dict, list and set torchnp holds at module level or on a ufunc (one
    level into dicts of dicts): a cache filled at call time shows up here."""
    sizes = {}
    for name, mod in list(sys.modules.items()):
        if name != "torchnp" and not name.startswith("torchnp."):
            continue
        for attr, value in list(vars(mod).items()):
            if isinstance(value, torchnp.ufunc):
                for slot in dir(value):
                    sizes[f"{name}.{attr}.{slot}"] = _size(getattr(value, slot, None))
            else:
                sizes[f"{name}.{attr}"] = _size(value)
    return {k: v for k, v in sizes.items() if v is not None}


def _size(value):
    if type(value) is dict:
        return len(value) + sum(len(v) for v in value.values() if type(v) is dict)
    if type(value) in (list, set):
        return len(value)
    return None


def _garbage_from_torchnp():
    """gc.collect() with every unreachable object kept: the torchnp arrays and tensors among them
    (each one is in a reference cycle that reference counting could not free)."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return [o for o in gc.garbage if type(o) in (torchnp.ndarray, torch.Tensor)
                or type(o).__module__.startswith("torchnp")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()                    # now free what was kept


def test_mixed_operations_free_their_memory():
    a = torchnp.linspace(-1, 1, 1024)
    b = torchnp.cos(a)
    m = torchnp.arange(1024.0).reshape(32, 32)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()            # reference counting alone must free everything
    try:
        for i in range(WARMUP_ITERS):
            _mixed_ops(torchnp, a, b, m, i)
        rss, arrays, caches = _rss(), _ndarrays(), _torchnp_containers()
        refs = []
        for i in range(ITERS):
            made = _mixed_ops(torchnp, a, b, m, i)
            if i % 50 == 0:
                refs += made
        grown = _rss() - rss
        alive = [r() for r in refs if r() is not None]
        assert alive == [], f"{len(alive)} arrays outlived their last reference: {alive[:3]}"
        assert _ndarrays() == arrays
        assert _torchnp_containers() == caches
        assert grown < RSS_SLACK, f"the process grew by {grown / 2**20:.1f} MiB"
        assert _garbage_from_torchnp() == []
    finally:
        if enabled:
            gc.enable()
    assert float(m[2, 0]) == 2 * 32 + WARMUP_ITERS + ITERS      # the writes did happen


def test_errors_leave_no_cycles():
    """Each error path (NumPy's message built from a torch error, too) frees its frames."""
    cases = [lambda: torchnp.add(torchnp.ones(3), torchnp.ones(4)),
             lambda: torchnp.ones(3)[5],
             lambda: torchnp.ones(3).reshape(2, 2),
             lambda: torchnp.zeros(2**45),
             lambda: torchnp.repeat(torchnp.ones(4), 2**43),
             lambda: torchnp.add(_view((2**24, 1)), _view((1, 2**24)))]
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for case in cases:
            for _ in range(3):
                with pytest.raises((ValueError, IndexError, MemoryError)):
                    case()
        assert _garbage_from_torchnp() == []
    finally:
        if enabled:
            gc.enable()


# ----- big inputs ---------------------------------------------------------------------------------

def _view(shape, xp=torchnp, dtype="float64"):
    """A read-only broadcast view of one element: any shape, no memory."""
    return xp.broadcast_to(xp.ones(1, dtype=dtype), shape)


def _index_view(shape, xp, dtype="int64"):
    """A read-only broadcast view of one zero index: any shape, no memory."""
    return xp.broadcast_to(xp.zeros(1, dtype=dtype), shape)


def _rows_view(xp):
    """2**48 elements in two rows, (2, 2**47) with strides (8, 0): no view of it is flat."""
    return xp.broadcast_to(xp.ones((2, 1)), (2, 2**47))


_S = (2**24, 2**24)


# (id, the call with xp for numpy or torchnp). Every size is past 128 TiB, the whole address space
# of a 47-bit process, so the allocation fails under any overcommit setting; inputs are small or
# broadcast views.
TOO_BIG = [
    ("arange-int", lambda xp: xp.arange(2**45)),
    ("arange-start-stop", lambda xp: xp.arange(3, 2**45)),
    ("arange-float", lambda xp: xp.arange(0.0, 2.0**45)),
    ("arange-step", lambda xp: xp.arange(0, 2.0**50, 0.5)),
    ("arange-float32", lambda xp: xp.arange(0, 2**46, dtype=xp.float32)),
    ("arange-complex", lambda xp: xp.arange(0, 2**45, dtype=complex)),
    ("arange-past-intp", lambda xp: xp.arange(2**62)),
    ("linspace", lambda xp: xp.linspace(0, 1, 2**45)),
    ("linspace-float32", lambda xp: xp.linspace(0, 1, 2**46, dtype=xp.float32)),
    ("linspace-complex", lambda xp: xp.linspace(0, 1j, 2**45)),
    ("linspace-arrays", lambda xp: xp.linspace(xp.zeros(2), xp.ones(2), 2**45)),
    ("linspace-past-intp", lambda xp: xp.linspace(0, 1, 2**62)),
    ("add", lambda xp: xp.add(xp.ones((2**22, 1)), xp.ones((1, 2**23)))),
    ("add-operator", lambda xp: _view((2**20, 1), xp) + _view((1, 2**26), xp)),
    ("add-scalar", lambda xp: _view((2**24, 2**24), xp) + 1.0),
    ("multiply-reversed-scalar", lambda xp: 2.0 * _view((2**24, 2**24), xp)),
    ("greater-scalar", lambda xp: _view((2**24, 2**24), xp) > 0),
    ("sin", lambda xp: xp.sin(_view((2**24, 2**24), xp))),
    ("negative-int8", lambda xp: -_view((2**24, 2**24), xp, "int8")),
    ("multiply-float32", lambda xp: xp.multiply(_view((2**21, 1), xp, "float32"),
                                                _view((1, 2**26), xp, "float32"))),
    ("add-int8", lambda xp: xp.add(_view((2**24, 1), xp, "int8"), _view((1, 2**24), xp, "int8"))),
    ("add-3d", lambda xp: xp.add(_view((2**20, 1, 1), xp), _view((1, 2**26, 1), xp))),
    ("add-where", lambda xp: xp.add(_view((2**20, 1), xp), _view((1, 2**26), xp), where=True)),
    ("divmod", lambda xp: xp.divmod(_view((2**20, 1), xp), _view((1, 2**26), xp))),
    ("where-broadcasts-scalars", lambda xp: xp.add(1.0, 2.0,
                                                   where=_view((2**24, 2**24), xp, "bool"))),
    ("where-broadcasts-arrays", lambda xp: xp.add(xp.ones(1), xp.ones(1),
                                                  where=_view((2**24, 2**24), xp, "bool"))),
    ("compare-out-of-range-int", lambda xp: xp.equal(_view((2**24, 2**24), xp, "int8"), 1000)),
    ("equal-none", lambda xp: _view((2**24, 2**24), xp) == None),       # noqa: E711
    ("matmul", lambda xp: xp.matmul(_view((2**24, 1), xp), _view((1, 2**24), xp))),
    ("ufunc-outer", lambda xp: xp.add.outer(_view((2**24,), xp), _view((2**24,), xp))),
    ("add-past-intp", lambda xp: xp.add(_view((2**31, 1), xp), _view((1, 2**31), xp))),
    ("add-iterator-past-intp", lambda xp: xp.add(_view((2**31, 1), xp), _view((1, 2**32), xp))),
    ("repeat", lambda xp: xp.repeat(xp.ones(4), 2**43)),
    ("repeat-axis", lambda xp: xp.repeat(xp.ones((2, 3)), 2**43, axis=0)),
    ("repeat-counts", lambda xp: xp.repeat(xp.ones(2), [2**44, 2**44])),
    ("repeat-past-intp", lambda xp: xp.repeat(xp.ones(5), 2**62)),
    ("repeat-counts-past-intp", lambda xp: xp.repeat(xp.ones(2), [2**61, 2**61])),
    ("repeat-wraps-negative", lambda xp: xp.repeat(xp.ones(4), 2**61)),
    ("repeat-counts-wrap-negative", lambda xp: xp.repeat(xp.ones(3), [2**62] * 3)),
    ("tile", lambda xp: xp.tile(xp.ones(4), 2**43)),
    ("tile-2d", lambda xp: xp.tile(xp.ones((2, 3)), (2**20, 2**23))),
    ("tile-new-axes", lambda xp: xp.tile(xp.ones(4), (2**12, 2**31))),
    ("tile-past-intp", lambda xp: xp.tile(xp.ones(4), 2**61)),
    ("outer", lambda xp: xp.outer(xp.ones(2**22), xp.ones(2**23))),
    ("outer-int8", lambda xp: xp.outer(_view((2**24,), xp, "int8"), _view((2**24,), xp, "int8"))),
    # ufuncs whose inputs torch casts first (NumPy casts in buffers: only its result is too big)
    ("add-complex-scalar", lambda xp: _view(_S, xp) + 1j),
    ("add-complex-arrays", lambda xp: _view(_S, xp) + _view(_S, xp, "complex64")),
    ("add-float-to-int8", lambda xp: _view(_S, xp, "int8") + 1.5),
    ("true-divide-int", lambda xp: _view(_S, xp, "int64") / 2),
    ("add-dtype", lambda xp: xp.add(_view(_S, xp), 1, dtype=xp.float32)),
    # copies and casts
    ("copy-method", lambda xp: _view(_S, xp).copy()),
    ("copy-method-F", lambda xp: _view(_S, xp, "int16").copy(order="F")),
    ("copy-transposed", lambda xp: _view(_S, xp).T.copy()),
    ("astype", lambda xp: _view(_S, xp).astype(xp.float32)),
    ("astype-same-dtype", lambda xp: _view(_S, xp).astype(xp.float64)),
    ("astype-F", lambda xp: _view(_S, xp).astype(xp.float32, order="F")),
    ("astype-function", lambda xp: xp.astype(_view(_S, xp), xp.int8)),
    ("array-dtype", lambda xp: xp.array(_view(_S, xp), dtype=xp.float32)),
    ("asarray-dtype", lambda xp: xp.asarray(_view(_S, xp), dtype=xp.float32)),
    ("flatten", lambda xp: _view(_S, xp).flatten()),
    ("flatten-F", lambda xp: _view(_S, xp).flatten(order="F")),
    ("ravel-copy", lambda xp: _rows_view(xp).ravel()),
    ("ravel-copy-F", lambda xp: _rows_view(xp).ravel(order="F")),
    ("reshape-copy", lambda xp: _rows_view(xp).reshape(-1)),   # NumPy copies in the input's shape
    ("imag-of-real", lambda xp: xp.imag(_view(_S, xp))),
    ("isreal", lambda xp: xp.isreal(_view(_S, xp))),
    ("iscomplex", lambda xp: xp.iscomplex(_view(_S, xp))),
    ("clip", lambda xp: xp.clip(_view(_S, xp), 0, 1)),
    ("clip-method", lambda xp: _view(_S, xp).clip(0, 1)),
    ("around", lambda xp: xp.around(_view(_S, xp))),
    ("round-method-decimals", lambda xp: _view(_S, xp).round(2)),
    ("round-int8", lambda xp: xp.round(_view(_S, xp, "int8"), -1)),
    # accumulations and NaN-ignoring functions (NumPy first ravels a non-contiguous input, or
    # masks its NaNs)
    ("cumsum", lambda xp: xp.cumsum(_view(_S, xp))),
    ("cumsum-axis", lambda xp: xp.cumsum(_view(_S, xp), axis=0)),
    ("cumsum-int8", lambda xp: xp.cumsum(_view(_S, xp, "int8"))),
    ("cumsum-int8-axis", lambda xp: xp.cumsum(_view(_S, xp, "int8"), axis=1)),
    ("cumsum-dtype", lambda xp: xp.cumsum(_view(_S, xp), axis=0, dtype=xp.float32)),
    ("cumprod", lambda xp: xp.cumprod(_view(_S, xp))),
    ("add-accumulate", lambda xp: xp.add.accumulate(_view(_S, xp))),
    ("multiply-accumulate", lambda xp: xp.multiply.accumulate(_view(_S, xp), axis=1)),
    ("nansum", lambda xp: xp.nansum(_view(_S, xp))),
    ("nancumsum", lambda xp: xp.nancumsum(_view(_S, xp), axis=0)),
    # joining
    ("concatenate", lambda xp: xp.concatenate([_view(_S, xp), _view(_S, xp)])),
    ("concatenate-flat", lambda xp: xp.concatenate([_view(_S, xp), _view(_S, xp)], axis=None)),
    ("concatenate-mixed", lambda xp: xp.concatenate([_view(_S, xp, "int8"),
                                                     _view(_S, xp, "float32")])),
    ("stack", lambda xp: xp.stack([_view(_S, xp), _view(_S, xp)])),
    ("stack-axis1", lambda xp: xp.stack([_view(_S, xp), _view(_S, xp)], axis=1)),
    ("vstack", lambda xp: xp.vstack([_view(_S, xp), _view(_S, xp)])),
    ("hstack", lambda xp: xp.hstack([_view(_S, xp), _view(_S, xp)])),
    ("hstack-1d", lambda xp: xp.hstack([_view((2**48,), xp), xp.ones(3)])),
    ("dstack", lambda xp: xp.dstack([_view(_S, xp), _view(_S, xp)])),
    ("column_stack", lambda xp: xp.column_stack([_view((2**48,), xp), _view((2**48,), xp)])),
    ("append", lambda xp: xp.append(_view(_S, xp), 1.0)),
    ("append-axis", lambda xp: xp.append(_view(_S, xp), _view((1, 2**24), xp), axis=0)),
    # inserting, deleting, repeating, resizing, rolling, flipping
    ("insert", lambda xp: xp.insert(_view(_S, xp), 0, 1.0)),
    ("insert-axis", lambda xp: xp.insert(_view(_S, xp), 0, 1.0, axis=0)),
    ("insert-several", lambda xp: xp.insert(_view(_S, xp), [0, 5], 1.0, axis=1)),
    ("delete", lambda xp: xp.delete(_view(_S, xp), 0)),
    ("delete-axis", lambda xp: xp.delete(_view(_S, xp), 0, axis=0)),
    ("delete-slice", lambda xp: xp.delete(_view(_S, xp), slice(0, 2), axis=1)),
    ("delete-list", lambda xp: xp.delete(_view(_S, xp), [0, 3], axis=1)),   # NumPy: axis first
    ("delete-one-index-array", lambda xp: xp.delete(_view(_S, xp), xp.array([3]), axis=1)),
    ("repeat-of-view", lambda xp: _view((2**48,), xp).repeat(2)),    # NumPy copies the input
    ("repeat-of-view-axis", lambda xp: _view(_S, xp).repeat(2, axis=0)),
    ("repeat-one-count", lambda xp: xp.repeat(_view(_S, xp), [2])),
    ("resize", lambda xp: xp.resize(xp.ones(4), 2**47)),  # NumPy: Python's tuple of 2**45 refs
    ("roll", lambda xp: xp.roll(_view(_S, xp), 1)),
    ("roll-axis", lambda xp: xp.roll(_view(_S, xp), 1, axis=0)),
    ("roll-axes", lambda xp: xp.roll(_view(_S, xp), (1, 2), axis=(0, 1))),
    ("flip-copy", lambda xp: xp.flip(_view(_S, xp)).copy()),    # torchnp's flip is the copy
    ("fliplr-copy", lambda xp: xp.fliplr(_view(_S, xp)).copy()),
    # sorting and searching
    ("sort", lambda xp: xp.sort(_view(_S, xp))),
    ("sort-flat", lambda xp: xp.sort(_view(_S, xp), axis=None)),
    ("sort-int8-flat", lambda xp: xp.sort(_view(_S, xp, "int8"), axis=None)),
    ("argsort", lambda xp: xp.argsort(_view(_S, xp))),
    ("argsort-flat", lambda xp: xp.argsort(_view(_S, xp), axis=None)),
    ("argsort-int8-flat", lambda xp: xp.argsort(_view(_S, xp, "int8"), axis=None)),
    ("partition", lambda xp: xp.partition(_view(_S, xp), 0)),
    ("argpartition", lambda xp: xp.argpartition(_view(_S, xp), 0)),
    ("argpartition-flat", lambda xp: xp.argpartition(_view(_S, xp), 0, axis=None)),
    ("searchsorted", lambda xp: xp.searchsorted(xp.ones(4), _view(_S, xp))),   # NumPy copies v
    ("searchsorted-int", lambda xp: xp.searchsorted(xp.arange(4), _view(_S, xp, "int64"))),
    # indexing
    ("take", lambda xp: xp.take(xp.ones(4), _index_view(_S, xp))),     # NumPy copies the indices
    ("take-method", lambda xp: xp.ones(4).take(_index_view(_S, xp))),
    ("take-axis", lambda xp: xp.take(xp.ones((3, 4)), _index_view(_S, xp), axis=1)),
    ("take-int32-indices", lambda xp: xp.take(xp.ones(4), _index_view(_S, xp, "int32"))),
    ("take_along_axis", lambda xp: xp.take_along_axis(xp.ones((1, 1)), _index_view(_S, xp), 0)),
    ("diag_indices", lambda xp: xp.diag_indices(2**48)),
    ("diag_indices-3d", lambda xp: xp.diag_indices(2**46, 3)),
    ("tril_indices", lambda xp: xp.tril_indices(2**24)),       # NumPy makes the mask first
    ("tril_indices-k-m", lambda xp: xp.tril_indices(2**24, 3, 2**23)),
    ("triu_indices", lambda xp: xp.triu_indices(2**24)),
    # products
    ("dot", lambda xp: xp.dot(_view((2**24, 1), xp), _view((1, 2**24), xp))),
    ("dot-method", lambda xp: _view((2**24, 1), xp).dot(_view((1, 2**24), xp))),
    ("dot-scalar", lambda xp: xp.dot(_view(_S, xp), 2.0)),
    ("inner", lambda xp: xp.inner(_view((2**24, 1), xp), _view((2**24, 1), xp))),
    ("inner-scalar", lambda xp: xp.inner(_view(_S, xp, "float32"), 2)),
    ("tensordot-outer", lambda xp: xp.tensordot(_view((2**24,), xp), _view((2**24,), xp), 0)),
    ("tensordot", lambda xp: xp.tensordot(_view((2**24, 3), xp), _view((3, 2**24), xp), 1)),
    ("kron", lambda xp: xp.kron(xp.ones(2**22), xp.ones(2**23))),  # NumPy: the interleaved product
    ("kron-2d", lambda xp: xp.kron(_view((2**12, 2**12), xp), _view((2**12, 2**12), xp))),
    ("kron-mixed-ndim", lambda xp: xp.kron(xp.ones(2**22), _view((2, 2**23), xp))),
    ("kron-0d", lambda xp: xp.kron(_view(_S, xp), xp.array(2.0))),
]


@pytest.mark.parametrize("call", [c for _, c in TOO_BIG], ids=[i for i, _ in TOO_BIG])
def test_too_big_raises_numpys_error(call):
    """NumPy's class (its private _ArrayMemoryError is a MemoryError) and NumPy's message, where
    torch raises a RuntimeError."""
    with pytest.raises((MemoryError, ValueError)) as expected:
        call(numpy)
    public = MemoryError if issubclass(expected.type, MemoryError) else expected.type
    with pytest.raises(public, match=f"^{re.escape(str(expected.value))}$"):
        call(torchnp)
