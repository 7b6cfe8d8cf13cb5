"""`parse_portal_url`: the one parser of the portal address and the one definition of origin."""

from __future__ import annotations

import pytest

from desktop.portal.errors import InsecureUrl, InvalidConfiguration
from desktop.portal.transport import check_base_url
from desktop.portal.urls import PortalUrl, PortalUrlError, UrlProblem, parse_portal_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://portal.example.test/api/v1",
         PortalUrl("https://portal.example.test/api/v1", "https://portal.example.test",
                   "portal.example.test", "portal.example.test", 443)),
        ("  HTTPS://Portal.Example.TEST:443/Api/V1/  ",
         PortalUrl("https://portal.example.test/Api/V1", "https://portal.example.test",
                   "portal.example.test", "portal.example.test", 443)),
        ("https://127.0.0.1:8443/api/v1",
         PortalUrl("https://127.0.0.1:8443/api/v1", "https://127.0.0.1:8443",
                   "127.0.0.1:8443", "127.0.0.1", 8443)),
        ("https://[::1]:9443",
         PortalUrl("https://[::1]:9443", "https://[::1]:9443", "[::1]:9443", "::1", 9443)),
        ("https://[::1]/", PortalUrl("https://[::1]", "https://[::1]", "[::1]", "::1", 443)),
    ],
)
def test_normal_forms(text: str, expected: PortalUrl) -> None:
    assert parse_portal_url(text) == expected


def test_one_origin_whatever_the_spelling() -> None:
    spellings = ["https://portal.example.test", "https://PORTAL.example.test:443/a",
                 "https://portal.example.test:0443/b/", "https://portal.example.test:/c"]
    assert {parse_portal_url(s).origin for s in spellings} == {"https://portal.example.test"}
    assert parse_portal_url("https://portal.example.test:8443").origin != \
        parse_portal_url("https://portal.example.test").origin


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", UrlProblem.EMPTY), ("   ", UrlProblem.EMPTY), (None, UrlProblem.EMPTY),
        (42, UrlProblem.EMPTY),
        ("http://portal.example.test", UrlProblem.NOT_HTTPS),
        ("ftp://portal.example.test", UrlProblem.NOT_HTTPS),
        ("portal.example.test", UrlProblem.NOT_HTTPS),
        ("https://clerk:hunter2x@portal.example.test", UrlProblem.CREDENTIALS_OR_QUERY),
        ("https://clerk@portal.example.test", UrlProblem.CREDENTIALS_OR_QUERY),
        ("https://portal.example.test/?x=1", UrlProblem.CREDENTIALS_OR_QUERY),
        ("https://portal.example.test/#top", UrlProblem.CREDENTIALS_OR_QUERY),
        ("https://", UrlProblem.MALFORMED),
        ("https://portal.example.test:99999", UrlProblem.MALFORMED),
        ("https://portal.example.test:0", UrlProblem.MALFORMED),
        ("https://portal.example.test:https", UrlProblem.MALFORMED),
        ("https://[::1", UrlProblem.MALFORMED),
        ("https://bad host", UrlProblem.MALFORMED),
        ("https://portal.example.test/a\tb", UrlProblem.MALFORMED),
        ("https://portal.example.test/\x1b[31m", UrlProblem.MALFORMED),
    ],
)
def test_refused(text: object, problem: UrlProblem) -> None:
    with pytest.raises(PortalUrlError) as info:
        parse_portal_url(text)
    assert info.value.problem is problem
    assert isinstance(info.value, ValueError)
    assert "hunter2x" not in str(info.value)


def test_the_transport_types_the_refusal() -> None:
    with pytest.raises(InsecureUrl):
        check_base_url("http://portal.example.test/api")
    with pytest.raises(InvalidConfiguration) as info:
        check_base_url("https://clerk:hunter2x@portal.example.test/api")
    assert "hunter2x" not in info.value.user_message + info.value.detail
    assert check_base_url("https://Portal.Example.TEST:443/api/") == \
        "https://portal.example.test/api"
