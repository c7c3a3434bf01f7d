"""torchnp.polynomial against numpy.polynomial: the namespace, the series classes (arithmetic,
values, fits, roots, calculus, conversion, printing, errors) and what the operator database does
not reach (large degrees, devices' constants, the shared ``trim`` objects).

The module functions are in the operator database (tests/opinfo/db_polynomial_package.py).
"""
import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, raises_with_numpys_message

CLASSES = ["Polynomial", "Chebyshev", "Legendre", "Hermite", "HermiteE", "Laguerre"]
MODULES = ["polynomial", "chebyshev", "legendre", "hermite", "hermite_e", "laguerre", "polyutils"]
TOL = dict(rtol=1e-9, atol=1e-11)


def _pair(name):
    return getattr(numpy.polynomial, name), getattr(torchnp.polynomial, name)


def _host(x):
    """NumPy's object, or a host copy of a torchnp one (series, arrays, tuples of them)."""
    if isinstance(x, torchnp.polynomial.ABCPolyBase):
        return getattr(numpy.polynomial, type(x).__name__)(
            numpy.asarray(x.coef), numpy.asarray(x.domain), numpy.asarray(x.window), x.symbol)
    return x


def assert_same_series(actual, expected, **tol):
    """Same class, coefficients (value and dtype), domain, window and symbol."""
    assert type(actual).__name__ == type(expected).__name__
    assert isinstance(actual, torchnp.polynomial.ABCPolyBase)
    assert_matches_numpy(actual.coef, expected.coef, **(tol or TOL))
    assert_matches_numpy(actual.domain, expected.domain, **TOL)
    assert_matches_numpy(actual.window, expected.window, **TOL)
    assert actual.symbol == expected.symbol


# ----- the namespace ------------------------------------------------------------------------------
@pytest.mark.parametrize("module", MODULES)
def test_module_names_are_numpy_s(module):
    ours, theirs = getattr(torchnp.polynomial, module), getattr(numpy.polynomial, module)
    assert sorted(ours.__all__) == sorted(theirs.__all__)
    for name in theirs.__all__:
        assert hasattr(ours, name), name


def test_package_names_are_numpy_s():
    assert sorted(torchnp.polynomial.__all__) == sorted(numpy.polynomial.__all__)
    for name in numpy.polynomial.__all__:
        assert hasattr(torchnp.polynomial, name)


@pytest.mark.parametrize("module", MODULES[:-1])
def test_module_constants(module):
    ours, theirs = getattr(torchnp.polynomial, module), getattr(numpy.polynomial, module)
    for name in theirs.__all__:
        if isinstance(getattr(theirs, name), numpy.ndarray):
            assert isinstance(getattr(ours, name), torchnp.ndarray), name
            assert_matches_numpy(getattr(ours, name), getattr(theirs, name))


def test_trim_is_one_object_as_in_numpy():
    pu = torchnp.polynomial.polyutils
    for module, prefix in zip(MODULES, ["poly", "cheb", "leg", "herm", "herme", "lag"]):
        assert getattr(getattr(torchnp.polynomial, module), prefix + "trim") is pu.trimcoef


def test_format_float_is_numpy_s():
    assert torchnp.polynomial.polyutils.format_float(numpy.float64(0.1)) == \
        numpy.polynomial.polyutils.format_float(numpy.float64(0.1))


# ----- the classes --------------------------------------------------------------------------------
COEF = [1.0, -2.0, 0.5]


@pytest.mark.parametrize("name", CLASSES)
def test_class_attributes(name):
    N, T = _pair(name)
    assert T.basis_name == N.basis_name and T.maxpower == N.maxpower
    assert_matches_numpy(T.domain, N.domain)
    assert_matches_numpy(T.window, N.window)
    p = T(COEF, domain=[5, 7], window=N.window, symbol="t")
    assert p.symbol == "t" and len(p) == 3 and p.degree() == 2
    assert [float(c) for c in p] == COEF
    assert p.has_samecoef(T(COEF)) and p.has_sametype(T(COEF))
    assert not p.has_samedomain(T(COEF)) and p.has_samewindow(T(COEF))
    assert p == T(COEF, domain=[5, 7], symbol="t") and p != T(COEF)


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("coef", [COEF, [1, 2, 3], numpy.array([1, 2], numpy.float32),
                                  [1 + 2j, 0.5], [0.0]])
