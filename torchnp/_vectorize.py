"""``vectorize``: a Python function called element by element over broadcast arrays.

torchnp implementation of :class:`numpy.vectorize`. The function runs in Python on each element,
so the elements are read back to the host (``# host-sync:``) and the results are gathered into
new arrays on the inputs' device. NumPy's rules hold: the first call (on 0-d arrays standing for
NumPy's scalars) decides the number of outputs and their dtypes unless ``otypes`` is given, the
later calls receive Python scalars, and ``signature`` loops over the broadcast (non-core)
dimensions, passing subarrays.
"""
import re

from torchnp import _creation, _index_tricks, _iterators, _manipulation, _numerictypes
from torchnp._core import convert
from torchnp._core import dtypes as _dtypes

_NoValue = convert.NoValue

# generalized-ufunc signatures: "(m,n),(n)->(m)"
_DIM = r"\w+"
_CORE_DIMS = rf"(?:{_DIM}(?:,{_DIM})*)?"
_ARG = rf"\({_CORE_DIMS}\)"
_ARGS = rf"{_ARG}(?:,{_ARG})*"
_SIGNATURE = rf"^{_ARGS}->{_ARGS}$"


def _parse_signature(signature):
    """([core dims of each input], [core dims of each output]) of a gufunc signature."""
    signature = re.sub(r"\s+", "", signature)
    if not re.match(_SIGNATURE, signature):
        raise ValueError(f"not a valid gufunc signature: {signature}")
    return tuple([tuple(re.findall(_DIM, arg)) for arg in re.findall(_ARG, side)]
                 for side in signature.split("->"))


def _otypes(otypes):
    """``otypes`` checked as NumPy does: a string of type codes, or a sequence of dtype-likes."""
    if isinstance(otypes, str):
        for char in otypes:
            if char not in _numerictypes.typecodes["All"]:
                raise ValueError(f"Invalid otype specified: {char}")
        return otypes
    if otypes is None:
        return None
    try:
        return [_dtypes.to_numpy_dtype(_dtypes.to_torch_dtype(x)) for x in otypes]
    except TypeError as err:
        if "not iterable" in str(err):
            raise ValueError("Invalid otype specification") from None
        raise


