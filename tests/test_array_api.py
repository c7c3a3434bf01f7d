"""The Array API standard (2024.12): torchnp is its arrays' namespace, names every function the
standard names, with the standard's signatures where NumPy 2.4 has them.

The reference signatures are array-api-strict's (the standard's own minimal implementation), at
API version 2024.12. Where NumPy 2.4 deviates from the standard, torchnp follows NumPy: each such
deviation is listed in ``NUMPY_DEVIATIONS`` and the test checks that NumPy deviates that way too.
Where NumPy lacks a keyword the standard names and adding it cannot change a NumPy call,
torchnp has it (``EXTENSIONS``). Values are compared with NumPy (the oracle), and with
array-api-strict for those extensions.
"""
import inspect

import array_api_strict as xp
import numpy as np
import pytest

import torchnp
from helpers import assert_matches_numpy

API_VERSION = "2024.12"
_P = inspect.Parameter
_POSITIONAL = (_P.POSITIONAL_ONLY, _P.POSITIONAL_OR_KEYWORD)
_KEYWORD = (_P.KEYWORD_ONLY, _P.POSITIONAL_OR_KEYWORD)
_STRICT_ONLY = {"ArrayAPIStrictFlags", "Device", "set_array_api_strict_flags",
                "get_array_api_strict_flags", "reset_array_api_strict_flags", "__version__"}

# NumPy 2.4 deviates from the standard here, and torchnp follows NumPy.
NUMPY_DEVIATIONS = {
    "sort": ["stable: default None != True"],      # None: NumPy's default kind (torchnp's sorts
    "argsort": ["stable: default None != True"],   # are stable for every kind)
}
# Keywords of the standard that NumPy 2.4 lacks and torchnp has (docs/differences.md).
EXTENSIONS = {
    "sort": ["descending: keyword"],
    "argsort": ["descending: keyword"],
    "fft.fftfreq": ["dtype: keyword"],
    "fft.rfftfreq": ["dtype: keyword"],
}
# Defaults spelt otherwise that mean the same: (name, parameter) -> why.
_FFTS = ("fft", "ifft", "fftn", "ifftn", "rfft", "irfft", "rfftn", "irfftn", "hfft", "ihfft")
EQUIVALENT_DEFAULTS = {("eye", "dtype"): "float (NumPy's spelling) and None: float64"}
EQUIVALENT_DEFAULTS.update({(f"fft.{n}", "norm"): "None and 'backward': no scaling"
                            for n in _FFTS})


def _resolve(module, dotted):
    for part in dotted.split("."):
        module = getattr(module, part, None)
    return module


def _later_than_2024_12(fn):
    """Whether array-api-strict marks ``fn`` as newer than 2024.12 (its wrapper refuses to run)."""
    with xp.ArrayAPIStrictFlags(api_version=API_VERSION):
        try:
            fn()
        except RuntimeError as e:
            return "requires API version" in str(e)
        except Exception:           # noqa: BLE001  (any other failure: no arguments given)
            return False
    return False


def _standard_functions():
    """{qualified name: array-api-strict's function} for the 2024.12 standard."""
    found = {}
    for prefix, module in (("", xp), ("linalg.", xp.linalg), ("fft.", xp.fft)):
        for name in module.__all__:
            fn = getattr(module, name)
            if inspect.isfunction(fn) and name not in _STRICT_ONLY \
                    and not _later_than_2024_12(fn):
                found[prefix + name] = fn
    return found


STANDARD = _standard_functions()


def _is_unset(default):
    """NumPy's and array-api-strict's sentinels for "not given" (the function's own default)."""
    return default is np._NoValue or type(default).__name__ == "Undef"


