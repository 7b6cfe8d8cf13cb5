"""Synthetic claims whose money and statuses add up.

Per line: billed - allowed is the contractual adjustment (CO-45); allowed - paid is the
patient's share (PR-1 deductible, PR-2 coinsurance, PR-3 copay); a denied line pays nothing
and carries one denial reason for the whole billed amount. Claim amounts are the sums of
their lines. Each claim's status history starts with receipt and ends in its current status.

Built for a million rows: patients are drawn from a per-organization pool, dates are day
ordinals until the last moment, lines and history are stored as one compact JSON column,
rows go in with `executemany` in 50,000-row transactions, and the indexes are created after
the last row.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox import codes, db, fiction

if TYPE_CHECKING:
    from sandbox.seed import Organization

log = logging.getLogger("sandbox.seed")

CHUNK = 50_000
HISTORY_DAYS = 912  # about 30 months of service dates
# Current status of a claim: category -> weight. Mostly finalized, every family present.
CATEGORY_WEIGHTS: dict[str, float] = {
    "F1": 60, "F2": 18, "F3": 2, "F4": 2, "F0": 1,
    "P1": 4, "P2": 2.5, "P3": 2, "P4": 0.5,
    "A1": 1.5, "A2": 2, "A3": 0.5, "A6": 0.5, "A7": 0.5,
    "R1": 0.5, "R3": 0.5, "R4": 0.5,
    "E0": 0.3, "E1": 0.2,
}  # fmt: skip
PAID_CATEGORIES = frozenset({"F0", "F1", "F3"})
# The last value is db.PUBLIC_ID_SQL, spelt out (a test keeps the two equal).
INSERT_SQL = (
    "INSERT INTO claims(org_id, claim_number, member_id, patient_first, patient_last, "
    "patient_first_key, patient_last_key, patient_dob, patient_account_number, billing_npi, "
    "rendering_npi, service_from, service_to, received_at, category, status_code, billed, "
    "allowed, paid, patient_resp, paid_at, payment_method, payment_number, payment_date, "
    "detail, public_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
    "'c' || lower(hex(randomblob(12))))"
)
CLAIM_COLUMNS = 25


@dataclass(frozen=True)
class Patient:
    first: str
    last: str
    dob: str
    member_id: str
    account: str


class _Dates:
    """Day ordinals and (ordinal, second) instants, formatted with a per-day cache."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def day(self, ordinal: int) -> str:
        text = self._days.get(ordinal)
        if text is None:
            text = dt.date.fromordinal(ordinal).isoformat()
            self._days[ordinal] = text
        return text

    def instant(self, ordinal: int, second: int) -> str:
        h, rem = divmod(second, 3600)
        return f"{self.day(ordinal)}T{h:02d}:{rem // 60:02d}:{rem % 60:02d}Z"


def _patients(rng: random.Random, count: int, org_index: int) -> list[Patient]:
    today = dt.date.today().toordinal()
    pool = []
    for i in range(count):
        dob = dt.date.fromordinal(today - rng.randint(365 * 1, 365 * 90)).isoformat()
        pool.append(
            Patient(
                first=rng.choice(fiction.FIRST_NAMES),
                last=rng.choice(fiction.LAST_NAMES),
                dob=dob,
                member_id=f"ZZ{rng.randrange(10**8, 10**9)}",
                account=f"PA{org_index + 1}{i:07d}",
            )
        )
    return pool


def _cents(decimal_text: str) -> int:
    whole, _, frac = decimal_text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


PROCEDURE_CENTS: list[tuple[str, int]] = [(c, _cents(p)) for c, p in codes.PROCEDURES]
COPAY_CODES = frozenset(c for c, _ in codes.PROCEDURES if c.startswith("992"))


