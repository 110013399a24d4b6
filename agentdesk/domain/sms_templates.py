"""SMS templates as versioned data: loaded, checked against each preset, and filled in.

A template is a YAML file in `resources/sms/templates`; the sending rules of each
compliance preset (signature, opt-out line, segment budget, how often, the neutral sender
name) are `resources/sms/rules.yaml`. As with talk tracks, a template that would break a
rule is refused when it is loaded, with the file, the language and the problem, not on
the debtor's phone:

- every text in Chinese and English, only known variables, no banned phrase;
- measured in segments with the longest plausible values filled in, within the preset's
  budget (GSM-7 160/153, UCS-2 70/67: `agentdesk.domain.sms_text`);
- the sender signature 【…】 where the preset requires it (China: carriers drop
  unsigned messages), the opt-out line and the required phrases where it requires them
  (US: Regulation F §1006.6(e) opt-out notice, §1006.18(e) debt-collector disclosure);
- a template meant for a number that may not be the debtor's says nothing about a debt
  and carries no amount, date or link (`disclosure_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agentdesk.domain import yaml_text
from agentdesk.domain.disclosure import conduct_findings, disclosure_findings
from agentdesk.domain.money import Money
from agentdesk.domain.sms_text import SegmentCount, count_segments
from agentdesk.domain.talktracks import BANNED_PHRASES
from agentdesk.paths import resources_dir

__all__ = [
    "DEBT_VARIABLES",
    "LANGUAGES",
    "VARIABLES",
    "case_values",
    "PresetSmsRules",
    "RenderedSms",
    "SmsRules",
    "SmsTemplate",
    "SmsTemplateError",
    "disclosure_problems",
    "load_rules",
    "load_templates",
    "render",
    "validate_template_data",
]

LANGUAGES = ("zh", "en")
VARIABLES = frozenset({"debtor_name", "amount_due", "due_date", "link", "company", "callback_number"})
# What would tell someone who is not the debtor that a debt exists: never in a template
# for a number that may not be the debtor's. The link leads to the amount.
DEBT_VARIABLES = frozenset({"amount_due", "due_date", "link"})
AUDIENCES = ("debtor", "any_party")

# The longest values a real case plausibly fills in; templates are measured with these so
# that a real message is never longer than the one the validator accepted.
SAMPLE_VALUES: dict[str, dict[str, str]] = {
    "zh": {"debtor_name": "欧阳娜娜", "amount_due": "¥1,234,567.89", "due_date": "2026-12-31"},
    "en": {"debtor_name": "Maximilian Oyelaran", "amount_due": "$1,234,567.89", "due_date": "2026-12-31"},
}
SAMPLE_LINK = "https://pay.example.cn/s/AbCdEfGhIjKl"

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SIGNATURE = re.compile(r"^【[^【】]{2,20}】|【[^【】]{2,20}】$")


class SmsTemplateError(ValueError):
    """A template, rules file or render request that cannot be used; names file and problem."""


def disclosure_problems(text: str) -> list[str]:
    """Words in `text` that would disclose a debt to someone who is not the debtor: the
    compliance lexicon's checker (agentdesk.domain.disclosure). Placeholders are not words:
    `{debtor_name}` is not a disclosure, and the debt variables are checked separately."""
    return [f.phrase for f in disclosure_findings(_PLACEHOLDER.sub(" ", text))]


def conduct_problems(text: str) -> list[str]:
    """Threats, insults, shaming, fees: the conduct lexicon, plus the talk tracks' banned phrases."""
    spoken = _PLACEHOLDER.sub(" ", text)
    found = [f.phrase for f in conduct_findings(spoken)]
    lowered = spoken.lower()
    return found + [p for p in BANNED_PHRASES if p.lower() in lowered and p not in found]


class _Texts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    zh: Annotated[str, Field(min_length=1, max_length=1000)]
    en: Annotated[str, Field(min_length=1, max_length=1000)]

    def get(self, lang: str) -> str:
        return str(getattr(self, lang))


