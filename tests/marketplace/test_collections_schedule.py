"""Curated collections on a schedule: shown on the home page between their dates.

Dates are set relative to today (``timezone.localdate()``, Asia/Ho_Chi_Minh) rather
than freezing the clock: "tomorrow's" campaign is one that starts tomorrow.
"""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from marketplace.home import FIGURES_CACHE_KEY
from marketplace.models import Collection, CollectionItem
from tests.factories import ProductPageFactory
from tests.sellers.accounts import department_user

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _database_listing(settings):
    settings.SEARCH_URL = "http://127.0.0.1:9"


def home_html(client) -> str:
    return client.get("/").content.decode()


def collection_admin_url(view: str) -> str:
    return reverse(f"wagtailsnippets_marketplace_collection:{view}")


def test_campaign_appears_on_its_start_date(site_root, client):
    today = timezone.localdate()
    Collection.objects.create(title="Quà Tết OCOP", starts_at=today)
    Collection.objects.create(title="Trung thu miệt vườn", starts_at=today + DAY)

    html = home_html(client)

    assert "Quà Tết OCOP" in html
    assert "Trung thu miệt vườn" not in html


def test_campaign_shows_through_its_end_date_and_vanishes_after(site_root, client):
    today = timezone.localdate()
    Collection.objects.create(
        title="Đặc sản cuối năm", starts_at=today - 5 * DAY, ends_at=today
    )
    Collection.objects.create(
        title="Quà Tết năm ngoái", starts_at=today - 30 * DAY, ends_at=today - DAY
    )

    html = home_html(client)

    assert "Đặc sản cuối năm" in html
    assert "Quà Tết năm ngoái" not in html


def test_home_cache_does_not_serve_an_expired_collection(site_root, client):
    today = timezone.localdate()
    product = ProductPageFactory(title="Mứt dừa Bến Tre")
    campaign = Collection.objects.create(title="Quà Tết OCOP", ends_at=today)
    CollectionItem.objects.create(collection=campaign, product=product)
    assert "Quà Tết OCOP" in home_html(client)
    assert cache.get(FIGURES_CACHE_KEY) is not None  # the home page's cache is warm

    # The campaign's last day passes: its end date is now yesterday.
    Collection.objects.filter(pk=campaign.pk).update(ends_at=today - DAY)
    html = home_html(client)

    assert cache.get(FIGURES_CACHE_KEY) is not None
    assert "Quà Tết OCOP" not in html
    assert "Mứt dừa Bến Tre" in html  # still among the newest products


def test_admin_lists_each_collections_schedule_and_status(site_root, client):
    today = timezone.localdate()
    Collection.objects.create(title="Đang chạy", starts_at=today - DAY, ends_at=today)
    Collection.objects.create(title="Sắp tới", starts_at=today + 3 * DAY)
    Collection.objects.create(
        title="Đã qua", starts_at=today - 9 * DAY, ends_at=today - 2 * DAY
    )
    client.force_login(department_user())

    html = client.get(collection_admin_url("list")).content.decode()

    assert (today + 3 * DAY).strftime("%d/%m/%Y") in html
    assert (today - 2 * DAY).strftime("%d/%m/%Y") in html
    for title, status in (
        ("Đang chạy", "Đang hiển thị"),
        ("Sắp tới", "Sắp diễn ra"),
        ("Đã qua", "Đã kết thúc"),
    ):
        row = html[html.index(title) :]
        row = row[: row.index("</tr>")]
        assert status in row, title


def form_data(**fields) -> dict:
    return {
        "title": "Quà Tết OCOP",
        "featured": "on",
        "sort_order": "0",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        **fields,
    }


def test_department_schedules_a_campaign_with_dd_mm_yyyy_dates(site_root, client):
    client.force_login(department_user())

    response = client.post(
        collection_admin_url("add"),
        form_data(starts_at="20/01/2027", ends_at="17/02/2027"),
    )

    assert response.status_code == 302
    campaign = Collection.objects.get()
    assert campaign.starts_at == datetime.date(2027, 1, 20)
    assert campaign.ends_at == datetime.date(2027, 2, 17)


def test_end_date_before_start_date_is_refused_in_vietnamese(site_root, client):
    client.force_login(department_user())

    response = client.post(
        collection_admin_url("add"),
        form_data(starts_at="17/02/2027", ends_at="20/01/2027"),
    )

    assert response.status_code == 200
    assert "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." in str(
        response.context["form"].errors
    )
    assert not Collection.objects.exists()
