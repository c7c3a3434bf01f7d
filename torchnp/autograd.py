"""Gradients and batching of functions written with torchnp: ``grad``, ``value_and_grad``,
``jacobian``, ``hessian``, ``vmap`` (on ``torch.func``), and ``no_grad`` / ``enable_grad``.

A torchnp extension: NumPy has no autograd. Each transform takes a function of torchnp arrays
(or pytrees of them: tuples, lists, dicts) that returns torchnp arrays, and returns a function
that takes torchnp arrays, NumPy arrays or Python scalars and returns torchnp arrays. Inside,
the function sees torchnp arrays wrapping ``torch.func``'s tensors; torch does the rest.
"""
import functools

import torch
from torch import enable_grad, no_grad  # noqa: F401 (re-exported: context managers, decorators)

from torchnp._core import convert, dtypes
from torchnp._core.ndarray import ndarray

__all__ = ["grad", "value_and_grad", "jacobian", "hessian", "vmap", "no_grad", "enable_grad"]


# ----- pytrees of arrays: tuples, lists and dicts; every other object is a leaf ---------------
def _tree_map(fn, x):
    if isinstance(x, tuple):
        mapped = [_tree_map(fn, e) for e in x]
        return type(x)(*mapped) if hasattr(x, "_fields") else tuple(mapped)   # namedtuples too
    if isinstance(x, list):
        return [_tree_map(fn, e) for e in x]
    if isinstance(x, dict):
        return {k: _tree_map(fn, v) for k, v in x.items()}
    return fn(x)


def _to_tensor(x):
    return x._t if isinstance(x, ndarray) else x


def _to_array(x):
    return convert.wrap(x) if isinstance(x, torch.Tensor) else x


def _input_tensor(x):
    """A differentiated argument's leaf as a tensor: torchnp arrays as they are, NumPy arrays and
    Python numbers through ``asarray``."""
    if isinstance(x, ndarray):
        return x._t
    from torchnp._creation import asarray           # the chapter above the core, at call time
    return asarray(x)._t


def _array_tensor(x):
    """A batched argument's leaf: torchnp and NumPy arrays as tensors; Python scalars stay weak."""
    if isinstance(x, ndarray):
        return x._t
    if hasattr(x, "__array__") and not isinstance(x, torch.Tensor):
        from torchnp._creation import asarray
        return asarray(x)._t
    return x


def _check_inexact(transform, i, t):
    if not (t.is_floating_point() or t.is_complex()):
        raise TypeError(f"{transform} requires floating-point or complex inputs, but argument {i} "
                        f"has dtype {dtypes.to_numpy_dtype(t.dtype)}; convert it first "
                        "(e.g. a.astype(float), or 1.0 for 1)")
    return t


def _prepare(transform, argnums, args):
    """(the arguments with the differentiated ones as inexact tensors, their positions as a
    tuple, and as ``torch.func`` takes them: an int where ``argnums`` is one)."""
    nargs = len(args)
    nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
    if not all(isinstance(i, int) and -nargs <= i < nargs for i in nums):
        raise ValueError(f"{transform}: argnums {argnums!r} out of range for a call with {nargs} "
                         "positional argument(s)")
    nums = tuple(i % nargs for i in nums)
    args = list(args)
    for i in nums:
        args[i] = _tree_map(
            lambda x, i=i: _check_inexact(transform, i, _input_tensor(x)), args[i])
    return args, nums, (nums[0] if isinstance(argnums, int) else nums)


def _on_arrays(f, positions):
    """``f`` as a function of tensors: the tensors at ``positions`` wrapped as torchnp arrays on
    the way in, every torchnp array in the results unwrapped on the way out."""
    positions = set(positions)

    def tensor_fn(*args, **kwargs):
        args = [_tree_map(_wrap_input, a) if i in positions else a for i, a in enumerate(args)]
        return _tree_map(_to_tensor, f(*args, **kwargs))
    return tensor_fn


def _wrap_input(x):
    return convert.wrap_array(x) if isinstance(x, torch.Tensor) else x


def _scalar_output(out, transform):
    """The output of a function ``grad`` differentiates: a real array of one element, as 0-d."""
    if not isinstance(out, torch.Tensor):
        raise TypeError(f"{transform}: the function must return a torchnp array, not "
                        f"{type(out).__name__}")
    if out.numel() != 1:
        raise TypeError("Gradient only defined for scalar-output functions. Output had shape: "
                        f"{convert.shape_text(tuple(out.shape))}")
    if not out.is_floating_point():
        raise TypeError(f"{transform} requires real-valued outputs (floating point), but the "
                        f"output has dtype {dtypes.to_numpy_dtype(out.dtype)}")
    return out.reshape(())


def _scalar_fn(f, positions, has_aux, transform):
    """``f`` on tensors, its output checked as ``grad``'s and ``value_and_grad``'s."""
    tensor_fn = _on_arrays(f, positions)

    def scalar_fn(*args, **kwargs):
        res = tensor_fn(*args, **kwargs)
        if not has_aux:
            return _scalar_output(res, transform)
        if not (isinstance(res, (tuple, list)) and len(res) == 2):
            raise TypeError(f"{transform} with has_aux=True needs a function returning a pair "
                            "(output, auxiliary data)")
        return _scalar_output(res[0], transform), res[1]
    return scalar_fn


