"""Database: window functions (bartlett, blackman, hamming, hanning, kaiser).

The argument is a length, not an array: Python numbers, then a 0-d array of each dtype, which
NumPy reads through ``array([0.0, M])`` (a complex length gives a complex window).
"""
import numpy as np

from opinfo.core import ALL, ErrorInput, OpInfo, SampleInput

_LENGTHS = (5, 12, 0, 1, 2, -3, 2.5, 5.5, 0.5, True)


def samples_window(make, dtype):
    for m in _LENGTHS:
        yield SampleInput(m)
    yield SampleInput(np.array(7, dtype=dtype))


def samples_kaiser(make, dtype):
    for m, beta in zip(_LENGTHS, (3.0, 14, 0.0, 2.0, 0, 8.6, -3.0, 2.0, 2.0, 1.5)):
        yield SampleInput(m, beta)
    yield SampleInput(np.array(6, dtype=dtype), 5.0)
    yield SampleInput(6, np.array(5, dtype=dtype))


_NOT_A_LENGTH = [ErrorInput(SampleInput([4]), ValueError),
                 ErrorInput(SampleInput(np.array([3, 4])), ValueError)]


def _window(name):
    return OpInfo(name, dtypes=ALL, samples=samples_window, errors=_NOT_A_LENGTH)


op_db_window = [
    _window("bartlett"),
    _window("blackman"),
    _window("hamming"),
    _window("hanning"),
    OpInfo("kaiser", dtypes=ALL, samples=samples_kaiser,
           errors=[ErrorInput(SampleInput(5, 2j), TypeError, exact_message=True),
                   ErrorInput(SampleInput(5, [2.0]), ValueError)]),
]
