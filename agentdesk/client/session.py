"""A logged-in user on one server: the one object the desktop (or a script) talks to.

Reads come from the local store; writes are one local transaction that appends to the
outbox and nudges the sync engine. Nothing here blocks on the network except `login`
and `sync_now`, which callers run off the GUI thread.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from agentdesk import contract
from agentdesk.client import caseview, dialing, opencase, relogin
from agentdesk.client import queue as queue_mod
from agentdesk.client import rules as rules_mod
from agentdesk.client import sms as sms_mod
from agentdesk.client import strategy as strategy_mod
from agentdesk.client.api import ApiClient
from agentdesk.client.credentials import SecretStore
from agentdesk.client.errors import ClientError, InvalidOutcome, NoCachedData, ServerUnreachable, StoreLocked
from agentdesk.client.store import LocalStore, overlay
from agentdesk.client.sync import ChangeSet, SyncEngine
from agentdesk.client.uploads import RecordingUploads
from agentdesk.client.views import CaseDetail, OutcomeDraft, PreparedOutcome, QueueRow, SyncStatus
from agentdesk.clock import PROCESS, Clock
from agentdesk.domain import casewrites, compliance, talktracks
from agentdesk.domain.outcomes import Outcome, Reached
from agentdesk.domain.strategy import Strategy
from agentdesk.domain.strategy_book import StrategyBook
from agentdesk.paths import data_dir

log = logging.getLogger(__name__)

__all__ = ["ClientSession", "ChangeSet"]


def store_path(server_url: str, username: str, base: Path | None = None) -> Path:
    """One database per server and user, named without revealing either in clear."""
    digest = hashlib.sha256(f"{server_url.rstrip('/')}|{username}".encode()).hexdigest()[:16]
    return (base or data_dir()) / "stores" / f"{digest}.db"


class ClientSession:
    """`policy_name` is the compliance preset used until the server has sent its own rules
    (a fresh store opened offline); afterwards the stored rules decide (see client.rules)."""

    def __init__(self, api: ApiClient, store: LocalStore, secrets: SecretStore, user: contract.UserInfo,
                 *, policy_name: str = rules_mod.DEFAULT_POLICY, clock: Clock | None = None) -> None:
        self.api = api
        # Every "now" of the session (verdicts, the debtor's today, times written) comes from here.
        self.clock = clock or PROCESS
        self.store = store
        self.secrets = secrets
        self.user = user
        self.server_url = api.base_url
        self.sync = SyncEngine(api, store, clock=self.clock)
        self._fallback_policy = policy_name
        self.rules = rules_mod.load(store, policy_name)
        self.sync.add_change_listener(self._rules_changed)
        self._tracks: list[talktracks.TalkTrack] | None = None
        self._kept_book: tuple[rules_mod.RulesInForce, StrategyBook] | None = None  # `_track_book`
        self.offline_start = False
        # Queue facts per case, so refreshing the queue after one change recomputes one case.
        self.queue_cache = queue_mod.QueueCache()
        self.sync.add_change_listener(self.queue_cache.invalidate)
        # Call recordings waiting for upload, sealed with the store's key (client/uploads.py).
        self.uploads = open_uploads(api, store, secrets, self.clock)
        self.sync.add_status_listener(self.uploads.on_sync_status)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def login(cls, server_url: str, username: str, password: str, *, remember: bool = True,
              allow_unencrypted: bool = False, verify_tls: bool = True,
              data_root: Path | None = None, clock: Clock | None = None) -> ClientSession:
        """Log in over the network and open (or create) the local replica.

        `allow_unencrypted` is the explicit developer/demo switch for machines without a
        secure keyring: the store is then a plain SQLite file and tokens live in memory.
        """
        secrets = _secret_store(server_url, username, allow_unencrypted)
        api = ApiClient(server_url, verify_tls=verify_tls)
        try:
            pair = api.login(username, password)
        except Exception:
            api.close()
            raise
        if remember:
            secrets.save_refresh_token(pair.refresh_token)
            api.on_new_refresh_token = secrets.save_refresh_token
        else:
            secrets.forget_refresh_token()
        store = _open_store(server_url, username, secrets, data_root, clock)
        try:
            store.set_meta("username", pair.user.username)
            store.set_meta("user", pair.user.model_dump_json())
            return cls(api, store, secrets, pair.user, clock=clock)
        except Exception:
            store.close()
            api.close()
            raise

    @classmethod
    def open_cached(cls, server_url: str, username: str, *, allow_unencrypted: bool = False,
                    verify_tls: bool = True, data_root: Path | None = None,
                    clock: Clock | None = None) -> ClientSession:
        """Open the cached queue without the network (the server is down or unreachable).

        The remembered refresh token lets the sync engine reconnect by itself later.
        """
        secrets = _secret_store(server_url, username, allow_unencrypted)
        if not _store_file(store_path(server_url, username, data_root), secrets).exists():
            raise NoCachedData(server_url, username)
        store = _open_store(server_url, username, secrets, data_root, clock)
        raw = store.get_meta("user")
        if raw is None:
            store.close()
            raise NoCachedData(server_url, username)
        api = ApiClient(server_url, verify_tls=verify_tls, on_new_refresh_token=secrets.save_refresh_token)
        api.refresh_token = secrets.refresh_token()
        session = cls(api, store, secrets, contract.UserInfo.model_validate_json(raw), clock=clock)
        session.offline_start = True
        return session

    # --- rules in force ---------------------------------------------------------------------

    @property
    def policy(self) -> compliance.ContactPolicy:
        """The compliance preset the dial verdicts and promise checks use now."""
        return self.rules.policy

    @property
    def strategy(self) -> Strategy:
        """The queue strategy the queue is ordered by now."""
        return self.rules.strategy

    def _rules_changed(self, changes: ChangeSet) -> None:
        # One attribute, replaced whole: a queue built meanwhile uses the old or the new rules, never a mix.
        if changes.rules:
            self.rules = rules_mod.load(self.store, self._fallback_policy)

    # --- sync ----------------------------------------------------------------------------

    def start_sync(self) -> None:
        self.sync.start()
        self.uploads.start()

    def sync_now(self) -> ChangeSet:
        """Push and pull now (blocking): for scripts, tests and the first load.

        A session opened from the cache has no access token yet: the first call's 401 makes
        the API client refresh it, inside the cycle, so a failure shows in the status.
        """
        return self.sync.sync_once(check_rules=True)

    def stop(self) -> None:
        self.uploads.stop()
        self.sync.stop()
        self.api.close()
        self.store.close()

    def status(self) -> SyncStatus:
        return self.sync.status()

    def add_status_listener(self, fn: Any) -> None:
        self.sync.add_status_listener(fn)

    def add_change_listener(self, fn: Any) -> None:
        self.sync.add_change_listener(fn)

    def sign_in_again(self, password: str) -> None:
        """After the server ended the session (status SESSION_ENDED): see client/relogin.py."""
        relogin.sign_in_again(self, password)

    def logout(self, wipe_local_data: bool = False) -> bool:
        """End the session: the server revokes the token, the keyring forgets it.

        With `wipe_local_data` (an admin's choice for shared desks) the local store and its
        key go too, but only once nothing waits in the outbox: a last push is tried first,
        and if writes are still undelivered the store is kept, so the next sign-in on this
        desk sends them. Returns whether the store was wiped.
        """
        self.uploads.stop()
        self.sync.stop()
        if wipe_local_data and self.store.outbox_counts()[0]:
            try:
                self.sync.sync_once()
            except ClientError as exc:
                log.warning("last push before wiping failed: %s", exc)
        undelivered = self.store.outbox_counts()[0]
        try:
            self.api.logout()
        except ServerUnreachable:
            pass
        self.secrets.forget_refresh_token()
        self.api.close()
        self.store.close()
        if not wipe_local_data:
            return False
        if undelivered:
            log.warning("local store kept at sign-out: %d writes not yet delivered", undelivered)
            return False
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.store.path) + suffix).unlink(missing_ok=True)
        shutil.rmtree(self.store.recordings_folder, ignore_errors=True)  # empty: nothing waited
        self.secrets.forget_store_key()
        return True

    # --- reads ---------------------------------------------------------------------------

    def queue(self, now: datetime | None = None, filter: str = "all", search: str = "") -> Sequence[QueueRow]:
        rules = self.rules
        return queue_mod.build_queue(self.store, rules.policy, now or self.clock.now(), filter, search,
                                     self.user.username, self.queue_cache, strategy=rules.strategy,
                                     book=rules.book)

    def search_total(self, search: str) -> int:
        """How many cases the search finds with no filter (the desk says when a filter hides some)."""
        return queue_mod.count_matches(self.store, search)

    def case_detail(self, case_id: str) -> CaseDetail | None:
        doc = self._case_doc(case_id)
        return caseview.case_detail(doc) if doc is not None else None

    def open_case(self, case_id: str) -> opencase.OpenedCase | None:
        """The case and its siblings' contact facts from one read, for a desk that shows it."""
        return opencase.read_case(self.store, case_id, self.user.username, self.policy)

    def _case_doc(self, case_id: str) -> dict[str, Any] | None:
        """The case as the agent sees it: the server's document, this desk's pending writes,
        and what the person's other cases here say of the person and the numbers."""
        doc = self.store.case_doc(case_id)
        if doc is None:
            return None
        doc = overlay(doc, self.store.local_writes(case_id), self.user.username)
        siblings = self.store.overlaid_docs(self.store.sibling_ids(case_id), self.user.username)
        return caseview.with_person_marks(doc, list(siblings.values()), self.policy)

    def siblings(self, case_id: str) -> list[caseview.ContactFacts]:
        """The contact facts of the other cases here of the same person or sharing a number."""
        docs = self.store.overlaid_docs(self.store.sibling_ids(case_id), self.user.username)
        return [caseview.contact_facts(doc) for doc in docs.values()]

    def talk_tracks(self) -> list[talktracks.TalkTrack]:
        if self._tracks is None:
            self._tracks = talktracks.load_tracks()
        return self._tracks

    def talk_track(self, case_id: str, lang: str = "zh", track_id: str | None = None,
                   third_party: bool = False, detail: CaseDetail | None = None,
                   ) -> tuple[talktracks.TalkTrack, tuple[Any, ...]]:
        """`detail`: the case as already read (`open_case`), so showing it reads it once."""
        detail = detail if detail is not None and detail.case_id == case_id else self.case_detail(case_id)
        if detail is None:
            raise KeyError(case_id)
        tracks = self.talk_tracks()
        if track_id:
            track = next(t for t in tracks if t.id == track_id)
        else:
            track = talktracks.select_track(tracks, caseview.track_situation(detail, third_party))
            # The case's segment (or challenger arm) may use another track for this situation.
            where = detail.placement
            track = strategy_mod.pick_track(tracks, track, self._track_book(),
                                            where.segment if where else None, where.arm if where else None)
        variables = caseview.track_variables(detail, self.user.display_name, lang, self.policy)
        return track, talktracks.render(track, variables, lang)

    def _track_book(self) -> StrategyBook:
        """The rules' strategy book, made once per rules in force: with no book from the
        server, `strategy_book()` builds the default one (three validated models) on every
        call, and the talk track asks on every case opened (issue 20). Only read here."""
        rules = self.rules
        kept = self._kept_book
        if kept is None or kept[0] is not rules:
            kept = self._kept_book = (rules, rules.strategy_book())
        return kept[1]

    def check_dial(self, case_id: str, contact_point_id: str | None, now: datetime | None = None,
                   channel: str = "call") -> compliance.ComplianceVerdict:
        """The guard's verdict from the store as it is now: the person's and the numbers'
        history across every case this desk holds, pending writes included."""
        detail = self.case_detail(case_id)
        if detail is None:
            raise KeyError(case_id)
        return caseview.dial_verdict(detail, contact_point_id, self.policy, now or self.clock.now(),
                                     self.siblings(case_id), channel)

    def contact_budget(self, case_id: str, contact_point_id: str | None, channel: str = "call",
                       now: datetime | None = None) -> compliance.ContactBudget:
        detail = self.case_detail(case_id)
        if detail is None:
            raise KeyError(case_id)
        return caseview.contact_budget(detail, contact_point_id, self.policy, now or self.clock.now(),
                                       self.siblings(case_id), channel)

    # --- calls (agentdesk.client.dialing) -------------------------------------------------

    def begin_dial(self, case_id: str, contact_point_id: str | None) -> dialing.DialTicket:
        """The guard decides, on the store's current facts; raises `CallNotAllowed`."""
        now = self.clock.now()
        return dialing.begin(case_id, contact_point_id, self.check_dial(case_id, contact_point_id, now), now)

    def dial_number(self, contact_point_id: str) -> str:
        """The full number to dial (network: the server reveals it and audits the reveal)."""
        return str(self.api.call("POST", f"/v1/contact-points/{contact_point_id}/reveal")["value"])

    def dial_placed(self, ticket: dialing.DialTicket) -> None:
        dialing.placed(self.store, ticket)

    def last_dial(self, case_id: str) -> dialing.DialTicket | None:
        return dialing.last(self.store, case_id)

    # --- writes --------------------------------------------------------------------------

    def record_outcome(self, draft: OutcomeDraft) -> str:
        """One local transaction: the attempt, its promise or callback, into the outbox.

        The same rules as the server's push decide (agentdesk.domain.casewrites), with the
        debtor's calendar for dates; a refusal is an `InvalidOutcome` with the rule's code.
        """
        return self.write_outcome(self.prepare_outcome(draft))

    def prepare_outcome(self, draft: OutcomeDraft) -> PreparedOutcome:
        """Check `draft` and build its outbox writes, writing nothing yet.

        The checks read the case (a few milliseconds): a desk runs this on the GUI thread,
        so a refused wrap-up is told at once, then hands the result to `write_outcome` off
        it (issue 20: the save must not be one long GUI-thread block). Raises
        `InvalidOutcome` or `NoCallPlaced`, as `record_outcome` does.
        """
        try:
            reached, outcome = Reached(draft.reached), Outcome(draft.outcome)
        except ValueError as exc:
            raise InvalidOutcome(f"unknown outcome: {exc}", "unknown_outcome") from exc
        has_promise = draft.promise_amount is not None and draft.promise_date is not None
        now = self.clock.now()
        try:
            casewrites.check_attempt(reached, outcome, has_promise=has_promise,
                                     has_callback=draft.callback_at is not None)
        except casewrites.CaseWriteError as exc:
            raise InvalidOutcome.from_rule(exc) from exc
        opened = self.open_case(draft.case_id)  # as `case_detail`, in one store session
        if opened is None:
            raise InvalidOutcome("this case is no longer in your queue", "case_gone")
        state = caseview.case_state(opened.detail)
        try:
            if has_promise:
                assert draft.promise_amount is not None and draft.promise_date is not None
                casewrites.check_promise(state, draft.promise_amount.minor, draft.promise_amount.currency,
                                         draft.promise_date, now, self.policy)
            if draft.callback_at is not None:
                casewrites.check_callback(state, draft.callback_at, now)
        except casewrites.CaseWriteError as exc:
            raise InvalidOutcome.from_rule(exc) from exc
        ticket = dialing.check(self.store, draft.case_id, draft.contact_point_id, draft.inbound,
                               reached is not Reached.NOBODY)
        attempt_id = str(uuid.uuid4())
        started = _utc(draft.started_at)
        payload = contract.AttemptRecordPayload(
            attempt_id=uuid.UUID(attempt_id), case_id=draft.case_id,
            contact_point_id=draft.contact_point_id or (ticket.contact_point_id if ticket else None),
            started_at=started,
            ended_at=_utc(draft.ended_at) if draft.ended_at else now,
            reached=reached, outcome=outcome, note=draft.note.strip(),
            talk_track_id=draft.talk_track_id, talk_track_version=draft.talk_track_version,
            conduct_override=(contract.ConductOverride.model_validate(draft.conduct_override)
                              if draft.conduct_override else None),
            direction="inbound" if draft.inbound else "outbound", sip_call_id=draft.sip_call_id,
            answered_at=_utc(draft.answered_at) if draft.answered_at else None, talk_seconds=draft.talk_seconds,
        )
        writes: list[tuple[str, dict[str, Any]]] = [("attempt.record", payload.model_dump(mode="json"))]
        if has_promise:
            assert draft.promise_amount is not None and draft.promise_date is not None
            promise = contract.PromiseAddPayload(
                promise_id=uuid.uuid4(), case_id=draft.case_id, attempt_id=uuid.UUID(attempt_id),
                amount_minor=draft.promise_amount.minor, currency=draft.promise_amount.currency,
                due_date=draft.promise_date,
            )
            writes.append(("promise.add", promise.model_dump(mode="json")))
        if draft.callback_at is not None:
            callback = contract.CallbackAddPayload(
                callback_id=uuid.uuid4(), case_id=draft.case_id, attempt_id=uuid.UUID(attempt_id),
                due_at=_utc(draft.callback_at),
            )
            writes.append(("callback.add", callback.model_dump(mode="json")))
        if draft.consent_late_calls and reached is Reached.RIGHT_PARTY:
            consent = contract.ConsentRecordPayload(
                consent_id=uuid.uuid4(), case_id=draft.case_id, attempt_id=uuid.UUID(attempt_id),
                kind="late_calls", given_at=started,
            )
            writes.append(("consent.record", consent.model_dump(mode="json")))
        return PreparedOutcome(attempt_id, draft.case_id, tuple(writes), uses_dial=ticket is not None)

    def write_outcome(self, prepared: PreparedOutcome, nudge: bool = True) -> str:
        """Write a checked outcome: one local transaction (outbox rows, the draft and the dial
        used up, the queue columns), then sync is nudged. Safe on a worker thread (the store
        gives each call its own session). Returns the attempt's id.

        `nudge=False`: the caller nudges sync itself (the desk does, once the next case is
        on screen: a push woken at once would compete with that case's showing for the
        interpreter)."""
        case_id = prepared.case_id
        # One dial, one attempt: the outcome uses the dial up (`dialing.use_up`), in the same
        # transaction. Plain SQL, not the ORM: the desk's next case waits for this write.
        used_dial = (dialing.meta_key(case_id), "") if prepared.uses_dial else None
        self.store.record_writes(case_id, prepared.writes, self.user.username, meta=used_dial)
        if nudge:
            self.sync.nudge()
        return prepared.attempt_id

    def attach_recording(self, attempt_id: str, path: Path, *, sip_call_id: str | None = None,
                         started_at: datetime | None = None, ended_at: datetime | None = None) -> str:
        """Queue the recording of a call (attempt `attempt_id`) for upload; returns its id.

        The file is taken over: sealed into the store's vault (encrypted when the store is),
        queued in the local store, and the plain file at `path` deleted. It is uploaded in
        the background (after `start_sync()`), resumably, and the desk's copy is deleted
        only once the server confirmed the whole file and its SHA-256. Raises
        InvalidRecording (a ClientError) for a missing, empty or unknown file.
        """
        return self.uploads.attach(attempt_id, path, sip_call_id=sip_call_id, started_at=started_at,
                                   ended_at=ended_at)

    def upload_recordings(self) -> int:
        """Send the waiting recordings now (blocking: scripts, tests); returns how many the
        server confirmed. Raises ClientError if the server cannot be reached."""
        return self.uploads.upload_all()

    def add_note(self, case_id: str, text: str, conduct_override: dict[str, Any] | None = None) -> str:
        text = text.strip()
        if not text:
            raise InvalidOutcome("the note is empty")
        note_id = uuid.uuid4()
        payload = contract.NoteAddPayload(case_id=case_id, text=text, note_id=note_id,
                                          written_at=self.clock.now(),
                                          conduct_override=(contract.ConductOverride.model_validate(conduct_override)
                                                            if conduct_override else None))
        with self.store.transaction() as s:
            self.store.enqueue(s, "note.add", payload.model_dump(mode="json"), case_id)
        self.sync.nudge()
        return str(note_id)

    # --- SMS (agentdesk.client.sms) ---------------------------------------------------------

    def sms_previews(self, case_id: str, contact_point_id: str, lang: str = "zh",
                     now: datetime | None = None) -> list[sms_mod.SmsPreview]:
        detail = self.case_detail(case_id)
        if detail is None:
            raise KeyError(case_id)
        return sms_mod.previews(detail, contact_point_id, lang, self.policy, now or self.clock.now(),
                                self.server_url, self.siblings(case_id))

    def send_sms(self, case_id: str, contact_point_id: str, template_id: str, version: int,
                 lang: str = "zh") -> str:
        """Queue one SMS in the outbox (exactly once to the gateway: its id is the key the
        whole way); refused here with the guard's reason when it may not go now."""
        preview = next((p for p in self.sms_previews(case_id, contact_point_id, lang)
                        if p.template.id == template_id and p.template.version == version), None)
        if preview is None:
            raise sms_mod.SmsNotAllowed(f"no SMS template {template_id} v{version} for this preset",
                                        f"当前规则下没有短信模板 {template_id} v{version}")
        if not preview.verdict.allowed:
            raise sms_mod.SmsNotAllowed(preview.verdict.reason_en, preview.verdict.reason_zh)
        message_id = str(uuid.uuid4())
        payload = contract.SmsSendPayload.model_validate(
            sms_mod.send_payload(message_id, case_id, contact_point_id, preview.template, lang))
        with self.store.transaction() as s:
            self.store.enqueue(s, "sms.send", payload.model_dump(mode="json"), case_id)
        self.sync.nudge()
        return message_id

    def sms_gateway(self) -> str | None:
        """The server's SMS gateway as last heard ("none" in the demo), or None if not yet known."""
        return self.store.get_meta("sms_gateway")

    def fetch_sms_info(self) -> str:
        """Ask the server which gateway it sends through (network: never on the GUI thread)."""
        info = self.api.call("GET", "/v1/sms/info")
        gateway = str(info.get("gateway", "none"))
        self.store.set_meta("sms_gateway", gateway)
        return gateway

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, case_id: str, fields: dict[str, Any]) -> None:
        self.store.save_draft(case_id, fields)

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        return self.store.load_draft(case_id)

    def discard_draft(self, case_id: str) -> None:
        self.store.discard_draft(case_id)

    def drafts(self) -> dict[str, dict[str, Any]]:
        return self.store.drafts()

    def take_notices(self) -> list[str]:
        return [n.text for n in self.store.take_notices()]


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise InvalidOutcome("times need a time zone")
    return value.astimezone(UTC)


