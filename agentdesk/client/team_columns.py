"""Compact columns for the lead's 100,000 team cases: a few big buffers, not a Python object per cell.

Why: a Python `str` costs 50-80 bytes before its first character, an `int` in a list 36;
100,000 cases × 5 texts as lists of `str`, plus a list of ints per cached sort, came to
~200 MB in a lead's process (bench/bench_lead_grid.py), and reading them as 100,000
row tuples first left the allocator fragmented well after the tuples were gone. Here:

* `TextColumn`: the texts of a column as one UTF-8 buffer with an offset per row
  (a name costs its bytes + 8); a cell is decoded when asked for (a painted row, an
  export). A substring search is one regular-expression scan of the buffer.
* `Category`: a column of few distinct values (agent, bucket, status, lender...) as one
  small code per row (`array` of B/H/l) and its vocabulary.
* Integers stay in `array('q')`; numpy reads all of these in place (`np.frombuffer`) for
  filters, sums and sorts, so nothing is copied into Python objects.

`ColumnsBuilder` fills the columns from chunks of rows, so a snapshot never holds the
whole result set as tuples.
"""

from __future__ import annotations

import operator
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Any

import numpy as np

_SEP = 0  # each text ends with a NUL byte, so a search never matches across two rows


def _typecode(distinct: int) -> str:
    return "B" if distinct <= 256 else "H" if distinct <= 65_536 else "l"


def view(values: array) -> np.ndarray:
    """A numpy view of an `array` (no copy; the array must not grow while the view lives)."""
    return np.frombuffer(values, dtype=values.typecode) if len(values) else np.zeros(0, dtype=values.typecode)


def int_array(values: np.ndarray) -> array:
    """Row positions as a compact `array('i')` (indexing it gives plain ints, fast for Qt's data())."""
    out = array("i")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int32).tobytes())
    return out


class TextColumn:
    """Texts (or None) of one column packed in a UTF-8 buffer; immutable.

    Row i is `blob[offsets[i]:offsets[i + 1] - 1]` (the byte before the next offset is the
    NUL separator); `nulls` marks the rows that hold None, when any does.
    """

    __slots__ = ("blob", "offsets", "nulls", "_lookup")

    def __init__(self, blob: bytes | bytearray, offsets: array, nulls: bytes | bytearray | None) -> None:
        self.blob = blob
        self.offsets = offsets
        self.nulls = nulls
        self._lookup: tuple[np.ndarray, np.ndarray] | None = None

    @classmethod
    def from_values(cls, values: Iterable[str | None]) -> TextColumn:
        builder = TextBuilder()
        builder.extend(list(values))
        return builder.build()

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, row: int) -> str | None:
        nulls = self.nulls
        if nulls is not None and nulls[row]:
            return None
        offsets = self.offsets
        return self.blob[offsets[row]:offsets[row + 1] - 1].decode()

    def __iter__(self) -> Iterator[str | None]:
        return iter(self.tolist())

    def tolist(self) -> list[str | None]:
        """Every row decoded at once (a transient list: sorts, patches, exports)."""
        if not len(self):
            return []
        texts: list[str | None] = list(str(memoryview(self.blob)[:-1], "utf-8").split("\x00"))
        if self.nulls is not None:
            for row in np.flatnonzero(np.frombuffer(self.nulls, dtype=np.uint8)).tolist():
                texts[row] = None
        return texts

    def take(self, rows: Iterable[int]) -> list[str | None]:
        return [self[r] for r in rows]

    def contains(self, needle: str) -> np.ndarray:
        """One bool per row: the row's text contains `needle` (a regular-expression scan of the buffer)."""
        found = np.zeros(len(self), dtype=bool)
        encoded = needle.replace("\x00", "").encode()
        if not encoded or not len(self):
            return found
        # Each match runs on to the end of its row, so every row yields at most one match.
        pattern = re.compile(re.escape(encoded) + b"[^\x00]*")
        starts = np.fromiter((m.start() for m in pattern.finditer(self.blob)), dtype=np.int64)
        rows = np.searchsorted(view(self.offsets), starts, side="right") - 1
        found[rows] = True
        if self.nulls is not None:
            found &= ~np.frombuffer(self.nulls, dtype=bool)
        return found

    def ranks(self) -> np.ndarray:
        """Per row, the rank of its text in code-point order (None as ""); equal texts, equal ranks."""
        if not len(self):
            return np.zeros(0, dtype=np.int32)
        texts = np.array([t or "" for t in self.tolist()], dtype=object)
        _unique, inverse = np.unique(texts, return_inverse=True)
        return inverse.astype(np.int32)

    # --- finding rows by value (the case ids) --------------------------------------------------

    def _index(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows sorted by the hash of their text: ~12 bytes per row instead of a dict of strings."""
        if self._lookup is None:
            hashes = np.fromiter(map(hash, self.tolist()), dtype=np.int64, count=len(self))
            by_hash = np.argsort(hashes, kind="stable").astype(np.int32)
            self._lookup = (hashes[by_hash], by_hash)
        return self._lookup

    def prepare_index(self) -> None:
        """Build the lookup now (on a background thread), not on the first `position`."""
        self._index()

    def position(self, value: str) -> int | None:
        """The first row holding `value`, or None."""
        hashes, rows = self._index()
        h = hash(value)
        at = int(np.searchsorted(hashes, h, side="left"))
        while at < len(hashes) and hashes[at] == h:
            row = int(rows[at])
            if self[row] == value:
                return row
            at += 1
        return None

    def positions(self, values: Iterable[str]) -> list[int]:
        """The rows holding any of `values` (values not present are left out), ascending.

        Vectorised over the hashes (a select-all keeps 100,000 ids across a filter change);
        each candidate is still compared with its value, so a hash collision costs a slow
        look-up, never a wrong row.
        """
        wanted = list(values)
        hashes, rows = self._index()
        if not wanted or not len(hashes):
            return []
        h = np.fromiter(map(hash, wanted), dtype=np.int64, count=len(wanted))
        at = np.minimum(np.searchsorted(hashes, h, side="left"), len(hashes) - 1)
        candidates = rows[at].tolist()
        found: set[int] = set()
        for value, row, same in zip(wanted, candidates, (hashes[at] == h).tolist(), strict=True):
            if same and self[row] == value:
                found.add(row)
            elif same:  # another text with the same hash comes first
                row = self.position(value)
                if row is not None:
                    found.add(row)
        return sorted(found)


class TextBuilder:
    """Appends chunks of texts to a `TextColumn` under construction."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.offsets = array("q", [0])
        self.nulls = bytearray()

    def extend(self, values: Sequence[str | None]) -> None:
        if not values:
            return
        self.nulls += bytes(map(operator.is_, values, repeat(None)))
        data = ("\x00".join([v or "" for v in values]) + "\x00").encode()
        if data.count(_SEP) != len(values):  # a NUL inside a text: dropped, it would split the row
            data = ("\x00".join([(v or "").replace("\x00", "") for v in values]) + "\x00").encode()
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == _SEP) + (len(self.blob) + 1)
        self.offsets.frombytes(ends.astype(np.int64).tobytes())
        self.blob += data

    def build(self) -> TextColumn:
        nulls = self.nulls if self.nulls.count(1) else None
        return TextColumn(self.blob, _narrow_offsets(self.offsets), nulls)