class ClaimFactory:
    def __init__(self, rng: random.Random, today: dt.date, now_second: int) -> None:
        self.rng = rng
        self.today = today.toordinal()
        self.now_second = now_second  # seconds since midnight UTC
        self.dates = _Dates()
        self.categories = list(CATEGORY_WEIGHTS)
        self.cum_weights: list[float] = []
        total = 0.0
        for c in self.categories:
            total += CATEGORY_WEIGHTS[c]
            self.cum_weights.append(total)
        self.serial = 0

    def _at(self, ordinal: int) -> tuple[int, int]:
        """A random second of the day, never in the future."""
        if ordinal >= self.today:
            return self.today, self.rng.randrange(0, max(1, self.now_second))
        return ordinal, self.rng.randrange(6 * 3600, 22 * 3600)

    def _status_code(self, category: str) -> str:
        return self.rng.choice(codes.CATEGORY_STATUS_CODES[category])

    def make(
        self, org_id: int, npis: Sequence[str], patient: Patient, category: str | None = None
    ) -> tuple[Any, ...]:
        rng = self.rng
        if category is None:
            category = rng.choices(self.categories, cum_weights=self.cum_weights)[0]
        family = category[0]
        if family == "F":
            age = rng.randint(10, HISTORY_DAYS)
        elif family == "A":
            age = rng.randint(0, 7)
        else:
            age = rng.randint(2, 60)
        svc_from = self.today - age
        svc_to = min(self.today, svc_from + (0 if rng.random() < 0.85 else rng.randint(1, 3)))
        recv_day = min(self.today, svc_to + rng.randint(1, 20))
        received = self._at(recv_day)
        billing = npis[0]
        rendering = npis[rng.randrange(1, len(npis))] if len(npis) > 1 else npis[0]

        lines, totals = self._lines(category, svc_from, svc_to)
        billed, allowed, paid, patient_resp = totals
        if category in PAID_CATEGORIES and paid == 0:
            category = "F4"  # all of it went to the deductible or was denied
        history, decided = self._history(category, received)

        paid_at = method = number = pay_date = None
        if paid > 0:
            paid_at = self.dates.instant(*decided)
            pay_date = self.dates.day(decided[0])
            if rng.random() < 0.7:
                method, number = "ACH", f"EFT{rng.randrange(10**11, 10**12)}"
            else:
                method, number = "CHK", f"{rng.randrange(10**7, 10**8)}"

        self.serial += 1
        recv_date = dt.date.fromordinal(received[0])
        claim_number = f"{recv_date.year % 100:02d}{recv_date.timetuple().tm_yday:03d}" + (
            f"{self.serial:08d}"
        )
        detail = json.dumps([lines, history], separators=(",", ":"))
        return (
            org_id, claim_number, patient.member_id, patient.first, patient.last,
            patient.first.casefold(), patient.last.casefold(), patient.dob, patient.account,
            billing, rendering, self.dates.day(svc_from), self.dates.day(svc_to),
            self.dates.instant(*received), category, history[-1][1], billed, allowed, paid,
            patient_resp, paid_at, method, number, pay_date, detail,
        )

    def _lines(
        self, category: str, svc_from: int, svc_to: int
    ) -> tuple[list[list[Any]], tuple[int, int, int, int]]:
        rng = self.rng
        count = rng.choices((1, 2, 3, 4, 5, 6), weights=(30, 30, 20, 10, 6, 4))[0]
        adjudicated = category[0] == "F"
        lines: list[list[Any]] = []
        billed_t = allowed_t = paid_t = pr_t = 0
        # One claim in five still has some deductible left to meet.
        deductible_left = rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 2500, 10000))
        denial = rng.choice(codes.DENIAL_REASONS)
        for n in range(1, count + 1):
            proc, unit_cents = rng.choice(PROCEDURE_CENTS)
            units = 1 if rng.random() < 0.9 else rng.randint(2, 4)
            billed = unit_cents * units
            mods: list[str] = []
            if rng.random() < 0.25:
                mods = rng.sample(codes.MODIFIERS, rng.choice((1, 1, 2)))
            adjustments: list[list[Any]] = []
            remarks: list[str] = []
            allowed = paid = 0
            partly_denied = category in PAID_CATEGORIES and n > 1 and rng.random() < 0.05
            if category == "F2" or partly_denied:
                group, carc, rarcs = denial if category == "F2" else rng.choice(
                    codes.DENIAL_REASONS
                )
                adjustments.append([group, carc, billed])
                remarks = list(rarcs)
                if group == "PR":
                    pr_t += billed
            elif adjudicated:
                allowed = billed * rng.randint(45, 85) // 100
                adjustments.append(["CO", "45", billed - allowed])
                share = 0
                if category == "F4":
                    share = allowed  # everything went to the deductible: nothing to pay
                    adjustments.append(["PR", "1", allowed])
                else:
                    if deductible_left:
                        d = min(deductible_left, allowed)
                        deductible_left -= d
                        share += d
                        adjustments.append(["PR", "1", d])
                    if proc in COPAY_CODES and share < allowed and rng.random() < 0.5:
                        c = min(rng.choice((2000, 3000, 4000)), allowed - share)
                        share += c
                        adjustments.append(["PR", "3", c])
                    elif share < allowed and rng.random() < 0.5:
                        c = (allowed - share) * 20 // 100
                        share += c
                        adjustments.append(["PR", "2", c])
                paid = allowed - share
                pr_t += share
                if rng.random() < 0.1:
                    remarks.append(rng.choice(("N4", "M127", "N29")))
            elif category[0] in "PR" and rng.random() < 0.5:
                remarks.append(rng.choice(codes.PENDING_REMARKS))
            service_day = self.dates.day(rng.randint(svc_from, svc_to))
            lines.append(
                [n, service_day, proc, mods, units, billed, allowed, paid, adjustments, remarks]
            )
            billed_t += billed
            allowed_t += allowed
            paid_t += paid
        return lines, (billed_t, allowed_t, paid_t, pr_t)

    def _history(
        self, category: str, received: tuple[int, int]
    ) -> tuple[list[list[str]], tuple[int, int]]:
        """Receipt, acceptance, processing, then the current status; returns the last step."""
        rng = self.rng
        day, sec = received
        steps: list[tuple[str, tuple[int, int]]] = [("A1", (day, sec))]
        family = category[0]

        def later(days_lo: int, days_hi: int) -> tuple[int, int]:
            return self._at(min(self.today, steps[-1][1][0] + rng.randint(days_lo, days_hi)))

        if category not in ("A1", "A2", "A3", "A6", "A7") and family != "E":
            latest = self.now_second if day == self.today else 86399
            steps.append(("A2", (day, max(sec, min(sec + 3600, latest)))))
        if family in "FPR" and category not in ("P1",):
            steps.append(("P1", later(1, 3)))
        if category == "F3":
            steps.append(("F1", later(7, 20)))
        if category != "A1":
            steps.append((category, later(1, 25) if family == "F" else later(0, 3)))
        history: list[list[str]] = []
        last_at = steps[0][1]
        for cat, at in steps:
            at = max(at, last_at)
            last_at = at
            history.append([cat, self._status_code(cat), self.dates.instant(*at)])
        return history, last_at


