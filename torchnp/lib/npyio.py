"""``torchnp.lib.npyio``: ``NpzFile`` (torchnp's: the arrays of an ``.npz`` file, read as torchnp
arrays) and ``DataSource`` (NumPy's own: it opens local and remote files and returns file
objects, never arrays).

torchnp implementation of :mod:`numpy.lib.npyio`.
"""
from numpy.lib.npyio import DataSource  # noqa: F401 - re-exported: host-side file opener

from torchnp._io import NpzFile  # noqa: F401
