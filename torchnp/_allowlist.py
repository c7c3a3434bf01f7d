"""The allowlist: every NumPy callable torchnp lacks, or provides with another signature, with its
reason (one line each); and the torchnp callables that need no operator-database entry.

Read by ``torchnp/_coverage.py`` (the coverage table) and ``tests/test_meta.py`` (which fails on a
NumPy name that is neither implemented nor listed here, and on a line here that has gone stale).
"""
NOT_YET = "not yet implemented"
DATETIME = "out of scope: datetime64 / timedelta64 dtypes (docs/differences.md, numeric dtypes only)"
STRING = "out of scope: string / bytes dtypes (docs/differences.md, numeric dtypes only)"
OBJECT = "out of scope: object dtype, arrays of Python objects (docs/differences.md)"
STRUCTURED = "out of scope: structured / void / record dtypes (docs/differences.md)"
MATRIX = "out of scope: the matrix class (pending deprecation in NumPy; use 2-D arrays)"
BUILD = "out of scope: NumPy's own build, test and packaging machinery"
RANDOM = ("random draws: moments and KS / chi-square statistics against NumPy's distributions, "
          "seeds, shapes, dtypes and errors (tests/test_random.py)")
EXTENDED = ("out of scope: extended precision (torch has none; longdouble is float64, "
            "docs/differences.md)")
DOCSTRINGS = "out of scope: NumPy's machinery for the docstrings of its own C objects"
SIGNATURE = "signature: "      # prefix of a reason for a deliberate signature difference

ALLOWLIST = {
    # ----- deliberate or known signature differences (the signature meta-test xfails them)
    # ----- submodules torchnp does not have yet (a per-name list replaces a line when it lands)
    # ----- out of scope by principle (docs/differences.md)
    "busday_count": DATETIME,
    "busday_offset": DATETIME,
    "busdaycalendar": DATETIME,
    "datetime64": DATETIME,
    "datetime_as_string": DATETIME,
    "datetime_data": DATETIME,
    "is_busday": DATETIME,
    "timedelta64": DATETIME,
    "bytes_": STRING,
    "character": STRING,
    "flexible": STRING,
    "str_": STRING,
    "frompyfunc": OBJECT,
    "object_": OBJECT,
    "recarray": STRUCTURED,
    "record": STRUCTURED,
    "void": STRUCTURED,
    "asmatrix": MATRIX,
    "bmat": MATRIX,
    "matrix": MATRIX,
    "get_include": BUILD,
    "show_config": BUILD,
    "show_runtime": BUILD,
    "test": BUILD,
    "testing.check_support_sve": BUILD,
    "float128": "out of scope: extended precision (torch has none; longdouble is float64, docs/differences.md)",
    "complex256": "out of scope: extended precision (torch has none; clongdouble is complex128, docs/differences.md)",
    # ----- numpy.dtypes, numpy.lib: the classes and helpers torchnp leaves out
    "dtypes.BytesDType": STRING,
    "dtypes.StrDType": STRING,
    "dtypes.StringDType": STRING,
    "dtypes.ObjectDType": OBJECT,
    "dtypes.VoidDType": STRUCTURED,
    "dtypes.DateTime64DType": DATETIME,
    "dtypes.TimeDelta64DType": DATETIME,
    "dtypes.LongDoubleDType": EXTENDED,
    "dtypes.CLongDoubleDType": EXTENDED,
    "lib.add_docstring": DOCSTRINGS,
    "lib.add_newdoc": DOCSTRINGS,
    # ----- not yet implemented (generated list; delete a line when its function lands)
}

_TESTING_HOST = "a test helper, not an operator: NumPy's own comparison on host copies " \
    "(tests/test_testing.py)"
_TESTING_NUMPY = "NumPy's own object (it never reads array values), not an operator " \
    "(tests/test_testing.py)"

