"""The task runner delivers on the GUI thread, drops cancelled results, and shows busy late."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget

from desktop.tasks import SyncTaskRunner, TaskRunner


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_gui_thread_and_work_runs_elsewhere(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value: object) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is _gui_thread()

    runner.run(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"worker": False, "value": 42, "on_gui": True}


def test_error_goes_to_error_callback(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("no")

    runner.run(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_unhandled_error_reaches_reporter(qtbot):
    reported: list[BaseException] = []
    runner = TaskRunner(report_unhandled=reported.append)

    def boom() -> None:
        raise RuntimeError("x")

    runner.run(boom)
    qtbot.waitUntil(lambda: bool(reported))
    assert isinstance(reported[0], RuntimeError)


def test_cancelled_task_delivers_nothing(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    results: list[object] = []
    handle = runner.run(lambda: gate.wait(5), on_done=results.append)
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: runner.active == 0)
    assert results == []
    assert handle.finished


def test_destroyed_owner_drops_result(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    results: list[object] = []
    owner = QWidget()
    runner.run(lambda: gate.wait(5), on_done=results.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: _is_deleted(owner))
    gate.set()
    qtbot.waitUntil(lambda: runner.active == 0)
    assert results == []


def _is_deleted(obj: QObject) -> bool:
    from shiboken6 import isValid

    return not isValid(obj)


def test_busy_only_after_delay(qtbot):
    runner = TaskRunner()
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    # A fast task finishes before the delay: no busy flicker.
    done: list[object] = []
    runner.run(lambda: 1, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert states == []
    # A slow task shows busy, then clears it.
    gate = threading.Event()
    runner.run(lambda: gate.wait(5), on_done=done.append)
    with qtbot.waitSignal(runner.busy_changed, timeout=3000) as blocker:
        pass
    assert blocker.args == [True]
    with qtbot.waitSignal(runner.busy_changed, timeout=3000) as blocker:
        gate.set()
    assert blocker.args == [False]


def test_sync_runner_calls_back_at_once():
    runner = SyncTaskRunner()
    out: list[object] = []
    runner.run(lambda x: x * 2, 21, on_done=out.append)
    errs: list[BaseException] = []
    runner.run(lambda: 1 / 0, on_error=errs.append)
    assert out == [42]
    assert isinstance(errs[0], ZeroDivisionError)
    with pytest.raises(ZeroDivisionError):
        runner.run(lambda: 1 / 0)


def test_default_report_logs_type_not_message(qtbot, caplog):
    import logging

    runner = TaskRunner()

    def boom() -> None:
        raise KeyError("Testington-PATIENT")

    with caplog.at_level(logging.ERROR, logger="desktop.tasks"):
        runner.run(boom)
        qtbot.waitUntil(lambda: "background task failed" in caplog.text)
    assert "KeyError" in caplog.text
    assert "Testington" not in caplog.text
