"""Fixtures of the portal unit tests: a private test CA and clients aimed at fault servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from desktop.portal import PortalClient
from tests.unit.portal.faultserver import FaultServer, Pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    ca = trustme.CA(organization_name="Fictional Test CA")
    ca_file = tmp_path_factory.mktemp("pki") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    return Pki(ca=ca, ca_file=str(ca_file), leaf=leaf)


@pytest.fixture
def make_client(pki: Pki) -> Iterator[Callable[..., PortalClient]]:
    """A client aimed at a fault server, trusting the test CA, with quick retries."""
    made: list[PortalClient] = []

    def make(server: FaultServer | str, **kwargs: Any) -> PortalClient:
        url = server if isinstance(server, str) else server.url
        kwargs.setdefault("ca_bundle", pki.ca_file)
        kwargs.setdefault("backoff_s", (0.01, 0.02))
        kwargs.setdefault("deadline_s", 10.0)
        client = PortalClient(url, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def write(path: Path, text: str) -> str:
    path.write_text(text)
    return str(path)
