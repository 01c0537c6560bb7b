"""Shoppers' pages take a bounded number of queries that does not grow with the
number of products on the page or images per product (issue 3's budgets)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Collection, CollectionItem
from tests.factories import (
    ImageFactory,
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)

PRODUCT_BUDGET = 15
SELLER_BUDGET = 15
CATEGORY_BUDGET = 20
HOME_BUDGET = 20


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """Pin the database listing (nothing listens on port 9); tests/search covers
    category pages served by the search engine."""
    settings.SEARCH_URL = "http://127.0.0.1:9"


def queries_for(client, url, budget, assert_max_queries) -> int:
    """Queries of a warm render (renditions exist, menus cached), within budget."""
    assert client.get(url).status_code == 200
    with assert_max_queries(budget):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_products(seller, count, images=1, certified=True):
    products = []
    for _index in range(count):
        product = ProductPageFactory(parent=seller, images=images)
        if certified:
            OcopCertificateFactory(product=product)
        products.append(product)
    return products


def test_product_page_queries_do_not_grow_with_images_or_related_products(
    site_root, client, django_assert_max_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory())
    few_images = ProductPageFactory(parent=seller, images=2)
    many_images = ProductPageFactory(parent=seller, images=6)
    for product in (few_images, many_images):
        OcopCertificateFactory(product=product)
    add_products(SellerPageFactory(), 1)

    with_few = queries_for(
        client, few_images.url, PRODUCT_BUDGET, django_assert_max_num_queries
    )
    with_many = queries_for(
        client, many_images.url, PRODUCT_BUDGET, django_assert_max_num_queries
    )
    add_products(SellerPageFactory(), 3, images=3)
    with_more_related = queries_for(
        client, few_images.url, PRODUCT_BUDGET, django_assert_max_num_queries
    )

    assert with_few == with_many == with_more_related


def test_category_page_queries_do_not_grow_with_products_per_page(
    site_root, client, django_assert_max_num_queries
):
    seller = SellerPageFactory()
    first = add_products(seller, 3)
    url = first[0].category.page.url
    filtered = f"{url}?sao=4&con_hang=1&sap_xep=price_asc"

    few = queries_for(client, url, CATEGORY_BUDGET, django_assert_max_num_queries)
    few_filtered = queries_for(
        client, filtered, CATEGORY_BUDGET, django_assert_max_num_queries
    )
    add_products(SellerPageFactory(), 6, images=3)
    many = queries_for(client, url, CATEGORY_BUDGET, django_assert_max_num_queries)
    many_filtered = queries_for(
        client, filtered, CATEGORY_BUDGET, django_assert_max_num_queries
    )

    assert few == many
    assert few_filtered == many_filtered


def test_home_page_queries_do_not_grow_with_products_or_collections_items(
    site_root, client, django_assert_max_num_queries
):
    collection = Collection.objects.create(title="Quà Tết", image=ImageFactory())
    products = add_products(SellerPageFactory(), 2)
    for order, product in enumerate(products):
        CollectionItem.objects.create(
            collection=collection, product=product, sort_order=order
        )

    few = queries_for(client, "/", HOME_BUDGET, django_assert_max_num_queries)
    more = add_products(SellerPageFactory(), 6, images=3)
    for order, product in enumerate(more, start=10):
        CollectionItem.objects.create(
            collection=collection, product=product, sort_order=order
        )
    many = queries_for(client, "/", HOME_BUDGET, django_assert_max_num_queries)

    assert few == many


def test_seller_page_queries_do_not_grow_with_its_products(
    site_root, client, django_assert_max_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(seller, 2)

    few = queries_for(client, seller.url, SELLER_BUDGET, django_assert_max_num_queries)
    add_products(seller, 6, images=3)
    many = queries_for(client, seller.url, SELLER_BUDGET, django_assert_max_num_queries)

    assert few == many


def test_seller_logo_and_cover_come_with_the_cards_renditions(
    site_root, client, django_assert_max_num_queries
):
    plain = SellerPageFactory()
    add_products(plain, 2)
    pictured = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(pictured, 2)

    html = client.get(pictured.url).content.decode()
    assert 'class="seller__cover"' in html and 'class="seller__logo"' in html
    assert "fill-600x200" in html and "fill-1200x400" in html
    assert queries_for(
        client, pictured.url, SELLER_BUDGET, django_assert_max_num_queries
    ) == queries_for(client, plain.url, SELLER_BUDGET, django_assert_max_num_queries)


def test_seller_directory_queries_do_not_grow_with_sellers(
    site_root, client, django_assert_max_num_queries
):
    for _index in range(3):
        SellerPageFactory(logo=ImageFactory())

    few = queries_for(
        client, "/nguoi-ban/", SELLER_BUDGET, django_assert_max_num_queries
    )
    for _index in range(6):
        SellerPageFactory(logo=ImageFactory())
    many = queries_for(
        client, "/nguoi-ban/", SELLER_BUDGET, django_assert_max_num_queries
    )

    assert few == many


def test_seller_page_later_pages_cost_what_the_first_costs(
    site_root, client, django_assert_max_num_queries
):
    seller = SellerPageFactory(logo=ImageFactory(), cover_image=ImageFactory())
    add_products(seller, 26, certified=False)

    first = queries_for(
        client, seller.url, SELLER_BUDGET, django_assert_max_num_queries
    )
    second = queries_for(
        client, f"{seller.url}?trang=2", SELLER_BUDGET, django_assert_max_num_queries
    )

    assert first == second
    assert "26 sản phẩm" in client.get(f"{seller.url}?trang=2").content.decode()
