"""Seller A's editor against seller B: nothing of B's shows, nothing of B's is usable.

Every object of B's carries SECRET in its title or name; the test walks every admin
URL Wagtail and the project register (so a new view is covered as soon as it
exists), fills its arguments with B's ids, and searches each response for SECRET.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import (
    NoReverseMatch,
    URLPattern,
    URLResolver,
    get_resolver,
    reverse,
)
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page

from catalog.models import (
    OcopCertificate,
    RuralIndustrialAward,
    SellerLicence,
    SpreadsheetUpload,
    Takedown,
)
from marketplace.checkout.models import Order, OrderLine, SellerOrder
from sellers.models import AdminUnit, SellerAccess, SellerApplication
from sellers.services import ensure_seller_access
from tests.factories import ImageFactory, ProductPageFactory
from tests.sellers.accounts import department_user, form_data, seller_with_editor

SECRET = "ZZB-SECRET-42"
SEARCH = "SECRET"  # a word of SECRET: a view echoing the query never shows SECRET


def _document(title: str, collection) -> object:
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="giay-chung-nhan.pdf"),
        collection=collection,
    )


def _order(seller, product, customer: str) -> SellerOrder:
    order = Order.objects.create(
        customer_name=customer,
        phone="+84912345678",
        email="khach@example.vn",
        street_line=f"Ấp {customer}",
        commune=AdminUnit.objects.order_by("code").first(),
        payment_method="cod",
        items_total=125000,
        shipping_total=30000,
        total=155000,
    )
    part = SellerOrder.objects.create(
        order=order,
        seller=seller,
        seller_name=seller.title,
        items_total=125000,
        shipping_fee=30000,
        total=155000,
    )
    OrderLine.objects.create(
        seller_order=part,
        product=product,
        product_title=product.title,
        unit="kg",
        unit_price=125000,
        quantity=1,
        line_total=125000,
    )
    return part


@pytest.fixture
def world(site_root):
    """Seller A (its editor logs in) and seller B, whose every object says SECRET."""
    # Household businesses, so their card orders are in the tax withholding views.
    household = "household_business"
    seller_a, product_a, editor_a = seller_with_editor("co-so-a", seller_type=household)
    seller_b, product_b, editor_b = seller_with_editor(
        "co-so-b", title=f"Hợp tác xã {SECRET}", seller_type=household
    )
    editor_b.first_name = SECRET
    editor_b.save()
    access_b = ensure_seller_access(seller_b)
    Page.objects.filter(pk=product_b.pk).update(title=f"Kẹo dừa {SECRET}")
    product_b.refresh_from_db()
    product_b.save_revision(user=editor_b)
    draft_b = ProductPageFactory(
        parent=seller_b, title=f"Bản nháp {SECRET}", publish=False
    )
    draft_b.save_revision(user=editor_b)
    workflow_state = draft_b.get_workflow().start(draft_b, editor_b)
    Page.objects.filter(pk=product_b.pk).update(
        locked=True, locked_by=editor_b, locked_at=timezone.now()
    )
    image_b = ImageFactory(
        title=f"Ảnh {SECRET}", collection_id=access_b.media_collection_id
    )
    document_b = _document(f"Giấy chứng nhận {SECRET}", access_b.media_collection)
    certificate_b = OcopCertificate.objects.create(
        product=product_b,
        stars=4,
        decision_number=f"{SECRET}/QĐ",
        decision_date=timezone.localdate() - datetime.timedelta(days=30),
        certificate_file=document_b,
    )
    licence_b = SellerLicence.objects.create(
        seller=seller_b,
        number=f"{SECRET}/GP",
        issuer=f"Sở Công Thương {SECRET}",
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
        expires_on=timezone.localdate() + datetime.timedelta(days=700),
        licence_file=document_b,
    )
    award_b = RuralIndustrialAward.objects.create(
        product=product_b, level="province", year=2024, decision_number=f"{SECRET}/GK"
    )
    order_b = _order(seller_b, product_b, f"Khách {SECRET}")
    # An order from both sellers: A sees its own part only.
    shared = _order(seller_a, product_a, "Khách chung").order
    shared_part_b = SellerOrder.objects.create(
        order=shared,
        seller=seller_b,
        seller_name=seller_b.title,
        items_total=1,
        shipping_fee=0,
        total=1,
    )
    OrderLine.objects.create(
        seller_order=shared_part_b,
        product=product_b,
        product_title=product_b.title,
        unit="kg",
        unit_price=1,
        quantity=1,
        line_total=1,
    )
    Order.objects.filter(pk__in=[shared.pk, order_b.order_id]).update(
        payment_method="card", paid_at=timezone.now()
    )
    # An applicant's file: only the department reads applications.
    application = SellerApplication.objects.create(
        reference="ZZBSECRT",
        legal_name=f"Hồ sơ {SECRET}",
        seller_type="cooperative",
        tax_code="1500678902",
        representative=SECRET,
        representative_id_number="086079001234",
        phone="+84912345678",
        email="ung-vien@example.vn",
        street_line="Ấp 1",
        commune=AdminUnit.objects.order_by("code").first(),
        categories=SECRET,
        products=SECRET,
        document=ContentFile(SECRET.encode(), name="giay.pdf"),
        consent_at=timezone.now(),
    )
    upload_b = SpreadsheetUpload.objects.create(
        user=editor_b,
        seller=seller_b,
        file_name=f"{SECRET}.xlsx",
        status=SpreadsheetUpload.Status.READY,
        preview=[{"line": 2, "product": SECRET, "status": "new", "errors": []}],
    )
    # Moderation of B's listings: a takedown with an appeal, and a held draft.
    takedown_b = Takedown.objects.create(
        product=product_b,
        reason=f"Lý do {SECRET}",
        authority=f"Cơ quan {SECRET}",
        request_reference=f"{SECRET}/QLTT",
        acted_at=timezone.now(),
        appeal_status=Takedown.Appeal.PENDING,
        appeal_text=f"Khiếu nại {SECRET}",
    )
    log(seller_b, "sellers.suspend", user=None, data={"reason": f"Tạm ngừng {SECRET}"})
    return {
        "upload_b": upload_b,
        "takedown_b": takedown_b,
        "application": application,
        "seller_a": seller_a,
        "product_a": product_a,
        "editor_a": editor_a,
        "access_a": SellerAccess.objects.get(seller=seller_a),
        "seller_b": seller_b,
        "product_b": product_b,
        "draft_b": draft_b,
        "editor_b": editor_b,
        "access_b": access_b,
        "image_b": image_b,
        "document_b": document_b,
        "certificate_b": certificate_b,
        "award_b": award_b,
        "licence_b": licence_b,
        "order_b": order_b,
        "shared_order": shared,
        "shared_part_b": shared_part_b,
        "workflow_state_b": workflow_state,
        "task_state_b": workflow_state.current_task_state,
    }


# -- walking the admin's URLs -------------------------------------------------------

# Views that end the session or fail on purpose: not walked.
SKIPPED = {
    "wagtailadmin_logout",
    "wagtailadmin_error_test",
    "wagtailadmin_password_reset_confirm",
}


def _admin_patterns(patterns=None, prefix="", namespace=""):
    """(route, full URL name, pattern) of every named URL under the admin."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            name = namespace
            if pattern.namespace:
                name = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else (pattern.namespace)
                )
            yield from _admin_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), name
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = prefix + str(pattern.pattern)
            if route.startswith("quan-tri/"):
                full = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield route, full, pattern


