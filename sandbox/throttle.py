"""Every check of a password or a second factor, counted per user like sign-in.

Why one module: the lockout is only as strong as its weakest door. A stolen token used
to guess the password on `POST /account/password` or `/account/deactivation` must hit
the same five-failure lock as `POST /sessions`, and a locked account must be refused by
every door (see `deps.authenticate` for the authenticated calls). Failures are counted
under the user's username key, in the same table sign-in uses, so guesses spread over
several endpoints add up.

The routes that check a password authenticate without counting the call as activity
(`deps.PasswordCaller`): a failed guess must not keep a stolen session alive. They call
`succeeded` once the check passed, which also marks the session as used.
"""

from __future__ import annotations

import sqlite3

from fastapi import Request

from sandbox import auth, db
from sandbox.deps import Caller, Portal
from sandbox.errors import ApiError
from sandbox.middleware import request_context
from sandbox.security_log import Event


def request_id(request: Request) -> str:
    return request_context(request.scope).request_id


def locked_error(seconds: int) -> ApiError:
    return ApiError(
        423, "account_locked",
        extra={"retry_after_s": seconds}, headers={"Retry-After": str(seconds)},
    )


def refuse_if_locked(
    portal: Portal, request: Request, key: str, user_id: int | None
) -> None:
    """423 while the username is locked, whatever the password (no oracle during a lock)."""
    seconds = auth.locked_for(portal.conn(), key)
    if seconds:
        portal.security_log.record(
            Event.LOCKED_ATTEMPT_REFUSED, request_id=request_id(request), user_id=user_id)
        raise locked_error(seconds)


def failed(
    portal: Portal, request: Request, key: str, user_id: int | None, event: Event,
    reason: str,
) -> None:
    """Count one failure (committed before the caller raises its error) and log it."""
    conn = portal.conn()
    with db.transaction(conn):
        locked = auth.record_failure(conn, key, portal.settings.lockout_s)
    rid = request_id(request)
    portal.security_log.record(event, request_id=rid, user_id=user_id, reason=reason)
    if locked:
        portal.security_log.record(Event.ACCOUNT_LOCKED, request_id=rid, user_id=user_id)


def check_password(
    portal: Portal, request: Request, caller: Caller, password: str, error: ApiError,
    *, reason: str,
) -> None:
    """Raise 423 when locked, `error` (counted) when `password` is wrong."""
    key = str(caller.user["username_key"])
    refuse_if_locked(portal, request, key, caller.user_id)
    if not auth.verify_password(caller.user["password_hash"], password):
        failed(portal, request, key, caller.user_id, Event.PASSWORD_CHECK_FAILED, reason)
        raise error


def succeeded(portal: Portal, caller: Caller) -> None:
    """The check passed: earlier failures are forgiven and the session counts as used."""
    conn = portal.conn()
    with db.transaction(conn):
        auth.clear_failures(conn, str(caller.user["username_key"]))
        touch(conn, caller)


def touch(conn: sqlite3.Connection, caller: Caller) -> None:
    conn.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?",
                 (db.now(), caller.session_id))
