"""Instructions per call of torchnp vs raw torch on the overhead benchmark's cases, counted by perf.

Wall-clock ratios on a shared VM swing by several percent between runs; CPU instruction counts
repeat to within ~1%, so they show whether a change to a hot path helps. They are a proxy: the
overhead.py ratios (time) are the figures to report.

Needs Linux ``perf`` with access to hardware counters. Usage:
    python benchmarks/instructions.py [CASE_SUBSTRING ...]
"""
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

CALLS = 20000
# Fixed addresses make dict layouts and allocator paths repeat (setarch -R, where there is one).
_NO_ASLR = ["setarch", os.uname().machine, "-R"] if shutil.which("setarch") else []

# Runs in a child process: warm up, then count only the timed loop (perf's control fifo).
_CHILD = """
import gc, os, sys, torch
torch.set_num_threads(1)
from torchnp import _bench
f = _bench._cases()[int(sys.argv[1])][int(sys.argv[2])]
for _ in range(2000): f()
gc.disable()    # as timeit does: a full collection landing in the loop adds thousands a call
ctl = open(os.environ["PERF_CTL"], "w")
ctl.write("enable\\n"); ctl.flush()
for _ in range(int(sys.argv[3])): f()
ctl.write("disable\\n"); ctl.flush()
"""


def instructions_per_call(case, impl, calls=CALLS):
    """impl: 1 torchnp, 2 torch (the positions in _bench._cases())."""
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "ctl")
        os.mkfifo(fifo)
        env = dict(os.environ, PERF_CTL=fifo, PYTHONHASHSEED="0")   # fixed hashing: repeatable
        out = subprocess.run(
            ["perf", "stat", "-x,", "-e", "instructions", "--control", f"fifo:{fifo}", "-D", "-1",
             *_NO_ASLR, sys.executable, "-c", _CHILD, str(case), str(impl), str(calls)],
            env=env, capture_output=True, text=True, check=True)
    for line in out.stderr.splitlines():
        if ",instructions" in line:
            count = line.split(",")[0]
            if not count.isdigit():     # "<not supported>": a VM without hardware counters
                raise SystemExit(f"perf cannot count instructions here ({count}); "
                                 "use benchmarks/overhead.py")
            return int(count) / calls
    raise RuntimeError(f"perf printed no instruction count:\n{out.stderr}")


def main(selected):
    if shutil.which("perf") is None:
        print("perf not found: install linux-perf (or use benchmarks/overhead.py)")
        return 1
    from torchnp import _bench
    ratios = []
    print(f"{'case':32s} {'torchnp':>9s} {'torch':>9s} {'extra':>7s} {'ratio':>6s}")
    for i, (name, *_) in enumerate(_bench._cases()):
        if selected and not any(s in name for s in selected):
            continue
        tnp, tt = instructions_per_call(i, 1), instructions_per_call(i, 2)
        ratios.append(tnp / tt)
        print(f"{name:32s} {tnp:9.0f} {tt:9.0f} {tnp - tt:+7.0f} {tnp / tt:6.3f}")
    print(f"geometric mean of instruction ratios: "
          f"{math.exp(statistics.fmean(map(math.log, ratios))):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
