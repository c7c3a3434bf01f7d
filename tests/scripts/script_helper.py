"""A module of the script's directory: its numpy is the script's numpy."""
import numpy as np


def double(a):
    return np.multiply(a, 2)


def uses_the_same_numpy(a):
    return isinstance(a, np.ndarray)
