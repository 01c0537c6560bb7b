"""Tax codes and phone numbers in the formats Vietnamese sellers actually use."""

import pytest
from django.core.exceptions import ValidationError

from sellers.forms import SellerPageForm
from sellers.models import SellerPage, SellerType
from sellers.validators import display_phone, normalize_phone, validate_tax_code


@pytest.mark.parametrize(
    "tax_code",
    [
        "0100109106",  # 10 digits, check digit 6
        "0100109106-001",  # branch of that enterprise
        "079201012345",  # 12-digit personal ID of a household business
        " 0100109106 ",
    ],
)
def test_valid_tax_codes_are_accepted(tax_code):
    validate_tax_code(tax_code)


@pytest.mark.parametrize(
    ("tax_code", "message"),
    [
        ("0100109107", "sai chữ số kiểm tra"),
        ("12345", "phải có 10 chữ số"),
        ("01001091061", "phải có 10 chữ số"),
        ("0100109106-01", "phải có 10 chữ số"),
        ("0100109106-000", "từ 001 đến 999"),
        ("01001O9106", "phải có 10 chữ số"),
    ],
)
def test_malformed_tax_codes_are_rejected_in_vietnamese(tax_code, message):
    with pytest.raises(ValidationError) as error:
        validate_tax_code(tax_code)
    assert message in error.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0912345678", "+84912345678"),
        ("0912 345 678", "+84912345678"),
        ("091.234.5678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("0270 3822 123", "+842703822123"),
        ("0275-3822-123", "+842753822123"),
    ],
)
def test_phone_numbers_are_stored_in_international_form(raw, stored):
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize(
    "raw",
    ["012345678", "0112345678", "09123456789", "1900 1234", "phone", "0912-345-67x"],
)
def test_invalid_phone_numbers_are_rejected_in_vietnamese(raw):
    with pytest.raises(ValidationError) as error:
        normalize_phone(raw)
    assert "Số điện thoại không hợp lệ" in error.value.messages[0]


def test_phone_is_displayed_in_national_form():
    assert display_phone("+84912345678") == "0912 345 678"
    assert display_phone("+842703822123") == "0270 3822 123"


def test_seller_page_clean_normalises_phone_and_tax_code(site_root):
    seller = SellerPage(
        title="Hợp tác xã Bưởi Năm Roi",
        legal_name="Hợp tác xã Bưởi Năm Roi",
        seller_type=SellerType.COOPERATIVE,
        tax_code="0100 109 106",
        phone="0270 3822 123",
    )

    seller.clean()

    assert seller.phone == "+842703822123"
    assert seller.tax_code == "0100109106"


def test_only_cooperatives_record_members(site_root):
    seller = SellerPage(
        title="Công ty TNHH Thử",
        legal_name="Công ty TNHH Thử",
        seller_type=SellerType.ENTERPRISE,
        members=12,
    )

    with pytest.raises(ValidationError) as error:
        seller.clean()
    assert "members" in error.value.message_dict


def test_seller_form_reports_both_bad_phone_and_bad_tax_code(site_root):
    form_class = SellerPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, SellerPageForm)
    form = form_class(
        {
            "title": "Hộ kinh doanh Ba Khánh",
            "slug": "ba-khanh",
            "legal_name": "Hộ kinh doanh Ba Khánh",
            "seller_type": SellerType.HOUSEHOLD_BUSINESS,
            "tax_code": "0100109107",
            "phone": "12345",
        },
        instance=SellerPage(),
        for_user=None,
    )

    assert not form.is_valid()
    assert "sai chữ số kiểm tra" in form.errors["tax_code"][0]
    assert "Số điện thoại không hợp lệ" in form.errors["phone"][0]
