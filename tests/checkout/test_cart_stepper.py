"""The − and + buttons of a cart line: plain form posts that work without JS."""

import pytest

from marketplace.checkout.cart import SESSION_KEY
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def add(client, product, quantity):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": quantity})


def press(client, product, step, quantity="1"):
    """What the browser sends for a stepper button (its own small form)."""
    return client.post(
        "/gio-hang/cap-nhat/",
        {"product": product.pk, "step": step, "quantity": quantity},
        follow=True,
    )


def items(client) -> dict:
    return client.session.get(SESSION_KEY, {})


def test_plus_adds_one_to_the_quantity_in_the_cart(client, product):
    add(client, product, 2)
    response = press(client, product, "up")
    assert response.status_code == 200
    assert items(client) == {str(product.pk): 3}
    assert 'value="3"' in response.content.decode()


def test_minus_takes_one_off(client, product):
    add(client, product, 3)
    press(client, product, "down")
    assert items(client) == {str(product.pk): 2}


def test_minus_at_one_removes_the_line_and_says_so(client, product, other_product):
    add(client, product, 1)
    add(client, other_product, 2)
    response = press(client, product, "down")
    assert items(client) == {str(other_product.pk): 2}
    content = response.content.decode()
    assert "Đã bỏ Kẹo dừa sầu riêng khỏi giỏ hàng." in content
    assert f'id="dong-{product.pk}"' not in content


def test_minus_below_the_minimum_order_removes_the_line(client, seller):
    product = ProductPageFactory(parent=seller, price_vnd=20000, min_order=5)
    add(client, product, 5)
    press(client, product, "down")
    assert items(client) == {}


def test_plus_over_the_stock_is_refused_with_a_clear_vietnamese_message(
    client, product
):
    add(client, product, 10)  # all 10 kg in stock
    response = press(client, product, "up")
    assert items(client) == {str(product.pk): 10}
    assert "Kẹo dừa sầu riêng chỉ còn 10 kg." in response.content.decode()


def test_the_typed_quantity_does_not_change_what_a_press_does(client, product):
    # The stepper counts from the cart, not from a number typed but not applied.
    add(client, product, 2)
    press(client, product, "up", quantity="9")
    assert items(client) == {str(product.pk): 3}


@pytest.mark.parametrize("step", ["sideways", "", "2"])
def test_an_unknown_step_is_a_plain_update(client, product, step):
    add(client, product, 2)
    press(client, product, step, quantity="4")
    assert items(client) == {str(product.pk): 4}


def test_a_press_for_a_product_not_in_the_cart_changes_nothing(
    client, product, other_product
):
    add(client, product, 2)
    response = press(client, other_product, "up")
    assert items(client) == {str(product.pk): 2}
    assert "không còn trong giỏ hàng" in response.content.decode()


def test_the_cart_page_has_minus_and_plus_buttons_in_their_own_form(client, product):
    add(client, product, 2)
    content = client.get("/gio-hang/").content.decode()
    form_id = f"buoc-{product.pk}"
    assert f'<form id="{form_id}" method="post"' in content
    assert f'form="{form_id}" name="step" value="down"' in content
    assert f'form="{form_id}" name="step" value="up"' in content
