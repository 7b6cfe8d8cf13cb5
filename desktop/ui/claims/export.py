"""CSV of the listed claims and print / PDF of one claim: the only ways claim data leaves.

Both happen only when the clerk asks and IT allows (`allow_export`, `allow_print`); the
screen hides the buttons otherwise and these functions are never reached. The file is
written owner-only (0600 where the OS has such modes), since it holds patient
information, and all or nothing: a temporary file beside it, renamed over it when
complete. The printout is built with `QTextCursor` calls that insert plain text,
never HTML, so nothing a server sends can turn into markup on paper either.

CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
tab or carriage return) get a leading apostrophe (OWASP "CSV injection"); amounts are
written as plain numbers and dates as ISO `YYYY-MM-DD`, which every spreadsheet reads.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextTableFormat
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop import safefile
from desktop.portal.claims import ClaimDetail
from desktop.ui.claims.detail import (
    LINE_COLUMNS,
    explained_items,
    history_text,
    line_adjustments,
    patient_text,
    payment_text,
)
from desktop.ui.claims.explain import CodeWords, status_text, why_summary
from desktop.ui.claims.model import (
    R_ALLOWED,
    R_BILLED,
    R_CATEGORY,
    R_FIRST,
    R_FROM,
    R_LABEL,
    R_LAST,
    R_MEMBER,
    R_NUMBER,
    R_PAID,
    R_PAID_DATE,
    R_PATIENT,
    R_PAYMENT,
    R_TO,
    Row,
)
from desktop.ui.common.formats import Formats, cents_text
from desktop.ui.common.text import plain

CSV_HEADER: tuple[str, ...] = (
    "Claim number", "Patient last name", "Patient first name", "Member ID",
    "Service from", "Service to", "Status category", "Status", "Billed", "Allowed", "Paid",
    "Patient responsibility", "Paid date", "Payment number",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHI_NOTE = ("The file contains patient information. Keep it only where your office "
            "allows, and delete it when you no longer need it.")

#: (parent, caption, suggested path, filter) -> the chosen path, or "" when cancelled.
PathChooser = Callable[[QWidget, str, str, str], str]
#: (printer, parent) -> True when the clerk confirmed printing.
PrinterPrompt = Callable[[QPrinter, QWidget], bool]


def save_path_dialog(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    return dialog.exec() == QDialog.DialogCode.Accepted


def suggested_path(stem: str, suffix: str) -> str:
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)[:80]
    return str(Path(folder) / f"{safe}.{suffix}")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_record(r: Row) -> list[str]:
    paid = r[R_PAID_DATE]
    return [
        _cell(r[R_NUMBER]), _cell(r[R_LAST]), _cell(r[R_FIRST]), _cell(r[R_MEMBER]),
        r[R_FROM].isoformat(), r[R_TO].isoformat(), _cell(r[R_CATEGORY]), _cell(r[R_LABEL]),
        cents_text(r[R_BILLED]), cents_text(r[R_ALLOWED]), cents_text(r[R_PAID]),
        cents_text(r[R_PATIENT]), paid.isoformat() if paid else "", _cell(r[R_PAYMENT] or ""),
    ]


def write_csv(path: str | os.PathLike[str], rows: Iterable[Row]) -> int:
    """Write the rows (UTF-8 with a byte-order mark, for Excel); returns how many.

    All or nothing and owner-only, also over an existing file (`desktop.safefile`)."""
    count = 0
    with safefile.replace_text(path, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(CSV_HEADER)
        for r in rows:
            writer.writerow(csv_record(r))
            count += 1
    return count


# --- print / PDF ------------------------------------------------------------------------


def _heading(cursor: QTextCursor, text: str, scale: float = 1.2) -> None:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(11 * scale)
    cursor.insertBlock()
    cursor.insertText(text, fmt)
    cursor.insertBlock()
    cursor.setCharFormat(QTextCharFormat())


def _paragraphs(cursor: QTextCursor, text: str) -> None:
    for i, line in enumerate(text.split("\n")):
        if i:
            cursor.insertBlock()
        cursor.insertText(line, QTextCharFormat())


def _table(cursor: QTextCursor, header: Sequence[str] | None,
           rows: Sequence[Sequence[str]]) -> None:
    columns = len(header) if header else len(rows[0]) if rows else 1
    count = len(rows) + (1 if header else 0)
    if count == 0:
        return
    fmt = QTextTableFormat()
    fmt.setCellPadding(3)
    fmt.setCellSpacing(0)
    fmt.setBorder(0.5)
    table = cursor.insertTable(count, columns, fmt)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    all_rows = ([list(header)] if header else []) + [list(r) for r in rows]
    for r, values in enumerate(all_rows):
        for c, value in enumerate(values[:columns]):
            cell = table.cellAt(r, c).firstCursorPosition()
            cell.insertText(value, bold if header and r == 0 else QTextCharFormat())
    cursor.movePosition(QTextCursor.MoveOperation.End)


def claim_document(detail: ClaimDetail, words: CodeWords, fmt: Formats,
                   printed_at: datetime | None = None) -> QTextDocument:
    """The claim as a printable document, built from plain text only."""
    doc = QTextDocument()
    doc.setDocumentMargin(24)
    cursor = QTextCursor(doc)
    _heading(cursor, f"Claim {plain(detail.claim_number, 60)}", 1.5)
    _paragraphs(cursor, plain(status_text(detail, words), 200))
    why = why_summary(detail, words)
    if why:
        cursor.insertBlock()
        _paragraphs(cursor, plain(why, 600))
    _heading(cursor, "Claim")
    _table(cursor, None, [
        ["Patient", patient_text(detail), "Date of birth", fmt.date(detail.patient.dob)],
        ["Member ID", plain(detail.patient.member_id, 60), "Patient account",
         plain(detail.patient_account_number or "—", 60)],
        ["Dates of service", fmt.date_range(detail.service_from, detail.service_to),
         "Received", fmt.instant(detail.received_at)],
        ["Billing NPI", plain(detail.billing_npi, 20), "Rendering NPI",
         plain(detail.rendering_npi or "—", 20)],
        ["Billed", fmt.amount(detail.billed_amount), "Allowed",
         fmt.amount(detail.allowed_amount) or "—"],
        ["Paid", fmt.amount(detail.paid_amount) or "—", "Patient responsibility",
         fmt.amount(detail.patient_responsibility) or "—"],
    ])
    _heading(cursor, "Lines")
    _table(cursor, LINE_COLUMNS, [
        [str(line.line_number), fmt.date(line.service_date), plain(line.procedure_code, 20),
         ", ".join(plain(m, 10) for m in line.modifiers[:10]),
         plain(format(line.units.normalize(), "f"), 12), fmt.amount(line.billed_amount),
         fmt.amount(line.allowed_amount), fmt.amount(line.paid_amount),
         plain(line_adjustments(line, fmt), 300),
         ", ".join(plain(r, 10) for r in line.remarks[:20])]
        for line in detail.lines])
    _heading(cursor, "Adjustments and remarks")
    _paragraphs(cursor, "\n".join(explained_items(detail, words, fmt))
                or "No adjustments or remarks.")
    _heading(cursor, "Payment")
    _paragraphs(cursor, payment_text(detail, fmt))
    _heading(cursor, "Status history")
    _paragraphs(cursor, history_text(detail, words, fmt))
    when = printed_at or datetime.now().astimezone()
    cursor.insertBlock()
    cursor.insertBlock()
    _paragraphs(cursor, f"Printed {fmt.instant(when)} from Claims Desktop. "
                "Contains patient information.")
    return doc


def print_claim(doc: QTextDocument, printer: QPrinter) -> None:
    doc.print_(printer)


def save_pdf(doc: QTextDocument, path: str | os.PathLike[str]) -> None:
    """Write the document as a PDF, all or nothing and owner-only (`desktop.safefile`):
    Qt fills a 0600 temporary file beside the target, which is then renamed over it."""

    def render(temp: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        doc.print_(printer)

    safefile.replace_by_writer(path, render)
