"""Seller registration (/dang-ky-ban-hang/): bad input is refused with a clear
message and leaves nothing behind; a good application is one pending row, two
emails, and a reference the applicant follows; the rate limit answers 429."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage

from sellers.models import AdminUnit, SellerApplication, SellerType
from tests.checkout.utils import outbox_in_database, run_worker
from tests.factories import SellerPageFactory

URL = "/dang-ky-ban-hang/"
GOOD_TAX_CODE = "1500678902"


def pdf_bytes() -> bytes:
    """A one-page PDF pypdf reads, drawn in memory with Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def _document(name="giay-dang-ky.pdf", content=None, content_type="application/pdf"):
    return SimpleUploadedFile(
        name, pdf_bytes() if content is None else content, content_type
    )


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
        "document": _document(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


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
    fake = _document(content=b"Day khong phai PDF\n" * 50)
    response = client.post(URL, _data(document=fake))
    assert "không phải là PDF" in _errors(response, "document")


def test_a_broken_pdf_is_refused(client, nothing_stored):
    broken = _document(content=b"%PDF-1.4\n" + b"x" * 500)
    response = client.post(URL, _data(document=broken))
    assert "PDF bị hỏng" in _errors(response, "document")


def test_a_30_mb_file_is_refused_with_the_limit(client, nothing_stored):
    big = _document(content=pdf_bytes() + b"\0" * (30 * 1024 * 1024))
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
