"""Issue 13's journey at the Django level (the test client, not a browser): a
producer applies, the department approves, the new seller sets its password from
the email, logs in, uploads a spreadsheet with photos, confirms, the department
approves the products, and shoppers find them live through search."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.urls import reverse

from catalog.models import ProductPage
from sellers.models import AdminUnit, SellerApplication
from tests.catalog.spreadsheet_utils import (
    confirm,
    jpeg_bytes,
    latest_upload,
    photos_zip,
    row,
    upload,
    xlsx,
)
from tests.sellers.accounts import department_user
from tests.sellers.utils import document

NEW_PASSWORD = "dua-sap-cau-ke-2026!"
PRODUCTS = ("Kẹo dừa sáp Cầu Kè", "Mứt dừa sáp Cầu Kè")


def _apply(capture) -> SellerApplication:
    data = {
        "legal_name": "Hợp tác xã Dừa Sáp Cầu Kè",
        "seller_type": "cooperative",
        "tax_code": "1500678902",
        "representative": "Nguyễn Văn Tư",
        "representative_id_number": "086079001234",
        "phone": "0912 345 678",
        "email": "htx.duasap@example.vn",
        "street_line": "Ấp Trà Mẹt",
        "commune": AdminUnit.objects.order_by("code").first().pk,
        "categories": "Thực phẩm",
        "products": "Kẹo dừa sáp",
        "consent": "on",
        "document": document(),
    }
    with capture(execute=True):
        response = Client().post("/dang-ky-ban-hang/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return SellerApplication.objects.get()


def _set_password_from_email(client: Client, address: str) -> None:
    message = next(m for m in mail.outbox if m.to == [address] and "duyệt" in m.subject)
    link = re.search(r"https?://\S+/password_reset/confirm/\S+", message.body)
    assert link, message.body
    response = client.get(urlsplit(link.group(0)).path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else None
    response = client.post(
        form_url or urlsplit(link.group(0)).path,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _approve_all(client: Client, moderator, pages) -> None:
    client.force_login(moderator)
    for page in pages:
        task_state = page.current_workflow_task_state
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", task_state.pk],
            ),
            {"comment": ""},
        )
        assert response.status_code == 302


def test_new_seller_uploads_its_catalogue_and_shoppers_find_it(
    site_root, django_capture_on_commit_callbacks
):
    moderator = department_user()
    department = Client()
    application = _apply(django_capture_on_commit_callbacks)
    department.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = department.post(
            reverse("seller_application_review", args=[application.pk]),
            {"action": "approve"},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    seller = application.seller

    producer = Client()
    _set_password_from_email(producer, application.email)
    response = producer.post(
        reverse("wagtailadmin_login"),
        {"username": application.account.username, "password": NEW_PASSWORD},
    )
    assert response.status_code == 302
    sheet = xlsx(
        [
            row(product_name=PRODUCTS[0], image="keo.jpg"),
            row(product_name=PRODUCTS[1], image="mut.jpg", price_vnd="90.000"),
        ]
    )
    photos = photos_zip({"keo.jpg": jpeg_bytes(), "mut.jpg": jpeg_bytes((1, 2, 3))})
    upload(producer, django_capture_on_commit_callbacks, seller, sheet, photos)
    item = latest_upload()
    assert [r["status"] for r in item.preview] == ["new", "new"]
    confirm(producer, django_capture_on_commit_callbacks, item)
    pages = list(ProductPage.objects.child_of(seller))
    assert all(page.workflow_in_progress and not page.live for page in pages)
    shopper = Client()
    assert PRODUCTS[0] not in shopper.get("/tim-kiem/?q=kẹo dừa sáp").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(department, moderator, pages)

    for page in ProductPage.objects.child_of(seller):
        assert page.live
        assert shopper.get(page.url).status_code == 200
    found = shopper.get("/tim-kiem/?q=kẹo dừa sáp cầu kè").content.decode()
    assert PRODUCTS[0] in found
