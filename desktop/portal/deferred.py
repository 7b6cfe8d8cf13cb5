"""A `PortalClient` that is built the first time it is used, usually on a worker thread.

Why: building the client imports the HTTP/TLS stack (requests, urllib3, ssl, truststore,
about a third of what the application imported before its sign-in screen showed) and
loads the certificate store. None of that is needed to draw the sign-in screen, and the
first use is the policy fetch, which the task runner does off the GUI thread after the
first frame. The composition root hands this stand-in to the session and the operation
layer in place of the client; each attribute read goes to the real client, built then
(once, under a lock). Attributes set (or deleted) go to the real client; set before it
exists (the session's policy-version callback), they are kept and set on it when it is
built.

A configuration the client refuses (an http:// address, a bad proxy) raises its
`PortalError` from that first use, as the constructor would have; the settings layer
refuses both before start-up already.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.portal.client import PortalClient

_OWN = frozenset({"_factory", "_lock", "_client", "_pending"})


class DeferredClient:
    """Stands in for the `PortalClient` that `factory()` builds on first use."""

    def __init__(self, factory: Callable[[], PortalClient]) -> None:
        object.__setattr__(self, "_factory", factory)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_client", None)
        object.__setattr__(self, "_pending", {})

    @property
    def built(self) -> bool:
        return self._client is not None

    @property
    def tls_version(self) -> str | None:
        """The status bar asks on the GUI thread; before any call there is none to show."""
        client = self._client
        return None if client is None else client.tls_version

    def real(self) -> PortalClient:
        """The client, built now if it was not yet (raises what the constructor raises)."""
        client = self._client
        if client is not None:
            return client
        with self._lock:
            if self._client is None:
                built = self._factory()
                for name, value in self._pending.items():
                    setattr(built, name, value)
                self._pending.clear()
                object.__setattr__(self, "_client", built)
            assert self._client is not None
            return self._client

    def __getattr__(self, name: str) -> Any:
        if name in _OWN or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.real(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        with self._lock:
            client = self._client
            if client is None:
                self._pending[name] = value
                return
        setattr(client, name, value)

    def __delattr__(self, name: str) -> None:
        with self._lock:
            client = self._client
            if client is None:
                if self._pending.pop(name, None) is None:
                    raise AttributeError(name)
                return
        delattr(client, name)
