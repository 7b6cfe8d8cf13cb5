"""The shared deadline thread: fires on time, in order, never a cancelled deadline."""

from __future__ import annotations

import threading

from desktop.portal.watchdog import WATCHDOG, Watchdog

WAIT_S = 10.0


def test_fires_in_deadline_order_and_skips_cancelled() -> None:
    dog = Watchdog(name="test-deadlines")
    fired: list[str] = []
    last = threading.Event()
    dog.schedule(0.06, lambda: fired.append("second"))
    dog.schedule(0.03, lambda: fired.append("first"))
    dog.schedule(0.04, lambda: fired.append("never")).cancel()
    dog.schedule(0.09, last.set)
    assert last.wait(WAIT_S)
    assert fired == ["first", "second"]
    assert dog.pending() == 0


def test_an_earlier_deadline_is_not_held_up_by_a_later_one() -> None:
    dog = Watchdog(name="test-deadlines")
    soon = threading.Event()
    late = dog.schedule(600.0, lambda: None)  # the thread now sleeps for ten minutes
    dog.schedule(0.02, soon.set)
    assert soon.wait(WAIT_S)
    late.cancel()


def test_a_deadline_already_past_fires_at_once() -> None:
    dog = Watchdog(name="test-deadlines")
    done = threading.Event()
    dog.schedule(-1.0, done.set)
    assert done.wait(WAIT_S)


def test_a_failing_callback_does_not_stop_the_others() -> None:
    dog = Watchdog(name="test-deadlines")
    after = threading.Event()

    def boom() -> None:
        raise RuntimeError("bug")

    dog.schedule(0.01, boom)
    dog.schedule(0.02, after.set)
    assert after.wait(WAIT_S)


def test_many_requests_share_one_thread() -> None:
    entries = [WATCHDOG.schedule(60.0, lambda: None) for _ in range(50)]
    try:
        names = [t.name for t in threading.enumerate()]
        assert names.count("portal-deadlines") == 1
    finally:
        for entry in entries:
            entry.cancel()
