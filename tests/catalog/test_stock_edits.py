"""Stock is live: approvals and old revisions never undo checkout's reservations."""

import pytest
from django.urls import reverse

from catalog.models import ProductPage
from tests.sellers.accounts import department_user, form_data, seller_with_editor


@pytest.fixture
def shop(site_root):
    seller, product, editor = seller_with_editor("hop-tac-xa-kho")
    ProductPage.objects.filter(pk=product.pk).update(stock=10)
    return {"product": product, "editor": editor, "moderator": department_user()}


def _edit(client, user, product, **fields):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    return client.post(url, form_data(client, url, **fields))


def _live_stock(product) -> int | None:
    return ProductPage.objects.get(pk=product.pk).stock


def test_publishing_an_edit_keeps_stock_reserved_meanwhile(client, shop):
    product, moderator = shop["product"], shop["moderator"]
    _edit(client, shop["editor"], product, title="Kẹo dừa mới")
    ProductPage.objects.filter(pk=product.pk).update(stock=7)  # 3 sold meanwhile

    ProductPage.objects.get(pk=product.pk).get_latest_revision().publish(user=moderator)

    assert _live_stock(product) == 7
    assert ProductPage.objects.get(pk=product.pk).title == "Kẹo dừa mới"


def test_seller_changing_stock_applies_at_once(client, shop):
    product = shop["product"]

    response = _edit(client, shop["editor"], product, stock="25")

    assert response.status_code == 302
    assert _live_stock(product) == 25


def test_unrelated_edit_does_not_touch_stock(client, shop):
    product = shop["product"]
    _edit(client, shop["editor"], product, stock="10")
    ProductPage.objects.filter(pk=product.pk).update(stock=4)

    _edit(client, shop["editor"], product, title="Tên mới", stock="10")

    assert _live_stock(product) == 4
