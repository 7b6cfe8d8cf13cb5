"""Idle detection for the lock screen (HIPAA automatic logoff, 45 CFR 164.312(a)(2)(iii)).

Counts time since the last keyboard, mouse, wheel or touch input anywhere in the
application on a monotonic clock, so that changing the wall clock neither
locks early nor keeps the screen open. Emits `warning` once, `warn_before_s`
before the lock, and `locked` when the limit passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.ui.common.i18n import translate

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
    QEvent.Type.MouseButtonDblClick,
})


def minutes_text(n: int) -> str:
    """"1 minute", "15 minutes": spelled out until a catalogue gives the plural forms
    (without one, Qt would show "15 minute(s)")."""
    if n == 1:
        return translate("MainWindow", "1 minute")
    return translate("MainWindow", "%n minutes", None, n)


class IdleWatcher(QObject):
    warning = Signal(int)  # seconds left before the lock
    locked = Signal()

    def __init__(
        self,
        timeout_s: float,
        warn_before_s: float = 120.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_s = timeout_s
        self._warn_before_s = min(warn_before_s, timeout_s / 2)
        self._last_input = clock()
        self._warned = False
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    def set_timeout(self, timeout_s: float, warn_before_s: float = 120.0) -> None:
        self._timeout_s = timeout_s
        self._warn_before_s = min(warn_before_s, timeout_s / 2)

    def start(self) -> None:
        """Begin watching (after sign-in or unlock)."""
        if not self._active:
            # Only while watching: an application-wide filter turns every event (paints,
            # timers, child events: thousands while a screen is built) into a Python call,
            # and before sign-in there is nothing to lock.
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        self._active = True
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        if self._active:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def touch(self) -> None:
        self._last_input = self._clock()
        self._warned = False

    def idle_for(self) -> float:
        now = self._clock()
        if now < self._last_input:
            # A clock that went backwards (it should not, being monotonic) restarts the
            # count from here: never an early lock, nor one put off by the size of the jump.
            self._last_input = now
        return now - self._last_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Input comes from the window system, so it is spontaneous; asking that first is
        # a third of the cost of asking the type (a Python enum made per call) of each of
        # the thousands of paint, layout and timer events a screen or dialog brings.
        if event.spontaneous() and event.type() in _INPUT_EVENTS and self._active:
            self.touch()
        return False

    def check(self) -> None:
        if not self._active:
            return
        idle = self.idle_for()
        if idle >= self._timeout_s:
            self.stop()
            self.locked.emit()
        elif not self._warned and idle >= self._timeout_s - self._warn_before_s:
            self._warned = True
            self.warning.emit(round(self._timeout_s - idle))
