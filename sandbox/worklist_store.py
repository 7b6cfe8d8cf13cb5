"""Storage of the clerk's day: follow-ups, last-seen statuses and saved searches.

Why on the portal: claim numbers, names and notes are PHI and the desktop keeps none of
them on the PC, so everything a clerk wants to find again tomorrow lives here, scoped to
the office (org_id) and, where personal, to the user. Follow-ups and saved searches get
opaque random public ids; a follow-up carries a version counter for its ETag, like the
account.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from typing import Any

SCHEMA = """
CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    org_id INTEGER NOT NULL,
    claim_row INTEGER NOT NULL,
    assignee_id INTEGER NOT NULL REFERENCES users(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    due_date TEXT NOT NULL,
    note TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open',
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX followups_assignee ON followups(assignee_id, state, due_date);
CREATE TABLE claim_seen (
    user_id INTEGER NOT NULL REFERENCES users(id),
    claim_row INTEGER NOT NULL,
    category TEXT NOT NULL,
    status_code TEXT NOT NULL,
    seen_at REAL NOT NULL,
    PRIMARY KEY (user_id, claim_row)
) WITHOUT ROWID;
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    org_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    criteria TEXT NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (user_id, name)
);
"""

CHANGED_LIMIT = 200


def new_public_id(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(12)


def followup_etag(row: sqlite3.Row) -> str:
    digest = hashlib.sha256(f"w:{row['public_id']}:{row['row_version']}".encode()).hexdigest()
    return f'"{digest[:24]}"'


def mark_seen(conn: sqlite3.Connection, user_id: int, claim: sqlite3.Row, now: float) -> None:
    """The claim detail was fetched: this status is what the user has now seen."""
    conn.execute(
        "INSERT INTO claim_seen(user_id, claim_row, category, status_code, seen_at) "
        "VALUES (?,?,?,?,?) ON CONFLICT(user_id, claim_row) DO UPDATE SET "
        "category = excluded.category, status_code = excluded.status_code, "
        "seen_at = excluded.seen_at",
        (user_id, int(claim["id"]), claim["category"], claim["status_code"], now),
    )


FOLLOWUP_SELECT = (
    "SELECT f.*, u.username AS assignee_username, u.first_name AS assignee_first, "
    "u.last_name AS assignee_last, c.public_id AS claim_public_id, c.claim_number, "
    "c.patient_first, c.patient_last, c.category, c.status_code "
    "FROM followups f JOIN users u ON u.id = f.assignee_id "
    "JOIN claims c ON c.id = f.claim_row "
)


def load_followup(conn: sqlite3.Connection, public_id: str, org_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        FOLLOWUP_SELECT + "WHERE f.public_id = ? AND f.org_id = ?", (public_id, org_id)
    ).fetchone()
    return row


def open_followups(conn: sqlite3.Connection, user_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        FOLLOWUP_SELECT + "WHERE f.assignee_id = ? AND f.state = 'open' "
        "ORDER BY f.due_date, f.id LIMIT 1000", (user_id,)
    ).fetchall()


def changed_claims(conn: sqlite3.Connection, user_id: int, org_id: int) -> list[sqlite3.Row]:
    """Claims whose status moved on since the user last opened them, newest change first."""
    return conn.execute(
        "SELECT s.category AS seen_category, s.status_code AS seen_code, s.seen_at, "
        "c.id, c.public_id, c.claim_number, c.category, c.status_code "
        "FROM claim_seen s JOIN claims c ON c.id = s.claim_row "
        "WHERE s.user_id = ? AND c.org_id = ? "
        "AND (s.category != c.category OR s.status_code != c.status_code) "
        "ORDER BY s.seen_at DESC LIMIT ?", (user_id, org_id, CHANGED_LIMIT)
    ).fetchall()


def office_users(conn: sqlite3.Connection, org_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, username, first_name, last_name FROM users "
        "WHERE org_id = ? AND status = 'active' ORDER BY username_key", (org_id,)
    ).fetchall()


def display_name(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def user_ref(username: str, first: str, last: str) -> dict[str, Any]:
    return {"username": username, "display_name": display_name(first, last)}
