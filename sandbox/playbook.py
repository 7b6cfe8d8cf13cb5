"""The denial playbook: what a clerk does next about a claim, and by when, as data.

Why data and not client code: the next step for a CARC/RARC depends on the payer's plan
(its appeal windows, which denials it reconsiders), so the portal owns it like the other
code tables and the client only matches and counts days. Every rule names its source:
the X12 code list it follows, or the reference plan's own provider manual (fictional,
like everything in the sandbox).

A rule matches on any of `category` (X12 277 status category), `group_code`, `carc` and
`rarc`; a field left out matches anything, and the rule with the most fields matched
wins (ties: the earlier rule, so the broad rules come last). Deadlines are windows
counted in calendar days from the date of service (timely filing) or from the decision
date (reconsideration, appeal).
"""

from __future__ import annotations

from typing import Any

PLAYBOOK_VERSION = "2026-12"

X12_CARC = "X12 Claim Adjustment Reason Codes (code source 139)"
X12_RARC = "X12 Remittance Advice Remark Codes (code source 411)"
X12_277 = "X12 277 claim status category codes (code source 507)"
PLAN = "Reference plan provider manual (fictional), section 7: claim disputes"
CMS = "CMS Medicare Claims Processing Manual, chapter 29 (42 CFR 405.942)"

ACTIONS: dict[str, str] = {
    "correct_resubmit": "Correct and resubmit",
    "appeal": "Appeal or ask for reconsideration",
    "bill_patient": "Bill the patient",
    "send_records": "Send medical records",
    "nothing": "Nothing to do",
}

# kind -> (days, counted from, source). The plan sets its own; Medicare's is listed for
# offices that also bill Medicare (the sandbox's claims are not Medicare claims).
WINDOWS: dict[str, tuple[int, str, str]] = {
    "timely_filing": (365, "service_date", PLAN + ", 7.1 timely filing"),
    "reconsideration": (90, "decision_date", PLAN + ", 7.2 reconsideration"),
    "appeal": (180, "decision_date", PLAN + ", 7.3 formal appeal"),
    "medicare_redetermination": (120, "decision_date", CMS),
}

# (match, action, window or None, advice, source)
_RULES: list[tuple[dict[str, str], str, str | None, str, str]] = [
    ({"category": "A3"}, "correct_resubmit", "timely_filing",
     "The claim was returned as unprocessable: fix what the status says and send it again.",
     X12_277),
    ({"category": "A6"}, "correct_resubmit", "timely_filing",
     "Information is missing: add it and send the claim again.", X12_277),
    ({"category": "A7"}, "correct_resubmit", "timely_filing",
     "Information is invalid: correct it and send the claim again.", X12_277),
    ({"category": "A8"}, "correct_resubmit", "timely_filing",
     "The claim was rejected for relational field errors: correct and resubmit.", X12_277),
    ({"category": "P3"}, "send_records", "timely_filing",
     "The payer is waiting for information from you: send it.", X12_277),
    ({"category": "R4"}, "send_records", "timely_filing",
     "Send the supporting documents the payer asked for.", X12_277),
    ({"carc": "4"}, "correct_resubmit", "timely_filing",
     "Fix the modifier and send a corrected claim.", X12_CARC),
    ({"carc": "11"}, "correct_resubmit", "timely_filing",
     "Check the diagnosis coding and send a corrected claim.", X12_CARC),
    ({"carc": "16"}, "correct_resubmit", "timely_filing",
     "Add the missing information the remark names and send a corrected claim.", X12_CARC),
    ({"carc": "18"}, "nothing", None,
     "Duplicate of a claim already received: do not resubmit.", X12_CARC),
    ({"carc": "22"}, "correct_resubmit", "timely_filing",
     "Bill the primary payer first, then send this claim with its payment.", X12_CARC),
    ({"carc": "29"}, "appeal", "appeal",
     "Filed late: appeal only with proof of timely filing.", PLAN + ", 7.1"),
    ({"carc": "31"}, "correct_resubmit", "timely_filing",
     "Check the member ID against the patient's card and resubmit.", X12_CARC),
    ({"carc": "50"}, "appeal", "appeal",
     "Not medically necessary: appeal with the medical records that support it.", PLAN),
    ({"carc": "97"}, "nothing", None,
     "Paid as part of another service: nothing to do unless the bundling is wrong.",
     X12_CARC),
    ({"carc": "109"}, "correct_resubmit", "timely_filing",
     "Send the claim to the patient's correct payer.", X12_CARC),
    ({"carc": "151"}, "send_records", "reconsideration",
     "Send the records that support the number of services.", PLAN + ", 7.2"),
    ({"carc": "197"}, "appeal", "reconsideration",
     "No prior authorization on file: ask for reconsideration with the authorization.",
     PLAN + ", 7.2"),
    ({"carc": "207"}, "correct_resubmit", "timely_filing",
     "Correct the NPI and resubmit.", X12_CARC),
    ({"carc": "234"}, "nothing", None,
     "This procedure is not paid separately: nothing to do.", X12_CARC),
    ({"carc": "252"}, "send_records", "reconsideration",
     "Send the attachment the payer needs to decide the claim.", X12_CARC),
    ({"group_code": "PR", "carc": "26"}, "bill_patient", None,
     "The patient was not covered yet: bill the patient or their other coverage.", X12_CARC),
    ({"group_code": "PR", "carc": "27"}, "bill_patient", None,
     "The patient's coverage had ended: bill the patient or their new plan.", X12_CARC),
    ({"group_code": "PR", "carc": "96"}, "bill_patient", None,
     "Not covered by the patient's plan: bill the patient if they agreed in writing.",
     X12_CARC),
    ({"group_code": "PR", "carc": "204"}, "bill_patient", None,
     "Not covered by the patient's current plan: bill the patient.", X12_CARC),
    ({"rarc": "N29"}, "send_records", "reconsideration",
     "Send the documentation, records or report the remark asks for.", X12_RARC),
    ({"rarc": "M127"}, "send_records", "reconsideration",
     "Send the medical record for this service.", X12_RARC),
    # The group alone: only when no rule of the reason code itself matched.
    ({"group_code": "PR"}, "bill_patient", None,
     "The patient owes this amount: bill the patient.", X12_CARC),
    ({"group_code": "CO"}, "appeal", "reconsideration",
     "The provider cannot bill the patient for this: ask for reconsideration if you "
     "disagree.", X12_CARC),
    ({"category": "F1"}, "nothing", None, "Paid as billed under the contract.", X12_277),
]


def rules() -> list[dict[str, Any]]:
    out = []
    for index, (match, action, window, advice, source) in enumerate(_RULES, start=1):
        out.append({
            "rule_id": f"r{index}",
            "category": match.get("category"),
            "group_code": match.get("group_code"),
            "carc": match.get("carc"),
            "rarc": match.get("rarc"),
            "action": action,
            "advice": advice,
            "window": window,
            "source": source,
        })
    return out


def document() -> dict[str, Any]:
    """The body of `GET /codes/playbook`."""
    return {
        "version": PLAYBOOK_VERSION,
        "actions": [{"action": k, "label": v} for k, v in ACTIONS.items()],
        "windows": [
            {"window": kind, "days": days, "counted_from": start, "source": source}
            for kind, (days, start, source) in WINDOWS.items()
        ],
        "rules": rules(),
    }


PLAYBOOK: dict[str, Any] = document()
