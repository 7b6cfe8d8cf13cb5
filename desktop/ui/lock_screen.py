"""The idle lock: replaces the window's content so no claim data is visible.

The screens underneath are only hidden, never torn down, so that unsaved input
survives the lock and a re-sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.text import plain, set_plain


class LockScreen(QWidget):
    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAccessibleName("Locked")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)
        box = QVBoxLayout(card)
        self.title = QLabel("Claims Desktop is locked", card)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        box.addWidget(self.title)
        self.reason = QLabel(card)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        box.addWidget(self.reason)
        form = QFormLayout()
        self.user = QLabel(card)
        self.user.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("Signed in as:", self.user)
        self.password = QLineEdit(card)
        self.password.setObjectName("unlockPassword")
        self.password.setAccessibleName("Password to unlock")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.password.returnPressed.connect(self._unlock)
        form.addRow("&Password:", self.password)
        box.addLayout(form)
        self.error = QLabel(card)
        self.error.setObjectName("unlockError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000;")
        box.addWidget(self.error)
        row = QHBoxLayout()
        self.sign_out = QPushButton("Sign &out", card)
        self.sign_out.setObjectName("lockSignOutButton")
        self.sign_out.setAccessibleName("Sign out instead of unlocking")
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.unlock = QPushButton("&Unlock", card)
        self.unlock.setObjectName("unlockButton")
        self.unlock.setAccessibleName("Unlock")
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._unlock)
        row.addWidget(self.sign_out)
        row.addStretch(1)
        row.addWidget(self.unlock)
        box.addLayout(row)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(card)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)

    def prepare(self, username: str, reason: str) -> None:
        set_plain(self.user, plain(username, 64))
        set_plain(self.reason, reason)
        self.error.clear()
        self.password.clear()
        self.set_busy(False)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def failed(self, message: str) -> None:
        set_plain(self.error, message)
        self.password.clear()
        self.set_busy(False)
        self.password.setFocus()

    def _unlock(self) -> None:
        if not self.unlock.isEnabled():
            return
        pw = self.password.text()
        if not pw:
            self.failed("Enter your password to unlock.")
            return
        self.set_busy(True)
        self.unlock_requested.emit(pw)
