"""The buying pages on a 390×844 phone: nothing wider than the screen, the primary
action reachable and tappable, quantity steppers big enough for a thumb."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import DUA, PIA
from tests.browser.conftest import PHONE
from tests.browser.steps import (
    COD,
    add_to_cart,
    fill_checkout,
    go_to_checkout,
    place_order,
    product_link,
    visible,
)

pytestmark = pytest.mark.browser

PIA_4_STARS = "Bánh pía sầu riêng Phước Hậu"
DUA_4_STARS = "Mứt dừa non Tư Hiền"
TOUCH = 44

# Is the element inside the screen's width, and the one a tap at its centre hits?
_TAPPABLE_JS = """
el => {
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.left >= 0 && r.right <= window.innerWidth && r.width > 0 &&
         (hit === el || el.contains(hit));
}
"""


def assert_fits_the_screen(page) -> None:
    wide = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth,"
        " [...document.querySelectorAll('body *')].filter(e =>"
        " e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3)"
        ".map(e => e.tagName + '.' + e.className)]"
    )
    scroll_width, screen, culprits = wide
    assert scroll_width <= screen, f"{page.url}: {scroll_width} > {screen}: {culprits}"


def assert_tappable(locator) -> None:
    locator.scroll_into_view_if_needed()
    assert locator.evaluate(_TAPPABLE_JS), f"{locator} cannot be tapped"
    box = locator.bounding_box()
    assert box["height"] >= TOUCH, f"{locator}: {box}"


def test_cart_checkout_and_order_pages_fit_a_phone(journey):
    page = journey.new_page()
    page.goto("/tim-kiem/?q=banh+pia")
    product_link(page, PIA_4_STARS).first.click()
    add_to_cart(page)
    page.goto("/tim-kiem/?q=mut+dua")
    product_link(page, DUA_4_STARS).first.click()
    add_to_cart(page)

    # The cart: grouped by seller, a thumbnail per line, steppers for a thumb.
    for seller in (PIA, DUA):
        expect(page.get_by_role("heading", name=seller)).to_be_visible()
    pia_line = page.locator("li").filter(has=page.get_by_role("link", name=PIA_4_STARS))
    expect(pia_line.locator("img")).to_have_count(1)  # alt="": its name is beside
    assert_fits_the_screen(page)
    journey.shot(page, "cart")
    quantity = page.get_by_label(f"Số lượng {PIA_4_STARS}")
    more = page.get_by_role("button", name=f"Thêm một: {PIA_4_STARS}")
    less = page.get_by_role("button", name=f"Bớt một: {PIA_4_STARS}")
    for control in (more, less, quantity):
        box = control.bounding_box()
        assert box["width"] >= TOUCH and box["height"] >= TOUCH, f"{control}: {box}"
    assert quantity.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16
    more.click()
    expect(page.get_by_label(f"Số lượng {PIA_4_STARS}")).to_have_value("2")
    page.get_by_role("button", name=f"Bớt một: {PIA_4_STARS}").click()
    expect(page.get_by_label(f"Số lượng {PIA_4_STARS}")).to_have_value("1")
    page.get_by_role("button", name=f"Bớt một: {DUA_4_STARS}").click()
    expect(page.get_by_text(f"Đã bỏ {DUA_4_STARS} khỏi giỏ hàng.")).to_be_visible()
    expect(page.get_by_role("heading", name=DUA)).to_have_count(0)
    assert_fits_the_screen(page)
    journey.shot(page, "cart-after-steps")
    assert_tappable(page.get_by_role("link", name="Đặt hàng", exact=True))

    # Checkout: the steps, 16 px inputs, the summary folded above the form.
    go_to_checkout(page)
    assert_fits_the_screen(page)
    journey.shot(page, "checkout")
    for step in ("Liên hệ", "Địa chỉ giao hàng", "Thanh toán", "Xem lại và đặt hàng"):
        expect(page.get_by_role("group", name=re.compile(step)).first).to_be_visible()
    name = page.get_by_label(re.compile(r"^\s*Họ và tên"))
    assert name.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16
    assert name.bounding_box()["height"] >= TOUCH
    toggle = page.locator("summary").filter(has_text="Xem đơn hàng")
    expect(toggle).to_be_visible()
    expect(visible(page.get_by_text(PIA_4_STARS))).not_to_be_visible()
    toggle.click()
    expect(visible(page.get_by_text(PIA_4_STARS))).to_be_visible()
    assert_tappable(page.get_by_role("button", name="Đặt hàng", exact=True))

    # On a wide screen the summary stands beside the form instead.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(toggle).not_to_be_visible()
    aside = page.get_by_role("complementary", name="Đơn hàng")
    expect(aside).to_be_visible()
    form_box = page.get_by_role("group", name=re.compile("Liên hệ")).bounding_box()
    assert aside.bounding_box()["x"] > form_box["x"] + form_box["width"]
    journey.shot(page, "checkout-wide")
    page.set_viewport_size(PHONE)
    fill_checkout(page, COD)
    place_order(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Cảm ơn")
    expect(page.get_by_role("list", name="Tiến trình đơn hàng")).to_be_visible()
    assert_fits_the_screen(page)
    journey.shot(page, "confirmation")
    link = page.get_by_role("link", name=re.compile("trạng thái đơn hàng", re.I))
    assert_tappable(link)
    link.click()
    timeline = page.get_by_role("list", name="Tiến trình đơn hàng")
    expect(timeline.locator("[aria-current=step]")).to_contain_text("Đã xác nhận")
    expect(page.get_by_text(PIA_4_STARS).first).to_be_visible()
    assert_fits_the_screen(page)
    journey.shot(page, "order")


def test_the_empty_cart_offers_a_way_back(journey):
    page = journey.new_page()
    page.goto("/gio-hang/")
    expect(page.get_by_text("Giỏ hàng của bạn đang trống.")).to_be_visible()
    action = page.get_by_role("link", name="Tiếp tục mua sắm")
    assert_tappable(action)
    assert_fits_the_screen(page)
    journey.shot(page, "empty-cart")
