"""Office administrators: approve or refuse the office's new users, remove users.

Why ids of other offices' users answer 404 and not 403: an administrator must not learn
that a user id exists in another office (the contract treats another office's
resources like missing ones). A caller who is not an administrator gets 403.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import db
from sandbox.deps import Caller, GatedCaller, PortalDep
from sandbox.errors import ApiError
from sandbox.middleware import request_context
from sandbox.models import DecisionOut, ErrorOut, OfficeUsersOut, RefusalIn
from sandbox.security_log import Event
from sandbox.validation import iso_instant
from sandbox.wire import no_content, respond

router = APIRouter(tags=["office"])

_NOT_ADMIN = {"model": ErrorOut, "description": "`forbidden`: not an administrator of "
              "the office."}
_NO_USER = {"model": ErrorOut, "description": "No such user in the caller's office."}


def _require_admin(caller: Caller) -> None:
    if not caller.user["is_admin"]:
        raise ApiError(403, "forbidden", "Only an administrator of your office can manage "
                       "its users.")


def _office_user(conn: sqlite3.Connection, caller: Caller, user_id: str) -> sqlite3.Row:
    if not (user_id.isascii() and user_id.isdigit() and len(user_id) <= 18):
        raise ApiError(404, "not_found", "No such user in your office.")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE id = ? AND org_id = ?", (int(user_id), caller.user["org_id"])
    ).fetchone()
    if row is None:
        raise ApiError(404, "not_found", "No such user in your office.")
    return row


def _person(row: sqlite3.Row) -> dict[str, Any]:
    return {"user_id": str(row["id"]), "first_name": row["first_name"],
            "last_name": row["last_name"], "email": row["email"], "npi": row["npi"]}


@router.get("/office/users", responses={200: {"model": OfficeUsersOut}, 403: _NOT_ADMIN})
def office_users(caller: GatedCaller, portal: PortalDep) -> Response:
    """Requests waiting for approval (oldest first) and the office's active users."""
    _require_admin(caller)
    rows = portal.conn().execute(
        "SELECT * FROM users WHERE org_id = ? AND status IN ('pending_approval', 'active') "
        "ORDER BY created_at, id", (caller.user["org_id"],)).fetchall()
    pending = [{**_person(r), "requested_at": iso_instant(float(r["created_at"]))}
               for r in rows if r["status"] == "pending_approval"]
    active = [{**_person(r), "office_admin": bool(r["is_admin"]),
               "is_you": int(r["id"]) == caller.user_id}
              for r in rows if r["status"] == "active"]
    return respond({"pending": pending, "active": active})


def _decide(caller: Caller, portal: PortalDep, request: Request, user_id: str,
            status: str, reason: str | None) -> Response:
    _require_admin(caller)
    conn = portal.conn()
    with db.transaction(conn):
        row = _office_user(conn, caller, user_id)
        if row["status"] != "pending_approval":
            raise ApiError(409, "conflict", "This request was already decided.")
        conn.execute(
            "UPDATE users SET status = ?, decided_by = ?, decision_reason = ?, "
            "row_version = row_version + 1 WHERE id = ?",
            (status, caller.user_id, reason, row["id"]))
    event = Event.APPROVED if status == "active" else Event.REFUSED
    portal.security_log.record(event, request_id=request_context(request.scope).request_id,
                               user_id=int(row["id"]), actor_id=caller.user_id)
    return respond({"user_id": str(row["id"]), "status": status})


@router.post("/office/users/{user_id}/approval",
             responses={200: {"model": DecisionOut}, 403: _NOT_ADMIN, 404: _NO_USER,
                        409: {"model": ErrorOut, "description": "Not waiting for approval."}})
def approve(user_id: str, caller: GatedCaller, portal: PortalDep, request: Request) -> Response:
    """Let a pending user of the office sign in."""
    return _decide(caller, portal, request, user_id, "active", None)


@router.post("/office/users/{user_id}/refusal",
             responses={200: {"model": DecisionOut}, 403: _NOT_ADMIN, 404: _NO_USER,
                        409: {"model": ErrorOut, "description": "Not waiting for approval."}})
def refuse(user_id: str, body: RefusalIn, caller: GatedCaller, portal: PortalDep,
           request: Request) -> Response:
    """Refuse a pending request; the reason (1-500 characters) is kept with it."""
    reason = body.reason.strip()
    if not reason:
        raise ApiError(422, "validation_failed", fields={"reason": "Give a reason."})
    return _decide(caller, portal, request, user_id, "refused", reason)


@router.delete("/office/users/{user_id}", status_code=204,
               responses={403: _NOT_ADMIN, 404: _NO_USER,
                          409: {"model": ErrorOut, "description": "Yourself, or a user who "
                                "is not active."}})
def remove(user_id: str, caller: GatedCaller, portal: PortalDep, request: Request) -> Response:
    """Remove an active user of the office: deactivated, every session revoked."""
    _require_admin(caller)
    conn = portal.conn()
    with db.transaction(conn):
        row = _office_user(conn, caller, user_id)
        if int(row["id"]) == caller.user_id:
            raise ApiError(409, "conflict", "You cannot remove yourself. Deactivate your "
                           "account under Account instead.")
        if row["status"] != "active":
            raise ApiError(409, "conflict", "Only active users can be removed.")
        conn.execute(
            "UPDATE users SET status = 'deactivated', decided_by = ?, decision_reason = "
            "'removed by an administrator', row_version = row_version + 1 WHERE id = ?",
            (caller.user_id, row["id"]))
        conn.execute("DELETE FROM sessions WHERE user_id = ?", (row["id"],))
    portal.security_log.record(Event.USER_REMOVED,
                               request_id=request_context(request.scope).request_id,
                               user_id=int(row["id"]), actor_id=caller.user_id)
    return no_content()
