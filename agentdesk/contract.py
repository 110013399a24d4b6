"""Wire schemas of the /v1 API, shared by the server and the client.

One module so the server's OpenAPI document and the client's parsing can never disagree:
the server declares its endpoints with these models and the client validates what it
receives with the same ones. Money travels as integer minor units with a currency code;
times travel as ISO 8601 in UTC.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from agentdesk.contract_moves import *  # noqa: F403 - the reassignment history's schemas (issue 18)
from agentdesk.contract_strategy import *  # noqa: F403 - the strategy engine's schemas are part of the contract
from agentdesk.contract_strategy import PlacementPrice, StrategyBook
from agentdesk.domain.outcomes import Outcome, Reached

API_VERSION = "1.0"
# Oldest desktop/client version the server still accepts; older ones are told to update.
MIN_CLIENT_VERSION = "0.1.0"
CLIENT_VERSION_HEADER = "X-AgentDesk-Client"
# The push names the desk's own event stream (the id its hello carried): the desk pulls right
# after its push, so the server does not poke that stream for it. Other streams still hear it.
EVENT_STREAM_HEADER = "X-AgentDesk-Stream"


def _has_surrogate(value: Any, depth: int = 0) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value) if not value.isascii() else False
    if depth > 64:  # the server refuses deeper bodies before they get here
        return False
    if isinstance(value, dict):
        return any(_has_surrogate(k, depth + 1) or _has_surrogate(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_surrogate(v, depth + 1) for v in value)
    return False


class _Strict(BaseModel):
    """A request body: unknown fields refused, and text must be real Unicode.

    JSON may spell a lone UTF-16 surrogate ("\\ud800"); Python keeps it in a str that no
    database, hash or log can encode, so it is refused here with a message instead.
    """

    model_config = ConfigDict(extra="forbid")
    # False where a member is checked later on its own (a push's payloads: one bad mutation is
    # that mutation's rejection, never the whole push's 422).
    _scan_unicode: ClassVar[bool] = True

    @model_validator(mode="before")
    @classmethod
    def _valid_unicode(cls, data: Any) -> Any:
        if cls._scan_unicode and _has_surrogate(data):
            raise ValueError("text must be valid Unicode: it holds a lone surrogate (\\ud800-\\udfff); remove it")
        return data


# Numbers in requests are JSON numbers of the right kind: no true for 1, no "100", no 1e12.
StrictInt = Annotated[int, Field(strict=True)]
# What a 32-bit INTEGER column holds (talk track versions); BIGINT columns take up to 2**63 - 1.
INT32_MAX = 2**31 - 1
# Instants and dates a request may carry: far wider than any real collection history, narrow
# enough that converting to UTC or adding a week never leaves what Python and the databases hold.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


# --- auth -------------------------------------------------------------------------------


class LoginRequest(_Strict):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class RefreshRequest(_Strict):
    refresh_token: Annotated[str, Field(min_length=16, max_length=256)]


class UserInfo(BaseModel):
    id: str
    username: str
    display_name: str
    role: Literal["agent", "lead", "admin"]
    team_id: str | None


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    user: UserInfo


class ServerInfo(BaseModel):
    api_version: str
    min_client_version: str
    server_time: datetime


class ErrorBody(BaseModel):
    """Every 4xx the API returns carries a machine code and a sentence a person can act on."""

    code: str
    message: str


# --- sync: pull -------------------------------------------------------------------------

EntityName = Literal["case", "user", "team"]


class Change(BaseModel):
    entity: EntityName
    op: Literal["upsert", "remove"]
    id: str
    data: dict[str, Any] = Field(default_factory=dict)


class PullResponse(BaseModel):
    changes: list[Change]
    cursor: str
    has_more: bool


# The code of a pull's 409 when its cursor comes from another database (restored from a
# backup, swapped) or lies past this one's history: pull the whole scope again, without a
# cursor, and keep the outbox (its mutations are answered "duplicate" where already applied).
FOREIGN_CURSOR = "foreign_cursor"


# A pull page in lines (newline-delimited JSON), for clients that send
# `Accept: application/x-ndjson`; others get `PullResponse` as JSON. The lines carry the
# same changes in the same order:
#
#   {"cursor": "<str>", "has_more": <bool>, "changes": <int>}        the page's envelope
#   {"entity": "user", "op": "upsert", "id": "...", "data": {...}}   as in `Change`
#   {"entity": "case", "op": "remove", "id": "..."}
#   {"entity": "case", "op": "upsert", "id": "...", "queue": {...}}  then, on the next line,
#   {"id": "...", ...the case document, as `Change.data` would hold it, its id first}
#
# `queue` holds the case's queue columns (agentdesk.domain.queue_columns), computed by the
# server from the same document. A desktop's first sync stores 20,000 documents and
# reads none of them: in this form it keeps each document's bytes as they came, instead
# of parsing and re-serializing them. JSON never has a raw newline inside a value, so a
# line is always one whole value.
PULL_LINES_MEDIA_TYPE = "application/x-ndjson"


# --- sync: push -------------------------------------------------------------------------


class ConductOverride(_Strict):
    """Phrases the conduct check flagged in a note that the agent saved anyway, with why."""

    phrases: Annotated[list[Annotated[str, Field(min_length=1, max_length=100)]], Field(min_length=1, max_length=20)]
    reason: Annotated[str, Field(min_length=3, max_length=500)]


class NoteAddPayload(_Strict):
    """`note.add`: a free-text note on a case, outside any call."""

    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    text: Annotated[str, Field(min_length=1, max_length=4000)]
    note_id: uuid.UUID | None = None
    written_at: datetime | None = None
    conduct_override: ConductOverride | None = None

    _aware = field_validator("written_at")(lambda v: _require_aware(v))


def _require_aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("times must carry a UTC offset (for example 2026-11-28T09:30:00Z)")
    if value is not None:
        try:
            year = value.astimezone(UTC).year
        except OverflowError:
            year = 0
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise ValueError(f"the time must lie between the years {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


def _sane_date(value: date) -> date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"the date must lie between the years {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


class AttemptRecordPayload(_Strict):
    """`attempt.record`: one contact attempt, a fact.

    The server stores it even when the case was reassigned meanwhile or the rules forbade
    it (then it is flagged for the lead): what happened stays true. An outcome that puts
    the case on hold (dispute, cease-contact, ...) applies the hold.
    """

    attempt_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    contact_point_id: Annotated[str, Field(max_length=64)] | None = None
    channel: Literal["call", "sms", "visit"] = "call"
    started_at: datetime
    ended_at: datetime | None = None
    reached: Reached
    outcome: Outcome
    note: Annotated[str, Field(max_length=4000)] = ""
    talk_track_id: Annotated[str, Field(max_length=64)] | None = None
    talk_track_version: Annotated[int, Field(strict=True, ge=1, le=INT32_MAX)] | None = None
    recording_ref: Annotated[str, Field(max_length=200)] | None = None
    # The call behind the attempt (issue 13): placed from the desk or taken when the debtor
    # called in; the PBX's SIP Call-ID, when it was answered and how long they talked.
    direction: Literal["outbound", "inbound"] = "outbound"
    sip_call_id: Annotated[str, Field(max_length=200)] | None = None
    answered_at: datetime | None = None
    talk_seconds: Annotated[int, Field(ge=0, le=86_400)] | None = None
    conduct_override: ConductOverride | None = None

    _aware = field_validator("started_at", "ended_at", "answered_at")(_require_aware)


class PromiseAddPayload(_Strict):
    """`promise.add`: a promise to pay, a decision; rejected on a case on hold or not owned."""

    promise_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    attempt_id: uuid.UUID | None = None
    amount_minor: Annotated[int, Field(strict=True, gt=0, le=10**12)]
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    due_date: date

    _sane = field_validator("due_date")(_sane_date)


class CallbackAddPayload(_Strict):
    """`callback.add`: a time the debtor asked to be called back; a decision."""

    callback_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    attempt_id: uuid.UUID | None = None
    due_at: datetime

    _aware = field_validator("due_at")(_require_aware)


PhoneNumber = Annotated[str, Field(min_length=5, max_length=24, pattern=r"^\+?[0-9][0-9 \-]{3,22}[0-9]$")]


class ContactPointAddPayload(_Strict):
    """`contact_point.add`: a number found by data repair; it waits unverified for the lead."""

    point_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    kind: Literal["phone"] = "phone"
    value: PhoneNumber
    owner: Literal["debtor", "emergency"]
    relation: Annotated[str, Field(max_length=20)] | None = None
    contact_name: Annotated[str, Field(max_length=100)] | None = None


class ContactPointMarkPayload(_Strict):
    """`contact_point.mark`: what a call showed about a number (wrong party, dead, do-not-contact)."""

    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    contact_point_id: Annotated[str, Field(min_length=1, max_length=64)]
    status: Literal["wrong_party", "invalid", "do_not_contact"]


class ConsentRecordPayload(_Strict):
    """`consent.record`: the debtor's own consent, given on a recorded call (the attempt),
    e.g. to calls in the quiet hours. It covers that debtor on that case, never a third party."""

    consent_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    attempt_id: uuid.UUID
    kind: Literal["late_calls"]
    given_at: datetime

    _aware = field_validator("given_at")(_require_aware)


class SmsSendPayload(_Strict):
    """`sms.send`: send one template to one of the case's numbers, exactly once.

    `message_id` is the message's idempotency key from the desk to the gateway. The server
    fills the template itself from its own copy of the case, checks it against the send
    guard (agentdesk.domain.sms_guard) and refuses with the reason, or queues it.
    """

    message_id: uuid.UUID
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    contact_point_id: Annotated[str, Field(min_length=1, max_length=64)]
    template_id: Annotated[str, Field(min_length=1, max_length=64)]
    template_version: Annotated[int, Field(ge=1)]
    lang: Literal["zh", "en"] = "zh"


MUTATION_TYPES: dict[str, type[BaseModel]] = {
    "note.add": NoteAddPayload,
    "attempt.record": AttemptRecordPayload,
    "promise.add": PromiseAddPayload,
    "callback.add": CallbackAddPayload,
    "contact_point.add": ContactPointAddPayload,
    "contact_point.mark": ContactPointMarkPayload,
    "consent.record": ConsentRecordPayload,
    "sms.send": SmsSendPayload,
}
MutationType = Literal[
    "note.add", "attempt.record", "promise.add", "callback.add", "contact_point.add", "contact_point.mark",
    "consent.record", "sms.send",
]


class Mutation(_Strict):
    """One write from a client's outbox; `id` is generated by the client, once."""

    _scan_unicode: ClassVar[bool] = False  # the payload is validated per mutation (its type's model)

    id: uuid.UUID
    type: MutationType
    payload: dict[str, Any]


