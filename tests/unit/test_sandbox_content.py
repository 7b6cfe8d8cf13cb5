"""Consistency of the sandbox's code tables, name pools and policy files.

The seeder picks from these tables at random, so a dangling reference (a CARC
used in DENIAL_REASONS but missing from CARC) would only show up as a blank
label somewhere in a claim screen; these tests catch it at the source.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from sandbox import codes, fiction

POLICY_DIR = Path(codes.__file__).resolve().parent / "policies"

EXPECTED_CATEGORIES = (
    [f"A{i}" for i in range(9)]
    + [f"P{i}" for i in range(6)]
    + [f"F{i}" for i in range(5)]
    + ["R0", "R1"]
    + [f"R{i}" for i in range(3, 17)]  # there is no R2 in X12 code source 507
    + [f"E{i}" for i in range(5)]
    + ["D0"]
)
REQUIRED_MAPPED = "A1 A2 A3 A6 A7 P1 P2 P3 F1 F2 F3 F4 R1 R3 R4 E0 E1".split()
GROUP_CODES = {"CO", "PR", "OA", "PI", "CR"}

CARC_RE = re.compile(r"^(?:[1-9]\d{0,2}|[A-D]\d{1,2}|P\d{1,2}|W\d)$")
RARC_RE = re.compile(r"^(?:MA\d{2,3}|M\d{1,3}|N\d{1,3})$")
STATUS_CODE_RE = re.compile(r"^(?:0|[1-9]\d{0,3})$")
PROCEDURE_RE = re.compile(r"^(?:\d{5}|\d{4}[FTU]|[A-V]\d{4})$")
MODIFIER_RE = re.compile(r"^[A-Z0-9]{2}$")
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$")


def _check_label(label: str) -> None:
    assert label.strip() == label and label
    assert len(label) <= 200
    assert not any(unicodedata.category(ch).startswith("C") for ch in label), repr(label)


LABEL_TABLES = {
    "STATUS_CATEGORIES": codes.STATUS_CATEGORIES,
    "STATUS_CODES": codes.STATUS_CODES,
    "CARC": codes.CARC,
    "RARC": codes.RARC,
}


@pytest.mark.parametrize("name", sorted(LABEL_TABLES))
def test_labels_are_short_plain_text(name: str) -> None:
    table = LABEL_TABLES[name]
    assert table
    for code, label in table.items():
        assert code == code.strip() and code, name
        _check_label(label)


def test_every_status_category_present_and_no_others() -> None:
    assert set(codes.STATUS_CATEGORIES) == set(EXPECTED_CATEGORIES)


def test_category_labels_match_their_family() -> None:
    prefixes = {"P": "Pending", "F": "Finalized"}
    for code, label in codes.STATUS_CATEGORIES.items():
        if code[0] in prefixes:
            assert label.startswith(prefixes[code[0]]), code
        if code[0] == "R":
            assert "information" in label, code


def test_status_code_format_and_size() -> None:
    assert 40 <= len(codes.STATUS_CODES) <= 60
    for code in codes.STATUS_CODES:
        assert STATUS_CODE_RE.match(code), code


def test_category_status_codes_reference_known_codes() -> None:
    assert set(REQUIRED_MAPPED) <= set(codes.CATEGORY_STATUS_CODES)
    for category, status_codes in codes.CATEGORY_STATUS_CODES.items():
        assert category in codes.STATUS_CATEGORIES, category
        assert status_codes, category
        assert len(set(status_codes)) == len(status_codes), category
        for code in status_codes:
            assert code in codes.STATUS_CODES, (category, code)


def test_carc_and_rarc_formats_and_sizes() -> None:
    assert len(codes.CARC) >= 70
    assert len(codes.RARC) >= 70
    for code in codes.CARC:
        assert CARC_RE.match(code), code
    for code in codes.RARC:
        assert RARC_RE.match(code), code


def test_well_known_codes_keep_their_meaning() -> None:
    """A spot check that the numbers were not shifted while editing."""
    assert "deductible" in codes.CARC["1"].lower()
    assert "coinsurance" in codes.CARC["2"].lower()
    assert "copay" in codes.CARC["3"].lower()
    assert "contracted" in codes.CARC["45"]
    assert "duplicate" in codes.CARC["18"].lower()
    assert "filing" in codes.CARC["29"]
    assert "authorization" in codes.CARC["197"]
    assert "paid" in codes.STATUS_CODES["65"]
    assert codes.STATUS_CATEGORIES["F1"] == "Finalized: paid"
    assert codes.STATUS_CATEGORIES["F2"] == "Finalized: denied"


def test_paid_adjustments_reference_known_codes() -> None:
    assert ("CO", "45") in codes.PAID_ADJUSTMENTS
    for group, carc in codes.PAID_ADJUSTMENTS:
        assert group in GROUP_CODES, group
        assert carc in codes.CARC, carc


def test_denial_reasons_reference_known_codes() -> None:
    assert len(codes.DENIAL_REASONS) >= 12
    for group, carc, rarcs in codes.DENIAL_REASONS:
        assert group in GROUP_CODES, group
        assert carc in codes.CARC, carc
        for rarc in rarcs:
            assert rarc in codes.RARC, (carc, rarc)


def test_pending_remarks_reference_known_codes() -> None:
    assert codes.PENDING_REMARKS
    for rarc in codes.PENDING_REMARKS:
        assert rarc in codes.RARC, rarc


def test_procedures_have_valid_codes_and_decimal_charges() -> None:
    assert 35 <= len(codes.PROCEDURES) <= 60
    seen = [code for code, _ in codes.PROCEDURES]
    assert len(set(seen)) == len(seen)
    assert {f"9921{i}" for i in range(1, 6)} <= set(seen)
    for code, charge in codes.PROCEDURES:
        assert PROCEDURE_RE.match(code), code
        try:
            amount = Decimal(charge)
        except InvalidOperation:  # pragma: no cover - reported by the assert below
            pytest.fail(f"charge for {code} is not a decimal: {charge!r}")
        assert amount > 0 and amount.as_tuple().exponent == -2, (code, charge)


def test_modifiers() -> None:
    assert len(set(codes.MODIFIERS)) == len(codes.MODIFIERS)
    for modifier in codes.MODIFIERS:
        assert MODIFIER_RE.match(modifier), modifier


def test_codes_version() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}", codes.CODES_VERSION)


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("FIRST_NAMES", 50), ("LAST_NAMES", 50), ("ORGANIZATION_NAMES", 8)],
)
def test_name_pools(name: str, minimum: int) -> None:
    pool: list[str] = getattr(fiction, name)
    assert len(pool) >= minimum
    assert len(set(pool)) == len(pool), "duplicates in " + name
    for value in pool:
        assert value.isascii(), value
        _check_label(value)
        if name != "ORGANIZATION_NAMES":
            assert NAME_RE.match(value), value


def test_name_pools_include_punctuation_that_breaks_naive_code() -> None:
    for pool in (fiction.FIRST_NAMES, fiction.LAST_NAMES):
        assert any("'" in n for n in pool)
        assert any("-" in n for n in pool)


def _versions() -> list[dict[str, str]]:
    data = json.loads((POLICY_DIR / "versions.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_policy_versions_json_shape_and_order() -> None:
    versions = _versions()
    assert [v["version"] for v in versions] == ["2026-05-01", "2026-11-01"]
    instants = []
    for entry in versions:
        assert set(entry) == {"version", "effective_at", "title", "summary_of_changes", "file"}
        for key in ("version", "title", "summary_of_changes", "file"):
            assert isinstance(entry[key], str) and entry[key].strip(), key
        assert entry["effective_at"].endswith("Z")
        instant = datetime.fromisoformat(entry["effective_at"])
        offset = instant.utcoffset()
        assert offset is not None and offset.total_seconds() == 0
        instants.append(instant)
        assert (POLICY_DIR / entry["file"]).is_file(), entry["file"]
        assert "/" not in entry["file"] and "\\" not in entry["file"]
    assert instants == sorted(instants) and len(set(instants)) == len(instants)
    assert [v["version"] for v in versions] == sorted(v["version"] for v in versions)


def test_policy_bodies() -> None:
    bodies = [(POLICY_DIR / v["file"]).read_text(encoding="utf-8") for v in _versions()]
    assert bodies[0] != bodies[1]
    old_lines, new_lines = set(bodies[0].splitlines()), set(bodies[1].splitlines())
    assert len(old_lines - new_lines) >= 3 and len(new_lines - old_lines) >= 3
    assert "## Idle lock" in bodies[1] and "## Idle lock" not in bodies[0]
    for body in bodies:
        words = len(body.split())
        assert 600 <= words <= 1100, words
        assert body.startswith("# ")
        assert "Example Health Plan (Sandbox)" in body
        assert "privacy@example.org" in body and "555-0100" in body
        links = re.findall(r"https?://[^\s)\]]+", body)
        assert set(links) == {"https://www.hhs.gov/hipaa/"}
        assert not any(unicodedata.category(ch).startswith("C") for ch in body.replace("\n", ""))
