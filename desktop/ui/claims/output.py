"""The Claims screen's way out of the application: CSV export, print, PDF.

Kept apart from the screen because each one is a small conversation of its own
(ask where, write off the GUI thread, say what was saved and that it holds patient
data) and because each happens only on the clerk's request and only where IT
allows it (`allow_export`, `allow_print`); nothing is ever written on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum, auto

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop import safefile
from desktop.portal.claims import ClaimDetail
from desktop.ui.claims import export as claims_export
from desktop.ui.claims.explain import CodeWords
from desktop.ui.claims.model import Row
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.text import plain
from desktop.ui.operations import Operations

#: Tells the screen's status line: (text, is_error).
Report = Callable[[str, bool], None]


class _Op(Enum):
    WRITE_CSV = auto()


class ClaimOutput(QObject):
    def __init__(self, ops: Operations, owner: QWidget, report: Report, fmt: Formats, *,
                 allow_export: bool, allow_print: bool,
                 choose_path: claims_export.PathChooser = claims_export.save_path_dialog,
                 ask_printer: claims_export.PrinterPrompt = claims_export.print_dialog) -> None:
        super().__init__(owner)
        self._ops = ops.scope(self)
        self._owner = owner
        self._report = report
        self._fmt = fmt
        self.allow_export = allow_export
        self.allow_print = allow_print
        #: Asks where to save (a file dialog; tests put a function here).
        self.choose_path = choose_path
        self.ask_printer = ask_printer

    def export_csv(self, rows: list[Row]) -> None:
        """CSV of the claims listed now, only on request and only where IT allows it."""
        if not self.allow_export:
            return
        if not rows:
            self._report("There are no claims listed to export.", False)
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path = self._ask("Export claims to CSV (the file will contain patient information)",
                         f"claims-{stamp}", "csv", "CSV files (*.csv)")
        if not path:
            return
        self._report("Writing the file…", False)
        self._ops.background(_Op.WRITE_CSV, lambda: claims_export.write_csv(path, rows),
                             on_success=lambda n: self._exported(path, n),
                             on_failure=self._write_failed)

    def print_claim(self, detail: ClaimDetail | None, words: CodeWords) -> None:
        if not self.allow_print or detail is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ask_printer(printer, self._owner):
            return
        claims_export.print_claim(claims_export.claim_document(detail, words, self._fmt),
                                  printer)
        self._report("The claim was sent to the printer.", False)

    def save_pdf(self, detail: ClaimDetail | None, words: CodeWords) -> None:
        if not self.allow_print or detail is None:
            return
        path = self._ask("Save the claim as PDF (the file will contain patient information)",
                         f"claim-{detail.claim_number}", "pdf", "PDF files (*.pdf)")
        if not path:
            return
        try:
            claims_export.save_pdf(claims_export.claim_document(detail, words, self._fmt), path)
        except OSError as exc:
            self._write_failed(exc)
            return
        self._report(f"Saved the claim to {plain(path, 300)}. " + claims_export.PHI_NOTE, False)

    def _ask(self, title: str, stem: str, suffix: str, filters: str) -> str:
        path = self.choose_path(self._owner, title,
                                claims_export.suggested_path(stem, suffix), filters)
        if path and not path.lower().endswith("." + suffix):
            path += "." + suffix
        return path

    def _exported(self, path: str, count: int) -> None:
        noun = "claim" if count == 1 else "claims"
        self._report(f"Saved {self._fmt.count(count)} {noun} to {plain(path, 300)}. "
                     + claims_export.PHI_NOTE, False)

    def _write_failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            # The clerk's words, never the OS's text (which may quote a path).
            reason = safefile.explain(exc).user_message
            self._report(f"The file was not saved. {reason}", True)
        else:
            self._report(describe(exc), True)