class PushRequest(_Strict):
    _scan_unicode: ClassVar[bool] = False

    mutations: Annotated[list[Mutation], Field(max_length=500)]


class MutationResult(BaseModel):
    id: uuid.UUID
    status: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None


class PushResponse(BaseModel):
    results: list[MutationResult]


# --- lead operations --------------------------------------------------------------------

AgentState = Literal["available", "on_call", "wrap_up", "break", "offline"]


class AgentStateRequest(_Strict):
    state: AgentState


class BoardAgent(BaseModel):
    """One row of the team board; money in minor units, counts for the lead's "today"."""

    id: str
    username: str
    display_name: str
    state: str
    state_since: datetime | None = None
    queue_size: int
    queue_value_minor: int
    attempts_today: int
    rpc_today: int
    promises_today: int
    promised_minor_today: int
    collected_minor_today: int
    away_today: bool = False  # absent today by the collector's settings (issue 18)
    capacity: int | None = None  # the collector's capacity (open cases)


class TeamBoard(BaseModel):
    as_of: datetime
    agents: list[BoardAgent]


ShortId = Annotated[str, Field(min_length=1, max_length=64)]


class ReassignFilter(_Strict):
    """Which cases of the team to move; every field given must match (AND)."""

    agent_id: ShortId | None = None
    unassigned: Annotated[bool, Field(strict=True)] | None = None  # true: only cases no agent holds (from intake)
    bucket: Literal["M0", "M1", "M2", "M3", "M4+"] | None = None
    min_dpd: Annotated[int, Field(strict=True, ge=0, le=100_000)] | None = None
    max_dpd: Annotated[int, Field(strict=True, ge=0, le=100_000)] | None = None
    min_overdue_minor: Annotated[int, Field(strict=True, ge=0, le=10**15)] | None = None
    max_overdue_minor: Annotated[int, Field(strict=True, ge=0, le=10**15)] | None = None
    status: Literal["open", "on_hold", "closed"] | None = None
    last_outcome: Annotated[str, Field(max_length=24)] | None = None
    promise_status: Literal["pending", "kept", "broken", "none"] | None = None


