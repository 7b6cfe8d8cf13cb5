"""Defensive JSON decoding and typed field access for portal answers.

The portal is trusted for content but not for shape: a proxy's error page, a
half-deployed server or an attacker on a broken TLS setup can send anything. So
decoding refuses what `json` would otherwise accept (NaN, Infinity, duplicate keys,
absurd numbers, very deep nesting), and every field read checks its type. Every
failure is an `UnexpectedResponse` whose `detail` names the field path and what was
expected, never the value (it could be patient data).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from itertools import chain, compress
from typing import Any, NoReturn

from desktop.portal.errors import UnexpectedResponse

MAX_DEPTH = 32
MAX_INT_DIGITS = 18
MAX_NUMBER_CHARS = 40
MAX_TEXT_CHARS = 1_000_000

_MONEY = re.compile(r"-?\d{1,15}(?:\.\d{1,4})?", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INSTANT = re.compile(
    r"(?P<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?P<frac>\d{1,9}))?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})",
    re.ASCII,
)


def schema_error(path: str, expected: str) -> NoReturn:
    raise UnexpectedResponse(detail=f"{path}: expected {expected}")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError("non-finite number")


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError("integer too large")
    return int(text)


def _parse_float(text: str) -> Decimal:
    # Exact, never a binary float: nothing on the wire should be a float, and if
    # something is, rounding it silently would be worse than keeping it exact.
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError("number too long")
    value = Decimal(text)
    if not value.is_finite() or abs(value.adjusted()) > MAX_INT_DIGITS:
        raise ValueError("number out of range")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() builds the object in C; a repeated key leaves it shorter than the pairs.
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


_CONTAINER = frozenset((dict, list)).__contains__
_IS_DICT = frozenset((dict,)).__contains__
_IS_LIST = frozenset((list,)).__contains__


def _check_depth(doc: object) -> None:
    """Refuse more than MAX_DEPTH levels of objects and arrays.

    Level by level, and only containers go on to the next level. Every step is a C
    iterator (`map`, `compress`, `chain`), so a page of results costs no Python-level
    step per value. The decoder builds exactly `dict` and `list`, nothing derived.
    """
    level: list[Any] = [doc] if _CONTAINER(type(doc)) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise UnexpectedResponse(detail="JSON nested too deeply")
        kinds = list(map(type, level))
        children = list(chain(
            chain.from_iterable(map(dict.values, compress(level, map(_IS_DICT, kinds)))),
            chain.from_iterable(compress(level, map(_IS_LIST, kinds))),
        ))
        level = list(compress(children, map(_CONTAINER, map(type, children))))


#: What `json.loads(text, **hooks)` would build on every call, built once.
_DECODER = json.JSONDecoder(
    parse_constant=_reject_constant,
    parse_int=_parse_int,
    parse_float=_parse_float,
    object_pairs_hook=_no_duplicates,
)


def decode_json(raw: bytes) -> Any:
    """Parse a response body, or raise `UnexpectedResponse`."""
    try:
        text = raw.decode("utf-8")
        doc = _DECODER.decode(text)
    except (ValueError, RecursionError, ArithmeticError) as exc:
        # UnicodeDecodeError and JSONDecodeError are ValueErrors; RecursionError comes
        # from nesting too deep for the C scanner; ArithmeticError from Decimal.
        raise UnexpectedResponse(detail=f"body is not valid JSON ({type(exc).__name__})") from None
    _check_depth(doc)
    return doc


class Obj:
    """A JSON object whose fields are read with their expected types."""

    __slots__ = ("_data", "_path")

    def __init__(self, value: object, path: str = "$") -> None:
        if not isinstance(value, dict):
            schema_error(path, "an object")
        self._data: dict[str, Any] = value
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str) -> Any:
        if key not in self._data:
            schema_error(f"{self._path}.{key}", "a value (missing)")
        return self._data[key]

    def _opt(self, key: str) -> Any:
        return self._data.get(key)

    def _at(self, key: str) -> str:
        return f"{self._path}.{key}"

    # --- scalars --------------------------------------------------------------------

    # Each reader first tries the common case inline (a value of the exact type that
    # passes): no field path is built and no further call made. Anything else goes
    # through the full check, which accepts or refuses exactly as before and names
    # the field. The decoder builds exact `str`, `int`, `bool`, `dict` and `list`.

    def text(self, key: str, *, nonempty: bool = False, max_len: int = MAX_TEXT_CHARS) -> str:
        value = self._data.get(key)
        if type(value) is str and len(value) <= max_len and (not nonempty or value.strip()):
            return value
        return check_text(self._get(key), self._at(key), nonempty=nonempty, max_len=max_len)

    def opt_text(self, key: str, *, max_len: int = MAX_TEXT_CHARS) -> str | None:
        value = self._data.get(key)
        if value is None or (type(value) is str and len(value) <= max_len):
            return value
        return check_text(value, self._at(key), max_len=max_len)

    def ident(self, key: str, *, max_len: int = 200) -> str:
        """An opaque id: text, or a non-negative JSON integer kept as text."""
        value = self._get(key)
        if type(value) is str and len(value) <= max_len and value.strip():
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return str(value)
        return check_text(value, self._at(key), nonempty=True, max_len=max_len)

    def one_of(self, key: str, allowed: Iterable[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            schema_error(self._at(key), "one of the documented values")
        return value

    def opt_one_of(self, key: str, allowed: Iterable[str]) -> str | None:
        return None if self._opt(key) is None else self.one_of(key, allowed)

    def integer(self, key: str, *, lo: int = 0, hi: int = 10**15) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            schema_error(self._at(key), f"an integer from {lo} to {hi}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            schema_error(self._at(key), "true or false")
        return value

    def number(self, key: str) -> Decimal:
        """A JSON number (integer or decimal), kept exact."""
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            schema_error(self._at(key), "a number")
        return Decimal(value)

    def money(self, key: str) -> Decimal:
        amount = money_or_none(self._data.get(key))
        return amount if amount is not None else check_money(self._get(key), self._at(key))

    def opt_money(self, key: str) -> Decimal | None:
        value = self._data.get(key)
        if value is None:
            return None
        amount = money_or_none(value)
        return amount if amount is not None else check_money(value, self._at(key))

    def day(self, key: str) -> date:
        day = day_or_none(self._data.get(key))
        return day if day is not None else check_date(self._get(key), self._at(key))

    def opt_day(self, key: str) -> date | None:
        value = self._opt(key)
        return None if value is None else self.day(key)

    def instant(self, key: str) -> datetime:
        parsed = instant_or_none(self._data.get(key))
        return parsed if parsed is not None else check_instant(self._get(key), self._at(key))

    def opt_instant(self, key: str) -> datetime | None:
        value = self._opt(key)
        if value is None:
            return None
        parsed = instant_or_none(value)
        return parsed if parsed is not None else check_instant(value, self._at(key))

    # --- containers -----------------------------------------------------------------

    def child(self, key: str) -> Obj:
        return Obj(self._get(key), self._at(key))

    def opt_child(self, key: str) -> Obj | None:
        value = self._opt(key)
        return None if value is None else Obj(value, self._at(key))

    def array(self, key: str, *, max_items: int = 100_000) -> Iterator[tuple[object, str]]:
        """Items of a list field with their paths, for per-item parsers."""
        return items_of(self._get(key), self._at(key), max_items=max_items)

    def texts(self, key: str, *, max_len: int = 1000) -> tuple[str, ...]:
        return tuple(check_text(v, p, max_len=max_len) for v, p in self.array(key))


def items_of(value: object, path: str, *, max_items: int = 100_000) -> Iterator[tuple[object, str]]:
    if not isinstance(value, list) or len(value) > max_items:
        schema_error(path, "a list")
    return ((item, f"{path}[{i}]") for i, item in enumerate(value))


def money_or_none(value: object) -> Decimal | None:
    """`check_money`'s value, or None where it would refuse (it then says why)."""
    if type(value) is str and _MONEY.fullmatch(value):
        return Decimal(value)
    return None


