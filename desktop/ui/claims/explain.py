"""Claim codes in plain words: adjustments, remarks, payments and the one-line "why".

A clerk reading `CO-50 N115` should not need a code book. The words come from the
portal's own code tables (`/codes/*`, fetched once per session by `claims.codes.CodeBook`);
this module only decides which codes matter and how to put them in a sentence. It is
pure Python so that every rule is unit-tested without a window.

The X12 group codes and payment methods are a fixed, short vocabulary of the standard
itself (not portal data), so their words live here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.portal.claims import Adjustment, ClaimDetail, ClaimSummary
from desktop.portal.playbook import EMPTY_PLAYBOOK, Playbook
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP, counted
from desktop.ui.common.i18n import translate

#: Claim status categories the contract lists (X12 277, code source 507); no R2 exists.
STATUS_CATEGORIES: tuple[str, ...] = (
    *(f"A{n}" for n in range(9)),
    *(f"P{n}" for n in range(6)),
    *(f"F{n}" for n in range(5)),
    *(f"R{n}" for n in range(17) if n != 2),
    *(f"E{n}" for n in range(5)),
)

FAMILY_WORDS: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP("ClaimWords", "Acknowledged or rejected on receipt"),
    "P": QT_TRANSLATE_NOOP("ClaimWords", "Pending"),
    "F": QT_TRANSLATE_NOOP("ClaimWords", "Finalized"),
    "R": QT_TRANSLATE_NOOP("ClaimWords", "More information requested"),
    "E": QT_TRANSLATE_NOOP("ClaimWords", "Error"),
    "D": QT_TRANSLATE_NOOP("ClaimWords", "Not found"),
}

GROUP_WORDS: dict[str, str] = {
    "CO": QT_TRANSLATE_NOOP("ClaimWords", "Contractual obligation (the provider writes "
                            "this off; do not bill the patient)"),
    "PR": QT_TRANSLATE_NOOP("ClaimWords",
                            "Patient responsibility (the patient may be billed)"),
    "OA": QT_TRANSLATE_NOOP("ClaimWords", "Other adjustment"),
    "PI": QT_TRANSLATE_NOOP("ClaimWords", "Payer-initiated reduction"),
    "CR": QT_TRANSLATE_NOOP("ClaimWords", "Correction or reversal of an earlier claim"),
}

METHOD_WORDS: dict[str, str] = {
    "ACH": QT_TRANSLATE_NOOP("ClaimWords", "Electronic funds transfer (ACH)"),
    "CHK": QT_TRANSLATE_NOOP("ClaimWords", "Paper check"),
}

#: Adjustments that explain an ordinary payment rather than a refusal.
ROUTINE_ADJUSTMENTS = frozenset({("CO", "45"), ("PR", "1"), ("PR", "2"), ("PR", "3")})
#: Categories where the claim was turned away before it was processed.
REJECTED_CATEGORIES = frozenset({"A3", "A4", "A6", "A7", "A8"})
#: How many reasons the one-line summary names before "and N more".
SUMMARY_REASONS = 2


@dataclass(frozen=True)
class CodeWords:
    """The three code tables as lookups; empty until the portal's tables arrive."""

    status: Mapping[str, str] = field(default_factory=dict)
    carc: Mapping[str, str] = field(default_factory=dict)
    rarc: Mapping[str, str] = field(default_factory=dict)
    #: What to do next about a denial (`desktop.nextstep`); empty until it arrives.
    playbook: Playbook = EMPTY_PLAYBOOK

    @property
    def loaded(self) -> bool:
        return bool(self.status or self.carc or self.rarc)


def family_of(category: str) -> str:
    return category[:1].upper()


def status_words(category: str, words: CodeWords, fallback: str = "") -> str:
    """`Finalized: denied` for `F2`: the portal's table first, then the claim's own label."""
    family = FAMILY_WORDS.get(family_of(category), "")
    shown = translate("ClaimWords", family) if family else ""
    return words.status.get(category) or fallback or shown


