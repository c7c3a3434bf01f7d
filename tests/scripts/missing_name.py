"""A name torchnp lacks (the matrix class): the run must say which name."""
import numpy as np

print(np.ones(2))
m = np.matrix([[1, 2], [3, 4]])
print(m)
