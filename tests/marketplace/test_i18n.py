"""Vietnamese first, English available: shoppers' pages, the catalogue files, admin."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.marketplace.utils import read_po

EN_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """Pin the database listing (nothing listens on port 9); tests/search covers
    category pages served by the search engine."""
    settings.SEARCH_URL = "http://127.0.0.1:9"


def test_english_catalogue_translates_every_message():
    entries = read_po(EN_DIR / "django.po")

    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_english_catalogue_matches_the_po_file():
    with (EN_DIR / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in read_po(EN_DIR / "django.po"):
        if "msgid_plural" in entry:
            assert (
                compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                == entry["msgstr"]["0"]
            )
        elif "msgctxt" in entry:
            translated = compiled.pgettext(entry["msgctxt"], entry["msgid"])
            assert translated == entry["msgstr"]["0"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"]["0"]


@pytest.fixture
def product(site_root):
    product = ProductPageFactory(title="Kẹo dừa", price_vnd=125000, unit="kg", stock=0)
    OcopCertificateFactory(product=product, stars=4)
    return product


def test_pages_are_vietnamese_by_default(product, client):
    html = client.get(product.url).content.decode()

    assert '<html lang="vi">' in html
    assert "Bỏ qua, đến nội dung chính" in html
    assert "Hết hàng" in html
    assert "Người bán" in html


def test_language_switcher_turns_the_site_english(product, client):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": product.url}, follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Out of stock" in html
    assert "Processed food" in html  # the category's English name
    assert "125.000 ₫ / kg" in html
    assert "OCOP ★★★★" in html
    assert "Bỏ qua, đến nội dung chính" not in html


def test_browser_asking_for_english_still_gets_vietnamese(product, client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="vi">' in html
    assert "Người bán" in html


def test_english_choice_is_remembered_across_pages(product, client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    home = client.get("/").content.decode()
    category = client.get(product.category.page.url).content.decode()

    assert '<html lang="en">' in home
    assert "Sellers" in home and "Newest products" in home
    assert "Seller type" in category
    assert "Cooperative" in category
    assert "Price: low to high" in category


def test_wagtail_admin_speaks_vietnamese_to_a_vietnamese_editor(
    site_root, client, django_user_model
):
    editor = django_user_model.objects.create_superuser(
        "bien-tap", "bt@example.vn", "mat-khau-dai-123"
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "vi"
    profile.save()
    client.force_login(editor)

    html = client.get("/quan-tri/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'lang="vi"' in html
    assert "Trang tổng quan" in html
