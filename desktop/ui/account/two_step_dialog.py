"""Setting up and turning off two-step sign-in (Account > Two-step sign-in).

Set-up runs in three pages: the password (the portal checks it, counted toward the
lockout), then the QR code and the secret as text with a field for the first code,
then the ten recovery codes, shown this once, with Copy and Print. Turning off asks for
the password and a current code (or a recovery code).

What is typed survives a refusal (a wrong code keeps the page; only the code field is
cleared, since a new one is needed anyway). The idle lock wipes the password fields
(`wipe_secrets`) but not the recovery codes: once two-step sign-in is on, losing them
before they were written down would be worse than keeping them behind the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import Conflict, PortalError, ValidationFailed
from desktop.portal.security import TotpSetup
from desktop.ui.account.qr import qr_image
from desktop.ui.common.clipboard import copy_text
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import error_label, show_error
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import plain, plain_label, set_plain
from desktop.ui.operations import Operations

INTERRUPTED = str(QT_TRANSLATE_NOOP(
    "TwoStepDialog",
    "Nothing was changed: the portal asked you to sign in again or to accept its privacy "
    "policy first. Then try again."))


class TwoStepMode(Enum):
    SET_UP = auto()
    TURN_OFF = auto()


class _Op(Enum):
    START = auto()
    CONFIRM = auto()
    TURN_OFF = auto()


def _secret_field(parent: QWidget, name: str, label: str, *, password: bool) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(label)
    edit.setMaxLength(128 if password else 24)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _six_digits(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


def _grouped(secret: str) -> str:
    """`ABCD EFGH ...`: easier to type into an authenticator than one long run."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _ask_printer(printer: QPrinter, parent: QWidget) -> bool:
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