def _argument_names(pattern: URLPattern) -> list[str]:
    regex = pattern.pattern.regex
    return sorted(regex.groupindex, key=regex.groupindex.get)


def _candidates(w, name: str, argument: str) -> list:
    """Values of B's objects for one URL argument of the view called `name`."""
    b_pages = [w["draft_b"].pk, w["product_b"].pk]
    revision = w["draft_b"].latest_revision_id
    by_argument = {
        "image_id": [w["image_b"].pk],
        "document_id": [w["document_b"].pk],
        "doc_id": [w["document_b"].pk],
        "page_id": b_pages,
        "parent_page_id": [*b_pages, w["seller_b"].pk],
        "page_to_move_id": b_pages,
        "page_pk": b_pages,
        "destination_id": [w["seller_a"].pk],
        "revision_id": [revision],
        "revision_id_a": ["earliest"],
        "revision_id_b": ["latest", revision],
        "task_state_id": [w["task_state_b"].pk],
        "task_id": [w["task_state_b"].task_id],
        "workflow_state_id": [w["workflow_state_b"].pk],
        "collection_id": [w["access_b"].media_collection_id],
        "filter_spec": ["original"],
        "action_name": ["approve", "reject"],
        "uploaded_file_id": [1],
        "session_id": [1],
        "upload_id": [w["upload_b"].pk],
    }
    if argument in by_argument:
        return by_argument[argument]
    return _pk_candidates(w, name, argument)


