"""What a lead reads: the team board, the review lists and the charts' figures.

All queries are scoped by team (None: every team, for an admin) and aggregate in the
database where the grouping is portable; grouping by a local day or the debtor's local
hour needs time-zone arithmetic that SQLite lacks, so those rows are bucketed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from agentdesk import contract
from agentdesk.domain.masking import mask_address, mask_phone
from agentdesk.server import collectors, presence
from agentdesk.server.models import (
    Account,
    AppliedMutation,
    Case,
    ContactAttempt,
    ContactPoint,
    Debtor,
    Payment,
    PromiseToPay,
    QaScore,
    Recording,
    User,
)


def _day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz).astimezone(UTC)
    return start, end


def _team_agents(session: Session, team_id: str | None) -> list[User]:
    query = select(User).where(User.role == "agent", User.active.is_(True)).order_by(User.username)
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    return list(session.scalars(query))


def _rpc() -> Any:
    return func.coalesce(func.sum(sql_case((ContactAttempt.reached == "right_party", 1), else_=0)), 0)


def team_board(session: Session, team_id: str | None, tz: ZoneInfo, now: datetime) -> contract.TeamBoard:
    """Each agent's state, queue and today's work ("today" in `tz`)."""
    start, end = _day_bounds(now.astimezone(tz).date(), tz)
    agents = _team_agents(session, team_id)
    ids = [a.id for a in agents]
    queue = {r[0]: (int(r[1]), int(r[2])) for r in session.execute(
        select(Case.assigned_agent_id, func.count(func.distinct(Case.id)),
               func.coalesce(func.sum(Account.overdue_minor), 0))
        .outerjoin(Account, Account.case_id == Case.id)
        .where(Case.assigned_agent_id.in_(ids), Case.status != "closed")
        .group_by(Case.assigned_agent_id))}
    attempts = {r[0]: (int(r[1]), int(r[2])) for r in session.execute(
        select(ContactAttempt.agent_id, func.count(ContactAttempt.id), _rpc())
        .where(ContactAttempt.agent_id.in_(ids), ContactAttempt.started_at >= start, ContactAttempt.started_at < end)
        .group_by(ContactAttempt.agent_id))}
    promises = {r[0]: (int(r[1]), int(r[2])) for r in session.execute(
        select(PromiseToPay.agent_id, func.count(PromiseToPay.id),
               func.coalesce(func.sum(PromiseToPay.amount_minor), 0))
        .where(PromiseToPay.agent_id.in_(ids), PromiseToPay.status != "replaced",
               PromiseToPay.created_at >= start, PromiseToPay.created_at < end)
        .group_by(PromiseToPay.agent_id))}
    # Payments carry no agent: money collected today counts for whoever holds the case now.
    collected = {r[0]: int(r[1]) for r in session.execute(
        select(Case.assigned_agent_id, func.coalesce(func.sum(Payment.amount_minor), 0))
        .join(Case, Case.id == Payment.case_id)
        .where(Case.assigned_agent_id.in_(ids), Payment.paid_on == now.astimezone(tz).date())
        .group_by(Case.assigned_agent_id))}
    settings = collectors.settings_of(session, ids)
    today = now.astimezone(tz).date()
    rows = []
    for a in agents:
        q, t, p = queue.get(a.id, (0, 0)), attempts.get(a.id, (0, 0)), promises.get(a.id, (0, 0))
        rows.append(contract.BoardAgent(
            id=a.id, username=a.username, display_name=a.display_name, state=presence.shown_state(a, now),
            state_since=presence.state_since(a, now), queue_size=q[0], queue_value_minor=q[1], attempts_today=t[0],
            rpc_today=t[1], promises_today=p[0], promised_minor_today=p[1],
            collected_minor_today=collected.get(a.id, 0), away_today=settings[a.id].away_on(today),
            capacity=settings[a.id].capacity))
    return contract.TeamBoard(as_of=now, agents=rows)


def _team_cases(team_id: str | None) -> Any:
    return Case.team_id == team_id if team_id is not None else Case.id.is_not(None)


# --- review ----------------------------------------------------------------------------


def flagged_attempts(session: Session, team_id: str | None, limit: int, offset: int) -> contract.FlaggedPage:
    where = (ContactAttempt.compliance_flag.is_not(None), _team_cases(team_id))
    total = session.scalar(select(func.count(ContactAttempt.id)).join(Case, Case.id == ContactAttempt.case_id)
                           .where(*where)) or 0
    rows = session.execute(
        select(ContactAttempt, User.username).join(Case, Case.id == ContactAttempt.case_id)
        .outerjoin(User, User.id == ContactAttempt.agent_id).where(*where)
        .order_by(ContactAttempt.started_at.desc(), ContactAttempt.id).limit(limit).offset(offset)).all()
    return contract.FlaggedPage(total=int(total), items=[
        contract.FlaggedAttempt(attempt_id=a.id, case_id=a.case_id, agent_id=a.agent_id, agent=name or "",
                                started_at=a.started_at, channel=a.channel, reached=a.reached, outcome=a.outcome,
                                compliance_flag=a.compliance_flag or "")
        for a, name in rows])


def rejected_mutations(session: Session, team_id: str | None, limit: int, offset: int) -> contract.RejectedPage:
    where: list[Any] = [AppliedMutation.status == "rejected"]
    if team_id is not None:
        where.append(User.team_id == team_id)
    base = (select(AppliedMutation, User.username, Case.team_id).join(User, User.id == AppliedMutation.user_id)
            .outerjoin(Case, Case.id == AppliedMutation.case_id).where(*where))
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.execute(base.order_by(AppliedMutation.received_at.desc(), AppliedMutation.id)
                           .limit(limit).offset(offset)).all()
    # A refused write may name a case of another team (that is why it was refused): the lead
    # sees that it happened, not that case's id.
    return contract.RejectedPage(total=int(total), items=[
        contract.RejectedMutation(mutation_id=m.id, user_id=m.user_id, username=name, type=m.type, reason=m.reason,
                                  case_id=m.case_id if team_id is None or case_team == team_id else None,
                                  received_at=m.received_at)
        for m, name, case_team in rows])


def numbers_to_verify(session: Session, team_id: str | None, limit: int, offset: int) -> contract.NumbersPage:
    where = (ContactPoint.status == "unverified", ContactPoint.source == "agent", _team_cases(team_id))
    total = session.scalar(select(func.count(ContactPoint.id)).join(Case, Case.id == ContactPoint.case_id)
                           .where(*where)) or 0
    rows = session.execute(
        select(ContactPoint, User.username).join(Case, Case.id == ContactPoint.case_id)
        .outerjoin(User, User.id == ContactPoint.added_by).where(*where)
        .order_by(ContactPoint.created_at.desc(), ContactPoint.id).limit(limit).offset(offset)).all()
    return contract.NumbersPage(total=int(total), items=[
        contract.NumberToVerify(
            id=p.id, case_id=p.case_id, kind=p.kind,
            value_masked=mask_phone(p.value) if p.kind == "phone" else mask_address(p.value),
            owner=p.owner, relation=p.relation, contact_name=p.contact_name, added_by=name,
            created_at=p.created_at)
        for p, name in rows])


# --- charts ----------------------------------------------------------------------------


def daily(session: Session, team_id: str | None, tz: ZoneInfo, days: int,
          now: datetime) -> list[contract.DailyRow]:
    """Promises made and money collected per local day, oldest first, every day present."""
    today = now.astimezone(tz).date()
    first = today - timedelta(days=days - 1)
    start, _ = _day_bounds(first, tz)
    per_day = {first + timedelta(days=i): [0, 0, 0] for i in range(days)}
    for created, amount in session.execute(
            select(PromiseToPay.created_at, PromiseToPay.amount_minor).join(Case, Case.id == PromiseToPay.case_id)
            .where(_team_cases(team_id), PromiseToPay.status != "replaced", PromiseToPay.created_at >= start)):
        row = per_day.get(created.astimezone(tz).date())
        if row is not None:
            row[0] += 1
            row[1] += amount
    for paid_on, amount in session.execute(
            select(Payment.paid_on, func.sum(Payment.amount_minor)).join(Case, Case.id == Payment.case_id)
            .where(_team_cases(team_id), Payment.paid_on >= first, Payment.paid_on <= today)
            .group_by(Payment.paid_on)):
        if paid_on in per_day:
            per_day[paid_on][2] += int(amount)
    return [contract.DailyRow(day=d, promises=v[0], promised_minor=v[1], collected_minor=v[2])
            for d, v in per_day.items()]


def rpc_by_hour(session: Session, team_id: str | None, days: int,
                now: datetime) -> list[contract.HourRow]:
    """Attempts and right-party contacts by the debtor's local hour: when calls get answered."""
    since = now - timedelta(days=days)
    hours = [[0, 0] for _ in range(24)]
    zones: dict[str, ZoneInfo] = {}
    rows = session.execute(
        select(ContactAttempt.started_at, ContactAttempt.reached, Debtor.time_zone)
        .join(Case, Case.id == ContactAttempt.case_id).join(Debtor, Debtor.id == Case.debtor_id)
        .where(_team_cases(team_id), ContactAttempt.started_at >= since))
    for started, reached, tz_name in rows:
        tz = zones.get(tz_name)
        if tz is None:
            try:
                tz = zones[tz_name] = ZoneInfo(tz_name)
            except (ValueError, OSError):
                tz = zones[tz_name] = ZoneInfo("Asia/Shanghai")
        h = started.astimezone(tz).hour
        hours[h][0] += 1
        hours[h][1] += reached == "right_party"
    return [contract.HourRow(hour=h, attempts=v[0], rpc=v[1]) for h, v in enumerate(hours)]


