"""Prints what every operator and short ufunc call does on a fixed set of operands, one line
each: ``tests/test_speedups.py`` runs it with and without the C extension and compares."""
import operator
import warnings

import numpy

import torchnp as np


class Refuser:
    """Opts out of ufuncs (NEP 13): the ndarray operators return NotImplemented to it."""
    __array_ufunc__ = None

    def __radd__(self, other):
        return "Refuser.__radd__"

    def __lt__(self, other):
        return "Refuser.__lt__"


def operands():
    arrays = [np.asarray(numpy.array([0, 1, 3]).astype(d))
              for d in ["bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64",
                        "complex128"]]
    arrays += [np.asarray(2.5) * 1, np.arange(6.0).reshape(2, 3)[:, 1:], np.arange(4).reshape(4, 1),
               np.eye(3)[0]]
    others = [2, -1, 2**70, 2.5, 1j, True, numpy.float32(1.5), numpy.arange(3), [1, 2, 3], None,
              Refuser()]
    return arrays, others


BINARY = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
          operator.mod, operator.and_, operator.or_, operator.xor, operator.lshift,
          operator.rshift, operator.matmul, operator.pow, divmod, operator.lt, operator.le,
          operator.eq, operator.ne, operator.gt, operator.ge]
INPLACE = [operator.iadd, operator.isub, operator.imul, operator.itruediv, operator.ifloordiv,
           operator.imod, operator.iand, operator.ior, operator.ixor, operator.ilshift,
           operator.irshift, operator.imatmul, operator.ipow]
UNARY = [operator.neg, operator.pos, abs, operator.invert]
UFUNCS2 = [np.add, np.subtract, np.divide, np.power, np.maximum, np.arctan2, np.equal,
           np.logical_and, np.ldexp]
UFUNCS1 = [np.sin, np.negative, np.sqrt, np.isnan, np.logical_not, np.invert]


def describe(f, *args):
    """What ``f(*args)`` does: its value (or exception class) and the warning classes it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            res = f(*args)
        except Exception as e:              # noqa: BLE001 (the class is what is compared)
            return f"raises {type(e).__name__} {sorted({w.category.__name__ for w in caught})}"
    seen = sorted({w.category.__name__ for w in caught})
    return f"{value(res)} {seen}"


def value(res):
    if isinstance(res, tuple):
        return tuple(value(r) for r in res)
    if isinstance(res, np.ndarray):
        return (res.tensor.numpy().tolist(), str(res.dtype), res._scalar, res._base is None)
    return repr(res)


def copy(x):
    """An ndarray's copy (``copy()`` keeps a 0-d result's scalar standing), else ``x``."""
    return x.copy() if isinstance(x, np.ndarray) else x


def base_of(res, x):
    """How a view's ``.base`` relates to its source ``x``."""
    if not isinstance(res, np.ndarray):
        return "-"
    return "x" if res.base is x else "x.base" if res.base is x.base and res.base is not None \
        else "none" if res.base is None else "other"


VIEWS = [lambda x: x.reshape(-1), lambda x: x.reshape((1, -1)), lambda x: x.reshape(1, 1, -1),
         lambda x: x.reshape(4, 4), lambda x: x.reshape(()), lambda x: x.reshape([3, -1]),
         lambda x: x.reshape(), lambda x: x.reshape(-1, order="F"), lambda x: x.T,
         lambda x: x.T.T, lambda x: x.reshape(1, -1).T]
JOINS = [lambda x, y: np.concatenate([x, y]), lambda x, y: np.concatenate([x, y], 1),
         lambda x, y: np.concatenate([x, y], -1), lambda x, y: np.concatenate([x, y], axis=5),
         lambda x, y: np.concatenate([x, x, y]), lambda x, y: np.concatenate((x, y))]


def main():
    arrays, others = operands()
    for x in arrays:
        for y in arrays + others:
            for f in BINARY:
                print(f.__name__, describe(f, x, y), describe(f, y, x))
            for f in INPLACE:
                a = copy(x)
                print(f.__name__, describe(f, a, y), value(a))
            for f in UFUNCS2:
                print(f.__name__, describe(f, x, y), describe(f, y, x))
        for f in UNARY + UFUNCS1:
            print(f.__name__, describe(f, x))
    for y in others:
        for f in UFUNCS1:
            print(f.__name__, describe(f, y))
    shaped = arrays + [np.zeros((0,)), np.ones((2, 0)), np.arange(6.0).reshape(3, 2).T,
                       np.asarray(7.0)]
    for x in shaped:
        for i, f in enumerate(VIEWS):
            try:
                res = f(x)
            except Exception:               # noqa: BLE001 (describe reports it)
                res = None
            print("view", i, describe(f, x), base_of(res, x))
        for y in shaped:
            for i, f in enumerate(JOINS):
                print("join", i, describe(f, x, y))


if __name__ == "__main__":
    main()
