"""What may not be said: debt words to third parties, and abusive collection in any text.

Two lexicons kept as data (`resources/compliance/disclosure.yaml`, `conduct.yaml`), one
checker. The disclosure check runs on text *as it will be heard or read*: talk-track lines
with the case's values filled in (a company name that contains 催收 is a disclosure), SMS
to a number that is not the debtor's, the neutral company name of a preset. The conduct
check runs on what an agent writes (notes, messages) before it is saved, and marks the
phrase so the agent sees what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from agentdesk.domain import yaml_text
from agentdesk.paths import resources_dir

__all__ = [
    "Finding",
    "LexiconError",
    "conduct_findings",
    "disclosure_findings",
    "marked",
]


class LexiconError(ValueError):
    """A lexicon file that is missing or malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Finding:
    """One phrase found in a text: where it is, and which list it is on."""

    phrase: str
    start: int
    end: int
    category: str  # "disclosure" or a conduct category (threat, insult, ...)
    title_en: str = ""
    title_zh: str = ""


@dataclass(frozen=True)
class _Lexicon:
    category: str
    title_en: str
    title_zh: str
    zh: tuple[str, ...]
    en: re.Pattern[str] | None
    allow: tuple[str, ...] = ()


def _load_yaml(name: str, folder: Path | None) -> dict[str, Any]:
    path = (folder or resources_dir() / "compliance") / name
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon is a mapping")
    return data


def _pattern(entries: Any, where: str) -> re.Pattern[str] | None:
    if not entries:
        return None
    if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
        raise LexiconError(f"{where}: 'en' must be a list of non-empty regular expressions")
    for entry in entries:
        try:
            re.compile(entry)
        except re.error as exc:
            raise LexiconError(f"{where}: '{entry}' is not a regular expression: {exc}") from None
    joined = "|".join(f"(?:{e})" for e in entries)
    return re.compile(rf"(?<![A-Za-z])(?:{joined})(?![A-Za-z])", re.IGNORECASE)


def _words(entries: Any, where: str, key: str) -> tuple[str, ...]:
    if entries is None:
        return ()
    if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
        raise LexiconError(f"{where}: '{key}' must be a list of non-empty phrases")
    return tuple(e.strip() for e in entries)


@lru_cache(maxsize=4)
def _disclosure(folder: Path | None = None) -> _Lexicon:
    data = _load_yaml("disclosure.yaml", folder)
    where = "disclosure.yaml"
    return _Lexicon("disclosure", "Discloses the debt", "透露债务信息", _words(data.get("zh"), where, "zh"),
                    _pattern(data.get("en"), where), _words(data.get("allow"), where, "allow"))


@lru_cache(maxsize=4)
def _conduct(folder: Path | None = None) -> tuple[_Lexicon, ...]:
    data = _load_yaml("conduct.yaml", folder)
    categories = data.get("categories")
    if not isinstance(categories, dict) or not categories:
        raise LexiconError("conduct.yaml: 'categories' must map each category to its phrases")
    lexicons = []
    for name, entry in categories.items():
        where = f"conduct.yaml, category '{name}'"
        if not isinstance(entry, dict):
            raise LexiconError(f"{where}: must be a mapping with title, zh and en")
        title = entry.get("title") or {}
        lexicons.append(_Lexicon(str(name), str(title.get("en", name)), str(title.get("zh", name)),
                                 _words(entry.get("zh"), where, "zh"), _pattern(entry.get("en"), where)))
    return tuple(lexicons)


def _find(text: str, lexicon: _Lexicon) -> list[Finding]:
    found: list[Finding] = []
    masked = text
    for harmless in lexicon.allow:
        masked = masked.replace(harmless, "\0" * len(harmless))
    for word in lexicon.zh:
        start = masked.find(word)
        while start >= 0:
            found.append(Finding(word, start, start + len(word), lexicon.category, lexicon.title_en, lexicon.title_zh))
            start = masked.find(word, start + 1)
    if lexicon.en is not None:
        for match in lexicon.en.finditer(masked):
            found.append(Finding(match.group(0), match.start(), match.end(), lexicon.category,
                                 lexicon.title_en, lexicon.title_zh))
    return found


def _tidy(found: list[Finding]) -> list[Finding]:
    """In text order, longest first where two overlap at one place, without duplicates."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def disclosure_findings(text: str, folder: Path | None = None) -> list[Finding]:
    """Every debt word in `text` (Chinese and English lists both apply to any text)."""
    return _tidy(_find(text, _disclosure(folder)))


def conduct_findings(text: str, folder: Path | None = None) -> list[Finding]:
    """Threats, insults, shaming, deception, fees: what must not be written to or about a debtor."""
    found: list[Finding] = []
    for lexicon in _conduct(folder):
        found += _find(text, lexicon)
    return _tidy(found)


def marked(text: str, findings: list[Finding], left: str = "【", right: str = "】") -> str:
    """The text with each finding bracketed, for a message that shows where the problem is."""
    out, last = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        out += [text[last:f.start], left, text[f.start:f.end], right]
        last = f.end
    out.append(text[last:])
    return "".join(out)
