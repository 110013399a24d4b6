"""The talk track beside the case (ui/talktrack.ui): steps, required lines, branches.

The client picks the track and fills in the case's values; this panel lays the rendered
steps out as cards. Required lines are check boxes the agent ticks as they are said;
branch buttons jump to the step that fits the debtor's answer; the combo switches track.

Consecutive cases mostly get the same track: then the cards stay and only their texts
change (ticks cleared, back at the first step), because building the widgets again is
what made opening a case slow (bench/bench_workstation.py). A queue mixes a handful of
tracks, so the cards of the last few tracks shown stay built too, hidden in their own
container: going back to one of them shows its container and refills it, instead of
building, polishing and laying out a new set of cards (a third of the cases opened did,
and they were the slowest: issue 20).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.desktop import selectable, uiload
from agentdesk.desktop.flowlayout import FlowLayout
from agentdesk.domain.talktracks import RenderedStep, TalkTrack

translate = QCoreApplication.translate

# Card sets kept built (one per track shape recently shown); the queue's tracks are few.
KEPT_SETS = 6
# A line's tick box and the text beside it are this far apart; a line without a box is
# indented by the box's width and the same gap, so every line's text starts in one column.
LINE_GAP = 6


@dataclass
class _CardSet:
    """One track's cards, in their own container inside the steps area."""

    host: QWidget
    cards: dict[str, QFrame] = field(default_factory=dict)
    texts: list[QLabel] = field(default_factory=list)  # each card's heading, then its lines, in order
    required: list[QCheckBox] = field(default_factory=list)


def track_title(track: TalkTrack, lang: str) -> str:
    title = track.title.get(lang) or next(iter(track.title.values()), track.id)
    return f"{title}  · v{track.version}"


