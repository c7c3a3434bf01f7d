"""Per-call overhead of torchnp vs raw torch and NumPy on tiny arrays (see torchnp/_bench.py).

Run single-threaded on an otherwise idle machine: python benchmarks/overhead.py [--quick]
"""
import sys

from torchnp import _bench

if __name__ == "__main__":
    sys.exit(_bench.main(quick="--quick" in sys.argv))
