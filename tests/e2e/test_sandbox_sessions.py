"""POST/GET/DELETE sessions: sign-in answers, token properties, revocation, lockout, expiry."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    all_data_bytes,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    new_password,
    private_sandbox,
    read_only_db,
    register,
    registration_body,
    sign_in,
    sign_in_response,
    table_with_column,
    unique_username,
    writes_sandbox,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Sandbox:
    """The run's rate-limit-free sandbox: this module signs in and registers a lot."""
    return writes_sandbox()

INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def parse_instant(value: str) -> datetime:
    assert INSTANT.fullmatch(value), f"not an ISO 8601 UTC instant: {value!r}"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_sign_in_answer_shape(portal: Sandbox) -> None:
    user = register(portal)
    before = datetime.now(UTC)
    resp = sign_in_response(portal, user.username, user.password)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert_keys(body, {"token", "expires_at", "idle_timeout_s", "user", "policy"})
    assert_keys(body["user"], {"username", "display_name", "mfa_enabled"})
    assert_keys(body["policy"], {"current_version", "accepted_version"})
    assert body["user"]["username"] == user.username
    assert isinstance(body["user"]["display_name"], str) and body["user"]["display_name"]
    assert body["idle_timeout_s"] == 1800
    expires = parse_instant(body["expires_at"])
    assert before < expires <= before + timedelta(hours=12, seconds=5)
    current = Client(portal).get("/policy").json()["version"]
    assert body["policy"] == {"current_version": current, "accepted_version": current}


def test_demo_users_have_accepted_an_older_policy(portal: Sandbox) -> None:
    current = Client(portal).get("/policy").json()["version"]
    assert len({d["tin"] for d in portal.demo_users}) >= 2
    for demo in portal.demo_users:
        resp = sign_in_response(portal, demo["username"], demo["password"])
        assert resp.status_code == 201, resp.text
        policy = resp.json()["policy"]
        assert policy["current_version"] == current
        assert policy["accepted_version"] != current


@pytest.mark.parametrize("token_case", range(3))
def test_token_format(portal: Sandbox, token_case: int) -> None:
    demo = portal.demo_users[token_case % len(portal.demo_users)]
    token = sign_in_response(portal, demo["username"], demo["password"]).json()["token"]
    assert isinstance(token, str)
    assert 22 <= len(token) <= 512, len(token)
    assert re.fullmatch(r"[A-Za-z0-9._~+/=-]+", token), "token must be header-safe"


def test_tokens_are_unique(portal: Sandbox) -> None:
    demo = portal.demo_users[0]
    tokens = {
        sign_in_response(portal, demo["username"], demo["password"]).json()["token"]
        for _ in range(3)
    }
    assert len(tokens) == 3


def test_tokens_are_not_stored_in_plaintext(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    assert client.token
    client.get("/account")  # a second use of the token, in case the server logs on use
    needle = client.token.encode()
    files = list(all_data_bytes(portal))
    # Control: the scan does see the database, where the username is stored in plaintext.
    assert any(user.username.encode() in data for _, data in files), "scan saw no user data"
    for path, data in files:
        assert needle not in data, f"session token found in plaintext in {path.name}"
        assert user.password.encode() not in data, f"password found in plaintext in {path.name}"


def test_passwords_are_stored_as_argon2id_hashes(portal: Sandbox) -> None:
    user = register(portal)
    with read_only_db(portal) as conn:
        table = table_with_column(conn, "username")
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            f'SELECT * FROM "{table}" WHERE username = ?', (user.username,)
        ).fetchone()
    assert row is not None
    values = [v for v in dict(row).values() if isinstance(v, str)]
    assert any(v.startswith("$argon2id$") for v in values), "no Argon2id hash stored"
    assert user.password not in values


def test_wrong_credentials_all_look_the_same(portal: Sandbox) -> None:
    user = register(portal)
    deactivated = register(portal)
    c = sign_in(portal, deactivated.username, deactivated.password)
    assert c.post(
        "/account/deactivation", json={"password": deactivated.password, "reason": "test"}
    ).status_code == 204
    answers = [
        sign_in_response(portal, user.username, new_password()),
        sign_in_response(portal, unique_username(), new_password()),
        sign_in_response(portal, deactivated.username, deactivated.password),
    ]
    messages = {assert_error(r, 401, "unauthenticated")["message"] for r in answers}
    assert len(messages) == 1, messages


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"username": "someone1"}, id="no-password"),
        pytest.param({"password": "x" * 20}, id="no-username"),
        pytest.param({}, id="empty"),
    ],
)
def test_sign_in_with_missing_fields_is_a_clean_4xx(portal: Sandbox, body: dict) -> None:
    resp = Client(portal).post("/sessions", json=body)
    assert resp.status_code in (401, 422), resp.text
    assert resp.json()["error"]["code"] in ("unauthenticated", "validation_failed")


def test_current_session(portal: Sandbox) -> None:
    _, client = fresh_client(portal)
    resp = client.get("/sessions/current")
    assert resp.status_code == 200, resp.text
    assert_keys(resp.json(), {"expires_at", "idle_timeout_s"})
    assert resp.json()["idle_timeout_s"] == 1800
    parse_instant(resp.json()["expires_at"])


