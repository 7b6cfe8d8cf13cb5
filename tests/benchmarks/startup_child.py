"""Child process of the start-up benchmark: `python -m tests.benchmarks.startup_child KIND`.

KIND `app` starts the real application through `desktop.app.launch` (exactly what
`main()` does, minus the logging set-up); KIND `minimal` shows a bare PySide6 main window,
started the same way, as the floor. Both print one JSON line once idle: the
`time.monotonic()` of that moment (the parent took its own before starting this process;
the clock is system-wide) and the resident-memory high-water mark.

"First frame" (issue 18's measure, the headline): the window has painted with the
sign-in screen current and the event loop then got to run a 0 ms timer; a clerk can
type. For the minimal window: it has painted and the loop ran a 0 ms timer. The app
also reports when the first policy fetch had been answered and handled (issue 9's
measure: "an idle sign-in screen", `answered_monotonic`), which now comes after the
first frame because the HTTP stack loads only then.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any


def _report(extra: dict[str, object]) -> None:
    from tests.benchmarks.stats import peak_rss_mib, rss_mib

    line = {"idle_monotonic": time.monotonic(), "peak_rss_mib": peak_rss_mib(),
            "rss_mib": rss_mib(), **extra}
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def _watch_first_frame(window: Any, ready: Callable[[], bool], done: Callable[[], None]) -> Any:
    """Calls `done` once `window` has painted while `ready()` and a 0 ms timer then ran.

    The filter sits on the window alone: on the whole application it would turn every
    event into a Python call, contending for the GIL with the app's own workers.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstFrame(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint and ready():
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    watcher = FirstFrame()
    window.installEventFilter(watcher)
    return watcher


def run_minimal() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    loop = QEventLoop()
    frame: list[float] = []

    def first_frame() -> None:
        frame.append(time.monotonic())
        loop.quit()

    window = QMainWindow()
    watcher = _watch_first_frame(window, lambda: True, first_frame)
    window.setWindowTitle("Minimal")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1200, 800)
    window.show()
    # A local loop, not app.exec(): QApplication.quit() would close the window first.
    failsafe = QTimer()
    failsafe.setSingleShot(True)
    failsafe.timeout.connect(loop.quit)
    failsafe.start(60_000)
    loop.exec()
    window.removeEventFilter(watcher)
    _report({"shown": window.isVisible(), "app": app.applicationName(),
             "first_frame_monotonic": frame[0] if frame else None})


def run_app(argv: list[str]) -> None:
    from desktop import collector

    collector.pause()  # first, as the entry point (desktop.__main__.run) does
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.app import launch
    from desktop.ui.common.style import make_application
    from desktop.ui.shell.main_window import MainWindow

    app = make_application(sys.argv[0])  # as main() builds it
    loop = QEventLoop()
    answered: list[bool] = []
    original = MainWindow._resume
    frame: list[float] = []

    # `_resume` is what the first policy fetch's answer leads to when the policy seen
    # last time is still current: the sign-in screen, ready for a clerk.
    def resumed(self: MainWindow) -> None:
        original(self)
        if not answered:
            answered.append(True)
            QTimer.singleShot(0, loop.quit)

    MainWindow._resume = resumed  # type: ignore[method-assign]
    failsafe = QTimer()
    failsafe.setSingleShot(True)
    failsafe.timeout.connect(loop.quit)
    failsafe.start(60_000)
    window = launch(argv)  # shown; it paints once the loop runs
    assert isinstance(window, MainWindow)
    watcher = _watch_first_frame(window, lambda: window.root.currentWidget() is window.login,
                                 lambda: frame.append(time.monotonic()))
    loop.exec()
    failsafe.stop()
    window.removeEventFilter(watcher)
    _report({"shown": window.isVisible() and window.root.currentWidget() is window.login,
             "answered": bool(answered), "state": window.state,
             "app": app.applicationName(),
             "first_frame_monotonic": frame[0] if frame else None})


def main() -> None:
    kind = sys.argv[1]
    if kind == "minimal":
        run_minimal()
    elif kind == "app":
        run_app(sys.argv[2:])
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    # Teardown is not part of start-up; leave without waiting for worker threads.
    os._exit(0)


if __name__ == "__main__":
    main()
