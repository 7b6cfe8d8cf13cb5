"""`run_diagnose` and the command line: JSON out, exit codes, flags."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop import __version__, app, diagnose
from tests.unit.diagnose.helpers import (
    write_json,
)


def test_run_diagnose_prints_json_and_returns_the_exit_code(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[1], "policies.json", {"allow_export": False})
    out = io.StringIO()
    code = diagnose.run_diagnose(config_dir=dirs[0], as_json=True, out=out, site_dir=dirs[1])
    doc = json.loads(out.getvalue())
    assert code == 1 and doc["ok"] is False  # no portal address
    assert doc["schema"] == 1 and doc["app"]["name"] == "claims-desktop"
    assert doc["settings"]["values"]["allow_export"]["source"] == "managed"



def test_command_line_flags(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        app.main(["--json"])
    assert exc.value.code == 2
    assert "--json goes with --diagnose" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        app.main(["--diagnose", "--demo"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        app.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"claims-desktop {__version__}"
