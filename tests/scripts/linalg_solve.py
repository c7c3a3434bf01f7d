"""Linear algebra: solve, inverse, determinant, eigenvalues, least squares, norms."""
import numpy as np
import numpy.linalg
from numpy.linalg import solve

m = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
v = np.array([1.0, 2.0, 3.0])
print(solve(m, v))
print(numpy.linalg.inv(m) @ m)
print(np.linalg.det(m), np.linalg.norm(m), np.linalg.norm(v, ord=1))
print(np.linalg.eigvalsh(m))
coef, residuals, rank, sv = np.linalg.lstsq(np.vander(v, 2), v ** 2, rcond=None)
print(coef, residuals, rank, sv)
print(np.linalg.matrix_rank(m), np.trace(m), np.linalg.cond(m))
q, r = np.linalg.qr(m)
print(np.allclose(q @ r, m), np.abs(np.diag(r)))
