"""Payment models from the portal's JSON: shapes refused, figures exact, criteria sent."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desktop.portal.errors import UnexpectedResponse
from desktop.portal.payments import PaymentSearch, parse_payment_page, parse_remittance

LINE = {"line_number": 1, "service_date": "2026-10-15", "procedure_code": "99213",
        "modifiers": ["25"], "units": 1, "billed_amount": "200.00", "allowed_amount": "140.00",
        "paid_amount": "120.00", "remarks": ["N4"],
        "adjustments": [{"group_code": "CO", "carc": "45", "amount": "60.00"},
                        {"group_code": "PR", "carc": "3", "amount": "20.00"}]}
REMIT: dict[str, Any] = {
    "payment_id": "pm1", "method": "ACH", "trace_number": "EFT1", "paid_date": "2026-11-01",
    "total_amount": "110.00", "claim_count": 1,
    "payer": {"name": "Example Plan", "payer_id": "X", "contact_phone": "5555550100"},
    "payee": {"name": "Example Office", "tin_last4": "1234", "npi": "1999999984"},
    "claims_paid_amount": "120.00", "provider_adjustment_amount": "10.00",
    "claims": [{"claim_id": "c-opaque", "claim_number": "2600000000001",
                "patient_control_number": "PA1", "status_code": "1",
                "status_label": "Processed as primary",
                "patient": {"first_name": "Zoe", "last_name": "Testperson",
                            "member_id": "ZZ1"},
                "rendering_npi": "1999999984", "service_from": "2026-10-15",
                "service_to": "2026-10-15", "billed_amount": "200.00",
                "allowed_amount": "140.00", "paid_amount": "120.00",
                "patient_responsibility": "20.00", "adjustments": [], "remarks": [],
                "lines": [LINE]}],
    "provider_adjustments": [{"reason_code": "WO", "reason_label": "Recovery",
                              "reference": "OLD1", "amount": "10.00"}],
}


def test_a_remittance_is_read_exactly() -> None:
    r = parse_remittance(REMIT)
    assert r.total_amount == Decimal("110.00") and r.difference == 0
    assert r.claims[0].claim_id == "c-opaque" and r.claims[0].difference == 0
    assert r.claims[0].lines[0].adjustments[1].amount == Decimal("20.00")
    assert r.paid_date == date(2026, 11, 1) and r.payee_tin_last4 == "1234"


@pytest.mark.parametrize("path", [
    ("total_amount",), ("claims", 0, "paid_amount"), ("claims", 0, "lines", 0, "adjustments",
                                                       0, "group_code"), ("method",),
    ("payee",), ("provider_adjustments", 0, "amount")])
def test_a_wrong_shape_is_an_unexpected_response(path: tuple[Any, ...]) -> None:
    doc = copy.deepcopy(REMIT)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = 12.5 if path[-1] != "group_code" else "XX"
    with pytest.raises(UnexpectedResponse):
        parse_remittance(doc)


def test_a_page_and_its_cursor() -> None:
    page = parse_payment_page({"items": [{k: REMIT[k] for k in (
        "payment_id", "method", "trace_number", "paid_date", "total_amount", "claim_count")}],
        "next_cursor": "abc", "total": 7})
    assert page.total == 7 and page.next_cursor == "abc" and page.items[0].payment_id == "pm1"


def test_criteria_leave_out_what_is_empty() -> None:
    assert PaymentSearch().to_json() == {}
    body = PaymentSearch(paid_from=date(2026, 1, 2), amount_min=Decimal("5"),
                         trace_number=" EFT1 ", method="ACH").to_json()
    assert body == {"paid_from": "2026-01-02", "amount_min": "5.00", "trace_number": "EFT1",
                    "method": "ACH"}
