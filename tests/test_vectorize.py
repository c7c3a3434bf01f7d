"""``torchnp.vectorize`` against ``numpy.vectorize``: result dtypes from the first call or
``otypes``, several outputs, ``excluded``, ``cache``, ``signature``, the decorator forms, and
the errors. The same Python function runs under both libraries on the same inputs."""
import math

import numpy
import pytest

import torchnp
from helpers import assert_matches_numpy, raises_like_numpy


def _mirror(x):
    if isinstance(x, numpy.ndarray):
        return torchnp.asarray(x)
    if isinstance(x, (list, tuple)) and any(isinstance(e, numpy.ndarray) for e in x):
        return type(x)(_mirror(e) for e in x)
    return x


def _both(make, *args, **kwargs):
    """Run ``make(module)(*args, **kwargs)`` under NumPy and torchnp; compare."""
    expected = make(numpy)(*args, **kwargs)
    actual = make(torchnp)(*_mirror(args), **{k: _mirror(v) for k, v in kwargs.items()})
    assert_matches_numpy(actual, expected)


def _clip_add(a, b):
    return a - b if a > b else a + b


CASES = {
    "ints": (lambda m: m.vectorize(_clip_add), ([1, 2, 3, 4], 2)),
    "floats": (lambda m: m.vectorize(_clip_add), (numpy.array([1.5, 2.5]), 2)),
    "broadcast": (lambda m: m.vectorize(_clip_add), (numpy.arange(6).reshape(2, 3), [1, 2, 3])),
    "first result decides int": (lambda m: m.vectorize(lambda x: 1 if x < 1 else x / 2),
                                 ([0.5, 3.0],)),
    "otypes float": (lambda m: m.vectorize(lambda x: 1 if x < 1 else x / 2, otypes=[float]),
                     ([0.5, 3.0],)),
    "otypes string": (lambda m: m.vectorize(lambda x: x, otypes="f"), ([1, 2],)),
    "float32 first call": (lambda m: m.vectorize(lambda x: x * 2),
                           (numpy.array([1, 2], numpy.float32),)),
    "bool result": (lambda m: m.vectorize(lambda x: x > 1), ([0, 2, 3],)),
    "complex": (lambda m: m.vectorize(lambda x: x * 1j), ([1.0, 2.0],)),
    "math module": (lambda m: m.vectorize(math.sqrt), ([1.0, 4.0, 9.0],)),
    "scalar input": (lambda m: m.vectorize(lambda x: x + 1), (2.5,)),
    "0-d input": (lambda m: m.vectorize(lambda x: x + 1), (numpy.array(3),)),
    "uint64": (lambda m: m.vectorize(lambda x: x), (numpy.array([2**64 - 1], numpy.uint64),)),
    "two outputs": (lambda m: m.vectorize(lambda x: (x, x * 1.5)), ([1, 2],)),
    "two outputs, otypes": (lambda m: m.vectorize(divmod, otypes=[int, float]), ([7, 9], 2)),
    "empty with otypes": (lambda m: m.vectorize(lambda x: x, otypes=[float]), ([],)),
    "keyword argument": (lambda m: m.vectorize(lambda x, y=1: x * y), ([1, 2],), {"y": [3, 4]}),
    "excluded position": (lambda m: m.vectorize(lambda x, p: sum(c * x ** i for i, c in
                                                              enumerate(p)), excluded={1}),
                          ([1, 2],), {"p": None}),
    "excluded keyword": (lambda m: m.vectorize(lambda x, p=(1, 2): p[0] + p[1] * x,
                                               excluded={"p"}), ([1, 2],), {"p": (3, 4)}),
    "cache": (lambda m: m.vectorize(lambda x: x * 3, cache=True), ([1, 2, 3],)),
    "no arguments": (lambda m: m.vectorize(lambda: 5), ()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_vectorize_matches_numpy(case):
    make, args, *kwargs = CASES[case]
    kwargs = dict(kwargs[0]) if kwargs else {}
    if case == "excluded position":
        args, kwargs = ([1, 2], [1, 2, 3]), {}
    _both(make, *args, **kwargs)


def test_first_call_gets_0d_arrays_then_python_scalars():
    seen = []

    def f(x):
        seen.append(type(x))
        return x
    numpy.vectorize(f)(numpy.asarray([1.0, 2.0]))
    assert seen == [numpy.float64, float, float]
    seen.clear()
    torchnp.vectorize(f)(torchnp.asarray([1.0, 2.0]))
    assert seen == [torchnp.ndarray, float, float]      # a 0-d array stands for NumPy's scalar


def test_cache_calls_the_first_element_once():
    calls = []

    def f(x):
        calls.append(x)
        return x
    torchnp.vectorize(f, cache=True)([1, 2, 3])
    assert len(calls) == 3
    calls.clear()
    torchnp.vectorize(f)([1, 2, 3])
    assert len(calls) == 4


SIGNATURE_CASES = {
    "mean of rows": (lambda m: m.vectorize(lambda x: x.mean(), signature="(n)->()"),
                     (numpy.arange(12.0).reshape(3, 4),)),
    "outer": (lambda m: m.vectorize(lambda a, b: a * b[:, None], signature="(n),(m)->(m,n)"),
              (numpy.arange(3.0), numpy.arange(2.0))),
    "broadcast loop dims": (lambda m: m.vectorize(lambda a, b: (a * b).sum(),
                                                  signature="(n),(n)->()"),
                            (numpy.arange(6.0).reshape(2, 3), numpy.arange(3.0))),
    "two outputs": (lambda m: m.vectorize(lambda x: (x.min(), x.max()),
                                          signature="(n)->(),()"),
                    (numpy.arange(6).reshape(2, 3),)),
    "otypes": (lambda m: m.vectorize(lambda x: x.sum(), signature="(n)->()", otypes=[float]),
               (numpy.arange(6).reshape(2, 3),)),
    "empty loop with otypes": (lambda m: m.vectorize(lambda x: x.sum(), signature="(n)->()",
                                                     otypes=[float]), (numpy.zeros((0, 3)),)),
    "new output dim": (lambda m: m.vectorize(lambda x: m.stack([x, x]), signature="()->(k)"),
                       (numpy.arange(3),)),
}


@pytest.mark.parametrize("case", list(SIGNATURE_CASES))
def test_vectorize_with_a_signature(case):
    make, args = SIGNATURE_CASES[case]
    _both(make, *args)


def _errors(m):
    return {
        "size 0 without otypes": lambda: m.vectorize(lambda x: x)([]),
        "bad otype char": lambda: m.vectorize(lambda x: x, otypes="x"),
        "bad otypes": lambda: m.vectorize(lambda x: x, otypes=5),
        "not callable": lambda: m.vectorize(5),
        "shapes": lambda: m.vectorize(lambda x, y: x)([1, 2], [1, 2, 3]),
        "bad signature": lambda: m.vectorize(lambda x: x, signature="(n->()"),
        "signature arity": lambda: m.vectorize(lambda x: x, signature="(n)->()")([1], [2]),
        "core dims mismatch": lambda: m.vectorize(lambda a, b: a, signature="(n),(n)->(n)")(
            [1, 2], [1, 2, 3]),
        "too few dims": lambda: m.vectorize(lambda a: a, signature="(n,m)->()")([1, 2]),
        "wrong number of outputs": lambda: m.vectorize(lambda a: a, signature="(n)->(),()")(
            [[1, 2]]),
        "size 0 signature": lambda: m.vectorize(lambda a: a, signature="(n)->()")(m.zeros((0, 2))),
        "new dims on size 0": lambda: m.vectorize(lambda a: a, signature="(n)->(k)",
                                                  otypes=[float])(m.zeros((0, 2))),
        "function raises": lambda: m.vectorize(lambda x: 1 / x)([1, 0]),
    }


@pytest.mark.parametrize("case", list(_errors(numpy)))
def test_vectorize_errors(case):
    raises_like_numpy(_errors(numpy)[case], _errors(torchnp)[case])


def test_out_of_scope_result_types_raise_type_error():
    with pytest.raises(TypeError, match="does not support"):
        torchnp.vectorize(str)([1, 2])
    with pytest.raises(TypeError, match="does not support"):
        torchnp.vectorize(lambda x: x, otypes=[object])


def test_decorator_forms_and_attributes():
    @torchnp.vectorize
    def double(x):
        """Twice x."""
        return 2 * x

    @torchnp.vectorize(otypes=[float], doc="Halves.")
    def half(x):
        return x / 2

    assert double.__name__ == "double" and double.__doc__ == "Twice x."
    assert half.__name__ == "half" and half.__doc__ == "Halves."
    assert_matches_numpy(double([1, 2]), numpy.vectorize(lambda x: 2 * x)([1, 2]))
    assert_matches_numpy(half([1, 3]), numpy.vectorize(lambda x: x / 2, otypes=[float])([1, 3]))


def test_results_live_on_the_inputs_device():
    a = torchnp.arange(3.0)
    assert torchnp.vectorize(lambda v: v + 1)(a).device == a.device
