"""Contact policies as data: the numbers a client's counsel may tighten without a release.

Presets live in `resources/policies/{name}.yaml`. The file is checked by a pydantic model
(unknown keys are errors, so a typo such as `quiet_strat` cannot silently drop a rule),
then turned into a frozen `ContactPolicy` the guard reads many times a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agentdesk.domain import yaml_text
from agentdesk.paths import resources_dir

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class PolicyError(ValueError):
    """A policy file that is missing or malformed; the message names the file and field."""


@dataclass(frozen=True)
class ContactPolicy:
    """One preset's limits. `None` means the preset sets no limit of that kind."""

    name: str
    quiet_start: time
    quiet_end: time
    max_dials_per_point_per_day: int | None
    max_calls_per_debtor_per_day: int | None
    max_calls_per_debtor_7d: int | None
    wait_after_conversation: timedelta | None
    third_party_max_per_day: int | None
    promise_horizon_days: int
    sources: tuple[str, ...] = ()
    # A pending promise blocks collection calls until this many days before it is due,
    # so that a single reminder the day before stays possible.
    promise_reminder_days: int = 1
    # Conversations allowed with one emergency contact (US: once, 15 U.S.C. 1692b(3)).
    third_party_max_conversations_per_point: int | None = None
    title_en: str = ""
    title_zh: str = ""
    voicemail_note_en: str = ""
    voicemail_note_zh: str = ""
    # Why each value was chosen where the sources give no number: (field, reason) pairs.
    notes: tuple[tuple[str, str], ...] = ()
    # SMS are counted as SMS, against limits and hours of their own (None: the call hours).
    sms_quiet_start: time | None = None
    sms_quiet_end: time | None = None
    max_sms_per_point_per_day: int | None = None
    max_sms_per_debtor_per_day: int | None = None
    max_sms_per_debtor_7d: int | None = None
    sms_to_third_parties: bool = False
    # Holds that bind the person (all their cases, every lender) rather than one case.
    person_wide_holds: frozenset[str] = frozenset({"cease_contact", "deceased", "bankrupt"})
    # The company as named to a confirmed debtor, and the neutral name a third party hears
    # if they ask who is calling (nothing in it may say debt, loan or collection).
    company_name_zh: str = "安信催收服务中心"
    company_name_en: str = "AnXin Collection Services"
    neutral_company_name_zh: str = "安信服务中心"
    neutral_company_name_en: str = "AnXin Services"
    recording_retention_days: int = 365 * 2

    def company_name(self, lang: str) -> str:
        return self.company_name_zh if lang == "zh" else self.company_name_en

    def neutral_company_name(self, lang: str) -> str:
        return self.neutral_company_name_zh if lang == "zh" else self.neutral_company_name_en

    def sms_quiet(self) -> tuple[time, time]:
        return (self.sms_quiet_start or self.quiet_start, self.sms_quiet_end or self.quiet_end)


