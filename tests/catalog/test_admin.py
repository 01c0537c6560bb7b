"""The department's admin tools: certificates, verification, collections, categories,
and the Vietnamese messages of the product and certificate forms."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import (
    Category,
    CategoryPage,
    Certification,
    OcopCertificate,
    ProductPage,
    RuralIndustrialAward,
)
from marketplace.models import Collection
from sellers.models import SellerPage
from tests.catalog.utils import snippet_url
from tests.factories import ImageFactory, OcopCertificateFactory
from tests.sellers.accounts import department_user, form_data, seller_with_editor


def _refused(response) -> bool:
    """403, or Wagtail's redirect to the dashboard with a permission message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def shops(site_root):
    seller_a, product_a, editor_a = seller_with_editor("co-so-a")
    seller_b, product_b, editor_b = seller_with_editor("co-so-b")
    return {
        "seller_a": seller_a,
        "product_a": product_a,
        "editor_a": editor_a,
        "seller_b": seller_b,
        "product_b": product_b,
        "editor_b": editor_b,
        "moderator": department_user(),
    }


# -- certificate listing and verification ------------------------------------------


def test_department_lists_certificates_with_vietnamese_dates(client, shops):
    certificate = OcopCertificateFactory(
        product=shops["product_a"], decision_date=datetime.date(2024, 5, 6)
    )
    client.force_login(shops["moderator"])

    response = client.get(snippet_url(OcopCertificate, "list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "06/05/2024" in body
    assert "06/05/2027" in body
    assert str(certificate.product.seller) in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"verification": "unverified"}, {"unverified", "undated"}),
        ({"verification": "verified"}, {"current", "expired"}),
        ({"validity": "expired"}, {"expired"}),
        ({"validity": "missing_date"}, {"undated"}),
        ({"stars": "5"}, {"expired"}),
    ],
)
def test_certificate_filters(client, shops, query, expected):
    today = timezone.localdate()
    product = shops["product_a"]
    made = {
        "current": OcopCertificateFactory(
            product=product, decision_number="1/HIEU-LUC"
        ),
        "unverified": OcopCertificateFactory(
            product=product, verified_at=None, decision_number="2/CHUA-XAC-MINH"
        ),
        "expired": OcopCertificateFactory(
            product=product,
            stars=5,
            decision_date=today - datetime.timedelta(days=4 * 365),
            decision_number="3/HET-HAN",
        ),
        "undated": OcopCertificateFactory(
            product=product,
            decision_date=None,
            verified_at=None,
            decision_number="4/THIEU-NGAY",
        ),
    }
    client.force_login(shops["moderator"])

    response = client.get(snippet_url(OcopCertificate, "list"), query)

    assert response.status_code == 200
    listed = {c.pk for c in response.context["object_list"]}
    assert listed == {made[key].pk for key in expected}


def test_department_verifies_certificate_and_is_recorded(client, shops):
    certificate = OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    moderator = shops["moderator"]
    client.force_login(moderator)
    url = (
        reverse("wagtail_bulk_action", args=("catalog", "ocopcertificate", "verify"))
        + f"?id={certificate.pk}"
    )

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert "Xác minh" in confirm.content.decode()
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.verified_by == moderator
    assert certificate.verified_at is not None


def test_listing_offers_verify_button_to_department_only(client, shops):
    OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    verify_path = reverse(
        "wagtail_bulk_action", args=("catalog", "ocopcertificate", "verify")
    )

    row_button = verify_path + "?id="

    client.force_login(shops["moderator"])
    assert (
        row_button in client.get(snippet_url(OcopCertificate, "list")).content.decode()
    )
    client.force_login(shops["editor_a"])
    listing = client.get(snippet_url(OcopCertificate, "list")).content.decode()
    assert row_button not in listing


def test_seller_cannot_verify_certificates(client, shops):
    certificate = OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    client.force_login(shops["editor_a"])

    client.post(
        reverse("wagtail_bulk_action", args=("catalog", "ocopcertificate", "verify"))
        + f"?id={certificate.pk}"
    )

    certificate.refresh_from_db()
    assert certificate.verified_at is None


# -- sellers and their own certificates --------------------------------------------


def test_seller_lists_only_own_certificates(client, shops):
    own = OcopCertificateFactory(product=shops["product_a"])
    OcopCertificateFactory(product=shops["product_b"])
    client.force_login(shops["editor_a"])

    response = client.get(snippet_url(OcopCertificate, "list"))

    assert response.status_code == 200
    assert [c.pk for c in response.context["object_list"]] == [own.pk]


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage", "inspect"])
def test_seller_cannot_open_other_sellers_certificate(client, shops, view):
    other = OcopCertificateFactory(product=shops["product_b"], verified_at=None)
    client.force_login(shops["editor_a"])

    response = client.get(snippet_url(OcopCertificate, view, other.pk))

    assert _refused(response)


