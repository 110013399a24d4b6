"""Talk tracks: the shipped ones pass, broken or harmful ones are refused with the place."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from agentdesk.domain.outcomes import ALLOWED_OUTCOMES, Reached
from agentdesk.domain.talktracks import (
    BANNED_PHRASES,
    DEBT_VARIABLES,
    TalkTrack,
    TalkTrackError,
    TrackSituation,
    load_tracks,
    render,
    select_track,
    spoken_disclosures,
    validate_track_data,
)
from agentdesk.paths import resources_dir

TRACKS = load_tracks()
BY_ID = {t.id: t for t in TRACKS}
VARS = {
    "debtor_name": "张三",
    "amount_due": "¥12,345.00",
    "days_past_due": "45",
    "lender": "示例银行",
    "agent_name": "李明",
    "company": "示例资产管理",
    "company_neutral": "示例服务中心",
}


def _raw(track_id: str) -> dict[str, Any]:
    data = yaml.safe_load((resources_dir() / "talktracks" / f"{track_id}.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_shipped_tracks_cover_the_situations() -> None:
    assert {"first_contact", "early_reminder", "late_bucket", "broken_promise", "dispute", "third_party"} <= set(BY_ID)
    assert all(t.version >= 1 for t in TRACKS)


@pytest.mark.parametrize("track", TRACKS, ids=lambda t: t.id)
def test_every_text_in_both_languages(track: TalkTrack) -> None:
    for step in track.steps:
        for text in [step.title, *(line.text for line in step.lines), *(b.label for b in step.branches)]:
            assert set(text) == {"zh", "en"} and all(text.values())
        assert re.search(r"[\u4e00-\u9fff]", "".join(line.text["zh"] for line in step.lines))


@pytest.mark.parametrize("track", TRACKS, ids=lambda t: t.id)
def test_required_lines_present(track: TalkTrack) -> None:
    tags = {line.tag for step in track.steps for line in step.lines if line.required}
    assert {"identify", "recording_notice"} <= tags
    assert ("disclosure" in tags) is (not track.third_party)


def test_third_party_track_reveals_nothing_about_the_debt() -> None:
    track = BY_ID["third_party"]
    assert track.third_party
    for lang in ("zh", "en"):
        spoken = " ".join(
            line.text
            for step in render(track, {k: v for k, v in VARS.items() if k not in DEBT_VARIABLES}, lang)
            for line in step.lines
        )
        assert VARS["amount_due"] not in spoken and VARS["lender"] not in spoken
        assert spoken_disclosures(track, VARS, lang) == []
    third_party_outcomes = {o.value for o in ALLOWED_OUTCOMES[Reached.THIRD_PARTY]}
    assert {b.suggested_outcome for s in track.steps for b in s.branches} - {None} <= third_party_outcomes


# Lines an independent audit heard third parties being told (issue 15), each placed where a
# third party or a not-yet-confirmed person hears it.
AUDIT_LINES = ["他拖欠了一笔钱", "关于他的借款", "He has an unpaid balance with us.", "She is in arrears.",
               "您好，我是安信催收服务中心的李明。"]


@pytest.mark.parametrize("line", AUDIT_LINES)
@pytest.mark.parametrize("track_id", ["third_party", "early_reminder"])
def test_the_disclosure_check_catches_what_the_audit_heard(track_id: str, line: str) -> None:
    data = _raw(track_id)
    data["steps"][0]["lines"].append({"text": {"zh": line, "en": line}, "required": False})
    with pytest.raises(TalkTrackError, match="discloses the debt") as err:
        validate_track_data(data, f"{track_id}.yaml")
    assert "step 'open'" in str(err.value)


def test_a_company_name_that_says_collection_is_caught_as_spoken() -> None:
    # The old opening put {company} before the person was confirmed; as a placeholder it
    # looked harmless, as spoken it was "...安信催收服务中心...".
    data = _raw("early_reminder")
    data["steps"][0]["lines"][0]["text"] = {"zh": "您好，我是{company}的{agent_name}。",
                                            "en": "Hello, this is {agent_name} from {company}."}
    with pytest.raises(TalkTrackError, match="company"):
        validate_track_data(data, "early_reminder.yaml")
    named = dict(VARS, company_neutral="安信催收服务中心")  # a preset whose "neutral" name is not
    assert any("催收" in problem for problem in spoken_disclosures(BY_ID["third_party"], named, "zh"))


def test_the_company_and_the_debt_come_only_after_the_debtor_confirmed() -> None:
    for track in TRACKS:
        if track.third_party:
            continue
        confirmed = [b for s in track.steps for b in s.branches if b.confirms_identity]
        assert confirmed, f"{track.id} has no branch that confirms the debtor"
        opening = " ".join(line.text["zh"] + line.text["en"] for line in track.steps[0].lines)
        assert "{company}" not in opening and "{lender}" not in opening


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        (TrackSituation("M1", True, False, False, False), "first_contact"),
        (TrackSituation("M1", False, False, False, False), "early_reminder"),
        (TrackSituation("M2", False, False, False, False), "early_reminder"),
        (TrackSituation("M3", False, False, False, False), "late_bucket"),
        (TrackSituation("M4+", True, False, False, False), "late_bucket"),
        (TrackSituation("M1", False, True, False, False), "broken_promise"),
        (TrackSituation("M4+", False, True, False, False), "broken_promise"),
        (TrackSituation("M1", True, False, True, False), "dispute"),
        (TrackSituation("M3", False, True, True, False), "dispute"),
        (TrackSituation("M1", False, True, True, True), "third_party"),
    ],
)
def test_selection(situation: TrackSituation, expected: str) -> None:
    assert select_track(TRACKS, situation).id == expected


def test_third_party_situation_never_gets_a_debtor_track() -> None:
    debtor_only = [t for t in TRACKS if not t.third_party]
    with pytest.raises(TalkTrackError, match="no talk track fits"):
        select_track(debtor_only, TrackSituation("M1", False, False, False, True))


def test_last_outcome_rule() -> None:
    data = copy.deepcopy(_raw("late_bucket"))
    data["id"] = "after_refusal"
    data["applies_to"] = {"last_outcomes": ["refusal"], "buckets": ["M3", "M4+"]}
    special = validate_track_data(data, "after_refusal.yaml")
    tracks = [*TRACKS, special]
    assert select_track(tracks, TrackSituation("M3", False, False, False, False, "refusal")).id == "after_refusal"
    assert select_track(tracks, TrackSituation("M3", False, False, False, False, "busy")).id == "late_bucket"


def test_render_fills_variables() -> None:
    steps = render(BY_ID["first_contact"], VARS, "zh")
    first = steps[0]
    assert first.lines[0].text == "您好，我是李明。"  # the agent's own name until the debtor is confirmed
    assert first.lines[0].required and first.lines[0].tag == "identify"
    disclose = next(s for s in steps if s.id == "disclose")
    assert disclose.lines[0].text.startswith("示例资产管理受示例银行委托")
    assert "¥12,345.00" in disclose.lines[1].text and "45" in disclose.lines[1].text
    assert ("will_pay", "愿意还款", "promise", None) in disclose.branches
    english = render(BY_ID["first_contact"], VARS, "en")
    assert english[0].title == "Opening and identity check"
    everything = " ".join(line.text for s in steps + english for line in s.lines)
    assert "{" not in everything


def test_render_keeps_braces_in_values_literal() -> None:
    steps = render(BY_ID["early_reminder"], VARS | {"debtor_name": "{amount_due}"}, "en")
    assert "Am I speaking with {amount_due}?" in [line.text for line in steps[0].lines]


def test_render_refuses_missing_or_unknown_variables_and_languages() -> None:
    with pytest.raises(TalkTrackError, match="debtor_name"):
        render(BY_ID["first_contact"], {k: v for k, v in VARS.items() if k != "debtor_name"})
    with pytest.raises(TalkTrackError, match="nickname"):
        render(BY_ID["first_contact"], VARS | {"nickname": "x"})
    with pytest.raises(TalkTrackError, match="language 'fr'"):
        render(BY_ID["first_contact"], VARS, "fr")


# --- the validator -------------------------------------------------------------------------


def _write_and_load(tmp_path: Path, data: dict[str, Any], name: str = "bad.yaml") -> list[TalkTrack]:
    (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_tracks(tmp_path)


def test_crafted_threat_is_refused_naming_file_and_step(tmp_path: Path) -> None:
    data = _raw("early_reminder")
    data["steps"][1]["lines"].append(
        {"text": {"zh": "再不还就曝光你，起诉你家人。", "en": "Pay or we expose you."}, "required": False}
    )
    with pytest.raises(TalkTrackError) as err:
        _write_and_load(tmp_path, data)
    message = str(err.value)
    assert str(tmp_path / "bad.yaml") in message
    assert "step 'remind'" in message
    assert "banned phrase '起诉你家人'" in message


@pytest.mark.parametrize("phrase", BANNED_PHRASES)
def test_every_banned_phrase_is_caught(phrase: str) -> None:
    data = _raw("early_reminder")
    data["steps"][0]["lines"][2]["text"]["en"] = f"Hello {phrase.upper()} there"
    data["steps"][0]["lines"][2]["text"]["zh"] = f"你好{phrase}"
    with pytest.raises(TalkTrackError, match="banned phrase"):
        validate_track_data(data, "x.yaml")


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d["steps"][0]["lines"][2]["text"].update({"en": "Could {debtor_name} call us back?"}), None),
        (lambda d: d["steps"][0]["lines"][2]["text"].update({"zh": "您欠款了"}), "'欠'"),
        (lambda d: d["steps"][0]["lines"][2]["text"].update({"en": "About {amount_due}"}), "amount_due"),
        (
            lambda d: d["steps"][0]["lines"].append(
                {"text": {"zh": "声明", "en": "Notice"}, "required": True, "tag": "disclosure"}
            ),
            "disclosure",
        ),
        (lambda d: d["steps"][0]["branches"][0].update({"suggested_outcome": "promise_to_pay"}), "promise_to_pay"),
    ],
)
def test_third_party_track_must_not_disclose(mutate: Any, problem: str | None) -> None:
    data = _raw("third_party")
    mutate(data)
    if problem is None:
        validate_track_data(data, "third_party.yaml")
        return
    with pytest.raises(TalkTrackError, match=re.escape(problem)) as err:
        validate_track_data(data, "third_party.yaml")
    assert "third_party.yaml, step 'open'" in str(err.value)


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d["steps"][1]["lines"][0].update({"required": False}), "must be marked required"),
        (lambda d: d["steps"][1]["lines"].pop(0), "required lines missing: disclosure"),
        (lambda d: d["steps"][0]["branches"][0].update({"goto": "nowhere"}), "unknown step 'nowhere'"),
        (lambda d: d["steps"][0]["branches"][2].pop("suggested_outcome"), "needs a suggested_outcome"),
        (lambda d: d["steps"][0]["branches"][2].update({"suggested_outcome": "won_lottery"}), "won_lottery"),
        (lambda d: d["steps"][0]["lines"][0]["text"].pop("en"), "no 'en' text"),
        (lambda d: d["steps"][0]["lines"][0]["text"].update({"en": "Hi {nickname}"}), "{nickname}"),
        (lambda d: d["steps"][1].update({"id": "open"}), "used twice"),
        (lambda d: d.update({"version": 0}), "'version'"),
        (lambda d: d.update({"applies_to": {"bucket": ["M1"]}}), "unknown keys bucket"),
        (lambda d: d["steps"][0]["branches"].pop(0), "never reached"),
        (lambda d: d["steps"][0]["lines"][0].update({"tag": "threat"}), "unknown tag"),
    ],
)
def test_malformed_tracks_are_refused(mutate: Any, problem: str) -> None:
    data = _raw("early_reminder")
    mutate(data)
    with pytest.raises(TalkTrackError, match=re.escape(problem)) as err:
        validate_track_data(data, "early_reminder.yaml")
    assert str(err.value).startswith("early_reminder.yaml")


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    data = _raw("dispute")
    _write_and_load(tmp_path, data, "a.yaml")
    with pytest.raises(TalkTrackError, match="also used by"):
        _write_and_load(tmp_path, data, "b.yaml")


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TalkTrackError, match="no talk tracks"):
        load_tracks(tmp_path)


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [x\n", encoding="utf-8")
    with pytest.raises(TalkTrackError, match="broken.yaml: not valid YAML"):
        load_tracks(tmp_path)
