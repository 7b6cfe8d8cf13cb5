"""The Session against the real sandbox: sign-in, policy gate, sign-out, resume, expiry.

Anything that publishes a policy, accepts one as a demo user or shortens timeouts runs
on a private sandbox so the shared one stays as other tests expect it.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.portal import (
    ClaimSearch,
    PolicyAcceptanceRequired,
    PortalClient,
    Registration,
    SessionExpired,
    Unauthenticated,
)
from desktop.session import Session
from tests.conftest import Sandbox, start_sandbox, stop_sandbox
from tests.e2e.portal_helpers import activate

pytestmark = pytest.mark.e2e

PASSWORD = "fictional passphrase for tests"


class MemoryStore:
    """A token store that keeps tokens in a dict (the real one is tested on its own)."""

    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}

    @property
    def backend_name(self) -> str:
        return "memory-for-tests"

    @property
    def persistent(self) -> bool:
        return True

    @property
    def notice(self) -> str | None:
        return None

    def load(self, origin: str) -> str | None:
        return self.tokens.get(origin)

    def save(self, origin: str, token: str) -> bool:
        self.tokens[origin] = token
        return True

    def delete(self, origin: str) -> None:
        self.tokens.pop(origin, None)


def make_session(sb: Sandbox, store: MemoryStore) -> Session:
    client = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    return Session(client, store, sb.origin)


def register(sb: Sandbox) -> str:
    """A fresh active user on the first demo user's TIN; returns the username."""
    tin = sb.demo_users[0]["tin"].replace("-", "")
    contract: dict[str, Any] = next(c for c in json.loads(sb.cli("contracts").stdout)
                                    if c["tin"].replace("-", "") == tin)
    client = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    username = f"e2e.session.{uuid.uuid4().hex[:12]}"
    result = client.register(Registration(
        first_name="Sessa", last_name="Fictional", email="sessa@example.com",
        phone="202-555-0143", organization_name=contract["organization_name"],
        tin=contract["tin"], npi=contract["npis"][0], username=username, password=PASSWORD,
        accepted_policy_version=client.get_policy().version,
    ))
    client.close()
    assert result.status == "pending_approval"
    activate(sb, username)
    return username


def publish(sb: Sandbox, version: str) -> None:
    body = sb.data_dir / f"policy-{version}.md"
    body.write_text(f"# Fictional policy {version}\n\nNothing real here.\n")
    sb.cli("publish-policy", "--version", version, "--title", f"Policy {version}",
           "--summary", "Test change.", "--body-file", str(body))


@pytest.fixture
def private_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    sb = start_sandbox(tmp_path, "--claims", "300")
    try:
        yield sb
    finally:
        stop_sandbox(sb)


def test_demo_user_accepts_policy_then_searches(private_sandbox: Sandbox, qtbot: QtBot) -> None:
    sb = private_sandbox
    session = make_session(sb, MemoryStore())
    demo = sb.demo_users[0]
    with qtbot.waitSignals([session.signed_in, session.policy_acceptance_required]):
        result = session.sign_in(demo["username"], demo["password"])
    current = result.policy.current_version
    assert session.policy_acceptance_pending
    with pytest.raises(PolicyAcceptanceRequired):
        session.call(session.client.search_claims, ClaimSearch())
    session.accept_policy(current)
    assert not session.policy_acceptance_pending
    with qtbot.assertNotEmitted(session.policy_acceptance_required):
        page = session.call(session.client.search_claims, ClaimSearch(), limit=10)
    assert page.items
    accepted = json.loads(sb.cli("acceptances", demo["username"]).stdout)
    assert current in [a["version"] for a in accepted]
    session.sign_out()


