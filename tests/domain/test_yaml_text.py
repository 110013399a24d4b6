"""libyaml's parser gives the desk the same data as PyYAML's own (issue 20, cold start)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agentdesk.domain import yaml_text

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "resources").rglob("*.yaml"))


def test_the_desk_parses_with_libyaml() -> None:
    assert yaml_text.SafeLoader is yaml.CSafeLoader


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(p.parents[1]).as_posix())
def test_every_shipped_yaml_file_reads_as_with_pyyaml_s_own_parser(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml_text.safe_load(text) == yaml.safe_load(text)


def test_bad_yaml_still_raises_yaml_s_error() -> None:
    with pytest.raises(yaml.YAMLError):
        yaml_text.safe_load("key: [unclosed")


def test_only_plain_types_are_made() -> None:
    with pytest.raises(yaml.YAMLError):
        yaml_text.safe_load("!!python/object/apply:os.system ['true']")