def _pk_candidates(w, name: str, argument: str) -> list:
    namespace = name.split(":")[0]
    by_namespace = {
        "wagtailsnippets_catalog_ocopcertificate": [w["certificate_b"].pk],
        "wagtailsnippetchoosers_catalog_ocopcertificate": [w["certificate_b"].pk],
        "wagtailsnippets_catalog_ruralindustrialaward": [w["award_b"].pk],
        "wagtailsnippetchoosers_catalog_ruralindustrialaward": [w["award_b"].pk],
        "wagtailsnippets_catalog_sellerlicence": [w["licence_b"].pk],
        "wagtailsnippetchoosers_catalog_sellerlicence": [w["licence_b"].pk],
        "wagtaildocs_chooser": [w["document_b"].pk],
        "wagtailimages_chooser": [w["image_b"].pk],
        "wagtailusers_users": [w["editor_b"].pk],
        "wagtailusers_groups": [w["access_b"].group_id],
        "wagtailadmin_collections": [w["access_b"].media_collection_id],
        "checkout_admin": [
            w["order_b"].order_id,
            w["order_b"].pk,
            w["shared_order"].pk,
            w["shared_part_b"].pk,
            w["seller_b"].pk,  # the tax statement of a seller
        ],
        "seller_applications": [w["application"].pk],
        "catalog_moderation": [w["takedown_b"].pk, w["product_b"].pk],
        "seller_record": [w["seller_b"].pk],
        "seller_application_review": [w["application"].pk],
        "seller_application_document": [w["application"].pk],
        "wagtailadmin_api": [
            w["draft_b"].pk,
            w["product_b"].pk,
            w["image_b"].pk,
            w["document_b"].pk,
        ],
    }
    if argument in ("pk", "object_id"):
        return by_namespace.get(namespace, [w["draft_b"].pk])
    if argument in ("app_label", "app_name", "content_type_app_name"):
        return ["catalog"]
    if argument in ("model_name", "content_type_model_name"):
        return ["productpage"]
    return []


def _fill(w, name: str, pattern: URLPattern) -> list[str]:
    """Every URL of this view with B's objects as its arguments."""
    kwargs_list: list[dict] = [{}]
    for argument in _argument_names(pattern):
        values = _candidates(w, name, argument)
        if not values:
            return []
        kwargs_list = [{**k, argument: v} for k in kwargs_list for v in values]
    urls = []
    for kwargs in kwargs_list:
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:  # a combination the route does not accept
            continue
    return urls


