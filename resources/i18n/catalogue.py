"""Keep the translation catalogues current: lupdate over desktop/, English plurals, lrelease.

    .venv/bin/python resources/i18n/catalogue.py        # what `make ts` runs

For every `claims_desktop_<lang>.ts` here it runs `pyside6-lupdate` over the Python
files under desktop/ (new strings come in, translations already made are kept, strings
no longer in the code are dropped), fills the English catalogue's plural forms from
the source ("%n claim(s)" -> "%n claim" / "%n claims"), then compiles each catalogue to
the `.qm` beside it with `pyside6-lrelease`. Both are committed; tests/unit/test_i18n.py
runs this on a copy and fails when the committed files differ from what it makes now.

Source locations are left out (`-locations none`): line numbers change with every edit
and would make the committed catalogue stale for no translator's benefit; the context
(the class name, or `translate`'s first argument) says where a string belongs.
lupdate also reads any `#:` comment above a call as a note to translators; this
project uses `#:` for its own attribute notes, which would reach translators as
misleading notes, so they are removed: say what a translator needs in the
`disambiguation` argument instead.

To add a language: copy `claims_desktop_es.ts` to `claims_desktop_<lang>.ts`, change its
`language` attribute, and run `make ts`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ROOT / "desktop"
CATALOGUE = "claims_desktop"
ENGLISH = HERE / f"{CATALOGUE}_en.ts"

_NUMERUS = re.compile(
    r'(?P<head><message numerus="yes">\s*<source>(?P<source>[^<]*)</source>\s*)'
    r'<translation type="unfinished">(?P<forms>(?:\s*<numerusform></numerusform>)+)'
    r"(?P<tail>\s*</translation>)")
_PLURAL_MARK = re.compile(r"\((e?s)\)")
_EXTRA_COMMENT = re.compile(r"\n\s*<extracomment>[^<]*</extracomment>")


def tool(name: str) -> str:
    """A Qt tool of the venv this runs in (pyside6-lupdate, pyside6-lrelease)."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def python_sources(root: Path = SOURCES) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_files: list[Path], sources: list[str]) -> None:
    command = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
               *sources, "-ts", *map(str, ts_files)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our own files


def english_plurals(text: str) -> str:
    """Fill each untranslated English plural with its two forms, made from the source.

    Only sources spelled the documented way ("(s)" or "(es)" after the word) are filled
    and marked finished; any other plural is left for a person to write.
    """
    def fill(match: re.Match[str]) -> str:
        source = match.group("source")
        if not _PLURAL_MARK.search(source):
            return match.group(0)
        indent = match.group("forms").split("<numerusform>")[0]
        one = _PLURAL_MARK.sub("", source)
        many = _PLURAL_MARK.sub(r"\1", source)
        forms = f"{indent}<numerusform>{one}</numerusform>{indent}<numerusform>{many}</numerusform>"
        return f"{match.group('head')}<translation>{forms}{match.group('tail')}"

    return _NUMERUS.sub(fill, text)


def without_notes(text: str) -> str:
    """The catalogue without lupdate's notes from `#:` comments (see the docstring)."""
    return _EXTRA_COMMENT.sub("", text)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our own files


def update(folder: Path = HERE, sources: list[str] | None = None) -> list[Path]:
    """Regenerate every catalogue in `folder` and its `.qm`; the files written."""
    ts_files = sorted(folder.glob(f"{CATALOGUE}_*.ts"))
    if not ts_files:
        raise SystemExit(f"no {CATALOGUE}_*.ts in {folder}")
    lupdate(ts_files, python_sources() if sources is None else sources)
    for ts_file in ts_files:
        text = without_notes(ts_file.read_text(encoding="utf-8"))
        if ts_file.name == ENGLISH.name:
            text = english_plurals(text)
        ts_file.write_text(text, encoding="utf-8")
    written: list[Path] = []
    for ts_file in ts_files:
        qm_file = ts_file.with_suffix(".qm")
        lrelease(ts_file, qm_file)
        written += [ts_file, qm_file]
    return written


if __name__ == "__main__":
    for path in update():
        print(path.relative_to(ROOT))
