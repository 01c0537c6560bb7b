"""Publish, unpublish, delete and rename reach the index; rebuilds never empty it."""

import io
import threading
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from search import engine, services
from search.documents import PRODUCTS, alias_name
from search.params import API_NAMES, SearchParams
from search.queries import product_search
from tests.factories import (
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)
from tests.search.utils import QueryDict, index_everything

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def found(query: str) -> list[str]:
    engine.refresh(alias_name(PRODUCTS))
    params = SearchParams.from_querydict(QueryDict(q=query), API_NAMES)
    results = services.list_products(params, log=False)
    assert not results.degraded
    return [r.title for r in results.cards]


@pytest.fixture
def seller(site_root):
    seller = SellerPageFactory(title="Hợp tác xã Cam Sành Hiếu Trung")
    index_everything()
    return seller


def test_published_product_is_found_and_unpublished_one_is_not(
    seller, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductPageFactory(title="Cam sành Tam Bình", parent=seller)
    assert found("cam sanh") == ["Cam sành Tam Bình"]
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    assert found("cam sanh") == []


def test_deleted_product_leaves_the_index(seller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductPageFactory(title="Mứt gừng", parent=seller)
    assert found("mut gung") == ["Mứt gừng"]
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()
    assert found("mut gung") == []


def test_renaming_a_seller_updates_its_products(
    seller, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ProductPageFactory(title="Cam sành loại 1", parent=seller)
    with django_capture_on_commit_callbacks(execute=True):
        seller.title = "Hợp tác xã Trái Cây Phú Quới"
        seller.save_revision().publish()
    # "phu quoi" alone would be the commune filter (search intent): with a word of
    # the name beside it, it is the seller's name.
    assert found("trai cay phu quoi") == ["Cam sành loại 1"]
    assert found("hieu trung") == []


def test_certificate_verification_changes_ocop_filtering(
    seller, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductPageFactory(title="Khoai lang tím", parent=seller)
        certificate = OcopCertificateFactory(product=product, stars=4, verified_at=None)
    params = SearchParams.from_querydict(QueryDict(ocop="4"), API_NAMES)
    assert services.list_products(params, log=False).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        certificate.verify(user=None)
    engine.refresh(alias_name(PRODUCTS))
    assert services.list_products(params, log=False).total == 1


def test_publishing_succeeds_while_the_engine_is_down_and_update_catches_up(
    seller, django_capture_on_commit_callbacks, settings
):
    real_url = settings.SEARCH_URL
    settings.SEARCH_URL = "http://127.0.0.1:9"
    engine.reset()
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductPageFactory(title="Bánh pía sầu riêng", parent=seller)
    assert product.live
    params = SearchParams.from_querydict(QueryDict(q="banh pia"), API_NAMES)
    degraded = services.list_products(params, log=False)
    assert degraded.degraded and degraded.cards[0].title == "Bánh pía sầu riêng"

    settings.SEARCH_URL = real_url
    engine.reset()
    assert found("banh pia") == []
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_index", "check", "--no-progress", stdout=out)
    assert "1 missing" in out.getvalue()
    call_command("search_index", "update", "--no-progress", stdout=io.StringIO())
    assert found("banh pia") == ["Bánh pía sầu riêng"]
    call_command("search_index", "check", "--no-progress", stdout=io.StringIO())


def test_rebuild_swaps_aliases_without_a_moment_of_empty_results(seller):
    for n in range(30):
        ProductPageFactory(title=f"Kẹo dừa lá dứa {n}", parent=seller, images=0)
    index_everything()
    engine.refresh(alias_name(PRODUCTS))
    params = SearchParams.from_querydict(QueryDict(q="keo dua"), API_NAMES)
    totals: list[int] = []
    errors: list[Exception] = []
    stop = threading.Event()

    def query_until_stopped():
        while not stop.is_set():
            try:
                search = product_search(params, alias_name(PRODUCTS), date.today())
                raw = engine.execute(search, alias_name(PRODUCTS)).to_dict()
                totals.append(raw["hits"]["total"]["value"])
            except engine.EngineError as exc:
                errors.append(exc)

    old = engine.alias_targets(alias_name(PRODUCTS))
    thread = threading.Thread(target=query_until_stopped)
    thread.start()
    try:
        for _ in range(2):
            call_command(
                "search_index",
                "rebuild",
                "--only",
                PRODUCTS,
                "--no-progress",
                stdout=io.StringIO(),
            )
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert len(totals) > 5
    assert set(totals) == {30}
    new = engine.alias_targets(alias_name(PRODUCTS))
    assert new != old and len(new) == 1
    assert engine.indexes_matching(alias_name(PRODUCTS) + "_*") == new
