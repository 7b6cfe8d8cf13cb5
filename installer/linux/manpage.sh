#!/usr/bin/env bash
# Print the manual page claims-desktop(1), generated from the program's own --help.
#
#   installer/linux/manpage.sh [PYTHON] > resources/linux/claims-desktop.1   (make man)
#
# help2man (Debian package help2man) runs `claims-desktop --help` and `--version` through
# a wrapper around `PYTHON -m desktop`, at a fixed width, and adds the sections of
# resources/linux/claims-desktop.h2m (files, see also). The committed page is checked
# against a fresh one by tests/installer/test_resources.py; build-deb.sh installs it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${1:-$ROOT/.venv/bin/python}"
work="$(mktemp -d "${TMPDIR:-/tmp}/claims-man.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat > "$work/claims-desktop" <<WRAP
#!/bin/sh
cd "$ROOT" && COLUMNS=80 exec "$PY" -m desktop "\$@"
WRAP
chmod 755 "$work/claims-desktop"
# A fixed date: the page changes when --help does, not every month.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}" help2man --no-info --section 1 \
    --name "desktop client for a payer's Claims Online Portal" \
    --source "Claims Desktop" --manual "User Commands" \
    --include "$ROOT/resources/linux/claims-desktop.h2m" \
    "$work/claims-desktop"
