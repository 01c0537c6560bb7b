"""Complaints' fixtures: two sellers with logins, the department, orders placed
with a known phone, and photos drawn in memory with Pillow."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from marketplace.checkout.models import Order, OrderLine, SellerOrder
from sellers.models import AdminUnit
from tests.sellers.accounts import department_user, seller_with_editor

PHONE = "+84912345678"
TYPED_PHONE = "0912 345 678"
MARKER_B = "ZZB-KHIEU-NAI-42"  # in every text of seller B's cases


def jpeg(name="anh.jpg", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "orange").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def place(*parts, customer="Nguyễn Văn An", email="an@example.vn") -> Order:
    """An order of one line per (seller, product), as checkout leaves it."""
    order = Order.objects.create(
        customer_name=customer,
        phone=PHONE,
        email=email,
        street_line="Ấp Mỹ Phú",
        commune=AdminUnit.objects.order_by("code").first(),
        payment_method="cod",
        items_total=125000 * len(parts),
        shipping_total=0,
        total=125000 * len(parts),
    )
    for seller, product in parts:
        part = SellerOrder.objects.create(
            order=order,
            seller=seller,
            seller_name=seller.title,
            items_total=125000,
            shipping_fee=0,
            total=125000,
        )
        OrderLine.objects.create(
            seller_order=part,
            product=product,
            product_title=product.title,
            unit="kg",
            unit_price=125000,
            quantity=1,
            line_total=125000,
        )
    return order


@pytest.fixture
def sellers(site_root):
    seller_a, product_a, editor_a = seller_with_editor("co-so-a")
    seller_b, product_b, editor_b = seller_with_editor(
        "co-so-b", title=f"Hợp tác xã {MARKER_B}"
    )
    return {
        "a": seller_a,
        "product_a": product_a,
        "editor_a": editor_a,
        "b": seller_b,
        "product_b": product_b,
        "editor_b": editor_b,
    }


@pytest.fixture
def department(site_root):
    return department_user()


@pytest.fixture
def order_a(sellers):
    return place((sellers["a"], sellers["product_a"]))