class ReassignRequest(_Strict):
    """Move cases: an explicit list or a filter (exactly one), to agents by mode.

    `one`: all to the single agent in `agent_ids`; `even`: round-robin, each next case to
    the target that has received the fewest; `capacity`: in proportion to each target's
    remaining capacity (`capacity[agent] - current queue size`, never below zero).
    """

    case_ids: Annotated[list[ShortId], Field(min_length=1, max_length=200_000)] | None = None
    filter: ReassignFilter | None = None
    mode: Literal["one", "even", "capacity"]
    agent_ids: Annotated[list[ShortId], Field(min_length=1, max_length=500)]
    capacity: dict[ShortId, Annotated[int, Field(strict=True, ge=0, le=10_000_000)]] | None = None

    @model_validator(mode="after")
    def _one_selection(self) -> ReassignRequest:
        if (self.case_ids is None) == (self.filter is None):
            raise ValueError("give exactly one of case_ids or filter")
        if self.mode == "one" and len(set(self.agent_ids)) != 1:
            raise ValueError("mode 'one' takes exactly one agent in agent_ids")
        if self.mode == "capacity":
            missing = [a for a in self.agent_ids if a not in (self.capacity or {})]
            if missing:
                raise ValueError("mode 'capacity' needs a capacity for every agent in agent_ids")
        return self


