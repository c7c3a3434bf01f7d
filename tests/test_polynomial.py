"""Polynomials, the legacy API: the poly1d class and the edge cases of the functions (the database
covers the ordinary calls). NumPy is the oracle: each expression runs with ``np`` bound to NumPy
and to torchnp; poly1d results compare by coefficients and variable."""
import pickle
import warnings

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy

NAMES = {"I8": numpy.int8, "U8": numpy.uint8, "U64": numpy.uint64, "F16": numpy.float16,
         "F32": numpy.float32, "C64": numpy.complex64, "nan": numpy.nan, "inf": numpy.inf}


def _run(np, expr):
    with warnings.catch_warnings(), numpy.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return eval(expr, dict(NAMES, np=np)), None        # noqa: S307 - our own table
        except Exception as e:      # noqa: BLE001 - the class is what we compare
            return None, e


def _compare(actual, expected, rtol):
    if isinstance(expected, numpy.poly1d):
        assert isinstance(actual, torchnp.poly1d), f"expected a poly1d, got {type(actual)}"
        assert actual.variable == expected.variable
        assert_matches_numpy(actual.coeffs, expected.coeffs, rtol=rtol, atol=1e-12)
    elif isinstance(expected, (tuple, list)):
        assert type(actual) is type(expected) and len(actual) == len(expected)
        for a, e in zip(actual, expected):
            _compare(a, e, rtol)
    else:
        assert_matches_numpy(actual, expected, rtol=rtol, atol=1e-12)


def check(expr, rtol=1e-12):
    expected, np_exc = _run(numpy, expr)
    actual, exc = _run(torchnp, expr)
    if np_exc is not None:
        raises_like_numpy(lambda: eval(expr, dict(NAMES, np=numpy)),     # noqa: S307
                          lambda: eval(expr, dict(NAMES, np=torchnp)))   # noqa: S307
        return
    assert exc is None, f"{expr}: torchnp raised {exc!r}; NumPy returned {expected!r}"
    _compare(actual, expected, rtol)


