import pytest
from django.core import mail

from catalog.models import ProductPage
from marketplace.checkout import payments, services
from marketplace.checkout.models import (
    Order,
    OrderStatusChange,
    PaymentMethodCode,
    SellerOrder,
    Status,
)
from tests.checkout.utils import checkout_data, place_card_order
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def stock_of(product) -> int | None:
    return ProductPage.objects.get(pk=product.pk).stock


def test_placing_an_order_reserves_stock_and_snapshots_lines(
    product, other_product, customer
):
    order = services.place_order(
        {product.pk: 3, other_product.pk: 2}, customer, payments.METHODS["card"]
    )
    assert order.status == Status.PENDING_PAYMENT
    assert order.stock_held
    assert stock_of(product) == 7
    assert stock_of(other_product) is None  # untracked stock stays untracked
    assert order.items_total == 3 * 125000 + 2 * 45000
    assert order.shipping_total == 30000 + 20000
    assert order.total == order.items_total + order.shipping_total
    parts = {p.seller_id: p for p in order.seller_orders.all()}
    assert parts[product.seller_id].total == 375000 + 30000
    line = parts[product.seller_id].lines.get()
    assert (line.product_title, line.unit_price, line.quantity) == (
        "Kẹo dừa sầu riêng",
        125000,
        3,
    )
    product.price_vnd = 1
    product.save_revision().publish()
    line.refresh_from_db()
    assert line.unit_price == 125000


def test_order_references_are_long_random_and_unique(product, customer):
    refs = {place_card_order(product, customer, 1).reference for _ in range(5)}
    assert len(refs) == 5
    assert all(len(ref) >= 16 for ref in refs)


def test_more_than_the_stock_cannot_be_ordered(product, customer):
    with pytest.raises(services.CheckoutError, match="chỉ còn 10"):
        place_card_order(product, customer, 11)
    place_card_order(product, customer, 10)
    assert stock_of(product) == 0
    with pytest.raises(services.CheckoutError, match="hết hàng"):
        place_card_order(product, customer, 1)
    assert stock_of(product) == 0
    assert Order.objects.count() == 1


def test_cancelling_gives_the_stock_back_once(product, customer):
    order = place_card_order(product, customer, 4)
    services.cancel_order(order)
    services.cancel_order(order)
    assert stock_of(product) == 10
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert not order.stock_held


def test_status_never_moves_backwards(product, customer, commune):
    order = services.place_order(
        {product.pk: 1}, customer, payments.METHODS[PaymentMethodCode.COD]
    )
    part = order.seller_orders.get()
    with pytest.raises(services.InvalidTransition):
        services.advance_seller_order(part, Status.SHIPPED)  # skipping processing
    part.refresh_from_db()
    assert part.status == Status.COD_CONFIRMED
    services.advance_seller_order(part, Status.PROCESSING)
    services.advance_seller_order(part, Status.SHIPPED)
    with pytest.raises(services.InvalidTransition):
        services.advance_seller_order(part, Status.PROCESSING)
    services.advance_seller_order(part, Status.DELIVERED)
    with pytest.raises(services.InvalidTransition):
        services.cancel_order(order)
    order.refresh_from_db()
    assert order.status == Status.DELIVERED
    statuses = list(
        OrderStatusChange.objects.filter(seller_order=part).values_list(
            "to_status", flat=True
        )
    )
    assert statuses == [
        Status.COD_CONFIRMED,
        Status.PROCESSING,
        Status.SHIPPED,
        Status.DELIVERED,
    ]


def test_invalid_transition_is_refused_with_a_message(product, customer):
    order = place_card_order(product, customer, 1)
    part = order.seller_orders.get()
    with pytest.raises(services.InvalidTransition):
        services.advance_seller_order(part, Status.PROCESSING)  # not paid yet
    with pytest.raises(services.InvalidTransition):
        services.advance_seller_order(part, "paid")


def test_order_progress_follows_the_least_advanced_seller(
    seller, product, customer, site_root
):
    from tests.factories import SellerPageFactory

    second = SellerPageFactory(allows_cod=True, email="b@example.vn")
    other = ProductPageFactory(parent=second, price_vnd=50000)
    order = services.place_order(
        {product.pk: 1, other.pk: 1}, customer, payments.METHODS["cod"]
    )
    first_part, second_part = order.seller_orders.order_by("pk")
    services.advance_seller_order(first_part, Status.PROCESSING)
    order.refresh_from_db()
    assert order.status == Status.COD_CONFIRMED
    services.advance_seller_order(second_part, Status.PROCESSING)
    order.refresh_from_db()
    assert order.status == Status.PROCESSING


