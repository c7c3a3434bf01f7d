"""No hidden host syncs (issue 12): the common path never reads a value back to the host.

Three checks:
- ``test_common_path_reads_nothing_back``: a NumPy-style program (ufunc chains, reductions with
  axis, broadcasting, basic indexing reads and writes, matmul, where, reshape/transpose,
  concatenate, astype, creation, random draws) runs on the ``meta`` device, where tensors hold no
  data, so any read of a value (``.item()``, ``bool()``, ``.tolist()``, a copy to the CPU, a
  value-dependent size such as ``nonzero``) raises; the Python-level reads are also counted, so one
  that torchnp caught and recovered from would still be seen. The results' shapes and dtypes are
  NumPy's for the same program.
- ``test_common_path_has_no_cuda_sync``: the same program under
  ``torch.cuda.set_sync_debug_mode("error")`` where CUDA exists.
- ``test_host_reads_are_marked``: every place in ``torchnp/`` that reads a tensor back
  (``.item()``, ``.tolist()``, ``.cpu()``, ``.numpy()``, ``bool()`` / ``int()`` / ``float()`` /
  ``complex()`` of a tensor expression) carries a ``# host-sync: <why>`` comment on its statement
  or the line above; calls on NumPy data in device code carry ``# host-data: <why>`` instead.
  Modules that are host work by design (printing, files, NumPy's testing functions) are listed
  in ``HOST_MODULES`` with the reason.
"""
import ast
import contextlib
import pathlib
import warnings

import numpy
import pytest
import torch

import torchnp

ROOT = pathlib.Path(__file__).resolve().parent.parent / "torchnp"


def program(xp):
    """The common path, written once for NumPy and torchnp; returns the arrays it made."""
    rng = xp.random.default_rng(0)
    x = rng.standard_normal((8, 5))
    w = rng.uniform(-1, 1, size=(5, 3))
    n = rng.integers(0, 10, size=4)
    b = xp.zeros(3)
    y = xp.tanh(x @ w + b) * 2.0 - 1
    y = xp.exp(-y ** 2) / (1 + xp.abs(y))
    s = y.sum(axis=0, keepdims=True)
    m = y.mean(axis=1)
    v = xp.var(y, axis=0, ddof=1)
    mx = y.max(axis=1)
    am = xp.argmax(y, axis=1)
    z = xp.where(y > 0, y, 0.1 * y)
    z = xp.maximum(z, -1.0)
    zt = z.reshape(4, 6).T.reshape(-1)
    c = xp.concatenate([zt, zt[::2]])
    st = xp.stack([m, m])
    t = z.astype(xp.float32)
    t2 = xp.sqrt(xp.clip(t, 0, None)).astype(xp.float64)
    z[1:3, ::2] = 0.5
    z[0] = s[0]
    z[..., 1] += 1.0
    z *= 2
    e = xp.linspace(0, 1, 5)[None, :] + xp.ones((3, 1))
    f = xp.full((2, 3), 7.0) + xp.eye(2, 3) + xp.ones_like(e[:2, :3]) + xp.arange(3)
    sm = xp.exp(z - z.max(axis=1, keepdims=True))
    sm = sm / sm.sum(axis=1, keepdims=True)
    lse = xp.log(xp.sum(xp.exp(z), axis=1))
    dot = xp.dot(z, w.T @ w[:, :1])
    mm = xp.matmul(x[None], w)
    cs = xp.cumsum(x, axis=0)
    ex = xp.expand_dims(x, 0).squeeze(0)
    bits = (n & 3) | (n << 1)
    cmp = xp.logical_and(x > 0, x < 1).any(axis=0)
    return [x, w, n, y, s, m, v, mx, am, z, zt, c, st, t, t2, e, f, sm, lse, dot, mm, cs, ex,
            bits, cmp]


# The Python-level ways to read a tensor back; each call is counted while the program runs.
_READS = ("item", "tolist", "cpu", "numpy", "__bool__", "__int__", "__float__", "__index__",
          "__complex__")


@contextlib.contextmanager
def _counting_reads():
    counts = {}
    saved = {name: torch.Tensor.__dict__.get(name) for name in _READS}

    def counter(name, method):
        def read(self, *args, **kwargs):
            counts[name] = counts.get(name, 0) + 1
            return method(self, *args, **kwargs)
        return read

    for name in _READS:
        setattr(torch.Tensor, name, counter(name, getattr(torch.Tensor, name)))
    try:
        yield counts
    finally:
        for name, method in saved.items():
            if method is None:
                delattr(torch.Tensor, name)
            else:
                setattr(torch.Tensor, name, method)


def _check_like_numpy(results, expected):
    for i, (r, e) in enumerate(zip(results, expected)):
        assert (r.dtype, r.shape) == (e.dtype, e.shape), (i, r.dtype, r.shape, e.dtype, e.shape)


