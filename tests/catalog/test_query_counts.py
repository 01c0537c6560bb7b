"""Shoppers' pages take an exact number of queries, whatever the number of products
or images on them, and each shortcut that keeps the number down has a test named
for it that fails when the shortcut is lost:

- the routing shortcut (``marketplace.models.HomePage.route``) finds a category,
  seller or product page by its URL path and loads it for display in one query:
  Wagtail's walk down the tree would add 7 queries to a product page, 5 to a
  seller page, 3 to a category page;
- the remembered site (``marketplace.sites``): no site query and no root-page
  query per page view (2 saved below the home page, 1 on the home page);
- the view-restriction flag (``marketplace.page_mixins``): an unrestricted product
  or seller page needs no restriction query (1 saved; 2 without the mixin);
- cards read as values (``catalog.cards``) and every rendition of a page read in
  one query (``catalog.renditions.find_renditions``);
- the remembered displays (``catalog.display_cache``): a product page or a
  listing reads its own rows afresh and remembers the rest, 6 queries saved on
  a product page, 2 on a listing.

Counts are of a warm render: renditions exist, the menu and the site's root paths
are cached. The pins below build every display (as the first view after a
change does); ``test_*_remembered_*`` pin the views after it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Collection, CollectionItem, HomePage
from tests.factories import (
    ImageFactory,
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)

# 1 the page found by its URL path, loaded with its seller, communes, category,
#   category page URL and view-restriction flag; 2 the related products' cards;
#   3 the galleries and 4 the certificates of the product and related products;
#   5 rural awards; 6 certifications; 7 tags; 8 every rendition on the page.
PRODUCT_QUERIES = 8
# 1 the page, as for a product; 2 the listing's cards with their stars; 3 covers;
# 4 renditions of cards, logo and cover.
SELLER_QUERIES = 4
# 1 the home page; 2 its ancestors and 3 their view restrictions (Wagtail's own
# lookup); 4 collections; 5 their items; 6 the newest products; 7 cards; 8 stars;
# 9 covers; 10 renditions of cards, hero and collections. The category tiles'
# counts come with the home page's cached figures.
HOME_QUERIES = 10
# 1 the type of the page at that URL path and 2 the page with its category and
# view-restriction flag (the routing shortcut); 3 the listing's cards with their
# stars; 4 the communes to filter by; 5 covers; 6 renditions.
CATEGORY_QUERIES = 6
# 1-2 the page as for a category page; 3-4 restrictions; 5 the count; 6 sellers
# with their product counts; 7 their logos' renditions.
DIRECTORY_QUERIES = 7
# The database answer of /tim-kiem/ (the engine is down): 1 the ranked cards with
# their stars; 2-5 the category, star, commune and seller-type facets; 6-10 the
# price buckets' counts; 11 the certification facet; 12 covers; 13 renditions;
# 14 the query log.
SEARCH_QUERIES = 14


# With displays remembered: 1 the page, 2 the related products' rows.
PRODUCT_REMEMBERED_QUERIES = 2
# 1 the page, 2 the listing's rows (stars, covers and renditions remembered).
SELLER_REMEMBERED_QUERIES = 2
# Category page: the cards' covers and renditions remembered (the database
# listing reads the stars with the rows).
CATEGORY_REMEMBERED_QUERIES = CATEGORY_QUERIES - 2
# Home: the cards' stars, covers and renditions (with the hero's and the
# collections') remembered.
HOME_REMEMBERED_QUERIES = HOME_QUERIES - 3


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """Pin the database listing (nothing listens on port 9); tests/search covers
    pages served by the search engine. Every display is built (nothing
    remembered) unless a test turns remembering on."""
    settings.SEARCH_URL = "http://127.0.0.1:9"
    settings.CATALOG_DISPLAY_SECONDS = 0


def warm_queries(client, url, expected, assert_num_queries) -> list[dict]:
    """The queries of a warm render of ``url``, which must number ``expected``."""
    assert client.get(url).status_code == 200
    with assert_num_queries(expected):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200
    return captured.captured_queries


def add_products(seller, count, images=1, certified=True):
    products = []
    for _index in range(count):
        product = ProductPageFactory(parent=seller, images=images)
        if certified:
            OcopCertificateFactory(product=product)
        products.append(product)
    return products


def reading(table: str, queries: list[dict]) -> list[dict]:
    return [query for query in queries if f'"{table}"' in query["sql"]]


def selecting_from(table: str, queries: list[dict]) -> list[dict]:
    """Queries whose main FROM is ``table`` (subqueries of other queries aside)."""
    return [
        query
        for query in queries
        if query["sql"].split(" FROM ", 1)[-1].startswith(f'"{table}"')
    ]


@pytest.fixture
def shop(site_root):
    """A seller with a logo and a cover, and certified products with galleries."""
    seller = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    products = add_products(seller, 3, images=2)
    collection = Collection.objects.create(title="Quà Tết", image=ImageFactory())
    for order, product in enumerate(products):
        CollectionItem.objects.create(
            collection=collection, product=product, sort_order=order
        )
    home = HomePage.objects.get()
    home.hero_image = ImageFactory()
    home.save_revision().publish()
    return {
        "product": products[0].url,
        "seller": seller.url,
        "home": "/",
        "category": products[0].category.page.url,
        "directory": "/nguoi-ban/",
    }


EXPECTED = {
    "product": PRODUCT_QUERIES,
    "seller": SELLER_QUERIES,
    "home": HOME_QUERIES,
    "category": CATEGORY_QUERIES,
    "directory": DIRECTORY_QUERIES,
}


@pytest.mark.parametrize("page", ["product", "seller"])
def test_product_page_is_found_and_loaded_in_one_query(
    shop, client, django_assert_num_queries, page
):
    queries = warm_queries(
        client, shop[page], EXPECTED[page], django_assert_num_queries
    )

    # The first query finds the page by its URL path and loads it for display
    # (with its view-restriction flag); no query walks the tree.
    assert '"view_restricted"' in queries[0]["sql"]
    assert [q for q in queries if 'FROM "wagtailcore_page" WHERE' in q["sql"]] == []


@pytest.mark.parametrize("page", list(EXPECTED))
def test_no_site_query_per_page_view(shop, client, django_assert_num_queries, page):
    queries = warm_queries(
        client, shop[page], EXPECTED[page], django_assert_num_queries
    )

    assert reading("wagtailcore_site", queries) == []


@pytest.mark.parametrize("page", ["product", "seller", "category"])
def test_unrestricted_page_needs_no_restriction_query(
    shop, client, django_assert_num_queries, page
):
    queries = warm_queries(
        client, shop[page], EXPECTED[page], django_assert_num_queries
    )

    # The listing's cards leave restricted products out inside their own query.
    assert selecting_from("wagtailcore_pageviewrestriction", queries) == []


def test_product_category_link_comes_with_the_product(
    shop, client, django_assert_num_queries
):
    queries = warm_queries(
        client, shop["product"], PRODUCT_QUERIES, django_assert_num_queries
    )

    html = client.get(shop["product"]).content.decode()
    assert f'<a href="{shop["category"]}">' in html
    assert reading("catalog_categorypage", queries) == queries[:1]


def test_product_page_queries_do_not_grow_with_images_or_related_products(
    site_root, client, django_assert_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory())
    few_images = ProductPageFactory(parent=seller, images=2)
    many_images = ProductPageFactory(parent=seller, images=6)
    for product in (few_images, many_images):
        OcopCertificateFactory(product=product)
    add_products(SellerPageFactory(), 1)

    for product in (few_images, many_images):
        warm_queries(client, product.url, PRODUCT_QUERIES, django_assert_num_queries)
    add_products(SellerPageFactory(), 3, images=3)
    warm_queries(client, few_images.url, PRODUCT_QUERIES, django_assert_num_queries)


def test_category_page_queries_do_not_grow_with_products_per_page(
    site_root, client, django_assert_num_queries
):
    seller = SellerPageFactory()
    first = add_products(seller, 3)
    url = first[0].category.page.url
    filtered = f"{url}?sao=4&con_hang=1&sap_xep=price_asc"

    for _round in range(2):
        for address in (url, filtered):
            warm_queries(client, address, CATEGORY_QUERIES, django_assert_num_queries)
        add_products(SellerPageFactory(), 6, images=3)


def test_home_page_reads_every_rendition_in_one_query(
    shop, client, django_assert_num_queries
):
    queries = warm_queries(client, "/", HOME_QUERIES, django_assert_num_queries)

    assert len(reading("wagtailimages_rendition", queries)) == 1
    html = client.get("/").content.decode()
    assert 'class="hero__img"' in html and 'fetchpriority="high"' in html
    assert 'class="collection__img"' in html and 'class="card__img"' in html


def test_home_page_queries_do_not_grow_with_products_or_collections_items(
    site_root, client, django_assert_num_queries
):
    collection = Collection.objects.create(title="Quà Tết", image=ImageFactory())
    products = add_products(SellerPageFactory(), 2)
    for order, product in enumerate(products):
        CollectionItem.objects.create(
            collection=collection, product=product, sort_order=order
        )

    warm_queries(client, "/", HOME_QUERIES, django_assert_num_queries)
    more = add_products(SellerPageFactory(), 6, images=3)
    for order, product in enumerate(more, start=10):
        CollectionItem.objects.create(
            collection=collection, product=product, sort_order=order
        )
    warm_queries(client, "/", HOME_QUERIES, django_assert_num_queries)


def test_seller_page_queries_do_not_grow_with_its_products(
    site_root, client, django_assert_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(seller, 2)

    warm_queries(client, seller.url, SELLER_QUERIES, django_assert_num_queries)
    add_products(seller, 6, images=3)
    warm_queries(client, seller.url, SELLER_QUERIES, django_assert_num_queries)


def test_seller_logo_and_cover_come_with_the_cards_renditions(
    site_root, client, django_assert_num_queries
):
    plain = SellerPageFactory()
    add_products(plain, 2)
    pictured = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(pictured, 2)

    html = client.get(pictured.url).content.decode()
    assert 'class="seller__cover"' in html and 'class="seller__logo"' in html
    assert "fill-600x200" in html and "fill-1200x400" in html
    for seller in (plain, pictured):
        warm_queries(client, seller.url, SELLER_QUERIES, django_assert_num_queries)


def test_seller_directory_queries_do_not_grow_with_sellers(
    site_root, client, django_assert_num_queries
):
    for _index in range(3):
        SellerPageFactory(logo=ImageFactory())

    warm_queries(client, "/nguoi-ban/", DIRECTORY_QUERIES, django_assert_num_queries)
    for _index in range(6):
        SellerPageFactory(logo=ImageFactory())
    warm_queries(client, "/nguoi-ban/", DIRECTORY_QUERIES, django_assert_num_queries)


def test_search_page_from_the_database_does_not_grow_with_its_hits(
    site_root, client, django_assert_num_queries
):
    add_products(SellerPageFactory(), 3, images=2)
    url = "/tim-kiem/?q=keo"

    warm_queries(client, url, SEARCH_QUERIES, django_assert_num_queries)
    add_products(SellerPageFactory(), 6, images=3)
    warm_queries(client, url, SEARCH_QUERIES, django_assert_num_queries)


def test_seller_page_later_pages_cost_what_the_first_costs(
    site_root, client, django_assert_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(seller, 26, certified=False)

    # More products than one page holds: the listing counts them (one query more).
    paged = SELLER_QUERIES + 1
    warm_queries(client, seller.url, paged, django_assert_num_queries)
    warm_queries(client, f"{seller.url}?trang=2", paged, django_assert_num_queries)
    assert "26 sản phẩm" in client.get(f"{seller.url}?trang=2").content.decode()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("product", PRODUCT_REMEMBERED_QUERIES),
        ("seller", SELLER_REMEMBERED_QUERIES),
        ("category", CATEGORY_REMEMBERED_QUERIES),
        ("home", HOME_REMEMBERED_QUERIES),
    ],
)
def test_pages_read_only_their_rows_once_their_display_is_remembered(
    shop, client, django_assert_num_queries, settings, page, expected
):
    settings.CATALOG_DISPLAY_SECONDS = 300
    queries = warm_queries(client, shop[page], expected, django_assert_num_queries)

    # What changes with every order (price, stock) is still read on each view.
    assert reading("catalog_productpage", queries)
    assert reading("wagtailimages_rendition", queries) == []
    assert selecting_from("catalog_productimage", queries) == []
