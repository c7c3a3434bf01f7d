"""Database: array manipulation (shape, transpose, joining, splitting, tiling, rearranging)."""
import numpy as np

from opinfo.core import ALL, BOOL, INTEGER, OpInfo, SampleInput, XFail


def _entry(name, samples, **kwargs):
    kwargs.setdefault("dtypes", ALL)
    return OpInfo(name, samples=samples, **kwargs)


def s_reshape(make, dt):
    yield SampleInput(make((3, 4), dt), (4, 3))
    yield SampleInput(make((3, 4), dt), (2, -1))
    yield SampleInput(make((3, 4), dt), -1)
    yield SampleInput(make((3, 4), dt), (5, 2))              # ValueError


def s_ravel(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((), dt))


def s_transpose(make, dt):
    yield SampleInput(make((2, 3, 4), dt))
    yield SampleInput(make((2, 3, 4), dt), (1, 0, 2))
    yield SampleInput(make((2, 3, 4), dt), (1, 0))            # ValueError


def s_two_axes(make, dt):
    yield SampleInput(make((2, 3, 4), dt), 0, 2)
    yield SampleInput(make((2, 3, 4), dt), -1, 1)
    yield SampleInput(make((2, 3, 4), dt), 0, 3)              # AxisError


def s_squeeze(make, dt):
    yield SampleInput(make((1, 3, 1), dt))
    yield SampleInput(make((1, 3, 1), dt), axis=-1)
    yield SampleInput(make((1, 3, 1), dt), axis=1)             # ValueError


def s_expand_dims(make, dt):
    yield SampleInput(make((3, 4), dt), 0)
    yield SampleInput(make((3, 4), dt), (0, -1))


def s_join(make, dt):
    yield SampleInput([make((2, 3), dt), make((2, 3), dt)])
    yield SampleInput((make((2, 3), dt), make((2, 3), dt), make((2, 3), dt)), axis=1)


def s_concatenate(make, dt):
    yield SampleInput([make((2, 3), dt), make((1, 3), dt)])
    yield SampleInput((make((2, 3), dt), make((2, 1), dt)), axis=1)
    yield SampleInput([make((2, 3), dt), make((2, 3), dt)], axis=None)
    yield SampleInput([make((2, 3), dt), make((2, 2), dt)])     # ValueError


def s_split(make, dt):
    yield SampleInput(make((6, 2), dt), 3)
    yield SampleInput(make((6, 2), dt), [1, 4])
    yield SampleInput(make((2, 6), dt), 2, axis=1)


def s_flip(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((2, 3), dt), axis=1)


def s_roll(make, dt):
    yield SampleInput(make((2, 3), dt), 1)
    yield SampleInput(make((2, 3), dt), -2, axis=1)


def s_tile(make, dt):
    yield SampleInput(make((2, 3), dt), 2)
    yield SampleInput(make((2, 3), dt), (2, 1, 2))


def s_repeat(make, dt):
    yield SampleInput(make((2, 3), dt), 2)
    yield SampleInput(make((2, 3), dt), [1, 0, 2], axis=1)


def s_broadcast_to(make, dt):
    yield SampleInput(make((3, 1), dt), (2, 3, 4))
    yield SampleInput(make((3,), dt), (4,))                    # ValueError


def s_one(make, dt):
    yield SampleInput(make((3,), dt))
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((), dt))


op_db_manipulation = [
    _entry("reshape", s_reshape),
    _entry("ravel", s_ravel, method="ravel"),
    _entry("transpose", s_transpose),
    _entry("swapaxes", s_two_axes, method="swapaxes"),
    _entry("moveaxis", s_two_axes),
    _entry("squeeze", s_squeeze, method="squeeze"),
    _entry("expand_dims", s_expand_dims),
    _entry("concatenate", s_concatenate, supports_out=True),
    _entry("stack", s_join),
    _entry("vstack", s_join),
    _entry("hstack", s_join),
    _entry("split", s_split),
    _entry("array_split", s_split),
    _entry("flip", s_flip),
    _entry("roll", s_roll),
    _entry("tile", s_tile),
    _entry("repeat", s_repeat, method="repeat"),
    _entry("broadcast_to", s_broadcast_to),
    _entry("atleast_1d", s_one),
    _entry("atleast_2d", s_one),
    _entry("atleast_3d", s_one),
    _entry("copy", s_one),
]


