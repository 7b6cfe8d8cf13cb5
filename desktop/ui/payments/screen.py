"""The Payments screen: find a payment, read its remittance, open 835 files, open a claim.

Every conversation is an operation of the screen's `OpScope` (`desktop.ui.operations`);
what an expired session or a changed policy interrupts is remembered in `_pending` and
done again in `resume()`. Reading an 835 file is local work (`scope.background`): the
file is read, parsed and then checked against the 835 guide on worker threads, with
progress, and nothing of it is written anywhere.

"Open claim" shows the claim's detail here, under the remittance (the portal claim by id,
or, for a claim read from a file, the claim found by its number): screens do not reach
into each other, so this needs no change in the shell.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QProgressBar,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.api import PortalApi
from desktop.portal.claims import ClaimDetail, ClaimSearch
from desktop.portal.errors import PolicyAcceptanceRequired, PortalError
from desktop.portal.payments import PaymentPage, PaymentSearch, RemitClaim, Remittance
from desktop.remit835 import RemitFile, RemitFileError, load
from desktop.remit835_build import Problem
from desktop.remit835_validate import ValidationUnavailable, validate_in_child
from desktop.ui.claims import export as claims_export
from desktop.ui.claims.codes import CodeBook
from desktop.ui.claims.detail import ClaimDetailPanel
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP
from desktop.ui.common.style import gap
from desktop.ui.common.tables import char_widths, remember, row_height
from desktop.ui.context import ScreenContext
from desktop.ui.payments.actions import PaymentsActions
from desktop.ui.payments.form import PaymentsForm
from desktop.ui.payments.model import PaymentsModel
from desktop.ui.payments.ops import FIRST_PAGE, NEXT_PAGE, Op
from desktop.ui.payments.remittance_view import RemittanceView
from desktop.ui.screen import Screen

#: The usual longest value of each column of the list (the font decides the pixels).
SAMPLES = ("12/31/2026", "Notice", "EFT000000000001", "9,999", "$123,456.78")


class Progress(QObject):
    """Carries a worker's percent to the GUI thread (a queued signal)."""

    changed = Signal(int)


