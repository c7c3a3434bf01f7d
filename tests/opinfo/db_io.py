"""Database: input and output from memory (frombuffer, fromstring). The file functions (save,
load, loadtxt, ...) are not operators: tests/test_io.py tests them against NumPy, round trips in
both directions and malformed files included."""
import numpy as np

from opinfo.core import ALL, ErrorInput, OpInfo, SampleInput, XFail


def s_frombuffer(make, dt):
    x = make((6,), dt)
    yield SampleInput(x.tobytes(), dtype=dt)                    # read-only bytes: copied
    yield SampleInput(bytearray(x.tobytes()), dtype=dt, count=3, offset=dt.itemsize)
    yield SampleInput(x, dtype=dt)                              # an array: its memory, shared
    yield SampleInput(x, dtype=np.uint8, count=5)
    yield SampleInput(b"", dtype=dt)
    yield SampleInput(np.arange(4.0).tobytes())                 # dtype=None: float
    yield SampleInput(x.tobytes()[:-1], dtype=dt) if dt.itemsize > 1 else \
        SampleInput(x.tobytes(), dtype=dt, count=7)             # ValueError: size


def _text(x, sep):
    return sep.join(str(v) for v in x.tolist())


def s_fromstring(make, dt):
    x = make((5,), dt)
    if dt.kind == "b":
        x = x.astype(np.uint8)
    yield SampleInput(_text(x, " "), dtype=dt, sep=" ")
    yield SampleInput(_text(x, ", "), dtype=dt, count=3, sep=",")
    yield SampleInput("1.5e3, -2, inf, nan", sep=",")           # dtype=float
    yield SampleInput("1, 2, x", dtype=dt, sep=",")             # ValueError: unmatched data
    yield SampleInput("1 2", dtype=dt)                          # ValueError: no binary mode


op_db_io = [
    OpInfo("frombuffer", dtypes=ALL, samples=s_frombuffer,
           errors=[ErrorInput(SampleInput(b"1234", dtype=np.uint8, offset=5), ValueError,
                              exact_message=True),
                   ErrorInput(SampleInput("abc"), TypeError, exact_message=True)],
           xfails=[XFail("not a bug: frombuffer reads an array's memory, and a strided array is "
                         "no buffer (NumPy raises 'ndarray is not C-contiguous' for its own "
                         "strided arrays too); the template gives NumPy a contiguous copy",
                         variants=("noncontiguous",))]),
    OpInfo("fromstring", dtypes=ALL, samples=s_fromstring),
]
