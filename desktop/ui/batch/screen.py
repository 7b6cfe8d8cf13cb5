"""Batch status: paste or open a list of claim numbers, see every claim's status at once.

The portal answers 500 numbers per request, so a list goes out in chunks, one after
another, each an operation of the screen's scope: the table fills as chunks arrive, a
progress bar counts them, Cancel stops after what has arrived. When a chunk fails,
what arrived stays, the rest is marked "not checked" and Retry sends exactly those.
An expired session or a changed policy pauses the run; `resume()` goes on.
Reading a file and splitting a long paste run off the GUI thread; the file is only
read, never copied. Nothing of the list is kept once the clerk signs out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.batchinput import Parsed, parse_pasted, read_numbers_file
from desktop.batchrun import BatchRun
from desktop.nextstep import NextStep, facts_from_batch, next_step
from desktop.portal.errors import PolicyAcceptanceRequired, PortalError
from desktop.portal.playbook import Playbook
from desktop.portal.worklist import BatchItem
from desktop.ui.batch import export as batch_export
from desktop.ui.batch.layout import BatchLayout
from desktop.ui.batch.model import BatchModel
from desktop.ui.claims import export as claims_export
from desktop.ui.claims.codes import CodeBook
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.tables import remember
from desktop.ui.context import ScreenContext
from desktop.ui.screen import Screen

FileChooser = Callable[[QWidget], str]


def open_file_dialog(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("BatchScreen", "Open a list of claim numbers"), "",
        translate("BatchScreen", "Claim lists (*.csv *.txt *.xlsx *.xlsm);;All files (*)"))
    return path


Checked = tuple[tuple[BatchItem, ...], dict[str, NextStep | None]]


def with_steps(items: tuple[BatchItem, ...], book: Playbook) -> Checked:
    """Worker thread: the chunk's answer with each found claim's next step, so that the
    GUI thread does not spend its time matching 500 claims against the playbook."""
    return items, {i.claim_number: next_step(facts_from_batch(i.claim), book)
                   for i in items if i.claim is not None}


class _Op(Enum):
    PARSE = auto()
    CHUNK = auto()
    WRITE = auto()


class BatchScreen(Screen):
    title = str(QT_TRANSLATE_NOOP("Screens", "Batch status"))
    #: A found row was opened (claim id, claim number).
    open_claim_requested = Signal(str, str)

    def __init__(self, ctx: ScreenContext, *, choose_file: FileChooser = open_file_dialog,
                 choose_path: claims_export.PathChooser = claims_export.save_path_dialog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchScreen")
        self._ctx = ctx
        self._ops = ctx.ops.scope(self)
        self._fmt = Formats()
        self._choose_file = choose_file
        self._choose_path = choose_path
        self._paused = False
        self.run: BatchRun | None = None
        self.codes = CodeBook(ctx.ops, self)
        self.model = BatchModel(self._fmt, self)
        self.ui = BatchLayout(self, self.model, allow_export=ctx.allow_export)
        remember(ctx.view, "batch/table/header", self.ui.table.horizontalHeader())
        self.ui.run_button.clicked.connect(self.start_pasted)
        self.ui.open_button.clicked.connect(self.open_file)
        self.ui.cancel_button.clicked.connect(self.cancel)
        self.ui.retry_button.clicked.connect(self.retry)
        self.ui.export_button.clicked.connect(self.export_csv)
        self.ui.table.activated.connect(self._activated)
        self.codes.changed.connect(lambda: self.model.set_words(self.codes.words))
        run = QShortcut(QKeySequence("Ctrl+Return"), self)
        run.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        run.activated.connect(self.start_pasted)
        self._sync()

    # --- Screen hooks ----------------------------------------------------------------------

    def activate(self) -> None:
        self.codes.ensure()
        self.ui.input.setFocus()

    def clear(self) -> None:
        """Sign-out: the list, the results and the code tables go."""
        self._ops.cancel_all()
        self._paused = False
        self.run = None
        self.model.clear()
        self.codes.clear()
        self.ui.input.clear()
        self.ui.say("")
        self._sync()

    def resume(self) -> None:
        if self.codes.interrupted:
            self.codes.ensure()
        if self._paused:
            self._paused = False
            self._send_next()

    # --- input -------------------------------------------------------------------------

    def start_pasted(self) -> None:
        if self.busy:
            return
        text = self.ui.input.toPlainText()
        self.ui.say(self.tr("Reading the list…"))
        self._ops.background(_Op.PARSE, lambda: parse_pasted(text), on_success=self.start,
                             on_failure=self._read_failed, expected=(ValueError, OSError))

    def open_file(self) -> None:
        if self.busy:
            return
        path = self._choose_file(self.window())
        if not path:
            return
        name = Path(path).name
        self.ui.say(self.tr("Reading {file}…").format(file=name))
        self._ops.background(_Op.PARSE, lambda: read_numbers_file(Path(path)),
                             on_success=lambda parsed: self._file_read(name, parsed),
                             on_failure=self._read_failed, expected=(ValueError, OSError))

    def _file_read(self, name: str, parsed: Parsed) -> None:
        self.ui.input.setPlainText("\n".join([*parsed.numbers,
                                              *(i.text for i in parsed.invalid)]))
        self.start(parsed, source=name)

    def _read_failed(self, exc: Exception) -> None:
        text = str(exc) if isinstance(exc, ValueError) else self.tr(
            "The file could not be read.")
        self.ui.say(text, error=True)
        self._sync()

    # --- the run -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._ops.running(_Op.CHUNK) or self._ops.running(_Op.PARSE)

    def start(self, parsed: Parsed, source: str | None = None) -> None:
        if parsed.empty:
            self.ui.say(self.tr("There are no claim numbers to check. Paste them (one per "
                                "line, or separated by commas, spaces or tabs) or open a "
                                "CSV or Excel file."), error=True)
            self._sync()
            return
        self.run = BatchRun(parsed.numbers)
        self.model.start(self.run, parsed.invalid)
        self.model.set_words(self.codes.words)
        self.codes.ensure()
        self.ui.describe_input(parsed, source, self._fmt)
        self._paused = False
        self._send_next()

    def _send_next(self) -> None:
        run = self.run
        if run is None:
            return
        chunk = run.next_chunk()
        if not chunk:
            self._finished()
            return
        # The widgets first: once the worker parses its answer, every Qt call made from
        # Python here would wait for the interpreter lock (measured: 40-140 ms a chunk).
        self.ui.sync(run, running=True, paused=False)
        book = self.codes.words.playbook
        self._ops.portal(_Op.CHUNK, lambda api: with_steps(api.status_batch(chunk), book),
                         on_success=lambda answer: self._arrived(chunk, answer),
                         on_failure=self._failed, on_interrupted=self._interrupted)

    def _arrived(self, chunk: Sequence[str], answer: Checked) -> None:
        if self.run is None:
            return
        items, steps = answer
        self.model.rows_changed(self.run.record(chunk, items), steps)
        self._send_next()

    def _failed(self, exc: PortalError) -> None:
        self._stop(self.tr("The portal did not answer for every number: {reason}").format(
            reason=describe(exc)))

    def _interrupted(self, exc: PortalError) -> None:
        self._paused = True
        if isinstance(exc, PolicyAcceptanceRequired):
            self.ui.say(self.tr("Paused until the updated privacy policy is accepted; then "
                                "the check goes on by itself."))
        else:
            self.ui.say(self.tr("Paused until you sign in again; then the check goes on by "
                                "itself."))
        self._sync()

    def cancel(self) -> None:
        if self._ops.running(_Op.CHUNK) or self._paused:
            self._ops.cancel(_Op.CHUNK)
            self._paused = False
            self._stop(self.tr("Cancelled."))

    def _stop(self, why: str) -> None:
        if self.run is None:
            return
        self.model.rows_changed(self.run.stop())
        self.ui.say(self.tr("{why} {done} checked; {rest} not checked. Retry checks the "
                            "rest; what arrived stays.").format(
            why=why, done=self._fmt.count(self.run.done),
            rest=self._fmt.count(self.run.unchecked)), error=True)
        self._sync()

    def retry(self) -> None:
        if self.run is None or self.busy or not self.run.unchecked:
            return
        self.model.rows_changed(self.run.retry())
        self._send_next()

    def _finished(self) -> None:
        self.ui.say_finished(self.run, self._fmt)
        self._sync()

    def _sync(self) -> None:
        self.ui.sync(self.run, running=self._ops.running(_Op.CHUNK), paused=self._paused)

    # --- rows --------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        ref = self.model.claim_ref(row)
        if ref is None:
            return
        self.open_claim_requested.emit(*ref)
        self._ctx.open_claim(*ref)

    def export_csv(self) -> None:
        if not self._ctx.allow_export or self.model.rowCount() == 0:
            return
        stamp = Formats.file_stamp(datetime.now())
        path = self._choose_path(
            self.window(), self.tr("Export the batch result to CSV (the file will contain "
                                   "patient information)"),
            claims_export.suggested_path(f"batch-status-{stamp}", "csv"),
            self.tr("CSV files (*.csv)"))
        if not path:
            return
        rows = list(batch_export.records(self.model))
        self._ops.background(_Op.WRITE, lambda: batch_export.write_batch_csv(path, rows),
                             on_success=self._exported,
                             on_failure=lambda _e: self.ui.say(self.tr(
                                 "The file could not be written. Choose another folder."),
                                 error=True))

    def _exported(self, rows: int) -> None:
        saved = plural(self.tr("Exported %Ln row(s).", None, rows), rows)
        self.ui.say(f"{saved} {claims_export.PHI_NOTE}")


def make_batch_screen(ctx: ScreenContext) -> Screen:
    return BatchScreen(ctx)
