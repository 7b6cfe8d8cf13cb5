"""The operating system ending the session: signals, Qt's session manager, Windows.

A logout, a shutdown or `kill` must run the normal sign-out (revoke on the portal,
delete the keyring entry, drop claim data) instead of leaving a live token behind for the
next person at the keyboard. Three doors lead here:

* SIGTERM, SIGHUP, SIGINT (POSIX). A Python signal handler only runs when the
  interpreter gets control, which it does not while Qt's event loop waits in C. So the
  C-level handler writes the signal number to the write end of a non-blocking pipe
  (`signal.set_wakeup_fd`), a `QSocketNotifier` on the read end wakes the event loop,
  and the slot reads which signal came. (A pipe rather than a socket pair: ui/ opens
  no sockets, tests/unit/test_layering.py.)
* `QGuiApplication.commitDataRequest`: the desktop's session manager (XSMP on X11) asks
  before logging out. When it allows interaction, unsaved edits are asked about (and the
  logout may be cancelled); otherwise they are noted for the next start.
* Windows: Qt's platform plugin turns `WM_QUERYENDSESSION` into the same
  `commitDataRequest`, and `WM_ENDSESSION` into quitting, so the same handler runs there.
  This wiring is not exercised by the Linux test suite.

`OsSessionEnd` only detects; `MainWindow.end_os_session` does the sign-out, bounded by
its quit timer, like Quit.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

from desktop.ui.common.i18n import translate

log = logging.getLogger(__name__)


class EndReason(StrEnum):
    """Why the OS is ending the session (logged; never shown with anything personal)."""

    SIGTERM = "SIGTERM"
    SIGHUP = "SIGHUP"
    SIGINT = "SIGINT"
    LOGOUT = "logout"


SIGNALS: dict[int, EndReason] = {
    int(getattr(signal, reason.value)): reason
    for reason in (EndReason.SIGTERM, EndReason.SIGHUP, EndReason.SIGINT)
    if hasattr(signal, reason.value)
}


class SessionManagerLike(Protocol):
    """The part of `QSessionManager` used here (tests give a stand-in)."""

    def allowsInteraction(self) -> bool: ...

    def cancel(self) -> None: ...


#: (manager) -> True to go on with the logout, False when the user chose to stay.
CommitHandler = Callable[[SessionManagerLike], bool]


def unsaved_note_text(note: str | None) -> str:
    """What to say at the next start about edits a logout or shutdown lost."""
    if not note:
        return ""
    return translate("MainWindow", "When the computer last ended your session (sign-out, "
                     "shutdown), changes on these screens were not saved: {screens}.").format(
        screens=note)


class OsSessionEnd(QObject):
    """Turns the OS's ways of ending the session into one `ending` signal on the GUI
    thread, and gives `commitDataRequest` to a handler that may ask the user."""

    ending = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: int | None = None
        self._writer: int | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous: dict[int, object] = {}
        self._previous_fd = -1
        self._commit: CommitHandler | None = None
        self._app: QGuiApplication | None = None

    @property
    def installed(self) -> bool:
        return self._notifier is not None

    def install(self, commit: CommitHandler | None = None) -> None:
        """Take over SIGTERM, SIGHUP and SIGINT; connect the session manager."""
        self._commit = commit
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._app is None:
            app.commitDataRequest.connect(self._commit_data)
            self._app = app
        if sys.platform == "win32" or self._notifier is not None:
            return  # no POSIX signals to wake Qt for; Qt's own messages cover Windows
        self._reader, self._writer = os.pipe()
        for fd in (self._reader, self._writer):
            os.set_blocking(fd, False)
        self._previous_fd = signal.set_wakeup_fd(self._writer)
        for number in SIGNALS:
            self._previous[number] = signal.signal(number, self._on_signal)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def uninstall(self) -> None:
        """Give the signals back (tests; the app keeps them until it exits)."""
        if self._app is not None:
            self._app.commitDataRequest.disconnect(self._commit_data)
            self._app = None
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier = None
        for number, previous in self._previous.items():
            signal.signal(number, previous)  # type: ignore[arg-type]
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        for fd in (self._reader, self._writer):
            if fd is not None:
                os.close(fd)
        self._reader = self._writer = None

    @staticmethod
    def _on_signal(_number: int, _frame: object) -> None:
        """Runs in Python's main loop; the wakeup byte already carries the number."""

    def _woken(self) -> None:
        assert self._reader is not None
        try:
            data = os.read(self._reader, 64)
        except BlockingIOError:
            return
        for number in data:
            reason = SIGNALS.get(number)
            if reason is not None:
                log.info("the system asked to end the session (%s)", reason)
                self.ending.emit(str(reason))

    def commit_data(self, manager: SessionManagerLike) -> None:
        """The session manager is logging out (also Windows' WM_QUERYENDSESSION)."""
        if self._commit is not None and not self._commit(manager):
            manager.cancel()  # the user chose to stay and save first
            return
        log.info("the system asked to end the session (%s)", EndReason.LOGOUT)
        self.ending.emit(str(EndReason.LOGOUT))

    def _commit_data(self, manager: SessionManagerLike) -> None:
        self.commit_data(manager)
