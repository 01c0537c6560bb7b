"""The OCOP certificate and the rural-industrial award on the product's own form,
unverified until the department verifies."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import OcopCertificate, RuralIndustrialAward
from tests.factories import OcopCertificateFactory
from tests.sellers.accounts import department_user, form_data, seller_with_editor


@pytest.fixture
def shop(site_root, client):
    _seller, product, editor = seller_with_editor("co-so-dua")
    client.force_login(editor)
    return product, reverse("wagtailadmin_pages:edit", args=[product.pk])


def _post(client, url, **overrides):
    response = client.post(url, form_data(client, url, **overrides))
    assert response.status_code == 302, response.context["form"].errors
    return response


def test_seller_adds_certificate_and_award_on_the_product_form(client, shop):
    product, url = shop
    decided = timezone.localdate() - datetime.timedelta(days=100)

    _post(
        client,
        url,
        **{
            "ocop_certificates-TOTAL_FORMS": "1",
            "ocop_certificates-0-stars": "4",
            "ocop_certificates-0-level": "province",
            "ocop_certificates-0-decision_number": "123/QĐ-UBND",
            "ocop_certificates-0-decision_date": decided.isoformat(),
            # Not a field of the form: a seller cannot verify its own certificate.
            "ocop_certificates-0-verified_at": "2026-01-01 00:00",
            "rural_awards-TOTAL_FORMS": "1",
            "rural_awards-0-level": "province",
            "rural_awards-0-year": "2024",
        },
    )

    certificate = OcopCertificate.objects.get(product=product)
    assert certificate.decision_number == "123/QĐ-UBND"
    assert certificate.verified_at is None
    assert certificate in OcopCertificate.objects.awaiting_verification()
    award = RuralIndustrialAward.objects.get(product=product)
    assert (award.year, award.verified_at) == (2024, None)
    assert award in RuralIndustrialAward.objects.awaiting_verification()


def test_changing_a_verified_certificate_sends_it_back_to_the_queue(client, shop):
    product, url = shop
    certificate = OcopCertificateFactory(product=product, stars=4)
    certificate.verify(department_user())

    _post(client, url, title="Kẹo dừa sáp")  # unchanged certificate
    certificate.refresh_from_db()
    assert certificate.is_verified

    _post(client, url, **{"ocop_certificates-0-stars": "5"})
    certificate.refresh_from_db()
    assert certificate.stars == 5
    assert not certificate.is_verified
    assert certificate in OcopCertificate.objects.awaiting_verification()


def test_an_older_revision_keeps_the_departments_verification(client, shop):
    product, url = shop
    certificate = OcopCertificateFactory(product=product, verified_at=None)
    old_revision = product.save_revision()
    certificate.verify(department_user())

    old_revision.publish()

    certificate.refresh_from_db()
    assert certificate.is_verified
    assert OcopCertificate.objects.filter(product=product).count() == 1
