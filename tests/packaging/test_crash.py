"""Crash reports: written headless into the log folder, with no personal data in them."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from agentdesk.desktop import crash

SECRETS = ("赵敏", "13812345678", "110105194912310021", "hunter2-refresh-token")


def _fails_with_personal_data() -> None:
    debtor_name = "赵敏"  # noqa: F841 - a local the report must not show
    refresh_token = "hunter2-refresh-token"  # noqa: F841
    try:
        raise KeyError("contact point 13812345678")
    except KeyError as exc:
        raise RuntimeError("cannot dial 赵敏 (id 110105194912310021)") from exc


def _exc_info() -> tuple[type[BaseException], BaseException, object]:
    try:
        _fails_with_personal_data()
    except RuntimeError:
        return sys.exc_info()  # type: ignore[return-value]
    raise AssertionError("not reached")


def test_report_has_the_frames_but_no_locals_and_no_personal_data(agentdesk_home: Path) -> None:
    exc_type, exc, tb = _exc_info()
    path = crash.write_report(exc_type, exc, tb)  # type: ignore[arg-type]
    assert path.parent == agentdesk_home / "logs"
    text = path.read_text(encoding="utf-8")
    assert "_fails_with_personal_data" in text and "RuntimeError" in text and "KeyError" in text
    assert "AgentDesk " in text and "Python " in text
    for secret in SECRETS:
        assert secret not in text
    assert "<cjk>" in text and "<phone>" in text and "<national-id>" in text


def test_unhandled_errors_on_the_main_and_worker_threads_are_reported(agentdesk_home: Path) -> None:
    notified: list[Path] = []
    handler = crash.CrashHandler(notify=notified.append)
    handler.install()
    try:
        exc_type, exc, tb = _exc_info()
        sys.excepthook(exc_type, exc, tb)  # what PySide6 calls for an error in a slot
        thread = threading.Thread(target=_fails_with_personal_data, name="sync-worker")
        thread.start()
        thread.join()
    finally:
        handler.uninstall()
    assert len(notified) == 2 and notified == handler.reports
    worker_report = notified[1].read_text(encoding="utf-8")
    assert "Thread sync-worker" in worker_report
    for report in notified:
        text = report.read_text(encoding="utf-8")
        assert all(secret not in text for secret in SECRETS)
    log_text = (agentdesk_home / "logs").glob("*.txt")
    assert len(list(log_text)) == 2


def test_old_reports_are_pruned(tmp_path: Path) -> None:
    exc_type, exc, tb = _exc_info()
    for _ in range(crash.MAX_REPORTS_KEPT + 5):
        crash.write_report(exc_type, exc, tb, folder=tmp_path)  # type: ignore[arg-type]
    assert len(list(tmp_path.glob("crash-*.txt"))) == crash.MAX_REPORTS_KEPT


def test_a_failing_notifier_does_not_recurse(tmp_path: Path) -> None:
    calls: list[Path] = []

    def broken(path: Path) -> None:
        calls.append(path)
        raise OSError("no screen")

    handler = crash.CrashHandler(notify=broken, folder=tmp_path)
    exc_type, exc, tb = _exc_info()
    path = handler.handle(exc_type, exc, tb)  # type: ignore[arg-type]
    assert len(calls) == 1 and path is not None and path.is_file()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on QMessageBox
def test_dialog_offers_to_open_the_log_folder(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    report = tmp_path / "crash-1.txt"
    report.write_text("x", encoding="utf-8")
    opened: list[Path] = []
    monkeypatch.setattr(crash, "open_folder", lambda folder: opened.append(folder) or True)
    box = crash.crash_dialog(report)
    qtbot.addWidget(box)
    box.show()
    assert box.icon() == QMessageBox.Icon.Critical
    assert report.name in box.informativeText()
    button = box.findChild(type(box.buttons()[0]), "openLogFolderButton")
    assert button is not None and button.text() == "Open log folder"
    button.click()
    assert opened == [tmp_path]
    assert box.isVisible(), "opening the folder leaves the dialog up"
