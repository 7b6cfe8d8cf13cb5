"""SQLite storage: schema, migrations and per-thread connections.

One file in the data folder holds everything. WAL mode lets the operator commands
(`publish-policy`, `activate`, ...) write while a server is reading, and lets the request
threads read without blocking each other. The schema version lives in `PRAGMA user_version`
so a data folder written by an older sandbox is migrated in place on the next start.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sandbox import worklist_store

DB_FILE = "sandbox.sqlite3"

# Each entry migrates from version i to i + 1. Claim indexes are not here: they are built
# after the bulk insert (see `CLAIM_INDEXES`), which is several times faster than keeping
# them up to date row by row.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE organizations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        tin TEXT NOT NULL UNIQUE
    );
    CREATE TABLE org_npis (
        org_id INTEGER NOT NULL REFERENCES organizations(id),
        npi TEXT NOT NULL,
        PRIMARY KEY (org_id, npi)
    ) WITHOUT ROWID;
    CREATE TABLE policies (
        seq INTEGER PRIMARY KEY,
        version TEXT NOT NULL UNIQUE,
        effective_at TEXT NOT NULL,
        title TEXT NOT NULL,
        summary_of_changes TEXT NOT NULL,
        body_markdown TEXT NOT NULL
    );
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL,
        username_key TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT NOT NULL,
        phone TEXT NOT NULL,
        organization_name TEXT NOT NULL,
        tin TEXT NOT NULL,
        npi TEXT NOT NULL,
        org_id INTEGER REFERENCES organizations(id),
        status TEXT NOT NULL,
        created_at REAL NOT NULL,
        email_notices INTEGER NOT NULL DEFAULT 1,
        paper_mail INTEGER NOT NULL DEFAULT 0,
        preferred_channel TEXT NOT NULL DEFAULT 'email',
        row_version INTEGER NOT NULL DEFAULT 1,
        deactivation_reason TEXT
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at REAL NOT NULL,
        last_seen_at REAL NOT NULL
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE TABLE acceptances (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        version TEXT NOT NULL,
        accepted_at REAL NOT NULL,
        receipt_id TEXT NOT NULL UNIQUE,
        UNIQUE (user_id, version)
    );
    CREATE TABLE sign_in_failures (username_key TEXT NOT NULL, at REAL NOT NULL);
    CREATE INDEX sign_in_failures_key ON sign_in_failures(username_key, at);
    CREATE TABLE lockouts (username_key TEXT PRIMARY KEY, until REAL NOT NULL);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        org_id INTEGER NOT NULL,
        claim_number TEXT NOT NULL,
        member_id TEXT NOT NULL,
        patient_first TEXT NOT NULL,
        patient_last TEXT NOT NULL,
        patient_first_key TEXT NOT NULL,
        patient_last_key TEXT NOT NULL,
        patient_dob TEXT NOT NULL,
        patient_account_number TEXT NOT NULL,
        billing_npi TEXT NOT NULL,
        rendering_npi TEXT NOT NULL,
        service_from TEXT NOT NULL,
        service_to TEXT NOT NULL,
        received_at TEXT NOT NULL,
        category TEXT NOT NULL,
        status_code TEXT NOT NULL,
        billed INTEGER NOT NULL,
        allowed INTEGER NOT NULL,
        paid INTEGER NOT NULL,
        patient_resp INTEGER NOT NULL,
        paid_at TEXT,
        payment_method TEXT,
        payment_number TEXT,
        payment_date TEXT,
        detail TEXT NOT NULL
    );
    """,
    # 2: opaque public claim ids (random, not the row number); see PUBLIC_ID_SQL.
    """
    ALTER TABLE claims ADD COLUMN public_id TEXT;
    UPDATE claims SET public_id = 'c' || lower(hex(randomblob(12))) WHERE public_id IS NULL;
    """,
    # 3: the office proves itself (issue 13): administrators, verification codes sent to
    # the office's contact of record, two-step sign-in, and the outbox those codes go to.
    """
    ALTER TABLE organizations ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
    UPDATE organizations SET contact_email = 'contracts.office' || id || '@example.org'
        WHERE contact_email = '';
    ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN decided_by INTEGER;
    ALTER TABLE users ADD COLUMN decision_reason TEXT;
    UPDATE users SET is_admin = 1 WHERE id IN (
        SELECT MIN(id) FROM users WHERE status = 'active' GROUP BY org_id);
    CREATE TABLE verifications (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        code_hash TEXT NOT NULL,
        expires_at REAL NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        used_at REAL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE totp (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        secret TEXT NOT NULL,
        confirmed_at REAL,
        last_step INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE recovery_codes (
        user_id INTEGER NOT NULL REFERENCES users(id),
        code_hash TEXT NOT NULL,
        used_at REAL,
        PRIMARY KEY (user_id, code_hash)
    ) WITHOUT ROWID;
    """,
    # 4: Payments (remittances): one row per EFT or check; its claims in payment order. A
    # claim's entry carries its own lines only when they differ from the claim's current
    # ones (the first adjudication that a reversal takes back). See seed_payments.py.
    """
    CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        org_id INTEGER NOT NULL,
        method TEXT NOT NULL,
        trace_number TEXT NOT NULL,
        paid_date TEXT NOT NULL,
        total INTEGER NOT NULL,
        claims_paid INTEGER NOT NULL,
        claim_count INTEGER NOT NULL,
        plb TEXT NOT NULL
    );
    CREATE INDEX payments_org_date ON payments(org_id, paid_date, id);
    CREATE INDEX payments_org_trace ON payments(org_id, trace_number);
    CREATE TABLE payment_claims (
        payment_id INTEGER NOT NULL REFERENCES payments(id),
        seq INTEGER NOT NULL,
        claim_row_id INTEGER NOT NULL,
        clp_status TEXT NOT NULL,
        sign INTEGER NOT NULL,
        lines TEXT,
        PRIMARY KEY (payment_id, seq)
    ) WITHOUT ROWID;
    """,
    # 5: the clerk's day (follow-ups, last-seen statuses, saved searches).
    worklist_store.SCHEMA,
]

