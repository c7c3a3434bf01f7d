"""``python -m torchnp run script.py [args]``: an unmodified NumPy script, run on torchnp.

How the script's ``numpy`` becomes torchnp, while every library keeps the real NumPy:
``builtins.__import__`` is wrapped for the run. Each ``import numpy`` / ``import numpy.linalg`` /
``from numpy import ...`` statement calls it with the importing module's globals, and the wrapper
serves torchnp only when that module's ``__file__`` is the script or a module under the script's
directory (outside site-packages and outside torchnp itself). A meta-path finder cannot do this:
torchnp imports NumPy first, so ``import numpy`` is answered from ``sys.modules`` before any
finder is asked, and ``sys.modules["numpy"]`` must stay NumPy for the libraries.

The script sees a stand-in module named ``numpy`` over torchnp's namespace (and one per
submodule), so that a name torchnp lacks fails with an error saying which name; NumPy submodules
torchnp has no counterpart of (``numpy.ma``, ``numpy.typing``, ``numpy.strings``, ...) are
served by NumPy itself, and the run says so on stderr when it ends.

Not covered: ``importlib.import_module("numpy")`` and ``__import__`` called through another
name (they return the real NumPy), and child processes the script starts (they import NumPy).

``--compare`` runs the script twice in subprocesses, with NumPy and with torchnp, and reports
where their printed output first differs (numbers compared with a tolerance), or that it agrees.
"""
import argparse
import builtins
import importlib
import os
import re
import runpy
import subprocess
import sys
import types

import numpy

import torchnp

# NumPy submodules torchnp has no counterpart of: the script gets NumPy's own (noted on stderr)
NUMPY_SERVED = ("char", "core", "ctypeslib", "f2py", "ma", "rec", "strings", "typing")
_TORCHNP_DIR = os.path.dirname(os.path.abspath(torchnp.__file__))


def main(argv):
    parser = argparse.ArgumentParser(prog="python -m torchnp run",
                                     description="Run an unmodified NumPy script on torchnp.")
    parser.add_argument("--device", help="default device for the script's arrays (e.g. cuda)")
    parser.add_argument("--float32", action="store_true",
                        help="float32 as the default float (NumPy's is float64)")
    parser.add_argument("--compare", action="store_true",
                        help="run with NumPy and with torchnp and compare the printed output")
    parser.add_argument("--rtol", type=float, default=None,
                        help="relative tolerance for numbers (--compare; default 1e-6, "
                             "1e-4 with --float32)")
    parser.add_argument("--atol", type=float, default=1e-12,
                        help="absolute tolerance for numbers (--compare)")
    parser.add_argument("script", help="the NumPy script")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the script's arguments")
    opts = parser.parse_args(argv)
    if opts.compare:
        rtol = opts.rtol if opts.rtol is not None else (1e-4 if opts.float32 else 1e-6)
        switches = (["--device", opts.device] if opts.device else []) + \
            (["--float32"] if opts.float32 else [])
        return compare(opts.script, opts.args, switches, rtol, opts.atol)
    if opts.device:
        try:
            torchnp.set_default_device(opts.device)
        except ValueError as e:
            parser.error(f"--device: {e}")
    if opts.float32:
        torchnp.set_default_float("float32")
    return run(opts.script, opts.args)


# ----- running a script with its numpy served by torchnp --------------------------------------
def run(script, args):
    """Run ``script`` as ``__main__`` with ``args``, as ``python script.py args`` would, with its
    own numpy imports served by torchnp. Returns the exit status."""
    script = os.path.abspath(script)
    if not os.path.isfile(script):
        print(f"python -m torchnp run: no such script: {script}", file=sys.stderr)
        return 2
    hook = ScriptImports(os.path.dirname(script))
    sys.argv = [script, *args]
    sys.path[0] = os.path.dirname(script)
    builtins.__import__ = hook
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        return _exit_status(e.code)
    finally:
        builtins.__import__ = hook.real_import
        hook.report()
    return 0


def _exit_status(code):
    """``sys.exit(code)``'s exit status, as Python computes it (a message is printed, status 1)."""
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


