"""torchnp as a dask array backend, on a real ``dask.distributed.LocalCluster`` of two worker
processes that the tests start and stop themselves.

Each program is written once against ``dask.array`` and run twice: with dask's NumPy backend
(the oracle) and with ``array.backend = "torchnp"``, whose chunks are torchnp arrays computed
with torch ops in the workers and moved between them as raw bytes.
"""
import pickle

import numpy
import pytest

import torchnp

dask = pytest.importorskip("dask", reason="dask is in the test extra only")
distributed = pytest.importorskip("distributed", reason="dask.distributed is in the test extra")
import dask.array as da  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, worker_dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def _run_both(client, program):
    """``program()``'s dask array computed on the cluster with each backend."""
    results = {}
    for backend in ("numpy", "torchnp"):
        with dask.config.set({"array.backend": backend}):
            # (a timeout: a chunk the workers cannot serialize makes dask retry, not fail)
            results[backend] = client.compute(program()).result(timeout=120)
    return results["torchnp"], results["numpy"]


def _check(result, expected, rtol=1e-12):
    assert type(result) is torchnp.ndarray
    assert result.dtype == expected.dtype and result.shape == expected.shape
    numpy.testing.assert_allclose(numpy.asarray(result), expected, rtol=rtol, atol=1e-12)


def _chunk_types(client, x):
    """The library of every chunk of ``x``, as the workers see them."""
    def library(block):
        return numpy.full((1,) * block.ndim, type(block).__module__.split(".")[0], dtype=object)
    names = x.map_blocks(library, dtype=object, meta=numpy.empty((0,) * x.ndim, dtype=object))
    return set(client.compute(names).result(timeout=120).ravel())


def _data(chunks=(25, 4)):
    return da.from_array(numpy.random.default_rng(0).standard_normal((100, 8)), chunks=chunks)


PROGRAMS = {
    "creation": lambda: da.ones((7, 5), chunks=(3, 2)) * 2 + da.arange(5, chunks=2)
    - da.zeros((7, 5), chunks=3) + da.full((7, 5), 0.5, chunks=4),
    "arange-float-step": lambda: da.arange(0.5, 9.0, 0.75, chunks=4),
    "elementwise-chain": lambda: da.sqrt(da.exp(-_data().to_backend() ** 2) + 1.0) * 3 - 1,
    "reductions-with-axis": lambda: da.stack([
        _data().to_backend().sum(axis=0), _data().to_backend().mean(axis=0),
        _data().to_backend().std(axis=0), _data().to_backend().max(axis=0)]),
    "argmax-axis": lambda: _data().to_backend().argmax(axis=0),
    "map-blocks": lambda: _data().to_backend().map_blocks(lambda b: b - b.mean(axis=0)),
    "rechunk": lambda: _data().to_backend().rechunk((10, 8)).T @ da.ones((100, 2), chunks=10),
    "matmul": lambda: _data().to_backend().T @ _data().to_backend(),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_on_a_local_cluster_match_the_numpy_backend(client, name):
    ours, expected = _run_both(client, PROGRAMS[name])
    _check(ours, expected)


def test_the_backend_makes_torchnp_chunks_in_the_workers(client):
    with dask.config.set({"array.backend": "torchnp"}):
        x = da.ones((6, 4), chunks=(3, 2)) + da.arange(4, chunks=2)
        assert type(x._meta) is torchnp.ndarray
        assert _chunk_types(client, client.persist(x * 2)) == {"torchnp"}
    assert _chunk_types(client, da.ones((6, 4), chunks=3)) == {"numpy"}   # the default is kept


def test_chunks_are_made_on_the_default_device_of_the_graph(client):
    # the meta device stands in for a GPU: the workers make every chunk there, with no data
    with torchnp.default_device("meta"), dask.config.set({"array.backend": "torchnp"}):
        x = (da.ones((6, 4), chunks=(3, 2)) * 2 + da.arange(4, chunks=2)).sum(axis=0)
    result = client.compute(x).result(timeout=120)
    assert type(result) is torchnp.ndarray and result.device.type == "meta"
    assert result.shape == (4,) and result.dtype == numpy.float64


def test_to_backend_converts_a_numpy_backed_array():
    x = _data()
    y = x.to_backend("torchnp")
    assert type(y._meta) is torchnp.ndarray
    _check(y.compute(scheduler="sync"), x.compute(scheduler="sync"))
    assert type(y.to_backend("numpy").compute(scheduler="sync")) is numpy.ndarray


def test_random_generation_makes_torchnp_chunks(client):
    with dask.config.set({"array.backend": "torchnp"}):
        x = da.random.default_rng(0).standard_normal((400, 50), chunks=(100, 50))
        legacy = da.random.RandomState(0).uniform(size=(400,), chunks=100)
    sample = client.compute(x).result(timeout=120)
    # torchnp's generators are not NumPy's bit streams: compare the distribution, not values
    assert type(sample) is torchnp.ndarray and sample.shape == (400, 50)
    assert abs(float(sample.mean())) < 0.02 and abs(float(sample.std()) - 1) < 0.02
    uniform = client.compute(legacy).result(timeout=120)
    assert type(uniform) is torchnp.ndarray and 0 <= float(uniform.min()) < float(uniform.max()) < 1


def test_chunked_least_squares_fit_matches_numpy(client):
    rng = numpy.random.default_rng(1)
    a, b = rng.standard_normal((400, 6)), rng.standard_normal(400)
    x = da.from_array(a, chunks=(100, 6)).to_backend("torchnp")
    y = da.from_array(b, chunks=100).to_backend("torchnp")
    # tall-and-skinny QR on the cluster (np.linalg.qr of each chunk runs as torchnp.linalg.qr),
    # then the 6 x 6 triangular system here (da.linalg.lstsq would end in SciPy's solver on NumPy)
    q, r = da.linalg.qr(x)
    r, qty = client.gather(client.compute([r, q.T @ y]))
    assert type(r) is torchnp.ndarray and type(qty) is torchnp.ndarray
    coef = torchnp.linalg.solve(r, qty)
    _check(coef, numpy.linalg.lstsq(a, b, rcond=None)[0], rtol=1e-10)


def test_kmeans_steps_match_numpy(client):
    rng = numpy.random.default_rng(2)
    points = numpy.concatenate([rng.normal(c, 0.3, (200, 2)) for c in (-2.0, 0.0, 2.0)])
    centres = points[[0, 250, 450]].copy()

    def step(x, c):
        distance = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2)
        label = distance.argmin(axis=1)
        return da.stack([x[label == k].mean(axis=0) for k in range(3)])

    ours, expected = centres, centres
    for _ in range(3):
        x = da.from_array(points, chunks=(150, 2))
        expected = step(x, expected).compute(scheduler="sync")
        ours = client.compute(step(x.to_backend("torchnp"), torchnp.asarray(ours)))
        ours = ours.result(timeout=120)
    _check(ours, expected)


def test_chunks_travel_between_processes_as_raw_bytes(client):
    a = torchnp.arange(10_000.0).reshape(100, 100)
    buffers = []
    pickle.dumps(a, protocol=5, buffer_callback=buffers.append)
    assert sum(b.raw().nbytes for b in buffers) == a.nbytes      # out of band: not re-encoded
    future = client.scatter(a)
    doubled = client.submit(lambda b: b * 2, future).result(timeout=120)
    assert type(doubled) is torchnp.ndarray
    numpy.testing.assert_array_equal(numpy.asarray(doubled), numpy.arange(10_000.0).reshape(100,
                                                                                           100) * 2)
