"""Public: the first user of an office enters the code sent to the office, and the
answer to the knowledge check; or asks for a new code."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import auth, db, verification
from sandbox.deps import PortalDep
from sandbox.errors import ApiError, validation_failed
from sandbox.middleware import request_context
from sandbox.models import ErrorOut, RegistrationOut, ResendIn, VerificationIn
from sandbox.routes_session import enforce_rate_limit
from sandbox.security_log import Event
from sandbox.wire import respond

router = APIRouter(tags=["public"])

PENDING = "pending_verification"


@router.post(
    "/registrations/verification",
    responses={
        200: {"model": RegistrationOut, "description": "Verified: the account is active."},
        410: {"model": ErrorOut, "description": "`code_expired`: the code is past its 24 "
              "hours, used, or void after five wrong tries; ask for a new one."},
        422: {"model": ErrorOut, "description": "`validation_failed`: a field in the wrong "
              "format (`fields`). `verification_failed`: the code or the payment is not "
              "right, or there is nothing to verify for this username (one answer for "
              "all); adds `attempts_left`."},
        429: {"model": ErrorOut},
    },
)
def verify(body: VerificationIn, request: Request, portal: PortalDep) -> Response:
    """Activate a `pending_verification` account: the code from the office's contact of
    record plus the amount (`1234.50`) and date (`2026-11-27`) of one payment to the
    office's TIN in the last 90 days. The first user of an office is its administrator."""
    enforce_rate_limit(portal, "registrations", request)
    fields: dict[str, str] = {}
    code = body.code.strip()
    if not (len(code) == 8 and code.isascii() and code.isdigit()):
        fields["code"] = "The code is the 8 digits the office received."
    for name, rule in (("payment_amount", verification.amount_error),
                       ("payment_date", verification.date_error)):
        problem = rule(getattr(body, name).strip())
        if problem:
            fields[name] = problem
    if fields:
        raise validation_failed(fields)
    conn = portal.conn()
    rid = request_context(request.scope).request_id
    user = conn.execute(
        "SELECT * FROM users WHERE username_key = ? AND status = ?",
        (auth.username_key(body.username[:64]), PENDING),
    ).fetchone()
    if user is None:
        raise ApiError(422, "verification_failed", extra={"attempts_left": 0})
    knows = verification.knows_a_payment(
        conn, int(user["org_id"]), body.payment_amount.strip(), body.payment_date.strip())
    with db.transaction(conn):
        check = verification.attempt(conn, portal.secret, user, code, knows)
        if check.outcome == "ok":
            admin = conn.execute(
                "SELECT 1 FROM users WHERE org_id = ? AND status = 'active' AND is_admin = 1",
                (user["org_id"],)).fetchone()
            conn.execute(
                "UPDATE users SET status = 'active', is_admin = ?, "
                "row_version = row_version + 1 WHERE id = ?",
                (0 if admin else 1, user["id"]))
    if check.outcome == "expired":
        portal.security_log.record(Event.VERIFICATION_FAILED, request_id=rid,
                                   user_id=int(user["id"]), reason="expired")
        raise ApiError(410, "code_expired")
    if check.outcome == "wrong":
        portal.security_log.record(Event.VERIFICATION_FAILED, request_id=rid,
                                   user_id=int(user["id"]), reason="wrong")
        raise ApiError(422, "verification_failed",
                       extra={"attempts_left": check.attempts_left})
    portal.security_log.record(Event.VERIFICATION_SUCCEEDED, request_id=rid,
                               user_id=int(user["id"]), outcome="active")
    return respond({"username": user["username"], "status": "active"})


@router.post("/registrations/verification/code", status_code=202,
             responses={202: {"description": "Accepted (the same answer for any username)."},
                        429: {"model": ErrorOut}})
def resend(body: ResendIn, request: Request, portal: PortalDep) -> Response:
    """Send a new code to the office (the old one stops working). The answer is the same
    whether or not the username waits for verification, so it reveals no usernames."""
    enforce_rate_limit(portal, "registrations", request)
    conn = portal.conn()
    with db.transaction(conn):
        user = conn.execute(
            "SELECT * FROM users WHERE username_key = ? AND status = ?",
            (auth.username_key(body.username[:64]), PENDING),
        ).fetchone()
        if user is not None:
            verification.issue(conn, portal.secret, user)
    if user is not None:
        portal.security_log.record(Event.VERIFICATION_CODE_SENT,
                                   request_id=request_context(request.scope).request_id,
                                   user_id=int(user["id"]))
    return respond({}, status=202)
