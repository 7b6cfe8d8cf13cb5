"""First-start seeding: policies, contracted organizations, demo users, then claims.

Everything comes from one `random.Random(seed)`, so two sandboxes started with the same
seed hold the same organizations, TINs, NPIs and claims (only the dates move with "today").
"""

from __future__ import annotations

import json
import logging
import random
import secrets
import sqlite3
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from stdnum import luhn
from stdnum.us import ein

from sandbox import auth, db, fiction
from sandbox.seed_claims import seed_claims
from sandbox.seed_payments import seed_payments

log = logging.getLogger("sandbox.seed")

POLICY_DIR = Path(__file__).resolve().parent / "policies"
ORGANIZATION_COUNT = 6
# EIN prefixes the IRS assigns (checked again with stdnum when used).
EIN_PREFIXES = ("12", "20", "27", "35", "45", "46", "47", "81", "82", "83", "84", "86", "87")
DEMO_USERS = (
    ("demo-clerk-1", "demo-password-clerk-1", 0),
    ("demo-clerk-2", "demo-password-clerk-2", 1),
    ("demo-clerk-3", "demo-password-clerk-3", 2),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    organization_name: str
    tin: str
    npi: str


@dataclass(frozen=True)
class Organization:
    id: int
    name: str
    tin: str
    npis: list[str]


def make_npi(rng: random.Random) -> str:
    body = "1" + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + luhn.calc_check_digit("80840" + body)


def make_ein(rng: random.Random, taken: set[str]) -> str:
    while True:
        tin = rng.choice(EIN_PREFIXES) + f"{rng.randrange(10**7):07d}"
        if ein.is_valid(tin) and tin not in taken:
            taken.add(tin)
            return tin


def load_policy_files(policy_dir: Path = POLICY_DIR) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads((policy_dir / "versions.json").read_text("utf-8"))
    policies = []
    for entry in entries:
        body = (policy_dir / entry["file"]).read_text("utf-8")
        policies.append({**entry, "body_markdown": body})
    return policies


def insert_policy(
    conn: sqlite3.Connection, version: str, effective_at: str, title: str, summary: str,
    body: str,
) -> None:
    conn.execute(
        "INSERT INTO policies(version, effective_at, title, summary_of_changes, body_markdown) "
        "VALUES (?,?,?,?,?)",
        (version, effective_at, title, summary, body),
    )


def is_seeded(conn: sqlite3.Connection) -> bool:
    return db.get_meta(conn, "seeded_at") is not None


def demo_users(conn: sqlite3.Connection) -> list[DemoUser]:
    raw = db.get_meta(conn, "demo_users")
    return [DemoUser(**d) for d in json.loads(raw)] if raw else []


def organizations(conn: sqlite3.Connection) -> list[Organization]:
    orgs = []
    for row in conn.execute("SELECT id, name, tin FROM organizations ORDER BY id").fetchall():
        npis = [
            r[0] for r in conn.execute(
                "SELECT npi FROM org_npis WHERE org_id = ? ORDER BY npi", (row["id"],)
            )
        ]
        orgs.append(Organization(int(row["id"]), str(row["name"]), str(row["tin"]), npis))
    return orgs


def seed(conn: sqlite3.Connection, claims: int, seed_value: int) -> None:
    """Seed an empty database. Claims go in last, in their own big transactions."""
    rng = random.Random(seed_value)
    started = time.monotonic()
    with db.transaction(conn):
        policies = load_policy_files()
        for p in policies:
            insert_policy(
                conn, p["version"], p["effective_at"], p["title"], p["summary_of_changes"],
                p["body_markdown"],
            )
        orgs = _seed_organizations(conn, rng)
        older = policies[-2]["version"] if len(policies) > 1 else None
        users = _seed_demo_users(conn, rng, orgs, older)
        db.set_meta(conn, "demo_users", json.dumps([asdict(u) for u in users]))
        db.set_meta(conn, "cursor_secret", secrets.token_hex(32))
        db.set_meta(conn, "seed", str(seed_value))
    seed_claims(conn, rng, orgs, claims)
    seed_payments(conn, rng)
    with db.transaction(conn):
        db.set_meta(conn, "claims", str(claims))
        db.set_meta(conn, "seeded_at", str(int(time.time())))
    log.info("seeded %d claims in %.1f s", claims, time.monotonic() - started)


def _seed_organizations(conn: sqlite3.Connection, rng: random.Random) -> list[Organization]:
    taken: set[str] = set()
    orgs: list[Organization] = []
    for name in fiction.ORGANIZATION_NAMES[:ORGANIZATION_COUNT]:
        tin = make_ein(rng, taken)
        npis: list[str] = []
        roster_size = rng.randint(3, 8)
        while len(npis) < roster_size:
            npi = make_npi(rng)
            if npi not in npis:
                npis.append(npi)
        cur = conn.execute(
            "INSERT INTO organizations(name, tin, contact_email) VALUES (?, ?, ?)",
            (name, tin, f"contracts.office{len(orgs) + 1}@example.org"),
        )
        assert cur.lastrowid is not None
        conn.executemany(
            "INSERT INTO org_npis(org_id, npi) VALUES (?, ?)",
            [(cur.lastrowid, n) for n in npis],
        )
        orgs.append(Organization(cur.lastrowid, name, tin, npis))
    return orgs


def _seed_demo_users(
    conn: sqlite3.Connection, rng: random.Random, orgs: list[Organization],
    accepted_version: str | None,
) -> list[DemoUser]:
    users = []
    for username, password, org_index in DEMO_USERS:
        org = orgs[org_index]
        npi = org.npis[1 % len(org.npis)]
        first = rng.choice(fiction.FIRST_NAMES)
        last = rng.choice(fiction.LAST_NAMES)
        values: dict[str, Any] = {
            "username": username,
            "username_key": auth.username_key(username),
            "password_hash": auth.hash_password(password),
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.com",
            "phone": f"202555{rng.randrange(100, 200):04d}",
            "organization_name": org.name,
            "tin": org.tin,
            "npi": npi,
            "org_id": org.id,
            "status": "active",
            # The first user of each demo office administers it (approves new users).
            "is_admin": 1,
            "created_at": time.time() - 86400 * 200,
        }
        # Column names are the literal keys above, never input.
        cur = conn.execute(
            f"INSERT INTO users({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",  # noqa: S608
            tuple(values.values()),
        )
        if accepted_version is not None:
            conn.execute(
                "INSERT INTO acceptances(user_id, version, accepted_at, receipt_id) "
                "VALUES (?,?,?,?)",
                (cur.lastrowid, accepted_version, time.time() - 86400 * 180,
                 "rcpt_" + uuid.uuid4().hex),
            )
        users.append(DemoUser(username, password, org.name, org.tin, npi))
    return users