def status_text(summary: ClaimSummary, words: CodeWords) -> str:
    """What the status column and the detail header say: category and plain label."""
    category = summary.status.category
    return f"{category} {status_words(category, words, summary.status.label)}".strip()


def carc_words(code: str, words: CodeWords) -> str:
    return words.carc.get(code) or translate(
        "ClaimWords", "No description is available for this reason code")


def rarc_words(code: str, words: CodeWords) -> str:
    return words.rarc.get(code) or translate(
        "ClaimWords", "No description is available for this remark code")


def group_words(group_code: str) -> str:
    return translate("ClaimWords", GROUP_WORDS.get(group_code, QT_TRANSLATE_NOOP("ClaimWords",
                                                                       "Adjustment")))


def adjustment_words(adj: Adjustment, words: CodeWords) -> str:
    """`CO-45: Charge is more than the contracted fee …`."""
    return f"{adj.group_code}-{adj.carc}: {carc_words(adj.carc, words)}"


def method_words(method: str | None) -> str:
    if method is None:
        return translate("ClaimWords", "No payment")
    return translate("ClaimWords", METHOD_WORDS[method]) if method in METHOD_WORDS else method


def _unique(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _reasons(detail: ClaimDetail, words: CodeWords) -> list[str]:
    """Adjustments that refused money (not the routine contract write-off and patient
    shares), then the remarks that go with the claim's lines, in line order."""
    adjustments = _unique(
        (a.group_code, a.carc) for line in detail.lines for a in line.adjustments
        if (a.group_code, a.carc) not in ROUTINE_ADJUSTMENTS)
    if not adjustments and detail.status.category == "F4":
        # Nothing refused outright: the patient's share (often the deductible) took it all.
        adjustments = _unique((a.group_code, a.carc) for line in detail.lines
                              for a in line.adjustments if a.group_code == "PR")
    out = [f"{carc_words(carc, words)} ({group}-{carc})" for group, carc in adjustments]
    lines = detail.lines
    if detail.status.category in ("F2", "F4"):
        # A remark on a line that was paid does not explain why the claim was not.
        refused = [line for line in lines if not line.paid_amount]
        lines = tuple(refused) or lines
    remarks = _unique((r, "") for line in lines for r in line.remarks)
    out += [f"{rarc_words(code, words)} ({code})" for code, _ in remarks]
    return out


def _join(reasons: list[str]) -> str:
    shown = reasons[:SUMMARY_REASONS]
    text = "; ".join(shown)
    if len(reasons) > len(shown):
        more = len(reasons) - len(shown)
        text += counted(translate("ClaimWords", "; and %n more (see the lines below)", None,
                                  more), more)
    return text


def why_summary(detail: ClaimDetail, words: CodeWords) -> str | None:
    """One line saying why a claim is denied, unpaid, rejected or still pending.

    None for claims that were paid or are simply on their way: nothing to explain.
    """
    category = detail.status.category
    family = family_of(category)
    label = status_words(category, words, detail.status.label)
    code_label = words.status.get(detail.status.code, "")
    reasons = _reasons(detail, words)
    because = _join(reasons) if reasons else code_label or label
    if category == "F2":
        return translate("ClaimWords", "Denied: {reasons}.").format(reasons=because)
    if category == "F4":
        return translate("ClaimWords", "No payment: {reasons}.").format(reasons=because)
    if category in REJECTED_CATEGORIES or family == "E":
        detail_text = f" ({code_label})" if code_label else ""
        return translate("ClaimWords", "Not accepted for processing: {status}. Correct and "
                         "resubmit.").format(status=label + detail_text)
    if family in ("P", "R"):
        head = label
        if family == "P" and label.lower().startswith("pending:"):
            head = label.split(":", 1)[1].strip()  # said once, by the prefix below
        text = translate("ClaimWords", "Pending: {status}").format(status=head) if family == "P" \
            else head
        if code_label:
            text += f" ({code_label})"
        if reasons:
            text += ". " + _join(reasons)
        return text + "."
    return None
