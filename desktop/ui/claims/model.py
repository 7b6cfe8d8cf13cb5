"""The results table's model: compact rows, fetched page by page as the clerk scrolls.

Why it looks like this:
- A search can match 100,000 claims. Each row is one flat tuple of cleaned strings,
  `date`s and integer cents (about 0.8 KB), built on the worker thread from the page the
  portal sent; the parsed `ClaimSummary` objects die with the page. Text is formatted
  only when a cell is painted (`data()`), for the few dozen rows on screen.
- The first page (100 rows) shows at once; `canFetchMore`/`fetchMore` then run an
  operation for the next 500 with the page's cursor, one request at a time, so the
  GUI thread never waits on the network. Answers from an older search are dropped
  (the model's own `OpScope` cancels them).
- The quick filter works on the rows already loaded and keeps a compact index array
  rather than a proxy model, so that narrowing 100,000 rows is one list scan, not
  100,000 Python `filterAcceptsRow` calls. While it is on, no more pages are fetched
  (the clerk is looking at what is here).
"""

from __future__ import annotations

import html
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.portal.api import PortalApi
from desktop.portal.claims import ClaimPage, ClaimSummary
from desktop.portal.errors import PortalError
from desktop.ui.claims.status import outcome_words, status_qcolours
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP
from desktop.ui.common.formats import Formats, local_date, to_cents
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain
from desktop.ui.operations import Operations

# Row layout (a plain tuple: no per-row object beyond it).
R_ID, R_NUMBER, R_LAST, R_FIRST, R_MEMBER, R_FROM, R_TO, R_CATEGORY, R_LABEL = range(9)
R_BILLED, R_ALLOWED, R_PAID, R_PATIENT, R_PAID_DATE, R_PAYMENT, R_KEY = range(9, 16)
Row = tuple[Any, ...]

(COL_NUMBER, COL_PATIENT, COL_MEMBER, COL_SERVICE, COL_STATUS, COL_BILLED, COL_ALLOWED,
 COL_PAID, COL_PATIENT_RESP, COL_PAID_DATE, COL_PAYMENT) = range(11)

#: (header, tooltip, typical width of the content in digit widths). Money columns say
#: "($)" in the header and show plain amounts (`Formats.dollars`); everywhere else
#: (the detail, messages, the printout) money carries its `$` (`Formats.money`).
COLUMNS: tuple[tuple[str, str, int], ...] = (
    (QT_TRANSLATE_NOOP("ClaimsTable", "Claim number"),
     QT_TRANSLATE_NOOP("ClaimsTable", "The payer's claim number"), 14),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Patient"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Patient's last and first name"), 18),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Member ID"),
     QT_TRANSLATE_NOOP("ClaimsTable", "The patient's member ID"), 12),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Dates of service"),
     QT_TRANSLATE_NOOP("ClaimsTable", "First and last date of service"), 15),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Status"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Status category and what it means"), 22),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Billed ($)"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Amount billed, in dollars"), 9),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Allowed ($)"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Amount allowed under the contract, in dollars"), 9),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Paid ($)"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Amount the plan paid, in dollars"), 9),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Pt. resp. ($)"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Patient responsibility: what the patient may owe, "
                       "in dollars"), 9),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Paid date"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Date the payment was made"), 10),
    (QT_TRANSLATE_NOOP("ClaimsTable", "Payment number"),
     QT_TRANSLATE_NOOP("ClaimsTable", "Check or electronic payment (EFT) number"), 16),
)
#: Columns whose cells may be elided: their tooltip shows the whole (cleaned) value.
_TIP_COLUMNS = frozenset({COL_PATIENT, COL_STATUS, COL_PAYMENT})
MONEY_COLUMNS = frozenset({COL_BILLED, COL_ALLOWED, COL_PAID, COL_PATIENT_RESP})
#: Column -> the portal's sort key (ascending; a leading '-' is descending).
SORT_KEYS: dict[int, str] = {COL_SERVICE: "service_from", COL_BILLED: "billed_amount"}

#: Role that returns the portal's claim id of a row (opening the detail).
CLAIM_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1

