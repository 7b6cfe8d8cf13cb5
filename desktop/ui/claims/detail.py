"""The claim detail panel: header, why, lines, adjustments and remarks in words, payment.

A panel inside the claims screen rather than a separate window: the idle lock hides the
workspace, and with it every claim on screen, which a free-floating dialog would
survive. Every value from the portal goes in as plain, elided text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.nextstep import facts_from_detail, next_step
from desktop.portal.claims import ClaimDetail, ClaimLine
from desktop.ui.claims.explain import (
    CodeWords,
    adjustment_words,
    group_words,
    method_words,
    rarc_words,
    status_text,
    status_words,
    why_summary,
)
from desktop.ui.claims.status import status_colours
from desktop.ui.common.clipboard import install_cell_copy
from desktop.ui.common.formats import Formats, to_cents
from desktop.ui.common.nextstep import step_sentence, step_style
from desktop.ui.common.text import plain, set_plain

NAME_CHARS = 120
VALUE_CHARS = 200
MAX_EXPLAINED = 200
LINE_COLUMNS = ("Line", "Service date", "Procedure", "Modifiers", "Units", "Billed",
                "Allowed", "Paid", "Adjustments", "Remarks")
_MONEY_COLS = {5, 6, 7}
#: Lines shown before the lines table scrolls on its own.
LINES_VISIBLE = 10


def _value_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _caption(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _section(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def patient_text(detail: ClaimDetail, limit: int = NAME_CHARS) -> str:
    last = plain(detail.patient.last_name, limit)
    first = plain(detail.patient.first_name, limit)
    return plain(f"{last}, {first}" if last and first else (last or first), limit)


def line_adjustments(line: ClaimLine, fmt: Formats) -> str:
    return "; ".join(f"{plain(a.group_code, 4)}-{plain(a.carc, 10)} {fmt.amount(a.amount)}"
                     for a in line.adjustments)


def explained_items(detail: ClaimDetail, words: CodeWords, fmt: Formats) -> list[str]:
    """One sentence per adjustment and remark, line by line."""
    out: list[str] = []
    for line in detail.lines:
        for adj in line.adjustments:
            out.append(f"Line {line.line_number}: {plain(adjustment_words(adj, words), 300)} "
                       f"— {fmt.amount(adj.amount)}. {group_words(adj.group_code)}.")
        for code in line.remarks:
            out.append(f"Line {line.line_number}: remark {plain(code, 10)}: "
                       f"{plain(rarc_words(code, words), 300)}.")
    return out


def payment_text(detail: ClaimDetail, fmt: Formats) -> str:
    pay = detail.payment
    if pay is None or (pay.method is None and not to_cents(pay.amount)):
        return "No payment has been made on this claim."
    parts = [method_words(pay.method)]
    if pay.number:
        parts.append(f"number {plain(pay.number, 60)}")
    if pay.date:
        parts.append(f"on {fmt.date(pay.date)}")
    if pay.amount is not None:
        parts.append(f"for {fmt.amount(pay.amount)}")
    return ", ".join(parts) + "."


def history_text(detail: ClaimDetail, words: CodeWords, fmt: Formats) -> str:
    rows = []
    for change in detail.status_history[:MAX_EXPLAINED]:
        category = plain(change.category, 10)
        label = plain(status_words(change.category, words), 160)
        code_label = plain(words.status.get(change.code, ""), 160)
        extra = f" (code {plain(change.code, 20)}: {code_label})" if code_label else ""
        rows.append(f"{fmt.instant(change.effective_at)} — {category} {label}{extra}")
    return "\n".join(rows) or "No status history was sent."


class ClaimDetailPanel(QFrame):
    """`claimDetail`: one claim, loaded in the background, explained in plain words."""

    close_requested = Signal()
    print_requested = Signal()
    pdf_requested = Signal()
    retry_requested = Signal()
    #: "Follow up on…" was pressed for the claim shown.
    follow_up_requested = Signal()

    def __init__(self, fmt: Formats, *, allow_print: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimDetail")
        self.setAccessibleName("Claim detail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._fmt = fmt
        self.detail: ClaimDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        self.title = _value_label(self, "claimDetailTitle", "Claim number")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(False)
        top.addWidget(self.title)
        self.status_chip = _value_label(self, "claimDetailStatusChip", "Claim status")
        self.status_chip.setWordWrap(False)
        top.addWidget(self.status_chip)
        top.addStretch(1)
        self.print_button = self._button("&Print…", "printClaimButton",
                                         "Print this claim", "Print this claim (Ctrl+P)")
        self.pdf_button = self._button("Save as PDF…", "pdfClaimButton",
                                       "Save this claim as a PDF file",
                                       "Save this claim as a PDF file you choose")
        for b in (self.print_button, self.pdf_button):
            b.setVisible(allow_print)
            top.addWidget(b)
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        top.addWidget(self._follow_up())
        self.close_button = self._button("Close", "closeDetailButton", "Close the claim detail",
                                         "Close the claim detail (Esc)")
        self.close_button.clicked.connect(self.close_requested)
        top.addWidget(self.close_button)
        outer.addLayout(top)

        state = QHBoxLayout()
        self.state_label = _value_label(self, "claimDetailState", "Claim detail status")
        state.addWidget(self.state_label, 1)
        self.retry_button = self._button("Retr&y", "claimDetailRetry",
                                         "Load the claim again", "Load the claim again")
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        state.addWidget(self.retry_button)
        outer.addLayout(state)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("claimDetailScroll")
        self.scroll_area.setAccessibleName("Claim detail")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self.scroll_area)
        self.body.setObjectName("claimDetailBody")
        self._build_body()
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.clear()

    def _follow_up(self) -> QPushButton:
        self.follow_up_button = self._button("Follo&w up on…", "followUpButton",
                                             "Follow up on this claim on a date",
                                             "Put this claim on your worklist for a date (F)")
        self.follow_up_button.clicked.connect(self.follow_up_requested)
        return self.follow_up_button

    def _button(self, text: str, name: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def _build_body(self) -> None:
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 4, 0)
        self.why = _value_label(self.body, "claimWhy", "Why this claim has this status")
        self.why.setContentsMargins(8, 6, 8, 6)
        body.addWidget(self.why)
        self.next_step = _value_label(self.body, "claimNextStep", "What to do next")
        body.addWidget(self.next_step)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.fields: dict[str, QLabel] = {}
        specs = (
            ("patient", "Patient"), ("dob", "Date of birth"), ("member", "Member ID"),
            ("account", "Patient account"), ("service", "Dates of service"),
            ("received", "Received"), ("billing", "Billing NPI"),
            ("rendering", "Rendering NPI"), ("billed", "Billed"), ("allowed", "Allowed"),
            ("paid", "Paid"), ("patient_resp", "Patient responsibility"),
        )
        for i, (key, caption) in enumerate(specs):
            row, col = divmod(i, 3)
            grid.addWidget(_caption(self.body, caption + ":"), row, col * 2,
                           Qt.AlignmentFlag.AlignTop)
            value = _value_label(self.body, f"claimDetail_{key}", caption)
            self.fields[key] = value
            grid.addWidget(value, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        body.addLayout(grid)

        body.addWidget(_section(self.body, "Lines"))
        self.lines = QTableWidget(0, len(LINE_COLUMNS), self.body)
        self.lines.setObjectName("claimLinesTable")
        self.lines.setAccessibleName("Claim lines")
        self.lines.setHorizontalHeaderLabels(list(LINE_COLUMNS))
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.verticalHeader().setObjectName("claimLinesRowHeader")
        self.lines.verticalHeader().setAccessibleName("Row numbers")
        self.lines.horizontalHeader().setObjectName("claimLinesHeader")
        self.lines.horizontalHeader().setAccessibleName("Columns of the claim lines")
        self.lines.verticalHeader().hide()
        self.lines.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.lines.verticalHeader().setDefaultSectionSize(self.lines.fontMetrics().height() + 8)
        self.lines.setWordWrap(False)
        self.lines.setTabKeyNavigation(False)
        install_cell_copy(self.lines)
        header = self.lines.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((45, 100, 80, 80, 50, 85, 85, 85, 230, 120)):
            header.resizeSection(col, width)
        body.addWidget(self.lines)

        body.addWidget(_section(self.body, "Adjustments and remarks"))
        self.explained = _value_label(self.body, "claimAdjustments",
                                      "Adjustments and remarks explained")
        body.addWidget(self.explained)
        body.addWidget(_section(self.body, "Payment"))
        self.payment = _value_label(self.body, "claimPayment", "Payment")
        body.addWidget(self.payment)
        body.addWidget(_section(self.body, "Status history"))
        self.history = _value_label(self.body, "claimHistory", "Status history")
        body.addWidget(self.history)
        body.addStretch(1)

    # --- states ------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the claim shown (sign-out, closing the panel)."""
        self.detail = None
        self.title.clear()
        self.status_chip.clear()
        self.status_chip.setStyleSheet("")
        self.why.clear()
        self.why.hide()
        self.next_step.clear()
        self.next_step.hide()
        for label in self.fields.values():
            label.clear()
        self.lines.setRowCount(0)
        for label in (self.explained, self.payment, self.history):
            label.clear()
        self.state_label.clear()
        self.state_label.hide()
        self.retry_button.hide()
        self.body.hide()
        self._set_print_enabled(False)

    def show_loading(self, claim_number: str) -> None:
        self.clear()
        set_plain(self.title, f"Claim {plain(claim_number, 60)}")
        set_plain(self.state_label, "Loading the claim…")
        self.state_label.show()

    def show_error(self, text: str, *, retry: bool) -> None:
        """Loading failed: say why; whatever was shown before stays."""
        set_plain(self.state_label, text)
        self.state_label.setStyleSheet("color: #a00000;")
        self.state_label.show()
        self.retry_button.setVisible(retry)

    def show_detail(self, detail: ClaimDetail, words: CodeWords) -> None:
        self.detail = detail
        self.state_label.hide()
        self.state_label.setStyleSheet("")
        self.retry_button.hide()
        self.fill(words)
        self.body.show()
        self._set_print_enabled(True)

    def _set_print_enabled(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.pdf_button.setEnabled(on)
        self.follow_up_button.setEnabled(on)

    def _fill_next_step(self, d: ClaimDetail, words: CodeWords) -> None:
        step = next_step(facts_from_detail(d), words.playbook)
        if step is None:
            self.next_step.hide()
            return
        today = date.today()
        set_plain(self.next_step, "What to do next: " + step_sentence(
            step, today, self._fmt.date), 900)
        self.next_step.setStyleSheet(step_style(step, today))
        self.next_step.show()

    # --- filling -----------------------------------------------------------------------

    def fill(self, words: CodeWords) -> None:
        """(Re)write every label; called again when the code tables arrive."""
        d = self.detail
        if d is None:
            return
        fmt = self._fmt
        set_plain(self.title, f"Claim {plain(d.claim_number, 60)}")
        set_plain(self.status_chip, status_text(d, words), 160)
        bg, fg = status_colours(d.status.category)
        self.status_chip.setStyleSheet(
            f"background: {bg}; color: {fg}; padding: 2px 8px; border-radius: 3px;")
        why = why_summary(d, words)
        if why:
            set_plain(self.why, why, 600)
            bg, fg = status_colours(d.status.category)
            self.why.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 3px;")
            self.why.show()
        else:
            self.why.hide()
        self._fill_next_step(d, words)
        values = {
            "patient": patient_text(d),
            "dob": fmt.date(d.patient.dob),
            "member": plain(d.patient.member_id, VALUE_CHARS),
            "account": plain(d.patient_account_number or "—", VALUE_CHARS),
            "service": fmt.date_range(d.service_from, d.service_to),
            "received": fmt.instant(d.received_at),
            "billing": plain(d.billing_npi, VALUE_CHARS),
            "rendering": plain(d.rendering_npi or "—", VALUE_CHARS),
            "billed": fmt.amount(d.billed_amount),
            "allowed": fmt.amount(d.allowed_amount) or "—",
            "paid": fmt.amount(d.paid_amount) or "—",
            "patient_resp": fmt.amount(d.patient_responsibility) or "—",
        }
        for key, text in values.items():
            set_plain(self.fields[key], text, VALUE_CHARS + 10)
        self._fill_lines(d)
        items = explained_items(d, words, fmt)
        if len(items) > MAX_EXPLAINED:
            items = [*items[:MAX_EXPLAINED], f"… and {len(items) - MAX_EXPLAINED} more."]
        set_plain(self.explained, "\n".join(items) or "No adjustments or remarks.",
                  max_chars=200 * 400)
        set_plain(self.payment, payment_text(d, fmt))
        set_plain(self.history, history_text(d, words, fmt), max_chars=200 * 400)

    def _fill_lines(self, d: ClaimDetail) -> None:
        fmt = self._fmt
        table = self.lines
        table.setRowCount(len(d.lines))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(d.lines):
            cells = (
                str(line.line_number), fmt.date(line.service_date),
                plain(line.procedure_code, 20),
                ", ".join(plain(m, 10) for m in line.modifiers[:10]),
                plain(format(line.units.normalize(), "f"), 12),
                fmt.amount(line.billed_amount), fmt.amount(line.allowed_amount),
                fmt.amount(line.paid_amount), plain(line_adjustments(line, fmt), 300),
                ", ".join(plain(r, 10) for r in line.remarks[:20]),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col in _MONEY_COLS or col in (0, 4):
                    item.setTextAlignment(right)
                table.setItem(row, col, item)
        rows = min(max(len(d.lines), 1), LINES_VISIBLE)
        height = (table.horizontalHeader().height() + rows * table.verticalHeader()
                  .defaultSectionSize() + 2 * table.frameWidth() + 2)
        table.setFixedHeight(height)
