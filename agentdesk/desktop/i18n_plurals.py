"""Qt plural (numerus) messages kept across `pyside6-lupdate` runs.

Qt picks a plural form for `QCoreApplication.translate(ctx, "%n cases given back.", "", n)`
only when the catalogue's message is marked `numerus="yes"` and holds one
`<numerusform>` per form of the language (English: one, many; Chinese: one). The Python
parser of `pyside6-lupdate` never marks a message as numerus and, on the next update,
rewrites a marked one as a plain message, dropping its forms. So `i18n update` reads the
forms before running lupdate (`read_numerus`) and afterwards marks every message whose
source contains "%n" (or "%Ln") as numerus again, putting its forms back (`mark_numerus`).

The catalogue is patched as text, message by message, so everything else stays exactly
as lupdate wrote it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

# Forms per language, in Qt's order for it: English "1 case" / "2 cases"; Chinese has one.
FORMS = {"en": 2, "zh_CN": 1}

_CONTEXT = re.compile(r"(<context>\s*<name>(?P<name>.*?)</name>)(?P<body>.*?)(</context>)", re.DOTALL)
_MESSAGE = re.compile(r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.DOTALL)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
_TRANSLATION = re.compile(r"(?P<indent>[ \t]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)",
                          re.DOTALL)
_FORM = re.compile(r"<numerusform[^>]*>(.*?)</numerusform>|<numerusform[^>]*/>", re.DOTALL)
_PERCENT_N = re.compile(r"%L?n")  # Qt's count placeholder; %Ln groups the digits by locale


@dataclass(frozen=True)
class Numerus:
    """A numerus message's forms (XML-escaped, as in the file) and whether it was finished."""

    forms: tuple[str, ...]
    finished: bool


def read_numerus(ts: Path) -> dict[tuple[str, str], Numerus]:
    """(context, source) → forms of every numerus message in `ts` (empty when there is no file)."""
    if not ts.is_file():
        return {}
    found: dict[tuple[str, str], Numerus] = {}
    for context in _CONTEXT.finditer(ts.read_text(encoding="utf-8")):
        for message in _MESSAGE.finditer(context["body"]):
            if 'numerus="yes"' not in message["attrs"]:
                continue
            source = _SOURCE.search(message["body"])
            translation = _TRANSLATION.search(message["body"])
            if source is None or translation is None:
                continue
            forms = tuple(m.group(1) or "" for m in _FORM.finditer(translation["text"] or ""))
            finished = "unfinished" not in translation["attrs"]
            found[(context["name"], source.group(1))] = Numerus(forms, finished)
    return found


def _forms_for(language: str, kept: Numerus | None, plain: str) -> Numerus:
    count = FORMS.get(language, 2)
    if kept is not None and len(kept.forms) == count:
        return kept
    if kept is not None and kept.forms:
        forms = (kept.forms + (kept.forms[-1],) * count)[:count]
        return Numerus(forms, False)
    if plain:
        return Numerus((plain,) * count, False)
    return Numerus(("",) * count, False)


def mark_numerus(ts: Path, kept: dict[tuple[str, str], Numerus], language: str) -> int:
    """Mark every message of `ts` whose source has "%n" as numerus, with `kept` forms; returns how many."""
    text = ts.read_text(encoding="utf-8")
    marked = 0

    def message(context: str, m: re.Match[str]) -> str:
        nonlocal marked
        source = _SOURCE.search(m["body"])
        translation = _TRANSLATION.search(m["body"])
        if source is None or translation is None or not _PERCENT_N.search(html.unescape(source.group(1))):
            return m.group(0)
        marked += 1
        plain = "" if _FORM.search(translation["text"] or "") else (translation["text"] or "")
        numerus = _forms_for(language, kept.get((context, source.group(1))), plain)
        if not all(numerus.forms):
            numerus = Numerus(numerus.forms, False)
        inner = translation["indent"]
        step = inner[len(m["indent"]):] or "    "
        forms = "".join(f"\n{inner}{step}<numerusform>{f}</numerusform>" for f in numerus.forms)
        state = "" if numerus.finished else ' type="unfinished"'
        new_translation = f"{inner}<translation{state}>{forms}\n{inner}</translation>"
        body = m["body"][:translation.start()] + new_translation + m["body"][translation.end():]
        attrs = m["attrs"] if 'numerus="yes"' in m["attrs"] else m["attrs"] + ' numerus="yes"'
        return f"{m['indent']}<message{attrs}>{body}</message>"

    def context(c: re.Match[str]) -> str:
        body = _MESSAGE.sub(lambda m: message(c["name"], m), c["body"])
        return c.group(1) + body + c.group(4)

    ts.write_text(_CONTEXT.sub(context, text), encoding="utf-8")
    return marked
