"""The Account screen and its dialogs as widgets, with a fake portal (issue 15, items 7-11).

Messages that stay true as fields are fixed, Save only with something to save, one Tab
stop per table, no invisible Tab stops, messages a screen reader can read, success shown
as success, compact conflict rows and dates in the one format. The same screen against
the real sandbox is in test_screen_e2e.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QWidget,
)

from desktop.portal.errors import Conflict, ServerError, ValidationFailed
from desktop.portal.models import (
    Acceptance,
    Account,
    AccountChanges,
    ContactPreferences,
    SupportInfo,
    VersionedAccount,
)
from desktop.portal.security import OfficeUser, OfficeUsers, PendingUser
from desktop.tasks import SyncTaskRunner
from desktop.ui.account.conflict import ConflictDialog
from desktop.ui.account.deactivate import REASON_MAX, DeactivateDialog
from desktop.ui.account.form import EditableValues
from desktop.ui.account.office_users import OfficeUsersSection
from desktop.ui.account.screen import CHANGED_NOTICE, AccountScreen
from desktop.ui.account.two_step_dialog import TwoStepDialog, TwoStepMode
from desktop.ui.common.a11y import Urgency
from desktop.ui.common.formats import Formats, local_date
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations

SINCE = datetime(2026, 3, 5, 15, 30, tzinfo=UTC)
ACCOUNT = Account(
    username="testa.fictional", first_name="Testa", last_name="Fictional",
    email="testa.fictional@example.com", phone="2025550143",
    organization_name="Sandbox Family Medicine", tin_last4="6789", npi="1234567893",
    status="active", created_at=SINCE,
    contact_preferences=ContactPreferences(True, False, "email"))
SUPPORT = SupportInfo("Fictional Plan Provider Desk", "desk@example.org", "+1-202-555-0100",
                      "Weekdays 9-5", "https://support.example.org")


class FakePortal:
    """The account part of the portal; `refuse` makes the next save a 422."""

    def __init__(self, acceptances: int = 2, account: Account = ACCOUNT) -> None:
        self.account = account
        self.acceptances = [Acceptance(f"2026-{1 + i % 12:02d}-01",
                                       SINCE + timedelta(days=i), f"r-{i}")
                            for i in range(acceptances)]
        self.refuse: dict[str, str] | None = None
        self.saved: list[AccountChanges] = []
        self.passwords: list[tuple[str, str]] = []
        self.office = OfficeUsers(
            pending=(PendingUser("u1", "Nova", "Fictional", "nova@example.com", "1234567893",
                                 SINCE),),
            active=(OfficeUser("u2", "Testa", "Fictional", "testa@example.com", "1234567893",
                               True, True),))

    def get_account(self) -> VersionedAccount:
        return VersionedAccount(self.account, "etag-1")

    def list_acceptances(self) -> list[Acceptance]:
        return list(self.acceptances)

    def get_support(self) -> SupportInfo:
        return SUPPORT

    def update_account(self, changes: AccountChanges, etag: str) -> VersionedAccount:
        if self.refuse is not None:
            fields, self.refuse = self.refuse, None
            raise ValidationFailed(fields=fields)
        self.saved.append(changes)
        return self.get_account()

    def change_password(self, current: str, new: str) -> None:
        self.passwords.append((current, new))

    def list_office_users(self) -> OfficeUsers:
        return self.office


class Guard:
    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)


def _ops(portal: FakePortal) -> Operations:
    return Operations(portal, SyncTaskRunner(), guard=Guard())  # type: ignore[arg-type]


@pytest.fixture
def portal() -> FakePortal:
    return FakePortal()


def open_screen(qtbot, portal: FakePortal) -> AccountScreen:
    screen = AccountScreen(ScreenContext(ops=_ops(portal)))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.activate()
    qtbot.waitUntil(lambda: screen.account is not None)
    return screen


@pytest.fixture
def screen(qtbot, portal: FakePortal) -> AccountScreen:
    return open_screen(qtbot, portal)


def edit(root: QWidget, name: str) -> QLineEdit:
    widget = root.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def spoken_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name)


def spoken_description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Description)


def shown_message(screen: AccountScreen) -> str:
    return screen.message.text() if screen.message.isVisibleTo(screen) else ""


# --- item 9: Save only with something to save ------------------------------------------


def test_save_is_enabled_only_while_something_differs(screen: AccountScreen):
    assert not screen.save_button.isEnabled()  # just loaded: nothing to save
    first = edit(screen, "accountFirstName")
    first.setText("Zoë")
    assert screen.save_button.isEnabled()
    first.setText("Testa")  # typed back: nothing to save again
    assert not screen.save_button.isEnabled()
    edit(screen, "accountPhone").setText("202.555.0143")  # the same number, other spelling
    assert not screen.save_button.isEnabled()
    paper = screen.findChild(QAbstractButton, "prefPaperMail")
    paper.setChecked(True)
    assert screen.save_button.isEnabled()
    paper.setChecked(False)
    assert not screen.save_button.isEnabled()


def test_saved_disables_save_again(screen: AccountScreen, portal: FakePortal):
    edit(screen, "accountLastName").setText("Fictional-Ñandú")
    portal.account = replace(ACCOUNT, last_name="Fictional-Ñandú")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert portal.saved and not screen.save_button.isEnabled()
    assert screen.message_role == "success"


# --- item 7: the summary counts, and follows the fixes ---------------------------------


def test_summary_counts_the_marked_fields_and_goes_when_they_are_fixed(
        screen: AccountScreen, announced):
    email, phone = edit(screen, "accountEmail"), edit(screen, "accountPhone")
    email.setText("zoe@")
    phone.setText("555")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert shown_message(screen) == "Please correct the 2 marked fields."
    assert screen.message_role == "error"
    assert ("Please correct the 2 marked fields.", Urgency.ASSERTIVE) in announced
    email.setText("zoe@example.com")
    assert shown_message(screen) == "Please correct the 1 marked field."
    phone.setText("(202) 555-0199")
    assert shown_message(screen) == ""
    assert not screen.message.isVisibleTo(screen)


def test_portal_refusal_summary_follows_the_fixes_too(screen: AccountScreen,
                                                      portal: FakePortal):
    edit(screen, "accountEmail").setText("zoe@example.com")
    edit(screen, "accountPhone").setText("(202) 555-0199")
    portal.refuse = {"email": "That address is taken.", "phone": "Not a US number.",
                     "other": "Something else."}
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert shown_message(screen) == ("The portal did not accept some details; see the 2 "
                                     "marked fields. Something else.")
    edit(screen, "accountEmail").setText("zoe.other@example.com")
    assert shown_message(screen).startswith(
        "The portal did not accept some details; see the 1 marked field.")
    edit(screen, "accountPhone").setText("(202) 555-0188")
    assert shown_message(screen) == "Something else."


def test_another_message_is_not_overwritten_by_the_count(screen: AccountScreen):
    email = edit(screen, "accountEmail")
    email.setText("zoe@")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    screen.discard()  # the form is back to what was loaded, the message goes
    assert shown_message(screen) == ""
    email.setText("zoe@")
    email.setText("zoe@example.com")
    assert shown_message(screen) == ""


# --- item 9: the password notice is a success, announced -------------------------------


def test_password_changed_notice_is_a_success_and_announced(screen: AccountScreen,
                                                            portal: FakePortal, announced):
    screen.open_password_dialog()
    dialog = screen.password_dialog
    assert dialog is not None
    new = "a brand new fictional pass phrase"
    edit(dialog, "currentPassword").setText("the old fictional pass phrase")
    edit(dialog, "newPassword").setText(new)
    edit(dialog, "newPasswordConfirm").setText(new)
    QTest.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert portal.passwords == [("the old fictional pass phrase", new)]
    assert shown_message(screen) == CHANGED_NOTICE
    assert screen.message_role == "success"
    assert any(text == CHANGED_NOTICE for text, _u in announced)
    assert CHANGED_NOTICE in spoken_name(screen.message)


# --- item 8: keyboard ------------------------------------------------------------------


def tab_walk(qtbot, start: QWidget, presses: int) -> list[str]:
    """Object names of the focus after each Tab press, starting from `start`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        seen.append(now.objectName() if now is not None else "")
    return seen