# torchnp public callables with no operator-database entry, and why (classes need none: they are
# checked by the dtype and ndarray tests).
NO_OPINFO = {
    "compile": "torchnp extension: torch.compile over torchnp code (tests/test_compile.py)",
    "jit": "torchnp extension: the decorator spelling of compile (tests/test_compile.py)",
    "from_dlpack": "a bridge: zero-copy exchange with NumPy, torch and torchnp arrays, devices and "
                   "copy= (tests/test_interop.py)",
    # ----- torchnp.random: draws are checked statistically, not element by element
    "random.beta": RANDOM,
    "random.binomial": RANDOM,
    "random.bytes": RANDOM,
    "random.chisquare": RANDOM,
    "random.choice": RANDOM,
    "random.default_rng": RANDOM,
    "random.dirichlet": RANDOM,
    "random.exponential": RANDOM,
    "random.f": RANDOM,
    "random.gamma": RANDOM,
    "random.geometric": RANDOM,
    "random.get_bit_generator": RANDOM,
    "random.get_state": RANDOM,
    "random.gumbel": RANDOM,
    "random.hypergeometric": RANDOM,
    "random.laplace": RANDOM,
    "random.logistic": RANDOM,
    "random.lognormal": RANDOM,
    "random.logseries": RANDOM,
    "random.multinomial": RANDOM,
    "random.multivariate_normal": RANDOM,
    "random.negative_binomial": RANDOM,
    "random.noncentral_chisquare": RANDOM,
    "random.noncentral_f": RANDOM,
    "random.normal": RANDOM,
    "random.pareto": RANDOM,
    "random.permutation": RANDOM,
    "random.poisson": RANDOM,
    "random.power": RANDOM,
    "random.rand": RANDOM,
    "random.randint": RANDOM,
    "random.randn": RANDOM,
    "random.random": RANDOM,
    "random.random_integers": RANDOM,
    "random.random_sample": RANDOM,
    "random.ranf": RANDOM,
    "random.rayleigh": RANDOM,
    "random.sample": RANDOM,
    "random.seed": RANDOM,
    "random.set_bit_generator": RANDOM,
    "random.set_state": RANDOM,
    "random.shuffle": RANDOM,
    "random.standard_cauchy": RANDOM,
    "random.standard_exponential": RANDOM,
    "random.standard_gamma": RANDOM,
    "random.standard_normal": RANDOM,
    "random.standard_t": RANDOM,
    "random.triangular": RANDOM,
    "random.uniform": RANDOM,
    "random.vonmises": RANDOM,
    "random.wald": RANDOM,
    "random.weibull": RANDOM,
    "random.zipf": RANDOM,
    "set_default_float": "configuration, not an operator (tests/test_config.py)",
    "get_default_float": "configuration, not an operator (tests/test_config.py)",
    "default_float": "configuration context manager, not an operator",
    "set_default_device": "configuration, not an operator (tests/test_config.py)",
    "get_default_device": "configuration, not an operator (tests/test_config.py)",
    "result_type": "dtype rule, tested against NumPy's tables (tests/test_dtypes.py)",
    "promote_types": "dtype rule, tested against NumPy's tables (tests/test_dtypes.py)",
    "can_cast": "dtype rule, tested against NumPy's tables (tests/test_dtypes.py)",
    "min_scalar_type": "dtype rule, tested against NumPy's tables (tests/test_dtypes.py)",
    "common_type": "dtype rule, tested against NumPy's tables (tests/test_dtypes.py)",
    "finfo": "dtype information, NumPy's own object (tests/test_dtypes.py)",
    "iinfo": "dtype information, NumPy's own object (tests/test_dtypes.py)",
    "issubdtype": "NumPy's own dtype predicate: torchnp dtypes are NumPy's (tests/test_dtypes.py)",
    "isdtype": "NumPy's own dtype predicate: torchnp dtypes are NumPy's (tests/test_dtypes.py)",
    "isscalar": "a type test, not an array result (tests/test_scalars.py)",
    "array2string": "printing, tested by the printing tests (text, not an array result)",
    "array_repr": "printing, tested by the printing tests (text, not an array result)",
    "array_str": "printing, tested by the printing tests (text, not an array result)",
    "format_float_positional": "printing of Python floats (text), tested by the printing tests",
    "format_float_scientific": "printing of Python floats (text), tested by the printing tests",
    "get_printoptions": "configuration, not an operator",
    "set_printoptions": "configuration, not an operator",
    "printoptions": "configuration context manager, not an operator",
    "geterr": "configuration (errstate), not an operator",
    "seterr": "configuration (errstate), not an operator",
    "geterrcall": "configuration (errstate), not an operator",
    "seterrcall": "configuration (errstate), not an operator",
    "default_device": "configuration context manager, not an operator",
    "empty": "uninitialised values: nothing to compare with NumPy but shape/dtype (creation tests)",
    "empty_like": "uninitialised values: nothing to compare with NumPy but shape/dtype (creation tests)",
    "isnat": "datetime-only ufunc, out of scope: raises TypeError on every numeric dtype",
    "iscomplexobj": "inspects the type only, returns a Python bool (type_check tests)",
    "isrealobj": "inspects the type only, returns a Python bool (type_check tests)",
    "place": "in-place, returns None (indexing tests)",
    "put": "in-place, returns None (indexing tests)",
    "put_along_axis": "in-place, returns None (indexing tests)",
    "putmask": "in-place, returns None (indexing tests)",
    # input and output: files, not operators (round trips with NumPy, malformed files: test_io)
    "save": "writes a file, returns None (tests/test_io.py)",
    "savez": "writes a file, returns None (tests/test_io.py)",
    "savez_compressed": "writes a file, returns None (tests/test_io.py)",
    "savetxt": "writes a file, returns None (tests/test_io.py)",
    "load": "reads a file (tests/test_io.py: round trips both ways, malformed files)",
    "loadtxt": "reads a text file (tests/test_io.py)",
    "genfromtxt": "reads a text file (tests/test_io.py)",
    "fromregex": "reads a text file into a structured array: always TypeError (tests/test_io.py)",
    "fromfile": "reads a file (tests/test_io.py)",
    # ----- torchnp.testing: test helpers, not operators (tests/test_testing.py)
    **{f"testing.{name}": _TESTING_HOST for name in (
        "assert_allclose", "assert_almost_equal", "assert_approx_equal",
        "assert_array_almost_equal", "assert_array_almost_equal_nulp", "assert_array_compare",
        "assert_array_equal", "assert_array_less", "assert_array_max_ulp", "assert_equal",
        "build_err_msg", "print_assert_equal")},
    **{f"testing.{name}": _TESTING_NUMPY for name in (
        "assert_", "assert_no_gc_cycles", "assert_no_warnings", "assert_raises",
        "assert_raises_regex", "assert_string_equal", "assert_warns", "break_cycles",
        "decorate_methods", "jiffies", "measure", "memusage", "run_threaded", "rundocs",
        "runstring", "tempdir", "temppath")},
    # ----- helpers that are not operators on values (tests/test_namespace.py, test_iterators.py)
    "base_repr": "formats a Python number as text, not an array (tests/test_namespace.py)",
    "binary_repr": "formats a Python integer as text, not an array (tests/test_namespace.py)",
    "typename": "a dtype code's description (text) (tests/test_namespace.py)",
    "mintypecode": "a dtype code from dtype codes (text) (tests/test_namespace.py)",
    "iterable": "a type test returning a Python bool (tests/test_namespace.py)",
    "isfortran": "a memory-layout flag, a Python bool (tests/test_namespace.py)",
    "info": "prints help text (tests/test_namespace.py)",
    "getbufsize": "configuration, not an operator (tests/test_namespace.py)",
    "setbufsize": "configuration, not an operator (tests/test_namespace.py)",
    "shares_memory": "a memory-overlap predicate, a Python bool (tests/test_stride_tricks.py)",
    "may_share_memory": "a memory-overlap predicate, a Python bool (tests/test_stride_tricks.py)",
    "nested_iters": "returns iterators, not arrays (tests/test_iterators.py)",
    # ----- numpy.lib.format: files and header bytes, not operators (tests/test_io.py)
    "lib.format.read_array": "reads a file (tests/test_io.py: round trips, malformed files)",
    "lib.format.write_array": "writes a file, returns None (tests/test_io.py)",
    "lib.format.open_memmap": "maps a file (tests/test_io.py)",
    **{f"lib.format.{name}": "NumPy's own host-side header helper: bytes, dicts and dtypes, "
                             "no array values (tests/test_io.py)" for name in (
        "descr_to_dtype", "drop_metadata", "dtype_to_descr", "header_data_from_array_1_0",
        "isfileobj", "magic", "read_array_header_1_0", "read_array_header_2_0", "read_magic",
        "write_array_header_1_0", "write_array_header_2_0")},
    # ----- numpy.polynomial: text and configuration (tests/test_polynomial_package.py)
    "polynomial.set_default_printstyle": "configuration of printing, not an operator",
    "polynomial.polyutils.format_float": "formats a float as text: NumPy's own function",
    # ----- torchnp extensions: transforms of functions, not operators on values
    **{name: "a transform of functions written with torchnp (tests/test_autograd.py: against "
             "analytic derivatives, central differences and loops run by NumPy)"
       for name in ("grad", "value_and_grad", "jacobian", "hessian", "vmap")},
}

