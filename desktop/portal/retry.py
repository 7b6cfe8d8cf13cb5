"""When a portal call is tried again: urllib3's `Retry`, held to the portal's rules.

urllib3 carries the mechanics (counting tries, the GET-only rule, which statuses
are worth another try, reading `Retry-After`, sleeping). The subclass exists for
the rules urllib3 does not have, each a guarantee of `transport.py`:

* a `Retry-After` longer than `max_retry_after_s` is not waited for: the call
  fails at once with the server's figure (urllib3's `retry_after_max` would wait
  the maximum and try again, keeping a clerk staring at a spinner);
* no wait reaches past the call's overall deadline (urllib3 knows no deadline):
  the call then ends with the answer or error it has;
* an answer that declares a body over the transport's cap is not retried: it
  fails at once as too large (urllib3 would download and discard it first);
* a write is never sent twice, not even after a failed connect (urllib3 retries
  connect errors whatever the method), and a read timeout or a fired deadline
  is final (urllib3 would count them as read errors and try again).

Waits follow the transport's explicit schedule (`backoff_s`, e.g. 0.5 s then
1.5 s) rather than urllib3's exponential one, whose first retry does not wait.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from urllib3.exceptions import MaxRetryError, ReadTimeoutError, ResponseError
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from desktop.portal.tls import current_watch

log = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET"})
#: Reads that go as POST only to keep patient criteria out of the URL (claim search):
#: sending one twice changes nothing, so they are retried like a GET (transport.py
#: mounts this policy on their URLs alone).
SAFE_POST_METHODS = frozenset({"GET", "POST"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})

# What requests does when no retries are configured: connect errors and the like end as
# MaxRetryError, read errors are raised as they are. Used for every failure that is final.
_FINAL = Retry(0, read=False)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP date).

    None for anything else: urllib3's own parser raises on a malformed header,
    which would turn a server's typo into a failed call instead of a normal backoff.
    """
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(min(int(value[:12]), 10**9))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class PortalRetry(Retry):
    """The retry policy mounted on the portal adapter; see the module docstring."""

    # Not 413: a body too large stays too large. 502 and 504 may carry Retry-After too.
    RETRY_AFTER_STATUS_CODES = RETRY_STATUSES

    def __init__(self, *args: Any, backoff_s: tuple[float, ...] = (),
                 max_retry_after_s: float = 30.0, max_body_bytes: int | None = None,
                 sleeper: Callable[[float], None] = time.sleep, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.backoff_s = backoff_s
        self.max_retry_after_s = max_retry_after_s
        self.max_body_bytes = max_body_bytes
        self.sleeper = sleeper

    @classmethod
    def for_tries(cls, tries: int, backoff_s: tuple[float, ...], max_retry_after_s: float,
                  max_body_bytes: int | None = None,
                  sleeper: Callable[[float], None] = time.sleep,
                  methods: frozenset[str] = IDEMPOTENT_METHODS) -> PortalRetry:
        """`tries` in all (3 = two retries) for a GET (or `methods`); TLS and other odd
        failures are final."""
        again = max(tries - 1, 0)
        return cls(total=again, connect=again, read=again, status=again, other=0,
                   redirect=False, allowed_methods=methods,
                   status_forcelist=RETRY_STATUSES, respect_retry_after_header=True,
                   raise_on_status=False, backoff_s=backoff_s,
                   max_retry_after_s=max_retry_after_s, max_body_bytes=max_body_bytes,
                   sleeper=sleeper)

    def new(self, **kw: Any) -> PortalRetry:
        kw.setdefault("backoff_s", self.backoff_s)
        kw.setdefault("max_retry_after_s", self.max_retry_after_s)
        kw.setdefault("max_body_bytes", self.max_body_bytes)
        kw.setdefault("sleeper", self.sleeper)
        new = super().new(**kw)
        assert isinstance(new, PortalRetry)
        return new

    def get_backoff_time(self) -> float:
        if not self.backoff_s or not self.history:
            return 0.0
        return self.backoff_s[min(len(self.history), len(self.backoff_s)) - 1]

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        if response.status not in self.RETRY_AFTER_STATUS_CODES:
            return None
        return parse_retry_after(response.headers.get("Retry-After"))

    def _wait(self, response: BaseHTTPResponse | None) -> float:
        after = self.get_retry_after(response) if response is not None else None
        return after if after is not None else self.get_backoff_time()

    def increment(self, method: str | None = None, url: str | None = None,
                  response: BaseHTTPResponse | None = None, error: Exception | None = None,
                  _pool: Any = None, _stacktrace: TracebackType | None = None) -> PortalRetry:
        watch = current_watch()
        if error is not None and ((method or "").upper() not in (self.allowed_methods or ())
                                  or isinstance(error, ReadTimeoutError)
                                  or (watch is not None and watch.fired)):
            _FINAL.increment(method, url, response, error, _pool, _stacktrace)  # raises
        new = super().increment(method, url, response, error, _pool, _stacktrace)
        after = self.get_retry_after(response) if response is not None else None
        wait = new._wait(response)
        too_late = watch is not None and time.monotonic() + wait >= watch.deadline
        if (after is not None and after > self.max_retry_after_s) or too_late or (
                response is not None and self._too_large(response)):
            # Caught by urllib3 for an answer (raise_on_status=False: the answer is
            # returned as it is); for an error it ends the call like spent retries do.
            status = response.status if response is not None else None
            raise MaxRetryError(_pool, url, error or ResponseError(f"HTTP {status}"))
        return new

    def _too_large(self, response: BaseHTTPResponse) -> bool:
        length = response.headers.get("Content-Length", "")
        return (self.max_body_bytes is not None and length.isascii() and length.isdigit()
                and int(length[:15]) > self.max_body_bytes)

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        watch = current_watch()
        if watch is not None:
            # The last connection is back in the pool: another call may take it while we
            # wait, and our watchdog must never shut that call's socket down.
            watch.detach()
        wait = self._wait(response)
        cause = f"HTTP {response.status}" if response is not None else "connection failed"
        log.info("portal call retried in %.1f s (%s)", wait, cause)
        if wait > 0:
            self.sleeper(wait)
