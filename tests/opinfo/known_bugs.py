"""Expected failures of generated tests, each with its reason: operator bugs not yet fixed,
documented differences (docs/differences.md), and variants with no NumPy counterpart.

Keyed by entry name; the owners fix the operator and delete the line (strict: a fixed bug fails
as XPASS until its line goes).
"""
from opinfo.core import COMPILE_BACKEND, COMPLEX, XFail

_FLOAT_MOD_EDGE = XFail("documented difference (docs/differences.md): torch's float fmod gives nan "
                        "where x1 / x2 overflows; NumPy a finite remainder",
                        variants=("edge",), dtypes=("float64",))
_COMPLEX_POWER_EDGE = XFail("documented difference (docs/differences.md): complex power with inf "
                            "or nan parts; NumPy multiplies repeatedly for small integer exponents",
                            variants=("edge",), dtypes=COMPLEX)

KNOWN_BUGS = {
    "ldexp": [XFail("torch bug, not ours: inductor's CPU code generation fails to compile the "
                    "int32 -> int64 vector conversion of torch.frexp's exponent (CppCompileError)",
                    variants=("compile",))] if COMPILE_BACKEND == "inductor" else [],
    "fmod": [_FLOAT_MOD_EDGE],
    "remainder": [_FLOAT_MOD_EDGE],
    "divmod": [_FLOAT_MOD_EDGE],
    "power": [_COMPLEX_POWER_EDGE],
    "float_power": [_COMPLEX_POWER_EDGE],
    "copyto": [XFail("no NumPy counterpart: the non-contiguous variant hands copyto a stride-0 "
                     "(broadcast) destination, which is read-only in NumPy too (ValueError)",
                     variants=("noncontiguous",))],
}
