"""Claim numbers from a paste or a file: separators, repeats, bad entries, encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.batchinput import (
    MAX_NUMBERS,
    decode,
    parse_pasted,
    read_numbers_file,
)
from desktop.batchrun import BatchRun, RowState
from desktop.portal.worklist import BatchItem
from tests.ui.claims.support import detail
from tests.ui.worklist.support import batch_claim


def test_every_separator_a_spreadsheet_uses() -> None:
    parsed = parse_pasted("2622900000057\n2622900000058,2622900000059\t2622900000060 "
                          " 2622900000061;2622900000062\r\n\n\n")
    assert parsed.numbers == [f"26229000000{n}" for n in range(57, 63)]
    assert parsed.invalid == [] and parsed.duplicates == 0


def test_duplicates_blanks_quotes_and_bad_entries() -> None:
    parsed = parse_pasted('"2622900000057"\n2622900000057\n\n  \nSmith\nSmith\n2622900000058'
                          "\nab#12\n" + "9" * 41)
    assert parsed.numbers == ["2622900000057", "2622900000058"]
    assert [i.text for i in parsed.invalid] == ["Smith", "ab#12", "9" * 41]
    assert all(i.reason for i in parsed.invalid)
    assert parsed.duplicates == 2


def test_empty_list() -> None:
    assert parse_pasted("  \n\t ,, \n").empty


def test_twenty_thousand_numbers_and_the_limit() -> None:
    text = "\n".join(str(10**12 + n) for n in range(20_000))
    assert len(parse_pasted(text).numbers) == 20_000
    many = parse_pasted(" ".join(str(10**12 + n) for n in range(MAX_NUMBERS + 7)))
    assert len(many.numbers) == MAX_NUMBERS and many.over_limit == 7


def test_foreign_digits_are_not_claim_numbers() -> None:
    assert parse_pasted("١٢٣٤٥٦").invalid


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_csv_with_a_header_row_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Patient,Claim number,Billed\r\nMüller,2622900000057,12.00\r\nZoë,2622900000058,5\r\n"
    path = tmp_path / "aging.csv"
    path.write_bytes(text.encode(encoding))
    parsed = read_numbers_file(path)
    assert parsed.header == "Claim number"
    assert parsed.numbers == ["2622900000057", "2622900000058"]


def test_csv_without_a_header_picks_the_column_of_numbers(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Doe;2622900000057\nRoe;2622900000058\n", encoding="utf-8")
    parsed = read_numbers_file(path)
    assert parsed.header is None and parsed.numbers == ["2622900000057", "2622900000058"]


def test_utf16_without_a_mark_is_recognised() -> None:
    assert decode("Claim\n2622900000057\n".encode("utf-16-le")).startswith("Claim")
    assert decode(codecs.BOM_UTF16_BE + "x".encode("utf-16-be")) == "x"


def test_xlsx_column_with_numbers_typed_as_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Claim #", "Patient"])
    sheet.append([2622900000057, "Doe"])
    sheet.append(["2622900000058", "Roe"])
    sheet.append([None, None])
    path = tmp_path / "aging.xlsx"
    book.save(path)
    parsed = read_numbers_file(path)
    assert parsed.header == "Claim #"
    assert parsed.numbers == ["2622900000057", "2622900000058"]


def test_a_broken_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValueError, match="could not be read"):
        read_numbers_file(path)


# --- the run --------------------------------------------------------------------------


def test_chunks_keep_what_arrived_and_retry_sends_only_the_rest() -> None:
    d = detail("2622900000001", claim_id="c1")
    numbers = ["2622900000001", *(str(10**12 + n) for n in range(1200))]
    run = BatchRun(numbers)
    first = run.next_chunk()
    assert len(first) == 500 and first[0] == "2622900000001"
    items = [BatchItem(n, batch_claim(d) if n == d.claim_number else None) for n in first]
    run.record(first, items)
    assert run.states[0] is RowState.FOUND and run.claims[0].summary is d
    assert run.states[1] is RowState.NOT_FOUND
    assert len(run.next_chunk()) == 500
    stopped = run.stop()  # the portal failed on the second chunk
    assert len(stopped) == 701 and run.unchecked == 701 and run.done == 500
    assert run.finished
    again = run.retry()
    assert again == list(range(500, 1201))
    assert run.next_chunk()[0] == numbers[500]


def test_a_number_left_out_of_an_answer_is_not_called_not_found() -> None:
    run = BatchRun(["1000000000001", "1000000000002"])
    run.record(run.next_chunk(), [BatchItem("1000000000001", None)])
    assert run.states == [RowState.NOT_FOUND, RowState.NOT_CHECKED]
