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
from desktop.ui.common.formats import Formats
from desktop.ui.common.text import plain, plain_label, set_plain
from desktop.ui.context import ScreenContext
from desktop.ui.payments import export
from desktop.ui.payments.ops import Op

if TYPE_CHECKING:
    from desktop.ui.payments.screen import PaymentsScreen

ERROR_STYLE = "color: #a00000;"


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
        self.count = plain_label("No search yet", self, word_wrap=False)
        self.count.setObjectName("paymentsCount")
        bar.addWidget(self.count)
        self.more = self._button("Load &more", "paymentsMore", "Load more payments",
                                 screen.load_more)
        self.more.hide()
        bar.addWidget(self.more)
        self.status = plain_label("", self)
        self.status.setObjectName("paymentsStatus")
        bar.addWidget(self.status, 1)
        self.csv = self._button("E&xport CSV…", "paymentsExportCsv",
                                "Save the remittance's claims to a CSV file", self.export_csv)
        self.print = self._button("&Print…", "paymentsPrint", "Print the remittance",
                                  self.print_remittance)
        self.pdf = self._button("Save as P&DF…", "paymentsPdf", "Save the remittance as PDF",
                                self.save_pdf)
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
        set_plain(self.count, text)
        self.more.setVisible(more)

    def set_status(self, text: str, *, error: bool = False) -> None:
        set_plain(self.status, text, 600)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def _header(self) -> str | None:
        r = self._screen.view.current
        return None if r is None else f"Remittance {r.trace_number}, {self._fmt.date(r.paid_date)}"

    def export_csv(self) -> None:
        remits = self._screen.view.remittances
        if not self._ctx.allow_export or not remits:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path = self._choose_path(self, "Export the remittance to CSV (the file will contain "
                                 "patient information)",
                                 claims_export.suggested_path(f"remittance-{stamp}", "csv"),
                                 "CSV files (*.csv)")
        if not path:
            return
        path = path if path.lower().endswith(".csv") else path + ".csv"
        self._ops.background(Op.EXPORT, lambda: export.write_csv(path, remits),
                             on_success=lambda n: self.set_status(
                                 f"Saved {self._fmt.count(n)} claims to {plain(path, 300)}. "
                                 + claims_export.PHI_NOTE),
                             on_failure=self._write_failed)

    def _write_failed(self, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "unknown"
        self.set_status(f"The file was not saved: {plain(reason, 200)}.", error=True)

    def print_remittance(self) -> None:
        r, header = self._screen.view.current, self._header()
        if not self._ctx.allow_print or r is None or header is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._ask_printer(printer, self):
            export.print_with_headers(
                export.document(r, self._screen.codes.words, self._fmt), printer, header)
            self.set_status("The remittance was sent to the printer.")

    def save_pdf(self) -> None:
        r, header = self._screen.view.current, self._header()
        if not self._ctx.allow_print or r is None or header is None:
            return
        path = self._choose_path(self, "Save the remittance as PDF (the file will contain "
                                 "patient information)", claims_export.suggested_path(
                                     f"remittance-{r.trace_number}", "pdf"), "PDF files (*.pdf)")
        if not path:
            return
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
        try:
            export.save_pdf(export.document(r, self._screen.codes.words, self._fmt), path,
                            header)
        except OSError as exc:
            self._write_failed(exc)
            return
        self.set_status(f"Saved the remittance to {plain(path, 300)}. " + claims_export.PHI_NOTE)