def test_seller_cannot_change_or_delete_verified_certificate(client, shops):
    verified = OcopCertificateFactory(product=shops["product_a"], stars=3)
    client.force_login(shops["editor_a"])
    data = {"product": shops["product_a"].pk, "stars": "5", "level": "province"}

    edit = client.post(snippet_url(OcopCertificate, "edit", verified.pk), data)
    delete = client.post(snippet_url(OcopCertificate, "delete", verified.pk))

    assert _refused(edit)
    assert _refused(delete)
    verified.refresh_from_db()
    assert verified.stars == 3


def test_seller_submits_unverified_certificate_for_own_product(client, shops):
    client.force_login(shops["editor_a"])
    url = snippet_url(OcopCertificate, "add")
    form = client.get(url).context["form"]
    assert "verification_note" not in form.fields
    assert "verified_at" not in form.fields
    assert set(form.fields["product"].queryset) == {shops["product_a"]}

    response = client.post(
        url,
        {
            "product": shops["product_a"].pk,
            "stars": "4",
            "level": "province",
            "decision_number": "123/QĐ-UBND",
            "decision_date": "06/05/2024",
            "verified_at": "2024-05-06 10:00",
            "verified_by": shops["editor_a"].pk,
        },
    )

    assert response.status_code == 302
    certificate = OcopCertificate.objects.get()
    assert certificate.product_id == shops["product_a"].pk
    assert certificate.decision_date == datetime.date(2024, 5, 6)
    assert certificate.verified_at is None
    assert certificate.verified_by is None


def test_seller_cannot_submit_certificate_for_other_sellers_product(client, shops):
    client.force_login(shops["editor_a"])

    response = client.post(
        snippet_url(OcopCertificate, "add"),
        {"product": shops["product_b"].pk, "stars": "4", "level": "province"},
    )

    assert response.status_code == 200
    assert "sản phẩm của chính cơ sở mình" in str(response.context["form"].errors)
    assert not OcopCertificate.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"stars": "2"}, "stars", "3, 4 hoặc 5 sao"),
        ({"stars": "6"}, "stars", "3, 4 hoặc 5 sao"),
        (
            {"decision_date": "06/05/2024", "expires_on": "01/05/2024"},
            "expires_on",
            "Ngày hết hạn phải sau ngày quyết định",
        ),
    ],
)
def test_certificate_form_rejects_bad_values_in_vietnamese(
    client, shops, data, field, message
):
    client.force_login(shops["moderator"])
    payload = {"product": shops["product_a"].pk, "stars": "4", "level": "province"}
    payload.update(data)

    response = client.post(snippet_url(OcopCertificate, "add"), payload)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not OcopCertificate.objects.exists()


