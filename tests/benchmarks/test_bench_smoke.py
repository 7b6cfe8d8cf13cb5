"""The benchmark's machinery on a tiny scale, so that `make bench` cannot rot unnoticed.

The real run (`make bench`) takes minutes on a million claims and is not part of
`make test`; this runs every phase against 3,000 claims and checks that the report
carries every figure the issue asks for.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.benchmarks import bench

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]


def _has_number(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(value)


def test_tiny_benchmark_reports_every_figure(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = bench.main(["--claims", "3000", "--searches", "5", "--large-rows", "300",
                       "--startup-runs", "1", "--also-claims", "2000", "--cache-dir", str(tmp_path / "cache"),
                       "--out", str(tmp_path / "out")])
    assert code == 0
    [path] = (tmp_path / "out").glob("bench-*.json")
    r = json.loads(path.read_text())

    m = r["machine"]
    assert m["cpu_count"] and m["memory_mib"] and m["python"] and m["qt"] and m["pyside6"]
    assert r["date"] and r["seeding"]["seeded_now"] and _has_number(r["seeding"]["seconds"])

    s = r["startup"]
    for key in ("time_ratio", "memory_ratio", "app_peak_rss_mib", "minimal_peak_rss_mib"):
        assert _has_number(s[key]), key
    assert _has_number(s["app_ms"]["median"]) and _has_number(s["minimal_ms"]["median"])
    assert s["app_policy_answered_ms"]["median"] >= s["app_ms"]["median"]  # frame first

    q = r["search"]
    assert q["count"] == 5 and q["failed"] == 0
    for key in ("client_ms", "rows_in_model_ms", "paint_ms", "handler_ms", "round_trip_ms",
                "bare_ms", "db_ms", "db_and_json_ms"):
        assert _has_number(q[key]["median"]) and _has_number(q[key]["p95"]), key
    assert _has_number(q["client_to_handler"]) and _has_number(q["client_to_bare"])
    assert q["client_ms"]["median"] > q["bare_ms"]["median"] > q["bare_handler_ms"]["median"]
    assert sorted(r["search_by_claims"]) == ["2000", "3000"]
    small = r["search_by_claims"]["2000"]
    assert small["count"] == 5 and small["failed"] == 0 and _has_number(small["client_to_bare"])
    assert q["client_ms"]["median"] > q["handler_ms"]["median"] > q["db_ms"]["median"] > 0
    assert q["tls_connections_opened"] == 0  # the connection is kept alive

    g = r["large"]
    assert g["rows"] == g["total"] >= 300 and g["error"] is None
    assert _has_number(g["ms"]) and _has_number(g["peak_rss_mib"]) and _has_number(g["stall_ms"])
    assert 0 <= g["stall_cpu_ms"] <= g["stall_ms"] + 10  # the busy part of the longest gap

    runs = r["batch"]["runs"]
    assert [b["numbers"] for b in runs] == [500, 5000]
    for b in runs:
        assert b["unchecked"] == 0 and b["found"] > 0 and b["chunks"] == b["numbers"] // 500
        for key in ("first_rows_ms", "last_rows_ms", "stall_ms", "peak_rss_mib"):
            assert _has_number(b[key]), key
        assert _has_number(b["handler_ms_per_chunk"]["median"])
        assert b["first_rows_ms"] <= b["last_rows_ms"]

    for key in ("sign_in", "search", "detail", "policy_dialog", "large", "batch"):
        assert _has_number(r["responsiveness"][key]), key
    assert len(r["goals"]) == 15 and all(isinstance(x["met"], bool) for x in r["goals"])
    printed = capsys.readouterr().out
    assert "Goals:" in printed and str(path) in printed
    assert "bare requests: call -> JSON" in printed and "on 2,000 claims" in printed
