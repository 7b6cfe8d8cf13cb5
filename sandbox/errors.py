"""The one error shape of the contract, and the mapping of framework errors onto it.

Every non-2xx answer is `{"error": {"code", "message", "fields"?, ...extras}}`, whether it
comes from a route, from FastAPI's request validation or from Starlette's routing (404/405).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

GENERIC_MESSAGES: dict[str, str] = {
    "bad_request": "The request is malformed.",
    "unauthenticated": "Sign-in required. Please sign in.",
    "session_expired": "Your session has expired. Please sign in again.",
    "policy_acceptance_required": "Please read and accept the current privacy policy to continue.",
    "forbidden": "You do not have access to this resource.",
    "not_found": "Not found.",
    "method_not_allowed": "This method is not allowed on this resource.",
    "conflict": "The request conflicts with the current state of the resource.",
    "precondition_failed": "The resource has changed since you read it. Reload and try again.",
    "payload_too_large": "The request body is too large.",
    "validation_failed": "One or more fields are invalid.",
    "account_locked": "Too many failed sign-in attempts. Try again later.",
    "precondition_required": "This request needs an If-Match header.",
    "rate_limited": "Too many requests. Try again later.",
    "server_error": "Something went wrong on the portal. Please try again later.",
    "mfa_required": "Enter the code from your authenticator app, or a recovery code.",
    "code_expired": "This code can no longer be used. Ask for a new code.",
    "verification_failed": "The code or the payment details are not right.",
}

STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    422: "validation_failed",
    423: "account_locked",
    428: "precondition_required",
    429: "rate_limited",
    500: "server_error",
}

MFA_REQUIRED = GENERIC_MESSAGES["mfa_required"]
WRONG_CREDENTIALS = "The username or password is incorrect, or the account cannot sign in."


class ApiError(Exception):
    """Raised anywhere in a request; rendered as the contract's error body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str | None = None,
        *,
        fields: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message or GENERIC_MESSAGES.get(code, "Error.")
        self.fields = fields
        self.extra = extra or {}
        self.headers = headers or {}


def validation_failed(fields: dict[str, str]) -> ApiError:
    return ApiError(422, "validation_failed", fields=fields)


def error_body(
    code: str,
    message: str,
    fields: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> bytes:
    err: dict[str, Any] = {"code": code, "message": message}
    if fields:
        err["fields"] = fields
    if extra:
        err.update(extra)
    return json.dumps({"error": err}, ensure_ascii=False).encode("utf-8")


def error_response(exc: ApiError) -> Response:
    return Response(
        error_body(exc.code, exc.message, exc.fields, exc.extra),
        status_code=exc.status,
        headers=exc.headers,
        media_type="application/json; charset=utf-8",
    )


def _field_name(loc: tuple[Any, ...]) -> str:
    """`("body", "contact_preferences", "paper_mail")` -> `contact_preferences.paper_mail`."""
    parts = [str(p) for p in loc[1:]] if loc and loc[0] in ("body", "query", "path") else []
    return ".".join(parts) if parts else "body"


def _message_for(err: dict[str, Any]) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "This field is required."
    if kind == "extra_forbidden":
        return "Unknown field."
    if kind in ("string_type", "str_type"):
        return "Must be a string."
    if kind in ("bool_type", "bool_parsing"):
        return "Must be true or false."
    if kind in ("int_type", "int_parsing"):
        return "Must be an integer."
    if kind in ("literal_error", "enum"):
        return "Must be one of the allowed values."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "Must be a JSON object."
    return "Invalid value."


def convert_validation_error(exc: RequestValidationError) -> ApiError:
    errors = list(exc.errors())
    for err in errors:
        loc = tuple(err.get("loc", ()))
        kind = str(err.get("type", ""))
        if kind == "json_invalid":
            return ApiError(400, "bad_request", "The request body is not valid JSON.")
        if loc == ("body",):
            # Missing body, a JSON array or scalar, or a non-JSON content type.
            return ApiError(
                400, "bad_request",
                "The request body must be a JSON object sent as application/json.",
            )
    fields: dict[str, str] = {}
    for err in errors:
        name = _field_name(tuple(err.get("loc", ())))
        fields.setdefault(name, _message_for(err))
    return validation_failed(fields)


def install_handlers(app: FastAPI) -> None:
    async def on_api_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def on_validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(convert_validation_error(exc))

    async def on_http(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = STATUS_CODES.get(exc.status_code, "bad_request")
        status = exc.status_code if exc.status_code in STATUS_CODES else 400
        headers = dict(exc.headers or {})
        return error_response(ApiError(status, code, headers=headers))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
