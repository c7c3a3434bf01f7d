"""Where NumPy returns a scalar, torchnp's 0-d result acts as one (docs/differences.md): it is
immutable (in-place operators rebind, item assignment and ``out=`` raise TypeError), hashes and
compares by value, and is never an alias of an array's memory. 0-d arrays that NumPy keeps as
arrays stay mutable. NumPy is the oracle throughout: each case runs in both libraries."""
import copy
import operator
import pickle

import numpy
import pytest
import torch

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy, raises_with_numpys_message


def _issue_snippet(np):
    """The program of issue 8 part 5, verbatim but for the collection of its results."""
    a = np.arange(3.0)
    pos = a[0]
    hist = []
    for _ in range(3):
        hist.append(pos)
        pos += 1
    s = a.sum()
    t = s
    s += 10
    seen = set(a)
    table = {a[1]: "x"}
    return [float(h) for h in hist], float(t), float(s), sorted(float(x) for x in seen), \
        table[np.float64(1.0)] if np is numpy else table[1.0]


def test_issue_snippet_gives_numpy_answers():
    assert _issue_snippet(torchnp) == _issue_snippet(numpy) == \
        ([0.0, 1.0, 2.0], 3.0, 13.0, [0.0, 1.0, 2.0], "x")


# Expressions evaluated with ``np`` bound to each library; ``a`` is arange(3.0), ``m`` a 2x2
# float matrix, ``z`` a 0-d array, ``i`` an int64 vector. Each result's kind (scalar or array)
# must be NumPy's.
EXPRESSIONS = [
    "a[0]", "m[0, 1]", "m[0][1]", "z[()]", "z[...]", "a[...]", "a[-1]", "next(iter(a))",
    "a.flat[1]", "list(a)[2]", "a.sum()", "a.sum(axis=0)", "a.sum(keepdims=True)", "m.sum(axis=1)",
    "a.max()", "a.argmax()", "a.mean()", "a.std()", "np.prod(a)", "np.add(1, 2)",
    "np.add(z, 1)", "z + 1", "-z", "np.sin(z)", "np.sin(1.0)", "np.positive(z)", "abs(z)",
    "np.maximum.reduce(a)", "np.add.reduce(a, axis=())", "np.dot(a, a)", "a @ a",
    "np.trace(m)", "np.array(3.0)", "np.asarray(3.0)", "np.zeros(())", "np.full((), 2.0)",
    "np.copy(z)", "z.copy()", "z.astype(np.float32)", "a[0].astype(np.float32)",
    "np.array(a[0])", "np.asarray(a[0])", "np.reshape(a, (3,))[1]", "z.reshape(())",
    "np.transpose(z)", "np.squeeze(np.array([1.0]))", "np.real(np.array(1 + 2j))",
    "np.real(np.complex128(1 + 2j))", "np.imag(z)", "np.imag(np.float64(2.0))",
    "np.linspace(0, 1, 5, retstep=True)[1]", "np.count_nonzero(i)", "np.clip(z, 0, 1)",
    "i[1] * 2", "m.T[0, 0]", "np.roll(z, 1)", "np.ravel(z)", "np.isnan(z)", "a[i][0]",
    "np.where(True, 1.0, 2.0)", "np.where(z > 1, z, 0.0)", "np.flip(z)", "np.unstack(a)[1]",
    "np.unstack(m)[1]", "a.sum().reshape(())", "a.sum().reshape(1)", "a.sum()[...]", "a[0].T",
    "a[0].squeeze()", "np.expand_dims(a[0], 0)", "np.transpose(a[0])", "a[0].ravel()",
    "np.atleast_1d(a[1])", "a[1].flatten()", "a[1].real",
]


def _namespace(np):
    return {"np": np, "a": np.arange(3.0), "m": np.asarray([[1.0, 2.0], [3.0, 4.0]]),
            "z": np.array(2.0), "i": np.asarray([2, 0, 1]), "next": next, "iter": iter,
            "list": list, "abs": abs}


