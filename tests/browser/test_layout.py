"""The phone layout a shopper sees on a 390×844 screen: nothing wider than the
screen, a compact header whose menu holds the categories and the order lookup,
the first products and the add-to-cart button in the first screen, filters folded
above the results with the chosen ones as removable chips, and suggestions that
open by keyboard and by a tap."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import PIA, PIA_COMMUNE
from tests.browser.conftest import PHONE
from tests.browser.steps import add_button, product_link, search_box, show_filters

pytestmark = pytest.mark.browser

FOOD = "Thực phẩm chế biến"
PIA_4_STARS = "Bánh pía sầu riêng Phước Hậu"
ORDER_LOOKUP = "Tra cứu đơn hàng"


def _menu_button(page):
    return page.get_by_role("banner").locator("summary", has_text="Danh mục")


def _assert_fits_the_phone(page, name: str) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth,"
        " window.innerWidth]"
    )
    assert widths[2] == PHONE["width"]
    assert max(widths[:2]) <= PHONE["width"], f"{name} scrolls sideways: {widths}"
    header = page.get_by_role("banner").bounding_box()
    assert header["height"] < 120, f"{name}: the header is {header['height']} px tall"


def _top(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not laid out"
    return box["y"]


def test_public_pages_fit_a_phone_with_the_first_things_in_the_first_screen(journey):
    page = journey.new_page()

    page.goto("/")
    _assert_fits_the_phone(page, "home")
    journey.shot(page, "home")

    visible_food = page.get_by_role("banner").get_by_role("link", name=FOOD)
    _menu_button(page).click()
    visible_food.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(FOOD)
    _assert_fits_the_phone(page, "category")
    first_card = page.get_by_role("article").first
    assert _top(first_card) < PHONE["height"], "first product below the first screen"
    journey.shot(page, "category")

    product_link(page, PIA_4_STARS).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PIA_4_STARS)
    _assert_fits_the_phone(page, "product")
    button = add_button(page)
    expect(button).to_be_in_viewport()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    # The bar stays in sight while the shopper reads further down.
    page.mouse.wheel(0, 1500)
    expect(button).to_be_in_viewport()
    journey.shot(page, "product")

    page.get_by_role("link", name=PIA, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PIA)
    _assert_fits_the_phone(page, "seller")
    journey.shot(page, "seller")

    page.get_by_role("link", name=re.compile(PIA_COMMUNE)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PIA_COMMUNE)
    _assert_fits_the_phone(page, "commune")
    journey.shot(page, "commune")

    page.goto("/tim-kiem/?q=banh+pia")
    _assert_fits_the_phone(page, "search")
    assert _top(page.get_by_role("article").first) < PHONE["height"]
    journey.shot(page, "search")


def test_menu_button_opens_the_categories_and_the_order_lookup(journey):
    page = journey.new_page()
    page.goto("/")
    banner = page.get_by_role("banner")
    lookup = banner.get_by_role("link", name=ORDER_LOOKUP)
    food = banner.get_by_role("link", name=FOOD)
    expect(food).to_be_hidden()
    expect(lookup).to_be_hidden()

    _menu_button(page).click()
    expect(food).to_be_visible()
    expect(lookup).to_be_visible()
    journey.shot(page, "menu-open")
    page.keyboard.press("Escape")
    expect(food).to_be_hidden()

    # The footer has it too.
    footer = page.get_by_role("contentinfo").get_by_role("link", name=ORDER_LOOKUP)
    expect(footer).to_be_visible()
    _menu_button(page).click()
    lookup.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ORDER_LOOKUP)


def test_filters_fold_above_the_results_and_show_as_removable_chips(journey):
    page = journey.new_page()
    page.goto("/")
    _menu_button(page).click()
    page.get_by_role("banner").get_by_role("link", name=FOOD).click()
    four = page.get_by_role("checkbox", name="4 sao")
    expect(four).to_be_hidden()  # folded on a phone
    first_card = page.get_by_role("article").first
    show_filters(page, four)
    four.check()
    page.get_by_role("button", name="Lọc", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]sao=4"))
    # The chosen filters show as chips; the panel is folded again, so the first
    # product stays on the first screen.
    chip = page.get_by_role("link", name=re.compile(r"4 sao.*bỏ lọc"))
    expect(chip).to_be_visible()
    expect(page.get_by_role("checkbox", name="4 sao")).to_be_hidden()
    expect(product_link(page, "Bánh pía đậu xanh Phước Hậu")).to_have_count(0)
    _assert_fits_the_phone(page, "filtered category")
    assert _top(first_card) < PHONE["height"]
    journey.shot(page, "chips")
    page.locator("summary", has_text="Bộ lọc").click()
    expect(page.get_by_role("checkbox", name="4 sao")).to_be_checked()
    journey.shot(page, "filtered")

    chip.click()
    expect(page).not_to_have_url(re.compile(r"sao=4"))
    expect(product_link(page, "Bánh pía đậu xanh Phước Hậu")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("bỏ lọc"))).to_have_count(0)


def test_suggestions_open_by_keyboard_and_by_a_tap(journey):
    page = journey.new_page()
    page.goto("/")
    box = search_box(page)
    box.click()
    box.press_sequentially("banh pia", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    journey.shot(page, "suggestions")
    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(page.get_by_role("option", selected=True)).to_have_count(1)
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially(" sau", delay=40)
    option = page.get_by_role("option", name=re.compile(PIA_4_STARS))
    option.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text(PIA_4_STARS)
