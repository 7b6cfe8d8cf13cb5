"""Where the save dialog opens (issue 15, item 10): never in the program's folder.

A PC without a Documents folder (a fresh profile, a kiosk account) used to get a save
dialog in the process's working directory, which for an installed program is its own
folder. The suggestion is now Documents if it exists, else the home folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.claims.export import suggested_path
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.files import save_folder
from tests.ui.claims.support import fake_context, many


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    user = tmp_path / "home"
    user.mkdir()
    monkeypatch.setenv("HOME", str(user))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # the "program's folder"
    return user


def test_no_documents_folder_falls_back_to_home(home: Path):
    assert not (home / "Documents").exists()
    assert save_folder() == home
    assert Path(suggested_path("claims-1", "csv")) == home / "claims-1.csv"


def test_documents_folder_when_there_is_one(home: Path):
    (home / "Documents").mkdir()
    assert save_folder() == home / "Documents"


def test_the_export_dialog_is_offered_the_home_folder(qtbot, home: Path):
    ctx, _client = fake_context(many(2))
    offered: list[str] = []
    screen = ClaimsScreen(ctx, choose_path=lambda _p, _c, path, _f: offered.append(path) or "",
                          ask_printer=lambda *_a: False)
    qtbot.addWidget(screen)
    screen.search()
    screen.export_csv()
    assert len(offered) == 1 and Path(offered[0]).parent == home
