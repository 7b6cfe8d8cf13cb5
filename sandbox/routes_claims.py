"""Claim search and claim detail, always scoped to the signed-in user's TIN."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from sandbox import codes, db, worklist_store
from sandbox.claims_query import SINGLE_PARAMS, count_sql, cursor_for, page_sql, parse_search
from sandbox.deps import Caller, GatedCaller, Portal, PortalDep
from sandbox.errors import ApiError
from sandbox.models import ClaimDetailOut, ClaimPageOut, ClaimSearchIn, ErrorOut
from sandbox.payments_query import payment_for_claim
from sandbox.wire import money, respond

router = APIRouter(tags=["claims"])

SUMMARY_COLUMNS = (
    "id, public_id, claim_number, member_id, patient_first, patient_last, patient_dob, "
    "patient_account_number, billing_npi, rendering_npi, service_from, service_to, "
    "received_at, category, status_code, billed, allowed, paid, patient_resp, paid_at, "
    "payment_number"
)
# Public claim ids are random (db.PUBLIC_ID_SQL), never the row number: sequential ids
# would tell a signed-in user how many claims exist and which ids to try.
CLAIM_ID = re.compile(r"c[0-9a-f]{24}")
BROWSE_PARAMS = ("service_from", "service_to", "billing_npi", "rendering_npi", "sort",
                 "limit", "cursor")
QueryText = Annotated[str | None, Query()]


def summary(row: sqlite3.Row) -> dict[str, Any]:
    category = row["category"]
    return {
        "claim_id": row["public_id"],
        "claim_number": row["claim_number"],
        "patient": {
            "first_name": row["patient_first"],
            "last_name": row["patient_last"],
            "dob": row["patient_dob"],
            "member_id": row["member_id"],
        },
        "patient_account_number": row["patient_account_number"],
        "billing_npi": row["billing_npi"],
        "rendering_npi": row["rendering_npi"],
        "service_from": row["service_from"],
        "service_to": row["service_to"],
        "received_at": row["received_at"],
        "status": {
            "category": category,
            "code": row["status_code"],
            "label": codes.STATUS_CATEGORIES.get(category, category),
        },
        "billed_amount": money(row["billed"]),
        "allowed_amount": money(row["allowed"]),
        "paid_amount": money(row["paid"]),
        "patient_responsibility": money(row["patient_resp"]),
        "paid_at": row["paid_at"],
        "payment_number": row["payment_number"],
    }


def detail(row: sqlite3.Row) -> dict[str, Any]:
    lines, history = json.loads(row["detail"])
    body = summary(row)
    body["lines"] = [
        {
            "line_number": n,
            "service_date": day,
            "procedure_code": proc,
            "modifiers": mods,
            "units": units,
            "billed_amount": money(billed),
            "allowed_amount": money(allowed),
            "paid_amount": money(paid),
            "adjustments": [
                {"group_code": g, "carc": carc, "amount": money(amount)}
                for g, carc, amount in adjustments
            ],
            "remarks": remarks,
        }
        for n, day, proc, mods, units, billed, allowed, paid, adjustments, remarks in lines
    ]
    body["payment"] = {
        "method": row["payment_method"],
        "number": row["payment_number"],
        "date": row["payment_date"],
        "amount": money(row["paid"]),
    }
    body["status_history"] = [
        {"category": cat, "code": code, "effective_at": at} for cat, code, at in history
    ]
    return body


def _page(
    values: Mapping[str, str], statuses: list[str], caller: Caller, portal: Portal
) -> Response:
    """Run one validated search (from the body or the criteria-free query) for one page."""
    org_id = caller.user["org_id"]
    if org_id is None:
        return respond({"items": [], "next_cursor": None, "total": 0})
    today = dt.datetime.now(dt.UTC).date()
    search = parse_search(values, statuses, int(org_id), portal.secret, today)
    conn = portal.conn()
    total = search.total
    if total is None:
        total = int(conn.execute(*count_sql(search)).fetchone()[0])
    rows = conn.execute(*page_sql(search, SUMMARY_COLUMNS, total)).fetchall()
    next_cursor = None
    if len(rows) > search.limit:
        rows = rows[: search.limit]
        last = rows[-1]
        next_cursor = cursor_for(search, portal.secret, last[search.sort_column], last["id"], total)
    return respond(
        {"items": [summary(r) for r in rows], "next_cursor": next_cursor, "total": total}
    )


@router.post(
    "/claims/search",
    responses={200: {"model": ClaimPageOut}, 422: {"model": ErrorOut}},
)
def search_claims(body: ClaimSearchIn, caller: GatedCaller, portal: PortalDep) -> Response:
    """Search the claims of the signed-in user's TIN; the criteria are in the body so that
    no patient name, birth date, member id or claim number ever appears in a URL."""
    fields = body.model_dump(exclude_none=True)
    statuses = [str(s) for s in fields.pop("status", [])]
    values = {k: str(v) for k, v in fields.items()}
    return _page(values, statuses, caller, portal)


@router.get(
    "/claims",
    responses={
        200: {"model": ClaimPageOut},
        400: {"model": ErrorOut, "description": "Unknown or repeated query parameter; "
              "patient, member and claim criteria are unknown here (POST /claims/search)."},
        422: {"model": ErrorOut},
    },
)
def browse_claims(
    request: Request,
    caller: GatedCaller,
    portal: PortalDep,
    service_from: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    service_to: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    status: Annotated[
        list[str] | None,
        Query(description="Family (A, P, F, R, E) or category (F2); repeatable, OR-ed."),
    ] = None,
    billing_npi: QueryText = None,
    rendering_npi: QueryText = None,
    sort: Annotated[
        str | None,
        Query(description="service_from, -service_from (default), billed_amount, "
              "-billed_amount, received_at, -received_at"),
    ] = None,
    limit: Annotated[str | None, Query(description="1-500, default 100")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> Response:
    """Browse the TIN's claims by date, status and provider only: nothing here identifies
    a patient (patient criteria are a 400 as unknown parameters; use POST /claims/search)."""
    query = request.query_params
    for name in SINGLE_PARAMS:
        if len(query.getlist(name)) > 1:
            raise ApiError(400, "bad_request", f"The parameter {name} may appear only once.")
    values = {k: query[k] for k in BROWSE_PARAMS if k in query}
    return _page(values, query.getlist("status"), caller, portal)


@router.get(
    "/claims/{claim_id}",
    responses={
        200: {"model": ClaimDetailOut},
        404: {"model": ErrorOut, "description": "No such claim, or one of another TIN "
              "(the two answer alike, so ids of other offices cannot be probed)."},
    },
)
def get_claim(claim_id: str, caller: GatedCaller, portal: PortalDep) -> Response:
    row = None
    if CLAIM_ID.fullmatch(claim_id) and caller.user["org_id"] is not None:
        # Scoped in SQL: another TIN's claim is simply not found, like a missing one.
        row = portal.conn().execute(
            f"SELECT {SUMMARY_COLUMNS}, payment_method, payment_date, detail "  # noqa: S608
            "FROM claims WHERE public_id = ? AND org_id = ?",
            (claim_id, int(caller.user["org_id"])),
        ).fetchone()
    if row is None:
        raise ApiError(404, "not_found", "No claim with this id.")
    # The worklist's "changed since you last opened it" starts from what is seen now.
    worklist_store.mark_seen(portal.conn(), caller.user_id, row, db.now())
    body = detail(row)
    body["payment"]["payment_id"] = payment_for_claim(portal.conn(), int(row["id"]))
    return respond(body)
