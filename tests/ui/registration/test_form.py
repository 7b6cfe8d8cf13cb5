"""The registration dialog as a widget: every client-side rule, typing, pasting, sending once.

A fake portal client stands in here so each rule and each failure can be provoked
exactly; tests/ui/registration/test_dialog_e2e.py does the same against the real sandbox.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from desktop.portal.client import PortalClient
from desktop.portal.errors import (
    ConnectionFailed,
    DeadlineExceeded,
    PortalError,
    ServerError,
    ValidationFailed,
)
from desktop.portal.models import Registration, RegistrationResult, SupportInfo
from desktop.session import Session
from desktop.tasks import SyncTaskRunner
from desktop.tokenstore import MemoryTokenStore
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from desktop.ui.registration.dialog import RegistrationDialog, make_registration_dialog
from tests.ui.shell_helpers import walk_problems

SUPPORT = SupportInfo("Fictional Plan Provider Desk", "desk@example.org", "+1-202-555-0100",
                      "Weekdays 9-5", "https://support.example.org")

# Valid values (fictional): 12- is an IRS EIN prefix; 1234567893 passes the NPI check.
GOOD = {
    "regFirstName": "Testa",
    "regLastName": "Fictional",
    "regEmail": "testa@example.com",
    "regPhone": "(202) 555-0143",
    "regOrganization": "Sandbox Family Medicine",
    "regTin": "12-3456789",
    "regNpi": "1234567893",
    "regUsername": "testa.fictional",
    "regPassword": "a fictional pass phrase",
    "regPasswordConfirm": "a fictional pass phrase",
}
FIELDS = list(GOOD)
ARABIC_TIN = "١٢٣٤٥٦٧٨٩"
ARABIC_NPI = "١٢٣٤٥٦٧٨٩٣"


class FakeClient:
    """Records registrations; answers with `outcome` (a result or an exception)."""

    def __init__(self, outcome: RegistrationResult | BaseException | None = None) -> None:
        self.outcome = outcome or RegistrationResult("testa.fictional", "active")
        self.sent: list[Registration] = []
        self.on_policy_version: Callable[[str], None] | None = None
        self.support: SupportInfo | BaseException = SUPPORT

    def register(self, registration: Registration) -> RegistrationResult:
        self.sent.append(registration)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome

    def get_support(self) -> SupportInfo:
        if isinstance(self.support, BaseException):
            raise self.support
        return self.support


@pytest.fixture
def client() -> FakeClient:
    return FakeClient()


@pytest.fixture
def dialog(qtbot, client: FakeClient) -> RegistrationDialog:
    real = PortalClient("https://127.0.0.1:9/api/v1")
    session = Session(real, MemoryTokenStore(), "https://127.0.0.1:9")
    ctx = ScreenContext(ops=Operations(client, SyncTaskRunner(), guard=session))
    dlg = make_registration_dialog(ctx, "2026-11-01")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def edit(dlg: RegistrationDialog, name: str) -> QLineEdit:
    widget = dlg.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def error_of(dlg: RegistrationDialog, name: str) -> QLabel:
    label = dlg.findChild(QLabel, name + "Error")
    assert label is not None, name + "Error"
    return label


def shown_error(dlg: RegistrationDialog, name: str) -> str:
    label = error_of(dlg, name)
    return label.text() if label.isVisibleTo(dlg) else ""


def fill(dlg: RegistrationDialog, **overrides: str) -> None:
    for name, value in {**GOOD, **overrides}.items():
        edit(dlg, name).setText(value)


def submit(qtbot, dlg: RegistrationDialog) -> None:
    qtbot.mouseClick(dlg.findChild(object, "regSubmit"), Qt.MouseButton.LeftButton)


# --- the contract's names --------------------------------------------------------------


def test_every_field_and_error_label_is_named(dialog):
    for name in FIELDS:
        assert edit(dialog, name).accessibleName()
        assert error_of(dialog, name).textFormat() == Qt.TextFormat.PlainText
    assert dialog.findChild(object, "regSubmit") is not None
    assert walk_problems(dialog) == []


# --- every client-side rule, with words a clerk understands ------------------------------

RULES = [
    ("regFirstName", "", "Enter the first name"),
    ("regFirstName", "   ", "Enter the first name"),
    ("regLastName", "x" * 101, "at most 100 characters"),
    ("regLastName", "Fic\u202etional", "invisible or control character"),
    ("regFirstName", "Te\u200bsta", "invisible or control character"),
    ("regOrganization", "", "Enter the organization name"),
    ("regOrganization", "y" * 201, "at most 200 characters"),
    ("regEmail", "", "Enter an email address"),
    ("regEmail", "testa.example.com", "exactly one @"),
    ("regEmail", "testa@example", "domain such as example.com"),
    ("regEmail", "te sta@example.com", "cannot contain spaces"),
    ("regPhone", "", "Enter a phone number"),
    ("regPhone", "555-0143", "10 digits"),
    ("regPhone", "(202) 555-01A3", "only digits"),
    ("regPhone", "(102) 555-0143", "area code cannot start with 0 or 1"),
    ("regPhone", "+44 20 7946 0958", "Only US phone numbers"),
    ("regPhone", "٢٠٢٥٥٥٠١٤٣", "ordinary 0-9 digit keys"),
    ("regTin", "", "Enter the TIN"),
    ("regTin", "12345678", "A TIN has 9 digits"),
    ("regTin", "1234-56789", "A TIN has 9 digits"),
    ("regTin", ARABIC_TIN, "ordinary 0-9 digit keys"),
    ("regTin", "07-3456789", "not a prefix the IRS uses"),
    ("regTin", "000-12-3456", "no SSN has this number"),
    ("regTin", "070000000", "neither a valid EIN"),
    ("regNpi", "", "exactly 10 digits"),
    ("regNpi", "123456789", "exactly 10 digits"),
    ("regNpi", "1234567890", "An NPI has 10 digits; this one's check digit is wrong"),
    ("regNpi", "3234567893", "starts with 1 or 2"),
    ("regNpi", ARABIC_NPI, "ordinary 0-9 digit keys"),
    ("regNpi", "1234 567893", "exactly 10 digits"),
    ("regUsername", "abc", "6 to 32 characters"),
    ("regUsername", "a" * 33, "6 to 32 characters"),
    ("regUsername", "testa fictional", "only the letters"),
    ("regUsername", "tésta.fictional", "only the letters"),
    ("regPassword", "fourteen chars", "at least 15 characters; this one has 14"),
    ("regPassword", "p" * 129, "at most 128 characters; this one has 129"),
    ("regPassword", "testa.fictional", "same as the username"),
    ("regPassword", "TESTA.FICTIONAL", "same as the username"),
    ("regPassword", "fifteen chars\x07!", "control or invisible"),
]


@pytest.mark.parametrize(("name", "value", "expected"), RULES)
def test_client_rule_shown_under_its_field_and_nothing_sent(qtbot, dialog, client, name,
                                                            value, expected):
    fill(dialog, **{name: value})
    if name == "regPassword":
        edit(dialog, "regPasswordConfirm").setText(value)
    submit(qtbot, dialog)
    assert client.sent == []
    assert expected in shown_error(dialog, name)
    others = [n for n in FIELDS if n not in (name, "regPasswordConfirm")]
    assert all(shown_error(dialog, n) == "" for n in others), {
        n: shown_error(dialog, n) for n in others}
    assert edit(dialog, name).text() == value  # nothing typed is changed or cleared
    assert edit(dialog, name).hasFocus()
    assert "marked field" in dialog.findChild(QLabel, "regFormError").text()


def test_confirmation_must_match(qtbot, dialog, client):
    fill(dialog, regPasswordConfirm="a fictional pass phrasE")
    submit(qtbot, dialog)
    assert client.sent == []
    assert "not the same" in shown_error(dialog, "regPasswordConfirm")


@pytest.mark.parametrize("tin", ["12-3456789", "123456789", " 12-3456789 ", "123-45-6789"])
def test_tin_accepts_both_forms_and_sends_nine_digits(qtbot, dialog, client, tin):
    fill(dialog, regTin=tin)
    submit(qtbot, dialog)
    assert len(client.sent) == 1
    assert client.sent[0].tin == "123456789"


def test_spaces_around_values_are_trimmed_but_not_in_the_password(qtbot, dialog, client):
    password = "  spaces at both ends count  "
    fill(dialog, regFirstName="  Testa ", regLastName=" Fictional  ", regEmail=" testa@Example.COM ",
         regNpi=" 1234567893 ", regUsername=" testa.fictional ", regPassword=password,
         regPasswordConfirm=password, regOrganization="  Sandbox Family Medicine ")
    submit(qtbot, dialog)
    sent = client.sent[0]
    assert (sent.first_name, sent.last_name) == ("Testa", "Fictional")
    assert sent.email == "testa@example.com"
    assert sent.npi == "1234567893" and sent.username == "testa.fictional"
    assert sent.organization_name == "Sandbox Family Medicine"
    assert sent.password == password  # never stripped, never altered
    assert sent.phone == "2025550143"
    assert sent.accepted_policy_version == "2026-11-01"


def test_unicode_names_and_a_128_character_password_are_sent_whole(qtbot, dialog, client):
    password = ("Ünïcødé pass phrase 😀 " * 6)[:127] + "é"
    assert len(password) == 128
    fill(dialog, regFirstName="Zoë Ἀθηνᾶ", regLastName="O'Brien-Łukasiewicz 李",
         regOrganization="Clínica Ñandú", regPassword=password, regPasswordConfirm=password)
    submit(qtbot, dialog)
    sent = client.sent[0]
    assert sent.first_name == "Zoë Ἀθηνᾶ" and sent.last_name == "O'Brien-Łukasiewicz 李"
    assert sent.password == password and len(sent.password) == 128


def test_a_129_character_paste_is_not_truncated_but_explained(qtbot, dialog, client):
    too_long = "x" * 129
    QApplication.clipboard().setText(too_long)
    fill(dialog, regPassword="", regPasswordConfirm="")
    edit(dialog, "regPassword").setFocus()
    edit(dialog, "regPassword").paste()
    assert edit(dialog, "regPassword").text() == too_long
    submit(qtbot, dialog)
    assert "at most 128" in shown_error(dialog, "regPassword")


def test_paste_works_in_every_field(qtbot, dialog, client):
    clipboard = QApplication.clipboard()
    for name, value in GOOD.items():
        clipboard.setText(value)
        target = edit(dialog, name)
        target.setFocus()
        target.paste()
        assert target.text() == value, name
    submit(qtbot, dialog)
    assert len(client.sent) == 1


# --- checking while typing and on leaving a field ------------------------------------------


def test_checked_when_leaving_a_field_and_cleared_while_fixing(qtbot, dialog):
    npi = edit(dialog, "regNpi")
    npi.setFocus()
    qtbot.waitUntil(npi.hasFocus)
    qtbot.keyClicks(npi, "1234567890")
    assert shown_error(dialog, "regNpi") == ""  # not while typing the first time
    qtbot.keyClick(npi, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "check digit is wrong" in shown_error(dialog, "regNpi"))
    npi.setFocus()
    qtbot.keyClick(npi, Qt.Key.Key_Backspace)
    assert "exactly 10 digits" in shown_error(dialog, "regNpi")  # follows the typing now
    qtbot.keyClicks(npi, "3")
    assert shown_error(dialog, "regNpi") == ""


def test_untouched_empty_fields_do_not_nag_when_tabbing_through(qtbot, dialog):
    first = edit(dialog, "regFirstName")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert all(shown_error(dialog, n) == "" for n in FIELDS)


def test_password_rule_and_strength_hint_without_composition_rules(qtbot, dialog):
    rule = dialog.findChild(QLabel, "regPasswordRule").text()
    assert "15 to 128" in rule and "none are required" in rule
    hint = dialog.findChild(QLabel, "regPasswordHint")
    password = edit(dialog, "regPassword")
    password.setFocus()
    qtbot.keyClicks(password, "short")
    assert "10 more characters" in hint.text() and hint.isVisibleTo(dialog)
    password.setText("correct horse battery staple in a row")
    assert hint.text().startswith("Strong")
    password.setText("password password password")
    assert "very common" in hint.text()
    # All lower-case letters and spaces: advice at most, never a refusal.
    fill(dialog, regPassword="only lower case letters here",
         regPasswordConfirm="only lower case letters here")
    assert dialog.form.build("v") is not None


def test_show_passwords_toggle(qtbot, dialog):
    box = dialog.findChild(object, "regShowPassword")
    box.setChecked(True)
    assert edit(dialog, "regPassword").echoMode() == QLineEdit.EchoMode.Normal
    box.setChecked(False)
    assert edit(dialog, "regPasswordConfirm").echoMode() == QLineEdit.EchoMode.Password


# --- sending ------------------------------------------------------------------------------


def test_contact_preferences_have_defaults_and_are_sent(qtbot, dialog, client):
    fill(dialog)
    submit(qtbot, dialog)
    prefs = client.sent[0].contact_preferences
    assert prefs is not None
    assert (prefs.email_notices, prefs.paper_mail, prefs.preferred_channel) == (True, False,
                                                                              "email")


def test_changed_contact_preferences_are_sent(qtbot, dialog, client):
    fill(dialog)
    dialog.findChild(object, "regPrefPaperMail").setChecked(True)
    dialog.findChild(object, "regPrefEmailNotices").setChecked(False)
    combo = dialog.findChild(object, "regPrefChannel")
    combo.setCurrentIndex(combo.findData("mail"))
    submit(qtbot, dialog)
    prefs = client.sent[0].contact_preferences
    assert (prefs.email_notices, prefs.paper_mail, prefs.preferred_channel) == (False, True,
                                                                              "mail")


def test_enter_submits(qtbot, dialog, client):
    fill(dialog)
    qtbot.keyClick(edit(dialog, "regPasswordConfirm"), Qt.Key.Key_Return)
    assert len(client.sent) == 1


def test_submit_while_sending_sends_nothing_more(qtbot, dialog, client):
    fill(dialog)
    dialog._set_sending(True)  # as while a request is out
    submit(qtbot, dialog)
    dialog.submit_form()
    assert client.sent == []
    assert not dialog.findChild(object, "regSubmit").isEnabled()
    assert edit(dialog, "regTin").isReadOnly()


SERVER_FIELDS = {
    "first_name": ("regFirstName", "This field is required."),
    "last_name": ("regLastName", "Contains characters that are not allowed."),
    "email": ("regEmail", "Enter a valid email address."),
    "phone": ("regPhone", "Enter a 10-digit US phone number."),
    "organization_name": ("regOrganization", "Must be at most 200 characters."),
    "tin": ("regTin", "No contracted provider has this TIN."),
    "npi": ("regNpi", "This NPI's check digit is wrong."),
    "username": ("regUsername", "This username is taken."),
    "password": ("regPassword", "Must be at least 15 characters."),
}


def test_server_field_errors_land_on_their_fields_and_keep_everything(qtbot, dialog, client):
    client.outcome = ValidationFailed(fields={k: v[1] for k, v in SERVER_FIELDS.items()}
                                      | {"contact_preferences.preferred_channel": "Bad.",
                                         "something_new": "A rule this client does not know."})
    fill(dialog)
    submit(qtbot, dialog)
    for name, text in SERVER_FIELDS.values():
        assert shown_error(dialog, name) == text, name
    assert dialog.findChild(QLabel, "regPrefsError").text() == "Bad."
    assert "A rule this client does not know." in dialog.findChild(QLabel, "regFormError").text()
    assert {n: edit(dialog, n).text() for n in FIELDS} == GOOD
    assert edit(dialog, "regFirstName").hasFocus()
    # A server error stays while the value is unchanged, even on leaving the field...
    tin = edit(dialog, "regTin")
    tin.setFocus()
    edit(dialog, "regNpi").setFocus()
    assert shown_error(dialog, "regTin") == SERVER_FIELDS["tin"][1]
    # ...and goes once the value changes.
    tin.setText("98-7654321")
    assert shown_error(dialog, "regTin") == ""


def test_taken_username_409_lands_on_username(qtbot, dialog, client):
    from desktop.portal.errors import Conflict

    client.outcome = Conflict("This username is taken.",
                              fields={"username": "This username is taken."}, status=409)
    fill(dialog)
    submit(qtbot, dialog)
    assert shown_error(dialog, "regUsername") == "This username is taken."
    assert edit(dialog, "regUsername").hasFocus()
    assert dialog.pages.currentWidget() is dialog.form_page


@pytest.mark.parametrize("exc", [DeadlineExceeded(), ConnectionFailed(), ServerError(
    request_id="req-123", status=503)])
def test_timeouts_and_lost_connections_keep_what_was_typed(qtbot, dialog, client, exc):
    client.outcome = exc
    fill(dialog)
    submit(qtbot, dialog)
    error = dialog.findChild(QLabel, "regFormError")
    assert error.isVisibleTo(dialog)
    assert isinstance(exc, PortalError) and exc.user_message in error.text()
    assert "kept" in error.text()
    assert {n: edit(dialog, n).text() for n in FIELDS} == GOOD
    assert dialog.findChild(object, "regSubmit").isEnabled()
    client.outcome = RegistrationResult("testa.fictional", "active")
    submit(qtbot, dialog)
    assert len(client.sent) == 2


# --- the outcome -------------------------------------------------------------------------


def test_active_outcome_wipes_the_form_and_says_sign_in(qtbot, dialog, client):
    fill(dialog)
    with qtbot.waitSignal(dialog.registered) as signal:
        submit(qtbot, dialog)
    assert signal.args == ["testa.fictional", "active"]
    assert dialog.pages.currentWidget() is dialog.outcome
    assert "sign in now" in dialog.findChild(QLabel, "regOutcomeText").text()
    for name in FIELDS:
        field = edit(dialog, name)
        assert field.text() == ""
        field.undo()
        assert field.text() == "", f"{name} can be brought back with undo"
    qtbot.mouseClick(dialog.findChild(object, "regDone"), Qt.MouseButton.LeftButton)
    assert dialog.result() == RegistrationDialog.DialogCode.Accepted.value


def test_pending_outcome_says_what_next_and_whom_to_contact(qtbot, dialog, client):
    client.outcome = RegistrationResult("testa.fictional", "pending_review")
    fill(dialog)
    submit(qtbot, dialog)
    text = dialog.findChild(QLabel, "regOutcomeText").text()
    assert "cannot sign in yet" in text and "reviewer" in text
    support = dialog.findChild(QLabel, "regSupport").text()
    assert "+1-202-555-0100" in support and "desk@example.org" in support


def test_pending_outcome_without_support_details_says_where_to_find_them(qtbot, client):
    client.outcome = RegistrationResult("testa.fictional", "pending_review")
    client.support = ConnectionFailed()
    real = PortalClient("https://127.0.0.1:9/api/v1")
    session = Session(real, MemoryTokenStore(), "https://127.0.0.1:9")
    ctx = ScreenContext(ops=Operations(client, SyncTaskRunner(), guard=session))
    dlg = RegistrationDialog(ctx, "v")
    qtbot.addWidget(dlg)
    fill(dlg)
    dlg.submit_form()
    assert "Help > Support contact" in dlg.findChild(QLabel, "regSupport").text()


# --- closing -------------------------------------------------------------------------------


def test_escape_on_a_filled_form_asks_before_discarding(qtbot, dialog):
    fill(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.mouseClick(box.findChild(object, "regDiscardNo"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and edit(dialog, "regTin").text() == GOOD["regTin"]
    dialog.reject()
    box = dialog.discard_box
    assert box is not None
    qtbot.mouseClick(box.findChild(object, "regDiscardYes"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == RegistrationDialog.DialogCode.Rejected.value
    assert edit(dialog, "regPassword").text() == ""


def test_escape_on_an_empty_form_just_closes(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_box is None


def test_registration_repr_never_shows_the_password(qtbot, dialog, client):
    fill(dialog)
    submit(qtbot, dialog)
    assert GOOD["regPassword"] not in repr(client.sent[0])


# --- issue 15: a summary that stays true, keyboard, screen readers, words ---------------


def test_summary_counts_and_goes_as_the_fields_are_fixed(qtbot, dialog, client):
    summary = dialog.findChild(QLabel, "regFormError")
    fill(dialog, regEmail="zoe@", regNpi="123")
    submit(qtbot, dialog)
    assert summary.text() == "Please correct the 2 marked fields."
    assert summary.property("role") == "error"
    edit(dialog, "regEmail").setText(GOOD["regEmail"])
    assert summary.isVisibleTo(dialog)
    assert summary.text() == "Please correct the 1 marked field."
    edit(dialog, "regNpi").setText(GOOD["regNpi"])
    assert not summary.isVisibleTo(dialog)
    submit(qtbot, dialog)
    assert len(client.sent) == 1


def test_portal_refusal_summary_follows_the_fixes(qtbot, dialog, client):
    client.outcome = ValidationFailed(fields={"email": "That address is taken.",
                                              "contact_preferences.preferred_channel":
                                                  "Choose another way."})
    fill(dialog)
    submit(qtbot, dialog)
    summary = dialog.findChild(QLabel, "regFormError")
    assert summary.text() == ("The portal did not accept some details; see the 2 marked "
                              "fields.")
    edit(dialog, "regEmail").setText("zoe.other@example.com")
    assert summary.text().endswith("see the 1 marked field.")
    channel = dialog.findChild(object, "regPrefChannel")
    channel.setCurrentIndex(channel.findData("phone"))
    assert not summary.isVisibleTo(dialog)


def test_error_labels_expose_their_text_to_screen_readers(qtbot, dialog):
    from PySide6.QtGui import QAccessible

    fill(dialog, regTin="12")
    submit(qtbot, dialog)
    for label in (error_of(dialog, "regTin"), dialog.findChild(QLabel, "regFormError")):
        iface = QAccessible.queryAccessibleInterface(label)
        assert label.text() and label.text() in iface.text(QAccessible.Text.Name)
    tin_error = QAccessible.queryAccessibleInterface(error_of(dialog, "regTin"))
    assert tin_error.text(QAccessible.Text.Description) == "Problem with TIN"
    assert not error_of(dialog, "regTin").styleSheet()  # a role, not a colour


def test_tab_goes_field_to_field_never_to_the_scroll_area(qtbot, dialog):
    from PySide6.QtWidgets import QScrollArea

    scroll = dialog.findChild(QScrollArea, "regScroll")
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    first = edit(dialog, "regFirstName")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == ["regLastName", "regEmail", "regPhone", "regOrganization"]


def test_verify_summary_is_counted_and_goes_when_fixed(qtbot, client):
    from desktop.ui.registration.verify import VerifyDialog

    verify = VerifyDialog(Operations(client, SyncTaskRunner()), "testa.fictional")
    qtbot.addWidget(verify)
    verify.code.edit.setText("12")
    verify.amount.edit.setText("12.50")
    verify.day.edit.setText("not a date")
    verify.submit.click()
    assert verify.error.text() == "Please correct the 2 marked fields."
    verify.code.edit.setText("12345678")
    assert verify.error.text() == "Please correct the 1 marked field."
    verify.day.edit.setText("11/02/2026")
    assert verify.error.isHidden()
