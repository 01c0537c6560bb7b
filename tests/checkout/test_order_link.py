"""The signed link of the shopper's emails opens that order from any browser."""

import re

import pytest
from django.core import mail, signing
from django.test import Client

from marketplace.checkout import emails, links, payments, services
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cod_order(product, customer):
    return services.place_order({product.pk: 2}, customer, payments.METHODS["cod"])


@pytest.fixture
def other_order(seller, customer):
    item = ProductPageFactory(parent=seller, title="Bánh tráng mè", stock=5)
    return services.place_order({item.pk: 1}, customer, payments.METHODS["cod"])


def link_in_confirmation(order) -> str:
    mail.outbox.clear()
    emails.order_confirmation(order.pk)
    (message,) = mail.outbox
    found = re.search(r"https?://\S+/don-hang/\S+/mo/\S+/", message.body)
    assert found, message.body
    return re.sub(r"^https?://[^/]+", "", found.group(0))


def test_the_confirmation_email_link_opens_the_order_in_a_fresh_browser(cod_order):
    path = link_in_confirmation(cod_order)
    browser = Client()
    response = browser.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/don-hang/{cod_order.reference}/"
    page = browser.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "Kẹo dừa sầu riêng" in content
    assert cod_order.reference in content
    # That browser keeps the order, like the one that placed it.
    assert browser.get(f"/don-hang/{cod_order.reference}/").status_code == 200


def test_status_emails_carry_the_same_link(cod_order):
    mail.outbox.clear()
    emails.order_status(cod_order.pk)
    assert links.order_link_path(cod_order) in mail.outbox[0].body


@pytest.mark.parametrize("change", ["last", "first", "drop", "append"])
def test_a_tampered_link_opens_nothing_and_says_why(cod_order, change):
    token = links.order_token(cod_order)
    flipped = {"last": token[:-1] + ("A" if token[-1] != "A" else "B")}
    flipped["first"] = ("x" if token[0] != "x" else "y") + token[1:]
    flipped["drop"] = token[:-3]
    flipped["append"] = token + "0"
    browser = Client()
    response = browser.get(f"/don-hang/{cod_order.reference}/mo/{flipped[change]}/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Liên kết không mở được đơn hàng" in content
    assert "/don-hang/" in content  # the way to the lookup
    assert "Kẹo dừa sầu riêng" not in content
    assert browser.get(f"/don-hang/{cod_order.reference}/").status_code == 404


def test_the_link_of_one_order_does_not_open_another(cod_order, other_order):
    token = links.order_token(cod_order)
    browser = Client()
    response = browser.get(f"/don-hang/{other_order.reference}/mo/{token}/")
    assert response.status_code == 404
    assert "Bánh tráng mè" not in response.content.decode()
    assert browser.get(f"/don-hang/{other_order.reference}/").status_code == 404
    assert browser.get(f"/don-hang/{cod_order.reference}/").status_code == 404


def test_a_token_signed_for_something_else_is_refused(cod_order):
    # The same SECRET_KEY signs other things (sessions, password resets...): the
    # salt keeps those signatures from opening an order.
    token = signing.dumps(cod_order.reference, salt="another.purpose")
    response = Client().get(f"/don-hang/{cod_order.reference}/mo/{token}/")
    assert response.status_code == 404


def test_an_expired_link_is_refused(cod_order, monkeypatch):
    token = links.order_token(cod_order)
    monkeypatch.setattr(links, "MAX_AGE", -1)
    assert (
        Client().get(f"/don-hang/{cod_order.reference}/mo/{token}/").status_code == 404
    )


@pytest.mark.parametrize("token", ["", "%00", "a" * 500, "đơn:hàng:giả", "::"])
def test_garbage_links_are_refused_not_errors(cod_order, token):
    response = Client().get(f"/don-hang/{cod_order.reference}/mo/{token}x/")
    assert response.status_code == 404


def test_a_link_to_an_unknown_order_is_refused(cod_order):
    token = links.order_token(cod_order)
    assert Client().get(f"/don-hang/khong-co/mo/{token}/").status_code == 404
