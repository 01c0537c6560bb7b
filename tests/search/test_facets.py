"""Facets, filters, sorting and paging agree with the database."""

import pytest

from search import services
from search.params import API_NAMES, SearchParams
from tests.search.utils import QueryDict

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def run(**params):
    page_size = params.pop("page_size", 24)
    parsed = SearchParams.from_querydict(
        QueryDict(**params), API_NAMES, page_size=page_size
    )
    return services.list_products(parsed, log=False)


def counts(results, facet):
    return {b["key"]: b["count"] for b in results.facets[facet] if b["count"]}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"category": "processed-food"},
        {"category": ["handicraft", "agro-aquatic"]},
        {"ocop": "4"},
        {"ocop": ["3", "5"], "category": "agro-aquatic"},
        {"seller_type": "cooperative", "price_max": "100000"},
        {"certification": "vietgap"},
        {"in_stock": "1", "price_min": "50000"},
    ],
)
def test_facet_counts_equal_database_counts(catalogue, params):
    engine_results = run(**params)
    parsed = SearchParams.from_querydict(QueryDict(**params), API_NAMES)
    database = services.database_listing(parsed)
    assert not engine_results.degraded and database.degraded
    assert engine_results.total == database.total
    for facet in (
        "category",
        "ocop",
        "commune",
        "seller_type",
        "price",
        "certification",
    ):
        assert counts(engine_results, facet) == counts(database, facet), facet


def test_facet_counts_with_a_text_query_count_the_matching_products(catalogue):
    from collections import Counter

    results = run(q="banh", page_size=100)
    assert results.total == len(results.cards) > 2
    slugs = {p.pk: p.category.slug for p in catalogue["products"].values()}
    by_category = Counter(slugs[card.pk] for card in results.cards)
    assert counts(results, "category") == dict(by_category)
    for bucket in results.facets["seller_type"]:
        assert run(q="banh", seller_type=bucket["key"]).total == bucket["count"]


def test_facet_counts_match_what_ticking_a_value_would_show(catalogue):
    everything = run()
    for bucket in everything.facets["category"]:
        assert run(category=bucket["key"]).total == bucket["count"]
    chosen = run(category="handicraft")
    # Multi-select: other categories keep their counts while one is selected.
    assert counts(chosen, "category") == counts(everything, "category")
    assert chosen.total == 2


def test_ocop_filter_counts_only_verified_unexpired_certificates(catalogue):
    assert [r.title for r in run(ocop="5").cards] == ["Bưởi Năm Roi Bình Minh"]
    assert [r.title for r in run(ocop="4").cards] == ["Kẹo chuối Bến Tre"]
    assert {r.title for r in run(ocop=["3", "5"]).cards} == {
        "Kẹo dừa sáp",
        "Nón lá Long Hồ",
        "Bưởi Năm Roi Bình Minh",
    }
    everything = run()
    assert counts(everything, "ocop") == {"5": 1, "4": 1, "3": 2}
    stars = {r.title: r.stars for r in everything.cards}
    assert stars["Đường thốt nốt nguyên chất"] is None
    assert stars["Nước mắm cá cơm"] is None


def test_sorting_by_price_newest_and_stars(catalogue):
    prices = [r.price_vnd for r in run(sort="price_asc").cards]
    assert prices == sorted(prices)
    prices = [r.price_vnd for r in run(sort="price_desc").cards]
    assert prices == sorted(prices, reverse=True)
    by_stars = [r.stars for r in run(sort="stars").cards]
    assert by_stars[:4] == [5, 4, 3, 3]
    assert set(by_stars[4:]) == {None}
    newest = run(sort="newest").cards
    assert newest[0].title == "Bánh canh gạo Ba Khánh"


def test_pages_use_the_engine_total(catalogue):
    first, second, third = (run(page=str(n), page_size=5) for n in (1, 2, 3))
    assert first.total == second.total == third.total == 12
    assert first.num_pages == 3
    assert [len(p.cards) for p in (first, second, third)] == [5, 5, 2]
    seen = [r.title for p in (first, second, third) for r in p.cards]
    assert len(set(seen)) == 12


def test_promoted_product_is_pinned_first_for_its_query(catalogue):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("quà tết"),
        page=catalogue["products"]["chieu"],
        sort_order=0,
        description="Quà Tết",
    )
    results = run(q="qua tet")
    assert results.cards[0].title == "Chiếu cói hoa"
    assert run(q="chieu coi").cards[0].title == "Chiếu cói hoa"


def test_api_returns_the_documented_shape(catalogue, client):
    response = client.get(
        "/api/search/", {"q": "keo", "category": "processed-food", "ocop": "4"}
    )
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {
        "total",
        "page",
        "results",
        "facets",
        "suggestion",
        "understood",
    }
    assert data["total"] == 1 and data["page"] == 1
    assert data["results"] == [
        {
            "title": "Kẹo chuối Bến Tre",
            "url": catalogue["products"]["keo_chuoi"].url,
            "seller": "Hợp tác xã Kẹo Dừa Đất Dừa",
            "price_vnd": 60000,
            "unit": "kg",
            "ocop_stars": 4,
            "image": data["results"][0]["image"],
        }
    ]
    assert data["results"][0]["image"].endswith(".webp")
    assert set(data["facets"]) == {
        "category",
        "ocop",
        "commune",
        "seller_type",
        "price",
        "certification",
    }
    assert {"key", "label", "count"} == set(data["facets"]["ocop"][0])


def test_empty_query_with_filters_lists_every_matching_product(catalogue, client):
    data = client.get("/api/search/", {"category": "handicraft"}).json()
    assert data["total"] == 2
    assert {r["title"] for r in data["results"]} == {"Chiếu cói hoa", "Nón lá Long Hồ"}


def test_autocomplete_suggests_products_and_sellers(catalogue, client):
    data = client.get("/api/suggest/", {"q": "banh tr"}).json()
    kinds = {(s["text"], s["type"]) for s in data["suggestions"]}
    assert ("Bánh tráng nướng mè đen", "product") in kinds
    assert ("Cơ sở Bánh Tráng Út Mừng", "seller") in kinds
    assert all(s["url"].startswith("/") for s in data["suggestions"])
    assert client.get("/api/suggest/", {"q": "mekong"}).json()["suggestions"][0] == {
        "text": "Công ty TNHH Thực phẩm Mekonggreen",
        "url": catalogue["sellers"]["mekong"].url,
        "type": "seller",
    }
