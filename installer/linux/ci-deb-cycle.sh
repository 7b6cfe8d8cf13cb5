#!/usr/bin/env bash
# CI: install the .deb, check the installed copy against the reference portal, purge it,
# and check that nothing is left behind.
#
#   installer/linux/ci-deb-cycle.sh dist/claims-desktop_VERSION_ARCH.deb
#
# Needs root (apt-get, /etc/xdg), the repository's .venv (it runs the reference portal
# with `python -m sandbox serve`; PYTHON overrides the interpreter) and no other
# claims-desktop package installed. Takes well under a minute plus apt's time.
#
# What it checks, from the installed copy only (/usr/bin/claims-desktop):
#  1. the package's files, the conffile, the menu entry;
#  2. --version, and --diagnose --json against the portal with command-line settings;
#  3. --diagnose exits 1 when no portal address is set;
#  4. an IT policy in /etc/xdg/claims-desktop/policies.json wins over the user's
#     settings and the command line, shows as managed/locked, and the app starts
#     offscreen from it alone (--exit-after-start);
#  5. a broken policy file makes --diagnose exit 1 and report it;
#  6. an offscreen launch stays up for a few seconds until it is terminated;
#  7. the program wrote nothing into its install folder;
#  8. after `apt-get purge` no file of the package, and neither of its folders, is left.
# Before all that (step 0) lintian checks the .deb and fails on any error or warning
# that installer/linux/lintian-overrides does not explain.
# An existing policies.json on the machine is put back afterwards.
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1" ]]; then
    echo "usage: $0 PATH/TO/claims-desktop_VERSION_ARCH.deb" >&2
    exit 2
fi
if [[ "$(id -u)" != 0 ]]; then
    echo "$0: needs root (apt-get install/purge, /etc/xdg)" >&2
    exit 2
fi

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEB="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
PACKAGE=claims-desktop
POLICY_DIR=/etc/xdg/claims-desktop
POLICY="$POLICY_DIR/policies.json"
export DEBIAN_FRONTEND=noninteractive
# The system PATH only: a developer's venv must not stand in for the installed copy.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
started=$SECONDS

