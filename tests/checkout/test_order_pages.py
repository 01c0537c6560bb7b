import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from marketplace.checkout import payments, services
from marketplace.checkout.models import Status
from sellers.services import DEPARTMENT_GROUP, create_seller_account
from tests.factories import ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cod_order(product, customer):
    return services.place_order({product.pk: 2}, customer, payments.METHODS["cod"])


def test_shopper_finds_an_order_with_reference_and_phone(cod_order):
    client = Client()
    response = client.post(
        "/don-hang/", {"reference": cod_order.reference, "phone": "0912.345.678"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert cod_order.reference in content
    assert "Kẹo dừa sầu riêng" in content
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    ("reference", "phone"),
    [("wrong-ref", "0912345678"), (None, "0987654321"), (None, "abc"), ("", "")],
)
def test_wrong_reference_or_phone_shows_nothing_of_the_order(
    cod_order, reference, phone
):
    client = Client()
    reference = cod_order.reference if reference is None else reference
    response = client.post("/don-hang/", {"reference": reference, "phone": phone})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Kẹo dừa sầu riêng" not in content
    assert "Nguyễn Văn An" not in content
    assert client.get(f"/don-hang/{cod_order.reference}/").status_code == 404


def test_another_shoppers_order_page_is_not_found(cod_order):
    assert Client().get(f"/don-hang/{cod_order.reference}/").status_code == 404
    for url in (
        f"/thanh-toan/{cod_order.reference}/thanh-cong/",
        f"/thanh-toan/{cod_order.reference}/chua-thanh-toan/",
    ):
        assert Client().get(url).status_code == 404


def test_order_lookup_page_is_never_cached_and_has_a_csrf_token():
    response = Client().get("/don-hang/")
    assert "no-store" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


# -- sellers' and the department's side (Wagtail admin) -----------------------


@pytest.fixture
def two_seller_order(seller, product, customer, site_root):
    second = SellerPageFactory(title="Công ty TNHH Thử", allows_cod=True)
    other = ProductPageFactory(parent=second, title="Nước mắm thử", price_vnd=60000)
    order = services.place_order(
        {product.pk: 1, other.pk: 1}, customer, payments.METHODS["cod"]
    )
    return order, second


def seller_client(seller, username):
    user = create_seller_account(seller, username, f"{username}@example.vn", "pw")
    client = Client()
    client.force_login(user)
    return client


def test_a_seller_sees_only_its_own_part_of_an_order(two_seller_order, seller):
    order, second = two_seller_order
    client = seller_client(seller, "htx")
    listing = client.get("/quan-tri/don-hang/").content.decode()
    assert order.reference in listing
    detail = client.get(f"/quan-tri/don-hang/{order.pk}/").content.decode()
    assert "Kẹo dừa sầu riêng" in detail
    assert "Nước mắm thử" not in detail
    their_part = order.seller_orders.get(seller=second)
    assert (
        client.get(f"/quan-tri/don-hang/phan/{their_part.pk}/phieu-dong-goi/")
    ).status_code == 404
    response = client.post(
        f"/quan-tri/don-hang/phan/{their_part.pk}/trang-thai/",
        {"status": "processing"},
    )
    assert response.status_code == 404
    their_part.refresh_from_db()
    assert their_part.status == Status.COD_CONFIRMED


def test_a_seller_without_orders_of_its_own_cannot_open_one(two_seller_order):
    order, _second = two_seller_order
    stranger = SellerPageFactory(title="Hợp tác xã Khác")
    client = seller_client(stranger, "khac")
    assert client.get(f"/quan-tri/don-hang/{order.pk}/").status_code == 404
    assert order.reference not in client.get("/quan-tri/don-hang/").content.decode()


def test_seller_moves_its_part_forward_and_the_shopper_is_emailed(
    two_seller_order, seller, django_capture_on_commit_callbacks
):
    order, _second = two_seller_order
    part = order.seller_orders.get(seller=seller)
    client = seller_client(seller, "htx2")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/quan-tri/don-hang/phan/{part.pk}/trang-thai/", {"status": "processing"}
        )
        client.post(
            f"/quan-tri/don-hang/phan/{part.pk}/trang-thai/", {"status": "shipped"}
        )
        client.post(
            f"/quan-tri/don-hang/phan/{part.pk}/trang-thai/", {"status": "processing"}
        )
    part.refresh_from_db()
    assert part.status == Status.SHIPPED
    assert [m.to for m in mail.outbox] == [["an@example.vn"], ["an@example.vn"]]
    assert "Đang giao" in mail.outbox[1].subject
    slip = client.get(f"/quan-tri/don-hang/phan/{part.pk}/phieu-dong-goi/")
    assert slip.status_code == 200
    assert "Phiếu đóng gói" in slip.content.decode()


def test_department_sees_every_order_and_the_daily_summary(
    two_seller_order, django_user_model
):
    order, _second = two_seller_order
    user = django_user_model.objects.create_user("sct", "sct@example.vn", "pw")
    user.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    client = Client()
    client.force_login(user)
    detail = client.get(f"/quan-tri/don-hang/{order.pk}/").content.decode()
    assert "Kẹo dừa sầu riêng" in detail and "Nước mắm thử" in detail
    summary = client.get("/quan-tri/don-hang/tong-hop-ngay/")
    assert summary.status_code == 200
    assert summary.context["summary"]["order_count"] == 1
    assert summary.context["summary"]["takings"] == order.total
    client.post(f"/quan-tri/don-hang/{order.pk}/huy/")
    order.refresh_from_db()
    assert order.status == Status.CANCELLED


def test_sellers_cannot_see_the_daily_summary_or_cancel(two_seller_order, seller):
    order, _second = two_seller_order
    client = seller_client(seller, "htx3")
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    summary = client.get("/quan-tri/don-hang/tong-hop-ngay/")
    assert summary.status_code == 302 and summary["Location"] == "/quan-tri/"
    assert client.post(f"/quan-tri/don-hang/{order.pk}/huy/").status_code == 302
    order.refresh_from_db()
    assert order.status == Status.COD_CONFIRMED
