"""The Windows installer definition, built on Linux with msitools and read back table by table.

installer/windows/build_msi.py builds the package from a small fake bundle with
wixl; msiinfo reads its tables. What only Windows can check (msiexec running the
package, the registry it writes, Start menu, uninstall) is in
installer/windows/ci-windows.yml.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import __version__, config
from desktop.config import load_settings
from tests.installer.helpers import ROOT, require_tool

POLICY_KEY = r"SOFTWARE\Policies\ClaimsDesktop"
#: MSI property -> the value name config.py's WindowsRegistryReader reads.
PROPERTIES = {
    "PORTALURL": "portal_url",
    "CABUNDLE": "ca_bundle",
    "PROXYURL": "proxy_url",
    "IDLELOCKMINUTES": "idle_lock_minutes",
    "ALLOWEXPORT": "allow_export",
    "ALLOWPRINT": "allow_print",
    "REQUIREMFA": "require_mfa",
    "USESYSTEMTRUSTSTORE": "use_system_trust_store",
}
DWORD_PROPERTIES = {"IDLELOCKMINUTES", "ALLOWEXPORT", "ALLOWPRINT", "REQUIREMFA",
                    "USESYSTEMTRUSTSTORE"}


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    for tool in ("wixl", "wixl-heat"):
        require_tool(tool, "wixl")
    for tool in ("msiinfo", "msibuild"):
        require_tool(tool, "msitools")
    base = tmp_path_factory.mktemp("msi")
    bundle = base / "bundle"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    for name in ("claims-desktop.exe", "claims-desktop-console.exe"):
        (bundle / name).write_bytes(b"MZ fictional test executable")
    (bundle / "_internal" / "python311.dll").write_bytes(b"fictional")
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"fictional")
    out = base / "claims-desktop.msi"
    subprocess.run([sys.executable, str(ROOT / "installer" / "windows" / "build_msi.py"),
                    str(bundle), str(out)], check=True, capture_output=True, timeout=120)
    yield out


def table(msi: Path, name: str) -> list[dict[str, str]]:
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True,
                          text=True, check=True).stdout
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def by(rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    return {row[key]: row for row in rows}


def test_per_machine_x64_package_with_version(msi: Path) -> None:
    props = {r["Property"]: r["Value"] for r in table(msi, "Property")}
    assert props["ALLUSERS"] == "1"
    assert props["ProductVersion"] == __version__
    assert props["UpgradeCode"] == "{6B004DE2-79AB-4F17-8268-44D2A08D38FB}"
    assert props["ARPPRODUCTICON"] == "ClaimsDesktopIcon"
    suminfo = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True,
                             check=True).stdout
    assert "Template: x64;1033" in suminfo
    upgrades = table(msi, "Upgrade")
    assert {r["ActionProperty"] for r in upgrades} == {"WIX_UPGRADE_DETECTED",
                                                       "WIX_DOWNGRADE_DETECTED"}


def test_every_managed_setting_has_a_public_secure_property(msi: Path) -> None:
    assert set(PROPERTIES.values()) == set(config.MANAGED_KEYS)
    props = {r["Property"]: r["Value"] for r in table(msi, "Property")}
    secure = set(props["SecureCustomProperties"].split(";"))
    assert set(PROPERTIES) <= secure


def test_policy_values_go_where_the_client_reads_them(msi: Path) -> None:
    registry = by(table(msi, "Registry"), "Name")
    components = by(table(msi, "Component"), "Component")
    for prop, name in PROPERTIES.items():
        row = registry[name]
        assert row["Root"] == "2" and row["Key"] == POLICY_KEY  # HKLM
        source = f"REG_{prop}" if prop in DWORD_PROPERTIES else prop
        assert row["Value"] == f"[{source}]"
        component = components[row["Component_"]]
        assert component["Condition"] == source, "a value must be written only when set"
        assert int(component["Attributes"]) & 256, "64-bit registry view"
        assert int(component["Attributes"]) & 4, "the registry value is the key path"
    assert config.WindowsRegistryReader.KEY == POLICY_KEY


def test_dword_values_always_carry_the_dword_prefix(msi: Path) -> None:
    actions = by(table(msi, "CustomAction"), "Action")
    sequence = by(table(msi, "InstallExecuteSequence"), "Action")
    for prop in DWORD_PROPERTIES:
        dword = next(a for a in actions.values()
                     if a["Source"] == f"REG_{prop}" and a["Target"].startswith("#"))
        raw = next(a for a in actions.values()
                   if a["Source"] == f"REG_{prop}" and not a["Target"].startswith("#"))
        assert dword["Target"] == f"#[{prop}]" and raw["Target"] == f"[{prop}]"
        assert sequence[dword["Action"]]["Condition"] == f'{prop} AND NOT ({prop} << "#")'
        assert sequence[raw["Action"]]["Condition"] == f'{prop} << "#"'
        assert int(dword["Type"]) & 0x3F == 51  # set a property


def test_upgrades_keep_what_the_previous_install_wrote(msi: Path) -> None:
    locators = by(table(msi, "RegLocator"), "Name")
    searches = {r["Signature_"]: r["Property"] for r in table(msi, "AppSearch")}
    actions = by(table(msi, "CustomAction"), "Source")
    sequence = by(table(msi, "InstallExecuteSequence"), "Action")
    for prop, name in PROPERTIES.items():
        loc = locators[name]
        assert loc["Root"] == "2" and loc["Key"] == POLICY_KEY
        assert int(loc["Type"]) == 2 | 16  # raw value, 64-bit view
        assert searches[loc["Signature_"]] == f"SAVED_{prop}"
        keep = next(a for a in table(msi, "CustomAction")
                    if a["Source"] == prop and a["Target"] == f"[SAVED_{prop}]")
        assert sequence[keep["Action"]]["Condition"] == f"NOT {prop} AND SAVED_{prop}"
        # Restored before the launch conditions check and the REG_ values are formed.
        assert int(sequence[keep["Action"]]["Sequence"]) < int(
            sequence["LaunchConditions"]["Sequence"])
    assert actions  # the table was read


def test_bad_values_are_refused_before_installing(msi: Path) -> None:
    conditions = {r["Description"]: r["Condition"] for r in table(msi, "LaunchCondition")}
    assert 'PORTALURL ~<< "https://"' in conditions["PORTALURL must be an https:// address."]
    idle = conditions["IDLELOCKMINUTES must be a whole number from 2 to 30."]
    assert f"IDLELOCKMINUTES >= {config.IDLE_LOCK_MIN}" in idle
    assert f"IDLELOCKMINUTES <= {config.IDLE_LOCK_MAX}" in idle
    for prop in ("ALLOWEXPORT", "ALLOWPRINT", "USESYSTEMTRUSTSTORE"):
        assert f'{prop} = "0" OR {prop} = "1"' in conditions[f"{prop} must be 0 or 1."]


def test_program_files_and_start_menu(msi: Path) -> None:
    dirs = by(table(msi, "Directory"), "Directory")
    assert dirs["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert dirs["INSTALLDIR"]["DefaultDir"] == "Claims Desktop"
    shortcut = table(msi, "Shortcut")[0]
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Target"] == "[INSTALLDIR]claims-desktop.exe"
    files = {r["FileName"].split("|")[-1] for r in table(msi, "File")}
    assert {"claims-desktop.exe", "claims-desktop-console.exe", "python311.dll"} <= files
    registry = by(table(msi, "Registry"), "Name")
    assert registry["StartMenuShortcut"]["Key"] == r"SOFTWARE\ClaimsDesktop"


PROG_ID = "ClaimsDesktop.Remittance835"


def test_remittance_files_open_in_the_program(msi: Path) -> None:
    """.835 and .edi -> the ProgId, whose open command hands the file to the program."""
    rows = table(msi, "Registry")
    components = by(table(msi, "Component"), "Component")
    feature = {r["Component_"] for r in table(msi, "FeatureComponents")}
    values = {}
    for row in rows:
        if row["Key"].startswith("SOFTWARE\\Classes\\"):
            assert row["Root"] == "2", "HKLM: for every user of the PC"  # HKLM
            component = components[row["Component_"]]
            assert component["Condition"] == "", "always written"
            assert int(component["Attributes"]) & 256, "64-bit registry view"
            assert row["Component_"] in feature
            values[(row["Key"].removeprefix("SOFTWARE\\Classes\\"), row["Name"])] = row["Value"]
    for ext in (".835", ".edi"):
        assert values[(ext, "")] == PROG_ID
        assert values[(ext, "Content Type")] == "application/EDI-X12"
        assert (f"{ext}\\OpenWithProgids", PROG_ID) in values
    assert values[(PROG_ID, "")]  # the description Explorer shows
    assert values[(f"{PROG_ID}\\shell\\open\\command", "")] == \
        '"[INSTALLDIR]claims-desktop.exe" "%1"'
    assert values[(f"{PROG_ID}\\DefaultIcon", "")] == "[INSTALLDIR]claims-desktop.exe,0"
    # Each extension's key path is its ProgId value, so a repair puts it back.
    for row in rows:
        if row["Key"] in ("SOFTWARE\\Classes\\.835", "SOFTWARE\\Classes\\.edi",
                          f"SOFTWARE\\Classes\\{PROG_ID}") and not row["Name"]:
            assert components[row["Component_"]]["KeyPath"] == row["Registry"]


def format_msi(template: str, props: dict[str, str]) -> str:
    return re.sub(r"\[([A-Z_]+)\]", lambda m: props.get(m.group(1), ""), template)


def registry_data(value: str) -> object:
    """How Windows Installer stores a formatted Registry value (the '#' prefixes)."""
    if value.startswith("##"):
        return value[1:]
    if value.startswith("#"):
        return int(value[1:])
    return value


@pytest.mark.parametrize("given", [
    {"PORTALURL": "https://claims.payer.example/api/v1", "IDLELOCKMINUTES": "5",
     "ALLOWEXPORT": "0", "ALLOWPRINT": "1"},
    # an upgrade with no properties: what RegistrySearch read back (DWORDs as "#n")
    {"SAVED_PORTALURL": "https://claims.payer.example/api/v1", "SAVED_IDLELOCKMINUTES": "#5",
     "SAVED_ALLOWEXPORT": "#0", "SAVED_ALLOWPRINT": "#1"},
])
def test_what_the_package_writes_is_what_the_client_reads(msi: Path, tmp_path: Path,
                                                          given: dict[str, str]) -> None:
    """Replay the package's property logic and hand the result to config.py's loader."""
    props = dict(given)
    sequence = sorted(table(msi, "InstallExecuteSequence"), key=lambda r: int(r["Sequence"]))
    actions = by(table(msi, "CustomAction"), "Action")

    def holds(condition: str) -> bool:
        for prop in PROPERTIES:
            for prefix in ("", "SAVED_"):
                name = prefix + prop
                condition = condition.replace(f'NOT ({name} << "#")',
                                              str(not props.get(name, "").startswith("#")))
                condition = condition.replace(f'{name} << "#"',
                                              str(props.get(name, "").startswith("#")))
                condition = re.sub(rf"\b{name}\b", str(bool(props.get(name))), condition)
        if not condition:
            return True
        expression = condition.replace("NOT", "not").replace("AND", "and")
        assert re.fullmatch(r"[() ]*((True|False|not|and)[() ]*)+", expression), expression
        return bool(eval(expression))  # only True/False/not/and/parentheses, checked above

    for step in sequence:
        action = actions.get(step["Action"])
        if action is not None and holds(step["Condition"]):
            props[action["Source"]] = format_msi(action["Target"], props)
    components = by(table(msi, "Component"), "Component")
    written: dict[str, object] = {}
    for row in table(msi, "Registry"):
        condition = components[row["Component_"]]["Condition"]
        if row["Key"] == POLICY_KEY and props.get(condition):
            written[row["Name"]] = registry_data(format_msi(row["Value"], props))
    assert written == {"portal_url": "https://claims.payer.example/api/v1",
                       "idle_lock_minutes": 5, "allow_export": 0, "allow_print": 1}

    class Registry:
        def read(self) -> dict[str, object]:
            return dict(written)

    (tmp_path / "site").mkdir()
    loaded = load_settings(config_dir=tmp_path / "user", site_dir=tmp_path / "site",
                           registry=Registry())
    assert loaded.problems == []
    assert loaded.values.portal_url == "https://claims.payer.example/api/v1"
    assert loaded.values.allow_export is False and loaded.values.allow_print is True
    assert loaded.idle_lock_max == 5
    assert {"portal_url", "allow_export", "allow_print"} <= loaded.locked
