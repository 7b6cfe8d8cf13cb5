"""Request and response shapes of batch status, the worklist, saved searches, playbook.

Kept apart from `sandbox.models` so that the clerk's-day endpoints can grow without
touching the shapes other features own. Same rules: requests strict, responses document.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sandbox.models import ClaimSummaryOut, StatusOut

MAX_BATCH = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class StatusBatchIn(_Strict):
    claim_numbers: list[str] = Field(
        description=f"1-{MAX_BATCH} claim numbers; duplicates are answered once.")


class ReasonOut(BaseModel):
    group_code: str
    carc: str
    remarks: list[str]


class BatchClaimOut(ClaimSummaryOut):
    decided_at: str | None = Field(description="Date of the latest status (YYYY-MM-DD).")
    reasons: list[ReasonOut] = Field(
        description="Distinct adjustments of the claim's lines with their lines' remarks.")
    remarks: list[str] = Field(description="Distinct remarks of every line.")


class BatchItemOut(BaseModel):
    claim_number: str
    found: bool = Field(description="False for an unknown number and for another "
                        "office's claim alike.")
    claim: BatchClaimOut | None


class StatusBatchOut(BaseModel):
    items: list[BatchItemOut]


class UserRefOut(BaseModel):
    username: str
    display_name: str


class WorkItemOut(BaseModel):
    item_id: str
    claim_id: str
    claim_number: str
    patient_name: str
    status: StatusOut
    due_date: str
    note: str
    state: Literal["open", "done"]
    bucket: Literal["overdue", "today", "upcoming"] | None
    assignee: UserRefOut
    updated_at: str
    etag: str = Field(description="The item's ETag (also in the ETag header of its "
                      "own answers); send it as If-Match to change the item.")


class ChangedClaimOut(BaseModel):
    claim_id: str
    claim_number: str
    seen_status: StatusOut
    status: StatusOut
    seen_at: str


class WorklistOut(BaseModel):
    today: str
    items: list[WorkItemOut]
    changed: list[ChangedClaimOut]


class WorkItemIn(_Strict):
    claim_number: str
    due_date: str = Field(description="YYYY-MM-DD, today or later (up to two years).")
    note: str = Field("", description="At most 500 characters.")


class WorkItemPatch(_Strict):
    due_date: str | None = Field(None, description="Snooze: a new due date.")
    note: str | None = None
    state: Literal["open", "done"] | None = None
    assignee: str | None = Field(None, description="Username of an active user of the "
                                 "same office.")


class AssigneesOut(BaseModel):
    items: list[UserRefOut]


class SavedSearchIn(_Strict):
    name: str = Field(description="1-60 characters, unique per user.")
    criteria: dict[str, str | list[str]] = Field(
        description="Claim search criteria by their parameter names (claim_number, "
        "member_id, ..., status as a list).")


class SavedSearchOut(BaseModel):
    search_id: str
    name: str
    criteria: dict[str, str | list[str]]
    created_at: str


class SavedSearchListOut(BaseModel):
    items: list[SavedSearchOut]


class PlaybookActionOut(BaseModel):
    action: str
    label: str


class PlaybookWindowOut(BaseModel):
    window: str
    days: int
    counted_from: Literal["service_date", "decision_date"]
    source: str


class PlaybookRuleOut(BaseModel):
    rule_id: str
    category: str | None
    group_code: str | None
    carc: str | None
    rarc: str | None
    action: Literal["correct_resubmit", "appeal", "bill_patient", "send_records", "nothing"]
    advice: str
    window: str | None
    source: str


class PlaybookOut(BaseModel):
    version: str
    actions: list[PlaybookActionOut]
    windows: list[PlaybookWindowOut]
    rules: list[PlaybookRuleOut]
