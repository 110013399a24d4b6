"""A column of texts (or None) kept as one string and an offset per row, not a `str` per row.

Why (issue 20): the lead's "Case work" queue keeps the debtor's name and the last attempt's
time of ~96,000 cases to show the rows painted; as one `str` each they were ~16 MB, and
each string, made by the database driver among the objects the queue build keeps, stayed
where it was made. Here a chunk of rows is appended at a time (`extend`) and its strings
die at once; a row's text is made again when it is read (a painted row). The texts are
sliced from a `str` by character offsets, so every text reads back exactly as given (any
character, NUL included: `team_columns.TextColumn` keeps UTF-8 with a NUL between rows).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate, repeat
from operator import is_
from typing import overload


class PackedTexts(Sequence[str | None]):
    """Texts or None, appended a chunk at a time (`extend`), then `finish`ed and read by row."""

    __slots__ = ("_parts", "_text", "_ends", "_nulls")

    def __init__(self) -> None:
        self._parts: list[str] = []  # the chunks' joined texts until `finish`
        self._text = ""
        self._ends = array("q")  # row i is _text[_ends[i - 1]:_ends[i]] (from 0 for row 0)
        self._nulls = bytearray()  # 1 where the row holds None

    def extend(self, values: Sequence[str | None]) -> None:
        """Append `values` (a chunk of rows)."""
        texts = [value or "" for value in values]
        ends = accumulate(map(len, texts), initial=self._ends[-1] if self._ends else 0)
        next(ends)  # the start: the previous row's end
        self._ends.extend(ends)
        self._nulls += bytes(map(is_, values, repeat(None, len(values))))
        self._parts.append("".join(texts))

    def finish(self) -> PackedTexts:
        """The rows appended so far made readable (one string); returns itself."""
        if self._parts:
            self._text += "".join(self._parts)
            self._parts = []
            if self._ends.typecode == "q" and self._ends and self._ends[-1] < 2**31:
                # 32 bits a row for the rest of the build's life (issue 20: ~0.4 MB a column
                # at a lead's 100,000 cases); not numpy's cast: the store does not load numpy.
                self._ends = array("i", self._ends)
        return self

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str | None: ...

    @overload
    def __getitem__(self, i: slice) -> list[str | None]: ...

    def __getitem__(self, i: int | slice) -> str | None | list[str | None]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self._ends):
            raise IndexError("row out of range")
        if self._parts:
            raise RuntimeError("PackedTexts read before finish()")
        if self._nulls[i]:
            return None
        return self._text[self._ends[i - 1] if i else 0:self._ends[i]]
