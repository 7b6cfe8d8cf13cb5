"""Fakes and builders for the Claims screen's widget tests (no tests of its own).

The fake client pages through an in-memory list the way the portal does (opaque
cursor, total on every page) and can be told to fail a call, so paging, retries and
hostile text can be driven without a server. End-to-end tests use the real sandbox.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from desktop.portal.claims import (
    Adjustment,
    ClaimDetail,
    ClaimLine,
    ClaimPage,
    ClaimSearch,
    ClaimStatus,
    Patient,
    Payment,
    StatusChange,
)
from desktop.portal.models import (
    Account,
    Code,
    CodeTable,
    ContactPreferences,
    SupportInfo,
    VersionedAccount,
)
from desktop.portal.playbook import Playbook, parse_playbook
from desktop.tasks import SyncTaskRunner
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from sandbox import playbook as sandbox_playbook

STATUS_WORDS = {
    "A1": "Received, but not yet accepted for processing",
    "A7": "Rejected because information is invalid",
    "F1": "Finalized: paid",
    "F2": "Finalized: denied",
    "F4": "Finalized: processing is complete and no payment will be made",
    "P3": "Pending: waiting for information already asked of the provider",
    "R4": "More information needed: supporting documents such as notes or reports",
    "19": "Receipt of the claim is acknowledged",
    "65": "The claim or line has been paid",
    "88": "Not eligible for benefits on the dates of service sent",
    "294": "Supporting documentation",
}
CARC_WORDS = {
    "1": "Deductible: the patient owes this amount toward their deductible",
    "2": "Coinsurance: the patient's percentage share of the allowed amount",
    "45": "Charge is more than the contracted fee; the difference is written off by the provider",
    "50": "Not covered because the payer does not consider it medically necessary",
    "27": "Service was after the patient's coverage ended",
}
RARC_WORDS = {
    "N115": "Decided under a local coverage policy",
    "N179": "More information has been asked of the member; the claim will be looked at again",
    "M127": "The patient's medical record for this service is missing",
}
#: The office the fake portal's clerk works for (the printout's header names it).
ACCOUNT = Account(
    username="clerk1", first_name="Casey", last_name="Clerk", email="casey@example.test",
    phone="555-0101", organization_name="Sunrise Family Practice", tin_last4="1234",
    npi="1127023095", status="active", created_at=datetime(2026, 1, 5, tzinfo=UTC),
    contact_preferences=ContactPreferences(True, False, "email"))
#: The reference portal's own playbook, as the client parses it.
PLAYBOOK = parse_playbook(sandbox_playbook.document())


def table(words: dict[str, str]) -> CodeTable:
    return CodeTable("test", tuple(Code(k, v) for k, v in words.items()))


def line(n: int = 1, *, billed: str = "100.00", allowed: str = "60.00", paid: str = "48.00",
         adjustments: Iterable[tuple[str, str, str]] = (("CO", "45", "40.00"),
                                                        ("PR", "2", "12.00")),
         remarks: Iterable[str] = (), procedure: str = "99213",
         modifiers: Iterable[str] = ("25",)) -> ClaimLine:
    return ClaimLine(
        line_number=n, service_date=date(2026, 3, 2), procedure_code=procedure,
        modifiers=tuple(modifiers), units=Decimal("1"), billed_amount=Decimal(billed),
        allowed_amount=Decimal(allowed), paid_amount=Decimal(paid),
        adjustments=tuple(Adjustment(g, c, Decimal(a)) for g, c, a in adjustments),
        remarks=tuple(remarks))


def detail(number: str = "26061000000001", *, category: str = "F1", code: str = "65",
           first: str = "Alice", last: str = "Testington", member: str = "ZZ100000001",
           lines: Iterable[ClaimLine] | None = None, billed: str = "100.00",
           allowed: str | None = "60.00", paid: str | None = "48.00",
           patient_resp: str | None = "12.00", served: date = date(2026, 3, 2),
           paid_on: date | None = date(2026, 3, 20), method: str | None = "ACH",
           payment_number: str | None = "EFT100000000001",
           claim_id: str | None = None) -> ClaimDetail:
    at = datetime(2026, 3, 5, 15, 30, tzinfo=UTC)
    history = (StatusChange("A1", "19", at), StatusChange(category, code, at + timedelta(days=3)))
    return ClaimDetail(
        claim_id=claim_id or "c" + number[-6:].lstrip("0"), claim_number=number,
        patient=Patient(first, last, date(1970, 5, 17), member),
        patient_account_number="PA10000001", billing_npi="1127023095",
        rendering_npi="1127023095", service_from=served, service_to=served,
        received_at=at, status=ClaimStatus(category, code, STATUS_WORDS.get(category, "")),
        billed_amount=Decimal(billed),
        allowed_amount=None if allowed is None else Decimal(allowed),
        paid_amount=None if paid is None else Decimal(paid),
        patient_responsibility=None if patient_resp is None else Decimal(patient_resp),
        paid_at=None if paid_on is None else datetime(paid_on.year, paid_on.month,
                                                      paid_on.day, 18, tzinfo=UTC),
        payment_number=payment_number,
        lines=tuple(lines) if lines is not None else (line(),),
        payment=Payment(method, payment_number, paid_on,
                        None if paid is None else Decimal(paid)),
        status_history=history)


def many(count: int, **overrides: Any) -> list[ClaimDetail]:
    """`count` claims with distinct numbers, newest service date first."""
    out = []
    for i in range(count):
        out.append(detail(f"26{i + 1:012d}", claim_id=f"c{i + 1}",
                          served=date(2026, 3, 1) - timedelta(days=i % 80),
                          first=f"Pat{i}", **overrides))
    return out


@dataclass
class FakeClient:
    """The portal client's claim calls, over a list; `fail` queues errors per method."""

    claims: list[ClaimDetail]
    fail: dict[str, list[BaseException]] = field(default_factory=dict)
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def _maybe_fail(self, name: str) -> None:
        queue = self.fail.get(name)
        if queue:
            raise queue.pop(0)

    def search_claims(self, criteria: ClaimSearch, cursor: str | None = None,
                      limit: int = 100, sort: str = "-service_from") -> ClaimPage:
        self.calls.append(("search_claims", (criteria, cursor, limit, sort)))
        self._maybe_fail("search_claims")
        found = [c for c in self.claims
                 if criteria.claim_number in (None, c.claim_number)
                 and criteria.member_id in (None, c.patient.member_id)]
        key = sort.lstrip("-")
        attr = {"service_from": "service_from", "billed_amount": "billed_amount",
                "received_at": "received_at"}[key]
        found.sort(key=lambda c: (getattr(c, attr), c.claim_id), reverse=sort.startswith("-"))
        start = int(cursor) if cursor else 0
        items = found[start:start + limit]
        more = start + limit < len(found)
        return ClaimPage(tuple(replace(c) for c in items),
                         str(start + limit) if more else None, len(found))

    def get_claim(self, claim_id: str) -> ClaimDetail:
        self.calls.append(("get_claim", claim_id))
        self._maybe_fail("get_claim")
        return next(c for c in self.claims if c.claim_id == claim_id)

    def get_status_codes(self) -> CodeTable:
        self.calls.append(("get_status_codes", None))
        self._maybe_fail("codes")
        return table(STATUS_WORDS)

    def get_carc_codes(self) -> CodeTable:
        return table(CARC_WORDS)

    def get_rarc_codes(self) -> CodeTable:
        return table(RARC_WORDS)

    def get_playbook(self) -> Playbook:
        return PLAYBOOK

    def list_saved_searches(self) -> tuple[Any, ...]:
        return ()

    def get_account(self) -> VersionedAccount:
        self.calls.append(("get_account", None))
        self._maybe_fail("get_account")
        return VersionedAccount(ACCOUNT, "etag-1")

    def get_support(self) -> SupportInfo:
        self.calls.append(("get_support", None))
        self._maybe_fail("get_support")
        return SupportInfo("Example Health Plan", "help@example.test", "555-0100",
                           "Mon-Fri 8-5", "https://example.test")


class FakeSession:
    """`session.call` without a portal: runs the call, counts it."""

    def __init__(self) -> None:
        self.count = 0

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return fn(*args, **kwargs)


def fake_context(claims: list[ClaimDetail], *, allow_export: bool = True,
                 allow_print: bool = True, runner: Any = None
                 ) -> tuple[ScreenContext, FakeClient]:
    client = FakeClient(claims)
    ops = Operations(client, runner or SyncTaskRunner(), guard=FakeSession())
    ctx = ScreenContext(ops=ops, allow_export=allow_export, allow_print=allow_print)
    return ctx, client
