"""Payment search (keyset paged) and one payment's remittance, always scoped to an office.

The remittance is built once, here, as the JSON body; the X12 835 of the same payment is
written from that body (`sandbox.x12_835`), so the two cannot disagree by a cent.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sandbox.claims_query import decode_cursor, encode_cursor
from sandbox.validation import FieldCollector, FieldError, check_date
from sandbox.wire import money

METHODS = ("ACH", "CHK", "NON")
DEFAULT_LIMIT, MAX_LIMIT = 50, 500
PAYER = {
    "name": "Sandbox Health Plan (fictional)",
    "payer_id": "SBXHP",
    "tin": "990000001",
    "contact_phone": "5555550100",
}
CLP_STATUS = {
    "1": "Processed as primary",
    "2": "Processed as secondary",
    "3": "Processed as tertiary",
    "4": "Denied",
    "22": "Reversal of an earlier payment",
}
SUMMARY_COLUMNS = "id, public_id, method, trace_number, paid_date, total, claim_count"


@dataclass(frozen=True)
class PaymentSearch:
    """The criteria's WHERE (for the total) and the keyset position after the cursor."""

    where: list[str]
    params: list[Any]
    limit: int
    after: tuple[str, int] | None

    def fingerprint(self) -> str:
        return json.dumps([self.where, self.params], separators=(",", ":"))


def _cents(value: str) -> int:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise FieldError("Use an amount such as 125.00.") from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")) or (
            abs(amount) >= 10**13):
        raise FieldError("Use an amount such as 125.00.")
    return int(amount * 100)


def _text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    return value.strip() or None if isinstance(value, str) else None


def parse_search(body: dict[str, Any], org_id: int, secret: bytes) -> PaymentSearch:
    """Validate every criterion (one 422 listing all bad ones) and build the WHERE."""
    fc = FieldCollector()
    where: list[str] = ["org_id = ?"]
    params: list[Any] = [org_id]
    dates = {}
    for key, op in (("paid_from", ">="), ("paid_to", "<=")):
        text = _text(body, key)
        if text is not None:
            day = fc.check(key, check_date, text)
            if day is not None:
                dates[key] = day
                where.append(f"paid_date {op} ?")
                params.append(day.isoformat())
    if len(dates) == 2 and dates["paid_from"] > dates["paid_to"]:
        fc.add("paid_to", "Must be on or after the first paid date.")
    for key, op in (("amount_min", ">="), ("amount_max", "<=")):
        text = _text(body, key)
        if text is not None:
            cents = fc.check(key, _cents, text)
            if cents is not None:
                where.append(f"total {op} ?")
                params.append(cents)
    trace = _text(body, "trace_number")
    if trace is not None:
        where.append("trace_number = ?")
        params.append(trace.upper())
    method = _text(body, "method")
    if method is not None:
        if method.upper() not in METHODS:
            fc.add("method", "Must be one of: " + ", ".join(METHODS) + ".")
        where.append("method = ?")
        params.append(method.upper())
    limit = body.get("limit")
    if limit is None:
        limit = DEFAULT_LIMIT
    elif isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        fc.add("limit", f"Must be a whole number from 1 to {MAX_LIMIT}.")
        limit = DEFAULT_LIMIT
    search = PaymentSearch(where, params, limit, None)
    cursor = _text(body, "cursor")
    if cursor is not None:
        payload = fc.check("cursor", decode_cursor, secret, cursor)
        if payload is not None:
            if payload.get("where") != search.fingerprint():
                fc.add("cursor", "This cursor belongs to another search. Start it again.")
            else:
                search = PaymentSearch(where, params, limit,
                                       (str(payload["date"]), int(payload["id"])))
    fc.raise_if_any()
    return search


def search(conn: sqlite3.Connection, body: dict[str, Any], org_id: int,
           secret: bytes) -> dict[str, Any]:
    """One page, newest first; the cursor is signed and bound to these criteria."""
    s = parse_search(body, org_id, secret)
    where, params = " AND ".join(s.where), list(s.params)
    total = int(conn.execute(f"SELECT count(*) FROM payments WHERE {where}",  # noqa: S608
                             params).fetchone()[0])
    if s.after is not None:
        where += " AND (paid_date, id) < (?, ?)"
        params.extend(s.after)
    rows = conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM payments WHERE {where} "  # noqa: S608
        "ORDER BY paid_date DESC, id DESC LIMIT ?", (*params, s.limit + 1),
    ).fetchall()
    next_cursor = None
    if len(rows) > s.limit:
        rows = rows[: s.limit]
        next_cursor = encode_cursor(secret, {"where": s.fingerprint(),
                                             "date": rows[-1]["paid_date"], "id": rows[-1]["id"]})
    return {"items": [payment_summary(r) for r in rows], "next_cursor": next_cursor,
            "total": total}


def payment_summary(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "payment_id": row["public_id"],
        "method": row["method"],
        "trace_number": row["trace_number"],
        "paid_date": row["paid_date"],
        "total_amount": money(row["total"]),
        "claim_count": row["claim_count"],
    }


def payment_for_claim(conn: sqlite3.Connection, claim_row_id: int) -> str | None:
    """The latest payment a claim appears in (the link of the claim detail)."""
    row = conn.execute(
        "SELECT p.public_id FROM payment_claims pc JOIN payments p ON p.id = pc.payment_id "
        "WHERE pc.claim_row_id = ? ORDER BY p.paid_date DESC, p.id DESC LIMIT 1",
        (claim_row_id,),
    ).fetchone()
    return None if row is None else str(row[0])
