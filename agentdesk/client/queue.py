"""The agent's prioritized queue, built from the local store for "now".

Filtering and search happen on the store's columns; ranking and the reasons come from
`agentdesk.domain.priority`, the compliance window from `agentdesk.domain.compliance`,
the same code the server uses.
"""

from __future__ import annotations

import gc
import logging
import operator
import threading
from array import array
from collections import namedtuple
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import islice
from typing import Any, overload
from zoneinfo import ZoneInfo

import orjson

from agentdesk import __version__
from agentdesk.client import caseview, memory
from agentdesk.client.store import CaseColumns, LocalStore, Reading, overlay
from agentdesk.client.team_columns import Category
from agentdesk.client.views import PriorityReason, QueueRow
from agentdesk.domain import compliance, priority
from agentdesk.domain import ranking as ranking_mod
from agentdesk.domain.cadence import Cadence, next_call_at
from agentdesk.domain.money import Money
from agentdesk.domain.queue_columns import matched_field
from agentdesk.domain.strategy_book import StrategyBook, default_book

log = logging.getLogger(__name__)

FILTERS = ("all", "callbacks", "promises", "M1", "M2", "M3", "M4+")


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _keep(row: Any, filter: str, needle: str, now: datetime) -> bool:
    return _keep_values(row.status, row.search_text, row.callback_due_at, row.promise_status, row.bucket,
                        filter, needle, now)


def _keep_values(status: str, search_text: str, callback_due_at: str | None, promise_status: str | None,
                 bucket: str, filter: str, needle: str, now: datetime) -> bool:
    """`_keep` of a summary row given as its values (`_kept_places` reads them as columns)."""
    if status == "closed":
        return False
    if needle and needle not in search_text:
        return False
    if filter == "callbacks":
        due = _dt(callback_due_at)
        return due is not None and due <= now.replace(hour=23, minute=59)
    if filter == "promises":
        return promise_status in ("pending", "broken")
    if filter in ("M1", "M2", "M3", "M4+"):
        return bucket == filter
    return True


def _kept_places(columns: Mapping[str, Sequence[Any]], places: Sequence[int], filter: str, needle: str,
                 now: datetime) -> list[int]:
    """The places (the objects of `places`) of the cases `_keep` keeps, from the summary's
    columns (`Reading.case_columns`)."""
    status = columns["status"]
    if filter == "all" and not needle:  # the lead's and the desk's usual queue: a C-speed pass
        return [p for p, value in zip(places, status, strict=True) if value != "closed"]
    return [p for p, value, text, callback, promise, bucket in zip(
                places, status, columns["search_text"], columns["callback_due_at"], columns["promise_status"],
                columns["bucket"], strict=True)
            if _keep_values(value, text, callback, promise, bucket, filter, needle, now)]


# The code that derives a case's kept facts (`_case_facts`, caseview's readers, the
# overlay of unsent writes, `compliance.lasting_contacts`): a kept row made by other code is
# derived again. Raise FACTS_VERSION when any of them changes what it gives; a new release
# re-derives anyway.
FACTS_VERSION = 3  # 2: lasting_contacts keeps no emergency talks for a debtor's attempt; 3: `since`
FACTS_TAG = f"{FACTS_VERSION}/{__version__}"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_HORIZON_US = compliance.COUNT_HORIZON // _US
# A contact's instant: microseconds since the epoch and the UTC offset it was written with
# (seconds), so it is rebuilt as the document gave it.
Instant = tuple[int, int]
# The past contacts of a case, kept as columns (one tuple per field of `PastContact`, the
# instant as two: microseconds, offset): a start reads them without making an object per
# contact, and makes `PastContact`s only of the few the guard needs.
Contacts = tuple[tuple[Any, ...], ...]
_PAST_FIELDS = ("contact_point_id", "reached", "contact_owner", "channel", "number", "same_person")


@dataclass(frozen=True)
class _CaseFacts:
    """What a case contributes to the queue that does not depend on the clock.

    Parsing the document and walking its history is the expensive part of a queue refresh;
    it changes only when the case's change number or its local writes change (or those of
    the cases sharing the person or a number). Kept in memory and in the local store
    (`encode`/`decode`): a start reads these instead of the documents. The contacts are
    kept as plain values and made into `compliance.PastContact`s only when the guard
    needs them: those within `compliance.COUNT_HORIZON` of "now" and the lasting ones
    (`compliance.lasting_contacts`), which give the guard's verdict of the whole history.
    """

    key: Any  # change number, local writes, and those of the cases that share the person or a number
    time_zone: str
    zone: ZoneInfo
    rpc_by_hour: tuple[int, ...]
    attempts_by_hour: tuple[int, ...]
    days: tuple[int, ...]  # the debtor-local day (ordinal) of each attempt
    fruitless_days: tuple[int, ...]  # the same for the attempts that reached nobody
    planned: compliance.PlannedContact
    contacts: Contacts  # every contact the guard counts for the case, in order: (us, offset, *_PAST_FIELDS)
    lasting: tuple[int, ...]  # positions in `contacts` that count however old
    engaged_at: datetime | None = None  # the debtor opened an SMS link (priority.CaseFacts)
    calls: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # the case's own calls (us, offset): the cadence's
    # Kept facts only: the instant (us) before which the contacts and calls that no count can
    # reach any more were left out (`encode`); None: the whole history (see `covers`).
    since: int | None = None
    # PastContacts already made, by position (not part of the facts): filled on first use.
    _made: list[compliance.PastContact | None] = field(default_factory=list, compare=False, repr=False)

    def past(self, now: datetime) -> list[compliance.PastContact]:
        """The contacts the guard needs for a verdict at `now` or later: the recent and
        the lasting ones, or all of them while one lies after `now` (a clock set back)."""
        now_us = (now - _EPOCH) // _US
        at = self.contacts[0]
        if not at:
            return []
        if max(at) > now_us:
            wanted: Any = range(len(at))
        else:
            since = now_us - _HORIZON_US
            wanted = [i for i, t in enumerate(at) if t >= since]
            if self.lasting:
                wanted = sorted(set(wanted).union(self.lasting))
        made = self._made
        if not made:
            made.extend([None] * len(at))
        rows: list[tuple[Any, ...]] | None = None
        out = []
        for i in wanted:
            found = made[i]
            if found is None:
                if rows is None:
                    rows = list(zip(*self.contacts, strict=True))
                us, off, point, reached, owner, channel, number, same = rows[i]
                found = made[i] = compliance.PastContact(point, _instant((us, off)), reached, owner, channel, number,
                                                         same)
            out.append(found)
        return out

    def recent_calls(self, now: datetime) -> list[datetime]:
        """The case's calls the cadence can count at `now` (its day and later), as given."""
        since = (now - _EPOCH) // _US - _HORIZON_US
        return [_instant((us, off)) for us, off in zip(*self.calls, strict=True) if us >= since]

    def covers(self, now: datetime) -> bool:
        """Whether these facts give the guard and the cadence what they need at `now`: always
        for a whole history; for kept facts, from the instant they were kept on and while no
        contact lies after `now` (then the guard needs the whole history: a clock set back)."""
        if self.since is None:
            return True
        now_us = (now - _EPOCH) // _US
        return now_us - _HORIZON_US >= self.since and (not self.contacts[0] or max(self.contacts[0]) <= now_us)

    def encode(self, now: datetime) -> bytes:
        """The facts as kept in the local store (the key is kept beside them), without the
        contacts and calls that no count can reach at `now` or later (most of a long
        history: a start reads and parses only what it may need)."""
        since = (now - _EPOCH) // _US - _HORIZON_US
        at, lasting = self.contacts[0], set(self.lasting)
        kept = [i for i, t in enumerate(at) if t >= since or i in lasting]
        contacts, positions = self.contacts, self.lasting
        calls = [i for i, t in enumerate(self.calls[0]) if t >= since]
        pruned = len(kept) < len(at) or len(calls) < len(self.calls[0])
        if pruned:
            contacts = tuple(tuple(column[i] for i in kept) for column in self.contacts)
            where = {i: n for n, i in enumerate(kept)}
            positions = tuple(where[i] for i in self.lasting)
        p = self.planned
        planned = [p.case_id, p.contact_point_id, p.contact_owner, p.contact_status, p.channel, p.debtor_time_zone,
                   p.case_status, p.hold_reason, p.consent_late_calls,
                   p.pending_promise_due.toordinal() if p.pending_promise_due else None, p.debtor_reachable,
                   p.number]
        engaged = _as_instant(self.engaged_at) if self.engaged_at is not None else None
        return orjson.dumps([self.time_zone, self.rpc_by_hour, self.attempts_by_hour, self.days, self.fruitless_days,
                             planned, contacts, positions, engaged,
                             [[column[i] for i in calls] for column in self.calls] if pruned else self.calls,
                             since if pruned else None])

    @staticmethod
    def decode(key: Any, raw: bytes, shared: dict[Any, Any] | None = None, case_id: str | None = None) -> _CaseFacts:
        """Kept facts back; raises (ValueError, TypeError, KeyError...) on anything malformed.

        `shared` (one dict for a whole build): equal values that many cases repeat (zone
        names, statuses, the by-hour counts, empty columns) are made one object, not one per
        case: a lead's 100,000 cases otherwise hold ~1.3 million small objects from the
        parse (issue 20). `case_id`: the case's id string, used for the planned contact's."""
        (time_zone, rpc, tries, days, fruitless, planned, contacts, lasting, engaged, calls, since) = orjson.loads(raw)
        if len(rpc) != 24 or len(tries) != 24 or len(planned) != 12 or len(contacts) != 2 + len(_PAST_FIELDS) \
                or len({len(column) for column in contacts}) != 1 or len(calls) != 2 or len(calls[0]) != len(calls[1]):
            raise ValueError("kept queue facts of the wrong shape")
        if shared is None:
            shared = {}
        one = shared.setdefault
        due = planned[9]
        planned[9] = date.fromordinal(due) if due is not None else None
        if case_id is not None and planned[0] == case_id:
            planned[0] = case_id
        for i in _PLANNED_SHARED:
            value = planned[i]
            planned[i] = one(value, value)
        if contacts[0]:
            made = [tuple(column) for column in contacts]
            for i in _CONTACTS_SHARED:
                made[i] = tuple([one(value, value) for value in made[i]])
            columns = tuple(made)
        else:
            columns = _NO_CONTACTS
        rpc_t, tries_t = tuple(rpc), tuple(tries)
        time_zone = one(time_zone, time_zone)
        zone = shared.get((_ZONE, time_zone))
        if zone is None:
            zone = shared[(_ZONE, time_zone)] = ZoneInfo(time_zone)
        # The frozen dataclasses made without their generated __init__ (`_made_fast`).
        plan = _made_fast(compliance.PlannedContact, _PLANNED_NAMES, planned)
        return _made_fast(_CaseFacts, _CASE_FACTS_NAMES, (
            key, time_zone, zone, one(rpc_t, rpc_t), one(tries_t, tries_t),
            tuple(days) if days else (), tuple(fruitless) if fruitless else (), plan, columns,
            tuple(lasting) if lasting else (), _instant(engaged) if engaged is not None else None,
            (tuple(calls[0]), tuple(calls[1])) if calls[0] else _NO_CALLS, since if since is None else int(since), []))


