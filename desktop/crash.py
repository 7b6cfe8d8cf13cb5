"""One handler for everything unexpected: Python exceptions on any thread and Qt messages.

It logs the exception type and the code locations only: an exception's text
can carry patient data (a `KeyError('Testington')`), so the message itself is
logged only for the project's own `PortalError`, whose `user_message` is known
to be safe. The user sees a generic sentence with the request id when there
is one, and the application keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler

log = logging.getLogger("desktop.crash")

Notifier = Callable[[str], None]
QtHandler = Callable[[QtMsgType, QMessageLogContext, str], object]


def safe_summary(exc: BaseException) -> tuple[str, str | None]:
    """The text to log and the request id, without the exception's own message."""
    request_id = getattr(exc, "request_id", None)
    user_message = getattr(exc, "user_message", None)
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    if isinstance(user_message, str):
        return f"{name}: {user_message}", request_id if isinstance(request_id, str) else None
    return name, request_id if isinstance(request_id, str) else None


def safe_traceback(tb: TracebackType | None) -> str:
    """File, line and function of each frame; no locals, no source text, no message."""
    frames = traceback.extract_tb(tb)
    return "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames)


def user_text(request_id: str | None) -> str:
    text = ("Something went wrong inside Claims Desktop. Your work on screen is kept; "
            "please try again. If it keeps happening, contact your IT support")
    if request_id:
        return text + f" and quote reference {request_id}."
    return text + "."


class _Bridge(QObject):
    """Carries a report from any thread to the GUI thread."""

    report = Signal(str)


class CrashHandler:
    def __init__(self, notify: Notifier | None = None) -> None:
        self._bridge = _Bridge()
        self._notify = notify
        if notify is not None:
            self._bridge.report.connect(notify)
        self._installed = False
        self._prev_excepthook = sys.excepthook
        self._prev_thread_hook = threading.excepthook
        self.count = 0
        self._prev_qt: QtHandler | None = None

    def install(self) -> None:
        sys.excepthook = self.handle_exception
        threading.excepthook = self._thread_hook
        # Chain to the handler that was there (pytest-qt's in tests), so nothing is lost.
        self._prev_qt = qInstallMessageHandler(self._qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            sys.excepthook = self._prev_excepthook
            threading.excepthook = self._prev_thread_hook
            qInstallMessageHandler(self._prev_qt)
            self._installed = False

    def handle_exception(self, exc_type: type[BaseException], exc: BaseException,
                         tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._prev_excepthook(exc_type, exc, tb)
            return
        self.count += 1
        summary, request_id = safe_summary(exc)
        log.error("unhandled exception %s (request %s)\n%s", summary, request_id or "-",
                  safe_traceback(tb))
        if self._notify is not None:
            self._bridge.report.emit(user_text(request_id))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def _qt_message(self, mode: QtMsgType, context: QMessageLogContext, text: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(mode, logging.WARNING)
        # Qt's own diagnostics do not carry user data; cap them anyway.
        log.log(level, "qt: %s", text[:300])
        if self._prev_qt is not None:
            self._prev_qt(mode, context, text)
