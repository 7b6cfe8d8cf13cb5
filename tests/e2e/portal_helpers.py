"""Shared plumbing for the portal contract tests (tests/e2e/test_sandbox_*.py).

The contract tests talk to a real `python -m sandbox serve` process over real TLS
with plain `requests`, so that they check the wire contract (PORTAL_API.md) and
nothing of the desktop client. Fresh users are registered per test so that the
shared session sandbox is never changed in a way other tests could notice.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import re
import secrets
import sqlite3
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.conftest import Sandbox, start_sandbox, stop_sandbox

TIMEOUT = (5.0, 30.0)
ROOT = Path(__file__).resolve().parents[2]

# A 555-01xx number: reserved for fiction.
DEFAULT_PHONE = "202-555-0143"


def http_session(sb: Sandbox) -> requests.Session:
    """A requests session that trusts only the sandbox's CA and ignores the environment."""
    s = requests.Session()
    s.verify = sb.ca_bundle
    s.trust_env = False  # REQUESTS_CA_BUNDLE, .netrc and proxies must not change what we test
    return s


_pools: dict[str, requests.Session] = {}


def pooled_session(sb: Sandbox) -> requests.Session:
    """One keep-alive connection pool per sandbox: a TLS handshake per call made runs slow.

    Safe to share because nothing here uses cookies: the token travels in each request.
    """
    if sb.url not in _pools:
        _pools[sb.url] = http_session(sb)
    return _pools[sb.url]


def close_pool(sb: Sandbox) -> None:
    """Drop idle keep-alive connections: the sandbox waits for them when it stops."""
    pool = _pools.pop(sb.url, None)
    if pool is not None:
        pool.close()


@pytest.fixture(autouse=True, scope="module")
def close_pools_after_module() -> Iterator[None]:
    """Import into a test module to close its connections when it ends.

    The sandbox gives open TLS connections its whole graceful-shutdown time (5 s) when it
    stops, so idle pooled connections must not outlive the modules that made them.
    """
    yield
    for pool in _pools.values():
        pool.close()
    _pools.clear()


@dataclass
class Client:
    """A thin wrapper: base URL, optional bearer token, never follows redirects."""

    sb: Sandbox
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def http(self) -> requests.Session:
        return pooled_session(self.sb)

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        token: str | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        hdrs = {**self.headers, **(headers or {})}
        bearer = token if token is not None else self.token
        if bearer is not None and "Authorization" not in hdrs:
            hdrs["Authorization"] = f"Bearer {bearer}"
        url = path if path.startswith("https://") else self.sb.url + path
        return self.http.request(
            method, url, headers=hdrs, allow_redirects=False, timeout=TIMEOUT, **kwargs
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)


def assert_error(resp: requests.Response, status: int, code: str) -> dict[str, Any]:
    """Check the contract's error envelope and return its `error` object."""
    assert resp.status_code == status, (
        f"expected {status} {code}, got {resp.status_code}: {resp.text[:400]}"
    )
    assert resp.headers.get("Content-Type", "").startswith("application/json"), resp.headers
    body = resp.json()
    assert isinstance(body, dict) and "error" in body, body
    err = body["error"]
    assert err.get("code") == code, err
    assert isinstance(err.get("message"), str) and err["message"].strip(), err
    return dict(err)


def assert_clean_4xx(resp: requests.Response) -> dict[str, Any]:
    """A rejection that is the client's fault, in the contract's envelope."""
    assert 400 <= resp.status_code < 500, f"{resp.status_code}: {resp.text[:400]}"
    body = resp.json()
    assert isinstance(body.get("error"), dict), body
    assert isinstance(body["error"].get("code"), str), body
    assert isinstance(body["error"].get("message"), str), body
    return dict(body["error"])


def assert_keys(obj: Any, keys: set[str] | list[str]) -> None:
    """The object has exactly the fields the contract lists."""
    assert isinstance(obj, dict), obj
    assert set(obj) == set(keys), f"fields {sorted(obj)} != contract {sorted(keys)}"


def money(value: Any) -> Decimal:
    """Parse a contract money value: a decimal string, never a float."""
    assert isinstance(value, str), f"money must be a string, got {value!r}"
    assert _is_money(value), f"not a decimal money string: {value!r}"
    return Decimal(value)