# ----- public NumPy names that are not callables (modules, objects) torchnp lacks, and why --------
# ``tests/test_namespace.py`` compares ``dir(numpy)`` (and ``__all__`` of numpy.lib, numpy.dtypes,
# numpy.exceptions, numpy.emath) with torchnp's: a name missing from torchnp must be here (or, if
# callable, in ALLOWLIST; a submodule ``x`` with an ``"x.*"`` line there counts as listed).
LATER = "later work: "     # prefix of a reason for a name that is in scope but not planned yet
NOT_CALLABLE = {
    "char": STRING,
    "strings": STRING,
    "rec": STRUCTURED,
    "ctypeslib": "out of scope: ctypes pointers into host memory (arrays are torch tensors on any "
                 "device: use .tensor, or DLPack)",
    "f2py": BUILD,
    "core": "out of scope: NumPy 2's deprecated alias of its private core package",
    "ma": LATER + "masked arrays: numpy.ma subclasses ndarray and repeats most of the API over a "
                  "mask; torchnp's ndarray has no subclasses yet",
    "typing": LATER + "static type aliases (numpy.typing's NDArray and ArrayLike name NumPy's "
                      "ndarray)",
    "lib.introspect": BUILD,
    "lib.tracemalloc_domain": "out of scope: the tracemalloc domain of NumPy's own allocations "
                              "(torchnp's memory is torch's)",
}
