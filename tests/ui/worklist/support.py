"""A fake portal for the clerk's-day screens (no tests of its own).

It extends the Claims fake with the `WorkApi` calls over in-memory lists: batch status by
claim number, follow-ups with versioned ETags (so a colleague's change gives a 412), and
saved searches; `fail` queues errors per method like the Claims fake.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from desktop.portal.claims import ClaimDetail, ClaimSearch, ClaimStatus
from desktop.portal.errors import NotFound, PreconditionFailed, ValidationFailed
from desktop.portal.worklist import (
    BatchClaim,
    BatchItem,
    Bucket,
    ChangedClaim,
    Reason,
    SavedSearch,
    UserRef,
    WorkChanges,
    WorkItem,
    Worklist,
    WorkState,
)
from desktop.tasks import SyncTaskRunner
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from tests.ui.claims.support import FakeClient, FakeSession

ME = UserRef("clerk-one", "Pat Placeholder")
COLLEAGUE = UserRef("clerk-two", "Sam Sample")
AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


def bucket_of(due: date, today: date) -> Bucket:
    return Bucket.OVERDUE if due < today else Bucket.TODAY if due == today else Bucket.UPCOMING


def batch_claim(d: ClaimDetail) -> BatchClaim:
    reasons = tuple(Reason(a.group_code, a.carc, line.remarks)
                    for line in d.lines for a in line.adjustments)
    remarks = tuple(dict.fromkeys(r for line in d.lines for r in line.remarks))
    return BatchClaim(d, d.status_history[-1].effective_at.date(), reasons, remarks)


@dataclass
class FakeWorkClient(FakeClient):
    today: date = date(2026, 3, 10)
    items: dict[str, WorkItem] = field(default_factory=dict)
    changed: list[ChangedClaim] = field(default_factory=list)
    saved: list[SavedSearch] = field(default_factory=list)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    # --- batch -------------------------------------------------------------------------

    def status_batch(self, claim_numbers: Sequence[str]) -> tuple[BatchItem, ...]:
        self.calls.append(("status_batch", tuple(claim_numbers)))
        self._maybe_fail("status_batch")
        assert 1 <= len(claim_numbers) <= 500
        by_number = {c.claim_number: c for c in self.claims}
        return tuple(BatchItem(n, batch_claim(by_number[n]) if n in by_number else None)
                     for n in claim_numbers)

    # --- worklist ----------------------------------------------------------------------

    def add_item(self, d: ClaimDetail, due: date, note: str = "", *,
                 assignee: UserRef = ME) -> WorkItem:
        n = next(self._ids)
        item = WorkItem(f"w{n}", d.claim_id, d.claim_number,
                        f"{d.patient.last_name}, {d.patient.first_name}", d.status, due, note,
                        WorkState.OPEN, bucket_of(due, self.today), assignee, AT, f'"e{n}.1"')
        self.items[item.item_id] = item
        return item

    def colleague_changes(self, item_id: str, **changes: Any) -> WorkItem:
        """Someone else changed the item: a new version and ETag."""
        old = self.items[item_id]
        version = int(old.etag.strip('"').split(".")[1]) + 1
        new = replace(old, **changes, etag=f'"e{item_id[1:]}.{version}"')
        self.items[item_id] = new
        return new

    def get_worklist(self) -> Worklist:
        self.calls.append(("get_worklist", None))
        self._maybe_fail("get_worklist")
        mine = sorted((i for i in self.items.values()
                       if i.state is WorkState.OPEN and i.assignee == ME),
                      key=lambda i: (i.due_date, i.item_id))
        return Worklist(self.today, tuple(mine), tuple(self.changed))

    def get_work_item(self, item_id: str) -> WorkItem:
        self.calls.append(("get_work_item", item_id))
        self._maybe_fail("get_work_item")
        if item_id not in self.items:
            raise NotFound()
        return self.items[item_id]

    def create_work_item(self, claim_number: str, due_date: date, note: str) -> WorkItem:
        self.calls.append(("create_work_item", (claim_number, due_date, note)))
        self._maybe_fail("create_work_item")
        d = next(c for c in self.claims if c.claim_number == claim_number)
        return self.add_item(d, due_date, note)

    def update_work_item(self, item_id: str, changes: WorkChanges, etag: str) -> WorkItem:
        self.calls.append(("update_work_item", (item_id, changes, etag)))
        self._maybe_fail("update_work_item")
        current = self.items[item_id]
        if current.etag != etag:
            raise PreconditionFailed()
        if changes.due_date is not None and changes.due_date < self.today:
            raise ValidationFailed(fields={"due_date": "The date is in the past."})
        update: dict[str, Any] = {}
        if changes.due_date is not None:
            update.update(due_date=changes.due_date,
                          bucket=bucket_of(changes.due_date, self.today))
        if changes.note is not None:
            update["note"] = changes.note
        if changes.state is not None:
            update.update(state=changes.state,
                          bucket=None if changes.state is WorkState.DONE else current.bucket)
        if changes.assignee is not None:
            update["assignee"] = next(u for u in (ME, COLLEAGUE)
                                      if u.username == changes.assignee)
        return self.colleague_changes(item_id, **update)

    def list_assignees(self) -> tuple[UserRef, ...]:
        self.calls.append(("list_assignees", None))
        return (ME, COLLEAGUE)

    # --- saved searches ----------------------------------------------------------------

    def list_saved_searches(self) -> tuple[SavedSearch, ...]:
        self.calls.append(("list_saved_searches", None))
        self._maybe_fail("list_saved_searches")
        return tuple(self.saved)

    def save_search(self, name: str, criteria: ClaimSearch) -> SavedSearch:
        self.calls.append(("save_search", (name, criteria)))
        self._maybe_fail("save_search")
        saved = SavedSearch(f"s{next(self._ids)}", name, criteria, AT)
        self.saved.append(saved)
        return saved

    def delete_saved_search(self, search_id: str) -> None:
        self.calls.append(("delete_saved_search", search_id))
        self.saved = [s for s in self.saved if s.search_id != search_id]


def changed_claim(d: ClaimDetail, seen: str = "P1") -> ChangedClaim:
    return ChangedClaim(d.claim_id, d.claim_number, ClaimStatus(seen, "20", "Pending"),
                        d.status, AT)


def work_context(claims: list[ClaimDetail], *, allow_export: bool = True,
                 today: date = date(2026, 3, 10)) -> tuple[ScreenContext, FakeWorkClient]:
    client = FakeWorkClient(claims, today=today)
    ops = Operations(client, SyncTaskRunner(), guard=FakeSession())
    return ScreenContext(ops=ops, allow_export=allow_export), client
