"""Proving control of an office that has no users yet: a code and a knowledge check.

Public identifiers (TIN, NPI, organization name) prove nothing: they are on every W-9
and in the NPI registry. So the first user of an office must show two things only the
office has: a one-time code sent to the office's contact of record on the contracting
file (not to the e-mail address the registrant typed), and the amount and date of one
payment the payer made to that TIN in the last 90 days (what the office's remittance
advice shows). Codes are 8 digits, stored as an HMAC, valid 24 hours, single use, and
void after five wrong tries.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3

from sandbox import db, outbox

CODE_TTL_S = 24 * 3600
MAX_ATTEMPTS = 5
KNOWLEDGE_WINDOW_DAYS = 90
_AMOUNT = re.compile(r"\d{1,9}\.\d{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _code_hash(secret: bytes, user_id: int, code: str) -> str:
    return hmac.new(secret, f"verify:{user_id}:{code}".encode(), hashlib.sha256).hexdigest()


def issue(conn: sqlite3.Connection, secret: bytes, user: sqlite3.Row) -> None:
    """A fresh code for a pending user (replacing any earlier one), sent to the office."""
    code = f"{secrets.randbelow(10**8):08d}"
    user_id = int(user["id"])
    conn.execute(
        "INSERT INTO verifications(user_id, code_hash, expires_at, attempts, used_at) "
        "VALUES (?, ?, ?, 0, NULL) ON CONFLICT(user_id) DO UPDATE SET "
        "code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0, "
        "used_at = NULL",
        (user_id, _code_hash(secret, user_id, code), db.now() + CODE_TTL_S),
    )
    org = conn.execute(
        "SELECT name, contact_email FROM organizations WHERE id = ?", (user["org_id"],)
    ).fetchone()
    outbox.send(
        conn, str(org["contact_email"]),
        f"Claims Online Portal: a new user for {org['name']}",
        f"{user['first_name']} {user['last_name']} ({user['email']}) registered as a user "
        f"of {org['name']} on the Claims Online Portal. If this person works for your "
        f"office, give them this code: {code}\n\nIt works once, for 24 hours. If you do "
        "not know this person, do not give them the code, and tell Provider Services.",
    )


def amount_error(text: str) -> str | None:
    return None if _AMOUNT.fullmatch(text) else (
        "Write the amount in dollars and cents, like 1234.50.")


def date_error(text: str) -> str | None:
    return None if _DATE.fullmatch(text) else "Write the date like 2026-11-27."


def cents(amount: str) -> int:
    dollars, _, rest = amount.partition(".")
    return int(dollars) * 100 + int(rest)


def knows_a_payment(conn: sqlite3.Connection, org_id: int, amount: str, day: str) -> bool:
    """Whether the payer paid `amount` to the office on `day`, within the last 90 days."""
    row = conn.execute(
        "SELECT 1 FROM claims WHERE org_id = ? AND payment_date = ? AND paid = ? "
        "AND payment_date >= date('now', ?) LIMIT 1",
        (org_id, day, cents(amount), f"-{KNOWLEDGE_WINDOW_DAYS} days"),
    ).fetchone()
    return row is not None


def recent_payments(conn: sqlite3.Connection, org_id: int, limit: int = 3) -> list[dict[str, str]]:
    """What the office's remittance advice would show (for the operator's `contracts`)."""
    from sandbox.wire import money

    rows = conn.execute(
        "SELECT payment_date, paid FROM claims WHERE org_id = ? AND paid > 0 "
        "AND payment_date >= date('now', ?) ORDER BY payment_date DESC, id LIMIT ?",
        (org_id, f"-{KNOWLEDGE_WINDOW_DAYS} days", limit),
    ).fetchall()
    return [{"date": str(r["payment_date"]), "amount": money(int(r["paid"]))} for r in rows]


class Check:
    """The outcome of one attempt (`ok`, `expired`, or `wrong` with attempts left)."""

    def __init__(self, outcome: str, attempts_left: int = 0) -> None:
        self.outcome = outcome
        self.attempts_left = attempts_left


def attempt(conn: sqlite3.Connection, secret: bytes, user: sqlite3.Row, code: str,
            knowledge_ok: bool) -> Check:
    """Count one try against the code; caller holds the transaction."""
    user_id = int(user["id"])
    row = conn.execute("SELECT * FROM verifications WHERE user_id = ?", (user_id,)).fetchone()
    if (row is None or row["used_at"] is not None or float(row["expires_at"]) <= db.now()
            or int(row["attempts"]) >= MAX_ATTEMPTS):
        return Check("expired")
    right = hmac.compare_digest(str(row["code_hash"]), _code_hash(secret, user_id, code))
    if right and knowledge_ok:
        conn.execute("UPDATE verifications SET used_at = ? WHERE user_id = ?",
                     (db.now(), user_id))
        return Check("ok")
    attempts = int(row["attempts"]) + 1
    conn.execute("UPDATE verifications SET attempts = ? WHERE user_id = ?", (attempts, user_id))
    return Check("wrong", MAX_ATTEMPTS - attempts)