def _made_fast(cls: type[Any], names: tuple[str, ...], values: Sequence[Any]) -> Any:
    """A frozen dataclass made without its generated __init__ (one `object.__setattr__` per
    field, ~6 us for 18 fields, for each of a lead's 96,000 cases): the same object, every
    field (`names`, in declaration order) given. The values go into the instance's dict one
    by one, so it shares its keys with the class's other instances (a dict `update` makes a
    private copy: twice the memory)."""
    made = object.__new__(cls)
    found = made.__dict__
    for name, value in zip(names, values, strict=True):
        found[name] = value
    return made


class _Light:
    """A case's kept facts reduced to what ranks it while its history cannot change its gate
    (issue 20: a lead's start decoded ~96,000 kept facts into objects, ~1 KB each, to rank
    each case once). Made from the kept values (`_light_of`) when no contact and no call of
    the case lies within `compliance.COUNT_HORIZON` of "now" and no conversation's wait may
    last: the guard's verdict is then the one for no history (`compliance.hour_only`) and
    the cadence the one for no calls, so the case's gate depends only on its planned
    contact's shared fields, its zone and its placement (`group`), computed once per build
    for all the cases alike (`_Build._light`). Time only ages a history, so a later instant
    keeps it so; `covers` says no once it may not be (a clock set back): the case is then
    derived again."""

    __slots__ = ("_key", "_at", "rpc_by_hour", "attempts_by_hour", "days", "fruitless_days")

    def __init__(self, key: Any, from_us: int, group: tuple[Any, ...],
                 rpc: tuple[int, ...], tries: tuple[int, ...], days: tuple[int, ...], fruitless: tuple[int, ...],
                 engaged_at: datetime | None, wait: timedelta | None, shared: dict[Any, Any] | None = None) -> None:
        """`shared` (a build's, `_light_of`): the tuple of `from_us`, `group`, `engaged_at`
        and `wait` one object for all the cases alike."""
        # A key of the case alone without unsent writes (most) kept as its change number:
        # not two tuples per case (issue 20); `key` makes it again.
        own, others, holds = key
        self._key = own[0] if not others and not own[1] and holds == "" and type(own[0]) is int else key
        # The first instant (us) it covers (`_light_of`: one int shared by many cases, not the
        # two (kept at, newest contact) of each), the gate's group, when the debtor opened an
        # SMS link, and the policy's wait after a conversation `until` was computed for (under
        # another policy the case is derived again, `_stale`): one tuple shared by the cases
        # alike, not four references each (issue 20: a lead's ~95,000, 3 MB).
        at = (from_us, group, engaged_at, wait)
        self._at = shared.setdefault((_AT, *at), at) if shared is not None else at
        self.rpc_by_hour, self.attempts_by_hour, self.days, self.fruitless_days = rpc, tries, days, fruitless

    @property
    def from_us(self) -> int:
        return self._at[0]  # type: ignore[no-any-return]

    @property
    def group(self) -> tuple[Any, ...]:
        return self._at[1]  # type: ignore[no-any-return]

    @property
    def engaged_at(self) -> datetime | None:
        return self._at[2]  # type: ignore[no-any-return]

    @property
    def wait(self) -> timedelta | None:
        return self._at[3]  # type: ignore[no-any-return]

    def covers(self, now: datetime) -> bool:
        """`_CaseFacts.covers` of the facts it stands for, and the history still unable to
        change the gate at `now` (after `until`, which is after the newest contact: so no
        contact lies after `now`)."""
        return (now - _EPOCH) // _US >= self.from_us

    @property
    def key(self) -> Any:
        """The key the facts were kept under (`_key`)."""
        found = self._key
        return ((found, ()), (), "") if type(found) is int else found

    @property
    def time_zone(self) -> str:
        return self.group[-1]  # type: ignore[no-any-return]


