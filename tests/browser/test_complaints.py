"""A shopper on a phone complains about an order from its page, with a photo, and
follows the case (issue 14)."""

import io
import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.browser.catalogue import DUA
from tests.browser.steps import (
    COD,
    SHOPPER,
    add_to_cart,
    field,
    fill_checkout,
    go_to_checkout,
    place_order,
    product_link,
    search_box,
)

pytestmark = pytest.mark.browser

DUA_4_STARS = "Mứt dừa non Tư Hiền"


def _photo() -> dict:
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 90), "orange").save(buffer, "JPEG")
    return {
        "name": "hop-keo.jpg",
        "mimeType": "image/jpeg",
        "buffer": buffer.getvalue(),
    }


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"


def test_shopper_files_a_complaint_from_the_order_page_and_follows_it(journey):
    page = journey.new_page()
    page.goto("/")
    box = search_box(page)
    box.fill("mut dua")
    box.press("Enter")
    product_link(page, DUA_4_STARS).first.click()
    add_to_cart(page)
    expect(page.get_by_role("heading", name=DUA)).to_be_visible()
    go_to_checkout(page)
    fill_checkout(page, COD)
    place_order(page)
    page.get_by_role("link", name=re.compile("trạng thái đơn hàng", re.I)).click()
    reference = page.url.rstrip("/").rsplit("/", 1)[1]

    page.get_by_role("link", name="Gửi khiếu nại về đơn này").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gửi khiếu nại")
    expect(field(page, "Mã đơn hàng")).to_have_value(reference)
    _no_sideways_scroll(page)
    journey.shot(page, "complaint-form")

    journey.expect_status("/khieu-nai/", 400)  # refused: the phone does not match
    field(page, "Số điện thoại").fill("0987 654 321")
    field(page, "Lý do").select_option(label="Hàng hư hỏng, kém chất lượng")
    field(page, "Nội dung").fill("Hộp mứt bị móp, nắp hở khi nhận hàng.")
    page.get_by_role("button", name="Gửi khiếu nại").click()
    expect(page.get_by_role("alert")).to_contain_text("Không tìm thấy đơn")

    field(page, "Số điện thoại").fill(SHOPPER["phone"])
    field(page, "Nội dung").fill("Hộp mứt bị móp, nắp hở khi nhận hàng.")
    field(page, "Ảnh chụp").set_input_files([_photo()])
    page.get_by_role("button", name="Gửi khiếu nại").click()
    expect(page).to_have_url(re.compile(r"/khieu-nai/KN[A-Z0-9]+/$"))
    case = page.url.rstrip("/").rsplit("/", 1)[1]
    expect(page.get_by_role("heading", level=1)).to_contain_text(case)
    expect(page.get_by_text("Mới nhận")).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d{2}/\d{2}/\d{4}")).first).to_be_visible()
    _no_sideways_scroll(page)
    journey.shot(page, "complaint-filed")

    # Another phone follows the case with its reference and the order's phone.
    other = journey.new_page()
    other.goto("/khieu-nai/theo-doi/")
    field(other, "Mã khiếu nại").fill(case.lower())
    field(other, "Số điện thoại").fill(SHOPPER["phone"])
    other.get_by_role("button", name="Xem trạng thái").click()
    expect(other.get_by_text("Mới nhận")).to_be_visible()
    journey.shot(other, "complaint-followed")
