"""Widget-level tests of the shell's pieces: text safety, policy dialog, idle lock, sign-in."""

from __future__ import annotations

import logging
import threading
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.crash import CrashHandler, safe_summary
from desktop.ui.common import links
from desktop.ui.common.text import plain, plain_label
from desktop.ui.shell.idle import IdleWatcher
from desktop.ui.shell.lock_screen import LockScreen
from desktop.ui.shell.login_screen import DemoUser, LoginScreen
from desktop.ui.shell.policy_dialog import AcceptanceRow, PolicyDialog


@dataclass
class P:
    version: str
    effective_at: str
    title: str
    body_markdown: str
    summary_of_changes: str


OLD = P("2026-05-01", "2026-05-01", "Policy", "# Policy\n\nWe keep data seven years.\n\nShared line.\n", "first")
NEW = P("2026-11-01", "2026-11-01", "Policy", "# Policy\n\nWe keep data six years.\n\nShared line.\n\n"
        "[HHS](https://www.hhs.gov/hipaa/)\n\n<b>raw html</b>\n", "Retention shortened.")


def test_plain_strips_bidi_controls_and_elides():
    assert plain("pay\u202e001\u200b\x00 ok") == "pay001 ok"
    assert plain("<b>x</b>") == "<b>x</b>"
    long = plain("x" * 10_000, 50)
    assert len(long) == 50 and long.endswith("…")
    assert plain("a\nb") == "a b"
    assert plain("a\nb", multiline=True) == "a\nb"
    assert plain("é\u0301 😀") == "é\u0301 😀"


def _kept(ch: str) -> bool:
    """The rule `plain` keeps to, one character at a time (the module docstring's)."""
    cat = unicodedata.category(ch)
    if ch == "\u00ad":
        return True  # a soft hyphen only shows where a word breaks
    return cat not in ("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp")


def test_plain_keeps_and_drops_every_character_by_the_rule():
    # Every code point, 256 at a time, so that the quick path (text with nothing to
    # take out) and the character-by-character one are both held to the same rule.
    for start in range(0, 0x110000, 256):
        chars = "".join(chr(cp) for cp in range(start, start + 256) if chr(cp) not in "\r\n\t")
        expected = "".join(ch for ch in chars if _kept(ch))
        assert plain(chars, 1000, multiline=True) == expected, hex(start)
    assert plain("a\r\nb\tc") == "a  b c"
    assert plain("a\r\nb\tc", multiline=True) == "a \nb\tc"
    assert plain("x" * 300) == "x" * 199 + "…"


def test_plain_label_never_rich(qtbot):
    label = plain_label("<img src=x><b>bold</b>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<img src=x><b>bold</b>"


def test_policy_dialog_shows_diff_and_gate_buttons(qtbot):
    dlg = PolicyDialog(NEW, previous=OLD, gate=True)
    qtbot.addWidget(dlg)
    assert dlg.objectName() == "policyDialog"
    text = dlg.findChild(object, "policyText")
    changes = dlg.findChild(object, "policyChanges")
    assert "six years" in text.toPlainText()
    assert "<b>" in text.toPlainText()  # raw HTML is shown literally, not rendered
    diff = changes.toPlainText()
    assert "Added:\nWe keep data six years." in diff  # formatted, not a diff of Markdown
    assert "Removed:\nWe keep data seven years." in diff
    assert "Retention shortened." in diff and "version 2026-05-01" in diff
    with qtbot.waitSignal(dlg.accept_requested) as blocker:
        qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["2026-11-01"]
    assert not dlg.accept_button.isEnabled()
    dlg.acceptance_failed("The portal could not be reached.")
    assert dlg.accept_button.isEnabled()
    assert dlg.error.text() == "The portal could not be reached."


def test_policy_dialog_escape_and_close_are_declines(qtbot):
    for how in ("esc", "close", "decline"):
        dlg = PolicyDialog(NEW, gate=True)
        qtbot.addWidget(dlg)
        dlg.open()
        accepted: list[str] = []
        dlg.accept_requested.connect(accepted.append)
        with qtbot.waitSignal(dlg.rejected):
            if how == "esc":
                qtbot.keyClick(dlg, Qt.Key.Key_Escape)
            elif how == "close":
                dlg.close()
            else:
                qtbot.mouseClick(dlg.decline_button, Qt.MouseButton.LeftButton)
        assert accepted == []
        assert dlg.result() == dlg.DialogCode.Rejected


def test_policy_view_mode_lists_acceptances(qtbot):
    dlg = PolicyDialog(NEW, gate=False, acceptances=[AcceptanceRow("2026-05-01", "2026-05-02T10:00:00Z", "R-1")])
    qtbot.addWidget(dlg)
    table = dlg.findChild(object, "policyHistory")
    assert table.item(0, 2).text() == "R-1"
    assert dlg.findChild(object, "policyAcceptButton") is None


def test_policy_links_ask_before_leaving(qtbot, monkeypatch):
    opened: list[QUrl] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open])
    monkeypatch.setattr(QMessageBox, "exec", lambda self: next(answers))
    assert not links.open_external(None, QUrl("https://www.hhs.gov/hipaa/"), opened.append)
    assert opened == []
    links.open_external(None, QUrl("https://www.hhs.gov/hipaa/"), lambda u: opened.append(u) or True)
    assert [u.host() for u in opened] == ["www.hhs.gov"]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    assert not links.open_external(None, QUrl("file:///etc/passwd"), opened.append)
    assert len(opened) == 1


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_watcher_warns_then_locks_and_input_resets(qtbot):
    clock = FakeClock()
    w = IdleWatcher(600, 120, clock=clock, tick_ms=10_000)
    w.start()
    warnings: list[int] = []
    locks: list[bool] = []
    w.warning.connect(warnings.append)
    w.locked.connect(lambda: locks.append(True))
    clock.now += 470
    w.check()
    assert warnings == [] and locks == []
    clock.now += 20
    w.check()
    assert warnings == [110]
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()
    qtbot.keyClick(label, Qt.Key.Key_A)  # any input resets the countdown
    clock.now += 500
    w.check()
    assert locks == []
    clock.now += 200
    w.check()
    assert locks == [True] and not w.active


