"""The progress an order page shows, from the order's status and its history."""

import pytest
from django.test import Client

from marketplace.checkout import payments, services
from marketplace.checkout.models import Order, Status
from marketplace.checkout.timeline import (
    CURRENT,
    DONE,
    STOPPED,
    UPCOMING,
    order_timeline,
)
from tests.checkout.utils import place_card_order
from tests.factories import ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


def states(order) -> list[tuple[str, str]]:
    fresh = Order.objects.prefetch_related("status_changes").get(pk=order.pk)
    return [(step.label, step.state) for step in order_timeline(fresh)]


@pytest.fixture
def cod_order(product, customer):
    return services.place_order({product.pk: 2}, customer, payments.METHODS["cod"])


def advance(order, *statuses):
    for status in statuses:
        for part in order.seller_orders.all():
            services.advance_seller_order(part, status)


def test_a_cod_order_just_placed_is_confirmed_and_waits_for_the_seller(cod_order):
    assert states(cod_order) == [
        ("Đã đặt hàng", DONE),
        ("Đã xác nhận", CURRENT),
        ("Đang chuẩn bị hàng", UPCOMING),
        ("Đang giao", UPCOMING),
        ("Đã giao", UPCOMING),
    ]


def test_a_card_order_waiting_for_payment(product, customer):
    order = place_card_order(product, customer)
    assert states(order) == [
        ("Đã đặt hàng", CURRENT),
        ("Đã thanh toán", UPCOMING),
        ("Đang chuẩn bị hàng", UPCOMING),
        ("Đang giao", UPCOMING),
        ("Đã giao", UPCOMING),
    ]


def test_shipped_then_delivered_with_the_times_they_happened(cod_order):
    advance(cod_order, Status.PROCESSING, Status.SHIPPED)
    assert [s for _label, s in states(cod_order)] == [
        DONE,
        DONE,
        DONE,
        CURRENT,
        UPCOMING,
    ]
    advance(cod_order, Status.DELIVERED)
    fresh = Order.objects.prefetch_related("status_changes").get(pk=cod_order.pk)
    steps = order_timeline(fresh)
    assert [s.state for s in steps] == [DONE] * 4 + [CURRENT]
    assert all(step.at is not None for step in steps)
    assert [s.at for s in steps] == sorted(s.at for s in steps)


def test_a_split_order_moves_as_far_as_its_slowest_seller(product, customer):
    second = SellerPageFactory(title="Cơ sở Mứt Dừa", allows_cod=True)
    other = ProductPageFactory(parent=second, price_vnd=30000, stock=5)
    order = services.place_order(
        {product.pk: 1, other.pk: 1}, customer, payments.METHODS["cod"]
    )
    first = order.seller_orders.order_by("pk").first()
    services.advance_seller_order(first, Status.PROCESSING)
    services.advance_seller_order(first, Status.SHIPPED)
    assert ("Đang giao", UPCOMING) in states(order)
    assert ("Đã xác nhận", CURRENT) in states(order)


def test_a_cancelled_order_stops_where_it_was(cod_order):
    services.cancel_order(cod_order, note="Người mua huỷ")
    assert states(cod_order) == [
        ("Đã đặt hàng", DONE),
        ("Đã xác nhận", DONE),
        ("Đã huỷ", STOPPED),
    ]


def test_an_unpaid_card_order_cancelled_never_shows_paid(product, customer):
    order = place_card_order(product, customer)
    services.cancel_order(order)
    assert states(order) == [("Đã đặt hàng", DONE), ("Đã huỷ", STOPPED)]


def test_the_order_page_shows_the_timeline(cod_order):
    client = Client()
    client.post("/don-hang/", {"reference": cod_order.reference, "phone": "0912345678"})
    advance(cod_order, Status.PROCESSING)
    content = client.get(f"/don-hang/{cod_order.reference}/").content.decode()
    assert 'class="timeline"' in content
    assert 'timeline__step timeline__step--current" aria-current="step"' in content
    current = content.split('aria-current="step"', 1)[1]
    assert "Đang chuẩn bị hàng" in current.split("</li>", 1)[0]
