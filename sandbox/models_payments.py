"""Request and response shapes of the payment endpoints (documentation, like models.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Method = Literal["ACH", "CHK", "NON"]


class PaymentSearchIn(BaseModel):
    """Every criterion is optional; empty strings are ignored. Dates are YYYY-MM-DD and
    inclusive; amounts are decimal strings compared with the deposit total."""

    model_config = ConfigDict(extra="forbid", strict=True)

    paid_from: str | None = None
    paid_to: str | None = None
    trace_number: str | None = Field(None, description="EFT trace or check number, exact.")
    amount_min: str | None = None
    amount_max: str | None = None
    method: str | None = Field(None, description="ACH, CHK or NON (notification only).")
    limit: int | None = Field(None, description="1-500, default 50.")
    cursor: str | None = Field(None, description="next_cursor of the previous page.")


class PaymentSummaryOut(BaseModel):
    payment_id: str
    method: Method
    trace_number: str
    paid_date: str
    total_amount: str
    claim_count: int


class PaymentPageOut(BaseModel):
    items: list[PaymentSummaryOut]
    next_cursor: str | None
    total: int


class RemitAdjustmentOut(BaseModel):
    group_code: Literal["CO", "PR", "OA", "PI", "CR"]
    carc: str
    amount: str


class RemitLineOut(BaseModel):
    line_number: int
    service_date: str
    procedure_code: str
    modifiers: list[str]
    units: int
    billed_amount: str
    allowed_amount: str
    paid_amount: str
    adjustments: list[RemitAdjustmentOut]
    remarks: list[str] = Field(description="RARC remark codes of the line.")


class RemitPatientOut(BaseModel):
    first_name: str
    last_name: str
    member_id: str


class RemitClaimOut(BaseModel):
    claim_id: str
    claim_number: str
    patient_control_number: str
    status_code: str = Field(description="CLP02: 1 processed as primary, 4 denied, 22 reversal.")
    status_label: str
    patient: RemitPatientOut
    rendering_npi: str
    service_from: str
    service_to: str
    billed_amount: str
    allowed_amount: str
    paid_amount: str
    patient_responsibility: str
    adjustments: list[RemitAdjustmentOut] = Field(description="Claim-level adjustments.")
    remarks: list[str]
    lines: list[RemitLineOut]


class ProviderAdjustmentOut(BaseModel):
    reason_code: str = Field(description="PLB reason: WO recovery, L6 interest, FB forward.")
    reason_label: str
    reference: str
    amount: str = Field(description="Positive reduces the deposit, negative adds to it.")


class PayerOut(BaseModel):
    name: str
    payer_id: str
    contact_phone: str


class PayeeOut(BaseModel):
    name: str
    tin_last4: str
    npi: str


class RemittanceOut(PaymentSummaryOut):
    payer: PayerOut
    payee: PayeeOut
    claims_paid_amount: str
    provider_adjustment_amount: str
    claims: list[RemitClaimOut]
    provider_adjustments: list[ProviderAdjustmentOut]