def funnel(session: Session, team_id: str | None, days: int, now: datetime) -> list[contract.FunnelRow]:
    """Per agent: attempts → right-party contacts → promises → promises kept, over `days`."""
    since = now - timedelta(days=days)
    agents = _team_agents(session, team_id)
    ids = [a.id for a in agents]
    tried = {r[0]: (int(r[1]), int(r[2])) for r in session.execute(
        select(ContactAttempt.agent_id, func.count(ContactAttempt.id), _rpc())
        .where(ContactAttempt.agent_id.in_(ids), ContactAttempt.started_at >= since)
        .group_by(ContactAttempt.agent_id))}
    kept = func.coalesce(func.sum(sql_case((PromiseToPay.status == "kept", 1), else_=0)), 0)
    promised = {r[0]: (int(r[1]), int(r[2])) for r in session.execute(
        select(PromiseToPay.agent_id, func.count(PromiseToPay.id), kept)
        .where(PromiseToPay.agent_id.in_(ids), PromiseToPay.status != "replaced", PromiseToPay.created_at >= since)
        .group_by(PromiseToPay.agent_id))}
    return [contract.FunnelRow(agent_id=a.id, username=a.username, attempts=tried.get(a.id, (0, 0))[0],
                               contacts=tried.get(a.id, (0, 0))[1], promises=promised.get(a.id, (0, 0))[0],
                               kept=promised.get(a.id, (0, 0))[1]) for a in agents]


