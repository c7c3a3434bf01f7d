"""Index tricks: ``s_``, ``index_exp``, ``r_``, ``c_``, ``mgrid``, ``ogrid``, ``ndindex``,
``ndenumerate``.

torchnp implementations of the objects of NumPy's ``lib/_index_tricks_impl.py``. The builders
(``r_``, ``c_``, ``mgrid``, ``ogrid``) are written against torchnp's own public functions, so
their arrays live on the default device and follow torchnp's dtype rules.
"""
import itertools
import math

import numpy

from torchnp import _creation, _indexing, _manipulation
from torchnp._core import convert, promotion

# NumPy's own objects: indexing them returns the key itself (slices and tuples), no arrays.
index_exp = numpy.index_exp
s_ = numpy.s_

# The scalar types NumPy's r_ takes as weak scalars: Python's (NumPy scalar types are strong).
_PY_SCALARS = (int, float, complex, bool)


def _no_matrix():
    return TypeError("torchnp has no matrix class: the matrix forms of r_ and c_ ('r', 'c' "
                     "directives, strings of rows) are out of scope (docs/differences.md)")


def _slice_bounds(key):
    """(start, stop, step) of a slice with NumPy's defaults for the index builders."""
    start = 0 if key.start is None else key.start
    step = 1 if key.step is None else key.step
    return start, key.stop, step


def _is_complex_step(step):
    return isinstance(step, (complex, numpy.complexfloating))


