import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))

# SciPy reads its Array API switch once, at import: set it before any test imports SciPy, so that
# tests/test_ecosystem.py sees SciPy dispatch to torchnp.
os.environ.setdefault("SCIPY_ARRAY_API", "1")

# Under pytest-xdist each worker is a process of its own: torch's default of one intra-op thread
# per core would put workers x cores threads on the cores, and oversubscribed OpenMP threads spin
# (some random samplers measured ~30x slower). One intra-op thread per worker.
if os.environ.get("PYTEST_XDIST_WORKER"):
    torch.set_num_threads(1)
