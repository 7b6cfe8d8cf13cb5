"""CSV export of listed claims: exact round trip, no spreadsheet formulas, owner-only file."""

from __future__ import annotations

import csv
import os
import stat
import sys

import pytest

from desktop.ui.claims.export import CSV_HEADER, write_csv
from desktop.ui.claims.model import summary_row
from tests.ui.claims.support import detail

NAMES = [
    ("Fakenham-Doe, Jr.", "Mary \"MJ\" Jo"),
    ("O'Synthetic", "Zoë"),
    ("Ωmega-Testington", "李 小龙"),
    ("McTestface 😀", "D'Andre, the 2nd"),
    ("Semi;colon", "Tab\tName"),
]


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_round_trip_keeps_commas_quotes_and_unicode(tmp_path):
    claims = [detail(f"26{i:012d}", last=last, first=first, claim_id=f"c{i}")
              for i, (last, first) in enumerate(NAMES)]
    rows = [summary_row(c) for c in claims]
    path = tmp_path / "claims.csv"
    assert write_csv(path, rows) == len(rows)
    back = read(path)
    assert tuple(back[0]) == CSV_HEADER
    for record, (last, first) in zip(back[1:], NAMES, strict=True):
        assert record[1] == last
        # A tab is a control character: shown (and written) as a space, like on screen.
        assert record[2] == first.replace("\t", " ")
    first = back[1]
    assert first[0] == "26000000000000"
    assert first[4:8] == ["2026-03-02", "2026-03-02", "F1", "Finalized: paid"]
    assert first[8:12] == ["100.00", "60.00", "48.00", "12.00"]
    assert first[12:] == ["2026-03-20", "EFT100000000001"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_formula_like_text_is_defused(tmp_path, hostile):
    row = summary_row(detail(last=hostile))
    path = tmp_path / "x.csv"
    write_csv(path, [row])
    assert read(path)[1][1] == "'" + hostile


def test_missing_amounts_are_empty_cells(tmp_path):
    row = summary_row(detail(allowed=None, paid=None, patient_resp=None, paid_on=None,
                             payment_number=None))
    write_csv(tmp_path / "x.csv", [row])
    record = read(tmp_path / "x.csv")[1]
    assert record[9:] == ["", "", "", "", ""]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_file_is_owner_only(tmp_path):
    path = tmp_path / "x.csv"
    write_csv(path, [summary_row(detail())])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_failure_leaves_no_partial_file(tmp_path):
    path = tmp_path / "x.csv"

    def rows():
        yield summary_row(detail())
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_csv(path, rows())
    assert not path.exists()
