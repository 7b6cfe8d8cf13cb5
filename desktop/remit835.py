"""Reading X12 835 remittance files into `Remittance` values; no Qt, so it is unit-tested.

pyx12 does the X12 work: `X12Reader` splits the interchange with the separators its ISA
declares and checks the envelopes (ISA/IEA, GS/GE, ST/SE counts), and `validate` runs its
validator against the 005010X221A1 map. This module turns segments into figures and
checks what a clerk would check by hand: every line, claim and payment balances; a
difference is a warning with the amount, never hidden.

A file is only read: nothing of it is copied, cached or logged. pyx12's own log lines can
quote segment contents, so its logger is silenced here.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pyx12.errors
import pyx12.x12file

from desktop.portal.payments import Remittance
from desktop.remit835_build import Builder, Elements, Problem, Severity

__all__ = ["MAX_FILE_BYTES", "Problem", "RemitFile", "RemitFileError", "Severity",
           "decode", "parse_835", "read_file"]

MAX_FILE_BYTES = 100 * 1024 * 1024
PROGRESS_EVERY = 2000
Progress = Callable[[int], None]  # percent done, 0-100

_pyx12_log = logging.getLogger("pyx12")
_pyx12_log.addHandler(logging.NullHandler())
_pyx12_log.propagate = False
_pyx12_log.setLevel(logging.CRITICAL + 1)

TRANSACTION_NAMES = {
    "837": "an 837 claim submission", "277": "a 277 claim status answer",
    "276": "a 276 claim status request", "270": "a 270 eligibility request",
    "271": "a 271 eligibility answer", "999": "a 999 acknowledgment",
    "997": "a 997 acknowledgment", "834": "an 834 enrollment file", "820": "an 820 premium payment",
}


class FileKind(Enum):
    """What the first bytes say a file is, before any X12 parsing."""

    X12 = "x12"
    EMPTY = "empty"
    BINARY = "binary"
    OTHER_TEXT = "text"


class RemitFileError(Exception):
    """A file that cannot be shown at all; `user_message` says why in plain words."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


@dataclass(frozen=True)
class RemitFile:
    """Every 835 transaction of a file (one per ST/SE) and the problems found reading it."""

    transactions: tuple[Remittance, ...]
    problems: tuple[Problem, ...]


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing one too large to read into memory sensibly."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RemitFileError(
            f"This file is {size / 1024 / 1024:,.0f} MB. Remittance files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB can be opened; ask the clearinghouse "
            "for the remittance split into smaller files.")
    with path.open("rb") as f:
        return f.read(MAX_FILE_BYTES + 1)


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-16 (with a BOM or the NULs of ASCII in UTF-16), UTF-8, else
    Latin-1 (names written by older systems), and refuse what is not text at all."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    elif len(raw) > 8 and raw[1:8:2] == b"\0\0\0\0":
        text = raw.decode("utf-16-le", errors="replace")
    elif len(raw) > 8 and raw[0:8:2] == b"\0\0\0\0":
        text = raw.decode("utf-16-be", errors="replace")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    kind = _kind(text)
    if kind is FileKind.EMPTY:
        raise RemitFileError("This file is empty.")
    if kind is FileKind.BINARY:
        raise RemitFileError("This is not a text file, so it cannot be an X12 835 "
                             "remittance. Check that the right file was chosen.")
    if kind is FileKind.OTHER_TEXT:
        raise RemitFileError("This file does not start with an X12 interchange header "
                             "(ISA), so it is not an X12 835 remittance file.")
    return text.lstrip()


def _kind(text: str) -> FileKind:
    head = text.lstrip()[:4096]
    if not head:
        return FileKind.EMPTY
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\r\n\t")
    if "\0" in head or controls > len(head) // 20:
        return FileKind.BINARY
    return FileKind.X12 if head.startswith("ISA") else FileKind.OTHER_TEXT


_gc_lock = threading.Lock()
_gc_holders = 0


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a worker builds a big remittance.

    A 10,000-claim file makes millions of small objects; each full collection of them
    holds the GIL for 100 ms and more, and the GUI thread freezes for that long. What
    the parse keeps is acyclic (frozen dataclasses, freed by reference counting), so it
    is frozen out of later collections, as `app.launch` does with start-up objects.
    """
    global _gc_holders
    with _gc_lock:
        _gc_holders += 1
        if _gc_holders == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0:
                gc.freeze()
                gc.enable()


def parse_835(text: str, progress: Progress | None = None) -> RemitFile:
    """Every 835 transaction of an interchange; refuses other transaction sets."""
    with collector_paused():
        return _parse(text, progress)


def _parse(text: str, progress: Progress | None) -> RemitFile:
    try:
        reader = pyx12.x12file.X12Reader(io.StringIO(text))
    except pyx12.errors.X12Error:
        raise RemitFileError("The interchange header (ISA) is damaged or not complete: it "
                             "must be 106 characters and name X12 version 00401 or "
                             "00501.") from None
    terminator = reader.seg_term or "~"
    expected = max(1, text.count(terminator))
    builder = Builder()
    count = 0
    try:
        for seg in reader:
            count += 1
            seg_id = seg.get_seg_id() or ""
            elements = Elements(seg)
            if seg_id == "ST" and elements.get_value("ST01") != "835":
                raise RemitFileError(_refusal(elements.get_value("ST01") or ""))
            builder.add(seg_id, elements, count)
            if reader.err_list:
                for err in reader.pop_errors():
                    builder.envelope_problem(err[2], count)
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(min(99, count * 100 // expected))
        reader.cleanup()
    except pyx12.errors.X12Error as exc:
        builder.envelope_problem(f"The file could not be read past this point ({exc}).", count)
    for err in reader.pop_errors():
        builder.envelope_problem(err[2], count)
    transactions, problems = builder.finish(count)
    if not transactions:
        raise RemitFileError("No 835 transaction (ST*835) was found in this file. The file "
                             "may be truncated, or its separators may not match its header.")
    if progress is not None:
        progress(100)
    return RemitFile(tuple(transactions), tuple(problems))


def _refusal(code: str) -> str:
    name = TRANSACTION_NAMES.get(code, f"an X12 {code or 'unknown'} transaction")
    return (f"This file is {name}, not an 835 remittance. Only 835 remittance files "
            "(health care claim payment/advice) can be opened here.")


def load(path: Path, progress: Progress | None = None) -> tuple[RemitFile, str]:
    """Read, decode and parse one file (a worker thread's job); the text is returned for
    the validator and dropped by the caller once validation is done."""
    text = decode(read_file(path))
    return parse_835(text, progress), text
