"""Packed texts (the lead's queue keeps its names and times so, issue 20) read back exactly
what was appended: any character, empty texts and None, across chunks."""

from __future__ import annotations

import pytest

from agentdesk.client.packed_texts import PackedTexts


def test_every_text_reads_back_as_given_across_chunks() -> None:
    texts = ["王伟001", None, "", "a\x00b", "2026-11-26T03:00:00+00:00", "😀é", None, "x" * 300]
    packed = PackedTexts()
    packed.extend(texts[:3])
    packed.extend([])
    packed.extend(texts[3:5])
    packed.extend(texts[5:])
    packed.finish()
    assert len(packed) == len(texts)
    assert list(packed) == texts
    assert [packed[i] for i in range(len(texts))] == texts
    assert packed[-1] == texts[-1] and packed[1:4] == texts[1:4]
    with pytest.raises(IndexError):
        packed[len(texts)]


def test_an_empty_column_and_a_read_before_finish() -> None:
    assert list(PackedTexts().finish()) == []
    unfinished = PackedTexts()
    unfinished.extend(["a"])
    with pytest.raises(RuntimeError):
        unfinished[0]