def talk_tracks(session: Session, team_id: str | None, days: int,
                now: datetime) -> list[contract.TalkTrackRow]:
    """Outcome counts per talk track and version, so a lead sees which script works."""
    since = now - timedelta(days=days)
    promises = func.coalesce(func.sum(sql_case((ContactAttempt.outcome == "promise_to_pay", 1), else_=0)), 0)
    rows = session.execute(
        select(ContactAttempt.talk_track_id, ContactAttempt.talk_track_version, func.count(ContactAttempt.id),
               _rpc(), promises)
        .join(Case, Case.id == ContactAttempt.case_id)
        .where(_team_cases(team_id), ContactAttempt.talk_track_id.is_not(None), ContactAttempt.started_at >= since)
        .group_by(ContactAttempt.talk_track_id, ContactAttempt.talk_track_version)
        .order_by(ContactAttempt.talk_track_id, ContactAttempt.talk_track_version)).all()
    return [contract.TalkTrackRow(talk_track_id=r[0], version=r[1], attempts=int(r[2]), rpc=int(r[3]),
                                  promises=int(r[4])) for r in rows]


def qa_scores(session: Session, team_id: str | None, days: int, now: datetime) -> contract.QaReport:
    """Average QA score per agent and per talk track, over the team's calls of the last
    `days` that a lead has scored: which agent needs coaching, which script leads to
    clean calls."""
    since = now - timedelta(days=days)
    scored = (select(QaScore.score, ContactAttempt.agent_id, ContactAttempt.talk_track_id,
                     ContactAttempt.talk_track_version)
              .join(Recording, Recording.id == QaScore.recording_id)
              .join(ContactAttempt, ContactAttempt.id == Recording.attempt_id)
              .join(Case, Case.id == ContactAttempt.case_id)
              .where(_team_cases(team_id), ContactAttempt.started_at >= since)).subquery()
    per_agent = {r[0]: (int(r[1]), float(r[2])) for r in session.execute(
        select(scored.c.agent_id, func.count(), func.avg(scored.c.score)).group_by(scored.c.agent_id))}
    agents = _team_agents(session, team_id)
    by_agent = [contract.QaAgentRow(agent_id=a.id, username=a.username, scored=per_agent.get(a.id, (0, 0.0))[0],
                                    average=round(per_agent[a.id][1], 1) if a.id in per_agent else None)
                for a in agents]
    by_track = [contract.QaTrackRow(talk_track_id=r[0], version=r[1], scored=int(r[2]), average=round(float(r[3]), 1))
                for r in session.execute(
                    select(scored.c.talk_track_id, scored.c.talk_track_version, func.count(), func.avg(scored.c.score))
                    .group_by(scored.c.talk_track_id, scored.c.talk_track_version)
                    .order_by(scored.c.talk_track_id, scored.c.talk_track_version))]
    return contract.QaReport(by_agent=by_agent, by_track=by_track)


