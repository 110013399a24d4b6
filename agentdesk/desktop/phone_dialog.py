"""Phone and audio devices (ui/phonesettings.ui): microphone, speaker, test tone, SIP password.

The choice of devices is remembered in the desk's settings and applied at once; the SIP
password goes to the OS keyring (`phone.account.SipSecret`) and takes effect at the next
start of the desk. A desk without its own phone line says so, and that the number goes to
the desk phone.
"""

from __future__ import annotations

import concurrent.futures

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from agentdesk.client.errors import KeyringUnavailable
from agentdesk.desktop import call_text, uiload
from agentdesk.desktop.phone.account import SipSecret
from agentdesk.desktop.settings import Settings

DEVICE_WAIT_S = 2.0


class PhoneDialog(QDialog):
    def __init__(self, phone: object, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uiload.load_form("phonesettings", self)
        self.phone = phone
        self.settings = settings
        _tone, text = call_text.line_text(phone.line())  # type: ignore[attr-defined]
        self.lineLabel.setText(text)
        softphone = getattr(phone, "kind", "") == "softphone"
        for widget in (self.microphoneCombo, self.speakerCombo, self.testToneButton, self.passwordEdit,
                       self.microphoneLabel, self.speakerLabel, self.passwordLabel):
            widget.setEnabled(softphone)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(softphone)
        self.buttonBox.rejected.connect(self.reject)
        self.buttonBox.accepted.connect(self._save)
        self.testToneButton.clicked.connect(self._tone)
        if softphone:
            self._fill_devices()

    def _fill_devices(self) -> None:
        try:
            devices = self.phone.list_devices().result(DEVICE_WAIT_S)  # type: ignore[attr-defined]
        except concurrent.futures.TimeoutError:
            devices = {"capture": [], "playback": []}
        for combo, kind, setting in ((self.microphoneCombo, "capture", "phone_microphone"),
                                     (self.speakerCombo, "playback", "phone_speaker")):
            combo.addItem(self.tr("System default"), "")
            for name in devices[kind]:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(self.settings.get(setting))))
        if not devices["capture"] and not devices["playback"]:
            self.messageLabel.setText(call_text.problem_text("no_device"))

    def _tone(self) -> None:
        self.phone.play_test_tone()  # type: ignore[attr-defined]
        self.messageLabel.setText(self.tr("Playing a tone on the speaker for about a second."))

    def _save(self) -> None:
        microphone = self.microphoneCombo.currentData() or ""
        speaker = self.speakerCombo.currentData() or ""
        self.settings.set("phone_microphone", microphone)
        self.settings.set("phone_speaker", speaker)
        self.phone.use_devices(microphone, speaker)  # type: ignore[attr-defined]
        password = self.passwordEdit.text()
        if password:
            try:
                SipSecret(self.phone.account).set(password)  # type: ignore[attr-defined]
            except KeyringUnavailable as exc:
                self.messageLabel.setText(str(exc))
                return
            self.passwordEdit.clear()
        self.accept()
