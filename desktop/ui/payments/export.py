"""A remittance to CSV, to the printer or to PDF, only at the user's request (and only
where IT allows it; the screen checks `allow_export` / `allow_print`).

Printed pages carry a header (payment, trace number, page n of m) so that loose pages of a
long remittance can be put back together. Files are created owner-only, and a file that
could not be written completely is removed (it would hold patient names).
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QPageLayout,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.portal.payments import Remittance
from desktop.ui.claims.explain import CodeWords
from desktop.ui.common.formats import Formats, to_cents
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain
from desktop.ui.payments import words as w

CSV_HEADER = ("trace_number", "paid_date", "claim_number", "patient_control_number",
              "patient_last_name", "patient_first_name", "status", "billed", "allowed", "paid",
              "patient_responsibility", "adjustments")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_MM = 12.0


def cell(text: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _amount(value: Decimal | None) -> str:
    return Formats.file_money(to_cents(value))



def write_csv(path: str, remits: Sequence[Remittance]) -> int:
    """One row per claim of every remittance; returns how many rows were written."""
    target = Path(path)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 0o600)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(CSV_HEADER)
            for r in remits:
                for c in r.claims:
                    adjustments = " ".join(f"{a.group_code}-{a.carc}:{_amount(a.amount)}"
                                           for a in c.all_adjustments())
                    out.writerow([cell(r.trace_number), Formats.file_date(r.paid_date),
                                  cell(c.claim_number), cell(c.patient_control_number),
                                  cell(c.patient_last), cell(c.patient_first),
                                  cell(c.status_label), _amount(c.billed_amount),
                                  _amount(c.allowed_amount), _amount(c.paid_amount),
                                  _amount(c.patient_responsibility), cell(adjustments)])
                    count += 1
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return count


def document(r: Remittance, words: CodeWords, fmt: Formats) -> QTextDocument:
    """The remittance as a plain-text-built document (no HTML is ever parsed)."""
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    title = QTextCharFormat()
    title.setFontWeight(700)
    title.setFontPointSize(doc.defaultFont().pointSizeF() * 1.3)
    heading = translate("RemittanceExport", "{method} {trace}, paid {date}").format(
        method=w.method_words(r.method), trace=r.trace_number, date=fmt.date(r.paid_date))
    cursor.insertText(plain(heading, 200) + "\n", title)
    parties = translate("RemittanceExport", "From {payer} to {payee} (NPI {npi})").format(
        payer=r.payer_name, payee=r.payee_name,
        npi=r.payee_npi or translate("RemittanceExport", "not given"))
    cursor.insertText(plain(parties, 300) + "\n", QTextCharFormat())
    cursor.insertText(w.deposit_sentence(r, fmt) + "\n")
    warning = w.difference_sentence(r, fmt)
    if warning:
        cursor.insertText(warning + "\n")
    for adj in r.provider_adjustments:
        cursor.insertText(plain(w.provider_words(adj, fmt), 300) + "\n")
    _claims_table(cursor, r, words, fmt)
    return doc


def _claims_table(cursor: QTextCursor, r: Remittance, words: CodeWords, fmt: Formats) -> None:
    """One ruled row per claim under a bold header row repeated on every page."""
    fmt_table = QTextTableFormat()
    fmt_table.setHeaderRowCount(1)  # repeated at the top of every printed page
    fmt_table.setCellPadding(3)
    fmt_table.setCellSpacing(0)
    fmt_table.setBorder(0.5)  # rules between rows and columns, for reading across
    fmt_table.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt_table.setBorderCollapse(True)
    table = cursor.insertTable(1 + len(r.claims), 6, fmt_table)
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    titles = (translate("RemittanceExport", "Claim"), translate("RemittanceExport", "Patient"),
              translate("RemittanceExport", "Status"), translate("RemittanceExport", "Billed"),
              translate("RemittanceExport", "Paid"),
              translate("RemittanceExport", "Adjustments"))
    for col, title in enumerate(titles):
        table.cellAt(0, col).firstCursorPosition().insertText(title, bold)
    for row, c in enumerate(r.claims, start=1):
        reasons = "; ".join(translate("RemittanceExport", "{words} {amount}").format(
            words=w.adjustment_words(a, words), amount=fmt.amount(a.amount))
            for a in c.all_adjustments())
        patient = translate("RemittanceExport", "{last}, {first}").format(
            last=c.patient_last, first=c.patient_first)
        for col, text in enumerate((c.claim_number, patient,
                                    c.status_label, fmt.amount(c.billed_amount),
                                    fmt.amount(c.paid_amount), reasons)):
            table.cellAt(row, col).firstCursorPosition().insertText(plain(text, 2000))


def print_with_headers(doc: QTextDocument, printer: QPrinter, header: str) -> None:
    """Print page by page, each with `header` and "page n of m" above the text."""
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    header_px = HEADER_MM / 25.4 * printer.resolution()
    body_h = page.height() - header_px
    doc.documentLayout().setPaintDevice(printer)
    doc.setPageSize(QSizeF(page.width(), body_h))
    pages = max(1, doc.pageCount())
    painter = QPainter(printer)
    try:
        for n in range(pages):
            if n:
                printer.newPage()
            painter.save()
            painter.drawText(QRectF(0, 0, page.width(), header_px * 0.8),
                             plain(translate("RemittanceExport",
                                             "{header} · page {page} of {pages}").format(
                                 header=header, page=n + 1, pages=pages), 200))
            painter.translate(0, header_px - n * body_h)
            doc.drawContents(painter, QRectF(0, n * body_h, page.width(), body_h))
            painter.restore()
    finally:
        painter.end()


def save_pdf(doc: QTextDocument, path: str, header: str) -> None:
    """A PDF created owner-only before Qt writes into it."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                     0o600))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    print_with_headers(doc, printer, header)
