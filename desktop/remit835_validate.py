"""Validation of an 835 against the 005010X221A1 implementation guide, by pyx12.

pyx12's validator walks the guide's map (loops, required segments, code lists, element
lengths) and writes what it found as JSON; each finding becomes a `Problem` naming the
segment by its number in the file, the same numbering the reader uses. It is slower than
reading (about 30 s for 10,000 claims), so the screen shows the remittance first and
adds these findings when they arrive.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pyx12.params
import pyx12.x12n_document

from desktop.remit835 import Progress
from desktop.remit835_build import Problem, Severity

MAX_PROBLEMS = 500


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