@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_scalar_or_array_as_numpy(expr):
    expected = eval(expr, _namespace(numpy))        # noqa: S307 - our own table of expressions
    actual = eval(expr, _namespace(torchnp))        # noqa: S307
    assert_matches_numpy(actual, expected)          # checks scalar vs 0-d array too
    assert torchnp.isscalar(actual) == numpy.isscalar(expected)


# (NumPy's imag of a real array is read-only; torchnp's is writable: docs/differences.md.)
@pytest.mark.parametrize("expr", [e for e in EXPRESSIONS if "retstep" not in e and
                                  e != "np.imag(z)"])
def test_in_place_operator_on_result(expr):
    """``r += 1``: a scalar rebinds (its other references keep the old value); an array changes
    in place (every alias sees it). Both libraries, every reference compared."""
    results = []
    for np in (numpy, torchnp):
        ns = _namespace(np)
        r = eval(expr, ns)                          # noqa: S307
        alias = r
        try:
            r += 1
        except TypeError as e:                      # bool arrays: NumPy's error, both sides
            results.append(type(e))
            continue
        results.append((alias, r, ns["a"], ns["z"], ns["m"]))
    if not isinstance(results[0], tuple):
        assert results[1] is results[0] or issubclass(results[1], results[0])
        return
    for got, want in zip(results[1], results[0]):
        assert_matches_numpy(got, want)


def test_scalars_are_immutable():
    a = torchnp.arange(3.0)
    s = a.sum()
    e = numpy.arange(3.0).sum()
    for bad in (lambda x: operator.setitem(x, (), 5.0), lambda x: operator.setitem(x, ..., 5.0),
                lambda x: numpy.add(1.0, 2.0, out=x) if isinstance(x, numpy.generic)
                else torchnp.add(1.0, 2.0, out=x)):
        raises_like_numpy(lambda: bad(e), lambda: bad(s))
    assert float(s) == 3.0
    b = torchnp.asarray(s)                          # a new, mutable array, not the scalar's memory
    b[...] = 7.0
    assert float(s) == 3.0 and float(b) == 7.0 and not torchnp.isscalar(b)
    raises_like_numpy(lambda: numpy.array(e, copy=False), lambda: torchnp.array(s, copy=False))


def test_broadcast_of_a_scalar_is_a_stride_0_view_of_a_copy():
    """NumPy broadcasts the array it makes of a scalar: strides of 0, read-only, and its ravel a
    copy (found by the fuzzer: torchnp's copy was contiguous, so ravel was a view of it)."""
    e = numpy.absolute(numpy.array(-1.5))
    s = torchnp.absolute(torchnp.asarray(numpy.array(-1.5)))
    be, bs = numpy.broadcast_to(e, (2, 3)), torchnp.broadcast_to(s, (2, 3))
    assert bs.strides == be.strides == (0, 0) and not bs.flags.writeable
    assert_matches_numpy(bs, be)
    assert not torchnp.shares_memory(bs.ravel(), bs) and not numpy.shares_memory(be.ravel(), be)
    assert float(s) == 1.5


@pytest.mark.parametrize("key", [(), Ellipsis, 0, slice(None)])
def test_a_scalar_result_assigned_to_a_signed_item_is_range_checked(key):
    """NumPy converts its integer scalar as a Python int for a signed integer item: 253 from a
    uint8 maximum overflows int8 (found by the long fuzz run); fill too."""
    for shape in [(1,)] + ([()] if key in ((), Ellipsis) else []):
        def assign(m, value):
            a = m.zeros(shape, numpy.int8)
            a[key] = m.max(m.asarray(numpy.array([value], numpy.uint8)))
            return a
        raises_with_numpys_message(lambda: assign(numpy, 253), lambda: assign(torchnp, 253))
        assert_matches_numpy(assign(torchnp, 5), assign(numpy, 5))
    a = torchnp.zeros(2, numpy.int8)
    raises_with_numpys_message(
        lambda: numpy.zeros(2, numpy.int8).fill(numpy.array([253], numpy.uint8).max()),
        lambda: a.fill(torchnp.asarray(numpy.array([253], numpy.uint8)).max()))


