"""Shared fixtures for the buying tests: sellers with shipping terms, products with
stock, carts, placed orders, and Stripe events signed like Stripe signs them."""

import json
import socket
import time
import uuid

import pytest
import stripe
from django.conf import settings

from marketplace.checkout import payments, services
from marketplace.checkout.forms import new_checkout_key
from sellers.models import AdminUnit
from tests.conftest import STRIPE_MOCK, missing_service, stripe_mock_running
from tests.factories import ProductPageFactory, SellerPageFactory


@pytest.fixture
def stripe_mock(settings):
    """The real stripe-mock server; a failure in CI when it is not running."""
    if not stripe_mock_running():
        missing_service("stripe-mock is not running: scripts/stripe-mock.sh start")
    settings.STRIPE_API_BASE = "http://{}:{}".format(*STRIPE_MOCK)
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    return settings


@pytest.fixture
def closed_port() -> int:
    """A local port with nothing listening: a real unreachable server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def seller(site_root):
    return SellerPageFactory(
        title="Hợp tác xã Kẹo dừa Thử Nghiệm",
        email="htx@example.vn",
        shipping_fee_vnd=30000,
        free_shipping_threshold_vnd=500000,
        allows_cod=True,
    )


@pytest.fixture
def other_seller(site_root):
    return SellerPageFactory(
        title="Hộ kinh doanh Bánh tráng Út Mừng",
        email="utmung@example.vn",
        shipping_fee_vnd=20000,
        free_shipping_threshold_vnd=None,
        allows_cod=False,
    )


@pytest.fixture
def product(seller):
    return ProductPageFactory(
        parent=seller, title="Kẹo dừa sầu riêng", price_vnd=125000, stock=10
    )


@pytest.fixture
def other_product(other_seller):
    return ProductPageFactory(
        parent=other_seller, title="Bánh tráng dừa", price_vnd=45000, stock=None
    )


@pytest.fixture
def commune(db):
    return AdminUnit.objects.order_by("code").first()


@pytest.fixture
def customer(commune):
    return services.Customer(
        name="Nguyễn Văn An",
        phone="+84912345678",
        email="an@example.vn",
        street_line="Ấp Mỹ Phú",
        commune=commune,
    )


def checkout_data(commune, method="card", **extra) -> dict:
    data = {
        "customer_name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "an@example.vn",
        "street_line": "Ấp Mỹ Phú",
        "commune": commune.pk,
        "note": "",
        "payment_method": method,
        "checkout_key": new_checkout_key(),
    }
    data.update(extra)
    return data


def place_card_order(product, customer, quantity=2):
    return services.place_order(
        {product.pk: quantity}, customer, payments.METHODS["card"]
    )


def session_object(order, *, payment_status="paid", amount=None, currency="vnd"):
    return {
        "id": order.stripe_session_id or "cs_test_" + order.reference,
        "object": "checkout.session",
        "client_reference_id": order.reference,
        "metadata": {"order_reference": order.reference},
        "amount_total": order.total if amount is None else amount,
        "currency": currency,
        "payment_status": payment_status,
        "payment_intent": "pi_" + order.reference,
        "status": "complete" if payment_status == "paid" else "open",
    }


def make_event(event_type, session, event_id=None) -> str:
    return json.dumps(
        {
            "id": event_id or "evt_" + uuid.uuid4().hex,
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": {"object": session},
        }
    )


def signature(payload: str, secret=None, timestamp=None) -> str:
    """The `Stripe-Signature` header, signed by the stripe library's own code."""
    return stripe.WebhookSignature.generate_signature_header(
        payload, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp
    )


def post_event(client, payload: str, header: str | None = "sign"):
    headers = {}
    if header == "sign":
        header = signature(payload)
    if header is not None:
        headers["HTTP_STRIPE_SIGNATURE"] = header
    return client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", **headers
    )