class TalkTrackPanel(QWidget):
    track_switched = Signal(str)  # track id
    outcome_suggested = Signal(str)  # outcome value a branch suggests
    ticks_changed = Signal(int, int)  # ticked required lines, required lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("talktrack", self)
        self._sets: OrderedDict[tuple[Any, ...], _CardSet] = OrderedDict()  # by shape, last shown last
        self._shown: _CardSet | None = None  # the set on screen
        self._shape: tuple[Any, ...] | None = None  # what the cards on screen were built for
        self._track: TalkTrack | None = None
        self._filling = False
        self._tick_width: int | None = None  # a tick box's width in this style, once asked
        self.trackCombo.currentIndexChanged.connect(self._combo_changed)
        self.stepsLayout.addStretch(1)

    @property
    def track(self) -> TalkTrack | None:
        return self._track

    def set_tracks(self, tracks: Sequence[TalkTrack], lang: str) -> None:
        self._filling = True
        current = self.trackCombo.currentData()
        self.trackCombo.clear()
        for track in tracks:
            self.trackCombo.addItem(track_title(track, lang), str(track.id))
        if current:
            self.trackCombo.setCurrentIndex(max(0, self.trackCombo.findData(current)))
        self._filling = False

    def show_track(self, track: TalkTrack | None, steps: Sequence[RenderedStep], lang: str) -> None:
        self._track = track
        self._filling = True
        index = self.trackCombo.findData(str(track.id)) if track is not None else -1
        self.trackCombo.setCurrentIndex(index)
        self._filling = False
        self.trackWhy.setText("" if track else translate("TalkTrackPanel", "No talk track for this case."))
        self.trackWhy.setVisible(track is None)
        shape = _shape(track, steps, lang) if track is not None else None
        if shape is None:
            self._clear()
            return
        kept = self._sets.get(shape)
        if kept is None:
            self._hide_shown()
            kept = self._build(steps, lang)
            self._sets[shape] = kept
            self._forget_old_sets()
        else:
            self._sets.move_to_end(shape)
            self._refill(kept, steps)
        self._show_set(kept, shape)
        if self._cards:
            self.go_to(next(iter(self._cards)))
        self._update_progress()

    @property
    def _cards(self) -> dict[str, QFrame]:
        """The cards on screen, by step id (none when no track is shown)."""
        return self._shown.cards if self._shown is not None else {}

    @property
    def _texts(self) -> list[QLabel]:
        return self._shown.texts if self._shown is not None else []

    @property
    def _required(self) -> list[QCheckBox]:
        return self._shown.required if self._shown is not None else []

    def clear(self) -> None:
        self._track = None
        self._clear()
        self.trackWhy.setText("")

    def _clear(self) -> None:
        self._hide_shown()
        self.requiredProgress.setText("")

    def _hide_shown(self) -> None:
        if self._shown is not None:
            self._shown.host.hide()
        self._shown = None
        self._shape = None

    def _show_set(self, cards: _CardSet, shape: tuple[Any, ...]) -> None:
        if self._shown is not cards:
            self._hide_shown()
            cards.host.show()
        self._shown, self._shape = cards, shape

    def _forget_old_sets(self) -> None:
        while len(self._sets) > KEPT_SETS:
            _shape_gone, old = self._sets.popitem(last=False)
            old.host.hide()
            old.host.deleteLater()

    def _build(self, steps: Sequence[RenderedStep], lang: str) -> _CardSet:
        """A new container with one card per step, in the steps area above its stretch."""
        host = QWidget(self.stepsHost)
        host.hide()  # shown by `_show_set`, once filled: one show instead of one per card
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.stepsLayout.spacing())
        built = _CardSet(host)
        for number, step in enumerate(steps, start=1):
            layout.addWidget(self._card(built, number, step, lang))
        self.stepsLayout.insertWidget(self.stepsLayout.count() - 1, host)
        return built

    def _refill(self, cards: _CardSet, steps: Sequence[RenderedStep]) -> None:
        """Same track, same layout: put this case's texts into the cards and untick them."""
        texts = iter(cards.texts)
        for number, step in enumerate(steps, start=1):
            _set_text(next(texts), f"{number}. {step.title}")
            for line in step.lines:
                _set_text(next(texts), line.text)
        for box in cards.required:
            box.blockSignals(True)  # one progress update below, as for new cards
            box.setChecked(False)
            box.blockSignals(False)

    def _card(self, cards: _CardSet, number: int, step: RenderedStep, lang: str) -> QFrame:
        card = QFrame(cards.host)
        card.setObjectName("stepCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        heading = QLabel(f"{number}. {step.title}", card)
        heading.setObjectName("stepTitle")
        layout.addWidget(heading)
        cards.texts.append(heading)
        for line in step.lines:
            self._line(cards, card, layout, line.text, line.required)
        if step.branches:
            flow = FlowLayout(spacing=6)
            for _key, label, target, outcome in step.branches:
                button = QPushButton(label, card)
                button.setProperty("branch", True)
                button.setAutoDefault(False)
                button.setToolTip(translate("TalkTrackPanel", "The debtor answers this way: go to the matching step"))
                button.clicked.connect(lambda _c=False, t=target, o=outcome: self._branch(t, o))
                flow.addWidget(button)
            layout.addLayout(flow)
        cards.cards[step.id] = card
        return card

    def _line(self, cards: _CardSet, card: QFrame, layout: QVBoxLayout, text: str, required: bool) -> None:
        label = QLabel(text, card)
        cards.texts.append(label)
        label.setWordWrap(True)
        selectable.selectable_on_hover(label)  # no text document per line until pointed at
        if not required:
            # The indent is a margin, not an empty widget in the tick column: fewer widgets
            # to show and lay out when a case switches to a kept card set.
            label.setContentsMargins(self._tick_column() + LINE_GAP, 0, 0, 0)
            layout.addWidget(label)
            return
        row = QHBoxLayout()
        row.setSpacing(LINE_GAP)
        box = QCheckBox(card)
        box.setToolTip(translate("TalkTrackPanel", "Required line: tick it once you have said it"))
        box.setAccessibleName(translate("TalkTrackPanel", "Required line said"))
        box.toggled.connect(self._update_progress)
        label.setProperty("required", True)
        label.setBuddy(box)
        cards.required.append(box)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label, 1)
        layout.addLayout(row)

    def _tick_column(self) -> int:
        """How wide a tick box is here: the theme's stylesheet widens it past the style's
        indicator, and a plain line's text must start where a ticked line's text does."""
        if self._tick_width is None:
            probe = QCheckBox(self)
            probe.ensurePolished()
            self._tick_width = probe.sizeHint().width()
            probe.deleteLater()
        return self._tick_width

    def _branch(self, target: str | None, outcome: str | None) -> None:
        if target:
            self.go_to(target)
        if outcome:
            self.outcome_suggested.emit(outcome)

    def go_to(self, step_id: str) -> None:
        for key, card in self._cards.items():
            current = key == step_id
            if card.property("current") == current:
                continue  # re-polishing a card whose look does not change costs a style pass
            card.setProperty("current", current)
            card.style().unpolish(card)
            card.style().polish(card)
        card = self._cards.get(step_id)
        if card is not None:
            self.stepsArea.ensureWidgetVisible(card, 0, 8)

    def required_boxes(self) -> list[QCheckBox]:
        return list(self._required)

    def ticked(self) -> tuple[int, int]:
        return sum(box.isChecked() for box in self._required), len(self._required)

    def _update_progress(self) -> None:
        done, total = self.ticked()
        self.requiredProgress.setText(
            translate("TalkTrackPanel", "Required lines %1/%2").replace("%1", str(done)).replace("%2", str(total))
            if total
            else ""
        )
        self.ticks_changed.emit(done, total)

    def _combo_changed(self) -> None:
        if self._filling:
            return
        track_id = self.trackCombo.currentData()
        if track_id and (self._track is None or str(self._track.id) != track_id):
            self.track_switched.emit(track_id)


def _shape(track: TalkTrack, steps: Sequence[RenderedStep], lang: str) -> tuple[Any, ...]:
    """Everything the cards' widgets depend on apart from their texts: equal shapes mean the
    cards on screen can be refilled instead of built again."""
    return (
        str(track.id),
        track.version,
        lang,
        tuple((s.id, tuple(line.required for line in s.lines), s.branches) for s in steps),
    )


def _set_text(label: QLabel, text: str) -> None:
    selectable.set_text(label, text)