def mismatches(name, std, target):
    """How a call written against the standard's signature ``std`` fails on ``target``, as
    ['<parameter>: positional' | ': keyword' | ': required' | ': default X != Y']."""
    params = target.parameters
    positional = [p for p in params.values() if p.kind in _POSITIONAL]
    var_kw = any(p.kind is _P.VAR_KEYWORD for p in params.values())
    found = []
    for i, p in enumerate(std.parameters.values()):
        ours = None
        if p.kind in _POSITIONAL:
            ours = positional[i] if i < len(positional) else None
            if ours is None:
                found.append(f"{p.name}: positional")
        if p.kind in _KEYWORD:
            ours = params.get(p.name)
            if (ours is None and not var_kw) or (ours is not None and ours.kind not in _KEYWORD):
                found.append(f"{p.name}: keyword")
        if ours is None or p.default is _P.empty:
            continue
        if ours.default is _P.empty:
            found.append(f"{p.name}: required")
        elif not (_is_unset(ours.default) or _is_unset(p.default)
                  or (name, p.name) in EQUIVALENT_DEFAULTS
                  or (type(ours.default) is type(p.default) and ours.default == p.default)):
            found.append(f"{p.name}: default {ours.default!r} != {p.default!r}")
    n_std_positional = sum(p.kind in _POSITIONAL for p in std.parameters.values())
    for i, p in enumerate(positional):
        if i >= n_std_positional and p.default is _P.empty:
            found.append(f"{p.name}: required")
    return found


# ----- the namespace ------------------------------------------------------------------------------
def test_array_namespace_is_torchnp():
    a = torchnp.ones(2)
    assert a.__array_namespace__() is torchnp
    assert torchnp.__array_api_version__ == np.__array_api_version__ == API_VERSION
    for version in (None, "2021.12", "2022.12", "2023.12", "2024.12", "2025.12", "2020.1", 2024):
        try:
            np.ones(2).__array_namespace__(api_version=version)
        except ValueError as e:
            with pytest.raises(ValueError, match=str(e).split(":")[0].split(" of")[0]):
                a.__array_namespace__(api_version=version)
        else:
            assert a.__array_namespace__(api_version=version) is torchnp


def test_every_standard_name_exists():
    names = [n for n in xp.__all__ if n not in _STRICT_ONLY and n != "__array_api_version__"]
    names += [f"linalg.{n}" for n in xp.linalg.__all__] + [f"fft.{n}" for n in xp.fft.__all__]
    missing = [n for n in names if n != "newaxis" and _resolve(torchnp, n) is None]
    assert not missing, f"the standard's names torchnp lacks: {missing}"
    assert torchnp.newaxis is None
    for dtype in ("bool", "int8", "uint64", "float32", "float64", "complex64", "complex128"):
        assert np.dtype(getattr(torchnp, dtype)) == np.dtype(dtype)


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_signature_follows_the_standard(name):
    std = inspect.signature(STANDARD[name])
    ours, numpys = _resolve(torchnp, name), _resolve(np, name)
    if isinstance(ours, torchnp.ufunc):
        # ufuncs take their operands positionally; a gufunc (vecdot) takes ``axis=`` too
        assert isinstance(numpys, np.ufunc)
        assert ours.nin == sum(p.kind in _POSITIONAL for p in std.parameters.values())
        assert [p.name for p in std.parameters.values() if p.kind is _P.KEYWORD_ONLY] in \
            ([], ["axis"] if ours.signature else [])
        return
    deviations = NUMPY_DEVIATIONS.get(name, [])
    assert mismatches(name, std, inspect.signature(ours)) == deviations
    assert sorted(mismatches(name, std, inspect.signature(numpys))) == \
        sorted(deviations + EXTENSIONS.get(name, []))


def test_the_lists_name_standard_functions():
    for table in (NUMPY_DEVIATIONS, EXTENSIONS):
        assert set(table) <= set(STANDARD)
    assert {name for name, _ in EQUIVALENT_DEFAULTS} <= set(STANDARD)


# ----- semantics: the standard's, where NumPy follows it (NumPy is the oracle) --------------------
def _same(call):
    """``call(namespace)`` with torchnp and NumPy: the same result."""
    assert_matches_numpy(call(torchnp), call(np))


