"""The portal's code tables, fetched once per session and kept in memory only.

Status categories, CARCs and RARCs change rarely and are small, so one background
fetch after sign-in serves every claim the clerk opens; `clear()` (sign-out) drops
them with the rest of the session's data. A failed fetch is retried the next time
words are needed, never in a loop.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop.portal.errors import PolicyAcceptanceRequired, SessionExpired, Unauthenticated
from desktop.tasks import TaskHandle
from desktop.ui.claims.explain import CodeWords
from desktop.ui.context import ScreenContext

log = logging.getLogger(__name__)


class CodeBook(QObject):
    """Plain words for status, adjustment and remark codes, shared by the whole screen."""

    #: The tables arrived (or were dropped): words shown so far may be refreshed.
    changed = Signal()
    #: Fetching failed with this exception; explanations fall back to the claim's own text.
    failed = Signal(object)

    def __init__(self, ctx: ScreenContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._words = CodeWords()
        self._handle: TaskHandle | None = None
        self._generation = 0
        #: A fetch was cut short by an expired session or a policy change.
        self.interrupted = False

    @property
    def words(self) -> CodeWords:
        return self._words

    @property
    def loaded(self) -> bool:
        return self._words.loaded

    @property
    def loading(self) -> bool:
        return self._handle is not None and not self._handle.finished

    def ensure(self) -> None:
        """Start fetching unless the tables are here or on their way."""
        if self.loaded or self.loading:
            return
        self._generation += 1
        generation = self._generation
        self.interrupted = False
        self._handle = self._ctx.runner.run(
            self._fetch,
            on_done=lambda words: self._arrived(generation, words),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self)

    def clear(self) -> None:
        """Sign-out: forget the tables and ignore any answer still on its way."""
        self._generation += 1
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self.interrupted = False
        had = self.loaded
        self._words = CodeWords()
        if had:
            self.changed.emit()

    def _fetch(self) -> CodeWords:
        """Runs on a worker thread: three small GETs, one after the other."""
        call, client = self._ctx.session.call, self._ctx.client
        status = call(client.get_status_codes).as_dict()
        carc = call(client.get_carc_codes).as_dict()
        rarc = call(client.get_rarc_codes).as_dict()
        return CodeWords(status=status, carc=carc, rarc=rarc)

    def _arrived(self, generation: int, words: object) -> None:
        if generation != self._generation or not isinstance(words, CodeWords):
            return
        self._handle = None
        self._words = words
        self.changed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._handle = None
        if isinstance(exc, PolicyAcceptanceRequired | SessionExpired | Unauthenticated):
            self.interrupted = True
            return
        log.info("code tables could not be fetched (%s)", type(exc).__name__)
        self.failed.emit(exc)
