"""CI for the reference portal's 835 output (issue 17, item 4).

For every seeded payment shape: pyx12's own validator (not our reader) accepts the 835
against the 005010X221A1 map with no finding, and JSON -> 835 -> read back by the
client gives the same figures as the JSON, through the real `PortalClient` over TLS.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
import pyx12.params
import pyx12.x12n_document

from desktop.portal import PortalClient
from desktop.portal.payments import PaymentSearch, Remittance
from desktop.remit835 import parse_835
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    fresh_client,
)

pytestmark = pytest.mark.e2e

Shape = Callable[[Remittance], bool]
SHAPES: dict[str, Shape] = {
    "several claims": lambda r: len(r.claims) > 1,
    "partial payment": lambda r: any(
        0 < c.paid_amount < (c.allowed_amount or 0) for c in r.claims),
    "denial at zero": lambda r: any(c.status_code == "4" and c.paid_amount == 0
                                    for c in r.claims),
    "reversal and correction": lambda r: any(c.is_reversal for c in r.claims),
    "recoupment": lambda r: any(a.reason_code == "WO" for a in r.provider_adjustments),
    "interest": lambda r: any(a.reason_code == "L6" for a in r.provider_adjustments),
    "forwarding balance": lambda r: any(a.reason_code == "FB" for a in r.provider_adjustments),
    "check": lambda r: r.method == "CHK",
    "EFT": lambda r: r.method == "ACH",
    "notification only": lambda r: r.method == "NON",
}


@pytest.fixture(scope="module")
def portal(sandbox: Sandbox) -> Iterator[PortalClient]:
    _, client = fresh_client(sandbox, demo_contract(sandbox, 0))
    api = PortalClient(sandbox.url, ca_bundle=sandbox.ca_bundle, token=client.token)
    yield api
    api.close()


@pytest.fixture(scope="module")
def samples(portal: PortalClient) -> dict[str, Remittance]:
    """The newest payment of each shape (the seed puts every shape in every office)."""
    found: dict[str, Remittance] = {}
    cursor = None
    while len(found) < len(SHAPES):
        page = portal.search_payments(PaymentSearch(), cursor=cursor, limit=100)
        for item in page.items:
            remit = portal.get_payment(item.payment_id)
            for name, shape in SHAPES.items():
                if name not in found and shape(remit):
                    found[name] = remit
        cursor = page.next_cursor
        if cursor is None:
            break
    assert set(found) == set(SHAPES), f"missing shapes: {set(SHAPES) - set(found)}"
    return found


def pyx12_findings(text: str) -> tuple[bool, list[Any]]:
    out = io.StringIO()
    valid = pyx12.x12n_document.x12n_document(
        pyx12.params.params(), io.StringIO(text), None, None, None, out)
    doc = json.loads(out.getvalue())
    errors: list[Any] = []
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            errors += node.get("errors") or []
            stack += [v for v in node.values() if isinstance(v, list | dict)]
        elif isinstance(node, list):
            stack += node
    return valid, errors


def without_ids(r: Remittance) -> Remittance:
    claims = tuple(dataclasses.replace(c, claim_id=None) for c in r.claims)
    return dataclasses.replace(r, payment_id=None, claims=claims)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_pyx12_accepts_the_835(portal: PortalClient, samples: dict[str, Remittance],
                               shape: str) -> None:
    remit = samples[shape]
    assert remit.payment_id is not None
    valid, errors = pyx12_findings(portal.get_payment_835(remit.payment_id))
    assert errors == []
    assert valid


@pytest.mark.parametrize("shape", list(SHAPES))
def test_json_835_json_round_trip(portal: PortalClient, samples: dict[str, Remittance],
                                  shape: str) -> None:
    remit = samples[shape]
    assert remit.payment_id is not None
    read = parse_835(portal.get_payment_835(remit.payment_id))
    assert read.problems == ()
    assert len(read.transactions) == 1
    back = read.transactions[0]
    assert back == without_ids(remit)
    assert back.difference == 0 and back.total_amount == remit.total_amount


def test_a_changed_amount_is_caught_by_the_reader(portal: PortalClient,
                                                  samples: dict[str, Remittance]) -> None:
    """The round trip can fail: one cent more on the deposit is a warning with 0.01."""
    remit = samples["several claims"]
    assert remit.payment_id is not None
    text = portal.get_payment_835(remit.payment_id)
    head, rest = text.split("BPR*", 1)
    flag, amount, tail = rest.split("*", 2)
    changed = Decimal(amount) + Decimal("0.01")
    read = parse_835(f"{head}BPR*{flag}*{changed}*{tail}")
    assert read.transactions[0] != without_ids(remit)
    assert any("difference is 0.01" in p.text for p in read.problems)
