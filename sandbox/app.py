"""The FastAPI application factory."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI
from starlette.responses import Response

from sandbox import openapi
from sandbox.deps import Portal, reject_unknown_query
from sandbox.errors import install_handlers
from sandbox.middleware import HeadAsGet, PortalMiddleware
from sandbox.wire import respond

API_PREFIX = "/api/v1"


def create_app(portal: Portal | None) -> FastAPI:
    """Build the app; `portal` may be None only to render the OpenAPI document."""
    # Local imports keep the route modules (and their models) out of the CLI's fast paths.
    from sandbox import (
        routes_account,
        routes_batch,
        routes_claims,
        routes_codes,
        routes_mfa,
        routes_office,
        routes_payments,
        routes_policy,
        routes_register,
        routes_saved,
        routes_session,
        routes_verification,
        routes_worklist,
    )

    app = FastAPI(
        title="Claims Online Portal API (reference sandbox)",
        version="1",
        description=openapi.DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,
        dependencies=[Depends(reject_unknown_query)],
    )
    app.state.portal = portal
    install_handlers(app)
    for module in (
        routes_policy, routes_register, routes_session, routes_account, routes_claims,
        routes_codes, routes_mfa, routes_office, routes_verification, routes_payments,
        routes_batch, routes_worklist, routes_saved,
    ):
        app.include_router(module.router, prefix=API_PREFIX)

    @app.get(f"{API_PREFIX}/openapi.json", include_in_schema=False)
    def openapi_document() -> Response:
        return respond(document(app))

    app.add_middleware(PortalMiddleware)
    app.add_middleware(HeadAsGet)  # added last = outermost
    return app


def document(app: FastAPI) -> dict[str, Any]:
    cached: dict[str, Any] | None = getattr(app.state, "openapi_doc", None)
    if cached is None:
        cached = openapi.build(app)
        app.state.openapi_doc = cached
    return cached
