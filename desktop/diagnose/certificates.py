"""What is trusted: the IT-set CA bundle, certificate by certificate, and the system store.

Certificates are read with `cryptography`'s x509, the library the wider Python
world already trusts to read them, rather than a DER reader of our own.
"""

from __future__ import annotations

import os
import re
import ssl
import sys
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from desktop.diagnose.model import clean

MAX_CA_FILE_BYTES = 5_000_000
MAX_LISTED_CAS = 10

# The parts of a name that tell an IT person which certificate this is, in the
# short form they know from browsers and openssl.
_NAME_LABELS = {NameOID.COMMON_NAME: "CN", NameOID.ORGANIZATION_NAME: "O",
                NameOID.ORGANIZATIONAL_UNIT_NAME: "OU", NameOID.COUNTRY_NAME: "C"}

# Splits a bundle into its blocks so that one broken certificate is reported as
# such instead of hiding the others (x509.load_pem_x509_certificates is all or nothing).
_PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


def _name(name: x509.Name) -> str:
    found = [f"{_NAME_LABELS[attr.oid]}={attr.value!s}" for attr in name
             if attr.oid in _NAME_LABELS]
    return ", ".join(found) or "(no name)"


def _summary(cert: x509.Certificate, now: datetime | None) -> dict[str, Any]:
    try:
        not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
        subject, issuer = _name(cert.subject), _name(cert.issuer)
    except ValueError as exc:  # cryptography parses some fields only when asked
        raise ValueError("not a readable X.509 certificate") from exc
    moment = now or datetime.now(UTC)
    return {
        "subject": clean(subject),
        "issuer": clean(issuer),
        "not_before": not_before.isoformat(),
        "not_after": not_after.isoformat(),
        "days_left": (not_after - moment).days,
    }


def certificate_summary(der: bytes, now: datetime | None = None) -> dict[str, Any]:
    """Subject, issuer and validity of one DER certificate; ValueError if unreadable."""
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise ValueError("not a readable X.509 certificate") from exc
    return _summary(cert, now)


def _read_capped(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_CA_FILE_BYTES + 1)


def ca_bundle_info(path: str) -> dict[str, Any]:
    """The bundle as IT should see it: present or not, how many certificates, which ones."""
    info: dict[str, Any] = {"path": clean(path, 500), "exists": os.path.isfile(path),
                            "count": 0, "certificates": [], "error": None}
    if not info["exists"]:
        info["error"] = "the file does not exist"
        return info
    try:
        data = _read_capped(path)
    except OSError as exc:
        info["error"] = f"cannot be read ({exc.strerror or type(exc).__name__})"
        return info
    blocks = _PEM_BLOCK.findall(data)
    info["count"] = len(blocks)
    for block in blocks[:MAX_LISTED_CAS]:
        try:
            info["certificates"].append(_summary(x509.load_pem_x509_certificate(block), None))
        except ValueError:
            info["certificates"].append({"error": "not a readable certificate"})
    if not blocks:
        info["error"] = "contains no PEM certificate"
    return info


def system_trust_store() -> str:
    """Which system store `truststore` consults here, and whether the environment bent it."""
    if sys.platform == "win32":
        return "Windows certificate store (through truststore)"
    if sys.platform == "darwin":
        return "macOS Keychain trust settings (through truststore)"
    paths = ssl.get_default_verify_paths()
    # OpenSSL honours these variables; say so, since they change what is trusted.
    from_env = [n for n in (paths.openssl_cafile_env, paths.openssl_capath_env)
                if os.environ.get(n)]
    note = f" (set by {', '.join(from_env)})" if from_env else ""
    if paths.cafile:
        return f"OpenSSL system store {paths.cafile}{note}"
    if paths.capath and os.path.isdir(paths.capath):
        return f"OpenSSL system store {paths.capath}{note}"
    return "the distribution's CA bundle (through truststore)"
