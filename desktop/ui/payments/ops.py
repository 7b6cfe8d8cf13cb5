"""The Payments screen's operation kinds (also what `resume()` has left to do)."""

from __future__ import annotations

from enum import Enum, auto

FIRST_PAGE = 100
NEXT_PAGE = 200


class Op(Enum):
    SEARCH = auto()
    MORE = auto()
    OPEN = auto()
    CLAIM = auto()
    FILE = auto()
    VALIDATE = auto()
    EXPORT = auto()
