"""Private pages stay private: a view restriction on a page or an ancestor applies
to the public product and seller pages (marketplace/page_mixins.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sellers.models import SellerIndexPage
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def test_a_password_on_the_seller_covers_its_product_pages(site_root, client):
    product = ProductPageFactory(title="Bánh pía sầu riêng")
    PageViewRestriction.objects.create(
        page=product.seller, restriction_type="password", password="bi-mat-123"
    )

    for url in (product.url, product.seller.url):
        html = client.get(url).content.decode()
        assert 'name="password"' in html
        assert "Bánh pía sầu riêng" not in html


def test_a_password_on_one_product_covers_that_product_only(site_root, client):
    product = ProductPageFactory(title="Rượu mai trắng")
    neighbour = ProductPageFactory(parent=product.seller, title="Rượu nếp cẩm")
    PageViewRestriction.objects.create(
        page=product, restriction_type="password", password="bi-mat-123"
    )

    html = client.get(product.url).content.decode()
    assert 'name="password"' in html and "Rượu mai trắng" not in html
    assert "Rượu nếp cẩm" in client.get(neighbour.url).content.decode()


def test_a_login_restriction_on_the_directory_sends_shoppers_to_log_in(
    site_root, client
):
    product = ProductPageFactory()
    PageViewRestriction.objects.create(
        page=SellerIndexPage.objects.get(), restriction_type="login"
    )

    response = client.get(product.url)

    assert response.status_code == 302
    assert "login" in response.headers["Location"]


def test_an_unrestricted_product_page_needs_no_restriction_query(site_root, client):
    product = ProductPageFactory()
    client.get(product.url)

    with CaptureQueriesContext(connection) as captured:
        assert client.get(product.url).status_code == 200

    restriction_lookups = [
        q
        for q in captured
        if q["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
    ]
    assert restriction_lookups == []
