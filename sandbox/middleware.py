"""Outermost ASGI layer: request ids, timing, common headers, body cap, crash safety net.

Written as plain ASGI rather than `BaseHTTPMiddleware` so that it can buffer and cap the
request body before any route sees it and can still answer in the contract's error shape
when something below it raises.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sandbox.errors import GENERIC_MESSAGES, error_body

log = logging.getLogger("sandbox.http")

MAX_BODY_BYTES = 64 * 1024
#: Oversized bodies up to this size are read and dropped before the 413 is sent.
DRAIN_LIMIT_BYTES = 1024 * 1024
API_PREFIX = "/api/v1"
CTX_KEY = "sandbox.ctx"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
JSON_TYPE = b"application/json; charset=utf-8"


@dataclass
class RequestContext:
    """Per-request facts the routes hand back to the middleware (for headers and logs)."""

    request_id: str
    policy_version: str | None = None


def request_context(scope: Scope) -> RequestContext:
    ctx = scope.get(CTX_KEY)
    if not isinstance(ctx, RequestContext):
        ctx = RequestContext(request_id=uuid.uuid4().hex)
        scope[CTX_KEY] = ctx
    return ctx


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class PortalMiddleware:
    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        sent_id = _header(scope, b"x-request-id")
        request_id = (
            sent_id if sent_id and _SANE_REQUEST_ID.fullmatch(sent_id) else uuid.uuid4().hex
        )
        ctx = RequestContext(request_id=request_id)
        scope[CTX_KEY] = ctx
        state: dict[str, Any] = {"status": 0, "started": False}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["started"] = True
                headers = MutableHeaders(scope=message)
                elapsed_ms = (time.perf_counter() - started) * 1000.0
                headers["X-Request-ID"] = ctx.request_id
                headers["Server-Timing"] = f"handler;dur={elapsed_ms:.3f}"
                headers["Cache-Control"] = "no-store"
                headers["X-Content-Type-Options"] = "nosniff"
                if ctx.policy_version is not None:
                    headers["X-Policy-Version"] = ctx.policy_version
                ctype = headers.get("content-type")
                if ctype is not None and ctype.split(";")[0].strip() == "application/json":
                    headers["Content-Type"] = JSON_TYPE.decode()
            await send(message)

        try:
            body_or_error = await self._read_body(scope, receive)
            if isinstance(body_or_error, tuple):
                status, code, message = body_or_error
                await self._send_error(send_wrapper, status, code, message)
            else:
                await self.app(scope, _replay(body_or_error, receive), send_wrapper)
        except Exception:
            log.exception("request_id=%s unhandled error", ctx.request_id)
            if not state["started"]:
                await self._send_error(send_wrapper, 500, "server_error", None)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "<unmatched>"
            if not template.startswith(API_PREFIX) and str(scope.get("path", "")).startswith(
                API_PREFIX + "/"
            ):
                template = API_PREFIX + template  # routes of included routers are relative
            log.info(
                "request_id=%s method=%s path=%s status=%s duration_ms=%.3f",
                ctx.request_id, scope.get("method"), template, state["status"],
                (time.perf_counter() - started) * 1000.0,
            )

    async def _read_body(
        self, scope: Scope, receive: Receive
    ) -> list[Message] | tuple[int, str, str]:
        """Buffer the whole body (at most 64 KiB) so the cap holds for chunked uploads too."""
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return 400, "bad_request", "Invalid Content-Length header."
            if int(declared) > self.max_body:
                if int(declared) <= DRAIN_LIMIT_BYTES:
                    await _drain(receive, DRAIN_LIMIT_BYTES)
                return 413, "payload_too_large", GENERIC_MESSAGES["payload_too_large"]
        messages: list[Message] = []
        total = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > self.max_body:
                if message.get("more_body", False):
                    await _drain(receive, DRAIN_LIMIT_BYTES - total)
                return 413, "payload_too_large", GENERIC_MESSAGES["payload_too_large"]
            if not message.get("more_body", False):
                break
        return messages

    @staticmethod
    async def _send_error(send: Send, status: int, code: str, message: str | None) -> None:
        body = error_body(code, message or GENERIC_MESSAGES[code])
        headers = [(b"content-type", JSON_TYPE), (b"content-length", str(len(body)).encode())]
        if status == 413:
            # The rest of an oversized body is never read; do not reuse the connection.
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive, limit: int) -> None:
    """Read and discard a moderately oversized body so the client gets to read the 413.

    Answering before the client has finished sending makes it see a reset instead of
    the error; past `limit` the connection is simply closed after the answer.
    """
    total = 0
    while total <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        total += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


class HeadAsGet:
    """Answer HEAD wherever GET is answered (RFC 9110 9.3.2): same headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
