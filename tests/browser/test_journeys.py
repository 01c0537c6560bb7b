"""A shopper on a phone, from the home page to an order found again on another phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import DUA, PIA, PIA_COMMUNE
from tests.browser.steps import (
    CARD,
    COD,
    SHOPPER,
    active_option,
    add_to_cart,
    field,
    field_text,
    fill_checkout,
    go_to_checkout,
    open_category,
    place_order,
    product_link,
    search_box,
    show_filters,
)

pytestmark = pytest.mark.browser

FOOD = "Thực phẩm chế biến"
PIA_4_STARS = "Bánh pía sầu riêng Phước Hậu"
PIA_3_STARS = "Bánh pía đậu xanh Phước Hậu"
DUA_4_STARS = "Mứt dừa non Tư Hiền"
STRIPE_CHECKOUT = "https://checkout.stripe.com/"


def _filter_four_stars_in_commune(page):
    four = page.get_by_role("checkbox", name="4 sao")
    show_filters(page, four)
    four.check()
    field(page, "Xã/phường").select_option(label=f"Phường {PIA_COMMUNE}")
    page.get_by_role("button", name="Lọc", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]sao=4"))
    expect(product_link(page, PIA_4_STARS)).to_be_visible()
    # 4★ elsewhere, and 3★ here, are filtered out.
    expect(product_link(page, DUA_4_STARS)).to_have_count(0)
    expect(product_link(page, PIA_3_STARS)).to_have_count(0)


def _pick_other_suggestion_by_keyboard(page, typed: str, current: str) -> str:
    """ArrowDown to the first suggested product other than the page shown, Enter."""
    box = search_box(page)
    box.click()
    box.press_sequentially(typed, delay=40)
    expect(page.get_by_role("listbox")).to_be_visible()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    for _ in range(options.count()):
        box.press("ArrowDown")
        option = active_option(page)
        expect(option).to_have_attribute("aria-selected", "true")
        text = option.inner_text()
        if "Bánh pía" in text and current not in text and PIA not in text:
            break
    else:
        pytest.fail(f"no other product among the suggestions for {typed!r}")
    box.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text(current)
    chosen = heading.inner_text()
    assert chosen in text
    return chosen


def test_shopper_buys_from_two_sellers_and_finds_the_order_on_another_phone(journey):
    page = journey.new_page()
    page.goto("/")
    journey.shot(page, "home")

    open_category(page, FOOD)
    journey.shot(page, "category")
    _filter_four_stars_in_commune(page)
    journey.shot(page, "filtered")

    product_link(page, PIA_4_STARS).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PIA_4_STARS)
    journey.shot(page, "product")

    # Typed without diacritics, as on most phone keyboards.
    chosen = _pick_other_suggestion_by_keyboard(page, "banh pia", PIA_4_STARS)
    assert chosen == PIA_3_STARS
    journey.shot(page, "suggested-product")
    add_to_cart(page)

    box = search_box(page)
    box.fill("mut dua")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=mut\+dua"))
    journey.shot(page, "search-results")
    product_link(page, DUA_4_STARS).first.click()
    add_to_cart(page)
    expect(page.get_by_role("heading", name=PIA)).to_be_visible()
    expect(page.get_by_role("heading", name=DUA)).to_be_visible()
    journey.shot(page, "cart")

    go_to_checkout(page)
    fill_checkout(page, COD)
    journey.shot(page, "checkout")
    place_order(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cảm ơn")
    journey.shot(page, "confirmation")

    page.get_by_role("link", name=re.compile("trạng thái đơn hàng", re.I)).click()
    expect(page).to_have_url(re.compile(r"/don-hang/[^/]+/$"))
    reference = page.url.rstrip("/").rsplit("/", 1)[1]
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    for seller in (PIA, DUA):
        expect(page.get_by_text(seller).first).to_be_visible()
    journey.shot(page, "order")

    # Another phone, no session: the reference as a shopper types it back.
    other = journey.new_page()
    other.goto("/don-hang/")
    journey.expect_status("/don-hang/", 400)  # refused: the phone does not match
    field(other, "Mã đơn hàng").fill(reference)
    field(other, "Số điện thoại").fill("0987 654 321")
    other.get_by_role("button", name="Tra cứu").click()
    expect(other.get_by_role("alert")).to_contain_text("Không tìm thấy đơn")
    expect(other.get_by_text(DUA_4_STARS)).to_have_count(0)
    field(other, "Mã đơn hàng").fill(f"  {reference.lower()} ")
    field(other, "Số điện thoại").fill(SHOPPER["phone"])
    other.get_by_role("button", name="Tra cứu").click()
    expect(other).to_have_url(re.compile(rf"/don-hang/{re.escape(reference)}/$"))
    expect(other.get_by_role("heading", level=1)).to_contain_text(reference)
    expect(other.get_by_text(DUA_4_STARS).first).to_be_visible()
    journey.shot(other, "order-looked-up")


def test_shopper_paying_by_card_reaches_stripe_checkout(journey, stripe_mock):
    page = journey.new_page()
    page.goto("/tim-kiem/?q=banh+pia")
    product_link(page, PIA_4_STARS).first.click()
    add_to_cart(page)
    go_to_checkout(page)
    fill_checkout(page, CARD)
    journey.shot(page, "checkout")

    # The browser follows the site's redirect itself (page.route is not asked
    # about redirect targets), and the closed network cannot resolve Stripe's
    # host: that one failure is the proof the browser went there.
    journey.expect_failure(STRIPE_CHECKOUT, "net::ERR_NAME_NOT_RESOLVED")
    with page.expect_event("requestfailed") as failed:
        place_order(page)
    stripe = failed.value
    assert stripe.url == stripe_mock["url"]
    assert stripe.url.startswith(STRIPE_CHECKOUT)
    assert stripe.is_navigation_request()
    placed = stripe.redirected_from
    assert (placed.method, placed.url) == ("POST", f"{journey.site.url}/thanh-toan/")
    assert placed.response().status == 303

    # The tab is left on Chromium's error page for the unreachable host: look at
    # the cart from a new tab of the same browser (same session cookie).
    page = page.context.new_page()
    page.goto("/gio-hang/")
    expect(page.get_by_text("Giỏ hàng của bạn đang trống.")).to_be_visible()
    journey.shot(page, "cart-emptied")


WRONG = {
    "Họ và tên": "A",
    "Số điện thoại": "12345",
    "Email": "lan@",
    "Số nhà, đường, ấp/khóm": "x",
}


def test_checkout_with_every_field_wrong_shows_each_error_by_its_field(journey):
    page = journey.new_page()
    page.goto("/tim-kiem/?q=mut+dua")
    product_link(page, DUA_4_STARS).first.click()
    add_to_cart(page)
    go_to_checkout(page)

    fields = {label: field(page, label) for label in WRONG}
    fields["commune"] = field(page, "Xã/phường")
    fields["payment"] = page.get_by_label(COD)
    note = field(page, "Ghi chú")
    before = {name: field_text(control) for name, control in fields.items()}
    for label, value in WRONG.items():
        fields[label].fill(value)
    note.fill("Gọi trước khi giao")
    place_order(page)

    expect(field(page, "Họ và tên")).to_be_visible()
    journey.shot(page, "errors")
    for name, control in fields.items():
        after = field_text(control)
        added = after.replace(before[name], "").strip()
        assert added and after != before[name], f"no error shown next to {name}"
    for label, value in WRONG.items():
        expect(field(page, label)).to_have_value(value)
    expect(note).to_have_value("Gọi trước khi giao")
