import os
import socket

import pytest

from marketplace.site_setup import ensure_site_structure


@pytest.fixture
def site_root(db):
    """The home page with the seller directory, category pages and department setup."""
    return ensure_site_structure()


@pytest.fixture(autouse=True)
def _clear_cache(settings):
    """Every cache (renditions too: their ids come back after a rollback)."""
    from django.core.cache import caches

    from marketplace.sites import forget_sites

    def clear():
        for alias in settings.CACHES:
            caches[alias].clear()
        forget_sites()

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def _database_listings_unless_engine(request, settings):
    """Tests not marked ``engine`` list products from the database backend: the
    engine's test indexes may still hold documents of rows other tests rolled back
    (nothing listens on port 9)."""
    if request.node.get_closest_marker("engine") is None:
        settings.SEARCH_URL = "http://127.0.0.1:9"


def service_required() -> bool:
    """In CI a missing service is a failure, never a skip."""
    return os.environ.get("CI", "").lower() == "true"


def missing_service(message: str):
    """Fail in CI, where every service must be there; skip on a laptop."""
    if service_required():
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    """Tests marked `postgres` need PostgreSQL: skipped elsewhere, failed in CI."""
    if request.node.get_closest_marker("postgres") is None:
        return
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    missing_service("needs PostgreSQL: set DATABASE_URL=postgres://… (make test does)")


STRIPE_MOCK = ("127.0.0.1", 12111)


def stripe_mock_running() -> bool:
    try:
        with socket.create_connection(STRIPE_MOCK, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _stripe_marker(request):
    """Tests marked `stripe` need stripe-mock: skipped elsewhere, failed in CI."""
    if request.node.get_closest_marker("stripe") is None:
        return
    if not stripe_mock_running():
        missing_service("stripe-mock is not running: make stripe-mock-start")


@pytest.fixture(autouse=True)
def _redis_marker(request):
    """Tests marked `redis` need the shared cache: CACHE_URL set and Redis answering."""
    if request.node.get_closest_marker("redis") is None:
        return
    from django.conf import settings
    from django.core.cache import cache
    from redis.exceptions import RedisError

    if not settings.CACHE_URL:
        missing_service("needs Redis: set CACHE_URL=redis://… (make test does)")
    try:
        cache.get("ping")
    except RedisError as error:
        missing_service(f"Redis at {settings.CACHE_URL} does not answer: {error}")
