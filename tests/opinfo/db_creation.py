"""Database: array creation (from shapes, from data, ranges, matrices)."""
import numpy as np

from opinfo.core import ALL, NUMERIC, OpInfo, SampleInput


def s_shape(make, dt):
    yield SampleInput((2, 3), dtype=dt)
    yield SampleInput(4, dtype=dt)
    yield SampleInput((0, 2), dtype=dt)
    yield SampleInput((2, -1), dtype=dt)                       # ValueError


def s_like(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((2, 3), dt), dtype=np.float32)
    yield SampleInput(make((2, 3), dt), shape=(4,))


def s_full(make, dt):
    yield SampleInput((2, 3), 7, dtype=dt)
    yield SampleInput(3, make((), dt))


def s_full_like(make, dt):
    yield SampleInput(make((2, 3), dt), 1)


def s_arange(make, dt):
    yield SampleInput(5, dtype=dt)
    yield SampleInput(1, 7, 2, dtype=dt)


def s_linspace(make, dt):
    yield SampleInput(0, 5, 6, dtype=dt)
    yield SampleInput(1, 3, 4, endpoint=False, dtype=dt)
    yield SampleInput(0, 10, 5, retstep=True)


def s_eye(make, dt):
    yield SampleInput(3, dtype=dt)
    yield SampleInput(3, 4, k=1, dtype=dt)


def s_from_data(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput([[1, 2], [3, 4]], dtype=dt)
    yield SampleInput(make((2, 3), dt), dtype=np.float64)


def s_diag(make, dt):
    yield SampleInput(make((3,), dt))
    yield SampleInput(make((3, 4), dt), 1)


def s_tri(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((3, 4), dt), -1)


def s_meshgrid(make, dt):
    yield SampleInput(make((3,), dt), make((2,), dt))
    yield SampleInput(make((3,), dt), make((2,), dt), indexing="ij")


op_db_creation = [
    OpInfo("zeros", dtypes=ALL, samples=s_shape),
    OpInfo("ones", dtypes=ALL, samples=s_shape),
    OpInfo("zeros_like", dtypes=ALL, samples=s_like),
    OpInfo("ones_like", dtypes=ALL, samples=s_like),
    OpInfo("full", dtypes=ALL, samples=s_full),
    OpInfo("full_like", dtypes=ALL, samples=s_full_like),
    OpInfo("arange", dtypes=NUMERIC, samples=s_arange),
    OpInfo("linspace", dtypes=NUMERIC, samples=s_linspace),
    OpInfo("eye", dtypes=ALL, samples=s_eye),
    OpInfo("identity", dtypes=ALL, samples=lambda make, dt: iter([SampleInput(3, dtype=dt)])),
    OpInfo("array", dtypes=ALL, samples=s_from_data),
    OpInfo("asarray", dtypes=ALL, samples=s_from_data),
    OpInfo("ascontiguousarray", dtypes=ALL, samples=s_from_data),
    OpInfo("diag", dtypes=ALL, samples=s_diag),
    OpInfo("tril", dtypes=ALL, samples=s_tri),
    OpInfo("triu", dtypes=ALL, samples=s_tri),
    OpInfo("meshgrid", dtypes=ALL, samples=s_meshgrid),
]

op_db_creation += [
    OpInfo("asanyarray", dtypes=ALL, samples=s_from_data),
]
