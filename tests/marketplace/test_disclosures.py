"""The floor's disclosures: the owner's information in every footer, and the
regulations and policies as pages whose versions each carry the date they took
effect (Decree 52/2013 as amended by Decree 85/2021; Law 91/2025 for consents)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.checkout import payments, services
from marketplace.checkout.consent import Consents
from marketplace.checkout.models import ConsentPurpose
from marketplace.legal.models import (
    OwnerDisclosure,
    PolicyKind,
    PolicyPage,
    PolicyVersion,
)
from marketplace.legal.setup import ensure_legal_pages
from sellers.models import AdminUnit
from tests.factories import ProductPageFactory

TODAY = datetime.date.today


@pytest.fixture
def legal(site_root):
    return ensure_legal_pages(site_root)


def test_footer_shows_the_owner_with_vietnamese_defaults(client, site_root):
    page = client.get("/").content.decode()

    assert "Sở Công Thương tỉnh Vĩnh Long" in page
    assert "Phường Long Châu, tỉnh Vĩnh Long" in page
    assert "Người chịu trách nhiệm" in page


def test_footer_shows_what_the_department_saves_at_once(client, site_root):
    client.get("/")  # the footer is cached from here on
    owner = OwnerDisclosure.load()
    owner.phone = "0270 3822 000"
    owner.email = "sct@vinhlong.example.vn"
    owner.registration_number = "Số 123/TMĐT-ĐK"
    owner.save()

    page = client.get("/").content.decode()

    assert "0270 3822 000" in page
    assert "sct@vinhlong.example.vn" in page
    assert "Số 123/TMĐT-ĐK" in page


def test_footer_adds_no_query_once_cached(client, site_root, legal):
    client.get("/gio-hang/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/gio-hang/")

    assert not [q for q in warm.captured_queries if "legal_" in q["sql"]]


def test_footer_links_every_policy_and_the_regulations(client, legal):
    page = client.get("/").content.decode()

    for policy in PolicyPage.objects.all():
        assert f'href="{policy.url}"' in page
    assert "Quy chế hoạt động" in page


def test_seeded_policies_cover_the_regulations_and_five_policies(legal):
    assert set(PolicyPage.objects.live().values_list("kind", flat=True)) == set(
        PolicyKind.values
    )


def test_policy_page_shows_the_version_in_force_and_lists_earlier_ones(client, legal):
    regulations = PolicyPage.objects.get(kind=PolicyKind.REGULATIONS)

    page = client.get(regulations.url).content.decode()

    assert "Phiên bản 2, hiệu lực từ 01/07/2026" in page
    assert "đang áp dụng" in page
    assert "VNeID" in page  # version 2's wording
    assert f'href="{regulations.url}phien-ban/1/"' in page


def test_an_earlier_version_stays_readable_and_says_it_no_longer_applies(client, legal):
    regulations = PolicyPage.objects.get(kind=PolicyKind.REGULATIONS)

    response = client.get(f"{regulations.url}phien-ban/1/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Phiên bản 1, hiệu lực từ 01/01/2026" in page
    assert "phiên bản cũ, không còn áp dụng" in page
    assert client.get(f"{regulations.url}phien-ban/9/").status_code == 404


def test_a_version_taking_effect_later_is_not_yet_the_one_in_force(client, legal):
    privacy = PolicyPage.objects.get(kind=PolicyKind.PRIVACY)
    PolicyVersion.objects.create(
        page=privacy,
        number=2,
        effective_on=TODAY() + datetime.timedelta(days=30),
        body="<p>Bản sửa đổi sắp áp dụng.</p>",
    )

    page = client.get(privacy.url).content.decode()

    assert privacy.in_force().number == 1
    assert "Bản sửa đổi sắp áp dụng" not in page
    assert f'href="{privacy.url}phien-ban/2/"' in page


def test_consent_records_the_privacy_policy_version_in_force(legal):
    product = ProductPageFactory(stock=None)
    customer = services.Customer(
        name="Trần Thị Bình",
        phone="+84912345678",
        email="binh@example.vn",
        street_line="Ấp Phú Hoà",
        commune=AdminUnit.objects.order_by("code").first(),
        consents=Consents(order_handling=True),
    )

    order = services.place_order({product.pk: 1}, customer, payments.METHODS["cod"])

    consent = order.consents.get(purpose=ConsentPurpose.ORDER_HANDLING)
    assert consent.policy_version == (
        "Chính sách bảo vệ dữ liệu cá nhân: Phiên bản 1, hiệu lực từ 01/01/2026"
    )


def test_seeding_the_legal_pages_twice_changes_nothing(legal, site_root):
    count = PolicyPage.objects.count()

    ensure_legal_pages(site_root)

    assert PolicyPage.objects.count() == count == len(PolicyKind.values)
