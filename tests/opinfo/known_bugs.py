"""Real operator bugs the generated tests found, as strict expected failures (each with its reason).

Keyed by entry name; the owners fix the operator and delete the line (strict: a fixed bug fails
as XPASS until its line goes).
"""
from opinfo.core import COMPLEX, XFail

_UINT_INDEX_16_32 = XFail("raw torch NotImplementedError reaches the user: index_select has no "
                          "uint16/uint32 kernels (needs a _kernels widening)",
                          variants=("matches",), dtypes=("uint16", "uint32"))
_UINT_INDEX = XFail("raw torch NotImplementedError reaches the user: index_select / gather have no "
                    "uint16/uint32/uint64 kernels (needs a _kernels widening)",
                    variants=("matches",), dtypes=("uint16", "uint32", "uint64"))
_FLOAT_MOD_EDGE = XFail("float fmod/remainder/divmod on edge values (inf, nan, 0 divisor): NaN "
                        "positions differ from NumPy", variants=("edge",), dtypes=("float64",))
_COMPLEX_POWER_EDGE = XFail("complex power with 0, inf or nan parts: NaN positions differ from NumPy",
                            variants=("edge",), dtypes=COMPLEX)

KNOWN_BUGS = {
    "ldexp": [XFail("torch bug, not ours: inductor's CPU code generation fails to compile the "
                    "int32 -> int64 vector conversion of torch.frexp's exponent (CppCompileError)",
                    variants=("compile",))],
    "clip": [XFail("clip raises NotImplementedError on complex input; NumPy clips complex "
                   "(lexicographic order)", variants=("matches",), dtypes=COMPLEX)],
    "take": [_UINT_INDEX_16_32],
    "delete": [_UINT_INDEX],
    "extract": [_UINT_INDEX_16_32],
    "partition": [_UINT_INDEX_16_32],
    "argpartition": [_UINT_INDEX_16_32],
    "choose": [_UINT_INDEX],
    "fmod": [_FLOAT_MOD_EDGE],
    "remainder": [_FLOAT_MOD_EDGE],
    "divmod": [_FLOAT_MOD_EDGE],
    "power": [_COMPLEX_POWER_EDGE],
    "float_power": [_COMPLEX_POWER_EDGE],
    "copyto": [XFail("copyto into a stride-0 (broadcast) destination raises torch's RuntimeError "
                     "'more than one element of the written-to tensor refers to a single memory "
                     "location' (differences.md says broadcast views are writable)",
                     variants=("noncontiguous",))],
}
