"""A seller's editor works on its own pages only, through every admin URL."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from catalog.models import ProductPage
from sellers.models import SellerPage
from tests.factories import ImageFactory
from tests.sellers.accounts import form_data, seller_with_editor


@pytest.fixture
def sellers(site_root):
    """Seller A (logged in as its editor) and seller B, each with a live product."""
    seller_a, product_a, editor_a = seller_with_editor("hop-tac-xa-a")
    seller_b, product_b, editor_b = seller_with_editor("hop-tac-xa-b")
    return {
        "seller_a": seller_a,
        "product_a": product_a,
        "editor_a": editor_a,
        "seller_b": seller_b,
        "product_b": product_b,
        "editor_b": editor_b,
    }


def _tree_snapshot():
    """Everything an admin action on a page could change."""
    return sorted(
        Page.objects.values_list(
            "id",
            "title",
            "slug",
            "path",
            "live",
            "has_unpublished_changes",
            "latest_revision_id",
            "live_revision_id",
            "locked",
        )
    )


def _refused(response) -> bool:
    """Wagtail answers a permission error with 403, or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.rstrip("/").endswith(
        reverse("wagtailadmin_home").rstrip("/")
    )


def _edit_post_data(page, **overrides):
    data = {
        "title": page.title + " (sửa trái phép)",
        "slug": page.slug,
        "summary": "Đã bị sửa",
        "category": page.category_id,
        "price_vnd": "1000",
        "unit": page.unit,
        "min_order": "1",
        "available": "on",
        "gallery_images-TOTAL_FORMS": "1",
        "gallery_images-INITIAL_FORMS": "1",
        "gallery_images-MIN_NUM_FORMS": "1",
        "gallery_images-MAX_NUM_FORMS": "1000",
        "gallery_images-0-id": page.gallery_images.first().pk,
        "gallery_images-0-image": page.gallery_images.first().image_id,
        "gallery_images-0-alt_text": "Ảnh",
        "gallery_images-0-ORDER": "1",
        "tags": "",
    }
    data.update(overrides)
    return data


def _bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return url + "?" + "&".join(f"id={p.pk}" for p in pages)


FORBIDDEN_ACTIONS = {
    "edit_form": lambda c, s: c.get(
        reverse("wagtailadmin_pages:edit", args=[s["product_b"].pk])
    ),
    "edit_save": lambda c, s: c.post(
        reverse("wagtailadmin_pages:edit", args=[s["product_b"].pk]),
        _edit_post_data(s["product_b"]),
    ),
    "edit_publish": lambda c, s: c.post(
        reverse("wagtailadmin_pages:edit", args=[s["product_b"].pk]),
        _edit_post_data(s["product_b"], **{"action-publish": "1"}),
    ),
    "edit_seller_page": lambda c, s: c.post(
        reverse("wagtailadmin_pages:edit", args=[s["seller_b"].pk]),
        {"title": "Chiếm quyền", "slug": s["seller_b"].slug},
    ),
    "add_product_under_other_seller": lambda c, s: c.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["catalog", "productpage", s["seller_b"].pk],
        ),
        _edit_post_data(s["product_b"], slug="san-pham-la", title="Sản phẩm lạ"),
    ),
    "unpublish": lambda c, s: c.post(
        reverse("wagtailadmin_pages:unpublish", args=[s["product_b"].pk])
    ),
    "delete": lambda c, s: c.post(
        reverse("wagtailadmin_pages:delete", args=[s["product_b"].pk])
    ),
    "move_choose_destination": lambda c, s: c.get(
        reverse("wagtailadmin_pages:move", args=[s["product_b"].pk])
    ),
    "move_confirm_into_own_seller": lambda c, s: c.post(
        reverse(
            "wagtailadmin_pages:move_confirm",
            args=[s["product_b"].pk, s["seller_a"].pk],
        )
    ),
    "move_own_product_to_other_seller": lambda c, s: c.post(
        reverse(
            "wagtailadmin_pages:move_confirm",
            args=[s["product_a"].pk, s["seller_b"].pk],
        )
    ),
    "copy_into_own_seller": lambda c, s: c.post(
        reverse("wagtailadmin_pages:copy", args=[s["product_b"].pk]),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": s["seller_a"].pk,
        },
    ),
    "copy_own_product_into_other_seller": lambda c, s: c.post(
        reverse("wagtailadmin_pages:copy", args=[s["product_a"].pk]),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": s["seller_b"].pk,
        },
    ),
    "revert_revision": lambda c, s: c.post(
        reverse(
            "wagtailadmin_pages:revisions_revert",
            args=[s["product_b"].pk, s["product_b"].latest_revision_id],
        ),
        _edit_post_data(s["product_b"]),
    ),
    "lock": lambda c, s: c.post(
        reverse("wagtailadmin_pages:lock", args=[s["product_b"].pk])
    ),
    "set_privacy": lambda c, s: c.post(
        reverse("wagtailadmin_pages:set_privacy", args=[s["product_b"].pk]),
        {"restriction_type": "password", "password": "bi-mat-123"},
    ),
    "reorder": lambda c, s: c.post(
        reverse("wagtailadmin_pages:set_page_position", args=[s["product_b"].pk])
        + "?position=0"
    ),
}

