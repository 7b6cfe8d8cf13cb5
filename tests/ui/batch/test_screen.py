"""The batch status screen with a fake portal: input rules, chunks, failures, export."""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.batchrun import RowState
from desktop.portal.errors import ServerError, SessionExpired
from desktop.ui.batch.model import COL_DEADLINE, COL_NEXT, COL_RESULT, COL_STATUS
from desktop.ui.batch.screen import BatchScreen
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from tests.ui.claims.support import FakeSession, detail, line
from tests.ui.claims.test_model import ManualRunner
from tests.ui.worklist.support import FakeWorkClient, work_context

DENIED = detail("2622900000001", category="F2", claim_id="c1", paid="0.00",
                lines=[line(adjustments=(("CO", "50", "100.00"),), paid="0.00")])
PAID = detail("2622900000002", claim_id="c2")


def make(qtbot, claims=None, *, allow_export=True, ctx_client=None):
    if ctx_client is None:
        ctx, client = work_context(claims if claims is not None else [DENIED, PAID],
                                   allow_export=allow_export)
    else:
        ctx, client = ctx_client
    opened: list[tuple[str, str]] = []
    chosen = {"save": "", "open": ""}
    ctx = ScreenContext(ops=ctx.ops, allow_export=ctx.allow_export,
                        open_claim=lambda i, n: opened.append((i, n)))
    screen = BatchScreen(ctx, choose_file=lambda _p: chosen["open"],
                         choose_path=lambda *_a: chosen["save"])
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    screen.activate()
    return screen, client, opened, chosen


def batches(client):
    return [args for name, args in client.calls if name == "status_batch"]


def test_paste_with_every_separator_marks_bad_entries_and_finds_claims(qtbot, qtmodeltester):
    s, client, _, _ = make(qtbot)
    s.ui.input.setPlainText("2622900000001, 2622900000002\t2622900000001\n\nSmith\n99999999")
    qtbot.mouseClick(s.ui.run_button, Qt.MouseButton.LeftButton)
    assert batches(client) == [("2622900000001", "2622900000002", "99999999")]
    m = s.model
    assert m.rowCount() == 4
    assert [m.index(r, COL_RESULT).data() for r in range(4)] == [
        "Found", "Found", "Not found", "Not a claim number"]
    assert m.index(3, 0).data() == "Smith"
    assert "F2" in m.index(0, COL_STATUS).data()
    assert m.index(0, COL_NEXT).data() == "Appeal or ask for reconsideration"
    assert m.index(0, COL_DEADLINE).data().split(":")[0] in ("Deadline passed", "Urgent",
                                                             "Soon", "On track")
    assert m.index(1, COL_NEXT).data() == "Nothing to do"
    text = s.ui.summary.text()
    assert text.startswith("Done: 2 found, 1 not found")
    qtmodeltester.check(m, force_py=True)


def test_empty_list_says_so_and_sends_nothing(qtbot):
    s, client, _, _ = make(qtbot)
    s.ui.input.setPlainText("  \n , \t")
    s.start_pasted()
    assert batches(client) == []
    assert "no claim numbers" in s.ui.summary.text()


def test_a_long_list_goes_in_chunks_of_500(qtbot):
    s, client, _, _ = make(qtbot)
    s.ui.input.setPlainText("\n".join(str(10**12 + n) for n in range(1201)))
    s.start_pasted()
    assert [len(b) for b in batches(client)] == [500, 500, 201]
    assert s.ui.progress.value() == 1201 and s.ui.progress.maximum() == 1201
    assert not s.ui.retry_button.isVisible()


def test_failure_mid_batch_keeps_what_arrived_and_retry_checks_the_rest(qtbot):
    s, client, _, _ = make(qtbot)
    numbers = ["2622900000001", *(str(10**12 + n) for n in range(999))]

    calls = {"n": 0}
    original = client.status_batch

    def flaky(chunk):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ServerError()
        return original(chunk)

    client.status_batch = flaky  # type: ignore[method-assign]
    s.ui.input.setPlainText("\n".join(numbers))
    s.start_pasted()
    run = s.run
    assert run is not None
    assert run.states[0] is RowState.FOUND and run.done == 500 and run.unchecked == 500
    assert s.model.index(600, COL_RESULT).data() == "Not checked"
    assert "500 checked; 500 not checked" in s.ui.summary.text()
    assert s.ui.retry_button.isVisible()
    qtbot.mouseClick(s.ui.retry_button, Qt.MouseButton.LeftButton)
    assert run.done == 1000 and run.unchecked == 0
    assert not s.ui.retry_button.isVisible()
    assert s.model.index(0, COL_RESULT).data() == "Found"