# ----- the functions at their edges --------------------------------------------------------------
FUNCTIONS = [
    "np.polymul([True], [True, False])", "np.polymul(np.asarray([1, 2], I8), np.asarray([3], I8))",
    "np.polymul(np.asarray([1, 2], U64), np.asarray([3], I8))", "np.polymul([1, 2], [])",
    "np.polymul([], [])", "np.polymul([0, 0], [1])", "np.polymul([1j, 2], [3, 1 - 1j, 2])",
    "np.polymul(np.asarray([1, 2, 3], F32), [1.0])", "np.polymul([[1, 2]], [1])",
    "np.polyadd([1, 2], [3])", "np.polyadd(np.asarray([1, 2], I8), np.asarray([3], U8))",
    "np.polyadd([[1, 2]], [3])", "np.polyadd([[1, 2], [3, 4]], [3, 4, 5])", "np.polyadd(5, 3)",
    "np.polyadd([], [1])", "np.polysub([True], [True])", "np.polysub([1], [1, 2, 3])",
    "np.polyval([1, 2, 3], 2)", "np.polyval([1, 2, 3], np.asarray(2))",
    "np.polyval(np.asarray([1, 2, 3], I8), np.asarray([2], I8))",
    "np.polyval([1.5], np.asarray([2], I8))", "np.polyval([], np.asarray([2.]))",
    "np.polyval(3, 2)", "np.polyval([1, 2, 3], [[1, 2], [3, 4]])",
    "np.polyval(np.asarray([1, 2], F32), 2.5)", "np.polyval([1j, 2], np.asarray([2.5]))",
    "np.polyval([1, 2], np.asarray([inf, -inf, nan, -0.0]))",
    "np.polyder([1, 2, 3], 0)", "np.polyder([1, 2, 3], 5)", "np.polyder([1, 2, 3], -1)",
    "np.polyder([True, False])", "np.polyder(np.asarray([1, 2], I8))", "np.polyder(5)",
    "np.polyder(5, 0)", "np.polyder([1, 2, 3], 1.5)", "np.polyder([[1, 2], [3, 4]])",
    "np.polyint([1, 2, 3], 2, [1, 2])", "np.polyint([1, 2, 3], 2, 5)",
    "np.polyint([1, 2, 3], 3, [1, 2])", "np.polyint([1, 2, 3], 3, [1, 2, 3, 4])",
    "np.polyint(np.asarray([1, 2], F32))", "np.polyint(np.asarray([1, 2], F16))",
    "np.polyint(np.asarray([1, 2], C64), 1, 1j)", "np.polyint([1, 2, 3], 0)", "np.polyint(5)",
    "np.polyint([True])", "np.polyint([1, 2], -1)", "np.polyint([1, 2, 3], 2, [[1, 2]])",
    "np.polyint([1, 2, 3], 1, np.asarray([7], I8))",
    "np.roots([1, -3, 2])", "np.roots([1, 0, 1])", "np.roots([0, 0, 1, -3, 2, 0, 0])",
    "np.roots([0, 0])", "np.roots([5])", "np.roots([0, 5, 0])",
    "np.roots(np.asarray([1, -3, 2], F32))", "np.roots(np.asarray([1, -3, 2], F16))",
    "np.roots(np.asarray([1, -3, 2], I8))", "np.roots([1 + 0j, -3, 2])", "np.roots([[1, 2]])",
    "np.roots(3)", "np.roots(np.asarray(3.0))", "np.roots([1, nan])", "np.roots([1, inf, 2])",
    "np.roots([True, True])", "np.roots([2, -4, 2, 0])",
    "np.poly([1, 2, 3])", "np.poly([])", "np.poly(np.asarray([1, 2], F32))",
    "np.poly(np.asarray([1, 2], F16))", "np.poly(np.asarray([1, 2], I8))", "np.poly([1j, -1j])",
    "np.poly([1j, 2])", "np.poly(np.asarray([1j, -1j], C64))", "np.poly([[1, 2], [3, 4]])",
    "np.poly(np.zeros((0, 0)))", "np.poly([[1, 2, 3], [3, 4, 5]])",
    "np.poly(np.asarray([[1, 2], [3, 4]], F32))", "np.poly(np.asarray([[0, -1], [1, 0]]))",
    "np.poly(np.asarray([[0, -1], [1, 0]], F16))", "np.poly(5)", "np.poly([[nan, 1], [1, 1]])",
    "np.poly([True, False])", "np.poly(np.zeros((2, 2, 2)))",
    "np.polydiv([1, -3, 2], [1, -1])", "np.polydiv([1], [1, 2, 3])",
    "np.polydiv(np.asarray([1, 2], F32), np.asarray([1], F32))", "np.polydiv([1, 2], [0, 1])",
    "np.polydiv([], [1])", "np.polydiv([1j, 2], [1])", "np.polydiv([1, 2, 3, 4, 5], [1, 2])",
    "np.polydiv([[1, 2], [3, 4]], [1])", "np.polydiv([1, 1e-9, 1e-9], [1, 0])",
]


@pytest.mark.parametrize("expr", FUNCTIONS)
def test_functions_match_numpy(expr):
    check(expr)


