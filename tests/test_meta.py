"""Meta-tests: torchnp's namespace and signatures against NumPy's; the database is complete.

Every public callable of NumPy's top level, ``linalg``, ``fft``, ``random`` and ``testing`` is
either in torchnp with NumPy's signature or on the allowlist (``torchnp/_allowlist.py``) with a
reason; every public torchnp callable has an operator-database entry or a reason why not.
"""
import inspect
import re

import numpy as np
import pytest

import torchnp
from opinfo import all_entries, op_db
from torchnp import _coverage
from torchnp._allowlist import ALLOWLIST, NO_OPINFO, NOT_YET, SIGNATURE

NUMPY = _coverage.all_numpy_callables()
IMPLEMENTED = sorted(q for q in NUMPY if _coverage.torchnp_object(q) is not None)


def test_every_allowlist_line_has_a_reason():
    for table in (ALLOWLIST, NO_OPINFO):
        for name, reason in table.items():
            assert isinstance(reason, str) and len(reason) > 5, f"{name}: no reason"


def test_numpy_names_are_implemented_or_allowlisted():
    missing = [q for q in NUMPY
               if _coverage.torchnp_object(q) is None and _coverage.allowlist_reason(q) is None]
    assert not missing, ("NumPy callables neither in torchnp nor on the allowlist; implement them "
                         "or add to torchnp/_allowlist.py:\n"
                         + "\n".join(f'    "{q}": NOT_YET,' for q in missing))


def test_allowlist_is_not_stale():
    stale = []
    for name, reason in ALLOWLIST.items():
        if name.endswith(".*"):
            if _coverage.torchnp_object(name[:-2]) is not None:
                stale.append(f"{name}: torchnp.{name[:-2]} exists now; list its missing names")
            continue
        if name not in NUMPY:
            stale.append(f"{name}: not a public NumPy callable")
        elif _coverage.torchnp_object(name) is not None and not reason.startswith(SIGNATURE):
            stale.append(f"{name}: torchnp has it now ({reason!r})")
    assert not stale, "stale lines in torchnp/_allowlist.py (delete them):\n" + "\n".join(stale)


def _signature_params():
    params = []
    for q in IMPLEMENTED:
        reason = ALLOWLIST.get(q, "")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason.startswith(SIGNATURE) else []
        params.append(pytest.param(q, id=q, marks=marks))
    return params


@pytest.mark.parametrize("qualname", _signature_params())
def test_signature_matches_numpy(qualname):
    problem = _coverage.signature_mismatch(NUMPY[qualname], _coverage.torchnp_object(qualname))
    assert problem is None, f"torchnp.{qualname}: {problem}"


def test_aliases_are_the_same_object():
    """Where NumPy spells one object two ways (abs / absolute), so does torchnp."""
    by_id = {}
    for q, obj in NUMPY.items():
        by_id.setdefault(id(obj), []).append(q)
    wrong = []
    for names in by_id.values():
        present = [q for q in names if _coverage.torchnp_object(q) is not None]
        objs = {id(_coverage.torchnp_object(q)) for q in present}
        if len(objs) > 1:
            wrong.append(" / ".join(present))
    assert not wrong, "NumPy aliases that are distinct objects in torchnp: " + ", ".join(wrong)


def _public_operators():
    """{qualified name: callable} for torchnp's top level and its submodules (``linalg.det``)."""
    out = {}
    for sub in _coverage.SUBMODULES:
        mod = _coverage.torchnp_object(sub) if sub else torchnp
        if mod is None:
            continue
        prefix = f"{sub}." if sub else ""
        for name in dir(mod):
            obj = getattr(mod, name)
            if (name.startswith("_") or inspect.ismodule(obj) or isinstance(obj, type)
                    or not callable(obj)):
                continue
            out[prefix + name] = obj
    return out


def test_every_public_callable_has_a_database_entry():
    covered_ids = {id(op.op) for op in op_db}
    names = {op.name for op in all_entries}
    lacking = [n for n, obj in _public_operators().items()
               if id(obj) not in covered_ids and n not in names and n not in NO_OPINFO]
    assert not lacking, ("public torchnp callables with no entry in tests/opinfo/ and no reason in "
                         "torchnp/_allowlist.py NO_OPINFO: " + ", ".join(sorted(lacking)))


def test_no_opinfo_is_not_stale():
    public = _public_operators()
    names = {op.name for op in op_db}
    stale = [n for n in NO_OPINFO if n not in public or n in names]
    assert not stale, "NO_OPINFO lines naming no public callable, or one that has an entry: " \
                      + ", ".join(stale)


def test_database_entries_have_a_numpy_reference():
    for op in all_entries:
        assert op.ref is not None, f"{op.name}: no NumPy reference"
        assert op.dtypes, f"{op.name}: no dtypes"


def test_coverage_command(capsys):
    assert _coverage.main() == 0
    lines = capsys.readouterr().out.strip().splitlines()
    m = re.fullmatch(r"implemented (\d+) of (\d+) NumPy callables \((\d+\.\d)%\)", lines[-1])
    assert m, lines[-1]
    n, total = int(m[1]), int(m[2])
    assert n == len(IMPLEMENTED) and total == len(NUMPY)


def test_not_yet_reason_is_the_shared_constant():
    # coverage counts a name as "missing" unless its reason says "out of scope"
    assert NOT_YET == "not yet implemented"
    assert all(r == NOT_YET or r.startswith(("out of scope", SIGNATURE)) for r in ALLOWLIST.values())


def test_numpy_enumeration_sees_the_chapters():
    assert "sin" in NUMPY and "linalg.norm" in NUMPY and "fft.fft" in NUMPY
    assert "random.default_rng" in NUMPY and "testing.assert_allclose" in NUMPY
    assert _coverage.chapter("sin", np.sin) == "Mathematical functions: ufuncs"
