"""Issue 13's journey in a real browser, on a phone: a producer applies with its
business-registration PDF, the department approves it in the admin, the new seller
sets its password from the email the site sent, logs in, uploads a spreadsheet
with a ZIP of photos, confirms the preview, the department approves the products
in Wagtail's workflow, and a shopper finds them by search.

The Django-level twin is tests/catalog/test_spreadsheet_journey.py. Runs last in
the session (its new seller and products do not disturb the other journeys)."""

import email
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import DEPARTMENT_LOGIN
from tests.catalog.spreadsheet_utils import jpeg_bytes, photos_zip, row, xlsx
from tests.sellers.utils import pdf_bytes

pytestmark = pytest.mark.browser

LEGAL_NAME = "Hợp tác xã Dừa Sáp Trà Mẹt"
APPLICANT_EMAIL = "htx.tramet@example.vn"
NEW_PASSWORD = "dua-sap-tra-met-2026!"
PRODUCTS = ("Kẹo dừa sáp Trà Mẹt", "Mứt dừa sáp Trà Mẹt")
# Wagtail's own labels of the dashboard's workflow actions, in Vietnamese or English.
ACTIONS = re.compile(r"^(Thao tác|Actions)$")
APPROVE = re.compile(r"^(Phê chuẩn|Approve)$")
SET_PASSWORD = re.compile(r"https?://\S+?(/quan-tri/password_reset/confirm/\S+/)")


def _file(upload) -> dict:
    """A Django test upload as Playwright hands a file to an <input type=file>."""
    upload.seek(0)
    return {
        "name": upload.name,
        "mimeType": "application/octet-stream",
        "buffer": upload.read(),
    }


def _apply(journey) -> None:
    page = journey.new_page()
    page.goto("/dang-ky-ban-hang/")
    fields = {
        "legal_name": LEGAL_NAME,
        "tax_code": "1500678902",
        "representative": "Nguyễn Văn Tư",
        "representative_id_number": "086079001234",
        "phone": "0912 345 678",
        "email": APPLICANT_EMAIL,
        "street_line": "Ấp Trà Mẹt",
        "categories": "Thực phẩm",
        "products": "Kẹo dừa sáp",
    }
    for name, value in fields.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("select[name=seller_type]").select_option("cooperative")
    page.locator("select[name=commune]").select_option(index=1)
    page.locator("input[name=document]").set_input_files(
        {
            "name": "giay-dang-ky.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf_bytes(),
        }
    )
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Gửi hồ sơ").click()
    expect(page.get_by_role("heading", name="Hồ sơ đăng ký bán hàng")).to_be_visible()
    expect(page.get_by_text(LEGAL_NAME)).to_be_visible()
    expect(page.get_by_text("Chờ duyệt")).to_be_visible()
    journey.shot(page, "applied")


def _log_in(page, username: str, password: str) -> None:
    page.goto("/quan-tri/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))


def _approve_application(page) -> None:
    page.goto("/quan-tri/ho-so-ban-hang/")  # the menu's "Hồ sơ bán hàng"
    page.get_by_role("link", name=LEGAL_NAME).first.click()
    page.get_by_role("button", name="Duyệt và tạo gian hàng").click()
    expect(page.get_by_text("Đã duyệt").first).to_be_visible()


def _approval_mail(mail_dir: Path) -> tuple[str, str]:
    """The username and set-password link of the mail the live server wrote."""
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            message = email.message_from_bytes(chunk.strip())
            if APPLICANT_EMAIL not in (message["To"] or ""):
                continue
            payload = message.get_payload(decode=True) or b""
            body = payload.decode(message.get_content_charset() or "utf-8")
            link = SET_PASSWORD.search(body)
            if link:
                return re.search(r"Tên đăng nhập: (\S+)", body).group(1), link.group(1)
    raise AssertionError(f"no set-password link for {APPLICANT_EMAIL} in {mail_dir}")


def _set_password(page, link: str) -> None:
    page.goto(link)
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.locator("input[name=new_password1]")).to_have_count(0)


def _upload(page) -> None:
    page.goto("/quan-tri/bang-tinh/")
    sheet = xlsx(
        [
            row(product_name=PRODUCTS[0], image="keo.jpg"),
            row(product_name=PRODUCTS[1], image="mut.jpg", price_vnd="90.000"),
        ]
    )
    photos = photos_zip({"keo.jpg": jpeg_bytes(), "mut.jpg": jpeg_bytes((1, 2, 3))})
    page.locator("input[name=tep]").set_input_files(_file(sheet))
    page.locator("input[name=anh]").set_input_files(_file(photos))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("tr[data-row-status=new]")).to_have_count(2)
    for name in PRODUCTS:
        expect(page.get_by_role("cell", name=name)).to_be_visible()
    page.get_by_role("button", name="Xác nhận nhập").click()
    expect(page.get_by_text("Đã nhập xong.")).to_be_visible(timeout=30_000)


def _approve_products(page) -> None:
    """Each product from the dashboard's "Awaiting your review": Actions → Approve."""
    page.goto("/quan-tri/")
    for name in PRODUCTS:
        row = page.locator("tr", has_text=name).first
        row.get_by_role("button", name=ACTIONS).click()
        row.get_by_role("button", name=APPROVE).click()
        expect(page.locator("tr", has_text=name)).to_have_count(0)


def _search(page, name: str):
    """The shopper types the product's name, as Vietnamese is typed on a phone."""
    page.goto(f"/tim-kiem/?q={name.lower()}")
    return page.get_by_role("link", name=name)


def _found_within_a_refresh(page, name: str):
    """The engine shows a write after its refresh (1 s): the shopper searches again."""
    for _ in range(10):
        found = _search(page, name)
        if found.count():
            return found
        page.wait_for_timeout(500)
    return found


def test_a_producer_joins_and_its_products_go_live(journey):
    _apply(journey)

    department = journey.new_page()
    _log_in(department, *DEPARTMENT_LOGIN)
    _approve_application(department)
    journey.shot(department, "application approved")

    seller = journey.new_page()
    username, link = _approval_mail(journey.site.mail_dir)
    _set_password(seller, link)
    _log_in(seller, username, NEW_PASSWORD)
    _upload(seller)
    journey.shot(seller, "imported")

    shopper = journey.new_page()
    for name in PRODUCTS:  # submitted, not yet approved
        expect(_search(shopper, name)).to_have_count(0)

    _approve_products(department)
    journey.shot(department, "products approved")

    shopper = journey.new_page()
    for name in PRODUCTS:
        found = _found_within_a_refresh(shopper, name)
        expect(found.first).to_be_visible()
        journey.shot(shopper, f"found {name}")
        found.first.click()
        expect(shopper.get_by_role("heading", name=name)).to_be_visible()
