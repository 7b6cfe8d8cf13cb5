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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop import safefile
from desktop.portal.claims import ClaimDetail
from desktop.ui.claims.detail_text import (
    code_meanings,
    headline,
    history_text,
    line_cells,
    line_columns,
    patient_text,
    payment_text,
)
from desktop.ui.claims.explain import CodeWords, why_summary
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
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain
from desktop.ui.shell.files import suggested_save_path

CSV_HEADER: tuple[str, ...] = (
    "Claim number", "Patient last name", "Patient first name", "Member ID",
    "Service from", "Service to", "Status category", "Status", "Billed", "Allowed", "Paid",
    "Patient responsibility", "Paid date", "Payment number",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHI_NOTE = QT_TRANSLATE_NOOP("ClaimExport", "The file contains patient information. Keep it "
                             "only where your office allows, and delete it when you no "
                             "longer need it.")
#: Points of the page's header and footer bands, and of the text in them.
_BAND_POINTS = 9

#: (parent, caption, suggested path, filter) -> the chosen path, or "" when cancelled.
PathChooser = Callable[[QWidget, str, str, str], str]
#: (printer, parent) -> True when the clerk confirmed printing.
PrinterPrompt = Callable[[QPrinter, QWidget], bool]


def phi_note() -> str:
    return translate("ClaimExport", PHI_NOTE)


@dataclass(frozen=True)
class Letterhead:
    """Who printed it and whose data it is: on every page of a printout or PDF."""

    office: str = ""
    payer: str = ""

    def lines(self, what: str, when: str) -> list[str]:
        """`Office · Payer`, then `what — printed <when>`."""
        names = " · ".join(n for n in (plain(self.office, 80), plain(self.payer, 80)) if n)
        printed = translate("ClaimExport", "{what} — printed {when}").format(what=what,
                                                                            when=when)
        return [names or translate("ClaimExport", "Claims Desktop"), printed]


def save_path_dialog(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    return dialog.exec() == QDialog.DialogCode.Accepted


def suggested_path(stem: str, suffix: str) -> str:
    """In Documents, or the home folder where there is no Documents folder."""
    return suggested_save_path(stem, suffix)


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_record(r: Row) -> list[str]:
    f = Formats
    return [
        _cell(r[R_NUMBER]), _cell(r[R_LAST]), _cell(r[R_FIRST]), _cell(r[R_MEMBER]),
        f.file_date(r[R_FROM]), f.file_date(r[R_TO]), _cell(r[R_CATEGORY]), _cell(r[R_LABEL]),
        f.file_money(r[R_BILLED]), f.file_money(r[R_ALLOWED]), f.file_money(r[R_PAID]),
        f.file_money(r[R_PATIENT]), f.file_date(r[R_PAID_DATE]), _cell(r[R_PAYMENT] or ""),
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


class _Builder:
    """Plain-text blocks and ruled tables into a document.

    Lengths are CSS pixels (1/96 inch): the layout scales them to the printer. The old
    tables had a 0.5-pixel border in Qt's default "outset" grey, which came out as
    no rules at all on paper; these are one pixel, solid black, collapsed.
    """

    def __init__(self) -> None:
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)

    def heading(self, text: str, scale: float = 1.2) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(10 * scale)
        self.cursor.insertBlock()
        self.cursor.insertText(text, fmt)
        self.cursor.insertBlock()
        self.cursor.setCharFormat(QTextCharFormat())

    def paragraphs(self, text: str) -> None:
        for i, line in enumerate(text.split("\n")):
            if i:
                self.cursor.insertBlock()
            self.cursor.insertText(line, QTextCharFormat())

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence[str]]) -> None:
        columns = len(header) if header else len(rows[0]) if rows else 1
        count = len(rows) + (1 if header else 0)
        if count == 0:
            return
        fmt = QTextTableFormat()
        fmt.setCellPadding(3)
        fmt.setCellSpacing(0)
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("black")))
        fmt.setBorderCollapse(True)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        if header:
            fmt.setHeaderRowCount(1)
        table = self.cursor.insertTable(count, columns, fmt)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        all_rows = ([list(header)] if header else []) + [list(r) for r in rows]
        for r, values in enumerate(all_rows):
            for c, value in enumerate(values[:columns]):
                cell = table.cellAt(r, c).firstCursorPosition()
                cell.insertText(value, bold if header and r == 0 else QTextCharFormat())
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