def _light_of(key: Any, raw: bytes, shared: dict[Any, Any], planned_of: dict[tuple[Any, ...], list[Any]],
              now_us: int, wait: timedelta | None) -> _Light | None:
    """The case's `_Light` at `now_us` from its kept facts (`_CaseFacts.encode`'s bytes), or
    None when its history may change its gate (then its decoded facts rank it). Raises on
    anything malformed, as `decode` does (the values are checked as it checks them: a
    `_Light` is never decoded). The first case of each group leaves its planned contact in
    `planned_of` (what the group's gate is judged on). `wait`: the policy's wait after a
    conversation. One function, one parse: a lead's start makes ~96,000 of them (issue 20)."""
    values = orjson.loads(raw)
    (time_zone, rpc, tries, days, fruitless, planned, contacts, lasting, engaged, calls, since) = values
    if len(rpc) != 24 or len(tries) != 24 or len(planned) != 12 or len(calls) != 2 \
            or len(calls[0]) != len(calls[1]) or (contacts != _NO_CONTACTS_KEPT and (
                len(contacts) != 2 + len(_PAST_FIELDS) or len(set(map(len, contacts))) != 1)):
        raise ValueError("kept queue facts of the wrong shape")
    if type(days) is not list or type(fruitless) is not list or type(lasting) is not list:
        raise TypeError("kept queue facts of the wrong shape")
    zone_key = (_ZONE, time_zone)
    if zone_key not in shared:
        shared[zone_key] = ZoneInfo(time_zone)
    if planned[9] is not None:
        date.fromordinal(planned[9])
    engaged_at = _instant(engaged) if engaged is not None else None
    if since is not None:
        since = int(since)
    at = contacts[0]
    until = max(at) + _HORIZON_US if at else _NO_US  # no count reaches a contact after this
    if lasting:
        if planned[2] != compliance.DEBTOR:
            return None  # an emergency contact's once-only rule reads the whole history
        if wait is not None:
            # The wait after a conversation ends at a local midnight at most a day after
            # `wait.days` days.
            lasts = ((wait.days + 2) * 86400 + wait.seconds) * 1_000_000
            reached, channel, same = contacts[3], contacts[5], contacts[7]
            for j in lasting:
                if channel[j] != "sms" and same[j] and reached[j] == "right_party":
                    until = max(until, at[j] + lasts)
    if calls[0]:
        until = max(until, max(calls[0]) + _HORIZON_US)  # the cadence counts the case's recent calls
    if now_us <= until:
        return None
    # The first instant it covers: after `until` and, when the facts were kept at `since`,
    # not before `since` plus the count's horizon (before, its whole history is needed).
    from_us = until + 1 if since is None else max(until + 1, since + _HORIZON_US)
    if now_us < from_us:
        return _Light(key, from_us, (), (), (), (), (), None, wait)  # not covered: derived again
    # Rounded up to the hour, so that the cases share a few hundred ints: a case covered
    # less than an hour ago is decoded instead (its full facts rank it alike).
    from_us = -(-from_us // _HOUR_US) * _HOUR_US
    if now_us < from_us:
        return None
    one = shared.setdefault
    group = (*planned[2:11], time_zone)
    group = one(group, group)
    if group not in planned_of:
        planned_of[group] = planned
    rpc_t, tries_t = tuple(rpc), tuple(tries)
    # The days as one int object per distinct day in a build (a lead's ~300,000 attempts
    # fall on a few hundred days: ~8 MB of ints otherwise, issue 20).
    day = shared.get(_DAYS)
    if day is None:
        day = shared[_DAYS] = {}
    same = day.setdefault
    # And each distinct tuple of days once (most cases share theirs with others, issue 20).
    days_t = tuple(map(same, days, days)) if days else ()
    fruitless_t = tuple(map(same, fruitless, fruitless)) if fruitless else ()
    return _Light(key, same(from_us, from_us), group, one(rpc_t, rpc_t), one(tries_t, tries_t),
                  same(days_t, days_t) if days_t else (), same(fruitless_t, fruitless_t) if fruitless_t else (),
                  engaged_at, wait, shared)


_NO_US = -(2**62)  # before any instant
_HOUR_US = 3_600_000_000
_NO_CONTACTS_KEPT: list[list[Any]] = [[]] * (2 + len(_PAST_FIELDS))  # no contacts, as `_light_of` reads them


_ZONE = object()  # `decode`'s key for a zone's ZoneInfo in the shared values
_AT = object()  # `_Light`'s key for its shared tuple (`_Light._at`) in the shared values
_DAYS = object()  # `_light_of`'s key for its own dict of days and tuples of days (apart from the other values)
_NO_CONTACTS: Contacts = ((),) * (2 + len(_PAST_FIELDS))
_PLANNED_NAMES = tuple(f.name for f in fields(compliance.PlannedContact))
_CASE_FACTS_NAMES = ("key", "time_zone", "zone", "rpc_by_hour", "attempts_by_hour", "days", "fruitless_days",
                     "planned", "contacts", "lasting", "engaged_at", "calls", "since", "_made")


_OFFSETS: dict[int, timezone] = {0: UTC}
_NO_CALLS: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
# The planned contact's and the contacts' fields with few distinct values (owner, status,
# channel, zone, case status, hold; reached, owner, channel): one object per value in a build.
_PLANNED_SHARED = (2, 3, 4, 5, 6, 7)
_CONTACTS_SHARED = (3, 4, 5)


def _same(value: Any, _default: Any) -> Any:
    return value


def _instant(kept: Instant | list[int]) -> datetime:
    """A kept instant as the aware datetime it was (the same offset)."""
    value = _EPOCH + timedelta(microseconds=kept[0])
    if kept[1]:
        zone = _OFFSETS.get(kept[1])
        if zone is None:
            zone = _OFFSETS[kept[1]] = timezone(timedelta(seconds=kept[1]))
        value = value.astimezone(zone)
    return value


def _as_instant(moment: datetime) -> Instant:
    offset = moment.utcoffset()
    return (moment - _EPOCH) // _US, int(offset.total_seconds()) if offset else 0


class QueueCache:
    """Per-case queue work, keyed by case id + change number + local writes (+ the minute).

    A refresh after one changed case recomputes that case only: its facts (document parse
    and history walk), its dial verdict, its score and its explanation, and moves its row
    (`_LastBuild`: the ranking kept as columns). The key makes a stale entry impossible to
    use; the sync engine's change listener (`invalidate`) drops what a sync touched and
    re-measures the portfolio's reach by hour, the prior every explanation uses (as
    `priority.rank` advises, it is re-measured on sync, not on each local write).
    Clock-dependent parts (verdicts, "attempts today") are reused within the same minute,
    and so is the ranking's instant: a save within the minute re-scores its case at the
    instant the rest of the queue was ranked at, so the result is exactly what a full build
    at that instant gives; the next minute ranks everything anew.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._facts: dict[str, _CaseFacts | _Light] = {}  # most kept facts stay undecoded (`_Light`)
        # Each `_Light.group`'s planned contact (the kept values of its first case): its gate is
        # judged on it.
        self._planned_of: dict[tuple[Any, ...], list[Any]] = {}
        self._ranked: dict[str, tuple[Any, priority.CaseFacts]] = {}
        self._rows: dict[str, tuple[Any, QueueRow]] = {}
        self._prior: list[float] | None = None
        self._prior_for: tuple[str, str] | None = None
        self._prior_gen = 0
        # The last build, for refreshes that change a few cases (None: the next is full).
        self._last: _LastBuild | None = None
        self._epoch = 0  # bumped by every invalidation, so a build racing a sync is not kept
        self._build_lock = threading.Lock()
        # How many cases the last build re-scored (all of them on a full build).
        self.last_rescored = 0
        # The facts kept in the local store, read by the first build (id -> key, facts bytes);
        # None before that read, emptied once a whole queue has taken what it could.
        self._kept: dict[str, tuple[bytes, bytes]] | None = None
        # How many cases the last build took from kept facts, and derived from documents.
        self.last_kept = self.last_derived = 0
        # How many cases the last build ranked from their kept values (`_Build._light`).
        self.last_light = 0

    def invalidate(self, changes: Any) -> None:
        """Change listener: forget the cases a sync touched or removed."""
        ids = set(getattr(changes, "upserted", ())) | set(getattr(changes, "removed", ()))
        with self._lock:
            for case_id in ids:
                self._forget(case_id)
            if ids:
                self._prior = None
                self._last = None
                self._epoch += 1

    def _forget(self, case_id: str) -> None:
        if self._kept:
            self._kept.pop(case_id, None)
        self._facts.pop(case_id, None)
        self._ranked.pop(case_id, None)
        self._rows.pop(case_id, None)

    def __len__(self) -> int:
        return len(self._facts)

    def ranking_facts(self, case_id: str) -> priority.CaseFacts | None:
        """The `priority.CaseFacts` the last build ranked the case by (None: not in it)."""
        with self._lock:
            last = self._last
        if last is None or case_id not in last.index:
            return None
        return last.table.facts[last.index[case_id]]


class _LightValues:
    """A light row's `priority.CaseFacts` values made again from its `_Light` (the table's
    `ranking.FactsRows` keeps that, not the values: issue 20), as `_Build._ranking_values`
    made them for the ranking: the same columns picked in table row order, the row's gate
    (an index into the build's gates) and each zone's day at the build's instant."""

    __slots__ = ("picked", "gate_at", "gates", "today")

    def __init__(self, picked: Mapping[str, Sequence[Any]], gate_at: Sequence[int],
                 gates: list[tuple[datetime | None, str]], today: dict[str, int]) -> None:
        self.picked: dict[str, Any] = {name: picked[name] for name in _VALUE_NAMES}
        self.gate_at, self.gates, self.today = gate_at, gates, today

    def __call__(self, i: int, cf: _Light) -> tuple[Any, ...]:
        picked = self.picked
        time_zone = cf.group[-1]
        today = self.today[time_zone]
        callable_from, gate = self.gates[self.gate_at[i]]
        return (picked["id"][i], picked["overdue_minor"][i], picked["days_past_due"][i], picked["status"][i],
                time_zone, *_promise_values(picked["callback_due_at"][i], picked["promise_due"][i],
                                            picked["promise_status"][i]),
                cf.days.count(today) if cf.days else 0, cf.fruitless_days.count(today) if cf.fruitless_days else 0,
                cf.rpc_by_hour, cf.attempts_by_hour, callable_from, "CNY", cf.engaged_at,
                gate if callable_from is not None else "")


@dataclass
class _LastBuild:
    """What a refresh needs to change a few rows of the last build instead of all of them."""

    params: tuple[Any, ...]  # filter, search, minute, rules, prior generation, user
    summary: tuple[Any, ...]  # the cases table's count and change numbers: a pull changes it
    signatures: dict[str, tuple[tuple[int, str], ...]]  # unsent local writes per case
    # Every case's change number and a hash of its groups and strategy (`_groups`: a change
    # to them needs a full build), by the case's place in `every`: columns, not a dict and a
    # tuple per case with the strings they hold (~25 MB at a lead's 100,000 cases, issue 20).
    every: _Every
    texts: dict[str, str]  # with a search: the queued cases' search text (`matched_field`)
    own: _Own
    siblings: dict[str, tuple[str, ...]]
    index: Mapping[str, int]  # case id -> row of `table` (`_Index`)
    table: ranking_mod.CaseTable
    ranking: ranking_mod.Ranking
    maker: _RowMaker  # the queue rows, by table row, made when first read
    strategies: list[priority.Strategy]
    which: Any


class _Every:
    """Every case of a build (queued or not) as columns: its place by id, its change number
    and a hash of its groups and strategy (`_groups`). A refresh (`_Build.few`) asks whether
    a case was there, and whether its groups changed; a full build makes one of these
    instead of two dicts of tuples per case (issue 20: a lead's 100,000 cases). A hash
    collision would let a changed group pass as unchanged: with 64-bit hashes of the same
    process, its odds are ~2**-64 per changed case."""

    __slots__ = ("where", "seqs", "groups")

    def __init__(self, ids: Sequence[str], seqs: Sequence[int], groups: Iterable[tuple[Any, ...]],
                 places: Sequence[int]) -> None:
        """`places`: `list(range(len(ids)))`, whose int objects the build's other indexes share."""
        self.where: dict[str, int] = memory.dict_of(ids, places)
        self.seqs = array("q", seqs)
        self.groups = array("q")
        hashes = map(hash, groups)
        for _ in range(0, len(places), memory.SLICE):  # a slice at a time (`memory.SLICE`)
            self.groups.extend(islice(hashes, memory.SLICE))

    def __contains__(self, case_id: object) -> bool:
        return case_id in self.where

    def same_groups(self, case_id: str, groups: tuple[Any, ...]) -> bool:
        """Whether `groups` (`_groups` of the case now) are those the build saw."""
        return self.groups[self.where[case_id]] == hash(groups)


class _Index(Mapping[str, int]):
    """The queued cases' table rows by case id, in table row order: from `_Every`'s places
    by id and a table row per place (-1: not queued), not a dict of ~96,000 entries kept
    beside `_Every`'s (issue 20)."""

    __slots__ = ("where", "rows", "ids")

    def __init__(self, where: dict[str, int], at: Sequence[int], ids: Sequence[str]) -> None:
        """`where`: every case's place; `at`: the queued cases' places by table row; `ids`:
        their ids by table row."""
        import numpy as np

        rows = np.full(len(where), -1, np.int32)
        rows[np.asarray(at, np.int64)] = np.arange(len(at), dtype=np.int32)
        self.where, self.rows, self.ids = where, array("i", rows.tobytes()), ids

    def __getitem__(self, case_id: str) -> int:
        row = self.rows[self.where[case_id]]
        if row < 0:
            raise KeyError(case_id)
        return row

    def __contains__(self, case_id: object) -> bool:
        place = self.where.get(case_id)  # type: ignore[call-overload]
        return place is not None and self.rows[place] >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class _Keys(Mapping[str, Any]):
    """The queued cases' keys (`_key`) by case id, each made when asked: not a dict of two
    tuples per case, which the build's facts and rows then kept (issue 20: ~11 MB at a
    lead's 96,000 cases). Holds what makes them (the build's `_Own`, siblings and policy)."""

    __slots__ = ("own", "siblings", "policy", "holds", "queued", "_where", "_seqs")

    def __init__(self, own: _Own, siblings: dict[str, tuple[str, ...]], policy: compliance.ContactPolicy,
                 holds: tuple[Any, ...], at: Iterable[int], seqs: Sequence[int] | None = None) -> None:
        """`at`: the queued cases' places (`_Every`); `seqs`: the change numbers by place as
        read (`_Every.seqs`' values): while the build holds them, the keys kept in its facts
        share their int objects rather than make new ones (`release` lets them go)."""
        self.own, self.siblings, self.policy, self.holds = own, siblings, policy, holds
        self._where = own.every.where
        self._seqs: Sequence[int] = own.every.seqs if seqs is None else seqs
        self.queued = bytearray(len(own.every.where))
        for p in at:
            self.queued[p] = 1

    def __getitem__(self, case_id: str) -> Any:
        place = self._where.get(case_id)
        if place is None or not self.queued[place]:
            raise KeyError(case_id)
        if case_id in self.siblings or self.own.seqs:
            return _key(case_id, self.own, self.siblings, self.policy, self.holds)
        # `_key` of a case alone, `_Own`'s lookups inlined (a lead's start asks ~96,000 times).
        return ((self._seqs[place], self.own.signatures.get(case_id, ())), (), "")

    def __contains__(self, case_id: object) -> bool:
        place = self.own.every.where.get(case_id)  # type: ignore[call-overload]
        return place is not None and self.queued[place] == 1

    def release(self) -> None:
        """Read the change numbers from `_Every`'s array from now on (the build's end)."""
        self._seqs = self.own.every.seqs

    def __iter__(self) -> Iterator[str]:
        queued = self.queued
        return (i for i, p in self.own.every.where.items() if queued[p])

    def __len__(self) -> int:
        return self.queued.count(1)


class _Own(Mapping[str, tuple[int, tuple[tuple[int, str], ...]]]):
    """Each case's own part of its key (`_key`): its change number and its unsent local
    writes, made when asked from `_Every`'s column and the build's signatures (not one tuple
    per case kept between builds, issue 20). `seqs`: the change numbers a refresh read anew."""

    __slots__ = ("every", "signatures", "seqs")

    def __init__(self, every: _Every, signatures: dict[str, Any], seqs: dict[str, int] | None = None) -> None:
        self.every, self.signatures, self.seqs = every, signatures, seqs or {}

    def __getitem__(self, case_id: str) -> tuple[int, tuple[tuple[int, str], ...]]:
        seq = self.seqs.get(case_id)
        if seq is None:
            seq = self.every.seqs[self.every.where[case_id]]
        return seq, self.signatures.get(case_id, ())

    def __iter__(self) -> Iterator[str]:
        return iter(self.every.where)

    def __len__(self) -> int:
        return len(self.every.where)


_LIGHT_NAMES = CaseColumns._fields  # the summary row (store.case_rows); documents are in CaseDoc
# The summary's columns `_Build._ranking_values` reads for each case.
_RANKED_NAMES = ("id", "overdue_minor", "days_past_due", "status", "segment", "arm", "callback_due_at",
                 "promise_due", "promise_status")
_RPC, _TRIES, _ENGAGED = (operator.attrgetter(name) for name in ("rpc_by_hour", "attempts_by_hour", "engaged_at"))
# Those a light row's values are made again from (`_LightValues`).
_VALUE_NAMES = ("id", "overdue_minor", "days_past_due", "status", "callback_due_at", "promise_due", "promise_status")


# The summary's integer columns the build keeps picked (amounts, days past due): as C
# arrays, not an int object per case read from the store (issue 20: ~6 MB at a lead's
# 96,000 cases). The columns are NOT NULL. Each with its array's type code: days past due
# in 32 bits.
_INT_NAMES = {"overdue_minor": "q", "outstanding_minor": "q", "days_past_due": "i"}


# The picked columns with few distinct values the build keeps (`_LightValues`, the rows'
# status), as codes (`Category`).
_CODED_NAMES = ("status", "callback_due_at", "promise_due", "promise_status")


def _same_ids(ids: Sequence[str], known: dict[str, Any]) -> list[str]:
    """`ids` with each id that is a key of `known` as that key's own string object. Why
    (issue 20): a build after the first reads every case's id anew, and the facts kept in
    memory (`QueueCache._facts`) keep the earlier build's strings as their keys: a lead's
    process held two strings per case (~8 MB) after a re-rank."""
    keys = list(known)
    same = memory.dict_of(keys, keys)
    return list(map(same.get, ids, ids))


def _ints(name: str, values: Sequence[int]) -> array[int]:
    return array(_INT_NAMES[name], values)


def _picker(at: Sequence[int]) -> Any:
    """A function giving a column's values at places `at`, as a tuple (in C)."""
    if len(at) > 1:
        return operator.itemgetter(*at)
    return lambda column: tuple(column[i] for i in at)


def _row_at(columns: Mapping[str, Sequence[Any]], place: int) -> CaseColumns:
    """The summary row at `place` of the summary's columns (`Reading.case_columns`, whose
    keys are `CaseColumns._fields` in order): made for the few cases that need one."""
    return CaseColumns._make([column[place] for column in columns.values()])


# A refresh with more changed cases than this rebuilds the whole queue.
_FEW = 64


def build_queue(store: LocalStore, policy: compliance.ContactPolicy, now: datetime, filter: str = "all",
                search: str = "", me: str = "", cache: QueueCache | None = None, *,
                strategy: priority.Strategy | None = None, book: StrategyBook | None = None) -> Sequence[QueueRow]:
    """The ranked queue for `now` under `policy` and the strategy
    `book` (each case by its segment's weights and cadence, or its challenger arm's);
    without a book, every case by `strategy` (default: the documented one).

    Pass the session's `cache` so a refresh costs what changed: after a save within the
    same minute only the saved case (and the person's other cases) is re-read, re-scored
    and moved. Its entries carry the rules they were made under, so new rules from the
    server re-evaluate every case.

    The rows come as `QueueRows`: each row is made when first read (a lead ranks ~96,000
    cases and paints a screenful); with a search, as a list (each row says what matched).
    """
    if filter not in FILTERS:
        raise ValueError(f"unknown queue filter '{filter}': use one of {', '.join(FILTERS)}")
    cache = cache if cache is not None else QueueCache()
    strategy = strategy or priority.default_strategy()
    if book is None:
        book = default_book(dict(strategy.weights), strategy.version, strategy.name)
    rules_tag = (policy.name, strategy.name, strategy.version, tuple(sorted(strategy.weights.items())),
                 book.version, book.name)
    needle = search.strip().lower()
    with cache._build_lock, _collector_paused():
        job = _Build(store, policy, now, filter, needle, me, cache, book, rules_tag)
        out = job.few() if cache._last is not None else None
        if out is None:
            out = job.full()
    if needle:
        texts = job.texts
        return [replace(q, matched=matched_field(texts[q.case_id], q.debtor_name, needle)) for q in out]
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a queue is built. Why: a build makes tens of
    thousands of small objects that all die young (no cycles: reference counting frees them),
    and each few hundred of them start a collection that walks the whole program's objects;
    measured, it was a third of a warm start's queue build at 5,000 cases, and it holds the
    interpreter while the desk's own thread waits. Whatever it defers runs at the next
    collection. Left off if someone else turned it off.

    A build that leaves very many new objects alive (a lead's team: ~100,000 cases, a
    million objects in the facts, the ranking and the rows, which live until the next
    build) has them frozen (`gc.freeze`) before the collector is back on: its first pass
    would otherwise walk them all, ~1.5 s on the queue's thread holding the interpreter
    (issue 20). They are still freed when no longer referenced, as every object is; only
    a cycle among them would wait for `gc.unfreeze` (the desk's shutdown). The desk freezes
    its heap after its first queue in the same way (`MainWindow._queue_arrived`). The pages
    the build's reads freed go back to the system then too (`memory.give_back`)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_count()[0] > _FREEZE_AFTER:
                gc.freeze()
                memory.give_back()  # what the large read freed (the kept facts' bytes)
            gc.enable()


# New tracked objects a build leaves alive above which they are frozen (`_collector_paused`):
# a lead's 100,000 cases leave about a million; an agent's 5,000 about 60,000.
_FREEZE_AFTER = 250_000


class _Build:
    """One queue build: `full` reads every case's summary; `few` starts from the last build
    and redoes only the cases whose local writes or summary changed."""

    def __init__(self, store: LocalStore, policy: compliance.ContactPolicy, now: datetime, filter: str,
                 needle: str, me: str, cache: QueueCache, book: StrategyBook, rules_tag: tuple[Any, ...]) -> None:
        self.store, self.policy, self.filter, self.needle = store, policy, filter, needle
        self.kept = 0  # cases whose facts came from the local store
        self.to_keep: list[tuple[str, bytes, bytes]] = []  # derived facts to write there
        self.gone: list[str] = []  # cases whose kept facts the store drops (`drop_kept`)
        self.now, self.minute = now, now.replace(second=0, microsecond=0)
        self.me, self.cache, self.book, self.rules_tag = me, cache, book, rules_tag
        self.placed = _Placements(book)
        # The guard's verdicts, shared between the cases whose history cannot change them.
        self.verdicts = compliance.HourOnlyVerdicts(policy)
        self.texts: dict[str, str] = {}  # with a search: the queued cases' search text
        # Per build: each zone's day (ordinal) at `now`; the cadence's gate of a case without
        # calls, by (segment, arm, zone) (`_ranking_facts`).
        self.today: dict[str, int] = {}
        self.paced: dict[tuple[Any, Any, str], datetime | None] = {}
        # Values many cases repeat, one object each (`_kept_values`, `decode`, `_light_of`);
        # each group's gate by placement (`_light`).
        self.shared: dict[Any, Any] = {}
        self.gates: dict[tuple[Any, ...], tuple[datetime | None, str]] = {}
        self.light = 0  # cases ranked from their kept values (`_light`)
        with cache._lock:
            self.epoch = cache._epoch
            self.prior_gen = cache._prior_gen

    def params(self, prior_gen: int) -> tuple[Any, ...]:
        return (self.filter, self.needle, self.minute, self.rules_tag, prior_gen, self.me)

    # --- a refresh after a few writes ----------------------------------------------------

    def few(self) -> QueueRows | None:
        """The last build with the changed cases redone, or None when a full build is due
        (another minute, other rules or filter, a sync, a case entering or leaving the
        queue, or many changes)."""
        cache, last = self.cache, self.cache._last
        assert last is not None
        if last.params != self.params(self.prior_gen):
            return None
        with self.store.reading() as s:  # plain SQL (store.Reading): no SQLAlchemy at a start
            if _summary(s) != last.summary:
                return None
            signatures = _signatures(s)
            changed = {i for i in set(signatures) | set(last.signatures)
                       if signatures.get(i) != last.signatures.get(i) and i in last.every}
            if len(changed) > _FEW:
                return None
            affected = sorted(changed.union(*(last.siblings.get(i, ()) for i in changed)))
            light = {r.id: r for r in s.case_rows(affected)}
            for case_id in affected:
                row = light.get(case_id)
                if row is None or not last.every.same_groups(case_id, _groups(row)):
                    return None  # the groups sharing a person or a number, or the strategy, changed
                if _keep(row, self.filter, self.needle, self.now) != (case_id in last.index):
                    return None  # the case enters or leaves the queue: its filter changed
            own = _Own(last.every, signatures, {**last.own.seqs, **{i: light[i].seq for i in affected}})
            queued = [light[i] for i in affected if i in last.index]
            keys = {r.id: _key(r.id, own, last.siblings, self.policy) for r in queued}
            fresh, stale = self._facts(s, [r.id for r in queued], keys, last.siblings, signatures)
        if any(i not in fresh for i in stale):
            return None  # a document became unreadable: the full build leaves the case out
        with cache._lock:
            cache._facts.update(fresh)
            facts_by_id = {r.id: cache._facts[r.id] for r in queued}
            ranked_cache = {r.id: cache._ranked.get(r.id) for r in queued}
        rows = [last.index[r.id] for r in queued]
        new_ranked = {}
        for r, i in zip(queued, rows, strict=True):
            pf, entry = self._ranking_facts(r, facts_by_id[r.id], ranked_cache[r.id])
            new_ranked[r.id] = entry
            last.table.set_row(i, pf)
        last.maker.freeze(rows)  # their columns change in place: rows shown keep the words they had
        last.ranking.update(rows)
        if self.needle:
            self.texts = {**last.texts, **{i: light[i].search_text for i in affected if i in last.index}}
        keys = {r.id: facts_by_id[r.id].key for r in queued}
        maker = last.maker.fork(signatures, keys, dict(zip(rows, queued, strict=True)))
        new_rows = {}
        for r, i in zip(queued, rows, strict=True):
            new_rows[r.id] = (maker.stamp(i), maker.remake(i))
        with cache._lock:
            cache._ranked.update(new_ranked)
            cache._rows.update(new_rows)
            cache.last_rescored = len(rows)
            if cache._epoch == self.epoch:
                last.signatures, last.texts, last.own, last.maker = signatures, self.texts, own, maker
            else:
                cache._last = None  # a sync came in meanwhile: the next build is a full one
        self.keep()
        return QueueRows(last.ranking.order, maker, last.index)

    # --- every case --------------------------------------------------------------------

    def full(self) -> QueueRows:
        cache, policy, now, minute = self.cache, self.policy, self.now, self.minute
        with self.store.reading() as s:  # plain SQL (store.Reading): no SQLAlchemy at a start
            summary = _summary(s)
            # The queue's columns (a table without the documents), read as columns: not one
            # summary row object per case (issue 20). Documents are read only for cases whose
            # cached facts are missing or stale.
            columns = s.case_columns(search=bool(self.needle), packed=_PACKED_NAMES)
            with cache._lock:
                if cache._facts:
                    columns["id"] = _same_ids(columns["id"], cache._facts)
            every_ids = columns["id"]
            # The places 0..n-1 as one int object each, shared by the build's lists and
            # indexes of places (`at`, `_Every`, `_LastBuild.index`): not ~3 MB of ints each at
            # a lead's 100,000 cases, left among the pages of what the build keeps.
            places = memory.counting(len(every_ids))
            at = _kept_places(columns, places, self.filter, self.needle, now)
            signatures = _signatures(s)
            seqs = columns["seq"]
            known = _Every(every_ids, seqs, zip(columns["person_key"],  # `_groups`
                                                [k or "" for k in columns["number_keys"]],
                                                columns["segment"], columns["arm"], strict=True),
                           places)
            own = _Own(known, signatures)
            siblings = _siblings(every_ids, columns["person_key"], columns["number_keys"])
            # A case's facts also depend on the person's other cases and the cases sharing a
            # number (their attempts count, their holds and marks reach it): their change
            # numbers and local writes are part of its key.
            holds = _holds(policy)
            row_ids = list(map(every_ids.__getitem__, at))
            keys = _Keys(own, siblings, policy, holds, at, seqs)
            fresh, stale = self._facts(s, row_ids, keys, siblings, signatures)
            if self.filter == "all" and not self.needle:
                self.drop_kept(known)
            s.release_memory()
        unreadable = {i for i in stale if i not in fresh}
        if unreadable:
            at = [p for p in at if every_ids[p] not in unreadable]
            row_ids = list(map(every_ids.__getitem__, at))
        with cache._lock:
            memory.update(cache._facts, fresh)
            facts_by_id = memory.dict_of(row_ids, list(map(cache._facts.__getitem__, row_ids)))
            if self.filter == "all" and not self.needle:
                for gone in [i for i in cache._facts if i not in keys]:
                    cache._forget(gone)
            ranked_cache = dict(cache._ranked)
        pick = _picker(at)
        picked: dict[str, Any] = {name: _ints(name, pick(columns[name])) if name in _INT_NAMES else pick(columns[name])
                  for name in _RANKED_NAMES}
        table_columns, held, remade, new_ranked = self._ranking_values(picked, at, columns, facts_by_id,
                                                                       ranked_cache)
        table = ranking_mod.CaseTable.of_columns(table_columns, held, remade)
        del table_columns
        with cache._lock:
            cache._ranked.update(new_ranked)
            if cache._prior is None or cache._prior_for != (self.filter, self.needle):
                cache._prior = table.reach_by_hour()
                cache._prior_for = (self.filter, self.needle)
                cache._prior_gen += 1
            prior, generation = cache._prior, cache._prior_gen
        strategies, which = _strategy_indices(picked["segment"], picked["arm"], self.placed)
        # What the rows and the light values keep of these columns: a small code per row,
        # not a tuple of ~96,000 references each (issue 20).
        for name in _CODED_NAMES:
            picked[name] = remade.picked[name] = Category.encode(picked[name])
        ranking = priority.rank_columns(table, now, strategies, which, prior)
        # The rows' shown columns picked from every case's (read once, by column, in C).
        # The packed texts stay packed, read at each row's place (`_At`).
        row_places = array("i", at)
        shown = tuple(_At(columns[name], row_places) if name in _PACKED_NAMES
                      else picked[name] if name in picked
                      else _ints(name, pick(columns[name])) if name in _INT_NAMES else pick(columns[name])
                      for name in _SHOWN_NAMES) if at else None
        maker = _RowMaker(cache, [], ranking, signatures, keys, (minute, generation, self.rules_tag), shown)
        if self.needle:
            self.texts = dict(zip(row_ids, pick(columns["search_text"]), strict=True))
        index = _Index(known.where, at, maker.ids)
        with cache._lock:
            cache.last_rescored = len(row_ids)
            cache._last = _LastBuild(
                params=self.params(generation), summary=summary, signatures=signatures, every=known, texts=self.texts,
                own=own,
                siblings=siblings, index=index, table=table,
                ranking=ranking,
                maker=maker, strategies=strategies, which=which,
            ) if cache._epoch == self.epoch else None
        keys.release()
        self.keep()
        return QueueRows(ranking.order, maker, index)

    # --- shared steps --------------------------------------------------------------------

    def _facts(self, s: Any, ids: list[str], keys: Mapping[str, Any], siblings: dict[str, tuple[str, ...]],
               signatures: dict[str, Any]) -> tuple[dict[str, _CaseFacts | _Light], list[str]]:
        """Facts of the cases whose cached ones are missing or stale: those kept in the local
        store under the same key (most not decoded: `_Light`), else derived (document parse and history walk, in chunks)
        and kept there; and those cases' ids (one missing from the facts has an unreadable
        document)."""
        cache = self.cache
        with cache._lock:
            wait = self.policy.wait_after_conversation
            # A full build's keys are made when asked (`_Keys`) and not held: a case without
            # facts in memory (all of them at a start) needs none to be stale.
            known = cache._facts
            stale = [i for i in ids if i not in known or _stale(cache, i, keys[i], self.now, wait)]
            if stale and cache._kept is None:
                cache._kept = self.store.queue_facts(FACTS_TAG)
            kept = cache._kept or {}
        fresh: dict[str, _CaseFacts | _Light] = {}
        todo: list[str] = []
        unreadable = 0
        shared = self.shared  # values many cases repeat, one object each (`decode`)
        planned_of = cache._planned_of
        now_us = (self.now - _EPOCH) // _US
        for case_id in stale:
            found = kept.get(case_id)
            if found is not None and found[0] == _key_bytes(key := keys[case_id]):
                try:
                    light = _light_of(key, found[1], shared, planned_of, now_us, wait)
                    if light is not None:
                        # `_Light.covers`: `now_us` is after its `until`, so after its newest contact.
                        if now_us >= light.from_us:
                            fresh[case_id] = light
                            continue
                        todo.append(case_id)
                        continue
                    back = _CaseFacts.decode(key, found[1], shared, case_id)
                    if back.covers(self.now):  # else kept at a later instant than this build's: derive
                        fresh[case_id] = back
                        continue
                    todo.append(case_id)
                    continue
                except Exception:  # noqa: BLE001 - a cache: whatever is wrong with it, derive again
                    unreadable += 1
            todo.append(case_id)
        if unreadable:
            log.warning("the queue facts kept for %d cases are unreadable; derived again", unreadable)
        self.kept, derived = len(fresh), self._derive(s, todo, keys, siblings, signatures)
        fresh.update(derived)
        self.to_keep = [(i, _key_bytes(cf.key), cf.encode(self.now)) for i, cf in derived.items()]
        return fresh, stale

    def _derive(self, s: Any, ids_wanted: list[str], keys: Mapping[str, Any], siblings: dict[str, tuple[str, ...]],
                signatures: dict[str, Any]) -> dict[str, _CaseFacts]:
        """Facts from the documents (with the unsent writes and the siblings' marks laid over)."""
        policy = self.policy
        fresh: dict[str, _CaseFacts] = {}
        for chunk in range(0, len(ids_wanted), 500):
            ids = ids_wanted[chunk:chunk + 500]
            wanted = sorted(set(ids).union(*(siblings.get(i, ()) for i in ids)))
            # The documents' JSON bytes, parsed by orjson (a cold build reads every document
            # of the team).
            docs: dict[str, dict[str, Any]] = {}
            for case_id, raw in s.docs(wanted):
                try:
                    docs[case_id] = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    # One unreadable document must not empty the whole queue: that case
                    # stays out of it (and says so in the log) until a pull replaces it.
                    log.error("case %s: its stored document is not valid JSON; left out of the queue", case_id)
            local = s.local_rows([i for i in wanted if i in signatures])
            for case_id in wanted:
                if case_id in local and case_id in docs:
                    docs[case_id] = overlay(docs[case_id], local[case_id], self.me)
            for case_id in ids:
                if case_id not in docs:
                    continue
                others = [docs[i] for i in siblings.get(case_id, ()) if i in docs]
                doc = caseview.with_person_marks(docs[case_id], others, policy) if others else docs[case_id]
                fresh[case_id] = _case_facts(keys[case_id], caseview.contact_facts(doc),
                                             [caseview.contact_facts(o) for o in others])
        return fresh

    def drop_kept(self, every: _Every) -> None:
        """Let go of the kept rows read at the start (`QueueCache._kept`, ~100,000 at a
        lead's) once a whole queue's facts are made from them (`every`: all the cases read),
        noting the rows of cases gone, which `keep` drops from the store. Why here and not
        at the build's end (issue 20): the read is ~60 MB of Python objects at a lead's, and
        the ranking's columns and the rows made after it took new memory beside it; freed
        at the end, it left the process's peak and what it kept that much higher."""
        cache = self.cache
        with cache._lock:
            kept = cache._kept
            cache._kept = {}
        if kept:
            self.gone = [i for i in kept if i not in every]
            memory.empty(kept)

    def keep(self) -> None:
        """Write the facts this build derived to the local store, and drop there the rows of
        the cases gone (`drop_kept`)."""
        cache = self.cache
        cache.last_kept, cache.last_derived = self.kept, len(self.to_keep)
        cache.last_light = self.light
        try:
            self.store.save_queue_facts(FACTS_TAG, self.to_keep, self.gone)
        except Exception:  # noqa: BLE001 - a cache: the queue is right without it, the next start derives
            log.exception("could not keep the queue facts in the local store")

    def _ranking_values(self, picked: Mapping[str, Sequence[Any]], at: list[int],
                        columns: Mapping[str, Sequence[Any]],
                        facts_by_id: dict[str, _CaseFacts | _Light],
                        ranked_cache: dict[str, tuple[Any, priority.CaseFacts]]
                        ) -> tuple[tuple[Sequence[Any], ...], list[Any], _LightValues,
                                   dict[str, tuple[Any, priority.CaseFacts]]]:
        """Each row's `priority.CaseFacts` for this minute as columns (`ranking._FIELD_NAMES`'
        order, what `CaseTable.of_columns` takes): a case ranked from its kept values
        (`_Light`) without an object or a tuple, its gate shared by its group and placement
        (`_light`, issue 20: a lead's 96,000 cases); a decoded one by `_ranking_facts` (its
        entry for the cache returned beside). The rows are the summary's columns at places
        `at`: `picked` holds `_RANKED_NAMES`' already picked there (row order), `columns`
        all of them (`Reading.case_columns`); a summary row object is made only for a
        decoded case and for each group's first (`_row_at`).

        Also what the table keeps of each row instead of its facts (`ranking.FactsRows`):
        a decoded case's `priority.CaseFacts`, a `_Light` (its facts made again from it by
        the `_LightValues` returned, when the row's words are wanted)."""
        n = len(at)
        overdue, dpd, status = list(picked["overdue_minor"]), list(picked["days_past_due"]), list(picked["status"])
        promise_status = list(picked["promise_status"])
        # The promise columns of every row (`_promise_values`), computed only where set.
        callback: list[Any] = [None] * n
        due: list[Any] = [None] * n
        broken: list[Any] = [None] * n
        for i, (callback_due_at, promise_due, promised) in enumerate(zip(
                picked["callback_due_at"], picked["promise_due"], promise_status, strict=True)):
            if callback_due_at is not None or promise_due is not None:
                callback[i], due[i], _status, broken[i] = _promise_values(callback_due_at, promise_due, promised)
        zones: list[str] = []
        attempts: list[int] = []
        fruitless: list[int] = []
        callable_at: list[Any] = []
        held: list[Any] = []
        gate_at = array("i")
        gate_list: list[tuple[datetime | None, str]] = []
        gate_index: dict[tuple[Any, ...], int] = {}
        new_ranked: dict[str, tuple[Any, priority.CaseFacts]] = {}
        gates, today_of, now = self.gates, self.today, self.now
        light = 0
        add_zone, add_attempts, add_fruitless = zones.append, attempts.append, fruitless.append
        add_callable, hold, add_gate = callable_at.append, held.append, gate_at.append
        for i, (p, case_id, segment, arm) in enumerate(zip(
                at, picked["id"], picked["segment"], picked["arm"], strict=True)):
            cf = facts_by_id[case_id]
            if type(cf) is not _Light:
                pf, entry = self._ranking_facts(_row_at(columns, p), cf, ranked_cache.get(case_id))
                new_ranked[case_id] = entry
                overdue[i], dpd[i], status[i] = pf.overdue_minor, pf.days_past_due, pf.status
                callback[i], due[i], promise_status[i], broken[i] = (pf.callback_due_at, pf.promise_due,
                                                                      pf.promise_status, pf.broken_promise_at)
                add_zone(pf.debtor_time_zone)
                add_attempts(pf.attempts_today)
                add_fruitless(pf.fruitless_today)
                add_callable(pf.callable_from)
                hold(pf)
                add_gate(-1)
                continue
            group = cf.group
            time_zone = group[-1]
            where = (group, segment, arm)
            g = gate_index.get(where)
            if g is None:
                found = gates.get(where)
                if found is None:
                    found = gates[where] = self._hour_only_gate(_row_at(columns, p), group)
                g = gate_index[where] = len(gate_list)
                gate_list.append(found)
            today = today_of.get(time_zone)
            if today is None:
                today = today_of[time_zone] = now.astimezone(priority._zone(time_zone)).toordinal()  # noqa: SLF001
            light += 1
            add_zone(time_zone)
            days = cf.days
            add_attempts(days.count(today) if days else 0)
            days = cf.fruitless_days
            add_fruitless(days.count(today) if days else 0)
            add_callable(gate_list[g][0])
            hold(cf)
            add_gate(g)
        self.light += light
        # The fields a `_Light` and a `priority.CaseFacts` both have, read in C.
        rpc = list(map(_RPC, held))
        tries = list(map(_TRIES, held))
        engaged = list(map(_ENGAGED, held))
        table_columns = (overdue, dpd, status, zones, callback, due, promise_status, broken, attempts, fruitless,
                         rpc, tries, callable_at, engaged)
        return table_columns, held, _LightValues(picked, gate_at, gate_list, today_of), new_ranked

    def _ranking_facts(self, row: Any, cf: _CaseFacts | _Light,
                       hit: tuple[Any, priority.CaseFacts] | None) -> tuple[priority.CaseFacts, tuple[Any, Any]]:
        """The case's `priority.CaseFacts` for this minute: its dial verdict (the guard, then
        the segment's cadence) and today's attempts; reused within the minute."""
        policy, now, book = self.policy, self.now, self.book
        stamp = (cf.key, self.minute, policy.name, row.segment, row.arm, book.version)
        if hit is not None and hit[0] == stamp:
            return hit[1], hit
        if isinstance(cf, _Light):
            pf = self._light(row, cf)
            if hit is not None and hit[1] == pf:
                pf = hit[1]
            return pf, (stamp, pf)
        callable_from, gate = self._gate(row, cf)
        today = self.today.get(cf.time_zone)
        if today is None:
            today = self.today[cf.time_zone] = now.astimezone(cf.zone).toordinal()
        pf = _facts(row, cf, now, callable_from, gate, today)
        if hit is not None and hit[1] == pf:
            pf = hit[1]  # unchanged in the new minute: the same object, so its table row is kept
        return pf, (stamp, pf)

    def _light(self, row: Any, cf: _Light) -> priority.CaseFacts:
        """`_ranking_facts` of a case whose history cannot change its gate (`_Light`): the
        gate computed once per group, placement and build (issue 20)."""
        group = cf.group
        time_zone = group[-1]
        at = (group, row.segment, row.arm)
        found = self.gates.get(at)
        if found is None:
            found = self.gates[at] = self._hour_only_gate(row, group)
        callable_from, gate = found
        today = self.today.get(time_zone)
        if today is None:
            today = self.today[time_zone] = self.now.astimezone(priority._zone(time_zone)).toordinal()  # noqa: SLF001
        self.light += 1
        return _made_fast(priority.CaseFacts, _PRIORITY_NAMES, (
            row.id, row.overdue_minor, row.days_past_due, row.status, time_zone, *_promise_facts(row),
            cf.days.count(today), cf.fruitless_days.count(today), cf.rpc_by_hour, cf.attempts_by_hour,
            callable_from, "CNY", cf.engaged_at, gate if callable_from is not None else ""))

    def _hour_only_gate(self, row: Any, group: tuple[Any, ...]) -> tuple[datetime | None, str]:
        """`_gate` of the cases of `group` (`_Light`) placed as `row`: the guard's verdict for
        no history and the cadence's for no calls, judged on the group's first planned contact
        (`compliance.HourOnlyVerdicts` shares it with every attempt alike)."""
        with self.cache._lock:
            values = list(self.cache._planned_of[group])
        due = values[9]
        values[9] = date.fromordinal(due) if due is not None else None
        planned = compliance.PlannedContact(*values)
        now = self.now
        allowed, next_at = self.verdicts.when_allowed(planned, (), now)
        callable_from = None if allowed else (next_at or priority.NOT_CALLABLE)
        gate = ""
        paced = self._paced(row, group[-1], None)
        if paced is not None and (callable_from is None or paced > callable_from):
            allowed, next_at = self.verdicts.when_allowed(planned, (), paced)
            callable_from = paced if allowed else (next_at or paced)
            gate = "cadence"
        return callable_from, gate

    def _paced(self, row: Any, time_zone: str, zone: ZoneInfo | None) -> datetime | None:
        """The cadence's next call for a case of `row`'s placement without recent calls: the
        same for every such case of the placement and zone."""
        at = (row.segment, row.arm, time_zone)
        if at in self.paced:
            return self.paced[at]
        found = self.paced[at] = next_call_at(self.placed.cadence(row.segment, row.arm), [], self.now,
                                              zone or ZoneInfo(time_zone))
        return found

    def _gate(self, row: Any, cf: _CaseFacts) -> tuple[datetime | None, str]:
        """The case's callable time at `now` and what sets it: the guard's verdict, then the
        segment's cadence ("cadence" when it holds the case back longer)."""
        now = self.now
        past = cf.past(now)  # also right for any later instant (the cadence's below)
        # The guard's verdict without its texts: the ranking reads only when (issue 20).
        allowed, next_at = self.verdicts.when_allowed(cf.planned, past, now)
        callable_from = None if allowed else (next_at or priority.NOT_CALLABLE)
        gate = ""
        calls = cf.recent_calls(now) if cf.calls[0] else []
        if calls:
            paced = next_call_at(self.placed.cadence(row.segment, row.arm), calls, now, cf.zone)
        else:  # no calls: the same for every case of the segment and zone
            paced = self._paced(row, cf.time_zone, cf.zone)
        if paced is not None and (callable_from is None or paced > callable_from):
            # The segment's cadence holds the case back longer than the guard does.
            allowed, next_at = self.verdicts.when_allowed(cf.planned, past, paced)
            callable_from = paced if allowed else (next_at or paced)
            gate = "cadence"
        return callable_from, gate


def _strategy_indices(segments: Iterable[str | None], arms_of: Iterable[str | None],
                      placed: _Placements) -> tuple[list[priority.Strategy], Any]:
    """`priority.strategy_indices` of the rows' placements (their segments and arms, in row
    order), looked up once per (segment, arm) rather than once per case (a lead's 96,000
    cases have a handful)."""
    by_arm: dict[tuple[Any, Any], priority.Strategy] = {}
    arms: list[tuple[Any, Any]] = []
    firsts: dict[tuple[Any, Any], tuple[Any, Any]] = {}
    first = firsts.setdefault
    for arm in zip(segments, arms_of, strict=True):
        arm = first(arm, arm)  # one tuple per placement kept, the others freed at once (issue 20)
        if arm not in by_arm:
            by_arm[arm] = placed.strategy(*arm)
        arms.append(arm)
    distinct: list[Any] = list(by_arm.values())
    strategies, index = priority.strategy_indices(distinct, _itself)
    if index is None:
        return strategies, None
    import numpy as np

    of = {arm: int(i) for arm, i in zip(by_arm, index.tolist(), strict=True)}
    return strategies, np.fromiter((of[arm] for arm in arms), np.int64, len(arms))


def _itself(value: Any) -> Any:
    return value


def _groups(row: Any) -> tuple[Any, ...]:
    """What puts a case in a group with others (the person, the numbers) and its strategy
    (`full` makes the same tuple inline)."""
    return (row.person_key, row.number_keys or "", row.segment, row.arm)


def _summary(s: Reading) -> tuple[Any, ...]:
    """The cases table's count and change numbers: any pull or removal changes it."""
    return s.summary()


def _signatures(s: Reading) -> dict[str, tuple[tuple[int, str], ...]]:
    """Each case's unsent local writes (sequence and state): a save or a push changes them."""
    return s.signatures()


def _key(case_id: str, own: Mapping[str, Any], siblings: dict[str, tuple[str, ...]],
         policy: compliance.ContactPolicy, holds: tuple[Any, ...] | None = None) -> Any:
    """`holds`: `_holds(policy)`, made once for a build's many keys."""
    others = siblings.get(case_id)
    if not others:
        return (own[case_id], (), "")
    # The policy says which holds are the person's (`caseview.with_person_marks`).
    return (own[case_id], tuple((i, own[i]) for i in others), holds or _holds(policy))


def _holds(policy: compliance.ContactPolicy) -> tuple[Any, ...]:
    return (policy.name, tuple(sorted(policy.person_wide_holds)))


def _key_bytes(key: Any) -> bytes:
    """The key as kept beside the facts in the local store."""
    return orjson.dumps(key)


def _stale(cache: QueueCache, case_id: str, key: Any, now: datetime, wait: timedelta | None) -> bool:
    """`wait`: the policy's wait after a conversation (a `_Light` made under another is stale)."""
    found = cache._facts.get(case_id)
    return found is None or found.key != key or not found.covers(now) or (
        type(found) is _Light and found.wait != wait)


_FREEZING = threading.Lock()


class _Reasons(Sequence[PriorityReason]):
    """A row's reasons, worded when first asked for: a start ranks thousands of cases and
    the desk shows a screenful (the queue model asks for a row's text when it paints it).
    Holds what `priority._factors` needs: the case's facts and the ranking's parts with the
    row's place in them (`ranking.RankingParts`, derived from the table), read when first
    worded; a refresh that changes a row in place (`CaseTable.set_row`, `Ranking.update`)
    also has its reasons `freeze` the row's parts, so the words are those of the ranking the
    row came from. Not one tuple of parts per row: a lead's
    100,000 rows made ~34 MB of them (issue 20). Compares, hashes and reads as the tuple it
    stands for."""

    __slots__ = ("_made", "_facts", "_parts", "_ctx", "_columns", "_i")

    def __init__(self, facts: priority.CaseFacts, columns: ranking_mod.RankingParts, i: int, ctx: Any) -> None:
        self._made: tuple[PriorityReason, ...] | None = None
        self._parts: tuple[Any, ...] | None = None
        self._columns: ranking_mod.RankingParts | None = columns
        self._facts, self._i, self._ctx = facts, i, ctx

    def freeze(self) -> None:
        """Take the row's parts now: its ranking's columns are about to change in place (a
        refresh on the queue's thread) or its words are wanted (the desk's); one at a time,
        so the words are never read from columns changed half-way."""
        with _FREEZING:
            if self._parts is None and self._columns is not None:
                self._parts = ranking_mod.parts_at(self._columns, self._i)
                self._columns = None

    def _all(self) -> tuple[PriorityReason, ...]:
        made = self._made
        if made is None:
            self.freeze()
            assert self._parts is not None
            made = self._made = tuple(PriorityReason(f.key, f.text_en, f.text_zh, f.points)
                                      for f in priority._factors(self._facts, self._parts, self._ctx))  # noqa: SLF001
        return made

    @overload
    def __getitem__(self, i: int) -> PriorityReason: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[PriorityReason, ...]: ...

    def __getitem__(self, i: int | slice) -> PriorityReason | tuple[PriorityReason, ...]:
        return self._all()[i]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[PriorityReason]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Reasons):
            return self._all() == other._all()
        if isinstance(other, tuple):
            return self._all() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


def _queue_row(row: Any, ranking: ranking_mod.Ranking, i: int, has_pending: bool,
               shared: dict[Any, Any] | None = None) -> QueueRow:
    """The desk's row for table row `i`: the summary's columns, the score and the reasons
    (worded when first read). `shared` (one dict for a build): the columns with few
    distinct values (lender, currency, bucket, status, outcome, agent) as one object per
    value, not one string per row (issue 20: a lead's 100,000 rows)."""
    one = shared.setdefault if shared is not None else _same
    reasons = _Reasons(ranking.table.facts[i], ranking.parts, i, ranking.ctx)
    currency = one(row.currency, row.currency)
    return QueueRow(
        case_id=row.id, debtor_name=row.debtor_name, lender=one(row.lender, row.lender),
        overdue=Money(row.overdue_minor, currency), outstanding=Money(row.outstanding_minor, currency),
        days_past_due=row.days_past_due, bucket=one(row.bucket, row.bucket), status=one(row.status, row.status),
        last_outcome=one(row.last_outcome, row.last_outcome), last_attempt_at=_dt(row.last_attempt_at),
        score=float(ranking.scores[i]), reasons=reasons,
        callable_from=ranking.callable_from(i), assigned_agent=one(row.assigned_agent, row.assigned_agent),
        has_pending=has_pending,
    )


_SHOWN_NAMES = ("id", "debtor_name", "lender", "overdue_minor", "outstanding_minor", "currency", "days_past_due",
                "bucket", "status", "last_outcome", "last_attempt_at", "assigned_agent")
_SHOWN = operator.itemgetter(*(_LIGHT_NAMES.index(name) for name in _SHOWN_NAMES))
_FEW_VALUES = tuple(_SHOWN_NAMES.index(name) for name in ("lender", "currency", "bucket", "status", "last_outcome",
                                                           "assigned_agent"))
_Shown = namedtuple("_Shown", _SHOWN_NAMES)  # type: ignore[misc]  # noqa: PYI024 - made from the columns
# The shown text columns read as `PackedTexts` (`Reading.case_columns`): a name and a time
# per case, read when a row is made (issue 20: ~11 MB of strings less at a lead's 96,000 cases).
_PACKED_NAMES = ("debtor_name", "last_attempt_at")


class _At(Sequence[Any]):
    """A column read at given places: row i is `column[places[i]]` (the build's packed
    texts, which hold every case, read by the queue's table row)."""

    __slots__ = ("column", "places")

    def __init__(self, column: Sequence[Any], places: Sequence[int]) -> None:
        self.column, self.places = column, places

    def __len__(self) -> int:
        return len(self.places)

    @overload
    def __getitem__(self, i: int) -> Any: ...

    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self.column[p] for p in self.places[i]]
        return self.column[self.places[i]]


