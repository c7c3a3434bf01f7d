"""``torchnp.lib``: the public parts of ``numpy.lib`` that are about arrays.

``stride_tricks`` (views with given shapes and strides), ``array_utils`` (axis helpers and
``byte_bounds``), ``format`` and ``npyio`` (the ``.npy`` / ``.npz`` helpers), ``scimath`` (the
same module as ``torchnp.emath``), and NumPy's own generic helpers, which work on torchnp arrays as they are: ``Arrayterator`` (iterates over blocks of any
sliceable array), ``NumpyVersion`` (parses version strings) and ``mixins``
(``NDArrayOperatorsMixin``, operators for classes that define ``__array_ufunc__``). The rest of
``numpy.lib`` is listed in ``torchnp/_allowlist.py`` with its reason.
"""
from numpy.lib import Arrayterator, NumpyVersion, mixins

from torchnp import emath as scimath
from torchnp.lib import array_utils, format, npyio, stride_tricks
