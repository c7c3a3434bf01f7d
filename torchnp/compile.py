"""``torchnp.compile`` / ``torchnp.jit``: ``torch.compile`` over functions written with torchnp.

torchnp extension (DESIGN §3.8). Dynamo traces torchnp's Python code like any other: an ndarray
argument is an object holding a tensor, which Dynamo lifts into a graph input (a new call with new
values but the same shapes reuses the compiled graph), and ndarrays made inside are rebuilt
around the graph's outputs. What Dynamo cannot trace on its own is taught here, once, on the first
``compile``: the default float dtype and device, which torchnp keeps in context variables; the
storage checks before overlapping copies; NumPy arrays and scalars, which Dynamo holds as tensors;
Python lists and numbers made into arrays; list indices; index bounds (checked by torch's kernels
in the graph instead of read on the host); and ``@`` on objects of a Python class. Eager code is
untouched: a substitute runs only while Dynamo traces (docs/design-notes.md).
"""
import functools

import torch

from torchnp import _kernels
from torchnp._core import config, convert, indexing


def compile(fn=None, /, **torch_compile_kwargs):  # noqa: A001  (torch.compile's name, on purpose)
    """Compile a function written with torchnp (arrays in, arrays out) with ``torch.compile``.

    ``torchnp.compile(f)``, ``@torchnp.compile`` and ``@torchnp.compile(fullgraph=True)`` all work;
    keyword arguments go to ``torch.compile`` (``backend`` is ``"inductor"`` unless given).
    Arguments and results may be ndarrays, tensors, Python numbers or pytrees of them.
    torchnp extension: NumPy has no compiler.
    """
    if fn is None:
        return functools.partial(compile, **torch_compile_kwargs)
    _teach_dynamo()
    compiled = torch.compile(fn, **torch_compile_kwargs)

    @functools.wraps(fn)
    def run(*args, **kwargs):
        config.sync_traced()        # the caller's defaults, which the compiled code is guarded on
        return compiled(*args, **kwargs)

    run._torchnp_compiled = compiled    # the torch.compile object, e.g. for its cache
    return run


jit = compile


@functools.cache
def _teach_dynamo():
    """Register the substitutes Dynamo runs in place of what it cannot trace (see the module's
    docstring). Done on the first ``compile``, since importing Dynamo takes ~1.5 s."""
    substitute = torch.compiler.substitute_in_graph
    substitute(config.default_float_dtype, skip_signature_check=True)(_traced_float)
    substitute(config.current_device, skip_signature_check=True)(_traced_device)
    substitute(_kernels.same_storage)(_traced_same_storage)
    substitute(convert._numpy_to_tensor)(_traced_numpy_to_tensor)
    substitute(convert._host_to_tensor)(_traced_host_to_tensor)
    substitute(indexing._check_bounds)(_traced_check_bounds)
    substitute(indexing._classify_sequence)(_traced_classify_sequence)
    # data-dependent sizes (a[mask], nonzero) trace into the graph instead of breaking it
    # (process-wide: Dynamo reads its config when it traces)
    torch._dynamo.config.capture_dynamic_output_shape_ops = True
    from torch._dynamo.variables.builtin import BuiltinVariable
    if not hasattr(BuiltinVariable, "call_matmul"):
        BuiltinVariable.call_matmul = _call_matmul


def _call_matmul(self, tx, a, b):
    # torch: Dynamo (2.13) traces +, -, *, ... on objects of a Python class through their
    # methods, but has no handler for `@`: without this, `a @ b` on ndarrays is a graph break.
    from torch._dynamo.variables import UserDefinedObjectVariable
    if isinstance(a, UserDefinedObjectVariable):
        return a.call_method(tx, "__matmul__", [b], {})
    if isinstance(b, UserDefinedObjectVariable):
        return b.call_method(tx, "__rmatmul__", [a], {})
    return None


def _traced_float():
    return config.traced_float


def _traced_device():
    return config.traced_device


def _traced_same_storage(t1, t2):
    # storage pointers are not traceable: the cautious answer, after which callers copy (the
    # compiler fuses that copy into its consumer)
    return True


def _traced_numpy_to_tensor(x):
    return torch.as_tensor(x), False        # Dynamo holds NumPy arrays and scalars as tensors


_WIDER = {torch.float32: torch.float64, torch.complex64: torch.complex128}


def _traced_literal(a, dtype):
    """Python numbers or (nested) sequences of them as a tensor with NumPy's inference (bool,
    int64, float64, complex128); torch's errors for ragged or too-big input."""
    if dtype is None:
        t = torch.tensor(a)
        dtype = _WIDER.get(t.dtype)
        if dtype is None:
            return t
    return torch.tensor(a, dtype=dtype)


def _traced_host_to_tensor(a, dtype, copy):
    # Python data is a constant to Dynamo, which routes numpy.asarray to a NumPy of its own
    # that lacks NumPy 2's copy=: torch parses it instead
    if type(a) in (list, tuple) and convert._holds_arrays(a):
        return convert._stack_nested(a, dtype), True
    return _traced_literal(a, dtype), True


def _traced_check_bounds(idx, sizes, axes):
    return None          # a host read; in a compiled graph torch's indexing kernels check bounds


def _traced_classify_sequence(k, device):
    # a list key (``a[:, [0, 2]]``) is a constant to Dynamo, which cannot run NumPy's parse
    if convert._holds_arrays(k):
        t = convert.on_device(k, device)
    else:
        t = _traced_literal(k, None).to(device)
        if t.numel() == 0 and t.is_floating_point():
            t = t.long()                        # an empty list is an empty integer index
    return indexing._classify_array(t, indexing._INVALID_INDEX)
