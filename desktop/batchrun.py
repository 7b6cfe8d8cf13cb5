"""One batch status run: the distinct numbers, in chunks of 500, and what came back.

Pure Python so that the rules of a long run are unit-tested without a window: chunks
go one after another; what arrived is kept whatever happens next; a failure or a
Cancel leaves the rest "not checked", and Retry sends exactly those again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

from desktop.portal.worklist import BATCH_MAX, BatchClaim, BatchItem


class RowState(Enum):
    """Where one number stands; every state has words for the table."""

    INVALID = "Not a claim number"
    WAITING = "Waiting"
    FOUND = "Found"
    NOT_FOUND = "Not found"
    NOT_CHECKED = "Not checked"


class BatchRun:
    def __init__(self, numbers: Sequence[str], chunk_size: int = BATCH_MAX) -> None:
        if not 1 <= chunk_size <= BATCH_MAX:
            raise ValueError(f"chunk size must be 1-{BATCH_MAX}")
        self.numbers = list(numbers)
        self.chunk_size = chunk_size
        self.index = {n: i for i, n in enumerate(self.numbers)}
        self.states = [RowState.WAITING] * len(self.numbers)
        self.claims: dict[int, BatchClaim] = {}
        self._queue: list[int] = list(range(len(self.numbers)))

    @property
    def done(self) -> int:
        return sum(s in (RowState.FOUND, RowState.NOT_FOUND) for s in self.states)

    @property
    def unchecked(self) -> int:
        return sum(s is RowState.NOT_CHECKED for s in self.states)

    @property
    def finished(self) -> bool:
        return not self._queue

    def next_chunk(self) -> list[str]:
        """The next numbers to send (empty when nothing is left)."""
        return [self.numbers[i] for i in self._queue[:self.chunk_size]]

    def record(self, sent: Sequence[str], items: Iterable[BatchItem]) -> list[int]:
        """Store a chunk's answer; returns the rows that changed. A number the portal
        did not mention stays "not checked" rather than being called not found."""
        answered = {item.claim_number: item for item in items}
        rows = []
        for number in sent:
            row = self.index[number]
            item = answered.get(number)
            if item is None:
                self.states[row] = RowState.NOT_CHECKED
            elif item.claim is None:
                self.states[row] = RowState.NOT_FOUND
            else:
                self.states[row] = RowState.FOUND
                self.claims[row] = item.claim
            rows.append(row)
        sent_rows = set(rows)
        self._queue = [i for i in self._queue if i not in sent_rows]
        return rows

    def stop(self) -> list[int]:
        """A failure or Cancel: what is still waiting becomes "not checked"."""
        rows, self._queue = self._queue, []
        for row in rows:
            self.states[row] = RowState.NOT_CHECKED
        return rows

    def retry(self) -> list[int]:
        """Queue the unchecked numbers again; returns their rows."""
        rows = [i for i, s in enumerate(self.states) if s is RowState.NOT_CHECKED]
        for row in rows:
            self.states[row] = RowState.WAITING
        self._queue = rows
        return rows
