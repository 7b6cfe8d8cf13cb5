"""Exports are all or nothing and owner-only, over an existing file too (issue 14)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop import safefile
from desktop.safefile import ExportError, replace_by_writer, replace_text

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """A folder nobody can create files in, for real: mode 0555, or for root (who ignores
    modes) the immutable attribute. Fails, never skips, when neither can be set."""
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(safefile.PREFIX))


@pytest.fixture(params=["anonymous", "named"])
def temp_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of making the temporary file: O_TMPFILE and the mkstemp fallback."""
    if request.param == "named":
        monkeypatch.setattr(safefile, "open_anonymous", lambda _folder: None)
    return str(request.param)


@posix_only
def test_an_existing_0644_file_ends_0600_with_the_new_content(tmp_path: Path,
                                                              temp_kind: str) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    with replace_text(target, encoding="utf-8") as fh:
        fh.write("new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


@posix_only
def test_a_writer_that_wants_a_file_name_gets_the_same_guarantees(tmp_path: Path,
                                                                  temp_kind: str) -> None:
    target = tmp_path / "claim.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    replace_by_writer(target, lambda p: p.write_bytes(b"%PDF-1.4 fake"))
    assert target.read_bytes() == b"%PDF-1.4 fake"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ExportError, match="could not be written"):
        replace_by_writer(target, lambda p: None)  # wrote nothing
    assert target.read_bytes() == b"%PDF-1.4 fake"
    assert leftovers(tmp_path) == []


def test_a_failure_midway_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path,
                                                               temp_kind: str) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), replace_text(target, encoding="utf-8") as fh:
        fh.write("half")
        raise RuntimeError("the rows ran out")
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_read_only_folder_gives_a_clear_message(tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        with pytest.raises(ExportError) as caught:
            with replace_text(folder / "Doe-Jane.csv", encoding="utf-8") as fh:
                fh.write("x")
        assert list(folder.iterdir()) == []
    message = caught.value.user_message
    assert "cannot be written to" in message and "another folder" in message
    assert "Doe" not in message and str(tmp_path) not in message  # no path, no name


def test_a_full_disk_gives_a_clear_message(tmp_path: Path, temp_kind: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="disk is full"):
        with replace_text(target, encoding="utf-8") as fh:
            fh.write("new")
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_gives_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        with replace_text(tmp_path / "gone" / "x.csv", encoding="utf-8") as fh:
            fh.write("x")


CHILD = textwrap.dedent("""
    import sys
    from desktop.safefile import replace_text
    with replace_text(sys.argv[1], encoding="utf-8") as fh:
        fh.write("PATIENT-ROW\\n" * 10000)
        fh.flush()
        print("written", flush=True)
        sys.stdin.readline()  # killed here, halfway through the export
""")


@pytest.mark.skipif(sys.platform != "linux", reason="O_TMPFILE is Linux's")
def test_sigkill_mid_export_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.kill()
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]
