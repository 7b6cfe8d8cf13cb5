"""What the user sees once the portal has created the account: active, or waiting for review.

A pending account cannot sign in, so that page says what happens next and whom to
call, with the support desk's details as the portal publishes them (`GET /support`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.portal.models import SupportInfo
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import heading, plain, plain_label, set_plain

SUPPORT_FALLBACK = str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
    "The support desk's details could not be loaded just now. After you close this "
    "window, Help > Support contact on the sign-in screen shows them."))


def support_text(info: SupportInfo) -> str:
    return translate("RegistrationOutcome",
                     "{organization}\nPhone: {phone}\nEmail: {email}\nHours: {hours}\n"
                     "Website: {website}").format(
        organization=plain(info.organization, 120), phone=plain(info.phone, 60),
        email=plain(info.email, 120), hours=plain(info.hours, 160),
        website=plain(info.website, 160))


_SUPPORT_ADVICE = str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
    "If you have questions, contact provider support and give them your username (never "
    "your password)."))

#: status -> (title, text with {name}, whether the support advice follows): what happens
#: next, in plain words. Translated (context "RegistrationOutcome") where shown.
_OUTCOMES: dict[str, tuple[str, str, bool]] = {
    "active": (
        str(QT_TRANSLATE_NOOP("RegistrationOutcome", "Your account is ready")),
        str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
        "You can sign in now with the username {name} and the password you chose. The "
        "username is filled in on the sign-in screen for you (only until Claims Desktop "
        "closes; it is not saved on this computer).")), False),
    "pending_approval": (
        str(QT_TRANSLATE_NOOP("RegistrationOutcome",
                          "Your office's administrator needs to approve you")),
        str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
        "The account {name} was created, but you cannot sign in yet. Your office already "
        "uses the Claims Online Portal, so one of its administrators (usually the office "
        "manager or whoever set up the portal for your office) approves new users under "
        "Account > Office users.\n\n"
        "What happens next: ask your administrator to approve you. Once they have, sign in "
        "with this username and your password. If they refuse the request, they tell you "
        "why.")), True),
    "pending_verification": (
        str(QT_TRANSLATE_NOOP("RegistrationOutcome", "Your office needs to confirm you")),
        str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
        "The account {name} was created, but you cannot sign in yet. You are the first "
        "user of your office, so the portal has to make sure you really work there: it has "
        "sent a one-time code to your office's contact on the payer's contracting file "
        "(not to the e-mail address you typed). Ask the person who handles the payer's "
        "contracts or mail for it.\n\n"
        "You will also need the amount and the date of one payment the payer made to your "
        "office in the last 90 days (on a remittance advice or a bank statement).\n\n"
        "The code works once, for 24 hours. Enter it now, or later with \"I have a code for "
        "my office\" on the sign-in screen.")), True),
    "pending_review": (
        str(QT_TRANSLATE_NOOP("RegistrationOutcome", "Your registration is waiting for review")),
        str(QT_TRANSLATE_NOOP(
    "RegistrationOutcome",
        "The account {name} was created, but you cannot sign in yet. The NPI is not listed "
        "for this TIN in the plan's contracting records, or the organization name differs "
        "from them, so a reviewer at the plan checks the registration first.\n\n"
        "What happens next: once the reviewer activates the account you can sign in with "
        "this username and your password. Nothing else is needed from you unless the plan "
        "contacts you. If you have not been able to sign in after a few business days, or "
        "you think a detail was wrong, contact provider support and give them your "
        "username (never your password).")), False),
}


class RegistrationOutcome(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regOutcome")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.title = heading("", self, scale=1.3)
        self.title.setObjectName("regOutcomeTitle")
        layout.addWidget(self.title)
        self.text = plain_label("", self)
        self.text.setObjectName("regOutcomeText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.support_heading = plain_label(self.tr("Whom to contact"), self)
        self.support_heading.setObjectName("regSupportHeading")
        bold = self.support_heading.font()
        bold.setBold(True)
        self.support_heading.setFont(bold)
        layout.addWidget(self.support_heading)
        self.support = plain_label(self.tr("Loading the support desk's details…"), self)
        self.support.setObjectName("regSupport")
        self.support.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.support)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.enter_code = QPushButton(self.tr("&Enter the office's code now…"), self)
        self.enter_code.setObjectName("regEnterCode")
        self.enter_code.setAccessibleName(self.tr("Enter the code your office received"))
        self.enter_code.hide()
        row.addWidget(self.enter_code)
        row.addStretch(1)
        self.done = QPushButton(self.tr("&Close"), self)
        self.done.setObjectName("regDone")
        row.addWidget(self.done)
        layout.addLayout(row)
        self.status = ""
        self.username = ""

    def show_result(self, username: str, status: str) -> None:
        self.status, self.username = status, username
        name = plain(username, 40)
        title, text, advice = _OUTCOMES.get(status, _OUTCOMES["pending_review"])
        body = translate("RegistrationOutcome", text).format(name=name)
        if advice:
            body += " " + translate("RegistrationOutcome", _SUPPORT_ADVICE)
        set_plain(self.title, translate("RegistrationOutcome", title))
        set_plain(self.text, body, 2000)
        active = status == "active"
        self.support_heading.setVisible(not active)
        self.support.setVisible(not active)
        self.enter_code.setVisible(status == "pending_verification")
        if active:
            self.done.setText(self.tr("&Go to sign-in"))
            self.done.setAccessibleName(self.tr("Close and go to the sign-in screen"))
        else:
            self.done.setText(self.tr("&Close"))
            self.done.setAccessibleName(self.tr("Close the registration window"))

    def show_support(self, info: SupportInfo) -> None:
        set_plain(self.support, support_text(info), 1000)

    def support_failed(self) -> None:
        set_plain(self.support, translate("RegistrationOutcome", SUPPORT_FALLBACK))

    def wipe(self) -> None:
        self.username = ""
        set_plain(self.text, "")
