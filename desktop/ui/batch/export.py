"""CSV of a batch status result: only at the clerk's request and only where IT allows.

Same rules as the claims export (`desktop.ui.claims.export.write_csv`): an owner-only
file (0600), UTF-8 with a byte-order mark for Excel, cells a spreadsheet would run as a
formula get a leading apostrophe, amounts as plain numbers, dates as ISO; a file
interrupted halfway is removed rather than left with patient data in it.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Iterable
from pathlib import Path

from desktop.batchrun import RowState
from desktop.ui.batch.model import BatchModel
from desktop.ui.common.formats import cents_text, to_cents

CSV_HEADER = ("Claim number", "Result", "Status category", "Status", "Billed", "Paid",
              "Paid date", "Payment number", "What to do next", "Deadline", "Days left")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def records(model: BatchModel) -> Iterable[list[str]]:
    """One record per row, found or not; runs on the GUI thread (a snapshot is cheap)."""
    for row in range(model.rowCount()):
        state = model.state(row)
        number = model.invalid_at(row).text if state is RowState.INVALID else (
            model.run.numbers[row] if model.run else "")
        claim = model.run.claims.get(row) if model.run else None
        if claim is None:
            yield [safe_cell(number), state.value, *([""] * 9)]
            continue
        s = claim.summary
        step = model.step(row)
        left = step.days_left(model.today) if step else None
        yield [
            safe_cell(number), state.value, safe_cell(s.status.category),
            safe_cell(s.status.label), cents_text(to_cents(s.billed_amount)),
            cents_text(to_cents(s.paid_amount)), s.paid_at.date().isoformat() if s.paid_at
            else "", safe_cell(s.payment_number or ""), safe_cell(step.label if step else ""),
            step.deadline.isoformat() if step and step.deadline else "",
            "" if left is None else str(left),
        ]


def write_batch_csv(path: str | os.PathLike[str], rows: list[list[str]]) -> int:
    target = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(CSV_HEADER)
            writer.writerows(rows)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return len(rows)
