"""Batch status, the worklist and saved searches as typed values (the clerk's day).

Everything here lives on the portal, not on the PC: claim numbers, names and notes are
PHI. Parsers raise `UnexpectedResponse` for any shape the contract does not allow; a
worklist item carries its ETag so that a change can be sent with `If-Match`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.portal.claims import (
    ClaimSearch,
    ClaimStatus,
    ClaimSummary,
    parse_claim_summary,
)
from desktop.portal.wirejson import Obj

#: The portal answers at most this many claim numbers per batch request.
BATCH_MAX = 500
NOTE_MAX = 500
_SHORT = 200


class WorkState(Enum):
    OPEN = "open"
    DONE = "done"


class Bucket(Enum):
    """When a follow-up is due, by the portal's date."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class Reason:
    """One adjustment of a claim (group code + CARC) and the remarks of its lines."""

    group_code: str
    carc: str
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class BatchClaim:
    summary: ClaimSummary
    decided_at: date | None
    reasons: tuple[Reason, ...]
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class BatchItem:
    """One claim number sent; `claim` is None when the portal did not find it (unknown
    or another office's: the portal does not say which)."""

    claim_number: str
    claim: BatchClaim | None


@dataclass(frozen=True)
class UserRef:
    username: str
    display_name: str


@dataclass(frozen=True)
class WorkItem:
    item_id: str
    claim_id: str
    claim_number: str
    patient_name: str
    status: ClaimStatus
    due_date: date
    note: str
    state: WorkState
    bucket: Bucket | None
    assignee: UserRef
    updated_at: datetime
    etag: str


@dataclass(frozen=True)
class ChangedClaim:
    claim_id: str
    claim_number: str
    seen_status: ClaimStatus
    status: ClaimStatus
    seen_at: datetime


@dataclass(frozen=True)
class Worklist:
    today: date
    items: tuple[WorkItem, ...]
    changed: tuple[ChangedClaim, ...]


@dataclass(frozen=True)
class WorkChanges:
    """A partial change of a follow-up: done, snooze (due date), note, reassign."""

    due_date: date | None = None
    note: str | None = None
    state: WorkState | None = None
    assignee: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if self.due_date is not None:
            body["due_date"] = self.due_date.isoformat()
        if self.note is not None:
            body["note"] = self.note
        if self.state is not None:
            body["state"] = self.state.value
        if self.assignee is not None:
            body["assignee"] = self.assignee
        return body


@dataclass(frozen=True)
class SavedSearch:
    search_id: str
    name: str
    criteria: ClaimSearch
    created_at: datetime


# --- parsers -----------------------------------------------------------------------------


def _status(o: Obj) -> ClaimStatus:
    return ClaimStatus(category=o.text("category", nonempty=True, max_len=10),
                       code=o.text("code", max_len=20), label=o.text("label", max_len=2000))


def _batch_claim(doc: object, path: str) -> BatchClaim:
    o = Obj(doc, path)
    reasons = []
    for item, rpath in o.array("reasons", max_items=1000):
        r = Obj(item, rpath)
        reasons.append(Reason(r.text("group_code", max_len=4), r.text("carc", max_len=20),
                              r.texts("remarks", max_len=20)))
    return BatchClaim(summary=parse_claim_summary(doc, path),
                      decided_at=o.opt_day("decided_at"), reasons=tuple(reasons),
                      remarks=o.texts("remarks", max_len=20))


def parse_batch(doc: object) -> tuple[BatchItem, ...]:
    o = Obj(doc)
    out = []
    for item, path in o.array("items", max_items=BATCH_MAX):
        i = Obj(item, path)
        number = i.text("claim_number", nonempty=True, max_len=_SHORT)
        claim = None
        if i.flag("found"):
            raw = item.get("claim") if isinstance(item, dict) else None
            claim = _batch_claim(raw, f"{path}.claim")
        out.append(BatchItem(number, claim))
    return tuple(out)


def _user(o: Obj) -> UserRef:
    return UserRef(o.text("username", nonempty=True, max_len=64),
                   o.text("display_name", max_len=_SHORT))


def parse_work_item(doc: object, path: str = "$") -> WorkItem:
    o = Obj(doc, path)
    bucket = o.opt_one_of("bucket", [b.value for b in Bucket])
    return WorkItem(
        item_id=o.ident("item_id"), claim_id=o.ident("claim_id"),
        claim_number=o.text("claim_number", nonempty=True, max_len=_SHORT),
        patient_name=o.text("patient_name", max_len=2 * _SHORT),
        status=_status(o.child("status")), due_date=o.day("due_date"),
        note=o.text("note", max_len=NOTE_MAX * 2),
        state=WorkState(o.one_of("state", [s.value for s in WorkState])),
        bucket=None if bucket is None else Bucket(bucket),
        assignee=_user(o.child("assignee")), updated_at=o.instant("updated_at"),
        etag=o.text("etag", nonempty=True, max_len=200),
    )


def parse_worklist(doc: object) -> Worklist:
    o = Obj(doc)
    items = tuple(parse_work_item(v, p) for v, p in o.array("items", max_items=10_000))
    changed = []
    for v, p in o.array("changed", max_items=10_000):
        c = Obj(v, p)
        changed.append(ChangedClaim(
            claim_id=c.ident("claim_id"),
            claim_number=c.text("claim_number", nonempty=True, max_len=_SHORT),
            seen_status=_status(c.child("seen_status")), status=_status(c.child("status")),
            seen_at=c.instant("seen_at")))
    return Worklist(today=o.day("today"), items=items, changed=tuple(changed))


def parse_assignees(doc: object) -> tuple[UserRef, ...]:
    return tuple(_user(Obj(v, p)) for v, p in Obj(doc).array("items", max_items=10_000))


def _criteria(o: Obj) -> ClaimSearch:
    def day(key: str) -> date | None:
        return o.opt_day(key) if o.has(key) else None

    def text(key: str) -> str | None:
        return o.opt_text(key, max_len=_SHORT) if o.has(key) else None

    return ClaimSearch(
        claim_number=text("claim_number"), member_id=text("member_id"),
        patient_last_name=text("patient_last_name"),
        patient_first_name=text("patient_first_name"), patient_dob=day("patient_dob"),
        service_from=day("service_from"), service_to=day("service_to"),
        statuses=o.texts("status", max_len=3) if o.has("status") else (),
        billing_npi=text("billing_npi"), rendering_npi=text("rendering_npi"))


def criteria_json(criteria: ClaimSearch) -> dict[str, Any]:
    """A search's criteria as the portal stores them: the body of `POST /claims/search`."""
    return dict(criteria.to_json())


def parse_saved_search(doc: object, path: str = "$") -> SavedSearch:
    o = Obj(doc, path)
    return SavedSearch(search_id=o.ident("search_id"), name=o.text("name", max_len=_SHORT),
                       criteria=_criteria(o.child("criteria")),
                       created_at=o.instant("created_at"))


def parse_saved_searches(doc: object) -> tuple[SavedSearch, ...]:
    return tuple(parse_saved_search(v, p) for v, p in Obj(doc).array("items", max_items=1000))
