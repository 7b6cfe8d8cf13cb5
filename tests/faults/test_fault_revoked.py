"""Fault catalogue: 401 mid-edit, for real on the sandbox.

The clerk's session is revoked behind the app's back -- the same user changes the
password from another computer, or the token is signed out with a DELETE -- while
an account edit or a search is on screen. The next call gets 401: the app must ask
for the password (the lock screen: same user, so nothing typed needs to go), keep
the edit, and finish the interrupted work after the password is given.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.shell.main_window import MainWindow
from tests.e2e.portal_helpers import Client, User, new_password
from tests.e2e.portal_helpers import sign_in as api_sign_in
from tests.faults.harness import (
    WAIT_MS,
    Windows,
    account_screen,
    claims_screen,
    click,
    fill_search,
    form_texts,
    line_edit,
    run_search,
    shown_text,
    signed_in_window,
)
from tests.faults.proxy import FaultProxy
from tests.faults.test_fault_catalogue import clear_message
from tests.unit.portal.faultserver import Pki


def change_password_elsewhere(proxy: FaultProxy, user: User) -> str:
    other = api_sign_in(proxy.upstream, user.username, user.password)
    fresh = new_password()
    resp = other.post("/account/password", json={"current_password": user.password,
                                                  "new_password": fresh})
    assert resp.status_code == 204, resp.text
    return fresh


def revoke_token(proxy: FaultProxy, w: MainWindow) -> None:
    token = w.session.client.token
    assert token
    assert Client(proxy.upstream, token=token).delete("/sessions/current").status_code == 204


def unlock(qtbot: QtBot, w: MainWindow, password: str) -> None:
    qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    clear_message(w.lock.reason.text(), "password")
    w.lock.password.setText(password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)


def account_value(proxy: FaultProxy, user: User, password: str, key: str) -> object:
    client = api_sign_in(proxy.upstream, user.username, password)
    return client.get("/account").json()[key]


def test_401_mid_edit_after_password_changed_elsewhere(proxy: FaultProxy, fault_pki: Pki,
                                                       windows: Windows, tmp_path: Path,
                                                       qtbot: QtBot) -> None:
    """case 401-mid-edit-password-changed: Save after the password changed elsewhere asks
    for the (new) password, keeps the edit, and saves it once the clerk unlocks."""
    w, user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
    screen = account_screen(qtbot, w)
    line_edit(screen, "accountEmail").setText("kept.after.revoke@example.com")
    fresh = change_password_elsewhere(proxy, user)
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: w.state in ("locked", "signed_out"), timeout=WAIT_MS)
    assert w.state == "locked", w.login.error.text()
    assert line_edit(screen, "accountEmail").text() == "kept.after.revoke@example.com"
    unlock(qtbot, w, fresh)
    qtbot.waitUntil(lambda: not screen.saving and not screen.has_unsaved_changes(),
                    timeout=WAIT_MS)
    assert "saved" in shown_text(screen, "accountMessage")
    assert account_value(proxy, user, fresh, "email") == "kept.after.revoke@example.com"


def test_401_mid_edit_after_the_token_was_deleted(proxy: FaultProxy, fault_pki: Pki,
                                                  windows: Windows, tmp_path: Path,
                                                  qtbot: QtBot) -> None:
    """case 401-mid-edit-token-deleted: the same token signed out with a DELETE."""
    w, user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
    screen = account_screen(qtbot, w)
    line_edit(screen, "accountLastName").setText("Keptafterdelete")
    revoke_token(proxy, w)
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: w.state in ("locked", "signed_out"), timeout=WAIT_MS)
    assert w.state == "locked", w.login.error.text()
    assert line_edit(screen, "accountLastName").text() == "Keptafterdelete"
    unlock(qtbot, w, user.password)
    qtbot.waitUntil(lambda: not screen.saving and not screen.has_unsaved_changes(),
                    timeout=WAIT_MS)
    assert account_value(proxy, user, user.password, "last_name") == "Keptafterdelete"


def test_401_mid_search_resumes_the_same_search(proxy: FaultProxy, fault_pki: Pki,
                                                windows: Windows, tmp_path: Path,
                                                qtbot: QtBot) -> None:
    """case 401-mid-search: criteria kept over the re-sign-in and the search runs after."""
    w, user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
    screen = claims_screen(qtbot, w)
    typed = fill_search(screen)
    revoke_token(proxy, w)
    run_search(qtbot, screen)
    # The search ends as "interrupted" first; the lock follows through the shell's queue.
    qtbot.waitUntil(lambda: w.state in ("locked", "signed_out"), timeout=WAIT_MS)
    assert w.state == "locked"
    assert form_texts(screen) == typed
    unlock(qtbot, w, user.password)
    qtbot.waitUntil(lambda: not screen.searching and screen.model.searched, timeout=WAIT_MS)
    assert screen.status.text() == "" and "claim" in screen.count.text()
    assert form_texts(screen) == typed


def test_401_then_sign_out_on_the_lock_drops_the_edit(proxy: FaultProxy, fault_pki: Pki,
                                                    windows: Windows, tmp_path: Path,
                                                    qtbot: QtBot) -> None:
    """case 401-then-sign-out: choosing Sign out on the lock screen drops the edit (the
    next person at the PC must not find it)."""
    w, _user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
    screen = account_screen(qtbot, w)
    line_edit(screen, "accountFirstName").setText("Notforthenext")
    revoke_token(proxy, w)
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    qtbot.mouseClick(w.lock.sign_out, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert line_edit(screen, "accountFirstName").text() == ""
