#!/usr/bin/env bash
# Install the Debian/Ubuntu packages a command needs, when they are missing.
#
#   .ci/system-deps.sh demo   # what `make demo` needs: the libraries Qt's xcb plugin loads
#   .ci/system-deps.sh test   # what `make test` needs: the above, gnome-keyring and D-Bus,
#                             # Xvfb and at-spi2-core (the screen-reader test, screenshots),
#                             # the installer tools (msitools, validators, patchelf,
#                             # help2man) and gcc for the bundle's PIE launcher
#   .ci/system-deps.sh ci     # what `.ci/run` needs: everything above, make and lintian
#
# Used by `make demo`, `make test` and `.ci/run`, so that a fresh machine needs only the
# README's two commands. It asks dpkg what is installed and says nothing when all is
# there (a few milliseconds). Otherwise it says what it installs and why, then runs
# `apt-get install --no-install-recommends` as root, or through sudo for anyone else
# (sudo asks for a password when it needs one; with no terminal, as under CI, it must
# not need one). CLAIMS_SYSTEM_DEPS=skip skips the whole thing (a machine managed some
# other way); on a system without dpkg it lists the packages and goes on.
#
# Package names are Debian 12's; installer/linux/DEPENDS (the .deb's runtime libraries)
# is read from the same place the package build reads it.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A WHY=()   # package -> why it is needed (the first reason that asked for it)
ORDER=()

want() {  # want REASON PACKAGE...
    local reason="$1" pkg
    shift
    for pkg in "$@"; do
        if [[ -z "${WHY[$pkg]:-}" ]]; then
            WHY[$pkg]="$reason"
            ORDER+=("$pkg")
        fi
    done
}

want_qt_core() {
    want "Qt (offscreen and on screen)" \
        libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 \
        libxkbcommon0 fonts-dejavu-core
}

want_qt_xcb() {
    want "Qt's xcb platform plugin (the window on X11/XWayland)" \
        libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 \
        libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
        libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 \
        libxkbcommon-x11-0
}

want_venv() {
    # Debian's own python3 leaves `venv`/ensurepip out; a pyenv or python.org build has it.
    local python="${PYTHON:-python3}"
    if command -v "$python" >/dev/null 2>&1 && ! "$python" -c 'import ensurepip' 2>/dev/null; then
        want "'$python -m venv' (the project's .venv)" python3-venv
    fi
}

want_test() {
    want_venv
    want_qt_core
    want "the token-store tests against a real Secret Service keyring (.ci/with-keyring.sh)" \
        gnome-keyring dbus dbus-bin
    want "the installer tests: the Windows installer built and read on Linux" wixl msitools
    want "the screen-reader test (tests/a11y) and make screenshots: Xvfb and AT-SPI" \
        xvfb xauth dbus-daemon at-spi2-core
    want_qt_xcb
    want "the installer tests: .desktop and AppStream files validated" \
        desktop-file-utils appstream
    want "the installer tests: the .deb built and its ELF dependencies read and fixed" \
        dpkg binutils patchelf
    want "the installer tests: the manual page made from --help" help2man
    want "the bundle's PIE launcher (installer/linux/pie-bootloader.sh compiles it)" \
        gcc libc6-dev zlib1g-dev
    local depends
    mapfile -t depends < <(grep -v '^[[:space:]]*\(#\|$\)' installer/linux/DEPENDS)
    want "the .deb's runtime libraries (installer/linux/DEPENDS; checked by the bundle tests)" \
        "${depends[@]}"
}

case "${1:-}" in
    demo) want_venv; want_qt_core; want_qt_xcb ;;
    test) want_test ;;
    ci) want "the build commands" make; want_test; want_qt_xcb
        want "the .deb's install cycle: lintian and the man page index" lintian man-db ;;
    *) echo "usage: $0 demo|test|ci" >&2; exit 2 ;;
esac

if [[ "${CLAIMS_SYSTEM_DEPS:-}" == skip ]]; then
    exit 0
fi
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: no dpkg/apt-get here; make sure these (Debian names) are installed:" >&2
    echo "  ${ORDER[*]}" >&2
    exit 0
fi

declare -A INSTALLED=()
while read -r name status; do
    [[ "$status" == ii* ]] && INSTALLED[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${ORDER[@]}" 2>/dev/null || true)

MISSING=()
for pkg in "${ORDER[@]}"; do
    [[ -n "${INSTALLED[$pkg]:-}" ]] || MISSING+=("$pkg")
done
if [[ ${#MISSING[@]} -eq 0 ]]; then
    exit 0
fi

echo "system-deps: installing ${#MISSING[@]} Debian package(s) that '$1' needs:"
last=""
for pkg in "${MISSING[@]}"; do
    if [[ "${WHY[$pkg]}" != "$last" ]]; then
        last="${WHY[$pkg]}"
        echo "  for $last:"
    fi
    echo "    $pkg"
done

if [[ "$(id -u)" == 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
    [[ -t 0 ]] || as_root=(sudo -n)   # no terminal to ask for a password on
    echo "system-deps: through sudo (it may ask for your password)"
else
    echo "system-deps: not root and no sudo; as root, run:" >&2
    echo "  apt-get install --no-install-recommends ${MISSING[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "system-deps: apt-get update"
"${as_root[@]}" apt-get update -qq
echo "system-deps: apt-get install (progress below)"
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${MISSING[@]}" \
    | grep --line-buffered -E '^(Get:|Setting up|E:|W:)' || true
still=()
for pkg in "${MISSING[@]}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii' || still+=("$pkg")
done
if [[ ${#still[@]} -ne 0 ]]; then
    echo "system-deps: still missing after apt-get: ${still[*]}" >&2
    exit 1
fi
echo "system-deps: done"
