"""POST /registrations against the contract: field rules, roster matching, acceptance record."""

from __future__ import annotations

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    activate,
    assert_error,
    assert_keys,
    bad_npi,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    contracts,
    demo_contract,
    new_password,
    off_roster_npi,
    register,
    registration_body,
    sign_in,
    sign_in_response,
    unique_username,
    writes_sandbox,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def portal() -> Sandbox:
    """The run's rate-limit-free sandbox: this module signs in and registers a lot."""
    return writes_sandbox()


def post_registration(sb: Sandbox, body: dict[str, object]) -> object:
    return Client(sb).post("/registrations", json=body)


def test_on_roster_registration_waits_for_the_office_then_signs_in(portal: Sandbox) -> None:
    """Public identifiers are not secrets: matching them never makes an account active."""
    body = registration_body(portal, demo_contract(portal, 0))
    resp = Client(portal).post("/registrations", json=body)
    assert resp.status_code == 201, resp.text
    assert_keys(resp.json(), {"username", "status"})
    assert resp.json() == {"username": body["username"], "status": "pending_approval"}
    assert_error(sign_in_response(portal, body["username"], body["password"]), 401,
                 "unauthenticated")
    activate(portal, body["username"])
    client = sign_in(portal, body["username"], body["password"])
    assert client.get("/sessions/current").status_code == 200


def test_registration_records_the_policy_acceptance(portal: Sandbox) -> None:
    user = register(portal)
    client = sign_in(portal, user.username, user.password)
    current = client.get("/policy").json()["version"]
    resp = client.get("/policy/acceptances")
    assert resp.status_code == 200, resp.text
    rows = resp.json()
    assert [r["version"] for r in rows] == [current]
    for row in rows:
        assert_keys(row, {"version", "accepted_at", "receipt_id"})
    # "recorded exactly as POST /policy/acceptances would": accepting again is the idempotent 200.
    again = client.post("/policy/acceptances", json={"version": current})
    assert again.status_code == 200, again.text
    assert again.json()["receipt_id"] == rows[0]["receipt_id"]


def test_tin_with_hyphen_is_accepted(portal: Sandbox) -> None:
    c = contracts(portal)[0]
    digits = c["tin"].replace("-", "")
    user = register(portal, c, tin=f"{digits[:2]}-{digits[2:]}")
    assert user.status == "pending_approval"


@pytest.mark.parametrize(
    "tin",
    [
        pytest.param("12345678", id="eight-digits"),
        pytest.param("1234567890", id="ten-digits"),
        pytest.param("", id="empty"),
        pytest.param("07-1234567", id="ein-prefix-07"),
        pytest.param("00-1234567", id="ein-prefix-00"),
        pytest.param("89-1234567", id="ein-prefix-89"),
        pytest.param("12-34567a9", id="letter"),
        pytest.param("\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", id="fullwidth"),
        pytest.param("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", id="arabic-indic"),
        pytest.param("12 3456789", id="space"),
    ],
)
def test_bad_tin_is_422_on_tin(portal: Sandbox, tin: str) -> None:
    body = registration_body(portal, tin=tin)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "tin" in err.get("fields", {}), err


def test_known_tin_with_non_ascii_digits_is_refused(portal: Sandbox) -> None:
    """A real contract's TIN written in Arabic-Indic digits must not be normalised into it."""
    c = contracts(portal)[0]
    digits = c["tin"].replace("-", "")
    arabic = "".join(chr(0x0660 + int(d)) for d in digits)
    body = registration_body(portal, c, tin=arabic)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "tin" in err["fields"], err


def test_unknown_but_valid_tin_is_422_on_tin(portal: Sandbox) -> None:
    known = {c["tin"].replace("-", "") for c in contracts(portal)}
    tin = next(t for t in (f"27{i:07d}" for i in range(100, 200)) if t not in known)
    body = registration_body(portal, tin=tin)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert set(err["fields"]) == {"tin"}, err


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda npi: npi[:9], id="nine-digits"),
        pytest.param(lambda npi: npi + "3", id="eleven-digits"),
        pytest.param(bad_npi, id="bad-check-digit"),
        pytest.param(lambda npi: "".join(chr(0xFF10 + int(d)) for d in npi), id="fullwidth"),
        pytest.param(lambda npi: "".join(chr(0x0660 + int(d)) for d in npi), id="arabic-indic"),
        pytest.param(lambda npi: npi[:5] + "-" + npi[5:], id="hyphen"),
        pytest.param(lambda npi: "", id="empty"),
    ],
)
def test_bad_npi_is_422_on_npi(portal: Sandbox, mutate: object) -> None:
    c = contracts(portal)[0]
    npi = mutate(c["npis"][0])  # type: ignore[operator]
    body = registration_body(portal, c, npi=npi)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "npi" in err["fields"], err


@pytest.mark.parametrize(
    "username",
    [
        pytest.param("abcde", id="five-chars"),
        pytest.param("a" * 33, id="33-chars"),
        pytest.param("bad name1", id="space"),
        pytest.param("bad@name1", id="at-sign"),
        pytest.param("j\u00f6rg.user", id="non-ascii-letter"),
        pytest.param("user\u0661\u0662\u0663", id="non-ascii-digit"),
        pytest.param("", id="empty"),
    ],
)
def test_bad_username_is_422(portal: Sandbox, username: str) -> None:
    body = registration_body(portal, username=username)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "username" in err["fields"], err


@pytest.mark.parametrize("length", [6, 32])
def test_username_length_bounds_are_allowed(portal: Sandbox, length: int) -> None:
    name = ("u." + unique_username().replace(".", "_") * 2)[:length]
    user = register(portal, username=name)
    assert user.status == "pending_approval"