def _is_money(value: str) -> bool:
    return re.fullmatch(r"-?\d+\.\d{2}", value) is not None


def unique_username(prefix: str = "e2e") -> str:
    """6-32 characters of [A-Za-z0-9._-], unique per call."""
    return f"{prefix}.{uuid.uuid4().hex[:16]}"[:32]


def new_password() -> str:
    """A fresh 24-character password; spaces included because the contract allows them."""
    return f"Fict {secrets.token_urlsafe(15)} pw"


def npi_check_digit(base9: str) -> str:
    """Luhn check digit over '80840' + the first nine NPI digits."""
    digits = [int(c) for c in "80840" + base9]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_npi(base9: str) -> str:
    return base9 + npi_check_digit(base9)


def bad_npi(npi: str) -> str:
    """The same NPI with a wrong check digit."""
    return npi[:9] + str((int(npi[9]) + 1) % 10)


_contracts_cache: dict[Path, list[dict[str, Any]]] = {}


def contracts(sb: Sandbox) -> list[dict[str, Any]]:
    """The contracted organizations, through the operator command (cached per data folder)."""
    if sb.data_dir not in _contracts_cache:
        out = sb.cli("contracts").stdout
        _contracts_cache[sb.data_dir] = json.loads(out)
    return _contracts_cache[sb.data_dir]


def contract_for_tin(sb: Sandbox, tin: str) -> dict[str, Any]:
    digits = tin.replace("-", "")
    for c in contracts(sb):
        if c["tin"].replace("-", "") == digits:
            return c
    raise AssertionError(f"no contract for TIN ending {digits[-4:]}")


def off_roster_npi(sb: Sandbox) -> str:
    """A well-formed NPI that is on no roster at all."""
    on_roster = {n for c in contracts(sb) for n in c["npis"]}
    for i in range(1000):
        npi = make_npi(f"19{i:07d}")
        if npi not in on_roster:
            return npi
    raise AssertionError("could not find an off-roster NPI")


def current_policy_version(sb: Sandbox) -> str:
    resp = Client(sb).get("/policy")
    assert resp.status_code == 200, resp.text
    return str(resp.json()["version"])


def registration_body(
    sb: Sandbox, contract: dict[str, Any] | None = None, /, **overrides: Any
) -> dict[str, Any]:
    """A valid registration for an on-roster NPI of `contract` (first contract by default)."""
    c = contract or contracts(sb)[0]
    body: dict[str, Any] = {
        "first_name": "Testa",
        "last_name": "Fictional",
        "email": "testa.fictional@example.com",
        "phone": DEFAULT_PHONE,
        "organization_name": c["organization_name"],
        "tin": c["tin"],
        "npi": c["npis"][0],
        "username": unique_username(),
        "password": new_password(),
    }
    body.update(overrides)
    if "accepted_policy_version" not in body:
        body["accepted_policy_version"] = current_policy_version(sb)
    return body


@dataclass
class User:
    username: str
    password: str
    status: str
    tin: str
    npi: str
    organization_name: str


def activate(sb: Sandbox, username: str) -> None:
    """What `python -m sandbox activate` does, in-process (a subprocess per user is slow)."""
    from sandbox import operator_cli

    with contextlib.redirect_stdout(io.StringIO()):
        operator_cli.activate(sb.data_dir, username)


def register(
    sb: Sandbox, contract: dict[str, Any] | None = None, /, *, approve: bool = True,
    **overrides: Any,
) -> User:
    """Register a fresh user and insist on 201.

    Registration never makes an account active at once (issue 13): in an office with
    users it waits for an administrator. With `approve` (the default) such a request is
    activated here, so that tests about something else can sign in; `status` is still
    what the registration answered.
    """
    body = registration_body(sb, contract, **overrides)
    resp = Client(sb).post("/registrations", json=body)
    assert resp.status_code == 201, f"registration failed: {resp.status_code} {resp.text[:400]}"
    if approve and resp.json()["status"] == "pending_approval":
        activate(sb, body["username"])
    return User(
        username=body["username"],
        password=body["password"],
        status=resp.json()["status"],
        tin=body["tin"],
        npi=body["npi"],
        organization_name=body["organization_name"],
    )


def sign_in_response(sb: Sandbox, username: str, password: str) -> requests.Response:
    return Client(sb).post("/sessions", json={"username": username, "password": password})


