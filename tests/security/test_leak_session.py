"""Issue 8, items 1, 6 and 7: one whole session leaves nothing behind and talks to no one else.

A private sandbox is seeded, stopped, given sentinel values (a patient name, a
member id, a patient account number) and started again; a sentinel clerk
registers with its TIN and a roster NPI. `session_run.run_session` then drives
the real window through register, accept the policy, sign in, search, open the
claim, copy cells, edit the account, idle lock, unlock, sign out and quit, with
HOME, the XDG folders and the temp folder pointed at fresh folders. The tests
check what it recorded.

Run under `bash .ci/with-keyring.sh` so the token really goes through the Secret
Service; without one (and without CLAIMS_REQUIRE_KEYRING=1) the keyring test
skips and everything else still runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import launch
from desktop.demo import DemoPortal
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import ROOT
from tests.security import session_run as run
from tests.security.leakscan import (
    ConnectionRecorder,
    compile_needles,
    scan_bytes,
    scan_tree,
    session_bus_addresses,
    tin_forms,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def session(qapp, request, tmp_path_factory) -> Iterator[run.SessionRecord]:
    bot = QtBot(request)
    with run.planted_sandbox() as planted:
        record = run.run_session(planted, tmp_path_factory.mktemp("leak-user"), bot)
        yield record


def sentinels(record: run.SessionRecord) -> dict[str, list[str]]:
    planted = record.planted
    found: dict[str, list[str]] = {
        "patient first name": [run.PATIENT_FIRST],
        "patient last name": [run.PATIENT_LAST],
        "member id": [run.MEMBER_ID],
        "patient account number": [run.ACCOUNT_NUMBER],
        "TIN": tin_forms(planted.tin),
        "NPI": [planted.npi],
        "username": [run.USERNAME],
        "password": [run.PASSWORD],
        "clerk first name": [run.REG_FIRST],
        "clerk last name": [run.REG_LAST],
        "clerk email": [run.REG_EMAIL],
        "claim number": [planted.claim_number],
    }
    for i, token in enumerate(sorted(record.tokens)):
        found[f"token {i + 1}"] = [token]
    return found


def test_the_session_ran_every_step(session):
    assert session.steps == ["policy accepted", "registered", "signed in", "claim opened",
                             "account saved", "idle-locked", "unlocked", "signed out", "quit"]
    assert session.tokens, "no token was seen: the scan below would prove nothing"


def test_no_sentinel_or_token_in_any_file(session):
    compiled = compile_needles(sentinels(session))
    result = scan_tree([session.root], compiled)
    print(f"\nleak scan: {result.files} files, {result.bytes} bytes, "
          f"{len(compiled)} sentinels, {sum(map(len, compiled.values()))} needles, "
          f"{len(result.findings)} found; files: {sorted(result.names)}")
    assert [str(f) for f in result.findings] == []
    # The scan looked where the app writes: its settings file is there.
    settings = session.folders["XDG_CONFIG_HOME"] / "claims-desktop" / "settings.json"
    assert settings.is_file(), result.names
    assert "2031-01-01" in settings.read_text()
    qt_conf = session.folders["XDG_CONFIG_HOME"] / "QtProject.conf"
    if qt_conf.exists():  # only the folder of a file dialog, never PHI (scanned above too)
        assert not scan_bytes(qt_conf.read_bytes(), compiled)


def test_no_sentinel_or_token_in_the_logs(session):
    compiled = compile_needles(sentinels(session))
    assert session.logs, "nothing was logged: the capture is not working"
    hits = [(i, label) for i, line in enumerate(session.logs)
            for label in scan_bytes(line.encode("utf-8"), compiled)]
    assert hits == []


def test_every_token_is_revoked_on_the_portal(session):
    s = requests.Session()
    s.trust_env = False
    for token in session.tokens:
        resp = s.get(f"{session.sandbox.url}/sessions/current", verify=session.sandbox.ca_bundle,
                     timeout=10, headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 401


def test_keyring_holds_no_entry_after_sign_out(session):
    if session.keyring_after_sign_out is None or not session.token_persistent:
        if os.environ.get("CLAIMS_REQUIRE_KEYRING") == "1":
            pytest.fail("no Secret Service reachable although CLAIMS_REQUIRE_KEYRING=1")
        pytest.skip("no OS keyring reachable: run under .ci/with-keyring.sh")
    origin = f"https://{urlsplit(session.sandbox.url).netloc}"
    during = [item for item in session.keyring_during or [] if item.get("username") == origin]
    assert len(during) == 1, "the token was not in the keyring while signed in"
    assert session.keyring_after_sign_out == []


def test_clipboard_copy_is_plain_and_taken_back_on_lock_and_sign_out(session):
    board = session.clipboard
    assert run.PATIENT_LAST in board["after copy"] and run.PATIENT_FIRST in board["after copy"]
    assert board["after lock"] == ""
    assert board["after line copy"] == board["line cell"] != ""
    assert board["after member copy"] == run.MEMBER_ID
    assert board["after sign-out"] == ""


def test_only_the_portal_was_contacted(session):
    portal = urlsplit(session.sandbox.url)
    allowed_inet = {f"{portal.hostname}:{portal.port}"}
    bus = session_bus_addresses()
    seen = session.connections.seen
    inet = {c.address for c in seen if c.family == "inet"}
    lookups = {c.address for c in seen if c.family == "lookup"}
    unix = {c.address for c in seen if c.family == "unix"}
    print(f"\nconnections: {len(seen)} recorded; inet {sorted(inet)}; lookups "
          f"{sorted(lookups)}; unix {len(unix)}")
    assert inet, "no connection recorded: the recorder is not working"
    assert any(c.how == "proc" for c in seen), "the /proc sampler saw nothing"
    assert inet <= allowed_inet
    assert {a.rsplit(":", 1)[0] for a in lookups} <= {portal.hostname}
    assert unix <= bus, "a local socket other than the D-Bus session bus was opened"
    assert not any(run.TRACKER_HOST in c.address for c in seen)


def test_qtnetwork_is_never_loaded(session):
    if not session.qtnetwork_before:
        assert "PySide6.QtNetwork" not in sys.modules
    # Independently of what other tests loaded: every module of the app, in a fresh process.
    code = ("import pkgutil, importlib, sys, desktop\n"
            "for m in pkgutil.walk_packages(desktop.__path__, 'desktop.'):\n"
            "    if not m.name.endswith('__main__'):\n"
            "        importlib.import_module(m.name)\n"
            "print('PySide6.QtNetwork' in sys.modules, 'PySide6.QtWebEngineCore' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_demo_mode_contacts_only_its_own_portal(qtbot, tmp_path, monkeypatch):
    """`--demo`: the reference portal it starts counts as the portal, and nothing else."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    recorder = ConnectionRecorder()
    sampler = QTimer()
    sampler.setInterval(20)
    sampler.timeout.connect(recorder.sample)
    with recorder.active():
        sampler.start()
        try:
            w = launch(["--demo", "--config-dir", str(tmp_path / "config")])
            assert isinstance(w, MainWindow)
            portal = w.demo_portal
            assert isinstance(portal, DemoPortal)
            qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=run.WAIT_MS)
            qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out",
                            timeout=run.WAIT_MS)
            demo = portal.demo_users[0]
            w.login.username.setText(demo.username)
            w.login.password.setText(demo.password)
            qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working",
                            timeout=run.WAIT_MS)
            if w.gate.dialog is not None:
                qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: w.state == "working", timeout=run.WAIT_MS)
            screen = w.screens["claims"]
            assert isinstance(screen, ClaimsScreen)
            w.show_screen("claims")
            qtbot.keyClick(screen.findChild(QLineEdit, "searchClaimNumber"), Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: screen.model.searched and not screen.searching,
                            timeout=run.WAIT_MS)
            w.sign_out("test")
            qtbot.waitUntil(lambda: w.state == "signed_out", timeout=run.WAIT_MS)
            with qtbot.waitSignal(w.closed, timeout=run.WAIT_MS):
                w.close()
            qtbot.waitUntil(lambda: portal.process.poll() is not None, timeout=run.WAIT_MS)
        finally:
            sampler.stop()
    url = urlsplit(portal.url)
    inet = {c.address for c in recorder.seen if c.family == "inet"}
    lookups = {c.address.rsplit(":", 1)[0] for c in recorder.seen if c.family == "lookup"}
    assert inet and inet <= {f"{url.hostname}:{url.port}"}
    assert lookups <= {url.hostname}
    assert {c.address for c in recorder.seen if c.family == "unix"} <= session_bus_addresses()