def _bulk_urls(w) -> list[str]:
    """Every registered bulk action's confirmation page, with B's ids."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    ids = {
        ("wagtailcore", "page"): [w["draft_b"].pk, w["product_b"].pk],
        ("wagtailimages", "image"): [w["image_b"].pk],
        ("wagtaildocs", "document"): [w["document_b"].pk],
        ("catalog", "ocopcertificate"): [w["certificate_b"].pk],
        ("catalog", "ruralindustrialaward"): [w["award_b"].pk],
        ("catalog", "sellerlicence"): [w["licence_b"].pk],
        ("auth", "user"): [w["editor_b"].pk],
    }
    urls = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            chosen = ids.get((app_label, model_name), [w["draft_b"].pk])
            for action in actions:
                url = reverse(
                    "wagtail_bulk_action", args=(app_label, model_name, action)
                )
                urls.append(url + "?" + "&".join(f"id={pk}" for pk in chosen))
                urls.append(url + "?id=all&childOf=" + str(w["seller_b"].pk))
    return urls


def _extra_urls(w) -> list[str]:
    """Listings and searches whose filters take B's ids as query parameters."""
    api = "/quan-tri/api/main/"
    seller_b = w["seller_b"].pk
    return [
        f"{api}pages/?search={SEARCH}",
        f"{api}pages/?child_of={seller_b}",
        f"{api}pages/?descendant_of={seller_b}",
        f"{api}pages/?for_explorer=1&child_of={seller_b}",
        f"{api}pages/?type=catalog.ProductPage&fields=*",
        f"{api}images/?search={SEARCH}",
        f"{api}images/",
        f"{api}documents/?search={SEARCH}",
        f"{api}documents/",
        reverse("wagtailadmin_choose_page") + "?page_type=catalog.productpage",
        reverse("wagtailadmin_choose_page_child", args=[seller_b]),
        reverse("wagtailadmin_choose_page_search") + f"?q={SEARCH}",
        reverse("wagtailadmin_choose_page_search")
        + f"?q={SEARCH}&page_type=catalog.productpage",
        reverse("wagtailadmin_choose_page_chosen_multiple")
        + f"?id={w['draft_b'].pk}&id={w['product_b'].pk}",
        reverse("wagtailadmin_choose_page_external_link")
        + f"?parent_page_id={w['draft_b'].pk}",
        reverse("wagtailadmin_choose_page_anchor_link")
        + f"?parent_page_id={w['draft_b'].pk}",
        reverse("wagtailimages_chooser:chosen_multiple") + f"?id={w['image_b'].pk}",
        reverse("wagtaildocs_chooser:chosen_multiple") + f"?id={w['document_b'].pk}",
        reverse("wagtailsnippetchoosers_catalog_ocopcertificate:chosen_multiple")
        + f"?id={w['certificate_b'].pk}",
        reverse("wagtailsnippetchoosers_catalog_sellerlicence:chosen_multiple")
        + f"?id={w['licence_b'].pk}",
        reverse("wagtailsnippets_catalog_sellerlicence:list") + f"?q={SEARCH}",
        reverse("wagtailimages_chooser:choose") + f"?collection_id="
        f"{w['access_b'].media_collection_id}",
        reverse("wagtaildocs_chooser:choose") + f"?collection_id="
        f"{w['access_b'].media_collection_id}",
        reverse("wagtailimages:index") + f"?collection_id="
        f"{w['access_b'].media_collection_id}",
        reverse("wagtailadmin_reports:site_history") + "?object_type=",
        reverse("wagtailadmin_tag_autocomplete") + "?term=Z",
        # A's own tax statement: B's part of the shared order is not in it.
        reverse("checkout_admin:tax_statement", args=[w["seller_a"].pk]),
        reverse("checkout_admin:tax_statement", args=[w["seller_a"].pk])
        + "?export=xlsx",
    ]


def _all_urls(w) -> list[str]:
    urls = []
    for _route, name, pattern in _admin_patterns():
        if name in SKIPPED:
            continue
        for url in _fill(w, name, pattern):
            urls.append(url)
            if not _argument_names(pattern):  # listings and searches
                urls.append(url + f"?q={SEARCH}")
    return [*urls, *_bulk_urls(w), *_extra_urls(w)]


def _leaks(response) -> bool:
    body = b"".join(response) if response.streaming else response.content
    return SECRET.encode() in body or SECRET in response.get("Location", "")


def test_seller_sees_nothing_of_another_seller_through_any_admin_url(client, world):
    client.force_login(world["editor_a"])
    urls = _all_urls(world)
    assert len(urls) > 300  # the walk reaches the whole admin, not a sample

    leaking = []
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        if _leaks(response):
            leaking.append((url, response.status_code))

    assert leaking == [], "\n".join(f"{status} {url}" for url, status in leaking)


