"""Two-step sign-in: TOTP (RFC 6238, through pyotp) and single-use recovery codes.

Why the portal remembers the last accepted time step: a code seen once (over a
shoulder, in a phishing proxy's log) must not sign in a second time within its 90 s
of validity, so a code is accepted only for a step later than the last one used.
One step of clock drift either way is allowed (`valid_window=1`): a phone 30 s off
still works, one 90 s off does not.

Recovery codes are high-entropy (50 bits), so an HMAC with the portal's secret is
enough to store them (and much cheaper than ten Argon2 checks per sign-in); each is
marked used, never deleted, so a reused one is told apart from a wrong one only in
the security log.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import time
from enum import StrEnum

import pyotp

from sandbox import db

ISSUER = "Example Health Plan (fictional)"
RECOVERY_CODE_COUNT = 10
STEP_S = 30
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i look-alikes


class SecondFactor(StrEnum):
    TOTP = "totp"
    RECOVERY = "recovery"


def enabled(conn: sqlite3.Connection, user_id: int) -> bool:
    row = conn.execute(
        "SELECT confirmed_at FROM totp WHERE user_id = ?", (user_id,)
    ).fetchone()
    return row is not None and row["confirmed_at"] is not None


def start_setup(conn: sqlite3.Connection, user_id: int, account_name: str) -> tuple[str, str]:
    """A fresh unconfirmed secret (replacing an unconfirmed one); (secret, otpauth URI)."""
    secret = pyotp.random_base32()
    conn.execute(
        "INSERT INTO totp(user_id, secret, confirmed_at, last_step) VALUES (?, ?, NULL, 0) "
        "ON CONFLICT(user_id) DO UPDATE SET secret = excluded.secret, confirmed_at = NULL, "
        "last_step = 0",
        (user_id, secret),
    )
    uri = pyotp.TOTP(secret).provisioning_uri(name=account_name, issuer_name=ISSUER)
    return secret, uri


def pending_secret(conn: sqlite3.Connection, user_id: int) -> str | None:
    row = conn.execute(
        "SELECT secret FROM totp WHERE user_id = ? AND confirmed_at IS NULL", (user_id,)
    ).fetchone()
    return None if row is None else str(row["secret"])


def _matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step (within one of now) whose code is `code`, else None."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = int(now // STEP_S)
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.at(step * STEP_S), code):
            return step
    return None


def check_totp(conn: sqlite3.Connection, user_id: int, code: str, *,
               confirmed: bool = True) -> bool:
    """Accept `code` once: it must match a step after the last one used. Caller holds tx."""
    row = conn.execute(
        "SELECT secret, last_step, confirmed_at FROM totp WHERE user_id = ?", (user_id,)
    ).fetchone()
    if row is None or (row["confirmed_at"] is not None) != confirmed:
        return False
    step = _matching_step(str(row["secret"]), code.strip(), time.time())
    if step is None or step <= int(row["last_step"]):
        return False
    conn.execute("UPDATE totp SET last_step = ? WHERE user_id = ?", (step, user_id))
    return True


def _recovery_hash(secret: bytes, user_id: int, code: str) -> str:
    normal = code.strip().lower().replace("-", "").replace(" ", "")
    return hmac.new(secret, f"{user_id}:{normal}".encode(), hashlib.sha256).hexdigest()


def confirm(conn: sqlite3.Connection, secret: bytes, user_id: int) -> list[str]:
    """Turn it on and issue fresh recovery codes (shown once). Caller holds the tx."""
    conn.execute("UPDATE totp SET confirmed_at = ? WHERE user_id = ?", (db.now(), user_id))
    conn.execute("DELETE FROM recovery_codes WHERE user_id = ?", (user_id,))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    conn.executemany(
        "INSERT INTO recovery_codes(user_id, code_hash, used_at) VALUES (?, ?, NULL)",
        [(user_id, _recovery_hash(secret, user_id, c)) for c in codes],
    )
    return codes


def use_recovery_code(conn: sqlite3.Connection, secret: bytes, user_id: int,
                      code: str) -> bool:
    cur = conn.execute(
        "UPDATE recovery_codes SET used_at = ? "
        "WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
        (db.now(), user_id, _recovery_hash(secret, user_id, code)),
    )
    return cur.rowcount == 1


def check_second_factor(conn: sqlite3.Connection, secret: bytes, user_id: int,
                        code: str) -> SecondFactor | None:
    """A TOTP code or an unused recovery code; which one, or None. Caller holds the tx."""
    if len(code) > 64:
        return None
    if check_totp(conn, user_id, code):
        return SecondFactor.TOTP
    if use_recovery_code(conn, secret, user_id, code):
        return SecondFactor.RECOVERY
    return None


def disable(conn: sqlite3.Connection, user_id: int) -> None:
    conn.execute("DELETE FROM totp WHERE user_id = ?", (user_id,))
    conn.execute("DELETE FROM recovery_codes WHERE user_id = ?", (user_id,))
