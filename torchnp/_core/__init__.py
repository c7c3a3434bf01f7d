"""torchnp infrastructure; defines no public NumPy function."""
