"""Synthetic payments (remittances) built from the finalized claims.

A payer pays an office in weekly runs: every finalized claim of an office whose decision
falls in the same week, paid the same way, goes into one payment (one EFT or one check).
Claims decided at zero (denials, all-deductible claims) ride along in that week's payment,
or in a notification-only payment (method NON) when the office was paid nothing that week.
The paid claims' `payment_number`, `payment_date` and `paid_at` become the payment's, so a
claim and its remittance always agree.

Then each office's most recent payments get the shapes a clerk must learn to read:
a reversal and correction (CLP status 22), a recoupment of an earlier overpayment (PLB WO),
interest (PLB L6) and a forwarding balance (PLB FB). Every figure stays balanced: claim paid =
billed - adjustments, deposit = claims paid - provider-level adjustments.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sandbox import db

SELECT_FINALIZED = (
    "SELECT id, org_id, category, paid, payment_method, "
    "json_extract(detail, '$[1][#-1][2]') AS decided_at "
    "FROM claims WHERE category LIKE 'F%' ORDER BY org_id, decided_at, id"
)


@dataclass
class Entry:
    claim_row_id: int
    status: str  # CLP02: 1 processed as primary, 4 denied, 22 reversal of a prior payment
    sign: int = 1
    lines: str | None = None  # JSON of the lines when they differ from the claim's own


@dataclass
class SeedPayment:
    org_id: int
    method: str
    paid_date: str
    paid_at: str
    entries: list[Entry] = field(default_factory=list)
    paid_claims: list[int] = field(default_factory=list)
    claims_paid: int = 0
    plb: list[list[Any]] = field(default_factory=list)  # [code, reference, cents]


def _week(instant: str) -> int:
    return dt.date.fromisoformat(instant[:10]).toordinal() // 7


def group_claims(rows: Iterable[sqlite3.Row]) -> list[SeedPayment]:
    """Weekly runs per office and method; zero-paid claims join that week's payment."""
    paid: dict[tuple[int, str, int], SeedPayment] = {}
    zero: dict[tuple[int, int], list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        week = _week(row["decided_at"])
        if row["paid"] > 0:
            key = (row["org_id"], row["payment_method"], week)
            pay = paid.get(key)
            if pay is None:
                pay = paid[key] = SeedPayment(row["org_id"], row["payment_method"],
                                              row["decided_at"][:10], row["decided_at"])
            pay.paid_date = max(pay.paid_date, row["decided_at"][:10])
            pay.paid_at = max(pay.paid_at, row["decided_at"])
            pay.entries.append(Entry(row["id"], "1"))
            pay.paid_claims.append(row["id"])
            pay.claims_paid += row["paid"]
        else:
            zero[(row["org_id"], week)].append(row)
    by_week: dict[tuple[int, int], SeedPayment] = {}
    for (org, method, week), pay in sorted(paid.items()):
        if method == "ACH" or (org, week) not in by_week:
            by_week[(org, week)] = pay
    extra: list[SeedPayment] = []
    for (org, week), zrows in zero.items():
        pay = by_week.get((org, week))
        if pay is None:
            last = max(r["decided_at"] for r in zrows)
            pay = SeedPayment(org, "NON", last[:10], last)
            extra.append(pay)
        pay.entries.extend(Entry(r["id"], "4" if r["category"] == "F2" else "1")
                           for r in zrows)
    return sorted([*paid.values(), *extra], key=lambda p: (p.org_id, p.paid_date, p.method))


def _original_lines(lines: list[list[Any]]) -> tuple[list[list[Any]], int]:
    """The first adjudication a reversal takes back: the patient's share was missed."""
    original, paid = [], 0
    for n, day, proc, mods, units, billed, allowed, line_paid, adjs, remarks in lines:
        if allowed > 0:
            adjs = [a for a in adjs if a[0] != "PR"]
            line_paid = allowed
        original.append([n, day, proc, mods, units, billed, allowed, line_paid, adjs, remarks])
        paid += line_paid
    return original, paid


def _add_reversal(conn: sqlite3.Connection, pay: SeedPayment) -> bool:
    for claim_id in pay.paid_claims:
        detail, resp, paid = conn.execute(
            "SELECT detail, patient_resp, paid FROM claims WHERE id = ?", (claim_id,)
        ).fetchone()
        lines, _ = json.loads(detail)
        original, original_paid = _original_lines(lines)
        if resp <= 0 or original_paid == paid or pay.claims_paid - original_paid < 100:
            continue
        at = next(i for i, e in enumerate(pay.entries) if e.claim_row_id == claim_id)
        pay.entries.insert(at, Entry(claim_id, "22", -1, json.dumps(original)))
        pay.claims_paid -= original_paid
        return True
    return False


def _shape(conn: sqlite3.Connection, rng: random.Random, pays: list[SeedPayment]) -> None:
    """Reversal, recoupment, interest and forwarding balance on an office's last payments."""
    recent = [p for p in reversed(pays) if p.method != "NON" and p.claims_paid > 0]
    if not recent:
        return
    reversed_in = next((p for p in recent if _add_reversal(conn, p)), None)
    others = [p for p in recent if p is not reversed_in and p.claims_paid > 100]
    earlier = conn.execute(
        "SELECT claim_number FROM claims WHERE org_id = ? AND paid > 0 ORDER BY id LIMIT 1",
        (recent[0].org_id,),
    ).fetchone()[0]
    if others:
        p = others[0]
        p.plb.append(["WO", earlier, max(1, p.claims_paid * 3 // 10)])
    if len(others) > 1:
        p = others[1]
        p.plb.append(["L6", _number(conn, p.paid_claims[0]),
                      -max(1, p.claims_paid * 15 // 1000)])
    if len(others) > 2:
        p = others[2]
        p.plb.append(["FB", f"FB{rng.randrange(10**6, 10**7)}", max(1, p.claims_paid // 10)])


def _number(conn: sqlite3.Connection, claim_id: int) -> str:
    return str(conn.execute("SELECT claim_number FROM claims WHERE id = ?",
                            (claim_id,)).fetchone()[0])


def _trace(rng: random.Random, method: str, taken: set[str]) -> str:
    while True:
        if method == "ACH":
            trace = f"EFT{rng.randrange(10**11, 10**12)}"
        elif method == "CHK":
            trace = f"{rng.randrange(10**7, 10**8)}"
        else:
            trace = f"NON{rng.randrange(10**9, 10**10)}"
        if trace not in taken:
            taken.add(trace)
            return trace


def seed_payments(conn: sqlite3.Connection, rng: random.Random) -> int:
    """Build every office's payments from its finalized claims; returns how many."""
    pays = group_claims(conn.execute(SELECT_FINALIZED))
    by_org: dict[int, list[SeedPayment]] = defaultdict(list)
    for p in pays:
        by_org[p.org_id].append(p)
    for org_pays in by_org.values():
        _shape(conn, rng, org_pays)
    taken: set[str] = set()
    with db.transaction(conn):
        for p in pays:
            _insert(conn, rng, p, _trace(rng, p.method, taken))
        conn.execute("CREATE INDEX IF NOT EXISTS payment_claims_claim "
                     "ON payment_claims(claim_row_id)")
    return len(pays)


def _insert(conn: sqlite3.Connection, rng: random.Random, p: SeedPayment, trace: str) -> None:
    total = p.claims_paid - sum(cents for _, _, cents in p.plb)
    cur = conn.execute(
        "INSERT INTO payments(public_id, org_id, method, trace_number, paid_date, total, "
        "claims_paid, claim_count, plb) VALUES (?,?,?,?,?,?,?,?,?)",
        (f"pm{rng.getrandbits(64):016x}", p.org_id, p.method, trace, p.paid_date, total,
         p.claims_paid, len(p.entries), json.dumps(p.plb)),
    )
    payment_id = cur.lastrowid
    conn.executemany(
        "INSERT INTO payment_claims(payment_id, seq, claim_row_id, clp_status, sign, lines) "
        "VALUES (?,?,?,?,?,?)",
        [(payment_id, i, e.claim_row_id, e.status, e.sign, e.lines)
         for i, e in enumerate(p.entries)],
    )
    if p.method != "NON":
        conn.executemany(
            "UPDATE claims SET payment_number = ?, payment_date = ?, paid_at = ? WHERE id = ?",
            [(trace, p.paid_date, p.paid_at, cid) for cid in p.paid_claims],
        )
