"""Transport faults against a scripted loopback TLS server: every one is a typed error."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable

import pytest

from desktop.portal import (
    ConnectionFailed,
    DeadlineExceeded,
    InsecureUrl,
    NotFound,
    PortalClient,
    PortalError,
    RateLimited,
    ServerError,
    UnexpectedResponse,
)
from desktop.portal.claims import ClaimSearch
from tests.unit.portal.faultserver import (
    Conn,
    Pki,
    Request,
    error_response,
    json_response,
    raw_response,
    reply,
    serving,
)
from tests.unit.portal.samples import CLAIM_PAGE

SUPPORT = {"organization": "Fictional Payer", "email": "help@example.test",
           "phone": "555-0100", "hours": "Mon-Fri", "website": "https://example.test"}

MakeClient = Callable[..., PortalClient]


def _sequence(*answers: bytes) -> Callable[[Request, Conn], None]:
    """Answer the n-th request with the n-th answer (the last one repeats)."""
    count = {"n": 0}

    def handler(req: Request, conn: Conn) -> None:
        i = min(count["n"], len(answers) - 1)
        count["n"] += 1
        conn.send(answers[i])
    return handler


# --- healthy answers and request hygiene -------------------------------------------


def test_request_headers_and_keep_alive(pki: Pki, make_client: MakeClient) -> None:
    with serving(reply(json_response(200, SUPPORT)), pki.leaf) as server:
        client = make_client(server, token="tok-abc")
        for _ in range(3):
            assert client.get_support().organization == "Fictional Payer"
        assert server.connections == 1  # one kept-alive connection for all three
        ids = set()
        for req in server.requests:
            assert req.headers["accept"] == "application/json"
            assert req.headers["user-agent"].startswith("ClaimsDesktop/")
            rid = req.headers["x-request-id"]
            assert len(rid) == 32 and int(rid, 16) >= 0
            ids.add(rid)
            # /support is public: the token is not sent where it is not needed.
            assert "authorization" not in req.headers
            assert "cookie" not in req.headers
        assert len(ids) == 3


def test_token_sent_as_bearer_on_authenticated_calls(pki: Pki, make_client: MakeClient) -> None:
    body = {"expires_at": "2026-11-27T22:49:30Z", "idle_timeout_s": 1800}
    with serving(reply(json_response(200, body)), pki.leaf) as server:
        client = make_client(server, token="tok-abc")
        client.get_current_session()
        assert server.requests[0].headers["authorization"] == "Bearer tok-abc"


def test_http_url_refused_at_construction() -> None:
    with pytest.raises(InsecureUrl) as info:
        PortalClient("http://127.0.0.1:9/api/v1")
    assert "https" in info.value.user_message
    with pytest.raises(PortalError):
        PortalClient("https://user:pw@127.0.0.1/api/v1")
    with pytest.raises(PortalError):
        PortalClient("ftp://127.0.0.1/api/v1")


# --- the server breaks the connection ----------------------------------------------


def test_connection_refused_is_connection_failed(make_client: MakeClient) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here now
    client = make_client(f"https://127.0.0.1:{port}/api/v1")
    with pytest.raises(ConnectionFailed) as info:
        client.get_support()
    assert info.value.request_id


def test_server_closes_before_answering(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        conn.close()
    with serving(handler, pki.leaf) as server:
        with pytest.raises(ConnectionFailed):
            make_client(server).get_support()
        assert len(server.requests) == 3  # GET: three tries


def test_reset_mid_body(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        body = json.dumps(SUPPORT).encode()
        conn.send(raw_response(200, b"", {"Content-Type": "application/json",
                                          "Content-Length": str(len(body) + 500)}))
        conn.send(body[:20])
        time.sleep(0.05)
        conn.reset()
    with serving(handler, pki.leaf) as server:
        with pytest.raises(ConnectionFailed):
            make_client(server).get_support()


def test_post_not_retried_after_reset(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        conn.reset()
    with serving(handler, pki.leaf) as server:
        with pytest.raises(ConnectionFailed):
            make_client(server).accept_policy("2026-11-01")
        assert [r.method for r in server.requests] == ["POST"]


def test_trickling_body_hits_the_deadline(pki: Pki, make_client: MakeClient) -> None:
    stop = threading.Event()

    def handler(req: Request, conn: Conn) -> None:
        conn.send(raw_response(200, b"", {"Content-Type": "application/json",
                                          "Content-Length": "100000"}))
        while not stop.is_set():
            conn.send(b" ")
            time.sleep(0.2)  # well inside the read timeout: only the deadline can stop it
    with serving(handler, pki.leaf) as server:
        client = make_client(server, read_timeout_s=5.0, deadline_s=1.5)
        started = time.monotonic()
        try:
            with pytest.raises(DeadlineExceeded):
                client.get_support()
        finally:
            stop.set()
        assert time.monotonic() - started < 3.0


def test_trickling_headers_hit_the_deadline(pki: Pki, make_client: MakeClient) -> None:
    stop = threading.Event()

    def handler(req: Request, conn: Conn) -> None:
        conn.send(b"HTTP/1.1 200 OK\r\n")
        while not stop.is_set():
            conn.send(b"X")
            time.sleep(0.2)
    with serving(handler, pki.leaf) as server:
        client = make_client(server, read_timeout_s=5.0, deadline_s=1.5)
        started = time.monotonic()
        try:
            with pytest.raises(DeadlineExceeded):
                client.get_support()
        finally:
            stop.set()
        assert time.monotonic() - started < 3.0


def test_silent_server_hits_read_timeout(pki: Pki, make_client: MakeClient) -> None:
    release = threading.Event()

    def handler(req: Request, conn: Conn) -> None:
        release.wait(5)
    with serving(handler, pki.leaf) as server:
        client = make_client(server, read_timeout_s=0.5, deadline_s=5.0)
        try:
            with pytest.raises(DeadlineExceeded):
                client.accept_policy("v1")
        finally:
            release.set()


# --- status codes ------------------------------------------------------------------


def test_5xx_is_server_error_and_hides_server_text(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(500, "server_error", "Traceback: secret stack")
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(ServerError) as info:
            make_client(server).get_support()
        assert "Traceback" not in info.value.user_message
        assert info.value.status == 500
        assert len(server.requests) == 1  # a plain 500 is not retried


def test_502_html_retried_then_server_error(pki: Pki, make_client: MakeClient) -> None:
    page = raw_response(502, b"<html><body>Bad gateway</body></html>",
                        {"Content-Type": "text/html"})
    with serving(reply(page), pki.leaf) as server:
        with pytest.raises(ServerError):
            make_client(server).get_support()
        assert len(server.requests) == 3


def test_503_then_success(pki: Pki, make_client: MakeClient) -> None:
    answers = _sequence(error_response(503, "server_error", headers={"Retry-After": "0"}),
                        json_response(200, SUPPORT))
    with serving(answers, pki.leaf) as server:
        assert make_client(server).get_support().phone == "555-0100"
        assert len(server.requests) == 2


def test_429_retry_after_honoured_for_get(pki: Pki, make_client: MakeClient) -> None:
    answers = _sequence(error_response(429, "rate_limited", headers={"Retry-After": "1"}),
                        json_response(200, SUPPORT))
    with serving(answers, pki.leaf) as server:
        started = time.monotonic()
        make_client(server).get_support()
        assert time.monotonic() - started >= 0.95  # waited as told, not the 10 ms backoff
        assert len(server.requests) == 2


def test_429_not_retried_for_post(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(429, "rate_limited", headers={"Retry-After": "1"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(RateLimited) as info:
            make_client(server).accept_policy("v1")
        assert info.value.retry_after_s == 1
        assert len(server.requests) == 1


def test_claim_search_is_a_read_retried_like_a_get(pki: Pki, make_client: MakeClient) -> None:
    """POST /claims/search carries patient criteria in its body, not the URL, but only
    reads: a 503 or a reset connection is tried again, as for a GET (issue 14)."""
    answers = _sequence(error_response(503, "server_error"), json_response(200, CLAIM_PAGE))
    with serving(answers, pki.leaf) as server:
        page = make_client(server, token="t").search_claims(ClaimSearch(member_id="ZZ1"))
        assert page.total == CLAIM_PAGE["total"]
        assert [(r.method, r.path) for r in server.requests] == \
            [("POST", "/api/v1/claims/search")] * 2

    def reset_once(req: Request, conn: Conn) -> None:
        if len(server.requests) == 1:
            conn.reset()
        else:
            conn.send(json_response(200, CLAIM_PAGE))
    with serving(reset_once, pki.leaf) as server:
        make_client(server, token="t").search_claims(ClaimSearch())
        assert len(server.requests) == 2


def test_absurd_retry_after_gives_up_at_once(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(429, "rate_limited", headers={"Retry-After": "3600"})
    with serving(reply(answer), pki.leaf) as server:
        started = time.monotonic()
        with pytest.raises(RateLimited) as info:
            make_client(server).get_support()
        assert time.monotonic() - started < 1
        assert info.value.retry_after_s == 3600
        assert len(server.requests) == 1


def test_503_with_absurd_retry_after_is_rate_limited(pki: Pki, make_client: MakeClient) -> None:
    answer = raw_response(503, b"", {"Retry-After": "900"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(RateLimited) as info:
            make_client(server).get_support()
        assert info.value.retry_after_s == 900


def test_429_retries_exhausted(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(429, "rate_limited", headers={"Retry-After": "0"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(RateLimited):
            make_client(server).get_support()
        assert len(server.requests) == 3


def test_retry_after_longer_than_deadline_not_waited(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(429, "rate_limited", headers={"Retry-After": "20"})
    with serving(reply(answer), pki.leaf) as server:
        started = time.monotonic()
        with pytest.raises(RateLimited):
            make_client(server, deadline_s=2.0).get_support()
        assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("location", ["http://127.0.0.1:1/api/v1/support",
                                      "https://127.0.0.1:1/api/v1/support"])
def test_redirect_is_not_followed(pki: Pki, make_client: MakeClient, status: int,
                                  location: str) -> None:
    answer = raw_response(status, b"", {"Location": location})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse) as info:
            make_client(server).get_support()
        assert info.value.status == status
        assert "127.0.0.1" not in info.value.user_message
        assert len(server.requests) == 1


def test_html_error_page(pki: Pki, make_client: MakeClient) -> None:
    page = raw_response(404, b"<html><h1>Not Found</h1></html>", {"Content-Type": "text/html"})
    with serving(reply(page), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server).get_support()


def test_html_page_with_200(pki: Pki, make_client: MakeClient) -> None:
    page = raw_response(200, b"<html>Sign in to the Wi-Fi</html>", {"Content-Type": "text/html"})
    with serving(reply(page), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server).get_support()


@pytest.mark.parametrize("ctype", ["text/plain", "application/octet-stream", "",
                                   "application/json; charset=latin-1", "text/json"])
def test_wrong_content_type(pki: Pki, make_client: MakeClient, ctype: str) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    page = raw_response(200, json.dumps(SUPPORT).encode(), headers)
    with serving(reply(page), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server).get_support()


def test_json_content_type_with_charset_accepted(pki: Pki, make_client: MakeClient) -> None:
    page = json_response(200, SUPPORT, content_type="application/json; charset=utf-8")
    with serving(reply(page), pki.leaf) as server:
        assert make_client(server).get_support().hours == "Mon-Fri"


@pytest.mark.parametrize("body", [
    b"{not json", b"", b"\xff\xfe{}", b'{"organization": NaN}', b"[" * 100_000,
    b'{"a": ' * 50 + b"1" + b"}" * 50, b"1" * 5000, b"1e999999", b'{"a":1,"a":2}', b"null",
])
def test_malformed_json(pki: Pki, make_client: MakeClient, body: bytes) -> None:
    with serving(reply(json_response(200, body)), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse) as info:
            make_client(server).get_support()
        assert info.value.request_id


def test_body_over_cap_by_content_length(pki: Pki, make_client: MakeClient) -> None:
    big = b'{"x": "' + b"a" * 2_000_000 + b'"}'
    with serving(reply(json_response(200, big)), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server, max_body_bytes=1_000_000).get_support()


def test_body_over_cap_without_content_length(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        conn.send(raw_response(200, b"", {"Content-Type": "application/json",
                                          "Connection": "close"}, content_length=False))
        chunk = b"a" * 65536
        try:
            for _ in range(400):  # 26 MB, far over the cap
                conn.send(chunk)
        except OSError:
            pass
        conn.close()
    with serving(handler, pki.leaf) as server:
        with pytest.raises(UnexpectedResponse) as info:
            make_client(server, max_body_bytes=1_000_000).get_support()
        assert "larger" in (info.value.detail or "")


def test_gzip_bomb_capped(pki: Pki, make_client: MakeClient) -> None:
    bomb = gzip.compress(b'{"x": "' + b"0" * 50_000_000 + b'"}')
    page = raw_response(200, bomb, {"Content-Type": "application/json",
                                    "Content-Encoding": "gzip"})
    with serving(reply(page), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server, max_body_bytes=1_000_000).get_support()


def test_missing_and_wrong_typed_fields(pki: Pki, make_client: MakeClient) -> None:
    bad = dict(SUPPORT)
    del bad["email"]
    with serving(reply(json_response(200, bad)), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse) as info:
            make_client(server).get_support()
        assert info.value.detail == "$.email: expected a value (missing)"
    wrong = {**SUPPORT, "phone": 5550100}
    with serving(reply(json_response(200, wrong)), pki.leaf) as server:
        with pytest.raises(UnexpectedResponse):
            make_client(server).get_support()


def test_typed_error_carries_server_request_id(pki: Pki, make_client: MakeClient) -> None:
    answer = error_response(404, "not_found", "No such claim.",
                            headers={"X-Request-ID": "srv-123"})
    with serving(reply(answer), pki.leaf) as server:
        with pytest.raises(NotFound) as info:
            make_client(server, token="t").get_claim("42")
        assert info.value.request_id == "srv-123"
        assert info.value.user_message == "No such claim."
        assert server.requests[0].path == "/api/v1/claims/42"


def test_path_ids_cannot_escape(pki: Pki, make_client: MakeClient) -> None:
    with serving(reply(error_response(404, "not_found")), pki.leaf) as server:
        with pytest.raises(NotFound):
            make_client(server, token="t").get_claim("../account")
        assert server.requests[0].path == "/api/v1/claims/..%2Faccount"


def test_policy_version_header_hook(pki: Pki, make_client: MakeClient) -> None:
    seen: list[str] = []
    answers = _sequence(json_response(200, SUPPORT, {"X-Policy-Version": "2026-11-01"}),
                        error_response(403, "policy_acceptance_required",
                                       headers={"X-Policy-Version": "2026-12-01"},
                                       current_version="2026-12-01"))
    with serving(answers, pki.leaf) as server:
        client = make_client(server)
        client.on_policy_version = seen.append
        client.get_support()
        with pytest.raises(PortalError):
            client.get_support()
        assert seen == ["2026-11-01", "2026-12-01"]
        assert client.last_policy_version == "2026-12-01"


def test_failing_hook_does_not_fail_the_call(pki: Pki, make_client: MakeClient) -> None:
    def boom(version: str) -> None:
        raise RuntimeError("hook bug")
    answer = json_response(200, SUPPORT, {"X-Policy-Version": "v"})
    with serving(reply(answer), pki.leaf) as server:
        client = make_client(server)
        client.on_policy_version = boom
        assert client.get_support().email == "help@example.test"


def test_concurrent_calls_from_worker_threads(pki: Pki, make_client: MakeClient) -> None:
    def handler(req: Request, conn: Conn) -> None:
        time.sleep(0.01)
        conn.send(json_response(200, SUPPORT, {"X-Policy-Version": "v1"}))
    with serving(handler, pki.leaf) as server:
        client = make_client(server, token="tok")
        seen: list[str] = []
        client.on_policy_version = seen.append
        results: list[object] = []

        def work() -> None:
            for _ in range(5):
                try:
                    results.append(client.get_support().organization)
                except PortalError as exc:
                    results.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert results == ["Fictional Payer"] * 40
        assert seen == ["v1"] * 40
        assert server.connections <= 10  # pooled and kept alive, not one per call
