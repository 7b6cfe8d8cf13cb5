"""Claim search criteria, claim summaries and claim details as typed values.

Money is `Decimal` (the wire sends decimal strings), dates are `date` and instants
are aware UTC `datetime`s. Parsers raise `UnexpectedResponse` for any shape the
contract does not allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeGuard

from desktop.portal.wirejson import Obj, day_or_none, instant_or_none, money_or_none

CLAIM_SORTS: tuple[str, ...] = (
    "service_from", "-service_from", "billed_amount", "-billed_amount",
    "received_at", "-received_at",
)
DEFAULT_SORT = "-service_from"
MAX_LIMIT = 500
DEFAULT_LIMIT = 100
STATUS_FAMILIES: tuple[str, ...] = ("A", "P", "F", "R", "E")
GROUP_CODES: tuple[str, ...] = ("CO", "PR", "OA", "PI", "CR")
PAYMENT_METHODS: tuple[str, ...] = ("CHK", "ACH")

_SHORT = 200


@dataclass(frozen=True)
class ClaimSearch:
    """Criteria of `POST /claims/search`; None (or empty text) leaves a criterion out.

    `statuses` holds status families (`"F"`) or exact categories (`"F2"`); the portal
    matches any of them.
    """

    claim_number: str | None = None
    member_id: str | None = None
    patient_last_name: str | None = None
    patient_first_name: str | None = None
    patient_dob: date | None = None
    service_from: date | None = None
    service_to: date | None = None
    statuses: tuple[str, ...] = ()
    billing_npi: str | None = None
    rendering_npi: str | None = None

    def to_json(self) -> dict[str, str | list[str]]:
        """The criteria as the JSON body of `POST /claims/search`.

        A body, not a query string: TLS-inspecting proxies and access logs record URLs,
        and these criteria identify patients.
        """
        body: dict[str, str | list[str]] = {}
        for name in ("claim_number", "member_id", "patient_last_name", "patient_first_name",
                     "patient_dob", "service_from", "service_to"):
            value = getattr(self, name)
            if isinstance(value, date):
                body[name] = value.isoformat()
            elif value:
                body[name] = value
        statuses = [status for status in self.statuses if status]
        if statuses:
            body["status"] = statuses
        for name in ("billing_npi", "rendering_npi"):
            value = getattr(self, name)
            if value:
                body[name] = value
        return body


@dataclass(frozen=True)
class Patient:
    first_name: str
    last_name: str
    dob: date
    member_id: str


@dataclass(frozen=True)
class ClaimStatus:
    category: str  # X12 277 category, e.g. "F2"
    code: str
    label: str


@dataclass(frozen=True)
class ClaimSummary:
    claim_id: str
    claim_number: str
    patient: Patient
    patient_account_number: str | None
    billing_npi: str
    rendering_npi: str | None
    service_from: date
    service_to: date
    received_at: datetime
    status: ClaimStatus
    billed_amount: Decimal
    allowed_amount: Decimal | None
    paid_amount: Decimal | None
    patient_responsibility: Decimal | None
    paid_at: datetime | None
    payment_number: str | None


@dataclass(frozen=True)
class Adjustment:
    group_code: str
    carc: str
    amount: Decimal


@dataclass(frozen=True)
class ClaimLine:
    line_number: int
    service_date: date
    procedure_code: str
    modifiers: tuple[str, ...]
    units: Decimal
    billed_amount: Decimal
    allowed_amount: Decimal | None
    paid_amount: Decimal | None
    adjustments: tuple[Adjustment, ...]
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class Payment:
    method: str | None  # "CHK", "ACH" or None (no payment)
    number: str | None
    date: date | None
    amount: Decimal | None
    payment_id: str | None = None  # the remittance (GET /payments/{id}) it was last in


@dataclass(frozen=True)
class StatusChange:
    category: str
    code: str
    effective_at: datetime


@dataclass(frozen=True)
class ClaimDetail(ClaimSummary):
    lines: tuple[ClaimLine, ...]
    payment: Payment | None
    status_history: tuple[StatusChange, ...]


@dataclass(frozen=True)
class ClaimPage:
    items: tuple[ClaimSummary, ...]
    next_cursor: str | None
    total: int


def _summary_fields(o: Obj) -> dict[str, Any]:
    p = o.child("patient")
    s = o.child("status")
    return {
        "claim_id": o.ident("claim_id"),
        "claim_number": o.text("claim_number", nonempty=True, max_len=_SHORT),
        "patient": Patient(
            first_name=p.text("first_name", max_len=_SHORT),
            last_name=p.text("last_name", max_len=_SHORT),
            dob=p.day("dob"),
            member_id=p.text("member_id", max_len=_SHORT),
        ),
        "patient_account_number": o.opt_text("patient_account_number", max_len=_SHORT),
        "billing_npi": o.text("billing_npi", max_len=_SHORT),
        "rendering_npi": o.opt_text("rendering_npi", max_len=_SHORT),
        "service_from": o.day("service_from"),
        "service_to": o.day("service_to"),
        "received_at": o.instant("received_at"),
        "status": ClaimStatus(
            category=s.text("category", nonempty=True, max_len=10),
            code=s.text("code", max_len=20),
            label=s.text("label", max_len=2000),
        ),
        "billed_amount": o.money("billed_amount"),
        "allowed_amount": o.opt_money("allowed_amount"),
        "paid_amount": o.opt_money("paid_amount"),
        "patient_responsibility": o.opt_money("patient_responsibility"),
        "paid_at": o.opt_instant("paid_at"),
        "payment_number": o.opt_text("payment_number", max_len=_SHORT),
    }


def _short(value: object, limit: int = _SHORT) -> TypeGuard[str]:
    return type(value) is str and len(value) <= limit


def _fast_summary(doc: object) -> ClaimSummary | None:
    """The claim of a well-formed answer in one pass, or None for anything else.

    Accepts only what `_summary_fields` accepts, and builds the same values; whatever
    it does not take (a missing field, a wrong type, a number as an id, an invalid
    date) goes to `_summary_fields`, which refuses it with the field's path. A page of
    100 claims is read about twice as fast this way (no reader object, no path string
    per field).
    """
    if type(doc) is not dict:
        return None
    get = doc.get
    patient, status = get("patient"), get("status")
    if type(patient) is not dict or type(status) is not dict:
        return None
    claim_id, number = get("claim_id"), get("claim_number")
    first, last, member = patient.get("first_name"), patient.get("last_name"), \
        patient.get("member_id")
    account, billing = get("patient_account_number"), get("billing_npi")
    rendering, payment = get("rendering_npi"), get("payment_number")
    category, code, label = status.get("category"), status.get("code"), status.get("label")
    if not (_short(claim_id) and claim_id.strip() and _short(number) and number.strip()
            and _short(first) and _short(last) and _short(member) and _short(billing)
            and (account is None or _short(account))
            and (rendering is None or _short(rendering))
            and (payment is None or _short(payment))
            and _short(category, 10) and category.strip() and _short(code, 20)
            and _short(label, 2000)):
        return None
    dob, service_from, service_to = (day_or_none(patient.get("dob")),
                                     day_or_none(get("service_from")),
                                     day_or_none(get("service_to")))
    received, billed = instant_or_none(get("received_at")), money_or_none(get("billed_amount"))
    if dob is None or service_from is None or service_to is None or received is None \
            or billed is None:
        return None
    amounts: list[Decimal | None] = []
    for key in ("allowed_amount", "paid_amount", "patient_responsibility"):
        raw = get(key)
        amount = None if raw is None else money_or_none(raw)
        if raw is not None and amount is None:
            return None
        amounts.append(amount)
    raw_paid_at = get("paid_at")
    paid_at = None if raw_paid_at is None else instant_or_none(raw_paid_at)
    if raw_paid_at is not None and paid_at is None:
        return None
    return ClaimSummary(
        claim_id=claim_id, claim_number=number,
        patient=Patient(first_name=first, last_name=last, dob=dob, member_id=member),
        patient_account_number=account, billing_npi=billing, rendering_npi=rendering,
        service_from=service_from, service_to=service_to, received_at=received,
        status=ClaimStatus(category=category, code=code, label=label),
        billed_amount=billed, allowed_amount=amounts[0], paid_amount=amounts[1],
        patient_responsibility=amounts[2], paid_at=paid_at, payment_number=payment,
    )


def parse_claim_summary(doc: object, path: str = "$") -> ClaimSummary:
    fast = _fast_summary(doc)
    if fast is not None:
        return fast
    return ClaimSummary(**_summary_fields(Obj(doc, path)))


def parse_claim_page(doc: object) -> ClaimPage:
    o = Obj(doc)
    items = tuple(parse_claim_summary(item, path)
                  for item, path in o.array("items", max_items=MAX_LIMIT))
    cursor = o.opt_text("next_cursor", max_len=4096)
    return ClaimPage(items=items, next_cursor=cursor or None, total=o.integer("total"))


def _parse_line(doc: object, path: str) -> ClaimLine:
    o = Obj(doc, path)
    adjustments = []
    for item, apath in o.array("adjustments", max_items=1000):
        a = Obj(item, apath)
        adjustments.append(Adjustment(
            group_code=a.one_of("group_code", GROUP_CODES),
            carc=a.text("carc", nonempty=True, max_len=20),
            amount=a.money("amount"),
        ))
    return ClaimLine(
        line_number=o.integer("line_number", lo=0, hi=100_000),
        service_date=o.day("service_date"),
        procedure_code=o.text("procedure_code", max_len=_SHORT),
        modifiers=o.texts("modifiers", max_len=20),
        units=o.number("units"),
        billed_amount=o.money("billed_amount"),
        allowed_amount=o.opt_money("allowed_amount"),
        paid_amount=o.opt_money("paid_amount"),
        adjustments=tuple(adjustments),
        remarks=o.texts("remarks", max_len=20),
    )


def parse_claim_detail(doc: object) -> ClaimDetail:
    o = Obj(doc)
    fields = _summary_fields(o)
    lines = tuple(_parse_line(item, path) for item, path in o.array("lines", max_items=10_000))
    pay = o.opt_child("payment")
    payment = None
    if pay is not None:
        payment = Payment(
            method=pay.opt_one_of("method", PAYMENT_METHODS),
            number=pay.opt_text("number", max_len=_SHORT),
            date=pay.opt_day("date"),
            amount=pay.opt_money("amount"),
            payment_id=pay.opt_text("payment_id", max_len=_SHORT) or None,
        )
    history = []
    for item, hpath in o.array("status_history", max_items=10_000):
        h = Obj(item, hpath)
        history.append(StatusChange(
            category=h.text("category", nonempty=True, max_len=10),
            code=h.text("code", max_len=20),
            effective_at=h.instant("effective_at"),
        ))
    return ClaimDetail(
        **fields, lines=lines, payment=payment, status_history=tuple(history)
    )

