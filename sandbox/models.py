"""Request bodies (parsed strictly) and response shapes (for the OpenAPI document).

Request models forbid unknown keys and coerce nothing (`strict`), so `"paper_mail": "yes"`
or a misspelt key is a 422 instead of being silently ignored. Response models are not used
to validate what the routes return (a 500-row claim page would pay for that on every call);
they document the wire shape in `/api/v1/openapi.json`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ContactPreferencesIn(_Strict):
    email_notices: bool = True
    paper_mail: bool = False
    preferred_channel: str = "email"


class ContactPreferencesPatch(_Strict):
    email_notices: bool | None = None
    paper_mail: bool | None = None
    preferred_channel: str | None = None


class RegistrationIn(_Strict):
    first_name: str
    last_name: str
    email: str
    phone: str
    organization_name: str
    tin: str = Field(description="Nine digits, or an EIN written NN-NNNNNNN.")
    npi: str
    username: str
    password: str
    accepted_policy_version: str
    contact_preferences: ContactPreferencesIn | None = None


class SessionIn(_Strict):
    username: str
    password: str
    otp: str | None = Field(default=None, max_length=64, description="A six-digit code "
                            "from the authenticator app, or an unused recovery code; only "
                            "for users with two-step sign-in on.")


class VerificationIn(_Strict):
    username: str
    code: str = Field(max_length=64)
    payment_amount: str = Field(max_length=64, description="Dollars and cents: `1234.50`.")
    payment_date: str = Field(max_length=64, description="ISO 8601 date: `2026-11-27`.")


class ResendIn(_Strict):
    username: str


class RefusalIn(_Strict):
    reason: str = Field(min_length=1, max_length=500)


class ReauthIn(_Strict):
    password: str


class PasswordIn(_Strict):
    password: str


class CodeIn(_Strict):
    code: str = Field(max_length=64)


class MfaOffIn(_Strict):
    password: str
    code: str = Field(max_length=64)


class AcceptanceIn(_Strict):
    version: str


class AccountPatch(_Strict):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    contact_preferences: ContactPreferencesPatch | None = None


class PasswordChangeIn(_Strict):
    current_password: str
    new_password: str


class DeactivationIn(_Strict):
    password: str
    reason: str = Field(default="", max_length=1000)


# --- responses (documentation only) ----------------------------------------------------


class ClaimSearchIn(_Strict):
    """Body of `POST /claims/search`: every criterion, the sort, the page size and the
    cursor travel here, never in the URL, because proxies and access logs record URLs."""

    claim_number: str | None = None
    member_id: str | None = None
    patient_last_name: str | None = Field(None, description="Case-insensitive prefix.")
    patient_first_name: str | None = Field(None, description="Case-insensitive prefix.")
    patient_dob: str | None = Field(None, description="YYYY-MM-DD")
    service_from: str | None = Field(None, description="YYYY-MM-DD, inclusive")
    service_to: str | None = Field(None, description="YYYY-MM-DD, inclusive")
    status: list[str] | None = Field(
        None, description="Families (A, P, F, R, E) or categories (F2); OR-ed.")
    billing_npi: str | None = None
    rendering_npi: str | None = None
    sort: str | None = Field(None, description="service_from, -service_from (default), "
                             "billed_amount, -billed_amount, received_at, -received_at")
    limit: int | None = Field(None, description="1-500, default 100")
    cursor: str | None = Field(None, description="next_cursor of the previous page")


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: dict[str, str] | None = None
    current_version: str | None = None
    retry_after_s: int | None = None
    attempts_left: int | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail


class PolicyOut(BaseModel):
    version: str
    effective_at: str
    title: str
    body_markdown: str
    summary_of_changes: str


class PolicyVersionOut(BaseModel):
    version: str
    effective_at: str
    title: str


class SupportOut(BaseModel):
    organization: str
    email: str
    phone: str
    hours: str
    website: str


RegistrationStatus = Literal[
    "active", "pending_review", "pending_approval", "pending_verification"]


class RegistrationOut(BaseModel):
    username: str
    status: RegistrationStatus


class UserOut(BaseModel):
    username: str
    display_name: str
    mfa_enabled: bool


class MfaSetupOut(BaseModel):
    secret: str
    otpauth_uri: str


class RecoveryCodesOut(BaseModel):
    recovery_codes: list[str]


class SessionPolicyOut(BaseModel):
    current_version: str
    accepted_version: str | None


class SessionOut(BaseModel):
    token: str
    expires_at: str
    idle_timeout_s: int
    user: UserOut
    policy: SessionPolicyOut


class SessionStateOut(BaseModel):
    expires_at: str
    idle_timeout_s: int


class AcceptanceOut(BaseModel):
    version: str
    accepted_at: str
    receipt_id: str


class ContactPreferencesOut(BaseModel):
    email_notices: bool
    paper_mail: bool
    preferred_channel: Literal["email", "phone", "mail"]


class AccountOut(BaseModel):
    username: str
    first_name: str
    last_name: str
    email: str
    phone: str
    organization_name: str
    tin_last4: str
    npi: str
    status: Literal["active", "deactivated"]
    created_at: str
    contact_preferences: ContactPreferencesOut
    office_admin: bool
    mfa_enabled: bool


class PendingUserOut(BaseModel):
    user_id: str
    first_name: str
    last_name: str
    email: str
    npi: str
    requested_at: str


class OfficeUserOut(BaseModel):
    user_id: str
    first_name: str
    last_name: str
    email: str
    npi: str
    office_admin: bool
    is_you: bool


class OfficeUsersOut(BaseModel):
    pending: list[PendingUserOut]
    active: list[OfficeUserOut]


class DecisionOut(BaseModel):
    user_id: str
    status: Literal["active", "refused"]


class PatientOut(BaseModel):
    first_name: str
    last_name: str
    dob: str
    member_id: str


class StatusOut(BaseModel):
    category: str
    code: str
    label: str


class ClaimSummaryOut(BaseModel):
    claim_id: str
    claim_number: str
    patient: PatientOut
    patient_account_number: str
    billing_npi: str
    rendering_npi: str
    service_from: str
    service_to: str
    received_at: str
    status: StatusOut
    billed_amount: str
    allowed_amount: str
    paid_amount: str
    patient_responsibility: str
    paid_at: str | None
    payment_number: str | None


class AdjustmentOut(BaseModel):
    group_code: Literal["CO", "PR", "OA", "PI", "CR"]
    carc: str
    amount: str


class ClaimLineOut(BaseModel):
    line_number: int
    service_date: str
    procedure_code: str
    modifiers: list[str]
    units: int
    billed_amount: str
    allowed_amount: str
    paid_amount: str
    adjustments: list[AdjustmentOut]
    remarks: list[str]


class PaymentOut(BaseModel):
    method: Literal["CHK", "ACH"] | None
    number: str | None
    date: str | None
    amount: str
    payment_id: str | None = Field(
        description="The remittance this claim was last in (GET /payments/{payment_id}); "
        "null when it is in none (not yet finalized)."
    )


class StatusHistoryOut(BaseModel):
    category: str
    code: str
    effective_at: str


class ClaimDetailOut(ClaimSummaryOut):
    lines: list[ClaimLineOut]
    payment: PaymentOut
    status_history: list[StatusHistoryOut]


class ClaimPageOut(BaseModel):
    items: list[ClaimSummaryOut]
    next_cursor: str | None
    total: int


class CodeOut(BaseModel):
    code: str
    label: str


class CodeTableOut(BaseModel):
    version: str
    codes: list[CodeOut]