class TwoStepDialog(QDialog):
    #: Two-step sign-in was turned on (True) or off (False).
    changed = Signal(bool)

    def __init__(self, ops: Operations, mode: TwoStepMode,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("twoStepDialog")
        self.setWindowTitle(self.tr("Two-step sign-in"))
        self.setModal(True)
        self._ops = ops.scope(self)
        self.mode = mode
        self.recovery_codes: tuple[str, ...] = ()
        #: The error shown is "type your password (and a code)": it goes once they are.
        self._missing_input = False
        #: Replaced by tests: asks where to print (True to print).
        self.ask_printer: Callable[[QPrinter, QWidget], bool] = _ask_printer
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.error = error_label(self, "twoStepError", self.tr("two-step sign-in"))
        layout.addWidget(self.error)
        self._build_password_page()
        self._build_scan_page()
        self._build_codes_page()
        self.pages.setCurrentWidget(self.password_page)
        self.resize(560, 0)

    # --- pages -------------------------------------------------------------------------

    def _build_password_page(self) -> None:
        page = self.password_page = QWidget(self.pages)
        box = QVBoxLayout(page)
        turning_off = self.mode is TwoStepMode.TURN_OFF
        box.addWidget(plain_label(self.tr(
            "To turn off two-step sign-in, type your password and a code from your "
            "authenticator app (or one of your recovery codes).") if turning_off else self.tr(
            "Two-step sign-in asks for a 6-digit code from an authenticator app on your "
            "phone each time you sign in, so a stolen password alone is not enough. Type "
            "your password to start."), page, max_chars=600))
        form = QFormLayout()
        self.password = _secret_field(page, "twoStepPassword", self.tr("Password"),
                                      password=True)
        form.addRow(self.tr("&Password:"), self.password)
        self.off_code = _secret_field(page, "twoStepOffCode", self.tr("Code or recovery code"),
                                      password=False)
        if turning_off:
            form.addRow(self.tr("&Code:"), self.off_code)
        else:
            self.off_code.hide()
        for edit in (self.password, self.off_code):
            edit.textChanged.connect(self._input_changed)
        box.addLayout(form)
        self.next_button = QPushButton(self.tr("&Turn off") if turning_off
                                       else self.tr("&Continue"), page)
        self.next_button.setObjectName("twoStepTurnOffConfirm" if turning_off
                                       else "twoStepContinue")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._first_step)
        box.addLayout(self._buttons(page, self.next_button))
        self.pages.addWidget(page)

    def _build_scan_page(self) -> None:
        page = self.scan_page = QWidget(self.pages)
        box = QVBoxLayout(page)
        box.addWidget(plain_label(self.tr(
            "Scan this code with your authenticator app, or type the key below into it. "
            "Then type the 6-digit code the app shows."), page, max_chars=400))
        self.qr = QLabel(page)
        self.qr.setObjectName("twoStepQr")
        self.qr.setAccessibleName(self.tr("QR code for the authenticator app"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.qr)
        self.secret = plain_label("", page)
        self.secret.setObjectName("twoStepSecret")
        # The key itself is what a screen reader must read out (the name); not its label.
        self.secret.setAccessibleDescription(self.tr("Key to type into the authenticator app"))
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.secret.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.secret)
        form = QFormLayout()
        self.code = _secret_field(page, "twoStepCode", self.tr("Code from the app"),
                                  password=False)
        self.code.setPlaceholderText(self.tr("6 digits"))
        self.code.returnPressed.connect(self._confirm)
        self.code.textChanged.connect(self._input_changed)
        form.addRow(self.tr("&Code:"), self.code)
        box.addLayout(form)
        self.confirm_button = QPushButton(self.tr("&Turn on"), page)
        self.confirm_button.setObjectName("twoStepConfirm")
        self.confirm_button.clicked.connect(self._confirm)
        box.addLayout(self._buttons(page, self.confirm_button))
        self.pages.addWidget(page)

    def _build_codes_page(self) -> None:
        page = self.codes_page = QWidget(self.pages)
        box = QVBoxLayout(page)
        box.addWidget(plain_label(self.tr(
            "Two-step sign-in is on. Keep these recovery codes somewhere safe, away from "
            "your phone: each one signs you in once if the phone is lost. They are shown "
            "only now."), page, max_chars=400))
        self.codes = plain_label("", page)
        self.codes.setObjectName("twoStepRecoveryCodes")
        self.codes.setAccessibleDescription(self.tr("Recovery codes"))
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = self.codes.font()
        mono.setFamily("monospace")
        self.codes.setFont(mono)
        box.addWidget(self.codes)
        box.addStretch(1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"), page)
        self.copy_button.setObjectName("twoStepCopy")
        self.copy_button.clicked.connect(lambda: copy_text("\n".join(self.recovery_codes)))
        self.print_button = QPushButton(self.tr("&Print…"), page)
        self.print_button.setObjectName("twoStepPrint")
        self.print_button.clicked.connect(self.print_codes)
        self.done_button = QPushButton(self.tr("&Done"), page)
        self.done_button.setObjectName("twoStepDone")
        self.done_button.clicked.connect(self.accept)
        for w in (self.copy_button, self.print_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.done_button)
        box.addLayout(row)
        self.pages.addWidget(page)

    def _buttons(self, page: QWidget, action: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.setObjectName("twoStepCancel")
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(action)
        return row

    # --- steps -------------------------------------------------------------------------

    def _first_step(self) -> None:
        password = self.password.text()
        code = self.off_code.text().strip()
        if not self._input_complete():
            self._show(self.tr("Type your password and a code.") if self.mode is
                       TwoStepMode.TURN_OFF else self.tr("Type your password."))
            self._missing_input = True
            return
        self.next_button.setEnabled(False)
        if self.mode is TwoStepMode.TURN_OFF:
            self._ops.portal(_Op.TURN_OFF, lambda api: api.disable_totp(password, code),
                             on_success=lambda _r: self._turned_off(),
                             on_failure=self._failed, on_interrupted=self._interrupted)
        else:
            self._ops.portal(_Op.START, lambda api: api.start_totp(password),
                             on_success=self._started, on_failure=self._failed,
                             on_interrupted=self._interrupted)

    def _started(self, setup: TotpSetup) -> None:
        self.password.setText("")
        self._show("")
        self.qr.setPixmap(QPixmap.fromImage(qr_image(setup.otpauth_uri)))
        set_plain(self.secret, _grouped(plain(setup.secret, 200)))
        self.pages.setCurrentWidget(self.scan_page)
        self.code.setFocus()

    def _confirm(self) -> None:
        code = self.code.text().strip()
        if not _six_digits(code):
            self._show(self.tr("Type the 6-digit code your authenticator app shows."))
            self._missing_input = True
            return
        self.confirm_button.setEnabled(False)
        self._ops.portal(_Op.CONFIRM, lambda api: api.confirm_totp(code),
                         on_success=self._confirmed, on_failure=self._failed,
                         on_interrupted=self._interrupted)

    def _confirmed(self, codes: tuple[str, ...]) -> None:
        self.recovery_codes = codes
        self.qr.clear()
        self.secret.clear()
        self._show("")
        set_plain(self.codes, "\n".join(plain(c, 40) for c in codes), 1000)
        self.pages.setCurrentWidget(self.codes_page)
        self.done_button.setDefault(True)
        self.changed.emit(True)

    def _turned_off(self) -> None:
        self.wipe_secrets()
        self.changed.emit(False)
        self.accept()

    def _failed(self, exc: PortalError) -> None:
        self.next_button.setEnabled(True)
        self.confirm_button.setEnabled(True)
        if isinstance(exc, ValidationFailed) and exc.fields:
            if "code" in exc.fields:
                (self.code if self.pages.currentWidget() is self.scan_page
                 else self.off_code).clear()
            self._show(" ".join(exc.fields.values()))
        elif isinstance(exc, Conflict):
            self._show(exc.user_message)
        else:
            self._show(describe(exc) + self.tr(" What you typed is kept; you can try again."))

    def _interrupted(self, _exc: PortalError) -> None:
        self.next_button.setEnabled(True)
        self.confirm_button.setEnabled(True)
        self._show(translate("TwoStepDialog", INTERRUPTED))

    def _show(self, text: str) -> None:
        """Show (and announce) a problem; "" hides it."""
        self._missing_input = False
        show_error(self.error, text, 600)

    def _input_complete(self) -> bool:
        if self.pages.currentWidget() is self.scan_page:
            return _six_digits(self.code.text().strip())
        return bool(self.password.text()) and (self.mode is not TwoStepMode.TURN_OFF
                                               or bool(self.off_code.text().strip()))

    def _input_changed(self) -> None:
        # "Type your password" must not stay once it is typed (issue 15, item 7).
        if self._missing_input and self._input_complete():
            self._show("")

    # --- codes out -----------------------------------------------------------------------

    def print_codes(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ask_printer(printer, self):
            return
        doc = QTextDocument()
        doc.setPlainText(self.tr("Claims Desktop - two-step sign-in recovery codes\n\n"
                                 "Each code signs you in once. Keep this page somewhere "
                                 "safe.") + "\n\n" + "\n".join(self.recovery_codes))
        doc.print_(printer)

    def wipe_secrets(self) -> None:
        """The idle lock: typed passwords and codes go; recovery codes stay (see above)."""
        for edit in (self.password, self.off_code, self.code):
            edit.setText("")
