"""The trust section: CA bundle contents read with cryptography's x509, the system store."""

from __future__ import annotations

import ssl
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trustme
from cryptography import x509

from desktop import diagnose
from tests.unit.diagnose.helpers import (
    checks,
    report_for,
    write_json,
)


def test_a_missing_ca_bundle_is_an_error(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "ca.pem"
    write_json(dirs[1], "policies.json", {"portal_url": "https://portal.example.test/api",
                                          "ca_bundle": str(missing)})
    report = report_for(dirs)
    assert "does not exist" in checks(report, "error")["ca_bundle"][0]
    assert report["trust"]["ca_bundle"]["exists"] is False
    assert report["portal"]["skipped"]



def test_ca_bundle_certificates_are_listed(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    ca = trustme.CA(organization_name="Fictional Inspection Proxy CA")
    other = trustme.CA(organization_name="Second Fictional CA")
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(ca.cert_pem.bytes() + b"\n" + other.cert_pem.bytes())
    write_json(dirs[0], "settings.json", {"ca_bundle": str(bundle)})
    info = report_for(dirs)["trust"]["ca_bundle"]
    assert info["count"] == 2 and info["error"] is None
    subjects = [c["subject"] for c in info["certificates"]]
    assert any("O=Fictional Inspection Proxy CA" in s for s in subjects)
    assert all(c["days_left"] > 300 for c in info["certificates"])



def test_a_file_without_certificates_is_reported(dirs: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    bundle = tmp_path / "empty.pem"
    bundle.write_text("not a certificate\n", encoding="utf-8")
    assert diagnose.ca_bundle_info(str(bundle))["error"] == "contains no PEM certificate"



def test_certificate_summary_matches_an_x509_library() -> None:
    ca = trustme.CA(organization_name="Fictional Test CA")
    leaf = ca.issue_cert("portal.example.test", organization_name="Fictional Payer")
    pem = leaf.cert_chain_pems[0].bytes().decode("ascii")
    der = ssl.PEM_cert_to_DER_cert(pem)
    parsed = x509.load_der_x509_certificate(der)
    now = datetime(2030, 1, 1, tzinfo=UTC)
    summary = diagnose.certificate_summary(der, now=now)
    assert summary["not_after"] == parsed.not_valid_after_utc.isoformat()
    assert summary["not_before"] == parsed.not_valid_before_utc.isoformat()
    assert summary["days_left"] == (parsed.not_valid_after_utc - now).days
    assert "O=Fictional Payer" in summary["subject"]
    assert "O=Fictional Test CA" in summary["issuer"]
    with pytest.raises(ValueError):
        diagnose.certificate_summary(der[:40])
    with pytest.raises(ValueError):
        diagnose.certificate_summary(b"\x30\x03\x02\x01\x01")



@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="OpenSSL's variables: Linux")
def test_openssl_trust_variables_are_named(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert diagnose.system_trust_store() == f"OpenSSL system store {bundle} (set by SSL_CERT_FILE)"
    monkeypatch.delenv("SSL_CERT_FILE")
    assert "set by" not in diagnose.system_trust_store()
