"""numpy.testing's comparisons on torchnp arrays: host copies handed to NumPy's own functions.

Host-side code (DESIGN.md 3.2): a test's verdict and message are NumPy's, the same text for the
same numbers, because the comparison is NumPy's own on host copies of the values. What each input
becomes, recursively through lists, tuples and dicts:

- a torchnp array: a NumPy array (a host copy from any device, detached, conjugation resolved);
  a torchnp 0-d result that stands where NumPy returns a scalar (``ndarray._scalar``) becomes that
  NumPy scalar, so ``assert_equal`` treats it as NumPy treats its scalar (signed zeros compared);
- a torch tensor: a NumPy array, as ``torchnp.asarray`` sees it;
- anything else (NumPy arrays and scalars, Python numbers, strings): itself.
"""
import numpy.testing as _nt
import torch

from torchnp._core import convert
from torchnp._core.ndarray import ndarray
from torchnp._creation import asarray, to_numpy


def _host_array(a):
    """A torchnp array's values on the host, as NumPy's array or (a scalar result) scalar."""
    if a._t.device.type == "meta":
        raise ValueError("an array on the meta device has no values to compare")
    x = to_numpy(a)             # host-sync: the comparison reads every value
    return x[()] if convert.is_scalar_like(a) else x


def host(x):
    """``x`` as NumPy's testing functions see it: torchnp arrays and tensors as NumPy's, inside
    lists, tuples and dicts too (a new list / tuple / dict only where something changed)."""
    if isinstance(x, ndarray):
        return _host_array(x)
    if isinstance(x, torch.Tensor):
        return _host_array(asarray(x))
    if isinstance(x, (list, tuple)):
        items = [host(e) for e in x]
        if all(a is b for a, b in zip(items, x)):
            return x
        return items if isinstance(x, list) else tuple(items)
    if isinstance(x, dict):
        items = {k: host(v) for k, v in x.items()}
        return x if all(items[k] is v for k, v in x.items()) else items
    return x


def assert_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Raises an AssertionError if two objects are not equal.

    torchnp implementation of :func:`numpy.testing.assert_equal`.
    """
    __tracebackhide__ = True
    _nt.assert_equal(host(actual), host(desired), err_msg, verbose, strict=strict)


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """Raises an AssertionError if two items are not equal up to desired precision.

    torchnp implementation of :func:`numpy.testing.assert_almost_equal`.
    """
    __tracebackhide__ = True
    _nt.assert_almost_equal(host(actual), host(desired), decimal, err_msg, verbose)


def assert_approx_equal(actual, desired, significant=7, err_msg="", verbose=True):
    """Raises an AssertionError if two items are not equal up to significant digits.

    torchnp implementation of :func:`numpy.testing.assert_approx_equal`.
    """
    __tracebackhide__ = True
    _nt.assert_approx_equal(host(actual), host(desired), significant, err_msg, verbose)


def assert_array_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Raises an AssertionError if two array_like objects are not equal.

    torchnp implementation of :func:`numpy.testing.assert_array_equal`.
    """
    __tracebackhide__ = True
    _nt.assert_array_equal(host(actual), host(desired), err_msg, verbose, strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg="", verbose=True):
    """Raises an AssertionError if two objects are not equal up to desired precision.

    torchnp implementation of :func:`numpy.testing.assert_array_almost_equal`.
    """
    __tracebackhide__ = True
    _nt.assert_array_almost_equal(host(actual), host(desired), decimal, err_msg, verbose)


def assert_array_less(x, y, err_msg="", verbose=True, *, strict=False):
    """Raises an AssertionError if two array_like objects are not ordered by less than.

    torchnp implementation of :func:`numpy.testing.assert_array_less`.
    """
    __tracebackhide__ = True
    _nt.assert_array_less(host(x), host(y), err_msg, verbose, strict=strict)


def assert_allclose(actual, desired, rtol=1e-7, atol=0, equal_nan=True, err_msg="",
                    verbose=True, *, strict=False):
    """Raises an AssertionError if two objects are not equal up to desired tolerance.

    torchnp implementation of :func:`numpy.testing.assert_allclose`.
    """
    __tracebackhide__ = True
    _nt.assert_allclose(host(actual), host(desired), host(rtol), host(atol), equal_nan, err_msg,
                        verbose, strict=strict)


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Compare two arrays relatively to their spacing.

    torchnp implementation of :func:`numpy.testing.assert_array_almost_equal_nulp`.
    """
    __tracebackhide__ = True
    _nt.assert_array_almost_equal_nulp(host(x), host(y), host(nulp))


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Check that all items of arrays differ in at most N Units in the Last Place.

    torchnp implementation of :func:`numpy.testing.assert_array_max_ulp`.
    """
    __tracebackhide__ = True
    return asarray(_nt.assert_array_max_ulp(host(a), host(b), host(maxulp), dtype))


def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="", precision=6,
                         equal_nan=True, equal_inf=True, *, strict=False,
                         names=("ACTUAL", "DESIRED")):
    """Compare two arrays with ``comparison`` (a callable of two arrays), NumPy's way.

    torchnp implementation of :func:`numpy.testing.assert_array_compare`; ``comparison`` gets
    NumPy arrays, and what it returns (a torchnp array too) is read on the host.
    """
    __tracebackhide__ = True

    def compare(a, b):
        return host(comparison(a, b))

    _nt.assert_array_compare(compare, host(x), host(y), err_msg, verbose, header, precision,
                             equal_nan, equal_inf, strict=strict, names=names)


def build_err_msg(arrays, err_msg, header="Items are not equal:", verbose=True,
                  names=("ACTUAL", "DESIRED"), precision=8):
    """NumPy's failure message for ``arrays``.

    torchnp implementation of :func:`numpy.testing.build_err_msg`.
    """
    return _nt.build_err_msg(host(list(arrays)), err_msg, header, verbose, names, precision)


def print_assert_equal(test_string, actual, desired):
    """Test if two objects are equal, and print an error message if test fails.

    torchnp implementation of :func:`numpy.testing.print_assert_equal`.
    """
    __tracebackhide__ = True
    _nt.print_assert_equal(test_string, host(actual), host(desired))

