"""A fake portal with payments (remittances read from the unit tests' sample 835)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from desktop.portal.payments import PaymentPage, PaymentSearch, PaymentSummary, Remittance
from desktop.remit835 import parse_835
from desktop.tasks import SyncTaskRunner
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from tests.ui.claims.support import FakeClient, FakeSession, detail
from tests.unit import remit835_samples as samples


def remittance(payment_id: str = "pm1", trace: str = "EFT000000000042",
               payer: str | None = None) -> Remittance:
    r = parse_835(samples.interchange(samples.transaction(trace=trace))).transactions[0]
    claims = tuple(replace(c, claim_id=f"c{i + 1}") for i, c in enumerate(r.claims))
    return replace(r, payment_id=payment_id, claims=claims,
                   payer_name=payer if payer is not None else r.payer_name)


def summary(r: Remittance) -> PaymentSummary:
    assert r.payment_id is not None and r.paid_date is not None
    return PaymentSummary(r.payment_id, r.method, r.trace_number, r.paid_date,
                          r.total_amount, len(r.claims))


@dataclass
class FakePortal(FakeClient):
    payments: list[Remittance] = field(default_factory=list)
    page_size: int = 100

    def search_payments(self, criteria: PaymentSearch, cursor: str | None = None,
                        limit: int = 100) -> PaymentPage:
        self.calls.append(("search_payments", (criteria, cursor, limit)))
        self._maybe_fail("search_payments")
        found = [p for p in self.payments
                 if criteria.trace_number in (None, p.trace_number)]
        start = int(cursor) if cursor else 0
        size = min(limit, self.page_size)
        items = tuple(summary(p) for p in found[start:start + size])
        more = start + size < len(found)
        return PaymentPage(items, str(start + size) if more else None, len(found))

    def get_payment(self, payment_id: str) -> Remittance:
        self.calls.append(("get_payment", payment_id))
        self._maybe_fail("get_payment")
        return next(p for p in self.payments if p.payment_id == payment_id)

    def get_payment_835(self, payment_id: str) -> str:
        return samples.interchange(samples.transaction())


def fake_context(payments: list[Remittance] | None = None, *, allow_export: bool = True,
                 allow_print: bool = True, **kw: Any) -> tuple[ScreenContext, FakePortal]:
    claims = [detail("2600000000001", claim_id="c1"), detail("2600000000002", claim_id="c2")]
    portal = FakePortal(claims, payments=payments if payments is not None else [
        remittance(f"pm{i}", trace=f"EFT{i:012d}") for i in range(1, 4)], **kw)
    ops = Operations(portal, SyncTaskRunner(), guard=FakeSession())
    return ScreenContext(ops=ops, allow_export=allow_export, allow_print=allow_print), portal
