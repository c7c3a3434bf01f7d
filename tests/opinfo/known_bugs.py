"""Real operator bugs the generated tests found, as strict expected failures (each with its reason).

Keyed by entry name; the owners fix the operator and delete the line (strict: a fixed bug fails
as XPASS until its line goes).
"""
from opinfo.core import COMPLEX, XFail

KNOWN_BUGS = {
}