def test_sign_out_revokes_at_once(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    other = sign_in(portal, user.username, user.password)
    resp = client.delete("/sessions/current")
    assert resp.status_code == 204, resp.text
    assert resp.content == b""
    assert_error(client.get("/sessions/current"), 401, "unauthenticated")
    assert_error(client.get("/account"), 401, "unauthenticated")
    assert_error(client.delete("/sessions/current"), 401, "unauthenticated")
    # Only that session ended.
    assert other.get("/sessions/current").status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="none"),
        pytest.param("Bearer ", id="empty-bearer"),
        pytest.param("Bearer not-a-real-token-0123456789abcdef", id="unknown"),
        pytest.param("Basic dXNlcjpwYXNz", id="basic"),
        pytest.param("Bearer " + "A" * 600, id="too-long"),
    ],
)
def test_missing_or_unknown_token_is_401(portal: Sandbox, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    for path in ("/sessions/current", "/account", "/claims", "/codes/carc"):
        assert_error(Client(portal).get(path, headers=headers), 401, "unauthenticated")


def test_default_lockout_is_15_minutes(portal: Sandbox) -> None:
    user = register(portal)
    for _ in range(5):
        assert_error(sign_in_response(portal, user.username, new_password()), 401,
                     "unauthenticated")
    err = assert_error(sign_in_response(portal, user.username, user.password), 423,
                       "account_locked")
    assert 900 - 30 <= err["retry_after_s"] <= 900, err


# --- private sandbox with short lockout and session lifetimes --------------------------------

LOCKOUT_S = 2
IDLE_S = 2
ABSOLUTE_S = 4


@pytest.fixture(scope="module")
def short_sandbox() -> Iterator[Sandbox]:
    with private_sandbox(
        "--lockout-s", str(LOCKOUT_S),
        "--idle-timeout-s", str(IDLE_S), "--absolute-timeout-s", str(ABSOLUTE_S),
        "--rate-limit", "0",
    ) as sb:
        yield sb


def test_five_failures_lock_the_account_then_it_lifts(short_sandbox: Sandbox) -> None:
    sb = short_sandbox
    user = register(sb)
    bystander = register(sb)
    for attempt in range(1, 6):
        resp = sign_in_response(sb, user.username, new_password())
        if attempt < 5:
            assert_error(resp, 401, "unauthenticated")
        else:
            assert resp.status_code in (401, 423), resp.text
    locked = sign_in_response(sb, user.username, user.password)
    err = assert_error(locked, 423, "account_locked")
    retry = err.get("retry_after_s")
    assert isinstance(retry, int) and 0 < retry <= LOCKOUT_S, err
    # The lock is per username.
    sign_in(sb, bystander.username, bystander.password)
    time.sleep(retry + 0.5)
    sign_in(sb, user.username, user.password)


def test_lockout_does_not_reveal_passwords_while_locked(short_sandbox: Sandbox) -> None:
    sb = short_sandbox
    user = register(sb)
    for _ in range(5):
        sign_in_response(sb, user.username, new_password())
    wrong = sign_in_response(sb, user.username, new_password())
    right = sign_in_response(sb, user.username, user.password)
    assert wrong.status_code == right.status_code == 423
    assert "token" not in right.json()


# --- rate limit (private sandbox with 3 per minute) ----------------------------------------


@pytest.fixture(scope="module")
def rate_limited_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "3") as sb:
        yield sb


def test_sign_in_rate_limit(rate_limited_sandbox: Sandbox) -> None:
    sb = rate_limited_sandbox
    demo = sb.demo_users[0]
    codes = [sign_in_response(sb, demo["username"], demo["password"]).status_code
             for _ in range(3)]
    assert codes == [201, 201, 201]
    limited = sign_in_response(sb, demo["username"], demo["password"])
    assert_error(limited, 429, "rate_limited")
    retry_after = limited.headers.get("Retry-After", "")
    assert retry_after.isdigit() and 0 < int(retry_after) <= 60, limited.headers
    assert "X-Request-ID" in limited.headers
    # Registrations share the limit (or have their own): within four tries they are limited too.
    statuses = []
    for _ in range(4):
        # Well-formed but refused (password too short), so no account is created.
        body = registration_body(sb, password="too short")
        resp = Client(sb).post("/registrations", json=body)
        statuses.append(resp.status_code)
        if resp.status_code == 429:
            assert resp.headers.get("Retry-After", "").isdigit()
            break
    assert statuses[-1] == 429, statuses
    # Reading is not limited.
    assert Client(sb).get("/policy").status_code == 200


# --- idle and absolute expiry --------------------------------------------------------------


def test_idle_expiry(short_sandbox: Sandbox) -> None:
    user, client = fresh_client(short_sandbox)
    resp = client.get("/sessions/current")
    assert resp.status_code == 200
    assert resp.json()["idle_timeout_s"] == IDLE_S
    time.sleep(IDLE_S + 1.0)
    assert_error(client.get("/sessions/current"), 401, "session_expired")
    assert_error(client.get("/account"), 401, "session_expired")
    # A new sign-in works.
    sign_in(short_sandbox, user.username, user.password)


def test_absolute_expiry_despite_activity(short_sandbox: Sandbox) -> None:
    user = register(short_sandbox)
    start = time.monotonic()
    client = sign_in(short_sandbox, user.username, user.password)
    # Activity every 0.7 s keeps the idle timer fresh well past the idle timeout ...
    while time.monotonic() - start < ABSOLUTE_S - 1.0:
        assert client.get("/sessions/current").status_code == 200
        time.sleep(0.7)
    # ... but not past the absolute lifetime.
    while time.monotonic() - start < ABSOLUTE_S + 0.8:
        client.get("/sessions/current")
        time.sleep(0.5)
    assert_error(client.get("/sessions/current"), 401, "session_expired")


def test_expires_at_is_at_most_the_absolute_limit(short_sandbox: Sandbox) -> None:
    user = register(short_sandbox)
    before = datetime.now(UTC)
    resp = sign_in_response(short_sandbox, user.username, user.password)
    expires = parse_instant(resp.json()["expires_at"])
    assert before < expires <= before + timedelta(seconds=ABSOLUTE_S + 2)
