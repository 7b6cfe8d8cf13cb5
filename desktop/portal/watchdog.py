"""One thread that fires every pending request deadline on time.

Each request used to start a `threading.Timer` of its own: a thread created, started
and joined per call. `Thread.start()` waits until the new thread has run, so under load
(the GUI thread holding the GIL, two cores shared) that alone cost the worker a
context switch or more on every search. Here one daemon thread, started at the first
deadline, sleeps until the earliest pending one; scheduling is a heap push, cancelling
is a flag (the entry is dropped when it comes up), and neither wakes the thread unless
the new deadline is the earliest.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class Deadline:
    """A scheduled call of `fire` at `when` (`time.monotonic()`), unless cancelled."""

    __slots__ = ("cancelled", "fire", "when")

    def __init__(self, when: float, fire: Callable[[], None]) -> None:
        self.when = when
        self.fire = fire
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Watchdog:
    def __init__(self, name: str = "portal-deadlines") -> None:
        self._name = name
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, Deadline]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None

    def schedule(self, seconds: float, fire: Callable[[], None]) -> Deadline:
        """Call `fire()` on the watchdog thread `seconds` from now (at once if <= 0)."""
        entry = Deadline(time.monotonic() + max(seconds, 0.0), fire)
        with self._cond:
            earliest = not self._heap or entry.when < self._heap[0][0]
            heapq.heappush(self._heap, (entry.when, next(self._seq), entry))
            if self._thread is None or not self._thread.is_alive():
                # Started here, not at import: no thread before the first request (and
                # a fresh one in a forked child, where the parent's does not exist).
                self._thread = threading.Thread(target=self._run, name=self._name,
                                                daemon=True)
                self._thread.start()
            elif earliest:
                self._cond.notify()
        return entry

    def pending(self) -> int:
        """Deadlines neither fired nor dropped yet (cancelled ones wait for their time)."""
        with self._cond:
            return len(self._heap)

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    while self._heap and self._heap[0][2].cancelled:
                        heapq.heappop(self._heap)
                    if not self._heap:
                        self._cond.wait()
                        continue
                    wait = self._heap[0][0] - time.monotonic()
                    if wait <= 0:
                        entry = heapq.heappop(self._heap)[2]
                        break
                    self._cond.wait(wait)
            if entry.cancelled:
                continue
            try:
                entry.fire()
            except Exception as exc:  # noqa: BLE001 - one bad callback must not stop the rest
                log.error("deadline callback failed: %s", type(exc).__name__)


#: The process's one watchdog (the transport's deadlines all go here).
WATCHDOG = Watchdog()
