"""How long an SMS is: GSM 03.38 (GSM-7) or UCS-2, and how many segments it costs.

A message the operator bills as three segments is three messages to the debtor's phone
and three on the invoice, so templates are measured exactly as a network does:

- GSM-7 (the default alphabet): 160 septets in one segment; once concatenated, the user
  data header leaves 153 per segment. Characters of the extension table (``{ } [ ] ~ \\
  | ^ €`` and form feed) take two septets, an escape and the character, and a pair is
  never split across two segments.
- Anything outside GSM-7 (every Chinese character) sends the whole message as UCS-2:
  70 UTF-16 code units in one segment, 67 per segment once concatenated; a character
  outside the Basic Multilingual Plane is a surrogate pair that is never split either.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GSM7_BASIC", "GSM7_EXTENSION", "SegmentCount", "count_segments", "is_gsm7"]

# 3GPP TS 23.038, the default alphabet (one septet each) and its extension table (two).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67


@dataclass(frozen=True)
class SegmentCount:
    """`units` are septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text."""

    encoding: str  # "gsm7" | "ucs2"
    units: int
    segments: int
    per_segment: int  # the capacity that applied: 160/153 or 70/67

    @property
    def characters_left(self) -> int:
        """Units still free in the last segment (what an editor shows as "n left")."""
        if self.segments <= 1:
            return self.per_segment - self.units
        return self.segments * self.per_segment - self.units


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def _pack(sizes: list[int], capacity: int) -> int:
    """Segments needed for items of `sizes` units, none split across two segments."""
    segments, used = 1, 0
    for size in sizes:
        if used + size > capacity:
            segments += 1
            used = 0
        used += size
    return segments


def count_segments(text: str) -> SegmentCount:
    """The encoding a phone network would use for `text` and the segments it takes."""
    if not text:
        return SegmentCount("gsm7", 0, 1, GSM7_SINGLE)
    if is_gsm7(text):
        sizes = [2 if ch in GSM7_EXTENSION else 1 for ch in text]
        single, multi, encoding = GSM7_SINGLE, GSM7_MULTI, "gsm7"
    else:
        sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
        single, multi, encoding = UCS2_SINGLE, UCS2_MULTI, "ucs2"
    units = sum(sizes)
    if units <= single:
        return SegmentCount(encoding, units, 1, single)
    return SegmentCount(encoding, units, _pack(sizes, multi), multi)
