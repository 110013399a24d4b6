"""Handing freed memory back to the system after a large load.

Why: a lead's queue build reads ~100,000 cases' kept facts (bytes, parsed lists) that die
once the facts are made; the C allocator keeps the freed pages in the process unless
asked (glibc's `malloc_trim`). Elsewhere (no glibc) this does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

_trim: Callable[[int], Any] | None = None
_looked = False


def give_back() -> None:
    """Return the allocator's free pages to the system where glibc can (a few ms)."""
    global _trim, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                _trim = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):
                _trim = None
    if _trim is not None:
        _trim(0)
