"""Two-step sign-in for the signed-in user: set up, confirm, turn off.

Every route here checks a password or a code, so each goes through `sandbox.throttle`:
failures add up with sign-in failures toward the lock, and a failed check is not
activity of the session.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from sandbox import db, mfa, throttle
from sandbox.deps import GatedPasswordCaller, PortalDep
from sandbox.errors import ApiError, validation_failed
from sandbox.models import CodeIn, ErrorOut, MfaOffIn, MfaSetupOut, PasswordIn, RecoveryCodesOut
from sandbox.security_log import Event
from sandbox.wire import no_content, respond

router = APIRouter(tags=["two-step sign-in"])

WRONG_CODE = "The code is not right. Check the time on your phone, or use a new code."
_LOCKED = {"model": ErrorOut, "description": "Locked after five failed checks."}


@router.post(
    "/account/mfa/totp",
    status_code=201,
    responses={
        201: {"model": MfaSetupOut},
        409: {"model": ErrorOut, "description": "Two-step sign-in is already on."},
        422: {"model": ErrorOut, "description": "Wrong `password` (counted)."},
        423: _LOCKED,
    },
)
def start_totp(
    body: PasswordIn, caller: GatedPasswordCaller, request: Request, portal: PortalDep
) -> Response:
    """A new secret for an authenticator app; nothing changes until it is confirmed.
    Asking again before confirming replaces the secret."""
    throttle.check_password(
        portal, request, caller, body.password,
        validation_failed({"password": "The password is incorrect."}), reason="mfa_setup",
    )
    throttle.succeeded(portal, caller)
    conn = portal.conn()
    with db.transaction(conn):
        if mfa.enabled(conn, caller.user_id):
            raise ApiError(409, "conflict", "Two-step sign-in is already on. Turn it off "
                           "first to set up a new authenticator.")
        secret, uri = mfa.start_setup(conn, caller.user_id, str(caller.user["username"]))
    portal.security_log.record(Event.MFA_SETUP_STARTED,
                               request_id=throttle.request_id(request), user_id=caller.user_id)
    return respond({"secret": secret, "otpauth_uri": uri}, status=201)


@router.post(
    "/account/mfa/totp/confirm",
    responses={
        200: {"model": RecoveryCodesOut},
        409: {"model": ErrorOut, "description": "No set-up is waiting (or it is on already)."},
        422: {"model": ErrorOut, "description": "Wrong `code` (counted)."},
        423: _LOCKED,
    },
)
def confirm_totp(
    body: CodeIn, caller: GatedPasswordCaller, request: Request, portal: PortalDep
) -> Response:
    """Turn two-step sign-in on with a first code; answers the ten recovery codes, once."""
    key = str(caller.user["username_key"])
    throttle.refuse_if_locked(portal, request, key, caller.user_id)
    conn = portal.conn()
    if mfa.pending_secret(conn, caller.user_id) is None:
        raise ApiError(409, "conflict", "There is no set-up waiting for a code. Start the "
                       "set-up again.")
    with db.transaction(conn):
        ok = mfa.check_totp(conn, caller.user_id, body.code, confirmed=False)
        codes = mfa.confirm(conn, portal.secret, caller.user_id) if ok else []
    if not ok:
        throttle.failed(portal, request, key, caller.user_id, Event.MFA_FAILED, "confirm")
        raise validation_failed({"code": WRONG_CODE})
    throttle.succeeded(portal, caller)
    portal.security_log.record(Event.MFA_ENABLED, request_id=throttle.request_id(request),
                               user_id=caller.user_id)
    return respond({"recovery_codes": codes})


@router.delete(
    "/account/mfa/totp",
    status_code=204,
    responses={
        409: {"model": ErrorOut, "description": "Two-step sign-in is not on."},
        422: {"model": ErrorOut, "description": "Wrong `password` or `code` (counted)."},
        423: _LOCKED,
    },
)
def disable_totp(
    body: MfaOffIn, caller: GatedPasswordCaller, request: Request, portal: PortalDep
) -> Response:
    """Turn it off: the password and a current code (or a recovery code) both needed."""
    throttle.check_password(
        portal, request, caller, body.password,
        validation_failed({"password": "The password is incorrect."}), reason="mfa_off",
    )
    conn = portal.conn()
    if not mfa.enabled(conn, caller.user_id):
        raise ApiError(409, "conflict", "Two-step sign-in is not on.")
    with db.transaction(conn):
        factor = mfa.check_second_factor(conn, portal.secret, caller.user_id, body.code)
        if factor is not None:
            mfa.disable(conn, caller.user_id)
    if factor is None:
        key = str(caller.user["username_key"])
        throttle.failed(portal, request, key, caller.user_id, Event.MFA_FAILED, "mfa_off")
        raise validation_failed({"code": WRONG_CODE})
    throttle.succeeded(portal, caller)
    portal.security_log.record(Event.MFA_DISABLED, request_id=throttle.request_id(request),
                               user_id=caller.user_id)
    return no_content()
