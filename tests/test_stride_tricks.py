"""``torchnp.lib.stride_tricks`` and the memory-overlap predicates against NumPy.

torchnp arrays made from NumPy arrays share their memory (zero-copy), so NumPy's answers about the
same bytes are the oracle: views from ``as_strided`` / ``sliding_window_view`` must select the
elements NumPy's do, and ``shares_memory`` / ``may_share_memory`` must say what NumPy says.
"""
import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

st = torchnp.lib.stride_tricks


def _views_of(host):
    """The torchnp array over ``host``'s memory (no copy)."""
    a = torchnp.asarray(host)
    assert a.tensor.data_ptr() == host.ctypes.data or host.size == 0
    return a


# ----- as_strided ---------------------------------------------------------------------------------
def _strided_cases(m):
    x = m.arange(12.0)
    b = m.arange(12, dtype=m.int16).reshape(3, 4)
    return {
        "default": lambda: m.lib.stride_tricks.as_strided(x),
        "new shape, contiguous": lambda: m.lib.stride_tricks.as_strided(x, (3, 4)),
        "overlapping rows": lambda: m.lib.stride_tricks.as_strided(x, (4, 3), (8, 8)),
        "a repeated row": lambda: m.lib.stride_tricks.as_strided(x, (2, 3), (0, 8)),
        "of a view": lambda: m.lib.stride_tricks.as_strided(x[2:], (3,), (16,)),
        "of a transposed view": lambda: m.lib.stride_tricks.as_strided(b.T, (2, 2)),
        "int16": lambda: m.lib.stride_tricks.as_strided(b, (3, 3), (8, 2)),
        "empty": lambda: m.lib.stride_tricks.as_strided(x, (0, 3), (8, 8)),
        "0-d": lambda: m.lib.stride_tricks.as_strided(x, (), ()),
        "lists": lambda: m.lib.stride_tricks.as_strided([1, 2, 3], (2,), (8,)),
        "strides only": lambda: m.lib.stride_tricks.as_strided(x[:4], strides=(16,)),
    }


@pytest.mark.parametrize("case", [c for c in _strided_cases(numpy) if c != "of a transposed view"])
def test_as_strided_matches_numpy(case):
    assert_matches_numpy(_strided_cases(torchnp)[case](), _strided_cases(numpy)[case]())


def test_as_strided_of_a_non_contiguous_array_keeps_its_strides():
    host = numpy.arange(12, dtype=numpy.int16).reshape(3, 4).T
    raises_like_numpy(lambda: numpy.lib.stride_tricks.as_strided(host, (12,)),
                      lambda: st.as_strided(_views_of(host), (12,)))
    assert_matches_numpy(st.as_strided(_views_of(host), (2, 2)),
                         numpy.lib.stride_tricks.as_strided(host, (2, 2)))


def test_as_strided_views_share_memory():
    host = numpy.arange(8.0)
    a = _views_of(host)
    v = st.as_strided(a, (3, 2), (16, 8))
    assert v.base is a and torchnp.shares_memory(v, a)
    v[1, 0] = -1.0                                   # writes reach the array (and NumPy's)
    assert host[2] == -1.0
    numpy.testing.assert_array_equal(v.tensor.numpy(),
                                     numpy.lib.stride_tricks.as_strided(host, (3, 2), (16, 8)))


def test_as_strided_writeable_false_is_accepted():
    a = torchnp.arange(6)
    v = st.as_strided(a, (2, 3), writeable=False, subok=True)
    assert_matches_numpy(v, numpy.arange(6).reshape(2, 3))


def test_as_strided_gradient_reaches_overlapping_elements():
    x = torchnp.asarray([1.0, 2.0, 3.0, 4.0], requires_grad=True)
    st.as_strided(x, (3, 2), (8, 8)).sum().backward()
    numpy.testing.assert_array_equal(x.grad.tensor.numpy(), [1, 2, 2, 1])


@pytest.mark.parametrize("args", [((3, 2), (8,)), ((-1,), (8,)), ((2,), (2.5,))], ids=repr)
def test_as_strided_errors_as_numpy(args):
    host = numpy.arange(6.0)
    raises_like_numpy(lambda: numpy.lib.stride_tricks.as_strided(host, *args),
                      lambda: st.as_strided(_views_of(host), *args))


@pytest.mark.parametrize("strides", [(4,), (-8,), (12,)], ids=repr)
def test_strides_torch_cannot_express_raise_not_implemented(strides):
    with pytest.raises(NotImplementedError, match="itemsize"):
        st.as_strided(torchnp.arange(6.0), (2,), strides)


def test_a_view_outside_the_memory_raises_value_error():
    with pytest.raises(ValueError, match="outside"):
        st.as_strided(torchnp.arange(4.0), (10,), (8,))


# ----- sliding_window_view ------------------------------------------------------------------------
def _window_cases(m):
    x = m.arange(6)
    b = m.arange(20.0).reshape(4, 5)
    swv = m.lib.stride_tricks.sliding_window_view
    return {
        "1-D": lambda: swv(x, 3),
        "2-D": lambda: swv(b, (2, 3)),
        "one axis": lambda: swv(b, 2, axis=0),
        "negative axis": lambda: swv(b, [3], axis=[-1]),
        "axis twice": lambda: swv(b, (2, 2), axis=(1, 1)),
        "stepped": lambda: swv(x, 3)[::2],
        "of a transposed view": lambda: swv(b.T, (2, 2)),
        "of a strided view": lambda: swv(b[:, ::2], 2, axis=1),
        "window 0": lambda: swv(x, 0),
        "whole": lambda: swv(x, 6),
        "list input": lambda: swv([1, 2, 3, 4], 2),
        "moving average": lambda: swv(m.arange(6.0), 3).mean(axis=-1),
    }