# The public id of a claim: 96 bits from SQLite's CSPRNG (ChaCha20 seeded from the OS),
# drawn inside the INSERT so that seeding a million claims costs no Python per row.
# Keyset paging still uses the integer rowid internally; only this text leaves the sandbox.
PUBLIC_ID_SQL = "'c' || lower(hex(randomblob(12)))"

# Built once after seeding. Every search is scoped to one organization, so each index
# starts with org_id; the rowid (claim id) is implicitly the last column of every index,
# which gives keyset paging its tie-breaker for free.
CLAIM_INDEXES: list[str] = [
    "CREATE UNIQUE INDEX IF NOT EXISTS claims_public ON claims(public_id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS claims_number ON claims(claim_number)",
    # Sort indexes: (org, sort key, id) gives the page order directly; service_from and
    # category ride along so the date-range and status filters need no table lookups.
    "CREATE INDEX IF NOT EXISTS claims_org_from ON claims(org_id, service_from, id, category)",
    "CREATE INDEX IF NOT EXISTS claims_org_billed "
    "ON claims(org_id, billed, id, service_from, category)",
    "CREATE INDEX IF NOT EXISTS claims_org_received "
    "ON claims(org_id, received_at, id, service_from, category)",
    # The status index carries every sort key, so a sparse status search sorts in the index.
    "CREATE INDEX IF NOT EXISTS claims_org_cat "
    "ON claims(org_id, category, service_from, billed, received_at)",
    # Filter indexes for the selective criteria; service_from rides along for the range
    # filter and the default order, so only the rows of the page are read from the table.
    "CREATE INDEX IF NOT EXISTS claims_org_member ON claims(org_id, member_id, service_from)",
    "CREATE INDEX IF NOT EXISTS claims_org_name "
    "ON claims(org_id, patient_last_key, patient_first_key, service_from)",
    "CREATE INDEX IF NOT EXISTS claims_org_first "
    "ON claims(org_id, patient_first_key, service_from)",
    "CREATE INDEX IF NOT EXISTS claims_org_dob ON claims(org_id, patient_dob, service_from)",
    "CREATE INDEX IF NOT EXISTS claims_org_bnpi ON claims(org_id, billing_npi, service_from)",
    "CREATE INDEX IF NOT EXISTS claims_org_rnpi ON claims(org_id, rendering_npi, service_from)",
]


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE


def connect(path: Path) -> sqlite3.Connection:
    """Open a connection in autocommit mode; writers use `transaction()` explicitly."""
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA mmap_size=268435456")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE so that read-then-write sequences cannot race another writer."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version, len(MIGRATIONS)):
        with transaction(conn):
            for statement in _split(MIGRATIONS[target]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={target + 1}")


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


class Database:
    """Hands each thread its own connection to the one database file.

    FastAPI runs plain `def` endpoints in a thread pool; SQLite connections must not be
    shared across threads while in use, so each worker thread keeps one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
        return conn


def now() -> float:
    """Wall-clock UTC epoch seconds: what the session and lockout rows store."""
    return time.time()
