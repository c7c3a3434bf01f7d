"""``from numpy import ...`` forms, a submodule import, and a helper module of the script's own
directory that imports numpy too."""
from numpy import array, linspace, pi, sin, float32
from numpy.fft import rfft
import numpy.random as npr

import script_helper

x = linspace(0, 2 * pi, 8, endpoint=False)
print(sin(x).round(6))
print(abs(rfft(array([1.0, 2.0, 1.0, 0.0]))))
print(array([1, 2], dtype=float32).dtype, npr.default_rng(1).random(3).shape)
print(script_helper.double(array([1, 2, 3])))
print(script_helper.uses_the_same_numpy(array([1.0])))
