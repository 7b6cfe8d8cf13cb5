"""`make bench` (second part) / `python -m tests.benchmarks.bench_payments`: issue 17.

- An 835 with 10,000 claims (synthetic, written by the sandbox's own 835 writer) opened
  in the real Payments screen in a child process: time to the first claims on screen,
  time until the file is read, listed and validated by pyx12, peak memory, longest stall.
- Payment search and remittance latency through HTTPS, beside the sandbox's handler time
  (`Server-Timing`), on the same seeded sandbox as the claim benchmark.

Prints a table and writes bench-results/bench-payments-YYYYMMDD-HHMMSS.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import requests

from desktop.portal.payments import parse_payment_page, parse_remittance
from desktop.portal.wirejson import decode_json
from sandbox import fiction, payments_query, x12_835
from tests.benchmarks import workload
from tests.benchmarks.bench import ROOT, _child_env, current_policy
from tests.benchmarks.stats import machine, ratio, summary
from tests.conftest import Sandbox, start_sandbox, stop_sandbox

CHILD_TIMEOUT_S = 900


def synthetic_body(claims: int, seed: int = 17) -> dict[str, Any]:
    """A balanced remittance body of `claims` claims, 1-4 lines each (made-up people)."""
    rng = random.Random(seed)
    out, paid_total = [], Decimal(0)
    for n in range(claims):
        lines, billed_c, paid_c, pr_c = [], Decimal(0), Decimal(0), Decimal(0)
        for ln in range(1, rng.randint(1, 4) + 1):
            billed = Decimal(rng.randint(2000, 60000)) / 100
            allowed = (billed * Decimal(rng.randint(45, 85)) / 100).quantize(Decimal("0.01"))
            share = (allowed * Decimal("0.2")).quantize(Decimal("0.01"))
            adjustments = [{"group_code": "CO", "carc": "45", "amount": str(billed - allowed)},
                           {"group_code": "PR", "carc": "2", "amount": str(share)}]
            lines.append({"line_number": ln, "service_date": "2026-10-01",
                          "procedure_code": "99213", "modifiers": [], "units": 1,
                          "billed_amount": str(billed), "allowed_amount": str(allowed),
                          "paid_amount": str(allowed - share), "adjustments": adjustments,
                          "remarks": ["N4"] if rng.random() < 0.1 else []})
            billed_c, paid_c, pr_c = billed_c + billed, paid_c + allowed - share, pr_c + share
        paid_total += paid_c
        out.append({"claim_number": f"26275{n:08d}", "patient_control_number": f"PA{n:08d}",
                    "status_code": "1", "billed_amount": str(billed_c),
                    "paid_amount": str(paid_c), "patient_responsibility": str(pr_c),
                    "patient": {"first_name": rng.choice(fiction.FIRST_NAMES),
                                "last_name": rng.choice(fiction.LAST_NAMES),
                                "member_id": f"ZZ{rng.randrange(10**8, 10**9)}"},
                    "service_from": "2026-10-01", "service_to": "2026-10-01",
                    "adjustments": [], "remarks": [], "lines": lines})
    plb = [{"reason_code": "WO", "reference": "2600000000001", "amount": "125.00"},
           {"reason_code": "L6", "reference": "2600000000002", "amount": "-3.27"}]
    total = paid_total - Decimal("121.73")
    return {"method": "ACH", "trace_number": "EFT000000010000", "paid_date": "2026-11-02",
            "total_amount": str(total), "payer": {"name": "Sandbox Health Plan (fictional)"},
            "payee": {"name": "Sandbox Family Medicine", "npi": "1999999984"},
            "claims": out, "provider_adjustments": plb}


def write_835(path: Path, claims: int) -> None:
    body = synthetic_body(claims)
    path.write_text(x12_835.interchange(body, "990001234", payments_query.PAYER, 10000),
                    "ascii")


def open_file(path: Path, tmp: Path) -> dict[str, Any]:
    out = tmp / "remit-result.json"
    cmd = [sys.executable, "-m", "tests.benchmarks.remit_child", str(path), str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=_child_env(), capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, check=False)
    if not out.exists():
        raise RuntimeError(f"remit child failed ({done.returncode}): {done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _handler_ms(resp: requests.Response) -> float:
    timing = resp.headers.get("Server-Timing", "")
    return float(timing.split("dur=", 1)[1].split(",")[0]) if "dur=" in timing else float("nan")


def _session(sb: Sandbox) -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.verify = sb.ca_bundle
    user = sb.demo_users[0]
    answer = s.post(f"{sb.url}/sessions", json={"username": user["username"],
                                                "password": user["password"]}, timeout=30)
    answer.raise_for_status()
    s.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    s.post(f"{sb.url}/policy/acceptances", json={"version": current_policy(sb)}, timeout=30)
    return s


def criteria(rng: random.Random, traces: list[str], today: dt.date) -> dict[str, Any]:
    kind = rng.randrange(5)
    if kind == 0:
        return {}
    if kind == 1:
        start = today - dt.timedelta(days=rng.randint(30, 700))
        return {"paid_from": start.isoformat(),
                "paid_to": (start + dt.timedelta(days=rng.randint(7, 120))).isoformat()}
    if kind == 2:
        return {"trace_number": rng.choice(traces)}
    if kind == 3:
        return {"method": rng.choice(("ACH", "CHK"))}
    low = rng.randint(0, 2000)
    return {"amount_min": f"{low}.00", "amount_max": f"{low + rng.randint(50, 5000)}.00"}


def latency(sb: Sandbox, searches: int, opens: int) -> dict[str, Any]:
    s = _session(sb)
    rng, today = random.Random(9), dt.datetime.now(dt.UTC).date()
    first = s.post(f"{sb.url}/payments/search", json={"limit": 500}, timeout=30).json()
    traces = [p["trace_number"] for p in first["items"]] or ["NONE"]
    ids = [p["payment_id"] for p in first["items"]]
    client, handler, rows = [], [], 0
    for _ in range(searches):
        t = time.perf_counter()
        resp = s.post(f"{sb.url}/payments/search", json=criteria(rng, traces, today),
                      timeout=30)
        page = parse_payment_page(decode_json(resp.content))
        client.append((time.perf_counter() - t) * 1000)
        handler.append(_handler_ms(resp))
        rows += len(page.items)
    detail_client, detail_handler, x12_client, x12_handler, claims = [], [], [], [], 0
    for pid in ids[:opens]:
        t = time.perf_counter()
        resp = s.get(f"{sb.url}/payments/{pid}", timeout=30)
        remit = parse_remittance(decode_json(resp.content))
        detail_client.append((time.perf_counter() - t) * 1000)
        detail_handler.append(_handler_ms(resp))
        claims += len(remit.claims)
        t = time.perf_counter()
        resp = s.get(f"{sb.url}/payments/{pid}/x12-835", timeout=30)
        x12_client.append((time.perf_counter() - t) * 1000)
        x12_handler.append(_handler_ms(resp))
    s.close()
    search = {"count": searches, "rows": rows, "client_ms": summary(client),
              "handler_ms": summary(handler), "total_payments": first["total"]}
    search["client_to_handler"] = ratio(search["client_ms"]["median"],
                                        search["handler_ms"]["median"])
    return {"search": search,
            "open": {"count": len(detail_client), "claims": claims,
                     "client_ms": summary(detail_client), "handler_ms": summary(detail_handler)},
            "x12": {"client_ms": summary(x12_client), "handler_ms": summary(x12_handler)}}


def table(r: dict[str, Any]) -> str:
    f, s, o, x = r["file"], r["latency"]["search"], r["latency"]["open"], r["latency"]["x12"]
    return "\n".join([
        "| | Claims Desktop | Floor |",
        "|---|---|---|",
        f"| 835 with {f['claims']:,} claims ({f['file_mib']} MiB): first claims on screen "
        f"| {f['first_screen_ms']} ms | — |",
        f"| … read, listed and validated by pyx12 (complete) | {f['complete_ms']} ms, peak "
        f"{f['peak_rss_mib']} MiB (before {f['rss_before_mib']} MiB; checker process "
        f"{f['checker_peak_rss_mib']} MiB), longest GUI stall {f['longest_stall_ms']} ms "
        "| — |",
        f"| Payment search ({s['count']} mixed, {s['total_payments']:,} payments of the office) "
        f"| median {s['client_ms']['median']} ms, p95 {s['client_ms']['p95']} ms "
        f"| handler {s['handler_ms']['median']} ms ({s['client_to_handler']}×) |",
        f"| Open a payment (JSON, {o['count']} payments, {o['claims']:,} claims) "
        f"| median {o['client_ms']['median']} ms | handler {o['handler_ms']['median']} ms |",
        f"| The same as X12 835 | median {x['client_ms']['median']} ms "
        f"| handler {x['handler_ms']['median']} ms |",
    ])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_payments",
                                description=__doc__)
    p.add_argument("--claims", type=int, default=1_000_000, help="claims in the sandbox")
    p.add_argument("--file-claims", type=int, default=10_000)
    p.add_argument("--searches", type=int, default=200)
    p.add_argument("--opens", type=int, default=50)
    p.add_argument("--cache-dir", type=Path, default=ROOT / "bench-results" / "cache")
    p.add_argument("--out", type=Path, default=ROOT / "bench-results")
    args = p.parse_args(argv)
    r: dict[str, Any] = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                         "machine": machine(), "parameters": vars(args) | {
                             "cache_dir": str(args.cache_dir), "out": str(args.out)}}
    with tempfile.TemporaryDirectory(prefix="claims-bench-pay-") as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "big.835"
        write_835(path, args.file_claims)
        print(f"[bench] opening an 835 with {args.file_claims:,} claims", file=sys.stderr)
        r["file"] = open_file(path, tmp)
        data, r["seeding"] = workload.prepare_data(args.cache_dir, args.claims)
        sb = start_sandbox(data, "--claims", str(args.claims), "--rate-limit", "0")
        try:
            print(f"[bench] {args.searches} payment searches", file=sys.stderr)
            r["latency"] = latency(sb, args.searches, args.opens)
        finally:
            stop_sandbox(sb)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"bench-payments-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(r, indent=2, default=str) + "\n")
    print(table(r))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