class AxisConcatenator:
    """Translates slice objects to concatenation along an axis: the machinery of ``r_``, ``c_``.

    torchnp implementation of :class:`numpy.lib.index_tricks.AxisConcatenator`.
    """
    __slots__ = ("axis", "matrix", "ndmin", "trans1d")

    def __init__(self, axis=0, matrix=False, ndmin=1, trans1d=-1):
        if matrix:
            raise _no_matrix()
        self.axis = axis
        self.matrix = matrix
        self.trans1d = trans1d
        self.ndmin = ndmin

    def __len__(self):
        return 0

    def __getitem__(self, key):
        if isinstance(key, str):
            raise _no_matrix()
        if not isinstance(key, tuple):
            key = (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        objs = []
        dtype_objs = []        # dtypes, or Python scalars (weak in result_type, NEP 50)
        for k, item in enumerate(key):
            if isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                axis, ndmin, trans1d = _directive(item, axis, ndmin, trans1d)
                continue
            if isinstance(item, slice):
                obj = self._range(item, ndmin, trans1d)
            elif type(item) in _PY_SCALARS:
                objs.append(item)
                dtype_objs.append(item)
                continue
            else:
                obj = self._item(item, ndmin, trans1d)
            objs.append(obj)
            dtype_objs.append(obj.dtype)
        if dtype_objs:
            dt = promotion.result_type(*dtype_objs)
            objs = [_creation.array(o, copy=None, ndmin=ndmin, dtype=dt) for o in objs]
        return _manipulation.concatenate(tuple(objs), axis=axis)

    @staticmethod
    def _range(item, ndmin, trans1d):
        start, stop, step = _slice_bounds(item)
        if _is_complex_step(step):
            obj = _creation.linspace(start, stop, num=int(abs(step)))
        else:
            obj = _creation.arange(start, stop, step)
        if ndmin > 1:
            obj = _creation.array(obj, copy=None, ndmin=ndmin)
            if trans1d != -1:
                obj = obj.swapaxes(-1, trans1d)
        return obj

    @staticmethod
    def _item(item, ndmin, trans1d):
        item_ndim = _manipulation.ndim(item)
        obj = _creation.array(item, copy=None, ndmin=ndmin)
        if trans1d != -1 and item_ndim < ndmin:
            k2 = ndmin - item_ndim
            k1 = trans1d + k2 + 1 if trans1d < 0 else trans1d
            axes = list(range(ndmin))
            obj = obj.transpose(axes[:k1] + axes[k2:] + axes[k1:k2])
        return obj


def _directive(item, axis, ndmin, trans1d):
    """(axis, ndmin, trans1d) after a string directive: 'r'/'c' (matrix), '0,2,1', or '1'."""
    if item in ("r", "c"):
        raise _no_matrix()
    if "," in item:
        parts = item.split(",")
        try:
            axis, ndmin = (int(x) for x in parts[:2])
            if len(parts) == 3:
                trans1d = int(parts[2])
        except Exception as e:      # noqa: BLE001 - NumPy wraps any parse failure
            raise ValueError(f"unknown special directive {item!r}") from e
        return axis, ndmin, trans1d
    try:
        return int(item), ndmin, trans1d
    except (ValueError, TypeError) as e:
        raise ValueError("unknown special directive") from e


class RClass(AxisConcatenator):
    """Translates slice objects to concatenation along the first axis: ``r_``.

    torchnp implementation of :data:`numpy.r_` (the matrix forms are out of scope).
    """
    __slots__ = ()

    def __init__(self):
        AxisConcatenator.__init__(self, 0)


class CClass(AxisConcatenator):
    """Translates slice objects to concatenation along the second axis: ``c_``.

    torchnp implementation of :data:`numpy.c_`.
    """
    __slots__ = ()

    def __init__(self):
        AxisConcatenator.__init__(self, -1, ndmin=2, trans1d=0)


r_ = RClass()
c_ = CClass()


class nd_grid:
    """A multi-dimensional mesh grid built by indexing: the machinery of ``mgrid`` and ``ogrid``.

    torchnp implementation of NumPy's ``nd_grid``: a complex step ``5j`` means 5 points with the
    stop included; a real step excludes the stop, as ``arange``.
    """
    __slots__ = ("sparse",)

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, key):
        try:
            return self._grid(key)
        except (IndexError, TypeError):     # as NumPy: a single slice, not a tuple of them
            return self._one(key)

    def _grid(self, key):
        sizes, bounds = [], [0]
        for k in range(len(key)):
            start, stop, step = _slice_bounds(key[k])
            if _is_complex_step(step):
                step = abs(step)
                sizes.append(int(step))
            else:
                sizes.append(math.ceil((stop - start) / step))
            bounds += [start, stop, step]
        dt = promotion.result_type(*bounds)
        if self.sparse:
            grids = [_creation.arange(n, dtype=dt) for n in sizes]
        else:
            grids = _indexing.indices(sizes, dt)
        for k, item in enumerate(key):
            start, _, step = _slice_bounds(item)
            if _is_complex_step(step):
                n = int(abs(step))
                step = (item.stop - start) / float(n - 1) if n != 1 else n
            grids[k] = grids[k] * step + start
        if not self.sparse:
            return grids
        nd = len(sizes)
        return tuple(g.reshape((1,) * k + (-1,) + (1,) * (nd - k - 1))
                     for k, g in enumerate(grids))

    @staticmethod
    def _one(key):
        start, stop, step = _slice_bounds(key)
        if not _is_complex_step(step):
            return _creation.arange(start, stop, step)
        n = int(abs(step))
        dt = promotion.result_type(start, stop, abs(step))
        step = (stop - start) / float(n - 1) if n != 1 else n
        return _creation.arange(0, n, 1, dtype=dt) * step + start


class MGridClass(nd_grid):
    """A dense multi-dimensional mesh grid: ``mgrid[0:5, 0:3]``.

    torchnp implementation of :data:`numpy.mgrid`.
    """
    __slots__ = ()

    def __init__(self):
        super().__init__(sparse=False)


class OGridClass(nd_grid):
    """An open multi-dimensional mesh grid: ``ogrid[0:5, 0:3]``.

    torchnp implementation of :data:`numpy.ogrid`.
    """
    __slots__ = ()

    def __init__(self):
        super().__init__(sparse=True)


mgrid = MGridClass()
ogrid = OGridClass()


class ndindex:
    """An N-dimensional iterator over the indices of an array of the given shape, in C order.

    torchnp implementation of :class:`numpy.ndindex`: tuples of Python ints.
    """

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._it = itertools.product(*(range(n) for n in convert.shape_tuple(shape)))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """An iterator yielding (index tuple, value) pairs over an array, in C order.

    torchnp implementation of :class:`numpy.ndenumerate`. Each value is a 0-d array that stands
    for NumPy's scalar (docs/differences.md), a copy of the element.
    """

    def __init__(self, arr):
        self._t = _creation.asarray(arr)._t
        self._it = itertools.product(*(range(n) for n in self._t.shape))

    def __iter__(self):
        return self

    def __next__(self):
        index = next(self._it)
        return index, convert.wrap(self._t[index].clone())

