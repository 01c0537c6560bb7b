"""What a shopper does, step by step, found the way a person finds things: by role,
label and visible name (no CSS classes), so the steps survive a redesign."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.catalogue import PIA_COMMUNE

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

SHOPPER = {
    "name": "Nguyễn Thị Lan",
    "phone": "0912 345 678",
    "email": "lan.nguyen@example.vn",
    "street": "12 đường Phạm Thái Bường, khóm 3",
}
COD = "Thanh toán khi nhận hàng (COD)"
CARD = re.compile("Stripe")

# The narrowest element around one form control (radios of one name count as one):
# its text is what a shopper reads next to that field.
_FIELD_BOX_JS = """
el => {
  const controls = 'input:not([type=hidden]), select, textarea';
  let box = el;
  while (box.parentElement && box.parentElement.tagName !== 'FORM' &&
         [...box.parentElement.querySelectorAll(controls)]
           .every(c => c === el || (el.name && c.name === el.name))) {
    box = box.parentElement;
  }
  const described = (el.getAttribute('aria-describedby') || '').split(/\\s+/)
    .map(id => id && document.getElementById(id))
    .filter(Boolean).map(node => node.innerText);
  return [box.innerText, ...described].join('\\n');
}
"""


def visible(locator: Locator) -> Locator:
    """The first match a shopper can see (a link may be in the header and footer)."""
    for index in range(locator.count()):
        if locator.nth(index).is_visible():
            return locator.nth(index)
    return locator.first


def open_category(page: Page, name: str) -> None:
    link = visible(page.get_by_role("link", name=name, exact=True))
    if not link.is_visible():
        # A phone layout may keep the categories behind a menu button.
        visible(
            page.get_by_role("button", name=re.compile("danh mục|menu", re.I))
        ).click()
        link = visible(page.get_by_role("link", name=name, exact=True))
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def show_filters(page: Page, control: Locator) -> None:
    """Open the filter panel when it is folded away."""
    if not control.is_visible():
        opener = page.get_by_role("button", name=re.compile("lọc", re.I))
        opener = opener.or_(
            page.locator("summary").filter(has_text=re.compile("lọc", re.I))
        )
        visible(opener).click()
    expect(control).to_be_visible()


def product_link(page: Page, title: str) -> Locator:
    return page.get_by_role("link", name=title)


def search_box(page: Page) -> Locator:
    return visible(page.get_by_role("combobox", name=re.compile("Tìm", re.I)))


def add_button(page: Page) -> Locator:
    """The add-to-cart button in sight (a sticky bar may repeat it)."""
    return visible(page.get_by_role("button", name="Thêm vào giỏ hàng"))


def add_to_cart(page: Page) -> None:
    title = page.get_by_role("heading", level=1).inner_text()
    add_button(page).click()
    expect(page.get_by_role("link", name=title).first).to_be_visible()


def go_to_checkout(page: Page) -> None:
    page.goto("/gio-hang/")
    action = page.get_by_role("link", name="Đặt hàng", exact=True)
    visible(action.or_(page.get_by_role("button", name="Đặt hàng", exact=True))).click()
    expect(field(page, "Họ và tên")).to_be_visible()


def field(page: Page, label: str) -> Locator:
    """The form control whose label starts with these words (a colon may follow)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}"))


def fill_checkout(page: Page, payment) -> None:
    field(page, "Họ và tên").fill(SHOPPER["name"])
    field(page, "Số điện thoại").fill(SHOPPER["phone"])
    field(page, "Email").fill(SHOPPER["email"])
    field(page, "Số nhà").fill(SHOPPER["street"])
    field(page, "Xã/phường").select_option(label=f"Phường {PIA_COMMUNE}")
    page.get_by_label(payment).check()
    # Consent per purpose: order handling is required, marketing stays off.
    field(page, "Đồng ý cho sàn và người bán xử lý dữ liệu").check()


def place_order(page: Page) -> None:
    page.get_by_role("button", name="Đặt hàng", exact=True).click()


def field_text(control: Locator) -> str:
    """What is written next to one form field (its box and aria-describedby)."""
    return control.evaluate(_FIELD_BOX_JS)


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until the target has the focus; fail when it never gets it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{target} not reached with {limit} presses of Tab")


def active_option(page: Page) -> Locator:
    """The suggestion the combobox points at (aria-activedescendant)."""
    option_id = search_box(page).get_attribute("aria-activedescendant")
    assert option_id, "no suggestion is active"
    return page.locator(f"[id='{option_id}']")


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now."""
    # Evaluated through DevTools, which the site's CSP (own scripts only) allows;
    # a script tag with axe's source inline would be refused, as it should be.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'])}"
        for v in violations
        if v["impact"] in impacts
    ]
