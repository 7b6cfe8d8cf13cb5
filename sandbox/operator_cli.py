"""Operator commands that steer a sandbox's data, also while its server is running.

They open the same SQLite file (WAL mode allows one writer beside the server's readers);
the server reads the current policy and account status per request, so changes show at once.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sandbox import auth, db, outbox, security_log, seed, verification
from sandbox.routes_policy import list_acceptances


class OperatorError(Exception):
    """A message for the operator; the command exits 1."""


def open_data(data_dir: Path) -> sqlite3.Connection:
    path = db.db_path(data_dir.resolve())
    if not path.exists():
        raise OperatorError(f"no sandbox data in {data_dir} (start `serve` once first)")
    conn = db.connect(path)
    db.migrate(conn)
    return conn


def _print(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def publish_policy(data_dir: Path, version: str, title: str, summary: str, body: Path) -> None:
    if not version.strip():
        raise OperatorError("the version must not be empty")
    text = body.read_text("utf-8")
    effective_at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = open_data(data_dir)
    try:
        with db.transaction(conn):
            if conn.execute("SELECT 1 FROM policies WHERE version = ?", (version,)).fetchone():
                raise OperatorError(f"policy version {version} already exists")
            seed.insert_policy(conn, version, effective_at, title, summary, text)
    finally:
        conn.close()
    _print({"version": version, "effective_at": effective_at, "current": True})


def activate(data_dir: Path, username: str) -> None:
    conn = open_data(data_dir)
    try:
        with db.transaction(conn):
            row = conn.execute(
                "SELECT id, username, status FROM users WHERE username_key = ?",
                (auth.username_key(username),),
            ).fetchone()
            if row is None:
                raise OperatorError(f"no user named {username}")
            if row["status"] == "deactivated":
                raise OperatorError(f"{username} is deactivated and cannot be activated")
            conn.execute(
                "UPDATE users SET status = 'active', row_version = row_version + 1 "
                "WHERE username_key = ? AND status IN ('pending_review', 'pending_approval', "
                "'pending_verification', 'refused')",
                (auth.username_key(username),),
            )
    finally:
        conn.close()
    if row["status"] != "active":
        security_log.SecurityLog(data_dir.resolve()).record(
            security_log.Event.APPROVED, request_id=None, user_id=int(row["id"]),
            reason="operator")
    _print({"username": row["username"], "status": "active"})


def acceptances(data_dir: Path, username: str) -> None:
    conn = open_data(data_dir)
    try:
        row = conn.execute(
            "SELECT id FROM users WHERE username_key = ?", (auth.username_key(username),)
        ).fetchone()
        if row is None:
            raise OperatorError(f"no user named {username}")
        _print(list_acceptances(conn, int(row["id"])))
    finally:
        conn.close()


def contracts(data_dir: Path) -> None:
    conn = open_data(data_dir)
    try:
        _print(
            [
                {"organization_name": o.name, "tin": o.tin, "npis": o.npis,
                 # What the office's remittance advice shows: the knowledge check's answers.
                 "recent_payments": verification.recent_payments(conn, o.id)}
                for o in seed.organizations(conn)
            ]
        )
    finally:
        conn.close()


def print_outbox(data_dir: Path) -> None:
    """What the portal "sent" (verification codes to offices' contacts), oldest first."""
    conn = open_data(data_dir)
    try:
        _print(outbox.messages(conn))
    finally:
        conn.close()


def print_security_log(data_dir: Path, since: str | None) -> None:
    """The security events, one JSON object per line, from `since` (ISO 8601) if given."""
    cutoff = None
    if since is not None:
        try:
            cutoff = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
        except ValueError as exc:
            raise OperatorError("--since must be an ISO 8601 date or instant") from exc
        if cutoff.tzinfo is None:
            cutoff = cutoff.replace(tzinfo=dt.UTC)
    open_data(data_dir).close()
    for entry in security_log.read(data_dir.resolve(), cutoff):
        sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")


def reset_mfa(data_dir: Path, username: str) -> None:
    """Provider support's answer to a lost phone without recovery codes."""
    conn = open_data(data_dir)
    try:
        with db.transaction(conn):
            row = conn.execute("SELECT id, username FROM users WHERE username_key = ?",
                               (auth.username_key(username),)).fetchone()
            if row is None:
                raise OperatorError(f"no user named {username}")
            conn.execute("DELETE FROM totp WHERE user_id = ?", (row["id"],))
            conn.execute("DELETE FROM recovery_codes WHERE user_id = ?", (row["id"],))
    finally:
        conn.close()
    security_log.SecurityLog(data_dir.resolve()).record(
        security_log.Event.MFA_DISABLED, request_id=None, user_id=int(row["id"]),
        reason="operator")
    _print({"username": row["username"], "mfa_enabled": False})
