"""Tables of the strategy engine (issue 14), beside the core models of agentdesk.server.models.

* `strategy_books`: every version of the strategy book, never updated (the current one is
  the highest version); a change is a new row, so the history of what was decided stays.
* `collector_settings`: what a lead keeps per agent: grade, skills, capacity, working days,
  an absence and its stand-in.
* `case_arms`: the arm a case got in a challenger's experiment, written once when the case
  is first placed in the challenger's segment and never updated (a case's arm never flips).
* `allocation_runs`: each manual or scheduled allocation (one scheduled run per team and day).
* `stand_in_covers`: cases handed to a stand-in while their collector is away, so they can
  go back when the absence ends.

The case's current segment, the reason and its arm live on the case row itself
(`cases.segment` ...) like its owner: a re-segmentation of thousands of cases is a bulk
update with fresh change numbers, and desks pull the change without any history rebuilt.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agentdesk.server.models import Base, UTCDateTime, new_id, utcnow


class StrategyBookRow(Base):
    __tablename__ = "strategy_books"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)  # agentdesk.domain.strategy_book.StrategyBook as JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))


class CollectorSettingsRow(Base):
    __tablename__ = "collector_settings"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    grade: Mapped[str] = mapped_column(String(10), default="regular")
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    capacity: Mapped[int] = mapped_column(Integer, default=300)
    working_days: Mapped[list[int]] = mapped_column(JSON, default=lambda: [0, 1, 2, 3, 4])
    away_from: Mapped[date | None] = mapped_column(Date)
    away_until: Mapped[date | None] = mapped_column(Date)
    stand_in_id: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(36))


class CaseArm(Base):
    __tablename__ = "case_arms"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    challenger_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    segment_key: Mapped[str] = mapped_column(String(40))
    arm: Mapped[str] = mapped_column(String(10))  # champion | challenger
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_case_arms_challenger", "challenger_id", "arm"),)


class AllocationRun(Base):
    __tablename__ = "allocation_runs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    team_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # manual | scheduled
    # The team's local day of a scheduled run; NULL for a manual one. Unique with the team,
    # so two server processes (or two cron lines) cannot both run a team's morning allocation.
    scheduled_day: Mapped[date | None] = mapped_column(Date)
    user_id: Mapped[str | None] = mapped_column(String(36))
    reassignment_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (UniqueConstraint("team_id", "scheduled_day", name="uq_allocation_runs_team_day"),)


class StandInCover(Base):
    __tablename__ = "stand_in_covers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    away_agent_id: Mapped[str] = mapped_column(String(36), index=True)
    stand_in_id: Mapped[str] = mapped_column(String(36))
    team_id: Mapped[str | None] = mapped_column(String(36))
    until: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
