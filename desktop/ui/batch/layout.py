"""The batch status screen's widgets and the words it says, apart from its logic.

Names automation relies on: `batchInput`, `batchOpenButton`, `batchRunButton`,
`batchCancelButton`, `batchRetryButton`, `batchProgress`, `batchSummary`, `batchTable`,
`batchExportButton`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
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
from desktop.ui.common.formats import Formats
from desktop.ui.common.tables import read_only_table
from desktop.ui.common.text import heading, plain, set_plain

ERROR_STYLE = "color: #a00000;"
_WIDTHS = (120, 110, 200, 80, 80, 85, 125, 240, 220)


def _button(parent: QWidget, text: str, name: str, accessible: str, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    return button


class BatchLayout:
    def __init__(self, screen: QWidget, model: BatchModel, *, allow_export: bool) -> None:
        self._state: tuple[object, ...] = ()
        layout = QVBoxLayout(screen)
        layout.addWidget(heading("Batch status", screen, 1.2))
        self.input = QPlainTextEdit(screen)
        self.input.setObjectName("batchInput")
        self.input.setAccessibleName("Claim numbers to check")
        self.input.setPlaceholderText(
            "Paste claim numbers here: one per line, or separated by commas, spaces or "
            "tabs, as they come out of a spreadsheet. Ctrl+Enter checks them.")
        self.input.setTabChangesFocus(True)
        self.input.setMaximumHeight(110)
        layout.addWidget(self.input)
        layout.addLayout(self._bar(screen))
        self.summary = QLabel(screen)
        self.summary.setObjectName("batchSummary")
        self.summary.setAccessibleName("Batch status summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = self._table(screen, model)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.export_button = _button(screen, "E&xport CSV…", "batchExportButton",
                                     "Export the result to a CSV file",
                                     "Save the result as a CSV file (patient information)")
        self.export_button.setVisible(allow_export)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)

    def _bar(self, screen: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.run_button = _button(screen, "&Check status", "batchRunButton",
                                  "Check the status of the pasted claim numbers",
                                  "Check every number in the box (Ctrl+Enter)")
        self.open_button = _button(screen, "&Open CSV or Excel…", "batchOpenButton",
                                   "Open a CSV or Excel file with claim numbers",
                                   "Read the claim-number column of a CSV or XLSX file")
        self.cancel_button = _button(screen, "Cancel", "batchCancelButton",
                                     "Stop checking", "Stop after what has arrived")
        self.retry_button = _button(screen, "&Retry the rest", "batchRetryButton",
                                    "Check the numbers not checked yet",
                                    "Send the numbers that were not checked again")
        self.progress = QProgressBar(screen)
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName("Numbers checked")
        self.progress.setFormat("%v of %m checked")
        for w in (self.run_button, self.open_button, self.cancel_button, self.retry_button):
            bar.addWidget(w)
        bar.addWidget(self.progress, 1)
        return bar

    def _table(self, screen: QWidget, model: BatchModel) -> QTableView:
        return read_only_table(screen, model, "batchTable",
                               "Status of each claim number; Enter opens a found claim",
                               "Columns of the batch result", _WIDTHS)

    # --- words ---------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        set_plain(self.summary, text, 800)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def describe_input(self, parsed: Parsed, source: str | None, fmt: Formats) -> None:
        parts = [f"Checking {fmt.count(len(parsed.numbers))} claim numbers"]
        if source:
            where = f' (column "{plain(parsed.header, 40)}", header row skipped)' \
                if parsed.header else ""
            parts[0] += f" from {plain(source, 80)}{where}"
        if parsed.duplicates:
            parts.append(f"{fmt.count(parsed.duplicates)} repeated numbers left out")
        if parsed.invalid:
            parts.append(f"{fmt.count(len(parsed.invalid))} entries are not claim numbers "
                         "(marked below, not sent)")
        if parsed.over_limit:
            parts.append(f"{fmt.count(parsed.over_limit)} more than the limit of "
                         f"{fmt.count(MAX_NUMBERS)} were not checked; split the list")
        self.say("; ".join(parts) + "…")

    def say_finished(self, run: BatchRun | None, fmt: Formats) -> None:
        if run is None:
            return
        found = sum(s is RowState.FOUND for s in run.states)
        missing = sum(s is RowState.NOT_FOUND for s in run.states)
        self.say(f"Done: {fmt.count(found)} found, {fmt.count(missing)} not found "
                 "(unknown, or not a claim of your office). Enter on a found row opens it.")

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