def s_append(make, dt):
    yield SampleInput(make((2, 3), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), make((1, 3), dt), axis=0)


def s_astype(make, dt):
    yield SampleInput(make((2, 3), dt), "complex128")     # (a double result: for gradcheck too)
    yield SampleInput(make((2, 3), dt), "float32")
    yield SampleInput(make((2, 3), dt), "int16")
    yield SampleInput(make((2, 3), dt), "bool")


def s_broadcast_arrays(make, dt):
    yield SampleInput(make((3, 1), dt), make((4,), dt))


def s_broadcast_shapes(make, dt):
    yield SampleInput((3, 1), (4,))
    yield SampleInput((2, 3), (4, 1, 3), ())
    yield SampleInput((2,), (3,))                                # ValueError


def s_split_3d(make, dt):
    yield SampleInput(make((4, 4, 4), dt), 2)
    yield SampleInput(make((4, 4, 4), dt), [1, 3])


def s_delete(make, dt):
    yield SampleInput(make((3, 4), dt), 1, axis=1)
    yield SampleInput(make((3, 4), dt), [0, 2])


def s_two_d(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((2, 3, 4), dt))


def s_rot90(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((3, 4), dt), 2)
    yield SampleInput(make((2, 3, 4), dt), -1, axes=(1, 2))


def s_resize(make, dt):
    yield SampleInput(make((2, 3), dt), (3, 4))
    yield SampleInput(make((2, 3), dt), 4)


def s_rollaxis(make, dt):
    yield SampleInput(make((2, 3, 4), dt), 2)
    yield SampleInput(make((2, 3, 4), dt), 0, 2)


def s_trim_zeros(make, dt):
    import numpy as np
    yield SampleInput(np.array([0, 0, 1, 2, 0, 3, 0], dtype=dt))
    yield SampleInput(np.array([0, 1, 0], dtype=dt), "f")


def s_unstack(make, dt):
    yield SampleInput(make((3, 4), dt))
    yield SampleInput(make((2, 3, 4), dt), axis=-1)


def s_attr(make, dt):
    yield SampleInput(make((2, 3), dt))
    yield SampleInput(make((), dt))


def _copyto(dst, src, **kwargs):
    import torchnp
    module = torchnp if type(dst) is torchnp.ndarray else __import__("numpy")
    assert module.copyto(dst, src, **kwargs) is None
    return dst


def s_copyto(make, dt):
    yield SampleInput(make((2, 3), dt), make((3,), dt))
    yield SampleInput(make((2, 3), dt), make((2, 3), "float64"), casting="unsafe")
    yield SampleInput(make((2, 3), dt), make((2, 3), "complex128"))      # TypeError (same_kind)


op_db_manipulation += [
    _entry("concat", s_concatenate, supports_out=True),
    _entry("permute_dims", s_transpose),
    _entry("matrix_transpose", s_two_d),
    _entry("append", s_append),
    _entry("astype", s_astype),
    _entry("broadcast_arrays", s_broadcast_arrays),
    _entry("broadcast_shapes", s_broadcast_shapes, dtypes=("int64",)),
    _entry("column_stack", s_join),
    _entry("dstack", s_join),
    _entry("dsplit", s_split_3d),
    _entry("hsplit", s_split_3d),
    _entry("vsplit", s_split_3d),
    _entry("delete", s_delete),
    _entry("fliplr", s_two_d),
    _entry("flipud", s_two_d),
    _entry("rot90", s_rot90),
    _entry("resize", s_resize),
    _entry("rollaxis", s_rollaxis),
    _entry("trim_zeros", s_trim_zeros),
    _entry("unstack", s_unstack),
    _entry("ndim", s_attr),
    _entry("shape", s_attr),
    _entry("size", s_attr),
    OpInfo("copyto", op=_copyto, ref=_copyto, dtypes=ALL, samples=s_copyto),
]


def s_insert(make, dt):
    yield SampleInput(make((3, 4), dt), 1, make((4,), dt), axis=0)
    yield SampleInput(make((5,), dt), [0, 2], 7)


op_db_manipulation += [_entry("insert", s_insert)]


