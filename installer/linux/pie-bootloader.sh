#!/usr/bin/env bash
# Rebuild PyInstaller's Linux bootloader as a hardened PIE, in place in the venv.
#
#   installer/linux/pie-bootloader.sh [PYTHON]        (default: .venv/bin/python)
#
# Why: the bootloader is the bundle's launcher (/usr/lib/claims-desktop/claims-desktop).
# The one in PyInstaller's wheel is linked as a fixed-address executable, so ASLR cannot
# move it (lintian: hardening-no-pie). PyInstaller documents building its bootloader
# from the sdist with `CC="gcc -fPIE -pie"`; this does that for the installed version
# (same version, same sources) with full RELRO and immediate binding as well, and
# replaces `run` and `run_d` in the installed package. Needs gcc, libc6-dev and
# zlib1g-dev, and pip access to the PyInstaller sdist. Takes about ten seconds.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${1:-$ROOT/.venv/bin/python}"
# Absolute: the build below runs from the unpacked sources' folder.
PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"
[[ "$(uname -s)" == Linux ]] || { echo "pie-bootloader: Linux only; nothing to do"; exit 0; }

version="$("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)')"
# The wheel ships the one bootloader folder of this platform (e.g. Linux-64bit-intel).
target="$("$PY" - <<'EOF'
import glob, os, PyInstaller
found = glob.glob(os.path.join(os.path.dirname(PyInstaller.__file__), "bootloader",
                               "Linux-*", "run"))
print(os.path.dirname(found[0]) if len(found) == 1 else "")
EOF
)"
[[ -d "$target" ]] || { echo "pie-bootloader: no bootloader folder $target" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/pie-bootloader.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$PY" -m pip download --quiet --no-deps --no-binary :all: --dest "$work" \
    "pyinstaller==$version"
tar -xzf "$work"/pyinstaller-"$version".tar.gz -C "$work"
cd "$work/pyinstaller-$version/bootloader"
# -fPIE -pie in CC, as PyInstaller's own wscript expects; RELRO/BIND_NOW at link time.
CC="gcc -fPIE -pie -Wl,-z,relro -Wl,-z,now" "$PY" ./waf all >/dev/null
built="$work/pyinstaller-$version/PyInstaller/bootloader/$(basename "$target")"
for name in run run_d; do
    # A PIE is an ELF of type DYN (readelf is in binutils, which the build needs anyway).
    readelf -h "$built/$name" | grep -q "Type:[[:space:]]*DYN" \
        || { echo "pie-bootloader: $name did not come out as PIE" >&2; exit 1; }
    install -m 755 "$built/$name" "$target/$name"
done
echo "pie-bootloader: PyInstaller $version bootloader rebuilt as PIE in $target"
