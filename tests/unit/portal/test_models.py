"""Response parsers: the contract's shapes parse; anything else is an UnexpectedResponse."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.portal import (
    AccountChanges,
    ClaimSearch,
    ContactPreferences,
    PortalError,
    Registration,
    UnexpectedResponse,
)
from desktop.portal.claims import parse_claim_detail, parse_claim_page, parse_claim_summary
from desktop.portal.errors import error_from_answer
from desktop.portal.models import (
    parse_acceptance,
    parse_acceptances,
    parse_account,
    parse_code_table,
    parse_policy,
    parse_policy_versions,
    parse_registration_result,
    parse_session_info,
    parse_sign_in,
    parse_support,
)
from desktop.portal.wirejson import decode_json
from tests.unit.portal import samples

PARSERS: list[tuple[Callable[[Any], Any], Any]] = [
    (parse_policy, samples.POLICY),
    (parse_policy_versions, samples.POLICY_VERSIONS),
    (parse_support, samples.SUPPORT),
    (parse_registration_result, samples.REGISTRATION_RESULT),
    (parse_sign_in, samples.SIGN_IN),
    (parse_session_info, samples.SESSION),
    (parse_acceptance, samples.ACCEPTANCE),
    (parse_acceptances, [samples.ACCEPTANCE]),
    (parse_account, samples.ACCOUNT),
    (parse_claim_summary, samples.CLAIM_SUMMARY),
    (parse_claim_page, samples.CLAIM_PAGE),
    (parse_claim_detail, samples.CLAIM_DETAIL),
    (parse_code_table, samples.CODE_TABLE),
]
PARSER_IDS = [p.__name__ for p, _ in PARSERS]


def roundtrip(doc: Any) -> Any:
    """What the parser sees in real life: the document after the wire's JSON decoding."""
    return decode_json(json.dumps(doc).encode())


@pytest.mark.parametrize(("parse", "doc"), PARSERS, ids=PARSER_IDS)
def test_contract_examples_parse(parse: Callable[[Any], Any], doc: Any) -> None:
    assert parse(roundtrip(doc)) is not None


def test_values_are_typed() -> None:
    detail = parse_claim_detail(roundtrip(samples.CLAIM_DETAIL))
    assert detail.billed_amount == Decimal("1234.50")
    assert isinstance(detail.paid_amount, Decimal)
    assert detail.service_from == date(2026, 10, 1)
    assert detail.received_at == datetime(2026, 10, 5, 12, tzinfo=UTC)
    assert detail.received_at.tzinfo is not None
    assert detail.patient.member_id == "MBR-FAKE-0001"
    assert detail.lines[0].adjustments[1].amount == Decimal("20.00")
    assert detail.lines[0].units == Decimal(1)
    assert detail.payment is not None and detail.payment.date == date(2026, 10, 20)
    assert [h.category for h in detail.status_history] == ["A1", "F1"]
    sign_in = parse_sign_in(roundtrip(samples.SIGN_IN))
    assert sign_in.policy.acceptance_required
    assert "tok_" not in repr(sign_in)  # the token never shows in a repr
    page = parse_claim_page(roundtrip(samples.CLAIM_PAGE))
    assert page.total == 1234 and page.next_cursor == "opaque-cursor-1"
    table = parse_code_table(roundtrip(samples.CODE_TABLE))
    assert table.label_for("45") == "Charge exceeds fee schedule"
    assert table.label_for("nope") is None


def test_instants_normalised_to_utc() -> None:
    doc = samples.fresh(samples.SESSION)
    doc["expires_at"] = "2026-11-28T12:49:30.123456789+02:00"
    info = parse_session_info(doc)
    assert info.expires_at == datetime(2026, 11, 28, 10, 49, 30, 123456, tzinfo=UTC)


def test_integer_claim_id_kept_as_text() -> None:
    doc = samples.fresh(samples.CLAIM_SUMMARY)
    doc["claim_id"] = 4711
    assert parse_claim_summary(doc).claim_id == "4711"