def _positive_or_none(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise ValueError("must be at least 1, or null for no limit")
    return value


class PolicyFile(BaseModel):
    """The on-disk shape of a policy preset (validated before anything reads it)."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(pattern=_NAME.pattern)]
    title: dict[str, str] = Field(default_factory=dict)
    sources: list[Annotated[str, Field(min_length=3)]] = Field(min_length=1)
    quiet_start: str
    quiet_end: str
    max_dials_per_point_per_day: int | None
    max_calls_per_debtor_per_day: int | None
    max_calls_per_debtor_7d: int | None
    wait_after_conversation_days: int | None
    third_party_max_per_day: int | None
    third_party_max_conversations_per_point: int | None = None
    promise_horizon_days: Annotated[int, Field(ge=1, le=366)]
    promise_reminder_days: Annotated[int, Field(ge=0, le=30)] = 1
    voicemail_note: dict[str, str] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    sms_quiet_start: str | None = None
    sms_quiet_end: str | None = None
    max_sms_per_point_per_day: int | None
    max_sms_per_debtor_per_day: int | None
    max_sms_per_debtor_7d: int | None
    sms_to_third_parties: bool = False
    person_wide_holds: list[Literal["cease_contact", "dispute", "hardship", "deceased", "bankrupt", "legal"]]
    company_name: dict[str, str]
    neutral_company_name: dict[str, str]
    recording_retention_days: Annotated[int, Field(ge=30, le=36500)] = 730

    @field_validator("quiet_start", "quiet_end", "sms_quiet_start", "sms_quiet_end")
    @classmethod
    def _hhmm(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _HHMM.match(value):
            raise ValueError(f"'{value}' is not a time: write it as HH:MM, e.g. '22:00'")
        return value

    @field_validator(
        "max_dials_per_point_per_day",
        "max_calls_per_debtor_per_day",
        "max_calls_per_debtor_7d",
        "wait_after_conversation_days",
        "third_party_max_per_day",
        "third_party_max_conversations_per_point",
        "max_sms_per_point_per_day",
        "max_sms_per_debtor_per_day",
        "max_sms_per_debtor_7d",
    )
    @classmethod
    def _limits(cls, value: int | None) -> int | None:
        return _positive_or_none(value)

    @field_validator("company_name", "neutral_company_name")
    @classmethod
    def _both_languages(cls, value: dict[str, str]) -> dict[str, str]:
        missing = [lang for lang in ("zh", "en") if not str(value.get(lang, "")).strip()]
        if missing or set(value) - {"zh", "en"}:
            raise ValueError("give the name in 'zh' and 'en' (and nothing else)")
        return {k: v.strip() for k, v in value.items()}

    @field_validator("neutral_company_name")
    @classmethod
    def _says_nothing(cls, value: dict[str, str]) -> dict[str, str]:
        from agentdesk.domain.disclosure import disclosure_findings

        for lang, name in value.items():
            found = disclosure_findings(name)
            if found:
                raise ValueError(f"the neutral name ({lang}) '{name}' says '{found[0].phrase}': a third party "
                                 "who hears it learns of the debt; choose a name without it")
        return value

    @field_validator("notes")
    @classmethod
    def _notes_name_fields(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - set(cls.model_fields)
        if unknown:
            raise ValueError(f"notes refer to unknown fields: {', '.join(sorted(unknown))}")
        return value

    def to_policy(self) -> ContactPolicy:
        wait = self.wait_after_conversation_days
        return ContactPolicy(
            name=self.name,
            quiet_start=time.fromisoformat(self.quiet_start),
            quiet_end=time.fromisoformat(self.quiet_end),
            max_dials_per_point_per_day=self.max_dials_per_point_per_day,
            max_calls_per_debtor_per_day=self.max_calls_per_debtor_per_day,
            max_calls_per_debtor_7d=self.max_calls_per_debtor_7d,
            wait_after_conversation=timedelta(days=wait) if wait is not None else None,
            third_party_max_per_day=self.third_party_max_per_day,
            promise_horizon_days=self.promise_horizon_days,
            sources=tuple(self.sources),
            promise_reminder_days=self.promise_reminder_days,
            third_party_max_conversations_per_point=self.third_party_max_conversations_per_point,
            title_en=self.title.get("en", self.name),
            title_zh=self.title.get("zh", self.name),
            voicemail_note_en=self.voicemail_note.get("en", ""),
            voicemail_note_zh=self.voicemail_note.get("zh", ""),
            notes=tuple(sorted(self.notes.items())),
            sms_quiet_start=time.fromisoformat(self.sms_quiet_start) if self.sms_quiet_start else None,
            sms_quiet_end=time.fromisoformat(self.sms_quiet_end) if self.sms_quiet_end else None,
            max_sms_per_point_per_day=self.max_sms_per_point_per_day,
            max_sms_per_debtor_per_day=self.max_sms_per_debtor_per_day,
            max_sms_per_debtor_7d=self.max_sms_per_debtor_7d,
            sms_to_third_parties=self.sms_to_third_parties,
            person_wide_holds=frozenset(self.person_wide_holds),
            company_name_zh=self.company_name["zh"],
            company_name_en=self.company_name["en"],
            neutral_company_name_zh=self.neutral_company_name["zh"],
            neutral_company_name_en=self.neutral_company_name["en"],
            recording_retention_days=self.recording_retention_days,
        )


def policy_from_data(data: Any, source: str) -> ContactPolicy:
    """Validate already-parsed policy data (e.g. sent by the server); `source` names it."""
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy must be a mapping of fields, got {type(data).__name__}")
    try:
        return PolicyFile.model_validate(data).to_policy()
    except ValidationError as exc:
        problems = "; ".join(
            f"field '{'.'.join(str(p) for p in err['loc']) or '(top)'}': {err['msg']}" for err in exc.errors()
        )
        raise PolicyError(f"{source}: {problems}") from None


def load_policy(name: str = "china", directory: Path | None = None) -> ContactPolicy:
    """Read a preset by name from `directory` (default: resources/policies)."""
    if not _NAME.match(name):
        raise PolicyError(f"'{name}' is not a policy name: use lowercase letters, e.g. 'china'")
    folder = directory if directory is not None else resources_dir() / "policies"
    path = folder / f"{name}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        available = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
        raise PolicyError(f"{path}: no such policy file; available: {', '.join(available) or 'none'}") from None
    try:
        data = yaml_text.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from None
    policy = policy_from_data(data, str(path))
    if policy.name != name:
        raise PolicyError(f"{path}: field 'name' is '{policy.name}' but the file is '{name}'")
    return policy
