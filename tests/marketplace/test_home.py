"""The home page: live figures, category tiles, featured collections, newest."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone

from catalog.models import CategoryPage, RuralIndustrialAward
from marketplace.models import Collection, CollectionItem
from tests.factories import (
    ImageFactory,
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """Pin the database listing (nothing listens on port 9); tests/search covers
    category pages served by the search engine."""
    settings.SEARCH_URL = "http://127.0.0.1:9"


def figures_text(html: str) -> str:
    block = re.search(r'<p class="figures">(.*?)</p>', html, re.DOTALL).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", block).split())


def test_home_figures_are_counted_from_the_database(site_root, client):
    seller = SellerPageFactory()
    certified, awarded, plain, _fourth = (
        ProductPageFactory(parent=seller) for _index in range(4)
    )
    OcopCertificateFactory(product=certified)
    RuralIndustrialAward.objects.create(
        product=awarded, level="province", year=2022, verified_at=timezone.now()
    )
    OcopCertificateFactory(product=plain, verified_at=None)

    html = client.get("/").content.decode()

    assert figures_text(html) == "1 cơ sở · 4 sản phẩm · 50% OCOP"


def test_home_figures_follow_new_products_after_the_cache_is_cleared(site_root, client):
    seller = SellerPageFactory()
    ProductPageFactory(parent=seller)
    assert "1 sản phẩm" in figures_text(client.get("/").content.decode())

    ProductPageFactory(parent=seller)
    cache.clear()

    assert "2 sản phẩm" in figures_text(client.get("/").content.decode())


def test_large_figures_use_vietnamese_thousands_separators():
    rendered = Template("{% load catalog_tags %}{{ n|vnnum }} {{ p|vnd }}").render(
        Context({"n": 1312, "p": 125000})
    )

    assert rendered == "1.312 125.000 ₫"


def test_home_shows_category_tiles_with_live_product_counts(site_root, client):
    seller = SellerPageFactory()
    ProductPageFactory(parent=seller)
    ProductPageFactory(parent=seller)
    ProductPageFactory(parent=seller, publish=False, live=False)

    html = client.get("/").content.decode()

    tile = re.search(
        r'category-tile--processed-food" href="([^"]+)">(.*?)</a>', html, re.DOTALL
    )
    assert tile.group(1) == "/thuc-pham-che-bien/"
    assert "Thực phẩm chế biến" in tile.group(2)
    assert "2 sản phẩm" in tile.group(2)
    assert html.count('class="category-tile ') == 5


def test_home_features_live_collections_with_their_products(site_root, client):
    product = ProductPageFactory(title="Rượu nếp than")
    live = Collection.objects.create(
        title="Quà Tết miền Tây", text="<p>Chọn lọc</p>", image=ImageFactory()
    )
    CollectionItem.objects.create(collection=live, product=product)
    Collection.objects.create(
        title="Bộ sưu tập đã hết hạn",
        ends_at=timezone.localdate() - datetime.timedelta(days=1),
    )
    Collection.objects.create(title="Bộ sưu tập không nổi bật", featured=False)

    html = client.get("/").content.decode()

    assert "Quà Tết miền Tây" in html
    assert "Chọn lọc" in html
    assert "Rượu nếp than" in html
    assert "Bộ sưu tập đã hết hạn" not in html
    assert "Bộ sưu tập không nổi bật" not in html


def test_home_lists_the_newest_products_first(site_root, client):
    seller = SellerPageFactory()
    ProductPageFactory(parent=seller, title="Bánh pía cũ")
    ProductPageFactory(parent=seller, title="Bánh pía mới", price_vnd=85000)

    html = client.get("/").content.decode()

    newest = html.split('id="newest-title"', 1)[1]
    assert newest.index("Bánh pía mới") < newest.index("Bánh pía cũ")
    assert "85.000 ₫ / kg" in newest


def test_every_page_has_the_skip_link_menu_search_and_department_footer(
    site_root, client
):
    html = client.get("/").content.decode()

    assert '<html lang="vi">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'role="search"' in html
    assert 'action="/i18n/setlang/"' in html
    assert "Sở Công Thương tỉnh Vĩnh Long" in html
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.DOTALL).group(0)
    for slug in (
        "thu-cong-my-nghe",
        "nong-thuy-san",
        "thuc-pham-che-bien",
        "do-uong",
        "hang-gia-dung",
    ):
        assert f'href="/{slug}/"' in menu
    assert 'href="/nguoi-ban/"' in menu


def menu_titles(html: str) -> list[str]:
    nav = re.search(r"<nav[^>]*>(.*?)</nav>", html, re.DOTALL).group(1)
    return [" ".join(title.split()) for title in re.findall(r">([^<>]+)</a>", nav)]


def test_publishing_a_product_updates_the_home_figures_at_once(site_root, client):
    seller = SellerPageFactory()
    ProductPageFactory(parent=seller)
    assert "1 sản phẩm" in figures_text(client.get("/").content.decode())

    ProductPageFactory(parent=seller)  # published through a revision, as editors do

    assert "2 sản phẩm" in figures_text(client.get("/").content.decode())


def test_unpublishing_a_product_updates_the_home_figures_at_once(site_root, client):
    seller = SellerPageFactory()
    product = ProductPageFactory(parent=seller)
    assert "1 sản phẩm" in figures_text(client.get("/").content.decode())

    product.unpublish()

    assert "0 sản phẩm" in figures_text(client.get("/").content.decode())


def test_unpublishing_a_category_page_takes_it_out_of_the_menu(site_root, client):
    page = CategoryPage.objects.live().select_related("category").first()
    assert page.category.name in menu_titles(client.get("/").content.decode())

    page.unpublish()

    assert page.category.name not in menu_titles(client.get("/").content.decode())


def test_renaming_a_category_renames_its_menu_entry_at_once(site_root, client):
    category = CategoryPage.objects.live().first().category
    assert category.name in menu_titles(client.get("/").content.decode())

    category.name = "Đặc sản mới đổi tên"
    category.save()

    assert "Đặc sản mới đổi tên" in menu_titles(client.get("/").content.decode())
