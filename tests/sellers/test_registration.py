"""Seller registration (/dang-ky-ban-hang/): bad input is refused with a clear
message and leaves nothing behind; a good application is one pending row, two
emails, and a reference the applicant follows; the rate limit answers 429."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    Page,
)

from sellers.models import (
    AdminUnit,
    SellerAccess,
    SellerApplication,
    SellerIndexPage,
    SellerPage,
    SellerType,
)
from tests.checkout.utils import outbox_in_database, run_worker
from tests.factories import SellerPageFactory
from tests.sellers.accounts import department_user, seller_with_editor
from tests.sellers.utils import document, pdf_bytes

URL = "/dang-ky-ban-hang/"
GOOD_TAX_CODE = "1500678902"


def _data(**overrides) -> dict:
    data = {
        "legal_name": "Hợp tác xã Dừa Sáp Cầu Kè",
        "seller_type": SellerType.COOPERATIVE,
        "tax_code": GOOD_TAX_CODE,
        "representative": "Nguyễn Văn Tư",
        "representative_id_number": "086079001234",
        "phone": "0912 345 678",
        "email": "htx.duasap@example.vn",
        "street_line": "Ấp Trà Mẹt",
        "commune": AdminUnit.objects.order_by("code").first().pk,
        "categories": "Thực phẩm",
        "products": "Dừa sáp, kẹo dừa sáp",
        "consent": "on",
        "document": document(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# The worker closes the database connection when it is done, as in production.
WORKER_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _stored_files() -> list[Path]:
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def nothing_stored(site_root):
    """Asserts, after the test's posts, that no row and no new file was left."""
    before = set(_stored_files())
    yield
    assert SellerApplication.objects.count() == 0
    assert set(_stored_files()) == before


def _errors(response, field: str) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get(field, []))


def test_the_form_is_in_vietnamese_and_csrf_protected(site_root):
    client = Client(enforce_csrf_checks=True)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Đăng ký bán hàng" in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()
    refused = client.post(URL, _data())
    assert refused.status_code == 403
    assert SellerApplication.objects.count() == 0


def test_wrong_tax_code_check_digit_is_refused(client, nothing_stored):
    response = client.post(URL, _data(tax_code="1500678903"))
    assert "sai chữ số kiểm tra" in _errors(response, "tax_code")


def test_missing_document_is_refused(client, nothing_stored):
    response = client.post(URL, _data(document=None))
    assert "Vui lòng chọn tệp giấy đăng ký kinh doanh" in _errors(response, "document")


def test_a_text_file_renamed_pdf_is_refused(client, nothing_stored):
    fake = document(content=b"Day khong phai PDF\n" * 50)
    response = client.post(URL, _data(document=fake))
    assert "không phải là PDF" in _errors(response, "document")


def test_a_broken_pdf_is_refused(client, nothing_stored):
    broken = document(content=b"%PDF-1.4\n" + b"x" * 500)
    response = client.post(URL, _data(document=broken))
    assert "PDF bị hỏng" in _errors(response, "document")


def test_a_30_mb_file_is_refused_with_the_limit(client, nothing_stored):
    big = document(content=pdf_bytes() + b"\0" * (30 * 1024 * 1024))
    response = client.post(URL, _data(document=big))
    message = _errors(response, "document")
    assert "Tệp quá lớn" in message
    assert "tối đa 10,0\xa0MB" in message


def test_duplicate_tax_code_of_an_existing_seller_is_refused(client, nothing_stored):
    SellerPageFactory(tax_code=GOOD_TAX_CODE)
    response = client.post(URL, _data())
    assert "đã có người bán trên sàn" in _errors(response, "tax_code")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("representative_id_number", "08607900123", "đúng 12 chữ số"),
        ("representative_id_number", "08607900123A", "đúng 12 chữ số"),
        ("phone", "12345", "Số điện thoại không hợp lệ"),
        ("email", "khong-phai-email", "email"),
        ("commune", "99999", "Lựa chọn"),
        ("seller_type", "bank", "Lựa chọn"),
        ("consent", None, "Vui lòng đồng ý"),
    ],
)
def test_other_bad_fields_get_a_clear_message(
    client, nothing_stored, field, value, message
):
    response = client.post(URL, _data(**{field: value}))
    assert message.lower() in _errors(response, field).lower()


