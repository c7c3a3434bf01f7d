"""The operator database: one entry per public operator, one file per NumPy reference chapter.

``op_db`` holds the entries whose operator exists in torchnp now (entries may be written before
their operator lands); ``all_entries`` holds them all.
"""
from opinfo.db_creation import op_db_creation
from opinfo.db_fft import op_db_fft
from opinfo.db_histograms import op_db_histograms
from opinfo.db_indexing import op_db_indexing
from opinfo.db_linalg import op_db_linalg
from opinfo.db_io import op_db_io
from opinfo.db_manipulation import op_db_manipulation
from opinfo.db_order_statistics import op_db_order_statistics
from opinfo.db_math import op_db_math
from opinfo.db_math2 import op_db_math2
from opinfo.db_polynomial import op_db_polynomial
from opinfo.db_polynomial_package import op_db_polynomial_package
from opinfo.db_namespace import op_db_namespace
from opinfo.db_products import op_db_products
from opinfo.db_reductions import op_db_reductions
from opinfo.db_setops import op_db_setops
from opinfo.db_sorting import op_db_sorting
from opinfo.db_window import op_db_window
from opinfo.grad_support import apply_grad_support
from opinfo.known_bugs import KNOWN_BUGS, VALUE_DIFFS

all_entries = (                   # one line per database file: merges add lines, not edit them
    op_db_math
    + op_db_reductions
    + op_db_manipulation
    + op_db_creation
    + op_db_indexing
    + op_db_sorting
    + op_db_products
    + op_db_linalg
    + op_db_window
    + op_db_polynomial
    + op_db_io
    + op_db_fft
    + op_db_setops
    + op_db_order_statistics
    + op_db_histograms
    + op_db_namespace
    + op_db_math2
    + op_db_polynomial_package
)
for _op in all_entries:           # bugs found by the generated tests, kept in one place
    _op.xfails += tuple(KNOWN_BUGS.get(_op.name, ()))
    if _op.name in VALUE_DIFFS:
        _op.value_diffs = tuple(VALUE_DIFFS[_op.name])
apply_grad_support(all_entries)   # the gradcheck variant for every differentiable entry
op_db = [op for op in all_entries if op.exists()]
