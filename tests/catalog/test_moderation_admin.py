"""The department's moderation pages and the seller's: takedowns (the clock in
red when late, filters), appeals, held listings with the matched words marked,
and the seller's record with its decision log."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from catalog import moderation
from catalog.models import ProductPage, ScreeningKeyword, Takedown
from sellers import moderation as seller_moderation
from sellers.models import SellerPage
from tests.factories import ProductPageFactory
from tests.sellers.accounts import department_user, seller_with_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_root):
    seller, product, editor = seller_with_editor("co-so-a", title="Cơ sở Mắm Bà Tư")
    other, other_product, _ = seller_with_editor("co-so-b", title="Cơ sở Khác")
    return {
        "seller": seller,
        "product": product,
        "editor": editor,
        "other_product": other_product,
        "department": department_user(),
    }


def test_department_opens_an_authority_request_and_sees_it_late_in_red(client, world):
    client.force_login(world["department"])
    response = client.post(
        "/quan-tri/kiem-duyet/go-tin/",
        {
            "product": world["product"].pk,
            "source": "authority",
            "authority": "Cục Quản lý thị trường",
            "reference": "45/QLTT-VL",
            "reason": "Nghi hàng giả",
        },
    )
    takedown = Takedown.objects.get()
    assert response.status_code == 302
    assert takedown.due_at - takedown.opened_at == datetime.timedelta(hours=24)
    page = client.get("/quan-tri/kiem-duyet/go-tin/?trang-thai=late").content.decode()
    assert "45/QLTT-VL" not in page
    Takedown.objects.filter(pk=takedown.pk).update(
        opened_at=timezone.now() - datetime.timedelta(hours=25),
        due_at=timezone.now() - datetime.timedelta(hours=1),
    )
    page = client.get("/quan-tri/kiem-duyet/go-tin/?trang-thai=late").content.decode()
    assert "45/QLTT-VL" in page and 'data-late="true"' in page
    closed = client.get("/quan-tri/kiem-duyet/go-tin/?trang-thai=closed")
    assert "45/QLTT-VL" not in closed.content.decode()
    # Not hidden until the department acts; then the listing leaves at once.
    assert ProductPage.objects.get(pk=world["product"].pk).hidden_at is None
    client.post(f"/quan-tri/kiem-duyet/go-tin/{takedown.pk}/", {"action": "hide"})
    assert ProductPage.objects.get(pk=world["product"].pk).hidden_at is not None


def test_a_takedown_needs_a_reason_and_hides_nothing_without_one(client, world):
    client.force_login(world["department"])
    response = client.post(
        "/quan-tri/kiem-duyet/go-tin/",
        {"product": world["product"].pk, "source": "department", "reason": ""},
    )
    assert response.status_code == 200
    assert not Takedown.objects.exists()


def test_seller_is_emailed_sees_its_takedown_and_appeals(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        takedown = moderation.hide_listing(
            world["product"].pk, world["department"], "Ảnh không đúng sản phẩm"
        )
        moderation.hide_listing(
            world["other_product"].pk, world["department"], "Lý do của người khác"
        )
    assert any("Ảnh không đúng sản phẩm" in m.body for m in mail.outbox)
    client.force_login(world["editor"])
    page = client.get("/quan-tri/kiem-duyet/tin-bi-an/").content.decode()
    assert "Ảnh không đúng sản phẩm" in page
    assert "Lý do của người khác" not in page
    client.post(
        f"/quan-tri/kiem-duyet/tin-bi-an/{takedown.pk}/khieu-nai/",
        {"text": "Ảnh đã được thay"},
    )
    takedown.refresh_from_db()
    assert takedown.appeal_status == Takedown.Appeal.PENDING
    # The department refuses: still hidden; it grants: back.
    client.force_login(world["department"])
    client.post(
        f"/quan-tri/kiem-duyet/go-tin/{takedown.pk}/",
        {"action": "grant", "note": "Đã kiểm tra ảnh mới"},
    )
    assert ProductPage.objects.get(pk=world["product"].pk).hidden_at is None


def test_seller_cannot_appeal_another_sellers_takedown(client, world):
    takedown = moderation.hide_listing(
        world["other_product"].pk, world["department"], "Hàng cấm"
    )
    client.force_login(world["editor"])
    response = client.post(
        f"/quan-tri/kiem-duyet/tin-bi-an/{takedown.pk}/khieu-nai/", {"text": "x"}
    )
    assert response.status_code == 404
    takedown.refresh_from_db()
    assert takedown.appeal_status == ""


def test_seller_cannot_reach_the_departments_pages(client, world):
    client.force_login(world["editor"])
    for url in (
        "/quan-tri/kiem-duyet/go-tin/",
        "/quan-tri/kiem-duyet/cho-kiem-duyet/",
        f"/quan-tri/xet-duyet-ho-so/nguoi-ban/{world['seller'].pk}/",
    ):
        # The admin turns a refusal into a redirect to its dashboard.
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Cơ sở Mắm Bà Tư" not in response.content.decode()


def test_held_listing_shows_the_matched_words_and_is_released(client, world):
    ScreeningKeyword.objects.create(phrase="chữa ung thư")
    held = ProductPageFactory(parent=world["seller"], title="Trà thảo mộc CHỮA UNG THƯ")
    held.refresh_from_db()
    assert held.held_for_screening
    client.force_login(world["department"])
    page = client.get("/quan-tri/kiem-duyet/cho-kiem-duyet/").content.decode()
    assert "<mark>CHỮA UNG THƯ</mark>" in page
    client.post(
        f"/quan-tri/kiem-duyet/cho-kiem-duyet/{held.pk}/", {"action": "release"}
    )
    held.refresh_from_db()
    assert not held.held_for_screening and held.live


def test_rejected_held_listing_is_unpublished_not_deleted(client, world):
    ScreeningKeyword.objects.create(phrase="hàng xách tay")
    held = ProductPageFactory(parent=world["seller"], title="Sữa hàng xách tay")
    client.force_login(world["department"])
    client.post(
        f"/quan-tri/kiem-duyet/cho-kiem-duyet/{held.pk}/",
        {"action": "reject", "note": "Không rõ nguồn gốc"},
    )
    held.refresh_from_db()
    assert not held.live and not held.held_for_screening


def test_seller_record_takes_decisions_and_shows_the_log(client, world):
    seller = world["seller"]
    client.force_login(world["department"])
    url = f"/quan-tri/xet-duyet-ho-so/nguoi-ban/{seller.pk}/"
    client.post(
        url,
        {
            "action": "identity",
            "method": "citizen_id",
            "checked_on": timezone.localdate().strftime("%d/%m/%Y"),
            "note": "CCCD gốc",
        },
    )
    client.post(url, {"action": "suspend", "reason": "Bán hàng giả lần hai"})
    assert SellerPage.objects.get(pk=seller.pk).suspended_at is not None
    client.post(url, {"action": "suspend", "reason": ""})  # refused: no reason
    client.post(url, {"action": "reinstate", "reason": "Đã khắc phục"})
    seller.refresh_from_db()
    assert seller.suspended_at is None and seller.identity_method == "citizen_id"
    # The log is on the seller's record in the page editor too.
    edit = client.get(f"/quan-tri/pages/{seller.pk}/edit/").content.decode()
    for text in ("Bán hàng giả lần hai", "Đã khắc phục", "CCCD gốc"):
        assert text in edit, text


def test_publishing_an_old_revision_keeps_the_suspension(world):
    seller = world["seller"]
    revision = seller.save_revision()
    seller_moderation.suspend(seller.pk, world["department"], "Vi phạm")
    revision.publish()
    assert SellerPage.objects.get(pk=seller.pk).suspended_at is not None


def test_publishing_an_old_revision_keeps_the_takedown(world):
    product = world["product"]
    revision = product.save_revision()
    moderation.hide_listing(product.pk, world["department"], "Hàng giả")
    revision.publish()
    assert ProductPage.objects.get(pk=product.pk).hidden_at is not None
