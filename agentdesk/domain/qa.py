"""QA score sheets for recorded calls: data in `resources/qa/<preset>.yaml`, checked on load.

A lead listens to a recording and answers each item of the sheet pass, fail or not
applicable. The score is the passed share of the applicable weight, 0-100; a failed
*critical* item (threats, disclosure to a third party, no recording notice) scores the
whole call 0, because it is a breach of the rules rather than a matter of style. The same
function scores on the server (which stores the number) and in the lead console (which
shows it while the lead ticks), so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from agentdesk.domain import yaml_text
from agentdesk.paths import resources_dir

LANGUAGES = ("zh", "en")
Answer = Literal["pass", "fail", "na"]
ANSWERS: tuple[str, ...] = ("pass", "fail", "na")


class ScoreSheetError(ValueError):
    """A sheet file that cannot be used, or answers that do not fit the sheet; says which and why."""


@dataclass(frozen=True)
class SheetItem:
    id: str
    weight: int
    text: dict[str, str]
    critical: bool = False


@dataclass(frozen=True)
class ScoreSheet:
    id: str
    version: int
    preset: str
    title: dict[str, str]
    items: tuple[SheetItem, ...]

    def item(self, item_id: str) -> SheetItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def as_dict(self) -> dict[str, Any]:
        """The sheet as the wire carries it (contract.ScoreSheetInfo)."""
        return {"id": self.id, "version": self.version, "preset": self.preset, "title": dict(self.title),
                "items": [{"id": i.id, "weight": i.weight, "critical": i.critical, "text": dict(i.text)}
                          for i in self.items]}


def _texts(where: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ScoreSheetError(f"{where}: needs a text per language ({', '.join(LANGUAGES)})")
    missing = [lang for lang in LANGUAGES if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise ScoreSheetError(f"{where}: the text in {', '.join(missing)} is missing or empty")
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def sheet_from_data(data: Any, source: str = "<data>") -> ScoreSheet:
    """A checked sheet from parsed YAML; ScoreSheetError names the file, the item and the problem."""
    if not isinstance(data, Mapping):
        raise ScoreSheetError(f"{source}: a score sheet is a mapping with id, version, preset, title and items")
    for key in ("id", "version", "preset", "title", "items"):
        if key not in data:
            raise ScoreSheetError(f"{source}: '{key}' is missing")
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ScoreSheetError(f"{source}: 'version' must be a whole number from 1")
    raw_items = data["items"]
    if not isinstance(raw_items, list) or not raw_items:
        raise ScoreSheetError(f"{source}: 'items' must be a non-empty list")
    items: list[SheetItem] = []
    seen: set[str] = set()
    for n, raw in enumerate(raw_items, start=1):
        where = f"{source}, item {n}"
        if not isinstance(raw, Mapping):
            raise ScoreSheetError(f"{where}: each item is a mapping with id, weight and text")
        item_id = raw.get("id")
        if not isinstance(item_id, str) or not item_id.isidentifier() or len(item_id) > 48:
            raise ScoreSheetError(f"{where}: 'id' must be a short identifier such as no_threats")
        if item_id in seen:
            raise ScoreSheetError(f"{where}: the id '{item_id}' is used twice")
        seen.add(item_id)
        weight = raw.get("weight")
        if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 100:
            raise ScoreSheetError(f"{where} ({item_id}): 'weight' must be a whole number from 1 to 100")
        critical = raw.get("critical", False)
        if not isinstance(critical, bool):
            raise ScoreSheetError(f"{where} ({item_id}): 'critical' must be true or false")
        unknown = set(raw) - {"id", "weight", "text", "critical"}
        if unknown:
            raise ScoreSheetError(f"{where} ({item_id}): unknown keys {', '.join(sorted(unknown))}")
        items.append(SheetItem(item_id, weight, _texts(f"{where} ({item_id})", raw.get("text")), critical))
    return ScoreSheet(str(data["id"]), version, str(data["preset"]), _texts(f"{source}: title", data["title"]),
                      tuple(items))


def load_sheet(preset: str, directory: Path | None = None) -> ScoreSheet:
    """The score sheet of a compliance preset (`resources/qa/<preset>.yaml`)."""
    folder = directory if directory is not None else resources_dir() / "qa"
    path = folder / f"{preset}.yaml"
    if not path.is_file():
        raise ScoreSheetError(f"{path}: no QA score sheet for the preset '{preset}'")
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScoreSheetError(f"{path}: not valid YAML ({exc})") from exc
    sheet = sheet_from_data(data, str(path))
    if sheet.preset != preset:
        raise ScoreSheetError(f"{path}: the sheet says preset '{sheet.preset}', the file name '{preset}'")
    return sheet


def score(sheet: ScoreSheet, answers: Mapping[str, str]) -> int:
    """0-100: the passed share of the applicable weight; 0 if any critical item failed.

    Every item needs an answer (a lead who skipped one has not finished the sheet);
    answers for items the sheet does not have are refused, not ignored.
    """
    unknown = sorted(set(answers) - {i.id for i in sheet.items})
    if unknown:
        raise ScoreSheetError(f"these items are not on the sheet {sheet.id} v{sheet.version}: {', '.join(unknown)}")
    missing = [i.id for i in sheet.items if i.id not in answers]
    if missing:
        raise ScoreSheetError(f"answer every item of the sheet; missing: {', '.join(missing)}")
    bad = sorted(k for k, v in answers.items() if v not in ANSWERS)
    if bad:
        raise ScoreSheetError(f"answers are pass, fail or na; not for: {', '.join(bad)}")
    if any(item.critical and answers[item.id] == "fail" for item in sheet.items):
        return 0
    applicable = sum(i.weight for i in sheet.items if answers[i.id] != "na")
    if not applicable:
        raise ScoreSheetError("at least one item must apply to the call")
    passed = sum(i.weight for i in sheet.items if answers[i.id] == "pass")
    return round(100 * passed / applicable)


__all__ = ["ANSWERS", "ScoreSheet", "ScoreSheetError", "SheetItem", "load_sheet", "score", "sheet_from_data"]
