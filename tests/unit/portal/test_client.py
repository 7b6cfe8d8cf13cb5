"""Each client method sends the documented request and returns typed values."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from desktop.portal import (
    AccountChanges,
    ClaimSearch,
    ContactPreferences,
    PortalClient,
    PreconditionFailed,
    Registration,
    UnexpectedResponse,
)
from tests.unit.portal import samples
from tests.unit.portal.faultserver import (
    Conn,
    FaultServer,
    Pki,
    Request,
    error_response,
    json_response,
    raw_response,
    serving,
)

MakeClient = Callable[..., PortalClient]
ETAG = '"acct-v1"'

ROUTES: dict[tuple[str, str], bytes] = {
    ("GET", "/api/v1/policy"): json_response(200, samples.POLICY),
    ("GET", "/api/v1/policy/versions"): json_response(200, samples.POLICY_VERSIONS),
    ("GET", "/api/v1/policy/versions/2025-01-15"): json_response(200, samples.POLICY),
    ("GET", "/api/v1/support"): json_response(200, samples.SUPPORT),
    ("POST", "/api/v1/registrations"): json_response(201, samples.REGISTRATION_RESULT),
    ("POST", "/api/v1/sessions"): json_response(201, samples.SIGN_IN),
    ("GET", "/api/v1/sessions/current"): json_response(200, samples.SESSION),
    ("DELETE", "/api/v1/sessions/current"): raw_response(204),
    ("GET", "/api/v1/policy/acceptances"): json_response(200, [samples.ACCEPTANCE]),
    ("POST", "/api/v1/policy/acceptances"): json_response(201, samples.ACCEPTANCE),
    ("GET", "/api/v1/account"): json_response(200, samples.ACCOUNT, {"ETag": ETAG}),
    ("PATCH", "/api/v1/account"): json_response(200, samples.ACCOUNT, {"ETag": '"acct-v2"'}),
    ("POST", "/api/v1/account/password"): raw_response(204),
    ("POST", "/api/v1/account/deactivation"): raw_response(204),
    ("POST", "/api/v1/claims/search"): json_response(200, samples.CLAIM_PAGE),
    ("GET", "/api/v1/claims/c-000123"): json_response(200, samples.CLAIM_DETAIL),
    ("GET", "/api/v1/codes/claim-status"): json_response(200, samples.CODE_TABLE),
    ("GET", "/api/v1/codes/carc"): json_response(200, samples.CODE_TABLE),
    ("GET", "/api/v1/codes/rarc"): json_response(200, samples.CODE_TABLE),
}


def router(req: Request, conn: Conn) -> None:
    answer = ROUTES.get((req.method, req.path))
    conn.send(answer if answer is not None else error_response(404, "not_found"))


@pytest.fixture
def portal(pki: Pki) -> Iterator[FaultServer]:
    with serving(router, pki.leaf) as server:
        yield server


def _last(server: FaultServer) -> Request:
    return server.requests[-1]


def _body(req: Request) -> object:
    assert req.headers["content-type"] == "application/json"
    return json.loads(req.body)


def test_public_endpoints(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-1")
    assert client.get_policy().version == "2026-11-01"
    assert [v.version for v in client.list_policy_versions()] == ["2026-11-01", "2025-01-15"]
    assert client.get_policy_version("2025-01-15").title.startswith("Privacy")
    assert client.get_support().organization.startswith("Fictional")
    for req in portal.requests:
        assert req.method == "GET" and "authorization" not in req.headers


def test_register(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal)
    reg = Registration(
        first_name="Testy", last_name="McTestface", email="t@clinic.example.test",
        phone="+1 555 0199", organization_name="Imaginary Family Clinic", tin="123456789",
        npi="1234567893", username="test.clerk01", password="a long enough passphrase",
        accepted_policy_version="2026-11-01",
    )
    result = client.register(reg)
    assert result.status == "active" and not result.pending_review
    body = _body(_last(portal))
    assert isinstance(body, dict) and body["tin"] == "123456789"
    assert "contact_preferences" not in body


def test_sign_in_adopts_token_and_sign_out_drops_it(portal: FaultServer,
                                                    make_client: MakeClient) -> None:
    client = make_client(portal)
    sign_in = client.create_session("test.clerk01", "a long enough passphrase")
    assert _body(_last(portal)) == {"username": "test.clerk01",
                                    "password": "a long enough passphrase"}
    assert client.token == sign_in.token
    assert sign_in.user.display_name == "Testy McTestface"
    client.get_current_session()
    assert _last(portal).headers["authorization"] == f"Bearer {sign_in.token}"
    client.delete_current_session()
    assert _last(portal).method == "DELETE"
    assert client.token is None


def test_revoke_other_token(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-current")
    client.delete_current_session(token="tok-old")
    assert _last(portal).headers["authorization"] == "Bearer tok-old"
    assert client.token == "tok-current"
    with pytest.raises(ValueError):
        client.delete_current_session(token="bad\r\ntoken")


def test_acceptances(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-1")
    assert client.list_acceptances()[0].receipt_id == "rcpt-0001"
    acc = client.accept_policy("2026-11-01")
    assert acc.version == "2026-11-01"
    assert _body(_last(portal)) == {"version": "2026-11-01"}


def test_account(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-1")
    got = client.get_account()
    assert got.etag == ETAG and got.account.tin_last4 == "6789"
    changes = AccountChanges(phone="+1 555 0142",
                             contact_preferences=ContactPreferences(False, True, "mail"))
    updated = client.update_account(changes, got.etag)
    req = _last(portal)
    assert req.method == "PATCH" and req.headers["if-match"] == ETAG
    assert _body(req) == {"phone": "+1 555 0142", "contact_preferences": {
        "email_notices": False, "paper_mail": True, "preferred_channel": "mail"}}
    assert updated.etag == '"acct-v2"'
    client.change_password("old passphrase here", "new passphrase here")
    assert _body(_last(portal)) == {"current_password": "old passphrase here",
                                    "new_password": "new passphrase here"}
    client.deactivate_account("my passphrase here", "leaving the clinic")
    assert _body(_last(portal)) == {"password": "my passphrase here",
                                    "reason": "leaving the clinic"}


def test_account_without_etag_is_unexpected(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        conn.send(json_response(200, samples.ACCOUNT))
    with serving(handler, pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server, token="t").get_account()


def test_stale_etag(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        conn.send(error_response(412, "precondition_failed"))
    with serving(handler, pki.leaf) as server:
        with pytest.raises(PreconditionFailed):
            make_client(server, token="t").update_account(AccountChanges(phone="1"), '"old"')


def test_search_claims(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-1")
    search = ClaimSearch(member_id="MBR-FAKE-0001", service_from=date(2026, 1, 1),
                         service_to=date(2026, 6, 30), statuses=("F2", "P"))
    page = client.search_claims(search, cursor="opaque-cursor-0", limit=50,
                                sort="billed_amount")
    assert page.items[0].claim_number == "FIC2026000123"
    req = _last(portal)
    # Nothing of the search in the URL (proxies and access logs keep URLs): all in the body.
    assert (req.method, req.target) == ("POST", "/api/v1/claims/search")
    assert _body(req) == {"member_id": "MBR-FAKE-0001", "service_from": "2026-01-01",
                          "service_to": "2026-06-30", "status": ["F2", "P"],
                          "sort": "billed_amount", "limit": 50, "cursor": "opaque-cursor-0"}
    with pytest.raises(ValueError):
        client.search_claims(search, limit=0)
    with pytest.raises(ValueError):
        client.search_claims(search, sort="patient_name")


def test_claim_and_codes(portal: FaultServer, make_client: MakeClient) -> None:
    client = make_client(portal, token="tok-1")
    detail = client.get_claim("c-000123")
    assert detail.lines[0].procedure_code == "99213"
    assert client.get_status_codes().version == "2026-10"
    assert client.get_carc_codes().as_dict()["45"].startswith("Charge")
    assert client.get_rarc_codes().codes
    assert [r.path for r in portal.requests[-3:]] == [
        "/api/v1/codes/claim-status", "/api/v1/codes/carc", "/api/v1/codes/rarc"]


def test_token_validation_and_repr(make_client: MakeClient, pki: Pki) -> None:
    client = PortalClient("https://127.0.0.1:1/api/v1", ca_bundle=pki.ca_file,
                          token="tok-secret-value")
    assert "tok-secret-value" not in repr(client)
    for bad in ("", "a b", "line\nbreak", "x" * 513, "tök"):
        with pytest.raises(ValueError):
            client.set_token(bad)
    client.token = None
    assert client.token is None
    client.close()
