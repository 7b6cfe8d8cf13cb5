"""GET/PATCH /account with ETags, password change and deactivation."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_clean_4xx,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    new_password,
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

ACCOUNT_KEYS = {
    "username", "first_name", "last_name", "email", "phone", "organization_name",
    "tin_last4", "npi", "status", "created_at", "contact_preferences", "office_admin",
    "mfa_enabled",
}


def test_account_shape_and_etag(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    resp = client.get("/account")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_keys(body, ACCOUNT_KEYS)
    assert body["username"] == user.username
    assert body["tin_last4"] == user.tin.replace("-", "")[-4:]
    assert body["npi"] == user.npi
    assert body["organization_name"] == user.organization_name
    assert body["status"] == "active"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", body["created_at"])
    assert_keys(body["contact_preferences"], {"email_notices", "paper_mail", "preferred_channel"})
    prefs = body["contact_preferences"]
    assert isinstance(prefs["email_notices"], bool) and isinstance(prefs["paper_mail"], bool)
    assert prefs["preferred_channel"] in ("email", "phone", "mail")
    etag = resp.headers.get("ETag")
    assert etag, resp.headers
    # The ETag is stable while nothing changes.
    assert client.get("/account").headers["ETag"] == etag
    # The whole TIN is never shown.
    assert user.tin.replace("-", "") not in resp.text


def test_account_needs_a_token(portal: Sandbox) -> None:
    assert_error(Client(portal).get("/account"), 401, "unauthenticated")
    assert_error(Client(portal).patch("/account", json={}), 401, "unauthenticated")


def test_patch_with_if_match(portal: Sandbox) -> None:
    _, client = fresh_client(portal)
    first = client.get("/account")
    etag = first.headers["ETag"]
    change = {
        "first_name": "Renamed",
        "last_name": "O'Fictional-Smythe",
        "email": "renamed@example.org",
        "phone": "202-555-0187",
        "contact_preferences": {
            "email_notices": False, "paper_mail": True, "preferred_channel": "phone",
        },
    }
    resp = client.patch("/account", json=change, headers={"If-Match": etag})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_keys(body, ACCOUNT_KEYS)
    for key, value in change.items():
        if key == "phone":  # the sandbox normalises phone numbers to their digits
            assert re.sub(r"\D", "", body[key]) == "2025550187"
        else:
            assert body[key] == value, key
    new_etag = resp.headers.get("ETag")
    assert new_etag and new_etag != etag
    again = client.get("/account")
    assert again.json() == body
    assert again.headers["ETag"] == new_etag
    # Fields not in the patch stay as they were.
    for key in ("username", "organization_name", "tin_last4", "npi", "status", "created_at"):
        assert body[key] == first.json()[key]


def test_partial_patch_keeps_other_fields(portal: Sandbox) -> None:
    _, client = fresh_client(portal)
    first = client.get("/account")
    resp = client.patch(
        "/account", json={"contact_preferences": {"email_notices": False}},
        headers={"If-Match": first.headers["ETag"]},
    )
    # A partial contact_preferences object is either merged (200) or refused (422).
    if resp.status_code == 200:
        prefs = resp.json()["contact_preferences"]
        assert prefs["email_notices"] is False
        assert prefs["paper_mail"] == first.json()["contact_preferences"]["paper_mail"]
        assert prefs["preferred_channel"] == first.json()["contact_preferences"][
            "preferred_channel"
        ]
    else:
        assert_error(resp, 422, "validation_failed")
    resp = client.patch(
        "/account", json={"first_name": "Only"},
        headers={"If-Match": client.get("/account").headers["ETag"]},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["first_name"] == "Only"
    assert resp.json()["last_name"] == first.json()["last_name"]
    assert resp.json()["email"] == first.json()["email"]


def test_patch_without_if_match_is_428(portal: Sandbox) -> None:
    _, client = fresh_client(portal)
    before = client.get("/account").json()
    assert_error(client.patch("/account", json={"first_name": "Nope"}), 428,
                 "precondition_required")
    assert client.get("/account").json() == before


@pytest.mark.parametrize("stale", ["old", "made-up", "mangled"])
def test_patch_with_stale_etag_is_412(portal: Sandbox, stale: str) -> None:
    _, client = fresh_client(portal)
    etag = client.get("/account").headers["ETag"]
    ok = client.patch("/account", json={"first_name": "Fresh"}, headers={"If-Match": etag})
    assert ok.status_code == 200, ok.text
    value = {"old": etag, "made-up": '"nope"', "mangled": etag + "x"}[stale]
    resp = client.patch("/account", json={"first_name": "Stale"}, headers={"If-Match": value})
    assert_error(resp, 412, "precondition_failed")
    assert client.get("/account").json()["first_name"] == "Fresh"


@pytest.mark.parametrize(
    "change,field",
    [
        ({"email": "not an email"}, "email"),
        ({"email": ""}, "email"),
        ({"phone": "phone home"}, "phone"),
        ({"first_name": ""}, "first_name"),
        ({"last_name": "x" * 500}, "last_name"),
        ({"first_name": 12}, "first_name"),
        ({"first_name": None}, "first_name"),
        ({"contact_preferences": {"email_notices": True, "paper_mail": False,
                                  "preferred_channel": "fax"}}, "contact_preferences"),
        ({"contact_preferences": {"email_notices": "yes", "paper_mail": False,
                                  "preferred_channel": "email"}}, "contact_preferences"),
        ({"contact_preferences": "email"}, "contact_preferences"),
    ],
)
def test_bad_fields_are_422_with_fields(portal: Sandbox, change: dict, field: str) -> None:
    _, client = fresh_client(portal)
    first = client.get("/account")
    resp = client.patch("/account", json=change, headers={"If-Match": first.headers["ETag"]})
    err = assert_error(resp, 422, "validation_failed")
    fields = err.get("fields", {})
    assert any(k == field or k.startswith(field + ".") for k in fields), err
    after = client.get("/account")
    assert after.json() == first.json()
    assert after.headers["ETag"] == first.headers["ETag"]


@pytest.mark.parametrize(
    "change",
    [
        {"username": "renamed.user"},
        {"tin": "123456789"},
        {"npi": "1234567893"},
        {"status": "active"},
        {"organization_name": "Another Org"},
        {"first_name": "Ok", "favourite_colour": "teal"},
    ],
    ids=["username", "tin", "npi", "status", "organization_name", "unknown"],
)
def test_unknown_or_readonly_fields_are_422(portal: Sandbox, change: dict) -> None:
    _, client = fresh_client(portal)
    first = client.get("/account")
    resp = client.patch("/account", json=change, headers={"If-Match": first.headers["ETag"]})
    assert_error(resp, 422, "validation_failed")
    assert client.get("/account").json() == first.json()


def test_password_change(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    other = sign_in(portal, user.username, user.password)
    new = new_password()
    resp = client.post(
        "/account/password", json={"current_password": user.password, "new_password": new}
    )
    assert resp.status_code == 204, resp.text
    assert resp.content == b""
    assert_error(sign_in_response(portal, user.username, user.password), 401, "unauthenticated")
    sign_in(portal, user.username, new)
    # This session is kept, every other one is revoked.
    assert client.get("/account").status_code == 200
    assert_error(other.get("/account"), 401, "unauthenticated")


def test_password_change_with_wrong_current_is_refused(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    resp = client.post(
        "/account/password",
        json={"current_password": new_password(), "new_password": new_password()},
    )
    assert_clean_4xx(resp)
    assert resp.status_code not in (404, 405, 428)
    # Nothing changed, and this session still works.
    sign_in(portal, user.username, user.password)
    assert client.get("/account").status_code == 200


@pytest.mark.parametrize("new", ["short pw", "x" * 129, "same-as-username"])
def test_password_change_applies_password_rules(portal: Sandbox, new: str) -> None:
    user, client = fresh_client(portal)
    if new == "same-as-username":
        new = user.username
        assert len(new) >= 15
    resp = client.post(
        "/account/password", json={"current_password": user.password, "new_password": new}
    )
    err = assert_error(resp, 422, "validation_failed")
    assert "new_password" in err.get("fields", {}), err
    sign_in(portal, user.username, user.password)


def test_deactivation(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    other = sign_in(portal, user.username, user.password)
    resp = client.post(
        "/account/deactivation", json={"password": user.password, "reason": "Leaving the office"}
    )
    assert resp.status_code == 204, resp.text
    assert_error(client.get("/account"), 401, "unauthenticated")
    assert_error(other.get("/account"), 401, "unauthenticated")
    assert_error(sign_in_response(portal, user.username, user.password), 401, "unauthenticated")


def test_deactivation_with_wrong_password_is_refused(portal: Sandbox) -> None:
    user, client = fresh_client(portal)
    resp = client.post(
        "/account/deactivation", json={"password": new_password(), "reason": "nope"}
    )
    assert_clean_4xx(resp)
    assert client.get("/account").json()["status"] == "active"
    sign_in(portal, user.username, user.password)


def test_deactivated_username_stays_taken(portal: Sandbox) -> None:
    """Deactivated, not deleted: nobody else can take over the name."""
    user = register(portal)
    client = sign_in(portal, user.username, user.password)
    assert client.post(
        "/account/deactivation", json={"password": user.password, "reason": "test"}
    ).status_code == 204
    body = registration_body(portal, username=user.username)
    assert_error(Client(portal).post("/registrations", json=body), 409, "conflict")
