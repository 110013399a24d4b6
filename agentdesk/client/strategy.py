"""The strategy engine for the client core: the book's talk tracks on the desk, and the
lead's calls (book, versions, challengers, arms, collectors, allocation, pricing). No Qt.

`StrategyDesk` calls the server through `session.api.call`, blocking: the desktop runs
each call on its background helper, never on the GUI thread. Answers are validated with
the shared contract models. A book is checked here first with the same domain code the
server uses (`parse_book`, the preset in force, the shipped talk tracks), so a bad field is
named before any network and the form can put the cursor on it.

A book can be written to a file and read back (`export_book` / `import_book`): YAML, the
readable form a strategy manager circulates for review; importing validates it like a save.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from agentdesk import contract
from agentdesk.domain import talktracks, yaml_text
from agentdesk.domain.collectors import CollectorSettings
from agentdesk.domain.strategy_book import StrategyBook, parse_book

__all__ = ["BookFileError", "StrategyDesk", "export_book", "import_book", "pick_track"]

FILE_HEADER = ("# AgentDesk strategy book (segments, strategies, challengers), version {version}.\n"
               "# Edit for review; import it in the lead console's Strategy engine tab, where it is checked\n"
               "# like a save. Amounts are minor units (fen); weights as in the Strategy tab.\n")


class BookFileError(ValueError):
    """A file that is not a strategy book (unreadable YAML, wrong shape): says what to fix."""


def pick_track(tracks: Sequence[talktracks.TalkTrack], chosen: talktracks.TalkTrack, book: StrategyBook,
               segment: str | None, arm: str | None) -> talktracks.TalkTrack:
    """The track this case's strategy uses in place of the fixed rule's `chosen`, if any.

    A replacement for the other kind (third-party vs debtor) is never used: the book's
    validation refuses it, and a stale book on the desk must not read the debt to the wrong
    person either.
    """
    wanted = book.tracks_for(segment, arm).get(chosen.id)
    if not wanted:
        return chosen
    found = next((t for t in tracks if t.id == wanted), None)
    return found if found is not None and found.third_party == chosen.third_party else chosen


def export_book(book: StrategyBook, path: Path) -> None:
    data = book.model_dump(mode="json", exclude_none=True)
    text = FILE_HEADER.format(version=book.version) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def import_book(path: Path, policy: Any = None, known_tracks: dict[str, bool] | None = None) -> StrategyBook:
    """A book read from `path` and validated (BookError names a bad field; BookFileError a bad file)."""
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BookFileError(f"{path.name} cannot be read as a strategy book: {exc}") from None
    if not isinstance(data, dict) or "segments" not in data:
        raise BookFileError(f"{path.name} is not a strategy book: it needs a 'segments' list.")
    return parse_book(data, policy, known_tracks)


def known_tracks(tracks: Sequence[talktracks.TalkTrack]) -> dict[str, bool]:
    return {t.id: t.third_party for t in tracks}


class StrategyDesk:
    """The lead's strategy-engine calls over the session's API client. Blocking."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.api = session.api

    # --- the book ---------------------------------------------------------------------------------

    def book(self) -> StrategyBook:
        return StrategyBook.model_validate(self.api.call("GET", "/v1/strategy/book"))

    def check(self, book: StrategyBook | dict[str, Any]) -> StrategyBook:
        """The book validated as the server will (raises BookError naming the field)."""
        return parse_book(book, self.session.policy, known_tracks(self.session.talk_tracks()))

    def save(self, book: StrategyBook, expected_version: int | None) -> contract.Rules:
        checked = self.check(book)
        body = contract.BookUpdate(book=checked.model_dump(mode="json"), expected_version=expected_version)
        rules = contract.Rules.model_validate(self.api.call("PUT", "/v1/strategy/book",
                                                            json=body.model_dump(mode="json")))
        self.session.sync.adopt_rules(rules)
        return rules

    def versions(self) -> list[contract.BookVersion]:
        return [contract.BookVersion.model_validate(v) for v in self.api.call("GET", "/v1/strategy/book/versions")]

    def version(self, number: int) -> StrategyBook:
        return StrategyBook.model_validate(self.api.call("GET", f"/v1/strategy/book/versions/{number}"))

    def decide(self, segment: str, challenger: str, promote: bool, expected_version: int | None) -> contract.Rules:
        action = "promote" if promote else "stop"
        rules = contract.Rules.model_validate(self.api.call(
            "POST", f"/v1/strategy/segments/{segment}/challenger/{challenger}/{action}",
            json={"expected_version": expected_version}))
        self.session.sync.adopt_rules(rules)
        return rules

    def arms(self, segment: str, challenger: str | None = None, days: int = 30) -> contract.ArmsReport:
        params: dict[str, Any] = {"segment": segment, "days": days}
        if challenger:
            params["challenger"] = challenger
        return contract.ArmsReport.model_validate(self.api.call("GET", "/v1/strategy/arms", params=params))

    def price(self, path: Path, lender: str) -> contract.PlacementPrice:
        data = path.read_bytes()
        return contract.PlacementPrice.model_validate(self.api.call(
            "POST", "/v1/strategy/pricing", files={"file": (path.name, data)}, data={"lender": lender}))

    # --- collectors and allocation ------------------------------------------------------------------

    def collectors(self) -> list[contract.CollectorInfo]:
        return [contract.CollectorInfo.model_validate(c) for c in self.api.call("GET", "/v1/collectors")]

    def save_collector(self, user_id: str, settings: CollectorSettings) -> contract.CollectorInfo:
        return contract.CollectorInfo.model_validate(self.api.call(
            "PUT", f"/v1/collectors/{user_id}", json=settings.model_dump(mode="json")))

    def preview(self, sources: Sequence[str]) -> contract.AllocationPreview:
        body = contract.AllocationRequest(sources=list(sources))  # type: ignore[arg-type]
        return contract.AllocationPreview.model_validate(self.api.call(
            "POST", "/v1/allocation/preview", json=body.model_dump(mode="json", exclude_none=True)))

    def commit(self, sources: Sequence[str], assignments: dict[str, str]) -> contract.AllocationResult:
        body = contract.AllocationCommit(sources=list(sources), assignments=assignments)  # type: ignore[arg-type]
        result = contract.AllocationResult.model_validate(self.api.call(
            "POST", "/v1/allocation/commit", json=body.model_dump(mode="json", exclude_none=True)))
        if result.moved:
            # The lead console's "Undo last reassignment" undoes an allocation like any move.
            self.session.store.set_meta("last_reassignment_id", result.reassignment_id)
        return result

    def runs(self) -> list[contract.AllocationRunInfo]:
        return [contract.AllocationRunInfo.model_validate(r) for r in self.api.call("GET", "/v1/allocation/runs")]

