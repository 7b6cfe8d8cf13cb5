"""Child process that drives the real application in-process: `... client_child CONFIG OUT`.

It launches Claims Desktop with `desktop.app.launch` against the benchmark's sandbox and
measures, with a 10 ms heartbeat running throughout: the sign-in, a policy dialog, a
100,000-claim result scrolled to the end through `fetchMore`, the 200 searches (search
call -> rows in the model and painted), and opening a claim's detail. The portal's own
handler time of each first page comes from the `Server-Timing` header of the answer,
caught by wrapping the client's transport (the product is not changed for this). After
each search a bare kept-alive `requests` session sends the same request and decodes the
JSON (`bare_client.py`), the floor the search is compared with. With `"mode":
"searches"` in the config only the sign-in and the searches run (a second sandbox size).

Separate from the parent so that its memory high-water mark is the client's alone.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog

from desktop.app import launch
from desktop.portal.transport import Answer
from desktop.ui.claims.form import us_date
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from tests.benchmarks.bare_client import BareClient
from tests.benchmarks.bare_client import handler_ms as _handler_ms
from tests.benchmarks.qt_probe import Heartbeat, PaintWatch, settle, wait_for
from tests.benchmarks.stats import peak_rss_mib, rss_mib, summary
from tests.benchmarks.workload import SearchSpec, specs_from_json

WAIT_MS = 120_000


class Timings:
    """`Server-Timing` handler durations and round trips of the first pages of searches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.first_pages: list[tuple[float, float]] = []
        self.pages: list[tuple[float, float]] = []
        #: (JSON body, token) of the last first page: what the bare client replays
        self.last_request: tuple[dict[str, Any], str] | None = None

    def wrap(self, window: MainWindow) -> None:
        screen = window.screens["claims"]
        assert isinstance(screen, ClaimsScreen)
        transport = window.session.client.transport
        original = transport.request

        def request(method: str, path: str, **kwargs: Any) -> Answer:
            started = time.perf_counter()
            answer = original(method, path, **kwargs)
            took = (time.perf_counter() - started) * 1000.0
            if path == "/claims/search":
                handler = _handler_ms(answer.headers.get("Server-Timing", ""))
                paged = "cursor" in (kwargs.get("json_body") or {})
                with self._lock:
                    (self.pages if paged else self.first_pages).append((handler, took))
                    if not paged:
                        body = dict(kwargs.get("json_body") or {})
                        self.last_request = (body, str(kwargs.get("token") or ""))
            return answer

        transport.request = request  # type: ignore[method-assign]

    def last_first_page(self) -> tuple[float, float]:
        with self._lock:
            return self.first_pages[-1] if self.first_pages else (float("nan"), float("nan"))


def _connections(window: MainWindow) -> int | None:
    """TLS connections the client's pool opened so far (1 means kept alive throughout)."""
    screen = window.screens["claims"]
    assert isinstance(screen, ClaimsScreen)
    try:
        session = window.session.client.transport._session
        adapter = session.adapters["https://"]
        pools = adapter.poolmanager.pools  # type: ignore[attr-defined]
        return sum(pools[key].num_connections for key in pools.keys())
    except (AttributeError, KeyError):
        return None


