"""Large-array throughput of torchnp vs NumPy and raw torch (see torchnp/_bench_throughput.py).

python benchmarks/throughput.py [--quick]    (the same as: python -m torchnp bench --throughput)
"""
import sys

from torchnp import _bench_throughput

if __name__ == "__main__":
    sys.exit(_bench_throughput.main(quick="--quick" in sys.argv))