_X = "np.asarray([0., 1, 2, 3, 4, 5, 7, 9])"
_Y = "np.asarray([0.5, -1, 2, 2.5, 7, 1, -3, 2])"
FITS = [
    f"np.polyfit({_X}, {_Y}, 2)", f"np.polyfit({_X}, {_Y}, 3, full=True)",
    f"np.polyfit({_X}, {_Y}, 2, cov=True)", f"np.polyfit({_X}, {_Y}, 2, cov='unscaled')",
    f"np.polyfit({_X}, np.stack([{_Y}, {_X}], 1), 2, cov=True)",
    f"np.polyfit({_X}, np.stack([{_Y}, {_X}], 1), 2, full=True)",
    f"np.polyfit({_X}, {_Y}, 7, cov=True)", f"np.polyfit({_X}, {_Y}, 9)",
    f"np.polyfit({_X}, {_Y}, 9, full=True)", f"np.polyfit({_X}.astype(F32), {_Y}, 2, full=True)",
    f"np.polyfit({_X}.astype(F16), {_Y}, 2)", f"np.polyfit({_X}.astype(I8), {_Y}, 2)",
    f"np.polyfit({_X} + 0j, {_Y}, 2, full=True)", f"np.polyfit({_X}, {_Y} + 1j, 2)",
    f"np.polyfit({_X}, {_Y}, 2, w={_X} + 1)", f"np.polyfit({_X}, {_Y}, 2, w={_X} + 1j)",
    f"np.polyfit({_X}, {_Y}, 2, w=np.ones(5))", f"np.polyfit({_X}, {_Y}, 2, w=np.ones((8, 1)))",
    f"np.polyfit({_X}, {_Y}, -1)", f"np.polyfit({_X}, {_Y}, 2.5)", f"np.polyfit({_X}, {_Y}, '2')",
    f"np.polyfit({_X}[:, None], {_Y}, 2)", f"np.polyfit({_X}[:0], {_Y}[:0], 2)",
    f"np.polyfit({_X}, {_Y}[:5], 2)", f"np.polyfit({_X}, {_Y}[:, None, None], 2)",
    f"np.polyfit({_X}, {_Y}, 2, rcond=1e-3, full=True)", f"np.polyfit({_X}, np.zeros((8, 0)), 2)",
    f"np.polyfit({_X}, {_Y}, 2, cov=True, full=True)", f"np.polyfit({_X}, {_Y}, 0, full=True)",
    "np.polyfit([1., 2, 3], [1, 2, 3], 2, cov=True)", "np.polyfit([1., 2], [1., nan], 1)",
    "np.polyfit([1, 1, 1], [1, 2, 3], 1)", f"np.polyfit({_X}, {_Y}, 2, rcond='a')",
]


@pytest.mark.parametrize("expr", FITS)
def test_polyfit_matches_numpy(expr):
    # torch's SVD and LAPACK's gelsd agree to rounding: relative to the largest coefficient
    check(expr, rtol=1e-9)


