"""A NumPy submodule torchnp lacks (numpy.polynomial): NumPy itself serves it."""
import numpy as np
from numpy.polynomial import polynomial as P

coef = np.array([1.0, 2.0, 3.0])
print(P.polyval(np.array([0.0, 1.0, 2.0]), coef))
print(np.polyval(coef[::-1], 2.0))
