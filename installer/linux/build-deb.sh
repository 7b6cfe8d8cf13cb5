#!/usr/bin/env bash
# Build the Debian package from the PyInstaller bundle (`make bundle` first).
#
#   installer/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]     (defaults: dist/claims-desktop, dist)
#
# Prints the path of the .deb it wrote. Needs dpkg-deb and patchelf (no debhelper): the
# package is laid out by hand, root-owned through --root-owner-group.
#
# Layout:
#   /usr/lib/claims-desktop/                     the bundle (a program's private files
#                                                belong under /usr/lib, FHS 4.6; /opt
#                                                is for the local administrator)
#   /usr/bin/claims-desktop                      relative symlink to the bundle's executable
#   /usr/share/man/man1/claims-desktop.1.gz      resources/linux/claims-desktop.1 (make man)
#   /usr/share/applications/APP_ID.desktop       menu entry
#   /usr/share/metainfo/APP_ID.metainfo.xml      AppStream metadata
#   /usr/share/mime/packages/claims-desktop.xml  application/EDI-X12 (*.835, *.edi), the
#                                                type the menu entry opens
#   /usr/share/icons/hicolor/*/apps/claims-desktop.{png,svg}
#   /etc/xdg/claims-desktop/policies.json.sample sample IT policy (a conffile; no effect
#                                                under that name: config.py reads only
#                                                policies.json)
#   /usr/share/doc/claims-desktop/               IT guide, copyright, changelog.Debian.gz,
#                                                changelog.gz (CHANGELOG.md)
#   /usr/share/lintian/overrides/claims-desktop  the tags a bundled Python cannot avoid,
#                                                each with its reason (lintian-overrides)
#
# The bundle's ELF files are fixed on the way in: a RUNPATH that points outside the
# package (PyInstaller copies the build machine's Python prefix, e.g. /root/.pyenv/...)
# is removed, `$ORIGIN` entries are kept; shared libraries lose the executable bit.
#
# No maintainer scripts: the desktop database, MIME database and icon caches are
# refreshed by the dpkg triggers of desktop-file-utils, shared-mime-info and the
# icon-cache packages, and the program creates nothing outside users' own folders.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/claims-desktop}" && pwd)"
OUT="${2:-$ROOT/dist}"
PACKAGE=claims-desktop
APP_ID=com.example.ClaimsDesktop
UPSTREAM="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop/__init__.py")"
# A Debian revision: the packaging can change without a new program version.
DEB_REVISION="${DEB_REVISION:-1}"
VERSION="$UPSTREAM-$DEB_REVISION"
LIB="usr/lib/$PACKAGE"
ARCH="$(dpkg --print-architecture)"

[[ -x "$BUNDLE/claims-desktop" ]] || { echo "no bundle at $BUNDLE (run make bundle)" >&2; exit 2; }
[[ -n "$UPSTREAM" ]] || { echo "cannot read the version from desktop/__init__.py" >&2; exit 2; }
command -v patchelf >/dev/null || { echo "patchelf not found: apt-get install patchelf" >&2; exit 2; }

stage="$(mktemp -d "${TMPDIR:-/tmp}/claims-deb.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/$PACKAGE"
umask 022

install -d "$pkg/$LIB" "$pkg/usr/bin" "$pkg/DEBIAN"
cp -a "$BUNDLE/." "$pkg/$LIB/"
ln -s "../lib/$PACKAGE/claims-desktop" "$pkg/usr/bin/claims-desktop"  # relative (Policy 10.5)

install -D -m 644 "$ROOT/resources/linux/$APP_ID.desktop" \
    "$pkg/usr/share/applications/$APP_ID.desktop"
install -D -m 644 "$ROOT/resources/linux/$APP_ID.metainfo.xml" \
    "$pkg/usr/share/metainfo/$APP_ID.metainfo.xml"
install -D -m 644 "$ROOT/resources/linux/$APP_ID.mime.xml" \
    "$pkg/usr/share/mime/packages/$PACKAGE.xml"
