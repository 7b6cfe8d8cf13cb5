"""Small, obviously fictional 835 files for the reader's tests."""

from __future__ import annotations

ISA = ("ISA*00*          *00*          *ZZ*EXAMPLEPAYER   *ZZ*1999999984     *261101*1200*^*"
       "00501*000000042*0*T*:~")


def transaction(control: str = "0001", total: str = "146.5", trace: str = "EFT000000000042",
                claims: str | None = None, plb: str = "PLB*1999999984*20261231*WO:OLD1*10~"
                ) -> list[str]:
    body = claims if claims is not None else CLAIMS
    segs = [
        f"ST*835*{control}",
        f"BPR*I*{total}*C*ACH*CCP*01*999999992*DA*0000123456*1990000001**01*999999992*DA*"
        "0000987654*20261101",
        f"TRN*1*{trace}*1990000001",
        "DTM*405*20261101",
        "N1*PR*EXAMPLE HEALTH PLAN (FICTIONAL)",
        "N3*100 Example Parkway",
        "N4*Sampletown*CA*90000",
        "PER*BL*Provider services*TE*5555550100",
        "N1*PE*Placeholder Family Practice*XX*1999999984",
        "REF*TJ*990001234",
        "LX*1",
        *[s for s in body.split("~") if s],
        *[s for s in plb.split("~") if s],
    ]
    segs.append(f"SE*{len(segs) + 1}*{control}")
    return segs


# Claim 1: a paid line and a partly paid one; claim 2: denied at zero with a claim-level
# adjustment and a claim-level remark. Claims paid 156.50 - WO 10.00 = 146.50.
CLAIMS = "~".join([
    "CLP*PA0001*1*300*156.5*20*12*2600000000001*11*1",
    "NM1*QC*1*Testperson*Zoe****MI*ZZ100000001",
    "DTM*232*20261015", "DTM*233*20261015",
    "SVC*HC:99213:25*200*120**1", "DTM*472*20261015", "CAS*CO*45*60", "CAS*PR*3*20",
    "REF*6R*1", "AMT*B6*140", "LQ*HE*N4",
    "SVC*HC:80061*100*36.5**2", "DTM*472*20261015", "CAS*CO*45*63.5", "REF*6R*2",
    "AMT*B6*36.5",
    "CLP*PA0002*4*80*0*0*12*2600000000002*11*1",
    "CAS*CO*29*80",
    "NM1*QC*1*Sampleton*Max****MI*ZZ100000002",
    "MOA***N211",
    "DTM*232*20260901",
]) + "~"


def interchange(*transactions: list[str], gs_type: str = "HP") -> str:
    segs = [ISA, f"GS*{gs_type}*EXAMPLEPAYER*1999999984*20261101*1200*42*X*005010X221A1"]
    for t in transactions:
        segs += t
    segs += [f"GE*{len(transactions)}*42", "IEA*1*000000042"]
    return "~\n".join(s.rstrip("~") for s in segs) + "~\n"


def other_transaction(code: str) -> str:
    segs = [f"ST*{code}*0001*005010X222A1", "BHT*0019*00*X*20261101*1200*CH", "SE*3*0001"]
    return interchange(segs, gs_type="HC")
