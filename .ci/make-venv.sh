#!/usr/bin/env bash
# Build the project's .venv with progress: `make venv` (and every make target) runs this.
#
#   .ci/make-venv.sh PYTHON VENV EXTRAS      e.g.  .ci/make-venv.sh python3 .venv sandbox,dev
#
# The first install fetches about 90 packages and takes a minute or more; pip's --quiet
# made that a silent minute. This prints each step, one line per package pip collects,
# and the time taken, and keeps warnings and errors. A warning about a missing local
# package index (`Location '...' is ignored`) comes from this machine's pip
# configuration, not from the project: it is shown once, with a count. setuptools'
# informational box about editable installs is shown as one line.
set -euo pipefail

python="$1" venv="$2" extras="$3"
started=$SECONDS

step() { echo "[venv $((SECONDS - started))s] $*"; }

# Keeps pip's progress to one line per package, passes warnings and errors through.
condense() {
    awk '
        /^Collecting / { n++; printf "  %3d  %s\n", n, $2; fflush(); next }
        /is ignored: it is neither a file nor a directory/ {
            if (!ignored++) print "  " $0 "  (from the pip configuration of this machine)"
            next
        }
        /BuildBackendWarning: Editable installation\./ {
            # setuptools marks this one InformationOnly: the editable install is lenient.
            print "  note (setuptools): editable install, desktop/ and sandbox/ are imported from this folder"
            next
        }
        /^Successfully installed/ { print "  installed " NF - 2 " packages"; next }
        /WARNING|ERROR|[Ee]rror|[Ww]arning/ { print; fflush() }
        END { if (ignored > 1) print "  (" ignored - 1 " more pip notes like that one)" }
    '
}

if [[ ! -x "$venv/bin/python" ]]; then
    step "creating $venv with $("$python" --version 2>&1)"
    "$python" -m venv "$venv"
fi
step "upgrading pip"
"$venv/bin/python" -m pip install --upgrade --progress-bar off pip 2>&1 | condense
step "installing claims-desktop (editable) with the extras $extras; the first time takes a minute or two"
"$venv/bin/python" -m pip install --progress-bar off -e ".[$extras]" 2>&1 | condense
step "ready"