work="$(mktemp -d "${TMPDIR:-/tmp}/claims-deb-cycle.XXXXXX")"
sandbox_pid=""
app_pid=""
backup=""
cleanup() {
    [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null || true
    [[ -n "$sandbox_pid" ]] && wait "$sandbox_pid" 2>/dev/null || true
    rm -f "$POLICY"
    if [[ -n "$backup" && -f "$backup" ]]; then
        mkdir -p "$POLICY_DIR"
        mv "$backup" "$POLICY"
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# Assert on a JSON document: check FILE 'python expression over doc'
check() {
    "$PY" - "$1" "$2" <<'EOF' || fail "check failed: $2"
import json, sys
doc = json.load(open(sys.argv[1]))
if not eval(sys.argv[2], {"doc": doc}):
    sys.exit(f"not true: {sys.argv[2]}")
EOF
}

if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "ok installed"; then
    fail "$PACKAGE is already installed on this machine; remove it first"
fi
if [[ -f "$POLICY" ]]; then
    backup="$work/policies.json.machine"
    mv "$POLICY" "$backup"
fi

step "lintian $DEB"
command -v lintian >/dev/null || fail "lintian not found: apt-get install lintian"
# Root is how CI runs this script; lintian only warns about it.
lintian_rc=0
lintian --fail-on error,warning --tag-display-limit 0 "$DEB" > "$work/lintian.txt" 2>&1 \
    || lintian_rc=$?
grep -v "running with root privileges" "$work/lintian.txt" || true
[[ "$lintian_rc" == 0 ]] || fail "lintian reports errors or warnings (exit $lintian_rc)"

step "install $DEB"
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|; s|/$||' | grep -v '^$' > "$work/contents"
apt-get install -y -qq --no-install-recommends "$DEB" > "$work/apt-install.log" 2>&1 \
    || { cat "$work/apt-install.log" >&2; fail "apt-get install"; }
[[ "$(command -v claims-desktop)" == /usr/bin/claims-desktop ]] || fail "claims-desktop not on PATH"
man -w claims-desktop >/dev/null 2>&1 || fail "no manual page"
[[ -x /usr/lib/$PACKAGE/claims-desktop ]] || fail "bundle not under /usr/lib/$PACKAGE"
[[ -f /usr/share/applications/com.example.ClaimsDesktop.desktop ]] || fail "no menu entry"
[[ -f /usr/share/icons/hicolor/256x256/apps/claims-desktop.png ]] || fail "no icon"
[[ -f "$POLICY_DIR/policies.json.sample" ]] || fail "no sample policy"
[[ ! -e "$POLICY" ]] || fail "the package must not install policies.json"
dpkg-query -W -f='${Conffiles}\n' "$PACKAGE" | grep -q "$POLICY_DIR/policies.json.sample" \
    || fail "the sample policy is not a conffile"
version="$(claims-desktop --version)"
packaged="$(dpkg-query -W -f='${Version}' "$PACKAGE")"
[[ "$version" == "claims-desktop ${packaged%-*}" ]] \
    || fail "--version said '$version'"
echo "$version"

step "start the reference portal"
mkdir -p "$work/sandbox"
"$PY" -m sandbox serve --host 127.0.0.1 --port 0 --data "$work/sandbox" --claims 50 \
    --rate-limit 0 > "$work/ready" 2> "$work/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 1 600); do
    [[ -s "$work/ready" ]] && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log" >&2; fail "portal exited"; }
    sleep 0.2
done
[[ -s "$work/ready" ]] || fail "the portal printed no ready line"
URL="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$work/ready")"
CA="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["ca_bundle"])' "$work/ready")"
echo "portal at $URL"

step "--diagnose with command-line settings"
claims-desktop --diagnose --json --portal-url "$URL" --ca-bundle "$CA" \
    --config-dir "$work/user1" > "$work/diag1.json" || fail "--diagnose exit $?"
check "$work/diag1.json" 'doc["ok"] and doc["app"]["frozen"]'
check "$work/diag1.json" 'doc["portal"]["reachable"] and doc["portal"]["policy_version"]'
check "$work/diag1.json" 'doc["portal"]["tls_version"] in ("TLSv1.2", "TLSv1.3")'
check "$work/diag1.json" 'doc["portal"]["certificate"]["days_left"] > 0'
check "$work/diag1.json" 'doc["settings"]["values"]["portal_url"]["source"] == "user"'
check "$work/diag1.json" 'doc["keyring"]["backend"] and "os_store" in doc["keyring"]'
claims-desktop --diagnose --portal-url "$URL" --ca-bundle "$CA" --config-dir "$work/user1" \
    > "$work/diag1.txt" || fail "--diagnose (text) exit $?"
grep -q "nothing stops a clerk" "$work/diag1.txt" || fail "text report lacks its verdict"

step "--diagnose without a portal address"
set +e
claims-desktop --diagnose --json --config-dir "$work/user1" > "$work/diag2.json"
status=$?
set -e
[[ $status == 1 ]] || fail "--diagnose without portal exited $status, expected 1"
check "$work/diag2.json" 'any(c["name"] == "portal_url" and c["status"] == "error" for c in doc["checks"])'

step "IT policy in $POLICY"
mkdir -p "$work/user2"
printf '{"portal_url": "https://user.choice.example/api/v1", "idle_lock_minutes": 10}\n' \
    > "$work/user2/settings.json"
"$PY" - "$URL" "$CA" > "$POLICY" <<'EOF'
import json, sys
print(json.dumps({"_comment": "written by ci-deb-cycle.sh", "portal_url": sys.argv[1],
                  "ca_bundle": sys.argv[2], "idle_lock_minutes": 5, "allow_export": False}))
EOF
claims-desktop --diagnose --json --config-dir "$work/user2" \
    --portal-url https://command.line.example/api/v1 > "$work/diag3.json" \
    || fail "--diagnose with IT policy exit $?"
check "$work/diag3.json" 'doc["ok"] and doc["portal"]["reachable"]'
check "$work/diag3.json" 'doc["settings"]["values"]["portal_url"] == {"value": doc["portal"]["url"], "source": "managed", "locked": True}'
check "$work/diag3.json" 'doc["settings"]["values"]["allow_export"]["value"] is False and doc["settings"]["values"]["allow_export"]["locked"]'
check "$work/diag3.json" 'doc["settings"]["values"]["idle_lock_minutes"]["value"] == 5 and doc["settings"]["values"]["idle_lock_minutes"]["max"] == 5'
check "$work/diag3.json" 'any("override is ignored" in p for p in doc["settings"]["problems"])'
QT_QPA_PLATFORM=offscreen timeout 120 claims-desktop --exit-after-start \
    --config-dir "$work/user2" > "$work/start1.log" 2>&1 \
    || { cat "$work/start1.log" >&2; fail "offscreen start from the IT policy exited $?"; }

step "broken IT policy"
printf '{"portal_url": "https://oops.example/api/v1",\n' > "$POLICY"
set +e
claims-desktop --diagnose --json --config-dir "$work/user2" > "$work/diag4.json"
status=$?
set -e
[[ $status == 1 ]] || fail "--diagnose with a broken policy exited $status, expected 1"
check "$work/diag4.json" 'doc["settings"]["managed"]["broken"] and not doc["ok"]'
check "$work/diag4.json" 'doc["settings"]["values"]["allow_export"]["value"] is False'
check "$work/diag4.json" 'doc["settings"]["values"]["portal_url"]["value"] is None'
rm -f "$POLICY"

step "offscreen launch, kept running, then terminated"
QT_QPA_PLATFORM=offscreen claims-desktop --portal-url "$URL" --ca-bundle "$CA" \
    --config-dir "$work/user3" > "$work/run.log" 2>&1 &
app_pid=$!
sleep 5
kill -0 "$app_pid" 2>/dev/null || { cat "$work/run.log" >&2; fail "the app did not keep running"; }
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
if grep -q "Traceback\|ERROR" "$work/run.log"; then
    cat "$work/run.log" >&2
    fail "the app logged an error"
fi

step "nothing written into the install folder"
dpkg --verify "$PACKAGE" || fail "installed files changed"
find "/usr/lib/$PACKAGE" | sort > "$work/on-disk"
dpkg-query -L "$PACKAGE" | grep "^/usr/lib/$PACKAGE" | sort > "$work/packaged"
extra="$(comm -23 "$work/on-disk" "$work/packaged")"
[[ -z "$extra" ]] || fail "files created under /usr/lib/$PACKAGE: $extra"

step "purge"
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""
apt-get purge -y -qq "$PACKAGE" > "$work/apt-purge.log" 2>&1 \
    || { cat "$work/apt-purge.log" >&2; fail "apt-get purge"; }
if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q "installed\|config-files"; then
    fail "dpkg still knows $PACKAGE after purge"
fi
left=""
while read -r path; do
    case "$path" in
        /usr/lib/$PACKAGE* | /etc/xdg/$PACKAGE* | /usr/bin/claims-desktop | */claims-desktop.png \
            | */claims-desktop.svg | */com.example.ClaimsDesktop.* | /usr/share/doc/$PACKAGE*)
            [[ -e "$path" || -L "$path" ]] && left+=" $path" ;;
    esac
done < "$work/contents"
[[ -z "$left" ]] || fail "left after purge:$left"
[[ ! -e "/usr/lib/$PACKAGE" && ! -e "$POLICY_DIR" ]] || fail "package folders left after purge"
hash -r
if command -v claims-desktop >/dev/null; then fail "claims-desktop still on PATH"; fi

step "deb cycle passed"