# -- product form -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "message"),
    [
        ("mười nghìn", "Giá phải là số nguyên"),
        ("12,5", "Giá phải là số nguyên"),
        ("-5000", "Giá không được là số âm"),
        ("0", "Giá phải lớn hơn 0 đồng"),
    ],
)
def test_product_form_rejects_bad_price_in_vietnamese(client, shops, price, message):
    product = shops["product_a"]
    client.force_login(shops["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, price_vnd=price))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["price_vnd"])
    assert ProductPage.objects.get(pk=product.pk).get_latest_revision().pk == (
        product.get_latest_revision().pk
    )


def test_product_form_accepts_dotted_price(client, shops):
    product = shops["product_a"]
    client.force_login(shops["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, price_vnd="125.000"))

    assert response.status_code == 302
    assert product.get_latest_revision_as_object().price_vnd == 125000


def test_product_submitted_for_approval_needs_a_gallery_image(client, shops):
    product = shops["product_a"]
    client.force_login(shops["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    data = form_data(
        client, url, **{"gallery_images-0-DELETE": "on", "action-submit": "1"}
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "ít nhất một ảnh" in str(response.context["form"].non_field_errors())


def test_product_submitted_for_approval_needs_alt_text(client, shops):
    product = shops["product_a"]
    client.force_login(shops["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    data = form_data(
        client, url, **{"gallery_images-0-alt_text": "", "action-submit": "1"}
    )

    response = client.post(url, data)

    assert response.status_code == 200
    gallery = response.context["form"].formsets["gallery_images"]
    assert "mô tả ảnh (alt)" in str(gallery.forms[0].errors["alt_text"])


# -- seller verification ------------------------------------------------------------


def test_department_verifying_seller_records_who(client, shops):
    seller = shops["seller_a"]
    SellerPage.objects.filter(pk=seller.pk).update(
        verified=False, verified_at=None, verified_by=None
    )
    moderator = shops["moderator"]
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[seller.pk])

    response = client.post(
        url, form_data(client, url, verified="on", **{"action-publish": "1"})
    )

    assert response.status_code == 302
    seller = SellerPage.objects.get(pk=seller.pk)
    assert seller.verified
    assert seller.verified_by == moderator
    assert seller.verified_at is not None


def test_seller_edit_approved_later_keeps_department_verification(client, shops):
    seller = shops["seller_a"]
    moderator = shops["moderator"]
    SellerPage.objects.filter(pk=seller.pk).update(verified=True, verified_by=moderator)
    client.force_login(shops["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[seller.pk])
    client.post(url, form_data(client, url, representative="Nguyễn Văn Út"))

    seller = SellerPage.objects.get(pk=seller.pk)
    seller.get_latest_revision().publish(user=moderator)

    seller = SellerPage.objects.get(pk=seller.pk)
    assert seller.representative == "Nguyễn Văn Út"
    assert seller.verified
    assert seller.verified_by == moderator


# -- collections and categories -----------------------------------------------------


def test_collection_rejects_expiry_before_go_live(client, shops):
    client.force_login(shops["moderator"])

    response = client.post(
        snippet_url(Collection, "add"),
        {
            "title": "Quà Tết miệt vườn",
            "featured": "on",
            "sort_order": "0",
            "starts_at": "10/01/2025",
            "ends_at": "01/01/2025",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert "phải sau hoặc trùng ngày bắt đầu" in str(response.context["form"].errors)
    assert not Collection.objects.exists()


def test_department_curates_ordered_collection(client, shops):
    client.force_login(shops["moderator"])

    response = client.post(
        snippet_url(Collection, "add"),
        {
            "title": "Đặc sản Vĩnh Long",
            "featured": "on",
            "sort_order": "0",
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-product": shops["product_b"].pk,
            "items-0-ORDER": "1",
            "items-1-product": shops["product_a"].pk,
            "items-1-ORDER": "2",
        },
    )

    assert response.status_code == 302
    collection = Collection.objects.get()
    assert [i.product_id for i in collection.items.all()] == [
        shops["product_b"].pk,
        shops["product_a"].pk,
    ]


def test_seller_cannot_curate_collections(client, shops):
    client.force_login(shops["editor_a"])

    response = client.get(snippet_url(Collection, "add"))

    assert response.status_code in (302, 403)


def test_new_category_gets_its_browse_page(client, shops):
    client.force_login(shops["moderator"])

    response = client.post(
        snippet_url(Category, "add"),
        {"name": "Sinh vật cảnh", "slug": "ornamentals", "sort_order": "6"},
    )

    assert response.status_code == 302
    page = CategoryPage.objects.get(category__slug="ornamentals")
    assert page.live


# -- media ------------------------------------------------------------------------


def test_seller_image_chooser_shows_only_own_collection(client, shops):
    own = ImageFactory(
        title="Ảnh của cơ sở A", collection=shops["seller_a"].access.media_collection
    )
    other = ImageFactory(
        title="Ảnh của cơ sở B", collection=shops["seller_b"].access.media_collection
    )
    client.force_login(shops["editor_a"])

    response = client.get(reverse("wagtailimages_chooser:choose"))

    body = response.json()["html"]
    assert own.title in body
    assert other.title not in body


def test_department_menu_is_in_vietnamese(client, shops):
    client.force_login(shops["moderator"])

    response = client.get(reverse("wagtailadmin_home"))

    # The sidebar menu is embedded as JSON, with non-ASCII letters escaped.
    body = response.content.decode()
    for label in ("Sở Công Thương", "Chứng nhận OCOP", "Bộ sưu tập nổi bật"):
        assert json.dumps(label)[1:-1] in body or label in body


@pytest.mark.parametrize(
    "model",
    [OcopCertificate, Category, Collection, RuralIndustrialAward, Certification],
)
def test_department_tools_render(client, shops, model):
    OcopCertificateFactory(product=shops["product_a"])
    client.force_login(shops["moderator"])

    for view in ("list", "add"):
        response = client.get(snippet_url(model, view))
        assert response.status_code == 200, (model, view)


def test_seller_certificate_pages_render(client, shops):
    own = OcopCertificateFactory(product=shops["product_a"], verified_at=None)
    client.force_login(shops["editor_a"])

    for url in (
        snippet_url(OcopCertificate, "list"),
        snippet_url(OcopCertificate, "add"),
        snippet_url(OcopCertificate, "edit", own.pk),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:add_multiple"),
    ):
        assert client.get(url).status_code == 200, url
