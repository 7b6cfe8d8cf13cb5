"""The one-pass claim reader accepts exactly what the checked reader accepts.

`parse_claim_summary` first tries `_fast_summary`; whatever that does not take goes to
the field-by-field reader. Each case here mutates one field of a valid claim and
expects the same claim, or the same refusal with the same field path, both ways.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from desktop.portal.claims import ClaimSummary, _fast_summary, _summary_fields, parse_claim_summary
from desktop.portal.errors import UnexpectedResponse
from desktop.portal.wirejson import Obj, decode_json
from tests.unit.portal import samples

_MISSING = object()

BAD_VALUES: list[Any] = [
    _MISSING, None, "", "   ", 7, 0, -1, True, 1.5, [], {}, "x" * 201, "x" * 2001,
    "2026-02-30", "2026-2-3", "2026-12-01T10:00:00", "2026-12-01T10:00:00.1234567891Z",
    "2026-12-01T25:00:00Z", "2026-12-01T10:00:00+05:30", "12.345", "12.34567", "-0.50",
    "1e3", "١٢٣", "12.", " 12.00", "A" * 10, "A" * 11,
]
FIELDS = [
    ("claim_id",), ("claim_number",), ("patient",), ("patient", "first_name"),
    ("patient", "last_name"), ("patient", "dob"), ("patient", "member_id"),
    ("patient_account_number",), ("billing_npi",), ("rendering_npi",), ("service_from",),
    ("service_to",), ("received_at",), ("status",), ("status", "category"),
    ("status", "code"), ("status", "label"), ("billed_amount",), ("allowed_amount",),
    ("paid_amount",), ("patient_responsibility",), ("paid_at",), ("payment_number",),
]


def _checked(doc: object) -> ClaimSummary | str:
    try:
        return ClaimSummary(**_summary_fields(Obj(doc, "$")))
    except UnexpectedResponse as exc:
        return str(exc.detail)


def _fast_way(doc: object) -> ClaimSummary | str:
    try:
        return parse_claim_summary(doc)
    except UnexpectedResponse as exc:
        return str(exc.detail)


def _mutated(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(decode_json(json.dumps(samples.CLAIM_SUMMARY).encode()))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is _MISSING:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return doc


def test_a_well_formed_claim_takes_the_fast_path() -> None:
    doc = decode_json(json.dumps(samples.CLAIM_SUMMARY).encode())
    fast = _fast_summary(doc)
    assert fast is not None
    assert fast == _checked(doc)


@pytest.mark.parametrize("path", FIELDS, ids=".".join)
def test_every_mutation_is_read_or_refused_alike(path: tuple[str, ...]) -> None:
    for value in BAD_VALUES:
        doc = _mutated(path, value)
        assert _fast_way(doc) == _checked(doc), (path, value)


@pytest.mark.parametrize("doc", [None, [], "claim", 3])
def test_not_an_object(doc: object) -> None:
    assert _fast_way(doc) == _checked(doc)
