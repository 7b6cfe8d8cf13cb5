"""The idle lock: replaces the window's content so no claim data is visible.

The screens underneath are only hidden, never torn down, so that unsaved input
survives the lock and a re-sign-in. The same screen guards a session found in the
credential store at start (`stored`): then the way out is "Sign in as someone else",
which signs that session out, since the person at the keyboard may not be its user.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.fields import centered_card
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import heading, plain, set_plain
from desktop.ui.shell.code_field import code_field


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    #: password and code: the session ended meanwhile and the portal wants the code.
    unlock_with_code_requested = Signal(str, str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored = False
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("Locked"))
        card, box = centered_card(self)
        self.title = heading(self.tr("Claims Desktop is locked"), card)
        box.addWidget(self.title)
        self.reason = message_label(card, "lockReason", self.tr("Why Claims Desktop is locked"))
        box.addWidget(self.reason)
        form = QFormLayout()
        self.user = QLabel(card)
        self.user.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Signed in as:"), self.user)
        self.password = QLineEdit(card)
        self.password.setObjectName("unlockPassword")
        self.password.setAccessibleName(self.tr("Password to unlock"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.password.returnPressed.connect(self._unlock)
        form.addRow(self.tr("&Password:"), self.password)
        self.otp = code_field(card, "unlockOtp")
        self.otp.returnPressed.connect(self._unlock)
        form.addRow(self.otp.label, self.otp)
        box.addLayout(form)
        self.error = message_label(card, "unlockError", self.tr("Problem with unlocking"))
        mark(self.error, Role.ERROR)
        self.error.hide()
        box.addWidget(self.error)
        row = QHBoxLayout()
        self.sign_out = QPushButton(self.tr("Sign &out"), card)
        self.sign_out.setObjectName("lockSignOutButton")
        self.sign_out.setAccessibleName(self.tr("Sign out instead of unlocking"))
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.unlock = QPushButton(self.tr("&Unlock"), card)
        self.unlock.setObjectName("unlockButton")
        self.unlock.setAccessibleName(self.tr("Unlock"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._unlock)
        row.addWidget(self.sign_out)
        row.addStretch(1)
        row.addWidget(self.unlock)
        box.addLayout(row)
        # Password, code, Unlock, then the way out (the row shows Sign out first).
        QWidget.setTabOrder(self.password, self.otp)
        QWidget.setTabOrder(self.otp, self.unlock)
        QWidget.setTabOrder(self.unlock, self.sign_out)

    @property
    def stored(self) -> bool:
        """Whether this lock guards a session left in the credential store at start."""
        return self._stored

    def prepare(self, username: str, reason: str, *, stored: bool = False) -> None:
        self._stored = stored
        if stored:
            self.sign_out.setText(self.tr("Sign in as &someone else"))
            self.sign_out.setAccessibleName(
                self.tr("Sign this session out and sign in as someone else"))
        else:
            self.sign_out.setText(self.tr("Sign &out"))
            self.sign_out.setAccessibleName(self.tr("Sign out instead of unlocking"))
        set_plain(self.user, plain(username, 64))
        set_message(self.reason, plain(reason, 600, multiline=True), Urgency.ASSERTIVE)
        set_message(self.error, "")
        self.password.clear()
        self.otp.clear()
        self.otp.show_field(False)
        self.set_busy(False)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.otp.setEnabled(not busy)

    def failed(self, message: str) -> None:
        set_message(self.error, plain(message, 400, multiline=True), Urgency.ASSERTIVE)
        self.set_busy(False)
        if self.otp.asked:  # the password was right: only the code goes
            self.otp.clear()
            self.otp.setFocus()
            return
        self.password.clear()
        self.password.setFocus()

    def refused(self, tries_left: int) -> None:
        """A wrong password, or (once the code was asked for) a wrong or used code."""
        what = (self.tr("That code is not right or was used already.") if self.otp.asked
                else self.tr("That password is not right."))
        left = (self.tr("1 try left before you are signed out.") if tries_left == 1 else
                self.tr("%n tries left before you are signed out.", "", tries_left))
        self.failed(what + " " + left)

    def ask_for_code(self, message: str) -> None:
        """The session ended while locked, so unlocking is a new sign-in: code needed."""
        set_message(self.error, plain(message, 400, multiline=True), Urgency.ASSERTIVE)
        self.set_busy(False)
        self.otp.show_field(True)
        self.otp.setFocus()

    def _unlock(self) -> None:
        if not self.unlock.isEnabled():
            return
        pw = self.password.text()
        if not pw:
            self.failed(self.tr("Enter your password to unlock."))
            return
        code = self.otp.text().strip()
        if self.otp.asked and not code:
            self.ask_for_code(
                self.tr("Enter the code from your authenticator app, or a recovery code."))
            return
        self.set_busy(True)
        if self.otp.asked:
            self.unlock_with_code_requested.emit(pw, code)
        else:
            self.unlock_requested.emit(pw)
