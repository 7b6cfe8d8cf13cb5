"""CSV of a batch status result: only at the clerk's request and only where IT allows.

Same rules as the claims export (`desktop.ui.claims.export.write_csv`): an owner-only
file (0600), UTF-8 with a byte-order mark for Excel, cells a spreadsheet would run as a
formula get a leading apostrophe, amounts and dates in `Formats.file_money` /
`file_date` spelling (plain numbers, ISO); a file
interrupted halfway is removed rather than left with patient data in it.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Iterable
from pathlib import Path

from desktop.batchrun import RowState
from desktop.ui.batch.model import BatchModel, state_words
from desktop.ui.common.formats import Formats, local_date, to_cents
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate

_HEADER: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("BatchExport", "Claim number"), QT_TRANSLATE_NOOP("BatchExport", "Result"),
    QT_TRANSLATE_NOOP("BatchExport", "Status category"),
    QT_TRANSLATE_NOOP("BatchExport", "Status"), QT_TRANSLATE_NOOP("BatchExport", "Billed"),
    QT_TRANSLATE_NOOP("BatchExport", "Paid"), QT_TRANSLATE_NOOP("BatchExport", "Paid date"),
    QT_TRANSLATE_NOOP("BatchExport", "Payment number"),
    QT_TRANSLATE_NOOP("BatchExport", "What to do next"),
    QT_TRANSLATE_NOOP("BatchExport", "Deadline"), QT_TRANSLATE_NOOP("BatchExport", "Days left"))


def csv_header() -> list[str]:
    """The header row in the clerk's language (the cells stay locale-independent)."""
    return [translate("BatchExport", str(title)) for title in _HEADER]
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
            yield [safe_cell(number), state_words(state), *([""] * 9)]
            continue
        s = claim.summary
        step = model.step(row)
        left = step.days_left(model.today) if step else None
        yield [
            safe_cell(number), state_words(state), safe_cell(s.status.category),
            safe_cell(s.status.label), Formats.file_money(to_cents(s.billed_amount)),
            Formats.file_money(to_cents(s.paid_amount)),
            Formats.file_date(local_date(s.paid_at)), safe_cell(s.payment_number or ""),
            safe_cell(step.label if step else ""),
            Formats.file_date(step.deadline if step else None),
            "" if left is None else str(left),
        ]


def write_batch_csv(path: str | os.PathLike[str], rows: list[list[str]]) -> int:
    target = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(csv_header())
            writer.writerows(rows)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return len(rows)
