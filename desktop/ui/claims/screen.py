"""The Claims screen: search form, results that load as they scroll, claim detail, export.

This module wires the pieces together and owns the screen's conversations with the
portal (every one an operation of its `OpScope`, see `desktop.ui.operations`):
- a search: first page of 100, then `ClaimsTableModel` fetches 500 at a time;
- a claim's detail, explained with the code tables of `CodeBook`;
- an interrupted call (expired session, changed policy) is remembered and done again
  in `resume()`; any other failure is shown inline with a Retry, keeping what is loaded.
`clear()` (sign-out) drops rows, detail, code tables and the patient fields typed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.portal.api import PortalApi
from desktop.portal.claims import DEFAULT_SORT, ClaimDetail, ClaimSearch
from desktop.portal.errors import PolicyAcceptanceRequired, PortalError, ValidationFailed
from desktop.ui.claims import export as claims_export
from desktop.ui.claims.codes import CodeBook
from desktop.ui.claims.detail import ClaimDetailPanel
from desktop.ui.claims.form import SearchForm
from desktop.ui.claims.model import (
    CLAIM_ID_ROLE,
    COL_NUMBER,
    FIRST_PAGE,
    NEXT_PAGE,
    SORT_KEYS,
    ClaimsTableModel,
    RowPage,
    page_rows,
)
from desktop.ui.claims.output import ClaimOutput
from desktop.ui.claims.results_bar import ResultsBar
from desktop.ui.claims.saved import NameQuestion, SavedSearchBar, ask_name, form_values
from desktop.ui.claims.table import ClaimsTable
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP, counted
from desktop.ui.common import a11y
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain
from desktop.ui.context import ScreenContext
from desktop.ui.screen import Screen
from desktop.ui.worklist.followup import FollowUpDialog

SORTS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Service date, newest first"), "-service_from"),
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Service date, oldest first"), "service_from"),
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Billed, highest first"), "-billed_amount"),
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Billed, lowest first"), "billed_amount"),
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Received, newest first"), "-received_at"),
    (QT_TRANSLATE_NOOP("ClaimsScreen", "Received, oldest first"), "received_at"),
)
FILTER_DELAY_MS = 200
#: Keys of the layout kept between runs (`ScreenContext.view`).
HEADER_KEY = "claims/results/header"
SPLITTER_KEY = "claims/splitter"
#: Wait this long after the clerk stops dragging before the layout is written.
LAYOUT_SAVE_MS = 500


class _Status(Enum):
    """What the status line says, so the screen knows when it has gone stale."""

    NONE = auto()
    INFO = auto()
    FORM = auto()      # "Please correct the marked fields": gone once they are right
    FAILED = auto()    # the search failed; earlier results (if any) are not refreshed


class _Op(Enum):
    """The screen's operations; also what an interruption leaves to do in `resume()`."""

    SEARCH = auto()
    MORE = auto()
    DETAIL = auto()


def first_page(api: PortalApi, criteria: ClaimSearch, sort: str) -> RowPage:
    """Worker thread: the first page, already turned into compact rows."""
    return page_rows(api.search_claims(criteria, None, FIRST_PAGE, sort))


def page_loader(criteria: ClaimSearch, sort: str) -> Callable[[PortalApi, str], RowPage]:
    """How the model fetches the pages after the first, for one search."""
    def next_page(api: PortalApi, cursor: str) -> RowPage:
        return page_rows(api.search_claims(criteria, cursor, NEXT_PAGE, sort))
    return next_page