class _RowMaker:
    """A build's queue rows by table row, each made when first read (issue 20: a lead's
    96,000 rows are ranked, a screenful is painted). A row made for a case whose key,
    minute, prior and rules are those of a row made by an earlier build is that row (with
    this ranking's score and callable time): the desk's model then keeps what it painted."""

    def __init__(self, cache: QueueCache, rows: list[Any], ranking: ranking_mod.Ranking,
                 signatures: dict[str, Any], keys: Mapping[str, Any], stamp: tuple[Any, ...],
                 shown: tuple[Sequence[Any], ...] | None = None) -> None:
        self.cache, self.ranking = cache, ranking
        # Only the columns a row shows, by table row (`shown`, when the caller has them: tuples,
        # and the packed texts read at each row's place, `_At`): not the summary rows
        # themselves (their search text, keys and dates: ~50 MB at a lead's 96,000 cases,
        # issue 20). The columns with few values become a code per row (`Category`).
        columns: list[Any]
        if shown is not None:
            columns = list(shown)
        else:
            columns = list(zip(*map(_SHOWN, rows), strict=True)) if rows else [()] * len(_SHOWN_NAMES)
        for at in _FEW_VALUES:  # one string per distinct value and a code per row (issue 20)
            if not isinstance(columns[at], Category):
                columns[at] = Category.encode(columns[at])
        self.columns: tuple[Any, ...] = tuple(columns)
        self.changed: dict[int, Any] = {}  # table row -> its summary row after a refresh (`fork`)
        self.signatures, self._stamp = signatures, stamp
        self.ids: Sequence[str] = columns[0]  # the case ids (`_SHOWN_NAMES` starts with "id")
        # Each row's key: by case id from `keys` (a full build's `_Keys`, made when asked:
        # issue 20), or by table row for the rows a refresh changed (`fork`).
        self.keys: Mapping[str, Any] = keys
        self.rekeyed: dict[int, Any] = {}
        self.made: dict[int, QueueRow] = {}
        self.shared: dict[Any, Any] = {}  # `_queue_row`'s values with few distinct ones

    def stamp(self, i: int) -> tuple[Any, ...]:
        """What a made row of table row `i` was made under (`QueueCache._rows`)."""
        key = self.rekeyed.get(i)
        return (self.keys[self.ids[i]] if key is None else key, *self._stamp)

    def row(self, i: int) -> QueueRow:
        found = self.made.get(i)
        if found is not None:
            return found
        r, cache = self.summary(i), self.cache
        stamp = self.stamp(i)
        with cache._lock:
            cached = cache._rows.get(r.id)
        if cached is not None and cached[0] == stamp:
            made = cached[1]
            score, callable_from = float(self.ranking.scores[i]), self.ranking.callable_from(i)
            if made.score != score or made.callable_from != callable_from:
                made = replace(made, score=score, callable_from=callable_from)
        else:
            made = _queue_row(r, self.ranking, i, r.id in self.signatures, self.shared)
            with cache._lock:
                cache._rows[r.id] = (stamp, made)
        return self.made.setdefault(i, made)

    def remake(self, i: int) -> QueueRow:
        """Row `i` made anew (its case was re-scored)."""
        made = self.made[i] = _queue_row(self.summary(i), self.ranking, i, self.ids[i] in self.signatures)
        return made

    def summary(self, i: int) -> Any:
        """Table row `i`'s summary columns (what `_queue_row` reads)."""
        found = self.changed.get(i)
        return found if found is not None else _Shown._make(column[i] for column in self.columns)

    def freeze(self, rows: Sequence[int]) -> None:
        """The made rows among `rows` take their reasons' parts now: the ranking's columns
        are about to change in place."""
        for i in rows:
            found = self.made.get(i)
            if found is not None and isinstance(found.reasons, _Reasons):
                found.reasons.freeze()

    def fork(self, signatures: dict[str, Any], keys: dict[str, Any], rows: dict[int, Any]) -> _RowMaker:
        """The same build's rows after a refresh that changes a few (`rows`, by table row:
        their new summary rows; `remake` them): the rows made so far are shared, the
        earlier queue keeps its own."""
        other = _RowMaker.__new__(_RowMaker)
        other.cache, other.ranking, other._stamp = self.cache, self.ranking, self._stamp
        other.columns, other.changed = self.columns, {**self.changed, **rows}
        other.signatures, other.keys = signatures, self.keys
        other.rekeyed = {**self.rekeyed, **{i: keys[row.id] for i, row in rows.items() if row.id in keys}}
        other.ids, other.made, other.shared = self.ids, dict(self.made), self.shared
        return other