def test_repr_and_str(name, coef):
    N, T = _pair(name)
    assert repr(T(coef, domain=[0, 3])) == repr(N(coef, domain=[0, 3]))
    p, q = T(coef, symbol="z"), N(coef, symbol="z")
    assert str(p) == str(q)
    for fmt in ("", "ascii", "unicode"):
        assert format(p, fmt) == format(q, fmt)
    assert p._repr_latex_() == q._repr_latex_()


def test_set_default_printstyle():
    p = torchnp.polynomial.Polynomial(COEF)
    q = numpy.polynomial.Polynomial(COEF)
    try:
        torchnp.polynomial.set_default_printstyle("ascii")
        assert str(p) == format(q, "ascii")
        torchnp.polynomial.set_default_printstyle("unicode")
        assert str(p) == format(q, "unicode")
    finally:
        torchnp.polynomial.set_default_printstyle(
            "unicode" if numpy.polynomial.Polynomial._use_unicode else "ascii")
    raises_with_numpys_message(lambda: numpy.polynomial.set_default_printstyle("latex"),
                               lambda: torchnp.polynomial.set_default_printstyle("latex"))


EXPRESSIONS = [
    "p + q", "p - q", "p * q", "p // q", "p % q", "divmod(p, q)[1]", "p ** 3", "-p", "+p",
    "p + 2", "2 - p", "3 * p", "p / 2", "[1, 2] + p", "[1, 1] * p", "2 // p",
    "p.copy()", "p.trim(0.6)", "p.truncate(2)", "p.cutdeg(1)", "p.deriv()", "p.deriv(2)",
    "p.integ()", "p.integ(2, [1, 2], 0.5)", "p.convert()", "p.convert(kind=P.Chebyshev)",
    "p.convert(kind=P.Laguerre, domain=[0, 4])", "K.cast(P.Legendre([1, 2, 3]))",
    "K.identity()", "K.identity([0, 4])", "K.basis(3)", "K.basis(2, [0, 1], [1, 2], 's')",
    "K.fromroots([0.5, -0.25, 1])", "K.fromroots([0.5, 2], domain=None)",
    "K.fit(X, X ** 3 - X, 3)", "K.fit(X, X ** 2, 2, domain=[], window=[0, 1])",
    "K.fit(X, numpy.cos(X), [0, 2, 4], w=X * 0 + 2)", "K.fit(X * 0 + 1, X, 1)",
    "p(q)",
]


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_series_expressions(name, expr):
    N, T = _pair(name)
    x = numpy.linspace(-1, 3, 9)
    np_env = dict(p=N(COEF, domain=[-1, 3]), q=N([0.5, 1], domain=[-1, 3]), K=N,
                  P=numpy.polynomial, X=x, numpy=numpy)
    t_env = dict(p=T(COEF, domain=[-1, 3]), q=T([0.5, 1], domain=[-1, 3]), K=T,
                 P=torchnp.polynomial, X=torchnp.asarray(x), numpy=torchnp)
    assert_same_series(eval(expr, t_env), eval(expr, np_env), rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("name", CLASSES)
def test_values_roots_linspace_mapparms(name):
    N, T = _pair(name)
    p, q = T(COEF, domain=[0, 2]), N(COEF, domain=[0, 2])
    x = numpy.array([[0.0, 0.5], [1.5, 2.0]])
    assert_matches_numpy(p(torchnp.asarray(x)), q(x), **TOL)
    assert_matches_numpy(p(0.75), q(0.75), **TOL)
    assert_matches_numpy(p([0.25, 1.0]), q([0.25, 1.0]), **TOL)
    assert_matches_numpy(torchnp.sort(p.roots()), numpy.sort(q.roots()), rtol=1e-8, atol=1e-10)
    for a, e in zip(p.linspace(7), q.linspace(7)):
        assert_matches_numpy(a, e, **TOL)
    for a, e in zip(p.mapparms(), q.mapparms()):
        assert_matches_numpy(a, e, **TOL)


@pytest.mark.parametrize("name", CLASSES)
def test_fit_full_returns_the_status(name):
    N, T = _pair(name)
    x = numpy.linspace(0, 1, 12)
    p, status = T.fit(torchnp.asarray(x), torchnp.asarray(numpy.exp(x)), 4, full=True)
    q, expected = N.fit(x, numpy.exp(x), 4, full=True)
    assert_same_series(p, q, rtol=1e-7, atol=1e-9)
    assert_matches_numpy(status[0], expected[0], rtol=1e-6, atol=1e-20)
    assert int(status[1]) == int(expected[1])
    assert_matches_numpy(status[2], expected[2], rtol=1e-8)


ERRORS = [
    "K(COEF, domain=[1, 2, 3])", "K(COEF, window=[1])", "K(COEF, symbol=1)",
    "K(COEF, symbol='1x')", "K([[1, 2]])", "K([])", "p + P.Chebyshev(COEF) if K is not "
    "P.Chebyshev else p + P.Polynomial(COEF)", "p + K(COEF, domain=[0, 5])",
    "p + K(COEF, window=[0, 5])", "p + K(COEF, symbol='y')", "p / p", "p / True",
    "p // K([0])", "p ** -1", "p ** 101", "p ** 1.5", "p.truncate(0)", "p.truncate(1.5)",
    "K.basis(-1)", "K.basis(1.5)", "p.deriv(-1)", "p.integ(-1)", "p.integ(1, [1, 2])",
    "p.trim(-1)", "K.fit([0, 1, 2], [1, 2], 1)", "K.fit([0, 1, 2], [1, 2, 3], -1)",
    "p + 'a'", "p('a')",
]


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("expr", ERRORS)
def test_errors_are_numpy_s(name, expr):
    N, T = _pair(name)
    np_env = dict(p=N(COEF), K=N, P=numpy.polynomial, COEF=COEF)
    t_env = dict(p=T(COEF), K=T, P=torchnp.polynomial, COEF=COEF)
    raises_like_numpy(lambda: eval(expr, np_env), lambda: eval(expr, t_env))


def test_unhashable_and_numpy_arrays_defer():
    p = torchnp.polynomial.Polynomial(COEF)
    with pytest.raises(TypeError):
        hash(p)
    assert_same_series(numpy.array([1.0, 2.0]) + p,
                       numpy.array([1.0, 2.0]) + numpy.polynomial.Polynomial(COEF))


# ----- what the database's small samples do not reach --------------------------------------------
@pytest.mark.parametrize("module, prefix", [("legendre", "leg"), ("hermite", "herm"),
                                            ("hermite_e", "herme"), ("laguerre", "lag"),
                                            ("chebyshev", "cheb")])
@pytest.mark.parametrize("deg", [1, 2, 7, 40, 100])
def test_gauss_quadrature_large_degrees(module, prefix, deg):
    fn = prefix + "gauss"
    x, w = getattr(getattr(torchnp.polynomial, module), fn)(deg)
    ex, ew = getattr(getattr(numpy.polynomial, module), fn)(deg)
    assert_matches_numpy(x, ex, rtol=1e-10, atol=1e-12 * max(1.0, abs(ex).max()))
    assert_matches_numpy(w, ew, rtol=1e-7, atol=1e-14 * ew.max())


@pytest.mark.parametrize("module, prefix", [("polynomial", "poly"), ("chebyshev", "cheb"),
                                            ("legendre", "leg"), ("hermite", "herm"),
                                            ("hermite_e", "herme"), ("laguerre", "lag")])
def test_higher_degrees_round_trip(module, prefix):
    ours, theirs = getattr(torchnp.polynomial, module), getattr(numpy.polynomial, module)
    c = numpy.random.default_rng(3).uniform(-1, 1, 15)
    x = numpy.linspace(-0.9, 0.9, 11)
    for fn, args in [("val", (x, c)), ("der", (c, 3)), ("int", (c, 3, [1, 2], 0.3)),
                     ("mul", (c, c[:9])), ("pow", (c[:4], 4)), ("vander", (x, 12))]:
        t_args = [torchnp.asarray(a) if isinstance(a, numpy.ndarray) else a for a in args]
        assert_matches_numpy(getattr(ours, prefix + fn)(*t_args),
                             getattr(theirs, prefix + fn)(*args), rtol=1e-9, atol=1e-9)
    q, r = getattr(ours, prefix + "div")(torchnp.asarray(c), torchnp.asarray(c[:6]))
    eq, er = getattr(theirs, prefix + "div")(c, c[:6])
    assert_matches_numpy(q, eq, rtol=1e-8, atol=1e-8)
    assert_matches_numpy(r, er, rtol=1e-8, atol=1e-8)


def test_float32_series_stay_float32():
    c = numpy.array([1, 2, 3], numpy.float32)
    for name in CLASSES:
        N, T = _pair(name)
        p = T(torchnp.asarray(c)) * T(torchnp.asarray(c))
        assert p.coef.dtype == (N(c) * N(c)).coef.dtype, name
