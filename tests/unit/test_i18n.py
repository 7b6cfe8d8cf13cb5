"""The translation catalogues: kept current by the build, and loaded for the user's language.

`resources/i18n/catalogue.py` (`make ts`) is run on a copy of the committed catalogues;
the committed `.ts` and `.qm` files must be exactly what it makes from today's code, so a
string added, changed or removed without `make ts` fails here with the strings named.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui.common import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def load_catalogue_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue", I18N / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sources_of(ts_text: str) -> set[str]:
    """(context, source) pairs of a catalogue, as readable lines for a failure message."""
    found = set()
    for context in re.findall(r"<context>(.*?)</context>", ts_text, re.S):
        name = re.search(r"<name>(.*?)</name>", context, re.S)
        for source in re.findall(r"<source>(.*?)</source>", context, re.S):
            found.add(f"{name.group(1) if name else '?'}: {unescape(source)}")
    return found


def unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def test_committed_catalogues_are_what_make_ts_makes_now(tmp_path: Path) -> None:
    committed = sorted(I18N.glob("claims_desktop_*.ts"))
    assert {p.stem for p in committed} >= {"claims_desktop_en", "claims_desktop_es"}
    for ts_file in committed:
        shutil.copy(ts_file, tmp_path / ts_file.name)
    load_catalogue_tool().update(tmp_path)
    stale = []
    for ts_file in committed:
        fresh = (tmp_path / ts_file.name).read_text(encoding="utf-8")
        old = ts_file.read_text(encoding="utf-8")
        if fresh != old:
            added = sorted(sources_of(fresh) - sources_of(old))
            gone = sorted(sources_of(old) - sources_of(fresh))
            stale.append(f"{ts_file.name}: new in the code {added[:20]}, gone {gone[:20]}"
                         + ("" if added or gone else " (translations or format changed)"))
        qm_file = ts_file.with_suffix(".qm")
        if not qm_file.exists() or qm_file.read_bytes() != (
                tmp_path / qm_file.name).read_bytes():
            stale.append(f"{qm_file.name} is not the compiled {ts_file.name}")
    assert not stale, "run `make ts` and commit resources/i18n/:\n" + "\n".join(stale)


def test_english_plurals_are_made_from_the_source() -> None:
    tool = load_catalogue_tool()
    ts = ('<message numerus="yes">\n        <source>%n claim(s) match</source>\n'
          '        <translation type="unfinished">\n            <numerusform></numerusform>\n'
          '            <numerusform></numerusform>\n        </translation>\n    </message>')
    filled = tool.english_plurals(ts)
    assert "<numerusform>%n claim match</numerusform>" in filled
    assert "<numerusform>%n claims match</numerusform>" in filled
    assert 'type="unfinished"' not in filled
    odd = ts.replace("claim(s)", "people")  # not the documented spelling: left for a person
    assert tool.english_plurals(odd) == odd


@pytest.fixture
def app(qapp: QCoreApplication) -> Iterator[QCoreApplication]:
    """The application, checked afterwards to be left with no test translator."""
    before = QCoreApplication.translate("I18nTest", "Sign in")
    yield qapp
    assert QCoreApplication.translate("I18nTest", "Sign in") == before


def write_catalogues(folder: Path) -> None:
    """An English catalogue with a plural and a Spanish one with a translation, compiled."""
    tool = load_catalogue_tool()
    (folder / "claims_desktop_en.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en" sourcelanguage="en">\n<context>\n'
        "    <name>I18nTest</name>\n"
        '    <message numerus="yes">\n        <source>%n claim(s)</source>\n'
        "        <translation>\n            <numerusform>%n claim</numerusform>\n"
        "            <numerusform>%n claims</numerusform>\n        </translation>\n"
        "    </message>\n</context>\n</TS>\n", encoding="utf-8")
    (folder / "claims_desktop_es.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="es" sourcelanguage="en">\n<context>\n'
        "    <name>I18nTest</name>\n"
        "    <message>\n        <source>Sign in</source>\n"
        "        <translation>Iniciar sesión</translation>\n    </message>\n"
        "</context>\n</TS>\n", encoding="utf-8")
    for ts_file in folder.glob("*.ts"):
        tool.lrelease(ts_file, ts_file.with_suffix(".qm"))


def test_english_catalogue_gives_plural_forms(app: QCoreApplication, tmp_path: Path) -> None:
    write_catalogues(tmp_path)
    installed = i18n.install_translator(app, QLocale("en_US"), tmp_path)
    try:
        assert len(installed) == 1
        assert i18n.translate("I18nTest", "%n claim(s)", None, 1) == "1 claim"
        assert i18n.translate("I18nTest", "%n claim(s)", None, 3) == "3 claims"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_users_language_on_top_of_english(app: QCoreApplication, tmp_path: Path) -> None:
    write_catalogues(tmp_path)
    installed = i18n.install_translator(app, QLocale("es_PR"), tmp_path)  # es_PR -> es
    try:
        assert len(installed) == 2
        assert i18n.translate("I18nTest", "Sign in") == "Iniciar sesión"
        # What Spanish lacks falls back to the English catalogue, not to "(s)".
        assert i18n.translate("I18nTest", "%n claim(s)", None, 2) == "2 claims"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_nothing_shipped_nothing_installed(app: QCoreApplication, tmp_path: Path) -> None:
    assert i18n.install_translator(app, QLocale("de_DE"), tmp_path) == []
    assert i18n.translate("I18nTest", "Sign in") == "Sign in"


def test_catalogues_found_in_the_checkout_and_in_the_bundle(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert i18n.translations_dir() == I18N
    assert (i18n.translations_dir() / "claims_desktop_en.qm").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.translations_dir() == tmp_path / "resources" / "i18n"


def test_shipped_catalogues_install(app: QCoreApplication) -> None:
    installed = i18n.install_translator(app, QLocale("es_ES"))
    try:
        assert len(installed) == 2  # the committed en and es catalogues load
    finally:
        for translator in installed:
            app.removeTranslator(translator)
