"""Sales data (price, stock, availability) change at once: the live page, its
revisions, its history and the search index, with no approval round."""

import pytest
from wagtail.models import PageLogEntry

from catalog.models import ProductPage
from catalog.sales_data import SALES_DATA_ACTION, apply_sales_data
from search import engine, services
from search.documents import PRODUCTS, alias_name
from search.params import API_NAMES, SearchParams
from tests.factories import ProductPageFactory, SellerPageFactory
from tests.search.utils import QueryDict, index_everything
from tests.sellers.accounts import seller_with_editor


def test_new_price_reaches_the_live_page_its_revision_and_its_history(site_root):
    seller, product, editor = seller_with_editor("htx-gia")
    assert product.price_vnd == 125000

    changed = apply_sales_data(product, editor, price_vnd=99000, available=False)

    assert changed == {"price_vnd": 99000, "available": False}
    live = ProductPage.objects.get(pk=product.pk)
    assert (live.price_vnd, live.available) == (99000, False)
    assert not live.has_unpublished_changes
    assert live.get_latest_revision().content["price_vnd"] == 99000
    entry = PageLogEntry.objects.get(page=live, action=SALES_DATA_ACTION)
    assert entry.user == editor
    assert entry.data["before"]["price_vnd"] == 125000


def test_an_unchanged_figure_writes_nothing(site_root):
    seller, product, editor = seller_with_editor("htx-gia")

    assert apply_sales_data(product, editor, price_vnd=product.price_vnd) == {}
    assert not PageLogEntry.objects.filter(action=SALES_DATA_ACTION).exists()


@pytest.mark.engine
def test_search_filters_by_the_new_price(site_root, django_capture_on_commit_callbacks):
    seller = SellerPageFactory(title="Hợp tác xã Cam Sành Hiếu Trung")
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductPageFactory(
            title="Cam sành Tam Bình", parent=seller, price_vnd=125000
        )
    index_everything()

    def cheap() -> list[str]:
        engine.refresh(alias_name(PRODUCTS))
        query = QueryDict(q="cam sanh", price_max="60000")
        params = SearchParams.from_querydict(query, API_NAMES)
        return [card.title for card in services.list_products(params, log=False).cards]

    assert cheap() == []
    with django_capture_on_commit_callbacks(execute=True):
        apply_sales_data(product, None, price_vnd=50000)
    assert cheap() == ["Cam sành Tam Bình"]