def test_cash_on_delivery_confirms_at_once_and_emails_shopper_and_seller(
    product, customer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = services.place_order({product.pk: 2}, customer, payments.METHODS["cod"])
    assert order.status == Status.COD_CONFIRMED
    assert order.seller_orders.get().status == Status.COD_CONFIRMED
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["an@example.vn", "htx@example.vn"]
    confirmation = next(m for m in mail.outbox if m.to == ["an@example.vn"])
    assert order.reference in confirmation.body
    assert "280.000 ₫" in confirmation.body


def test_cash_on_delivery_is_refused_when_a_seller_does_not_take_it(
    product, other_product, customer
):
    with pytest.raises(services.CheckoutError, match="chưa nhận thanh toán"):
        services.place_order(
            {product.pk: 1, other_product.pk: 1}, customer, payments.METHODS["cod"]
        )
    assert stock_of(product) == 10


def test_checkout_form_offers_cod_only_when_every_seller_takes_it(
    client, product, other_product
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    choices = dict(
        client.get("/thanh-toan/").context["form"].fields["payment_method"].choices
    )
    assert set(choices) == {"card", "cod"}
    client.post("/gio-hang/them/", {"product": other_product.pk, "quantity": 1})
    choices = dict(
        client.get("/thanh-toan/").context["form"].fields["payment_method"].choices
    )
    assert set(choices) == {"card"}


def test_cod_checkout_through_the_pages(client, product, commune):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 2})
    response = client.post("/thanh-toan/", checkout_data(commune, "cod"))
    assert response.status_code == 303
    order = Order.objects.get()
    assert response["Location"] == f"/thanh-toan/{order.reference}/thanh-cong/"
    assert order.phone == "+84912345678"
    assert order.status == Status.COD_CONFIRMED
    page = client.get(response["Location"])
    assert order.reference in page.content.decode()
    assert client.get("/gio-hang/").context["summary"].is_empty


def test_tampered_amounts_in_the_checkout_post_are_ignored(client, product, commune):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 2})
    data = checkout_data(
        commune,
        "cod",
        total="1000",
        amount="1000",
        price="1",
        currency="usd",
        unit_amount="1",
        shipping_fee="0",
        product=str(product.pk + 1000),
    )
    client.post("/thanh-toan/", data)
    order = Order.objects.get()
    assert order.total == 2 * 125000 + 30000
    assert order.currency == "vnd"
    assert list(SellerOrder.objects.values_list("seller_id", flat=True)) == [
        product.seller_id
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "Số điện thoại không hợp lệ"),
        ("phone", "0112345678", "Số điện thoại không hợp lệ"),
        ("commune", "99999", ""),
        ("email", "not-an-email", ""),
        ("customer_name", " ", ""),
        ("street_line", "", ""),
        ("payment_method", "bank_qr", ""),
    ],
)
def test_checkout_form_rejects_bad_details(
    client, product, commune, field, value, message
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    data = checkout_data(commune)
    data[field] = value
    response = client.post("/thanh-toan/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert Order.objects.count() == 0
    assert stock_of(product) == 10


def test_card_totals_below_stripes_minimum_are_refused_before_any_call(
    client, seller, commune, settings, closed_port
):
    # Stripe is pointed at a closed port: a call would show the "try later" page.
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    seller.shipping_fee_vnd = 0
    seller.save()
    cheap = ProductPageFactory(parent=seller, price_vnd=5000, stock=5)
    client.post("/gio-hang/them/", {"product": cheap.pk, "quantity": 1})
    response = client.post("/thanh-toan/", checkout_data(commune, "card"))
    assert response.status_code == 400
    assert "13.000 ₫" in response.content.decode()
    assert Order.objects.count() == 0
    assert stock_of(cheap) == 5


def test_card_totals_above_stripes_maximum_are_refused_before_any_call(
    client, seller, commune, settings, closed_port
):
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    pricey = ProductPageFactory(parent=seller, price_vnd=1_000_000_000, stock=5)
    client.post("/gio-hang/them/", {"product": pricey.pk, "quantity": 1})
    response = client.post("/thanh-toan/", checkout_data(commune, "card"))
    assert response.status_code == 400
    assert "99.999.999 ₫" in response.content.decode()
    assert Order.objects.count() == 0


def test_stock_sold_out_between_cart_and_checkout_is_refused(
    client, product, commune, customer
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 6})
    place_card_order(product, customer, 5)  # someone else buys first
    response = client.post("/thanh-toan/", checkout_data(commune, "cod"))
    assert response.status_code == 400
    assert "chỉ còn 5" in response.content.decode()
    assert Order.objects.count() == 1
    assert stock_of(product) == 5


def test_lapsed_orders_without_a_session_give_their_stock_back(product, customer):
    from django.utils import timezone

    order = place_card_order(product, customer, 3)
    assert services.release_lapsed_orders() == 0
    later = timezone.now() + services.session_lifetime() * 2
    assert services.release_lapsed_orders(now=later) == 1
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert stock_of(product) == 10
