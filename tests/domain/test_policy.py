"""Policy presets load with the numbers DOMAIN.md gives, and broken files say where."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
import yaml

from agentdesk.domain.compliance import PolicyError, load_policy
from agentdesk.paths import resources_dir


def test_china_preset_has_the_guideline_numbers() -> None:
    policy = load_policy("china")
    assert (policy.quiet_start, policy.quiet_end) == (time(22, 0), time(8, 0))
    assert policy.max_dials_per_point_per_day == 6
    assert policy.wait_after_conversation is None
    assert any("催收" in s for s in policy.sources)
    assert dict(policy.notes)["third_party_max_per_day"]


def test_us_preset_has_regulation_f_numbers() -> None:
    policy = load_policy("us")
    assert (policy.quiet_start, policy.quiet_end) == (time(21, 0), time(8, 0))
    assert policy.max_calls_per_debtor_7d == 7
    assert policy.wait_after_conversation == timedelta(days=7)
    assert policy.third_party_max_conversations_per_point == 1
    assert "1006.2(j)" in policy.voicemail_note_en
    assert any("1006.14" in s for s in policy.sources)


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _china_data() -> dict[str, object]:
    data = yaml.safe_load((resources_dir() / "policies" / "china.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quiet_start": "25:00"}, "quiet_start"),
        ({"max_dials_per_point_per_day": 0}, "max_dials_per_point_per_day"),
        ({"quiet_strat": "22:00"}, "quiet_strat"),
        ({"sources": []}, "sources"),
        ({"promise_horizon_days": 0}, "promise_horizon_days"),
        ({"notes": {"no_such_field": "x"}}, "notes"),
    ],
)
def test_malformed_policy_names_file_and_field(tmp_path: Path, change: dict[str, object], field: str) -> None:
    data = _china_data() | change
    path = _write(tmp_path, "china", data)
    with pytest.raises(PolicyError) as err:
        load_policy("china", tmp_path)
    assert str(path) in str(err.value)
    assert f"'{field}" in str(err.value)


def test_missing_field_is_named(tmp_path: Path) -> None:
    data = _china_data()
    del data["quiet_end"]
    _write(tmp_path, "china", data)
    with pytest.raises(PolicyError, match="quiet_end"):
        load_policy("china", tmp_path)


def test_missing_file_lists_the_available_presets(tmp_path: Path) -> None:
    _write(tmp_path, "china", _china_data())
    with pytest.raises(PolicyError, match="available: china"):
        load_policy("mars", tmp_path)


def test_name_must_match_file(tmp_path: Path) -> None:
    _write(tmp_path, "strict", _china_data())
    with pytest.raises(PolicyError, match="field 'name'"):
        load_policy("strict", tmp_path)


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "china.yaml").write_text("name: [china\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy("china", tmp_path)


def test_a_tightened_copy_loads(tmp_path: Path) -> None:
    _write(tmp_path, "china", _china_data() | {"max_dials_per_point_per_day": 3})
    assert load_policy("china", tmp_path).max_dials_per_point_per_day == 3


def test_a_neutral_company_name_that_says_collection_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load((resources_dir() / "policies" / "china.yaml").read_text(encoding="utf-8"))
    data["neutral_company_name"] = {"zh": "安信催收服务中心", "en": "AnXin Services"}
    (tmp_path / "china.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicyError, match="neutral name .zh. '安信催收服务中心' says '催收'"):
        load_policy("china", tmp_path)
