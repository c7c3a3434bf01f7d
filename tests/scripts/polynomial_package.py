"""numpy.polynomial, served by torchnp's own package."""
import numpy as np
from numpy.polynomial import polynomial as P
from numpy.polynomial import Chebyshev

coef = np.array([1.0, 2.0, 3.0])
print(P.polyval(np.array([0.0, 1.0, 2.0]), coef))
print(np.polyval(coef[::-1], 2.0))
print(Chebyshev.fit(np.linspace(-1, 1, 9), np.linspace(-1, 1, 9) ** 3, 3).coef.round(12))
