"""Fault catalogue, this computer's part: TLS failures, the keyring, the disk, the clock.

Same four promises as the network part (no crash, a clear message, nothing typed
lost, usable afterwards), with the fault injected where the app meets the machine:
a portal certificate that is wrong, a credential store that is locked, hangs or is
missing (fake backends handed to `desktop.tokenstore`), a settings folder that is
full or read-only, and a monotonic clock that jumps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import desktop.app
import desktop.ui.shell.main_window
from desktop import tokenstore
from desktop.ui.shell.idle import IdleWatcher
from desktop.ui.shell.main_window import MainWindow
from tests.e2e.portal_helpers import register
from tests.faults.harness import (
    WAIT_MS,
    Windows,
    accept_first_launch,
    account_screen,
    claims_screen,
    fill_search,
    line_edit,
    run_search,
    sign_in,
    signed_in_window,
)
from tests.faults.proxy import FaultProxy
from tests.faults.test_fault_catalogue import clear_message
from tests.unit.portal.faultserver import Pki, json_response, reply, serving

# --- TLS failures ----------------------------------------------------------------------------

POLICY = {"version": "2026-01-01", "effective_at": "2026-01-01", "title": "Fictional policy",
          "body_markdown": "# Policy", "summary_of_changes": ""}


def _leaf(pki: Pki, kind: str) -> trustme.LeafCert:
    now = dt.datetime.now(dt.UTC)
    if kind == "untrusted":
        return trustme.CA(organization_name="Another Fictional CA").issue_cert("127.0.0.1")
    if kind == "expired":
        return pki.ca.issue_cert("127.0.0.1", not_before=now - dt.timedelta(days=60),
                                 not_after=now - dt.timedelta(days=1))
    if kind == "wrong-host":
        return pki.ca.issue_cert("portal.example.test")
    return pki.leaf


TLS_CASES = [("tls-untrusted", "untrusted", None, "not trusted"),
             ("tls-expired", "expired", None, "expired"),
             ("tls-wrong-host", "wrong-host", None, "different address"),
             ("tls-1.1-only", "good", ssl.TLSVersion.TLSv1_1, "outdated")]


@pytest.mark.parametrize(("kind", "tls_max", "expected"),
                         [c[1:] for c in TLS_CASES], ids=[c[0] for c in TLS_CASES])
def test_tls_failure(kind: str, tls_max: ssl.TLSVersion | None, expected: str,
                     fault_pki: Pki, windows: Windows, tmp_path: Path, qtbot: QtBot) -> None:
    """No "continue anyway": the sign-in screen says why, in words; nothing is sent."""
    with serving(reply(json_response(200, POLICY)), _leaf(fault_pki, kind),
                 tls_max=tls_max) as server:
        w = windows.open(server.url, fault_pki.ca_file, tmp_path / "config")
        qtbot.waitUntil(lambda: w.state == "signed_out" and bool(w.login.error.text()),
                        timeout=WAIT_MS)
        clear_message(w.login.error.text(), expected, "IT support")
        w.login.error.clear()
        w.login.username.setText("test.clerk.tls")
        w.login.password.setText("a fictional passphrase")
        qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.state == "signed_out" and bool(w.login.error.text()),
                        timeout=WAIT_MS)
        clear_message(w.login.error.text(), expected)
        assert w.login.username.text() == "test.clerk.tls" and w.isVisible()
        assert server.requests == []  # not one request crossed a bad connection


# --- the keyring: locked, hanging, missing -----------------------------------------------------


class FakeKeyring(KeyringBackend):
    """An OS store that is locked (raises), hangs (until released) or works."""

    priority = 10

    def __init__(self, mode: str, release: threading.Event) -> None:
        super().__init__()
        self.mode = mode
        self.release = release
        self.calls: list[str] = []

    def _act(self, what: str) -> None:
        self.calls.append(what)
        if self.mode == "locked":
            raise KeyringLocked("the fictional keyring is locked")
        if self.mode == "hang":
            self.release.wait(30)

    def get_password(self, service: str, username: str) -> str | None:
        self._act("get")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._act("set")

    def delete_password(self, service: str, username: str) -> None:
        self._act("delete")


@contextlib.contextmanager
def keyring_as(mode: str) -> Iterator[None]:
    release = threading.Event()

    def find() -> tuple[KeyringBackend | None, str, str | None]:
        if mode == "missing":
            return None, tokenstore.MEMORY_ONLY, tokenstore.NOTICE_NO_STORE.format(
                stores="Secret Service")
        if mode == "probe-hangs":
            release.wait(30)
        return FakeKeyring(mode, release), "Secret Service", None

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tokenstore, "find_os_backend", find)
        mp.setattr(desktop.app, "LazyTokenStore",
                   lambda: tokenstore.LazyTokenStore(timeout_s=0.5))
        try:
            yield
        finally:
            release.set()


@pytest.mark.parametrize("mode", ["locked", "hang", "missing", "probe-hangs"],
                         ids=lambda m: f"keyring-{m}")
def test_keyring_fault(mode: str, proxy: FaultProxy, fault_pki: Pki, windows: Windows,
                       tmp_path: Path, qtbot: QtBot) -> None:
    """The token stays in memory, the clerk is told so, and the work goes on."""
    proxy.clear()
    with keyring_as(mode):
        w, _user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
        assert w.banner.isVisibleTo(w)
        clear_message(w.banner.text(), "memory only")
        assert "Session token: memory only" in w.status_label.text()
        screen = claims_screen(qtbot, w)
        fill_search(screen)
        run_search(qtbot, screen)
        assert screen.status.text() == "" and "claim" in screen.count.text()
        w.sign_out("You are signed out.")
        qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
        assert "signed out" in w.login.error.text()
        assert w.session.client.token is None


# --- settings folder full or read-only ---------------------------------------------------------


def _refuse_in(folder: Path, err: int, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(*args: Any, **kwargs: Any) -> Any:
        where = [str(a) for a in (*args, *kwargs.values())]
        if any(str(folder) in a for a in where):
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)
    return fake


@pytest.mark.parametrize("how", ["disk-full", "read-only"], ids=lambda h: f"settings-{h}")
def test_settings_save_fails(how: str, proxy: FaultProxy, fault_pki: Pki, windows: Windows,
                             tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembering the accepted policy version cannot be written: no crash, the app goes on
    (the log says so, without the folder's path), and the clerk signs in and works."""
    proxy.clear()
    config = tmp_path / "config"
    if how == "disk-full":
        monkeypatch.setattr(os, "replace", _refuse_in(config, errno.ENOSPC, os.replace))
    else:
        monkeypatch.setattr(tempfile, "mkstemp", _refuse_in(config, errno.EROFS,
                                                            tempfile.mkstemp))
    caplog.set_level(logging.WARNING)
    user = register(proxy.upstream)
    w = windows.open(proxy.url, fault_pki.ca_file, config)
    accept_first_launch(qtbot, w)
    assert w.state == "signed_out" and w.isVisible()
    assert not (config / "settings.json").exists()
    assert list(config.glob(".settings-*")) == []  # no half-written file left behind
    warnings = [r.getMessage() for r in caplog.records if "policy version" in r.getMessage()]
    assert warnings and all(str(config) not in m for m in warnings)
    sign_in(qtbot, w, user.username, user.password)
    assert w.state == "working"