def sign_in(sb: Sandbox, username: str, password: str) -> Client:
    """Sign in and return a client carrying the token (no policy acceptance)."""
    resp = sign_in_response(sb, username, password)
    assert resp.status_code == 201, f"sign-in failed: {resp.status_code} {resp.text[:400]}"
    return Client(sb, token=resp.json()["token"])


def accept_current_policy(client: Client) -> None:
    version = current_policy_version(client.sb)
    resp = client.post("/policy/acceptances", json={"version": version})
    assert resp.status_code in (200, 201), resp.text


def sign_in_accepted(sb: Sandbox, username: str, password: str) -> Client:
    """Sign in and accept the current policy so that every endpoint is open."""
    client = sign_in(sb, username, password)
    accept_current_policy(client)
    return client


def fresh_client(sb: Sandbox, contract: dict[str, Any] | None = None) -> tuple[User, Client]:
    """A newly registered active user, signed in, with the current policy accepted."""
    user = register(sb, contract)
    assert user.status == "pending_approval", user
    return user, sign_in(sb, user.username, user.password)


def demo_contract(sb: Sandbox, index: int) -> dict[str, Any]:
    """The contract of demo user `index`, so fresh users land on a TIN that has claims."""
    demo = sb.demo_users[index]
    return contract_for_tin(sb, demo["tin"])


