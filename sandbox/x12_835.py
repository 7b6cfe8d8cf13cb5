"""A remittance body as an ASC X12 005010X221A1 835 (health care claim payment/advice).

Written from the JSON body of `GET /payments/{id}` and from nothing else, so the file and
the JSON agree to the cent by construction (CI checks it with pyx12's validator and by
reading the file back with the client's own reader). Segments end with `~`, elements are
separated by `*`, components by `:` and repetitions by `^`; those four characters are
replaced by a space inside values. The interchange is marked as test data (ISA15 `T`).
The output is deterministic: the same payment gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

SEPARATORS = str.maketrans({"*": " ", "~": " ", ":": " ", "^": " ", "\r": " ", "\n": " "})
VERSION = "005010X221A1"
CLAIM_FILING = "12"  # preferred provider organization (PPO)
PLB_PER_SEGMENT = 6
CAS_PER_SEGMENT = 6


def clean(value: object) -> str:
    return str(value).translate(SEPARATORS).strip()


def amount(text: str) -> str:
    """X12 decimal (R): no trailing zeros after the point ("125.50" -> "125.5")."""
    value = Decimal(text)
    out = f"{value:f}"
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return out if out not in ("-0", "") else "0"


def _seg(*elements: object) -> str:
    values = [clean(e) for e in elements]
    while values and values[-1] == "":
        values.pop()
    return "*".join(values)


def _ymd(iso: str) -> str:
    return iso.replace("-", "")


def _bpr(body: dict[str, Any], payer_tin: str) -> str:
    total, day, method = amount(body["total_amount"]), _ymd(body["paid_date"]), body["method"]
    if method == "ACH":
        return _seg("BPR", "I", total, "C", "ACH", "CCP", "01", "999999992", "DA",
                    "0000123456", "1" + payer_tin, "", "01", "999999992", "DA", "0000987654",
                    day)
    flag = "C" if method == "CHK" else "H"
    return _seg("BPR", flag, total, "C", method, *([""] * 11), day)


def _cas(adjustments: list[dict[str, Any]]) -> list[str]:
    """One CAS per group code, at most six reasons each (the guide's limit)."""
    by_group: dict[str, list[dict[str, Any]]] = {}
    for adj in adjustments:
        by_group.setdefault(adj["group_code"], []).append(adj)
    out = []
    for group, adjs in by_group.items():
        for start in range(0, len(adjs), CAS_PER_SEGMENT):
            elements: list[object] = ["CAS", group]
            for adj in adjs[start:start + CAS_PER_SEGMENT]:
                elements += [adj["carc"], amount(adj["amount"]), ""]
            out.append(_seg(*elements))
    return out


def _service(line: dict[str, Any]) -> list[str]:
    procedure = ":".join(["HC", clean(line["procedure_code"]),
                          *(clean(m) for m in line["modifiers"][:4])])
    segs = ["SVC*" + procedure + "*" + _seg(amount(line["billed_amount"]),
                                              amount(line["paid_amount"]), "",
                                              amount(str(line["units"])))]
    segs.append(_seg("DTM", "472", _ymd(line["service_date"])))
    segs += _cas(line["adjustments"])
    segs.append(_seg("REF", "6R", str(line["line_number"])))
    segs.append(_seg("AMT", "B6", amount(line["allowed_amount"])))
    segs += [_seg("LQ", "HE", code) for code in line["remarks"]]
    return segs


def _claim(claim: dict[str, Any]) -> list[str]:
    segs = [_seg("CLP", claim["patient_control_number"], claim["status_code"],
                 amount(claim["billed_amount"]), amount(claim["paid_amount"]),
                 amount(claim["patient_responsibility"]), CLAIM_FILING,
                 claim["claim_number"], "11", "1")]
    segs += _cas(claim["adjustments"])
    p = claim["patient"]
    segs.append(_seg("NM1", "QC", "1", p["last_name"], p["first_name"], "", "", "", "MI",
                     p["member_id"]))
    if claim["remarks"]:
        segs.append(_seg("MOA", "", "", *claim["remarks"][:5]))
    segs.append(_seg("DTM", "232", _ymd(claim["service_from"])))
    segs.append(_seg("DTM", "233", _ymd(claim["service_to"])))
    for line in claim["lines"]:
        segs += _service(line)
    return segs


def _plb(body: dict[str, Any]) -> list[str]:
    adjustments = body["provider_adjustments"]
    year_end = body["paid_date"][:4] + "1231"
    out = []
    for start in range(0, len(adjustments), PLB_PER_SEGMENT):
        elements: list[object] = ["PLB", body["payee"]["npi"], year_end]
        for adj in adjustments[start:start + PLB_PER_SEGMENT]:
            elements += [clean(adj["reason_code"]) + ":" + clean(adj["reference"]),
                         amount(adj["amount"])]
        out.append("*".join(str(e) for e in elements))
    return out


def transaction(body: dict[str, Any], payee_tin: str, payer: dict[str, str]) -> list[str]:
    """ST ... SE of one payment."""
    segs = [_seg("ST", "835", "0001"), _bpr(body, payer["tin"]),
            _seg("TRN", "1", body["trace_number"], "1" + payer["tin"]),
            _seg("DTM", "405", _ymd(body["paid_date"])),
            _seg("N1", "PR", body["payer"]["name"]),
            _seg("N3", "100 Example Parkway"), _seg("N4", "Sampletown", "CA", "90000"),
            _seg("PER", "BL", "Provider services", "TE", payer["contact_phone"]),
            _seg("N1", "PE", body["payee"]["name"], "XX", body["payee"]["npi"]),
            _seg("REF", "TJ", payee_tin)]
    for number, claim in enumerate(body["claims"], start=1):
        if number == 1:
            segs.append(_seg("LX", "1"))
        segs += _claim(claim)
    segs += _plb(body)
    segs.append(_seg("SE", str(len(segs) + 1), "0001"))
    return segs


def interchange(body: dict[str, Any], payee_tin: str, payer: dict[str, str],
                control: int) -> str:
    """ISA/GS around the one transaction; `control` numbers the interchange and group."""
    day = _ymd(body["paid_date"])
    sender, receiver = payer["payer_id"], body["payee"]["npi"]
    segs = [
        "ISA*00*" + " " * 10 + "*00*" + " " * 10 + f"*ZZ*{sender:<15}*ZZ*{receiver:<15}*"
        f"{day[2:]}*1200*^*00501*{control:09d}*0*T*:",
        _seg("GS", "HP", sender, receiver, day, "1200", str(control), "X", VERSION),
        *transaction(body, payee_tin, payer),
        _seg("GE", "1", str(control)),
        _seg("IEA", "1", f"{control:09d}"),
    ]
    return "~\n".join(segs) + "~\n"
