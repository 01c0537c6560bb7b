"""The department's verification queue: verify or return with a reason, edits of a
verified certificate go back to the queue, the list is searchable and filterable."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import OcopCertificate, RuralIndustrialAward
from search import engine, services
from search.documents import PRODUCTS, alias_name
from search.params import API_NAMES, SearchParams
from tests.catalog.utils import snippet_url
from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.search.utils import QueryDict, index_everything
from tests.sellers.accounts import department_user, form_data, seller_with_editor

pytestmark = pytest.mark.django_db

BADGE = "ocop-badge--large"  # the product's own badge, not its related cards'
AWARDS = 'class="awards"'


@pytest.fixture
def shops(site_root):
    seller_a, product_a, editor_a = seller_with_editor(
        "co-so-a", title="Hợp tác xã Bưởi Năm Roi"
    )
    seller_b, product_b, editor_b = seller_with_editor(
        "co-so-b", title="Cơ sở Nem Lai Vung"
    )
    return {
        "seller_a": seller_a,
        "product_a": product_a,
        "editor_a": editor_a,
        "seller_b": seller_b,
        "product_b": product_b,
        "moderator": department_user(),
    }


def bulk_url(model, action: str, *records) -> str:
    url = reverse(
        "wagtail_bulk_action", args=("catalog", model._meta.model_name, action)
    )
    return url + "?" + "&".join(f"id={r.pk}" for r in records)


def listed(client, **query) -> set[int]:
    response = client.get(snippet_url(OcopCertificate, "list"), query)
    assert response.status_code == 200
    return {c.pk for c in response.context["object_list"]}


def edit_stars(client, certificate, stars: int):
    url = snippet_url(OcopCertificate, "edit", certificate.pk)
    response = client.post(url, form_data(client, url, stars=str(stars)))
    assert response.status_code == 302, response.context["form"].errors
    certificate.refresh_from_db()


def _labels(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["label"]] if isinstance(node.get("label"), str) else []
        return own + [label for value in node.values() for label in _labels(value)]
    if isinstance(node, list):
        return [label for value in node for label in _labels(value)]
    return []


def sidebar_labels(client) -> list[str]:
    """The admin menu's labels, from the sidebar's JSON props."""
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    return _labels(json.loads(props[1]))


def ocop_total(stars: int) -> int:
    engine.refresh(alias_name(PRODUCTS))
    params = SearchParams.from_querydict(QueryDict(ocop=str(stars)), API_NAMES)
    results = services.list_products(params, log=False)
    assert not results.degraded
    return results.total


# -- edits of a verified certificate -----------------------------------------------


def test_editing_verified_stars_returns_certificate_to_queue_until_reverified(
    client, shops
):
    product = shops["product_a"]
    certificate = OcopCertificateFactory(product=product, stars=4)
    assert BADGE in client.get(product.url).content.decode()
    client.force_login(shops["moderator"])

    edit_stars(client, certificate, 5)

    assert certificate.stars == 5
    assert certificate.verified_at is None and certificate.verified_by is None
    assert certificate.pk in listed(client, status="pending")
    client.logout()
    assert BADGE not in client.get(product.url).content.decode()

    client.force_login(shops["moderator"])
    client.post(bulk_url(OcopCertificate, "verify", certificate))
    client.logout()
    page = client.get(product.url).content.decode()
    assert BADGE in page and "OCOP 5 sao" in page


def test_saving_a_verified_certificate_unchanged_keeps_its_verification(client, shops):
    certificate = OcopCertificateFactory(product=shops["product_a"], stars=4)
    client.force_login(shops["moderator"])

    edit_stars(client, certificate, 4)

    assert certificate.is_verified


@pytest.mark.engine
def test_edited_stars_leave_the_engine_document_until_reverified(
    client, shops, django_capture_on_commit_callbacks
):
    certificate = OcopCertificateFactory(product=shops["product_a"], stars=4)
    index_everything()
    assert ocop_total(4) == 1
    client.force_login(shops["moderator"])

    with django_capture_on_commit_callbacks(execute=True):
        edit_stars(client, certificate, 5)
    assert ocop_total(4) == 0
    assert ocop_total(5) == 0

    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url(OcopCertificate, "verify", certificate))
    assert ocop_total(5) == 1


# -- return with a reason -----------------------------------------------------------


def test_returned_certificate_shows_reason_to_seller_and_leaves_public_page(
    client, shops
):
    product = shops["product_a"]
    certificate = OcopCertificateFactory(product=product, stars=4)
    client.force_login(shops["moderator"])
    url = bulk_url(OcopCertificate, "return", certificate)
    assert "Lý do trả lại" in client.get(url).content.decode()

    response = client.post(url, {"reason": "Bản scan mờ, không đọc được số quyết định"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_returned and not certificate.is_verified
    assert certificate.returned_by == shops["moderator"]
    assert certificate.pk in listed(client, status="returned")
    assert certificate.pk not in listed(client, status="pending")
    client.force_login(shops["editor_a"])
    listing = client.get(snippet_url(OcopCertificate, "list")).content.decode()
    assert "Bản scan mờ, không đọc được số quyết định" in listing
    edit = client.get(snippet_url(OcopCertificate, "edit", certificate.pk))
    assert "Bản scan mờ, không đọc được số quyết định" in edit.content.decode()
    client.logout()
    assert BADGE not in client.get(product.url).content.decode()


def test_return_without_a_reason_is_refused_and_changes_nothing(client, shops):
    certificate = OcopCertificateFactory(product=shops["product_a"])
    client.force_login(shops["moderator"])

    response = client.post(
        bulk_url(OcopCertificate, "return", certificate), {"reason": "   "}
    )

    assert response.status_code == 200
    assert "Hãy ghi lý do trả lại." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_verified and not certificate.is_returned


def test_seller_resubmits_a_returned_certificate_by_correcting_it(client, shops):
    certificate = OcopCertificateFactory(
        product=shops["product_a"], stars=4, verified_at=None
    )
    certificate.return_to_seller(shops["moderator"], "Sai số sao")
    client.force_login(shops["editor_a"])

    edit_stars(client, certificate, 3)

    assert not certificate.is_returned and certificate.return_reason == ""
    client.force_login(shops["moderator"])
    assert certificate.pk in listed(client, status="pending")


@pytest.mark.parametrize("action", ["verify", "return"])
def test_seller_can_neither_verify_nor_return(client, shops, action):
    certificate = OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    client.force_login(shops["editor_a"])

    client.post(bulk_url(OcopCertificate, action, certificate), {"reason": "tự duyệt"})

    certificate.refresh_from_db()
    assert not certificate.is_verified and not certificate.is_returned
    listing = client.get(snippet_url(OcopCertificate, "list")).content.decode()
    assert bulk_url(OcopCertificate, action, certificate) not in listing


# -- search and filters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bưởi Năm Roi", {"a"}),  # the seller's name
        ("Nem Lai Vung", {"b"}),
        ("77/QĐ-UBND", {"a"}),  # the decision number
        ("Mứt me", {"b"}),  # the product's title
    ],
)
def test_certificate_list_searches_seller_product_and_decision(
    client, shops, query, expected
):
    shops["product_b"].title = "Mứt me Cái Bè"
    shops["product_b"].save_revision().publish()
    made = {
        "a": OcopCertificateFactory(
            product=shops["product_a"], decision_number="77/QĐ-UBND"
        ),
        "b": OcopCertificateFactory(product=shops["product_b"]),
    }
    client.force_login(shops["moderator"])

    assert listed(client, q=query) == {made[key].pk for key in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "pending"}, {"pending"}),
        ({"status": "verified"}, {"verified", "soon", "later"}),
        ({"status": "returned"}, {"returned"}),
        ({"status": "expired"}, {"lapsed", "old"}),
        ({"expiry": "30"}, {"soon"}),
        ({"expiry": "90"}, {"soon", "later"}),
        ({"expiry": "expired"}, {"lapsed", "old"}),
        ({"expiry": "recent"}, {"lapsed"}),
        ({"stars": "5", "status": "verified"}, {"later"}),
    ],
)
def test_certificate_list_filters_by_status_stars_and_expiry(
    client, shops, query, expected
):
    today = timezone.localdate()
    product = shops["product_a"]

    def ending(days: int, **fields):
        return OcopCertificateFactory(
            product=product, expires_on=today + datetime.timedelta(days=days), **fields
        )

    made = {
        "verified": ending(400),
        "pending": ending(400, verified_at=None),
        "returned": ending(400, verified_at=None),
        "soon": ending(20),
        "later": ending(80, stars=5),
        "lapsed": ending(-10),
        "old": ending(-400),
    }
    made["returned"].return_to_seller(shops["moderator"], "Thiếu bản scan")
    client.force_login(shops["moderator"])

    assert listed(client, **query) == {made[key].pk for key in expected}


def test_queue_menu_item_counts_for_the_department_only(client, shops):
    OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    OcopCertificateFactory(product=shops["product_b"], verified_at=None)
    RuralIndustrialAward.objects.create(
        product=shops["product_b"], level="province", year=2024
    )
    OcopCertificateFactory(product=shops["product_b"])  # verified: not counted
    client.force_login(shops["moderator"])
    assert "Chờ xác minh (3)" in sidebar_labels(client)
    client.force_login(shops["editor_a"])
    assert not any(label.startswith("Chờ xác minh") for label in sidebar_labels(client))


# -- rural-industrial awards --------------------------------------------------------


def test_only_verified_awards_show_on_the_product_page(client, shops):
    product = shops["product_a"]
    award = RuralIndustrialAward.objects.create(
        product=product, level="province", year=2023
    )
    assert AWARDS not in client.get(product.url).content.decode()
    client.force_login(shops["moderator"])

    client.post(bulk_url(RuralIndustrialAward, "verify", award))
    client.logout()
    award.refresh_from_db()
    assert award.verified_by == shops["moderator"]
    assert "Cấp tỉnh, năm 2023" in client.get(product.url).content.decode()

    client.force_login(shops["moderator"])
    client.post(
        bulk_url(RuralIndustrialAward, "return", award),
        {"reason": "Năm công nhận không khớp quyết định"},
    )
    # Awards are the department's own records (sellers do not file them).
    listing = client.get(
        snippet_url(RuralIndustrialAward, "list"), {"status": "returned"}
    ).content.decode()
    assert "Năm công nhận không khớp quyết định" in listing
    client.logout()
    assert AWARDS not in client.get(product.url).content.decode()


def test_editing_a_verified_award_sends_it_back_to_the_queue(shops):
    award = RuralIndustrialAward.objects.create(
        product=shops["product_a"],
        level="province",
        year=2022,
        verified_at=timezone.now(),
    )

    award.year = 2023
    award.save()

    assert not award.is_verified
    assert award in RuralIndustrialAward.objects.awaiting_verification()


def test_new_product_without_records_is_not_in_the_queue(shops):
    ProductPageFactory(parent=shops["seller_a"])
    assert not OcopCertificate.objects.awaiting_verification().exists()