@pytest.mark.parametrize(("field", "value"), [
    ("billed_amount", 1234.5),  # money must be a string, never a float
    ("billed_amount", "12,34"),
    ("billed_amount", "NaN"),
    ("billed_amount", "1e5"),
    ("billed_amount", "١٢٣"),  # non-ASCII digits
    ("service_from", "2026-02-30"),
    ("service_from", "20261001"),
    ("received_at", "2026-10-05T12:00:00"),  # no zone: ambiguous, refused
    ("received_at", 1700000000),
    ("claim_id", True),
    ("claim_id", ""),
    ("patient", None),
    ("status", []),
])
def test_bad_fields_rejected(field: str, value: Any) -> None:
    doc = samples.fresh(samples.CLAIM_SUMMARY)
    doc[field] = value
    with pytest.raises(UnexpectedResponse) as info:
        parse_claim_summary(doc)
    assert field in (info.value.detail or "")


def test_bool_is_not_an_int_and_int_is_not_a_bool() -> None:
    doc = samples.fresh(samples.SESSION)
    doc["idle_timeout_s"] = True
    with pytest.raises(UnexpectedResponse):
        parse_session_info(doc)
    acct = samples.fresh(samples.ACCOUNT)
    acct["contact_preferences"]["email_notices"] = 1
    with pytest.raises(UnexpectedResponse):
        parse_account(acct)


@pytest.mark.parametrize("token", ["has space", "line\nbreak", "tök", "", "x" * 513])
def test_header_unsafe_token_rejected(token: str) -> None:
    doc = samples.fresh(samples.SIGN_IN)
    doc["token"] = token
    with pytest.raises(UnexpectedResponse):
        parse_sign_in(doc)


def test_error_detail_never_contains_values() -> None:
    doc = samples.fresh(samples.CLAIM_SUMMARY)
    doc["patient"]["dob"] = "Imaginary-Secret-Value"
    with pytest.raises(UnexpectedResponse) as info:
        parse_claim_summary(doc)
    assert "Imaginary-Secret-Value" not in repr(info.value)
    assert "Imaginary-Secret-Value" not in str(info.value)
    assert info.value.detail == "$.patient.dob: expected a date (YYYY-MM-DD)"


# --- decoding ----------------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    b"NaN", b"[Infinity]", b"[-Infinity]", b'{"a": NaN}', b"[" * 5000 + b"]" * 5000,
    b"[" * 40 + b"]" * 40, b"1" * 19, b"1.5e400", b"0." + b"1" * 60, b'{"a": 1, "a": 2}',
    b"\xc3\x28", b"", b"{", b"\xef\xbb\xbf{}",
])
def test_decode_rejects(raw: bytes) -> None:
    with pytest.raises(UnexpectedResponse):
        decode_json(raw)


def test_decode_accepts_reasonable_documents() -> None:
    assert decode_json(b'{"a": [1, 2.5, "x", null, true]}') == {
        "a": [1, Decimal("2.5"), "x", None, True]}
    assert decode_json(b"[" * 30 + b"]" * 30) is not None


def _mixed(levels: int) -> bytes:
    """Objects and arrays taking turns, `levels` deep, beside scalars at every level."""
    doc = b"{}"
    for i in range(levels - 1):
        doc = (b'{"n": 1, "s": "[[{{", "k": %s}' % doc if i % 2 else b'[1, "x", %s, null]' % doc)
    return doc


def test_decode_depth_limit_is_exact_for_mixed_nesting() -> None:
    assert decode_json(_mixed(32)) is not None
    # The deepest branch counts, wherever it sits among shallow siblings.
    for raw in (_mixed(33), b'[{"a": 1}, [], ' + _mixed(32) + b"]"):
        with pytest.raises(UnexpectedResponse) as info:
            decode_json(raw)
        assert info.value.detail == "JSON nested too deeply"


