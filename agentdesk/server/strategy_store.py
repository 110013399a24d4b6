"""The strategy book in force and its versions: read, validate, save, promote, stop.

Every save is a new row of `strategy_books` (the highest version is in force), validated
by the domain's `parse_book` against the compliance preset in force and the talk tracks
this server ships, audited with what changed, and followed by a re-segmentation of the
open cases when the segments' rules changed (agentdesk.server.segmentation) and a poke to
every desk, whose sync engine then fetches the rules (GET /v1/rules carries the book).

A server that has never saved a book runs the documented default: one segment for every
case, whose weights are the single queue strategy it had before segments existed (the
`priority_strategy` setting of PUT /v1/strategy), at that strategy's version.

Challengers are stamped here, not by the client: a challenger id the current book does not
run starts now; a running one keeps its start, its share and its seed (changing those would
move cases between arms; the lead stops it and starts a new one). A challenger that
disappears from a save is recorded as stopped, so its history is never lost.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.domain import talktracks
from agentdesk.domain.strategy_book import (
    BookError,
    Challenger,
    ChallengerRecord,
    Segment,
    SegmentStrategy,
    StrategyBook,
    default_book,
    parse_book,
)
from agentdesk.server.access import audit
from agentdesk.server.errors import ApiError
from agentdesk.server.models import ServerSetting, User
from agentdesk.server.policy import policy_in_force
from agentdesk.server.strategy_models import StrategyBookRow

LEGACY_STRATEGY_KEY = "priority_strategy"


@lru_cache(maxsize=1)
def known_tracks() -> dict[str, bool]:
    """Every shipped talk track: id -> whether it is a third-party track."""
    return {t.id: t.third_party for t in talktracks.load_tracks()}


def _legacy_book(session: Session) -> StrategyBook:
    row = session.get(ServerSetting, LEGACY_STRATEGY_KEY)
    if row is None:
        return default_book()
    info = contract.StrategyInfo.model_validate_json(row.value)
    return default_book(info.weights, info.version, info.name).model_copy(
        update={"changed_at": info.changed_at, "changed_by": info.changed_by})


def current_book(session: Session, *, lock: bool = False) -> StrategyBook:
    """The book in force (the highest version), or the documented default."""
    top = session.scalar(select(func.max(StrategyBookRow.version)))
    if top is None:
        if lock:
            session.get(ServerSetting, LEGACY_STRATEGY_KEY, with_for_update=True)
        return _legacy_book(session)
    query = select(StrategyBookRow).where(StrategyBookRow.version == top)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).one()
    return StrategyBook.model_validate_json(row.body)


def book_version(session: Session, version: int) -> StrategyBook | None:
    row = session.get(StrategyBookRow, version)
    if row is not None:
        return StrategyBook.model_validate_json(row.body)
    legacy = _legacy_book(session)
    return legacy if legacy.version == version else None


def versions(session: Session) -> list[contract.BookVersion]:
    rows = session.execute(select(StrategyBookRow.version, StrategyBookRow.created_at, StrategyBookRow.body)
                           .order_by(StrategyBookRow.version.desc()).limit(200)).all()
    out = []
    for version, created_at, body in rows:
        data = json.loads(body)
        out.append(contract.BookVersion(version=version, saved_at=created_at, saved_by=data.get("changed_by"),
                                        note=data.get("note", ""), segments=len(data.get("segments", []))))
    if not out:
        legacy = _legacy_book(session)
        out.append(contract.BookVersion(version=legacy.version, saved_at=legacy.changed_at,
                                        saved_by=legacy.changed_by, note="", segments=len(legacy.segments)))
    return out


def validate(data: dict[str, Any] | StrategyBook) -> StrategyBook:
    """The book checked against the preset in force and the shipped tracks; 422 naming the field."""
    try:
        return parse_book(data, policy_in_force(), known_tracks())
    except BookError as exc:
        raise ApiError(422, "bad_book", f"{exc} Correct it and save again.") from exc


def _stamp_challengers(new: StrategyBook, current: StrategyBook, user: User, now: datetime) -> StrategyBook:
    running = {s.challenger.id: (s.key, s.challenger) for s in current.segments if s.challenger is not None}
    segments: list[Segment] = []
    for seg in new.segments:
        previous = next((s for s in current.segments if s.key == seg.key), None)
        # The server's history is the record: a save can neither drop nor invent it.
        history = list(previous.history) if previous is not None else []
        challenger = seg.challenger
        if challenger is not None:
            before = running.get(challenger.id)
            if before is not None:
                old = before[1]
                if before[0] != seg.key or old.share != challenger.share or old.seed != challenger.seed:
                    raise ApiError(422, "challenger_changed",
                                   f"Challenger '{challenger.id}' is running: its segment, share and seed cannot "
                                   "change (cases would move between arms). Stop it and start a new challenger.")
                challenger = challenger.model_copy(update={"started_at": old.started_at})
            else:
                challenger = challenger.model_copy(update={"started_at": now})
        if previous is not None and previous.challenger is not None and (
                challenger is None or challenger.id != previous.challenger.id):
            history.append(ChallengerRecord(challenger=previous.challenger, ended_at=now, outcome="stopped",
                                            ended_by=user.username))
        segments.append(seg.model_copy(update={"challenger": challenger, "history": history}))
    # A running challenger whose whole segment was removed goes with the segment; the audit
    # names the removed segment, and its cases keep their recorded arms (case_arms).
    return new.model_copy(update={"segments": segments})


def save(session: Session, user: User, data: dict[str, Any] | StrategyBook, expected_version: int | None,
         now: datetime, *, action: str = "strategy.book", **audit_detail: Any) -> tuple[StrategyBook, StrategyBook]:
    """Validate and store a new version; returns (previous, saved). 409 when someone saved first."""
    current = current_book(session, lock=True)
    if expected_version is not None and expected_version != current.version:
        raise ApiError(409, "strategy_changed",
                       f"Someone saved the strategy meanwhile (now version {current.version}, you started from "
                       f"{expected_version}); reload it and apply your change again.")
    book = validate(data)
    book = _stamp_challengers(book, current, user, now)
    book = validate(book.model_copy(update={"version": current.version + 1, "changed_at": now,
                                            "changed_by": user.username}))
    session.add(StrategyBookRow(version=book.version, body=book.model_dump_json(), created_at=now,
                                created_by=user.id))
    audit(session, user, action, "strategy", str(book.version), previous_version=current.version,
          **{**describe_change(current, book), **audit_detail})
    return current, book


def describe_change(old: StrategyBook, new: StrategyBook) -> dict[str, Any]:
    """What the audit keeps of a change: segments added, removed, and changed by part."""
    before = {s.key: s for s in old.segments}
    after = {s.key: s for s in new.segments}
    changed: dict[str, list[str]] = {}
    for key, seg in after.items():
        prev = before.get(key)
        if prev is None:
            continue
        parts = [part for part in ("rule", "strategy", "challenger", "name_zh", "name_en")
                 if getattr(prev, part) != getattr(seg, part)]
        if parts:
            changed[key] = parts
    return {
        "added": [k for k in after if k not in before],
        "removed": [k for k in before if k not in after],
        "changed": changed,
        "order_changed": [s.key for s in old.segments if s.key in after] != [s.key for s in new.segments
                                                                             if s.key in before],
        "name": new.name,
    }


def rules_changed_segments(old: StrategyBook, new: StrategyBook) -> bool:
    """Whether cases may land elsewhere: the rules, their order, or a challenger changed."""
    def shape(book: StrategyBook) -> list[tuple[Any, ...]]:
        return [(s.key, s.rule, s.challenger.id if s.challenger else None, s.name_zh, s.name_en)
                for s in book.segments]
    return shape(old) != shape(new)


def promote_or_stop(session: Session, user: User, segment_key: str, challenger_id: str, outcome: str,
                    expected_version: int | None, now: datetime) -> tuple[StrategyBook, StrategyBook]:
    """Promote (the challenger's variant becomes the segment's strategy) or stop it; both keep
    the challenger in the segment's history."""
    current = current_book(session, lock=True)
    seg = next((s for s in current.segments if s.key == segment_key), None)
    if seg is None or seg.challenger is None or seg.challenger.id != challenger_id:
        raise ApiError(404, "challenger_not_found",
                       f"Segment '{segment_key}' runs no challenger '{challenger_id}'; reload the strategy.")
    ch: Challenger = seg.challenger
    strategy = seg.strategy
    if outcome == "promoted":
        strategy = SegmentStrategy(
            weights={**strategy.weights, **(ch.weights or {})},
            talk_tracks={**strategy.talk_tracks, **(ch.talk_tracks or {})},
            cadence=ch.cadence or strategy.cadence, profile=strategy.profile)
    record = ChallengerRecord(challenger=ch, ended_at=now, outcome=outcome, ended_by=user.username)  # type: ignore[arg-type]
    segments = [s.model_copy(update={"strategy": strategy, "challenger": None, "history": [*s.history, record]})
                if s.key == segment_key else s for s in current.segments]
    proposal = current.model_copy(update={"segments": segments,
                                          "note": f"{outcome} challenger {challenger_id} in {segment_key}"})
    # Stamping would record the removed challenger as "stopped" a second time: write directly.
    if expected_version is not None and expected_version != current.version:
        raise ApiError(409, "strategy_changed",
                       f"Someone saved the strategy meanwhile (now version {current.version}); reload it.")
    book = validate(proposal.model_copy(update={"version": current.version + 1, "changed_at": now,
                                                "changed_by": user.username}))
    session.add(StrategyBookRow(version=book.version, body=book.model_dump_json(), created_at=now,
                                created_by=user.id))
    audit(session, user, f"strategy.challenger.{'promote' if outcome == 'promoted' else 'stop'}", "strategy",
          str(book.version), segment=segment_key, challenger=challenger_id)
    return current, book
