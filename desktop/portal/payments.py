"""Payments and remittances as typed values, from the portal's JSON or from an 835 file.

One `Remittance` type serves both sources, so the screen shows a payment fetched from the
portal and an 835 opened from disk in the same view. Money is `Decimal`. A remittance
read from a file has no portal ids (`payment_id`, `claim_id` are None).

The arithmetic a clerk checks lives here, once: the deposit is the claims paid minus the
provider-level adjustments (a positive PLB amount is money withheld, a negative one, such
as interest, is added), and a claim's paid amount is its billed amount minus its claim-
and line-level adjustments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.portal.wirejson import Obj

PAYMENT_METHODS: tuple[str, ...] = ("ACH", "CHK", "NON")
GROUP_CODES: tuple[str, ...] = ("CO", "PR", "OA", "PI", "CR")
DEFAULT_PAGE, MAX_PAGE = 100, 500
CLAIM_STATUS: dict[str, str] = {
    "1": "Processed as primary",
    "2": "Processed as secondary",
    "3": "Processed as tertiary",
    "4": "Denied",
    "19": "Processed as primary, forwarded to another payer",
    "20": "Processed as secondary, forwarded to another payer",
    "21": "Processed as tertiary, forwarded to another payer",
    "22": "Reversal of earlier payment",
    "23": "Not our claim, forwarded to another payer",
    "25": "Predetermination only, no payment",
}
_SHORT = 200
ZERO = Decimal(0)


@dataclass(frozen=True)
class PaymentSearch:
    """Criteria of `POST /payments/search`; None leaves a criterion out."""

    paid_from: date | None = None
    paid_to: date | None = None
    trace_number: str | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    method: str | None = None

    def to_json(self) -> dict[str, str]:
        body: dict[str, str] = {}
        for key in ("paid_from", "paid_to"):
            day = getattr(self, key)
            if day is not None:
                body[key] = day.isoformat()
        for key in ("amount_min", "amount_max"):
            amount = getattr(self, key)
            if amount is not None:
                body[key] = f"{amount:.2f}"
        if self.trace_number:
            body["trace_number"] = self.trace_number.strip()
        if self.method:
            body["method"] = self.method
        return body


@dataclass(frozen=True)
class PaymentSummary:
    payment_id: str
    method: str
    trace_number: str
    paid_date: date
    total_amount: Decimal
    claim_count: int


@dataclass(frozen=True)
class PaymentPage:
    items: tuple[PaymentSummary, ...]
    next_cursor: str | None
    total: int


@dataclass(frozen=True)
class RemitAdjustment:
    group_code: str
    carc: str
    amount: Decimal


@dataclass(frozen=True)
class RemitLine:
    line_number: int
    service_date: date | None
    procedure_code: str
    modifiers: tuple[str, ...]
    units: Decimal
    billed_amount: Decimal
    allowed_amount: Decimal | None
    paid_amount: Decimal
    adjustments: tuple[RemitAdjustment, ...]
    remarks: tuple[str, ...]

    @property
    def difference(self) -> Decimal:
        """Billed - adjustments - paid: zero when the line balances."""
        return self.billed_amount - sum((a.amount for a in self.adjustments), ZERO) - (
            self.paid_amount)


@dataclass(frozen=True)
class RemitClaim:
    claim_id: str | None
    claim_number: str
    patient_control_number: str
    status_code: str
    patient_first: str
    patient_last: str
    member_id: str
    service_from: date | None
    service_to: date | None
    billed_amount: Decimal
    allowed_amount: Decimal | None
    paid_amount: Decimal
    patient_responsibility: Decimal
    adjustments: tuple[RemitAdjustment, ...]
    remarks: tuple[str, ...]
    lines: tuple[RemitLine, ...]

    @property
    def status_label(self) -> str:
        return CLAIM_STATUS.get(self.status_code, f"Status {self.status_code}")

    @property
    def is_reversal(self) -> bool:
        return self.status_code == "22"

    def all_adjustments(self) -> tuple[RemitAdjustment, ...]:
        return self.adjustments + tuple(a for line in self.lines for a in line.adjustments)

    @property
    def difference(self) -> Decimal:
        """Billed - every adjustment - paid: zero when the claim balances."""
        return self.billed_amount - sum((a.amount for a in self.all_adjustments()), ZERO) - (
            self.paid_amount)


@dataclass(frozen=True)
class ProviderAdjustment:
    reason_code: str
    reference: str
    amount: Decimal


@dataclass(frozen=True)
class Remittance:
    payment_id: str | None
    method: str
    trace_number: str
    paid_date: date | None
    total_amount: Decimal
    payer_name: str
    payee_name: str
    payee_npi: str
    payee_tin_last4: str
    claims: tuple[RemitClaim, ...]
    provider_adjustments: tuple[ProviderAdjustment, ...]

    @property
    def claims_paid(self) -> Decimal:
        return sum((c.paid_amount for c in self.claims), ZERO)

    @property
    def provider_adjustment_total(self) -> Decimal:
        return sum((a.amount for a in self.provider_adjustments), ZERO)

    @property
    def difference(self) -> Decimal:
        """Deposit - (claims paid - provider adjustments): zero when the payment balances."""
        return self.total_amount - (self.claims_paid - self.provider_adjustment_total)


def _summary(o: Obj) -> PaymentSummary:
    return PaymentSummary(
        payment_id=o.ident("payment_id"),
        method=o.one_of("method", PAYMENT_METHODS),
        trace_number=o.text("trace_number", nonempty=True, max_len=_SHORT),
        paid_date=o.day("paid_date"),
        total_amount=o.money("total_amount"),
        claim_count=o.integer("claim_count", hi=10_000_000),
    )


def parse_payment_page(doc: object) -> PaymentPage:
    o = Obj(doc)
    items = tuple(_summary(Obj(item, path))
                  for item, path in o.array("items", max_items=MAX_PAGE))
    cursor = o.opt_text("next_cursor", max_len=4096)
    return PaymentPage(items=items, next_cursor=cursor or None, total=o.integer("total"))


def _adjustments(o: Obj) -> tuple[RemitAdjustment, ...]:
    out = []
    for item, path in o.array("adjustments", max_items=1000):
        a = Obj(item, path)
        out.append(RemitAdjustment(a.one_of("group_code", GROUP_CODES),
                                   a.text("carc", nonempty=True, max_len=20), a.money("amount")))
    return tuple(out)


def _line(o: Obj) -> RemitLine:
    return RemitLine(
        line_number=o.integer("line_number", hi=100_000),
        service_date=o.opt_day("service_date"),
        procedure_code=o.text("procedure_code", max_len=_SHORT),
        modifiers=o.texts("modifiers", max_len=20),
        units=o.number("units"),
        billed_amount=o.money("billed_amount"),
        allowed_amount=o.opt_money("allowed_amount"),
        paid_amount=o.money("paid_amount"),
        adjustments=_adjustments(o),
        remarks=o.texts("remarks", max_len=20),
    )


def _claim(o: Obj) -> RemitClaim:
    p = o.child("patient")
    return RemitClaim(
        claim_id=o.ident("claim_id"),
        claim_number=o.text("claim_number", nonempty=True, max_len=_SHORT),
        patient_control_number=o.text("patient_control_number", max_len=_SHORT),
        status_code=o.text("status_code", nonempty=True, max_len=4),
        patient_first=p.text("first_name", max_len=_SHORT),
        patient_last=p.text("last_name", max_len=_SHORT),
        member_id=p.text("member_id", max_len=_SHORT),
        service_from=o.opt_day("service_from"),
        service_to=o.opt_day("service_to"),
        billed_amount=o.money("billed_amount"),
        allowed_amount=o.opt_money("allowed_amount"),
        paid_amount=o.money("paid_amount"),
        patient_responsibility=o.money("patient_responsibility"),
        adjustments=_adjustments(o),
        remarks=o.texts("remarks", max_len=20),
        lines=tuple(_line(Obj(item, path))
                    for item, path in o.array("lines", max_items=10_000)),
    )


def parse_remittance(doc: object) -> Remittance:
    o = Obj(doc)
    summary = _summary(o)
    payer, payee = o.child("payer"), o.child("payee")
    plb = []
    for item, path in o.array("provider_adjustments", max_items=10_000):
        a = Obj(item, path)
        plb.append(ProviderAdjustment(a.text("reason_code", nonempty=True, max_len=4),
                                      a.text("reference", max_len=_SHORT), a.money("amount")))
    return Remittance(
        payment_id=summary.payment_id,
        method=summary.method,
        trace_number=summary.trace_number,
        paid_date=summary.paid_date,
        total_amount=summary.total_amount,
        payer_name=payer.text("name", max_len=_SHORT),
        payee_name=payee.text("name", max_len=_SHORT),
        payee_npi=payee.text("npi", max_len=20),
        payee_tin_last4=payee.text("tin_last4", max_len=4),
        claims=tuple(_claim(Obj(item, path))
                     for item, path in o.array("claims", max_items=100_000)),
        provider_adjustments=tuple(plb),
    )
