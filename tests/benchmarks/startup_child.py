"""Child process of the start-up benchmark: `python -m tests.benchmarks.startup_child KIND`.

KIND `app` starts the real application through `desktop.app.launch` (exactly what
`main()` does, minus the logging set-up); KIND `minimal` shows a bare PySide6 main window,
started the same way, as the floor. Both print one JSON line once idle: the
`time.monotonic()` of that moment (the parent took its own before starting this process;
the clock is system-wide) and the resident-memory high-water mark.

"Idle" for the app: the sign-in screen is shown, the first policy fetch has been answered
and handled, and the event loop then got to run a 0 ms timer. For the minimal window: it
is shown and the loop ran a 0 ms timer.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _report(extra: dict[str, object]) -> None:
    from tests.benchmarks.stats import peak_rss_mib, rss_mib

    line = {"idle_monotonic": time.monotonic(), "peak_rss_mib": peak_rss_mib(),
            "rss_mib": rss_mib(), **extra}
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def run_minimal() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Minimal")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1200, 800)
    window.show()
    # A local loop, not app.exec(): QApplication.quit() would close the window first.
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    _report({"shown": window.isVisible(), "app": app.applicationName()})


def run_app(argv: list[str]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import launch
    from desktop.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    loop = QEventLoop()
    answered: list[bool] = []
    original = MainWindow._resume

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
    window = launch(argv)
    loop.exec()
    failsafe.stop()
    assert isinstance(window, MainWindow)
    _report({"shown": window.isVisible() and window.root.currentWidget() is window.login,
             "answered": bool(answered), "state": window.state,
             "app": app.applicationName()})


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
