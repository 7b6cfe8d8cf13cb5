"""Entering the office's verification code (the first user of an office), from the
registration's outcome page or later from the sign-in screen.

The portal sent the code to the office's contact of record; the clerk also gives the
amount and date of one payment the office received in the last 90 days. Nothing typed is
lost on a refusal: a wrong code or payment, an expired code, a busy portal all leave the
fields as they were, with the reason in plain words. The code is wiped once it worked.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.portal.errors import CodeExpired, PortalError, ValidationFailed, VerificationFailed
from desktop.portal.models import RegistrationResult
from desktop.portal.security import Verification
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import (
    CheckedField,
    ErrorSummary,
    apply_server_errors,
    check_all,
    error_label,
    show_error,
)
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain_label
from desktop.ui.operations import Operations
from desktop.validation import (
    parse_date,
    validate_office_code,
    validate_payment_amount,
    validate_username,
)


class _Op(Enum):
    VERIFY = auto()
    RESEND = auto()


INTRO = str(QT_TRANSLATE_NOOP(
    "VerifyDialog",
    "Enter the 8-digit code the portal sent to your office's contact on the payer's "
    "contracting file, and the amount and date of one payment the payer made to your "
    "office in the last 90 days (from a remittance advice or a bank statement)."))


class VerifyDialog(QDialog):
    #: The account is active now (its username): the sign-in screen fills it in.
    verified = Signal(str)

    def __init__(self, ops: Operations, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Confirm you work for the office"))
        self.setModal(True)
        self._ops = ops.scope(self)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(translate("VerifyDialog", INTRO), self, max_chars=1000))
        form = QFormLayout()
        self.username = CheckedField(self, "verifyUsername", self.tr("&Username:"),
                                     self.tr("username"), validate_username)
        self.code = CheckedField(self, "verifyCode", self.tr("&Code:"), self.tr("code"),
                                 validate_office_code, placeholder=self.tr("8 digits"))
        self.amount = CheckedField(self, "verifyAmount", self.tr("Payment &amount:"),
                                   self.tr("payment amount"), validate_payment_amount,
                                   placeholder=self.tr("for example 1234.50"))
        self.day = CheckedField(self, "verifyDate", self.tr("Payment &date:"),
                                self.tr("payment date"), parse_date,
                                placeholder=self.tr("MM/DD/YYYY"))
        self.fields = (self.username, self.code, self.amount, self.day)
        for f, wire in zip(self.fields, ("username", "code", "payment_amount", "payment_date"),
                           strict=True):
            f.wire = wire
            form.addRow(f.caption, f.box)
        layout.addLayout(form)
        self.username.set_text(username)
        self.error = error_label(self, "verifyError", self.tr("confirming the code"))
        layout.addWidget(self.error)
        self.summary = ErrorSummary(self.error, self.fields)
        row = QHBoxLayout()
        self.resend = QPushButton(self.tr("Send the office a &new code"), self)
        self.resend.setObjectName("verifyResend")
        self.resend.clicked.connect(self._resend)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("verifyCancel")
        self.cancel.clicked.connect(self.reject)
        self.submit = QPushButton(self.tr("&Confirm"), self)
        self.submit.setObjectName("verifySubmit")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._submit)
        for w in (self.resend, self.cancel):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        self.resize(620, 0)
        (self.code if username else self.username).edit.setFocus()

    def _submit(self) -> None:
        if check_all(self.fields):
            self.summary.show_marked()
            return
        body = Verification(username=self.username.value(), code=self.code.value(),
                            payment_amount=self.amount.value(), payment_date=self.day.value())
        self.submit.setEnabled(False)
        self._ops.public(_Op.VERIFY, lambda api: api.verify_registration(body),
                         on_success=self._done, on_failure=self._failed)

    def _done(self, result: RegistrationResult) -> None:
        self.code.wipe()
        self.accept()
        self.verified.emit(result.username)

    def _failed(self, exc: PortalError) -> None:
        self.submit.setEnabled(True)
        if isinstance(exc, VerificationFailed):
            left = exc.attempts_left
            tail = (self.tr(" {left} tries left with this code.").format(left=left) if left
                    else self.tr(" Ask for a new code if this one no longer works."))
            self._show(exc.user_message + tail)
        elif isinstance(exc, CodeExpired):
            self._show(exc.user_message + self.tr(" Press \"Send the office a new code\"."))
        elif isinstance(exc, ValidationFailed) and exc.fields:
            leftover = apply_server_errors(self.fields, exc.fields)
            self.summary.show_marked(server=True, leftover=leftover)
        else:
            self._show(describe(exc) + self.tr(" What you typed is kept; you can try again."))

    def _resend(self) -> None:
        if check_all((self.username,)):
            return
        name = self.username.value()
        self._ops.public(_Op.RESEND, lambda api: api.resend_verification_code(name),
                         on_success=lambda _r: self._show(self.tr(
                             "A new code is on its way to your office's contact. The old "
                             "code no longer works."), Role.SUCCESS),
                         on_failure=lambda exc: self._show(describe(exc)))

    def _show(self, text: str, role: Role = Role.ERROR) -> None:
        mark(self.error, role)
        show_error(self.error, text, 1000)


def open_verify_dialog(ops: Operations, username: str, parent: QWidget,
                       on_verified: Callable[[str], object]) -> VerifyDialog:
    """Open the dialog window-modally; it deletes itself when closed."""
    dialog = VerifyDialog(ops, username, parent)
    dialog.verified.connect(on_verified)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