def s_block(make, dt):
    yield SampleInput([[make((2, 2), dt), make((2, 3), dt)], [make((1, 2), dt), make((1, 3), dt)]])
    yield SampleInput([make((2,), dt), make((3,), dt)])
    yield SampleInput(make((2, 3), dt))
    yield SampleInput([[make((2,), dt)], make((2,), dt)])            # ValueError: depths


def s_row_stack(make, dt):
    yield SampleInput([make((2, 3), dt), make((3,), dt)])


def _set_ends(vector, widths, axis, kwargs):
    vector[:widths[0]] = kwargs.get("value", 1)
    vector[vector.size - widths[1]:] = 2


def s_pad(make, dt):
    x = make((3, 4), dt)
    yield SampleInput(x, 2)
    yield SampleInput(x, ((1, 2), (0, 3)), constant_values=((1, 2), (3, 4)))
    yield SampleInput(x, (1, 2), mode="edge")
    yield SampleInput(x, (2, 1), mode="linear_ramp", end_values=(5, -4))
    yield SampleInput(x, ((4, 5), (6, 2)), mode="reflect")
    yield SampleInput(x, ((4, 5), (6, 2)), mode="symmetric", reflect_type="odd")
    yield SampleInput(x, ((4, 5), (6, 2)), mode="wrap")
    yield SampleInput(x, (2, 3), mode="maximum", stat_length=2)
    yield SampleInput(x, (2, 3), mode="minimum")
    yield SampleInput(x, (2, 3), mode="mean", stat_length=((1, 2), (3, 1)))
    yield SampleInput(x, (2, 3), mode="median")
    yield SampleInput(x, 1, mode=_set_ends, value=7)
    yield SampleInput(x, -1)                                         # ValueError


def s_apply_along_axis(make, dt):
    yield SampleInput(lambda v: v[::-1], 0, make((3, 4), dt))
    yield SampleInput(lambda v: v[:2], -1, make((2, 3, 4), dt))
    yield SampleInput(lambda v, k: v[k], 1, make((3, 4), dt), 2)


def s_apply_over_axes(make, dt):
    yield SampleInput(lambda a, axis: a.max(axis=axis), make((2, 3, 4), dt), [0, 2])
    yield SampleInput(lambda a, axis: a.max(axis=axis, keepdims=True), make((2, 3, 4), dt), -1)


def s_packbits(make, dt):
    yield SampleInput(make((3, 10), dt, low=0, high=1))
    yield SampleInput(make((3, 10), dt, low=0, high=1), axis=0)
    yield SampleInput(make((3, 10), dt, low=0, high=1), axis=-1, bitorder="little")


def s_unpackbits(make, dt):
    yield SampleInput(make((2, 3), dt, low=0, high=200))
    yield SampleInput(make((2, 3), dt, low=0, high=200), axis=0, count=-3)
    yield SampleInput(make((2, 3), dt, low=0, high=200), axis=1, count=30, bitorder="little")


def s_piecewise(make, dt):
    x = make((6,), dt)
    yield SampleInput(x, [np.array([True, False] * 3)], [lambda v: v * 2, lambda v: v])
    yield SampleInput(x, [np.array([True, False, False] * 2), np.array([False, True] * 3)],
                      [lambda v: v, 1])
    yield SampleInput(x, [np.array([True] * 6)], [1, 2, 3])           # ValueError



op_db_manipulation += [
    _entry("block", s_block),
    _entry("row_stack", s_row_stack, xfails=[XFail(
        "warns (DeprecationWarning, as NumPy 2): Dynamo cannot trace warnings.warn",
        variants=["compile"])]),
    _entry("pad", s_pad, xfails=[XFail(
        "reads the pad widths and fill values on the host (they decide the result's shape)",
        variants=["compile"])]),
    _entry("apply_along_axis", s_apply_along_axis, xfails=[XFail(
        "writes its buffer with setitem, whose overlap check (UntypedStorage.data_ptr) Dynamo "
        "cannot trace", variants=["compile"])]),
    _entry("apply_over_axes", s_apply_over_axes),
    _entry("packbits", s_packbits, dtypes=INTEGER + BOOL),
    _entry("unpackbits", s_unpackbits, dtypes=("uint8",)),
    _entry("piecewise", s_piecewise, xfails=[XFail(
        "boolean-mask indexing reads the mask on the host (a value-dependent size)",
        variants=["compile"])]),
]
