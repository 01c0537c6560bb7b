"""Redis down or stalled: pages are computed from the database, not failed.

Real sockets stand in for the broken server: a closed port (refused at once) and a
listening socket that never answers (Redis hung).
"""

import logging
import socket
import time

import pytest
from django.test import override_settings

from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def _caches_at(port: int) -> dict:
    return {
        alias: {
            "BACKEND": "marketplace.helpers.cache.SiteRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": f"outage:{alias}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        for alias in ("default", "renditions")
    }


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_port():
    """Accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def _pages(client, product) -> list[int]:
    return [client.get(url).status_code for url in ("/", product.url, "/tim-kiem/")]


def test_pages_answer_when_redis_refuses_connections(
    site_root, client, closed_port, caplog
):
    product = ProductPageFactory(title="Kẹo dừa lá dứa")
    with override_settings(CACHES=_caches_at(closed_port)):
        with caplog.at_level(logging.WARNING, logger="marketplace.helpers.cache"):
            assert _pages(client, product) == [200, 200, 200]
            assert "Kẹo dừa lá dứa" in client.get(product.url).content.decode()
    assert any("Redis unreachable" in r.getMessage() for r in caplog.records)


def test_a_hung_redis_costs_one_timeout_not_one_per_cache_call(
    site_root, client, silent_port
):
    product = ProductPageFactory()
    with override_settings(CACHES=_caches_at(silent_port)):
        started = time.monotonic()
        assert _pages(client, product) == [200, 200, 200]
        elapsed = time.monotonic() - started
    # One socket timeout (1 s), then the cache is skipped: pages make a dozen
    # cache calls, which would otherwise wait a second each (30 s and more).
    assert elapsed < 10, elapsed
