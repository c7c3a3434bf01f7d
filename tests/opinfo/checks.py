"""Checks the templates share beyond values: error messages, memory sharing, parts of results.

NumPy is the oracle for each: its message's key words, its ``numpy.shares_memory``, its values.
"""
import re

import numpy as np
import torch

import torchnp

# ----- error messages ----------------------------------------------------------------------------
_STOP = {"with", "that", "this", "from", "have", "been", "must", "should", "could", "into", "than",
         "only", "when", "which", "were", "does", "there", "their", "they", "them", "these",
         "those", "what", "will", "also", "each", "more"}


def key_words(message):
    """The words of a message that carry its meaning: four letters or more, not filler."""
    return {w for w in re.findall(r"[a-z_]+", message.lower()) if len(w) >= 4 and w not in _STOP}


def message_mismatch(expected, actual, exact=False):
    """'' when torchnp's message ``actual`` says what NumPy's ``expected`` says (the same text
    when ``exact``, else two thirds of its key words and no word of torch's), else why not."""
    if exact:
        return "" if actual == expected else f"message {actual!r} != NumPy's {expected!r}"
    if "torch" in actual.lower():
        return f"torch's message leaks through: {actual!r} (NumPy: {expected!r})"
    want = key_words(expected)
    if not want:
        return ""
    found = want & key_words(actual)
    if 3 * len(found) >= 2 * len(want):
        return ""
    return (f"message {actual!r} lacks NumPy's key words {sorted(want - found)} "
            f"(NumPy: {expected!r})")


# ----- memory sharing ----------------------------------------------------------------------------
def arrays_in(x):
    """The arrays (NumPy or torchnp) in a result or argument list, recursively."""
    if isinstance(x, (np.ndarray, torchnp.ndarray)):
        return [x]
    if isinstance(x, (tuple, list)):
        return [a for e in x for a in arrays_in(e)]
    if isinstance(x, dict):
        return [a for e in x.values() for a in arrays_in(e)]
    return []


def _numpy_view(t):
    """A NumPy array over the same bytes as CPU tensor ``t`` (no copy), or None."""
    t = t.detach()
    if t.is_conj():
        t = t.conj()            # the un-conjugated view of the same memory
    if t.is_neg():
        return None
    try:
        return t.numpy()
    except (TypeError, RuntimeError):
        return None


def _byte_range(t):
    if t.numel() == 0:
        return None
    start = t.data_ptr()
    extent = sum((n - 1) * abs(s) for n, s in zip(t.shape, t.stride()))
    return start, start + (extent + 1) * t.element_size()


def tensors_share_memory(t1, t2):
    """Whether two tensors have an element in common: exactly (through NumPy) on the CPU, by byte
    ranges on other devices."""
    if t1.device != t2.device or t1.untyped_storage().data_ptr() != t2.untyped_storage().data_ptr():
        return False
    if t1.device.type == "cpu":
        v1, v2 = _numpy_view(t1), _numpy_view(t2)
        if v1 is not None and v2 is not None:
            return bool(np.shares_memory(v1, v2))
    r1, r2 = _byte_range(t1), _byte_range(t2)
    return r1 is not None and r2 is not None and r1[0] < r2[1] and r2[0] < r1[1]


def sharing(result, inputs, shares):
    """[(i, j)] for each result array i that shares memory with input array j."""
    return [(i, j) for i, r in enumerate(arrays_in(result)) for j, a in enumerate(inputs)
            if shares(r, a)]


def numpy_shares(a, b):
    return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.shares_memory(a, b)


def torchnp_shares(a, b):
    return (isinstance(a, torchnp.ndarray) and isinstance(b, torchnp.ndarray)
            and tensors_share_memory(a.tensor, b.tensor))


# ----- values, part by part ----------------------------------------------------------------------
def _finite_abs(x):
    return np.where(np.isfinite(x), np.abs(x), 0).astype(np.float64)


def assert_parts_close(got, expected, rtol, atol):
    """Float and complex results part by part: non-finite parts equal (NaN equals NaN), finite
    parts within ``atol + rtol *`` the larger finite part of the expected value, and zeros of the
    same sign where both are zero."""
    expected = np.asarray(expected)
    got = np.asarray(got)
    scale = np.maximum(_finite_abs(expected.real), _finite_abs(expected.imag))
    parts = [(got.real, expected.real)]
    if expected.dtype.kind == "c":
        parts.append((got.imag, expected.imag))
    for g, e in parts:
        finite = np.isfinite(e)
        np.testing.assert_array_equal(g[~finite], e[~finite], err_msg="non-finite values differ")
        err = np.abs(g[finite].astype(np.float64) - e[finite])
        bad = ~(err <= atol + rtol * scale[finite])
        assert not bad.any(), (f"{bad.sum()} values differ, e.g. {g[finite][bad][:3]} (torchnp) "
                               f"vs {e[finite][bad][:3]} (NumPy)")
        zeros = (e == 0) & (g == 0)
        np.testing.assert_array_equal(np.signbit(g[zeros]), np.signbit(e[zeros]),
                                      err_msg="signs of zeros differ")


def host(x):
    """A torchnp result's data as NumPy (tuples and lists elementwise)."""
    if isinstance(x, (tuple, list)):
        return type(x)(host(e) for e in x)
    if isinstance(x, torchnp.ndarray):
        t = x.tensor.detach()
        return t.cpu().resolve_conj().resolve_neg().numpy() if t.device.type != "meta" else None
    return x


def overwrite(actual, expected, mask):
    """torchnp's result with NumPy's values where ``mask`` (known differences): a new array of the
    same dtype, shape and device."""
    if isinstance(expected, tuple):
        return tuple(overwrite(a, e, mask) for a, e in zip(actual, expected))
    if not isinstance(actual, torchnp.ndarray) or np.shape(actual) != np.shape(expected):
        return actual           # the comparison reports it
    e = np.asarray(expected)
    m = np.broadcast_to(mask, e.shape)
    got = np.where(m, e, host(actual)).astype(e.dtype)
    res = torchnp.asarray(torch.from_numpy(got).to(actual.tensor.device))
    return res[()] if isinstance(expected, np.generic) else res     # a scalar stays a scalar


def on_meta_or_cuda():
    """A second device for mixing with the CPU: cuda when available, else meta."""
    return "cuda" if torch.cuda.is_available() else "meta"
