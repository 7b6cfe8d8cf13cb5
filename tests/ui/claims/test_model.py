"""The results model: Qt's model rules, paging through the runner, filter, safe cell text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.portal.errors import ServerError
from desktop.tasks import SyncTaskRunner, TaskHandle
from desktop.ui.claims.model import (
    CLAIM_ID_ROLE,
    COL_BILLED,
    COL_NUMBER,
    COL_PATIENT,
    COL_SERVICE,
    COL_STATUS,
    COLUMNS,
    ClaimsTableModel,
    RowPage,
    summary_row,
)
from desktop.ui.common.formats import Formats
from desktop.ui.operations import Operations
from tests.ui.claims.support import FakeClient, detail, many

US = Formats(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def ops(runner: Any) -> Operations:
    """The model's operations over a fake portal (its loaders ignore it)."""
    return Operations(FakeClient([]), runner)


class ManualRunner:
    """Keeps each job until the test delivers it, like a slow network would."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[..., Any], tuple[Any, ...], Any, Any, TaskHandle]] = []

    def run(self, fn, *args, on_done=None, on_error=None, owner=None) -> TaskHandle:
        handle = TaskHandle()
        self.jobs.append((fn, args, on_done, on_error, handle))
        return handle

    def deliver(self) -> None:
        fn, args, on_done, on_error, handle = self.jobs.pop(0)
        handle.finished = True
        if handle.cancelled:
            return
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - handed to on_error, as the runner does
            on_error(exc)
        else:
            on_done(result)


def pages_of(rows: list, size: int) -> tuple[RowPage, Callable[[str], RowPage]]:
    """The first page and a loader for the rest, cursor = offset."""
    calls: list[str] = []

    def loader(_api: object, cursor: str) -> RowPage:
        calls.append(cursor)
        start = int(cursor)
        more = start + size < len(rows)
        return RowPage(rows[start:start + size], str(start + size) if more else None, len(rows))

    first = RowPage(rows[:size], str(size) if size < len(rows) else None, len(rows))
    loader.calls = calls  # type: ignore[attr-defined]
    return first, loader


ROWS = [summary_row(c) for c in many(250)]


def exercise(qtmodeltester, model: ClaimsTableModel, runner: ManualRunner,
             force_py: bool) -> None:
    """Check once, then page, filter and clear: the tester re-checks on every signal."""
    first, loader = pages_of(ROWS, 100)
    model.set_results(first, loader)
    qtmodeltester.check(model, force_py=force_py)
    if runner.jobs:  # the tester may have asked for more, as a view does
        runner.deliver()
    model.fetchMore()
    while runner.jobs:
        runner.deliver()
    assert model.rowCount() >= 200
    model.set_filter("pat1")
    assert 0 < model.rowCount() < 200
    model.fetchMore()  # paused while filtering
    assert not runner.jobs
    model.set_filter("")
    model.fetchMore()
    while runner.jobs:
        runner.deliver()
    assert model.rowCount() == 250
    model.clear()
    assert model.rowCount() == 0


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_modeltester_while_paging_filtering_and_clearing(qtmodeltester, force_py):
    # Pages come back later, as from the real runner: never inside the tester's checks.
    runner = ManualRunner()
    exercise(qtmodeltester, ClaimsTableModel(ops(runner), US), runner, force_py)


def test_modeltester_on_an_empty_model(qtmodeltester):
    qtmodeltester.check(ClaimsTableModel(ops(SyncTaskRunner()), US), force_py=True)


def test_pages_arrive_in_order_without_gaps_or_duplicates(qtbot):
    runner = ManualRunner()
    model = ClaimsTableModel(ops(runner), US)
    first, loader = pages_of(ROWS, 100)
    model.set_results(first, loader)
    assert (model.total, model.loaded, model.has_more) == (250, 100, True)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.loading and not model.canFetchMore()  # one request at a time
    model.fetchMore()
    assert len(runner.jobs) == 1
    with qtbot.waitSignal(model.rowsInserted):
        runner.deliver()
    model.fetchMore()
    runner.deliver()
    assert not model.canFetchMore() and not model.has_more
    ids = [model.index(r, 0).data(CLAIM_ID_ROLE) for r in range(model.rowCount())]
    assert ids == [r[0] for r in ROWS]
    assert loader.calls == ["100", "200"]


def test_a_late_page_of_an_older_search_is_dropped():
    runner = ManualRunner()
    model = ClaimsTableModel(ops(runner), US)
    first, loader = pages_of(ROWS, 100)
    model.set_results(first, loader)
    model.fetchMore()
    model.set_results(RowPage(ROWS[:3], None, 3), None)
    runner.deliver()
    assert model.rowCount() == 3 and not model.loading


def test_error_keeps_rows_and_retry_goes_on():
    runner = ManualRunner()
    model = ClaimsTableModel(ops(runner), US)
    first, loader = pages_of(ROWS, 100)
    failing = {"once": True}

    def flaky(_api: object, cursor: str) -> RowPage:
        if failing.pop("once", False):
            raise ServerError()
        return loader(_api, cursor)

    model.set_results(first, flaky)
    errors: list[BaseException] = []
    model.loadFailed.connect(errors.append)
    model.fetchMore()
    runner.deliver()
    assert isinstance(errors[0], ServerError)
    assert model.rowCount() == 100 and not model.canFetchMore()
    model.retry()
    runner.deliver()
    assert model.rowCount() == 200 and model.error is None


def test_filter_narrows_loaded_rows_and_pauses_paging():
    runner = SyncTaskRunner()
    model = ClaimsTableModel(ops(runner), US)
    first, loader = pages_of(ROWS, 100)
    model.set_results(first, loader)
    model.set_filter("  PAT1 ")
    shown = [model.index(r, COL_PATIENT).data() for r in range(model.rowCount())]
    assert shown and all("Pat1" in s for s in shown)
    assert model.filtering and not model.canFetchMore()
    model.set_filter("pat1 26000000000011")  # every word must match
    assert model.rowCount() == 1
    model.set_filter("")
    assert model.rowCount() == 100 and model.canFetchMore()


def test_new_pages_under_a_filter_add_only_matches(qtbot):
    runner = ManualRunner()
    model = ClaimsTableModel(ops(runner), US)
    first, loader = pages_of(ROWS, 100)
    model.set_results(first, loader)
    model.fetchMore()
    model.set_filter("pat1")
    assert model.rowCount() == 11  # Pat1, Pat10-Pat19
    with qtbot.waitSignal(model.rowsInserted):
        runner.deliver()
    assert model.rowCount() == 111  # and Pat100-Pat199 from the page that just came
    assert all("Pat1" in model.index(r, COL_PATIENT).data() for r in range(model.rowCount()))


def test_an_empty_page_with_a_cursor_ends_paging():
    model = ClaimsTableModel(ops(SyncTaskRunner()), US)
    model.set_results(RowPage(ROWS[:5], "next", 99), lambda _api, _c: RowPage([], "again", 99))
    model.fetchMore()
    assert not model.canFetchMore()


def test_cells_text_alignment_and_status_colour():
    model = ClaimsTableModel(ops(SyncTaskRunner()), US)
    model.set_results(RowPage([summary_row(detail(category="F2", billed="1234.50"))], None, 1),
                      None)
    idx = model.index(0, COL_BILLED)
    assert idx.data() == "1,234.50"
    assert int(idx.data(Qt.ItemDataRole.TextAlignmentRole)) & Qt.AlignmentFlag.AlignRight.value
    status = model.index(0, COL_STATUS)
    assert status.data() == "Denied (F2)"  # the words, not colour alone; short enough
    # The portal's full label is one hover away (and in the detail).
    assert "F2 Finalized: denied" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(status.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert model.index(0, COL_SERVICE).data() == "3/2/2026"
    assert model.index(0, COL_NUMBER).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Claim number: 26061000000001")
    assert model.headerData(COL_BILLED, Qt.Orientation.Horizontal) == "Billed ($)"
    assert model.columnCount() == len(COLUMNS)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


@pytest.mark.parametrize(("first", "last", "shown"), [
    ("<b>Bold</b>", "<img src=x>", "<img src=x>, <b>Bold</b>"),
    ("Ann\u202eevil", "Doe\u200b\u2066", "Doe, Annevil"),
])
def test_hostile_names_are_plain_text(first, last, shown):
    model = ClaimsTableModel(ops(SyncTaskRunner()), US)
    model.set_results(RowPage([summary_row(detail(first=first, last=last))], None, 1), None)
    idx = model.index(0, COL_PATIENT)
    assert idx.data() == shown
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip  # escaped: shown literally, never rendered


def test_very_long_names_are_elided():
    model = ClaimsTableModel(ops(SyncTaskRunner()), US)
    model.set_results(RowPage([summary_row(detail(first="F" * 10_000, last="L" * 10_000))],
                              None, 1), None)
    text = model.index(0, COL_PATIENT).data()
    assert len(text) <= 60 and text.endswith("…") and text.startswith("LLLL")


def test_a_dropped_long_result_is_freed_a_slice_per_turn(qtbot):
    """Freeing 100,000 rows at once stalled the window; they go a slice per loop turn."""
    from desktop.ui.claims.model import RELEASE_SLICE, release_in_slices

    rows = [("row", i) for i in range(RELEASE_SLICE * 3 + 7)]
    release_in_slices(rows)
    assert len(rows) == RELEASE_SLICE * 2 + 7  # one slice now, the rest later
    qtbot.waitUntil(lambda: not rows, timeout=5000)
    small = [("row", 1)] * 10
    release_in_slices(small)  # a short result is simply dropped with its list
    assert len(small) == 10


def test_a_new_search_drops_the_old_rows_from_the_model_at_once(qtbot):
    from desktop.ui.claims.model import RELEASE_SLICE

    model = ClaimsTableModel(ops(SyncTaskRunner()), US)
    long = ROWS * (RELEASE_SLICE // len(ROWS) + 1)
    model.set_results(RowPage(long, None, len(long)), None)
    model.set_results(RowPage(ROWS[:3], None, 3), None)
    assert model.loaded == 3 and model.rowCount() == 3
    assert model.row_at(2) == ROWS[2]
    model.clear()
    assert model.loaded == 0 and model.rowCount() == 0
