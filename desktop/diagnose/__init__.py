"""`claims-desktop --diagnose [--json]`: what office IT needs to see, on any PC, without a display.

It answers the questions a support call starts with: which settings apply and
where each came from (built-in default, the user's settings.json, IT policy),
whether an IT policy is broken, which credential store holds the session token
and whether that is an OS store, which certificates are trusted, whether the
portal answers, over which TLS version, with a certificate valid until when,
and which privacy-policy version it serves.

It reads nothing personal and never touches a token: it looks the credential
store up but reads no entry, and talks to the portal only through a public
endpoint (``HEAD /policy`` to see the TLS connection, then ``GET /policy``).
Values printed are settings, paths, certificate names and dates, never PHI. No
Qt here, so it runs on a server, over SSH, or on a PC whose display is broken.

The parts: `local` (settings, IT policy, keyring), `certificates` (what is
trusted), `probe` (the portal), `report` (putting it together, the text form).

Exit code: 0 when nothing would stop a clerk, 1 when something would (no
portal address, a broken IT policy, no trust configured, the portal unreachable
or failing TLS, the portal answering with an error). Warnings (a user setting
that was ignored, no OS credential store, a certificate close to expiry) are
listed but do not change the exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from desktop.config import RegistryReader, load_settings
from desktop.diagnose.certificates import ca_bundle_info, certificate_summary, system_trust_store
from desktop.diagnose.model import EXIT_OK, EXIT_PROBLEM, Check, Report
from desktop.diagnose.report import collect, exit_code, render_text

__all__ = ["EXIT_OK", "EXIT_PROBLEM", "Check", "Report", "ca_bundle_info", "certificate_summary",
           "collect", "exit_code", "render_text", "run_diagnose", "system_trust_store"]


def run_diagnose(
    config_dir: Path | None = None,
    overrides: Mapping[str, object] | None = None,
    *,
    as_json: bool = False,
    out: TextIO | None = None,
    site_dir: Path | None = None,
    registry: RegistryReader | None = None,
) -> int:
    """Load the settings as the app does (command-line values as a user's), report, exit code.

    `site_dir` and `registry` are for tests only: the command line offers no way
    to point the program at another IT policy.
    """
    loaded = load_settings(config_dir=config_dir, site_dir=site_dir, registry=registry)
    if overrides:
        loaded = loaded.with_overrides(overrides)
    report = collect(loaded, site_dir=site_dir, registry=registry)
    stream = out or sys.stdout
    if stream is None:  # the windowed Windows exe has no console: use claims-desktop-console
        return exit_code(report)
    if as_json:
        stream.write(json.dumps(report, indent=2, sort_keys=False) + "\n")
    else:
        stream.write(render_text(report))
    stream.flush()
    return exit_code(report)
