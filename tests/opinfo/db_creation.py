"""Database: array creation (from shapes, from data, ranges, matrices)."""
import numpy as np

from opinfo.core import ALL, NUMERIC, OpInfo, SampleInput, XFail


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


def s_diagflat(make, dt):
    yield SampleInput(make((2, 2), dt))
    yield SampleInput(make((3,), dt), -1)


def s_tri(make, dt):
    yield SampleInput(3, dtype=dt)
    yield SampleInput(2, 4, 1, dtype=dt)
    yield SampleInput(3, 2, -1)


def s_vander(make, dt):
    yield SampleInput(make((3,), dt, low=-3, high=3))
    yield SampleInput(make((4,), dt, low=-3, high=3), 3, True)
    yield SampleInput(make((2, 2), dt))                              # ValueError


def s_logspace(make, dt):
    yield SampleInput(0, 2, 5, dtype=dt)
    yield SampleInput(make((2,), dt, low=0, high=2), 3, 4, base=2.0, axis=1)
    yield SampleInput(1, 2, 3, endpoint=False, base=np.array([2.0, 3.0]))


def s_geomspace(make, dt):
    yield SampleInput(1, 1000, 4, dtype=dt)
    yield SampleInput(-2.0, -32.0, 5, endpoint=False)
    yield SampleInput(1j, 8j, 4)
    yield SampleInput(make((2,), dt, low=1, high=5), 100.0, 3, axis=-1)
    yield SampleInput(0, 3)                                          # ValueError


def s_fromfunction(make, dt):
    yield SampleInput(lambda i, j: i + 2 * j, (2, 3), dtype=dt)
    yield SampleInput(lambda i: i * 3, (4,))


def s_fromiter(make, dt):
    yield SampleInput(range(5), dt)
    yield SampleInput(range(5), dt, 3)
    yield SampleInput(range(2), dt, 4)                               # ValueError


def s_layout(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((), dt))


def s_require(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((2, 3), dt), requirements="C")
    yield SampleInput(make((2, 3), dt), np.float64, ["F", "W", "O"])
    yield SampleInput(make((2, 3), dt), requirements=["C", "F"])     # ValueError


def s_chkfinite(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(np.array([1.0, np.nan]), dtype=dt)


_HOST_SYNC = "reads values on the host (a value-dependent error), which breaks the graph"

op_db_creation += [
    OpInfo("diagflat", dtypes=ALL, samples=s_diagflat, supports_grad=True),
    OpInfo("tri", dtypes=ALL, samples=s_tri),
    OpInfo("vander", dtypes=ALL, samples=s_vander),
    OpInfo("logspace", dtypes=NUMERIC, samples=s_logspace),
    OpInfo("geomspace", dtypes=NUMERIC, samples=s_geomspace,
           xfails=[XFail(_HOST_SYNC, variants=["compile"])]),
    OpInfo("fromfunction", dtypes=NUMERIC, samples=s_fromfunction),
    OpInfo("fromiter", dtypes=NUMERIC, samples=s_fromiter, supports_compile=False),
    OpInfo("asfortranarray", dtypes=ALL, samples=s_layout),
    OpInfo("require", dtypes=ALL, samples=s_require),
    OpInfo("asarray_chkfinite", dtypes=ALL, samples=s_chkfinite,
           xfails=[XFail(_HOST_SYNC, variants=["compile"])]),
]
