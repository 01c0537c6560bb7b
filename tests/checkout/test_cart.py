import pytest
from django.test import Client

from marketplace.checkout.cart import SESSION_KEY, Cart
from marketplace.checkout.models import Order
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def add(client, product_id, quantity, **extra):
    return client.post(
        "/gio-hang/them/", {"product": product_id, "quantity": quantity, **extra}
    )


def cart_items(client) -> dict:
    return client.session.get(SESSION_KEY, {})


def test_shopper_adds_changes_and_removes_a_product(client, product):
    add(client, product.pk, 2)
    assert cart_items(client) == {str(product.pk): 2}
    client.post("/gio-hang/cap-nhat/", {"product": product.pk, "quantity": 5})
    assert cart_items(client) == {str(product.pk): 5}
    client.post("/gio-hang/xoa/", {"product": product.pk})
    assert cart_items(client) == {}


def test_adding_twice_adds_up_quantities(client, product):
    add(client, product.pk, 2)
    add(client, product.pk, 3)
    assert cart_items(client) == {str(product.pk): 5}


def test_cart_groups_lines_by_seller_with_subtotals_and_shipping(
    client, product, other_product
):
    add(client, product.pk, 2)
    add(client, other_product.pk, 3)
    response = client.get("/gio-hang/")
    assert response.status_code == 200
    summary = response.context["summary"]
    by_seller = {g.seller.pk: g for g in summary.groups}
    ours = by_seller[product.seller_id]
    theirs = by_seller[other_product.seller_id]
    assert (ours.items_total, ours.shipping_fee) == (250000, 30000)
    assert (theirs.items_total, theirs.shipping_fee) == (135000, 20000)
    assert summary.total == 250000 + 30000 + 135000 + 20000
    content = response.content.decode()
    assert "250.000 ₫" in content
    assert "435.000 ₫" in content


def test_shipping_is_free_from_the_sellers_threshold(client, product):
    add(client, product.pk, 4)  # 500.000 ₫, the threshold
    summary = client.get("/gio-hang/").context["summary"]
    assert summary.groups[0].shipping_fee == 0
    assert "Miễn phí" in client.get("/gio-hang/").content.decode()


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("0", "Số lượng phải từ 1 trở lên."),
        ("-1", "Số lượng phải là số nguyên dương"),
        ("1.5", "Số lượng phải là số nguyên dương"),
        (str(10**12), "Mỗi sản phẩm đặt tối đa 99."),
        ("abc", "Số lượng phải là số nguyên dương"),
        ("", "Số lượng phải là số nguyên dương"),
    ],
)
def test_bad_quantities_are_refused_with_a_clear_message(
    client, product, quantity, message
):
    response = add(client, product.pk, quantity)
    assert response.status_code == 302
    assert cart_items(client) == {}
    page = client.get(response["Location"]).content.decode()
    assert message in page


@pytest.mark.parametrize("quantity", ["0", "-1", "1.5", str(10**12)])
def test_bad_quantities_in_an_update_keep_the_old_quantity(client, product, quantity):
    add(client, product.pk, 2)
    client.post("/gio-hang/cap-nhat/", {"product": product.pk, "quantity": quantity})
    assert cart_items(client) == {str(product.pk): 2}


def test_quantity_above_stock_is_refused(client, product):
    response = add(client, product.pk, 11)
    assert cart_items(client) == {}
    assert "chỉ còn 10 kg" in client.get(response["Location"]).content.decode()


def test_minimum_order_is_enforced(client, seller):
    product = ProductPageFactory(parent=seller, price_vnd=20000, min_order=5)
    add(client, product.pk, 4)
    assert cart_items(client) == {}
    add(client, product.pk, 5)
    assert cart_items(client) == {str(product.pk): 5}


def test_unknown_or_unpublished_products_cannot_be_added(client, seller):
    draft = ProductPageFactory(parent=seller, publish=False, live=False)
    for product_id in (draft.pk, 999999, "1; DROP TABLE", ""):
        add(client, product_id, 1)
    assert cart_items(client) == {}


def test_a_price_in_the_form_is_ignored(client, product):
    add(client, product.pk, 2, price="1", price_vnd="1", unit_amount="1")
    summary = client.get("/gio-hang/").context["summary"]
    assert summary.items_total == 250000


def test_cart_shows_the_current_price_not_the_price_when_added(client, product):
    add(client, product.pk, 1)
    product.price_vnd = 150000
    product.save_revision().publish()
    assert client.get("/gio-hang/").context["summary"].items_total == 150000


def test_a_product_withdrawn_after_adding_drops_out_of_the_cart(client, product):
    add(client, product.pk, 1)
    product.unpublish()
    response = client.get("/gio-hang/")
    assert response.context["summary"].is_empty
    assert "ngừng bán" in response.content.decode()


def test_cart_and_checkout_pages_are_never_cached(client, product):
    add(client, product.pk, 1)
    for url in ("/gio-hang/", "/thanh-toan/"):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "no-cache" in cache_control and "no-store" in cache_control
        assert "private" in cache_control or "max-age=0" in cache_control


def test_cart_forms_refuse_posts_without_a_csrf_token(product):
    client = Client(enforce_csrf_checks=True)
    for url, data in (
        ("/gio-hang/them/", {"product": product.pk, "quantity": 1}),
        ("/gio-hang/cap-nhat/", {"product": product.pk, "quantity": 1}),
        ("/gio-hang/xoa/", {"product": product.pk}),
        ("/thanh-toan/", {}),
        ("/don-hang/", {"reference": "x", "phone": "0912345678"}),
    ):
        assert client.post(url, data).status_code == 403, url
    assert Order.objects.count() == 0


def test_cart_forms_work_with_the_csrf_token_of_the_page(product):
    client = Client(enforce_csrf_checks=True)
    client.get("/gio-hang/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/gio-hang/them/",
        {"product": product.pk, "quantity": 1, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == {str(product.pk): 1}


def test_product_page_offers_an_add_to_cart_form(client, product):
    response = client.get(product.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'action="/gio-hang/them/"' in content
    assert "csrfmiddlewaretoken" in content


def test_cart_summary_reads_products_in_a_fixed_number_of_queries(
    client, product, other_product, seller, django_assert_max_num_queries
):
    for _ in range(5):
        extra = ProductPageFactory(parent=seller, price_vnd=10000)
        add(client, extra.pk, 1)
    add(client, product.pk, 1)
    add(client, other_product.pk, 1)
    session = client.session
    with django_assert_max_num_queries(3):
        summary = Cart(session).summary()
        assert len(summary.lines) == 7
        assert summary.total > 0
