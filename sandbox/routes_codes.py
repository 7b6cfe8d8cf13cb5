"""Code tables the client uses to explain a status or an adjustment in plain words."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from sandbox import codes, playbook
from sandbox.deps import GatedCaller
from sandbox.models import CodeTableOut
from sandbox.models_worklist import PlaybookOut
from sandbox.wire import respond

router = APIRouter(tags=["codes"])


def _table(entries: dict[str, str]) -> dict[str, Any]:
    return {
        "version": codes.CODES_VERSION,
        "codes": [{"code": k, "label": v} for k, v in entries.items()],
    }


# Category codes ("F2") and numeric status codes ("85") never collide, so one table holds
# both: the client looks up `status.category` and `status.code` in the same list.
CLAIM_STATUS = _table({**codes.STATUS_CATEGORIES, **codes.STATUS_CODES})
CARC = _table(codes.CARC)
RARC = _table(codes.RARC)


@router.get("/codes/claim-status", responses={200: {"model": CodeTableOut}})
def claim_status_codes(_caller: GatedCaller) -> Response:
    """Claim status categories (A0-A8, P0-P5, F0-F4, R0-R16, E0-E4, D0) and status codes."""
    return respond(CLAIM_STATUS)


@router.get("/codes/carc", responses={200: {"model": CodeTableOut}})
def carc_codes(_caller: GatedCaller) -> Response:
    """Claim Adjustment Reason Codes."""
    return respond(CARC)


@router.get("/codes/rarc", responses={200: {"model": CodeTableOut}})
def rarc_codes(_caller: GatedCaller) -> Response:
    """Remittance Advice Remark Codes."""
    return respond(RARC)


@router.get("/codes/playbook", responses={200: {"model": PlaybookOut}})
def playbook_rules(_caller: GatedCaller) -> Response:
    """What to do next about a denial, rejection or request, and the deadline windows
    (`sandbox.playbook`: rules by status category, CARC group code, CARC and RARC)."""
    return respond(playbook.PLAYBOOK)