def test_polyfit_warns_numpys_rank_warning():
    x, y = numpy.array([1.0, 1.0, 1.0]), numpy.array([1.0, 2.0, 3.0])
    with pytest.warns(numpy.exceptions.RankWarning, match="Polyfit may be poorly conditioned"):
        torchnp.polyfit(torchnp.asarray(x), torchnp.asarray(y), 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torchnp.polyfit(torchnp.asarray(x), torchnp.asarray(y), 1, full=True)   # no warning


def test_polyfit_gradient():
    x = torch.linspace(0, 3, 7, dtype=torch.float64)
    y = torch.sin(x).requires_grad_()
    assert torch.autograd.gradcheck(
        lambda y: torchnp.polyfit(torchnp.asarray(x), torchnp.asarray(y), 2).tensor, (y,))


def test_roots_of_real_polynomials_are_real_only_when_all_are():
    assert torchnp.roots([1, -3, 2]).dtype == numpy.float64
    assert torchnp.roots([1, 0, 1]).dtype == numpy.complex128
    assert torchnp.roots(torchnp.asarray([1, -3, 2], dtype=numpy.float32)).dtype == numpy.float32


# ----- poly1d ------------------------------------------------------------------------------------
POLY1D = [
    "np.poly1d([1, 2, 3])", "np.poly1d([0, 0, 1, 2])", "np.poly1d([0, 0])", "np.poly1d([])",
    "np.poly1d([[1, 2]])", "np.poly1d(5)", "np.poly1d([1, 2], True)", "np.poly1d([], True)",
    "np.poly1d([1j, -1j], True)", "np.poly1d(np.poly1d([1, 2]))", "np.poly1d([1, 2], True, 'z')",
    "np.poly1d([[1, 2]], True)", "np.poly1d([1, 2], variable='z')", "np.poly1d([1, 2, 3]).coeffs",
    "np.poly1d([1, 2, 3]).c", "np.poly1d([1, 2, 3]).coef", "np.poly1d([1, 2, 3]).coefficients",
    "np.poly1d([1, 2, 3]).order", "np.poly1d([1, 2, 3]).o", "np.poly1d([1, -3, 2]).roots",
    "np.poly1d([1, -3, 2]).r", "np.poly1d([1, 2, 3])(2)",
    "np.poly1d([1, 2, 3])(np.asarray([1., 2.]))", "np.poly1d([1, 2, 3])(np.poly1d([1, 1]))",
    "-np.poly1d([1, 2, 3])", "+np.poly1d([1, 2, 3])", "np.poly1d([1, 2, 3]) * 2",
    "2 * np.poly1d([1, 2, 3])", "np.poly1d([1, 2, 3]) * np.poly1d([1, 1])",
    "np.poly1d([1, 2, 3]) * [1, 1]", "[1, 1] * np.poly1d([1, 2, 3])",
    "np.poly1d([1, 2, 3]) + np.poly1d([1, 1])", "np.poly1d([1, 2, 3]) + 5",
    "5 + np.poly1d([1, 2, 3])", "np.poly1d([1, 2, 3]) - [1, 1]", "[1, 1] - np.poly1d([1, 2, 3])",
    "np.poly1d([1, 2, 3]) ** 3", "np.poly1d([1, 2, 3]) ** 0", "np.poly1d([1, 2, 3]) ** -1",
    "np.poly1d([1, 2, 3]) ** 1.5", "np.poly1d([1, 2, 3]) ** 2.0", "np.poly1d([1, 2]) ** [2]",
    "np.poly1d([1, 2, 3]) / 2", "np.poly1d([1, 2, 3]) / np.poly1d([1, 1])",
    "np.poly1d([1, 2, 3]) / [1, 1]", "2 / np.poly1d([1, 2, 3])",
    "[1, 2, 3, 4] / np.poly1d([1, 1])", "np.poly1d([1, 2, 3]) == np.poly1d([1, 2, 3])",
    "np.poly1d([1, 2, 3]) == np.poly1d([1, 2, 4])", "np.poly1d([1, 2, 3]) == np.poly1d([1, 2])",
    "np.poly1d([1, 2, 3]) != np.poly1d([1, 2])", "np.poly1d([1, 2, 3]) == [1, 2, 3]",
    "np.poly1d([1, 2, 3]) != [1, 2, 3]", "np.poly1d([1, 2, 3])[0]", "np.poly1d([1, 2, 3])[2]",
    "np.poly1d([1, 2, 3])[5]", "np.poly1d([1, 2, 3])[-1]", "np.poly1d([1.5, 2, 3])[5]",
    "len(np.poly1d([1, 2, 3]))", "list(np.poly1d([1, 2, 3]))", "np.poly1d([1, 2, 3]).integ()",
    "np.poly1d([1, 2, 3]).integ(2, 1)", "np.poly1d([1, 2, 3]).integ(2, [1, 2])",
    "np.poly1d([1, 2, 3]).deriv()", "np.poly1d([1, 2, 3]).deriv(3)",
    "np.poly1d(np.poly1d([1, 2], variable='s')).variable",
    "np.poly1d(np.poly1d([1, 2], variable='s'), variable='t').variable",
    "np.poly1d(np.asarray([1, 2], F32)) * 2.5",
    "np.poly1d(np.asarray([1, 2], I8)) * np.poly1d(np.asarray([3, 4], I8))",
    "np.polyadd(np.poly1d([1, 2]), np.poly1d([1]))", "np.polysub(np.poly1d([1, 2]), [1])",
    "np.polymul([1, 2], np.poly1d([1]))", "np.polyder(np.poly1d([1, 2, 3]))",
    "np.polyint(np.poly1d([1, 2, 3]), 0)", "np.polyval(np.poly1d([1, 2, 3]), np.poly1d([2, 0]))",
    "np.polydiv(np.poly1d([1, 2, 3]), [1, 1])", "np.asarray(np.poly1d([1, 2]))",
]


@pytest.mark.parametrize("c", ["abc", None, [1, "a"]])
def test_poly1d_of_non_numbers_is_out_of_scope(c):
    # NumPy makes a poly1d of strings or objects; torchnp's arrays hold numbers only
    numpy.poly1d(c)
    with pytest.raises(TypeError, match="torchnp does not support the (string|object) dtype"):
        torchnp.poly1d(c)


@pytest.mark.parametrize("dtype", [None, numpy.float32])
def test_poly1d_converts_to_numpy(dtype):
    got = numpy.asarray(torchnp.poly1d([1, 2, 3]), dtype)
    expected = numpy.asarray(numpy.poly1d([1, 2, 3]), dtype)
    assert type(got) is numpy.ndarray and got.dtype == expected.dtype
    numpy.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("expr", POLY1D)
def test_poly1d_matches_numpy(expr):
    check(expr)


TEXTS = [[1, 2, 3], [0], [0, 0], [5], [1, 0, 0], [-1, -2, -3], [1.5, -2.25, 1e-5, 3e20],
         [1j, 2, 3 - 4j, -1j], [0, 1j], [2 + 0j, 1], [-0.0, 1], [1e-20, 1],
         [numpy.nan, numpy.inf, -numpy.inf], list(range(-15, 15)), list(range(120)),
         numpy.linspace(-3, 3, 40), numpy.array([1, 2], numpy.float32),
         numpy.array([1, 2], numpy.int8), list(range(1, 13))]


@pytest.mark.parametrize("variable", [None, "z", "long_name"])
@pytest.mark.parametrize("coeffs", TEXTS, ids=lambda c: repr(c)[:30])
def test_poly1d_prints_as_numpy(coeffs, variable):
    expected = numpy.poly1d(coeffs, variable=variable)
    actual = torchnp.poly1d(coeffs, variable=variable)
    assert str(actual) == str(expected)
    assert repr(actual) == repr(expected)


def test_poly1d_coefficients_can_change_in_place_only():
    p, q = torchnp.poly1d([1, 2, 3]), numpy.poly1d([1, 2, 3])
    p.coeffs *= 2
    q.coeffs *= 2
    assert_matches_numpy(p.coeffs, q.coeffs)
    raises_like_numpy(lambda: setattr(q, "coeffs", numpy.ones(3)),
                      lambda: setattr(p, "coeffs", torchnp.ones(3)))


@pytest.mark.parametrize("key, value", [(0, 7), (1, 7.5), (4, 9), (-1, 2)])
def test_poly1d_setitem(key, value):
    p, q = torchnp.poly1d([1, 2, 3]), numpy.poly1d([1, 2, 3])
    raised = []
    for poly in (q, p):
        try:
            poly[key] = value
        except ValueError:
            raised.append(poly)
    assert len(raised) in (0, 2)
    assert_matches_numpy(p.coeffs, q.coeffs)


def test_poly1d_is_unhashable_and_pickles():
    with pytest.raises(TypeError):
        hash(torchnp.poly1d([1, 2]))
    p = pickle.loads(pickle.dumps(torchnp.poly1d([1, 2], variable="s")))
    assert p.variable == "s" and str(p) == str(numpy.poly1d([1, 2], variable="s"))


def test_poly1d_copy_warns_for_extra_attributes_as_numpy():
    q = numpy.poly1d([1, 2])
    q.extra = 1
    p = torchnp.poly1d([1, 2])
    p.extra = 1
    with pytest.warns(FutureWarning, match="extra properties"):
        numpy.poly1d(q)
    with pytest.warns(FutureWarning, match="extra properties"):
        copied = torchnp.poly1d(p)
    assert copied.extra == 1


def test_poly1d_keeps_the_coefficients_device_and_gradient():
    c = torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64, requires_grad=True)
    p = torchnp.poly1d(torchnp.asarray(c))
    value = p(2.0)
    value.backward()
    assert_matches_numpy(torchnp.asarray(c.grad), numpy.array([4.0, 2.0, 1.0]))
    assert p.coeffs.device == c.device and p.deriv().coeffs.device == c.device
