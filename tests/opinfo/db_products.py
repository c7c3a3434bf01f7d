"""Database: products at the top level (dot, inner, outer, tensordot, kron, vdot, einsum)."""
from opinfo.core import ALL, NUMERIC, OpInfo, SampleInput


def s_dot(make, dt):
    yield SampleInput(make((2, 3), dt), make((3, 4), dt))
    yield SampleInput(make((3,), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), 2)
    yield SampleInput(make((2, 3), dt), make((2, 3), dt))           # ValueError


def s_inner(make, dt):
    yield SampleInput(make((2, 3), dt), make((4, 3), dt))
    yield SampleInput(make((3,), dt), make((3,), dt))


def s_outer(make, dt):
    yield SampleInput(make((3,), dt), make((4,), dt))
    yield SampleInput(make((2, 2), dt), make((3,), dt))


def s_tensordot(make, dt):
    yield SampleInput(make((2, 3, 4), dt), make((3, 4, 2), dt))
    yield SampleInput(make((2, 3), dt), make((3, 2), dt), axes=1)
    yield SampleInput(make((2, 3, 4), dt), make((4, 3), dt), axes=([1, 2], [1, 0]))


def s_vdot(make, dt):
    yield SampleInput(make((3,), dt), make((3,), dt))
    yield SampleInput(make((2, 2), dt), make((4,), dt))


def s_einsum(make, dt):
    yield SampleInput("ij,jk->ik", make((2, 3), dt), make((3, 4), dt))
    yield SampleInput("ii", make((3, 3), dt))
    yield SampleInput("i,i", make((3,), dt), make((3,), dt))
    yield SampleInput("...ij,...jk->...ik", make((2, 2, 3), dt), make((3, 4), dt), optimize=True)
    yield SampleInput(make((2, 3), dt), [0, 1], make((3, 4), dt), [1, 2], [0, 2])
    yield SampleInput("ij->ji", make((2, 3), dt))
    yield SampleInput("i,i->i", make((3,), dt), make((3,), dt), dtype="complex128")


op_db_products = [
    OpInfo("dot", dtypes=ALL, samples=s_dot, method="dot", supports_out=False, supports_grad=True),
    OpInfo("inner", dtypes=ALL, samples=s_inner, supports_grad=True),
    OpInfo("outer", dtypes=ALL, samples=s_outer, supports_grad=True),
    OpInfo("tensordot", dtypes=NUMERIC, samples=s_tensordot, supports_grad=True),
    OpInfo("kron", dtypes=ALL, samples=s_outer),
    OpInfo("vdot", dtypes=ALL, samples=s_vdot),
    OpInfo("einsum", dtypes=ALL, samples=s_einsum, supports_grad=True, supports_out=True,
           tol={"float16": (1e-2, 1e-2)}),      # float16 sums: another order, another rounding
]
