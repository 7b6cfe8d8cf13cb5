"""One handler for everything unexpected: Python exceptions on any thread and Qt messages.

It logs the exception type and the code locations only: an exception's text
can carry patient data (a `KeyError('Testington')`), so no message is logged,
not even a `PortalError`'s `user_message`, which may be the server's own words
(a 422's field message can quote what was typed). The request id, which the
client makes, is logged. The user sees a generic sentence with the request id
when there is one, and the application keeps running.

The same goes for the two doors Python opens besides `sys.excepthook`:
`sys.unraisablehook` (an exception in `__del__`, a generator's cleanup, a weakref
callback), whose default prints the exception's text and the object's repr to
stderr, and `warnings.showwarning`, which prints the warning's text (a
`DeprecationWarning` formatted with a value, a `ResourceWarning` naming a file).
Both are logged by type and location only; neither bothers the user, since the
work they report on is already over.

Qt messages get the same care: their free text can quote a file name, a
widget's text or whatever Python code passed to `qWarning`, so only the
category and the leading `Class::method:` location are logged. Qt's own
categorised chatter (`qt.qpa.*`, fonts, input methods) is logged only; a
warning or worse in the default category (an API misuse, a `qWarning` of
ours) also tells the user, like an exception, because something the clerk
relies on may not have happened.

Notices are delivered on the GUI thread through a queued connection (never
from inside the code that failed, which may be half-way through a paint),
never stack (one box at a time), and with `quiet_s` the same notice is not
repeated within that many seconds, so a failing paint cannot loop boxes.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

log = logging.getLogger("desktop.crash")

Notifier = Callable[[str], None]
QtHandler = Callable[[QtMsgType, QMessageLogContext, str], object]

#: Qt notices that are known to be harmless platform limits: logged, never shown.
HARMLESS_QT = ("This plugin does not support",)
_QT_LOCATION = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_~][A-Za-z0-9_]*)*(?:\(\))?:")


def type_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def safe_summary(exc: BaseException) -> tuple[str, str | None]:
    """The text to log and the request id: the type only, never a message (not even a
    `user_message`, which may be server text)."""
    request_id = getattr(exc, "request_id", None)
    return type_name(type(exc)), request_id if isinstance(request_id, str) else None


def safe_traceback(tb: TracebackType | None) -> str:
    """File, line and function of each frame; no locals, no source text, no message."""
    frames = traceback.extract_tb(tb)
    return "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames)


def safe_qt_text(text: str) -> str:
    """A Qt message's location prefix (`QWidget::setTabOrder:`) and its length, no text."""
    match = _QT_LOCATION.match(text)
    where = match.group(0) + " " if match and len(match.group(0)) <= 80 else ""
    return f"{where}({len(text)} characters withheld)"


def user_text(request_id: str | None) -> str:
    """The notice the user reads; two whole sentences, so a translator sees each in full."""
    if request_id:
        return QCoreApplication.translate(
            "CrashHandler",
            "Something went wrong inside Claims Desktop. Your work on screen is kept; "
            "please try again. If it keeps happening, contact your IT support and quote "
            "reference {request_id}.").format(request_id=request_id)
    return QCoreApplication.translate(
        "CrashHandler",
        "Something went wrong inside Claims Desktop. Your work on screen is kept; "
        "please try again. If it keeps happening, contact your IT support.")


class _Bridge(QObject):
    """Carries a report from any thread (or from inside Qt) to the GUI thread's event loop."""

    report = Signal(str)

    def __init__(self, deliver: Notifier) -> None:
        super().__init__()
        self._deliver = deliver
        self.report.connect(self._delivered, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _delivered(self, text: str) -> None:
        self._deliver(text)


class CrashHandler:
    def __init__(self, notify: Notifier | None = None, quiet_s: float = 0.0) -> None:
        self._bridge = _Bridge(self._deliver)
        self._notify = notify
        self._quiet_s = quiet_s
        self._showing = False
        self._last_shown: dict[str, float] = {}
        self._installed = False
        self._prev_excepthook = sys.excepthook
        self._prev_thread_hook = threading.excepthook
        self._prev_unraisable = sys.unraisablehook
        self._prev_showwarning = warnings.showwarning
        #: Unexpected events handled (exceptions, and Qt messages the user was told of).
        self.count = 0
        #: Notices not shown because one was open or the same one was shown just before.
        self.suppressed = 0
        self._prev_qt: QtHandler | None = None

    def install(self) -> None:
        self._prev_excepthook = sys.excepthook
        self._prev_thread_hook = threading.excepthook
        self._prev_unraisable = sys.unraisablehook
        self._prev_showwarning = warnings.showwarning
        sys.excepthook = self.handle_exception
        threading.excepthook = self._thread_hook
        sys.unraisablehook = self.handle_unraisable
        warnings.showwarning = self.show_warning
        # Chain to the handler that was there (pytest-qt's in tests), so nothing is lost.
        self._prev_qt = qInstallMessageHandler(self._qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            sys.excepthook = self._prev_excepthook
            threading.excepthook = self._prev_thread_hook
            sys.unraisablehook = self._prev_unraisable
            warnings.showwarning = self._prev_showwarning
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
        self._report(user_text(request_id))

    def handle_unraisable(self, args: UnraisableHookArgs) -> None:
        """An exception Python could not raise (in `__del__`, a generator's close): the
        exception's type, the type of the object it came from and the frames only; the
        default hook would print the text and the object's repr."""
        kind = args.exc_type if args.exc_type is not None else type(args.exc_value)
        source = type(args.object).__qualname__ if args.object is not None else "-"
        log.error("unraisable exception %s in a %s object\n%s", type_name(kind), source,
                  safe_traceback(args.exc_traceback))

    def show_warning(self, message: Warning | str, category: type[Warning], filename: str,
                     lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
        """A Python warning: its category and where it was raised, never its text."""
        del message, file, line  # the text (and the source line) may quote data
        log.warning("python warning %s at %s:%d", type_name(category), filename, lineno)

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
        category = str(context.category or "default")[:60]
        log.log(level, "qt %s: %s", category, safe_qt_text(text))
        told = level >= logging.ERROR or (
            level == logging.WARNING and category == "default"
            and not text.startswith(HARMLESS_QT))
        if told:
            self.count += 1
            self._report(user_text(None))
        if self._prev_qt is not None:
            self._prev_qt(mode, context, text)

    def _report(self, text: str) -> None:
        if self._notify is not None:
            self._bridge.report.emit(text)

    def _deliver(self, text: str) -> None:
        """On the GUI thread: show the notice unless one is open or it was just shown."""
        now = time.monotonic()
        last = self._last_shown.get(text)
        if self._notify is None or self._showing or (
                last is not None and now - last < self._quiet_s):
            self.suppressed += 1
            return
        self._showing = True
        try:
            self._notify(text)
        except Exception as exc:  # noqa: BLE001 - telling the user must not fail again
            log.error("could not show the error notice: %s", type(exc).__name__)
        finally:
            self._showing = False
            self._last_shown[text] = time.monotonic()
