"""Claim search: parameters -> one indexed SQL query with keyset paging.

Keyset paging (`WHERE (sort_key, id) < (last_key, last_id)`) instead of OFFSET keeps every
page as cheap as the first on a million claims and never repeats or skips a row between
pages. The cursor carries the last row's key, the resolved date range and the total, and is
signed with a per-sandbox secret so that a client cannot splice it onto another search.
"""

from __future__ import annotations

import base64
import calendar
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sandbox import codes
from sandbox.validation import FieldCollector, FieldError, check_date, npi_is_valid

SINGLE_PARAMS = (
    "claim_number", "member_id", "patient_last_name", "patient_first_name", "patient_dob",
    "service_from", "service_to", "billing_npi", "rendering_npi", "sort", "limit", "cursor",
)
SORTS: dict[str, tuple[str, bool]] = {
    "service_from": ("service_from", False),
    "-service_from": ("service_from", True),
    "billed_amount": ("billed", False),
    "-billed_amount": ("billed", True),
    "received_at": ("received_at", False),
    "-received_at": ("received_at", True),
}
DEFAULT_SORT = "-service_from"
# Checked in this order: the first criterion present picks the index (see db.CLAIM_INDEXES).
SELECTIVE_INDEXES: tuple[tuple[str, str], ...] = (
    ("claim_number", "claims_number"),
    ("member_id", "claims_org_member"),
    ("patient_dob", "claims_org_dob"),
    ("patient_last_name", "claims_org_name"),
    ("patient_first_name", "claims_org_first"),
)
# Without a selective criterion, walk the index of the sort key and stop after one page.
SORT_INDEXES: dict[str, str] = {
    "service_from": "claims_org_from",
    "billed": "claims_org_billed",
    "received_at": "claims_org_received",
}
# A status search matching at most this many claims reads them through the status index.
SPARSE_MATCHES = 20_000
DEFAULT_LIMIT, MAX_LIMIT = 100, 500
RANGE_MONTHS = 24
FAMILIES = frozenset("APFRE")
# Text columns compare as text; this upper bound sorts after every prefix extension.
PREFIX_END = "\U0010ffff"


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic, clamping the day (2026-03-31 - 1 month = 2026-02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def expand_status(value: str) -> list[str] | None:
    """`F` -> every F category; `f2` -> `F2`; anything else -> None."""
    value = value.strip().upper()
    if value in FAMILIES:
        return [c for c in codes.STATUS_CATEGORIES if c.startswith(value)]
    if value in codes.STATUS_CATEGORIES:
        return [value]
    return None


@dataclass
class Search:
    org_id: int
    sort_column: str
    descending: bool
    limit: int
    date_from: str
    date_to: str
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    digest: str = ""
    after: tuple[Any, int] | None = None
    total: int | None = None
    count_index: str | None = None
    has_status: bool = False
    has_npi: str | None = None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(secret: bytes, payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    mac = hmac.new(secret, raw, hashlib.sha256).digest()[:16]
    return f"{_b64(raw)}.{_b64(mac)}"


def decode_cursor(secret: bytes, token: str) -> dict[str, Any]:
    try:
        body, _, mac = token.partition(".")
        raw = _unb64(body)
        expected = hmac.new(secret, raw, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise ValueError("bad signature")
        payload = json.loads(raw)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise FieldError("This cursor is not valid. Start the search again.") from None
    if not isinstance(payload, dict):
        raise FieldError("This cursor is not valid. Start the search again.")
    return payload


def parse_search(
    query: Mapping[str, str],
    statuses: Sequence[str],
    org_id: int,
    secret: bytes,
    today: dt.date,
) -> Search:
    """Validate every parameter (one 422 listing all bad ones) and build the query."""
    fc = FieldCollector()
    values = {k: query[k].strip() for k in SINGLE_PARAMS if query.get(k, "").strip()}

    sort = values.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        fc.add("sort", "Must be one of: " + ", ".join(SORTS) + ".")
        sort = DEFAULT_SORT
    limit = DEFAULT_LIMIT
    if "limit" in values:
        text = values["limit"]
        if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_LIMIT:
            fc.add("limit", f"Must be a whole number from 1 to {MAX_LIMIT}.")
        else:
            limit = int(text)

    where: list[str] = []
    params: list[Any] = []
    categories: set[str] = set()
    for raw in statuses:
        if not raw.strip():
            continue
        expanded = expand_status(raw)
        if expanded is None:
            fc.add("status", "Use a status family (A, P, F, R, E) or a category such as F2.")
        else:
            categories.update(expanded)
    if categories:
        ordered = sorted(categories)
        where.append(f"category IN ({', '.join('?' * len(ordered))})")
        params.extend(ordered)
    if "claim_number" in values:
        where.append("claim_number = ?")
        params.append(values["claim_number"])
    if "member_id" in values:
        where.append("member_id = ?")
        params.append(values["member_id"].upper())
    for name, column in (("patient_last_name", "patient_last_key"),
                         ("patient_first_name", "patient_first_key")):
        if name in values:
            prefix = values[name].casefold()
            where.append(f"{column} >= ? AND {column} < ?")
            params.extend((prefix, prefix + PREFIX_END))
    if "patient_dob" in values:
        dob = fc.check("patient_dob", check_date, values["patient_dob"])
        where.append("patient_dob = ?")
        params.append(dob.isoformat() if dob else "")
    for name in ("billing_npi", "rendering_npi"):
        if name in values:
            if not npi_is_valid(values[name]):
                fc.add(name, "Enter a valid 10-digit NPI.")
            where.append(f"{name} = ?")
            params.append(values[name])

    start = fc.check("service_from", check_date, values.get("service_from", today.isoformat()))
    end = fc.check("service_to", check_date, values.get("service_to", today.isoformat()))

    digest_source = json.dumps(
        [org_id, sort, sorted(categories)] + [values.get(k) for k in SINGLE_PARAMS[:9]],
        separators=(",", ":"),
    )
    digest = hashlib.sha256(digest_source.encode("utf-8")).hexdigest()[:24]
    column, descending = SORTS[sort]
    search = Search(org_id, column, descending, limit, "", "", where, params, digest)
    search.count_index = _selective_index(values)
    search.has_status = bool(categories)
    search.has_npi = next((n for n in ("billing_npi", "rendering_npi") if n in values), None)

    if "cursor" in values:
        try:
            payload = decode_cursor(secret, values["cursor"])
            if payload.get("q") != digest:
                raise FieldError("This cursor belongs to a different search.")
            key, last_id, total = payload["k"], payload["i"], payload["t"]
            if not isinstance(last_id, int) or not isinstance(total, int):
                raise FieldError("This cursor is not valid. Start the search again.")
            search.after = (key, last_id)
            search.total = total
            search.date_from, search.date_to = str(payload["f"]), str(payload["e"])
        except FieldError as exc:
            fc.add("cursor", str(exc))
        except KeyError:
            fc.add("cursor", "This cursor is not valid. Start the search again.")
    if start is not None and end is not None and not search.date_from:
        if "service_from" not in values:
            start = add_months(end, -RANGE_MONTHS)
        if end < start:
            fc.add("service_to", "Must not be before service_from.")
        elif start < add_months(end, -RANGE_MONTHS):
            fc.add("service_from", f"The date range may cover at most {RANGE_MONTHS} months.")
        search.date_from, search.date_to = start.isoformat(), end.isoformat()
    fc.raise_if_any()
    return search


def _selective_index(values: Mapping[str, str]) -> str | None:
    """The index of the most selective criterion present, if any.

    SQLite's planner cannot know that a name prefix or a member id matches a handful of
    rows while the date range matches a hundred thousand, and on a million claims it picks
    the date index and sorts; naming the index keeps every such search in milliseconds.
    """
    for name, index in SELECTIVE_INDEXES:
        if name in values:
            return index
    return None


def cursor_for(search: Search, secret: bytes, last: Any, last_id: int, total: int) -> str:
    return encode_cursor(
        secret,
        {"q": search.digest, "k": last, "i": last_id, "t": total,
         "f": search.date_from, "e": search.date_to},
    )


def _where(search: Search) -> tuple[list[str], list[Any]]:
    where = ["org_id = ?", "service_from >= ?", "service_from <= ?", *search.where]
    params: list[Any] = [search.org_id, search.date_from, search.date_to, *search.params]
    return where, params


def count_sql(search: Search) -> tuple[str, list[Any]]:
    """COUNT over the whole search. Every SQL fragment here is a constant, never input."""
    where, params = _where(search)
    source = f"claims INDEXED BY {search.count_index}" if search.count_index else "claims"
    return f"SELECT COUNT(*) FROM {source} WHERE {' AND '.join(where)}", params  # noqa: S608


def page_index(search: Search, total: int) -> str:
    """Pick the index for one page, knowing how many rows match.

    Few matches: read them all through the filter index and sort (cheap). Many matches:
    walk the sort key's index and stop after one page (a match comes every few entries).
    """
    if search.count_index:
        return search.count_index
    if search.has_status and total <= SPARSE_MATCHES:
        return "claims_org_cat"
    if search.has_npi and search.sort_column == "service_from":
        return "claims_org_rnpi" if search.has_npi == "rendering_npi" else "claims_org_bnpi"
    return SORT_INDEXES[search.sort_column]


def page_sql(search: Search, columns: str, total: int) -> tuple[str, list[Any]]:
    where, params = _where(search)
    col = search.sort_column
    op, direction = ("<", "DESC") if search.descending else (">", "ASC")
    if search.after is not None:
        where.append(f"({col}, id) {op} (?, ?)")
        params.extend(search.after)
    order = f"ORDER BY {col} {direction}, id {direction}"
    # Deferred join: pick the page's ids inside the index (sorting only small keys), then
    # read just those rows; sorting whole rows would read every match from the table.
    sql = (
        f"SELECT {columns} FROM claims WHERE id IN ("  # noqa: S608
        f"SELECT id FROM claims INDEXED BY {page_index(search, total)} "
        f"WHERE {' AND '.join(where)} {order} LIMIT ?) {order}"
    )
    params.append(search.limit + 1)
    return sql, params
