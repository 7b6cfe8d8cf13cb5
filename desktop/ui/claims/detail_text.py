"""The claim detail's words, shared by the panel and the printout (no widgets here).

Why one place: the panel and the PDF must say the same thing in the same order (the
answer first: status, why, what to do; then amounts; then lines and codes), and each
adjustment is said once: on its line, with its amount, in the lines table; what each
code *means* is said once per code below the lines, not once per line as prose.
"""

from __future__ import annotations

from desktop.portal.claims import ClaimDetail, ClaimLine
from desktop.ui.claims.explain import (
    CodeWords,
    carc_words,
    group_words,
    method_words,
    rarc_words,
    status_words,
)
from desktop.ui.claims.status import outcome_words
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP, counted
from desktop.ui.common.formats import Formats, to_cents
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain

NAME_CHARS = 120
MAX_EXPLAINED = 200
LINE_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ClaimDetail", "Line"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Service date"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Procedure"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Modifiers"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Units"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Billed"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Allowed"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Paid"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Adjustments"),
    QT_TRANSLATE_NOOP("ClaimDetail", "Remarks"),
)


def line_columns() -> list[str]:
    return [translate("ClaimDetail", c) for c in LINE_COLUMNS]


def patient_text(detail: ClaimDetail, limit: int = NAME_CHARS) -> str:
    last = plain(detail.patient.last_name, limit)
    first = plain(detail.patient.first_name, limit)
    return plain(f"{last}, {first}" if last and first else (last or first), limit)


def headline(detail: ClaimDetail, words: CodeWords) -> str:
    """`Denied (F2: Finalized: denied)`: the outcome in a word, then the exact status."""
    category = plain(detail.status.category, 10)
    label = plain(status_words(detail.status.category, words, detail.status.label), 160)
    outcome = outcome_words(detail.status.category)
    exact = f"{category}: {label}" if label else category
    if not outcome:
        return exact
    return f"{outcome} ({exact})"  # joined, not nested: the outcome is translated


def line_adjustments(line: ClaimLine, fmt: Formats) -> str:
    """`CO-45 $40.00; PR-2 $12.00`: each adjustment of the line, once, with its amount."""
    return "; ".join(f"{plain(a.group_code, 4)}-{plain(a.carc, 10)} {fmt.amount(a.amount)}"
                     for a in line.adjustments)


def line_cells(line: ClaimLine, fmt: Formats) -> list[str]:
    """One row of the lines table (screen and paper)."""
    return [
        str(line.line_number), fmt.date(line.service_date), plain(line.procedure_code, 20),
        ", ".join(plain(m, 10) for m in line.modifiers[:10]),
        plain(format(line.units.normalize(), "f"), 12),
        fmt.amount(line.billed_amount), fmt.amount(line.allowed_amount),
        fmt.amount(line.paid_amount), plain(line_adjustments(line, fmt), 300),
        ", ".join(plain(r, 10) for r in line.remarks[:20]),
    ]


def code_meanings(detail: ClaimDetail, words: CodeWords) -> list[str]:
    """What each adjustment and remark code on the claim means, each code once."""
    adjustments: dict[tuple[str, str], None] = {}
    remarks: dict[str, None] = {}
    for line in detail.lines:
        for adj in line.adjustments:
            adjustments.setdefault((adj.group_code, adj.carc), None)
        for code in line.remarks:
            remarks.setdefault(code, None)
    out = [translate("ClaimDetail", "{code}: {words}. {group}.").format(
        code=f"{plain(group, 4)}-{plain(carc, 10)}", words=plain(carc_words(carc, words), 300),
        group=group_words(group)) for group, carc in adjustments]
    out += [translate("ClaimDetail", "{code}: {words}").format(
        code=plain(code, 10), words=plain(rarc_words(code, words), 300)) for code in remarks]
    if len(out) > MAX_EXPLAINED:
        more = len(out) - MAX_EXPLAINED
        tail = counted(translate("ClaimDetail", "… and %n more.", None, more), more)
        out = [*out[:MAX_EXPLAINED], tail]
    return out


def payment_text(detail: ClaimDetail, fmt: Formats) -> str:
    pay = detail.payment
    if pay is None or (pay.method is None and not to_cents(pay.amount)):
        return translate("ClaimDetail", "No payment has been made on this claim.")
    parts = [method_words(pay.method)]
    if pay.number:
        parts.append(translate("ClaimDetail", "number {number}").format(
            number=plain(pay.number, 60)))
    if pay.date:
        parts.append(translate("ClaimDetail", "on {date}").format(date=fmt.date(pay.date)))
    if pay.amount is not None:
        parts.append(translate("ClaimDetail", "for {amount}").format(amount=fmt.amount(pay.amount)))
    return ", ".join(parts) + "."


def history_text(detail: ClaimDetail, words: CodeWords, fmt: Formats) -> str:
    rows = []
    for change in detail.status_history[:MAX_EXPLAINED]:
        category = plain(change.category, 10)
        label = plain(status_words(change.category, words), 160)
        code_label = plain(words.status.get(change.code, ""), 160)
        extra = translate("ClaimDetail", " (code {code}: {words})").format(
            code=plain(change.code, 20), words=code_label) if code_label else ""
        rows.append(f"{fmt.instant(change.effective_at)} — {category} {label}{extra}")
    return "\n".join(rows) or translate("ClaimDetail", "No status history was sent.")