def test_first_focus_is_the_first_field_and_scroll_areas_take_none(qtbot):
    screen = open_screen(qtbot, FakePortal())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit(screen, "accountFirstName"))
    for scroll in screen.findChildren(QScrollArea):
        assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus, scroll.objectName()


def test_tab_leaves_the_acceptances_table_in_one_press(qtbot):
    screen = open_screen(qtbot, FakePortal(acceptances=15))
    table = screen.findChild(QTableWidget, "acceptanceHistory")
    assert table.rowCount() == 15
    order = tab_walk(qtbot, edit(screen, "accountFirstName"), 14)
    assert "accountScroll" not in order
    assert order.count("acceptanceHistory") == 1  # one stop, whatever the rows
    assert order[:6] == ["accountLastName", "accountEmail", "accountPhone",
                         "prefEmailNotices", "prefPaperMail", "prefChannel"]
    after = order[order.index("acceptanceHistory") + 1]
    assert after != "acceptanceHistory"
    # Arrow keys still move inside the table.
    table.setFocus()
    table.setCurrentCell(0, 0)
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.currentRow() == 1


def test_office_tables_are_one_tab_stop_each(qtbot, portal: FakePortal):
    section = OfficeUsersSection(_ops(portal))
    qtbot.addWidget(section)
    section.show_for(True)
    for name in ("officePendingTable", "officeActiveTable"):
        assert not section.findChild(QTableWidget, name).tabKeyNavigation(), name


