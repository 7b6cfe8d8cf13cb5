"""One remittance read as a clerk reads it: the deposit and how it adds up, each claim
with its adjustments in plain words, the provider-level adjustments, and any problem.

The same view shows a payment from the portal and the transactions of an 835 file (a
selector appears when a file holds several). Claims are added in chunks so that the
first ones show at once on a 10,000-claim file; a claim's lines and adjustments are
built only when it is expanded. Every text is plain (`QTreeWidgetItem` and labels with
`PlainText`), and server or file strings go through `plain()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.portal.payments import RemitClaim, Remittance
from desktop.remit835_build import Problem, Severity
from desktop.ui.claims.explain import CodeWords
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, gap, mark
from desktop.ui.common.tables import char_widths
from desktop.ui.common.text import plain, plain_label, set_plain
from desktop.ui.payments import words as w

FIRST_CHUNK = 200
CHUNK = 250
CLAIM_COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("RemittanceView", "Claim"), QT_TRANSLATE_NOOP("RemittanceView", "Patient"),
    QT_TRANSLATE_NOOP("RemittanceView", "Status"), QT_TRANSLATE_NOOP("RemittanceView", "Billed"),
    QT_TRANSLATE_NOOP("RemittanceView", "Allowed"), QT_TRANSLATE_NOOP("RemittanceView", "Paid"),
    QT_TRANSLATE_NOOP("RemittanceView", "Patient owes"))
#: The usual longest value of each column (the font decides the pixels).
_SAMPLES = ("Line 2: 99213-25", "Fictionsworth, Edgar", "Reversal of earlier payment",
            "-$1,234.56", "-$1,234.56", "-$1,234.56", "$1,234.56")
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


class RemittanceView(QFrame):
    """Shows remittances; `claim_requested` asks the screen to open a claim."""

    claim_requested = Signal(object)  # RemitClaim
    #: Every claim of the shown transaction is in the tree.
    filled = Signal()

    def __init__(self, fmt: Formats, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remittanceView")
        self.setAccessibleName(self.tr("Remittance"))
        self._fmt = fmt
        self._words = CodeWords()
        self._remits: list[Remittance] = []
        self._current: Remittance | None = None
        self._next = 0
        self._sources: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._add_chunk)
        self._build()
        self.clear()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = plain_label("", self)
        self.heading.setObjectName("remittanceHeading")
        mark(self.heading, Role.SUBHEADING)
        top.addWidget(self.heading, 1)
        self.transaction = QComboBox(self)
        self.transaction.setObjectName("remittanceTransaction")
        self.transaction.setAccessibleName(self.tr("Transaction of the file"))
        self.transaction.activated.connect(self._transaction_chosen)
        self.transaction.view().setObjectName("remittanceTransactionList")
        self.transaction.view().setAccessibleName(self.tr("Transactions of the file"))
        top.addWidget(self.transaction)
        self.open_claim = QPushButton(self.tr("Open &claim"), self)
        self.open_claim.setObjectName("remittanceOpenClaim")
        self.open_claim.setAccessibleName(self.tr("Open the selected claim"))
        self.open_claim.clicked.connect(self.open_selected)
        top.addWidget(self.open_claim)
        layout.addLayout(top)
        self.facts = plain_label("", self)
        self.facts.setObjectName("remittanceFacts")
        layout.addWidget(self.facts)
        self.total = plain_label("", self)
        self.total.setObjectName("remittanceTotal")
        self.total.setAccessibleDescription(self.tr("Deposit and how it adds up"))
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.total.font()
        bold.setBold(True)
        self.total.setFont(bold)
        layout.addWidget(self.total)
        self.warning = plain_label("", self)
        self.warning.setObjectName("remittanceWarning")
        self.warning.setAccessibleDescription(self.tr("The figures do not add up"))
        mark(self.warning, Role.ERROR)
        layout.addWidget(self.warning)
        layout.addWidget(self._lists(), 1)

    def _lists(self) -> QSplitter:
        """The claims tree over the provider adjustments and the file's problems."""
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.claims = QTreeWidget(split)
        self.claims.setObjectName("remittanceClaims")
        self.claims.setAccessibleName(self.tr("Claims in this payment"))
        # an empty last column takes the spare width: the amounts stay beside each other
        # and a reason's sentence (spanned across the row) has the whole width to use
        self.claims.setHeaderLabels([*(translate("RemittanceView", str(c))
                                       for c in CLAIM_COLUMNS), ""])
        self.claims.setUniformRowHeights(True)
        self.claims.header().setObjectName("remittanceClaimsHeader")
        self.claims.header().setAccessibleName(self.tr("Columns of the claims"))
        # the filler may shrink to almost nothing before a horizontal scroll bar is needed
        self.claims.header().setMinimumSectionSize(gap(self.claims))
        for column, width in enumerate(char_widths(self.claims, _SAMPLES, [
                translate("RemittanceView", str(c)) for c in CLAIM_COLUMNS])):
            # the first column also holds the tree's indentation (claim > line > reason)
            self.claims.setColumnWidth(column, width + (2 * self.claims.indentation()
                                                        if column == 0 else 0))
        # a stretched last section never gets narrower than it was when the stretch began:
        # start the filler small, then stretch it
        header = self.claims.header()
        header.setStretchLastSection(False)
        self.claims.setColumnWidth(len(CLAIM_COLUMNS), gap(self.claims))
        header.setStretchLastSection(True)
        self.claims.itemExpanded.connect(self._expand)
        self.claims.itemActivated.connect(lambda _i, _c: self.open_selected())
        self.claims.currentItemChanged.connect(lambda *_: self._sync_open())
        self.providers = QListWidget(split)
        self.providers.setObjectName("remittanceProviderAdjustments")
        self.providers.setAccessibleName(self.tr("Provider-level adjustments"))
        self.problems = QListWidget(split)
        self.problems.setObjectName("remittanceProblems")
        self.problems.setAccessibleName(self.tr("Problems found in the file"))
        for listing in (self.providers, self.problems):
            listing.setWordWrap(True)  # long sentences wrap rather than scroll sideways
            listing.setResizeMode(QListWidget.ResizeMode.Adjust)
        split.setStretchFactor(0, 5)
        line = self.fontMetrics().lineSpacing()  # lists of three and four lines at first
        split.setSizes([line * 20, line * 3 + line // 2, line * 4 + line // 2])
        return split

    # --- content ---------------------------------------------------------------------

    @property
    def current(self) -> Remittance | None:
        return self._current

    @property
    def complete(self) -> bool:
        return self._current is not None and self._next >= len(self._current.claims)

    def clear(self) -> None:
        """Drop everything shown (sign-out, a new search)."""
        self._timer.stop()
        self._remits, self._sources, self._current, self._next = [], [], None, 0
        self.claims.clear()
        self.providers.clear()
        self.problems.clear()
        self.problems.hide()
        self.transaction.clear()
        self.transaction.hide()
        for label in (self.heading, self.facts, self.total, self.warning):
            label.clear()
        self.warning.hide()
        self.heading.setText(self.tr("No payment open: choose one in the list, search "
                                     "above, or use File > Open remittance file…"))
        self._sync_open()

    def set_words(self, words: CodeWords) -> None:
        """The code tables arrived: expanded claims are rebuilt with their words."""
        self._words = words
        for i in range(self.claims.topLevelItemCount()):
            item = self.claims.topLevelItem(i)
            if item is not None and item.isExpanded():
                item.takeChildren()
                self._expand(item)

    def show_remittances(self, entries: Sequence[tuple[str, Remittance]]) -> None:
        """Each entry is (where it came from, remittance): a payment, or one ST/SE of a file."""
        self.clear()
        self._remits = [r for _, r in entries]
        self._sources = [source for source, _ in entries]
        if len(entries) > 1:
            for n, (source, r) in enumerate(entries, start=1):
                self.transaction.addItem(plain(self.tr("{n} of {total}: {source}, {trace}").format(
                    n=n, total=len(entries), source=source, trace=r.trace_number), 100))
            self.transaction.show()
        if entries:
            self._show(0)

    @property
    def remittances(self) -> list[Remittance]:
        return list(self._remits)

    def add_problems(self, problems: Sequence[Problem]) -> None:
        for p in problems:
            text = (self.tr("Problem at {where}: {text}") if p.severity is Severity.ERROR
                    else self.tr("Warning at {where}: {text}"))
            self.problems.addItem(plain(text.format(where=p.where, text=p.text), 600))
        self.problems.setVisible(self.problems.count() > 0)

    def _transaction_chosen(self, index: int) -> None:
        if 0 <= index < len(self._remits):
            self._show(index)

    def _show(self, index: int) -> None:
        self._timer.stop()
        r = self._current = self._remits[index]
        fmt = self._fmt
        self.transaction.setCurrentIndex(index)
        self.heading.setText(plain(self.tr("{source}: {method} {trace}").format(
            source=self._sources[index], method=w.method_words(r.method),
            trace=r.trace_number), 200))
        npi = r.payee_npi or self.tr("not given")
        payee = (self.tr("To {payee} (NPI {npi}, TIN ***-**-{tin})").format(
            payee=r.payee_name, npi=npi, tin=r.payee_tin_last4) if r.payee_tin_last4
            else self.tr("To {payee} (NPI {npi})").format(payee=r.payee_name, npi=npi))
        claims = len(r.claims)
        facts = [self.tr("Paid {date}").format(date=fmt.date(r.paid_date)) if r.paid_date
                 else self.tr("No paid date"),
                 self.tr("From {payer}").format(payer=r.payer_name), payee,
                 plural(self.tr("%Ln claim(s)", None, claims), claims)]
        set_plain(self.facts, " · ".join(facts), 600)
        set_plain(self.total, w.deposit_sentence(r, fmt))
        warning = w.difference_sentence(r, fmt)
        set_plain(self.warning, warning or "")
        self.warning.setVisible(warning is not None)
        self.providers.clear()
        for adj in r.provider_adjustments:
            self.providers.addItem(plain(w.provider_words(adj, fmt), 300))
        if not r.provider_adjustments:
            self.providers.addItem(self.tr("No provider-level adjustments in this payment."))
        self.claims.clear()
        self._next = 0
        self._add_chunk(FIRST_CHUNK)
        if not self.complete:
            self._timer.start()

    def _add_chunk(self, size: int = CHUNK) -> None:
        r = self._current
        if r is None:
            self._timer.stop()
            return
        end = min(len(r.claims), self._next + size)
        items = [self._claim_item(i, r.claims[i]) for i in range(self._next, end)]
        self.claims.addTopLevelItems(items)
        self._next = end
        if self.complete:
            self._timer.stop()
            self._sync_open()
            self.filled.emit()

    def _claim_item(self, index: int, c: RemitClaim) -> QTreeWidgetItem:
        fmt = self._fmt
        item = QTreeWidgetItem([
            plain(c.claim_number or c.patient_control_number, 40),
            plain(self.tr("{last}, {first}").format(last=c.patient_last,
                                                    first=c.patient_first), 60),
            plain(c.status_label, 60),
            fmt.amount(c.billed_amount), fmt.amount(c.allowed_amount),
            fmt.amount(c.paid_amount), fmt.amount(c.patient_responsibility)])
        item.setData(0, INDEX_ROLE, index)
        for col in (1, 2):  # names and statuses longer than their column
            item.setToolTip(col, item.text(col))
        for col in range(3, 7):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
        item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        return item

    def _expand(self, item: QTreeWidgetItem) -> None:
        """Build a claim's lines, adjustments and remarks when it is first opened."""
        r, index = self._current, item.data(0, INDEX_ROLE)
        if r is None or item.childCount() or not isinstance(index, int):
            return
        c, fmt = r.claims[index], self._fmt
        for adj in c.adjustments:
            _add_words(item, self.tr("{amount}  Claim adjustment {words}").format(
                amount=fmt.amount(adj.amount), words=w.adjustment_words(adj, self._words)),
                w.adjustment_tip(adj, self._words))
        for code in c.remarks:
            _add_words(item, w.remark_words(code, self._words))
        for line in c.lines:
            proc = "-".join((line.procedure_code, *line.modifiers))
            child = QTreeWidgetItem([plain(self.tr("Line {n}: {procedure}").format(
                                         n=line.line_number, procedure=proc), 60),
                                     fmt.date(line.service_date), "",
                                     fmt.amount(line.billed_amount),
                                     fmt.amount(line.allowed_amount),
                                     fmt.amount(line.paid_amount), ""])
            for col in range(3, 7):
                child.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            item.addChild(child)
            for adj in line.adjustments:
                _add_words(child, self.tr("{amount}  {words}").format(
                    amount=fmt.amount(adj.amount), words=w.adjustment_words(adj, self._words)),
                    w.adjustment_tip(adj, self._words))
            for code in line.remarks:
                _add_words(child, w.remark_words(code, self._words))
            child.setExpanded(True)

    def selected_claim(self) -> RemitClaim | None:
        item = self.claims.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        index = None if item is None else item.data(0, INDEX_ROLE)
        if self._current is None or not isinstance(index, int):
            return None
        return self._current.claims[index]

    def _sync_open(self) -> None:
        self.open_claim.setEnabled(self.selected_claim() is not None)

    def open_selected(self) -> None:
        claim = self.selected_claim()
        if claim is not None:
            self.claim_requested.emit(claim)


def _add_words(parent: QTreeWidgetItem, text: str, tip: str | None = None) -> None:
    """A sentence across the whole row (spanned once in the tree), more in the tooltip."""
    item = QTreeWidgetItem([plain(text, 400)])
    item.setToolTip(0, plain(tip or text, 600))
    parent.addChild(item)
    item.setFirstColumnSpanned(True)
