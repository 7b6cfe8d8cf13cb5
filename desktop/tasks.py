"""Run blocking work (portal and keyring calls) off the GUI thread.

Every network or keyring call of the UI goes through a `TaskRunner` so that the
GUI thread never waits on I/O. Results and errors come back on the GUI thread
through a queued signal. A task whose owner widget has been destroyed, or that
was cancelled, delivers nothing: a late answer for a closed screen is dropped.

Tests swap in `SyncTaskRunner`, which runs the call at once on the calling
thread, so widget tests stay deterministic without a thread pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from desktop.crash import safe_summary, safe_traceback

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], object]
ErrorCallback = Callable[[BaseException], object]

#: A wait shorter than this shows no busy indicator (avoids flicker on fast answers).
BUSY_DELAY_MS = 300


class TaskHandle:
    """Lets the caller drop a pending task's result (e.g. the screen was left)."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class Runner(Protocol):
    """What screens depend on: the real pool or the synchronous test runner."""

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle: ...


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to it."""

    finished = Signal(bool, object)

    def __init__(
        self,
        handle: TaskHandle,
        on_done: ResultCallback | None,
        on_error: ErrorCallback | None,
        report: Callable[[BaseException], None],
        done: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._handle = handle
        self._on_done = on_done
        self._on_error = on_error
        self._report = report
        self._done = done
        self.finished.connect(self._deliver)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self._handle.finished = True
        try:
            if self._handle.cancelled:
                return
            if ok:
                if self._on_done is not None:
                    self._on_done(value)
            elif isinstance(value, BaseException):
                if self._on_error is not None:
                    self._on_error(value)
                else:
                    self._report(value)
        finally:
            self._done(self)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread's handler
            self._deliver(False, exc)
        else:
            self._deliver(True, result)

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            self._relay.finished.emit(ok, value)
        except RuntimeError:
            # The application is shutting down and the relay is gone: nobody to tell.
            log.debug("task finished after its receiver was deleted")


def _log_unhandled(exc: BaseException) -> None:
    # Type and code locations only: an exception's text can carry patient data.
    summary, request_id = safe_summary(exc)
    log.error("background task failed: %s (request %s)\n%s", summary, request_id or "-",
              safe_traceback(exc.__traceback__))


class TaskRunner(QObject):
    """QThreadPool-backed runner with a delayed busy signal."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        pool: QThreadPool | None = None,
        report_unhandled: Callable[[BaseException], None] = _log_unhandled,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._report = report_unhandled
        self._relays: set[_Relay] = set()
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

    @property
    def active(self) -> int:
        return len(self._relays)

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        handle = TaskHandle()
        relay = _Relay(handle, on_done, on_error, self._report, self._finished)
        self._relays.add(relay)
        if owner is not None:
            owner.destroyed.connect(handle.cancel)
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        self._pool.start(_Job(fn, args, relay))
        return handle

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until the pool is empty (shutdown and tests only)."""
        return self._pool.waitForDone(timeout_ms)

    def _finished(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self._busy_timer.stop()
            if self._busy:
                self._busy = False
                self.busy_changed.emit(False)

    def _show_busy(self) -> None:
        if self._relays and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)


class SyncTaskRunner(QObject):
    """Runs the call immediately on the calling thread (unit and widget tests)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls: list[str] = []

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        handle = TaskHandle()
        self.calls.append(getattr(fn, "__name__", repr(fn)))
        try:
            result = fn(*args)
        except BaseException as exc:
            handle.finished = True
            if on_error is None:
                raise
            on_error(exc)
        else:
            handle.finished = True
            if on_done is not None:
                on_done(result)
        return handle
