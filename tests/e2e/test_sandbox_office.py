"""Registration proves control of the office (issue 13): approval by an office
administrator, or a code sent to the office plus a payment only the office knows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    private_sandbox,
    register,
    sign_in,
    sign_in_accepted,
    sign_in_response,
    sqlite_files,
)
from tests.e2e.security_helpers import (
    empty_offices,
    last_code_for,
    office_admin,
    outbox,
    verify_body,
)

VERIFY = "/registrations/verification"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=1200) as sb:
        yield sb


def test_first_user_of_an_office_verifies_with_the_code_and_a_payment(portal: Sandbox) -> None:
    office = empty_offices(portal)[0]
    user = register(portal, office)
    assert user.status == "pending_verification"
    assert_error(sign_in_response(portal, user.username, user.password), 401, "unauthenticated")
    message = [m for m in outbox(portal) if office["organization_name"] in m["subject"]]
    assert message and message[-1]["to"].endswith("@example.org")
    assert message[-1]["to"] != "testa.fictional@example.com", "the code goes to the office"
    code = last_code_for(portal, office["organization_name"])
    payment = office["recent_payments"][0]
    resp = Client(portal).post(VERIFY, json=verify_body(user, code, payment))
    assert resp.status_code == 200, resp.text
    assert resp.json() == {"username": user.username, "status": "active"}
    client = sign_in_accepted(portal, user.username, user.password)
    assert client.get("/account").json()["office_admin"] is True
    # Single use.
    again = Client(portal).post(VERIFY, json=verify_body(user, code, payment))
    assert_error(again, 422, "verification_failed")
    # The office now has a user: the next one waits for its administrator.
    assert register(portal, office, approve=False).status == "pending_approval"


def test_wrong_format_wrong_answer_and_attempt_limit(portal: Sandbox) -> None:
    office = empty_offices(portal)[1]
    user = register(portal, office)
    code = last_code_for(portal, office["organization_name"])
    payment = office["recent_payments"][0]
    bad = assert_error(Client(portal).post(VERIFY, json={
        "username": user.username, "code": "12ab", "payment_amount": "$1,234",
        "payment_date": "11/27/2026"}), 422, "validation_failed")
    assert set(bad["fields"]) == {"code", "payment_amount", "payment_date"}
    wrong_amount = {**payment, "amount": "0.01"}
    for left in (4, 3, 2, 1, 0):
        err = assert_error(Client(portal).post(VERIFY, json=verify_body(
            user, code, wrong_amount)), 422, "verification_failed")
        assert err["attempts_left"] == left
    # Void after five wrong tries, even with everything right.
    assert_error(Client(portal).post(VERIFY, json=verify_body(user, code, payment)), 410,
                 "code_expired")
    # A new code (same answer for any username) works.
    assert Client(portal).post(VERIFY + "/code", json={"username": user.username}
                               ).status_code == 202
    assert Client(portal).post(VERIFY + "/code", json={"username": "no.such.user"}
                               ).status_code == 202
    fresh = last_code_for(portal, office["organization_name"])
    assert fresh != code
    assert_error(Client(portal).post(VERIFY, json=verify_body(user, code, payment)), 422,
                 "verification_failed")
    # An expired code (24 hours) answers 410.
    _expire_codes(portal)
    assert_error(Client(portal).post(VERIFY, json=verify_body(user, fresh, payment)), 410,
                 "code_expired")


def _expire_codes(sb: Sandbox) -> None:
    conn = sqlite3.connect(sqlite_files(sb)[0], timeout=10)
    try:
        conn.execute("UPDATE verifications SET expires_at = 0")
        conn.commit()
    finally:
        conn.close()


def test_a_payment_older_than_90_days_is_not_an_answer(portal: Sandbox) -> None:
    office = empty_offices(portal)[1]
    user = register(portal, office)
    code = last_code_for(portal, office["organization_name"])
    conn = sqlite3.connect(sqlite_files(portal)[0], timeout=10)
    try:
        row = conn.execute(
            "SELECT payment_date, paid FROM claims c JOIN organizations o ON o.id = c.org_id "
            "WHERE o.tin = ? AND paid > 0 AND payment_date < date('now', '-95 days') LIMIT 1",
            (office["tin"],)).fetchone()
    finally:
        conn.close()
    assert row is not None
    old = {"date": row[0], "amount": f"{row[1] // 100}.{row[1] % 100:02d}"}
    assert_error(Client(portal).post(VERIFY, json=verify_body(user, code, old)), 422,
                 "verification_failed")


def test_administrator_approves_refuses_and_removes(portal: Sandbox) -> None:
    office = empty_offices(portal)[2]
    _admin, admin_client = office_admin(portal, office)
    newcomer = register(portal, office, approve=False)
    refused = register(portal, office, approve=False)
    assert newcomer.status == refused.status == "pending_approval"
    listing = admin_client.get("/office/users")
    assert listing.status_code == 200, listing.text
    assert len(listing.json()["pending"]) == 2
    ids = [p["user_id"] for p in listing.json()["pending"]]
    assert set(listing.json()["pending"][0]) == {"user_id", "first_name", "last_name", "email",
                                                 "npi", "requested_at"}
    approved = admin_client.post(f"/office/users/{ids[0]}/approval")
    assert approved.json() == {"user_id": ids[0], "status": "active"}
    assert_error(admin_client.post(f"/office/users/{ids[0]}/approval"), 409, "conflict")
    assert_error(admin_client.post(f"/office/users/{ids[1]}/refusal", json={"reason": ""}),
                 422, "validation_failed")
    done = admin_client.post(f"/office/users/{ids[1]}/refusal",
                             json={"reason": "Not on our staff list."})
    assert done.json()["status"] == "refused"
    member = sign_in_accepted(portal, newcomer.username, newcomer.password)
    assert_error(sign_in_response(portal, refused.username, refused.password), 401,
                 "unauthenticated")
    # A user who is not an administrator cannot list, approve or remove.
    assert_error(member.get("/office/users"), 403, "forbidden")
    assert_error(member.post(f"/office/users/{ids[1]}/approval"), 403, "forbidden")
    # Removing: not oneself; the removed user's sessions end.
    me = next(u for u in admin_client.get("/office/users").json()["active"] if u["is_you"])
    assert_error(admin_client.delete(f"/office/users/{me['user_id']}"), 409, "conflict")
    assert admin_client.delete(f"/office/users/{ids[0]}").status_code == 204
    assert_error(member.get("/account"), 401, "unauthenticated")
    assert_error(sign_in_response(portal, newcomer.username, newcomer.password), 401,
                 "unauthenticated")


def test_another_offices_users_are_not_found(portal: Sandbox) -> None:
    demo = portal.demo_users[0]
    demo_client = sign_in_accepted(portal, demo["username"], demo["password"])
    elsewhere = register(portal, demo_contract(portal, 1), approve=False)
    theirs = sign_in_accepted(portal, portal.demo_users[1]["username"],
                              portal.demo_users[1]["password"])
    their_id = theirs.get("/office/users").json()["pending"][-1]["user_id"]
    assert_error(demo_client.post(f"/office/users/{their_id}/approval"), 404, "not_found")
    assert_error(demo_client.delete(f"/office/users/{their_id}"), 404, "not_found")
    assert_error(demo_client.post("/office/users/not-a-number/approval"), 404, "not_found")
    assert_error(sign_in_response(portal, elsewhere.username, elsewhere.password), 401,
                 "unauthenticated")
    assert sign_in(portal, demo["username"], demo["password"]).token
