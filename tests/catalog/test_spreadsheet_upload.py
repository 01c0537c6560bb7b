"""The spreadsheet upload in the admin: preview, all-or-nothing import, photos in a
ZIP, one seller's products only, sales data without re-approval."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Revision, WorkflowState

from catalog.importing.reading import HEADINGS
from catalog.models import OcopCertificate, ProductPage, SpreadsheetUpload
from catalog.spreadsheet import storage
from tests.catalog.spreadsheet_utils import (
    confirm,
    csv_file,
    jpeg_bytes,
    latest_upload,
    photos_zip,
    row,
    upload,
    xlsx,
)
from tests.sellers.accounts import department_user, seller_with_editor

Status = SpreadsheetUpload.Status


@pytest.fixture
def shop(site_root, client):
    seller, product, editor = seller_with_editor("htx-dua", title="HTX Dừa Sáp")
    other, other_product, _ = seller_with_editor(
        "htx-khac", title="HTX Khác", tax_code="1500678902"
    )
    client.force_login(editor)
    return {
        "seller": seller,
        "product": product,
        "editor": editor,
        "other": other,
        "other_product": other_product,
    }


def _titles(seller) -> set[str]:
    return set(ProductPage.objects.child_of(seller).values_list("title", flat=True))


def test_one_bad_row_imports_nothing_and_names_its_row_and_cell(
    client, shop, django_capture_on_commit_callbacks
):
    seller = shop["seller"]
    before = _titles(seller)
    sheet = xlsx(
        [
            row(product_name="Kẹo dừa lá dứa"),
            row(product_name="Kẹo dừa sầu riêng", price_vnd="một trăm"),
            row(product_name="Bánh phồng dừa"),
        ]
    )

    response = upload(client, django_capture_on_commit_callbacks, seller, sheet)

    item = latest_upload()
    assert response.status_code == 302
    assert item.status == Status.INVALID
    statuses = [(r["line"], r["status"]) for r in item.preview]
    assert statuses == [(2, "new"), (3, "error"), (4, "new")]
    page = client.get(reverse("catalog_spreadsheet:detail", args=[item.pk]))
    text = page.content.decode()
    heading = str(HEADINGS["price_vnd"])
    assert f"Cột “{heading}” (ô H3)" in text
    assert "không phải số đồng" in text
    assert "Xác nhận nhập" not in text
    # a confirmation posted anyway writes nothing
    confirm(client, django_capture_on_commit_callbacks, item)
    assert item.status == Status.INVALID
    assert _titles(seller) == before


def test_good_file_waits_for_confirmation_then_goes_to_the_department(
    client, shop, django_capture_on_commit_callbacks
):
    seller = shop["seller"]
    moderator = department_user()
    sheet = xlsx(
        [
            row(product_name="Kẹo dừa lá dứa", image="keo-la-dua.jpg"),
            row(product_name="Bánh phồng dừa", image="anh/banh-phong.jpg"),
        ]
    )
    photos = photos_zip(
        {"keo-la-dua.jpg": jpeg_bytes(), "anh/banh-phong.jpg": jpeg_bytes((9, 9, 9))}
    )

    upload(client, django_capture_on_commit_callbacks, seller, sheet, photos)
    item = latest_upload()

    assert item.status == Status.READY
    assert [r["status"] for r in item.preview] == ["new", "new"]
    assert "Kẹo dừa lá dứa" not in _titles(seller)  # nothing saved yet
    mail.outbox.clear()

    confirm(client, django_capture_on_commit_callbacks, item)

    assert item.status == Status.DONE
    pages = ProductPage.objects.child_of(seller).filter(
        title__in=["Kẹo dừa lá dứa", "Bánh phồng dừa"]
    )
    assert pages.count() == 2
    for page in pages:
        assert not page.live
        assert page.workflow_in_progress
        assert page.gallery_images.count() == 1
    # one email for the whole upload, not one per product
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert "2 sản phẩm" in mail.outbox[0].subject
    assert not storage.folder(item.pk).exists()


def test_the_same_spreadsheet_twice_changes_nothing(
    client, shop, django_capture_on_commit_callbacks
):
    seller = shop["seller"]
    rows = [row(product_name="Kẹo dừa lá dứa", ocop_stars="4")]
    upload(client, django_capture_on_commit_callbacks, seller, xlsx(rows))
    confirm(client, django_capture_on_commit_callbacks, latest_upload())
    revisions = Revision.objects.count()
    states = WorkflowState.objects.count()

    upload(client, django_capture_on_commit_callbacks, seller, xlsx(rows))
    item = latest_upload()
    assert [r["status"] for r in item.preview] == ["unchanged"]
    confirm(client, django_capture_on_commit_callbacks, item)

    assert item.status == Status.DONE
    assert Revision.objects.count() == revisions
    assert WorkflowState.objects.count() == states
    assert OcopCertificate.objects.filter(product__seller=seller).count() == 1


def test_sellers_certificates_wait_for_verification(
    client, shop, django_capture_on_commit_callbacks
):
    seller = shop["seller"]
    rows = [row(product_name="Kẹo dừa lá dứa", ocop_stars="4")]
    upload(client, django_capture_on_commit_callbacks, seller, xlsx(rows))
    confirm(client, django_capture_on_commit_callbacks, latest_upload())

    certificate = OcopCertificate.objects.get(product__title="Kẹo dừa lá dứa")
    assert certificate.verified_at is None


def _live_row_for(product) -> dict:
    return row(
        product_name=product.title,
        category=product.category.slug,
        price_vnd=str(product.price_vnd),
        unit=product.unit,
        description="",
        stock="" if product.stock is None else str(product.stock),
    )


def test_price_and_stock_of_a_live_product_change_without_approval(
    client, shop, django_capture_on_commit_callbacks
):
    product = shop["product"]
    assert product.live
    cells = _live_row_for(product) | {"price_vnd": "99.000", "stock": "7"}

    upload(client, django_capture_on_commit_callbacks, shop["seller"], xlsx([cells]))
    item = latest_upload()
    assert item.preview[0]["status"] == "changed"
    assert item.preview[0]["content"] == []
    assert any("99.000" in change for change in item.preview[0]["sales"])
    confirm(client, django_capture_on_commit_callbacks, item)

    live = ProductPage.objects.get(pk=product.pk)
    assert (live.price_vnd, live.stock) == (99000, 7)
    assert not live.workflow_in_progress
    assert not live.has_unpublished_changes
    assert live.get_latest_revision().content["price_vnd"] == 99000
    # the public page shows the new price at once
    assert "99.000" in client.get(live.url).content.decode()


def test_content_change_of_a_live_product_goes_to_approval(
    client, shop, django_capture_on_commit_callbacks
):
    product = shop["product"]
    cells = _live_row_for(product) | {
        "description": "Công thức mới.",
        "price_vnd": "88000",
    }

    upload(client, django_capture_on_commit_callbacks, shop["seller"], xlsx([cells]))
    item = latest_upload()
    assert item.preview[0]["content"] == ["mô tả chi tiết"]
    confirm(client, django_capture_on_commit_callbacks, item)

    live = ProductPage.objects.get(pk=product.pk)
    assert live.price_vnd == 88000  # sales data: live at once
    assert live.workflow_in_progress  # the description waits for the department
    assert "Công thức mới" not in live.description
    assert "Công thức mới" in live.get_latest_revision_as_object().description


def test_zip_with_a_path_outside_its_folder_is_refused(
    client, shop, django_capture_on_commit_callbacks
):
    sheet = xlsx([row(product_name="Kẹo dừa lá dứa", image="evil.jpg")])
    photos = photos_zip({"../evil.jpg": jpeg_bytes()})

    upload(client, django_capture_on_commit_callbacks, shop["seller"], sheet, photos)

    item = latest_upload()
    assert item.status == Status.INVALID
    assert "../evil.jpg" in item.errors[0]["message"]
    assert "Kẹo dừa lá dứa" not in _titles(shop["seller"])
    assert not storage.folder(item.pk).exists()


def test_zip_with_a_file_that_is_not_an_image_is_refused(
    client, shop, django_capture_on_commit_callbacks
):
    sheet = xlsx([row(product_name="Kẹo dừa lá dứa", image="keo.jpg")])
    photos = photos_zip({"keo.jpg": b"#!/bin/sh\necho not a picture\n"})

    upload(client, django_capture_on_commit_callbacks, shop["seller"], sheet, photos)

    item = latest_upload()
    assert item.status == Status.INVALID
    message = item.errors[0]["message"]
    assert "keo.jpg" in message and "không phải ảnh" in message


def test_image_cell_cannot_reach_outside_the_photos(
    client, shop, django_capture_on_commit_callbacks
):
    sheet = xlsx([row(product_name="Kẹo dừa lá dứa", image="../bang-tinh.xlsx")])

    upload(client, django_capture_on_commit_callbacks, shop["seller"], sheet)

    item = latest_upload()
    assert item.status == Status.INVALID
    assert item.preview[0]["errors"][0]["column"] == str(HEADINGS["image"])


def test_seller_cannot_upload_into_another_seller(
    client, shop, django_capture_on_commit_callbacks
):
    response = upload(
        client, django_capture_on_commit_callbacks, shop["other"], xlsx([row()])
    )

    assert response.status_code == 400
    assert "Chỉ được làm việc với cơ sở của chính mình." in response.content.decode()
    assert not SpreadsheetUpload.objects.exists()


def test_row_naming_another_seller_is_an_error_on_that_cell(
    client, shop, django_capture_on_commit_callbacks
):
    cells = row(
        seller_name="HTX Khác",
        tax_code="1500678902",
        product_name=shop["other_product"].title,
        price_vnd="1000",
    )

    upload(
        client, django_capture_on_commit_callbacks, shop["seller"], csv_file([cells])
    )

    item = latest_upload()
    assert item.status == Status.INVALID
    columns = {e["column"] for e in item.preview[0]["errors"]}
    assert columns == {"seller_name", "tax_code"}
    other = ProductPage.objects.get(pk=shop["other_product"].pk)
    assert other.price_vnd != 1000


def test_seller_cannot_open_or_confirm_another_users_upload(
    client, shop, django_capture_on_commit_callbacks
):
    upload(client, django_capture_on_commit_callbacks, shop["seller"], xlsx([row()]))
    item = latest_upload()
    outsider = seller_with_editor("htx-thu-ba", title="HTX Thứ Ba")[2]
    client.force_login(outsider)

    assert (
        client.get(reverse("catalog_spreadsheet:detail", args=[item.pk])).status_code
        == 404
    )
    response = client.post(reverse("catalog_spreadsheet:confirm", args=[item.pk]))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == Status.READY


def test_department_upload_for_a_seller_may_publish(
    client, shop, django_capture_on_commit_callbacks
):
    client.force_login(department_user())
    sheet = xlsx([row(product_name="Mứt dừa non")])

    upload(
        client,
        django_capture_on_commit_callbacks,
        shop["other"],
        sheet,
        dang_ngay="on",
    )
    confirm(client, django_capture_on_commit_callbacks, latest_upload())

    page = ProductPage.objects.child_of(shop["other"]).get(title="Mứt dừa non")
    assert page.live and not page.workflow_in_progress


def test_template_downloads_with_vietnamese_headings_and_reads_back(
    client, shop, django_capture_on_commit_callbacks
):
    response = client.get(reverse("catalog_spreadsheet:template"))

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    products, guide = workbook.worksheets
    headings = [cell.value for cell in products[1]]
    assert headings[:3] == ["Tên người bán", "Loại hình", "Mã số thuế"]
    assert "Giá (đồng)" in headings and "Tên sản phẩm" in headings
    assert products.max_row == 2  # one example row
    assert guide.max_row == len(headings) + 1
    # the template as downloaded is a valid upload of its example product
    upload(
        client,
        django_capture_on_commit_callbacks,
        shop["seller"],
        SimpleUploadedFile("mau.xlsx", response.content),
        photos_zip({"keo-dua-sap.jpg": jpeg_bytes()}),
    )
    item = latest_upload()
    assert item.status == Status.READY, item.preview


def test_a_preview_never_confirmed_gives_its_files_back_a_day_later(
    client, shop, django_capture_on_commit_callbacks
):
    upload(client, django_capture_on_commit_callbacks, shop["seller"], xlsx([row()]))
    old = latest_upload()
    assert old.status == Status.READY and storage.folder(old.pk).exists()
    SpreadsheetUpload.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )

    upload(client, django_capture_on_commit_callbacks, shop["seller"], xlsx([row()]))

    assert not SpreadsheetUpload.objects.filter(pk=old.pk).exists()
    assert not storage.folder(old.pk).exists()