@WORKER_DB
def test_a_good_application_is_one_pending_row_and_two_emails(
    client, site_root, settings
):
    outbox_in_database(settings)
    settings.CHECKOUT_DEPARTMENT_EMAILS = ["so-cong-thuong@example.vn"]
    response = client.post(URL, _data())
    application = SellerApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{URL}{application.reference}/"
    assert application.status == SellerApplication.Status.PENDING
    assert application.phone == "+84912345678"
    assert len(application.reference) == 8
    assert set(application.reference) <= set("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    # The document is stored outside the public media folder.
    stored = Path(application.document.path)
    assert stored.is_file()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert mail.outbox == []  # nothing is sent inside the request

    run_worker()
    assert len(mail.outbox) == 2
    to_applicant, to_department = sorted(
        mail.outbox, key=lambda m: m.to != [application.email]
    )
    assert to_applicant.to == ["htx.duasap@example.vn"]
    assert application.reference in to_applicant.subject
    assert f"{URL}{application.reference}/" in to_applicant.body
    assert to_department.to == ["so-cong-thuong@example.vn"]
    assert "Hợp tác xã Dừa Sáp Cầu Kè" in to_department.subject


def test_a_second_application_with_a_pending_tax_code_is_refused(client, site_root):
    client.post(URL, _data())
    response = client.post(URL, _data(email="khac@example.vn"))
    assert "hồ sơ đang chờ duyệt" in _errors(response, "tax_code")
    assert SellerApplication.objects.count() == 1


def test_the_applicant_follows_the_application_by_email_or_tax_code(client, site_root):
    client.post(URL, _data())
    reference = SellerApplication.objects.get().reference
    # The browser that sent it sees the status at once.
    assert "Chờ duyệt" in client.get(f"{URL}{reference}/").content.decode()

    stranger = Client()
    page = stranger.get(f"{URL}{reference}/")
    assert "Chờ duyệt" not in page.content.decode()
    wrong = stranger.post(f"{URL}{reference}/", {"secret": "ai@example.vn"})
    assert "Không tìm thấy hồ sơ" in wrong.content.decode()
    by_tax_code = stranger.post(f"{URL}{reference.lower()}/", {"secret": GOOD_TAX_CODE})
    assert "Chờ duyệt" in by_tax_code.content.decode()
    other = Client()
    by_email = other.post(f"{URL}{reference}/", {"secret": "HTX.DuaSap@example.vn"})
    assert "Chờ duyệt" in by_email.content.decode()
    unknown = Client().post(f"{URL}ZZZZZZZZ/", {"secret": GOOD_TAX_CODE})
    assert unknown.status_code == 200
    assert "Không tìm thấy hồ sơ" in unknown.content.decode()


def test_too_many_applications_from_one_address_get_429(client, site_root, settings):
    settings.SELLER_APPLICATIONS_PER_HOUR = 3
    for _ in range(3):
        assert client.post(URL, _data(tax_code="1500678903")).status_code == 200
    response = client.post(URL, _data())
    assert response.status_code == 429
    assert "Quá nhiều hồ sơ" in response.content.decode()
    assert SellerApplication.objects.count() == 0
    # Another address is not held back.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(URL, _data()).status_code == 302


# -- approval in the admin -----------------------------------------------------

REVIEW = "/quan-tri/xet-duyet-ho-so/{}/"
DOCUMENT = "/quan-tri/xet-duyet-ho-so/{}/giay-dang-ky/"
LISTING = "/quan-tri/ho-so-ban-hang/"


@pytest.fixture
def application(client, site_root):
    Client().post(URL, _data())
    mail.outbox.clear()
    return SellerApplication.objects.get()


@pytest.fixture
def department(site_root):
    return department_user()


def _as(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def test_department_lists_filters_and_opens_an_application(application, department):
    browser = _as(department)
    listing = browser.get(LISTING, {"status": "pending"})
    assert listing.status_code == 200
    assert application.reference in listing.content.decode()
    assert REVIEW.format(application.pk) in listing.content.decode()
    other_commune = AdminUnit.objects.exclude(pk=application.commune_id).first()
    filtered = browser.get(LISTING, {"commune": other_commune.pk})
    assert application.reference not in filtered.content.decode()
    by_type = browser.get(LISTING, {"seller_type": SellerType.ENTERPRISE})
    assert application.reference not in by_type.content.decode()

    review = browser.get(REVIEW.format(application.pk))
    assert review.status_code == 200
    assert "086079001234" in review.content.decode()
    document = browser.get(DOCUMENT.format(application.pk))
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert b"".join(document.streaming_content).startswith(b"%PDF")


def test_sellers_and_visitors_reach_no_application(application, site_root):
    _seller, _product, editor = seller_with_editor("co-so-khac")
    for url in (
        LISTING,
        REVIEW.format(application.pk),
        DOCUMENT.format(application.pk),
    ):
        as_seller = _as(editor).get(url)
        assert as_seller.status_code in (302, 403), url
        assert application.reference not in as_seller.content.decode()
        anonymous = Client().get(url)
        assert anonymous.status_code == 302
        assert "/quan-tri/login/" in anonymous["Location"]
    assert "086079001234" not in _as(editor).get("/quan-tri/").content.decode()


def _approve(browser, application):
    return browser.post(REVIEW.format(application.pk), {"action": "approve"})


def test_approval_creates_the_page_collection_group_and_login(application, department):
    response = _approve(_as(department), application)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == SellerApplication.Status.APPROVED
    assert application.decided_by == department
    assert application.decided_at is not None

    seller = SellerPage.objects.get(tax_code=GOOD_TAX_CODE)
    assert seller.live
    assert seller.get_parent().specific_class is SellerIndexPage
    assert seller.title == "Hợp tác xã Dừa Sáp Cầu Kè"
    assert seller.phone == "+84912345678"
    assert application.seller == seller

    access = SellerAccess.objects.get(seller=seller)
    page_grants = GroupPagePermission.objects.filter(group=access.group)
    assert {g.page_id for g in page_grants} == {seller.pk}
    assert {g.permission.codename for g in page_grants} == {"add_page", "change_page"}
    media_grants = GroupCollectionPermission.objects.filter(group=access.group)
    assert {g.collection_id for g in media_grants} == {access.media_collection_id}
    assert access.media_collection.name.endswith(seller.title)

    user = application.account
    assert list(user.groups.all()) == [access.group]
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    assert ModelLogEntry.objects.filter(
        action="sellers.application.approve", user=department
    ).exists()

    # The application's record and the seller's say who decided and when.
    record = _as(department).get(REVIEW.format(application.pk)).content.decode()
    assert "Đã duyệt" in record
    assert department.username in record
    seller_record = _as(department).get(f"/quan-tri/pages/{seller.pk}/edit/")
    assert application.reference in seller_record.content.decode()
    assert department.username in seller_record.content.decode()


@WORKER_DB
def test_the_set_password_link_works_once(application, department, settings):
    outbox_in_database(settings)
    _approve(_as(department), application)
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["htx.duasap@example.vn"]
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", message.body)
    assert link
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]

    browser = Client()
    landing = browser.get("/" + path)
    assert landing.status_code == 302
    form_url = landing["Location"]
    new_password = "Dua-sap-Cau-Ke-2026!"
    done = browser.post(
        form_url, {"new_password1": new_password, "new_password2": new_password}
    )
    assert done.status_code == 302
    user = SellerApplication.objects.get().account
    user.refresh_from_db()
    assert user.check_password(new_password)

    again = Client().get("/" + path, follow=True)
    assert again.context["validlink"] is False
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_the_new_sellers_editor_reaches_nothing_of_another_seller(
    application, department
):
    other, other_product, _editor = seller_with_editor(
        "co-so-khac", title="Hợp tác xã BÍ MẬT"
    )
    _approve(_as(department), application)
    user = SellerApplication.objects.get().account
    browser = _as(user)
    home = browser.get("/quan-tri/")
    assert home.status_code == 200
    for url in (
        f"/quan-tri/pages/{other_product.pk}/edit/",
        f"/quan-tri/pages/{other.pk}/edit/",
        f"/quan-tri/pages/{other.pk}/",
        f"/quan-tri/pages/{other.pk}/add_subpage/",
    ):
        response = browser.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "BÍ MẬT" not in response.content.decode(), url
    own = SellerPage.objects.get(tax_code=GOOD_TAX_CODE)
    assert browser.get(f"/quan-tri/pages/{own.pk}/edit/").status_code == 200
    assert "BÍ MẬT" not in browser.get("/quan-tri/pages/search/?q=BÍ").content.decode()


@WORKER_DB
def test_rejection_emails_the_reason_and_leaves_no_public_trace(
    application, department, settings
):
    outbox_in_database(settings)
    pages_before = Page.objects.count()
    groups_before = Group.objects.count()
    browser = _as(department)
    no_reason = browser.post(REVIEW.format(application.pk), {"action": "reject"})
    assert "Vui lòng ghi lý do từ chối" in no_reason.content.decode()
    application.refresh_from_db()
    assert application.status == SellerApplication.Status.PENDING

    reason = "Giấy đăng ký kinh doanh đã hết hiệu lực."
    browser.post(REVIEW.format(application.pk), {"action": "reject", "reason": reason})
    application.refresh_from_db()
    assert application.status == SellerApplication.Status.REJECTED
    assert application.decision_reason == reason
    assert application.decided_by == department
    run_worker()
    (message,) = mail.outbox
    assert reason in message.body
    assert application.reference in message.subject

    assert Page.objects.count() == pages_before
    assert Group.objects.count() == groups_before
    assert not SellerPage.objects.filter(tax_code=GOOD_TAX_CODE).exists()
    for url in ("/nguoi-ban/", "/tim-kiem/?q=Dua+Sap+Cau+Ke"):
        assert "Dừa Sáp Cầu Kè" not in Client().get(url).content.decode(), url
    # The applicant reads the reason on the status page.
    status = Client().post(f"{URL}{application.reference}/", {"secret": GOOD_TAX_CODE})
    assert reason in status.content.decode()
    # A decided application takes no second decision.
    again = _approve(browser, application)
    assert "đã được quyết định" in again.content.decode()
    assert not SellerPage.objects.filter(tax_code=GOOD_TAX_CODE).exists()


def test_the_form_and_its_errors_are_available_in_english(client, site_root):
    client.post("/i18n/setlang/", {"language": "en", "next": URL})
    page = client.get(URL).content.decode()
    assert "Sell on the Vĩnh Long OCOP floor" in page
    response = client.post(URL, _data(tax_code="1500678903", document=None))
    assert "Please choose the business registration file" in _errors(
        response, "document"
    )
