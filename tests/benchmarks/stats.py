"""Small, dependency-free helpers shared by the benchmark parent and its child processes.

Kept free of Qt and of the application so that a child process can import it before
its clock starts without paying for anything it measures.
"""

from __future__ import annotations

import math
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def proc_status_kib(field: str) -> int | None:
    """A `VmHWM`/`VmRSS`-style figure of this process from /proc (Linux), in KiB."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def peak_rss_mib() -> float | None:
    """The resident-set high-water mark: the most memory this process ever held."""
    kib = proc_status_kib("VmHWM")
    if kib is None:
        import resource

        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024, 1)


def rss_mib() -> float | None:
    kib = proc_status_kib("VmRSS")
    return None if kib is None else round(kib / 1024, 1)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: Sequence[float]) -> dict[str, float | int]:
    """Median, p95, min and max of a list of milliseconds, rounded for the report."""
    if not values:
        return {"n": 0, "median": math.nan, "p95": math.nan, "min": math.nan, "max": math.nan}
    return {"n": len(values), "median": round(statistics.median(values), 3),
            "p95": round(percentile(values, 95), 3), "min": round(min(values), 3),
            "max": round(max(values), 3)}


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not b or math.isnan(a) or math.isnan(b):
        return None
    return round(a / b, 2)


def _meminfo_mib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024, 0)
    except OSError:
        return None
    return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    """What the figures came from: they mean little without it."""
    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_mib": _meminfo_mib(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "pyside6": pyside_version,
        "qt": QtCore.qVersion(),
        "sqlite": __import__("sqlite3").sqlite_version,
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
    }
