"""Handing freed memory back to the system after a large load.

Why: a lead's queue build reads ~100,000 cases' kept facts (bytes, parsed lists) that die
once the facts are made; the C allocator keeps the freed pages in the process unless
asked (glibc's `malloc_trim`). Elsewhere (no glibc) this does nothing. Also: glibc's
threshold for blocks with pages of their own held fixed (`keep_large_blocks_apart`), the
row numbers as shared ints (`counting`), and large dicts built and freed a slice at a time.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from itertools import islice
from typing import Any

_libc: Any = None
_looked = False
_apart = False

# glibc's `mallopt` parameter, and the size from which a block gets pages of its own.
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 128 * 1024


def _glibc() -> Any:
    global _libc, _looked
    if not _looked:
        _looked = True
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                libc = ctypes.CDLL("libc.so.6")
                libc.malloc_trim, libc.mallopt  # noqa: B018 - glibc's, not another C library's
                _libc = libc
            except (OSError, AttributeError):
                _libc = None
    return _libc


def give_back() -> None:
    """Return the allocator's free pages to the system where glibc can (a few ms)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def keep_large_blocks_apart() -> None:
    """Give every block of `LARGE_BLOCK` or more pages of its own, for the rest of the process.

    Why (issue 20, a lead's 100,000 cases): glibc starts so, but once such a block is freed
    it raises that size (up to 32 MB), and the large lists and arrays of a load that die
    (a read's chunks, a build's temporary columns) are then carved out of the heap among
    what lives on; their pages stay resident. Fixed, a large block's pages go back to the
    system when it is freed: ~10-15 MB less resident in a lead's process. Once per process.
    """
    global _apart
    libc = _glibc()
    if libc is not None and not _apart:
        _apart = True
        libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)


_counting: list[int] = []
_counting_lock = threading.Lock()  # the queue's thread and the GUI thread both extend it


def counting(n: int) -> list[int]:
    """`list(range(n))` made of shared int objects: the same 0..n-1 for every caller.

    Why (issue 20): a Python int above 256 is an object of its own (32 bytes); a lead's
    queue build indexes its 100,000 cases by place and the desk's queue model its rows by
    position, each with its own 100,000 ints (~3 MB apiece). A new list each call (the
    caller may keep it); only the ints are shared, and they live as long as the process.
    """
    with _counting_lock:
        if len(_counting) < n:
            _counting.extend(range(len(_counting), n))
        return _counting[:n]


# Large dicts built and freed a slice at a time. Why: one C call over ~100,000 entries
# (`dict(zip(...))`, `update`, or the last reference to a big dict going) holds the
# interpreter 15-40 ms, and the GUI thread waits for it meanwhile (issue 20: a lead's queue
# is ranked off the GUI thread while the lead works in the console, and the GUI must not
# stall over 16 ms). Between slices the interpreter may switch threads.
SLICE = 8192


def dict_of(keys: Sequence[Any], values: Sequence[Any]) -> dict[Any, Any]:
    """`dict(zip(keys, values, strict=True))`, a slice at a time."""
    if len(keys) != len(values):
        raise ValueError("keys and values of different lengths")
    out: dict[Any, Any] = {}
    for start in range(0, len(keys), SLICE):
        out.update(zip(keys[start:start + SLICE], values[start:start + SLICE], strict=True))
    return out


def update(target: dict[Any, Any], more: dict[Any, Any]) -> None:
    """`target.update(more)`, a slice at a time."""
    if len(more) <= SLICE:
        target.update(more)
        return
    items = iter(more.items())
    for _ in range(0, len(more), SLICE):
        target.update(islice(items, SLICE))


def empty(found: dict[Any, Any]) -> None:
    """Free a large dict's entries a slice at a time (before its last reference goes)."""
    while found:
        for key in list(islice(found, SLICE)):
            del found[key]
