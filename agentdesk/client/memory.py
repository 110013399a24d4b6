"""Handing freed memory back to the operating system after a large load.

A lead's replica holds up to ~100,000 cases; building the team grid or the ranked queue
makes and drops millions of small Python objects. CPython gives the freed space back to
the C allocator, but glibc's malloc keeps most of it in its arenas: the desk's resident
size stayed about 30 % above what it used (issue 20: 334 MB with 100k cases, aim 300 MB).
`malloc_trim(0)` returns the free pages. Windows' CRT heap gives them back with
`_heapmin()`. Elsewhere (macOS, musl) nothing is done.

The call walks the heap, a few milliseconds for a large one: run it off the GUI thread
(ctypes releases the interpreter lock during the call).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from collections.abc import Callable
from functools import cache

log = logging.getLogger(__name__)


@cache
def _releaser() -> Callable[[], object] | None:
    try:
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            trim = getattr(libc, "malloc_trim", None)  # glibc only
            if trim is None:
                return None
            trim.argtypes = [ctypes.c_size_t]
            trim.restype = ctypes.c_int
            return lambda: trim(0)
        if sys.platform == "win32":
            ucrt = ctypes.CDLL("ucrtbase")
            return ucrt._heapmin
    except OSError as exc:
        log.info("memory: no way to return freed memory here (%s)", exc)
    return None


def release_freed_memory() -> bool:
    """Return the allocator's free pages to the system; True when this platform can."""
    release = _releaser()
    if release is None:
        return False
    release()
    return True


def resident_bytes() -> int | None:
    """This process's resident set size, or None where it cannot be read cheaply (Linux: /proc)."""
    try:
        with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None
