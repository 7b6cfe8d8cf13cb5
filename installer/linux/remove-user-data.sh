#!/usr/bin/env bash
# Remove what Claims Desktop left in the profile of the user who runs this script:
# the settings folder (no patient data: the last accepted policy version), the data
# folder of the developer-only --demo mode, and any session token still in the
# Secret Service (normally none: sign-out and quit delete it).
#
#   installer/linux/remove-user-data.sh          (as the user, e.g. from a logout script)
#
# Exported claim files are wherever the user saved them and are not touched.
set -euo pipefail

config="${XDG_CONFIG_HOME:-$HOME/.config}/claims-desktop"
data="${XDG_DATA_HOME:-$HOME/.local/share}/claims-desktop"
for folder in "$config" "$data"; do
    if [[ -e "$folder" ]]; then
        rm -rf -- "$folder"
        echo "removed $folder"
    fi
done

if command -v secret-tool >/dev/null 2>&1; then
    # keyring files entries with the attribute service=claims-desktop.
    if secret-tool clear service claims-desktop 2>/dev/null; then
        echo "removed claims-desktop entries from the Secret Service"
    fi
else
    echo "secret-tool not found (apt-get install libsecret-tools): Secret Service entries" \
         "of service 'claims-desktop' were not checked" >&2
fi
