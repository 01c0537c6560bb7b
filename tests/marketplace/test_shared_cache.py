"""The shared cache (CACHE_URL, Redis): what one worker forgets, every worker forgets.

Worker "here" is the test process; the other worker is a separate Python process
(`manage.py shell -c …`) on the same settings, Redis and key prefix.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.test import RequestFactory

from catalog.models import Category, OcopCertificate, ProductPage
from marketplace.helpers.cache import SiteRedisCache
from marketplace.home import catalogue_figures
from marketplace.navigation import main_navigation
from tests.factories import OcopCertificateFactory, ProductPageFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]


def _in_another_worker(code: str) -> None:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="marketplace.settings.test")
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _menu_titles() -> list[str]:
    return [item["title"] for item in main_navigation(RequestFactory().get("/"))]


def test_every_cache_is_in_redis():
    for alias in settings.CACHES:
        assert isinstance(caches[alias], SiteRedisCache), alias


def test_a_menu_forgotten_by_another_worker_is_rebuilt_here(site_root):
    category = Category.objects.get(slug="processed-food")
    assert category.name in _menu_titles()  # now remembered in Redis
    # A change that sends no signal: this worker keeps showing the remembered menu.
    Category.objects.filter(pk=category.pk).update(name="Đặc sản chế biến")
    assert "Đặc sản chế biến" not in _menu_titles()

    _in_another_worker(
        "from marketplace.navigation import forget_navigation; forget_navigation()"
    )

    assert "Đặc sản chế biến" in _menu_titles()


def test_home_figures_forgotten_by_another_worker_are_counted_again(site_root):
    ProductPageFactory()
    assert catalogue_figures()["products"] == 1
    ProductPage.objects.update(live=False)
    assert catalogue_figures()["products"] == 1  # remembered

    # What a publish in the other worker runs (catalog/signal_handlers.py).
    _in_another_worker(
        "from django.core.cache import cache; "
        "from marketplace.home import FIGURES_CACHE_KEY; "
        "cache.delete(FIGURES_CACHE_KEY)"
    )

    assert catalogue_figures()["products"] == 0


def test_what_another_worker_remembers_is_read_here():
    _in_another_worker(
        "from django.core.cache import caches; "
        "caches['renditions'].set('rendition:42', 'img-42.webp', 60)"
    )

    assert caches["renditions"].get("rendition:42") == "img-42.webp"


def test_clearing_this_runs_caches_leaves_other_runs_keys():
    other_run = SiteRedisCache(settings.CACHE_URL, {"KEY_PREFIX": "another-run"})
    other_run.set("nav:vi", "their menu")
    cache.set("nav:vi", "our menu")
    try:
        for alias in settings.CACHES:
            caches[alias].clear()

        assert cache.get("nav:vi") is None
        assert other_run.get("nav:vi") == "their menu"
    finally:
        other_run.clear()
    assert other_run.get("nav:vi") is None


def test_a_product_display_forgotten_by_another_worker_is_built_again_here(
    site_root, client, settings
):
    settings.CATALOG_DISPLAY_SECONDS = 300
    product = ProductPageFactory()
    related = ProductPageFactory(parent=product.seller)
    certificate = OcopCertificateFactory(product=related, stars=5)
    assert "OCOP 5 sao" in client.get(product.url).content.decode()
    # Returned without a signal here: the display stays remembered.
    OcopCertificate.objects.filter(pk=certificate.pk).update(verified_at=None)
    assert "OCOP 5 sao" in client.get(product.url).content.decode()

    # What the save in the other worker runs (catalog/signal_handlers.py).
    _in_another_worker("from catalog import display_cache; display_cache.forget()")

    assert "OCOP 5 sao" not in client.get(product.url).content.decode()


def test_one_redis_client_serves_every_operation_of_a_cache():
    backend = caches["default"]
    first = backend._cache.get_client()
    for index in range(3):
        backend.set(f"probe:{index}", index)
        assert backend.get(f"probe:{index}") == index

    assert backend._cache.get_client() is first
    assert backend._cache.get_client(write=True) is first  # one server, one pool
