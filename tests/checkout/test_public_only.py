"""Only public products can be bought: a product behind a view restriction (on
itself or its seller), hidden by a takedown, held by the screening, or of a
suspended seller is refused by the cart and the checkout, even by its id."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from catalog.models import ProductPage
from marketplace.checkout import payments, services
from marketplace.checkout.cart import SESSION_KEY
from marketplace.checkout.models import Order
from sellers.models import SellerPage
from tests.checkout.utils import checkout_data

pytestmark = pytest.mark.django_db

REFUSED = "không mở bán công khai"


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="bi-mat",  # noqa: S106 - a test page's password
    )


def _make_private(how: str, product) -> None:
    if how == "password":
        _restrict(product)
    elif how == "seller_login":
        PageViewRestriction.objects.create(
            page=product.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    elif how == "hidden":
        ProductPage.objects.filter(pk=product.pk).update(hidden_at=timezone.now())
    elif how == "held":
        ProductPage.objects.filter(pk=product.pk).update(held_for_screening=True)
    elif how == "suspended":
        SellerPage.objects.filter(pk=product.seller_id).update(
            suspended_at=timezone.now()
        )


CASES = ["password", "seller_login", "hidden", "held", "suspended"]


@pytest.mark.parametrize("how", CASES)
def test_cart_refuses_a_product_the_public_may_not_see(client, product, how):
    _make_private(how, product)
    response = client.post(
        "/gio-hang/them/", {"product": product.pk, "quantity": 1}, follow=True
    )
    assert client.session.get(SESSION_KEY, {}) == {}
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize("how", CASES)
def test_checkout_refuses_an_order_for_it_by_id(product, customer, how):
    _make_private(how, product)
    with pytest.raises(services.CheckoutError) as refused:
        services.place_order({product.pk: 1}, customer, payments.METHODS["cod"])
    assert REFUSED in refused.value.message
    assert not Order.objects.exists()
    product.refresh_from_db()
    assert product.stock == 10


def test_product_made_private_after_it_was_put_in_the_cart_is_not_ordered(
    client, product, commune
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    _restrict(product)
    client.post("/thanh-toan/", checkout_data(commune, "cod"))
    assert not Order.objects.exists()


def test_a_public_product_is_still_bought(client, product, commune):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    response = client.post("/thanh-toan/", checkout_data(commune, "cod"))
    assert response.status_code == 303
    assert Order.objects.count() == 1
