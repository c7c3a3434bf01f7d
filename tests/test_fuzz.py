"""Differential fuzzing against NumPy: random programs run in NumPy and torchnp side by side.

Each example is a random program (``tests/fuzz_support.py``): arrays of random shapes (0-d, empty,
size-1 and broadcastable dimensions) of all 14 dtypes with edge values (signed zeros, infinities,
nan, dtype limits, subnormals), some of them strided or transposed views; then a sequence of
operations drawn at random: ufuncs with ``out=`` / ``where=`` / ``dtype=``, reductions with
``axis`` / ``keepdims``, indexing reads and writes with every kind of key, reshapes and
transposes, in-place operators, and the write functions (put, place, putmask, copyto, fill,
``flat``). After every step the result is compared with NumPy's (values, dtype, shape, memory
sharing, exception class), and so is every reference the program still holds.

The default run is deterministic (``derandomize=True``) and bounded for CI. For long local runs,
set ``TORCHNP_FUZZ_EXAMPLES=N`` (e.g. 20000): the examples are then drawn from a random seed
(``TORCHNP_FUZZ_SEED`` fixes it) so that every long run explores new programs::

    TORCHNP_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py -q -x

Documented differences are allowed only by the narrow rules named in ``fuzz_support.ALLOWED``.
"""
import os

import numpy
import pytest
import torch
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import torchnp
import fuzz_support
from helpers import assert_matches_numpy

_LONG = int(os.environ.get("TORCHNP_FUZZ_EXAMPLES", "0"))
_SETTINGS = settings(
    max_examples=_LONG or 1500,
    derandomize=not _LONG,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
    report_multiple_bugs=False,
)


def _seeded(fn):
    return seed(int(os.environ["TORCHNP_FUZZ_SEED"]))(fn) if "TORCHNP_FUZZ_SEED" in os.environ \
        else fn


@_seeded
@_SETTINGS
@given(st.data())
def test_random_programs_match_numpy(data):
    fuzz_support.run_program(data)


def test_allow_list_is_documented():
    """Every allow-list rule names its reason; the documented ones point at differences.md."""
    with open(os.path.join(os.path.dirname(__file__), "..", "docs", "differences.md")) as f:
        doc = f.read()
    for rule, reason in fuzz_support.ALLOWED.items():
        assert reason, rule
        if "differences.md" in reason:
            section = reason.split("differences.md, ")[-1].rstrip(")").split(")")[0]
            assert section in doc, (rule, section)


# ----- regressions for differences the fuzzer found (fixed) ---------------------------------------

_MASK = numpy.array([[True, False, True, False], [False, True, True, False],
                     [True, True, False, True]])
_WRITES = {
    "mask=scalar": lambda lib, a, m: a.__setitem__(m(_MASK), 3),
    "mask=array": lambda lib, a, m: a.__setitem__(m(_MASK), m(numpy.arange(7).astype(a.dtype))),
    "mask=1-element": lambda lib, a, m: a.__setitem__(m(_MASK), m(numpy.ones(1, a.dtype))),
    "row mask": lambda lib, a, m: a.__setitem__(m(_MASK[:, 0]), 3),
    "int array": lambda lib, a, m: a.__setitem__(m(numpy.array([0, 2])), 3),
    "two int arrays": lambda lib, a, m: a.__setitem__((m(numpy.array([0, 2])), [1, 3]), 3),
    "mixed": lambda lib, a, m: a.__setitem__((slice(None), [0, 2]), m(numpy.ones(2, a.dtype))),
    "0-d bool": lambda lib, a, m: a.__setitem__(True, 3),
    "put": lambda lib, a, m: lib.put(a, [0, 5], [1, 2]),
    "place": lambda lib, a, m: lib.place(a, m(_MASK), [1, 2]),
    "putmask": lambda lib, a, m: lib.putmask(a, m(_MASK), m(numpy.ones(3, a.dtype))),
    "flat[int]": lambda lib, a, m: a.flat.__setitem__(3, 1),
    "flat[slice]": lambda lib, a, m: a.flat.__setitem__(slice(1, 5), 1),
    "flat = ": lambda lib, a, m: setattr(a, "flat", [1, 2]),
    "transposed flat": lambda lib, a, m: a.T.flat.__setitem__(slice(1, 5), 1),
    "transposed mask": lambda lib, a, m: a.T.__setitem__(m(_MASK.T), 3),
    "put_along_axis": lambda lib, a, m: lib.put_along_axis(a, m(numpy.array([[0], [1], [2]])),
                                                           1, 1),
}


