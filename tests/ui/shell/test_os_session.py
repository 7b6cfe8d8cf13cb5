"""The OS ending the session signs out (issue 14): signals wake Qt, logout asks or notes.

Signals are sent to this very process (the handler under test replaces Python's own for
SIGTERM, SIGHUP and SIGINT while installed). The window tests run against a real sandbox
over TLS and the real Secret Service (.ci/with-keyring.sh). Qt's session manager cannot
be driven offscreen, so `commit_data` is given a stand-in manager; the connection to
`QGuiApplication.commitDataRequest` (and Windows' WM_QUERYENDSESSION, which Qt turns into
that same signal) is wiring these tests do not exercise.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.app import origin_of
from desktop.ui.account.screen import AccountScreen
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.os_session import EndReason, OsSessionEnd, unsaved_note_text
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import private_sandbox
from tests.security.leakscan import secret_service_secrets
from tests.ui.shell_helpers import WAIT_MS, fresh_user_signed_in, start

pytestmark = pytest.mark.e2e


class FakeManager:
    def __init__(self, interaction: bool) -> None:
        self.interaction = interaction
        self.cancelled = False

    def allowsInteraction(self) -> bool:
        return self.interaction

    def cancel(self) -> None:
        self.cancelled = True


@pytest.fixture
def ending(qapp) -> Iterator[OsSessionEnd]:
    watcher = OsSessionEnd()
    yield watcher
    watcher.uninstall()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=lambda s: s.name)
def test_a_signal_wakes_the_event_loop_and_says_which(ending, qtbot, sig):
    ending.install()
    assert ending.installed
    with qtbot.waitSignal(ending.ending, timeout=WAIT_MS) as blocker:
        os.kill(os.getpid(), sig)
    assert blocker.args == [sig.name]


def test_uninstall_gives_the_signals_back(ending):
    before = signal.getsignal(signal.SIGTERM)
    ending.install()
    assert signal.getsignal(signal.SIGTERM) is not before
    ending.uninstall()
    assert signal.getsignal(signal.SIGTERM) is before and not ending.installed


def test_logout_goes_on_or_is_cancelled_as_the_handler_says(ending, qtbot):
    answers = [False, True]
    ending.install(commit=lambda _m: answers.pop(0))
    staying = FakeManager(interaction=True)
    with qtbot.assertNotEmitted(ending.ending):
        ending.commit_data(staying)
    assert staying.cancelled
    going = FakeManager(interaction=True)
    with qtbot.waitSignal(ending.ending) as blocker:
        ending.commit_data(going)
    assert blocker.args == [str(EndReason.LOGOUT)] and not going.cancelled


# --- the window's sign-out -----------------------------------------------------------


@pytest.fixture(scope="module")
def os_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def settings(tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "config" / "settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def with_unsaved_account_edit(qtbot, w: MainWindow) -> AccountScreen:
    w.show_screen("account")
    screen = w.screens["account"]
    assert isinstance(screen, AccountScreen)
    qtbot.waitUntil(lambda: screen.findChild(QLineEdit, "accountEmail").isEnabled()
                    and screen.findChild(QLineEdit, "accountEmail").text() != "",
                    timeout=WAIT_MS)
    screen.findChild(QLineEdit, "accountEmail").setText("patient.like.text@example.org")
    assert screen.has_unsaved_changes()
    return screen


def test_sigterm_signs_out_and_names_the_lost_screen_for_next_start(os_sandbox, tmp_path,
                                                                     qtbot, open_windows):
    sb = os_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    with_unsaved_account_edit(qtbot, w)
    assert secret_service_secrets(origin_of(sb.url)) == [w.session.client.token]
    with qtbot.waitSignal(w.closed, timeout=WAIT_MS):
        w.end_os_session(str(EndReason.SIGTERM))
    assert not w.session.is_signed_in and w.session.client.token is None
    assert secret_service_secrets(origin_of(sb.url)) == []
    assert settings(tmp_path).get("unsaved_note") == "Account"
    assert "patient.like" not in json.dumps(settings(tmp_path))
    # The next start says so once, and forgets it.
    w2 = start(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w2.state == "signed_out" and w2.login.error.isVisible(),
                    timeout=WAIT_MS)
    assert w2.login.error.text() == unsaved_note_text("Account")
    qtbot.waitUntil(lambda: "unsaved_note" not in settings(tmp_path), timeout=WAIT_MS)


def test_a_logout_that_may_ask_asks_and_can_be_refused(os_sandbox, tmp_path, qtbot,
                                                       open_windows, monkeypatch):
    sb = os_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    with_unsaved_account_edit(qtbot, w)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answers.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert w.confirm_os_logout(FakeManager(interaction=True)) is False
    assert w.state == "working" and "signing you out" in asked[0]
    assert w.confirm_os_logout(FakeManager(interaction=True)) is True
    with qtbot.waitSignal(w.closed, timeout=WAIT_MS):
        w.end_os_session(str(EndReason.SIGHUP))
    assert "unsaved_note" not in settings(tmp_path)  # the user chose to discard them
    assert secret_service_secrets(origin_of(sb.url)) == []


def test_a_logout_without_interaction_does_not_ask(os_sandbox, tmp_path, qtbot,
                                                   open_windows, monkeypatch):
    sb = os_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    with_unsaved_account_edit(qtbot, w)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("asked"))
    assert w.confirm_os_logout(FakeManager(interaction=False)) is True
