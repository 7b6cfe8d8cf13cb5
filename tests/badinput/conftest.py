"""Fixtures of the bad-input walk (shared with the fault catalogue) and its count."""

from __future__ import annotations

from typing import Any

from tests.badinput import counts
from tests.faults.harness import clean_proxy, fault_pki, fault_sandbox, proxy, windows

__all__ = ["clean_proxy", "fault_pki", "fault_sandbox", "proxy", "windows"]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if counts.SERVER or counts.TYPED:
        terminalreporter.write_line(
            f"bad inputs: {sum(counts.SERVER.values())} server values "
            f"({len(counts.SERVER)} runs), {sum(counts.TYPED.values())} typed values "
            f"({counts.OUTCOMES.get('rejected', 0)} refused by a field rule, "
            f"{counts.OUTCOMES.get('sent', 0)} sent and checked)")
