"""The benchmark's data: a seeded sandbox (cached between runs), the searches, the floor.

The searches are drawn once, with a fixed random seed, from the signed-in clerk's own
claims, so that every kind of criterion finds something: exact claim numbers and member
ids, name prefixes, dates of birth, statuses, NPIs, date ranges, and mixes of them, with
several sort orders. The same list drives the client (through the search form) and the
sandbox floor (the sandbox's own query builder straight against its database).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.portal.claims import ClaimSearch
from desktop.validation import add_months
from sandbox import db
from sandbox.claims_query import count_sql, page_sql, parse_search
from sandbox.routes_claims import SUMMARY_COLUMNS, summary

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEED = 20261127
FIRST_PAGE = 100
SORTS = ("-service_from", "service_from", "-billed_amount", "billed_amount",
         "-received_at", "received_at")
SEEDING_RECORD = "bench-seeding.json"


@dataclass
class SearchSpec:
    """One search as the clerk would type it (dates ISO here, US format in the form)."""

    kind: str
    service_from: str
    service_to: str
    claim_number: str | None = None
    member_id: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    dob: str | None = None
    statuses: list[str] = field(default_factory=list)
    billing_npi: str | None = None
    rendering_npi: str | None = None
    sort: str = "-service_from"

    def criteria(self) -> ClaimSearch:
        day = dt.date.fromisoformat
        return ClaimSearch(
            claim_number=self.claim_number, member_id=self.member_id,
            patient_last_name=self.last_name, patient_first_name=self.first_name,
            patient_dob=day(self.dob) if self.dob else None,
            service_from=day(self.service_from), service_to=day(self.service_to),
            statuses=tuple(self.statuses), billing_npi=self.billing_npi,
            rendering_npi=self.rendering_npi)


# --- the sandbox's data folder --------------------------------------------------------


def prepare_data(cache_dir: Path, claims: int,
                 seed: int = DEFAULT_SEED) -> tuple[Path, dict[str, Any]]:
    """A data folder seeded with `claims` claims; seeded (and timed) only the first time.

    Seeding runs in a child process, exactly as `serve` does it, so its time is the
    sandbox's own; the record of it stays beside the database for later runs to report.
    """
    data = cache_dir / f"sandbox-{claims}-seed{seed}"
    record = data / SEEDING_RECORD
    if db.db_path(data).exists():
        info: dict[str, Any] = {"seeded_now": False, "claims": claims, "seconds": None}
        if record.exists():
            info.update(json.loads(record.read_text()), seeded_now=False)
        return data, info
    data.mkdir(parents=True, exist_ok=True)
    code = ("import sys; from pathlib import Path; from sandbox.server import prepare_data; "
            "prepare_data(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(data), str(claims), str(seed)],
                   cwd=ROOT, check=True, timeout=3600)
    seconds = round(time.perf_counter() - started, 1)
    info = {"seeded_now": True, "claims": claims, "seconds": seconds,
            "date": dt.datetime.now().isoformat(timespec="seconds")}
    record.write_text(json.dumps(info) + "\n")
    return data, info


def read_only(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{db.db_path(data)}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA mmap_size=268435456")
    return conn


def org_of(conn: sqlite3.Connection, username: str) -> int:
    return int(conn.execute("SELECT org_id FROM users WHERE username = ?",
                            (username,)).fetchone()[0])


# --- what to search for -----------------------------------------------------------------


def _two_years(today: dt.date) -> tuple[str, str]:
    return add_months(today, -24).isoformat(), today.isoformat()


def make_searches(conn: sqlite3.Connection, org_id: int, count: int,
                  today: dt.date, seed: int = 9) -> list[SearchSpec]:
    """`count` searches of mixed criteria over this organization's claims."""
    rng = random.Random(seed)
    start, end = _two_years(today)
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM claims INDEXED BY claims_org_from "
        "WHERE org_id = ? AND service_from BETWEEN ? AND ?", (org_id, start, end))]
    picked = rng.sample(ids, min(len(ids), max(count, 1)))
    marks = ",".join("?" * len(picked))
    rows = conn.execute(
        f"SELECT claim_number, member_id, patient_first, patient_last, patient_dob, "
        f"billing_npi, rendering_npi, category, service_from FROM claims WHERE id IN ({marks})",
        picked).fetchall()
    rows.sort(key=lambda r: r["claim_number"])
    rng.shuffle(rows)
    recent = (today - dt.timedelta(days=90)).isoformat()
    kinds = ("claim_number", "member_id", "last_name", "last_first", "dob", "status",
             "rare_status", "date_range", "npi", "name_status")
    out: list[SearchSpec] = []
    for i in range(count):
        r = rows[i % len(rows)]
        kind = kinds[i % len(kinds)]
        s = SearchSpec(kind=kind, service_from=start, service_to=end)
        if kind == "claim_number":
            s.claim_number = r["claim_number"]
        elif kind == "member_id":
            s.member_id = r["member_id"]
        elif kind == "last_name":
            s.last_name = r["patient_last"][: rng.randint(2, 5)]
        elif kind == "last_first":
            s.last_name, s.first_name = r["patient_last"], r["patient_first"][:2]
        elif kind == "dob":
            s.dob = r["patient_dob"]
        elif kind == "status":
            s.service_from = recent
            s.statuses = [rng.choice(("F", "P", "A", "F2", "R", "E", "F1"))]
        elif kind == "rare_status":
            s.statuses = [rng.choice(("E0", "R1", "A3", "P4", "F0"))]
        elif kind == "date_range":
            first = dt.date.fromisoformat(r["service_from"])
            s.service_from = first.isoformat()
            s.service_to = min(today, first + dt.timedelta(days=rng.randint(1, 45))).isoformat()
        elif kind == "npi":
            s.service_from = recent
            if rng.random() < 0.5:
                s.billing_npi = r["billing_npi"]
            else:
                s.rendering_npi = r["rendering_npi"]
        else:  # name_status
            s.last_name = r["patient_last"][:3]
            s.statuses = [rng.choice(("F", "P", "F2"))]
        if rng.random() < 0.4:
            s.sort = rng.choice(SORTS)
        out.append(s)
    return out


