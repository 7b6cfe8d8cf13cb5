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
from desktop.portal.api import PortalApi
from desktop.portal.claims import ClaimDetail
from desktop.portal.errors import PortalError
from desktop.ui.claims import export as claims_export
from desktop.ui.claims.explain import CodeWords
from desktop.ui.claims.export import Letterhead
from desktop.ui.claims.model import Row
from desktop.ui.claims.tr import counted
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.text import plain
from desktop.ui.operations import Operations

#: Tells the screen's status line: (text, is_error).
Report = Callable[[str, bool], None]


class _Op(Enum):
    WRITE_CSV = auto()
    LETTERHEAD = auto()


def fetch_letterhead(api: PortalApi) -> Letterhead:
    """Worker thread: the office's name (the account) and the payer's (support page).
    Either may be missing: a printout without them is still a printout."""
    office = payer = ""
    try:
        office = api.get_account().account.organization_name
    except PortalError:
        pass
    try:
        payer = api.get_support().organization
    except PortalError:
        pass
    return Letterhead(office, payer)


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
        self._letterhead: Letterhead | None = None

    # --- letterhead ---------------------------------------------------------------------

    @property
    def letterhead(self) -> Letterhead:
        return self._letterhead or Letterhead()

    def _with_letterhead(self, then: Callable[[], None]) -> None:
        """Fetch the names for the page header once per session, then go on (also when
        they cannot be had: the printout then says "Claims Desktop")."""
        if self._letterhead is not None:
            then()
            return

        def got(head: Letterhead) -> None:
            self._letterhead = head
            then()

        self._ops.portal(_Op.LETTERHEAD, fetch_letterhead, on_success=got,
                         on_failure=lambda _e: then(), on_interrupted=lambda _e: None)

    def clear(self) -> None:
        """Sign-out: the next clerk's office may differ."""
        self._ops.cancel(_Op.LETTERHEAD)
        self._letterhead = None

    def _head(self, detail: ClaimDetail, when: datetime | None = None) -> list[str]:
        what = self.tr("Claim {number}").format(number=plain(detail.claim_number, 60))
        return self.letterhead.lines(what, claims_export.printed_at(self._fmt, when))

    # --- CSV ----------------------------------------------------------------------------

    def export_csv(self, rows: list[Row]) -> None:
        """CSV of the claims listed now, only on request and only where IT allows it."""
        if not self.allow_export:
            return
        if not rows:
            self._report(self.tr("There are no claims listed to export."), False)
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")  # a file name, not a display date
        path = self._ask(self.tr("Export claims to CSV (the file will contain patient "
                                 "information)"), f"claims-{stamp}", "csv",
                         self.tr("CSV files (*.csv)"))
        if not path:
            return
        self._report(self.tr("Writing the file…"), False)
        self._ops.background(_Op.WRITE_CSV, lambda: claims_export.write_csv(path, rows),
                             on_success=lambda n: self._exported(path, n),
                             on_failure=self._write_failed)

    # --- print and PDF ------------------------------------------------------------------

    def print_claim(self, detail: ClaimDetail | None, words: CodeWords) -> None:
        if not self.allow_print or detail is None:
            return
        self._with_letterhead(lambda: self._print(detail, words))

    def _print(self, detail: ClaimDetail, words: CodeWords) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ask_printer(printer, self._owner):
            return
        doc = claims_export.claim_document(detail, words, self._fmt)
        try:
            claims_export.print_claim(doc, printer, self._head(detail))
        except OSError:
            self._report(self.tr("The printer could not be opened; nothing was printed."),
                         True)
            return
        self._report(self.tr("The claim was sent to the printer."), False)

    def save_pdf(self, detail: ClaimDetail | None, words: CodeWords) -> None:
        if not self.allow_print or detail is None:
            return
        self._with_letterhead(lambda: self._pdf(detail, words))

    def _pdf(self, detail: ClaimDetail, words: CodeWords) -> None:
        path = self._ask(self.tr("Save the claim as PDF (the file will contain patient "
                                 "information)"), f"claim-{detail.claim_number}", "pdf",
                         self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            claims_export.save_pdf(claims_export.claim_document(detail, words, self._fmt),
                                   path, self._head(detail))
        except OSError as exc:
            self._write_failed(exc)
            return
        self._report(self.tr("Saved the claim to {path}. ").format(path=plain(path, 300))
                     + claims_export.phi_note(), False)

    def _ask(self, title: str, stem: str, suffix: str, filters: str) -> str:
        path = self.choose_path(self._owner, title,
                                claims_export.suggested_path(stem, suffix), filters)
        if path and not path.lower().endswith("." + suffix):
            path += "." + suffix
        return path

    def _exported(self, path: str, count: int) -> None:
        saved = counted(self.tr("Saved %n claim(s) to {path}. ", None, count), count,
                        self._fmt).format(path=plain(path, 300))
        self._report(saved + claims_export.phi_note(), False)

    def _write_failed(self, exc: Exception) -> None:
        if isinstance(exc, OSError):
            # The clerk's words, never the OS's text (which may quote a path).
            reason = safefile.explain(exc).user_message
            self._report(self.tr("The file was not saved. {reason}").format(reason=reason),
                         True)
        else:
            self._report(describe(exc), True)
