"""The signed-in user's account: details with optimistic concurrency, password, deactivation."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from starlette.responses import Response

from sandbox import auth, db, mfa, throttle
from sandbox.deps import AnyCaller, GatedCaller, GatedPasswordCaller, PasswordCaller, PortalDep
from sandbox.errors import ApiError, validation_failed
from sandbox.models import (
    AccountOut,
    AccountPatch,
    DeactivationIn,
    ErrorOut,
    PasswordChangeIn,
)
from sandbox.security_log import Event
from sandbox.validation import (
    FieldCollector,
    check_channel,
    check_email,
    check_name,
    check_password,
    check_phone,
    iso_instant,
)
from sandbox.wire import no_content, respond

router = APIRouter(tags=["account"])


def etag(row: sqlite3.Row) -> str:
    """Strong validator; changes whenever the row's version counter does."""
    digest = hashlib.sha256(f"{row['id']}:{row['row_version']}".encode()).hexdigest()
    return f'"{digest[:24]}"'


def account_body(row: sqlite3.Row, mfa_on: bool) -> dict[str, Any]:
    return {
        "username": row["username"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "email": row["email"],
        "phone": row["phone"],
        "organization_name": row["organization_name"],
        "tin_last4": row["tin"][-4:],
        "npi": row["npi"],
        "status": row["status"],
        "created_at": iso_instant(float(row["created_at"])),
        "contact_preferences": {
            "email_notices": bool(row["email_notices"]),
            "paper_mail": bool(row["paper_mail"]),
            "preferred_channel": row["preferred_channel"],
        },
        "office_admin": bool(row["is_admin"]),
        "mfa_enabled": mfa_on,
    }


def _load(conn: sqlite3.Connection, user_id: int) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return row


def _account_response(conn: sqlite3.Connection, row: sqlite3.Row) -> Response:
    body = account_body(row, mfa.enabled(conn, int(row["id"])))
    return respond(body, headers={"ETag": etag(row)})


@router.get("/account", responses={200: {"model": AccountOut}})
def get_account(caller: AnyCaller, portal: PortalDep) -> Response:
    """Allowed before the policy is accepted (the client shows who is signed in)."""
    conn = portal.conn()
    return _account_response(conn, _load(conn, caller.user_id))


def _if_match_ok(header: str, current: str) -> bool:
    if header.strip() == "*":
        return True
    return any(tag.strip() == current for tag in header.split(","))


@router.patch(
    "/account",
    responses={
        200: {"model": AccountOut},
        412: {"model": ErrorOut, "description": "`If-Match` does not match the ETag."},
        428: {"model": ErrorOut, "description": "`If-Match` missing."},
    },
)
def patch_account(
    body: AccountPatch,
    caller: GatedCaller,
    portal: PortalDep,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    """Partial update; only the fields present change. `null` is never a valid value."""
    if if_match is None or not if_match.strip():
        raise ApiError(428, "precondition_required")
    fc = FieldCollector()
    updates: dict[str, Any] = {}
    checks = {
        "first_name": check_name, "last_name": check_name,
        "email": check_email, "phone": check_phone,
    }
    for name in body.model_fields_set:
        if name in checks:
            value = getattr(body, name)
            if value is None:
                fc.add(name, "Must not be null.")
            else:
                updates[name] = fc.check(name, checks[name], value)
    prefs = body.contact_preferences
    if "contact_preferences" in body.model_fields_set and prefs is None:
        fc.add("contact_preferences", "Must not be null.")
    if prefs is not None:
        for name in prefs.model_fields_set:
            value = getattr(prefs, name)
            field = f"contact_preferences.{name}"
            if value is None:
                fc.add(field, "Must not be null.")
            elif name == "preferred_channel":
                updates[name] = fc.check(field, check_channel, value)
            else:
                updates[name] = int(value)
    conn = portal.conn()
    with db.transaction(conn):
        row = _load(conn, caller.user_id)
        if not _if_match_ok(if_match, etag(row)):
            raise ApiError(412, "precondition_failed", headers={"ETag": etag(row)})
        fc.raise_if_any()
        if updates:
            # Keys come from the fixed field names above, never from input.
            assignments = ", ".join(f"{k} = ?" for k in updates)
            conn.execute(
                f"UPDATE users SET {assignments}, row_version = row_version + 1 "  # noqa: S608
                "WHERE id = ?",
                (*updates.values(), caller.user_id),
            )
            row = _load(conn, caller.user_id)
    return _account_response(conn, row)


@router.post(
    "/account/password",
    status_code=204,
    responses={
        422: {"model": ErrorOut, "description": "Wrong `current_password` (on that field, "
              "counted toward the lockout) or a `new_password` that breaks the rules."},
        423: {"model": ErrorOut, "description": "Locked after five failed checks."},
    },
)
def change_password(
    body: PasswordChangeIn, caller: GatedPasswordCaller, portal: PortalDep, request: Request
) -> Response:
    """Change the password; every other session of the user is revoked, this one stays.
    A wrong current password does not count as activity of the session."""
    conn = portal.conn()
    throttle.check_password(
        portal, request, caller, body.current_password,
        validation_failed({"current_password": "The current password is incorrect."}),
        reason="password_change",
    )
    throttle.succeeded(portal, caller)
    fc = FieldCollector()
    fc.check("new_password", check_password, body.new_password, caller.user["username"])
    fc.raise_if_any()
    new_hash = auth.hash_password(body.new_password)
    with db.transaction(conn):
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (new_hash, caller.user_id))
        conn.execute(
            "DELETE FROM sessions WHERE user_id = ? AND id != ?",
            (caller.user_id, caller.session_id),
        )
    portal.security_log.record(Event.PASSWORD_CHANGED, request_id=throttle.request_id(request),
                               user_id=caller.user_id)
    return no_content()


@router.post(
    "/account/deactivation",
    status_code=204,
    responses={
        422: {"model": ErrorOut, "description": "Wrong `password` (counted toward the "
              "lockout)."},
        423: {"model": ErrorOut, "description": "Locked after five failed checks."},
    },
)
def deactivate(
    body: DeactivationIn, caller: PasswordCaller, portal: PortalDep, request: Request
) -> Response:
    """Deactivate the account and revoke every session (allowed before policy acceptance)."""
    throttle.check_password(
        portal, request, caller, body.password,
        validation_failed({"password": "The password is incorrect."}), reason="deactivation",
    )
    throttle.succeeded(portal, caller)
    conn = portal.conn()
    with db.transaction(conn):
        conn.execute(
            "UPDATE users SET status = 'deactivated', deactivation_reason = ?, "
            "row_version = row_version + 1 WHERE id = ?",
            (body.reason.strip()[:1000] or None, caller.user_id),
        )
        conn.execute("DELETE FROM sessions WHERE user_id = ?", (caller.user_id,))
    portal.security_log.record(Event.DEACTIVATED, request_id=throttle.request_id(request),
                               user_id=caller.user_id)
    return no_content()
