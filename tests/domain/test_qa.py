"""QA score sheets: the shipped ones load, scoring is the weighted pass share with critical
items failing the call, and a broken sheet is refused naming the file, item and problem."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agentdesk.domain import qa


@pytest.mark.parametrize("preset", ["china", "us"])
def test_each_preset_ships_a_valid_bilingual_sheet(preset: str) -> None:
    sheet = qa.load_sheet(preset)
    assert sheet.preset == preset and sheet.version >= 1
    ids = {i.id for i in sheet.items}
    assert {"identified_self", "recording_notice", "no_threats", "no_third_party_disclosure",
            "correct_promise_terms"} <= ids
    assert all(i.text["zh"] and i.text["en"] for i in sheet.items)
    assert sheet.item("no_threats").critical and sheet.item("no_third_party_disclosure").critical


def test_score_is_the_passed_share_of_applicable_weight_and_a_critical_failure_is_zero() -> None:
    sheet = qa.load_sheet("china")
    everything = {i.id: "pass" for i in sheet.items}
    assert qa.score(sheet, everything) == 100
    no_promise = {**everything, "correct_promise_terms": "na"}
    assert qa.score(sheet, no_promise) == 100, "an item that does not apply neither helps nor hurts"
    assert qa.score(sheet, {**everything, "identified_self": "fail"}) == 85
    assert qa.score(sheet, {**no_promise, "identified_self": "fail"}) == round(100 * 70 / 85)
    assert qa.score(sheet, {**everything, "no_threats": "fail"}) == 0
    with pytest.raises(qa.ScoreSheetError, match="missing: no_threats"):
        qa.score(sheet, {k: v for k, v in everything.items() if k != "no_threats"})
    with pytest.raises(qa.ScoreSheetError, match="not on the sheet"):
        qa.score(sheet, {**everything, "smiled": "pass"})
    with pytest.raises(qa.ScoreSheetError, match="pass, fail or na"):
        qa.score(sheet, {**everything, "no_threats": "yes"})


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["items"].append(dict(d["items"][0])), "used twice"),
    (lambda d: d["items"][1].update(weight=0), "weight"),
    (lambda d: d["items"][2]["text"].pop("en"), "text in en"),
    (lambda d: d["items"][0].update(critical="yes"), "critical"),
    (lambda d: d.update(version="one"), "version"),
    (lambda d: d["items"][0].update(colour="red"), "unknown keys colour"),
])
def test_a_broken_sheet_is_refused_with_what_to_fix(tmp_path: Path, change, problem: str) -> None:  # noqa: ANN001
    data = yaml.safe_load((Path(qa.__file__).parents[2] / "resources" / "qa" / "china.yaml").read_text("utf-8"))
    change(data)
    (tmp_path / "china.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(qa.ScoreSheetError, match=problem) as err:
        qa.load_sheet("china", tmp_path)
    assert "china.yaml" in str(err.value)
