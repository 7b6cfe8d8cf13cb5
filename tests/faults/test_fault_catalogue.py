"""Fault catalogue, network part: a signed-in window meets a misbehaving portal.

One window per module, signed in once through the real UI against the fault proxy
(real sandbox behind it). Each case installs one fault on an endpoint, lets the
clerk act, and asserts the four promises of issue 8: no crash (the window is still
working), a clear message (the right text in the screen's status label, no server
text, no markup, no exception name), nothing typed lost (the search criteria, the
account edits) and the app usable afterwards (with the fault gone, the same action
works). Transport-level details of each fault are unit-tested in
tests/unit/portal/test_transport_faults.py; here they meet the UI.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.account.screen import AccountScreen
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from tests.e2e.portal_helpers import register
from tests.faults.harness import (
    WAIT_MS,
    Windows,
    accept_first_launch,
    account_screen,
    claims_screen,
    click,
    fill_search,
    form_texts,
    line_edit,
    run_search,
    set_deadline,
    shown_text,
    sign_in,
    signed_in_window,
)
from tests.faults.proxy import FaultProxy, RuleHandler, answer, reset_mid_body, trickle
from tests.unit.portal.faultserver import Conn, Pki, Request, error_response, raw_response

JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html; charset=utf-8"}
HTML_PAGE = (b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
             b"<h1>Bad Gateway</h1><script>alert(1)</script><p>nginx</p></body></html>")
STACK = "Traceback (most recent call last): File \"/srv/portal/app.py\", line 9 SECRET_SQL"
ELEVEN_MB = 11 * 1024 * 1024

# Words a message must never contain: server internals, markup, exception names.
NEVER = ("Traceback", "SECRET", "<html", "<h1", "<script", "Error(", "Exception", "nginx",
         "requests.", "urllib3", "ssl.")


def clear_message(text: str, *expected: str) -> None:
    assert text.strip(), "no message shown"
    for bad in NEVER:
        assert bad not in text, (bad, text)
    for part in expected:  # "a|b": either wording will do
        assert any(p in text for p in part.split("|")), (part, text)


# --- the ways a server can misbehave --------------------------------------------------------


def huge(content_length: bool) -> RuleHandler:
    """More than 10 MB of (valid) JSON, with or without a Content-Length to warn first."""
    def handler(req: Request, conn: Conn, forward: Any) -> None:
        body = b'{"items": [], "pad": "' + b"x" * ELEVEN_MB + b'"}'
        head = raw_response(200, b"", {**JSON, "Content-Length": str(len(body))}) \
            if content_length else raw_response(200, b"", {**JSON, "Connection": "close"},
                                                content_length=False)
        try:
            conn.send(head + body)
        except OSError:
            pass  # the client hung up once over the cap: that is the point
        conn.close()
    return handler


def deep_json() -> bytes:
    return b'{"items": ' + b"[" * 50_000 + b"]" * 50_000 + b', "total": 0}'


def close_at_once(req: Request, conn: Conn, forward: Any) -> None:
    conn.close()


def redirect(status: int, location: str) -> RuleHandler:
    return answer(raw_response(status, b"", {"Location": location}))


def retry_after(status: int, value: str) -> RuleHandler:
    return answer(error_response(status, "rate_limited" if status == 429 else "server_error",
                                 "Slow down.", {"Retry-After": value}))


@dataclass(frozen=True)
class Fault:
    """One catalogue entry: what the server does and the words the clerk must see."""

    case_id: str
    make: Callable[[FaultProxy], RuleHandler]
    expected: tuple[str, ...]
    times: int | None = None  # a fault that heals itself after `times` answers
    max_seconds: float = 15.0


SEARCH_FAULTS = [
    Fault("json-malformed", lambda p: answer(raw_response(200, b'{"items": [{"claim', JSON)),
          ("does not understand", "(reference ")),
    Fault("json-wrong-shape", lambda p: answer(raw_response(200, b'{"items": "none"}', JSON)),
          ("does not understand",)),
    Fault("json-not-json-type", lambda p: answer(raw_response(200, b"{}", {"Content-Type":
                                                                          "text/plain"})),
          ("does not understand",)),
    Fault("json-huge-declared", lambda p: huge(True), ("does not understand",)),
    Fault("json-huge-streamed", lambda p: huge(False), ("does not understand",)),
    Fault("json-deeply-nested", lambda p: answer(raw_response(200, deep_json(), JSON)),
          ("does not understand",)),
    Fault("html-error-page-404", lambda p: answer(raw_response(404, HTML_PAGE, HTML)),
          ("does not understand",)),
    Fault("html-error-page-502", lambda p: answer(raw_response(502, HTML_PAGE, HTML)),
          ("had a problem", "(reference ")),
    Fault("html-page-200", lambda p: answer(raw_response(200, HTML_PAGE, HTML)),
          ("does not understand",)),
    Fault("5xx-500-stack-trace", lambda p: answer(error_response(500, "server_error", STACK)),
          ("had a problem", "(reference ")),
    Fault("5xx-504-empty", lambda p: answer(raw_response(504, b"")), ("had a problem",)),
    Fault("5xx-502-once-then-healed", lambda p: answer(raw_response(502, HTML_PAGE, HTML)),
          (), times=1),
    Fault("503-retry-after-1-then-healed", lambda p: retry_after(503, "1"), (), times=1),
    Fault("429-retry-after-10e12", lambda p: retry_after(429, str(10**12)), ("Slow down.",),
          max_seconds=3),
    Fault("503-retry-after-10e12", lambda p: retry_after(503, str(10**12)), ("busy",),
          max_seconds=3),
    Fault("503-retry-after-negative", lambda p: retry_after(503, "-30"), ("had a problem",),
          max_seconds=5),
    Fault("429-retry-after-far-date", lambda p: retry_after(429, "Fri, 31 Dec 9999 23:59:59 GMT"),
          ("Slow down.",), max_seconds=3),
    Fault("429-retry-after-past-date", lambda p: retry_after(429, "Thu, 01 Jan 1970 00:00:00 GMT"),
          ("Slow down.",), max_seconds=5),
    Fault("429-retry-after-garbage", lambda p: retry_after(429, "soon, maybe"), ("Slow down.",),
          max_seconds=5),
    Fault("redirect-301-to-http",
          lambda p: redirect(301, p.url.replace("https://", "http://") + "/evil"),
          ("another address",)),
    Fault("redirect-302-to-https", lambda p: redirect(302, p.url + "/evil"), ("another address",)),
    Fault("redirect-308-elsewhere", lambda p: redirect(308, "https://portal.example.test/x"),
          ("another address",)),
    Fault("reset-mid-body", lambda p: reset_mid_body(), ("interrupted|cannot be reached",)),
    Fault("closed-before-answer", lambda p: close_at_once, ("cannot be reached",)),
]


# --- one signed-in window for the module ----------------------------------------------------


@dataclass
class Session:
    w: MainWindow
    claims: ClaimsScreen
    account: AccountScreen
    password: str


@pytest.fixture(scope="module")
def live(request: pytest.FixtureRequest, proxy: FaultProxy, fault_pki: Pki,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    bot = QtBot(request)
    opened = Windows()
    w, user = signed_in_window(bot, opened, proxy, fault_pki.ca_file,
                               tmp_path_factory.mktemp("faults"))
    account = account_screen(bot, w)
    claims = claims_screen(bot, w)
    yield Session(w, claims, account, user.password)
    opened.close_all()


def assert_working(live: Session) -> None:
    assert live.w.isVisible() and live.w.state == "working"


# --- search faults --------------------------------------------------------------------------


@pytest.mark.parametrize("fault", SEARCH_FAULTS, ids=[f.case_id for f in SEARCH_FAULTS])
def test_search_fault(fault: Fault, live: Session, clean_proxy: FaultProxy,
                      qtbot: QtBot) -> None:
    proxy, screen = clean_proxy, claims_screen(qtbot, live.w)
    assert_working(live)
    typed = fill_search(screen)
    proxy.on("POST", r"/claims/search", fault.make(proxy), times=fault.times)
    started = time.monotonic()
    run_search(qtbot, screen)
    assert time.monotonic() - started < fault.max_seconds
    assert_working(live)
    assert form_texts(screen) == typed  # nothing the clerk typed is lost
    assert proxy.count("GET", r"/evil") == 0  # a redirect is never followed
    if fault.times is not None:  # healed by the client's own retry: the clerk sees results
        assert screen.status.text() == "" and screen.model.searched, screen.status.text()
        assert proxy.count("POST", r"/claims/search") >= 2
        return
    clear_message(screen.status.text(), *fault.expected)
    assert screen.retry.isVisibleTo(screen)
    proxy.clear()
    qtbot.mouseClick(screen.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.searching, timeout=WAIT_MS)
    assert screen.status.text() == "" and screen.model.searched
    assert "claim" in screen.count.text() and form_texts(screen) == typed


def test_search_trickling_server_hits_the_deadline(live: Session, clean_proxy: FaultProxy,
                                                   qtbot: QtBot) -> None:
    """case trickle: headers at once, then a byte every 0.2 s; the deadline (cut to 1.5 s
    here, 60 s in the app) fires and the screen says the portal took too long."""
    screen = claims_screen(qtbot, live.w)
    typed = fill_search(screen)
    stop = threading.Event()
    clean_proxy.on("POST", r"/claims/search", trickle(20, stop))
    undo = set_deadline(live.w, 1.5)
    try:
        started = time.monotonic()
        run_search(qtbot, screen)
        assert time.monotonic() - started < 6
    finally:
        undo()
        stop.set()
    clear_message(screen.status.text(), "took too long")
    assert form_texts(screen) == typed
    clean_proxy.clear()
    qtbot.mouseClick(screen.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.searching, timeout=WAIT_MS)
    assert screen.status.text() == "" and screen.model.searched


# --- account save faults (a write: never retried, the edits always kept) --------------------

SAVE_FAULTS = [
    Fault("save-5xx", lambda p: answer(error_response(500, "server_error", STACK)),
          ("had a problem", "Your changes are kept")),
    Fault("save-html-502", lambda p: answer(raw_response(502, HTML_PAGE, HTML)),
          ("had a problem", "Your changes are kept")),
    Fault("save-malformed-json", lambda p: answer(raw_response(200, b'{"username": ', JSON)),
          ("does not understand", "Your changes are kept")),
    Fault("save-429-retry-after-10e12", lambda p: retry_after(429, str(10**12)),
          ("Slow down.", "Your changes are kept"), max_seconds=3),
    Fault("save-503-retry-after-1", lambda p: retry_after(503, "1"),
          ("had a problem", "Your changes are kept"), max_seconds=3),
    Fault("save-redirect-307", lambda p: redirect(307, p.url + "/evil"),
          ("another address", "Your changes are kept")),
    Fault("save-reset-mid-body", lambda p: reset_mid_body(),
          ("interrupted|cannot be reached", "Your changes are kept")),
]


@pytest.mark.parametrize("fault", SAVE_FAULTS, ids=[f.case_id for f in SAVE_FAULTS])
def test_account_save_fault(fault: Fault, live: Session, clean_proxy: FaultProxy,
                            qtbot: QtBot) -> None:
    proxy, screen = clean_proxy, account_screen(qtbot, live.w)
    assert_working(live)
    stamp = f"{time.monotonic_ns() % 10**8:08d}"
    edits = {"accountEmail": f"edit.{stamp}@example.com", "accountLastName": "Faultcase"}
    for name, value in edits.items():
        line_edit(screen, name).setText(value)
    proxy.on("PATCH", r"/account", fault.make(proxy))
    started = time.monotonic()
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: not screen.saving, timeout=WAIT_MS)
    assert time.monotonic() - started < fault.max_seconds
    assert_working(live)
    clear_message(shown_text(screen, "accountMessage"), *fault.expected)
    assert proxy.count("PATCH", r"/account") == 1  # a write is never sent twice
    assert proxy.count("PATCH", r"/evil") == 0
    for name, value in edits.items():
        assert line_edit(screen, name).text() == value, name
    assert screen.has_unsaved_changes()
    proxy.clear()
    click(qtbot, screen, "accountSave")
    qtbot.waitUntil(lambda: not screen.saving, timeout=WAIT_MS)
    assert "saved" in shown_text(screen, "accountMessage")
    assert not screen.has_unsaved_changes()
    assert line_edit(screen, "accountEmail").text() == edits["accountEmail"]


def test_sign_in_answer_malformed_keeps_the_username(proxy: FaultProxy, fault_pki: Pki,
                                                     windows: Windows, tmp_path: Path,
                                                     qtbot: QtBot) -> None:
    """case sign-in-malformed: the sign-in answer is garbage; the clerk keeps the username,
    reads a clear message, and the next try signs in."""
    proxy.clear()
    user = register(proxy.upstream)
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    proxy.on("POST", r"/sessions", answer(raw_response(201, b'{"token": ', JSON)), times=1)
    # As a clerk would: Sign in is pressed once it can be (a click on it while disabled
    # is ignored by the screen, and the wait below would then time out).
    qtbot.waitUntil(w.login.sign_in.isEnabled, timeout=WAIT_MS)
    w.login.username.setText(user.username)
    w.login.password.setText(user.password)
    qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "signed_out" and bool(w.login.error.text()),
                    timeout=WAIT_MS)
    clear_message(w.login.error.text(), "does not understand")
    assert w.login.username.text() == user.username
    sign_in(qtbot, w, user.username, user.password)
    assert w.state == "working"
    proxy.clear()
