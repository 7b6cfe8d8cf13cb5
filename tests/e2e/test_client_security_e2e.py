"""The real `PortalClient` against the real sandbox for issue 13's endpoints: typed values
and typed errors for two-step sign-in, re-authentication, office users and the office code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pyotp
import pytest

from desktop.portal.client import PortalClient
from desktop.portal.errors import (
    CodeExpired,
    Conflict,
    Forbidden,
    MfaRequired,
    NotFound,
    Unauthenticated,
    ValidationFailed,
    VerificationFailed,
)
from desktop.portal.security import Verification
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    private_sandbox,
    register,
)
from tests.e2e.security_helpers import empty_offices, last_code_for, next_code

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=1200) as portal:
        yield portal


@pytest.fixture
def client(sb: Sandbox) -> Iterator[PortalClient]:
    c = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    yield c
    c.close()


def test_two_step_round_trip_through_the_client(sb: Sandbox, client: PortalClient) -> None:
    user, _ = fresh_client(sb)
    client.create_session(user.username, user.password)
    with pytest.raises(ValidationFailed) as wrong:
        client.start_totp("not " + user.password)
    assert "password" in wrong.value.fields
    setup = client.start_totp(user.password)
    codes = client.confirm_totp(pyotp.TOTP(setup.secret).now())
    assert len(codes) == 10
    with pytest.raises(Conflict):
        client.start_totp(user.password)
    other = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    try:
        with pytest.raises(MfaRequired) as asked:
            other.create_session(user.username, user.password)
        assert isinstance(asked.value, Unauthenticated) and asked.value.user_message
        signed = other.create_session(user.username, user.password, next_code(setup.secret))
        assert signed.user.mfa_enabled
        again = other.reauthenticate_session(user.password)
        assert again.token != signed.token and other.token == again.token
        with pytest.raises(ValidationFailed):
            other.reauthenticate_session("not " + user.password)
        with pytest.raises(ValidationFailed) as bad_code:
            other.disable_totp(user.password, "000000")
        assert "code" in bad_code.value.fields
        other.disable_totp(user.password, codes[0])
        assert not other.get_account().account.mfa_enabled
    finally:
        other.close()


def test_office_code_and_office_users_through_the_client(sb: Sandbox,
                                                         client: PortalClient) -> None:
    office = empty_offices(sb)[0]
    first = register(sb, office)
    code = last_code_for(sb, office["organization_name"])
    payment = office["recent_payments"][0]
    right = Verification(first.username, code, Decimal(payment["amount"]),
                         date.fromisoformat(payment["date"]))
    wrong = Verification(first.username, code, Decimal("0.01"), right.payment_date)
    with pytest.raises(VerificationFailed) as refused:
        client.verify_registration(wrong)
    assert refused.value.attempts_left == 4
    assert client.verify_registration(right).status == "active"
    client.resend_verification_code("nobody.at.all")  # same answer for anyone
    newcomer = register(sb, office, approve=False)
    client.create_session(first.username, first.password)
    client.accept_policy(client.get_policy().version)
    users = client.list_office_users()
    pending = [p for p in users.pending if p.email == "testa.fictional@example.com"]
    assert len(pending) == 1 and users.active[0].is_you
    client.approve_user(pending[0].user_id)
    with pytest.raises(Conflict):
        client.approve_user(pending[0].user_id)
    with pytest.raises(NotFound):
        client.remove_user("999999")
    member = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    try:
        member.create_session(newcomer.username, newcomer.password)
        member.accept_policy(member.get_policy().version)
        with pytest.raises(Forbidden):
            member.list_office_users()
    finally:
        member.close()
    second = register(sb, empty_offices(sb)[1])
    stale = last_code_for(sb, empty_offices(sb)[1]["organization_name"])
    for _ in range(5):
        with pytest.raises(VerificationFailed):
            client.verify_registration(Verification(second.username, stale, Decimal("0.01"),
                                                    right.payment_date))
    with pytest.raises(CodeExpired):
        client.verify_registration(Verification(second.username, stale, Decimal("0.01"),
                                                right.payment_date))