def test_idle_watcher_ignores_clock_going_backwards(qtbot):
    clock = FakeClock()
    w = IdleWatcher(600, 120, clock=clock)
    w.start()
    locks: list[bool] = []
    w.locked.connect(lambda: locks.append(True))
    clock.now -= 10_000
    w.check()
    assert locks == [] and w.idle_for() == 0.0


def test_only_the_clerks_input_puts_the_lock_off(qtbot):
    # A key event the program sends itself is not a person at the keyboard; one from the
    # window system (as QTest's, which are marked spontaneous) is.
    clock = FakeClock()
    w = IdleWatcher(600, 120, clock=clock, tick_ms=10_000)
    w.start()
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()
    clock.now += 300
    QCoreApplication.sendEvent(label, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                Qt.KeyboardModifier.NoModifier, "a"))
    assert w.idle_for() == 300
    qtbot.keyClick(label, Qt.Key.Key_A)
    assert w.idle_for() == 0
    w.stop()


def test_lock_screen_unlock_flow(qtbot):
    lock = LockScreen()
    qtbot.addWidget(lock)
    lock.prepare("demo_user", "Locked after 15 minutes without use.")
    got: list[str] = []
    lock.unlock_requested.connect(got.append)
    qtbot.mouseClick(lock.unlock, Qt.MouseButton.LeftButton)
    assert got == [] and "Enter your password" in lock.error.text()
    qtbot.keyClicks(lock.password, "secret password 1")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert got == ["secret password 1"]
    assert not lock.unlock.isEnabled()
    lock.failed("That password is not right.")
    assert lock.password.text() == "" and lock.unlock.isEnabled()


def test_login_screen_submits_once_and_fills_demo_user(qtbot):
    screen = LoginScreen("127.0.0.1", [DemoUser("clerk.one", "demo-password-one", "Sandbox Family Medicine")])
    qtbot.addWidget(screen)
    got: list[tuple[str, str]] = []
    screen.sign_in_requested.connect(lambda u, p: got.append((u, p)))
    use = screen.findChild(object, "demoUse_clerk.one")
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.sign_in, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.sign_in, Qt.MouseButton.LeftButton)  # double click: one request
    assert got == [("clerk.one", "demo-password-one")]
    screen.show_error("Wrong username or password.")
    assert screen.error.text() == "Wrong username or password."
    assert screen.username.text() == "clerk.one" and screen.password.text() == ""


def test_crash_handler_logs_without_message_and_notifies(qtbot, caplog):
    notes: list[str] = []
    handler = CrashHandler(notify=notes.append)
    handler.install()
    try:
        with caplog.at_level(logging.ERROR, logger="desktop.crash"):
            try:
                raise KeyError("Testington-PATIENT-NAME")
            except KeyError as exc:
                handler.handle_exception(KeyError, exc, exc.__traceback__)

            def worker() -> None:
                raise ValueError("member ZZ123456789")

            t = threading.Thread(target=worker)
            t.start()
            t.join()
            qtbot.waitUntil(lambda: len(notes) == 2)
    finally:
        handler.uninstall()
    assert "Testington" not in caplog.text and "ZZ123456789" not in caplog.text
    assert "KeyError" in caplog.text and "ValueError" in caplog.text
    assert handler.count == 2
    assert "Something went wrong" in notes[0]


def test_safe_summary_keeps_request_id_but_no_text():
    class Oops(Exception):
        user_message = "The server says Testington is wrong."  # may be server text
        request_id = "abc123"

    summary, rid = safe_summary(Oops("secret"))
    assert "secret" not in summary and "Testington" not in summary and rid == "abc123"
    assert summary.endswith("Oops")
