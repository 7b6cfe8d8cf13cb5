"""The diagnose tests need no portal: a site folder of their own and, where needed, a closed port.

The portal probe against a real portal is covered by tests/e2e/test_diagnose_e2e.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    user, site = tmp_path / "user", tmp_path / "site"
    user.mkdir()
    site.mkdir()
    return user, site
