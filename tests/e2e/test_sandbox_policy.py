"""Policy endpoints, acceptances, the acceptance gate and publishing a new version live."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    fresh_client,
    private_sandbox,
    register,
    registration_body,
    sign_in,
    sign_in_response,
    writes_sandbox,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Sandbox:
    """The run's rate-limit-free sandbox: this module signs in and registers a lot."""
    return writes_sandbox()

INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
POLICY_KEYS = {"version", "effective_at", "title", "body_markdown", "summary_of_changes"}

# Authenticated endpoints the gate closes (read-only, so safe on the shared portal).
GATED_GETS = [
    "/claims",
    "/codes/claim-status",
    "/codes/carc",
    "/codes/rarc",
    "/sessions/current",
]


def test_current_policy(portal: Sandbox) -> None:
    resp = Client(portal).get("/policy")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_keys(body, POLICY_KEYS)
    for key in POLICY_KEYS:
        assert isinstance(body[key], str) and body[key].strip(), key
    assert INSTANT.fullmatch(body["effective_at"]), body["effective_at"]
    assert "X-Policy-Version" not in resp.headers or resp.headers["X-Policy-Version"] == body[
        "version"
    ]


def test_versions_newest_first(portal: Sandbox) -> None:
    current = Client(portal).get("/policy").json()
    resp = Client(portal).get("/policy/versions")
    assert resp.status_code == 200, resp.text
    versions = resp.json()
    assert isinstance(versions, list) and len(versions) >= 2
    for v in versions:
        assert_keys(v, {"version", "effective_at", "title"})
        assert INSTANT.fullmatch(v["effective_at"]), v
    assert versions[0]["version"] == current["version"]
    effective = [v["effective_at"] for v in versions]
    assert effective == sorted(effective, reverse=True)
    assert len({v["version"] for v in versions}) == len(versions)


def test_each_version_is_retrievable(portal: Sandbox) -> None:
    client = Client(portal)
    for listed in client.get("/policy/versions").json():
        resp = client.get(f"/policy/versions/{listed['version']}")
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert_keys(body, POLICY_KEYS)
        assert body["version"] == listed["version"]
        assert body["title"] == listed["title"]
        assert body["effective_at"] == listed["effective_at"]
    assert client.get("/policy").json() == client.get(
        f"/policy/versions/{client.get('/policy').json()['version']}"
    ).json()


@pytest.mark.parametrize("version", ["1999-01-01", "no-such-version", "9" * 40])
def test_unknown_version_is_404(portal: Sandbox, version: str) -> None:
    assert_error(Client(portal).get(f"/policy/versions/{version}"), 404, "not_found")


def test_accepting_twice_is_idempotent(portal: Sandbox) -> None:
    _, client = fresh_client(portal)
    current = client.get("/policy").json()["version"]
    first = client.get("/policy/acceptances").json()
    assert len(first) == 1
    for _ in range(2):
        resp = client.post("/policy/acceptances", json={"version": current})
        assert resp.status_code == 200, resp.text
        assert_keys(resp.json(), {"version", "accepted_at", "receipt_id"})
        assert INSTANT.fullmatch(resp.json()["accepted_at"]), resp.json()
        assert resp.json() == first[0]
    assert client.get("/policy/acceptances").json() == first


@pytest.mark.parametrize("which", ["older", "made-up"])
def test_accepting_a_non_current_version_is_409(portal: Sandbox, which: str) -> None:
    _, client = fresh_client(portal)
    versions = client.get("/policy/versions").json()
    version = versions[1]["version"] if which == "older" else "2001-02-03"
    assert_error(client.post("/policy/acceptances", json={"version": version}), 409, "conflict")
    assert len(client.get("/policy/acceptances").json()) == 1


@pytest.mark.parametrize(
    "body", [{}, {"version": 20261101}, {"version": None}, {"version": ["x"]}],
    ids=["missing", "number", "null", "list"],
)
def test_acceptance_body_validation(portal: Sandbox, body: dict) -> None:
    _, client = fresh_client(portal)
    assert_error(client.post("/policy/acceptances", json=body), 422, "validation_failed")


def test_acceptances_need_a_token(portal: Sandbox) -> None:
    assert_error(Client(portal).get("/policy/acceptances"), 401, "unauthenticated")
    current = Client(portal).get("/policy").json()["version"]
    resp = Client(portal).post("/policy/acceptances", json={"version": current})
    assert_error(resp, 401, "unauthenticated")


# --- the gate: demo users have not accepted the current version ----------------------------


@pytest.fixture(scope="module")
def unaccepted(portal: Sandbox) -> Client:
    demo = portal.demo_users[0]
    resp = sign_in_response(portal, demo["username"], demo["password"])
    assert resp.status_code == 201
    return Client(portal, token=resp.json()["token"])


@pytest.mark.parametrize("path", GATED_GETS)
def test_gate_closes_authenticated_reads(portal: Sandbox, unaccepted: Client, path: str) -> None:
    current = Client(portal).get("/policy").json()["version"]
    resp = unaccepted.get(path)
    err = assert_error(resp, 403, "policy_acceptance_required")
    assert err.get("current_version") == current, err
    assert resp.headers.get("X-Policy-Version") == current


def test_gate_closes_claim_detail(portal: Sandbox, unaccepted: Client) -> None:
    _, accepted = fresh_client(portal, demo_contract(portal, 0))
    items = accepted.get("/claims", params={"limit": 1}).json()["items"]
    assert items, "the demo TIN should have claims"
    resp = unaccepted.get(f"/claims/{items[0]['claim_id']}")
    assert_error(resp, 403, "policy_acceptance_required")


