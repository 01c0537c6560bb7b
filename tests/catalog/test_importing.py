"""import_products: all-or-nothing, line-numbered errors, idempotent re-imports."""

import datetime

import pytest
from django.utils import timezone
from openpyxl import Workbook
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from catalog.importing import COLUMNS, certificates_needing_completion
from catalog.models import OcopCertificate, ProductPage
from sellers.models import SellerPage
from tests.catalog.utils import (
    FIXTURES,
    TAX_CODE,
    import_errors,
    jpeg,
    product_row,
    run_import,
    validate,
    write_csv,
)
from tests.factories import SellerPageFactory


def test_file_with_two_bad_rows_reports_both_lines_and_imports_nothing(
    site_root, tmp_path
):
    path = write_csv(
        tmp_path / "products.csv",
        [
            product_row(product_name="Kẹo dừa sáp"),
            product_row(product_name="Kẹo dừa lá dứa", price_vnd="abc"),
            product_row(product_name="Bánh phồng"),
            product_row(product_name="Mứt dừa", ocop_stars="2"),
        ],
    )

    errors = import_errors(path)

    assert "dòng 3, cột price_vnd:" in errors
    assert "dòng 5, cột ocop_stars:" in errors
    assert "dòng 2" not in errors and "dòng 4" not in errors
    assert not SellerPage.objects.exists()
    assert not ProductPage.objects.exists()


def test_unknown_column_is_an_error(site_root, tmp_path):
    path = write_csv(
        tmp_path / "products.csv",
        [product_row(colour="đỏ")],
        header=[*COLUMNS, "colour"],
    )

    assert "dòng 1, cột colour:" in import_errors(path)
    assert not ProductPage.objects.exists()


def test_missing_required_column_is_an_error(site_root, tmp_path):
    header = [c for c in COLUMNS if c != "unit"]
    path = write_csv(tmp_path / "products.csv", [product_row()], header=header)

    assert "dòng 1, cột unit: Thiếu cột bắt buộc." in import_errors(path)


def test_optional_columns_may_be_absent_and_in_any_order(site_root, tmp_path):
    header = ["unit", "price_vnd", "category", "product_name", "seller_type"]
    path = write_csv(
        tmp_path / "products.csv", [product_row()], header=[*header, "seller_name"]
    )

    run_import(path)

    assert ProductPage.objects.get().price_vnd == 125000


@pytest.mark.parametrize(
    ("text", "price"),
    [("125000", 125000), ("125.000", 125000), ("1.250.000", 1250000)],
)
def test_price_accepts_plain_or_dotted_thousands(db, text, price):
    result = validate([product_row(price_vnd=text)])

    assert result.ok
    assert result.rows[0].price_vnd == price


@pytest.mark.parametrize(
    ("overrides", "column"),
    [
        ({"price_vnd": "abc"}, "price_vnd"),
        ({"price_vnd": "-5000"}, "price_vnd"),
        ({"price_vnd": "0"}, "price_vnd"),
        ({"ocop_stars": "6"}, "ocop_stars"),
        ({"category": "electronics"}, "category"),
        ({"commune": "Xã Không Có"}, "commune"),
        ({"tax_code": "0100109107"}, "tax_code"),
        ({"seller_type": "ngân hàng"}, "seller_type"),
        ({"ocop_stars": "4", "ocop_issued": "31/02/2024"}, "ocop_issued"),
        ({"ocop_stars": "4", "ocop_issued": "2024-02-01"}, "ocop_issued"),
        ({"stock": "-1"}, "stock"),
        ({"stock": "2.5"}, "stock"),
        ({"unit": ""}, "unit"),
    ],
)
def test_bad_values_are_reported_on_their_column(db, overrides, column):
    result = validate([product_row(**overrides)])

    assert [(e.line, e.column) for e in result.errors] == [(2, column)]
    assert result.rows == []


def test_issue_date_in_the_future_is_rejected(db):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    result = validate(
        [product_row(ocop_stars="3", ocop_issued=tomorrow.strftime("%d/%m/%Y"))]
    )

    assert str(result.errors[0]) == (
        "dòng 2, cột ocop_issued: Ngày cấp không thể ở tương lai."
    )


def test_duplicate_product_rows_are_rejected(db):
    result = validate([product_row(), product_row(tax_code="")])

    assert [(e.line, e.column) for e in result.errors] == [(3, "product_name")]
    assert "dòng 2" in result.errors[0].message