class vectorize:
    """A function of Python scalars made into one over arrays, broadcasting its arguments.

    torchnp implementation of :class:`numpy.vectorize`. Usable as a decorator, with or without
    keyword arguments.

    Differences from NumPy: the first call receives 0-d arrays where NumPy passes NumPy scalars
    (docs/differences.md); results are gathered on the device of the first array argument.
    """

    def __init__(self, pyfunc=_NoValue, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        if pyfunc is not _NoValue and not callable(pyfunc):
            raise TypeError("When used as a decorator, only accepts keyword arguments.")
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        if pyfunc is not _NoValue and hasattr(pyfunc, "__name__"):
            self.__name__ = pyfunc.__name__
        self._doc = None
        self.__doc__ = doc
        if doc is None and hasattr(pyfunc, "__doc__"):
            self.__doc__ = pyfunc.__doc__
        else:
            self._doc = doc
        self.otypes = _otypes(otypes)
        self.excluded = set() if excluded is None else set(excluded)
        self._core_dims = None if signature is None else _parse_signature(signature)

    def __call__(self, *args, **kwargs):
        if self.pyfunc is _NoValue:         # @vectorize(otypes=...) receiving its function
            self._init_stage_2(*args, **kwargs)
            return self
        return self._call_as_normal(*args, **kwargs)

    def _init_stage_2(self, pyfunc, *args, **kwargs):
        self.__name__ = pyfunc.__name__
        self.pyfunc = pyfunc
        self.__doc__ = pyfunc.__doc__ if self._doc is None else self._doc

    def _call_as_normal(self, *args, **kwargs):
        excluded = self.excluded
        if not kwargs and not excluded:
            return self._vectorize_call(self.pyfunc, args)
        # the vectorized arguments are passed positionally to a wrapper that puts them back
        names = [n for n in kwargs if n not in excluded]
        inds = [i for i in range(len(args)) if i not in excluded]
        the_args = list(args)

        def func(*vargs):
            for n, i in enumerate(inds):
                the_args[i] = vargs[n]
            kwargs.update(zip(names, vargs[len(inds):]))
            return self.pyfunc(*the_args, **kwargs)

        vargs = [args[i] for i in inds] + [kwargs[n] for n in names]
        return self._vectorize_call(func, vargs)

    def _vectorize_call(self, func, args):
        if self._core_dims is not None:
            return self._call_with_signature(func, args)
        if not args:
            return func()
        arrays = [_creation.asarray(a) for a in args]
        first, otypes = None, self.otypes
        if otypes is None:
            if any(a.size == 0 for a in arrays):
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            first = func(*(a.flat[0] for a in arrays))
            outs = first if isinstance(first, tuple) else (first,)
            otypes = "".join(_creation.asarray(o).dtype.char for o in outs)
        return _gather(func, arrays, otypes, first if self.cache else None)

    def _call_with_signature(self, func, args):
        in_dims, out_dims = self._core_dims
        if len(args) != len(in_dims):
            raise TypeError(f"wrong number of positional arguments: expected {len(in_dims)!r}, "
                            f"got {len(args)!r}")
        args = [_creation.asarray(a) for a in args]
        loop_shape, sizes = _input_dimensions(args, in_dims)
        args = [_manipulation.broadcast_to(a, shape)
                for a, shape in zip(args, _shapes(loop_shape, sizes, in_dims))]
        outputs, nout = None, len(out_dims)
        for index in _index_tricks.ndindex(*loop_shape):
            results = func(*(a[index] for a in args))
            n_results = len(results) if isinstance(results, tuple) else 1
            if nout != n_results:
                raise ValueError(f"wrong number of outputs from pyfunc: expected {nout!r}, got "
                                 f"{n_results!r}")
            if nout == 1:
                results = (results,)
            if outputs is None:
                for result, dims in zip(results, out_dims):
                    _update_sizes(sizes, _creation.asarray(result), dims)
                outputs = _new_outputs(loop_shape, sizes, out_dims, self.otypes, results)
            for output, result in zip(outputs, results):
                output[index] = result
        if outputs is None:                     # the function was never called
            if self.otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            if any(d not in sizes for dims in out_dims for d in dims):
                raise ValueError("cannot call `vectorize` with a signature including new output "
                                 "dimensions on size 0 inputs")
            outputs = _new_outputs(loop_shape, sizes, out_dims, self.otypes)
        return outputs[0] if nout == 1 else outputs


def _gather(func, arrays, otypes, first):
    """Call ``func`` on each broadcast element (Python scalars) and gather the results into arrays
    of ``otypes``; ``first``: the cached result for the first element, or None."""
    try:
        shape = convert.broadcast_shapes([a.shape for a in arrays])
    except ValueError:
        raise convert.broadcast_error([a.shape for a in arrays]) from None
    # host-sync: the Python function is called on Python scalars, as NumPy's object loop does
    columns = [a._t.expand(shape).reshape(-1).tolist() for a in arrays]
    nout = len(otypes)
    results = [[] for _ in range(nout)]
    for k, values in enumerate(zip(*columns)):
        res = first if k == 0 and first is not None else func(*values)
        outs = res if nout > 1 else (res,)
        if nout > 1 and (not isinstance(res, tuple) or len(res) != nout):
            raise ValueError(f"function was expected to return a tuple of {nout} values")
        for out, value in zip(results, outs):
            out.append(value)
    device = arrays[0].device
    gathered = tuple(_creation.asarray(r, dtype=otype, device=device).reshape(shape)
                     for r, otype in zip(results, otypes))
    return gathered[0] if nout == 1 else gathered


def _update_sizes(sizes, arg, core_dims):
    """Check ``arg``'s core dimensions against the sizes seen so far, and record new ones."""
    if not core_dims:
        return
    if arg.ndim < len(core_dims):
        raise ValueError(f"{arg.ndim}-dimensional argument does not have enough dimensions for "
                         f"all core dimensions {core_dims!r}")
    for dim, size in zip(core_dims, arg.shape[-len(core_dims):]):
        if sizes.setdefault(dim, size) != size:
            raise ValueError(f"inconsistent size for core dimension {dim!r}: {size!r} vs "
                             f"{sizes[dim]!r}")


def _input_dimensions(args, in_dims):
    """(the broadcast shape of the loop dimensions, {core dimension: size})."""
    sizes = {}
    loop_shapes = []
    for arg, dims in zip(args, in_dims):
        _update_sizes(sizes, arg, dims)
        loop_shapes.append(arg.shape[:arg.ndim - len(dims)])
    return _iterators._broadcast_shape(loop_shapes), sizes


def _shapes(loop_shape, sizes, list_of_dims):
    return [loop_shape + tuple(sizes[d] for d in dims) for dims in list_of_dims]


def _new_outputs(loop_shape, sizes, out_dims, otypes, results=None):
    shapes = _shapes(loop_shape, sizes, out_dims)
    dts = [None] * len(shapes) if otypes is None else list(otypes)
    if results is None:
        return tuple(_creation.empty(shape, dtype=dt) for shape, dt in zip(shapes, dts))
    return tuple(_creation.empty_like(_creation.asarray(r), dtype=dt, shape=shape)
                 for r, shape, dt in zip(results, shapes, dts))