@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64", "float16", "bool"])
@pytest.mark.parametrize("write", list(_WRITES))
def test_write_paths_for_dtypes_torch_lacks_kernels_for(write, dtype):
    """torch has no index_put_ / masked_fill_ kernels for uint16/32/64 (was NotImplementedError)."""
    x = (numpy.arange(12).reshape(3, 4) % 5).astype(dtype)
    a = torchnp.asarray(x.copy())
    _WRITES[write](numpy, x, lambda k: k)
    _WRITES[write](torchnp, a, torchnp.asarray)
    assert_matches_numpy(a, x)


def test_uint32_mask_assignment_of_a_large_value():
    x = numpy.zeros(4, numpy.uint32)
    a = torchnp.asarray(x.copy())
    x[x == 0] = 2**32 - 1210
    a[a == 0] = 2**32 - 1210
    assert_matches_numpy(a, x)


def test_place_checks_the_mask_size():
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.place(numpy.zeros(1), numpy.array([False, False]), 0),
                      lambda: torchnp.place(torchnp.zeros(1), torchnp.array([False, False]), 0))


def test_complex_assigned_to_bool_tests_both_parts():
    x, a = numpy.zeros(3, bool), torchnp.zeros(3, bool)
    v = numpy.array([1j, 0, 1 + 0j], numpy.complex64)
    x[()] = v
    a[()] = torchnp.asarray(v)
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("dtype", ["float64", "int8", "bool"])
@pytest.mark.parametrize("value", [[1, 2], [1], numpy.array([[1]]), numpy.array(1), 2, []])
@pytest.mark.parametrize("key", [1, numpy.int8(1), numpy.array(1)])
def test_flat_item_assignment_takes_a_scalar(key, value, dtype):
    from helpers import raises_like_numpy
    x = numpy.zeros(3, dtype)
    a = torchnp.asarray(x.copy())
    try:
        x.flat[key] = value
    except ValueError:
        raises_like_numpy(lambda: numpy.zeros(3, dtype).flat.__setitem__(key, value),
                          lambda: a.flat.__setitem__(key, value))
        return
    a.flat[key] = value
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("key, value", [([0, 3], 255), ([0, 3], [255, 1]), ([0, 3], [1, 2, 3]),
                                        (5, 255), (-4, 255), ((5,), 255), ([0, 3], [300, 1])])
def test_setitem_reports_errors_in_numpys_order(key, value):
    """The value is converted before advanced indices are bounds-checked; a scalar key is
    checked first."""
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.zeros(3, numpy.int8).__setitem__(key, value),
                      lambda: torchnp.zeros(3, numpy.int8).__setitem__(key, value))


def test_setitem_checks_a_0d_index_array_first():
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.zeros(0).__setitem__(numpy.array(0), numpy.zeros(0)),
                      lambda: torchnp.zeros(0).__setitem__(torchnp.asarray(0), torchnp.zeros(0)))


@pytest.mark.parametrize("dtype", ["float16", "float32", "complex64"])
@pytest.mark.parametrize("value", [2**31, 1e300, -1e300, 65519.0, 65520.0, 3.5e38, 2**70,
                                   complex(1e300, 1)])
