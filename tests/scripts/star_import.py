"""``from numpy import *`` and ``numpy.typing`` annotations (served by NumPy itself)."""
from numpy import *
import numpy.typing as npt

x: npt.NDArray = arange(4.0)
print(sum(x), linalg.norm(x), fft.fft(x).dtype, pi, isinstance(x, ndarray))
print(__array_namespace_info__().default_dtypes()["integral"], mean(x), float64(2.5) * x)
