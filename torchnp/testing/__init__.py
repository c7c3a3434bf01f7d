"""torchnp.testing: numpy.testing for torchnp arrays, tensors, NumPy arrays and scalars.

The comparisons (``assert_allclose``, ``assert_array_equal``, ...) are NumPy's own, run on host
copies of torchnp arrays and tensors (``_asserts.host``), so they pass and fail as NumPy's do, with
NumPy's messages. Everything here that never looks inside an array (``assert_raises``,
``suppress_warnings``, the platform flags, ...) is NumPy's own object.
"""
from numpy.testing import (  # noqa: F401  (NumPy's own: they never look inside an array)
    HAS_REFCOUNT, IS_64BIT, IS_MUSL, IS_PYPY, IS_PYSTON, IS_WASM, NOGIL_BUILD, IgnoreException,
    KnownFailureException, SkipTest, TestCase, assert_, assert_no_gc_cycles, assert_no_warnings,
    assert_raises, assert_raises_regex, assert_string_equal, assert_warns, break_cycles,
    clear_and_catch_warnings, decorate_methods, jiffies, measure, memusage, run_threaded, rundocs,
    runstring, suppress_warnings, tempdir, temppath,
)

from torchnp.testing._asserts import (  # noqa: F401
    assert_allclose, assert_almost_equal, assert_approx_equal, assert_array_almost_equal,
    assert_array_almost_equal_nulp, assert_array_compare, assert_array_equal, assert_array_less,
    assert_array_max_ulp, assert_equal, build_err_msg, print_assert_equal,
)