# The copy form validates the destination and shows the error on the form itself.
REFUSED_BY_FORM = {"copy_own_product_into_other_seller"}
BULK_ACTIONS = ["publish", "unpublish", "delete", "move"]


@pytest.mark.parametrize("action", sorted(FORBIDDEN_ACTIONS))
def test_seller_cannot_touch_other_sellers_pages(client, sellers, action):
    client.force_login(sellers["editor_a"])
    before = _tree_snapshot()

    response = FORBIDDEN_ACTIONS[action](client, sellers)

    if action in REFUSED_BY_FORM:
        assert response.status_code == 200
    else:
        assert _refused(response), response.status_code
    assert _tree_snapshot() == before
    assert not Page.objects.filter(slug="ban-sao").exists()


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_seller_bulk_actions_skip_other_sellers_pages(client, sellers, action):
    client.force_login(sellers["editor_a"])
    before = _tree_snapshot()

    data = {"move_applicable": "on", "chooser": sellers["seller_a"].pk}
    response = client.post(
        _bulk_url(action, sellers["product_b"], sellers["seller_b"]), data
    )

    assert response.status_code in (200, 302, 403)
    assert _tree_snapshot() == before


def test_seller_bulk_publish_cannot_publish_own_pages(client, sellers):
    product = sellers["product_a"]
    product.title = "Bản nháp chưa duyệt"
    product.save_revision(user=sellers["editor_a"])
    client.force_login(sellers["editor_a"])

    client.post(_bulk_url("publish", product))

    product.refresh_from_db()
    assert product.has_unpublished_changes
    assert ProductPage.objects.live().get(pk=product.pk).title != "Bản nháp chưa duyệt"


def test_seller_can_edit_own_product(client, sellers):
    product = sellers["product_a"]
    client.force_login(sellers["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, title="Kẹo dừa sáp mới"))

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.get_latest_revision_as_object().title == "Kẹo dừa sáp mới"
    assert product.title != "Kẹo dừa sáp mới"  # the live version waits for approval


def test_seller_can_add_product_under_own_page(client, sellers):
    seller = sellers["seller_a"]
    client.force_login(sellers["editor_a"])
    url = reverse("wagtailadmin_pages:add", args=["catalog", "productpage", seller.pk])
    # An image from the seller's own collection (other collections are refused).
    image_id = ImageFactory(collection_id=seller.access.media_collection_id).pk
    data = form_data(
        client,
        url,
        title="Mắm cá lóc",
        slug="mam-ca-loc",
        category=sellers["product_a"].category_id,
        price_vnd="85.000",
        unit="hũ 500 g",
        **{
            "gallery_images-TOTAL_FORMS": "1",
            "gallery_images-0-image": image_id,
            "gallery_images-0-alt_text": "Hũ mắm cá lóc",
            "gallery_images-0-ORDER": "1",
        },
    )

    response = client.post(url, data)

    assert response.status_code == 302
    product = ProductPage.objects.get(slug="mam-ca-loc")
    assert product.get_parent().pk == seller.pk
    assert product.seller_id == seller.pk
    assert product.price_vnd == 85000
    assert not product.live


def test_seller_can_edit_own_seller_page_but_not_verification(client, sellers):
    seller = sellers["seller_a"]
    SellerPage.objects.filter(pk=seller.pk).update(verified=False)
    client.force_login(sellers["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[seller.pk])
    data = form_data(client, url, phone="0912 345 678", verified="on")
    assert "verified" not in client.get(url).context["form"].fields

    response = client.post(url, data)

    assert response.status_code == 302
    draft = SellerPage.objects.get(pk=seller.pk).get_latest_revision_as_object()
    assert draft.phone == "+84912345678"
    assert draft.verified is False
    assert draft.verified_by_id is None


def test_seller_cannot_publish_own_product_directly(client, sellers):
    product = sellers["product_a"]
    client.force_login(sellers["editor_a"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    client.post(
        url, form_data(client, url, title="Tự xuất bản", **{"action-publish": "1"})
    )

    assert ProductPage.objects.get(pk=product.pk).title != "Tự xuất bản"


def test_seller_cannot_unpublish_own_product(client, sellers):
    product = sellers["product_a"]
    client.force_login(sellers["editor_a"])

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[product.pk]))

    assert _refused(response)
    assert ProductPage.objects.get(pk=product.pk).live


def test_seller_explorer_lists_only_own_pages(client, sellers):
    client.force_login(sellers["editor_a"])

    response = client.get(
        reverse("wagtailadmin_explore", args=[sellers["seller_a"].get_parent().pk]),
        follow=True,
    )

    body = response.content.decode()
    assert sellers["seller_a"].title in body
    assert sellers["seller_b"].title not in body


def test_seller_admin_speaks_vietnamese(client, sellers):
    client.force_login(sellers["editor_a"])

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()
