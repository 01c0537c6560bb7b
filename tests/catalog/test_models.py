"""Product, certificate and collection validation, and when the OCOP badge shows."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.models import OcopCertificate
from catalog.models.certificates import add_months
from catalog.permissions import verify_certificates
from marketplace.models import Collection
from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.sellers.accounts import department_user

TODAY = datetime.date(2025, 3, 15)


@pytest.fixture
def product(site_root):
    return ProductPageFactory()


def _field_errors(instance) -> dict:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


@pytest.mark.parametrize(
    ("price", "message"),
    [(0, "lớn hơn 0 đồng"), (2_000_000_000, "vượt quá 1 tỷ đồng")],
)
def test_product_price_out_of_range_is_rejected(product, price, message):
    product.price_vnd = price

    assert message in _field_errors(product)["price_vnd"][0]


def test_product_price_must_be_a_whole_number(product):
    product.price_vnd = "mười nghìn"

    assert "price_vnd" in _field_errors(product)


@pytest.mark.parametrize("stars", [2, 6])
def test_ocop_stars_outside_three_to_five_are_rejected(product, stars):
    certificate = OcopCertificate(product=product, stars=stars, decision_date=TODAY)

    errors = _field_errors(certificate)

    assert "stars" in errors


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_ocop_stars_three_to_five_are_accepted(product, stars):
    OcopCertificate(product=product, stars=stars, decision_date=TODAY).full_clean()


def test_expiry_before_decision_date_is_rejected(product):
    certificate = OcopCertificate(
        product=product,
        stars=4,
        decision_date=TODAY,
        expires_on=TODAY - datetime.timedelta(days=1),
    )

    errors = _field_errors(certificate)

    assert "Ngày hết hạn phải sau ngày quyết định." in errors["expires_on"]


def test_expiry_defaults_to_36_months_after_decision(product):
    certificate = OcopCertificate.objects.create(
        product=product, stars=3, decision_date=datetime.date(2024, 2, 29)
    )

    assert certificate.expires_on == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2023, 1, 31), 36) == datetime.date(2026, 1, 31)


def test_certificate_without_decision_date_has_unknown_expiry(product):
    certificate = OcopCertificate.objects.create(product=product, stars=3)

    assert certificate.expires_on is None
    assert not certificate.is_valid()


def test_collection_expiring_before_going_live_is_rejected(site_root):
    start = timezone.localdate()
    collection = Collection(
        title="Quà Tết miệt vườn",
        starts_at=start,
        ends_at=start - datetime.timedelta(days=1),
    )

    assert "ends_at" in _field_errors(collection)


def test_badge_shows_best_verified_unexpired_certificate(product):
    OcopCertificateFactory(product=product, stars=3)
    best = OcopCertificateFactory(product=product, stars=4)

    assert product.current_ocop == best


def test_badge_hidden_when_certificate_expired(product):
    OcopCertificateFactory(
        product=product,
        decision_date=timezone.localdate() - datetime.timedelta(days=37 * 31),
    )

    assert product.current_ocop is None


def test_badge_hidden_until_department_verifies(product):
    certificate = OcopCertificateFactory(product=product, verified_at=None)
    assert product.current_ocop is None

    verify_certificates([certificate], department_user())

    product = type(product).objects.get(pk=product.pk)
    assert product.current_ocop == certificate


def test_verification_records_who_and_when(product):
    certificate = OcopCertificateFactory(product=product, verified_at=None)
    moderator = department_user()
    before = timezone.now()

    verified = verify_certificates([certificate], moderator)

    certificate.refresh_from_db()
    assert verified == 1
    assert certificate.verified_by == moderator
    assert before <= certificate.verified_at <= timezone.now()


def test_verifying_again_keeps_the_first_verification(product):
    first = department_user("nguoi-xac-minh-1")
    second = department_user("nguoi-xac-minh-2")
    certificate = OcopCertificateFactory(product=product, verified_at=None)
    verify_certificates([certificate], first)

    assert verify_certificates([certificate], second) == 0

    certificate.refresh_from_db()
    assert certificate.verified_by == first


def test_valid_queryset_matches_badge_rule(product):
    valid = OcopCertificateFactory(product=product)
    OcopCertificateFactory(product=product, verified_at=None)
    OcopCertificateFactory(
        product=product,
        decision_date=timezone.localdate() - datetime.timedelta(days=4 * 365),
    )

    assert list(OcopCertificate.objects.valid()) == [valid]
