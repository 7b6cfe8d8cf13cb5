"""`bench_payments` on a tiny scale, so that its part of `make bench` cannot rot unnoticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks import bench_payments

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]


def test_tiny_payments_benchmark_reports_every_figure(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = bench_payments.main(["--claims", "3000", "--file-claims", "300", "--searches", "5",
                                "--opens", "3", "--cache-dir", str(tmp_path / "cache"),
                                "--out", str(tmp_path / "out")])
    assert code == 0
    [path] = (tmp_path / "out").glob("bench-payments-*.json")
    r = json.loads(path.read_text())
    f = r["file"]
    assert f["claims"] == 300 and f["problems"] == 0
    assert 0 < f["first_screen_ms"] <= f["complete_ms"]
    assert f["peak_rss_mib"] > 0 and f["checker_peak_rss_mib"] > 0
    s = r["latency"]["search"]
    assert s["count"] == 5 and s["client_ms"]["median"] > s["handler_ms"]["median"] > 0
    assert r["latency"]["open"]["count"] == 3
    assert "first claims on screen" in capsys.readouterr().out
