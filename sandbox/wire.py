"""Small helpers for what goes on the wire: JSON responses, money, instants."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

JSON_MEDIA_TYPE = "application/json; charset=utf-8"


def respond(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, headers=headers, media_type=JSON_MEDIA_TYPE)


def no_content() -> Response:
    return Response(status_code=204)


def money(cents: int) -> str:
    """Integer cents to the contract's decimal string ("1234.50"); never a float."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"