# --- the idle timer's clock jumps --------------------------------------------------------------


class JumpingClock:
    def __init__(self) -> None:
        self.now = 50_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> JumpingClock:
    fake = JumpingClock()

    def watcher(timeout_s: float, *args: Any, **kwargs: Any) -> IdleWatcher:
        return IdleWatcher(timeout_s, clock=fake, tick_ms=20, parent=kwargs.get("parent"))

    monkeypatch.setattr(desktop.ui.shell.main_window, "IdleWatcher", watcher)
    return fake


def idle_window(qtbot: QtBot, windows: Windows, proxy: FaultProxy, pki: Pki,
                tmp_path: Path) -> tuple[MainWindow, str]:
    proxy.clear()
    w, user = signed_in_window(qtbot, windows, proxy, pki.ca_file, tmp_path)
    screen = account_screen(qtbot, w)
    line_edit(screen, "accountEmail").setText("typed.before.jump@example.com")
    return w, user.password


def stays_unlocked(qtbot: QtBot, w: MainWindow) -> None:
    qtbot.wait(120)  # six ticks of the (20 ms) idle timer
    w.idle.check()
    assert w.state == "working"


def locks_and_unlocks(qtbot: QtBot, w: MainWindow, password: str) -> None:
    qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    clear_message(w.lock.reason.text(), "after 15 minutes")
    w.lock.password.setText(password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    screen = account_screen(qtbot, w)
    assert line_edit(screen, "accountEmail").text() == "typed.before.jump@example.com"


def test_clock_jumps_far_forward(clock: JumpingClock, proxy: FaultProxy, fault_pki: Pki,
                                 windows: Windows, tmp_path: Path, qtbot: QtBot) -> None:
    """case clock-forward-1e9: locks at the next tick, says "15 minutes", keeps the edit."""
    w, password = idle_window(qtbot, windows, proxy, fault_pki, tmp_path)
    clock.now += 1e9
    locks_and_unlocks(qtbot, w, password)


def test_clock_reaches_the_limit_exactly_then_locks(clock: JumpingClock, proxy: FaultProxy,
                                                    fault_pki: Pki, windows: Windows,
                                                    tmp_path: Path, qtbot: QtBot) -> None:
    """case clock-forward-to-limit: a second before the limit it warns and stays open;
    at the limit it locks."""
    w, password = idle_window(qtbot, windows, proxy, fault_pki, tmp_path)
    clock.now += 15 * 60 - 1
    stays_unlocked(qtbot, w)
    assert "will lock" in w.banner.text()
    clock.now += 1
    locks_and_unlocks(qtbot, w, password)


def test_clock_jumps_backward(clock: JumpingClock, proxy: FaultProxy, fault_pki: Pki,
                              windows: Windows, tmp_path: Path, qtbot: QtBot) -> None:
    """case clock-backward-1e6: no crash, no early lock, and the lock still comes 15
    minutes of clock after the jump (not 15 minutes plus the size of the jump)."""
    w, password = idle_window(qtbot, windows, proxy, fault_pki, tmp_path)
    clock.now -= 1e6
    stays_unlocked(qtbot, w)
    clock.now += 15 * 60 - 1
    stays_unlocked(qtbot, w)
    clock.now += 1
    locks_and_unlocks(qtbot, w, password)


def test_clock_jumps_back_and_forth(clock: JumpingClock, proxy: FaultProxy, fault_pki: Pki,
                                    windows: Windows, tmp_path: Path, qtbot: QtBot) -> None:
    """case clock-jitter: back and forth by less than the limit never locks early."""
    w, password = idle_window(qtbot, windows, proxy, fault_pki, tmp_path)
    for step in (-600.0, 300.0, -5.0, 400.0, 100.0):
        clock.now += step
        stays_unlocked(qtbot, w)
    clock.now += 15 * 60
    locks_and_unlocks(qtbot, w, password)
