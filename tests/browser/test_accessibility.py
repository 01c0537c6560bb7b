"""axe-core on every public page of the buying path, and the path by keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import PIA
from tests.browser.steps import (
    COD,
    active_option,
    add_button,
    add_to_cart,
    axe_violations,
    fill_checkout,
    go_to_checkout,
    open_category,
    place_order,
    product_link,
    search_box,
    show_filters,
    tab_to,
    visible,
)

pytestmark = pytest.mark.browser

FOOD = "Thực phẩm chế biến"
PIA_4_STARS = "Bánh pía sầu riêng Phước Hậu"


def test_pages_of_the_buying_path_have_no_serious_accessibility_violations(journey):
    page = journey.new_page()
    found = {}

    def audit(name: str) -> None:
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        journey.shot(page, name)
        found[name] = axe_violations(page)

    page.goto("/")
    audit("home")
    open_category(page, FOOD)
    audit("category")
    product_link(page, PIA_4_STARS).first.click()
    audit("product")
    page.get_by_role("link", name=PIA, exact=True).first.click()
    audit("seller")
    page.goto("/tim-kiem/?q=banh+pia")
    audit("search")
    product_link(page, PIA_4_STARS).first.click()
    add_to_cart(page)
    audit("cart")
    go_to_checkout(page)
    audit("checkout")
    fill_checkout(page, COD)
    place_order(page)
    page.get_by_role("link", name=re.compile("trạng thái đơn hàng", re.I)).click()
    audit("order")

    failing = {name: issues for name, issues in found.items() if issues}
    assert not failing, "\n".join(
        f"{name}: {issue}" for name, issues in failing.items() for issue in issues
    )


def test_keyboard_alone_searches_filters_and_adds_to_cart(journey):
    page = journey.new_page()
    page.goto("/")
    box = search_box(page)
    tab_to(page, box)
    page.keyboard.type("banh pia", delay=40)
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    chosen = active_option(page)
    expect(chosen).to_have_attribute("aria-selected", "true")
    product_text = chosen.inner_text()
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile("Bánh pía"))
    assert heading.inner_text() in product_text
    journey.shot(page, "suggestion-opened")

    title = heading.inner_text()
    tab_to(page, add_button(page))
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=title).first).to_be_visible()
    journey.shot(page, "added")

    tab_to(page, visible(page.get_by_role("link", name=FOOD, exact=True)))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(FOOD)
    four = page.get_by_role("checkbox", name="4 sao")
    show_filters(page, four)
    tab_to(page, four)
    page.keyboard.press("Space")
    expect(four).to_be_checked()
    tab_to(page, visible(page.get_by_role("button", name="Lọc", exact=True)))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]sao=4"))
    # The panel folds away again; the chosen filter shows as a chip.
    expect(page.get_by_role("link", name=re.compile(r"4 sao.*bỏ lọc"))).to_be_visible()
    expect(product_link(page, PIA_4_STARS)).to_be_visible()
    expect(product_link(page, "Bánh pía đậu xanh Phước Hậu")).to_have_count(0)
    journey.shot(page, "filtered")