class PresetSmsRules(BaseModel):
    """The SMS sending rules that go with one compliance preset (rules.yaml, `presets.NAME`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Literal["zh", "en"]  # the language of messages nobody chose one for (the cadence's)
    signature_required: bool
    opt_out_required: bool
    opt_out: _Texts
    required_phrases: dict[Literal["zh", "en"], list[Annotated[str, Field(min_length=2)]]] = Field(
        default_factory=dict)
    max_segments: Annotated[int, Field(ge=1, le=10)]
    # How often, per number and per debtor; the preset's own SMS limits (compliance
    # guard) apply on top, and the stricter one wins.
    max_per_number_per_day: Annotated[int, Field(ge=1, le=20)]
    max_per_debtor_7d: Annotated[int, Field(ge=1, le=50)]
    min_hours_between: Annotated[float, Field(ge=0, le=168)]
    notes: dict[str, str] = Field(default_factory=dict)


class SmsRules(BaseModel):
    """`resources/sms/rules.yaml`: per preset rules, the neutral sender and the link's life."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    company: _Texts  # the neutral name the debtor sees (DOMAIN.md: no debt word in it)
    callback_number: Annotated[str, Field(min_length=3, max_length=24)]
    link_valid_hours: Annotated[int, Field(ge=1, le=24 * 31)]
    stop_words: list[Annotated[str, Field(min_length=1, max_length=16)]] = Field(min_length=1)
    presets: dict[str, PresetSmsRules] = Field(min_length=1)

    def for_preset(self, name: str) -> PresetSmsRules:
        try:
            return self.presets[name]
        except KeyError:
            raise SmsTemplateError(
                f"rules.yaml has no SMS rules for preset '{name}'; add presets.{name} "
                f"(known: {', '.join(sorted(self.presets))})") from None

    def is_stop_request(self, text: str) -> bool:
        """An incoming reply that asks to stop (T, TD, 退订, STOP ...), as carriers read it."""
        word = text.strip().strip("。.!！").upper()
        return word in {w.upper() for w in self.stop_words}


@dataclass(frozen=True)
class SmsTemplate:
    id: str
    version: int
    title: dict[str, str]
    purpose: str
    audience: str  # "debtor": may carry the debt; "any_party": neutral, safe for any number
    presets: tuple[str, ...]
    link: bool
    text: dict[str, str]
    source: str = ""
    measured: dict[tuple[str, str], SegmentCount] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        return f"{self.id}@v{self.version}"


@dataclass(frozen=True)
class RenderedSms:
    text: str
    segments: SegmentCount


def load_rules(path: Path | None = None) -> SmsRules:
    path = path if path is not None else resources_dir() / "sms" / "rules.yaml"
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SmsTemplateError(f"{path}: SMS rules file not found") from None
    except yaml.YAMLError as exc:
        raise SmsTemplateError(f"{path}: not valid YAML: {exc}") from None
    try:
        rules = SmsRules.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"'{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in exc.errors())
        raise SmsTemplateError(f"{path}: {problems}") from None
    for lang in LANGUAGES:
        found = disclosure_problems(rules.company.get(lang))
        if found:
            raise SmsTemplateError(f"{path}: company ({lang}) contains '{found[0]}': the sender name every "
                                   "recipient sees must be neutral")
    return rules