def test_common_path_reads_nothing_back():
    with torchnp.default_device("meta"), _counting_reads() as counts:
        results = program(torchnp)
    assert counts == {}, f"host reads on the common path: {counts}"
    assert all(r.tensor.device.type == "meta" for r in results)
    _check_like_numpy(results, program(numpy))


HOST_READS = {
    "item": lambda a: a[0, 0].item(),
    "bool": lambda a: bool(a[0, 0] > 0),
    "if": lambda a: 1 if (a > 0).any() else 0,
    "int": lambda a: int(a[0, 0]),
    "index": lambda a: [1, 2, 3][a.astype(int)[0, 0]],
    "tolist": lambda a: a.tolist(),
    "repr": repr,
    "numpy": numpy.asarray,
    "nonzero": torchnp.nonzero,
    "mask": lambda a: a[a > 2],
    "unique": torchnp.unique,
    "int-array-index": lambda a: a[:, torchnp.asarray([0, 2])],    # the bounds check
}


@pytest.mark.parametrize("read", HOST_READS.values(), ids=HOST_READS.keys())
def test_the_meta_device_catches_host_reads(read):
    """The check above can fail: each way of reading values back raises on meta."""
    with torchnp.default_device("meta"):
        a = torchnp.arange(6.0).reshape(2, 3)
        # torch's errors, or torchnp's TypeError where __array__ refuses a meta array
        with pytest.raises((RuntimeError, NotImplementedError, TypeError)):
            read(a)


def test_read_counter_counts():
    with _counting_reads() as counts:
        bool(torch.ones(()) > 0)
        torch.ones(2).tolist()
    assert counts == {"__bool__": 1, "tolist": 1}


@pytest.mark.skipif(not torch.cuda.is_available(),
                    reason="needs CUDA: torch's sync debug mode counts syncs on CUDA streams only "
                           "(on the CPU, test_common_path_reads_nothing_back checks on meta)")
def test_common_path_has_no_cuda_sync():
    previous = torch.cuda.get_sync_debug_mode()
    with torchnp.default_device("cuda"):
        program(torchnp)        # warm up: first calls may load kernels and allocate
        torch.cuda.synchronize()
        torch.cuda.set_sync_debug_mode("error")
        try:
            results = program(torchnp)
        finally:
            torch.cuda.set_sync_debug_mode(previous)
    assert all(r.tensor.device.type == "cuda" for r in results)
    _check_like_numpy(results, program(numpy))


# ----- the source is marked -----------------------------------------------------------------------
# Modules whose work is on the host by design (documented as such in their docstrings): they copy
# arrays to the host to format, write or compare them with NumPy's own functions.
HOST_MODULES = {
    "_printing.py": "formats host copies with NumPy's printing",
    "_io.py": "reads and writes files through host copies",
    "_memmap.py": "a file-backed array: its memory is on the host",
    "testing": "NumPy's assertions on host copies",
    "__main__.py": "command-line tools",
    "_bench.py": "benchmarks",
    "_demo.py": "the demo compares with NumPy",
    "_coverage.py": "reads NumPy's namespace",
    "_core/_generated": "generated data tables, no code",
}

_METHOD_READS = {"item", "tolist", "cpu", "numpy"}
_CAST_READS = {"bool", "int", "float", "complex"}
# inside bool(...) etc., these make the argument a tensor expression
_TENSOR_ATTRS = ("_t", "tensor", "any", "all")
_HOST_TORCH = {"finfo", "iinfo"}


def _tensor_expression(node):
    """Whether an expression computes with tensors: an ndarray's ``._t`` / ``.tensor``, a call of
    a torch function (not ``torch.finfo`` / ``iinfo``), or an ``.any()`` / ``.all()`` method."""
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and n.attr in _TENSOR_ATTRS[:2]:
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            owner = n.func.value.id if isinstance(n.func.value, ast.Name) else None
            if owner == "torch" and n.func.attr not in _HOST_TORCH:
                return True
            if owner not in ("torch", "numpy") and n.func.attr in _TENSOR_ATTRS[2:]:
                return True
    return False


def _read_kind(call):
    """The kind of host read a Call node is (".item", "bool(", ...), or None."""
    f = call.func
    if isinstance(f, ast.Attribute) and f.attr in _METHOD_READS and not call.args:
        return "." + f.attr
    if isinstance(f, ast.Name) and f.id in _CAST_READS and len(call.args) == 1 \
            and _tensor_expression(call.args[0]):
        return f.id + "("
    return None


def _statement_lines(tree):
    """{line: (first, last) line of the innermost statement holding it}."""
    span = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            first = node.lineno
            # a compound statement's own lines end where its body starts
            body = getattr(node, "body", None)
            last = body[0].lineno - 1 if isinstance(body, list) and body and \
                isinstance(body[0], ast.stmt) else node.end_lineno
            for ln in range(first, last + 1):
                if ln not in span or span[ln][0] <= first:
                    span[ln] = (first, last)
    return span


