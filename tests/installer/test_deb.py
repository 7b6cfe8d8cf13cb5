"""The Debian package: its layout and control data, and Depends against what the bundle links.

The install / launch / purge cycle itself runs as root in CI:
installer/linux/ci-deb-cycle.sh.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from tests.installer.helpers import ROOT, bundle_dir, require_tool

BUILD = ROOT / "installer" / "linux" / "build-deb.sh"
DEPENDS_FILE = ROOT / "installer" / "linux" / "DEPENDS"
APP_ID = "com.example.ClaimsDesktop"
#: Libraries of the C library itself: libc6 is in Depends with a computed version.
LIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
        "libresolv.so.2", "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}


def listed_depends() -> list[str]:
    lines = DEPENDS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("dpkg-deb", "dpkg")
    require_tool("objdump", "binutils")
    base = tmp_path_factory.mktemp("deb")
    bundle = base / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy("/bin/true", bundle / "claims-desktop")
    (bundle / "_internal" / "data.txt").write_text("fictional\n", encoding="utf-8")
    done = subprocess.run(["bash", str(BUILD), str(bundle), str(base / "out")],
                          capture_output=True, text=True, timeout=300, check=True)
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.name == f"claims-desktop_{__version__}_{path.name.split('_')[-1]}"
    return path


def control(deb: Path) -> dict[str, str]:
    text = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def contents(deb: Path) -> dict[str, str]:
    """path -> the `dpkg-deb -c` line (mode, owner, size, ...)."""
    text = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    entries = {}
    for line in text.splitlines():
        path = line.split(None, 5)[5].split(" -> ")[0]
        entries[path.removeprefix(".").rstrip("/") or "/"] = line
    return entries


def test_control_fields(deb: Path) -> None:
    fields = control(deb)
    assert fields["Package"] == "claims-desktop"
    assert fields["Version"] == __version__
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    assert depends[1:] == listed_depends()
    assert int(fields["Installed-Size"]) > 0


def test_layout(deb: Path) -> None:
    files = contents(deb)
    assert "/opt/claims-desktop/claims-desktop" in files
    assert files["/usr/bin/claims-desktop"].endswith("-> /opt/claims-desktop/claims-desktop")
    for path in (f"/usr/share/applications/{APP_ID}.desktop",
                 f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
                 "/usr/share/icons/hicolor/scalable/apps/claims-desktop.svg",
                 "/usr/share/icons/hicolor/48x48/apps/claims-desktop.png",
                 "/usr/share/icons/hicolor/256x256/apps/claims-desktop.png",
                 "/etc/xdg/claims-desktop/policies.json.sample",
                 "/usr/share/doc/claims-desktop/IT-GUIDE.md",
                 "/usr/share/doc/claims-desktop/copyright"):
        assert path in files, path
    # The sample must change nothing: config.py reads only policies.json.
    assert "/etc/xdg/claims-desktop/policies.json" not in files
    for line in files.values():
        assert " root/root " in line
        if not line.startswith("l"):  # symlink modes mean nothing
            assert line[5] != "w" and line[8] != "w", line  # not group- or world-writable
    assert files["/opt/claims-desktop/claims-desktop"].startswith("-rwxr-xr-x")


def test_conffiles_and_checksums(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    conffiles = (tmp_path / "DEBIAN" / "conffiles").read_text().split()
    assert conffiles == ["/etc/xdg/claims-desktop/policies.json.sample"]
    sums = (tmp_path / "DEBIAN" / "md5sums").read_text()
    assert "opt/claims-desktop/claims-desktop\n" in sums
    assert not (set(os.listdir(tmp_path / "DEBIAN")) - {"control", "conffiles", "md5sums"}), \
        "no maintainer scripts"


def needed_libraries(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
            names |= set(re.findall(r"^\s+NEEDED\s+(\S+)$", out.stdout, re.M))
    return names


def package_of(soname: str, cache: str) -> str:
    found = re.search(rf"^\s+{re.escape(soname)} \(.*?\) => (\S+)$", cache, re.M)
    assert found, f"{soname} is not installed on this machine"
    candidates = {found.group(1), os.path.realpath(found.group(1))}
    for path in list(candidates):  # merged /usr: dpkg may know either spelling
        if path.startswith("/usr/lib/"):
            candidates.add(path.removeprefix("/usr"))
        elif path.startswith("/lib/"):
            candidates.add("/usr" + path)
    for path in candidates:
        done = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":")[0].strip()
    raise AssertionError(f"no package owns {soname} ({sorted(candidates)})")


def test_depends_are_exactly_the_system_libraries_the_bundle_links() -> None:
    require_tool("objdump", "binutils")
    require_tool("dpkg-query", "dpkg")
    folder = bundle_dir()
    shipped = {p.name for p in folder.rglob("*")}
    system = needed_libraries(folder) - shipped
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True,
                           check=True).stdout
    packages = {package_of(name, cache) for name in system - LIBC}
    assert packages == set(listed_depends()), (
        f"missing from DEPENDS: {sorted(packages - set(listed_depends()))}; "
        f"listed but not linked: {sorted(set(listed_depends()) - packages)}")
