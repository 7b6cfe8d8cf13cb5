#!/usr/bin/env bash
# Run a command with a real, unlocked Secret Service keyring, so that the token
# store is tested against gnome-keyring and not only against a fake.
#
#   .ci/with-keyring.sh .venv/bin/pytest tests/unit/test_tokenstore_secret_service.py -q
#
# Inside a desktop session that already runs a Secret Service this only sets
# CLAIMS_REQUIRE_KEYRING=1 and runs the command. Otherwise it re-runs itself in
# a private session bus (dbus-run-session) and starts gnome-keyring-daemon there
# with a throwaway password on stdin: that creates and unlocks a "login"
# collection, so secretstorage can write without any prompt. The daemon keeps
# its files in a temporary folder, removed afterwards; HOME is not touched.
#
# Needs (Debian/Ubuntu): apt-get install --no-install-recommends gnome-keyring dbus
# (dbus brings dbus-run-session and dbus-send).
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

secret_service_running() {
    [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || return 1
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q "boolean true"
}

if secret_service_running; then
    export CLAIMS_REQUIRE_KEYRING=1
    exec "$@"
fi

if [[ "${CLAIMS_KEYRING_INNER:-}" != 1 ]]; then
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "with-keyring: '$tool' not found; run 'bash .ci/system-deps.sh test' (gnome-keyring, dbus)" >&2
            exit 3
        fi
    done
    export CLAIMS_KEYRING_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi

# From here on we are inside our own private session bus.
unset CLAIMS_KEYRING_INNER
keyring_dir="$(mktemp -d "${TMPDIR:-/tmp}/claims-keyring.XXXXXX")"
daemon_pid=""
cleanup() {
    if [[ -n "$daemon_pid" ]]; then
        kill "$daemon_pid" 2>/dev/null || true
    fi
    rm -rf "$keyring_dir"
}
trap cleanup EXIT
mkdir -m 700 "$keyring_dir/data" "$keyring_dir/runtime"

# The password only unlocks this throwaway keyring; printf is a builtin, so it
# never appears in a process list.
password="throwaway-$RANDOM$RANDOM$RANDOM"
daemon_env="$(
    printf '%s' "$password" \
        | XDG_DATA_HOME="$keyring_dir/data" XDG_RUNTIME_DIR="$keyring_dir/runtime" \
          gnome-keyring-daemon --unlock --components=secrets
)"
unset password
while IFS='=' read -r name value; do
    case "$name" in
        GNOME_KEYRING_CONTROL | GNOME_KEYRING_PID | SSH_AUTH_SOCK) export "$name=$value" ;;
    esac
done <<<"$daemon_env"

# gnome-keyring-daemon forks; wait until it owns the Secret Service name.
for _ in $(seq 1 100); do
    secret_service_running && break
    sleep 0.1
done
if ! secret_service_running; then
    echo "with-keyring: gnome-keyring-daemon did not register org.freedesktop.secrets" >&2
    exit 4
fi
daemon_pid="$(
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
        | awk '/uint32/ {print $2}'
)"

export CLAIMS_REQUIRE_KEYRING=1
set +e
"$@"
status=$?
exit "$status"
