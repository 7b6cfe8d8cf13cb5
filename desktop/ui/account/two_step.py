"""Account > Two-step sign-in: whether it is on, and the buttons to set it up or turn it off.

The state comes with the account (`mfa_enabled` on `GET /account`); the dialog does the
portal work. When IT requires two-step sign-in (`require_mfa`), the section says so and
offers no way to turn it off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from desktop.ui.account.two_step_dialog import TwoStepDialog, TwoStepMode
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import plain_label, set_plain
from desktop.ui.operations import Operations

REQUIRED_NOTE = str(QT_TRANSLATE_NOOP("TwoStepSection",
                                  " Your IT department requires it on this computer."))


class TwoStepSection(QGroupBox):
    def __init__(self, ops: Operations, require_mfa: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("TwoStepSection", "Two-step sign-in"), parent)
        self.setObjectName("accountTwoStep")
        self._ops = ops
        self._required = require_mfa
        self.enabled_now = False
        self.dialog: TwoStepDialog | None = None
        layout = QVBoxLayout(self)
        self.status = plain_label("", self)
        self.status.setObjectName("twoStepStatus")
        layout.addWidget(self.status)
        self.set_up = QPushButton(self.tr("Set &up two-step sign-in…"), self)
        self.set_up.setObjectName("twoStepSetUp")
        self.set_up.setAccessibleName(self.tr("Set up two-step sign-in"))
        self.set_up.clicked.connect(lambda: self._open(TwoStepMode.SET_UP))
        self.turn_off = QPushButton(self.tr("Turn o&ff two-step sign-in…"), self)
        self.turn_off.setObjectName("twoStepTurnOff")
        self.turn_off.setAccessibleName(self.tr("Turn off two-step sign-in"))
        self.turn_off.clicked.connect(lambda: self._open(TwoStepMode.TURN_OFF))
        for button in (self.set_up, self.turn_off):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_state(False)

    def show_state(self, enabled: bool) -> None:
        self.enabled_now = enabled
        note = translate("TwoStepSection", REQUIRED_NOTE) if self._required else ""
        set_plain(self.status, (
            self.tr("On: signing in asks for a code from your authenticator app.") if enabled
            else self.tr("Off: signing in asks only for your password.")) + note, 600)
        self.set_up.setVisible(not enabled)
        self.turn_off.setVisible(enabled and not self._required)

    def _open(self, mode: TwoStepMode) -> None:
        dialog = TwoStepDialog(self._ops, mode, self.window())
        dialog.changed.connect(self.show_state)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: TwoStepDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def clear(self) -> None:
        """Sign-out: the dialog (secrets, recovery codes) goes."""
        if self.dialog is not None:
            self.dialog.wipe_secrets()
            self.dialog.close()
            self.dialog = None
        self.show_state(False)
