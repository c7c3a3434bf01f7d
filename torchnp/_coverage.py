"""Which NumPy callables torchnp implements: ``python -m torchnp coverage [--markdown]``.

The one enumeration of NumPy's public namespace (the top level and the submodules in
``SUBMODULES``) and the signature comparison live here; ``tests/test_meta.py`` imports them, so
the table and the meta-tests cannot disagree. The allowlist (names torchnp lacks or deliberately
differs on, each with a reason) is ``torchnp/_allowlist.py``.
"""
import inspect
import os

import numpy

import torchnp
from torchnp._allowlist import ALLOWLIST, NOT_YET, SIGNATURE

SUBMODULES = ("", "linalg", "fft", "random", "testing", "emath", "lib", "lib.stride_tricks",
              "dtypes", "exceptions", "polynomial", "polynomial.polynomial",
              "polynomial.chebyshev", "polynomial.legendre", "polynomial.hermite",
              "polynomial.hermite_e", "polynomial.laguerre", "polynomial.polyutils",
              "lib.format", "lib.npyio")

# NumPy's top level grouped by the module that defines each function (close to the reference's
# chapters, and free to compute).
_CHAPTER_OF_FILE = {
    "_core/fromnumeric.py": "Reductions, shapes, sorting, indexing (fromnumeric)",
    "_core/numeric.py": "Array creation, logic, products (numeric)",
    "_core/_asarray.py": "Array creation (numeric)",
    "_core/function_base.py": "Array creation: ranges (function_base)",
    "_core/shape_base.py": "Joining and shaping arrays (shape_base)",
    "_core/numerictypes.py": "Data types",
    "_core/arrayprint.py": "Printing",
    "_core/_ufunc_config.py": "Floating-point error handling",
    "_core/einsumfunc.py": "Linear algebra at the top level (einsum)",
    "lib/_function_base_impl.py": "Mathematical and statistical functions (function_base)",
    "lib/_nanfunctions_impl.py": "NaN-aware functions",
    "lib/_arraysetops_impl.py": "Set routines",
    "lib/_shape_base_impl.py": "Array manipulation (lib shape_base)",
    "lib/_twodim_base_impl.py": "Two-dimensional arrays (twodim_base)",
    "lib/_type_check_impl.py": "Type checks and complex numbers (type_check)",
    "lib/_histograms_impl.py": "Histograms",
    "lib/_index_tricks_impl.py": "Indexing routines (index_tricks)",
    "lib/_npyio_impl.py": "Input and output",
    "lib/_polynomial_impl.py": "Legacy polynomials",
    "lib/_stride_tricks_impl.py": "Stride tricks",
    "lib/_ufunclike_impl.py": "Mathematical functions (ufunc-like)",
    "lib/_utils_impl.py": "Utilities",
    "lib/_arraypad_impl.py": "Padding",
    "matrixlib/defmatrix.py": "Matrix class",
}


def numpy_callables(sub=""):
    """{qualified name: object} for the public callables of ``numpy`` or ``numpy.<sub>``."""
    mod = numpy
    for part in sub.split(".") if sub else ():
        mod = getattr(mod, part)
    names = getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")]
    prefix = f"{sub}." if sub else ""
    out = {}
    for name in sorted(set(names)):
        obj = getattr(mod, name, None)
        if obj is None or inspect.ismodule(obj) or not callable(obj):
            continue
        out[prefix + name] = obj
    return out


def all_numpy_callables():
    """{qualified name: object} over every submodule in ``SUBMODULES``."""
    out = {}
    for sub in SUBMODULES:
        out.update(numpy_callables(sub))
    return out


def torchnp_object(qualname):
    """torchnp's object for a qualified NumPy name, or None."""
    obj = torchnp
    for part in qualname.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def chapter(qualname, obj):
    """The chapter a NumPy callable belongs to: its submodule, or a top-level group."""
    if "." in qualname:
        return "numpy." + qualname.split(".")[0]
    if isinstance(obj, numpy.ufunc):
        return "Mathematical functions: ufuncs"
    if isinstance(obj, type):
        return "Data types, scalar types and classes"
    code = getattr(getattr(obj, "_implementation", obj), "__code__", None)
    if code is None:
        return "Core routines in C (multiarray)"
    path = code.co_filename.replace(os.sep, "/").split("numpy/")[-1]
    return _CHAPTER_OF_FILE.get(path, "Other")


def allowlist_reason(qualname):
    """The allowlist's reason for a name (a per-name line, or the line of a missing submodule)."""
    if qualname in ALLOWLIST:
        return ALLOWLIST[qualname]
    if "." in qualname:
        sub = qualname.split(".")[0]
        if torchnp_object(sub) is None:
            return ALLOWLIST.get(sub + ".*")
    return None


# ----- signatures --------------------------------------------------------------------------------
def _same_default(a, b):
    if a is b:
        return True
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:       # noqa: BLE001 - incomparable defaults differ
        return False