class ScriptImports:
    """``builtins.__import__`` for the run: ``numpy`` and ``numpy.*`` imported by the script's
    own modules are torchnp's stand-ins; every other import is the real one. NumPy's private
    modules (its ``_core`` package) stay NumPy's: NumPy's C code imports them lazily with the
    globals of whatever Python frame is running, which may be the script's."""

    def __init__(self, script_dir, real_import=builtins.__import__):
        self.script_dir = os.path.realpath(script_dir) + os.sep
        self.real_import = real_import
        self.served_by_numpy = set()
        self._is_script_file = {}
        self._stand_ins = {}

    def __call__(self, name, globals=None, locals=None, fromlist=(), level=0):
        if (level == 0 and (name == "numpy" or name.startswith("numpy."))
                and "._" not in name and self._from_script(globals)):
            return self._numpy_import(name, fromlist)
        return self.real_import(name, globals, locals, fromlist, level)

    def _from_script(self, globals):
        """Whether the importing module (by its globals' ``__file__``) is the script's code."""
        path = globals.get("__file__") if globals else None
        if not isinstance(path, str):
            return False
        known = self._is_script_file.get(path)
        if known is None:
            real = os.path.realpath(path)
            parts = real.split(os.sep)
            known = (real.startswith(self.script_dir)
                     and not real.startswith(_TORCHNP_DIR + os.sep)
                     and "site-packages" not in parts and "dist-packages" not in parts)
            self._is_script_file[path] = known
        return known

    def _numpy_import(self, name, fromlist):
        """What ``import name`` (or ``from name import fromlist``) gives the script."""
        module = self.stand_in(name)
        if not fromlist:
            return self.stand_in("numpy")
        for attr in fromlist:
            if attr != "*" and not hasattr(module, attr):
                raise ImportError(f"cannot import name {attr!r} from {name!r}: "
                                  f"{_missing(name + '.' + attr)}", name=name)
        return module

    def stand_in(self, name):
        """The module the script sees as ``name`` ('numpy', 'numpy.linalg', ...)."""
        module = self._stand_ins.get(name)
        if module is None:
            if name.split(".")[1:2] and name.split(".")[1] in NUMPY_SERVED:
                self.served_by_numpy.add(name)
                module = importlib.import_module(name)
            else:
                try:
                    ours = importlib.import_module("torchnp" + name[len("numpy"):])
                except ModuleNotFoundError:
                    raise ModuleNotFoundError(_missing(name), name=name) from None
                module = NumpyStandIn(name, ours, self)
            self._stand_ins[name] = module
        return module

    def report(self):
        """A line on stderr naming the NumPy submodules NumPy itself served."""
        if self.served_by_numpy:
            print("torchnp run: served by NumPy itself (torchnp has no counterpart): "
                  f"{', '.join(sorted(self.served_by_numpy))}", file=sys.stderr)


def _missing(qualified):
    return (f"{qualified} is not implemented by torchnp (python -m torchnp run serves this "
            f"script's numpy with torchnp; see docs/coverage.md)")


# a module's own dunders, which a stand-in keeps its own (torchnp's public ones it copies)
_MODULE_OWN = {"__name__", "__doc__", "__file__", "__path__", "__spec__", "__loader__",
               "__package__", "__builtins__", "__cached__", "__all__", "__version__",
               "__getattr__", "__dir__"}


class NumpyStandIn(types.ModuleType):
    """``numpy`` (or a submodule) as the script sees it: torchnp's namespace under NumPy's name.

    Its names are torchnp's own objects, copied once (reading one costs what reading a module
    attribute costs); torchnp's submodules are stand-ins too, made on first use. A name torchnp
    lacks raises an AttributeError naming it. ``__version__`` is NumPy's: torchnp follows it.
    """

    def __init__(self, name, target, imports):
        super().__init__(name, target.__doc__)
        for key, value in vars(target).items():
            public = not key.startswith("_") or (key.endswith("__") and key not in _MODULE_OWN)
            if public and not isinstance(value, types.ModuleType):
                setattr(self, key, value)
        twin = sys.modules.get(name)            # NumPy's module of that name, if imported
        if hasattr(twin, "__all__"):
            self.__all__ = [n for n in twin.__all__ if hasattr(target, n)]
        self.__version__ = numpy.__version__
        self._torchnp_target = target
        self._torchnp_imports = imports

    def __getattr__(self, attr):            # names not copied: submodules, and missing names
        if attr.startswith("__"):
            raise AttributeError(attr)
        name = f"{self.__name__}.{attr}"
        value = getattr(self._torchnp_target, attr, None)
        if isinstance(value, types.ModuleType) or (
                value is None and self.__name__ == "numpy" and attr in NUMPY_SERVED):
            value = self._torchnp_imports.stand_in(name)
        elif value is None:
            raise AttributeError(_missing(name))
        setattr(self, attr, value)
        return value

    def __repr__(self):
        return f"<module {self.__name__!r} (torchnp: {self._torchnp_target.__name__})>"