def demo_contracts_of_distinct_tins(sb: Sandbox) -> tuple[dict[str, Any], dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for demo in sb.demo_users:
        c = contract_for_tin(sb, demo["tin"])
        seen.setdefault(c["tin"].replace("-", ""), c)
    assert len(seen) >= 2, "the ready line must list demo users of two different TINs"
    first, second = list(seen.values())[:2]
    return first, second


# --- ground truth from the sandbox's own files -------------------------------------------


def sqlite_files(sb: Sandbox) -> list[Path]:
    """SQLite database files in the data folder (recognised by their header)."""
    found = []
    for path in sorted(sb.data_dir.rglob("*")):
        if path.is_file():
            with path.open("rb") as fh:
                if fh.read(16) == b"SQLite format 3\x00":
                    found.append(path)
    return found


@contextlib.contextmanager
def read_only_db(sb: Sandbox) -> Iterator[sqlite3.Connection]:
    """Open the sandbox's database read-only (the server keeps running)."""
    files = sqlite_files(sb)
    assert files, f"no SQLite file under the data folder: {list(sb.data_dir.iterdir())}"
    conn = sqlite3.connect(f"file:{files[0]}?mode=ro", uri=True, timeout=10)
    try:
        yield conn
    finally:
        conn.close()


def table_with_column(conn: sqlite3.Connection, column: str) -> str:
    """The name of the (first) table that has `column`; keeps tests schema-agnostic."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        cols = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
        if column in cols:
            return str(name)
    raise AssertionError(f"no table with a {column!r} column")


def count_users(sb: Sandbox) -> int:
    with read_only_db(sb) as conn:
        table = table_with_column(conn, "username")
        return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def all_data_bytes(sb: Sandbox) -> Iterator[tuple[Path, bytes]]:
    for path in sorted(sb.data_dir.rglob("*")):
        if path.is_file():
            yield path, path.read_bytes()


# --- private sandboxes ---------------------------------------------------------------------

_writes: Sandbox | None = None


def writes_sandbox() -> Sandbox:
    """One extra sandbox per test run, without a rate limit, for the write-heavy modules.

    The shared session sandbox keeps its default limit of 60 sign-ins and 60 registrations
    per minute per client address, and every e2e test in the run comes from 127.0.0.1: the
    hundreds of registrations and sign-ins the contract tests make would exhaust it and
    make other suites' sign-ins fail with 429. Started lazily, stopped when the test
    process exits (a module-level fixture cannot be shared across modules without conftest).
    """
    global _writes
    if _writes is None:
        tmp = tempfile.TemporaryDirectory(prefix="claims-sandbox-writes-")
        sb = start_sandbox(Path(tmp.name), "--claims", "200", "--rate-limit", "0")

        def stop() -> None:
            close_pool(sb)
            stop_sandbox(sb)
            tmp.cleanup()

        atexit.register(stop)
        _writes = sb
    return _writes



@contextlib.contextmanager
def private_sandbox(*extra: str, claims: int = 200) -> Iterator[Sandbox]:
    """A sandbox of our own for tests that change global state or need odd timeouts."""
    with tempfile.TemporaryDirectory(prefix="claims-sandbox-priv-") as tmp:
        sb = start_sandbox(Path(tmp), "--claims", str(claims), *extra)
        try:
            yield sb
        finally:
            close_pool(sb)
            stop_sandbox(sb)
            _contracts_cache.pop(sb.data_dir, None)


# --- claim search ground truth --------------------------------------------------------------

Claim = dict[str, Any]


@dataclass
class Page:
    items: list[Claim]
    next_cursor: str | None
    total: int


def search_body(params: dict[str, Any] | list[tuple[str, str]]) -> dict[str, Any]:
    """Query-style criteria (a dict or pairs) as the JSON body of POST /claims/search:
    `status` becomes a list, a whole-number `limit` a JSON integer."""
    pairs = list(params.items()) if isinstance(params, dict) else list(params)
    body: dict[str, Any] = {}
    for key, value in pairs:
        if key == "status":
            body.setdefault("status", []).append(value)
        elif key == "limit" and str(value).lstrip("-").isdigit():
            body[key] = int(value)
        else:
            body[key] = value
    return body


def post_search(
    client: Client, params: dict[str, Any] | list[tuple[str, str]]
) -> requests.Response:
    return client.request("POST", "/claims/search", json=search_body(params))


def get_page(client: Client, params: dict[str, Any] | list[tuple[str, str]]) -> Page:
    resp = post_search(client, params)
    assert resp.status_code == 200, f"{params}: {resp.status_code} {resp.text[:300]}"
    body = resp.json()
    assert set(body) == {"items", "next_cursor", "total"}, body.keys()
    assert isinstance(body["total"], int)
    return Page(body["items"], body["next_cursor"], body["total"])


def walk(
    client: Client, params: dict[str, Any] | list[tuple[str, str]] | None = None,
    limit: int = 500,
) -> list[Claim]:
    """Every page of a search; checks paging invariants along the way."""
    base = list(params.items()) if isinstance(params, dict) else list(params or [])
    base.append(("limit", str(limit)))
    items: list[Claim] = []
    cursor: str | None = None
    total: int | None = None
    for _ in range(10_000):
        query = base + ([("cursor", cursor)] if cursor else [])
        page = get_page(client, query)
        assert len(page.items) <= limit
        if total is None:
            total = page.total
        assert page.total == total, "total must not change between pages"
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
        assert page.items, "a page with a next_cursor must not be empty"
    ids = [c["claim_id"] for c in items]
    assert len(ids) == len(set(ids)), "paging returned duplicates"
    assert len(items) == total, f"walked {len(items)} claims, total said {total}"
    return items


def numbers(claims: Iterable[Claim]) -> set[str]:
    return {c["claim_number"] for c in claims}


def today_utc() -> date:
    return datetime.now(UTC).date()


def months_back(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    day = d.day
    while True:
        try:
            return date(y, m + 1, day)
        except ValueError:
            day -= 1


def db_claim_numbers(
    sb: Sandbox, tin: str, service_from: date, service_to: date
) -> set[str]:
    """Claim numbers the DB holds for `tin` with a first date of service in the range."""
    digits = tin.replace("-", "")
    with read_only_db(sb) as conn:
        rows = conn.execute(
            "SELECT c.claim_number FROM claims c JOIN organizations o ON o.id = c.org_id "
            "WHERE replace(o.tin, '-', '') = ? AND c.service_from BETWEEN ? AND ?",
            (digits, service_from.isoformat(), service_to.isoformat()),
        ).fetchall()
    return {str(r[0]) for r in rows}


def db_tin_of_claims(sb: Sandbox, claim_numbers: set[str]) -> set[str]:
    with read_only_db(sb) as conn:
        tins = set()
        for number in claim_numbers:
            row = conn.execute(
                "SELECT o.tin FROM claims c JOIN organizations o ON o.id = c.org_id "
                "WHERE c.claim_number = ?", (number,),
            ).fetchone()
            assert row is not None, "claim number not in the DB"
            tins.add(str(row[0]).replace("-", ""))
    return tins
