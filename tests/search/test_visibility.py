"""A product the public may not see is gone from every public page and API at
once, and back when the reason is lifted: view restrictions added or removed,
takedowns, suspended sellers, keyword screening. With the real engine."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction

from catalog import moderation
from catalog.models import ScreeningKeyword, Takedown
from marketplace.models import Collection
from marketplace.models.snippets import CollectionItem
from search import engine
from search.documents import PRODUCTS, alias_name
from sellers import moderation as seller_moderation
from sellers.models import SellerPage
from tests.factories import ProductPageFactory, SellerPageFactory
from tests.search.utils import index_everything
from tests.sellers.accounts import department_user

pytestmark = [pytest.mark.engine, pytest.mark.django_db]

TITLE = "Mắm tép Chợ Gạo"


def api_titles(client, q: str = "mam tep") -> list[str]:
    engine.refresh(alias_name(PRODUCTS))
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body.get("degraded") in (False, None)
    return [item["title"] for item in body["results"]]


def suggestions(client, q: str = "mam tep") -> str:
    return client.get("/api/suggest/", {"q": q}).content.decode()


def public_everywhere(client, product) -> dict:
    """Where the product shows, page by page."""
    seller = SellerPage.objects.get(pk=product.seller_id)
    return {
        "api": TITLE in api_titles(client),
        # The results page marks the matched words: look for the product's link.
        "search": product.url
        in client.get("/tim-kiem/", {"q": "mam tep"}).content.decode(),
        "suggest": TITLE in suggestions(client),
        "page": client.get(product.url).status_code == 200,
        "seller": TITLE in client.get(seller.url).content.decode(),
        "home": TITLE in client.get("/").content.decode(),
        "sitemap": product.url in client.get("/sitemap.xml").content.decode(),
    }


ALL_SHOWN = dict.fromkeys(
    ("api", "search", "suggest", "page", "seller", "home", "sitemap"), True
)
ALL_GONE = dict.fromkeys(ALL_SHOWN, False)


@pytest.fixture
def world(site_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seller = SellerPageFactory(title="Cơ sở Mắm Tép Bà Tư")
        product = ProductPageFactory(title=TITLE, parent=seller)
    collection = Collection.objects.create(title="Quà quê", featured=True)
    CollectionItem.objects.create(collection=collection, product=product)
    index_everything()
    return {"seller": seller, "product": product, "department": department_user()}


def test_the_product_is_public_to_start_with(client, world):
    assert public_everywhere(client, world["product"]) == ALL_SHOWN


def test_a_restriction_on_the_seller_reindexes_its_products_at_once(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=world["seller"], restriction_type=PageViewRestriction.LOGIN
        )
    assert api_titles(client) == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert api_titles(client) == [TITLE]


def test_a_password_on_the_product_reindexes_it(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=world["product"],
            restriction_type=PageViewRestriction.PASSWORD,
            password="bi-mat",  # noqa: S106 - a test page's password
        )
    assert api_titles(client) == []
    assert TITLE not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert api_titles(client) == [TITLE]


def test_hidden_listing_is_gone_everywhere_and_back_when_lifted(
    client, world, django_capture_on_commit_callbacks
):
    product, department = world["product"], world["department"]
    with django_capture_on_commit_callbacks(execute=True):
        takedown = moderation.hide_listing(product.pk, department, "Hàng giả")
    assert public_everywhere(client, product) == ALL_GONE
    with django_capture_on_commit_callbacks(execute=True):
        moderation.lift(takedown.pk, department, "Đã xác minh hàng thật")
    assert public_everywhere(client, product) == ALL_SHOWN
    product.refresh_from_db()
    assert product.live  # nothing was unpublished or deleted


def test_suspended_seller_is_gone_everywhere_and_back_on_reinstatement(
    client, world, django_capture_on_commit_callbacks
):
    product, seller, department = world["product"], world["seller"], world["department"]
    with django_capture_on_commit_callbacks(execute=True):
        seller_moderation.suspend(seller.pk, department, "Vi phạm lần hai")
    assert public_everywhere(client, product) == ALL_GONE
    assert client.get(seller.url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        seller_moderation.reinstate(seller.pk, department, "Đã khắc phục")
    assert public_everywhere(client, product) == ALL_SHOWN


def test_every_decision_is_in_the_sellers_log(
    world, django_capture_on_commit_callbacks
):
    seller, product, department = world["seller"], world["product"], world["department"]
    SellerPage.objects.filter(pk=seller.pk).update(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        seller_moderation.record_identity_check(
            seller.pk, department, "vneid", timezone.localdate(), "Qua VNeID mức 2"
        )
        seller_moderation.suspend(seller.pk, department, "Vi phạm lần hai")
        seller_moderation.reinstate(seller.pk, department, "Đã khắc phục")
        takedown = moderation.hide_listing(product.pk, department, "Hàng giả")
        moderation.appeal(takedown.pk, department, "Chúng tôi có hoá đơn")
        moderation.decide_appeal(takedown.pk, department, grant=True, note="Đồng ý")
    entries = PageLogEntry.objects.filter(
        page=seller, action__startswith="sellers."
    ).order_by("timestamp", "pk")
    assert [e.action for e in entries] == [
        "sellers.identity_check",
        "sellers.suspend",
        "sellers.reinstate",
        "sellers.takedown",
        "sellers.appeal",
        "sellers.appeal_decided",
    ]
    assert all(e.user_id == department.pk for e in entries)
    assert "Vi phạm lần hai" in str(entries[1].data)
    seller.refresh_from_db()
    assert seller.identity_method == "vneid"
    assert seller.identity_checked_by_id == department.pk
    assert not seller.verified  # the identity check is not the badge


def test_a_suspension_needs_a_reason(world):
    with pytest.raises(seller_moderation.ModerationError):
        seller_moderation.suspend(world["seller"].pk, world["department"], "  ")
    assert SellerPage.objects.get(pk=world["seller"].pk).suspended_at is None


def test_authority_request_has_a_24_hour_clock(world):
    takedown = moderation.open_authority_request(
        world["product"].pk,
        world["department"],
        authority="Cục Quản lý thị trường tỉnh Vĩnh Long",
        reference="123/QLTT",
        reason="Nghi hàng giả",
    )
    assert takedown.due_at - takedown.opened_at == datetime.timedelta(hours=24)
    assert not takedown.is_late()
    assert not Takedown.objects.late().exists()
    # A day and a minute later, not acted on: late, and in the "late" filter.
    later = takedown.opened_at + datetime.timedelta(hours=24, minutes=1)
    assert takedown.is_late(now=later)
    assert list(Takedown.objects.late(now=later)) == [takedown]
    assert list(Takedown.objects.open()) == [takedown]


def test_a_screened_keyword_holds_the_listing_until_released(
    client, world, django_capture_on_commit_callbacks
):
    ScreeningKeyword.objects.create(phrase="Thuốc chữa bách bệnh")
    with django_capture_on_commit_callbacks(execute=True):
        held = ProductPageFactory(
            title="Rượu ngâm THUOC CHUA BACH BENH",
            parent=world["seller"],
        )
    held.refresh_from_db()
    assert held.live and held.held_for_screening
    assert "Thuốc chữa bách bệnh" in held.screening_matches
    assert api_titles(client, "ruou ngam") == []
    assert client.get(held.url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        moderation.release(held.pk, world["department"])
    assert api_titles(client, "ruou ngam") == [held.title]
    # Published again unchanged: the cleared text is not held a second time.
    with django_capture_on_commit_callbacks(execute=True):
        held.refresh_from_db()
        held.save_revision().publish()
    held.refresh_from_db()
    assert not held.held_for_screening


def test_matched_words_are_highlighted_ignoring_diacritics():
    html = moderation.highlight("Rượu THUỐC chữa bách bệnh <b>", ["thuoc chua"])
    assert html == "Rượu <mark>THUỐC chữa</mark> bách bệnh &lt;b&gt;"