def recordings_page(session: Session, user: User, team_id: str | None, f: RecordingFilter,
                    limit: int, offset: int) -> contract.RecordingPage:
    """Archived recordings a lead (their team), an admin (all or one team) or an agent (their
    own calls) may hear, newest call first, with each call's outcome and QA score."""
    agent = aliased(User)
    # When the call was: the recording's own start (the answer), else its attempt's.
    call_at = func.coalesce(Recording.started_at, ContactAttempt.started_at)
    where: list[Any] = [Recording.state == "archived"]
    if user.role == "agent":
        where.append(ContactAttempt.agent_id == user.id)
    elif team_id is not None:
        where.append(Case.team_id == team_id)
    if f.agent:
        where.append(agent.username == f.agent)
    if f.since is not None:
        where.append(call_at >= f.since)
    if f.until is not None:
        where.append(call_at < f.until)
    if f.outcome:
        where.append(ContactAttempt.outcome == f.outcome)
    if f.flagged is not None:
        where.append(ContactAttempt.compliance_flag.is_not(None) if f.flagged
                     else ContactAttempt.compliance_flag.is_(None))
    if f.min_seconds is not None:
        where.append(Recording.duration_ms >= f.min_seconds * 1000)
    if f.max_seconds is not None:
        where.append(Recording.duration_ms <= f.max_seconds * 1000)
    if f.scored is not None:
        where.append(QaScore.recording_id.is_not(None) if f.scored else QaScore.recording_id.is_(None))
    base = (select(Recording, ContactAttempt, agent.username, QaScore.score, QaScore.scored_at)
            .join(ContactAttempt, ContactAttempt.id == Recording.attempt_id)
            .join(Case, Case.id == ContactAttempt.case_id)
            .outerjoin(agent, agent.id == ContactAttempt.agent_id)
            .outerjoin(QaScore, QaScore.recording_id == Recording.id)
            .where(*where))
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.execute(base.order_by(call_at.desc(), Recording.id).limit(limit).offset(offset))
    return contract.RecordingPage(total=int(total), items=[
        contract.RecordingItem(
            id=rec.id, attempt_id=att.id, case_id=att.case_id, agent=name, started_at=rec.started_at or att.started_at,
            duration_ms=rec.duration_ms, size=rec.size, media_type=rec.media_type, sha256=rec.sha256,
            source=rec.source, reached=att.reached, outcome=att.outcome, compliance_flag=att.compliance_flag,
            talk_track_id=att.talk_track_id, score=score, scored_at=scored_at)
        for rec, att, name, score, scored_at in rows])


@dataclass(frozen=True)
class RecordingFilter:
    """The lead's narrowing of the recordings list; None means any."""

    agent: str | None = None  # username
    since: datetime | None = None
    until: datetime | None = None
    outcome: str | None = None
    flagged: bool | None = None
    min_seconds: int | None = None
    max_seconds: int | None = None
    scored: bool | None = None
