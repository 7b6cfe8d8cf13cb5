"""Every error code of the contract maps to its class, with a safe message."""

from __future__ import annotations

import pytest

from desktop.portal import errors as E
from desktop.portal.errors import error_from_answer

TABLE = [
    (400, "bad_request", E.BadRequest),
    (401, "unauthenticated", E.Unauthenticated),
    (401, "session_expired", E.SessionExpired),
    (403, "policy_acceptance_required", E.PolicyAcceptanceRequired),
    (403, "forbidden", E.Forbidden),
    (404, "not_found", E.NotFound),
    (409, "conflict", E.Conflict),
    (412, "precondition_failed", E.PreconditionFailed),
    (413, "payload_too_large", E.PayloadTooLarge),
    (422, "validation_failed", E.ValidationFailed),
    (423, "account_locked", E.AccountLocked),
    (428, "precondition_required", E.PreconditionRequired),
    (429, "rate_limited", E.RateLimited),
    (500, "server_error", E.ServerError),
]


@pytest.mark.parametrize(("status", "code", "cls"), TABLE)
def test_code_maps_to_class(status: int, code: str, cls: type[E.PortalError]) -> None:
    err = error_from_answer(status, {"error": {"code": code, "message": "Portal says so."}},
                            request_id="r1")
    assert type(err) is cls
    assert err.code == code and err.status == status and err.request_id == "r1"
    expected = cls.default_message if cls is E.ServerError else "Portal says so."
    assert err.user_message == expected
    assert str(err) == err.user_message


@pytest.mark.parametrize(("status", "code", "cls"), TABLE)
def test_default_message_when_server_sends_none(status: int, code: str,
                                                cls: type[E.PortalError]) -> None:
    err = error_from_answer(status, {"error": {"code": code}}, request_id=None)
    assert err.user_message == cls.default_message
    for word in ("http", "json", "Traceback", "None", "{"):
        assert word not in err.user_message


def test_every_class_has_a_plain_default_message() -> None:
    classes = [c for c in vars(E).values()
               if isinstance(c, type) and issubclass(c, E.PortalError)]
    assert len(classes) >= 20
    for cls in classes:
        msg = cls.default_message
        assert msg and msg.endswith(".") and len(msg) < 400
        assert "://" not in msg


def test_extras() -> None:
    err = error_from_answer(403, {"error": {"code": "policy_acceptance_required",
                                            "current_version": "2026-12-01"}}, request_id=None)
    assert isinstance(err, E.PolicyAcceptanceRequired)
    assert err.current_version == "2026-12-01"
    err = error_from_answer(422, {"error": {"code": "validation_failed", "fields": {
        "tin": "No contracted provider has this TIN.", "npi": 5, "": "x"}}}, request_id=None)
    assert isinstance(err, E.ValidationFailed)
    assert err.fields == {"tin": "No contracted provider has this TIN."}
    err = error_from_answer(423, {"error": {"code": "account_locked", "retry_after_s": 900}},
                            request_id=None)
    assert isinstance(err, E.AccountLocked) and err.retry_after_s == 900
    err = error_from_answer(429, None, request_id=None, retry_after_s=7)
    assert isinstance(err, E.RateLimited) and err.retry_after_s == 7


def test_status_wins_over_a_mismatched_code() -> None:
    err = error_from_answer(404, {"error": {"code": "session_expired"}}, request_id=None)
    assert type(err) is E.NotFound
    err = error_from_answer(503, {"error": {"code": "not_found", "message": "x"}},
                            request_id=None)
    assert type(err) is E.ServerError and err.code == "server_error"


def test_unknown_code_falls_back_to_status() -> None:
    err = error_from_answer(405, {"error": {"code": "method_not_allowed"}}, request_id=None)
    assert type(err) is E.BadRequest
    err = error_from_answer(418, {"error": {"code": "teapot"}}, request_id=None)
    assert type(err) is E.UnexpectedResponse


def test_overlong_server_message_replaced() -> None:
    err = error_from_answer(409, {"error": {"code": "conflict", "message": "x" * 5000}},
                            request_id=None)
    assert err.user_message == E.Conflict.default_message