INTEGERS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


@pytest.mark.parametrize("dtype", INTEGERS)
def test_searchsorted_on_every_integer_dtype(dtype):
    for side in ("left", "right"):
        _same(lambda m: m.searchsorted(m.asarray([1, 3, 5, 7], dtype=dtype),
                                       m.asarray([0, 3, 6, 8], dtype=dtype), side=side))
    _same(lambda m: m.searchsorted(m.asarray([7, 1, 5, 3], dtype=dtype),
                                   m.asarray([3, 6], dtype=dtype), sorter=m.asarray([1, 3, 2, 0])))


_SPECIAL = (0.0, -0.0, 1.0, -2.5, np.inf, -np.inf, np.nan, 1e300)


@pytest.mark.parametrize("fn", ["tanh", "sign"])
@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_complex_special_cases(fn, dtype):
    """The standard's special cases of tanh and sign, as NumPy computes them (signed zeros too)."""
    with np.errstate(all="ignore"):
        z = np.array([complex(a, b) for a in _SPECIAL for b in _SPECIAL], dtype=dtype)
        want = getattr(np, fn)(z)
    got = np.asarray(getattr(torchnp, fn)(torchnp.asarray(z)))
    assert got.dtype == want.dtype
    for part in (np.real, np.imag):
        np.testing.assert_allclose(part(got), part(want), rtol=1e-6, equal_nan=True)
        zero = part(want) == 0
        np.testing.assert_array_equal(np.signbit(part(got))[zero], np.signbit(part(want))[zero])


@pytest.mark.parametrize("call", [
    lambda m: m.unique_all(m.asarray([3.0, 1.0, 2.0, 3.0, 1.0, np.nan, np.nan])),
    lambda m: m.unique_counts(m.asarray([3, 1, 2, 3, 1, 5])),
    lambda m: m.unique_inverse(m.asarray([[3, 1], [1, 2]])),
    lambda m: m.sort(m.unique_values(m.asarray([3, 1, 2, 3]))),      # order unspecified
    lambda m: m.cumulative_sum(m.asarray([[1, 2], [3, 4]], dtype="int8"), axis=0),
    lambda m: m.cumulative_sum(m.asarray([True, True]), include_initial=True),
    lambda m: m.cumulative_sum(m.asarray([[1, 2], [3, 4]]), axis=1, dtype="float32"),
    lambda m: m.cumulative_prod(m.asarray([[1, 2], [3, 4]], dtype="uint8"), axis=1,
                                include_initial=True),
    lambda m: m.diff(m.asarray([1, 4, 9]), n=2, prepend=m.asarray([0]), append=m.asarray([20])),
    lambda m: tuple(m.meshgrid(m.asarray([1, 2]), m.asarray([3, 4, 5]), indexing="ij")),
    lambda m: tuple(m.meshgrid(m.asarray([1, 2]), m.asarray([3, 4, 5]))),
    lambda m: m.tril(m.ones((2, 3, 3)), k=-1),
    lambda m: m.triu(m.ones((2, 3, 3)), k=1),
    lambda m: m.clip(m.asarray([1, 5, 9]), min=2, max=m.asarray(6)),
    lambda m: m.clip(m.asarray([1.0, 5.0, 9.0]), None, 3.5),
    lambda m: m.clip(m.asarray([1, 5, 9], dtype="int8"), max=3),
    lambda m: m.vecdot(m.asarray([[1j, 2], [3, 4]]), m.asarray([[1, 1j], [2, 3]]), axis=0),
    lambda m: m.linalg.vecdot(m.asarray([1.0, 2.0]), m.asarray([3.0, 4.0])),
    lambda m: m.astype(m.asarray([1.5, 2.0]), m.int32, copy=False),
    lambda m: m.astype(m.asarray([1.5, 2.0]), m.float32, device="cpu"),
    lambda m: m.take_along_axis(m.asarray([[3, 1], [2, 4]]), m.asarray([[1], [0]]), axis=1),
    lambda m: m.take_along_axis(m.asarray([3, 1, 2]), m.asarray([2, 0])),
    lambda m: m.count_nonzero(m.asarray([[0, 1], [2, 0]]), axis=(0, 1), keepdims=True),
    lambda m: m.from_dlpack(np.arange(3), copy=True),
    lambda m: m.concat([m.asarray([1]), m.asarray([2.0])], axis=None),
    lambda m: m.permute_dims(m.ones((1, 2, 3)), (2, 0, 1)),
    lambda m: m.unstack(m.asarray([[1, 2], [3, 4]]), axis=1),
    lambda m: m.matrix_transpose(m.ones((2, 1, 3))),
    lambda m: m.repeat(m.asarray([1, 2]), m.asarray([2, 3])),
    lambda m: m.std(m.asarray([1.0, 2.0, 4.0]), correction=1),
    lambda m: m.var(m.asarray([1.0, 2.0, 4.0]), correction=1.5),
    lambda m: m.max(m.asarray([[1, 2], [3, 4]]), axis=(0, 1), keepdims=True),
    lambda m: m.expand_dims(m.asarray([1, 2]), axis=(0, -1)),
    lambda m: m.linalg.matrix_norm(m.asarray([[1.0, 2.0], [3.0, 4.0]]), ord="nuc"),
    lambda m: m.linalg.vector_norm(m.asarray([[1.0, 2.0], [3.0, 4.0]]), axis=(0, 1), ord=3),
    lambda m: m.linalg.trace(m.ones((2, 3, 3)), offset=1, dtype="float32"),
    lambda m: m.linalg.diagonal(m.ones((2, 3, 3)), offset=1),
    lambda m: m.linalg.matrix_rank(m.asarray([[1.0, 2.0], [2.0, 4.0]]), rtol=1e-3),
])
def test_standard_functions_match_numpy(call):
    _same(call)


