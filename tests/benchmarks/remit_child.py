"""Child process of `bench_payments`: open one 835 file in the real Payments screen.

Its own process so that the peak memory is the file's and the screen's alone. Measures,
from `open_files` to: the first claims in the tree and painted ("first screen"), and the
file read, every claim listed and pyx12's validation done ("complete"); the longest gap
between two ticks of a 5 ms timer on the GUI thread (a stall); peak RSS of this process
and of the checker's child process.

    python -m tests.benchmarks.remit_child FILE.835 RESULT.json
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.tasks import TaskRunner
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from desktop.ui.payments.screen import PaymentsScreen

TIMEOUT_S = 600.0


class NoPortal:
    """Opening a file talks to no portal; any call would be a bug in the benchmark."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the portal was called: {name}")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(path: Path, out: Path) -> int:
    app = QApplication.instance() or QApplication(["remit-child"])
    ops = Operations(NoPortal(), TaskRunner())  # type: ignore[arg-type]
    screen = PaymentsScreen(ScreenContext(ops=ops))
    screen.resize(1366, 700)
    screen.show()
    app.processEvents()
    before = peak_rss_mib()
    last, worst, worst_at = time.perf_counter(), 0.0, 0.0

    def tick() -> None:
        nonlocal last, worst, worst_at
        now = time.perf_counter()
        if now - last > worst:
            worst, worst_at = now - last, now - started
        last = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    screen.open_files([path])
    first = done = None
    while time.perf_counter() - started < TIMEOUT_S:
        # Blocks until an event comes (the 5 ms timer at the latest): no busy loop.
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if first is None and screen.view.claims.topLevelItemCount() > 0:
            screen.view.claims.viewport().repaint()
            first = time.perf_counter() - started
        status = screen.actions_bar.status.text()
        if screen.view.complete and "checked against the 835 guide" in status:
            done = time.perf_counter() - started
            break
        if "could not" in status or "not an 835" in status:
            break
    timer.stop()
    current = screen.view.current
    result = {
        "file_mib": round(path.stat().st_size / 1024 / 1024, 2),
        "claims": 0 if current is None else len(current.claims),
        "first_screen_ms": None if first is None else round(first * 1000, 1),
        "complete_ms": None if done is None else round(done * 1000, 1),
        "longest_stall_ms": round(worst * 1000, 1),
        "longest_stall_ended_at_ms": round(worst_at * 1000, 1),
        "rss_before_mib": round(before, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        # The pyx12 check runs in a child process of its own (see remit835_validate).
        "checker_peak_rss_mib": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, 1),
        "problems": screen.view.problems.count(),
        "status": screen.actions_bar.status.text(),
    }
    out.write_text(json.dumps(result))
    return 0 if done is not None else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
