"""The bar under the payment search: count, More, status, and CSV / Print / PDF.

CSV, printing and PDF are offered only where IT allows them (`allow_export`,
`allow_print`); files are written only at the user's request, on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.ui.claims import export as claims_export
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain
from desktop.ui.context import ScreenContext
from desktop.ui.payments import export
from desktop.ui.payments.ops import Op

if TYPE_CHECKING:
    from desktop.ui.payments.screen import PaymentsScreen

class PaymentsActions(QWidget):
    def __init__(self, screen: PaymentsScreen, ctx: ScreenContext, fmt: Formats,
                 choose_path: claims_export.PathChooser,
                 ask_printer: claims_export.PrinterPrompt) -> None:
        super().__init__(screen)
        self._screen, self._ctx, self._fmt = screen, ctx, fmt
        self._choose_path, self._ask_printer = choose_path, ask_printer
        self._ops = ctx.ops.scope(self)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.count = message_label(self, "paymentsCount", self.tr("Number of payments found"))
        self.count.setWordWrap(False)
        bar.addWidget(self.count)
        self.more = self._button(self.tr("Load &more"), "paymentsMore",
                                 self.tr("Load more payments"), screen.load_more)
        self.more.hide()
        bar.addWidget(self.more)
        self.status = message_label(self, "paymentsStatus", self.tr("Payments status"))
        bar.addWidget(self.status, 1)
        self.csv = self._button(self.tr("E&xport CSV…"), "paymentsExportCsv",
                                self.tr("Save the remittance's claims to a CSV file"),
                                self.export_csv)
        self.print = self._button(self.tr("&Print…"), "paymentsPrint",
                                  self.tr("Print the remittance"), self.print_remittance)
        self.pdf = self._button(self.tr("Save as P&DF…"), "paymentsPdf",
                                self.tr("Save the remittance as PDF"), self.save_pdf)
        self.csv.setVisible(ctx.allow_export)
        self.print.setVisible(ctx.allow_print)
        self.pdf.setVisible(ctx.allow_print)
        for b in (self.csv, self.print, self.pdf):
            bar.addWidget(b)

    def _button(self, text: str, name: str, accessible: str,
                slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    def set_count(self, text: str, *, more: bool) -> None:
        set_message(self.count, plain(text, 200))
        self.more.setVisible(more)

    def set_status(self, text: str, *, error: bool = False) -> None:
        mark(self.status, Role.ERROR if error else None)
        set_message(self.status, plain(text, 600, multiline=True),
                    Urgency.ASSERTIVE if error else Urgency.POLITE)
        self.status.show()  # it holds the bar's spare width, so the buttons keep their size

    def page_header(self) -> str | None:
        r = self._screen.view.current
        if r is None:
            return None
        return self.tr("Remittance {trace}, {date}, from {payer} to {payee}").format(
            trace=plain(r.trace_number, 60), date=self._fmt.date(r.paid_date),
            payer=plain(r.payer_name, 60), payee=plain(r.payee_name, 60))

    def export_csv(self) -> None:
        remits = self._screen.view.remittances
        if not self._ctx.allow_export or not remits:
            return
        stamp = Formats.file_stamp(datetime.now())
        path = self._choose_path(self, self.tr("Export the remittance to CSV (the file will "
                                           "contain patient information)"),
                                 claims_export.suggested_path(f"remittance-{stamp}", "csv"),
                                 self.tr("CSV files (*.csv)"))
        if not path:
            return
        path = path if path.lower().endswith(".csv") else path + ".csv"
        self._ops.background(Op.EXPORT, lambda: export.write_csv(path, remits),
                             on_success=lambda n: self._saved_csv(n, path),
                             on_failure=self._write_failed)

    def _saved_csv(self, rows: int, path: str) -> None:
        saved = plural(self.tr("Saved %Ln claim(s) to {file}.", None, rows), rows)
        self.set_status(f"{saved.format(file=plain(path, 300))} {claims_export.PHI_NOTE}")

    def _write_failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError) and exc.strerror:
            self.set_status(self.tr("The file was not saved ({reason}). Choose another "
                                    "folder or name.").format(reason=plain(exc.strerror, 200)),
                            error=True)
        else:
            self.set_status(self.tr("The file was not saved. Choose another folder or name."),
                            error=True)

    def print_remittance(self) -> None:
        r, header = self._screen.view.current, self.page_header()
        if not self._ctx.allow_print or r is None or header is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._ask_printer(printer, self):
            export.print_with_headers(
                export.document(r, self._screen.codes.words, self._fmt), printer, header)
            self.set_status(self.tr("The remittance was sent to the printer."))

    def save_pdf(self) -> None:
        r, header = self._screen.view.current, self.page_header()
        if not self._ctx.allow_print or r is None or header is None:
            return
        path = self._choose_path(self, self.tr("Save the remittance as PDF (the file will "
                                           "contain patient information)"),
                                 claims_export.suggested_path(f"remittance-{r.trace_number}",
                                                              "pdf"),
                                 self.tr("PDF files (*.pdf)"))
        if not path:
            return
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
        try:
            export.save_pdf(export.document(r, self._screen.codes.words, self._fmt), path,
                            header)
        except OSError as exc:
            self._write_failed(exc)
            return
        self.set_status(self.tr("Saved the remittance to {file}.").format(file=plain(path, 300))
                        + " " + claims_export.PHI_NOTE)