def test_isdtype_kinds_match_numpy():
    kinds = ("bool", "signed integer", "unsigned integer", "integral", "real floating",
             "complex floating", "numeric", ("bool", "real floating"))
    for name in INTEGERS + ("bool", "float32", "float64", "complex64", "complex128"):
        for kind in kinds:
            assert torchnp.isdtype(getattr(torchnp, name), kind) == \
                np.isdtype(np.dtype(name), kind)


# ----- torchnp's extensions: the standard's keywords NumPy lacks; array-api-strict is the oracle --
@pytest.mark.parametrize("fn", ["sort", "argsort"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_descending_sorts_as_the_standard(fn, axis):
    x = np.array([[3.0, 1.0, 3.0, np.nan, 2.0, 1.0], [0.0, 0.0, 1.0, 1.0, -1.0, 5.0]])
    got = getattr(torchnp, fn)(torchnp.asarray(x), axis=axis, descending=True)
    with xp.ArrayAPIStrictFlags(api_version=API_VERSION):
        want = np.asarray(getattr(xp, fn)(xp.asarray(x), axis=axis, descending=True))
    assert_matches_numpy(got, want)
    assert_matches_numpy(getattr(torchnp, fn)(torchnp.asarray(x), axis=axis, descending=False),
                         getattr(np, fn)(x, axis=axis, kind="stable"))


@pytest.mark.parametrize("fn", ["fftfreq", "rfftfreq"])
def test_fftfreq_dtype_as_the_standard(fn):
    with xp.ArrayAPIStrictFlags(api_version=API_VERSION):
        want = np.asarray(getattr(xp.fft, fn)(6, d=0.5, dtype=xp.float32))
    assert_matches_numpy(getattr(torchnp.fft, fn)(6, d=0.5, dtype=torchnp.float32), want)
    assert_matches_numpy(getattr(torchnp.fft, fn)(6, d=0.5), getattr(np.fft, fn)(6, d=0.5))
    with pytest.raises(ValueError, match="real floating"):
        getattr(torchnp.fft, fn)(6, dtype=torchnp.int32)
