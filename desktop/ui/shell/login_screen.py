"""The sign-in screen, with the demo users listed when running against the sandbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.errors import WRONG_CODE, WRONG_CREDENTIALS
from desktop.ui.common.fields import centered_card, error_label
from desktop.ui.common.text import heading, plain, set_plain
from desktop.ui.shell.code_field import code_field


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    organization_name: str


class LoginScreen(QWidget):
    sign_in_requested = Signal(str, str)
    #: username, password, and the second factor (once the portal asked for it).
    sign_in_with_code_requested = Signal(str, str, str)
    register_requested = Signal()
    #: "I have a code for my office": enter the verification code of a registration.
    verify_requested = Signal()

    def __init__(self, portal_host: str, demo_users: Sequence[DemoUser] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        card, box = centered_card(self)
        box.addWidget(heading("Sign in to the Claims Online Portal", card))
        self.portal = QLabel(card)
        self.portal.setTextFormat(Qt.TextFormat.PlainText)
        self.portal.setText(f"Portal: {plain(portal_host, 120)}")
        self.portal.setObjectName("loginPortal")
        box.addWidget(self.portal)

        form = QFormLayout()
        self.username = QLineEdit(card)
        self.username.setObjectName("loginUsername")
        self.username.setAccessibleName("Username")
        self.username.setMaxLength(32)
        self.username.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase
                                          | Qt.InputMethodHint.ImhNoPredictiveText)
        form.addRow("&Username:", self.username)
        self.password = QLineEdit(card)
        self.password.setObjectName("loginPassword")
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        form.addRow("&Password:", self.password)
        self.otp = code_field(card, "loginOtp")
        self.otp.returnPressed.connect(self._submit)
        form.addRow(self.otp.label, self.otp)
        box.addLayout(form)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)

        self.error = error_label(card, "loginError", "signing in")
        box.addWidget(self.error)

        row = QHBoxLayout()
        self.register = QPushButton("&Register a new account…", card)
        self.register.setObjectName("registerButton")
        self.register.setAccessibleName("Register a new office account")
        self.register.clicked.connect(self.register_requested)
        self.sign_in = QPushButton("&Sign in", card)
        self.sign_in.setObjectName("loginButton")
        self.sign_in.setAccessibleName("Sign in")
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self._submit)
        self.verify = QPushButton("I have a &code for my office…", card)
        self.verify.setObjectName("verifyButton")
        self.verify.setAccessibleName("Enter the verification code of a registration")
        self.verify.clicked.connect(self.verify_requested)
        row.addWidget(self.register)
        row.addWidget(self.verify)
        row.addStretch(1)
        row.addWidget(self.sign_in)
        box.addLayout(row)

        if demo_users:
            demo = QGroupBox("Demo users (reference portal, made-up data)", card)
            demo.setObjectName("demoUsers")
            grid = QVBoxLayout(demo)
            for user in demo_users:
                line = QHBoxLayout()
                text = QLabel(demo)
                text.setTextFormat(Qt.TextFormat.PlainText)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setText(
                    f"{plain(user.username, 40)}  /  {plain(user.password, 80)}\n"
                    f"{plain(user.organization_name, 80)}"
                )
                use = QPushButton("Use", demo)
                use.setObjectName(f"demoUse_{plain(user.username, 40)}")
                use.setAccessibleName(f"Fill in demo user {plain(user.username, 40)}")
                use.clicked.connect(lambda _=False, u=user: self.fill(u.username, u.password))
                line.addWidget(text, 1)
                line.addWidget(use)
                grid.addLayout(line)
            box.addWidget(demo)
        self.username.setFocus()

    def fill(self, username: str, password: str = "") -> None:
        self.username.setText(username)
        self.password.setText(password)
        (self.password if not password else self.sign_in).setFocus()

    def set_busy(self, busy: bool) -> None:
        for w in (self.username, self.password, self.otp, self.sign_in, self.register):
            w.setEnabled(not busy)
        self.sign_in.setText("Signing in…" if busy else "&Sign in")

    def show_error(self, message: str) -> None:
        """A refused sign-in. Once the code was asked for, the password was right: only
        the code is cleared, so the clerk types the next one without starting over."""
        if self.otp.asked and message == WRONG_CREDENTIALS:
            message = WRONG_CODE
        set_plain(self.error, message)
        self.error.show()
        self.set_busy(False)
        if self.otp.asked:
            self.otp.clear()
            self.otp.setFocus()
            return
        self.password.clear()
        self.password.setFocus()

    def ask_for_code(self, message: str) -> None:
        """The portal wants the second factor: show the code field, keep what was typed."""
        set_plain(self.error, message)
        self.error.show()
        self.set_busy(False)
        self.otp.show_field(True)
        self.otp.setFocus()

    def reset(self, message: str | None = None) -> None:
        """Back to a clean form (after sign-out); the username is not remembered."""
        self.password.clear()
        self.otp.clear()
        self.otp.show_field(False)
        self.set_busy(False)
        if message:
            set_plain(self.error, message)
            self.error.show()
        else:
            self.error.clear()
            self.error.hide()

    def _submit(self) -> None:
        if not self.sign_in.isEnabled():
            return  # a second Enter or click while the first request runs
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            set_plain(self.error, "Enter your username and password.")
            self.error.show()
            (self.username if not username else self.password).setFocus()
            return
        code = self.otp.text().strip()
        if self.otp.asked and not code:
            set_plain(self.error, "Enter the 6-digit code from your authenticator app, or "
                      "one of your recovery codes.")
            self.error.show()
            self.otp.setFocus()
            return
        self.error.hide()
        self.set_busy(True)
        if self.otp.asked:
            self.sign_in_with_code_requested.emit(username, password, code)
        else:
            self.sign_in_requested.emit(username, password)