FIRST_PAGE = 100
NEXT_PAGE = 500
NAME_CHARS = 100
ID_CHARS = 60
LABEL_CHARS = 120
#: Longest patient name shown in a cell; the detail shows up to twice as much.
CELL_NAME_CHARS = 60

_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENTS = tuple(_ALIGN_RIGHT if c in MONEY_COLUMNS else _ALIGN_LEFT
                    for c in range(len(COLUMNS)))
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_HORIZONTAL = Qt.Orientation.Horizontal
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_ROLES = frozenset({_DISPLAY, _ALIGN, _BACKGROUND, _FOREGROUND, _TOOLTIP, _ACCESSIBLE,
                    CLAIM_ID_ROLE})


def _clean(value: str | None, limit: int) -> str:
    """`plain()` with a fast path: most values are short printable ASCII already."""
    if value is None:
        return ""
    if len(value) <= limit and value.isascii() and value.isprintable():
        return value
    return plain(value, limit)


def summary_row(s: ClaimSummary) -> Row:
    """One claim as a compact tuple; every string cleaned once, here, off the GUI thread."""
    number = _clean(s.claim_number, ID_CHARS)
    last = _clean(s.patient.last_name, NAME_CHARS)
    first = _clean(s.patient.first_name, NAME_CHARS)
    member = _clean(s.patient.member_id, ID_CHARS)
    category = sys.intern(_clean(s.status.category, 10))
    label = sys.intern(_clean(s.status.label, LABEL_CHARS))
    payment = _clean(s.payment_number, ID_CHARS) or None
    key = " ".join((number, last, first, member, category, label, payment or "")).casefold()
    return (
        s.claim_id, number, last, first, member, s.service_from, s.service_to,
        category, label, to_cents(s.billed_amount), to_cents(s.allowed_amount),
        to_cents(s.paid_amount), to_cents(s.patient_responsibility),
        local_date(s.paid_at), payment, key,
    )


@dataclass(frozen=True)
class RowPage:
    rows: list[Row]
    next_cursor: str | None
    total: int


def page_rows(page: ClaimPage) -> RowPage:
    return RowPage([summary_row(s) for s in page.items], page.next_cursor, page.total)


#: Runs on a worker thread: the portal and the cursor of the next page -> that page as rows.
PageLoader = Callable[[PortalApi, str], RowPage]


class _Op(Enum):
    NEXT_PAGE = auto()


def _terms(text: str) -> list[str]:
    return [t.strip(",;") for t in text.casefold().split() if t.strip(",;")]


