"""The account's details and contact preferences as an editable form.

`EditableValues` is the part of an account the user may change, in the portal's
normalized form (phone as ten digits, email with a lowercased domain), so that
"did anything change?" and "what changed on the portal?" compare like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.models import Account, AccountChanges, Channel, ContactPreferences
from desktop.ui.common.fields import (
    CheckedField,
    apply_server_errors,
    check_all,
    error_label,
    first_with_error,
    show_error,
)
from desktop.ui.common.formats import Formats, local_date
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import plain, set_plain
from desktop.ui.registration.form import CHANNELS, channel_combo
from desktop.validation import (
    ValidationError,
    format_phone,
    mask_tin,
    validate_email,
    validate_person_name,
    validate_phone,
)

STATUS_WORDS = {"active": str(QT_TRANSLATE_NOOP("AccountForm", "Active")),
                "pending_review": str(QT_TRANSLATE_NOOP("AccountForm", "Waiting for review")),
                "deactivated": str(QT_TRANSLATE_NOOP("AccountForm", "Deactivated"))}
CHANNEL_WORDS = {value: label for label, value in CHANNELS}

#: What each editable value is called on screen (conflict dialog, messages).
LABELS = {
    "first_name": str(QT_TRANSLATE_NOOP("AccountForm", "First name")),
    "last_name": str(QT_TRANSLATE_NOOP("AccountForm", "Last name")),
    "email": str(QT_TRANSLATE_NOOP("AccountForm", "Email")),
    "phone": str(QT_TRANSLATE_NOOP("AccountForm", "Phone")),
    "email_notices": str(QT_TRANSLATE_NOOP("AccountForm", "Notices by email")),
    "paper_mail": str(QT_TRANSLATE_NOOP("AccountForm", "Paper mail")),
    "preferred_channel": str(QT_TRANSLATE_NOOP("AccountForm", "Preferred channel")),
}


def label_of(name: str) -> str:
    """What an editable value is called on screen, translated."""
    return translate("AccountForm", LABELS[name])


@dataclass(frozen=True)
class EditableValues:
    first_name: str
    last_name: str
    email: str
    phone: str
    email_notices: bool
    paper_mail: bool
    preferred_channel: str

    @classmethod
    def from_account(cls, account: Account) -> EditableValues:
        prefs = account.contact_preferences
        return cls(account.first_name, account.last_name, account.email, account.phone,
                   prefs.email_notices, prefs.paper_mail, prefs.preferred_channel)

    def names(self) -> list[str]:
        return [f.name for f in fields(self)]

    def get(self, name: str) -> Any:
        return getattr(self, name)

    def differing(self, other: EditableValues) -> list[str]:
        return [n for n in self.names() if self.get(n) != other.get(n)]

    def merged(self, other: EditableValues, take: set[str]) -> EditableValues:
        """These values, with the fields named in `take` taken from `other`."""
        return replace(self, **{n: other.get(n) for n in take})

    def changes_from(self, base: EditableValues) -> AccountChanges:
        """A PATCH with only what differs from `base` (preferences go as a whole)."""
        diff = set(self.differing(base))
        prefs = None
        if diff & {"email_notices", "paper_mail", "preferred_channel"}:
            channel: Channel = self.preferred_channel  # type: ignore[assignment]
            prefs = ContactPreferences(self.email_notices, self.paper_mail, channel)
        return AccountChanges(
            first_name=self.first_name if "first_name" in diff else None,
            last_name=self.last_name if "last_name" in diff else None,
            email=self.email if "email" in diff else None,
            phone=self.phone if "phone" in diff else None,
            contact_preferences=prefs,
        )


def shown(name: str, value: Any) -> str:
    """A value the way the screen shows it."""
    if isinstance(value, bool):
        return translate("AccountForm", "Yes") if value else translate("AccountForm", "No")
    if name == "phone":
        return format_phone(str(value))
    if name == "preferred_channel":
        word = CHANNEL_WORDS.get(str(value))
        return translate("RegistrationForm", word) if word else str(value)
    return str(value)


def _read_only(parent: QWidget, name: str, what: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    # The value is the name a screen reader reads; what it is goes in the description
    # (a fixed accessible name hid the username, TIN and status themselves).
    label.setAccessibleDescription(what)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AccountForm(QWidget):
    """Editable details, read-only registration facts and contact preferences."""

    #: Anything the user can change was changed (by typing or by the program).
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountForm")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        details = QGroupBox(self.tr("Your details"), self)
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.first_name = CheckedField(details, "accountFirstName", self.tr("Fi&rst name:"),
                                       self.tr("first name"),
                                       lambda t: validate_person_name(t, "first name"),
                                       wire="first_name")
        self.last_name = CheckedField(details, "accountLastName", self.tr("&Last name:"),
                                      self.tr("last name"),
                                      lambda t: validate_person_name(t, "last name"),
                                      wire="last_name")
        self.email = CheckedField(details, "accountEmail", self.tr("&Email:"), self.tr("email"),
                                  validate_email, wire="email")
        self.phone = CheckedField(details, "accountPhone", self.tr("Pho&ne:"),
                                  self.tr("phone number"), validate_phone, wire="phone")
        self.fields = [self.first_name, self.last_name, self.email, self.phone]
        for field in self.fields:
            form.addRow(field.caption, field.box)
            field.changed.connect(self.edited)
        self.username = _read_only(details, "accountUsername", self.tr("Username"))
        self.organization = _read_only(details, "accountOrganization", self.tr("Organization"))
        self.tin = _read_only(details, "accountTin", self.tr("TIN (last four digits)"))
        self.npi = _read_only(details, "accountNpi", self.tr("NPI"))
        self.status = _read_only(details, "accountStatus", self.tr("Account status"))
        self.member_since = _read_only(details, "accountMemberSince", self.tr("Member since"))
        for caption, label in ((self.tr("Username:"), self.username),
                               (self.tr("Organization:"), self.organization),
                               (self.tr("TIN:"), self.tin), (self.tr("NPI:"), self.npi),
                               (self.tr("Status:"), self.status),
                               (self.tr("Member since:"), self.member_since)):
            form.addRow(_caption(caption, details), label)
        layout.addWidget(details)

        prefs = QGroupBox(self.tr("How the plan contacts you"), self)
        prefs_form = QFormLayout(prefs)
        self.email_notices = QCheckBox(self.tr("Send me notices by e&mail"), prefs)
        self.email_notices.setObjectName("prefEmailNotices")
        self.paper_mail = QCheckBox(self.tr("Also send &paper mail"), prefs)
        self.paper_mail.setObjectName("prefPaperMail")
        self.channel = channel_combo(prefs, "prefChannel")
        self.prefs_error = error_label(prefs, "prefsError", self.tr("contact preferences"))
        prefs_form.addRow(self.email_notices)
        prefs_form.addRow(self.paper_mail)
        prefs_form.addRow(self.tr("Contact me &by:"), self.channel)
        prefs_form.addRow(self.prefs_error)
        self.email_notices.toggled.connect(self._prefs_edited)
        self.paper_mail.toggled.connect(self._prefs_edited)
        self.channel.currentIndexChanged.connect(self._prefs_edited)
        layout.addWidget(prefs)

    def _prefs_edited(self) -> None:
        # The portal's refusal was about the old choice; a new choice is not refused yet.
        show_error(self.prefs_error, "")
        self.edited.emit()

    # --- showing ---------------------------------------------------------------------

    def show_account(self, account: Account) -> None:
        """Show the account as loaded: facts and editable values alike."""
        set_plain(self.username, plain(account.username, 64))
        set_plain(self.organization, plain(account.organization_name, 200))
        set_plain(self.tin, mask_tin(account.tin_last4))
        set_plain(self.npi, plain(account.npi, 10))
        word = STATUS_WORDS.get(account.status)
        set_plain(self.status, translate("AccountForm", word) if word
                  else plain(account.status, 40))
        set_plain(self.member_since, Formats().date(local_date(account.created_at)))
        self.set_values(EditableValues.from_account(account))

    def set_values(self, values: EditableValues) -> None:
        self.first_name.set_text(values.first_name)
        self.last_name.set_text(values.last_name)
        self.email.set_text(values.email)
        self.phone.set_text(format_phone(values.phone))
        self.email_notices.setChecked(values.email_notices)
        self.paper_mail.setChecked(values.paper_mail)
        index = self.channel.findData(values.preferred_channel)
        self.channel.setCurrentIndex(max(index, 0))
        show_error(self.prefs_error, "")

    # --- reading ---------------------------------------------------------------------

    def _text_or_normal(self, field: CheckedField) -> str:
        try:
            return str(field.value())
        except ValidationError:
            return field.text()

    def raw_values(self) -> EditableValues:
        """What is on screen, normalized where it is valid (for comparing, not saving)."""
        return EditableValues(
            self._text_or_normal(self.first_name), self._text_or_normal(self.last_name),
            self._text_or_normal(self.email), self._text_or_normal(self.phone),
            self.email_notices.isChecked(), self.paper_mail.isChecked(),
            str(self.channel.currentData()))

    def checked_values(self) -> EditableValues | None:
        """The values to save, or None after showing what is wrong."""
        for field in self.fields:
            field.drop_server_error()
        bad = check_all(self.fields)
        if bad:
            bad[0].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self.raw_values()

    def problem_count(self) -> int:
        """Fields marked now, the contact preferences' portal error included."""
        return (sum(1 for f in self.fields if f.has_error)
                + (0 if self.prefs_error.isHidden() else 1))

    def show_server_errors(self, errors: dict[str, str]) -> list[str]:
        prefs = {k: v for k, v in errors.items() if k.startswith("contact_preferences")}
        leftover = apply_server_errors(self.fields,
                                       {k: v for k, v in errors.items() if k not in prefs})
        if prefs:
            show_error(self.prefs_error, " ".join(prefs.values()))
        first = first_with_error(self.fields)
        if first is not None:
            first.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return leftover

    def set_editable(self, on: bool) -> None:
        for field in self.fields:
            field.edit.setReadOnly(not on)
        for widget in (self.email_notices, self.paper_mail, self.channel):
            widget.setEnabled(on)

    def wipe(self) -> None:
        """Sign-out: nothing of the account stays in a widget, undo history included."""
        for field in self.fields:
            field.wipe()
        for label in (self.username, self.organization, self.tin, self.npi, self.status,
                      self.member_since):
            label.clear()
        self.email_notices.setChecked(False)
        self.paper_mail.setChecked(False)
        self.channel.setCurrentIndex(0)
        show_error(self.prefs_error, "")


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
