"""The claim detail panel: the answer first, then amounts, then lines and codes.

A panel inside the claims screen rather than a separate window: the idle lock hides the
workspace, and with it every claim on screen, which a free-floating dialog would
survive. Every value from the portal goes in as plain, elided text.

Order (issue 15): the status in words and why it was denied or is pending, what the
office can do next, who and when (patient, date of birth, member ID, dates), the
amounts and payment, then the lines (each adjustment once, with its amount) and what
their codes mean, then the status history. Opening another claim starts at the top.

Screen readers: every value label's accessible name is its caption *and* its value
("Member ID: ZZ123"); messages (why, next step, loading state) are `a11y` message
labels whose text is what is read.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
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

from desktop.nextstep import Urgency, facts_from_detail, next_step
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
from desktop.ui.claims.model import tooltip
from desktop.ui.claims.status import status_tone
from desktop.ui.common import a11y
from desktop.ui.common.clipboard import install_cell_copy
from desktop.ui.common.formats import Formats
from desktop.ui.common.nextstep import step_sentence
from desktop.ui.common.style import Role, Tone, mark, tone_colours
from desktop.ui.common.text import plain, set_plain

VALUE_CHARS = 200
_RIGHT_COLS = {0, 4, 5, 6, 7}
#: Lines shown before the lines table scrolls on its own.
LINES_VISIBLE = 10
_URGENCY_TONES = {Urgency.PASSED: Tone.BAD, Urgency.URGENT: Tone.WARN,
                  Urgency.SOON: Tone.CAUTION, Urgency.OK: Tone.GOOD,
                  Urgency.NONE: Tone.NEUTRAL}


def paint_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour a label's background and text with a tone (or back to the palette's)."""
    palette = widget.palette()
    if tone is None:
        widget.setAutoFillBackground(False)
        widget.setPalette(QPalette())
        return
    bg, ink = tone_colours(tone)
    palette.setColor(QPalette.ColorRole.Window, bg)
    palette.setColor(QPalette.ColorRole.WindowText, ink)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


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
        self.setAccessibleName(self.tr("Claim detail"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._fmt = fmt
        self.detail: ClaimDetail | None = None
        self._captions: dict[QLabel, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addLayout(self._build_top(allow_print))

        state = QHBoxLayout()
        self.state_label = a11y.message_label(self, "claimDetailState",
                                              self.tr("Claim detail status"))
        state.addWidget(self.state_label, 1)
        self.retry_button = self._button(self.tr("Retr&y"), "claimDetailRetry",
                                         self.tr("Load the claim again"),
                                         self.tr("Load the claim again"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        state.addWidget(self.retry_button)
        outer.addLayout(state)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("claimDetailScroll")
        self.scroll_area.setAccessibleName(self.tr("Claim detail"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget(self.scroll_area)
        self.body.setObjectName("claimDetailBody")
        self._build_body()
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        self.clear()

    def _build_top(self, allow_print: bool) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = _bold(a11y.message_label(self, "claimDetailTitle",
                                              self.tr("Claim number")), 1.3)
        self.title.setWordWrap(False)
        top.addWidget(self.title)
        self.status_chip = _bold(a11y.message_label(self, "claimDetailStatusChip",
                                                    self.tr("Claim status")))
        self.status_chip.setWordWrap(False)
        self.status_chip.setMargin(3)
        top.addWidget(self.status_chip)
        top.addStretch(1)
        self.print_button = self._button(self.tr("&Print…"), "printClaimButton",
                                         self.tr("Print this claim"),
                                         self.tr("Print this claim (Ctrl+P)"))
        self.pdf_button = self._button(self.tr("Save as PDF…"), "pdfClaimButton",
                                       self.tr("Save this claim as a PDF file"),
                                       self.tr("Save this claim as a PDF file you choose"))
        for b in (self.print_button, self.pdf_button):
            b.setVisible(allow_print)
            top.addWidget(b)
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.follow_up_button = self._button(
            self.tr("Follo&w up on…"), "followUpButton",
            self.tr("Follow up on this claim on a date"),
            self.tr("Put this claim on your worklist for a date (F)"))
        self.follow_up_button.clicked.connect(self.follow_up_requested)
        top.addWidget(self.follow_up_button)
        self.close_button = self._button(self.tr("Close"), "closeDetailButton",
                                         self.tr("Close the claim detail"),
                                         self.tr("Close the claim detail (Esc)"))
        self.close_button.clicked.connect(self.close_requested)
        top.addWidget(self.close_button)
        return top

    def _button(self, text: str, name: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def _section(self, text: str) -> QLabel:
        label = _bold(QLabel(text, self.body), 1.1)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _grid(self, specs: tuple[tuple[str, str], ...], columns: int, *,
              wide_last: bool = False) -> QGridLayout:
        """Caption: value pairs, `columns` pairs a row; values go into `self.fields`.
        `wide_last`: the last value (a sentence) spans the rest of its row."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, (key, caption) in enumerate(specs):
            row, col = divmod(i, columns)
            head = _bold(QLabel(self.tr("{caption}:").format(caption=caption), self.body))
            head.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(head, row, col * 2, Qt.AlignmentFlag.AlignTop)
            value = QLabel(self.body)
            value.setObjectName(f"claimDetail_{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._captions[value] = caption
            self.fields[key] = value
            span = columns * 2 - col * 2 - 1 if wide_last and i == len(specs) - 1 else 1
            grid.addWidget(value, row, col * 2 + 1, 1, span, Qt.AlignmentFlag.AlignTop)
        for col in range(columns):
            grid.setColumnStretch(col * 2 + 1, 1)
        return grid

    def _build_body(self) -> None:
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 4, 0)
        self.why = a11y.message_label(self.body, "claimWhy",
                                      self.tr("Why this claim has this status"))
        self.why.setMargin(6)
        body.addWidget(self.why)
        self.next_step = a11y.message_label(self.body, "claimNextStep",
                                            self.tr("What to do next"))
        self.next_step.setMargin(6)
        body.addWidget(self.next_step)
        self.fields: dict[str, QLabel] = {}
        body.addLayout(self._grid((
            ("patient", self.tr("Patient")), ("dob", self.tr("Date of birth")),
            ("member", self.tr("Member ID")), ("service", self.tr("Dates of service")),
            ("received", self.tr("Received")), ("account", self.tr("Patient account")),
            ("billing", self.tr("Billing NPI")), ("rendering", self.tr("Rendering NPI")),
        ), 3))
        body.addWidget(self._section(self.tr("Amounts")))
        body.addLayout(self._grid((
            ("billed", self.tr("Billed")), ("allowed", self.tr("Allowed")),
            ("paid", self.tr("Paid")), ("patient_resp", self.tr("Patient responsibility")),
            ("payment", self.tr("Payment")),
        ), 4, wide_last=True))
        body.addWidget(self._section(self.tr("Lines")))
        body.addWidget(self._build_lines())
        body.addWidget(self._section(self.tr("What the codes mean")))
        self.explained = a11y.message_label(self.body, "claimAdjustments",
                                            self.tr("What the adjustment and remark codes "
                                                    "mean"))
        body.addWidget(self.explained)
        body.addWidget(self._section(self.tr("Status history")))
        self.history = a11y.message_label(self.body, "claimHistory", self.tr("Status history"))
        body.addWidget(self.history)
        body.addStretch(1)
        # Kept for the payments screen and older tests: the payment sentence.
        self.payment = self.fields["payment"]

    def _build_lines(self) -> QTableWidget:
        self.lines = QTableWidget(0, len(line_columns()), self.body)
        self.lines.setObjectName("claimLinesTable")
        self.lines.setAccessibleName(self.tr("Claim lines"))
        self.lines.setHorizontalHeaderLabels(line_columns())
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.verticalHeader().setObjectName("claimLinesRowHeader")
        self.lines.verticalHeader().setAccessibleName(self.tr("Row numbers"))
        self.lines.horizontalHeader().setObjectName("claimLinesHeader")
        self.lines.horizontalHeader().setAccessibleName(self.tr("Columns of the claim lines"))
        self.lines.verticalHeader().hide()
        self.lines.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.lines.verticalHeader().setDefaultSectionSize(self.lines.fontMetrics().height() + 8)
        self.lines.setWordWrap(False)
        self.lines.setTabKeyNavigation(False)
        install_cell_copy(self.lines)
        header = self.lines.horizontalHeader()
        header.setStretchLastSection(True)
        digit = self.lines.fontMetrics().horizontalAdvance("0")
        for col, chars in enumerate((5, 11, 9, 9, 6, 10, 10, 10, 26, 12)):
            header.resizeSection(col, chars * digit + 12)
        return self.lines

    # --- states ------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the claim shown (sign-out, closing the panel)."""
        self.detail = None
        self.title.clear()
        self.status_chip.clear()
        paint_tone(self.status_chip, None)
        self.why.clear()
        self.why.hide()
        self.next_step.clear()
        self.next_step.hide()
        for label in self.fields.values():
            self._set_value(label, "")
        self.lines.setRowCount(0)
        for label in (self.explained, self.history):
            label.clear()
        self.state_label.clear()
        self.state_label.hide()
        mark(self.state_label, None)
        self.retry_button.hide()
        self.body.hide()
        self._set_print_enabled(False)

    def show_loading(self, claim_number: str) -> None:
        self.clear()
        set_plain(self.title, self.tr("Claim {number}").format(number=plain(claim_number, 60)))
        a11y.set_message(self.state_label, self.tr("Loading the claim…"))

    def show_error(self, text: str, *, retry: bool) -> None:
        """Loading failed: say why; whatever was shown before stays."""
        mark(self.state_label, Role.ERROR)
        a11y.set_message(self.state_label, plain(text, 600), a11y.Urgency.ASSERTIVE)
        self.retry_button.setVisible(retry)

    def show_detail(self, detail: ClaimDetail, words: CodeWords) -> None:
        self.detail = detail
        a11y.set_message(self.state_label, "")
        mark(self.state_label, None)
        self.retry_button.hide()
        self.fill(words)
        self.body.show()
        self._set_print_enabled(True)
        self.scroll_to_top()

    def scroll_to_top(self) -> None:
        """Another claim starts at its status and patient, not at the last one's payment."""
        self.scroll_area.verticalScrollBar().setValue(0)
        self.scroll_area.horizontalScrollBar().setValue(0)

    def _set_print_enabled(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.pdf_button.setEnabled(on)
        self.follow_up_button.setEnabled(on)

    def _set_value(self, label: QLabel, text: str) -> None:
        """The value, and an accessible name that carries it ("Member ID: ZZ123")."""
        set_plain(label, text, VALUE_CHARS + 10)
        caption = self._captions.get(label, "")
        # Caption and value joined (not nested in a template): each is its own text.
        label.setAccessibleName(f"{caption}: {label.text()}" if text else caption)

    def _fill_next_step(self, d: ClaimDetail, words: CodeWords) -> None:
        step = next_step(facts_from_detail(d), words.playbook)
        if step is None:
            self.next_step.hide()
            return
        today = date.today()
        set_plain(self.next_step, self.tr("What to do next: {step}").format(
            step=step_sentence(step, today, self._fmt.date)), 900)
        paint_tone(self.next_step, _URGENCY_TONES.get(step.urgency(today), Tone.NEUTRAL))
        self.next_step.show()

    # --- filling -----------------------------------------------------------------------

    def fill(self, words: CodeWords) -> None:
        """(Re)write every label; called again when the code tables arrive."""
        d = self.detail
        if d is None:
            return
        fmt = self._fmt
        dash = "—"
        set_plain(self.title, self.tr("Claim {number}").format(number=plain(d.claim_number, 60)))
        set_plain(self.status_chip, headline(d, words), 200)
        tone = status_tone(d.status.category)
        paint_tone(self.status_chip, tone)
        why = why_summary(d, words)
        if why:
            set_plain(self.why, why, 600)
            paint_tone(self.why, tone)
            self.why.show()
        else:
            self.why.hide()
        self._fill_next_step(d, words)
        values = {
            "patient": patient_text(d),
            "dob": fmt.date(d.patient.dob),
            "member": plain(d.patient.member_id, VALUE_CHARS),
            "account": plain(d.patient_account_number or dash, VALUE_CHARS),
            "service": fmt.date_range(d.service_from, d.service_to),
            "received": fmt.instant(d.received_at),
            "billing": plain(d.billing_npi, VALUE_CHARS),
            "rendering": plain(d.rendering_npi or dash, VALUE_CHARS),
            "billed": fmt.amount(d.billed_amount),
            "allowed": fmt.amount(d.allowed_amount) or dash,
            "paid": fmt.amount(d.paid_amount) or dash,
            "patient_resp": fmt.amount(d.patient_responsibility) or dash,
            "payment": payment_text(d, fmt),
        }
        for key, text in values.items():
            self._set_value(self.fields[key], text)
        self._fill_lines(d)
        set_plain(self.explained, "\n".join(code_meanings(d, words))
                  or self.tr("No adjustments or remarks."), max_chars=200 * 400)
        set_plain(self.history, history_text(d, words, fmt), max_chars=200 * 400)

    def _fill_lines(self, d: ClaimDetail) -> None:
        table = self.lines
        table.setRowCount(len(d.lines))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, line in enumerate(d.lines):
            for col, text in enumerate(line_cells(line, self._fmt)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col in _RIGHT_COLS:
                    item.setTextAlignment(right)
                if text and col == 8:
                    item.setToolTip(tooltip(text))
                table.setItem(row, col, item)
        rows = min(max(len(d.lines), 1), LINES_VISIBLE)
        height = (table.horizontalHeader().height() + rows * table.verticalHeader()
                  .defaultSectionSize() + 2 * table.frameWidth() + 2)
        table.setFixedHeight(height)
