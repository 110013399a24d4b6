"""Every Designer form in ui/ loads, and the names the code relies on exist."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from agentdesk.desktop import uiload

EXPECTED = {
    "login": (QDialog, ["serverEdit", "usernameEdit", "passwordEdit", "rememberCheck", "signInButton", "loginError"]),
    "mainwindow": (
        QMainWindow,
        [
            "queueView",
            "searchEdit",
            "filterCombo",
            "nextCaseButton",
            "actionNextCase",
            "actionSaveNext",
            "actionHangUp",
            "actionMute",
            "actionHold",
            "actionKeypad",
            "casePaneLayout",
            "scriptPaneLayout",
            "formPaneLayout",
        ],
    ),
    "noteform": (
        QWidget,
        [
            "reachedCombo",
            "outcomeCombo",
            "promiseAmountEdit",
            "promiseDateEdit",
            "callbackEdit",
            "contactCombo",
            "noteEdit",
            "saveButton",
            "saveNextButton",
            "callResultLabel",
            "inboundCheck",
            "callError",
            "outcomeError",
        ],
    ),
    "casepanel": (
        QWidget,
        ["debtorName", "overdueAmount", "complianceBanner", "contactsView", "accountsView", "timelineView",
         "callBar", "callStateLabel", "callTimerLabel", "hangUpButton", "muteButton", "holdButton", "keypad", "key0"],
    ),
    "talktrack": (QWidget, ["trackCombo", "stepsArea", "stepsLayout", "requiredProgress"]),
    "leadconsole": (
        QWidget,
        ["tabs", "boardView", "casesView", "dropView", "agentFilter", "minDpdSpin", "maxAmountSpin",
         "flaggedView", "rejectedView", "numbersView", "approveNumberButton", "chartsGrid", "undoButton"],
    ),
    "reassign": (QDialog, ["oneRadio", "evenRadio", "capacityRadio", "targetsView", "previewView", "commitButton"]),
    "recordings": (QWidget, ["agentFilter", "fromDate", "toDate", "outcomeFilter", "flaggedCheck", "minDurationSpin",
                             "maxDurationSpin", "recordingsView", "playButton", "positionSlider", "timeLabel",
                             "sheetForm", "commentEdit", "saveScoreButton", "summaryLabel"]),
    "myscores": (QDialog, ["scoresView", "scoreDetail", "scoresSummary", "buttons"]),
    "phonesettings": (QDialog, ["microphoneCombo", "speakerCombo", "testToneButton", "passwordEdit", "buttonBox"]),
    "smsdialog": (QDialog, ["numberCombo", "languageCombo", "templateList", "previewText", "segmentsLabel",
                            "verdictLabel", "gatewayLabel", "sendButton", "cancelButton"]),
    # The strategy engine (issue 14).
    "segments": (QWidget, ["segmentsList", "formScroll", "keyEdit", "minDpdSpin", "maxOverdueSpin", "weightsForm",
                           "tracksForm", "callsPerDaySpin", "minGradeCombo", "challengerCheck", "shareSpin",
                           "saveButton", "exportButton", "importButton", "versionsCombo"]),
    "allocation": (QWidget, ["newCheck", "returnedCheck", "absentCheck", "previewButton", "itemsView", "loadsView",
                             "targetCombo", "commitButton", "undoAllocationButton"]),
    "collectors": (QWidget, ["collectorsView", "gradeCombo", "skillsEdit", "capacitySpin", "day0", "day6",
                             "awayCheck", "awayFromEdit", "awayUntilEdit", "standInCombo", "saveCollectorButton"]),
    "arms": (QWidget, ["experimentCombo", "periodCombo", "verdictLabel", "metricsView", "chartLayout",
                       "promoteArmButton", "stopArmButton"]),
    # The lead's history of moves (issue 18).
    "moves": (QWidget, ["movesSummary", "movesView", "undoMoveButton", "refreshMovesButton"]),
    "pricing": (QWidget, ["lenderCombo", "chooseFileButton", "totalLabel", "pricingView", "evidenceLabel"]),
}


def test_every_form_is_known() -> None:
    assert sorted(EXPECTED) == uiload.form_names()


@pytest.mark.parametrize("name", uiload.form_names())
def test_form_loads(qapp, name: str) -> None:  # noqa: ANN001
    base_class, children = EXPECTED[name]
    widget = base_class()
    loaded = uiload.load_form(name, widget)
    assert loaded is widget
    for child in children:
        assert getattr(widget, child, None) is not None, f"{name}.ui lacks {child}"
    widget.deleteLater()


def test_missing_form_says_so(qapp) -> None:  # noqa: ANN001
    with pytest.raises(uiload.FormError, match="nosuchform"):
        uiload.load_form("nosuchform", QWidget())