def claim_document(detail: ClaimDetail, words: CodeWords, fmt: Formats) -> QTextDocument:
    """The claim as a printable document, built from plain text only, in the panel's
    order: the answer, who and when, amounts, lines, what the codes mean, history."""
    b = _Builder()
    dash = "—"
    b.heading(translate("ClaimExport", "Claim {number}").format(
        number=plain(detail.claim_number, 60)), 1.5)
    b.paragraphs(plain(headline(detail, words), 200))
    why = why_summary(detail, words)
    if why:
        b.cursor.insertBlock()
        b.paragraphs(plain(why, 600))
    b.heading(translate("ClaimExport", "Claim"))
    b.table(None, [
        [translate("ClaimExport", "Patient"), patient_text(detail),
         translate("ClaimExport", "Date of birth"), fmt.date(detail.patient.dob)],
        [translate("ClaimExport", "Member ID"), plain(detail.patient.member_id, 60),
         translate("ClaimExport", "Patient account"),
         plain(detail.patient_account_number or dash, 60)],
        [translate("ClaimExport", "Dates of service"),
         fmt.date_range(detail.service_from, detail.service_to),
         translate("ClaimExport", "Received"), fmt.instant(detail.received_at)],
        [translate("ClaimExport", "Billing NPI"), plain(detail.billing_npi, 20),
         translate("ClaimExport", "Rendering NPI"), plain(detail.rendering_npi or dash, 20)],
    ])
    b.heading(translate("ClaimExport", "Amounts"))
    b.table(None, [
        [translate("ClaimExport", "Billed"), fmt.amount(detail.billed_amount),
         translate("ClaimExport", "Allowed"), fmt.amount(detail.allowed_amount) or dash],
        [translate("ClaimExport", "Paid"), fmt.amount(detail.paid_amount) or dash,
         translate("ClaimExport", "Patient responsibility"),
         fmt.amount(detail.patient_responsibility) or dash],
    ])
    b.paragraphs(payment_text(detail, fmt))
    b.heading(translate("ClaimExport", "Lines"))
    b.table(line_columns(), [line_cells(line, fmt) for line in detail.lines])
    b.heading(translate("ClaimExport", "What the codes mean"))
    b.paragraphs("\n".join(code_meanings(detail, words))
                 or translate("ClaimExport", "No adjustments or remarks."))
    b.heading(translate("ClaimExport", "Status history"))
    b.paragraphs(history_text(detail, words, fmt))
    b.cursor.insertBlock()
    b.cursor.insertBlock()
    b.paragraphs(translate("ClaimExport", "From Claims Desktop. Contains patient information."))
    return b.doc


def printer_unit(printer: QPrinter) -> float:
    """Printer pixels per CSS pixel (1/96 inch)."""
    return printer.resolution() / 96.0


def page_words(page: int, pages: int) -> str:
    return translate("ClaimExport", "Page {page} of {pages}").format(page=page, pages=pages)


def paint_pages(doc: QTextDocument, printer: QPrinter, head: Sequence[str]) -> list[str]:
    """Lay `doc` out on `printer`'s pages under a header (`head` lines, a rule) and over
    a footer ("Page 2 of 5"); returns the footers drawn, one per page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        doc.documentLayout().setPaintDevice(printer)
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        font = QFont(doc.defaultFont())
        font.setPointSizeF(_BAND_POINTS)
        line = QFontMetricsF(font, printer).lineSpacing()
        gap = line * 0.8
        top = line * len(head) + gap
        bottom = line + gap
        body = QSizeF(page.width(), page.height() - top - bottom)
        doc.setPageSize(body)
        pages = doc.pageCount()
        footers: list[str] = []
        for i in range(pages):
            if i:
                printer.newPage()
            painter.setFont(font)
            painter.setPen(QPen(QColor("black"), max(1.0, printer_unit(printer) * 0.75)))
            for n, text in enumerate(head):
                painter.drawText(QRectF(0, n * line, page.width(), line),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 text)
            painter.drawLine(0, int(top - gap / 2), int(page.width()), int(top - gap / 2))
            footer = page_words(i + 1, pages)
            painter.drawText(QRectF(0, page.height() - line, page.width(), line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             footer)
            footers.append(footer)
            painter.save()
            painter.translate(0, top - i * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, i * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
        return footers
    finally:
        painter.end()


def print_claim(doc: QTextDocument, printer: QPrinter, head: Sequence[str]) -> list[str]:
    return paint_pages(doc, printer, head)


def pdf_printer(path: str | os.PathLike[str]) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def save_pdf(doc: QTextDocument, path: str | os.PathLike[str], head: Sequence[str]) -> None:
    """Write the document as a PDF, all or nothing and owner-only (`desktop.safefile`):
    Qt fills a 0600 temporary file beside the target, which is then renamed over it."""

    def render(temp: Path) -> None:
        paint_pages(doc, pdf_printer(temp), head)

    safefile.replace_by_writer(path, render)


def printed_at(fmt: Formats, when: datetime | None = None) -> str:
    return fmt.instant(when or datetime.now().astimezone())