def test_decode_refuses_a_duplicate_key_deep_inside() -> None:
    with pytest.raises(UnexpectedResponse):
        decode_json(b'{"items": [{"a": {"b": 1, "c": 2, "b": 3}}]}')


# --- request bodies ----------------------------------------------------------------


def test_registration_body_and_repr() -> None:
    reg = Registration(
        first_name="Testy", last_name="McTestface", email="t@clinic.example.test",
        phone="+1 555 0199", organization_name="Imaginary Family Clinic", tin="12-3456789",
        npi="1234567893", username="test.clerk01", password="correct horse battery staple",
        accepted_policy_version="2026-11-01",
        contact_preferences=ContactPreferences(True, False, "email"),
    )
    body = reg.to_json()
    assert body["password"] == "correct horse battery staple"
    assert body["contact_preferences"] == {"email_notices": True, "paper_mail": False,
                                           "preferred_channel": "email"}
    assert "correct horse" not in repr(reg)


def test_account_changes_sends_only_given_fields() -> None:
    assert AccountChanges(phone="555").to_json() == {"phone": "555"}
    assert AccountChanges().empty


def test_claim_search_body() -> None:
    search = ClaimSearch(patient_last_name="Imaginary", service_from=date(2026, 1, 1),
                         service_to=date(2026, 3, 31), statuses=("F", "P1"), member_id="")
    assert search.to_json() == {
        "patient_last_name": "Imaginary", "service_from": "2026-01-01",
        "service_to": "2026-03-31", "status": ["F", "P1"],
    }
    assert ClaimSearch(statuses=("",)).to_json() == {}


# --- fuzzing: only typed errors, never KeyError/TypeError/ValueError/RecursionError ----

json_scalars = (st.none() | st.booleans() | st.integers(-(10**20), 10**20)
                | st.decimals(allow_nan=False, allow_infinity=False) | st.text(max_size=30))
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=15), children, max_size=6),
    max_leaves=30,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(doc: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    doc = samples.fresh(doc)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _call(parse: Callable[[Any], Any], doc: Any) -> None:
    try:
        parse(doc)
    except UnexpectedResponse:
        pass


@pytest.mark.parametrize(("parse", "doc"), PARSERS, ids=PARSER_IDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_mutated_documents(parse: Callable[[Any], Any], doc: Any, data: st.DataObject
                                ) -> None:
    path = data.draw(st.sampled_from(_paths(doc)))
    value = data.draw(json_values)
    delete = data.draw(st.booleans())
    _call(parse, _mutate(doc, path, value, delete))


@pytest.mark.parametrize(("parse", "doc"), PARSERS, ids=PARSER_IDS)
@settings(max_examples=40, deadline=None)
@given(value=json_values)
def test_fuzz_random_json(parse: Callable[[Any], Any], doc: Any, value: Any) -> None:
    _call(parse, value)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzz_decode(raw: bytes) -> None:
    try:
        decode_json(raw)
    except UnexpectedResponse:
        pass


@settings(max_examples=200, deadline=None)
@given(status=st.integers(300, 599), body=json_values, retry=st.none() | st.floats(0, 1e6))
def test_fuzz_error_bodies(status: int, body: Any, retry: float | None) -> None:
    err = error_from_answer(status, body, request_id="rid", retry_after_s=retry)
    assert isinstance(err, PortalError)
    assert err.user_message and err.request_id == "rid"


@settings(max_examples=100, deadline=None)
@given(status=st.sampled_from([400, 401, 403, 404, 409, 412, 413, 422, 423, 428, 429]),
       code=st.text(max_size=30), message=json_values, fields=json_values)
def test_fuzz_error_body_fields(status: int, code: str, message: Any, fields: Any) -> None:
    body = {"error": {"code": code, "message": message, "fields": fields,
                      "current_version": message, "retry_after_s": fields}}
    err = error_from_answer(status, body, request_id=None)
    assert isinstance(err.user_message, str) and err.user_message