def grad(f, argnums=0, has_aux=False):
    """The gradient of ``f`` (a function returning a real array of one element) with respect to
    its argument(s) ``argnums``, as a function taking the same arguments.

    A torchnp extension (JAX's ``jax.grad``, on ``torch.func.grad``). With ``has_aux=True`` ``f``
    returns ``(output, aux)`` and the new function returns ``(gradient, aux)``. A tuple
    ``argnums`` gives a tuple of gradients.
    """
    @functools.wraps(f)
    def grad_f(*args, **kwargs):
        args, nums, torch_nums = _prepare("grad", argnums, args)
        fn = _scalar_fn(f, nums, has_aux, "grad")
        return _tree_map(_to_array, torch.func.grad(fn, torch_nums, has_aux)(*args, **kwargs))
    return grad_f


def value_and_grad(f, argnums=0, has_aux=False):
    """``f``'s value and its gradient (see ``grad``), as one function returning
    ``(value, gradient)``, or ``((value, aux), gradient)`` with ``has_aux=True``.

    A torchnp extension (JAX's ``jax.value_and_grad``, on ``torch.func.grad_and_value``).
    """
    @functools.wraps(f)
    def value_and_grad_f(*args, **kwargs):
        args, nums, torch_nums = _prepare("value_and_grad", argnums, args)
        fn = _scalar_fn(f, nums, has_aux, "value_and_grad")
        g, value = torch.func.grad_and_value(fn, torch_nums, has_aux)(*args, **kwargs)
        return _tree_map(_to_array, value), _tree_map(_to_array, g)
    return value_and_grad_f


def jacobian(f, argnums=0, has_aux=False):
    """The Jacobian of ``f`` with respect to its argument(s) ``argnums``, by reverse mode: for
    an output of shape ``S`` and an input of shape ``T``, an array of shape ``S + T``.

    A torchnp extension (JAX's ``jax.jacrev``, on ``torch.func.jacrev``).
    """
    return _matrix_transform(f, argnums, has_aux, torch.func.jacrev, "jacobian")


def _jacrev_twice(fn, argnums, *, has_aux):
    inner = torch.func.jacrev(fn, argnums, has_aux=has_aux)
    return torch.func.jacrev(inner, argnums, has_aux=has_aux)


def hessian(f, argnums=0, has_aux=False):
    """The Hessian of ``f`` (a function returning one number) with respect to its argument(s)
    ``argnums``: for an input of shape ``T``, an array of shape ``T + T``.

    A torchnp extension (JAX's ``jax.hessian``): the Jacobian of the Jacobian, by reverse mode
    twice (``torch.func.jacrev``), which needs no forward-mode derivatives.
    """
    return _matrix_transform(f, argnums, has_aux, _jacrev_twice, "hessian")


def _matrix_transform(f, argnums, has_aux, torch_transform, transform):
    @functools.wraps(f)
    def transformed(*args, **kwargs):
        args, nums, torch_nums = _prepare(transform, argnums, args)
        fn = _on_arrays(f, nums)
        res = torch_transform(fn, torch_nums, has_aux=has_aux)(*args, **kwargs)
        return _tree_map(_to_array, res)
    return transformed


def vmap(f, in_axes=0, out_axes=0):
    """``f`` mapped over an axis of its arguments (``in_axes``: an int, None, or one per
    argument) with the results stacked along ``out_axes``: one batched call, no Python loop.

    A torchnp extension (JAX's ``jax.vmap``, on ``torch.func.vmap``). Inside ``f`` each array
    has the mapped axis removed. Functions whose result shape depends on values (``nonzero``,
    boolean-mask indexing, ``unique``, ``int(a)``) cannot be batched and raise TypeError.
    """
    @functools.wraps(f)
    def vmapped(*args, **kwargs):
        args = [_tree_map(_array_tensor, a) for a in args]
        fn = _on_arrays(f, range(len(args)))
        try:
            res = torch.func.vmap(fn, in_axes, out_axes)(*args, **kwargs)
        except RuntimeError as e:
            raise _vmap_error(f, e) from None
        return _tree_map(_to_array, res)
    return vmapped


# torch's words for what vmap cannot batch, and what each means for code written with torchnp
_VMAP_LIMITS = (
    (("dynamic shape", ".item()", "data-dependent", "Tensor.item", "data pointer"),
     "it reads array values on the host (a value-dependent shape, such as nonzero, unique or a "
     "boolean mask, a Python number or list from an array, printing)"),
    (("inplace", "in-place", "extra_args"),
     "it writes batched values into an array made inside the function (NumPy-style filling of "
     "a new array, as pad does)"),
)


def _vmap_error(f, e):
    """torch's RuntimeError from inside vmap as a TypeError saying what cannot be batched."""
    text = str(e)
    for words, why in _VMAP_LIMITS:
        if any(w in text for w in words):
            name = getattr(f, "__name__", "the function")
            return TypeError(f"vmap cannot batch {name}: {why}, which a batched call does not "
                             f"support (torch: {text})")
    return e
