"""Privacy policy: the public texts, and the signed-in user's acceptances."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import db
from sandbox.deps import AnyCaller, PortalDep, current_policy_version
from sandbox.errors import ApiError
from sandbox.middleware import request_context
from sandbox.models import AcceptanceIn, AcceptanceOut, ErrorOut, PolicyOut, PolicyVersionOut
from sandbox.security_log import Event
from sandbox.validation import iso_instant
from sandbox.wire import respond

router = APIRouter(tags=["policy"])


def policy_body(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "version": row["version"],
        "effective_at": row["effective_at"],
        "title": row["title"],
        "body_markdown": row["body_markdown"],
        "summary_of_changes": row["summary_of_changes"],
    }


@router.get("/policy", responses={200: {"model": PolicyOut}})
def get_policy(portal: PortalDep) -> Response:
    """The current privacy policy (the newest published version)."""
    row = portal.conn().execute("SELECT * FROM policies ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        raise ApiError(404, "not_found")
    return respond(policy_body(row))


@router.get("/policy/versions", responses={200: {"model": list[PolicyVersionOut]}})
def list_policy_versions(portal: PortalDep) -> Response:
    """Every published version, newest first."""
    rows = portal.conn().execute(
        "SELECT version, effective_at, title FROM policies ORDER BY seq DESC"
    ).fetchall()
    return respond([dict(r) for r in rows])


@router.get(
    "/policy/versions/{version}",
    responses={200: {"model": PolicyOut}, 404: {"model": ErrorOut}},
)
def get_policy_version(version: str, portal: PortalDep) -> Response:
    row = portal.conn().execute(
        "SELECT * FROM policies WHERE version = ?", (version,)
    ).fetchone()
    if row is None:
        raise ApiError(404, "not_found", "No policy version with this name.")
    return respond(policy_body(row))


def acceptance_body(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "version": row["version"],
        "accepted_at": iso_instant(float(row["accepted_at"])),
        "receipt_id": row["receipt_id"],
    }


def list_acceptances(conn: sqlite3.Connection, user_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT version, accepted_at, receipt_id FROM acceptances WHERE user_id = ? "
        "ORDER BY accepted_at DESC, id DESC",
        (user_id,),
    ).fetchall()
    return [acceptance_body(r) for r in rows]


def record_acceptance(
    conn: sqlite3.Connection, user_id: int, version: str
) -> tuple[sqlite3.Row, bool]:
    """Insert the acceptance unless it exists; return (row, created). Caller holds the tx."""
    existing = conn.execute(
        "SELECT * FROM acceptances WHERE user_id = ? AND version = ?", (user_id, version)
    ).fetchone()
    if existing is not None:
        return existing, False
    conn.execute(
        "INSERT INTO acceptances(user_id, version, accepted_at, receipt_id) VALUES (?,?,?,?)",
        (user_id, version, db.now(), "rcpt_" + uuid.uuid4().hex),
    )
    row = conn.execute(
        "SELECT * FROM acceptances WHERE user_id = ? AND version = ?", (user_id, version)
    ).fetchone()
    return row, True


@router.get("/policy/acceptances", responses={200: {"model": list[AcceptanceOut]}})
def get_acceptances(caller: AnyCaller, portal: PortalDep) -> Response:
    """The signed-in user's acceptances, newest first."""
    return respond(list_acceptances(portal.conn(), caller.user_id))


@router.post(
    "/policy/acceptances",
    status_code=201,
    responses={
        201: {"model": AcceptanceOut, "description": "Accepted now."},
        200: {"model": AcceptanceOut, "description": "Already accepted: the first receipt."},
        409: {"model": ErrorOut, "description": "Not the current version."},
    },
)
def accept_policy(
    body: AcceptanceIn, caller: AnyCaller, portal: PortalDep, request: Request
) -> Response:
    """Accept the current version. 409 (with `current_version`) for any other version."""
    conn = portal.conn()
    with db.transaction(conn):
        current = current_policy_version(conn)
        if body.version != current:
            raise ApiError(
                409, "conflict", "Only the current policy version can be accepted.",
                extra={"current_version": current},
            )
        row, created = record_acceptance(conn, caller.user_id, current)
    if created:
        portal.security_log.record(
            Event.POLICY_ACCEPTED, request_id=request_context(request.scope).request_id,
            user_id=caller.user_id)
    return respond(acceptance_body(row), status=201 if created else 200)
