import pytest
from django.conf import settings as django_settings

from marketplace.site_setup import ensure_site_structure
from tests.search.utils import engine_reason
from tests.utils import missing_service, stripe_mock_running


@pytest.fixture
def site_root(db):
    """The home page with the seller directory, category pages and department setup."""
    return ensure_site_structure()


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Every test starts in the site's default language, whatever the last one chose."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache(settings):
    """Every cache (renditions too: their ids come back after a rollback), and
    the workers' remembered fragments."""
    from django.core.cache import caches

    from marketplace.helpers.fragments import CARDS, SHELL
    from marketplace.sites import forget_sites

    def clear():
        for alias in settings.CACHES:
            caches[alias].clear()
        forget_sites()
        SHELL.clear()
        CARDS.clear()

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


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    """Tests marked `postgres` need PostgreSQL: skipped elsewhere, failed in CI."""
    if request.node.get_closest_marker("postgres") is None:
        return
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    missing_service("needs PostgreSQL: set DATABASE_URL=postgres://… (make test does)")


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


# The engine marker (tests in any folder may need the engine).
@pytest.fixture(scope="session")
def _engine_session():
    """Drop this test process's indexes when the session ends."""
    yield
    from search import engine

    engine.reset()
    if engine.health() is None:
        for name in engine.indexes_matching(f"{django_settings.SEARCH_INDEX_PREFIX}_*"):
            engine.delete_index(name)


@pytest.fixture(autouse=True)
def _engine_marker(request):
    if request.node.get_closest_marker("engine") is None:
        return
    request.getfixturevalue("_engine_session")
    reason = engine_reason()
    if reason is None:
        return
    missing_service(
        f"search engine {reason} at {django_settings.SEARCH_URL}: "
        "run `make engine-start`"
    )


@pytest.fixture
def closed_engine(settings):
    """SEARCH_URL pointing at a closed port: a really unreachable engine."""
    from search import engine

    settings.SEARCH_URL = "http://127.0.0.1:9"
    engine.reset()
    yield
    engine.reset()
