"""Typed background operations: the one way a screen talks to the portal.

In the spirit of Anki's `QueryOp`: an operation is a function that receives a typed
portal (`PortalApi`, a Protocol the client satisfies), runs on a worker thread, and
comes back on the GUI thread to exactly one of three handlers:

* ``on_success(result)`` - typed by the function's return type;
* ``on_interrupted(error)`` - the session expired, was revoked, or the privacy policy
  changed. The shell reacts to those on its own (lock screen, policy gate) and then
  calls the screen's ``resume()``; the screen only remembers what to do again. What
  counts as "interrupted" is decided here, once: `is_interrupted`;
* ``on_failure(error)`` - any other `PortalError`, whose `user_message` is safe to
  show. Without a handler, the error is shown in a message box.

Anything else (a bug: ValueError, KeyError...) goes to the one crash handler, logged
without its text. Local work (writing a file) uses `OpScope.background`, whose
failure handler receives the `OSError`.

Operations run in an `OpScope` that a screen owns (`ctx.ops.scope(self)`): starting an
operation of a kind drops the answer of the previous one of that kind, `cancel_all()`
(sign-out) drops every answer still on its way, and a destroyed owner gets nothing.
Screens therefore keep no generation counters of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.portal.errors import (
    PolicyAcceptanceRequired,
    PortalError,
    SessionExpired,
    Unauthenticated,
)
from desktop.tasks import Runner, TaskHandle
from desktop.ui.common.errors import describe
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import message

if TYPE_CHECKING:
    from desktop.portal.api import PortalApi, PublicApi

T = TypeVar("T")
Success = Callable[[T], object]
Failure = Callable[[PortalError], object]
LocalFailure = Callable[[Exception], object]


def is_interrupted(exc: BaseException) -> bool:
    """The one definition of "the shell must step in, then the screen resumes".

    An authenticated call's 401 means the portal revoked the session (password changed
    or signed out elsewhere): the shell asks for the password, as after an expiry.
    """
    return isinstance(exc, PolicyAcceptanceRequired | SessionExpired | Unauthenticated)


class CallGuard(Protocol):
    """What wraps every authenticated call: `Session.call` notices expiry and policy."""

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...


def _show_in_box(owner: QObject, exc: PortalError) -> None:
    parent = owner.window() if isinstance(owner, QWidget) else None
    message(parent, QMessageBox.Icon.Warning, translate("Operations", "Claims Desktop"),
            describe(exc)).open()


def _reraise(exc: BaseException) -> None:
    raise exc


class Operations:
    """One per application (built in `app.launch`): the portal, the runner, the guard."""

    def __init__(self, api: PortalApi, runner: Runner, *, guard: CallGuard | None = None,
                 report_unhandled: Callable[[BaseException], None] = _reraise,
                 show_failure: Callable[[QObject, PortalError], None] = _show_in_box) -> None:
        self._api = api
        self._runner = runner
        self._guard = guard
        self._report = report_unhandled
        self._show = show_failure

    @property
    def runner(self) -> Runner:
        return self._runner

    def report(self, exc: BaseException) -> None:
        """A bug, not a portal answer: the one crash handler (logged without its text)."""
        self._report(exc)

    def show_failure(self, owner: QObject, exc: PortalError) -> None:
        """A portal failure nobody handled: told in words, in a message box."""
        self._show(owner, exc)

    def scope(self, owner: QObject) -> OpScope:
        """A scope whose operations end with `owner` (a screen, a dialog, the window)."""
        return OpScope(self, owner)

    def bind_portal(self, fn: Callable[[PortalApi], T]) -> Callable[[], T]:
        """`fn` made ready to run on a worker: the portal passed in, the guard around it."""
        api, guard = self._api, self._guard
        if guard is None:
            return lambda: fn(api)
        return lambda: guard.call(fn, api)

    def bind_public(self, fn: Callable[[PublicApi], T]) -> Callable[[], T]:
        """`fn` made ready to run on a worker, with the sign-in-free part of the portal."""
        api: PublicApi = self._api
        return lambda: fn(api)


class OpScope(QObject):
    """The operations of one owner; at most one running per kind."""

    def __init__(self, ops: Operations, owner: QObject) -> None:
        super().__init__(owner)
        self._ops = ops
        self._owner = owner
        #: kind -> the ticket of the operation whose answer is still wanted.
        self._current: dict[Hashable, object] = {}
        self._handles: dict[object, TaskHandle] = {}

    def running(self, kind: Hashable) -> bool:
        return kind in self._current

    def portal(self, kind: Hashable, fn: Callable[[PortalApi], T], *,
               on_success: Success[T], on_failure: Failure | None = None,
               on_interrupted: Failure | None = None) -> None:
        """An authenticated call; expiry and policy changes are noticed by the guard."""
        self._start(kind, self._ops.bind_portal(fn), on_success,
                    self._triage(on_failure, on_interrupted, authenticated=True))

    def public(self, kind: Hashable, fn: Callable[[PublicApi], T], *,
               on_success: Success[T], on_failure: Failure | None = None) -> None:
        """A call that needs no sign-in (a 401 here is an answer, not an interruption)."""
        self._start(kind, self._ops.bind_public(fn), on_success,
                    self._triage(on_failure, None, authenticated=False))

    def background(self, kind: Hashable, fn: Callable[[], T], *, on_success: Success[T],
                   on_failure: LocalFailure | None = None,
                   expected: tuple[type[Exception], ...] = (PortalError, OSError)) -> None:
        """Blocking local or session work (files, sign-in); `expected` errors are handled."""
        def failed(exc: BaseException) -> None:
            if isinstance(exc, expected) and on_failure is not None:
                on_failure(exc)
            elif isinstance(exc, PortalError):
                self._ops.show_failure(self._owner, exc)
            else:
                self._ops.report(exc)
        self._start(kind, fn, on_success, failed)

    def cancel(self, kind: Hashable) -> None:
        ticket = self._current.pop(kind, None)
        if ticket is not None:
            self._drop(ticket)

    def cancel_all(self) -> None:
        """Sign-out or a cleared screen: no answer still on its way is delivered."""
        for ticket in list(self._current.values()):
            self._drop(ticket)
        self._current.clear()

    # --- internals -----------------------------------------------------------------------

    def _triage(self, on_failure: Failure | None, on_interrupted: Failure | None, *,
                authenticated: bool) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, PortalError):
                self._ops.report(exc)
            elif authenticated and is_interrupted(exc):
                if on_interrupted is not None:
                    on_interrupted(exc)
            elif on_failure is not None:
                on_failure(exc)
            else:
                self._ops.show_failure(self._owner, exc)
        return failed

    def _start(self, kind: Hashable, work: Callable[[], T], on_success: Success[T],
               on_error: Callable[[BaseException], None]) -> None:
        self.cancel(kind)
        ticket = object()
        self._current[kind] = ticket

        def wanted() -> bool:
            if self._current.get(kind) is not ticket:
                return False
            del self._current[kind]
            self._handles.pop(ticket, None)
            return True

        def done(result: T) -> None:
            if wanted():
                on_success(result)

        def error(exc: BaseException) -> None:
            if wanted():
                on_error(exc)

        handle = self._ops.runner.run(work, on_done=done, on_error=error, owner=self)
        if self._current.get(kind) is ticket:  # a synchronous runner has delivered already
            self._handles[ticket] = handle

    def _drop(self, ticket: object) -> None:
        handle = self._handles.pop(ticket, None)
        if handle is not None:
            handle.cancel()
