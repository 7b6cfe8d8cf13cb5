"""Every password check is throttled like sign-in, and the security log records it (issue 13).

A stolen token must not buy unlimited password guesses: `/account/password`,
`/account/deactivation`, the MFA endpoints and re-authentication count failures per user
together with sign-in; the fifth starts the lock, and during it every door answers 423.
A failed check is not activity: the session's idle clock does not move.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
import requests

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    User,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    new_password,
    private_sandbox,
    read_only_db,
    sign_in_accepted,
    sign_in_response,
)
from tests.e2e.security_helpers import turn_on_totp

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=300) as sb:
        yield sb


def _user(sb: Sandbox) -> tuple[User, Client]:
    user, _ = fresh_client(sb)
    return user, sign_in_accepted(sb, user.username, user.password)


Guess = Callable[[Client, User], requests.Response]

DOORS: dict[str, Guess] = {
    "password-change": lambda c, u: c.post("/account/password", json={
        "current_password": new_password(), "new_password": new_password()}),
    "deactivation": lambda c, u: c.post("/account/deactivation", json={
        "password": new_password(), "reason": ""}),
    "mfa-setup": lambda c, u: c.post("/account/mfa/totp", json={"password": new_password()}),
    "reauth": lambda c, u: c.post("/sessions/current/reauth", json={
        "password": new_password()}),
}


def _last_seen(sb: Sandbox, token: str) -> float:
    import hashlib

    with read_only_db(sb) as conn:
        row = conn.execute("SELECT last_seen_at FROM sessions WHERE token_hash = ?",
                           (hashlib.sha256(token.encode()).hexdigest(),)).fetchone()
    assert row is not None
    return float(row[0])


@pytest.mark.parametrize("door", sorted(DOORS))
def test_five_wrong_passwords_lock_every_door(portal: Sandbox, door: str) -> None:
    user, client = _user(portal)
    assert client.token is not None
    seen = _last_seen(portal, client.token)
    for attempt in range(5):
        resp = DOORS[door](client, user)
        assert resp.status_code == 422, (attempt, resp.text)
        assert "password" in json.dumps(resp.json()["error"].get("fields", {}))
    # No failed check counted as activity of the session.
    assert _last_seen(portal, client.token) == seen
    err = assert_error(DOORS[door](client, user), 423, "account_locked")
    assert isinstance(err["retry_after_s"], int) and err["retry_after_s"] > 0
    # Refused everywhere: the right password at sign-in, and every authenticated call.
    assert_error(sign_in_response(portal, user.username, user.password), 423, "account_locked")
    assert_error(client.get("/account"), 423, "account_locked")
    assert_error(client.get("/codes/carc"), 423, "account_locked")
    # Signing out stays possible.
    assert client.delete("/sessions/current").status_code == 204


def test_failures_add_up_across_doors_and_sign_in(portal: Sandbox) -> None:
    user, client = _user(portal)
    for door in ("password-change", "deactivation"):
        assert DOORS[door](client, user).status_code == 422
    for _ in range(3):
        assert_error(sign_in_response(portal, user.username, new_password()), 401,
                     "unauthenticated")
    assert_error(DOORS["reauth"](client, user), 423, "account_locked")


def test_wrong_codes_count_toward_the_lock(portal: Sandbox) -> None:
    user, client = _user(portal)
    turn_on_totp(client, user.password)
    for _ in range(5):
        resp = Client(portal).post("/sessions", json={
            "username": user.username, "password": user.password, "otp": "000000"})
        assert resp.status_code in (401, 423), resp.text
    assert_error(Client(portal).post("/sessions", json={
        "username": user.username, "password": user.password, "otp": "123456"}),
        423, "account_locked")


def test_a_right_password_forgives_earlier_failures(portal: Sandbox) -> None:
    user, client = _user(portal)
    for _ in range(4):
        assert DOORS["reauth"](client, user).status_code == 422
    fresh = client.post("/sessions/current/reauth", json={"password": user.password})
    assert fresh.status_code == 200, fresh.text
    again = Client(portal, token=fresh.json()["token"])
    for _ in range(4):
        assert DOORS["password-change"](again, user).status_code == 422
    assert again.get("/account").status_code == 200


# --- the security log ------------------------------------------------------------------------


def _log(sb: Sandbox) -> list[dict[str, object]]:
    out = sb.cli("security-log").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_security_log_holds_the_events_and_none_of_the_secrets(portal: Sandbox) -> None:
    user, client = _user(portal)
    secret, recovery = turn_on_totp(client, user.password)
    Client(portal).post("/sessions", json={"username": user.username,
                                           "password": user.password, "otp": "999999"})
    Client(portal).post("/sessions", json={"username": user.username,
                                           "password": user.password, "otp": recovery[0]})
    wrong = new_password()
    client.post("/account/password", json={"current_password": wrong,
                                           "new_password": new_password()})
    sign_in_response(portal, "nobody.at.all", wrong)
    token = client.token
    assert token is not None
    entries = _log(portal)
    events = {str(e["event"]) for e in entries}
    assert {"registered", "registration_approved", "sign_in_succeeded", "sign_in_failed",
            "policy_accepted", "mfa_setup_started", "mfa_enabled", "mfa_failed",
            "recovery_code_used", "password_check_failed"} <= events, events
    for entry in entries:
        assert set(entry) <= {"at", "event", "user_id", "request_id", "actor_id", "outcome",
                              "reason"}, entry
    raw = (portal.data_dir / "security-log.jsonl").read_text()
    for secret_text in (user.password, wrong, secret, recovery[0], token, user.username,
                        "nobody.at.all", user.tin, user.npi, "Fictional"):
        assert secret_text not in raw
    assert (portal.data_dir / "security-log.jsonl").stat().st_mode & 0o077 == 0
    since = portal.cli("security-log", "--since", "2999-01-01").stdout
    assert since == ""
    bad = portal.cli("security-log", "--since", "yesterday", check=False)
    assert bad.returncode == 1 and "ISO 8601" in bad.stderr