class ClaimsTableModel(QAbstractTableModel):
    """Loaded claims of one search, plus how to get the rest."""

    #: Counts, loading state or error changed: the count label should be redrawn.
    stateChanged = Signal()
    #: Fetching the next page failed (rows already loaded stay).
    loadFailed = Signal(object)
    #: Fetching the next page was interrupted (expiry, policy); `retry()` goes on.
    loadInterrupted = Signal()

    def __init__(self, ops: Operations, formats: Formats | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops.scope(self)
        self._fmt = formats or Formats()
        self._status_texts: dict[str, str] = {}
        self._rows: list[Row] = []
        self._view: array[int] | None = None
        self._terms: list[str] = []
        self._total = 0
        self._cursor: str | None = None
        self._loader: PageLoader | None = None
        self.error: BaseException | None = None
        self.searched = False
        #: Headers in the clerk's language, once (the accessible text of a cell uses them).
        self._headers = tuple(translate("ClaimsTable", c[0]) for c in COLUMNS)
        self._tips = tuple(translate("ClaimsTable", c[1]) for c in COLUMNS)

    # --- state -------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def shown(self) -> int:
        return len(self._view) if self._view is not None else len(self._rows)

    @property
    def loading(self) -> bool:
        return self._ops.running(_Op.NEXT_PAGE)

    @property
    def has_more(self) -> bool:
        return self._cursor is not None

    @property
    def filtering(self) -> bool:
        return self._view is not None

    def set_results(self, page: RowPage, loader: PageLoader | None) -> None:
        """A new search's first page; everything before it is dropped."""
        self._ops.cancel_all()
        self.beginResetModel()
        old, self._rows = self._rows, list(page.rows)
        self._total = page.total
        self._cursor = page.next_cursor if page.rows else None
        self._loader = loader
        self.error = None
        self.searched = True
        self._view = self._match(0) if self._terms else None
        self.endResetModel()
        release_in_slices(old)
        self.stateChanged.emit()

    def clear(self) -> None:
        """Drop every row (sign-out, new search); late answers are ignored."""
        self._ops.cancel_all()
        self.beginResetModel()
        old, self._rows = self._rows, []
        self._view = None
        self._terms = []
        self._total = 0
        self._cursor = None
        self._loader = None
        self.error = None
        self.searched = False
        self.endResetModel()
        release_in_slices(old)
        self.stateChanged.emit()

    # --- rows --------------------------------------------------------------------

    def row_at(self, row: int) -> Row:
        return self._rows[self._view[row]] if self._view is not None else self._rows[row]

    def shown_rows(self) -> list[Row]:
        """What the table lists now (the filter applied), for export."""
        if self._view is None:
            return list(self._rows)
        return [self._rows[i] for i in self._view]

    def set_filter(self, text: str) -> None:
        terms = _terms(text)
        if terms == self._terms:
            return
        self.beginResetModel()
        self._terms = terms
        self._view = self._match(0) if terms else None
        self.endResetModel()
        self.stateChanged.emit()

    def _match(self, start: int) -> array[int]:
        terms, rows = self._terms, self._rows
        if len(terms) == 1:
            t = terms[0]
            hits = [i for i in range(start, len(rows)) if t in rows[i][R_KEY]]
        else:
            hits = [i for i in range(start, len(rows))
                    if all(t in rows[i][R_KEY] for t in terms)]
        return array("q", hits)

    # --- paging ------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._cursor is not None and self._loader is not None
                and not self.loading and self.error is None and self._view is None)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._start_fetch()

    def retry(self) -> None:
        """Fetch the page that failed again (the clerk pressed Retry)."""
        if self.error is None or self._cursor is None or self._loader is None:
            return
        self.error = None
        self._start_fetch()

    def _start_fetch(self) -> None:
        loader, cursor = self._loader, self._cursor
        assert loader is not None and cursor is not None
        self._ops.portal(_Op.NEXT_PAGE, lambda api: loader(api, cursor),
                         on_success=self._arrived, on_failure=self._failed,
                         on_interrupted=self._interrupted)
        self.stateChanged.emit()

    def _arrived(self, page: RowPage) -> None:
        # The cursor moves on before rows are announced: a view reacting to the insert
        # may ask for more at once, and must get the page after this one.
        # An empty page that still promises more would loop for ever: stop there.
        self._cursor = page.next_cursor if page.rows else None
        start = len(self._rows)
        if page.rows:
            if self._view is None:
                self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
                self._rows.extend(page.rows)
                self.endInsertRows()
            else:
                self._rows.extend(page.rows)
                hits = self._match(start)
                if hits:
                    first = len(self._view)
                    self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
                    self._view.extend(hits)
                    self.endInsertRows()
        self.stateChanged.emit()

    def _failed(self, exc: PortalError) -> None:
        self.error = exc
        self.stateChanged.emit()
        self.loadFailed.emit(exc)

    def _interrupted(self, exc: PortalError) -> None:
        self.error = exc  # no more fetching until `retry()` after the shell's step
        self.stateChanged.emit()
        self.loadInterrupted.emit()

    # --- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Plain ints and a prebuilt flag value: the header asks ~150 times a search, and
        # each enum attribute or flag union is a Python-level step.
        if orientation is not _HORIZONTAL or not 0 <= section < len(COLUMNS):
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == _TOOLTIP:
            tip = self._tips[section]
            # Joined, not nested: each part is a whole translated text.
            return tip + self.tr(" (click to sort)") if section in SORT_KEYS else tip
        if role == _ALIGN:
            return _ALIGN_RIGHT if section in MONEY_COLUMNS else _ALIGN_LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called thousands of times per repaint (every cell, for seven roles or so): roles
        # this model never answers leave before anything else is looked at.
        if type(role) is not int:
            role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < self.shown or not 0 <= col < len(COLUMNS):
            return None
        if role == _ALIGN:
            return _ALIGNMENTS[col]
        r = self.row_at(row)
        if role == _DISPLAY:
            return self.text(r, col)
        if role == _BACKGROUND or role == _FOREGROUND:
            if col != COL_STATUS:
                return None
            return status_qcolours(r[R_CATEGORY])[0 if role == _BACKGROUND else 1]
        if role == _TOOLTIP:
            if col not in _TIP_COLUMNS:
                return None
            if col == COL_STATUS:
                return tooltip(f"{r[R_CATEGORY]} {r[R_LABEL]}".strip())
            return tooltip(self.text(r, col) if col != COL_PATIENT
                           else patient_name(r, 2 * NAME_CHARS + 2))
        if role == _ACCESSIBLE:
            return f"{self._headers[col]}: {self.text(r, col)}"
        return r[R_ID]  # CLAIM_ID_ROLE, the only one left

    def status_text(self, category: str, label: str) -> str:
        """`Denied (F2)`: the outcome in a clerk's words and the code, short enough for
        the column at 1366 px; the portal's full label is the tooltip and the detail.
        Cached per category (a few dozen), so painting a cell costs one lookup."""
        text = self._status_texts.get(category)
        if text is None:
            words = outcome_words(category)
            text = self.tr("{outcome} ({code})").format(outcome=words, code=category) \
                if words else f"{category} {label}".strip()
            self._status_texts[category] = text
        return text

    def text(self, r: Row, col: int) -> str:
        """The cell's text (also what the CSV export writes for text columns)."""
        fmt = self._fmt
        if col == COL_NUMBER:
            return str(r[R_NUMBER])
        if col == COL_PATIENT:
            return patient_name(r)
        if col == COL_MEMBER:
            return str(r[R_MEMBER])
        if col == COL_SERVICE:
            return fmt.date_range(r[R_FROM], r[R_TO])
        if col == COL_STATUS:
            return self.status_text(r[R_CATEGORY], r[R_LABEL])
        if col == COL_BILLED:
            return fmt.dollars(r[R_BILLED])
        if col == COL_ALLOWED:
            return fmt.dollars(r[R_ALLOWED])
        if col == COL_PAID:
            return fmt.dollars(r[R_PAID])
        if col == COL_PATIENT_RESP:
            return fmt.dollars(r[R_PATIENT])
        if col == COL_PAID_DATE:
            paid: date | None = r[R_PAID_DATE]
            return fmt.date(paid)
        if col == COL_PAYMENT:
            return str(r[R_PAYMENT] or "")
        return ""


#: Rows freed per event-loop turn when a result is dropped (about 1.5 ms of CPU).
RELEASE_SLICE = 5_000


def release_in_slices(rows: list[Row]) -> None:
    """Free a dropped result a slice per event-loop turn instead of all at once.

    Freeing 100,000 rows (1.6 million strings and tuples) in one go held the GUI thread
    for 30-60 ms, the longest stall of a search that followed a long result. The list
    is no longer the model's: nothing can show it; it is gone within a few turns.
    """
    if len(rows) <= RELEASE_SLICE:
        return

    def step() -> None:
        del rows[-RELEASE_SLICE:]
        if rows:
            QTimer.singleShot(0, step)

    step()


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally.

    Qt guesses rich text in tooltips from their content, so a name like `<b>x` would be
    rendered; wrapped as escaped rich text, it is shown exactly as written instead.
    """
    return "<p>" + html.escape(text, quote=False) + "</p>"


def patient_name(r: Row, limit: int = CELL_NAME_CHARS) -> str:
    last, first = r[R_LAST], r[R_FIRST]
    name = f"{last}, {first}" if last and first else (last or first)
    # Already cleaned when the row was built: only the length is left to check.
    return name if len(name) <= limit else plain(name, limit)
