"""The search floor a desktop client cannot beat: a bare kept-alive `requests` session.

Issue 18 measures "click -> rows painted" beside the same request made by the simplest
HTTPS client there is: one `requests.Session` that keeps its connection alive, sends the
very parameters and token the application sent, and decodes the JSON (nothing else: no
typed models, no table, no paint). It runs in the client child right after each of the
application's searches, so both see the same machine load, the same sandbox caches and
the same answer.
"""

from __future__ import annotations

import time
from typing import Any

import requests


class BareClient:
    """Replays a first-page search; `ms` is call -> JSON decoded, handler from the header."""

    def __init__(self, base_url: str, ca_bundle: str) -> None:
        self._base = base_url.rstrip("/")
        self._session = requests.Session()
        self._session.trust_env = False
        self._session.verify = ca_bundle
        self._warm = False

    def search(self, body: dict[str, Any], token: str) -> dict[str, Any]:
        """POST /claims/search with the app's very body (patient criteria stay out of URLs)."""
        headers = {"Accept": "application/json", "Accept-Encoding": "gzip",
                   "Authorization": f"Bearer {token}"}
        url = self._base + "/claims/search"
        if not self._warm:  # the first call pays the TLS handshake; the app's did long ago
            self._session.post(url, json=body, headers=headers, timeout=30).json()
            self._warm = True
        t0 = time.perf_counter()
        answer = self._session.post(url, json=body, headers=headers, timeout=30)
        body = answer.json()
        ms = (time.perf_counter() - t0) * 1000.0
        answer.raise_for_status()
        return {"ms": ms, "rows": len(body.get("items", [])),
                "handler_ms": handler_ms(answer.headers.get("Server-Timing", ""))}

    def close(self) -> None:
        self._session.close()


def handler_ms(header: str) -> float:
    """The `handler;dur=N` entry of a `Server-Timing` header, NaN when absent."""
    for part in header.split(","):
        name, _, rest = part.strip().partition(";")
        if name == "handler" and rest.startswith("dur="):
            return float(rest[4:])
    return float("nan")
