"""Batch status: tones from the style (following the scheme), status in words first,
messages a screen reader reads and announces, CSV in the file spelling, widths that fit."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor

from desktop.batchinput import parse_pasted
from desktop.portal.errors import PolicyAcceptanceRequired, SessionExpired
from desktop.ui.batch.model import COL_DEADLINE, COL_NUMBER, COL_RESULT, COL_STATUS
from desktop.ui.common import style
from desktop.ui.common.formats import Formats, local_date
from desktop.ui.common.nextstep import URGENCY_TONES
from desktop.ui.common.style import Scheme, Tone
from tests.ui.batch.test_screen import DENIED, PAID, make
from tests.ui.common.looks import restore_look  # noqa: F401 (a fixture)

#: Every test here may apply a scheme; the look is put back after each.
pytestmark = pytest.mark.usefixtures("restore_look")

BG, FG = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


def run(qtbot, text: str = "2622900000001\n2622900000002\n99999999\nSmith"):
    s, client, opened, chosen = make(qtbot)
    s.ui.input.setPlainText(text)
    s.start_pasted()
    return s, client, opened, chosen


@pytest.mark.parametrize("scheme", list(Scheme))
def test_cell_colours_are_the_schemes_tones(qtbot, qapp, scheme: Scheme) -> None:
    style.apply(qapp, scheme)
    s, *_ = run(qtbot)
    m = s.model
    invalid = m.index(3, COL_RESULT)
    assert invalid.data(BG) == QColor(style.TONES[scheme][Tone.BAD][0])
    assert invalid.data(FG) == QColor(style.TONES[scheme][Tone.BAD][1])
    assert m.index(2, COL_RESULT).data(BG) == QColor(style.TONES[scheme][Tone.NEUTRAL][0])
    step = m.step(0)
    assert step is not None and step.deadline is not None
    tone = URGENCY_TONES[step.urgency(m.today)]
    assert m.index(0, COL_DEADLINE).data(BG) == QColor(style.TONES[scheme][tone][0])
    assert m.index(0, COL_NUMBER).data(BG) is None  # no colour where there is no signal


def test_the_status_leads_with_words_and_keeps_the_code(qtbot) -> None:
    s, *_ = run(qtbot)
    status = s.model.index(0, COL_STATUS).data()
    assert status.endswith("(F2)") and not status.startswith("F2")
    assert DENIED.status.category == "F2" and PAID.status.category == "F1"


def test_the_summary_is_read_out_with_its_text_and_errors_are_marked(qtbot) -> None:
    s, *_ = run(qtbot)
    summary = s.ui.summary
    name = QAccessible.queryAccessibleInterface(summary).text(QAccessible.Text.Name)
    assert name == summary.text() and name.startswith("Done:")
    assert summary.property("role") == ""
    s.ui.input.setPlainText(" ")
    s.start_pasted()
    assert summary.property("role") == "error" and summary.styleSheet() == ""


def test_counts_in_the_description_are_plural_aware(qtbot) -> None:
    s, *_ = make(qtbot)
    parsed = parse_pasted("2622900000001\n2622900000001\nSmith")
    s.ui.describe_input(parsed, "list.csv", Formats())
    text = s.ui.summary.text()
    assert text.startswith("Checking 1 claim number from list.csv")
    assert "1 repeated number left out" in text
    assert "not claim numbers (marked below, not sent): 1" in text


def test_csv_uses_the_file_spelling(qtbot, tmp_path: Path) -> None:
    s, _, _, chosen = run(qtbot)
    chosen["save"] = str(tmp_path / "batch.csv")
    s.export_csv()
    with open(chosen["save"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    found = rows[0]
    assert found["Billed"] == "100.00" and found["Paid"] == "0.00"
    assert DENIED.paid_at is not None
    assert found["Paid date"] == local_date(DENIED.paid_at).isoformat()  # the PC's day
    assert len(found["Deadline"]) == 10 and found["Deadline"][4] == "-"
    assert rows[3]["Result"] == "Not a claim number"
    assert s.ui.summary.text().startswith("Exported 4 rows.")


def test_columns_fit_their_values_at_1366(qtbot) -> None:
    s, *_ = run(qtbot, "26229000000099\n2622900000001")
    table = s.ui.table
    fm = table.fontMetrics()
    header = table.horizontalHeader()
    for col, sample in ((COL_NUMBER, "26229000000099"), (COL_RESULT, "Not a claim number")):
        assert header.sectionSize(col) > fm.horizontalAdvance(sample), col
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total <= 1366 - 40  # nothing pushed off a 1366-px screen


def test_the_paste_box_height_follows_the_font(qtbot) -> None:
    s, *_ = make(qtbot)
    fm = s.ui.input.fontMetrics()
    assert s.ui.input.maximumHeight() >= fm.lineSpacing() * 4


@pytest.mark.parametrize(("exc", "words"), [
    (SessionExpired(), "Paused until you sign in again"),
    (PolicyAcceptanceRequired(), "Paused until the updated privacy policy is accepted"),
])
def test_a_pause_says_what_it_waits_for(qtbot, exc, words: str) -> None:
    """A signed-in clerk asked to accept a changed policy is not told to sign in."""
    s, client, *_ = make(qtbot)
    client.fail["status_batch"] = [exc]
    s.ui.input.setPlainText("2622900000001")
    s.start_pasted()
    assert s.ui.summary.text().startswith(words)
    assert ("sign in" in s.ui.summary.text()) is isinstance(exc, SessionExpired)


def test_column_widths_and_order_are_kept_between_runs(qtbot) -> None:
    from desktop.ui.batch.screen import BatchScreen
    from desktop.ui.context import ScreenContext
    from desktop.ui.viewstate import MemoryViewState
    from tests.ui.worklist.support import work_context

    view = MemoryViewState()
    base, _ = work_context([DENIED, PAID])
    ctx = ScreenContext(ops=base.ops, view=view)
    first = BatchScreen(ctx)
    qtbot.addWidget(first)
    header = first.ui.table.horizontalHeader()
    header.resizeSection(COL_STATUS, 333)
    header.moveSection(COL_NUMBER, 3)
    again = BatchScreen(ctx)
    qtbot.addWidget(again)
    kept = again.ui.table.horizontalHeader()
    assert kept.sectionSize(COL_STATUS) == 333
    assert kept.visualIndex(COL_NUMBER) == 3
    fresh = BatchScreen(ScreenContext(ops=base.ops))
    qtbot.addWidget(fresh)
    assert fresh.ui.table.horizontalHeader().sectionSize(COL_STATUS) != 333


def test_a_long_status_is_in_the_tooltip_and_the_status_takes_the_spare_width(qtbot) -> None:
    from PySide6.QtWidgets import QHeaderView

    s, *_ = run(qtbot)
    cell = s.model.index(0, COL_STATUS)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()
    header = s.ui.table.horizontalHeader()
    assert header.sectionResizeMode(COL_STATUS) == QHeaderView.ResizeMode.Stretch


def test_done_also_counts_what_was_not_a_claim_number(qtbot) -> None:
    s, *_ = run(qtbot, "2622900000001\nSmith\nJones")
    assert "Not claim numbers (not sent): 2." in s.ui.summary.text()
    s2, *_ = run(qtbot, "2622900000001")
    assert "Not claim numbers" not in s2.ui.summary.text()