def signature_mismatch(np_obj, tnp_obj):
    """Why torchnp's callable does not have NumPy's signature, or None when it does.

    Ufuncs compare by nin / nout; classes and C functions without an introspectable signature by
    existence. torchnp may add keyword-only parameters with defaults after NumPy's (``device=``,
    ``requires_grad=``).
    """
    if isinstance(np_obj, numpy.ufunc):
        if not isinstance(tnp_obj, torchnp.ufunc):
            return f"NumPy's is a ufunc, torchnp's is a {type(tnp_obj).__name__}"
        if (tnp_obj.nin, tnp_obj.nout) != (np_obj.nin, np_obj.nout):
            return f"nin/nout {(tnp_obj.nin, tnp_obj.nout)} != {(np_obj.nin, np_obj.nout)}"
        return None
    if isinstance(np_obj, type):
        return None
    try:
        np_sig = inspect.signature(np_obj)
    except (TypeError, ValueError):
        return None
    try:
        t_sig = inspect.signature(tnp_obj)
    except (TypeError, ValueError):
        return "torchnp's signature cannot be introspected"
    var_kw = inspect.Parameter.VAR_KEYWORD
    np_params = [p for p in np_sig.parameters.values() if p.kind is not var_kw]
    t_params = [p for p in t_sig.parameters.values() if p.kind is not var_kw]
    for i, p in enumerate(np_params):
        if i >= len(t_params):
            return f"missing parameter {p}"
        q = t_params[i]
        if q.name != p.name or q.kind != p.kind:
            return f"parameter {i} is {q} ({q.kind.description}), NumPy's {p} ({p.kind.description})"
        if not _same_default(p.default, q.default):
            return f"parameter {p.name} defaults to {q.default!r}, NumPy's to {p.default!r}"
    for q in t_params[len(np_params):]:
        if q.kind is not inspect.Parameter.KEYWORD_ONLY or q.default is inspect.Parameter.empty:
            return f"extra parameter {q} must be keyword-only with a default"
    np_kw = any(p.kind is var_kw for p in np_sig.parameters.values())
    t_kw = any(p.kind is var_kw for p in t_sig.parameters.values())
    if np_kw != t_kw:
        return f"**kwargs: NumPy {'has' if np_kw else 'has none'}, torchnp {'has' if t_kw else 'has none'}"
    return None


# ----- the table ---------------------------------------------------------------------------------
def table():
    """[(chapter, implemented names, out-of-scope names, missing names)], in a stable order."""
    rows = {}
    for qualname, obj in all_numpy_callables().items():
        ch = chapter(qualname, obj)
        impl, oos, missing = rows.setdefault(ch, ([], [], []))
        if torchnp_object(qualname) is not None:
            impl.append(qualname)
        elif (allowlist_reason(qualname) or NOT_YET).startswith("out of scope"):
            oos.append(qualname)
        else:
            missing.append(qualname)
    top = sorted(k for k in rows if not k.startswith("numpy."))
    subs = [f"numpy.{s}" for s in SUBMODULES if s and f"numpy.{s}" in rows]
    return [(k, *rows[k]) for k in top + subs]


def main(markdown=False):
    rows = table()
    n_impl = sum(len(r[1]) for r in rows)
    n_total = sum(len(r[1]) + len(r[2]) + len(r[3]) for r in rows)
    pct = 100.0 * n_impl / n_total if n_total else 0.0
    final = f"implemented {n_impl} of {n_total} NumPy callables ({pct:.1f}%)"
    lines = []
    if markdown:
        lines += ["# torchnp coverage of NumPy's API", "",
                  "Generated by `python -m torchnp coverage --markdown` from NumPy "
                  f"{numpy.__version__}'s public callables (top level grouped by defining module; "
                  "submodules `linalg`, `fft`, `random`, `testing`, `emath`, `lib`, `dtypes`, "
                  "`exceptions`, `polynomial` and its modules). Out of scope by principle: see "
                  "[differences.md](differences.md).", "",
                  f"**{final}**", "",
                  "| chapter | implemented / total | out of scope | missing |",
                  "|---|---|---|---|"]
        for ch, impl, oos, missing in rows:
            miss = ", ".join(f"`{m}`" for m in missing) or "—"
            lines.append(f"| {ch} | {len(impl)} / {len(impl) + len(oos) + len(missing)} | "
                         f"{len(oos)} | {miss} |")
        lines += ["", final, ""]
        path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "docs", "coverage.md")
        with open(path, "w") as f:
            f.write("\n".join(lines))
        print(f"wrote {path}")
        print(final)
        return 0
    width = max(len(r[0]) for r in rows)
    for ch, impl, oos, missing in rows:
        total = len(impl) + len(oos) + len(missing)
        extra = f"  ({len(oos)} out of scope)" if oos else ""
        print(f"{ch:<{width}}  {len(impl):>4} / {total:<4}{extra}")
        if missing:
            print(f"{'':<{width}}  missing: {', '.join(missing)}")
    print(final)
    return 0


__all__ = ["ALLOWLIST", "NOT_YET", "SIGNATURE", "numpy_callables", "all_numpy_callables",
           "torchnp_object", "chapter", "allowlist_reason", "signature_mismatch", "table", "main"]
