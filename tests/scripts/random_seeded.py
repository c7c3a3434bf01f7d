"""Random numbers with a seed. NumPy's and torchnp's generators draw different streams from the
same seed, so this prints only what does not depend on the stream: shapes, dtypes, bounds."""
import numpy as np

rng = np.random.default_rng(42)
u = rng.random((200, 3))
n = rng.standard_normal(1000)
k = rng.integers(0, 10, size=50)
print(u.shape, u.dtype, bool((u >= 0).all() and (u < 1).all()))
print(n.shape, n.dtype, bool(abs(n.mean()) < 0.2), bool(0.8 < n.std() < 1.2))
print(k.dtype, bool(k.min() >= 0 and k.max() < 10))
p = rng.permutation(10)
print(sorted(p.tolist()) == list(range(10)))
np.random.seed(0)
print(np.random.rand(2, 2).shape, np.random.randint(5, size=3).dtype)
