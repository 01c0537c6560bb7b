"""Card checkout against the real stripe-mock (Stripe's own mock, which validates
every request against Stripe's OpenAPI description)."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from catalog.models import ProductPage
from marketplace.checkout import payments, services
from marketplace.checkout import stripe as stripe_api
from marketplace.checkout.models import Order, PaymentState, Status
from tests.checkout.utils import checkout_data, place_card_order

pytestmark = [pytest.mark.django_db, pytest.mark.stripe]


def stock_of(product):
    return ProductPage.objects.get(pk=product.pk).stock


def test_vnd_session_has_one_line_per_product_plus_shipping_in_dong(
    product, other_product, customer
):
    order = services.place_order(
        {product.pk: 3, other_product.pk: 2},
        customer,
        payments.METHODS["card"],
    )
    params = stripe_api.build_session_params(
        order, "https://san.example/ok", "https://san.example/huy"
    )
    items = [
        (
            i["price_data"]["product_data"]["name"],
            i["price_data"]["unit_amount"],
            i["quantity"],
        )
        for i in params["line_items"]
    ]
    assert sorted(items) == sorted(
        [
            ("Kẹo dừa sầu riêng", 125000, 3),
            ("Bánh tráng dừa", 45000, 2),
            ("Phí giao hàng – Hợp tác xã Kẹo dừa Thử Nghiệm", 30000, 1),
            ("Phí giao hàng – Hộ kinh doanh Bánh tráng Út Mừng", 20000, 1),
        ]
    )
    assert {i["price_data"]["currency"] for i in params["line_items"]} == {"vnd"}
    assert sum(a * q for _n, a, q in items) == order.total  # never ×100
    assert params["client_reference_id"] == order.reference
    assert params["metadata"] == {"order_reference": order.reference}
    assert params["mode"] == "payment"


def test_card_checkout_creates_a_stripe_session_and_redirects_to_it(
    client, stripe_mock, product, commune
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 2})
    response = client.post("/thanh-toan/", checkout_data(commune, "card"))
    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.com/")
    order = Order.objects.get()
    assert order.stripe_session_id.startswith("cs_")
    assert order.payment_state == PaymentState.OPEN
    assert order.payment_attempts == 1
    assert order.status == Status.PENDING_PAYMENT
    assert stock_of(product) == 8


def test_stripe_mock_refuses_a_malformed_session(stripe_mock):
    client = stripe_api.client()
    with pytest.raises(Exception) as info:
        client.v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "line_items": [{"price_data": {"currency": "vnd", "unit_amount": "x"}}],
            }
        )
    assert "InvalidRequestError" in type(info.value).__name__


def test_unreachable_stripe_shows_try_later_frees_the_stock_then_retry_takes_it(
    client, settings, product, commune, closed_port, stripe_mock
):
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    settings.STRIPE_TIMEOUT = 2
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 3})
    response = client.post("/thanh-toan/", checkout_data(commune, "card"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "thử lại sau" in content
    assert "Traceback" not in content and "Connection" not in content
    order = Order.objects.get()
    assert order.status == Status.PENDING_PAYMENT
    assert order.stripe_session_id == ""
    # No session, so nothing can be paid: the units are for other shoppers again.
    assert not order.stock_held
    assert stock_of(product) == 10

    # Stripe comes back: the shopper retries from the page with a new attempt,
    # which reserves the units again.
    settings.STRIPE_API_BASE = "http://127.0.0.1:12111"
    retry = client.post(f"/thanh-toan/{order.reference}/thu-lai/")
    assert retry.status_code == 303
    order.refresh_from_db()
    assert order.payment_attempts == 2
    assert order.stripe_session_id.startswith("cs_")
    assert order.stock_held
    assert stock_of(product) == 7


def test_retry_after_the_units_were_sold_refuses_clearly(
    client, settings, product, commune, closed_port, stripe_mock
):
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 3})
    client.post("/thanh-toan/", checkout_data(commune, "card"))
    order = Order.objects.get()
    ProductPage.objects.filter(pk=product.pk).update(stock=2)
    settings.STRIPE_API_BASE = "http://127.0.0.1:12111"
    retry = client.post(f"/thanh-toan/{order.reference}/thu-lai/", follow=True)
    assert "đã hết hàng hoặc ngừng bán" in retry.content.decode()
    order.refresh_from_db()
    assert order.payment_attempts == 1
    assert stock_of(product) == 2


def test_an_order_stripe_never_saw_lapses_and_gives_its_stock_back(
    client, settings, product, commune, closed_port
):
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 3})
    client.post("/thanh-toan/", checkout_data(commune, "card"))
    order = Order.objects.get()
    Order.objects.filter(pk=order.pk).update(
        created_at=timezone.now() - services.session_lifetime() * 2,
        expires_at=timezone.now() - services.session_lifetime(),
    )
    call_command("reconcile_payments")
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert stock_of(product) == 10


def test_reconcile_asks_stripe_about_overdue_sessions(
    stripe_mock, product, customer, capsys
):
    order = place_card_order(product, customer, 1)
    Order.objects.filter(pk=order.pk).update(
        stripe_session_id="cs_test_123",
        created_at=timezone.now() - services.session_lifetime() * 2,
    )
    call_command("reconcile_payments")
    # stripe-mock answers with an open, unpaid session: nothing changes yet.
    assert "open: 1" in capsys.readouterr().out
    order.refresh_from_db()
    assert order.status == Status.PENDING_PAYMENT


def test_reconcile_applies_what_stripe_reports(product, customer):
    order = place_card_order(product, customer, 1)
    paid = {
        "id": "",
        "payment_status": "paid",
        "status": "complete",
        "amount_total": order.total,
        "currency": "vnd",
        "payment_intent": "pi_1",
    }
    assert services.apply_session_state(order, paid) == "paid"
    other = place_card_order(product, customer, 1)
    expired = {"id": "", "payment_status": "unpaid", "status": "expired"}
    assert services.apply_session_state(other, expired) == "cancelled"
    assert stock_of(product) == 9


def test_shopper_cancels_on_the_return_page_and_the_stock_comes_back(
    client, stripe_mock, product, commune
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 2})
    client.post("/thanh-toan/", checkout_data(commune, "card"))
    order = Order.objects.get()
    page = client.get(f"/thanh-toan/{order.reference}/chua-thanh-toan/")
    assert page.status_code == 200
    response = client.post(f"/thanh-toan/{order.reference}/chua-thanh-toan/")
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert stock_of(product) == 10
