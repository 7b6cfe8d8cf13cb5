"""Issue 13, the non-Qt pieces: `require_mfa`, the verification input rules, the new
error codes and the security models."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.config import load_settings
from desktop.portal import errors as E
from desktop.portal.errors import error_from_answer
from desktop.portal.models import parse_account, parse_registration_result, parse_sign_in
from desktop.portal.security import Verification, parse_office_users, parse_totp_setup
from desktop.portal.wirejson import Obj
from desktop.validation import ValidationError, validate_office_code, validate_payment_amount
from tests.unit.portal import samples


def _load(tmp_path: Path, user: dict[str, object], policy: dict[str, object] | str):
    (tmp_path / "u").mkdir(parents=True)
    (tmp_path / "s").mkdir(parents=True)
    (tmp_path / "u" / "settings.json").write_text(json.dumps(user))
    (tmp_path / "s" / "policies.json").write_text(
        policy if isinstance(policy, str) else json.dumps(policy))
    return load_settings(config_dir=tmp_path / "u", site_dir=tmp_path / "s")


def test_require_mfa_is_it_s_to_set(tmp_path: Path) -> None:
    loaded = _load(tmp_path, {"require_mfa": True}, {})
    assert loaded.values.require_mfa is False
    assert any("require_mfa" in p for p in loaded.problems)


def test_require_mfa_managed_and_a_bad_value_means_required(tmp_path: Path) -> None:
    on = _load(tmp_path / "a", {}, {"require_mfa": True})
    assert on.values.require_mfa is True and on.is_locked("require_mfa")
    bad = _load(tmp_path / "b", {}, {"require_mfa": "sometimes"})
    assert bad.values.require_mfa is True
    assert any("require_mfa" in p for p in bad.problems)


@pytest.mark.parametrize(("typed", "amount"), [
    ("1234.50", "1234.50"), ("$1,234.50", "1234.50"), ("87.6", "87.60"), (" 87 ", "87.00"),
])
def test_payment_amounts_as_clerks_write_them(typed: str, amount: str) -> None:
    assert validate_payment_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["", "12,34.50", "1.234", "-5.00", "0.00", "abc", "１２.００"])
def test_payment_amounts_refused_in_words(typed: str) -> None:
    with pytest.raises(ValidationError):
        validate_payment_amount(typed)


def test_office_code_rules() -> None:
    assert validate_office_code(" 1234 5678 ") == "12345678"
    assert validate_office_code("1234-5678") == "12345678"
    for bad in ("1234567", "123456789", "abcdefgh", "１２３４５６７８"):
        with pytest.raises(ValidationError):
            validate_office_code(bad)


def test_verification_body_and_repr_hide_the_code() -> None:
    v = Verification("testa.clerk", "12345678", Decimal("87.6"), date(2026, 10, 2))
    assert v.to_json() == {"username": "testa.clerk", "code": "12345678",
                           "payment_amount": "87.60", "payment_date": "2026-10-02"}
    assert "12345678" not in repr(v)


@pytest.mark.parametrize(("status", "code", "cls"), [
    (401, "mfa_required", E.MfaRequired),
    (410, "code_expired", E.CodeExpired),
    (422, "verification_failed", E.VerificationFailed),
    (410, None, E.CodeExpired),
])
def test_new_codes_map_to_typed_errors(status: int, code: str | None, cls: type) -> None:
    body = {"error": {"code": code, "message": "Plain words."}} if code else {}
    err = error_from_answer(status, body, request_id="r1")
    assert type(err) is cls and err.user_message


def test_mfa_required_is_an_unauthenticated_and_attempts_left_are_read() -> None:
    assert issubclass(E.MfaRequired, E.Unauthenticated)
    err = error_from_answer(422, {"error": {"code": "verification_failed", "message": "No.",
                                            "attempts_left": 3}}, request_id=None)
    assert isinstance(err, E.VerificationFailed) and err.attempts_left == 3
    odd = error_from_answer(422, {"error": {"code": "verification_failed",
                                            "attempts_left": "3"}}, request_id=None)
    assert isinstance(odd, E.VerificationFailed) and odd.attempts_left is None


def test_new_fields_are_read_and_optional() -> None:
    account = dict(samples.ACCOUNT)
    assert parse_account(account).office_admin is False
    assert parse_account({**account, "office_admin": True, "mfa_enabled": True}).mfa_enabled
    sign_in = json.loads(json.dumps(samples.SIGN_IN))
    sign_in["user"]["mfa_enabled"] = True
    assert parse_sign_in(sign_in).user.mfa_enabled is True
    for status in ("pending_approval", "pending_verification"):
        assert parse_registration_result({"username": "u.name", "status": status}).pending


def test_security_models_parse_and_hide_secrets() -> None:
    setup = parse_totp_setup({"secret": "JBSWY3DPEHPK3PXP", "otpauth_uri": "otpauth://totp/x"})
    assert "JBSWY3DP" not in repr(setup)
    users = parse_office_users({
        "pending": [{"user_id": "7", "first_name": "Testa", "last_name": "Fictional",
                     "email": "t@example.com", "npi": "1234567893",
                     "requested_at": "2026-11-27T10:00:00Z"}],
        "active": [{"user_id": "1", "first_name": "Ad", "last_name": "Min",
                    "email": "a@example.com", "npi": "1234567893", "office_admin": True,
                    "is_you": True}]})
    assert users.pending[0].user_id == "7" and users.active[0].is_you
    with pytest.raises(E.UnexpectedResponse):
        parse_office_users({"pending": [], "active": [{"user_id": 1}]})
    assert Obj({}).has("x") is False