def _above(lines, first):
    """Index of the first line above statement line ``first`` that may carry its marker: the
    line just above, and the block of comment lines it ends."""
    i = max(first - 2, 0)
    while i > 0 and lines[i].lstrip().startswith("#") and lines[i - 1].lstrip().startswith("#"):
        i -= 1
    return i


def unmarked_reads(path, source):
    """["path:line: kind: code"] for host reads in ``source`` without a marker on their statement
    or above it (the line above, and the block of comment lines it ends)."""
    lines = source.splitlines()
    tree = ast.parse(source)
    reads = [(node, kind) for node in ast.walk(tree)
             if isinstance(node, ast.Call) and (kind := _read_kind(node)) is not None]
    span = _statement_lines(tree) if reads else {}
    found = []
    for node, kind in reads:
        first, last = span.get(node.lineno, (node.lineno, node.end_lineno))
        text = lines[_above(lines, first):max(last, node.end_lineno)]
        if not any("# host-sync:" in ln or "# host-data:" in ln for ln in text):
            found.append(f"{path}:{node.lineno}: {kind}: {lines[node.lineno - 1].strip()}")
    return found


def _device_modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if any(rel.as_posix().startswith(name) for name in HOST_MODULES):
            continue
        yield rel, path.read_text()


def test_host_reads_are_marked():
    unmarked = [f for rel, src in _device_modules() for f in unmarked_reads(rel, src)]
    assert not unmarked, ("host reads without a '# host-sync: <why>' comment (or '# host-data:' "
                          "for NumPy data) on their statement or the line above:\n"
                          + "\n".join(unmarked))


def test_host_modules_exist():
    for name in HOST_MODULES:
        assert (ROOT / name).exists(), name


_CHECKER_CASES = [
    ("x = t.item()\n", 1),
    ("x = t.item()   # host-sync: a Python scalar\n", 0),
    ("# host-sync: a Python scalar\nx = t.item()\n", 0),
    ("x = f(a,\n      t.tolist())   # host-sync: sizes\n", 0),
    ("if bool(a._t.any()):\n    pass\n", 1),
    ("if bool(a._t.any()):   # host-sync: NumPy's check\n    pass\n", 0),
    ("x = 1   # host-sync: elsewhere\ny = 2\nz = int(torch.sum(t))\n", 1),
    ("if (t > 0).any():\n    pass\nok = bool(numpy.any(h))\n", 0),
    ("ok = bool((a._t > 0).any())\n", 1),
    ("n = int(k)\nf = float(torch.finfo(torch.float32).max)\n", 0),
    ("v = host.numpy()   # host-data: a NumPy array\n", 0),
    ("z = a.cpu()\n", 1),
    ("# host-sync: a reason\n# on two lines\nz = a.cpu()\n", 0),
    ("# host-sync: for the line below\nx = 1\n# a comment\nz = a.cpu()\n", 1),
]


@pytest.mark.parametrize("source, count", _CHECKER_CASES)
def test_checker_finds_unmarked_reads(source, count):
    assert len(unmarked_reads("x.py", source)) == count


