"""The security log: append-only JSON lines of security events (45 CFR 164.312(b)).

Why a file of its own and not the request log on stderr: audit controls need a record
that outlives the process, that an operator can read back (`python -m sandbox
security-log`), and that nothing in the portal rewrites. Each event is one line, written
with one `write` on a file opened `O_APPEND`, so lines from concurrent requests never
interleave and earlier lines are never touched.

What a line holds is deliberately poor: the instant, the event name, the user's numeric
id (never the username: what someone types as a username is sometimes their password,
and a username is a personal identifier), the request id, and a few fixed words
(`outcome`, `reason`). No passwords, codes, tokens, TINs, names or claim data ever
reach `record`: its keyword arguments are limited to those below.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

LOG_FILE = "security-log.jsonl"


class Event(StrEnum):
    SIGN_IN_SUCCEEDED = "sign_in_succeeded"
    SIGN_IN_FAILED = "sign_in_failed"
    PASSWORD_CHECK_FAILED = "password_check_failed"  # noqa: S105 - an event name
    ACCOUNT_LOCKED = "account_locked"
    LOCKED_ATTEMPT_REFUSED = "locked_attempt_refused"
    REAUTHENTICATED = "reauthenticated"
    MFA_SETUP_STARTED = "mfa_setup_started"
    MFA_ENABLED = "mfa_enabled"
    MFA_DISABLED = "mfa_disabled"
    MFA_FAILED = "mfa_failed"
    RECOVERY_CODE_USED = "recovery_code_used"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 - an event name
    DEACTIVATED = "deactivated"
    REGISTERED = "registered"
    VERIFICATION_SUCCEEDED = "verification_succeeded"
    VERIFICATION_FAILED = "verification_failed"
    VERIFICATION_CODE_SENT = "verification_code_sent"
    APPROVED = "registration_approved"
    REFUSED = "registration_refused"
    USER_REMOVED = "user_removed"
    POLICY_ACCEPTED = "policy_accepted"


def _instant(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class SecurityLog:
    """One per portal; safe to call from every request thread."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOG_FILE
        self._lock = threading.Lock()

    def record(
        self,
        event: Event,
        *,
        request_id: str | None,
        user_id: int | None = None,
        actor_id: int | None = None,
        outcome: str | None = None,
        reason: str | None = None,
        at: float | None = None,
    ) -> None:
        """Append one event. `actor_id` is who acted on `user_id` (an administrator)."""
        entry: dict[str, object] = {
            "at": _instant(time.time() if at is None else at),
            "event": event.value,
            "user_id": user_id,
            "request_id": request_id,
        }
        if actor_id is not None:
            entry["actor_id"] = actor_id
        if outcome is not None:
            entry["outcome"] = outcome
        if reason is not None:
            entry["reason"] = reason
        line = (json.dumps(entry, separators=(",", ":")) + "\n").encode("utf-8")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)


def read(data_dir: Path, since: dt.datetime | None = None) -> Iterator[dict[str, object]]:
    """The events in order, from `since` (inclusive) if given; broken lines are skipped."""
    path = data_dir / LOG_FILE
    if not path.exists():
        return
    cutoff = None if since is None else since.astimezone(dt.UTC).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if not isinstance(entry, dict):
                continue
            if cutoff is not None and str(entry.get("at", "")) < cutoff:
                continue
            yield entry