class PaymentsScreen(Screen):
    title = str(QT_TRANSLATE_NOOP("Screens", "Payments"))

    def __init__(self, ctx: ScreenContext, *,
                 choose_path: claims_export.PathChooser = claims_export.save_path_dialog,
                 ask_printer: claims_export.PrinterPrompt = claims_export.print_dialog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsScreen")
        self._ctx = ctx
        self._fmt = Formats()
        self._ops = ctx.ops.scope(self)
        self._pending: set[Op] = set()
        self._criteria = PaymentSearch()
        self._cursor: str | None = None
        self._opening: str | None = None
        self._claim_wanted: RemitClaim | None = None
        self._files: list[Path] = []
        self._file_entries: list[tuple[str, Remittance]] = []
        self._progress = Progress(self)
        self.codes = CodeBook(ctx.ops, self)
        self.model = PaymentsModel(self._fmt, self)
        self._build()
        self.actions_bar = PaymentsActions(self, ctx, self._fmt, choose_path, ask_printer)
        self._layout.insertWidget(1, self.actions_bar)
        self.codes.changed.connect(lambda: self.view.set_words(self.codes.words))
        self._progress.changed.connect(self.progress.setValue)

    def _build(self) -> None:
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = PaymentsForm(self, self._fmt)
        self.form.submitted.connect(self.search)
        layout.addWidget(self.form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("paymentsProgress")
        self.progress.setAccessibleName(self.tr("Reading the remittance file"))
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        widths = self._build_table(split)
        right = self._right = QSplitter(Qt.Orientation.Vertical, split)
        right.setChildrenCollapsible(False)
        self.view = RemittanceView(self._fmt, right)
        self.view.claim_requested.connect(self.open_claim)
        self.claim = ClaimDetailPanel(self._fmt, allow_print=False, parent=right)
        self.claim.close_requested.connect(self._close_claim)
        self.claim.retry_requested.connect(lambda: self._load_claim())
        self.claim.hide()
        split.setStretchFactor(1, 3)
        # the list as wide as its columns (measured in its font), the remittance the rest
        # + the frame, the vertical scroll bar, and the sheet's border and padding
        self._list_width = sum(widths) + self.table.frameWidth() * 2 + gap(self.table) + \
            self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._split = split
        self._split_kept = remember(self._ctx.view, "payments/split", split)
        remember(self._ctx.view, "payments/remittance/header", self.view.claims.header())
        layout.addWidget(split, 1)

    def _build_table(self, split: QSplitter) -> list[int]:
        """The list of payments, its columns measured from sample values in its font."""
        self.table = QTableView(split)
        self.table.setObjectName("paymentsTable")
        self.table.setAccessibleName(self.tr("Payments found; Enter opens one"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setObjectName("paymentsRowHeader")
        self.table.verticalHeader().setAccessibleName(self.tr("Row numbers"))
        self.table.verticalHeader().setDefaultSectionSize(row_height(self.table))
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setObjectName("paymentsHeader")
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns of the payments"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        titles = [str(self.model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(self.model.columnCount())]
        widths = char_widths(self.table, SAMPLES, titles)
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        remember(self._ctx.view, "payments/table/header", header)
        self.table.activated.connect(self._activated)
        return widths

    def showEvent(self, event: QShowEvent) -> None:
        """On the first showing (nothing kept from an earlier run) the list gets the width
        of its columns and the remittance the rest; sizes before the first layout would be
        taken as proportions."""
        super().showEvent(event)
        if not self._split_kept:
            self._split_kept = True
            total = sum(self._split.sizes())
            if total > self._list_width:
                self._split.setSizes([self._list_width, total - self._list_width])

    # --- the Screen contract ---------------------------------------------------------

    def activate(self) -> None:
        self.codes.ensure()
        if not self.model.rowCount() and not self._ops.running(Op.SEARCH):
            self.search()

    def clear(self) -> None:
        self._ops.cancel_all()
        self._pending.clear()
        self._files.clear()
        self._file_entries.clear()
        self.model.set_items([])
        self.view.clear()
        self.claim.clear()
        self.claim.hide()
        self.codes.clear()
        self.form.wipe()
        self.progress.hide()
        self.actions_bar.set_status("")

    def resume(self) -> None:
        pending, self._pending = self._pending, set()
        if Op.SEARCH in pending:
            self._run_search(self._criteria)
        elif Op.MORE in pending:
            self.load_more()
        if Op.OPEN in pending and self._opening is not None:
            self._open_payment(self._opening)
        if Op.CLAIM in pending:
            self._load_claim()

    def open_files(self, paths: Sequence[Path]) -> None:
        """Files the user asked to open (File menu or command line), read one after another."""
        if not paths:
            return
        self._files += list(paths)
        if not (self._ops.running(Op.FILE) or self._ops.running(Op.VALIDATE)):
            self._file_entries = []
            self._next_file()

    # --- search ----------------------------------------------------------------------

    def search(self) -> None:
        criteria = self.form.criteria()
        if criteria is not None:
            self._run_search(criteria)

    def _run_search(self, criteria: PaymentSearch) -> None:
        self._criteria = criteria
        self._pending -= {Op.SEARCH, Op.MORE}
        self.actions_bar.set_status(self.tr("Searching…"))
        self._ops.portal(Op.SEARCH, lambda api: api.search_payments(criteria, None, FIRST_PAGE),
                         on_success=self._first_page, on_failure=self._failed,
                         on_interrupted=lambda e: self._interrupted(Op.SEARCH, e))

    def _first_page(self, page: PaymentPage) -> None:
        self.model.set_items(page.items)
        self._cursor = page.next_cursor
        self._show_count(page.total)
        if page.items:
            self.table.selectRow(0)

    def load_more(self) -> None:
        cursor, criteria = self._cursor, self._criteria
        if cursor is None:
            return
        self._pending.discard(Op.MORE)
        self._ops.portal(Op.MORE, lambda api: api.search_payments(criteria, cursor, NEXT_PAGE),
                         on_success=self._more, on_failure=self._failed,
                         on_interrupted=lambda e: self._interrupted(Op.MORE, e))

    def _more(self, page: PaymentPage) -> None:
        self.model.append(page.items)
        self._cursor = page.next_cursor
        self._show_count(page.total)

    def _show_count(self, total: int) -> None:
        shown = self.model.rowCount()
        if not total:
            text = self.tr("No payments match")
        elif shown < total:
            text = plural(self.tr("%Ln payment(s) ({listed} listed)", None, total),
                          total).format(listed=self._fmt.count(shown))
        else:
            text = plural(self.tr("%Ln payment(s)", None, total), total)
        self.actions_bar.set_count(text, more=self._cursor is not None)
        self.actions_bar.set_status("")

    # --- one payment -----------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None:
            self._open_payment(item.payment_id)

    def _open_payment(self, payment_id: str) -> None:
        self._opening = payment_id
        self._pending.discard(Op.OPEN)
        self.actions_bar.set_status(self.tr("Opening the payment…"))
        self._ops.portal(Op.OPEN, lambda api: api.get_payment(payment_id),
                         on_success=self._payment_arrived, on_failure=self._failed,
                         on_interrupted=lambda e: self._interrupted(Op.OPEN, e))

    def _payment_arrived(self, remit: Remittance) -> None:
        self.view.set_words(self.codes.words)
        self.view.show_remittances([(self.tr("Payment"), remit)])
        self.actions_bar.set_status("")

    # --- a claim of the remittance ---------------------------------------------------

    def open_claim(self, claim: RemitClaim) -> None:
        self._claim_wanted = claim
        self._load_claim()

    def _load_claim(self) -> None:
        claim = self._claim_wanted
        if claim is None:
            return
        self._pending.discard(Op.CLAIM)
        if not self.claim.isVisible():
            height = self._right.height()
            self._right.setSizes([height * 3 // 5, height * 2 // 5])
        self.claim.show()
        self.claim.show_loading(claim.claim_number)
        self._ops.portal(Op.CLAIM, lambda api: find_claim(api, claim),
                         on_success=self._claim_arrived, on_failure=self._claim_failed,
                         on_interrupted=lambda e: self._interrupted(Op.CLAIM, e))

    def _claim_arrived(self, detail: ClaimDetail | None) -> None:
        if detail is None:
            self.claim.show_error(self.tr("This claim is not among your office's claims on "
                                          "the portal (it may be older than the portal "
                                          "keeps)."), retry=False)
        else:
            self.claim.show_detail(detail, self.codes.words)

    def _claim_failed(self, exc: PortalError) -> None:
        self.claim.show_error(describe(exc), retry=True)

    def _close_claim(self) -> None:
        self._ops.cancel(Op.CLAIM)
        self._claim_wanted = None
        self.claim.clear()
        self.claim.hide()

    # --- 835 files -------------------------------------------------------------------

    def _next_file(self) -> None:
        if not self._files:
            self.progress.hide()
            return
        path = self._files.pop(0)
        self.progress.setValue(0)
        self.progress.show()
        self.actions_bar.set_status(self.tr("Reading {file}…").format(file=path.name))
        emit = self._progress.changed.emit
        self._ops.background(Op.FILE, lambda: load(path, emit),
                             on_success=lambda result: self._file_read(path, *result),
                             on_failure=lambda exc: self._file_failed(path, exc),
                             expected=(OSError, RemitFileError))

    def _file_read(self, path: Path, read: RemitFile, text: str) -> None:
        name = path.name
        self._file_entries += [(name, r) for r in read.transactions]
        self.view.set_words(self.codes.words)
        self.view.show_remittances(self._file_entries)
        self.view.add_problems(read.problems)
        self.actions_bar.set_status(self.tr("Checking {file} against the 835 guide…").format(
            file=name))
        self.progress.setValue(0)
        emit = self._progress.changed.emit
        self._ops.background(Op.VALIDATE, lambda: validate_in_child(text, emit),
                             on_success=lambda found: self._validated(name, found),
                             on_failure=self._not_validated,
                             expected=(ValidationUnavailable,))

    def _validated(self, name: str, problems: tuple[Problem, ...]) -> None:
        self.view.add_problems(problems)
        n = len(problems)
        found = self.tr("no problems") if not n else plural(
            self.tr("%Ln problem(s), listed under the claims", None, n), n)
        self.actions_bar.set_status(self.tr("{file}: checked against the 835 guide, "
                                            "{found}.").format(file=name, found=found))
        self._next_file()

    def _not_validated(self, exc: Exception) -> None:
        self.actions_bar.set_status(self.tr("The file is shown, but it could not be checked "
                                            "against the 835 guide: {reason}.").format(
                                                reason=exc), error=True)
        self._next_file()

    def _file_failed(self, path: Path, exc: Exception) -> None:
        if isinstance(exc, RemitFileError):
            reason = exc.user_message
        elif isinstance(exc, OSError):
            reason = (self.tr("it could not be read ({reason}).").format(reason=exc.strerror)
                      if exc.strerror else self.tr("it could not be read."))
        else:
            reason = describe(exc)
        self.actions_bar.set_status(self.tr("{file}: {reason}").format(file=path.name,
                                                                       reason=reason),
                                    error=True)
        self._next_file()

    # --- failures --------------------------------------------------------------------

    def _interrupted(self, op: Op, exc: PortalError) -> None:
        self._pending.add(op)
        if isinstance(exc, PolicyAcceptanceRequired):
            self.actions_bar.set_status(self.tr("Paused until the updated privacy policy is "
                                                "accepted; then it goes on by itself."))
        else:
            self.actions_bar.set_status(self.tr("Paused until you sign in again; then it "
                                                "goes on by itself."))

    def _failed(self, exc: PortalError) -> None:
        self.actions_bar.set_status(describe(exc), error=True)


def find_claim(api: PortalApi, claim: RemitClaim) -> ClaimDetail | None:
    """Worker thread: the portal's claim by id, or (from a file) by its claim number."""
    if claim.claim_id is not None:
        return api.get_claim(claim.claim_id)
    if not claim.claim_number:
        return None
    page = api.search_claims(ClaimSearch(claim_number=claim.claim_number), limit=1)
    return api.get_claim(page.items[0].claim_id) if page.items else None


def make_payments_screen(ctx: ScreenContext) -> Screen:
    return PaymentsScreen(ctx)