def test_policy_published_mid_session(private_sandbox: Sandbox, qtbot: QtBot) -> None:
    sb = private_sandbox
    session = make_session(sb, MemoryStore())
    username = register(sb)
    with qtbot.assertNotEmitted(session.policy_acceptance_required):
        session.sign_in(username, PASSWORD)
        session.call(session.client.search_claims, ClaimSearch(), limit=1)
    publish(sb, "2099-01-01")
    # A call that is still allowed carries the new X-Policy-Version: that alone is enough.
    with qtbot.waitSignal(session.policy_acceptance_required) as blocker:
        session.call(session.client.get_account)
    assert blocker.args == ["2099-01-01"]
    assert session.policy_acceptance_pending
    with pytest.raises(PolicyAcceptanceRequired) as info:
        session.call(session.client.search_claims, ClaimSearch())
    assert info.value.current_version == "2099-01-01"
    session.accept_policy("2099-01-01")
    assert session.call(session.client.search_claims, ClaimSearch(), limit=1).items


def test_sign_out_revokes_and_deletes(sandbox: Sandbox, qtbot: QtBot) -> None:
    store = MemoryStore()
    session = make_session(sandbox, store)
    username = register(sandbox)
    session.sign_in(username, PASSWORD)
    token = store.tokens[sandbox.origin]
    assert session.client.token == token
    with qtbot.waitSignal(session.signed_out) as blocker:
        session.sign_out("signed_out")
    assert blocker.args == ["signed_out"]
    assert store.tokens == {} and session.client.token is None
    stale = PortalClient(sandbox.url, ca_bundle=sandbox.ca_bundle, token=token)
    with pytest.raises(Unauthenticated):
        stale.get_current_session()
    stale.close()


def test_resume_after_crash_needs_the_password(sandbox: Sandbox, qtbot: QtBot) -> None:
    store = MemoryStore()
    first = make_session(sandbox, store)
    username = register(sandbox)
    first.sign_in(username, PASSWORD)
    crashed = store.tokens[sandbox.origin]
    # "Crash": the first session is simply abandoned; its token stays in the store.
    second = make_session(sandbox, store)
    with qtbot.assertNotEmitted(second.signed_in):
        user = second.resume()
    assert user is not None and user.username == username
    assert not second.is_signed_in and second.client.token is None  # behind the lock
    with pytest.raises(Unauthenticated):
        second.reauthenticate("not the password of this user")
    with qtbot.waitSignal(second.signed_in):
        second.reauthenticate(PASSWORD)
    assert second.call(second.client.search_claims, ClaimSearch(), limit=1).total >= 0
    stale = PortalClient(sandbox.url, ca_bundle=sandbox.ca_bundle, token=crashed)
    with pytest.raises(Unauthenticated):
        stale.get_account()  # the crashed session's token was revoked by the unlock
    stale.close()
    # Once revoked, the stored token is refused and deleted on the next start.
    second.client.delete_current_session(token=store.tokens[sandbox.origin])
    third = make_session(sandbox, store)
    with qtbot.assertNotEmitted(third.signed_in):
        assert third.resume() is None
    assert store.tokens == {}


@pytest.fixture
def short_idle_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    sb = start_sandbox(tmp_path, "--claims", "200", "--idle-timeout-s", "2")
    try:
        yield sb
    finally:
        stop_sandbox(sb)


def test_idle_expiry(short_idle_sandbox: Sandbox, qtbot: QtBot) -> None:
    sb = short_idle_sandbox
    store = MemoryStore()
    session = make_session(sb, store)
    result = session.sign_in(register(sb), PASSWORD)
    assert result.idle_timeout_s == 2
    session.call(session.client.get_current_session)
    idle_over = time.monotonic() + result.idle_timeout_s + 0.5
    qtbot.waitUntil(lambda: time.monotonic() >= idle_over, timeout=10_000)
    with qtbot.waitSignal(session.session_expired), pytest.raises(SessionExpired):
        session.call(session.client.search_claims, ClaimSearch(), limit=1)
    assert not session.is_signed_in and store.tokens == {} and session.client.token is None
