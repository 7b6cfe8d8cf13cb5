"""Hostile and odd input: always a clean 4xx (or a legitimate 2xx), never a 500, nothing stored.

Runs on a private sandbox without a rate limit: it sends far more sign-ins and
registrations per minute than the shared one allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    User,
    activate,
    assert_clean_4xx,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    count_users,
    current_policy_version,
    fresh_client,
    http_session,
    post_search,
    private_sandbox,
    register,
    registration_body,
    sign_in,
    sign_in_response,
    unique_username,
)

pytestmark = pytest.mark.e2e

PAYLOADS = {
    "sql": "'; DROP TABLE claims; --",
    "percent": "%",
    "underscore": "_",
    "apostrophe": "O'Brien",
    "accented": "Zo\u00eb N\u00fa\u00f1ez",
    "emoji": "\U0001f600\U0001f3e5",
    "rtl-override": "\u202eevil",
    "nul": "a\x00b",
    "combining": "e\u0301\u0301\u0301",
}
LEGIT_NAMES = {"apostrophe", "accented"}
REG_TEXT_FIELDS = [
    "first_name", "last_name", "email", "phone", "organization_name",
    "tin", "npi", "username", "password", "accepted_policy_version",
]


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as s:
        yield s


@pytest.fixture(scope="module")
def member(sb: Sandbox) -> tuple[User, Client]:
    return fresh_client(sb)


@pytest.fixture(scope="module")
def version(sb: Sandbox) -> str:
    """Nothing publishes a policy on this sandbox, so one look is enough."""
    return current_policy_version(sb)


def valid_body(sb: Sandbox, version: str, **overrides: Any) -> dict[str, Any]:
    return registration_body(sb, **{"accepted_policy_version": version, **overrides})


# --- registration ----------------------------------------------------------------------------


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
@pytest.mark.parametrize("field", REG_TEXT_FIELDS)
def test_registration_text_fields(sb: Sandbox, version: str, field: str, payload: str) -> None:
    value = PAYLOADS[payload]
    body = valid_body(sb, version, **{field: value})
    before = count_users(sb)
    resp = Client(sb).post("/registrations", json=body)
    if resp.status_code == 201:
        assert count_users(sb) == before + 1
        assert payload != "nul", "NUL is never a valid character"
        if field == "password":
            activate(sb, body["username"])  # the office's administrator approves
            sign_in(sb, body["username"], value)
        return
    err = assert_clean_4xx(resp)
    assert resp.status_code in (409, 422), resp.status_code
    assert count_users(sb) == before, "a rejected registration must store nothing"
    if field in ("first_name", "last_name") and payload in LEGIT_NAMES:
        pytest.fail(f"{payload!r} is a legitimate name: {err}")
    if field != "username" and payload == "sql":
        # The username of a rejected registration is still free.
        retry = Client(sb).post(
            "/registrations", json=valid_body(sb, version, username=body["username"])
        )
        assert retry.status_code == 201, retry.text


@pytest.mark.parametrize(
    "field,value",
    [
        ("username", 12345678), ("password", None), ("tin", 123456789), ("npi", 1234567893),
        ("first_name", ["A"]), ("email", {"a": 1}), ("contact_preferences", []),
        ("contact_preferences", {"email_notices": "true", "paper_mail": False,
                                 "preferred_channel": "email"}),
        ("accepted_policy_version", 20261101),
    ],
)
def test_registration_wrong_types_are_422(
    sb: Sandbox, version: str, field: str, value: object
) -> None:
    body = valid_body(sb, version)
    body[field] = value
    before = count_users(sb)
    err = assert_error(Client(sb).post("/registrations", json=body), 422, "validation_failed")
    assert any(k == field or k.startswith(field + ".") for k in err.get("fields", {})), err
    assert count_users(sb) == before


def test_registration_unknown_field_is_422(sb: Sandbox, version: str) -> None:
    body = valid_body(sb, version, is_admin=True)
    before = count_users(sb)
    assert_error(Client(sb).post("/registrations", json=body), 422, "validation_failed")
    assert count_users(sb) == before


# --- sign-in ---------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
@pytest.mark.parametrize("field", ["username", "password"])
def test_sign_in_text_fields(sb: Sandbox, field: str, payload: str) -> None:
    user = register(sb)
    creds = {"username": user.username, "password": user.password, field: PAYLOADS[payload]}
    resp = Client(sb).post("/sessions", json=creds)
    err = assert_clean_4xx(resp)
    assert resp.status_code in (401, 422), (resp.status_code, err)
    # The real user is unaffected.
    sign_in(sb, user.username, user.password)


@pytest.mark.parametrize(
    "body", [{"username": 1, "password": 2}, {"username": None, "password": None},
             {"username": ["a"], "password": {"b": 1}}],
    ids=["numbers", "nulls", "containers"],
)
def test_sign_in_wrong_types(sb: Sandbox, body: dict) -> None:
    resp = Client(sb).post("/sessions", json=body)
    assert resp.status_code in (401, 422), resp.text
    assert_clean_4xx(resp)


def test_sign_in_username_is_not_a_pattern(sb: Sandbox) -> None:
    user = register(sb)
    for pattern in ("%", "_" * len(user.username), user.username[:-1] + "%"):
        assert_error(sign_in_response(sb, pattern, user.password), 401, "unauthenticated")


# --- account PATCH ---------------------------------------------------------------------------


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
@pytest.mark.parametrize("field", ["first_name", "last_name", "email", "phone",
                                   "preferred_channel"])
def test_account_patch_text_fields(
    member: tuple[User, Client], field: str, payload: str
) -> None:
    _, client = member
    value = PAYLOADS[payload]
    first = client.get("/account")
    change: dict[str, object] = (
        {"contact_preferences": {"preferred_channel": value}}
        if field == "preferred_channel" else {field: value}
    )
    resp = client.patch("/account", json=change, headers={"If-Match": first.headers["ETag"]})
    if resp.status_code == 200:
        assert payload != "nul"
        assert field in ("first_name", "last_name"), f"{field}={payload} accepted"
        assert resp.json()[field] == value
        assert client.get("/account").json()[field] == value
        return
    assert_error(resp, 422, "validation_failed")
    if field in ("first_name", "last_name") and payload in LEGIT_NAMES:
        pytest.fail(f"{payload!r} is a legitimate name")
    after = client.get("/account")
    assert after.json() == first.json()
    assert after.headers["ETag"] == first.headers["ETag"]


# --- claim search ----------------------------------------------------------------------------

SEARCH_FIELDS = [
    "claim_number", "member_id", "patient_last_name", "patient_first_name", "patient_dob",
    "billing_npi", "rendering_npi", "status", "sort", "cursor",
]


@pytest.fixture(scope="module")
def claims_total(member: tuple[User, Client]) -> int:
    resp = member[1].get("/claims", params={"limit": 1})
    assert resp.status_code == 200, resp.text
    return int(resp.json()["total"])


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
@pytest.mark.parametrize("field", SEARCH_FIELDS)
def test_claim_search_fields(
    member: tuple[User, Client], claims_total: int, field: str, payload: str
) -> None:
    assert claims_total > 0
    _, client = member
    resp = post_search(client, {field: PAYLOADS[payload]})
    if resp.status_code == 200:
        body = resp.json()
        # No seeded value contains any of these, and wildcards are not wildcards.
        assert body["total"] == 0 and body["items"] == [], (field, payload, body["total"])
    else:
        err = assert_clean_4xx(resp)
        assert resp.status_code in (400, 422), (resp.status_code, err)


def test_claims_survive_the_search_payloads(
    member: tuple[User, Client], claims_total: int
) -> None:
    """Runs after the payload searches above: nothing was dropped or changed."""
    after = member[1].get("/claims", params={"limit": 1})
    assert after.status_code == 200 and after.json()["total"] == claims_total


@pytest.mark.parametrize("payload", ["%", "_", "'"])
def test_wildcards_after_a_real_prefix(member: tuple[User, Client], payload: str) -> None:
    _, client = member
    items = client.get("/claims", params={"limit": 1}).json()["items"]
    assert items
    name = items[0]["patient"]["last_name"]
    resp = post_search(client, {"patient_last_name": name[:2] + payload})
    assert resp.status_code in (200, 422), resp.text
    if resp.status_code == 200:
        for c in resp.json()["items"]:
            assert c["patient"]["last_name"].lower().startswith((name[:2] + payload).lower())


# --- malformed, non-object and oversized bodies ----------------------------------------------


def json_writes(member: tuple[User, Client]) -> list[tuple[str, str, dict[str, str]]]:
    _, client = member
    etag = client.get("/account").headers["ETag"]
    return [
        ("POST", "/registrations", {}),
        ("POST", "/sessions", {}),
        ("POST", "/policy/acceptances", {}),
        ("PATCH", "/account", {"If-Match": etag}),
        ("POST", "/account/password", {}),
        ("POST", "/account/deactivation", {}),
    ]


@pytest.mark.parametrize(
    "raw", [b"{not json", b'{"username": "a",}', b"\xff\xfe\x00", b'{"a": "\\ud800"', b""],
    ids=["garbage", "trailing-comma", "not-utf8", "truncated", "empty"],
)
def test_malformed_json_is_400(member: tuple[User, Client], raw: bytes) -> None:
    _, client = member
    for method, path, headers in json_writes(member):
        resp = client.request(
            method, path, data=raw, headers={"Content-Type": "application/json", **headers}
        )
        assert_error(resp, 400, "bad_request")
    assert client.get("/account").status_code == 200, "the member is still active"


@pytest.mark.parametrize("raw", [b"[]", b'"text"', b"42", b"null", b"true"])
def test_non_object_json_is_rejected(member: tuple[User, Client], raw: bytes) -> None:
    _, client = member
    for method, path, headers in json_writes(member):
        resp = client.request(
            method, path, data=raw, headers={"Content-Type": "application/json", **headers}
        )
        assert resp.status_code in (400, 422), (path, resp.status_code)
        assert_clean_4xx(resp)


def padded(size: int) -> bytes:
    """A JSON object of exactly `size` bytes."""
    head, tail = b'{"username": "', b'", "password": "x"}'
    return head + b"p" * (size - len(head) - len(tail)) + tail


@pytest.mark.parametrize("path,method", [("/registrations", "POST"), ("/sessions", "POST"),
                                         ("/account", "PATCH")])
def test_body_over_64_kib_is_413(member: tuple[User, Client], path: str, method: str) -> None:
    _, client = member
    headers = {"Content-Type": "application/json",
               "If-Match": client.get("/account").headers["ETag"]}
    big = padded(64 * 1024 + 1)
    assert_error(client.request(method, path, data=big, headers=headers), 413,
                 "payload_too_large")
    # Streamed without a Content-Length, too.
    chunks = iter([big[i:i + 8192] for i in range(0, len(big), 8192)])
    try:
        resp = client.request(method, path, data=chunks, headers=headers)
    except requests.exceptions.ConnectionError:
        pytest.fail("the server dropped the connection instead of answering 413")
    assert_error(resp, 413, "payload_too_large")


def test_body_of_exactly_64_kib_is_not_413(member: tuple[User, Client]) -> None:
    _, client = member
    resp = client.post("/sessions", data=padded(64 * 1024),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code != 413
    assert resp.status_code in (401, 422), resp.text


def test_huge_body_does_not_hurt_the_server(sb: Sandbox) -> None:
    data = json.dumps({"username": "u", "password": "p" * (5 * 1024 * 1024)}).encode()
    # A session of its own: urllib3 leaves a connection broken mid-upload open, and the
    # server would wait for it when it stops.
    with http_session(sb) as own:
        try:
            resp = own.post(sb.url + "/sessions", data=data, timeout=(5, 30),
                            headers={"Content-Type": "application/json"})
            assert_error(resp, 413, "payload_too_large")
        except requests.exceptions.ConnectionError:
            pass  # closing the connection early on a 5 MiB upload is fine too
    assert Client(sb).get("/policy").status_code == 200


def test_unique_usernames_for_rejected_registrations_stay_free(sb: Sandbox) -> None:
    name = unique_username()
    bad = registration_body(sb, username=name, email="'; DROP TABLE users; --")
    assert_error(Client(sb).post("/registrations", json=bad), 422, "validation_failed")
    user = register(sb, username=name)
    assert user.username == name
