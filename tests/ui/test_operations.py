"""The operation layer: triage of outcomes, one answer per kind, nothing after cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject

from desktop.portal.errors import (
    ConnectionFailed,
    PolicyAcceptanceRequired,
    PortalError,
    SessionExpired,
    Unauthenticated,
)
from desktop.tasks import SyncTaskRunner, TaskHandle
from desktop.ui.operations import Operations, is_interrupted


class Later:
    """A runner that keeps jobs until the test delivers them (like the thread pool)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Any, Any, TaskHandle]] = []

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Any = None,
            on_error: Any = None, owner: QObject | None = None) -> TaskHandle:
        handle = TaskHandle()
        self.jobs.append((lambda: fn(*args), on_done, on_error, handle))
        return handle

    def deliver(self, index: int = 0) -> None:
        fn, on_done, on_error, handle = self.jobs.pop(index)
        if handle.cancelled:
            return
        try:
            value = fn()
        except BaseException as exc:  # noqa: BLE001
            on_error(exc)
        else:
            on_done(value)


class Portal:
    """The one Protocol a test fakes: here only the call it needs."""

    def __init__(self) -> None:
        self.raise_: BaseException | None = None

    def get_claim(self, claim_id: str) -> str:
        if self.raise_ is not None:
            raise self.raise_
        return f"claim {claim_id}"


class Guard:
    def __init__(self) -> None:
        self.calls = 0

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return fn(*args, **kwargs)


class Seen:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def __getattr__(self, name: str) -> Callable[[object], None]:
        return lambda value: self.events.append((name, value))


def make(runner: Any = None, **kw: Any) -> tuple[Operations, Portal, Guard, list[object]]:
    portal, guard, boxes = Portal(), Guard(), []
    ops = Operations(portal, runner or SyncTaskRunner(), guard=guard,  # the fake portal
                     show_failure=lambda _owner, exc: boxes.append(exc), **kw)
    return ops, portal, guard, boxes


@pytest.mark.parametrize("exc", [PolicyAcceptanceRequired(), SessionExpired(), Unauthenticated()])
def test_these_and_only_these_are_interruptions(exc):
    assert is_interrupted(exc)
    assert not is_interrupted(ConnectionFailed())
    assert not is_interrupted(ValueError())


def test_success_goes_through_the_guard(qtbot):
    ops, _portal, guard, _boxes = make()
    seen = Seen()
    ops.scope(QObject()).portal("k", lambda api: api.get_claim("c1"), on_success=seen.ok)
    assert seen.events == [("ok", "claim c1")] and guard.calls == 1


@pytest.mark.parametrize("exc, expected", [
    (SessionExpired(), "interrupted"), (Unauthenticated(), "interrupted"),
    (PolicyAcceptanceRequired(), "interrupted"), (ConnectionFailed(), "failed"),
])
def test_each_portal_outcome_reaches_one_handler(qtbot, exc, expected):
    ops, portal, _guard, boxes = make()
    portal.raise_ = exc
    seen = Seen()
    ops.scope(QObject()).portal("k", lambda api: api.get_claim("c1"), on_success=seen.ok,
                                on_failure=seen.failed, on_interrupted=seen.interrupted)
    assert seen.events == [(expected, exc)] and boxes == []


def test_an_unhandled_failure_is_shown_an_unhandled_interruption_is_left_to_the_shell(qtbot):
    ops, portal, _guard, boxes = make()
    scope = ops.scope(QObject())
    portal.raise_ = ConnectionFailed()
    scope.portal("a", lambda api: api.get_claim("c1"), on_success=print)
    portal.raise_ = SessionExpired()
    scope.portal("b", lambda api: api.get_claim("c1"), on_success=print)
    assert len(boxes) == 1 and isinstance(boxes[0], ConnectionFailed)


def test_a_public_call_treats_401_as_an_answer_and_skips_the_guard(qtbot):
    ops, portal, guard, _boxes = make()
    portal.raise_ = Unauthenticated()
    seen = Seen()
    ops.scope(QObject()).public("k", lambda api: api.get_claim("x"),
                                on_success=seen.ok, on_failure=seen.failed)
    assert seen.events == [("failed", portal.raise_)] and guard.calls == 0


def test_a_bug_goes_to_the_crash_handler_not_to_the_screen(qtbot):
    reported: list[BaseException] = []
    ops, portal, _guard, boxes = make(report_unhandled=reported.append)
    portal.raise_ = KeyError("member 123")
    seen = Seen()
    ops.scope(QObject()).portal("k", lambda api: api.get_claim("c1"), on_success=seen.ok,
                                on_failure=seen.failed, on_interrupted=seen.interrupted)
    assert seen.events == [] and boxes == [] and isinstance(reported[0], KeyError)


def test_background_hands_expected_errors_to_its_handler(qtbot):
    ops, _portal, _guard, _boxes = make()
    seen = Seen()

    def write() -> None:
        raise PermissionError(13, "Permission denied")
    ops.scope(QObject()).background("w", write, on_success=seen.ok, on_failure=seen.failed)
    assert seen.events[0][0] == "failed" and isinstance(seen.events[0][1], PermissionError)


def test_a_newer_operation_of_the_same_kind_drops_the_older_answer(qtbot):
    runner = Later()
    ops, _portal, _guard, _boxes = make(runner)
    scope, seen = ops.scope(QObject()), Seen()
    scope.portal("detail", lambda api: api.get_claim("old"), on_success=seen.ok)
    scope.portal("detail", lambda api: api.get_claim("new"), on_success=seen.ok)
    scope.portal("other", lambda api: api.get_claim("x"), on_success=seen.other)
    assert scope.running("detail")
    runner.deliver(1)
    runner.deliver(0)  # the old one arrives late: dropped
    runner.deliver(0)
    assert seen.events == [("ok", "claim new"), ("other", "claim x")]
    assert not scope.running("detail")


def test_cancel_all_delivers_nothing(qtbot):
    runner = Later()
    ops, _portal, _guard, _boxes = make(runner)
    owner = QObject()
    scope, seen = ops.scope(owner), Seen()
    scope.portal("a", lambda api: api.get_claim("1"), on_success=seen.ok)
    scope.cancel_all()
    assert not scope.running("a")
    runner.deliver()
    assert seen.events == []


def test_a_synchronous_answer_is_not_left_running(qtbot):
    ops, _portal, _guard, _boxes = make()
    scope = ops.scope(QObject())
    scope.portal("k", lambda api: api.get_claim("1"), on_success=lambda _v: None)
    assert not scope.running("k")


def test_failure_handler_may_start_the_same_kind_again(qtbot):
    runner = Later()
    ops, portal, _guard, _boxes = make(runner)
    scope, seen = ops.scope(QObject()), Seen()
    portal.raise_ = ConnectionFailed()

    def again(_exc: PortalError) -> None:
        portal.raise_ = None
        scope.portal("k", lambda api: api.get_claim("2"), on_success=seen.ok)
    scope.portal("k", lambda api: api.get_claim("1"), on_success=seen.ok, on_failure=again)
    runner.deliver()
    assert scope.running("k")
    runner.deliver()
    assert seen.events == [("ok", "claim 2")]
