"""What the installer tests need from the machine, and how they say it is missing.

A missing tool or bundle skips a test on a developer's machine with the command
that provides it; under CI (CI=true) it fails instead, so that CI never passes
by skipping what it is meant to check.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI must provide it)")
    pytest.skip(reason)


def require_tool(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        missing(f"'{tool}' is not installed: apt-get install {package}")
    assert path is not None
    return path


def bundle_dir() -> Path:
    """The PyInstaller bundle: $CLAIMS_BUNDLE_DIR, else dist/claims-desktop (make bundle)."""
    folder = Path(os.environ.get("CLAIMS_BUNDLE_DIR", ROOT / "dist" / "claims-desktop"))
    if not (folder / "claims-desktop").is_file():
        missing(f"no bundle at {folder}: run `make bundle` first")
    return folder
