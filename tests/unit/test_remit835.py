"""The 835 reader: figures, several transactions, refusals and bad input in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.remit835 import MAX_FILE_BYTES, RemitFileError, Severity, decode, parse_835, read_file
from desktop.remit835_validate import validate
from tests.unit import remit835_samples as s


def test_reads_every_figure_of_a_balanced_file() -> None:
    read = parse_835(s.interchange(s.transaction()))
    assert read.problems == ()
    (r,) = read.transactions
    assert (r.method, r.trace_number, r.paid_date) == ("ACH", "EFT000000000042", date(2026, 11, 1))
    assert r.total_amount == Decimal("146.50") and r.claims_paid == Decimal("156.50")
    assert r.provider_adjustment_total == Decimal("10.00") and r.difference == 0
    assert (r.payer_name, r.payee_name, r.payee_npi) == (
        "EXAMPLE HEALTH PLAN (FICTIONAL)", "Placeholder Family Practice", "1999999984")
    assert r.payee_tin_last4 == "1234", "only the last four digits of the TIN are kept"
    paid, denied = r.claims
    assert (paid.claim_number, paid.patient_control_number, paid.status_label) == (
        "2600000000001", "PA0001", "Processed as primary")
    assert (paid.patient_last, paid.patient_first, paid.member_id) == (
        "Testperson", "Zoe", "ZZ100000001")
    assert paid.allowed_amount == Decimal("176.50")
    assert paid.patient_responsibility == Decimal("20.00")
    first, second = paid.lines
    assert (first.procedure_code, first.modifiers, first.remarks) == ("99213", ("25",), ("N4",))
    assert [(a.group_code, a.carc, a.amount) for a in first.adjustments] == [
        ("CO", "45", Decimal("60.00")), ("PR", "3", Decimal("20.00"))]
    assert second.units == 2 and second.line_number == 2
    assert denied.status_code == "4" and denied.lines == ()
    assert [(a.carc, a.amount) for a in denied.adjustments] == [("29", Decimal("80.00"))]
    assert denied.remarks == ("N211",) and denied.service_to is None


def test_each_transaction_of_a_file_is_its_own_remittance() -> None:
    text = s.interchange(s.transaction("0001"), s.transaction("0002", trace="CHK1"))
    read = parse_835(text)
    assert [t.trace_number for t in read.transactions] == ["EFT000000000042", "CHK1"]
    assert read.problems == ()


@pytest.mark.parametrize(("code", "words"), [("837", "837 claim submission"),
                                             ("277", "277 claim status")])
def test_other_transaction_sets_are_refused_in_words(code: str, words: str) -> None:
    with pytest.raises(RemitFileError) as caught:
        parse_835(s.other_transaction(code))
    assert words in caught.value.user_message and "not an 835" in caught.value.user_message


def test_totals_that_do_not_balance_are_a_warning_with_the_difference() -> None:
    read = parse_835(s.interchange(s.transaction(total="150")))
    (problem,) = read.problems
    assert problem.severity is Severity.WARNING
    assert "the difference is 3.50" in problem.text and problem.segment_id == "ST"
    assert read.transactions[0].difference == Decimal("3.50")


def test_a_line_that_does_not_balance_names_the_claim_and_line() -> None:
    claims = s.CLAIMS.replace("CAS*CO*45*63.5", "CAS*CO*45*60", 1)
    texts = [p.text for p in parse_835(s.interchange(s.transaction(claims=claims))).problems]
    assert any("line 2" in t and "difference is 3.50" in t for t in texts), texts


def test_a_truncated_file_shows_what_was_read_and_says_so() -> None:
    text = s.interchange(s.transaction())
    read = parse_835(text[: text.index("CLP*PA0002")])
    assert len(read.transactions[0].claims) == 1
    assert any("truncated" in p.text for p in read.problems)


def test_segments_out_of_order_are_reported_with_their_segment() -> None:
    claims = "SVC*HC:99213*10*10**1~" + s.CLAIMS
    read = parse_835(s.interchange(s.transaction(claims=claims)))
    (problem,) = [p for p in read.problems if p.segment_id == "SVC"]
    assert "outside any claim" in problem.text and problem.where == "segment 14 (SVC)"


def test_an_amount_that_is_not_a_number_counts_as_zero_and_is_reported() -> None:
    claims = s.CLAIMS.replace("CLP*PA0001*1*300*", "CLP*PA0001*1*3OO*", 1)
    texts = [p.text for p in parse_835(s.interchange(s.transaction(claims=claims))).problems]
    assert any("CLP03 is not an amount" in t for t in texts), texts


def test_other_separators_declared_by_the_isa_are_read() -> None:
    text = s.interchange(s.transaction()).replace("*", "|").replace("~\n", "\n")
    read = parse_835(text)
    assert read.transactions[0].total_amount == Decimal("146.50") and read.problems == ()


def test_separators_that_do_not_match_the_isa_are_refused_in_words() -> None:
    text = s.interchange(s.transaction())
    isa, rest = text.split("~", 1)
    with pytest.raises(RemitFileError) as caught:
        parse_835(isa + "~" + rest.replace("*", "|"))
    assert "separators" in caught.value.user_message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "latin-1"])
def test_utf16_and_latin1_files_are_decoded(encoding: str) -> None:
    text = s.interchange(s.transaction()).replace("Testperson", "Téstpérson")
    read = parse_835(decode(text.encode(encoding)))
    assert read.transactions[0].claims[0].patient_last == "Téstpérson"


@pytest.mark.parametrize(("raw", "words"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4, "not a text file"),
    (b"Dear billing office, please find attached", "does not start with an X12"),
])
def test_junk_is_refused_in_words(raw: bytes, words: str) -> None:
    with pytest.raises(RemitFileError) as caught:
        decode(raw)
    assert words in caught.value.user_message


def test_a_damaged_header_is_refused_in_words() -> None:
    with pytest.raises(RemitFileError) as caught:
        parse_835("ISA*00*short~")
    assert "header (ISA)" in caught.value.user_message


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.835"
    with big.open("wb") as f:  # sparse: takes no disk space
        f.truncate(MAX_FILE_BYTES * 2)
    with pytest.raises(RemitFileError) as caught:
        read_file(big)
    assert "200 MB" in caught.value.user_message


def test_progress_reaches_100() -> None:
    seen: list[int] = []
    parse_835(s.interchange(*[s.transaction(f"{i:04d}") for i in range(1, 400)]), seen.append)
    assert seen[-1] == 100 and seen == sorted(seen) and len(seen) > 2


def test_validator_names_the_segment_of_each_problem() -> None:
    text = s.interchange(s.transaction()).replace("*12*2600000000001", "*XX*2600000000001")
    problems = validate(text.replace("N3*100 Example Parkway~\n", ""))
    where = {(p.segment_id, p.text.split(": ", 1)[1]) for p in problems}
    assert ("CLP", "(XX) is not a valid code for Claim Filing Indicator Code (CLP06)") in where
    assert any(seg == "N3" and "Payer Address" in text for seg, text in where)


def test_validator_finds_nothing_in_a_file_that_follows_the_guide() -> None:
    assert validate(s.interchange(s.transaction())) == ()


def test_the_checker_in_a_child_process_reports_the_same_and_progress() -> None:
    from desktop.remit835_validate import validate_in_child

    text = s.interchange(s.transaction()).replace("*12*2600000000001", "*XX*2600000000001")
    seen: list[int] = []
    assert validate_in_child(text, seen.append) == validate(text)
    assert seen and seen[-1] == 100