def test_integer_index_does_not_alias():
    e, a = numpy.arange(3.0), torchnp.arange(3.0)
    pe, pa = e[1], a[1]
    e[1] = 9.0
    a[1] = 9.0
    assert_matches_numpy(pa, pe)
    rows = list(torchnp.arange(4.0))
    a2 = torchnp.arange(4.0)
    items = list(a2)
    a2 += 10
    assert [float(x) for x in items] == [0.0, 1.0, 2.0, 3.0] == [float(x) for x in rows]


def test_hash_and_equality_by_value():
    a = torchnp.asarray([1.5, 2.0, 1.5])
    e = numpy.asarray([1.5, 2.0, 1.5])
    assert [hash(x) for x in a] == [hash(x) for x in e]
    assert len(set(a)) == len(set(e)) == 2
    assert {a[0]: "x"}[1.5] == "x"
    assert hash(torchnp.asarray([1, 2])[1]) == hash(numpy.asarray([1, 2])[1])
    assert hash(torchnp.asarray([1 + 2j])[0]) == hash(numpy.asarray([1 + 2j])[0])
    for array in (lambda np: np.array(3.0), lambda np: np.arange(3.0), lambda np: np.zeros(())):
        raises_like_numpy(lambda: hash(array(numpy)), lambda: hash(array(torchnp)))


def test_zero_d_arrays_numpy_keeps_stay_mutable():
    for make in (lambda np: np.array(3.0), lambda np: np.zeros(()),
                 lambda np: np.arange(3.0)[...][0:1].reshape(())):
        x, y = make(numpy), make(torchnp)
        xa, ya = x, y
        x += 1
        y += 1
        assert_matches_numpy(ya, xa)
        x[...] = 5.0
        y[...] = 5.0
        assert_matches_numpy(y, x)
    out_e, out_a = numpy.zeros(()), torchnp.zeros(())
    res = torchnp.add(1.0, 2.0, out=out_a)
    numpy.add(1.0, 2.0, out=out_e)
    assert res is out_a and not torchnp.isscalar(res)
    assert_matches_numpy(out_a, out_e)


def test_repr_and_copy():
    a, e = torchnp.arange(3.0), numpy.arange(3.0)
    assert repr(a[1]) == repr(e[1]) and str(a[1]) == str(e[1])
    assert repr([a.sum(), a.argmax()]) == repr([e.sum(), e.argmax()])
    assert repr(torchnp.array(2.0)) == repr(numpy.array(2.0))
    for c, e_c in ((copy.copy(a[1]), copy.copy(e[1])), (copy.deepcopy(a), copy.deepcopy(e)),
                   (pickle.loads(pickle.dumps(a[1])), pickle.loads(pickle.dumps(e[1]))),
                   (pickle.loads(pickle.dumps(a)), pickle.loads(pickle.dumps(e)))):
        assert_matches_numpy(c, e_c)


def _scalar_loop(t):
    a = torchnp.asarray(t)
    s = a.sum()
    alias = s
    s += 1.0                                        # rebinds: alias keeps the sum
    return (s * alias).tensor


@pytest.mark.slow
def test_scalar_rebinding_compiles_without_graph_breaks():
    t = torch.arange(4.0, dtype=torch.float64)
    torch._dynamo.reset()
    compiled = torch.compile(_scalar_loop, fullgraph=True)
    torch.testing.assert_close(compiled(t), torch.tensor(42.0, dtype=torch.float64))
    torch._dynamo.reset()


# ----- write functions on a scalar: a temporary copy (fill, put, flat) or NumPy's TypeError -----

def _scalar(np):
    return np.arange(3.0).sum()                    # NumPy: np.float64(3.0); torchnp: a 0-d result


_WRITES_ON_A_COPY = {
    "fill": lambda np, s: s.fill(7.0),
    "put": lambda np, s: np.put(s, 0, 7.0),
    "put mode=clip": lambda np, s: np.put(s, [5], 7.0, mode="clip"),
    "flat[0]": lambda np, s: s.flat.__setitem__(0, 7.0),
    "flat[...]": lambda np, s: s.flat.__setitem__(Ellipsis, 7.0),
}


