"""Remittance figures and codes in plain words; pure Python, unit-tested without a window.

CARC and RARC words come from the portal's code tables (`CodeWords`, as on the claim
detail); provider-level (PLB) reasons and payment methods are a short, fixed vocabulary
of the X12 standard, so their words live here.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.portal.payments import ProviderAdjustment, RemitAdjustment, Remittance
from desktop.ui.claims.explain import CodeWords, carc_words, group_words, rarc_words
from desktop.ui.common.formats import Formats

PLB_WORDS: dict[str, str] = {
    "WO": "Recovery of an earlier overpayment",
    "L6": "Interest owed to you",
    "FB": "Balance forwarded (carried between payments)",
    "72": "Authorized return",
    "CS": "Adjustment",
    "J1": "Nonreimbursable",
    "50": "Late charge",
    "WU": "Recovery of an unspent balance",
    "AP": "Acceleration of benefits",
    "IR": "Internal Revenue Service withholding",
    "L3": "Penalty",
    "LE": "Levy",
}
METHOD_WORDS: dict[str, str] = {
    "ACH": "Electronic funds transfer (EFT)",
    "CHK": "Paper check",
    "NON": "No money moved (notification only)",
    "BOP": "Financial institution option",
    "FWT": "Federal Reserve wire transfer",
}


def method_words(method: str) -> str:
    return METHOD_WORDS.get(method, method or "Unknown method")


#: Who carries an adjustment, short enough to fit one row beside the reason's words
#: (the claim detail's long form, `group_words`, is the tooltip).
GROUP_SHORT: dict[str, str] = {
    "CO": "provider writes off",
    "PR": "patient may be billed",
    "OA": "other adjustment",
    "PI": "payer reduction",
    "CR": "correction or reversal",
}


def adjustment_words(adj: RemitAdjustment, words: CodeWords) -> str:
    """`CO-45, provider writes off: Charge is more than the contracted fee …`."""
    who = GROUP_SHORT.get(adj.group_code, "adjustment")
    return f"{adj.group_code}-{adj.carc}, {who}: {carc_words(adj.carc, words)}"


def adjustment_tip(adj: RemitAdjustment, words: CodeWords) -> str:
    return f"{adj.group_code}: {group_words(adj.group_code)}. {carc_words(adj.carc, words)}"


def remark_words(code: str, words: CodeWords) -> str:
    return f"Remark {code}: {rarc_words(code, words)}"


def provider_words(adj: ProviderAdjustment, fmt: Formats) -> str:
    """What a PLB does to the deposit: positive amounts are withheld, negative are added."""
    reason = PLB_WORDS.get(adj.reason_code, f"Provider adjustment {adj.reason_code}")
    ref = f" (reference {adj.reference})" if adj.reference else ""
    if adj.amount >= 0:
        effect = f"{fmt.amount(adj.amount)} taken from the deposit"
    else:
        effect = f"{fmt.amount(-adj.amount)} added to the deposit"
    return f"{adj.reason_code}: {reason}{ref}: {effect}"


def deposit_sentence(r: Remittance, fmt: Formats) -> str:
    """`Deposit $146.50 = claims paid $156.50 − provider adjustments $10.00`."""
    plb = r.provider_adjustment_total
    sign = "−" if plb >= 0 else "+"
    return (f"Deposit {fmt.amount(r.total_amount)} = claims paid {fmt.amount(r.claims_paid)} "
            f"{sign} provider adjustments {fmt.amount(abs(plb))}")


def difference_sentence(r: Remittance, fmt: Formats) -> str | None:
    """A warning when the figures do not add up; None when they do."""
    if r.difference == Decimal(0):
        return None
    expected = r.claims_paid - r.provider_adjustment_total
    return (f"These figures do not add up: claims paid minus provider adjustments is "
            f"{fmt.amount(expected)}, but the deposit is {fmt.amount(r.total_amount)} "
            f"(a difference of {fmt.amount(r.difference)}).")