@pytest.mark.parametrize("key", [slice(1, None), 1, [0, 2], (numpy.array([True, False, True]),)])
def test_assigning_a_python_number_beyond_a_narrow_float_range(key, value, dtype):
    """NumPy's cast gives inf (or the max); torch's fill_ raised RuntimeError (overflow)."""
    x = numpy.zeros(3, dtype)
    a = torchnp.asarray(x.copy())
    try:
        with numpy.errstate(over="ignore"):
            x[key] = value
    except TypeError:                     # complex into a real array
        with pytest.raises(TypeError):
            a[key] = value
        return
    a[key] = value
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("key", [5, numpy.array([5]), slice(0, 2), numpy.array([True, False])])
def test_flat_assignment_reports_errors_in_numpys_order(key):
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.zeros(3, numpy.int8).flat.__setitem__(key, 255),
                      lambda: torchnp.zeros(3, numpy.int8).flat.__setitem__(key, 255))


def test_put_converts_values_before_checking_indices():
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.put(numpy.zeros(1, numpy.int8), [0, 1], 255),
                      lambda: torchnp.put(torchnp.zeros(1, numpy.int8), [0, 1], 255))


@pytest.mark.parametrize("dtype", ["uint16", "uint32", "uint64"])
@pytest.mark.parametrize("key", [slice(None, None, -1), (slice(None, None, -2), [0, 1]),
                                 ([0, 2], slice(None, None, -1))])
def test_assignment_through_negative_steps_for_uint_dtypes(key, dtype):
    """torch has no flip kernel for uint16/32/64 (was NotImplementedError)."""
    x = numpy.zeros((3, 3), dtype)
    a = torchnp.asarray(x.copy())
    v = numpy.arange(9).reshape(3, 3).astype(dtype)[key]
    x[key] = v
    a[key] = torchnp.asarray(v)
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("key", [[5], 5, slice(0, 2), numpy.array([True, False])])
def test_flat_assignment_of_an_empty_value(key):
    from helpers import raises_like_numpy
    x, a = numpy.zeros(3), torchnp.zeros(3)
    try:
        x.flat[key] = []
    except IndexError:
        raises_like_numpy(lambda: numpy.zeros(3).flat.__setitem__(key, []),
                          lambda: a.flat.__setitem__(key, []))
        return
    a.flat[key] = []
    assert_matches_numpy(a, x)


@pytest.mark.parametrize("shapes", [((0,), (1,)), ((0, 1), (1, 2)), ((0,), ())])
def test_integer_power_with_negative_exponents_and_an_empty_result(shapes):
    """NumPy's loop raises for a negative integer exponent; an empty result runs no loop."""
    x, y = numpy.zeros(shapes[0], numpy.int8), numpy.full(shapes[1], -3, numpy.int8)
    assert_matches_numpy(torchnp.power(torchnp.asarray(x), torchnp.asarray(y)), numpy.power(x, y))
    assert_matches_numpy(torchnp.asarray(x) ** -1, x ** -1)


@pytest.mark.parametrize("ind, v, mode", [([0], [], "wrap"), ([0], [1], "raise"),
                                          ([], [1], "raise"), ([0], [1], "clip"), ([], [], "wrap"),
                                          ([0], [255], "raise")])
def test_put_into_an_empty_array(ind, v, mode):
    from helpers import raises_like_numpy
    try:
        numpy.put(numpy.zeros((1, 0), numpy.int8), ind, v, mode=mode)
    except IndexError:
        raises_like_numpy(lambda: numpy.put(numpy.zeros((1, 0), numpy.int8), ind, v, mode=mode),
                          lambda: torchnp.put(torchnp.zeros((1, 0), numpy.int8), ind, v,
                                              mode=mode))
        return
    torchnp.put(torchnp.zeros((1, 0)), ind, v, mode=mode)


@pytest.mark.parametrize("mask", [True, False])
def test_0d_mask_assignment_of_a_2d_value(mask):
    from helpers import raises_like_numpy
    raises_like_numpy(lambda: numpy.zeros(()).__setitem__(numpy.array(mask), numpy.zeros((1, 0))),
                      lambda: torchnp.zeros(()).__setitem__(torchnp.asarray(mask),
                                                            torchnp.zeros((1, 0))))
