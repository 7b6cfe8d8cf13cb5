"""The Debian package: its layout and control data, and Depends against what the bundle links.

The install / launch / purge cycle itself runs as root in CI:
installer/linux/ci-deb-cycle.sh.
"""

from __future__ import annotations

import gzip
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
#: A small real shared library to stand in for the bundle's (util-linux's libuuid).
LIBUUID = next(p for p in (Path("/lib/x86_64-linux-gnu/libuuid.so.1"),
                           Path("/usr/lib/x86_64-linux-gnu/libuuid.so.1"),
                           Path("/lib/aarch64-linux-gnu/libuuid.so.1")) if p.exists())
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
    patchelf = require_tool("patchelf", "patchelf")
    base = tmp_path_factory.mktemp("deb")
    bundle = base / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy("/bin/true", bundle / "claims-desktop")
    (bundle / "_internal" / "data.txt").write_text("fictional\n", encoding="utf-8")
    # Shared libraries as PyInstaller leaves them: executable, with the build machine's
    # Python prefix in RUNPATH (one also with an $ORIGIN entry, which must stay).
    for name, runpath in (("libfake.so.1", "/root/.pyenv/versions/3.11.7/lib"),
                          ("mod.cpython-311-x86_64-linux-gnu.so",
                           "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../lib")):
        lib = bundle / "_internal" / name
        shutil.copy(LIBUUID, lib)
        lib.chmod(0o755)
        subprocess.run([patchelf, "--set-rpath", runpath, str(lib)], check=True)
    done = subprocess.run(["bash", str(BUILD), str(bundle), str(base / "out")],
                          capture_output=True, text=True, timeout=300, check=True)
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.name == f"claims-desktop_{__version__}-1_{path.name.split('_')[-1]}"
    return path


def test_no_runpath_outside_the_package_and_libraries_not_executable(
        deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    internal = tmp_path / "usr" / "lib" / "claims-desktop" / "_internal"
    runpaths = {}
    for lib in ("libfake.so.1", "mod.cpython-311-x86_64-linux-gnu.so"):
        out = subprocess.run(["objdump", "-p", str(internal / lib)], capture_output=True,
                             text=True, check=True).stdout
        found = re.findall(r"^\s+(?:RUNPATH|RPATH)\s+(\S+)$", out, re.M)
        runpaths[lib] = found
        assert (internal / lib).stat().st_mode & 0o111 == 0, f"{lib} is executable"
    assert runpaths == {"libfake.so.1": [], "mod.cpython-311-x86_64-linux-gnu.so":
                        ["$ORIGIN/../lib"]}


def test_changelogs_and_manual_page(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    doc = tmp_path / "usr" / "share" / "doc" / "claims-desktop"
    debian = gzip.decompress((doc / "changelog.Debian.gz").read_bytes()).decode()
    assert debian.startswith(f"claims-desktop ({__version__}-1) stable; urgency=medium")
    assert gzip.decompress((doc / "changelog.gz").read_bytes()) == \
        (ROOT / "CHANGELOG.md").read_bytes()
    page = gzip.decompress(
        (tmp_path / "usr/share/man/man1/claims-desktop.1.gz").read_bytes()).decode()
    assert page == (ROOT / "resources" / "linux" / "claims-desktop.1").read_text()
    copyright_ = (doc / "copyright").read_text()
    assert re.search(r"^Copyright: \d{4} ", copyright_, re.M)


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
    assert fields["Version"] == f"{__version__}-1"  # upstream version, Debian revision
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    assert depends[1:] == listed_depends()
    assert int(fields["Installed-Size"]) > 0


def test_layout(deb: Path) -> None:
    files = contents(deb)
    assert "/usr/lib/claims-desktop/claims-desktop" in files
    assert not any(p.startswith("/opt") for p in files), "nothing under /opt (FHS)"
    assert files["/usr/bin/claims-desktop"].endswith("-> ../lib/claims-desktop/claims-desktop")
    for path in (f"/usr/share/applications/{APP_ID}.desktop",
                 f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
                 "/usr/share/mime/packages/claims-desktop.xml",
                 "/usr/share/icons/hicolor/scalable/apps/claims-desktop.svg",
                 "/usr/share/icons/hicolor/48x48/apps/claims-desktop.png",
                 "/usr/share/icons/hicolor/256x256/apps/claims-desktop.png",
                 "/etc/xdg/claims-desktop/policies.json.sample",
                 "/usr/share/doc/claims-desktop/IT-GUIDE.md",
                 "/usr/share/doc/claims-desktop/copyright",
                 "/usr/share/doc/claims-desktop/changelog.Debian.gz",
                 "/usr/share/doc/claims-desktop/changelog.gz",
                 "/usr/share/man/man1/claims-desktop.1.gz",
                 "/usr/share/lintian/overrides/claims-desktop"):
        assert path in files, path
    # The sample must change nothing: config.py reads only policies.json.
    assert "/etc/xdg/claims-desktop/policies.json" not in files
    for line in files.values():
        assert " root/root " in line
        if not line.startswith("l"):  # symlink modes mean nothing
            assert line[5] != "w" and line[8] != "w", line  # not group- or world-writable
    assert files["/usr/lib/claims-desktop/claims-desktop"].startswith("-rwxr-xr-x")


def test_conffiles_and_checksums(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    conffiles = (tmp_path / "DEBIAN" / "conffiles").read_text().split()
    assert conffiles == ["/etc/xdg/claims-desktop/policies.json.sample"]
    sums = (tmp_path / "DEBIAN" / "md5sums").read_text()
    assert "usr/lib/claims-desktop/claims-desktop\n" in sums
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