def _narrow_offsets(offsets: array) -> array:
    """`offsets` (ascending) in 32 bits when they fit, at their exact size: a lead's
    100,000 rows a text column, ~0.4 MB less each than in 64 (issue 20)."""
    if offsets.typecode == "i" or (len(offsets) and offsets[-1] >= 2**31):
        return offsets
    out = array("i")
    out.frombytes(view(offsets).astype(np.int32).tobytes())
    return out


class _Codes(dict[Any, int]):
    def __missing__(self, key: Any) -> int:
        code = self[key] = len(self)
        return code


class Category:
    """A column of few distinct values (agent, bucket, status...): one small code per row."""

    __slots__ = ("values", "codes", "_index")

    def __init__(self, values: list[str | None], codes: array) -> None:
        self.values = values
        self.codes = codes
        self._index = {v: c for c, v in enumerate(values)}

    @classmethod
    def encode(cls, column: Sequence[str | None]) -> Category:
        builder = CategoryBuilder()
        builder.extend(column)
        return builder.build()

    def __len__(self) -> int:
        return len(self.codes)

    def code(self, value: str | None) -> int:
        """The value's code, adding it (a new agent, a new outcome) when unseen. Only on a copy."""
        code = self._index.get(value)
        if code is None:
            code = len(self.values)
            self.values.append(value)
            self._index[value] = code
            wider = _typecode(code + 1)
            if array(wider).itemsize > self.codes.itemsize:
                self.codes = array(wider, self.codes)
        return code

    def copy(self) -> Category:
        return Category(list(self.values), array(self.codes.typecode, self.codes))

    def __getitem__(self, row: int) -> str | None:
        return self.values[self.codes[row]]

    def mask(self, wanted: Iterable[str | None]) -> np.ndarray:
        """One bool per row: the row's value is one of `wanted`."""
        table = np.zeros(max(len(self.values), 1), dtype=bool)
        for v in wanted:
            if v in self._index:
                table[self._index[v]] = True
        return table[view(self.codes)]

    def sort_keys(self) -> np.ndarray:
        """Per row, the rank of its value in sorted order (None first)."""
        ranked = sorted(range(len(self.values)), key=lambda c: (self.values[c] is not None, self.values[c] or ""))
        rank = np.zeros(max(len(self.values), 1), dtype=view(self.codes).dtype)
        rank[ranked] = np.arange(len(ranked))
        return rank[view(self.codes)]  # as narrow as the codes: one byte per row for most columns


class CategoryBuilder:
    def __init__(self) -> None:
        self.index = _Codes()
        self.codes = array("l")

    def extend(self, values: Iterable[str | None]) -> None:
        self.codes.extend(map(self.index.__getitem__, values))

    def build(self) -> Category:
        values = list(self.index)  # insertion order = code order
        return Category(values, array(_typecode(len(values)), self.codes))


class ColumnsBuilder:
    """Columns from rows arriving in chunks (a cursor's `fetchmany`): ints, categories, texts."""

    def __init__(self, names: Sequence[str], ints: Iterable[str], texts: Iterable[str]) -> None:
        self.names = tuple(names)
        ints, texts = set(ints), set(texts)
        self.builders: dict[str, Any] = {
            n: array("q") if n in ints else TextBuilder() if n in texts else CategoryBuilder() for n in self.names}

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        for name, values in zip(self.names, zip(*rows, strict=True), strict=True):
            self.builders[name].extend(values)

    def build(self) -> dict[str, Any]:
        return {n: b if isinstance(b, array) else b.build() for n, b in self.builders.items()}
