"""Sign-in, the current session, and sign-out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import auth, db
from sandbox.deps import (
    AnyCaller,
    GatedCaller,
    Portal,
    PortalDep,
    current_policy_version,
    latest_accepted_version,
)
from sandbox.errors import WRONG_CREDENTIALS, ApiError
from sandbox.middleware import request_context
from sandbox.models import ErrorOut, SessionIn, SessionOut, SessionStateOut
from sandbox.validation import iso_instant
from sandbox.wire import no_content, respond

router = APIRouter(tags=["sessions"])


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def enforce_rate_limit(portal: Portal, bucket: str, request: Request) -> None:
    wait = portal.limiter.check(bucket, client_address(request))
    if wait:
        raise ApiError(
            429, "rate_limited",
            extra={"retry_after_s": wait}, headers={"Retry-After": str(wait)},
        )


@router.post(
    "/sessions",
    status_code=201,
    responses={
        201: {"model": SessionOut},
        401: {"model": ErrorOut, "description": "Wrong credentials, or the account is "
              "pending review or deactivated (one message for all)."},
        423: {"model": ErrorOut, "description": "Locked after five failures in 15 minutes."},
        429: {"model": ErrorOut},
    },
)
def sign_in(body: SessionIn, request: Request, portal: PortalDep) -> Response:
    """Sign in. The fifth failure within 15 minutes (still a 401) locks the username;
    every attempt during the lock, even with the right password, is a 423."""
    enforce_rate_limit(portal, "sessions", request)
    conn = portal.conn()
    # Capped: a 60 KB "username" must not become a 60 KB lockout row.
    key = auth.username_key(body.username[:64])
    locked = auth.locked_for(conn, key)
    if locked:
        raise ApiError(
            423, "account_locked",
            extra={"retry_after_s": locked}, headers={"Retry-After": str(locked)},
        )
    user = conn.execute("SELECT * FROM users WHERE username_key = ?", (key,)).fetchone()
    verified = auth.verify_password(user["password_hash"] if user else None, body.password)
    if not verified or user is None:
        with db.transaction(conn):
            auth.record_failure(conn, key, portal.settings.lockout_s)
        raise ApiError(401, "unauthenticated", WRONG_CREDENTIALS)
    if user["status"] != "active":
        raise ApiError(401, "unauthenticated", WRONG_CREDENTIALS)
    settings = portal.settings
    with db.transaction(conn):
        auth.clear_failures(conn, key)
        auth.purge_expired_sessions(conn, settings.absolute_timeout_s)
        token, times = auth.create_session(conn, int(user["id"]))
        current = current_policy_version(conn)
        accepted = latest_accepted_version(conn, int(user["id"]))
    request_context(request.scope).policy_version = current
    expires = times.expires_at(settings.idle_timeout_s, settings.absolute_timeout_s)
    return respond(
        {
            "token": token,
            "expires_at": iso_instant(expires),
            "idle_timeout_s": settings.idle_timeout_s,
            "user": {
                "username": user["username"],
                "display_name": f"{user['first_name']} {user['last_name']}",
            },
            "policy": {"current_version": current, "accepted_version": accepted},
        },
        status=201,
    )


@router.get("/sessions/current", responses={200: {"model": SessionStateOut}})
def session_state(caller: GatedCaller, portal: PortalDep) -> Response:
    """When the session ends if nothing else happens; the call itself counts as activity."""
    settings = portal.settings
    expires = caller.times.expires_at(settings.idle_timeout_s, settings.absolute_timeout_s)
    return respond({"expires_at": iso_instant(expires), "idle_timeout_s": settings.idle_timeout_s})


@router.delete("/sessions/current", status_code=204)
def sign_out(caller: AnyCaller, portal: PortalDep) -> Response:
    """Revoke this token at once (allowed before the policy is accepted)."""
    portal.conn().execute("DELETE FROM sessions WHERE id = ?", (caller.session_id,))
    return no_content()
