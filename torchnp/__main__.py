"""The command line: python -m torchnp {run, demo, bench, coverage, info}."""
import argparse
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m torchnp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run a NumPy script on torchnp (python -m torchnp run --help)")
    sub.add_parser("demo", help="a NumPy training loop run with NumPy and with torchnp")
    bench = sub.add_parser("bench", help="per-call overhead vs torch and NumPy")
    bench.add_argument("--quick", action="store_true", help="fewer repeats")
    bench.add_argument("--throughput", action="store_true",
                       help="large arrays instead: torchnp vs NumPy and torch")
    bench.add_argument("--sizes", action="store_true",
                       help="sweep array sizes; draw docs/bench-sizes.png")
    bench.add_argument("--max-size", type=float, default=None,
                       help="largest array of --sizes, in elements (1e8; 1e6 with --quick)")
    cov = sub.add_parser("coverage", help="which NumPy callables torchnp implements")
    cov.add_argument("--markdown", action="store_true", help="write docs/coverage.md")
    sub.add_parser("info", help="versions and devices")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["run"]:                 # its options and the script's: _runner parses them
        from torchnp import _runner
        return _runner.main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "demo":
        from torchnp import _demo
        return _demo.main()
    if args.command == "bench" and args.throughput:
        from torchnp import _bench_throughput
        return _bench_throughput.main(quick=args.quick)
    if args.command == "bench" and args.sizes:
        from torchnp import _bench_sizes
        max_size = None if args.max_size is None else int(args.max_size)
        return _bench_sizes.main(quick=args.quick, max_size=max_size)
    if args.command == "bench":
        from torchnp import _bench
        return _bench.main(quick=args.quick)
    if args.command == "coverage":
        from torchnp import _coverage
        return _coverage.main(markdown=args.markdown)
    if args.command == "info":
        return _info()
    return 2


def _info():
    import numpy
    import torch

    import torchnp
    print(f"torchnp {torchnp.__version__}, torch {torch.__version__}, numpy {numpy.__version__}")
    print(f"cuda available: {torch.cuda.is_available()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