class Move(BaseModel):
    case_id: str
    from_agent_id: str | None
    to_agent_id: str


class AgentLoad(BaseModel):
    agent_id: str
    username: str
    before_cases: int
    before_minor: int
    after_cases: int
    after_minor: int
    capacity: int | None = None  # the collector's capacity (open cases); None: not a collector


class ReassignPreview(BaseModel):
    moves: list[Move]  # at most MAX_MOVES_LISTED; total_cases counts them all
    total_cases: int
    total_minor: int
    per_agent: list[AgentLoad]


class ReassignResult(ReassignPreview):
    reassignment_id: str


class UndoResult(BaseModel):
    restored: int
    skipped: int


MAX_MOVES_LISTED = 1000


class FlaggedAttempt(BaseModel):
    attempt_id: str
    case_id: str
    agent_id: str | None
    agent: str
    started_at: datetime
    channel: str
    reached: str
    outcome: str
    compliance_flag: str


class RejectedMutation(BaseModel):
    mutation_id: str
    user_id: str
    username: str
    type: str
    reason: str | None
    case_id: str | None
    received_at: datetime


class NumberToVerify(BaseModel):
    id: str
    case_id: str
    kind: str
    value_masked: str
    owner: str
    relation: str | None
    contact_name: str | None
    added_by: str | None  # username
    created_at: datetime


class FlaggedPage(BaseModel):
    items: list[FlaggedAttempt]
    total: int


class RejectedPage(BaseModel):
    items: list[RejectedMutation]
    total: int


class NumbersPage(BaseModel):
    items: list[NumberToVerify]
    total: int


class VerifyRequest(_Strict):
    approve: Annotated[bool, Field(strict=True)]


class ContactPointStatus(BaseModel):
    id: str
    case_id: str
    status: str


class RevealedValue(BaseModel):
    value: str


class DailyRow(BaseModel):
    day: date
    promises: int
    promised_minor: int
    collected_minor: int


class HourRow(BaseModel):
    hour: int
    attempts: int
    rpc: int


class FunnelRow(BaseModel):
    agent_id: str
    username: str
    attempts: int
    contacts: int  # right-party contacts
    promises: int
    kept: int


class SmsTemplateRow(BaseModel):
    """One SMS template version's results for the lead's chart (`GET /v1/reports/sms-templates`)."""

    template_id: str
    version: int
    sent: int
    delivered: int
    failed: int
    opened: int
    paid_7d: int  # cases with a payment within 7 days of the message


class TalkTrackRow(BaseModel):
    talk_track_id: str | None
    version: int | None
    attempts: int
    rpc: int
    promises: int


# --- intake ---------------------------------------------------------------------------


class RowProblem(BaseModel):
    """Row numbers are the spreadsheet's (the header is row 1); reasons never quote personal data."""

    row: int
    column: str
    reason: str


class ImportReport(BaseModel):
    imported: bool  # false: the file had problems and nothing was written
    rows: int
    created: int
    updated: int
    unchanged: int
    rejected_rows: int
    problems: list[RowProblem]
    header_row: int = 1  # the spreadsheet row the column names were found in
    columns: dict[str, str] = Field(default_factory=dict)  # field → the file's column taken for it
    # What the batch is expected to recover (agentdesk.server.pricing_step); None when nothing was created.
    pricing: PlacementPrice | None = None


class PaymentsReport(BaseModel):
    imported: bool
    rows: int
    payments_added: int
    duplicates: int
    promises_kept: int
    promises_broken: int
    problems: list[RowProblem]
    header_row: int = 1
    columns: dict[str, str] = Field(default_factory=dict)


# --- rules in force: compliance preset and queue strategy (GET /v1/rules, PUT /v1/strategy) ---


class StrategyInfo(BaseModel):
    """The queue's weights in force; `version` grows by one with every change."""

    name: str
    version: int
    weights: dict[str, float]  # every weight, defaults filled in (agentdesk.domain.strategy)
    changed_at: datetime | None = None  # None: the documented default, never changed
    changed_by: str | None = None  # username of the lead or admin who saved it


