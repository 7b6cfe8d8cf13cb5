"""The registration form: every field with its rule, the password advice and contact choices.

The form only collects and checks; `registration.py` sends. Each field knows its wire
name so that the portal's field errors (`ValidationFailed.fields`, and the 409 for a
taken username) land under the field the user has to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
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
    show_error,
)
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
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

_PASSWORD_RULE = str(QT_TRANSLATE_NOOP(
    "RegistrationForm",
    "{min} to {max} characters. Spaces and any letters, digits or symbols are allowed, and "
    "none are required; it cannot be your username. A short sentence you will remember "
    "works well."))


def password_rule_text() -> str:
    """The password rule in the user's language (registration, password change)."""
    return translate("RegistrationForm", _PASSWORD_RULE).format(min=PASSWORD_MIN,
                                                                max=PASSWORD_MAX)


#: Channel choices as the user reads them (translate with context "RegistrationForm"),
#: with their wire values.
CHANNELS = ((str(QT_TRANSLATE_NOOP("RegistrationForm", "Email")), "email"),
            (str(QT_TRANSLATE_NOOP("RegistrationForm", "Phone")), "phone"),
            (str(QT_TRANSLATE_NOOP("RegistrationForm", "Mail")), "mail"))


def channel_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(translate("RegistrationForm", "Preferred way to contact you"))
    for label, value in CHANNELS:
        combo.addItem(translate("RegistrationForm", label), value)
    combo.view().setObjectName(name + "List")
    combo.view().setAccessibleName(translate("RegistrationForm", "Ways to contact you"))
    return combo


def _same_password(password: QLineEdit) -> Any:
    def rule(text: str) -> str:
        if not text:
            raise ValidationError(translate("RegistrationForm",
                                            "Type the password again to confirm it."))
        if text != password.text():
            raise ValidationError(translate("RegistrationForm",
                                            "The two passwords are not the same."))
        return text
    return rule


class RegistrationForm(QWidget):
    """Collects a `Registration`; never sends, never stores."""

    #: A problem that is not a field's went away (the contact preferences' refusal).
    problems_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationForm")
        f = self._field
        self.first_name = f("regFirstName", self.tr("&First name:"), self.tr("first name"),
                            "first_name", lambda t: validate_person_name(t, "first name"))
        self.last_name = f("regLastName", self.tr("&Last name:"), self.tr("last name"),
                           "last_name", lambda t: validate_person_name(t, "last name"))
        self.email = f("regEmail", self.tr("Work &email:"), self.tr("work email"), "email",
                       validate_email, placeholder=self.tr("name@yourpractice.example"))
        self.phone = f("regPhone", self.tr("&Phone:"), self.tr("phone number"), "phone",
                       validate_phone, placeholder=self.tr("(202) 555-0143"))
        self.organization = f("regOrganization", self.tr("&Organization:"),
                              self.tr("organization name"), "organization_name",
                              validate_organization_name,
                              placeholder=self.tr("as in your contract with the plan"))
        self.tin = f("regTin", self.tr("&TIN:"), self.tr("TIN"), "tin", validate_tin,
                     placeholder=self.tr("12-3456789 or 123456789"))
        self.npi = f("regNpi", self.tr("&NPI:"), self.tr("NPI"), "npi", validate_npi,
                     placeholder=self.tr("10 digits"))
        self.username = f("regUsername", self.tr("&Username:"), self.tr("username"), "username",
                          validate_username, placeholder=self.tr("6-32 letters, digits, . _ -"))
        self.password = f("regPassword", self.tr("Pass&word:"), self.tr("password"), "password",
                          lambda t: validate_password(t, self.username.text()), password=True)
        self.confirm = f("regPasswordConfirm", self.tr("Confir&m password:"),
                         self.tr("password confirmation"), "", _same_password(self.password.edit),
                         password=True)
        self.fields = [self.first_name, self.last_name, self.email, self.phone,
                       self.organization, self.tin, self.npi, self.username, self.password,
                       self.confirm]

        self.password_rule = plain_label(password_rule_text(), self)
        self.password_rule.setObjectName("regPasswordRule")
        self.password_hint = plain_label("", self)
        self.password_hint.setObjectName("regPasswordHint")
        # The advice is the name a screen reader reads; "Password advice" says what it is.
        self.password_hint.setAccessibleDescription(self.tr("Password advice"))
        italic = self.password_hint.font()
        italic.setItalic(True)
        self.password_hint.setFont(italic)
        self.password_hint.hide()
        self.show_password = QCheckBox(self.tr("S&how passwords"), self)
        self.show_password.setObjectName("regShowPassword")
        self.show_password.setAccessibleName(self.tr("Show the passwords as typed"))
        self.show_password.toggled.connect(self._show_passwords)

        self.email_notices = QCheckBox(self.tr("Send me notices &by email"), self)
        self.email_notices.setObjectName("regPrefEmailNotices")
        self.email_notices.setChecked(True)
        self.paper_mail = QCheckBox(self.tr("Also send paper ma&il"), self)
        self.paper_mail.setObjectName("regPrefPaperMail")
        self.channel = channel_combo(self, "regPrefChannel")
        self.prefs_error = error_label(self, "regPrefsError", self.tr("contact preferences"))

        self._layout()
        for box in (self.email_notices, self.paper_mail):
            box.toggled.connect(self._prefs_edited)
        self.channel.currentIndexChanged.connect(self._prefs_edited)
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
        about = self._group(self.tr("About you"), [self.first_name, self.last_name, self.email,
                                          self.phone])
        practice = self._group(self.tr("Your practice"),
                               [self.organization, self.tin, self.npi])
        practice_note = plain_label(self.tr(
            "The plan checks the TIN, the NPI and the organization name against its "
            "contracting records. If they do not match, the account waits for a reviewer "
            "before you can sign in."), practice)
        practice_note.setObjectName("regPracticeNote")
        practice_layout = practice.layout()
        assert isinstance(practice_layout, QFormLayout)
        practice_layout.addRow(practice_note)
        sign_in = self._group(self.tr("Sign-in details"),
                              [self.username, self.password, self.confirm],
                              [self.password_rule, self.password_hint, self.show_password])
        prefs = QGroupBox(self.tr("How the plan contacts you (you can change this later)"), self)
        prefs_form = QFormLayout(prefs)
        prefs_form.addRow(self.email_notices)
        prefs_form.addRow(self.paper_mail)
        prefs_form.addRow(self.tr("Preferred &channel:"), self.channel)
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

    def _prefs_edited(self) -> None:
        # The portal refused the old choice; a new one is not refused (yet).
        if not self.prefs_error.isHidden():
            show_error(self.prefs_error, "")
            self.problems_changed.emit()

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
        show_error(self.prefs_error, "")
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
        """Fields marked now, the contact preferences' portal error included."""
        return (sum(1 for f in self.fields if f.has_error)
                + (0 if self.prefs_error.isHidden() else 1))

    def show_server_errors(self, errors: dict[str, str]) -> list[str]:
        """Put the portal's field errors on the fields; return what no field took."""
        prefs = {k: v for k, v in errors.items() if k.startswith("contact_preferences")}
        rest = {k: v for k, v in errors.items() if k not in prefs}
        leftover = apply_server_errors(self.fields, rest)
        if prefs:
            show_error(self.prefs_error, " ".join(prefs.values()))
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
