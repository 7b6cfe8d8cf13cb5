"""Payment search, one payment's remittance, and the same remittance as an X12 835.

Scoped to the signed-in user's office: another office's payment answers 404, exactly as
one that does not exist, so payment ids cannot be probed across offices.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from sandbox import payments_query, remittance, x12_835
from sandbox.deps import Caller, GatedCaller, Portal, PortalDep
from sandbox.errors import ApiError
from sandbox.models import ErrorOut
from sandbox.models_payments import PaymentPageOut, PaymentSearchIn, RemittanceOut
from sandbox.wire import respond

router = APIRouter(tags=["payments"])
X12_MEDIA_TYPE = "text/plain; charset=utf-8"


@router.post(
    "/payments/search",
    responses={200: {"model": PaymentPageOut}, 422: {"model": ErrorOut}},
)
def search_payments(body: PaymentSearchIn, caller: GatedCaller, portal: PortalDep) -> Response:
    """Payments of the signed-in user's office, newest paid date first (then newest id).

    Keyset paging as the claim search: the cursor is signed and bound to its criteria
    (another search's cursor is a 422 on `cursor`); `total` counts every match.
    """
    org_id = caller.user["org_id"]
    if org_id is None:
        return respond({"items": [], "next_cursor": None, "total": 0})
    return respond(payments_query.search(portal.conn(), body.model_dump(), int(org_id),
                                         portal.secret))


def _remittance(payment_id: str, caller: Caller, portal: Portal) -> dict[str, object]:
    org = caller.user["org_id"]
    body = None
    if 0 < len(payment_id) <= 64:
        body = remittance.build(portal.conn(), payment_id, None if org is None else int(org))
    if body is None:
        raise ApiError(404, "not_found", "No payment with this id.")
    return body


@router.get(
    "/payments/{payment_id}",
    responses={200: {"model": RemittanceOut}, 404: {"model": ErrorOut}},
)
def get_payment(payment_id: str, caller: GatedCaller, portal: PortalDep) -> Response:
    """The remittance: deposit = claims_paid_amount - provider_adjustment_amount; each
    claim's paid = billed - its claim- and line-level adjustments; amounts of a reversal
    (status 22) are negative."""
    return respond(_remittance(payment_id, caller, portal))


@router.get(
    "/payments/{payment_id}/x12-835",
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}},
              "description": "ASC X12 005010X221A1 835, `~` segments, `*` elements."},
        404: {"model": ErrorOut},
    },
)
def get_payment_835(payment_id: str, caller: GatedCaller, portal: PortalDep) -> Response:
    """The same remittance as an X12 835 transaction, equal to the JSON to the cent."""
    body = _remittance(payment_id, caller, portal)
    tin = remittance.org_tin(portal.conn(), int(caller.user["org_id"]))
    control = int(portal.conn().execute(
        "SELECT id FROM payments WHERE public_id = ?", (payment_id,)).fetchone()[0])
    text = x12_835.interchange(body, tin, payments_query.PAYER, control)
    return Response(text.encode("ascii", "replace"), media_type=X12_MEDIA_TYPE)
