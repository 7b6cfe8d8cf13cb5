"""Two-step sign-in (TOTP, RFC 6238) and re-authentication after the idle lock (issue 13)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pyotp
import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    private_sandbox,
    sign_in_accepted,
)
from tests.e2e.security_helpers import next_code, turn_on_totp

TOTP = "/account/mfa/totp"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=300) as sb:
        yield sb


def _signed_in(sb: Sandbox) -> tuple[str, str, Client]:
    user, _ = fresh_client(sb)
    return user.username, user.password, sign_in_accepted(sb, user.username, user.password)


def _session(sb: Sandbox, username: str, password: str, otp: str | None = None) -> object:
    body = {"username": username, "password": password}
    if otp is not None:
        body["otp"] = otp
    return Client(sb).post("/sessions", json=body)


def test_set_up_sign_in_with_a_code_and_with_a_recovery_code(portal: Sandbox) -> None:
    username, password, client = _signed_in(portal)
    start = client.post(TOTP, json={"password": password})
    assert start.status_code == 201, start.text
    body = start.json()
    assert set(body) == {"secret", "otpauth_uri"}
    assert body["otpauth_uri"].startswith("otpauth://totp/") and body["secret"] in body[
        "otpauth_uri"]
    # Nothing changes before the confirmation.
    assert _session(portal, username, password).status_code == 201
    wrong = assert_error(client.post(TOTP + "/confirm", json={"code": "000000"}), 422,
                         "validation_failed")
    assert "code" in wrong["fields"]
    done = client.post(TOTP + "/confirm", json={"code": pyotp.TOTP(body["secret"]).now()})
    assert done.status_code == 200, done.text
    codes = done.json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/account").json()["mfa_enabled"] is True
    # Without the code: mfa_required (not counted); with it: signed in.
    for _ in range(6):
        assert_error(_session(portal, username, password), 401, "mfa_required")
    ok = _session(portal, username, password, next_code(body["secret"]))
    assert ok.status_code == 201, ok.text
    assert ok.json()["user"]["mfa_enabled"] is True
    # The same code again is refused (single use), like a wrong one.
    assert_error(_session(portal, username, password, next_code(body["secret"])), 401,
                 "unauthenticated")
    assert _session(portal, username, password, codes[3]).status_code == 201
    assert_error(_session(portal, username, password, codes[3]), 401, "unauthenticated")
    # A wrong password with a right code says nothing about the code.
    assert_error(_session(portal, username, "wrong " + password, codes[4]), 401,
                 "unauthenticated")


def test_clock_drift_one_step_is_fine_three_are_not(portal: Sandbox) -> None:
    username, password, client = _signed_in(portal)
    secret, _ = turn_on_totp(client, password)
    totp = pyotp.TOTP(secret)
    assert_error(_session(portal, username, password, totp.at(time.time() + 90)), 401,
                 "unauthenticated")
    assert_error(_session(portal, username, password, totp.at(time.time() - 90)), 401,
                 "unauthenticated")
    assert _session(portal, username, password, next_code(secret)).status_code == 201


def test_enabling_twice_and_turning_off(portal: Sandbox) -> None:
    username, password, client = _signed_in(portal)
    secret, codes = turn_on_totp(client, password)
    assert_error(client.post(TOTP, json={"password": password}), 409, "conflict")
    assert_error(client.post(TOTP + "/confirm", json={"code": next_code(secret)}), 409,
                 "conflict")
    wrong = assert_error(client.delete(TOTP, json={"password": password, "code": "000000"}),
                         422, "validation_failed")
    assert "code" in wrong["fields"]
    assert client.delete(TOTP, json={"password": password, "code": codes[0]}
                         ).status_code == 204
    assert _session(portal, username, password).status_code == 201
    assert_error(client.delete(TOTP, json={"password": password, "code": codes[1]}), 409,
                 "conflict")


def test_reauth_needs_the_password_only_and_replaces_the_token(portal: Sandbox) -> None:
    _username, password, client = _signed_in(portal)
    secret, _ = turn_on_totp(client, password)
    started = client.get("/sessions/current").json()["expires_at"]
    wrong = assert_error(client.post("/sessions/current/reauth",
                                     json={"password": "not " + password}), 422,
                         "validation_failed")
    assert "password" in wrong["fields"]
    resp = client.post("/sessions/current/reauth", json={"password": password})
    assert resp.status_code == 200, resp.text
    assert set(resp.json()) == {"token", "expires_at", "idle_timeout_s", "user", "policy"}
    new = Client(portal, token=resp.json()["token"])
    assert new.get("/account").status_code == 200
    assert_error(client.get("/account"), 401, "unauthenticated")
    assert new.get("/sessions/current").json()["expires_at"] >= started
    assert secret  # the second factor was not asked for


def test_reauth_refuses_a_dead_session(portal: Sandbox) -> None:
    username, password, client = _signed_in(portal)
    assert client.delete("/sessions/current").status_code == 204
    assert_error(client.post("/sessions/current/reauth", json={"password": password}), 401,
                 "unauthenticated")
    assert username


def test_operator_resets_a_lost_authenticator(portal: Sandbox) -> None:
    username, password, client = _signed_in(portal)
    turn_on_totp(client, password)
    assert_error(_session(portal, username, password), 401, "mfa_required")
    done = portal.cli("reset-mfa", username)
    assert '"mfa_enabled": false' in done.stdout
    assert _session(portal, username, password).status_code == 201
    assert portal.cli("reset-mfa", "no.such.user", check=False).returncode == 1