# ----- every operator of the database on meta -----------------------------------------------------
# Each entry's first samples that NumPy accepts, with their arrays on meta and meta as the default
# device: the results are on meta with NumPy's shapes and dtypes, or the operator reads values
# back by design and is listed here with the reason (one list, checked both ways, so a new read on
# a common path fails here). The reads are NumPy's: results sized by values, Python results, and
# checks of values NumPy raises or warns on.
READS_BACK = {
    "allclose": "a Python bool", "array_equal": "a Python bool", "array_equiv": "a Python bool",
    "argwhere": "size", "nonzero": "size", "flatnonzero": "size", "extract": "size",
    "compress": "size", "piecewise": "boolean masks", "trim_zeros": "size",
    "unique": "size", "unique_all": "size", "unique_counts": "size", "unique_inverse": "size",
    "unique_values": "size", "intersect1d": "size", "setdiff1d": "size", "setxor1d": "size",
    "union1d": "size", "repeat": "size from the counts", "bincount": "size from the maximum",
    "delete": "size from the indices", "insert": "size from the indices",
    "mask_indices": "size", "histogram": "bin edges checked", "histogram2d": "bin edges checked",
    "histogramdd": "bin edges checked", "histogram_bin_edges": "bin edges checked",
    "digitize": "bins checked monotonic", "gradient": "uniform spacing decides the formula",
    "average": "a zero sum of weights raises", "asarray_chkfinite": "finiteness checked",
    "nanmax": "all-NaN warning", "nanmin": "all-NaN warning", "nanargmax": "all-NaN raises",
    "nanargmin": "all-NaN raises", "nanmedian": "all-NaN warning",
    "nanquantile": "all-NaN warning", "nanpercentile": "all-NaN warning",
    "quantile": "quantile arrays checked in range", "percentile": "quantile arrays checked",
    "take": "index bounds checked", "take_along_axis": "index bounds checked",
    "choose": "index bounds checked", "ravel_multi_index": "index bounds checked",
    "unravel_index": "index bounds checked",
    "partition": "the database's wrapper indexes with kth (partition itself reads nothing)",
    "argpartition": "the database's wrapper indexes with kth",
    "emath.arccos": "result dtype by value", "emath.arcsin": "result dtype by value",
    "emath.arctanh": "result dtype by value", "emath.log": "result dtype by value",
    "emath.log10": "result dtype by value", "emath.log2": "result dtype by value",
    "emath.logn": "result dtype by value", "emath.power": "result dtype by value",
    "emath.sqrt": "result dtype by value", "linalg.eig": "real or complex by value",
    "linalg.eigvals": "real or complex by value", "linalg.lstsq": "failure and rank",
    "poly": "real or complex by value", "roots": "size", "polyfit": "rank warning",
    "polydiv": "size", "polymul": "NumPy trims leading zeros (poly1d)",
    "frombuffer": "a buffer is host memory",
    # numpy.polynomial: series are trimmed of trailing zero coefficients (as_series, trimseq),
    # so lengths depend on values; roots and companions check the leading coefficient, fits
    # the rank (NumPy's RankWarning), and line() drops a zero slope
    **{f"polynomial.{module}.{prefix}{name}": "size or checks by value, as NumPy's"
       for module, prefix in (("polynomial", "poly"), ("chebyshev", "cheb"),
                              ("legendre", "leg"), ("hermite", "herm"), ("hermite_e", "herme"),
                              ("laguerre", "lag"))
       for name in ("add", "sub", "mul", "mulx", "div", "pow", "fit", "fromroots", "line",
                    "roots", "companion")},
    **{f"polynomial.{module}.{name}": "size by value (trailing zeros trimmed), as NumPy's"
       for module, names in (("chebyshev", ("cheb2poly", "poly2cheb", "chebinterpolate")),
                             ("legendre", ("leg2poly", "poly2leg")),
                             ("hermite", ("herm2poly", "poly2herm")),
                             ("hermite_e", ("herme2poly", "poly2herme")),
                             ("laguerre", ("lag2poly", "poly2lag")),
                             ("polyutils", ("as_series", "trimcoef", "trimseq")))
       for name in names},
}

_META_ERRORS = ("meta tensor", "no data", "register_meta")


def _leaves(x):
    if isinstance(x, (tuple, list)):
        return [leaf for e in x for leaf in _leaves(e)]
    return [x]


def _meta_samples(op, limit=3):
    from opinfo.core import call_quietly
    dt = op.variant_dtypes()[0]
    out = []
    for s in op.sample_inputs(dt):
        if s.tag is None:
            expected, exc = call_quietly(op.ref, s.numpy_copy())
            if exc is None:
                out.append((s, expected))
        if len(out) == limit:
            break
    return out


def _run_on_meta(op, sample):
    """torchnp's result on meta, or the exception that says it read a value back."""
    m = sample.to("meta")
    try:
        with torchnp.default_device("meta"), warnings.catch_warnings(), \
                numpy.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return op.op(*m.args, **m.kwargs), None
    except (RuntimeError, NotImplementedError, TypeError) as e:
        if any(w in str(e) for w in _META_ERRORS):
            return None, e
        raise


def _entries_by_name():
    from opinfo import op_db
    by_name = {}
    for op in op_db:
        by_name.setdefault(op.name, []).append(op)
    return by_name


_BY_NAME = _entries_by_name()


@pytest.mark.parametrize("name", sorted(_BY_NAME))
def test_operator_on_meta(name):
    read = None
    for op, (sample, expected) in [(op, s) for op in _BY_NAME[name] for s in _meta_samples(op)]:
        got, read_error = _run_on_meta(op, sample)
        if read_error is not None:
            read = read or read_error
            continue
        got_leaves, want_leaves = _leaves(got), _leaves(expected)
        assert len(got_leaves) == len(want_leaves), sample
        for g, w in zip(got_leaves, want_leaves):
            if isinstance(g, torchnp.ndarray):
                assert g.tensor.device.type == "meta", f"{sample}: a result on {g.device}"
                assert (g.dtype, g.shape) == (numpy.asarray(w).dtype, numpy.shape(w)), sample
    if name in READS_BACK:
        assert read is not None, f"{name} reads nothing back now: remove it from READS_BACK"
    else:
        assert read is None, f"{name} reads a value back on meta: {read}"


def test_reads_back_names_operators():
    assert not set(READS_BACK) - set(_BY_NAME)
