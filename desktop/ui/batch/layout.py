"""The batch status screen's widgets and the words it says, apart from its logic.

Names automation relies on: `batchInput`, `batchOpenButton`, `batchRunButton`,
`batchCancelButton`, `batchRetryButton`, `batchProgress`, `batchSummary`, `batchTable`,
`batchExportButton`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.batchinput import MAX_NUMBERS, Parsed
from desktop.batchrun import BatchRun, RowState
from desktop.ui.batch.model import BatchModel
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.style import Role, gap, mark
from desktop.ui.common.tables import read_only_table
from desktop.ui.common.text import plain, plain_label

#: The usual longest value of each column (the font decides the pixels).
_SAMPLES = ("26229000000099", "Not a claim number", "Finalized: denied (F2)", "$12,345.67",
            "$12,345.67", "12/31/2026", "EFT100000000001", "Appeal or ask for reconsideration",
            "Deadline passed: 88 days late")
_STRETCH = 2  # the status (up to ~70 characters in words) takes the spare width
#: Lines of the paste box that show before it scrolls.
_INPUT_LINES = 4



def _button(parent: QWidget, text: str, name: str, accessible: str, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    return button


class BatchLayout(QObject):
    """The widgets; a QObject so that its plural texts go through `tr()` (lupdate marks
    plural forms only there)."""

    def __init__(self, screen: QWidget, model: BatchModel, *, allow_export: bool) -> None:
        super().__init__(screen)
        self.model = model
        self._state: tuple[object, ...] = ()
        layout = QVBoxLayout(screen)
        layout.setSpacing(gap(screen))
        title = plain_label(self.tr("Batch status"), screen)
        title.setObjectName("batchTitle")
        mark(title, Role.HEADING)
        layout.addWidget(title)
        self.input = QPlainTextEdit(screen)
        self.input.setObjectName("batchInput")
        self.input.setAccessibleName(self.tr("Claim numbers to check"))
        self.input.setPlaceholderText(self.tr(
            "Paste claim numbers here: one per line, or separated by commas, spaces or "
            "tabs, as they come out of a spreadsheet. Ctrl+Enter checks them."))
        self.input.setTabChangesFocus(True)
        fm = self.input.fontMetrics()
        self.input.setMaximumHeight(fm.lineSpacing() * _INPUT_LINES + fm.height())
        layout.addWidget(self.input)
        layout.addLayout(self._bar(screen))
        self.summary = message_label(screen, "batchSummary", self.tr("Batch status summary"))
        layout.addWidget(self.summary)
        self.table = self._table(screen, model)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.export_button = _button(screen, self.tr("E&xport CSV…"), "batchExportButton",
                                     self.tr("Export the result to a CSV file"),
                                     self.tr("Save the result as a CSV file (it will contain "
                                         "patient information)"))
        self.export_button.setVisible(allow_export)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)

    def _bar(self, screen: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.run_button = _button(screen, self.tr("&Check status"), "batchRunButton",
                                  self.tr("Check the status of the pasted claim numbers"),
                                  self.tr("Check every number in the box (Ctrl+Enter)"))
        self.open_button = _button(screen, self.tr("&Open CSV or Excel…"), "batchOpenButton",
                                   self.tr("Open a CSV or Excel file with claim numbers"),
                                   self.tr("Read the claim-number column of a CSV or XLSX file"))
        self.cancel_button = _button(screen, self.tr("Cancel"), "batchCancelButton",
                                     self.tr("Stop checking"),
                                     self.tr("Stop after what has arrived"))
        self.retry_button = _button(screen, self.tr("&Retry the rest"), "batchRetryButton",
                                    self.tr("Check the numbers not checked yet"),
                                    self.tr("Send the numbers that were not checked again"))
        self.progress = QProgressBar(screen)
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Numbers checked"))
        self.progress.setFormat(self.tr("%v of %m checked"))
        for w in (self.run_button, self.open_button, self.cancel_button, self.retry_button):
            bar.addWidget(w)
        bar.addWidget(self.progress, 1)
        return bar

    def _table(self, screen: QWidget, model: BatchModel) -> QTableView:
        return read_only_table(screen, model, "batchTable",
                               self.tr("Status of each claim number; Enter opens a found claim"),
                               self.tr("Columns of the batch result"), _SAMPLES, _STRETCH)

    # --- words ---------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """Show (and announce) what the screen has to say; errors marked as such."""
        mark(self.summary, Role.ERROR if error else None)
        set_message(self.summary, plain(text, 800, multiline=True),
                    Urgency.ASSERTIVE if error else Urgency.POLITE)

    def describe_input(self, parsed: Parsed, source: str | None, fmt: Formats) -> None:
        n = len(parsed.numbers)
        first = plural(self.tr("Checking %Ln claim number(s)", None, n), n)
        if source and parsed.header:
            first = self.tr('{checking} from {file} (column "{column}", header row skipped)'
                        ).format(checking=first, file=plain(source, 80),
                                 column=plain(parsed.header, 40))
        elif source:
            first = self.tr("{checking} from {file}").format(checking=first,
                                                        file=plain(source, 80))
        parts = [first]
        if parsed.duplicates:
            parts.append(plural(self.tr("%Ln repeated number(s) left out", None,
                                        parsed.duplicates), parsed.duplicates))
        if parsed.invalid:
            parts.append(self.tr("not claim numbers (marked below, not sent): {count}").format(
                count=fmt.count(len(parsed.invalid))))
        if parsed.over_limit:
            parts.append(self.tr("{over} over the limit of {limit} were not checked; split the "
                             "list").format(over=fmt.count(parsed.over_limit),
                                            limit=fmt.count(MAX_NUMBERS)))
        self.say(self.tr("{parts}…").format(parts="; ".join(parts)))

    def say_finished(self, run: BatchRun | None, fmt: Formats) -> None:
        if run is None:
            return
        found = sum(s is RowState.FOUND for s in run.states)
        missing = sum(s is RowState.NOT_FOUND for s in run.states)
        text = self.tr("Done: {found} found, {missing} not found (not known to the portal, or "
                   "not a claim of your office).").format(found=fmt.count(found),
                                                          missing=fmt.count(missing))
        invalid = len(self.model.invalid)
        if invalid:
            text += " " + self.tr("Not claim numbers (not sent): {count}.").format(
                count=fmt.count(invalid))
        self.say(text + " " + self.tr("Press Enter on a found row to open it."))

    def sync(self, run: BatchRun | None, *, running: bool, paused: bool) -> None:
        """Buttons and progress for the run's state; only what changed is touched (each
        Qt call costs a round through the interpreter lock while a chunk is parsed)."""
        total = len(run.numbers) if run else 0
        state = (total, run.done if run else 0, run is not None, not running,
                 running or paused,
                 bool(run and run.unchecked) and not running and not paused,
                 not running and self.table.model().rowCount() > 0)
        if state == self._state:
            return
        self._state = state
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(state[1])
        self.progress.setVisible(state[2])
        self.run_button.setEnabled(state[3])
        self.open_button.setEnabled(state[3])
        self.cancel_button.setVisible(state[4])
        self.retry_button.setVisible(state[5])
        self.export_button.setEnabled(state[6])
