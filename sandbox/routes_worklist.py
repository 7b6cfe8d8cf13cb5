"""`/worklist`: follow-ups on claims (due, snoozed, done, reassigned) and changed claims.

Concurrency like the account: every item has an ETag and a change needs `If-Match`
(428 without, 412 with the current ETag when a colleague changed the item meanwhile),
so two clerks of one office never overwrite each other silently.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from typing import Annotated, Any

from fastapi import APIRouter, Header
from starlette.responses import Response

from sandbox import codes, db
from sandbox import worklist_store as store
from sandbox.deps import GatedCaller, PortalDep
from sandbox.errors import ApiError
from sandbox.models import ErrorOut
from sandbox.models_worklist import (
    AssigneesOut,
    WorkItemIn,
    WorkItemOut,
    WorkItemPatch,
    WorklistOut,
)
from sandbox.validation import BIDI_CONTROLS, FieldCollector, FieldError, check_date
from sandbox.validation import iso_instant as instant
from sandbox.wire import respond

router = APIRouter(tags=["worklist"])

NOTE_MAX = 500
AHEAD_DAYS = 730
# A clerk west of UTC may still be on yesterday's date: that day is not "in the past".
SLACK_DAYS = 1


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def status_of(category: str, code: str) -> dict[str, str]:
    return {"category": category, "code": code,
            "label": codes.STATUS_CATEGORIES.get(category, category)}


def bucket(due: str, state: str, day: dt.date) -> str | None:
    if state != "open":
        return None
    due_day = dt.date.fromisoformat(due)
    return "overdue" if due_day < day else "today" if due_day == day else "upcoming"


def item_body(row: sqlite3.Row, day: dt.date) -> dict[str, Any]:
    last, first = row["patient_last"], row["patient_first"]
    return {
        "item_id": row["public_id"],
        "claim_id": row["claim_public_id"],
        "claim_number": row["claim_number"],
        "patient_name": f"{last}, {first}",
        "status": status_of(row["category"], row["status_code"]),
        "due_date": row["due_date"],
        "note": row["note"],
        "state": row["state"],
        "bucket": bucket(row["due_date"], row["state"], day),
        "assignee": store.user_ref(row["assignee_username"], row["assignee_first"],
                                   row["assignee_last"]),
        "updated_at": instant(float(row["updated_at"])),
        "etag": store.followup_etag(row),
    }


def _item_response(row: sqlite3.Row, status: int = 200) -> Response:
    return respond(item_body(row, today()), status=status,
                   headers={"ETag": store.followup_etag(row)})


def check_due(value: str) -> str:
    day = check_date(value)
    now = today()
    if day < now - dt.timedelta(days=SLACK_DAYS):
        raise FieldError("The date is in the past. Pick today or a later date.")
    if day > now + dt.timedelta(days=AHEAD_DAYS):
        raise FieldError("Pick a date within the next two years.")
    return day.isoformat()


def check_note(value: str) -> str:
    """Short free text; line breaks allowed, other control and bidi characters not."""
    value = value.strip()
    if len(value) > NOTE_MAX:
        raise FieldError(f"Keep the note to {NOTE_MAX} characters.")
    if any(ch in BIDI_CONTROLS or (unicodedata.category(ch) in ("Cc", "Cs", "Cn")
                                   and ch != "\n") for ch in value):
        raise FieldError("Contains characters that are not allowed.")
    return value


def if_match_ok(header: str, current: str) -> bool:
    return header.strip() == "*" or any(t.strip() == current for t in header.split(","))


def _org(caller: GatedCaller) -> int:
    org_id = caller.user["org_id"]
    if org_id is None:
        raise ApiError(404, "not_found", "No such claim.")
    return int(org_id)


@router.get("/worklist", responses={200: {"model": WorklistOut}})
def get_worklist(caller: GatedCaller, portal: PortalDep) -> Response:
    """The caller's open follow-ups (due date order, each with its bucket) and the claims
    whose status changed since the caller last opened them."""
    conn, day = portal.conn(), today()
    items = [item_body(r, day) for r in store.open_followups(conn, caller.user_id)]
    changed = []
    if caller.user["org_id"] is not None:
        for r in store.changed_claims(conn, caller.user_id, int(caller.user["org_id"])):
            changed.append({
                "claim_id": r["public_id"], "claim_number": r["claim_number"],
                "seen_status": status_of(r["seen_category"], r["seen_code"]),
                "status": status_of(r["category"], r["status_code"]),
                "seen_at": instant(float(r["seen_at"])),
            })
    return respond({"today": day.isoformat(), "items": items, "changed": changed})


@router.get("/worklist/assignees", responses={200: {"model": AssigneesOut}})
def get_assignees(caller: GatedCaller, portal: PortalDep) -> Response:
    """Who a follow-up can be handed to: the active users of the caller's office."""
    rows = store.office_users(portal.conn(), _org(caller))
    return respond({"items": [store.user_ref(r["username"], r["first_name"], r["last_name"])
                              for r in rows]})


