"""Shoppers reach every page at its current URL (marketplace.models.HomePage.route
and the remembered site of marketplace/sites.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import CategoryPage
from marketplace.models import HomePage
from sellers.models import SellerIndexPage
from tests.factories import ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


def test_product_and_seller_pages_answer_at_their_urls(site_root, client):
    product = ProductPageFactory(title="Mắm cá linh")

    assert "Mắm cá linh" in client.get(product.url).content.decode()
    assert product.seller.title in client.get(product.seller.url).content.decode()


def test_renaming_a_seller_moves_its_products_to_the_new_url(site_root, client):
    product = ProductPageFactory()
    seller = product.seller
    old_url = product.url
    seller.slug = "htx-doi-ten"
    seller.save_revision().publish()
    product.refresh_from_db()

    assert product.url != old_url
    assert client.get(product.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_product_moved_to_another_seller_answers_at_its_new_url(site_root, client):
    product = ProductPageFactory()
    old_url = product.url
    product.move(SellerPageFactory(), pos="last-child")
    product.refresh_from_db()

    assert client.get(product.url).status_code == 200
    # Wagtail's redirects app keeps the old address working.
    assert client.get(old_url).headers["Location"] == product.url


def test_unpublished_product_is_not_found(site_root, client):
    product = ProductPageFactory()
    url = product.url
    product.unpublish()

    assert client.get(url).status_code == 404


def test_a_page_of_another_type_deeper_down_is_still_found(site_root, client):
    # Not where a seller page would be: the general lookup finds it.
    category = CategoryPage.objects.first()
    directory = category.add_child(
        instance=SellerIndexPage(title="Nhà cung cấp nổi bật", slug="noi-bat")
    )
    directory.save_revision().publish()

    response = client.get(f"{category.url}noi-bat/")

    assert response.status_code == 200
    assert response.context["page"].pk == directory.pk


def test_a_product_view_does_not_load_the_home_page(site_root, client):
    product = ProductPageFactory()
    client.get(product.url)  # the site is remembered from here on

    with CaptureQueriesContext(connection) as captured:
        assert client.get(product.url).status_code == 200

    assert not [q for q in captured if "marketplace_homepage" in q["sql"]]


def test_home_page_edits_show_at_once(site_root, client):
    client.get("/")  # the site is remembered from here on
    home = HomePage.objects.get()
    home.hero_title = "Tết này mua quà OCOP"
    home.save_revision().publish()

    assert "Tết này mua quà OCOP" in client.get("/").content.decode()
