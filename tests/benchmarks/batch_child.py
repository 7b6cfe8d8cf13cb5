"""Child process: batch status of 500 and 5,000 numbers in the real application.

`python -m tests.benchmarks.batch_child CONFIG OUT`. Signs in (reusing the client
child's driver), opens the Batch status screen, pastes each list and presses Check,
with the 10 ms heartbeat running: time to the first rows in the table (the first
chunk's answer in the model) and to the last (every chunk in and painted), the
portal's handler time of each chunk (`Server-Timing`, caught by wrapping the client's
transport; the product is not changed for this), and the process's peak memory.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.portal.transport import Answer
from desktop.ui.batch.screen import BatchScreen
from tests.benchmarks.client_child import WAIT_MS, Driver, _handler_ms
from tests.benchmarks.qt_probe import settle, wait_for
from tests.benchmarks.stats import peak_rss_mib, rss_mib, summary


class ChunkTimings:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.chunks: list[tuple[float, float]] = []

    def wrap(self, d: Driver) -> None:
        transport = d.w.session.client.transport
        original = transport.request

        def request(method: str, path: str, **kwargs: Any) -> Answer:
            started = time.perf_counter()
            answer = original(method, path, **kwargs)
            took = (time.perf_counter() - started) * 1000.0
            if path == "/claims/status-batch":
                with self._lock:
                    self.chunks.append((_handler_ms(answer.headers.get("Server-Timing", "")),
                                        took))
            return answer

        transport.request = request  # type: ignore[method-assign]

    def take(self) -> list[tuple[float, float]]:
        with self._lock:
            out, self.chunks = self.chunks, []
        return out


def run_batch(d: Driver, screen: BatchScreen, timings: ChunkTimings,
              numbers: list[str]) -> dict[str, Any]:
    screen.ui.input.setPlainText("\n".join(numbers))
    settle()
    first: list[float] = []

    def arrived(*_args: object) -> None:
        if not first and screen.run is not None and screen.run.done:
            first.append(time.perf_counter())

    screen.model.dataChanged.connect(arrived)
    timings.take()
    d.beat.start()
    t0 = time.perf_counter()
    screen.start_pasted()
    wait_for(lambda: screen.run is not None and screen.run.finished and not screen.busy,
             signals=[screen.model.dataChanged], poll_ms=5, timeout_ms=WAIT_MS,
             what="the batch")
    screen.ui.table.viewport().repaint()
    last = time.perf_counter()
    stall = d.beat.stop()
    screen.model.dataChanged.disconnect(arrived)
    chunks = timings.take()
    run = screen.run
    assert run is not None
    return {
        "numbers": len(numbers), "found": len(run.claims), "unchecked": run.unchecked,
        "first_rows_ms": round((first[0] - t0) * 1000.0, 1) if first else None,
        "last_rows_ms": round((last - t0) * 1000.0, 1), "chunks": len(chunks),
        "handler_ms_per_chunk": summary([h for h, _ in chunks]),
        "round_trip_ms_per_chunk": summary([t for _, t in chunks]),
        "stall_ms": stall, "rss_after_mib": rss_mib(), "peak_rss_mib": peak_rss_mib(),
    }


def main() -> None:
    cfg = json.loads(Path(sys.argv[1]).read_text())
    app = QApplication(sys.argv[:1])
    d = Driver(app, cfg)
    d.start_up()
    d.sign_in(measured=False)
    d.w.show_screen("batch")
    screen = d.w.screens["batch"]
    assert isinstance(screen, BatchScreen)
    wait_for(lambda: d.runner_idle, poll_ms=10, timeout_ms=WAIT_MS, what="code tables")
    timings = ChunkTimings()
    timings.wrap(d)
    result: dict[str, Any] = {"rss_signed_in_mib": rss_mib()}
    run_batch(d, screen, timings, cfg["lists"][0][:50])  # warm-up: connection, first paint
    result["runs"] = [run_batch(d, screen, timings, numbers) for numbers in cfg["lists"]]
    Path(sys.argv[2]).write_text(json.dumps(result, indent=1) + "\n")
    # Signed out for real: a token left in the keyring would be resumed by the next
    # child (the client child expects the sign-in screen).
    d.sign_out()
    settle()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