@pytest.mark.parametrize("case", list(_window_cases(numpy)))
def test_sliding_window_view_matches_numpy(case):
    assert_matches_numpy(_window_cases(torchnp)[case](), _window_cases(numpy)[case]())


def _window_errors(m):
    swv = m.lib.stride_tricks.sliding_window_view
    b = m.arange(20.0).reshape(4, 5)
    return {
        "too large": lambda: swv(b, (5, 2)),
        "negative": lambda: swv(b, (-1, 2)),
        "axis None, one size": lambda: swv(b, 2),
        "lengths differ": lambda: swv(b, (2, 2), axis=0),
        "axis out of range": lambda: swv(b, 2, axis=2),
        "float window": lambda: swv(b, 2.0, axis=0),
    }


@pytest.mark.parametrize("case", list(_window_errors(numpy)))
def test_sliding_window_view_errors(case):
    raises_like_numpy(_window_errors(numpy)[case], _window_errors(torchnp)[case])


def test_sliding_window_view_shares_memory_with_the_input():
    host = numpy.arange(8.0)
    a = _views_of(host)
    v = st.sliding_window_view(a, 3)
    expected = numpy.lib.stride_tricks.sliding_window_view(host, 3)
    assert v.strides == expected.strides and v.base is a
    assert torchnp.shares_memory(v, a)


def test_sliding_window_view_is_read_only_unless_asked():
    a = torchnp.arange(5)
    x = numpy.arange(5)
    assert st.sliding_window_view(a, 2).flags.writeable is \
        numpy.lib.stride_tricks.sliding_window_view(x, 2).flags.writeable is False
    with pytest.raises(ValueError, match="read-only"):
        st.sliding_window_view(a, 2)[0, 1] = 9
    st.sliding_window_view(a, 2, writeable=True)[0, 1] = 9
    assert int(a[1]) == 9


# ----- shares_memory, may_share_memory ------------------------------------------------------------
def _pairs():
    a = numpy.arange(24.0)
    b = a.reshape(4, 6)
    return {
        "same": (a, a),
        "disjoint halves": (a[:12], a[12:]),
        "interleaved": (a[::2], a[1::2]),
        "interleaved overlap": (a[::2], a[2::4]),
        "columns": (b[:, :3], b[:, 3:]),
        "column and row": (b[:, 2], b[1]),
        "column and other row": (b[1:, 2], b[0]),
        "transposed": (b, b.T),
        "other dtype view": (a.view(numpy.int32)[1::2], a),
        "other dtype, gaps": (a.view(numpy.int32)[1::4], a[::2]),
        "empty": (a[:0], a),
        "other arrays": (a, numpy.arange(24.0)),
        "a list": (a, [1.0, 2.0]),
        "strided blocks": (b[::2, ::3], b[1::2, 1::3]),
        "3-D": (a.reshape(2, 3, 4)[:, ::2, 1:], a.reshape(2, 3, 4)[:, 1, :2]),
    }


def _mirror(x):
    return _views_of(x) if isinstance(x, numpy.ndarray) else x


@pytest.mark.parametrize("max_work", [None, 0, -1, 1])
@pytest.mark.parametrize("case", list(_pairs()))
def test_memory_overlap_matches_numpy(case, max_work):
    x, y = _pairs()[case]
    kw = {} if max_work is None else {"max_work": max_work}
    for name in ("shares_memory", "may_share_memory"):
        try:
            expected = getattr(numpy, name)(x, y, **kw)
        except numpy.exceptions.TooHardError:
            with pytest.raises(numpy.exceptions.TooHardError):
                getattr(torchnp, name)(_mirror(x), _mirror(y), **kw)
            continue
        assert getattr(torchnp, name)(_mirror(x), _mirror(y), **kw) == expected, name


def test_memory_overlap_of_torchnp_views():
    a = torchnp.arange(10)
    assert torchnp.shares_memory(a[2:5], a[4:])
    assert not torchnp.shares_memory(a[::2], a[1::2])
    assert torchnp.may_share_memory(a[::2], a[1::2])
    assert not torchnp.shares_memory(a, a.copy())
    assert torchnp.shares_memory(a.tensor, a)            # a tensor is the array's memory


def test_arrays_on_different_devices_share_nothing():
    a = torchnp.asarray(torch.zeros(3, device="meta"))
    assert not torchnp.shares_memory(a, torchnp.zeros(3))


def test_memory_overlap_reads_data_as_numpy():
    """Data that is no array becomes a new one (sharing nothing), with NumPy's errors."""
    a = numpy.arange(3)
    for name in ("shares_memory", "may_share_memory"):
        raises_like_numpy(lambda: getattr(numpy, name)(a, [[1, 2], [3]]),
                          lambda: getattr(torchnp, name)(_mirror(a), [[1, 2], [3]]))
        with pytest.raises(TypeError, match="does not support"):    # NumPy: an object array
            getattr(torchnp, name)(_mirror(a), object())


def test_max_work_none_is_the_default():
    x, y = _pairs()["interleaved"]
    assert torchnp.may_share_memory(_mirror(x), _mirror(y), max_work=None) == \
        numpy.may_share_memory(x, y, max_work=None)
    assert torchnp.shares_memory(_mirror(x), _mirror(y), max_work=None) == \
        numpy.shares_memory(x, y, max_work=None)


@pytest.mark.parametrize("max_work", [-3, 2.5, "1"], ids=repr)
def test_bad_max_work(max_work):
    a = numpy.arange(3)
    raises_like_numpy(lambda: numpy.shares_memory(a, a, max_work=max_work),
                      lambda: torchnp.shares_memory(_mirror(a), _mirror(a), max_work=max_work))
