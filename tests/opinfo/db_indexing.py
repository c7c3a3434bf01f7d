"""Database: indexing routines (take, choose, where, diagonal, put-style functions)."""
import numpy as np

from opinfo.core import ALL, OpInfo, SampleInput, XFail


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


def _fill_diagonal(a, val, **kwargs):
    import torchnp
    module = torchnp if type(a) is torchnp.ndarray else np
    assert module.fill_diagonal(a, val, **kwargs) is None
    return a


def s_fill_diagonal(make, dt):
    yield SampleInput(make((3, 3), dt), make((), dt))
    yield SampleInput(make((5, 3), dt), make((2,), dt), wrap=True)
    yield SampleInput(make((5, 3), dt), make((2,), dt))
    yield SampleInput(make((3, 3, 3), dt), make((), dt))
    yield SampleInput(make((3,), dt), make((), dt))                  # ValueError


def s_mask_indices(make, dt):
    yield SampleInput(3, np.triu)
    yield SampleInput(4, np.tril, -1)


def s_unravel_index(make, dt):
    yield SampleInput(np.array([[1, 5], [0, 3]], dt), (2, 3))
    yield SampleInput(np.array([4, 2], dt), (3, 2), order="F")
    yield SampleInput(np.array(5, dt), (2, 3))
    yield SampleInput(np.array([6], dt), (2, 3))                    # ValueError


def s_ravel_multi_index(make, dt):
    yield SampleInput((np.array([1, 2], dt), np.array([0, 1], dt)), (3, 2))
    yield SampleInput((np.array([[1], [2]], dt), np.array([0, 1], dt)), (3, 2), order="F")
    yield SampleInput((np.array([3, 2], dt), np.array([0, 7], dt)), (3, 2), mode="wrap")
    yield SampleInput((np.array([3, 2], dt), np.array([0, 7], dt)), (3, 2), mode=("clip", "wrap"))
    yield SampleInput((np.array([3], dt), np.array([0], dt)), (3, 2))  # ValueError


def s_select(make, dt):
    c1 = np.array([True, False, False, True])
    c2 = np.array([False, True, False, True])
    yield SampleInput([c1, c2], [make((4,), dt), make((4,), dt)])
    yield SampleInput([c1, c2], [make((4,), dt), make((), dt)], make((), dt))
    yield SampleInput([c1[:, None]], [make((3,), dt)], 1)
    yield SampleInput([c1], [make((4,), dt), make((4,), dt)])        # ValueError


_INTEGERS = ("int8", "uint8", "int32", "int64", "uint64")
_HOST_SYNC = "reads values on the host (nonzero, a value-dependent error), which breaks the graph"
_NO_COMPILE = [XFail(_HOST_SYNC, variants=["compile"])]
_STRIDE0_TARGET = XFail("no NumPy counterpart: the non-contiguous variant hands fill_diagonal a "
                        "stride-0 (broadcast) target, which is read-only in NumPy too",
                        variants=["noncontiguous"])

op_db_indexing += [
    OpInfo("fill_diagonal", op=_fill_diagonal, ref=_fill_diagonal, dtypes=ALL,
           samples=s_fill_diagonal, xfails=_NO_COMPILE + [_STRIDE0_TARGET]),
    OpInfo("mask_indices", dtypes=("int64",), samples=s_mask_indices, xfails=_NO_COMPILE),
    OpInfo("unravel_index", dtypes=_INTEGERS, samples=s_unravel_index, xfails=_NO_COMPILE),
    OpInfo("ravel_multi_index", dtypes=_INTEGERS, samples=s_ravel_multi_index,
           xfails=_NO_COMPILE),
    OpInfo("select", dtypes=ALL, samples=s_select),
]
