"""Every image on shoppers' pages is one ``<img>`` from components/picture.html,
at the specs and sizes of catalog/renditions.py."""

import re

import pytest

from catalog.renditions import HERO_SPECS
from marketplace.models import Collection, CollectionItem, HomePage
from tests.factories import ImageFactory, ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


def img(html: str, css_class: str) -> str:
    return re.search(rf'<img[^>]*class="{css_class}"[^>]*>', html).group(0)


def test_home_hero_offers_both_widths_and_loads_first(site_root, client):
    home = HomePage.objects.get()
    home.hero_image = ImageFactory()
    home.save_revision().publish()

    hero = img(client.get("/").content.decode(), "hero__img")

    assert len(re.findall(r"\.webp \d+w", hero)) == 2
    assert f'sizes="{HERO_SPECS.sizes}"' in hero
    assert 'fetchpriority="high"' in hero and "loading=" not in hero


def test_collection_image_is_one_lazy_webp(site_root, client):
    collection = Collection.objects.create(title="Quà Tết", image=ImageFactory())
    CollectionItem.objects.create(collection=collection, product=ProductPageFactory())

    picture = img(client.get("/").content.decode(), "collection__img")

    assert "fill-600x300.format-webp" in picture
    assert "srcset=" not in picture and 'loading="lazy"' in picture
    assert 'width="' in picture and 'height="' in picture and 'alt=""' in picture


def test_seller_directory_shows_each_logo_as_a_webp(site_root, client):
    SellerPageFactory(logo=ImageFactory())
    SellerPageFactory()

    html = client.get("/nguoi-ban/").content.decode()

    logos = re.findall(r'<img[^>]*class="seller-item__logo"[^>]*>', html)
    assert len(logos) == 1
    assert "fill-160x160.format-webp" in logos[0] and 'loading="lazy"' in logos[0]
    assert html.count("seller-item__logo--blank") == 1


def test_product_card_picture_says_how_wide_it_shows(site_root, client):
    product = ProductPageFactory(images=1)

    html = client.get(product.seller.url).content.decode()

    card = img(html, "card__img")
    assert len(re.findall(r"\.webp \d+w", card)) == 2
    assert 'sizes="(min-width: 64em)' in card and 'alt="Ảnh 1"' in card
