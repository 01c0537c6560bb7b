"""Product cards (home, category, seller and product pages) as shoppers see them."""

import io

import pytest
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from catalog.cards import cards_in_order, product_cards
from catalog.models import ProductPage
from tests.factories import (
    OcopCertificateFactory,
    ProductPageFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db


def renditions():
    return get_image_model().get_rendition_model().objects


def test_card_shows_the_first_gallery_image_with_both_widths(site_root):
    product = ProductPageFactory(images=3, price_vnd=125000, unit="hũ")
    OcopCertificateFactory(product=product, stars=4)
    cover = product.gallery_images.order_by("sort_order").first()
    # A bigger picture, replaced as the admin does: old renditions go with it.
    cover.image.file = ImageFile(io.BytesIO(png_bytes(1600, 1200)), name="big.png")
    cover.image.width, cover.image.height = 1600, 1200
    cover.image.save()
    for rendition in cover.image.renditions.all():
        rendition.delete()
    caches["renditions"].clear()

    [card] = product_cards(ProductPage.objects.filter(pk=product.pk))

    small = cover.image.get_rendition("fill-400x300|format-webp")
    large = cover.image.get_rendition("fill-800x600|format-webp")
    assert card.image.alt == cover.alt_text == "Ảnh 1"
    assert card.image.src == small.url
    assert card.image.srcset == f"{small.url} 400w, {large.url} 800w"
    assert (card.image.width, card.image.height) == (400, 300)
    assert card.url == product.url
    assert card.seller_url == product.get_parent().url
    assert card.price_display == "125.000 ₫ / hũ"
    assert card.stars == 4


def test_missing_renditions_are_made_once_then_reused(site_root):
    product = ProductPageFactory(images=1)
    for rendition in renditions().all():
        rendition.delete()
    caches["renditions"].clear()

    first = product_cards(ProductPage.objects.filter(pk=product.pk))
    made = renditions().count()
    again = product_cards(ProductPage.objects.filter(pk=product.pk))

    assert made == 2  # the 400 and 800 pixel WebP versions
    assert renditions().count() == made
    assert first == again


def test_a_new_focal_point_gets_new_renditions(site_root):
    product = ProductPageFactory(images=1)
    before = product_cards(ProductPage.objects.filter(pk=product.pk))[0].image.src
    image = product.gallery_images.first().image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width, image.focal_point_height = 8, 8
    image.save()

    after = product_cards(ProductPage.objects.filter(pk=product.pk))[0].image.src

    assert after != before
    assert after == image.get_rendition("fill-400x300|format-webp").url


def test_cards_in_order_keep_the_order_and_leave_out_unpublished(site_root):
    first, second, third = (ProductPageFactory() for _ in range(3))
    second.unpublish()

    cards = cards_in_order([third.pk, second.pk, first.pk])

    assert [card.pk for card in cards] == [third.pk, first.pk]


def test_cards_in_order_leave_out_pages_behind_a_password_or_login(site_root):
    public, locked = ProductPageFactory(), ProductPageFactory()
    behind_login = ProductPageFactory()
    PageViewRestriction.objects.create(
        page=locked,
        restriction_type=PageViewRestriction.PASSWORD,
        password="bi-mat",  # noqa: S106 - a test page's password
    )
    PageViewRestriction.objects.create(
        page=behind_login.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )

    cards = cards_in_order([locked.pk, public.pk, behind_login.pk])

    assert [card.pk for card in cards] == [public.pk]


def test_out_of_stock_card_and_expired_badge_on_the_seller_page(site_root, client):
    product = ProductPageFactory(stock=0, title="Mắm tép hết hàng")
    OcopCertificateFactory(
        product=product, stars=5, decision_date="2020-01-01", expires_on="2023-01-01"
    )

    html = client.get(product.get_parent().url).content.decode()

    card = html[html.index('<article class="card') :]
    card = card[: card.index("</article>")]
    assert "card--out-of-stock" in card
    assert "Hết hàng" in card
    assert escape("Mắm tép hết hàng") in card
    assert "ocop-badge" not in card  # the certificate expired