def test_cancel_stops_after_what_arrived(qtbot):
    runner = ManualRunner()
    client = FakeWorkClient([DENIED, PAID])
    ops = Operations(client, runner, guard=FakeSession())
    s, _, _, _ = make(qtbot, ctx_client=(ScreenContext(ops=ops), client))
    runner.deliver()  # the code tables and playbook
    s.ui.input.setPlainText("\n".join(str(10**12 + n) for n in range(1100)))
    s.start_pasted()
    runner.deliver()  # the paste is split off the GUI thread
    runner.deliver()  # the first chunk
    assert s.run is not None and s.run.done == 500
    assert s.ui.cancel_button.isVisible()
    qtbot.mouseClick(s.ui.cancel_button, Qt.MouseButton.LeftButton)
    runner.deliver()  # the second chunk's answer comes too late: dropped
    assert s.run.done == 500 and s.run.unchecked == 600
    assert s.ui.summary.text().startswith("Cancelled.")
    assert s.ui.retry_button.isVisible() and not s.ui.cancel_button.isVisible()


def test_an_expired_session_pauses_and_resume_goes_on(qtbot):
    s, client, _, _ = make(qtbot)
    calls = {"n": 0}
    original = client.status_batch

    def expiring(chunk):
        calls["n"] += 1
        if calls["n"] == 1:
            raise SessionExpired()
        return original(chunk)

    client.status_batch = expiring  # type: ignore[method-assign]
    s.ui.input.setPlainText("2622900000001")
    s.start_pasted()
    assert s.run is not None and s.run.done == 0
    assert s.ui.summary.text().startswith("Paused")
    s.resume()
    assert s.run.done == 1


def test_enter_on_a_found_row_opens_the_claim(qtbot):
    s, _, opened, _ = make(qtbot)
    s.ui.input.setPlainText("99999999\n2622900000002")
    s.start_pasted()
    s.open_row(0)
    assert opened == []  # not found: nothing to open
    s.ui.table.setFocus()
    s.ui.table.setCurrentIndex(s.model.index(1, 0))
    qtbot.keyClick(s.ui.table, Qt.Key.Key_Return)
    assert opened == [("c2", "2622900000002")]


def test_open_a_csv_file_with_a_header_in_utf16(qtbot, tmp_path: Path):
    s, client, _, chosen = make(qtbot)
    path = tmp_path / "aging.csv"
    path.write_bytes("Claim number,Patient\r\n2622900000001,Doe\r\n".encode("utf-16"))
    chosen["open"] = str(path)
    qtbot.mouseClick(s.ui.open_button, Qt.MouseButton.LeftButton)
    assert batches(client) == [("2622900000001",)]
    assert s.ui.summary.text().startswith("Done: 1 found")
    assert s.ui.input.toPlainText() == "2622900000001"
    assert path.read_bytes().startswith(b"\xff\xfe")  # the clerk's file is untouched


def test_a_file_that_cannot_be_read_says_so(qtbot, tmp_path: Path):
    s, client, _, chosen = make(qtbot)
    chosen["open"] = str(tmp_path / "missing.csv")
    s.open_file()
    assert s.ui.summary.text() == "The file could not be read."
    assert batches(client) == []


def test_export_writes_an_owner_only_csv(qtbot, tmp_path: Path):
    s, _, _, chosen = make(qtbot)
    s.ui.input.setPlainText("2622900000001\n99999999\n=cmd")
    s.start_pasted()
    chosen["save"] = str(tmp_path / "out.csv")
    qtbot.mouseClick(s.ui.export_button, Qt.MouseButton.LeftButton)
    with open(chosen["save"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Claim number"
    assert rows[1][:2] == ["2622900000001", "Found"] and rows[1][8]
    assert rows[2][:2] == ["99999999", "Not found"]
    assert rows[3][:2] == ["'=cmd", "Not a claim number"]
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(chosen["save"]).st_mode) == 0o600
    assert "patient information" in s.ui.summary.text()


def test_export_hidden_where_it_does_not_allow(qtbot):
    s, _, _, _ = make(qtbot, allow_export=False)
    assert not s.ui.export_button.isVisible()


def test_sign_out_drops_the_list_and_the_results(qtbot):
    s, _, _, _ = make(qtbot)
    s.ui.input.setPlainText("2622900000001")
    s.start_pasted()
    s.clear()
    assert s.ui.input.toPlainText() == "" and s.model.rowCount() == 0 and s.run is None
