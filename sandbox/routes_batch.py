"""`POST /claims/status-batch`: the status of up to 500 claims by claim number at once.

Why a POST with the numbers in the body: clerks paste lists from an aging report, and
500 numbers do not fit in a URL (nor belong in server logs, being PHI-adjacent). The
lookup is one indexed `IN (...)` query scoped to the caller's office; a number of another
office is answered exactly like an unknown one, so the answer never tells which numbers
exist elsewhere.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from sandbox.deps import GatedCaller, PortalDep
from sandbox.errors import validation_failed
from sandbox.models import ErrorOut
from sandbox.models_worklist import MAX_BATCH, StatusBatchIn, StatusBatchOut
from sandbox.routes_claims import SUMMARY_COLUMNS, summary
from sandbox.wire import respond

router = APIRouter(tags=["claims"])

MAX_NUMBER_CHARS = 40


def _distinct(numbers: list[str]) -> list[str]:
    """Trimmed, first occurrence kept; 422 for an empty list, too many, or a bad entry."""
    if not numbers:
        raise validation_failed({"claim_numbers": "Send at least one claim number."})
    seen: dict[str, None] = {}
    for index, raw in enumerate(numbers):
        value = raw.strip()
        if not value or len(value) > MAX_NUMBER_CHARS or not value.isprintable():
            raise validation_failed({f"claim_numbers[{index}]": (
                f"Each claim number is 1-{MAX_NUMBER_CHARS} printable characters.")})
        seen.setdefault(value, None)
    if len(seen) > MAX_BATCH:
        raise validation_failed(
            {"claim_numbers": f"Send at most {MAX_BATCH} distinct claim numbers at a time."})
    return list(seen)


def reasons_of(detail_json: str) -> tuple[list[dict[str, Any]], list[str], str | None]:
    """(distinct adjustments with their lines' remarks, distinct remarks, decision date)."""
    lines, history = json.loads(detail_json)
    reasons: dict[tuple[str, str], list[str]] = {}
    remarks: dict[str, None] = {}
    for line in lines:
        line_remarks = list(line[9])
        for code in line_remarks:
            remarks.setdefault(code, None)
        for group, carc, _amount in line[8]:
            known = reasons.setdefault((group, carc), [])
            known.extend(r for r in line_remarks if r not in known)
    decided = history[-1][2][:10] if history else None
    out = [{"group_code": g, "carc": c, "remarks": r} for (g, c), r in reasons.items()]
    return out, list(remarks), decided


def batch_row(row: sqlite3.Row) -> dict[str, Any]:
    body = summary(row)
    reasons, remarks, decided = reasons_of(row["detail"])
    body.update(decided_at=decided, reasons=reasons, remarks=remarks)
    return body


@router.post(
    "/claims/status-batch",
    responses={
        200: {"model": StatusBatchOut},
        422: {"model": ErrorOut, "description": "Empty, over 500 distinct, or a bad entry."},
    },
)
def status_batch(body: StatusBatchIn, caller: GatedCaller, portal: PortalDep) -> Response:
    """One item per distinct number, in the order sent; `found: false` for numbers that
    are unknown or belong to another office (the answer does not say which)."""
    numbers = _distinct(body.claim_numbers)
    org_id = caller.user["org_id"]
    found: dict[str, dict[str, Any]] = {}
    if org_id is not None:
        marks = ",".join("?" * len(numbers))
        rows = portal.conn().execute(
            f"SELECT {SUMMARY_COLUMNS}, detail FROM claims "  # noqa: S608 (fixed columns)
            f"WHERE claim_number IN ({marks}) AND org_id = ?",
            (*numbers, int(org_id)),
        ).fetchall()
        found = {r["claim_number"]: batch_row(r) for r in rows}
    items = [{"claim_number": n, "found": n in found, "claim": found.get(n)} for n in numbers]
    return respond({"items": items})
