"""The sums a clerk checks on a remittance, as sentences with the difference in them.

Used for 835 files (where nothing guarantees the figures agree); the portal's JSON obeys
the same rules, which the contract tests check.
"""

from __future__ import annotations

from desktop.portal.payments import ZERO, RemitClaim, Remittance


def _amount(value: object) -> str:
    return f"{value:,.2f}"


def check_claim(claim: RemitClaim) -> list[str]:
    """Each line and the claim: billed - adjustments = paid; PR adjustments = patient's share."""
    out = []
    name = f"Claim {claim.claim_number or claim.patient_control_number}"
    for line in claim.lines:
        if line.difference != ZERO:
            out.append(f"{name}, line {line.line_number}: billed {_amount(line.billed_amount)} "
                       f"minus its adjustments is not the paid {_amount(line.paid_amount)}; "
                       f"the difference is {_amount(line.difference)}.")
    if claim.difference != ZERO:
        out.append(f"{name}: billed {_amount(claim.billed_amount)} minus its adjustments is "
                   f"not the paid {_amount(claim.paid_amount)}; the difference is "
                   f"{_amount(claim.difference)}.")
    share = sum((a.amount for a in claim.all_adjustments() if a.group_code == "PR"), ZERO)
    if claim.lines and share != claim.patient_responsibility:
        out.append(f"{name}: the patient's share is given as "
                   f"{_amount(claim.patient_responsibility)} but the patient-responsibility "
                   f"adjustments add up to {_amount(share)}; the difference is "
                   f"{_amount(claim.patient_responsibility - share)}.")
    return out


def check_payment(r: Remittance) -> list[str]:
    """The deposit must equal claims paid minus provider-level adjustments."""
    if r.difference == ZERO:
        return []
    return [f"The payment total {_amount(r.total_amount)} is not claims paid "
            f"{_amount(r.claims_paid)} minus provider adjustments "
            f"{_amount(r.provider_adjustment_total)} "
            f"(= {_amount(r.claims_paid - r.provider_adjustment_total)}); the difference is "
            f"{_amount(r.difference)}."]