def _fill(text: str, values: Mapping[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in VARIABLES:
            raise SmsTemplateError(f"{where}: unknown variable '{{{name}}}'")
        if name not in values:
            raise SmsTemplateError(f"{where}: no value given for '{{{name}}}'")
        return str(values[name])

    return _PLACEHOLDER.sub(replace, text)


def _sample(lang: str, rules: SmsRules) -> dict[str, str]:
    return {**SAMPLE_VALUES[lang], "link": SAMPLE_LINK, "company": rules.company.get(lang),
            "callback_number": rules.callback_number}


def _check_text(template_id: str, lang: str, text: str, audience: str, link: bool, fail: Any) -> None:
    for phrase in conduct_problems(text):
        fail(f"text ({lang}) contains the banned phrase '{phrase}'")
    names = _PLACEHOLDER.findall(text)
    for name in names:
        if name not in VARIABLES:
            fail(f"text ({lang}) uses unknown variable '{{{name}}}'; known: {', '.join(sorted(VARIABLES))}")
        if audience != "debtor" and name in DEBT_VARIABLES:
            fail(f"text ({lang}) uses '{{{name}}}', which would disclose the debt to whoever holds the number")
    if link and "link" not in names:
        fail(f"text ({lang}) has link: true but no '{{link}}'")
    if not link and "link" in names:
        fail(f"text ({lang}) uses '{{link}}' but the template says link: false")
    if audience != "debtor":
        words = disclosure_problems(text)
        if words:
            fail(f"text ({lang}) contains '{words[0]}': a template for any number must not reveal the debt")


def check_against_preset(text: str, lang: str, preset: PresetSmsRules) -> list[str]:
    """What a filled-in text lacks or exceeds under a preset (empty: it may be sent)."""
    problems: list[str] = []
    if preset.signature_required and not _SIGNATURE.search(text.strip()):
        problems.append("no sender signature 【…】 at the start or end (required by this preset)")
    opt_out = preset.opt_out.get(lang)
    if preset.opt_out_required and opt_out not in text:
        problems.append(f"no opt-out line '{opt_out}' (required by this preset)")
    for phrase in preset.required_phrases.get(lang, []):  # type: ignore[call-overload]
        if phrase.lower() not in text.lower():
            problems.append(f"the required phrase '{phrase}' is missing")
    count = count_segments(text)
    if count.segments > preset.max_segments:
        problems.append(f"{count.segments} segments ({count.encoding}, {count.units} units) is over this "
                        f"preset's budget of {preset.max_segments}")
    return problems


def validate_template_data(data: Any, source: str, rules: SmsRules) -> SmsTemplate:
    """Check parsed template data against the rules of every preset it names."""

    def fail(problem: str) -> NoReturn:
        raise SmsTemplateError(f"{source}: {problem}")

    if not isinstance(data, dict):
        fail("a template must be a mapping with id, version, title, audience, presets, link and text")
    unknown = set(data) - {"id", "version", "title", "purpose", "audience", "presets", "link", "text"}
    if unknown:
        fail(f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
    template_id = data.get("id")
    if not isinstance(template_id, str) or not _ID.match(template_id):
        fail("'id' must be lowercase letters, digits and underscores")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail("'version' must be a whole number, 1 or more")
    audience = data.get("audience")
    if audience not in AUDIENCES:
        fail(f"'audience' must be one of {', '.join(AUDIENCES)}")
    link = data.get("link", False)
    if not isinstance(link, bool):
        fail("'link' must be true or false")
    presets = data.get("presets")
    if not isinstance(presets, list) or not presets:
        fail("'presets' must list the compliance presets this template is written for")
    texts: dict[str, dict[str, str]] = {}
    for key in ("title", "text"):
        raw = data.get(key)
        if not isinstance(raw, dict) or set(raw) != set(LANGUAGES) or not all(
                isinstance(raw[lang], str) and raw[lang].strip() for lang in LANGUAGES):
            fail(f"'{key}' needs a 'zh' and an 'en' text, and nothing else")
        texts[key] = {lang: " ".join(raw[lang].split()) for lang in LANGUAGES}
    measured: dict[tuple[str, str], SegmentCount] = {}
    for lang in LANGUAGES:
        _check_text(template_id, lang, texts["text"][lang], audience, link, fail)
        sample = _fill(texts["text"][lang], _sample(lang, rules), source)
        for preset_name in presets:
            preset = rules.presets.get(preset_name)
            if preset is None:
                known = ", ".join(sorted(rules.presets))
                fail(f"preset '{preset_name}' has no SMS rules in rules.yaml (known: {known})")
            problems = check_against_preset(sample, lang, preset)
            if problems:
                fail(f"text ({lang}) under preset '{preset_name}': {problems[0]}")
            measured[(preset_name, lang)] = count_segments(sample)
    purpose = data.get("purpose", "")
    if not isinstance(purpose, str):
        fail("'purpose' must be text")
    return SmsTemplate(
        id=template_id, version=version, title=texts["title"], purpose=purpose, audience=audience,
        presets=tuple(presets), link=link, text=texts["text"], source=source, measured=measured,
    )


def load_templates(directory: Path | None = None, rules: SmsRules | None = None) -> list[SmsTemplate]:
    """Every `*.yaml` template, checked; refuses a duplicate id+version or an empty folder."""
    folder = directory if directory is not None else resources_dir() / "sms" / "templates"
    rules = rules if rules is not None else load_rules()
    if not folder.is_dir():
        raise SmsTemplateError(f"{folder}: SMS template folder not found")
    found: list[SmsTemplate] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise SmsTemplateError(f"{path}: not valid YAML: {exc}") from None
        template = validate_template_data(data, str(path), rules)
        if template.key in seen:
            raise SmsTemplateError(f"{path}: {template.key} is also defined by {seen[template.key]}")
        seen[template.key] = str(path)
        found.append(template)
    if not found:
        raise SmsTemplateError(f"{folder}: no SMS templates (*.yaml) found")
    return found


def latest(templates: Sequence[SmsTemplate], template_id: str, version: int | None = None) -> SmsTemplate:
    """The template with `template_id` (its newest version, or exactly `version`)."""
    matching = [t for t in templates if t.id == template_id and (version is None or t.version == version)]
    if not matching:
        what = f"{template_id} v{version}" if version is not None else template_id
        raise SmsTemplateError(f"no SMS template {what}; known: {', '.join(sorted({t.id for t in templates}))}")
    return max(matching, key=lambda t: t.version)


def case_values(debtor_name: str, overdue: Money, promise: tuple[Money, date] | None,
                earliest_due: date | None) -> dict[str, str]:
    """The variables a template takes from a case: one function, so the desk's preview and
    the server's message say the same. A live promise (pending, or broken and not yet
    replaced) names its own amount and date; otherwise the overdue amount and the account's
    earliest due date."""
    if promise is not None:
        amount, due = promise
        return {"debtor_name": debtor_name, "amount_due": amount.format(), "due_date": due.isoformat()}
    return {"debtor_name": debtor_name, "amount_due": overdue.format(),
            "due_date": earliest_due.isoformat() if earliest_due else ""}


def render(template: SmsTemplate, lang: str, values: Mapping[str, str], rules: SmsRules,
           preset: str) -> RenderedSms:
    """Fill one template for one case. Values are substituted once (a name holding braces
    stays literal); the filled text is checked against the preset again, so a value longer
    than the samples cannot push a message over its segment budget unnoticed."""
    if lang not in LANGUAGES:
        raise SmsTemplateError(f"template {template.key}: language '{lang}' not available; use zh or en")
    if preset not in template.presets:
        raise SmsTemplateError(f"template {template.key} is not written for preset '{preset}' "
                               f"(only {', '.join(template.presets)})")
    full = {"company": rules.company.get(lang), "callback_number": rules.callback_number, **values}
    text = _fill(template.text[lang], full, f"template {template.key}")
    problems = check_against_preset(text, lang, rules.for_preset(preset))
    if problems:
        raise SmsTemplateError(f"template {template.key} ({lang}) filled for this case: {problems[0]}")
    return RenderedSms(text=text, segments=count_segments(text))
