"""One segment's form in the strategy editor: widgets to and from the segment's data.

The segment is kept as the plain data of `agentdesk.domain.strategy_book.Segment` (a dict,
as it is saved and exported), so the editor validates exactly what it will send. The
weights, talk tracks and cadence widgets show either the champion's strategy or the
challenger's variant (`editing_challenger`); a variant stores only what differs from the
champion, so a promoted challenger changes only what the lead changed. The weight rows
and talk-track rows are built from their declarations (`WEIGHTS`, the shipped tracks), so
they are made in code inside the Designer groups of ui/segments.ui.
"""

from __future__ import annotations

import copy
import math
import zlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QWidget

from agentdesk.desktop import strategy_texts as words
from agentdesk.domain import talktracks
from agentdesk.domain.cadence import Cadence
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, WEIGHTS, WeightSpec
from agentdesk.domain.strategy_book import METRICS

translate = QCoreApplication.translate
BUCKETS = (("M0", "bucketM0"), ("M1", "bucketM1"), ("M2", "bucketM2"), ("M3", "bucketM3"), ("M4+", "bucketM4plus"))
DEFAULT_CADENCE = Cadence().model_dump()


def _texts(values: Sequence[str]) -> str:
    return ", ".join(values)


class SegmentForm:
    """Binds the editor's widgets (`ui`, the loaded form) to one segment's data at a time."""

    def __init__(self, ui: Any, tracks: Sequence[talktracks.TalkTrack], changed: Callable[[], None],
                 base_weights: Callable[[], dict[str, float]], last: Callable[[], dict[str, Any] | None]) -> None:
        self.ui = ui
        self.changed = changed
        self.base_weights = base_weights  # the last segment's weights, which every other one overrides
        self.last = last
        self.segment: dict[str, Any] | None = None
        self.editing_challenger = False
        self.loading = False
        self.running: set[str] = set()  # challenger ids running in the saved book (their key, share, seed are fixed)
        self.tracks = list(tracks)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.weight_labels: dict[str, QLabel] = {}
        for spec in WEIGHTS:
            self._add_weight(spec)
        # Situations are the tracks the fixed rule picks; a strategy may put another of the same kind in.
        self.situations = [t for t in self.tracks if int(t.applies_to.get("priority", 0)) >= 0]
        self.track_combos: dict[str, QComboBox] = {}
        self.track_labels: dict[str, QLabel] = {}
        for track in self.situations:
            combo = QComboBox(ui.tracksBox)
            combo.setObjectName(f"track_{track.id}")
            combo.currentIndexChanged.connect(lambda _i: self._edited())
            label = QLabel(ui.tracksBox)
            label.setBuddy(combo)
            ui.tracksForm.addRow(label, combo)
            self.track_combos[track.id] = combo
            self.track_labels[track.id] = label
        for edit in (ui.keyEdit, ui.nameZhEdit, ui.nameEnEdit, ui.lendersEdit, ui.productsEdit, ui.regionsEdit,
                     ui.requiredSkillsEdit, ui.preferredSkillsEdit, ui.challengerIdEdit, ui.challengerNameEdit):
            edit.textEdited.connect(lambda _t: self._edited())
        for spin in (ui.minDpdSpin, ui.maxDpdSpin, ui.minOverdueSpin, ui.maxOverdueSpin, ui.callsPerDaySpin,
                     ui.hoursBetweenSpin, ui.thirdPartySpin, ui.smsPerWeekSpin, ui.shareSpin, ui.seedSpin):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v: self._edited())
        for box in [getattr(ui, name) for _b, name in BUCKETS] + [ui.callCheck, ui.smsCheck]:
            box.toggled.connect(lambda _c: self._edited())
        for combo in (ui.promiseCombo, ui.contactCombo, ui.placementCombo, ui.minGradeCombo, ui.primaryCombo):
            combo.currentIndexChanged.connect(lambda _i: self._edited())
        ui.challengerCheck.toggled.connect(self._challenger_toggled)
        ui.championRadio.toggled.connect(lambda on: self.show_variant(not on))
        self.retranslate()

    def _add_weight(self, spec: WeightSpec) -> None:
        spin = QDoubleSpinBox(self.ui.weightsBox)
        spin.setObjectName(f"weight_{spec.key}")
        spin.setDecimals(spec.decimals)
        step = 10.0 ** -spec.decimals
        spin.setRange(spec.minimum + (step if spec.exclusive_minimum else 0.0), spec.maximum)
        magnitude = 10.0 ** (math.floor(math.log10(abs(spec.default))) - 1) if spec.default else step
        spin.setSingleStep(max(step, magnitude))
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda _v: self._edited())
        label = QLabel(self.ui.weightsBox)
        label.setBuddy(spin)
        self.ui.weightsForm.addRow(label, spin)
        self.spins[spec.key] = spin
        self.weight_labels[spec.key] = label

    # --- language ---------------------------------------------------------------------------------

    def retranslate(self, lang: str = "en") -> None:
        ui = self.ui
        self.loading, was = True, self.loading
        try:
            for combo, choices in ((ui.promiseCombo, words.promise_histories()),
                                   (ui.contactCombo, words.contactabilities()),
                                   (ui.placementCombo, words.placements()), (ui.minGradeCombo, words.grades()),
                                   (ui.primaryCombo, {k: v for k, v in words.metrics().items()
                                                      if k in METRICS and k != "flags_per_1000_calls"})):
                current = combo.currentData()
                combo.clear()
                for key, text in choices.items():
                    combo.addItem(text, key)
                combo.setCurrentIndex(max(0, combo.findData(current)))
            for spec in WEIGHTS:
                label = spec.label_zh if lang == "zh" else spec.label_en
                reason = spec.reason_zh if lang == "zh" else spec.reason_en
                self.weight_labels[spec.key].setText(label)
                self.spins[spec.key].setToolTip(f"<b>{spec.key}</b><br>{reason}")
                self.spins[spec.key].setAccessibleName(label)
            for track in self.situations:
                title = track.title.get(lang) or track.title.get("en") or track.id
                self.track_labels[track.id].setText(title)
                combo = self.track_combos[track.id]
                current = combo.currentData()
                combo.clear()
                combo.addItem(translate("SegmentsEditor", "(as the rule picks: %1)").replace("%1", track.id), "")
                for other in self.tracks:
                    if other.third_party == track.third_party and other.id != track.id:
                        name = other.title.get(lang) or other.id
                        combo.addItem(f"{name} · {other.id} v{other.version}", other.id)
                combo.setCurrentIndex(max(0, combo.findData(current)))
        finally:
            self.loading = was

    # --- segment -> widgets -------------------------------------------------------------------------

    def show(self, segment: dict[str, Any] | None) -> None:
        self.segment = segment
        self.ui.formPane.setEnabled(segment is not None)
        if segment is None:
            return
        if segment.get("challenger") is None and self.editing_challenger:
            self.editing_challenger = False
        self._fill()

    def show_variant(self, challenger: bool) -> None:
        if self.loading or self.segment is None:
            return
        self.editing_challenger = challenger and self.segment.get("challenger") is not None
        self._fill()

    def _fill(self) -> None:
        ui, seg = self.ui, self.segment
        assert seg is not None
        self.loading = True
        try:
            ui.keyEdit.setText(seg.get("key", ""))
            ui.nameZhEdit.setText(seg.get("name_zh", ""))
            ui.nameEnEdit.setText(seg.get("name_en", ""))
            rule = seg.get("rule") or {}
            for bucket, name in BUCKETS:
                getattr(ui, name).setChecked(bucket in (rule.get("buckets") or []))
            for spin, key, scale in ((ui.minDpdSpin, "min_dpd", 1), (ui.maxDpdSpin, "max_dpd", 1),
                                     (ui.minOverdueSpin, "min_overdue_minor", 100),
                                     (ui.maxOverdueSpin, "max_overdue_minor", 100)):
                value = rule.get(key)
                spin.setValue(-1 if value is None else int(value) // scale)
            ui.lendersEdit.setText(_texts(rule.get("lenders") or []))
            ui.productsEdit.setText(_texts(rule.get("products") or []))
            ui.regionsEdit.setText(_texts(rule.get("regions") or []))
            for combo, key in ((ui.promiseCombo, "promise_history"), (ui.contactCombo, "contactability"),
                               (ui.placementCombo, "placement")):
                combo.setCurrentIndex(max(0, combo.findData(rule.get(key, "any"))))
            strategy = seg.get("strategy") or {}
            profile = strategy.get("profile") or {}
            ui.minGradeCombo.setCurrentIndex(max(0, ui.minGradeCombo.findData(profile.get("min_grade", "trainee"))))
            ui.requiredSkillsEdit.setText(_texts(profile.get("required_skills") or []))
            ui.preferredSkillsEdit.setText(_texts(profile.get("preferred_skills") or []))
            challenger = seg.get("challenger")
            ui.challengerCheck.setChecked(challenger is not None)
            running = challenger is not None and challenger.get("id") in self.running
            for w in (ui.challengerIdEdit, ui.challengerNameEdit, ui.shareSpin, ui.seedSpin, ui.primaryCombo,
                      ui.championRadio, ui.challengerRadio):
                w.setEnabled(challenger is not None)
            for w in (ui.challengerIdEdit, ui.shareSpin, ui.seedSpin):
                w.setEnabled(challenger is not None and not running)
            if challenger is not None:
                ui.challengerIdEdit.setText(challenger.get("id", ""))
                ui.challengerNameEdit.setText(challenger.get("name", ""))
                ui.shareSpin.setValue(round(float(challenger.get("share", 0.1)) * 100))
                ui.seedSpin.setValue(int(challenger.get("seed", 1)))
                ui.primaryCombo.setCurrentIndex(max(0, ui.primaryCombo.findData(
                    challenger.get("primary_metric", "recovered_per_case"))))
            ui.challengerRadio.setChecked(self.editing_challenger)
            ui.championRadio.setChecked(not self.editing_challenger)
            weights = self.weights_shown()
            # A weight this segment (or its variant) sets itself reads in bold; the rest are inherited.
            inherited = self.champion_weights() if self.editing_challenger else self.base()
            for key, spin in self.spins.items():
                spin.setValue(weights[key])
                font = self.weight_labels[key].font()
                font.setBold(abs(weights[key] - inherited[key]) > 1e-9)
                self.weight_labels[key].setFont(font)
            tracks = self.tracks_shown()
            for situation, combo in self.track_combos.items():
                combo.setCurrentIndex(max(0, combo.findData(tracks.get(situation, ""))))
            cadence = self.cadence_shown()
            ui.callCheck.setChecked("call" in cadence["channels"])
            ui.smsCheck.setChecked("sms" in cadence["channels"])
            ui.callsPerDaySpin.setValue(int(cadence["calls_per_day"]))
            ui.hoursBetweenSpin.setValue(float(cadence["hours_between_calls"]))
            third = cadence.get("third_party_after_days")
            ui.thirdPartySpin.setValue(-1 if third is None else int(third))
            ui.smsPerWeekSpin.setValue(int(cadence["sms_per_week"]))
            variant = self.editing_challenger
            for box in (ui.weightsBox, ui.tracksBox, ui.cadenceBox):
                box.setProperty("variant", "challenger" if variant else "")
                box.style().unpolish(box)
                box.style().polish(box)
        finally:
            self.loading = False

    def base(self) -> dict[str, float]:
        """What this segment's weights override: the defaults and the last segment's weights."""
        return {**DEFAULT_WEIGHTS, **(self.base_weights() if self.segment is not self.last() else {})}

    def champion_weights(self) -> dict[str, float]:
        assert self.segment is not None
        return {**self.base(), **((self.segment.get("strategy") or {}).get("weights") or {})}

    def weights_shown(self) -> dict[str, float]:
        weights = self.champion_weights()
        if self.editing_challenger and self.segment and self.segment.get("challenger"):
            weights.update(self.segment["challenger"].get("weights") or {})
        return weights

    def tracks_shown(self) -> dict[str, str]:
        assert self.segment is not None
        tracks = dict((self.segment.get("strategy") or {}).get("talk_tracks") or {})
        if self.editing_challenger and self.segment.get("challenger"):
            tracks.update(self.segment["challenger"].get("talk_tracks") or {})
        return tracks

    def cadence_shown(self) -> dict[str, Any]:
        assert self.segment is not None
        champion = {**DEFAULT_CADENCE, **((self.segment.get("strategy") or {}).get("cadence") or {})}
        if self.editing_challenger and self.segment.get("challenger") and self.segment["challenger"].get("cadence"):
            return {**champion, **self.segment["challenger"]["cadence"]}
        return champion

    # --- widgets -> segment -------------------------------------------------------------------------

    def _edited(self) -> None:
        if self.loading or self.segment is None:
            return
        self.read_into(self.segment)
        self.changed()

    def read_into(self, seg: dict[str, Any]) -> None:
        ui = self.ui
        seg["key"] = ui.keyEdit.text().strip()
        seg["name_zh"] = ui.nameZhEdit.text().strip()
        seg["name_en"] = ui.nameEnEdit.text().strip()
        rule: dict[str, Any] = {"buckets": [b for b, name in BUCKETS if getattr(ui, name).isChecked()]}
        for spin, key, scale in ((ui.minDpdSpin, "min_dpd", 1), (ui.maxDpdSpin, "max_dpd", 1),
                                 (ui.minOverdueSpin, "min_overdue_minor", 100),
                                 (ui.maxOverdueSpin, "max_overdue_minor", 100)):
            rule[key] = None if spin.value() < 0 else spin.value() * scale
        rule["lenders"] = words.split_list(ui.lendersEdit.text())
        rule["products"] = words.split_list(ui.productsEdit.text())
        rule["regions"] = words.split_list(ui.regionsEdit.text())
        rule["promise_history"] = ui.promiseCombo.currentData() or "any"
        rule["contactability"] = ui.contactCombo.currentData() or "any"
        rule["placement"] = ui.placementCombo.currentData() or "any"
        seg["rule"] = rule
        strategy = copy.deepcopy(seg.get("strategy") or {})
        strategy["profile"] = {"min_grade": ui.minGradeCombo.currentData() or "trainee",
                               "required_skills": words.split_list(ui.requiredSkillsEdit.text()),
                               "preferred_skills": words.split_list(ui.preferredSkillsEdit.text())}
        shown_weights = {key: spin.value() for key, spin in self.spins.items()}
        shown_tracks = {s: c.currentData() for s, c in self.track_combos.items() if c.currentData()}
        shown_cadence = {
            "channels": [c for c, box in (("call", ui.callCheck), ("sms", ui.smsCheck)) if box.isChecked()],
            "calls_per_day": ui.callsPerDaySpin.value(), "hours_between_calls": ui.hoursBetweenSpin.value(),
            "third_party_after_days": None if ui.thirdPartySpin.value() < 0 else ui.thirdPartySpin.value(),
            "sms_per_week": ui.smsPerWeekSpin.value()}
        challenger = copy.deepcopy(seg.get("challenger"))
        if self.editing_challenger and challenger is not None:
            base = {**self.base(), **(strategy.get("weights") or {})}
            changed = {k: v for k, v in shown_weights.items() if abs(v - base[k]) > 1e-9}
            challenger["weights"] = changed or None
            champion_tracks = strategy.get("talk_tracks") or {}
            challenger["talk_tracks"] = {s: t for s, t in shown_tracks.items() if champion_tracks.get(s) != t} or None
            champion_cadence = {**DEFAULT_CADENCE, **(strategy.get("cadence") or {})}
            challenger["cadence"] = shown_cadence if shown_cadence != champion_cadence else None
        else:
            base = self.base()
            strategy["weights"] = {k: v for k, v in shown_weights.items() if abs(v - base[k]) > 1e-9}
            strategy["talk_tracks"] = shown_tracks
            strategy["cadence"] = shown_cadence
        seg["strategy"] = strategy
        if challenger is not None:
            challenger["id"] = ui.challengerIdEdit.text().strip()
            challenger["name"] = ui.challengerNameEdit.text().strip()
            challenger["share"] = ui.shareSpin.value() / 100.0
            challenger["seed"] = ui.seedSpin.value()
            challenger["primary_metric"] = ui.primaryCombo.currentData() or "recovered_per_case"
        seg["challenger"] = challenger

    def _challenger_toggled(self, on: bool) -> None:
        if self.loading or self.segment is None:
            return
        if on and self.segment.get("challenger") is None:
            taken = len(self.segment.get("history") or [])
            key = f"{self.segment.get('key') or 'seg'}_v{taken + 2}"[:40]
            self.segment["challenger"] = {"id": key, "name": translate("SegmentsEditor", "New variant"),
                                          "share": 0.1, "seed": zlib.crc32(key.encode()) % 100_000,
                                          "primary_metric": "recovered_per_case"}
        elif not on:
            self.segment["challenger"] = None
            self.editing_challenger = False
        self._fill()
        self.changed()

    # --- errors -------------------------------------------------------------------------------------

    def widget_for(self, path: str) -> QWidget | None:
        """The widget showing `path` (the part after "segments[i]."), switching to the
        champion or challenger view it belongs to."""
        ui = self.ui
        parts = path.split(".")
        head = parts[0]
        if head in ("strategy", "challenger") and len(parts) > 1 and parts[1] in ("weights", "talk_tracks",
                                                                                  "cadence"):
            want = head == "challenger"
            if want != self.editing_challenger:
                self.editing_challenger = want
                self._fill()
            if parts[1] == "weights" and len(parts) > 2:
                return self.spins.get(parts[2])
            if parts[1] == "talk_tracks" and len(parts) > 2:
                return self.track_combos.get(parts[2])
            if parts[1] == "cadence" and len(parts) > 2:
                return {"calls_per_day": ui.callsPerDaySpin, "hours_between_calls": ui.hoursBetweenSpin,
                        "third_party_after_days": ui.thirdPartySpin, "sms_per_week": ui.smsPerWeekSpin,
                        "channels": ui.callCheck}.get(parts[2], ui.cadenceBox)
        simple = {
            "key": ui.keyEdit, "name_zh": ui.nameZhEdit, "name_en": ui.nameEnEdit, "rule": ui.ruleBox,
            "rule.buckets": ui.bucketM1, "rule.min_dpd": ui.minDpdSpin, "rule.max_dpd": ui.maxDpdSpin,
            "rule.min_overdue_minor": ui.minOverdueSpin, "rule.max_overdue_minor": ui.maxOverdueSpin,
            "rule.lenders": ui.lendersEdit, "rule.products": ui.productsEdit, "rule.regions": ui.regionsEdit,
            "strategy.profile.min_grade": ui.minGradeCombo, "strategy.profile.required_skills": ui.requiredSkillsEdit,
            "strategy.profile.preferred_skills": ui.preferredSkillsEdit, "challenger.id": ui.challengerIdEdit,
            "challenger.name": ui.challengerNameEdit, "challenger.share": ui.shareSpin, "challenger.seed": ui.seedSpin,
        }
        for length in range(len(parts), 0, -1):
            found = simple.get(".".join(parts[:length]))
            if found is not None:
                return found
        return None