@pytest.mark.parametrize("name", list(_WRITES_ON_A_COPY))
def test_write_to_a_scalar_writes_a_copy(name):
    write = _WRITES_ON_A_COPY[name]
    e, s = _scalar(numpy), _scalar(torchnp)
    assert write(numpy, e) is None and write(torchnp, s) is None
    assert_matches_numpy(s, e)                     # unchanged: NumPy wrote a temporary
    assert torchnp.isscalar(s)


_WRITE_ERRORS = {
    "fill a sequence": lambda np, s: s.fill([1.0, 2.0]),
    "fill a 1-element sequence": lambda np, s: s.fill([1.0]),
    "fill complex": lambda np, s: s.fill(1j),
    "put out of bounds": lambda np, s: np.put(s, 5, 7.0),
    "flat[] out of bounds": lambda np, s: s.flat.__setitem__(5, 7.0),
    "flat[] a sequence": lambda np, s: s.flat.__setitem__(0, [1.0, 2.0]),
    "place": lambda np, s: np.place(s, True, 7.0),
    "putmask": lambda np, s: np.putmask(s, True, 7.0),
    "copyto": lambda np, s: np.copyto(s, 7.0),
    "copyto an array": lambda np, s: np.copyto(s, np.ones(3)),
    "ufunc.at": lambda np, s: np.add.at(s, (), 1.0),
}


@pytest.mark.parametrize("name", list(_WRITE_ERRORS))
def test_write_to_a_scalar_raises_as_numpy(name):
    write = _WRITE_ERRORS[name]
    e, s = _scalar(numpy), _scalar(torchnp)
    raises_like_numpy(lambda: write(numpy, e), lambda: write(torchnp, s))
    assert_matches_numpy(s, e)


def test_write_functions_name_the_scalar_type_as_numpy():
    for write in (_WRITE_ERRORS["place"], _WRITE_ERRORS["putmask"], _WRITE_ERRORS["copyto"]):
        for make in (lambda np: np.arange(3.0).sum(), lambda np: np.arange(3, dtype=np.int8)[1],
                     lambda np: np.array([True])[0]):
            with pytest.raises(TypeError) as want:
                write(numpy, make(numpy))
            with pytest.raises(TypeError) as got:
                write(torchnp, make(torchnp))
            assert str(got.value) == str(want.value)


@pytest.mark.parametrize("fn", ["place", "putmask"])
@pytest.mark.parametrize("dtype", ["bool", "int8"])
def test_place_putmask_cast_a_scalar_value_unsafely(fn, dtype):
    """A scalar value casts unsafely; a 0-d or 1-d array value must cast safely (TypeError)."""
    values = {"scalar": lambda np: np.asarray([2.5, 1.0], np.float16).sum(),
              "0-d array": lambda np: np.array(2.5, np.float16),
              "1-d array": lambda np: np.array([2.5], np.float16)}
    for kind, value in values.items():
        e, a = numpy.zeros(3, dtype), torchnp.zeros(3, dtype)
        mask = [True, False, True]
        call_e = lambda: getattr(numpy, fn)(e, mask, value(numpy))     # noqa: E731
        call_a = lambda: getattr(torchnp, fn)(a, mask, value(torchnp))  # noqa: E731
        if kind == "scalar":
            call_e()
            call_a()
            assert_matches_numpy(a, e)
        else:
            raises_like_numpy(call_e, call_a)
            with pytest.raises(TypeError) as want:
                call_e()
            with pytest.raises(TypeError) as got:
                call_a()
            assert str(got.value) == str(want.value)


@pytest.mark.parametrize("fn", ["place", "putmask"])
def test_place_putmask_check_the_mask_size_before_the_values(fn):
    for value in (lambda np: np.array(-3, np.int8), lambda np: np.array([-3], np.int8),
                  lambda np: np.asarray([-3], np.int8).sum(), lambda np: [1.5]):
        raises_like_numpy(
            lambda: getattr(numpy, fn)(numpy.zeros(4, bool), numpy.zeros(5, bool), value(numpy)),
            lambda: getattr(torchnp, fn)(torchnp.zeros(4, bool), torchnp.zeros(5, bool),
                                         value(torchnp)))
