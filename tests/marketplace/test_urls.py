"""Issue 12's URLs: folded ASCII slugs, Vietnamese category URLs with permanent
redirects from the English ones, sitemap.xml, robots.txt and canonical links."""

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from catalog.models import CategoryPage, ProductPage
from marketplace.helpers.text import folded_slug
from search.params import PAGE_SIZE
from sellers.models import SellerPage
from tests.catalog.utils import product_row, run_import, write_csv
from tests.factories import ImageFactory, ProductPageFactory, SellerPageFactory
from tests.sellers.accounts import department_user, form_data

CATEGORY_URLS = {
    "handicraft": "/thu-cong-my-nghe/",
    "agro-aquatic": "/nong-thuy-san/",
    "processed-food": "/thuc-pham-che-bien/",
    "beverages": "/do-uong/",
    "household": "/hang-gia-dung/",
}


def canonical(html: str) -> str:
    links = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert len(links) == 1, links
    return links[0]


# -- folded slugs -------------------------------------------------------------------


def test_folded_slug_turns_vietnamese_into_ascii():
    assert folded_slug("Mứt mãng cầu Đông Hải") == "mut-mang-cau-dong-hai"
    assert folded_slug("ĐẶC SẢN  Trà Ôn – Vĩnh Long!") == "dac-san-tra-on-vinh-long"
    assert folded_slug("…") == "trang"


def test_product_added_in_the_admin_gets_a_folded_slug(site_root, client):
    seller = SellerPageFactory()
    client.force_login(department_user())
    url = reverse("wagtailadmin_pages:add", args=["catalog", "productpage", seller.pk])
    data = form_data(
        client,
        url,
        title="Mứt mãng cầu Đông Hải",
        # What the admin's JavaScript fills in from the title (Unicode allowed).
        slug="mứt-mãng-cầu-đông-hải",
        category=str(
            CategoryPage.objects.get(category__slug="processed-food").category_id
        ),
        price_vnd="85000",
        unit="hộp",
        **{
            "gallery_images-0-image": str(ImageFactory().pk),
            "gallery_images-0-alt_text": "Hũ mứt mãng cầu",
        },
    )

    response = client.post(url, data)

    assert response.status_code == 302
    page = ProductPage.objects.get(title="Mứt mãng cầu Đông Hải")
    assert page.slug == "mut-mang-cau-dong-hai"
    assert page.get_latest_revision_as_object().slug == "mut-mang-cau-dong-hai"
    assert page.url_path.endswith("/mut-mang-cau-dong-hai/")


def test_folded_slug_of_a_taken_title_gets_a_number(site_root):
    seller = SellerPageFactory()
    first = ProductPageFactory(parent=seller, title="Kẹo dừa Bến Tre", slug="")
    second = ProductPageFactory(parent=seller, title="Kẹo dừa Bến Tre", slug="")

    assert first.slug == "keo-dua-ben-tre"
    assert second.slug == "keo-dua-ben-tre-2"


def test_imported_products_and_sellers_get_folded_slugs(site_root, tmp_path):
    row = product_row(
        seller_name="Hợp tác xã Đông Thành", product_name="Mứt mãng cầu Đông Hải"
    )
    run_import(write_csv(tmp_path / "products.csv", [row]), "--publish")

    assert SellerPage.objects.get(title="Hợp tác xã Đông Thành").slug == (
        "hop-tac-xa-dong-thanh"
    )
    assert ProductPage.objects.get(title="Mứt mãng cầu Đông Hải").slug == (
        "mut-mang-cau-dong-hai"
    )


# -- category URLs ------------------------------------------------------------------


def test_category_pages_live_at_folded_vietnamese_names(site_root):
    urls = {page.category.slug: page.url for page in CategoryPage.objects.all()}
    assert urls == CATEGORY_URLS


@pytest.mark.parametrize(("key", "new_url"), CATEGORY_URLS.items())
def test_old_english_category_urls_redirect_permanently(
    site_root, client, key, new_url
):
    response = client.get(f"/{key}/")

    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_old_category_url_redirect_keeps_the_query_string(site_root, client):
    response = client.get("/processed-food/?sao=4&con_hang=1&trang=2")

    assert response.status_code == 301
    assert response["Location"] == "/thuc-pham-che-bien/?sao=4&con_hang=1&trang=2"


def test_redirect_middleware_leaves_other_redirects_alone(site_root, client):
    # APPEND_SLASH's own redirect, no Wagtail redirect involved: one query string.
    response = client.get("/thuc-pham-che-bien?sao=4")

    assert response.status_code == 301
    assert response["Location"] == "/thuc-pham-che-bien/?sao=4"


def test_site_setup_is_idempotent_for_category_redirects(site_root):
    from marketplace.site_setup import ensure_site_structure

    ensure_site_structure()

    assert Redirect.objects.filter(is_permanent=True).count() == len(CATEGORY_URLS)


