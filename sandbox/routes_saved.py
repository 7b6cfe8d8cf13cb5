"""`/saved-searches`: a clerk's named claim searches, kept on the portal.

Why here and not in the desktop's settings file: criteria hold member ids and patient
names (PHI), and the desktop keeps nothing of the kind on the PC. The criteria are
stored as the claim search's own parameter names and checked against them, so a saved
search always runs as the search it was; running one is the client's ordinary search.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from sandbox import db
from sandbox import worklist_store as store
from sandbox.deps import GatedCaller, PortalDep
from sandbox.errors import ApiError, validation_failed
from sandbox.models import ErrorOut
from sandbox.models_worklist import SavedSearchIn, SavedSearchListOut, SavedSearchOut
from sandbox.validation import FieldError, check_name, iso_instant
from sandbox.wire import no_content, respond

router = APIRouter(tags=["saved searches"])

CRITERIA = frozenset({
    "claim_number", "member_id", "patient_last_name", "patient_first_name", "patient_dob",
    "service_from", "service_to", "billing_npi", "rendering_npi",
})
MAX_PER_USER = 50
NAME_MAX = 60
VALUE_MAX = 100


def _check_criteria(criteria: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
    clean: dict[str, str | list[str]] = {}
    for key, value in criteria.items():
        if key == "status":
            if not isinstance(value, list) or len(value) > 20 or not all(
                    isinstance(v, str) and 0 < len(v) <= 3 for v in value):
                raise validation_failed({"criteria.status": "A list of status families "
                                         "or categories."})
            clean[key] = list(value)
        elif key in CRITERIA and isinstance(value, str) and len(value) <= VALUE_MAX:
            if value.strip():
                clean[key] = value.strip()
        else:
            raise validation_failed({f"criteria.{key[:40]}": "Not a claim search criterion "
                                     "or not a short text."})
    if not clean:
        raise validation_failed({"criteria": "Save at least one search criterion."})
    return clean


def body_of(row: sqlite3.Row) -> dict[str, Any]:
    return {"search_id": row["public_id"], "name": row["name"],
            "criteria": json.loads(row["criteria"]),
            "created_at": iso_instant(float(row["created_at"]))}


@router.get("/saved-searches", responses={200: {"model": SavedSearchListOut}})
def list_saved(caller: GatedCaller, portal: PortalDep) -> Response:
    rows = portal.conn().execute(
        "SELECT * FROM saved_searches WHERE user_id = ? ORDER BY name COLLATE NOCASE",
        (caller.user_id,)).fetchall()
    return respond({"items": [body_of(r) for r in rows]})


@router.post("/saved-searches", status_code=201,
             responses={201: {"model": SavedSearchOut}, 409: {"model": ErrorOut,
                        "description": "A saved search of this name exists."},
                        422: {"model": ErrorOut}})
def save_search(body: SavedSearchIn, caller: GatedCaller, portal: PortalDep) -> Response:
    try:
        name = check_name(body.name, NAME_MAX)
    except FieldError as exc:
        raise validation_failed({"name": str(exc)}) from None
    criteria = _check_criteria(body.criteria)
    org_id = caller.user["org_id"]
    conn = portal.conn()
    with db.transaction(conn):
        count = conn.execute("SELECT COUNT(*) FROM saved_searches WHERE user_id = ?",
                             (caller.user_id,)).fetchone()[0]
        if count >= MAX_PER_USER:
            raise validation_failed({"name": f"Keep at most {MAX_PER_USER} saved searches; "
                                     "delete one first."})
        taken = conn.execute("SELECT 1 FROM saved_searches WHERE user_id = ? AND name = ?",
                             (caller.user_id, name)).fetchone()
        if taken:
            raise ApiError(409, "conflict", "You already have a saved search of this name.")
        public_id = store.new_public_id("s_")
        conn.execute(
            "INSERT INTO saved_searches(public_id, org_id, user_id, name, criteria, "
            "created_at) VALUES (?,?,?,?,?,?)",
            (public_id, org_id if org_id is not None else 0, caller.user_id, name,
             json.dumps(criteria), db.now()))
    row = conn.execute("SELECT * FROM saved_searches WHERE public_id = ?",
                       (public_id,)).fetchone()
    return respond(body_of(row), status=201)


@router.delete("/saved-searches/{search_id}", status_code=204,
               responses={404: {"model": ErrorOut}})
def delete_saved(search_id: str, caller: GatedCaller, portal: PortalDep) -> Response:
    conn = portal.conn()
    cur = conn.execute("DELETE FROM saved_searches WHERE public_id = ? AND user_id = ?",
                       (search_id, caller.user_id))
    if cur.rowcount == 0:
        raise ApiError(404, "not_found", "No such saved search.")
    return no_content()