def _claim_rows(
    rng: random.Random, orgs: Sequence[Organization], total: int
) -> Iterator[tuple[Any, ...]]:
    now = dt.datetime.now(dt.UTC)
    factory = ClaimFactory(rng, now.date(), now.hour * 3600 + now.minute * 60 + now.second)
    # Unequal organization sizes, like real practices; every one has some claims.
    weights = [rng.uniform(0.5, 1.5) for _ in orgs]
    share = sum(weights)
    counts = [int(total * w / share) for w in weights]
    counts[0] += total - sum(counts)
    for index, (org, count) in enumerate(zip(orgs, counts, strict=True)):
        pool = _patients(rng, max(20, count // 6), index)
        # The first claims of every organization cover every category, so that each
        # demo user sees every status family even in a small sandbox.
        forced = list(CATEGORY_WEIGHTS)
        for n in range(count):
            category = forced[n] if n < len(forced) else None
            yield factory.make(org.id, org.npis, rng.choice(pool), category)


def seed_claims(
    conn: sqlite3.Connection, rng: random.Random, orgs: Sequence[Organization], total: int
) -> None:
    started = time.monotonic()
    conn.execute("PRAGMA synchronous=OFF")
    try:
        rows = _claim_rows(rng, orgs, total)
        done = 0
        while True:
            chunk = [row for _, row in zip(range(CHUNK), rows, strict=False)]
            if not chunk:
                break
            with db.transaction(conn):
                conn.executemany(INSERT_SQL, chunk)
            done += len(chunk)
            if total >= 200_000:
                log.info("seeded %d of %d claims", done, total)
        inserted = time.monotonic()
        with db.transaction(conn):
            for statement in db.CLAIM_INDEXES:
                conn.execute(statement)
        conn.execute("ANALYZE")
        log.info(
            "claims: rows %.1f s, indexes %.1f s",
            inserted - started, time.monotonic() - inserted,
        )
    finally:
        conn.execute("PRAGMA synchronous=NORMAL")
