"""resources/: icons in every size, the .ico, menu entry, MIME type, AppStream data, policy."""

from __future__ import annotations

import importlib.util
import json
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer

from desktop import __version__, config
from desktop.config import load_settings
from tests.installer.helpers import ROOT, require_tool

RESOURCES = ROOT / "resources"
APP_ID = "com.example.ClaimsDesktop"
MIME_NS = "http://www.freedesktop.org/standards/shared-mime-info"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def test_svg_source_renders(qapp: object) -> None:
    renderer = QSvgRenderer(str(RESOURCES / "icons" / "claims-desktop.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


@pytest.mark.parametrize("size", SIZES)
def test_png_sizes(qapp: object, size: int) -> None:
    image = QImage(str(RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                       / "claims-desktop.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    centre = QColor(image.pixel(size // 2, size // 2))
    corner = QColor.fromRgba(image.pixel(0, 0))
    assert centre.alpha() == 255 and corner.alpha() < 128  # drawn, on a transparent corner


def test_ico_holds_every_size_as_png(qapp: object) -> None:
    data = (RESOURCES / "icons" / "claims-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    found = []
    for index in range(count):
        width, height, _c, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        blob = data[offset:offset + length]
        assert blob.startswith(b"\x89PNG\r\n\x1a\n")
        image = QImage.fromData(QByteArray(blob), "PNG")
        side = width or 256
        assert (width, height, planes, bits) == (side % 256, side % 256, 1, 32)
        assert (image.width(), image.height()) == (side, side)
        found.append(side)
    assert tuple(found) == SIZES


def test_rendered_icons_are_current(qapp: object) -> None:
    """The committed PNGs are what render_icons.py makes of the committed SVG."""
    spec = importlib.util.spec_from_file_location("render_icons", RESOURCES / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    renderer = QSvgRenderer(str(RESOURCES / "icons" / "claims-desktop.svg"))
    for size in SIZES:
        fresh = module.render(renderer, size)
        png = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "claims-desktop.png"
        committed = QImage(str(png)).convertToFormat(fresh.format())
        diff = sum(
            abs(QColor.fromRgba(fresh.pixel(x, y)).value()
                - QColor.fromRgba(committed.pixel(x, y)).value())
            for x in range(size) for y in range(size)) / (size * size)
        assert diff < 2.0, f"{png.name} {size}px differs from the SVG: run render_icons.py"


def desktop_entry() -> ConfigParser:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(RESOURCES / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser


def test_desktop_entry_fields() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Exec"] == "claims-desktop %f"  # a file given by the file manager
    assert entry["TryExec"] == "claims-desktop"
    assert entry["Icon"] == "claims-desktop"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "claims-desktop"


def test_desktop_entry_validates() -> None:
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(RESOURCES / "linux" / f"{APP_ID}.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def mime_types() -> ET.Element:
    return ET.parse(RESOURCES / "linux" / f"{APP_ID}.mime.xml").getroot()


def test_mime_definition_declares_the_x12_type() -> None:
    root = mime_types()
    assert root.tag == f"{{{MIME_NS}}}mime-info"
    [mime] = root.findall(f"{{{MIME_NS}}}mime-type")
    assert mime.get("type") == "application/EDI-X12"  # the IANA name (RFC 1767)
    globs = {g.get("pattern") for g in mime.findall(f"{{{MIME_NS}}}glob")}
    assert globs == {"*.835", "*.edi"}
    assert mime.findtext(f"{{{MIME_NS}}}comment")
    [magic] = mime.findall(f"{{{MIME_NS}}}magic")
    assert int(magic.get("priority", "50")) < 50, "ISA alone is weak: below the default"
    [match] = magic.findall(f"{{{MIME_NS}}}match")
    assert (match.get("type"), match.get("offset"), match.get("value")) == ("string", "0",
                                                                           "ISA")


def test_desktop_entry_opens_the_mime_type() -> None:
    entry = desktop_entry()["Desktop Entry"]
    declared = [t for t in entry["MimeType"].split(";") if t]
    types = [m.get("type") for m in mime_types().findall(f"{{{MIME_NS}}}mime-type")]
    assert declared == types
    assert "%f" in entry["Exec"].split() or "%F" in entry["Exec"].split()


def test_metainfo_validates_and_matches_the_version() -> None:
    path = RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "add a <release> for the new version"
    tool = require_tool("appstreamcli", "appstream")
    done = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_sample_policy_has_no_effect_under_its_name(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(RESOURCES / "policies.json.sample", site / "policies.json.sample")
    loaded = load_settings(config_dir=tmp_path / "user", site_dir=site)
    assert loaded.locked == frozenset() and loaded.problems == []
    assert set(loaded.sources.values()) == {"default"}


def test_sample_policy_names_every_managed_key_and_loads_cleanly(tmp_path: Path) -> None:
    sample = json.loads((RESOURCES / "policies.json.sample").read_text(encoding="utf-8"))
    keys = {k for k in sample if not k.startswith("_")}
    assert keys == set(config.MANAGED_KEYS)
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(RESOURCES / "policies.json.sample", site / "policies.json")
    loaded = load_settings(config_dir=tmp_path / "user", site_dir=site)
    # Only the example CA path is missing on this machine; every value parses.
    assert len(loaded.problems) == 1 and "ca_bundle" in loaded.problems[0]
    assert {k for k, s in loaded.sources.items() if s == "managed"} == set(config.MANAGED_KEYS)
    assert loaded.values.allow_export is False


def test_it_guide_documents_every_setting() -> None:
    guide = (ROOT / "installer" / "README.md").read_text(encoding="utf-8")
    for key in config.KEYS:
        assert f"`{key}`" in guide, key
    for prop in ("PORTALURL", "CABUNDLE", "IDLELOCKMINUTES", "ALLOWEXPORT", "ALLOWPRINT"):
        assert prop in guide, prop


def test_manual_page_is_generated_from_help() -> None:
    """resources/linux/claims-desktop.1 is `make man`'s output for today's --help."""
    require_tool("help2man", "help2man")
    fresh = subprocess.run(["bash", str(ROOT / "installer" / "linux" / "manpage.sh"),
                            sys.executable], capture_output=True, text=True, timeout=120,
                           check=True).stdout
    committed = (ROOT / "resources" / "linux" / "claims-desktop.1").read_text()
    assert fresh == committed, "run `make man` after changing --help"
    assert "\\-\\-portal\\-url" in committed and ".SH FILES" in committed
