"""Passwords, tokens, sessions, sign-in lockout and the per-address rate limit.

Passwords are hashed with Argon2id at the OWASP-recommended minimum cost (19 MiB, 2
passes, 1 lane): strong enough to be the real thing, cheap enough that a test suite can
sign in hundreds of times on a two-core machine. Tokens are 256-bit random strings; only
their SHA-256 is stored, so a copy of the database cannot be replayed as sessions.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import sqlite3
import threading
import time
from collections import deque
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sandbox import db

HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# Verified against when the username does not exist, so that both paths cost the same.
_DUMMY_HASH = HASHER.hash("not-a-real-password-for-timing-only")
FAILURE_WINDOW_S = 15 * 60
MAX_FAILURES = 5
MAX_TOKEN_CHARS = 512


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def username_key(username: str) -> str:
    return username.casefold()


@dataclass(frozen=True)
class SessionTimes:
    created_at: float
    last_seen_at: float

    def expires_at(self, idle_s: int, absolute_s: int) -> float:
        return min(self.last_seen_at + idle_s, self.created_at + absolute_s)


def create_session(conn: sqlite3.Connection, user_id: int,
                   created_at: float | None = None) -> tuple[str, SessionTimes]:
    """A new token; `created_at` carries an older session's start over (re-authentication)."""
    token = new_token()
    now = db.now()
    started = now if created_at is None else created_at
    conn.execute(
        "INSERT INTO sessions(token_hash, user_id, created_at, last_seen_at) VALUES (?,?,?,?)",
        (token_hash(token), user_id, started, now),
    )
    return token, SessionTimes(started, now)


def purge_expired_sessions(conn: sqlite3.Connection, absolute_s: int) -> None:
    """Drop rows long past their absolute lifetime; recent ones stay to say `session_expired`."""
    conn.execute("DELETE FROM sessions WHERE created_at < ?", (db.now() - 2 * absolute_s,))


# --- lockout -----------------------------------------------------------------------------


def locked_for(conn: sqlite3.Connection, key: str) -> int:
    """Seconds the username stays locked (0 when it is not locked)."""
    row = conn.execute("SELECT until FROM lockouts WHERE username_key = ?", (key,)).fetchone()
    if row is None:
        return 0
    remaining = float(row[0]) - db.now()
    return max(0, math.ceil(remaining))


def record_failure(conn: sqlite3.Connection, key: str, lockout_s: int) -> bool:
    """Count a failed password or code check; the fifth within 15 minutes locks the
    username. Returns whether this failure started a lock.

    Failures before a lock are cleared when it engages, so that once a lock expires the
    user gets five fresh attempts rather than being locked again by old ones.
    """
    now = db.now()
    conn.execute("DELETE FROM sign_in_failures WHERE at < ?", (now - FAILURE_WINDOW_S,))
    conn.execute("INSERT INTO sign_in_failures(username_key, at) VALUES (?, ?)", (key, now))
    count = conn.execute(
        "SELECT COUNT(*) FROM sign_in_failures WHERE username_key = ? AND at >= ?",
        (key, now - FAILURE_WINDOW_S),
    ).fetchone()[0]
    if count >= MAX_FAILURES:
        conn.execute(
            "INSERT INTO lockouts(username_key, until) VALUES (?, ?) "
            "ON CONFLICT(username_key) DO UPDATE SET until = excluded.until",
            (key, now + lockout_s),
        )
        conn.execute("DELETE FROM sign_in_failures WHERE username_key = ?", (key,))
        return True
    return False


def clear_failures(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM sign_in_failures WHERE username_key = ?", (key,))
    conn.execute("DELETE FROM lockouts WHERE username_key = ?", (key,))


# --- rate limit --------------------------------------------------------------------------


class RateLimiter:
    """Sliding one-minute window per (bucket, client address), kept in memory.

    In memory is enough: the sandbox is one process, and a restart forgiving a burst is
    harmless. A limit of 0 disables it (benchmarks, load tests).
    """

    def __init__(self, per_minute: int, window_s: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window_s = window_s
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, bucket: str, client: str) -> int:
        """Record a hit; return 0 when allowed, else the seconds to wait."""
        if self.per_minute <= 0:
            return 0
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault((bucket, client), deque())
            while hits and hits[0] <= now - self.window_s:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(1, math.ceil(hits[0] + self.window_s - now))
            hits.append(now)
            return 0