class Rules(BaseModel):
    """What every client must apply the same way: the compliance preset and the strategy.

    `version` changes whenever either does (it is also the response's ETag), so a client
    compares it with the one it stored instead of re-reading everything.
    """

    version: str
    policy: str  # the preset's name in resources/policies (e.g. "china", "us")
    strategy: StrategyInfo
    # Every segment's strategy and challenger (issue 14); `strategy` above is its last,
    # catch-all segment's weights. None from a server without the strategy engine.
    book: StrategyBook | None = None


class StrategyUpdate(_Strict):
    """A lead's or admin's new weights; weights left out take their documented default."""

    name: Annotated[str, Field(min_length=1, max_length=64)]
    weights: Annotated[dict[Annotated[str, Field(max_length=64)],
                            Annotated[float, Field(strict=True, allow_inf_nan=False)]], Field(max_length=64)]
    # The version the editor started from: saving over someone else's newer change is refused (409).
    expected_version: Annotated[int | None, Field(strict=True, ge=1, le=2**53)] = None


# --- recordings and QA (issue 13) --------------------------------------------------------

Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
MediaType = Annotated[str, Field(pattern=r"^audio/[a-z0-9.+-]{1,30}$")]
UPLOAD_OFFSET_HEADER = "Upload-Offset"
# The first piece of an upload may open it: the RecordingUpload JSON, base64, in this header.
UPLOAD_METADATA_HEADER = "Upload-Metadata"


class RecordingUpload(_Strict):
    """`PUT /v1/recordings/{id}`: open (or find again) the upload of one call's recording.

    The id is the desk's, generated once, so a retried PUT finds the same upload; the
    answer says how many bytes the server already has (`RecordingState.received`).
    """

    attempt_id: uuid.UUID
    size: Annotated[int, Field(ge=1, le=2 * 1024**3)]
    sha256: Sha256Hex
    media_type: MediaType
    sip_call_id: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None

    _aware = field_validator("started_at", "ended_at")(_require_aware)


class RecordingState(BaseModel):
    """Where an upload stands. `archived` with the same sha256 is the server's confirmation
    that it holds the whole file: only then may the desk delete its copy."""

    id: str
    state: Literal["receiving", "archived", "purged"]
    size: int
    received: int
    sha256: str


class RecordingImported(BaseModel):
    """A PBX's recording taken in (`POST /v1/recordings/import`, `agentdesk-server recordings import`)."""

    id: str
    sha256: str
    size: int
    attempt_id: str | None  # None: no attempt carries that SIP call id yet; linked when one arrives
    duplicate: bool


class RecordingItem(BaseModel):
    """One archived recording in a lead's (or an agent's own) list."""

    id: str
    attempt_id: str | None
    case_id: str | None
    agent: str | None  # username
    started_at: datetime | None
    duration_ms: int | None
    size: int
    media_type: str
    sha256: str
    source: str
    reached: str | None
    outcome: str | None
    compliance_flag: str | None
    talk_track_id: str | None
    score: int | None
    scored_at: datetime | None


class RecordingPage(BaseModel):
    items: list[RecordingItem]
    total: int


class ScoreSheetItemInfo(BaseModel):
    id: str
    weight: int
    critical: bool
    text: dict[str, str]


class ScoreSheetInfo(BaseModel):
    """The QA score sheet in force (resources/qa/<preset>.yaml)."""

    id: str
    version: int
    preset: str
    title: dict[str, str]
    items: list[ScoreSheetItemInfo]


class QaScoreRequest(_Strict):
    """`PUT /v1/recordings/{id}/score`: a lead's answers (pass / fail / na per item) and comment."""

    sheet_id: Annotated[str, Field(min_length=1, max_length=64)]
    sheet_version: Annotated[int, Field(ge=1)]
    answers: Annotated[dict[Annotated[str, Field(max_length=48)], Literal["pass", "fail", "na"]],
                       Field(max_length=64)]
    comment: Annotated[str, Field(max_length=4000)] = ""


class QaScoreInfo(BaseModel):
    recording_id: str
    attempt_id: str | None
    case_id: str | None
    agent: str | None
    call_started_at: datetime | None
    sheet_id: str
    sheet_version: int
    answers: dict[str, str]
    score: int
    comment: str
    scored_by: str  # username
    scored_at: datetime


class QaAgentRow(BaseModel):
    agent_id: str
    username: str
    scored: int
    average: float | None


class QaTrackRow(BaseModel):
    talk_track_id: str | None
    version: int | None
    scored: int
    average: float | None


class QaReport(BaseModel):
    """Average QA score per agent and per talk track, over the recordings scored in the period."""

    by_agent: list[QaAgentRow]
    by_track: list[QaTrackRow]
