"""Demo pictures: a drawing per kind of product, a logo per seller, real photos win."""

import io
import re

import pytest
from django.core.management import call_command
from PIL import Image, ImageChops, ImageStat

from catalog.demo.kinds import kind_of
from catalog.demo.logos import draw_logo, seller_initials
from catalog.demo.pictures import draw_picture, draw_product_image
from catalog.importing import (
    ImageSource,
    check_image_bytes,
    validate_records,
    write_rows,
)
from catalog.models import ProductPage
from sellers.models import SellerAccess, SellerPage
from tests.factories import ImageFactory


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Mứt dừa non", "jar"),
        ("Kẹo dừa ca cao", "candy"),
        ("Gạo ST25", "rice"),
        ("Nước mắm cá cơm", "sauce"),
        ("Rượu chuối hột", "wine"),
        ("Kẹo chuối", "candy"),
        ("Chuối sấy dẻo", "snack"),
        ("Chuối xiêm", "fruit"),
        ("Trà gạo lứt đậu đen", "tea"),
        ("Thanh trà Bình Minh", "fruit"),
        ("Mật ong hoa dừa", "honey"),
        ("Chiếu bông Cà Hom", "mat"),
        ("Nón lá Long Hồ", "hat"),
        ("Chén gáo dừa", "bowl"),
        ("Bình gốm đỏ trang trí", "vase"),
        ("Bánh pía", "cake"),
        ("Bánh tét Trà Cuôn", "roll"),
        ("Bánh tráng Mỹ Lồng", "crackers"),
        ("Khô cá lóc", "dried_fish"),
        ("Tôm khô", "seafood"),
        ("Giỏ quà Tết đan lục bình", "basket"),
        ("Nước dừa đóng chai", "drink"),
        ("Tinh dầu bưởi", "oil"),
        ("Đũa gỗ dừa", "utensils"),
        ("Dừa xiêm xanh", "fruit"),
        ("KEO DUA BEN TRE", "candy"),  # no diacritics, capitals
        ("Gà ta thả vườn", "package"),  # no known word: a generic package
    ],
)
def test_the_kind_of_picture_comes_from_the_product_name(name, kind):
    assert kind_of(name) == kind


def difference(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute difference per channel, 0 (same) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3


def test_products_of_different_kinds_look_different_in_the_same_category():
    candy = draw_picture("Kẹo dừa Quê Mẹ", "processed_food", 0, "Kẹo dừa")
    sauce = draw_picture("Nước mắm cá cơm Quê Mẹ", "processed_food", 0, "Nước mắm")
    rice = draw_picture("Gạo ST25 Quê Mẹ", "processed_food", 0, "Gạo ST25")

    assert difference(candy, sauce) > 12
    assert difference(sauce, rice) > 12
    # Not only moved about: the colours themselves differ.
    histograms = [image.convert("L").histogram() for image in (candy, sauce, rice)]
    assert histograms[0] != histograms[1] != histograms[2]


def test_neighbouring_products_of_one_kind_still_differ():
    first = draw_picture("Bưởi da xanh Hai Lành", "agro_aquatic", 0, "Bưởi da xanh")
    second = draw_picture("Bưởi da xanh Ba Tâm", "agro_aquatic", 0, "Bưởi da xanh")
    other_view = draw_picture("Bưởi da xanh Hai Lành", "agro_aquatic", 1)

    assert difference(first, second) > 2
    assert difference(first, other_view) > 2


def test_category_colours_the_picture():
    jar_food = draw_picture("Mứt dừa X", "processed_food", 0, "Mứt dừa")
    jar_drink = draw_picture("Mứt dừa X", "beverage", 0, "Mứt dừa")

    # The wall (top left corner) takes the category's colour.
    assert jar_food.getpixel((5, 5)) != jar_drink.getpixel((5, 5))


def test_pictures_are_deterministic_small_jpegs_the_importer_accepts():
    data = draw_product_image("Rượu Phú Lễ Miệt Vườn", "beverage", 0, "Rượu Phú Lễ")

    assert data == draw_product_image(
        "Rượu Phú Lễ Miệt Vườn", "beverage", 0, "Rượu Phú Lễ"
    )
    assert data != draw_product_image(
        "Rượu Phú Lễ Miệt Vườn", "beverage", 1, "Rượu Phú Lễ"
    )
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (800, 600))
    assert len(data) < 60_000
    assert check_image_bytes(data)[0] == (800, 600, "jpg")


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Hợp tác xã Kẹo Dừa Thanh Long", "TL"),
        ("HTX Gốm đỏ Long Hồ", "LH"),
        ("Tổ hợp tác chiếu Long Hồ", "LH"),
        ("Hộ kinh doanh bánh tráng Hai Lành", "HL"),
        ("Cơ sở sản xuất khô cá Năm Tâm", "NT"),
        ("Cơ sở Út Lành", "ÚL"),
        ("Công ty TNHH Thực phẩm Phù Sa Xanh", "PSX"),
        ("Công ty Cổ phần Xơ dừa Đồng Xanh", "ĐX"),
        ("Công ty TNHH Trái cây Trái Ngọt", "TN"),  # two words left: kept
        ("Doanh nghiệp tư nhân Cây Nhà", "CN"),
        ("Công ty ABC", "ABC"),
        ("Hợp tác xã", "HTX"),  # nothing but the form: its own initials
    ],
)
def test_logo_initials_skip_the_legal_form_and_the_trade(name, initials):
    assert seller_initials(name) == initials


