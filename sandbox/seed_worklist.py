"""Seed the clerk's day so the demo shows real work: follow-ups, colleagues, changed claims.

Runs once per data folder (after the claims, or on the first start of a folder seeded
by an older sandbox), from its own `random.Random` so it does not shift the claims.
Each demo office gets a colleague to hand follow-ups to (an active user whose password
nobody knows), about a hundred follow-ups per demo user spread from three weeks overdue
to a month ahead, mostly on denied, rejected and pending claims, and some claims whose
status moved on since the demo user "last opened" them.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import sqlite3
import time

from sandbox import auth, db, fiction
from sandbox import worklist_store as store

log = logging.getLogger("sandbox.seed")

FOLLOWUPS_PER_USER = 100
CHANGED_PER_USER = 25
TODAY_PER_USER = 4
WORK_CATEGORIES = ("F2", "F4", "P3", "R4", "A3", "A6", "A7", "P2", "F1")
NOTES = (
    "Call the payer about this denial",
    "Resubmit with the corrected modifier",
    "Waiting on the operative report from the surgeon",
    "Check whether the patient has new coverage",
    "Appeal letter drafted; needs the doctor's signature",
    "Patient statement to go out",
    "Confirm the authorization number with the front desk",
    "",
)


def ensure(conn: sqlite3.Connection) -> None:
    if db.get_meta(conn, "worklist_seeded") is not None:
        return
    started = time.monotonic()
    rng = random.Random(int(db.get_meta(conn, "seed") or 0) + 16)
    users = conn.execute(
        "SELECT id, org_id, username FROM users WHERE username LIKE 'demo-clerk-%' "
        "AND org_id IS NOT NULL ORDER BY id").fetchall()
    count = 0
    with db.transaction(conn):
        for user in users:
            _colleague(conn, rng, int(user["org_id"]), user["username"])
            count += _followups(conn, rng, int(user["id"]), int(user["org_id"]))
            _seen(conn, rng, int(user["id"]), int(user["org_id"]))
        db.set_meta(conn, "worklist_seeded", str(int(time.time())))
    log.info("seeded %d follow-ups in %.1f s", count, time.monotonic() - started)


def _colleague(conn: sqlite3.Connection, rng: random.Random, org_id: int, of: str) -> None:
    username = of.replace("demo-clerk", "demo-colleague")
    org = conn.execute("SELECT name, tin FROM organizations WHERE id = ?", (org_id,)).fetchone()
    npi = conn.execute("SELECT npi FROM org_npis WHERE org_id = ? LIMIT 1", (org_id,)).fetchone()
    conn.execute(
        "INSERT INTO users(username, username_key, password_hash, first_name, last_name, "
        "email, phone, organization_name, tin, npi, org_id, status, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,'active',?)",
        (username, auth.username_key(username), auth.hash_password(secrets.token_urlsafe(24)),
         rng.choice(fiction.FIRST_NAMES), rng.choice(fiction.LAST_NAMES),
         f"{username}@example.com", f"202555{rng.randrange(200, 300):04d}", org["name"],
         org["tin"], npi["npi"], org_id, time.time() - 86400 * 150))


def _followups(conn: sqlite3.Connection, rng: random.Random, user_id: int, org_id: int) -> int:
    marks = ",".join("?" * len(WORK_CATEGORIES))
    rows = conn.execute(
        f"SELECT id FROM claims WHERE org_id = ? AND category IN ({marks}) "  # noqa: S608
        "ORDER BY id DESC LIMIT 2000", (org_id, *WORK_CATEGORIES)).fetchall()
    picked = rng.sample(rows, min(FOLLOWUPS_PER_USER, len(rows)))
    today = time.gmtime()
    base = time.mktime(time.struct_time((*today[:3], 12, 0, 0, *today[6:])))
    now = time.time()
    for index, row in enumerate(picked):
        # The first few are due today, so every demo day has all three buckets.
        offset = 0 if index < TODAY_PER_USER else rng.randint(-21, 30)
        due = time.strftime("%Y-%m-%d", time.gmtime(base + 86400 * offset))
        conn.execute(
            "INSERT INTO followups(public_id, org_id, claim_row, assignee_id, created_by, "
            "due_date, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (store.new_public_id("w_"), org_id, int(row["id"]), user_id, user_id, due,
             rng.choice(NOTES), now - 86400 * 30, now - 86400 * rng.randint(1, 20)))
    return len(picked)


def _seen(conn: sqlite3.Connection, rng: random.Random, user_id: int, org_id: int) -> None:
    """Claims the user opened when they had an earlier status of their history."""
    rows = conn.execute(
        "SELECT id, detail FROM claims WHERE org_id = ? AND category LIKE 'F%' "
        "ORDER BY id DESC LIMIT 500", (org_id,)).fetchall()
    now = time.time()
    for row in rng.sample(rows, min(CHANGED_PER_USER, len(rows))):
        history = json.loads(row["detail"])[1]
        if len(history) < 2:
            continue
        category, code, _at = history[-2]
        conn.execute(
            "INSERT OR REPLACE INTO claim_seen(user_id, claim_row, category, status_code, "
            "seen_at) VALUES (?,?,?,?,?)",
            (user_id, int(row["id"]), category, code, now - 86400 * rng.randint(2, 40)))
