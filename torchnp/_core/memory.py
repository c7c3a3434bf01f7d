"""Process-wide memory settings, made when torchnp is imported, before torch allocates
(docs/design-notes.md, "Large arrays"). Each has an environment variable to opt out."""
import ctypes
import os

M_TRIM_THRESHOLD = -1          # glibc's mallopt parameters (malloc.h)
M_MMAP_MAX = -4
KEEP_BYTES = 1 << 30           # free memory at the top of the heap kept for reuse


def use_huge_pages():
    """Transparent huge pages for torch's CPU blocks of 2 MiB or more: torch reads
    THP_MEM_ALLOC_ENABLE once, at its first CPU allocation. ``TORCHNP_THP=0`` opts out; a value
    the user set wins."""
    if os.environ.get("TORCHNP_THP", "1") != "0":
        os.environ.setdefault("THP_MEM_ALLOC_ENABLE", "1")


def _is_glibc():
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (AttributeError, ValueError, OSError):
        return False


def keep_freed_blocks():
    """Make glibc's malloc reuse freed large blocks instead of returning them to the kernel:
    no ``mmap`` per large allocation (so no page faults on reuse), and up to ``KEEP_BYTES`` of
    free heap kept. ``TORCHNP_MALLOC=0`` opts out. True if the setting took effect."""
    if os.environ.get("TORCHNP_MALLOC", "1") == "0" or not _is_glibc():
        return False
    mallopt = ctypes.CDLL(None).mallopt
    return mallopt(M_MMAP_MAX, 0) == 1 and mallopt(M_TRIM_THRESHOLD, KEEP_BYTES) == 1


use_huge_pages()
KEEPS_FREED_BLOCKS = keep_freed_blocks()