# --- item 11: what a screen reader reads -----------------------------------------------


def test_field_errors_and_messages_expose_their_text(screen: AccountScreen, announced):
    email = edit(screen, "accountEmail")
    email.setText("zoe@")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    error = screen.findChild(QLabel, "accountEmailError")
    assert error.text() and error.text() in spoken_name(error)
    assert "Problem with email" in spoken_description(error)
    assert (error.text(), Urgency.ASSERTIVE) in announced
    assert "marked field" in spoken_name(screen.message)
    assert spoken_description(screen.message) == "Account status message"
    for label_name in ("accountUsername", "accountTin", "accountStatus"):
        label = screen.findChild(QLabel, label_name)
        assert label.text() and label.text() in spoken_name(label), label_name
    support = screen.findChild(QLabel, "accountSupport")
    assert "desk@example.org" in spoken_name(support)


def test_dialog_errors_expose_their_text(qtbot, portal: FakePortal, announced):
    deactivate = DeactivateDialog(_ops(portal), "testa.fictional")
    qtbot.addWidget(deactivate)
    deactivate.show_error("The portal could not be reached.")
    assert "could not be reached" in spoken_name(deactivate.error)
    assert deactivate.error.property("role") == "error"
    two_step = TwoStepDialog(_ops(portal), TwoStepMode.SET_UP)
    qtbot.addWidget(two_step)
    two_step.next_button.click()
    assert spoken_name(two_step.error) == "Type your password."
    assert ("Type your password.", Urgency.ASSERTIVE) in announced
    screen_reader_secret = two_step.findChild(QLabel, "twoStepSecret")
    screen_reader_secret.setText("ABCD EFGH")
    assert "ABCD EFGH" in spoken_name(screen_reader_secret)


# --- item 7 in the dialogs: messages that go once put right ----------------------------


def test_dialog_messages_go_once_put_right(qtbot, portal: FakePortal):
    deactivate = DeactivateDialog(_ops(portal), "testa.fictional")
    qtbot.addWidget(deactivate)
    deactivate.password.edit.setText("my fictional password")
    deactivate.understand.setChecked(True)
    deactivate.reason.setPlainText("x" * (REASON_MAX + 5))
    deactivate.next.click()
    assert not deactivate.error.isHidden() and "at most" in deactivate.error.text()
    deactivate.reason.setPlainText("x" * 10)
    assert deactivate.error.isHidden()

    two_step = TwoStepDialog(_ops(portal), TwoStepMode.TURN_OFF)
    qtbot.addWidget(two_step)
    two_step.next_button.click()
    assert two_step.error.text() == "Type your password and a code."
    two_step.password.setText("my fictional password")
    assert not two_step.error.isHidden()  # the code is still missing
    two_step.off_code.setText("123456")
    assert two_step.error.isHidden()

    section = OfficeUsersSection(_ops(portal))
    qtbot.addWidget(section)
    section.show_for(True)
    section.approve.click()
    assert section.error.text() == "Select a person in the list first."
    assert section.error.property("role") == "error"
    section.pending.selectRow(0)
    assert section.error.isHidden()