@router.post("/worklist", status_code=201,
             responses={201: {"model": WorkItemOut}, 422: {"model": ErrorOut}})
def create_item(body: WorkItemIn, caller: GatedCaller, portal: PortalDep) -> Response:
    """Follow up on a claim of the office on a date; assigned to the caller."""
    org_id = _org(caller)
    fc = FieldCollector()
    due = fc.check("due_date", check_due, body.due_date)
    note = fc.check("note", check_note, body.note)
    conn = portal.conn()
    claim = conn.execute("SELECT id FROM claims WHERE claim_number = ? AND org_id = ?",
                         (body.claim_number.strip(), org_id)).fetchone()
    if claim is None:
        fc.add("claim_number", "No claim of your office has this number.")
    fc.raise_if_any()
    public_id, now = store.new_public_id("w_"), db.now()
    with db.transaction(conn):
        conn.execute(
            "INSERT INTO followups(public_id, org_id, claim_row, assignee_id, created_by, "
            "due_date, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (public_id, org_id, int(claim["id"]), caller.user_id, caller.user_id, due, note,
             now, now))
    row = store.load_followup(conn, public_id, org_id)
    assert row is not None
    return _item_response(row, 201)


@router.get("/worklist/{item_id}",
            responses={200: {"model": WorkItemOut}, 404: {"model": ErrorOut}})
def get_item(item_id: str, caller: GatedCaller, portal: PortalDep) -> Response:
    row = store.load_followup(portal.conn(), item_id, _org(caller))
    if row is None:
        raise ApiError(404, "not_found", "No such follow-up.")
    return _item_response(row)


def _changes(body: WorkItemPatch, conn: sqlite3.Connection, org_id: int) -> dict[str, Any]:
    fc = FieldCollector()
    updates: dict[str, Any] = {}
    for name in body.model_fields_set:
        if getattr(body, name) is None:
            fc.add(name, "Must not be null.")
    if body.due_date is not None:
        updates["due_date"] = fc.check("due_date", check_due, body.due_date)
    if body.note is not None:
        updates["note"] = fc.check("note", check_note, body.note)
    if body.state is not None:
        updates["state"] = body.state
    if body.assignee is not None:
        match = next((u for u in store.office_users(conn, org_id)
                      if u["username"] == body.assignee), None)
        if match is None:
            fc.add("assignee", "No active user of your office has this username.")
        else:
            updates["assignee_id"] = int(match["id"])
    fc.raise_if_any()
    return updates


@router.patch(
    "/worklist/{item_id}",
    responses={
        200: {"model": WorkItemOut},
        404: {"model": ErrorOut},
        412: {"model": ErrorOut, "description": "Changed meanwhile; the ETag header has "
              "the current one."},
        428: {"model": ErrorOut, "description": "`If-Match` missing."},
    },
)
def patch_item(item_id: str, body: WorkItemPatch, caller: GatedCaller, portal: PortalDep,
               if_match: Annotated[str | None, Header()] = None) -> Response:
    """Done (`state`), snooze (`due_date`), edit the note, or reassign (`assignee`)."""
    org_id = _org(caller)
    if if_match is None or not if_match.strip():
        raise ApiError(428, "precondition_required")
    conn = portal.conn()
    with db.transaction(conn):
        row = store.load_followup(conn, item_id, org_id)
        if row is None:
            raise ApiError(404, "not_found", "No such follow-up.")
        current = store.followup_etag(row)
        if not if_match_ok(if_match, current):
            raise ApiError(412, "precondition_failed", headers={"ETag": current})
        updates = _changes(body, conn, org_id)
        if updates:
            # Keys come from the fixed names in `_changes`, never from input.
            assignments = ", ".join(f"{k} = ?" for k in updates)
            conn.execute(
                f"UPDATE followups SET {assignments}, row_version = row_version + 1, "  # noqa: S608
                "updated_at = ? WHERE id = ?", (*updates.values(), db.now(), int(row["id"])))
    fresh = store.load_followup(conn, item_id, org_id)
    assert fresh is not None
    return _item_response(fresh)
