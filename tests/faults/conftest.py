"""Fixtures of the fault catalogue, and the one-line count the closing note reports."""

from __future__ import annotations

from typing import Any

from tests.faults.harness import clean_proxy, fault_pki, fault_sandbox, proxy, windows

__all__ = ["clean_proxy", "fault_pki", "fault_sandbox", "proxy", "windows"]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    passed = [r for r in terminalreporter.stats.get("passed", [])
              if r.nodeid.startswith("tests/faults/") and r.when == "call"]
    failed = [r for r in terminalreporter.stats.get("failed", [])
              if r.nodeid.startswith("tests/faults/")]
    if passed or failed:
        terminalreporter.write_line(
            f"fault cases: {len(passed)} passed, {len(failed)} failed")
