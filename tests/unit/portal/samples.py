"""Example answers in the shapes of PORTAL_API.md, with obviously fictional values."""

from __future__ import annotations

import copy
from typing import Any

POLICY: dict[str, Any] = {
    "version": "2026-11-01",
    "effective_at": "2026-11-01T00:00:00Z",
    "title": "Privacy policy of the Fictional Payer",
    "body_markdown": "# Privacy\n\nWe keep *fictional* data only.",
    "summary_of_changes": "New section on session tokens.",
}

POLICY_VERSIONS: list[dict[str, Any]] = [
    {"version": "2026-11-01", "effective_at": "2026-11-01T00:00:00Z", "title": "Privacy policy"},
    {"version": "2025-01-15", "effective_at": "2025-01-15T00:00:00Z", "title": "Privacy policy"},
]

SUPPORT: dict[str, Any] = {
    "organization": "Fictional Payer Provider Services",
    "email": "support@payer.example.test",
    "phone": "+1 555 0100",
    "hours": "Mon-Fri 8:00-17:00",
    "website": "https://payer.example.test/help",
}

REGISTRATION_RESULT: dict[str, Any] = {"username": "test.clerk01", "status": "active"}

SIGN_IN: dict[str, Any] = {
    "token": "tok_FictionalTokenValue0123456789abcdef",
    "expires_at": "2026-11-28T10:49:30Z",
    "idle_timeout_s": 1800,
    "user": {"username": "test.clerk01", "display_name": "Testy McTestface"},
    "policy": {"current_version": "2026-11-01", "accepted_version": "2025-01-15"},
}

SESSION: dict[str, Any] = {"expires_at": "2026-11-28T10:49:30Z", "idle_timeout_s": 1800}

ACCEPTANCE: dict[str, Any] = {
    "version": "2026-11-01", "accepted_at": "2026-11-27T22:49:30Z", "receipt_id": "rcpt-0001",
}

ACCOUNT: dict[str, Any] = {
    "username": "test.clerk01",
    "first_name": "Testy",
    "last_name": "McTestface",
    "email": "testy@clinic.example.test",
    "phone": "+1 555 0199",
    "organization_name": "Imaginary Family Clinic",
    "tin_last4": "6789",
    "npi": "1234567893",
    "status": "active",
    "created_at": "2026-01-02T03:04:05Z",
    "contact_preferences": {"email_notices": True, "paper_mail": False,
                            "preferred_channel": "email"},
}

CLAIM_SUMMARY: dict[str, Any] = {
    "claim_id": "c-000123",
    "claim_number": "FIC2026000123",
    "patient": {"first_name": "Zed", "last_name": "Imaginary", "dob": "1970-01-01",
                "member_id": "MBR-FAKE-0001"},
    "patient_account_number": "PAN-0001",
    "billing_npi": "1234567893",
    "rendering_npi": "1245319599",
    "service_from": "2026-10-01",
    "service_to": "2026-10-02",
    "received_at": "2026-10-05T12:00:00Z",
    "status": {"category": "F2", "code": "85", "label": "Denied"},
    "billed_amount": "1234.50",
    "allowed_amount": "0.00",
    "paid_amount": "0.00",
    "patient_responsibility": "0.00",
    "paid_at": None,
    "payment_number": None,
}

CLAIM_PAGE: dict[str, Any] = {"items": [CLAIM_SUMMARY], "next_cursor": "opaque-cursor-1",
                              "total": 1234}

CLAIM_DETAIL: dict[str, Any] = {
    **CLAIM_SUMMARY,
    "status": {"category": "F1", "code": "65", "label": "Paid"},
    "paid_amount": "80.00",
    "paid_at": "2026-10-20T00:00:00Z",
    "payment_number": "CHK000042",
    "lines": [{
        "line_number": 1,
        "service_date": "2026-10-01",
        "procedure_code": "99213",
        "modifiers": ["25"],
        "units": 1,
        "billed_amount": "150.00",
        "allowed_amount": "100.00",
        "paid_amount": "80.00",
        "adjustments": [{"group_code": "CO", "carc": "45", "amount": "50.00"},
                        {"group_code": "PR", "carc": "2", "amount": "20.00"}],
        "remarks": ["N130"],
    }],
    "payment": {"method": "CHK", "number": "CHK000042", "date": "2026-10-20", "amount": "80.00"},
    "status_history": [{"category": "A1", "code": "20", "effective_at": "2026-10-05T12:00:00Z"},
                       {"category": "F1", "code": "65", "effective_at": "2026-10-20T00:00:00Z"}],
}

CODE_TABLE: dict[str, Any] = {"version": "2026-10", "codes": [
    {"code": "45", "label": "Charge exceeds fee schedule"},
    {"code": "2", "label": "Coinsurance amount"},
]}


def fresh(doc: Any) -> Any:
    return copy.deepcopy(doc)
