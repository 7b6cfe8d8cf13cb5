"""Deactivate the account: explain, ask for the password and a reason, confirm twice.

Deactivation cannot be undone from the desktop, so the user first reads what it
means and ticks that they understood (the first confirmation), then answers a
second question that names the account, with buttons that say what they do. Only
then is the request sent; the screen then signs out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import PortalError, ValidationFailed
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import CheckedField, error_label, show_error
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain, plain_label, set_plain
from desktop.ui.operations import Operations
from desktop.validation import ValidationError

REASON_MAX = 1000

CONSEQUENCES = str(QT_TRANSLATE_NOOP(
    "DeactivateDialog",
    "Deactivating your account means:\n"
    "• You are signed out at once, here and on every other computer.\n"
    "• You cannot sign in with this username again, and it cannot be reactivated from "
    "Claims Desktop.\n"
    "• Your office's claims are not affected; other users of your office keep their access.\n"
    "• To use the portal again later you need a new registration, or provider support's "
    "help.\n\n"
    "To correct your details or change your password instead, close this window and use "
    "the Account screen."))


_DEACTIVATE = "deactivate"


def _password_rule(text: str) -> str:
    if not text:
        raise ValidationError(translate("DeactivateDialog",
                                        "Type your password to confirm it is you."))
    return text


class DeactivateDialog(QDialog):
    #: The portal deactivated the account (every session, this one included, is revoked).
    deactivated = Signal()

    def __init__(self, ops: Operations, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deactivateDialog")
        self.setWindowTitle(self.tr("Deactivate your account"))
        self.resize(620, 440)
        self._ops = ops.scope(self)
        self._username = username
        self._sending = False
        #: The error shown is about the reason's length (goes once it is short enough).
        self._reason_problem = False
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)
        self.error = error_label(self, "deactivateError", self.tr("Deactivation problem"))
        layout.addWidget(self.error)
        self._build_explain()
        self._build_confirm()
        self.cancel.setDefault(True)  # Enter on the first page keeps the account

    def _build_explain(self) -> None:
        page = QWidget(self.pages)
        box = QVBoxLayout(page)
        text = plain_label(translate("DeactivateDialog", CONSEQUENCES), page, max_chars=2000)
        text.setObjectName("deactivateConsequences")
        box.addWidget(text)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.password = CheckedField(page, "deactivatePassword", self.tr("Your &password:"),
                                     self.tr("password"), _password_rule, wire="password",
                                     password=True)
        form.addRow(self.password.caption, self.password.box)
        self.reason = QPlainTextEdit(page)
        self.reason.setObjectName("deactivateReason")
        self.reason.setAccessibleName(self.tr("Reason for deactivating (optional)"))
        self.reason.setPlaceholderText(self.tr("Optional: why are you deactivating the "
                                               "account?"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.textChanged.connect(self._reason_changed)
        reason_caption = QLabel(self.tr("&Reason (optional):"), page)
        reason_caption.setBuddy(self.reason)
        form.addRow(reason_caption, self.reason)
        box.addLayout(form)
        self.understand = QCheckBox(self.tr(
            "I understand that I will not be able to sign in with this account again."), page)
        self.understand.setObjectName("deactivateUnderstand")
        box.addWidget(self.understand)
        box.addStretch(1)
        row = QHBoxLayout()
        self.cancel = QPushButton(self.tr("&Keep my account"), page)
        self.cancel.setObjectName("deactivateCancel")
        self.cancel.clicked.connect(self.reject)
        self.next = QPushButton(self.tr("&Continue to deactivation…"), page)
        self.next.setObjectName("deactivateContinue")
        self.next.setAutoDefault(False)
        self.next.setEnabled(False)
        self.next.clicked.connect(self._to_confirm)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.next)
        box.addLayout(row)
        self.understand.toggled.connect(self._update_next)
        self.password.edit.textChanged.connect(self._update_next)
        self.explain_page = page
        self.pages.addWidget(page)

    def _build_confirm(self) -> None:
        page = QWidget(self.pages)
        box = QVBoxLayout(page)
        self.final_text = plain_label("", page, max_chars=800)
        self.final_text.setObjectName("deactivateFinalText")
        font = self.final_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.final_text.setFont(font)
        box.addWidget(self.final_text)
        box.addStretch(1)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("No, &go back"), page)
        self.back.setObjectName("deactivateBack")
        self.back.clicked.connect(self._to_explain)
        self.confirm = QPushButton(self.tr("&Deactivate my account now"), page)
        self.confirm.setObjectName("deactivateConfirm")
        self.confirm.setAutoDefault(False)
        mark(self.confirm, Role.DANGER)  # cannot be undone: the style says so
        bold = self.confirm.font()
        bold.setBold(True)  # and so does the weight, whatever the scheme's colours
        self.confirm.setFont(bold)
        self.confirm.clicked.connect(self._send)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.confirm)
        box.addLayout(row)
        self.confirm_page = page
        self.pages.addWidget(page)

    # --- steps -----------------------------------------------------------------------

    def _update_next(self) -> None:
        self.next.setEnabled(self.understand.isChecked() and bool(self.password.text()))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _to_confirm(self) -> None:
        if not self.password.check():
            return
        if len(self.reason_text()) > REASON_MAX:
            self.show_error(self.tr("The reason can have at most {most} characters; this one "
                                    "has {count}.").format(most=REASON_MAX,
                                                           count=len(self.reason_text())))
            self._reason_problem = True
            return
        if not self.understand.isChecked():
            return
        self.show_error("")
        set_plain(self.final_text, self.tr(
            "Deactivate the account {name} now?\n\n"
            "This is the last step. You will be signed out at once and cannot sign in "
            "with this account again.").format(name=plain(self._username, 40)), 800)
        self.pages.setCurrentWidget(self.confirm_page)
        self.back.setDefault(True)
        self.back.setFocus()

    def _to_explain(self) -> None:
        self.pages.setCurrentWidget(self.explain_page)
        self.cancel.setDefault(True)
        self.password.edit.setFocus()

    def _send(self) -> None:
        if self._sending:
            return
        self._sending = True
        self.confirm.setEnabled(False)
        self.back.setEnabled(False)
        self.confirm.setText(self.tr("Deactivating…"))
        password, reason = self.password.text(), self.reason_text()
        # An interruption is told like any failure: the account was not deactivated.
        self._ops.portal(_DEACTIVATE, lambda api: api.deactivate_account(password, reason),
                         on_success=self._done, on_failure=self._failed,
                         on_interrupted=self._failed)

    def _reset_send(self) -> None:
        self._sending = False
        self.confirm.setEnabled(True)
        self.back.setEnabled(True)
        self.confirm.setText(self.tr("&Deactivate my account now"))

    def _done(self, _result: object) -> None:
        self._reset_send()
        self.wipe()
        self.deactivated.emit()
        self.accept()

    def _failed(self, exc: PortalError) -> None:
        self._reset_send()
        self._to_explain()
        if isinstance(exc, ValidationFailed) and "password" in exc.fields:
            self.password.set_server_error(exc.fields["password"])
            return
        if isinstance(exc, ValidationFailed) and exc.fields:
            self.show_error(" ".join(exc.fields.values()))
            return
        self.show_error(describe(exc) + self.tr(" Your account was not deactivated."))

    @property
    def sending(self) -> bool:
        return self._sending

    def show_error(self, text: str) -> None:
        """Show (and announce) a problem; "" hides it."""
        self._reason_problem = False
        show_error(self.error, text)

    def _reason_changed(self) -> None:
        # "The reason can have at most 1000 characters" must not outlive the fix.
        if self._reason_problem and len(self.reason_text()) <= REASON_MAX:
            self.show_error("")

    def wipe_secrets(self) -> None:
        """The idle lock hides this dialog: what was typed in it goes."""
        self.wipe()

    def wipe(self) -> None:
        self.password.wipe()
        self.reason.setPlainText("")
        self.understand.setChecked(False)
