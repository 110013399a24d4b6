"""One AgentDesk per user: a second start asks the first to come to the front and exits.

The real thing is two processes, so the tests start two Python processes sharing one
AGENTDESK_HOME. (Two instances in one process would need the second's blocking waits on
another thread while the first's event loop runs, which is not how the program runs.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from agentdesk.desktop.single_instance import bring_to_front, server_name

FIRST = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from agentdesk.desktop.single_instance import SingleInstance

app = QApplication(sys.argv[:1])
instance = SingleInstance()
if not instance.claim():
    print("not-first", flush=True)
    sys.exit(3)
instance.activate_requested.connect(lambda: (print("activated", flush=True), app.quit()))
QTimer.singleShot(30_000, lambda: app.exit(4))  # the test failed to ask: do not linger
print("ready", flush=True)
code = app.exec()
instance.release()
sys.exit(code)
"""

SECOND = r"""
import sys
from PySide6.QtWidgets import QApplication
from agentdesk.desktop.single_instance import SingleInstance

app = QApplication(sys.argv[:1])
sys.exit(0 if not SingleInstance().claim() else 5)
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, AGENTDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def test_second_process_activates_the_first_and_exits(agentdesk_home: Path) -> None:
    env = _env(agentdesk_home)
    first = subprocess.Popen([sys.executable, "-c", FIRST], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        second = subprocess.run([sys.executable, "-c", SECOND], env=env, timeout=60)
        assert second.returncode == 0, "the second start must see the first and exit 0"
        assert first.stdout.readline().strip() == "activated"
        assert first.wait(timeout=30) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    # With the first gone (lock released), the next start is the first again.
    third = subprocess.run(
        [sys.executable, "-c", FIRST.replace("app.exec()", "0")], env=env, capture_output=True, text=True, timeout=60
    )
    assert third.returncode == 0 and "ready" in third.stdout


def test_a_lock_left_by_a_killed_instance_is_taken_over(agentdesk_home: Path) -> None:
    env = _env(agentdesk_home)
    first = subprocess.Popen([sys.executable, "-c", FIRST], env=env, stdout=subprocess.PIPE, text=True)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "ready"
    first.kill()  # no clean-up: the lock file and the socket stay behind
    first.wait()
    again = subprocess.run(
        [sys.executable, "-c", FIRST.replace("app.exec()", "0")], env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0 and "ready" in again.stdout


def test_names_differ_per_data_folder_and_hide_the_user(tmp_path: Path) -> None:
    a, b = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert a != b and a.startswith("agentdesk-")
    assert os.environ.get("USER", "nobody-here") not in a


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stacking
def test_bring_to_front_restores_a_minimised_window(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()
    bring_to_front(None)  # no window given: the visible top-level one, no error
    assert QApplication.instance() is not None