class QueueRows(Sequence[QueueRow]):
    """The ranked queue, best first, as the rows the desk reads: a row is made when it is
    first read (painted, opened), not for every case (issue 20). Reads as the list of rows
    it stands for; `case_ids` and `first_to_open` answer from the ranking's columns."""

    __slots__ = ("_order", "_maker", "_order_array", "_index", "_positions")

    def __init__(self, order: Any, maker: _RowMaker, index: Mapping[str, int]) -> None:
        """`index`: the build's table row by case id (`_Index`)."""
        # The table rows best first as a C array (not a list of ~96,000 int objects, issue 20).
        # 32 bits a row (issue 20); `first_to_open` reads it through a numpy view, not a copy.
        self._order = array("i", order.astype("int32").tobytes()) if hasattr(order, "astype") \
            else array("i", order)
        self._maker = maker
        self._order_array: Any = None  # `_order` as a numpy array, made by the first `first_to_open`
        self._index = index
        self._positions: Any = None  # each table row's position, made by the first `position`

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, i: int) -> QueueRow: ...

    @overload
    def __getitem__(self, i: slice) -> list[QueueRow]: ...

    def __getitem__(self, i: int | slice) -> QueueRow | list[QueueRow]:
        if isinstance(i, slice):
            return [self._maker.row(j) for j in self._order[i]]
        return self._maker.row(self._order[i])

    def __iter__(self) -> Iterator[QueueRow]:
        row = self._maker.row
        for j in self._order:
            yield row(j)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (QueueRows, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"QueueRows({len(self)} rows)"

    def case_ids(self) -> list[str]:
        """Every row's case id, best first, without making the rows."""
        ids = self._maker.ids
        return [ids[j] for j in self._order]

    def position(self, case_id: str) -> int | None:
        """The position of the case's row, best first (None: not in this queue). From the
        build's index and an array of positions by table row: the desk's model asks it
        instead of keeping a dict of ~96,000 entries of its own (issue 20)."""
        row = self._index.get(case_id)
        if row is None:
            return None
        positions = self._positions
        if positions is None:
            import numpy as np

            found = np.full(len(self._maker.ids), -1, np.int32)
            found[np.asarray(self._order, np.int32)] = np.arange(len(self._order), dtype=np.int32)
            positions = self._positions = array("i", found.tobytes())
        at = positions[row]
        return at if at >= 0 else None

    def first_to_open(self, current: str | None, now: datetime) -> QueueRow | None:
        """`queue_model.next_to_open` from the ranking's columns: the first open row callable
        at `now`, else the open row callable soonest (the first of equals), not `current`."""
        import numpy as np

        ranking = self._maker.ranking
        # Kept between calls: "Next case" runs inside the block that shows the next case
        # after a save, and these rows are never changed (issue 20).
        order = self._order_array
        if order is None:
            order = self._order_array = np.asarray(self._order, np.int32)  # a view of `_order`
        if not len(order):
            return None
        table = ranking.table
        opened = table.status[order] == 0  # "open" (`ranking._STATUS`)
        later = ranking.group[order] == ranking_mod._LATER  # noqa: SLF001
        at = np.where(later, table.callable_us[order], np.iinfo(np.int64).min)
        if current is not None:
            # The table row of `current` (a build ranks each case once), not one string
            # comparison per queue row in Python (~0.5 ms at 5,000 cases).
            ids = self._maker.ids
            try:
                shown = ids.index(current)
            except ValueError:
                pass  # not in this queue (filtered out): nothing to leave out
            else:
                opened &= order != shown
        now_us = (now - _EPOCH) // _US
        ready = np.flatnonzero(opened & (at <= now_us))
        if len(ready):
            return self[int(ready[0])]
        waiting = np.flatnonzero(opened & later)
        if not len(waiting):
            return None
        return self[int(waiting[np.argmin(at[waiting])])]


def count_matches(store: LocalStore, search: str) -> int:
    """Open and held cases whose name, phone tail or account number holds `search`, whatever
    the queue's filter: the desk says when a filter hides some of them."""
    from sqlalchemy import func, select

    from agentdesk.client.store_tables import CaseRow

    needle = search.strip().lower()
    with store.sessions() as s:
        query = select(func.count()).select_from(CaseRow).where(CaseRow.status != "closed")
        if needle:
            query = query.where(CaseRow.search_text.contains(needle, autoescape=True))
        return int(s.scalar(query) or 0)


class _Placements:
    """Each (segment, arm)'s strategy and cadence from the book, made once per queue build."""

    def __init__(self, book: StrategyBook) -> None:
        self.book = book
        self._strategies: dict[tuple[str | None, str | None], priority.Strategy] = {}
        self._cadences: dict[tuple[str | None, str | None], Cadence] = {}

    def strategy(self, segment: str | None, arm: str | None) -> priority.Strategy:
        key = (segment, arm)
        found = self._strategies.get(key)
        if found is None:
            found = self._strategies[key] = self.book.strategy_for(segment, arm)
        return found

    def cadence(self, segment: str | None, arm: str | None) -> Cadence:
        key = (segment, arm)
        found = self._cadences.get(key)
        if found is None:
            found = self._cadences[key] = self.book.cadence_for(segment, arm)
        return found


def _siblings(ids: Sequence[str], person_keys: Sequence[str | None],
              number_keys: Sequence[str | None]) -> dict[str, tuple[str, ...]]:
    """For each case with any: the other cases of the same person or sharing a number (the
    summary's columns, `Reading.case_columns`)."""
    groups: dict[str, list[str]] = {}
    for case_id, person_key, numbers in zip(ids, person_keys, number_keys, strict=True):
        if person_key:
            groups.setdefault("p:" + person_key, []).append(case_id)
        for key in (numbers or "").split():
            groups.setdefault("n:" + key, []).append(case_id)
    found: dict[str, set[str]] = {}
    for members in groups.values():
        if len(members) > 1:
            for case_id in members:
                found.setdefault(case_id, set()).update(m for m in members if m != case_id)
    memory.empty(groups)  # ~200,000 lists at a lead's 100,000 cases
    return {case_id: tuple(sorted(others)) for case_id, others in found.items()}


def _case_facts(key: Any, detail: caseview.ContactHistory,
                siblings: list[caseview.ContactFacts] | None = None) -> _CaseFacts:
    zone = ZoneInfo(detail.time_zone)
    rpc = [0] * 24
    tries = [0] * 24
    days: list[int] = []
    fruitless: list[int] = []
    call_at = [_as_instant(a.started_at) for a in detail.attempts if getattr(a, "channel", "call") == "call"]
    for a in detail.attempts:
        local = a.started_at.astimezone(zone)
        tries[local.hour] += 1
        if a.reached == "right_party":
            rpc[local.hour] += 1
        day = local.toordinal()
        days.append(day)
        if a.reached == "nobody":
            fruitless.append(day)
    phone = caseview.primary_phone(detail)
    planned = caseview.planned(detail, phone)
    past = caseview.past_contacts(detail, siblings or ())
    return _CaseFacts(
        key=key, time_zone=detail.time_zone, zone=zone, rpc_by_hour=tuple(rpc), attempts_by_hour=tuple(tries),
        days=tuple(days), fruitless_days=tuple(fruitless), planned=planned,
        contacts=_columns(past),
        lasting=tuple(compliance.lasting_contacts(planned, past)), engaged_at=getattr(detail, "engaged_at", None),
        calls=(tuple(c[0] for c in call_at), tuple(c[1] for c in call_at)),
    )


def _columns(past: list[compliance.PastContact]) -> Contacts:
    instants = [_as_instant(p.at) for p in past]
    return (tuple(i[0] for i in instants), tuple(i[1] for i in instants),
            *(tuple(getattr(p, name) for p in past) for name in _PAST_FIELDS))


def _facts(row: Any, cf: _CaseFacts, now: datetime, callable_from: datetime | None,
           gate: str = "", today: int | None = None) -> priority.CaseFacts:
    """`today`: the debtor's day at `now` (ordinal), when the caller has it."""
    today_local = now.astimezone(cf.zone).toordinal() if today is None else today
    attempts_today = cf.days.count(today_local)
    fruitless_today = cf.fruitless_days.count(today_local)
    return _made_fast(priority.CaseFacts, _PRIORITY_NAMES, (
        row.id, row.overdue_minor, row.days_past_due, row.status, cf.time_zone, *_promise_facts(row),
        attempts_today, fruitless_today, cf.rpc_by_hour, cf.attempts_by_hour,
        callable_from, "CNY", cf.engaged_at, gate if callable_from is not None else ""))


def _promise_facts(row: Any) -> tuple[Any, ...]:
    """The summary row's callback time, promise due date, status and broken instant, as
    `priority.CaseFacts` holds them."""
    return _promise_values(row.callback_due_at, row.promise_due, row.promise_status)


def _promise_values(callback_due_at: str | None, due: str | None, status: str | None) -> tuple[Any, ...]:
    """`_promise_facts` of the summary's values."""
    promise_due = date.fromisoformat(due) if due else None
    broken_at = None
    if status == "broken" and promise_due is not None:
        broken_at = datetime(promise_due.year, promise_due.month, promise_due.day, tzinfo=UTC)
    return _dt(callback_due_at), promise_due, status, broken_at


_PRIORITY_NAMES = ("case_id", "overdue_minor", "days_past_due", "status", "debtor_time_zone", "callback_due_at",
                   "promise_due", "promise_status", "broken_promise_at", "attempts_today", "fruitless_today",
                   "rpc_by_hour", "attempts_by_hour", "callable_from", "currency", "engaged_at", "gate")

