"""Claim numbers as clerks bring them: pasted from a spreadsheet, or a CSV/XLSX column.

Pure Python (no Qt) so the rules are unit-tested and the file work can run on a worker
thread. Files are only read, never copied or cached: they hold claim numbers (PHI-
adjacent), and the only copy that matters is the clerk's own.

Splitting: newlines, commas, semicolons, tabs and spaces all separate numbers, as they
come out of a spreadsheet or an email. Blank entries and repeats are dropped (the first
occurrence keeps its place), and entries that cannot be claim numbers are kept aside,
with the reason, so the clerk sees them marked instead of silently lost.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.validation import ValidationError, validate_claim_number

#: More distinct numbers than this are not checked (40 chunks of 500 is already minutes
#: of a clerk's patience); the rest are reported, not dropped silently.
MAX_NUMBERS = 50_000
#: A file larger than this is not a claim list.
MAX_FILE_BYTES = 50 * 1024 * 1024
_SEPARATORS = re.compile(r"[\s,;]+")
_QUOTES = "\"'“”‘’"
_PLAIN_NUMBER = re.compile(r"[0-9]{1,40}")
_HEADER_HINT = re.compile(r"claim", re.IGNORECASE)


@dataclass(frozen=True)
class Invalid:
    text: str
    reason: str


@dataclass
class Parsed:
    """Distinct valid numbers in order, the invalid entries, and what was dropped."""

    numbers: list[str] = field(default_factory=list)
    invalid: list[Invalid] = field(default_factory=list)
    duplicates: int = 0
    over_limit: int = 0
    header: str | None = None

    @property
    def empty(self) -> bool:
        return not self.numbers and not self.invalid


def check_entry(text: str) -> str | None:
    """Why `text` cannot be a claim number (in words), or None when it can."""
    if _PLAIN_NUMBER.fullmatch(text):
        return None  # the common case, without the general identifier rules
    try:
        validate_claim_number(text)
    except ValidationError as exc:
        return str(exc)
    if not any(ch.isdigit() for ch in text):
        return "A claim number has digits."
    return None


def parse_entries(entries: list[str], *, header: str | None = None) -> Parsed:
    out = Parsed(header=header)
    seen: set[str] = set()
    bad_seen: set[str] = set()
    for raw in entries:
        text = raw.strip().strip(_QUOTES).strip()
        if not text:
            continue
        if text in seen or text in bad_seen:
            out.duplicates += 1
            continue
        reason = check_entry(text)
        if reason is not None:
            bad_seen.add(text)
            out.invalid.append(Invalid(text[:60], reason))
        elif len(out.numbers) >= MAX_NUMBERS:
            out.over_limit += 1
        else:
            seen.add(text)
            out.numbers.append(text)
    return out


def parse_pasted(text: str) -> Parsed:
    return parse_entries(_SEPARATORS.split(text))


# --- files ---------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 or UTF-16 (with a byte-order mark, as Excel writes "Unicode text"), else
    Windows-1252, the encoding of most older practice systems' exports."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    head = raw[:200]
    if head and head.count(b"\x00") * 4 > len(head):  # UTF-16 without a mark
        big_endian = head[0] == 0
        return raw.decode("utf-16-be" if big_endian else "utf-16-le", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def pick_column(rows: list[list[str]]) -> tuple[int, str | None]:
    """The claim-number column and its header (None when the first row is data).

    A header cell that says "claim" wins; otherwise the column whose cells most often
    look like claim numbers.
    """
    first = rows[0] if rows else []
    for index, cell in enumerate(first):
        if _HEADER_HINT.search(cell) and check_entry(cell.strip()) is not None:
            return index, cell.strip()
    width = max((len(r) for r in rows[:200]), default=1)
    scores = [sum(1 for r in rows[1:200] if i < len(r) and check_entry(r[i].strip()) is None)
              for i in range(width)]
    column = max(range(width), key=lambda i: scores[i]) if width else 0
    head = first[column].strip() if column < len(first) else ""
    is_header = bool(head) and check_entry(head) is not None
    return column, head if is_header else None


def column_of(rows: list[list[str]]) -> Parsed:
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return Parsed()
    column, header = pick_column(rows)
    body = rows[1:] if header is not None else rows
    return parse_entries([r[column] if column < len(r) else "" for r in body], header=header)


def read_csv_rows(raw: bytes) -> list[list[str]]:
    text = decode(raw)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def read_xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's cells as text (read only: openpyxl streams the file)."""
    from openpyxl import load_workbook  # loaded only when a clerk opens a workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [["" if v is None else _cell_text(v) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a claim number typed into Excel becomes 2.62e12
    return str(value)


def read_numbers_file(path: Path) -> Parsed:
    """Runs on a worker thread; raises OSError (or ValueError for a broken file)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError("This file is too large to be a list of claim numbers.")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            rows = read_xlsx_rows(path)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ValueError("This workbook could not be read.") from exc
        return column_of(rows)
    return column_of(read_csv_rows(path.read_bytes()))
