"""Qt-side measuring tools: a heartbeat that finds GUI-thread stalls, and waits that sleep.

Waits block in the event loop (no busy polling that would steal a core from the code
being measured on a two-core machine) and end as soon as a signal says the condition
may hold, so the time measured is not rounded up to a polling period.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

HEARTBEAT_MS = 10


class Heartbeat(QObject):
    """A 10 ms precise timer; the longest gap between two ticks, less 10 ms, is the stall.

    `stall_cpu_ms` is the GUI thread's own CPU time within that longest gap: close to the
    stall when the GUI thread was busy, small when it was waiting (for the GIL held by a
    worker, or for a core on a loaded machine).
    """

    def __init__(self, interval_ms: int = HEARTBEAT_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.longest_gap_ms = 0.0
        self.longest_gap_cpu_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.reset()
        self.ticks = 0
        self._timer.start()

    def reset(self) -> None:
        """Forget the gaps so far (a new phase starts) without stopping."""
        self.longest_gap_ms = 0.0
        self.longest_gap_cpu_ms = 0.0
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()

    def stop(self) -> float:
        """Stop, counting the gap up to now too; returns the longest stall in ms."""
        self._tick()
        self._timer.stop()
        return self.stall_ms

    @property
    def stall_ms(self) -> float:
        return round(max(0.0, self.longest_gap_ms - self.interval_ms), 2)

    @property
    def stall_cpu_ms(self) -> float:
        return round(self.longest_gap_cpu_ms, 2)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - self._last) * 1000.0
        if gap > self.longest_gap_ms:
            self.longest_gap_ms = gap
            self.longest_gap_cpu_ms = (cpu - self._last_cpu) * 1000.0
        self._last, self._last_cpu = now, cpu
        self.ticks += 1


class WaitTimeout(RuntimeError):
    pass


def wait_for(condition: Callable[[], bool], signals: Iterable[SignalInstance] = (),
             timeout_ms: int = 60_000, poll_ms: int = 0, what: str = "condition") -> None:
    """Run the event loop until `condition()` holds.

    The condition is checked whenever one of `signals` fires (a queued check, so the
    slot that emitted has finished), and every `poll_ms` if given.
    """
    if condition():
        return
    loop = QEventLoop()
    failed: list[bool] = []

    def check() -> None:
        if condition():
            loop.quit()

    def expired() -> None:
        failed.append(True)
        loop.quit()

    connections = [(s, s.connect(check, Qt.ConnectionType.QueuedConnection)) for s in signals]
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(expired)
    deadline.start(timeout_ms)
    poller: QTimer | None = None
    if poll_ms:
        poller = QTimer()
        poller.setTimerType(Qt.TimerType.PreciseTimer)
        poller.timeout.connect(check)
        poller.start(poll_ms)
    try:
        if not condition():
            loop.exec()
    finally:
        deadline.stop()
        if poller is not None:
            poller.stop()
        for signal, conn in connections:
            signal.disconnect(conn)
    if failed and not condition():
        raise WaitTimeout(f"timed out after {timeout_ms} ms waiting for {what}")


def settle(ms: int = 0) -> None:
    """Let the loop run queued work (and timers due within `ms`)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class PaintWatch(QObject):
    """Counts the paints of one widget that finished; `painted` fires after each.

    The event filter sees a paint event before the widget handles it; a 0 ms timer set
    there fires once the widget has painted and control is back in the loop. The time
    between the two is kept per paint (`durations_ms[n]` for the paint that `started`
    counted as n + 1): how long painting itself took.
    """

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.started = 0
        self.finished = 0
        self.durations_ms: list[float] = []
        self._began = 0.0
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self.started += 1
            self._began = time.perf_counter()
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.finished += 1
        self.durations_ms.append((time.perf_counter() - self._began) * 1000.0)
        self.painted.emit()

    def duration_of(self, index: int) -> float:
        return self.durations_ms[index] if 0 <= index < len(self.durations_ms) else float("nan")
