"""A seller's staff in the admin on a phone: the dashboard and the product form fit
the 390-pixel screen (no sideways scrolling of the page)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.catalogue import SELLER_LOGIN

pytestmark = pytest.mark.browser

PRODUCT = "Mứt dừa non Tư Hiền"
# Wider than the viewport by more than a rounding pixel: the page scrolls sideways.
NO_SIDEWAYS_SCROLL = (
    "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
)


def _log_in(page) -> None:
    username, password = SELLER_LOGIN
    page.goto("/quan-tri/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Cửa hàng của bạn")).to_be_visible()


def test_seller_dashboard_and_product_form_fit_a_phone(journey):
    page = journey.new_page()
    _log_in(page)

    assert page.evaluate(NO_SIDEWAYS_SCROLL), journey.shot(page, "dashboard")
    expect(page.get_by_text("Sàn OCOP Vĩnh Long").first).to_be_attached()

    # The shop's products, from the dashboard's count, then the product's form.
    page.get_by_role("link", name=re.compile("đang bán")).click()
    page.get_by_role("link", name=PRODUCT).first.click()
    expect(page.get_by_role("heading", name="Chứng nhận OCOP 1")).to_be_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), journey.shot(page, "product form")
