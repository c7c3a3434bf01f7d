"""One reduction driver: axis (None/int/tuple/negative), keepdims, dtype, out, where, initial."""
