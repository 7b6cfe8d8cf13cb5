"""The retry policy (`PortalRetry`, urllib3's `Retry` held to the portal's rules).

tests/unit/portal/test_transport_faults.py drives the same rules through real
answers; here each rule urllib3 would break on its own has a test that fails
without the subclass: the wait schedule, the Retry-After cap, the deadline, no
second connect for a write, a read timeout and a too-large answer being final.
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from types import SimpleNamespace

import pytest

from desktop.portal.errors import (
    ConnectionFailed,
    DeadlineExceeded,
    PayloadTooLarge,
    RateLimited,
    ServerError,
    UnexpectedResponse,
)
from desktop.portal.retry import PortalRetry, parse_retry_after
from desktop.portal.tls import Watch, set_current_watch
from desktop.portal.transport import Transport, TransportConfig
from tests.unit.portal.faultserver import (
    Conn,
    Pki,
    Request,
    error_response,
    raw_response,
    reply,
    serving,
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def transport(pki: Pki, url: str, sleeps: list[float], **config: object) -> Transport:
    return Transport(url, TransportConfig(ca_bundle=pki.ca_file, **config),
                     sleep=sleeps.append)


def test_the_policy_urllib3_is_given() -> None:
    retry = PortalRetry.for_tries(3, (0.5, 1.5), 30.0, 1000)
    assert (retry.total, retry.connect, retry.read, retry.status, retry.other) == (2, 2, 2, 2, 0)
    assert retry.allowed_methods == frozenset({"GET"})
    assert set(retry.status_forcelist) == {429, 502, 503, 504}
    assert retry.respect_retry_after_header and not retry.raise_on_status
    assert 413 not in retry.RETRY_AFTER_STATUS_CODES
    assert PortalRetry.for_tries(1, (), 30.0).total == 0


def test_connect_failures_follow_the_backoff_schedule_for_a_get(pki: Pki) -> None:
    sleeps: list[float] = []
    with pytest.raises(ConnectionFailed):
        transport(pki, f"https://127.0.0.1:{closed_port()}/api", sleeps).request("GET", "/x")
    assert sleeps == [0.5, 1.5]  # urllib3's own schedule would be [0, 1.0]


def test_a_write_is_not_connected_twice(pki: Pki) -> None:
    sleeps: list[float] = []
    with pytest.raises(ConnectionFailed):
        transport(pki, f"https://127.0.0.1:{closed_port()}/api", sleeps).request("POST", "/x")
    assert sleeps == []  # urllib3 alone retries connect errors whatever the method


def test_retry_after_is_waited_exactly(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = error_response(503, "server_error", headers={"Retry-After": "7"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(ServerError):
            transport(pki, server.url, sleeps).request("GET", "/x")
        assert len(server.requests) == 3
    assert sleeps == [7.0, 7.0]


def test_retry_after_on_a_502_and_a_date(pki: Pki) -> None:
    sleeps: list[float] = []
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    answer = raw_response(502, b"", {"Retry-After": when})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(ServerError):
            transport(pki, server.url, sleeps).request("GET", "/x")
    assert len(sleeps) == 2 and all(15 < s <= 20 for s in sleeps)


def test_a_malformed_retry_after_falls_back_to_backoff(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = error_response(429, "rate_limited", headers={"Retry-After": "soon, maybe"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(RateLimited):
            transport(pki, server.url, sleeps).request("GET", "/x")
        assert len(server.requests) == 3
    assert sleeps == [0.5, 1.5]  # urllib3's own parser would raise InvalidHeader instead


def test_a_retry_after_over_the_cap_is_not_waited(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = error_response(503, "server_error", headers={"Retry-After": "31"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(RateLimited) as info:
            transport(pki, server.url, sleeps, max_retry_after_s=30.0).request("GET", "/x")
        assert len(server.requests) == 1
    assert sleeps == [] and info.value.retry_after_s == 31


def test_no_wait_reaches_past_the_deadline(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = error_response(503, "server_error", headers={"Retry-After": "5"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(ServerError):
            transport(pki, server.url, sleeps, deadline_s=4.0).request("GET", "/x")
        assert len(server.requests) == 1
    assert sleeps == []


def test_413_is_not_retried_even_with_retry_after(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = error_response(413, "payload_too_large", headers={"Retry-After": "1"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(PayloadTooLarge):
            transport(pki, server.url, sleeps).request("GET", "/x")
        assert len(server.requests) == 1


def test_a_retryable_answer_over_the_cap_is_final(pki: Pki) -> None:
    sleeps: list[float] = []
    answer = raw_response(503, b"x" * 2000, {"Content-Type": "text/html"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse) as info:
            transport(pki, server.url, sleeps, max_body_bytes=1000).request("GET", "/x")
        assert len(server.requests) == 1  # not downloaded and thrown away twice first
    assert info.value.detail == "answer larger than the cap"


def test_a_read_timeout_of_a_get_is_final(pki: Pki) -> None:
    release = threading.Event()

    def silent(req: Request, conn: Conn) -> None:
        release.wait(5)

    with serving(silent, pki.leaf) as server:
        try:
            with pytest.raises(DeadlineExceeded):
                transport(pki, server.url, [], read_timeout_s=0.3).request("GET", "/x")
            assert len(server.requests) == 1  # urllib3 alone would count it a read error
        finally:
            release.set()


def test_a_body_broken_mid_way_is_reported_not_fetched_again(pki: Pki) -> None:
    """urllib3's Retry ends when it hands the answer over; the body comes after."""

    def broken(req: Request, conn: Conn) -> None:
        conn.send(raw_response(200, b"", {"Content-Type": "application/json",
                                          "Content-Length": "500"}))
        conn.send(b'{"organization": ')
        time.sleep(0.05)
        conn.reset()

    with serving(broken, pki.leaf) as server:
        with pytest.raises(ConnectionFailed) as info:
            transport(pki, server.url, []).request("GET", "/x")
        assert len(server.requests) == 1
    assert info.value.detail == "connection broken mid-answer"


@pytest.mark.parametrize(("value", "seconds"), [
    ("0", 0.0), (" 12 ", 12.0), ("99999999999999", 10.0**9),
    ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0), ("-30", None), ("soon", None), ("", None),
    (None, None),
])
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


def test_a_waiting_retry_lets_go_of_the_pooled_connection() -> None:
    """While a retry waits, its last connection is back in the pool and may serve another
    call: the waiting call's watchdog must not shut that socket down when it fires."""
    mine, peer = socket.socketpair()
    watch = Watch(0.05)
    set_current_watch(watch)
    try:
        watch.attach(SimpleNamespace(sock=mine))
        PortalRetry.for_tries(3, (), 30.0).sleep()
        deadline = time.monotonic() + 5
        while not watch.fired and time.monotonic() < deadline:
            time.sleep(0.01)
        assert watch.fired
        peer.settimeout(0.2)
        with pytest.raises(TimeoutError):
            peer.recv(1)  # b"" here would mean the socket was shut down
    finally:
        set_current_watch(None)
        watch.cancel()
        mine.close()
        peer.close()
