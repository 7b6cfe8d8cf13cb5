"""The whole application, embedded through `desktop.app.launch`, against the real sandbox.

Each test starts the real window with its own config folder, so the first-launch
policy dialog shows every time; tests that change the portal's global state
(publishing a policy, short session lifetimes) get a sandbox of their own.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from itertools import pairwise

import pytest
import requests
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from desktop.app import launch
from desktop.ui.shell.geometry import MINIMUM
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import private_sandbox, register
from tests.ui.shell_helpers import (
    WAIT_MS,
    accept_first_launch,
    fresh_user_signed_in,
    start,
    walk_problems,
)
from tests.ui.shell_helpers import submit_sign_in as sign_in


@pytest.fixture(scope="module")
def shell_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def token_answers(sb: Sandbox, token: str) -> int:
    s = requests.Session()
    s.trust_env = False
    resp = s.get(f"{sb.url}/sessions/current", verify=sb.ca_bundle, timeout=10,
                 headers={"Authorization": f"Bearer {token}"})
    return resp.status_code


def acceptances(sb: Sandbox, username: str) -> list[str]:
    out = sb.cli("acceptances", username).stdout
    return [a["version"] for a in json.loads(out)]


def current_version(sb: Sandbox) -> str:
    s = requests.Session()
    s.trust_env = False
    return str(s.get(f"{sb.url}/policy", verify=sb.ca_bundle, timeout=10).json()["version"])


def test_first_launch_acceptance_is_recorded_at_sign_in_without_asking_again(
        shell_sandbox, tmp_path, qtbot, open_windows):
    """One acceptance per version per user: the clerk who accepted at first launch is not
    shown the same version again a minute later, after signing in."""
    sb = shell_sandbox
    demo = sb.demo_users[0]
    w = start(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    assert w.gate.dialog.previous_version is None  # a brand-new PC: no changelog
    assert w.gate.dialog.findChild(QTextEdit, "policyChanges").isHidden()
    accept_first_launch(qtbot, w)
    settings = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert settings["last_seen_policy_version"] == current_version(sb)
    assert current_version(sb) not in acceptances(sb, demo["username"])

    opened: list[object] = []
    w.gate.accepted.connect(opened.append)
    sign_in(qtbot, w, demo["username"], demo["password"])
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert opened == [] and w.gate.dialog is None
    assert current_version(sb) in acceptances(sb, demo["username"])
    assert w.root.currentWidget() is w.workspace
    status = w.findChild(QLabel, "statusSession").text()
    assert "Signed in as" in status and "127.0.0.1" in status
    assert "TLS 1.3" in status or "TLS 1.2" in status


def test_changed_policy_after_sign_in_names_both_versions(shell_sandbox, tmp_path, qtbot,
                                                          open_windows):
    """A clerk who accepted an older version: "What changed" is formatted text naming
    the version and date they accepted; the acceptance is saved as the last seen."""
    sb = shell_sandbox
    demo = sb.demo_users[1]
    accepted = acceptances(sb, demo["username"])
    assert accepted and current_version(sb) not in accepted
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(
        {"last_seen_policy_version": current_version(sb)}))
    w = start(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    (config / "settings.json").write_text("{}")  # only this sign-in's acceptance brings it back
    sign_in(qtbot, w, demo["username"], demo["password"])
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    dlg = w.gate.dialog
    qtbot.waitExposed(dlg)
    changes = dlg.findChild(QTextEdit, "policyChanges")
    text = changes.toPlainText()
    assert f"Changes since version {accepted[0]}, which you accepted on" in text
    assert current_version(sb) in text
    assert "Added:" in text and "Removed:" in text
    assert "**" not in text and "##" not in text and "− -" not in text
    assert changes.verticalScrollBar().value() == 0
    assert dlg.focusWidget() is changes  # the text, not the tab bar
    qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    settings = json.loads((config / "settings.json").read_text())
    assert settings["last_seen_policy_version"] == current_version(sb)


def test_second_launch_skips_first_launch_dialog(shell_sandbox, tmp_path, qtbot, open_windows):
    w = start(shell_sandbox, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    w.abandon()
    w2 = start(shell_sandbox, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w2.state == "signed_out", timeout=WAIT_MS)
    assert w2.gate.dialog is None and not w2.gate.is_open


@pytest.mark.parametrize("how", ["decline", "escape", "close"])
def test_declining_the_gate_after_sign_in_signs_out(shell_sandbox, tmp_path, qtbot, open_windows,
                                                    how):
    sb = shell_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    token = w.session.client.token
    assert token
    # The session announces a policy change (as it does on a new X-Policy-Version);
    # publishing for real is covered below with a private sandbox.
    w.session.policy_acceptance_required.emit("2099-01-01")
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    dlg = w.gate.dialog
    if how == "decline":
        qtbot.mouseClick(dlg.decline_button, Qt.MouseButton.LeftButton)
    elif how == "escape":
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    else:
        dlg.close()
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert "declined" in w.login.error.text()
    assert token_answers(sb, token) == 401
    assert w.session._store.load(w.session.origin) is None


def test_policy_published_mid_session_then_decline(tmp_path, qtbot, open_windows):
    with private_sandbox("--rate-limit", "0") as sb:
        w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
        token = w.session.client.token
        body = tmp_path / "p.md"
        body.write_text("# Policy\n\nA brand new rule.\n")
        sb.cli("publish-policy", "--version", "2026-12-01", "--title", "New policy",
               "--summary", "A new rule.", "--body-file", str(body))
        # The next call the user makes notices the change.
        w.show_policy()
        qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
        assert "brand new rule" in w.gate.dialog.text.toPlainText()
        qtbot.keyClick(w.gate.dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
        assert token_answers(sb, token) == 401
        assert w.session._store.load(w.session.origin) is None
        assert "2026-12-01" not in acceptances(sb, user.username)


def test_policy_published_mid_session_then_accept_keeps_work(tmp_path, qtbot, open_windows):
    with private_sandbox("--rate-limit", "0") as sb:
        w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
        w.show_screen("account")
        body = tmp_path / "p.md"
        body.write_text("# Policy\n\nAnother rule.\n")
        sb.cli("publish-policy", "--version", "2026-12-02", "--title", "T", "--summary", "S",
               "--body-file", str(body))
        w.show_policy()
        qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.gate.dialog is None, timeout=WAIT_MS)
        assert w.state == "working"
        assert w.screen_stack.currentWidget() is w.screens["account"]
        assert "2026-12-02" in acceptances(sb, user.username)
        # Saved as the last seen version: the next start does not ask again.
        settings = json.loads((tmp_path / "config" / "settings.json").read_text())
        assert settings["last_seen_policy_version"] == "2026-12-02"


def test_idle_lock_hides_content_and_unlocks(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    # Something the user typed on the claims screen (until the real form lands).
    typed = QLineEdit(w.screens["claims"])
    typed.setText("half-typed claim number")
    w.idle.stop()
    w.idle._timer.setInterval(50)
    w.idle.set_timeout(1.0, 0.5)
    w.idle.start()
    qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    assert w.root.currentWidget() is w.lock
    assert not w.screens["claims"].isVisible() and not w.workspace.isVisible()
    lock_pw = w.findChild(QLineEdit, "unlockPassword")
    lock_pw.setText("not the password at all")
    qtbot.mouseClick(w.findChild(QAbstractButton, "unlockButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not right" in w.lock.error.text(), timeout=WAIT_MS)
    assert w.state == "locked"
    w.idle.set_timeout(600.0)
    lock_pw.setText(user.password)
    qtbot.mouseClick(w.findChild(QAbstractButton, "unlockButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert w.workspace.isVisible()
    assert typed.text() == "half-typed claim number"


def test_too_many_wrong_unlocks_sign_out(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    w.lock_now()
    for _ in range(5):
        w.lock.password.setText("wrong password, really wrong")
        qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.lock.unlock.isEnabled() or w.state == "signed_out",
                        timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert w.session._store.load(w.session.origin) is None


def test_sign_out_button_revokes_and_deletes_token(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    token = w.session.client.token
    assert token and token_answers(sb, token) == 200
    if w.session.token_persistent:
        assert w.session._store.load(w.session.origin) == token
    qtbot.mouseClick(w.findChild(QAbstractButton, "signOutButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert token_answers(sb, token) == 401
    assert w.session._store.load(w.session.origin) is None
    assert w.login.username.text() == user.username  # this launch only, never on disk
    assert user.username not in (tmp_path / "config" / "settings.json").read_text()


def test_quit_revokes_the_session(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    w, _user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    token = w.session.client.token
    with qtbot.waitSignal(w.closed, timeout=WAIT_MS):
        w.act_quit.trigger()
    assert token_answers(sb, token) == 401
    assert w.session._store.load(w.session.origin) is None


def test_sign_in_errors_in_plain_words(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    user = register(sb)
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, "definitely the wrong password")
    qtbot.waitUntil(lambda: w.login.error.isVisible() and w.login.sign_in.isEnabled(),
                    timeout=WAIT_MS)
    assert "username or password is not right" in w.login.error.text()
    assert w.login.username.text() == user.username
    for _ in range(5):
        sign_in(qtbot, w, user.username, "definitely the wrong password")
        qtbot.waitUntil(lambda: w.login.sign_in.isEnabled(), timeout=WAIT_MS)
    assert "locked" in w.login.error.text() and "minutes" in w.login.error.text()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_portal_down(tmp_path, qtbot, open_windows, shell_sandbox):
    url = f"https://127.0.0.1:{_closed_port()}/api/v1"
    w = launch(["--portal-url", url, "--ca-bundle", shell_sandbox.ca_bundle,
                "--config-dir", str(tmp_path / "c")])
    open_windows.append(w)
    qtbot.waitUntil(lambda: w.login.error.isVisible(), timeout=WAIT_MS)
    assert "cannot be reached" in w.login.error.text()
    sign_in(qtbot, w, "someone", "some password that is long")
    qtbot.waitUntil(lambda: w.login.sign_in.isEnabled(), timeout=WAIT_MS)
    assert "cannot be reached" in w.login.error.text()
    # Nothing says the password was wrong: what was typed stays for the next try.
    assert w.login.username.text() == "someone"
    assert w.login.password.text() == "some password that is long"
    status = w.status_label.text()
    assert "certificate verified" not in status and "cannot be reached" in status
    w.show_support()  # never fetched on this PC: a box that says so, not nothing
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "supportDialog") is not None,
                    timeout=WAIT_MS)
    assert "cannot be reached" in w.findChild(QMessageBox, "supportDialog").text()


def test_untrusted_certificate(shell_sandbox, tmp_path, qtbot, open_windows):
    w = start(shell_sandbox, tmp_path, qtbot, open_windows, ca=False)
    qtbot.waitUntil(lambda: w.login.error.isVisible(), timeout=WAIT_MS)
    text = w.login.error.text()
    assert "IT" in text and "certificate" in text


def test_session_expired_mid_session_asks_for_password(tmp_path, qtbot, open_windows):
    with private_sandbox("--rate-limit", "0", "--idle-timeout-s", "2") as sb:
        w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
        # The screens' first calls after sign-in (code tables, the worklist count) touch
        # the session: under load they land late and keep it alive past a fixed wait, so
        # the idle lifetime is counted from the last call the window made.
        qtbot.waitUntil(lambda: w.runner.active == 0, timeout=WAIT_MS)
        qtbot.wait(2500)  # let the portal's idle lifetime run out
        assert w.runner.active == 0
        w.show_policy()  # any authenticated call
        qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
        assert "session" in w.lock.reason.text().lower()
        w.lock.password.setText(user.password)
        qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)


def test_every_widget_is_named_and_plain(shell_sandbox, tmp_path, qtbot, open_windows):
    sb = shell_sandbox
    user = register(sb)
    w = start(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    problems = walk_problems(w.gate.dialog)
    accept_first_launch(qtbot, w)
    problems += walk_problems(w)
    sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    problems += walk_problems(w)
    w.lock_now()
    problems += walk_problems(w)
    assert w.windowTitle() == "Claims Desktop"
    assert problems == [], "\n".join(problems)
    app = QApplication.instance()
    assert app is not None


def test_lock_hides_open_dialogs_and_brings_them_back(shell_sandbox, tmp_path, qtbot,
                                                      open_windows):
    from PySide6.QtWidgets import QMessageBox

    sb = shell_sandbox
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    w.show_support()
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "supportDialog") is not None,
                    timeout=WAIT_MS)
    box = w.findChild(QMessageBox, "supportDialog")
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    w.lock_now()
    assert not box.isVisible()
    w.lock.password.setText(user.password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert box.isVisible()


def _accessible_objects(root) -> list[object]:
    """Every object a screen reader can reach from the window, walking the tree."""
    found, todo = [], [QAccessible.queryAccessibleInterface(root)]
    while todo:
        face = todo.pop()
        if face is None or not face.isValid():
            continue
        found.append(face.object())
        todo.extend(face.child(i) for i in range(face.childCount()))
    return found


def test_locked_workspace_is_out_of_the_accessibility_tree(shell_sandbox, tmp_path, qtbot,
                                                           open_windows):
    w, user = fresh_user_signed_in(shell_sandbox, tmp_path, qtbot, open_windows)
    table = w.findChild(QWidget, "claimsTable")
    assert table is not None and table in _accessible_objects(w)
    w.lock_now()
    reachable = _accessible_objects(w)
    assert w.lock in reachable
    assert not any(o is w.workspace or (isinstance(o, QWidget) and
                                        w.workspace.isAncestorOf(o)) for o in reachable)
    w.lock.password.setText(user.password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert table in _accessible_objects(w) and table.window() is w


def test_geometry_and_last_screen_survive_a_restart(shell_sandbox, tmp_path, qtbot,
                                                    open_windows):
    w, user = fresh_user_signed_in(shell_sandbox, tmp_path, qtbot, open_windows)
    for key in w.screens:  # every screen fits a 1024x600 screen with a task bar and frame
        w.show_screen(key)
        hint = w.minimumSizeHint()
        assert hint.width() <= 1024 - 16 and hint.height() <= 600 - 40 - 48, (key, hint)
        assert MINIMUM.width() >= hint.width(), key  # the window is not squeezed below it
    w.show_screen("account")
    room = w.screen().availableGeometry()
    wanted = QRect(room.left() + 6, room.top() + 40, w.minimumWidth(), w.minimumHeight())
    w.setGeometry(wanted)
    qtbot.waitUntil(lambda: w.geometry() == wanted, timeout=WAIT_MS)
    w.abandon()
    w2 = start(shell_sandbox, tmp_path, qtbot, open_windows)
    # Before showing, Qt guesses the frame's margins: a few pixels either way.
    got = w2.geometry()
    assert abs(got.left() - wanted.left()) <= 8 and abs(got.top() - wanted.top()) <= 8
    assert got.size() == wanted.size()
    qtbot.waitUntil(lambda: w2.state == "signed_out", timeout=WAIT_MS)
    sign_in(qtbot, w2, user.username, user.password)
    qtbot.waitUntil(lambda: w2.state == "working", timeout=WAIT_MS)
    assert w2.workspace.current_key == "account"
    assert w2.screen_stack.currentWidget() is w2.screens["account"]


def test_first_run_without_a_keyring_waits_off_the_gui_thread(shell_sandbox, tmp_path, qtbot,
                                                               open_windows, monkeypatch):
    """No ready keyring: the system's prompt (here a 3 s wait) holds up only a worker,
    the window keeps painting, and the memory-only notice is in plain words."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    import desktop.app
    from desktop.tokenstore import NOTICE_TIMEOUT, LazyTokenStore, MemoryTokenStore

    probed_on: list[threading.Thread] = []

    def slow_keyring(_timeout_s: float) -> MemoryTokenStore:
        probed_on.append(threading.current_thread())
        time.sleep(3.0)  # the unlock prompt nobody answers
        return MemoryTokenStore(notice=NOTICE_TIMEOUT)

    monkeypatch.setattr(desktop.app, "LazyTokenStore",
                        lambda: LazyTokenStore(opener=slow_keyring))
    user = register(shell_sandbox)
    w = start(shell_sandbox, tmp_path, qtbot, open_windows)
    ticks: list[float] = []
    timer = QTimer(w)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    timer.stop()
    assert probed_on and threading.main_thread() not in probed_on
    gaps = [b - a for a, b in pairwise(ticks)]
    assert gaps and max(gaps) < 1.5, max(gaps)  # never frozen for the 3 s probe
    banner = w.banner.text()
    assert w.banner.isVisible() and "sign in again each time" in banner
    assert "credential store" not in banner and "keyring" not in banner


def test_options_keep_a_shorter_idle_lock_for_the_next_start(tmp_path, qtbot, open_windows,
                                                             shell_sandbox):
    url = f"https://127.0.0.1:{_closed_port()}/api/v1"
    args = ["--portal-url", url, "--ca-bundle", shell_sandbox.ca_bundle,
            "--config-dir", str(tmp_path / "c")]
    w = launch(args)
    open_windows.append(w)
    assert w.idle.timeout_s == 15 * 60
    w.help.preferences()
    dialog = w.help.options_dialog
    assert dialog is not None and dialog.idle.maximum() == 15  # never longer than allowed
    dialog.idle.setValue(5)
    dialog.accept()
    assert w.idle.timeout_s == 5 * 60
    settings = json.loads((tmp_path / "c" / "settings.json").read_text())
    assert settings["idle_lock_minutes"] == 5
    w.abandon()
    w2 = launch(args)
    open_windows.append(w2)
    assert w2.idle.timeout_s == 5 * 60
