"""The champion/challenger comparison a lead reads: each arm's month, summed from the database.

The arms are the cases recorded in `case_arms` for the challenger (agentdesk.server.
segmentation), limited to the lead's team. The period is the same for both arms: from
the challenger's start (or `days` ago, whichever is later) until it ended (or now). Over
that period, per case: calls and their time, right-party contacts, promises made (calls
whose outcome was a promise, as the talk-track chart counts them), promises settled and
kept, money paid, and flags (an attempt the guard flagged, a note kept over the conduct
check, a debtor's request to stop). The domain (agentdesk.domain.arms) turns the sums
into rates, intervals and the verdict.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain.arms import ArmOutcomes, CaseOutcome, compare_arms
from agentdesk.domain.strategy_book import Challenger, StrategyBook
from agentdesk.server.errors import ApiError
from agentdesk.server.models import Case, ContactAttempt, Payment, PromiseToPay
from agentdesk.server.strategy_models import CaseArm

CHUNK = 5000


def find_challenger(book: StrategyBook, segment: str, challenger_id: str | None) -> tuple[Challenger, bool,
                                                                                          datetime | None]:
    """(challenger, still running, ended at) of `segment`: the running one, or one from its history."""
    seg = next((s for s in book.segments if s.key == segment), None)
    if seg is None:
        raise ApiError(404, "segment_not_found", f"There is no segment '{segment}' in the strategy in force.")
    if seg.challenger is not None and challenger_id in (None, seg.challenger.id):
        return seg.challenger, True, None
    for record in reversed(seg.history):
        if challenger_id in (None, record.challenger.id):
            return record.challenger, False, record.ended_at
    raise ApiError(404, "challenger_not_found", f"Segment '{segment}' has no challenger "
                   f"{repr(challenger_id) if challenger_id else 'running or in its history'}.")


def arms_report(session: Session, book: StrategyBook, segment: str, challenger_id: str | None,
                team_id: str | None, days: int, now: datetime) -> contract.ArmsReport:
    challenger, running, ended = find_challenger(book, segment, challenger_id)
    until = ended or now
    since = max(challenger.started_at or until, until - timedelta(days=days))
    query = select(CaseArm.case_id, CaseArm.arm).where(CaseArm.challenger_id == challenger.id)
    if team_id is not None:
        query = query.join(Case, Case.id == CaseArm.case_id).where(Case.team_id == team_id)
    arm_of = dict(session.execute(query).all())
    per_case: dict[str, dict[str, float]] = {cid: defaultdict(float) for cid in arm_of}
    tracks: dict[str, dict[str, int]] = {"champion": defaultdict(int), "challenger": defaultdict(int)}
    ids = list(arm_of)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for case_id, channel, started, ended_at, reached, outcome, flag, override, track, version in session.execute(
                select(ContactAttempt.case_id, ContactAttempt.channel, ContactAttempt.started_at,
                       ContactAttempt.ended_at, ContactAttempt.reached, ContactAttempt.outcome,
                       ContactAttempt.compliance_flag, ContactAttempt.conduct_override, ContactAttempt.talk_track_id,
                       ContactAttempt.talk_track_version)
                .where(ContactAttempt.case_id.in_(chunk), ContactAttempt.started_at >= since,
                       ContactAttempt.started_at < until)):
            row = per_case[case_id]
            if flag or override or outcome == "cease_contact":
                row["flags"] += 1
            if channel != "call":
                continue
            row["calls"] += 1
            if ended_at is not None:
                row["seconds"] += max(0.0, (ended_at - started).total_seconds())
            if reached == "right_party":
                row["rpc"] += 1
            if outcome == "promise_to_pay":
                row["promises"] += 1
            if track:
                tracks[arm_of[case_id]][f"{track} v{version}" if version else track] += 1
        for case_id, status in session.execute(
                select(PromiseToPay.case_id, PromiseToPay.status)
                .where(PromiseToPay.case_id.in_(chunk), PromiseToPay.created_at >= since,
                       PromiseToPay.created_at < until, PromiseToPay.status.in_(("kept", "broken")))):
            per_case[case_id]["settled"] += 1
            per_case[case_id]["kept"] += status == "kept"
        for case_id, amount in session.execute(
                select(Payment.case_id, Payment.amount_minor)
                .where(Payment.case_id.in_(chunk), Payment.paid_on >= since.date(), Payment.paid_on <= until.date())):
            per_case[case_id]["paid"] += amount
    arms: dict[str, list[CaseOutcome]] = {"champion": [], "challenger": []}
    for case_id, r in per_case.items():
        arms[arm_of[case_id]].append(CaseOutcome(
            calls=int(r["calls"]), rpc=int(r["rpc"]), promises=int(r["promises"]), settled=int(r["settled"]),
            kept=int(r["kept"]), paid_minor=int(r["paid"]), call_seconds=r["seconds"], flags=int(r["flags"])))
    result = compare_arms(ArmOutcomes.from_cases(arms["champion"]), ArmOutcomes.from_cases(arms["challenger"]),
                          challenger.primary_metric, challenger.share)
    metrics = [contract.ArmMetric(key=m.key, champion=m.champion, challenger=m.challenger, difference=m.difference,
                                  low=_finite(m.low), high=_finite(m.high), finding=m.finding,
                                  champion_n=m.champion_n, challenger_n=m.challenger_n)
               for m in result.metrics.values()]
    return contract.ArmsReport(
        segment=segment, challenger_id=challenger.id, challenger_name=challenger.name, running=running,
        share=challenger.share, started_at=challenger.started_at, since=since, until=until,
        champion_cases=result.champion_cases, challenger_cases=result.challenger_cases, primary=result.primary,
        verdict=result.verdict, verdict_en=result.text("en"), verdict_zh=result.text("zh"),
        more_cases=result.more_cases, metrics=metrics,
        tracks={arm: dict(sorted(counts.items())) for arm, counts in tracks.items()})


def _finite(value: float) -> float | None:
    return value if value not in (float("inf"), float("-inf")) else None