@pytest.mark.parametrize(
    "path", ["/policy", "/policy/versions", "/policy/acceptances", "/account", "/support"]
)
def test_exempt_reads_work_before_acceptance(
    portal: Sandbox, unaccepted: Client, path: str
) -> None:
    resp = unaccepted.get(path)
    assert resp.status_code == 200, resp.text


def test_exempt_sign_out_works_before_acceptance(portal: Sandbox) -> None:
    demo = portal.demo_users[1]
    client = Client(
        portal, token=sign_in_response(portal, demo["username"], demo["password"]).json()["token"]
    )
    assert client.delete("/sessions/current").status_code == 204
    assert_error(client.get("/account"), 401, "unauthenticated")


def test_policy_version_header_on_authenticated_calls(portal: Sandbox) -> None:
    current = Client(portal).get("/policy").json()["version"]
    _, client = fresh_client(portal)
    for path in ("/account", "/sessions/current", "/policy/acceptances", "/claims?limit=1",
                 "/codes/carc"):
        resp = client.get(path)
        assert resp.status_code == 200, (path, resp.text)
        assert resp.headers.get("X-Policy-Version") == current, (path, resp.headers)


# --- publishing a new version on a private sandbox -----------------------------------------

NEW_VERSION = "2999-01-01"


@pytest.fixture(scope="module")
def policy_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def publish(sb: Sandbox, version: str, tmp_path: Path) -> None:
    body = tmp_path / f"policy-{version}.md"
    body.write_text(f"# Fictional policy {version}\n\nNothing here is real.\n", encoding="utf-8")
    done = sb.cli(
        "publish-policy", "--version", version, "--title", f"Policy {version}",
        "--summary", "Test change: a fictional clause was added.", "--body-file", str(body),
    )
    assert done.returncode == 0, done.stderr


def test_publish_policy_reaches_a_running_server(policy_sandbox: Sandbox, tmp_path: Path) -> None:
    sb = policy_sandbox
    old = Client(sb).get("/policy").json()["version"]
    user, client = fresh_client(sb)
    # A second pre-publish session: the gate must close on existing sessions too.
    other_user = register(sb)
    before_ok = client.get("/claims", params={"limit": 1})
    assert before_ok.status_code == 200
    assert before_ok.headers["X-Policy-Version"] == old

    publish(sb, NEW_VERSION, tmp_path)

    # Public view changes at once.
    policy = Client(sb).get("/policy").json()
    assert policy["version"] == NEW_VERSION
    assert policy["title"] == f"Policy {NEW_VERSION}"
    assert policy["summary_of_changes"] == "Test change: a fictional clause was added."
    assert "Fictional policy" in policy["body_markdown"]
    versions = Client(sb).get("/policy/versions").json()
    assert versions[0]["version"] == NEW_VERSION
    assert old in [v["version"] for v in versions]

    # The existing session is gated again, and the header tells the client why.
    gated = client.get("/claims", params={"limit": 1})
    err = assert_error(gated, 403, "policy_acceptance_required")
    assert err["current_version"] == NEW_VERSION
    assert gated.headers["X-Policy-Version"] == NEW_VERSION
    assert client.get("/account").headers["X-Policy-Version"] == NEW_VERSION

    # A new sign-in reports the difference.
    resp = sign_in_response(sb, other_user.username, other_user.password)
    assert resp.json()["policy"] == {"current_version": NEW_VERSION, "accepted_version": old}

    # Registering with the old version is now a conflict.
    stale = registration_body(sb, accepted_policy_version=old)
    assert_error(Client(sb).post("/registrations", json=stale), 409, "conflict")

    # Accepting the old one is refused; the new one opens the gate.
    assert_error(client.post("/policy/acceptances", json={"version": old}), 409, "conflict")
    accepted = client.post("/policy/acceptances", json={"version": NEW_VERSION})
    assert accepted.status_code == 201, accepted.text
    receipt = accepted.json()
    assert_keys(receipt, {"version", "accepted_at", "receipt_id"})
    assert receipt["version"] == NEW_VERSION
    assert client.get("/claims", params={"limit": 1}).status_code == 200
    again = client.post("/policy/acceptances", json={"version": NEW_VERSION})
    assert again.status_code == 200 and again.json() == receipt

    rows = client.get("/policy/acceptances").json()
    assert {r["version"] for r in rows} == {old, NEW_VERSION}
    cli_rows = json.loads(sb.cli("acceptances", user.username).stdout)
    assert {r["version"] for r in cli_rows} == {old, NEW_VERSION}
    assert {r["receipt_id"] for r in cli_rows} == {r["receipt_id"] for r in rows}


def test_gated_writes_after_publish(policy_sandbox: Sandbox, tmp_path: Path) -> None:
    """Writes are gated after a policy change, except deactivation."""
    sb = policy_sandbox
    user = register(sb)  # accepts whatever is current now
    publish(sb, "2999-06-01", tmp_path)
    client = sign_in(sb, user.username, user.password)
    etag = client.get("/account").headers["ETag"]
    resp = client.patch("/account", json={"first_name": "Gated"}, headers={"If-Match": etag})
    assert_error(resp, 403, "policy_acceptance_required")
    assert client.get("/account").json()["first_name"] != "Gated"
    resp = client.post(
        "/account/password",
        json={"current_password": user.password, "new_password": "a new fictional passphrase"},
    )
    assert_error(resp, 403, "policy_acceptance_required")
    sign_in(sb, user.username, user.password)  # password unchanged
    # Deactivation is exempt.
    resp = client.post("/account/deactivation", json={"password": user.password, "reason": "t"})
    assert resp.status_code == 204, resp.text
    assert_error(sign_in_response(sb, user.username, user.password), 401, "unauthenticated")
