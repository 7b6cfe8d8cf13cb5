"""Issue 8, item 5: the unexpected ends in the one handler, safely, and the app goes on.

An exception in a slot on the GUI thread, one in a task's result callback, one
on a plain worker thread and a Qt warning, each carrying a sentinel in its
message, are raised inside the real running application (signed in to a private
sandbox). Each must be logged without the sentinel, tell the user through the
real notice (`desktop.app.notify_user`, a plain-text message box), and leave the
application usable: a search afterwards still lists claims.

pytest-qt's own capture of exceptions in Qt slots is turned off here
(`qt_no_exception_capture`), so that the handler under test is the one that sees them.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer, qWarning
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from desktop.app import launch, notify_user
from desktop.crash import CrashHandler, safe_qt_text, user_text
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import private_sandbox
from tests.ui.shell_helpers import close_window

pytestmark = [pytest.mark.e2e, pytest.mark.qt_no_exception_capture]

WAIT_MS = 30_000
SENTINEL = "Crashova-Sentinel-ZZ778899"


@pytest.fixture(scope="module")
def crash_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=300) as sb:
        yield sb


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Message boxes the user was shown (QMessageBox.exec recorded, answered at once)."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture
def handler() -> Iterator[CrashHandler]:
    crash = CrashHandler(notify=notify_user)
    crash.install()
    try:
        yield crash
    finally:
        crash.uninstall()


@pytest.fixture
def window(crash_sandbox, tmp_path, qtbot) -> Iterator[MainWindow]:
    sb = crash_sandbox
    w = launch(["--portal-url", sb.url, "--ca-bundle", sb.ca_bundle, "--config-dir",
                str(tmp_path / "config")])
    assert isinstance(w, MainWindow)
    try:
        qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out",
                        timeout=WAIT_MS)
        demo = sb.demo_users[0]
        w.login.username.setText(demo["username"])
        w.login.password.setText(demo["password"])
        qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working",
                        timeout=WAIT_MS)
        if w.gate.dialog is not None:
            qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
        yield w
    finally:
        close_window(w)


def search_lists_claims(qtbot, w: MainWindow) -> int:
    """Press Search on the claims screen and wait for the new first page."""
    screen = w.screens["claims"]
    assert isinstance(screen, ClaimsScreen)
    qtbot.mouseClick(w.findChild(QAbstractButton, "navClaims"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.model.modelReset, timeout=WAIT_MS,
                          check_params_cb=lambda *a: screen.model.searched):
        qtbot.mouseClick(screen.findChild(QAbstractButton, "searchButton"),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.searching, timeout=WAIT_MS)
    assert screen.model.error is None
    return screen.model.rowCount()


def raise_in_gui_slot() -> None:
    def boom() -> None:
        raise KeyError(f"patient {SENTINEL}")

    QTimer.singleShot(0, boom)


def raise_in_task_callback(w: MainWindow) -> None:
    def done(_value: object) -> None:
        raise ValueError(f"member {SENTINEL}")

    w.runner.run(lambda: 1, on_done=done, owner=w)


def raise_on_worker_thread() -> None:
    def work() -> None:
        raise RuntimeError(f"tin {SENTINEL}")

    thread = threading.Thread(target=work, name="test-worker")
    thread.start()
    thread.join()


def qt_warning() -> None:
    qWarning(f"ClaimsScreen::refresh: could not show {SENTINEL}")


CASES = {
    "gui slot": lambda w: raise_in_gui_slot(),
    "task callback": raise_in_task_callback,
    "worker thread": lambda w: raise_on_worker_thread(),
    "qt warning": lambda w: qt_warning(),
}


@pytest.mark.qt_log_ignore("ClaimsScreen::refresh")
@pytest.mark.parametrize("case", list(CASES))
def test_unexpected_failure_is_logged_safely_told_and_survived(case, window, handler, boxes,
                                                               qtbot, caplog):
    w = window
    assert search_lists_claims(qtbot, w) > 0
    with caplog.at_level(logging.DEBUG, logger="desktop"):
        CASES[case](w)
        qtbot.waitUntil(lambda: len(boxes) == 1, timeout=WAIT_MS)
    assert handler.count == 1
    assert boxes == [user_text(None)]
    assert SENTINEL not in caplog.text
    assert SENTINEL not in boxes[0]
    crash_lines = [r for r in caplog.records if r.name == "desktop.crash"]
    assert crash_lines and crash_lines[0].levelno >= logging.WARNING
    # Still usable: the window is where it was, and a new search lists claims.
    assert w.state == "working" and w.isVisible()
    assert search_lists_claims(qtbot, w) > 0
    assert len(boxes) == 1


def test_a_failing_paint_loop_shows_one_box(qtbot, boxes):
    """The same failure over and over (a paint) shows one notice, not a box storm."""
    crash = CrashHandler(notify=notify_user, quiet_s=30.0)
    crash.install()
    try:
        for _ in range(5):
            raise_in_gui_slot()
        qtbot.waitUntil(lambda: crash.count == 5, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: crash.suppressed == 4, timeout=WAIT_MS)
    finally:
        crash.uninstall()
    assert len(boxes) == 1


def test_a_failure_while_the_notice_is_open_does_not_stack_boxes(qtbot):
    crash = CrashHandler()
    shown: list[str] = []

    def notify(text: str) -> None:
        shown.append(text)
        crash.handle_exception(KeyError, KeyError(SENTINEL), None)  # while "open"
        qtbot.wait(50)  # lets the queued second report arrive during the first notice

    crash._notify = notify
    crash.install()
    try:
        raise_on_worker_thread()
        qtbot.waitUntil(lambda: crash.suppressed >= 1, timeout=WAIT_MS)
    finally:
        crash.uninstall()
    assert len(shown) == 1


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_qt_platform_notices_are_logged_but_not_shown(qtbot, caplog):
    shown: list[str] = []
    crash = CrashHandler(notify=shown.append)
    crash.install()
    try:
        with caplog.at_level(logging.WARNING, logger="desktop.crash"):
            qWarning("This plugin does not support raise()")
        qtbot.wait(20)
    finally:
        crash.uninstall()
    assert shown == [] and crash.count == 0
    assert "qt default: This plugin does not support raise()" not in caplog.text
    assert "withheld" in caplog.text


def test_safe_qt_text_keeps_only_the_location():
    text = f"QWidget::setTabOrder: {SENTINEL}"
    assert safe_qt_text(text) == f"QWidget::setTabOrder: ({len(text)} characters withheld)"
    assert SENTINEL not in safe_qt_text(f"{SENTINEL}: QWidget::x")
    assert safe_qt_text("") == "(0 characters withheld)"


# --- every door, in a process of its own (issue 14) -------------------------------------

DOORS_CHILD = textwrap.dedent("""
    import logging, sys, threading, warnings
    from PySide6.QtCore import QCoreApplication, qWarning
    from desktop.crash import CrashHandler
    from desktop.portal.errors import ValidationFailed

    SENTINEL = sys.argv[1]
    # As desktop.app.main sets it up: the log is standard error.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QCoreApplication(sys.argv[:1])
    CrashHandler().install()
    warnings.simplefilter("always")

    class Holder:
        def __repr__(self):
            return f"Holder({SENTINEL})"

        def __del__(self):
            raise LookupError(f"in __del__ {SENTINEL}")

    def cleanup():
        try:
            yield 1
        finally:
            raise ArithmeticError(f"in generator cleanup {SENTINEL}")

    def worker():
        raise TimeoutError(f"on a thread {SENTINEL}")

    Holder()  # unraisablehook: __del__
    gen = cleanup(); next(gen); del gen  # unraisablehook: generator close
    warnings.warn(f"deprecated for {SENTINEL}", DeprecationWarning)  # showwarning
    warnings.warn(f"resource {SENTINEL}", ResourceWarning)
    t = threading.Thread(target=worker); t.start(); t.join()  # threading.excepthook
    qWarning(f"QWidget::show: {SENTINEL}")  # Qt message handler
    # The project's own error with the server's words as its user_message.
    try:
        raise ValidationFailed(user_message=f"The server says {SENTINEL} is wrong")
    except ValidationFailed as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    print("doors done", file=sys.stderr, flush=True)
    raise KeyError(f"at top level {SENTINEL}")  # sys.excepthook, for real
""")


def test_no_door_lets_phi_reach_stderr_or_the_log(tmp_path):
    """Every hook gets an exception or warning carrying a sentinel; stderr (where the log
    goes) names each by type and location and never holds the sentinel."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "always"}
    done = subprocess.run([sys.executable, "-c", DOORS_CHILD, SENTINEL], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    err = done.stderr
    assert "doors done" in err, err[-2000:]
    for kind in ("builtins.LookupError in a function object", "builtins.ArithmeticError",
                 "builtins.DeprecationWarning at", "builtins.ResourceWarning at",
                 "builtins.TimeoutError", "qt default: QWidget::show:",
                 "desktop.portal.errors.ValidationFailed", "builtins.KeyError"):
        assert kind in err, f"{kind!r} not logged:\n{err[-2000:]}"
    assert SENTINEL not in err
    assert SENTINEL not in done.stdout
