"""torchnp.linalg: NumPy's ``numpy.linalg`` on torch tensors (``import torchnp.linalg as la``).

Results, dtypes and errors are NumPy's: LinAlgError (NumPy's own class) where NumPy raises, its
named tuples (EigResult, SVDResult, ...); see docs/differences.md (linalg) for what differs.
"""
from torchnp.exceptions import LinAlgError

# ----- solving, inverting, determinants -----------------------------------------------------------
from torchnp.linalg._linalg import (
    solve, inv, det, slogdet, matrix_power, tensorsolve, tensorinv, lstsq, pinv, multi_dot,
)

# ----- decompositions and eigenvalues -------------------------------------------------------------
from torchnp.linalg._linalg import (
    cholesky, qr, svd, svdvals, eig, eigh, eigvals, eigvalsh,
)

# ----- norms and other numbers --------------------------------------------------------------------
from torchnp.linalg._norms import (
    norm, matrix_norm, vector_norm, cond, matrix_rank,
)

# ----- the Array API's functions ------------------------------------------------------------------
from torchnp.linalg._array_api import (
    cross, outer, tensordot, matmul, vecdot, matrix_transpose, trace, diagonal,
)

__all__ = [
    "matrix_power", "solve", "tensorsolve", "tensorinv", "inv", "cholesky", "eigvals", "eigvalsh",
    "pinv", "slogdet", "det", "svd", "svdvals", "eig", "eigh", "lstsq", "norm", "qr", "cond",
    "matrix_rank", "LinAlgError", "multi_dot", "trace", "diagonal", "cross", "outer", "tensordot",
    "matmul", "matrix_transpose", "matrix_norm", "vector_norm", "vecdot",
]