def test_logos_are_small_deterministic_jpegs_coloured_by_name():
    logo = draw_logo("Hợp tác xã Kẹo Dừa Thanh Long")

    assert logo == draw_logo("Hợp tác xã Kẹo Dừa Thanh Long")
    with Image.open(io.BytesIO(logo)) as image:
        assert (image.format, image.size) == ("JPEG", (320, 320))
        colour = image.getpixel((160, 40))
    with Image.open(io.BytesIO(draw_logo("Hợp tác xã Gốm đỏ Long Hồ"))) as other:
        assert other.getpixel((160, 40)) != colour
    assert len(logo) < 30_000


# ---------------------------------------------------------------- through seed_demo


@pytest.fixture
def demo(db):
    call_command(
        "seed_demo", sellers=3, products=5, seed=4, verbosity=0, stdout=io.StringIO()
    )


def test_every_demo_seller_gets_its_own_logo_in_its_own_collection(demo):
    sellers = SellerPage.objects.select_related("logo")

    assert sellers.count() == 3
    for seller in sellers:
        access = SellerAccess.objects.get(seller=seller)
        assert seller.logo is not None, seller.title
        assert seller.logo.collection_id == access.media_collection_id
        assert seller.get_latest_revision_as_object().logo_id == seller.logo_id
    assert len({seller.logo.file_hash for seller in sellers}) == 3


def logo_tags(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<img[^>]*class="{css_class}"[^>]*>', html)


def test_logos_show_in_the_directory_on_seller_pages_and_product_pages(demo, client):
    directory = client.get("/nguoi-ban/").content.decode()
    assert len(logo_tags(directory, "seller-item__logo")) == 3
    assert "seller-item__logo--blank" not in directory

    seller = SellerPage.objects.first()
    (logo,) = logo_tags(client.get(seller.url).content.decode(), "seller__logo")
    assert "fill-160x160.format-webp" in logo

    product = ProductPage.objects.live().first()
    html = client.get(product.url).content.decode()
    (logo,) = logo_tags(html, "seller-card__logo")
    assert "fill-160x160.format-webp" in logo


def test_a_real_photo_replaces_the_drawing_and_a_sellers_own_logo_stays(demo):
    product = ProductPage.objects.select_related("seller").first()
    seller = product.seller
    own_logo = ImageFactory(collection=seller.logo.collection)
    seller.logo = own_logo
    seller.save_revision().publish()
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 200)).save(photo, "JPEG")
    row = {
        "seller_name": seller.title,
        "seller_type": seller.seller_type,
        "tax_code": seller.tax_code,
        "product_name": product.title,
        "category": product.category.slug,
        "price_vnd": str(product.price_vnd),
        "unit": product.unit,
        "image": ImageSource(name="photo.jpg", data=photo.getvalue()),
        "seller_logo": ImageSource(name="logo.jpg", data=draw_logo("Another")),
    }

    result = validate_records([row])
    assert result.ok, result.errors
    write_rows(result.rows, publish=True)

    product.refresh_from_db()
    seller.refresh_from_db()
    assert product.primary_image.image.width == 640
    assert seller.logo_id == own_logo.pk


def test_a_broken_logo_is_reported_on_its_column_and_nothing_is_written(db):
    row = {
        "seller_name": "Hợp tác xã Kẹo Dừa Thanh Long",
        "seller_type": "cooperative",
        "product_name": "Kẹo dừa Thanh Long",
        "category": "processed_food",
        "price_vnd": "45000",
        "unit": "hộp",
        "seller_logo": ImageSource(name="logo.jpg", data=b"not a picture"),
    }

    result = validate_records([row])

    assert not result.ok and not result.rows
    (error,) = result.errors
    assert (error.line, error.column) == (2, "seller_logo")
    assert "logo.jpg: Tệp không phải ảnh hợp lệ" in error.message
    assert not SellerPage.objects.exists()