def day_or_none(value: object) -> date | None:
    """`check_date`'s value, or None where it would refuse (it then says why)."""
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_text(value: object, path: str, *, nonempty: bool = False,
               max_len: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str) or len(value) > max_len or (nonempty and not value.strip()):
        schema_error(path, "text")
    return value


def check_money(value: object, path: str) -> Decimal:
    if not isinstance(value, str) or not _MONEY.fullmatch(value):
        schema_error(path, "an amount as a decimal string")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        schema_error(path, "an amount as a decimal string")


def check_date(value: object, path: str) -> date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        schema_error(path, "a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        schema_error(path, "a valid calendar date")


def check_instant(value: object, path: str) -> datetime:
    match = _INSTANT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        schema_error(path, "an ISO 8601 instant with a time zone")
    parsed = instant_or_none(value)
    if parsed is None:
        schema_error(path, "a valid instant")
    return parsed


def instant_or_none(value: object) -> datetime | None:
    """`check_instant`'s value, or None where it would refuse (it then says why)."""
    match = _INSTANT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    base, frac, zone = match.group("base", "frac", "zone")
    # Python parses at most microseconds: trim finer digits rather than fail.
    text = base + (f".{frac[:6].ljust(6, '0')}" if frac else "")
    text += "+00:00" if zone == "Z" else zone
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.astimezone(UTC)
