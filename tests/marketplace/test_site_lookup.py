"""Page views remember which site answers a host (marketplace/sites.py) without
ever showing a stale site after it changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from sellers.models import SellerIndexPage

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_remembered_site_saves_queries_on_every_page_view(
    site_root, client, settings
):
    settings.SITE_LOOKUP_TTL = 0
    client.get("/")
    looked_up_each_time = queries(client, "/")

    settings.SITE_LOOKUP_TTL = 60
    client.get("/")
    remembered = queries(client, "/")

    # No site query; the root page still comes in one query, already specific.
    assert remembered == looked_up_each_time - 1


def test_saving_the_site_is_seen_by_the_next_request(site_root, client):
    assert "hero" in client.get("/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.root_page = SellerIndexPage.objects.get()
    site.save()

    html = client.get("/").content.decode()

    assert 'class="hero' not in html
    assert SellerIndexPage.objects.get().title in html


def test_health_check_never_asks_the_database_for_the_site(
    site_root, client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert client.get("/healthz/").status_code == 200
