"""Change the password: current, new and confirmation; the user stays signed in.

The portal revokes every other session of the user and keeps this one, so nothing
changes for the window. A wrong current password is a 422 on `current_password`
(not a 401: the session is fine), shown under that field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import (
    PortalError,
    ValidationFailed,
)
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import (
    CheckedField,
    apply_server_errors,
    check_all,
    error_label,
    first_with_error,
    show_error,
)
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import plain_label, set_plain
from desktop.ui.operations import Operations
from desktop.ui.registration.form import password_rule_text
from desktop.validation import ValidationError, password_strength_hint, validate_password

#: Said when an expiry or a policy change interrupted the request.
INTERRUPTED = str(QT_TRANSLATE_NOOP(
    "PasswordDialog",
    "The password was not changed: the portal asked you to sign in again or to accept its "
    "privacy policy first. Then type the passwords again and press Change password."))


_CHANGE = "change-password"


def _current_rule(text: str) -> str:
    if not text:
        raise ValidationError(translate("PasswordDialog", "Type your current password."))
    return text


class PasswordDialog(QDialog):
    #: The portal accepted the new password.
    changed = Signal()

    def __init__(self, ops: Operations, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change your password"))
        self.resize(560, 320)
        self._ops = ops.scope(self)
        self._username = username
        self._sending = False

        layout = QVBoxLayout(self)
        intro = plain_label(self.tr(
            "After the change, any other computer signed in as you is signed out. You stay "
            "signed in here."), self)
        intro.setObjectName("changePasswordIntro")
        layout.addWidget(intro)
        layout.addLayout(self._build_fields())
        self._build_rest(layout, plain_label(password_rule_text(), self))
        self.new.edit.textChanged.connect(self._new_changed)
        self.current.edit.setFocus()

    def _build_fields(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current = CheckedField(self, "currentPassword", self.tr("&Current password:"),
                                    self.tr("current password"), _current_rule,
                                    wire="current_password", password=True)
        self.new = CheckedField(self, "newPassword", self.tr("&New password:"),
                                self.tr("new password"), self._new_rule,
                                wire="new_password", password=True)
        self.confirm = CheckedField(self, "newPasswordConfirm",
                                    self.tr("Con&firm new password:"),
                                    self.tr("new password confirmation"), self._confirm_rule,
                                    password=True)
        self.fields = [self.current, self.new, self.confirm]
        for field in self.fields:
            form.addRow(field.caption, field.box)
        return form

    def _build_rest(self, layout: QVBoxLayout, rule: QLabel) -> None:
        """The rule, the advice, Show passwords, the error line and the buttons."""
        rule.setObjectName("newPasswordRule")
        layout.addWidget(rule)
        self.hint = plain_label("", self)
        self.hint.setObjectName("newPasswordHint")
        # The advice itself is the name a screen reader reads; what it is, the description.
        self.hint.setAccessibleDescription(self.tr("Password advice"))
        italic = self.hint.font()
        italic.setItalic(True)
        self.hint.setFont(italic)
        self.hint.hide()
        layout.addWidget(self.hint)
        self.show_passwords = QCheckBox(self.tr("S&how passwords"), self)
        self.show_passwords.setObjectName("changePasswordShow")
        self.show_passwords.setAccessibleName(self.tr("Show the passwords as typed"))
        self.show_passwords.toggled.connect(self._show)
        layout.addWidget(self.show_passwords)
        self.error = error_label(self, "changePasswordError", self.tr("Password change problem"))
        layout.addWidget(self.error)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setObjectName("changePasswordCancel")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.submit = QPushButton(self.tr("Change &password"), self)
        self.submit.setObjectName("changePasswordSubmit")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._submit)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.submit)
        layout.addLayout(row)

    def _new_rule(self, text: str) -> str:
        value = validate_password(text, self._username)
        if text == self.current.text():
            raise ValidationError(self.tr("The new password is the same as the current one."))
        return value

    def _confirm_rule(self, text: str) -> str:
        if not text:
            raise ValidationError(self.tr("Type the new password again to confirm it."))
        if text != self.new.text():
            raise ValidationError(self.tr("The two new passwords are not the same."))
        return text

    def _new_changed(self, text: str) -> None:
        set_plain(self.hint, password_strength_hint(text) if text else "")
        self.hint.setVisible(bool(text))
        if self.confirm.has_error:
            self.confirm.check()

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.edit.setEchoMode(mode)

    @property
    def sending(self) -> bool:
        return self._sending

    def _submit(self) -> None:
        if self._sending:
            return
        for field in self.fields:
            field.drop_server_error()
        bad = check_all(self.fields)
        if bad:
            bad[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.show_error("")
        self._set_sending(True)
        current, new = self.current.text(), self.new.text()
        self._ops.portal(_CHANGE, lambda api: api.change_password(current, new),
                         on_success=self._done, on_failure=self._failed,
                         on_interrupted=self._interrupted)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.submit.setEnabled(not sending)
        self.submit.setText(self.tr("Changing…") if sending else self.tr("Change &password"))
        for field in self.fields:
            field.edit.setReadOnly(sending)

    def _done(self, _result: object) -> None:
        self._set_sending(False)
        self.wipe()
        self.changed.emit()
        self.accept()

    def _interrupted(self, _exc: PortalError) -> None:
        self._set_sending(False)
        self.wipe()
        self.show_error(translate("PasswordDialog", INTERRUPTED))

    def _failed(self, exc: PortalError) -> None:
        self._set_sending(False)
        if isinstance(exc, ValidationFailed) and exc.fields:
            leftover = apply_server_errors(self.fields, exc.fields)
            if leftover:
                self.show_error(" ".join(leftover))
            first = first_with_error(self.fields)
            if first is not None:
                first.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.show_error(describe(exc))

    def show_error(self, text: str) -> None:
        """Show (and announce) a problem no field took; "" hides it."""
        show_error(self.error, text)

    def wipe_secrets(self) -> None:
        """The idle lock hides this dialog: what was typed in it goes."""
        self.wipe()

    def wipe(self) -> None:
        for field in self.fields:
            field.wipe()