def test_office_outcome_is_a_success_not_an_error(qtbot, portal: FakePortal):
    portal.approve_user = lambda _user_id: None  # type: ignore[attr-defined]
    section = OfficeUsersSection(_ops(portal))
    qtbot.addWidget(section)
    section.show_for(True)
    section.pending.selectRow(0)
    section.approve.click()
    assert section.error.text().startswith("Approved")
    assert section.error.property("role") == "success"


def test_a_refused_decision_stays_readable_after_the_reload(qtbot, portal: FakePortal):
    """A 409 ("You cannot remove yourself") reloads the lists; the reload used to wipe the
    message a moment after it appeared. A failed load's own message does go."""
    def refuse(_user_id: str) -> None:
        raise Conflict(status=409, detail="You cannot remove yourself.")

    portal.remove_user = refuse  # type: ignore[attr-defined]
    section = OfficeUsersSection(_ops(portal))
    qtbot.addWidget(section)
    section.show_for(True)
    section.confirm_remove = lambda: True  # type: ignore[method-assign]
    section.active.selectRow(0)
    section.remove.click()  # refused, then the lists reload (synchronously here)
    assert section.error.property("role") == "error" and section.error.text()

    broken = portal.list_office_users

    def down() -> OfficeUsers:
        raise ServerError(status=503)

    portal.list_office_users = down  # type: ignore[method-assign]
    section.load()
    load_problem = section.error.text()
    assert load_problem and section.error.property("role") == "error"
    portal.list_office_users = broken  # type: ignore[method-assign]
    section.load()
    assert section.error.isHidden()


# --- style: roles, not colours ----------------------------------------------------------


def test_no_colour_style_sheets_in_the_account_screen_and_dialogs(qtbot, screen: AccountScreen,
                                                                  portal: FakePortal):
    deactivate = DeactivateDialog(_ops(portal), "testa.fictional")
    qtbot.addWidget(deactivate)
    assert deactivate.findChild(QPushButton, "deactivateConfirm").property("role") == "danger"
    screen.open_password_dialog()
    for root in (screen, deactivate, screen.password_dialog):
        assert root is not None
        for widget in [root, *root.findChildren(QWidget)]:
            assert widget.styleSheet() == "", widget.objectName()


# --- item 9: the conflict dialog --------------------------------------------------------


def test_conflict_rows_are_compact_and_addresses_do_not_wrap(qtbot):
    base = EditableValues.from_account(ACCOUNT)
    mine = replace(base, email="testa.fictional-billing@family-medicine-group.example.com",
                   phone="2025550199")
    theirs = replace(base, email="front-desk.fictional@family-medicine-group.example.org",
                     last_name="Elsewhere")
    dialog = ConflictDialog(base, mine, theirs)
    qtbot.addWidget(dialog)
    dialog.resize(760, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.fontMetrics().lineSpacing()
    for name in ("email", "phone", "last_name"):
        for kind in ("conflictMineValue_", "conflictTheirsValue_"):
            cell = dialog.findChild(QLabel, kind + name)
            assert cell.height() < 2.5 * line, (kind + name, cell.height(), line)
    mine_email = dialog.findChild(QLabel, "conflictMineValue_email")
    assert not mine_email.wordWrap()
    assert spoken_name(mine_email) == mine.email  # the whole address, whatever is shown
    assert (mine_email.text() == mine.email or mine_email.toolTip() == mine.email)
    scroll = dialog.findChild(QScrollArea, "conflictScroll")
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus


# --- dates in the one format -------------------------------------------------------------


def test_dates_use_the_one_formatter(qtbot, portal: FakePortal):
    portal.account = replace(ACCOUNT, office_admin=True)
    screen = open_screen(qtbot, portal)
    formats = Formats()
    rows = screen.data_panel.history_rows()
    assert rows[0][1] == formats.instant(portal.acceptances[-1].accepted_at)
    assert screen.findChild(QLabel, "accountMemberSince").text() == \
        formats.date(local_date(SINCE))
    pending = screen.findChild(QTableWidget, "officePendingTable")
    assert pending.item(0, 3).text() == formats.date(local_date(SINCE))


def test_saved_goes_once_the_form_is_edited_again(screen: AccountScreen, portal: FakePortal):
    edit(screen, "accountLastName").setText("Fictional-Ñandú")
    portal.account = replace(ACCOUNT, last_name="Fictional-Ñandú")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert shown_message(screen) == "Your changes are saved."
    edit(screen, "accountFirstName").setText("Zoë")  # "saved" is no longer true
    assert shown_message(screen) == ""