# ----- --compare: the script with NumPy and with torchnp -------------------------------------
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?j?|[-+]?(?:nan|inf)j?")
_TOKEN = re.compile(_NUMBER.pattern + r"|[^\s\d.+\-]+|[.+\-]")


def compare(script, args, switches, rtol, atol):
    """Run ``script`` with NumPy and with torchnp; print where the output first differs."""
    env = dict(os.environ)
    root = os.path.dirname(_TORCHNP_DIR)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    with_numpy = subprocess.run([sys.executable, script, *args], capture_output=True,
                                text=True, env=env)
    with_torchnp = subprocess.run([sys.executable, "-m", "torchnp", "run", *switches, script,
                                   *args], capture_output=True, text=True, env=env)
    for label, done in (("NumPy", with_numpy), ("torchnp", with_torchnp)):
        if done.returncode != 0:
            print(f"the run with {label} failed (exit status {done.returncode}):\n"
                  f"{_tail(done.stderr)}")
    notes = [line for line in with_torchnp.stderr.splitlines() if line.startswith("torchnp run:")]
    for note in notes:
        print(note)
    where = first_difference(with_numpy.stdout, with_torchnp.stdout, rtol, atol)
    if where is None and with_numpy.returncode == with_torchnp.returncode:
        n = len(with_numpy.stdout.splitlines())
        print(f"agree: {n} lines of output match (numbers within rtol={rtol:g}, atol={atol:g})")
        return 0
    if where is not None:
        line_np, line_t, text_np, text_t = where
        print(f"first difference: NumPy's line {line_np}, torchnp's line {line_t}\n"
              f"  numpy:   {text_np}\n  torchnp: {text_t}")
    return 1


def _tail(text, lines=15):
    return "\n".join(text.rstrip().splitlines()[-lines:])


def _tokens(text):
    """[(line number, token)] of printed output: numbers, words and punctuation (whitespace and
    line breaks are layout: a value printed a digit wider may shift them)."""
    return [(i, tok) for i, line in enumerate(text.splitlines(), 1)
            for tok in _TOKEN.findall(line)]


def _same_token(a, b, rtol, atol):
    if a == b:
        return True
    if not (_NUMBER.fullmatch(a) and _NUMBER.fullmatch(b)):
        return False
    x, y = complex(a), complex(b)
    if x != x or y != y:                     # nan: only nan matches it
        return (x != x) and (y != y)
    return abs(x - y) <= atol + rtol * abs(y)


def first_difference(out_numpy, out_torchnp, rtol, atol):
    """None when the outputs agree, else (NumPy's line number, torchnp's, the two lines)."""
    a, b = _tokens(out_numpy), _tokens(out_torchnp)
    lines_a, lines_b = out_numpy.splitlines(), out_torchnp.splitlines()
    for k in range(max(len(a), len(b))):
        if k < len(a) and k < len(b) and _same_token(a[k][1], b[k][1], rtol, atol):
            continue
        la = a[k][0] if k < len(a) else len(lines_a) + 1
        lb = b[k][0] if k < len(b) else len(lines_b) + 1
        text_a = lines_a[la - 1] if la <= len(lines_a) else "<end of output>"
        text_b = lines_b[lb - 1] if lb <= len(lines_b) else "<end of output>"
        return la, lb, text_a, text_b
    return None
