"""Driving the whole application in UI tests: launch, first-launch policy, sign-in, walk.

Shared by the end-to-end UI suites so that each drives the shell the same way.
Windows are closed by the `open_windows` fixture (tests/ui/conftest.py), not by
`qtbot.addWidget`: qtbot's
teardown would close a window with unsaved edits before it is marked as closing,
and the window would then ask (a modal exec that nothing answers).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from desktop.app import launch
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import User, register

WAIT_MS = 20_000


def close_window(w: MainWindow) -> None:
    """End a test's window without a server round trip and without leaving a token
    behind for the next test's window (same portal origin) to resume."""
    w.abandon()
    w.deleteLater()


def start(sb: Sandbox, tmp_path: Path, qtbot, windows: list[MainWindow],
          *extra: str, ca: bool = True) -> MainWindow:
    args = ["--portal-url", sb.url, "--config-dir", str(tmp_path / "config"), *extra]
    if ca:
        args += ["--ca-bundle", sb.ca_bundle]
    w = launch(args)
    assert isinstance(w, MainWindow)
    windows.append(w)
    return w


def accept_first_launch(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    dlg = w.gate.dialog
    assert dlg is not None and dlg.isVisible()
    qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out", timeout=WAIT_MS)


def submit_sign_in(qtbot, w: MainWindow, username: str, password: str) -> None:
    """Type and click; the caller waits for what it expects."""
    w.login.username.setText(username)
    w.login.password.setText(password)
    qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)


def wait_signed_in(qtbot, w: MainWindow) -> None:
    """Accept the policy gate if it shows, then wait for the workspace."""
    qtbot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working", timeout=WAIT_MS)
    if w.gate.dialog is not None:
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)


def sign_in_through_gate(qtbot, w: MainWindow, username: str, password: str) -> None:
    submit_sign_in(qtbot, w, username, password)
    wait_signed_in(qtbot, w)


def fresh_user_signed_in(sb: Sandbox, tmp_path: Path, qtbot,
                         windows: list[MainWindow]) -> tuple[MainWindow, User]:
    """A newly registered user, signed in through the first-launch policy: the window."""
    user = register(sb)
    w = start(sb, tmp_path, qtbot, windows)
    accept_first_launch(qtbot, w)
    submit_sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    return w, user


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QTextEdit)


def walk_problems(root: QWidget) -> list[str]:
    """Interactive widgets without objectName/accessible name; labels not plain text."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        cls = type(widget).__name__
        name = widget.objectName()
        # Field captions (labels with a buddy) are our own static text with a mnemonic.
        if (isinstance(widget, QLabel) and widget.buddy() is None
                and widget.textFormat() != Qt.TextFormat.PlainText):
            problems.append(f"label {name or widget.text()[:30]!r} is not plain text")
        if not isinstance(widget, INTERACTIVE) or name.startswith("qt_"):
            continue
        parent = widget.parentWidget()
        if parent is not None and type(parent).__name__ in ("QMessageBox", "QTabBar",
                                                            "QCalendarWidget"):
            continue
        if cls in ("QTableCornerButton", "QToolButton") and not name:
            continue  # Qt-internal buttons (table corner, tab scroll arrows)
        if not name:
            problems.append(f"{cls} without objectName")
        elif not widget.accessibleName() and not (isinstance(widget, QAbstractButton)
                                                  and widget.text()):
            problems.append(f"{cls} {name!r} without accessible name")
    return problems
