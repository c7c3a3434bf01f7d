"""DESIGN §3.8: the library's common path traces into one torch.compile graph (no graph breaks)."""
import numpy
import pytest
import torch

import torchnp as np


def ufuncs_scalars_reductions(t):
    a = np.asarray(t)
    b = (a * 2.0 + a) / 3.0 - 1
    return (np.sin(b).sum(axis=0, keepdims=True) + np.maximum(b, 0.5).mean()).tensor


def views_and_shapes(t):
    a = np.asarray(t)
    v = a[1:].reshape(-1)[::2] + a[:, 1].T[0]
    return (v.astype(np.float32) * np.where(v > 0, v, -v)).tensor


def integer_and_comparison(t):
    a = np.asarray(t)
    i = (a * 10).astype(np.int64)
    return ((i // 3) % 4 + (a < 0.5) + np.abs(i).max(axis=1)[:, None]).tensor


def lists_joins_transposes(t):
    a = np.asarray(t)
    b = np.where(a > 0, a, a * 2.0)[[0, 2, -1]]
    return (np.concatenate([b, b[:, ::-1]], 1).T + a.reshape(1, 24).T[:12]).tensor


@pytest.mark.slow
@pytest.mark.parametrize("fn", [ufuncs_scalars_reductions, views_and_shapes,
                                integer_and_comparison, lists_joins_transposes])
def test_common_path_compiles_without_graph_breaks(fn):
    t = torch.from_numpy(numpy.random.default_rng(0).standard_normal((4, 6)))
    torch._dynamo.reset()
    compiled = torch.compile(fn, fullgraph=True)       # fullgraph: a graph break is an error
    torch.testing.assert_close(compiled(t), fn(t))
    torch._dynamo.reset()
