"""The portal's code tables, fetched once per session and kept in memory only.

Status categories, CARCs and RARCs change rarely and are small, so one background
fetch after sign-in serves every claim the clerk opens; `clear()` (sign-out) drops
them with the rest of the session's data. A failed fetch is retried the next time
words are needed, never in a loop.
"""

from __future__ import annotations

import logging
from enum import Enum, auto

from PySide6.QtCore import QObject, Signal

from desktop.portal.api import PortalApi
from desktop.portal.errors import NotFound, PortalError
from desktop.portal.playbook import EMPTY_PLAYBOOK
from desktop.ui.claims.explain import CodeWords
from desktop.ui.operations import Operations

log = logging.getLogger(__name__)


class _Op(Enum):
    FETCH = auto()


def fetch_words(api: PortalApi) -> CodeWords:
    """Runs on a worker thread: four small GETs, one after the other."""
    status = api.get_status_codes().as_dict()
    carc = api.get_carc_codes().as_dict()
    rarc = api.get_rarc_codes().as_dict()
    try:
        playbook = api.get_playbook()
    except NotFound:  # a portal without the playbook: the words still explain
        playbook = EMPTY_PLAYBOOK
    return CodeWords(status=status, carc=carc, rarc=rarc, playbook=playbook)


class CodeBook(QObject):
    """Plain words for status, adjustment and remark codes, shared by the whole screen."""

    #: The tables arrived (or were dropped): words shown so far may be refreshed.
    changed = Signal()
    #: Fetching failed with this exception; explanations fall back to the claim's own text.
    failed = Signal(object)

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops.scope(self)
        self._words = CodeWords()
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
        return self._ops.running(_Op.FETCH)

    def ensure(self) -> None:
        """Start fetching unless the tables are here or on their way."""
        if self.loaded or self.loading:
            return
        self.interrupted = False
        self._ops.portal(_Op.FETCH, fetch_words, on_success=self._arrived,
                         on_failure=self._failed, on_interrupted=self._interrupted)

    def clear(self) -> None:
        """Sign-out: forget the tables and ignore any answer still on its way."""
        self._ops.cancel_all()
        self.interrupted = False
        had = self.loaded
        self._words = CodeWords()
        if had:
            self.changed.emit()

    def _arrived(self, words: CodeWords) -> None:
        self._words = words
        self.changed.emit()

    def _interrupted(self, _exc: PortalError) -> None:
        self.interrupted = True

    def _failed(self, exc: PortalError) -> None:
        log.info("code tables could not be fetched (%s)", type(exc).__name__)
        self.failed.emit(exc)
