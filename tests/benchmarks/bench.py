"""`make bench` / `python -m tests.benchmarks.bench`: the figures of issue 9.

Runs, on one sandbox seeded with a million claims (seeded once, then reused from the
cache folder): start-up against a minimal PySide6 window, 200 searches beside the
sandbox's handler time, its bare database time and a bare kept-alive `requests` session
making the same calls, a 100,000-claim result scrolled to the end, batch status of 500
and 5,000 claim numbers (issue 16), and the longest GUI-thread stalls; then the same
searches on a sandbox of 20,000 claims (`--also-claims`). Prints a table and writes the
same figures
as JSON to bench-results/bench-YYYYMMDD-HHMMSS.json. Each measurement that needs a clean
memory figure runs in a child process of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from tests.benchmarks import report, workload
from tests.benchmarks.stats import machine, ratio, summary
from tests.conftest import Sandbox, start_sandbox, stop_sandbox

ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 1800
BATCH_SIZES = (500, 5000)


def _child_env() -> dict[str, str]:
    """Every child runs from compiled bytecode, as an installed copy does.

    The bundle and the .deb ship compiled modules (Python's own and the installed
    packages' are compiled where they lie); a checkout run with PYTHONDONTWRITEBYTECODE
    (set on some build machines, and on CI) would compile each module of the project the
    first time it is imported: ~100 ms at start-up, and 10 ms or more the first time a
    dialog or screen opens, which no clerk waits for. The project's modules are compiled
    once per run, to the usual `__pycache__` folders (ignored by git).
    """
    _compile_project()
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@functools.cache
def _compile_project() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "desktop", "tests"],
                   cwd=ROOT, env=env, check=True)


def current_policy(sb: Sandbox) -> str:
    s = requests.Session()
    s.trust_env = False
    try:
        answer = s.get(f"{sb.url}/policy", verify=sb.ca_bundle, timeout=30)
        answer.raise_for_status()
        return str(answer.json()["version"])
    finally:
        s.close()


def config_dir(root: Path, name: str, policy_version: str) -> Path:
    """A settings folder whose last seen policy is current: no first-launch dialog."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(
        json.dumps({"last_seen_policy_version": policy_version}) + "\n")
    return folder


def start_once(kind: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "tests.benchmarks.startup_child", kind, *args]
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child {kind} failed ({done.returncode}): "
                           f"{done.stderr[-1500:]}")
    line = json.loads(lines[-1])
    if line.get("first_frame_monotonic") is None:
        raise RuntimeError(f"start-up child {kind} never painted its first frame: {line}")
    line["ms"] = (line["first_frame_monotonic"] - started) * 1000.0
    line["idle_ms"] = (line["idle_monotonic"] - started) * 1000.0
    if kind == "app" and not (line.get("shown") and line.get("answered")):
        raise RuntimeError(f"the app did not reach an idle sign-in screen: {line}")
    return line


def startup(sb: Sandbox, runs: int, tmp: Path, policy: str) -> dict[str, Any]:
    app_runs: list[dict[str, Any]] = []
    minimal_runs: list[dict[str, Any]] = []
    env = _child_env()

    def app_args(i: int) -> list[str]:
        return ["--portal-url", sb.url, "--ca-bundle", sb.ca_bundle,
                "--config-dir", str(config_dir(tmp, f"startup-{i}", policy))]

    # Warm-up, not measured: the file cache.
    start_once("minimal", [], env)
    start_once("app", app_args(-1), env)
    for i in range(runs):  # interleaved, so that load changes hit both alike
        app_runs.append(start_once("app", app_args(i), env))
        minimal_runs.append(start_once("minimal", [], env))
    app_ms = summary([r["ms"] for r in app_runs])
    minimal_ms = summary([r["ms"] for r in minimal_runs])
    answered_ms = summary([r["idle_ms"] for r in app_runs])
    app_mem = max(r["peak_rss_mib"] for r in app_runs)
    minimal_mem = max(r["peak_rss_mib"] for r in minimal_runs)
    return {"runs": runs, "app_ms": app_ms, "minimal_ms": minimal_ms,
            "time_ratio": ratio(app_ms["median"], minimal_ms["median"]),
            "app_policy_answered_ms": answered_ms,
            "policy_answered_ratio": ratio(answered_ms["median"], minimal_ms["median"]),
            "app_peak_rss_mib": app_mem, "minimal_peak_rss_mib": minimal_mem,
            "memory_ratio": ratio(app_mem, minimal_mem),
            "app_runs_ms": [round(r["ms"], 1) for r in app_runs],
            "minimal_runs_ms": [round(r["ms"], 1) for r in minimal_runs]}


