import os

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
