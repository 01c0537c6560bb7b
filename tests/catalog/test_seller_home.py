"""A seller editor's dashboard: its own shop at a glance, each item a link to a fix."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from catalog.dashboard import SellerHomePanel
from catalog.models import ProductPage
from marketplace.checkout.dashboard import OrdersToHandlePanel
from marketplace.checkout.models import Order, SellerOrder, Status
from sellers.models import AdminUnit
from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.sellers.accounts import department_user, seller_with_editor

MARKER = "ZZB-MARKER-77"


def _part(seller, status: str, reference: str) -> SellerOrder:
    order = Order.objects.create(
        reference=reference,
        customer_name="Khách",
        phone="+84912345678",
        email="khach@example.vn",
        street_line="Ấp 1",
        commune=AdminUnit.objects.order_by("code").first(),
        payment_method="cod",
        status=status,
        items_total=125000,
        shipping_total=30000,
        total=155000,
    )
    return SellerOrder.objects.create(
        order=order,
        seller=seller,
        seller_name=seller.title,
        status=status,
        items_total=125000,
        shipping_fee=30000,
        total=155000,
    )


@pytest.fixture
def shop(site_root):
    seller, live, editor = seller_with_editor("co-so-dua")
    ProductPage.objects.filter(pk=live.pk).update(stock=0, description="<p>Ngon</p>")
    draft = ProductPageFactory(
        parent=seller, title="Bánh tráng nháp", publish=False, live=False
    )
    awaiting = ProductPageFactory(
        parent=seller, title="Mứt dừa chờ", publish=False, live=False
    )
    awaiting.get_workflow().start(awaiting, editor)
    rejected = ProductPageFactory(
        parent=seller, title="Dầu dừa bị trả", publish=False, live=False, images=0
    )
    state = rejected.get_workflow().start(rejected, editor)
    state.current_task_state.reject(
        user=department_user(), comment="Ảnh sản phẩm bị mờ"
    )
    certificate = OcopCertificateFactory(
        product=live,
        decision_date=timezone.localdate() - datetime.timedelta(days=3 * 365 - 30),
    )
    _part(seller, Status.COD_CONFIRMED, "DH-CHO-XU-LY")
    _part(seller, Status.DELIVERED, "DH-DA-GIAO")
    # Seller B: everything says MARKER, and all of it needs attention too.
    seller_b, product_b, _editor_b = seller_with_editor(
        "co-so-b", title=f"Hợp tác xã {MARKER}"
    )
    Page.objects.filter(pk=product_b.pk).update(title=f"Kẹo {MARKER}")
    ProductPage.objects.filter(pk=product_b.pk).update(stock=1)
    draft_b = ProductPageFactory(parent=seller_b, title=f"Nháp {MARKER}", publish=False)
    draft_b.get_workflow().start(draft_b, _editor_b)
    OcopCertificateFactory(
        product=product_b,
        decision_number=f"{MARKER}/QĐ",
        decision_date=timezone.localdate() - datetime.timedelta(days=3 * 365 - 10),
    )
    _part(seller_b, Status.PAID, f"DH-{MARKER}")
    return {
        "seller": seller,
        "editor": editor,
        "live": live,
        "draft": draft,
        "awaiting": awaiting,
        "rejected": rejected,
        "certificate": certificate,
    }


def _dashboard(client, editor) -> str:
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def _edit_link(page) -> str:
    return f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"'


def test_seller_sees_its_products_by_state_with_links_to_fix_them(client, shop):
    html = _dashboard(client, shop["editor"])

    assert "Cửa hàng của bạn" in html
    assert "<strong>1</strong> đang bán" in html
    assert "<strong>1</strong> bản nháp" in html
    assert "<strong>1</strong> chờ Sở duyệt" in html
    assert "<strong>1</strong> bị trả lại" in html
    assert "Ảnh sản phẩm bị mờ" in html
    for page in ("awaiting", "rejected", "live", "draft"):
        assert _edit_link(shop[page]) in html
    # The live product has no stock left; the rejected one has no picture.
    assert "hết hàng" in html
    assert "thiếu ảnh" in html
    assert "thiếu mô tả" in html


def test_seller_sees_expiring_certificates_and_orders_to_handle(client, shop):
    html = _dashboard(client, shop["editor"])
    expires = shop["certificate"].expires_on.strftime("%d/%m/%Y")

    assert f"hết hạn ngày {expires}" in html
    assert "DH-CHO-XU-LY" in html
    assert "DH-DA-GIAO" not in html
    order = SellerOrder.objects.get(order__reference="DH-CHO-XU-LY").order
    assert f'href="{reverse("checkout_admin:order", args=[order.pk])}"' in html


def test_seller_dashboard_never_shows_another_sellers_things(client, shop):
    html = _dashboard(client, shop["editor"])

    assert MARKER not in html


def test_department_dashboard_has_no_seller_panel(client, shop):
    html = _dashboard(client, department_user("so-cong-thuong-2"))

    assert "Cửa hàng của bạn" not in html


@pytest.mark.parametrize("extra_products", [0, 5])
def test_seller_home_panels_read_a_fixed_number_of_queries(shop, extra_products):
    for _index in range(extra_products):
        ProductPageFactory(parent=shop["seller"], publish=False, live=False)
    seller_ids = [shop["seller"].pk]
    # Warm the content-type cache, which the first workflow query fills.
    SellerHomePanel(seller_ids).render_html({})

    with CaptureQueriesContext(connection) as catalog_queries:
        catalog_html = SellerHomePanel(seller_ids).render_html({})
    with CaptureQueriesContext(connection) as order_queries:
        OrdersToHandlePanel(seller_ids).render_html({})

    # Workflow states, products with their flags, certificates; one for orders.
    assert len(catalog_queries) == 3
    assert len(order_queries) == 1
    assert f"<strong>{1 + extra_products}</strong> bản nháp" in catalog_html
