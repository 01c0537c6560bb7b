"""QR labels: codes that scan to the product page, the A4 sheet, who may print what,
and the product page's origin block."""

import datetime
import io
import math
import re
import xml.etree.ElementTree as ET  # noqa: S405 - parses the site's own SVG

import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from catalog.label_sheet import COLUMNS, ROWS
from sellers.models import AdminUnit
from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.sellers.accounts import department_user, seller_with_editor

SITE = "https://san-ocop.vinhlong.gov.vn"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = SITE + "/"
    settings.SEARCH_URL = "http://127.0.0.1:9"  # the database listing


def decoded(image: Image.Image) -> str:
    result = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert result is not None, "no QR code found"
    return result.text


def label_url(product) -> str:
    return f"{SITE}{product.url}?nguon=qr"


def svg_raster(svg: bytes) -> Image.Image:
    """Draw segno's SVG path (``M``/``m`` moves, ``h`` strokes one module high)."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    path = root.find(f"{SVG}path")
    scale = float(re.search(r"scale\(([\d.]+)\)", path.get("transform")).group(1))
    width = int(float(root.get("width")))
    image = Image.new("L", (width, width), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, a, b in re.findall(
        r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.get("d")
    ):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            end = x + float(a)
            box = [x * scale, (y - 0.5) * scale, end * scale - 1, (y + 0.5) * scale - 1]
            draw.rectangle(box, fill=0)
            x = end
    return image


# -- the codes ----------------------------------------------------------------------


def test_png_code_opens_the_product_page_from_the_label(site_root, client):
    product = ProductPageFactory(title="Kẹo dừa sáp Thạnh Phú")

    response = client.get(reverse("product_qr_png", args=[product.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    assert "max-age=86400" in response["Cache-Control"]
    assert decoded(Image.open(io.BytesIO(response.content))) == label_url(product)


def test_svg_code_is_an_svg_document_that_scans_to_the_same_address(site_root, client):
    product = ProductPageFactory(title="Mắm cá linh Tam Bình")

    response = client.get(reverse("product_qr_svg", args=[product.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in response["Cache-Control"]
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Mắm cá linh Tam Bình"
    assert decoded(svg_raster(response.content)) == label_url(product)


def test_no_code_for_a_draft_a_restricted_or_an_unknown_product(site_root, client):
    draft = ProductPageFactory(publish=False, live=False)
    restricted = ProductPageFactory()
    PageViewRestriction.objects.create(
        page=restricted.get_parent(), restriction_type="password", password="bí-mật"
    )
    unknown = restricted.pk + 1000

    for product_id in (draft.pk, restricted.pk, unknown):
        for name in ("product_qr_png", "product_qr_svg"):
            response = client.get(reverse(name, args=[product_id]))
            assert response.status_code == 404, (name, product_id)
            assert "max-age" not in response.get("Cache-Control", "")


def test_unpublishing_a_product_takes_its_code_down(site_root, client):
    product = ProductPageFactory()
    url = reverse("product_qr_png", args=[product.pk])
    assert client.get(url).status_code == 200

    product.unpublish()

    assert client.get(url).status_code == 404


# -- the A4 sheet ---------------------------------------------------------------------


def _text(reader: PdfReader) -> str:
    """The sheet's text with line breaks as spaces (names wrap on the labels)."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_sheet_of_100_products_has_every_label_in_vietnamese(site_root, client):
    seller, first, _editor = seller_with_editor(
        "htx-phuoc-hau", title="Hợp tác xã Phước Hậu"
    )
    products = [first] + [
        ProductPageFactory(parent=seller, images=0, title=f"Bánh tráng nước dừa {n}")
        for n in range(99)
    ]
    OcopCertificateFactory(product=first, stars=4)
    client.force_login(department_user())

    response = client.post(
        reverse("catalog_labels:pdf"),
        {"nguoi_ban": seller.pk, "san_pham": [p.pk for p in products]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == math.ceil(100 / (COLUMNS * ROWS))
    text = _text(reader)
    for product in products:
        assert product.title in text
    assert text.count("Hợp tác xã Phước Hậu") == 100
    assert "125.000 ₫ / kg" in text
    assert "★★★★ OCOP 4 sao" in text
    assert text.count("OCOP") == 1  # the others have no certificate
    codes = {decoded(image.image) for page in reader.pages for image in page.images}
    assert codes == {label_url(product) for product in products}


def test_seller_cannot_print_another_sellers_products(site_root, client):
    seller_a, product_a, editor_a = seller_with_editor("co-so-a")
    seller_b, product_b, _editor_b = seller_with_editor(
        "co-so-b", title="Hợp tác xã Bên Kia"
    )
    client.force_login(editor_a)
    url = reverse("catalog_labels:pdf")

    for data in (
        {"san_pham": [product_b.pk]},
        {"san_pham": [product_a.pk, product_b.pk]},
        {"nguoi_ban": seller_b.pk, "san_pham": [product_b.pk]},
    ):
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "không có trong danh sách được in tem" in html
        assert product_b.title not in html
        assert "Hợp tác xã Bên Kia" not in html

    own = client.get(url, {"san_pham": product_a.pk})
    assert own.status_code == 200
    assert product_a.title in _text(PdfReader(io.BytesIO(own.content)))


def test_seller_form_lists_its_own_live_products_all_ticked(site_root, client):
    seller_a, product_a, editor_a = seller_with_editor("co-so-a")
    draft_a = ProductPageFactory(
        parent=seller_a, publish=False, live=False, title="Bản nháp A"
    )
    _seller_b, product_b, _editor_b = seller_with_editor("co-so-b")
    client.force_login(editor_a)

    response = client.get(reverse("catalog_labels:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf'value="{product_a.pk}"[^>]*checked', html)
    assert f'value="{product_b.pk}"' not in html
    assert draft_a.title not in html  # a draft's code would lead nowhere
    assert "Tải PDF" in html


def test_department_picks_any_seller(site_root, client):
    _seller_a, product_a, _editor_a = seller_with_editor("co-so-a")
    seller_b, product_b, _editor_b = seller_with_editor("co-so-b")
    client.force_login(department_user())

    response = client.get(reverse("catalog_labels:index"), {"nguoi_ban": seller_b.pk})

    html = response.content.decode()
    assert re.search(rf'value="{product_b.pk}"[^>]*checked', html)
    assert f'value="{product_a.pk}"' not in html


def test_shoppers_and_staff_without_a_seller_cannot_print(site_root, client):
    url = reverse("catalog_labels:index")
    assert client.get(url).status_code == 302  # to the admin's login

    staff = get_user_model().objects.create_user("nhan-vien", password="x-y-z-123")
    client.force_login(staff)
    assert client.get(url).status_code in (302, 403)


def test_no_product_chosen_is_a_clear_error(site_root, client):
    _seller, _product, editor = seller_with_editor("co-so-a")
    client.force_login(editor)

    response = client.post(reverse("catalog_labels:pdf"), {"san_pham": ["abc"]})

    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
    response = client.post(reverse("catalog_labels:pdf"), {})
    assert "Chọn ít nhất một sản phẩm để in tem." in response.content.decode()


def test_missing_font_is_reported_not_a_server_error(
    site_root, client, settings, tmp_path
):
    _seller, product, editor = seller_with_editor("co-so-a")
    settings.LABEL_FONT_DIR = str(tmp_path)
    client.force_login(editor)

    response = client.get(reverse("catalog_labels:pdf"), {"san_pham": product.pk})

    assert response.status_code == 503
    assert "thiếu phông chữ tiếng Việt" in response.content.decode()


def test_product_listing_offers_the_label_of_a_live_product(site_root, client):
    seller, product, editor = seller_with_editor("co-so-a")
    client.force_login(editor)

    html = client.get(
        reverse("wagtailadmin_explore", args=[seller.pk])
    ).content.decode()

    assert f"/quan-tri/tem-qr/pdf/?san_pham={product.pk}" in html


# -- the origin block --------------------------------------------------------------


def test_origin_block_shows_producer_commune_and_a_valid_certificate(
    site_root, client, django_assert_num_queries
):
    commune = AdminUnit.objects.order_by("code").first()
    seller, product, _editor = seller_with_editor("co-so-a", commune=commune)
    OcopCertificateFactory(
        product=product,
        stars=4,
        decision_number="1234/QĐ-UBND",
        decision_date=datetime.date(2024, 3, 15),
    )
    client.get(product.url)  # warm: the site, the menu, the remembered display

    # The page and its related products' rows, as tests/catalog/test_query_counts.py
    # pins for a remembered display.
    with django_assert_num_queries(2):
        html = client.get(product.url).content.decode()

    origin = html[html.index('id="nguon-goc"') :]
    assert f'<a href="{seller.url}">{seller.title}</a>' in origin
    assert commune.full_name in origin
    assert "1234/QĐ-UBND" in origin
    assert "15/03/2024" in origin and "15/03/2027" in origin
    assert "Cấp tỉnh" in origin
    assert "Còn hiệu lực" in origin
    assert reverse("product_qr_png", args=[product.pk]) in origin
    assert reverse("product_qr_svg", args=[product.pk]) in origin


def test_origin_block_says_when_the_certificate_has_expired(site_root, client):
    product = ProductPageFactory()
    OcopCertificateFactory(
        product=product,
        decision_date=timezone.localdate() - datetime.timedelta(days=4 * 365),
    )

    html = client.get(product.url).content.decode()

    origin = html[html.index('id="nguon-goc"') :]
    assert "Hết hạn" in origin
    assert "Còn hiệu lực" not in origin
    assert 'class="ocop-badge' not in html  # no badge for an expired certificate


def test_origin_block_never_shows_an_unverified_certificate(site_root, client):
    product = ProductPageFactory()
    OcopCertificateFactory(product=product, verified_at=None, decision_number="9/QĐ")

    html = client.get(product.url).content.decode()

    assert "9/QĐ" not in html
    assert "chưa có chứng nhận OCOP còn hiệu lực" in html
