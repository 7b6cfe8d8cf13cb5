"""The status bar's session line, and whether the portal answers at all.

Why: the status bar kept saying "TLS 1.3, certificate verified" while every call failed
with "cannot be reached", which tells a clerk (and the IT person on the phone) the
opposite of the truth. The line now claims a verified connection only after the portal
answered, and says plainly when it does not.

`PortalReach` learns the outcome of calls: every authenticated call through the guard
it wraps around `Session.call` (built in `app.launch`), and the window's own public
calls (start-up policy, sign-in, support) through `note`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.portal.errors import ConnectionFailed, DeadlineExceeded, TlsError
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain
from desktop.ui.operations import CallGuard

T = TypeVar("T")

#: Failures that mean "no answer from the portal", as opposed to an answer that says no.
UNREACHABLE = (ConnectionFailed, DeadlineExceeded, TlsError)


class Reach(Enum):
    UNKNOWN = "unknown"      # nothing asked yet
    ANSWERS = "answers"      # the last call got an answer (even a refusal)
    UNREACHABLE = "down"     # the last call got no answer
    UNTRUSTED = "untrusted"  # the certificate was not trusted: nothing was sent


class PortalReach(QObject):
    """The portal's reachability as last seen; `changed` is emitted on the GUI thread."""

    changed = Signal()
    _noted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = Reach.UNKNOWN
        self._noted.connect(self._set)  # queued when emitted from a worker thread

    @property
    def state(self) -> Reach:
        return self._state

    def note(self, exc: BaseException | None) -> None:
        """The outcome of a call: None for an answer, else the exception (any thread)."""
        if isinstance(exc, TlsError):
            state = Reach.UNTRUSTED
        elif isinstance(exc, UNREACHABLE):
            state = Reach.UNREACHABLE
        else:
            state = Reach.ANSWERS
        self._noted.emit(state)

    def _set(self, state: Reach) -> None:
        if state != self._state:
            self._state = state
            self.changed.emit()

    def guard(self, inner: CallGuard) -> CallGuard:
        return _NotingGuard(inner, self)


class _NotingGuard:
    """`Session.call` with every outcome noted (runs on worker threads)."""

    def __init__(self, inner: CallGuard, reach: PortalReach) -> None:
        self._inner, self._reach = inner, reach

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            result = self._inner.call(fn, *args, **kwargs)
        except Exception as exc:
            self._reach.note(exc)
            raise
        self._reach.note(None)
        return result


@dataclass(frozen=True)
class StatusFacts:
    host: str
    tls_version: str | None
    reach: Reach
    #: Who is signed in (None when nobody is) and where the token is kept.
    user: str | None = None
    token_location: str = ""


def status_line(facts: StatusFacts) -> str:
    parts = [translate("Status", "Portal {host}").format(host=plain(facts.host, 80))]
    if facts.reach is Reach.UNREACHABLE:
        parts.append(translate("Status", "cannot be reached now"))
    elif facts.reach is Reach.UNTRUSTED:
        parts.append(translate("Status", "certificate not trusted: not connected"))
    elif facts.tls_version and facts.reach is Reach.ANSWERS:
        tls = plain(facts.tls_version.replace("TLSv", "TLS "), 20)
        parts.append(translate("Status", "{tls}, certificate verified").format(tls=tls))
    else:
        parts.append(translate("Status", "connecting…"))
    if facts.user is not None:
        parts.append(translate("Status", "Signed in as {name}").format(
            name=plain(facts.user, 64)))
        parts.append(translate("Status", "Session token: {where}").format(
            where=plain(facts.token_location, 80)))
    else:
        parts.append(translate("Status", "Not signed in"))
    return " · ".join(parts)
