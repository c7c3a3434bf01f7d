"""Which entries get the gradcheck variant (``test_ops.py::test_gradcheck``, float64 and
complex128 on the CPU), in one place.

Every entry with a float64 or complex128 dtype gets it, except those listed in
``NOT_DIFFERENTIABLE`` with the reason they have nothing to differentiate; ``GRAD_XFAILS`` holds
the strict expected failures (torch refuses the derivative, it does not exist at the samples, or
a bug), and ``SLOW_MODE`` the entries checked element by element instead of in gradcheck's
fast mode, whose single simultaneous perturbation of every input changes a value-dependent
result shape.
"""
from opinfo.core import XFail

_NO_ARRAY_TO_DIFFERENTIATE = {
    "boolean results (comparisons, tests of values, logic)": (
        "all", "any", "allclose", "array_equal", "array_equiv", "equal", "not_equal", "greater",
        "greater_equal", "less", "less_equal", "isclose", "iscomplex", "isreal", "isfinite",
        "isinf", "isnan", "isneginf", "isposinf", "isin", "logical_and", "logical_not",
        "logical_or", "logical_xor", "signbit"),
    "integer results (indices, counts, ranks, shapes)": (
        "argmax", "argmin", "argsort", "argwhere", "nanargmax", "nanargmin", "count_nonzero",
        "digitize", "flatnonzero", "nonzero", "searchsorted", "lexsort", "diag_indices_from",
        "tril_indices_from", "triu_indices_from", "linalg.matrix_rank", "ndim", "shape", "size"),
    "made from Python numbers: the samples have no array input": (
        "arange", "eye", "identity", "linspace", "geomspace", "logspace", "ones", "zeros", "tri",
        "fromfunction", "fromiter", "fromstring", "bartlett", "blackman", "hamming", "hanning",
        "kaiser", "fft.fftfreq", "fft.rfftfreq", "polynomial.chebyshev.chebgauss",
        "polynomial.legendre.leggauss", "polynomial.hermite.hermgauss",
        "polynomial.hermite_e.hermegauss", "polynomial.laguerre.laggauss",
        "polynomial.chebyshev.chebpts1", "polynomial.chebyshev.chebpts2",
        "polynomial.chebyshev.chebinterpolate"),
    "no array result (a contraction path of Python objects)": ("einsum_path",),
    "reads the bytes of a buffer, not values": ("frombuffer",),
    "writes into its first argument in place (its gradient is that of the assignment)": (
        "copyto", "fill_diagonal"),
}
NOT_DIFFERENTIABLE = {name: reason for reason, names in _NO_ARRAY_TO_DIFFERENTIATE.items()
                      for name in names}

GRAD_XFAILS = {
    "linalg.eig": XFail("torch refuses: eigenvectors are defined up to a phase e^{i phi}, so a "
                        "function of them is ill-defined (linalg_eig_backward)",
                        variants=("grad",)),
    "linalg.qr": XFail("torch: QR is not differentiable for mode='complete' with more rows than "
                       "columns (a sample among the first three)", variants=("grad",)),
    "roots": XFail("no derivative at the samples: roots are the eigenvalues of the companion "
                   "matrix, whose order and trimmed zero roots change under perturbation",
                   variants=("grad",)),
    "trim_zeros": XFail("no derivative at the samples: perturbing a trimmed zero changes the "
                        "result's length", variants=("grad",)),
    "real_if_close": XFail("no derivative at the samples: perturbing the imaginary parts "
                           "changes whether the result is real", variants=("grad",),
                           dtypes=("complex128",)),
}

_VALUE_DEPENDENT_LENGTH = XFail(
    "no derivative at the samples: the result's length depends on whether a coefficient is "
    "exactly zero (trimmed, or returned as it is), which a perturbation changes",
    variants=("grad",))
for _name in ("polynomial.polyutils.trimcoef", "polynomial.polyutils.trimseq"):
    GRAD_XFAILS[_name] = _VALUE_DEPENDENT_LENGTH

SLOW_MODE = frozenset({"polydiv", "linalg.lstsq", "histogram2d", "histogramdd"})


def apply_grad_support(entries):
    """Turn on the gradcheck variant of every differentiable entry and add its expected
    failures."""
    for op in entries:
        inexact = any(d.name in ("float64", "complex128") for d in op.dtypes)
        assert not (op.supports_grad and op.name in NOT_DIFFERENTIABLE), op.name
        op.supports_grad = inexact and op.name not in NOT_DIFFERENTIABLE
        if op.name in GRAD_XFAILS:
            op.xfails += (GRAD_XFAILS[op.name],)