for png in "$ROOT"/resources/icons/hicolor/*/apps/claims-desktop.png; do
    size="$(basename "$(dirname "$(dirname "$png")")")"
    install -D -m 644 "$png" "$pkg/usr/share/icons/hicolor/$size/apps/claims-desktop.png"
done
install -D -m 644 "$ROOT/resources/icons/claims-desktop.svg" \
    "$pkg/usr/share/icons/hicolor/scalable/apps/claims-desktop.svg"
install -D -m 644 "$ROOT/resources/policies.json.sample" \
    "$pkg/etc/xdg/claims-desktop/policies.json.sample"
install -D -m 644 "$ROOT/installer/README.md" "$pkg/usr/share/doc/$PACKAGE/IT-GUIDE.md"
install -D -m 644 "$ROOT/resources/linux/claims-desktop.1" "$pkg/usr/share/man/man1/claims-desktop.1"
gzip -9n "$pkg/usr/share/man/man1/claims-desktop.1"
install -D -m 644 "$ROOT/installer/linux/lintian-overrides" \
    "$pkg/usr/share/lintian/overrides/$PACKAGE"
# Changelogs: the program's own (CHANGELOG.md) and the package's, in Debian's format.
gzip -9nc "$ROOT/CHANGELOG.md" > "$pkg/usr/share/doc/$PACKAGE/changelog.gz"
stamp="$(date -u -R -d "@${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null \
    || date +%s)}")"
cat > "$stage/changelog.Debian" <<EOF
$PACKAGE ($VERSION) stable; urgency=medium

  * Claims Desktop $UPSTREAM, packaged from its PyInstaller bundle. The program's
    changes are in /usr/share/doc/$PACKAGE/changelog.gz.

 -- Claims Desktop maintainers <claims-desktop@payer.example>  $stamp
EOF
gzip -9nc "$stage/changelog.Debian" > "$pkg/usr/share/doc/$PACKAGE/changelog.Debian.gz"
cat > "$pkg/usr/share/doc/$PACKAGE/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Claims Desktop
Upstream-Contact: Claims Desktop maintainers <claims-desktop@payer.example>

Files: *
Copyright: 2026 the publisher of Claims Desktop
License: proprietary
 Claims Desktop is proprietary software of its publisher. The bundled Qt for
 Python (PySide6) and Qt libraries are used under the LGPLv3; Python under the
 PSF License; the other bundled Python packages under their own licenses
 (MIT, BSD, Apache-2.0), recorded in their dist-info folders under
 /usr/lib/claims-desktop/_internal.
EOF

# Permissions: readable by all, writable by root only; executables stay executable.
find "$pkg" -type d -exec chmod 755 {} +
find "$pkg" -type f -exec chmod go-w,a+r {} +

# ELF files of the bundle: no RUNPATH outside the package, shared libraries not executable.
while IFS= read -r -d '' file; do
    [[ "$(head -c 4 "$file")" == $'\x7fELF' ]] || continue
    runpath="$(patchelf --print-rpath "$file" 2>/dev/null || true)"
    if [[ -n "$runpath" ]]; then
        keep="$(tr ':' '\n' <<<"$runpath" | grep '^\$ORIGIN' | paste -sd: - || true)"
        if [[ -n "$keep" ]]; then
            [[ "$keep" == "$runpath" ]] || patchelf --set-rpath "$keep" "$file"
        else
            patchelf --remove-rpath "$file"
        fi
    fi
    case "$(basename "$file")" in *.so | *.so.*) chmod 644 "$file" ;; esac
done < <(find "$pkg/$LIB" -type f -print0)

# Depends: the system libraries the bundle links against, libc6 with the newest
# GLIBC symbol version any of its files uses.
mapfile -t depends < <(grep -v '^[[:space:]]*\(#\|$\)' "$ROOT/installer/linux/DEPENDS")
glibc="$(find "$pkg/$LIB" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' \
    | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
depends=("libc6 (>= ${glibc:-2.28})" "${depends[@]}")
installed_kb="$(du -sk --apparent-size --exclude=DEBIAN "$pkg" | cut -f1)"

cat > "$pkg/DEBIAN/control" <<EOF
Package: $PACKAGE
Version: $VERSION
Architecture: $ARCH
Maintainer: Claims Desktop maintainers <claims-desktop@payer.example>
Installed-Size: $installed_kb
Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Suggests: gnome-keyring | kwalletmanager | keepassxc
Section: misc
Priority: optional
Description: desktop client for a payer's Claims Online Portal
 Claims Desktop lets billing clerks in provider offices find claims and see,
 in plain words, why each was paid, denied or is still pending. It talks to
 the portal over TLS and keeps nothing on the PC but the session token, in
 the desktop's Secret Service credential store (GNOME Keyring, KWallet,
 KeePassXC).
 .
 Office IT presets it for all users in /etc/xdg/claims-desktop/policies.json
 (a sample is installed beside it) and checks a PC with
 "claims-desktop --diagnose".
EOF
echo "/etc/xdg/claims-desktop/policies.json.sample" > "$pkg/DEBIAN/conffiles"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' \
    | LC_ALL=C sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
chmod 644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/conffiles" "$pkg/DEBIAN/md5sums"

mkdir -p "$OUT"
deb="$(cd "$OUT" && pwd)/${PACKAGE}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$deb"
