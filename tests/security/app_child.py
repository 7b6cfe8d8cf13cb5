"""Claims Desktop's own `main()` in a process of its own, watched from outside.

    python -m tests.security.app_child [--sign-in USER PASSWORD] -- DESKTOP-ARGUMENTS

Runs `desktop.app.main` unchanged (its logging, crash handler and OS session handling
included); the only addition is an observer on the window `launch` returns, which prints
one line whenever the shell's state or the visible page changes:

    state=<ShellState> page=<objectName> screens=<how many workspace screens exist>

and, with `--sign-in`, accepts the privacy policy and signs in through the real sign-in
screen (typing and clicking, like a clerk). The parent test kills this process with
SIGKILL or SIGTERM and starts it again to see what the next start shows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

import desktop.app as app_module
from desktop.ui.shell.main_window import MainWindow, ShellState

POLL_MS = 20


class Observer:
    """Polls the window (no hooks in the product): prints changes, signs in if asked."""

    def __init__(self, window: MainWindow, credentials: tuple[str, str] | None) -> None:
        self.window = window
        self.credentials = credentials
        self.last = ""
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)

    def poll(self) -> None:
        w = self.window
        if w.gate.dialog is not None and w.gate.dialog.isVisible():
            w.gate.dialog.accept_button.click()
        if (self.credentials is not None and w.state == ShellState.SIGNED_OUT
                and w.root.currentWidget() is w.login and w.login.sign_in.isEnabled()):
            username, password = self.credentials
            self.credentials = None
            w.login.username.setText(username)
            w.login.password.setText(password)
            w.login.sign_in.click()
        page = w.root.currentWidget().objectName()
        line = f"state={w.state} page={page} screens={len(w.screens)}"
        if line != self.last:
            self.last = line
            print(line, flush=True)


def run(argv: Sequence[str]) -> int:
    args = list(argv)
    credentials = None
    if args[:1] == ["--sign-in"]:
        credentials = (args[1], args[2])
        args = args[3:]
    if args[:1] == ["--"]:
        args = args[1:]
    original = app_module.launch
    observers: list[Observer] = []

    def launch(launch_args: Sequence[str]) -> QMainWindow:
        window = original(launch_args)
        assert isinstance(window, MainWindow)
        observers.append(Observer(window, credentials))
        return window

    app_module.launch = launch  # type: ignore[assignment]
    code = app_module.main(args)
    print(f"exit={code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
