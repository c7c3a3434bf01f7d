"""Database: indexing routines (take, choose, where, diagonal, put-style functions)."""
import numpy as np

from opinfo.core import ALL, OpInfo, SampleInput


def s_take(make, dt):
    yield SampleInput(make((3, 4), dt), np.array([0, 5, 11]))
    yield SampleInput(make((3, 4), dt), np.array([[0, 2], [1, 1]]), axis=1)
    yield SampleInput(make((3, 4), dt), np.array([-1, 0]), axis=0)
    yield SampleInput(make((3, 4), dt), np.array([4]), axis=0)                # IndexError
    yield SampleInput(make((3, 4), dt), np.array([7]), axis=0, mode="clip")


def s_where(make, dt):
    cond = np.array([[True, False, True], [False, False, True]])
    yield SampleInput(cond, make((2, 3), dt), make((2, 3), dt))
    yield SampleInput(cond, make((3,), dt), 0)


def s_diagonal(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((3, 4), dt), 1)
    yield SampleInput(make((2, 3, 4), dt), 0, 2, 1)


def s_take_along_axis(make, dt):
    yield SampleInput(make((3, 4), dt), np.array([[0], [3], [1]]), 1)
    yield SampleInput(make((3, 4), dt), np.array([[2, 0, 1, 1]]), axis=0)


def s_choose(make, dt):
    yield SampleInput(np.array([0, 1, 1, 0]), [make((4,), dt), make((4,), dt)])


def s_compress(make, dt):
    yield SampleInput(np.array([True, False, True]), make((3, 2), dt), axis=0)


def s_extract(make, dt):
    yield SampleInput(np.array([[True, False], [False, True]]), make((2, 2), dt))


op_db_indexing = [
    OpInfo("take", dtypes=ALL, samples=s_take, method="take", supports_out=True),
    OpInfo("where", dtypes=ALL, samples=s_where),
    OpInfo("diagonal", dtypes=ALL, samples=s_diagonal, method="diagonal"),
    OpInfo("trace", dtypes=ALL, samples=s_diagonal, method="trace"),
    OpInfo("take_along_axis", dtypes=ALL, samples=s_take_along_axis),
    OpInfo("choose", dtypes=ALL, samples=s_choose),
    OpInfo("compress", dtypes=ALL, samples=s_compress),
    OpInfo("extract", dtypes=ALL, samples=s_extract),
]


def s_n(make, dt):
    yield SampleInput(3)
    yield SampleInput(4, 2)


def s_from(make, dt):
    yield SampleInput(make((3, 3), dt))


def s_indices(make, dt):
    yield SampleInput((2, 3))
    yield SampleInput((2, 3), sparse=True)


def s_ix(make, dt):
    yield SampleInput(np.array([0, 2]), np.array([1, 3, 4]))


op_db_indexing += [
    OpInfo("diag_indices", dtypes=("int64",), samples=s_n),
    OpInfo("diag_indices_from", dtypes=ALL, samples=s_from),
    OpInfo("tril_indices", dtypes=("int64",), samples=s_n),
    OpInfo("triu_indices", dtypes=("int64",), samples=s_n),
    OpInfo("tril_indices_from", dtypes=ALL, samples=s_from),
    OpInfo("triu_indices_from", dtypes=ALL, samples=s_from),
    OpInfo("indices", dtypes=("int64",), samples=s_indices),
    OpInfo("ix_", dtypes=("int64",), samples=s_ix),
]
