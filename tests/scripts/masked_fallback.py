"""A NumPy submodule torchnp lacks (numpy.ma): NumPy itself serves it."""
import numpy as np
import numpy.ma as ma

x = ma.masked_array(np.arange(5.0), mask=[0, 1, 0, 0, 1])
print(x.sum(), x.mean())
print(np.polyval(np.array([3.0, 2.0, 1.0]), 2.0))
