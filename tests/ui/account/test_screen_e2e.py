"""The Account screen in the whole application, against the real sandbox over TLS.

Each test registers a fresh user (never a demo user) on a module-private sandbox,
signs in through the real window and works on the `account` screen. Concurrent
edits come from a second, separate sign-in of the same user over plain requests.
Run under `.ci/with-keyring.sh` so the token really sits in a Secret Service keyring.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget

from desktop.ui.account import form as account_form
from desktop.ui.account.screen import CHANGED_NOTICE, AccountScreen
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    User,
    current_policy_version,
    private_sandbox,
    register,
    sign_in_response,
)
from tests.e2e.portal_helpers import sign_in as api_sign_in
from tests.ui.shell_helpers import (
    WAIT_MS,
    accept_first_launch,
    start,
    walk_problems,
)
from tests.ui.shell_helpers import sign_in_through_gate as sign_in


@pytest.fixture(scope="module")
def account_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def click(qtbot, root: QWidget, name: str) -> None:
    button = root.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def field(root: QWidget, name: str) -> QLineEdit:
    widget = root.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def label(root: QWidget, name: str) -> str:
    widget = root.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text() if widget.isVisibleTo(root) else ""


def account_window(sb: Sandbox, tmp_path: Path, qtbot, windows: list[MainWindow],
                   **registration: Any) -> tuple[MainWindow, AccountScreen, User]:
    user = register(sb, **registration)
    w = start(sb, tmp_path, qtbot, windows)
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, user.password)
    click(qtbot, w, "navAccount")
    screen = w.screens["account"]
    assert isinstance(screen, AccountScreen)
    assert w.screen_stack.currentWidget() is screen
    qtbot.waitUntil(lambda: screen.account is not None, timeout=WAIT_MS)
    return w, screen, user


def save(qtbot, screen: AccountScreen) -> None:
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: not screen.saving, timeout=WAIT_MS)


def second_session(sb: Sandbox, user: User) -> Client:
    """The same user signed in elsewhere: plain requests, its own token, no env trust."""
    client = api_sign_in(sb, user.username, user.password)
    assert client.http.trust_env is False and client.http.verify == sb.ca_bundle
    return client


def patch_elsewhere(client: Client, body: dict[str, Any]) -> None:
    resp = client.get("/account")
    assert resp.status_code == 200, resp.text
    resp = client.patch("/account", json=body, headers={"If-Match": resp.headers["ETag"]})
    assert resp.status_code == 200, resp.text


def token_answers(sb: Sandbox, token: str) -> int:
    return Client(sb, token=token).get("/sessions/current").status_code


@pytest.fixture
def answer(monkeypatch) -> list[int]:
    """Modal questions (QMessageBox.exec) answer with what the test puts here."""
    answers: list[int] = []

    def exec_(box: QMessageBox) -> int:
        assert answers, f"unexpected question: {box.text()}"
        return int(answers.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return answers


# --- showing -------------------------------------------------------------------------------


def test_profile_preferences_and_your_data(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    _w, screen, user = account_window(sb, tmp_path, qtbot, open_windows,
                                     first_name="Zoë", last_name="Ἀθηνᾶ-Łukasiewicz")
    assert field(screen, "accountFirstName").text() == "Zoë"
    assert field(screen, "accountLastName").text() == "Ἀθηνᾶ-Łukasiewicz"
    assert field(screen, "accountEmail").text() == "testa.fictional@example.com"
    assert field(screen, "accountPhone").text() == "(202) 555-0143"
    assert label(screen, "accountOrganization") == user.organization_name
    assert label(screen, "accountTin") == "***-**-" + user.tin[-4:]
    assert label(screen, "accountNpi") == user.npi
    assert label(screen, "accountStatus") == "Active"
    assert label(screen, "accountMemberSince")
    assert label(screen, "accountUsername") == user.username
    assert screen.findChild(QAbstractButton, "prefEmailNotices").isChecked()
    assert not screen.findChild(QAbstractButton, "prefPaperMail").isChecked()
    assert screen.findChild(QWidget, "prefChannel").currentData() == "email"
    texts = [lbl.text() for lbl in screen.findChildren(QLabel)]
    assert not any(user.tin in t or user.tin[:5] in t for t in texts)  # only the last four
    qtbot.waitUntil(lambda: screen.data_panel.history.rowCount() > 0, timeout=WAIT_MS)
    assert screen.data_panel.history_rows()[0][0] == current_policy_version(sb)
    qtbot.waitUntil(lambda: "Phone:" in label(screen, "accountSupport"), timeout=WAIT_MS)
    assert "provider-support@example.org" in label(screen, "accountSupport")
    assert not screen.has_unsaved_changes()
    problems = walk_problems(screen)  # the other screens are their owners' to check
    assert problems == [], "\n".join(problems)


# --- editing -------------------------------------------------------------------------------


def test_edit_and_save(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    _w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    field(screen, "accountFirstName").setText("  Zoë ")
    field(screen, "accountEmail").setText("zoe.fictional@Example.COM")
    field(screen, "accountPhone").setText("202.555.0188")
    screen.findChild(QAbstractButton, "prefPaperMail").setChecked(True)
    channel = screen.findChild(QWidget, "prefChannel")
    channel.setCurrentIndex(channel.findData("phone"))
    assert screen.has_unsaved_changes()
    save(qtbot, screen)
    assert "saved" in label(screen, "accountMessage")
    assert not screen.has_unsaved_changes()
    assert field(screen, "accountPhone").text() == "(202) 555-0188"
    body = second_session(sb, user).get("/account").json()
    assert (body["first_name"], body["email"], body["phone"]) == (
        "Zoë", "zoe.fictional@example.com", "2025550188")
    assert body["contact_preferences"] == {"email_notices": True, "paper_mail": True,
                                           "preferred_channel": "phone"}
    # Enter in a field saves too.
    last = field(screen, "accountLastName")
    last.setText("Fictional-Ñandú")
    qtbot.keyClick(last, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.has_unsaved_changes() and not screen.saving,
                    timeout=WAIT_MS)
    assert second_session(sb, user).get("/account").json()["last_name"] == "Fictional-Ñandú"


def test_undo_my_changes(account_sandbox, tmp_path, qtbot, open_windows):
    _w, screen, _user = account_window(account_sandbox, tmp_path, qtbot, open_windows)
    field(screen, "accountEmail").setText("other@example.com")
    assert screen.findChild(QAbstractButton, "accountDiscard").isEnabled()
    click(qtbot, screen, "accountDiscard")
    assert field(screen, "accountEmail").text() == "testa.fictional@example.com"
    assert not screen.has_unsaved_changes()


def test_client_rules_on_account_fields(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    _w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    field(screen, "accountEmail").setText("zoe@")
    field(screen, "accountPhone").setText("٢٠٢٥٥٥٠١٤٣")
    field(screen, "accountFirstName").setText(" ")
    click(qtbot, screen, "accountSave")
    assert "domain such as example.com" in label(screen, "accountEmailError")
    assert "ordinary 0-9 digit keys" in label(screen, "accountPhoneError")
    assert "Enter the first name" in label(screen, "accountFirstNameError")
    assert "3 marked fields" in label(screen, "accountMessage")
    assert second_session(sb, user).get("/account").json()["email"] == "testa.fictional@example.com"
    assert field(screen, "accountEmail").text() == "zoe@"


def test_server_rules_land_on_account_fields(account_sandbox, tmp_path, qtbot, open_windows,
                                             monkeypatch):
    def anything(text: str, *_args: object) -> str:
        return text

    for name in ("validate_email", "validate_phone", "validate_person_name"):
        monkeypatch.setattr(account_form, name, anything)
    _w, screen, _user = account_window(account_sandbox, tmp_path, qtbot, open_windows)
    field(screen, "accountEmail").setText("not an email")
    field(screen, "accountPhone").setText("555-0143")
    field(screen, "accountFirstName").setText("Zo\u202eë")
    field(screen, "accountLastName").setText("   ")
    save(qtbot, screen)
    assert label(screen, "accountEmailError") == "Enter a valid email address."
    assert label(screen, "accountPhoneError") == "Enter a 10-digit US phone number."
    assert label(screen, "accountFirstNameError") == "Contains characters that are not allowed."
    assert label(screen, "accountLastNameError") == "This field is required."
    assert field(screen, "accountEmail").text() == "not an email"
    assert screen.has_unsaved_changes()


# --- someone else changed the account --------------------------------------------------------


def conflict_of(qtbot, screen: AccountScreen):
    qtbot.waitUntil(lambda: screen.conflict_dialog is not None
                    and screen.conflict_dialog.isVisible(), timeout=WAIT_MS)
    return screen.conflict_dialog


def test_concurrent_edit_shows_both_values_and_loses_nothing(account_sandbox, tmp_path, qtbot,
                                                             open_windows):
    sb = account_sandbox
    _w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    elsewhere = second_session(sb, user)
    patch_elsewhere(elsewhere, {"email": "theirs@example.org", "last_name": "Elsewhere"})
    field(screen, "accountEmail").setText("mine@example.com")
    field(screen, "accountPhone").setText("(202) 555-0199")
    click(qtbot, screen, "accountSave")
    dialog = conflict_of(qtbot, screen)
    assert label(dialog, "conflictMineValue_email") == "mine@example.com"
    assert label(dialog, "conflictTheirsValue_email") == "theirs@example.org"
    assert label(dialog, "conflictBase_email") == "testa.fictional@example.com"
    assert label(dialog, "conflictTheirsValue_last_name") == "Elsewhere"
    assert label(dialog, "conflictMineValue_phone") == "(202) 555-0199"
    # Defaults: what I edited stays mine; what only they changed follows them.
    assert dialog.findChild(QAbstractButton, "conflictMine_email").isChecked()
    assert dialog.findChild(QAbstractButton, "conflictTheirs_last_name").isChecked()
    assert walk_problems(dialog) == []
    # Keep editing: nothing saved, nothing lost.
    click(qtbot, dialog, "conflictCancel")
    qtbot.waitUntil(lambda: screen.conflict_dialog is None, timeout=WAIT_MS)
    assert field(screen, "accountEmail").text() == "mine@example.com"
    assert "Nothing was saved" in label(screen, "accountMessage")
    assert elsewhere.get("/account").json()["email"] == "theirs@example.org"
    # Save again: asked again; take their email, keep my phone.
    click(qtbot, screen, "accountSave")
    dialog = conflict_of(qtbot, screen)
    click(qtbot, dialog, "conflictTheirs_email")
    click(qtbot, dialog, "conflictApply")
    qtbot.waitUntil(lambda: screen.conflict_dialog is None and not screen.saving
                    and not screen.has_unsaved_changes(), timeout=WAIT_MS)
    body = elsewhere.get("/account").json()
    assert (body["email"], body["phone"], body["last_name"]) == (
        "theirs@example.org", "2025550199", "Elsewhere")
    assert field(screen, "accountEmail").text() == "theirs@example.org"
    assert field(screen, "accountLastName").text() == "Elsewhere"


def test_conflict_use_all_mine_then_all_theirs(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    _w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    elsewhere = second_session(sb, user)
    patch_elsewhere(elsewhere, {"email": "theirs@example.org",
                                "contact_preferences": {"paper_mail": True}})
    field(screen, "accountEmail").setText("mine@example.com")
    click(qtbot, screen, "accountSave")
    dialog = conflict_of(qtbot, screen)
    click(qtbot, dialog, "conflictUseMine")
    assert dialog.findChild(QAbstractButton, "conflictMine_paper_mail").isChecked()
    click(qtbot, dialog, "conflictApply")
    qtbot.waitUntil(lambda: screen.conflict_dialog is None and not screen.saving
                    and not screen.has_unsaved_changes(), timeout=WAIT_MS)
    body = elsewhere.get("/account").json()
    assert body["email"] == "mine@example.com"
    assert body["contact_preferences"]["paper_mail"] is False  # mine, as shown to me

    patch_elsewhere(elsewhere, {"phone": "2025550177"})
    field(screen, "accountPhone").setText("2025550166")
    click(qtbot, screen, "accountSave")
    dialog = conflict_of(qtbot, screen)
    click(qtbot, dialog, "conflictUseTheirs")
    click(qtbot, dialog, "conflictApply")
    qtbot.waitUntil(lambda: screen.conflict_dialog is None, timeout=WAIT_MS)
    assert field(screen, "accountPhone").text() == "(202) 555-0177"
    assert not screen.has_unsaved_changes()
    assert "nothing more to save" in label(screen, "accountMessage")


# --- unsaved edits are guarded and survive -----------------------------------------------------


def test_leaving_and_signing_out_with_unsaved_changes_asks(account_sandbox, tmp_path, qtbot,
                                                          open_windows, answer):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    field(screen, "accountEmail").setText("typed@example.com")
    answer.append(QMessageBox.StandardButton.Cancel)
    click(qtbot, w, "navClaims")
    assert w.screen_stack.currentWidget() is screen
    answer.append(QMessageBox.StandardButton.Ignore)
    click(qtbot, w, "navClaims")
    assert w.screen_stack.currentWidget() is w.screens["claims"]
    # Meanwhile the account changes on the portal; coming back must not reload over my edit.
    patch_elsewhere(second_session(sb, user), {"email": "theirs@example.org"})
    click(qtbot, w, "navAccount")
    assert w.screen_stack.currentWidget() is screen
    qtbot.waitUntil(lambda: not screen.loading, timeout=WAIT_MS)  # a reload would land here
    assert field(screen, "accountEmail").text() == "typed@example.com"
    answer.append(QMessageBox.StandardButton.Cancel)
    click(qtbot, w, "signOutButton")
    assert w.state == "working"
    assert field(screen, "accountEmail").text() == "typed@example.com"
    answer.append(QMessageBox.StandardButton.Discard)
    click(qtbot, w, "signOutButton")
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert answer == []
    assert_cleared(screen, user)


def test_save_from_the_leave_question(account_sandbox, tmp_path, qtbot, open_windows, answer):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    field(screen, "accountLastName").setText("Savedonleave")
    answer.append(QMessageBox.StandardButton.Save)
    click(qtbot, w, "navClaims")
    assert w.screen_stack.currentWidget() is screen
    qtbot.waitUntil(lambda: not screen.has_unsaved_changes(), timeout=WAIT_MS)
    assert second_session(sb, user).get("/account").json()["last_name"] == "Savedonleave"


def test_edits_and_dialogs_survive_the_idle_lock(account_sandbox, tmp_path, qtbot,
                                                 open_windows):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    field(screen, "accountEmail").setText("half-typed@example")
    click(qtbot, screen, "changePasswordButton")
    dialog = screen.password_dialog
    assert dialog is not None and dialog.isVisible()
    field(dialog, "currentPassword").setText(user.password)
    w.lock_now()
    assert w.state == "locked"
    assert not screen.isVisible() and not dialog.isVisible()
    assert field(dialog, "currentPassword").text() == ""  # passwords do not outlive a lock
    w.lock.password.setText(user.password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not screen.loading, timeout=WAIT_MS)  # a reload would land here
    assert dialog.isVisible()
    click(qtbot, dialog, "changePasswordCancel")
    assert field(screen, "accountEmail").text() == "half-typed@example"
    assert screen.has_unsaved_changes()


def test_save_interrupted_by_a_new_policy_is_retried_after_accepting(tmp_path, qtbot,
                                                                     open_windows):
    with private_sandbox("--rate-limit", "0") as sb:
        w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
        field(screen, "accountEmail").setText("after.policy@example.com")
        body = tmp_path / "p.md"
        body.write_text("# Privacy policy\n\nA fictional new rule.\n")
        sb.cli("publish-policy", "--version", "2026-12-07", "--title", "Privacy policy",
               "--summary", "A new rule.", "--body-file", str(body))
        click(qtbot, screen, "accountSave")
        qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
        assert field(screen, "accountEmail").text() == "after.policy@example.com"
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not screen.has_unsaved_changes() and not screen.saving,
                        timeout=WAIT_MS)
        assert second_session(sb, user).get("/account").json()["email"] == \
            "after.policy@example.com"


def test_save_interrupted_by_an_expired_session_is_retried_after_unlocking(tmp_path, qtbot,
                                                                           open_windows):
    with private_sandbox("--rate-limit", "0", "--idle-timeout-s", "2") as sb:
        w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
        field(screen, "accountPhone").setText("(202) 555-0166")
        qtbot.wait(2500)  # let the portal's idle lifetime run out (no call may touch it)
        click(qtbot, screen, "accountSave")
        qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
        assert not screen.isVisible()
        assert field(screen, "accountPhone").text() == "(202) 555-0166"
        w.lock.password.setText(user.password)
        qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.state == "working" and not screen.has_unsaved_changes()
                        and not screen.saving, timeout=WAIT_MS)
        assert "saved" in label(screen, "accountMessage")
        assert second_session(sb, user).get("/account").json()["phone"] == "2025550166"


# --- password ------------------------------------------------------------------------------


def test_change_password(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    other = second_session(sb, user)
    click(qtbot, screen, "changePasswordButton")
    dialog = screen.password_dialog
    assert walk_problems(dialog) == []
    new = "a brand new fictional pass phrase ✓"
    field(dialog, "currentPassword").setText("not the current password")
    field(dialog, "newPassword").setText("too short")
    field(dialog, "newPasswordConfirm").setText("too short")
    click(qtbot, dialog, "changePasswordSubmit")
    assert "at least 15" in label(dialog, "newPasswordError")
    field(dialog, "newPassword").setText(new)
    field(dialog, "newPasswordConfirm").setText(new + "!")
    click(qtbot, dialog, "changePasswordSubmit")
    assert "not the same" in label(dialog, "newPasswordConfirmError")
    field(dialog, "newPasswordConfirm").setText(new)
    click(qtbot, dialog, "changePasswordSubmit")
    qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)
    assert label(dialog, "currentPasswordError") == "The current password is incorrect."
    assert w.state == "working" and dialog.isVisible()
    field(dialog, "currentPassword").setText(user.password)
    click(qtbot, dialog, "changePasswordSubmit")
    qtbot.waitUntil(lambda: screen.password_dialog is None, timeout=WAIT_MS)
    assert label(screen, "accountMessage") == CHANGED_NOTICE
    assert sign_in_response(sb, user.username, user.password).status_code == 401
    assert sign_in_response(sb, user.username, new).status_code == 201
    assert token_answers(sb, other.token or "") == 401  # the other session was revoked
    # This one stays: the screen keeps working.
    token = w.session.client.token
    assert token and token_answers(sb, token) == 200
    screen.load()
    qtbot.waitUntil(lambda: not screen.loading, timeout=WAIT_MS)
    assert w.state == "working"


# --- deactivation ----------------------------------------------------------------------------


def test_deactivate(account_sandbox, tmp_path, qtbot, open_windows):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    session = w.session
    token = session.client.token
    assert token
    if os.environ.get("CLAIMS_REQUIRE_KEYRING") == "1":
        assert session.token_persistent
        assert session._store.load(session.origin) == token
    click(qtbot, screen, "deactivateButton")
    dialog = screen.deactivate_dialog
    assert dialog is not None and dialog.isVisible()
    assert "cannot sign in" in label(dialog, "deactivateConsequences")
    assert walk_problems(dialog) == []
    proceed = dialog.findChild(QAbstractButton, "deactivateContinue")
    field(dialog, "deactivatePassword").setText("not my password at all")
    assert not proceed.isEnabled()  # first confirmation: "I understand"
    dialog.findChild(QAbstractButton, "deactivateUnderstand").setChecked(True)
    dialog.findChild(QWidget, "deactivateReason").setPlainText("Fictional test reason")
    click(qtbot, dialog, "deactivateContinue")
    assert user.username in label(dialog, "deactivateFinalText")  # second confirmation
    click(qtbot, dialog, "deactivateConfirm")
    qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)
    assert label(dialog, "deactivatePasswordError") == "The password is incorrect."
    assert w.state == "working" and token_answers(sb, token) == 200
    field(dialog, "deactivatePassword").setText(user.password)
    click(qtbot, dialog, "deactivateContinue")
    click(qtbot, dialog, "deactivateConfirm")
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert "deactivated" in w.login.error.text()
    assert token_answers(sb, token) == 401
    assert session._store.load(session.origin) is None
    assert_cleared(screen, user)
    assert sign_in_response(sb, user.username, user.password).status_code == 401
    w.login.username.setText(user.username)
    w.login.password.setText(user.password)
    qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.login.sign_in.isEnabled(), timeout=WAIT_MS)
    assert w.state == "signed_out" and "not right" in w.login.error.text()


def test_going_back_from_the_final_question_deactivates_nothing(account_sandbox, tmp_path,
                                                                qtbot, open_windows):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    click(qtbot, screen, "deactivateButton")
    dialog = screen.deactivate_dialog
    field(dialog, "deactivatePassword").setText(user.password)
    dialog.findChild(QAbstractButton, "deactivateUnderstand").setChecked(True)
    click(qtbot, dialog, "deactivateContinue")
    click(qtbot, dialog, "deactivateBack")
    click(qtbot, dialog, "deactivateCancel")
    qtbot.waitUntil(lambda: screen.deactivate_dialog is None, timeout=WAIT_MS)
    assert w.state == "working"
    assert sign_in_response(sb, user.username, user.password).status_code == 201


# --- sign-out drops everything -----------------------------------------------------------------


def assert_cleared(screen: AccountScreen, user: User) -> None:
    assert screen.account is None and not screen.has_unsaved_changes()
    assert screen.data_panel.history.rowCount() == 0
    texts = [w.text() for w in screen.findChildren(QLineEdit)]
    texts += [w.text() for w in screen.findChildren(QLabel)]
    for value in (user.username, user.npi, user.tin[-4:], user.organization_name, "Testa",
                  "example"):
        assert not any(value in t for t in texts), value
    assert screen.conflict_dialog is None and screen.password_dialog is None
    assert screen.deactivate_dialog is None


def test_sign_out_clears_the_screen_and_the_next_user_sees_only_theirs(account_sandbox,
                                                                       tmp_path, qtbot,
                                                                       open_windows):
    sb = account_sandbox
    w, screen, user = account_window(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: screen.data_panel.history.rowCount() > 0, timeout=WAIT_MS)
    click(qtbot, screen, "changePasswordButton")
    assert screen.password_dialog is not None
    w.sign_out("You are signed out.")  # e.g. File > Sign out, with a dialog open
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert_cleared(screen, user)
    second = register(sb, first_name="Secunda", email="secunda@example.net")
    sign_in(qtbot, w, second.username, second.password)
    click(qtbot, w, "navAccount")
    qtbot.waitUntil(lambda: screen.account is not None, timeout=WAIT_MS)
    assert field(screen, "accountFirstName").text() == "Secunda"
    assert label(screen, "accountUsername") == second.username
