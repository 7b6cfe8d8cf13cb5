"""Smoke test of the reference portal: ready line, policy, sign-in, the policy gate, claims.

The full contract suite lives elsewhere; this only proves the sandbox is usable at all.
Demo users must stay usable for other tests, so the gate test registers its own user.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import activate

pytestmark = pytest.mark.e2e

TIMEOUT = 30


def _get(
    sb: Sandbox, path: str, token: str | None = None, headers: dict[str, str] | None = None,
    **kw: Any,
) -> requests.Response:
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.get(
        sb.url + path, headers=headers, verify=sb.ca_bundle, timeout=TIMEOUT,
        allow_redirects=False, **kw,
    )


def _post(sb: Sandbox, path: str, body: Any, token: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(
        sb.url + path, json=body, headers=headers, verify=sb.ca_bundle, timeout=TIMEOUT,
        allow_redirects=False,
    )


def _register_active_user(sb: Sandbox) -> tuple[str, str]:
    """A fresh active user on a demo user's TIN, with the current policy accepted."""
    demo = sb.demo_users[0]
    contracts = sb.cli("contracts")
    assert demo["tin"] in contracts.stdout
    username = f"smoke-{uuid.uuid4().hex[:12]}"
    password = "a smoke test password"
    policy = _get(sb, "/policy").json()
    resp = _post(sb, "/registrations", {
        "first_name": "Smoke", "last_name": "Testington", "email": "smoke@example.com",
        "phone": "(202) 555-0199", "organization_name": demo["organization_name"],
        "tin": demo["tin"], "npi": demo["npi"], "username": username, "password": password,
        "accepted_policy_version": policy["version"],
    })
    assert resp.status_code == 201, resp.text
    assert resp.json() == {"username": username, "status": "pending_approval"}
    activate(sb, username)
    return username, password


def test_ready_line_shape(sandbox: Sandbox) -> None:
    assert re.fullmatch(r"https://127\.0\.0\.1:\d+/api/v1", sandbox.url)
    assert Path(sandbox.ca_bundle).is_absolute()
    assert Path(sandbox.ca_bundle).read_text().startswith("-----BEGIN CERTIFICATE-----")
    users = sandbox.demo_users
    assert len(users) >= 2
    assert len({u["tin"] for u in users}) >= 2
    for user in users:
        assert set(user) == {"username", "password", "organization_name", "tin", "npi"}
        assert len(user["password"]) >= 15


def test_policy_is_public_and_has_common_headers(sandbox: Sandbox) -> None:
    resp = _get(sandbox, "/policy", headers={"X-Request-ID": "smoke-123"})
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"version", "effective_at", "title", "body_markdown",
                         "summary_of_changes"}
    assert resp.headers["X-Request-ID"] == "smoke-123"
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.headers["Content-Type"] == "application/json; charset=utf-8"
    assert re.fullmatch(r"handler;dur=\d+\.\d{3}", resp.headers["Server-Timing"])
    versions = _get(sandbox, "/policy/versions").json()
    assert versions[0]["version"] == body["version"]
    assert len(versions) >= 2


def test_demo_user_meets_the_policy_gate(sandbox: Sandbox) -> None:
    demo = sandbox.demo_users[1]
    resp = _post(sandbox, "/sessions", {"username": demo["username"],
                                        "password": demo["password"]})
    assert resp.status_code == 201, resp.text
    session = resp.json()
    policy = session["policy"]
    assert policy["accepted_version"] != policy["current_version"]
    token = session["token"]
    gated = _get(sandbox, "/claims", token)
    assert gated.status_code == 403
    assert gated.json()["error"]["code"] == "policy_acceptance_required"
    assert gated.json()["error"]["current_version"] == policy["current_version"]
    assert gated.headers["X-Policy-Version"] == policy["current_version"]
    assert _get(sandbox, "/account", token).status_code == 200
    out = requests.delete(sandbox.url + "/sessions/current", verify=sandbox.ca_bundle,
                          headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
    assert out.status_code == 204
    assert _get(sandbox, "/account", token).status_code == 401


def test_accepting_the_policy_opens_claims(sandbox: Sandbox) -> None:
    username, password = _register_active_user(sandbox)
    token = _post(sandbox, "/sessions", {"username": username, "password": password}).json()[
        "token"
    ]
    current = _get(sandbox, "/policy").json()["version"]
    # Registration recorded the acceptance, so accepting again returns the first receipt.
    again = _post(sandbox, "/policy/acceptances", {"version": current}, token)
    assert again.status_code == 200, again.text
    resp = _get(sandbox, "/claims", token, params={"limit": 5})
    assert resp.status_code == 200, resp.text
    assert resp.headers["X-Policy-Version"] == current
    assert resp.headers["Server-Timing"].startswith("handler;dur=")
    page = resp.json()
    assert len(page["items"]) == 5
    assert page["total"] > 5
    assert page["next_cursor"]
    claim = page["items"][0]
    detail = _get(sandbox, f"/claims/{claim['claim_id']}", token)
    assert detail.status_code == 200
    assert detail.json()["claim_number"] == claim["claim_number"]
    assert detail.json()["lines"]


def test_unknown_query_parameter_is_a_400(sandbox: Sandbox) -> None:
    resp = _get(sandbox, "/policy", params={"bogus": "1"})
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "bad_request"
