"""Claim codes in plain words, and the one-line "why" of denied, unpaid and pending claims."""

from __future__ import annotations

from decimal import Decimal

from desktop.portal.claims import Adjustment
from desktop.ui.claims.explain import (
    STATUS_CATEGORIES,
    CodeWords,
    adjustment_words,
    carc_words,
    group_words,
    method_words,
    rarc_words,
    status_text,
    why_summary,
)
from tests.ui.claims.support import (
    CARC_WORDS,
    RARC_WORDS,
    STATUS_WORDS,
    detail,
    line,
)

WORDS = CodeWords(status=STATUS_WORDS, carc=CARC_WORDS, rarc=RARC_WORDS)


def denied(**kw):
    return detail(category="F2", code="88", allowed="0.00", paid="0.00", patient_resp="0.00",
                  method=None, payment_number=None, paid_on=None, **kw)


def test_status_categories_follow_the_contract():
    assert STATUS_CATEGORIES[:3] == ("A0", "A1", "A2")
    assert "R2" not in STATUS_CATEGORIES and "R16" in STATUS_CATEGORIES
    assert {c[0] for c in STATUS_CATEGORIES} == set("APFRE")
    assert len(STATUS_CATEGORIES) == 9 + 6 + 5 + 16 + 5


def test_denied_claim_names_the_refusal_and_its_remark():
    d = denied(lines=[line(1, allowed="0.00", paid="0.00", adjustments=[("CO", "50", "100.00")],
                           remarks=["N115"])])
    assert why_summary(d, WORDS) == (
        "Denied: Not covered because the payer does not consider it medically necessary "
        "(CO-50); Decided under a local coverage policy (N115).")


def test_denied_summary_ignores_routine_adjustments_and_remarks_of_paid_lines():
    d = denied(lines=[
        line(1, allowed="0.00", paid="0.00", adjustments=[("PR", "27", "100.00")]),
        line(2, adjustments=[("CO", "45", "40.00"), ("PR", "2", "12.00")], remarks=["M127"]),
    ])
    text = why_summary(d, WORDS)
    assert text == "Denied: Service was after the patient's coverage ended (PR-27)."
    assert "CO-45" not in text and "M127" not in text


def test_many_reasons_are_counted_not_listed():
    d = denied(lines=[line(n, allowed="0.00", paid="0.00", adjustments=[("CO", c, "1.00")],
                           remarks=[r]) for n, (c, r) in enumerate(
                               [("50", "N115"), ("27", "M127"), ("16", "N179")], 1)])
    text = why_summary(d, WORDS)
    assert text is not None
    assert text.count(";") == 2 and "and 4 more (see the lines below)" in text


def test_paid_claims_need_no_explanation():
    assert why_summary(detail(category="F1"), WORDS) is None
    assert why_summary(detail(category="A1", code="19"), WORDS) is None


def test_no_payment_because_of_the_deductible():
    d = detail(category="F4", code="1", paid="0.00", lines=[
        line(1, paid="0.00", adjustments=[("CO", "45", "40.00"), ("PR", "1", "60.00")])])
    assert why_summary(d, WORDS) == (
        "No payment: Deductible: the patient owes this amount toward their deductible (PR-1).")


def test_pending_says_what_is_awaited():
    d = detail(category="P3", code="294", paid="0.00", allowed="0.00",
               lines=[line(1, paid="0.00", allowed="0.00", adjustments=[],
                           remarks=["N179"])])
    assert why_summary(d, WORDS) == (
        "Pending: waiting for information already asked of the provider (Supporting "
        "documentation). More information has been asked of the member; the claim will be "
        "looked at again (N179).")


def test_request_for_information_is_explained_without_a_double_prefix():
    d = detail(category="R4", code="294", lines=[line(1, adjustments=[])])
    text = why_summary(d, WORDS)
    assert text == ("More information needed: supporting documents such as notes or "
                    "reports (Supporting documentation).")


def test_rejected_on_receipt():
    d = detail(category="A7", code="88", lines=[line(1, adjustments=[])])
    assert why_summary(d, WORDS) == (
        "Not accepted for processing: Rejected because information is invalid (Not eligible "
        "for benefits on the dates of service sent). Correct and resubmit.")


def test_without_code_tables_the_claims_own_label_and_codes_still_show():
    d = denied(lines=[line(1, paid="0.00", allowed="0.00", adjustments=[("CO", "50", "1.00")],
                           remarks=["N115"])])
    text = why_summary(d, CodeWords())
    assert text is not None and "(CO-50)" in text and "(N115)" in text
    assert "No description is available" in text
    assert status_text(d, CodeWords()) == "F2 Finalized: denied"


def test_words_for_codes():
    adj = Adjustment("CO", "45", Decimal("40.00"))
    assert adjustment_words(adj, WORDS).startswith("CO-45: Charge is more than")
    assert carc_words("999", WORDS) == "No description is available for this reason code"
    assert rarc_words("N115", WORDS) == "Decided under a local coverage policy"
    assert group_words("PR").startswith("Patient responsibility")
    assert group_words("ZZ") == "Adjustment"
    assert method_words("ACH") == "Electronic funds transfer (ACH)"
    assert method_words("CHK") == "Paper check"
    assert method_words(None) == "No payment"
