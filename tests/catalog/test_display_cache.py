"""Remembered product displays (catalog.display_cache) never show shoppers
anything older than the records they are built from: each change below is seen
on the very next view of a page whose display was remembered just before."""

import datetime

import pytest
from django.utils import timezone

from catalog.models import OcopCertificate
from catalog.sales_data import apply_sales_data
from tests.factories import (
    ImageFactory,
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)


@pytest.fixture(autouse=True)
def _remembered(settings):
    settings.CATALOG_DISPLAY_SECONDS = 300
    settings.SEARCH_URL = "http://127.0.0.1:9"  # the database listing answers


@pytest.fixture
def products(site_root):
    """A product and a related one (same category), each seen once already."""
    seller = SellerPageFactory()
    product = ProductPageFactory(parent=seller, title="Kẹo dừa sáp")
    related = ProductPageFactory(parent=seller, title="Bánh tráng sữa")
    return product, related


def page(client, product) -> str:
    response = client.get(product.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_verified_certificate_shows_its_badge_on_the_next_view(client, products):
    product, _related = products
    certificate = OcopCertificateFactory(
        product=product, stars=5, verified_at=None, verified_by=None
    )
    assert "OCOP 5 sao" not in page(client, product)
    assert "OCOP 5 sao" not in page(client, product)  # remembered so

    OcopCertificate.objects.get(pk=certificate.pk).verify(user=None)

    assert "OCOP 5 sao" in page(client, product)


def test_a_returned_certificate_loses_its_badge_on_the_next_view(client, products):
    product, related = products
    certificate = OcopCertificateFactory(product=related, stars=4)
    assert "OCOP 4 sao" in page(client, product)  # the related product's card

    certificate.return_to_seller(user=None, reason="Quyết định đã bị thu hồi")

    assert "OCOP 4 sao" not in page(client, product)


def test_a_new_price_or_stock_shows_at_once_on_the_page_and_related_cards(
    client, products
):
    product, related = products
    before = page(client, product)
    assert "125.000" in before

    apply_sales_data(related, None, price_vnd=98000)
    apply_sales_data(product, None, stock=0)

    after = page(client, product)
    assert "98.000" in after  # the related product's card
    assert "Hết hàng" in after


def test_a_related_products_new_cover_shows_after_it_is_published(client, products):
    product, related = products
    first = page(client, product)
    new_image = ImageFactory(title="Ảnh mới")

    draft = related.get_latest_revision_as_object()
    draft.gallery_images.all()[0].image = new_image
    draft.save_revision().publish()

    after = page(client, product)
    assert after != first
    assert f"images/{new_image.file.name.split('/')[-1].rsplit('.', 1)[0]}" in after


def test_a_certificate_that_lapses_overnight_is_not_shown_valid_next_day(
    client, products, monkeypatch
):
    product, _related = products
    today = timezone.localdate()
    OcopCertificateFactory(product=product, stars=3, expires_on=today)
    assert "OCOP 3 sao" in page(client, product)

    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)

    assert "OCOP 3 sao" not in page(client, product)


def test_a_seller_pages_cards_follow_their_certificates(client, site_root):
    seller = SellerPageFactory()
    product = ProductPageFactory(parent=seller)
    assert "OCOP 4 sao" not in page(client, seller)

    OcopCertificateFactory(product=product, stars=4)

    assert "OCOP 4 sao" in page(client, seller)


def test_a_preview_is_never_remembered(admin_client, products):
    product, _related = products
    page(admin_client, product)
    draft = product.get_latest_revision_as_object()
    draft.title = "Kẹo dừa sáp (bản nháp)"
    draft.save_revision()

    preview = admin_client.get(f"/quan-tri/pages/{product.pk}/view_draft/")
    assert "Kẹo dừa sáp (bản nháp)" in preview.content.decode()
    assert "Kẹo dừa sáp (bản nháp)" not in page(admin_client, product)
