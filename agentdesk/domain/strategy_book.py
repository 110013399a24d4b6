"""The strategy book: ordered segments, each with its strategy and perhaps a challenger.

What the server keeps in versions and every desk applies. A segment's strategy holds the
queue's priority weights (agentdesk.domain.strategy: the documented defaults are the
"all cases" segment of the default book), the talk tracks to use by situation, the contact
cadence (agentdesk.domain.cadence) and the collector profile it wants
(agentdesk.domain.collectors). A challenger is a named variant of that strategy (other
weights, other talk tracks, another cadence) given to a random, seeded, stable share of
the segment's cases: `arm_of` hashes the challenger's id and seed with the case id, so the
same case always gets the same arm, on every server process, and the arm is recorded on
the case when it is first placed (the server's `case_arms`). A challenger's share and
seed cannot change while it runs (that would move cases between arms); a lead stops it
and starts another. Promoted or stopped challengers stay in the segment's history.

`parse_book` validates a book from JSON-like data and raises `BookError` naming the
field (`segments[2].strategy.weights.reach`) so a form can put the cursor there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agentdesk.domain.cadence import Cadence, CadenceProblem, check_against_policy
from agentdesk.domain.collectors import CollectorProfile
from agentdesk.domain.policy import ContactPolicy
from agentdesk.domain.segments import CaseProfile, SegmentMatch, SegmentRule, match_segment
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, Strategy, StrategyError

__all__ = [
    "ARMS",
    "METRICS",
    "BookError",
    "Challenger",
    "ChallengerRecord",
    "Segment",
    "SegmentStrategy",
    "StrategyBook",
    "arm_of",
    "default_book",
    "parse_book",
]

ARMS = ("champion", "challenger")
# The measures an arm comparison reports; a challenger names the one its verdict rests on.
METRICS = ("recovered_per_case", "rpc_rate", "promise_rate", "kept_rate", "recovered_per_call_hour",
           "flags_per_1000_calls")
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Title = Annotated[str, Field(min_length=1, max_length=40)]
TrackId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Weights = Annotated[dict[Annotated[str, Field(max_length=64)], float], Field(max_length=64)]
TrackChoices = Annotated[dict[TrackId, TrackId], Field(max_length=20)]


class BookError(ValueError):
    """A strategy book that cannot be used. `field` is the path of the offending value
    (e.g. "segments[1].rule.max_dpd"), `code` a stable word the desktop words in its own
    language, `params` the values that word needs."""

    def __init__(self, code: str, field: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code, self.field, self.params = code, field, params


class SegmentStrategy(BaseModel):
    """How a segment's cases are worked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Only the weights this segment sets; the rest come from the last segment's (the base),
    # and from the documented defaults.
    weights: Weights = {}
    # The talk track the fixed rule would pick (its id) -> the one this strategy uses instead.
    talk_tracks: TrackChoices = {}
    cadence: Cadence = Cadence()
    profile: CollectorProfile = CollectorProfile()


class Challenger(BaseModel):
    """A running variant of a segment's strategy; fields left None are the champion's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Key
    name: Title
    share: Annotated[float, Field(gt=0.0, le=0.5)] = 0.1
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] = 1
    weights: Weights | None = None  # overrides over the champion's weights
    talk_tracks: TrackChoices | None = None
    cadence: Cadence | None = None
    primary_metric: Literal["recovered_per_case", "rpc_rate", "promise_rate", "kept_rate",
                            "recovered_per_call_hour"] = "recovered_per_case"
    started_at: datetime | None = None  # set by the server when the challenger first runs


class ChallengerRecord(BaseModel):
    """A challenger that ran: kept so the history of what was tried, and decided, stays."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    challenger: Challenger
    ended_at: datetime
    outcome: Literal["promoted", "stopped"]
    ended_by: Annotated[str, Field(max_length=64)] = ""


class Segment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: Key
    name_zh: Title
    name_en: Title
    rule: SegmentRule = SegmentRule()
    strategy: SegmentStrategy = SegmentStrategy()
    challenger: Challenger | None = None
    history: Annotated[list[ChallengerRecord], Field(max_length=200)] = []

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


