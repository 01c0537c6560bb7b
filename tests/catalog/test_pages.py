"""What shoppers see on product, category and seller pages."""

import datetime
import json
import re

import pytest
from django.template.loader import get_template
from django.utils import timezone, translation

from catalog.models import (
    Category,
    Certification,
    ProductPage,
    RuralIndustrialAward,
)
from sellers.models import AdminUnit, SellerPage, SellerType
from tests.factories import (
    ImageFactory,
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """Pin the database listing (nothing listens on port 9); tests/search covers
    category pages served by the search engine."""
    settings.SEARCH_URL = "http://127.0.0.1:9"


def json_ld_blocks(html: str) -> list[dict]:
    return [json.loads(block) for block in JSON_LD.findall(html)]


def product_json_ld(html: str) -> dict:
    return next(b for b in json_ld_blocks(html) if b["@type"] == "Product")


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title">(.*?)</h3>', response.content.decode())


@pytest.fixture
def certified_product(site_root):
    seller = SellerPageFactory(
        title="Hợp tác xã Kẹo dừa Thanh Long",
        representative="Nguyễn Văn An",
        phone="+84912345678",
        email="htx@example.vn",
        street_line="Ấp 3",
        year_founded=2015,
        members=25,
    )
    product = ProductPageFactory(
        parent=seller,
        title="Kẹo dừa sữa",
        price_vnd=125000,
        unit="kg",
        pack_size="Hộp 500 g",
        min_order=2,
        ingredients="Dừa, đường, sữa",
        shelf_life="6 tháng",
        storage="Nơi khô ráo",
        images=2,
    )
    OcopCertificateFactory(
        product=product,
        stars=4,
        decision_number="1234/QĐ-UBND",
        decision_date=datetime.date(2024, 3, 15),
    )
    return product


def test_product_page_shows_price_badge_seller_and_breadcrumbs(
    certified_product, client
):
    response = client.get(certified_product.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "125.000 ₫ / kg" in html
    assert "OCOP ★★★★" in html
    assert f'href="{certified_product.seller.url}"' in html
    assert "Hộp 500 g" in html
    assert "Còn hàng" in html
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.DOTALL).group(0)
    assert "Trang chủ" in crumbs
    assert "Thực phẩm chế biến" in crumbs
    assert "Hợp tác xã Kẹo dừa Thanh Long" in crumbs
    assert 'aria-current="page">Kẹo dừa sữa' in crumbs


def test_product_page_shows_certificate_details_in_vietnamese_dates(
    certified_product, client
):
    html = client.get(certified_product.url).content.decode()

    assert "1234/QĐ-UBND" in html
    assert "15/03/2024" in html
    assert "15/03/2027" in html  # decision date + 36 months
    assert "Cấp tỉnh" in html


def test_product_page_lists_award_certifications_tags_and_origin(
    certified_product, client
):
    RuralIndustrialAward.objects.create(
        product=certified_product,
        level="province",
        year=2023,
        verified_at=timezone.now(),
    )
    certified_product.certifications.add(
        Certification.objects.get_or_create(code="vietgap", name="VietGAP")[0]
    )
    certified_product.tags.add("quà Tết")
    certified_product.origin_commune = AdminUnit.objects.order_by("code").first()
    certified_product.save_revision().publish()

    html = client.get(certified_product.url).content.decode()

    assert "Sản phẩm công nghiệp nông thôn tiêu biểu" in html
    assert "2023" in html
    assert "VietGAP" in html
    assert "quà Tết" in html
    assert certified_product.origin_commune.full_name in html
    assert "Dừa, đường, sữa" in html


def test_product_json_ld_is_a_product_with_a_vnd_offer_and_certification(
    certified_product, client
):
    html = client.get(certified_product.url).content.decode()

    data = product_json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Kẹo dừa sữa"
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["priceCurrency"] == "VND"
    assert data["offers"]["price"] == 125000
    assert isinstance(data["offers"]["price"], int)
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["url"].startswith("http://testserver/")
    assert data["brand"]["name"] == "Hợp tác xã Kẹo dừa Thanh Long"
    assert data["hasCertification"]["certificationRating"]["ratingValue"] == 4
    assert data["image"][0].startswith("http://testserver/media/")
    breadcrumbs = next(
        b for b in json_ld_blocks(html) if b["@type"] == "BreadcrumbList"
    )
    assert [item["position"] for item in breadcrumbs["itemListElement"]] == [1, 2, 3, 4]


def test_json_ld_cannot_be_broken_out_of_by_a_product_title(site_root, client):
    product = ProductPageFactory(title="Kẹo </script><script>alert(1)</script>")

    html = client.get(product.url).content.decode()

    assert "<script>alert(1)" not in html
    assert product_json_ld(html)["name"] == product.title


def test_product_page_has_open_graph_tags_with_an_absolute_image(
    certified_product, client
):
    html = client.get(certified_product.url).content.decode()

    assert '<meta property="og:type" content="product">' in html
    assert '<meta property="og:title" content="Kẹo dừa sữa">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert image and image.group(1).startswith("http://testserver/media/")
    assert 'property="og:description"' in html


def test_product_gallery_serves_webp_renditions_with_alt_text(
    certified_product, client
):
    html = client.get(certified_product.url).content.decode()

    gallery = re.search(r'<ul class="gallery".*?</ul>', html, re.DOTALL).group(0)
    assert gallery.count("<img") == 2
    assert "srcset=" in gallery
    assert ".webp" in gallery
    assert 'alt="Ảnh 1"' in gallery
    assert 'width="' in gallery and 'height="' in gallery


def test_product_gallery_offers_three_sizes_and_a_thumbnail_per_image(
    certified_product, client
):
    html = client.get(certified_product.url).content.decode()

    gallery = re.search(r'<ul class="gallery".*?</ul>', html, re.DOTALL).group(0)
    first, second = re.findall(r"<img[^>]*>", gallery)
    assert len(re.findall(r"\.webp \d+w", first)) == 3
    assert 'fetchpriority="high"' in first and 'loading="lazy"' in second
    thumbs = re.search(r'<ul class="gallery__thumbs".*?</ul>', html, re.DOTALL)
    assert thumbs.group(0).count('href="#anh-') == 2
    assert thumbs.group(0).count(".webp") == 2


def test_product_page_seller_card_shows_the_sellers_logo(site_root, client):
    seller = SellerPageFactory(logo=ImageFactory())
    product = ProductPageFactory(parent=seller)

    html = client.get(product.url).content.decode()

    card = re.search(r'<div class="seller-card">.*?</div>', html, re.DOTALL).group(0)
    logo = re.search(r'<img[^>]*class="seller-card__logo"[^>]*>', card).group(0)
    assert "fill-160x160.format-webp" in logo


def test_badge_disappears_when_the_certificate_expires(site_root, client):
    product = ProductPageFactory()
    OcopCertificateFactory(
        product=product,
        decision_date=datetime.date(2020, 1, 10),
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    html = client.get(product.url).content.decode()

    assert "OCOP ★" not in html
    assert "hasCertification" not in html


def test_badge_hidden_until_the_department_verifies_the_certificate(site_root, client):
    product = ProductPageFactory()
    certificate = OcopCertificateFactory(product=product, stars=5, verified_at=None)

    assert "OCOP ★★★★★" not in client.get(product.url).content.decode()

    certificate.verify(user=None)
    assert "OCOP ★★★★★" in client.get(product.url).content.decode()


def test_out_of_stock_product_says_het_hang_everywhere(site_root, client):
    product = ProductPageFactory(title="Bánh tráng", stock=0)
    category_page = product.category.page

    product_html = client.get(product.url).content.decode()
    category_html = client.get(category_page.url).content.decode()

    assert "Hết hàng" in product_html
    assert "https://schema.org/OutOfStock" in product_html
    assert "card--out-of-stock" in category_html
    assert "Hết hàng" in category_html


def test_related_products_link_to_other_products_of_the_category(
    certified_product, client
):
    other = ProductPageFactory(title="Bánh phồng sữa")

    html = client.get(certified_product.url).content.decode()

    assert "Sản phẩm cùng danh mục" in html
    assert f'href="{other.url}"' in html


def test_related_products_are_the_four_latest_of_the_same_category(
    certified_product, client
):
    older, *latest = [ProductPageFactory(title=f"Bánh số {n}") for n in range(5)]
    drink = ProductPageFactory(
        title="Rượu nếp", category=Category.objects.get(slug="beverages")
    )

    html = client.get(certified_product.url).content.decode()

    related = html[html.index('id="related-heading"') :]
    titles = re.findall(r'<h3 class="card__title">([^<]+)</h3>', related)
    assert titles == [page.title for page in reversed(latest)]
    assert older.title not in related and drink.title not in related


def test_related_cards_show_their_own_cover_and_stars(certified_product, client):
    five_star = ProductPageFactory(title="Bánh tét lá cẩm")
    OcopCertificateFactory(product=five_star, stars=5)
    expired = ProductPageFactory(title="Bánh ít lá gai")
    OcopCertificateFactory(
        product=expired,
        stars=3,
        decision_date=timezone.localdate() - datetime.timedelta(days=2000),
    )

    html = client.get(certified_product.url).content.decode()

    related = html[html.index('id="related-heading"') :]
    cards = {
        re.search(r'class="card__title">([^<]+)<', card).group(1): card
        for card in re.findall(
            r"<article class=\"card.*?</article>", related, re.DOTALL
        )
    }
    assert set(cards) == {five_star.title, expired.title}
    assert "OCOP 5 sao" in cards[five_star.title]
    assert "ocop-badge" not in cards[expired.title]
    assert all(".webp" in card for card in cards.values())


# -- category page --------------------------------------------------------------


@pytest.fixture
def category_products(site_root):
    """Four products in one category with different stars, prices, sellers."""
    communes = list(AdminUnit.objects.order_by("code")[:2])
    coop = SellerPageFactory(seller_type=SellerType.COOPERATIVE, commune=communes[0])
    household = SellerPageFactory(
        seller_type=SellerType.HOUSEHOLD_BUSINESS, commune=communes[1], members=None
    )
    cheap = ProductPageFactory(parent=coop, title="Mắm rẻ", price_vnd=30000)
    mid = ProductPageFactory(parent=coop, title="Mắm vừa", price_vnd=90000)
    dear = ProductPageFactory(
        parent=household, title="Mắm đắt", price_vnd=250000, stock=0
    )
    expired = ProductPageFactory(parent=household, title="Mắm hết hạn", price_vnd=60000)
    OcopCertificateFactory(product=cheap, stars=3)
    OcopCertificateFactory(product=mid, stars=4)
    OcopCertificateFactory(product=dear, stars=5)
    OcopCertificateFactory(
        product=expired,
        stars=4,
        decision_date=datetime.date(2019, 1, 1),
        expires_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    return {
        "page": cheap.category.page,
        "communes": communes,
        "cheap": cheap,
        "mid": mid,
        "dear": dear,
        "expired": expired,
    }


def test_category_page_lists_products_with_count_and_filter_form(
    category_products, client
):
    response = client.get(category_products["page"].url)

    html = response.content.decode()
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(
        ["Mắm rẻ", "Mắm vừa", "Mắm đắt", "Mắm hết hạn"]
    )
    assert "4 sản phẩm" in html
    assert '<form class="filters" method="get"' in html
    for name in ("sao", "xa", "loai", "gia_tu", "gia_den", "con_hang", "sap_xep"):
        assert f'name="{name}"' in html
    assert "30.000 ₫ / kg" in html


def test_stars_filter_excludes_expired_certificates(category_products, client):
    url = category_products["page"].url

    four_stars = titles(client.get(url, {"sao": "4"}))
    three_or_five = titles(client.get(url, {"sao": ["3", "5"]}))

    assert four_stars == ["Mắm vừa"]
    assert sorted(three_or_five) == ["Mắm rẻ", "Mắm đắt"]


def test_price_range_filter(category_products, client):
    found = titles(
        client.get(
            category_products["page"].url, {"gia_tu": "50000", "gia_den": "100000"}
        )
    )

    assert sorted(found) == ["Mắm hết hạn", "Mắm vừa"]


def test_commune_filter_uses_the_sellers_commune(category_products, client):
    second = category_products["communes"][1]

    response = client.get(category_products["page"].url, {"xa": second.code})

    assert sorted(titles(response)) == ["Mắm hết hạn", "Mắm đắt"]
    assert f'<option value="{second.code}" selected>' in response.content.decode()


def test_chosen_filters_show_as_chips_whose_links_remove_them(
    category_products, client
):
    url = category_products["page"].url
    second = category_products["communes"][1]

    response = client.get(url, {"sao": ["3", "5"], "xa": second.code, "gia_tu": 20000})
    chips = {c["label"]: c["remove_url"] for c in response.context["filter_chips"]}

    assert list(chips) == ["3 sao", "5 sao", second.full_name, "Từ 20.000 ₫"]
    assert 'class="chip"' in response.content.decode()
    assert titles(response) == ["Mắm đắt"]
    # Removing "5 sao" keeps the other filters; the chip of the commune drops it.
    assert titles(client.get(url + chips["5 sao"])) == []
    assert sorted(titles(client.get(url + chips[second.full_name]))) == [
        "Mắm rẻ",
        "Mắm đắt",
    ]
    assert client.get(url).context["filter_chips"] == []


def test_seller_type_filter(category_products, client):
    found = titles(client.get(category_products["page"].url, {"loai": "cooperative"}))

    assert sorted(found) == ["Mắm rẻ", "Mắm vừa"]


def test_in_stock_filter_hides_sold_out_products(category_products, client):
    found = titles(client.get(category_products["page"].url, {"con_hang": "1"}))

    assert "Mắm đắt" not in found
    assert len(found) == 3


def test_sorting_by_price_and_stars(category_products, client):
    url = category_products["page"].url

    ascending = titles(client.get(url, {"sap_xep": "price_asc"}))
    descending = titles(client.get(url, {"sap_xep": "price_desc"}))
    by_stars = titles(client.get(url, {"sap_xep": "stars"}))

    assert ascending == ["Mắm rẻ", "Mắm hết hạn", "Mắm vừa", "Mắm đắt"]
    assert descending == list(reversed(ascending))
    assert by_stars[:3] == ["Mắm đắt", "Mắm vừa", "Mắm rẻ"]


def test_filter_form_remembers_the_choices(category_products, client):
    html = client.get(
        category_products["page"].url,
        {"sao": "4", "gia_tu": "1000", "con_hang": "1", "sap_xep": "price_desc"},
    ).content.decode()

    assert 'name="sao" value="4" checked' in html
    assert 'name="gia_tu" min="0" step="1000" inputmode="numeric" value="1000"' in html
    assert 'name="con_hang" value="1" checked' in html
    assert '<option value="price_desc" selected>' in html


def test_pagination_keeps_the_filters(site_root, client, settings):
    seller = SellerPageFactory()
    for index in range(26):
        ProductPageFactory(parent=seller, title=f"Mật ong {index:02d}")
    page = seller.get_children().first().specific.category.page

    first = client.get(page.url, {"loai": "cooperative", "sap_xep": "price_asc"})
    second = client.get(
        page.url, {"loai": "cooperative", "sap_xep": "price_asc", "trang": "2"}
    )

    html = first.content.decode()
    assert len(titles(first)) == 24
    assert len(titles(second)) == 2
    assert "loai=cooperative&amp;sap_xep=price_asc&amp;trang=2" in html
    assert 'rel="next"' in html


def test_empty_filter_result_explains_instead_of_an_empty_grid(
    category_products, client
):
    html = client.get(
        category_products["page"].url, {"gia_tu": "900000000"}
    ).content.decode()

    assert "Không có sản phẩm phù hợp" in html
    assert "0 sản phẩm" in html


@pytest.mark.parametrize(
    "params",
    [
        {"sao": "abc", "gia_tu": "-5", "trang": "999999"},
        {"gia_den": "1e9", "xa": "<script>", "loai": "hacker", "sap_xep": "drop"},
        {"trang": "-1", "con_hang": "yes", "gia_tu": "12.5"},
        {"trang": "99999999999999999999999", "sao": "6"},
    ],
)
def test_garbage_filter_parameters_never_cause_an_error(
    category_products, client, params
):
    response = client.get(category_products["page"].url, params)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]


# -- sellers -------------------------------------------------------------------


def test_seller_page_shows_profile_and_links_to_its_products(certified_product, client):
    seller = certified_product.seller

    response = client.get(seller.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hợp tác xã Kẹo dừa Thanh Long" in html
    assert "Nguyễn Văn An" in html
    assert "0912 345 678" in html
    assert "htx@example.vn" in html
    assert seller.commune.full_name in html
    assert "tỉnh Vĩnh Long" in html
    assert "2015" in html
    assert "Đã xác minh" in html
    assert f'href="{certified_product.url}"' in html
    assert "OCOP ★★★★" in html


def test_seller_directory_filters_by_type_and_paginates(site_root, client):
    for _index in range(31):
        SellerPageFactory(seller_type=SellerType.COOPERATIVE)
    SellerPageFactory(
        title="Hộ kinh doanh Bà Năm", seller_type=SellerType.HOUSEHOLD_BUSINESS
    )
    directory_url = "/nguoi-ban/"

    everyone = client.get(directory_url)
    households = client.get(directory_url, {"loai": "household_business"})
    page_two = client.get(directory_url, {"loai": "cooperative", "trang": "2"})
    garbage = client.get(directory_url, {"loai": "x", "trang": "abc"})

    assert everyone.status_code == 200
    assert "32 cơ sở" in everyone.content.decode()
    assert "trang=2" in everyone.content.decode()
    households_html = households.content.decode()
    assert "Hộ kinh doanh Bà Năm" in households_html
    assert "1 cơ sở" in households_html
    assert page_two.content.decode().count('class="seller-item"') == 1
    assert "loai=cooperative&amp;trang=1" in page_two.content.decode()
    assert garbage.status_code == 200


# -- error pages ---------------------------------------------------------------


def test_missing_page_renders_the_friendly_404(site_root, client):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_500_template_renders_without_request_or_database():
    # No db fixture: any query the template made would raise here.
    with translation.override("vi"):
        vietnamese = get_template("500.html").render({})
    with translation.override("en"):
        english = get_template("500.html").render({})

    assert "Xin lỗi, đã có lỗi xảy ra" in vietnamese
    assert "Sorry, something went wrong" in english


def test_editors_can_preview_a_changed_product_and_a_new_one(certified_product):
    certified_product.title = "Kẹo dừa sữa (bản nháp)"
    certified_product.price_vnd = 99000
    new_product = ProductPage(
        title="Sản phẩm mới chưa lưu",
        slug="san-pham-moi",
        category=certified_product.category,
        price_vnd=50000,
        unit="hộp",
    )

    changed = certified_product.make_preview_request()
    unsaved = new_product.make_preview_request()

    assert changed.status_code == 200
    assert "Kẹo dừa sữa (bản nháp)" in changed.content.decode()
    assert "99.000 ₫ / kg" in changed.content.decode()
    assert unsaved.status_code == 200
    assert "50.000 ₫ / hộp" in unsaved.content.decode()


def test_editors_get_the_wagtail_userbar_and_shoppers_do_not(
    certified_product, client, django_user_model
):
    shopper_html = client.get(certified_product.url).content.decode()
    client.force_login(
        django_user_model.objects.create_superuser("bt", "bt@example.vn", "x-123456")
    )
    editor_html = client.get(certified_product.url).content.decode()

    assert "wagtail-userbar" not in shopper_html
    assert "wagtail-userbar" in editor_html


def test_editors_can_preview_a_new_seller_profile(site_root):
    seller = SellerPage(
        title="Hợp tác xã Mới Thành Lập",
        slug="htx-moi",
        legal_name="Hợp tác xã Mới Thành Lập",
        seller_type=SellerType.COOPERATIVE,
    )

    response = seller.make_preview_request()

    assert response.status_code == 200
    assert "Hợp tác xã Mới Thành Lập" in response.content.decode()
