"""The Wagtail admin speaks Vietnamese to sellers who chose it, English to others.

Wagtail's own Vietnamese catalogue is incomplete: marketplace/admin_translations.py
lists the admin strings sellers meet and locale/vi/LC_MESSAGES/django.po translates
them."""

import ast
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from marketplace.site_setup import WORKFLOW_NAME
from tests.marketplace.utils import read_po
from tests.sellers.accounts import form_data, seller_with_editor

MODULE = Path(settings.BASE_DIR) / "marketplace" / "admin_translations.py"
SIDEBAR_PROPS = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
    re.DOTALL,
)


def listed_messages() -> list[tuple[str | None, str, str | None]]:
    """(context, msgid, plural) of every message the module marks."""
    messages = []
    for node in ast.walk(ast.parse(MODULE.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = [arg.value for arg in node.args]
        if node.func.id == "gettext_noop":
            messages.append((None, args[0], None))
        elif node.func.id == "ngettext_lazy":
            messages.append((None, args[0], args[1]))
        elif node.func.id == "pgettext_lazy":
            messages.append((args[0], args[1], None))
        elif node.func.id == "npgettext_lazy":
            messages.append((args[0], args[1], args[2]))
    return messages


def wagtail_messages() -> set[tuple[str | None, str, str | None]]:
    """(context, msgid, plural) of every message in Wagtail's own catalogues."""
    root = Path(wagtail.__file__).parent
    return {
        (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
        for path in root.glob("**/locale/en/LC_MESSAGES/django.po")
        for entry in read_po(path)
    }


def translate(message: tuple[str | None, str, str | None]) -> str:
    context, msgid, plural = message
    if plural is None:
        if context is None:
            return translation.gettext(msgid)
        return translation.pgettext(context, msgid)
    if context is None:
        return translation.ngettext(msgid, plural, 2)
    return translation.npgettext(context, msgid, plural, 2)


def test_listed_messages_are_wagtail_messages():
    """A msgid that differs from Wagtail's by one character is never used."""
    messages = listed_messages()

    assert len(messages) >= 150
    assert len(set(messages)) == len(messages)
    assert [m for m in messages if m not in wagtail_messages()] == []


def test_listed_messages_read_vietnamese_and_stay_english():
    messages = listed_messages()

    with translation.override("vi"):
        untranslated = [m for m in messages if translate(m) == (m[2] or m[1])]
    with translation.override("en"):
        changed = [m for m in messages if translate(m) != (m[2] or m[1])]

    assert untranslated == []
    assert changed == []


@pytest.fixture
def shop(site_root):
    _seller, product, editor = seller_with_editor("hop-tac-xa-dua")
    return product, editor


def _log_in(client, user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


def _menu_labels(html: str) -> set[str]:
    """Labels of the sidebar menu, which the admin sends as JSON for its script."""
    labels: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                labels.add(value["label"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    match = SIDEBAR_PROPS.search(html)
    assert match, "no sidebar in the page"
    walk(json.loads(match.group(1)))
    return labels


def test_seller_edits_own_product_in_vietnamese(client, shop):
    product, editor = shop
    _log_in(client, editor, "vi")

    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'lang="vi"' in html
    assert ">Lưu nháp</em>" in html
    assert f"Gửi tới {WORKFLOW_NAME}" in html
    assert "Xem trước" in html
    assert "Save draft" not in html
    assert "Submit to" not in html


def test_seller_main_menu_is_vietnamese(client, shop):
    _product, editor = shop
    _log_in(client, editor, "vi")

    labels = _menu_labels(client.get("/quan-tri/").content.decode())

    assert {"Trang", "Hình ảnh", "Tài liệu", "Trợ giúp", "Đăng xuất"} <= labels
    assert not {"Pages", "Images", "Documents", "Help", "Log out"} & labels


def test_seller_saving_a_draft_is_told_in_vietnamese(client, shop):
    product, editor = shop
    _log_in(client, editor, "vi")
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(
        url, form_data(client, url, title="Kẹo dừa lá dứa"), follow=True
    )

    assert "Trang &#x27;Kẹo dừa lá dứa&#x27; đã được cập nhật." in (
        response.content.decode()
    )


def test_english_editor_still_sees_english(client, shop):
    product, editor = shop
    _log_in(client, editor, "en")

    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    assert 'lang="en"' in html
    assert ">Save draft</em>" in html
    assert f"Submit to {WORKFLOW_NAME}" in html
    assert "Lưu nháp" not in html
    assert {"Pages", "Images", "Documents", "Help", "Log out"} <= _menu_labels(html)


# English strings a seller met in the admin before it spoke Vietnamese (issue 13).
ENGLISH = (
    "Password",
    "You don't have permission to publish this page",
    "Dashboard",
    "Save draft",
    "Submit to",
    "Preview",
    "Toggle section",
    "Choose an image",
    "Choose a document",
    "Your most recent edits",
    "Account",
    "Log out",
    "localhost",
)
SITE_NAME = "Sàn OCOP Vĩnh Long"


def _english_in(html: str) -> list[str]:
    # The SVG sprite and the icons' names are not text a seller reads.
    text = re.sub(r"<svg.*?</svg>", "", html, flags=re.DOTALL)
    # Whole words: "togglePreviewSize" in a script's data attribute is not text.
    return [
        phrase
        for phrase in ENGLISH
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    ]


@pytest.mark.parametrize(
    "view",
    [
        "wagtailadmin_home",
        "edit",
        "wagtailimages_chooser:choose",
        "wagtaildocs_chooser:choose",
        "wagtailadmin_account",
    ],
)
def test_seller_meets_no_english_and_the_sites_name(client, shop, view):
    product, editor = shop
    _log_in(client, editor, "vi")
    if view == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    else:
        url = reverse(view)

    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        html = json.loads(html)["html"]

    assert response.status_code == 200
    assert _english_in(html) == []
    if view != "wagtailimages_chooser:choose" and "chooser" not in view:
        assert SITE_NAME in html


def test_admin_javascript_speaks_vietnamese_to_sellers(client, shop):
    _product, editor = shop
    _log_in(client, editor, "vi")

    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    for vietnamese in ("Mở rộng tất cả", "Thao tác khác", "Menu chính", "Đang tải"):
        assert json.dumps(vietnamese)[1:-1] in catalogue
