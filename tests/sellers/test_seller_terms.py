"""A seller's own shipping, returns and contact terms: edited on its profile, shown
on its public page and on its products' pages."""

import pytest
from django.urls import reverse

from sellers.models import SellerPage
from tests.sellers.accounts import form_data, seller_with_editor

SHIPPING = "Giao trong 2 ngày ở Vĩnh Long"
RETURNS = "Đổi trong 7 ngày nếu hàng lỗi"
CONTACT = "Zalo 0912 345 678, 7h–17h"


@pytest.fixture
def shop(site_root):
    seller, product, editor = seller_with_editor("co-so-dua")
    return seller, product, editor


def test_seller_edits_its_terms_on_its_profile(client, shop):
    seller, _product, editor = shop
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[seller.pk])

    response = client.post(
        url,
        form_data(
            client,
            url,
            shipping_terms=SHIPPING,
            returns_terms=RETURNS,
            contact_terms=CONTACT,
        ),
    )

    assert response.status_code == 302
    draft = SellerPage.objects.get(pk=seller.pk).get_latest_revision_as_object()
    assert (draft.shipping_terms, draft.returns_terms, draft.contact_terms) == (
        SHIPPING,
        RETURNS,
        CONTACT,
    )


def test_terms_show_on_the_sellers_page_and_its_products(client, shop):
    seller, product, _editor = shop
    SellerPage.objects.filter(pk=seller.pk).update(
        shipping_terms=SHIPPING, returns_terms=RETURNS, contact_terms=CONTACT
    )

    for page in (seller, product):
        html = client.get(page.url).content.decode()
        assert "Giao hàng, đổi trả và liên hệ" in html
        assert SHIPPING in html
        assert RETURNS in html
        assert CONTACT in html


def test_no_terms_no_section(client, shop):
    seller, product, _editor = shop

    for page in (seller, product):
        assert "Giao hàng, đổi trả và liên hệ" not in client.get(page.url).text
