"""One whole scripted session through the real UI, with sentinels planted in the portal.

Used by tests/security/test_leak_session.py (a module fixture runs it once; the
tests then check what it recorded). Everything goes through `desktop.app.launch`
with HOME, the XDG folders and the temp folder pointed at fresh folders, so that
whatever the app or Qt writes lands where the scan looks.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import launch
from desktop.portal.client import PortalClient
from desktop.tokenstore import SERVICE
from desktop.ui.account.screen import AccountScreen
from desktop.ui.claims.model import COL_MEMBER, COL_PATIENT
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.registration.dialog import RegistrationDialog
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox, start_sandbox, stop_sandbox
from tests.e2e.portal_helpers import activate, sqlite_files
from tests.security.leakscan import ConnectionRecorder, secret_service_items

WAIT_MS = 30_000

# Sentinels: made up, obviously fictional, and unique enough that a hit is never chance.
PATIENT_FIRST = "Quillonia"
PATIENT_LAST = "Sentinelbrook"
MEMBER_ID = "SNTLQX4417Z"
ACCOUNT_NUMBER = "PASNTL99217"
REG_FIRST = "Sentinora"
REG_LAST = "Vexleighton"
REG_EMAIL = "sentinora.vexleighton@example.org"
USERNAME = "sntl.qx.clerk7"
PASSWORD = "Sentinel Pass Qx-7781 wobble"  # 15-128 characters, a space included
# A policy that tries to make the client fetch from a third party.
TRACKER_HOST = "tracker.third-party.example"
POLICY_BODY = (
    "# Privacy policy\n\nSentinel edition.\n\n"
    f"![pixel](https://{TRACKER_HOST}/pixel.png) "
    f"[more](https://{TRACKER_HOST}/more) <img src=\"https://{TRACKER_HOST}/img.gif\">\n"
)


@dataclass
class Planted:
    sb: Sandbox
    tin: str
    npi: str
    organization: str
    claim_number: str


@dataclass
class SessionRecord:
    """What the scripted session saw; the tests assert on it."""

    root: Path
    folders: dict[str, Path]
    sandbox: Sandbox
    planted: Planted
    tokens: set[str] = field(default_factory=set)
    logs: list[str] = field(default_factory=list)
    connections: ConnectionRecorder = field(default_factory=ConnectionRecorder)
    keyring_during: list[dict[str, str]] | None = None
    keyring_after_sign_out: list[dict[str, str]] | None = None
    token_persistent: bool = False
    clipboard: dict[str, str] = field(default_factory=dict)
    qtnetwork_before: bool = False
    steps: list[str] = field(default_factory=list)


def _plant(sb_dir: Path) -> Planted:
    """Seed a private sandbox, stop it, write the sentinels into its DB, start it again."""
    sb = start_sandbox(sb_dir, "--claims", "300", "--rate-limit", "0")
    try:
        contracts = json.loads(sb.cli("contracts").stdout)
        demo_tin = sb.demo_users[0]["tin"].replace("-", "")
        contract = next(c for c in contracts if c["tin"].replace("-", "") == demo_tin)
    finally:
        stop_sandbox(sb)
    body = sb_dir / "policy.md"
    body.write_text(POLICY_BODY, encoding="utf-8")
    sb.cli("publish-policy", "--version", "2031-01-01", "--title", "Privacy policy",
           "--summary", "Sentinel edition.", "--body-file", str(body))
    today = date.today()
    with sqlite3.connect(sqlite_files(sb)[0]) as conn:
        row = conn.execute(
            "SELECT c.id, c.claim_number FROM claims c JOIN organizations o ON o.id = c.org_id "
            "WHERE replace(o.tin, '-', '') = ? AND c.service_from BETWEEN ? AND ? "
            "ORDER BY c.service_from DESC LIMIT 1",
            (demo_tin, (today - timedelta(days=60)).isoformat(),
             (today - timedelta(days=3)).isoformat())).fetchone()
        assert row is not None, "no recent claim of the demo TIN to plant the sentinels in"
        conn.execute(
            "UPDATE claims SET patient_first = ?, patient_last = ?, patient_first_key = ?, "
            "patient_last_key = ?, member_id = ?, patient_account_number = ? WHERE id = ?",
            (PATIENT_FIRST, PATIENT_LAST, PATIENT_FIRST.casefold(), PATIENT_LAST.casefold(),
             MEMBER_ID, ACCOUNT_NUMBER, row[0]))
    restarted = start_sandbox(sb_dir, "--rate-limit", "0")
    return Planted(restarted, contract["tin"], contract["npis"][0],
                   contract["organization_name"], str(row[1]))


@contextmanager
def planted_sandbox() -> Iterator[Planted]:
    with tempfile.TemporaryDirectory(prefix="claims-sandbox-sentinel-") as tmp:
        planted = _plant(Path(tmp))
        try:
            yield planted
        finally:
            stop_sandbox(planted.sb)


class _LogLines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextmanager
def user_folders(root: Path) -> Iterator[dict[str, Path]]:
    """HOME, XDG folders and the temp folder, all fresh, for the length of the session."""
    home = root / "home"
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": root / "runtime",
        "TMPDIR": root / "tmp",
    }
    with pytest.MonkeyPatch.context() as mp:
        for name, path in folders.items():
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            mp.setenv(name, str(path))
        mp.setattr(tempfile, "tempdir", str(folders["TMPDIR"]))
        yield folders


def _click(bot: QtBot, w: Any, name: str) -> None:
    button = w.findChild(QAbstractButton, name)
    assert button is not None, name
    bot.mouseClick(button, Qt.MouseButton.LeftButton)


def _clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def run_session(planted: Planted, root: Path, bot: QtBot) -> SessionRecord:
    """Register, accept, sign in, search, open details, copy, edit the account, get
    idle-locked, unlock, sign out, quit: all through the real window."""
    import sys

    sb = planted.sb
    with user_folders(root) as folders:
        record = SessionRecord(root, folders, sb, planted)
        record.qtnetwork_before = "PySide6.QtNetwork" in sys.modules
        handler = _LogLines(record.logs)
        root_logger, app_logger = logging.getLogger(), logging.getLogger("desktop")
        levels = root_logger.level, app_logger.level
        root_logger.addHandler(handler)
        root_logger.setLevel(logging.INFO)  # what main() configures; desktop.* at DEBUG
        app_logger.setLevel(logging.DEBUG)
        original_set_token = PortalClient.set_token

        def set_token(client: PortalClient, token: str | None) -> None:
            if token:
                record.tokens.add(token)
            original_set_token(client, token)

        sampler = QTimer()
        sampler.setInterval(20)
        try:
            with pytest.MonkeyPatch.context() as mp, record.connections.active():
                mp.setattr(PortalClient, "set_token", set_token)
                sampler.timeout.connect(record.connections.sample)
                sampler.start()
                _drive(record, bot)
        finally:
            sampler.stop()
            root_logger.removeHandler(handler)
            root_logger.setLevel(levels[0])
            app_logger.setLevel(levels[1])
    return record


def _drive(record: SessionRecord, bot: QtBot) -> None:
    sb, planted = record.sandbox, record.planted
    w = launch(["--portal-url", sb.url, "--ca-bundle", sb.ca_bundle])
    assert isinstance(w, MainWindow)
    try:
        _steps(record, bot, w, sb, planted)
    finally:
        if w.state != "closed":
            w.abandon()
        w.deleteLater()


def _steps(record: SessionRecord, bot: QtBot, w: MainWindow, sb: Sandbox,
           planted: Planted) -> None:
    step = record.steps.append
    # First launch: the policy (with its third-party image and link) is accepted.
    bot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    gate = w.gate.dialog
    assert gate is not None and "Sentinel edition" in gate.text.toPlainText()
    bot.mouseClick(gate.accept_button, Qt.MouseButton.LeftButton)
    bot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out", timeout=WAIT_MS)
    step("policy accepted")

    # Register.
    bot.mouseClick(w.login.register, Qt.MouseButton.LeftButton)
    bot.waitUntil(lambda: getattr(w, "registration_dialog", None) is not None
                  and w.registration_dialog.isVisible(), timeout=WAIT_MS)
    dialog = w.registration_dialog
    assert isinstance(dialog, RegistrationDialog)
    tin = planted.tin.replace("-", "")
    for name, value in {
        "regFirstName": REG_FIRST, "regLastName": REG_LAST, "regEmail": REG_EMAIL,
        "regPhone": "(202) 555-0199", "regOrganization": planted.organization,
        "regTin": f"{tin[:2]}-{tin[2:]}", "regNpi": planted.npi, "regUsername": USERNAME,
        "regPassword": PASSWORD, "regPasswordConfirm": PASSWORD,
    }.items():
        edit = dialog.findChild(QLineEdit, name)
        assert edit is not None, name
        edit.setText(value)
    with bot.waitSignal(dialog.registered, timeout=WAIT_MS) as signal:
        bot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    # The demo office has users: its administrator approves (here the operator command).
    assert signal.args == [USERNAME, "pending_approval"]
    _click(bot, dialog, "regDone")
    bot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    activate(planted.sb, USERNAME)
    step("registered")

    # Sign in.
    w.login.username.setText(USERNAME)
    w.login.password.setText(PASSWORD)
    bot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
    bot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working", timeout=WAIT_MS)
    if w.gate.dialog is not None:
        bot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
    bot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    record.token_persistent = w.session.token_persistent
    record.keyring_during = _ours(secret_service_items(SERVICE), w)
    step("signed in")

    # Search by the planted member id, open the claim.
    claims = w.screens["claims"]
    assert isinstance(claims, ClaimsScreen)
    _click(bot, w, "navClaims")
    member = claims.findChild(QLineEdit, "searchMemberId")
    assert member is not None
    member.setText(MEMBER_ID)
    bot.keyClick(member, Qt.Key.Key_Return)
    bot.waitUntil(lambda: claims.model.searched and not claims.searching, timeout=WAIT_MS)
    assert claims.model.rowCount() == 1, claims.status.text()
    assert PATIENT_LAST in str(claims.model.index(0, COL_PATIENT).data())
    table = claims.table
    table.setFocus()
    table.setCurrentIndex(claims.model.index(0, COL_PATIENT))
    bot.keyClick(table, Qt.Key.Key_Return)
    bot.waitUntil(lambda: claims.detail.detail is not None, timeout=WAIT_MS)
    step("claim opened")

    # Copy a patient cell, then get idle-locked: the copy goes.
    table.setCurrentIndex(claims.model.index(0, COL_PATIENT))
    bot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    record.clipboard["after copy"] = _clipboard_text()

    # Edit the account.
    account = w.screens["account"]
    assert isinstance(account, AccountScreen)
    _click(bot, w, "navAccount")
    bot.waitUntil(lambda: account.account is not None, timeout=WAIT_MS)
    phone = account.findChild(QLineEdit, "accountPhone")
    assert phone is not None
    phone.setText("(202) 555-0187")
    _click(bot, account, "accountSave")
    bot.waitUntil(lambda: not account.saving and not account.has_unsaved_changes(),
                  timeout=WAIT_MS)
    step("account saved")

    w.idle.stop()
    w.idle._timer.setInterval(50)
    w.idle.set_timeout(1.0, 0.5)
    w.idle.start()
    bot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    record.clipboard["after lock"] = _clipboard_text()
    step("idle-locked")
    w.idle.set_timeout(900.0)
    w.lock.password.setText(PASSWORD)
    _click(bot, w, "unlockButton")
    bot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    step("unlocked")

    # Copy a claim line cell and a member id cell, then sign out.
    _click(bot, w, "navClaims")
    lines = claims.detail.lines
    assert lines.rowCount() >= 1
    lines.setFocus()
    lines.setCurrentCell(0, 2)
    bot.keyClick(lines, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cell = lines.item(0, 2)
    assert cell is not None
    record.clipboard["line cell"] = cell.text()
    record.clipboard["after line copy"] = _clipboard_text()
    table.setFocus()
    table.setCurrentIndex(claims.model.index(0, COL_MEMBER))
    bot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    record.clipboard["after member copy"] = _clipboard_text()
    _click(bot, w, "signOutButton")
    bot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    record.clipboard["after sign-out"] = _clipboard_text()
    record.keyring_after_sign_out = _ours(secret_service_items(SERVICE), w)
    step("signed out")

    # Quit.
    with bot.waitSignal(w.closed, timeout=WAIT_MS):
        w.close()
    assert w.state == "closed"
    step("quit")


def _ours(items: list[dict[str, str]] | None, w: MainWindow) -> list[dict[str, str]] | None:
    """Only this session's portal origin: other suites in the same run use other ports."""
    if items is None:
        return None
    return [i for i in items if i.get("username") == w.session.origin]
