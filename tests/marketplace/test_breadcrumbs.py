"""Every page below the home page shows where it sits: Trang chủ › … › the page,
named as the site menu names its sections (marketplace/breadcrumbs.py)."""

import json
import re

import pytest

from catalog.models import CategoryPage
from sellers.models import SellerIndexPage
from tests.factories import ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


def crumbs(html: str) -> list[tuple[str, str | None]]:
    """``(text, href)`` of each crumb; the current page has no link."""
    nav = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.DOTALL).group(0)
    found = []
    for item in re.findall(r"<li>(.*?)</li>", nav, re.DOTALL):
        link = re.search(r'<a href="([^"]*)">(.*?)</a>', item)
        if link:
            found.append((link.group(2), link.group(1)))
        else:
            found.append((re.sub(r"<[^>]+>", "", item), None))
    return found


def test_seller_page_crumbs_lead_through_the_directory(site_root, client):
    seller = SellerPageFactory(title="HTX Bưởi Năm Roi")

    html = client.get(seller.url).content.decode()

    assert crumbs(html) == [
        ("Trang chủ", "/"),
        ("Người bán", "/nguoi-ban/"),
        ("HTX Bưởi Năm Roi", None),
    ]


def test_product_page_crumbs_lead_through_its_category_and_seller(site_root, client):
    product = ProductPageFactory(title="Kẹo dừa sữa")
    category_page = CategoryPage.objects.get(category=product.category)

    html = client.get(product.url).content.decode()

    expected = [
        ("Trang chủ", "/"),
        (product.category.name, category_page.url),
        (product.seller.title, product.seller.url),
        ("Kẹo dừa sữa", None),
    ]
    assert crumbs(html) == expected
    data = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html
        )
    ]
    trail = next(item for item in data if item["@type"] == "BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == [
        name for name, _url in expected
    ]
    assert trail["itemListElement"][-1]["item"] == f"http://testserver{product.url}"


def test_product_of_an_unpublished_category_page_skips_the_category(site_root, client):
    product = ProductPageFactory()
    CategoryPage.objects.get(category=product.category).unpublish()

    names = [name for name, _url in crumbs(client.get(product.url).content.decode())]

    assert names == ["Trang chủ", product.seller.title, product.title]


def test_section_pages_are_named_as_the_menu_names_them(site_root, client):
    category_page = CategoryPage.objects.select_related("category").first()

    category_html = client.get(category_page.url).content.decode()
    directory_html = client.get("/nguoi-ban/").content.decode()

    assert crumbs(category_html) == [
        ("Trang chủ", "/"),
        (category_page.category.name, None),
    ]
    assert crumbs(directory_html) == [("Trang chủ", "/"), ("Người bán", None)]


def test_crumbs_speak_english_when_the_shopper_chose_it(site_root, client):
    seller = SellerPageFactory()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    names = [name for name, _url in crumbs(client.get(seller.url).content.decode())]

    assert names[1] == "Sellers"
    assert names[2] == seller.title


def test_pages_deeper_than_a_section_are_named_from_the_tree(site_root, client):
    category_page = CategoryPage.objects.first()
    featured = category_page.add_child(
        instance=SellerIndexPage(title="Nhà cung cấp nổi bật", slug="noi-bat")
    )
    featured.save_revision().publish()
    seller = SellerPageFactory(parent=featured, title="HTX Nổi Bật")

    html = client.get(seller.url).content.decode()

    assert crumbs(html) == [
        ("Trang chủ", "/"),
        (category_page.category.name, category_page.url),
        ("Nhà cung cấp nổi bật", featured.url),
        ("HTX Nổi Bật", None),
    ]


def test_the_home_page_has_no_crumbs(site_root, client):
    assert 'class="breadcrumbs' not in client.get("/").content.decode()
