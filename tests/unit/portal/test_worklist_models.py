"""Parsers of the clerk's-day answers: shapes the contract allows, and ones it does not."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from desktop.portal.claims import ClaimSearch
from desktop.portal.errors import UnexpectedResponse
from desktop.portal.playbook import Action, CountedFrom, parse_playbook
from desktop.portal.worklist import (
    Bucket,
    WorkChanges,
    WorkState,
    criteria_json,
    parse_batch,
    parse_saved_search,
    parse_work_item,
)
from sandbox import playbook as sandbox_playbook

SUMMARY: dict[str, Any] = {
    "claim_id": "c1", "claim_number": "2622900000001",
    "patient": {"first_name": "Alice", "last_name": "Testington", "dob": "1970-05-17",
                "member_id": "ZZ100000001"},
    "patient_account_number": "PA1", "billing_npi": "1127023095",
    "rendering_npi": "1127023095", "service_from": "2026-03-02", "service_to": "2026-03-02",
    "received_at": "2026-03-05T15:30:00Z",
    "status": {"category": "F2", "code": "85", "label": "Finalized: denied"},
    "billed_amount": "100.00", "allowed_amount": "0.00", "paid_amount": "0.00",
    "patient_responsibility": "0.00", "paid_at": None, "payment_number": None,
    "decided_at": "2026-03-20",
    "reasons": [{"group_code": "CO", "carc": "50", "remarks": ["N115"]}], "remarks": ["N115"],
}
ITEM: dict[str, Any] = {
    "item_id": "w_abc", "claim_id": "c1", "claim_number": "2622900000001",
    "patient_name": "Testington, Alice",
    "status": {"category": "F2", "code": "85", "label": "Finalized: denied"},
    "due_date": "2026-03-10", "note": "Call", "state": "open", "bucket": "today",
    "assignee": {"username": "clerk-one", "display_name": "Pat Placeholder"},
    "updated_at": "2026-03-01T12:00:00Z", "etag": '"abc"',
}


def test_batch_found_and_not_found() -> None:
    items = parse_batch({"items": [{"claim_number": "2622900000001", "found": True,
                                    "claim": SUMMARY},
                                   {"claim_number": "9", "found": False, "claim": None}]})
    assert items[0].claim is not None and items[0].claim.decided_at == date(2026, 3, 20)
    assert items[0].claim.reasons[0].remarks == ("N115",)
    assert items[1].claim is None


@pytest.mark.parametrize("broken", [
    {"items": [{"claim_number": "1", "found": "yes", "claim": None}]},
    {"items": [{"claim_number": "1", "found": True, "claim": None}]},
    {"items": [{"found": False, "claim": None}]},
    {"items": [{"claim_number": "1", "found": True, "claim": {**SUMMARY, "reasons": "CO"}}]},
    {"items": "none"},
])
def test_batch_shapes_the_contract_does_not_allow(broken: dict[str, Any]) -> None:
    with pytest.raises(UnexpectedResponse):
        parse_batch(broken)


def test_work_item_and_its_enums() -> None:
    item = parse_work_item(ITEM)
    assert item.state is WorkState.OPEN and item.bucket is Bucket.TODAY
    assert parse_work_item({**ITEM, "state": "done", "bucket": None}).bucket is None
    for bad in ({"state": "closed"}, {"bucket": "someday"}, {"etag": ""}):
        with pytest.raises(UnexpectedResponse):
            parse_work_item({**copy.deepcopy(ITEM), **bad})


def test_changes_send_only_what_changed() -> None:
    assert WorkChanges(state=WorkState.DONE).to_json() == {"state": "done"}
    assert WorkChanges(due_date=date(2026, 4, 1), assignee="x").to_json() == {
        "due_date": "2026-04-01", "assignee": "x"}


def test_saved_search_criteria_round_trip() -> None:
    criteria = ClaimSearch(member_id="ZZ1", patient_dob=date(1970, 5, 17),
                           statuses=("F2", "P"), service_from=date(2026, 1, 1))
    body = criteria_json(criteria)
    assert body == {"member_id": "ZZ1", "patient_dob": "1970-05-17",
                    "service_from": "2026-01-01", "status": ["F2", "P"]}
    saved = parse_saved_search({"search_id": "s_1", "name": "n", "criteria": body,
                                "created_at": "2026-03-01T12:00:00Z"})
    assert saved.criteria == criteria


def test_the_reference_playbook_parses() -> None:
    book = parse_playbook(sandbox_playbook.document())
    assert set(book.labels) == set(Action)
    assert book.windows["timely_filing"].counted_from is CountedFrom.SERVICE_DATE
    with pytest.raises(UnexpectedResponse):
        parse_playbook({**sandbox_playbook.document(), "rules": [{"action": "pray"}]})