def run_client(sb: Sandbox, tmp: Path, policy: str, specs: list[workload.SearchSpec],
               large: workload.SearchSpec, mode: str = "full") -> dict[str, Any]:
    user = sb.demo_users[0]
    cfg = {"url": sb.url, "ca_bundle": sb.ca_bundle, "mode": mode,
           "config_dir": str(config_dir(tmp, "client", policy)),
           "user": {"username": user["username"], "password": user["password"]},
           "searches": workload.specs_to_json(specs), "large": workload.specs_to_json([large])[0]}
    cfg_path, out_path = tmp / "client.json", tmp / "client-result.json"
    cfg_path.write_text(json.dumps(cfg))
    cmd = [sys.executable, "-m", "tests.benchmarks.client_child", str(cfg_path), str(out_path)]
    done = subprocess.run(cmd, cwd=ROOT, env=_child_env(), capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, check=False)
    if done.returncode != 0 or not out_path.exists():
        raise RuntimeError(f"client child failed ({done.returncode}): {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out_path.read_text())
    return result


def batch_lists(conn: Any, org: int, sizes: tuple[int, ...]) -> list[list[str]]:
    """Lists of the clerk's own claim numbers (fixed seed), one in 50 of another office
    and one in 100 unknown, as an aging report would mix them."""
    rng = random.Random(16)
    mine = [r[0] for r in conn.execute(
        "SELECT claim_number FROM claims WHERE org_id = ? ORDER BY id LIMIT 20000", (org,))]
    theirs = [r[0] for r in conn.execute(
        "SELECT claim_number FROM claims WHERE org_id != ? ORDER BY id LIMIT 2000", (org,))]
    out = []
    for size in sizes:
        picked = rng.sample(mine, min(len(mine), size - size // 50 - size // 100))
        picked += rng.sample(theirs, min(len(theirs), size // 50))
        # Unknown numbers make up the rest (a small sandbox has too few claims of its own).
        picked += [str(9 * 10**12 + n) for n in range(size - len(picked))]
        rng.shuffle(picked)
        out.append(picked)
    return out


def run_batch(sb: Sandbox, tmp: Path, policy: str, lists: list[list[str]]) -> dict[str, Any]:
    user = sb.demo_users[0]
    cfg = {"url": sb.url, "ca_bundle": sb.ca_bundle,
           "config_dir": str(config_dir(tmp, "batch", policy)),
           "user": {"username": user["username"], "password": user["password"]},
           "lists": lists}
    cfg_path, out_path = tmp / "batch.json", tmp / "batch-result.json"
    cfg_path.write_text(json.dumps(cfg))
    cmd = [sys.executable, "-m", "tests.benchmarks.batch_child", str(cfg_path), str(out_path)]
    done = subprocess.run(cmd, cwd=ROOT, env=_child_env(), capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, check=False)
    if done.returncode != 0 or not out_path.exists():
        raise RuntimeError(f"batch child failed ({done.returncode}): {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out_path.read_text())
    return result


def clean(value: Any) -> Any:
    """NaN is not JSON: say null instead."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def search_figures(client: dict[str, Any], floor: list[dict[str, float]]) -> dict[str, Any]:
    """The searches of one client run beside the database floor of the same searches."""
    per = client["searches"]["per_search"]
    for row, fl in zip(per, floor, strict=True):
        row.update(db_ms=round(fl["db_ms"], 3), db_and_json_ms=round(fl["db_and_json_ms"], 3),
                   db_rows=fl["rows"])
    ok = [p for p in per if "error" not in p]
    s = client["searches"]
    search = {k: s[k] for k in ("count", "failed", "client_ms", "rows_in_model_ms", "paint_ms",
                                "handler_ms", "round_trip_ms", "bare_ms", "bare_handler_ms",
                                "client_to_bare_per_search", "stall_ms",
                                "longest_stall_cpu_ms", "rows_listed")}
    search.update(db_ms=summary([p["db_ms"] for p in ok]),
                  db_and_json_ms=summary([p["db_and_json_ms"] for p in ok]),
                  tls_connections_opened=s.get("tls_connections_opened"),
                  tls_connections_total=client.get("tls_connections"))
    search["client_to_handler"] = ratio(search["client_ms"]["median"],
                                        search["handler_ms"]["median"])
    search["client_to_bare"] = ratio(search["client_ms"]["median"], search["bare_ms"]["median"])
    search["handler_to_db"] = ratio(search["handler_ms"]["median"], search["db_ms"]["median"])
    search["per_search"] = per
    return search


def searches_on(size: int, args: argparse.Namespace, tmp: Path,
                today: dt.date) -> dict[str, Any]:
    """The same kind of searches on a sandbox of another size (sign-in and searches only)."""
    data, seeding = workload.prepare_data(args.cache_dir, size)
    sb = start_sandbox(data, "--claims", str(size), "--rate-limit", "0")
    try:
        policy = current_policy(sb)
        conn = workload.read_only(data)
        try:
            org = workload.org_of(conn, sb.demo_users[0]["username"])
            specs = workload.make_searches(conn, org, args.searches, today)
        finally:
            conn.close()
        _say(f"client: {len(specs)} searches on {size:,} claims")
        folder = tmp / f"size-{size}"
        folder.mkdir()
        client = run_client(sb, folder, policy, specs, specs[0], mode="searches")
        floor = workload.floor(data, org, specs, today)
    finally:
        stop_sandbox(sb)
    out = search_figures(client, floor)
    out["seeding"] = seeding
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date()
    r: dict[str, Any] = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                         "machine": machine(),
                         "command": "make bench  (python -m tests.benchmarks.bench)",
                         "parameters": {"claims": args.claims, "searches": args.searches,
                                        "large_rows": args.large_rows,
                                        "also_claims": args.also_claims,
                                        "startup_runs": args.startup_runs}}
    data, r["seeding"] = workload.prepare_data(args.cache_dir, args.claims)
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp_name:
        tmp = Path(tmp_name)
        sb = start_sandbox(data, "--claims", str(args.claims), "--rate-limit", "0")
        try:
            policy = current_policy(sb)
            _say(f"start-up: {args.startup_runs} runs of the app and of a minimal window")
            r["startup"] = startup(sb, args.startup_runs, tmp, policy)
            conn = workload.read_only(data)
            try:
                org = workload.org_of(conn, sb.demo_users[0]["username"])
                specs = workload.make_searches(conn, org, args.searches, today)
                large, large_count = workload.large_range(conn, org, args.large_rows, today)
                lists = batch_lists(conn, org, BATCH_SIZES)
            finally:
                conn.close()
            _say(f"batch status of {' and '.join(f'{n:,}' for n in BATCH_SIZES)} numbers")
            r["batch"] = run_batch(sb, tmp, policy, lists)
            _say(f"client: sign-in, policy dialog, {large_count:,}-claim result, "
                 f"{len(specs)} searches, detail")
            client = run_client(sb, tmp, policy, specs, large)
            _say("sandbox floor: the same searches straight against the database")
            floor = workload.floor(data, org, specs, today)
        finally:
            stop_sandbox(sb)
        search = search_figures(client, floor)
        r["search_by_claims"] = {str(args.claims): {k: v for k, v in search.items()
                                                    if k != "per_search"}}
        for size in args.also_claims:
            other = searches_on(size, args, tmp, today)
            other.pop("per_search")
            r["search_by_claims"][str(size)] = other
    per = search.pop("per_search")
    r["search"] = search
    r["large"] = client["large"]
    r["responsiveness"] = {
        "sign_in": client["sign_in"]["stall_ms"],
        "search": max(v["stall_ms"]["max"] for v in r["search_by_claims"].values()),
        "detail": client["detail"].get("stall_ms"),
        "policy_dialog": client["policy_dialog"]["stall_ms"],
        "large": client["large"]["stall_ms"],
        "batch": max(b["stall_ms"] for b in r["batch"]["runs"]),
    }
    r["durations_ms"] = {"sign_in": client["sign_in"]["ms"], "detail": client["detail"].get("ms"),
                         "policy_dialog": client["policy_dialog"]["ms"]}
    r["client_memory_mib"] = {k: client.get(k) for k in
                              ("rss_signed_out_mib", "peak_rss_signed_in_mib", "peak_rss_end_mib")}
    r["per_search"] = per
    r["goals"] = report.goals(r)
    return clean(r)


def _say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench", description=__doc__)
    p.add_argument("--claims", type=int, default=1_000_000, help="claims in the sandbox")
    p.add_argument("--searches", type=int, default=200)
    p.add_argument("--large-rows", type=int, default=100_000,
                   help="size of the result scrolled to the end")
    p.add_argument("--also-claims", type=int, nargs="*", default=[20_000],
                   help="other sandbox sizes the searches run on too")
    p.add_argument("--startup-runs", type=int, default=11)
    p.add_argument("--cache-dir", type=Path, default=ROOT / "bench-results" / "cache",
                   help="seeded sandbox data folders are kept here between runs")
    p.add_argument("--out", type=Path, default=ROOT / "bench-results",
                   help="folder of the JSON reports")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _say(f"machine has {os.cpu_count()} CPUs; figures are noisy if other work runs")
    result = run(args)
    path = report.write(result, args.out)
    print(report.table(result))
    print(f"\nJSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