def _secret_store(server_url: str, username: str, allow_unencrypted: bool) -> SecretStore:
    from agentdesk.client.credentials import secure_backend_available

    memory_only = allow_unencrypted and not secure_backend_available()
    return SecretStore(server_url, username, memory_only=memory_only)


def _open_store(server_url: str, username: str, secrets: SecretStore, data_root: Path | None,
                clock: Clock | None = None) -> LocalStore:
    path = _store_file(store_path(server_url, username, data_root), secrets)
    if secrets.memory_only:
        log.warning("no secure keyring: the local store is NOT encrypted (explicit developer switch)")
        return LocalStore(path, None, clock or PROCESS)
    return LocalStore(path, secrets.store_key(), clock or PROCESS)


def _store_file(path: Path, secrets: SecretStore) -> Path:
    return path.with_name(path.stem + "-plain.db") if secrets.memory_only else path



def open_uploads(api: ApiClient, store: LocalStore, secrets: SecretStore, clock: Clock) -> RecordingUploads:
    """The recording upload queue, its files sealed with a key derived from the store's."""
    from agentdesk.client.recording_vault import RecordingVault

    key = None if not store.encrypted else secrets.store_key(create=False)
    if store.encrypted and key is None:
        raise StoreLocked("The key of the local store is gone from the keyring; sign in again.")
    return RecordingUploads(api, store, RecordingVault(store.recordings_folder, key or None),
                            clock=clock)
