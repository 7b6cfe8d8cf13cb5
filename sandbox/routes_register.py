"""Public endpoints besides the policy: registration and the Help menu's support details."""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import auth, db, verification
from sandbox.deps import PortalDep, current_policy_version
from sandbox.errors import ApiError
from sandbox.middleware import request_context
from sandbox.models import ErrorOut, RegistrationIn, RegistrationOut, SupportOut
from sandbox.routes_policy import record_acceptance
from sandbox.routes_session import enforce_rate_limit
from sandbox.security_log import Event
from sandbox.validation import (
    FieldCollector,
    check_channel,
    check_email,
    check_name,
    check_npi,
    check_password,
    check_phone,
    check_tin,
    check_username,
    org_key,
)
from sandbox.wire import respond

router = APIRouter(tags=["public"])

SUPPORT = {
    "organization": "Example Health Plan Provider Services (fictional)",
    "email": "provider-support@example.org",
    "phone": "+1-202-555-0142",
    "hours": "Monday to Friday, 8:00 to 18:00 Eastern Time",
    "website": "https://support.example.org/providers",
}


@router.get("/support", responses={200: {"model": SupportOut}})
def support() -> Response:
    """Fixed, fictional contact details for the Help menu."""
    return respond(SUPPORT)


def _find_org(conn: sqlite3.Connection, tin: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, name FROM organizations WHERE tin = ?", (tin,)
    ).fetchone()
    return row


def _status_for(conn: sqlite3.Connection, org_id: int, matches: bool) -> str:
    if not matches:
        return "pending_review"
    has_users = conn.execute(
        "SELECT 1 FROM users WHERE org_id = ? AND status = 'active' LIMIT 1", (org_id,)
    ).fetchone()
    return "pending_approval" if has_users else "pending_verification"


@router.post(
    "/registrations",
    status_code=201,
    responses={
        201: {"model": RegistrationOut},
        409: {"model": ErrorOut, "description": "Username taken (`fields.username`), or "
              "`accepted_policy_version` is not current (`current_version`)."},
        422: {"model": ErrorOut},
        429: {"model": ErrorOut},
    },
)
def register(body: RegistrationIn, request: Request, portal: PortalDep) -> Response:
    """Create an account. Field errors (including an unknown TIN) come first as one 422;
    then a stale policy version (409), then a taken username (409).

    Matching public identifiers never makes an account active. When the NPI is on the
    TIN's roster and the organization name matches (case and spacing ignored), the
    account is `pending_approval` if the office already has active users (one of its
    administrators approves it) and `pending_verification` if it has none (a code goes
    to the office's contact of record; see `POST /registrations/verification`).
    Otherwise it is `pending_review` (the payer's staff look at it)."""
    enforce_rate_limit(portal, "registrations", request)
    fc = FieldCollector()
    first = fc.check("first_name", check_name, body.first_name)
    last = fc.check("last_name", check_name, body.last_name)
    email = fc.check("email", check_email, body.email)
    phone = fc.check("phone", check_phone, body.phone)
    org_name = fc.check("organization_name", check_name, body.organization_name, 200)
    tin = fc.check("tin", check_tin, body.tin)
    npi = fc.check("npi", check_npi, body.npi)
    username = fc.check("username", check_username, body.username)
    fc.check("password", check_password, body.password, body.username)
    prefs = body.contact_preferences
    if prefs is not None:
        fc.check("contact_preferences.preferred_channel", check_channel, prefs.preferred_channel)
    conn = portal.conn()
    org = _find_org(conn, tin) if tin else None
    if tin and org is None:
        fc.add("tin", "No contracted provider has this TIN.")
    fc.raise_if_any()
    assert org is not None and username is not None
    on_roster = conn.execute(
        "SELECT 1 FROM org_npis WHERE org_id = ? AND npi = ?", (org["id"], npi)
    ).fetchone()
    matches = bool(on_roster) and org_key(org_name) == org_key(org["name"])
    password_hash = auth.hash_password(body.password)
    with db.transaction(conn):
        current = current_policy_version(conn)
        if body.accepted_policy_version != current:
            raise ApiError(
                409, "conflict", "The privacy policy has changed. Read and accept the "
                "current version.", extra={"current_version": current},
            )
        status = _status_for(conn, int(org["id"]), matches)
        key = auth.username_key(username)
        if conn.execute("SELECT 1 FROM users WHERE username_key = ?", (key,)).fetchone():
            raise ApiError(
                409, "conflict", "This username is taken.",
                fields={"username": "This username is taken."},
            )
        cur = conn.execute(
            "INSERT INTO users(username, username_key, password_hash, first_name, last_name, "
            "email, phone, organization_name, tin, npi, org_id, status, created_at, "
            "email_notices, paper_mail, preferred_channel) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                username, key, password_hash, first, last, email, phone, org_name, tin, npi,
                org["id"], status, db.now(),
                int(prefs.email_notices) if prefs else 1,
                int(prefs.paper_mail) if prefs else 0,
                prefs.preferred_channel if prefs else "email",
            ),
        )
        assert cur.lastrowid is not None
        record_acceptance(conn, cur.lastrowid, current)
        if status == "pending_verification":
            user = conn.execute("SELECT * FROM users WHERE id = ?", (cur.lastrowid,)).fetchone()
            verification.issue(conn, portal.secret, user)
    rid = request_context(request.scope).request_id
    portal.security_log.record(Event.REGISTERED, request_id=rid, user_id=cur.lastrowid,
                               outcome=status)
    portal.security_log.record(Event.POLICY_ACCEPTED, request_id=rid, user_id=cur.lastrowid)
    return respond({"username": username, "status": status}, status=201)