def large_range(conn: sqlite3.Connection, org_id: int, rows: int,
                today: dt.date) -> tuple[SearchSpec, int]:
    """The shortest date range ending today whose default search lists >= `rows` claims."""
    earliest = add_months(today, -24)
    per_day = conn.execute(
        "SELECT service_from, COUNT(*) FROM claims INDEXED BY claims_org_from "
        "WHERE org_id = ? AND service_from BETWEEN ? AND ? GROUP BY service_from "
        "ORDER BY service_from DESC", (org_id, earliest.isoformat(), today.isoformat()))
    total, start = 0, today.isoformat()
    for day, n in per_day:
        total += n
        start = day
        if total >= rows:
            break
    return SearchSpec(kind="large", service_from=start, service_to=today.isoformat()), total


def specs_to_json(specs: list[SearchSpec]) -> list[dict[str, Any]]:
    return [asdict(s) for s in specs]


def specs_from_json(items: list[dict[str, Any]]) -> list[SearchSpec]:
    return [SearchSpec(**item) for item in items]


# --- the floor: the sandbox's query builder, straight against its database --------------


def floor(data: Path, org_id: int, specs: list[SearchSpec], today: dt.date,
          repeat: int = 1) -> list[dict[str, float]]:
    """Per search: ms for the SQL alone (count + page) and for building the answer too."""
    conn = db.connect(db.db_path(data))
    secret = bytes.fromhex(db.get_meta(conn, "cursor_secret") or "00")
    out = []
    try:
        for spec in specs:
            body = spec.criteria().to_json()
            statuses = list(body.pop("status", []))
            query = {k: str(v) for k, v in body.items()}
            query.update(sort=spec.sort, limit=str(FIRST_PAGE))
            best_sql = best_all = float("inf")
            rows_found = 0
            for _ in range(repeat):
                t0 = time.perf_counter()
                search = parse_search(query, statuses, org_id, secret, today)
                total = int(conn.execute(*count_sql(search)).fetchone()[0])
                rows = conn.execute(*page_sql(search, SUMMARY_COLUMNS, total)).fetchall()
                t1 = time.perf_counter()
                body = json.dumps({"items": [summary(r) for r in rows[:FIRST_PAGE]],
                                   "total": total}).encode()
                t2 = time.perf_counter()
                best_sql = min(best_sql, (t1 - t0) * 1000)
                best_all = min(best_all, (t2 - t0) * 1000)
                rows_found = min(len(rows), FIRST_PAGE)
                del body
            out.append({"db_ms": best_sql, "db_and_json_ms": best_all, "rows": rows_found,
                        "total": total})
    finally:
        conn.close()
    return out
