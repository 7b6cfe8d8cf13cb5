"""Typed failures of the portal wire layer, each carrying a message safe to show a clerk.

Everything the portal client raises is a `PortalError`. The UI shows `user_message`
as plain text and never `repr(e)`: the message holds no URL, no request or response
payload and no patient data, only words a billing clerk understands. `detail` is for
developers and logs: it names what went wrong (a field path, a status code) but
never contains values taken from a response body.

Server `message` strings are plain text written by the portal for end users, so they
may replace a class's default message; the default exists for when the portal sent
none (or sent something that is not a usable string).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

#: Longest server-provided message we pass on; anything longer is not a message.
MAX_SERVER_MESSAGE_CHARS = 500


class PortalError(Exception):
    """Root of every error the portal client raises."""

    default_message: ClassVar[str] = "The claims portal could not complete the request."
    #: Whether a server-provided `message` may replace `default_message`.
    server_message_allowed: ClassVar[bool] = True

    def __init__(
        self,
        user_message: str | None = None,
        *,
        request_id: str | None = None,
        code: str | None = None,
        status: int | None = None,
        detail: str | None = None,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        self.user_message: str = user_message or self.default_message
        self.request_id = request_id
        self.code = code
        self.status = status
        self.detail = detail
        #: Per-field messages from the portal (422, and e.g. 409 on a taken username).
        self.fields: dict[str, str] = dict(fields or {})
        super().__init__(self.user_message)

    def __str__(self) -> str:
        # str(e) ends up in logs and, by mistake, in message boxes: keep it safe.
        return self.user_message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, status={self.status!r}, "
            f"request_id={self.request_id!r}, detail={self.detail!r})"
        )


# --- errors the portal reports (the error table of PORTAL_API.md) --------------------


class BadRequest(PortalError):
    default_message = (
        "The portal did not accept the request. This program may need an update; "
        "if it keeps happening, contact your IT support."
    )


class Unauthenticated(PortalError):
    default_message = "The user name or password is not correct, or you are signed out."


class SessionExpired(PortalError):
    default_message = "Your session has ended. Please sign in again."


class PolicyAcceptanceRequired(PortalError):
    default_message = "Please read and accept the current privacy policy to continue."

    def __init__(self, user_message: str | None = None, *, current_version: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.current_version = current_version


class MfaRequired(Unauthenticated):
    """The password was right; the portal wants the second factor (two-step sign-in).

    A subclass of `Unauthenticated` so that code which only knows "not signed in" still
    does the safe thing; sign-in and unlock catch it first and ask for the code."""

    default_message = "Enter the 6-digit code from your authenticator app, or a recovery code."


class CodeExpired(PortalError):
    default_message = (
        "This code can no longer be used: it is older than 24 hours, was used already, or "
        "was tried too many times. Ask for a new code."
    )


class VerificationFailed(PortalError):
    default_message = "The code or the payment details are not right. Check them and try again."

    def __init__(self, user_message: str | None = None, *, attempts_left: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.attempts_left = attempts_left


class Forbidden(PortalError):
    default_message = "You do not have access to this item."


class NotFound(PortalError):
    default_message = "The portal could not find this item."


class Conflict(PortalError):
    default_message = (
        "The request conflicts with the current state on the portal. Please refresh and "
        "try again."
    )


class PreconditionFailed(PortalError):
    default_message = (
        "Someone changed this information since you opened it. Reload it and make your "
        "changes again."
    )


class PayloadTooLarge(PortalError):
    default_message = "What you entered is too long to send. Please shorten it."


class ValidationFailed(PortalError):
    default_message = "Some of what you entered is not valid. Please check the marked fields."


class AccountLocked(PortalError):
    default_message = (
        "Your account is locked for a while after too many sign-in attempts. "
        "Please try again later."
    )

    def __init__(self, user_message: str | None = None, *, retry_after_s: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.retry_after_s = retry_after_s


class PreconditionRequired(PortalError):
    default_message = (
        "The portal refused the change because this program did not say which version it "
        "was changing. This program may need an update."
    )


class RateLimited(PortalError):
    default_message = "The portal is busy right now. Please wait a moment and try again."

    def __init__(self, user_message: str | None = None, *, retry_after_s: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.retry_after_s = retry_after_s


class ServerError(PortalError):
    default_message = (
        "The claims portal had a problem and could not answer. Please try again later; "
        "if it keeps happening, give your IT support the reference number."
    )
    # A 5xx message is generic at best and a stack trace at worst: never show it.
    server_message_allowed = False

    def __init__(self, user_message: str | None = None, *, retry_after_s: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.retry_after_s = retry_after_s


# --- failures of the transport ---------------------------------------------------------


class ConnectionFailed(PortalError):
    default_message = (
        "The claims portal cannot be reached. Check the network connection; if other "
        "websites work, the portal may be down or blocked - contact your IT support."
    )


class DeadlineExceeded(PortalError):
    default_message = (
        "The claims portal took too long to answer. Please try again; if it keeps "
        "happening, contact your IT support."
    )


class TlsError(PortalError):
    default_message = (
        "This program could not set up a secure connection to the claims portal, so "
        "nothing was sent. Tell your IT support: the portal's certificate is not trusted "
        "on this computer."
    )


class InsecureUrl(PortalError):
    default_message = (
        "The portal address does not start with https, so the connection would not be "
        "secure and this program will not use it. Ask your IT support for the correct "
        "portal address."
    )


class InvalidConfiguration(PortalError):
    default_message = (
        "This program's connection settings are not valid. Ask your IT support to check "
        "the portal settings."
    )


class UnexpectedResponse(PortalError):
    default_message = (
        "The claims portal sent an answer this program does not understand. Please try "
        "again; if it keeps happening, give your IT support the reference number."
    )
    server_message_allowed = False


# --- mapping an error answer to a class ------------------------------------------------

ERROR_CLASSES: dict[str, type[PortalError]] = {
    "bad_request": BadRequest,
    "unauthenticated": Unauthenticated,
    "session_expired": SessionExpired,
    "policy_acceptance_required": PolicyAcceptanceRequired,
    "forbidden": Forbidden,
    "not_found": NotFound,
    "conflict": Conflict,
    "precondition_failed": PreconditionFailed,
    "payload_too_large": PayloadTooLarge,
    "validation_failed": ValidationFailed,
    "account_locked": AccountLocked,
    "precondition_required": PreconditionRequired,
    "rate_limited": RateLimited,
    "server_error": ServerError,
    "mfa_required": MfaRequired,
    "code_expired": CodeExpired,
    "verification_failed": VerificationFailed,
}

#: Used when the body carries no (known) code: what the status alone means.
STATUS_CLASSES: dict[int, type[PortalError]] = {
    400: BadRequest,
    401: Unauthenticated,
    403: Forbidden,
    404: NotFound,
    405: BadRequest,
    410: CodeExpired,
    409: Conflict,
    412: PreconditionFailed,
    413: PayloadTooLarge,
    422: ValidationFailed,
    423: AccountLocked,
    428: PreconditionRequired,
    429: RateLimited,
}

#: Codes that only make sense with one status; a mismatch means a confused server.
_CODE_STATUS = {
    "bad_request": 400, "unauthenticated": 401, "session_expired": 401,
    "policy_acceptance_required": 403, "forbidden": 403, "not_found": 404,
    "conflict": 409, "precondition_failed": 412, "payload_too_large": 413,
    "validation_failed": 422, "account_locked": 423, "precondition_required": 428,
    "rate_limited": 429, "server_error": 500, "mfa_required": 401, "code_expired": 410,
    "verification_failed": 422,
}

_MAX_FIELDS = 200
_MAX_FIELD_NAME = 100


def _clean_text(value: object, limit: int = MAX_SERVER_MESSAGE_CHARS) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > limit:
        return None
    return text


def _int_or_none(value: object, *, lo: int = 0, hi: int = 10**9) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if lo <= value <= hi else None


def _fields(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > _MAX_FIELDS:
        return {}
    out: dict[str, str] = {}
    for key, msg in value.items():
        text = _clean_text(msg)
        if isinstance(key, str) and 0 < len(key) <= _MAX_FIELD_NAME and text:
            out[key] = text
    return out


def error_from_answer(
    status: int,
    body: object,
    *,
    request_id: str | None,
    retry_after_s: float | None = None,
) -> PortalError:
    """Build the typed error for a non-2xx answer whose body is already parsed JSON.

    `body` may be anything (a confused server): a missing or unknown code falls back
    to the class the status implies, and 5xx always becomes `ServerError`.
    """
    err = body.get("error") if isinstance(body, dict) else None
    err_obj: dict[str, Any] = err if isinstance(err, dict) else {}
    raw_code = err_obj.get("code")
    code = raw_code if isinstance(raw_code, str) and raw_code in ERROR_CLASSES else None
    if code is not None and _CODE_STATUS[code] != status and status < 500:
        # A known code under the wrong status: trust the status, which the HTTP
        # machinery between us and the portal cannot get wrong.
        code = None
    if status >= 500:
        cls: type[PortalError] = ServerError
        code = code if code == "server_error" else "server_error"
    elif code is not None:
        cls = ERROR_CLASSES[code]
    else:
        cls = STATUS_CLASSES.get(status, UnexpectedResponse)
    message = _clean_text(err_obj.get("message")) if cls.server_message_allowed else None
    common: dict[str, Any] = {
        "request_id": request_id, "code": code, "status": status,
        "detail": f"HTTP {status}" + (f" {raw_code!s:.40}" if isinstance(raw_code, str) else ""),
        "fields": _fields(err_obj.get("fields")),
    }
    if cls is PolicyAcceptanceRequired:
        return PolicyAcceptanceRequired(
            message, current_version=_clean_text(err_obj.get("current_version"), 200), **common
        )
    if cls is AccountLocked:
        locked_s = _int_or_none(err_obj.get("retry_after_s"))
        if locked_s is None and retry_after_s is not None:
            locked_s = int(retry_after_s)
        return AccountLocked(message, retry_after_s=locked_s, **common)
    if cls is RateLimited:
        if retry_after_s is None:
            retry_after_s = _int_or_none(err_obj.get("retry_after_s"))
        return RateLimited(message, retry_after_s=retry_after_s, **common)
    if cls is ServerError:
        return ServerError(message, retry_after_s=retry_after_s, **common)
    if cls is VerificationFailed:
        return VerificationFailed(message, attempts_left=_int_or_none(
            err_obj.get("attempts_left"), hi=100), **common)
    return cls(message, **common)
