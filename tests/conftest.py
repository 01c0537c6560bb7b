import os

import pytest

from sellers.services import ensure_site_structure


@pytest.fixture
def site_root(db):
    """The home page with the seller directory, category pages and department setup."""
    return ensure_site_structure()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def service_required() -> bool:
    """In CI a missing service is a failure, never a skip."""
    return os.environ.get("CI", "").lower() == "true"
