"""Collectors as the allocation sees them: grade, skill tags, capacity, working days, absence.

A lead keeps these per agent (the lead console's Collectors form; the server stores them).
Grades are ordered (新手 < 熟练 < 资深 < 专家) so a segment can ask for "at least senior";
skill tags are free words a lead chooses (法务, 粤语, 高额, …) with the common ones offered.
Capacity is the most open cases the collector should hold; working days are weekdays
(Monday = 0). An absence is a date range with an optional stand-in (代理催收员) who takes
the absent collector's due callbacks and promises until they are back.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "COMMON_SKILLS",
    "GRADES",
    "Grade",
    "CollectorProfile",
    "CollectorSettings",
    "grade_at_least",
    "grade_label",
]

Grade = Literal["trainee", "regular", "senior", "expert"]
GRADES: tuple[str, ...] = ("trainee", "regular", "senior", "expert")
_GRADE_LABELS = {"trainee": ("Trainee", "新手"), "regular": ("Regular", "熟练"), "senior": ("Senior", "资深"),
                 "expert": ("Expert", "专家")}
# Offered in the forms; a lead may type others.
COMMON_SKILLS: tuple[str, ...] = ("法务", "方言", "粤语", "高额", "协商分期", "英语")
Skill = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[^\s,;，；]+$")]


def grade_label(grade: str, lang: str) -> str:
    en, zh = _GRADE_LABELS.get(grade, (grade, grade))
    return zh if lang == "zh" else en


def grade_at_least(grade: str, minimum: str) -> bool:
    return GRADES.index(grade) >= GRADES.index(minimum)


class CollectorSettings(BaseModel):
    """What a lead edits for one collector (PUT /v1/collectors/{id})."""

    model_config = ConfigDict(extra="forbid")

    grade: Grade = "regular"
    skills: Annotated[list[Skill], Field(max_length=12)] = []
    capacity: Annotated[int, Field(ge=0, le=100_000)] = 300
    working_days: Annotated[list[Annotated[int, Field(ge=0, le=6)]], Field(max_length=7)] = [0, 1, 2, 3, 4]
    away_from: date | None = None
    away_until: date | None = None
    stand_in_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None

    @model_validator(mode="after")
    def _absence(self) -> CollectorSettings:
        if (self.away_from is None) != (self.away_until is None):
            raise ValueError("away_until: give both the first and the last day of the absence, or neither")
        if self.away_from is not None and self.away_until is not None and self.away_until < self.away_from:
            raise ValueError("away_until: the absence must end on or after its first day")
        if self.stand_in_id is not None and self.away_from is None:
            raise ValueError("stand_in_id: a stand-in covers an absence; give its dates first")
        self.skills = list(dict.fromkeys(self.skills))
        self.working_days = sorted(set(self.working_days))
        return self

    def away_on(self, day: date) -> bool:
        return self.away_from is not None and self.away_until is not None and self.away_from <= day <= self.away_until

    def works_on(self, day: date) -> bool:
        return day.weekday() in self.working_days


class CollectorProfile(BaseModel):
    """What a segment's strategy wants of the collector its cases go to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_grade: Grade = "trainee"
    required_skills: Annotated[list[Skill], Field(max_length=8)] = []
    preferred_skills: Annotated[list[Skill], Field(max_length=8)] = []
