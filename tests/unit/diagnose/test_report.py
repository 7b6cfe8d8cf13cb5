"""The report for a person: safe text only."""

from __future__ import annotations

from pathlib import Path

from desktop import diagnose
from tests.unit.diagnose.helpers import (
    report_for,
    write_json,
)


def test_text_output_has_no_control_characters(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[0], "settings.json", {"ca_bundle": "/tmp/\x1b[31mred\x07.pem"})
    text = diagnose.render_text(report_for(dirs))
    assert "\x1b" not in text and "\x07" not in text
    assert "?[31mred?.pem" in text
