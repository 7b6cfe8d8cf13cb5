"""POST /payments/search, GET /payments/{id} and its X12 835: the contract over TLS."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    demo_contracts_of_distinct_tins,
    fresh_client,
    money,
)

pytestmark = pytest.mark.e2e

SUMMARY_KEYS = {"payment_id", "method", "trace_number", "paid_date", "total_amount",
                "claim_count"}
DETAIL_KEYS = SUMMARY_KEYS | {"payer", "payee", "claims_paid_amount",
                              "provider_adjustment_amount", "claims", "provider_adjustments"}
CLAIM_KEYS = {"claim_id", "claim_number", "patient_control_number", "status_code",
              "status_label", "patient", "rendering_npi", "service_from", "service_to",
              "billed_amount", "allowed_amount", "paid_amount", "patient_responsibility",
              "adjustments", "remarks", "lines"}


def search(client: Client, **body: Any) -> dict[str, Any]:
    resp = client.post("/payments/search", json=body)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def walk_payments(client: Client, **criteria: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = search(client, **criteria, limit=200, cursor=cursor)
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            assert len(items) == page["total"]
            return items


@pytest.fixture(scope="module")
def office(sandbox: Sandbox) -> tuple[Client, list[dict[str, Any]], list[dict[str, Any]]]:
    """Demo office 0: every payment summary, and the details of its 40 latest."""
    _, client = fresh_client(sandbox, demo_contract(sandbox, 0))
    payments = walk_payments(client)
    details = []
    for p in payments[:40]:
        resp = client.get(f"/payments/{p['payment_id']}")
        assert resp.status_code == 200, resp.text
        details.append(resp.json())
    return client, payments, details


def test_search_pages_newest_first_without_repeats(office: Any) -> None:
    _, payments, _ = office
    assert len(payments) > 20
    for p in payments:
        assert_keys(p, SUMMARY_KEYS)
        assert p["method"] in ("ACH", "CHK", "NON")
    keys = [(p["paid_date"], p["payment_id"]) for p in payments]
    assert len({k[1] for k in keys}) == len(keys)
    dates = [k[0] for k in keys]
    assert dates == sorted(dates, reverse=True)


def test_search_criteria(office: Any) -> None:
    client, payments, _ = office
    target = next(p for p in payments if p["method"] == "ACH")
    found = search(client, trace_number=target["trace_number"])["items"]
    assert [p["payment_id"] for p in found] == [target["payment_id"]]
    checks = search(client, method="CHK", limit=500)["items"]
    assert checks and {p["method"] for p in checks} == {"CHK"}
    day = target["paid_date"]
    same_day = walk_payments(client, paid_from=day, paid_to=day)
    assert target in same_day and {p["paid_date"] for p in same_day} == {day}
    total = target["total_amount"]
    by_amount = walk_payments(client, amount_min=total, amount_max=total)
    assert target in by_amount and {money(p["total_amount"]) for p in by_amount} == {
        money(total)}


def test_search_rejects_bad_criteria_in_words(office: Any) -> None:
    client, _, _ = office
    resp = client.post("/payments/search", json={
        "paid_from": "2026-13-01", "amount_min": "12.345", "method": "CASH", "limit": 0})
    body = assert_error(resp, 422, "validation_failed")
    assert set(body["fields"]) == {"paid_from", "amount_min", "method", "limit"}
    resp = client.post("/payments/search", json={"paid_from": "2026-05-02",
                                                 "paid_to": "2026-05-01"})
    assert "paid_to" in assert_error(resp, 422, "validation_failed")["fields"]
    resp = client.post("/payments/search", json={"payee": "x"})
    assert resp.status_code == 422


def test_cursor_is_bound_to_its_search(office: Any) -> None:
    client, _, _ = office
    cursor = search(client, limit=1)["next_cursor"]
    assert cursor
    resp = client.post("/payments/search", json={"method": "ACH", "cursor": cursor})
    assert "cursor" in assert_error(resp, 422, "validation_failed")["fields"]
    resp = client.post("/payments/search", json={"cursor": cursor[:-3] + "AAA"})
    assert "cursor" in assert_error(resp, 422, "validation_failed")["fields"]


def test_remittance_adds_up_to_the_cent(office: Any) -> None:
    _, payments, details = office
    by_id = {p["payment_id"]: p for p in payments}
    for d in details:
        assert_keys(d, DETAIL_KEYS)
        assert_keys(d["payee"], {"name", "tin_last4", "npi"})
        assert by_id[d["payment_id"]]["total_amount"] == d["total_amount"]
        assert len(d["claims"]) == d["claim_count"]
        paid = sum((money(c["paid_amount"]) for c in d["claims"]), Decimal(0))
        plb = sum((money(a["amount"]) for a in d["provider_adjustments"]), Decimal(0))
        assert money(d["claims_paid_amount"]) == paid
        assert money(d["provider_adjustment_amount"]) == plb
        assert money(d["total_amount"]) == paid - plb >= 0
        for c in d["claims"]:
            check_claim(c)


def check_claim(c: dict[str, Any]) -> None:
    assert_keys(c, CLAIM_KEYS)
    adjustments = [*c["adjustments"], *(a for line in c["lines"] for a in line["adjustments"])]
    total_adj = sum((money(a["amount"]) for a in adjustments), Decimal(0))
    assert money(c["billed_amount"]) - total_adj == money(c["paid_amount"])
    pr = sum((money(a["amount"]) for a in adjustments if a["group_code"] == "PR"), Decimal(0))
    assert pr == money(c["patient_responsibility"])
    for line in c["lines"]:
        adj = sum((money(a["amount"]) for a in line["adjustments"]), Decimal(0))
        assert money(line["billed_amount"]) - adj == money(line["paid_amount"])
    assert sum((money(x["billed_amount"]) for x in c["lines"]), Decimal(0)) == money(
        c["billed_amount"])


def test_every_seeded_shape_is_in_the_office(office: Any) -> None:
    _, payments, details = office
    statuses = {c["status_code"] for d in details for c in d["claims"]}
    reasons = {a["reason_code"] for d in details for a in d["provider_adjustments"]}
    assert {"1", "4", "22"} <= statuses, statuses
    assert {"WO", "L6", "FB"} <= reasons, reasons
    assert any(len(d["claims"]) > 1 for d in details), "a payment with several claims"
    assert any(money(c["paid_amount"]) == 0 and c["status_code"] == "4"
               for d in details for c in d["claims"]), "a denial at zero"
    assert any(0 < money(c["paid_amount"]) < money(c["allowed_amount"])
               for d in details for c in d["claims"]), "a partial payment"
    assert any(p["method"] == "NON" for p in payments), "a notification without money"
    reversal = next(d for d in details if any(c["status_code"] == "22" for c in d["claims"]))
    claims = reversal["claims"]
    at = next(i for i, c in enumerate(claims) if c["status_code"] == "22")
    taken_back, corrected = claims[at], claims[at + 1]
    assert taken_back["claim_id"] == corrected["claim_id"]
    assert money(taken_back["paid_amount"]) < 0 < money(corrected["paid_amount"])
    interest = next(a for d in details for a in d["provider_adjustments"]
                    if a["reason_code"] == "L6")
    assert money(interest["amount"]) < 0, "interest adds to the deposit"


def test_claim_detail_links_to_its_payment(office: Any) -> None:
    client, _, details = office
    d = next(d for d in details if d["method"] == "ACH")
    claim = next(c for c in d["claims"] if money(c["paid_amount"]) > 0)
    resp = client.get(f"/claims/{claim['claim_id']}")
    assert resp.status_code == 200, resp.text
    pay = resp.json()["payment"]
    assert pay["payment_id"] == d["payment_id"]
    assert pay["number"] == d["trace_number"] and pay["date"] == d["paid_date"]


def test_another_office_cannot_see_a_payment(sandbox: Sandbox, office: Any) -> None:
    _, payments, _ = office
    first, second = demo_contracts_of_distinct_tins(sandbox)
    mine = demo_contract(sandbox, 0)
    other = second if first["tin"] == mine["tin"] else first
    _, stranger = fresh_client(sandbox, other)
    pid = payments[0]["payment_id"]
    assert_error(stranger.get(f"/payments/{pid}"), 404, "not_found")
    assert_error(stranger.get(f"/payments/{pid}/x12-835"), 404, "not_found")
    theirs = {p["payment_id"] for p in search(stranger, limit=500)["items"]}
    assert pid not in theirs
    assert_error(stranger.get("/payments/pm0000000000000000"), 404, "not_found")
    anonymous = Client(sandbox)
    assert anonymous.get(f"/payments/{pid}").status_code == 401


def test_835_is_plain_text_and_agrees_with_the_json(office: Any) -> None:
    client, _, details = office
    d = next(d for d in details if d["provider_adjustments"])
    resp = client.get(f"/payments/{d['payment_id']}/x12-835")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    segments = [s.strip() for s in resp.text.split("~") if s.strip()]
    assert segments[0].startswith("ISA*") and segments[-1].startswith("IEA*")
    by_id: dict[str, list[list[str]]] = {}
    for s in segments:
        elements = s.split("*")
        by_id.setdefault(elements[0], []).append(elements)
    assert Decimal(by_id["BPR"][0][2]) == money(d["total_amount"])
    assert by_id["TRN"][0][2] == d["trace_number"]
    clp = by_id["CLP"]
    assert [Decimal(e[4]) for e in clp] == [money(c["paid_amount"]) for c in d["claims"]]
    assert [e[7] for e in clp] == [c["claim_number"] for c in d["claims"]]
    plb = [Decimal(x) for e in by_id["PLB"] for x in e[4::2]]
    assert plb == [money(a["amount"]) for a in d["provider_adjustments"]]
