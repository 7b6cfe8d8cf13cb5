"""The vocabulary every part of the report shares: a verdict, the exit codes, safe text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

EXIT_OK = 0
EXIT_PROBLEM = 1

#: The JSON-ready report (`--diagnose --json` prints it as is; schema 1).
Report = dict[str, Any]


@dataclass(frozen=True)
class Check:
    """One verdict. `status` is "ok", "warning" or "error" (error = a clerk is stopped)."""

    name: str
    status: str
    message: str


def clean(value: object, limit: int = 200) -> str:
    """Printable text only: values come from files, certificates and the portal.

    An escape sequence in a CA file name or a certificate subject must not repaint
    the terminal of the IT person reading the report.
    """
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
