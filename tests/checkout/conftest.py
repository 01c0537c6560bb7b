"""Shared fixtures for the buying tests: sellers with shipping terms, products with
stock, a customer, stripe-mock. Helpers (form data, events) are in utils.py."""

import socket

import pytest

from marketplace.checkout import services
from marketplace.checkout.consent import Consents
from sellers.models import AdminUnit
from tests.factories import ProductPageFactory, SellerPageFactory
from tests.utils import STRIPE_MOCK, missing_service, stripe_mock_running


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
        consents=Consents(order_handling=True),
    )
