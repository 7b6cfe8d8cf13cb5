"""Every endpoint through `PortalClient` against the real sandbox over real TLS.

Fresh users are registered per test (unique usernames) so that the shared sandbox's
demo users are never changed; anything that needs special server options (rate
limits) runs on a private sandbox.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.portal import (
    AccountChanges,
    AccountLocked,
    BadRequest,
    ClaimSearch,
    Conflict,
    ContactPreferences,
    NotFound,
    PayloadTooLarge,
    PolicyAcceptanceRequired,
    PortalClient,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    Registration,
    Unauthenticated,
    ValidationFailed,
)
from tests.conftest import Sandbox, start_sandbox, stop_sandbox
from tests.e2e.portal_helpers import activate

pytestmark = pytest.mark.e2e

PASSWORD = "fictional passphrase for tests"


@dataclass
class NewUser:
    username: str
    password: str
    tin: str
    organization_name: str


def make_client(sb: Sandbox, **kwargs: Any) -> PortalClient:
    return PortalClient(sb.url, ca_bundle=sb.ca_bundle, **kwargs)


def contracts(sb: Sandbox) -> list[dict[str, Any]]:
    data = json.loads(sb.cli("contracts").stdout)
    assert isinstance(data, list) and data
    return data


def demo_contract(sb: Sandbox, index: int = 0) -> dict[str, Any]:
    tin = sb.demo_users[index]["tin"].replace("-", "")
    return next(c for c in contracts(sb) if c["tin"].replace("-", "") == tin)


def unique_username() -> str:
    return f"e2e.client.{uuid.uuid4().hex[:12]}"


def registration(client: PortalClient, contract: dict[str, Any], **overrides: Any
                 ) -> Registration:
    fields: dict[str, Any] = {
        "first_name": "Testa", "last_name": "Fictional", "email": "testa@example.com",
        "phone": "202-555-0143", "organization_name": contract["organization_name"],
        "tin": contract["tin"], "npi": contract["npis"][0], "username": unique_username(),
        "password": PASSWORD, "accepted_policy_version": client.get_policy().version,
    }
    fields.update(overrides)
    return Registration(**fields)


def register(sb: Sandbox, contract: dict[str, Any] | None = None) -> NewUser:
    contract = contract or demo_contract(sb)
    client = make_client(sb)
    reg = registration(client, contract)
    assert client.register(reg).status == "pending_approval"
    activate(sb, reg.username)
    return NewUser(reg.username, reg.password, contract["tin"], contract["organization_name"])


@pytest.fixture
def clients(sandbox: Sandbox) -> Iterator[Callable[..., PortalClient]]:
    made: list[PortalClient] = []

    def make(**kwargs: Any) -> PortalClient:
        client = make_client(sandbox, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def signed_in(sandbox: Sandbox, clients: Callable[..., PortalClient]) -> PortalClient:
    """A fresh active user on a demo TIN (so there are claims), policy already accepted."""
    user = register(sandbox)
    client = clients()
    result = client.create_session(user.username, user.password)
    assert not result.policy.acceptance_required  # registration recorded the acceptance
    return client


# --- public endpoints --------------------------------------------------------------


def test_policy_and_support(clients: Callable[..., PortalClient]) -> None:
    client = clients()
    policy = client.get_policy()
    versions = client.list_policy_versions()
    assert len(versions) >= 2 and versions[0].version == policy.version
    older = client.get_policy_version(versions[1].version)
    assert older.version == versions[1].version and older.body_markdown
    with pytest.raises(NotFound):
        client.get_policy_version("1999-01-01")
    support = client.get_support()
    assert support.email and support.phone


def test_register_outcomes(sandbox: Sandbox, clients: Callable[..., PortalClient]) -> None:
    client = clients()
    contract = demo_contract(sandbox)
    reg = registration(client, contract)
    result = client.register(reg)
    assert result.status == "pending_approval" and result.pending
    with pytest.raises(Conflict) as taken:
        client.register(registration(client, contract, username=reg.username))
    assert "username" in taken.value.fields
    pending = client.register(registration(client, contract, organization_name="Not It LLC"))
    assert pending.pending_review
    with pytest.raises(Unauthenticated):
        clients().create_session(pending.username, PASSWORD)
    with pytest.raises(ValidationFailed) as invalid:
        client.register(registration(client, contract, password="short"))
    assert "password" in invalid.value.fields
    with pytest.raises(Conflict):
        client.register(registration(client, contract, accepted_policy_version="1999-01-01"))
    with pytest.raises(PayloadTooLarge):
        client.register(registration(client, contract, last_name="x" * 70_000))


def test_unknown_tin(sandbox: Sandbox, clients: Callable[..., PortalClient]) -> None:
    client = clients()
    known = {c["tin"].replace("-", "") for c in contracts(sandbox)}
    tin = next(t for t in ("123456789", "987654321", "111222333") if t not in known)
    with pytest.raises(ValidationFailed) as info:
        client.register(registration(client, demo_contract(sandbox), tin=tin))
    assert "tin" in info.value.fields


# --- sessions and policy -----------------------------------------------------------


def test_sign_in_session_and_revoke(sandbox: Sandbox,
                                    clients: Callable[..., PortalClient]) -> None:
    user = register(sandbox)
    client = clients()
    with pytest.raises(Unauthenticated):
        client.create_session(user.username, "not the passphrase at all")
    assert client.token is None
    result = client.create_session(user.username, user.password)
    assert result.user.username == user.username and result.idle_timeout_s > 0
    info = client.get_current_session()
    assert info.expires_at > result.expires_at - timedelta(minutes=1)
    old_token = client.token
    client.delete_current_session()
    assert client.token is None
    later = clients(token=old_token)
    with pytest.raises(Unauthenticated) as info_err:
        later.get_current_session()
    assert info_err.value.request_id and len(info_err.value.request_id) == 32


def test_demo_user_must_accept_policy(sandbox: Sandbox,
                                      clients: Callable[..., PortalClient]) -> None:
    # Read-only for the demo user: it signs in, is refused, and signs out again.
    demo = sandbox.demo_users[0]
    client = clients()
    seen: list[str] = []
    client.on_policy_version = seen.append
    result = client.create_session(demo["username"], demo["password"])
    assert result.policy.acceptance_required
    with pytest.raises(PolicyAcceptanceRequired) as info:
        client.search_claims(ClaimSearch())
    assert info.value.current_version == result.policy.current_version
    assert client.list_acceptances()  # allowed before acceptance
    assert client.get_account().account.username == demo["username"]  # allowed too
    assert seen and seen[-1] == result.policy.current_version
    client.delete_current_session()


def test_acceptances(signed_in: PortalClient) -> None:
    current = signed_in.get_policy().version
    listed = signed_in.list_acceptances()
    assert current in [a.version for a in listed]
    again = signed_in.accept_policy(current)  # idempotent: the first receipt
    assert again.receipt_id in [a.receipt_id for a in listed if a.version == current]
    with pytest.raises(Conflict):
        signed_in.accept_policy("1999-01-01")
    assert signed_in.last_policy_version == current


# --- account -------------------------------------------------------------------------


def test_account_update_and_etag(signed_in: PortalClient) -> None:
    first = signed_in.get_account()
    assert first.account.tin_last4.isdigit() and first.etag
    prefs = ContactPreferences(email_notices=False, paper_mail=True, preferred_channel="mail")
    updated = signed_in.update_account(AccountChanges(phone="202-555-0177",
                                                      contact_preferences=prefs), first.etag)
    assert updated.account.contact_preferences == prefs
    assert updated.etag != first.etag
    with pytest.raises(PreconditionFailed):
        signed_in.update_account(AccountChanges(first_name="Stale"), first.etag)
    with pytest.raises(ValidationFailed) as info:
        signed_in.update_account(AccountChanges(email="not an email"), updated.etag)
    assert "email" in info.value.fields
    with pytest.raises(PreconditionRequired):
        signed_in.transport.request("PATCH", "/account", json_body={"first_name": "X"},
                                    token=signed_in.token)


def test_change_password_revokes_other_sessions(sandbox: Sandbox,
                                                clients: Callable[..., PortalClient]) -> None:
    user = register(sandbox)
    first, second = clients(), clients()
    first.create_session(user.username, user.password)
    second.create_session(user.username, user.password)
    with pytest.raises(ValidationFailed) as info:
        first.change_password("wrong current passphrase", "another fictional passphrase")
    assert "current_password" in info.value.fields
    first.change_password(user.password, "another fictional passphrase")
    first.get_current_session()  # this session stays
    with pytest.raises(Unauthenticated):
        second.get_current_session()
    with pytest.raises(Unauthenticated):
        clients().create_session(user.username, user.password)
    clients().create_session(user.username, "another fictional passphrase")


def test_deactivate(sandbox: Sandbox, clients: Callable[..., PortalClient]) -> None:
    user = register(sandbox)
    client = clients()
    client.create_session(user.username, user.password)
    with pytest.raises(ValidationFailed):
        client.deactivate_account("wrong passphrase entirely", "testing")
    client.deactivate_account(user.password, "fictional clinic closed")
    with pytest.raises(Unauthenticated):
        client.get_current_session()
    with pytest.raises(Unauthenticated):
        clients().create_session(user.username, user.password)


def test_lockout(sandbox: Sandbox, clients: Callable[..., PortalClient]) -> None:
    user = register(sandbox)
    client = clients()
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            client.create_session(user.username, "wrong passphrase, fictional")
    with pytest.raises(AccountLocked) as info:
        client.create_session(user.username, user.password)
    assert info.value.retry_after_s is not None and info.value.retry_after_s > 0


# --- claims and codes --------------------------------------------------------------


def test_search_page_and_detail(signed_in: PortalClient) -> None:
    today = date.today()
    criteria = ClaimSearch(service_from=today - timedelta(days=700), service_to=today)
    first = signed_in.search_claims(criteria, limit=5, sort="-service_from")
    assert first.total > 5 and len(first.items) == 5 and first.next_cursor
    dates = [c.service_from for c in first.items]
    assert dates == sorted(dates, reverse=True)
    second = signed_in.search_claims(criteria, cursor=first.next_cursor, limit=5,
                                     sort="-service_from")
    assert not {c.claim_id for c in first.items} & {c.claim_id for c in second.items}
    detail = signed_in.get_claim(first.items[0].claim_id)
    assert detail.claim_number == first.items[0].claim_number and detail.lines
    finalized = signed_in.search_claims(ClaimSearch(statuses=("F",)), limit=20)
    assert finalized.items and all(c.status.category.startswith("F")
                                   for c in finalized.items)
    one = signed_in.search_claims(ClaimSearch(claim_number=detail.claim_number))
    assert [c.claim_id for c in one.items] == [detail.claim_id]


def test_search_errors(signed_in: PortalClient) -> None:
    today = date.today()
    with pytest.raises(ValidationFailed):
        signed_in.search_claims(ClaimSearch(service_from=today, service_to=today - timedelta(1)))
    with pytest.raises(ValidationFailed):
        signed_in.search_claims(ClaimSearch(service_from=today - timedelta(days=1000),
                                            service_to=today))
    with pytest.raises(BadRequest):
        signed_in.transport.request("GET", "/claims", params=[("no_such_filter", "1")],
                                    token=signed_in.token)


def test_claim_of_other_tin_and_unknown_claim(sandbox: Sandbox,
                                              clients: Callable[..., PortalClient]) -> None:
    tins = {d["tin"].replace("-", ""): i for i, d in enumerate(sandbox.demo_users)}
    assert len(tins) >= 2
    first_idx, second_idx = list(tins.values())[:2]
    a, b = clients(), clients()
    user_a = register(sandbox, demo_contract(sandbox, first_idx))
    user_b = register(sandbox, demo_contract(sandbox, second_idx))
    a.create_session(user_a.username, user_a.password)
    b.create_session(user_b.username, user_b.password)
    claim_of_b = b.search_claims(ClaimSearch(), limit=1).items[0].claim_id
    # Another office's claim is indistinguishable from a missing one (issue 14).
    with pytest.raises(NotFound) as other:
        a.get_claim(claim_of_b)
    with pytest.raises(NotFound) as missing:
        a.get_claim("c999999999")
    assert other.value.user_message == missing.value.user_message


def test_code_tables(signed_in: PortalClient) -> None:
    statuses = signed_in.get_status_codes()
    assert statuses.codes and statuses.version
    assert signed_in.get_carc_codes().label_for("45")
    assert signed_in.get_rarc_codes().codes


# --- rate limit on a private sandbox ---------------------------------------------------


@pytest.fixture(scope="module")
def limited_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    sb = start_sandbox(Path(tmp_path_factory.mktemp("sb-ratelimit")), "--claims", "200",
                       "--rate-limit", "3")
    try:
        yield sb
    finally:
        stop_sandbox(sb)


def test_rate_limited_post_not_retried(limited_sandbox: Sandbox) -> None:
    import time

    client = make_client(limited_sandbox)
    outcomes: list[type] = []
    for _ in range(6):
        started = time.monotonic()
        try:
            client.create_session("nobody.fictional", "fictional wrong passphrase")
        except (Unauthenticated, RateLimited) as exc:
            outcomes.append(type(exc))
            last = exc
        assert time.monotonic() - started < 5  # a POST is never retried, never waits
    assert outcomes[0] is Unauthenticated and outcomes[-1] is RateLimited
    assert isinstance(last, RateLimited)
    assert last.retry_after_s is not None and last.retry_after_s > 0
    client.close()