class Driver:
    def __init__(self, app: QApplication, cfg: dict[str, Any]) -> None:
        self.app = app
        self.cfg = cfg
        self.beat = Heartbeat()
        self.timings = Timings()
        self.bare = BareClient(cfg["url"], cfg["ca_bundle"])
        self.result: dict[str, Any] = {}
        window = launch(["--portal-url", cfg["url"], "--ca-bundle", cfg["ca_bundle"],
                         "--config-dir", cfg["config_dir"]])
        assert isinstance(window, MainWindow)
        self.w = window
        self._attached = False

    def _attach(self) -> None:
        """The screens exist from the first sign-in on: hook the claims screen then."""
        if self._attached:
            return
        self._attached = True
        self.timings.wrap(self.w)
        screen = self.w.screens["claims"]
        assert isinstance(screen, ClaimsScreen)
        self.s = screen
        self.paints = PaintWatch(screen.table.viewport())

    @property
    def runner_idle(self) -> bool:
        return int(getattr(self.w.runner, "active", 0)) == 0

    # --- phases ------------------------------------------------------------------------

    def start_up(self) -> None:
        wait_for(lambda: self.w.state == "signed_out" and self.runner_idle, poll_ms=20,
                 timeout_ms=WAIT_MS, what="the sign-in screen")
        self.result["rss_signed_out_mib"] = rss_mib()

    def sign_in(self, measured: bool) -> None:
        user = self.cfg["user"]
        w = self.w
        if measured:
            self.beat.start()
        t0 = time.perf_counter()
        w.login.username.setText(user["username"])
        w.login.password.setText(user["password"])
        w.login.sign_in.click()
        wait_for(lambda: w.gate.dialog is not None or w.state == "working", poll_ms=5,
                 timeout_ms=WAIT_MS, what="sign-in")
        if w.gate.dialog is not None:  # first run on this data folder: accept the policy
            w.gate.dialog.accept_button.click()
            wait_for(lambda: w.state == "working", poll_ms=5, timeout_ms=WAIT_MS)
        settle()
        w.repaint()
        took = (time.perf_counter() - t0) * 1000.0
        self._attach()
        if measured:
            self.result["sign_in"] = {"ms": round(took, 1), "stall_ms": self.beat.stop()}

    def sign_out(self) -> None:
        self.w.sign_out("bench", ask=False)
        wait_for(lambda: self.w.state == "signed_out" and self.runner_idle, poll_ms=10,
                 timeout_ms=WAIT_MS, what="sign-out")

    def open_claims(self) -> None:
        self.w.show_screen("claims")
        wait_for(lambda: self.runner_idle, poll_ms=10, timeout_ms=WAIT_MS, what="codes")

    def policy_dialog(self) -> None:
        self.beat.start()
        t0 = time.perf_counter()
        self.w.show_policy()

        def shown() -> QDialog | None:
            dlg = self.w.findChild(QDialog, "policyViewDialog")
            return dlg if dlg is not None and dlg.isVisible() else None

        wait_for(lambda: shown() is not None, poll_ms=5, timeout_ms=WAIT_MS, what="policy")
        dlg = shown()
        assert dlg is not None
        dlg.repaint()
        took = (time.perf_counter() - t0) * 1000.0
        stall = self.beat.stop()
        dlg.reject()
        settle()
        self.result["policy_dialog"] = {"ms": round(took, 1), "stall_ms": stall}

    def fill(self, spec: SearchSpec) -> None:
        s = self.s
        s.close_detail()
        s.filter.clear()
        s.apply_filter()
        s.form.reset()
        values = {"service_from": us_date_iso(spec.service_from),
                  "service_to": us_date_iso(spec.service_to)}
        for attr in ("claim_number", "member_id", "last_name", "first_name",
                     "billing_npi", "rendering_npi"):
            value = getattr(spec, attr)
            if value:
                values[attr] = value
        if spec.dob:
            values["dob"] = us_date_iso(spec.dob)
        s.form.set_values(**values)
        s.form.status.set_selected(spec.statuses)
        s.sort.setCurrentIndex(s.sort.findData(spec.sort))

    def search(self, spec: SearchSpec) -> dict[str, Any]:
        """One search, timed from the call until the table has painted its first page.

        "Painted" is the first paint of the table's viewport that started after the rows
        were in the model, as the event loop does it (no extra forced repaint).
        """
        s = self.s
        self.fill(spec)
        if s.form.criteria() is None:
            return {"kind": spec.kind, "error": "refused by the form"}
        settle()
        arrived: list[int] = []
        rows_at: list[float] = []

        def rows_in() -> None:
            if not arrived and s.model.searched and not s.searching:
                arrived.append(self.paints.started)
                rows_at.append(time.perf_counter())

        def done() -> bool:
            failed = s.retry.isVisible() and not s.searching
            return failed or bool(arrived and self.paints.finished > arrived[0])

        s.model.stateChanged.connect(rows_in)
        self.beat.reset()
        t0 = time.perf_counter()
        try:
            s.search()
            wait_for(done, signals=[self.paints.painted], poll_ms=100, timeout_ms=WAIT_MS,
                     what="a search")
        finally:
            s.model.stateChanged.disconnect(rows_in)
        client_ms = (time.perf_counter() - t0) * 1000.0
        stall, stall_cpu = self.beat.stall_ms, self.beat.stall_cpu_ms
        handler, round_trip = self.timings.last_first_page()
        rows_ms = (rows_at[0] - t0) * 1000.0 if rows_at else float("nan")
        paint_ms = self.paints.duration_of(arrived[0]) if arrived else float("nan")
        out = {"kind": spec.kind, "client_ms": client_ms, "rows_in_model_ms": rows_ms,
               "paint_ms": paint_ms, "handler_ms": handler,
               "round_trip_ms": round_trip, "rows": s.model.loaded, "total": s.model.total,
               "stall_ms": stall, "stall_cpu_ms": stall_cpu}
        if s.model.error is not None or s.retry.isVisible():
            out["error"] = s.status.text()[:200]
        elif self.timings.last_request is not None:
            bare = self.bare.search(*self.timings.last_request)
            out.update(bare_ms=bare["ms"], bare_handler_ms=bare["handler_ms"])
        return out

    def searches(self, specs: list[SearchSpec]) -> None:
        settle(50)
        opened_before = _connections(self.w)
        self.beat.start()
        rows = [self.search(spec) for spec in specs]
        self.beat.stop()
        opened_after = _connections(self.w)
        ok = [r for r in rows if "error" not in r]
        self.result["searches"] = {
            "count": len(rows), "failed": len(rows) - len(ok),
            "tls_connections_opened": None if opened_before is None or opened_after is None
            else opened_after - opened_before,
            "client_ms": summary([r["client_ms"] for r in ok]),
            "rows_in_model_ms": summary([r["rows_in_model_ms"] for r in ok]),
            "paint_ms": summary([r["paint_ms"] for r in ok if r["paint_ms"] == r["paint_ms"]]),
            "bare_ms": summary([r["bare_ms"] for r in ok if "bare_ms" in r]),
            "bare_handler_ms": summary([r["bare_handler_ms"] for r in ok if "bare_ms" in r]),
            "client_to_bare_per_search": summary([r["client_ms"] / r["bare_ms"]
                                                  for r in ok if r.get("bare_ms")]),
            "handler_ms": summary([r["handler_ms"] for r in ok]),
            "round_trip_ms": summary([r["round_trip_ms"] for r in ok]),
            "stall_ms": summary([r["stall_ms"] for r in ok]),
            "longest_stall_cpu_ms": max(ok, key=lambda r: r["stall_ms"])["stall_cpu_ms"]
            if ok else None,
            "rows_listed": summary([float(r["rows"]) for r in ok]),
            "per_search": [{k: (round(v, 3) if isinstance(v, float) else v)
                            for k, v in r.items()} for r in rows],
        }

    def large(self, spec: SearchSpec) -> None:
        s = self.s
        self.fill(spec)
        settle(50)
        before_peak, before = peak_rss_mib(), rss_mib()
        self.beat.start()
        t0 = time.perf_counter()
        s.search()
        wait_for(lambda: s.model.searched and not s.searching,
                 signals=[s.model.stateChanged], timeout_ms=WAIT_MS, what="first page")
        first_ms = (time.perf_counter() - t0) * 1000.0
        while s.model.has_more and s.model.error is None:
            loaded = s.model.loaded
            s.table.scrollToBottom()  # the view asks for the next page, as a clerk's would
            def more(n: int = loaded) -> bool:
                return s.model.loaded > n or s.model.error is not None

            wait_for(more,
                     signals=[s.model.stateChanged], poll_ms=100, timeout_ms=WAIT_MS,
                     what="the next page")
        s.table.scrollToBottom()
        s.table.viewport().repaint()
        total_ms = (time.perf_counter() - t0) * 1000.0
        stall = self.beat.stop()
        pages = self.timings.pages
        self.result["large"] = {
            "rows": s.model.loaded, "total": s.model.total, "ms": round(total_ms, 1),
            "first_page_ms": round(first_ms, 1), "stall_ms": stall,
            "stall_cpu_ms": self.beat.stall_cpu_ms,
            "peak_rss_mib": peak_rss_mib(), "rss_after_mib": rss_mib(),
            "peak_rss_before_mib": before_peak, "rss_before_mib": before,
            "pages": len(pages),
            "page_handler_ms": summary([h for h, _t in pages]),
            "page_round_trip_ms": summary([t for _h, t in pages]),
            "error": None if s.model.error is None else type(s.model.error).__name__,
        }

    def detail(self) -> None:
        s = self.s
        if not s.model.shown:
            self.result["detail"] = {"error": "no row to open"}
            return
        settle(50)
        self.beat.start()
        t0 = time.perf_counter()
        s.open_detail(0)
        wait_for(lambda: s.detail.detail is not None, poll_ms=5, timeout_ms=WAIT_MS,
                 what="the detail")
        s.detail.repaint()
        took = (time.perf_counter() - t0) * 1000.0
        self.result["detail"] = {"ms": round(took, 1), "stall_ms": self.beat.stop()}

    def finish(self) -> None:
        self.result["tls_connections"] = _connections(self.w)
        self.result["peak_rss_end_mib"] = peak_rss_mib()


def us_date_iso(text: str) -> str:
    from datetime import date

    return us_date(date.fromisoformat(text))


def main() -> None:
    cfg = json.loads(Path(sys.argv[1]).read_text())
    app = QApplication(sys.argv[:1])
    d = Driver(app, cfg)
    d.start_up()
    d.sign_in(measured=False)  # the first sign-in on a data folder may meet the policy gate
    d.sign_out()
    d.sign_in(measured=True)
    d.open_claims()
    d.result["peak_rss_signed_in_mib"] = peak_rss_mib()
    specs = specs_from_json(cfg["searches"])
    if cfg.get("mode") == "searches":
        d.search(specs[0])
        d.searches(specs)
    else:
        d.policy_dialog()
        d.search(specs[0])  # warm-up: code tables, first paint of the table
        d.large(SearchSpec(**cfg["large"]))
        d.searches(specs)
        for spec in specs:  # the detail opens on the first row of a search that lists some
            if d.search(spec).get("rows"):
                break
        d.detail()
    d.finish()
    Path(sys.argv[2]).write_text(json.dumps(d.result, indent=1) + "\n")
    d.w.abandon(keep_token=True)  # leave without another round trip; the process ends here
    settle()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
