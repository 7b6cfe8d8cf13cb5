"""The portal address: one parser, one definition of its origin.

Settings, the transport, the token store, diagnostics and the main window all
need the same answers from the same text: is it an address we may talk to,
what is its base URL, which origin does a saved sign-in belong to, what do we
show in the status bar. Before this module each asked `urlsplit` on its own and
two of them disagreed about the origin; now every one of them calls
`parse_portal_url`.

The rules are the ones the settings have always applied: https only (a token
must never travel or be filed under a plaintext origin), no user name or
password (a settings file is no place for secrets), no query or fragment (the
client appends paths; a query would be sent on every call), a host, a port
from 1 to 65535, no spaces or control characters.

No Qt and no network here: it is plain text processing, safe on any thread.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["DEFAULT_PORT", "PortalUrl", "PortalUrlError", "UrlProblem", "parse_portal_url"]

DEFAULT_PORT = 443


class UrlProblem(enum.Enum):
    """Why a text is not a usable portal address; callers word it for their readers."""

    EMPTY = "empty"
    NOT_HTTPS = "not https"
    CREDENTIALS_OR_QUERY = "user name, password, query or fragment"
    MALFORMED = "malformed"


class PortalUrlError(ValueError):
    """A refused portal address. The message never repeats the text (it may hold a password)."""

    def __init__(self, problem: UrlProblem) -> None:
        super().__init__(f"not a usable portal address ({problem.value})")
        self.problem = problem


@dataclass(frozen=True)
class PortalUrl:
    """A portal address that passed the rules, in its normal form.

    `origin` is the one definition of the portal's origin: lower-case scheme and
    host, the port written only when it is not 443, so ``https://Portal.Example:443/x``
    and ``https://portal.example/y`` share one origin.
    """

    #: ``https://host[:port]/path``, no trailing slash: what paths are appended to.
    base_url: str
    #: ``https://host[:port]``.
    origin: str
    #: ``host[:port]`` as in `origin`, for display (status bar, diagnostics).
    host: str
    #: The host name to connect to (an IPv6 address without brackets).
    hostname: str
    port: int


def parse_portal_url(text: object) -> PortalUrl:
    """The normal form of a portal address, or `PortalUrlError` saying which rule it breaks.

    Surrounding white space is forgiven (hand-edited files); anything else is refused,
    never repaired, so what runs is what IT wrote.
    """
    if not isinstance(text, str) or not text.strip():
        raise PortalUrlError(UrlProblem.EMPTY)
    text = text.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise PortalUrlError(UrlProblem.MALFORMED) from None
    if parts.scheme.lower() != "https":
        raise PortalUrlError(UrlProblem.NOT_HTTPS)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise PortalUrlError(UrlProblem.CREDENTIALS_OR_QUERY)
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        port = -1
    hostname = parts.hostname
    # urlsplit silently drops tabs and newlines, so the checks look at the text itself.
    printable = all(ch.isprintable() for ch in text) and " " not in text
    if not hostname or (port is not None and not 0 < port < 65536) or not printable:
        raise PortalUrlError(UrlProblem.MALFORMED)
    port = port or DEFAULT_PORT
    bracketed = f"[{hostname}]" if ":" in hostname else hostname
    host = bracketed if port == DEFAULT_PORT else f"{bracketed}:{port}"
    origin = f"https://{host}"
    return PortalUrl(base_url=origin + parts.path.rstrip("/"), origin=origin, host=host,
                     hostname=hostname, port=port)