def test_commune_matches_without_diacritics_or_by_code(db):
    result = validate(
        [
            product_row(commune="phu khuong"),
            product_row(product_name="Mứt dừa", commune="28756"),
        ]
    )

    assert result.ok
    assert {row.seller.commune.code for row in result.rows} == {"28756"}


def test_reimporting_the_same_file_changes_nothing(site_root, tmp_path):
    jpeg(tmp_path / "keo.jpg")
    path = write_csv(
        tmp_path / "products.csv",
        [
            product_row(image="keo.jpg", ocop_stars="4", ocop_issued="01/02/2024"),
            product_row(product_name="Mứt dừa", ocop_stars="3"),
        ],
    )
    run_import(path, "--publish")
    counts = (
        SellerPage.objects.count(),
        ProductPage.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        OcopCertificate.objects.count(),
    )

    output = run_import(path, "--publish")

    assert counts == (1, 2, 3, 1, 2)
    assert (
        SellerPage.objects.count(),
        ProductPage.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        OcopCertificate.objects.count(),
    ) == counts
    assert "Sản phẩm: 0 mới, 0 cập nhật, 2 không đổi" in output


def test_changed_price_updates_the_product_with_one_new_revision(site_root, tmp_path):
    run_import(write_csv(tmp_path / "a.csv", [product_row()]), "--publish")
    product = ProductPage.objects.get()
    revisions = product.revisions.count()

    run_import(
        write_csv(tmp_path / "b.csv", [product_row(price_vnd="130000")]), "--publish"
    )

    product.refresh_from_db()
    assert product.price_vnd == 130000
    assert product.revisions.count() == revisions + 1


def test_seller_is_matched_by_tax_code_then_by_name(site_root, tmp_path):
    by_tax = SellerPageFactory(title="Hợp tác xã Cũ", tax_code=TAX_CODE)
    by_name = SellerPageFactory(title="Cơ sở bánh tráng Tư Hiền", tax_code="")
    path = write_csv(
        tmp_path / "products.csv",
        [
            product_row(seller_name="Hợp tác xã Tên Mới"),
            product_row(
                seller_name="Cơ sở bánh tráng Tư Hiền",
                seller_type="household_business",
                tax_code="",
                product_name="Bánh tráng",
            ),
        ],
    )

    run_import(path, "--publish")

    assert SellerPage.objects.count() == 2
    assert by_tax.products.get().title == "Kẹo dừa sáp"
    assert by_name.products.get().title == "Bánh tráng"
    by_tax.refresh_from_db()
    assert by_tax.legal_name == "Hợp tác xã Tên Mới"


def test_without_publish_pages_are_drafts_and_with_publish_they_go_live(
    site_root, tmp_path
):
    path = write_csv(tmp_path / "products.csv", [product_row()])

    run_import(path)
    product = ProductPage.objects.get()
    assert not product.live
    assert product.has_unpublished_changes
    assert product.revisions.count() == 1
    assert not product.seller.live

    run_import(path, "--publish")
    product.refresh_from_db()
    assert product.live
    assert product.seller.live
    assert product.revisions.count() == 1


def test_page_history_shows_one_creation_and_one_publication(site_root, tmp_path):
    path = write_csv(tmp_path / "products.csv", [product_row()])

    run_import(path, "--publish")

    product = ProductPage.objects.get()
    for page in (product, product.seller):
        actions = sorted(
            PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
        )
        assert actions == ["wagtail.create", "wagtail.publish"]