class StrategyBook(BaseModel):
    """Every segment, in the order they are tried; the last one takes every case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Annotated[int, Field(ge=1)] = 1
    # The name leads give the whole (what `PUT /v1/strategy` calls the strategy's name).
    name: Annotated[str, Field(min_length=1, max_length=64)] = "default"
    segments: Annotated[list[Segment], Field(min_length=1, max_length=50)]
    changed_at: datetime | None = None
    changed_by: Annotated[str, Field(max_length=64)] | None = None
    note: Annotated[str, Field(max_length=500)] = ""

    def segment(self, key: str | None) -> Segment:
        """The segment `key`; an unknown or missing key (a case placed by an older book) gets
        the last segment, the one that takes every case."""
        for seg in self.segments:
            if seg.key == key:
                return seg
        return self.segments[-1]

    def place(self, profile: CaseProfile) -> SegmentMatch:
        return match_segment(self.segments, profile)

    def names(self, lang: str) -> dict[str, str]:
        return {s.key: s.name(lang) for s in self.segments}

    def base_weights(self) -> dict[str, float]:
        """The weights every segment starts from: those of the last segment, the one that takes
        every case (today's single strategy); a segment's own weights override them."""
        return dict(self.segments[-1].strategy.weights)

    def strategy_for(self, key: str | None, arm: str | None = None) -> Strategy:
        """The queue weights of a case in segment `key` and arm `arm` (champion by default):
        the documented defaults, overridden by the base weights, the segment's, the arm's."""
        seg = self.segment(key)
        weights = {**self.base_weights(), **seg.strategy.weights}
        name = seg.key
        if arm == "challenger" and seg.challenger is not None:
            weights.update(seg.challenger.weights or {})
            name = f"{seg.key}:{seg.challenger.id}"
        return Strategy(name, weights, self.version)

    def cadence_for(self, key: str | None, arm: str | None = None) -> Cadence:
        seg = self.segment(key)
        if arm == "challenger" and seg.challenger is not None and seg.challenger.cadence is not None:
            return seg.challenger.cadence
        return seg.strategy.cadence

    def tracks_for(self, key: str | None, arm: str | None = None) -> dict[str, str]:
        seg = self.segment(key)
        tracks = dict(seg.strategy.talk_tracks)
        if arm == "challenger" and seg.challenger is not None and seg.challenger.talk_tracks is not None:
            tracks.update(seg.challenger.talk_tracks)
        return tracks


def arm_of(challenger: Challenger, case_id: str) -> str:
    """"challenger" for a seeded, stable share of cases, else "champion".

    A hash, not a random draw: any process gives any case the same arm, and the share of a
    large set is binomial with p = `share` (tests hold it within its bounds).
    """
    digest = hashlib.sha256(f"{challenger.id}:{challenger.seed}:{case_id}".encode()).digest()
    draw = int.from_bytes(digest[:8], "big") / 2.0**64
    return "challenger" if draw < challenger.share else "champion"


_LOC_INDEX = re.compile(r"\.(\d+)(?=\.|$)")


def _path(loc: Iterable[Any]) -> str:
    text = ".".join(str(p) for p in loc if p not in ("function-after",) and not str(p).startswith("function-"))
    return _LOC_INDEX.sub(lambda m: f"[{m.group(1)}]", text)


def validation_field(exc: ValidationError) -> tuple[str, str]:
    """(path of the first bad field, its message) from pydantic's error; a model check that
    names its field ("max_dpd: must not be below min_dpd") adds that field to the path."""
    first = exc.errors()[0]
    field = _path(first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    named = re.match(r"^([a-z_]+): (.*)$", message, re.S)
    if named:
        field = f"{field}.{named.group(1)}" if field else named.group(1)
        message = named.group(2)
    return field, message


def parse_book(data: dict[str, Any] | StrategyBook, policy: ContactPolicy | None = None,
               known_tracks: dict[str, bool] | None = None) -> StrategyBook:
    """A validated book, or BookError naming the first bad field.

    Besides the shape: segment keys and challenger ids are unique, only the last segment
    takes every case (and it must), every weight is inside its documented bounds, the
    cadences stay inside `policy`'s limits, and talk tracks exist (`known_tracks`: id ->
    whether it is a third-party track) with a third-party situation only ever given a
    third-party track, so a rule mistake can never read the debt to the wrong person.
    """
    if isinstance(data, StrategyBook):
        book = data
    else:
        try:
            book = StrategyBook.model_validate(data)
        except ValidationError as exc:
            field, message = validation_field(exc)
            raise BookError("invalid", field, f"{field}: {message}", detail=message) from None
    seen: dict[str, int] = {}
    challengers: dict[str, str] = {}
    last = len(book.segments) - 1
    for i, seg in enumerate(book.segments):
        where = f"segments[{i}]"
        if seg.key in seen:
            raise BookError("duplicate_key", f"{where}.key",
                            f"{where}.key: '{seg.key}' is already the key of segment {seen[seg.key] + 1}; "
                            "give each segment its own key.", key=seg.key)
        seen[seg.key] = i
        if seg.rule.is_catch_all() and i != last:
            raise BookError("unreachable", f"{where}.rule",
                            f"{where}.rule: segment '{seg.key}' has no condition and takes every case, so the "
                            "segments after it would never be used; give it a condition or move it last.",
                            key=seg.key)
        if i == last and not seg.rule.is_catch_all():
            raise BookError("no_catch_all", f"{where}.rule",
                            f"{where}.rule: the last segment must take every case (no conditions), so no case is "
                            "left without a segment; clear its conditions or add a last 'all other cases' segment.",
                            key=seg.key)
        _check_weights(seg.strategy.weights, f"{where}.strategy.weights", seg.key)
        variants: list[tuple[str, Challenger]] = [
            (f"{where}.history[{j}].challenger", r.challenger) for j, r in enumerate(seg.history)]
        if seg.challenger is not None:
            variants.append((f"{where}.challenger", seg.challenger))
        for at, ch in variants:
            if ch.id in challengers and challengers[ch.id] != at:
                raise BookError("duplicate_challenger", f"{at}.id",
                                f"{at}.id: challenger id '{ch.id}' was used before; a new challenger needs a "
                                "new id, so its cases and results are never mixed with an earlier one's.", id=ch.id)
            challengers[ch.id] = at
        if seg.challenger is not None:
            merged = {**seg.strategy.weights, **(seg.challenger.weights or {})}
            _check_weights(merged, f"{where}.challenger.weights", f"{seg.key}:{seg.challenger.id}")
        for at, cadence in ((f"{where}.strategy.cadence", seg.strategy.cadence),
                            (f"{where}.challenger.cadence", seg.challenger.cadence if seg.challenger else None)):
            if cadence is not None and policy is not None:
                try:
                    check_against_policy(cadence, policy)
                except CadenceProblem as exc:
                    raise BookError("cadence_over_policy", f"{at}.{exc.field}", f"{at}.{exc}",
                                    limit=exc.limit, asked=exc.asked, policy=policy.name) from None
        if known_tracks is not None:
            for at, choices in ((f"{where}.strategy.talk_tracks", seg.strategy.talk_tracks),
                                (f"{where}.challenger.talk_tracks",
                                 (seg.challenger.talk_tracks or {}) if seg.challenger else {})):
                _check_tracks(choices, known_tracks, at)
    return book


def _check_weights(weights: dict[str, float], field: str, name: str) -> None:
    try:
        Strategy(name[:64], dict(weights)).resolved()
    except StrategyError as exc:
        where = f"{field}.{exc.weight}" if exc.weight else field
        raise BookError("bad_weight", where, f"{where}: {exc}", weight=exc.weight) from None


def _check_tracks(choices: dict[str, str], known: dict[str, bool], field: str) -> None:
    for situation, track in choices.items():
        for what, value in (("situation", situation), ("track", track)):
            if value not in known:
                raise BookError("unknown_track", f"{field}.{situation}",
                                f"{field}.{situation}: there is no talk track '{value}' ({what}); "
                                f"known: {', '.join(sorted(known))}.", track=value)
        if known[situation] != known[track]:
            raise BookError("third_party_track", f"{field}.{situation}",
                            f"{field}.{situation}: '{track}' cannot replace '{situation}': a third-party situation "
                            "takes only a third-party track, and a debtor situation only a debtor track.",
                            track=track)


def default_book(weights: dict[str, float] | None = None, version: int = 1, name: str = "default") -> StrategyBook:
    """The documented default: one segment for every case, with the default weights (or the
    weights of the single strategy a server had before segments existed)."""
    chosen = {k: v for k, v in (weights or {}).items() if DEFAULT_WEIGHTS.get(k) != v}
    return StrategyBook(version=version, name=name, segments=[
        Segment(key="all", name_zh="全部案件", name_en="All cases", strategy=SegmentStrategy(weights=chosen)),
    ])