def test_username_with_all_allowed_punctuation(portal: Sandbox) -> None:
    user = register(portal, username=f"A.b_c-{unique_username()[-10:]}")
    sign_in(portal, user.username, user.password)


def test_taken_username_is_409_case_insensitively(portal: Sandbox) -> None:
    user = register(portal, username=f"Case.{unique_username()[-12:]}")
    for variant in (user.username, user.username.lower(), user.username.upper()):
        body = registration_body(portal, username=variant)
        assert_error(Client(portal).post("/registrations", json=body), 409, "conflict")
    # The original owner still signs in with the original password.
    sign_in(portal, user.username, user.password)


@pytest.mark.parametrize(
    "password",
    [
        pytest.param("x" * 14, id="14-chars"),
        pytest.param("y" * 129, id="129-chars"),
        pytest.param("", id="empty"),
        pytest.param("\u00e9" * 14, id="14-unicode-chars"),
    ],
)
def test_password_length_rules(portal: Sandbox, password: str) -> None:
    body = registration_body(portal, password=password)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "password" in err["fields"], err


@pytest.mark.parametrize(
    "password",
    [
        pytest.param("z" * 15, id="15-chars"),
        pytest.param("Aa1 " * 32, id="128-chars"),
        pytest.param("correct horse battery staple", id="spaces"),
        pytest.param("p\u00e4ssw\u00f6rd \u65e5\u672c\u8a9e \U0001f511 \u0645\u0631\u062d\u0628\u0627", id="unicode"),
        pytest.param("\u00e9" * 15, id="15-unicode-chars"),
    ],
)
def test_valid_passwords_register_and_sign_in(portal: Sandbox, password: str) -> None:
    user = register(portal, password=password)
    sign_in(portal, user.username, password)


def test_password_equal_to_username_is_422(portal: Sandbox) -> None:
    name = f"same.as.pw.{unique_username()[-12:]}"
    assert len(name) >= 15
    body = registration_body(portal, username=name, password=name)
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert "password" in err["fields"], err


def test_long_password_is_never_truncated(portal: Sandbox) -> None:
    password = "Q" + "".join(f"{i:03d}" for i in range(42)) + "z"  # 128 characters
    assert len(password) == 128
    user = register(portal, password=password)
    for prefix_len in (72, 127):
        resp = sign_in_response(portal, user.username, password[:prefix_len])
        assert_error(resp, 401, "unauthenticated")
    sign_in(portal, user.username, password)


def test_old_policy_version_is_409(portal: Sandbox) -> None:
    versions = Client(portal).get("/policy/versions").json()
    older = versions[1]["version"]
    body = registration_body(portal, accepted_policy_version=older)
    assert_error(Client(portal).post("/registrations", json=body), 409, "conflict")
    # Nothing was created: the same username registers fine with the current version.
    fixed = dict(body, accepted_policy_version=versions[0]["version"])
    assert Client(portal).post("/registrations", json=fixed).status_code == 201


def test_made_up_policy_version_is_409(portal: Sandbox) -> None:
    body = registration_body(portal, accepted_policy_version="1999-01-01")
    assert_error(Client(portal).post("/registrations", json=body), 409, "conflict")


@pytest.mark.parametrize(
    "field",
    [
        "first_name", "last_name", "email", "phone", "organization_name",
        "tin", "npi", "username", "password", "accepted_policy_version",
    ],
)
def test_missing_required_field_is_422(portal: Sandbox, field: str) -> None:
    body = registration_body(portal)
    del body[field]
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert field in err.get("fields", {}), err


@pytest.mark.parametrize(
    "field,value",
    [
        ("email", "not-an-email"),
        ("email", "two@@example.com"),
        ("phone", "call me maybe"),
        ("first_name", ""),
        ("last_name", "   "),
        ("organization_name", ""),
    ],
)
def test_bad_contact_fields_are_422(portal: Sandbox, field: str, value: str) -> None:
    body = registration_body(portal, **{field: value})
    err = assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")
    assert field in err["fields"], err


def test_contact_preferences_are_stored(portal: Sandbox) -> None:
    prefs = {"email_notices": False, "paper_mail": True, "preferred_channel": "mail"}
    user = register(portal, contact_preferences=prefs)
    account = sign_in(portal, user.username, user.password).get("/account").json()
    assert account["contact_preferences"] == prefs


def test_bad_contact_preferences_are_422(portal: Sandbox) -> None:
    prefs = {"email_notices": True, "paper_mail": False, "preferred_channel": "fax"}
    body = registration_body(portal, contact_preferences=prefs)
    assert_error(Client(portal).post("/registrations", json=body), 422, "validation_failed")


@pytest.mark.parametrize("how", ["off-roster-npi", "npi-of-another-tin", "other-org-name"])
def test_mismatch_is_pending_until_activated(portal: Sandbox, how: str) -> None:
    c = demo_contract(portal, 0)
    if how == "off-roster-npi":
        overrides = {"npi": off_roster_npi(portal)}
    elif how == "npi-of-another-tin":
        mine = set(c["npis"])
        other = next(n for o in contracts(portal) if o["tin"] != c["tin"]
                     for n in o["npis"] if n not in mine)
        overrides = {"npi": other}
    else:
        overrides = {"organization_name": c["organization_name"] + " Annex"}
    user = register(portal, c, **overrides)
    assert user.status == "pending_review"

    pending = sign_in_response(portal, user.username, user.password)
    wrong = sign_in_response(portal, user.username, new_password())
    assert_error(pending, 401, "unauthenticated")
    assert pending.json()["error"]["message"] == wrong.json()["error"]["message"]

    done = portal.cli("activate", user.username)
    assert done.returncode == 0, done.stderr
    client = sign_in(portal, user.username, user.password)
    assert client.get("/account").json()["status"] == "active"