def test_xlsx_file_is_imported_with_numbers_and_dates_from_cells(site_root, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([*COLUMNS[:9], "ocop_stars", "ocop_issued"])
    values = product_row()
    sheet.append(
        [*(values[c] for c in COLUMNS[:7]), 98000, "hũ", 4, datetime.date(2024, 3, 15)]
    )
    sheet.append([*(values[c] for c in COLUMNS[:5]), "Mứt dừa", "nope", 5, "hũ"])
    workbook.save(tmp_path / "products.xlsx")

    assert "dòng 3, cột category:" in import_errors(tmp_path / "products.xlsx")

    sheet.delete_rows(3)
    workbook.save(tmp_path / "products.xlsx")
    run_import(tmp_path / "products.xlsx", "--publish")

    product = ProductPage.objects.get()
    assert (product.price_vnd, product.unit) == (98000, "hũ")
    assert product.ocop_certificates.get().decision_date == datetime.date(2024, 3, 15)


def test_ocop_stars_become_a_verified_certificate_expiring_after_36_months(
    site_root, tmp_path, django_user_model
):
    officer = django_user_model.objects.create_user("can_bo", password="x" * 12)
    path = write_csv(
        tmp_path / "ocop.csv",
        [
            product_row(
                ocop_stars="4",
                ocop_certificate_no="12/QĐ-UBND",
                ocop_issued="15/03/2024",
            )
        ],
    )

    run_import(path, "--publish", "--user", "can_bo")

    certificate = OcopCertificate.objects.get()
    assert certificate.stars == 4
    assert certificate.decision_number == "12/QĐ-UBND"
    assert certificate.expires_on == datetime.date(2027, 3, 15)
    assert certificate.verified_by == officer
    assert certificate.verified_at is not None
    assert "ocop.csv" in certificate.verification_note
    assert certificate.is_valid(datetime.date(2026, 1, 1))


def test_certificate_without_issue_date_is_listed_for_the_department(
    site_root, tmp_path
):
    path = write_csv(tmp_path / "ocop.csv", [product_row(ocop_stars="3")])

    output = run_import(path, "--publish")

    certificate = OcopCertificate.objects.get()
    assert certificate.expires_on is None
    assert certificate.is_verified
    assert list(certificates_needing_completion()) == [certificate]
    assert "dòng 2: Kẹo dừa sáp" in output


def test_image_must_exist_and_be_a_real_image(db, tmp_path):
    (tmp_path / "fake.jpg").write_text("not a picture")
    jpeg(tmp_path / "good.jpg")

    result = validate(
        [
            product_row(image="missing.jpg"),
            product_row(product_name="Mứt dừa", image="fake.jpg"),
            product_row(product_name="Bánh phồng", image="good.jpg"),
        ],
        base_dir=tmp_path,
    )

    assert [(e.line, e.column) for e in result.errors] == [(2, "image"), (3, "image")]
    assert "Không tìm thấy ảnh" in result.errors[0].message
    assert "không phải ảnh" in result.errors[1].message


def test_imported_image_is_stored_once_in_the_sellers_gallery(site_root, tmp_path):
    jpeg(tmp_path / "keo.jpg")
    path = write_csv(
        tmp_path / "products.csv",
        [
            product_row(image="keo.jpg"),
            product_row(product_name="Kẹo dừa lá dứa", image="keo.jpg"),
        ],
    )

    run_import(path, "--publish")

    image = get_image_model().objects.get()
    assert image.collection_id == SellerPage.objects.get().access.media_collection_id
    assert [p.primary_image.image for p in ProductPage.objects.all()] == [image, image]


def test_sample_file_imports_two_sellers_and_their_products(site_root):
    output = run_import(FIXTURES / "sample_products.csv", "--publish")

    assert "Người bán: 2 mới" in output
    assert "Sản phẩm: 3 mới" in output
    household = SellerPage.objects.get(seller_type="household_business")
    assert household.commune.name == "Phước Hậu"
    assert household.legacy_district == "Huyện Long Hồ"
    assert household.products.get().stock == 35
    assert ProductPage.objects.live().count() == 3


def test_imported_products_are_searchable_without_the_engine(site_root, tmp_path):
    from search.models import SearchText

    run_import(write_csv(tmp_path / "products.csv", [product_row()]), "--publish")

    product = ProductPage.objects.get()
    assert SearchText.objects.filter(page_id=product.pk).exists()
    assert SearchText.objects.filter(page_id=product.seller_id).exists()


def test_new_stock_figure_applies_at_once_without_a_new_revision(site_root, tmp_path):
    run_import(write_csv(tmp_path / "a.csv", [product_row(stock="10")]), "--publish")
    product = ProductPage.objects.get()
    revisions = product.revisions.count()

    output = run_import(
        write_csv(tmp_path / "b.csv", [product_row(stock="7")]), "--publish"
    )

    product.refresh_from_db()
    assert product.stock == 7
    assert product.revisions.count() == revisions
    assert "Sản phẩm: 0 mới, 1 cập nhật, 0 không đổi" in output


def test_images_over_the_size_or_pixel_limits_are_rejected(db, tmp_path, settings):
    jpeg(tmp_path / "big.jpg", size=(200, 150))
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 20_000  # 200×150 = 30.000 px
    too_many_pixels = validate([product_row(image="big.jpg")], base_dir=tmp_path)
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100  # bytes
    too_heavy = validate([product_row(image="big.jpg")], base_dir=tmp_path)

    assert "megapixel" in too_many_pixels.errors[0].message
    assert "MB" in too_heavy.errors[0].message
    assert [e.column for e in too_heavy.errors + too_many_pixels.errors] == [
        "image",
        "image",
    ]
