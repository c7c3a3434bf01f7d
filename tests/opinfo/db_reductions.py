"""Database: reductions (sums, products, extrema, statistics, logic over axes)."""
from opinfo.core import ALL, INEXACT, NUMERIC, ReductionInfo, SampleInput


def samples_var(make, dtype):
    x = make((3, 4), dtype)
    yield SampleInput(x)
    yield SampleInput(x, axis=0, ddof=1)
    yield SampleInput(make((2, 3, 4), dtype), axis=(0, 2), keepdims=True)
    yield SampleInput(make((0, 3), dtype), axis=1)


op_db_reductions = [
    ReductionInfo("sum", dtypes=ALL, supports_grad=True),
    ReductionInfo("prod", dtypes=ALL, supports_grad=True),
    ReductionInfo("max", dtypes=ALL, supports_grad=True),
    ReductionInfo("min", dtypes=ALL, supports_grad=True),
    ReductionInfo("amax", dtypes=ALL, method=None),
    ReductionInfo("amin", dtypes=ALL, method=None),
    ReductionInfo("mean", dtypes=ALL, supports_grad=True),
    ReductionInfo("std", dtypes=NUMERIC, samples=samples_var, supports_grad=True),
    ReductionInfo("var", dtypes=NUMERIC, samples=samples_var, supports_grad=True),
    ReductionInfo("all", dtypes=ALL),
    ReductionInfo("any", dtypes=ALL),
    ReductionInfo("argmax", dtypes=ALL),
    ReductionInfo("argmin", dtypes=ALL),
    ReductionInfo("ptp", dtypes=NUMERIC),
    ReductionInfo("count_nonzero", dtypes=ALL, supports_out=False),
    ReductionInfo("median", dtypes=NUMERIC),
    ReductionInfo("average", dtypes=NUMERIC, supports_out=False),
    ReductionInfo("nansum", dtypes=INEXACT),
    ReductionInfo("nanprod", dtypes=INEXACT),
    ReductionInfo("nanmax", dtypes=INEXACT),
    ReductionInfo("nanmin", dtypes=INEXACT),
    ReductionInfo("nanmean", dtypes=INEXACT),
    ReductionInfo("nanstd", dtypes=INEXACT, samples=samples_var),
    ReductionInfo("nanvar", dtypes=INEXACT, samples=samples_var),
    ReductionInfo("nanargmax", dtypes=INEXACT, supports_out=True),
    ReductionInfo("nanargmin", dtypes=INEXACT, supports_out=True),
    ReductionInfo("nanmedian", dtypes=INEXACT),
]
