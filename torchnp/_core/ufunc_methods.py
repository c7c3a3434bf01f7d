"""ufunc.reduce, accumulate, reduceat, outer and at."""
