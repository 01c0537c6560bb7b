"""Checkout of conditional goods (18+ confirmed, enforced by the service) and the
consent per purpose recorded with every order (Law 91/2025)."""

import dataclasses
from decimal import Decimal

import pytest

from catalog.models import RegulatedGoodsSettings
from marketplace.checkout import payments, services
from marketplace.checkout.consent import Consents
from marketplace.checkout.models import ConsentPurpose, Order, OrderConsent
from tests.catalog.test_regulated_goods import licence_for
from tests.checkout.utils import checkout_data
from tests.factories import ProductPageFactory
from tests.sellers.accounts import department_user


@pytest.fixture
def spirits(seller):
    licence_for(seller, verified_by=department_user())
    return ProductPageFactory(
        parent=seller,
        title="Rượu dừa Bến Tre",
        alcohol_abv=Decimal("29"),
        price_vnd=180000,
        stock=5,
    )


def test_checkout_asks_for_the_age_only_when_the_cart_has_spirits(
    client, product, spirits
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    without = client.get("/thanh-toan/").context["form"]
    client.post("/gio-hang/them/", {"product": spirits.pk, "quantity": 1})
    with_spirits = client.get("/thanh-toan/")

    assert "adult_confirmed" not in without.fields
    assert with_spirits.context["form"].fields["adult_confirmed"].required
    assert "đủ 18 tuổi" in with_spirits.content.decode()


def test_spirits_cannot_be_ordered_without_the_age_confirmation(
    client, spirits, commune
):
    client.post("/gio-hang/them/", {"product": spirits.pk, "quantity": 1})

    response = client.post("/thanh-toan/", checkout_data(commune, "cod"))

    assert response.status_code == 200
    assert "18 tuổi" in str(response.context["form"].errors["adult_confirmed"])
    assert not Order.objects.exists()


def test_the_service_refuses_spirits_without_the_age_confirmation(spirits, customer):
    """A forged POST that slips past the form still meets the service's rule."""
    with pytest.raises(services.CheckoutError) as refused:
        services.place_order({spirits.pk: 1}, customer, payments.METHODS["cod"])

    assert "18 tuổi" in refused.value.message
    assert not Order.objects.exists()
    spirits.refresh_from_db()
    assert spirits.stock == 5


def test_spirits_are_ordered_once_the_shopper_confirms_being_18(
    client, spirits, commune
):
    client.post("/gio-hang/them/", {"product": spirits.pk, "quantity": 1})

    response = client.post(
        "/thanh-toan/", checkout_data(commune, "cod", adult_confirmed="on")
    )

    assert response.status_code == 303
    assert Order.objects.get().seller_orders.get().lines.get().product_id == (
        spirits.pk
    )


def test_spirits_in_a_cart_are_refused_once_the_class_is_switched_off(
    spirits, customer
):
    """Conditional goods put in the cart before the switch went off: refused."""
    closed = RegulatedGoodsSettings.load()
    closed.alcohol_sales_open = False
    closed.save()
    adult = dataclasses.replace(customer, adult_confirmed=True)

    with pytest.raises(services.CheckoutError) as refused:
        services.place_order({spirits.pk: 1}, adult, payments.METHODS["cod"])

    assert "tạm ngừng bán" in refused.value.message
    assert not Order.objects.exists()


def test_consent_per_purpose_is_recorded_with_the_order_marketing_off_by_default(
    client, product, commune
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    form = client.get("/thanh-toan/").context["form"]

    client.post("/thanh-toan/", checkout_data(commune, "cod"))

    assert form["consent_marketing"].value() is False
    order = Order.objects.get()
    consents = {c.purpose: c for c in order.consents.all()}
    assert consents[ConsentPurpose.ORDER_HANDLING].granted is True
    assert consents[ConsentPurpose.MARKETING].granted is False
    assert consents[ConsentPurpose.ORDER_HANDLING].recorded_at is not None


def test_marketing_consent_is_recorded_when_ticked(client, product, commune):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})

    client.post("/thanh-toan/", checkout_data(commune, "cod", consent_marketing="on"))

    consent = OrderConsent.objects.get(purpose=ConsentPurpose.MARKETING)
    assert consent.granted is True


def test_no_order_without_consent_to_order_handling(client, product, commune):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    data = checkout_data(commune, "cod")
    del data["consent_order_handling"]

    response = client.post("/thanh-toan/", data)

    assert response.status_code == 200
    assert "xử lý dữ liệu cá nhân" in str(
        response.context["form"].errors["consent_order_handling"]
    )
    assert not Order.objects.exists()


def test_the_service_refuses_an_order_without_consent_to_order_handling(
    product, customer
):
    refused_customer = dataclasses.replace(customer, consents=Consents())

    with pytest.raises(services.CheckoutError):
        services.place_order({product.pk: 1}, refused_customer, payments.METHODS["cod"])

    assert not Order.objects.exists()
    assert not OrderConsent.objects.exists()


def test_the_order_in_the_admin_shows_the_consents(client, product, customer):
    order = services.place_order({product.pk: 1}, customer, payments.METHODS["cod"])
    client.force_login(department_user())

    page = client.get(f"/quan-tri/don-hang/{order.pk}/").content.decode()

    assert "Đồng ý xử lý dữ liệu cá nhân" in page
    assert "Xử lý đơn hàng và giao hàng" in page
    assert "Nhận tin khuyến mãi" in page
