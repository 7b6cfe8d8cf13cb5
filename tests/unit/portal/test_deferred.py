"""DeferredClient: the portal client is built at its first use, once, with what was set."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desktop.portal.deferred import DeferredClient
from desktop.portal.errors import InvalidConfiguration


class Built:
    """Stands in for a PortalClient: counts how often it is built."""

    made = 0

    def __init__(self) -> None:
        type(self).made += 1
        self.tls_version: str | None = "TLSv1.3"
        self.on_policy_version: Any = None

    def get_policy(self) -> str:
        return "policy"


@pytest.fixture(autouse=True)
def _reset() -> None:
    Built.made = 0


def test_nothing_is_built_until_first_use() -> None:
    client = DeferredClient(Built)  # type: ignore[arg-type]
    assert not client.built and Built.made == 0
    assert client.tls_version is None  # the status bar may ask before any call
    assert Built.made == 0
    assert client.get_policy() == "policy"
    assert client.built and Built.made == 1
    assert client.tls_version == "TLSv1.3"


def test_attributes_set_before_it_exists_are_set_on_it() -> None:
    client = DeferredClient(Built)  # type: ignore[arg-type]

    def callback(version: str) -> None:
        del version

    client.on_policy_version = callback
    assert Built.made == 0
    assert client.real().on_policy_version is callback
    client.on_policy_version = None
    assert client.real().on_policy_version is None


def test_attributes_can_be_patched_and_removed_again() -> None:
    client = DeferredClient(Built)  # type: ignore[arg-type]
    client.get_policy = lambda: "patched"  # type: ignore[method-assign]
    assert client.get_policy() == "patched"
    del client.get_policy
    assert client.get_policy() == "policy"
    with pytest.raises(AttributeError):
        del client.not_there


def test_threads_racing_to_the_first_call_build_one_client() -> None:
    client = DeferredClient(Built)  # type: ignore[arg-type]
    start = threading.Barrier(8)
    seen: list[object] = []

    def first_call() -> None:
        start.wait()
        seen.append(client.real())

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Built.made == 1 and len({id(x) for x in seen}) == 1


def test_a_refused_configuration_fails_the_first_call_and_the_next() -> None:
    def refuse() -> Any:
        raise InvalidConfiguration(detail="proxy URL cannot be parsed")

    client = DeferredClient(refuse)
    for _ in range(2):
        with pytest.raises(InvalidConfiguration):
            client.get_policy()
    assert not client.built
