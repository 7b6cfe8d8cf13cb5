"""The registration form: every field with its rule, the password advice and contact choices.

The form only collects and checks; `registration.py` sends. Each field knows its wire
name so that the portal's field errors (`ValidationFailed.fields`, and the 409 for a
taken username) land under the field the user has to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.models import ContactPreferences, Registration
from desktop.ui.common.fields import (
    CheckedField,
    apply_server_errors,
    check_all,
    error_label,
    first_with_error,
)
from desktop.ui.common.text import plain_label, set_plain
from desktop.validation import (
    PASSWORD_MAX,
    PASSWORD_MIN,
    ValidationError,
    password_strength_hint,
    validate_email,
    validate_npi,
    validate_organization_name,
    validate_password,
    validate_person_name,
    validate_phone,
    validate_tin,
    validate_username,
)

PASSWORD_RULE = (
    f"{PASSWORD_MIN} to {PASSWORD_MAX} characters. Spaces and any letters, digits or "
    "symbols are allowed, and none are required; it cannot be your username. A short "
    "sentence you will remember works well."
)

#: Channel choices as the user reads them, with their wire values.
CHANNELS = (("Email", "email"), ("Phone", "phone"), ("Mail", "mail"))


def channel_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName("Preferred way to contact you")
    for label, value in CHANNELS:
        combo.addItem(label, value)
    combo.view().setObjectName(name + "List")
    combo.view().setAccessibleName("Ways to contact you")
    return combo


def _same_password(password: QLineEdit) -> Any:
    def rule(text: str) -> str:
        if not text:
            raise ValidationError("Type the password again to confirm it.")
        if text != password.text():
            raise ValidationError("The two passwords are not the same.")
        return text
    return rule


class RegistrationForm(QWidget):
    """Collects a `Registration`; never sends, never stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationForm")
        f = self._field
        self.first_name = f("regFirstName", "&First name:", "first name", "first_name",
                            lambda t: validate_person_name(t, "first name"))
        self.last_name = f("regLastName", "&Last name:", "last name", "last_name",
                           lambda t: validate_person_name(t, "last name"))
        self.email = f("regEmail", "Work &email:", "work email", "email", validate_email,
                       placeholder="name@yourpractice.example")
        self.phone = f("regPhone", "&Phone:", "phone number", "phone", validate_phone,
                       placeholder="(202) 555-0143")
        self.organization = f("regOrganization", "&Organization:", "organization name",
                              "organization_name", validate_organization_name,
                              placeholder="as in your contract with the plan")
        self.tin = f("regTin", "&TIN:", "TIN", "tin", validate_tin,
                     placeholder="12-3456789 or 123456789")
        self.npi = f("regNpi", "&NPI:", "NPI", "npi", validate_npi, placeholder="10 digits")
        self.username = f("regUsername", "&Username:", "username", "username",
                          validate_username, placeholder="6-32 letters, digits, . _ -")
        self.password = f("regPassword", "Pass&word:", "password", "password",
                          lambda t: validate_password(t, self.username.text()), password=True)
        self.confirm = f("regPasswordConfirm", "Confir&m password:", "password confirmation",
                         "", _same_password(self.password.edit), password=True)
        self.fields = [self.first_name, self.last_name, self.email, self.phone,
                       self.organization, self.tin, self.npi, self.username, self.password,
                       self.confirm]

        self.password_rule = plain_label(PASSWORD_RULE, self)
        self.password_rule.setObjectName("regPasswordRule")
        self.password_hint = plain_label("", self)
        self.password_hint.setObjectName("regPasswordHint")
        self.password_hint.setAccessibleName("Password advice")
        italic = self.password_hint.font()
        italic.setItalic(True)
        self.password_hint.setFont(italic)
        self.password_hint.hide()
        self.show_password = QCheckBox("S&how passwords", self)
        self.show_password.setObjectName("regShowPassword")
        self.show_password.setAccessibleName("Show the passwords as typed")
        self.show_password.toggled.connect(self._show_passwords)

        self.email_notices = QCheckBox("Send me notices &by email", self)
        self.email_notices.setObjectName("regPrefEmailNotices")
        self.email_notices.setChecked(True)
        self.paper_mail = QCheckBox("Also send paper ma&il", self)
        self.paper_mail.setObjectName("regPrefPaperMail")
        self.channel = channel_combo(self, "regPrefChannel")
        self.prefs_error = error_label(self, "regPrefsError", "contact preferences")

        self._layout()
        self.password.edit.textChanged.connect(self._password_changed)
        self.username.edit.textChanged.connect(self._username_changed)

    def _field(self, name: str, caption: str, what: str, wire: str, rule: Any, *,
               password: bool = False, placeholder: str = "") -> CheckedField:
        return CheckedField(self, name, caption, what, rule, wire=wire, password=password,
                            placeholder=placeholder)

    def _group(self, title: str, fields: list[CheckedField],
               extra: Sequence[QWidget] = ()) -> QGroupBox:
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            form.addRow(field.caption, field.box)
        for widget in extra:
            form.addRow(widget)
        return group

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(16)
        about = self._group("About you", [self.first_name, self.last_name, self.email,
                                          self.phone])
        practice = self._group("Your practice", [self.organization, self.tin, self.npi])
        practice_note = plain_label(
            "The plan checks the TIN, the NPI and the organization name against its "
            "contracting records. If they do not match, the account waits for a reviewer "
            "before you can sign in.", practice)
        practice_note.setObjectName("regPracticeNote")
        practice_layout = practice.layout()
        assert isinstance(practice_layout, QFormLayout)
        practice_layout.addRow(practice_note)
        sign_in = self._group("Sign-in details", [self.username, self.password, self.confirm],
                              [self.password_rule, self.password_hint, self.show_password])
        prefs = QGroupBox("How the plan contacts you (you can change this later)", self)
        prefs_form = QFormLayout(prefs)
        prefs_form.addRow(self.email_notices)
        prefs_form.addRow(self.paper_mail)
        prefs_form.addRow("Preferred &channel:", self.channel)
        prefs_form.addRow(self.prefs_error)
        left = QVBoxLayout()
        left.addWidget(about)
        left.addWidget(practice)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(sign_in)
        right.addWidget(prefs)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    # --- reacting to typing ----------------------------------------------------------

    def _password_changed(self, text: str) -> None:
        set_plain(self.password_hint, password_strength_hint(text) if text else "")
        self.password_hint.setVisible(bool(text))
        if self.confirm.has_error or (self.confirm.text()
                                      and len(self.confirm.text()) >= len(text)):
            self.confirm.check()

    def _username_changed(self, _text: str) -> None:
        if self.password.has_error:
            self.password.check()

    def _show_passwords(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.password.edit.setEchoMode(mode)
        self.confirm.edit.setEchoMode(mode)

    # --- what the dialog asks --------------------------------------------------------

    def has_input(self) -> bool:
        return any(f.text().strip() for f in self.fields)

    def preferences(self) -> ContactPreferences:
        channel = self.channel.currentData()
        return ContactPreferences(email_notices=self.email_notices.isChecked(),
                                  paper_mail=self.paper_mail.isChecked(),
                                  preferred_channel=channel)

    def build(self, policy_version: str) -> Registration | None:
        """Check everything (showing each problem) and return the request, or None."""
        for field in self.fields:
            field.drop_server_error()
        self.prefs_error.hide()
        bad = check_all(self.fields)
        if bad:
            bad[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return Registration(
            first_name=self.first_name.value(),
            last_name=self.last_name.value(),
            email=self.email.value(),
            phone=self.phone.value(),
            organization_name=self.organization.value(),
            tin=self.tin.value(),
            npi=self.npi.value(),
            username=self.username.value(),
            password=self.password.value(),
            accepted_policy_version=policy_version,
            contact_preferences=self.preferences(),
        )

    def problem_count(self) -> int:
        return sum(1 for f in self.fields if f.has_error)

    def show_server_errors(self, errors: dict[str, str]) -> list[str]:
        """Put the portal's field errors on the fields; return what no field took."""
        prefs = {k: v for k, v in errors.items() if k.startswith("contact_preferences")}
        rest = {k: v for k, v in errors.items() if k not in prefs}
        leftover = apply_server_errors(self.fields, rest)
        if prefs:
            set_plain(self.prefs_error, " ".join(prefs.values()))
            self.prefs_error.show()
        first = first_with_error(self.fields)
        if first is not None:
            first.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return leftover

    def set_sending(self, sending: bool) -> None:
        """Freeze the form while a request is out, so what is shown is what was sent."""
        for field in self.fields:
            field.edit.setReadOnly(sending)
        for widget in (self.email_notices, self.paper_mail, self.channel):
            widget.setEnabled(not sending)

    def wipe_passwords(self) -> None:
        self.password.wipe()
        self.confirm.wipe()

    def wipe(self) -> None:
        """Registered: drop everything typed from the widgets (and their undo history)."""
        for field in self.fields:
            field.wipe()
