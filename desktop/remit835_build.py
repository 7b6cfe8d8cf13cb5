"""From 835 segments to `Remittance` values, with the checks a clerk does by hand.

Fed one pyx12 segment at a time by `desktop.remit835.parse_835`. A segment where the
guide does not allow it (an SVC before any CLP, a second BPR) is reported and skipped;
an amount that is not a number counts as zero and is reported. Balancing is checked per
line, per claim and per transaction, and each difference is a warning with its amount.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Protocol

from desktop.portal.payments import (
    GROUP_CODES,
    ZERO,
    ProviderAdjustment,
    RemitAdjustment,
    RemitClaim,
    RemitLine,
    Remittance,
)
from desktop.remit835_check import check_claim, check_payment

MAX_TRIPLETS, MAX_PLB_PAIRS = 6, 6


class Severity(Enum):
    ERROR = "error"  # the guide is not followed: figures may be incomplete
    WARNING = "warning"  # readable, but something does not add up


@dataclass(frozen=True)
class Problem:
    severity: Severity
    segment_number: int  # counted from the ISA, as pyx12 counts
    segment_id: str
    text: str

    @property
    def where(self) -> str:
        return f"segment {self.segment_number:,} ({self.segment_id})"


class Segment(Protocol):
    def get_value(self, ref_des: str) -> str | None: ...


class PyX12Segment(Protocol):
    """The part of `pyx12.segment.Segment` that `Elements` reads."""

    elements: list[Any]


@functools.lru_cache(maxsize=512)
def _ref(ref_des: str) -> tuple[int, int | None]:
    """"CLP04" -> (3, None); "SVC01-2" -> (0, 1): zero-based element and component."""
    head, _, sub = ref_des.partition("-")
    return int(head[-2:]) - 1, (int(sub) - 1 if sub else None)


class Elements:
    """Positional reads of a pyx12 segment without its reference-designator parser.

    pyx12's `Segment.get_value` builds a path object per call, which is most of the
    time spent on a 10,000-claim file; the segment's parsed elements are read directly.
    """

    __slots__ = ("_elements",)

    def __init__(self, seg: PyX12Segment) -> None:
        self._elements = seg.elements

    def get_value(self, ref_des: str) -> str | None:
        index, sub = _ref(ref_des)
        if index >= len(self._elements):
            return None
        parts = self._elements[index].elements
        if sub is None:
            if len(parts) == 1:
                return str(parts[0].get_value())
            return str(self._elements[index].format())
        return str(parts[sub].get_value()) if sub < len(parts) else None


@dataclass
class _Line:
    number: int
    billed: Decimal
    paid: Decimal
    units: Decimal
    procedure: str
    modifiers: tuple[str, ...]
    day: date | None = None
    allowed: Decimal | None = None
    adjustments: list[RemitAdjustment] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)


@dataclass
class _Claim:
    values: dict[str, str]
    billed: Decimal
    paid: Decimal
    responsibility: Decimal
    first_segment: int
    adjustments: list[RemitAdjustment] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    dates: dict[str, date] = field(default_factory=dict)
    lines: list[_Line] = field(default_factory=list)


@dataclass
class _Payment:
    first_segment: int
    values: dict[str, str] = field(default_factory=dict)
    total: Decimal = ZERO
    paid_date: date | None = None
    party: str = ""
    claims: list[RemitClaim] = field(default_factory=list)
    plb: list[ProviderAdjustment] = field(default_factory=list)
    current: _Claim | None = None


def _day(text: str | None) -> date | None:
    if text is None or len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


class Builder:
    """Collects transactions and problems; `finish` hands them over."""

    def __init__(self) -> None:
        self.transactions: list[Remittance] = []
        self.problems: list[Problem] = []
        self._pay: _Payment | None = None
        self._n = 0
        self._seg_id = ""

    # --- problems ---------------------------------------------------------------------

    def problem(self, text: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(severity, self._n, self._seg_id, text))

    def envelope_problem(self, text: str, number: int) -> None:
        self.problems.append(Problem(Severity.ERROR, number, "envelope", text))

    def _money(self, seg: Segment, ref: str, *, required: bool = True) -> Decimal:
        text = seg.get_value(ref)
        if text is None or text == "":
            if required:
                self.problem(f"{ref} (an amount) is missing; it is counted as 0.00.")
            return ZERO
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or abs(value) >= 10**13:
            self.problem(f"{ref} is not an amount; it is counted as 0.00.")
            return ZERO
        return value.quantize(Decimal("0.01"))

    # --- segments ---------------------------------------------------------------------

    def add(self, seg_id: str, seg: Segment, number: int) -> None:
        self._n, self._seg_id = number, seg_id
        if seg_id == "ST":
            if self._pay is not None:
                self.problem("A new transaction (ST) starts before the last one ended (SE).")
                self._close()
            self._pay = _Payment(number)
            return
        if seg_id in ("ISA", "GS", "GE", "IEA"):
            return
        pay = self._pay
        if pay is None:
            self.problem(f"A {seg_id} segment outside any transaction (ST/SE) was skipped.")
            return
        if seg_id == "SE":
            self._close()
            return
        handler = getattr(self, "_seg_" + seg_id, None)
        if handler is not None:
            handler(pay, seg)

    def _seg_BPR(self, pay: _Payment, seg: Segment) -> None:
        pay.total = self._money(seg, "BPR02")
        if seg.get_value("BPR03") == "D":
            pay.total = -pay.total
        pay.values["method"] = seg.get_value("BPR04") or ""
        pay.paid_date = _day(seg.get_value("BPR16"))

    def _seg_TRN(self, pay: _Payment, seg: Segment) -> None:
        pay.values["trace"] = seg.get_value("TRN02") or ""

    def _seg_N1(self, pay: _Payment, seg: Segment) -> None:
        pay.party = seg.get_value("N101") or ""
        name = seg.get_value("N102") or ""
        if pay.party == "PR":
            pay.values["payer"] = name
        elif pay.party == "PE":
            pay.values["payee"] = name
            if seg.get_value("N103") == "XX":
                pay.values["npi"] = seg.get_value("N104") or ""

    def _seg_REF(self, pay: _Payment, seg: Segment) -> None:
        qualifier, value = seg.get_value("REF01"), seg.get_value("REF02") or ""
        if qualifier == "TJ" and pay.party == "PE" and pay.current is None:
            pay.values["tin_last4"] = value[-4:]  # the full TIN is never kept
        elif qualifier == "6R" and pay.current is not None and pay.current.lines:
            if value.isdigit() and len(value) < 7:
                pay.current.lines[-1].number = int(value)

    def _seg_CLP(self, pay: _Payment, seg: Segment) -> None:
        self._close_claim(pay)
        values = {k: seg.get_value(f"CLP{k}") or "" for k in ("01", "02", "07")}
        if not values["02"]:
            self.problem("The claim has no status (CLP02).")
        pay.current = _Claim(values, self._money(seg, "CLP03"), self._money(seg, "CLP04"),
                             self._money(seg, "CLP05", required=False), self._n)

    def _seg_CAS(self, pay: _Payment, seg: Segment) -> None:
        claim = pay.current
        if claim is None:
            self.problem("An adjustment (CAS) outside any claim was skipped.")
            return
        group = seg.get_value("CAS01") or ""
        if group not in GROUP_CODES:
            self.problem(f"Unknown adjustment group code {group[:4]!r}; the adjustment "
                         "is shown as it is.", Severity.WARNING)
        target = claim.lines[-1].adjustments if claim.lines else claim.adjustments
        for i in range(MAX_TRIPLETS):
            carc = seg.get_value(f"CAS{2 + 3 * i:02d}")
            if not carc:
                continue
            target.append(RemitAdjustment(group, carc, self._money(seg, f"CAS{3 + 3 * i:02d}")))

    def _seg_NM1(self, pay: _Payment, seg: Segment) -> None:
        if pay.current is not None and seg.get_value("NM101") == "QC":
            pay.current.values.update(last=seg.get_value("NM103") or "",
                                      first=seg.get_value("NM104") or "",
                                      member=seg.get_value("NM109") or "")

    def _seg_MOA(self, pay: _Payment, seg: Segment) -> None:
        if pay.current is not None:
            pay.current.remarks += [c for i in range(3, 8)
                                    if (c := seg.get_value(f"MOA{i:02d}"))]

    def _seg_DTM(self, pay: _Payment, seg: Segment) -> None:
        claim, qualifier = pay.current, seg.get_value("DTM01") or ""
        day = _day(seg.get_value("DTM02"))
        if claim is None or day is None:
            return
        if claim.lines and qualifier in ("472", "150"):
            claim.lines[-1].day = day
        elif not claim.lines:
            claim.dates[qualifier] = day

    def _seg_SVC(self, pay: _Payment, seg: Segment) -> None:
        claim = pay.current
        if claim is None:
            self.problem("A service line (SVC) outside any claim was skipped.")
            return
        units_text = seg.get_value("SVC05") or "1"
        try:
            units = Decimal(units_text)
        except InvalidOperation:
            units = Decimal(1)
        modifiers = tuple(m for i in range(3, 7) if (m := seg.get_value(f"SVC01-{i}")))
        claim.lines.append(_Line(len(claim.lines) + 1, self._money(seg, "SVC02"),
                                 self._money(seg, "SVC03"), units,
                                 seg.get_value("SVC01-2") or "", modifiers))

    def _seg_AMT(self, pay: _Payment, seg: Segment) -> None:
        claim = pay.current
        if claim is not None and claim.lines and seg.get_value("AMT01") == "B6":
            claim.lines[-1].allowed = self._money(seg, "AMT02")

    def _seg_LQ(self, pay: _Payment, seg: Segment) -> None:
        claim = pay.current
        if claim is not None and claim.lines and seg.get_value("LQ01") == "HE":
            claim.lines[-1].remarks.append(seg.get_value("LQ02") or "")

    def _seg_PLB(self, pay: _Payment, seg: Segment) -> None:
        self._close_claim(pay)
        for i in range(MAX_PLB_PAIRS):
            reason = seg.get_value(f"PLB{3 + 2 * i:02d}-1")
            if not reason:
                continue
            reference = seg.get_value(f"PLB{3 + 2 * i:02d}-2") or ""
            pay.plb.append(ProviderAdjustment(reason, reference,
                                              self._money(seg, f"PLB{4 + 2 * i:02d}")))

    # --- closing ----------------------------------------------------------------------

    def _close_claim(self, pay: _Payment) -> None:
        if pay.current is not None:
            claim = _finish_claim(pay.current)
            for text in check_claim(claim):
                self.problems.append(Problem(Severity.WARNING, pay.current.first_segment,
                                             "CLP", text))
            pay.claims.append(claim)
            pay.current = None

    def _close(self) -> None:
        pay = self._pay
        if pay is None:
            return
        self._close_claim(pay)
        remittance = _finish_payment(pay)
        for text in check_payment(remittance):
            self.problems.append(Problem(Severity.WARNING, pay.first_segment, "ST", text))
        self.transactions.append(remittance)
        self._pay = None

    def finish(self, count: int) -> tuple[list[Remittance], list[Problem]]:
        if self._pay is not None:
            self._n, self._seg_id = count, "end of file"
            self.problem("The file ends inside a transaction (no SE): it may be truncated. "
                         "What was read is shown.")
            self._close()
        return self.transactions, self.problems


def _finish_claim(c: _Claim) -> RemitClaim:
    lines = tuple(RemitLine(
        line_number=x.number, service_date=x.day, procedure_code=x.procedure,
        modifiers=x.modifiers, units=x.units, billed_amount=x.billed,
        allowed_amount=x.allowed, paid_amount=x.paid, adjustments=tuple(x.adjustments),
        remarks=tuple(x.remarks)) for x in c.lines)
    allowed = None
    if lines and all(x.allowed_amount is not None for x in lines):
        allowed = sum((x.allowed_amount or ZERO for x in lines), ZERO)
    return RemitClaim(
        claim_id=None, claim_number=c.values["07"], patient_control_number=c.values["01"],
        status_code=c.values["02"], patient_first=c.values.get("first", ""),
        patient_last=c.values.get("last", ""), member_id=c.values.get("member", ""),
        service_from=c.dates.get("232"), service_to=c.dates.get("233"),
        billed_amount=c.billed, allowed_amount=allowed, paid_amount=c.paid,
        patient_responsibility=c.responsibility, adjustments=tuple(c.adjustments),
        remarks=tuple(c.remarks), lines=lines)


def _finish_payment(p: _Payment) -> Remittance:
    v = p.values
    return Remittance(
        payment_id=None, method=v.get("method", ""), trace_number=v.get("trace", ""),
        paid_date=p.paid_date, total_amount=p.total, payer_name=v.get("payer", ""),
        payee_name=v.get("payee", ""), payee_npi=v.get("npi", ""),
        payee_tin_last4=v.get("tin_last4", ""), claims=tuple(p.claims),
        provider_adjustments=tuple(p.plb))
