"""Sign-in (with the second factor), re-authentication, the current session, sign-out."""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import auth, db, mfa, throttle
from sandbox.deps import (
    GatedCaller,
    PasswordCaller,
    Portal,
    PortalDep,
    SignOutCaller,
    current_policy_version,
    latest_accepted_version,
)
from sandbox.errors import MFA_REQUIRED, WRONG_CREDENTIALS, ApiError, validation_failed
from sandbox.middleware import request_context
from sandbox.models import ErrorOut, ReauthIn, SessionIn, SessionOut, SessionStateOut
from sandbox.security_log import Event
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
        401: {"model": ErrorOut, "description": "`unauthenticated`: wrong credentials, a "
              "wrong or reused second factor, or the account is pending or deactivated (one "
              "message for all). `mfa_required`: the password is right and the user has "
              "two-step sign-in on; send the same body with `otp`."},
        423: {"model": ErrorOut, "description": "Locked after five failures in 15 minutes."},
        429: {"model": ErrorOut},
    },
)
def sign_in(body: SessionIn, request: Request, portal: PortalDep) -> Response:
    """Sign in. The fifth failure within 15 minutes (still a 401) locks the username;
    every attempt during the lock, even with the right password, is a 423. A wrong or
    reused `otp` counts as a failure; a missing one (`mfa_required`) does not."""
    enforce_rate_limit(portal, "sessions", request)
    conn = portal.conn()
    # Capped: a 60 KB "username" must not become a 60 KB lockout row.
    key = auth.username_key(body.username[:64])
    user = conn.execute("SELECT * FROM users WHERE username_key = ?", (key,)).fetchone()
    user_id = int(user["id"]) if user is not None else None
    throttle.refuse_if_locked(portal, request, key, user_id)
    verified = auth.verify_password(user["password_hash"] if user else None, body.password)
    if not verified or user is None:
        throttle.failed(portal, request, key, user_id, Event.SIGN_IN_FAILED, "password")
        raise ApiError(401, "unauthenticated", WRONG_CREDENTIALS)
    if user["status"] != "active":
        portal.security_log.record(Event.SIGN_IN_FAILED, request_id=throttle.request_id(
            request), user_id=user_id, reason="not_active")
        raise ApiError(401, "unauthenticated", WRONG_CREDENTIALS)
    assert user_id is not None
    factor = _second_factor(portal, request, key, user_id, body.otp)
    settings = portal.settings
    with db.transaction(conn):
        auth.clear_failures(conn, key)
        auth.purge_expired_sessions(conn, settings.absolute_timeout_s)
        token, times = auth.create_session(conn, user_id)
    portal.security_log.record(Event.SIGN_IN_SUCCEEDED, request_id=throttle.request_id(
        request), user_id=user_id, outcome=factor or "password")
    return _session_answer(portal, request, user, token, times, status=201)


def _second_factor(
    portal: Portal, request: Request, key: str, user_id: int, otp: str | None
) -> str | None:
    """None when the user has no second factor; else which one passed (or raise 401)."""
    conn = portal.conn()
    if not mfa.enabled(conn, user_id):
        return None
    if otp is None or not otp.strip():
        raise ApiError(401, "mfa_required", MFA_REQUIRED)
    with db.transaction(conn):
        factor = mfa.check_second_factor(conn, portal.secret, user_id, otp)
    if factor is None:
        throttle.failed(portal, request, key, user_id, Event.MFA_FAILED, "sign_in")
        raise ApiError(401, "unauthenticated", WRONG_CREDENTIALS)
    if factor is mfa.SecondFactor.RECOVERY:
        portal.security_log.record(Event.RECOVERY_CODE_USED,
                                   request_id=throttle.request_id(request), user_id=user_id)
    return factor.value


def _session_answer(portal: Portal, request: Request, user: sqlite3.Row, token: str,
                    times: auth.SessionTimes, *, status: int) -> Response:
    conn = portal.conn()
    user_id = int(user["id"])
    current = current_policy_version(conn)
    accepted = latest_accepted_version(conn, user_id)
    request_context(request.scope).policy_version = current
    settings = portal.settings
    expires = times.expires_at(settings.idle_timeout_s, settings.absolute_timeout_s)
    return respond(
        {
            "token": token,
            "expires_at": iso_instant(expires),
            "idle_timeout_s": settings.idle_timeout_s,
            "user": {
                "username": user["username"],
                "display_name": f"{user['first_name']} {user['last_name']}",
                "mfa_enabled": mfa.enabled(conn, user_id),
            },
            "policy": {"current_version": current, "accepted_version": accepted},
        },
        status=status,
    )


@router.post(
    "/sessions/current/reauth",
    responses={
        200: {"model": SessionOut, "description": "A new token replaces this one."},
        422: {"model": ErrorOut, "description": "Wrong `password` (counted toward the "
              "lockout)."},
        423: {"model": ErrorOut, "description": "Locked after five failed checks."},
    },
)
def reauthenticate(
    body: ReauthIn, caller: PasswordCaller, request: Request, portal: PortalDep
) -> Response:
    """Unlock after the client's idle lock: the password again, no second factor.

    Only a session that is still alive can be re-authenticated (the second factor was
    given when it began); an expired one answers `session_expired` and the client signs
    in afresh, code included. The token is replaced (the old one is revoked) and the new
    session keeps the old one's start, so re-authenticating never extends the 12-hour
    absolute lifetime."""
    throttle.check_password(
        portal, request, caller, body.password,
        validation_failed({"password": "The password is incorrect."}), reason="reauth",
    )
    conn = portal.conn()
    with db.transaction(conn):
        auth.clear_failures(conn, str(caller.user["username_key"]))
        token, times = auth.create_session(conn, caller.user_id,
                                           created_at=caller.times.created_at)
        conn.execute("DELETE FROM sessions WHERE id = ?", (caller.session_id,))
    portal.security_log.record(Event.REAUTHENTICATED, request_id=throttle.request_id(request),
                               user_id=caller.user_id)
    return _session_answer(portal, request, caller.user, token, times, status=200)


@router.get("/sessions/current", responses={200: {"model": SessionStateOut}})
def session_state(caller: GatedCaller, portal: PortalDep) -> Response:
    """When the session ends if nothing else happens; the call itself counts as activity."""
    settings = portal.settings
    expires = caller.times.expires_at(settings.idle_timeout_s, settings.absolute_timeout_s)
    return respond({"expires_at": iso_instant(expires), "idle_timeout_s": settings.idle_timeout_s})


@router.delete("/sessions/current", status_code=204)
def sign_out(caller: SignOutCaller, portal: PortalDep) -> Response:
    """Revoke this token at once (allowed before the policy is accepted)."""
    portal.conn().execute("DELETE FROM sessions WHERE id = ?", (caller.session_id,))
    return no_content()
