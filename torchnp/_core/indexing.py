"""ndarray.__getitem__ / __setitem__, iteration and flatiter: NumPy's indexing on torch."""
