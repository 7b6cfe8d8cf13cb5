"""The reference portal's outbox: messages a real portal would send by mail or e-mail.

Why a table and not an SMTP client: the sandbox runs on loopback with made-up offices,
so "sending" a verification code means writing it where an operator or a test can read
it (`python -m sandbox outbox --data DIR`), and nowhere else.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sandbox import db
from sandbox.validation import iso_instant


def send(conn: sqlite3.Connection, to_address: str, subject: str, body: str) -> None:
    conn.execute(
        "INSERT INTO outbox(at, to_address, subject, body) VALUES (?, ?, ?, ?)",
        (db.now(), to_address, subject, body),
    )


def messages(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, at, to_address, subject, body FROM outbox ORDER BY id"
    ).fetchall()
    return [
        {"id": int(r["id"]), "at": iso_instant(float(r["at"])), "to": r["to_address"],
         "subject": r["subject"], "body": r["body"]}
        for r in rows
    ]
