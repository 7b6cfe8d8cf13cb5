"""One payment's remittance as the JSON body of `GET /payments/{id}`.

Figures are summed from the lines in integer cents: a claim's billed, allowed, paid and
patient responsibility are the sums of its lines (the patient's share is every PR
adjustment), a reversal (CLP status 22) negates every amount of the adjudication it takes
back, and the deposit is claims paid minus the provider-level adjustments.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sandbox.payments_query import CLP_STATUS, PAYER, payment_summary
from sandbox.wire import money

ENTRY_SQL = (
    "SELECT pc.clp_status, pc.sign, pc.lines AS override, c.public_id, c.claim_number, "
    "c.patient_first, c.patient_last, c.member_id, c.patient_account_number, "
    "c.service_from, c.service_to, c.rendering_npi, c.detail "
    "FROM payment_claims pc JOIN claims c ON c.id = pc.claim_row_id "
    "WHERE pc.payment_id = ? ORDER BY pc.seq"
)
PLB_REASONS = {
    "WO": "Recovery of an earlier overpayment",
    "L6": "Interest owed to the provider",
    "FB": "Balance forwarded",
    "72": "Authorized return",
    "CS": "Adjustment",
}


def _line(raw: list[Any], sign: int) -> tuple[dict[str, Any], tuple[int, int, int, int]]:
    n, day, proc, mods, units, billed, allowed, paid, adjustments, remarks = raw
    pr = sum(amount for group, _, amount in adjustments if group == "PR")
    line = {
        "line_number": n,
        "service_date": day,
        "procedure_code": proc,
        "modifiers": mods,
        "units": units,
        "billed_amount": money(sign * billed),
        "allowed_amount": money(sign * allowed),
        "paid_amount": money(sign * paid),
        "adjustments": [
            {"group_code": g, "carc": carc, "amount": money(sign * amount)}
            for g, carc, amount in adjustments
        ],
        "remarks": remarks,
    }
    return line, (billed, allowed, paid, pr)


def _claim(row: sqlite3.Row) -> tuple[dict[str, Any], int]:
    sign = int(row["sign"])
    raw_lines = json.loads(row["override"]) if row["override"] else json.loads(row["detail"])[0]
    lines, totals = [], [0, 0, 0, 0]
    for raw in raw_lines:
        line, figures = _line(raw, sign)
        lines.append(line)
        totals = [t + f for t, f in zip(totals, figures, strict=True)]
    billed, allowed, paid, pr = (sign * t for t in totals)
    status = str(row["clp_status"])
    return {
        "claim_id": row["public_id"],
        "claim_number": row["claim_number"],
        "patient_control_number": row["patient_account_number"],
        "status_code": status,
        "status_label": CLP_STATUS.get(status, status),
        "patient": {"first_name": row["patient_first"], "last_name": row["patient_last"],
                    "member_id": row["member_id"]},
        "rendering_npi": row["rendering_npi"],
        "service_from": row["service_from"],
        "service_to": row["service_to"],
        "billed_amount": money(billed),
        "allowed_amount": money(allowed),
        "paid_amount": money(paid),
        "patient_responsibility": money(pr),
        "adjustments": [],
        "remarks": [],
        "lines": lines,
    }, paid


def build(conn: sqlite3.Connection, public_id: str, org_id: int | None) -> dict[str, Any] | None:
    """The remittance, or None when there is no such payment for this office."""
    row = conn.execute(
        "SELECT p.*, o.name AS org_name, o.tin AS org_tin FROM payments p "
        "JOIN organizations o ON o.id = p.org_id WHERE p.public_id = ?", (public_id,),
    ).fetchone()
    if row is None or org_id is None or row["org_id"] != org_id:
        return None
    npi = conn.execute("SELECT npi FROM org_npis WHERE org_id = ? ORDER BY npi LIMIT 1",
                       (org_id,)).fetchone()[0]
    claims, claims_paid = [], 0
    for entry in conn.execute(ENTRY_SQL, (row["id"],)):
        claim, paid = _claim(entry)
        claims.append(claim)
        claims_paid += paid
    plb = [{"reason_code": code, "reason_label": PLB_REASONS.get(code, code),
            "reference": ref, "amount": money(cents)}
           for code, ref, cents in json.loads(row["plb"])]
    plb_total = sum(cents for _, _, cents in json.loads(row["plb"]))
    body = payment_summary(row)
    body.update({
        "payer": {"name": PAYER["name"], "payer_id": PAYER["payer_id"],
                  "contact_phone": PAYER["contact_phone"]},
        "payee": {"name": row["org_name"], "tin_last4": row["org_tin"][-4:],
                  "npi": npi},
        "claims_paid_amount": money(claims_paid),
        "provider_adjustment_amount": money(plb_total),
        "total_amount": money(claims_paid - plb_total),
        "claims": claims,
        "provider_adjustments": plb,
    })
    return body


def org_tin(conn: sqlite3.Connection, org_id: int) -> str:
    """The payee's full TIN: the 835 (the office's own file) carries it in REF*TJ."""
    return str(conn.execute("SELECT tin FROM organizations WHERE id = ?",
                            (org_id,)).fetchone()[0])
