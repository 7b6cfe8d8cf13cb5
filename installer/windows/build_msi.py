"""Build the Windows Installer package on Linux with msitools (wixl, wixl-heat, msibuild).

    python3 installer/windows/build_msi.py BUNDLE_DIR OUT.msi

The package shipped to offices is built on Windows with WiX 3 (ci-windows.yml).
This script exists so that Linux can build the same definition, and the tests can
read its tables back with msiinfo (tests/installer/test_msi.py, `make msi-check`).

wixl 0.101 (Debian 12) does not know two pieces of WiX 3 the definition uses:
``Component/Condition`` (a policy value is written only when its property is set)
and ``Property/@Secure`` (properties passed to the elevated install). The script
takes them out of a copy of the source for wixl and writes the same values into
the Component and Property tables afterwards with msibuild, so the package it
produces has the tables WiX would produce.
"""

# A build tool run by developers and CI on the repository's own files: it parses our
# .wxs, runs the msitools found on PATH, and builds msibuild queries from our own
# component ids and conditions (quotes refused in sql_text).
# ruff: noqa: S314, S603, S607, S608

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WXS = HERE / "claims-desktop.wxs"
ICON = ROOT / "resources" / "icons" / "claims-desktop.ico"
NS = "http://schemas.microsoft.com/wix/2006/wi"
TOOLS = ("wixl", "wixl-heat", "msibuild", "msiinfo")


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if not found:
        raise SystemExit("cannot read the version from desktop/__init__.py")
    return found.group(1)


def for_wixl(source: Path, target: Path) -> tuple[dict[str, str], list[str]]:
    """Write a wixl-compatible copy; return (component conditions, secure properties)."""
    ET.register_namespace("", NS)
    tree = ET.parse(source)
    conditions: dict[str, str] = {}
    secure: list[str] = []
    for component in tree.iter(f"{{{NS}}}Component"):
        for condition in component.findall(f"{{{NS}}}Condition"):
            conditions[component.attrib["Id"]] = " ".join((condition.text or "").split())
            component.remove(condition)
    for prop in tree.iter(f"{{{NS}}}Property"):
        if prop.attrib.pop("Secure", "no") == "yes":
            secure.append(prop.attrib["Id"])
    for package in tree.iter(f"{{{NS}}}Package"):
        package.attrib.pop("Platform", None)  # wixl takes --arch instead
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return conditions, secure


def harvest(bundle: Path) -> str:
    """The bundle's files as component group BundleFiles under INSTALLDIR (wixl-heat)."""
    names = sorted(str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file())
    listing = "".join(f"bundle/{name}\n" for name in names)
    return subprocess.run(
        ["wixl-heat", "--prefix", "bundle/", "--directory-ref", "INSTALLDIR",
         "--component-group", "BundleFiles", "--var", "var.BundleDir", "--win64"],
        input=listing, capture_output=True, text=True, check=True).stdout


def sql_text(value: str) -> str:
    if "'" in value:
        raise SystemExit(f"a quote in {value!r} cannot go into an msibuild query")
    return f"'{value}'"


def property_value(msi: Path, name: str) -> str | None:
    table = subprocess.run(["msiinfo", "export", str(msi), "Property"],
                           capture_output=True, text=True, check=True).stdout
    for line in table.splitlines()[3:]:
        key, _, value = line.partition("\t")
        if key == name:
            return value
    return None


def build(bundle: Path, out: Path) -> Path:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)}: apt-get install wixl msitools")
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="claims-msi-") as tmp:
        work = Path(tmp)
        # wixl resolves sources relative to its working folder and rejects absolute paths.
        os.symlink(bundle.resolve(), work / "bundle")
        shutil.copy(ICON, work / "claims-desktop.ico")
        conditions, secure = for_wixl(WXS, work / "main.wxs")
        (work / "bundle-files.wxs").write_text(harvest(bundle), encoding="utf-8")
        subprocess.run(
            ["wixl", "--arch", "x64", "-D", f"Version={version()}", "-D", "BundleDir=bundle",
             "-D", "Win64=yes", "-D", "IconFile=claims-desktop.ico",
             "-o", str(out), "main.wxs", "bundle-files.wxs"],
            cwd=work, check=True)
    queries = [f"UPDATE `Component` SET `Condition` = {sql_text(cond)} "
               f"WHERE `Component` = {sql_text(comp)}" for comp, cond in conditions.items()]
    existing = property_value(out, "SecureCustomProperties")
    names = sorted(set(secure) | set(filter(None, (existing or "").split(";"))))
    if existing is None:
        queries.append("INSERT INTO `Property` (`Property`, `Value`) VALUES "
                       f"('SecureCustomProperties', {sql_text(';'.join(names))})")
    else:
        queries.append(f"UPDATE `Property` SET `Value` = {sql_text(';'.join(names))} "
                       "WHERE `Property` = 'SecureCustomProperties'")
    for query in queries:
        subprocess.run(["msibuild", str(out), "-q", query], check=True)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[0]).is_dir():
        print("usage: build_msi.py BUNDLE_DIR OUT.msi", file=sys.stderr)
        return 2
    print(build(Path(argv[0]), Path(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
