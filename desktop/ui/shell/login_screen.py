"""The sign-in screen, with the demo users listed when running against the sandbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

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

from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.errors import WRONG_CODE, WRONG_CREDENTIALS
from desktop.ui.common.fields import centered_card
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import heading, plain
from desktop.ui.shell.code_field import code_field


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    organization_name: str


class LoginScreen(QWidget):
    """Username, password, Sign in; then Register and the office code; demo users last.

    While a sign-in runs the fields turn read-only and the focus stays on the password
    (disabling them would push the focus on to the first demo "Use" button).
    """

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
        box.addWidget(heading(self.tr("Sign in to the Claims Online Portal"), card))
        self.portal = QLabel(card)
        self.portal.setTextFormat(Qt.TextFormat.PlainText)
        self.portal.setText(self.tr("Portal: {host}").format(host=plain(portal_host, 120)))
        self.portal.setObjectName("loginPortal")
        box.addWidget(self.portal)

        box.addLayout(self._build_fields(card))
        self.error = message_label(card, "loginError", self.tr("Problem with signing in"))
        mark(self.error, Role.ERROR)
        self.error.hide()
        box.addWidget(self.error)

        box.addLayout(self._build_buttons(card))
        self._demo_buttons: list[QPushButton] = []
        if demo_users:
            box.addWidget(self._build_demo(card, demo_users))
        self._tab_order()
        self.username.setFocus()

    def _build_fields(self, card: QWidget) -> QFormLayout:
        """Username, password and the two-step code, Enter moving on."""
        form = QFormLayout()
        self.username = QLineEdit(card)
        self.username.setObjectName("loginUsername")
        self.username.setAccessibleName(self.tr("Username"))
        self.username.setMaxLength(32)
        self.username.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase
                                          | Qt.InputMethodHint.ImhNoPredictiveText)
        form.addRow(self.tr("&Username:"), self.username)
        self.password = QLineEdit(card)
        self.password.setObjectName("loginPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        form.addRow(self.tr("&Password:"), self.password)
        self.otp = code_field(card, "loginOtp")
        self.otp.returnPressed.connect(self._submit)
        form.addRow(self.otp.label, self.otp)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)

        return form

    def _build_buttons(self, card: QWidget) -> QHBoxLayout:
        """Register and the office code on the left, Sign in (the default) right."""
        row = QHBoxLayout()
        self.register = QPushButton(self.tr("&Register a new account…"), card)
        self.register.setObjectName("registerButton")
        self.register.setAccessibleName(self.tr("Register a new office account"))
        self.register.clicked.connect(self.register_requested)
        self.sign_in = QPushButton(self.tr("&Sign in"), card)
        self.sign_in.setObjectName("loginButton")
        self.sign_in.setAccessibleName(self.tr("Sign in"))
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self._submit)
        self.verify = QPushButton(self.tr("I have a &code for my office…"), card)
        self.verify.setObjectName("verifyButton")
        self.verify.setAccessibleName(self.tr("Enter the verification code of a registration"))
        self.verify.clicked.connect(self.verify_requested)
        row.addWidget(self.register)
        row.addWidget(self.verify)
        row.addStretch(1)
        row.addWidget(self.sign_in)
        return row

    def _build_demo(self, card: QWidget, demo_users: Sequence[DemoUser]) -> QGroupBox:
        """The reference portal's made-up users, each with a "Use" button."""
        demo = QGroupBox(self.tr("Demo users (reference portal, made-up data)"), card)
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
            use = QPushButton(self.tr("Use"), demo)
            use.setObjectName(f"demoUse_{plain(user.username, 40)}")
            use.setAccessibleName(self.tr("Fill in demo user {name}").format(
                name=plain(user.username, 40)))
            use.setAutoDefault(False)
            self._demo_buttons.append(use)
            use.clicked.connect(lambda _=False, u=user: self.fill(u.username, u.password))
            line.addWidget(text, 1)
            line.addWidget(use)
            grid.addLayout(line)
        return demo

    def _tab_order(self) -> None:
        """Username, password (code), Sign in, then Register, the office code, demo users:
        the layout puts Register first on the row, the keyboard should not."""
        chain: list[QWidget] = [self.username, self.password, self.otp, self.sign_in,
                                self.register, self.verify, *self._demo_buttons]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def fill(self, username: str, password: str = "") -> None:
        self.username.setText(username)
        self.password.setText(password)
        (self.password if not password else self.sign_in).setFocus()

    @property
    def busy(self) -> bool:
        return not self.sign_in.isEnabled()

    def set_busy(self, busy: bool) -> None:
        focus = self.focusWidget()
        for edit in (self.username, self.password, self.otp):
            edit.setReadOnly(busy)  # read-only keeps the focus where it is
        if busy and focus not in (self.username, self.password, self.otp):
            self.password.setFocus()  # before the focused button is disabled
        for button in (self.sign_in, self.register, self.verify, *self._demo_buttons):
            button.setEnabled(not busy)
        self.sign_in.setText(self.tr("Signing in…") if busy else self.tr("&Sign in"))

    def _say(self, message: str) -> None:
        set_message(self.error, plain(message, 400, multiline=True), Urgency.ASSERTIVE)

    def show_error(self, message: str, *, keep_password: bool = False) -> None:
        """A refused sign-in. Once the code was asked for, the password was right: only
        the code is cleared, so the clerk types the next one without starting over.
        `keep_password`: the portal did not answer (or not clearly), so nothing says
        the password was wrong; it stays for the next try."""
        if self.otp.asked and message == WRONG_CREDENTIALS:
            message = WRONG_CODE
        self._say(message)
        self.set_busy(False)
        if self.otp.asked:
            self.otp.clear()
            self.otp.setFocus()
            return
        if not keep_password:
            self.password.clear()
        self.password.setFocus()

    def ask_for_code(self, message: str) -> None:
        """The portal wants the second factor: show the code field, keep what was typed."""
        self._say(message)
        self.set_busy(False)
        self.otp.show_field(True)
        self.otp.setFocus()

    def reset(self, message: str | None = None) -> None:
        """Back to a clean form (after sign-out); the username is not remembered."""
        self.password.clear()
        self.otp.clear()
        self.otp.show_field(False)
        self.set_busy(False)
        self._say(message or "")

    def _submit(self) -> None:
        if not self.sign_in.isEnabled():
            return  # a second Enter or click while the first request runs
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self._say(self.tr("Enter your username and password."))
            (self.username if not username else self.password).setFocus()
            return
        code = self.otp.text().strip()
        if self.otp.asked and not code:
            self._say(self.tr("Enter the 6-digit code from your authenticator app, or one "
                              "of your recovery codes."))
            self.otp.setFocus()
            return
        self._say("")
        self.set_busy(True)
        if self.otp.asked:
            self.sign_in_with_code_requested.emit(username, password, code)
        else:
            self.sign_in_requested.emit(username, password)