class ClaimsScreen(Screen):
    title = "Claims"
    #: A claim's detail arrived and is shown (claim id, claim number): recent claims.
    claim_opened = Signal(str, str)

    def __init__(self, ctx: ScreenContext, *,
                 choose_path: claims_export.PathChooser = claims_export.save_path_dialog,
                 ask_printer: claims_export.PrinterPrompt = claims_export.print_dialog,
                 ask_search_name: NameQuestion = ask_name,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsScreen")
        self._ctx = ctx
        self._fmt = Formats()
        self._ops = ctx.ops.scope(self)
        self._last: tuple[ClaimSearch, str] | None = None
        self._detail_target: tuple[str, str] | None = None
        #: What to do again in `resume()`.
        self._pending: set[_Op] = set()
        self._retry_action: Callable[[], None] | None = None
        self._follow_up: FollowUpDialog | None = None
        self._status_kind = _Status.NONE
        #: The rows shown belong to an earlier search (the last one failed).
        self._not_refreshed = False
        self._ask_name = ask_search_name
        self.codes = CodeBook(ctx.ops, self)
        self.model = ClaimsTableModel(ctx.ops, self._fmt, self)
        self.output = ClaimOutput(ctx.ops, self, lambda text, error: self._set_status(
            text, error=error), self._fmt, allow_export=ctx.allow_export,
            allow_print=ctx.allow_print, choose_path=choose_path, ask_printer=ask_printer)
        self._build()
        self.codes.changed.connect(self._codes_changed)
        self.model.stateChanged.connect(self._update_count)
        self.model.loadFailed.connect(self._more_failed)
        self.model.loadInterrupted.connect(self._more_interrupted)
        self._restore_layout()
        self._update_count()

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = SearchForm(self, self._fmt)
        self.form.submitted.connect(self.search)
        for field in self.form.fields.values():
            field.changed.connect(self._form_edited)
        layout.addWidget(self.form)
        self.saved = SavedSearchBar(self._ctx.ops, self.form.criteria, ask=self._ask_name,
                                    parent=self)
        self.saved.run_requested.connect(self.run_saved)
        self.saved.open_requested.connect(self.open_claim)
        self.claim_opened.connect(self.saved.recent.add)
        layout.addWidget(self.saved)
        layout.addLayout(self._build_bar())
        layout.addWidget(self._build_panes(), 1)
        # F: follow up on the claim shown (text fields keep their letters: they take
        # the key before any shortcut does).
        follow = QShortcut(QKeySequence("F"), self)
        follow.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        follow.activated.connect(self.follow_up)
        if self._ctx.allow_print:
            printing = QShortcut(QKeySequence.StandardKey.Print, self)
            printing.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            printing.activated.connect(self.print_detail)

    def _build_bar(self) -> QVBoxLayout:
        """Count, status and Retry, quick filter, sort order, export (`results_bar`)."""
        self._bar = bar = ResultsBar(self, allow_export=self._ctx.allow_export)
        self.count, self.status, self.retry = bar.count, bar.status, bar.retry
        self.filter, self.sort, self.export_button = bar.filter, bar.sort, bar.export_button
        self.retry.clicked.connect(self._do_retry)
        # Typing narrows after a short pause, not on every keystroke of a long list.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter.returnPressed.connect(self.apply_filter)
        for text, key in SORTS:
            self.sort.addItem(translate("ClaimsScreen", text), key)
        self.sort.setCurrentIndex(0)
        self.sort.activated.connect(lambda _i: self._sort_changed())
        self.export_button.clicked.connect(self.export_csv)
        return bar.layout_

    def _build_panes(self) -> QSplitter:
        """The results table above the claim detail."""
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("claimsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.table = ClaimsTable(self.model, self.splitter)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self._sync_indicator()
        self.table.activated.connect(self._activated)
        self.detail = ClaimDetailPanel(self._fmt, allow_print=self._ctx.allow_print,
                                       parent=self.splitter)
        self.detail.close_requested.connect(self.close_detail)
        self.detail.retry_requested.connect(self._reload_detail)
        self.detail.print_requested.connect(self.print_detail)
        self.detail.pdf_requested.connect(self.save_detail_pdf)
        self.detail.follow_up_requested.connect(self.follow_up)
        self.detail.hide()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(LAYOUT_SAVE_MS)
        self._layout_timer.timeout.connect(self.save_layout)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda *_a: self._layout_changed())
        header.sectionMoved.connect(lambda *_a: self._layout_changed())
        self.splitter.splitterMoved.connect(lambda *_a: self._layout_changed())
        return self.splitter

    # --- layout kept between runs ----------------------------------------------------

    def _restore_layout(self) -> None:
        header_state = self._ctx.view.load_bytes(HEADER_KEY)
        if header_state is not None:
            self.table.restore_header(header_state)
            self._sync_indicator()  # the saved state's arrow is an old run's sort
        # Applied when the detail first opens: while it is hidden the splitter has
        # nothing to share.
        self._splitter_state = self._ctx.view.load_bytes(SPLITTER_KEY)

    def _layout_changed(self) -> None:
        if self.table.user_sized or self.splitter.isVisible():
            self._layout_timer.start()

    def save_layout(self) -> None:
        """Column widths and order (once the clerk set them) and the splitter."""
        self._layout_timer.stop()
        if self.table.user_sized:
            self._ctx.view.save_bytes(HEADER_KEY, self.table.horizontalHeader().saveState())
        if self.detail.isVisible():
            self._ctx.view.save_bytes(SPLITTER_KEY, self.splitter.saveState())

    def hideEvent(self, event: QHideEvent) -> None:
        if self._layout_timer.isActive():
            self.save_layout()
        super().hideEvent(event)

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())

    # --- Screen hooks ------------------------------------------------------------------

    def activate(self) -> None:
        self.codes.ensure()
        self.saved.load()
        if not self.model.searched:
            self.form.fields["claim_number"].edit.setFocus()

    def clear(self) -> None:
        """Sign-out: every claim row, the detail, the code tables and the patient fields
        of the form go; dates, statuses, NPIs and the sort order stay for this launch."""
        self._ops.cancel_all()
        self._pending.clear()
        self._last = None
        self._detail_target = None
        self.model.clear()
        self.close_detail()
        if self._follow_up is not None and isValid(self._follow_up):
            self._follow_up.reject()  # a typed note is PHI: it goes with the session
        self._follow_up = None
        self.codes.clear()
        self.output.clear()
        self._not_refreshed = False
        self.saved.clear()
        self.form.forget_patient()
        self.filter.clear()
        self.apply_filter()
        self._set_status("")
        self._update_count()

    def resume(self) -> None:
        pending, self._pending = self._pending, set()
        if self.codes.interrupted:
            self.codes.ensure()
        if _Op.SEARCH in pending and self._last is not None:
            self._run_search(*self._last)
        elif _Op.MORE in pending:
            self._set_status("")
            self.model.retry()
        if _Op.DETAIL in pending:
            self._reload_detail()

    # --- searching ---------------------------------------------------------------------

    @property
    def last_search(self) -> tuple[ClaimSearch, str] | None:
        """The criteria and sort of the search shown (run again by Retry and `resume()`)."""
        return self._last

    @property
    def formats(self) -> Formats:
        return self._fmt

    @property
    def searching(self) -> bool:
        return self._ops.running(_Op.SEARCH)

    @property
    def detail_loading(self) -> bool:
        return self._ops.running(_Op.DETAIL)

    @property
    def sort_key(self) -> str:
        return str(self.sort.currentData() or DEFAULT_SORT)

    def search(self) -> None:
        """Check the form and, if every field is right, start a new search."""
        criteria = self.form.criteria()
        if criteria is None:
            self._form_problem()
            return
        self._run_search(criteria, self.sort_key)

    def run_saved(self, criteria: ClaimSearch) -> None:
        """A saved search: into the form (the clerk sees what runs), then searched."""
        self.form.set_values(**form_values(criteria, self._fmt))
        self.form.status.set_selected(criteria.statuses)
        self.search()

    def _run_search(self, criteria: ClaimSearch, sort: str) -> None:
        self._last = (criteria, sort)
        self._pending.discard(_Op.SEARCH)
        self._pending.discard(_Op.MORE)
        # The rows shown stay until the answer comes: if it is a failure, the clerk
        # still has them (marked as not refreshed), which matters most with the
        # portal down.
        self.model.set_filter(self.filter.text())
        self._set_status("")
        self.saved.say("")  # "Saved …" / "Deleted." belong to the last action, not this
        self.codes.ensure()
        self._ops.portal(_Op.SEARCH, lambda api: first_page(api, criteria, sort),
                         on_success=lambda page: self._first_arrived(criteria, sort, page),
                         on_failure=self._search_failed,
                         on_interrupted=self._search_interrupted)
        self._update_count()

    def _first_arrived(self, criteria: ClaimSearch, sort: str, page: RowPage) -> None:
        self._not_refreshed = False
        self.model.set_results(page, page_loader(criteria, sort))
        if self.model.shown:
            self.table.setCurrentIndex(self.model.index(0, COL_NUMBER))
            if self.form.isAncestorOf(self.focusWidget()) or self.focusWidget() is None:
                self.table.setFocus()
        self._update_count()

    def _waits_for(self, exc: BaseException | None) -> str:
        """What the clerk is waiting for: a changed policy to accept (still signed in),
        or signing in again (expired or revoked)."""
        if isinstance(exc, PolicyAcceptanceRequired):
            return self.tr("once the privacy policy is accepted")
        return self.tr("once you have signed in again")

    def _search_interrupted(self, exc: PortalError) -> None:
        # Signed out or a policy to accept: nothing of the earlier result stays shown.
        self.model.clear()
        self.model.set_filter(self.filter.text())
        self._not_refreshed = False
        self._pending.add(_Op.SEARCH)
        self._set_status(self.tr("The search will run again {when}.").format(
            when=self._waits_for(exc)))
        self._update_count()

    def _search_failed(self, exc: PortalError) -> None:
        self._not_refreshed = self.model.searched
        if isinstance(exc, ValidationFailed) and exc.fields:
            leftover = self.form.show_server_errors(exc.fields)
            if leftover:
                self._set_status(" ".join([describe(exc), *leftover]), error=True)
            else:
                self._form_problem(server=True)
        else:
            self._set_status(describe(exc), error=True, retry=self._retry_search,
                             kind=_Status.FAILED)
        self._update_count()

    def _form_problem(self, *, server: bool = False) -> None:
        """Say how many fields need correcting (the count follows the fields)."""
        marked = sum(1 for f in self.form.fields.values() if f.has_error)
        if server:
            text = counted(self.tr("The portal did not accept the %n marked field(s).", None,
                                   marked), marked)
        else:
            text = counted(self.tr("Please correct the %n marked field(s) before searching.",
                                   None, marked), marked)
        self._set_status(text, error=True, kind=_Status.FORM)

    def _form_edited(self) -> None:
        """A field changed: a "correct the marked fields" line follows what is left."""
        if self._status_kind != _Status.FORM:
            return
        if any(f.has_error for f in self.form.fields.values()):
            self._form_problem()
        else:
            self._set_status("")

    def _retry_search(self) -> None:
        if self._last is not None:
            self._run_search(*self._last)

    def _more_interrupted(self) -> None:
        self._pending.add(_Op.MORE)
        self._set_status(self.tr("Loading will go on {when}.").format(
            when=self._waits_for(self.model.error)))

    def _more_failed(self, exc: PortalError) -> None:
        self._set_status(self.tr("Could not load more claims: {reason} The claims already "
                                 "listed stay.").format(reason=describe(exc)), error=True,
                         retry=self._retry_more)

    def _retry_more(self) -> None:
        self._set_status("")
        self.model.retry()

    # --- sorting -----------------------------------------------------------------------

    def _header_clicked(self, section: int) -> None:
        key = SORT_KEYS.get(section)
        if key is None:
            self._sync_indicator()  # this column cannot be sorted by the portal
            return
        current = self.sort_key
        wanted = key if current == "-" + key else "-" + key
        self.sort.setCurrentIndex(self.sort.findData(wanted))
        self._sort_changed()

    def _sort_changed(self) -> None:
        self._sync_indicator()
        if self._last is not None:
            self._run_search(self._last[0], self.sort_key)

    def _sync_indicator(self) -> None:
        self.table.show_sort(self.sort_key)

    # --- detail ------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_detail(index.row())

    def open_detail(self, row: int) -> None:
        """Show the claim on this (view) row in the detail panel and load it."""
        if not 0 <= row < self.model.shown:
            return
        claim_id = str(self.model.index(row, 0).data(CLAIM_ID_ROLE))
        number = str(self.model.index(row, COL_NUMBER).data())
        self.open_claim(claim_id, number)

    def open_claim(self, claim_id: str, claim_number: str) -> None:
        """Show a claim in the detail panel and load it: a row here, or a claim found
        elsewhere (batch status, the worklist, recent claims)."""
        self._detail_target = (claim_id, claim_number)
        self.detail.show()
        if self._splitter_state is not None:
            self.splitter.restoreState(self._splitter_state)
            self._splitter_state = None
            self.detail.show()
        if self.splitter.sizes()[1] == 0 or self.detail.height() < 80:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])
        self._reload_detail()

    def _reload_detail(self) -> None:
        if self._detail_target is None:
            return
        claim_id, number = self._detail_target
        self._pending.discard(_Op.DETAIL)
        self.codes.ensure()
        self.detail.show_loading(number)
        self._ops.portal(_Op.DETAIL, lambda api: api.get_claim(claim_id),
                         on_success=self._detail_arrived, on_failure=self._detail_failed,
                         on_interrupted=self._detail_interrupted)

    def _detail_arrived(self, detail: ClaimDetail) -> None:
        self.detail.show_detail(detail, self.codes.words)
        self.claim_opened.emit(detail.claim_id, detail.claim_number)

    def follow_up(self) -> None:
        """"Follow up on…" the claim shown: the dialog saves it on the portal."""
        shown = self.detail.detail
        if shown is None:
            return
        dialog = FollowUpDialog(self._ctx.ops, shown.claim_number, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda item: self._set_status(
            self.tr("Follow-up saved for {date}; it is on your worklist.").format(
                date=self._fmt.date(item.due_date))))
        self._follow_up = dialog
        dialog.open()

    def _detail_interrupted(self, exc: PortalError) -> None:
        self._pending.add(_Op.DETAIL)
        self.detail.show_error(self.tr("The claim will load {when}.").format(
            when=self._waits_for(exc)), retry=False)

    def _detail_failed(self, exc: PortalError) -> None:
        self.detail.show_error(self.tr("Could not load the claim: {reason}").format(
            reason=describe(exc)), retry=True)

    def close_detail(self) -> None:
        self._ops.cancel(_Op.DETAIL)
        self._detail_target = None
        self._pending.discard(_Op.DETAIL)
        self.detail.clear()
        self.detail.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the detail (children pass the keys they do not use up to here)."""
        if event.key() == Qt.Key.Key_Escape and self.detail.isVisible():
            self.close_detail()
            self.table.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def _codes_changed(self) -> None:
        self.form.set_status_words(self.codes.words.status)
        if self.detail.detail is not None:
            self.detail.fill(self.codes.words)

    # --- export and print (desktop.ui.claims.output) ----------------------------------

    def export_csv(self) -> None:
        self.output.export_csv(self.model.shown_rows())

    def print_detail(self) -> None:
        self.output.print_claim(self.detail.detail, self.codes.words)

    def save_detail_pdf(self) -> None:
        self.output.save_pdf(self.detail.detail, self.codes.words)

    # --- status line -------------------------------------------------------------------

    def _set_status(self, text: str, *, error: bool = False,
                    retry: Callable[[], None] | None = None,
                    kind: _Status | None = None) -> None:
        """The line beside the count: errors are marked and announced assertively."""
        self._status_kind = kind or (_Status.NONE if not text else _Status.INFO)
        mark(self.status, Role.ERROR if error else None)
        a11y.set_message(self.status, plain(text, 600, multiline=True),
                         a11y.Urgency.ASSERTIVE if error else a11y.Urgency.POLITE)
        self._retry_action = retry
        self.retry.setVisible(retry is not None)

    @property
    def status_text(self) -> str:
        return self.status.text()

    def _do_retry(self) -> None:
        action, self._retry_action = self._retry_action, None
        self.retry.hide()
        if action is not None:
            action()

    def _count_text(self) -> str:
        m = self.model
        if _Op.SEARCH in self._pending:
            return self.tr("Search paused")
        if self._status_kind == _Status.FAILED and not m.searched:
            return self.tr("No claims shown: the search did not run")
        if not m.searched:
            return self.tr("No search yet: fill in any details above and press Enter")
        if m.total == 0:
            text = self.tr("No claims match these details")
        else:
            # Whole translated parts, joined: a translator sees each as one sentence part.
            text = counted(self.tr("%n claim(s) ({loaded} loaded)", None, m.total), m.total,
                           self._fmt).format(loaded=self._fmt.count(m.loaded))
            if m.filtering:
                text += self.tr(", {n} match the filter").format(n=self._fmt.count(m.shown))
            if m.loading:
                text += self.tr(", loading more…")
        if self._not_refreshed:
            text += self.tr(", from an earlier search (not refreshed)")
        return text

    def _update_count(self) -> None:
        if self._ops.running(_Op.SEARCH):
            self._bar.say_searching(self.tr("Searching…"))
        else:
            self._bar.say_count(self._count_text())
        self.export_button.setEnabled(self.model.shown > 0)


def make_claims_screen(ctx: ScreenContext) -> Screen:
    return ClaimsScreen(ctx)