def test_department_sees_every_sellers_objects(client, world):
    client.force_login(department_user())

    for url in [
        "/quan-tri/api/main/images/",
        "/quan-tri/api/main/documents/",
        f"/quan-tri/api/main/pages/?search={SEARCH}",
        reverse("wagtailimages_chooser:choose") + f"?q={SEARCH}",
        reverse("wagtaildocs_chooser:choose") + f"?q={SEARCH}",
        reverse("wagtailadmin_choose_page_search") + f"?q={SEARCH}",
        reverse("wagtailsnippetchoosers_catalog_ocopcertificate:choose"),
        reverse("wagtailsnippetchoosers_catalog_ruralindustrialaward:choose"),
        reverse("wagtailsnippets_catalog_sellerlicence:list"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("checkout_admin:index"),
        reverse("checkout_admin:tax_report"),
        reverse("checkout_admin:tax_statement", args=[world["seller_b"].pk]),
        reverse("wagtailadmin_pages:edit", args=[world["draft_b"].pk]),
        reverse("catalog_moderation:takedowns"),
        reverse("catalog_moderation:takedown", args=[world["takedown_b"].pk]),
        reverse("seller_record", args=[world["seller_b"].pk]),
        reverse("wagtailadmin_pages:edit", args=[world["seller_b"].pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _leaks(response), url  # B's objects are listed for the department


# -- B's things cannot be used ------------------------------------------------------


def _latest(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def _gallery_post(client, product, image_id: int) -> dict:
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    return url, form_data(client, url, **{"gallery_images-0-image": image_id})


def test_seller_cannot_put_another_sellers_image_in_own_gallery(client, world):
    client.force_login(world["editor_a"])
    url, data = _gallery_post(client, world["product_a"], world["image_b"].pk)

    response = client.post(url, data)

    assert response.status_code == 200
    assert "ảnh này không thuộc thư viện của cơ sở" in response.content.decode()
    revision = _latest(world["product_a"])
    assert world["image_b"].pk not in [
        i.image_id for i in revision.gallery_images.all()
    ]


def test_seller_can_use_own_collections_image(client, world):
    own = ImageFactory(collection_id=world["access_a"].media_collection_id)
    client.force_login(world["editor_a"])
    url, data = _gallery_post(client, world["product_a"], own.pk)

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    revision = _latest(world["product_a"])
    assert [i.image_id for i in revision.gallery_images.all()] == [own.pk]


@pytest.mark.parametrize("field", ["logo", "cover_image"])
def test_seller_profile_refuses_another_sellers_image(client, world, field):
    client.force_login(world["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[world["seller_a"].pk])

    response = client.post(url, form_data(client, url, **{field: world["image_b"].pk}))

    assert response.status_code == 200
    assert "ảnh này không thuộc thư viện của cơ sở" in response.content.decode()
    draft = _latest(world["seller_a"])
    assert getattr(draft, f"{field}_id") != world["image_b"].pk


def test_certificate_refuses_another_sellers_scan(client, world):
    client.force_login(world["editor_a"])
    url = reverse("wagtailsnippets_catalog_ocopcertificate:add")
    data = {
        "product": world["product_a"].pk,
        "stars": "4",
        "level": "province",
        "decision_number": "12/QĐ-UBND",
        "decision_date": "05/05/2025",
        "certificate_file": world["document_b"].pk,
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "tài liệu này không thuộc thư viện của cơ sở" in response.content.decode()
    assert not OcopCertificate.objects.filter(decision_number="12/QĐ-UBND").exists()


def test_certificate_accepts_own_scan(client, world):
    own = _document("Giấy của A", world["access_a"].media_collection)
    client.force_login(world["editor_a"])
    url = reverse("wagtailsnippets_catalog_ocopcertificate:add")
    data = {
        "product": world["product_a"].pk,
        "stars": "4",
        "level": "province",
        "decision_number": "13/QĐ-UBND",
        "decision_date": "05/05/2025",
        "certificate_file": own.pk,
    }

    response = client.post(url, data)

    assert response.status_code == 302
    assert OcopCertificate.objects.get(decision_number="13/QĐ-UBND").certificate_file


def test_seller_bulk_action_on_another_sellers_page_is_refused(client, world):
    client.force_login(world["editor_a"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))

    response = client.post(f"{url}?id={world['draft_b'].pk}")

    assert response.status_code in (403, 404)
    assert Page.objects.filter(pk=world["draft_b"].pk).exists()
    assert SECRET not in response.content.decode()


# -- private documents --------------------------------------------------------------


def _serve_url(document) -> str:
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def test_another_sellers_document_is_refused(client, world):
    client.force_login(world["editor_a"])

    response = client.get(_serve_url(world["document_b"]))

    assert response.status_code == 403


def test_anonymous_visitor_cannot_download_a_certificate_scan(client, world):
    response = client.get(_serve_url(world["document_b"]))

    assert response.status_code == 302
    assert "next=" in response.url
    assert not response.url.startswith("/media/")


def test_seller_and_department_download_the_scan(client, world):
    url = _serve_url(world["document_b"])
    for user in (world["editor_b"], department_user()):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_product_images_stay_public(client, world):
    rendition = world["image_b"].get_rendition("original")

    assert not re.search(r"/tai-lieu/|/documents/", rendition.url)
    assert rendition.url.startswith("/media/")


# -- collections --------------------------------------------------------------------


def test_each_seller_has_its_own_collection_with_media_permissions(world):
    access = world["access_a"]
    permissions = set(
        access.group.collection_permissions.filter(
            collection=access.media_collection
        ).values_list("permission__codename", flat=True)
    )

    assert permissions == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    assert not access.group.collection_permissions.exclude(
        collection=access.media_collection
    ).exists()
    assert access.media_collection != world["access_b"].media_collection
    assert Group.objects.filter(seller_access__isnull=False).count() == 2


def test_ensure_seller_access_restores_collection_permissions(world):
    access = world["access_a"]
    access.group.collection_permissions.all().delete()

    again = ensure_seller_access(world["seller_a"])

    assert again.media_collection_id == access.media_collection_id
    assert access.group.collection_permissions.filter(
        collection=access.media_collection, permission__codename="choose_image"
    ).exists()
    assert access.group.collection_permissions.count() == 6


def test_seller_sees_its_own_licences_only(client, world):
    own = SellerLicence.objects.create(
        seller=world["seller_a"],
        number="A-01/GP",
        issuer="Sở Công Thương tỉnh Vĩnh Long",
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
        expires_on=timezone.localdate() + datetime.timedelta(days=700),
        licence_file=_document("Giấy phép A", world["access_a"].media_collection),
    )
    client.force_login(world["editor_a"])

    listing = client.get(reverse("wagtailsnippets_catalog_sellerlicence:list"))
    foreign = client.get(
        reverse(
            "wagtailsnippets_catalog_sellerlicence:edit", args=[world["licence_b"].pk]
        )
    )

    assert listing.status_code == 200
    assert "A-01/GP" in listing.content.decode()
    assert SECRET not in listing.content.decode()
    # Refused: Wagtail sends the editor back to the dashboard, nothing of B shown.
    assert foreign.status_code in (302, 403, 404)
    assert not _leaks(foreign)
    assert SellerLicence.objects.get(pk=own.pk).seller_id == world["seller_a"].pk


def test_seller_cannot_file_a_licence_for_another_seller(client, world):
    client.force_login(world["editor_a"])
    url = reverse("wagtailsnippets_catalog_sellerlicence:add")

    response = client.post(
        url,
        {
            "seller": world["seller_b"].pk,
            "kind": "alcohol_retail",
            "number": "X-01/GP",
            "issuer": "Sở Công Thương",
            "issued_on": "2026-01-05",
            "expires_on": "2028-01-05",
            "licence_file": world["document_b"].pk,
        },
    )

    assert response.status_code == 200
    assert not SellerLicence.objects.filter(number="X-01/GP").exists()
