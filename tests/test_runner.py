"""``python -m torchnp run``: unmodified NumPy scripts (tests/scripts/) on torchnp, and
``--compare``, which runs them with NumPy and with torchnp and must report agreement.

The scripts are of different kinds: array math and printing, linear algebra, seeded random
numbers (NumPy's and torchnp's generators draw different streams from one seed, so that script
prints only what does not depend on the stream), ``from numpy import ...`` with a helper module
of the script's directory, ``from numpy import *``, NumPy submodules torchnp lacks
(``numpy.ma``, ``numpy.typing``: served by NumPy itself, and said so), and a name torchnp
lacks (an error naming it).
"""
import os
import subprocess
import sys
import textwrap

import numpy
import pytest

import torchnp
from torchnp import _runner

SCRIPTS = os.path.join(os.path.dirname(__file__), "scripts")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(torchnp.__file__)))


def torchnp_cli(*args):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "torchnp", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def _script(tmp_path, text, name="script.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return str(path)


@pytest.fixture
def in_process(monkeypatch):
    """Run scripts in this process (a torchnp subprocess costs seconds of torch import): the run's
    changes to sys.argv, sys.path and the defaults are undone afterwards."""
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield _runner
    torchnp.set_default_float("float64")
    torchnp.set_default_device(None)


def _with_numpy(script):
    """The script's output with NumPy itself (a plain ``python script.py``)."""
    done = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("script", ["array_math", "linalg_solve", "random_seeded",
                                    "from_imports", "star_import", "polynomial_package",
                                    "masked_fallback"])
def test_scripts_print_what_numpy_prints(script, in_process, capsys):
    path = os.path.join(SCRIPTS, f"{script}.py")
    assert in_process.run(path, []) == 0
    out = capsys.readouterr()
    assert in_process.first_difference(_with_numpy(path), out.out, 1e-6, 1e-12) is None
    served = {"masked_fallback": "numpy.ma", "star_import": "numpy.typing"}
    if script in served:
        assert f"served by NumPy itself (torchnp has no counterpart): {served[script]}" in out.err
    else:
        assert out.err == ""


def test_compare_reports_agreement():
    done = torchnp_cli("run", "--compare", os.path.join(SCRIPTS, "array_math.py"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("agree: 23 lines of output match")


def test_the_script_gets_torchnp(tmp_path, in_process, capsys):
    path = _script(tmp_path, """
        import sys
        import numpy as np
        import numpy.linalg
        from numpy import ndarray
        print(type(np.zeros(1)).__module__, np.ndarray is ndarray, np.__version__)
        print(type(numpy.linalg.inv(np.eye(2))).__module__, sys.argv[1:])
        sys.exit(3)
    """)
    assert in_process.main([path, "x", "--flag"]) == 3
    assert capsys.readouterr().out.split() == [
        "torchnp._core.ndarray", "True", numpy.__version__, "torchnp._core.ndarray", "['x',",
        "'--flag']"]


def test_switches_set_the_default_device_and_float(tmp_path, in_process, capsys):
    path = _script(tmp_path, "import numpy as np\nprint(np.ones(2).dtype, np.ones(2).device)\n")
    assert in_process.main(["--float32", "--device", "meta", path]) == 0
    assert capsys.readouterr().out.split() == ["float32", "meta"]


def test_a_device_this_machine_lacks_is_a_usage_error(tmp_path, in_process, capsys):
    path = _script(tmp_path, "print(1)\n")
    with pytest.raises(SystemExit) as done:
        in_process.main(["--device", "no_such_device", path])
    assert done.value.code == 2
    assert "--device:" in capsys.readouterr().err


def test_a_missing_name_is_an_error_naming_it(in_process, capsys):
    with pytest.raises(AttributeError, match="numpy.matrix is not implemented by torchnp"):
        in_process.run(os.path.join(SCRIPTS, "missing_name.py"), [])
    assert capsys.readouterr().out.strip() == "[1. 1.]"     # the script ran up to that name


def test_a_missing_name_in_from_import_is_an_error_naming_it(tmp_path, in_process):
    path = _script(tmp_path, "from numpy import zeros, datetime64\n")
    with pytest.raises(ImportError, match="cannot import name 'datetime64' from 'numpy': "
                                          "numpy.datetime64 is not implemented by torchnp"):
        in_process.run(path, [])


def test_compare_reports_the_first_difference(tmp_path, capsys):
    path = _script(tmp_path, """
        import numpy as np
        print("same", np.arange(3))
        print(type(np.zeros(1)).__module__)
    """)
    assert _runner.compare(path, [], [], 1e-6, 1e-12) == 1
    out = capsys.readouterr().out
    assert "first difference: NumPy's line 2, torchnp's line 2" in out
    assert "numpy:   numpy" in out and "torchnp: torchnp._core.ndarray" in out


def test_compare_reports_a_failed_run(tmp_path, capsys):
    path = _script(tmp_path, "import numpy as np\nprint(1)\nnp.matrix([1])\n")
    assert _runner.compare(path, [], [], 1e-6, 1e-12) == 1
    out = capsys.readouterr().out
    assert "the run with torchnp failed" in out
    assert "numpy.matrix is not implemented by torchnp" in out


# ----- the parts, in process ---------------------------------------------------------------------
def test_only_the_scripts_own_modules_get_torchnp(tmp_path):
    hook = _runner.ScriptImports(str(tmp_path))
    mine = {"__file__": str(tmp_path / "helper.py")}
    assert hook("numpy", mine).ndarray is torchnp.ndarray
    assert hook("numpy.linalg", mine, None, ("solve",)).solve is torchnp.linalg.solve
    for theirs in ({"__file__": os.path.join(os.path.dirname(torchnp.__file__), "x.py")},
                   {"__file__": str(tmp_path / "venv" / "site-packages" / "lib.py")},
                   {"__file__": os.path.join(os.path.dirname(str(tmp_path)), "other.py")},
                   {"__name__": "no_file"}, None):
        assert hook("numpy", theirs) is numpy
    assert hook("numpy._core._dtype", mine, None, ("x",)) is numpy._core._dtype


@pytest.mark.parametrize("numpy_out, torchnp_out, same", [
    ("[1. 2.]\n", "[1.    2.001]\n", False),
    ("[1. 2.]\n", "[1.         2.0000000001]\n", True),
    ("a nan inf -inf\n", "a nan inf -inf\n", True),
    ("nan\n", "0.0\n", False),
    ("[1+2j]\n", "[1.+2.j]\n", True),
    ("x\ny\n", "x\n", False),
    ("[[1 2]\n [3 4]]\n", "[[1 2] [3 4]]\n", True),       # layout is not compared
    ("float64\n", "float32\n", False),
])
def test_first_difference(numpy_out, torchnp_out, same):
    found = _runner.first_difference(numpy_out, torchnp_out, rtol=1e-6, atol=1e-12)
    assert (found is None) == same, found
