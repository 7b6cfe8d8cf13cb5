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
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate


def _tr(text: object) -> str:
    return translate("PaymentWords", str(text))


PLB_WORDS: dict[str, object] = {
    "WO": QT_TRANSLATE_NOOP("PaymentWords", "Recovery of an earlier overpayment"),
    "L6": QT_TRANSLATE_NOOP("PaymentWords", "Interest owed to you"),
    "FB": QT_TRANSLATE_NOOP("PaymentWords", "Balance forwarded (carried between payments)"),
    "72": QT_TRANSLATE_NOOP("PaymentWords", "Authorized return"),
    "CS": QT_TRANSLATE_NOOP("PaymentWords", "Adjustment"),
    "J1": QT_TRANSLATE_NOOP("PaymentWords", "Nonreimbursable"),
    "50": QT_TRANSLATE_NOOP("PaymentWords", "Late charge"),
    "WU": QT_TRANSLATE_NOOP("PaymentWords", "Recovery of an unspent balance"),
    "AP": QT_TRANSLATE_NOOP("PaymentWords", "Acceleration of benefits"),
    "IR": QT_TRANSLATE_NOOP("PaymentWords", "Internal Revenue Service withholding"),
    "L3": QT_TRANSLATE_NOOP("PaymentWords", "Penalty"),
    "LE": QT_TRANSLATE_NOOP("PaymentWords", "Levy"),
}
METHOD_WORDS: dict[str, object] = {
    "ACH": QT_TRANSLATE_NOOP("PaymentWords", "Electronic funds transfer (EFT)"),
    "CHK": QT_TRANSLATE_NOOP("PaymentWords", "Paper check"),
    "NON": QT_TRANSLATE_NOOP("PaymentWords", "No money moved (notification only)"),
    "BOP": QT_TRANSLATE_NOOP("PaymentWords", "Financial institution option"),
    "FWT": QT_TRANSLATE_NOOP("PaymentWords", "Federal Reserve wire transfer"),
}


def method_words(method: str) -> str:
    if method in METHOD_WORDS:
        return _tr(METHOD_WORDS[method])
    return method or translate("PaymentWords", "Unknown method")


#: Who carries an adjustment, short enough to fit one row beside the reason's words
#: (the claim detail's long form, `group_words`, is the tooltip).
GROUP_SHORT: dict[str, object] = {
    "CO": QT_TRANSLATE_NOOP("PaymentWords", "provider writes off"),
    "PR": QT_TRANSLATE_NOOP("PaymentWords", "patient may be billed"),
    "OA": QT_TRANSLATE_NOOP("PaymentWords", "other adjustment"),
    "PI": QT_TRANSLATE_NOOP("PaymentWords", "payer reduction"),
    "CR": QT_TRANSLATE_NOOP("PaymentWords", "correction or reversal"),
}


def adjustment_words(adj: RemitAdjustment, words: CodeWords) -> str:
    """`CO-45, provider writes off: Charge is more than the contracted fee …`."""
    who = _tr(GROUP_SHORT.get(adj.group_code, QT_TRANSLATE_NOOP("PaymentWords", "adjustment")))
    return translate("PaymentWords", "{group}-{code}, {who}: {words}").format(
        group=adj.group_code, code=adj.carc, who=who, words=carc_words(adj.carc, words))


def adjustment_tip(adj: RemitAdjustment, words: CodeWords) -> str:
    return translate("PaymentWords", "{group}: {who}. {words}").format(
        group=adj.group_code, who=group_words(adj.group_code), words=carc_words(adj.carc, words))


def remark_words(code: str, words: CodeWords) -> str:
    return translate("PaymentWords", "Remark {code}: {words}").format(
        code=code, words=rarc_words(code, words))


def provider_words(adj: ProviderAdjustment, fmt: Formats) -> str:
    """What a PLB does to the deposit: positive amounts are withheld, negative are added."""
    known = PLB_WORDS.get(adj.reason_code)
    reason = _tr(known) if known else translate(
        "PaymentWords", "Provider adjustment {code}").format(code=adj.reason_code)
    if adj.reference:
        reason = translate("PaymentWords", "{reason} (reference {ref})").format(
            reason=reason, ref=adj.reference)
    if adj.amount >= 0:
        effect = translate("PaymentWords", "{amount} taken from the deposit").format(
            amount=fmt.amount(adj.amount))
    else:
        effect = translate("PaymentWords", "{amount} added to the deposit").format(
            amount=fmt.amount(-adj.amount))
    return translate("PaymentWords", "{code}: {reason}: {effect}").format(
        code=adj.reason_code, reason=reason, effect=effect)


def deposit_sentence(r: Remittance, fmt: Formats) -> str:
    """`Deposit $146.50 = claims paid $156.50 − provider adjustments $10.00`."""
    plb = r.provider_adjustment_total
    if plb >= 0:
        text = translate("PaymentWords",
                         "Deposit {deposit} = claims paid {paid} − provider adjustments {plb}")
    else:
        text = translate("PaymentWords",
                         "Deposit {deposit} = claims paid {paid} + provider adjustments {plb}")
    return text.format(deposit=fmt.amount(r.total_amount), paid=fmt.amount(r.claims_paid),
                       plb=fmt.amount(abs(plb)))


def difference_sentence(r: Remittance, fmt: Formats) -> str | None:
    """A warning when the figures do not add up; None when they do."""
    if r.difference == Decimal(0):
        return None
    expected = r.claims_paid - r.provider_adjustment_total
    return translate(
        "PaymentWords", "These figures do not add up: claims paid minus provider adjustments "
        "is {expected}, but the deposit is {deposit} (a difference of {difference}).").format(
            expected=fmt.amount(expected), deposit=fmt.amount(r.total_amount),
            difference=fmt.amount(r.difference))