def test_migration_moves_existing_english_category_pages_and_their_products(
    site_root, client
):
    # A site built before issue 12: the category page at its English key.
    category_page = CategoryPage.objects.get(category__slug="beverages")
    child = category_page.add_child(instance=Page(title="Ghi chú", slug="ghi-chu"))
    old_home = category_page.url_path.rsplit("/", 2)[0]
    Page.objects.filter(pk=category_page.pk).update(
        slug="beverages", url_path=f"{old_home}/beverages/"
    )
    Page.objects.filter(pk=child.pk).update(url_path=f"{old_home}/beverages/ghi-chu/")
    Redirect.objects.all().delete()
    migration = importlib.import_module(
        "marketplace.migrations.0004_vietnamese_category_slugs"
    )

    migration.rename_category_pages(apps, None)
    migration.rename_category_pages(apps, None)  # a second run changes nothing

    category_page.refresh_from_db()
    child.refresh_from_db()
    assert category_page.slug == "do-uong"
    assert category_page.url == "/do-uong/"
    assert child.url == "/do-uong/ghi-chu/"
    assert category_page.get_latest_revision_as_object().slug == "do-uong"
    assert client.get("/beverages/?trang=1")["Location"] == "/do-uong/?trang=1"
    assert Redirect.objects.count() == 1


# -- sitemap.xml and robots.txt -----------------------------------------------------


def test_sitemap_lists_public_live_pages_with_lastmod(site_root, client):
    seller = SellerPageFactory(title="Hợp tác xã Công Khai", slug="cong-khai")
    public = ProductPageFactory(parent=seller, slug="keo-dua-cong-khai")
    ProductPageFactory(parent=seller, slug="ban-nhap", publish=False, live=False)
    secret = ProductPageFactory(parent=seller, slug="co-mat-khau")
    PageViewRestriction.objects.create(
        page=secret, restriction_type="password", password="bi-mat-123"
    )
    hidden_seller = SellerPageFactory(slug="dang-nhap-moi-xem")
    ProductPageFactory(parent=hidden_seller, slug="duoi-trang-dang-nhap")
    PageViewRestriction.objects.create(page=hidden_seller, restriction_type="login")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert f"http://localhost{public.url}" in locations
    assert "http://localhost/thuc-pham-che-bien/" in locations
    assert "http://localhost/nguoi-ban/cong-khai/" in locations
    for hidden in ("ban-nhap", "co-mat-khau", "dang-nhap-moi-xem", "duoi-trang-dang"):
        assert not any(hidden in location for location in locations), hidden
    public.refresh_from_db()
    # The site's own date (Asia/Ho_Chi_Minh): from 17:00 UTC it is tomorrow's.
    published_on = timezone.localtime(public.last_published_at).date()
    assert f"<lastmod>{published_on.isoformat()}</lastmod>" in xml


def test_robots_txt_keeps_crawlers_out_of_private_paths(site_root, client):
    response = client.get("/robots.txt", headers={"host": "san-ocop.vn"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for path in ("/quan-tri/", "/gio-hang/", "/thanh-toan/", "/don-hang/", "/api/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://san-ocop.vn/sitemap.xml" in lines


# -- canonical links ----------------------------------------------------------------


def test_canonical_links_on_public_pages(site_root, client):
    product = ProductPageFactory()
    seller = product.seller

    assert canonical(client.get("/").content.decode()) == "http://testserver/"
    assert canonical(client.get(product.url).content.decode()) == (
        f"http://testserver{product.url}"
    )
    assert canonical(client.get(seller.url).content.decode()) == (
        f"http://testserver{seller.url}"
    )
    category = client.get(
        "/thuc-pham-che-bien/?utm_source=zalo&sao=4&sap_xep=price_asc"
    )
    assert (
        canonical(category.content.decode()) == "http://testserver/thuc-pham-che-bien/"
    )


def test_canonical_link_of_a_later_listing_page_keeps_the_page_number(
    site_root, client
):
    seller = SellerPageFactory()
    for _ in range(PAGE_SIZE + 1):
        ProductPageFactory(parent=seller, images=0)
    url = "/thuc-pham-che-bien/?trang={}&sap_xep=price_asc&utm_source=zalo"

    later = client.get(url.format(2)).content.decode()
    past_the_end = client.get(url.format(3)).content.decode()  # shows the last page

    assert canonical(later) == "http://testserver/thuc-pham-che-bien/?trang=2"
    assert canonical(past_the_end) == "http://testserver/thuc-pham-che-bien/?trang=2"


def test_search_results_are_noindex_without_canonical(site_root, client):
    html = client.get("/tim-kiem/?q=keo").content.decode()

    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'rel="canonical"' not in html
