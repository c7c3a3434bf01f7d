"""class ndarray: NumPy's array, wrapping exactly one torch.Tensor (``.tensor``).

This module defines the class, its slots and the attributes it answers from the tensor alone. It
imports nothing above ``_core.dtypes``: the methods, operators and Python protocols belong to the
NumPy chapters and are attached by ``torchnp/_array_methods.py``, which ``torchnp/__init__``
imports last (docs/design-notes.md, "Floors of the package").
"""
from torchnp._core import dtypes


class ndarray:
    """An N-dimensional array of numbers: NumPy's ndarray on a torch.Tensor.

    torchnp implementation of :class:`numpy.ndarray`. Construct arrays with ``torchnp.array``,
    ``zeros``, ... ; ``ndarray(shape, dtype)`` works as in NumPy (uninitialised data).
    """
    # _t: the tensor; _dt: its dtype, cached (Tensor.dtype costs ~200 ns); _base: what a view views;
    # _scalar: whether, when 0-d, it stands where NumPy returns a scalar (a computed result, not a
    # creation or a view). Such a "scalar" is immutable and hashable as NumPy's are: in-place
    # operators rebind, item assignment and out= raise TypeError (docs/differences.md).
    __slots__ = ("_t", "_dt", "_base", "_scalar", "__weakref__")
    __array_priority__ = 100.0

    def __hash__(self):
        if self._scalar and self._t.ndim == 0:
            return hash(self._t.item())         # host-sync: a scalar hashes by its value
        raise TypeError("unhashable type: 'numpy.ndarray'")

    # ----- attributes the tensor answers (the setters of shape, real, imag, flat are attached) ---
    @property
    def tensor(self):
        """The torch.Tensor underneath (shares memory)."""
        return self._t

    @property
    def shape(self):
        return tuple(self._t.shape)

    @property
    def ndim(self):
        return self._t.ndim

    @property
    def size(self):
        return self._t.numel()

    @property
    def dtype(self):
        return dtypes.NUMPY_OF_TORCH[self._dt]

    @property
    def itemsize(self):
        return self._t.element_size()

    @property
    def nbytes(self):
        return self._t.numel() * self._t.element_size()

    @property
    def strides(self):
        n = self._t.element_size()
        return tuple(s * n for s in self._t.stride())

    @property
    def base(self):
        return getattr(self, "_base", None)

    @property
    def device(self):
        return self._t.device
