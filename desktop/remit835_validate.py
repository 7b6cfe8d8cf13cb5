"""Validation of an 835 against the 005010X221A1 implementation guide, by pyx12.

pyx12's validator walks the guide's map (loops, required segments, code lists, element
lengths) and writes what it found as JSON; each finding becomes a `Problem` naming the
segment by its number in the file, the same numbering the reader uses. It is slower than
reading (about 30 s for 10,000 claims), so the screen shows the remittance first and
adds these findings when they arrive.

The screen runs it in a child process (`validate_in_child`), not a thread: thirty seconds
of pure-Python work in a thread would hold the GIL against the GUI thread, and every Qt
call the GUI makes would wait for it (the window would stutter for the whole check). The
text goes to the child through a pipe and only findings come back; nothing touches disk.
"""

from __future__ import annotations

import io
import json
import multiprocessing
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

import pyx12.params
import pyx12.x12n_document

from desktop.remit835 import Progress, collector_paused
from desktop.remit835_build import Problem, Severity

MAX_PROBLEMS = 500
CHILD_TIMEOUT_S = 900.0


class ValidationUnavailable(Exception):
    """The checker process could not run or stopped; the file itself was read fine."""


def _findings(node: Any, seg_id: str, number: int) -> Iterator[tuple[str, int, str]]:
    if isinstance(node, dict):
        seg_id = str(node.get("seg_id") or seg_id)
        line = node.get("cur_line")
        number = line if isinstance(line, int) else number
        for err in node.get("errors") or ():
            if isinstance(err, dict) and err.get("err_str"):
                yield seg_id, number, str(err["err_str"])
        for value in node.values():
            if isinstance(value, list | dict):
                yield from _findings(value, seg_id, number)
    elif isinstance(node, list):
        for item in node:
            yield from _findings(item, seg_id, number)


def validate(text: str, progress: Progress | None = None) -> tuple[Problem, ...]:
    """Everything the validator reports, in file order, at most `MAX_PROBLEMS`."""
    terminator = "~"
    expected = max(1, text.count(terminator))
    step = max(1, expected // 100)

    def seen(_seg: object, src: Any, _node: object, _valid: object) -> None:
        count = int(src.get_cur_line())
        if progress is not None and count % step == 0:
            progress(min(99, count * 100 // expected))

    out = io.StringIO()
    with collector_paused():
        valid = pyx12.x12n_document.x12n_document(
            pyx12.params.params(), io.StringIO(text), None, None, None, out, callback=seen)
    try:
        doc = json.loads(out.getvalue() or "null")
    except ValueError:
        doc = None
    found = sorted(set(_findings(doc, "ISA", 1)), key=lambda f: f[1])
    problems = [Problem(Severity.ERROR, number, seg_id, f"Not as the 835 guide requires: "
                        f"{message}") for seg_id, number, message in found[:MAX_PROBLEMS]]
    if not valid and not problems:
        problems.append(Problem(Severity.ERROR, 1, "ISA", "The file does not follow the "
                                "835 implementation guide (005010X221A1)."))
    if progress is not None:
        progress(100)
    return tuple(problems)


def _child(conn: Connection, text: str) -> None:
    """In the child process: progress messages, then the findings."""
    try:
        conn.send(("done", validate(text, lambda p: conn.send(("progress", p)))))
    except Exception as exc:  # noqa: BLE001  (reported to the parent by type only)
        conn.send(("failed", type(exc).__name__))
    finally:
        conn.close()


def validate_in_child(text: str, progress: Progress | None = None) -> tuple[Problem, ...]:
    """`validate` in a spawned process; blocks the calling (worker) thread, not the GIL."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, text), daemon=True,
                       name="claims-desktop-835-check")
    try:
        proc.start()
        sender.close()
        while True:
            if not receiver.poll(CHILD_TIMEOUT_S):
                raise ValidationUnavailable("the check took too long")
            kind, value = receiver.recv()
            if kind == "progress" and progress is not None:
                progress(int(value))
            elif kind == "done":
                return tuple(value)
            elif kind == "failed":
                raise ValidationUnavailable(f"the checker failed ({value})")
    except (EOFError, OSError) as exc:
        raise ValidationUnavailable("the checker stopped") from exc
    finally:
        receiver.close()
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
