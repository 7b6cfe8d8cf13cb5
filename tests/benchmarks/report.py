"""The report: goals of issues 9 and 18 checked against the figures, a table, the JSON file."""

from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

GOAL_STALL_MS = 50.0


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not math.isnan(value) else None


def goals(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Each goal: what it is, the figure, the limit, and whether it is met."""
    out: list[dict[str, Any]] = []

    def goal(name: str, value: Any, limit: float, unit: str) -> None:
        v = _num(value)
        out.append({"goal": name, "value": v, "limit": limit, "unit": unit,
                    "met": v is not None and v <= limit})

    start = r.get("startup", {})
    goal("start-up within 1.5x the minimal window", start.get("time_ratio"), 1.5, "x")
    goal("memory at sign-in within 2x the minimal window", start.get("memory_ratio"), 2.0, "x")
    for size, search in r.get("search_by_claims", {}).items():
        claims = f"{int(size):,} claims"
        goal(f"median search within 1.5x a bare requests client ({claims})",
             search.get("client_to_bare"), 1.5, "x")
        goal(f"median search within 2x the handler time ({claims})",
             search.get("client_to_handler"), 2.0, "x")
    large = r.get("large", {})
    goal("100k rows with peak memory under 250 MiB", large.get("peak_rss_mib"), 250.0, "MiB")
    for run in r.get("batch", {}).get("runs", []):
        n = run["numbers"]
        goal(f"batch status of {n:,} numbers end to end",
             run.get("last_rows_ms"), 1000.0 if n <= 500 else 5000.0, "ms")
    for key, label in (("sign_in", "sign-in"), ("search", "a search"),
                       ("detail", "a detail open"), ("policy_dialog", "a policy dialog"),
                       ("large", "scrolling 100k rows"), ("batch", "a batch status")):
        goal(f"no GUI stall over 50 ms: {label}",
             r.get("responsiveness", {}).get(key), GOAL_STALL_MS, "ms")
    return out


def _f(value: Any, digits: int = 1) -> str:
    v = _num(value)
    return "n/a" if v is None else f"{v:,.{digits}f}"


def table(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        f"Claims Desktop benchmarks, {r['date']}",
        f"Machine: {m['cpu_count']} CPUs ({m['cpu_model']}), {_f(m['memory_mib'], 0)} MiB, "
        f"Python {m['python']}, PySide6 {m['pyside6']} / Qt {m['qt']}, SQLite {m['sqlite']}, "
        f"load at start {m['load_average_at_start']}",
    ]
    seed = r["seeding"]
    how = "seeded now" if seed.get("seeded_now") else "cached data folder"
    lines.append(f"Sandbox: {seed['claims']:,} claims ({how}; seeding took "
                 f"{_f(seed.get('seconds'))} s"
                 f"{', on ' + seed['date'] if seed.get('date') else ''})")
    s = r["startup"]
    lines += [
        "",
        f"1. Start-up to the first frame of the sign-in screen (median of {s['runs']} runs)",
        f"   app {_f(s['app_ms']['median'])} ms  |  minimal window "
        f"{_f(s['minimal_ms']['median'])} ms  |  ratio {_f(s['time_ratio'], 2)}x",
        f"   app until the first policy fetch is answered (issue 9's 'idle sign-in "
        f"screen'): {_f(s['app_policy_answered_ms']['median'])} ms  |  ratio "
        f"{_f(s['policy_answered_ratio'], 2)}x",
        f"   peak memory: app {_f(s['app_peak_rss_mib'])} MiB  |  minimal "
        f"{_f(s['minimal_peak_rss_mib'])} MiB  |  ratio {_f(s['memory_ratio'], 2)}x",
    ]
    for size, q in r["search_by_claims"].items():
        lines += _search_lines(int(size), q)
    g = r["large"]
    lines += ["", f"3. Large result: {g['rows']:,} of {g['total']:,} claims through fetchMore "
              f"({g['pages']} pages of 500)",
              f"   total {_f(g['ms'] / 1000, 2)} s (first page {_f(g['first_page_ms'])} ms; "
              f"page handler median {_f(g['page_handler_ms']['median'])} ms, round trip "
              f"{_f(g['page_round_trip_ms']['median'])} ms)",
              f"   peak memory {_f(g['peak_rss_mib'])} MiB (before the search "
              f"{_f(g['rss_before_mib'])} MiB resident); longest stall {_f(g['stall_ms'])} ms "
              f"(GUI thread busy {_f(g.get('stall_cpu_ms'))} ms of it)"]
    b = r.get("batch")
    if b:
        lines += ["", "6. Batch status (pasted, Check pressed -> rows in the table)",
                  f"   {'numbers':>9}{'first rows':>12}{'last rows':>11}{'chunks':>8}"
                  f"{'handler/chunk':>15}{'trip/chunk':>12}{'stall':>8}{'peak':>9}"]
        for run in b["runs"]:
            lines.append(
                f"   {run['numbers']:>9,}{_f(run['first_rows_ms']):>10} ms"
                f"{_f(run['last_rows_ms']):>8} ms{run['chunks']:>8}"
                f"{_f(run['handler_ms_per_chunk']['median']):>12} ms"
                f"{_f(run['round_trip_ms_per_chunk']['median']):>9} ms"
                f"{_f(run['stall_ms']):>5} ms{_f(run['peak_rss_mib']):>6} MiB")
    rs = r["responsiveness"]
    lines += ["", "4. Longest GUI-thread stall (10 ms heartbeat)",
              "   " + "  |  ".join(f"{k.replace('_', ' ')} {_f(v)} ms" for k, v in rs.items())]
    lines += ["", "Goals:"]
    for g2 in r["goals"]:
        mark = "met   " if g2["met"] else "MISSED"
        lines.append(f"   [{mark}] {g2['goal']}: {_f(g2['value'], 2)} {g2['unit']} "
                     f"(limit {g2['limit']:g})")
    return "\n".join(lines)


def _search_lines(claims: int, q: dict[str, Any]) -> list[str]:
    lines = ["", f"2. Search latency on {claims:,} claims, {q['count']} searches "
             f"({q['failed']} failed), first page of up to 100 rows; new TLS connections "
             f"during them: {q['tls_connections_opened']}",
             f"   {'':34}{'median':>10}{'p95':>10}{'max':>10}  ms"]
    for key, label in (("db_ms", "database (SQL only)"), ("db_and_json_ms", "database + JSON"),
                       ("handler_ms", "handler (Server-Timing)"),
                       ("bare_ms", "bare requests: call -> JSON"),
                       ("round_trip_ms", "client: HTTPS round trip"),
                       ("rows_in_model_ms", "client: call -> in model"),
                       ("paint_ms", "client: the paint itself"),
                       ("client_ms", "client: call -> painted")):
        v = q[key]
        lines.append(f"   {label:34}{_f(v['median'], 2):>10}{_f(v['p95'], 2):>10}"
                     f"{_f(v['max'], 2):>10}")
    lines.append(f"   client / bare requests (medians): {_f(q['client_to_bare'], 2)}x "
                 f"(per search, median {_f(q['client_to_bare_per_search']['median'], 2)}x)  |  "
                 f"client / handler: {_f(q['client_to_handler'], 2)}x  |  "
                 f"longest stall {_f(q['stall_ms']['max'])} ms "
                 f"(GUI thread busy {_f(q.get('longest_stall_cpu_ms'))} ms of it)")
    return lines


def write(r: dict[str, Any], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = out_dir / f"bench-{stamp}.json"
    path.write_text(json.dumps(r, indent=1, default=str) + "\n")
    return path
